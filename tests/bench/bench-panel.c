/* bench-panel.c: a minutes edit in the real window, through the units panel and the next frame
 *
 * Not a test: build-aux/bench runs it under a display (Xvfb when there is
 * none). It opens the main window, puts the 50-block visit of bench-common.c
 * in it (the editor makes a row per block, the units panel shows the result)
 * and then, R times (200 by default), changes one block's minutes the way the
 * editor does (pt_block_set_minutes) and waits for the frame that shows it.
 * It prints, in microseconds, the median and the 95th percentile of
 *
 *   results pt_workspace_recompute() in the window: the recompute and every
 *           "results-changed" handler, the units panel's rebuild above all;
 *   panel   one rebuild of the units panel alone, from the same results;
 *   update  the edit itself: every handler that runs on the change, that is
 *           the workspace's recompute, the units panel's rebuild of its
 *           table, steps and hints, the editor's own reactions;
 *   frame   the work of the next frame, from the frame clock's "before-paint"
 *           to its "after-paint": the new labels measured, laid out, drawn;
 *   handler each widget's "results-changed" handlers alone, the others
 *           blocked ("handler PtUnitsPanel …", "(hidden)" when not shown),
 *           then all of them ("handler all …");
 *   edit-handler the same, but each time on the fresh results of a real
 *           edit, after the frame that drew it, as the user meets them
 *           ("edit-handler none …": the edit with every handler blocked).
 *
 * and "load_ms=…", the time to put the visit in the window and draw it, the
 * renderer and the number of widgets in the window, editor and panel. The
 * drafts the workspace writes meanwhile go to a temporary folder.
 *
 *   bench-panel [--blocks N] [--reps R]
 */
#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "bench-common.h"
#include "pt-application.h"
#include "pt-units-panel.h"
#include "pt-window.h"

#define WARM_UP 10

static gint64 before_paint_us;
static gint64 after_paint_us;
static gboolean painted;
static gboolean timed_out;

static void
on_before_paint (GdkFrameClock *clock)
{
  before_paint_us = g_get_monotonic_time ();
}

static void
on_after_paint (GdkFrameClock *clock)
{
  after_paint_us = g_get_monotonic_time ();
  painted = TRUE;
}

