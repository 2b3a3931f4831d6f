/* pt-cli-scenarios.c: pt97112-cli scenarios, the built-in teaching library
 *
 * Lists every scenario (or those matching --tag and the query words) with the
 * units the engine gives under CMS and under AMA, worked out now rather than
 * read from the file. A scenario whose engine answer differs from the answer
 * the library teaches is marked, and the exit status is then 1.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pt-alloc-request.h"
#include "pt-cli.h"
#include "pt-scenario-library.h"

static const PtMethod methods[] = { PT_METHOD_CMS, PT_METHOD_AMA };

/* Does the engine's answer equal the scenario's, code by code? */
static gboolean
matches_expected (PtScenario          *scenario,
                  PtMethod             method,
                  const PtAllocResult *result)
{
  guint n;
  const PtScenarioUnits *expected = pt_scenario_get_expected (scenario, method, &n);

  if (n != result->codes->len)
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      gint k = pt_alloc_result_find_code (result, expected[i].code);

      if (k < 0 || pt_alloc_result_get_code (result, (guint) k)->units != expected[i].units)
        return FALSE;
    }

  return TRUE;
}

/* "97112 ×2, 97110 ×1" */
static void
append_units_text (GString             *out,
                   const PtAllocResult *result)
{
  for (guint i = 0; i < result->codes->len; i++)
    {
      const PtCodeUnits *c = pt_alloc_result_get_code (result, i);

      g_string_append_printf (out, "%s%s ×%d", i > 0 ? ", " : "", c->code, c->units);
    }
}

static void
append_expected_text (GString    *out,
                      PtScenario *scenario,
                      PtMethod    method)
{
  guint n;
  const PtScenarioUnits *expected = pt_scenario_get_expected (scenario, method, &n);

  for (guint i = 0; i < n; i++)
    g_string_append_printf (out, "%s%s ×%d", i > 0 ? ", " : "", expected[i].code, expected[i].units);
}

static void
append_text (GString              *out,
             PtScenario           *scenario,
             PtAllocResult * const results[2],
             gboolean              ok[2])
{
  g_autofree char *tags = g_strjoinv (", ", (char **) pt_scenario_get_tags (scenario));
  glong width = 0;

  g_string_append_printf (out, "%s  %s\n", pt_scenario_get_id (scenario),
                          pt_scenario_get_title (scenario));
  g_string_append_printf (out, "  %s %s\n", _("Tags:"), *tags ? tags : "—");

  for (guint m = 0; m < G_N_ELEMENTS (methods); m++)
    width = MAX (width, g_utf8_strlen (pt_method_display_name (methods[m]), -1));

  for (guint m = 0; m < G_N_ELEMENTS (methods); m++)
    {
      const PtAllocResult *r = results[m];
      const char *label = pt_method_display_name (methods[m]);

      g_string_append_printf (out, "  %s:", label);
      for (glong k = g_utf8_strlen (label, -1); k <= width; k++)
        g_string_append_c (out, ' ');
      g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%d unit", "%d units", r->total_units),
                              r->total_units);
      g_string_append (out, " (");
      append_units_text (out, r);
      if (r->ties->len > 0)
        g_string_append_printf (out, "; %s", _("tie settled by the visit’s preference, then entry order"));
      g_string_append (out, ")\n");

      if (!ok[m])
        {
          g_string_append_printf (out, "  ! %s ", _("The library teaches"));
          append_expected_text (out, scenario, methods[m]);
          g_string_append_printf (out, " %s\n", _("but the engine gives the line above."));
        }
    }
}

static void
append_method_json (GString             *out,
                    const PtAllocResult *result)
{
  g_string_append_printf (out, "{\"total_units\": %d, \"units\": {", result->total_units);
  for (guint i = 0; i < result->codes->len; i++)
    {
      const PtCodeUnits *c = pt_alloc_result_get_code (result, i);

      if (i > 0)
        g_string_append (out, ", ");
      pt_json_append_string (out, c->code);
      g_string_append_printf (out, ": %d", c->units);
    }
  g_string_append_printf (out, "}, \"tie\": %s}", result->ties->len > 0 ? "true" : "false");
}

