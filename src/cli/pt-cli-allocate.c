/* pt-cli-allocate.c: pt97112-cli allocate
 *
 * One visit from arguments (text or --json), or many with --jsonl: one JSON
 * object a line in, one a line out, read and written as a stream so memory
 * stays flat however long the input is.
 */
#include "config.h"

#include <inttypes.h>

#include <errno.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>

#include "pt-alloc-request.h"
#include "pt-assistant-json.h"
#include "pt-codes.h"
#include "pt-cli.h"
#include "pt-format-error.h"
#include "pt-json-line.h"
#include "pt-json-read.h"

/* A line longer than this is reported, not parsed: no visit needs it. */
#define MAX_LINE (1024 * 1024)

static void
append_error_line (GString    *out,
                   const char *id_json,
                   const char *message)
{
  g_string_append (out, "{\"id\": ");
  g_string_append (out, id_json ? id_json : "null");
  g_string_append (out, ", \"error\": ");
  pt_json_append_string (out, message);
  g_string_append (out, "}\n");
}

/* The full reader: json-glib and pt_alloc_request_from_json(), for the
 * lines the fast reader leaves. On failure it writes the error line. */
static PtAllocRequest *
read_line_full (JsonParser *parser,
                const char *line,
                gsize       len,
                guint64     lineno,
                PtMethod    default_method,
                GString    *out)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PtAllocRequest) req = NULL;
  g_autofree char *what = g_strdup_printf (_("line %" PRIu64), lineno);
  JsonNode *root;
  JsonObject *object;

  if (!pt_json_load (parser, line, len, what, &error))
    {
      append_error_line (out, NULL, error->message);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_autofree char *msg = g_strdup_printf (_("%s: expected a JSON object"), what);

      append_error_line (out, NULL, msg);
      return NULL;
    }

  object = json_node_get_object (root);
  if (!(req = pt_alloc_request_from_json (object, default_method, &error)))
    {
      g_autofree char *id_json = pt_json_id_of (object);
      g_autofree char *msg = g_strdup_printf ("%s: %s", what, error->message);

      append_error_line (out, id_json, msg);
      return NULL;
    }

  return g_steal_pointer (&req);
}

/* One line in, one line out. @reader is NULL to read every line the full way. */
static void
allocate_line (PtJsonLine *reader,
               JsonParser *parser,
               const char *line,
               gsize       len,
               guint64     lineno,
               PtMethod    default_method,
               GString    *out)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PtAllocRequest) owned = NULL;
  g_autoptr(PtAllocResult) result = NULL;
  g_autoptr(PtAssistantResult) modifiers = NULL;
  const PtAllocRequest *req = NULL;

  if (len > MAX_LINE)
    {
      g_autofree char *msg = g_strdup_printf (_("line %" PRIu64 ": longer than %d bytes; not read"),
                                              lineno, MAX_LINE);
      append_error_line (out, NULL, msg);
      return;
    }

  if (reader != NULL)
    req = pt_json_line_read (reader, line, len, default_method);

  if (req == NULL && !(req = owned = read_line_full (parser, line, len, lineno, default_method, out)))
    return;

  if (!(result = pt_allocate (&req->input, &error)) ||
      !pt_assistant_request_compute (req, result, &modifiers, &error))
    {
      g_autofree char *msg = g_strdup_printf (_("line %" PRIu64 ": %s"), lineno, error->message);
      append_error_line (out, req->id_json, msg);
      return;
    }

  g_string_append (out, "{\"id\": ");
  g_string_append (out, req->id_json ? req->id_json : "null");
  g_string_append (out, ", ");
  pt_alloc_result_append_json (out, result);
  pt_assistant_result_append_json (out, modifiers);
  g_string_append (out, "}\n");
}

static int
allocate_jsonl (const char *path,
                PtMethod    default_method,
                gboolean    full_reader)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(PtJsonLine) reader = full_reader ? NULL : pt_json_line_new ();
  g_autoptr(GString) out = g_string_sized_new (128 * 1024);
  FILE *in;
  char *line = NULL;
  size_t cap = 0;
  ssize_t len;
  guint64 lineno = 0;
  int status = PT_CLI_OK;

  if (g_strcmp0 (path, "-") == 0)
    in = stdin;
  else if (!(in = fopen (path, "r")))
    {
      int saved = errno;
      return pt_cli_usage_error (NULL, _("cannot read %s: %s"), path, g_strerror (saved));
    }

  while ((len = getline (&line, &cap, in)) >= 0)
    {
      lineno++;
      while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
        line[--len] = '\0';

      /* blank lines separate nothing; skip them */
      if (len == 0 || strspn (line, " \t") == (size_t) len)
        continue;

      allocate_line (reader, parser, line, len, lineno, default_method, out);

      if (out->len > 64 * 1024 && !pt_cli_write (out))
        break;

      /* Do not keep a huge buffer from one long line. */
      if (cap > 4 * MAX_LINE)
        {
          g_clear_pointer (&line, free);
          cap = 0;
        }
    }

  if (ferror (in))
    {
      g_printerr (_("pt97112-cli: reading %s failed\n"), path);
      status = PT_CLI_BAD_INPUT;
    }

  pt_cli_write (out);
  fflush (stdout);
  free (line);
  if (in != stdin)
    fclose (in);

  return status;
}

