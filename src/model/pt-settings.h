/* pt-settings.h: the typed preferences object the UI binds to (one property per GSettings key) */
#pragma once

#include <gio/gio.h>

#include "pt-engine-types.h"

G_BEGIN_DECLS

#define PT_SETTINGS_SCHEMA_ID "org.example.Pt97112"

typedef enum {
  PT_COLOR_SCHEME_FOLLOW,
  PT_COLOR_SCHEME_LIGHT,
  PT_COLOR_SCHEME_DARK,
} PtColorScheme;

#define PT_TYPE_SETTINGS (pt_settings_get_type ())

G_DECLARE_FINAL_TYPE (PtSettings, pt_settings, PT, SETTINGS, GObject)

PtSettings   *pt_settings_new                  (void);
PtSettings   *pt_settings_new_with_backend     (GSettingsBackend *backend);
gboolean      pt_settings_is_persistent        (PtSettings       *self);
PtMethod      pt_settings_get_default_method   (PtSettings       *self);
PtTieRule     pt_settings_get_tie_rule         (PtSettings       *self);
gboolean      pt_settings_get_show_both_methods (PtSettings      *self);
PtDiscipline  pt_settings_get_default_discipline (PtSettings     *self);
guint         pt_settings_get_autosave_delay   (PtSettings       *self);
double        pt_settings_get_presentation_text_scale (PtSettings *self);
PtColorScheme pt_settings_get_color_scheme     (PtSettings       *self);
gboolean      pt_settings_get_show_sidebar     (PtSettings       *self);
gboolean      pt_settings_get_quiz_mode        (PtSettings       *self);
guint         pt_settings_get_recent_files_limit (PtSettings     *self);
void          pt_settings_get_window_size      (PtSettings       *self,
                                                int              *width,
                                                int              *height,
                                                gboolean         *maximized);
void          pt_settings_set_window_size      (PtSettings       *self,
                                                int               width,
                                                int               height,
                                                gboolean          maximized);

G_END_DECLS
