/* pt-scenario-io.c: read and write one scenario of a library file
 *
 * Every error names the member's path ("scenarios[3].visit.blocks[0].minutes:
 * ..."), unknown members are ignored and optional ones get defaults, as in
 * visit files.
 *
 * pt_scenario_from_json_lite() reads a scenario from the library reader's
 * lite index of its text: quick checks, which take only what the readers
 * surely take, let the scenario go without a json-glib tree and its visit
 * wait as text until first used; a scenario they doubt is read the usual
 * way, which gives the verdict and the message.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pt-codes.h"
#include "pt-format-error.h"
#include "pt-json-read.h"
#include "pt-json-write.h"
#include "pt-scenario-io.h"
#include "pt-scenario-private.h"
#include "pt-visit-io.h"

/* The longest text pt_json_read_string() takes (PT_JSON_MAX_STRING); the
 * quick check leaves longer ones to it. */
#define LITE_MAX_TEXT (64 * 1024)

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

/* What a scenario has besides its visit and its answers. */
typedef struct {
  char  *id;
  char  *title;
  char  *summary;
  GStrv  tags;
  GStrv  points;
} Head;

static void
head_clear (Head *head)
{
  g_clear_pointer (&head->id, g_free);
  g_clear_pointer (&head->title, g_free);
  g_clear_pointer (&head->summary, g_free);
  g_clear_pointer (&head->tags, g_strfreev);
  g_clear_pointer (&head->points, g_strfreev);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Head, head_clear)

static gboolean
read_head (JsonObject  *object,
           const char  *path,
           Head        *head,
           GError     **error)
{
  if (!pt_json_read_string (object, path, "id", TRUE, NULL, &head->id, error))
    return FALSE;

  if (!pt_scenario_id_is_valid (head->id))
    {
      g_autofree char *full = pt_json_path (path, "id");

      g_set_error (error, PT_FORMAT_ERROR, PT_FORMAT_ERROR_VALUE,
                   _("%s: expected 1 to %d lower-case letters, digits, “-”, “_” or “.”, starting with a letter or digit, found “%.40s”"),
                   full, PT_SCENARIO_ID_MAX, head->id);
      return FALSE;
    }

  if (!pt_json_read_string (object, path, "title", TRUE, NULL, &head->title, error))
    return FALSE;

  g_strstrip (head->title);
  if (*head->title == '\0')
    {
      g_autofree char *full = pt_json_path (path, "title");

      g_set_error (error, PT_FORMAT_ERROR, PT_FORMAT_ERROR_VALUE,
                   _("%s: the title is empty; every scenario needs one"), full);
      return FALSE;
    }

  if (!pt_json_read_string (object, path, "summary", FALSE, "", &head->summary, error) ||
      !pt_json_read_strv (object, path, "tags", &head->tags, error) ||
      !pt_json_read_strv (object, path, "teaching_points", &head->points, error))
    return FALSE;

  for (guint i = 0; head->tags[i] != NULL; i++)
    if (*g_strstrip (head->tags[i]) == '\0')
      {
        g_autofree char *full = pt_json_path (path, "tags");

        g_set_error (error, PT_FORMAT_ERROR, PT_FORMAT_ERROR_VALUE,
                     _("%s[%u]: a tag cannot be empty"), full, i);
        return FALSE;
      }

  return TRUE;
}

static PtScenario *
scenario_with_visit (Head    *head,
                     PtVisit *visit)
{
  PtScenario *scenario = pt_scenario_new (head->id, head->title, visit);

  pt_scenario_set_summary (scenario, head->summary);
  pt_scenario_set_tags (scenario, (const char * const *) head->tags);
  pt_scenario_set_teaching_points (scenario, (const char * const *) head->points);

  return scenario;
}

/* The answers, after the visit, as the file's readers have always read them. */
static PtScenario *
finish (PtScenario  *scenario,
        JsonObject  *object,
        const char  *path,
        GError     **error)
{
  if (!read_expected (object, path, scenario, error) ||
      !read_expected_modifiers (object, path, scenario, error))
    {
      g_object_unref (scenario);
      return NULL;
    }

  return scenario;
}

static PtVisit *
read_visit_node (JsonNode    *vnode,
                 const char  *vpath,
                 GError     **error)
{
  JsonObject *vobject;

  if (vnode == NULL)
    {
      g_set_error (error, PT_FORMAT_ERROR, PT_FORMAT_ERROR_MISSING,
                   _("%s: missing; it is required"), vpath);
      return NULL;
    }

  if (!(vobject = pt_json_node_object (vnode, vpath, error)))
    return NULL;

  return pt_visit_from_json_object (vobject, vpath, FALSE, error);
}

