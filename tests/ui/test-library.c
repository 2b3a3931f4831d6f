/* test-library.c: the scenario library, quiz and presentation in a real window
 *
 * Opens scenarios as copies, filters by typing and by tag, saves, renames,
 * deletes and restores a user scenario (and reads the file it lands in),
 * imports good and malformed library files, answers a quiz right and wrong,
 * and steps a presentation back and forth. Unit answers are worked out by
 * hand from the rules (billing-rules.md), not copied from the program.
 */
#include "config.h"

#include "pt-ui-test-utils.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <string.h>
#include <sys/stat.h>

#include "pt-application.h"
#include "pt-library-view-private.h"
#include "pt-presentation-view.h"
#include "pt-quiz-panel.h"
#include "pt-window-private.h"

static PtApplication *app;

static gboolean
wake (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop for @ms milliseconds: the search entry waits a little
 * before it reports a change. */
static void
wait_ms (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, wake, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  pt_ui_test_pump ();
}

static GtkMessageDialog *
find_dialog (void)
{
  GList *toplevels = gtk_window_list_toplevels ();
  GtkMessageDialog *dialog = NULL;

  for (GList *l = toplevels; l && dialog == NULL; l = l->next)
    if (GTK_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      dialog = l->data;
  g_list_free (toplevels);

  return dialog;
}

static void
close_dialogs (void)
{
  GtkMessageDialog *dialog;

  while ((dialog = find_dialog ()) != NULL)
    gtk_window_destroy (GTK_WINDOW (dialog));
  pt_ui_test_pump ();
}

static void
destroy_window (PtWindow *window)
{
  close_dialogs ();
  pt_ui_test_destroy_window (window);
}

static guint
count_windows (void)
{
  GList *toplevels = gtk_window_list_toplevels ();
  guint n = 0;

  for (GList *l = toplevels; l; l = l->next)
    n += PT_IS_WINDOW (l->data);
  g_list_free (toplevels);

  return n;
}

static PtLibraryView *
library_of (PtWindow *window)
{
  PtLibraryView *view = pt_library_view_from_window (window);

  g_assert_nonnull (view);
  return view;
}

static gboolean
activate (PtWindow   *window,
          const char *action)
{
  gboolean ok = gtk_widget_activate_action (GTK_WIDGET (window), action, NULL);

  pt_ui_test_pump ();
  return ok;
}

static gboolean
action_on (PtWindow   *window,
           const char *name)
{
  PtLibraryView *view = library_of (window);
  g_autoptr(GVariant) state = g_action_group_get_action_state (G_ACTION_GROUP (view->actions), name);

  return g_variant_get_boolean (state);
}

static gboolean
action_enabled (PtWindow   *window,
                const char *name)
{
  return g_action_group_get_action_enabled (G_ACTION_GROUP (library_of (window)->actions), name);
}

static gint
position_in_results (PtLibraryView *view,
                     PtScenario    *scenario)
{
  GListModel *results = pt_library_view_get_results (view);

  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr(PtScenario) item = g_list_model_get_item (results, i);

      if (item == scenario)
        return (gint) i;
    }

  return -1;
}

/* Opens @id the way a click or Enter on its row does. */
static PtScenario *
open_by_id (PtWindow   *window,
            const char *id)
{
  PtLibraryView *view = library_of (window);
  PtScenario *scenario = pt_scenario_library_find_by_id (pt_library_view_get_builtin (view), id);
  gint position;

  if (scenario == NULL)
    scenario = pt_scenario_library_find_by_id (pt_library_view_get_user_library (view), id);
  g_assert_nonnull (scenario);
  position = position_in_results (view, scenario);
  g_assert_cmpint (position, >=, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view->list_view), "list.activate-item", "u",
                                             (guint) position));
  pt_ui_test_pump ();

  return scenario;
}

static void
type_search (PtLibraryView *view,
             const char    *text)
{
  gtk_editable_set_text (GTK_EDITABLE (view->search_entry), text);
  wait_ms (400);
}

static guint
n_results (PtLibraryView *view)
{
  return g_list_model_get_n_items (pt_library_view_get_results (view));
}

static guint
n_all (PtLibraryView *view)
{
  return g_list_model_get_n_items (G_LIST_MODEL (pt_library_view_get_builtin (view))) +
         g_list_model_get_n_items (G_LIST_MODEL (pt_library_view_get_user_library (view)));
}

/* An independent count of the scenarios whose title, summary, codes or tags
 * hold @word, case-insensitively. */
