/* pt-assistant-json.c: the assistant modifiers in allocation JSON, and assistant.json vectors
 *
 * An allocation request gets a "modifiers" member (method cms, discipline PT
 * or OT, some block furnished by the assistant, alone or together): per code
 * the units with CQ/CO, the claim lines and the reason for each unit, plus a
 * "flags" list. (The fast --jsonl reader keeps no trace of a "provider" that
 * says "therapist", so a request naming only therapist blocks gets none.)
 *
 * A vector of vectors/assistant.json names each code's therapist, assistant
 * and together minutes; it becomes up to three blocks of that code, one per
 * provider.
 */
#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pt-assistant-json.h"
#include "pt-codes.h"
#include "pt-format-error.h"
#include "pt-json-read.h"
#include "pt-model-types.h"

/* In the order of PtAssistantPolicy. */
static const char * const policy_names[] = { "cy2022", "march2021_guidance", NULL };

/* The rules a date of service asks for (none: the rules in force now). */
static gboolean
policy_for_date (const char         *date,
                 PtAssistantPolicy  *policy,
                 GError            **error)
{
  if (!pt_assistant_policy_for_date (date, policy, NULL))
    {
      g_set_error (error, PT_FORMAT_ERROR, PT_FORMAT_ERROR_VALUE,
                   _("date: expected a date as YYYY-MM-DD, found “%.20s”"), date);
      return FALSE;
    }

  return TRUE;
}

/**
 * pt_assistant_request_compute:
 * @req: an allocation request
 * @result: its allocation
 * @modifiers: (out): the modifiers, or %NULL when the request asks for none
 *
 * Works out the assistant modifiers of one allocation request when
 * visit-format.md asks for them: method cms, discipline PT or OT, and some
 * block furnished by the assistant, alone or together. The request's "date"
 * chooses the rules: before 2022 the March 2021 guidance.
 *
 * Returns: %FALSE with @error set when the date is not a date or the
 *   allocation is not of the request's blocks
 */
gboolean
pt_assistant_request_compute (const PtAllocRequest   *req,
                              const PtAllocResult    *result,
                              PtAssistantResult     **modifiers,
                              GError                **error)
{
  PtAssistantInput input = { 0 };
  gboolean assistant = FALSE;

  *modifiers = NULL;

  /* visit-format.md: modifiers are given when any block names its provider */
  assistant = req->any_provider;
  for (guint i = 0; i < req->input.n_blocks; i++)
    assistant |= req->input.blocks[i].provider != PT_PROVIDER_THERAPIST;

  if (!assistant || req->method != PT_METHOD_CMS || req->discipline == PT_DISCIPLINE_SLP ||
      result->method != PT_METHOD_CMS)
    return TRUE;

  if (!policy_for_date (req->date, &input.policy, error))
    return FALSE;

  input.test = PT_ASSISTANT_TEST_PERCENTAGE;
  input.discipline = req->discipline;
  input.blocks = req->input.blocks;
  input.n_blocks = req->input.n_blocks;

  *modifiers = pt_assistant_compute (&input, result, error);

  return *modifiers != NULL;
}

static void
append_string_array (GString    *out,
                     const char *const *strings,
                     guint       n)
{
  g_string_append_c (out, '[');
  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append (out, ", ");
      pt_json_append_string (out, strings[i]);
    }
  g_string_append_c (out, ']');
}

/**
 * pt_assistant_result_append_json:
 *
 * Appends ", \"assistant_policy\": …, \"modifiers\": {…}, \"flags\": […]"
 * after the members of an allocation result; nothing for %NULL.
 */
