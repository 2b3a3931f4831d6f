/* main.c: pt97112, the application */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "pt-application.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(PtApplication) app = NULL;
  const char *localedir = g_getenv ("PT97112_LOCALEDIR"); /* uninstalled translations, for tests */

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && *localedir != '\0' ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_set_application_name ("Pt97112");
  app = pt_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
