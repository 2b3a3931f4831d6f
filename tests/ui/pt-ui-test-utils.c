/* pt-ui-test-utils.c: starting the application, opening and closing windows,
 * running the main loop and finding widgets in the window tests */
#include "config.h"

#include "pt-ui-test-utils.h"
#include "pt-window-private.h"

/* g_test_init() with isolated user folders, then GTK. */
void
pt_ui_test_init (int    *argc,
                 char ***argv)
{
  /* Keep the system's MIME database: GTK's built-in SVG icons (the search
   * entry's) are recognised through it, and isolation would hide it. */
  g_content_type_set_mime_dirs (NULL);
  g_test_init (argc, argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  gtk_init ();
}

/* A registered application that is not unique (tests run side by side). */
PtApplication *
pt_ui_test_app_new (GApplicationFlags flags)
{
  PtApplication *app = pt_application_new ();

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE | flags);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));

  return app;
}

/* A new main window, presented and drawn. */
PtWindow *
pt_ui_test_new_window (PtApplication *app)
{
  PtWindow *window = pt_window_new (app);

  gtk_window_present (GTK_WINDOW (window));
  pt_ui_test_pump ();
  return window;
}

/* Closes @window without asking about unsaved changes. */
void
pt_ui_test_destroy_window (PtWindow *window)
{
  window->close_confirmed = TRUE;
  gtk_window_destroy (GTK_WINDOW (window));
  pt_ui_test_pump ();
}

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
