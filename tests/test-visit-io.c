/* test-visit-io.c: visit files: round trips, defaults, malformed files and safe saving */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>

#include "pt-format-error.h"
#include "pt-test-utils.h"
#include "pt-visit-io.h"

/* Every member of the visit format, none at its default. */
static const char full_visit[] =
  "{\n"
  "  \"format\": 1,\n"
  "  \"kind\": \"visit\",\n"
  "  \"title\": \"Balance after a fall\",\n"
  "  \"date\": \"2026-03-14\",\n"
  "  \"payer\": \"Acme Health\",\n"
  "  \"method\": \"ama\",\n"
  "  \"discipline\": \"OT\",\n"
  "  \"diagnosis\": \"Unsteady gait, two falls this winter\",\n"
  "  \"diagnosis_category\": \"vestibular\",\n"
  "  \"tie_preference\": [\"97110\", \"97112\"],\n"
  "  \"blocks\": [\n"
  "    {\n"
  "      \"code\": \"97112\",\n"
  "      \"minutes\": 24,\n"
  "      \"timed\": true,\n"
  "      \"provider\": \"together\",\n"
  "      \"one_on_one\": false,\n"
  "      \"deficit\": \"Sways past midline with eyes closed\",\n"
  "      \"intervention\": \"Tandem stance on foam with head turns\",\n"
  "      \"skilled\": [\"tactile-cues\", \"safety-guarding\", \"feedback\"],\n"
  "      \"objective\": \"Sway: 4 corrections in 30 s\",\n"
  "      \"goal\": \"Walk to the mailbox without a cane\",\n"
  "      \"response\": \"Two corrections by the end\",\n"
  "      \"plan\": \"Add a dual task next time\",\n"
  "      \"rationale\": \"Sensory reweighting, not strength\"\n"
  "    },\n"
  "    {\n"
  "      \"code\": \"G0283\",\n"
  "      \"minutes\": 15,\n"
  "      \"timed\": false,\n"
  "      \"provider\": \"assistant\",\n"
  "      \"one_on_one\": true,\n"
  "      \"deficit\": \"\",\n"
  "      \"intervention\": \"Unattended stimulation\",\n"
  "      \"skilled\": [],\n"
  "      \"objective\": \"\",\n"
  "      \"goal\": \"\",\n"
  "      \"response\": \"Tolerated\",\n"
  "      \"plan\": \"\",\n"
  "      \"rationale\": \"\"\n"
  "    }\n"
  "  ]\n"
  "}\n";

static void
assert_full_visit (PtVisit *visit)
{
  const char * const prefer[] = { "97110", "97112", NULL };
  const char * const skilled[] = { "tactile-cues", "safety-guarding", "feedback", NULL };
  PtBlock *a, *b;

  g_assert_cmpstr (pt_visit_get_title (visit), ==, "Balance after a fall");
  g_assert_cmpstr (pt_visit_get_date (visit), ==, "2026-03-14");
  g_assert_cmpstr (pt_visit_get_payer (visit), ==, "Acme Health");
  g_assert_cmpint (pt_visit_get_method (visit), ==, PT_METHOD_AMA);
  g_assert_cmpint (pt_visit_get_discipline (visit), ==, PT_DISCIPLINE_OT);
  g_assert_cmpstr (pt_visit_get_diagnosis (visit), ==, "Unsteady gait, two falls this winter");
  g_assert_cmpint (pt_visit_get_diagnosis_category (visit), ==, PT_DIAGNOSIS_VESTIBULAR);
  g_assert_true (g_strv_equal (pt_visit_get_tie_preference (visit), prefer));
  g_assert_cmpuint (pt_visit_get_n_blocks (visit), ==, 2);

  a = pt_visit_get_block (visit, 0);
  g_assert_cmpstr (pt_block_get_code (a), ==, "97112");
  g_assert_cmpint (pt_block_get_minutes (a), ==, 24);
  g_assert_true (pt_block_get_timed_set (a));
  g_assert_true (pt_block_get_timed (a));
  g_assert_cmpint (pt_block_get_provider (a), ==, PT_PROVIDER_TOGETHER);
  g_assert_false (pt_block_get_one_on_one (a));
  g_assert_true (g_strv_equal (pt_block_get_skilled (a), skilled));
  g_assert_cmpstr (pt_block_get_text (a, PT_BLOCK_DEFICIT), ==, "Sways past midline with eyes closed");
  g_assert_cmpstr (pt_block_get_text (a, PT_BLOCK_INTERVENTION), ==, "Tandem stance on foam with head turns");
  g_assert_cmpstr (pt_block_get_text (a, PT_BLOCK_OBJECTIVE), ==, "Sway: 4 corrections in 30 s");
  g_assert_cmpstr (pt_block_get_text (a, PT_BLOCK_GOAL), ==, "Walk to the mailbox without a cane");
  g_assert_cmpstr (pt_block_get_text (a, PT_BLOCK_RESPONSE), ==, "Two corrections by the end");
  g_assert_cmpstr (pt_block_get_text (a, PT_BLOCK_PLAN), ==, "Add a dual task next time");
  g_assert_cmpstr (pt_block_get_text (a, PT_BLOCK_RATIONALE), ==, "Sensory reweighting, not strength");

  b = pt_visit_get_block (visit, 1);
  g_assert_cmpstr (pt_block_get_code (b), ==, "G0283");
  g_assert_cmpint (pt_block_get_minutes (b), ==, 15);
  g_assert_true (pt_block_get_timed_set (b));
  g_assert_false (pt_block_get_timed (b));
  g_assert_cmpint (pt_block_get_provider (b), ==, PT_PROVIDER_ASSISTANT);
  g_assert_true (pt_block_get_one_on_one (b));
  g_assert_cmpuint (g_strv_length ((char **) pt_block_get_skilled (b)), ==, 0);
  g_assert_cmpstr (pt_block_get_text (b, PT_BLOCK_INTERVENTION), ==, "Unattended stimulation");
  g_assert_cmpstr (pt_block_get_text (b, PT_BLOCK_RESPONSE), ==, "Tolerated");
  g_assert_cmpstr (pt_block_get_text (b, PT_BLOCK_GOAL), ==, "");
}

