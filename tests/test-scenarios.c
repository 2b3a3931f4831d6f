/* test-scenarios.c: the built-in scenario library teaches what the engine computes
 *
 * Every scenario is run through the engine under both methods and must give
 * exactly its "expected" units; its tags must mean what they say (a "tie"
 * scenario has a tie, a "cms-vs-ama" one differs between methods ...); and its
 * assistant-modifier answer must follow the step table of
 * assistant-modifiers.md, worked out here independently of the program, and
 * agree with the program's own assistant calculator.
 * The manual's examples and the reference scenarios are also checked against
 * answers written into this file from the rules, not from the library.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "pt-codes.h"
#include "pt-scenario-library.h"
#include "pt-test-utils.h"
#include "pt-visit-assistant.h"

static PtScenarioLibrary *library;
static JsonArray *raw_scenarios; /* the resource's JSON, for member checks */

static PtAllocResult *
allocate (PtScenario *scenario,
          PtMethod    method)
{
  g_autoptr(PtVisitInput) input = pt_visit_input_new (pt_scenario_get_visit (scenario), method,
                                                      PT_TIE_RULE_ENTRY_ORDER);
  g_autoptr(GError) error = NULL;
  PtAllocResult *result = pt_allocate (&input->input, &error);

  g_assert_no_error (error);
  g_assert_nonnull (result);

  return result;
}

static gint
total_minutes (PtVisit *visit)
{
  gint total = 0;

  for (guint i = 0; i < pt_visit_get_n_blocks (visit); i++)
    total += pt_block_get_minutes (pt_visit_get_block (visit, i));

  return total;
}

static JsonObject *
raw_scenario (const char *id)
{
  for (guint i = 0; i < json_array_get_length (raw_scenarios); i++)
    {
      JsonObject *object = json_array_get_object_element (raw_scenarios, i);

      if (g_strcmp0 (json_object_get_string_member (object, "id"), id) == 0)
        return object;
    }

  g_assert_not_reached ();
}

/* ---------------------------------------------------------------- the library as a whole */

static void
test_loads (void)
{
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (library));

  g_assert_cmpuint (n, >=, 36);
  g_assert_cmpuint (n, ==, json_array_get_length (raw_scenarios));
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (library)) == PT_TYPE_SCENARIO);

  for (guint i = 0; i < n; i++)
    {
      PtScenario *scenario = pt_scenario_library_get_scenario (library, i);
      const char *id = pt_scenario_get_id (scenario);

      g_assert_true (pt_scenario_id_is_valid (id));
      g_assert_true (g_hash_table_add (ids, (gpointer) id));
      g_assert_true (pt_scenario_get_builtin (scenario));
      g_assert_true (pt_scenario_library_find_by_id (library, id) == scenario);
    }
}

static void
test_tags_documented (void)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (library)); i++)
    {
      PtScenario *scenario = pt_scenario_library_get_scenario (library, i);
      const char * const *tags = pt_scenario_get_tags (scenario);

      g_assert_cmpuint (g_strv_length ((char **) tags), >, 0);
      for (guint k = 0; tags[k]; k++)
        {
          if (!g_strv_contains (pt_scenario_known_tags, tags[k]))
            g_error ("%s: tag “%s” is not in the documented set", pt_scenario_get_id (scenario), tags[k]);
          g_assert_cmpstr (pt_scenario_tag_label (tags[k]), !=, tags[k]);
        }
    }
}

static guint
count_tag (const char *tag)
{
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (library)); i++)
    n += pt_scenario_has_tag (pt_scenario_library_get_scenario (library, i), tag);

  return n;
}

