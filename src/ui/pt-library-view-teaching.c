/* pt-library-view-teaching.c: library.quiz and library.present
 *
 * Quiz mode (the quiz-mode setting, shared by every window) puts the quiz
 * panel in the units panel's place while the editor holds a scenario.
 * Presentation (F11) shows the presentation view in place of the window's
 * whole content, full screen, until Escape, Leave or F11 again.
 */
#include "config.h"

#include "pt-library-view-private.h"

/* The quiz panel stands in for the units panel while quiz mode is on and the
 * editor holds a scenario; both panels are kept alive while swapped out. */
void
pt_library_view_update_teaching (PtLibraryView *self)
{
  gboolean quiz = self->quiz_panel != NULL && self->current != NULL &&
                  pt_settings_get_quiz_mode (self->settings);
  GtkWidget *want = quiz ? GTK_WIDGET (self->quiz_panel) : self->units_panel;

  if (self->quiz_panel != NULL)
    pt_quiz_panel_set_scenario (self->quiz_panel, quiz ? self->current : NULL);
  if (self->presentation != NULL)
    pt_presentation_view_set_scenario (self->presentation, self->current);

  if (want != NULL && gtk_paned_get_end_child (self->window->content_paned) != want)
    gtk_paned_set_end_child (self->window->content_paned, want);
}

static void
on_quiz_mode (PtLibraryView *self)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), "quiz");

  g_simple_action_set_state (G_SIMPLE_ACTION (action),
                             g_variant_new_boolean (pt_settings_get_quiz_mode (self->settings)));
  pt_library_view_update_teaching (self);
}

static void
quiz_change_state (GSimpleAction *action,
                   GVariant      *state,
                   gpointer       data)
{
  PtLibraryView *self = data;

  /* Every window follows the setting through on_quiz_mode(). */
  g_object_set (self->settings, "quiz-mode", g_variant_get_boolean (state), NULL);
}

static void
set_presenting (PtLibraryView *self,
                gboolean       present)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), "present");
  GtkWidget *view = GTK_WIDGET (self->presentation);

  g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_boolean (present));
  if (self->presentation == NULL || self->window_stack == NULL)
    return;

  if (present)
    {
      pt_presentation_view_set_scenario (self->presentation, self->current);
      pt_presentation_view_start (self->presentation);
      gtk_stack_set_visible_child (self->window_stack, view);
      gtk_window_fullscreen (GTK_WINDOW (self->window));
      gtk_widget_grab_focus (view);
    }
  else if (gtk_stack_get_visible_child (self->window_stack) == view)
    {
      gtk_stack_set_visible_child_name (self->window_stack, "main");
      gtk_window_unfullscreen (GTK_WINDOW (self->window));
    }
}

static void
present_change_state (GSimpleAction *action,
                      GVariant      *state,
                      gpointer       data)
{
  set_presenting (data, g_variant_get_boolean (state));
}

static void
on_presentation_leave (PtLibraryView *self)
{
  set_presenting (self, FALSE);
}

static void
on_quiz_next (PtLibraryView *self)
{
  pt_library_view_open_next (self);
}

/* Takes over the window's teaching views, made in pt-window-panes.c:
 * @window_stack holds the window's usual content as "main" and
 * @presentation. */
void
pt_library_view_attach_teaching (PtLibraryView      *self,
                                 PtQuizPanel        *quiz_panel,
                                 PtPresentationView *presentation,
                                 GtkStack           *window_stack)
{
  g_return_if_fail (PT_IS_LIBRARY_VIEW (self));

  g_set_object (&self->units_panel, GTK_WIDGET (self->window->units_panel));
  self->quiz_panel = g_object_ref_sink (quiz_panel);
  self->presentation = presentation;
  self->window_stack = window_stack;

  g_signal_connect_object (quiz_panel, "next-scenario", G_CALLBACK (on_quiz_next), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (presentation, "leave", G_CALLBACK (on_presentation_leave), self,
                           G_CONNECT_SWAPPED);
  pt_library_view_update_teaching (self);
}

static const GActionEntry teaching_entries[] = {
  { "quiz", NULL, NULL, "false", quiz_change_state, { 0 } },
  { "present", NULL, NULL, "false", present_change_state, { 0 } },
};

void
pt_library_view_add_teaching_actions (PtLibraryView *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), teaching_entries,
                                   G_N_ELEMENTS (teaching_entries), self);
  g_signal_connect_object (self->settings, "notify::quiz-mode", G_CALLBACK (on_quiz_mode), self,
                           G_CONNECT_SWAPPED);
  on_quiz_mode (self);
}
