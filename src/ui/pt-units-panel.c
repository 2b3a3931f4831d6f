/* pt-units-panel.c: units for the visit's method and the other method, side
 * by side, with the reason for every unit, ties to choose, the next-unit hint
 * and the codes documented but not billed. Rebuilt on every change.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pt-units-panel.h"
#include "pt-ui-util.h"
#include "pt-visit-assistant.h"
#include "pt-visit-summary.h"

struct _PtUnitsPanel
{
  GtkWidget    parent_instance;

  PtWorkspace *workspace;
  gboolean     show_other;
  char        *headline;

  GtkWidget   *scroller;
  GtkBox      *box;
  GtkLabel    *method_label;
  GtkLabel    *headline_label;
  GtkLabel    *subline_label;
  GtkLabel    *error_label;
  GtkGrid     *codes_grid;
  GtkLabel    *difference_label;
  GtkBox      *ties_box;
  GtkLabel    *hint_label;
  GtkLabel    *not_billed_label;
  GtkBox      *steps_box;
  GtkWidget   *steps_heading;
  GtkBox      *extra_box;
  GtkWidget   *modifiers_box;
  GtkWidget   *checks_box;

  /* What each rebuilt section shows now, so an edit that leaves it alone
   * does not remake its widgets (NULL: not built yet). */
  GPtrArray   *cells;         /* GtkLabel or NULL, N_COLUMNS per row of codes_grid */
  char        *ties_key;
  char        *modifiers_key;
};

#define N_COLUMNS 4

G_DEFINE_FINAL_TYPE (PtUnitsPanel, pt_units_panel, GTK_TYPE_WIDGET)

/* Adding a class a widget has, or removing one it lacks, still restyles
 * it: only change what differs. */
static void
set_css_class (GtkWidget  *widget,
               const char *css,
               gboolean    on)
{
  if (gtk_widget_has_css_class (widget, css) == !!on)
    return;

  if (on)
    gtk_widget_add_css_class (widget, css);
  else
    gtk_widget_remove_css_class (widget, css);
}

static void
on_tie_clicked (GtkButton    *button,
                PtUnitsPanel *self)
{
  pt_workspace_choose_tie (self->workspace, g_object_get_data (G_OBJECT (button), "code"));
}

/* Everything the ties section shows, as one string: most edits leave the
 * ties as they were, and then their boxes and buttons are kept. */
static char *
ties_key (const PtAllocResult *r)
{
  GString *key = g_string_new (NULL);

  for (guint t = 0; t < r->ties->len; t++)
    {
      const PtTie *tie = &g_array_index (r->ties, PtTie, t);

      g_string_append_printf (key, "%d %d:", tie->leftover, tie->units);
      for (guint k = 0; k < tie->n_codes; k++)
        {
          const PtCodeUnits *c = pt_alloc_result_get_code (r, tie->codes[k]);

          g_string_append_printf (key, " %s%s", c->code, c->units > c->full_units ? "*" : "");
        }
      g_string_append_c (key, '\n');
    }

  return g_string_free (key, FALSE);
}