static void
test_categories (void)
{
  static const struct { const char *tag; guint min; } needed[] = {
    { "reference", 5 },    /* A, B, C, D and the mixed 24 + 23 visit */
    { "cms-manual", 6 },   /* examples 1-5 and 60 minutes of 97530 */
    { "tie", 4 },
    { "orphan-minutes", 3 },
    { "untimed", 3 },
    { "cms-vs-ama", 5 },
    { "assistant", 5 },
    { "documentation", 5 },
    { "ncci", 2 },
    { "long-visit", 2 },
    { "neurologic", 1 },
    { "vestibular", 1 },
    { "musculoskeletal", 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (needed); i++)
    {
      g_test_message ("tag %s: %u scenarios", needed[i].tag, count_tag (needed[i].tag));
      g_assert_cmpuint (count_tag (needed[i].tag), >=, needed[i].min);
    }

  g_assert_cmpuint (count_tag ("cms-manual"), ==, 6);
  g_assert_cmpuint (count_tag ("reference"), ==, 5);
}

/* How many codes share the CMS tie, and whether they all ran under 8 minutes. */
static void
test_tie_kinds (void)
{
  gboolean two_way = FALSE, three_way = FALSE, short_codes = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (library)); i++)
    {
      PtScenario *scenario = pt_scenario_library_get_scenario (library, i);
      g_autoptr(PtAllocResult) r = allocate (scenario, PT_METHOD_CMS);
      const PtTie *tie;
      gboolean all_short = TRUE;

      if (r->ties->len == 0)
        continue;

      tie = &g_array_index (r->ties, PtTie, 0);
      two_way |= tie->n_codes == 2;
      three_way |= tie->n_codes >= 3;
      for (guint k = 0; k < tie->n_codes; k++)
        all_short &= pt_alloc_result_get_code (r, tie->codes[k])->minutes < 8;
      short_codes |= all_short && tie->n_codes >= 3;
    }

  g_assert_true (two_way);
  g_assert_true (three_way);
  g_assert_true (short_codes);
}

static gboolean
visit_has_code (PtVisit    *visit,
                const char *code,
                gboolean   *one_on_one,
                gboolean   *has_rationale,
                gboolean   *has_skilled)
{
  for (guint i = 0; i < pt_visit_get_n_blocks (visit); i++)
    {
      PtBlock *block = pt_visit_get_block (visit, i);

      if (g_strcmp0 (pt_block_get_code (block), code) != 0)
        continue;
      if (one_on_one)
        *one_on_one = pt_block_get_one_on_one (block);
      if (has_rationale)
        *has_rationale = *pt_block_get_text (block, PT_BLOCK_RATIONALE) != '\0';
      if (has_skilled)
        *has_skilled = g_strv_length ((char **) pt_block_get_skilled (block)) > 0;
      return TRUE;
    }

  return FALSE;
}

/* The documentation and code-pair cases the library must teach. */
static void
test_documentation_and_pairs (void)
{
  gboolean group = FALSE, no_skill = FALSE, msk_with = FALSE, msk_without = FALSE;
  gboolean pair_140_530 = FALSE, pair_eval_140 = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (library)); i++)
    {
      PtScenario *scenario = pt_scenario_library_get_scenario (library, i);
      PtVisit *visit = pt_scenario_get_visit (scenario);
      gboolean one_on_one = TRUE, rationale = FALSE, skilled = TRUE;

      if (pt_scenario_has_tag (scenario, "documentation") &&
          visit_has_code (visit, "97112", &one_on_one, &rationale, &skilled))
        {
          group |= !one_on_one;
          no_skill |= !skilled;
          if (pt_visit_get_diagnosis_category (visit) == PT_DIAGNOSIS_MUSCULOSKELETAL)
            {
              msk_with |= rationale;
              msk_without |= !rationale;
            }
        }

      if (pt_scenario_has_tag (scenario, "ncci"))
        {
          pair_140_530 |= visit_has_code (visit, "97140", NULL, NULL, NULL) &&
                          visit_has_code (visit, "97530", NULL, NULL, NULL);
          for (guint k = 0; k < pt_visit_get_n_blocks (visit); k++)
            {
              const char *code = pt_block_get_code (pt_visit_get_block (visit, k));

              pair_eval_140 |= strcmp (code, "97161") >= 0 && strcmp (code, "97163") <= 0 &&
                               visit_has_code (visit, "97140", NULL, NULL, NULL);
            }
        }
    }

  g_assert_true (group);
  g_assert_true (no_skill);
  g_assert_true (msk_with);
  g_assert_true (msk_without);
  g_assert_true (pair_140_530);
  g_assert_true (pair_eval_140);
}

