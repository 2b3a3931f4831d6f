/* pt-code-comparison.c: 97110, 97112, 97530 and 97116 side by side, for the selected block
 *
 * A table with one column per code: what each code is for, the wording that
 * fits it, typical activities, what it is not for and how 97112 differs (all
 * in the program's own words, from documentation-checks.md's facts). It
 * follows one block of the visit: the block's code's column is marked, each
 * column shows the block's words that matched that code (from the code
 * suggestion of the documentation checks), and a line above the table names
 * the code the wording reads most like. Each column also shows the units the
 * code gets in the visit under the visit's method, refreshed on every
 * results-changed of the workspace.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pt-block-row.h"
#include "pt-code-comparison.h"
#include "pt-visit-check.h"

#define N_COLUMNS 4
#define CELL_CHARS 13

typedef struct {
  const char *code;
  const char *name;
  const char *aim;
  const char *wording;
  const char *activities;
  const char *not_for;
  const char *differs;
} CodeFacts;

/* The order of the columns. */
static const CodeFacts facts[N_COLUMNS] = {
  {
    "97110",
    N_("Therapeutic exercise"),
    N_("Build strength, endurance, range of motion and flexibility."),
    N_("strengthening, endurance, stretching, resistance progressed, reps and sets, range of motion"),
    N_("Resistance bands and weights, stretching, active range of motion, a bike or treadmill for endurance."),
    N_("Retraining balance reactions or body-position sense; practising a whole daily task."),
    N_("97112 changes how a movement is controlled, with cues that alter the pattern; 97110 changes what the muscle can do."),
  },
  {
    "97112",
    N_("Neuromuscular re-education"),
    N_("Retrain balance, coordination, body-position sense and posture, sitting or standing."),
    N_("perturbation, righting or reactive responses, joint-position sense, proprioceptive retraining, PNF, gaze stabilisation, weight shifting, midline, postural control, dual-task balance"),
    N_("Perturbations with graded challenge, weight shifts on foam, BAPS board, gaze-stabilisation drills, joint-position matching, PNF patterns."),
    N_("Strength or endurance for their own sake, getting a task done, or walking practice as such; group work (97150); exercise the patient does alone."),
    N_("This is the reference. A note that holds up names the neuromotor deficit and the skilled part: facilitation, cueing or guarding."),
  },
  {
    "97530",
    N_("Therapeutic activities"),
    N_("Improve how the patient performs whole functional tasks."),
    N_("task simulation, lifting, transfer training as an activity, reaching tasks, work tasks"),
    N_("Lifting and carrying, chair or floor transfers, reaching into cupboards, simulated home or work tasks."),
    N_("Isolated strengthening or stretching; the balance mechanisms underneath a task."),
    N_("97112 trains the control underneath the task, such as postural strategies, not getting the task done."),
  },
  {
    "97116",
    N_("Gait training"),
    N_("Improve the mechanics of walking."),
    N_("gait pattern training, assistive-device training, stairs, community ambulation"),
    N_("Correcting step length or foot clearance, training with a walker or cane, stairs and curbs, longer or outdoor distances."),
    N_("Standing balance work without walking; general strengthening."),
    N_("97112 may help walking through balance and proprioception, but work on walking itself is 97116."),
  },
};

typedef enum {
  ROW_HEAD,
  ROW_UNITS,
  ROW_MATCHED,
  ROW_AIM,
  ROW_WORDING,
  ROW_ACTIVITIES,
  ROW_NOT_FOR,
  ROW_DIFFERS,
  N_ROWS
} Row;

static const char * const row_titles[N_ROWS] = {
  NULL,
  NULL, /* set with the method's name */
  N_("Words of this block"),
  N_("Primary aim"),
  N_("Wording that fits"),
  N_("Typical activities"),
  N_("Not for"),
  N_("How 97112 differs"),
};

struct _PtCodeComparison
{
  GtkWidget    parent_instance;

  PtWorkspace *workspace;
  PtBlock     *block;      /* the block followed, or NULL */
  PtBlock     *shown;      /* the block compared: the followed one, or the first */
  gint         marked;     /* column of the shown block's code, -1 if none */
  gint         units[N_COLUMNS];

  GtkWidget   *cells[N_ROWS][N_COLUMNS];
  GtkWidget   *badges[N_COLUMNS];
  GtkWidget   *units_title;

