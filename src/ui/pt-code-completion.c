/* pt-code-completion.c: the code catalogue as completions for a code entry
 *
 * A GtkListStore holds every catalogue code with its title. The match
 * function accepts what the user typed when it starts the code ("971",
 * "g02") or starts any word of the title ("gait", "neuromusc"), ignoring
 * case. The pop-up shows "code — title"; choosing a line puts the code alone
 * into the entry.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pt-code-completion.h"

/**
 * pt_code_completion_model_new:
 *
 * Returns: (transfer full): a GtkListStore with one row per catalogue code,
 *   in catalogue order, with the columns of PtCodeCompletionColumn
 */
GtkTreeModel *
pt_code_completion_model_new (PtCodeCatalog *catalog)
{
  GtkListStore *store = gtk_list_store_new (PT_CODE_COMPLETION_N_COLUMNS,
                                            G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING);
  guint n;

  g_return_val_if_fail (PT_IS_CODE_CATALOG (catalog), GTK_TREE_MODEL (store));

  n = g_list_model_get_n_items (G_LIST_MODEL (catalog));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PtCode) code = g_list_model_get_item (G_LIST_MODEL (catalog), i);
      /* Translators: a line of the code entry's completion pop-up: code, then title */
      g_autofree char *display = g_strdup_printf (_("%s — %s"), pt_code_get_code (code),
                                                  pt_code_get_title (code));

      gtk_list_store_insert_with_values (store, NULL, -1,
                                         PT_CODE_COMPLETION_COLUMN_CODE, pt_code_get_code (code),
                                         PT_CODE_COMPLETION_COLUMN_TITLE, pt_code_get_title (code),
                                         PT_CODE_COMPLETION_COLUMN_DISPLAY, display,
                                         -1);
    }

  return GTK_TREE_MODEL (store);
}

/* TRUE when @key starts @text or starts one of its words; both case-folded. */
static gboolean
starts_a_word (const char *text,
               const char *key)
{
  gsize len = strlen (key);
  gboolean at_start = TRUE;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (at_start && strncmp (p, key, len) == 0)
        return TRUE;
      at_start = !g_unichar_isalnum (c);
    }

  return FALSE;
}

/**
 * pt_code_completion_matches:
 * @key: what the user typed (any case; spaces around it are ignored)
 *
 * Returns: TRUE when @key starts the row's code or any word of its title
 */
gboolean
pt_code_completion_matches (GtkTreeModel *model,
                            GtkTreeIter  *iter,
                            const char   *key)
{
  g_autofree char *code = NULL, *title = NULL;
  g_autofree char *k = NULL, *folded_code = NULL, *folded_title = NULL;

  if (key == NULL)
    return FALSE;

  k = g_strstrip (g_utf8_casefold (key, -1));
  if (*k == '\0')
    return FALSE;

  gtk_tree_model_get (model, iter,
                      PT_CODE_COMPLETION_COLUMN_CODE, &code,
                      PT_CODE_COMPLETION_COLUMN_TITLE, &title,
                      -1);
  folded_code = g_utf8_casefold (code ? code : "", -1);
  if (g_str_has_prefix (folded_code, k))
    return TRUE;

  folded_title = g_utf8_casefold (title ? title : "", -1);
  return starts_a_word (folded_title, k);
}

static gboolean
match_func (GtkEntryCompletion *completion,
            const char         *key,
            GtkTreeIter        *iter,
            gpointer            user_data)
{
  return pt_code_completion_matches (gtk_entry_completion_get_model (completion), iter, key);
}

/**
 * pt_code_completion_setup:
 *
 * Makes @completion (whose model is pt_code_completion_model_new()'s) match
 * codes and title words, show "code — title" lines and insert the code.
 * Call it after gtk_entry_completion_set_model(); calling
 * gtk_entry_completion_set_text_column (completion, 0) before or after it
 * changes nothing.
 */
void
pt_code_completion_setup (GtkEntryCompletion *completion)
{
  GtkCellRenderer *cell;

  g_return_if_fail (GTK_IS_ENTRY_COMPLETION (completion));

  gtk_entry_completion_set_text_column (completion, PT_CODE_COMPLETION_COLUMN_CODE);
  gtk_cell_layout_clear (GTK_CELL_LAYOUT (completion));

  cell = gtk_cell_renderer_text_new ();
  gtk_cell_layout_pack_start (GTK_CELL_LAYOUT (completion), cell, TRUE);
  gtk_cell_layout_add_attribute (GTK_CELL_LAYOUT (completion), cell, "text",
                                 PT_CODE_COMPLETION_COLUMN_DISPLAY);

  gtk_entry_completion_set_match_func (completion, match_func, NULL, NULL);
}
