/* pt-scenario-library.c: the scenario list, its file format and its edits
 *
 * A GListModel of PtScenario in file order, with an id index for lookups.
 * Loading refuses a newer format and a file of another kind and names the
 * path of the first bad member; saving is atomic and private (mode 0600).
 * A file is read a scenario at a time and each visit is kept as text until
 * first asked for (see read_library()).
 * Built-in scenarios (from the resource) cannot be renamed or removed.
 */
#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pt-format-error.h"
#include "pt-json-fast.h"
#include "pt-json-read.h"
#include "pt-scenario-io.h"
#include "pt-scenario-library.h"
#include "pt-visit-io.h"

struct _PtScenarioLibrary
{
  GObject     parent_instance;

  /* Owned */
  GPtrArray  *items; /* PtScenario */
  GHashTable *by_id; /* id (owned by the scenario) -> PtScenario (borrowed) */
};

enum {
  PROP_0,
  PROP_N_ITEMS,
  N_PROPS
};

static void pt_scenario_library_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PtScenarioLibrary, pt_scenario_library, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      pt_scenario_library_list_model_init))

G_DEFINE_QUARK (pt-scenario-library-error-quark, pt_scenario_library_error)

static GParamSpec *properties[N_PROPS];

static GType
pt_scenario_library_get_item_type (GListModel *model)
{
  return PT_TYPE_SCENARIO;
}

static guint
pt_scenario_library_get_n_items (GListModel *model)
{
  return PT_SCENARIO_LIBRARY (model)->items->len;
}

