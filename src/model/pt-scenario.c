/* pt-scenario.c: a teaching scenario and its search-as-you-type matching
 *
 * A scenario keeps a lower-cased haystack of its title, summary, codes and
 * tags, rebuilt whenever one of them changes (the visit's "changed" signal
 * covers the codes), so that matching a query is a few substring searches
 * with no allocation for ASCII queries.
 *
 * A scenario read from a library may hold its visit as JSON text (a span of
 * the file, checked when the library was read) until pt_scenario_get_visit()
 * first asks for it: building thousands of visits at load would cost far
 * more than reading the file.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pt-codes.h"
#include "pt-json-fast.h"
#include "pt-scenario-private.h"
#include "pt-visit-io.h"

struct _PtScenario
{
  GObject   parent_instance;

  /* Owned */
  char     *id;
  char     *title;
  char     *summary;
  char    **tags;
  char    **teaching_points;
  PtVisit  *visit;       /* NULL until read when visit_text is set */
  GBytes   *visit_text;  /* the text holding the unread visit, or NULL */
  gsize     visit_offset;
  gsize     visit_length;
  GArray   *expected[2]; /* PtScenarioUnits, indexed by PtMethod */
  GArray   *modifiers;   /* PtScenarioModifier */
  char     *codes;
  char     *haystack;

  gboolean  builtin;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_SUMMARY,
  PROP_TAGS,
  PROP_TEACHING_POINTS,
  PROP_VISIT,
  PROP_BUILTIN,
  PROP_CODES,
  PROP_CMS_UNITS,
  PROP_AMA_UNITS,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (PtScenario, pt_scenario, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

const char * const pt_scenario_known_tags[] = {
  "reference", "cms-manual", "tie", "orphan-minutes", "untimed", "cms-vs-ama", "assistant",
  "documentation", "ncci", "long-visit", "neurologic", "vestibular", "musculoskeletal", NULL
};

/* A short label for a tag, for the sidebar's tag chooser. Unknown tags are
 * shown as they are. */
const char *
pt_scenario_tag_label (const char *tag)
{
  static const struct { const char *tag; const char *label; } labels[] = {
    { "reference", N_("Reference cases") },
    { "cms-manual", N_("Medicare manual examples") },
    { "tie", N_("Ties") },
    { "orphan-minutes", N_("Unbilled or pooled minutes") },
    { "untimed", N_("Untimed codes") },
    { "cms-vs-ama", N_("CMS and AMA differ") },
    { "assistant", N_("Assistant modifiers") },
    { "documentation", N_("Documentation") },
    { "ncci", N_("Code pairs (NCCI)") },
    { "long-visit", N_("Long visits") },
    { "neurologic", N_("Neurologic") },
    { "vestibular", N_("Vestibular") },
    { "musculoskeletal", N_("Musculoskeletal") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (labels[i].tag, tag) == 0)
      return _(labels[i].label);

  return tag;
}

/* An id is 1 to 64 lower-case letters, digits, '-', '_' or '.', starting with
 * a letter or digit: safe in a file, a URI or an action target. */
gboolean
pt_scenario_id_is_valid (const char *id)
{
  gsize len;

  if (id == NULL)
    return FALSE;

  len = strlen (id);
  if (len == 0 || len > PT_SCENARIO_ID_MAX)
    return FALSE;

  if (!g_ascii_islower (id[0]) && !g_ascii_isdigit (id[0]))
    return FALSE;

  for (gsize i = 1; i < len; i++)
    if (!g_ascii_islower (id[i]) && !g_ascii_isdigit (id[i]) &&
        id[i] != '-' && id[i] != '_' && id[i] != '.')
      return FALSE;

  return TRUE;
}

static void
update_search (PtScenario *self)
{
  g_autoptr(GString) codes = g_string_new (NULL);
  g_autoptr(GString) hay = g_string_new (NULL);
  g_autofree char *lower = NULL;
  gboolean codes_changed, ascii = TRUE;

  /* an unread visit's codes were noted when it was checked */
  if (self->visit == NULL)
    g_string_append (codes, self->codes);

  for (guint i = 0; self->visit != NULL && i < pt_visit_get_n_blocks (self->visit); i++)
    {
      const char *code = pt_block_get_code (pt_visit_get_block (self->visit, i));
      gboolean seen = FALSE;

      for (guint j = 0; j < i && !seen; j++)
        seen = g_strcmp0 (pt_block_get_code (pt_visit_get_block (self->visit, j)), code) == 0;
      if (seen || code == NULL || *code == '\0')
        continue;

      if (codes->len > 0)
        g_string_append (codes, ", ");
      g_string_append (codes, code);
    }

  g_string_append (hay, self->title);
  g_string_append_c (hay, '\n');
  g_string_append (hay, self->summary);
  g_string_append_c (hay, '\n');
  g_string_append (hay, codes->str);
  g_string_append_c (hay, '\n');
  for (guint i = 0; self->tags[i]; i++)
    {
      g_string_append (hay, self->tags[i]);
      g_string_append_c (hay, ' ');
    }

  /* ASCII text lowers the same byte by byte, in place and far faster */
  for (gsize i = 0; i < hay->len && ascii; i++)
    ascii = (guchar) hay->str[i] < 0x80;
  if (ascii)
    {
      for (char *c = hay->str; *c != '\0'; c++)
        if (*c >= 'A' && *c <= 'Z')
          *c += 'a' - 'A';
      lower = g_string_free (g_steal_pointer (&hay), FALSE);
    }
  else
    lower = g_utf8_strdown (hay->str, hay->len);
  g_free (self->haystack);
  self->haystack = g_steal_pointer (&lower);

  codes_changed = g_strcmp0 (self->codes, codes->str) != 0;
  if (codes_changed)
    {
      g_free (self->codes);
      self->codes = g_string_free (g_steal_pointer (&codes), FALSE);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CODES]);
    }
}

