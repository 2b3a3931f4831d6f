/* test-allocation.c: the engine against the vectors, the chart, order and errors */
#include "config.h"

#include <string.h>

#include "pt-allocation.h"
#include "pt-alloc-request.h"
#include "pt-codes.h"
#include "pt-engine-error.h"
#include "pt-test-utils.h"

static PtAllocResult *
allocate_blocks (PtMethod            method,
                 const PtAllocBlock *blocks,
                 guint               n,
                 const char * const *prefer,
                 GError            **error)
{
  PtAllocInput input = { method, PT_TIE_RULE_ENTRY_ORDER, blocks, n, prefer };

  return pt_allocate (&input, error);
}

static gboolean
units_equal (JsonObject          *expected,
             const PtAllocResult *result)
{
  if (json_object_get_size (expected) != result->codes->len)
    return FALSE;

  for (guint i = 0; i < result->codes->len; i++)
    {
      const PtCodeUnits *c = pt_alloc_result_get_code (result, i);

      if (!json_object_has_member (expected, c->code) ||
          json_object_get_int_member (expected, c->code) != c->units)
        return FALSE;
    }

  return TRUE;
}

/* One vector of tests/data/allocation.json: the units must be one of its
 * valid alternatives, the totals must match, a tie must be reported exactly
 * when the vector has several alternatives, and there is one unit step per
 * unit. */
static void
test_vector (gconstpointer data)
{
  JsonObject *vector = (JsonObject *) data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PtAllocRequest) req = pt_alloc_request_from_json (vector, PT_METHOD_CMS, &error);
  g_autoptr(PtAllocResult) result = NULL;
  JsonArray *alts = json_object_get_array_member (vector, "valid_alternatives");
  gboolean matched = FALSE;
  guint unit_steps = 0;

  g_assert_no_error (error);
  result = pt_allocate (&req->input, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);

  for (guint a = 0; a < json_array_get_length (alts); a++)
    matched |= units_equal (json_array_get_object_element (alts, a), result);
  g_assert_true (matched);

  g_assert_cmpint (result->total_units, ==, json_object_get_int_member (vector, "expected_total_units"));
  g_assert_cmpint (result->total_timed_units, ==, json_object_get_int_member (vector, "expected_timed_units"));
  g_assert_cmpuint (result->ties->len, ==, json_array_get_length (alts) > 1 ? 1 : 0);

  for (guint s = 0; s < result->steps->len; s++)
    if (g_array_index (result->steps, PtStep, s).kind == PT_STEP_UNIT)
      {
        const PtStep *step = &g_array_index (result->steps, PtStep, s);

        unit_steps++;
        g_assert_cmpint (step->unit, ==, (gint) unit_steps);
        g_assert_true (strstr (step->text, pt_alloc_result_get_code (result, step->code)->code) != NULL);
      }
  g_assert_cmpuint (unit_steps, ==, (guint) result->total_timed_units);
}

/* One code from 0 to 600 minutes against the chart as the manual writes it:
 * n units for 15n-7 through 15n+7 minutes. */
static void
test_chart_sweep (void)
{
  for (gint m = 0; m <= 600; m++)
    {
      gint expected = 0;

      for (gint n = 1; n <= 41; n++)
        if (m >= 15 * n - 7 && m <= 15 * n + 7)
          expected = n;

      for (PtMethod method = PT_METHOD_CMS; method <= PT_METHOD_AMA; method++)
        {
          PtAllocBlock block = { "97110", m, TRUE, PT_PROVIDER_THERAPIST };
          g_autoptr(GError) error = NULL;
          g_autoptr(PtAllocResult) r = allocate_blocks (method, &block, 1, NULL, &error);

          g_assert_no_error (error);
          g_assert_cmpint (r->total_units, ==, expected);
          g_assert_cmpint (pt_units_for_minutes (m), ==, expected);
        }
    }
}

