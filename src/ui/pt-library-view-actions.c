/* pt-library-view-actions.c: the library.* actions that change My scenarios
 *
 * save-scenario, rename, delete and undo-delete change "My scenarios", kept in
 * g_get_user_data_dir()/pt97112/my-scenarios.ptlibrary.json (atomic, 0600);
 * every change is written at once and undone in memory when the write fails.
 * Import and export are in pt-library-view-files.c, quiz mode and
 * presentation in pt-library-view-teaching.c.
 *
 * All windows share one built-in and one user library, kept on the
 * application, so a scenario saved in one window shows in every window.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <errno.h>

#include "pt-codes.h"
#include "pt-library-view-private.h"
#include "pt-visit-assistant.h"

#define UNDO_SECONDS 10
#define LIBRARY_SUFFIX ".ptlibrary.json"

/* The libraries every window of the application shows */

typedef struct {
  char              *path;    /* the user library file it was read from */
  PtScenarioLibrary *builtin;
  PtScenarioLibrary *user;
  char              *problem; /* why the user library could not be read */
} LibraryStore;

static void
library_store_free (gpointer data)
{
  LibraryStore *store = data;

  g_free (store->path);
  g_clear_object (&store->builtin);
  g_clear_object (&store->user);
  g_free (store->problem);
  g_free (store);
}

static char *
user_library_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "pt97112", "my-scenarios" LIBRARY_SUFFIX, NULL);
}

static void
read_user_library (LibraryStore *store)
{
  g_autoptr(GFile) file = g_file_new_for_path (store->path);
  g_autoptr(GError) error = NULL;

  g_clear_object (&store->user);
  g_clear_pointer (&store->problem, g_free);

  if (!g_file_query_exists (file, NULL))
    {
      store->user = pt_scenario_library_new ();
      return;
    }

  store->user = pt_scenario_library_load_from_file (file, &error);
  if (store->user == NULL)
    {
      /* Keep the damaged file: nothing is written over it while it is shown
       * as unreadable. */
      store->problem = g_strdup_printf ("%s: %s", store->path, error->message);
      store->user = pt_scenario_library_new ();
    }
}

/* The store is read again when the user data folder has changed (each test
 * gets its own). */
static LibraryStore *
get_store (GApplication *app)
{
  static LibraryStore *fallback;
  LibraryStore *store = app ? g_object_get_data (G_OBJECT (app), "pt-library-store") : fallback;
  g_autofree char *path = user_library_path ();

  if (store == NULL)
    {
      g_autoptr(GError) error = NULL;

      store = g_new0 (LibraryStore, 1);
      store->builtin = pt_scenario_library_new_builtin (&error);
      if (store->builtin == NULL)
        {
          g_warning ("%s", error->message);
          store->builtin = pt_scenario_library_new ();
        }
      if (app != NULL)
        g_object_set_data_full (G_OBJECT (app), "pt-library-store", store, library_store_free);
      else
        fallback = store;
    }

  if (g_strcmp0 (store->path, path) != 0)
    {
      g_free (store->path);
      store->path = g_steal_pointer (&path);
      read_user_library (store);
    }

  return store;
}

void
pt_library_view_load_libraries (PtLibraryView *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self->window));
  LibraryStore *store = get_store (app ? G_APPLICATION (app) : NULL);

  g_set_object (&self->builtin, store->builtin);
  g_set_object (&self->user, store->user);
  g_free (self->user_problem);
  self->user_problem = g_strdup (store->problem);
}

gboolean
pt_library_view_save_user (PtLibraryView  *self,
                   GError        **error)
{
  g_autofree char *path = user_library_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not create the folder %s: %s"), dir, g_strerror (saved));
      return FALSE;
    }

  return pt_scenario_library_save_to_file (self->user, file, error);
}

void
pt_library_view_show_error (PtLibraryView *self,
            const char    *primary,
            const GError  *error)
{
  pt_window_show_error (self->window, primary, error->message);
}

/* Enabled states */

static void
set_enabled (PtLibraryView *self,
             const char    *name,
             gboolean       enabled)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), name);

  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

