/* pt-block-row.c: one intervention block: code, minutes, provider, skilled
 * components and, in an expander, the documentation fields
 *
 * The row binds its widgets to its PtBlock and asks the editor, through
 * signals, to move, duplicate or remove it; it never reaches into the visit.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pt-block-row.h"
#include "pt-code-completion.h"
#include "pt-codes.h"
#include "pt-doc-checks.h"

struct _PtBlockRow
{
  GtkListBoxRow  parent_instance;

  PtBlock       *block;
  GPtrArray     *skilled_toggles;

  GtkLabel      *number_label;
  GtkEntry      *code_entry;
  GtkLabel      *title_label;
  GtkSpinButton *minutes_spin;
  GtkDropDown   *provider_dropdown;
  GtkCheckButton *one_on_one_check;
  GtkImage      *finding_icon;
  GtkLabel      *problem_label;
  GtkFlowBox    *skilled_box;
  GtkExpander   *doc_expander;
  GtkGrid       *doc_grid;
  GtkBox        *findings_box;
  GtkWidget     *up_button;
  GtkWidget     *down_button;
  char          *catalogue_title;

  /* What the editor last set, so its pass over every row after each change
   * touches only the rows whose place or problem changed. */
  guint          position;
  guint          n_blocks;
  char          *problem;
  GPtrArray     *shown_findings; /* PtDocFinding copies: what the expander shows */
};

enum {
  MOVE,
  DUPLICATE,
  REMOVE,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (PtBlockRow, pt_block_row, GTK_TYPE_LIST_BOX_ROW)

static guint signals[N_SIGNALS];

static void
move_up_action (GtkWidget  *widget,
                const char *name,
                GVariant   *param)
{
  g_signal_emit (widget, signals[MOVE], 0, -1);
}

static void
move_down_action (GtkWidget  *widget,
                  const char *name,
                  GVariant   *param)
{
  g_signal_emit (widget, signals[MOVE], 0, 1);
}

static void
duplicate_action (GtkWidget  *widget,
                  const char *name,
                  GVariant   *param)
{
  g_signal_emit (widget, signals[DUPLICATE], 0);
}

static void
remove_action (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  g_signal_emit (widget, signals[REMOVE], 0);
}

/* The code entry shows a wrong code at once, without waiting for the engine. */
static void
update_code_state (PtBlockRow *self)
{
  const char *code = pt_block_get_code (self->block);
  gboolean valid = pt_code_is_valid (code);

  if (valid || *code == '\0')
    gtk_widget_remove_css_class (GTK_WIDGET (self->code_entry), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->code_entry), "error");

  if (!valid)
    gtk_label_set_text (self->title_label, *code ? _("not a code yet: five digits, or a letter and four digits") : "");
  else
    {
      g_autofree char *text = NULL;

      if (!pt_block_get_timed (self->block))
        text = self->catalogue_title
               ? g_strdup_printf (_("%s · untimed: one unit"), self->catalogue_title)
               : g_strdup (_("untimed: one unit"));
      else
        text = g_strdup (self->catalogue_title ? self->catalogue_title : "");
      gtk_label_set_text (self->title_label, text);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->title_label), text);
    }
}

static void
on_skilled_toggled (PtBlockRow      *self,
                    GtkToggleButton *button)
{
  const char *id = g_object_get_data (G_OBJECT (button), "skilled-id");

  pt_block_toggle_skilled (self->block, id, gtk_toggle_button_get_active (button));
}

static void
sync_skilled (PtBlockRow *self)
{
  for (guint i = 0; i < self->skilled_toggles->len; i++)
    {
      GtkToggleButton *b = g_ptr_array_index (self->skilled_toggles, i);
      const char *id = g_object_get_data (G_OBJECT (b), "skilled-id");
      gboolean active = pt_block_has_skilled (self->block, id);

      if (gtk_toggle_button_get_active (b) != active)
        {
          g_signal_handlers_block_by_func (b, on_skilled_toggled, self);
          gtk_toggle_button_set_active (b, active);
          g_signal_handlers_unblock_by_func (b, on_skilled_toggled, self);
        }
    }
}