/* Reads the scenario at @path ("scenarios[3]"). */
PtScenario *
pt_scenario_from_json_object (JsonObject  *object,
                              const char  *path,
                              GError     **error)
{
  g_auto(Head) head = { NULL, NULL, NULL, NULL, NULL };
  g_autoptr(PtVisit) visit = NULL;
  g_autofree char *vpath = NULL;

  if (!read_head (object, path, &head, error))
    return NULL;

  vpath = pt_json_path (path, "visit");
  if (!(visit = read_visit_node (json_object_get_member (object, "visit"), vpath, error)))
    return NULL;

  return finish (scenario_with_visit (&head, visit), object, path, error);
}

/* The quick check of a visit kept as text: a yes or a "see the reader".
 * Each test takes only what the visit reader (pt-visit-io.c) surely takes;
 * anything else, even what it might take (escaped codes, very long text),
 * fails the check and goes to the reader itself, for its verdict and its
 * message. test-json-fast holds the two to the same answers. */

static gboolean
lite_is (const PtJsonLite *lite,
         gint              value,
         PtJsonLiteType    type)
{
  return value >= 0 && lite->values[value].type == type;
}

/* Absent, or text no longer than the reader takes. */
static gboolean
lite_text_ok (const PtJsonLite *lite,
              gint              value)
{
  return value < 0 || (lite_is (lite, value, PT_JSON_LITE_STRING) &&
                       lite->values[value].length <= LITE_MAX_TEXT);
}

static gboolean
lite_choice_ok (const PtJsonLite   *lite,
                gint                value,
                const char * const *choices)
{
  if (value < 0)
    return TRUE;

  for (guint i = 0; choices[i] != NULL; i++)
    if (pt_json_lite_string_equal (lite, (guint) value, choices[i]))
      return TRUE;

  return FALSE;
}

static gboolean
lite_bool_ok (const PtJsonLite *lite,
              gint              value)
{
  return value < 0 || lite_is (lite, value, PT_JSON_LITE_BOOLEAN);
}

/* Plain (unescaped) text of at most @size - 1 bytes, copied into @buf. */
static gboolean
lite_plain_text (const PtJsonLite *lite,
                 gint              value,
                 char             *buf,
                 gsize             size)
{
  const PtJsonLiteValue *v;

  if (!lite_is (lite, value, PT_JSON_LITE_STRING))
    return FALSE;

  v = &lite->values[value];
  if (v->escaped || v->length >= size)
    return FALSE;

  memcpy (buf, lite->data + v->start, v->length);
  buf[v->length] = '\0';

  return TRUE;
}

static gboolean
lite_code (const PtJsonLite *lite,
           gint              value,
           char              code[PT_CODE_BUF])
{
  return lite_plain_text (lite, value, code, PT_CODE_BUF) && pt_code_is_valid (code);
}

static gboolean
lite_date_ok (const PtJsonLite *lite,
              gint              value)
{
  char date[16];

  if (value < 0)
    return TRUE;

  return lite_plain_text (lite, value, date, sizeof date) &&
         (*date == '\0' || pt_date_is_valid (date));
}

/* Absent, or a list whose every element passes @element_ok. */
static gboolean
lite_list_ok (const PtJsonLite *lite,
              gint              value,
              gboolean        (*element_ok) (const PtJsonLite *, guint))
{
  if (value < 0)
    return TRUE;
  if (!lite_is (lite, value, PT_JSON_LITE_ARRAY))
    return FALSE;

  for (guint e = (guint) value + 1; e < lite->values[value].next; e = lite->values[e].next)
    if (!element_ok (lite, e))
      return FALSE;

  return TRUE;
}

static gboolean
lite_code_element_ok (const PtJsonLite *lite,
                      guint             value)
{
  char code[PT_CODE_BUF];

  return lite_code (lite, (gint) value, code);
}

static gboolean
lite_skilled_element_ok (const PtJsonLite *lite,
                         guint             value)
{
  return lite_choice_ok (lite, (gint) value, pt_skilled_ids);
}

/* Appends @code to "97112, 97110" unless it is there: the codes as
 * pt_scenario_get_codes() lists them, distinct and in block order. */
static void
add_code (GString    *codes,
          const char *code)
{
  gsize len = strlen (code);
  const char *c = codes->str;

  while (*c != '\0')
    {
      const char *comma = strstr (c, ", ");
      gsize n = comma != NULL ? (gsize) (comma - c) : strlen (c);

      if (n == len && memcmp (c, code, len) == 0)
        return;
      c += comma != NULL ? n + 2 : n;
    }

  if (codes->len > 0)
    g_string_append (codes, ", ");
  g_string_append (codes, code);
}

