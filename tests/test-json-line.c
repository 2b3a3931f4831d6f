/* test-json-line.c: the fast allocate --jsonl reader gives what the full reader gives
 *
 * Every line is read both ways. When the fast reader takes a line, the full
 * reader must take it too and make the same request; when it leaves a line,
 * the full reader's answer stands. Then pt97112-cli allocate --jsonl runs the
 * same lines with and without the fast reader (--full-reader) and the two
 * outputs must be the same bytes, valid UTF-8, one line out per line in.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "pt-alloc-request.h"
#include "pt-json-line.h"
#include "pt-json-read.h"
#include "pt-test-utils.h"

typedef struct {
  const char *name;
  gboolean    fast; /* the fast reader should take it */
  const char *line;
} LineCase;

#define BLOCKS "\"blocks\": [{\"code\": \"97112\", \"minutes\": 24}, {\"code\": \"97110\", \"minutes\": 23}]"
#define ID257 "\"x12345678901234567890123456789012345678901234567890123456789012345678901234567890" \
  "12345678901234567890123456789012345678901234567890123456789012345678901234567890" \
  "12345678901234567890123456789012345678901234567890123456789012345678901234567890" \
  "1234567890123456\""
#define ID256 "\"12345678901234567890123456789012345678901234567890123456789012345678901234567890" \
  "12345678901234567890123456789012345678901234567890123456789012345678901234567890" \
  "12345678901234567890123456789012345678901234567890123456789012345678901234567890" \
  "1234567890123456\""