/* ---------------------------------------------------------------- the assistant step table */

/* assistant-modifiers.md §1.7 for dates from 2022, percentage test: how many
 * of @n units carry the modifier, from the therapist's minutes @t (together
 * included) and the assistant's @a. Written here from the note, apart from
 * the program, so that the library's answers are checked against the rule. */
static gint
reference_modifier_units (gint     n,
                          gint     t,
                          gint     a,
                          gboolean timed)
{
  gint fa = a / 15, ra = a % 15, ft = t / 15, rt = t % 15, r;

  if (!timed)
    return n > 0 && a > 0 && (t == 0 || 10 * a > a + t) ? 1 : 0;

  r = n - fa - ft;
  g_assert_cmpint (r, >=, 0);
  g_assert_cmpint (r, <=, 2);
  if (r == 0)
    return fa;
  if (r == 1)
    {
      if (ra == 0)
        return fa;
      if (rt == 0)
        return fa + 1;
      if (rt >= 8)
        return fa;
      return fa + (10 * ra > ra + rt ? 1 : 0);
    }

  /* Step 6: the two-remaining-units window; the library avoids step 6b. */
  g_assert_true (ra >= 9 && ra <= 14 && rt >= 9 && rt <= 14 && ra + rt >= 23 && ra + rt <= 28);
  return fa + 1;
}

static void
provider_minutes (PtVisit    *visit,
                  const char *code,
                  gint       *therapist,
                  gint       *assistant)
{
  *therapist = *assistant = 0;
  for (guint i = 0; i < pt_visit_get_n_blocks (visit); i++)
    {
      PtBlock *block = pt_visit_get_block (visit, i);

      if (strcmp (pt_block_get_code (block), code) != 0)
        continue;
      if (pt_block_get_provider (block) == PT_PROVIDER_ASSISTANT)
        *assistant += pt_block_get_minutes (block);
      else
        *therapist += pt_block_get_minutes (block);
    }
}

static void
check_modifiers (PtScenario          *scenario,
                 const PtAllocResult *cms)
{
  PtVisit *visit = pt_scenario_get_visit (scenario);
  const char *modifier = pt_visit_get_discipline (visit) == PT_DISCIPLINE_OT ? "CO" : "CQ";
  g_autoptr(PtAssistantResult) engine = pt_visit_compute_modifiers (visit, cms);
  gboolean mentioned = FALSE;
  guint n;

  pt_scenario_get_expected_modifiers (scenario, &n);
  g_assert_cmpuint (n, ==, cms->codes->len);
  g_assert_true (engine->applies);
  g_assert_cmpint (engine->policy, ==, PT_ASSISTANT_POLICY_CY2022);
  g_assert_cmpstr (engine->modifier, ==, modifier);

  for (guint i = 0; i < cms->codes->len; i++)
    {
      const PtCodeUnits *c = pt_alloc_result_get_code (cms, i);
      const PtScenarioModifier *m = pt_scenario_get_expected_modifier (scenario, c->code);
      gint t, a;

      g_assert_nonnull (m);
      g_assert_cmpstr (m->modifier, ==, modifier);
      provider_minutes (visit, c->code, &t, &a);
      g_assert_cmpint (m->units, ==, reference_modifier_units (c->units, t, a, c->timed));
      /* ... and the program's calculator agrees. */
      g_assert_cmpint (pt_assistant_result_find_code (engine, c->code), >=, 0);
      g_assert_cmpint (pt_assistant_result_get_code (engine, (guint) pt_assistant_result_find_code (engine, c->code))->units_with_modifier,
                       ==, m->units);
      g_assert_cmpint (m->units, <=, c->units);
    }

  for (const char * const *p = pt_scenario_get_teaching_points (scenario); *p; p++)
    mentioned |= strstr (*p, modifier) != NULL;
  g_assert_true (mentioned);
}

