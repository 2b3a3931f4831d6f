/* pt-alloc-request.c: allocation requests from JSON and results to JSON */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pt-alloc-request.h"
#include "pt-codes.h"
#include "pt-format-error.h"
#include "pt-json-read.h"
#include "pt-model-types.h"

void
pt_alloc_request_free (PtAllocRequest *request)
{
  if (request == NULL)
    return;

  g_free (request->id_json);
  g_free (request->date);
  g_array_unref (request->blocks);
  g_strfreev (request->tie_preference);
  g_free (request);
}

char *
pt_json_id_of (JsonObject *object)
{
  JsonNode *id = object ? json_object_get_member (object, "id") : NULL;

  if (id == NULL)
    return NULL;

  /* Keep ids short in messages and output; an id is a label, not data. */
  if (JSON_NODE_HOLDS_VALUE (id) && json_node_get_value_type (id) == G_TYPE_STRING &&
      strlen (json_node_get_string (id)) > 256)
    return g_strdup ("\"(id too long)\"");

  if (!JSON_NODE_HOLDS_VALUE (id) && !JSON_NODE_HOLDS_NULL (id))
    return g_strdup ("null");

  return json_to_string (id, FALSE);
}

PtAllocRequest *
pt_alloc_request_from_json (JsonObject  *object,
                            PtMethod     default_method,
                            GError     **error)
{
  g_autoptr(PtAllocRequest) req = g_new0 (PtAllocRequest, 1);
  JsonArray *blocks;
  gint method, discipline;

  req->blocks = g_array_new (FALSE, TRUE, sizeof (PtAllocBlock));
  req->id_json = pt_json_id_of (object);

  if (!pt_json_read_choice (object, "", "method", pt_method_names, default_method, &method, error) ||
      !pt_json_read_choice (object, "", "discipline", pt_discipline_names, PT_DISCIPLINE_PT,
                            &discipline, error) ||
      !pt_json_read_string (object, "", "date", FALSE, NULL, &req->date, error) ||
      !pt_json_read_strv (object, "", "tie_preference", &req->tie_preference, error))
    return NULL;

  req->method = method;
  req->discipline = discipline;

  if (!(blocks = pt_json_read_array (object, "", "blocks", TRUE, error)))
    return NULL;

  for (guint i = 0; i < json_array_get_length (blocks); i++)
    {
      g_autofree char *path = g_strdup_printf ("blocks[%u]", i);
      g_autofree char *code = NULL;
      PtAllocBlock block = { 0 };
      JsonObject *bo;
      gint64 minutes;
      gboolean timed;
      gint provider;

      if (!(bo = pt_json_node_object (json_array_get_element (blocks, i), path, error)) ||
          !pt_json_read_string (bo, path, "code", TRUE, NULL, &code, error))
        return NULL;

      if (!pt_code_is_valid (code))
        {
          g_autofree char *excerpt = pt_json_excerpt (code, 20);

          g_set_error (error, PT_FORMAT_ERROR, PT_FORMAT_ERROR_VALUE,
                       _("%s.code: expected a code of five digits or a capital letter and four digits, found “%s”"),
                       path, excerpt);
          return NULL;
        }

      if (!pt_json_read_int (bo, path, "minutes", TRUE, 0, PT_MAX_MINUTES, 0, &minutes, error) ||
          !pt_json_read_bool (bo, path, "timed", pt_code_default_timed (code), &timed, NULL, error) ||
          !pt_json_read_choice (bo, path, "provider", pt_provider_names, PT_PROVIDER_THERAPIST,
                                &provider, error))
        return NULL;
      req->any_provider |= json_object_has_member (bo, "provider");

      memcpy (block.code, code, PT_CODE_LEN + 1);
      block.minutes = (gint) minutes;
      block.timed = timed;
      block.provider = provider;
      g_array_append_val (req->blocks, block);
    }

  req->input.method = req->method;
  req->input.tie_rule = PT_TIE_RULE_ENTRY_ORDER;
  req->input.blocks = (const PtAllocBlock *) (gconstpointer) req->blocks->data;
  req->input.n_blocks = req->blocks->len;
  req->input.tie_preference = (const char * const *) req->tie_preference;

  return g_steal_pointer (&req);
}

/* Bytes a JSON string cannot hold as they are: the control characters, the
 * quote and the backslash. */
static const guint8 escape_table[256] = {
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0,
};