static void
build_ties (PtUnitsPanel        *self,
            const PtAllocResult *r)
{
  g_autofree char *key = ties_key (r);

  if (g_strcmp0 (key, self->ties_key) == 0)
    return;
  g_free (self->ties_key);
  self->ties_key = g_steal_pointer (&key);

  pt_ui_clear_children (GTK_WIDGET (self->ties_box));

  for (guint t = 0; t < r->ties->len; t++)
    {
      const PtTie *tie = &g_array_index (r->ties, PtTie, t);
      GtkWidget *frame = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
      g_autofree char *text = NULL;
      GString *names = g_string_new (NULL);

      for (guint k = 0; k < tie->n_codes; k++)
        g_string_append_printf (names, "%s%s", k ? ", " : "",
                                pt_alloc_result_get_code (r, tie->codes[k])->code);

      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Tie: %s each have %d leftover minutes for %d unit. Any choice is correct; pick the code that carries it:",
                                           "Tie: %s each have %d leftover minutes for %d units. Any choice is correct; pick the codes that carry them:",
                                           tie->units),
                              names->str, tie->leftover, tie->units);
      g_string_free (names, TRUE);

      gtk_widget_add_css_class (frame, "tie-box");
      gtk_box_append (GTK_BOX (frame), pt_ui_label_cell (text, 0, NULL));
      gtk_label_set_wrap (GTK_LABEL (gtk_widget_get_first_child (frame)), TRUE);
      gtk_widget_add_css_class (buttons, "linked");

      for (guint k = 0; k < tie->n_codes; k++)
        {
          const PtCodeUnits *c = pt_alloc_result_get_code (r, tie->codes[k]);
          GtkWidget *button = gtk_button_new_with_label (c->code);
          gboolean carries = c->units > c->full_units;
          g_autofree char *tip = g_strdup_printf (carries ? _("%s carries a tied unit now")
                                                          : _("Give the tied unit to %s"), c->code);

          g_object_set_data_full (G_OBJECT (button), "code", g_strdup (c->code), g_free);
          gtk_widget_set_tooltip_text (button, tip);
          if (carries)
            gtk_widget_add_css_class (button, "suggested-action");
          g_signal_connect (button, "clicked", G_CALLBACK (on_tie_clicked), self);
          gtk_box_append (GTK_BOX (buttons), button);
        }

      gtk_widget_set_halign (buttons, GTK_ALIGN_START);
      gtk_box_append (GTK_BOX (frame), buttons);
      gtk_box_append (self->ties_box, frame);
    }
}

/* The label at (@col, @row) of the codes table, or NULL. Kept in an array:
 * gtk_grid_get_child_at() walks every child, and the table is read cell by
 * cell on every key. */
static GtkWidget *
cell_at (PtUnitsPanel *self,
         int           col,
         int           row)
{
  guint index = (guint) row * N_COLUMNS + (guint) col;

  return index < self->cells->len ? g_ptr_array_index (self->cells, index) : NULL;
}

static void
set_cell_at (PtUnitsPanel *self,
             int           col,
             int           row,
             GtkWidget    *label)
{
  guint index = (guint) row * N_COLUMNS + (guint) col;

  if (index >= self->cells->len)
    g_ptr_array_set_size (self->cells, (guint) (row + 1) * N_COLUMNS);
  g_ptr_array_index (self->cells, index) = label;
}

/* Removes the label at (@col, @row), if any. */
static void
remove_cell (PtUnitsPanel *self,
             int           col,
             int           row)
{
  GtkWidget *label = cell_at (self, col, row);

  if (label != NULL)
    {
      gtk_grid_remove (self->codes_grid, label);
      set_cell_at (self, col, row, NULL);
    }
}

static void
clear_table (PtUnitsPanel *self)
{
  pt_ui_clear_children (GTK_WIDGET (self->codes_grid));
  g_ptr_array_set_size (self->cells, 0);
}

/* Sets the label at (@col, @row), reusing the one there: the panel follows
 * every key, and remaking a few hundred labels each time is what costs. */
static void
set_cell (PtUnitsPanel *self,
          int           col,
          int           row,
          const char   *text,
          float         xalign,
          const char   *css,
          const char   *optional_css,
          gboolean      optional)
{
  GtkWidget *label = cell_at (self, col, row);

  if (label == NULL)
    {
      label = pt_ui_label_cell (text, xalign, css);
      if (optional_css != NULL && optional)
        gtk_widget_add_css_class (label, optional_css);
      gtk_grid_attach (self->codes_grid, label, col, row, 1, 1);
      set_cell_at (self, col, row, label);
      return;
    }

  if (g_strcmp0 (gtk_label_get_text (GTK_LABEL (label)), text) != 0)
    gtk_label_set_text (GTK_LABEL (label), text);
  if (optional_css != NULL)
    set_css_class (label, optional_css, optional);
}

