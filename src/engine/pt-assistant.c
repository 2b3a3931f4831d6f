/* pt-assistant.c: the CQ/CO calculator of assistant-modifiers.md §1.7
 *
 * Works on the units a CMS total-time allocation gave each code. Minutes
 * furnished together count once, as the therapist's (step 1). Whole 15-minute
 * blocks of the assistant carry the modifier (step 3); the one or two units
 * left over follow steps 5, 6 and 6b; untimed codes take the 10 percent test
 * on the whole service (step 7); RTM management codes bill whole 20-minute
 * units with no midpoint rule (step 8); dates before 2022 follow step 9.
 * "More than 10 percent" is 10 × a > total in integers, the regulation's
 * wording; CMS's simple method is an option, and where the two disagree the
 * result says so.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pt-assistant.h"

G_DEFINE_QUARK (pt-assistant-error-quark, pt_assistant_error)

typedef struct {
  const PtAssistantInput *input;
  const PtAllocResult    *cms;
  PtAssistantResult      *result;
} Ctx;

const char *
pt_assistant_policy_to_string (PtAssistantPolicy policy)
{
  return policy == PT_ASSISTANT_POLICY_MARCH2021 ? "march2021_guidance" : "cy2022";
}

gboolean
pt_assistant_policy_from_string (const char        *str,
                                 PtAssistantPolicy *policy)
{
  if (g_strcmp0 (str, "cy2022") == 0)
    *policy = PT_ASSISTANT_POLICY_CY2022;
  else if (g_strcmp0 (str, "march2021_guidance") == 0)
    *policy = PT_ASSISTANT_POLICY_MARCH2021;
  else
    return FALSE;

  return TRUE;
}

const char *
pt_assistant_test_to_string (PtAssistantTest test)
{
  return test == PT_ASSISTANT_TEST_SIMPLE ? "simple" : "percentage";
}

gboolean
pt_assistant_test_from_string (const char      *str,
                               PtAssistantTest *test)
{
  if (g_strcmp0 (str, "percentage") == 0)
    *test = PT_ASSISTANT_TEST_PERCENTAGE;
  else if (g_strcmp0 (str, "simple") == 0)
    *test = PT_ASSISTANT_TEST_SIMPLE;
  else
    return FALSE;

  return TRUE;
}

const char *
pt_assistant_flag_kind_to_string (PtAssistantFlagKind kind)
{
  switch (kind)
    {
    case PT_ASSISTANT_FLAG_METHODS_DISAGREE:
      return "simple-vs-percentage";
    case PT_ASSISTANT_FLAG_TWO_UNITS_SILENT:
      return "two-units-outside-window";
    case PT_ASSISTANT_FLAG_TIE:
      return "tie";
    case PT_ASSISTANT_FLAG_UNIT_BASIS:
      return "twenty-minute-code-pooled";
    default:
      g_return_val_if_reached ("unknown");
    }
}

/* Dates before 1 January 2022 follow the March 2021 guidance (step 9); a
 * visit without a date follows the rules in force now. */
gboolean
pt_assistant_policy_for_date (const char         *date,
                              PtAssistantPolicy  *policy,
                              GError            **error)
{
  guint y, m, d;

  if (date == NULL || *date == '\0')
    {
      *policy = PT_ASSISTANT_POLICY_CY2022;
      return TRUE;
    }

  for (guint i = 0; i < 10; i++)
    if (date[i] == '\0' ||
        ((i == 4 || i == 7) ? date[i] != '-' : !g_ascii_isdigit (date[i])))
      goto bad;

  if (date[10] != '\0')
    goto bad;

  y = g_ascii_digit_value (date[0]) * 1000 + g_ascii_digit_value (date[1]) * 100 +
      g_ascii_digit_value (date[2]) * 10 + g_ascii_digit_value (date[3]);
  m = g_ascii_digit_value (date[5]) * 10 + g_ascii_digit_value (date[6]);
  d = g_ascii_digit_value (date[8]) * 10 + g_ascii_digit_value (date[9]);
  if (!g_date_valid_dmy (d, m, y))
    goto bad;

  *policy = strcmp (date, "2022-01-01") < 0 ? PT_ASSISTANT_POLICY_MARCH2021
                                            : PT_ASSISTANT_POLICY_CY2022;
  return TRUE;

bad:
  g_set_error (error, PT_ASSISTANT_ERROR, PT_ASSISTANT_ERROR_BAD_DATE,
               _("The date of service “%.20s” is not a date written as YYYY-MM-DD."), date);
  return FALSE;
}

