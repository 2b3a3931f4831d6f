/* pt-total-time.c: Medicare's total-time method ("8-minute rule")
 *
 * billing-rules.md §1.3: untimed codes stay out; the timed minutes of the day
 * are totalled and charted to units; each code first takes its whole
 * 15-minute units; the units left go one each to the codes with the most
 * leftover minutes. Equal leftovers competing for fewer units are a tie, which
 * the visit's tie preference (then the tie rule, then entry order) settles.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pt-allocation-private.h"
#include "pt-codes.h"

#define STACK_CODES 16

/* Sort @order (indices of timed codes with leftover minutes) best first. */
static void
rank_leftovers (const PtCodeUnits   *codes,
                const PtRankContext *ctx,
                guint               *order,
                guint                n)
{
  /* insertion sort: n is the number of distinct codes in one visit */
  for (guint i = 1; i < n; i++)
    {
      guint v = order[i];
      guint j = i;

      while (j > 0 && pt_rank_compare (&codes[v], &codes[order[j - 1]], ctx, v, order[j - 1]) < 0)
        {
          order[j] = order[j - 1];
          j--;
        }
      order[j] = v;
    }
}

/* Fills each code's units. @order receives the ranked leftover candidates
 * (room for n_codes), @n_leftover_units how many of them got a unit, and @tie
 * (when not NULL) the tie at the cut, with n_codes 0 when there is none. The
 * tied codes go into @tie->codes, which the caller points at room for
 * n_codes: the audit calls this for every visit and allocates nothing.
 * Returns how many codes had leftover minutes (the length of @order). */
guint
pt_total_time_distribute (PtCodeUnits         *codes,
                          guint                n_codes,
                          const PtRankContext *ctx,
                          guint               *order,
                          guint               *n_leftover_units,
                          PtTie               *tie)
{
  gint total = 0;
  gint full = 0;
  gint remaining;
  guint n_cand = 0;

  for (guint i = 0; i < n_codes; i++)
    {
      PtCodeUnits *c = &codes[i];

      c->tied = FALSE;
      if (!c->timed)
        {
          c->full_units = 0;
          c->units = 1;
          continue;
        }

      total += c->minutes;
      c->full_units = c->minutes / 15;
      c->leftover = c->minutes % 15;
      c->units = c->full_units;
      full += c->full_units;
      if (c->leftover > 0)
        order[n_cand++] = i;
    }

  remaining = pt_units_for_minutes (total) - full;
  g_assert (remaining >= 0 && (guint) remaining <= n_cand);

  rank_leftovers (codes, ctx, order, n_cand);

  for (gint r = 0; r < remaining; r++)
    codes[order[r]].units++;

  *n_leftover_units = remaining;

  if (tie != NULL)
    {
      tie->n_codes = 0;
      tie->units = 0;
      if (remaining > 0 && (guint) remaining < n_cand &&
          codes[order[remaining - 1]].leftover == codes[order[remaining]].leftover)
        {
          gint lo = codes[order[remaining]].leftover;

          tie->leftover = lo;
          for (guint k = 0; k < n_cand; k++)
            if (codes[order[k]].leftover == lo)
              {
                tie->codes[tie->n_codes++] = order[k];
                codes[order[k]].tied = TRUE;
                if (k < (guint) remaining)
                  tie->units++;
              }
        }
    }

  return n_cand;
}

static char *
join_codes (const PtCodeUnits *codes,
            const guint       *idx,
            guint              n)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append (s, i + 1 == n ? PT_TR (" and ") : ", ");
      g_string_append (s, codes[idx[i]].code);
    }

  return g_string_free (s, FALSE);
}

static char *
band_text (gint units)
{
  if (units == 0)
    return g_strdup (PT_TR ("0–7 minutes"));

  return g_strdup_printf (PT_TR ("%d–%d minutes"),
                          pt_minutes_for_units (units), pt_minutes_for_units (units + 1) - 1);
}

/* A copy of @tie, when there is one, into the result, which owns its codes. */
static void
add_tie (PtAllocResult *result,
         const PtTie   *tie)
{
  PtTie copy = *tie;

  if (tie->n_codes == 0)
    return;

  copy.codes = g_memdup2 (tie->codes, tie->n_codes * sizeof (guint));
  g_array_append_val (result->ties, copy);
}