/* The step table itself, on the CMS examples of assistant-modifiers.md §2.1. */
static void
test_reference_step_table (void)
{
  g_assert_cmpint (reference_modifier_units (1, 5, 10, TRUE), ==, 1);  /* example A */
  g_assert_cmpint (reference_modifier_units (1, 6, 5, TRUE), ==, 1);   /* example B */
  g_assert_cmpint (reference_modifier_units (3, 23, 22, TRUE), ==, 1); /* example C */
  g_assert_cmpint (reference_modifier_units (2, 12, 14, TRUE), ==, 1); /* example D, 97110 */
  g_assert_cmpint (reference_modifier_units (1, 20, 0, TRUE), ==, 0);  /* example D, 97140 */
  g_assert_cmpint (reference_modifier_units (1, 20, 20, FALSE), ==, 1); /* example F */
  g_assert_cmpint (reference_modifier_units (2, 13, 23, TRUE), ==, 1); /* March 2021 #1, now */
  g_assert_cmpint (reference_modifier_units (1, 5, 7, TRUE), ==, 1);   /* stakeholders' 7:5 */
  g_assert_cmpint (reference_modifier_units (2, 30, 0, TRUE), ==, 0);  /* together only */
  g_assert_cmpint (reference_modifier_units (1, 18, 2, FALSE), ==, 0); /* exactly 10 % */
}

/* CMS's examples A-F with their minutes (code: therapist, assistant). */
static void
test_assistant_examples_present (void)
{
  static const struct { const char *code; gint t; gint a; const char *other; gint other_t; } examples[] = {
    { "97110", 5, 10, NULL, 0 },
    { "97110", 6, 5, NULL, 0 },
    { "97110", 23, 22, NULL, 0 },
    { "97110", 12, 14, "97140", 20 },
    { "97530", 11, 0, "97535", 0 },
    { "97150", 20, 20, NULL, 0 },
  };

  for (guint e = 0; e < G_N_ELEMENTS (examples); e++)
    {
      gboolean found = FALSE;

      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (library)) && !found; i++)
        {
          PtScenario *scenario = pt_scenario_library_get_scenario (library, i);
          PtVisit *visit = pt_scenario_get_visit (scenario);
          gint t, a;

          if (!pt_scenario_has_tag (scenario, "assistant"))
            continue;
          provider_minutes (visit, examples[e].code, &t, &a);
          if (t != examples[e].t || a != examples[e].a)
            continue;
          if (examples[e].other != NULL)
            {
              provider_minutes (visit, examples[e].other, &t, &a);
              if (t + a == 0 || (examples[e].other_t > 0 && t != examples[e].other_t))
                continue;
            }
          found = TRUE;
        }

      if (!found)
        g_error ("no assistant scenario has CMS example %c", 'A' + e);
    }
}

/* ---------------------------------------------------------------- each scenario */

static const char * const visit_members[] = {
  "title", "date", "payer", "method", "discipline", "diagnosis", "diagnosis_category",
  "tie_preference", "blocks", NULL
};
static const char * const block_members[] = {
  "code", "minutes", "provider", "one_on_one", "skilled", "deficit", "intervention",
  "objective", "goal", "response", "plan", "rationale", NULL
};
static const char * const note_fields[] = { "deficit", "intervention", "goal", "response", "plan", NULL };

static void
check_complete_visit (PtScenario *scenario)
{
  JsonObject *raw = raw_scenario (pt_scenario_get_id (scenario));
  JsonObject *visit = json_object_get_object_member (raw, "visit");
  JsonArray *blocks;

  for (guint i = 0; visit_members[i]; i++)
    if (!json_object_has_member (visit, visit_members[i]))
      g_error ("%s: the visit has no “%s”", pt_scenario_get_id (scenario), visit_members[i]);

  blocks = json_object_get_array_member (visit, "blocks");
  for (guint b = 0; b < json_array_get_length (blocks); b++)
    {
      JsonObject *block = json_array_get_object_element (blocks, b);

      for (guint i = 0; block_members[i]; i++)
        if (!json_object_has_member (block, block_members[i]))
          g_error ("%s: block %u has no “%s”", pt_scenario_get_id (scenario), b, block_members[i]);

      /* A documentation case may leave fields empty on purpose. */
      if (!pt_scenario_has_tag (scenario, "documentation"))
        for (guint i = 0; note_fields[i]; i++)
          if (*json_object_get_string_member (block, note_fields[i]) == '\0')
            g_error ("%s: block %u has an empty “%s”", pt_scenario_get_id (scenario), b, note_fields[i]);
    }
}