static gboolean
current_is_mine (PtLibraryView *self)
{
  return self->current != NULL && !pt_scenario_get_builtin (self->current) &&
         pt_scenario_library_find_by_id (self->user, pt_scenario_get_id (self->current)) == self->current;
}

void
pt_library_view_update_actions (PtLibraryView *self)
{
  gboolean writable = self->user_problem == NULL;

  if (self->actions == NULL)
    return;

  set_enabled (self, "save-scenario",
               writable && pt_workspace_get_result (self->workspace, PT_METHOD_CMS) != NULL);
  set_enabled (self, "rename", writable && current_is_mine (self));
  set_enabled (self, "delete", writable && current_is_mine (self));
  set_enabled (self, "undo-delete", writable && self->deleted != NULL);
  set_enabled (self, "import", writable);
  set_enabled (self, "export", writable && g_list_model_get_n_items (G_LIST_MODEL (self->user)) > 0);
}

/* A small dialog asking for a title */

typedef void (*TitleFunc) (PtLibraryView *self,
                           const char    *title,
                           gpointer       data);

typedef struct {
  PtLibraryView  *self;
  GtkEntry       *entry;
  TitleFunc       func;
  gpointer        data;
  GDestroyNotify  destroy;
} TitleAsk;

static void
on_title_changed (GtkEditable *entry,
                  GtkDialog   *dialog)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  gtk_dialog_set_response_sensitive (dialog, GTK_RESPONSE_ACCEPT, *text != '\0');
}

static void
on_title_response (GtkDialog *dialog,
                   int        response,
                   TitleAsk  *ask)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (ask->entry))));

      if (*title != '\0')
        ask->func (ask->self, title, ask->data);
    }

  gtk_window_destroy (GTK_WINDOW (dialog));
  if (ask->destroy != NULL)
    ask->destroy (ask->data);
  g_object_unref (ask->self);
  g_free (ask);
}

static void
ask_title (PtLibraryView  *self,
           const char     *heading,
           const char     *body,
           const char     *initial,
           const char     *accept,
           TitleFunc       func,
           gpointer        data,
           GDestroyNotify  destroy)
{
  TitleAsk *ask = g_new0 (TitleAsk, 1);
  GtkWidget *dialog;
  GtkWidget *entry = gtk_entry_new ();

  dialog = gtk_message_dialog_new (GTK_WINDOW (self->window),
                                   GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE, "%s", heading);
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", body);
  gtk_dialog_add_buttons (GTK_DIALOG (dialog), _("_Cancel"), GTK_RESPONSE_CANCEL,
                          accept, GTK_RESPONSE_ACCEPT, NULL);
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  gtk_widget_add_css_class (gtk_dialog_get_widget_for_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT),
                            "suggested-action");

  gtk_editable_set_text (GTK_EDITABLE (entry), initial ? initial : "");
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_entry_set_max_length (GTK_ENTRY (entry), 200);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Scenario title"), -1);
  gtk_box_append (GTK_BOX (gtk_message_dialog_get_message_area (GTK_MESSAGE_DIALOG (dialog))), entry);
  g_signal_connect (entry, "changed", G_CALLBACK (on_title_changed), dialog);
  on_title_changed (GTK_EDITABLE (entry), GTK_DIALOG (dialog));

  ask->self = g_object_ref (self);
  ask->entry = GTK_ENTRY (entry);
  ask->func = func;
  ask->data = data;
  ask->destroy = destroy;
  g_signal_connect (dialog, "response", G_CALLBACK (on_title_response), ask);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

/* Save as scenario */

static const char *
diagnosis_tag (PtDiagnosisCategory category)
{
  switch (category)
    {
    case PT_DIAGNOSIS_NEUROLOGIC:
      return "neurologic";
    case PT_DIAGNOSIS_VESTIBULAR:
      return "vestibular";
    case PT_DIAGNOSIS_MUSCULOSKELETAL:
      return "musculoskeletal";
    case PT_DIAGNOSIS_UNSET:
    case PT_DIAGNOSIS_OTHER:
    default:
      return NULL;
    }
}