static void
build_table (PtUnitsPanel        *self,
             const PtAllocResult *r,
             const PtAllocResult *other)
{
  int rows = (int) r->codes->len + 1;

  set_cell (self, 0, 0, _("Code"), 0, "heading", NULL, FALSE);
  set_cell (self, 1, 0, _("Minutes"), 1, "heading", NULL, FALSE);
  set_cell (self, 2, 0, r->method == PT_METHOD_CMS ? _("CMS") : _("AMA"), 1, "heading", NULL, FALSE);
  if (other != NULL)
    set_cell (self, 3, 0, other->method == PT_METHOD_CMS ? _("CMS") : _("AMA"), 1, "dim-label", NULL, FALSE);

  for (guint i = 0; i < r->codes->len; i++)
    {
      const PtCodeUnits *c = pt_alloc_result_get_code (r, i);
      char minutes[16], units[16];
      g_autofree char *code = c->timed ? g_strdup (c->code) : g_strdup_printf (_("%s (untimed)"), c->code);

      g_snprintf (minutes, sizeof minutes, "%d", c->minutes);
      g_snprintf (units, sizeof units, "%d", c->units);
      set_cell (self, 0, i + 1, code, 0, NULL, "tied", c->tied);
      set_cell (self, 1, i + 1, minutes, 1, "numeric", NULL, FALSE);
      set_cell (self, 2, i + 1, units, 1, "units-cell", NULL, FALSE);
      if (other != NULL)
        {
          char ounits[16];

          g_snprintf (ounits, sizeof ounits, "%d", pt_alloc_result_get_code (other, i)->units);
          set_cell (self, 3, i + 1, ounits, 1, "dim-label", NULL, FALSE);
        }
    }

  /* Rows of codes no longer in the visit, and the other method's column when hidden. */
  for (int row = (int) (self->cells->len / N_COLUMNS) - 1; row >= rows; row--)
    for (int col = 0; col < N_COLUMNS; col++)
      remove_cell (self, col, row);
  g_ptr_array_set_size (self->cells, MIN (self->cells->len, (guint) rows * N_COLUMNS));
  if (other == NULL)
    for (int row = 0; row < rows; row++)
      remove_cell (self, 3, row);
}

static void
build_steps (PtUnitsPanel        *self,
             const PtAllocResult *r)
{
  GtkWidget *label = gtk_widget_get_first_child (GTK_WIDGET (self->steps_box));

  for (guint s = 0; s < r->steps->len; s++)
    {
      const PtStep *step = &g_array_index (r->steps, PtStep, s);

      if (label == NULL)
        {
          label = pt_ui_label_cell (step->text, 0, NULL);
          gtk_label_set_wrap (GTK_LABEL (label), TRUE);
          gtk_box_append (self->steps_box, label);
        }
      else if (g_strcmp0 (gtk_label_get_text (GTK_LABEL (label)), step->text) != 0)
        gtk_label_set_text (GTK_LABEL (label), step->text);

      set_css_class (label, "tied", step->tie);
      set_css_class (label, "dim-label", step->kind == PT_STEP_NOT_BILLED);

      label = gtk_widget_get_next_sibling (label);
    }

  while (label != NULL)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (label);

      gtk_box_remove (self->steps_box, label);
      label = next;
    }
}

static GtkWidget *
heading (const char *text)
{
  GtkWidget *label = pt_ui_label_cell (text, 0, "heading");

  gtk_widget_set_margin_top (label, 6);
  return label;
}

static GtkWidget *
wrapped (const char *text,
         const char *css)
{
  GtkWidget *label = pt_ui_label_cell (text, 0, css);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  return label;
}

/* One line of a rebuilt section: a heading (css NULL and heading TRUE) or a
 * wrapped label with an optional style class. */
typedef struct {
  char       *text;
  const char *css;
  gboolean    heading;
} PanelLine;

static void
panel_line_free (gpointer data)
{
  PanelLine *line = data;

  g_free (line->text);
  g_free (line);
}