static void
check_expected (PtScenario          *scenario,
                PtMethod             method,
                const PtAllocResult *result)
{
  guint n;

  pt_scenario_get_expected (scenario, method, &n);
  g_test_message ("%s, %s", pt_scenario_get_id (scenario), pt_method_to_string (method));
  g_assert_cmpuint (n, ==, result->codes->len);
  for (guint i = 0; i < result->codes->len; i++)
    {
      const PtCodeUnits *c = pt_alloc_result_get_code (result, i);

      g_assert_cmpint (pt_scenario_get_expected_units (scenario, method, c->code), ==, c->units);
      if (!c->timed)
        g_assert_cmpint (c->units, ==, 1);
    }
  g_assert_cmpint (pt_scenario_get_expected_total (scenario, method), ==, result->total_units);
}

static const char *
category_tag (PtDiagnosisCategory category)
{
  switch (category)
    {
    case PT_DIAGNOSIS_NEUROLOGIC:
      return "neurologic";
    case PT_DIAGNOSIS_VESTIBULAR:
      return "vestibular";
    case PT_DIAGNOSIS_MUSCULOSKELETAL:
      return "musculoskeletal";
    case PT_DIAGNOSIS_UNSET:
    case PT_DIAGNOSIS_OTHER:
    default:
      return NULL;
    }
}

static void
test_scenario (gconstpointer data)
{
  PtScenario *scenario = pt_scenario_library_find_by_id (library, data);
  PtVisit *visit = pt_scenario_get_visit (scenario);
  g_autoptr(PtAllocResult) cms = allocate (scenario, PT_METHOD_CMS);
  g_autoptr(PtAllocResult) ama = allocate (scenario, PT_METHOD_AMA);
  const char * const *points = pt_scenario_get_teaching_points (scenario);
  gboolean has_untimed = FALSE, has_assistant = FALSE, orphan = FALSE;
  guint n_modifiers;

  /* The answer it teaches is the engine's. */
  check_expected (scenario, PT_METHOD_CMS, cms);
  check_expected (scenario, PT_METHOD_AMA, ama);

  /* Text a learner reads. */
  g_assert_cmpstr (pt_scenario_get_summary (scenario), !=, "");
  g_assert_cmpuint (g_strv_length ((char **) points), >=, 2);
  g_assert_cmpuint (g_strv_length ((char **) points), <=, 4);
  for (guint i = 0; points[i]; i++)
    g_assert_cmpuint (strlen (points[i]), >, 30);
  check_complete_visit (scenario);

  /* Tags say what the visit shows. */
  g_assert_cmpint (pt_scenario_has_tag (scenario, "tie"), ==, cms->ties->len > 0);
  g_assert_cmpint (pt_scenario_has_tag (scenario, "cms-vs-ama"), ==, cms->total_units != ama->total_units);
  g_assert_cmpint (pt_scenario_has_tag (scenario, "long-visit"), ==, total_minutes (visit) > 120);

  for (guint i = 0; i < cms->codes->len; i++)
    {
      const PtCodeUnits *c = pt_alloc_result_get_code (cms, i);

      has_untimed |= !c->timed;
      orphan |= c->timed && ((c->minutes > 0 && c->units == 0) || (c->minutes < 8 && c->units > 0));
    }
  g_assert_cmpint (pt_scenario_has_tag (scenario, "untimed"), ==, has_untimed);
  if (pt_scenario_has_tag (scenario, "orphan-minutes"))
    g_assert_true (orphan);

  for (guint i = 0; i < pt_visit_get_n_blocks (visit); i++)
    has_assistant |= pt_block_get_provider (pt_visit_get_block (visit, i)) != PT_PROVIDER_THERAPIST;
  g_assert_cmpint (pt_scenario_has_tag (scenario, "assistant"), ==, has_assistant);

  pt_scenario_get_expected_modifiers (scenario, &n_modifiers);
  if (has_assistant)
    check_modifiers (scenario, cms);
  else
    g_assert_cmpuint (n_modifiers, ==, 0);

  /* Exactly one diagnosis tag, the visit's. */
  g_assert_nonnull (category_tag (pt_visit_get_diagnosis_category (visit)));
  g_assert_true (pt_scenario_has_tag (scenario, category_tag (pt_visit_get_diagnosis_category (visit))));
  g_assert_cmpuint (pt_scenario_has_tag (scenario, "neurologic") +
                    pt_scenario_has_tag (scenario, "vestibular") +
                    pt_scenario_has_tag (scenario, "musculoskeletal"), ==, 1);
}

