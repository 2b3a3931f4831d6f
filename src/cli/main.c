/* main.c: pt97112-cli, the command-line tool on the same engine as the app */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "pt-cli.h"

static const PtCliCommand commands[] = {
  { "allocate", N_("Billable units for one visit or a stream of visits"), pt_cli_allocate },
  { "audit", N_("Check billed units of many visits in a CSV file"), pt_cli_audit },
  { "check", N_("Units and documentation findings for a saved visit"), pt_cli_check },
  { "codes", N_("Look up rehab codes in the offline catalogue"), pt_cli_codes },
  { "conformance", N_("Run a file of test vectors through the engine"), pt_cli_conformance },
  { "scenarios", N_("The built-in teaching scenarios and their units"), pt_cli_scenarios },
};

static void
print_usage (FILE *stream)
{
  fprintf (stream, "%s\n\n%s\n", _("Usage: pt97112-cli COMMAND [OPTION…]"), _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (stream, "  %-13s %s\n", commands[i].name, _(commands[i].summary));
  fprintf (stream, "\n%s\n", _("“pt97112-cli COMMAND --help” shows a command’s options."));
}

int
main (int    argc,
      char **argv)
{
  const char *localedir = g_getenv ("PT97112_LOCALEDIR"); /* uninstalled translations, for tests */

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && *localedir != '\0' ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc < 2)
    {
      print_usage (stderr);
      return PT_CLI_BAD_INPUT;
    }

  if (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0 || strcmp (argv[1], "help") == 0)
    {
      print_usage (stdout);
      return PT_CLI_OK;
    }

  if (strcmp (argv[1], "--version") == 0)
    {
      g_print ("pt97112-cli %s\n", PACKAGE_VERSION);
      return PT_CLI_OK;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (strcmp (argv[1], commands[i].name) == 0)
      {
        g_autofree char *prgname = g_strdup_printf ("pt97112-cli %s", commands[i].name);

        g_set_prgname (prgname);
        return commands[i].run (argc - 1, argv + 1);
      }

  g_printerr (_("pt97112-cli: unknown command “%s”\n\n"), argv[1]);
  print_usage (stderr);
  return PT_CLI_BAD_INPUT;
}