static void
add_line (GPtrArray  *lines,
          char       *text,
          const char *css,
          gboolean    is_heading)
{
  PanelLine *line = g_new0 (PanelLine, 1);

  line->text = text;
  line->css = css;
  line->heading = is_heading;
  g_ptr_array_add (lines, line);
}

/* All the lines as one string, to tell whether a section changed. */
static char *
lines_key (GPtrArray *lines)
{
  GString *key = g_string_new (NULL);

  for (guint i = 0; i < lines->len; i++)
    {
      PanelLine *line = g_ptr_array_index (lines, i);

      g_string_append_printf (key, "%d%s\x1f%s\x1e", line->heading, line->css ? line->css : "", line->text);
    }

  return g_string_free (key, FALSE);
}

/* The lines of the assistant-modifier section: which units carry CQ or CO,
 * with the claim lines and the reason for each; none when no assistant
 * minutes are recorded. */
static GPtrArray *
modifier_lines (PtUnitsPanel        *self,
                const PtAllocResult *cms)
{
  PtVisit *visit = pt_workspace_get_visit (self->workspace);
  GPtrArray *out = g_ptr_array_new_with_free_func (panel_line_free);
  g_autoptr(PtAssistantResult) ar = NULL;

  if (cms == NULL || !pt_visit_has_assistant_minutes (visit))
    return out;

  ar = pt_visit_compute_modifiers (visit, cms);

  if (!ar->applies)
    {
      add_line (out, g_strdup (_("Assistant modifiers")), NULL, TRUE);
      add_line (out, g_strdup (ar->reason), "dim-label", FALSE);
      return out;
    }

  add_line (out, g_strdup_printf (_("Assistant modifiers: %s with %s"), ar->modifier, ar->therapy_modifier),
            NULL, TRUE);

  for (guint i = 0; i < ar->codes->len; i++)
    {
      const PtAssistantCode *c = pt_assistant_result_get_code (ar, i);
      GString *claim;

      if (c->units == 0)
        continue;

      add_line (out, pt_assistant_code_summary (ar, i), "hint", FALSE);
      claim = g_string_new (NULL);
      for (guint l = 0; l < c->lines->len; l++)
        g_string_append_printf (claim, "%s%s", l ? "   " : "", (char *) g_ptr_array_index (c->lines, l));
      add_line (out, g_string_free (claim, FALSE), "monospace", FALSE);

      for (guint k = 0; k < c->steps->len; k++)
        add_line (out, g_strdup (g_array_index (c->steps, PtAssistantStep, k).text), NULL, FALSE);
    }

  for (guint f = 0; f < ar->flags->len; f++)
    add_line (out, g_strdup (g_array_index (ar->flags, PtAssistantFlag, f).text), "tie-box", FALSE);

  if (ar->reduced_payment)
    add_line (out, g_strdup (_("Medicare pays lines with the assistant modifier at 85 %.")), "dim-label", FALSE);

  return out;
}

/* Which units carry CQ or CO. Remade only when its text changed: with
 * assistant minutes in the visit, most edits leave it as it was. */
static void
build_modifiers (PtUnitsPanel        *self,
                 const PtAllocResult *cms)
{
  g_autoptr(GPtrArray) lines = modifier_lines (self, cms);
  g_autofree char *key = lines_key (lines);

  if (g_strcmp0 (key, self->modifiers_key) == 0)
    return;
  g_free (self->modifiers_key);
  self->modifiers_key = g_steal_pointer (&key);

  pt_ui_clear_children (self->modifiers_box);
  gtk_widget_set_visible (self->modifiers_box, lines->len > 0);
  for (guint i = 0; i < lines->len; i++)
    {
      PanelLine *line = g_ptr_array_index (lines, i);

      gtk_box_append (GTK_BOX (self->modifiers_box),
                      line->heading ? heading (line->text) : wrapped (line->text, line->css));
    }
}

