/* pt-cli-check.c: pt97112-cli check, the allocation and the documentation findings of a saved visit */
#include "config.h"

#include <glib/gi18n.h>

#include "pt-alloc-request.h"
#include "pt-cli.h"
#include "pt-visit-check.h"
#include "pt-visit-io.h"

static void
append_findings_json (GString   *out,
                      GPtrArray *findings)
{
  g_string_append (out, ", \"findings\": [");
  for (guint i = 0; i < findings->len; i++)
    {
      const PtDocFinding *f = g_ptr_array_index (findings, i);
      const char *field = pt_doc_field_to_string (f->field);

      g_string_append (out, i > 0 ? ", {\"id\": " : "{\"id\": ");
      pt_json_append_string (out, f->id);
      g_string_append (out, ", \"severity\": ");
      pt_json_append_string (out, pt_doc_severity_to_string (f->severity));
      if (f->block >= 0)
        g_string_append_printf (out, ", \"block\": %d", f->block);
      else
        g_string_append (out, ", \"block\": null");
      g_string_append (out, ", \"code\": ");
      if (f->code[0] != '\0')
        pt_json_append_string (out, f->code);
      else
        g_string_append (out, "null");
      g_string_append (out, ", \"field\": ");
      if (field != NULL)
        pt_json_append_string (out, field);
      else
        g_string_append (out, "null");
      g_string_append (out, ", \"message\": ");
      pt_json_append_string (out, f->message);
      g_string_append (out, ", \"hint\": ");
      pt_json_append_string (out, f->hint);
      g_string_append_c (out, '}');
    }
  g_string_append (out, "]");
}

static const char *
severity_label (PtDocSeverity severity)
{
  switch (severity)
    {
    case PT_DOC_SEVERITY_ERROR:
      return _("error");
    case PT_DOC_SEVERITY_WARNING:
      return _("warning");
    case PT_DOC_SEVERITY_INFO:
    default:
      return _("note");
    }
}

static void
append_findings_text (GString   *out,
                      GPtrArray *findings)
{
  guint count[3] = { 0, 0, 0 };

  for (guint i = 0; i < findings->len; i++)
    count[((PtDocFinding *) g_ptr_array_index (findings, i))->severity]++;

  if (findings->len == 0)
    {
      g_string_append_printf (out, "\n%s\n", _("Documentation findings: none."));
      return;
    }

  g_string_append_printf (out, "\n%s ", _("Documentation findings:"));
  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u error", "%u errors", count[0]), count[0]);
  g_string_append (out, ", ");
  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u warning", "%u warnings", count[1]), count[1]);
  g_string_append (out, ", ");
  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u note", "%u notes", count[2]), count[2]);
  g_string_append_c (out, '\n');

  for (guint i = 0; i < findings->len; i++)
    {
      const PtDocFinding *f = g_ptr_array_index (findings, i);
      g_autofree char *where = NULL;

      if (f->block >= 0)
        where = g_strdup_printf (_("block %d (%s)"), f->block + 1, f->code);
      else
        where = g_strdup (_("visit"));

      g_string_append_printf (out, "\n  %s: %s, %s\n", severity_label (f->severity), where, f->id);
      g_string_append_printf (out, "    %s\n", f->message);
      g_string_append_printf (out, _("    What to do: %s\n"), f->hint);
    }
}

int
pt_cli_check (int    argc,
              char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(PtVisit) visit = NULL;
  g_autoptr(PtVisitCheck) check = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Write the allocation and the findings as JSON"), NULL },
    { NULL }
  };

  context = pt_cli_context_new (_("VISIT.ptvisit.json"),
                                _("Billable units of a saved visit and what an auditor would question in its notes."),
                                _("Exit status: 0 no error found, 1 a finding of severity error, 2 the file cannot be read.\n"
                                  "Example:\n"
                                  "  pt97112-cli check --json session.ptvisit.json\n"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return pt_cli_usage_error (context, "%s", error->message);

  if (argc != 2)
    return pt_cli_usage_error (context, argc < 2 ? _("give the visit file to check")
                                                 : _("give exactly one visit file"));

  file = g_file_new_for_commandline_arg (argv[1]);
  if (!(visit = pt_visit_load_from_file (file, &error)) ||
      !(check = pt_visit_check_run (visit, PT_TIE_RULE_ENTRY_ORDER, &error)))
    return pt_cli_usage_error (NULL, "%s: %s", argv[1], error->message);

  if (json)
    {
      g_string_append_c (out, '{');
      pt_alloc_result_append_json (out, pt_visit_check_get_result (check));
      append_findings_json (out, check->findings);
      g_string_append (out, "}\n");
    }
  else
    {
      pt_cli_print_result (out, pt_visit_check_get_result (check));
      append_findings_text (out, check->findings);
    }

  if (!pt_cli_write (out))
    return PT_CLI_BAD_INPUT;

  return pt_doc_findings_have_error (check->findings) ? PT_CLI_FAILED : PT_CLI_OK;
}
