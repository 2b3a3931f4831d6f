/* test-assistant.c: the CQ/CO calculator against CMS's vectors, the note's derived cases and sweeps */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "pt-alloc-request.h"
#include "pt-assistant.h"
#include "pt-assistant-json.h"
#include "pt-codes.h"
#include "pt-test-utils.h"
#include "pt-visit-assistant.h"

/* One code's minutes by provider, as assistant-modifiers.md writes its cases. */
typedef struct {
  const char *code;
  gint        t; /* therapist alone */
  gint        a; /* assistant alone */
  gint        j; /* together */
  gboolean    untimed;
} CodeMinutes;

static gboolean
is_rtm (const char *code)
{
  return strcmp (code, "98980") == 0 || strcmp (code, "98981") == 0;
}

/* Up to three blocks per code, one per provider with minutes (an empty
 * therapist block for a code with none). 20-minute RTM codes are marked
 * untimed so they stay out of the 15-minute total. */
static GArray *
blocks_for (const CodeMinutes *codes,
            guint              n)
{
  GArray *blocks = g_array_new (FALSE, TRUE, sizeof (PtAllocBlock));

  for (guint i = 0; i < n; i++)
    {
      gint m[3];

      m[PT_PROVIDER_THERAPIST] = codes[i].t;
      m[PT_PROVIDER_ASSISTANT] = codes[i].a;
      m[PT_PROVIDER_TOGETHER] = codes[i].j;

      for (gint p = PT_PROVIDER_THERAPIST; p <= PT_PROVIDER_TOGETHER; p++)
        {
          PtAllocBlock b = { 0 };

          if (m[p] == 0 && !(p == PT_PROVIDER_THERAPIST && codes[i].t + codes[i].a + codes[i].j == 0))
            continue;

          g_strlcpy (b.code, codes[i].code, sizeof b.code);
          b.minutes = m[p];
          b.timed = !codes[i].untimed && !is_rtm (codes[i].code);
          b.provider = p;
          g_array_append_val (blocks, b);
        }
    }

  return blocks;
}

static PtAssistantResult *
run_blocks (GArray              *blocks,
            PtMethod             method,
            PtDiscipline         discipline,
            PtAssistantPolicy    policy,
            PtAssistantTest      test,
            const char * const  *prefer,
            PtAllocResult      **alloc_out)
{
  PtAllocInput ai = { method, PT_TIE_RULE_ENTRY_ORDER, (const PtAllocBlock *) (gconstpointer) blocks->data,
                      blocks->len, prefer };
  PtAssistantInput input = { policy, test, discipline, ai.blocks, ai.n_blocks };
  g_autoptr(GError) error = NULL;
  g_autoptr(PtAllocResult) alloc = pt_allocate (&ai, &error);
  PtAssistantResult *mods;

  g_assert_no_error (error);
  mods = pt_assistant_compute (&input, alloc, &error);
  g_assert_no_error (error);
  g_assert_nonnull (mods);

  if (alloc_out != NULL)
    *alloc_out = g_steal_pointer (&alloc);

  return mods;
}

static PtAssistantResult *
run_codes (const CodeMinutes *codes,
           guint              n,
           PtDiscipline       discipline,
           PtAssistantPolicy  policy,
           PtAssistantTest    test)
{
  g_autoptr(GArray) blocks = blocks_for (codes, n);

  return run_blocks (blocks, PT_METHOD_CMS, discipline, policy, test, NULL, NULL);
}

static gint
units_with (const PtAssistantResult *r,
            const char              *code)
{
  gint i = pt_assistant_result_find_code (r, code);

  g_assert_cmpint (i, >=, 0);
  return pt_assistant_result_get_code (r, i)->units_with_modifier;
}

static gint
units_of (const PtAssistantResult *r,
          const char              *code)
{
  gint i = pt_assistant_result_find_code (r, code);

  g_assert_cmpint (i, >=, 0);
  return pt_assistant_result_get_code (r, i)->units;
}

static guint
flag_mask (const PtAssistantResult *r)
{
  guint mask = 0;

  for (guint f = 0; f < r->flags->len; f++)
    {
      const PtAssistantFlag *flag = &g_array_index (r->flags, PtAssistantFlag, f);

      g_assert_nonnull (flag->text);
      g_assert_cmpstr (flag->text, !=, "");
      mask |= 1u << flag->kind;
    }

  return mask;
}

/* What every result must hold whatever the case: one step per unit, as many
 * of them with the modifier as the count says, and claim lines adding up to
 * the units, the modifier line paired with the discipline's G modifier. */
