/* test-reference.c: the code reference, the code comparison pane and the code completion
 *
 * Drives a real window under a display (Xvfb in CI): searches the reference
 * as a user types, reads a code's details, inserts it into the visit, opens
 * the reference with Ctrl+F, follows a block in the comparison pane and reads
 * its matched words and units, and checks the code entry's completion.
 */
#include "config.h"

#include "pt-ui-test-utils.h"

#include <gtk/gtk.h>
#include <string.h>

#include "pt-application.h"
#include "pt-block-row.h"
#include "pt-code-comparison.h"
#include "pt-code-completion.h"
#include "pt-code-reference.h"
#include "pt-visit-editor.h"
#include "pt-window-private.h"

static PtApplication *app;

static PtCodeReference *
get_reference (PtWindow *window)
{
  GtkWidget *page = gtk_stack_get_child_by_name (window->sidebar_stack, "reference");

  g_assert_nonnull (page);
  g_assert_true (PT_IS_CODE_REFERENCE (page));
  return PT_CODE_REFERENCE (page);
}

static PtCodeComparison *
get_comparison (PtWindow *window)
{
  GtkWidget *child = gtk_widget_get_first_child (window->lower_pane);

  for (; child != NULL; child = gtk_widget_get_next_sibling (child))
    if (PT_IS_CODE_COMPARISON (child))
      return PT_CODE_COMPARISON (child);

  g_assert_not_reached ();
  return NULL;
}

static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The first button under @root of @type bound to @action. */
static GtkWidget *
find_action_button (GtkWidget  *root,
                    const char *action,
                    GType       type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) && GTK_IS_ACTIONABLE (root) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), action) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_action_button (child, action, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The text of every visible label under @root, one a line. */
static void
collect_labels (GtkWidget *root,
                GString   *out)
{
  if (!gtk_widget_get_visible (root))
    return;

  if (GTK_IS_LABEL (root))
    {
      g_string_append (out, gtk_label_get_text (GTK_LABEL (root)));
      g_string_append_c (out, '\n');
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root); child;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, out);
}

static char *
details_text (PtCodeReference *reference)
{
  GtkWidget *details = find_named (GTK_WIDGET (reference), "details");
  GString *out = g_string_new (NULL);

  g_assert_nonnull (details);
  collect_labels (details, out);
  return g_string_free (out, FALSE);
}

static void
search (PtCodeReference *reference,
        const char      *text)
{
  gtk_editable_set_text (GTK_EDITABLE (pt_code_reference_get_search_entry (reference)), text);
}

static char *
result_codes (PtCodeReference *reference)
{
  GListModel *results = pt_code_reference_get_results (reference);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr(PtCode) code = g_list_model_get_item (results, i);

      g_string_append_printf (out, "%s%s", i ? " " : "", pt_code_get_code (code));
    }

  return g_string_free (out, FALSE);
}

static gboolean
results_have (PtCodeReference *reference,
              const char      *code)
{
  g_autofree char *codes = result_codes (reference);
  g_auto(GStrv) list = g_strsplit (codes, " ", -1);

  return g_strv_contains ((const char * const *) list, code);
}

/* Reference --------------------------------------------------------------- */

typedef struct {
  const char *query;
  const char *has;     /* a code the results must hold */
  const char *lacks;   /* a code they must not hold, or NULL */
} WordCase;

