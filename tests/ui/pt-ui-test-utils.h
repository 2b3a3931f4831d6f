/* pt-ui-test-utils.h: helpers shared by the window tests */
#pragma once

#include <gtk/gtk.h>

#include "pt-application.h"
#include "pt-window.h"

G_BEGIN_DECLS

void       pt_ui_test_pump (void);
GtkWidget *pt_ui_test_nth  (GtkWidget *root,
                            GType      type,
                            guint      n);

void           pt_ui_test_init           (int                *argc,
                                          char             ***argv);
PtApplication *pt_ui_test_app_new        (GApplicationFlags   flags);
PtWindow      *pt_ui_test_new_window     (PtApplication      *app);
void           pt_ui_test_destroy_window (PtWindow           *window);

G_END_DECLS
