/* pt-ui-util.h: small widget helpers the panels share */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

GtkWidget *pt_ui_label_cell     (const char *text,
                                 float       xalign,
                                 const char *css_class);
void       pt_ui_clear_children (GtkWidget  *container);

G_END_DECLS
