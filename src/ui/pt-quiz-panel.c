/* pt-quiz-panel.c: quiz mode, in place of the units panel
 *
 * Lists the open scenario's codes with a spin button each for the units the
 * learner expects under the visit's method. Check marks every code right or
 * wrong against the engine's result for the visit as it stands and shows the
 * engine's explanation and the scenario's teaching points; Show Answer does
 * the same without scoring. The first check of each opened scenario counts
 * towards the session's score, shared by every window of the program.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pt-quiz-panel.h"
#include "pt-ui-util.h"

typedef struct {
  char        code[PT_CODE_BUF];
  GtkWidget  *spin;
  GtkLabel   *mark_label;
  PtQuizMark  mark;
} QuizRow;

struct _PtQuizPanel
{
  GtkWidget    parent_instance;

  /* Template widgets */
  GtkLabel    *title_label;
  GtkLabel    *question_label;
  GtkGrid     *answers_grid;
  GtkLabel    *result_label;
  GtkWidget   *explanation_box;
  GtkLabel    *steps_label;
  GtkWidget   *points_heading;
  GtkLabel    *points_label;
  GtkLabel    *score_label;

  /* Borrowed */
  PtWorkspace *workspace;

  /* Owned */
  PtScenario  *scenario;
  GArray      *rows;    /* QuizRow */
  GHashTable  *answers; /* code → learner's units, kept across rebuilds */
  char        *result_text;
  gboolean     answered; /* checked or shown: later checks do not score */
};

enum {
  NEXT_SCENARIO,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The session's score: every window's quiz adds to it. */
static guint score_right;
static guint score_asked;

G_DEFINE_FINAL_TYPE (PtQuizPanel, pt_quiz_panel, GTK_TYPE_WIDGET)

static const PtAllocResult *
current_result (PtQuizPanel *self)
{
  PtVisit *visit;

  if (self->workspace == NULL)
    return NULL;

  visit = pt_workspace_get_visit (self->workspace);
  return pt_workspace_get_result (self->workspace, pt_visit_get_method (visit));
}

static void
update_score_label (PtQuizPanel *self)
{
  g_autofree char *text = pt_quiz_panel_dup_score_text ();

  gtk_label_set_text (self->score_label, text);
}

static void
update_actions (PtQuizPanel *self)
{
  gboolean ready = self->scenario != NULL && current_result (self) != NULL && self->rows->len > 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "quiz.check", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "quiz.show-answer", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "quiz.next", self->scenario != NULL);
}

static void
set_mark (PtQuizPanel *self,
          QuizRow     *row,
          PtQuizMark   mark,
          gint         answer)
{
  g_autofree char *text = NULL;
  GtkWidget *label = GTK_WIDGET (row->mark_label);

  row->mark = mark;
  gtk_widget_remove_css_class (label, "quiz-right");
  gtk_widget_remove_css_class (label, "quiz-wrong");
  gtk_widget_remove_css_class (label, "quiz-shown");

  switch (mark)
    {
    case PT_QUIZ_MARK_RIGHT:
      text = g_strdup (_("✓ Right"));
      gtk_widget_add_css_class (label, "quiz-right");
      break;
    case PT_QUIZ_MARK_WRONG:
      /* Translators: after a wrong quiz answer: the right number of units */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "✗ Not right: it bills %d unit",
                                           "✗ Not right: it bills %d units", answer), answer);
      gtk_widget_add_css_class (label, "quiz-wrong");
      break;
    case PT_QUIZ_MARK_SHOWN:
      /* Translators: the right number of units, shown without a check */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Answer: %d unit", "Answer: %d units", answer),
                              answer);
      gtk_widget_add_css_class (label, "quiz-shown");
      break;
    case PT_QUIZ_MARK_NONE:
    default:
      text = g_strdup ("");
      break;
    }

  gtk_label_set_text (row->mark_label, text);
  gtk_widget_set_visible (label, mark != PT_QUIZ_MARK_NONE);
}

