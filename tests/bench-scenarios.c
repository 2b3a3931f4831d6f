/* bench-scenarios.c: load time and search-as-you-type time of a 10,000-scenario library
 *
 * Not a test: run it by hand ("_build/tests/bench-scenarios [N]"). It builds N
 * (10,000) scenarios with realistic text, saves them to a temporary file,
 * loads the file back, then times one keystroke of the sidebar filter (every
 * scenario tested against the query) for 20 queries typed a letter at a time,
 * and prints the median:  load_ms=… filter_ms=…
 * A keystroke must stay well under one frame (16 ms).
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <time.h>

#include "pt-json-read.h"
#include "pt-scenario-library.h"
#include "pt-visit-io.h"

#define N_QUERIES 20

static const char * const codes[] = { "97112", "97110", "97116", "97530", "97140", "97535", "97161", "97150" };
static const char * const topics[] = {
  "balance", "vestibular", "gait", "ankle", "stroke", "parkinson", "ataxia", "knee",
  "shoulder", "transfers", "dizziness", "proprioception", "coordination", "posture",
};
static const char * const kinds[] = {
  "tie between leftovers", "orphan minutes", "long visit", "assistant split", "group session",
  "evaluation day", "per-code contract", "manual example",
};

static PtScenario *
make_scenario (guint i,
               GRand *rand)
{
  g_autoptr(PtVisit) visit = pt_visit_new ();
  g_autofree char *id = g_strdup_printf ("gen-%05u", i);
  g_autofree char *title = NULL;
  g_autofree char *summary = NULL;
  const char *tags[4] = { NULL, NULL, NULL, NULL };
  const char *points[3] = { NULL, NULL, NULL };
  g_autofree char *p1 = NULL, *p2 = NULL;
  PtScenario *scenario;
  guint n_blocks = 1 + g_rand_int_range (rand, 0, 4);
  guint n_known = g_strv_length ((char **) pt_scenario_known_tags);

  for (guint b = 0; b < n_blocks; b++)
    {
      g_autoptr(PtBlock) block = pt_block_new (codes[g_rand_int_range (rand, 0, G_N_ELEMENTS (codes))],
                                               g_rand_int_range (rand, 3, 45));
      g_autofree char *deficit = g_strdup_printf ("Reduced %s with %u falls this month",
                                                  topics[g_rand_int_range (rand, 0, G_N_ELEMENTS (topics))],
                                                  b + 1);

      pt_block_set_text (block, PT_BLOCK_DEFICIT, deficit);
      pt_block_set_text (block, PT_BLOCK_INTERVENTION, "Graded standing tasks on foam with cues at the pelvis");
      pt_block_set_text (block, PT_BLOCK_GOAL, "Walk in the community without losing balance");
      pt_block_set_text (block, PT_BLOCK_RESPONSE, "Needed fewer cues by the end of the block");
      pt_block_set_text (block, PT_BLOCK_PLAN, "Progress the surface and add a dual task");
      pt_visit_append_block (visit, block);
    }

  title = g_strdup_printf ("%s %s, case %u", topics[i % G_N_ELEMENTS (topics)],
                           kinds[(i / G_N_ELEMENTS (topics)) % G_N_ELEMENTS (kinds)], i);
  summary = g_strdup_printf ("A %s visit that teaches %s under both methods.",
                             topics[(i * 7) % G_N_ELEMENTS (topics)], kinds[i % G_N_ELEMENTS (kinds)]);
  p1 = g_strdup_printf ("The %u timed minutes are pooled under CMS and charted per code under AMA.", i % 120);
  p2 = g_strdup ("Document each block's minutes and aim separately so the codes do not overlap.");
  points[0] = p1;
  points[1] = p2;
  tags[0] = pt_scenario_known_tags[i % n_known];
  tags[1] = pt_scenario_known_tags[(i / 3) % n_known];
  if (tags[1] == tags[0])
    tags[1] = NULL;

  scenario = pt_scenario_new (id, title, visit);
  pt_scenario_set_summary (scenario, summary);
  pt_scenario_set_tags (scenario, tags);
  pt_scenario_set_teaching_points (scenario, points);
  pt_scenario_set_expected_units (scenario, PT_METHOD_CMS, codes[0], 2);
  pt_scenario_set_expected_units (scenario, PT_METHOD_AMA, codes[0], 2);

  return scenario;
}

/* Processor time of this process, in ms: steadier than wall time on a busy machine. */
static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static gint
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