static void
test_search_as_you_type (void)
{
  static const WordCase words[] = {
    { "gait", "97116", "97110" },
    { "GAIT train", "97116", "97112" },
    { "balance", "97112", "97010" },
    { "traction", "97012", "97110" },
    { "g02", "G0283", "97010" },
  };
  PtWindow *window = pt_ui_test_new_window (app);
  PtCodeReference *reference = get_reference (window);
  g_autofree char *codes = NULL;

  /* no main-loop turn between typing and reading: the list is right at once */
  search (reference, "9711");
  codes = result_codes (reference);
  g_assert_cmpstr (codes, ==, "97110 97112 97113 97116");

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      search (reference, words[i].query);
      g_test_message ("“%s”", words[i].query);
      g_assert_true (results_have (reference, words[i].has));
      if (words[i].lacks != NULL)
        g_assert_false (results_have (reference, words[i].lacks));
    }

  /* every match of a word search has the word in its text */
  search (reference, "balance");
  {
    GListModel *results = pt_code_reference_get_results (reference);

    g_assert_cmpuint (g_list_model_get_n_items (results), >, 0);
    for (guint i = 0; i < g_list_model_get_n_items (results); i++)
      {
        g_autoptr(PtCode) code = g_list_model_get_item (results, i);
        g_autofree char *all = g_strjoin (" ", pt_code_get_title (code), pt_code_get_description (code),
                                          pt_code_get_notes (code), NULL);
        g_autofree char *folded = g_utf8_casefold (all, -1);

        g_assert_nonnull (strstr (folded, "balance"));
      }
  }

  /* nothing matches: no code, no details, and the modifiers filter too */
  search (reference, "zzqx");
  g_assert_cmpuint (g_list_model_get_n_items (pt_code_reference_get_results (reference)), ==, 0);
  g_assert_null (pt_code_reference_get_selected (reference));
  g_assert_cmpuint (pt_code_reference_get_n_modifiers_shown (reference), ==, 0);

  /* a modifier: no code starts with 59, but modifier 59 is shown */
  search (reference, "59");
  g_assert_cmpuint (g_list_model_get_n_items (pt_code_reference_get_results (reference)), ==, 0);
  g_assert_cmpuint (pt_code_reference_get_n_modifiers_shown (reference), >=, 1);

  search (reference, "");
  g_assert_cmpuint (g_list_model_get_n_items (pt_code_reference_get_results (reference)), ==,
                    g_list_model_get_n_items (G_LIST_MODEL (pt_code_catalog_get_default ())));
  g_assert_cmpuint (pt_code_reference_get_n_modifiers_shown (reference), ==,
                    pt_code_catalog_get_n_modifiers (pt_code_catalog_get_default ()));

  pt_ui_test_destroy_window (window);
}

static void
test_details_and_insert (void)
{
  PtWindow *window = pt_ui_test_new_window (app);
  PtCodeReference *reference = get_reference (window);
  PtCodeCatalog *catalog = pt_code_catalog_get_default ();
  PtCode *code = pt_code_catalog_lookup (catalog, "97112");
  PtVisit *visit = pt_workspace_get_visit (window->workspace);
  g_autoptr(GPtrArray) pairs = pt_code_catalog_ncci_pairs_for (catalog, "97112");
  g_autofree char *text = NULL;
  GtkWidget *focus, *row;

  g_assert_nonnull (code);
  g_assert_cmpuint (pairs->len, >, 0);

  search (reference, "9711");
  g_assert_true (pt_code_reference_select_code (reference, "97112"));
  pt_ui_test_pump ();
  g_assert_true (pt_code_reference_get_selected (reference) == code);

  text = details_text (reference);
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "97112\n"));
  g_assert_nonnull (strstr (text, "timed\n"));
  g_assert_nonnull (strstr (text, pt_code_get_title (code)));
  g_assert_nonnull (strstr (text, pt_code_get_description (code)));
  g_assert_nonnull (strstr (text, pt_code_get_notes (code)));
  g_assert_nonnull (strstr (text, pt_unit_basis_label (pt_code_get_unit_basis (code))));
  g_assert_nonnull (strstr (text, pt_confidence_label (pt_code_get_confidence (code))));

  /* each NCCI pair: the other code and the pair's own confidence, not a better one */
  for (guint i = 0; i < pairs->len; i++)
    {
      const PtNcciPair *pair = g_ptr_array_index (pairs, i);
      const char *other = strcmp (pair->codes[0], "97112") == 0 ? pair->codes[1] : pair->codes[0];
      g_autofree char *head = g_strdup_printf ("With %s (", other);
      g_autofree char *sure = g_strdup_printf ("How sure: %s. Source: %s.",
                                               pt_confidence_label (pair->confidence), pair->source);

      g_assert_nonnull (strstr (text, head));
      g_assert_nonnull (strstr (text, sure));
      g_assert_nonnull (strstr (text, pair->explanation));
    }

  /* an untimed code says so */
  search (reference, "97010");
  g_clear_pointer (&text, g_free);
  text = details_text (reference);
  g_assert_nonnull (strstr (text, "97010\nuntimed\n"));
  {
    g_autoptr(GPtrArray) none = pt_code_catalog_ncci_pairs_for (catalog, "97010");

    /* a code without a known pair says the sources were silent, not that none exists */
    if (none->len == 0)
      g_assert_nonnull (strstr (text, "The sources read name no NCCI pair with 97010"));
  }

  /* Insert in Visit: a block of the code with no minutes yet, focused, undoable */
  search (reference, "97112");
  g_assert_cmpuint (pt_visit_get_n_blocks (visit), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (reference), "reference.insert", NULL));
  pt_ui_test_pump ();
  g_assert_cmpuint (pt_visit_get_n_blocks (visit), ==, 1);
  g_assert_cmpstr (pt_block_get_code (pt_visit_get_block (visit, 0)), ==, "97112");
  g_assert_cmpint (pt_block_get_minutes (pt_visit_get_block (visit, 0)), ==, 0);
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  row = gtk_widget_get_ancestor (focus, PT_TYPE_BLOCK_ROW);
  g_assert_nonnull (row);
  g_assert_true (pt_block_row_get_block (PT_BLOCK_ROW (row)) == pt_visit_get_block (visit, 0));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  pt_ui_test_pump ();
  g_assert_cmpuint (pt_visit_get_n_blocks (visit), ==, 0);

  /* with no code selected there are no details and nothing to insert */
  search (reference, "zzqx");
  g_assert_false (gtk_widget_get_visible (find_named (GTK_WIDGET (reference), "details")));
  gtk_widget_activate_action (GTK_WIDGET (reference), "reference.insert", NULL);
  pt_ui_test_pump ();
  g_assert_cmpuint (pt_visit_get_n_blocks (visit), ==, 0);

  pt_ui_test_destroy_window (window);
}