static void
update (PtUnitsPanel *self)
{
  PtVisit *visit = pt_workspace_get_visit (self->workspace);
  PtMethod method = pt_visit_get_method (visit);
  const PtAllocResult *r = pt_workspace_get_result (self->workspace, method);
  const PtAllocResult *other = pt_workspace_get_result (self->workspace, !method);
  const GError *error = pt_workspace_get_error (self->workspace);
  g_autofree char *method_text = g_strdup_printf (_("%s — this visit’s method"),
                                                  pt_method_display_name (method));
  g_autofree char *diff = NULL;
  g_autofree char *hint = NULL;
  g_autofree char *subline = NULL;
  GString *not_billed = g_string_new (NULL);

  gtk_label_set_text (self->method_label, method_text);

  /* An empty visit is not an error: the headline already says what to do. */
  if (pt_visit_get_n_blocks (visit) == 0)
    error = NULL;
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), error != NULL);
  if (error != NULL)
    gtk_label_set_text (self->error_label, error->message);

  if (r == NULL)
    {
      g_free (self->headline);
      self->headline = g_strdup (pt_visit_get_n_blocks (visit) == 0
                                 ? _("No blocks yet")
                                 : _("Units cannot be counted yet"));
      gtk_label_set_text (self->headline_label, self->headline);
      gtk_label_set_text (self->subline_label,
                          pt_visit_get_n_blocks (visit) == 0
                          ? _("Add an intervention block with its code and minutes; the units appear here as you type.")
                          : _("Fix what is marked in the editor."));
      clear_table (self);
      pt_ui_clear_children (GTK_WIDGET (self->ties_box));
      g_clear_pointer (&self->ties_key, g_free);
      pt_ui_clear_children (GTK_WIDGET (self->steps_box));
      gtk_widget_set_visible (self->steps_heading, FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->difference_label), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->not_billed_label), FALSE);
      gtk_label_set_text (self->hint_label, "");
      g_string_free (not_billed, TRUE);
      return;
    }

  g_free (self->headline);
  self->headline = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d unit", "%d units", r->total_units),
                                    r->total_units);
  gtk_label_set_text (self->headline_label, self->headline);

  subline = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%d timed minutes · %d timed unit",
                                          "%d timed minutes · %d timed units",
                                          r->total_timed_units),
                             r->total_timed_minutes, r->total_timed_units);
  gtk_label_set_text (self->subline_label, subline);

  build_table (self, r, self->show_other ? other : NULL);

  diff = pt_method_difference_text (pt_workspace_get_result (self->workspace, PT_METHOD_CMS),
                                    pt_workspace_get_result (self->workspace, PT_METHOD_AMA));
  gtk_widget_set_visible (GTK_WIDGET (self->difference_label), diff != NULL && self->show_other);
  gtk_label_set_text (self->difference_label, diff ? diff : "");

  build_ties (self, r);

  hint = pt_alloc_result_hint_text (r);
  gtk_label_set_text (self->hint_label, hint);

  for (guint i = 0; i < r->codes->len; i++)
    {
      const PtCodeUnits *c = pt_alloc_result_get_code (r, i);

      if (c->timed && c->minutes > 0 && c->units == 0)
        g_string_append_printf (not_billed, "%s%s (%d min)", not_billed->len ? ", " : "",
                                c->code, c->minutes);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->not_billed_label), not_billed->len > 0);
  if (not_billed->len > 0)
    {
      g_autofree char *text = g_strdup_printf (_("Documented, not billed: %s"), not_billed->str);

      gtk_label_set_text (self->not_billed_label, text);
    }
  g_string_free (not_billed, TRUE);

  gtk_widget_set_visible (self->steps_heading, TRUE);
  build_steps (self, r);
  build_modifiers (self, pt_workspace_get_result (self->workspace, PT_METHOD_CMS));
}

static const char *
severity_icon (PtDocSeverity severity)
{
  return severity == PT_DOC_SEVERITY_ERROR ? "dialog-error-symbolic"
         : severity == PT_DOC_SEVERITY_WARNING ? "dialog-warning-symbolic"
         : "dialog-information-symbolic";
}

