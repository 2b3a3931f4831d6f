/* pt-ui-test-utils.c: running the main loop and finding widgets in the window tests */
#include "config.h"

#include "pt-ui-test-utils.h"

/* Runs what is pending (redraws, idles, handlers), without blocking. */
void
pt_ui_test_pump (void)
{
  for (guint i = 0; i < 100 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
}

static GtkWidget *
find_widget (GtkWidget *root,
             GType      type,
             guint     *n)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        {
          if (*n == 0)
            return child;
          (*n)--;
        }
      if ((found = find_widget (child, type, n)))
        return found;
    }

  return NULL;
}

/* Depth-first: the @n-th descendant of @root of @type, or NULL. */
GtkWidget *
pt_ui_test_nth (GtkWidget *root,
                GType      type,
                guint      n)
{
  return find_widget (root, type, &n);
}