/* The window's shortcut for @keyval/@mods, from its shortcut controllers. */
static GtkShortcut *
find_shortcut (GtkWidget       *widget,
               guint            keyval,
               GdkModifierType  mods)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  g_autoptr(GtkShortcutTrigger) wanted = gtk_keyval_trigger_new (keyval, mods);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint k = 0; k < g_list_model_get_n_items (G_LIST_MODEL (controller)); k++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), k);

          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), wanted))
            return shortcut;
        }
    }

  return NULL;
}

static void
test_ctrl_f_focuses_search (void)
{
  PtWindow *window = pt_ui_test_new_window (app);
  PtCodeReference *reference = get_reference (window);
  GtkShortcut *shortcut = find_shortcut (GTK_WIDGET (window), GDK_KEY_f, GDK_CONTROL_MASK);
  GtkWidget *focus;
  gboolean shown = TRUE;

  g_assert_nonnull (shortcut);

  /* start from a hidden sidebar and the focus in the editor */
  g_object_set (window, "show-sidebar", FALSE, NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.add-block", NULL);
  pt_ui_test_pump ();
  g_object_get (window, "show-sidebar", &shown, NULL);
  g_assert_false (shown);

  g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0,
                                               GTK_WIDGET (window), NULL));
  pt_ui_test_pump ();

  g_object_get (window, "show-sidebar", &shown, NULL);
  g_assert_true (shown);
  g_assert_true (gtk_widget_get_visible (window->sidebar));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->sidebar_stack), ==, "reference");
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_true (focus == pt_code_reference_get_search_entry (reference) ||
                 gtk_widget_is_ancestor (focus, pt_code_reference_get_search_entry (reference)));

  pt_ui_test_destroy_window (window);
}

/* Comparison -------------------------------------------------------------- */

static PtBlock *
add_block (PtWindow   *window,
           const char *code,
           int         minutes,
           const char *intervention)
{
  g_autoptr(PtBlock) block = pt_block_new (code, minutes);

  if (intervention != NULL)
    pt_block_set_text (block, PT_BLOCK_INTERVENTION, intervention);
  pt_visit_append_block (pt_workspace_get_visit (window->workspace), block);
  pt_ui_test_pump ();
  return block;
}

static void
focus_row (PtWindow *window,
           guint     position)
{
  pt_visit_editor_focus_block (window->editor, position);
  pt_ui_test_pump ();
}

