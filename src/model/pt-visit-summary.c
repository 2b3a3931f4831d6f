/* pt-visit-summary.c: a visit and its allocation as plain text
 *
 * The same text serves "Copy summary" (for a note or an e-mail) and the
 * printed audit worksheet, so both always agree.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "pt-visit-summary.h"

/* "AMA bills 4 units, CMS 3: …" or NULL when both methods agree. */
char *
pt_method_difference_text (const PtAllocResult *cms,
                           const PtAllocResult *ama)
{
  if (cms == NULL || ama == NULL || cms->total_units == ama->total_units)
    return NULL;

  if (ama->total_units > cms->total_units)
    return g_strdup_printf (_("The AMA per-code method bills %d units, Medicare’s total-time method %d: per code, each code’s own leftover minutes can earn a unit, while Medicare pools the %d timed minutes and charts the total once."),
                            ama->total_units, cms->total_units, cms->total_timed_minutes);

  return g_strdup_printf (_("Medicare’s total-time method bills %d units, the AMA per-code method %d: Medicare pools the %d timed minutes, so leftovers too small to count on their own add up to a unit."),
                          cms->total_units, ama->total_units, cms->total_timed_minutes);
}

static void
append_result (GString             *s,
               const PtAllocResult *r,
               gboolean             primary)
{
  g_string_append_printf (s, "\n%s%s\n", pt_method_display_name (r->method),
                          primary ? _(" (this visit’s method)") : "");
  g_string_append_printf (s, _("  Timed minutes %d · timed units %d · total units %d\n"),
                          r->total_timed_minutes, r->total_timed_units, r->total_units);
  for (guint i = 0; i < r->codes->len; i++)
    {
      const PtCodeUnits *c = pt_alloc_result_get_code (r, i);

      g_string_append_printf (s, "  %-6s %4d min  %2d %s%s\n", c->code, c->minutes, c->units,
                              g_dngettext (GETTEXT_PACKAGE, "unit", "units", c->units),
                              c->timed ? "" : _(" (untimed)"));
    }
  if (primary)
    {
      g_autofree char *hint = pt_alloc_result_hint_text (r);

      g_string_append (s, _("  Why:\n"));
      for (guint k = 0; k < r->steps->len; k++)
        g_string_append_printf (s, "   • %s\n", g_array_index (r->steps, PtStep, k).text);
      g_string_append_printf (s, _("  Next unit: %s\n"), hint);
    }
}

/* The date of service as the reader's locale writes dates. */
static char *
local_date (const char *iso)
{
  g_autoptr(GDateTime) when = NULL;
  int y, m, d;

  if (iso == NULL || sscanf (iso, "%4d-%2d-%2d", &y, &m, &d) != 3)
    return NULL;

  when = g_date_time_new_local (y, m, d, 12, 0, 0);
  return when ? g_date_time_format (when, "%x") : NULL;
}

char *
pt_visit_summary_text (PtVisit             *visit,
                       const PtAllocResult *cms,
                       const PtAllocResult *ama)
{
  GString *s = g_string_new (NULL);
  PtMethod method = pt_visit_get_method (visit);
  const PtAllocResult *primary = method == PT_METHOD_AMA ? ama : cms;
  const PtAllocResult *other = method == PT_METHOD_AMA ? cms : ama;
  g_autofree char *diff = pt_method_difference_text (cms, ama);
  g_autofree char *date = local_date (pt_visit_get_date (visit));

  g_string_append_printf (s, "%s\n", *pt_visit_get_title (visit) ? pt_visit_get_title (visit)
                                                                  : _("Untitled visit"));
  g_string_append_printf (s, _("Date: %s   Payer: %s   Discipline: %s\n"),
                          date ? date : "—",
                          *pt_visit_get_payer (visit) ? pt_visit_get_payer (visit) : "—",
                          pt_discipline_names[pt_visit_get_discipline (visit)]);
  if (*pt_visit_get_diagnosis (visit))
    g_string_append_printf (s, _("Diagnosis: %s (%s)\n"), pt_visit_get_diagnosis (visit),
                            pt_diagnosis_label (pt_visit_get_diagnosis_category (visit)));

  g_string_append (s, _("\nInterventions\n"));
  for (guint i = 0; i < pt_visit_get_n_blocks (visit); i++)
    {
      PtBlock *b = pt_visit_get_block (visit, i);

      g_string_append_printf (s, "  %u. %-6s %4d min  %s%s\n", i + 1, pt_block_get_code (b),
                              pt_block_get_minutes (b),
                              pt_provider_label (pt_block_get_provider (b)),
                              pt_block_get_one_on_one (b) ? "" : _(", group"));
    }

  if (primary == NULL)
    {
      g_string_append (s, _("\nThe units cannot be computed until the visit is valid.\n"));
      return g_string_free (s, FALSE);
    }

  append_result (s, primary, TRUE);
  if (other != NULL)
    append_result (s, other, FALSE);
  if (diff != NULL)
    g_string_append_printf (s, "\n%s\n", diff);

  return g_string_free (s, FALSE);
}
