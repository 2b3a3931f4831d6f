/* test-hostile.c: malformed and hostile input for every reader of outside files
 *
 * Each file of tests/data/bad/ goes to its reader (visit, scenario library,
 * code catalogue, word lists or CSV). A case passes when the reader refuses
 * it with an error that names what is wrong (the member's path or the
 * fault), does not crash, and leaves the file exactly as it was. The visit
 * files have their exact messages in test-visit-io.c; here each of them is
 * a smoke pass. Huge files (100 MB) are made in a temporary folder: the
 * visit and library readers must refuse them by size without reading them,
 * and the CSV reader must stream one with flat memory.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "pt-code-catalog.h"
#include "pt-csv-reader.h"
#include "pt-doc-lexicon.h"
#include "pt-format-error.h"
#include "pt-scenario-library.h"
#include "pt-test-utils.h"
#include "pt-visit-io.h"

typedef enum {
  READER_VISIT,
  READER_LIBRARY,
  READER_CATALOG,
  READER_LEXICON,
  READER_CSV,
} Reader;

typedef struct {
  const char *file;   /* under tests/data/bad/ */
  Reader      reader;
  const char *expect; /* a part of the message: the member's path or the fault */
} BadCase;

static const BadCase bad_cases[] = {
  /* The scenario library */
  { "library-truncated.json", READER_LIBRARY, "is not valid JSON" },
  { "library-format-2.json", READER_LIBRARY, "format: this scenario library was saved in format 2" },
  { "library-format-text.json", READER_LIBRARY, "format: expected a whole number" },
  { "library-wrong-kind.json", READER_LIBRARY, "kind: expected “scenario-library”, found “visit”" },
  { "library-scenarios-missing.json", READER_LIBRARY, "scenarios: missing" },
  { "library-scenarios-object.json", READER_LIBRARY, "scenarios: expected a list, found an object" },
  { "library-scenario-not-object.json", READER_LIBRARY, "scenarios[1]: expected an object, found text" },
  { "library-id-bad.json", READER_LIBRARY, "scenarios[0].id: expected 1 to" },
  { "library-id-duplicate.json", READER_LIBRARY, "scenarios[1].id: “bad-0” is already the id" },
  { "library-title-blank.json", READER_LIBRARY, "scenarios[0].title: the title is empty" },
  { "library-visit-missing.json", READER_LIBRARY, "scenarios[1].visit: missing" },
  { "library-visit-minutes-negative.json", READER_LIBRARY,
    "scenarios[0].visit.blocks[1].minutes: expected a whole number from 0 to 1440" },
  { "library-visit-text-huge-minutes.json", READER_LIBRARY,
    "scenarios[0].visit.blocks[0].minutes: expected a whole number" },
  { "library-expected-huge.json", READER_LIBRARY, "scenarios[0].expected.cms.97112: expected a whole number" },
  { "library-expected-bad-code.json", READER_LIBRARY, "scenarios[0].expected.cms: “9711” is not a code" },
  { "library-modifier-unknown.json", READER_LIBRARY,
    "scenarios[0].expected_modifiers.cms.97110.modifier: expected “CQ” or “CO”, found “XY”" },
  { "library-deep-nesting.json", READER_LIBRARY, "more than 64 levels deep" },
  { "library-invalid-utf8.json", READER_LIBRARY, "is not valid UTF-8" },
  { "library-nul-byte.json", READER_LIBRARY, "NUL byte" },
  { "library-long-string.json", READER_LIBRARY, "scenarios[0].summary: text longer than 64 KiB" },
  { "library-tags-number.json", READER_LIBRARY, "scenarios[0].tags[1]: expected text, found a whole number" },
  { "library-empty.json", READER_LIBRARY, "The scenario library is empty" },
  { "library-lone-surrogate.json", READER_LIBRARY, "has \\ud800 in text, half of a UTF-16 pair" },

  /* The code catalogue */
  { "catalog-truncated.json", READER_CATALOG, "is not valid JSON" },
  { "catalog-format-2.json", READER_CATALOG, "format: this code catalogue is in format 2" },
  { "catalog-wrong-kind.json", READER_CATALOG, "kind: expected “code-catalog”, found “scenario-library”" },
  { "catalog-codes-missing.json", READER_CATALOG, "codes: missing" },
  { "catalog-code-duplicate.json", READER_CATALOG, "codes[1].code: “97112” is listed twice" },
  { "catalog-timed-text.json", READER_CATALOG, "codes[0].timed: expected true or false, found text" },
  { "catalog-unit-basis-unknown.json", READER_CATALOG, "codes[1].unit_basis: expected one of" },
  { "catalog-kx-year-huge.json", READER_CATALOG, "kx_thresholds[0].year: expected a whole number from 1990 to 2200" },
  { "catalog-amount-negative.json", READER_CATALOG, "kx_thresholds[0].amount_ot: expected a whole number from 0" },
  { "catalog-pair-three-codes.json", READER_CATALOG, "ncci_pairs[0].codes: expected two codes, found 3" },
  { "catalog-ccmi-5.json", READER_CATALOG, "ncci_pairs[0].ccmi: expected 0, 1, 9 or null, found 5" },
  { "catalog-modifier-lowercase.json", READER_CATALOG, "modifiers[0].code: expected a modifier" },
  { "catalog-nul-byte.json", READER_CATALOG, "NUL byte" },
  { "catalog-title-blank.json", READER_CATALOG, "codes[0].title: must not be empty" },
  { "catalog-deep-nesting.json", READER_CATALOG, "more than 64 levels deep" },
  { "catalog-not-object.json", READER_CATALOG, "expected an object, found a list" },

  /* The documentation checks' word lists */
  { "lexicon-truncated.json", READER_LEXICON, "is not valid JSON" },
  { "lexicon-format-2.json", READER_LEXICON, "format: these word lists are in format 2" },
  { "lexicon-wrong-kind.json", READER_LEXICON, "kind: expected “wordlists”, found “code-catalog”" },
  { "lexicon-list-missing.json", READER_LEXICON, "lists.negation: missing" },
  { "lexicon-list-unknown.json", READER_LEXICON, "lists.cuez: not a list the checks use" },
  { "lexicon-words-empty.json", READER_LEXICON, "lists.objective.words: the list is empty" },
  { "lexicon-word-number.json", READER_LEXICON, "lists.cues.words[1]: expected text" },
  { "lexicon-phrase-too-long.json", READER_LEXICON, "codes.97116.words[0]: " },
  { "lexicon-negatable-text.json", READER_LEXICON, "lists.cues.negatable: expected true or false" },
  { "lexicon-invalid-utf8.json", READER_LEXICON, "is not valid UTF-8" },
  { "lexicon-too-many-words.json", READER_LEXICON, "lists.cues.words: the word lists hold more than 5000" },
  { "lexicon-phrase-comma.json", READER_LEXICON, "codes.97112.words[0]: " },

  /* The CSV reader: "line N: " is the row's line, then the reader's reason */
  { "csv-invalid-utf8.csv", READER_CSV, "line 3: field 2 is not valid UTF-8" },
  { "csv-nul-byte.csv", READER_CSV, "line 3: field 1 holds a NUL byte" },
  { "csv-unclosed-quote.csv", READER_CSV, "line 3: field 1 opens a quote that is never closed" },
  { "csv-quote-in-field.csv", READER_CSV, "line 2: field 2 has a quote in the wrong place" },
  { "csv-long-row.csv", READER_CSV, "line 3: the row is longer than 65536 bytes" },
  { "csv-long-quoted-row.csv", READER_CSV, "line 2: the row is longer than 65536 bytes" },
  { "csv-crlf-quote-after-close.csv", READER_CSV, "line 2: field 1 has a quote in the wrong place" },
  { "csv-bom-invalid-utf8.csv", READER_CSV, "line 2: field 1 is not valid UTF-8" },
  { "csv-json-file.csv", READER_CSV, "has a quote in the wrong place" },
  { "csv-binary.csv", READER_CSV, "line 1: field 1 is not valid UTF-8" },
  { "csv-truncated-in-quote.csv", READER_CSV, "line 3: field 2 opens a quote that is never closed" },
  { "csv-overlong-utf8.csv", READER_CSV, "line 3: field 3 is not valid UTF-8" },
};