static const LineCase line_cases[] = {
  /* lines the fast reader takes */
  { "plain", TRUE, "{\"id\": \"v1\", \"method\": \"cms\", " BLOCKS "}" },
  { "every-member", TRUE,
    "{\"id\": 42, \"method\": \"ama\", \"discipline\": \"OT\", \"date\": \"2021-06-01\", "
    "\"tie_preference\": [\"97110\", \"97112\"], \"blocks\": [{\"code\": \"97112\", \"minutes\": 20, "
    "\"timed\": true, \"provider\": \"assistant\"}, {\"code\": \"97150\", \"minutes\": 30, "
    "\"timed\": false, \"provider\": \"together\"}, {\"code\": \"97530\", \"minutes\": 9, \"provider\": \"therapist\"}]}" },
  { "assistant-cms", TRUE,
    "{\"id\": \"cq\", \"discipline\": \"PT\", \"date\": \"2026-01-05\", \"blocks\": [{\"code\": \"97110\", \"minutes\": 30, "
    "\"provider\": \"assistant\"}, {\"code\": \"97112\", \"minutes\": 15}]}" },
  { "assistant-ot-2021", TRUE,
    "{\"id\": \"co\", \"discipline\": \"OT\", \"date\": \"2021-03-01\", \"blocks\": [{\"code\": \"97530\", \"minutes\": 20, "
    "\"provider\": \"assistant\"}, {\"code\": \"97535\", \"minutes\": 23, \"provider\": \"together\"}]}" },
  { "assistant-bad-date", TRUE,
    "{\"id\": \"d\", \"date\": \"yesterday\", \"blocks\": [{\"code\": \"97110\", \"minutes\": 30, \"provider\": \"assistant\"}]}" },
  { "minimal", TRUE, "{\"blocks\":[{\"code\":\"97112\",\"minutes\":0}]}" },
  { "spaces", TRUE, "  {  \"blocks\" :\t[ { \"minutes\" : 8 , \"code\" : \"97110\" } ] , \"id\" : true }  \t" },
  { "carriage-return", TRUE, "{\"id\":\r1,\r\"blocks\": [{\"code\": \"97110\", \"minutes\": 8}]}" },
  { "id-false", TRUE, "{\"id\": false, " BLOCKS "}" },
  { "id-null", TRUE, "{\"id\": null, " BLOCKS "}" },
  { "id-negative", TRUE, "{\"id\": -12, " BLOCKS "}" },
  { "id-zero", TRUE, "{\"id\": 0, " BLOCKS "}" },
  { "id-18-digits", TRUE, "{\"id\": 123456789012345678, " BLOCKS "}" },
  { "id-256", TRUE, "{\"id\": " ID256 ", " BLOCKS "}" },
  { "id-non-ascii", TRUE, "{\"id\": \"visite-é-✓\", " BLOCKS "}" },
  { "id-empty", TRUE, "{\"id\": \"\", " BLOCKS "}" },
  { "unknown-scalars", TRUE,
    "{\"note\": \"a \\\"quoted\\\" \\\\ \\/ \\n \\t \\b \\f \\r word é\", \"score\": -1.5e3, \"n\": 0.25, \"e\": 2E+2, "
    "\"flag\": null, \"yes\": true, \"list\": [1, \"two\", false, null, -0.5], \"empty\": [], " BLOCKS "}" },
  { "unknown-in-block", TRUE,
    "{\"blocks\": [{\"code\": \"97112\", \"one_on_one\": false, \"minutes\": 12, \"skilled\": [\"verbal-cues\", \"feedback\"], "
    "\"deficit\": \"Loses midline\", \"goal\": \"\"}]}" },
  { "visit-file-members", TRUE,
    "{\"format\": 1, \"kind\": \"visit\", \"title\": \"Balance\", \"payer\": \"Medicare\", \"diagnosis\": \"Stroke\", "
    "\"diagnosis_category\": \"neurologic\", " BLOCKS "}" },
  { "blocks-empty", TRUE, "{\"id\": \"none\", \"blocks\": []}" },
  { "hcpcs-code", TRUE, "{\"blocks\": [{\"code\": \"G0283\", \"minutes\": 15}]}" },
  { "minutes-1440", TRUE, "{\"blocks\": [{\"code\": \"97110\", \"minutes\": 1440}]}" },
  { "total-over-day", TRUE, "{\"blocks\": [{\"code\": \"97110\", \"minutes\": 1000}, {\"code\": \"97112\", \"minutes\": 441}]}" },
  { "timed-mismatch", TRUE,
    "{\"blocks\": [{\"code\": \"97110\", \"minutes\": 10}, {\"code\": \"97110\", \"minutes\": 10, \"timed\": false}]}" },
  { "same-code-twice", TRUE, "{\"blocks\": [{\"code\": \"97110\", \"minutes\": 10}, {\"code\": \"97110\", \"minutes\": 13}]}" },
  { "tie-preference-any-text", TRUE, "{\"tie_preference\": [\"97110\", \"gait\", \"\"], " BLOCKS "}" },
  { "tie-preference-empty", TRUE, "{\"tie_preference\": [], " BLOCKS "}" },
  { "untimed-only", TRUE, "{\"blocks\": [{\"code\": \"97150\", \"minutes\": 45}, {\"code\": \"97010\", \"minutes\": 10}]}" },
  { "many-blocks", TRUE,
    "{\"blocks\": [{\"code\": \"97112\", \"minutes\": 7}, {\"code\": \"97110\", \"minutes\": 7}, {\"code\": \"97140\", \"minutes\": 7}, "
    "{\"code\": \"97116\", \"minutes\": 7}, {\"code\": \"97530\", \"minutes\": 7}, {\"code\": \"97535\", \"minutes\": 7}, "
    "{\"code\": \"97112\", \"minutes\": 7}, {\"code\": \"97760\", \"minutes\": 7}]}" },
  { "empty-member-name", TRUE, "{\"\": 1, " BLOCKS "}" },

  /* lines it leaves to the full reader */
  { "id-escape", FALSE, "{\"id\": \"v\\\"1\", " BLOCKS "}" },
  { "id-257", FALSE, "{\"id\": " ID257 ", " BLOCKS "}" },
  { "id-decimal", FALSE, "{\"id\": 1.5, " BLOCKS "}" },
  { "id-minus-zero", FALSE, "{\"id\": -0, " BLOCKS "}" },
  { "id-leading-zero", FALSE, "{\"id\": 007, " BLOCKS "}" },
  { "id-exponent", FALSE, "{\"id\": 1e3, " BLOCKS "}" },
  { "id-19-digits", FALSE, "{\"id\": 1234567890123456789, " BLOCKS "}" },
  { "id-huge", FALSE, "{\"id\": 99999999999999999999, " BLOCKS "}" },
  { "id-object", FALSE, "{\"id\": {\"a\": 1}, " BLOCKS "}" },
  { "id-list", FALSE, "{\"id\": [1], " BLOCKS "}" },
  { "id-del", FALSE, "{\"id\": \"a\x7f\", " BLOCKS "}" },
  { "id-tab", FALSE, "{\"id\": \"a\tb\", " BLOCKS "}" },
  { "method-upper", FALSE, "{\"method\": \"CMS\", " BLOCKS "}" },
  { "method-number", FALSE, "{\"method\": 5, " BLOCKS "}" },
  { "method-null", FALSE, "{\"method\": null, " BLOCKS "}" },
  { "method-long-non-ascii", FALSE, "{\"method\": \"aéééééééééééééééééééééééééééééééééééééééééééééé\", " BLOCKS "}" },
  { "discipline-lower", FALSE, "{\"discipline\": \"pt\", " BLOCKS "}" },
  { "date-number", FALSE, "{\"date\": 20260314, " BLOCKS "}" },
  { "date-escape", FALSE, "{\"date\": \"2026\\u002d03-14\", " BLOCKS "}" },
  { "minutes-text", FALSE, "{\"blocks\": [{\"code\": \"97110\", \"minutes\": \"24\"}]}" },
  { "minutes-decimal", FALSE, "{\"blocks\": [{\"code\": \"97110\", \"minutes\": 24.0}]}" },
  { "minutes-negative", FALSE, "{\"blocks\": [{\"code\": \"97110\", \"minutes\": -1}]}" },
  { "minutes-1441", FALSE, "{\"blocks\": [{\"code\": \"97110\", \"minutes\": 1441}]}" },
  { "minutes-leading-zero", FALSE, "{\"blocks\": [{\"code\": \"97110\", \"minutes\": 024}]}" },
  { "minutes-hex", FALSE, "{\"blocks\": [{\"code\": \"97110\", \"minutes\": 0x18}]}" },
  { "minutes-huge", FALSE, "{\"blocks\": [{\"code\": \"97110\", \"minutes\": 99999999999999999999}]}" },
  { "minutes-wraps-round", FALSE, "{\"blocks\": [{\"code\": \"97110\", \"minutes\": -18446744073709551615}]}" },
  { "minutes-exponent", FALSE, "{\"blocks\": [{\"code\": \"97110\", \"minutes\": 2e1}]}" },
  { "minutes-spaced-minus", FALSE, "{\"blocks\": [{\"code\": \"97110\", \"minutes\": - 5}]}" },
  { "minutes-missing", FALSE, "{\"blocks\": [{\"code\": \"97110\"}]}" },
  { "code-missing", FALSE, "{\"blocks\": [{\"minutes\": 10}]}" },
  { "code-short", FALSE, "{\"blocks\": [{\"code\": \"9711\", \"minutes\": 10}]}" },
  { "code-number", FALSE, "{\"blocks\": [{\"code\": 97112, \"minutes\": 10}]}" },
  { "code-space", FALSE, "{\"blocks\": [{\"code\": \"97112 \", \"minutes\": 10}]}" },
  { "code-lowercase", FALSE, "{\"blocks\": [{\"code\": \"g0283\", \"minutes\": 10}]}" },
  { "code-long-non-ascii", FALSE, "{\"blocks\": [{\"code\": \"9ééééééééééééééééééééééééé\", \"minutes\": 10}]}" },
  { "timed-text", FALSE, "{\"blocks\": [{\"code\": \"97110\", \"minutes\": 10, \"timed\": \"true\"}]}" },
  { "timed-number", FALSE, "{\"blocks\": [{\"code\": \"97110\", \"minutes\": 10, \"timed\": 1}]}" },
  { "provider-unknown", FALSE, "{\"blocks\": [{\"code\": \"97110\", \"minutes\": 10, \"provider\": \"aide\"}]}" },
  { "duplicate-blocks", FALSE, "{\"blocks\": [], " BLOCKS "}" },
  { "duplicate-id", FALSE, "{\"id\": 1, \"id\": 2, " BLOCKS "}" },
  { "duplicate-minutes", FALSE, "{\"blocks\": [{\"code\": \"97110\", \"minutes\": 10, \"minutes\": 30}]}" },
  { "name-escape", FALSE, "{\"\\u0062locks\": [{\"code\": \"97110\", \"minutes\": 10}]}" },
  { "unknown-nested-object", FALSE, "{\"x\": {\"y\": 1}, " BLOCKS "}" },
  { "unknown-nested-list", FALSE, "{\"x\": [[1]], " BLOCKS "}" },
  { "unknown-unicode-escape", FALSE, "{\"x\": \"caf\\u00e9\", " BLOCKS "}" },
  { "unknown-bad-escape", FALSE, "{\"x\": \"\\q\", " BLOCKS "}" },
  { "unknown-hex", FALSE, "{\"x\": 0x10, " BLOCKS "}" },
  { "unknown-long-number", FALSE, "{\"x\": 12345678901234567890, " BLOCKS "}" },
  { "unknown-dot-number", FALSE, "{\"x\": .5, " BLOCKS "}" },
  { "unknown-number-dot", FALSE, "{\"x\": 1., " BLOCKS "}" },
  { "unknown-plus", FALSE, "{\"x\": +1, " BLOCKS "}" },
  { "unknown-word", FALSE, "{\"x\": TRUE, " BLOCKS "}" },
  { "blocks-not-list", FALSE, "{\"blocks\": {\"code\": \"97110\", \"minutes\": 10}}" },
  { "blocks-numbers", FALSE, "{\"blocks\": [1, 2]}" },
  { "blocks-missing", FALSE, "{\"id\": \"x\"}" },
  { "tie-preference-number", FALSE, "{\"tie_preference\": [97110], " BLOCKS "}" },
  { "tie-preference-text", FALSE, "{\"tie_preference\": \"97110\", " BLOCKS "}" },
  { "trailing-comma-list", FALSE, "{\"blocks\": [{\"code\": \"97110\", \"minutes\": 10},]}" },
  { "trailing-comma-object", FALSE, "{\"id\": 1, " BLOCKS ",}" },
  { "trailing-text", FALSE, "{" BLOCKS "} x" },
  { "two-objects", FALSE, "{" BLOCKS "}{}" },
  { "number-then-object", FALSE, "9{" BLOCKS "}" },
  { "list-then-object", FALSE, "[]{" BLOCKS "}" },
  { "single-quotes", FALSE, "{'blocks': [{'code': '97110', 'minutes': 10}]}" },
  { "comment", FALSE, "/* c */ {" BLOCKS "}" },
  { "byte-order-mark", FALSE, "\xef\xbb\xbf{" BLOCKS "}" },
  { "invalid-utf8-in-string", FALSE, "{\"id\": \"a\xc3\x28\", " BLOCKS "}" },
  { "invalid-utf8-outside", FALSE, "{\xff" BLOCKS "}" },
  { "unterminated-string", FALSE, "{\"id\": \"abc, " BLOCKS "}" },
  { "truncated", FALSE, "{\"id\": \"v1\", \"blocks\": [{\"code\": \"97112\", \"min" },
  { "not-object-list", FALSE, "[1, 2]" },
  { "not-object-text", FALSE, "\"text\"" },
  { "not-object-number", FALSE, "42" },
  { "not-object-null", FALSE, "null" },
  { "empty-object", FALSE, "{}" },
  { "deep", FALSE, "{\"x\": [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]], " BLOCKS "}" },
};

