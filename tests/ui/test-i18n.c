/* test-i18n.c: the main window in Spanish under LANGUAGE=es
 *
 * Sets LANGUAGE=es before GTK starts and binds the text domain to the build
 * directory's translations (PT97112_LOCALEDIR, set by tests/meson.build), then
 * reads the window a clinician sees: labels, tooltips, drop-down items, the
 * main menu, the title and the units panel. Each text must be the Spanish
 * catalogue's translation of its English message (read from the same .mo in
 * this process) and the English must be gone; a few plain Spanish words are
 * checked too, so a catalogue that "translates" into English fails.
 */
#include "config.h"

#include "pt-ui-test-utils.h"

#include <glib/gi18n.h>
#include <gtk/gtk.h>
#include <locale.h>
#include <string.h>

#include "pt-application.h"
#include "pt-units-panel.h"
#include "pt-visit-editor.h"
#include "pt-window-private.h"

static PtApplication *app;

static void
add_text (GHashTable *texts,
          const char *text)
{
  if (text != NULL && *text != '\0')
    g_hash_table_add (texts, g_strdup (text));
}

/* Every text of @root and its descendants a person can read or hear: label
 * texts (with their mnemonic underscores), tooltips, placeholders and the
 * items of drop-downs built from string lists. */
static void
collect_texts (GtkWidget  *root,
               GHashTable *texts)
{
  const char *tooltip = gtk_widget_get_tooltip_text (root);

  add_text (texts, tooltip);
  if (GTK_IS_LABEL (root))
    add_text (texts, gtk_label_get_label (GTK_LABEL (root)));
  if (GTK_IS_ENTRY (root))
    add_text (texts, gtk_entry_get_placeholder_text (GTK_ENTRY (root)));
  if (GTK_IS_DROP_DOWN (root) && GTK_IS_STRING_LIST (gtk_drop_down_get_model (GTK_DROP_DOWN (root))))
    {
      GtkStringList *list = GTK_STRING_LIST (gtk_drop_down_get_model (GTK_DROP_DOWN (root)));

      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
        add_text (texts, gtk_string_list_get_string (list, i));
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root); child;
       child = gtk_widget_get_next_sibling (child))
    collect_texts (child, texts);
}

/* The labels of @model's items, sections and submenus included. */
static void
collect_menu_labels (GMenuModel *model,
                     GHashTable *texts)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *label = NULL;
      g_autoptr(GMenuLinkIter) links = NULL;
      const char *name;
      GMenuModel *link;

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_LABEL, "s", &label))
        add_text (texts, label);

      links = g_menu_model_iterate_item_links (model, i);
      while (g_menu_link_iter_get_next (links, &name, &link))
        {
          collect_menu_labels (link, texts);
          g_object_unref (link);
        }
    }
}

static void
assert_spanish (GHashTable *texts,
                const char *msgid,
                const char *where)
{
  const char *spanish = g_dgettext (GETTEXT_PACKAGE, msgid);

  if (g_strcmp0 (spanish, msgid) == 0)
    g_error ("the Spanish catalogue has no translation of “%s”", msgid);
  if (!g_hash_table_contains (texts, spanish))
    g_error ("%s: “%s” (Spanish for “%s”) is not shown", where, spanish, msgid);
  if (g_hash_table_contains (texts, msgid))
    g_error ("%s: the English “%s” is still shown", where, msgid);
}

/* What the window shows on its own, before anything is typed. */
static const char * const window_msgids[] = {
  /* header bar: tooltips and the Save button */
  "Open a visit file (Ctrl+O)",
  "New visit (Ctrl+N)",
  "Save the visit (Ctrl+S)",
  "Show or hide the sidebar (F9)",
  "Main menu (F10)",
  "_Save",
  /* the visit editor's form */
  "_Title",
  "_Date",
  "_Payer",
  "_Method",
  "D_iscipline",
  "Dia_gnosis",
  "_Add Block",
  "Intervention blocks",
  "Date of service, as YYYY-MM-DD",
  "e.g. Medicare Part B",
  "CMS total-time",
  "AMA per-code",
  "Physical therapy (PT)",
  "Occupational therapy (OT)",
  "Neurologic",
  "Musculoskeletal",
  /* the units panel with no block */
  "No blocks yet",
  "Add an intervention block with its code and minutes; the units appear here as you type.",
};

static void
check_labels (PtWindow *window)
{
  g_autoptr(GHashTable) texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  collect_texts (GTK_WIDGET (window), texts);
  for (guint i = 0; i < G_N_ELEMENTS (window_msgids); i++)
    assert_spanish (texts, window_msgids[i], "main window");

  /* what a Spanish-speaking therapist reads, in plain words */
  g_assert_true (g_hash_table_contains (texts, "Bloques de intervención"));
  g_assert_true (g_hash_table_contains (texts, "Aún no hay bloques"));
  g_assert_true (g_hash_table_contains (texts, "Fisioterapia (PT)"));
}