static guint
count_containing (PtScenarioLibrary *library,
                  const char        *word)
{
  g_autofree char *needle = g_ascii_strdown (word, -1);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (library)); i++)
    {
      PtScenario *s = pt_scenario_library_get_scenario (library, i);
      g_autofree char *tags = g_strjoinv (" ", (char **) pt_scenario_get_tags (s));
      g_autofree char *all = g_strjoin ("\n", pt_scenario_get_title (s), pt_scenario_get_summary (s),
                                        tags, NULL);
      g_autofree char *lower = g_utf8_strdown (all, -1);
      gboolean found = strstr (lower, needle) != NULL;
      PtVisit *visit = pt_scenario_get_visit (s);

      for (guint b = 0; !found && b < pt_visit_get_n_blocks (visit); b++)
        found = g_strcmp0 (pt_block_get_code (pt_visit_get_block (visit, b)), word) == 0;
      n += found;
    }

  return n;
}

static PtVisit *
visit_with (const char *code1,
            gint        minutes1,
            const char *code2,
            gint        minutes2)
{
  PtVisit *visit = pt_visit_new ();
  g_autoptr(PtBlock) a = pt_block_new (code1, minutes1);
  g_autoptr(PtBlock) b = pt_block_new (code2, minutes2);

  pt_visit_set_title (visit, "Typed by hand");
  pt_visit_set_date (visit, "2026-04-02");
  pt_visit_append_block (visit, a);
  pt_visit_append_block (visit, b);

  return visit;
}

static char *
user_library_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "pt97112", "my-scenarios.ptlibrary.json", NULL);
}

static PtScenarioLibrary *
read_user_file (void)
{
  g_autofree char *path = user_library_path ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  PtScenarioLibrary *library = pt_scenario_library_load_from_file (file, &error);

  g_assert_no_error (error);
  return library;
}

/* Answers the title dialog that save-scenario and rename open. */
static void
answer_title (const char *title)
{
  GtkMessageDialog *dialog = find_dialog ();
  GtkWidget *entry;

  g_assert_nonnull (dialog);
  entry = pt_ui_test_nth (GTK_WIDGET (dialog), GTK_TYPE_ENTRY, 0);
  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), title);
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  pt_ui_test_pump ();
  g_assert_null (find_dialog ());
}

/* Tests */

static void
test_open_scenario_as_copy (void)
{
  PtWindow *window = pt_ui_test_new_window (app);
  PtLibraryView *view = library_of (window);
  PtScenario *scenario;
  PtVisit *original, *copy;
  guint windows;

  g_assert_cmpuint (n_results (view), ==, n_all (view));
  g_assert_cmpuint (n_all (view), >=, 30);

  scenario = open_by_id (window, "ref-a-post-stroke-midline");
  original = pt_scenario_get_visit (scenario);
  copy = pt_workspace_get_visit (window->workspace);

  /* the editor holds a copy with the same blocks, titled like the scenario */
  g_assert_true (copy != original);
  g_assert_true (pt_library_view_get_current (view) == scenario);
  g_assert_cmpuint (pt_visit_get_n_blocks (copy), ==, 2);
  g_assert_cmpstr (pt_block_get_code (pt_visit_get_block (copy, 0)), ==, "97112");
  g_assert_cmpint (pt_block_get_minutes (pt_visit_get_block (copy, 0)), ==, 38);
  g_assert_cmpstr (pt_block_get_code (pt_visit_get_block (copy, 1)), ==, "97116");
  g_assert_cmpint (pt_block_get_minutes (pt_visit_get_block (copy, 1)), ==, 15);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, pt_scenario_get_title (scenario));
  g_assert_false (pt_workspace_get_dirty (window->workspace));

  /* editing the copy leaves the library's scenario as it was */
  pt_block_set_minutes (pt_visit_get_block (copy, 0), 5);
  pt_visit_remove_block (copy, 1);
  pt_ui_test_pump ();
  g_assert_true (pt_workspace_get_dirty (window->workspace));
  g_assert_cmpuint (pt_visit_get_n_blocks (original), ==, 2);
  g_assert_cmpint (pt_block_get_minutes (pt_visit_get_block (original, 0)), ==, 38);
  g_assert_cmpint (pt_scenario_get_expected_units (scenario, PT_METHOD_CMS, "97112"), ==, 3);

  /* with unsaved changes, the next scenario opens in a window of its own */
  windows = count_windows ();
  open_by_id (window, "ref-b-vestibular-gaze");
  g_assert_cmpuint (count_windows (), ==, windows + 1);
  g_assert_true (pt_workspace_get_visit (window->workspace) == copy);
  g_assert_true (pt_library_view_get_current (view) == scenario);
  {
    GList *toplevels = gtk_window_list_toplevels ();

    for (GList *l = toplevels; l; l = l->next)
      if (PT_IS_WINDOW (l->data) && l->data != window)
        {
          PtWindow *other = l->data;
          PtScenario *shown = pt_library_view_get_current (library_of (other));

          g_assert_nonnull (shown);
          g_assert_cmpstr (pt_scenario_get_id (shown), ==, "ref-b-vestibular-gaze");
          g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (other)), ==, pt_scenario_get_title (shown));
          destroy_window (other);
        }
    g_list_free (toplevels);
  }

  /* New leaves the scenario behind */
  window->close_confirmed = TRUE;
  pt_workspace_new_visit (window->workspace);
  pt_ui_test_pump ();
  g_assert_null (pt_library_view_get_current (view));

  destroy_window (window);
}

