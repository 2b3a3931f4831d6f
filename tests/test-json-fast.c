/* test-json-fast.c: the fast JSON parser against json-glib, and the library read through it
 *
 * The oracle is json-glib with the project's checks (pt_json_load()), which
 * is what pt_json_parse() falls back to. Whenever the fast parser takes a
 * text, the oracle must take it too and give a tree that prints the same;
 * pt_json_parse() must always give the oracle's tree or the oracle's message.
 * The scenario library read one scenario at a time, visits kept as text, must
 * give the same scenarios and the same messages as the library read as one
 * tree, which a second "scenarios" member forces.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "pt-format-error.h"
#include "pt-json-fast.h"
#include "pt-json-read.h"
#include "pt-scenario-io.h"
#include "pt-scenario-library.h"
#include "pt-scenario-private.h"
#include "pt-test-utils.h"
#include "pt-visit-io.h"

#define WHAT "The test text"

/* ---------------------------------------------------------------- helpers */

static JsonNode *
oracle_parse (const char  *data,
              gsize        length,
              GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();

  if (!pt_json_load (parser, data, length, WHAT, error))
    return NULL;

  if (json_parser_get_root (parser) == NULL)
    {
      g_set_error_literal (error, PT_FORMAT_ERROR, PT_FORMAT_ERROR_PARSE, WHAT " is empty");
      return NULL;
    }

  return json_parser_steal_root (parser);
}

static void
assert_same_tree (JsonNode *a,
                  JsonNode *b)
{
  g_autofree char *sa = json_to_string (a, FALSE);
  g_autofree char *sb = json_to_string (b, FALSE);

  g_assert_cmpstr (sa, ==, sb);
}

/* Every node is sealed and is the parent of its members and elements. */
static void
assert_tree_shape (JsonNode *node)
{
  g_assert_true (json_node_is_immutable (node));

  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObjectIter iter;
      JsonNode *member;

      json_object_iter_init (&iter, json_node_get_object (node));
      while (json_object_iter_next (&iter, NULL, &member))
        {
          g_assert_true (json_node_get_parent (member) == node);
          assert_tree_shape (member);
        }
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          g_assert_true (json_node_get_parent (json_array_get_element (array, i)) == node);
          assert_tree_shape (json_array_get_element (array, i));
        }
    }
}

/* The fast parser never takes what the oracle refuses and, when it takes a
 * text, gives the oracle's tree; pt_json_parse() always agrees with the
 * oracle. Returns whether the fast parser took @data. */
static gboolean
check_agrees (const char *data,
              gsize       length)
{
  g_autoptr(GError) fast_error = NULL;
  g_autoptr(GError) oracle_error = NULL;
  g_autoptr(GError) parse_error = NULL;
  g_autoptr(JsonNode) fast = pt_json_fast_parse (data, length, &fast_error);
  g_autoptr(JsonNode) oracle = oracle_parse (data, length, &oracle_error);
  g_autoptr(JsonNode) parsed = pt_json_parse (data, (gssize) length, WHAT, &parse_error);

  if (fast != NULL)
    {
      g_assert_no_error (fast_error);
      if (oracle == NULL)
        g_error ("the fast parser took “%.*s”, json-glib says: %s",
                 (int) MIN (length, 200), data, oracle_error->message);
      assert_same_tree (fast, oracle);
      assert_tree_shape (fast);
    }
  else
    g_assert_error (fast_error, PT_FORMAT_ERROR, PT_FORMAT_ERROR_PARSE);

  if (oracle != NULL)
    {
      g_assert_no_error (parse_error);
      assert_same_tree (parsed, oracle);
    }
  else
    {
      g_assert_null (parsed);
      g_assert_error (parse_error, oracle_error->domain, oracle_error->code);
      g_assert_cmpstr (parse_error->message, ==, oracle_error->message);
    }

  return fast != NULL;
}

static char *
nested (guint       depth,
        const char *inner)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < depth; i++)
    g_string_append (s, i % 2 ? "{\"k\":" : "[");
  g_string_append (s, inner);
  for (guint i = depth; i > 0; i--)
    g_string_append (s, (i - 1) % 2 ? "}" : "]");

  return g_string_free (s, FALSE);
}

/* ---------------------------------------------------------------- valid documents */

static const char * const valid_documents[] = {
  "{}",
  "[]",
  " \t\r\n[ ] \n",
  "[true, false, null]",
  "{\"a\": {\"b\": [1, [2, [3, {\"c\": []}]]], \"d\": {}}, \"e\": \"f\"}",
  "{\"title\": \"x\", \"blocks\": [{\"code\": \"97112\", \"minutes\": 38, \"one_on_one\": true}]}",
  /* member order, a repeated name, an empty name, a name with escapes */
  "{\"z\": 1, \"a\": 2, \"m\": 3}",
  "{\"a\": 1, \"b\": 2, \"a\": 3}",
  "{\"a\": [1], \"a\": {\"x\": null}, \"a\": \"last\"}",
  "{\"\": 1}",
  "{\"\\u0041\\n\": \"v\", \"A\\n\": \"w\"}",
  /* every escape */
  "[\"\\\"\\\\\\/\\b\\f\\n\\r\\t\"]",
  "[\"a\\u0001b\\u001f\\u007f\"]",
  "[\"\\u00e9\\u00E9\\u20ac\\uFFFF\\uFFFE\"]",
  "[\"\\ud83d\\ude00 \\uD834\\uDD1E \\udbff\\udfff \\ud800\\udc00\"]",
  "[\"caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80 \xef\xbf\xbf \xf4\x8f\xbf\xbf\"]",
  "[\"\x7f\", \"\"]",
  "[\"mixed \\t \xc3\xa9\\u00e9 end\"]",
  /* numbers at the edges */
  "[0, -0, 1, -1, 9, 10, 99]",
  "[123456789012345678, -123456789012345678, 999999999999999999, -999999999999999999]",
  "[1234567890123456789, -1234567890123456789, 9223372036854775807, -9223372036854775808]",
  "[18446744073709551615, -18446744073709551615, 123456789012345678901234567890]",
  "[0.0, -0.0, 0.5, -0.5, 1.0, 1.25, 0.1, 0.2, 0.30000000000000004]",
  "[1e5, 1E5, 1e+5, 1E+5, 1e-5, 1.5e-3, -1.5E3, 0e0, -0e0, 0E-0]",
  "[1.7976931348623157e308, -1.7976931348623157e308, 2.2250738585072014e-308, 2.2250738585072011e-308]",
  "[5e-324, 4.9406564584124654e-324, 1e-400, -1e-400]",
  "[9007199254740993.0, 12345678901234567.5, 3.14159265358979323846264338327950288]",
  "[0.1000000000000000055511151231257827021181583404541015625, 123456789.123456789e-3]",
  "[1e22, 1e23, 8.98846567431158e307, 4.35, 1.1, 100.0]",
  "{\"minutes\": 1440, \"units\": -96, \"ratio\": 0.75}",
};

static void
test_valid (gconstpointer data)
{
  const char *doc = data;

  if (!check_agrees (doc, strlen (doc)))
    g_error ("the fast parser refused “%s”", doc);
}