/* The full reader, as allocate --jsonl uses it for the lines the fast one leaves. */
static PtAllocRequest *
read_full (const char  *line,
           gsize        length,
           PtMethod     default_method,
           GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  JsonNode *root;

  if (!pt_json_load (parser, line, length, "line 1", error))
    return NULL;

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "not an object");
      return NULL;
    }

  return pt_alloc_request_from_json (json_node_get_object (root), default_method, error);
}

static gboolean
strv_same (const char * const *a,
           const char * const *b)
{
  static const char * const empty[] = { NULL };

  return g_strv_equal (a ? a : empty, b ? b : empty);
}

static void
assert_same_request (const PtAllocRequest *fast,
                     const PtAllocRequest *full)
{
  g_assert_cmpstr (fast->id_json, ==, full->id_json);
  g_assert_cmpint (fast->method, ==, full->method);
  g_assert_cmpint (fast->discipline, ==, full->discipline);
  g_assert_cmpstr (fast->date, ==, full->date);
  g_assert_true (strv_same ((const char * const *) fast->tie_preference,
                            (const char * const *) full->tie_preference));

  g_assert_cmpint (fast->input.method, ==, full->input.method);
  g_assert_cmpint (fast->input.tie_rule, ==, full->input.tie_rule);
  g_assert_true (strv_same (fast->input.tie_preference, full->input.tie_preference));
  g_assert_cmpuint (fast->input.n_blocks, ==, full->input.n_blocks);
  g_assert_cmpuint (fast->blocks->len, ==, full->blocks->len);

  for (guint i = 0; i < full->input.n_blocks; i++)
    {
      const PtAllocBlock *a = &fast->input.blocks[i];
      const PtAllocBlock *b = &full->input.blocks[i];

      g_assert_cmpstr (a->code, ==, b->code);
      g_assert_cmpint (a->minutes, ==, b->minutes);
      g_assert_cmpint (!a->timed, ==, !b->timed);
      g_assert_cmpint (a->provider, ==, b->provider);
    }
}