/* g_string_append_len() without the call when the room is there already. */
static inline void
append_bytes (GString    *out,
              const char *bytes,
              gsize       n)
{
  if (out->len + n >= out->allocated_len)
    {
      g_string_append_len (out, bytes, n);
      return;
    }

  memcpy (out->str + out->len, bytes, n);
  out->len += n;
  out->str[out->len] = '\0';
}

/* Runs of plain bytes are copied whole: this is the hot loop of allocate
 * --jsonl, where the explanation steps are most of the output. */
void
pt_json_append_string (GString    *out,
                       const char *str)
{
  const char *p = str;

  g_string_append_c (out, '"');
  for (;;)
    {
      const char *run = p;
      guchar c;

      while (!escape_table[(guchar) *p])
        p++;
      if (p > run)
        append_bytes (out, run, p - run);

      c = (guchar) *p;
      if (c == '\0')
        break;
      p++;

      switch (c)
        {
        case '"':
          append_bytes (out, "\\\"", 2);
          break;
        case '\\':
          append_bytes (out, "\\\\", 2);
          break;
        case '\n':
          append_bytes (out, "\\n", 2);
          break;
        case '\r':
          append_bytes (out, "\\r", 2);
          break;
        case '\t':
          append_bytes (out, "\\t", 2);
          break;
        default:
          g_string_append_printf (out, "\\u%04x", c);
        }
    }
  g_string_append_c (out, '"');
}

/* A string constant: its length is known when compiling. */
#define append_literal(out, text) append_bytes ((out), "" text "", sizeof (text) - 1)

/* A whole number, without printf: several go out for every visit. */
static void
append_int (GString *out,
            gint     value)
{
  char buf[16];
  char *p = buf + sizeof buf;
  guint v = value < 0 ? -(guint) value : (guint) value;

  do
    {
      *--p = (char) ('0' + v % 10);
      v /= 10;
    }
  while (v != 0);

  if (value < 0)
    *--p = '-';

  append_bytes (out, p, buf + sizeof buf - p);
}

/* A member name and a whole number: ", \"name\": 12". */
static void
append_int_member (GString    *out,
                   const char *text,
                   gint        value)
{
  append_bytes (out, text, strlen (text));
  append_int (out, value);
}

/* The members of an allocation result, without the braces, so callers can
 * put "id" first and add their own members after. */
void
pt_alloc_result_append_json (GString             *out,
                             const PtAllocResult *result)
{
  append_literal (out, "\"method\": ");
  pt_json_append_string (out, pt_method_to_string (result->method));
  append_int_member (out, ", \"total_timed_minutes\": ", result->total_timed_minutes);
  append_int_member (out, ", \"total_timed_units\": ", result->total_timed_units);
  append_int_member (out, ", \"total_units\": ", result->total_units);
  append_literal (out, ", \"units\": {");

  for (guint i = 0; i < result->codes->len; i++)
    {
      const PtCodeUnits *c = pt_alloc_result_get_code (result, i);

      if (i > 0)
        append_literal (out, ", ");
      pt_json_append_string (out, c->code);
      append_int_member (out, ": ", c->units);
    }

  append_literal (out, "}, \"ties\": [");
  for (guint t = 0; t < result->ties->len; t++)
    {
      const PtTie *tie = &g_array_index (result->ties, PtTie, t);

      if (t > 0)
        append_literal (out, ", ");
      append_literal (out, "{\"codes\": [");
      for (guint k = 0; k < tie->n_codes; k++)
        {
          if (k > 0)
            append_literal (out, ", ");
          pt_json_append_string (out, pt_alloc_result_get_code (result, tie->codes[k])->code);
        }
      append_int_member (out, "], \"units\": ", tie->units);
      append_int_member (out, ", \"leftover_minutes\": ", tie->leftover);
      g_string_append_c (out, '}');
    }

  append_literal (out, "], \"steps\": [");
  for (guint s = 0; s < result->steps->len; s++)
    {
      if (s > 0)
        append_literal (out, ", ");
      pt_json_append_string (out, g_array_index (result->steps, PtStep, s).text);
    }

  append_int_member (out, "], \"next_unit\": {\"minutes\": ", result->next_unit_minutes);
  append_literal (out, ", \"code\": ");
  if (result->next_unit_code >= 0)
    pt_json_append_string (out, pt_alloc_result_get_code (result, result->next_unit_code)->code);
  else
    append_literal (out, "null");
  g_string_append_c (out, '}');
}