/* The values themselves, checked by hand rather than against json-glib. */
static void
test_values (void)
{
  const char *doc = "{\"i\": -123456789012345678, \"big\": 12345678901234567890, \"d\": -0.0, "
                    "\"s\": \"\\ud83d\\ude00\\u00e9/\\\"\", \"a\": 1, \"b\": 2, \"a\": 3, \"t\": true, \"n\": null}";
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = pt_json_fast_parse (doc, strlen (doc), &error);
  g_autoptr(GList) names = NULL;
  JsonObject *object;
  JsonNode *node;

  g_assert_no_error (error);
  object = json_node_get_object (root);

  node = json_object_get_member (object, "i");
  g_assert_cmpint (json_node_get_value_type (node), ==, G_TYPE_INT64);
  g_assert_cmpint (json_node_get_int (node), ==, G_GINT64_CONSTANT (-123456789012345678));

  /* longer than 18 digits: a decimal, as pt_json_parse() reads it */
  node = json_object_get_member (object, "big");
  g_assert_cmpint (json_node_get_value_type (node), ==, G_TYPE_DOUBLE);
  g_assert_cmpfloat (json_node_get_double (node), ==, 12345678901234567890.0);

  node = json_object_get_member (object, "d");
  g_assert_cmpint (json_node_get_value_type (node), ==, G_TYPE_DOUBLE);
  g_assert_true (signbit (json_node_get_double (node)));

  g_assert_cmpstr (json_object_get_string_member (object, "s"), ==, "\xf0\x9f\x98\x80\xc3\xa9/\"");
  g_assert_true (json_object_get_boolean_member (object, "t"));
  g_assert_true (json_object_get_null_member (object, "n"));

  /* a repeated name keeps its first place and takes its last value */
  g_assert_cmpint (json_object_get_int_member (object, "a"), ==, 3);
  names = json_object_get_members (object);
  g_assert_cmpstr (g_list_nth_data (names, 4), ==, "a");
  g_assert_cmpstr (g_list_nth_data (names, 5), ==, "b");
  g_assert_cmpuint (g_list_length (names), ==, 8);
}

/* ---------------------------------------------------------------- refused documents */

typedef struct {
  const char *name;
  const char *data;
  gssize      length; /* -1: up to the NUL */
} Refused;

static const Refused refused_documents[] = {
  /* not JSON at all, or not an object or a list at the top */
  { "empty", "", -1 },
  { "blank", " \n\t ", -1 },
  { "bare-number", "5", -1 },
  { "bare-string", "\"s\"", -1 },
  { "bare-true", "true", -1 },
  { "bom", "\xef\xbb\xbf[1]", -1 },
  { "trailing", "[1] x", -1 },
  { "two-values", "[1] [2]", -1 },
  { "unclosed", "[1, 2", -1 },
  { "unclosed-string", "[\"abc", -1 },
  { "backslash-at-end", "[\"abc\\", -1 },
  { "form-feed", "[1]\f", -1 },
  { "comment", "// c\n[1]", -1 },
  { "block-comment", "[/* c */ 1]", -1 },
  /* what json-glib takes and JSON does not */
  { "leading-zero", "[01]", -1 },
  { "bare-point", "[1.]", -1 },
  { "point-first", "[.5]", -1 },
  { "plus", "[+1]", -1 },
  { "hex", "[0x10]", -1 },
  { "bare-exponent", "[1e]", -1 },
  { "signed-exponent", "[1e+]", -1 },
  { "minus-alone", "[-]", -1 },
  { "minus-space", "[- 1]", -1 },
  { "single-quotes", "['a']", -1 },
  { "trailing-comma", "[1,]", -1 },
  { "trailing-comma-object", "{\"a\": 1,}", -1 },
  { "missing-comma", "[1 2]", -1 },
  { "missing-colon", "{\"a\" 1}", -1 },
  { "number-key", "{1: 2}", -1 },
  { "bare-key", "{a: 2}", -1 },
  { "raw-tab", "[\"a\tb\"]", -1 },
  { "raw-newline", "[\"a\nb\"]", -1 },
  { "nan", "[NaN]", -1 },
  { "infinity", "[Infinity]", -1 },
  { "huge", "[1e400]", -1 },
  { "short-word", "[tru]", -1 },
  { "capital-word", "[True]", -1 },
  { "word-glued", "[1true]", -1 },
  /* escapes */
  { "octal", "[\"\\311\"]", -1 },
  { "x-escape", "[\"\\x41\"]", -1 },
  { "capital-u", "[\"\\U0041\"]", -1 },
  { "short-u", "[\"\\u12\"]", -1 },
  { "short-u-at-end", "[\"\\u12", -1 },
  { "bad-hex", "[\"\\u12g4\"]", -1 },
  { "nul-escape", "[\"a\\u0000b\"]", -1 },
  { "lone-high", "[\"\\ud800\"]", -1 },
  { "lone-high-then-text", "[\"\\ud800x\"]", -1 },
  { "high-then-high", "[\"\\ud800\\ud800\"]", -1 },
  { "lone-low", "[\"\\udc00\"]", -1 },
  { "low-then-high", "[\"\\udc00\\ud800\"]", -1 },
  /* bytes */
  { "nul-byte", "[1,\0 2]", 6 },
  { "nul-in-string", "[\"a\0b\"]", 7 },
  { "high-byte-outside", "[\x80]", -1 },
  { "cut-utf8", "[\"\xc3\"]", -1 },
  { "overlong-utf8", "[\"\xc0\xaf\"]", -1 },
  { "utf8-surrogate", "[\"\xed\xa0\x80\"]", -1 },
  { "utf8-too-high", "[\"\xf4\x90\x80\x80\"]", -1 },
  { "latin1", "[\"caf\xe9\"]", -1 },
};

static void
test_refused (gconstpointer data)
{
  const Refused *refused = data;
  gsize length = refused->length < 0 ? strlen (refused->data) : (gsize) refused->length;

  if (check_agrees (refused->data, length))
    g_error ("%s: the fast parser took it", refused->name);
}

/* Nesting: as deep as pt_json_parse() takes, and one level more. */
static void
test_depth (void)
{
  g_autofree char *deepest = nested (PT_JSON_FAST_MAX_DEPTH, "1");
  g_autofree char *too_deep = nested (PT_JSON_FAST_MAX_DEPTH + 1, "1");
  g_autofree char *way_too_deep = nested (100000, "1");

  g_assert_true (check_agrees (deepest, strlen (deepest)));
  g_assert_false (check_agrees (too_deep, strlen (too_deep)));
  g_assert_null (pt_json_fast_parse (way_too_deep, strlen (way_too_deep), NULL));
}

/* The parser reads plain text and runs of spaces eight bytes at a time:
 * every kind of byte at every place of a word, and runs of every length. */
static void
test_word_boundaries (void)
{
  static const char * const specials[] = {
    "\\n", "\\\"", "\\u00e9", "\xc3\xa9", "\xf0\x9f\x98\x80", "\"", "\t", "\x01", "\x7f", "\xff", "\\",
  };

  for (guint k = 0; k < 20; k++)
    {
      g_autofree char *before = g_strnfill (k, 'a');
      g_autofree char *after = g_strnfill (19 - k, 'b');
      g_autofree char *spaces = g_strnfill (k, ' ');
      g_autofree char *run = NULL;
      g_autoptr(GString) mixed = g_string_new ("[");

      for (guint i = 0; i < G_N_ELEMENTS (specials); i++)
        {
          g_autofree char *doc = g_strdup_printf ("[\"%s%s%s\", \"%s%s\"]", before, specials[i], after,
                                                  before, specials[i]);

          check_agrees (doc, strlen (doc));
        }

      run = g_strdup_printf ("%s{%s\"a\"%s:%s[%s1%s,%s2%s]%s}%s", spaces, spaces, spaces, spaces,
                             spaces, spaces, spaces, spaces, spaces, spaces);
      g_assert_true (check_agrees (run, strlen (run)));

      for (guint i = 0; i < k; i++)
        g_string_append_c (mixed, " \n\t\r  "[i % 6]);
      g_string_append (mixed, "1]");
      g_assert_true (check_agrees (mixed->str, mixed->len));
      /* a space run cut by the end of the text */
      g_assert_false (check_agrees (mixed->str, mixed->len - 2));
    }
}