static void
test_compare_follows_focus (void)
{
  PtWindow *window = pt_ui_test_new_window (app);
  PtCodeComparison *comparison = get_comparison (window);
  PtBlock *balance, *strength, *manual;
  GtkShortcut *f8 = find_shortcut (GTK_WIDGET (window), GDK_KEY_F8, 0);
  GtkWidget *toggle = find_action_button (GTK_WIDGET (window->header_bar), "compare.show",
                                         GTK_TYPE_TOGGLE_BUTTON);

  balance = add_block (window, "97112", 20,
                       "Perturbation training on foam with weight shifting and righting reactions");
  strength = add_block (window, "97112", 18,
                        "Hip abductor strengthening with resistance band, 3 sets of 12 reps");
  manual = add_block (window, "97140", 10, "Soft tissue mobilisation");

  /* F8 (and compare.show) shows the pane in the lower part of the editor column */
  g_assert_nonnull (f8);
  g_assert_false (gtk_widget_get_visible (window->lower_pane));
  g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (f8), 0, GTK_WIDGET (window), NULL));
  pt_ui_test_pump ();
  g_assert_true (gtk_widget_get_visible (window->lower_pane));
  g_assert_nonnull (toggle);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (toggle)));

  /* the block that reads like strengthening */
  focus_row (window, 1);
  g_assert_true (pt_code_comparison_get_block (comparison) == strength);
  g_assert_cmpstr (pt_code_comparison_get_marked_code (comparison), ==, "97112");
  g_test_message ("97110 words: %s", pt_code_comparison_get_matched_text (comparison, "97110"));
  g_assert_nonnull (strstr (pt_code_comparison_get_matched_text (comparison, "97110"), "strengthening"));
  g_assert_nonnull (strstr (pt_code_comparison_get_matched_text (comparison, "97110"), "reps"));
  g_assert_cmpstr (pt_code_comparison_get_matched_text (comparison, "97112"), ==, "none");
  g_assert_nonnull (strstr (pt_code_comparison_get_suggestion (comparison), "Reads most like 97110: "));
  g_assert_nonnull (strstr (pt_code_comparison_get_suggestion (comparison), "strengthening"));

  /* focus moving into the pane keeps the block */
  gtk_widget_grab_focus (gtk_widget_get_first_child (GTK_WIDGET (comparison)));
  pt_ui_test_pump ();
  g_assert_true (pt_code_comparison_get_block (comparison) == strength);

  /* the balance block reads like its own code */
  focus_row (window, 0);
  g_assert_true (pt_code_comparison_get_block (comparison) == balance);
  g_assert_cmpstr (pt_code_comparison_get_marked_code (comparison), ==, "97112");
  g_assert_nonnull (strstr (pt_code_comparison_get_matched_text (comparison, "97112"), "perturbation"));
  g_assert_nonnull (strstr (pt_code_comparison_get_suggestion (comparison), "Reads most like 97112: "));

  /* the words follow the note as it is typed */
  pt_block_set_text (balance, PT_BLOCK_INTERVENTION, "Gait training with a rollator, stairs and curbs");
  pt_ui_test_pump ();
  g_assert_nonnull (strstr (pt_code_comparison_get_matched_text (comparison, "97116"), "stairs"));
  g_assert_nonnull (strstr (pt_code_comparison_get_suggestion (comparison), "Reads most like 97116: "));

  /* a code that is not one of the four marks no column */
  focus_row (window, 2);
  g_assert_true (pt_code_comparison_get_block (comparison) == manual);
  g_assert_null (pt_code_comparison_get_marked_code (comparison));

  /* a removed block is no longer followed */
  pt_visit_remove_block (pt_workspace_get_visit (window->workspace), 2);
  pt_ui_test_pump ();
  g_assert_true (pt_code_comparison_get_block (comparison) != manual);

  /* F8 again hides it */
  g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (f8), 0, GTK_WIDGET (window), NULL));
  pt_ui_test_pump ();
  g_assert_false (gtk_widget_get_visible (window->lower_pane));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (toggle)));

  pt_ui_test_destroy_window (window);
}

typedef struct {
  PtMethod    method;
  const char *code;
  gint        units;   /* from the rules, -1: not in the visit */
} UnitsCase;