PtAssistantBasis
pt_assistant_basis_for_code (const char *code,
                             gboolean    timed)
{
  if (g_strcmp0 (code, "98976") == 0 || g_strcmp0 (code, "98977") == 0)
    return PT_ASSISTANT_BASIS_EXEMPT;

  if (g_strcmp0 (code, "98980") == 0 || g_strcmp0 (code, "98981") == 0)
    return PT_ASSISTANT_BASIS_20;

  return timed ? PT_ASSISTANT_BASIS_15 : PT_ASSISTANT_BASIS_UNTIMED;
}

/* The simple method's threshold: total / 10 rounded to the nearest whole
 * minute (halves up; CMS does not say), plus one. */
static gint
simple_threshold (gint total)
{
  return (total + 5) / 10 + 1;
}

gboolean
pt_assistant_exceeds_tenth (gint            assistant,
                            gint            total,
                            PtAssistantTest test)
{
  if (assistant <= 0)
    return FALSE;

  if (test == PT_ASSISTANT_TEST_SIMPLE)
    return assistant >= simple_threshold (total);

  return 10 * assistant > total;
}

static void
clear_step (gpointer data)
{
  g_clear_pointer (&((PtAssistantStep *) data)->text, g_free);
}

static void
clear_code (gpointer data)
{
  PtAssistantCode *c = data;

  g_clear_pointer (&c->steps, g_array_unref);
  g_clear_pointer (&c->lines, g_ptr_array_unref);
}

static void
clear_flag (gpointer data)
{
  g_clear_pointer (&((PtAssistantFlag *) data)->text, g_free);
}

static PtAssistantResult *
result_new (PtDiscipline discipline)
{
  PtAssistantResult *result = g_new0 (PtAssistantResult, 1);

  result->discipline = discipline;
  result->therapy_modifier = discipline == PT_DISCIPLINE_OT ? "GO"
                             : discipline == PT_DISCIPLINE_SLP ? "GN" : "GP";
  result->modifier = discipline == PT_DISCIPLINE_OT ? "CO"
                     : discipline == PT_DISCIPLINE_SLP ? NULL : "CQ";
  result->codes = g_array_new (FALSE, TRUE, sizeof (PtAssistantCode));
  g_array_set_clear_func (result->codes, clear_code);
  result->flags = g_array_new (FALSE, TRUE, sizeof (PtAssistantFlag));
  g_array_set_clear_func (result->flags, clear_flag);

  return result;
}

/**
 * pt_assistant_result_new_reason:
 *
 * A result that works out no modifier, with @reason saying why (for a caller
 * that could not compute one and still wants something to show).
 */
PtAssistantResult *
pt_assistant_result_new_reason (PtDiscipline  discipline,
                                const char   *reason)
{
  PtAssistantResult *result = result_new (discipline);

  result->reason = g_strdup (reason);
  return result;
}

void
pt_assistant_result_free (PtAssistantResult *result)
{
  if (result == NULL)
    return;

  g_array_unref (result->codes);
  g_array_unref (result->flags);
  g_free (result->reason);
  g_free (result);
}

const PtAssistantCode *
pt_assistant_result_get_code (const PtAssistantResult *result,
                              guint                    index)
{
  g_return_val_if_fail (index < result->codes->len, NULL);

  return &g_array_index (result->codes, PtAssistantCode, index);
}

gint
pt_assistant_result_find_code (const PtAssistantResult *result,
                               const char              *code)
{
  for (guint i = 0; i < result->codes->len; i++)
    if (strcmp (g_array_index (result->codes, PtAssistantCode, i).code, code) == 0)
      return (gint) i;

  return -1;
}