static void
pt_block_row_dispose (GObject *object)
{
  PtBlockRow *self = (PtBlockRow *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), PT_TYPE_BLOCK_ROW);
  g_clear_object (&self->block);
  g_clear_pointer (&self->skilled_toggles, g_ptr_array_unref);
  g_clear_pointer (&self->catalogue_title, g_free);
  g_clear_pointer (&self->problem, g_free);
  g_clear_pointer (&self->shown_findings, g_ptr_array_unref);

  G_OBJECT_CLASS (pt_block_row_parent_class)->dispose (object);
}

static void
pt_block_row_class_init (PtBlockRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pt_block_row_dispose;

  signals[MOVE] = g_signal_new ("move", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);
  signals[DUPLICATE] = g_signal_new ("duplicate", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[REMOVE] = g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Pt97112/pt-block-row.ui");
  gtk_widget_class_bind_template_child (widget_class, PtBlockRow, number_label);
  gtk_widget_class_bind_template_child (widget_class, PtBlockRow, code_entry);
  gtk_widget_class_bind_template_child (widget_class, PtBlockRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, PtBlockRow, minutes_spin);
  gtk_widget_class_bind_template_child (widget_class, PtBlockRow, provider_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PtBlockRow, one_on_one_check);
  gtk_widget_class_bind_template_child (widget_class, PtBlockRow, finding_icon);
  gtk_widget_class_bind_template_child (widget_class, PtBlockRow, problem_label);
  gtk_widget_class_bind_template_child (widget_class, PtBlockRow, skilled_box);
  gtk_widget_class_bind_template_child (widget_class, PtBlockRow, doc_expander);
  gtk_widget_class_bind_template_child (widget_class, PtBlockRow, doc_grid);
  gtk_widget_class_bind_template_child (widget_class, PtBlockRow, findings_box);
  gtk_widget_class_bind_template_child (widget_class, PtBlockRow, up_button);
  gtk_widget_class_bind_template_child (widget_class, PtBlockRow, down_button);

  gtk_widget_class_install_action (widget_class, "row.move-up", NULL, move_up_action);
  gtk_widget_class_install_action (widget_class, "row.move-down", NULL, move_down_action);
  gtk_widget_class_install_action (widget_class, "row.duplicate", NULL, duplicate_action);
  gtk_widget_class_install_action (widget_class, "row.remove", NULL, remove_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "row.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "row.move-down", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK, "row.duplicate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "row.remove", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "row.remove", NULL);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
pt_block_row_init (PtBlockRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->skilled_toggles = g_ptr_array_new ();
  self->position = G_MAXUINT;
  self->n_blocks = G_MAXUINT;
  self->shown_findings = g_ptr_array_new_with_free_func ((GDestroyNotify) pt_doc_finding_free);
}

/* Text fields a note needs: short entries, one per field. */
static void
build_doc_fields (PtBlockRow *self)
{
  for (guint f = 0; f < PT_BLOCK_N_TEXT_FIELDS; f++)
    {
      GtkWidget *label = gtk_label_new (pt_block_field_label (f));
      GtkWidget *entry = gtk_entry_new ();

      gtk_label_set_xalign (GTK_LABEL (label), 1.0);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_set_hexpand (entry, TRUE);
      gtk_widget_set_name (entry, pt_block_field_names[f]);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (entry),
                                      GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
      gtk_label_set_mnemonic_widget (GTK_LABEL (label), entry);
      g_object_bind_property (self->block, pt_block_field_names[f], entry, "text",
                              G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
      gtk_grid_attach (self->doc_grid, label, 0, f, 1, 1);
      gtk_grid_attach (self->doc_grid, entry, 1, f, 1, 1);
    }
}

static void
build_skilled_toggles (PtBlockRow *self)
{
  for (guint i = 0; pt_skilled_ids[i]; i++)
    {
      GtkWidget *toggle = gtk_toggle_button_new_with_label (pt_skilled_label (pt_skilled_ids[i]));

      gtk_widget_add_css_class (toggle, "skilled-toggle");
      gtk_widget_add_css_class (toggle, "pill");
      g_object_set_data (G_OBJECT (toggle), "skilled-id", (gpointer) pt_skilled_ids[i]);
      g_signal_connect_object (toggle, "toggled", G_CALLBACK (on_skilled_toggled), self,
                               G_CONNECT_SWAPPED);
      gtk_flow_box_append (self->skilled_box, toggle);
      g_ptr_array_add (self->skilled_toggles, toggle);
    }
  sync_skilled (self);
}

static gboolean
int_to_double (GBinding     *binding,
               const GValue *from,
               GValue       *to,
               gpointer      data)
{
  g_value_set_double (to, g_value_get_int (from));
  return TRUE;
}

static gboolean
double_to_int (GBinding     *binding,
               const GValue *from,
               GValue       *to,
               gpointer      data)
{
  g_value_set_int (to, (int) g_value_get_double (from));
  return TRUE;
}

GtkWidget *
pt_block_row_new (PtBlock *block)
{
  PtBlockRow *self = g_object_new (PT_TYPE_BLOCK_ROW, NULL);

  self->block = g_object_ref (block);

  g_object_bind_property (block, "code", self->code_entry, "text",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_object_bind_property_full (block, "minutes", self->minutes_spin, "value",
                               G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                               int_to_double, double_to_int, NULL, NULL);
  g_object_bind_property (block, "provider", self->provider_dropdown, "selected",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_object_bind_property (block, "one-on-one", self->one_on_one_check, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);

  g_signal_connect_object (block, "notify::code", G_CALLBACK (update_code_state), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (block, "notify::timed", G_CALLBACK (update_code_state), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (block, "notify::skilled", G_CALLBACK (sync_skilled), self,
                           G_CONNECT_SWAPPED);

  build_skilled_toggles (self);
  build_doc_fields (self);
  update_code_state (self);

  return GTK_WIDGET (self);
}

PtBlock *
pt_block_row_get_block (PtBlockRow *self)
{
  return self->block;
}

void
pt_block_row_set_position (PtBlockRow *self,
                           guint       position,
                           guint       n_blocks)
{
  g_autofree char *num = NULL;
  g_autofree char *name = NULL;

  if (position == self->position && n_blocks == self->n_blocks)
    return;
  self->position = position;
  self->n_blocks = n_blocks;

  num = g_strdup_printf ("%u", position + 1);
  name = g_strdup_printf (_("Block %u of %u"), position + 1, n_blocks);
  gtk_label_set_text (self->number_label, num);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "row.move-up", position > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "row.move-down", position + 1 < n_blocks);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

/* Marks the block with the engine's message (NULL clears it). */
void
pt_block_row_set_problem (PtBlockRow *self,
                          const char *message)
{
  /* A new row shows no problem (hidden label, no error style): NULL matches. */
  if (g_strcmp0 (message, self->problem) == 0)
    return;
  g_free (self->problem);
  self->problem = g_strdup (message);

  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), message != NULL);
  gtk_label_set_text (self->problem_label, message ? message : "");
  if (message != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->minutes_spin), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->minutes_spin), "error");
}

void
pt_block_row_focus_code (PtBlockRow *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->code_entry));
}

void
pt_block_row_set_code_model (PtBlockRow   *self,
                             GtkTreeModel *model)
{
  GtkEntryCompletion *completion = gtk_entry_completion_new ();

  gtk_entry_completion_set_model (completion, model);
  gtk_entry_completion_set_text_column (completion, 0);
  pt_code_completion_setup (completion);
  gtk_entry_completion_set_minimum_key_length (completion, 1);
  gtk_entry_completion_set_popup_set_width (completion, FALSE);
  gtk_entry_set_completion (self->code_entry, completion);
  g_object_unref (completion);
}

/* The catalogue's short name of the code, shown beside it (NULL: none). */
void
pt_block_row_set_title (PtBlockRow *self,
                        const char *title)
{
  if (g_strcmp0 (self->catalogue_title, title) == 0)
    return;

  g_free (self->catalogue_title);
  self->catalogue_title = g_strdup (title);
  update_code_state (self);
}

void
pt_block_row_focus_field (PtBlockRow *self,
                          const char *field)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->doc_grid)); child;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_ENTRY (child) && g_strcmp0 (gtk_widget_get_name (child), field) == 0)
      {
        gtk_expander_set_expanded (self->doc_expander, TRUE);
        gtk_widget_grab_focus (child);
        return;
      }
}