static void
on_visit_changed (PtScenario *self,
                  PtVisit    *visit)
{
  update_search (self);
}

static void
pt_scenario_dispose (GObject *object)
{
  PtScenario *self = (PtScenario *) object;

  g_clear_object (&self->visit);
  g_clear_pointer (&self->visit_text, g_bytes_unref);

  G_OBJECT_CLASS (pt_scenario_parent_class)->dispose (object);
}

static void
pt_scenario_finalize (GObject *object)
{
  PtScenario *self = (PtScenario *) object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->summary, g_free);
  g_clear_pointer (&self->tags, g_strfreev);
  g_clear_pointer (&self->teaching_points, g_strfreev);
  g_clear_pointer (&self->expected[PT_METHOD_CMS], g_array_unref);
  g_clear_pointer (&self->expected[PT_METHOD_AMA], g_array_unref);
  g_clear_pointer (&self->modifiers, g_array_unref);
  g_clear_pointer (&self->codes, g_free);
  g_clear_pointer (&self->haystack, g_free);

  G_OBJECT_CLASS (pt_scenario_parent_class)->finalize (object);
}

static void
pt_scenario_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  PtScenario *self = PT_SCENARIO (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;
    case PROP_TAGS:
      g_value_set_boxed (value, self->tags);
      break;
    case PROP_TEACHING_POINTS:
      g_value_set_boxed (value, self->teaching_points);
      break;
    case PROP_VISIT:
      g_value_set_object (value, pt_scenario_get_visit (self));
      break;
    case PROP_BUILTIN:
      g_value_set_boolean (value, self->builtin);
      break;
    case PROP_CODES:
      g_value_set_string (value, self->codes);
      break;
    case PROP_CMS_UNITS:
      g_value_set_int (value, pt_scenario_get_expected_total (self, PT_METHOD_CMS));
      break;
    case PROP_AMA_UNITS:
      g_value_set_int (value, pt_scenario_get_expected_total (self, PT_METHOD_AMA));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pt_scenario_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  PtScenario *self = PT_SCENARIO (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_free (self->id);
      self->id = g_value_dup_string (value);
      break;
    case PROP_TITLE:
      pt_scenario_set_title (self, g_value_get_string (value));
      break;
    case PROP_SUMMARY:
      pt_scenario_set_summary (self, g_value_get_string (value));
      break;
    case PROP_TAGS:
      pt_scenario_set_tags (self, g_value_get_boxed (value));
      break;
    case PROP_TEACHING_POINTS:
      pt_scenario_set_teaching_points (self, g_value_get_boxed (value));
      break;
    case PROP_VISIT:
      pt_scenario_set_visit (self, g_value_get_object (value));
      break;
    case PROP_BUILTIN:
      pt_scenario_set_builtin (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pt_scenario_class_init (PtScenarioClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = pt_scenario_dispose;
  object_class->finalize = pt_scenario_finalize;
  object_class->get_property = pt_scenario_get_property;
  object_class->set_property = pt_scenario_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, "", flags);
  properties[PROP_SUMMARY] = g_param_spec_string ("summary", NULL, NULL, "", flags);
  properties[PROP_TAGS] = g_param_spec_boxed ("tags", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_TEACHING_POINTS] =
    g_param_spec_boxed ("teaching-points", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_VISIT] = g_param_spec_object ("visit", NULL, NULL, PT_TYPE_VISIT, flags);
  properties[PROP_BUILTIN] = g_param_spec_boolean ("builtin", NULL, NULL, FALSE, flags);
  properties[PROP_CODES] = g_param_spec_string ("codes", NULL, NULL, "", ro);
  properties[PROP_CMS_UNITS] = g_param_spec_int ("cms-units", NULL, NULL, 0, G_MAXINT, 0, ro);
  properties[PROP_AMA_UNITS] = g_param_spec_int ("ama-units", NULL, NULL, 0, G_MAXINT, 0, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pt_scenario_init (PtScenario *self)
{
  self->title = g_strdup ("");
  self->summary = g_strdup ("");
  self->tags = g_new0 (char *, 1);
  self->teaching_points = g_new0 (char *, 1);
  self->expected[PT_METHOD_CMS] = g_array_new (FALSE, TRUE, sizeof (PtScenarioUnits));
  self->expected[PT_METHOD_AMA] = g_array_new (FALSE, TRUE, sizeof (PtScenarioUnits));
  self->modifiers = g_array_new (FALSE, TRUE, sizeof (PtScenarioModifier));
  self->codes = g_strdup ("");
  self->haystack = g_strdup ("");
}

/* A scenario with an empty visit when @visit is NULL. */
PtScenario *
pt_scenario_new (const char *id,
                 const char *title,
                 PtVisit    *visit)
{
  g_autoptr(PtVisit) empty = NULL;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (visit == NULL || PT_IS_VISIT (visit), NULL);

  if (visit == NULL)
    visit = empty = pt_visit_new ();

  return g_object_new (PT_TYPE_SCENARIO,
                       "id", id,
                       "title", title ? title : "",
                       "visit", visit,
                       NULL);
}

/* A scenario whose visit is the JSON object at @offset of @text (@length
 * bytes), already checked, read on first use. @codes are its blocks'
 * distinct codes as pt_scenario_get_codes() gives them, found by that check.
 * Takes @title, @summary, @tags, @points and @codes (none NULL); every field
 * is set at once, with one search text. */
PtScenario *
pt_scenario_new_lazy (const char  *id,
                      char        *title,
                      char        *summary,
                      char       **tags,
                      char       **points,
                      char        *codes,
                      GBytes      *text,
                      gsize        offset,
                      gsize        length)
{
  PtScenario *self;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (title != NULL && summary != NULL && codes != NULL, NULL);
  g_return_val_if_fail (tags != NULL && points != NULL, NULL);
  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (offset + length <= g_bytes_get_size (text), NULL);

  self = g_object_new (PT_TYPE_SCENARIO, NULL);
  self->id = g_strdup (id);
  g_free (self->title);
  self->title = title;
  g_free (self->summary);
  self->summary = summary;
  g_strfreev (self->tags);
  self->tags = tags;
  g_strfreev (self->teaching_points);
  self->teaching_points = points;
  g_free (self->codes);
  self->codes = codes;

  self->visit_text = g_bytes_ref (text);
  self->visit_offset = offset;
  self->visit_length = length;
  update_search (self);

  return self;
}

/* A deep copy under a new id; the copy is never built in, so it can be edited. */
PtScenario *
pt_scenario_copy (PtScenario *self,
                  const char *id)
{
  g_autoptr(PtVisit) visit = NULL;
  PtScenario *copy;

  g_return_val_if_fail (PT_IS_SCENARIO (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  visit = pt_visit_copy (pt_scenario_get_visit (self));
  copy = pt_scenario_new (id, self->title, visit);
  pt_scenario_set_summary (copy, self->summary);
  pt_scenario_set_tags (copy, (const char * const *) self->tags);
  pt_scenario_set_teaching_points (copy, (const char * const *) self->teaching_points);
  for (guint m = 0; m < G_N_ELEMENTS (self->expected); m++)
    g_array_append_vals (copy->expected[m], self->expected[m]->data, self->expected[m]->len);
  g_array_append_vals (copy->modifiers, self->modifiers->data, self->modifiers->len);

  return copy;
}

const char *
pt_scenario_get_id (PtScenario *self)
{
  g_return_val_if_fail (PT_IS_SCENARIO (self), NULL);

  return self->id;
}

const char *
pt_scenario_get_title (PtScenario *self)
{
  g_return_val_if_fail (PT_IS_SCENARIO (self), NULL);

  return self->title;
}

void
pt_scenario_set_title (PtScenario *self,
                       const char *title)
{
  g_return_if_fail (PT_IS_SCENARIO (self));

  if (title == NULL)
    title = "";
  if (g_strcmp0 (self->title, title) == 0)
    return;

  g_free (self->title);
  self->title = g_strdup (title);
  update_search (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
pt_scenario_get_summary (PtScenario *self)
{
  g_return_val_if_fail (PT_IS_SCENARIO (self), NULL);

  return self->summary;
}

void
pt_scenario_set_summary (PtScenario *self,
                         const char *summary)
{
  g_return_if_fail (PT_IS_SCENARIO (self));

  if (summary == NULL)
    summary = "";
  if (g_strcmp0 (self->summary, summary) == 0)
    return;

  g_free (self->summary);
  self->summary = g_strdup (summary);
  update_search (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUMMARY]);
}

static gboolean
strv_equal0 (const char * const *a,
             const char * const *b)
{
  static const char * const empty[] = { NULL };

  return g_strv_equal (a ? a : empty, b ? b : empty);
}

const char * const *
pt_scenario_get_tags (PtScenario *self)
{
  g_return_val_if_fail (PT_IS_SCENARIO (self), NULL);

  return (const char * const *) self->tags;
}

void
pt_scenario_set_tags (PtScenario         *self,
                      const char * const *tags)
{
  g_return_if_fail (PT_IS_SCENARIO (self));

  if (strv_equal0 ((const char * const *) self->tags, tags))
    return;

  g_strfreev (self->tags);
  self->tags = tags ? g_strdupv ((char **) tags) : g_new0 (char *, 1);
  update_search (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TAGS]);
}

gboolean
pt_scenario_has_tag (PtScenario *self,
                     const char *tag)
{
  g_return_val_if_fail (PT_IS_SCENARIO (self), FALSE);

  return tag != NULL && g_strv_contains ((const char * const *) self->tags, tag);
}

const char * const *
pt_scenario_get_teaching_points (PtScenario *self)
{
  g_return_val_if_fail (PT_IS_SCENARIO (self), NULL);

  return (const char * const *) self->teaching_points;
}

void
pt_scenario_set_teaching_points (PtScenario         *self,
                                 const char * const *points)
{
  g_return_if_fail (PT_IS_SCENARIO (self));

  if (strv_equal0 ((const char * const *) self->teaching_points, points))
    return;

  g_strfreev (self->teaching_points);
  self->teaching_points = points ? g_strdupv ((char **) points) : g_new0 (char *, 1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEACHING_POINTS]);
}

static void
attach_visit (PtScenario *self,
              PtVisit    *visit)
{
  g_set_object (&self->visit, visit);
  g_signal_connect_object (visit, "changed", G_CALLBACK (on_visit_changed), self,
                           G_CONNECT_SWAPPED);
}

/* Reads the visit kept as text. The library reader's quick check
 * (pt_scenario_from_json_lite()) passed it, so it reads; should it not, the
 * scenario gets an empty visit rather than none. */
static void
read_visit_text (PtScenario *self)
{
  g_autoptr(GBytes) text = g_steal_pointer (&self->visit_text);
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(PtVisit) visit = NULL;
  g_autoptr(GError) error = NULL;
  const char *data = g_bytes_get_data (text, NULL);

  node = pt_json_fast_parse (data + self->visit_offset, self->visit_length, &error);
  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    visit = pt_visit_from_json_object (json_node_get_object (node), "visit", FALSE, &error);

  if (visit == NULL)
    {
      g_critical ("Scenario “%s”: its visit was checked but does not read: %s",
                  self->id, error != NULL ? error->message : "not an object");
      visit = pt_visit_new ();
    }

  attach_visit (self, visit);
}

/* The visit, read now if the scenario still holds it as text. */
PtVisit *
pt_scenario_get_visit (PtScenario *self)
{
  g_return_val_if_fail (PT_IS_SCENARIO (self), NULL);

  if (self->visit == NULL && self->visit_text != NULL)
    read_visit_text (self);

  return self->visit;
}

/* Has the visit been built (FALSE while it is still text)? */
gboolean
pt_scenario_has_visit_object (PtScenario *self)
{
  g_return_val_if_fail (PT_IS_SCENARIO (self), FALSE);

  return self->visit != NULL;
}

void
pt_scenario_set_visit (PtScenario *self,
                       PtVisit    *visit)
{
  g_return_if_fail (PT_IS_SCENARIO (self));
  g_return_if_fail (PT_IS_VISIT (visit));

  if (self->visit == visit)
    return;

  g_clear_pointer (&self->visit_text, g_bytes_unref);
  if (self->visit != NULL)
    g_signal_handlers_disconnect_by_func (self->visit, on_visit_changed, self);
  attach_visit (self, visit);
  update_search (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VISIT]);
}

gboolean
pt_scenario_get_builtin (PtScenario *self)
{
  g_return_val_if_fail (PT_IS_SCENARIO (self), FALSE);

  return self->builtin;
}

void
pt_scenario_set_builtin (PtScenario *self,
                         gboolean    builtin)
{
  g_return_if_fail (PT_IS_SCENARIO (self));

  builtin = !!builtin;
  if (self->builtin == builtin)
    return;

  self->builtin = builtin;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUILTIN]);
}

/* The visit's distinct codes in entry order, as "97112, 97110". */
const char *
pt_scenario_get_codes (PtScenario *self)
{
  g_return_val_if_fail (PT_IS_SCENARIO (self), NULL);

  return self->codes;
}

static GArray *
expected_array (PtScenario *self,
                PtMethod    method)
{
  return self->expected[method == PT_METHOD_AMA ? PT_METHOD_AMA : PT_METHOD_CMS];
}

/* The units the scenario teaches for @code, or -1 when it states none. */
gint
pt_scenario_get_expected_units (PtScenario *self,
                                PtMethod    method,
                                const char *code)
{
  GArray *array;

  g_return_val_if_fail (PT_IS_SCENARIO (self), -1);
  g_return_val_if_fail (code != NULL, -1);

  array = expected_array (self, method);
  for (guint i = 0; i < array->len; i++)
    if (strcmp (g_array_index (array, PtScenarioUnits, i).code, code) == 0)
      return g_array_index (array, PtScenarioUnits, i).units;

  return -1;
}

/* Every code the scenario states units for, in the order they were set. */
const PtScenarioUnits *
pt_scenario_get_expected (PtScenario *self,
                          PtMethod    method,
                          guint      *n_codes)
{
  GArray *array;

  g_return_val_if_fail (PT_IS_SCENARIO (self), NULL);
  g_return_val_if_fail (n_codes != NULL, NULL);

  array = expected_array (self, method);
  *n_codes = array->len;

  return (const PtScenarioUnits *) (gconstpointer) array->data;
}

gint
pt_scenario_get_expected_total (PtScenario *self,
                                PtMethod    method)
{
  GArray *array;
  gint total = 0;

  g_return_val_if_fail (PT_IS_SCENARIO (self), 0);

  array = expected_array (self, method);
  for (guint i = 0; i < array->len; i++)
    total += g_array_index (array, PtScenarioUnits, i).units;

  return total;
}

static void
notify_units (PtScenario *self,
              PtMethod    method)
{
  g_object_notify_by_pspec (G_OBJECT (self),
                            properties[method == PT_METHOD_AMA ? PROP_AMA_UNITS : PROP_CMS_UNITS]);
}

void
pt_scenario_set_expected_units (PtScenario *self,
                                PtMethod    method,
                                const char *code,
                                gint        units)
{
  PtScenarioUnits entry = { { 0 }, 0 };
  GArray *array;

  g_return_if_fail (PT_IS_SCENARIO (self));
  g_return_if_fail (pt_code_is_valid (code));
  g_return_if_fail (units >= 0 && units <= PT_SCENARIO_MAX_UNITS);

  array = expected_array (self, method);
  for (guint i = 0; i < array->len; i++)
    {
      PtScenarioUnits *e = &g_array_index (array, PtScenarioUnits, i);

      if (strcmp (e->code, code) == 0)
        {
          if (e->units != units)
            {
              e->units = units;
              notify_units (self, method);
            }
          return;
        }
    }

  g_strlcpy (entry.code, code, sizeof entry.code);
  entry.units = units;
  g_array_append_val (array, entry);
  notify_units (self, method);
}

void
pt_scenario_clear_expected (PtScenario *self,
                            PtMethod    method)
{
  GArray *array;

  g_return_if_fail (PT_IS_SCENARIO (self));

  array = expected_array (self, method);
  if (array->len == 0)
    return;

  g_array_set_size (array, 0);
  notify_units (self, method);
}

/* Every code with a stated assistant modifier answer (CMS, dates from 2022). */
const PtScenarioModifier *
pt_scenario_get_expected_modifiers (PtScenario *self,
                                    guint      *n_codes)
{
  g_return_val_if_fail (PT_IS_SCENARIO (self), NULL);
  g_return_val_if_fail (n_codes != NULL, NULL);

  *n_codes = self->modifiers->len;

  return (const PtScenarioModifier *) (gconstpointer) self->modifiers->data;
}

/* The modifier answer for @code, or NULL when the scenario states none. */
const PtScenarioModifier *
pt_scenario_get_expected_modifier (PtScenario *self,
                                   const char *code)
{
  g_return_val_if_fail (PT_IS_SCENARIO (self), NULL);
  g_return_val_if_fail (code != NULL, NULL);

  for (guint i = 0; i < self->modifiers->len; i++)
    if (strcmp (g_array_index (self->modifiers, PtScenarioModifier, i).code, code) == 0)
      return &g_array_index (self->modifiers, PtScenarioModifier, i);

  return NULL;
}

void
pt_scenario_set_expected_modifier (PtScenario *self,
                                   const char *code,
                                   gint        units,
                                   const char *modifier)
{
  PtScenarioModifier entry = { { 0 }, 0, { 0 } };
  PtScenarioModifier *e;

  g_return_if_fail (PT_IS_SCENARIO (self));
  g_return_if_fail (pt_code_is_valid (code));
  g_return_if_fail (units >= 0 && units <= PT_SCENARIO_MAX_UNITS);
  g_return_if_fail (g_strcmp0 (modifier, "CQ") == 0 || g_strcmp0 (modifier, "CO") == 0);

  e = (PtScenarioModifier *) pt_scenario_get_expected_modifier (self, code);
  if (e == NULL)
    {
      g_array_append_val (self->modifiers, entry);
      e = &g_array_index (self->modifiers, PtScenarioModifier, self->modifiers->len - 1);
      g_strlcpy (e->code, code, sizeof e->code);
    }
  e->units = units;
  g_strlcpy (e->modifier, modifier, sizeof e->modifier);
}

/* The lower-cased text the search filter looks in: title, summary, codes, tags. */
const char *
pt_scenario_get_search_text (PtScenario *self)
{
  g_return_val_if_fail (PT_IS_SCENARIO (self), NULL);

  return self->haystack;
}

/* Is the lower-cased @word (@len bytes, not terminated) in @haystack? ASCII
 * words are lowered into a stack buffer; others go through g_utf8_strdown. */
static gboolean
contains_word (const char *haystack,
               const char *word,
               gsize       len)
{
  char buf[128];
  gboolean ascii = len < sizeof buf;
  g_autofree char *lower = NULL;

  for (gsize i = 0; ascii && i < len; i++)
    {
      if ((guchar) word[i] >= 0x80)
        ascii = FALSE;
      else
        buf[i] = g_ascii_tolower (word[i]);
    }

  if (ascii)
    {
      buf[len] = '\0';
      return strstr (haystack, buf) != NULL;
    }

  lower = g_utf8_strdown (word, len);
  return strstr (haystack, lower) != NULL;
}

/* The search-as-you-type test: @tag (when not NULL or empty) must be one of
 * the scenario's tags, and every word of @query must appear, case-insensitive,
 * somewhere in its title, summary, codes or tags. An empty query matches. */
gboolean
pt_scenario_matches (PtScenario *self,
                     const char *query,
                     const char *tag)
{
  const char *p;

  g_return_val_if_fail (PT_IS_SCENARIO (self), FALSE);

  if (tag != NULL && *tag != '\0' && !pt_scenario_has_tag (self, tag))
    return FALSE;

  if (query == NULL)
    return TRUE;

  p = query;
  while (*p != '\0')
    {
      const char *start;

      while (*p != '\0' && g_ascii_isspace (*p))
        p++;
      start = p;
      while (*p != '\0' && !g_ascii_isspace (*p))
        p++;

      if (p > start && !contains_word (self->haystack, start, (gsize) (p - start)))
        return FALSE;
    }

  return TRUE;
}
