/* pt-visit-editor.c: edits a PtVisit: the visit's fields and its blocks
 *
 * Fields are bound to the visit through a GBindingGroup, so opening another
 * file rebinds everything at once. Blocks are a GtkListBox bound to the
 * visit's GListModel of PtBlock; each row is a PtBlockRow.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pt-block-row.h"
#include "pt-code-catalog.h"
#include "pt-code-completion.h"
#include "pt-json-read.h"
#include "pt-visit-editor.h"

struct _PtVisitEditor
{
  GtkWidget      parent_instance;

  PtWorkspace   *workspace;
  PtVisit       *visit;
  GBindingGroup *bindings;
  GtkTreeModel  *code_model;

  GtkWidget     *box;
  GtkEntry      *title_entry;
  GtkEntry      *date_entry;
  GtkEntry      *payer_entry;
  GtkDropDown   *method_dropdown;
  GtkDropDown   *discipline_dropdown;
  GtkEntry      *diagnosis_entry;
  GtkDropDown   *category_dropdown;
  GtkListBox    *list;
};

G_DEFINE_FINAL_TYPE (PtVisitEditor, pt_visit_editor, GTK_TYPE_WIDGET)

enum {
  ROWS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
renumber (PtVisitEditor *self)
{
  guint n = pt_visit_get_n_blocks (self->visit);

  for (guint i = 0; i < n; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list, i);

      if (PT_IS_BLOCK_ROW (row))
        {
          PtCode *code = pt_code_catalog_lookup (pt_code_catalog_get_default (),
                                                 pt_block_get_code (pt_visit_get_block (self->visit, i)));

          pt_block_row_set_title (PT_BLOCK_ROW (row), code ? pt_code_get_title (code) : NULL);
          pt_block_row_set_position (PT_BLOCK_ROW (row), i, n);
          pt_block_row_set_problem (PT_BLOCK_ROW (row),
                                    self->workspace
                                    ? pt_workspace_get_block_problem (self->workspace, i) : NULL);
        }
    }
}

static void
on_row_move (PtVisitEditor *self,
             int            delta,
             PtBlockRow    *row)
{
  gint from = pt_visit_find_block (self->visit, pt_block_row_get_block (row));
  gint to = from + delta;

  if (from < 0 || to < 0 || to >= (gint) pt_visit_get_n_blocks (self->visit))
    return;

  pt_visit_move_block (self->visit, from, to);
  pt_workspace_record_now (self->workspace);
  pt_visit_editor_focus_block (self, to);
}

static void
on_row_duplicate (PtVisitEditor *self,
                  PtBlockRow    *row)
{
  gint at = pt_visit_find_block (self->visit, pt_block_row_get_block (row));
  g_autoptr(PtBlock) copy = pt_block_copy (pt_block_row_get_block (row));

  pt_visit_insert_block (self->visit, at + 1, copy);
  pt_workspace_record_now (self->workspace);
  pt_visit_editor_focus_block (self, at + 1);
}

/* No question asked: Ctrl+Z brings the block back. */
static void
on_row_remove (PtVisitEditor *self,
               PtBlockRow    *row)
{
  gint at = pt_visit_find_block (self->visit, pt_block_row_get_block (row));
  guint n;

  if (at < 0)
    return;

  pt_workspace_record_now (self->workspace);
  pt_visit_remove_block (self->visit, at);
  pt_workspace_record_now (self->workspace);

  n = pt_visit_get_n_blocks (self->visit);
  if (n > 0)
    pt_visit_editor_focus_block (self, MIN ((guint) at, n - 1));
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  PtVisitEditor *self = user_data;
  GtkWidget *row = pt_block_row_new (PT_BLOCK (item));

  /* Made with the first row, so a window with no visit does not load the catalogue. */
  if (self->code_model == NULL)
    self->code_model = pt_code_completion_model_new (pt_code_catalog_get_default ());
  pt_block_row_set_code_model (PT_BLOCK_ROW (row), self->code_model);

  g_signal_connect_object (row, "move", G_CALLBACK (on_row_move), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (row, "duplicate", G_CALLBACK (on_row_duplicate), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (row, "remove", G_CALLBACK (on_row_remove), self, G_CONNECT_SWAPPED);

  return row;
}

/* A date reaches the visit only when it is a real date (or empty), so a
 * half-typed date can never be saved into a file the loader would refuse. */
static void
on_date_changed (PtVisitEditor *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->date_entry));
  gboolean valid = *text == '\0' || pt_date_is_valid (text);

  if (valid)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->date_entry), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->date_entry), _("Date of service, as YYYY-MM-DD"));
      if (self->visit != NULL)
        pt_visit_set_date (self->visit, text);
    }
  else
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->date_entry), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->date_entry),
                                   _("Not a date yet: write it as YYYY-MM-DD, e.g. 2026-03-14"));
    }
}

static void
on_visit_date (PtVisitEditor *self)
{
  g_autofree char *date = g_strdup (pt_visit_get_date (self->visit));

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->date_entry)), date) != 0)
    {
      g_signal_handlers_block_by_func (self->date_entry, on_date_changed, self);
      gtk_editable_set_text (GTK_EDITABLE (self->date_entry), date);
      g_signal_handlers_unblock_by_func (self->date_entry, on_date_changed, self);
      on_date_changed (self);
    }
}