  GtkWidget   *root;
  GtkLabel    *block_label;
  GtkLabel    *suggestion_label;
  GtkGrid     *grid;

  /* The visit changed while the pane was hidden: refreshed when shown, or
   * when asked what it shows, not on every key nobody sees. */
  gboolean     stale;
};

G_DEFINE_FINAL_TYPE (PtCodeComparison, pt_code_comparison, GTK_TYPE_WIDGET)

static gint
column_of (const char *code)
{
  for (guint i = 0; code != NULL && i < N_COLUMNS; i++)
    if (strcmp (facts[i].code, code) == 0)
      return (gint) i;

  return -1;
}

static GtkWidget *
cell_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  gtk_label_set_width_chars (GTK_LABEL (label), CELL_CHARS);
  gtk_label_set_max_width_chars (GTK_LABEL (label), CELL_CHARS);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (label, "compare-cell");

  return label;
}

static GtkWidget *
head_cell (const CodeFacts *f,
           GtkWidget      **badge)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *code = gtk_label_new (f->code);
  GtkWidget *name = gtk_label_new (_(f->name));

  gtk_label_set_xalign (GTK_LABEL (code), 0);
  gtk_widget_add_css_class (code, "title-3");
  gtk_widget_add_css_class (code, "numeric");
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  gtk_widget_add_css_class (name, "heading");

  *badge = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (*badge), 0);
  gtk_label_set_wrap (GTK_LABEL (*badge), TRUE);
  gtk_widget_set_halign (*badge, GTK_ALIGN_START);
  gtk_widget_set_visible (*badge, FALSE);
  gtk_widget_add_css_class (*badge, "compare-badge");

  gtk_box_append (GTK_BOX (box), code);
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), *badge);
  gtk_widget_set_hexpand (box, TRUE);
  gtk_widget_set_size_request (box, CELL_CHARS * 7, -1);
  gtk_widget_add_css_class (box, "compare-cell");
  gtk_widget_add_css_class (box, "compare-head");

  return box;
}

static GtkWidget *
row_title (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  gtk_label_set_width_chars (GTK_LABEL (label), 10);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 12);
  gtk_widget_add_css_class (label, "compare-cell");
  gtk_widget_add_css_class (label, "compare-row-title");

  return label;
}

static void
build_table (PtCodeComparison *self)
{
  for (guint r = 0; r < N_ROWS; r++)
    {
      GtkWidget *title = row_titles[r] ? row_title (_(row_titles[r])) : row_title ("");

      if (r == ROW_UNITS)
        self->units_title = title;
      gtk_grid_attach (self->grid, title, 0, r, 1, 1);

      for (guint c = 0; c < N_COLUMNS; c++)
        {
          const CodeFacts *f = &facts[c];
          const char *text = NULL;
          GtkWidget *cell;

          switch ((Row) r)
            {
            case ROW_AIM:
              text = _(f->aim);
              break;
            case ROW_WORDING:
              text = _(f->wording);
              break;
            case ROW_ACTIVITIES:
              text = _(f->activities);
              break;
            case ROW_NOT_FOR:
              text = _(f->not_for);
              break;
            case ROW_DIFFERS:
              text = _(f->differs);
              break;
            case ROW_HEAD:
            case ROW_UNITS:
            case ROW_MATCHED:
            case N_ROWS:
            default:
              break;
            }

          cell = r == ROW_HEAD ? head_cell (f, &self->badges[c]) : cell_label (text);
          if (r == ROW_UNITS || r == ROW_MATCHED)
            gtk_widget_add_css_class (cell, "compare-live");
          if (r == ROW_MATCHED)
            gtk_widget_add_css_class (cell, "compare-words");
          self->cells[r][c] = cell;
          gtk_grid_attach (self->grid, cell, c + 1, r, 1, 1);
        }
    }
}

static void
set_column_class (PtCodeComparison *self,
                  gint              column,
                  const char       *css,
                  gboolean          on)
{
  for (guint r = 0; r < N_ROWS; r++)
    {
      if (on)
        gtk_widget_add_css_class (self->cells[r][column], css);
      else
        gtk_widget_remove_css_class (self->cells[r][column], css);
    }
}

/* Units ------------------------------------------------------------------- */