/* ---------------------------------------------------------------- answers from the rules */

typedef struct {
  const char *id;
  gint        cms_total;
  gint        ama_total;
  const char *units; /* "code=cms/ama,..."; cms -1: a tie, any split summing to cms_total */
} KnownAnswer;

/* Written from billing-rules.md §1.1 and documentation-checks.md, not copied
 * from the library file. */
static const KnownAnswer known[] = {
  { "ref-d-combined-20-18", 3, 2, "97112=2/1,97110=1/1" },
  { "ref-mixed-24-23-commercial", 3, 4, "97112=2/2,97110=1/2" },
  { "cms-ex1-24-23", 3, 4, "97112=2/2,97110=1/2" },
  { "cms-ex2-20-20-tie", 3, 2, "97112=-1/1,97110=-1/1" },
  { "cms-ex3-33-7", 3, 2, "97110=2/2,97140=1/0" },
  { "cms-ex4-four-codes", 3, 4, "97110=1/1,97140=1/1,97116=1/1,97035=0/1" },
  { "cms-ex5-three-sevens", 1, 0, "97112=-1/0,97110=-1/0,97140=-1/0" },
  { "cms-97530-60-minutes", 4, 4, "97530=4/4" },
};

static void
test_known_answers (void)
{
  for (guint k = 0; k < G_N_ELEMENTS (known); k++)
    {
      PtScenario *scenario = pt_scenario_library_find_by_id (library, known[k].id);
      g_autoptr(PtAllocResult) cms = NULL;
      g_autoptr(PtAllocResult) ama = NULL;
      g_auto(GStrv) parts = g_strsplit (known[k].units, ",", -1);

      g_test_message ("%s", known[k].id);
      g_assert_nonnull (scenario);
      cms = allocate (scenario, PT_METHOD_CMS);
      ama = allocate (scenario, PT_METHOD_AMA);
      g_assert_cmpint (cms->total_units, ==, known[k].cms_total);
      g_assert_cmpint (ama->total_units, ==, known[k].ama_total);
      g_assert_cmpuint (g_strv_length (parts), ==, cms->codes->len);

      for (guint i = 0; parts[i]; i++)
        {
          char code[PT_CODE_BUF];
          gint c, a;

          g_assert_cmpint (sscanf (parts[i], "%5s=%d/%d", code, &c, &a), ==, 3);
          if (c >= 0)
            g_assert_cmpint (pt_alloc_result_units_for (cms, code), ==, c);
          else
            g_assert_cmpint (pt_alloc_result_units_for (cms, code), <=, 2); /* never all on one */
          g_assert_cmpint (pt_alloc_result_units_for (ama, code), ==, a);
        }
    }
}

/* ---------------------------------------------------------------- the command line */

