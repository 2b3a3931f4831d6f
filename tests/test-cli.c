/* test-cli.c: pt97112-cli allocate and conformance, run as a user would run them */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "pt-test-utils.h"

/* Runs the CLI with the arguments after @stdin_text (NULL-terminated). */
static char *
cli (int        *status,
     char      **err,
     const char *stdin_text,
     ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  const char *arg;
  va_list ap;

  va_start (ap, stdin_text);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  return pt_test_run_cli ((const char * const *) args->pdata, stdin_text, err, status);
}

static JsonNode *
parse (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  if (!json_parser_load_from_data (parser, text, -1, &error))
    g_error ("not JSON (%s): %s", error->message, text);

  return json_parser_steal_root (parser);
}

static void
assert_contains (const char *haystack,
                 const char *needle)
{
  if (strstr (haystack, needle) == NULL)
    g_error ("“%s” not found in:\n%s", needle, haystack);
}

static void
assert_units (JsonObject *object,
              const char *code,
              gint64      units)
{
  JsonObject *u = json_object_get_object_member (object, "units");

  g_assert_nonnull (u);
  g_assert_true (json_object_has_member (u, code));
  g_assert_cmpint (json_object_get_int_member (u, code), ==, units);
}

static char *
write_temp (const char *contents,
            gssize      length)
{
  g_autoptr(GError) error = NULL;
  char *path = NULL;
  int fd = g_file_open_tmp ("pt-test-cli-XXXXXX", &path, &error);

  g_assert_no_error (error);
  g_close (fd, NULL);
  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);

  return path;
}

/* CMS manual example 1: the table, each unit's reason and the hint. */
static void
test_allocate_text (void)
{
  g_autofree char *err = NULL;
  g_autofree char *out = NULL;
  int status;

  out = cli (&status, &err, NULL, "allocate", "97112=24", "97110=23", NULL);
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpstr (err, ==, "");

  assert_contains (out, "Method: CMS total-time\n");
  assert_contains (out, "Timed minutes: 47   Timed units: 3   Total units: 3\n");
  assert_contains (out, "Code     Minutes  Units\n"
                        "97112         24      2\n"
                        "97110         23      1\n");
  /* the total, then one line per unit, leftover last */
  assert_contains (out, "Why:\n  47 timed minutes in all: the chart gives 3 timed units for 38–52 minutes.\n");
  assert_contains (out, "  Unit 1 → 97112: whole 15-minute unit 1 of 1 in its 24 minutes.\n");
  assert_contains (out, "  Unit 2 → 97110: whole 15-minute unit 1 of 1 in its 23 minutes.\n");
  assert_contains (out, "  Unit 3 → 97112: its 9 leftover minutes beat 97110’s 8.\n");
  /* 53 minutes give unit 4: 6 more of 97110 (29: 1 whole + 14 left over) */
  assert_contains (out, "Next unit: 6 more minutes of 97110 would earn it a unit: timed unit 4 of the visit.\n");
  g_assert_null (strstr (out, "Tie:"));
}

/* CMS example 4: a code with minutes but no unit says why; an untimed code
 * is one unit whatever its minutes. */
static void
test_allocate_text_not_billed (void)
{
  g_autofree char *out = NULL;
  int status;

  out = cli (&status, NULL, NULL, "allocate", "97110=18", "97140=13", "97116=10", "97035=8",
             "97150=30", NULL);
  g_assert_cmpint (status, ==, 0);
  assert_contains (out, "Timed minutes: 49   Timed units: 3   Total units: 4\n");
  assert_contains (out, "97035          8      0\n");
  assert_contains (out, "97150         30      1  (untimed)\n");
  assert_contains (out, "97035: 8 minutes documented, not billed");
  assert_contains (out, "97150 is untimed: one unit for the session");
}

/* CMS example 2: equal leftovers are a tie, shown and settled by entry order. */
static void
test_allocate_text_tie (void)
{
  g_autofree char *out = NULL;
  int status;

  out = cli (&status, NULL, NULL, "allocate", "97112=20", "97110=20", NULL);
  g_assert_cmpint (status, ==, 0);
  assert_contains (out, "97112         20      2  (tie)\n");
  assert_contains (out, "97110         20      1  (tie)\n");
  assert_contains (out, "Tie: 97112, 97110 share 1 unit; any choice among them is correct");
  assert_contains (out, "the code entered first goes first");
}