static void
refresh_units (PtCodeComparison *self)
{
  PtVisit *visit = self->workspace ? pt_workspace_get_visit (self->workspace) : NULL;
  PtMethod method = visit ? pt_visit_get_method (visit) : PT_METHOD_CMS;
  const PtAllocResult *result = self->workspace ? pt_workspace_get_result (self->workspace, method) : NULL;
  /* Translators: a row title of the comparison; %s is the billing method */
  g_autofree char *title = g_strdup_printf (_("Units in this visit (%s)"), pt_method_display_name (method));

  gtk_label_set_text (GTK_LABEL (self->units_title), title);

  for (guint c = 0; c < N_COLUMNS; c++)
    {
      GtkLabel *label = GTK_LABEL (self->cells[ROW_UNITS][c]);
      gint at = result ? pt_alloc_result_find_code (result, facts[c].code) : -1;
      g_autofree char *text = NULL;

      self->units[c] = -1;
      if (visit == NULL || pt_visit_get_n_blocks (visit) == 0)
        text = g_strdup (_("not in this visit"));
      else if (result == NULL)
        text = g_strdup (_("cannot be counted yet"));
      else if (at < 0)
        text = g_strdup (_("not in this visit"));
      else
        {
          const PtCodeUnits *cu = pt_alloc_result_get_code (result, at);
          g_autofree char *units = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d unit", "%d units", cu->units),
                                                    cu->units);

          self->units[c] = cu->units;
          /* Translators: units of a code in the comparison, then its minutes */
          text = g_strdup_printf (_("%s from %d min"), units, cu->minutes);
        }

      gtk_label_set_text (label, text);
      if (self->units[c] > 0)
        gtk_widget_remove_css_class (GTK_WIDGET (label), "dim-label");
      else
        gtk_widget_add_css_class (GTK_WIDGET (label), "dim-label");
    }
}

/* The block and its wording ----------------------------------------------- */

static char *
join_words (GPtrArray *words)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; words != NULL && i < words->len; i++)
    {
      if (i > 0)
        g_string_append (out, ", ");
      g_string_append (out, g_ptr_array_index (words, i));
    }

  return g_string_free (out, FALSE);
}

static void
clear_marks (PtCodeComparison *self)
{
  self->marked = -1;
  for (guint c = 0; c < N_COLUMNS; c++)
    {
      set_column_class (self, c, "compare-marked", FALSE);
      set_column_class (self, c, "compare-best", FALSE);
      gtk_widget_set_visible (self->badges[c], FALSE);
      gtk_label_set_text (GTK_LABEL (self->cells[ROW_MATCHED][c]), "—");
      gtk_widget_add_css_class (self->cells[ROW_MATCHED][c], "dim-label");
    }
}

static void
set_badge (PtCodeComparison *self,
           guint             column,
           gboolean          own,
           gboolean          best)
{
  const char *text = NULL;

  if (own && best)
    text = _("Block’s code · best fit");
  else if (own)
    text = _("Block’s code");
  else if (best)
    text = _("Best fit");

  gtk_widget_set_visible (self->badges[column], text != NULL);
  gtk_label_set_text (GTK_LABEL (self->badges[column]), text ? text : "");
}

static void
show_suggestion (PtCodeComparison      *self,
                 const PtDocSuggestion *s,
                 const char            *code)
{
  gint best = column_of (s->best);
  g_autofree char *line = NULL;

  for (guint i = 0; i < PT_DOC_N_CODES; i++)
    {
      const PtDocCodeScore *score = &s->scores[i];
      gint c = column_of (score->code);
      g_autofree char *words = NULL;

      if (c < 0)
        continue;

      words = join_words (score->matched);
      gtk_label_set_text (GTK_LABEL (self->cells[ROW_MATCHED][c]), *words ? words : _("none"));
      if (*words)
        gtk_widget_remove_css_class (self->cells[ROW_MATCHED][c], "dim-label");
      else
        gtk_widget_add_css_class (self->cells[ROW_MATCHED][c], "dim-label");
    }

  for (guint c = 0; c < N_COLUMNS; c++)
    {
      set_column_class (self, c, "compare-best", (gint) c == best);
      set_badge (self, c, (gint) c == self->marked, (gint) c == best);
    }

  gtk_widget_remove_css_class (GTK_WIDGET (self->suggestion_label), "compare-mismatch");
  if (s->best == NULL)
    line = g_strdup (_("No wording of the four codes in this block yet. Describe the deficit, the intervention and the goal, and the comparison shows which code they read like."));
  else
    {
      g_autofree char *words = NULL;

      for (guint i = 0; i < PT_DOC_N_CODES && words == NULL; i++)
        if (g_strcmp0 (s->scores[i].code, s->best) == 0)
          words = join_words (s->scores[i].matched);

      /* Translators: the code a block's wording fits best, then the words that matched */
      line = g_strdup_printf (_("Reads most like %s: %s."), s->best, words);

      if (s->clearly >= 0)
        {
          g_autofree char *more = g_strdup_printf (_("%s As written, the note supports %s better than its own code, %s: change the code or describe the neuromotor work."),
                                                   line, s->scores[s->clearly].code, code);

          g_free (line);
          line = g_steal_pointer (&more);
          gtk_widget_add_css_class (GTK_WIDGET (self->suggestion_label), "compare-mismatch");
        }
      else if (column_of (code) < 0)
        {
          g_autofree char *more = g_strdup_printf (_("%s The block’s code, %s, is not one of the four."),
                                                   line, *code ? code : "—");

          g_free (line);
          line = g_steal_pointer (&more);
        }
    }

  gtk_label_set_text (self->suggestion_label, line);
}