static void
test_search_as_you_type (void)
{
  PtWindow *window = pt_ui_test_new_window (app);
  PtLibraryView *view = library_of (window);
  guint all = n_all (view);
  guint expected = count_containing (pt_library_view_get_builtin (view), "97530");

  g_assert_cmpuint (expected, >, 0);
  g_assert_cmpuint (expected, <, all);

  type_search (view, "97530");
  g_assert_cmpuint (n_results (view), ==, expected);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (view->list_stack), ==, "list");

  /* a second word narrows further: every word must be found */
  type_search (view, "97530 tie");
  g_assert_cmpuint (n_results (view), <=, expected);
  for (guint i = 0; i < n_results (view); i++)
    {
      g_autoptr(PtScenario) s = g_list_model_get_item (pt_library_view_get_results (view), i);

      g_assert_nonnull (strstr (pt_scenario_get_search_text (s), "97530"));
      g_assert_nonnull (strstr (pt_scenario_get_search_text (s), "tie"));
    }

  /* upper case finds the same */
  type_search (view, "VESTIBULAR");
  g_assert_cmpuint (n_results (view), ==, count_containing (pt_library_view_get_builtin (view), "vestibular"));
  g_assert_cmpuint (n_results (view), >, 0);

  /* nothing found: the placeholder says what was searched for */
  type_search (view, "zebra crossing");
  g_assert_cmpuint (n_results (view), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (view->list_stack), ==, "empty");
  g_assert_nonnull (strstr (gtk_label_get_text (view->empty_label), "zebra crossing"));

  /* clearing the search shows every scenario again */
  type_search (view, "");
  g_assert_cmpuint (n_results (view), ==, all);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (view->list_stack), ==, "list");

  destroy_window (window);
}

static guint
tag_position (PtLibraryView *view,
              const char    *tag)
{
  GListModel *labels = gtk_drop_down_get_model (view->tag_dropdown);

  for (guint i = 0; i < g_list_model_get_n_items (labels); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (labels), i), pt_scenario_tag_label (tag)) == 0)
      return i;

  g_assert_not_reached ();
}

static void
test_tag_filter (void)
{
  PtWindow *window = pt_ui_test_new_window (app);
  PtLibraryView *view = library_of (window);
  PtScenarioLibrary *builtin = pt_library_view_get_builtin (view);
  GListModel *labels = gtk_drop_down_get_model (view->tag_dropdown);
  guint all = n_all (view);
  guint with_tie = 0;

  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (labels), 0), ==, "All tags");
  g_assert_cmpuint (gtk_drop_down_get_selected (view->tag_dropdown), ==, 0);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (builtin)); i++)
    with_tie += pt_scenario_has_tag (pt_scenario_library_get_scenario (builtin, i), "tie");
  g_assert_cmpuint (with_tie, >, 0);

  gtk_drop_down_set_selected (view->tag_dropdown, tag_position (view, "tie"));
  pt_ui_test_pump ();
  g_assert_cmpuint (n_results (view), ==, with_tie);
  for (guint i = 0; i < n_results (view); i++)
    {
      g_autoptr(PtScenario) s = g_list_model_get_item (pt_library_view_get_results (view), i);

      g_assert_true (pt_scenario_has_tag (s, "tie"));
    }

  /* the tag and the search combine */
  type_search (view, "zebra");
  g_assert_cmpuint (n_results (view), ==, 0);
  type_search (view, "");
  g_assert_cmpuint (n_results (view), ==, with_tie);

  gtk_drop_down_set_selected (view->tag_dropdown, 0);
  pt_ui_test_pump ();
  g_assert_cmpuint (n_results (view), ==, all);

  destroy_window (window);
}