static gboolean
on_timeout (gpointer data)
{
  timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until a frame has been drawn. The change itself queues
 * the frame; only when none comes within a second is a redraw asked for, and
 * after 5 s without a frame it gives up. */
static gboolean
wait_for_frame (GtkWidget *window)
{
  guint timeout = g_timeout_add_seconds (1, on_timeout, NULL);

  painted = FALSE;
  timed_out = FALSE;
  while (!painted && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    {
      g_source_remove (timeout);
      return TRUE;
    }

  timeout = g_timeout_add_seconds (4, on_timeout, NULL);
  timed_out = FALSE;
  gtk_widget_queue_draw (window);
  while (!painted && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (timeout);

  return painted;
}

static guint
count_widgets (GtkWidget *root)
{
  guint n = 1;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    n += count_widgets (child);

  return n;
}

/* The first widget under @root whose type is called @type_name, else @root. */
static GtkWidget *
find_child (GtkWidget  *root,
            const char *type_name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (g_str_equal (G_OBJECT_TYPE_NAME (child), type_name))
        return child;
      found = find_child (child, type_name);
      if (found != child)
        return found;
    }

  return root;
}

static void
pump (void)
{
  for (guint i = 0; i < 100 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
}

/* Every widget under @root (and @root) of the app's own types (Pt…). */
static void
collect_own_widgets (GtkWidget *root,
                     GPtrArray *found)
{
  if (g_str_has_prefix (G_OBJECT_TYPE_NAME (root), "Pt"))
    g_ptr_array_add (found, root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    collect_own_widgets (child, found);
}

/* Times the workspace's "results-changed" handlers one owner at a time: the
 * handlers connected with a widget as their data (g_signal_connect_object),
 * each alone, the others blocked, and then all of them together. Prints
 * "handler TYPE median_us=… p95_us=…", with "(hidden)" after a widget that
 * the window does not show, and "handler all …". */
static void
time_handlers (PtWorkspace *workspace,
               GtkWidget   *window,
               guint        reps)
{
  guint signal_id = g_signal_lookup ("results-changed", PT_TYPE_WORKSPACE);
  g_autoptr(GPtrArray) widgets = g_ptr_array_new ();
  g_autoptr(GPtrArray) owners = g_ptr_array_new ();
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gulong));
  gulong id;

  collect_own_widgets (window, widgets);
  for (guint i = 0; i < widgets->len; i++)
    if (g_signal_handler_find (workspace, G_SIGNAL_MATCH_ID | G_SIGNAL_MATCH_DATA, signal_id, 0, NULL, NULL,
                               widgets->pdata[i]) != 0)
      g_ptr_array_add (owners, widgets->pdata[i]);

  /* Block every handler, remembering each. */
  while ((id = g_signal_handler_find (workspace, G_SIGNAL_MATCH_ID | G_SIGNAL_MATCH_UNBLOCKED, signal_id, 0,
                                      NULL, NULL, NULL)) != 0)
    {
      g_signal_handler_block (workspace, id);
      g_array_append_val (ids, id);
    }
  g_print ("handlers count=%u owners=%u\n", ids->len, owners->len);

  for (guint o = 0; o <= owners->len; o++)
    {
      g_autoptr(GArray) us = g_array_new (FALSE, FALSE, sizeof (double));
      g_autofree char *name = NULL;
      GtkWidget *owner = o < owners->len ? owners->pdata[o] : NULL;

      if (owner != NULL)
        g_signal_handlers_unblock_matched (workspace, G_SIGNAL_MATCH_ID | G_SIGNAL_MATCH_DATA, signal_id, 0,
                                           NULL, NULL, owner);
      else
        for (guint i = 0; i < ids->len; i++)
          g_signal_handler_unblock (workspace, g_array_index (ids, gulong, i));

      for (guint r = 0; r < WARM_UP + reps; r++)
        {
          gint64 start = g_get_monotonic_time ();
          double elapsed;

          g_signal_emit (workspace, signal_id, 0);
          elapsed = (double) (g_get_monotonic_time () - start);
          pump ();
          if (r >= WARM_UP)
            g_array_append_val (us, elapsed);
        }

      if (owner != NULL)
        {
          g_signal_handlers_block_matched (workspace, G_SIGNAL_MATCH_ID | G_SIGNAL_MATCH_DATA, signal_id, 0,
                                           NULL, NULL, owner);
          name = g_strdup_printf ("handler %s%s", G_OBJECT_TYPE_NAME (owner),
                                  gtk_widget_get_mapped (owner) ? "" : "(hidden)");
        }
      else
        name = g_strdup ("handler all");
      bench_report (name, us);
    }
}

/* Times the same handlers after a real edit, as the user meets them: the
 * minutes change with every handler blocked (the workspace recomputes), the
 * window draws that frame, and only then the owner's handlers run on the
 * fresh results, timed; then the frame they queued is drawn. Unlike
 * time_handlers(), which emits again on unchanged results in a warm loop,
 * this is what each handler costs in the edit. Prints "edit-handler TYPE …"
 * and "edit-handler all …", and "edit-handler none …": the edit with every
 * handler blocked (the binding to the row's spin button, the recompute, the
 * undo and draft timers). */
static gboolean
time_handlers_after_edit (PtWorkspace *workspace,
                          GtkWidget   *window,
                          PtBlock     *edited,
                          guint        reps)
{
  guint signal_id = g_signal_lookup ("results-changed", PT_TYPE_WORKSPACE);
  g_autoptr(GPtrArray) widgets = g_ptr_array_new ();
  g_autoptr(GPtrArray) owners = g_ptr_array_new ();
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gulong));
  gulong id;

  collect_own_widgets (window, widgets);
  for (guint i = 0; i < widgets->len; i++)
    if (g_signal_handler_find (workspace, G_SIGNAL_MATCH_ID | G_SIGNAL_MATCH_DATA, signal_id, 0, NULL, NULL,
                               widgets->pdata[i]) != 0)
      g_ptr_array_add (owners, widgets->pdata[i]);

  while ((id = g_signal_handler_find (workspace, G_SIGNAL_MATCH_ID | G_SIGNAL_MATCH_UNBLOCKED, signal_id, 0,
                                      NULL, NULL, NULL)) != 0)
    {
      g_signal_handler_block (workspace, id);
      g_array_append_val (ids, id);
    }

  /* owners->len: all of them; owners->len + 1: none (the edit alone) */
  for (guint o = 0; o <= owners->len + 1; o++)
    {
      g_autoptr(GArray) us = g_array_new (FALSE, FALSE, sizeof (double));
      g_autofree char *name = NULL;
      GtkWidget *owner = o < owners->len ? owners->pdata[o] : NULL;

      for (guint r = 0; r < WARM_UP + reps; r++)
        {
          gint minutes = pt_block_get_minutes (edited);
          gint64 start = g_get_monotonic_time ();
          double elapsed;

          pt_block_set_minutes (edited, minutes == 14 ? 15 : 14);
          elapsed = (double) (g_get_monotonic_time () - start);
          /* With the handlers blocked, or hidden, nothing on screen may
           * change: ask for the frame rather than wait a second for none. */
          gtk_widget_queue_draw (window);
          if (!wait_for_frame (window))
            return FALSE;

          if (owner != NULL)
            g_signal_handlers_unblock_matched (workspace, G_SIGNAL_MATCH_ID | G_SIGNAL_MATCH_DATA, signal_id, 0,
                                               NULL, NULL, owner);
          else if (o == owners->len)
            for (guint i = 0; i < ids->len; i++)
              g_signal_handler_unblock (workspace, g_array_index (ids, gulong, i));

          if (o <= owners->len)
            {
              start = g_get_monotonic_time ();
              g_signal_emit (workspace, signal_id, 0);
              elapsed = (double) (g_get_monotonic_time () - start);
            }

          if (owner != NULL)
            g_signal_handlers_block_matched (workspace, G_SIGNAL_MATCH_ID | G_SIGNAL_MATCH_DATA, signal_id, 0,
                                             NULL, NULL, owner);
          else if (o == owners->len)
            for (guint i = 0; i < ids->len; i++)
              g_signal_handler_block (workspace, g_array_index (ids, gulong, i));

          if (o <= owners->len)
            {
              gtk_widget_queue_draw (window);
              if (!wait_for_frame (window))
                return FALSE;
            }
          if (r >= WARM_UP)
            g_array_append_val (us, elapsed);
        }

      if (owner != NULL)
        name = g_strdup_printf ("edit-handler %s%s", G_OBJECT_TYPE_NAME (owner),
                                gtk_widget_get_mapped (owner) ? "" : "(hidden)");
      else
        name = g_strdup (o == owners->len ? "edit-handler all" : "edit-handler none");
      bench_report (name, us);
    }

  for (guint i = 0; i < ids->len; i++)
    g_signal_handler_unblock (workspace, g_array_index (ids, gulong, i));

  return TRUE;
}