/* Loaded, written, loaded again: the same visit, and the same text twice. */
static void
test_round_trip (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PtVisit) visit = pt_visit_load_from_data (full_visit, -1, &error);
  g_autoptr(PtVisit) again = NULL;
  g_autoptr(PtVisit) third = NULL;
  g_autofree char *data = NULL;
  g_autofree char *data2 = NULL;
  gsize len, len2;

  g_assert_no_error (error);
  assert_full_visit (visit);

  data = pt_visit_to_data (visit, &len);
  g_assert_cmpuint (strlen (data), ==, len);
  again = pt_visit_load_from_data (data, len, &error);
  g_assert_no_error (error);
  assert_full_visit (again);

  data2 = pt_visit_to_data (again, &len2);
  g_assert_cmpstr (data, ==, data2);

  /* a block whose timed was never set writes none, and stays unset */
  pt_block_unset_timed (pt_visit_get_block (again, 0));
  g_clear_pointer (&data2, g_free);
  data2 = pt_visit_to_data (again, &len2);
  third = pt_visit_load_from_data (data2, len2, &error);
  g_assert_no_error (error);
  g_assert_false (pt_block_get_timed_set (pt_visit_get_block (third, 0)));
  g_assert_true (pt_block_get_timed_set (pt_visit_get_block (third, 1)));
}

/* Non-ASCII text, quotes, backslashes and line breaks survive. */
static void
test_round_trip_text (void)
{
  g_autoptr(PtVisit) visit = pt_visit_new ();
  g_autoptr(PtBlock) block = pt_block_new ("97112", 30);
  g_autoptr(PtVisit) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  const char *text = "Équilibre «unipodal» 5\" \\ tab\there\nline two ✓";
  gsize len;

  pt_visit_set_title (visit, text);
  pt_block_set_text (block, PT_BLOCK_PLAN, text);
  pt_visit_append_block (visit, block);

  data = pt_visit_to_data (visit, &len);
  back = pt_visit_load_from_data (data, len, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pt_visit_get_title (back), ==, text);
  g_assert_cmpstr (pt_block_get_text (pt_visit_get_block (back, 0), PT_BLOCK_PLAN), ==, text);
}

