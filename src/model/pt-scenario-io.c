/* pt-scenario-io.c: read and write one scenario of a library file
 *
 * Every error names the member's path ("scenarios[3].visit.blocks[0].minutes:
 * ..."), unknown members are ignored and optional ones get defaults, as in
 * visit files.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pt-codes.h"
#include "pt-format-error.h"
#include "pt-json-read.h"
#include "pt-scenario-io.h"
#include "pt-visit-io.h"

static const char * const modifier_names[] = { "CQ", "CO", NULL };

/* An optional object member: TRUE with *@out NULL when absent. */
static gboolean
read_object (JsonObject  *object,
             const char  *path,
             const char  *member,
             JsonObject **out,
             GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);
  g_autofree char *full = NULL;

  *out = NULL;
  if (node == NULL)
    return TRUE;

  full = pt_json_path (path, member);
  *out = pt_json_node_object (node, full, error);

  return *out != NULL;
}

static gboolean
check_code (const char  *path,
            const char  *code,
            GError     **error)
{
  if (pt_code_is_valid (code))
    return TRUE;

  g_set_error (error, PT_FORMAT_ERROR, PT_FORMAT_ERROR_VALUE,
               _("%s: “%.20s” is not a code; a code is five digits or a capital letter and four digits"),
               path, code);
  return FALSE;
}

/* "expected": {"cms": {"97112": 2}, "ama": {...}} */
static gboolean
read_expected (JsonObject  *object,
               const char  *path,
               PtScenario  *scenario,
               GError     **error)
{
  g_autofree char *epath = pt_json_path (path, "expected");
  JsonObject *expected;

  if (!read_object (object, path, "expected", &expected, error))
    return FALSE;
  if (expected == NULL)
    return TRUE;

  for (gint m = 0; pt_method_names[m] != NULL; m++)
    {
      g_autofree char *mpath = pt_json_path (epath, pt_method_names[m]);
      g_autoptr(GList) codes = NULL;
      JsonObject *units;

      if (!read_object (expected, epath, pt_method_names[m], &units, error))
        return FALSE;
      if (units == NULL)
        continue;

      codes = json_object_get_members (units);
      for (GList *l = codes; l != NULL; l = l->next)
        {
          const char *code = l->data;
          gint64 value;

          if (!check_code (mpath, code, error) ||
              !pt_json_read_int (units, mpath, code, TRUE, 0, PT_SCENARIO_MAX_UNITS, 0, &value, error))
            return FALSE;
          pt_scenario_set_expected_units (scenario, (PtMethod) m, code, (gint) value);
        }
    }

  return TRUE;
}

/* "expected_modifiers": {"cms": {"97110": {"units_with_modifier": 1, "modifier": "CQ"}}} */
static gboolean
read_expected_modifiers (JsonObject  *object,
                         const char  *path,
                         PtScenario  *scenario,
                         GError     **error)
{
  g_autofree char *epath = pt_json_path (path, "expected_modifiers");
  g_autofree char *cpath = pt_json_path (epath, "cms");
  g_autoptr(GList) codes = NULL;
  JsonObject *expected, *cms;

  if (!read_object (object, path, "expected_modifiers", &expected, error))
    return FALSE;
  if (expected == NULL)
    return TRUE;

  if (!read_object (expected, epath, "cms", &cms, error))
    return FALSE;
  if (cms == NULL)
    return TRUE;

  codes = json_object_get_members (cms);
  for (GList *l = codes; l != NULL; l = l->next)
    {
      const char *code = l->data;
      g_autofree char *mpath = pt_json_path (cpath, code);
      g_autofree char *modifier = NULL;
      JsonObject *entry;
      gint64 units;

      if (!check_code (cpath, code, error) ||
          !read_object (cms, cpath, code, &entry, error) ||
          !pt_json_read_int (entry, mpath, "units_with_modifier", TRUE, 0, PT_SCENARIO_MAX_UNITS, 0,
                             &units, error) ||
          !pt_json_read_string (entry, mpath, "modifier", TRUE, NULL, &modifier, error))
        return FALSE;

      if (!g_strv_contains (modifier_names, modifier))
        {
          g_autofree char *full = pt_json_path (mpath, "modifier");

          g_set_error (error, PT_FORMAT_ERROR, PT_FORMAT_ERROR_VALUE,
                       _("%s: expected “CQ” or “CO”, found “%.20s”"), full, modifier);
          return FALSE;
        }

      pt_scenario_set_expected_modifier (scenario, code, (gint) units, modifier);
    }

  return TRUE;
}

