/* test-cli-audit.c: pt97112-cli audit, its text and JSON output and exit statuses
 *
 * The fixtures are in tests/data/audit/. claims.csv holds the manual's
 * examples 1 (billed one unit over), 2 (a tie, billed 1 + 2) and 3; the
 * expected JSON lines for each method were worked out by hand from
 * billing-rules.md and are in claims-cms.jsonl and claims-ama.jsonl.
 */
#include "config.h"

#include <string.h>

#include "pt-test-utils.h"

static char *
run_audit (const char * const *args,
           const char         *stdin_text,
           char              **err,
           int                *status)
{
  return pt_test_run_cli (args, stdin_text, err, status);
}

static char *
fixture (const char *name)
{
  g_autofree char *rel = g_build_filename ("audit", name, NULL);

  return pt_test_data_path (rel);
}

static char *
read_fixture (const char *name)
{
  g_autofree char *path = fixture (name);
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);

  return text;
}

/* Every line is a JSON object, and the whole output is the expected text. */
static void
assert_json_lines (const char *out,
                   const char *expected_fixture)
{
  g_autofree char *expected = read_fixture (expected_fixture);
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);

  for (guint i = 0; lines[i] != NULL && lines[i][0] != '\0'; i++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) error = NULL;

      json_parser_load_from_data (parser, lines[i], -1, &error);
      g_assert_no_error (error);
      g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
    }

  g_assert_cmpstr (out, ==, expected);
}

static void
test_json_cms (void)
{
  g_autofree char *path = fixture ("claims.csv");
  const char *args[] = { "audit", "--json", path, NULL };
  g_autofree char *err = NULL;
  int status;
  g_autofree char *out = run_audit (args, NULL, &err, &status);

  assert_json_lines (out, "claims-cms.jsonl");
  g_assert_cmpstr (err, ==, "");
  g_assert_cmpint (status, ==, 1);
}

static void
test_json_ama (void)
{
  g_autofree char *path = fixture ("claims.csv");
  const char *args[] = { "audit", "--method", "ama", "--json", path, NULL };
  g_autofree char *err = NULL;
  int status;
  g_autofree char *out = run_audit (args, NULL, &err, &status);

  assert_json_lines (out, "claims-ama.jsonl");
  g_assert_cmpint (status, ==, 1);
}

/* Standard input with "-" gives the same as the file. */
static void
test_stdin (void)
{
  g_autofree char *csv = read_fixture ("claims.csv");
  const char *args[] = { "audit", "--json", "-", NULL };
  int status;
  g_autofree char *out = run_audit (args, csv, NULL, &status);

  assert_json_lines (out, "claims-cms.jsonl");
  g_assert_cmpint (status, ==, 1);
}

/* The text table lists only flagged visits, marks the codes that differ, and
 * ends with the summary. */
static void
test_text (void)
{
  g_autofree char *path = fixture ("claims.csv");
  const char *args[] = { "audit", path, NULL };
  int status;
  g_autofree char *out = run_audit (args, NULL, NULL, &status);
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);

  g_assert_cmpint (status, ==, 1);
  g_assert_true (g_str_has_prefix (lines[0], "Visit"));

  /* A17: over by 1; 97112 expected 2, billed 3 (marked); 97110 1 and 1.
   * Then the note on the mark: B2 (a valid tie choice) and C3 are ok. */
  g_assert_true (g_str_has_prefix (lines[1], "A17 "));
  g_assert_nonnull (strstr (lines[1], " over "));
  g_assert_nonnull (strstr (lines[1], " +1 "));
  g_assert_nonnull (strstr (lines[1], "97112"));
  g_assert_true (g_str_has_suffix (lines[1], "2       3  *"));
  g_assert_nonnull (strstr (lines[2], "97110"));
  g_assert_true (g_str_has_suffix (lines[2], "1       1"));
  g_assert_true (g_str_has_prefix (lines[2], " "));
  g_assert_true (g_str_has_prefix (lines[3], "* "));

  g_assert_null (strstr (out, "B2"));
  g_assert_null (strstr (out, "C3"));
  g_assert_nonnull (strstr (out, "Visits: 3   ok 2   over 1   under 0   mixed 0\n"));
  g_assert_nonnull (strstr (out, "Units billed over what the minutes support: 1\n"));
  g_assert_nonnull (strstr (out, "Units billed under what the minutes support: 0\n"));
  g_assert_nonnull (strstr (out, "Rows: 6 (0 skipped)\n"));
  g_assert_nonnull (strstr (out, "Method: CMS total-time\n"));
}

/* Manual examples 1 and 4 billed as the manual says, with CRLF line ends:
 * nothing flagged, exit 0. */
static void
test_clean (void)
{
  g_autofree char *path = fixture ("clean.csv");
  const char *text_args[] = { "audit", path, NULL };
  const char *json_args[] = { "audit", "--json", path, NULL };
  int status;
  g_autofree char *out = run_audit (text_args, NULL, NULL, &status);
  g_autofree char *json = NULL;

  g_assert_cmpint (status, ==, 0);
  g_assert_true (g_str_has_prefix (out, "No visit is billed over or under"));
  g_assert_nonnull (strstr (out, "Visits: 2   ok 2   over 0   under 0   mixed 0\n"));

  json = run_audit (json_args, NULL, NULL, &status);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (json,
                            "{\"visit_id\": \"K4\", \"method\": \"cms\", "
                            "\"expected\": {\"97110\": 1, \"97140\": 1, \"97116\": 1, \"97035\": 0}, "
                            "\"billed\": {\"97110\": 1, \"97140\": 1, \"97116\": 1, \"97035\": 0}, "
                            "\"status\": \"ok\", \"units_difference\": 0}\n"));
}