/* The same blocks in any order give the same units, as long as no tie decides. */
static void
test_order_independence (void)
{
  static const char *codes[] = { "97110", "97112", "97116", "97140", "97530", "97035" };
  GRand *rand = g_rand_new_with_seed (97112);
  guint compared = 0;

  for (guint round = 0; round < 2000; round++)
    {
      PtAllocBlock blocks[6], shuffled[6];
      g_autoptr(PtAllocResult) a = NULL;
      g_autoptr(PtAllocResult) b = NULL;
      guint n = g_rand_int_range (rand, 1, 7);

      for (guint i = 0; i < n; i++)
        {
          memset (&blocks[i], 0, sizeof blocks[i]);
          strcpy (blocks[i].code, codes[i]);
          blocks[i].minutes = g_rand_int_range (rand, 0, 61);
          blocks[i].timed = TRUE;
          shuffled[i] = blocks[i];
        }
      for (guint i = n; i > 1; i--)
        {
          guint j = g_rand_int_range (rand, 0, i);
          PtAllocBlock t = shuffled[i - 1];

          shuffled[i - 1] = shuffled[j];
          shuffled[j] = t;
        }

      a = allocate_blocks (PT_METHOD_CMS, blocks, n, NULL, NULL);
      b = allocate_blocks (PT_METHOD_CMS, shuffled, n, NULL, NULL);
      g_assert_cmpint (a->total_units, ==, b->total_units);

      if (a->ties->len > 0)
        {
          g_assert_cmpuint (b->ties->len, ==, 1);
          continue;
        }

      for (guint i = 0; i < n; i++)
        g_assert_cmpint (pt_alloc_result_units_for (a, blocks[i].code), ==,
                         pt_alloc_result_units_for (b, blocks[i].code));
      compared++;
    }

  g_assert_cmpuint (compared, >, 1000);
  g_rand_free (rand);
}

/* A tie is reported with its codes and shared units, and the visit's tie
 * preference moves the unit. */
static void
test_tie_preference (void)
{
  PtAllocBlock blocks[] = {
    { "97112", 20, TRUE }, { "97110", 20, TRUE },
  };
  const char * const prefer[] = { "97110", NULL };
  g_autoptr(PtAllocResult) first = allocate_blocks (PT_METHOD_CMS, blocks, 2, NULL, NULL);
  g_autoptr(PtAllocResult) chosen = allocate_blocks (PT_METHOD_CMS, blocks, 2, prefer, NULL);
  const PtTie *tie = &g_array_index (first->ties, PtTie, 0);

  g_assert_cmpuint (first->ties->len, ==, 1);
  g_assert_cmpuint (tie->n_codes, ==, 2);
  g_assert_cmpint (tie->units, ==, 1);
  g_assert_cmpint (tie->leftover, ==, 5);
  g_assert_cmpint (pt_alloc_result_units_for (first, "97112"), ==, 2);
  g_assert_cmpint (pt_alloc_result_units_for (chosen, "97110"), ==, 2);
  g_assert_cmpint (pt_alloc_result_units_for (chosen, "97112"), ==, 1);
}

/* The most-minutes rule settles a tie without preference by total minutes. */
static void
test_tie_rule_most_minutes (void)
{
  PtAllocBlock blocks[] = { { "97140", 7, TRUE }, { "97110", 22, TRUE } };
  PtAllocInput input = { PT_METHOD_CMS, PT_TIE_RULE_MOST_MINUTES, blocks, 2, NULL };
  g_autoptr(PtAllocResult) r = pt_allocate (&input, NULL);

  g_assert_cmpint (pt_alloc_result_units_for (r, "97110"), ==, 2);
  g_assert_cmpint (pt_alloc_result_units_for (r, "97140"), ==, 0);

  input.tie_rule = PT_TIE_RULE_ENTRY_ORDER;
  {
    g_autoptr(PtAllocResult) e = pt_allocate (&input, NULL);

    g_assert_cmpint (pt_alloc_result_units_for (e, "97140"), ==, 1);
  }
}

typedef struct {
  const char *name;
  PtMethod    method;
  guint       n;
  struct { const char *code; gint minutes; } blocks[4];
  gint        hint_minutes;
  const char *hint_code;
} HintCase;