gboolean
pt_assistant_result_has_flag (const PtAssistantResult *result,
                              PtAssistantFlagKind      kind)
{
  for (guint i = 0; i < result->flags->len; i++)
    if (g_array_index (result->flags, PtAssistantFlag, i).kind == kind)
      return TRUE;

  return FALSE;
}

/* "2 units: 1 with CQ, 1 without", for the units panel. */
char *
pt_assistant_code_summary (const PtAssistantResult *result,
                           guint                    index)
{
  const PtAssistantCode *c = pt_assistant_result_get_code (result, index);
  gint n, k;

  g_return_val_if_fail (c != NULL, NULL);

  n = c->units;
  k = c->units_with_modifier;

  if (n == 0)
    return g_strdup (_("No unit"));

  if (!result->applies || result->modifier == NULL)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d unit", "%d units", n), n);

  if (k == 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d unit, without %s", "%d units, none with %s", n),
                            n, result->modifier);

  if (k == n)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d unit, with %s", "%d units, all with %s", n),
                            n, result->modifier);

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%d unit: %d with %s, %d without",
                                       "%d units: %d with %s, %d without", n),
                          n, k, result->modifier, n - k);
}

static PtAssistantCode *
code_at (Ctx  *ctx,
         guint ci)
{
  return &g_array_index (ctx->result->codes, PtAssistantCode, ci);
}

static void
add_step (PtAssistantCode *c,
          gint             unit,
          gboolean         with_modifier,
          char            *text)
{
  PtAssistantStep step = { unit, with_modifier, text };

  g_array_append_val (c->steps, step);
  if (unit > 0 && with_modifier)
    c->units_with_modifier++;
}

static void
add_flag (Ctx                 *ctx,
          PtAssistantFlagKind  kind,
          gint                 code,
          char                *text)
{
  PtAssistantFlag flag = { kind, code, text };

  g_array_append_val (ctx->result->flags, flag);
}

/* The 10 percent test the input asks for. When the other method would answer
 * differently, flag it. With halves rounded up the simple method is the
 * stricter one (a ≥ round (S/10) + 1 implies 10a > S), so they can only
 * disagree one way: more than 10 percent, short of the simple threshold. */
static gboolean
decide_tenth (Ctx  *ctx,
              guint ci,
              gint  a,
              gint  total)
{
  gboolean pct = pt_assistant_exceeds_tenth (a, total, PT_ASSISTANT_TEST_PERCENTAGE);
  gboolean simple = pt_assistant_exceeds_tenth (a, total, PT_ASSISTANT_TEST_SIMPLE);
  const char *code = code_at (ctx, ci)->code;
  const char *mod = ctx->result->modifier;

  if (pct && !simple)
    {
      if (ctx->input->test == PT_ASSISTANT_TEST_PERCENTAGE)
        add_flag (ctx, PT_ASSISTANT_FLAG_METHODS_DISAGREE, ci,
                  g_strdup_printf (_("%s: the assistant’s %d of %d minutes are more than 10 percent, so %s applies; "
                                     "CMS’s simple method would ask for %d minutes and leave it off. "
                                     "This result follows the percentage method, the regulation’s own wording."),
                                   code, a, total, mod, simple_threshold (total)));
      else
        add_flag (ctx, PT_ASSISTANT_FLAG_METHODS_DISAGREE, ci,
                  g_strdup_printf (_("%s: the simple method asks for %d minutes, so the assistant’s %d of %d leave %s off; "
                                     "they are more than 10 percent, so the percentage method, the regulation’s own wording, would add it."),
                                   code, simple_threshold (total), a, total, mod));
    }

  return ctx->input->test == PT_ASSISTANT_TEST_SIMPLE ? simple : pct;
}

/* One sentence for a unit settled by the 10 percent test on @a of @total
 * remaining minutes. */
