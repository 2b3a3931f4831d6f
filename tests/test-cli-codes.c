/* test-cli-codes.c: pt97112-cli codes, run as a program, against the catalogue it reads */
#include "config.h"

#include <string.h>

#include "pt-code-catalog.h"
#include "pt-test-utils.h"

typedef struct {
  char *out;
  char *err;
  int   status;
} CliRun;

static void
cli_run_clear (CliRun *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CliRun, cli_run_clear)

static void
run_codes (CliRun             *run,
           const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();

  g_ptr_array_add (argv, (gpointer) "codes");
  for (guint i = 0; args != NULL && args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  run->out = pt_test_run_cli ((const char * const *) argv->pdata, NULL, &run->err, &run->status);
  g_assert_nonnull (run->out);
}

/* The codes of the table rows: lines that start with a code and a space. */
static GPtrArray *
table_codes (const char *out)
{
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);
  GPtrArray *codes = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; lines[i] != NULL; i++)
    if (strlen (lines[i]) > 6 && lines[i][5] == ' ' && g_ascii_isalnum (lines[i][0]) &&
        g_ascii_isdigit (lines[i][1]) && g_ascii_isdigit (lines[i][4]))
      g_ptr_array_add (codes, g_strndup (lines[i], 5));

  return codes;
}

static void
assert_codes (GPtrArray          *found,
              const char * const *expected)
{
  g_assert_cmpuint (found->len, ==, g_strv_length ((char **) expected));
  for (guint i = 0; i < found->len; i++)
    g_assert_cmpstr (g_ptr_array_index (found, i), ==, expected[i]);
}

static void
test_all (void)
{
  g_auto(CliRun) run = { 0 };
  g_autoptr(GPtrArray) codes = NULL;
  GListModel *catalog = G_LIST_MODEL (pt_code_catalog_get_default ());
  g_autofree char *count = NULL;

  run_codes (&run, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");

  /* One row per catalogue code, in catalogue order, with timed or untimed. */
  codes = table_codes (run.out);
  g_assert_cmpuint (codes->len, ==, g_list_model_get_n_items (catalog));
  for (guint i = 0; i < codes->len; i++)
    {
      g_autoptr(PtCode) code = g_list_model_get_item (catalog, i);
      g_autofree char *row = g_strdup_printf ("\n%-7s %-9s %s\n", pt_code_get_code (code),
                                              pt_code_get_timed (code) ? "timed" : "untimed",
                                              pt_code_get_title (code));

      g_assert_cmpstr (g_ptr_array_index (codes, i), ==, pt_code_get_code (code));
      g_assert_nonnull (strstr (run.out, row));
    }

  count = g_strdup_printf ("%u codes.", g_list_model_get_n_items (catalog));
  g_assert_nonnull (strstr (run.out, count));
}

static void
test_prefix (void)
{
  static const char * const args[] = { "9711", NULL };
  static const char * const expected[] = { "97110", "97112", "97113", "97116", NULL };
  g_auto(CliRun) run = { 0 };
  g_autoptr(GPtrArray) codes = NULL;

  run_codes (&run, args);
  g_assert_cmpint (run.status, ==, 0);
  codes = table_codes (run.out);
  assert_codes (codes, expected);
  g_assert_null (strstr (run.out, "\n97150"));
}

/* One match shows the whole entry: the catalogue's own texts and a label for each. */
static void
test_single (gconstpointer data)
{
  const char *number = data;
  const char * const args[] = { number, NULL };
  g_auto(CliRun) run = { 0 };
  PtCode *code = pt_code_catalog_lookup (pt_code_catalog_get_default (), number);
  g_autofree char *head = NULL;
  g_autofree char *first_words = NULL;

  g_assert_nonnull (code);
  run_codes (&run, args);
  g_assert_cmpint (run.status, ==, 0);

  head = g_strdup_printf ("%s  %s\n", pt_code_get_code (code), pt_code_get_title (code));
  g_assert_true (g_str_has_prefix (run.out, head));
  g_assert_nonnull (strstr (run.out, pt_code_get_timed (code) ? "Timed:       yes" : "Timed:       no"));
  g_assert_nonnull (strstr (run.out, "Description: "));
  g_assert_nonnull (strstr (run.out, "Notes: "));
  g_assert_nonnull (strstr (run.out, "Confidence: "));
  g_assert_nonnull (strstr (run.out, "Source: "));
  g_assert_nonnull (strstr (run.out, pt_confidence_label (pt_code_get_confidence (code))));

  /* The description is wrapped, so compare its first three words only. */
  {
    g_auto(GStrv) words = g_strsplit (pt_code_get_description (code), " ", 4);

    first_words = g_strjoin (" ", words[0], words[1], words[2], NULL);
  }
  g_assert_nonnull (strstr (run.out, first_words));
}

static void
test_single_pairs (void)
{
  static const char * const args[] = { "97530", NULL };
  g_auto(CliRun) run = { 0 };

  run_codes (&run, args);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "NCCI pairs with 97530"));
  g_assert_nonnull (strstr (run.out, "with 97140: column one 97140"));
  g_assert_nonnull (strstr (run.out, "reported deleted"));
}

static void
test_words (void)
{
  static const char * const quoted[] = { "gait training", NULL };
  static const char * const split[] = { "GAIT", "Training", NULL };
  g_auto(CliRun) a = { 0 };
  g_auto(CliRun) b = { 0 };

  run_codes (&a, quoted);
  run_codes (&b, split);
  g_assert_cmpint (a.status, ==, 0);
  g_assert_cmpint (b.status, ==, 0);
  g_assert_cmpstr (a.out, ==, b.out);
  g_assert_nonnull (strstr (a.out, "97116"));
}