static void
refresh_block (PtCodeComparison *self)
{
  PtVisit *visit = self->workspace ? pt_workspace_get_visit (self->workspace) : NULL;
  g_autoptr(PtDocSuggestion) suggestion = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *where = NULL;
  const char *code;
  gint position;

  /* A block that left the visit (removed, or another file opened) is no longer followed. */
  if (self->block != NULL && (visit == NULL || pt_visit_find_block (visit, self->block) < 0))
    g_clear_object (&self->block);

  self->shown = self->block;
  if (self->shown == NULL && visit != NULL && pt_visit_get_n_blocks (visit) > 0)
    self->shown = pt_visit_get_block (visit, 0);

  clear_marks (self);

  if (self->shown == NULL)
    {
      gtk_label_set_text (self->block_label, "");
      gtk_label_set_text (self->suggestion_label,
                          _("Add a block, or click into one: its wording is compared with the four codes here."));
      gtk_widget_remove_css_class (GTK_WIDGET (self->suggestion_label), "compare-mismatch");
      return;
    }

  code = pt_block_get_code (self->shown);
  position = pt_visit_find_block (visit, self->shown);
  /* Translators: which block the comparison follows: its number and its code */
  where = g_strdup_printf (_("Block %d · %s"), position + 1, *code ? code : _("no code yet"));
  gtk_label_set_text (self->block_label, where);

  self->marked = column_of (code);
  if (self->marked >= 0)
    set_column_class (self, self->marked, "compare-marked", TRUE);

  if (!(suggestion = pt_visit_check_suggest_code (self->shown, &error)))
    {
      g_autofree char *text = g_strdup_printf (_("The word lists cannot be read: %s"), error->message);

      gtk_label_set_text (self->suggestion_label, text);
      return;
    }

  show_suggestion (self, suggestion, code);
}

static void
refresh (PtCodeComparison *self)
{
  self->stale = FALSE;
  refresh_units (self);
  refresh_block (self);
}

static void
on_results_changed (PtCodeComparison *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    refresh (self);
  else
    self->stale = TRUE;
}

static void
refresh_if_stale (PtCodeComparison *self)
{
  if (self->stale)
    refresh (self);
}

static void
pt_code_comparison_map (GtkWidget *widget)
{
  refresh_if_stale (PT_CODE_COMPARISON (widget));

  GTK_WIDGET_CLASS (pt_code_comparison_parent_class)->map (widget);
}

/* GObject ----------------------------------------------------------------- */

static void
pt_code_comparison_dispose (GObject *object)
{
  PtCodeComparison *self = (PtCodeComparison *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), PT_TYPE_CODE_COMPARISON);
  g_clear_object (&self->block);
  g_clear_object (&self->workspace);
  self->shown = NULL;

  G_OBJECT_CLASS (pt_code_comparison_parent_class)->dispose (object);
}

static void
pt_code_comparison_class_init (PtCodeComparisonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pt_code_comparison_dispose;
  widget_class->map = pt_code_comparison_map;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Pt97112/pt-code-comparison.ui");
  gtk_widget_class_bind_template_child (widget_class, PtCodeComparison, root);
  gtk_widget_class_bind_template_child (widget_class, PtCodeComparison, block_label);
  gtk_widget_class_bind_template_child (widget_class, PtCodeComparison, suggestion_label);
  gtk_widget_class_bind_template_child (widget_class, PtCodeComparison, grid);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "codecomparison");
}

