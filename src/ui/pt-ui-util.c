/* pt-ui-util.c: small widget helpers the panels share
 *
 * The units panel, the quiz panel and the presentation build their tables
 * from labels and empty their boxes and grids the same way.
 */
#include "config.h"

#include "pt-ui-util.h"

/* A label for a table cell: @xalign 0 for text, 1 for numbers, and an
 * optional style class. */
GtkWidget *
pt_ui_label_cell (const char *text,
                  float       xalign,
                  const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

/* Removes every child of a box or grid (or unparents them from any other
 * widget). */
void
pt_ui_clear_children (GtkWidget *container)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (container)) != NULL)
    {
      if (GTK_IS_BOX (container))
        gtk_box_remove (GTK_BOX (container), child);
      else if (GTK_IS_GRID (container))
        gtk_grid_remove (GTK_GRID (container), child);
      else
        gtk_widget_unparent (child);
    }
}
