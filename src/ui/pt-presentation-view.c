/* pt-presentation-view.c: presentation mode, for teaching on a projector
 *
 * Page 0 shows the visit's codes and minutes; pages 1..n show the engine's
 * explanation steps (pt_workspace_get_result()->steps for the visit's
 * method) one at a time in large text, with the units handed out so far.
 * Space, Right, Down and Page Down go on; Left, Up, Backspace and Page Up go
 * back; Home and End jump; Escape asks to leave ("leave" signal). The text
 * size follows the presentation-text-scale setting through a CSS provider
 * of this view alone.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pt-presentation-view.h"
#include "pt-ui-util.h"

struct _PtPresentationView
{
  GtkWidget       parent_instance;

  /* Template widgets */
  GtkLabel       *title_label;
  GtkLabel       *position_label;
  GtkStack       *page_stack;
  GtkLabel       *overview_heading;
  GtkGrid        *overview_grid;
  GtkLabel       *overview_total;
  GtkLabel       *kind_label;
  GtkLabel       *step_label;
  GtkLabel       *tally_label;
  GtkLabel       *message_label;

  /* Owned */
  PtWorkspace    *workspace;
  PtSettings     *settings;
  PtScenario     *scenario;
  GtkCssProvider *css;
  char           *text;
  guint           step; /* 0: the visit; 1..n: steps[step - 1] */
};

enum {
  LEAVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (PtPresentationView, pt_presentation_view, GTK_TYPE_WIDGET)

static const PtAllocResult *
current_result (PtPresentationView *self)
{
  PtVisit *visit = pt_workspace_get_visit (self->workspace);

  return pt_workspace_get_result (self->workspace, pt_visit_get_method (visit));
}

static void
set_text (PtPresentationView *self,
          const char         *text)
{
  g_free (self->text);
  self->text = g_strdup (text);
}

static void
show_overview (PtPresentationView  *self,
               const PtAllocResult *r)
{
  PtVisit *visit = pt_workspace_get_visit (self->workspace);
  g_autoptr(GString) spoken = g_string_new (NULL);
  g_autofree char *heading = NULL;
  g_autofree char *total = NULL;

  pt_ui_clear_children (GTK_WIDGET (self->overview_grid));

  /* Translators: the first page of a presentation; %s is the counting method */
  heading = g_strdup_printf (_("The visit — counted by %s"), pt_method_display_name (pt_visit_get_method (visit)));
  gtk_label_set_text (self->overview_heading, heading);

  gtk_grid_attach (self->overview_grid, pt_ui_label_cell (_("Code"), 0, "presentation-head"), 0, 0, 1, 1);
  gtk_grid_attach (self->overview_grid, pt_ui_label_cell (_("Minutes"), 1, "presentation-head"), 1, 0, 1, 1);
  for (guint i = 0; i < r->codes->len; i++)
    {
      const PtCodeUnits *c = pt_alloc_result_get_code (r, i);
      g_autofree char *minutes = g_strdup_printf ("%d", c->minutes);
      g_autofree char *code = c->timed ? g_strdup (c->code) : g_strdup_printf (_("%s (untimed)"), c->code);

      gtk_grid_attach (self->overview_grid, pt_ui_label_cell (code, 0, "presentation-code"), 0, (int) i + 1, 1, 1);
      gtk_grid_attach (self->overview_grid, pt_ui_label_cell (minutes, 1, "presentation-code"), 1, (int) i + 1, 1, 1);
      g_string_append_printf (spoken, "%s%s %s", i ? ", " : "", c->code, minutes);
    }

  total = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        "%d timed minute in all. How many units does the visit bill?",
                                        "%d timed minutes in all. How many units does the visit bill?",
                                        r->total_timed_minutes),
                           r->total_timed_minutes);
  gtk_label_set_text (self->overview_total, total);
  set_text (self, spoken->str);
  gtk_stack_set_visible_child_name (self->page_stack, "overview");
}