static void
test_unknown_members (void)
{
  const char *data =
    "{\"format\": 1, \"kind\": \"visit\", \"colour\": \"blue\",\n"
    " \"history\": {\"edits\": [1, 2, {\"deep\": null}]},\n"
    " \"blocks\": [{\"code\": \"97110\", \"minutes\": 23, \"device\": [\"band\"], \"pain\": 3.5}]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(PtVisit) visit = pt_visit_load_from_data (data, -1, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (pt_visit_get_n_blocks (visit), ==, 1);
  g_assert_cmpstr (pt_block_get_code (pt_visit_get_block (visit, 0)), ==, "97110");
  g_assert_cmpint (pt_block_get_minutes (pt_visit_get_block (visit, 0)), ==, 23);
}

static void
test_defaults (void)
{
  const char *data =
    "{\"format\": 1, \"kind\": \"visit\", \"blocks\": [{\"code\": \"97150\", \"minutes\": 40}]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(PtVisit) visit = pt_visit_load_from_data (data, -1, &error);
  PtBlock *block;

  g_assert_no_error (error);
  g_assert_cmpstr (pt_visit_get_title (visit), ==, "");
  g_assert_cmpstr (pt_visit_get_date (visit), ==, "");
  g_assert_cmpstr (pt_visit_get_payer (visit), ==, "");
  g_assert_cmpint (pt_visit_get_method (visit), ==, PT_METHOD_CMS);
  g_assert_cmpint (pt_visit_get_discipline (visit), ==, PT_DISCIPLINE_PT);
  g_assert_cmpstr (pt_visit_get_diagnosis (visit), ==, "");
  g_assert_cmpint (pt_visit_get_diagnosis_category (visit), ==, PT_DIAGNOSIS_UNSET);
  g_assert_cmpuint (g_strv_length ((char **) pt_visit_get_tie_preference (visit)), ==, 0);

  block = pt_visit_get_block (visit, 0);
  g_assert_false (pt_block_get_timed_set (block));
  g_assert_false (pt_block_get_timed (block)); /* 97150, group therapy, is untimed */
  g_assert_cmpint (pt_block_get_provider (block), ==, PT_PROVIDER_THERAPIST);
  g_assert_true (pt_block_get_one_on_one (block));
  g_assert_cmpuint (g_strv_length ((char **) pt_block_get_skilled (block)), ==, 0);
  for (guint f = 0; f < PT_BLOCK_N_TEXT_FIELDS; f++)
    g_assert_cmpstr (pt_block_get_text (block, f), ==, "");
}

/* An empty list of blocks is a visit being written, not an error. */
static void
test_no_blocks (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PtVisit) visit = pt_visit_load_from_data ("{\"format\": 1, \"kind\": \"visit\", \"blocks\": []}",
                                                      -1, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (pt_visit_get_n_blocks (visit), ==, 0);
}

static void
test_newer_format (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PtVisit) visit = pt_visit_load_from_data ("{\"format\": 3, \"kind\": \"visit\", \"blocks\": []}",
                                                      -1, &error);

  g_assert_null (visit);
  g_assert_error (error, PT_FORMAT_ERROR, PT_FORMAT_ERROR_NEWER_FORMAT);
  g_assert_nonnull (strstr (error->message, "format 3"));
  g_assert_nonnull (strstr (error->message, "newer version"));
  g_assert_nonnull (strstr (error->message, "reads format 1"));
}

/* A malformed file: the error, the path its message starts with (NULL when
 * the file is not JSON at all) and a piece of the message. */
typedef struct {
  const char *name;
  gint        code;
  const char *path;
  const char *fragment;
} BadCase;