static const char * const reader_prefixes[] = {
  [READER_VISIT] = "visit-",
  [READER_LIBRARY] = "library-",
  [READER_CATALOG] = "catalog-",
  [READER_LEXICON] = "lexicon-",
  [READER_CSV] = "csv-",
};

/* Reads every row; the first bad row (or a read failure) is the error,
 * "line N: reason". Returns the number of good rows. */
static guint64
read_csv (FILE    *in,
          GError **error)
{
  g_autoptr(PtCsvReader) reader = pt_csv_reader_new_for_file (in);
  guint64 rows = 0;

  for (;;)
    {
      g_autoptr(GError) local_error = NULL;
      PtCsvStatus status = pt_csv_reader_next (reader, &local_error);

      if (status == PT_CSV_END)
        break;

      if (status == PT_CSV_ROW)
        {
          g_assert_no_error (local_error);
          rows++;
          continue;
        }

      g_assert_nonnull (local_error);
      if (error != NULL && *error == NULL)
        g_set_error (error, local_error->domain, local_error->code, "line %" G_GUINT64_FORMAT ": %s",
                     pt_csv_reader_get_line (reader), local_error->message);
      if (status == PT_CSV_FAILED)
        break;
    }

  return rows;
}

/* Gives the file to @reader; TRUE when it was read without an error. */
static gboolean
load_with (Reader       reader,
           const char  *path,
           GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *data = NULL;
  gsize length = 0;

  switch (reader)
    {
    case READER_VISIT:
      {
        g_autoptr(PtVisit) visit = pt_visit_load_from_file (file, error);

        return visit != NULL;
      }

    case READER_LIBRARY:
      {
        g_autoptr(PtScenarioLibrary) library = pt_scenario_library_load_from_file (file, error);

        return library != NULL;
      }

    case READER_CATALOG:
      {
        g_autoptr(PtCodeCatalog) catalog = NULL;

        if (!g_file_get_contents (path, &data, &length, error))
          return FALSE;
        catalog = pt_code_catalog_new_from_data (data, (gssize) length, error);
        return catalog != NULL;
      }

    case READER_LEXICON:
      {
        g_autoptr(PtLexicon) lexicon = NULL;

        if (!g_file_get_contents (path, &data, &length, error))
          return FALSE;
        lexicon = pt_doc_lexicon_load_from_data (data, (gssize) length, error);
        return lexicon != NULL;
      }

    case READER_CSV:
      {
        FILE *in = fopen (path, "rb");
        GError *local_error = NULL;

        g_assert_nonnull (in);
        read_csv (in, &local_error);
        fclose (in);
        if (local_error != NULL)
          {
            g_propagate_error (error, local_error);
            return FALSE;
          }
        return TRUE;
      }

    default:
      g_assert_not_reached ();
    }

  return FALSE;
}