/* The text need not end with a NUL: only @length bytes are read. */
static void
test_length (void)
{
  const char *doc = "[1, 2][garbage";
  g_autoptr(JsonNode) root = pt_json_fast_parse (doc, 6, NULL);

  g_assert_nonnull (root);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (root)), ==, 2);
  g_assert_null (pt_json_fast_parse (doc, 5, NULL));
  g_assert_null (pt_json_fast_parse (doc, 0, NULL));
}

/* ---------------------------------------------------------------- files */

static void
collect_files (const char *dir,
               GPtrArray  *paths)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  g_assert_nonnull (handle);
  while ((name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        collect_files (path, paths);
      else
        g_ptr_array_add (paths, g_steal_pointer (&path));
    }
}

/* Every file under tests/data, good and bad, and the built-in library: the
 * same verdict as json-glib with the project's checks, and the same tree.
 * None of them is JSON that json-glib takes and strict JSON does not. */
static void
test_files (void)
{
  g_autofree char *root = pt_test_data_path ("");
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *builtin = g_test_build_filename (G_TEST_DIST, "..", "data", "scenarios",
                                                    "builtin.json", NULL);
  guint taken = 0;

  collect_files (root, paths);
  g_ptr_array_add (paths, g_strdup (builtin));
  g_assert_cmpuint (paths->len, >, 100);

  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      g_autofree char *data = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) oracle = NULL;
      gboolean took;
      gsize length;

      g_file_get_contents (path, &data, &length, &error);
      g_assert_no_error (error);

      took = check_agrees (data, length);
      oracle = oracle_parse (data, length, NULL);
      if (took != (oracle != NULL))
        g_error ("%s: json-glib %s it, the fast parser %s", path,
                 oracle != NULL ? "reads" : "refuses", took ? "reads it" : "does not");
      taken += took;
    }

  g_test_message ("%u files, %u of them JSON both parsers read", paths->len, taken);
  g_assert_cmpuint (taken, >, 50);
  g_assert_cmpuint (taken, <, paths->len);
}

/* ---------------------------------------------------------------- mutations */

static const char * const snippets[] = {
  "\\u0000", "\\ud800", "\\udc00", "\\ud83d\\ude00", "\\u00e9", "\\", "\"", "'", "1e400", "-0.0",
  "12345678901234567890", "0x10", "01", "[", "]", "{", "}", "{}", "[]", ",", ":", "null", "true",
  "/*", "\xf0\x9f\x98\x80", "\xed\xa0\x80", "\xc3", "\t", "\f", " ", "-", ".5", "e", "1.", "\"\":",
};

static const char mutation_bytes[] = "\"\\{}[],:09-.eEu \t\nntf\x80\xc3\xff'";

/* One to three random changes: a byte replaced, bytes cut, a snippet put in,
 * or a run repeated. */
static char *
mutate (GRand      *rand,
        const char *data,
        gsize       length,
        gsize      *out_length)
{
  GString *s = g_string_new_len (data, (gssize) length);
  guint n = (guint) g_rand_int_range (rand, 1, 4);

  for (guint k = 0; k < n; k++)
    {
      gsize at = s->len > 0 ? (gsize) g_rand_int_range (rand, 0, (gint32) s->len) : 0;
      gsize run = (gsize) g_rand_int_range (rand, 1, 40);

      switch (g_rand_int_range (rand, 0, 4))
        {
        case 0:
          if (s->len > 0)
            s->str[at] = g_rand_boolean (rand)
                         ? mutation_bytes[g_rand_int_range (rand, 0, sizeof mutation_bytes)]
                         : (char) g_rand_int_range (rand, 0, 256);
          break;
        case 1:
          run = MIN (run % 8, s->len - at);
          g_string_erase (s, (gssize) at, (gssize) run);
          break;
        case 2:
          g_string_insert (s, (gssize) at, snippets[g_rand_int_range (rand, 0, G_N_ELEMENTS (snippets))]);
          break;
        default:
          run = MIN (run, s->len - at);
          g_string_insert_len (s, (gssize) at, s->str + at, (gssize) run);
          break;
        }
    }

  *out_length = s->len;
  return g_string_free (s, FALSE);
}

/* Random changes to a few fixtures never crash either parser, and the two
 * agree whenever the fast one takes the text. */
static void
test_mutations (void)
{
  static const struct { const char *path; guint rounds; } fixtures[] = {
    { "checks/scenario-a.ptvisit.json", 1500 },
    { "checks/group-97112.ptvisit.json", 500 },
    { "assistant.json", 150 },
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (g_test_rand_int ());
  guint taken = 0, total = 0;

  for (guint f = 0; f < G_N_ELEMENTS (fixtures); f++)
    {
      g_autofree char *path = pt_test_data_path (fixtures[f].path);
      g_autofree char *data = NULL;
      gsize length;

      g_assert_true (g_file_get_contents (path, &data, &length, NULL));
      for (guint r = 0; r < fixtures[f].rounds; r++)
        {
          gsize mutated_length;
          g_autofree char *mutated = mutate (rand, data, length, &mutated_length);

          taken += check_agrees (mutated, mutated_length);
          total++;
        }
    }

  g_test_message ("%u of %u mutated texts taken by the fast parser", taken, total);
  /* some changes leave valid JSON (a digit for a digit, a space cut) */
  g_assert_cmpuint (taken, >, 0);
  g_assert_cmpuint (taken, <, total);
}

/* ---------------------------------------------------------------- streaming */

typedef struct {
  GPtrArray *texts; /* each element's text, as the lite index spans it */
  GArray    *types; /* PtJsonLiteType of each */
  guint      stop_after;
} Seen;

static gboolean
collect_element (guint             index,
                 const PtJsonLite *element,
                 gpointer          user_data)
{
  Seen *seen = user_data;
  const PtJsonLiteValue *v = &element->values[0];

  g_assert_cmpuint (index, ==, seen->texts->len);
  g_assert_cmpuint (v->next, ==, element->n_values);
  g_ptr_array_add (seen->texts, g_strndup (element->data + v->start, v->length));
  g_array_append_val (seen->types, v->type);

  return seen->texts->len < seen->stop_after;
}

static JsonNode *
parse_list (const char *doc,
            Seen       *seen,
            guint       stop_after)
{
  seen->texts = g_ptr_array_new_with_free_func (g_free);
  seen->types = g_array_new (FALSE, FALSE, sizeof (PtJsonLiteType));
  seen->stop_after = stop_after;

  return pt_json_fast_parse_list (doc, strlen (doc), "items", collect_element, seen, NULL);
}

static void
seen_clear (Seen *seen)
{
  g_clear_pointer (&seen->texts, g_ptr_array_unref);
  g_clear_pointer (&seen->types, g_array_unref);
}

/* Each element is handed over with its text; the list stays empty in the
 * tree; an element parsed again from its text is what the whole tree holds. */
static void
test_list_elements (void)
{
  const char *doc = "{\"head\": 1, \"items\": [{\"a\": 1, \"b\": {\"x\": [1, \"s\"]}, \"a\": 2},"
                    " 7, \"s\\\"t\", [true, null], -0.5, {}], \"tail\": [{\"items\": [4]}]}";
  static const char * const texts[] = {
    "{\"a\": 1, \"b\": {\"x\": [1, \"s\"]}, \"a\": 2}", "7", "s\\\"t", "[true, null]", "-0.5", "{}",
  };
  static const PtJsonLiteType types[] = {
    PT_JSON_LITE_OBJECT, PT_JSON_LITE_INT, PT_JSON_LITE_STRING, PT_JSON_LITE_ARRAY,
    PT_JSON_LITE_DOUBLE, PT_JSON_LITE_OBJECT,
  };
  Seen seen;
  g_autoptr(JsonNode) root = parse_list (doc, &seen, G_MAXUINT);
  g_autoptr(JsonNode) whole = pt_json_fast_parse (doc, strlen (doc), NULL);
  JsonArray *items = json_object_get_array_member (json_node_get_object (whole), "items");
  g_autofree char *printed = NULL;

  g_assert_nonnull (root);
  printed = json_to_string (root, FALSE);
  g_assert_cmpstr (printed, ==, "{\"head\":1,\"items\":[],\"tail\":[{\"items\":[4]}]}");
  assert_tree_shape (root);

  g_assert_cmpuint (seen.texts->len, ==, G_N_ELEMENTS (texts));
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_assert_cmpstr (g_ptr_array_index (seen.texts, i), ==, texts[i]);
      g_assert_cmpint (g_array_index (seen.types, PtJsonLiteType, i), ==, types[i]);
      if (types[i] == PT_JSON_LITE_OBJECT || types[i] == PT_JSON_LITE_ARRAY)
        {
          const char *text = g_ptr_array_index (seen.texts, i);
          g_autoptr(JsonNode) again = pt_json_fast_parse (text, strlen (text), NULL);

          assert_same_tree (again, json_array_get_element (items, i));
        }
    }
  seen_clear (&seen);
}