static void
check_title (PtWindow *window)
{
  g_assert_cmpstr (gtk_label_get_text (window->subtitle_label), ==,
                   g_dgettext (GETTEXT_PACKAGE, "New visit"));
  g_assert_cmpstr (gtk_label_get_text (window->title_label), ==,
                   g_dgettext (GETTEXT_PACKAGE, "Untitled visit"));
  g_assert_cmpstr (gtk_label_get_text (window->title_label), ==, "Visita sin título");
}

static const char * const menu_msgids[] = {
  "_New Visit",
  "_Open…",
  "_Save As…",
  "_Copy Summary",
  "_Print Worksheet…",
  "_Preferences",
  "_Keyboard Shortcuts",
  "_Quit",
};

static void
check_main_menu (PtWindow *window)
{
  g_autoptr(GHashTable) texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GMenuModel *menu = window->main_menu;

  g_assert_nonnull (menu);
  collect_menu_labels (menu, texts);
  for (guint i = 0; i < G_N_ELEMENTS (menu_msgids); i++)
    assert_spanish (texts, menu_msgids[i], "main menu");
  g_assert_true (g_hash_table_contains (texts, "_Preferencias"));
}

/* A new window as it opens: its labels, tooltips, title and main menu. */
static void
test_window (void)
{
  PtWindow *window = pt_ui_test_new_window (app);

  check_labels (window);
  check_title (window);
  check_main_menu (window);

  pt_ui_test_destroy_window (window);
}

/* CMS Example 1: 97112 for 24 minutes and 97110 for 23 give 3 units; the
 * panel says so in Spanish, plural form and all. */
static void
test_units_panel (void)
{
  PtWindow *window = pt_ui_test_new_window (app);
  g_autofree char *expected = NULL;
  const struct { const char *code; int minutes; } blocks[] = { { "97112", 24 }, { "97110", 23 } };
  g_autoptr(GHashTable) texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (blocks); i++)
    {
      GtkWidget *row;

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-block", NULL));
      pt_ui_test_pump ();
      row = pt_visit_editor_get_row (window->editor, i);
      gtk_editable_set_text (GTK_EDITABLE (pt_ui_test_nth (row, GTK_TYPE_ENTRY, 0)), blocks[i].code);
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (pt_ui_test_nth (row, GTK_TYPE_SPIN_BUTTON, 0)), blocks[i].minutes);
      pt_ui_test_pump ();
    }

  expected = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d unit", "%d units", 3), 3);
  g_assert_cmpstr (pt_units_panel_get_headline (window->units_panel), ==, expected);
  g_assert_cmpstr (pt_units_panel_get_headline (window->units_panel), ==, "3 unidades");

  /* the block rows' own buttons and the panel's table */
  collect_texts (GTK_WIDGET (window), texts);
  assert_spanish (texts, "Duplicate (Ctrl+D)", "block row");
  assert_spanish (texts, "Remove (Delete; Ctrl+Z brings it back)", "block row");
  assert_spanish (texts, "Code", "units table");
  assert_spanish (texts, "Minutes", "units table");

  pt_ui_test_destroy_window (window);
}

/* Without a .mo for the language nothing is translated, so the checks above
 * can tell a Spanish window from an English one. */
static void
test_catalogue_is_spanish (void)
{
  g_assert_cmpstr (g_dgettext (GETTEXT_PACKAGE, "No blocks yet"), ==, "Aún no hay bloques");
  g_assert_cmpstr (g_dngettext (GETTEXT_PACKAGE, "%d unit", "%d units", 1), ==, "%d unidad");
  g_assert_cmpstr (g_dngettext (GETTEXT_PACKAGE, "%d unit", "%d units", 2), ==, "%d unidades");
}

int
main (int    argc,
      char **argv)
{
  const char *localedir = g_getenv ("PT97112_LOCALEDIR");
  int status;

  g_assert_nonnull (localedir);

  /* before GTK sets the locale up from the environment */
  g_setenv ("LANGUAGE", "es", TRUE);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  pt_ui_test_init (&argc, &argv);
  app = pt_ui_test_app_new (G_APPLICATION_HANDLES_OPEN);

  g_test_add_func ("/i18n/catalogue-is-spanish", test_catalogue_is_spanish);
  g_test_add_func ("/i18n/window", test_window);
  g_test_add_func ("/i18n/units-panel", test_units_panel);

  status = g_test_run ();
  g_object_unref (app);
  return status;
}
