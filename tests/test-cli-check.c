/* test-cli-check.c: pt97112-cli check: text and JSON output, exit statuses */
#include "config.h"

#include <string.h>

#include "pt-test-utils.h"

static char *
run_check (const char  *option,
           const char  *fixture,
           char       **err,
           int         *status)
{
  g_autofree char *path = fixture ? pt_test_data_path (fixture) : NULL;
  const char *argv[4] = { "check", NULL, NULL, NULL };
  guint n = 1;

  if (option != NULL)
    argv[n++] = option;
  if (path != NULL)
    argv[n++] = path;

  return pt_test_run_cli (argv, NULL, err, status);
}

static void
assert_contains (const char *haystack,
                 const char *needle)
{
  if (haystack == NULL || strstr (haystack, needle) == NULL)
    g_error ("“%s” not found in:\n%s", needle, haystack ? haystack : "(null)");
}

static JsonObject *
parse_object (const char *text,
              JsonNode  **root)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  *root = json_parser_steal_root (parser);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (*root));

  return json_node_get_object (*root);
}

static JsonObject *
find_finding (JsonArray  *findings,
              const char *id)
{
  for (guint i = 0; i < json_array_get_length (findings); i++)
    {
      JsonObject *f = json_array_get_object_element (findings, i);

      if (g_strcmp0 (json_object_get_string_member (f, "id"), id) == 0)
        return f;
    }

  return NULL;
}

/* Scenario A: the allocation as allocate prints it, then no findings; exit 0. */
static void
test_text_clean (void)
{
  g_autofree char *err = NULL;
  int status;
  g_autofree char *out = run_check (NULL, "checks/scenario-a.ptvisit.json", &err, &status);

  g_assert_cmpint (status, ==, 0);
  assert_contains (out, "Method: CMS total-time");
  assert_contains (out, "Timed minutes: 30   Timed units: 2   Total units: 2");
  assert_contains (out, "Unit 2 → 97112");
  assert_contains (out, "Documentation findings: none.");
  g_assert_cmpstr (err, ==, "");
}

/* A group class billed as 97112: errors named with block, code and id; exit 1. */
static void
test_text_errors (void)
{
  g_autofree char *err = NULL;
  int status;
  g_autofree char *out = run_check (NULL, "checks/group-97112.ptvisit.json", &err, &status);

  g_assert_cmpint (status, ==, 1);
  assert_contains (out, "Total units: 2");
  assert_contains (out, "Documentation findings: 2 errors,");
  assert_contains (out, "error: block 1 (97112), not-one-on-one");
  assert_contains (out, "error: block 1 (97112), skilled-cues-missing");
  assert_contains (out, "warning: block 1 (97112), independent-exercise-wording");
  assert_contains (out, "What to do: ");
}