static void
check_consistent (const PtAssistantResult *r)
{
  for (guint i = 0; i < r->codes->len; i++)
    {
      const PtAssistantCode *c = pt_assistant_result_get_code (r, i);
      gint unit_steps = 0, with_steps = 0, line_units = 0, line_with = 0;

      g_assert_cmpint (c->units_with_modifier, >=, 0);
      g_assert_cmpint (c->units_with_modifier, <=, c->units);

      for (guint s = 0; s < c->steps->len; s++)
        {
          const PtAssistantStep *step = &g_array_index (c->steps, PtAssistantStep, s);

          g_assert_nonnull (step->text);
          if (step->unit == 0)
            continue;
          unit_steps++;
          g_assert_cmpint (step->unit, ==, unit_steps);
          g_assert_nonnull (strstr (step->text, c->code));
          if (step->with_modifier)
            with_steps++;
        }

      if (r->applies)
        {
          g_assert_cmpint (unit_steps, ==, c->units);
          g_assert_cmpint (with_steps, ==, c->units_with_modifier);
        }
      else
        g_assert_cmpint (c->units_with_modifier, ==, 0);

      for (guint l = 0; l < c->lines->len; l++)
        {
          const char *line = g_ptr_array_index (c->lines, l);
          const char *times = strstr (line, " × ");
          g_autofree char *prefix = NULL;
          gint n;

          g_assert_nonnull (times);
          n = atoi (times + strlen (" × "));
          g_assert_cmpint (n, >, 0);
          prefix = g_strndup (line, times - line);
          g_assert_true (g_str_has_prefix (prefix, c->code));
          g_assert_cmpstr (prefix + strlen (c->code) + 1, !=, "");
          g_assert_true (g_str_has_prefix (prefix + strlen (c->code) + 1, r->therapy_modifier));
          line_units += n;
          if (r->modifier != NULL && g_str_has_suffix (prefix, r->modifier))
            line_with += n;
        }

      g_assert_cmpint (line_units, ==, c->units);
      g_assert_cmpint (line_with, ==, c->units_with_modifier);
    }
}

/* ---- vectors/assistant.json ---- */

static GArray *
vector_codes (JsonObject *vector)
{
  JsonArray *blocks = json_object_get_array_member (vector, "blocks");
  GArray *codes = g_array_new (FALSE, TRUE, sizeof (CodeMinutes));

  for (guint i = 0; i < json_array_get_length (blocks); i++)
    {
      JsonObject *b = json_array_get_object_element (blocks, i);
      CodeMinutes c = { 0 };

      c.code = json_object_get_string_member (b, "code");
      c.t = json_object_get_int_member_with_default (b, "therapist_minutes", 0);
      c.a = json_object_get_int_member_with_default (b, "assistant_minutes", 0);
      c.j = json_object_get_int_member_with_default (b, "together_minutes", 0);
      c.untimed = !json_object_get_boolean_member_with_default (b, "timed", pt_code_default_timed (c.code));
      g_array_append_val (codes, c);
    }

  return codes;
}

static gboolean
matches_expected (JsonObject              *expected,
                  const PtAssistantResult *r)
{
  if (json_object_get_size (expected) != r->codes->len)
    return FALSE;

  for (guint i = 0; i < r->codes->len; i++)
    {
      const PtAssistantCode *c = pt_assistant_result_get_code (r, i);
      JsonObject *e;

      if (!json_object_has_member (expected, c->code))
        return FALSE;
      e = json_object_get_object_member (expected, c->code);
      if (json_object_get_int_member (e, "units") != c->units ||
          json_object_get_int_member (e, "units_with_cq") != c->units_with_modifier)
        return FALSE;
    }

  return TRUE;
}

static void
test_vector (gconstpointer data)
{
  JsonObject *vector = (JsonObject *) data;
  g_autoptr(GArray) codes = vector_codes (vector);
  g_autoptr(GArray) blocks = blocks_for ((const CodeMinutes *) (gconstpointer) codes->data, codes->len);
  g_autoptr(PtAssistantResult) r = NULL;
  g_autofree char *check = NULL;
  PtAssistantPolicy policy;
  PtDiscipline discipline = PT_DISCIPLINE_PT;
  JsonArray *alts = json_object_has_member (vector, "valid_alternatives")
                    ? json_object_get_array_member (vector, "valid_alternatives") : NULL;

  g_assert_true (pt_assistant_policy_from_string (json_object_get_string_member (vector, "policy"), &policy));
  if (g_strcmp0 (json_object_get_string_member (vector, "discipline"), "OT") == 0)
    discipline = PT_DISCIPLINE_OT;

  r = run_blocks (blocks, PT_METHOD_CMS, discipline, policy, PT_ASSISTANT_TEST_PERCENTAGE, NULL, NULL);
  check_consistent (r);
  g_assert_true (r->applies);
  g_assert_cmpstr (r->modifier, ==, discipline == PT_DISCIPLINE_OT ? "CO" : "CQ");
  g_assert_true (r->reduced_payment == (policy == PT_ASSISTANT_POLICY_CY2022));

  if (alts != NULL)
    {
      gboolean any = FALSE;

      for (guint a = 0; a < json_array_get_length (alts); a++)
        any |= matches_expected (json_array_get_object_element (alts, a), r);
      g_assert_true (any);
      /* The tie is the only thing CMS left open, and it is flagged. */
      g_assert_cmpuint (flag_mask (r), ==, 1u << PT_ASSISTANT_FLAG_TIE);
    }
  else
    {
      g_assert_true (matches_expected (json_object_get_object_member (vector, "expected"), r));
      g_assert_cmpuint (flag_mask (r), ==, 0);
    }

  /* The model's reader of the same vector agrees. */
  check = pt_assistant_vector_check (vector);
  g_assert_null (check);
}

/* Example #E: a tie between an OT code and an OTA code. Each choice is one
 * of CMS's two answers. */
