/* pt-cli-conformance.c: pt97112-cli conformance FILE
 *
 * Runs a vector file in the format of vectors/allocation.json: each vector's
 * units must be one of its valid alternatives and its totals must match.
 * Vectors in the format of vectors/assistant.json (therapist, assistant and
 * together minutes per block) are checked by pt_assistant_vector_check().
 */
#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "pt-alloc-request.h"
#include "pt-assistant-json.h"
#include "pt-cli.h"
#include "pt-format-error.h"
#include "pt-json-read.h"
#include "pt-visit-io.h"

#define MAX_VECTOR_FILE (64 * 1024 * 1024)

static gboolean
units_match (JsonObject          *expected,
             const PtAllocResult *result)
{
  g_autoptr(GList) members = json_object_get_members (expected);

  if (g_list_length (members) != result->codes->len)
    return FALSE;

  for (GList *l = members; l; l = l->next)
    {
      JsonNode *node = json_object_get_member (expected, l->data);
      gint idx = pt_alloc_result_find_code (result, l->data);

      if (idx < 0 || !JSON_NODE_HOLDS_VALUE (node) ||
          json_node_get_value_type (node) != G_TYPE_INT64 ||
          json_node_get_int (node) != pt_alloc_result_get_code (result, idx)->units)
        return FALSE;
    }

  return TRUE;
}

static char *
units_text (const PtAllocResult *result)
{
  GString *s = g_string_new ("{");

  for (guint i = 0; i < result->codes->len; i++)
    {
      const PtCodeUnits *c = pt_alloc_result_get_code (result, i);

      g_string_append_printf (s, "%s%s: %d", i ? ", " : "", c->code, c->units);
    }
  g_string_append_c (s, '}');

  return g_string_free (s, FALSE);
}

/* Returns NULL when the vector passes, else why it failed. */
static char *
run_vector (JsonObject *vector)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PtAllocRequest) req = NULL;
  g_autoptr(PtAllocResult) result = NULL;
  g_autofree char *got = NULL;
  JsonArray *alternatives;
  gboolean matched = FALSE;

  if (pt_assistant_vector_detect (vector))
    return pt_assistant_vector_check (vector);

  if (!(req = pt_alloc_request_from_json (vector, PT_METHOD_CMS, &error)) ||
      !(result = pt_allocate (&req->input, &error)))
    return g_strdup (error->message);

  got = units_text (result);

  if (json_object_has_member (vector, "expected_total_units") &&
      json_object_get_int_member_with_default (vector, "expected_total_units", -1) != result->total_units)
    return g_strdup_printf (_("total units %d, expected %" PRId64 " (got %s)"),
                            result->total_units,
                            json_object_get_int_member_with_default (vector, "expected_total_units", -1),
                            got);

  if (json_object_has_member (vector, "expected_timed_units") &&
      json_object_get_int_member_with_default (vector, "expected_timed_units", -1) != result->total_timed_units)
    return g_strdup_printf (_("timed units %d, expected %" PRId64 " (got %s)"),
                            result->total_timed_units,
                            json_object_get_int_member_with_default (vector, "expected_timed_units", -1),
                            got);

  alternatives = pt_json_read_array (vector, "", "valid_alternatives", FALSE, &error);
  if (error != NULL)
    return g_strdup (error->message);

  if (alternatives != NULL && json_array_get_length (alternatives) > 0)
    {
      for (guint a = 0; a < json_array_get_length (alternatives) && !matched; a++)
        {
          JsonNode *alt = json_array_get_element (alternatives, a);

          matched = JSON_NODE_HOLDS_OBJECT (alt) && units_match (json_node_get_object (alt), result);
        }
    }
  else if (json_object_has_member (vector, "expected_units"))
    {
      JsonNode *exp = json_object_get_member (vector, "expected_units");

      matched = JSON_NODE_HOLDS_OBJECT (exp) && units_match (json_node_get_object (exp), result);
    }
  else
    return g_strdup (_("the vector has neither valid_alternatives nor expected_units"));

  if (!matched)
    return g_strdup_printf (_("units %s are not among the valid answers"), got);

  return NULL;
}

int
pt_cli_conformance (int    argc,
                    char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *data = NULL;
  gsize length;
  guint passed = 0, failed = 0;
  JsonArray *vectors;
  const GOptionEntry entries[] = { { NULL } };

  context = pt_cli_context_new (_("FILE"),
                                _("Run a file of allocation test vectors through the engine."),
                                _("FILE is a JSON list of vectors, each with “blocks”, a “method”, and\n"
                                  "“valid_alternatives” or “expected_units”. Prints each failure and\n"
                                  "“N passed, N failed”; exits with 1 when any vector failed."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return pt_cli_usage_error (context, "%s", error->message);

  if (argc != 2)
    return pt_cli_usage_error (context, _("give exactly one vector file"));

  file = g_file_new_for_commandline_arg (argv[1]);
  if (!(data = pt_file_load_limited (file, MAX_VECTOR_FILE, argv[1], &length, &error)) ||
      !(root = pt_json_parse (data, length, argv[1], &error)))
    return pt_cli_usage_error (NULL, "%s", error->message);

  if (!JSON_NODE_HOLDS_ARRAY (root))
    return pt_cli_usage_error (NULL, _("%s: expected a list of vectors"), argv[1]);

  vectors = json_node_get_array (root);
  for (guint i = 0; i < json_array_get_length (vectors); i++)
    {
      JsonNode *node = json_array_get_element (vectors, i);
      g_autofree char *why = NULL;
      const char *id = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        why = g_strdup (_("not an object"));
      else
        {
          id = json_object_get_string_member_with_default (json_node_get_object (node), "id", NULL);
          why = run_vector (json_node_get_object (node));
        }

      if (why == NULL)
        passed++;
      else
        {
          failed++;
          if (id != NULL)
            g_print (_("FAIL %s: %s\n"), id, why);
          else
            g_print (_("FAIL vector %u: %s\n"), i, why);
        }
    }

  /* Not translated: scripts and CI read this line. */
  g_print ("%u passed, %u failed\n", passed, failed);

  return failed > 0 ? PT_CLI_FAILED : PT_CLI_OK;
}