static char *
kind_text (const PtAllocResult *r,
           const PtStep        *step)
{
  const char *kind;

  switch (step->kind)
    {
    case PT_STEP_TOTAL:
      kind = _("How many units the minutes support");
      break;
    case PT_STEP_UNIT:
      /* Translators: a timed unit of the visit, e.g. "Unit 2 of 4" */
      return step->tie ? g_strdup_printf (_("Unit %d of %d — a tie"), step->unit, r->total_timed_units)
                       : g_strdup_printf (_("Unit %d of %d"), step->unit, r->total_timed_units);
    case PT_STEP_UNTIMED:
      kind = _("An untimed code");
      break;
    case PT_STEP_NOT_BILLED:
    default:
      kind = _("Minutes that bill nothing");
      break;
    }

  return g_strdup (kind);
}

/* "Units so far: 97112 × 2, 97116 × 1", counting steps 1..@upto. */
static char *
tally_text (const PtAllocResult *r,
            guint                upto,
            gboolean             last)
{
  g_autofree gint *counts = g_new0 (gint, r->codes->len + 1);
  g_autoptr(GString) list = g_string_new (NULL);
  gint sum = 0;

  for (guint s = 0; s < upto && s < r->steps->len; s++)
    {
      const PtStep *step = &g_array_index (r->steps, PtStep, s);

      if ((step->kind == PT_STEP_UNIT || step->kind == PT_STEP_UNTIMED) &&
          step->code >= 0 && (guint) step->code < r->codes->len)
        counts[step->code]++;
    }

  for (guint i = 0; i < r->codes->len; i++)
    if (counts[i] > 0)
      {
        /* Translators: a code and how many units it has so far */
        g_string_append_printf (list, list->len ? _(", %s × %d") : _("%s × %d"),
                                pt_alloc_result_get_code (r, i)->code, counts[i]);
        sum += counts[i];
      }

  if (last)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "In all: %d unit (%s).", "In all: %d units (%s).",
                                         r->total_units),
                            r->total_units, list->len ? list->str : "—");
  if (sum == 0)
    return g_strdup ("");

  return g_strdup_printf (_("Units so far: %s"), list->str);
}

static void
show_step (PtPresentationView  *self,
           const PtAllocResult *r)
{
  const PtStep *step = &g_array_index (r->steps, PtStep, self->step - 1);
  g_autofree char *kind = kind_text (r, step);
  g_autofree char *tally = tally_text (r, self->step, self->step == r->steps->len);

  gtk_label_set_text (self->kind_label, kind);
  gtk_label_set_text (self->step_label, step->text);
  gtk_label_set_text (self->tally_label, tally);
  gtk_widget_set_visible (GTK_WIDGET (self->tally_label), *tally != '\0');
  if (step->tie)
    gtk_widget_add_css_class (GTK_WIDGET (self->step_label), "tied");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->step_label), "tied");
  set_text (self, step->text);
  gtk_stack_set_visible_child_name (self->page_stack, "step");
}

static void
update (PtPresentationView *self)
{
  const PtAllocResult *r = current_result (self);
  PtVisit *visit = pt_workspace_get_visit (self->workspace);
  const char *title = self->scenario ? pt_scenario_get_title (self->scenario) : pt_visit_get_title (visit);
  guint n = r ? r->steps->len : 0;
  g_autofree char *position = NULL;

  gtk_label_set_text (self->title_label, *title ? title : _("Untitled visit"));

  if (r == NULL)
    {
      const GError *error = pt_workspace_get_error (self->workspace);

      self->step = 0;
      gtk_label_set_text (self->message_label,
                          error ? error->message : _("There is nothing to present yet."));
      gtk_label_set_text (self->position_label, "");
      set_text (self, gtk_label_get_text (self->message_label));
      gtk_stack_set_visible_child_name (self->page_stack, "empty");
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "presentation.next", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "presentation.previous", FALSE);
      return;
    }

  self->step = MIN (self->step, n);
  if (self->step == 0)
    show_overview (self, r);
  else
    show_step (self, r);

  /* Translators: where the presentation is: the visit is step 0 */
  position = self->step == 0 ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "The visit · %u step to come",
                                                             "The visit · %u steps to come", n), n)
                             : g_strdup_printf (_("Step %u of %u"), self->step, n);
  gtk_label_set_text (self->position_label, position);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "presentation.next", self->step < n);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "presentation.previous", self->step > 0);
}

