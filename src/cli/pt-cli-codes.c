/* pt-cli-codes.c: pt97112-cli codes, the offline code catalogue
 *
 * With no query, every code; with a number ("9711", "G02") the codes that
 * start with it; with words, the codes whose texts have every word. One match
 * prints the whole entry with its known NCCI pairs. --json writes one object
 * per code, one per line, inside a JSON list.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pt-alloc-request.h"
#include "pt-cli.h"
#include "pt-code-catalog.h"

#define WRAP_WIDTH 78
#define LABEL_WIDTH 13

/* Appends @text word-wrapped, every line after the first indented by @indent. */
static void
append_wrapped (GString    *out,
                const char *text,
                guint       indent)
{
  g_auto(GStrv) words = g_strsplit_set (text, " \n\t", -1);
  guint column = indent;

  for (guint i = 0, n = 0; words[i] != NULL; i++)
    {
      glong width = g_utf8_strlen (words[i], -1);

      if (width == 0)
        continue;

      if (n > 0 && column + 1 + width > WRAP_WIDTH)
        {
          g_string_append_c (out, '\n');
          for (guint k = 0; k < indent; k++)
            g_string_append_c (out, ' ');
          column = indent;
        }
      else if (n > 0)
        {
          g_string_append_c (out, ' ');
          column++;
        }

      g_string_append (out, words[i]);
      column += width;
      n++;
    }

  g_string_append_c (out, '\n');
}

/* "Label:" padded to LABEL_WIDTH, then the wrapped value. */
static void
append_field (GString    *out,
              const char *label,
              const char *value)
{
  glong width = g_utf8_strlen (label, -1);

  g_string_append (out, label);
  for (glong k = width; k < LABEL_WIDTH; k++)
    g_string_append_c (out, ' ');
  append_wrapped (out, value && *value ? value : "—", MAX (LABEL_WIDTH, width));
}

static const char *
ccmi_text (gint ccmi)
{
  switch (ccmi)
    {
    case 0:
      return _("modifier indicator 0: no modifier gets past it");
    case 1:
      return _("modifier indicator 1: a modifier may get past it when the services were separate");
    case 9:
      return _("modifier indicator 9: modifiers not specified");
    default:
      return _("modifier indicator not stated by any source read");
    }
}

static void
append_pairs (GString       *out,
              PtCodeCatalog *catalog,
              const char    *code)
{
  g_autoptr(GPtrArray) pairs = pt_code_catalog_ncci_pairs_for (catalog, code);

  if (pairs->len == 0)
    {
      g_string_append_printf (out, _("\nNo NCCI pair with %s was found in the sources read; that does not mean none exists.\n"),
                              code);
      return;
    }

  g_string_append_printf (out, _("\nNCCI pairs with %s found in the sources read:\n"), code);
  for (guint i = 0; i < pairs->len; i++)
    {
      const PtNcciPair *pair = g_ptr_array_index (pairs, i);
      const char *other = strcmp (pair->codes[0], code) == 0 ? pair->codes[1] : pair->codes[0];
      g_autofree char *head = NULL;
      g_autofree char *order = NULL;

      if (pair->column_one != NULL)
        order = g_strdup_printf (_("column one %s"), pair->column_one);
      else
        order = g_strdup (_("column order not stated"));

      head = g_strdup_printf (_("with %s: %s; %s%s. %s."), other, order, ccmi_text (pair->ccmi),
                              pair->status == PT_NCCI_STATUS_DELETED ? _("; reported deleted") : "",
                              pt_confidence_label (pair->confidence));
      g_string_append (out, "  ");
      append_wrapped (out, head, 4);
      g_string_append (out, "    ");
      append_wrapped (out, pair->explanation, 4);
    }
}

static void
append_full_entry (GString       *out,
                   PtCodeCatalog *catalog,
                   PtCode        *code)
{
  g_string_append_printf (out, "%s  %s\n\n", pt_code_get_code (code), pt_code_get_title (code));
  append_field (out, _("Timed:"), pt_code_get_timed (code) ? _("yes") : _("no"));
  append_field (out, _("Units:"), pt_unit_basis_label (pt_code_get_unit_basis (code)));
  append_field (out, _("Category:"), pt_code_get_category (code));
  append_field (out, _("Description:"), pt_code_get_description (code));
  append_field (out, _("Notes:"), pt_code_get_notes (code));
  append_field (out, _("Confidence:"), pt_confidence_label (pt_code_get_confidence (code)));
  append_field (out, _("Source:"), pt_code_get_source (code));
  append_pairs (out, catalog, pt_code_get_code (code));
}

