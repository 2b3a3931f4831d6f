/* pt-window-actions.c: the win.* actions of PtWindow
 *
 * File handling (new, open, save, save as, recent), block editing (add, undo,
 * redo), output (copy summary, print) and the sidebar. pt_window_update_actions()
 * sets every action's enabled state in one place.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pt-print.h"
#include "pt-visit-io.h"
#include "pt-visit-summary.h"
#include "pt-window-private.h"

void
pt_window_update_actions (PtWindow *self)
{
  PtHistory *history = pt_workspace_get_history (self->workspace);
  GtkWidget *widget = GTK_WIDGET (self);

  gtk_widget_action_set_enabled (widget, "win.undo", pt_history_can_undo (history));
  gtk_widget_action_set_enabled (widget, "win.redo", pt_history_can_redo (history));
  /* In quiz mode the answer stays hidden: no summary or worksheet that shows it. */
  gtk_widget_action_set_enabled (widget, "win.copy-summary",
                                 pt_workspace_get_result (self->workspace, PT_METHOD_CMS) != NULL &&
                                 !pt_settings_get_quiz_mode (self->settings));
  gtk_widget_action_set_enabled (widget, "win.print", !pt_settings_get_quiz_mode (self->settings));
  pt_units_panel_set_show_other (self->units_panel,
                                 pt_settings_get_show_both_methods (self->settings));

  g_signal_handlers_disconnect_by_func (history, pt_window_update_actions, self);
  g_signal_connect_object (history, "notify", G_CALLBACK (pt_window_update_actions), self,
                           G_CONNECT_SWAPPED);
}

static GtkFileFilter *
visit_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Pt97112 visits"));
  gtk_file_filter_add_pattern (filter, "*.ptvisit.json");
  gtk_file_filter_add_mime_type (filter, "application/x-pt97112-visit");

  return filter;
}

static void
new_action (GtkWidget  *widget,
            const char *name,
            GVariant   *param)
{
  PtWindow *self = PT_WINDOW (widget);
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  /* A new visit never replaces unsaved work: it gets its own window then. */
  if (pt_workspace_get_dirty (self->workspace))
    {
      PtWindow *window = pt_window_new (PT_APPLICATION (app));

      gtk_window_present (GTK_WINDOW (window));
      return;
    }

  pt_workspace_new_visit (self->workspace);
}

static void
on_open_response (GtkNativeDialog *dialog,
                  int              response,
                  PtWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (pt_workspace_get_dirty (self->workspace))
        {
          GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
          PtWindow *window = pt_window_new (PT_APPLICATION (app));

          if (pt_window_open_file (window, file))
            gtk_window_present (GTK_WINDOW (window));
          else
            gtk_window_destroy (GTK_WINDOW (window));
        }
      else
        pt_window_open_file (self, file);
    }

  g_object_unref (dialog);
}

static void
open_action (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  PtWindow *self = PT_WINDOW (widget);
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (_("Open Visit"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), visit_filter ());
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (on_open_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
open_recent_action (GtkWidget  *widget,
                    const char *name,
                    GVariant   *param)
{
  PtWindow *self = PT_WINDOW (widget);
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (param, NULL));

  if (pt_workspace_get_dirty (self->workspace))
    {
      GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
      PtWindow *window = pt_window_new (PT_APPLICATION (app));

      if (pt_window_open_file (window, file))
        gtk_window_present (GTK_WINDOW (window));
      else
        gtk_window_destroy (GTK_WINDOW (window));
      return;
    }

  pt_window_open_file (self, file);
}

typedef struct {
  PtWindow *self;
  GCallback then;
} SaveCall;

static void
finish_save (PtWindow *self,
             GFile    *file,
             SaveCall *call)
{
  g_autoptr(GError) error = NULL;

  if (!pt_workspace_save (self->workspace, file, &error))
    {
      g_autofree char *base = g_file_get_basename (file);
      g_autofree char *primary = g_strdup_printf (_("Could not save “%s”"), base);

      pt_window_show_error (self, primary, error->message);
    }
  else
    {
      g_autofree char *uri = g_file_get_uri (file);
      g_autofree char *base = g_file_get_basename (file);
      GtkRecentData data = {
        .display_name = base,
        .mime_type = (char *) "application/x-pt97112-visit",
        .app_name = (char *) "Pt97112",
        .app_exec = (char *) "pt97112 %u",
      };

      gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
      pt_window_update_recent_menu (self);
    }

  if (call->then != NULL)
    ((void (*) (PtWindow *)) call->then) (self);
}

static void
on_save_response (GtkNativeDialog *dialog,
                  int              response,
                  SaveCall        *call)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *base = g_file_get_basename (file);

      /* Keep the double extension that the file type and the filter use. */
      if (!g_str_has_suffix (base, ".ptvisit.json"))
        {
          g_autoptr(GFile) parent = g_file_get_parent (file);
          g_autofree char *fixed = g_str_has_suffix (base, ".json")
                                   ? g_strdup_printf ("%.*s.ptvisit.json", (int) strlen (base) - 5, base)
                                   : g_strconcat (base, ".ptvisit.json", NULL);

          GFile *renamed = g_file_get_child (parent, fixed);

          g_object_unref (file);
          file = renamed;
        }

      finish_save (call->self, file, call);
    }

  g_object_unref (call->self);
  g_free (call);
  g_object_unref (dialog);
}