static void
test_allocate_json (void)
{
  g_autofree char *out = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *o;
  JsonArray *steps;
  int status;

  out = cli (&status, NULL, NULL, "allocate", "--json", "97110=33", "97140=7", NULL);
  g_assert_cmpint (status, ==, 0);
  g_assert_true (g_str_has_suffix (out, "}\n"));
  g_assert_true (strchr (out, '\n') == out + strlen (out) - 1); /* one line */

  root = parse (out);
  o = json_node_get_object (root);
  g_assert_cmpstr (json_object_get_string_member (o, "method"), ==, "cms");
  g_assert_cmpint (json_object_get_int_member (o, "total_timed_minutes"), ==, 40);
  g_assert_cmpint (json_object_get_int_member (o, "total_timed_units"), ==, 3);
  g_assert_cmpint (json_object_get_int_member (o, "total_units"), ==, 3);
  /* CMS example 3: two whole units of 97110, and 97140's 7 beat its 3 */
  assert_units (o, "97110", 2);
  assert_units (o, "97140", 1);
  g_assert_cmpuint (json_object_get_size (json_object_get_object_member (o, "units")), ==, 2);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "ties")), ==, 0);

  steps = json_object_get_array_member (o, "steps");
  g_assert_cmpuint (json_array_get_length (steps), ==, 4); /* the total and three units */
  assert_contains (json_array_get_string_element (steps, 3), "97140: its 7 leftover minutes beat 97110’s 3");
}

static void
test_allocate_method_ama (void)
{
  g_autofree char *out = NULL;
  g_autofree char *cms_out = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) cms_root = NULL;
  JsonObject *o;
  int status;

  /* 8 + 8 minutes: per code, a unit each; pooled, 16 minutes give one */
  out = cli (&status, NULL, NULL, "allocate", "--method", "ama", "--json", "97112=8", "97110=8", NULL);
  g_assert_cmpint (status, ==, 0);
  root = parse (out);
  o = json_node_get_object (root);
  g_assert_cmpstr (json_object_get_string_member (o, "method"), ==, "ama");
  assert_units (o, "97112", 1);
  assert_units (o, "97110", 1);
  g_assert_cmpint (json_object_get_int_member (o, "total_units"), ==, 2);

  cms_out = cli (&status, NULL, NULL, "allocate", "-m", "cms", "--json", "97112=8", "97110=8", NULL);
  g_assert_cmpint (status, ==, 0);
  cms_root = parse (cms_out);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (cms_root), "total_units"), ==, 1);
}

static void
test_allocate_untimed (void)
{
  g_autofree char *out = NULL;
  g_autofree char *out2 = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) root2 = NULL;
  JsonObject *o;
  int status;

  /* 97530 marked untimed: one unit, its 30 minutes out of the total */
  out = cli (&status, NULL, NULL, "allocate", "--json", "97530=30", "97110=10", "--untimed", "97530", NULL);
  g_assert_cmpint (status, ==, 0);
  root = parse (out);
  o = json_node_get_object (root);
  g_assert_cmpint (json_object_get_int_member (o, "total_timed_minutes"), ==, 10);
  assert_units (o, "97530", 1);
  assert_units (o, "97110", 1);
  g_assert_cmpint (json_object_get_int_member (o, "total_units"), ==, 2);

  /* an untimed code given only by name */
  out2 = cli (&status, NULL, NULL, "allocate", "--json", "97110=10", "-u", "97150", NULL);
  g_assert_cmpint (status, ==, 0);
  root2 = parse (out2);
  assert_units (json_node_get_object (root2), "97150", 1);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (root2), "total_units"), ==, 2);
}