static void
test_compare_units_match_engine (void)
{
  /* the reference text's mixed visit: 24 min 97112 and 23 min 97110 is
   * 3 units under CMS (97112 × 2, 97110 × 1) and 4 under AMA (2 + 2) */
  static const UnitsCase cases[] = {
    { PT_METHOD_CMS, "97112", 2 },
    { PT_METHOD_CMS, "97110", 1 },
    { PT_METHOD_CMS, "97530", -1 },
    { PT_METHOD_CMS, "97116", -1 },
    { PT_METHOD_AMA, "97112", 2 },
    { PT_METHOD_AMA, "97110", 2 },
    { PT_METHOD_AMA, "97530", -1 },
  };
  PtWindow *window = pt_ui_test_new_window (app);
  PtCodeComparison *comparison = get_comparison (window);
  PtVisit *visit = pt_workspace_get_visit (window->workspace);

  g_assert_cmpint (pt_code_comparison_get_units (comparison, "97112"), ==, -1);
  add_block (window, "97112", 24, NULL);
  add_block (window, "97110", 23, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(PtVisitInput) input = NULL;
      g_autoptr(PtAllocResult) engine = NULL;
      g_autoptr(GError) error = NULL;
      const char *text;

      pt_visit_set_method (visit, cases[i].method);
      pt_ui_test_pump ();

      /* the engine, run on its own on the same visit */
      input = pt_visit_input_new (visit, cases[i].method, PT_TIE_RULE_ENTRY_ORDER);
      engine = pt_allocate (&input->input, &error);
      g_assert_no_error (error);

      g_test_message ("%s %s", pt_method_to_string (cases[i].method), cases[i].code);
      g_assert_cmpint (pt_code_comparison_get_units (comparison, cases[i].code), ==, cases[i].units);
      if (cases[i].units >= 0)
        {
          g_autofree char *want = g_strdup_printf ("%d unit", cases[i].units);

          g_assert_cmpint (pt_alloc_result_units_for (engine, cases[i].code), ==, cases[i].units);
          text = pt_code_comparison_get_units_text (comparison, cases[i].code);
          g_assert_true (g_str_has_prefix (text, want));
        }
      else
        g_assert_cmpint (pt_alloc_result_find_code (engine, cases[i].code), <, 0);
    }

  /* more minutes, and the columns follow results-changed: 24 + 53 = 77 min
   * is 5 units under CMS; 4 whole units (97112 1, 97110 3) and the fifth to
   * the larger leftover, 97112's 9 min over 97110's 8 */
  pt_visit_set_method (visit, PT_METHOD_CMS);
  pt_block_set_minutes (pt_visit_get_block (visit, 1), 53);
  pt_ui_test_pump ();
  g_assert_cmpint (pt_code_comparison_get_units (comparison, "97110"), ==, 3);
  g_assert_cmpint (pt_code_comparison_get_units (comparison, "97112"), ==, 2);

  pt_ui_test_destroy_window (window);
}

static void
test_pane_buttons_have_names (void)
{
  PtWindow *window = pt_ui_test_new_window (app);
  GtkWidget *buttons[2];

  /* the pane's close button and the header's toggle, both on compare.show */
  buttons[0] = find_action_button (GTK_WIDGET (get_comparison (window)), "compare.show", GTK_TYPE_BUTTON);
  buttons[1] = find_action_button (GTK_WIDGET (window->header_bar), "compare.show", GTK_TYPE_TOGGLE_BUTTON);

  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    {
      g_assert_nonnull (buttons[i]);
      g_assert_nonnull (gtk_widget_get_tooltip_text (buttons[i]));
      g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (buttons[i]),
                                                       GTK_ACCESSIBLE_PROPERTY_LABEL));
    }

  pt_ui_test_destroy_window (window);
}

/* Completion -------------------------------------------------------------- */

typedef struct {
  const char *key;
  const char *code;
  gboolean    matches;
} MatchCase;

static gboolean
row_of (GtkTreeModel *model,
        const char   *code,
        GtkTreeIter  *iter)
{
  gboolean valid;

  for (valid = gtk_tree_model_get_iter_first (model, iter); valid;
       valid = gtk_tree_model_iter_next (model, iter))
    {
      g_autofree char *c = NULL;

      gtk_tree_model_get (model, iter, PT_CODE_COMPLETION_COLUMN_CODE, &c, -1);
      if (g_strcmp0 (c, code) == 0)
        return TRUE;
    }

  return FALSE;
}