static void
add_tenth_step (Ctx  *ctx,
                guint ci,
                gint  unit,
                gint  a,
                gint  total)
{
  PtAssistantCode *c = code_at (ctx, ci);
  const char *mod = ctx->result->modifier;
  gboolean with = decide_tenth (ctx, ci, a, total);
  char *text;

  if (ctx->input->test == PT_ASSISTANT_TEST_SIMPLE)
    text = with
      ? g_strdup_printf (_("Unit %d of %s with %s: the assistant furnished %d of its %d remaining minutes, at least the %d the simple method asks for."),
                         unit, c->code, mod, a, total, simple_threshold (total))
      : g_strdup_printf (_("Unit %d of %s without %s: the assistant furnished %d of its %d remaining minutes, fewer than the %d the simple method asks for."),
                         unit, c->code, mod, a, total, simple_threshold (total));
  else
    text = with
      ? g_strdup_printf (_("Unit %d of %s with %s: the assistant furnished %d of its %d remaining minutes, more than 10 percent."),
                         unit, c->code, mod, a, total)
      : g_strdup_printf (_("Unit %d of %s without %s: the assistant furnished %d of its %d remaining minutes, not more than 10 percent."),
                         unit, c->code, mod, a, total);

  add_step (c, unit, with, text);
}

/* Whole blocks of one clinician (step 3): the assistant's carry the modifier,
 * the therapist's do not. Returns the next unit number. */
static gint
add_whole_units (Ctx  *ctx,
                 guint ci,
                 gint  unit,
                 gint  f_assistant,
                 gint  f_therapist,
                 gint  unit_minutes)
{
  PtAssistantCode *c = code_at (ctx, ci);
  const char *mod = ctx->result->modifier;

  for (gint i = 0; i < f_assistant; i++, unit++)
    add_step (c, unit, TRUE,
              g_strdup_printf (_("Unit %d of %s with %s: the assistant alone furnished a whole %d minutes of it."),
                               unit, c->code, mod, unit_minutes));

  for (gint i = 0; i < f_therapist; i++, unit++)
    add_step (c, unit, FALSE,
              g_strdup_printf (_("Unit %d of %s without %s: the therapist furnished a whole %d minutes of it."),
                               unit, c->code, mod, unit_minutes));

  return unit;
}

/* The last unit of a code, when one unit is left after the whole blocks
 * (steps 5 and 9). */
static void
assign_last_unit (Ctx      *ctx,
                  guint     ci,
                  gint      unit,
                  gint      ra,
                  gint      rt,
                  gboolean  midpoint_rule)
{
  PtAssistantCode *c = code_at (ctx, ci);
  const char *mod = ctx->result->modifier;

  if (ra == 0)
    add_step (c, unit, FALSE,
              g_strdup_printf (_("Unit %d of %s without %s: the assistant furnished none of its remaining minutes."),
                               unit, c->code, mod));
  else if (rt == 0)
    add_step (c, unit, TRUE,
              g_strdup_printf (_("Unit %d of %s with %s: the assistant alone furnished all %d of its remaining minutes."),
                               unit, c->code, mod, ra));
  else if (midpoint_rule && rt >= 8)
    add_step (c, unit, FALSE,
              g_strdup_printf (_("Unit %d of %s without %s: it is the last unit and the therapist furnished %d of its remaining minutes, "
                                 "8 or more, whatever the assistant added."),
                               unit, c->code, mod, rt));
  else
    {
      if (ctx->input->policy == PT_ASSISTANT_POLICY_MARCH2021 && rt >= 8 &&
          c->basis == PT_ASSISTANT_BASIS_15)
        add_step (c, 0, FALSE,
                  g_strdup_printf (_("%s: from 2022 the therapist’s %d minutes on the last unit would keep it free of %s; "
                                     "the March 2021 guidance had no such exception."),
                                   c->code, rt, mod));
      add_tenth_step (ctx, ci, unit, ra, ra + rt);
    }
}

static gboolean
units_mismatch (Ctx     *ctx,
                guint    ci,
                gint     minutes,
                GError **error)
{
  PtAssistantCode *c = code_at (ctx, ci);

  g_set_error (error, PT_ASSISTANT_ERROR, PT_ASSISTANT_ERROR_MISMATCH,
               _("%s: %d units do not fit its %d minutes under CMS total time; "
                 "the modifiers need the CMS allocation of these same blocks."),
               c->code, c->units, minutes);
  return FALSE;
}