/* Reads @line both ways; returns whether the fast reader took it. */
static gboolean
compare_readers (PtJsonLine *reader,
                 const char *line,
                 gsize       length,
                 PtMethod    default_method)
{
  const PtAllocRequest *fast = pt_json_line_read (reader, line, length, default_method);
  g_autoptr(PtAllocRequest) full = NULL;
  g_autoptr(GError) error = NULL;

  full = read_full (line, length, default_method, &error);

  if (fast != NULL)
    {
      if (full == NULL)
        g_error ("the fast reader took a line the full one refuses (%s): %.*s",
                 error->message, (int) length, line);
      assert_same_request (fast, full);
    }

  return fast != NULL;
}

static void
test_line_case (gconstpointer data)
{
  const LineCase *lc = data;
  g_autoptr(PtJsonLine) reader = pt_json_line_new ();

  for (PtMethod m = PT_METHOD_CMS; m <= PT_METHOD_AMA; m++)
    g_assert_cmpint (compare_readers (reader, lc->line, strlen (lc->line), m), ==, lc->fast);
}

/* A NUL byte: the line is longer than its C string. */
static void
test_nul_byte (void)
{
  const char line[] = "{\"id\": \"a\0b\", \"blocks\": [{\"code\": \"97110\", \"minutes\": 10}]}";
  g_autoptr(PtJsonLine) reader = pt_json_line_new ();

  g_assert_false (compare_readers (reader, line, sizeof line - 1, PT_METHOD_CMS));
  g_assert_false (compare_readers (reader, line, 8, PT_METHOD_CMS));
}