/* One block; its code goes into @codes. */
static gboolean
lite_block_ok (const PtJsonLite *lite,
               guint             block,
               gint64           *total,
               GString          *codes)
{
  static const char * const names[] = {
    "code", "minutes", "timed", "provider", "one_on_one", "skilled", NULL
  };
  enum { CODE, MINUTES, TIMED, PROVIDER, ONE_ON_ONE, SKILLED };
  gint m[G_N_ELEMENTS (names)], text[PT_BLOCK_N_TEXT_FIELDS + 1];
  char code[PT_CODE_BUF];

  if (!lite_is (lite, (gint) block, PT_JSON_LITE_OBJECT))
    return FALSE;

  pt_json_lite_members (lite, block, names, m);
  if (!lite_code (lite, m[CODE], code) ||
      !lite_is (lite, m[MINUTES], PT_JSON_LITE_INT) ||
      lite->values[m[MINUTES]].number < 0 || lite->values[m[MINUTES]].number > PT_MAX_MINUTES ||
      !lite_bool_ok (lite, m[TIMED]) ||
      !lite_choice_ok (lite, m[PROVIDER], pt_provider_names) ||
      !lite_bool_ok (lite, m[ONE_ON_ONE]) ||
      !lite_list_ok (lite, m[SKILLED], lite_skilled_element_ok))
    return FALSE;

  pt_json_lite_members (lite, block, pt_block_field_names, text);
  for (guint f = 0; f < PT_BLOCK_N_TEXT_FIELDS; f++)
    if (!lite_text_ok (lite, text[f]))
      return FALSE;

  *total += lite->values[m[MINUTES]].number;
  if (*total > PT_MAX_MINUTES)
    return FALSE;

  add_code (codes, code);
  return TRUE;
}

static gboolean
visit_lite_is_valid (const PtJsonLite *lite,
                     guint             visit,
                     GString          *codes)
{
  static const char * const names[] = {
    "title", "date", "payer", "method", "discipline", "diagnosis", "diagnosis_category",
    "tie_preference", "blocks", NULL
  };
  enum { TITLE, DATE, PAYER, METHOD, DISCIPLINE, DIAGNOSIS, CATEGORY, TIE, BLOCKS };
  gint m[G_N_ELEMENTS (names)];
  gint64 total = 0;
  gint blocks;

  if (!lite_is (lite, (gint) visit, PT_JSON_LITE_OBJECT))
    return FALSE;

  pt_json_lite_members (lite, visit, names, m);
  if (!lite_text_ok (lite, m[TITLE]) ||
      !lite_date_ok (lite, m[DATE]) ||
      !lite_text_ok (lite, m[PAYER]) ||
      !lite_choice_ok (lite, m[METHOD], pt_method_names) ||
      !lite_choice_ok (lite, m[DISCIPLINE], pt_discipline_names) ||
      !lite_text_ok (lite, m[DIAGNOSIS]) ||
      !lite_choice_ok (lite, m[CATEGORY], pt_diagnosis_names) ||
      !lite_list_ok (lite, m[TIE], lite_code_element_ok))
    return FALSE;

  blocks = m[BLOCKS];
  if (!lite_is (lite, blocks, PT_JSON_LITE_ARRAY))
    return FALSE;

  for (guint b = (guint) blocks + 1; b < lite->values[blocks].next; b = lite->values[b].next)
    if (!lite_block_ok (lite, b, &total, codes))
      return FALSE;

  return TRUE;
}

/* A list of text: an empty one when absent. Tags are stripped and must not
 * be empty. */
static gboolean
lite_strv (const PtJsonLite  *lite,
           gint               value,
           gboolean           tags,
           char            ***out)
{
  g_autoptr(GPtrArray) strings = NULL;

  if (value < 0)
    {
      *out = g_new0 (char *, 1);
      return TRUE;
    }
  if (!lite_is (lite, value, PT_JSON_LITE_ARRAY))
    return FALSE;

  strings = g_ptr_array_new_with_free_func (g_free);
  for (guint e = (guint) value + 1; e < lite->values[value].next; e = lite->values[e].next)
    {
      char *str = pt_json_lite_dup_string (lite, e);

      if (str == NULL)
        return FALSE;
      g_ptr_array_add (strings, str);
      if (tags && *g_strstrip (str) == '\0')
        return FALSE;
    }

  g_ptr_array_add (strings, NULL);
  g_ptr_array_set_free_func (strings, NULL);
  *out = (char **) g_ptr_array_free (g_steal_pointer (&strings), FALSE);

  return TRUE;
}