static void
test_allocate_tie_preference (void)
{
  g_autofree char *out = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *o, *tie;
  JsonArray *codes;
  int status;

  out = cli (&status, NULL, NULL, "allocate", "--json", "--tie-preference", "97110",
             "97112=20", "97110=20", NULL);
  g_assert_cmpint (status, ==, 0);
  root = parse (out);
  o = json_node_get_object (root);
  assert_units (o, "97112", 1);
  assert_units (o, "97110", 2);

  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "ties")), ==, 1);
  tie = json_array_get_object_element (json_object_get_array_member (o, "ties"), 0);
  codes = json_object_get_array_member (tie, "codes");
  g_assert_cmpuint (json_array_get_length (codes), ==, 2);
  g_assert_cmpstr (json_array_get_string_element (codes, 0), ==, "97110");
  g_assert_cmpstr (json_array_get_string_element (codes, 1), ==, "97112");
  g_assert_cmpint (json_object_get_int_member (tie, "units"), ==, 1);
}

/* Blank lines are skipped; every other line gives exactly one line out, with
 * its id; a bad line gives an error object and the run goes on. */
static const char jsonl_input[] =
  "{\"id\": \"v1\", \"method\": \"cms\", \"blocks\": [{\"code\": \"97112\", \"minutes\": 24}, {\"code\": \"97110\", \"minutes\": 23}]}\n"
  "\n"
  "{\"id\": 7, \"method\": \"ama\", \"blocks\": [{\"code\": \"97112\", \"minutes\": 8}, {\"code\": \"97110\", \"minutes\": 8}]}\n"
  "   \t \r\n"
  "{\"id\": \"bad-minutes\", \"blocks\": [{\"code\": \"97112\", \"minutes\": 2000}]}\n"
  "this is not JSON\n"
  "{\"blocks\": [{\"code\": \"97150\", \"minutes\": 40}, {\"code\": \"97110\", \"minutes\": 10}]}\n"
  "{\"id\": [\"a list\"], \"blocks\": []}\n"
  "{\"id\": \"tie\", \"tie_preference\": [\"97110\"], \"blocks\": [{\"code\": \"97112\", \"minutes\": 20}, {\"code\": \"97110\", \"minutes\": 20}]}";

static void
check_jsonl_output (const char *out)
{
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);
  g_autoptr(GPtrArray) nodes = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  JsonObject *o;

  g_assert_cmpuint (g_strv_length (lines), ==, 8);
  g_assert_cmpstr (lines[7], ==, "");
  for (guint i = 0; i < 7; i++)
    {
      g_assert_true (g_str_has_prefix (lines[i], "{\"id\": "));
      g_ptr_array_add (nodes, parse (lines[i]));
    }

  o = json_node_get_object (nodes->pdata[0]);
  g_assert_cmpstr (json_object_get_string_member (o, "id"), ==, "v1");
  assert_units (o, "97112", 2);
  assert_units (o, "97110", 1);
  g_assert_cmpint (json_object_get_int_member (o, "total_units"), ==, 3);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "steps")), ==, 4);
  g_assert_false (json_object_has_member (o, "error"));

  o = json_node_get_object (nodes->pdata[1]);
  g_assert_cmpint (json_object_get_int_member (o, "id"), ==, 7);
  g_assert_cmpstr (json_object_get_string_member (o, "method"), ==, "ama");
  g_assert_cmpint (json_object_get_int_member (o, "total_units"), ==, 2);

  /* line numbers count the blank lines too: this is line 5 of the input */
  o = json_node_get_object (nodes->pdata[2]);
  g_assert_cmpstr (json_object_get_string_member (o, "id"), ==, "bad-minutes");
  g_assert_cmpstr (json_object_get_string_member (o, "error"), ==,
                   "line 5: blocks[0].minutes: expected a whole number from 0 to 1440");
  g_assert_false (json_object_has_member (o, "units"));

  o = json_node_get_object (nodes->pdata[3]);
  g_assert_true (json_object_get_null_member (o, "id"));
  assert_contains (json_object_get_string_member (o, "error"), "line 6 is not valid JSON here: it must start with an object or a list");

  o = json_node_get_object (nodes->pdata[4]);
  g_assert_true (json_object_get_null_member (o, "id"));
  g_assert_cmpint (json_object_get_int_member (o, "total_timed_minutes"), ==, 10);
  assert_units (o, "97150", 1);
  assert_units (o, "97110", 1);

  /* an id that is not a label is not echoed; no blocks is an error */
  o = json_node_get_object (nodes->pdata[5]);
  g_assert_true (json_object_get_null_member (o, "id"));
  assert_contains (json_object_get_string_member (o, "error"), "line 8: ");
  assert_contains (json_object_get_string_member (o, "error"), "no intervention block");

  o = json_node_get_object (nodes->pdata[6]);
  g_assert_cmpstr (json_object_get_string_member (o, "id"), ==, "tie");
  assert_units (o, "97110", 2);
  assert_units (o, "97112", 1);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "ties")), ==, 1);
}