static const BadCase bad_cases[] = {
  { "truncated", PT_FORMAT_ERROR_PARSE, NULL, "The visit file is not valid JSON" },
  { "empty", PT_FORMAT_ERROR_PARSE, NULL, "The visit file is empty" },
  { "invalid-utf8", PT_FORMAT_ERROR_PARSE, NULL, "not valid UTF-8" },
  { "nul-byte", PT_FORMAT_ERROR_PARSE, NULL, "NUL byte" },
  { "deep-nesting", PT_FORMAT_ERROR_PARSE, NULL, "more than 64 levels deep" },
  { "minutes-hex", PT_FORMAT_ERROR_PARSE, NULL, "“0x18”, which is not a JSON number" },
  { "two-values", PT_FORMAT_ERROR_PARSE, NULL, "more text after its JSON value" },
  { "bare-number", PT_FORMAT_ERROR_PARSE, NULL, "must start with an object or a list" },
  { "not-object", PT_FORMAT_ERROR_TYPE, "the file", "expected an object, found a list" },
  { "wrong-kind", PT_FORMAT_ERROR_KIND, "kind", "not a visit file" },
  { "kind-missing", PT_FORMAT_ERROR_MISSING, "kind", "missing" },
  { "format-missing", PT_FORMAT_ERROR_MISSING, "format", "missing" },
  { "format-2", PT_FORMAT_ERROR_NEWER_FORMAT, "format", "newer version" },
  { "format-text", PT_FORMAT_ERROR_TYPE, "format", "expected a whole number from 1 to 1" },
  { "blocks-missing", PT_FORMAT_ERROR_MISSING, "blocks", "missing" },
  { "blocks-not-list", PT_FORMAT_ERROR_TYPE, "blocks", "expected a list, found an object" },
  { "block-not-object", PT_FORMAT_ERROR_TYPE, "blocks[1]", "expected an object, found text" },
  { "block-null", PT_FORMAT_ERROR_TYPE, "blocks[0]", "expected an object, found null" },
  { "code-missing", PT_FORMAT_ERROR_MISSING, "blocks[0].code", "missing" },
  { "code-number", PT_FORMAT_ERROR_TYPE, "blocks[0].code", "expected text, found a whole number" },
  { "code-bad-shape", PT_FORMAT_ERROR_VALUE, "blocks[1].code", "found “9711”" },
  { "code-lowercase", PT_FORMAT_ERROR_VALUE, "blocks[1].code", "found “g0283”" },
  { "minutes-missing", PT_FORMAT_ERROR_MISSING, "blocks[2].minutes", "missing" },
  { "minutes-string", PT_FORMAT_ERROR_TYPE, "blocks[2].minutes", "whole number from 0 to 1440" },
  { "minutes-decimal", PT_FORMAT_ERROR_TYPE, "blocks[2].minutes", "whole number from 0 to 1440" },
  { "minutes-negative", PT_FORMAT_ERROR_VALUE, "blocks[2].minutes", "whole number from 0 to 1440" },
  { "minutes-1441", PT_FORMAT_ERROR_VALUE, "blocks[0].minutes", "whole number from 0 to 1440" },
  { "minutes-1e30", PT_FORMAT_ERROR_TYPE, "blocks[1].minutes", "whole number from 0 to 1440" },
  { "minutes-huge", PT_FORMAT_ERROR_TYPE, "blocks[1].minutes", "whole number from 0 to 1440" },
  { "minutes-wraps-round", PT_FORMAT_ERROR_TYPE, "blocks[0].minutes", "whole number from 0 to 1440" },
  { "total-over-1440", PT_FORMAT_ERROR_VALUE, "blocks[2].minutes", "more than 1440 minutes" },
  { "timed-not-boolean", PT_FORMAT_ERROR_TYPE, "blocks[0].timed", "expected true or false, found text" },
  { "provider-unknown", PT_FORMAT_ERROR_VALUE, "blocks[1].provider", "found “aide”" },
  { "one-on-one-text", PT_FORMAT_ERROR_TYPE, "blocks[0].one_on_one", "expected true or false" },
  { "skilled-unknown", PT_FORMAT_ERROR_VALUE, "blocks[0].skilled[1]", "“pep-talk” is not a skilled component" },
  { "skilled-not-list", PT_FORMAT_ERROR_TYPE, "blocks[0].skilled", "expected a list, found text" },
  { "skilled-number", PT_FORMAT_ERROR_TYPE, "blocks[0].skilled[0]", "expected text" },
  { "text-field-null", PT_FORMAT_ERROR_TYPE, "blocks[0].goal", "expected text, found null" },
  { "long-string", PT_FORMAT_ERROR_VALUE, "blocks[0].deficit", "longer than 64 KiB" },
  { "date-malformed", PT_FORMAT_ERROR_VALUE, "date", "found “2026-3-14”" },
  { "date-impossible", PT_FORMAT_ERROR_VALUE, "date", "found “2026-02-30”" },
  { "date-signed", PT_FORMAT_ERROR_VALUE, "date", "found “2026-+3-14”" },
  { "tie-preference-bad-code", PT_FORMAT_ERROR_VALUE, "tie_preference[1]", "found “gait”" },
  { "tie-preference-not-list", PT_FORMAT_ERROR_TYPE, "tie_preference", "expected a list" },
  { "method-unknown", PT_FORMAT_ERROR_VALUE, "method", "found “medicaid”" },
  { "discipline-lowercase", PT_FORMAT_ERROR_VALUE, "discipline", "found “pt”" },
  { "diagnosis-category-unknown", PT_FORMAT_ERROR_VALUE, "diagnosis_category", "found “cardiac”" },
  { "title-number", PT_FORMAT_ERROR_TYPE, "title", "expected text, found a whole number" },
};

