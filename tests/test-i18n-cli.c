/* test-i18n-cli.c: pt97112-cli speaks Spanish under LANGUAGE=es
 *
 * Runs the built CLI with LANGUAGE=es and the uninstalled translations of the
 * build directory (PT97112_LOCALEDIR, set by tests/meson.build) and checks that
 * what it prints is the Spanish catalogue's text, not the English: for each
 * message, the longest piece of its translation between format directives
 * must appear and the English one must not. The translations are read from
 * the same .mo file in this process, so a reworded translation does not break
 * the test, but a message the CLI prints in English does.
 */
#include "config.h"

#include <glib.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "pt-test-utils.h"

typedef struct {
  const char *name;
  const char *argv[6];
  int         exit_status;
  gboolean    on_stderr;
  /* messages (msgids) whose Spanish text must be printed */
  const char *msgids[5];
  /* one message with plural forms, printed for the number n */
  const char *singular;
  const char *plural;
  gulong      n;
  /* words a Spanish-speaking clinician reads there, whatever the wording */
  const char *words[4];
} CliCase;

static const CliCase cases[] = {
  {
    "allocate-cms",
    { "allocate", "97112=24", "97110=23", NULL },
    0, FALSE,
    { "CMS total-time", "Timed minutes: %d   Timed units: %d   Total units: %d\n\n",
      "Unit %d → %s: its %d leftover minutes beat %s’s %d.", "Why:", "Code" },
    "%d timed minutes in all: the chart gives %d timed unit for %s.",
    "%d timed minutes in all: the chart gives %d timed units for %s.", 3,
    { "Método", "Unidades", "minutos sobrantes", "unidad" },
  },
  {
    "allocate-ama",
    { "allocate", "--method", "ama", "97112=20", "97110=18", NULL },
    0, FALSE,
    { "AMA per-code", "Minutes", "Units", NULL },
    "Each timed code is charted on its own minutes, never pooled with other codes: %d timed unit in all.",
    "Each timed code is charted on its own minutes, never pooled with other codes: %d timed units in all.", 2,
    { "Por código", "Minutos", "unidades por tiempo", NULL },
  },
  {
    "allocate-tie",
    { "allocate", "97112=20", "97110=20", NULL },
    0, FALSE,
    { "  (tie)", NULL },
    "\nTie: %s share %d unit; any choice among them is correct (set it with --tie-preference).\n",
    "\nTie: %s share %d units; any choice among them is correct (set it with --tie-preference).\n", 1,
    { "Empate", "empate", NULL },
  },
  {
    "allocate-bad-minutes",
    { "allocate", "97112=24", "97110=abc", NULL },
    2, TRUE,
    { "“%s”: minutes must be a whole number from 0 to %d", "Try “%s --help” for the options.\n", NULL },
    NULL, NULL, 0,
    { "minutos", "número entero", NULL },
  },
  {
    "usage",
    { "--help", NULL },
    0, FALSE,
    { "Usage: pt97112-cli COMMAND [OPTION…]", "Commands:",
      "Billable units for one visit or a stream of visits",
      "Look up rehab codes in the offline catalogue", NULL },
    NULL, NULL, 0,
    { "Uso", "Órdenes", "catálogo", NULL },
  },
  {
    "codes",
    { "codes", "97112", NULL },
    0, FALSE,
    { "Timed:", "Units:", "Description:", "15-minute units (8-minute chart)",
      "\nNCCI pairs with %s found in the sources read:\n" },
    NULL, NULL, 0,
    { "Unidades", "Descripción", "Pares NCCI", NULL },
  },
};

/* The longest run of @text outside printf directives ("%d", "%s", "%.20s"…),
 * stripped of surrounding white space. */
static char *
longest_literal (const char *text)
{
  g_autoptr(GRegex) directive = g_regex_new ("%[-+ #0-9.*]*[a-zA-Z%]", 0, 0, NULL);
  g_auto(GStrv) pieces = g_regex_split (directive, text, 0);
  const char *best = "";

  for (guint i = 0; pieces[i] != NULL; i++)
    if (strlen (g_strstrip (pieces[i])) > strlen (best))
      best = pieces[i];

  return g_strdup (best);
}