int
main (int   argc,
      char *argv[])
{
  /* Twenty keystrokes: two queries typed a letter at a time. */
  static const char * const queries[N_QUERIES] = {
    "b", "ba", "bal", "bala", "balan", "balanc", "balance", "balance ", "balance t", "balance ti",
    "balance tie", "9", "97", "971", "9711", "97112", "97112 ", "97112 o", "97112 or", "97112 orphan",
  };
  guint n = argc > 1 ? (guint) strtoul (argv[1], NULL, 10) : 10000;
  g_autoptr(GError) error = NULL;
  g_autoptr(PtScenarioLibrary) library = pt_scenario_library_new ();
  g_autoptr(PtScenarioLibrary) loaded = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (97112);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GArray) matches = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  double times[N_QUERIES];
  double cpu_times[N_QUERIES];
  GStatBuf st;
  gint64 start;
  double load_ms, load_cpu_ms, read_ms, parse_ms, builtin_ms;
  guint last_matches = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PtScenario) scenario = make_scenario (i, rand);

      if (!pt_scenario_library_add (library, scenario, &error))
        g_error ("%s", error->message);
    }

  dir = g_dir_make_tmp ("pt-bench-scenarios-XXXXXX", &error);
  if (dir == NULL)
    g_error ("%s", error->message);
  path = g_build_filename (dir, "library.json", NULL);
  file = g_file_new_for_path (path);
  if (!pt_scenario_library_save_to_file (library, file, &error))
    g_error ("%s", error->message);
  g_stat (path, &st);

  /* Where the load time goes: reading the file and parsing the JSON alone. */
  {
    g_autofree char *data = NULL;
    g_autoptr(JsonNode) root = NULL;
    gsize length;

    start = g_get_monotonic_time ();
    data = pt_file_load_limited (file, PT_SCENARIO_LIBRARY_MAX_FILE_SIZE, "bench", &length, &error);
    read_ms = (g_get_monotonic_time () - start) / 1000.0;
    start = g_get_monotonic_time ();
    root = pt_json_parse (data, (gssize) length, "bench", &error);
    parse_ms = (g_get_monotonic_time () - start) / 1000.0;
    if (root == NULL)
      g_error ("%s", error->message);
  }

  start = g_get_monotonic_time ();
  load_cpu_ms = cpu_ms ();
  loaded = pt_scenario_library_load_from_file (file, &error);
  load_cpu_ms = cpu_ms () - load_cpu_ms;
  load_ms = (g_get_monotonic_time () - start) / 1000.0;
  if (loaded == NULL)
    g_error ("%s", error->message);
  g_assert (g_list_model_get_n_items (G_LIST_MODEL (loaded)) == n);

  /* The library the program ships, for comparison. */
  {
    g_autoptr(PtScenarioLibrary) builtin = NULL;

    start = g_get_monotonic_time ();
    builtin = pt_scenario_library_new_builtin (&error);
    builtin_ms = (g_get_monotonic_time () - start) / 1000.0;
    if (builtin == NULL)
      g_error ("%s", error->message);
  }

  for (guint q = 0; q < N_QUERIES; q++)
    {
      guint total = g_list_model_get_n_items (G_LIST_MODEL (loaded));

      double cpu_start;

      g_array_set_size (matches, 0);
      start = g_get_monotonic_time ();
      cpu_start = cpu_ms ();
      for (guint i = 0; i < total; i++)
        if (pt_scenario_matches (pt_scenario_library_get_scenario (loaded, i), queries[q], NULL))
          g_array_append_val (matches, i);
      cpu_times[q] = cpu_ms () - cpu_start;
      times[q] = (g_get_monotonic_time () - start) / 1000.0;
      last_matches = matches->len;
    }

  qsort (times, N_QUERIES, sizeof times[0], (int (*) (const void *, const void *)) compare_doubles);
  qsort (cpu_times, N_QUERIES, sizeof cpu_times[0], (int (*) (const void *, const void *)) compare_doubles);

  g_printerr ("%u scenarios, %" G_GINT64_FORMAT " bytes on disk; load: %.1f ms of processor time, "
              "of which reading %.1f ms and the JSON parse alone %.1f ms; built-in library %.1f ms; "
              "last query matched %u; keystroke median %.3f ms of processor time, slowest %.3f ms\n",
              n, (gint64) st.st_size, load_cpu_ms, read_ms, parse_ms, builtin_ms, last_matches,
              (cpu_times[N_QUERIES / 2 - 1] + cpu_times[N_QUERIES / 2]) / 2, times[N_QUERIES - 1]);
  g_print ("load_ms=%.1f filter_ms=%.3f\n", load_ms, (times[N_QUERIES / 2 - 1] + times[N_QUERIES / 2]) / 2);

  g_remove (path);
  g_rmdir (dir);

  return 0;
}