/* Text no longer than the reader takes, decoded: @fallback when absent
 * (NULL: it is required). */
static gboolean
lite_text (const PtJsonLite  *lite,
           gint               value,
           const char        *fallback,
           char             **out)
{
  if (value < 0)
    {
      *out = g_strdup (fallback);
      return fallback != NULL;
    }
  if (!lite_text_ok (lite, value))
    return FALSE;

  *out = pt_json_lite_dup_string (lite, value);
  return *out != NULL;
}

enum { S_ID, S_TITLE, S_SUMMARY, S_TAGS, S_POINTS, S_EXPECTED, S_MODIFIERS, S_VISIT };

static gboolean
lite_head (const PtJsonLite *lite,
           const gint       *m,
           Head             *head)
{
  if (!lite_text (lite, m[S_ID], NULL, &head->id) || !pt_scenario_id_is_valid (head->id) ||
      !lite_text (lite, m[S_TITLE], NULL, &head->title) || *g_strstrip (head->title) == '\0' ||
      !lite_text (lite, m[S_SUMMARY], "", &head->summary))
    return FALSE;

  return lite_strv (lite, m[S_TAGS], TRUE, &head->tags) &&
         lite_strv (lite, m[S_POINTS], FALSE, &head->points);
}

/* An object whose member names are plain and distinct, so that walking its
 * members meets each once, as json_object_get_members() does. */
static gboolean
lite_plain_distinct_object (const PtJsonLite *lite,
                            gint              object)
{
  const PtJsonLiteValue *v = lite->values;

  if (!lite_is (lite, object, PT_JSON_LITE_OBJECT))
    return FALSE;

  for (guint i = (guint) object + 1; i < v[object].next; i = v[i + 1].next)
    {
      if (v[i].escaped)
        return FALSE;
      for (guint j = v[i + 1].next; j < v[object].next; j = v[j + 1].next)
        if (v[j].length == v[i].length &&
            memcmp (lite->data + v[i].start, lite->data + v[j].start, v[i].length) == 0)
          return FALSE;
    }

  return TRUE;
}

/* "expected": {"cms": {"97112": 2}, "ama": {...}}, set on @scenario. */
static gboolean
lite_expected (const PtJsonLite *lite,
               gint              value,
               PtScenario       *scenario)
{
  const PtJsonLiteValue *v = lite->values;

  if (value < 0)
    return TRUE;
  if (!lite_is (lite, value, PT_JSON_LITE_OBJECT))
    return FALSE;

  for (gint method = 0; pt_method_names[method] != NULL; method++)
    {
      gint units = pt_json_lite_member (lite, (guint) value, pt_method_names[method]);

      if (units < 0)
        continue;
      if (!lite_plain_distinct_object (lite, units))
        return FALSE;

      for (guint i = (guint) units + 1; i < v[units].next; i = v[i + 1].next)
        {
          char code[PT_CODE_BUF];

          if (!lite_code (lite, (gint) i, code) || v[i + 1].type != PT_JSON_LITE_INT ||
              v[i + 1].number < 0 || v[i + 1].number > PT_SCENARIO_MAX_UNITS)
            return FALSE;
          pt_scenario_set_expected_units (scenario, (PtMethod) method, code, (gint) v[i + 1].number);
        }
    }

  return TRUE;
}

/* "expected_modifiers": {"cms": {"97110": {"units_with_modifier": 1, "modifier": "CQ"}}} */
static gboolean
lite_modifiers (const PtJsonLite *lite,
                gint              value,
                PtScenario       *scenario)
{
  const PtJsonLiteValue *v = lite->values;
  gint cms;

  if (value < 0)
    return TRUE;
  if (!lite_is (lite, value, PT_JSON_LITE_OBJECT))
    return FALSE;

  cms = pt_json_lite_member (lite, (guint) value, "cms");
  if (cms < 0)
    return TRUE;
  if (!lite_plain_distinct_object (lite, cms))
    return FALSE;

  for (guint i = (guint) cms + 1; i < v[cms].next; i = v[i + 1].next)
    {
      char code[PT_CODE_BUF];
      gint units, modifier;
      const char *name = NULL;

      if (!lite_code (lite, (gint) i, code) || !lite_is (lite, (gint) i + 1, PT_JSON_LITE_OBJECT))
        return FALSE;

      units = pt_json_lite_member (lite, i + 1, "units_with_modifier");
      modifier = pt_json_lite_member (lite, i + 1, "modifier");
      for (guint k = 0; name == NULL && modifier_names[k] != NULL; k++)
        if (modifier >= 0 && pt_json_lite_string_equal (lite, (guint) modifier, modifier_names[k]))
          name = modifier_names[k];

      if (name == NULL || !lite_is (lite, units, PT_JSON_LITE_INT) ||
          v[units].number < 0 || v[units].number > PT_SCENARIO_MAX_UNITS)
        return FALSE;
      pt_scenario_set_expected_modifier (scenario, code, (gint) v[units].number, name);
    }

  return TRUE;
}

