/* test-startup.c: what start-up leaves for later, and how the window is drawn
 *
 * The renderer choice (cairo where OpenGL is drawn in software, the user's
 * GSK_RENDERER always winning), the main menu and the keyboard shortcuts
 * window made on first use and still working, and the colour scheme applied
 * without reloading the theme when nothing was changed.
 */
#include "config.h"

#include "pt-ui-test-utils.h"

#include <gtk/gtk.h>

#include "pt-application.h"
#include "pt-renderer.h"
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

static void
test_software_names (void)
{
  static const struct {
    const char *gl_renderer;
    gboolean    software;
  } cases[] = {
    { "llvmpipe (LLVM 15.0.6, 256 bits)", TRUE },
    { "softpipe", TRUE },
    { "Software Rasterizer", TRUE },
    { "Mesa DRI swrast", TRUE },
    { "Mesa Intel(R) UHD Graphics 620 (KBL GT2)", FALSE },
    { "AMD Radeon RX 580 Series (polaris10, LLVM 15.0.6, DRM 3.49)", FALSE },
    { "SVGA3D; build: RELEASE;  LLVM;", FALSE },
    { "NVIDIA GeForce GTX 1650/PCIe/SSE2", FALSE },
    { "", FALSE },
    { NULL, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("GL_RENDERER “%s”", cases[i].gl_renderer ? cases[i].gl_renderer : "(none)");
      g_assert_cmpint (pt_renderer_gl_is_software (cases[i].gl_renderer), ==, cases[i].software);
    }
}

static void
test_choice (void)
{
  static const struct {
    const char *env;
    gboolean    gpu_devices;
    const char *gl_renderer;
    const char *chosen;
  } cases[] = {
    { NULL, TRUE, "llvmpipe (LLVM 15.0.6, 256 bits)", "cairo" },
    { "", TRUE, "llvmpipe (LLVM 15.0.6, 256 bits)", "cairo" },
    { "gl", TRUE, "llvmpipe (LLVM 15.0.6, 256 bits)", NULL },
    { "cairo", TRUE, "llvmpipe (LLVM 15.0.6, 256 bits)", NULL },
    { NULL, TRUE, "Mesa Intel(R) UHD Graphics 620 (KBL GT2)", NULL },
    { "cairo", TRUE, "Mesa Intel(R) UHD Graphics 620 (KBL GT2)", NULL },
    { NULL, TRUE, NULL, NULL },        /* no OpenGL: GTK falls back by itself */
    { NULL, FALSE, NULL, "cairo" },    /* no GPU device: only software OpenGL */
    { "gl", FALSE, NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("case %u: GSK_RENDERER=%s, GPU devices %d, GL_RENDERER=%s", i,
                      cases[i].env ? cases[i].env : "(unset)", cases[i].gpu_devices,
                      cases[i].gl_renderer ? cases[i].gl_renderer : "(none)");
      g_assert_cmpstr (pt_renderer_choose (cases[i].env, cases[i].gpu_devices, cases[i].gl_renderer),
                       ==, cases[i].chosen);
    }
}

static void
test_gpu_devices (void)
{
  static const struct {
    const char *files[3];
    gboolean    gpu;
  } cases[] = {
    { { NULL }, FALSE },
    { { "null", "tty0", NULL }, FALSE },
    { { "dri/renderD128", NULL }, TRUE },
    { { "dri/card0", NULL }, TRUE },
    { { "dri/by-path", NULL }, FALSE },
    { { "nvidia0", NULL }, TRUE },
    { { "nvidiactl", "nvidia-modeset", NULL }, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *dev = g_dir_make_tmp ("pt-dev-XXXXXX", &error);

      g_assert_no_error (error);
      for (guint f = 0; cases[i].files[f] != NULL; f++)
        {
          g_autofree char *path = g_build_filename (dev, cases[i].files[f], NULL);
          g_autofree char *parent = g_path_get_dirname (path);

          g_assert_cmpint (g_mkdir_with_parents (parent, 0700), ==, 0);
          g_assert_true (g_file_set_contents (path, "", 0, NULL));
        }
      g_test_message ("case %u", i);
      g_assert_cmpint (pt_renderer_have_gpu_devices (dev), ==, cases[i].gpu);
    }
  g_assert_false (pt_renderer_have_gpu_devices ("/nonexistent-dev"));
}

/* Asks OpenGL who draws it; without a GPU device that must be software,
 * which is what the choice assumes when it does not ask. */
static void
test_gl_name (void)
{
  g_autofree char *gl_name = pt_renderer_dup_gl_name (gdk_display_get_default ());

  if (gl_name == NULL)
    {
      g_test_skip ("no OpenGL on this display");
      return;
    }
  g_test_message ("GL_RENDERER %s", gl_name);
  g_assert_cmpstr (gl_name, !=, "");
  if (!pt_renderer_have_gpu_devices ("/dev"))
    g_assert_true (pt_renderer_gl_is_software (gl_name));
}

/* The window really draws with what the choice says for this machine. */
static void
test_window_renderer (void)
{
  GdkDisplay *display = gdk_display_get_default ();
  gboolean gpu = pt_renderer_have_gpu_devices ("/dev") && g_getenv ("LIBGL_ALWAYS_SOFTWARE") == NULL;
  g_autofree char *gl_name = gpu ? pt_renderer_dup_gl_name (display) : NULL;
  const char *env = g_getenv ("GSK_RENDERER");
  const char *chosen = pt_renderer_choose (env, gpu, gl_name);
  PtWindow *window = pt_ui_test_new_window (app);
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (window));

  g_test_message ("GPU devices %d, GL_RENDERER %s, GSK_RENDERER %s, window: %s", gpu,
                  gl_name ? gl_name : "(not asked)", env ? env : "(unset)", G_OBJECT_TYPE_NAME (renderer));
  g_assert_nonnull (renderer);
  if (g_strcmp0 (chosen, "cairo") == 0)
    g_assert_cmpstr (G_OBJECT_TYPE_NAME (renderer), ==, "GskCairoRenderer");
  else if (gl_name != NULL && (env == NULL || *env == '\0'))
    /* A real GPU: GTK's own choice, which is never cairo when OpenGL works. */
    g_assert_cmpstr (G_OBJECT_TYPE_NAME (renderer), !=, "GskCairoRenderer");

  pt_ui_test_destroy_window (window);
}

static void
test_main_menu_on_first_open (void)
{
  PtWindow *window = pt_ui_test_new_window (app);
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

  pt_ui_test_destroy_window (window);
}

static void
test_shortcuts_window_on_first_use (void)
{
  PtWindow *window = pt_ui_test_new_window (app);
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

  pt_ui_test_destroy_window (window);
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

  pt_ui_test_init (&argc, &argv);
  g_signal_connect (gtk_settings_get_default (), "notify::gtk-application-prefer-dark-theme",
                    G_CALLBACK (on_dark_theme_notify), NULL);

  app = pt_ui_test_app_new (G_APPLICATION_DEFAULT_FLAGS);

  g_test_add_func ("/startup/renderer/software-names", test_software_names);
  g_test_add_func ("/startup/renderer/choice", test_choice);
  g_test_add_func ("/startup/renderer/gpu-devices", test_gpu_devices);
  g_test_add_func ("/startup/renderer/gl-name", test_gl_name);
  g_test_add_func ("/startup/renderer/window", test_window_renderer);
  g_test_add_func ("/startup/main-menu-on-first-open", test_main_menu_on_first_open);
  g_test_add_func ("/startup/shortcuts-window-on-first-use", test_shortcuts_window_on_first_use);
  g_test_add_func ("/startup/color-scheme", test_color_scheme);

  status = g_test_run ();
  g_object_unref (app);
  return status;
}