/* After the callback stops, the rest is still checked: a later error fails
 * the whole parse. */
static void
test_list_stop (void)
{
  static const char * const bad_tails[] = {
    "[\"\\ud800\"]", "01", "{\"x\": [1,]}", "\"\xff\"", "1e400", "{\"a\" 1}",
  };
  const char *good = "{\"items\": [1, {\"a\": 2}, {\"deep\": [null]}]}";
  Seen seen;
  g_autoptr(JsonNode) root = parse_list (good, &seen, 1);

  g_assert_nonnull (root);
  g_assert_cmpuint (seen.texts->len, ==, 1);
  seen_clear (&seen);

  for (guint i = 0; i < G_N_ELEMENTS (bad_tails); i++)
    {
      g_autofree char *doc = g_strdup_printf ("{\"items\": [1, %s]}", bad_tails[i]);
      g_autoptr(JsonNode) stopped = parse_list (doc, &seen, 1);
      g_autoptr(JsonNode) whole = pt_json_fast_parse (doc, strlen (doc), NULL);

      g_assert_null (stopped);
      g_assert_null (whole);
      seen_clear (&seen);
    }
}

/* A second main list, a main list that is not a list, and one not at the top. */
static void
test_list_odd (void)
{
  Seen seen;
  JsonNode *root;

  root = parse_list ("{\"items\": [1], \"items\": [2]}", &seen, G_MAXUINT);
  g_assert_null (root);
  seen_clear (&seen);

  root = parse_list ("{\"items\": {\"a\": 1}}", &seen, G_MAXUINT);
  g_assert_nonnull (root);
  g_assert_cmpuint (seen.texts->len, ==, 0);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_object_get_member (json_node_get_object (root), "items")));
  json_node_unref (root);
  seen_clear (&seen);

  root = parse_list ("[{\"items\": [1]}]", &seen, G_MAXUINT);
  g_assert_nonnull (root);
  g_assert_cmpuint (seen.texts->len, ==, 0);
  json_node_unref (root);
  seen_clear (&seen);
}

typedef struct {
  PtJsonLiteValue values[32];
  char           *texts[32];
  guint           n_values;
  gboolean        equal_x;
  gint            member_b;
  gint            members[4];
  char           *decoded;
} LiteCopy;

static gboolean
copy_lite (guint             index,
           const PtJsonLite *lite,
           gpointer          user_data)
{
  static const char * const names[] = { "n", "b", "missing", NULL };
  LiteCopy *copy = user_data;

  g_assert_cmpuint (lite->n_values, <=, G_N_ELEMENTS (copy->values));
  memcpy (copy->values, lite->values, lite->n_values * sizeof (PtJsonLiteValue));
  copy->n_values = lite->n_values;
  for (guint i = 0; i < lite->n_values; i++)
    copy->texts[i] = g_strndup (lite->data + lite->values[i].start, lite->values[i].length);
  copy->member_b = pt_json_lite_member (lite, 0, "b");
  pt_json_lite_members (lite, 0, names, copy->members);
  copy->equal_x = pt_json_lite_string_equal (lite, (guint) pt_json_lite_member (lite, 0, "e\xcc\x81"), "x\"y");
  copy->decoded = pt_json_lite_dup_string (lite, 13);

  return TRUE;
}

/* The lite index of a value: kinds, numbers, spans, escapes and member look-ups. */
static void
test_lite_values (void)
{
  const char *doc = "{\"items\": [{\"a\": [1, -2.5, \"t\"], \"b\": true, \"c\": null, "
                    "\"b\": 123456789012345678901, \"e\\u0301\": \"x\\\"y\", \"n\": -7}]}";
  g_autofree char *element = g_strndup (strchr (doc, '[') + 1, strlen (strchr (doc, '[')) - 3);
  LiteCopy copy = { 0 };
  g_autoptr(JsonNode) root = pt_json_fast_parse_list (doc, strlen (doc), "items", copy_lite, &copy, NULL);
  const PtJsonLiteValue *v = copy.values;

  g_assert_nonnull (root);
  g_assert_cmpuint (copy.n_values, ==, 16);
  g_assert_cmpint (v[0].type, ==, PT_JSON_LITE_OBJECT);
  g_assert_cmpuint (v[0].next, ==, 16);
  /* the element's text: all between the list's brackets */
  g_assert_cmpstr (copy.texts[0], ==, element);
  g_assert_cmpint (v[1].type, ==, PT_JSON_LITE_STRING);   /* "a" */
  g_assert_cmpstr (copy.texts[1], ==, "a");
  g_assert_cmpint (v[2].type, ==, PT_JSON_LITE_ARRAY);
  g_assert_cmpuint (v[2].next, ==, 6);
  g_assert_cmpstr (copy.texts[2], ==, "[1, -2.5, \"t\"]");
  g_assert_cmpint (v[3].type, ==, PT_JSON_LITE_INT);
  g_assert_cmpint (v[3].number, ==, 1);
  g_assert_cmpint (v[4].type, ==, PT_JSON_LITE_DOUBLE);
  g_assert_cmpstr (copy.texts[4], ==, "-2.5");
  g_assert_cmpint (v[5].type, ==, PT_JSON_LITE_STRING);
  g_assert_cmpstr (copy.texts[5], ==, "t");
  g_assert_cmpint (v[7].type, ==, PT_JSON_LITE_BOOLEAN);
  g_assert_cmpint (v[7].number, ==, 1);
  g_assert_cmpstr (copy.texts[7], ==, "true");
  g_assert_cmpint (v[9].type, ==, PT_JSON_LITE_NULL);
  g_assert_cmpstr (copy.texts[9], ==, "null");
  g_assert_cmpint (v[11].type, ==, PT_JSON_LITE_DOUBLE); /* 21 digits */
  g_assert_true (v[12].escaped);                         /* "e\u0301" */
  g_assert_true (v[13].escaped);
  g_assert_cmpstr (copy.texts[13], ==, "x\\\"y");
  g_assert_cmpstr (copy.decoded, ==, "x\"y");
  g_assert_cmpint (v[15].type, ==, PT_JSON_LITE_INT);
  g_assert_cmpint (v[15].number, ==, -7);
  g_assert_cmpstr (copy.texts[15], ==, "-7");
  /* the last "b", in both look-ups */
  g_assert_cmpint (copy.member_b, ==, 11);
  g_assert_cmpint (copy.members[0], ==, 15);
  g_assert_cmpint (copy.members[1], ==, 11);
  g_assert_cmpint (copy.members[2], ==, -1);
  g_assert_true (copy.equal_x);

  for (guint i = 0; i < copy.n_values; i++)
    g_free (copy.texts[i]);
  g_free (copy.decoded);
}