static const HintCase hint_cases[] = {
  /* the example: 47 minutes, 6 more give a 4th unit to 97110 */
  { "cms-24-23", PT_METHOD_CMS, 2, { { "97112", 24 }, { "97110", 23 } }, 6, "97110" },
  { "cms-single-7", PT_METHOD_CMS, 1, { { "97530", 7 } }, 1, "97530" },
  { "cms-60", PT_METHOD_CMS, 1, { { "97530", 60 } }, 8, "97530" },
  { "cms-7-7-7", PT_METHOD_CMS, 3, { { "97112", 7 }, { "97110", 7 }, { "97140", 7 } }, 2, "97110" },
  { "ama-20-18", PT_METHOD_AMA, 2, { { "97112", 20 }, { "97110", 18 } }, 3, "97112" },
  { "ama-untimed-only", PT_METHOD_AMA, 1, { { "97162", 45 } }, 8, NULL },
  { "cms-untimed-only", PT_METHOD_CMS, 1, { { "97150", 30 } }, 8, NULL },
};

static void
test_next_unit_hint (gconstpointer data)
{
  const HintCase *hc = data;
  PtAllocBlock blocks[4] = { 0 };
  g_autoptr(PtAllocResult) r = NULL;
  g_autofree char *text = NULL;

  for (guint i = 0; i < hc->n; i++)
    {
      strcpy (blocks[i].code, hc->blocks[i].code);
      blocks[i].minutes = hc->blocks[i].minutes;
      blocks[i].timed = pt_code_default_timed (hc->blocks[i].code);
    }

  r = allocate_blocks (hc->method, blocks, hc->n, NULL, NULL);
  g_assert_cmpint (r->next_unit_minutes, ==, hc->hint_minutes);
  if (hc->hint_code == NULL)
    g_assert_cmpint (r->next_unit_code, ==, -1);
  else
    g_assert_cmpstr (pt_alloc_result_get_code (r, r->next_unit_code)->code, ==, hc->hint_code);

  /* And the hint is true: adding those minutes to that code adds a unit to it. */
  if (hc->hint_code != NULL)
    {
      g_autoptr(PtAllocResult) after = NULL;

      for (guint i = 0; i < hc->n && i < G_N_ELEMENTS (blocks); i++)
        if (strcmp (blocks[i].code, hc->hint_code) == 0)
          blocks[i].minutes += hc->hint_minutes;
      after = allocate_blocks (hc->method, blocks, hc->n, NULL, NULL);
      g_assert_cmpint (after->total_timed_units, ==, r->total_timed_units + 1);
      g_assert_cmpint (pt_alloc_result_units_for (after, hc->hint_code), ==,
                       pt_alloc_result_units_for (r, hc->hint_code) + 1);
    }

  text = pt_alloc_result_hint_text (r);
  g_assert_true (strstr (text, hc->hint_code ? hc->hint_code : "timed") != NULL);
}

/* The explanation of the example names both leftovers. */
static void
test_explanation_words (void)
{
  PtAllocBlock blocks[] = { { "97112", 24, TRUE }, { "97110", 23, TRUE } };
  g_autoptr(PtAllocResult) r = allocate_blocks (PT_METHOD_CMS, blocks, 2, NULL, NULL);
  const PtStep *last = &g_array_index (r->steps, PtStep, 3);

  g_assert_cmpuint (r->steps->len, ==, 4);
  g_assert_true (strstr (g_array_index (r->steps, PtStep, 0).text, "47") != NULL);
  g_assert_cmpint (last->unit, ==, 3);
  g_assert_cmpstr (pt_alloc_result_get_code (r, last->code)->code, ==, "97112");
  g_assert_true (strstr (last->text, "9") != NULL && strstr (last->text, "97110") != NULL &&
                 strstr (last->text, "8") != NULL);
}