/* The Spanish text of @msgid must be in @output and its English text not. */
static void
assert_translated (const char *output,
                   const char *msgid,
                   const char *translation)
{
  g_autofree char *english = longest_literal (msgid);
  g_autofree char *spanish = longest_literal (translation);

  if (g_strcmp0 (translation, msgid) == 0)
    g_error ("the Spanish catalogue has no translation of “%s”", msgid);
  g_assert_cmpuint (strlen (spanish), >, 0);

  if (strstr (output, spanish) == NULL)
    g_error ("“%s” (Spanish for “%s”) is not in the output:\n%s", spanish, msgid, output);
  /* short English words (“Code”, “Units”) may be part of Spanish ones */
  if (strlen (english) > 6 && strstr (output, english) != NULL)
    g_error ("the English “%s” is still in the output:\n%s", english, output);
}

static void
test_cli_case (gconstpointer data)
{
  const CliCase *c = data;
  g_autofree char *err = NULL;
  g_autofree char *out = NULL;
  const char *output;
  int status;

  out = pt_test_run_cli (c->argv, NULL, &err, &status);
  output = c->on_stderr ? err : out;
  g_test_message ("%s", output);
  g_assert_cmpint (status, ==, c->exit_status);

  for (guint i = 0; i < G_N_ELEMENTS (c->msgids) && c->msgids[i] != NULL; i++)
    assert_translated (output, c->msgids[i], g_dgettext (GETTEXT_PACKAGE, c->msgids[i]));

  if (c->singular != NULL)
    assert_translated (output, c->n == 1 ? c->singular : c->plural,
                       g_dngettext (GETTEXT_PACKAGE, c->singular, c->plural, c->n));

  for (guint i = 0; i < G_N_ELEMENTS (c->words) && c->words[i] != NULL; i++)
    if (strstr (output, c->words[i]) == NULL)
      g_error ("the Spanish word “%s” is not in the output:\n%s", c->words[i], output);
}

/* CMS Example 1 (Pub. 100-04 ch. 5 §20.2): 24 + 23 = 47 timed minutes give
 * 3 timed units, two of them to 97112; the whole line, numbers included, in
 * Spanish. */
static void
test_cli_example_one_line (void)
{
  const char *argv[] = { "allocate", "97112=24", "97110=23", NULL };
  g_autofree char *out = NULL;
  g_autofree char *expected = NULL;
  int status;

  out = pt_test_run_cli (argv, NULL, NULL, &status);
  g_assert_cmpint (status, ==, 0);
  expected = g_strdup_printf (g_dgettext (GETTEXT_PACKAGE,
                                          "Timed minutes: %d   Timed units: %d   Total units: %d\n\n"),
                              47, 3, 3);
  g_assert_nonnull (strstr (out, expected));
  g_assert_nonnull (strstr (out, "Unidades totales: 3"));
}

/* The control: the same run under LANGUAGE=C is English, so the checks above
 * really depend on the language. */
static void
test_cli_english_without_language (void)
{
  const char *argv[] = { "allocate", "97112=24", "97110=23", NULL };
  g_autofree char *out = NULL;
  int status;

  g_setenv ("LANGUAGE", "C", TRUE);
  out = pt_test_run_cli (argv, NULL, NULL, &status);
  g_setenv ("LANGUAGE", "es", TRUE);

  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, "Timed minutes: 47   Timed units: 3   Total units: 3"));
  g_assert_null (strstr (out, "Unidades"));
}

/* Tables line up in Spanish: the translated headers have accents (“Código”)
 * and can be wider than the English ones, and columns are counted in
 * characters. Each data row must have, below a left-aligned header, a cell
 * starting where the header starts, and below a right-aligned one a cell
 * ending where it ends, unless the cell is empty. */
typedef struct {
  const char *name;
  const char *argv[6];       /* "@name": the file tests/data/name */
  const char *headers[7];   /* msgids, the first starting the header line */
  gboolean    right[6];     /* right-aligned columns */
  guint       min_rows;
  int         exit_status;  /* audit: 1, some visits are flagged */
} TableCase;

static const TableCase table_cases[] = {
  { "allocate", { "allocate", "97112=24", "97110=23", "97150=10", NULL },
    { "Code", "Minutes", "Units", NULL }, { FALSE, TRUE, TRUE }, 3 },
  { "codes", { "codes", NULL },
    { "Code", "Timed", "Title", NULL }, { FALSE, FALSE, FALSE }, 40 },
  { "audit", { "audit", "@audit/claims.csv", NULL },
    { "Visit", "Status", "Diff", "Code", "Expected", "Billed", NULL },
    { FALSE, FALSE, TRUE, FALSE, TRUE, TRUE }, 2, 1 },
};