/* ---------------------------------------------------------------- the scenario library */

/* @text with an empty "scenarios" list put first: the streaming reader
 * leaves a file with two lists to the whole-tree reader, and json-glib
 * keeps the last list, so the file means the same. */
static char *
whole_tree_text (const char *text)
{
  const char *brace = strchr (text, '{');

  g_assert_nonnull (brace);
  return g_strdup_printf ("%.*s{\"scenarios\": [], %s", (int) (brace - text), text, brace + 1);
}

static char *
scenario_visit_text (PtScenario *scenario)
{
  return pt_visit_to_data (pt_scenario_get_visit (scenario), NULL);
}

static void
assert_same_scenario (PtScenario *lazy,
                      PtScenario *whole)
{
  g_autofree char *lazy_visit = NULL, *whole_visit = NULL;

  g_assert_cmpstr (pt_scenario_get_id (lazy), ==, pt_scenario_get_id (whole));
  g_assert_cmpstr (pt_scenario_get_title (lazy), ==, pt_scenario_get_title (whole));
  g_assert_cmpstr (pt_scenario_get_summary (lazy), ==, pt_scenario_get_summary (whole));
  g_assert_true (g_strv_equal (pt_scenario_get_tags (lazy), pt_scenario_get_tags (whole)));
  g_assert_true (g_strv_equal (pt_scenario_get_teaching_points (lazy),
                               pt_scenario_get_teaching_points (whole)));
  g_assert_cmpstr (pt_scenario_get_codes (lazy), ==, pt_scenario_get_codes (whole));
  g_assert_cmpstr (pt_scenario_get_search_text (lazy), ==, pt_scenario_get_search_text (whole));
  g_assert_cmpint (pt_scenario_get_builtin (lazy), ==, pt_scenario_get_builtin (whole));
  for (gint m = PT_METHOD_CMS; m <= PT_METHOD_AMA; m++)
    {
      guint n_lazy, n_whole;
      const PtScenarioUnits *a = pt_scenario_get_expected (lazy, (PtMethod) m, &n_lazy);
      const PtScenarioUnits *b = pt_scenario_get_expected (whole, (PtMethod) m, &n_whole);

      g_assert_cmpuint (n_lazy, ==, n_whole);
      for (guint i = 0; i < n_lazy; i++)
        {
          g_assert_cmpstr (a[i].code, ==, b[i].code);
          g_assert_cmpint (a[i].units, ==, b[i].units);
        }
    }

  lazy_visit = scenario_visit_text (lazy);
  whole_visit = scenario_visit_text (whole);
  g_assert_cmpstr (lazy_visit, ==, whole_visit);
  g_assert_true (pt_scenario_has_visit_object (lazy));
}

/* The same scenarios, or the same error, read one scenario at a time and as
 * one tree. Returns how many visits the quick check let wait, or -1 when
 * both refuse the file. */
static gint
assert_same_library (const char *text)
{
  g_autofree char *whole_text = whole_tree_text (text);
  g_autoptr(GError) lazy_error = NULL;
  g_autoptr(GError) whole_error = NULL;
  g_autoptr(PtScenarioLibrary) lazy = pt_scenario_library_new_from_data (text, -1, &lazy_error);
  g_autoptr(PtScenarioLibrary) whole = pt_scenario_library_new_from_data (whole_text, -1, &whole_error);
  guint n;
  gint waiting = 0;

  if (whole == NULL)
    {
      if (lazy != NULL)
        g_error ("read in parts, this library reads; as a whole: %s", whole_error->message);
      g_assert_error (lazy_error, whole_error->domain, whole_error->code);
      g_assert_cmpstr (lazy_error->message, ==, whole_error->message);
      if (g_getenv ("PT_TEST_SHOW_REFUSALS") != NULL)
        g_test_message ("refused: %s", lazy_error->message);
      return -1;
    }

  if (lazy == NULL)
    g_error ("read as a whole, this library reads; in parts: %s", lazy_error->message);

  n = g_list_model_get_n_items (G_LIST_MODEL (whole));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (lazy)), ==, n);
  for (guint i = 0; i < n; i++)
    {
      PtScenario *a = pt_scenario_library_get_scenario (lazy, i);

      waiting += !pt_scenario_has_visit_object (a);
      assert_same_scenario (a, pt_scenario_library_get_scenario (whole, i));
    }

  return waiting;
}

static char *
builtin_text (gsize *length)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (PT_SCENARIO_LIBRARY_RESOURCE, 0, NULL);

  g_assert_nonnull (bytes);
  return g_strndup (g_bytes_get_data (bytes, length), g_bytes_get_size (bytes));
}

/* The built-in library keeps every visit as text until asked for it, and
 * then gives what the whole-tree reader gives. */
static void
test_library_builtin (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PtScenarioLibrary) builtin = pt_scenario_library_new_builtin (&error);
  g_autofree char *text = builtin_text (NULL);
  g_autofree char *copy_data = NULL, *builtin_data = NULL;
  guint n;

  g_assert_no_error (error);
  n = g_list_model_get_n_items (G_LIST_MODEL (builtin));
  g_assert_cmpuint (n, >=, 30);
  for (guint i = 0; i < n; i++)
    {
      PtScenario *scenario = pt_scenario_library_get_scenario (builtin, i);

      g_assert_false (pt_scenario_has_visit_object (scenario));
      g_assert_cmpstr (pt_scenario_get_codes (scenario), !=, "");
      g_assert_true (pt_scenario_get_builtin (scenario));
    }

  g_assert_cmpint (assert_same_library (text), ==, (gint) n);

  /* the library saves the same whether its visits were read or not */
  {
    g_autoptr(PtScenarioLibrary) fresh = pt_scenario_library_new_builtin (&error);
    g_autoptr(PtScenarioLibrary) read = pt_scenario_library_new_builtin (&error);

    for (guint i = 0; i < n; i++)
      pt_scenario_get_visit (pt_scenario_library_get_scenario (read, i));
    copy_data = pt_scenario_library_to_data (fresh, NULL);
    builtin_data = pt_scenario_library_to_data (read, NULL);
    g_assert_cmpstr (copy_data, ==, builtin_data);
  }
}

/* A waiting visit: built once, on first use; a copy, the property and a
 * replaced visit all see it. */