/* Removes @path and everything under it (the private state folder). */
static void
remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
            remove_tree (child);
          else
            g_unlink (child);
        }
      g_dir_close (dir);
    }
  g_rmdir (path);
}

int
main (int    argc,
      char **argv)
{
  guint n_blocks = 50, reps = 200;
  g_autoptr(GRand) rand = g_rand_new_with_seed (97112);
  g_autoptr(PtApplication) app = NULL;
  g_autoptr(PtVisit) visit = NULL;
  g_autoptr(GArray) update_us = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) frame_us = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) results_us = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) panel_us = g_array_new (FALSE, FALSE, sizeof (double));
  PtUnitsPanel *panel;
  gboolean show_other;
  g_autoptr(GError) error = NULL;
  g_autofree char *state_dir = NULL;
  PtWindow *window;
  PtWorkspace *workspace;
  GdkFrameClock *clock;
  PtBlock *edited;
  gint64 start;

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--blocks") && i + 1 < argc)
        n_blocks = bench_parse_count ("bench-panel", "--blocks", argv[++i], 200);
      else if (g_str_equal (argv[i], "--reps") && i + 1 < argc)
        reps = bench_parse_count ("bench-panel", "--reps", argv[++i], 100000);
      else
        {
          g_printerr ("usage: bench-panel [--blocks N] [--reps R]\n");
          return 2;
        }
    }

  /* Drafts written while editing go to a folder of our own, removed at the
   * end, so the user's next start is not offered a benchmark's visit. */
  state_dir = g_dir_make_tmp ("pt-bench-panel-XXXXXX", &error);
  if (state_dir == NULL)
    {
      g_printerr ("bench-panel: could not make a temporary folder: %s\n", error->message);
      return 1;
    }
  g_setenv ("XDG_STATE_HOME", state_dir, TRUE);

  if (!gtk_init_check ())
    {
      g_printerr ("bench-panel: no display to open the window on\n");
      return 2;
    }

  app = pt_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    {
      g_printerr ("bench-panel: could not start the application: %s\n", error->message);
      return 1;
    }

  window = pt_window_new (app);
  workspace = pt_window_get_workspace (window);
  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_realize (GTK_WIDGET (window));
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_signal_connect (clock, "before-paint", G_CALLBACK (on_before_paint), NULL);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), NULL);
  if (!wait_for_frame (GTK_WIDGET (window)))
    {
      g_printerr ("bench-panel: the window drew no frame\n");
      return 1;
    }

  visit = bench_visit_new (n_blocks, rand);
  start = g_get_monotonic_time ();
  pt_workspace_load_visit (workspace, visit, NULL);
  if (!wait_for_frame (GTK_WIDGET (window)))
    {
      g_printerr ("bench-panel: no frame after the visit was loaded\n");
      return 1;
    }
  if (pt_workspace_get_result (workspace, PT_METHOD_CMS) == NULL)
    {
      g_printerr ("bench-panel: the %u-block visit was not counted\n", n_blocks);
      return 1;
    }
  g_print ("load_ms=%.1f\n", (g_get_monotonic_time () - start) / 1000.0);
  panel = PT_UNITS_PANEL (find_child (GTK_WIDGET (window), "PtUnitsPanel"));
  show_other = pt_settings_get_show_both_methods (pt_application_get_settings (app));
  g_print ("visit blocks=%u reps=%u renderer=%s widgets=%u editor_widgets=%u panel_widgets=%u\n",
           n_blocks, reps, G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (window))),
           count_widgets (GTK_WIDGET (window)), count_widgets (find_child (GTK_WIDGET (window), "PtVisitEditor")),
           count_widgets (GTK_WIDGET (panel)));

  /* The recompute alone, with every "results-changed" handler of the window:
   * the units panel's rebuild above all. */
  for (guint r = 0; r < WARM_UP + reps; r++)
    {
      double us;

      start = g_get_monotonic_time ();
      pt_workspace_recompute (workspace);
      us = (double) (g_get_monotonic_time () - start);
      if (!wait_for_frame (GTK_WIDGET (window)))
        {
          g_printerr ("bench-panel: no frame after a recompute\n");
          return 1;
        }
      if (r >= WARM_UP)
        g_array_append_val (results_us, us);
    }
  bench_report ("results", results_us);

  /* One rebuild of the units panel alone: pt_units_panel_set_show_other()
   * with the value it already has redraws it from the current results. */
  for (guint r = 0; r < WARM_UP + reps; r++)
    {
      double us;

      start = g_get_monotonic_time ();
      pt_units_panel_set_show_other (panel, show_other);
      us = (double) (g_get_monotonic_time () - start);
      if (!wait_for_frame (GTK_WIDGET (window)))
        {
          g_printerr ("bench-panel: no frame after a rebuild of the panel\n");
          return 1;
        }
      if (r >= WARM_UP)
        g_array_append_val (panel_us, us);
    }
  bench_report ("panel", panel_us);

  edited = pt_visit_get_block (visit, n_blocks / 2);
  for (guint r = 0; r < WARM_UP + reps; r++)
    {
      gint minutes = pt_block_get_minutes (edited);
      double us;

      start = g_get_monotonic_time ();
      /* 14 ↔ 15 minutes: a real change every time. */
      pt_block_set_minutes (edited, minutes == 14 ? 15 : 14);
      us = (double) (g_get_monotonic_time () - start);

      before_paint_us = 0;
      if (!wait_for_frame (GTK_WIDGET (window)))
        {
          g_printerr ("bench-panel: no frame after an edit\n");
          return 1;
        }
      if (r < WARM_UP)
        continue;
      g_array_append_val (update_us, us);
      us = (double) (after_paint_us - before_paint_us);
      g_array_append_val (frame_us, us);
    }

  bench_report ("update", update_us);
  bench_report ("frame", frame_us);

  time_handlers (workspace, GTK_WIDGET (window), MAX (reps / 4, 20));
  if (!time_handlers_after_edit (workspace, GTK_WIDGET (window), edited, MAX (reps / 10, 20)))
    {
      g_printerr ("bench-panel: no frame while timing the handlers after an edit\n");
      return 1;
    }

  pt_workspace_discard_draft (workspace);
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  remove_tree (state_dir);

  return 0;
}