void
pt_window_save_async (PtWindow  *self,
                      gboolean   save_as,
                      GCallback  then,
                      gpointer   data)
{
  SaveCall *call = g_new0 (SaveCall, 1);
  GFile *file = pt_workspace_get_file (self->workspace);
  GtkFileChooserNative *dialog;

  call->self = g_object_ref (self);
  call->then = then;

  if (file != NULL && !save_as)
    {
      finish_save (self, file, call);
      g_object_unref (call->self);
      g_free (call);
      return;
    }

  dialog = gtk_file_chooser_native_new (_("Save Visit"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), visit_filter ());
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);

  if (file != NULL)
    gtk_file_chooser_set_file (GTK_FILE_CHOOSER (dialog), file, NULL);
  else
    {
      const char *title = pt_visit_get_title (pt_workspace_get_visit (self->workspace));
      g_autofree char *suggested = g_strconcat (*title ? title : _("visit"), ".ptvisit.json", NULL);

      g_strdelimit (suggested, "/\\:", '-');
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), suggested);
    }

  g_signal_connect (dialog, "response", G_CALLBACK (on_save_response), call);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
save_action (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  pt_window_save_async (PT_WINDOW (widget), FALSE, NULL, NULL);
}

static void
save_as_action (GtkWidget  *widget,
                const char *name,
                GVariant   *param)
{
  pt_window_save_async (PT_WINDOW (widget), TRUE, NULL, NULL);
}

static void
add_block_action (GtkWidget  *widget,
                  const char *name,
                  GVariant   *param)
{
  pt_visit_editor_add_block (PT_WINDOW (widget)->editor);
}

static void
undo_action (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  pt_history_undo (pt_workspace_get_history (PT_WINDOW (widget)->workspace));
}

static void
redo_action (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  pt_history_redo (pt_workspace_get_history (PT_WINDOW (widget)->workspace));
}

static void
copy_summary_action (GtkWidget  *widget,
                     const char *name,
                     GVariant   *param)
{
  PtWindow *self = PT_WINDOW (widget);
  g_autofree char *text = pt_visit_summary_text (pt_workspace_get_visit (self->workspace),
                                                 pt_workspace_get_result (self->workspace, PT_METHOD_CMS),
                                                 pt_workspace_get_result (self->workspace, PT_METHOD_AMA));

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
}

static void
print_action (GtkWidget  *widget,
              const char *name,
              GVariant   *param)
{
  PtWindow *self = PT_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!pt_print_worksheet (GTK_WINDOW (self), self->workspace, &error) && error != NULL)
    pt_window_show_error (self, _("Could not print the worksheet"), error->message);
}

/* The recent visits, newest first, up to the limit in the preferences. */
void
pt_window_update_recent_menu (PtWindow *self)
{
  GMenuModel *menu = self->main_menu;
  g_autoptr(GMenu) recent = g_menu_new ();
  GList *items = gtk_recent_manager_get_items (gtk_recent_manager_get_default ());
  guint limit = pt_settings_get_recent_files_limit (self->settings);
  guint count = 0;
  GMenuModel *section;
  gint n;

  for (GList *l = items; l && count < limit; l = l->next)
    {
      GtkRecentInfo *info = l->data;
      g_autofree char *label = NULL;
      g_autofree char *detailed = NULL;

      if (!gtk_recent_info_has_application (info, "Pt97112") || !gtk_recent_info_exists (info))
        continue;

      label = g_strdup (gtk_recent_info_get_display_name (info));
      detailed = g_strdup_printf ("win.open-recent('%s')", gtk_recent_info_get_uri (info));
      {
        g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

        g_menu_item_set_action_and_target_value (item, "win.open-recent",
                                                 g_variant_new_string (gtk_recent_info_get_uri (info)));
        g_menu_append_item (recent, item);
      }
      count++;
    }
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);

  if (count == 0)
    {
      g_autoptr(GMenuItem) none = g_menu_item_new (_("No recent visits"), "win.none");
      g_menu_append_item (recent, none);
    }

  /* The first section's third item is the "Open Recent" submenu. */
  section = g_menu_model_get_item_link (menu, 0, G_MENU_LINK_SECTION);
  n = g_menu_model_get_n_items (section);
  for (gint i = 0; i < n; i++)
    {
      g_autoptr(GMenuModel) sub = g_menu_model_get_item_link (section, i, G_MENU_LINK_SUBMENU);

      if (sub != NULL && G_IS_MENU (sub))
        {
          g_menu_remove_all (G_MENU (sub));
          for (gint k = 0; k < g_menu_model_get_n_items (G_MENU_MODEL (recent)); k++)
            {
              g_autoptr(GMenuItem) item = g_menu_item_new_from_model (G_MENU_MODEL (recent), k);
              g_menu_append_item (G_MENU (sub), item);
            }
        }
    }
  g_clear_object (&section);
}

/* The keyboard shortcuts window is built on first use. Left at
 * gtk/help-overlay.ui, GtkApplicationWindow would build it, with a label for
 * every shortcut, inside each new window before its first frame. */
static void
show_help_overlay_action (GtkWidget  *widget,
                          const char *name,
                          GVariant   *param)
{
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (widget);
  GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (window);

  if (overlay == NULL)
    {
      g_autoptr(GtkBuilder) builder =
        gtk_builder_new_from_resource ("/org/example/Pt97112/pt-shortcuts-window.ui");

      overlay = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      /* Makes it transient for the window, hidden on close, and the window's own. */
      gtk_application_window_set_help_overlay (window, overlay);
    }
  gtk_window_present (GTK_WINDOW (overlay));
}

void
pt_window_class_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL,
                                   show_help_overlay_action);
  gtk_widget_class_install_action (widget_class, "win.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.add-block", NULL, add_block_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.copy-summary", NULL, copy_summary_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_property_action (widget_class, "win.show-sidebar", "show-sidebar");
}
