/* bench-startup-phases.c: where the app's start-up time goes, step by step, in one process
 *
 * Not a test: build-aux/bench runs it (under a display) when the start-up
 * misses its aim, to say what start-up could leave until after the first
 * frame. It does what pt97112 does before its first frame, one step at a time,
 * and prints each step's wall time and processor time (all threads) in
 * milliseconds and the resident memory it added, as
 * "phase NAME ms=… cpu_ms=… rss_mib=+…":
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
 * many of them were not drawn in it ("widgets total=… undrawn=…"), with the
 * biggest undrawn parts by the app's widget they belong to ("undrawn
 * PtLibraryView widgets=…"). With --only-shown it takes the stack pages not
 * on top and the hidden lower pane out before presenting the window, as if
 * they were made on first use, so the first frame shows what that saves;
 * with --without-sidebar it takes out the sidebar and its pages.
 * With --bare it times gtk-init and the first frame of an empty GtkWindow
 * instead, the cost that every GTK program pays here; --bare-label puts one
 * label in it, to show what drawing any text at all adds (fonts, glyphs).
 */
#include "config.h"

#include <gtk/gtk.h>
#include <time.h>
#include <unistd.h>

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
static double phase_rss_mib;

/* Resident memory of this process in MiB, from /proc/self/statm (0 if unreadable). */
static double
resident_mib (void)
{
  g_autofree char *statm = NULL;
  g_auto(GStrv) fields = NULL;

  if (!g_file_get_contents ("/proc/self/statm", &statm, NULL, NULL))
    return 0;
  fields = g_strsplit (statm, " ", 3);
  if (g_strv_length (fields) < 2)
    return 0;

  return g_ascii_strtod (fields[1], NULL) * sysconf (_SC_PAGESIZE) / (1024.0 * 1024.0);
}

/* Processor time of the whole process (every thread) in milliseconds. */
static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static double phase_cpu_ms;

static void
phase (const char *name)
{
  gint64 now = g_get_monotonic_time ();
  double rss = resident_mib ();
  double cpu = cpu_ms ();

  g_print ("phase %s ms=%.1f cpu_ms=%.1f rss_mib=%+.1f\n", name, (now - phase_start) / 1000.0,
           cpu - phase_cpu_ms, rss - phase_rss_mib);
  phase_rss_mib = rss;
  phase_cpu_ms = cpu;
  phase_start = g_get_monotonic_time ();
}

static guint
count_tree (GtkWidget *root)
{
  guint n = 1;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    n += count_tree (child);

  return n;
}

/* "PtLibraryView" for a hidden part of the window: the nearest widget of the
 * app's own (Pt…) type at or above @widget, with @widget's type when it differs. */
static char *
part_name (GtkWidget *widget)
{
  for (GtkWidget *w = widget; w != NULL; w = gtk_widget_get_parent (w))
    if (g_str_has_prefix (G_OBJECT_TYPE_NAME (w), "Pt"))
      return w == widget ? g_strdup (G_OBJECT_TYPE_NAME (w))
                         : g_strdup_printf ("%s/%s", G_OBJECT_TYPE_NAME (w), G_OBJECT_TYPE_NAME (widget));

  return g_strdup (G_OBJECT_TYPE_NAME (widget));
}

/* Adds up, by part, the widgets of every subtree that the first frame did not
 * draw (unmapped, under a mapped parent); counts all widgets in @total. */
static void
find_undrawn (GtkWidget  *root,
              GHashTable *parts,
              guint      *total)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      if (!gtk_widget_get_mapped (child))
        {
          char *name = part_name (child);
          guint n = count_tree (child);

          *total += n;
          g_hash_table_insert (parts, name,
                               GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (parts, name)) + n));
        }
      else
        {
          (*total)++;
          find_undrawn (child, parts, total);
        }
    }
}

static int
compare_parts (gconstpointer a,
               gconstpointer b,
               gpointer      parts)
{
  guint x = GPOINTER_TO_UINT (g_hash_table_lookup (parts, *(const char * const *) a));
  guint y = GPOINTER_TO_UINT (g_hash_table_lookup (parts, *(const char * const *) b));

  return (y > x) - (y < x);
}

