/* pt-code-reference.c: the offline code reference, a sidebar page
 *
 * A search entry filters the catalogue as the user types (by number prefix
 * or by words, through pt_code_catalog_search()); the matches are a list
 * view, and the selected code's details sit under it: what the code is, how
 * its units are counted, how sure the catalogue is and where that came from,
 * and the NCCI pairs that involve it. Under the details, the modifiers and
 * the KX thresholds by year, filtered by the same search. "Insert in Visit"
 * adds a block with the selected code to the visit.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pt-code-reference.h"

struct _PtCodeReference
{
  GtkWidget           parent_instance;

  PtCodeCatalog      *catalog;
  PtWorkspace        *workspace;
  GtkSingleSelection *selection;
  GPtrArray          *modifier_rows; /* GtkWidget, parallel to the catalogue's modifiers */
  guint               n_modifiers_shown;

  GtkWidget          *root;
  GtkSearchEntry     *search_entry;
  GtkLabel           *count_label;
  GtkWidget          *list_scroller;
  GtkListView        *list_view;
  GtkScrolledWindow  *details_scroller;
  GtkLabel           *empty_label;
  GtkWidget          *details_box;
  GtkLabel           *code_label;
  GtkLabel           *timed_label;
  GtkLabel           *title_label;
  GtkLabel           *description_label;
  GtkWidget          *insert_button;
  GtkWidget          *compare_button;
  GtkGrid            *facts_grid;
  GtkWidget          *notes_heading;
  GtkLabel           *notes_label;
  GtkBox             *pairs_box;
  GtkWidget          *modifiers_heading;
  GtkBox             *modifiers_box;
  GtkWidget          *kx_heading;
  GtkWidget          *kx_intro;
  GtkBox             *kx_box;
};

enum {
  CODE_INSERTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (PtCodeReference, pt_code_reference, GTK_TYPE_WIDGET)

/* The four codes the comparison pane shows. */
static const char * const compared_codes[] = { "97110", "97112", "97530", "97116", NULL };

static void
clear_box (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))))
    gtk_box_remove (box, child);
}

static GtkWidget *
wrapped_label (const char *text,
               const char *css)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (css != NULL)
    gtk_widget_add_css_class (label, css);

  return label;
}

static const char *
ccmi_text (gint ccmi)
{
  switch (ccmi)
    {
    case 0:
      return _("No modifier lets both codes through (indicator 0).");
    case 1:
      return _("59 or XU lets both through when they were done in separate time blocks (indicator 1).");
    case 9:
      return _("The edit does not say whether a modifier applies (indicator 9).");
    default:
      return _("No source read states whether a modifier lets both through.");
    }
}

/* "2,330": whole dollars with a thousands separator, whatever the locale. */
static char *
format_dollars (gint amount)
{
  if (amount >= 1000)
    return g_strdup_printf ("$%d,%03d", amount / 1000, amount % 1000);

  return g_strdup_printf ("$%d", amount);
}

/* Results list ------------------------------------------------------------ */

static void
setup_item (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *code = gtk_label_new (NULL);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *tag = gtk_label_new (NULL);

  gtk_label_set_width_chars (GTK_LABEL (code), 5);
  gtk_label_set_xalign (GTK_LABEL (code), 0);
  gtk_widget_add_css_class (code, "code-number");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_set_valign (tag, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (tag, "code-tag");

  gtk_box_append (GTK_BOX (box), code);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), tag);
  gtk_list_item_set_child (item, box);
}

static void
bind_item (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  PtCode *code = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *code_label = gtk_widget_get_first_child (box);
  GtkWidget *title_label = gtk_widget_get_next_sibling (code_label);
  GtkWidget *tag = gtk_widget_get_next_sibling (title_label);
  gboolean timed = pt_code_get_timed (code);

  gtk_label_set_text (GTK_LABEL (code_label), pt_code_get_code (code));
  gtk_label_set_text (GTK_LABEL (title_label), pt_code_get_title (code));
  gtk_widget_set_tooltip_text (box, pt_code_get_title (code));
  gtk_label_set_text (GTK_LABEL (tag), timed ? _("timed") : _("untimed"));
  if (timed)
    {
      gtk_widget_add_css_class (tag, "timed");
      gtk_widget_remove_css_class (tag, "untimed");
    }
  else
    {
      gtk_widget_add_css_class (tag, "untimed");
      gtk_widget_remove_css_class (tag, "timed");
    }
}

