/* bench-startup-phases.c: where the app's start-up time goes, step by step, in one process
 *
 * Not a test: build-aux/bench runs it (under a display) when the start-up
 * misses its aim, to say what start-up could leave until after the first
 * frame. It does what pt97112 does before its first frame, one step at a time,
 * and prints each step's wall time in milliseconds as "phase NAME ms=…":
 *
 *   gtk-init       gtk_init(): the display connection, settings, fonts set-up
 *   startup        registering the application: style sheet, accelerators, actions
 *   catalogue      pt_code_catalog_get_default(), first call
 *   lexicon        pt_doc_lexicon_get_default(), first call (the checks' word lists)
 *   scenarios      pt_scenario_library_new_builtin(), one load
 *   recent         gtk_recent_manager_get_items() on the user's recent-files list
 *   window-class   PtWindow's class and template, and those of its children
 *   window-new     pt_window_new() with the catalogue and word lists already loaded
 *   first-frame    from gtk_window_present() to the first "after-paint"
 *
 * and then, after the first frame, how many widgets the window holds and how
 * many of them were not drawn in it (hidden stack pages, hidden panes), per
 * part of the window: "widgets PART total=… undrawn=…". With --bare it times
 * gtk-init and the first frame of an empty GtkWindow instead, the cost that
 * every GTK program pays here.
 */
#include "config.h"

#include <gtk/gtk.h>

#include "pt-application.h"
#include "pt-code-catalog.h"
#include "pt-doc-lexicon.h"
#include "pt-scenario-library.h"
#include "pt-window-private.h"

static gboolean painted;

static void
on_after_paint (GdkFrameClock *clock)
{
  painted = TRUE;
}

static void
on_realize (GtkWidget *widget)
{
  g_signal_connect (gtk_widget_get_frame_clock (widget), "after-paint", G_CALLBACK (on_after_paint), NULL);
}

static gboolean
on_timeout (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Presents @window and runs the main loop until its first frame is drawn. */
static gboolean
present_and_wait (GtkWindow *window)
{
  gboolean timed_out = FALSE;
  guint timeout = g_timeout_add_seconds (20, on_timeout, &timed_out);

  g_signal_connect (window, "realize", G_CALLBACK (on_realize), NULL);
  painted = FALSE;
  gtk_window_present (window);
  while (!painted && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (timeout);

  return painted;
}

static gint64 phase_start;

static void
phase (const char *name)
{
  gint64 now = g_get_monotonic_time ();

  g_print ("phase %s ms=%.1f\n", name, (now - phase_start) / 1000.0);
  phase_start = g_get_monotonic_time ();
}

/* Counts the widgets under @root, and those of them not drawn (not mapped). */
static void
count_widgets (GtkWidget *root,
               guint     *total,
               guint     *undrawn)
{
  (*total)++;
  if (!gtk_widget_get_mapped (root))
    (*undrawn)++;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    count_widgets (child, total, undrawn);
}

static void
report_widgets (const char *part,
                GtkWidget  *root)
{
  guint total = 0, undrawn = 0;

  if (root == NULL)
    return;
  count_widgets (root, &total, &undrawn);
  g_print ("widgets %s total=%u undrawn=%u\n", part, total, undrawn);
}

static int
run_bare (void)
{
  GtkWidget *window;

  phase_start = g_get_monotonic_time ();
  gtk_init ();
  phase ("gtk-init");

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  if (!present_and_wait (GTK_WINDOW (window)))
    {
      g_printerr ("bench-startup-phases: the bare window drew no frame\n");
      return 1;
    }
  phase ("first-frame");
  gtk_window_destroy (GTK_WINDOW (window));

  return 0;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(PtApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PtScenarioLibrary) scenarios = NULL;
  GList *recent;
  PtWindow *window;

  if (argc > 1 && g_str_equal (argv[1], "--bare"))
    return run_bare ();
  if (argc > 1)
    {
      g_printerr ("usage: bench-startup-phases [--bare]\n");
      return 2;
    }

  phase_start = g_get_monotonic_time ();
  gtk_init ();
  phase ("gtk-init");

  app = pt_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    {
      g_printerr ("bench-startup-phases: could not start the application: %s\n", error->message);
      return 1;
    }
  phase ("startup");

  pt_code_catalog_get_default ();
  phase ("catalogue");

  if (pt_doc_lexicon_get_default (&error) == NULL)
    {
      g_printerr ("bench-startup-phases: the word lists did not load: %s\n", error->message);
      return 1;
    }
  phase ("lexicon");

  scenarios = pt_scenario_library_new_builtin (&error);
  if (scenarios == NULL)
    {
      g_printerr ("bench-startup-phases: the built-in library did not load: %s\n", error->message);
      return 1;
    }
  phase ("scenarios");

  recent = gtk_recent_manager_get_items (gtk_recent_manager_get_default ());
  g_list_free_full (recent, (GDestroyNotify) gtk_recent_info_unref);
  phase ("recent");

  g_type_class_unref (g_type_class_ref (PT_TYPE_WINDOW));
  phase ("window-class");

  window = pt_window_new (app);
  phase ("window-new");

  if (!present_and_wait (GTK_WINDOW (window)))
    {
      g_printerr ("bench-startup-phases: the window drew no frame\n");
      return 1;
    }
  phase ("first-frame");

  report_widgets ("window", GTK_WIDGET (window));
  report_widgets ("sidebar", window->sidebar);
  for (GtkWidget *page = gtk_widget_get_first_child (GTK_WIDGET (window->sidebar_stack)); page;
       page = gtk_widget_get_next_sibling (page))
    {
      const char *name = gtk_stack_get_visible_child (window->sidebar_stack) == page ? "shown" : "hidden";
      g_autofree char *part = g_strdup_printf ("sidebar-page:%s(%s)", G_OBJECT_TYPE_NAME (page), name);

      report_widgets (part, page);
    }
  report_widgets ("lower-pane", window->lower_pane);
  report_widgets ("editor", GTK_WIDGET (window->editor));
  report_widgets ("units-panel", GTK_WIDGET (window->units_panel));

  window->close_confirmed = TRUE;
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);

  return 0;
}