static gpointer
pt_scenario_library_get_item (GListModel *model,
                              guint       position)
{
  PtScenarioLibrary *self = PT_SCENARIO_LIBRARY (model);

  if (position >= self->items->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
pt_scenario_library_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = pt_scenario_library_get_item_type;
  iface->get_n_items = pt_scenario_library_get_n_items;
  iface->get_item = pt_scenario_library_get_item;
}

static void
pt_scenario_library_finalize (GObject *object)
{
  PtScenarioLibrary *self = (PtScenarioLibrary *) object;

  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (pt_scenario_library_parent_class)->finalize (object);
}

static void
pt_scenario_library_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  PtScenarioLibrary *self = PT_SCENARIO_LIBRARY (object);

  switch (prop_id)
    {
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->items->len);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pt_scenario_library_class_init (PtScenarioLibraryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pt_scenario_library_finalize;
  object_class->get_property = pt_scenario_library_get_property;

  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pt_scenario_library_init (PtScenarioLibrary *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
}

PtScenarioLibrary *
pt_scenario_library_new (void)
{
  return g_object_new (PT_TYPE_SCENARIO_LIBRARY, NULL);
}

static void
items_changed (PtScenarioLibrary *self,
               guint              position,
               guint              removed,
               guint              added)
{
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
  if (removed != added)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

static gint
position_of (PtScenarioLibrary *self,
             PtScenario        *scenario)
{
  guint position;

  if (!g_ptr_array_find (self->items, scenario, &position))
    return -1;

  return (gint) position;
}

static gboolean
read_header (JsonObject  *object,
             GError     **error)
{
  g_autofree char *kind = NULL;
  JsonNode *fnode = json_object_get_member (object, "format");
  gint64 format;

  if (fnode != NULL && JSON_NODE_HOLDS_VALUE (fnode) &&
      json_node_get_value_type (fnode) == G_TYPE_INT64 &&
      json_node_get_int (fnode) > PT_SCENARIO_LIBRARY_FORMAT)
    {
      g_set_error (error, PT_FORMAT_ERROR, PT_FORMAT_ERROR_NEWER_FORMAT,
                   _("format: this scenario library was saved in format %" PRId64 " by a newer version of Pt97112; this version reads format %d. Update the program to open it."),
                   json_node_get_int (fnode), PT_SCENARIO_LIBRARY_FORMAT);
      return FALSE;
    }

  if (!pt_json_read_int (object, "", "format", TRUE, 1, PT_SCENARIO_LIBRARY_FORMAT, 1, &format,
                         error) ||
      !pt_json_read_string (object, "", "kind", TRUE, NULL, &kind, error))
    return FALSE;

  if (g_strcmp0 (kind, "scenario-library") != 0)
    {
      g_set_error (error, PT_FORMAT_ERROR, PT_FORMAT_ERROR_KIND,
                   _("kind: expected “scenario-library”, found “%.40s”; this is not a scenario library"),
                   kind);
      return FALSE;
    }

  return TRUE;
}

/* The scenarios read so far from one file, added to the library only when
 * the whole file reads. */
typedef struct {
  PtScenarioLibrary *self;
  GBytes            *text;
  gboolean           builtin;
  GPtrArray         *read; /* PtScenario */
  GHashTable        *seen; /* id -> PtScenario, of @read */
  GError            *error;
} ReadState;

static void
read_state_init (ReadState         *state,
                 PtScenarioLibrary *self,
                 GBytes            *text,
                 gboolean           builtin)
{
  state->self = self;
  state->text = text;
  state->builtin = builtin;
  state->read = g_ptr_array_new_with_free_func (g_object_unref);
  state->seen = g_hash_table_new (g_str_hash, g_str_equal);
  state->error = NULL;
}

static void
read_state_clear (ReadState *state)
{
  g_clear_pointer (&state->seen, g_hash_table_unref);
  g_clear_pointer (&state->read, g_ptr_array_unref);
  g_clear_error (&state->error);
}

/* Takes @scenario, read at @path, unless its id is taken. */
static gboolean
add_read (ReadState   *state,
          PtScenario  *scenario,
          const char  *path,
          GError     **error)
{
  const char *id = pt_scenario_get_id (scenario);

  g_ptr_array_add (state->read, scenario);
  if (g_hash_table_contains (state->seen, id) || g_hash_table_contains (state->self->by_id, id))
    {
      g_set_error (error, PT_FORMAT_ERROR, PT_FORMAT_ERROR_VALUE,
                   _("%s.id: “%s” is already the id of another scenario; ids must be unique"),
                   path, id);
      return FALSE;
    }
  g_hash_table_insert (state->seen, (gpointer) id, scenario);
  pt_scenario_set_builtin (scenario, state->builtin);

  return TRUE;
}

static void
commit (ReadState *state)
{
  PtScenarioLibrary *self = state->self;
  guint first = self->items->len;

  for (guint i = 0; i < state->read->len; i++)
    {
      PtScenario *scenario = g_ptr_array_index (state->read, i);

      g_hash_table_insert (self->by_id, (gpointer) pt_scenario_get_id (scenario), scenario);
      g_ptr_array_add (self->items, g_object_ref (scenario));
    }

  if (state->read->len > 0)
    items_changed (self, first, 0, state->read->len);
}

/* The text of @text; never NULL, even when empty. */
static const char *
text_data (GBytes *text,
           gsize  *length)
{
  const char *data = g_bytes_get_data (text, length);

  return data != NULL ? data : "";
}

/* The file's top: an object, of a format and kind we read, with a list of
 * scenarios. */
static JsonArray *
read_top (JsonNode  *root,
          GError   **error)
{
  JsonObject *object;

  if (!(object = pt_json_node_object (root, "", error)) || !read_header (object, error))
    return NULL;

  return pt_json_read_array (object, "", "scenarios", TRUE, error);
}

/* The whole tree at once, every visit built: for text the streaming reader
 * leaves alone, which includes every file that is not strict JSON. */
static gboolean
read_whole (ReadState   *state,
            GError     **error)
{
  g_autoptr(JsonNode) root = NULL;
  const char *data;
  gsize length;
  JsonArray *scenarios;

  data = text_data (state->text, &length);
  root = pt_json_parse (data, (gssize) length, _("The scenario library"), error);
  if (root == NULL || !(scenarios = read_top (root, error)))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (scenarios); i++)
    {
      g_autofree char *path = g_strdup_printf ("scenarios[%u]", i);
      JsonObject *sobject = pt_json_node_object (json_array_get_element (scenarios, i), path, error);
      PtScenario *scenario;

      if (sobject == NULL || !(scenario = pt_scenario_from_json_object (sobject, path, error)) ||
          !add_read (state, scenario, path, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
read_element (guint             index,
              const PtJsonLite *element,
              gpointer          user_data)
{
  ReadState *state = user_data;
  g_autofree char *path = g_strdup_printf ("scenarios[%u]", index);
  PtScenario *scenario = pt_scenario_from_json_lite (element, path, state->text, &state->error);

  return scenario != NULL && add_read (state, scenario, path, &state->error);
}

/* Appends every scenario of @text; nothing is added when it fails.
 *
 * The file is read one scenario at a time, each visit left as text until it
 * is first asked for: a tree of a whole large file would take some five
 * times its size. The messages are those of read_whole(): the top is checked
 * first, then the scenarios in order. */
static gboolean
read_library (PtScenarioLibrary  *self,
              GBytes             *text,
              gboolean            builtin,
              GError            **error)
{
  ReadState state;
  g_autoptr(JsonNode) root = NULL;
  const char *data;
  gsize length;
  gboolean ok;

  read_state_init (&state, self, text, builtin);
  data = text_data (text, &length);
  root = pt_json_fast_parse_list (data, length, "scenarios", read_element, &state, NULL);

  if (root == NULL)
    {
      read_state_clear (&state);
      read_state_init (&state, self, text, builtin);
      ok = read_whole (&state, error);
    }
  else if (!read_top (root, error))
    ok = FALSE;
  else if (state.error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&state.error));
      ok = FALSE;
    }
  else
    ok = TRUE;

  if (ok)
    commit (&state);
  read_state_clear (&state);

  return ok;
}

PtScenarioLibrary *
pt_scenario_library_new_from_data (const char  *data,
                                   gssize       length,
                                   GError     **error)
{
  g_autoptr(PtScenarioLibrary) self = pt_scenario_library_new ();
  g_autoptr(GBytes) text = NULL;

  g_return_val_if_fail (data != NULL, NULL);

  /* a copy: the scenarios keep their visits' text */
  text = g_bytes_new (data, length < 0 ? strlen (data) : (gsize) length);
  if (!read_library (self, text, FALSE, error))
    return NULL;

  return g_steal_pointer (&self);
}

/* The library the program ships, from the model's resources; its scenarios
 * are marked built in. */
PtScenarioLibrary *
pt_scenario_library_new_builtin (GError **error)
{
  g_autoptr(PtScenarioLibrary) self = pt_scenario_library_new ();
  g_autoptr(GBytes) bytes = NULL;

  bytes = g_resources_lookup_data (PT_SCENARIO_LIBRARY_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;

  if (!read_library (self, bytes, TRUE, error))
    {
      g_prefix_error (error, _("The built-in scenario library is damaged: "));
      return NULL;
    }

  return g_steal_pointer (&self);
}

PtScenarioLibrary *
pt_scenario_library_load_from_file (GFile   *file,
                                    GError **error)
{
  g_autoptr(PtScenarioLibrary) self = NULL;
  g_autoptr(GBytes) text = NULL;
  char *data;
  gsize length;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  data = pt_file_load_limited (file, PT_SCENARIO_LIBRARY_MAX_FILE_SIZE,
                               _("The scenario library"), &length, error);
  if (data == NULL)
    return NULL;

  /* the scenarios keep their visits' text in the file's buffer, uncopied */
  text = g_bytes_new_take (data, length);
  self = pt_scenario_library_new ();
  if (!read_library (self, text, FALSE, error))
    return NULL;

  return g_steal_pointer (&self);
}

char *
pt_scenario_library_to_data (PtScenarioLibrary *self,
                             gsize             *length)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (PT_IS_SCENARIO_LIBRARY (self), NULL);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "format");
  json_builder_add_int_value (b, PT_SCENARIO_LIBRARY_FORMAT);
  json_builder_set_member_name (b, "kind");
  json_builder_add_string_value (b, "scenario-library");
  json_builder_set_member_name (b, "scenarios");
  json_builder_begin_array (b);
  for (guint i = 0; i < self->items->len; i++)
    json_builder_add_value (b, pt_scenario_to_json_node (g_ptr_array_index (self->items, i)));
  json_builder_end_array (b);
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  json_generator_set_pretty (gen, TRUE);
  json_generator_set_indent (gen, 2);
  json_generator_set_root (gen, root);

  return json_generator_to_data (gen, length);
}

/* Writes every scenario of the library, built in or not, to @file: atomic,
 * mode 0600. */
gboolean
pt_scenario_library_save_to_file (PtScenarioLibrary  *self,
                                  GFile              *file,
                                  GError            **error)
{
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (PT_IS_SCENARIO_LIBRARY (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  data = pt_scenario_library_to_data (self, &length);
  return pt_file_save_private (file, data, length, error);
}

gboolean
pt_scenario_library_add (PtScenarioLibrary  *self,
                         PtScenario         *scenario,
                         GError            **error)
{
  const char *id;

  g_return_val_if_fail (PT_IS_SCENARIO_LIBRARY (self), FALSE);
  g_return_val_if_fail (PT_IS_SCENARIO (scenario), FALSE);

  id = pt_scenario_get_id (scenario);
  if (!pt_scenario_id_is_valid (id))
    {
      g_set_error (error, PT_SCENARIO_LIBRARY_ERROR, PT_SCENARIO_LIBRARY_ERROR_INVALID,
                   _("“%.40s” cannot be a scenario id: use 1 to %d lower-case letters, digits, “-”, “_” or “.”"),
                   id ? id : "", PT_SCENARIO_ID_MAX);
      return FALSE;
    }

  if (*pt_scenario_get_title (scenario) == '\0')
    {
      g_set_error (error, PT_SCENARIO_LIBRARY_ERROR, PT_SCENARIO_LIBRARY_ERROR_INVALID,
                   _("Scenario “%s” has no title; give it one before adding it"), id);
      return FALSE;
    }

  if (g_hash_table_contains (self->by_id, id))
    {
      g_set_error (error, PT_SCENARIO_LIBRARY_ERROR, PT_SCENARIO_LIBRARY_ERROR_DUPLICATE_ID,
                   _("The library already has a scenario with the id “%s”"), id);
      return FALSE;
    }

  g_ptr_array_add (self->items, g_object_ref (scenario));
  g_hash_table_insert (self->by_id, (gpointer) id, scenario);
  items_changed (self, self->items->len - 1, 0, 1);

  return TRUE;
}

/* The scenario @id, when it may be changed; else an error. */
static PtScenario *
lookup_editable (PtScenarioLibrary  *self,
                 const char         *id,
                 GError            **error)
{
  PtScenario *scenario = id ? g_hash_table_lookup (self->by_id, id) : NULL;

  if (scenario == NULL)
    {
      g_set_error (error, PT_SCENARIO_LIBRARY_ERROR, PT_SCENARIO_LIBRARY_ERROR_NOT_FOUND,
                   _("No scenario has the id “%.40s”"), id ? id : "");
      return NULL;
    }

  if (pt_scenario_get_builtin (scenario))
    {
      g_set_error (error, PT_SCENARIO_LIBRARY_ERROR, PT_SCENARIO_LIBRARY_ERROR_BUILTIN,
                   _("“%s” is a built-in scenario and cannot be changed; make a copy to edit it"),
                   pt_scenario_get_title (scenario));
      return NULL;
    }

  return scenario;
}

gboolean
pt_scenario_library_remove (PtScenarioLibrary  *self,
                            const char         *id,
                            GError            **error)
{
  PtScenario *scenario;
  gint position;

  g_return_val_if_fail (PT_IS_SCENARIO_LIBRARY (self), FALSE);

  if (!(scenario = lookup_editable (self, id, error)))
    return FALSE;

  position = position_of (self, scenario);
  g_assert (position >= 0);

  g_hash_table_remove (self->by_id, pt_scenario_get_id (scenario));
  g_ptr_array_remove_index (self->items, (guint) position);
  items_changed (self, (guint) position, 1, 0);

  return TRUE;
}

/* Gives scenario @id a new title. The row is reported as changed so that
 * filter and sort models look at it again. */
gboolean
pt_scenario_library_rename (PtScenarioLibrary  *self,
                            const char         *id,
                            const char         *title,
                            GError            **error)
{
  g_autofree char *clean = NULL;
  PtScenario *scenario;
  gint position;

  g_return_val_if_fail (PT_IS_SCENARIO_LIBRARY (self), FALSE);

  if (!(scenario = lookup_editable (self, id, error)))
    return FALSE;

  clean = g_strstrip (g_strdup (title ? title : ""));
  if (*clean == '\0')
    {
      g_set_error (error, PT_SCENARIO_LIBRARY_ERROR, PT_SCENARIO_LIBRARY_ERROR_INVALID,
                   _("A scenario’s title cannot be empty"));
      return FALSE;
    }

  if (g_strcmp0 (pt_scenario_get_title (scenario), clean) == 0)
    return TRUE;

  pt_scenario_set_title (scenario, clean);
  position = position_of (self, scenario);
  items_changed (self, (guint) position, 1, 1);

  return TRUE;
}

/* Transfer none; NULL when no scenario has @id. */
PtScenario *
pt_scenario_library_find_by_id (PtScenarioLibrary *self,
                                const char        *id)
{
  g_return_val_if_fail (PT_IS_SCENARIO_LIBRARY (self), NULL);

  if (id == NULL)
    return NULL;

  return g_hash_table_lookup (self->by_id, id);
}

/* Transfer none, unlike g_list_model_get_item(): for loops over the library. */
PtScenario *
pt_scenario_library_get_scenario (PtScenarioLibrary *self,
                                  guint              position)
{
  g_return_val_if_fail (PT_IS_SCENARIO_LIBRARY (self), NULL);
  g_return_val_if_fail (position < self->items->len, NULL);

  return g_ptr_array_index (self->items, position);
}

static gint
tag_rank (const char *tag)
{
  for (gint i = 0; pt_scenario_known_tags[i] != NULL; i++)
    if (strcmp (pt_scenario_known_tags[i], tag) == 0)
      return i;

  return G_MAXINT;
}

static gint
compare_tags (gconstpointer a,
              gconstpointer b)
{
  const char *ta = *(const char * const *) a;
  const char *tb = *(const char * const *) b;
  gint ra = tag_rank (ta), rb = tag_rank (tb);

  if (ra != rb)
    return ra < rb ? -1 : 1;

  return g_strcmp0 (ta, tb);
}

/* Every tag in use, each once: the documented tags in their documented order,
 * then any others alphabetically. For a tag chooser. */
char **
pt_scenario_library_dup_tags (PtScenarioLibrary *self)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) tags = g_ptr_array_new ();

  g_return_val_if_fail (PT_IS_SCENARIO_LIBRARY (self), NULL);

  for (guint i = 0; i < self->items->len; i++)
    {
      const char * const *st = pt_scenario_get_tags (g_ptr_array_index (self->items, i));

      for (guint k = 0; st[k] != NULL; k++)
        if (g_hash_table_add (seen, (gpointer) st[k]))
          g_ptr_array_add (tags, g_strdup (st[k]));
    }

  g_ptr_array_sort (tags, compare_tags);
  g_ptr_array_add (tags, NULL);

  return (char **) g_ptr_array_free (g_steal_pointer (&tags), FALSE);
}