static void
test_vector_tie_choices (void)
{
  const CodeMinutes codes[] = { { "97535", 0, 11, 0 }, { "97530", 11, 0, 0 } };
  g_autoptr(GArray) blocks = blocks_for (codes, G_N_ELEMENTS (codes));
  const char * const prefer_ot[] = { "97530", NULL };
  const char * const prefer_ota[] = { "97535", NULL };
  g_autoptr(PtAssistantResult) ot = run_blocks (blocks, PT_METHOD_CMS, PT_DISCIPLINE_OT,
                                                PT_ASSISTANT_POLICY_CY2022, PT_ASSISTANT_TEST_PERCENTAGE,
                                                prefer_ot, NULL);
  g_autoptr(PtAssistantResult) ota = run_blocks (blocks, PT_METHOD_CMS, PT_DISCIPLINE_OT,
                                                 PT_ASSISTANT_POLICY_CY2022, PT_ASSISTANT_TEST_PERCENTAGE,
                                                 prefer_ota, NULL);

  g_assert_cmpint (units_of (ot, "97530"), ==, 1);
  g_assert_cmpint (units_with (ot, "97530"), ==, 0);
  g_assert_cmpint (units_of (ot, "97535"), ==, 0);
  g_assert_cmpint (units_of (ota, "97535"), ==, 1);
  g_assert_cmpint (units_with (ota, "97535"), ==, 1);
  g_assert_cmpint (units_of (ota, "97530"), ==, 0);
  g_assert_true (pt_assistant_result_has_flag (ot, PT_ASSISTANT_FLAG_TIE));
}

/* ---- the derived, conflict and unresolved cases of assistant-modifiers.md §2.2, and more ---- */

typedef struct {
  const char *code;
  gint        units;
  gint        with;
} Expect;

typedef struct {
  const char        *name;
  PtDiscipline       discipline;
  PtAssistantPolicy  policy;
  PtAssistantTest    test;
  CodeMinutes        codes[3];
  Expect             expect[3];
  guint              flags;
} DerivedCase;

#define F(kind) (1u << PT_ASSISTANT_FLAG_##kind)
#define PT PT_DISCIPLINE_PT
#define OT PT_DISCIPLINE_OT
#define CY PT_ASSISTANT_POLICY_CY2022
#define M21 PT_ASSISTANT_POLICY_MARCH2021
#define PCT PT_ASSISTANT_TEST_PERCENTAGE
#define SIMPLE PT_ASSISTANT_TEST_SIMPLE

static const DerivedCase derived_cases[] = {
  /* §2.2 rows. */
  { "both8", PT, CY, PCT, { { "97110", 8, 8, 0 } }, { { "97110", 1, 0 } }, 0 },
  { "together-only", PT, CY, PCT, { { "97112", 0, 0, 30 } }, { { "97112", 2, 0 } }, 0 },
  { "together-plus-pta", PT, CY, PCT, { { "97110", 0, 5, 10 } }, { { "97110", 1, 0 } }, 0 },
  { "fullblocks-plus-pt9", PT, CY, PCT, { { "97110", 9, 30, 0 } }, { { "97110", 3, 2 } }, 0 },
  { "step3-different-codes", PT, CY, PCT, { { "97110", 0, 19, 0 }, { "97140", 10, 0, 0 } },
    { { "97110", 1, 1 }, { "97140", 1, 0 } }, 0 },
  { "split-with-fullblock", PT, CY, PCT, { { "97110", 14, 24, 0 } }, { { "97110", 3, 2 } }, 0 },
  { "competition-pta-loses", PT, CY, PCT, { { "97110", 14, 9, 0 }, { "97140", 10, 0, 0 } },
    { { "97110", 1, 0 }, { "97140", 1, 0 } }, 0 },
  { "exact-10pct-untimed", PT, CY, PCT, { { "97150", 18, 2, 0, TRUE } }, { { "97150", 1, 0 } }, 0 },
  { "conflict-timed-percentage", PT, CY, PCT, { { "97110", 7, 1, 0 } }, { { "97110", 1, 1 } },
    F (METHODS_DISAGREE) },
  { "conflict-timed-simple", PT, CY, SIMPLE, { { "97110", 7, 1, 0 } }, { { "97110", 1, 0 } },
    F (METHODS_DISAGREE) },
  { "conflict-untimed-percentage", PT, CY, PCT, { { "97150", 22, 3, 0, TRUE } }, { { "97150", 1, 1 } },
    F (METHODS_DISAGREE) },
  { "conflict-untimed-simple", PT, CY, SIMPLE, { { "97150", 22, 3, 0, TRUE } }, { { "97150", 1, 0 } },
    F (METHODS_DISAGREE) },
  { "unresolved-two-units-below-23", PT, CY, PCT, { { "97110", 10, 10, 0 }, { "97140", 4, 0, 0 } },
    { { "97110", 2, 1 }, { "97140", 0, 0 } }, F (TWO_UNITS_SILENT) },
  /* Together minutes are counted once and as the therapist's: 8 together
   * keep the last unit free of CQ as 8 therapist minutes would. */
  { "together-counts-for-midpoint", PT, CY, PCT, { { "97110", 0, 7, 8 } }, { { "97110", 1, 0 } }, 0 },
  { "together-in-untimed-denominator", PT, CY, PCT, { { "97150", 0, 3, 27, TRUE } }, { { "97150", 1, 0 } }, 0 },
  { "assistant-alone-untimed", OT, CY, PCT, { { "97150", 0, 1, 0, TRUE } }, { { "97150", 1, 1 } }, 0 },
  /* Step 9: before 2022 the last unit takes the 10 percent test whatever
   * the therapist furnished (8 of 16 is 50 percent). */
  { "both8-march2021", PT, M21, PCT, { { "97110", 8, 8, 0 } }, { { "97110", 1, 1 } }, 0 },
  { "pt8-pta1-march2021", PT, M21, PCT, { { "97110", 8, 1, 0 } }, { { "97110", 1, 1 } }, F (METHODS_DISAGREE) },
  { "pt13-pta2-march2021", PT, M21, PCT, { { "97110", 13, 2, 0 } }, { { "97110", 1, 1 } }, F (METHODS_DISAGREE) },
  { "pt8-pta1-cy2022", PT, CY, PCT, { { "97110", 8, 1, 0 } }, { { "97110", 1, 0 } }, 0 },
  /* Two remaining units before 2022 (the note's step 6 did not exist): the
   * March 2021 step 2 tests the remaining minutes together. */
  { "two-remaining-march2021", PT, M21, PCT, { { "97110", 12, 14, 0 } }, { { "97110", 2, 2 } }, 0 },
  { "two-remaining-cy2022", PT, CY, PCT, { { "97110", 12, 14, 0 } }, { { "97110", 2, 1 } }, 0 },
  /* Step 8: a 20-minute code counted in the 15-minute total by mistake is
   * still billed in 20-minute units, and flagged. */
  { "rtm-leftover-not-billed", PT, CY, PCT, { { "98981", 20, 5, 0 } }, { { "98981", 1, 0 } }, 0 },
  { "rtm-assistant-whole", OT, CY, PCT, { { "98980", 0, 45, 0 } }, { { "98980", 2, 2 } }, 0 },
  { "rtm-last-unit-tenth", PT, CY, PCT, { { "98981", 18, 2, 0 } }, { { "98981", 1, 0 } }, 0 },
  /* Device supply is outside the standard. */
  { "device-supply-exempt", PT, CY, PCT, { { "98977", 0, 30, 0, TRUE } }, { { "98977", 1, 0 } }, 0 },
  /* A code with no unit says so and gets no modifier. */
  { "no-unit", PT, CY, PCT, { { "97110", 30, 0, 0 }, { "97140", 0, 5, 0 } },
    { { "97110", 2, 0 }, { "97140", 0, 0 } }, 0 },
};