void
pt_assistant_result_append_json (GString                 *out,
                                 const PtAssistantResult *modifiers)
{
  if (modifiers == NULL)
    return;

  g_string_append (out, ", \"assistant_policy\": ");
  pt_json_append_string (out, pt_assistant_policy_to_string (modifiers->policy));
  g_string_append (out, ", \"assistant_test\": ");
  pt_json_append_string (out, pt_assistant_test_to_string (modifiers->test));
  g_string_append (out, ", \"modifiers\": {");

  for (guint i = 0; i < modifiers->codes->len; i++)
    {
      const PtAssistantCode *c = pt_assistant_result_get_code (modifiers, i);

      if (i > 0)
        g_string_append (out, ", ");
      pt_json_append_string (out, c->code);
      g_string_append_printf (out, ": {\"units\": %d, \"units_with_modifier\": %d, \"modifier\": ",
                              c->units, c->units_with_modifier);
      if (modifiers->modifier != NULL)
        pt_json_append_string (out, modifiers->modifier);
      else
        g_string_append (out, "null");

      g_string_append (out, ", \"lines\": ");
      append_string_array (out, (const char * const *) c->lines->pdata, c->lines->len);

      g_string_append (out, ", \"steps\": [");
      for (guint s = 0; s < c->steps->len; s++)
        {
          if (s > 0)
            g_string_append (out, ", ");
          pt_json_append_string (out, g_array_index (c->steps, PtAssistantStep, s).text);
        }
      g_string_append (out, "]}");
    }

  g_string_append (out, "}, \"flags\": [");
  for (guint f = 0; f < modifiers->flags->len; f++)
    {
      const PtAssistantFlag *flag = &g_array_index (modifiers->flags, PtAssistantFlag, f);

      if (f > 0)
        g_string_append (out, ", ");
      g_string_append (out, "{\"kind\": ");
      pt_json_append_string (out, pt_assistant_flag_kind_to_string (flag->kind));
      g_string_append (out, ", \"code\": ");
      if (flag->code >= 0)
        pt_json_append_string (out, pt_assistant_result_get_code (modifiers, flag->code)->code);
      else
        g_string_append (out, "null");
      g_string_append (out, ", \"message\": ");
      pt_json_append_string (out, flag->text);
      g_string_append_c (out, '}');
    }
  g_string_append_c (out, ']');
}

/* A vector of the vectors/assistant.json format: its blocks give each
 * provider's minutes instead of one "minutes". */
gboolean
pt_assistant_vector_detect (JsonObject *vector)
{
  JsonNode *node = json_object_get_member (vector, "blocks");
  JsonArray *blocks;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return FALSE;

  blocks = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (blocks); i++)
    {
      JsonNode *b = json_array_get_element (blocks, i);
      JsonObject *bo;

      if (!JSON_NODE_HOLDS_OBJECT (b))
        continue;
      bo = json_node_get_object (b);
      if (json_object_has_member (bo, "therapist_minutes") ||
          json_object_has_member (bo, "assistant_minutes") ||
          json_object_has_member (bo, "together_minutes"))
        return TRUE;
    }

  return FALSE;
}

/* A vector's "policy", else the rules its "date" asks for. */
static gboolean
read_vector_policy (JsonObject         *vector,
                    PtAssistantPolicy  *policy,
                    GError            **error)
{
  g_autofree char *date = NULL;
  gint value;

  if (json_object_has_member (vector, "policy"))
    {
      if (!pt_json_read_choice (vector, "", "policy", policy_names, 0, &value, error))
        return FALSE;
      *policy = value;
      return TRUE;
    }

  return pt_json_read_string (vector, "", "date", FALSE, NULL, &date, error) &&
         policy_for_date (date, policy, error);
}

static const char * const provider_members[] = {
  [PT_PROVIDER_THERAPIST] = "therapist_minutes",
  [PT_PROVIDER_ASSISTANT] = "assistant_minutes",
  [PT_PROVIDER_TOGETHER] = "together_minutes",
};