static void
test_save_rename_delete_undo (void)
{
  PtWindow *window = pt_ui_test_new_window (app);
  PtLibraryView *view = library_of (window);
  PtScenarioLibrary *user = pt_library_view_get_user_library (view);
  g_autoptr(PtVisit) visit = visit_with ("97112", 24, "97110", 23);
  g_autoptr(PtScenarioLibrary) on_disk = NULL;
  g_autofree char *path = user_library_path ();
  PtScenario *mine;
  GStatBuf st;

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (user)), ==, 0);
  g_assert_false (action_enabled (window, "export"));
  g_assert_false (action_enabled (window, "delete"));

  pt_workspace_load_visit (window->workspace, visit, NULL);
  pt_ui_test_pump ();
  g_assert_true (action_enabled (window, "save-scenario"));
  g_assert_true (activate (window, "library.save-scenario"));
  answer_title ("Knee, two codes");

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (user)), ==, 1);
  mine = pt_scenario_library_get_scenario (user, 0);
  g_assert_cmpstr (pt_scenario_get_title (mine), ==, "Knee, two codes");
  g_assert_false (pt_scenario_get_builtin (mine));
  g_assert_true (pt_scenario_get_visit (mine) != visit);
  g_assert_cmpuint (pt_visit_get_n_blocks (pt_scenario_get_visit (mine)), ==, 2);

  /* 47 timed minutes are 3 units under CMS: one whole unit each, and the
   * third to the larger leftover (97112's 9 over 97110's 8). Under AMA each
   * code counts alone: 24 and 23 minutes are 2 units each. */
  g_assert_cmpint (pt_scenario_get_expected_units (mine, PT_METHOD_CMS, "97112"), ==, 2);
  g_assert_cmpint (pt_scenario_get_expected_units (mine, PT_METHOD_CMS, "97110"), ==, 1);
  g_assert_cmpint (pt_scenario_get_expected_units (mine, PT_METHOD_AMA, "97112"), ==, 2);
  g_assert_cmpint (pt_scenario_get_expected_units (mine, PT_METHOD_AMA, "97110"), ==, 2);
  g_assert_true (pt_scenario_has_tag (mine, "cms-vs-ama"));
  g_assert_false (pt_scenario_has_tag (mine, "tie"));

  /* written at once, private */
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  on_disk = read_user_file ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (on_disk)), ==, 1);
  g_assert_cmpstr (pt_scenario_get_title (pt_scenario_library_get_scenario (on_disk, 0)), ==, "Knee, two codes");
  g_assert_cmpint (pt_scenario_get_expected_units (pt_scenario_library_get_scenario (on_disk, 0),
                                                   PT_METHOD_AMA, "97110"), ==, 2);
  g_clear_object (&on_disk);

  /* the list shows it, first, and search finds it */
  type_search (view, "knee, two");
  g_assert_cmpuint (n_results (view), ==, 1);
  g_assert_cmpint (position_in_results (view, mine), ==, 0);

  /* built-in scenarios cannot be renamed or deleted */
  open_by_id (window, pt_scenario_get_id (mine));
  g_assert_true (pt_library_view_get_current (view) == mine);
  g_assert_true (action_enabled (window, "rename"));
  type_search (view, "");
  open_by_id (window, "ref-a-post-stroke-midline");
  g_assert_false (action_enabled (window, "rename"));
  g_assert_false (action_enabled (window, "delete"));

  /* rename */
  open_by_id (window, pt_scenario_get_id (mine));
  g_assert_true (activate (window, "library.rename"));
  answer_title ("Knee after arthroscopy");
  g_assert_cmpstr (pt_scenario_get_title (mine), ==, "Knee after arthroscopy");
  on_disk = read_user_file ();
  g_assert_cmpstr (pt_scenario_get_title (pt_scenario_library_get_scenario (on_disk, 0)), ==,
                   "Knee after arthroscopy");
  g_clear_object (&on_disk);

  /* delete, with the undo bar */
  g_object_ref (mine);
  g_assert_cmpuint (n_results (view), ==, n_all (view));
  g_assert_true (activate (window, "library.delete"));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (user)), ==, 0);
  g_assert_cmpuint (n_results (view), ==, n_all (view));
  g_assert_cmpint (position_in_results (view, mine), ==, -1);
  g_assert_null (pt_library_view_get_current (view));
  g_assert_true (gtk_revealer_get_reveal_child (view->undo_revealer));
  g_assert_nonnull (strstr (gtk_label_get_text (view->undo_label), "Knee after arthroscopy"));
  g_assert_true (action_enabled (window, "undo-delete"));
  on_disk = read_user_file ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (on_disk)), ==, 0);
  g_clear_object (&on_disk);

  /* undo puts it back, on disk too */
  g_assert_true (activate (window, "library.undo-delete"));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (user)), ==, 1);
  g_assert_true (pt_scenario_library_get_scenario (user, 0) == mine);
  g_assert_cmpint (position_in_results (view, mine), ==, 0);
  g_assert_false (gtk_revealer_get_reveal_child (view->undo_revealer));
  g_assert_false (action_enabled (window, "undo-delete"));
  on_disk = read_user_file ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (on_disk)), ==, 1);
  g_assert_cmpstr (pt_scenario_get_id (pt_scenario_library_get_scenario (on_disk, 0)), ==,
                   pt_scenario_get_id (mine));
  g_object_unref (mine);

  destroy_window (window);
}