static void
pt_code_comparison_init (PtCodeComparison *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->marked = -1;
  for (guint c = 0; c < N_COLUMNS; c++)
    self->units[c] = -1;

  build_table (self);
  refresh (self);
}

GtkWidget *
pt_code_comparison_new (void)
{
  return g_object_new (PT_TYPE_CODE_COMPARISON, NULL);
}

static void
on_visit_replaced (PtCodeComparison *self)
{
  g_clear_object (&self->block);
  refresh (self);
}

void
pt_code_comparison_set_workspace (PtCodeComparison *self,
                                  PtWorkspace      *workspace)
{
  g_return_if_fail (PT_IS_CODE_COMPARISON (self));
  g_return_if_fail (self->workspace == NULL);

  self->workspace = g_object_ref (workspace);
  g_signal_connect_object (workspace, "results-changed", G_CALLBACK (on_results_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (workspace, "notify::visit", G_CALLBACK (on_visit_replaced), self,
                           G_CONNECT_SWAPPED);
  refresh (self);
}

/* Follows @block (a block of the workspace's visit); NULL follows the first block. */
void
pt_code_comparison_set_block (PtCodeComparison *self,
                              PtBlock          *block)
{
  g_return_if_fail (PT_IS_CODE_COMPARISON (self));

  if (block == self->block)
    return;

  g_set_object (&self->block, block);
  refresh_block (self);
}

/**
 * pt_code_comparison_get_block:
 *
 * Returns: (transfer none) (nullable): the block being compared
 */
PtBlock *
pt_code_comparison_get_block (PtCodeComparison *self)
{
  g_return_val_if_fail (PT_IS_CODE_COMPARISON (self), NULL);

  refresh_if_stale (self);

  return self->shown;
}

/* When @focus is inside a block row, follows that row's block; otherwise
 * keeps the block it has (focus moving to this pane changes nothing). */
void
pt_code_comparison_follow_focus (PtCodeComparison *self,
                                 GtkWidget        *focus)
{
  GtkWidget *row;

  g_return_if_fail (PT_IS_CODE_COMPARISON (self));

  if (focus == NULL || !(row = gtk_widget_get_ancestor (focus, PT_TYPE_BLOCK_ROW)))
    return;

  pt_code_comparison_set_block (self, pt_block_row_get_block (PT_BLOCK_ROW (row)));
}

/* The code whose column is marked as the block's own, or NULL. */
const char *
pt_code_comparison_get_marked_code (PtCodeComparison *self)
{
  g_return_val_if_fail (PT_IS_CODE_COMPARISON (self), NULL);

  refresh_if_stale (self);

  return self->marked >= 0 ? facts[self->marked].code : NULL;
}

const char *
pt_code_comparison_get_suggestion (PtCodeComparison *self)
{
  g_return_val_if_fail (PT_IS_CODE_COMPARISON (self), NULL);

  refresh_if_stale (self);

  return gtk_label_get_text (self->suggestion_label);
}

/* The block's words shown under @code's column ("—" without a block). */
const char *
pt_code_comparison_get_matched_text (PtCodeComparison *self,
                                     const char       *code)
{
  gint c;

  g_return_val_if_fail (PT_IS_CODE_COMPARISON (self), NULL);

  refresh_if_stale (self);

  if ((c = column_of (code)) < 0)
    return NULL;

  return gtk_label_get_text (GTK_LABEL (self->cells[ROW_MATCHED][c]));
}

/* The units shown for @code, or -1 when it is not in the visit or the visit
 * cannot be counted. */
gint
pt_code_comparison_get_units (PtCodeComparison *self,
                              const char       *code)
{
  gint c;

  g_return_val_if_fail (PT_IS_CODE_COMPARISON (self), -1);

  refresh_if_stale (self);

  return (c = column_of (code)) < 0 ? -1 : self->units[c];
}

const char *
pt_code_comparison_get_units_text (PtCodeComparison *self,
                                   const char       *code)
{
  gint c;

  g_return_val_if_fail (PT_IS_CODE_COMPARISON (self), NULL);

  refresh_if_stale (self);

  if ((c = column_of (code)) < 0)
    return NULL;

  return gtk_label_get_text (GTK_LABEL (self->cells[ROW_UNITS][c]));
}