static void
test_completion (void)
{
  static const MatchCase cases[] = {
    { "971", "97110", TRUE },
    { "971", "97112", TRUE },
    { "971", "97530", FALSE },
    { "971", "G0283", FALSE },
    { "97112", "97112", TRUE },
    { "97112", "97110", FALSE },
    { "gait", "97116", TRUE },
    { "GAIT", "97116", TRUE },
    { " gait ", "97116", TRUE },
    { "gait", "97112", FALSE },
    { "ait", "97116", FALSE },        /* not the start of a word */
    { "training", "97116", TRUE },    /* a later word of the title */
    { "gait tr", "97116", TRUE },
    { "g02", "G0283", TRUE },
    { "neuromusc", "97112", TRUE },
    { "education", "97112", TRUE },   /* after the hyphen of re-education */
    { "", "97112", FALSE },
  };
  PtCodeCatalog *catalog = pt_code_catalog_get_default ();
  g_autoptr(GtkTreeModel) model = pt_code_completion_model_new (catalog);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (catalog));
  GtkEntryCompletion *completion;
  GtkWidget *entry;
  GList *cells;

  /* every catalogue code, in order, with its title */
  g_assert_cmpint (gtk_tree_model_iter_n_children (model, NULL), ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PtCode) code = g_list_model_get_item (G_LIST_MODEL (catalog), i);
      g_autofree char *c = NULL, *title = NULL, *display = NULL;
      GtkTreeIter iter;

      g_assert_true (gtk_tree_model_iter_nth_child (model, &iter, NULL, i));
      gtk_tree_model_get (model, &iter,
                          PT_CODE_COMPLETION_COLUMN_CODE, &c,
                          PT_CODE_COMPLETION_COLUMN_TITLE, &title,
                          PT_CODE_COMPLETION_COLUMN_DISPLAY, &display,
                          -1);
      g_assert_cmpstr (c, ==, pt_code_get_code (code));
      g_assert_cmpstr (title, ==, pt_code_get_title (code));
      g_assert_true (g_str_has_prefix (display, c));
      g_assert_nonnull (strstr (display, title));
    }

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GtkTreeIter iter;

      g_test_message ("“%s” against %s", cases[i].key, cases[i].code);
      g_assert_true (row_of (model, cases[i].code, &iter));
      g_assert_cmpint (pt_code_completion_matches (model, &iter, cases[i].key), ==, cases[i].matches);
    }

  /* set up as the block row does: inserts the code, shows the code and its title */
  entry = gtk_entry_new ();
  g_object_ref_sink (entry);
  completion = gtk_entry_completion_new ();
  gtk_entry_completion_set_model (completion, model);
  gtk_entry_completion_set_text_column (completion, 0);
  pt_code_completion_setup (completion);
  pt_code_completion_setup (completion);   /* twice changes nothing */
  gtk_entry_completion_set_text_column (completion, 0);
  gtk_entry_set_completion (GTK_ENTRY (entry), completion);
  g_assert_cmpint (gtk_entry_completion_get_text_column (completion), ==, PT_CODE_COMPLETION_COLUMN_CODE);
  cells = gtk_cell_layout_get_cells (GTK_CELL_LAYOUT (completion));
  g_assert_cmpuint (g_list_length (cells), ==, 2);
  g_list_free (cells);
  /* the completion filters with the match function: "9716" keeps 97161 to 97169 */
  gtk_editable_set_text (GTK_EDITABLE (entry), "9716");
  gtk_entry_completion_complete (completion);
  {
    g_autofree char *prefix = gtk_entry_completion_compute_prefix (completion, "9716");

    g_assert_cmpstr (prefix, ==, "9716");
  }
  g_object_unref (completion);
  g_object_unref (entry);
}

int
main (int    argc,
      char **argv)
{
  int status;

  pt_ui_test_init (&argc, &argv);
  app = pt_ui_test_app_new (G_APPLICATION_HANDLES_OPEN);

  g_test_add_func ("/reference/search-as-you-type", test_search_as_you_type);
  g_test_add_func ("/reference/details-and-insert", test_details_and_insert);
  g_test_add_func ("/reference/ctrl-f-focuses-search", test_ctrl_f_focuses_search);
  g_test_add_func ("/comparison/follows-focus", test_compare_follows_focus);
  g_test_add_func ("/comparison/units-match-engine", test_compare_units_match_engine);
  g_test_add_func ("/comparison/buttons-have-names", test_pane_buttons_have_names);
  g_test_add_func ("/completion/model-and-match", test_completion);

  status = g_test_run ();
  g_object_unref (app);
  return status;
}
