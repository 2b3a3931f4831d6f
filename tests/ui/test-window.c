/* test-window.c: the main window under a real display (Xvfb in CI)
 *
 * Builds a visit through the window's actions and widgets and reads the units
 * panel; opens a malformed file and checks the visit is untouched; restores a
 * draft left by a "crashed" run through the restore dialog.
 */
#include "config.h"

#include "pt-ui-test-utils.h"

#include <gtk/gtk.h>
#include <string.h>

#include "pt-application.h"
#include "pt-block-row.h"
#include "pt-print.h"
#include "pt-units-panel.h"
#include "pt-visit-editor.h"
#include "pt-window-private.h"

static PtApplication *app;

/* Type into the row's code entry and minutes spin button. */
static void
fill_row (PtWindow   *window,
          guint       position,
          const char *code,
          int         minutes)
{
  GtkWidget *row = pt_visit_editor_get_row (window->editor, position);
  GtkWidget *entry = pt_ui_test_nth (row, GTK_TYPE_ENTRY, 0);
  GtkWidget *spin = pt_ui_test_nth (row, GTK_TYPE_SPIN_BUTTON, 0);

  g_assert_nonnull (entry);
  g_assert_nonnull (spin);
  gtk_editable_set_text (GTK_EDITABLE (entry), code);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), minutes);
  pt_ui_test_pump ();
}

/* Documentation findings in the window ------------------------------------- */

typedef struct {
  const char *what;
  void      (*edit) (PtVisit *visit);
  gint        untouched; /* a row whose findings' widgets must be kept, or -1 */
} FindingsEdit;

static void
findings_not_billed (PtVisit *visit)
{
  /* 97530 down to 5 min: no unit, a "minutes not billable" note on its row */
  pt_block_set_minutes (pt_visit_get_block (visit, 2), 5);
}

static void
findings_billed_again (PtVisit *visit)
{
  pt_block_set_minutes (pt_visit_get_block (visit, 2), 20);
}

static void
findings_minutes_only (PtVisit *visit)
{
  pt_block_set_minutes (pt_visit_get_block (visit, 1), 16);
}

static void
findings_deficit (PtVisit *visit)
{
  pt_block_set_text (pt_visit_get_block (visit, 0), PT_BLOCK_DEFICIT, "");
}

static void
findings_append (PtVisit *visit)
{
  g_autoptr(PtBlock) block = pt_block_new ("97112", 10);

  pt_visit_append_block (visit, block);
}

static void
findings_move (PtVisit *visit)
{
  pt_visit_move_block (visit, 3, 0);
}

static void
findings_remove (PtVisit *visit)
{
  pt_visit_remove_block (visit, 1);
}

/* Marks the label of row @position's first finding, so that a label made
 * anew (even at the same address) is told from the one kept. */
static void
mark_first_finding (PtWindow *window,
                    guint     position)
{
  PtBlockRow *row = PT_BLOCK_ROW (pt_visit_editor_get_row (window->editor, position));
  GtkWidget *label = pt_block_row_get_finding_label (row, 0);

  g_assert_nonnull (label);
  g_object_set_data (G_OBJECT (label), "pt-test-kept", GINT_TO_POINTER (1));
}

static gboolean
first_finding_kept (PtWindow *window,
                    guint     position)
{
  PtBlockRow *row = PT_BLOCK_ROW (pt_visit_editor_get_row (window->editor, position));
  GtkWidget *label = pt_block_row_get_finding_label (row, 0);

  return label != NULL && g_object_get_data (G_OBJECT (label), "pt-test-kept") != NULL;
}

/* Every row and the panel show what a fresh, uncached run of the checks
 * finds, right after the edit: no waiting for the main loop. */
static void
assert_findings_shown (PtWindow *window)
{
  PtVisit *visit = pt_workspace_get_visit (window->workspace);
  g_autoptr(GError) error = NULL;
  g_autoptr(PtVisitCheck) fresh = pt_visit_check_run (visit, PT_TIE_RULE_ENTRY_ORDER, &error);
  guint counts[3] = { 0, 0, 0 };
  g_autofree char *summary = NULL;

  g_assert_no_error (error);
  for (guint i = 0; i < pt_visit_get_n_blocks (visit); i++)
    {
      PtBlockRow *row = PT_BLOCK_ROW (pt_visit_editor_get_row (window->editor, i));
      guint shown = 0;

      g_assert_true (pt_block_row_get_block (row) == pt_visit_get_block (visit, i));
      for (guint k = 0; k < fresh->findings->len; k++)
        {
          PtDocFinding *f = g_ptr_array_index (fresh->findings, k);

          if (f->block != (gint) i)
            continue;
          g_assert_cmpstr (pt_block_row_get_finding_message (row, shown), ==, f->message);
          shown++;
        }
      g_assert_cmpuint (pt_block_row_get_n_findings (row), ==, shown);
    }

  for (guint k = 0; k < fresh->findings->len; k++)
    counts[((PtDocFinding *) g_ptr_array_index (fresh->findings, k))->severity]++;
  summary = g_strdup_printf ("%u to fix, %u to look at, %u for information.",
                             counts[0], counts[1], counts[2]);
  g_assert_true (g_str_has_prefix (pt_units_panel_get_check_summary (window->units_panel), summary));
}