/* Reads the scenario at @path ("scenarios[3]"). */
PtScenario *
pt_scenario_from_json_object (JsonObject  *object,
                              const char  *path,
                              GError     **error)
{
  g_autoptr(PtScenario) scenario = NULL;
  g_autoptr(PtVisit) visit = NULL;
  g_autofree char *id = NULL, *title = NULL, *summary = NULL, *vpath = NULL;
  g_auto(GStrv) tags = NULL, points = NULL;
  JsonObject *vobject;
  JsonNode *vnode;

  if (!pt_json_read_string (object, path, "id", TRUE, NULL, &id, error))
    return NULL;

  if (!pt_scenario_id_is_valid (id))
    {
      g_autofree char *full = pt_json_path (path, "id");

      g_set_error (error, PT_FORMAT_ERROR, PT_FORMAT_ERROR_VALUE,
                   _("%s: expected 1 to %d lower-case letters, digits, “-”, “_” or “.”, starting with a letter or digit, found “%.40s”"),
                   full, PT_SCENARIO_ID_MAX, id);
      return NULL;
    }

  if (!pt_json_read_string (object, path, "title", TRUE, NULL, &title, error))
    return NULL;

  g_strstrip (title);
  if (*title == '\0')
    {
      g_autofree char *full = pt_json_path (path, "title");

      g_set_error (error, PT_FORMAT_ERROR, PT_FORMAT_ERROR_VALUE,
                   _("%s: the title is empty; every scenario needs one"), full);
      return NULL;
    }

  if (!pt_json_read_string (object, path, "summary", FALSE, "", &summary, error) ||
      !pt_json_read_strv (object, path, "tags", &tags, error) ||
      !pt_json_read_strv (object, path, "teaching_points", &points, error))
    return NULL;

  for (guint i = 0; tags[i] != NULL; i++)
    if (*g_strstrip (tags[i]) == '\0')
      {
        g_autofree char *full = pt_json_path (path, "tags");

        g_set_error (error, PT_FORMAT_ERROR, PT_FORMAT_ERROR_VALUE,
                     _("%s[%u]: a tag cannot be empty"), full, i);
        return NULL;
      }

  vpath = pt_json_path (path, "visit");
  vnode = json_object_get_member (object, "visit");
  if (vnode == NULL)
    {
      g_set_error (error, PT_FORMAT_ERROR, PT_FORMAT_ERROR_MISSING,
                   _("%s: missing; it is required"), vpath);
      return NULL;
    }

  if (!(vobject = pt_json_node_object (vnode, vpath, error)) ||
      !(visit = pt_visit_from_json_object (vobject, vpath, FALSE, error)))
    return NULL;

  scenario = pt_scenario_new (id, title, visit);
  pt_scenario_set_summary (scenario, summary);
  pt_scenario_set_tags (scenario, (const char * const *) tags);
  pt_scenario_set_teaching_points (scenario, (const char * const *) points);

  if (!read_expected (object, path, scenario, error) ||
      !read_expected_modifiers (object, path, scenario, error))
    return NULL;

  return g_steal_pointer (&scenario);
}

static void
add_string (JsonBuilder *b,
            const char  *member,
            const char  *value)
{
  json_builder_set_member_name (b, member);
  json_builder_add_string_value (b, value ? value : "");
}

static void
add_strv (JsonBuilder        *b,
          const char         *member,
          const char * const *values)
{
  json_builder_set_member_name (b, member);
  json_builder_begin_array (b);
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    json_builder_add_string_value (b, values[i]);
  json_builder_end_array (b);
}

/* The visit as a member of a scenario: the visit file's object without the
 * file header ("format" and "kind"). */
static JsonNode *
visit_member_node (PtVisit *visit)
{
  g_autoptr(JsonNode) file_node = pt_visit_to_json_node (visit);
  JsonObject *file_object = json_node_get_object (file_node);
  g_autoptr(JsonObject) object = json_object_new ();
  g_autoptr(GList) members = json_object_get_members (file_object);
  JsonNode *node;

  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *name = l->data;

      if (strcmp (name, "format") == 0 || strcmp (name, "kind") == 0)
        continue;
      json_object_set_member (object, name,
                              json_node_copy (json_object_get_member (file_object, name)));
    }

  node = json_node_new (JSON_NODE_OBJECT);
  json_node_set_object (node, object);

  return node;
}

JsonNode *
pt_scenario_to_json_node (PtScenario *self)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  const PtScenarioModifier *mods;
  guint n_mods;

  g_return_val_if_fail (PT_IS_SCENARIO (self), NULL);

  json_builder_begin_object (b);
  add_string (b, "id", pt_scenario_get_id (self));
  add_string (b, "title", pt_scenario_get_title (self));
  add_string (b, "summary", pt_scenario_get_summary (self));
  add_strv (b, "tags", pt_scenario_get_tags (self));
  add_strv (b, "teaching_points", pt_scenario_get_teaching_points (self));

  json_builder_set_member_name (b, "expected");
  json_builder_begin_object (b);
  for (gint m = 0; pt_method_names[m] != NULL; m++)
    {
      guint n;
      const PtScenarioUnits *units = pt_scenario_get_expected (self, (PtMethod) m, &n);

      json_builder_set_member_name (b, pt_method_names[m]);
      json_builder_begin_object (b);
      for (guint i = 0; i < n; i++)
        {
          json_builder_set_member_name (b, units[i].code);
          json_builder_add_int_value (b, units[i].units);
        }
      json_builder_end_object (b);
    }
  json_builder_end_object (b);

  mods = pt_scenario_get_expected_modifiers (self, &n_mods);
  if (n_mods > 0)
    {
      json_builder_set_member_name (b, "expected_modifiers");
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "cms");
      json_builder_begin_object (b);
      for (guint i = 0; i < n_mods; i++)
        {
          json_builder_set_member_name (b, mods[i].code);
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "units_with_modifier");
          json_builder_add_int_value (b, mods[i].units);
          add_string (b, "modifier", mods[i].modifier);
          json_builder_end_object (b);
        }
      json_builder_end_object (b);
      json_builder_end_object (b);
    }

  json_builder_set_member_name (b, "visit");
  json_builder_add_value (b, visit_member_node (pt_scenario_get_visit (self)));
  json_builder_end_object (b);

  return json_builder_get_root (b);
}