/* The tags whose meaning data/scenarios/README.md states mechanically. */
static void
set_tags_from_results (PtScenario          *scenario,
                       const PtAllocResult *cms,
                       const PtAllocResult *ama)
{
  g_autoptr(GStrvBuilder) tags = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;
  PtVisit *visit = pt_scenario_get_visit (scenario);
  gboolean untimed = FALSE, orphan = FALSE, assistant = FALSE;
  gint minutes = 0;
  const char *dx = diagnosis_tag (pt_visit_get_diagnosis_category (visit));

  for (guint i = 0; i < cms->codes->len; i++)
    {
      const PtCodeUnits *c = pt_alloc_result_get_code (cms, i);

      untimed |= !c->timed;
      orphan |= c->timed && ((c->minutes > 0 && c->units == 0) || (c->minutes < 8 && c->units > 0));
    }
  for (guint i = 0; i < pt_visit_get_n_blocks (visit); i++)
    {
      PtBlock *block = pt_visit_get_block (visit, i);

      minutes += pt_block_get_minutes (block);
      assistant |= pt_block_get_provider (block) == PT_PROVIDER_ASSISTANT;
    }

  if (cms->ties->len > 0)
    g_strv_builder_add (tags, "tie");
  if (orphan)
    g_strv_builder_add (tags, "orphan-minutes");
  if (untimed)
    g_strv_builder_add (tags, "untimed");
  if (cms->total_units != ama->total_units)
    g_strv_builder_add (tags, "cms-vs-ama");
  if (assistant)
    g_strv_builder_add (tags, "assistant");
  if (minutes > 120)
    g_strv_builder_add (tags, "long-visit");
  if (dx != NULL)
    g_strv_builder_add (tags, dx);

  strv = g_strv_builder_end (tags);
  pt_scenario_set_tags (scenario, (const char * const *) strv);
}

/* Fills in what the engine gives for the scenario's visit under both methods
 * (ties by the visit's preference, then entry order, as the built-in library
 * is checked), and the assistant modifiers when an assistant took part. */
gboolean
pt_library_view_fill_expected (PtScenario  *scenario,
                  gboolean     set_tags,
                  GError     **error)
{
  PtVisit *visit = pt_scenario_get_visit (scenario);
  g_autoptr(PtAllocResult) cms = NULL;
  g_autoptr(PtAllocResult) ama = NULL;
  const PtAllocResult *results[2];

  for (guint m = 0; m < 2; m++)
    {
      g_autoptr(PtVisitInput) input = pt_visit_input_new (visit, m, PT_TIE_RULE_ENTRY_ORDER);
      PtAllocResult *r = pt_allocate (&input->input, error);

      if (r == NULL)
        return FALSE;
      if (m == PT_METHOD_CMS)
        cms = r;
      else
        ama = r;
    }
  results[PT_METHOD_CMS] = cms;
  results[PT_METHOD_AMA] = ama;

  for (guint m = 0; m < 2; m++)
    {
      pt_scenario_clear_expected (scenario, m);
      for (guint i = 0; i < results[m]->codes->len; i++)
        {
          const PtCodeUnits *c = pt_alloc_result_get_code (results[m], i);

          if (pt_code_is_valid (c->code))
            pt_scenario_set_expected_units (scenario, m, c->code, MIN (c->units, PT_SCENARIO_MAX_UNITS));
        }
    }

  if (pt_visit_has_assistant_minutes (visit))
    {
      g_autoptr(PtAssistantResult) mods = pt_visit_compute_modifiers (visit, cms);

      for (guint i = 0; mods != NULL && mods->applies && mods->modifier != NULL && i < mods->codes->len; i++)
        {
          const PtAssistantCode *c = pt_assistant_result_get_code (mods, i);

          if (pt_code_is_valid (c->code))
            pt_scenario_set_expected_modifier (scenario, c->code,
                                               CLAMP (c->units_with_modifier, 0, PT_SCENARIO_MAX_UNITS),
                                               mods->modifier);
        }
    }

  if (set_tags)
    set_tags_from_results (scenario, cms, ama);

  return TRUE;
}