/* "widgets total=… undrawn=…", then the eight biggest undrawn parts. */
static void
report_widgets (GtkWidget *window)
{
  g_autoptr(GHashTable) parts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree gpointer *names = NULL;
  guint total = 1, undrawn = 0, n_names;

  find_undrawn (window, parts, &total);
  names = g_hash_table_get_keys_as_array (parts, &n_names);
  for (guint i = 0; i < n_names; i++)
    undrawn += GPOINTER_TO_UINT (g_hash_table_lookup (parts, names[i]));
  g_print ("widgets total=%u undrawn=%u\n", total, undrawn);

  g_qsort_with_data (names, n_names, sizeof (gpointer), compare_parts, parts);
  for (guint i = 0; i < MIN (n_names, 8); i++)
    g_print ("undrawn %s widgets=%u\n", (const char *) names[i],
             GPOINTER_TO_UINT (g_hash_table_lookup (parts, names[i])));
}

/* For --only-shown: takes out of the window what its first frame does not
 * show (the stack pages not on top, the hidden lower pane), as if they were
 * made on first use, to measure what that would save in the first frame. */
static void
remove_unshown (GtkWidget *root)
{
  GtkWidget *child = gtk_widget_get_first_child (root);

  while (child != NULL)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (child);

      if (GTK_IS_STACK (root) && child != gtk_stack_get_visible_child (GTK_STACK (root)))
        gtk_stack_remove (GTK_STACK (root), child);
      else
        remove_unshown (child);
      child = next;
    }
}

static int
run_bare (gboolean with_label)
{
  GtkWidget *window;

  phase_start = g_get_monotonic_time ();
  phase_rss_mib = resident_mib ();
  phase_cpu_ms = cpu_ms ();
  gtk_init ();
  phase ("gtk-init");

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  if (with_label)
    gtk_window_set_child (GTK_WINDOW (window), gtk_label_new ("Units by the 8-minute rule"));
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
  gboolean only_shown, no_sidebar;

  if (argc > 1 && g_str_equal (argv[1], "--bare"))
    return run_bare (FALSE);
  if (argc > 1 && g_str_equal (argv[1], "--bare-label"))
    return run_bare (TRUE);
  only_shown = argc > 1 && g_str_equal (argv[1], "--only-shown");
  no_sidebar = argc > 1 && g_str_equal (argv[1], "--without-sidebar");
  if (argc > 2 || (argc > 1 && !only_shown && !no_sidebar))
    {
      g_printerr ("usage: bench-startup-phases [--bare|--bare-label|--only-shown|--without-sidebar]\n");
      return 2;
    }

  phase_start = g_get_monotonic_time ();
  phase_rss_mib = resident_mib ();
  phase_cpu_ms = cpu_ms ();
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

  if (only_shown)
    {
      remove_unshown (GTK_WIDGET (window));
      if (!gtk_widget_get_visible (window->lower_pane))
        for (GtkWidget *child = gtk_widget_get_first_child (window->lower_pane); child;
             child = gtk_widget_get_first_child (window->lower_pane))
          gtk_box_remove (GTK_BOX (window->lower_pane), child);
      phase ("remove-unshown");
    }
  if (no_sidebar)
    {
      GtkWidget *page;

      while ((page = gtk_widget_get_first_child (GTK_WIDGET (window->sidebar_stack))) != NULL)
        gtk_stack_remove (window->sidebar_stack, page);
      gtk_widget_set_visible (window->sidebar, FALSE);
      phase ("remove-sidebar");
    }

  if (!present_and_wait (GTK_WINDOW (window)))
    {
      g_printerr ("bench-startup-phases: the window drew no frame\n");
      return 1;
    }
  phase ("first-frame");

  report_widgets (GTK_WIDGET (window));

  window->close_confirmed = TRUE;
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);

  return 0;
}
