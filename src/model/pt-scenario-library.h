/* pt-scenario-library.h: a list of teaching scenarios (a GListModel of PtScenario) */
#pragma once

#include <gio/gio.h>

#include "pt-scenario.h"

G_BEGIN_DECLS

#define PT_SCENARIO_LIBRARY_FORMAT 1
/* Ten thousand scenarios take about 23 MB; a file over 64 MB (some 27,000
 * scenarios) is refused unread, so a 100 MB one never reaches the parser. */
#define PT_SCENARIO_LIBRARY_MAX_FILE_SIZE (64 * 1024 * 1024)
#define PT_SCENARIO_LIBRARY_RESOURCE "/org/example/Pt97112/data/scenarios/builtin.json"

#define PT_SCENARIO_LIBRARY_ERROR (pt_scenario_library_error_quark ())

typedef enum {
  PT_SCENARIO_LIBRARY_ERROR_DUPLICATE_ID, /* another scenario has that id */
  PT_SCENARIO_LIBRARY_ERROR_NOT_FOUND,    /* no scenario has that id */
  PT_SCENARIO_LIBRARY_ERROR_BUILTIN,      /* built-in scenarios cannot be changed */
  PT_SCENARIO_LIBRARY_ERROR_INVALID,      /* a bad id or an empty title */
} PtScenarioLibraryError;

#define PT_TYPE_SCENARIO_LIBRARY (pt_scenario_library_get_type ())

G_DECLARE_FINAL_TYPE (PtScenarioLibrary, pt_scenario_library, PT, SCENARIO_LIBRARY, GObject)

GQuark              pt_scenario_library_error_quark    (void);

PtScenarioLibrary  *pt_scenario_library_new            (void);
PtScenarioLibrary  *pt_scenario_library_new_builtin    (GError            **error);
PtScenarioLibrary  *pt_scenario_library_new_from_data  (const char         *data,
                                                        gssize              length,
                                                        GError            **error);
PtScenarioLibrary  *pt_scenario_library_load_from_file (GFile              *file,
                                                        GError            **error);
char               *pt_scenario_library_to_data        (PtScenarioLibrary  *self,
                                                        gsize              *length);
gboolean            pt_scenario_library_save_to_file   (PtScenarioLibrary  *self,
                                                        GFile              *file,
                                                        GError            **error);
gboolean            pt_scenario_library_add            (PtScenarioLibrary  *self,
                                                        PtScenario         *scenario,
                                                        GError            **error);
gboolean            pt_scenario_library_remove         (PtScenarioLibrary  *self,
                                                        const char         *id,
                                                        GError            **error);
gboolean            pt_scenario_library_rename         (PtScenarioLibrary  *self,
                                                        const char         *id,
                                                        const char         *title,
                                                        GError            **error);
PtScenario         *pt_scenario_library_find_by_id     (PtScenarioLibrary  *self,
                                                        const char         *id);
PtScenario         *pt_scenario_library_get_scenario   (PtScenarioLibrary  *self,
                                                        guint               position);
char              **pt_scenario_library_dup_tags       (PtScenarioLibrary  *self);

G_END_DECLS
