/* bench-recompute.c: how long the live results take for a visit of 50 blocks
 *
 * Not a test: build-aux/bench runs it. It builds one visit of N blocks (50 by
 * default, fixed seed: timed codes of a rehab clinic with a few untimed ones,
 * 3 to 28 minutes each so the visit stays under 24 hours, every block with a
 * full note) in a PtWorkspace and times, R times each (2,000 by default):
 *
 *   recompute  pt_workspace_recompute(): both methods, every block validated,
 *              what the units panel asks for after every change;
 *   edit       one block's minutes changed through pt_block_set_minutes(), the
 *              way a keystroke in the editor reaches the workspace (the change
 *              signal, the recompute, the undo and draft timers);
 *   check      pt_visit_check_run(): both methods and the documentation checks;
 *   edit-check the documentation checks of the workspace after a minutes edit
 *              (pt_workspace_get_check(): each unchanged block's findings
 *              kept, the whole-visit checks run again), the edit not counted.
 *
 * and prints one line each with the median and the 95th percentile in
 * microseconds, e.g. "recompute median_us=41.2 p95_us=48.0". Before timing, it
 * checks that the visit is counted (no error, units under both methods).
 *
 *   bench-recompute [--blocks N] [--reps R]
 */
#include "config.h"

#include "bench-common.h"
#include "pt-visit-check.h"
#include "pt-workspace.h"

int
main (int    argc,
      char **argv)
{
  guint n_blocks = 50, reps = 2000;
  g_autoptr(GRand) rand = g_rand_new_with_seed (97112);
  g_autoptr(PtWorkspace) workspace = NULL;
  g_autoptr(PtVisit) visit = NULL;
  g_autoptr(GArray) recompute_us = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) edit_us = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) check_us = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) edit_check_us = g_array_new (FALSE, FALSE, sizeof (double));
  const PtAllocResult *cms, *ama;
  PtBlock *edited;

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--blocks") && i + 1 < argc)
        n_blocks = bench_parse_count ("bench-recompute", "--blocks", argv[++i], 200);
      else if (g_str_equal (argv[i], "--reps") && i + 1 < argc)
        reps = bench_parse_count ("bench-recompute", "--reps", argv[++i], 1000000);
      else
        {
          g_printerr ("usage: bench-recompute [--blocks N] [--reps R]\n");
          return 2;
        }
    }

  workspace = pt_workspace_new (NULL);
  visit = bench_visit_new (n_blocks, rand);
  pt_workspace_load_visit (workspace, visit, NULL);

  cms = pt_workspace_get_result (workspace, PT_METHOD_CMS);
  ama = pt_workspace_get_result (workspace, PT_METHOD_AMA);
  if (pt_workspace_get_error (workspace) != NULL || cms == NULL || ama == NULL ||
      pt_visit_get_n_blocks (visit) != n_blocks || cms->total_units <= 0 || ama->total_units <= 0)
    {
      g_printerr ("bench-recompute: the %u-block visit was not counted: %s\n", n_blocks,
                  pt_workspace_get_error (workspace) ? pt_workspace_get_error (workspace)->message
                                                     : "no result");
      return 1;
    }
  g_print ("visit blocks=%u timed_minutes=%d cms_units=%d ama_units=%d reps=%u\n",
           n_blocks, cms->total_timed_minutes, cms->total_units, ama->total_units, reps);

  /* One round untimed first: caches, lazy type and lexicon set-up. */
  pt_workspace_recompute (workspace);

  for (guint r = 0; r < reps; r++)
    {
      gint64 start = g_get_monotonic_time ();
      double us;

      pt_workspace_recompute (workspace);
      us = (double) (g_get_monotonic_time () - start);
      g_array_append_val (recompute_us, us);
    }
  bench_report ("recompute", recompute_us);

  edited = pt_visit_get_block (visit, n_blocks / 2);
  for (guint r = 0; r < reps; r++)
    {
      gint minutes = pt_block_get_minutes (edited);
      gint64 start = g_get_monotonic_time ();
      double us;

      /* 14 ↔ 15 minutes and back: a real change every time. */
      pt_block_set_minutes (edited, minutes == 14 ? 15 : 14);
      us = (double) (g_get_monotonic_time () - start);
      g_array_append_val (edit_us, us);
    }
  bench_report ("edit", edit_us);

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(PtVisitCheck) first = pt_visit_check_run (visit, PT_TIE_RULE_ENTRY_ORDER, &error);

    if (first == NULL)
      {
        g_printerr ("bench-recompute: the documentation checks failed: %s\n", error->message);
        return 1;
      }
  }

  for (guint r = 0; r < reps; r++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(PtVisitCheck) check = pt_visit_check_run (visit, PT_TIE_RULE_ENTRY_ORDER, NULL);
      double us = (double) (g_get_monotonic_time () - start);

      g_assert (check != NULL);
      g_array_append_val (check_us, us);
    }
  bench_report ("check", check_us);

  g_assert (pt_workspace_get_check (workspace) != NULL);
  for (guint r = 0; r < reps; r++)
    {
      gint minutes = pt_block_get_minutes (edited);
      gint64 start;
      double us;

      pt_block_set_minutes (edited, minutes == 14 ? 15 : 14);
      start = g_get_monotonic_time ();
      g_assert (pt_workspace_get_check (workspace) != NULL);
      us = (double) (g_get_monotonic_time () - start);
      g_array_append_val (edit_check_us, us);
    }
  bench_report ("edit-check", edit_check_us);

  return 0;
}