static void
go_to (PtPresentationView *self,
       guint               step)
{
  const PtAllocResult *r = current_result (self);
  guint n = r ? r->steps->len : 0;

  step = MIN (step, n);
  if (step == self->step)
    return;

  self->step = step;
  update (self);
}

static void
next_action (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  PtPresentationView *self = PT_PRESENTATION_VIEW (widget);

  go_to (self, self->step + 1);
}

static void
previous_action (GtkWidget  *widget,
                 const char *name,
                 GVariant   *param)
{
  PtPresentationView *self = PT_PRESENTATION_VIEW (widget);

  if (self->step > 0)
    go_to (self, self->step - 1);
}

static void
first_action (GtkWidget  *widget,
              const char *name,
              GVariant   *param)
{
  go_to (PT_PRESENTATION_VIEW (widget), 0);
}

static void
last_action (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  go_to (PT_PRESENTATION_VIEW (widget), G_MAXUINT);
}

static void
leave_action (GtkWidget  *widget,
              const char *name,
              GVariant   *param)
{
  g_signal_emit (widget, signals[LEAVE], 0);
}

static void
apply_scale (PtPresentationView *self)
{
  char number[G_ASCII_DTOSTR_BUF_SIZE];
  g_autofree char *css = NULL;

  g_ascii_formatd (number, sizeof number, "%.2f", pt_presentation_view_get_scale (self));
  css = g_strdup_printf ("presentationview { font-size: %sem; }", number);
  gtk_css_provider_load_from_data (self->css, css, -1);
}

static void
pt_presentation_view_dispose (GObject *object)
{
  PtPresentationView *self = (PtPresentationView *) object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), PT_TYPE_PRESENTATION_VIEW);
  /* The template's unnamed top box is not cleared by the call above. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->workspace);
  g_clear_object (&self->settings);
  g_clear_object (&self->scenario);
  g_clear_object (&self->css);

  G_OBJECT_CLASS (pt_presentation_view_parent_class)->dispose (object);
}

static void
pt_presentation_view_finalize (GObject *object)
{
  PtPresentationView *self = (PtPresentationView *) object;

  g_clear_pointer (&self->text, g_free);

  G_OBJECT_CLASS (pt_presentation_view_parent_class)->finalize (object);
}

static void
add_keys (GtkWidgetClass    *widget_class,
          const guint       *keys,
          guint              n_keys,
          const char        *action)
{
  for (guint i = 0; i < n_keys; i++)
    gtk_widget_class_add_binding_action (widget_class, keys[i], 0, action, NULL);
}

static void
update_if_shown (PtPresentationView *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    update (self);
}

static void
pt_presentation_view_class_init (PtPresentationViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static const guint next_keys[] = { GDK_KEY_space, GDK_KEY_KP_Space, GDK_KEY_Right, GDK_KEY_KP_Right,
                                     GDK_KEY_Down, GDK_KEY_KP_Down, GDK_KEY_Page_Down, GDK_KEY_Return };
  static const guint previous_keys[] = { GDK_KEY_Left, GDK_KEY_KP_Left, GDK_KEY_Up, GDK_KEY_KP_Up,
                                         GDK_KEY_BackSpace, GDK_KEY_Page_Up };
  static const guint first_keys[] = { GDK_KEY_Home, GDK_KEY_KP_Home };
  static const guint last_keys[] = { GDK_KEY_End, GDK_KEY_KP_End };
  static const guint leave_keys[] = { GDK_KEY_Escape };

  object_class->dispose = pt_presentation_view_dispose;
  object_class->finalize = pt_presentation_view_finalize;

  /**
   * PtPresentationView::leave:
   *
   * The presenter asked to leave the presentation (Escape or the Leave button).
   */
  signals[LEAVE] = g_signal_new ("leave", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Pt97112/pt-presentation-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PtPresentationView, title_label);
  gtk_widget_class_bind_template_child (widget_class, PtPresentationView, position_label);
  gtk_widget_class_bind_template_child (widget_class, PtPresentationView, page_stack);
  gtk_widget_class_bind_template_child (widget_class, PtPresentationView, overview_heading);
  gtk_widget_class_bind_template_child (widget_class, PtPresentationView, overview_grid);
  gtk_widget_class_bind_template_child (widget_class, PtPresentationView, overview_total);
  gtk_widget_class_bind_template_child (widget_class, PtPresentationView, kind_label);
  gtk_widget_class_bind_template_child (widget_class, PtPresentationView, step_label);
  gtk_widget_class_bind_template_child (widget_class, PtPresentationView, tally_label);
  gtk_widget_class_bind_template_child (widget_class, PtPresentationView, message_label);

  gtk_widget_class_install_action (widget_class, "presentation.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "presentation.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "presentation.first", NULL, first_action);
  gtk_widget_class_install_action (widget_class, "presentation.last", NULL, last_action);
  gtk_widget_class_install_action (widget_class, "presentation.leave", NULL, leave_action);

  add_keys (widget_class, next_keys, G_N_ELEMENTS (next_keys), "presentation.next");
  add_keys (widget_class, previous_keys, G_N_ELEMENTS (previous_keys), "presentation.previous");
  add_keys (widget_class, first_keys, G_N_ELEMENTS (first_keys), "presentation.first");
  add_keys (widget_class, last_keys, G_N_ELEMENTS (last_keys), "presentation.last");
  add_keys (widget_class, leave_keys, G_N_ELEMENTS (leave_keys), "presentation.leave");

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "presentationview");
}

