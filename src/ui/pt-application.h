/* pt-application.h: the GtkApplication: settings, accelerators, app actions */
#pragma once

#include <gtk/gtk.h>

#include "pt-settings.h"

G_BEGIN_DECLS

#define PT_TYPE_APPLICATION (pt_application_get_type ())

G_DECLARE_FINAL_TYPE (PtApplication, pt_application, PT, APPLICATION, GtkApplication)

PtApplication *pt_application_new              (void);
PtSettings    *pt_application_get_settings     (PtApplication *self);
void           pt_application_install_actions  (PtApplication *self);

G_END_DECLS
