/* test-startup.c: what start-up leaves for later
 *
 * The main menu and the keyboard shortcuts window made on first use and
 * still working, and the colour scheme applied without reloading the theme
 * when nothing was changed.
 */
#include "config.h"

#include "pt-ui-test-utils.h"

#include <gtk/gtk.h>

#include "pt-application.h"
#include "pt-window-private.h"

static PtApplication *app;
static guint dark_theme_notifies;

static void
on_dark_theme_notify (GObject    *settings,
                      GParamSpec *pspec,
                      gpointer    data)
{
  dark_theme_notifies++;
}

static PtWindow *
new_window (void)
{
  PtWindow *window = pt_window_new (app);

  gtk_window_present (GTK_WINDOW (window));
  pt_ui_test_pump ();
  return window;
}

static void
destroy_window (PtWindow *window)
{
  window->close_confirmed = TRUE;
  gtk_window_destroy (GTK_WINDOW (window));
  pt_ui_test_pump ();
}

static void
test_main_menu_on_first_open (void)
{
  PtWindow *window = new_window ();
  GtkPopover *popover;

  g_assert_null (gtk_menu_button_get_popover (window->menu_button));
  g_assert_nonnull (window->main_menu);
  g_assert_cmpint (g_menu_model_get_n_items (window->main_menu), >, 0);

  gtk_menu_button_popup (window->menu_button);
  pt_ui_test_pump ();
  popover = gtk_menu_button_get_popover (window->menu_button);
  g_assert_nonnull (popover);
  g_assert_true (gtk_menu_button_get_menu_model (window->menu_button) == window->main_menu);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));

  /* Closing and opening again keeps the same popover. */
  gtk_menu_button_popdown (window->menu_button);
  pt_ui_test_pump ();
  gtk_menu_button_popup (window->menu_button);
  pt_ui_test_pump ();
  g_assert_true (gtk_menu_button_get_popover (window->menu_button) == popover);
  gtk_menu_button_popdown (window->menu_button);

  destroy_window (window);
}

static void
test_shortcuts_window_on_first_use (void)
{
  PtWindow *window = new_window ();
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app),
                                                                 "win.show-help-overlay");
  GtkShortcutsWindow *overlay;
  GLogLevelFlags fatal;

  /* GTK 4.8's GtkShortcutsWindow warns about one of its own labels' sizes
   * while it lays itself out; only criticals stay fatal here. */
  fatal = g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);

  g_assert_true (g_strv_contains ((const char * const *) accels, "<Control>question"));
  g_assert_null (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  pt_ui_test_pump ();
  overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window));
  g_assert_nonnull (overlay);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (overlay)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (overlay)) == GTK_WINDOW (window));

  /* Closing hides it; the next use shows the same window again. */
  gtk_window_close (GTK_WINDOW (overlay));
  pt_ui_test_pump ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (overlay)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  pt_ui_test_pump ();
  g_assert_true (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)) == overlay);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (overlay)));

  destroy_window (window);
  g_log_set_always_fatal (fatal);
}

/* "Follow system" at start-up leaves GTK's setting (and the loaded theme)
 * alone; a forced scheme sets it, and following the system again resets it. */
static void
test_color_scheme (void)
{
  static const struct {
    guint    scheme;
    guint    notifies;  /* total since start-up */
    gboolean dark;
  } steps[] = {
    { 2, 1, TRUE },   /* dark */
    { 1, 2, FALSE },  /* light */
    { 0, 3, FALSE },  /* follow: undoes our choice */
    { 0, 3, FALSE },  /* follow again: nothing to undo */
  };
  PtSettings *settings = pt_application_get_settings (app);
  GtkSettings *gtk_settings = gtk_settings_get_default ();

  g_assert_cmpuint (pt_settings_get_color_scheme (settings), ==, PT_COLOR_SCHEME_FOLLOW);
  g_assert_cmpuint (dark_theme_notifies, ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      gboolean dark;

      g_object_set (settings, "color-scheme", steps[i].scheme, NULL);
      g_object_get (gtk_settings, "gtk-application-prefer-dark-theme", &dark, NULL);
      g_test_message ("step %u: scheme %u", i, steps[i].scheme);
      g_assert_cmpuint (dark_theme_notifies, ==, steps[i].notifies);
      g_assert_cmpint (dark, ==, steps[i].dark);
    }
}

int
main (int    argc,
      char **argv)
{
  int status;

  /* GTK's own SVG icons need the system MIME data that isolated dirs hide. */
  g_content_type_set_mime_dirs (NULL);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  gtk_init ();

  g_signal_connect (gtk_settings_get_default (), "notify::gtk-application-prefer-dark-theme",
                    G_CALLBACK (on_dark_theme_notify), NULL);

  app = pt_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));

  g_test_add_func ("/startup/main-menu-on-first-open", test_main_menu_on_first_open);
  g_test_add_func ("/startup/shortcuts-window-on-first-use", test_shortcuts_window_on_first_use);
  g_test_add_func ("/startup/color-scheme", test_color_scheme);

  status = g_test_run ();
  g_object_unref (app);
  return status;
}