static void
test_library_waiting_visit (void)
{
  const char *text = "{\"format\": 1, \"kind\": \"scenario-library\", \"scenarios\": ["
                     "{\"id\": \"a\", \"title\": \"A\", \"visit\": {\"blocks\": ["
                     "{\"code\": \"97112\", \"minutes\": 20}, {\"code\": \"97110\", \"minutes\": 10},"
                     "{\"code\": \"97112\", \"minutes\": 5}]}},"
                     "{\"id\": \"b\", \"title\": \"B\", \"visit\": {\"blocks\": []}}]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(PtScenarioLibrary) library = pt_scenario_library_new_from_data (text, -1, &error);
  g_autoptr(PtScenario) copy = NULL;
  g_autoptr(PtVisit) property = NULL;
  g_autoptr(PtVisit) other = pt_visit_new ();
  PtScenario *a, *b;
  PtVisit *visit;

  g_assert_no_error (error);
  a = pt_scenario_library_find_by_id (library, "a");
  b = pt_scenario_library_find_by_id (library, "b");
  g_assert_false (pt_scenario_has_visit_object (a));
  g_assert_cmpstr (pt_scenario_get_codes (a), ==, "97112, 97110");
  g_assert_true (pt_scenario_matches (a, "97110", NULL));
  g_assert_cmpstr (pt_scenario_get_codes (b), ==, "");

  visit = pt_scenario_get_visit (a);
  g_assert_true (pt_scenario_has_visit_object (a));
  g_assert_cmpuint (pt_visit_get_n_blocks (visit), ==, 3);
  g_assert_true (pt_scenario_get_visit (a) == visit);
  g_assert_cmpstr (pt_scenario_get_codes (a), ==, "97112, 97110");

  copy = pt_scenario_copy (b, "b-copy");
  g_assert_true (pt_scenario_has_visit_object (b));
  g_assert_cmpuint (pt_visit_get_n_blocks (pt_scenario_get_visit (copy)), ==, 0);

  g_object_get (pt_scenario_library_find_by_id (library, "a"), "visit", &property, NULL);
  g_assert_true (property == visit);

  /* a visit set before the text was read replaces it */
  {
    g_autoptr(PtScenarioLibrary) again = pt_scenario_library_new_from_data (text, -1, &error);
    PtScenario *fresh = pt_scenario_library_find_by_id (again, "a");

    pt_scenario_set_visit (fresh, other);
    g_assert_true (pt_scenario_get_visit (fresh) == other);
    g_assert_cmpstr (pt_scenario_get_codes (fresh), ==, "");
  }
}

static const char * const visit_members[] = {
  "title", "date", "payer", "method", "discipline", "diagnosis", "diagnosis_category",
  "tie_preference", "blocks", "extra",
};
static const char * const block_members[] = {
  "code", "minutes", "timed", "provider", "one_on_one", "skilled", "deficit", "intervention",
  "objective", "goal", "response", "plan", "rationale", "extra",
};
static const char * const scenario_members[] = {
  "id", "title", "summary", "tags", "teaching_points", "expected", "expected_modifiers", "visit",
};

/* A value a visit reader might take or refuse. */
static JsonNode *
random_value (GRand *rand)
{
  static const char * const texts[] = {
    "", " ", "97112", "97110", "G0283", "9711", "971120", "g0283", "x", "2026-03-14", "2026-02-30",
    "2026-3-14", "+2026-03-14", "cms", "ama", "CMS", "PT", "OT", "pt", "therapist", "assistant",
    "student", "neurologic", "musculoskeletal", "verbal-cues", "CQ", "caf\xc3\xa9",
  };
  static const gint64 numbers[] = { -1, 0, 1, 5, 15, 1440, 1441, 96, 97, G_GINT64_CONSTANT (1000000000000) };
  JsonNode *node = json_node_alloc ();
  g_autoptr(JsonArray) array = NULL;
  g_autoptr(JsonObject) object = NULL;

  switch (g_rand_int_range (rand, 0, 10))
    {
    case 0:
    case 1:
    case 2:
      return json_node_init_string (node, texts[g_rand_int_range (rand, 0, G_N_ELEMENTS (texts))]);
    case 3:
    case 4:
      return json_node_init_int (node, numbers[g_rand_int_range (rand, 0, G_N_ELEMENTS (numbers))]);
    case 5:
      return json_node_init_double (node, g_rand_boolean (rand) ? 20.0 : 2.5);
    case 6:
      return json_node_init_boolean (node, g_rand_boolean (rand));
    case 7:
      return json_node_init_null (node);
    case 8:
      array = json_array_new ();
      for (gint i = g_rand_int_range (rand, 0, 3); i > 0; i--)
        json_array_add_element (array, random_value (rand));
      return json_node_init_array (node, array);
    default:
      object = json_object_new ();
      return json_node_init_object (node, object);
    }
}

/* Values near what each member takes, good and bad, as JSON lists. */
static const struct { const char *member; const char *values; } plausible[] = {
  { "title", "[\"\", \"New\", \"  \", \"caf\u00e9\", \" padded \", \"a \\\"quote\\\"\"]" },
  { "date", "[\"\", \"2026-03-14\", \"2024-02-29\", \"2023-02-29\", \"2026-13-01\", \"2026-3-14\"]" },
  { "payer", "[\"\", \"Medicare\"]" },
  { "method", "[\"cms\", \"ama\", \"CMS\"]" },
  { "discipline", "[\"PT\", \"OT\", \"SLP\", \"pt\"]" },
  { "diagnosis_category", "[\"\", \"neurologic\", \"vestibular\", \"other\", \"neuro\"]" },
  { "tie_preference", "[[], [\"97110\"], [\"97112\", \"G0283\"], [\"9711\"]]" },
  { "blocks", "[[], [{\"code\": \"97110\", \"minutes\": 8}], [{\"code\": \"97110\"}]]" },
  { "code", "[\"97112\", \"97110\", \"97530\", \"G0283\", \"g0283\", \"9711\"]" },
  { "minutes", "[0, 7, 15, 38, 1440, 1441, -1, 8.0]" },
  { "timed", "[true, false, \"yes\"]" },
  { "one_on_one", "[true, false, 1]" },
  { "provider", "[\"therapist\", \"assistant\", \"together\", \"student\"]" },
  { "skilled", "[[], [\"verbal-cues\"], [\"verbal-cues\", \"feedback\"], [\"magic\"]]" },
  { "id", "[\"new-id\", \"Bad Id\"]" },
  { "summary", "[\"\", \"s\"]" },
  { "tags", "[[], [\"tie\"], [\"\", \"x\"], [\" tie \"], [\"a\", \"b\", \"a\"], [1]]" },
  { "teaching_points", "[[], [\"p\"]]" },
  { "expected", "[{}, {\"cms\": {\"97112\": 1}}, {\"ama\": {\"97112\": -1}}, {\"cms\": {\"97112\": 1, \"97110\": 2}, \"ama\": {\"G0283\": 0}},"
                " {\"cms\": {\"97112\": 97}}, {\"cms\": []}, {\"ama\": {\"9711\": 1}}]" },
  { "expected_modifiers", "[{}, {\"cms\": {}}, {\"cms\": {\"97110\": {\"units_with_modifier\": 1, \"modifier\": \"CQ\"}}},"
                          " {\"cms\": {\"97110\": {\"units_with_modifier\": 2, \"modifier\": \"XX\"}}},"
                          " {\"cms\": {\"97110\": {\"modifier\": \"CO\"}}}, {\"cms\": {\"x\": {}}}, {\"ama\": 1}]" },
  { "visit", "[{}, {\"blocks\": []}]" },
};

/* A value for member @name: often a plausible one, else anything. */
static JsonNode *
value_for (GRand      *rand,
           const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (plausible); i++)
    if (strcmp (plausible[i].member, name) == 0 && g_rand_int_range (rand, 0, 3) > 0)
      {
        g_autoptr(JsonNode) list = json_from_string (plausible[i].values, NULL);
        JsonArray *array = json_node_get_array (list);

        JsonNode *value = json_array_get_element (array, (guint) g_rand_int_range (rand, 0, (gint32) json_array_get_length (array)));
        g_autofree char *printed = json_to_string (value, FALSE);

        return json_from_string (printed, NULL);
      }

  return random_value (rand);
}

