/* pt-application.c: start-up (style, accelerators, colour scheme), new
 * windows, and files opened from the command line or the file manager */
#include "config.h"

#include <glib/gi18n.h>

#include "pt-application.h"
#include "pt-bench-hook.h"
#include "pt-renderer.h"
#include "pt-window.h"

struct _PtApplication
{
  GtkApplication  parent_instance;
  PtSettings     *settings;
  guint           scheme_forced : 1;
};

G_DEFINE_FINAL_TYPE (PtApplication, pt_application, GTK_TYPE_APPLICATION)

static const struct {
  const char *action;
  const char *accels[3];
} accels[] = {
  { "app.quit", { "<Control>q", NULL } },
  { "app.preferences", { "<Control>comma", NULL } },
  { "win.new", { "<Control>n", NULL } },
  { "win.open", { "<Control>o", NULL } },
  { "win.save", { "<Control>s", NULL } },
  { "win.save-as", { "<Control><Shift>s", NULL } },
  { "win.add-block", { "<Control>Return", "<Control>KP_Enter", NULL } },
  { "win.undo", { "<Control>z", NULL } },
  { "win.redo", { "<Control><Shift>z", "<Control>y", NULL } },
  { "win.copy-summary", { "<Control><Shift>c", NULL } },
  { "win.print", { "<Control>p", NULL } },
  { "win.show-sidebar", { "F9", NULL } },
  /* GtkApplication only sets these for a gtk/help-overlay.ui, which we build
   * on first use instead (pt-window-actions.c). */
  { "win.show-help-overlay", { "<Control>question", "<Control>slash", NULL } },
  { "window.close", { "<Control>w", NULL } },
};

static void
apply_color_scheme (PtApplication *self)
{
  GtkSettings *gtk_settings = gtk_settings_get_default ();
  PtColorScheme scheme = pt_settings_get_color_scheme (self->settings);

  if (gtk_settings == NULL)
    return;

  /* "Follow system" leaves GTK's own choice alone. Resetting the property
   * reloads the whole theme, so it is only done to undo our own choice, not
   * at every start-up. */
  if (scheme == PT_COLOR_SCHEME_FOLLOW)
    {
      if (self->scheme_forced)
        gtk_settings_reset_property (gtk_settings, "gtk-application-prefer-dark-theme");
      self->scheme_forced = FALSE;
    }
  else
    {
      g_object_set (gtk_settings, "gtk-application-prefer-dark-theme",
                    scheme == PT_COLOR_SCHEME_DARK, NULL);
      self->scheme_forced = TRUE;
    }
}

static void
pt_application_startup (GApplication *app)
{
  PtApplication *self = PT_APPLICATION (app);
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

  G_APPLICATION_CLASS (pt_application_parent_class)->startup (app);

  pt_renderer_apply (gdk_display_get_default ());

  gtk_css_provider_load_from_resource (css, "/org/example/Pt97112/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app), accels[i].action, accels[i].accels);

  pt_application_install_actions (self);

  g_signal_connect_object (self->settings, "notify::color-scheme", G_CALLBACK (apply_color_scheme),
                           self, G_CONNECT_SWAPPED);
  apply_color_scheme (self);
}

static void
pt_application_activate (GApplication *app)
{
  PtWindow *window = pt_window_new (PT_APPLICATION (app));

  pt_bench_hook_install (GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (window));
  pt_window_offer_drafts (window);
}

static void
pt_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (app));

  for (int i = 0; i < n_files; i++)
    {
      PtWindow *window;

      if (i == 0 && PT_IS_WINDOW (active) && pt_window_is_blank (PT_WINDOW (active)))
        window = PT_WINDOW (active);
      else
        window = pt_window_new (PT_APPLICATION (app));

      gtk_window_present (GTK_WINDOW (window));
      pt_window_open_file (window, files[i]);
    }
}

static void
pt_application_dispose (GObject *object)
{
  PtApplication *self = (PtApplication *) object;

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (pt_application_parent_class)->dispose (object);
}

static void
pt_application_class_init (PtApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = pt_application_dispose;
  app_class->startup = pt_application_startup;
  app_class->activate = pt_application_activate;
  app_class->open = pt_application_open;
}

static void
pt_application_init (PtApplication *self)
{
  self->settings = pt_settings_new ();
}

PtApplication *
pt_application_new (void)
{
  return g_object_new (PT_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/org/example/Pt97112",
                       NULL);
}

PtSettings *
pt_application_get_settings (PtApplication *self)
{
  return self->settings;
}