/* The reader is reused: nothing of one line leaks into the next. */
static void
test_reuse (void)
{
  g_autoptr(PtJsonLine) reader = pt_json_line_new ();
  GString *big = g_string_new ("{\"id\": \"big\", \"tie_preference\": [\"97110\"], \"date\": \"2026-01-01\", "
                               "\"method\": \"ama\", \"discipline\": \"SLP\", \"blocks\": [");
  const char *small = "{\"blocks\": [{\"code\": \"97112\", \"minutes\": 9}]}";
  const PtAllocRequest *req;

  for (guint i = 0; i < 1000; i++)
    g_string_append_printf (big, "%s{\"code\": \"97110\", \"minutes\": 1, \"provider\": \"assistant\"}", i ? ", " : "");
  g_string_append (big, "]}");

  g_assert_true (compare_readers (reader, big->str, big->len, PT_METHOD_CMS));
  req = pt_json_line_read (reader, big->str, big->len, PT_METHOD_CMS);
  g_assert_cmpuint (req->input.n_blocks, ==, 1000);

  req = pt_json_line_read (reader, small, strlen (small), PT_METHOD_CMS);
  g_assert_nonnull (req);
  g_assert_null (req->id_json);
  g_assert_null (req->date);
  g_assert_cmpint (req->method, ==, PT_METHOD_CMS);
  g_assert_cmpint (req->discipline, ==, PT_DISCIPLINE_PT);
  g_assert_null (req->input.tie_preference[0]);
  g_assert_cmpuint (req->input.n_blocks, ==, 1);
  g_assert_cmpint (req->input.blocks[0].provider, ==, PT_PROVIDER_THERAPIST);
  g_assert_true (req->input.blocks[0].timed);

  /* a line it leaves, then a good one again */
  g_assert_null (pt_json_line_read (reader, "{\"id\": 1", 8, PT_METHOD_CMS));
  g_assert_true (compare_readers (reader, small, strlen (small), PT_METHOD_AMA));

  g_string_free (big, TRUE);
}