/* Details ----------------------------------------------------------------- */

static void
add_fact (PtCodeReference *self,
          int              row,
          const char      *name,
          const char      *value)
{
  GtkWidget *key = gtk_label_new (name);
  GtkWidget *val = wrapped_label (value, NULL);

  gtk_label_set_xalign (GTK_LABEL (key), 0);
  gtk_widget_set_valign (key, GTK_ALIGN_START);
  gtk_widget_add_css_class (key, "dim-label");
  gtk_widget_set_hexpand (val, TRUE);
  gtk_grid_attach (self->facts_grid, key, 0, row, 1, 1);
  gtk_grid_attach (self->facts_grid, val, 1, row, 1, 1);
}

static void
build_pairs (PtCodeReference *self,
             const char      *code)
{
  g_autoptr(GPtrArray) pairs = pt_code_catalog_ncci_pairs_for (self->catalog, code);

  clear_box (self->pairs_box);

  if (pairs->len == 0)
    {
      g_autofree char *text = g_strdup_printf (_("The sources read name no NCCI pair with %s. That does not prove there is none."),
                                               code);

      gtk_box_append (self->pairs_box, wrapped_label (text, "dim-label"));
      return;
    }

  for (guint i = 0; i < pairs->len; i++)
    {
      const PtNcciPair *pair = g_ptr_array_index (pairs, i);
      const char *other = strcmp (pair->codes[0], code) == 0 ? pair->codes[1] : pair->codes[0];
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      g_autofree char *head = NULL;
      g_autofree char *order = NULL;
      g_autofree char *sure = NULL;

      if (pair->column_one != NULL)
        /* Translators: which code of an NCCI pair is the column-one code */
        order = g_strdup_printf (_("%s is column one"), pair->column_one);
      else
        order = g_strdup (_("column order not stated"));

      if (pair->status == PT_NCCI_STATUS_DELETED)
        /* Translators: an NCCI pair; %s is the other code, then the column order */
        head = g_strdup_printf (_("With %s (%s), reported deleted"), other, order);
      else
        /* Translators: an NCCI pair; %s is the other code, then the column order */
        head = g_strdup_printf (_("With %s (%s)"), other, order);

      /* Translators: how sure the catalogue is, then where the fact comes from */
      sure = g_strdup_printf (_("How sure: %s. Source: %s."), pt_confidence_label (pair->confidence),
                              pair->source);

      gtk_widget_add_css_class (box, "ncci-pair");
      gtk_box_append (GTK_BOX (box), wrapped_label (head, "heading"));
      gtk_box_append (GTK_BOX (box), wrapped_label (ccmi_text (pair->ccmi), NULL));
      gtk_box_append (GTK_BOX (box), wrapped_label (pair->explanation, NULL));
      gtk_box_append (GTK_BOX (box), wrapped_label (sure, "dim-label"));
      if (pair->confidence == PT_CONFIDENCE_UNCONFIRMED)
        gtk_widget_add_css_class (box, "unconfirmed");
      gtk_box_append (self->pairs_box, box);
    }
}

static PtCode *
selected_code (PtCodeReference *self)
{
  return gtk_single_selection_get_selected_item (self->selection);
}

static void
update_actions (PtCodeReference *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reference.insert",
                                 self->workspace != NULL && selected_code (self) != NULL);
}

