/* pt-test-utils.c: fixture paths, JSON fixtures and running the built CLI */
#include "config.h"

#include "pt-test-utils.h"

/* A file under tests/data/, found through G_TEST_SRCDIR as meson sets it. */
char *
pt_test_data_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", name, NULL);
}

JsonNode *
pt_test_load_json (const char *name)
{
  g_autofree char *path = pt_test_data_path (name);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);

  return json_parser_steal_root (parser);
}

/* Runs pt97112-cli (its path is in PT_CLI) with @argv, feeding @stdin_text. */
char *
pt_test_run_cli (const char * const  *argv,
                 const char          *stdin_text,
                 char               **stderr_text,
                 int                 *exit_status)
{
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *cli = g_getenv ("PT_CLI");
  char *out = NULL, *err = NULL;

  g_assert_nonnull (cli);
  g_ptr_array_add (args, (gpointer) cli);
  for (guint i = 0; argv[i]; i++)
    g_ptr_array_add (args, (gpointer) argv[i]);
  g_ptr_array_add (args, NULL);

  proc = g_subprocess_newv ((const char * const *) args->pdata,
                            G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                            G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);

  g_subprocess_communicate_utf8 (proc, stdin_text, NULL, &out, &err, &error);
  g_assert_no_error (error);

  *exit_status = g_subprocess_get_if_exited (proc) ? g_subprocess_get_exit_status (proc) : -1;
  if (stderr_text != NULL)
    *stderr_text = err;
  else
    g_free (err);

  return out;
}