/* The file's bytes (the first megabyte of a huge one), size, change and
 * modification times, to prove nothing wrote it. */
static char *
fingerprint (const char *path)
{
  g_autofree char *head = g_malloc (1024 * 1024);
  g_autofree char *sum = NULL;
  GStatBuf st;
  gsize got;
  FILE *in;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  in = fopen (path, "rb");
  g_assert_nonnull (in);
  got = fread (head, 1, 1024 * 1024, in);
  fclose (in);
  sum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) head, got);

  return g_strdup_printf ("%s %lld %lld.%09ld %lld.%09ld %o", sum, (long long) st.st_size,
                          (long long) st.st_mtim.tv_sec, (long) st.st_mtim.tv_nsec,
                          (long long) st.st_ctim.tv_sec, (long) st.st_ctim.tv_nsec,
                          (unsigned) st.st_mode);
}

static void
test_bad_file (gconstpointer data)
{
  const BadCase *c = data;
  g_autofree char *path = g_build_filename ("bad", c->file, NULL);
  g_autofree char *full = pt_test_data_path (path);
  g_autofree char *before = fingerprint (full);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (load_with (c->reader, full, &error));
  g_assert_nonnull (error);
  g_test_message ("%s: %s", c->file, error->message);

  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  if (strstr (error->message, c->expect) == NULL)
    g_error ("%s: the message “%s” does not name “%s”", c->file, error->message, c->expect);

  after = fingerprint (full);
  g_assert_cmpstr (before, ==, after);
}