static void
update_details (PtCodeReference *self)
{
  PtCode *code = selected_code (self);
  GtkWidget *child;
  const char *notes;
  g_autofree char *category = NULL;

  update_actions (self);
  gtk_widget_set_visible (self->details_box, code != NULL);
  if (code == NULL)
    return;

  gtk_label_set_text (self->code_label, pt_code_get_code (code));
  gtk_label_set_text (self->timed_label, pt_code_get_timed (code) ? _("timed") : _("untimed"));
  if (pt_code_get_timed (code))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->timed_label), "timed");
      gtk_widget_remove_css_class (GTK_WIDGET (self->timed_label), "untimed");
    }
  else
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->timed_label), "untimed");
      gtk_widget_remove_css_class (GTK_WIDGET (self->timed_label), "timed");
    }
  gtk_label_set_text (self->title_label, pt_code_get_title (code));
  gtk_label_set_text (self->description_label, pt_code_get_description (code));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->facts_grid))))
    gtk_grid_remove (self->facts_grid, child);
  category = g_strdelimit (g_strdup (pt_code_get_category (code)), "-", ' ');
  add_fact (self, 0, _("Units"), pt_unit_basis_label (pt_code_get_unit_basis (code)));
  add_fact (self, 1, _("Kind"), category);
  add_fact (self, 2, _("How sure"), pt_confidence_label (pt_code_get_confidence (code)));
  add_fact (self, 3, _("Source"), pt_code_get_source (code));

  notes = pt_code_get_notes (code);
  gtk_widget_set_visible (self->notes_heading, notes != NULL && *notes != '\0');
  gtk_widget_set_visible (GTK_WIDGET (self->notes_label), notes != NULL && *notes != '\0');
  gtk_label_set_text (self->notes_label, notes ? notes : "");

  gtk_widget_set_visible (self->compare_button,
                          g_strv_contains (compared_codes, pt_code_get_code (code)));

  build_pairs (self, pt_code_get_code (code));

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->details_scroller), 0);
}

/* Modifiers and KX thresholds --------------------------------------------- */

/* TRUE when every word of @words starts a word of @haystack (both folded). */
static gboolean
words_start_words (const char * const *words,
                   const char         *haystack)
{
  for (guint w = 0; words[w]; w++)
    {
      gsize len = strlen (words[w]);
      gboolean found = FALSE, at_start = TRUE;

      if (len == 0)
        continue;

      for (const char *p = haystack; *p && !found; p = g_utf8_next_char (p))
        {
          if (at_start && strncmp (p, words[w], len) == 0)
            found = TRUE;
          at_start = !g_unichar_isalnum (g_utf8_get_char (p));
        }

      if (!found)
        return FALSE;
    }

  return TRUE;
}

static gboolean
modifier_matches (const PtModifierInfo *info,
                  const char           *folded)
{
  g_autofree char *code = NULL, *text = NULL, *joined = NULL;
  g_auto(GStrv) words = NULL;

  if (*folded == '\0')
    return TRUE;

  code = g_utf8_casefold (info->code, -1);
  if (g_str_has_prefix (code, folded))
    return TRUE;

  joined = g_strjoin (" ", info->meaning, info->applies ? info->applies : "", NULL);
  text = g_utf8_casefold (joined, -1);
  words = g_strsplit_set (folded, " \t", -1);

  return words_start_words ((const char * const *) words, text);
}

static GtkWidget *
modifier_row (const PtModifierInfo *info)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *code = gtk_label_new (info->code);
  g_autofree char *sure = g_strdup_printf (_("How sure: %s. Source: %s."),
                                           pt_confidence_label (info->confidence), info->source);

  gtk_widget_add_css_class (code, "code-number");
  gtk_widget_set_valign (code, GTK_ALIGN_START);
  gtk_label_set_width_chars (GTK_LABEL (code), 3);
  gtk_label_set_xalign (GTK_LABEL (code), 0);
  gtk_box_append (GTK_BOX (line), code);
  gtk_box_append (GTK_BOX (line), wrapped_label (info->meaning, NULL));
  gtk_box_append (GTK_BOX (box), line);
  if (info->applies != NULL && *info->applies != '\0')
    gtk_box_append (GTK_BOX (box), wrapped_label (info->applies, NULL));
  gtk_box_append (GTK_BOX (box), wrapped_label (sure, "dim-label"));
  if (info->confidence == PT_CONFIDENCE_UNCONFIRMED)
    gtk_widget_add_css_class (box, "unconfirmed");

  return box;
}