static void
append_json (GString              *out,
             PtScenario           *scenario,
             PtAllocResult * const results[2],
             gboolean              ok[2])
{
  const char * const *tags = pt_scenario_get_tags (scenario);

  g_string_append (out, "{\"id\": ");
  pt_json_append_string (out, pt_scenario_get_id (scenario));
  g_string_append (out, ", \"title\": ");
  pt_json_append_string (out, pt_scenario_get_title (scenario));
  g_string_append (out, ", \"tags\": [");
  for (guint i = 0; tags[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (out, ", ");
      pt_json_append_string (out, tags[i]);
    }
  g_string_append (out, "]");

  for (guint m = 0; m < G_N_ELEMENTS (methods); m++)
    {
      g_string_append_printf (out, ", \"%s\": ", pt_method_to_string (methods[m]));
      append_method_json (out, results[m]);
    }

  g_string_append_printf (out, ", \"matches_expected\": %s}\n", ok[0] && ok[1] ? "true" : "false");
}

static void
append_error (GString    *out,
              PtScenario *scenario,
              gboolean    json,
              const char *message)
{
  if (json)
    {
      g_string_append (out, "{\"id\": ");
      pt_json_append_string (out, pt_scenario_get_id (scenario));
      g_string_append (out, ", \"error\": ");
      pt_json_append_string (out, message);
      g_string_append (out, "}\n");
    }
  else
    g_string_append_printf (out, "%s  %s\n  ! %s\n", pt_scenario_get_id (scenario),
                            pt_scenario_get_title (scenario), message);
}

/* Appends one scenario; FALSE when the engine fails on it or disagrees with it. */
static gboolean
list_scenario (GString    *out,
               PtScenario *scenario,
               gboolean    json)
{
  PtAllocResult *results[2] = { NULL, NULL };
  gboolean ok[2] = { FALSE, FALSE };
  gboolean good = TRUE;

  for (guint m = 0; m < G_N_ELEMENTS (methods) && good; m++)
    {
      g_autoptr(PtVisitInput) input = pt_visit_input_new (pt_scenario_get_visit (scenario), methods[m],
                                                          PT_TIE_RULE_ENTRY_ORDER);
      g_autoptr(GError) error = NULL;

      results[m] = pt_allocate (&input->input, &error);
      if (results[m] == NULL)
        {
          append_error (out, scenario, json, error->message);
          good = FALSE;
        }
      else
        ok[m] = matches_expected (scenario, methods[m], results[m]);
    }

  if (good)
    {
      if (json)
        append_json (out, scenario, results, ok);
      else
        append_text (out, scenario, results, ok);
      good = ok[0] && ok[1];
    }

  for (guint m = 0; m < G_N_ELEMENTS (methods); m++)
    g_clear_pointer (&results[m], pt_alloc_result_free);

  return good;
}

int
pt_cli_scenarios (int    argc,
                  char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PtScenarioLibrary) library = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GString) query = g_string_new (NULL);
  g_autofree char *tag = NULL;
  gboolean json = FALSE;
  guint listed = 0, wrong = 0;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Write one JSON object per scenario, one per line"), NULL },
    { "tag", 0, 0, G_OPTION_ARG_STRING, &tag, N_("List only the scenarios with this tag"), N_("TAG") },
    { NULL }
  };

  context = pt_cli_context_new (_("[WORD…]"),
                                _("List the built-in teaching scenarios with the units the engine gives under the CMS total-time method and the AMA per-code method."),
                                _("Words keep the scenarios whose title, summary, codes or tags contain every word.\n"
                                  "The units are worked out by the engine now; a scenario whose answer differs from\n"
                                  "the one the library teaches is marked and makes the exit status 1.\n\n"
                                  "Examples:\n"
                                  "  pt97112-cli scenarios\n"
                                  "  pt97112-cli scenarios --tag tie\n"
                                  "  pt97112-cli scenarios --json 97112 ama\n"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return pt_cli_usage_error (context, "%s", error->message);

  for (int i = 1; i < argc; i++)
    {
      if (argv[i][0] == '-' && argv[i][1] != '\0')
        return pt_cli_usage_error (context, _("unknown option “%s”"), argv[i]);
      g_string_append_printf (query, "%s%s", i > 1 ? " " : "", argv[i]);
    }

  library = pt_scenario_library_new_builtin (&error);
  if (library == NULL)
    return pt_cli_usage_error (NULL, "%s", error->message);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (library)); i++)
    {
      PtScenario *scenario = pt_scenario_library_get_scenario (library, i);

      if (!pt_scenario_matches (scenario, query->str, tag))
        continue;

      if (!json && listed > 0)
        g_string_append_c (out, '\n');
      listed++;
      if (!list_scenario (out, scenario, json))
        wrong++;

      if (out->len > 64 * 1024 && !pt_cli_write (out))
        return pt_cli_usage_error (NULL, _("could not write the output"));
    }

  if (!json)
    {
      if (listed == 0)
        g_string_append (out, _("No scenario matches.\n"));
      else
        g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "\n%u scenario.\n", "\n%u scenarios.\n", listed),
                                listed);
      if (wrong > 0)
        g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE,
                                                  "%u scenario teaches an answer the engine does not give.\n",
                                                  "%u scenarios teach an answer the engine does not give.\n",
                                                  wrong),
                                wrong);
    }

  if (!pt_cli_write (out))
    return pt_cli_usage_error (NULL, _("could not write the output"));

  return wrong > 0 ? PT_CLI_FAILED : PT_CLI_OK;
}