static gboolean
read_vector_block (JsonObject      *bo,
                   const char      *path,
                   PtAllocRequest  *req,
                   GError         **error)
{
  g_autofree char *code = NULL;
  gint64 minutes[G_N_ELEMENTS (provider_members)];
  gint64 unit_minutes, total;
  gboolean timed;
  PtAssistantBasis basis;

  if (!pt_json_read_string (bo, path, "code", TRUE, NULL, &code, error))
    return FALSE;

  if (!pt_code_is_valid (code))
    {
      g_set_error (error, PT_FORMAT_ERROR, PT_FORMAT_ERROR_VALUE,
                   _("%s.code: expected a code of five digits or a capital letter and four digits, found “%.20s”"),
                   path, code);
      return FALSE;
    }

  for (guint p = 0; p < G_N_ELEMENTS (provider_members); p++)
    if (!pt_json_read_int (bo, path, provider_members[p], FALSE, 0, PT_MAX_MINUTES, 0, &minutes[p], error))
      return FALSE;

  if (!pt_json_read_bool (bo, path, "timed", pt_code_default_timed (code), &timed, NULL, error))
    return FALSE;

  basis = pt_assistant_basis_for_code (code, timed);

  if (!pt_json_read_int (bo, path, "unit_minutes", FALSE, 1, PT_MAX_MINUTES,
                         basis == PT_ASSISTANT_BASIS_20 ? 20 : 15, &unit_minutes, error))
    return FALSE;

  if ((basis == PT_ASSISTANT_BASIS_20) != (unit_minutes == 20) || (unit_minutes != 15 && unit_minutes != 20))
    {
      g_set_error (error, PT_FORMAT_ERROR, PT_FORMAT_ERROR_VALUE,
                   _("%s.unit_minutes: %s is billed in %d-minute units, not %" PRId64),
                   path, code, basis == PT_ASSISTANT_BASIS_20 ? 20 : 15, unit_minutes);
      return FALSE;
    }

  total = minutes[PT_PROVIDER_THERAPIST] + minutes[PT_PROVIDER_ASSISTANT] + minutes[PT_PROVIDER_TOGETHER];

  for (guint p = 0; p < G_N_ELEMENTS (provider_members); p++)
    {
      PtAllocBlock block = { 0 };

      /* A code with no minutes at all still appears, as one empty block. */
      if (minutes[p] == 0 && !(total == 0 && p == PT_PROVIDER_THERAPIST))
        continue;

      memcpy (block.code, code, PT_CODE_LEN + 1);
      block.minutes = (gint) minutes[p];
      /* 20-minute codes stay out of the 15-minute total: the allocation
       * counts them as untimed, the modifier engine counts their units. */
      block.timed = timed && basis != PT_ASSISTANT_BASIS_20;
      block.provider = p;
      g_array_append_val (req->blocks, block);
    }

  return TRUE;
}

/**
 * pt_assistant_vector_request:
 * @vector: one vector of the vectors/assistant.json format
 * @policy: (out): the rules the vector asks for
 *
 * Returns: (transfer full) (nullable): the allocation request the vector
 *   stands for, or %NULL with @error naming the member that is wrong
 */
PtAllocRequest *
pt_assistant_vector_request (JsonObject         *vector,
                             PtAssistantPolicy  *policy,
                             GError            **error)
{
  g_autoptr(PtAllocRequest) req = g_new0 (PtAllocRequest, 1);
  JsonArray *blocks;
  gint method, discipline;

  req->blocks = g_array_new (FALSE, TRUE, sizeof (PtAllocBlock));
  req->id_json = pt_json_id_of (vector);

  if (!pt_json_read_choice (vector, "", "method", pt_method_names, PT_METHOD_CMS, &method, error) ||
      !pt_json_read_choice (vector, "", "discipline", pt_discipline_names, PT_DISCIPLINE_PT,
                            &discipline, error) ||
      !pt_json_read_strv (vector, "", "tie_preference", &req->tie_preference, error) ||
      !read_vector_policy (vector, policy, error) ||
      !(blocks = pt_json_read_array (vector, "", "blocks", TRUE, error)))
    return NULL;

  req->method = method;
  req->discipline = discipline;

  for (guint i = 0; i < json_array_get_length (blocks); i++)
    {
      g_autofree char *path = g_strdup_printf ("blocks[%u]", i);
      JsonObject *bo;

      if (!(bo = pt_json_node_object (json_array_get_element (blocks, i), path, error)) ||
          !read_vector_block (bo, path, req, error))
        return NULL;
    }

  req->input.method = req->method;
  req->input.tie_rule = PT_TIE_RULE_ENTRY_ORDER;
  req->input.blocks = (const PtAllocBlock *) (gconstpointer) req->blocks->data;
  req->input.n_blocks = req->blocks->len;
  req->input.tie_preference = (const char * const *) req->tie_preference;

  return g_steal_pointer (&req);
}