static char *
bad_path (const char *name)
{
  g_autofree char *base = g_strdup_printf ("visit-%s.json", name);

  return g_test_build_filename (G_TEST_DIST, "data", "bad", base, NULL);
}

static void
test_bad_file (gconstpointer data)
{
  const BadCase *bc = data;
  g_autofree char *path = bad_path (bc->name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(PtVisit) visit = pt_visit_load_from_file (file, &error);

  g_assert_null (visit);
  g_assert_error (error, PT_FORMAT_ERROR, bc->code);
  g_test_message ("%s: %s", bc->name, error->message);

  if (bc->path != NULL)
    {
      g_autofree char *prefix = g_strconcat (bc->path, ": ", NULL);

      if (!g_str_has_prefix (error->message, prefix))
        g_error ("“%s” does not start with “%s”", error->message, prefix);
    }
  if (strstr (error->message, bc->fragment) == NULL)
    g_error ("“%s” does not say “%s”", error->message, bc->fragment);

  /* a message a person can read: one line, not a wall of text */
  g_assert_null (strchr (error->message, '\n'));
  g_assert_cmpuint (strlen (error->message), <, 400);
}

/* Every file in tests/data/bad/visit-* has its case above, so none is
 * added without saying what it must give. */
static void
test_bad_files_listed (void)
{
  g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "data", "bad", NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *entry;
  guint n = 0;

  g_assert_nonnull (dir);
  while ((entry = g_dir_read_name (dir)) != NULL)
    {
      gboolean found = FALSE;

      if (!g_str_has_prefix (entry, "visit-"))
        continue;

      n++;
      for (guint i = 0; i < G_N_ELEMENTS (bad_cases) && !found; i++)
        {
          g_autofree char *name = g_strdup_printf ("visit-%s.json", bad_cases[i].name);

          found = strcmp (name, entry) == 0;
        }
      if (!found)
        g_error ("tests/data/bad/%s has no case in test-visit-io.c", entry);
    }

  g_assert_cmpuint (n, ==, G_N_ELEMENTS (bad_cases));
  g_assert_cmpuint (n, >=, 25);
}

static char *
make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("pt-visit-io-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static guint
count_entries (const char *dir_path)
{
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  guint n = 0;

  while (g_dir_read_name (dir) != NULL)
    n++;

  return n;
}

static void
remove_dir (const char *dir_path)
{
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *entry;

  while ((entry = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, entry, NULL);

      g_unlink (path);
    }
  g_rmdir (dir_path);
}

static PtVisit *
make_visit (guint n_blocks)
{
  PtVisit *visit = pt_visit_new ();

  pt_visit_set_title (visit, "Saved visit");
  for (guint i = 0; i < n_blocks; i++)
    {
      g_autoptr(PtBlock) block = pt_block_new ("97112", 10 + i);

      pt_block_set_text (block, PT_BLOCK_DEFICIT, "Loses balance reaching for the shelf");
      pt_visit_append_block (visit, block);
    }

  return visit;
}

/* Saving writes a private file (0600), replaces an existing one whole, even
 * a longer one or one that others could read, and leaves no temporary file. */
static void
test_save (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "visit.ptvisit.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(PtVisit) big = make_visit (12);
  g_autoptr(PtVisit) small = make_visit (1);
  g_autoptr(PtVisit) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *contents = NULL;
  GStatBuf st;
  gsize len;

  g_assert_true (pt_visit_save_to_file (big, file, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* someone made it readable to all; the next save makes it private again */
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);
  g_assert_true (pt_visit_save_to_file (small, file, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* exactly the new text: nothing of the longer old file is left over */
  expected = pt_visit_to_data (small, NULL);
  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  g_assert_cmpstr (contents, ==, expected);
  g_assert_cmpuint (len, ==, strlen (expected));

  back = pt_visit_load_from_file (file, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pt_visit_get_n_blocks (back), ==, 1);
  g_assert_cmpint (count_entries (dir), ==, 1);

  remove_dir (dir);
}

/* When the write fails half way (here the file size limit stops it), the old
 * file is still there, whole, and no temporary file is left. */
static void
test_save_failure_keeps_old (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "visit.ptvisit.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(PtVisit) small = make_visit (1);
  g_autoptr(PtVisit) big = make_visit (40);
  g_autoptr(GError) error = NULL;
  g_autofree char *old = NULL;
  g_autofree char *contents = NULL;
  struct rlimit saved, limit;
  void (*handler) (int);
  gboolean ok;
  gsize old_len;

  g_assert_true (pt_visit_save_to_file (small, file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &old, &old_len, NULL));

  /* only the soft limit moves, so it can be put back */
  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  limit = saved;
  limit.rlim_cur = old_len + 64;
  handler = signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);

  ok = pt_visit_save_to_file (big, file, &error);

  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  signal (SIGXFSZ, handler);

  g_assert_false (ok);
  g_assert_nonnull (error);
  g_test_message ("the save failed: %s", error->message);

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, old);
  g_assert_cmpint (count_entries (dir), ==, 1);

  remove_dir (dir);
}

static void
test_save_not_local (void)
{
  g_autoptr(GFile) file = g_file_new_for_uri ("sftp://example.org/visits/a.ptvisit.json");
  g_autoptr(PtVisit) visit = make_visit (1);
  g_autoptr(GError) error = NULL;

  g_assert_null (g_file_peek_path (file));
  g_assert_false (pt_visit_save_to_file (visit, file, &error));
  g_assert_error (error, PT_FORMAT_ERROR, PT_FORMAT_ERROR_NOT_LOCAL);
  g_assert_nonnull (strstr (error->message, "sftp://example.org/visits/a.ptvisit.json"));
}

static void
test_save_missing_folder (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "no-such-folder", "a.ptvisit.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(PtVisit) visit = make_visit (1);
  g_autoptr(GError) error = NULL;

  g_assert_false (pt_visit_save_to_file (visit, file, &error));
  g_assert_nonnull (error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  remove_dir (dir);
}

/* Files that are not visit files at all: refused before they are read. */
static void
test_load_not_a_file (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *missing = g_build_filename (dir, "missing.ptvisit.json", NULL);
  g_autofree char *large = g_build_filename (dir, "large.ptvisit.json", NULL);
  const struct { const char *path; GQuark domain; gint code; } cases[] = {
    { missing, G_IO_ERROR, G_IO_ERROR_NOT_FOUND },
    { dir, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY },
    { "/dev/zero", G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE },
    { large, PT_FORMAT_ERROR, PT_FORMAT_ERROR_TOO_LARGE },
  };
  FILE *f;

  /* a sparse file one byte over the limit */
  f = fopen (large, "w");
  g_assert_nonnull (f);
  g_assert_cmpint (fseek (f, PT_VISIT_MAX_FILE_SIZE, SEEK_SET), ==, 0);
  g_assert_cmpint (fputc ('\n', f), ==, '\n');
  fclose (f);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (cases[i].path);
      g_autoptr(GError) error = NULL;
      g_autoptr(PtVisit) visit = pt_visit_load_from_file (file, &error);

      g_test_message ("%s: %s", cases[i].path, error ? error->message : "(loaded)");
      g_assert_null (visit);
      g_assert_error (error, cases[i].domain, cases[i].code);
    }

  remove_dir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/visit-io/round-trip", test_round_trip);
  g_test_add_func ("/model/visit-io/round-trip-text", test_round_trip_text);
  g_test_add_func ("/model/visit-io/unknown-members", test_unknown_members);
  g_test_add_func ("/model/visit-io/defaults", test_defaults);
  g_test_add_func ("/model/visit-io/no-blocks", test_no_blocks);
  g_test_add_func ("/model/visit-io/newer-format", test_newer_format);
  g_test_add_func ("/model/visit-io/bad-files-listed", test_bad_files_listed);
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/model/visit-io/bad/%s", bad_cases[i].name);

      g_test_add_data_func (path, &bad_cases[i], test_bad_file);
    }
  g_test_add_func ("/model/visit-io/save", test_save);
  g_test_add_func ("/model/visit-io/save-failure-keeps-old", test_save_failure_keeps_old);
  g_test_add_func ("/model/visit-io/save-not-local", test_save_not_local);
  g_test_add_func ("/model/visit-io/save-missing-folder", test_save_missing_folder);
  g_test_add_func ("/model/visit-io/load-not-a-file", test_load_not_a_file);

  return g_test_run ();
}
