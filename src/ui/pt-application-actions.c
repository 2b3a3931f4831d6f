/* pt-application-actions.c: app.quit, app.about, app.preferences */
#include "config.h"

#include <glib/gi18n.h>

#include "pt-application.h"
#include "pt-preferences-window.h"

static void
quit_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       data)
{
  GtkApplication *app = data;
  GList *windows = gtk_application_get_windows (app);

  /* Each window asks about its own unsaved changes. */
  for (GList *l = g_list_copy (windows); l; l = g_list_delete_link (l, l))
    gtk_window_close (l->data);
}

static void
about_action (GSimpleAction *action,
              GVariant      *param,
              gpointer       data)
{
  GtkApplication *app = data;
  static const char *developers[] = { "The Pt97112 developers", NULL };

  gtk_show_about_dialog (gtk_application_get_active_window (app),
                         "program-name", "Pt97112",
                         "logo-icon-name", APP_ID,
                         "version", PACKAGE_VERSION,
                         "comments", _("Therapy units under the 8-minute rule and the AMA method, with the reason for every unit, and documentation checks for neuromuscular reeducation (97112) and its neighbours. Works offline; sends nothing anywhere."),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "authors", developers,
                         /* Translators: put your names here, one per line */
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       data)
{
  PtApplication *app = data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (app));
  GtkWidget *prefs = pt_preferences_window_new (pt_application_get_settings (app), parent);

  gtk_window_present (GTK_WINDOW (prefs));
}

void
pt_application_install_actions (PtApplication *self)
{
  static const GActionEntry entries[] = {
    { "quit", quit_action },
    { "about", about_action },
    { "preferences", preferences_action },
  };

  g_action_map_add_action_entries (G_ACTION_MAP (self), entries, G_N_ELEMENTS (entries), self);
}
