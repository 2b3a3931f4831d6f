/* pt-test-utils.c: fixture paths, JSON fixtures, running the built CLI, and
 * private user folders for tests that start child processes */
#include "config.h"

#include <glib/gstdio.h>

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

/* Private HOME and XDG folders for this run, set before GLib first reads
 * them; returns their parent, for pt_test_remove_tree() at the end. G_TEST_OPTION_ISOLATE_DIRS would do the same, but GLib 2.74 leaks in
 * it (g_set_user_dirs) and LeakSanitizer fails the run. */
char *
pt_test_isolate_user_dirs (void)
{
  static const char * const vars[] = {
    "HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", NULL
  };
  char *base = g_dir_make_tmp ("pt-home-XXXXXX", NULL);

  g_assert_nonnull (base);
  for (guint i = 0; vars[i] != NULL; i++)
    {
      g_autofree char *dir = g_build_filename (base, vars[i], NULL);

      g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
      g_setenv (vars[i], dir, TRUE);
    }

  return base;
}

/* Removes @path and everything below it (links are removed, not followed). */
void
pt_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        pt_test_remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}