static void
build_modifiers (PtCodeReference *self)
{
  guint n = pt_code_catalog_get_n_modifiers (self->catalog);
  guint k = pt_code_catalog_get_n_kx_thresholds (self->catalog);

  for (guint i = 0; i < n; i++)
    {
      GtkWidget *row = modifier_row (pt_code_catalog_get_modifier (self->catalog, i));

      gtk_box_append (self->modifiers_box, row);
      g_ptr_array_add (self->modifier_rows, row);
    }

  for (guint i = 0; i < k; i++)
    {
      const PtKxThreshold *kx = pt_code_catalog_get_kx_threshold (self->catalog, i);
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      g_autofree char *pt = format_dollars (kx->amount_pt_slp);
      g_autofree char *ot = format_dollars (kx->amount_ot);
      /* Translators: a KX threshold: the year, the PT and speech amount, the OT amount */
      g_autofree char *head = g_strdup_printf (_("%d: PT and speech %s · OT %s"), kx->year, pt, ot);
      g_autofree char *sure = g_strdup_printf (_("How sure: %s. Source: %s."),
                                               pt_confidence_label (kx->confidence), kx->source);

      gtk_box_append (GTK_BOX (box), wrapped_label (head, "kx-amount"));
      gtk_box_append (GTK_BOX (box), wrapped_label (sure, "dim-label"));
      if (kx->confidence == PT_CONFIDENCE_UNCONFIRMED)
        gtk_widget_add_css_class (box, "unconfirmed");
      gtk_box_append (self->kx_box, box);
    }
}

static void
filter_modifiers (PtCodeReference *self,
                  const char      *query)
{
  g_autofree char *folded = g_strstrip (g_utf8_casefold (query ? query : "", -1));
  gboolean kx_shown = FALSE;

  self->n_modifiers_shown = 0;
  for (guint i = 0; i < self->modifier_rows->len; i++)
    {
      const PtModifierInfo *info = pt_code_catalog_get_modifier (self->catalog, i);
      gboolean shown = modifier_matches (info, folded);

      gtk_widget_set_visible (g_ptr_array_index (self->modifier_rows, i), shown);
      if (shown)
        {
          self->n_modifiers_shown++;
          kx_shown |= g_ascii_strcasecmp (info->code, "KX") == 0;
        }
    }

  gtk_widget_set_visible (self->modifiers_heading, self->n_modifiers_shown > 0);
  kx_shown = (*folded == '\0' || kx_shown) && pt_code_catalog_get_n_kx_thresholds (self->catalog) > 0;
  gtk_widget_set_visible (self->kx_heading, kx_shown);
  gtk_widget_set_visible (self->kx_intro, kx_shown);
  gtk_widget_set_visible (GTK_WIDGET (self->kx_box), kx_shown);
}

/* Search ------------------------------------------------------------------ */

static gint
find_code (GListModel *model,
           const char *code)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; code != NULL && i < n; i++)
    {
      g_autoptr(PtCode) item = g_list_model_get_item (model, i);

      if (strcmp (pt_code_get_code (item), code) == 0)
        return (gint) i;
    }

  return -1;
}

/* Runs on every keystroke, synchronously: the list is right before the next frame. */
static void
update_results (PtCodeReference *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  PtCode *previous = selected_code (self);
  g_autofree char *keep = previous ? g_strdup (pt_code_get_code (previous)) : NULL;
  g_autoptr(GListModel) results = pt_code_catalog_search (self->catalog, text);
  guint n = g_list_model_get_n_items (results);
  gint again;
  g_autofree char *count = NULL;

  gtk_single_selection_set_model (self->selection, results);
  if ((again = find_code (results, keep)) >= 0)
    gtk_single_selection_set_selected (self->selection, again);

  filter_modifiers (self, text);

  if (n == 0)
    {
      g_autofree char *stripped = g_strstrip (g_strdup (text));
      g_autofree char *empty = NULL;

      count = g_strdup (_("No code matches"));
      if (self->n_modifiers_shown > 0)
        empty = g_strdup_printf (_("No code matches “%s”; the modifiers that do are below."), stripped);
      else
        empty = g_strdup_printf (_("Nothing matches “%s”. Try the start of a code number, like 9711, or a word, like balance or gait."),
                                 stripped);
      gtk_label_set_text (self->empty_label, empty);
    }
  else
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u code", "%u codes", n), n);

  gtk_label_set_text (self->count_label, count);
  /* an empty list gives its room to what did match: the modifiers */
  gtk_widget_set_visible (self->list_scroller, n > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->empty_label), n == 0);
  update_details (self);
}