static void
test_derived (gconstpointer data)
{
  const DerivedCase *dc = data;
  guint n = 0;
  g_autoptr(PtAssistantResult) r = NULL;

  while (n < G_N_ELEMENTS (dc->codes) && dc->codes[n].code != NULL)
    n++;

  r = run_codes (dc->codes, n, dc->discipline, dc->policy, dc->test);
  check_consistent (r);
  g_assert_true (r->applies);

  for (guint i = 0; i < G_N_ELEMENTS (dc->expect) && dc->expect[i].code != NULL; i++)
    {
      g_assert_cmpint (units_of (r, dc->expect[i].code), ==, dc->expect[i].units);
      g_assert_cmpint (units_with (r, dc->expect[i].code), ==, dc->expect[i].with);
    }

  g_assert_cmpuint (flag_mask (r), ==, dc->flags);
}

/* The fallback of step 6b names itself in the unit's reason and in the flag. */
static void
test_two_units_fallback_named (void)
{
  const CodeMinutes codes[] = { { "97110", 10, 10, 0 }, { "97140", 4, 0, 0 } };
  g_autoptr(PtAssistantResult) r = run_codes (codes, 2, PT, CY, PCT);
  const PtAssistantCode *c = pt_assistant_result_get_code (r, 0);
  const PtAssistantFlag *flag = &g_array_index (r->flags, PtAssistantFlag, 0);

  g_assert_cmpuint (r->flags->len, ==, 1);
  g_assert_cmpint (flag->code, ==, 0);
  g_assert_nonnull (strstr (flag->text, "allback"));
  g_assert_nonnull (strstr (flag->text, "97110"));
  g_assert_nonnull (strstr (g_array_index (c->steps, PtAssistantStep, 0).text, "allback"));
}

/* ---- sweeps ---- */

static gboolean
in_window (gint ra,
           gint rt)
{
  return ra >= 9 && ra <= 14 && rt >= 9 && rt <= 14 && ra + rt >= 23 && ra + rt <= 28;
}

/* Where assistant-modifiers.md §4 C1 says the simple and percentage methods
 * disagree on the last 15-minute unit. */
static gboolean
note_says_disagree (PtAssistantPolicy policy,
                    gint              r,
                    gint              ra,
                    gint              rt)
{
  if (r != 1)
    return FALSE;

  if (policy == PT_ASSISTANT_POLICY_CY2022)
    return ra == 1 && rt >= 4 && rt <= 7;

  return (ra == 1 && rt >= 4 && rt <= 8) || (ra == 2 && rt >= 13 && rt <= 14);
}