static void
test_save_needs_a_countable_visit (void)
{
  PtWindow *window = pt_ui_test_new_window (app);

  /* a new visit has no block: nothing to save */
  g_assert_false (action_enabled (window, "save-scenario"));
  destroy_window (window);
}

static void
test_import (void)
{
  PtWindow *window = pt_ui_test_new_window (app);
  PtLibraryView *view = library_of (window);
  PtScenarioLibrary *user = pt_library_view_get_user_library (view);
  g_autoptr(PtScenarioLibrary) outgoing = pt_scenario_library_new ();
  g_autoptr(PtScenario) copy = NULL;
  g_autofree char *good = g_build_filename (g_get_tmp_dir (), "good.ptlibrary.json", NULL);
  g_autofree char *bad = g_build_filename (g_get_tmp_dir (), "bad.ptlibrary.json", NULL);
  g_autofree char *path = user_library_path ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GFile) good_file = g_file_new_for_path (good);
  g_autoptr(GFile) bad_file = g_file_new_for_path (bad);
  g_autoptr(GError) error = NULL;
  GtkMessageDialog *dialog;
  g_autofree char *secondary = NULL;

  /* a library with a copy of a built-in scenario, under its own id */
  copy = pt_scenario_copy (pt_scenario_library_find_by_id (pt_library_view_get_builtin (view),
                                                           "ref-a-post-stroke-midline"),
                           "shared-stroke-case");
  g_assert_true (pt_scenario_library_add (outgoing, copy, &error));
  g_assert_true (pt_scenario_library_save_to_file (outgoing, good_file, &error));
  g_assert_no_error (error);

  g_assert_true (pt_library_view_import_file (view, good_file));
  g_assert_null (find_dialog ());
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (user)), ==, 1);
  g_assert_nonnull (pt_scenario_library_find_by_id (user, "shared-stroke-case"));
  g_assert_false (pt_scenario_get_builtin (pt_scenario_library_get_scenario (user, 0)));

  /* the same file again: the id is taken, so the copy gets a new one */
  g_assert_true (pt_library_view_import_file (view, good_file));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (user)), ==, 2);
  g_assert_cmpstr (pt_scenario_get_id (pt_scenario_library_get_scenario (user, 1)), !=, "shared-stroke-case");
  g_assert_true (g_file_get_contents (path, &before, NULL, NULL));

  /* a malformed file: a dialog names the member, and nothing changes */
  g_assert_true (g_file_set_contents (bad,
                                      "{\"format\": 1, \"kind\": \"scenario-library\", \"scenarios\": ["
                                      "{\"id\": \"fine\", \"title\": \"Fine\", \"visit\": {\"format\": 1, \"kind\": \"visit\", "
                                      "\"blocks\": [{\"code\": \"97112\", \"minutes\": 20}]}},"
                                      "{\"id\": \"broken\", \"title\": \"Broken\", \"visit\": {\"format\": 1, \"kind\": \"visit\", "
                                      "\"blocks\": [{\"code\": \"97112\", \"minutes\": \"twenty\"}]}}]}",
                                      -1, NULL));
  g_assert_false (pt_library_view_import_file (view, bad_file));
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_object_get (dialog, "secondary-text", &secondary, NULL);
  g_test_message ("import error: %s", secondary);
  g_assert_nonnull (strstr (secondary, "scenarios[1]"));
  g_assert_nonnull (strstr (secondary, "minutes"));
  close_dialogs ();

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (user)), ==, 2);
  g_assert_null (pt_scenario_library_find_by_id (user, "fine"));
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (before, ==, after);

  /* not JSON at all */
  g_assert_true (g_file_set_contents (bad, "scenario, minutes\n97112, 20\n", -1, NULL));
  g_assert_false (pt_library_view_import_file (view, bad_file));
  g_assert_nonnull (find_dialog ());
  close_dialogs ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (user)), ==, 2);

  /* export writes My scenarios to a library file that loads again */
  {
    g_autofree char *out = g_build_filename (g_get_tmp_dir (), "export.ptlibrary.json", NULL);
    g_autoptr(GFile) out_file = g_file_new_for_path (out);
    g_autoptr(PtScenarioLibrary) back = NULL;

    g_assert_true (pt_library_view_export_file (view, out_file, &error));
    g_assert_no_error (error);
    back = pt_scenario_library_load_from_file (out_file, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (back)), ==, 2);
  }

  destroy_window (window);
}

