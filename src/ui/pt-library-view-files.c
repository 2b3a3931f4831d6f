/* pt-library-view-files.c: library.import and library.export
 *
 * Import adds every scenario of a library file to My scenarios, or nothing
 * when the file does not load (a dialog gives the loader's message, which
 * names the member at fault) or My scenarios cannot be written. Export
 * writes My scenarios to a file of one's choice.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pt-library-view-private.h"

#define LIBRARY_SUFFIX ".ptlibrary.json"

static GtkFileFilter *
library_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Scenario libraries"));
  gtk_file_filter_add_pattern (filter, "*" LIBRARY_SUFFIX);
  gtk_file_filter_add_pattern (filter, "*.json");

  return filter;
}

/* Every window shows the user library: detach their lists during a batch. */
static void
freeze_lists (PtLibraryView *self,
              gboolean       frozen)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self->window));
  GList *windows = app ? gtk_application_get_windows (app) : NULL;

  if (windows == NULL)
    pt_library_view_freeze_list (self, frozen);
  for (GList *l = windows; l != NULL; l = l->next)
    {
      PtLibraryView *view = PT_IS_WINDOW (l->data) ? pt_library_view_from_window (l->data) : NULL;

      if (view != NULL && view->user == self->user)
        pt_library_view_freeze_list (view, frozen);
    }
}

/* Adds every scenario of @file to My scenarios, under a new id when its id is
 * taken, with the units worked out again by the engine. A file that does not
 * load, or a library that cannot be written, changes nothing. */
gboolean
pt_library_view_import_file (PtLibraryView *self,
                             GFile         *file)
{
  g_autoptr(PtScenarioLibrary) incoming = NULL;
  g_autoptr(GPtrArray) added = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *primary = g_strdup_printf (_("Could not import “%s”"), name);
  guint n;

  g_return_val_if_fail (PT_IS_LIBRARY_VIEW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (self->user_problem != NULL)
    {
      pt_window_show_error (self->window, primary, self->user_problem);
      return FALSE;
    }

  incoming = pt_scenario_library_load_from_file (file, &error);
  if (incoming == NULL)
    {
      pt_library_view_show_error (self, primary, error);
      return FALSE;
    }

  n = g_list_model_get_n_items (G_LIST_MODEL (incoming));
  if (n == 0)
    {
      pt_window_show_error (self->window, primary, _("The file is a scenario library with no scenarios in it."));
      return FALSE;
    }

  freeze_lists (self, TRUE);
  for (guint i = 0; i < n; i++)
    {
      PtScenario *theirs = pt_scenario_library_get_scenario (incoming, i);
      const char *id = pt_scenario_get_id (theirs);
      g_autofree char *fresh = NULL;
      g_autoptr(PtScenario) mine = NULL;

      if (pt_scenario_library_find_by_id (self->user, id) != NULL ||
          pt_scenario_library_find_by_id (self->builtin, id) != NULL)
        id = fresh = pt_library_view_new_user_id (self);

      mine = pt_scenario_copy (theirs, id);
      /* A visit the engine cannot count keeps the units the file states. */
      pt_library_view_fill_expected (mine, FALSE, NULL);

      if (!pt_scenario_library_add (self->user, mine, &error))
        break;
      g_ptr_array_add (added, g_strdup (id));
    }

  if (error == NULL)
    pt_library_view_save_user (self, &error);

  if (error != NULL)
    {
      for (guint i = 0; i < added->len; i++)
        pt_scenario_library_remove (self->user, g_ptr_array_index (added, i), NULL);
      freeze_lists (self, FALSE);
      pt_library_view_show_error (self, primary, error);
      return FALSE;
    }

  freeze_lists (self, FALSE);
  pt_library_view_reveal (self, pt_scenario_library_find_by_id (self->user, g_ptr_array_index (added, 0)));
  return TRUE;
}

static void
on_import_response (GtkNativeDialog *dialog,
                    int              response,
                    PtLibraryView   *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      pt_library_view_import_file (self, file);
    }

  g_object_unref (dialog);
  g_object_unref (self);
}

static void
import_action (GSimpleAction *action,
               GVariant      *param,
               gpointer       data)
{
  PtLibraryView *self = data;
  g_autoptr(GtkFileFilter) filter = library_filter ();
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (_("Import Scenarios"), GTK_WINDOW (self->window),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (on_import_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* Writes My scenarios to @file (atomic, 0600). */
gboolean
pt_library_view_export_file (PtLibraryView  *self,
                             GFile          *file,
                             GError        **error)
{
  g_return_val_if_fail (PT_IS_LIBRARY_VIEW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  return pt_scenario_library_save_to_file (self->user, file, error);
}

static void
on_export_response (GtkNativeDialog *dialog,
                    int              response,
                    PtLibraryView   *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *base = g_file_get_basename (chosen);
      g_autoptr(GFile) file = NULL;
      g_autoptr(GError) error = NULL;

      /* Keep the double extension the filter looks for. */
      if (g_str_has_suffix (base, LIBRARY_SUFFIX))
        file = g_object_ref (chosen);
      else
        {
          g_autoptr(GFile) parent = g_file_get_parent (chosen);
          g_autofree char *fixed = g_str_has_suffix (base, ".json")
                                   ? g_strdup_printf ("%.*s" LIBRARY_SUFFIX, (int) strlen (base) - 5, base)
                                   : g_strconcat (base, LIBRARY_SUFFIX, NULL);

          file = g_file_get_child (parent, fixed);
        }

      if (!pt_library_view_export_file (self, file, &error))
        {
          g_autofree char *name = g_file_get_basename (file);
          g_autofree char *primary = g_strdup_printf (_("Could not export to “%s”"), name);

          pt_library_view_show_error (self, primary, error);
        }
    }

  g_object_unref (dialog);
  g_object_unref (self);
}

static void
export_action (GSimpleAction *action,
               GVariant      *param,
               gpointer       data)
{
  PtLibraryView *self = data;
  g_autoptr(GtkFileFilter) filter = library_filter ();
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (_("Export My Scenarios"), GTK_WINDOW (self->window),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), "my-scenarios" LIBRARY_SUFFIX);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (on_export_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static const GActionEntry file_entries[] = {
  { "import", import_action, NULL, NULL, NULL, { 0 } },
  { "export", export_action, NULL, NULL, NULL, { 0 } },
};

void
pt_library_view_add_file_actions (PtLibraryView *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), file_entries,
                                   G_N_ELEMENTS (file_entries), self);
}