static void
on_go_to_field (GtkButton  *button,
                PtBlockRow *self)
{
  pt_block_row_focus_field (self, g_object_get_data (G_OBJECT (button), "field"));
}

static const char *
severity_icon (PtDocSeverity severity)
{
  switch (severity)
    {
    case PT_DOC_SEVERITY_ERROR:
      return "dialog-error-symbolic";
    case PT_DOC_SEVERITY_WARNING:
      return "dialog-warning-symbolic";
    case PT_DOC_SEVERITY_INFO:
    default:
      return "dialog-information-symbolic";
    }
}

/* Whether @a and @b would be shown the same way. */
static gboolean
finding_equal (const PtDocFinding *a,
               const PtDocFinding *b)
{
  return a->severity == b->severity && a->field == b->field &&
         g_strcmp0 (a->message, b->message) == 0 && g_strcmp0 (a->hint, b->hint) == 0;
}

static PtDocFinding *
finding_copy (const PtDocFinding *f)
{
  PtDocFinding *copy = g_memdup2 (f, sizeof (PtDocFinding));

  copy->message = g_strdup (f->message);
  copy->hint = g_strdup (f->hint);
  return copy;
}

/* One finding in the expander: its icon, its message over its hint, and a
 * button to the field concerned. */
static GtkWidget *
finding_line_new (PtBlockRow         *self,
                  const PtDocFinding *f)
{
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *icon = gtk_image_new_from_icon_name (severity_icon (f->severity));
  GtkWidget *message = gtk_label_new (f->message);
  GtkWidget *hint = gtk_label_new (f->hint);

  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_widget_add_css_class (icon, f->severity == PT_DOC_SEVERITY_ERROR ? "finding-error"
                                  : f->severity == PT_DOC_SEVERITY_WARNING ? "finding-warning" : "dim-label");
  gtk_label_set_wrap (GTK_LABEL (message), TRUE);
  gtk_label_set_xalign (GTK_LABEL (message), 0);
  gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
  gtk_label_set_xalign (GTK_LABEL (hint), 0);
  gtk_widget_add_css_class (hint, "dim-label");
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (text), message);
  gtk_box_append (GTK_BOX (text), hint);
  gtk_box_append (GTK_BOX (line), icon);
  gtk_box_append (GTK_BOX (line), text);

  if (f->field != PT_DOC_FIELD_NONE)
    {
      GtkWidget *go = gtk_button_new_with_label (_("Go to field"));

      g_object_set_data (G_OBJECT (go), "field", (gpointer) pt_doc_field_to_string (f->field));
      gtk_widget_set_valign (go, GTK_ALIGN_START);
      gtk_widget_add_css_class (go, "flat");
      g_signal_connect (go, "clicked", G_CALLBACK (on_go_to_field), self);
      gtk_box_append (GTK_BOX (line), go);
    }

  return line;
}