/* Minutes documented but not billed get their own step (manual example 4). */
static void
test_not_billed_step (void)
{
  PtAllocBlock blocks[] = {
    { "97110", 18, TRUE }, { "97140", 13, TRUE }, { "97116", 10, TRUE }, { "97035", 8, TRUE },
  };
  g_autoptr(PtAllocResult) r = allocate_blocks (PT_METHOD_CMS, blocks, 4, NULL, NULL);
  const PtStep *last = &g_array_index (r->steps, PtStep, r->steps->len - 1);

  g_assert_cmpint (last->kind, ==, PT_STEP_NOT_BILLED);
  g_assert_cmpstr (pt_alloc_result_get_code (r, last->code)->code, ==, "97035");
}

typedef struct {
  const char  *name;
  guint        n;
  PtAllocBlock blocks[3];
  gint         code;
} ErrorCase;

static const ErrorCase error_cases[] = {
  { "no-blocks", 0, { { "" } }, PT_ENGINE_ERROR_NO_BLOCKS },
  { "negative-minutes", 1, { { "97110", -1, TRUE } }, PT_ENGINE_ERROR_MINUTES_RANGE },
  { "minutes-over-a-day", 1, { { "97110", 1441, TRUE } }, PT_ENGINE_ERROR_MINUTES_RANGE },
  { "total-over-a-day", 2, { { "97110", 1000, TRUE }, { "97112", 441, TRUE } }, PT_ENGINE_ERROR_TOTAL_RANGE },
  { "short-code", 1, { { "9711", 10, TRUE } }, PT_ENGINE_ERROR_BAD_CODE },
  { "letters", 1, { { "97A12", 10, TRUE } }, PT_ENGINE_ERROR_BAD_CODE },
  { "lowercase-hcpcs", 1, { { "g0283", 10, FALSE } }, PT_ENGINE_ERROR_BAD_CODE },
  { "long-code", 1, { { "971100", 10, TRUE } }, PT_ENGINE_ERROR_BAD_CODE },
  { "timed-mismatch", 2, { { "97110", 10, TRUE }, { "97110", 10, FALSE } }, PT_ENGINE_ERROR_TIMED_MISMATCH },
};

static void
test_errors (gconstpointer data)
{
  const ErrorCase *ec = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PtAllocResult) r = allocate_blocks (PT_METHOD_CMS, ec->blocks, ec->n, NULL, &error);

  g_assert_null (r);
  g_assert_error (error, PT_ENGINE_ERROR, ec->code);
  g_assert_cmpstr (error->message, !=, "");
}

