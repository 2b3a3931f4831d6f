/* pt-workspace.c: the state behind one window, with no GTK in it
 *
 * Holds the visit being edited, recomputes both methods on every change,
 * tracks the file and whether it has unsaved changes, records undo steps after
 * a short pause, and writes a draft to the user's state directory within
 * "autosave-delay" seconds of the first unsaved change, so a crash or a kill
 * loses at most that much. A clean save or a discard removes the draft.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>

#include "pt-format-error.h"
#include "pt-json-read.h"
#include "pt-visit-check.h"
#include "pt-visit-io.h"
#include "pt-workspace.h"

#define RECORD_PAUSE_MS 400

struct _PtWorkspace
{
  GObject        parent_instance;
  PtSettings    *settings;
  PtVisit       *visit;
  GFile         *file;
  PtHistory     *history;
  PtAllocResult *results[2];
  GError        *error;
  GPtrArray     *block_problems; /* char * or NULL, one per block */
  PtVisitCheck  *check;          /* documentation checks, made on demand */
  gboolean       check_valid;
  PtVisitCheckCache *check_cache; /* each block's own findings, kept between changes */
  char          *draft_id;
  guint          record_source;
  guint          draft_source;
  gboolean       dirty;
  gboolean       loading;
};

enum {
  PROP_0,
  PROP_VISIT,
  PROP_FILE,
  PROP_DIRTY,
  PROP_DISPLAY_NAME,
  N_PROPS
};

enum {
  RESULTS_CHANGED,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (PtWorkspace, pt_workspace, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void on_visit_changed (PtWorkspace *self);

static void
set_dirty (PtWorkspace *self,
           gboolean     dirty)
{
  if (self->dirty == dirty)
    return;

  self->dirty = dirty;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRTY]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISPLAY_NAME]);
}

void
pt_workspace_recompute (PtWorkspace *self)
{
  PtTieRule rule = self->settings ? pt_settings_get_tie_rule (self->settings) : PT_TIE_RULE_ENTRY_ORDER;

  g_clear_error (&self->error);
  g_clear_pointer (&self->check, pt_visit_check_free);
  self->check_valid = FALSE;
  g_ptr_array_set_size (self->block_problems, 0);

  for (guint m = 0; m < 2; m++)
    {
      g_autoptr(PtVisitInput) input = pt_visit_input_new (self->visit, m, rule);

      /* Each block on its own, from the first method's input: the blocks
       * are the same under both, and building an input reads every block. */
      for (guint i = 0; m == PT_METHOD_CMS && i < input->input.n_blocks; i++)
        {
          g_autoptr(GError) error = NULL;

          pt_alloc_block_validate (&input->blocks[i], i, &error);
          g_ptr_array_add (self->block_problems, error ? g_strdup (error->message) : NULL);
        }

      g_clear_pointer (&self->results[m], pt_alloc_result_free);
      self->results[m] = pt_allocate (&input->input, self->error ? NULL : &self->error);
    }

  g_signal_emit (self, signals[RESULTS_CHANGED], 0);
}

static gboolean
record_cb (gpointer data)
{
  PtWorkspace *self = data;

  self->record_source = 0;
  pt_history_record (self->history);

  return G_SOURCE_REMOVE;
}

static gboolean
draft_cb (gpointer data)
{
  PtWorkspace *self = data;
  g_autoptr(GError) error = NULL;

  self->draft_source = 0;
  if (self->dirty && !pt_workspace_write_draft (self, &error))
    g_warning ("Could not write the draft: %s", error->message);

  return G_SOURCE_REMOVE;
}

static void
on_visit_changed (PtWorkspace *self)
{
  if (self->loading)
    return;

  pt_workspace_recompute (self);
  set_dirty (self, TRUE);

  g_clear_handle_id (&self->record_source, g_source_remove);
  self->record_source = g_timeout_add (RECORD_PAUSE_MS, record_cb, self);

  /* Not restarted by later edits: a draft lands within the delay of the
   * first unsaved change, however long the typing goes on. */
  if (self->draft_source == 0)
    /* g_timeout_add_seconds() may fire up to a second late; this may not. */
    self->draft_source = g_timeout_add (1000 * (self->settings
                                                ? pt_settings_get_autosave_delay (self->settings)
                                                : 2),
                                        draft_cb, self);
}