/* Scenario D as JSON: allocate's members, the CMS units, and a visit-level finding. */
static void
test_json_scenario_d (void)
{
  g_autofree char *err = NULL;
  int status;
  g_autofree char *out = run_check ("--json", "checks/scenario-d.ptvisit.json", &err, &status);
  g_autoptr(JsonNode) root = NULL;
  JsonObject *obj, *units, *diff;
  JsonArray *findings;

  g_assert_cmpint (status, ==, 0);
  obj = parse_object (out, &root);
  g_assert_cmpstr (json_object_get_string_member (obj, "method"), ==, "cms");
  g_assert_cmpint (json_object_get_int_member (obj, "total_timed_minutes"), ==, 38);
  g_assert_cmpint (json_object_get_int_member (obj, "total_units"), ==, 3);
  units = json_object_get_object_member (obj, "units");
  g_assert_cmpint (json_object_get_int_member (units, "97112"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (units, "97110"), ==, 1);
  g_assert_true (json_object_has_member (obj, "steps"));
  g_assert_true (json_object_has_member (obj, "ties"));

  findings = json_object_get_array_member (obj, "findings");
  g_assert_cmpuint (json_array_get_length (findings), ==, 1);
  diff = find_finding (findings, "method-difference");
  g_assert_nonnull (diff);
  g_assert_cmpstr (json_object_get_string_member (diff, "severity"), ==, "info");
  g_assert_true (json_object_get_null_member (diff, "block"));
  g_assert_true (json_object_get_null_member (diff, "code"));
  assert_contains (json_object_get_string_member (diff, "message"), "3 units");
  g_assert_cmpstr (json_object_get_string_member (diff, "hint"), !=, "");
}

/* Block findings carry their block index (0-based) and code; every finding has all members. */
static void
test_json_errors (void)
{
  g_autofree char *err = NULL;
  int status;
  g_autofree char *out = run_check ("--json", "checks/group-97112.ptvisit.json", &err, &status);
  g_autoptr(JsonNode) root = NULL;
  JsonObject *obj, *f;
  JsonArray *findings;
  static const char * const members[] = { "id", "severity", "block", "code", "message", "hint" };

  g_assert_cmpint (status, ==, 1);
  obj = parse_object (out, &root);
  findings = json_object_get_array_member (obj, "findings");
  g_assert_cmpuint (json_array_get_length (findings), >=, 3);

  for (guint i = 0; i < json_array_get_length (findings); i++)
    for (guint m = 0; m < G_N_ELEMENTS (members); m++)
      g_assert_true (json_object_has_member (json_array_get_object_element (findings, i), members[m]));

  f = find_finding (findings, "not-one-on-one");
  g_assert_nonnull (f);
  g_assert_cmpstr (json_object_get_string_member (f, "severity"), ==, "error");
  g_assert_cmpint (json_object_get_int_member (f, "block"), ==, 0);
  g_assert_cmpstr (json_object_get_string_member (f, "code"), ==, "97112");

  f = find_finding (findings, "skilled-cues-missing");
  g_assert_nonnull (f);
  g_assert_cmpstr (json_object_get_string_member (f, "severity"), ==, "error");

  f = find_finding (findings, "independent-exercise-wording");
  g_assert_nonnull (f);
  g_assert_cmpstr (json_object_get_string_member (f, "severity"), ==, "warning");
  g_assert_cmpstr (json_object_get_string_member (f, "field"), ==, "intervention");
  assert_contains (json_object_get_string_member (f, "message"), "independently");
}

/* Input that cannot be used: exit 2 and the loader's message naming what is wrong. */
typedef struct {
  const char *option;
  const char *fixture;
  const char *stderr_has;
} BadCase;

static const BadCase bad_cases[] = {
  { NULL, "checks/missing.ptvisit.json", "missing.ptvisit.json" },
  { NULL, "checks/bad-json.ptvisit.json", "not valid JSON" },
  { "--json", "checks/not-a-visit.json", "kind: expected “visit”" },
  { NULL, "checks/bad-minutes.ptvisit.json", "blocks[1].minutes: expected a whole number from 0 to 1440" },
  { "--json", "checks/no-blocks.ptvisit.json", "no intervention block" },
  { NULL, "checks", "folder" },
  { NULL, NULL, "give the visit file" },
  { "--jason", "checks/scenario-a.ptvisit.json", "--jason" },
};

static void
test_bad (gconstpointer data)
{
  const BadCase *c = data;
  g_autofree char *err = NULL;
  int status;
  g_autofree char *out = run_check (c->option, c->fixture, &err, &status);

  g_assert_cmpint (status, ==, 2);
  g_assert_cmpstr (out, ==, "");
  assert_contains (err, c->stderr_has);
}

static void
test_two_files (void)
{
  g_autofree char *a = pt_test_data_path ("checks/scenario-a.ptvisit.json");
  g_autofree char *b = pt_test_data_path ("checks/scenario-b.ptvisit.json");
  const char *argv[] = { "check", a, b, NULL };
  g_autofree char *err = NULL;
  int status;
  g_autofree char *out = pt_test_run_cli (argv, NULL, &err, &status);

  g_assert_cmpint (status, ==, 2);
  assert_contains (err, "exactly one visit file");
}

static void
test_help (void)
{
  const char *argv[] = { "check", "--help", NULL };
  int status;
  g_autofree char *out = pt_test_run_cli (argv, NULL, NULL, &status);
  const char *top[] = { "--help", NULL };
  g_autofree char *usage = pt_test_run_cli (top, NULL, NULL, &status);

  assert_contains (out, "--json");
  assert_contains (out, "Exit status");
  assert_contains (usage, "check");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli-check/text/clean", test_text_clean);
  g_test_add_func ("/cli-check/text/errors", test_text_errors);
  g_test_add_func ("/cli-check/json/scenario-d", test_json_scenario_d);
  g_test_add_func ("/cli-check/json/errors", test_json_errors);
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/cli-check/bad/%u", i);
      g_test_add_data_func (name, &bad_cases[i], test_bad);
    }
  g_test_add_func ("/cli-check/bad/two-files", test_two_files);
  g_test_add_func ("/cli-check/help", test_help);

  return g_test_run ();
}