static void
test_allocate_jsonl_stdin (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;

  out = cli (&status, &err, jsonl_input, "allocate", "--jsonl", "-", NULL);
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpstr (err, ==, "");
  check_jsonl_output (out);
}

/* visit-format.md: "modifiers" comes when any block names its provider, even
 * when every block is the therapist's (then no unit carries CQ), and not
 * when no block names one. Both readers of a line agree. */
static void
test_allocate_jsonl_modifiers_member (void)
{
  const char *input =
    "{\"id\": 1, \"blocks\": [{\"code\": \"97110\", \"minutes\": 23, \"provider\": \"therapist\"}]}\n"
    "{\"id\": 2, \"blocks\": [{\"code\": \"97110\", \"minutes\": 23}]}\n";
  const char *readers[] = { NULL, "--full-reader" };

  for (guint r = 0; r < G_N_ELEMENTS (readers); r++)
    {
      g_autofree char *out = NULL;
      g_auto(GStrv) lines = NULL;
      int status;

      out = cli (&status, NULL, input, "allocate", "--jsonl", "-", readers[r], NULL);
      g_assert_cmpint (status, ==, 0);
      lines = g_strsplit (out, "\n", -1);
      g_assert_nonnull (strstr (lines[0], "\"modifiers\": {\"97110\": {\"units\": 2, \"units_with_modifier\": 0"));
      g_assert_null (strstr (lines[1], "\"modifiers\""));
    }
}

static void
test_allocate_jsonl_file (void)
{
  g_autofree char *path = write_temp (jsonl_input, -1);
  g_autofree char *out = NULL;
  g_autofree char *from_stdin = NULL;
  g_autofree char *err = NULL;
  int status;

  out = cli (&status, NULL, NULL, "allocate", "--jsonl", path, NULL);
  g_assert_cmpint (status, ==, 0);
  check_jsonl_output (out);

  from_stdin = cli (&status, NULL, jsonl_input, "allocate", "--jsonl", "-", NULL);
  g_assert_cmpstr (out, ==, from_stdin);

  /* --method sets the default for lines that give none */
  g_clear_pointer (&out, g_free);
  out = cli (&status, NULL, "{\"id\": 1, \"blocks\": [{\"code\": \"97112\", \"minutes\": 8}, {\"code\": \"97110\", \"minutes\": 8}]}\n",
             "allocate", "--method", "ama", "--jsonl", "-", NULL);
  assert_contains (out, "\"method\": \"ama\"");
  assert_contains (out, "\"total_units\": 2,");

  g_unlink (path);
  g_clear_pointer (&out, g_free);
  out = cli (&status, &err, NULL, "allocate", "--jsonl", path, NULL);
  g_assert_cmpint (status, ==, 2);
  g_assert_cmpstr (out, ==, "");
  assert_contains (err, path);
}