static void
set_visit (PtWorkspace *self,
           PtVisit     *visit)
{
  if (self->visit != NULL)
    g_signal_handlers_disconnect_by_func (self->visit, on_visit_changed, self);

  g_set_object (&self->visit, visit);
  g_signal_connect_object (self->visit, "changed", G_CALLBACK (on_visit_changed), self,
                           G_CONNECT_SWAPPED);

  g_clear_object (&self->history);
  self->history = pt_history_new (self->visit);
  pt_visit_check_cache_clear (self->check_cache);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VISIT]);
  pt_workspace_recompute (self);
}

static void
pt_workspace_dispose (GObject *object)
{
  PtWorkspace *self = (PtWorkspace *) object;

  g_clear_handle_id (&self->record_source, g_source_remove);
  g_clear_handle_id (&self->draft_source, g_source_remove);
  if (self->visit != NULL)
    g_signal_handlers_disconnect_by_func (self->visit, on_visit_changed, self);
  g_clear_object (&self->visit);
  g_clear_object (&self->history);
  g_clear_object (&self->file);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (pt_workspace_parent_class)->dispose (object);
}

static void
pt_workspace_finalize (GObject *object)
{
  PtWorkspace *self = (PtWorkspace *) object;

  g_clear_pointer (&self->results[0], pt_alloc_result_free);
  g_clear_pointer (&self->results[1], pt_alloc_result_free);
  g_clear_error (&self->error);
  g_free (self->draft_id);
  g_ptr_array_unref (self->block_problems);
  g_clear_pointer (&self->check, pt_visit_check_free);
  g_clear_pointer (&self->check_cache, pt_visit_check_cache_free);

  G_OBJECT_CLASS (pt_workspace_parent_class)->finalize (object);
}

static void
pt_workspace_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  PtWorkspace *self = PT_WORKSPACE (object);

  switch (prop_id)
    {
    case PROP_VISIT:
      g_value_set_object (value, self->visit);
      break;
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_DIRTY:
      g_value_set_boolean (value, self->dirty);
      break;
    case PROP_DISPLAY_NAME:
      g_value_take_string (value, pt_workspace_dup_display_name (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pt_workspace_class_init (PtWorkspaceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pt_workspace_dispose;
  object_class->finalize = pt_workspace_finalize;
  object_class->get_property = pt_workspace_get_property;

  properties[PROP_VISIT] = g_param_spec_object ("visit", NULL, NULL, PT_TYPE_VISIT,
                                                G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILE] = g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                                               G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DIRTY] = g_param_spec_boolean ("dirty", NULL, NULL, FALSE,
                                                 G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DISPLAY_NAME] = g_param_spec_string ("display-name", NULL, NULL, NULL,
                                                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PtWorkspace::results-changed:
   *
   * The allocation under both methods was recomputed (after every change).
   */
  signals[RESULTS_CHANGED] = g_signal_new ("results-changed", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                           G_TYPE_NONE, 0);
}

static void
pt_workspace_init (PtWorkspace *self)
{
  self->draft_id = g_uuid_string_random ();
  self->block_problems = g_ptr_array_new_with_free_func (g_free);
  self->check_cache = pt_visit_check_cache_new ();
}

static PtVisit *
blank_visit (PtWorkspace *self)
{
  PtVisit *visit = pt_visit_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  pt_visit_set_date (visit, today);
  if (self->settings != NULL)
    {
      pt_visit_set_method (visit, pt_settings_get_default_method (self->settings));
      pt_visit_set_discipline (visit, pt_settings_get_default_discipline (self->settings));
    }

  return visit;
}

PtWorkspace *
pt_workspace_new (PtSettings *settings)
{
  PtWorkspace *self = g_object_new (PT_TYPE_WORKSPACE, NULL);
  g_autoptr(PtVisit) visit = NULL;

  g_set_object (&self->settings, settings);
  visit = blank_visit (self);
  set_visit (self, visit);

  if (settings != NULL)
    g_signal_connect_object (settings, "notify::tie-rule", G_CALLBACK (pt_workspace_recompute),
                             self, G_CONNECT_SWAPPED);

  return self;
}

PtVisit *
pt_workspace_get_visit (PtWorkspace *self)
{
  return self->visit;
}

GFile *
pt_workspace_get_file (PtWorkspace *self)
{
  return self->file;
}

gboolean
pt_workspace_get_dirty (PtWorkspace *self)
{
  return self->dirty;
}

PtHistory *
pt_workspace_get_history (PtWorkspace *self)
{
  return self->history;
}

/* NULL when the visit cannot be computed; see pt_workspace_get_error(). */
const PtAllocResult *
pt_workspace_get_result (PtWorkspace *self,
                         PtMethod     method)
{
  g_return_val_if_fail (method <= PT_METHOD_AMA, NULL);

  return self->results[method];
}

/* The documentation checks of the visit as it is now, or NULL while the
 * visit cannot be computed. Made on first use after each change, from the
 * live results and with each unchanged block's findings kept from the last
 * time: a minutes edit re-runs only the checks of the whole visit. */
const PtVisitCheck *
pt_workspace_get_check (PtWorkspace *self)
{
  if (!self->check_valid)
    {
      self->check_valid = TRUE;
      if (self->error == NULL && self->results[PT_METHOD_CMS] != NULL && self->results[PT_METHOD_AMA] != NULL)
        {
          g_autoptr(GError) error = NULL;

          self->check = pt_visit_check_run_cached (self->visit, self->results[PT_METHOD_CMS],
                                                   self->results[PT_METHOD_AMA], self->check_cache, &error);
          if (self->check == NULL)
            g_warning ("The documentation checks could not run: %s", error->message);
        }
    }

  return self->check;
}

/* How many blocks the documentation checks have read anew, rather than
 * taking their findings from the last time, since the workspace was made. */
guint
pt_workspace_get_blocks_checked (PtWorkspace *self)
{
  return pt_visit_check_cache_get_misses (self->check_cache);
}

/* What is wrong with block @position on its own, or NULL. */
const char *
pt_workspace_get_block_problem (PtWorkspace *self,
                                guint        position)
{
  if (position >= self->block_problems->len)
    return NULL;

  return g_ptr_array_index (self->block_problems, position);
}

const GError *
pt_workspace_get_error (PtWorkspace *self)
{
  return self->error;
}

char *
pt_workspace_dup_display_name (PtWorkspace *self)
{
  if (self->file != NULL)
    return g_file_get_basename (self->file);

  if (*pt_visit_get_title (self->visit) != '\0')
    return g_strdup (pt_visit_get_title (self->visit));

  return g_strdup (_("Untitled visit"));
}

static void
set_file (PtWorkspace *self,
          GFile       *file)
{
  if (g_set_object (&self->file, file))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISPLAY_NAME]);
    }
}