/* Nasty bytes to put into good lines. */
static const char mutation_bytes[] = "\"\\{}[],: 09-.exu\t\x7f\x80\xc3\xa9tfn";

static GPtrArray *
make_mutations (void)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GRand) rand = g_rand_new_with_seed (97112);
  guint n_seeds = 0;
  const char *seeds[G_N_ELEMENTS (line_cases)];

  for (guint i = 0; i < G_N_ELEMENTS (line_cases); i++)
    if (line_cases[i].fast)
      seeds[n_seeds++] = line_cases[i].line;

  for (guint i = 0; i < 4000; i++)
    {
      GString *s = g_string_new (seeds[g_rand_int_range (rand, 0, n_seeds)]);
      guint edits = g_rand_int_range (rand, 1, 4);

      for (guint e = 0; e < edits && s->len > 0; e++)
        {
          gsize at = g_rand_int_range (rand, 0, s->len);
          char byte = mutation_bytes[g_rand_int_range (rand, 0, sizeof mutation_bytes - 1)];

          switch (g_rand_int_range (rand, 0, 4))
            {
            case 0:
              g_string_erase (s, at, 1);
              break;
            case 1:
              g_string_insert_c (s, at, byte);
              break;
            case 2:
              s->str[at] = byte;
              break;
            default:
              g_string_truncate (s, at);
            }
        }
      g_ptr_array_add (lines, g_string_free (s, FALSE));
    }

  return lines;
}

/* Thousands of broken variants of good lines: whatever the fast reader takes
 * the full one takes the same way. */
static void
test_mutations (void)
{
  g_autoptr(GPtrArray) lines = make_mutations ();
  g_autoptr(PtJsonLine) reader = pt_json_line_new ();
  guint fast = 0;

  for (guint i = 0; i < lines->len; i++)
    {
      const char *line = lines->pdata[i];

      fast += compare_readers (reader, line, strlen (line), i % 2 ? PT_METHOD_AMA : PT_METHOD_CMS);
    }

  g_test_message ("%u of %u mutated lines read by the fast reader", fast, lines->len);
  /* both kinds are exercised */
  g_assert_cmpuint (fast, >, lines->len / 40);
  g_assert_cmpuint (fast, <, lines->len);
}

static char *
run_cli_bytes (const char * const *argv,
               gsize              *length)
{
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) out = NULL;
  g_autoptr(GPtrArray) args = g_ptr_array_new ();

  g_ptr_array_add (args, (gpointer) g_getenv ("PT_CLI"));
  for (guint i = 0; argv[i]; i++)
    g_ptr_array_add (args, (gpointer) argv[i]);
  g_ptr_array_add (args, NULL);

  proc = g_subprocess_newv ((const char * const *) args->pdata, G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate (proc, NULL, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (proc));
  g_assert_cmpint (g_subprocess_get_exit_status (proc), ==, 0);

  return g_bytes_unref_to_data (g_steal_pointer (&out), length);
}

