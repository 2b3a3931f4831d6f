/* pt-per-code.c: the AMA/CPT per-code midpoint method
 *
 * billing-rules.md §2.1: each timed code is charted on its own minutes (a unit
 * once the midpoint of its 15 minutes is passed); nothing is pooled across
 * codes, so there is no total-time cap and no tie.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pt-allocation-private.h"
#include "pt-codes.h"

void
pt_per_code_distribute (PtCodeUnits *codes,
                        guint        n_codes)
{
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

      c->full_units = c->minutes / 15;
      c->leftover = c->minutes % 15;
      c->units = pt_units_for_minutes (c->minutes);
    }
}

void
pt_per_code_explain (PtAllocResult *result)
{
  PtCodeUnits *codes = (PtCodeUnits *) (gpointer) result->codes->data;
  guint n_codes = result->codes->len;
  gint unit = 0;
  gint total = 0;
  gboolean any_timed = FALSE;

  for (guint i = 0; i < n_codes; i++)
    if (codes[i].timed)
      {
        any_timed = TRUE;
        total += codes[i].units;
      }

  if (!any_timed)
    pt_alloc_result_add_step (result, PT_STEP_TOTAL, -1, 0, FALSE,
                              g_strdup (PT_TR ("No timed code in this visit: only untimed services, one unit each.")));
  else
    pt_alloc_result_add_step (result, PT_STEP_TOTAL, -1, 0, FALSE,
                              g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "Each timed code is charted on its own minutes, never pooled with other codes: %d timed unit in all.",
                                                            "Each timed code is charted on its own minutes, never pooled with other codes: %d timed units in all.",
                                                            total),
                                               total));

  for (guint i = 0; i < n_codes; i++)
    {
      const PtCodeUnits *c = &codes[i];

      if (!c->timed)
        continue;

      for (gint k = 1; k <= c->full_units; k++, unit++)
        pt_alloc_result_add_step (result, PT_STEP_UNIT, i, unit + 1, FALSE,
                                  g_strdup_printf (PT_TR ("Unit %d → %s: whole 15-minute unit %d of %d in its %d minutes."),
                                                   unit + 1, c->code, k, c->full_units, c->minutes));

      if (c->units > c->full_units)
        {
          unit++;
          pt_alloc_result_add_step (result, PT_STEP_UNIT, i, unit, FALSE,
                                    g_strdup_printf (PT_TR ("Unit %d → %s: its %d leftover minutes pass the midpoint (8 of 15) of one more unit."),
                                                     unit, c->code, c->leftover));
        }
    }

  pt_alloc_result_explain_common (result);
}

/* The code closest to its next unit, and how far it is. */
void
pt_per_code_next_unit (PtAllocResult *result)
{
  const PtCodeUnits *codes = (const PtCodeUnits *) (gconstpointer) result->codes->data;

  result->next_unit_minutes = 8;
  result->next_unit_code = -1;

  for (guint i = 0; i < result->codes->len; i++)
    {
      gint need;

      if (!codes[i].timed)
        continue;

      need = pt_minutes_for_units (codes[i].units + 1) - codes[i].minutes;
      if (result->next_unit_code < 0 || need < result->next_unit_minutes)
        {
          result->next_unit_minutes = need;
          result->next_unit_code = i;
        }
    }
}