static void
test_cli_json (void)
{
  const char *argv[] = { "scenarios", "--json", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  guint n = 0;
  int status;

  out = pt_test_run_cli (argv, NULL, &err, &status);
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpstr (err, ==, "");

  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      g_autoptr(GError) error = NULL;
      JsonObject *object;
      PtScenario *scenario;

      if (*lines[i] == '\0')
        continue;
      json_parser_load_from_data (parser, lines[i], -1, &error);
      g_assert_no_error (error);
      object = json_node_get_object (json_parser_get_root (parser));
      scenario = pt_scenario_library_find_by_id (library, json_object_get_string_member (object, "id"));
      g_assert_nonnull (scenario);
      g_assert_true (json_object_get_boolean_member (object, "matches_expected"));
      g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (object, "cms"), "total_units"),
                       ==, pt_scenario_get_expected_total (scenario, PT_METHOD_CMS));
      g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (object, "ama"), "total_units"),
                       ==, pt_scenario_get_expected_total (scenario, PT_METHOD_AMA));

      if (g_strcmp0 (pt_scenario_get_id (scenario), "ref-d-combined-20-18") == 0)
        {
          JsonObject *units = json_object_get_object_member (json_object_get_object_member (object, "cms"), "units");

          g_assert_cmpint (json_object_get_int_member (units, "97112"), ==, 2);
          g_assert_cmpint (json_object_get_int_member (units, "97110"), ==, 1);
        }
      n++;
    }

  g_assert_cmpuint (n, ==, g_list_model_get_n_items (G_LIST_MODEL (library)));
}

static void
test_cli_text_filter (void)
{
  const char *by_tag[] = { "scenarios", "--tag", "tie", NULL };
  const char *by_words[] = { "scenarios", "ankle", "97112", NULL };
  const char *none[] = { "scenarios", "no-such-word-anywhere", NULL };
  const char *bad[] = { "scenarios", "--no-such-option", NULL };
  g_autofree char *out = NULL;
  g_autofree char *words = NULL;
  g_autofree char *empty = NULL;
  g_autofree char *usage = NULL;
  g_autofree char *err = NULL;
  g_autofree char *expect = NULL;
  int status;

  out = pt_test_run_cli (by_tag, NULL, NULL, &status);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, "cms-ex2-20-20-tie"));
  g_assert_null (strstr (out, "ref-d-combined-20-18"));
  g_assert_nonnull (strstr (out, "CMS total-time:"));
  expect = g_strdup_printf ("\n%u scenarios.\n", count_tag ("tie"));
  g_assert_nonnull (strstr (out, expect));

  words = pt_test_run_cli (by_words, NULL, NULL, &status);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (words, "ref-c-ankle-sprain-proprioception"));
  g_assert_null (strstr (words, "cms-ex3-33-7"));

  empty = pt_test_run_cli (none, NULL, NULL, &status);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (empty, "No scenario matches"));

  usage = pt_test_run_cli (bad, NULL, &err, &status);
  g_assert_cmpint (status, ==, 2);
  g_assert_nonnull (strstr (err, "no-such-option"));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  int status;

  g_test_init (&argc, &argv, NULL);

  library = pt_scenario_library_new_builtin (&error);
  g_assert_no_error (error);

  bytes = g_resources_lookup_data (PT_SCENARIO_LIBRARY_RESOURCE, 0, &error);
  g_assert_no_error (error);
  json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes),
                              &error);
  g_assert_no_error (error);
  raw_scenarios = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                                "scenarios");

  g_test_add_func ("/scenarios/loads", test_loads);
  g_test_add_func ("/scenarios/tags-documented", test_tags_documented);
  g_test_add_func ("/scenarios/categories", test_categories);
  g_test_add_func ("/scenarios/tie-kinds", test_tie_kinds);
  g_test_add_func ("/scenarios/documentation-and-pairs", test_documentation_and_pairs);
  g_test_add_func ("/scenarios/reference-step-table", test_reference_step_table);
  g_test_add_func ("/scenarios/assistant-examples", test_assistant_examples_present);
  g_test_add_func ("/scenarios/known-answers", test_known_answers);
  g_test_add_func ("/scenarios/cli-json", test_cli_json);
  g_test_add_func ("/scenarios/cli-text-filter", test_cli_text_filter);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (library)); i++)
    {
      const char *id = pt_scenario_get_id (pt_scenario_library_get_scenario (library, i));
      g_autofree char *path = g_strdup_printf ("/scenarios/each/%s", id);

      g_test_add_data_func (path, id, test_scenario);
    }

  status = g_test_run ();
  g_clear_object (&library);

  return status;
}