/* A line over the limit is reported, not read, and the next one still is. */
static void
test_allocate_jsonl_long_line (void)
{
  GString *input = g_string_new ("{\"id\": \"long\", \"note\": \"");
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;
  int status;

  while (input->len < 1100 * 1024)
    g_string_append (input, "padding padding padding padding ");
  g_string_append (input, "\", \"blocks\": [{\"code\": \"97112\", \"minutes\": 8}]}\n");
  g_string_append (input, "{\"id\": \"after\", \"blocks\": [{\"code\": \"97112\", \"minutes\": 8}]}\n");

  out = cli (&status, NULL, input->str, "allocate", "--jsonl", "-", NULL);
  g_string_free (input, TRUE);
  g_assert_cmpint (status, ==, 0);

  lines = g_strsplit (out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  assert_contains (lines[0], "\"error\": \"line 1: longer than");
  assert_contains (lines[1], "{\"id\": \"after\", \"method\": \"cms\"");
}

typedef struct {
  const char *name;
  const char *args[8];
  const char *message; /* what stderr must name */
} BadArgs;

static const BadArgs bad_args[] = {
  { "no-command", { NULL }, "Usage: pt97112-cli COMMAND" },
  { "unknown-command", { "frobnicate", NULL }, "unknown command “frobnicate”" },
  { "no-arguments", { "allocate", NULL }, "CODE=MINUTES" },
  { "unknown-option", { "allocate", "--frobnicate", "97112=10", NULL }, "--frobnicate" },
  { "bad-code", { "allocate", "9711=10", NULL }, "“9711” is not a code" },
  { "lowercase-code", { "allocate", "g0283=10", NULL }, "“g0283” is not a code" },
  { "no-equals", { "allocate", "97112", NULL }, "expected CODE=MINUTES" },
  { "minutes-over", { "allocate", "97112=1441", NULL }, "minutes must be a whole number from 0 to 1440" },
  { "minutes-negative", { "allocate", "97112=-1", NULL }, "minutes must be a whole number from 0 to 1440" },
  { "minutes-text", { "allocate", "97112=ten", NULL }, "minutes must be a whole number" },
  { "minutes-empty", { "allocate", "97112=", NULL }, "minutes must be a whole number" },
  { "minutes-huge", { "allocate", "97112=99999999999999999999", NULL }, "minutes must be a whole number" },
  { "total-over", { "allocate", "97112=1000", "97110=1000", NULL }, "more than 1440 minutes" },
  { "bad-method", { "allocate", "--method", "medicaid", "97112=10", NULL }, "“medicaid”" },
  { "bad-untimed", { "allocate", "97112=10", "--untimed", "nope", NULL }, "--untimed: “nope” is not a code" },
  { "bad-preference", { "allocate", "97112=10", "--tie-preference", "x", NULL }, "--tie-preference: “x” is not a code" },
  { "jsonl-with-codes", { "allocate", "--jsonl", "-", "97112=10", NULL }, "--jsonl reads the visits from its file" },
  { "conformance-no-file", { "conformance", NULL }, "give exactly one vector file" },
};

static void
test_bad_arguments (gconstpointer data)
{
  const BadArgs *bad = data;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;

  out = pt_test_run_cli (bad->args, NULL, &err, &status);
  g_assert_cmpint (status, ==, 2);
  g_assert_cmpstr (out, ==, "");
  assert_contains (err, bad->message);
}

/* The tool's help and each command's help, as the tool lists them. */
static void
test_help (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) lines = NULL;
  gboolean in_commands = FALSE;
  guint n_commands = 0;
  int status;

  out = cli (&status, &err, NULL, "--help", NULL);
  g_assert_cmpint (status, ==, 0);
  assert_contains (out, "Usage: pt97112-cli COMMAND");

  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      g_auto(GStrv) words = NULL;
      const char *args[3] = { NULL, "--help", NULL };
      g_autofree char *cmd_out = NULL;
      g_autofree char *cmd_err = NULL;

      if (strcmp (lines[i], "Commands:") == 0)
        {
          in_commands = TRUE;
          continue;
        }
      if (!in_commands)
        continue;
      if (!g_str_has_prefix (lines[i], "  "))
        break;

      words = g_strsplit (g_strstrip (lines[i]), " ", 2);
      args[0] = words[0];
      cmd_out = pt_test_run_cli (args, NULL, &cmd_err, &status);
      g_test_message ("%s --help: %d", words[0], status);
      g_assert_cmpint (status, ==, 0);
      assert_contains (cmd_out, "Usage:");
      assert_contains (cmd_out, words[0]);
      n_commands++;
    }

  /* allocate and conformance at least */
  g_assert_cmpuint (n_commands, >=, 2);

  g_clear_pointer (&out, g_free);
  out = cli (&status, NULL, NULL, "allocate", "--help", NULL);
  g_assert_cmpint (status, ==, 0);
  assert_contains (out, "--jsonl");
  assert_contains (out, "--tie-preference");
  /* the testing switch stays out of the help */
  g_assert_null (strstr (out, "full-reader"));
}