/* Bad rows go to standard error as FILE:LINE: message and are counted; a
 * visit the engine refuses is reported, written with its error and counted. */
static void
test_bad_rows (void)
{
  g_autofree char *path = fixture ("bad-rows.csv");
  const char *args[] = { "audit", "--json", path, NULL };
  g_autofree char *err = NULL;
  int status;
  g_autofree char *out = run_audit (args, NULL, &err, &status);
  g_autofree char *line3 = g_strdup_printf ("%s:3: minutes: expected a whole number from 0 to 1440, not “lots”\n", path);
  g_autofree char *line5 = g_strdup_printf ("%s:5: code: “97l10” is not a code", path);
  g_autofree char *line6 = g_strdup_printf ("%s:6: field 2 has a quote in the wrong place", path);
  g_autofree char *visit = g_strdup_printf ("%s: visit “X”: ", path);
  g_auto(GStrv) err_lines = g_strsplit (err, "\n", -1);

  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (err, line3));
  g_assert_nonnull (strstr (err, line5));
  g_assert_nonnull (strstr (err, line6));
  g_assert_nonnull (strstr (err, visit));
  g_assert_cmpuint (g_strv_length (err_lines), ==, 5); /* four messages and the empty end */

  g_assert_nonnull (strstr (out, "{\"visit_id\": \"A\", \"method\": \"cms\", \"expected\": {\"97112\": 2, \"97110\": 1}, "
                                 "\"billed\": {\"97112\": 2, \"97110\": 1}, \"status\": \"ok\", \"units_difference\": 0}\n"));
  g_assert_nonnull (strstr (out, "{\"visit_id\": \"X\", \"method\": \"cms\", \"error\": \""));
  g_assert_nonnull (strstr (out, "\"rows\": 7, \"rows_skipped\": 3, \"unbilled\": 0, \"bad_visits\": 1}}\n"));
}

/* Without a billed column: the expected units only, "billed" and the
 * difference null, exit 0. */
static void
test_unbilled (void)
{
  g_autofree char *path = fixture ("unbilled.csv");
  const char *args[] = { "audit", "--json", path, NULL };
  const char *text_args[] = { "audit", path, NULL };
  int status;
  g_autofree char *out = run_audit (args, NULL, NULL, &status);
  g_autofree char *text = NULL;

  g_assert_cmpint (status, ==, 0);
  g_assert_true (g_str_has_prefix (out,
                                   "{\"visit_id\": \"A\", \"method\": \"cms\", \"expected\": {\"97112\": 2, \"97110\": 1}, "
                                   "\"billed\": null, \"status\": \"unbilled\", \"units_difference\": null}\n"));
  g_assert_nonnull (strstr (out, "\"unbilled\": 1, \"bad_visits\": 0}}\n"));

  text = run_audit (text_args, NULL, NULL, &status);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (text, "no billed_units column"));
}

/* Exit status 2: bad usage, a file that cannot be read, a header that cannot
 * be used; each with a message and nothing on standard output. */
static void
test_usage_errors (void)
{
  g_autofree char *claims = fixture ("claims.csv");
  g_autofree char *bad_header = fixture ("bad-header.csv");
  const char *no_file[] = { "audit", NULL };
  const char *missing[] = { "audit", "/nonexistent/visits.csv", NULL };
  const char *bad_method[] = { "audit", "--method", "medicaid", claims, NULL };
  const char *two_files[] = { "audit", claims, claims, NULL };
  const char *bad_option[] = { "audit", "--frobnicate", claims, NULL };
  const char *header[] = { "audit", bad_header, NULL };
  const struct {
    const char * const *args;
    const char         *needle;
  } runs[] = {
    { no_file, "name the CSV file" },
    { missing, "cannot read /nonexistent/visits.csv" },
    { bad_method, "--method: expected “cms” or “ama”, not “medicaid”" },
    { two_files, "one too many" },
    { bad_option, "frobnicate" },
    { header, "line 1: header: the column “code” appears twice" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (runs); i++)
    {
      g_autofree char *err = NULL;
      int status;
      g_autofree char *out = run_audit (runs[i].args, NULL, &err, &status);

      g_assert_cmpint (status, ==, 2);
      g_assert_cmpstr (out, ==, "");
      g_assert_nonnull (strstr (err, runs[i].needle));
    }
}

static void
test_help (void)
{
  const char *args[] = { "audit", "--help", NULL };
  const char *top[] = { "--help", NULL };
  int status;
  g_autofree char *out = run_audit (args, NULL, NULL, &status);
  g_autofree char *commands = NULL;

  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, "--method"));
  g_assert_nonnull (strstr (out, "--json"));

  commands = run_audit (top, NULL, NULL, &status);
  g_assert_nonnull (strstr (commands, "  audit "));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli-audit/json-cms", test_json_cms);
  g_test_add_func ("/cli-audit/json-ama", test_json_ama);
  g_test_add_func ("/cli-audit/stdin", test_stdin);
  g_test_add_func ("/cli-audit/text", test_text);
  g_test_add_func ("/cli-audit/clean", test_clean);
  g_test_add_func ("/cli-audit/bad-rows", test_bad_rows);
  g_test_add_func ("/cli-audit/unbilled", test_unbilled);
  g_test_add_func ("/cli-audit/usage-errors", test_usage_errors);
  g_test_add_func ("/cli-audit/help", test_help);

  return g_test_run ();
}