static void
test_findings_follow_edits (void)
{
  static const FindingsEdit edits[] = {
    { "a code's minutes no longer billed", findings_not_billed, 0 },
    { "billed again", findings_billed_again, 1 },
    { "minutes that change no finding", findings_minutes_only, 0 },
    { "a block's deficit emptied", findings_deficit, 1 },
    { "a block added", findings_append, 1 },
    { "the new block moved to the top", findings_move, -1 },
    { "a block removed", findings_remove, -1 },
  };
  PtWindow *window = pt_ui_test_new_window (app);
  PtVisit *visit = pt_workspace_get_visit (window->workspace);
  g_autoptr(PtBlock) a = pt_block_new ("97112", 20);
  g_autoptr(PtBlock) b = pt_block_new ("97112", 15);
  g_autoptr(PtBlock) c = pt_block_new ("97530", 20);

  pt_block_set_text (a, PT_BLOCK_DEFICIT, "impaired proprioception of the left ankle");
  pt_block_set_text (a, PT_BLOCK_INTERVENTION, "perturbation training on foam with verbal cues");
  pt_block_set_text (b, PT_BLOCK_INTERVENTION, "exercises");
  /* goals of their own, or dropping a code would change every block's notes */
  pt_block_set_text (a, PT_BLOCK_GOAL, "fewer losses of balance");
  pt_block_set_text (b, PT_BLOCK_GOAL, "steady single-leg stance");
  pt_block_set_text (c, PT_BLOCK_GOAL, "independent transfers");
  pt_visit_append_block (visit, a);
  pt_visit_append_block (visit, b);
  pt_visit_append_block (visit, c);
  assert_findings_shown (window);
  pt_ui_test_pump ();

  for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
    {
      g_test_message ("%s", edits[i].what);
      if (edits[i].untouched >= 0)
        mark_first_finding (window, edits[i].untouched);
      edits[i].edit (visit);
      assert_findings_shown (window);
      if (edits[i].untouched >= 0)
        g_assert_true (first_finding_kept (window, edits[i].untouched));
      pt_ui_test_pump ();
      assert_findings_shown (window);
    }

  pt_ui_test_destroy_window (window);
}

static void
test_build_visit_through_widgets (void)
{
  PtWindow *window = pt_ui_test_new_window (app);
  PtVisit *visit = pt_workspace_get_visit (window->workspace);

  g_assert_cmpstr (pt_units_panel_get_headline (window->units_panel), ==, "No blocks yet");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-block", NULL));
  pt_ui_test_pump ();
  fill_row (window, 0, "97112", 24);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-block", NULL));
  pt_ui_test_pump ();
  fill_row (window, 1, "97110", 23);

  g_assert_cmpuint (pt_visit_get_n_blocks (visit), ==, 2);
  g_assert_cmpstr (pt_units_panel_get_headline (window->units_panel), ==, "3 units");

  /* the row's own Remove action, then Ctrl+Z through the window action */
  g_assert_true (gtk_widget_activate_action (pt_visit_editor_get_row (window->editor, 1), "row.remove", NULL));
  pt_ui_test_pump ();
  g_assert_cmpuint (pt_visit_get_n_blocks (visit), ==, 1);
  g_assert_cmpstr (pt_units_panel_get_headline (window->units_panel), ==, "2 units");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  pt_ui_test_pump ();
  g_assert_cmpuint (pt_visit_get_n_blocks (visit), ==, 2);
  g_assert_cmpstr (pt_units_panel_get_headline (window->units_panel), ==, "3 units");

  /* the AMA method bills 4 for the same minutes */
  pt_visit_set_method (visit, PT_METHOD_AMA);
  pt_ui_test_pump ();
  g_assert_cmpstr (pt_units_panel_get_headline (window->units_panel), ==, "4 units");

  /* a code that is not one is marked, and the units are withheld */
  fill_row (window, 1, "9711", 23);
  g_assert_true (gtk_widget_has_css_class (pt_ui_test_nth (pt_visit_editor_get_row (window->editor, 1),
                                                GTK_TYPE_ENTRY, 0), "error"));
  g_assert_cmpstr (pt_units_panel_get_headline (window->units_panel), ==,
                   "Units cannot be counted yet");

  pt_ui_test_destroy_window (window);
}