static char *
summary_for (PtVisit             *visit,
             const PtAllocResult *result)
{
  g_autoptr(GString) minutes = g_string_new (NULL);
  const char *dx = pt_visit_get_diagnosis (visit);

  for (guint i = 0; i < result->codes->len; i++)
    {
      const PtCodeUnits *c = pt_alloc_result_get_code (result, i);

      if (minutes->len > 0)
        g_string_append (minutes, ", ");
      /* Translators: a code and its minutes in a saved scenario's summary */
      g_string_append_printf (minutes, _("%s %d min"), c->code, c->minutes);
    }

  if (dx != NULL && *dx != '\0')
    /* Translators: a saved scenario's summary: the diagnosis, then codes and minutes */
    return g_strdup_printf (_("%s. %s."), dx, minutes->str);

  /* Translators: a saved scenario's summary when the visit names no diagnosis */
  return g_strdup_printf (_("Saved from a visit: %s."), minutes->str);
}

char *
pt_library_view_new_user_id (PtLibraryView *self)
{
  for (;;)
    {
      g_autofree char *uuid = g_uuid_string_random ();
      char *id = g_strconcat ("my-", uuid, NULL);

      if (pt_scenario_library_find_by_id (self->user, id) == NULL &&
          pt_scenario_library_find_by_id (self->builtin, id) == NULL)
        return id;
      g_free (id);
    }
}

static void
save_scenario_titled (PtLibraryView *self,
                      const char    *title,
                      gpointer       data)
{
  g_autoptr(PtVisit) copy = pt_visit_copy (pt_workspace_get_visit (self->workspace));
  g_autofree char *id = pt_library_view_new_user_id (self);
  g_autoptr(PtScenario) scenario = pt_scenario_new (id, title, copy);
  g_autoptr(GError) error = NULL;

  if (!pt_library_view_fill_expected (scenario, TRUE, &error))
    {
      pt_library_view_show_error (self, _("This visit cannot be saved as a scenario yet"), error);
      return;
    }

  {
    g_autoptr(PtVisitInput) input = pt_visit_input_new (copy, pt_visit_get_method (copy), PT_TIE_RULE_ENTRY_ORDER);
    g_autoptr(PtAllocResult) result = pt_allocate (&input->input, NULL);
    g_autofree char *summary = result ? summary_for (copy, result) : NULL;

    pt_scenario_set_summary (scenario, summary);
  }

  if (!pt_scenario_library_add (self->user, scenario, &error))
    {
      pt_library_view_show_error (self, _("Could not save the scenario"), error);
      return;
    }

  if (!pt_library_view_save_user (self, &error))
    {
      pt_scenario_library_remove (self->user, id, NULL);
      pt_library_view_show_error (self, _("Could not save the scenario"), error);
      return;
    }

  /* The editor's visit is now this scenario's visit as it was saved. */
  pt_library_view_set_current (self, scenario, pt_workspace_get_visit (self->workspace));
  pt_library_view_reveal (self, scenario);
}

static void
save_scenario_action (GSimpleAction *action,
                      GVariant      *param,
                      gpointer       data)
{
  PtLibraryView *self = data;
  const char *title = pt_visit_get_title (pt_workspace_get_visit (self->workspace));

  ask_title (self, _("Save as Scenario"),
             _("The visit is added to My scenarios, with the units the engine gives under both methods. Later changes to the visit do not change the scenario."),
             title, _("_Save"), save_scenario_titled, NULL, NULL);
}

/* Rename and delete act on the open scenario, which must be one of mine. */

static void
rename_titled (PtLibraryView *self,
               const char    *title,
               gpointer       data)
{
  const char *id = data;
  PtScenario *scenario = pt_scenario_library_find_by_id (self->user, id);

  /* The copy in the editor keeps its title: changing it would count as an
   * unsaved edit of the visit. */
  g_autofree char *old = scenario ? g_strdup (pt_scenario_get_title (scenario)) : NULL;
  g_autoptr(GError) error = NULL;

  if (!pt_scenario_library_rename (self->user, id, title, &error))
    {
      pt_library_view_show_error (self, _("Could not rename the scenario"), error);
      return;
    }

  if (!pt_library_view_save_user (self, &error))
    {
      pt_scenario_library_rename (self->user, id, old, NULL);
      pt_library_view_show_error (self, _("Could not rename the scenario"), error);
      return;
    }

}