static void
test_conformance_vectors (void)
{
  g_autofree char *path = pt_test_data_path ("allocation.json");
  g_autofree char *out = NULL;
  int status;

  out = cli (&status, NULL, NULL, "conformance", path, NULL);
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpstr (out, ==, "67 passed, 0 failed\n");
}

static void
test_conformance_wrong_vector (void)
{
  const char *vectors =
    "[{\"id\": \"right-one\", \"method\": \"cms\",\n"
    "  \"blocks\": [{\"code\": \"97112\", \"minutes\": 24}, {\"code\": \"97110\", \"minutes\": 23}],\n"
    "  \"expected_total_units\": 3, \"valid_alternatives\": [{\"97112\": 2, \"97110\": 1}]},\n"
    " {\"id\": \"wrong-one\", \"method\": \"cms\",\n"
    "  \"blocks\": [{\"code\": \"97112\", \"minutes\": 24}, {\"code\": \"97110\", \"minutes\": 23}],\n"
    "  \"expected_total_units\": 3, \"valid_alternatives\": [{\"97112\": 3, \"97110\": 0}]}]\n";
  g_autofree char *path = write_temp (vectors, -1);
  g_autofree char *out = NULL;
  int status;

  out = cli (&status, NULL, NULL, "conformance", path, NULL);
  g_assert_cmpint (status, ==, 1);
  assert_contains (out, "FAIL wrong-one: ");
  g_assert_null (strstr (out, "right-one"));
  g_assert_true (g_str_has_suffix (out, "1 passed, 1 failed\n"));

  g_unlink (path);
}

static void
test_conformance_bad_file (void)
{
  g_autofree char *missing = g_build_filename (g_get_tmp_dir (), "pt-no-such-vectors.json", NULL);
  g_autofree char *malformed = write_temp ("[{\"id\": \"cut off\", \"blocks\": [", -1);
  g_autofree char *not_list = write_temp ("{\"id\": \"one\"}", -1);
  const char *paths[] = { missing, malformed, not_list };

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      int status;

      out = cli (&status, &err, NULL, "conformance", paths[i], NULL);
      g_test_message ("%s: %s", paths[i], err);
      g_assert_cmpint (status, ==, 2);
      g_assert_cmpstr (out, ==, "");
      g_assert_cmpstr (err, !=, "");
    }

  g_unlink (malformed);
  g_unlink (not_list);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/allocate/text", test_allocate_text);
  g_test_add_func ("/cli/allocate/text-not-billed", test_allocate_text_not_billed);
  g_test_add_func ("/cli/allocate/text-tie", test_allocate_text_tie);
  g_test_add_func ("/cli/allocate/json", test_allocate_json);
  g_test_add_func ("/cli/allocate/method-ama", test_allocate_method_ama);
  g_test_add_func ("/cli/allocate/untimed", test_allocate_untimed);
  g_test_add_func ("/cli/allocate/tie-preference", test_allocate_tie_preference);
  g_test_add_func ("/cli/allocate/jsonl-stdin", test_allocate_jsonl_stdin);
  g_test_add_func ("/cli/allocate/jsonl-file", test_allocate_jsonl_file);
  g_test_add_func ("/cli/allocate/jsonl-modifiers-member", test_allocate_jsonl_modifiers_member);
  g_test_add_func ("/cli/allocate/jsonl-long-line", test_allocate_jsonl_long_line);
  for (guint i = 0; i < G_N_ELEMENTS (bad_args); i++)
    {
      g_autofree char *path = g_strdup_printf ("/cli/bad-arguments/%s", bad_args[i].name);

      g_test_add_data_func (path, &bad_args[i], test_bad_arguments);
    }
  g_test_add_func ("/cli/help", test_help);
  g_test_add_func ("/cli/conformance/vectors", test_conformance_vectors);
  g_test_add_func ("/cli/conformance/wrong-vector", test_conformance_wrong_vector);
  g_test_add_func ("/cli/conformance/bad-file", test_conformance_bad_file);

  return g_test_run ();
}