/* One random change to a scenario (a mutable tree): a member of the visit,
 * of one of its blocks or of the scenario set to a random value, or removed. */
static void
mutate_scenario (GRand      *rand,
                 JsonObject *scenario)
{
  JsonObject *target = scenario;
  const char * const *names = scenario_members;
  guint n_names = G_N_ELEMENTS (scenario_members);
  JsonNode *visit = json_object_get_member (scenario, "visit");
  const char *name;

  if (visit != NULL && JSON_NODE_HOLDS_OBJECT (visit) && g_rand_int_range (rand, 0, 4) > 0)
    {
      JsonObject *vobject = json_node_get_object (visit);
      JsonNode *blocks = json_object_get_member (vobject, "blocks");

      target = vobject;
      names = visit_members;
      n_names = G_N_ELEMENTS (visit_members);
      if (blocks != NULL && JSON_NODE_HOLDS_ARRAY (blocks) &&
          json_array_get_length (json_node_get_array (blocks)) > 0 && g_rand_boolean (rand))
        {
          JsonArray *array = json_node_get_array (blocks);
          JsonNode *block = json_array_get_element (array, (guint) g_rand_int_range (rand, 0, (gint32) json_array_get_length (array)));

          if (!JSON_NODE_HOLDS_OBJECT (block))
            return;
          target = json_node_get_object (block);
          names = block_members;
          n_names = G_N_ELEMENTS (block_members);
        }
    }

  name = names[g_rand_int_range (rand, 0, (gint32) n_names)];
  if (g_rand_int_range (rand, 0, 4) == 0)
    json_object_remove_member (target, name);
  else
    json_object_set_member (target, name, value_for (rand, name));
}

/* Random changes to scenarios of the built-in library: the same verdict,
 * message and scenarios either way. */
static void
test_library_mutations (void)
{
  g_autofree char *text = builtin_text (NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (g_test_rand_int ());
  g_autoptr(GError) error = NULL;
  JsonArray *scenarios;
  guint n, rounds = 600, outcomes[5] = { 0 };

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  scenarios = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                            "scenarios");
  n = json_array_get_length (scenarios);

  for (guint r = 0; r < rounds; r++)
    {
      g_autoptr(GString) library = g_string_new ("{\"format\": 1, \"kind\": \"scenario-library\", \"scenarios\": [");
      guint first = (guint) g_rand_int_range (rand, 0, (gint32) n);

      for (guint k = 0; k < 3; k++)
        {
          /* a deep copy: json_node_copy() shares the object */
          g_autofree char *original = json_to_string (json_array_get_element (scenarios, (first + k) % n), FALSE);
          g_autoptr(JsonNode) scenario = json_from_string (original, NULL);
          g_autofree char *printed = NULL;

          if (k == 1)
            for (gint c = g_rand_int_range (rand, 0, 10) < 7 ? 1 : 3; c > 0; c--)
              mutate_scenario (rand, json_node_get_object (scenario));
          printed = json_to_string (scenario, FALSE);
          g_string_append_printf (library, "%s%s", k > 0 ? ", " : "", printed);
        }
      g_string_append (library, "]}");

      /* -1: refused; 2: the changed visit read at once; 3: it waits */
      outcomes[1 + assert_same_library (library->str)]++;
    }

  g_test_message ("of %u changed libraries: %u refused, %u read with the changed visit at once, "
                  "%u with it waiting", rounds, outcomes[0], outcomes[3], outcomes[4]);
  g_assert_cmpuint (outcomes[0] + outcomes[3] + outcomes[4], ==, rounds);
  g_assert_cmpuint (outcomes[0], >, 0);
  g_assert_cmpuint (outcomes[4], >, 0);
}

#define LIB(body) "{\"format\": 1, \"kind\": \"scenario-library\", \"scenarios\": [" body "]}"
#define SCEN(visit) "{\"id\": \"s\", \"title\": \"T\", \"visit\": " visit "}"
#define BLOCK(members) "{\"blocks\": [{\"code\": \"97112\", " members "}]}"

typedef struct {
  const char *name;
  const char *text;
  gboolean    waits; /* the quick check lets the visit wait */
} LibraryCase;

/* What the quick check must pass, and what it must leave to the visit
 * reader (which may take it after all). */