static void
test_unreadable_user_library (void)
{
  g_autofree char *path = user_library_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  const char *damaged = "{\"format\": 1, \"kind\": \"scenario-library\", \"scenarios\": [{\"id\": 7}]}";
  g_autofree char *after = NULL;
  PtWindow *window;
  PtLibraryView *view;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, damaged, -1, NULL));

  window = pt_ui_test_new_window (app);
  view = library_of (window);

  /* said plainly, and nothing can overwrite the file */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (view->problem_label)));
  g_assert_nonnull (strstr (gtk_label_get_text (view->problem_label), "scenarios[0]"));
  g_assert_false (action_enabled (window, "import"));
  g_assert_false (action_enabled (window, "save-scenario"));
  g_assert_cmpuint (n_results (view), ==,
                    g_list_model_get_n_items (G_LIST_MODEL (pt_library_view_get_builtin (view))));
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, damaged);

  destroy_window (window);
}

static void
set_answer (PtQuizPanel *quiz,
            const char  *code,
            int          units)
{
  GtkWidget *spin = pt_quiz_panel_get_answer (quiz, code);

  g_assert_nonnull (spin);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), units);
  pt_ui_test_pump ();
}

static void
test_quiz (void)
{
  PtWindow *window = pt_ui_test_new_window (app);
  PtLibraryView *view = library_of (window);
  PtQuizPanel *quiz = view->quiz_panel;
  GtkWidget *units = GTK_WIDGET (window->units_panel);
  guint right0, asked0, right, asked;
  g_autofree char *score = NULL;
  g_autofree char *expected_score = NULL;

  g_object_set (window->settings, "quiz-mode", FALSE, NULL);
  pt_ui_test_pump ();
  g_assert_false (action_on (window, "quiz"));

  open_by_id (window, "ref-a-post-stroke-midline");
  g_assert_true (gtk_paned_get_end_child (window->content_paned) == units);
  g_assert_true (gtk_widget_get_mapped (units));

  /* quiz mode: the quiz panel stands where the units (the answer) were */
  g_assert_true (activate (window, "library.quiz"));
  g_assert_true (pt_settings_get_quiz_mode (window->settings));
  g_assert_true (gtk_paned_get_end_child (window->content_paned) == GTK_WIDGET (quiz));
  g_assert_false (gtk_widget_get_mapped (units));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (quiz)));
  g_assert_true (gtk_toggle_button_get_active (view->quiz_toggle));
  g_assert_nonnull (pt_quiz_panel_get_answer (quiz, "97112"));
  g_assert_nonnull (pt_quiz_panel_get_answer (quiz, "97116"));
  g_assert_null (pt_quiz_panel_get_answer (quiz, "97110"));
  g_assert_cmpint (pt_quiz_panel_get_mark (quiz, "97112"), ==, PT_QUIZ_MARK_NONE);

  /* 38 + 15 = 53 timed minutes: 4 units under CMS. 97112 has 2 whole units
   * and 8 minutes left, 97116 one whole unit and none left, so the 4th unit
   * is 97112's: 3 and 1. One answer right, one wrong. */
  pt_quiz_panel_get_score (&right0, &asked0);
  set_answer (quiz, "97112", 3);
  set_answer (quiz, "97116", 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (quiz), "quiz.check", NULL));
  pt_ui_test_pump ();
  g_assert_cmpint (pt_quiz_panel_get_mark (quiz, "97112"), ==, PT_QUIZ_MARK_RIGHT);
  g_assert_cmpint (pt_quiz_panel_get_mark (quiz, "97116"), ==, PT_QUIZ_MARK_WRONG);
  g_assert_nonnull (strstr (pt_quiz_panel_get_result_text (quiz), "1 of 2"));
  pt_quiz_panel_get_score (&right, &asked);
  g_assert_cmpuint (right, ==, right0 + 1);
  g_assert_cmpuint (asked, ==, asked0 + 2);
  score = pt_quiz_panel_dup_score_text ();
  expected_score = g_strdup_printf ("%u of %u codes right this session", right, asked);
  g_assert_cmpstr (score, ==, expected_score);

  /* fixing the answer and checking again marks it, but scores only once */
  set_answer (quiz, "97116", 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (quiz), "quiz.check", NULL));
  pt_ui_test_pump ();
  g_assert_cmpint (pt_quiz_panel_get_mark (quiz, "97116"), ==, PT_QUIZ_MARK_RIGHT);
  pt_quiz_panel_get_score (&right, &asked);
  g_assert_cmpuint (right, ==, right0 + 1);
  g_assert_cmpuint (asked, ==, asked0 + 2);

  /* the next scenario of the list starts blank; a shown answer is not scored */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (quiz), "quiz.next", NULL));
  pt_ui_test_pump ();
  g_assert_nonnull (pt_library_view_get_current (view));
  g_assert_cmpstr (pt_scenario_get_id (pt_library_view_get_current (view)), !=, "ref-a-post-stroke-midline");
  g_assert_true (pt_quiz_panel_get_scenario (quiz) == pt_library_view_get_current (view));
  g_assert_true (gtk_paned_get_end_child (window->content_paned) == GTK_WIDGET (quiz));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (quiz), "quiz.show-answer", NULL));
  pt_ui_test_pump ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (quiz), "quiz.check", NULL));
  pt_ui_test_pump ();
  pt_quiz_panel_get_score (&right, &asked);
  g_assert_cmpuint (asked, ==, asked0 + 2);

  /* a visit that is not a scenario shows the units panel, even in quiz mode */
  pt_workspace_new_visit (window->workspace);
  pt_ui_test_pump ();
  g_assert_true (gtk_paned_get_end_child (window->content_paned) == units);

  /* leaving quiz mode brings the units panel back */
  open_by_id (window, "ref-a-post-stroke-midline");
  g_assert_true (gtk_paned_get_end_child (window->content_paned) == GTK_WIDGET (quiz));
  g_assert_true (activate (window, "library.quiz"));
  g_assert_false (pt_settings_get_quiz_mode (window->settings));
  g_assert_true (gtk_paned_get_end_child (window->content_paned) == units);
  g_assert_true (gtk_widget_get_mapped (units));

  destroy_window (window);
}