static void
hide_outcome (PtQuizPanel *self)
{
  g_clear_pointer (&self->result_text, g_free);
  gtk_widget_set_visible (GTK_WIDGET (self->result_label), FALSE);
  gtk_widget_set_visible (self->explanation_box, FALSE);
  for (guint i = 0; i < self->rows->len; i++)
    set_mark (self, &g_array_index (self->rows, QuizRow, i), PT_QUIZ_MARK_NONE, 0);
}

static void
on_spin_changed (GtkSpinButton *spin,
                 PtQuizPanel   *self)
{
  const char *code = g_object_get_data (G_OBJECT (spin), "code");

  g_hash_table_insert (self->answers, g_strdup (code),
                       GINT_TO_POINTER (gtk_spin_button_get_value_as_int (spin)));
}

/* One row per code of the result, in the result's order. */
static void
rebuild (PtQuizPanel *self)
{
  const PtAllocResult *r = current_result (self);
  PtVisit *visit = self->workspace ? pt_workspace_get_visit (self->workspace) : NULL;
  g_autofree char *question = NULL;

  pt_ui_clear_children (GTK_WIDGET (self->answers_grid));
  g_array_set_size (self->rows, 0);
  hide_outcome (self);

  gtk_label_set_text (self->title_label, self->scenario ? pt_scenario_get_title (self->scenario) : "");

  if (visit == NULL || self->scenario == NULL)
    {
      gtk_label_set_text (self->question_label, _("Open a scenario from the library to practise on it."));
      update_actions (self);
      return;
    }

  if (r == NULL)
    {
      gtk_label_set_text (self->question_label,
                          _("The visit cannot be counted as it is now. Fix what is marked in the editor, or open the scenario again."));
      update_actions (self);
      return;
    }

  question = g_strdup_printf (_("How many units does each code bill under %s? Enter your answer for every code, then press Check."),
                              pt_method_display_name (pt_visit_get_method (visit)));
  gtk_label_set_text (self->question_label, question);

  gtk_grid_attach (self->answers_grid, pt_ui_label_cell (_("Code"), 0, "heading"), 0, 0, 1, 1);
  gtk_grid_attach (self->answers_grid, pt_ui_label_cell (_("Minutes"), 1, "heading"), 1, 0, 1, 1);
  gtk_grid_attach (self->answers_grid, pt_ui_label_cell (_("Your units"), 0, "heading"), 2, 0, 1, 1);

  for (guint i = 0; i < r->codes->len; i++)
    {
      const PtCodeUnits *c = pt_alloc_result_get_code (r, i);
      g_autofree char *minutes = g_strdup_printf ("%d", c->minutes);
      g_autofree char *code = c->timed ? g_strdup (c->code) : g_strdup_printf (_("%s (untimed)"), c->code);
      g_autofree char *a11y = g_strdup_printf (_("Your units for %s"), c->code);
      gpointer kept;
      QuizRow row = { { 0 }, NULL, NULL, PT_QUIZ_MARK_NONE };
      GtkWidget *mark = pt_ui_label_cell ("", 0, "quiz-mark");

      g_strlcpy (row.code, c->code, sizeof row.code);
      row.spin = gtk_spin_button_new_with_range (0, PT_SCENARIO_MAX_UNITS, 1);
      row.mark_label = GTK_LABEL (mark);
      gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (row.spin), TRUE);
      gtk_editable_set_width_chars (GTK_EDITABLE (row.spin), 3);
      gtk_widget_set_halign (row.spin, GTK_ALIGN_START);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row.spin), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
      g_object_set_data_full (G_OBJECT (row.spin), "code", g_strdup (c->code), g_free);
      if (g_hash_table_lookup_extended (self->answers, c->code, NULL, &kept))
        gtk_spin_button_set_value (GTK_SPIN_BUTTON (row.spin), GPOINTER_TO_INT (kept));
      g_signal_connect (row.spin, "value-changed", G_CALLBACK (on_spin_changed), self);

      /* The mark goes under its row, so the panel stays narrow. */
      gtk_widget_set_visible (mark, FALSE);
      gtk_widget_set_halign (mark, GTK_ALIGN_END);
      gtk_grid_attach (self->answers_grid, pt_ui_label_cell (code, 0, "quiz-code"), 0, 2 * (int) i + 1, 1, 1);
      gtk_grid_attach (self->answers_grid, pt_ui_label_cell (minutes, 1, "numeric"), 1, 2 * (int) i + 1, 1, 1);
      gtk_grid_attach (self->answers_grid, row.spin, 2, 2 * (int) i + 1, 1, 1);
      gtk_grid_attach (self->answers_grid, mark, 0, 2 * (int) i + 2, 3, 1);
      g_array_append_val (self->rows, row);
    }

  update_actions (self);
}