/* One expected answer, {"97110": {"units": 2, "units_with_cq": 1}, ...}:
 * every code of the result, and no other, with both numbers equal. */
static gboolean
expected_matches (JsonNode                *node,
                  const PtAssistantResult *modifiers)
{
  JsonObject *expected;
  g_autoptr(GList) members = NULL;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return FALSE;

  expected = json_node_get_object (node);
  members = json_object_get_members (expected);
  if (g_list_length (members) != modifiers->codes->len)
    return FALSE;

  for (GList *l = members; l; l = l->next)
    {
      JsonNode *entry = json_object_get_member (expected, l->data);
      gint idx = pt_assistant_result_find_code (modifiers, l->data);
      const PtAssistantCode *c;
      JsonObject *eo;

      if (idx < 0 || !JSON_NODE_HOLDS_OBJECT (entry))
        return FALSE;

      c = pt_assistant_result_get_code (modifiers, idx);
      eo = json_node_get_object (entry);
      if (json_object_get_int_member_with_default (eo, "units", -1) != c->units ||
          json_object_get_int_member_with_default (eo, "units_with_cq", -1) != c->units_with_modifier)
        return FALSE;
    }

  return TRUE;
}

static char *
modifiers_text (const PtAssistantResult *modifiers)
{
  GString *s = g_string_new ("{");

  for (guint i = 0; i < modifiers->codes->len; i++)
    {
      const PtAssistantCode *c = pt_assistant_result_get_code (modifiers, i);

      g_string_append_printf (s, "%s%s: %d/%d", i ? ", " : "", c->code, c->units, c->units_with_modifier);
    }
  g_string_append_c (s, '}');

  return g_string_free (s, FALSE);
}

/**
 * pt_assistant_vector_check:
 * @vector: one vector of the vectors/assistant.json format
 *
 * Runs the vector through the allocation and the modifier engine: each
 * code's units and units_with_cq must equal its "expected", or one of its
 * "valid_alternatives" when it has them.
 *
 * Returns: (transfer full) (nullable): %NULL when the vector passes, else why
 *   it failed
 */
char *
pt_assistant_vector_check (JsonObject *vector)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PtAllocRequest) req = NULL;
  g_autoptr(PtAllocResult) result = NULL;
  g_autoptr(PtAssistantResult) modifiers = NULL;
  g_autofree char *got = NULL;
  PtAssistantInput input = { 0 };
  JsonArray *alternatives;

  if (!(req = pt_assistant_vector_request (vector, &input.policy, &error)) ||
      !(result = pt_allocate (&req->input, &error)))
    return g_strdup (error->message);

  input.test = PT_ASSISTANT_TEST_PERCENTAGE;
  input.discipline = req->discipline;
  input.blocks = req->input.blocks;
  input.n_blocks = req->input.n_blocks;
  if (!(modifiers = pt_assistant_compute (&input, result, &error)))
    return g_strdup (error->message);

  got = modifiers_text (modifiers);

  alternatives = pt_json_read_array (vector, "", "valid_alternatives", FALSE, &error);
  if (error != NULL)
    return g_strdup (error->message);

  if (alternatives != NULL && json_array_get_length (alternatives) > 0)
    {
      for (guint a = 0; a < json_array_get_length (alternatives); a++)
        if (expected_matches (json_array_get_element (alternatives, a), modifiers))
          return NULL;

      /* Translators: %s is each code with units/units with the modifier, {97110: 2/1} */
      return g_strdup_printf (_("units/units with the modifier %s are not among the valid answers"), got);
    }

  if (!json_object_has_member (vector, "expected"))
    return g_strdup (_("the vector has neither “expected” nor “valid_alternatives”"));

  if (!expected_matches (json_object_get_member (vector, "expected"), modifiers))
    {
      g_autofree char *want = json_to_string (json_object_get_member (vector, "expected"), FALSE);

      /* Translators: the first %s is each code with units/units with the modifier, {97110: 2/1} */
      return g_strdup_printf (_("units/units with the modifier %s, expected %s"), got, want);
    }

  return NULL;
}