/* Invariants of one 15-minute code that hold whatever else the visit has. */
static void
check_code_rules (const PtAssistantResult *r,
                  guint                    ci,
                  gint                     t,
                  gint                     a,
                  PtAssistantPolicy        policy)
{
  const PtAssistantCode *c = pt_assistant_result_get_code (r, ci);
  gint fa = a / 15, ra = a % 15, ft = t / 15, rt = t % 15;
  gint n = c->units, k = c->units_with_modifier;
  gint rem = n - fa - ft;
  gboolean silent = FALSE, disagree = FALSE;

  g_assert_cmpint (k, >=, 0);
  g_assert_cmpint (k, <=, n);
  g_assert_cmpint (rem, >=, 0);
  g_assert_cmpint (rem, <=, 2);
  /* Whole assistant blocks always carry it; whole therapist blocks never. */
  g_assert_cmpint (k, >=, fa);
  g_assert_cmpint (n - k, >=, ft);
  if (a == 0)
    g_assert_cmpint (k, ==, 0);
  if (t == 0)
    g_assert_cmpint (k, ==, n);
  /* From 2022 the therapist's 8 minutes keep the last unit free of it. */
  if (policy == PT_ASSISTANT_POLICY_CY2022 && rem == 1 && rt >= 8)
    g_assert_cmpint (k, ==, fa);
  if (policy == PT_ASSISTANT_POLICY_CY2022 && rem == 2)
    g_assert_cmpint (k, ==, fa + 1);

  for (guint f = 0; f < r->flags->len; f++)
    {
      const PtAssistantFlag *flag = &g_array_index (r->flags, PtAssistantFlag, f);

      if (flag->code != (gint) ci)
        continue;
      silent |= flag->kind == PT_ASSISTANT_FLAG_TWO_UNITS_SILENT;
      disagree |= flag->kind == PT_ASSISTANT_FLAG_METHODS_DISAGREE;
    }

  g_assert_true (silent == (policy == PT_ASSISTANT_POLICY_CY2022 && rem == 2 && !in_window (ra, rt)));
  g_assert_true (disagree == note_says_disagree (policy, rem, ra, rt));
}

/* One code, therapist 0-60 × assistant 0-60 minutes, under both policies. */
static void
test_sweep_one_code (void)
{
  guint two_remaining = 0;

  for (PtAssistantPolicy policy = PT_ASSISTANT_POLICY_CY2022; policy <= PT_ASSISTANT_POLICY_MARCH2021; policy++)
    for (gint t = 0; t <= 60; t++)
      for (gint a = 0; a <= 60; a++)
        {
          const CodeMinutes code = { "97110", t, a, 0 };
          g_autoptr(PtAssistantResult) r = run_codes (&code, 1, PT, policy, PCT);
          const PtAssistantCode *c = pt_assistant_result_get_code (r, 0);

          g_assert_cmpint (c->units, ==, pt_units_for_minutes (t + a));
          check_consistent (r);
          check_code_rules (r, 0, t, a, policy);

          /* For one code alone, two remaining units always fall in the (v)
           * window, so step 6b never shows. */
          if (c->units - a / 15 - t / 15 == 2)
            {
              g_assert_true (in_window (a % 15, t % 15));
              two_remaining++;
            }
          g_assert_false (pt_assistant_result_has_flag (r, PT_ASSISTANT_FLAG_TWO_UNITS_SILENT));
        }

  /* The window is reached, so the assertions above were exercised. */
  g_assert_cmpuint (two_remaining, >, 0);
}

/* Code X with both clinicians beside a therapist-only code Y: pooling makes
 * step 6b reachable, and it is flagged exactly there. */
static void
test_sweep_pooled (void)
{
  guint silent = 0;

  for (gint t = 0; t <= 30; t++)
    for (gint a = 0; a <= 30; a++)
      for (gint y = 0; y <= 30; y++)
        {
          const CodeMinutes codes[] = { { "97110", t, a, 0 }, { "97140", y, 0, 0 } };
          g_autoptr(PtAssistantResult) r = run_codes (codes, 2, PT, CY, PCT);

          check_code_rules (r, 0, t, a, CY);
          g_assert_cmpint (units_with (r, "97140"), ==, 0);
          silent += pt_assistant_result_has_flag (r, PT_ASSISTANT_FLAG_TWO_UNITS_SILENT);
        }

  g_assert_cmpuint (silent, >, 0);
}

/* ---- disciplines, methods, policies ---- */

static void
test_slp_and_ama (void)
{
  const CodeMinutes codes[] = { { "97110", 10, 20, 0 } };
  g_autoptr(GArray) blocks = blocks_for (codes, 1);
  g_autoptr(PtAssistantResult) slp = run_blocks (blocks, PT_METHOD_CMS, PT_DISCIPLINE_SLP, CY, PCT, NULL, NULL);
  g_autoptr(PtAssistantResult) ama = run_blocks (blocks, PT_METHOD_AMA, PT_DISCIPLINE_PT, CY, PCT, NULL, NULL);
  g_autofree char *summary = NULL;

  g_assert_false (slp->applies);
  g_assert_null (slp->modifier);
  g_assert_cmpstr (slp->therapy_modifier, ==, "GN");
  g_assert_nonnull (strstr (slp->reason, "peech"));
  g_assert_cmpint (units_of (slp, "97110"), ==, 2);
  g_assert_cmpint (units_with (slp, "97110"), ==, 0);
  g_assert_cmpstr (g_ptr_array_index (pt_assistant_result_get_code (slp, 0)->lines, 0), ==, "97110-GN × 2");
  check_consistent (slp);

  g_assert_false (ama->applies);
  g_assert_null (ama->modifier);
  g_assert_nonnull (strstr (ama->reason, "AMA"));
  g_assert_cmpint (units_with (ama, "97110"), ==, 0);
  g_assert_cmpuint (ama->flags->len, ==, 0);
  check_consistent (ama);

  summary = pt_assistant_code_summary (ama, 0);
  g_assert_cmpstr (summary, ==, "2 units");
}