void
pt_total_time_explain (PtAllocResult       *result,
                       const PtRankContext *ctx)
{
  PtCodeUnits *codes = (PtCodeUnits *) (gpointer) result->codes->data;
  guint n_codes = result->codes->len;
  guint order_stack[STACK_CODES];
  guint tied_stack[STACK_CODES];
  guint *order = n_codes <= STACK_CODES ? order_stack : g_new (guint, n_codes);
  guint n_leftover_units = 0;
  guint n_cand;
  PtTie tie = { n_codes <= STACK_CODES ? tied_stack : g_new (guint, n_codes), 0, 0, 0 };
  gint units;
  gint unit = 0;
  gboolean any_timed = FALSE;
  g_autofree char *band = NULL;

  n_cand = pt_total_time_distribute (codes, n_codes, ctx, order, &n_leftover_units, &tie);

  units = pt_units_for_minutes (result->total_timed_minutes);
  band = band_text (units);

  for (guint i = 0; i < n_codes; i++)
    any_timed |= codes[i].timed;

  if (!any_timed)
    pt_alloc_result_add_step (result, PT_STEP_TOTAL, -1, 0, FALSE,
                              g_strdup (PT_TR ("No timed code in this visit: only untimed services, one unit each.")));
  else if (units == 0)
    pt_alloc_result_add_step (result, PT_STEP_TOTAL, -1, 0, FALSE,
                              g_strdup_printf (PT_TR ("%d timed minutes in all: fewer than 8, so the visit supports no timed unit."),
                                               result->total_timed_minutes));
  else
    pt_alloc_result_add_step (result, PT_STEP_TOTAL, -1, 0, FALSE,
                              g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%d timed minutes in all: the chart gives %d timed unit for %s.",
                                                            "%d timed minutes in all: the chart gives %d timed units for %s.",
                                                            units),
                                               result->total_timed_minutes, units, band));

  /* Whole units, code by code in entry order. */
  for (guint i = 0; i < n_codes; i++)
    for (gint k = 1; k <= codes[i].full_units; k++, unit++)
      pt_alloc_result_add_step (result, PT_STEP_UNIT, i, unit + 1, FALSE,
                                g_strdup_printf (PT_TR ("Unit %d → %s: whole 15-minute unit %d of %d in its %d minutes."),
                                                 unit + 1, codes[i].code, k, codes[i].full_units,
                                                 codes[i].minutes));

  /* Leftover units, best leftover first. */
  for (guint r = 0; r < n_leftover_units; r++)
    {
      const PtCodeUnits *c = &codes[order[r]];
      char *text;

      ++unit;
      if (c->tied)
        {
          g_autofree char *names = join_codes (codes, tie.codes, tie.n_codes);
          const char *why;

          if (ctx->pref_rank[order[r]] != G_MAXINT)
            why = PT_TR ("your tie choice picks it");
          else if (ctx->input->tie_rule == PT_TIE_RULE_MOST_MINUTES)
            why = PT_TR ("with no tie choice saved, the code with the most minutes goes first, then the order entered");
          else
            why = PT_TR ("with no tie choice saved, the code entered first goes first");

          text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "Unit %d → %s: tie. %s each have %d leftover minutes for %d unit; %s. Any of them is correct: choose which code carries it.",
                                               "Unit %d → %s: tie. %s each have %d leftover minutes for %d units; %s. Any of them is correct: choose which codes carry them.",
                                               tie.units),
                                  unit, c->code, names, tie.leftover, tie.units, why);
        }
      else if (n_leftover_units < n_cand)
        {
          /* Compare with the best leftover that did not get a unit. */
          const PtCodeUnits *runner = &codes[order[n_leftover_units]];

          text = g_strdup_printf (PT_TR ("Unit %d → %s: its %d leftover minutes beat %s’s %d."),
                                  unit, c->code, c->leftover, runner->code, runner->leftover);
        }
      else
        text = g_strdup_printf (PT_TR ("Unit %d → %s: its %d leftover minutes earn a unit the total allows; no other code has leftover minutes competing for it."),
                                unit, c->code, c->leftover);

      pt_alloc_result_add_step (result, PT_STEP_UNIT, order[r], unit, c->tied, text);
    }

  add_tie (result, &tie);

  pt_alloc_result_explain_common (result);

  if (order != order_stack)
    g_free (order);
  if (tie.codes != tied_stack)
    g_free (tie.codes);
}

/* Units and ties only, with no words: what an audit of many visits needs. */
void
pt_total_time_units (PtAllocResult       *result,
                     const PtRankContext *ctx)
{
  guint n_codes = result->codes->len;
  guint order_stack[STACK_CODES];
  guint tied_stack[STACK_CODES];
  guint *order = n_codes <= STACK_CODES ? order_stack : g_new (guint, n_codes);
  guint n_leftover_units;
  PtTie tie = { n_codes <= STACK_CODES ? tied_stack : g_new (guint, n_codes), 0, 0, 0 };

  pt_total_time_distribute ((PtCodeUnits *) (gpointer) result->codes->data, n_codes, ctx, order,
                            &n_leftover_units, &tie);
  add_tie (result, &tie);

  if (order != order_stack)
    g_free (order);
  if (tie.codes != tied_stack)
    g_free (tie.codes);
}

/* How many more timed minutes give one more unit, and which code would get
 * it: the first code, in leftover order, that gains the unit when the minutes
 * are added to it. */
void
pt_total_time_next_unit (PtAllocResult       *result,
                         const PtRankContext *ctx)
{
  guint n = result->codes->len;
  const PtCodeUnits *codes = (const PtCodeUnits *) (gconstpointer) result->codes->data;
  PtCodeUnits trial_stack[STACK_CODES];
  guint order_stack[STACK_CODES];
  guint rank_stack[STACK_CODES];
  PtCodeUnits *trial = n <= STACK_CODES ? trial_stack : g_new (PtCodeUnits, n);
  guint *order = n <= STACK_CODES ? order_stack : g_new (guint, n);
  guint *rank = n <= STACK_CODES ? rank_stack : g_new (guint, n);
  guint n_rank = 0;
  gint units = pt_units_for_minutes (result->total_timed_minutes);
  gint need = pt_minutes_for_units (units + 1) - result->total_timed_minutes;
  guint dummy;

  result->next_unit_minutes = need;
  result->next_unit_code = -1;

  /* Candidates in ranking order: timed codes, most leftover first. */
  for (guint i = 0; i < n; i++)
    if (codes[i].timed)
      rank[n_rank++] = i;
  rank_leftovers (codes, ctx, rank, n_rank);

  for (guint k = 0; k < n_rank && result->next_unit_code < 0; k++)
    {
      guint i = rank[k];

      memcpy (trial, codes, n * sizeof (PtCodeUnits));
      trial[i].minutes += need;
      trial[i].leftover = trial[i].minutes % 15;
      pt_total_time_distribute (trial, n, ctx, order, &dummy, NULL);
      if (trial[i].units > codes[i].units)
        result->next_unit_code = i;
    }

  if (trial != trial_stack)
    g_free (trial);
  if (order != order_stack)
    g_free (order);
  if (rank != rank_stack)
    g_free (rank);
}