static const LibraryCase library_cases[] = {
  { "minimal", LIB (SCEN (BLOCK ("\"minutes\": 5"))), TRUE },
  { "all-members", LIB (SCEN ("{\"title\": \"t\", \"date\": \"2024-02-29\", \"payer\": \"p\", \"method\": \"ama\","
                              " \"discipline\": \"OT\", \"diagnosis\": \"d\", \"diagnosis_category\": \"neurologic\","
                              " \"tie_preference\": [\"97110\", \"G0283\"], \"blocks\": [{\"code\": \"97110\", \"minutes\": 0,"
                              " \"timed\": false, \"provider\": \"assistant\", \"one_on_one\": false,"
                              " \"skilled\": [\"verbal-cues\"], \"deficit\": \"\\u00e9\", \"plan\": \"x\"}], \"x\": [1]}")), TRUE },
  { "leap-day-not", LIB (SCEN ("{\"date\": \"2023-02-29\", \"blocks\": []}")), FALSE },
  { "escaped-code", LIB (SCEN ("{\"blocks\": [{\"code\": \"\\u0039\\u0037\\u0031\\u0031\\u0032\", \"minutes\": 5}]}")), FALSE },
  { "escaped-method", LIB (SCEN ("{\"method\": \"\\u0061ma\", \"blocks\": []}")), TRUE },
  { "escaped-bad-method", LIB (SCEN ("{\"method\": \"\\u0041MA\", \"blocks\": []}")), FALSE },
  { "minutes-twice-last-good", LIB (SCEN (BLOCK ("\"minutes\": 5000, \"minutes\": 5"))), TRUE },
  { "minutes-twice-last-bad", LIB (SCEN (BLOCK ("\"minutes\": 5, \"minutes\": 5000"))), FALSE },
  { "minutes-decimal", LIB (SCEN (BLOCK ("\"minutes\": 5.0"))), FALSE },
  { "minutes-huge", LIB (SCEN (BLOCK ("\"minutes\": 12345678901234567890"))), FALSE },
  { "minutes-missing", LIB (SCEN ("{\"blocks\": [{\"code\": \"97112\"}]}")), FALSE },
  { "day-exceeded", LIB (SCEN ("{\"blocks\": [{\"code\": \"97112\", \"minutes\": 1000}, {\"code\": \"97110\", \"minutes\": 441}]}")), FALSE },
  { "day-full", LIB (SCEN ("{\"blocks\": [{\"code\": \"97112\", \"minutes\": 1000}, {\"code\": \"97110\", \"minutes\": 440}]}")), TRUE },
  { "skilled-unknown", LIB (SCEN (BLOCK ("\"minutes\": 5, \"skilled\": [\"magic\"]"))), FALSE },
  { "skilled-number", LIB (SCEN (BLOCK ("\"minutes\": 5, \"skilled\": [1]"))), FALSE },
  { "tie-bad", LIB (SCEN ("{\"tie_preference\": [\"9711\"], \"blocks\": []}")), FALSE },
  { "blocks-missing", LIB (SCEN ("{\"title\": \"t\"}")), FALSE },
  { "block-null", LIB (SCEN ("{\"blocks\": [null]}")), FALSE },
  { "visit-number", LIB (SCEN ("5")), FALSE },
  { "visit-text", LIB (SCEN ("\"v\"")), FALSE },
  { "visit-null", LIB (SCEN ("null")), FALSE },
  { "visit-decimal", LIB (SCEN ("2.5")), FALSE },
  { "visit-true", LIB (SCEN ("true")), FALSE },
  { "visit-list", LIB (SCEN ("[]")), FALSE },
  { "visit-twice", LIB ("{\"id\": \"s\", \"title\": \"T\", \"visit\": 5, \"visit\": " BLOCK ("\"minutes\": 5") "}"), TRUE },
  { "visit-missing", LIB ("{\"id\": \"s\", \"title\": \"T\"}"), FALSE },
  { "bad-id-first", LIB ("{\"id\": \"S S\", \"title\": \"T\", \"visit\": 5}"), FALSE },
  { "second-bad", LIB (SCEN (BLOCK ("\"minutes\": 5")) ", {\"id\": \"t\", \"title\": \"T\", \"visit\": {}}"), FALSE },
  { "duplicate-id", LIB (SCEN (BLOCK ("\"minutes\": 5")) ", " SCEN (BLOCK ("\"minutes\": 6"))), FALSE },
  { "bad-then-syntax", LIB ("{\"id\": \"s\", \"title\": \"T\", \"visit\": 5}, [01]"), FALSE },
  { "bad-header-wins", "{\"format\": 2, \"kind\": \"scenario-library\", \"scenarios\": [{\"id\": \"S S\"}]}", FALSE },
  { "kind-after", "{\"scenarios\": [" SCEN (BLOCK ("\"minutes\": 5")) "], \"format\": 1, \"kind\": \"visit\"}", FALSE },
  /* the scenario's own members */
  { "head-escapes", LIB ("{\"id\": \"\\u0073\", \"title\": \" T\\u00e9 \\\"q\\\" \", \"summary\": \"\\n\", \"tags\": [\" tie \"],"
                         " \"teaching_points\": [\"\\t\", \"\"], \"visit\": " BLOCK ("\"minutes\": 5") "}"), TRUE },
  { "title-blank", LIB ("{\"id\": \"s\", \"title\": \" \\t \", \"visit\": " BLOCK ("\"minutes\": 5") "}"), FALSE },
  { "tag-blank", LIB ("{\"id\": \"s\", \"title\": \"T\", \"tags\": [\"a\", \" \"], \"visit\": " BLOCK ("\"minutes\": 5") "}"), FALSE },
  { "points-number", LIB ("{\"id\": \"s\", \"title\": \"T\", \"teaching_points\": [1], \"visit\": " BLOCK ("\"minutes\": 5") "}"), FALSE },
  { "expected-good", LIB ("{\"id\": \"s\", \"title\": \"T\", \"expected\": {\"cms\": {\"97112\": 1, \"97110\": 0}, \"ama\": {}, \"x\": 1},"
                          " \"visit\": " BLOCK ("\"minutes\": 5") "}"), TRUE },
  { "expected-twice", LIB ("{\"id\": \"s\", \"title\": \"T\", \"expected\": {\"cms\": {\"97112\": 1, \"97112\": 2}},"
                           " \"visit\": " BLOCK ("\"minutes\": 5") "}"), FALSE },
  { "expected-escaped-code", LIB ("{\"id\": \"s\", \"title\": \"T\", \"expected\": {\"cms\": {\"\\u0039\\u0037\\u0031\\u0031\\u0032\": 1}},"
                                  " \"visit\": " BLOCK ("\"minutes\": 5") "}"), FALSE },
  { "expected-method-twice", LIB ("{\"id\": \"s\", \"title\": \"T\", \"expected\": {\"cms\": {\"97112\": 97}, \"cms\": {\"97112\": 2}},"
                                  " \"visit\": " BLOCK ("\"minutes\": 5") "}"), TRUE },
  { "expected-too-many", LIB ("{\"id\": \"s\", \"title\": \"T\", \"expected\": {\"ama\": {\"97112\": 97}}, \"visit\": " BLOCK ("\"minutes\": 5") "}"), FALSE },
  { "modifier-good", LIB ("{\"id\": \"s\", \"title\": \"T\", \"expected_modifiers\": {\"cms\": {\"97110\": {\"modifier\": \"C\\u0051\", \"units_with_modifier\": 2}}},"
                          " \"visit\": " BLOCK ("\"minutes\": 5") "}"), TRUE },
  { "modifier-bad", LIB ("{\"id\": \"s\", \"title\": \"T\", \"expected_modifiers\": {\"cms\": {\"97110\": {\"modifier\": \"XX\", \"units_with_modifier\": 2}}},"
                         " \"visit\": " BLOCK ("\"minutes\": 5") "}"), FALSE },
  { "modifier-no-units", LIB ("{\"id\": \"s\", \"title\": \"T\", \"expected_modifiers\": {\"cms\": {\"97110\": {\"modifier\": \"CQ\"}}},"
                              " \"visit\": " BLOCK ("\"minutes\": 5") "}"), FALSE },
  { "element-text", LIB ("\"x\""), FALSE },
  { "element-list", LIB ("[]"), FALSE },
  { "element-null", LIB ("null"), FALSE },
};

static void
test_library_case (gconstpointer data)
{
  const LibraryCase *c = data;
  gint waiting = assert_same_library (c->text);

  g_assert_cmpint (waiting, <=, c->waits ? 1 : 0);
  g_assert_cmpint (waiting, >=, c->waits ? 1 : -1);
}

/* Text fields at and just over the longest the reader takes. */
static void
test_library_long_text (void)
{
  for (gsize extra = 0; extra < 2; extra++)
    {
      g_autofree char *text = g_strnfill (64 * 1024 + extra, 'x');
      g_autofree char *library = g_strdup_printf (LIB (SCEN ("{\"title\": \"%s\", \"blocks\": []}")), text);

      g_assert_cmpint (assert_same_library (library), ==, extra == 0 ? 1 : -1);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (valid_documents); i++)
    {
      g_autofree char *path = g_strdup_printf ("/json-fast/valid/%u", i);

      g_test_add_data_func (path, valid_documents[i], test_valid);
    }
  g_test_add_func ("/json-fast/values", test_values);
  for (guint i = 0; i < G_N_ELEMENTS (refused_documents); i++)
    {
      g_autofree char *path = g_strdup_printf ("/json-fast/refused/%s", refused_documents[i].name);

      g_test_add_data_func (path, &refused_documents[i], test_refused);
    }
  g_test_add_func ("/json-fast/depth", test_depth);
  g_test_add_func ("/json-fast/length", test_length);
  g_test_add_func ("/json-fast/word-boundaries", test_word_boundaries);
  g_test_add_func ("/json-fast/files", test_files);
  g_test_add_func ("/json-fast/mutations", test_mutations);
  g_test_add_func ("/json-fast/list/elements", test_list_elements);
  g_test_add_func ("/json-fast/list/stop", test_list_stop);
  g_test_add_func ("/json-fast/list/odd", test_list_odd);
  g_test_add_func ("/json-fast/list/lite-values", test_lite_values);
  g_test_add_func ("/json-fast/library/builtin", test_library_builtin);
  g_test_add_func ("/json-fast/library/waiting-visit", test_library_waiting_visit);
  g_test_add_func ("/json-fast/library/mutations", test_library_mutations);
  for (guint i = 0; i < G_N_ELEMENTS (library_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/json-fast/library/case/%s", library_cases[i].name);

      g_test_add_data_func (path, &library_cases[i], test_library_case);
    }
  g_test_add_func ("/json-fast/library/long-text", test_library_long_text);

  return g_test_run ();
}