static void
on_search_activate (PtCodeReference *self)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (self->selection)) > 0)
    gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

static void
on_stop_search (PtCodeReference *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

/* Down in the search entry goes to the list, as in a file chooser. */
static gboolean
on_search_key (GtkEventControllerKey *controller,
               guint                  keyval,
               guint                  keycode,
               GdkModifierType        state,
               PtCodeReference       *self)
{
  if ((keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down) &&
      g_list_model_get_n_items (G_LIST_MODEL (self->selection)) > 0)
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
      return TRUE;
    }

  return FALSE;
}

static void
on_list_activate (PtCodeReference *self,
                  guint            position)
{
  gtk_single_selection_set_selected (self->selection, position);
  if (gtk_widget_is_sensitive (self->insert_button))
    gtk_widget_grab_focus (self->insert_button);
}

static void
insert_action (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  PtCodeReference *self = PT_CODE_REFERENCE (widget);
  PtCode *code = selected_code (self);
  g_autoptr(PtBlock) block = NULL;
  PtVisit *visit;
  guint position;

  if (code == NULL || self->workspace == NULL)
    return;

  visit = pt_workspace_get_visit (self->workspace);
  block = pt_block_new (pt_code_get_code (code), 0);
  position = pt_visit_get_n_blocks (visit);
  pt_visit_append_block (visit, block);
  pt_workspace_record_now (self->workspace);

  g_signal_emit (self, signals[CODE_INSERTED], 0, position);
}

/* GObject ----------------------------------------------------------------- */

static void
pt_code_reference_dispose (GObject *object)
{
  PtCodeReference *self = (PtCodeReference *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), PT_TYPE_CODE_REFERENCE);
  g_clear_object (&self->selection);
  g_clear_object (&self->workspace);
  g_clear_pointer (&self->modifier_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (pt_code_reference_parent_class)->dispose (object);
}