/* Puts @f's words into @line, made for a finding of the same severity and
 * field: a count in an assistant or unbilled-minutes note changes with the
 * minutes, and new labels are what costs. */
static void
finding_line_set_text (GtkWidget          *line,
                       const PtDocFinding *f)
{
  GtkWidget *message = gtk_widget_get_first_child (gtk_widget_get_next_sibling (gtk_widget_get_first_child (line)));
  GtkWidget *hint = gtk_widget_get_next_sibling (message);

  gtk_label_set_text (GTK_LABEL (message), f->message);
  gtk_label_set_text (GTK_LABEL (hint), f->hint);
}

/* The row's icon: the most serious finding's, with the count in its tip. */
static void
update_finding_icon (PtBlockRow *self)
{
  PtDocSeverity worst = PT_DOC_SEVERITY_INFO;
  guint n = self->shown_findings->len;
  g_autofree char *tip = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->finding_icon), n > 0);
  if (n == 0)
    return;

  for (guint i = 0; i < n; i++)
    worst = MIN (worst, ((PtDocFinding *) g_ptr_array_index (self->shown_findings, i))->severity);

  tip = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "%u note on this block’s documentation: open Documentation",
                                      "%u notes on this block’s documentation: open Documentation",
                                      n), n);
  gtk_image_set_from_icon_name (self->finding_icon, severity_icon (worst));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->finding_icon), tip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->finding_icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tip, -1);
  gtk_widget_remove_css_class (GTK_WIDGET (self->finding_icon), "finding-error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->finding_icon), "finding-warning");
  if (worst != PT_DOC_SEVERITY_INFO)
    gtk_widget_add_css_class (GTK_WIDGET (self->finding_icon),
                              worst == PT_DOC_SEVERITY_ERROR ? "finding-error" : "finding-warning");
}