/* Every visit-* file: an error, no crash, no change (test-visit-io.c checks
 * the exact messages). */
static void
test_bad_visit_smoke (gconstpointer data)
{
  const char *name = data;
  g_autofree char *path = g_build_filename ("bad", name, NULL);
  g_autofree char *full = pt_test_data_path (path);
  g_autofree char *before = fingerprint (full);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (load_with (READER_VISIT, full, &error));
  g_assert_nonnull (error);
  g_assert_cmpstr (error->message, !=, "");
  g_assert_true (g_utf8_validate (error->message, -1, NULL));

  after = fingerprint (full);
  g_assert_cmpstr (before, ==, after);
}

/* Every bad file of ours has its case above, so none is left unread. */
static void
test_every_file_listed (void)
{
  g_autofree char *dir_path = pt_test_data_path ("bad");
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint ours = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      gboolean listed = FALSE;

      if (g_str_has_prefix (name, "visit-"))
        continue;

      for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
        listed |= strcmp (bad_cases[i].file, name) == 0;
      if (!listed)
        g_error ("tests/data/bad/%s has no case in test-hostile.c", name);
      ours++;
    }

  g_assert_cmpuint (ours, ==, G_N_ELEMENTS (bad_cases));
  g_assert_cmpuint (ours, >=, 40);
}

/* Peak resident memory in KiB since the last reset_peak (). */
static gint64
peak_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (line = strstr (status, "VmHWM:")) == NULL)
    return -1;

  return g_ascii_strtoll (line + strlen ("VmHWM:"), NULL, 10);
}

/* Resets the peak to the current size (Linux: "5" to clear_refs). */
static gboolean
reset_peak (void)
{
  return g_file_set_contents ("/proc/self/clear_refs", "5", 1, NULL);
}

#define HUGE_SIZE (100 * 1024 * 1024)

/* A temporary folder for the huge files: in memory (/dev/shm) when the
 * machine has it, so that writing 100 MB does not wait on a slow disk. */
static char *
make_huge_dir (void)
{
  char *dir;

  if (g_file_test ("/dev/shm", G_FILE_TEST_IS_DIR))
    {
      dir = g_build_filename ("/dev/shm", "pt-hostile-XXXXXX", NULL);
      if (g_mkdtemp (dir) != NULL)
        return dir;
      g_free (dir);
    }

  dir = g_dir_make_tmp ("pt-hostile-XXXXXX", NULL);
  g_assert_nonnull (dir);

  return dir;
}

/* A 100 MB file that is all a hole: made in no time, and reading it all
 * would still cost 100 MB of memory. */
static char *
make_sparse_file (const char *dir,
                  const char *name,
                  const char *head)
{
  char *path = g_build_filename (dir, name, NULL);
  int fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0600);

  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (write (fd, head, strlen (head)), ==, (gssize) strlen (head));
  g_assert_cmpint (ftruncate (fd, HUGE_SIZE), ==, 0);
  g_assert_cmpint (close (fd), ==, 0);

  return path;
}

static void
test_huge_refused_unread (gconstpointer data)
{
  Reader reader = GPOINTER_TO_INT (data);
  g_autofree char *dir = make_huge_dir ();
  g_autofree char *path = NULL;
  g_autofree char *before = NULL, *after = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start, elapsed, peak;
  gboolean can_measure;

  g_assert_nonnull (dir);
  path = make_sparse_file (dir, reader == READER_VISIT ? "huge.ptvisit.json" : "huge-library.json",
                           "{\"format\": 1, \"kind\": \"visit\", \"title\": \"");
  before = fingerprint (path);

  can_measure = reset_peak ();
  start = g_get_monotonic_time ();
  g_assert_false (load_with (reader, path, &error));
  elapsed = g_get_monotonic_time () - start;
  peak = peak_kib ();

  g_assert_error (error, PT_FORMAT_ERROR, PT_FORMAT_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "104857600 bytes"));
  g_assert_nonnull (strstr (error->message, "it was not opened"));
  g_test_message ("refused in %" G_GINT64_FORMAT " µs: %s", elapsed, error->message);

  /* Refused by its size: well under the time and memory a read would take. */
  /* refused by its size, not by reading 100 MB: generous even under sanitizers */
  g_assert_cmpint (elapsed, <, 5 * G_USEC_PER_SEC);
  if (can_measure && peak > 0)
    {
      g_autoptr(GError) again = NULL;

      g_test_message ("peak resident memory while refusing: %" G_GINT64_FORMAT " KiB", peak);
      g_assert_true (load_with (reader, path, &again) == FALSE);
      g_assert_cmpint (peak_kib () - peak, <, 16 * 1024);
    }

  after = fingerprint (path);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* 100 MB of real rows, written in chunks, read through with flat memory. */