/* A timed 15-minute code: steps 3 to 6b, or 9 before 2022. */
static gboolean
assign_timed_15 (Ctx     *ctx,
                 guint    ci,
                 GError **error)
{
  PtAssistantCode *c = code_at (ctx, ci);
  const char *mod = ctx->result->modifier;
  gint t = c->therapist_minutes + c->together_minutes;
  gint a = c->assistant_minutes;
  gint fa = a / 15, ra = a % 15;
  gint ft = t / 15, rt = t % 15;
  gint r = c->units - fa - ft;
  gint unit;

  if (r < 0 || r > 2)
    return units_mismatch (ctx, ci, a + t, error);

  unit = add_whole_units (ctx, ci, 1, fa, ft, 15);

  if (r == 1)
    assign_last_unit (ctx, ci, unit, ra, rt, ctx->input->policy == PT_ASSISTANT_POLICY_CY2022);
  else if (r == 2 && ctx->input->policy == PT_ASSISTANT_POLICY_MARCH2021)
    {
      /* The March 2021 steps have no rule for two remaining units: their
       * step 2 tests the remaining minutes of both clinicians together, and
       * the result holds for the units those minutes make. */
      gboolean with = rt == 0 || (ra > 0 && decide_tenth (ctx, ci, ra, ra + rt));

      for (gint i = 0; i < 2; i++, unit++)
        add_step (c, unit, with,
                  with
                  ? g_strdup_printf (_("Unit %d of %s with %s: under the March 2021 steps the assistant’s %d of the %d remaining minutes pass the 10 percent test, so both remaining units carry it."),
                                     unit, c->code, mod, ra, ra + rt)
                  : g_strdup_printf (_("Unit %d of %s without %s: under the March 2021 steps the assistant’s %d of the %d remaining minutes do not pass the 10 percent test."),
                                     unit, c->code, mod, ra, ra + rt));
    }
  else if (r == 2 && ra >= 9 && ra <= 14 && rt >= 9 && rt <= 14 && ra + rt >= 23 && ra + rt <= 28)
    {
      /* Step 6: 42 CFR 410.60(a)(4)(v) and 410.59(a)(4)(v). */
      add_step (c, unit, TRUE,
                g_strdup_printf (_("Unit %d of %s with %s: two units remain, the assistant furnished %d and the therapist %d of their minutes, "
                                   "each from 9 to 14, so one unit carries the modifier for the assistant’s part."),
                                 unit, c->code, mod, ra, rt));
      add_step (c, unit + 1, FALSE,
                g_strdup_printf (_("Unit %d of %s without %s: the other of the two remaining units stands for the therapist’s %d minutes."),
                                 unit + 1, c->code, mod, rt));
    }
  else if (r == 2)
    {
      /* Step 6b: only reachable when other codes' leftovers pool with this
       * one. CMS is silent; the fallback mirrors (v) and is flagged. */
      add_step (c, unit, TRUE,
                g_strdup_printf (_("Unit %d of %s with %s: two units remain for the assistant’s %d and the therapist’s %d minutes, "
                                   "a split the rule for two remaining units does not cover; as a fallback one carries the modifier."),
                                 unit, c->code, mod, ra, rt));
      add_step (c, unit + 1, FALSE,
                g_strdup_printf (_("Unit %d of %s without %s: the other remaining unit, under the same fallback."),
                                 unit + 1, c->code, mod));
      add_flag (ctx, PT_ASSISTANT_FLAG_TWO_UNITS_SILENT, ci,
                g_strdup_printf (_("%s: two units remain for %d assistant and %d therapist minutes, outside the case CMS settled "
                                   "(each 9 to 14 minutes, 23 or more in all), and CMS does not say how to bill this. "
                                   "Fallback used: one unit with %s and one without. Review it before billing."),
                                 c->code, ra, rt, mod));
    }

  return TRUE;
}