/* The edge of the accepted range is accepted. */
static void
test_limits_accepted (void)
{
  PtAllocBlock blocks[] = { { "97110", 1000, TRUE }, { "G0283", 440, FALSE } };
  g_autoptr(GError) error = NULL;
  g_autoptr(PtAllocResult) r = allocate_blocks (PT_METHOD_CMS, blocks, 2, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpint (r->total_units, ==, pt_units_for_minutes (1000) + 1);
}

/* The units-only mode (audits) gives the same units and ties, and no words. */
static void
test_units_only_same_units (void)
{
  GRand *rand = g_rand_new_with_seed (4242);
  static const char *codes[] = { "97110", "97112", "97116", "97140", "97530", "97150" };

  for (guint round = 0; round < 3000; round++)
    {
      PtAllocBlock blocks[6];
      guint n = g_rand_int_range (rand, 1, 7);
      PtAllocInput input = { g_rand_boolean (rand) ? PT_METHOD_CMS : PT_METHOD_AMA,
                             PT_TIE_RULE_ENTRY_ORDER, blocks, n, NULL, FALSE };
      g_autoptr(PtAllocResult) full = NULL;
      g_autoptr(PtAllocResult) lean = NULL;

      for (guint i = 0; i < n; i++)
        {
          memset (&blocks[i], 0, sizeof blocks[i]);
          strcpy (blocks[i].code, codes[i]);
          blocks[i].minutes = g_rand_int_range (rand, 0, 70);
          blocks[i].timed = pt_code_default_timed (codes[i]);
        }

      full = pt_allocate (&input, NULL);
      input.units_only = TRUE;
      lean = pt_allocate (&input, NULL);

      g_assert_cmpuint (lean->steps->len, ==, 0);
      g_assert_cmpint (lean->total_units, ==, full->total_units);
      g_assert_cmpuint (lean->ties->len, ==, full->ties->len);
      for (guint i = 0; i < full->codes->len; i++)
        g_assert_cmpint (pt_alloc_result_get_code (lean, i)->units, ==,
                         pt_alloc_result_get_code (full, i)->units);
    }

  g_rand_free (rand);
}

/* The code shapes, and the built-in untimed ranges at and around their
 * bounds: the ranges are compared as numbers, which must order codes as
 * strcmp() does (digits before capital letters). */
static const struct {
  const char *code;
  gboolean    valid;
  gboolean    timed;
} code_cases[] = {
  { "97110", TRUE, TRUE },
  { "97009", TRUE, TRUE },
  { "97010", TRUE, FALSE },
  { "97028", TRUE, FALSE },
  { "97029", TRUE, TRUE },
  { "97149", TRUE, TRUE },
  { "97150", TRUE, FALSE },
  { "97151", TRUE, TRUE },
  { "97160", TRUE, TRUE },
  { "97161", TRUE, FALSE },
  { "97172", TRUE, FALSE },
  { "97173", TRUE, TRUE },
  { "97552", TRUE, FALSE },
  { "97597", TRUE, FALSE },
  { "97598", TRUE, FALSE },
  { "97599", TRUE, TRUE },
  { "97602", TRUE, FALSE },
  { "97605", TRUE, FALSE },
  { "97608", TRUE, FALSE },
  { "97609", TRUE, TRUE },
  { "97610", TRUE, FALSE },
  { "00000", TRUE, TRUE },
  { "99999", TRUE, TRUE },
  { "A0000", TRUE, TRUE },
  { "G0282", TRUE, TRUE },
  { "G0283", TRUE, FALSE },
  { "G0284", TRUE, TRUE },
  { "Z9999", TRUE, TRUE },
  /* not codes: timed, as an unknown code is */
  { "", FALSE, TRUE },
  { "9711", FALSE, TRUE },
  { "971100", FALSE, TRUE },
  { "g0283", FALSE, TRUE },
  { "GG283", FALSE, TRUE },
  { "9701O", FALSE, TRUE },
  { " 97010", FALSE, TRUE },
  { "97010 ", FALSE, TRUE },
  { "9701\xc3\xa9", FALSE, TRUE },
  { "@0283", FALSE, TRUE },
  { "[0283", FALSE, TRUE },
};

static void
test_code_shapes (void)
{
  g_assert_false (pt_code_is_valid (NULL));
  g_assert_true (pt_code_default_timed (NULL));

  for (guint i = 0; i < G_N_ELEMENTS (code_cases); i++)
    {
      g_test_message ("code “%s”", code_cases[i].code);
      g_assert_cmpint (pt_code_is_valid (code_cases[i].code), ==, code_cases[i].valid);
      g_assert_cmpint (pt_code_default_timed (code_cases[i].code), ==, code_cases[i].timed);
    }
}

/* pt_allocate_units() gives pt_allocate()'s codes, units and tie, in the
 * caller's memory, for either method, with or without a tie preference, and
 * fails the same way. */
static void
test_allocate_units_same (void)
{
  GRand *rand = g_rand_new_with_seed (97112);
  static const char *codes[] = { "97110", "97112", "97116", "97140", "97530", "97150", "G0283" };
  const char * const prefer[] = { "97140", "97112", NULL };

  for (guint round = 0; round < 5000; round++)
    {
      PtAllocBlock blocks[8];
      PtCodeUnits units[8];
      guint tied[8];
      guint n = g_rand_int_range (rand, 0, 9);
      PtAllocInput input = { g_rand_boolean (rand) ? PT_METHOD_CMS : PT_METHOD_AMA,
                             g_rand_boolean (rand) ? PT_TIE_RULE_ENTRY_ORDER : PT_TIE_RULE_MOST_MINUTES,
                             blocks, n, g_rand_int_range (rand, 0, 4) == 0 ? prefer : NULL, TRUE };
      g_autoptr(PtAllocResult) full = NULL;
      g_autoptr(GError) full_error = NULL;
      g_autoptr(GError) error = NULL;
      PtTie tie;
      guint n_codes = 99;
      gboolean ok;

      for (guint i = 0; i < n; i++)
        {
          const char *code = codes[g_rand_int_range (rand, 0, G_N_ELEMENTS (codes))];

          memset (&blocks[i], 0, sizeof blocks[i]);
          strcpy (blocks[i].code, code);
          /* now and then over the day's 1440 minutes, to compare the errors */
          blocks[i].minutes = g_rand_int_range (rand, 0, round % 50 == 0 ? 1000 : 70);
          blocks[i].timed = pt_code_default_timed (code);
        }

      full = pt_allocate (&input, &full_error);
      ok = pt_allocate_units (&input, units, &n_codes, &tie, tied, &error);

      g_assert_cmpint (ok, ==, full != NULL);
      if (!ok)
        {
          g_assert_error (error, full_error->domain, full_error->code);
          g_assert_cmpstr (error->message, ==, full_error->message);
          g_assert_cmpuint (n_codes, ==, 0);
          g_assert_cmpuint (tie.n_codes, ==, 0);
          continue;
        }

      g_assert_no_error (error);
      g_assert_cmpuint (n_codes, ==, full->codes->len);
      for (guint i = 0; i < n_codes; i++)
        {
          const PtCodeUnits *c = pt_alloc_result_get_code (full, i);

          g_assert_cmpstr (units[i].code, ==, c->code);
          g_assert_cmpint (units[i].minutes, ==, c->minutes);
          g_assert_cmpint (units[i].units, ==, c->units);
          g_assert_cmpint (units[i].full_units, ==, c->full_units);
          g_assert_cmpint (units[i].tied, ==, c->tied);
        }

      g_assert_cmpuint (full->ties->len, ==, tie.n_codes > 0 ? 1 : 0);
      if (tie.n_codes > 0)
        {
          const PtTie *t = &g_array_index (full->ties, PtTie, 0);

          g_assert_true (tie.codes == tied);
          g_assert_cmpuint (tie.n_codes, ==, t->n_codes);
          g_assert_cmpint (tie.units, ==, t->units);
          g_assert_cmpint (tie.leftover, ==, t->leftover);
          g_assert_cmpmem (tie.codes, tie.n_codes * sizeof (guint), t->codes, t->n_codes * sizeof (guint));
        }
    }

  g_rand_free (rand);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(JsonNode) vectors = NULL;
  JsonArray *array;

  g_test_init (&argc, &argv, NULL);

  vectors = pt_test_load_json ("allocation.json");
  array = json_node_get_array (vectors);
  g_assert_cmpuint (json_array_get_length (array), ==, 67);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *v = json_array_get_object_element (array, i);
      g_autofree char *path = g_strdup_printf ("/engine/vectors/%s",
                                               json_object_get_string_member (v, "id"));

      g_test_add_data_func (path, v, test_vector);
    }

  g_test_add_func ("/engine/chart-sweep", test_chart_sweep);
  g_test_add_func ("/engine/order-independence", test_order_independence);
  g_test_add_func ("/engine/tie-preference", test_tie_preference);
  g_test_add_func ("/engine/tie-rule-most-minutes", test_tie_rule_most_minutes);
  g_test_add_func ("/engine/explanation-words", test_explanation_words);
  g_test_add_func ("/engine/not-billed-step", test_not_billed_step);
  g_test_add_func ("/engine/limits-accepted", test_limits_accepted);
  g_test_add_func ("/engine/units-only-same-units", test_units_only_same_units);
  g_test_add_func ("/engine/code-shapes", test_code_shapes);
  g_test_add_func ("/engine/allocate-units-same", test_allocate_units_same);

  for (guint i = 0; i < G_N_ELEMENTS (hint_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/engine/next-unit/%s", hint_cases[i].name);
      g_test_add_data_func (path, &hint_cases[i], test_next_unit_hint);
    }

  for (guint i = 0; i < G_N_ELEMENTS (error_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/engine/errors/%s", error_cases[i].name);
      g_test_add_data_func (path, &error_cases[i], test_errors);
    }

  return g_test_run ();
}
