/* test-privacy.c: the program opens no network connection and keeps what it writes private
 *
 * /privacy/no-network/cli and /privacy/no-network/gui run pt97112-cli over
 * its commands and the window for a few seconds under
 * `strace -f -e trace=network` and fail on any connect, sendto or sendmsg to
 * an AF_INET or AF_INET6 address (Unix sockets for D-Bus and X are fine).
 * They are skipped without strace, without ptrace, or, for the window,
 * without a display or a GUI build.
 *
 * /privacy/mode/...: a saved visit, a draft and a user scenario library
 * are written with mode 0600 whatever the umask, also over a file that was
 * readable by others, and the drafts folder is the user's alone.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "pt-scenario-library.h"
#include "pt-test-utils.h"
#include "pt-visit-io.h"
#include "pt-workspace.h"

static char *
find_strace (void)
{
  g_autofree char *strace = g_find_program_in_path ("strace");
  g_autoptr(GError) error = NULL;
  int status = -1;
  const char *argv[] = { NULL, "-f", "-qq", "-e", "trace=network", "-o", "/dev/null", "true", NULL };

  if (strace == NULL)
    return NULL;

  /* ptrace may be forbidden (a container without CAP_SYS_PTRACE). */
  argv[0] = strace;
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, NULL, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, NULL))
    return NULL;

  return g_steal_pointer (&strace);
}

/* Runs @argv under strace into @log; returns the program's exit status. */
static int
run_traced (const char         *strace,
            const char         *log,
            const char * const *argv)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) env = g_get_environ ();
  g_autofree char *asan = NULL;
  int status = -1;

  g_ptr_array_add (args, (gpointer) strace);
  g_ptr_array_add (args, "-f");
  g_ptr_array_add (args, "-qq");
  g_ptr_array_add (args, "-e");
  g_ptr_array_add (args, "trace=network");
  g_ptr_array_add (args, "-o");
  g_ptr_array_add (args, (gpointer) log);
  g_ptr_array_add (args, "--");
  for (guint i = 0; argv[i] != NULL; i++)
    g_ptr_array_add (args, (gpointer) argv[i]);
  g_ptr_array_add (args, NULL);

  /* LeakSanitizer cannot run under ptrace: in a sanitizer build, the traced
   * programs skip their leak check (the rest of the suite does it). */
  asan = g_strconcat (g_getenv ("ASAN_OPTIONS") ? g_getenv ("ASAN_OPTIONS") : "",
                      ":detect_leaks=0", NULL);
  env = g_environ_setenv (env, "ASAN_OPTIONS", asan, TRUE);

  g_assert_true (g_spawn_sync (NULL, (char **) args->pdata, env,
                               G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, NULL, NULL, &status, &error));
  g_assert_no_error (error);

  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

/* Fails on any connect/sendto/sendmsg to an Internet address in the log;
 * returns the number of network calls traced. */
static guint
check_log (const char *log,
           const char *what)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  guint calls = 0;

  g_assert_true (g_file_get_contents (log, &text, NULL, NULL));
  lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];
      gboolean sends = strstr (line, "connect(") != NULL || strstr (line, "sendto(") != NULL ||
                       strstr (line, "sendmsg(") != NULL || strstr (line, "sendmmsg(") != NULL;

      if (*line == '\0')
        continue;
      calls++;
      if (sends && strstr (line, "AF_INET") != NULL)
        g_error ("%s reached for the network: %s", what, line);
    }

  return calls;
}

static void
test_cli_no_network (void)
{
  g_autofree char *strace = find_strace ();
  g_autofree char *dir = NULL, *log = NULL, *jsonl = NULL;
  g_autofree char *visit = pt_test_data_path ("checks/scenario-a.ptvisit.json");
  g_autofree char *csv = pt_test_data_path ("audit/claims.csv");
  g_autofree char *vectors = pt_test_data_path ("allocation.json");
  const char *cli = g_getenv ("PT_CLI");

  if (strace == NULL)
    {
      g_test_skip ("strace is missing or cannot trace here");
      return;
    }
  g_assert_nonnull (cli);

  dir = g_dir_make_tmp ("pt-privacy-XXXXXX", NULL);
  log = g_build_filename (dir, "strace.log", NULL);
  jsonl = g_build_filename (dir, "visits.jsonl", NULL);
  g_assert_true (g_file_set_contents (jsonl,
                                      "{\"id\": \"v1\", \"method\": \"cms\", \"blocks\": [{\"code\": \"97112\", \"minutes\": 24}]}\n"
                                      "{\"id\": \"v2\", \"method\": \"ama\", \"blocks\": [{\"code\": \"97110\", \"minutes\": 38}]}\n",
                                      -1, NULL));

  {
    const struct {
      const char *argv[6];
      int         status;
    } runs[] = {
      { { cli, "check", visit, NULL }, -1 },
      { { cli, "check", "--json", visit, NULL }, -1 },
      { { cli, "allocate", "--jsonl", jsonl, NULL }, 0 },
      { { cli, "allocate", "97112=24", "97110=23", NULL }, 0 },
      { { cli, "audit", csv, NULL }, -1 },
      { { cli, "codes", "balance", NULL }, 0 },
      { { cli, "scenarios", NULL }, 0 },
      { { cli, "conformance", vectors, NULL }, 0 },
    };

    for (guint i = 0; i < G_N_ELEMENTS (runs); i++)
      {
        int status = run_traced (strace, log, runs[i].argv);
        g_autofree char *what = g_strjoinv (" ", (char **) runs[i].argv + 1);

        /* It ran (0, or 1 for findings), not a usage error or a crash. */
        if (runs[i].status >= 0)
          g_assert_cmpint (status, ==, runs[i].status);
        else
          g_assert_true (status == 0 || status == 1);
        check_log (log, what);
      }
  }

  g_unlink (log);
  g_unlink (jsonl);
  g_rmdir (dir);
}