/* An untimed code (step 7): the 10 percent test on the whole service. */
static void
assign_untimed (Ctx  *ctx,
                guint ci)
{
  PtAssistantCode *c = code_at (ctx, ci);
  const char *mod = ctx->result->modifier;
  gint t = c->therapist_minutes + c->together_minutes;
  gint a = c->assistant_minutes;
  gboolean with;
  char *text;

  if (a == 0)
    {
      with = FALSE;
      text = g_strdup_printf (_("%s is untimed: one unit without %s, since the assistant furnished none of it alone."),
                              c->code, mod);
    }
  else if (t == 0)
    {
      with = TRUE;
      text = g_strdup_printf (_("%s is untimed: one unit with %s, since the assistant alone furnished all %d of its minutes."),
                              c->code, mod, a);
    }
  else
    {
      with = decide_tenth (ctx, ci, a, a + t);
      if (ctx->input->test == PT_ASSISTANT_TEST_SIMPLE)
        text = with
          ? g_strdup_printf (_("%s is untimed: one unit with %s, since the assistant alone furnished %d of its %d minutes, at least the %d the simple method asks for."),
                             c->code, mod, a, a + t, simple_threshold (a + t))
          : g_strdup_printf (_("%s is untimed: one unit without %s, since the assistant alone furnished %d of its %d minutes, fewer than the %d the simple method asks for."),
                             c->code, mod, a, a + t, simple_threshold (a + t));
      else
        text = with
          ? g_strdup_printf (_("%s is untimed: one unit with %s, since the assistant alone furnished %d of its %d minutes, more than 10 percent."),
                             c->code, mod, a, a + t)
          : g_strdup_printf (_("%s is untimed: one unit without %s, since the assistant alone furnished %d of its %d minutes, not more than 10 percent."),
                             c->code, mod, a, a + t);
    }

  add_step (c, 1, with, text);
  for (gint u = 2; u <= c->units; u++)
    add_step (c, u, with, g_strdup (text));
}

/* An RTM management code (step 8): whole 20-minute units, outside the
 * 15-minute total, the 10 percent test on the last one, no midpoint rule. */
static void
assign_timed_20 (Ctx               *ctx,
                 guint              ci,
                 const PtCodeUnits *cms_code)
{
  PtAssistantCode *c = code_at (ctx, ci);
  gint t = c->therapist_minutes + c->together_minutes;
  gint a = c->assistant_minutes;
  gint fa = a / 20, ra = a % 20;
  gint ft = t / 20, rt = t % 20;
  gint unit;

  c->units = (a + t) / 20;

  add_step (c, 0, FALSE,
            g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%s counts whole 20-minute units: %d minutes make %d unit, and the midpoint rule does not apply.",
                                          "%s counts whole 20-minute units: %d minutes make %d units, and the midpoint rule does not apply.",
                                          c->units),
                             c->code, a + t, c->units));

  if (cms_code->timed)
    add_flag (ctx, PT_ASSISTANT_FLAG_UNIT_BASIS, ci,
              g_strdup_printf (_("%s is billed in whole 20-minute units (%d here), outside the 15-minute total, "
                                 "but the allocation counted its %d minutes toward that total; mark it untimed there to keep it out."),
                               c->code, c->units, a + t));

  unit = add_whole_units (ctx, ci, 1, fa, ft, 20);
  if (c->units - fa - ft == 1)
    assign_last_unit (ctx, ci, unit, ra, rt, FALSE);

  if (c->units > 0 && (a + t) % 20 > 0)
    add_step (c, 0, FALSE,
              g_strdup_printf (_("The other %d minutes of %s do not make a whole 20-minute unit and are not billed."),
                               (a + t) % 20, c->code));
}

static void
add_lines (Ctx  *ctx,
           guint ci)
{
  PtAssistantCode *c = code_at (ctx, ci);
  const char *g = ctx->result->therapy_modifier;
  gint k = c->units_with_modifier;

  if (k > 0)
    g_ptr_array_add (c->lines, g_strdup_printf ("%s-%s-%s × %d", c->code, g, ctx->result->modifier, k));
  if (c->units - k > 0)
    g_ptr_array_add (c->lines, g_strdup_printf ("%s-%s × %d", c->code, g, c->units - k));
}