/* One finding about the whole visit: its icon, its message over its hint. */
static GtkWidget *
check_line_new (const PtDocFinding *f)
{
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *icon = gtk_image_new_from_icon_name (severity_icon (f->severity));

  g_object_set_data (G_OBJECT (line), "severity", GINT_TO_POINTER (f->severity));
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (text), wrapped (f->message, NULL));
  gtk_box_append (GTK_BOX (text), wrapped (f->hint, "dim-label"));
  gtk_box_append (GTK_BOX (line), icon);
  gtk_box_append (GTK_BOX (line), text);

  return line;
}

/* Shows @f in @line, remaking it only for another severity: the method
 * difference and tie notes change their numbers with the minutes. */
static GtkWidget *
check_line_update (PtUnitsPanel       *self,
                   GtkWidget          *line,
                   const PtDocFinding *f)
{
  GtkWidget *message, *hint, *fresh;

  if (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (line), "severity")) == (gint) f->severity)
    {
      message = gtk_widget_get_first_child (gtk_widget_get_last_child (line));
      hint = gtk_widget_get_next_sibling (message);
      if (g_strcmp0 (gtk_label_get_text (GTK_LABEL (message)), f->message) != 0)
        gtk_label_set_text (GTK_LABEL (message), f->message);
      if (g_strcmp0 (gtk_label_get_text (GTK_LABEL (hint)), f->hint) != 0)
        gtk_label_set_text (GTK_LABEL (hint), f->hint);
      return line;
    }

  fresh = check_line_new (f);
  gtk_box_insert_child_after (GTK_BOX (self->checks_box), fresh, line);
  gtk_box_remove (GTK_BOX (self->checks_box), line);
  return fresh;
}

/* The documentation checks: a count over the blocks, and the findings about
 * the visit as a whole (the blocks show their own). Updated in place after
 * every change: a minutes edit changes a few words of them at most. */
void
pt_units_panel_show_check (PtUnitsPanel       *self,
                           const PtVisitCheck *check)
{
  guint counts[3] = { 0, 0, 0 };
  g_autofree char *summary = NULL;
  GtkWidget *summary_label, *line;

  if (check == NULL)
    {
      gtk_widget_set_visible (self->checks_box, FALSE);
      return;
    }

  for (guint i = 0; i < check->findings->len; i++)
    counts[((PtDocFinding *) g_ptr_array_index (check->findings, i))->severity]++;

  if (check->findings->len == 0)
    summary = g_strdup (_("Nothing to flag: the note reads as a defensible claim."));
  else
    summary = g_strdup_printf (_("%u to fix, %u to look at, %u for information. Block notes are in each block’s Documentation."),
                               counts[PT_DOC_SEVERITY_ERROR], counts[PT_DOC_SEVERITY_WARNING],
                               counts[PT_DOC_SEVERITY_INFO]);

  gtk_widget_set_visible (self->checks_box, TRUE);
  if (gtk_widget_get_first_child (self->checks_box) == NULL)
    {
      gtk_box_append (GTK_BOX (self->checks_box), heading (_("Documentation checks")));
      gtk_box_append (GTK_BOX (self->checks_box), wrapped (summary, "dim-label"));
    }
  summary_label = gtk_widget_get_next_sibling (gtk_widget_get_first_child (self->checks_box));
  if (g_strcmp0 (gtk_label_get_text (GTK_LABEL (summary_label)), summary) != 0)
    gtk_label_set_text (GTK_LABEL (summary_label), summary);

  line = gtk_widget_get_next_sibling (summary_label);
  for (guint i = 0; i < check->findings->len; i++)
    {
      PtDocFinding *f = g_ptr_array_index (check->findings, i);

      if (f->block >= 0)
        continue;

      if (line == NULL)
        gtk_box_append (GTK_BOX (self->checks_box), check_line_new (f));
      else
        line = gtk_widget_get_next_sibling (check_line_update (self, line, f));
    }

  /* Findings that went away. */
  while (line != NULL)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (line);

      gtk_box_remove (GTK_BOX (self->checks_box), line);
      line = next;
    }
}