/* The engine's steps and the teaching points, each as one label: labels
 * made afresh for every check could keep a stale height in GTK 4.8 and
 * overlap the lines below them. */
static void
show_explanation (PtQuizPanel         *self,
                  const PtAllocResult *r)
{
  const char * const *points = pt_scenario_get_teaching_points (self->scenario);
  g_autoptr(GString) steps = g_string_new (NULL);
  g_autoptr(GString) list = g_string_new (NULL);

  for (guint s = 0; s < r->steps->len; s++)
    {
      const PtStep *step = &g_array_index (r->steps, PtStep, s);
      g_autofree char *text = g_markup_escape_text (step->text, -1);

      /* a half-height blank line between steps */
      if (steps->len > 0)
        g_string_append (steps, "\n<span size=\"40%\"> </span>\n");
      if (step->kind == PT_STEP_NOT_BILLED)
        g_string_append_printf (steps, "<span alpha=\"65%%\">%s</span>", text);
      else if (step->tie)
        g_string_append_printf (steps, "<i>%s</i>", text);
      else
        g_string_append (steps, text);
    }
  gtk_label_set_markup (self->steps_label, steps->str);

  for (guint i = 0; points[i] != NULL; i++)
    {
      if (list->len > 0)
        g_string_append (list, "\n");
      /* Translators: a bullet before a teaching point */
      g_string_append_printf (list, _("• %s"), points[i]);
    }
  gtk_label_set_text (self->points_label, list->str);
  gtk_widget_set_visible (self->points_heading, points[0] != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->points_label), points[0] != NULL);

  gtk_widget_set_visible (self->explanation_box, TRUE);
}

static void
set_result_text (PtQuizPanel *self,
                 char        *text)
{
  g_free (self->result_text);
  self->result_text = text;
  gtk_label_set_text (self->result_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->result_label), TRUE);
}

static void
check_action (GtkWidget  *widget,
              const char *name,
              GVariant   *param)
{
  PtQuizPanel *self = PT_QUIZ_PANEL (widget);
  const PtAllocResult *r = current_result (self);
  guint right = 0;
  g_autofree char *total = NULL;

  if (r == NULL || self->scenario == NULL)
    return;

  for (guint i = 0; i < self->rows->len; i++)
    {
      QuizRow *row = &g_array_index (self->rows, QuizRow, i);
      gint answer = pt_alloc_result_units_for (r, row->code);
      gint given;

      gtk_spin_button_update (GTK_SPIN_BUTTON (row->spin));
      given = gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (row->spin));
      set_mark (self, row, given == answer ? PT_QUIZ_MARK_RIGHT : PT_QUIZ_MARK_WRONG, answer);
      right += given == answer;
    }

  if (!self->answered)
    {
      score_right += right;
      score_asked += self->rows->len;
      self->answered = TRUE;
    }

  total = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "The visit bills %d unit.",
                                        "The visit bills %d units.", r->total_units),
                           r->total_units);
  set_result_text (self, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                       "%u of %u code right. %s",
                                                       "%u of %u codes right. %s",
                                                       self->rows->len),
                                          right, self->rows->len, total));
  gtk_widget_remove_css_class (GTK_WIDGET (self->result_label), right == self->rows->len ? "quiz-wrong" : "quiz-right");
  gtk_widget_add_css_class (GTK_WIDGET (self->result_label), right == self->rows->len ? "quiz-right" : "quiz-wrong");
  show_explanation (self, r);
  update_score_label (self);
}