static void
test_open_malformed_file (void)
{
  PtWindow *window = pt_ui_test_new_window (app);
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "malformed.ptvisit.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  PtVisit *visit = pt_workspace_get_visit (window->workspace);
  GList *toplevels;
  gboolean saw_error = FALSE;

  g_assert_true (g_file_set_contents (path, "{\"format\": 1, \"kind\": \"visit\", \"blocks\": 3}", -1, NULL));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.add-block", NULL);
  pt_ui_test_pump ();
  fill_row (window, 0, "97530", 60);

  g_assert_false (pt_window_open_file (window, file));
  pt_ui_test_pump ();
  g_assert_true (pt_workspace_get_visit (window->workspace) == visit);
  g_assert_cmpuint (pt_visit_get_n_blocks (visit), ==, 1);
  g_assert_cmpstr (pt_units_panel_get_headline (window->units_panel), ==, "4 units");

  /* the dialog names the member that is wrong */
  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l; l = l->next)
    if (GTK_IS_MESSAGE_DIALOG (l->data))
      {
        g_autofree char *secondary = NULL;

        g_object_get (l->data, "secondary-text", &secondary, NULL);
        if (secondary && strstr (secondary, "blocks"))
          saw_error = TRUE;
        gtk_window_destroy (l->data);
      }
  g_list_free (toplevels);
  g_assert_true (saw_error);

  pt_ui_test_destroy_window (window);
}

static void
test_draft_restore_dialog (void)
{
  g_autoptr(PtWorkspace) crashed = pt_workspace_new (pt_application_get_settings (app));
  g_autoptr(PtBlock) block = pt_block_new ("97116", 38);
  g_autoptr(GError) error = NULL;
  PtWindow *window;
  GList *toplevels;
  gboolean answered = FALSE;

  /* the run that "crashed" left a draft behind */
  pt_visit_set_title (pt_workspace_get_visit (crashed), "Unsaved gait session");
  pt_visit_append_block (pt_workspace_get_visit (crashed), block);
  g_assert_true (pt_workspace_write_draft (crashed, &error));
  g_assert_no_error (error);

  window = pt_ui_test_new_window (app);
  pt_window_offer_drafts (window);
  pt_ui_test_pump ();

  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l; l = l->next)
    if (GTK_IS_MESSAGE_DIALOG (l->data))
      {
        gtk_dialog_response (GTK_DIALOG (l->data), GTK_RESPONSE_ACCEPT);
        answered = TRUE;
      }
  g_list_free (toplevels);
  pt_ui_test_pump ();

  g_assert_true (answered);
  g_assert_cmpstr (pt_visit_get_title (pt_workspace_get_visit (window->workspace)), ==,
                   "Unsaved gait session");
  g_assert_true (pt_workspace_get_dirty (window->workspace));
  g_assert_cmpstr (pt_units_panel_get_headline (window->units_panel), ==, "3 units");

  pt_ui_test_destroy_window (window);
}

/* Every icon-only button of the main window has an accessible name and a
 * tooltip. GTK's own composite widgets (spin buttons, drop-downs, window
 * controls) label their inner buttons themselves and are not descended into. */
static gboolean
is_icon_only (GtkWidget *button)
{
  const char *label;
  GtkWidget *inner;

  if (GTK_IS_MENU_BUTTON (button))
    return gtk_menu_button_get_icon_name (GTK_MENU_BUTTON (button)) != NULL &&
           gtk_menu_button_get_label (GTK_MENU_BUTTON (button)) == NULL;
  else
    label = gtk_button_get_label (GTK_BUTTON (button));

  if (label != NULL && *label != '\0')
    return FALSE;

  inner = gtk_widget_get_first_child (button);

  return inner == NULL || GTK_IS_IMAGE (inner);
}