static void
test_gui_no_network (void)
{
  g_autofree char *strace = find_strace ();
  g_autofree char *app = g_test_build_filename (G_TEST_BUILT, "..", "src", "ui", "pt97112", NULL);
  g_autofree char *visit = pt_test_data_path ("checks/scenario-a.ptvisit.json");
  g_autofree char *dir = NULL, *log = NULL, *text = NULL;
  const char *argv[] = { "timeout", "-s", "TERM", "4", app, visit, NULL };
  int status;

  if (!g_file_test (app, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("the window is not built (-Dgui=disabled)");
      return;
    }
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_test_skip ("no display: run it through build-aux/dev test, which starts Xvfb");
      return;
    }
  if (strace == NULL)
    {
      g_test_skip ("strace is missing or cannot trace here");
      return;
    }

  dir = g_dir_make_tmp ("pt-privacy-XXXXXX", NULL);
  log = g_build_filename (dir, "strace.log", NULL);

  /* Four seconds of the window with a visit open; timeout ends it (124). */
  status = run_traced (strace, log, argv);
  g_test_message ("the window ran and was stopped (exit status %d)", status);
  g_assert_cmpint (status, ==, 124);
  g_assert_cmpuint (check_log (log, "the window"), >, 0);

  /* The trace did see the window's own sockets: X or Wayland, and D-Bus. */
  g_assert_true (g_file_get_contents (log, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "AF_UNIX"));

  g_unlink (log);
  g_rmdir (dir);
}

static void
assert_private (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  if ((st.st_mode & 0777) != 0600)
    g_error ("%s has mode %03o, not 0600", path, st.st_mode & 0777);
}

static PtVisit *
sample_visit (void)
{
  PtVisit *visit = pt_visit_new ();
  g_autoptr(PtBlock) block = pt_block_new ("97112", 24);

  pt_visit_set_title (visit, "Private visit");
  pt_visit_append_block (visit, block);

  return visit;
}

/* Umask 0 would make a carelessly created file world-readable. */
static void
test_saved_visit_mode (void)
{
  g_autoptr(PtVisit) visit = sample_visit ();
  g_autofree char *dir = g_dir_make_tmp ("pt-privacy-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "visit.ptvisit.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  mode_t old_umask = umask (0);

  g_assert_true (pt_visit_save_to_file (visit, file, &error));
  g_assert_no_error (error);
  assert_private (path);

  /* Saving over a file others could read leaves one they cannot. */
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);
  g_assert_true (pt_visit_save_to_file (visit, file, &error));
  g_assert_no_error (error);
  assert_private (path);

  umask (old_umask);
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_draft_mode (void)
{
  g_autoptr(PtWorkspace) ws = pt_workspace_new (NULL);
  g_autoptr(PtBlock) block = pt_block_new ("97110", 30);
  g_autoptr(GFile) draft = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL, *dir = NULL;
  mode_t old_umask = umask (0);
  GStatBuf st;

  pt_visit_append_block (pt_workspace_get_visit (ws), block);
  g_assert_true (pt_workspace_write_draft (ws, &error));
  g_assert_no_error (error);
  umask (old_umask);

  draft = pt_workspace_get_draft_file (ws);
  path = g_file_get_path (draft);
  assert_private (path);

  dir = pt_workspace_drafts_dir ();
  g_assert_cmpint (g_stat (dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0077, ==, 0);

  pt_workspace_discard_draft (ws);
}

static void
test_user_library_mode (void)
{
  g_autoptr(PtScenarioLibrary) library = pt_scenario_library_new ();
  g_autoptr(PtVisit) visit = sample_visit ();
  g_autoptr(PtScenario) scenario = pt_scenario_new ("my-private", "My private scenario", visit);
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "my-scenarios.ptlibrary.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  mode_t old_umask = umask (0);

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0700), ==, 0);
  g_assert_true (pt_scenario_library_add (library, scenario, &error));
  g_assert_no_error (error);
  g_assert_true (pt_scenario_library_save_to_file (library, file, &error));
  g_assert_no_error (error);
  umask (old_umask);

  assert_private (path);
  g_unlink (path);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *home = pt_test_isolate_user_dirs ();
  int status;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/privacy/no-network/cli", test_cli_no_network);
  g_test_add_func ("/privacy/no-network/gui", test_gui_no_network);
  g_test_add_func ("/privacy/mode/saved-visit", test_saved_visit_mode);
  g_test_add_func ("/privacy/mode/draft", test_draft_mode);
  g_test_add_func ("/privacy/mode/user-library", test_user_library_mode);

  status = g_test_run ();
  pt_test_remove_tree (home);

  return status;
}