static void
test_ot_gives_co (void)
{
  const CodeMinutes codes[] = { { "97530", 10, 20, 0 }, { "97535", 0, 30, 0 } };
  g_autoptr(PtAssistantResult) r = run_codes (codes, 2, OT, CY, PCT);
  const PtAssistantCode *c0 = pt_assistant_result_get_code (r, 0);
  const PtAssistantCode *c1 = pt_assistant_result_get_code (r, 1);

  g_assert_cmpstr (r->modifier, ==, "CO");
  g_assert_cmpstr (r->therapy_modifier, ==, "GO");
  /* 60 minutes → 4 units: 97530 1 whole assistant block + last unit with the
   * therapist's 10 (≥ 8) → 1 CO; 97535 2 whole assistant blocks. */
  g_assert_cmpint (c0->units, ==, 2);
  g_assert_cmpuint (c0->lines->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (c0->lines, 0), ==, "97530-GO-CO × 1");
  g_assert_cmpstr (g_ptr_array_index (c0->lines, 1), ==, "97530-GO × 1");
  g_assert_cmpuint (c1->lines->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (c1->lines, 0), ==, "97535-GO-CO × 2");
  check_consistent (r);
}

/* Example #2 from 2022: the claim lines, the summary and the unit that the
 * therapist's 10 minutes keep free of CQ. */
static void
test_lines_and_summary (void)
{
  const CodeMinutes codes[] = { { "97110", 10, 19, 0 } };
  g_autoptr(PtAssistantResult) r = run_codes (codes, 1, PT, CY, PCT);
  const PtAssistantCode *c = pt_assistant_result_get_code (r, 0);
  g_autofree char *summary = pt_assistant_code_summary (r, 0);
  const PtAssistantStep *last = &g_array_index (c->steps, PtAssistantStep, c->steps->len - 1);

  g_assert_cmpuint (c->lines->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (c->lines, 0), ==, "97110-GP-CQ × 1");
  g_assert_cmpstr (g_ptr_array_index (c->lines, 1), ==, "97110-GP × 1");
  g_assert_cmpstr (summary, ==, "2 units: 1 with CQ, 1 without");
  g_assert_cmpint (last->unit, ==, 2);
  g_assert_false (last->with_modifier);
  g_assert_nonnull (strstr (last->text, "without CQ"));
  g_assert_nonnull (strstr (last->text, "10"));
  g_assert_true (r->reduced_payment);
}

static const struct {
  const char        *date;
  gboolean           ok;
  PtAssistantPolicy  policy;
} date_cases[] = {
  { NULL, TRUE, PT_ASSISTANT_POLICY_CY2022 },
  { "", TRUE, PT_ASSISTANT_POLICY_CY2022 },
  { "2021-12-31", TRUE, PT_ASSISTANT_POLICY_MARCH2021 },
  { "2020-01-01", TRUE, PT_ASSISTANT_POLICY_MARCH2021 },
  { "2022-01-01", TRUE, PT_ASSISTANT_POLICY_CY2022 },
  { "2026-03-14", TRUE, PT_ASSISTANT_POLICY_CY2022 },
  { "2022-02-30", FALSE },
  { "2022-1-01", FALSE },
  { "2022-01-011", FALSE },
  { "20220101", FALSE },
  { "yesterday", FALSE },
  { "2022-01-0", FALSE },
};

static void
test_policy_for_date (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (date_cases); i++)
    {
      g_autoptr(GError) error = NULL;
      PtAssistantPolicy policy = 99;
      gboolean ok = pt_assistant_policy_for_date (date_cases[i].date, &policy, &error);

      g_assert_true (ok == date_cases[i].ok);
      if (ok)
        {
          g_assert_no_error (error);
          g_assert_cmpint (policy, ==, date_cases[i].policy);
        }
      else
        {
          g_assert_error (error, PT_ASSISTANT_ERROR, PT_ASSISTANT_ERROR_BAD_DATE);
          g_assert_nonnull (strstr (error->message, "YYYY-MM-DD"));
        }
    }
}

/* Blocks and an allocation that do not belong together give an error that
 * says so, never a crash or a wrong answer. */