/* A tree of lite value @value: parsed again for an object or a list, and
 * for a bare value one of its kind, enough for the reader's "expected an
 * object, found …". */
static JsonNode *
lite_node (const PtJsonLite *lite,
           guint             value)
{
  const PtJsonLiteValue *v = &lite->values[value];
  JsonNode *node;

  switch (v->type)
    {
    case PT_JSON_LITE_OBJECT:
    case PT_JSON_LITE_ARRAY:
      /* the same parser checked this text already */
      node = pt_json_fast_parse (lite->data + v->start, v->length, NULL);
      if (node == NULL)
        node = pt_json_parse (lite->data + v->start, (gssize) v->length,
                              _("The scenario library"), NULL);
      return node;
    case PT_JSON_LITE_STRING:
      return json_node_init_string (json_node_alloc (), "");
    case PT_JSON_LITE_INT:
      return json_node_init_int (json_node_alloc (), v->number);
    case PT_JSON_LITE_DOUBLE:
      return json_node_init_double (json_node_alloc (), 0.5);
    case PT_JSON_LITE_BOOLEAN:
      return json_node_init_boolean (json_node_alloc (), v->number != 0);
    case PT_JSON_LITE_NULL:
    default:
      return json_node_init_null (json_node_alloc ());
    }
}

/* Reads the scenario at @path from @lite, an element of the list that
 * pt_json_fast_parse_list() read over @text: the checks and messages of
 * pt_scenario_from_json_object(), but without a json-glib tree. A scenario
 * whose every member passes the quick checks keeps its visit as text, built
 * on first use; one they doubt is read by pt_scenario_from_json_object()
 * from the element's tree, for its verdict and its message. */
PtScenario *
pt_scenario_from_json_lite (const PtJsonLite  *lite,
                            const char        *path,
                            GBytes            *text,
                            GError           **error)
{
  static const char * const names[] = {
    "id", "title", "summary", "tags", "teaching_points", "expected", "expected_modifiers",
    "visit", NULL
  };
  gint m[G_N_ELEMENTS (names)];
  g_auto(Head) head = { NULL, NULL, NULL, NULL, NULL };
  g_autoptr(GString) codes = NULL;
  g_autoptr(PtScenario) scenario = NULL;
  g_autoptr(JsonNode) node = NULL;
  JsonObject *object;

  g_return_val_if_fail (lite != NULL && lite->n_values > 0, NULL);
  g_return_val_if_fail (text != NULL, NULL);

  if (lite_is (lite, 0, PT_JSON_LITE_OBJECT))
    {
      pt_json_lite_members (lite, 0, names, m);
      codes = g_string_new (NULL);
      if (lite_head (lite, m, &head) && m[S_VISIT] >= 0 &&
          visit_lite_is_valid (lite, (guint) m[S_VISIT], codes))
        {
          const PtJsonLiteValue *visit = &lite->values[m[S_VISIT]];

          scenario = pt_scenario_new_lazy (head.id, g_steal_pointer (&head.title),
                                           g_steal_pointer (&head.summary),
                                           g_steal_pointer (&head.tags),
                                           g_steal_pointer (&head.points),
                                           g_string_free (g_steal_pointer (&codes), FALSE),
                                           text, visit->start, visit->length);
          if (lite_expected (lite, m[S_EXPECTED], scenario) &&
              lite_modifiers (lite, m[S_MODIFIERS], scenario))
            return g_steal_pointer (&scenario);
        }
    }

  /* The reader's verdict: its message, or a scenario it takes after all. */
  node = lite_node (lite, 0);
  if (!(object = pt_json_node_object (node, path, error)))
    return NULL;

  return pt_scenario_from_json_object (object, path, error);
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
  pt_json_add_string (b, "id", pt_scenario_get_id (self));
  pt_json_add_string (b, "title", pt_scenario_get_title (self));
  pt_json_add_string (b, "summary", pt_scenario_get_summary (self));
  pt_json_add_strv (b, "tags", pt_scenario_get_tags (self));
  pt_json_add_strv (b, "teaching_points", pt_scenario_get_teaching_points (self));

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
          pt_json_add_string (b, "modifier", mods[i].modifier);
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
