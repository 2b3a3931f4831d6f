/* pt-window-panes.c: puts the optional panes into the window
 *
 * The sidebar pages (scenario library, code reference), the lower pane
 * (code comparison) and the alternative views (quiz, presentation) are made
 * here, so pt-window.c stays a thin shell. Each pane gets the window's
 * workspace and settings and talks back through signals or window actions.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pt-code-comparison.h"
#include "pt-code-reference.h"
#include "pt-library-view.h"
#include "pt-window-private.h"

/* Code reference and comparison pane ---------------------------------------- */

/* Ctrl+F: the sidebar opens on the code reference, in its search entry. */
static gboolean
focus_code_search (GtkWidget *widget,
                   GVariant  *args,
                   gpointer   user_data)
{
  PtWindow *self = PT_WINDOW (widget);
  GtkWidget *reference = gtk_stack_get_child_by_name (self->sidebar_stack, "reference");

  if (reference == NULL)
    return FALSE;

  g_object_set (self, "show-sidebar", TRUE, NULL);
  gtk_stack_set_visible_child (self->sidebar_stack, reference);
  pt_code_reference_focus_search (PT_CODE_REFERENCE (reference));

  return TRUE;
}

/* compare.show: the comparison takes the lower part of the editor column,
 * about half of it, leaving the editor at least 160 pixels. */
static void
compare_show_changed (GSimpleAction *action,
                      GVariant      *state,
                      gpointer       user_data)
{
  PtWindow *self = user_data;
  gboolean show = g_variant_get_boolean (state);
  int height = gtk_widget_get_height (GTK_WIDGET (self->editor_paned));

  /* Not laid out yet (shown at start-up): estimate from the window's size. */
  if (height <= 0)
    {
      gtk_window_get_default_size (GTK_WINDOW (self), NULL, &height);
      height -= 50;
    }

  g_simple_action_set_state (action, state);
  if (show && !gtk_widget_get_visible (self->lower_pane) && height > 200)
    gtk_paned_set_position (self->editor_paned, height - MIN (MAX (height * 45 / 100, 260), height - 160));
  gtk_widget_set_visible (self->lower_pane, show);
}

static void
follow_focus (PtWindow         *self,
              GParamSpec       *pspec,
              PtCodeComparison *comparison)
{
  pt_code_comparison_follow_focus (comparison, gtk_root_get_focus (GTK_ROOT (self)));
}

static void
on_code_inserted (PtWindow *self,
                  guint     position)
{
  pt_visit_editor_focus_block (self->editor, position);
}

static void
setup_code_panes (PtWindow *self)
{
  static const GActionEntry compare_entries[] = {
    { .name = "show", .state = "false", .change_state = compare_show_changed },
  };
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  GtkWidget *reference = pt_code_reference_new ();
  GtkWidget *comparison = pt_code_comparison_new ();
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();
  GtkWidget *toggle = gtk_toggle_button_new ();

  pt_code_reference_set_workspace (PT_CODE_REFERENCE (reference), self->workspace);
  g_signal_connect_object (reference, "code-inserted", G_CALLBACK (on_code_inserted), self,
                           G_CONNECT_SWAPPED);
  pt_window_add_sidebar_page (self, reference, "reference", _("Codes"));

  pt_code_comparison_set_workspace (PT_CODE_COMPARISON (comparison), self->workspace);
  gtk_widget_set_vexpand (comparison, TRUE);
  gtk_box_append (GTK_BOX (self->lower_pane), comparison);
  g_signal_connect_object (self, "notify::focus-widget", G_CALLBACK (follow_focus), comparison, 0);

  g_action_map_add_action_entries (G_ACTION_MAP (group), compare_entries,
                                   G_N_ELEMENTS (compare_entries), self);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "compare", G_ACTION_GROUP (group));

  gtk_button_set_icon_name (GTK_BUTTON (toggle), "view-dual-symbolic");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (toggle), "compare.show");
  gtk_widget_set_tooltip_text (toggle, _("Compare 97110, 97112, 97530 and 97116 for the selected block (F8)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Compare codes"), -1);
  gtk_header_bar_pack_start (self->header_bar, toggle);

  /* Capture phase: F8 would otherwise move between the panes' handles. */
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_f, GDK_CONTROL_MASK),
                                                          gtk_callback_action_new (focus_code_search, NULL, NULL)));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_F8, 0),
                                                          gtk_named_action_new ("compare.show")));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
}

/* Scenario library, quiz and presentation ------------------------------------ */

static void
setup_library_panes (PtWindow *self)
{
  static const char * const present_accels[] = { "F11", NULL };
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  PtLibraryView *library = pt_library_view_new (self);
  PtQuizPanel *quiz = pt_quiz_panel_new (self->workspace);
  PtPresentationView *presentation = pt_presentation_view_new (self->workspace, self->settings);
  GtkWidget *content = gtk_window_get_child (GTK_WINDOW (self));
  GtkWidget *stack = gtk_stack_new ();

  pt_window_add_sidebar_page (self, GTK_WIDGET (library), "library", _("Scenarios"));

  /* The presentation takes the place of everything below the header bar. */
  g_object_ref (content);
  gtk_window_set_child (GTK_WINDOW (self), NULL);
  gtk_stack_add_named (GTK_STACK (stack), content, "main");
  g_object_unref (content);
  gtk_stack_add_named (GTK_STACK (stack), GTK_WIDGET (presentation), "presentation");
  gtk_stack_set_visible_child_name (GTK_STACK (stack), "main");
  gtk_window_set_child (GTK_WINDOW (self), stack);

  /* The quiz panel takes the units panel's place in quiz mode. */
  gtk_widget_set_size_request (GTK_WIDGET (quiz), 340, -1);
  pt_library_view_attach_teaching (library, quiz, presentation, GTK_STACK (stack));

  if (app != NULL)
    gtk_application_set_accels_for_action (app, "library.present", present_accels);
}

void
pt_window_setup_panes (PtWindow *self)
{
  /* code reference and comparison pane */
  setup_code_panes (self);

  /* scenario library, quiz and presentation */
  setup_library_panes (self);

  /* The library is what a new user looks for first; Ctrl+F still goes to the codes. */
  gtk_stack_set_visible_child_name (self->sidebar_stack, "library");
}