int
pt_cli_allocate (int    argc,
                 char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) blocks = g_array_new (FALSE, TRUE, sizeof (PtAllocBlock));
  g_autoptr(PtAllocResult) result = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *method_str = NULL;
  g_autofree char *jsonl = NULL;
  g_auto(GStrv) untimed = NULL;
  g_auto(GStrv) prefer = NULL;
  gboolean json = FALSE;
  gboolean full_reader = FALSE;
  PtMethod method = PT_METHOD_CMS;
  PtAllocInput input = { 0 };
  const GOptionEntry entries[] = {
    { "method", 'm', 0, G_OPTION_ARG_STRING, &method_str,
      N_("Billing method: cms (Medicare total time, the default) or ama (per code)"), "cms|ama" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Write the result as JSON"), NULL },
    { "jsonl", 0, 0, G_OPTION_ARG_FILENAME, &jsonl,
      N_("Allocate many visits: one JSON object a line from FILE (- for standard input)"), N_("FILE") },
    { "untimed", 'u', 0, G_OPTION_ARG_STRING_ARRAY, &untimed,
      N_("Treat CODE as untimed (one unit whatever its minutes); may be repeated"), N_("CODE") },
    { "tie-preference", 't', 0, G_OPTION_ARG_STRING_ARRAY, &prefer,
      N_("When leftover minutes tie, give the unit to CODE first; may be repeated"), N_("CODE") },
    /* for tests: the fast reader must give what the full one gives */
    { "full-reader", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_NONE, &full_reader, NULL, NULL },
    { NULL }
  };

  context = pt_cli_context_new (_("CODE=MINUTES…"),
                                _("Billable units for one visit, with the reason for every unit."),
                                _("Examples:\n"
                                  "  pt97112-cli allocate 97112=24 97110=23\n"
                                  "  pt97112-cli allocate --method ama --json 97112=20 97110=18\n"
                                  "  pt97112-cli allocate 97162=45 97110=10 --untimed 97162\n"
                                  "  pt97112-cli allocate --jsonl visits.jsonl > units.jsonl\n"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return pt_cli_usage_error (context, "%s", error->message);

  if (method_str != NULL && !pt_method_from_string (method_str, &method))
    return pt_cli_usage_error (context, _("--method: expected “cms” or “ama”, not “%s”"), method_str);

  if (jsonl != NULL)
    {
      if (argc > 1 || json || untimed || prefer)
        return pt_cli_usage_error (context, _("--jsonl reads the visits from its file; give no CODE=MINUTES, --json, --untimed or --tie-preference with it"));
      return allocate_jsonl (jsonl, method, full_reader);
    }

  if (argc < 2)
    return pt_cli_usage_error (context, _("give at least one CODE=MINUTES, for example 97112=24"));

  for (int i = 1; i < argc; i++)
    {
      PtAllocBlock block = { 0 };
      const char *eq = strchr (argv[i], '=');
      g_autofree char *code = NULL;
      char *end = NULL;
      gint64 minutes;

      if (eq == NULL)
        return pt_cli_usage_error (context, _("“%s”: expected CODE=MINUTES, for example 97112=24"), argv[i]);

      code = g_strndup (argv[i], eq - argv[i]);
      if (!pt_code_is_valid (code))
        return pt_cli_usage_error (context, _("“%s”: “%s” is not a code (five digits, or a capital letter and four digits)"),
                                   argv[i], code);

      errno = 0;
      minutes = g_ascii_strtoll (eq + 1, &end, 10);
      if (eq[1] == '\0' || *end != '\0' || errno != 0 || minutes < 0 || minutes > PT_MAX_MINUTES)
        return pt_cli_usage_error (context, _("“%s”: minutes must be a whole number from 0 to %d"),
                                   argv[i], PT_MAX_MINUTES);

      memcpy (block.code, code, PT_CODE_LEN + 1);
      block.minutes = (gint) minutes;
      block.timed = pt_code_default_timed (code);
      g_array_append_val (blocks, block);
    }

  for (guint u = 0; untimed && untimed[u]; u++)
    {
      gboolean found = FALSE;

      if (!pt_code_is_valid (untimed[u]))
        return pt_cli_usage_error (context, _("--untimed: “%s” is not a code"), untimed[u]);

      for (guint b = 0; b < blocks->len; b++)
        if (strcmp (g_array_index (blocks, PtAllocBlock, b).code, untimed[u]) == 0)
          {
            g_array_index (blocks, PtAllocBlock, b).timed = FALSE;
            found = TRUE;
          }

      /* An untimed service given only by name: one unit, no minutes. */
      if (!found)
        {
          PtAllocBlock block = { 0 };

          memcpy (block.code, untimed[u], PT_CODE_LEN + 1);
          g_array_append_val (blocks, block);
        }
    }

  for (guint p = 0; prefer && prefer[p]; p++)
    if (!pt_code_is_valid (prefer[p]))
      return pt_cli_usage_error (context, _("--tie-preference: “%s” is not a code"), prefer[p]);

  input.method = method;
  input.blocks = (const PtAllocBlock *) (gconstpointer) blocks->data;
  input.n_blocks = blocks->len;
  input.tie_preference = (const char * const *) prefer;

  if (!(result = pt_allocate (&input, &error)))
    return pt_cli_usage_error (NULL, "%s", error->message);

  if (json)
    {
      g_string_append_c (out, '{');
      pt_alloc_result_append_json (out, result);
      g_string_append (out, "}\n");
    }
  else
    pt_cli_print_result (out, result);

  pt_cli_write (out);
  return PT_CLI_OK;
}