static void
test_mismatch_errors (void)
{
  const CodeMinutes mine[] = { { "97110", 10, 20, 0 } };
  const CodeMinutes other[] = { { "97110", 40, 0, 0 } };
  const CodeMinutes more[] = { { "97110", 10, 20, 0 }, { "97140", 10, 0, 0 } };
  g_autoptr(GArray) blocks = blocks_for (mine, 1);
  g_autoptr(GArray) other_blocks = blocks_for (other, 1);
  g_autoptr(GArray) more_blocks = blocks_for (more, 2);
  PtAllocInput ai = { PT_METHOD_CMS, PT_TIE_RULE_ENTRY_ORDER,
                      (const PtAllocBlock *) (gconstpointer) other_blocks->data, other_blocks->len, NULL };
  g_autoptr(PtAllocResult) alloc = pt_allocate (&ai, NULL);
  PtAssistantInput input = { CY, PCT, PT, (const PtAllocBlock *) (gconstpointer) blocks->data, blocks->len };
  PtAssistantResult *r;
  GError *error = NULL;

  r = pt_assistant_compute (&input, alloc, &error);
  g_assert_null (r);
  g_assert_error (error, PT_ASSISTANT_ERROR, PT_ASSISTANT_ERROR_MISMATCH);
  g_clear_error (&error);

  input.blocks = (const PtAllocBlock *) (gconstpointer) more_blocks->data;
  input.n_blocks = more_blocks->len;
  r = pt_assistant_compute (&input, alloc, &error);
  g_assert_null (r);
  g_assert_error (error, PT_ASSISTANT_ERROR, PT_ASSISTANT_ERROR_MISMATCH);
  g_assert_nonnull (strstr (error->message, "97140"));
  g_clear_error (&error);

  /* A provider outside the enum. */
  g_array_index (other_blocks, PtAllocBlock, 0).provider = 7;
  input.blocks = (const PtAllocBlock *) (gconstpointer) other_blocks->data;
  input.n_blocks = other_blocks->len;
  r = pt_assistant_compute (&input, alloc, &error);
  g_assert_null (r);
  g_assert_error (error, PT_ASSISTANT_ERROR, PT_ASSISTANT_ERROR_MISMATCH);
  g_clear_error (&error);

  /* Units that cannot come from CMS total time for these minutes. */
  g_array_index (other_blocks, PtAllocBlock, 0).provider = PT_PROVIDER_ASSISTANT;
  g_array_index (alloc->codes, PtCodeUnits, 0).units = 1;
  r = pt_assistant_compute (&input, alloc, &error);
  g_assert_null (r);
  g_assert_error (error, PT_ASSISTANT_ERROR, PT_ASSISTANT_ERROR_MISMATCH);
  g_clear_error (&error);
}

/* ---- the model: JSON and the visit helper ---- */

static JsonObject *
parse_object (const char *text,
              JsonNode  **root)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  *root = json_parser_steal_root (parser);

  return json_node_get_object (*root);
}

static void
test_request_json (void)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) out_root = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PtAllocRequest) req = NULL;
  g_autoptr(PtAllocResult) result = NULL;
  g_autoptr(PtAssistantResult) mods = NULL;
  g_autoptr(GString) out = g_string_new ("{");
  JsonObject *object = parse_object ("{\"id\": 1, \"date\": \"2021-06-01\", \"blocks\": ["
                                     "{\"code\": \"97110\", \"minutes\": 23, \"provider\": \"assistant\"},"
                                     "{\"code\": \"97110\", \"minutes\": 13},"
                                     "{\"code\": \"97140\", \"minutes\": 30, \"provider\": \"therapist\"}]}",
                                     &root);
  JsonObject *o, *m97110;

  req = pt_alloc_request_from_json (object, PT_METHOD_CMS, &error);
  g_assert_no_error (error);
  result = pt_allocate (&req->input, &error);
  g_assert_no_error (error);
  g_assert_true (pt_assistant_request_compute (req, result, &mods, &error));
  g_assert_no_error (error);
  g_assert_nonnull (mods);

  pt_alloc_result_append_json (out, result);
  pt_assistant_result_append_json (out, mods);
  g_string_append_c (out, '}');

  o = parse_object (out->str, &out_root);
  /* Example #1 before 2022: both 97110 units with CQ. */
  g_assert_cmpstr (json_object_get_string_member (o, "assistant_policy"), ==, "march2021_guidance");
  m97110 = json_object_get_object_member (json_object_get_object_member (o, "modifiers"), "97110");
  g_assert_cmpint (json_object_get_int_member (m97110, "units_with_modifier"), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (m97110, "modifier"), ==, "CQ");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (m97110, "lines")), ==, 1);
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (m97110, "lines"), 0), ==,
                   "97110-GP-CQ × 2");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (m97110, "steps")), >=, 2);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "flags")), ==, 0);
}