static guint
count_lines (const char *data,
             gsize       length)
{
  guint n = 0;

  for (gsize i = 0; i < length; i++)
    n += data[i] == '\n';

  return n;
}

/* The CLI with and without the fast reader: the same bytes out. */
static void
check_cli_same (GPtrArray  *lines,
                const char *method)
{
  g_autoptr(GString) input = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *fast = NULL;
  g_autofree char *full = NULL;
  const char *fast_args[] = { "allocate", "--method", method, "--jsonl", NULL, NULL };
  const char *full_args[] = { "allocate", "--method", method, "--full-reader", "--jsonl", NULL, NULL };
  gsize fast_len, full_len;
  guint expected = 0;
  int fd;

  for (guint i = 0; i < lines->len; i++)
    {
      const char *line = lines->pdata[i];
      gsize len = strlen (line);

      /* a line break would split it */
      g_assert_null (strchr (line, '\n'));
      g_string_append (input, line);
      g_string_append_c (input, '\n');

      /* as the CLI does: line breaks off the end, then blank lines give nothing */
      while (len > 0 && line[len - 1] == '\r')
        len--;
      expected += len > 0 && strspn (line, " \t") < len;
    }

  fd = g_file_open_tmp ("pt-json-line-XXXXXX", &path, &error);
  g_assert_no_error (error);
  g_close (fd, NULL);
  g_file_set_contents (path, input->str, input->len, &error);
  g_assert_no_error (error);

  fast_args[4] = path;
  full_args[5] = path;
  fast = run_cli_bytes (fast_args, &fast_len);
  full = run_cli_bytes (full_args, &full_len);
  g_unlink (path);

  if (fast_len != full_len || memcmp (fast, full, fast_len) != 0)
    {
      g_auto(GStrv) a = g_strsplit (fast, "\n", -1);
      g_auto(GStrv) b = g_strsplit (full, "\n", -1);

      for (guint i = 0; a[i] && b[i]; i++)
        if (strcmp (a[i], b[i]) != 0)
          g_error ("line %u differs:\nfast: %s\nfull: %s", i + 1, a[i], b[i]);
      g_error ("the outputs differ in length");
    }

  if (!g_utf8_validate (fast, fast_len, NULL))
    {
      g_auto(GStrv) out = g_strsplit (fast, "\n", -1);

      for (guint i = 0; out[i]; i++)
        if (!g_utf8_validate (out[i], -1, NULL))
          {
            g_autofree char *escaped = g_strescape (out[i], NULL);

            g_error ("output line %u is not valid UTF-8: %s", i + 1, escaped);
          }
    }
  g_assert_cmpuint (count_lines (fast, fast_len), ==, expected);
}

static GPtrArray *
case_lines (void)
{
  GPtrArray *lines = g_ptr_array_new ();

  for (guint i = 0; i < G_N_ELEMENTS (line_cases); i++)
    g_ptr_array_add (lines, (gpointer) line_cases[i].line);

  return lines;
}

static void
test_cli_cases (void)
{
  g_autoptr(GPtrArray) lines = case_lines ();

  check_cli_same (lines, "cms");
  check_cli_same (lines, "ama");
}

static void
test_cli_mutations (void)
{
  g_autoptr(GPtrArray) lines = make_mutations ();

  check_cli_same (lines, "cms");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (line_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/model/json-line/%s/%s",
                                               line_cases[i].fast ? "fast" : "full",
                                               line_cases[i].name);

      g_test_add_data_func (path, &line_cases[i], test_line_case);
    }
  g_test_add_func ("/model/json-line/nul-byte", test_nul_byte);
  g_test_add_func ("/model/json-line/reuse", test_reuse);
  g_test_add_func ("/model/json-line/mutations", test_mutations);
  g_test_add_func ("/model/json-line/cli-cases", test_cli_cases);
  g_test_add_func ("/model/json-line/cli-mutations", test_cli_mutations);

  return g_test_run ();
}