void
pt_units_panel_set_workspace (PtUnitsPanel *self,
                              PtWorkspace  *workspace)
{
  self->workspace = workspace;
  g_signal_connect_object (workspace, "results-changed", G_CALLBACK (update), self,
                           G_CONNECT_SWAPPED);
  update (self);
}

void
pt_units_panel_set_show_other (PtUnitsPanel *self,
                               gboolean      show)
{
  if (self->show_other == !!show)
    return;

  self->show_other = !!show;
  if (self->workspace != NULL)
    update (self);
}

const char *
pt_units_panel_get_headline (PtUnitsPanel *self)
{
  return self->headline;
}

/* The documentation-checks count the panel shows ("2 to fix, …"), or NULL
 * while the section is hidden. */
const char *
pt_units_panel_get_check_summary (PtUnitsPanel *self)
{
  GtkWidget *summary;

  if (!gtk_widget_get_visible (self->checks_box))
    return NULL;

  /* the heading, then the summary */
  summary = gtk_widget_get_next_sibling (gtk_widget_get_first_child (self->checks_box));
  return summary ? gtk_label_get_text (GTK_LABEL (summary)) : NULL;
}

GtkWidget *
pt_units_panel_get_extra_box (PtUnitsPanel *self)
{
  return GTK_WIDGET (self->extra_box);
}

static void
pt_units_panel_dispose (GObject *object)
{
  PtUnitsPanel *self = (PtUnitsPanel *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), PT_TYPE_UNITS_PANEL);
  g_clear_pointer (&self->headline, g_free);
  g_clear_pointer (&self->cells, g_ptr_array_unref);
  g_clear_pointer (&self->ties_key, g_free);
  g_clear_pointer (&self->modifiers_key, g_free);

  G_OBJECT_CLASS (pt_units_panel_parent_class)->dispose (object);
}

static void
pt_units_panel_class_init (PtUnitsPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pt_units_panel_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Pt97112/pt-units-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, PtUnitsPanel, scroller);
  gtk_widget_class_bind_template_child (widget_class, PtUnitsPanel, box);
  gtk_widget_class_bind_template_child (widget_class, PtUnitsPanel, method_label);
  gtk_widget_class_bind_template_child (widget_class, PtUnitsPanel, headline_label);
  gtk_widget_class_bind_template_child (widget_class, PtUnitsPanel, subline_label);
  gtk_widget_class_bind_template_child (widget_class, PtUnitsPanel, error_label);
  gtk_widget_class_bind_template_child (widget_class, PtUnitsPanel, codes_grid);
  gtk_widget_class_bind_template_child (widget_class, PtUnitsPanel, difference_label);
  gtk_widget_class_bind_template_child (widget_class, PtUnitsPanel, ties_box);
  gtk_widget_class_bind_template_child (widget_class, PtUnitsPanel, hint_label);
  gtk_widget_class_bind_template_child (widget_class, PtUnitsPanel, not_billed_label);
  gtk_widget_class_bind_template_child (widget_class, PtUnitsPanel, steps_box);
  gtk_widget_class_bind_template_child (widget_class, PtUnitsPanel, steps_heading);
  gtk_widget_class_bind_template_child (widget_class, PtUnitsPanel, extra_box);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "unitspanel");
}

static void
pt_units_panel_init (PtUnitsPanel *self)
{
  self->show_other = TRUE;
  self->cells = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));

  self->modifiers_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  self->checks_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_visible (self->modifiers_box, FALSE);
  gtk_widget_set_visible (self->checks_box, FALSE);
  gtk_box_insert_child_after (self->box, self->modifiers_box, GTK_WIDGET (self->not_billed_label));
  gtk_box_append (self->extra_box, self->checks_box);
}
