/* pt-preferences-window.h: the preferences window (Ctrl+,), bound to PtSettings */
#pragma once

#include <gtk/gtk.h>

#include "pt-settings.h"

G_BEGIN_DECLS

#define PT_TYPE_PREFERENCES_WINDOW (pt_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (PtPreferencesWindow, pt_preferences_window, PT, PREFERENCES_WINDOW, GtkWindow)

GtkWidget *pt_preferences_window_new (PtSettings *settings,
                                      GtkWindow  *parent);

G_END_DECLS