static gboolean
has_key (GtkWidget  *widget,
         const char *trigger,
         const char *action)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint k = 0; k < g_list_model_get_n_items (G_LIST_MODEL (controller)); k++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), k);
          g_autofree char *keys = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));
          GtkShortcutAction *act = gtk_shortcut_get_action (shortcut);

          if (g_strcmp0 (keys, trigger) == 0 && GTK_IS_NAMED_ACTION (act) &&
              g_strcmp0 (gtk_named_action_get_action_name (GTK_NAMED_ACTION (act)), action) == 0)
            return TRUE;
        }
    }

  return FALSE;
}

static void
present_step (PtPresentationView *view,
              const char         *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), action, NULL));
  pt_ui_test_pump ();
}

/* The 97116 block of the open visit. */
static PtBlock *
gait_block (PtWindow *window)
{
  PtVisit *visit = pt_workspace_get_visit (window->workspace);

  for (guint i = 0; i < pt_visit_get_n_blocks (visit); i++)
    if (g_str_equal (pt_block_get_code (pt_visit_get_block (visit, i)), "97116"))
      return pt_visit_get_block (visit, i);

  g_assert_not_reached ();
}

/* Hidden, the presentation does nothing on a change; shown again (without
 * restarting it) it shows the visit as it is now. */
static void
test_presentation_catches_up_when_shown (void)
{
  static const struct {
    gint        minutes;
    const char *shown;
  } edits[] = {
    { 20, "97116 20" },
    { 9, "97116 9" },
    { 15, "97116 15" },
  };
  PtWindow *window = pt_ui_test_new_window (app);
  PtLibraryView *library = library_of (window);
  PtPresentationView *view = library->presentation;
  GtkStack *stack = library->window_stack;

  open_by_id (window, "ref-a-post-stroke-midline");
  g_assert_true (activate (window, "library.present"));
  g_assert_nonnull (strstr (pt_presentation_view_get_text (view), "97116 15"));

  for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
    {
      g_autofree char *before = NULL;

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "presentation.leave", NULL));
      pt_ui_test_pump ();
      g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (view)));
      before = g_strdup (pt_presentation_view_get_text (view));

      pt_block_set_minutes (gait_block (window), edits[i].minutes);
      pt_ui_test_pump ();
      g_assert_cmpstr (pt_presentation_view_get_text (view), ==, before);

      gtk_stack_set_visible_child (stack, GTK_WIDGET (view));
      pt_ui_test_pump ();
      g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (view)));
      g_test_message ("%s", pt_presentation_view_get_text (view));
      g_assert_nonnull (strstr (pt_presentation_view_get_text (view), edits[i].shown));
    }

  destroy_window (window);
}