/* After the list box has made its rows for a change of the blocks: the
 * workspace recomputed before the rows were there. */
static void
on_blocks_changed (PtVisitEditor *self)
{
  renumber (self);
  g_signal_emit (self, signals[ROWS_CHANGED], 0);
}

static void
set_visit (PtVisitEditor *self,
           PtVisit       *visit)
{
  if (self->visit != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->visit, on_visit_date, self);
      g_signal_handlers_disconnect_by_func (pt_visit_get_blocks (self->visit), on_blocks_changed, self);
    }

  g_set_object (&self->visit, visit);
  g_binding_group_set_source (self->bindings, visit);
  gtk_list_box_bind_model (self->list, pt_visit_get_blocks (visit), create_row, self, NULL);
  g_signal_connect_object (pt_visit_get_blocks (visit), "items-changed",
                           G_CALLBACK (on_blocks_changed), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (visit, "notify::date", G_CALLBACK (on_visit_date), self,
                           G_CONNECT_SWAPPED);
  on_visit_date (self);
  renumber (self);
}

static void
on_workspace_visit (PtVisitEditor *self)
{
  set_visit (self, pt_workspace_get_visit (self->workspace));
}

void
pt_visit_editor_set_workspace (PtVisitEditor *self,
                               PtWorkspace   *workspace)
{
  g_return_if_fail (PT_IS_VISIT_EDITOR (self));

  self->workspace = workspace;
  g_signal_connect_object (workspace, "notify::visit", G_CALLBACK (on_workspace_visit), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (workspace, "results-changed", G_CALLBACK (renumber), self,
                           G_CONNECT_SWAPPED);
  on_workspace_visit (self);
}

void
pt_visit_editor_add_block (PtVisitEditor *self)
{
  g_autoptr(PtBlock) block = pt_block_new ("", 0);
  guint n = pt_visit_get_n_blocks (self->visit);

  pt_visit_append_block (self->visit, block);
  pt_workspace_record_now (self->workspace);
  pt_visit_editor_focus_block (self, n);
}

GtkWidget *
pt_visit_editor_get_row (PtVisitEditor *self,
                         guint          position)
{
  return GTK_WIDGET (gtk_list_box_get_row_at_index (self->list, position));
}

void
pt_visit_editor_focus_block (PtVisitEditor *self,
                             guint          position)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list, position);

  if (PT_IS_BLOCK_ROW (row))
    pt_block_row_focus_code (PT_BLOCK_ROW (row));
}

static void
pt_visit_editor_dispose (GObject *object)
{
  PtVisitEditor *self = (PtVisitEditor *) object;

  if (self->visit != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->visit, on_visit_date, self);
      g_signal_handlers_disconnect_by_func (pt_visit_get_blocks (self->visit), on_blocks_changed, self);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), PT_TYPE_VISIT_EDITOR);
  g_clear_object (&self->bindings);
  g_clear_object (&self->visit);
  g_clear_object (&self->code_model);

  G_OBJECT_CLASS (pt_visit_editor_parent_class)->dispose (object);
}

static void
pt_visit_editor_class_init (PtVisitEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pt_visit_editor_dispose;

  /**
   * PtVisitEditor::rows-changed:
   *
   * Block rows were added, removed or made again for a change of the
   * visit's blocks, after the workspace had recomputed: a new row has
   * none of what the window gives rows after a change yet.
   */
  signals[ROWS_CHANGED] = g_signal_new ("rows-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Pt97112/pt-visit-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, PtVisitEditor, box);
  gtk_widget_class_bind_template_child (widget_class, PtVisitEditor, title_entry);
  gtk_widget_class_bind_template_child (widget_class, PtVisitEditor, date_entry);
  gtk_widget_class_bind_template_child (widget_class, PtVisitEditor, payer_entry);
  gtk_widget_class_bind_template_child (widget_class, PtVisitEditor, method_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PtVisitEditor, discipline_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PtVisitEditor, diagnosis_entry);
  gtk_widget_class_bind_template_child (widget_class, PtVisitEditor, category_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PtVisitEditor, list);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
pt_visit_editor_init (PtVisitEditor *self)
{
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->bindings = g_binding_group_new ();
  g_binding_group_bind (self->bindings, "title", self->title_entry, "text",
                        G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_binding_group_bind (self->bindings, "payer", self->payer_entry, "text",
                        G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_binding_group_bind (self->bindings, "diagnosis", self->diagnosis_entry, "text",
                        G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_binding_group_bind (self->bindings, "method", self->method_dropdown, "selected",
                        G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_binding_group_bind (self->bindings, "discipline", self->discipline_dropdown, "selected",
                        G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_binding_group_bind (self->bindings, "diagnosis-category", self->category_dropdown, "selected",
                        G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);

  g_signal_connect_object (self->date_entry, "changed", G_CALLBACK (on_date_changed), self,
                           G_CONNECT_SWAPPED);

  placeholder = gtk_label_new (_("No intervention blocks yet. Add one for each code you provided, with its minutes."));
  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 18);
  gtk_widget_set_margin_bottom (placeholder, 18);
  gtk_widget_set_margin_start (placeholder, 12);
  gtk_widget_set_margin_end (placeholder, 12);
  gtk_list_box_set_placeholder (self->list, placeholder);
}