static gboolean
is_blank (gunichar c)
{
  return c == 0 || c == ' ';
}

static void
test_cli_table_lines_up (gconstpointer data)
{
  const TableCase *t = data;
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree gunichar *header = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  glong header_len = 0, start[6] = { 0 }, end[6] = { 0 };
  guint first = 0, rows = 0;
  int status;

  for (guint a = 0; t->argv[a] != NULL; a++)
    g_ptr_array_add (argv, t->argv[a][0] == '@' ? pt_test_data_path (t->argv[a] + 1) : g_strdup (t->argv[a]));
  g_ptr_array_add (argv, NULL);
  out = pt_test_run_cli ((const char * const *) argv->pdata, NULL, NULL, &status);
  g_assert_cmpint (status, ==, t->exit_status);
  lines = g_strsplit (out, "\n", -1);
  while (lines[first] != NULL && !g_str_has_prefix (lines[first], g_dgettext (GETTEXT_PACKAGE, t->headers[0])))
    first++;
  g_assert_nonnull (lines[first]);

  header = g_utf8_to_ucs4 (lines[first], -1, NULL, &header_len, NULL);
  for (guint h = 0; t->headers[h] != NULL; h++)
    {
      const char *text = g_dgettext (GETTEXT_PACKAGE, t->headers[h]);
      const char *at = strstr (lines[first], text);

      g_assert_nonnull (at);
      start[h] = g_utf8_pointer_to_offset (lines[first], at);
      end[h] = start[h] + g_utf8_strlen (text, -1);
    }

  /* The rows end at a blank line or a footnote ("* …"). */
  for (guint l = first + 1; lines[l] != NULL && lines[l][0] != '\0' && lines[l][0] != '*'; l++, rows++)
    {
      g_autofree gunichar *row = NULL;
      glong len = 0;

      row = g_utf8_to_ucs4 (lines[l], -1, NULL, &len, NULL);
      g_assert_nonnull (row);
      for (guint h = 0; t->headers[h] != NULL; h++)
        {
          gboolean ok, empty = TRUE;

          /* A cell left empty (a visit's second code line) has nothing to align. */
          for (glong k = start[h]; k < MIN (end[h], len); k++)
            empty = empty && is_blank (row[k]);
          if (empty)
            continue;
          if (t->right[h])
            ok = end[h] <= len && !is_blank (row[end[h] - 1]) && (end[h] == len || is_blank (row[end[h]]));
          else
            ok = start[h] < len && !is_blank (row[start[h]]) && (start[h] == 0 || is_blank (row[start[h] - 1]));
          if (!ok)
            g_error ("column “%s” does not line up with its header:\n%s\n%s",
                     g_dgettext (GETTEXT_PACKAGE, t->headers[h]), lines[first], lines[l]);
        }
    }
  g_assert_cmpuint (rows, >=, t->min_rows);
}

static void
test_cli_no_localedir (void)
{
  g_test_skip ("PT97112_LOCALEDIR is not set; run the test through meson test");
}

int
main (int    argc,
      char **argv)
{
  const char *localedir = g_getenv ("PT97112_LOCALEDIR");

  g_test_init (&argc, &argv, NULL);

  if (localedir == NULL || *localedir == '\0')
    {
      g_test_add_func ("/i18n-cli/no-localedir", test_cli_no_localedir);
      return g_test_run ();
    }

  /* The CLI inherits these; this process reads the same catalogue. */
  g_setenv ("LANGUAGE", "es", TRUE);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/i18n-cli/%s", cases[i].name);

      g_test_add_data_func (path, &cases[i], test_cli_case);
    }
  for (guint i = 0; i < G_N_ELEMENTS (table_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/i18n-cli/table-lines-up/%s", table_cases[i].name);

      g_test_add_data_func (path, &table_cases[i], test_cli_table_lines_up);
    }
  g_test_add_func ("/i18n-cli/example-one-line", test_cli_example_one_line);
  g_test_add_func ("/i18n-cli/english-without-language", test_cli_english_without_language);

  return g_test_run ();
}