static void
test_huge_csv_streams (void)
{
  g_autofree char *dir = make_huge_dir ();
  g_autofree char *path = g_build_filename (dir, "huge.csv", NULL);
  g_autoptr(GString) chunk = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  guint64 written_rows = 0, read_rows;
  guint chunk_rows = 0;
  gsize total = 0;
  gint64 base, peak;
  FILE *out, *in;

  /* One megabyte of rows, written a hundred times. */
  while (chunk->len < 1024 * 1024)
    {
      g_string_append_printf (chunk, "V%08u,97112,%u,%u\n", chunk_rows / 3, chunk_rows % 61, 2u);
      chunk_rows++;
    }

  out = fopen (path, "wb");
  g_assert_nonnull (out);
  fputs ("visit_id,code,minutes,billed_units\n", out);
  while (total < HUGE_SIZE)
    {
      g_assert_cmpuint (fwrite (chunk->str, 1, chunk->len, out), ==, chunk->len);
      total += chunk->len;
      written_rows += chunk_rows;
    }
  g_assert_cmpint (fclose (out), ==, 0);

  reset_peak ();
  base = peak_kib ();
  in = fopen (path, "rb");
  g_assert_nonnull (in);
  read_rows = read_csv (in, &error);
  fclose (in);
  peak = peak_kib ();

  g_assert_no_error (error);
  g_assert_cmpuint (read_rows, ==, written_rows + 1);
  g_test_message ("%" G_GUINT64_FORMAT " rows of %" G_GSIZE_FORMAT " bytes; peak memory grew by %"
                  G_GINT64_FORMAT " KiB", read_rows, total, peak - base);
  /* One chunk and one row in memory, never the file: a few hundred KiB. */
  if (base > 0)
    g_assert_cmpint (peak - base, <, 8 * 1024);

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static gint
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *dir_path = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) visits = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/hostile/huge/visit", GINT_TO_POINTER (READER_VISIT),
                        test_huge_refused_unread);
  g_test_add_data_func ("/hostile/huge/library", GINT_TO_POINTER (READER_LIBRARY),
                        test_huge_refused_unread);
  g_test_add_func ("/hostile/huge/csv", test_huge_csv_streams);
  g_test_add_func ("/hostile/every-file-listed", test_every_file_listed);

  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *test_name = NULL;

      g_assert_true (g_str_has_prefix (bad_cases[i].file, reader_prefixes[bad_cases[i].reader]));
      test_name = g_strdup_printf ("/hostile/bad/%s", bad_cases[i].file);
      g_test_add_data_func (test_name, &bad_cases[i], test_bad_file);
    }

  dir_path = pt_test_data_path ("bad");
  dir = g_dir_open (dir_path, 0, NULL);
  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, "visit-"))
      g_ptr_array_add (visits, g_strdup (name));
  g_ptr_array_sort (visits, compare_names);
  g_assert_cmpuint (visits->len, >, 0);

  for (guint i = 0; i < visits->len; i++)
    {
      g_autofree char *test_name = g_strdup_printf ("/hostile/visit-smoke/%s",
                                                    (char *) g_ptr_array_index (visits, i));

      g_test_add_data_func (test_name, g_ptr_array_index (visits, i), test_bad_visit_smoke);
    }

  return g_test_run ();
}