/* Shows the documentation findings about this block: an icon on the row for
 * the most serious one, and each message with its hint in the expander, with
 * a button that takes the focus to the field concerned. The window sets
 * every row's findings after every change, so only what reads differently
 * is touched: a line whose words changed gets them in its labels, a line of
 * another kind is made anew, and the icon changes with the count or the
 * worst severity. */
void
pt_block_row_set_findings (PtBlockRow *self,
                           GPtrArray  *findings)
{
  guint n = findings ? findings->len : 0;
  gboolean icon_changed = n != self->shown_findings->len;
  GtkWidget *line = gtk_widget_get_first_child (GTK_WIDGET (self->findings_box));

  for (guint i = 0; i < n; i++)
    {
      const PtDocFinding *f = g_ptr_array_index (findings, i);
      PtDocFinding *old = i < self->shown_findings->len ? g_ptr_array_index (self->shown_findings, i) : NULL;

      if (old != NULL && finding_equal (old, f))
        {
          line = gtk_widget_get_next_sibling (line);
          continue;
        }

      if (old != NULL && old->severity == f->severity && old->field == f->field)
        finding_line_set_text (line, f);
      else
        {
          GtkWidget *fresh = finding_line_new (self, f);

          gtk_box_insert_child_after (self->findings_box, fresh, line ? gtk_widget_get_prev_sibling (line) : gtk_widget_get_last_child (GTK_WIDGET (self->findings_box)));
          if (line != NULL)
            gtk_box_remove (self->findings_box, line);
          line = fresh;
          icon_changed = TRUE;
        }

      if (old != NULL)
        {
          pt_doc_finding_free (old);
          g_ptr_array_index (self->shown_findings, i) = finding_copy (f);
        }
      else
        g_ptr_array_add (self->shown_findings, finding_copy (f));
      line = gtk_widget_get_next_sibling (line);
    }

  /* Findings that went away. */
  while (line != NULL)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (line);

      gtk_box_remove (self->findings_box, line);
      line = next;
    }
  if (self->shown_findings->len > n)
    g_ptr_array_set_size (self->shown_findings, n);

  if (icon_changed)
    update_finding_icon (self);
}

/* How many findings the row's Documentation expander shows. */
guint
pt_block_row_get_n_findings (PtBlockRow *self)
{
  guint n = 0;

  g_return_val_if_fail (PT_IS_BLOCK_ROW (self), 0);

  for (GtkWidget *line = gtk_widget_get_first_child (GTK_WIDGET (self->findings_box)); line;
       line = gtk_widget_get_next_sibling (line))
    n++;

  return n;
}

/* The label that shows finding @index's message in the expander, or NULL. */
GtkWidget *
pt_block_row_get_finding_label (PtBlockRow *self,
                                guint       index)
{
  GtkWidget *line;

  g_return_val_if_fail (PT_IS_BLOCK_ROW (self), NULL);

  for (line = gtk_widget_get_first_child (GTK_WIDGET (self->findings_box)); line && index > 0;
       line = gtk_widget_get_next_sibling (line))
    index--;
  if (line == NULL)
    return NULL;

  /* a line: the icon, then the box of the message and its hint */
  return gtk_widget_get_first_child (gtk_widget_get_next_sibling (gtk_widget_get_first_child (line)));
}

/* The message of finding @index as the expander shows it, or NULL. */
const char *
pt_block_row_get_finding_message (PtBlockRow *self,
                                  guint       index)
{
  GtkWidget *label = pt_block_row_get_finding_label (self, index);

  return label ? gtk_label_get_text (GTK_LABEL (label)) : NULL;
}
