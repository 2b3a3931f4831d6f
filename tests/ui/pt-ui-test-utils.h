/* pt-ui-test-utils.h: helpers shared by the window tests */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void       pt_ui_test_pump (void);
GtkWidget *pt_ui_test_nth  (GtkWidget *root,
                            GType      type,
                            guint      n);

G_END_DECLS
