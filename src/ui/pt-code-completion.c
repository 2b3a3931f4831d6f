/* pt-code-completion.c: the code catalogue as completions for a code entry
 *
 * A GtkListStore holds every catalogue code with its title. The match
 * function accepts what the user typed when it starts the code ("971",
 * "g02") or starts any word of the title ("gait", "neuromusc"), ignoring
 * case. The pop-up shows each code with its title beside it, as wide as the
 * titles need; choosing a line puts the code alone into the entry.
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

static GtkWidget *
find_scroller (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_SCROLLED_WINDOW (child))
        return child;
      if ((found = find_scroller (child)))
        return found;
    }

  return NULL;
}

/* The width of the widest "code  title" line, in the list's font. */
static int
widest_line (GtkWidget    *list,
             GtkTreeModel *model)
{
  GtkTreeIter iter;
  int widest = 0;

  for (gboolean valid = gtk_tree_model_get_iter_first (model, &iter); valid;
       valid = gtk_tree_model_iter_next (model, &iter))
    {
      g_autofree char *code = NULL, *title = NULL, *line = NULL;
      g_autoptr(PangoLayout) layout = NULL;
      int width;

      gtk_tree_model_get (model, &iter,
                          PT_CODE_COMPLETION_COLUMN_CODE, &code,
                          PT_CODE_COMPLETION_COLUMN_TITLE, &title,
                          -1);
      line = g_strdup_printf ("%s  %s", code ? code : "", title ? title : "");
      layout = gtk_widget_create_pango_layout (list, line);
      pango_layout_get_pixel_size (layout, &width, NULL);
      widest = MAX (widest, width);
    }

  return widest;
}

/* GTK 4.8 sizes the pop-up before its list has measured any row, so the
 * pop-up would stay as narrow as a scroll bar and show "9…". Its list (a
 * GtkTreeView in the GtkPopover the entry holds once the completion is
 * attached) gets the width of the widest line instead, 480 pixels at most. */
static void
widen_popup (GtkEntryCompletion *completion)
{
  GtkWidget *entry = gtk_entry_completion_get_entry (completion);
  GtkWidget *scroller = NULL;
  GtkWidget *list;

  if (entry == NULL || g_object_get_data (G_OBJECT (completion), "pt-widened") == entry)
    return;

  for (GtkWidget *child = gtk_widget_get_first_child (entry); child && scroller == NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER (child))
      scroller = find_scroller (child);

  if (scroller == NULL || !GTK_IS_TREE_VIEW (list = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller))))
    return;

  /* the cells' padding and the space between the two cells */
  gtk_widget_set_size_request (list, MIN (widest_line (list, gtk_entry_completion_get_model (completion)) + 24,
                                          480), -1);
  g_object_set_data (G_OBJECT (completion), "pt-widened", entry);
}

static gboolean
match_func (GtkEntryCompletion *completion,
            const char         *key,
            GtkTreeIter        *iter,
            gpointer            user_data)
{
  widen_popup (completion);

  return pt_code_completion_matches (gtk_entry_completion_get_model (completion), iter, key);
}

/**
 * pt_code_completion_setup:
 *
 * Makes @completion (whose model is pt_code_completion_model_new()'s) match
 * codes and title words, show each code with its title and insert the code.
 * Call it once, after gtk_entry_completion_set_model(); calling
 * gtk_entry_completion_set_text_column (completion, 0) before or after it
 * changes nothing.
 */
void
pt_code_completion_setup (GtkEntryCompletion *completion)
{
  GtkCellRenderer *cell;

  g_return_if_fail (GTK_IS_ENTRY_COMPLETION (completion));

  if (g_object_get_data (G_OBJECT (completion), "pt-code-completion") != NULL)
    return;
  g_object_set_data (G_OBJECT (completion), "pt-code-completion", GINT_TO_POINTER (1));

  gtk_entry_completion_set_text_column (completion, PT_CODE_COMPLETION_COLUMN_CODE);

  cell = gtk_cell_renderer_text_new ();
  g_object_set (cell, "xalign", 0.0, NULL);
  gtk_cell_layout_pack_start (GTK_CELL_LAYOUT (completion), cell, TRUE);
  gtk_cell_layout_add_attribute (GTK_CELL_LAYOUT (completion), cell, "text",
                                 PT_CODE_COMPLETION_COLUMN_TITLE);

  gtk_entry_completion_set_match_func (completion, match_func, NULL, NULL);
}