static void
check_buttons (GtkWidget *root,
               guint     *checked)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child;
       child = gtk_widget_get_next_sibling (child))
    {
      gboolean button = (GTK_IS_BUTTON (child) && !GTK_IS_CHECK_BUTTON (child)) || GTK_IS_MENU_BUTTON (child);

      if (button && is_icon_only (child))
        {
          if (!gtk_test_accessible_has_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL))
            g_error ("icon-only %s (tooltip “%s”) has no accessible name",
                     G_OBJECT_TYPE_NAME (child), gtk_widget_get_tooltip_text (child));
          if (gtk_widget_get_tooltip_text (child) == NULL)
            g_error ("icon-only %s has no tooltip", G_OBJECT_TYPE_NAME (child));
          g_test_message ("checked %s “%s”", G_OBJECT_TYPE_NAME (child), gtk_widget_get_tooltip_text (child));
          (*checked)++;
        }

      if (GTK_IS_MENU_BUTTON (child) || GTK_IS_SPIN_BUTTON (child) || GTK_IS_DROP_DOWN (child) ||
          GTK_IS_WINDOW_CONTROLS (child) || button)
        continue;

      check_buttons (child, checked);
    }
}

static void
test_icon_buttons_have_names (void)
{
  PtWindow *window = pt_ui_test_new_window (app);
  guint checked = 0;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.add-block", NULL);
  pt_ui_test_pump ();
  check_buttons (GTK_WIDGET (window), &checked);
  /* header bar (sidebar, new, undo, menu) and a row (up, down, duplicate, remove) */
  g_assert_cmpuint (checked, >=, 8);

  pt_ui_test_destroy_window (window);
}

/* The worksheet prints to a one-page PDF (what "Print to File" makes). */
static void
test_worksheet_pdf (void)
{
  PtWindow *window = pt_ui_test_new_window (app);
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "worksheet.pdf", NULL);
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.add-block", NULL);
  pt_ui_test_pump ();
  fill_row (window, 0, "97112", 24);

  g_assert_true (pt_print_worksheet_to_pdf (window->workspace, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (g_str_has_prefix (data, "%PDF"));
  /* one page: one page object, whatever binary streams lie between */
  {
    static const char needle[] = "/Type /Page";
    guint pages = 0;

    for (gsize i = 0; i + sizeof needle < length; i++)
      if (memcmp (data + i, needle, sizeof needle - 1) == 0 && data[i + sizeof needle - 1] != 's')
        pages++;
    g_assert_cmpuint (pages, ==, 1);
  }

  pt_ui_test_destroy_window (window);
}

/* Quiz mode hides the answer: no summary to copy and no worksheet to print. */
static void
test_quiz_mode_hides_outputs (void)
{
  PtWindow *window = pt_ui_test_new_window (app);
  PtSettings *settings = pt_application_get_settings (app);
  GtkWidget *copy = gtk_button_new_with_label ("copy");
  GtkWidget *print = gtk_button_new_with_label ("print");

  /* Buttons bound to the actions show whether they are enabled. */
  gtk_actionable_set_action_name (GTK_ACTIONABLE (copy), "win.copy-summary");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (print), "win.print");
  gtk_box_append (GTK_BOX (window->lower_pane), copy);
  gtk_box_append (GTK_BOX (window->lower_pane), print);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.add-block", NULL);
  pt_ui_test_pump ();
  fill_row (window, 0, "97112", 24);
  g_assert_true (gtk_widget_get_sensitive (copy));
  g_assert_true (gtk_widget_get_sensitive (print));

  g_object_set (settings, "quiz-mode", TRUE, NULL);
  pt_ui_test_pump ();
  g_assert_false (gtk_widget_get_sensitive (copy));
  g_assert_false (gtk_widget_get_sensitive (print));

  g_object_set (settings, "quiz-mode", FALSE, NULL);
  pt_ui_test_pump ();
  g_assert_true (gtk_widget_get_sensitive (copy));

  pt_ui_test_destroy_window (window);
}

int
main (int    argc,
      char **argv)
{
  int status;

  pt_ui_test_init (&argc, &argv);
  app = pt_ui_test_app_new (G_APPLICATION_HANDLES_OPEN);

  g_test_add_func ("/window/build-visit-through-widgets", test_build_visit_through_widgets);
  g_test_add_func ("/window/findings-follow-edits", test_findings_follow_edits);
  g_test_add_func ("/window/open-malformed-file", test_open_malformed_file);
  g_test_add_func ("/window/draft-restore-dialog", test_draft_restore_dialog);
  g_test_add_func ("/window/icon-buttons-have-names", test_icon_buttons_have_names);
  g_test_add_func ("/window/worksheet-pdf", test_worksheet_pdf);
  g_test_add_func ("/window/quiz-mode-hides-outputs", test_quiz_mode_hides_outputs);

  status = g_test_run ();
  g_object_unref (app);
  return status;
}