static void
append_table (GString    *out,
              GListModel *codes)
{
  guint n = g_list_model_get_n_items (codes);
  guint code_w = pt_cli_text_width (7, _("Code"), NULL);
  guint timed_w = pt_cli_text_width (9, _("Timed"), _("timed"), _("untimed"), NULL);

  pt_cli_append_cell (out, _("Code"), code_w, FALSE);
  g_string_append_c (out, ' ');
  pt_cli_append_cell (out, _("Timed"), timed_w, FALSE);
  g_string_append_printf (out, " %s\n", _("Title"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PtCode) code = g_list_model_get_item (codes, i);

      pt_cli_append_cell (out, pt_code_get_code (code), code_w, FALSE);
      g_string_append_c (out, ' ');
      pt_cli_append_cell (out, pt_code_get_timed (code) ? _("timed") : _("untimed"), timed_w, FALSE);
      g_string_append_printf (out, " %s\n", pt_code_get_title (code));
    }

  g_string_append_printf (out,
                          g_dngettext (GETTEXT_PACKAGE, "\n%u code.", "\n%u codes.", n), n);
  g_string_append (out, " ");
  g_string_append (out, _("“pt97112-cli codes CODE” shows one code in full."));
  g_string_append_c (out, '\n');
}

static void
append_json (GString    *out,
             GListModel *codes)
{
  guint n = g_list_model_get_n_items (codes);

  g_string_append (out, "[\n");
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PtCode) code = g_list_model_get_item (codes, i);

      g_string_append (out, "  {\"code\": ");
      pt_json_append_string (out, pt_code_get_code (code));
      g_string_append_printf (out, ", \"timed\": %s, \"unit_basis\": ",
                              pt_code_get_timed (code) ? "true" : "false");
      pt_json_append_string (out, pt_unit_basis_names[pt_code_get_unit_basis (code)]);
      g_string_append (out, ", \"title\": ");
      pt_json_append_string (out, pt_code_get_title (code));
      g_string_append (out, ", \"description\": ");
      pt_json_append_string (out, pt_code_get_description (code));
      g_string_append (out, ", \"notes\": ");
      pt_json_append_string (out, pt_code_get_notes (code));
      g_string_append (out, ", \"category\": ");
      pt_json_append_string (out, pt_code_get_category (code));
      g_string_append (out, ", \"confidence\": ");
      pt_json_append_string (out, pt_confidence_names[pt_code_get_confidence (code)]);
      g_string_append (out, ", \"source\": ");
      pt_json_append_string (out, pt_code_get_source (code));
      g_string_append (out, i + 1 < n ? "},\n" : "}\n");
    }
  g_string_append (out, "]\n");
}

int
pt_cli_codes (int    argc,
              char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) matches = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *query = NULL;
  PtCodeCatalog *catalog;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Write the matching codes as JSON, one object per code"), NULL },
    { NULL }
  };

  context = pt_cli_context_new (_("[QUERY…]"),
                                _("Look up rehab codes in the offline catalogue: timed or untimed, what each is for, billing notes, and how sure each fact is."),
                                _("A number (or a letter and digits) finds the codes that start with it; words find\n"
                                  "the codes whose number, title, description or notes have every word.\n"
                                  "With no query every code is listed; when one code matches it is shown in full.\n\n"
                                  "Examples:\n"
                                  "  pt97112-cli codes\n"
                                  "  pt97112-cli codes 9711\n"
                                  "  pt97112-cli codes 97112\n"
                                  "  pt97112-cli codes --json gait\n"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return pt_cli_usage_error (context, "%s", error->message);

  {
    g_autoptr(GString) words = g_string_new (NULL);

    for (int i = 1; i < argc; i++)
      g_string_append_printf (words, "%s%s", i > 1 ? " " : "", argv[i]);
    query = g_string_free (g_steal_pointer (&words), FALSE);
  }

  catalog = pt_code_catalog_get_default ();
  if (g_list_model_get_n_items (G_LIST_MODEL (catalog)) == 0)
    return pt_cli_usage_error (NULL, _("the built-in code catalogue could not be read"));

  matches = pt_code_catalog_search (catalog, query);

  if (json)
    append_json (out, matches);
  else if (g_list_model_get_n_items (matches) == 0)
    g_string_append_printf (out, _("No code in the catalogue matches “%s”.\n"), query);
  else if (g_list_model_get_n_items (matches) == 1)
    {
      g_autoptr(PtCode) code = g_list_model_get_item (matches, 0);

      append_full_entry (out, catalog, code);
    }
  else
    append_table (out, matches);

  if (!pt_cli_write (out))
    return pt_cli_usage_error (NULL, _("could not write the output"));

  return PT_CLI_OK;
}