static void
pt_presentation_view_init (PtPresentationView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->css = gtk_css_provider_new ();
  gtk_style_context_add_provider (gtk_widget_get_style_context (GTK_WIDGET (self)),
                                  GTK_STYLE_PROVIDER (self->css),
                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 1);
}

PtPresentationView *
pt_presentation_view_new (PtWorkspace *workspace,
                          PtSettings  *settings)
{
  PtPresentationView *self;

  g_return_val_if_fail (PT_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (PT_IS_SETTINGS (settings), NULL);

  self = g_object_new (PT_TYPE_PRESENTATION_VIEW, NULL);
  self->workspace = g_object_ref (workspace);
  self->settings = g_object_ref (settings);

  /* Hidden most of the time: follow the visit only while shown, and catch up when shown. */
  g_signal_connect_object (workspace, "results-changed", G_CALLBACK (update_if_shown), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect (self, "map", G_CALLBACK (update), NULL);
  g_signal_connect_object (settings, "notify::presentation-text-scale", G_CALLBACK (apply_scale), self,
                           G_CONNECT_SWAPPED);
  apply_scale (self);
  update (self);

  return self;
}

/* The scenario the workspace's visit is a copy of, for the title; or NULL. */
void
pt_presentation_view_set_scenario (PtPresentationView *self,
                                   PtScenario         *scenario)
{
  g_return_if_fail (PT_IS_PRESENTATION_VIEW (self));

  if (g_set_object (&self->scenario, scenario))
    update (self);
}

/* Back to the first page, for the visit as it is now. */
void
pt_presentation_view_start (PtPresentationView *self)
{
  g_return_if_fail (PT_IS_PRESENTATION_VIEW (self));

  self->step = 0;
  update (self);
}

/* 0 on the page of the visit, then 1 to pt_presentation_view_get_n_steps(). */
guint
pt_presentation_view_get_step (PtPresentationView *self)
{
  g_return_val_if_fail (PT_IS_PRESENTATION_VIEW (self), 0);

  return self->step;
}

guint
pt_presentation_view_get_n_steps (PtPresentationView *self)
{
  const PtAllocResult *r;

  g_return_val_if_fail (PT_IS_PRESENTATION_VIEW (self), 0);

  r = current_result (self);
  return r ? r->steps->len : 0;
}

/* The main text on show: the step's explanation, or the codes and minutes. */
const char *
pt_presentation_view_get_text (PtPresentationView *self)
{
  g_return_val_if_fail (PT_IS_PRESENTATION_VIEW (self), NULL);

  return self->text;
}

double
pt_presentation_view_get_scale (PtPresentationView *self)
{
  g_return_val_if_fail (PT_IS_PRESENTATION_VIEW (self), 1.0);

  return self->settings ? pt_settings_get_presentation_text_scale (self->settings) : 1.0;
}