static void
test_presentation (void)
{
  PtWindow *window = pt_ui_test_new_window (app);
  PtLibraryView *library = library_of (window);
  PtPresentationView *view = library->presentation;
  GtkStack *stack = library->window_stack;
  const PtAllocResult *r;
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "library.present");
  guint n;

  g_assert_true (g_strv_contains ((const char * const *) accels, "F11"));
  g_assert_true (gtk_window_get_child (GTK_WINDOW (window)) == GTK_WIDGET (stack));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "main");

  open_by_id (window, "ref-a-post-stroke-midline");
  r = pt_workspace_get_result (window->workspace, PT_METHOD_CMS);
  g_assert_nonnull (r);

  g_assert_true (activate (window, "library.present"));
  g_assert_true (gtk_stack_get_visible_child (stack) == GTK_WIDGET (view));
  g_assert_true (action_on (window, "present"));

  /* first the visit's codes and minutes, then one step at a time:
   * the total, units 1 to 4 */
  n = pt_presentation_view_get_n_steps (view);
  g_assert_cmpuint (n, ==, r->steps->len);
  g_assert_cmpuint (n, ==, 5);
  g_assert_cmpuint (pt_presentation_view_get_step (view), ==, 0);
  g_assert_nonnull (strstr (pt_presentation_view_get_text (view), "97112 38"));
  g_assert_nonnull (strstr (pt_presentation_view_get_text (view), "97116 15"));

  present_step (view, "presentation.next");
  g_assert_cmpuint (pt_presentation_view_get_step (view), ==, 1);
  g_assert_cmpstr (pt_presentation_view_get_text (view), ==, g_array_index (r->steps, PtStep, 0).text);
  g_assert_nonnull (strstr (pt_presentation_view_get_text (view), "53"));

  present_step (view, "presentation.next");
  g_assert_cmpuint (pt_presentation_view_get_step (view), ==, 2);
  g_assert_cmpstr (pt_presentation_view_get_text (view), ==, g_array_index (r->steps, PtStep, 1).text);
  g_assert_cmpint (g_array_index (r->steps, PtStep, 1).unit, ==, 1);

  present_step (view, "presentation.previous");
  g_assert_cmpuint (pt_presentation_view_get_step (view), ==, 1);
  g_assert_cmpstr (pt_presentation_view_get_text (view), ==, g_array_index (r->steps, PtStep, 0).text);

  present_step (view, "presentation.last");
  g_assert_cmpuint (pt_presentation_view_get_step (view), ==, n);
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (view), "presentation.next", NULL) &&
                  pt_presentation_view_get_step (view) != n);
  g_assert_cmpuint (pt_presentation_view_get_step (view), ==, n);

  present_step (view, "presentation.first");
  g_assert_cmpuint (pt_presentation_view_get_step (view), ==, 0);

  /* the keys a presenter uses */
  g_assert_true (has_key (GTK_WIDGET (view), "space", "presentation.next"));
  g_assert_true (has_key (GTK_WIDGET (view), "Right", "presentation.next"));
  g_assert_true (has_key (GTK_WIDGET (view), "Down", "presentation.next"));
  g_assert_true (has_key (GTK_WIDGET (view), "Left", "presentation.previous"));
  g_assert_true (has_key (GTK_WIDGET (view), "Up", "presentation.previous"));
  g_assert_true (has_key (GTK_WIDGET (view), "BackSpace", "presentation.previous"));
  g_assert_true (has_key (GTK_WIDGET (view), "Home", "presentation.first"));
  g_assert_true (has_key (GTK_WIDGET (view), "End", "presentation.last"));
  g_assert_true (has_key (GTK_WIDGET (view), "Escape", "presentation.leave"));

  /* the text scale comes from the preferences */
  g_object_set (window->settings, "presentation-text-scale", 2.5, NULL);
  g_assert_cmpfloat_with_epsilon (pt_presentation_view_get_scale (view), 2.5, 1e-9);

  /* Escape leaves */
  present_step (view, "presentation.leave");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "main");
  g_assert_false (action_on (window, "present"));

  /* F11's action toggles it on and off */
  g_assert_true (activate (window, "library.present"));
  g_assert_true (gtk_stack_get_visible_child (stack) == GTK_WIDGET (view));
  g_assert_cmpuint (pt_presentation_view_get_step (view), ==, 0);
  g_assert_true (activate (window, "library.present"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "main");

  destroy_window (window);
}

int
main (int    argc,
      char **argv)
{
  int status;

  pt_ui_test_init (&argc, &argv);
  app = pt_ui_test_app_new (G_APPLICATION_HANDLES_OPEN);

  g_test_add_func ("/library/open-scenario-as-copy", test_open_scenario_as_copy);
  g_test_add_func ("/library/search-as-you-type", test_search_as_you_type);
  g_test_add_func ("/library/tag-filter", test_tag_filter);
  g_test_add_func ("/library/save-rename-delete-undo", test_save_rename_delete_undo);
  g_test_add_func ("/library/save-needs-a-countable-visit", test_save_needs_a_countable_visit);
  g_test_add_func ("/library/import-and-export", test_import);
  g_test_add_func ("/library/unreadable-user-library", test_unreadable_user_library);
  g_test_add_func ("/library/quiz", test_quiz);
  g_test_add_func ("/library/presentation", test_presentation);
  g_test_add_func ("/library/presentation-catches-up-when-shown", test_presentation_catches_up_when_shown);

  status = g_test_run ();
  g_object_unref (app);
  return status;
}