static void
show_answer_action (GtkWidget  *widget,
                    const char *name,
                    GVariant   *param)
{
  PtQuizPanel *self = PT_QUIZ_PANEL (widget);
  const PtAllocResult *r = current_result (self);

  if (r == NULL || self->scenario == NULL)
    return;

  /* Seen answers are not scored by a later check. */
  self->answered = TRUE;
  for (guint i = 0; i < self->rows->len; i++)
    {
      QuizRow *row = &g_array_index (self->rows, QuizRow, i);

      set_mark (self, row, PT_QUIZ_MARK_SHOWN, pt_alloc_result_units_for (r, row->code));
    }

  set_result_text (self, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                       "The visit bills %d unit. This scenario is not scored.",
                                                       "The visit bills %d units. This scenario is not scored.",
                                                       r->total_units),
                                          r->total_units));
  gtk_widget_remove_css_class (GTK_WIDGET (self->result_label), "quiz-right");
  gtk_widget_remove_css_class (GTK_WIDGET (self->result_label), "quiz-wrong");
  show_explanation (self, r);
}

static void
next_action (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  g_signal_emit (widget, signals[NEXT_SCENARIO], 0);
}

static void
on_results_changed (PtQuizPanel *self)
{
  /* The visit changed under the learner: marks for the old one are stale. */
  if (self->scenario != NULL)
    rebuild (self);
}

static void
pt_quiz_panel_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (pt_quiz_panel_parent_class)->map (widget);
  update_score_label (PT_QUIZ_PANEL (widget));
}

static void
pt_quiz_panel_dispose (GObject *object)
{
  PtQuizPanel *self = (PtQuizPanel *) object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), PT_TYPE_QUIZ_PANEL);
  /* The template's unnamed top box is not cleared by the call above. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->scenario);
  g_clear_object (&self->workspace);

  G_OBJECT_CLASS (pt_quiz_panel_parent_class)->dispose (object);
}

static void
pt_quiz_panel_finalize (GObject *object)
{
  PtQuizPanel *self = (PtQuizPanel *) object;

  g_clear_pointer (&self->rows, g_array_unref);
  g_clear_pointer (&self->answers, g_hash_table_unref);
  g_clear_pointer (&self->result_text, g_free);

  G_OBJECT_CLASS (pt_quiz_panel_parent_class)->finalize (object);
}

static void
pt_quiz_panel_class_init (PtQuizPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pt_quiz_panel_dispose;
  object_class->finalize = pt_quiz_panel_finalize;
  widget_class->map = pt_quiz_panel_map;

  /**
   * PtQuizPanel::next-scenario:
   *
   * The learner asked for the next scenario of the library.
   */
  signals[NEXT_SCENARIO] = g_signal_new ("next-scenario", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Pt97112/pt-quiz-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, PtQuizPanel, title_label);
  gtk_widget_class_bind_template_child (widget_class, PtQuizPanel, question_label);
  gtk_widget_class_bind_template_child (widget_class, PtQuizPanel, answers_grid);
  gtk_widget_class_bind_template_child (widget_class, PtQuizPanel, result_label);
  gtk_widget_class_bind_template_child (widget_class, PtQuizPanel, explanation_box);
  gtk_widget_class_bind_template_child (widget_class, PtQuizPanel, steps_label);
  gtk_widget_class_bind_template_child (widget_class, PtQuizPanel, points_heading);
  gtk_widget_class_bind_template_child (widget_class, PtQuizPanel, points_label);
  gtk_widget_class_bind_template_child (widget_class, PtQuizPanel, score_label);

  gtk_widget_class_install_action (widget_class, "quiz.check", NULL, check_action);
  gtk_widget_class_install_action (widget_class, "quiz.show-answer", NULL, show_answer_action);
  gtk_widget_class_install_action (widget_class, "quiz.next", NULL, next_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "quizpanel");
}