static void
test_no_match (void)
{
  static const char * const args[] = { "zzqx", NULL };
  g_auto(CliRun) run = { 0 };

  run_codes (&run, args);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "No code in the catalogue matches “zzqx”"));
}

static JsonArray *
parse_list (const char *out,
            JsonParser *parser)
{
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (json_parser_get_root (parser)));

  return json_node_get_array (json_parser_get_root (parser));
}

static void
test_json_all (void)
{
  static const char * const args[] = { "--json", NULL };
  static const char * const string_members[] = {
    "code", "unit_basis", "title", "description", "notes", "category", "confidence", "source"
  };
  g_auto(CliRun) run = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  GListModel *catalog = G_LIST_MODEL (pt_code_catalog_get_default ());
  JsonArray *list;

  run_codes (&run, args);
  g_assert_cmpint (run.status, ==, 0);
  list = parse_list (run.out, parser);
  g_assert_cmpuint (json_array_get_length (list), ==, g_list_model_get_n_items (catalog));

  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonObject *object = json_array_get_object_element (list, i);
      g_autoptr(PtCode) code = g_list_model_get_item (catalog, i);

      g_assert_nonnull (object);
      for (guint m = 0; m < G_N_ELEMENTS (string_members); m++)
        {
          JsonNode *node = json_object_get_member (object, string_members[m]);

          g_assert_nonnull (node);
          g_assert_cmpint (json_node_get_value_type (node), ==, G_TYPE_STRING);
        }
      g_assert_cmpint (json_node_get_value_type (json_object_get_member (object, "timed")), ==,
                       G_TYPE_BOOLEAN);

      g_assert_cmpstr (json_object_get_string_member (object, "code"), ==, pt_code_get_code (code));
      g_assert_cmpint (json_object_get_boolean_member (object, "timed"), ==, pt_code_get_timed (code));
      g_assert_cmpstr (json_object_get_string_member (object, "unit_basis"), ==,
                       pt_unit_basis_names[pt_code_get_unit_basis (code)]);
      g_assert_cmpstr (json_object_get_string_member (object, "description"), ==,
                       pt_code_get_description (code));
      g_assert_cmpstr (json_object_get_string_member (object, "confidence"), ==,
                       pt_confidence_names[pt_code_get_confidence (code)]);
    }
}

static void
test_json_query (void)
{
  static const char * const prefix[] = { "--json", "9711", NULL };
  static const char * const none[] = { "--json", "zzqx", NULL };
  static const char * const single[] = { "97112", "--json", NULL };
  g_auto(CliRun) a = { 0 };
  g_auto(CliRun) b = { 0 };
  g_auto(CliRun) c = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *list;

  run_codes (&a, prefix);
  list = parse_list (a.out, parser);
  g_assert_cmpuint (json_array_get_length (list), ==, 4);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (list, 3), "code"), ==,
                   "97116");

  run_codes (&b, none);
  g_assert_cmpint (b.status, ==, 0);
  list = parse_list (b.out, parser);
  g_assert_cmpuint (json_array_get_length (list), ==, 0);

  /* --json keeps the list form for a single match, and options may follow the query. */
  run_codes (&c, single);
  list = parse_list (c.out, parser);
  g_assert_cmpuint (json_array_get_length (list), ==, 1);
  g_assert_true (json_object_get_boolean_member (json_array_get_object_element (list, 0), "timed"));
}

static void
test_usage (void)
{
  static const char * const bogus[] = { "--bogus", NULL };
  static const char * const help[] = { "--help", NULL };
  g_auto(CliRun) bad = { 0 };
  g_auto(CliRun) good = { 0 };
  g_autofree char *top = NULL;
  g_autofree char *top_err = NULL;
  const char * const top_args[] = { "--help", NULL };
  int top_status;

  run_codes (&bad, bogus);
  g_assert_cmpint (bad.status, ==, 2);
  g_assert_cmpstr (bad.out, ==, "");
  g_assert_nonnull (strstr (bad.err, "--bogus"));

  run_codes (&good, help);
  g_assert_cmpint (good.status, ==, 0);
  g_assert_nonnull (strstr (good.out, "pt97112-cli codes"));
  g_assert_nonnull (strstr (good.out, "--json"));

  top = pt_test_run_cli (top_args, NULL, &top_err, &top_status);
  g_assert_cmpint (top_status, ==, 0);
  g_assert_nonnull (strstr (top, "  codes "));
}

int
main (int    argc,
      char **argv)
{
  static const char * const singles[] = { "97112", "97150", "G0283", "g0283", "97552" };

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/codes/all", test_all);
  g_test_add_func ("/cli/codes/prefix", test_prefix);
  for (guint i = 0; i < G_N_ELEMENTS (singles); i++)
    {
      g_autofree char *path = g_strdup_printf ("/cli/codes/single/%s", singles[i]);

      g_test_add_data_func (path, singles[i], test_single);
    }
  g_test_add_func ("/cli/codes/single-pairs", test_single_pairs);
  g_test_add_func ("/cli/codes/words", test_words);
  g_test_add_func ("/cli/codes/no-match", test_no_match);
  g_test_add_func ("/cli/codes/json-all", test_json_all);
  g_test_add_func ("/cli/codes/json-query", test_json_query);
  g_test_add_func ("/cli/codes/usage", test_usage);

  return g_test_run ();
}