/* Replaces the visit (a new one, an opened file, a scenario copy). */
void
pt_workspace_load_visit (PtWorkspace *self,
                         PtVisit     *visit,
                         GFile       *file)
{
  g_clear_handle_id (&self->record_source, g_source_remove);
  g_clear_handle_id (&self->draft_source, g_source_remove);
  pt_workspace_discard_draft (self);

  set_visit (self, visit);
  set_file (self, file);
  set_dirty (self, FALSE);
  /* A scenario copy has no file but its own title: the name shown changes. */
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISPLAY_NAME]);
}

void
pt_workspace_new_visit (PtWorkspace *self)
{
  g_autoptr(PtVisit) visit = blank_visit (self);

  pt_workspace_load_visit (self, visit, NULL);
}

/* On failure nothing changes: the visit being edited is untouched. */
gboolean
pt_workspace_open (PtWorkspace  *self,
                   GFile        *file,
                   GError      **error)
{
  g_autoptr(PtVisit) visit = pt_visit_load_from_file (file, error);

  if (visit == NULL)
    return FALSE;

  pt_workspace_load_visit (self, visit, file);
  return TRUE;
}

gboolean
pt_workspace_save (PtWorkspace  *self,
                   GFile        *file,
                   GError      **error)
{
  if (file == NULL)
    file = self->file;
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!pt_visit_save_to_file (self->visit, file, error))
    return FALSE;

  set_file (self, file);
  set_dirty (self, FALSE);
  g_clear_handle_id (&self->draft_source, g_source_remove);
  pt_workspace_discard_draft (self);

  return TRUE;
}

/* The user picked @code to carry a tied unit: it goes first in the visit's
 * tie preference, which is saved with the visit. */
void
pt_workspace_choose_tie (PtWorkspace *self,
                         const char  *code)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  const char * const *old = pt_visit_get_tie_preference (self->visit);
  g_auto(GStrv) next = NULL;

  g_strv_builder_add (builder, code);
  for (guint i = 0; old && old[i]; i++)
    if (g_strcmp0 (old[i], code) != 0)
      g_strv_builder_add (builder, old[i]);

  next = g_strv_builder_end (builder);
  pt_visit_set_tie_preference (self->visit, (const char * const *) next);
  pt_workspace_record_now (self);
}