static void
rename_action (GSimpleAction *action,
               GVariant      *param,
               gpointer       data)
{
  PtLibraryView *self = data;

  if (!current_is_mine (self))
    return;

  ask_title (self, _("Rename Scenario"), _("A new title for the scenario in My scenarios:"),
             pt_scenario_get_title (self->current), _("_Rename"), rename_titled,
             g_strdup (pt_scenario_get_id (self->current)), g_free);
}

void
pt_library_view_clear_undo (PtLibraryView *self)
{
  g_clear_handle_id (&self->undo_source, g_source_remove);
  g_clear_object (&self->deleted);
  gtk_revealer_set_reveal_child (self->undo_revealer, FALSE);
  pt_library_view_update_actions (self);
}

static gboolean
undo_timeout (gpointer data)
{
  PtLibraryView *self = data;

  self->undo_source = 0;
  pt_library_view_clear_undo (self);

  return G_SOURCE_REMOVE;
}

static void
delete_action (GSimpleAction *action,
               GVariant      *param,
               gpointer       data)
{
  PtLibraryView *self = data;
  g_autoptr(PtScenario) scenario = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (!current_is_mine (self))
    return;

  scenario = g_object_ref (self->current);
  if (!pt_scenario_library_remove (self->user, pt_scenario_get_id (scenario), &error))
    {
      pt_library_view_show_error (self, _("Could not delete the scenario"), error);
      return;
    }

  if (!pt_library_view_save_user (self, &error))
    {
      pt_scenario_library_add (self->user, scenario, NULL);
      pt_library_view_show_error (self, _("Could not delete the scenario"), error);
      return;
    }

  /* The editor keeps its copy of the visit; it is just no longer a scenario. */
  pt_library_view_set_current (self, NULL, NULL);

  pt_library_view_clear_undo (self);
  self->deleted = g_steal_pointer (&scenario);
  text = g_strdup_printf (_("Scenario “%s” deleted"), pt_scenario_get_title (self->deleted));
  gtk_label_set_text (self->undo_label, text);
  gtk_revealer_set_reveal_child (self->undo_revealer, TRUE);
  self->undo_source = g_timeout_add_seconds (UNDO_SECONDS, undo_timeout, self);
  pt_library_view_update_actions (self);
}

static void
undo_delete_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       data)
{
  PtLibraryView *self = data;
  g_autoptr(PtScenario) scenario = NULL;
  g_autoptr(GError) error = NULL;

  if (self->deleted == NULL)
    return;

  scenario = g_object_ref (self->deleted);
  if (!pt_scenario_library_add (self->user, scenario, &error))
    {
      pt_library_view_show_error (self, _("Could not restore the scenario"), error);
      return;
    }

  if (!pt_library_view_save_user (self, &error))
    {
      pt_scenario_library_remove (self->user, pt_scenario_get_id (scenario), NULL);
      pt_library_view_show_error (self, _("Could not restore the scenario"), error);
      return;
    }

  pt_library_view_clear_undo (self);
  pt_library_view_reveal (self, scenario);
}

static const GActionEntry entries[] = {
  { "save-scenario", save_scenario_action, NULL, NULL, NULL, { 0 } },
  { "rename", rename_action, NULL, NULL, NULL, { 0 } },
  { "delete", delete_action, NULL, NULL, NULL, { 0 } },
  { "undo-delete", undo_delete_action, NULL, NULL, NULL, { 0 } },
};

/* The "library" action group, on the window so that its header bar, menus
 * and accelerators reach it too. */
void
pt_library_view_install_actions (PtLibraryView *self)
{
  self->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), entries, G_N_ELEMENTS (entries), self);
  pt_library_view_add_file_actions (self);
  pt_library_view_add_teaching_actions (self);
  gtk_widget_insert_action_group (GTK_WIDGET (self->window), "library", G_ACTION_GROUP (self->actions));

  g_signal_connect_object (self->workspace, "results-changed",
                           G_CALLBACK (pt_library_view_update_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->user, "items-changed", G_CALLBACK (pt_library_view_update_actions),
                           self, G_CONNECT_SWAPPED);

  pt_library_view_update_actions (self);
}