static void
pt_code_reference_class_init (PtCodeReferenceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pt_code_reference_dispose;

  /**
   * PtCodeReference::code-inserted:
   * @position: where the new block is in the visit
   *
   * "Insert in Visit" appended a block with the selected code.
   */
  signals[CODE_INSERTED] = g_signal_new ("code-inserted", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Pt97112/pt-code-reference.ui");
  gtk_widget_class_bind_template_child (widget_class, PtCodeReference, root);
  gtk_widget_class_bind_template_child (widget_class, PtCodeReference, search_entry);
  gtk_widget_class_bind_template_child (widget_class, PtCodeReference, count_label);
  gtk_widget_class_bind_template_child (widget_class, PtCodeReference, list_scroller);
  gtk_widget_class_bind_template_child (widget_class, PtCodeReference, list_view);
  gtk_widget_class_bind_template_child (widget_class, PtCodeReference, details_scroller);
  gtk_widget_class_bind_template_child (widget_class, PtCodeReference, empty_label);
  gtk_widget_class_bind_template_child (widget_class, PtCodeReference, details_box);
  gtk_widget_class_bind_template_child (widget_class, PtCodeReference, code_label);
  gtk_widget_class_bind_template_child (widget_class, PtCodeReference, timed_label);
  gtk_widget_class_bind_template_child (widget_class, PtCodeReference, title_label);
  gtk_widget_class_bind_template_child (widget_class, PtCodeReference, description_label);
  gtk_widget_class_bind_template_child (widget_class, PtCodeReference, insert_button);
  gtk_widget_class_bind_template_child (widget_class, PtCodeReference, compare_button);
  gtk_widget_class_bind_template_child (widget_class, PtCodeReference, facts_grid);
  gtk_widget_class_bind_template_child (widget_class, PtCodeReference, notes_heading);
  gtk_widget_class_bind_template_child (widget_class, PtCodeReference, notes_label);
  gtk_widget_class_bind_template_child (widget_class, PtCodeReference, pairs_box);
  gtk_widget_class_bind_template_child (widget_class, PtCodeReference, modifiers_heading);
  gtk_widget_class_bind_template_child (widget_class, PtCodeReference, modifiers_box);
  gtk_widget_class_bind_template_child (widget_class, PtCodeReference, kx_heading);
  gtk_widget_class_bind_template_child (widget_class, PtCodeReference, kx_intro);
  gtk_widget_class_bind_template_child (widget_class, PtCodeReference, kx_box);

  gtk_widget_class_install_action (widget_class, "reference.insert", NULL, insert_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "codereference");
}

static void
pt_code_reference_init (PtCodeReference *self)
{
  GtkListItemFactory *factory;
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->catalog = pt_code_catalog_get_default ();
  self->modifier_rows = g_ptr_array_new ();
  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, TRUE);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_item), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_item), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  g_signal_connect_object (self->selection, "notify::selected-item", G_CALLBACK (update_details),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "changed", G_CALLBACK (update_results), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "activate", G_CALLBACK (on_search_activate), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "stop-search", G_CALLBACK (on_stop_search), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->list_view, "activate", G_CALLBACK (on_list_activate), self,
                           G_CONNECT_SWAPPED);

  keys = gtk_event_controller_key_new ();
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_search_key), self);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), keys);

  build_modifiers (self);
  update_results (self);
}

GtkWidget *
pt_code_reference_new (void)
{
  return g_object_new (PT_TYPE_CODE_REFERENCE, NULL);
}

/* "Insert in Visit" adds its blocks to @workspace's visit. */
void
pt_code_reference_set_workspace (PtCodeReference *self,
                                 PtWorkspace     *workspace)
{
  g_return_if_fail (PT_IS_CODE_REFERENCE (self));

  g_set_object (&self->workspace, workspace);
  update_actions (self);
}

void
pt_code_reference_focus_search (PtCodeReference *self)
{
  g_return_if_fail (PT_IS_CODE_REFERENCE (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

GtkWidget *
pt_code_reference_get_search_entry (PtCodeReference *self)
{
  g_return_val_if_fail (PT_IS_CODE_REFERENCE (self), NULL);

  return GTK_WIDGET (self->search_entry);
}

/**
 * pt_code_reference_get_results:
 *
 * Returns: (transfer none): the codes the list shows now (a GtkSingleSelection of PtCode)
 */
GListModel *
pt_code_reference_get_results (PtCodeReference *self)
{
  g_return_val_if_fail (PT_IS_CODE_REFERENCE (self), NULL);

  return G_LIST_MODEL (self->selection);
}

/* Selects @code when the list shows it; FALSE when it does not. */
gboolean
pt_code_reference_select_code (PtCodeReference *self,
                               const char      *code)
{
  gint position;

  g_return_val_if_fail (PT_IS_CODE_REFERENCE (self), FALSE);

  if ((position = find_code (G_LIST_MODEL (self->selection), code)) < 0)
    return FALSE;

  gtk_single_selection_set_selected (self->selection, position);
  return TRUE;
}

/**
 * pt_code_reference_get_selected:
 *
 * Returns: (transfer none) (nullable): the code whose details are shown
 */
PtCode *
pt_code_reference_get_selected (PtCodeReference *self)
{
  g_return_val_if_fail (PT_IS_CODE_REFERENCE (self), NULL);

  return selected_code (self);
}

guint
pt_code_reference_get_n_modifiers_shown (PtCodeReference *self)
{
  g_return_val_if_fail (PT_IS_CODE_REFERENCE (self), 0);

  return self->n_modifiers_shown;
}