/* Structural edits (add, remove, move) are undo steps of their own at once. */
void
pt_workspace_record_now (PtWorkspace *self)
{
  g_clear_handle_id (&self->record_source, g_source_remove);
  pt_history_record (self->history);
}

char *
pt_workspace_drafts_dir (void)
{
  return g_build_filename (g_get_user_state_dir (), "pt97112", "drafts", NULL);
}

GFile *
pt_workspace_get_draft_file (PtWorkspace *self)
{
  g_autofree char *dir = pt_workspace_drafts_dir ();
  g_autofree char *name = g_strconcat (self->draft_id, ".ptdraft.json", NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);

  return g_file_new_for_path (path);
}

gboolean
pt_workspace_write_draft (PtWorkspace  *self,
                          GError      **error)
{
  g_autoptr(JsonBuilder) b = json_builder_new_immutable ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GFile) file = pt_workspace_get_draft_file (self);
  g_autofree char *dir = pt_workspace_drafts_dir ();
  g_autofree char *data = NULL;
  g_autofree char *uri = self->file ? g_file_get_uri (self->file) : g_strdup ("");
  gsize length;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not create the drafts folder %s: %s"), dir, g_strerror (saved));
      return FALSE;
    }

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "format");
  json_builder_add_int_value (b, 1);
  json_builder_set_member_name (b, "kind");
  json_builder_add_string_value (b, "draft");
  json_builder_set_member_name (b, "draft_of");
  json_builder_add_string_value (b, uri);
  json_builder_set_member_name (b, "visit");
  json_builder_add_value (b, pt_visit_to_json_node (self->visit));
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  data = json_generator_to_data (gen, &length);

  return pt_file_save_private (file, data, length, error);
}

void
pt_workspace_discard_draft (PtWorkspace *self)
{
  g_autoptr(GFile) file = pt_workspace_get_draft_file (self);

  g_file_delete (file, NULL, NULL);
}

/* Drafts left by an earlier run that ended without saving or discarding. */
GPtrArray *
pt_workspace_list_drafts (void)
{
  g_autofree char *dir = pt_workspace_drafts_dir ();
  GPtrArray *drafts = g_ptr_array_new_with_free_func (g_object_unref);
  GDir *d = g_dir_open (dir, 0, NULL);
  const char *name;

  if (d == NULL)
    return drafts;

  while ((name = g_dir_read_name (d)))
    if (g_str_has_suffix (name, ".ptdraft.json"))
      g_ptr_array_add (drafts, g_file_new_build_filename (dir, name, NULL));

  g_dir_close (d);
  return drafts;
}

/* Loads a draft into this workspace: the visit as it was, dirty, tied to the
 * file it was a draft of. The draft file is then this workspace's own. */
gboolean
pt_workspace_restore_draft (PtWorkspace  *self,
                            GFile        *draft,
                            GError      **error)
{
  g_autofree char *data = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(PtVisit) visit = NULL;
  g_autoptr(GFile) of = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *uri = NULL;
  JsonObject *object, *vobject;
  gsize length;

  data = pt_file_load_limited (draft, PT_VISIT_MAX_FILE_SIZE, _("The draft"), &length, error);
  if (data == NULL || !(root = pt_json_parse (data, length, _("The draft"), error)) ||
      !(object = pt_json_node_object (root, "", error)) ||
      !pt_json_read_string (object, "", "draft_of", FALSE, "", &uri, error) ||
      !(vobject = pt_json_node_object (json_object_get_member (object, "visit"), "visit", error)) ||
      !(visit = pt_visit_from_json_object (vobject, "visit", TRUE, error)))
    return FALSE;

  if (*uri != '\0')
    of = g_file_new_for_uri (uri);

  pt_workspace_load_visit (self, visit, of);

  /* Take over the draft's name, so the next write replaces it. */
  basename = g_file_get_basename (draft);
  if (g_str_has_suffix (basename, ".ptdraft.json"))
    {
      g_free (self->draft_id);
      self->draft_id = g_strndup (basename, strlen (basename) - strlen (".ptdraft.json"));
    }

  set_dirty (self, TRUE);
  return TRUE;
}