static void
test_request_json_not_asked (void)
{
  static const char * const requests[] = {
    "{\"blocks\": [{\"code\": \"97110\", \"minutes\": 23}]}",
    "{\"method\": \"ama\", \"blocks\": [{\"code\": \"97110\", \"minutes\": 23, \"provider\": \"assistant\"}]}",
    "{\"discipline\": \"SLP\", \"blocks\": [{\"code\": \"97110\", \"minutes\": 23, \"provider\": \"assistant\"}]}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (requests); i++)
    {
      g_autoptr(JsonNode) root = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(PtAllocRequest) req = pt_alloc_request_from_json (parse_object (requests[i], &root),
                                                                  PT_METHOD_CMS, &error);
      g_autoptr(PtAllocResult) result = pt_allocate (&req->input, &error);
      PtAssistantResult *mods = (gpointer) 1;

      g_assert_true (pt_assistant_request_compute (req, result, &mods, &error));
      g_assert_null (mods);
    }
}

static void
test_cli_jsonl (void)
{
  const char * const argv[] = { "allocate", "--jsonl", "-", NULL };
  const char *input =
    "{\"id\": \"a\", \"blocks\": [{\"code\": \"97110\", \"minutes\": 10, \"provider\": \"therapist\"},"
    " {\"code\": \"97110\", \"minutes\": 19, \"provider\": \"assistant\"}]}\n"
    "{\"id\": \"b\", \"date\": \"2022-13-01\", \"blocks\": [{\"code\": \"97110\", \"minutes\": 10, \"provider\": \"assistant\"}]}\n"
    "{\"id\": \"c\", \"blocks\": [{\"code\": \"97110\", \"minutes\": 10}]}\n";
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;
  int status = -1;

  out = pt_test_run_cli (argv, input, NULL, &status);
  g_assert_cmpint (status, ==, 0);
  lines = g_strsplit (out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 4);

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(JsonNode) root = NULL;
      JsonObject *o = parse_object (lines[i], &root);

      if (i == 0)
        {
          JsonObject *m = json_object_get_object_member (json_object_get_object_member (o, "modifiers"), "97110");

          g_assert_cmpstr (json_object_get_string_member (o, "assistant_policy"), ==, "cy2022");
          g_assert_cmpint (json_object_get_int_member (m, "units"), ==, 2);
          g_assert_cmpint (json_object_get_int_member (m, "units_with_modifier"), ==, 1);
        }
      else if (i == 1)
        {
          g_assert_nonnull (strstr (json_object_get_string_member (o, "error"), "date"));
          g_assert_false (json_object_has_member (o, "units"));
        }
      else
        g_assert_false (json_object_has_member (o, "modifiers"));
    }
}

static void
test_visit_helper (void)
{
  g_autoptr(PtVisit) visit = pt_visit_new ();
  g_autoptr(PtBlock) b1 = pt_block_new ("97110", 23);
  g_autoptr(PtBlock) b2 = pt_block_new ("97110", 13);
  g_autoptr(PtVisitInput) vi = NULL;
  g_autoptr(PtAllocResult) alloc = NULL;
  g_autoptr(PtAssistantResult) now = NULL;
  g_autoptr(PtAssistantResult) before = NULL;
  g_autoptr(PtAssistantResult) bad = NULL;
  g_autoptr(GError) error = NULL;

  pt_block_set_provider (b1, PT_PROVIDER_ASSISTANT);
  pt_visit_append_block (visit, b1);
  pt_visit_append_block (visit, b2);
  g_assert_true (pt_visit_has_assistant_minutes (visit));

  vi = pt_visit_input_new (visit, PT_METHOD_CMS, PT_TIE_RULE_ENTRY_ORDER);
  alloc = pt_allocate (&vi->input, &error);
  g_assert_no_error (error);

  pt_visit_set_date (visit, "2022-03-01");
  now = pt_visit_compute_modifiers (visit, alloc);
  g_assert_true (now->applies);
  g_assert_cmpint (now->policy, ==, PT_ASSISTANT_POLICY_CY2022);
  g_assert_cmpint (units_with (now, "97110"), ==, 1);

  pt_visit_set_date (visit, "2021-03-01");
  before = pt_visit_compute_modifiers (visit, alloc);
  g_assert_cmpint (before->policy, ==, PT_ASSISTANT_POLICY_MARCH2021);
  g_assert_cmpint (units_with (before, "97110"), ==, 2);

  pt_visit_set_date (visit, "March 1st");
  bad = pt_visit_compute_modifiers (visit, alloc);
  g_assert_false (bad->applies);
  g_assert_nonnull (strstr (bad->reason, "March 1st"));

  pt_block_set_provider (b1, PT_PROVIDER_THERAPIST);
  g_assert_false (pt_visit_has_assistant_minutes (visit));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(JsonNode) vectors = NULL;
  JsonArray *array;

  g_test_init (&argc, &argv, NULL);

  vectors = pt_test_load_json ("assistant.json");
  array = json_node_get_array (vectors);
  g_assert_cmpuint (json_array_get_length (array), ==, 33);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *v = json_array_get_object_element (array, i);
      g_autofree char *path = g_strdup_printf ("/assistant/vectors/%s",
                                               json_object_get_string_member (v, "id"));

      g_test_add_data_func (path, v, test_vector);
    }
  g_test_add_func ("/assistant/vectors/tie-choices", test_vector_tie_choices);

  for (guint i = 0; i < G_N_ELEMENTS (derived_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/assistant/derived/%s", derived_cases[i].name);

      g_test_add_data_func (path, &derived_cases[i], test_derived);
    }
  g_test_add_func ("/assistant/derived/two-units-fallback-named", test_two_units_fallback_named);

  g_test_add_func ("/assistant/sweep/one-code", test_sweep_one_code);
  g_test_add_func ("/assistant/sweep/pooled", test_sweep_pooled);
  g_test_add_func ("/assistant/slp-and-ama", test_slp_and_ama);
  g_test_add_func ("/assistant/ot-gives-co", test_ot_gives_co);
  g_test_add_func ("/assistant/lines-and-summary", test_lines_and_summary);
  g_test_add_func ("/assistant/policy-for-date", test_policy_for_date);
  g_test_add_func ("/assistant/mismatch-errors", test_mismatch_errors);
  g_test_add_func ("/assistant/model/request-json", test_request_json);
  g_test_add_func ("/assistant/model/request-json-not-asked", test_request_json_not_asked);
  g_test_add_func ("/assistant/model/visit-helper", test_visit_helper);
  g_test_add_func ("/assistant/cli/jsonl", test_cli_jsonl);

  return g_test_run ();
}