static void
pt_quiz_panel_init (PtQuizPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = g_array_new (FALSE, TRUE, sizeof (QuizRow));
  self->answers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  update_score_label (self);
  update_actions (self);
}

PtQuizPanel *
pt_quiz_panel_new (PtWorkspace *workspace)
{
  PtQuizPanel *self;

  g_return_val_if_fail (PT_IS_WORKSPACE (workspace), NULL);

  self = g_object_new (PT_TYPE_QUIZ_PANEL, NULL);
  self->workspace = g_object_ref (workspace);
  g_signal_connect_object (workspace, "results-changed", G_CALLBACK (on_results_changed), self,
                           G_CONNECT_SWAPPED);

  return self;
}

/* A new scenario (or the same one opened again) starts with blank answers;
 * NULL puts the panel at rest. */
void
pt_quiz_panel_set_scenario (PtQuizPanel *self,
                            PtScenario  *scenario)
{
  g_return_if_fail (PT_IS_QUIZ_PANEL (self));
  g_return_if_fail (scenario == NULL || PT_IS_SCENARIO (scenario));

  if (self->scenario == scenario)
    return;

  g_set_object (&self->scenario, scenario);
  g_hash_table_remove_all (self->answers);
  self->answered = FALSE;
  rebuild (self);
  update_score_label (self);
}

PtScenario *
pt_quiz_panel_get_scenario (PtQuizPanel *self)
{
  g_return_val_if_fail (PT_IS_QUIZ_PANEL (self), NULL);

  return self->scenario;
}

static QuizRow *
find_row (PtQuizPanel *self,
          const char  *code)
{
  for (guint i = 0; i < self->rows->len; i++)
    if (g_strcmp0 (g_array_index (self->rows, QuizRow, i).code, code) == 0)
      return &g_array_index (self->rows, QuizRow, i);

  return NULL;
}

/* The spin button for the learner's units of @code, or NULL. */
GtkWidget *
pt_quiz_panel_get_answer (PtQuizPanel *self,
                          const char  *code)
{
  QuizRow *row;

  g_return_val_if_fail (PT_IS_QUIZ_PANEL (self), NULL);

  row = find_row (self, code);
  return row ? row->spin : NULL;
}

PtQuizMark
pt_quiz_panel_get_mark (PtQuizPanel *self,
                        const char  *code)
{
  QuizRow *row;

  g_return_val_if_fail (PT_IS_QUIZ_PANEL (self), PT_QUIZ_MARK_NONE);

  row = find_row (self, code);
  return row ? row->mark : PT_QUIZ_MARK_NONE;
}

/* What the last Check or Show Answer said, or NULL. */
const char *
pt_quiz_panel_get_result_text (PtQuizPanel *self)
{
  g_return_val_if_fail (PT_IS_QUIZ_PANEL (self), NULL);

  return self->result_text;
}

/* The codes answered right and asked since the program started. */
void
pt_quiz_panel_get_score (guint *right,
                         guint *asked)
{
  if (right != NULL)
    *right = score_right;
  if (asked != NULL)
    *asked = score_asked;
}

char *
pt_quiz_panel_dup_score_text (void)
{
  if (score_asked == 0)
    return g_strdup (_("No answers checked yet this session"));

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u of %u code right this session",
                                       "%u of %u codes right this session",
                                       score_asked),
                          score_right, score_asked);
}