/* One line per code of the allocation, with each provider's minutes summed
 * from the blocks; the blocks must be the ones the allocation was made of. */
static gboolean
collect_codes (Ctx     *ctx,
               GError **error)
{
  const PtAssistantInput *input = ctx->input;

  for (guint i = 0; i < ctx->cms->codes->len; i++)
    {
      const PtCodeUnits *cu = pt_alloc_result_get_code (ctx->cms, i);
      PtAssistantCode c = { 0 };

      memcpy (c.code, cu->code, sizeof c.code);
      c.basis = pt_assistant_basis_for_code (cu->code, cu->timed);
      c.units = cu->units;
      c.steps = g_array_new (FALSE, TRUE, sizeof (PtAssistantStep));
      g_array_set_clear_func (c.steps, clear_step);
      c.lines = g_ptr_array_new_with_free_func (g_free);
      g_array_append_val (ctx->result->codes, c);
    }

  for (guint b = 0; b < input->n_blocks; b++)
    {
      const PtAllocBlock *block = &input->blocks[b];
      gint ci = pt_assistant_result_find_code (ctx->result, block->code);
      PtAssistantCode *c;

      if (ci < 0)
        {
          g_set_error (error, PT_ASSISTANT_ERROR, PT_ASSISTANT_ERROR_MISMATCH,
                       _("Block %u (%.16s) is not in the allocation; the modifiers need the allocation of these same blocks."),
                       b + 1, block->code);
          return FALSE;
        }

      if (block->minutes < 0 || block->minutes > PT_MAX_MINUTES)
        {
          g_set_error (error, PT_ASSISTANT_ERROR, PT_ASSISTANT_ERROR_MISMATCH,
                       _("Block %u (%s): minutes must be a whole number from 0 to %d, not %d."),
                       b + 1, block->code, PT_MAX_MINUTES, block->minutes);
          return FALSE;
        }

      c = code_at (ctx, ci);
      switch (block->provider)
        {
        case PT_PROVIDER_THERAPIST:
          c->therapist_minutes += block->minutes;
          break;
        case PT_PROVIDER_ASSISTANT:
          c->assistant_minutes += block->minutes;
          break;
        case PT_PROVIDER_TOGETHER:
          c->together_minutes += block->minutes;
          break;
        default:
          g_set_error (error, PT_ASSISTANT_ERROR, PT_ASSISTANT_ERROR_MISMATCH,
                       _("Block %u (%s): the provider is not the therapist, the assistant or both together."),
                       b + 1, block->code);
          return FALSE;
        }
    }

  for (guint i = 0; i < ctx->result->codes->len; i++)
    {
      PtAssistantCode *c = code_at (ctx, i);
      gint sum = c->therapist_minutes + c->assistant_minutes + c->together_minutes;
      gint counted = pt_alloc_result_get_code (ctx->cms, i)->minutes;

      if (sum != counted)
        {
          g_set_error (error, PT_ASSISTANT_ERROR, PT_ASSISTANT_ERROR_MISMATCH,
                       _("%s: the blocks hold %d minutes but the allocation counted %d; "
                         "the modifiers need the allocation of these same blocks."),
                       c->code, sum, counted);
          return FALSE;
        }
    }

  return TRUE;
}

/* A tie among codes where the assistant worked: which code takes the unit
 * changes the claim lines, so say so. */
static void
flag_ties (Ctx *ctx)
{
  for (guint t = 0; t < ctx->cms->ties->len; t++)
    {
      const PtTie *tie = &g_array_index (ctx->cms->ties, PtTie, t);
      gboolean assistant = FALSE;
      GString *names = g_string_new (NULL);

      for (guint k = 0; k < tie->n_codes; k++)
        {
          const PtAssistantCode *c = code_at (ctx, tie->codes[k]);

          assistant |= c->assistant_minutes > 0;
          g_string_append_printf (names, "%s%s", k ? ", " : "", c->code);
        }

      if (assistant)
        add_flag (ctx, PT_ASSISTANT_FLAG_TIE, tie->n_codes > 0 ? (gint) tie->codes[0] : -1,
                  g_strdup_printf (_("Tie: %s have equal leftover minutes, and any of them may take the leftover unit; "
                                     "the choice changes which claim lines carry %s. Set a tie preference to choose."),
                                   names->str, ctx->result->modifier));
      g_string_free (names, TRUE);
    }
}

