/* bench-common.c: what the recomputation benchmarks share
 *
 * The visit they time, built from a seed so that bench-recompute (the model
 * alone) and bench-panel (the window) time the same one, the median and 95th
 * percentile line they print, and their option parsing.
 */
#include "config.h"

#include <stdlib.h>

#include "bench-common.h"

static const char * const timed_codes[] = {
  "97112", "97110", "97530", "97140", "97116", "97535", "97113", "97542",
};
static const char * const untimed_codes[] = { "97010", "97014", "97161" };

static const char * const deficits[] = {
  "Falls twice a month; sways and steps out of tandem stance within 5 seconds",
  "Loses balance turning to the left; needs a hand on the rail on stairs",
  "Weak hip abductors on the right; Trendelenburg gait over 50 metres",
};
static const char * const interventions[] = {
  "Perturbation training on foam with verbal and tactile cues at the pelvis to correct the weight shift",
  "Graded step-ups and lateral stepping against band resistance, three sets of ten",
  "Gait training with a cane over uneven ground, with cues for step length and heel strike",
};

PtVisit *
bench_visit_new (guint  n_blocks,
                 GRand *rand)
{
  PtVisit *visit = pt_visit_new ();

  pt_visit_set_title (visit, "Benchmark visit");
  pt_visit_set_date (visit, "2026-03-02");
  pt_visit_set_diagnosis (visit, "Unsteadiness on feet after a stroke");
  pt_visit_set_diagnosis_category (visit, PT_DIAGNOSIS_NEUROLOGIC);

  for (guint i = 0; i < n_blocks; i++)
    {
      gboolean untimed = g_rand_int_range (rand, 0, 10) == 0;
      const char *code = untimed
                         ? untimed_codes[g_rand_int_range (rand, 0, G_N_ELEMENTS (untimed_codes))]
                         : timed_codes[g_rand_int_range (rand, 0, G_N_ELEMENTS (timed_codes))];
      g_autoptr(PtBlock) block = pt_block_new (code, g_rand_int_range (rand, 3, 29));

      pt_block_set_text (block, PT_BLOCK_DEFICIT,
                         deficits[g_rand_int_range (rand, 0, G_N_ELEMENTS (deficits))]);
      pt_block_set_text (block, PT_BLOCK_INTERVENTION,
                         interventions[g_rand_int_range (rand, 0, G_N_ELEMENTS (interventions))]);
      pt_block_set_text (block, PT_BLOCK_OBJECTIVE, "Berg Balance Scale 41 of 56; timed up and go 16 seconds");
      pt_block_set_text (block, PT_BLOCK_GOAL, "Walk in the community for 400 metres without a fall");
      pt_block_set_text (block, PT_BLOCK_RESPONSE, "Needed fewer cues by the last set; no loss of balance");
      pt_block_set_text (block, PT_BLOCK_PLAN, "Add a head turn and a dual task next session");
      pt_visit_append_block (visit, block);
    }

  return visit;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* Sorts @us and prints "NAME median_us=… p95_us=…". */
void
bench_report (const char *name,
              GArray     *us)
{
  double median, p95;

  g_array_sort (us, compare_doubles);
  median = g_array_index (us, double, us->len / 2);
  p95 = g_array_index (us, double, MIN (us->len - 1, (guint) (us->len * 0.95)));
  g_print ("%s median_us=%.1f p95_us=%.1f\n", name, median, p95);
}

/* The value of a count option, from 1 to @max; exits with 2 otherwise. */
guint
bench_parse_count (const char *program,
                   const char *option,
                   const char *value,
                   guint       max)
{
  char *end = NULL;
  guint64 n = value ? g_ascii_strtoull (value, &end, 10) : 0;

  if (value == NULL || *value == '\0' || *end != '\0' || n == 0 || n > max)
    {
      g_printerr ("%s: %s needs a whole number from 1 to %u\n", program, option, max);
      exit (2);
    }
  return (guint) n;
}