/**
 * pt_assistant_compute:
 * @input: discipline, policy, the 10 percent test and the visit's blocks
 * @cms_result: the allocation of those same blocks
 *
 * Works out, code by code, how many units carry CQ (PT) or CO (OT). For an
 * AMA allocation or speech-language pathology the result does not apply and
 * its reason says why.
 *
 * Returns: (transfer full) (nullable): the result, or %NULL when the blocks
 *   and the allocation do not belong together
 */
PtAssistantResult *
pt_assistant_compute (const PtAssistantInput  *input,
                      const PtAllocResult     *cms_result,
                      GError                 **error)
{
  g_autoptr(PtAssistantResult) result = NULL;
  Ctx ctx;

  g_return_val_if_fail (input != NULL, NULL);
  g_return_val_if_fail (cms_result != NULL, NULL);
  g_return_val_if_fail (input->n_blocks == 0 || input->blocks != NULL, NULL);

  result = result_new (input->discipline);
  result->policy = input->policy;
  result->test = input->test;
  ctx.input = input;
  ctx.cms = cms_result;
  ctx.result = result;

  if (!collect_codes (&ctx, error))
    return NULL;

  /* Step 0. */
  if (input->discipline == PT_DISCIPLINE_SLP)
    result->reason = g_strdup (_("Speech-language pathology has no assistant modifier: CQ and CO exist only for physical and occupational therapy."));
  else if (cms_result->method != PT_METHOD_CMS)
    result->reason = g_strdup (_("The assistant modifiers are worked out on Medicare’s total-time units; "
                                 "this visit is billed by the AMA per-code method, so no CQ or CO is computed."));

  if (result->reason != NULL)
    {
      result->modifier = NULL;
      for (guint i = 0; i < result->codes->len; i++)
        add_lines (&ctx, i);
      return g_steal_pointer (&result);
    }

  result->applies = TRUE;
  result->reduced_payment = input->policy == PT_ASSISTANT_POLICY_CY2022;

  for (guint i = 0; i < result->codes->len; i++)
    {
      PtAssistantCode *c = code_at (&ctx, i);
      const PtCodeUnits *cu = pt_alloc_result_get_code (cms_result, i);

      if (c->together_minutes > 0)
        add_step (c, 0, FALSE,
                  g_strdup_printf (_("%s: the %d minutes furnished together count as the therapist’s, which gives the therapist %d minutes of it."),
                                   c->code, c->together_minutes,
                                   c->therapist_minutes + c->together_minutes));

      switch (c->basis)
        {
        case PT_ASSISTANT_BASIS_EXEMPT:
          for (gint u = 1; u <= c->units; u++)
            add_step (c, u, FALSE,
                      g_strdup_printf (_("Unit %d of %s without %s: it supplies the monitoring device, which the assistant modifiers do not cover."),
                                       u, c->code, result->modifier));
          break;
        case PT_ASSISTANT_BASIS_20:
          assign_timed_20 (&ctx, i, cu);
          break;
        case PT_ASSISTANT_BASIS_UNTIMED:
          if (c->units > 0)
            assign_untimed (&ctx, i);
          break;
        case PT_ASSISTANT_BASIS_15:
        default:
          if (c->units > 0 && !assign_timed_15 (&ctx, i, error))
            return NULL;
          break;
        }

      if (c->units == 0 && cu->minutes > 0)
        add_step (c, 0, FALSE,
                  g_strdup_printf (_("%s: no unit is billed for its %d minutes, so no modifier."),
                                   c->code, cu->minutes));

      add_lines (&ctx, i);
    }

  flag_ties (&ctx);

  return g_steal_pointer (&result);
}
