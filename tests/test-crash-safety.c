/* test-crash-safety.c: killing the program never costs a saved visit or more than the last edits
 *
 * /crash-safety/kill-during-save: crash-saver saves two versions of a visit
 * to one path in turn and is killed with SIGKILL at random moments; after
 * each kill the file must read as exactly one of the two versions. GLib's
 * temporary files (NAME.XXXXXX) a kill leaves behind are counted and
 * reported; any other stray file fails the test.
 *
 * /crash-safety/kill-during-edit: crash-saver edits a visit in a PtWorkspace
 * and is killed after the draft delay; a new workspace must find the draft
 * and restore every edit made more than two seconds before the kill.
 *
 * The random moments come from the test's seed (--seed to repeat a run).
 */
#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "pt-test-utils.h"
#include "pt-visit-io.h"
#include "pt-workspace.h"

#define N_KILLS 60
#define N_EDIT_ROUNDS 3
/* The draft delay of a workspace without settings, and what the test allows
 * on top of it for the write and the kill to happen. The workspace's timer
 * is a millisecond one (g_timeout_add), so no grouping delay is added. */
#define DRAFT_DELAY_US (2 * G_USEC_PER_SEC)
#define TIMER_GRANULARITY_US 0
#define SLACK_US (500 * 1000)

static char *
helper_path (void)
{
  return g_test_build_filename (G_TEST_BUILT, "crash-saver", NULL);
}

static GSubprocess *
spawn_helper (GDataInputStream **out,
              const char        *first,
              ...) G_GNUC_NULL_TERMINATED;

/* Starts crash-saver with the arguments and waits for its "ready". */
static GSubprocess *
spawn_helper (GDataInputStream **out,
              const char        *first,
              ...)
{
  g_autofree char *helper = helper_path ();
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autofree char *line = NULL;
  GSubprocess *proc;
  va_list ap;

  g_ptr_array_add (args, helper);
  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  /* The test's own isolated folders, where this process looks for drafts. */
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_subprocess_launcher_setenv (launcher, "HOME", g_get_home_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_STATE_HOME", g_get_user_state_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CONFIG_HOME", g_get_user_config_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", g_get_user_data_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CACHE_HOME", g_get_user_cache_dir (), TRUE);
  proc = g_subprocess_launcher_spawnv (launcher, (const char * const *) args->pdata, &error);
  g_assert_no_error (error);

  *out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (proc));
  line = g_data_input_stream_read_line (*out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (line, ==, "ready");

  return proc;
}

static void
kill_helper (GSubprocess *proc)
{
  g_autoptr(GError) error = NULL;

  g_subprocess_send_signal (proc, SIGKILL);
  g_subprocess_wait (proc, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_signaled (proc));
  g_assert_cmpint (g_subprocess_get_term_sig (proc), ==, SIGKILL);
}

static GBytes *
version_bytes (const char *which)
{
  g_autofree char *helper = helper_path ();
  const char *argv[] = { helper, "print", which, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) proc = NULL;
  GBytes *out = NULL;

  proc = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate (proc, NULL, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_successful (proc));
  g_assert_cmpuint (g_bytes_get_size (out), >, 0);

  return out;
}

/* GLib's g_file_set_contents() temporary: NAME.XXXXXX */
static gboolean
is_glib_temp (const char *entry,
              const char *name)
{
  gsize len = strlen (name);

  if (strncmp (entry, name, len) != 0 || entry[len] != '.' || strlen (entry + len + 1) != 6)
    return FALSE;

  for (const char *p = entry + len + 1; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p))
      return FALSE;

  return TRUE;
}

static void
test_kill_during_save (void)
{
  g_autoptr(GBytes) version_a = version_bytes ("A");
  g_autoptr(GBytes) version_b = version_bytes ("B");
  g_autofree char *dir = g_dir_make_tmp ("pt-crash-XXXXXX", NULL);
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  guint seen_a = 0, seen_b = 0, temps = 0;

  g_assert_nonnull (dir);
  g_assert_false (g_bytes_equal (version_a, version_b));
  path = g_build_filename (dir, "visit.ptvisit.json", NULL);
  file = g_file_new_for_path (path);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (version_a, NULL),
                                      (gssize) g_bytes_get_size (version_a), NULL));

  for (guint k = 0; k < N_KILLS; k++)
    {
      g_autoptr(GDataInputStream) out = NULL;
      g_autoptr(GSubprocess) proc = spawn_helper (&out, "save", path, NULL);
      g_autoptr(GBytes) now = NULL;
      g_autoptr(PtVisit) visit = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GDir) listing = NULL;
      g_autofree char *data = NULL;
      gsize length;
      const char *entry;

      /* Anywhere from before the first save to a dozen saves in. */
      g_usleep (g_test_rand_int_range (0, 40 * 1000));
      kill_helper (proc);

      g_assert_true (g_file_get_contents (path, &data, &length, &error));
      g_assert_no_error (error);
      now = g_bytes_new (data, length);
      if (g_bytes_equal (now, version_a))
        seen_a++;
      else if (g_bytes_equal (now, version_b))
        seen_b++;
      else
        g_error ("after kill %u the file is neither version (%" G_GSIZE_FORMAT " bytes)", k, length);

      visit = pt_visit_load_from_file (file, &error);
      g_assert_no_error (error);
      g_assert_nonnull (visit);

      listing = g_dir_open (dir, 0, &error);
      g_assert_no_error (error);
      temps = 0;
      while ((entry = g_dir_read_name (listing)) != NULL)
        {
          if (strcmp (entry, "visit.ptvisit.json") == 0)
            continue;
          if (!is_glib_temp (entry, "visit.ptvisit.json"))
            g_error ("after kill %u a stray file “%s” was left", k, entry);
          temps++;
        }
    }

  g_test_message ("%u kills: the file was version A %u times and version B %u times; "
                  "%u temporary files (visit.ptvisit.json.XXXXXX) were left behind",
                  N_KILLS, seen_a, seen_b, temps);
  g_assert_cmpuint (seen_a + seen_b, ==, N_KILLS);
  /* The kills did land between saves that had finished: both versions showed. */
  g_assert_cmpuint (seen_b, >, 0);

  {
    g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
    const char *entry;

    while ((entry = g_dir_read_name (listing)) != NULL)
      {
        g_autofree char *full = g_build_filename (dir, entry, NULL);

        g_assert_cmpint (g_unlink (full), ==, 0);
      }
  }
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static guint
count_drafts (void)
{
  g_autoptr(GPtrArray) drafts = pt_workspace_list_drafts ();

  return drafts->len;
}

typedef struct {
  guint  n;
  gint64 time;
} Edit;

static void
test_kill_during_edit (void)
{
  for (guint round = 0; round < N_EDIT_ROUNDS; round++)
    {
      g_autoptr(GDataInputStream) out = NULL;
      g_autoptr(GSubprocess) proc = NULL;
      g_autoptr(GArray) edits = g_array_new (FALSE, FALSE, sizeof (Edit));
      g_autoptr(GPtrArray) drafts = NULL;
      g_autoptr(PtWorkspace) next = NULL;
      g_autoptr(GError) error = NULL;
      gint64 start, kill_at, killed, lost = 0;
      guint must_have = 0, last = 0, restored;
      const char *title;
      char *line;

      g_assert_cmpuint (count_drafts (), ==, 0);

      proc = spawn_helper (&out, "edit", NULL);
      start = g_get_monotonic_time ();
      /* After the first draft is due, at a random point of the editing. */
      kill_at = start + DRAFT_DELAY_US + TIMER_GRANULARITY_US + SLACK_US + 300 * 1000 +
                g_test_rand_int_range (0, 2000 * 1000);

      while ((line = g_data_input_stream_read_line (out, NULL, NULL, &error)) != NULL)
        {
          Edit edit;

          g_assert_true (sscanf (line, "edit %u %" G_GINT64_FORMAT, &edit.n, &edit.time) == 2);
          g_free (line);
          g_array_append_val (edits, edit);
          if (edit.time >= kill_at)
            break;
        }
      g_assert_no_error (error);

      killed = g_get_monotonic_time ();
      kill_helper (proc);

      /* What it printed before it died. */
      while ((line = g_data_input_stream_read_line (out, NULL, NULL, NULL)) != NULL)
        {
          Edit edit;

          if (sscanf (line, "edit %u %" G_GINT64_FORMAT, &edit.n, &edit.time) == 2)
            g_array_append_val (edits, edit);
          g_free (line);
        }

      for (guint i = 0; i < edits->len; i++)
        {
          const Edit *e = &g_array_index (edits, Edit, i);

          last = MAX (last, e->n);
          if (e->time + DRAFT_DELAY_US + TIMER_GRANULARITY_US + SLACK_US <= killed)
            must_have = MAX (must_have, e->n);
        }
      g_assert_cmpuint (must_have, >, 0);

      drafts = pt_workspace_list_drafts ();
      g_assert_cmpuint (drafts->len, ==, 1);

      next = pt_workspace_new (NULL);
      g_assert_true (pt_workspace_restore_draft (next, g_ptr_array_index (drafts, 0), &error));
      g_assert_no_error (error);

      title = pt_visit_get_title (pt_workspace_get_visit (next));
      g_assert_true (g_str_has_prefix (title, "edit "));
      restored = (guint) g_ascii_strtoull (title + 5, NULL, 10);
      for (guint i = 0; i < edits->len; i++)
        if (g_array_index (edits, Edit, i).n == restored + 1)
          lost = killed - g_array_index (edits, Edit, i).time;
      g_test_message ("round %u: killed %.2f s after the start, after edit %u; the draft has edit %u, "
                      "so the last %.2f s of editing were lost",
                      round, (killed - start) / (double) G_USEC_PER_SEC, last, restored,
                      lost / (double) G_USEC_PER_SEC);

      /* Nothing older than the draft delay is lost, and nothing is invented:
       * the edit being made when the kill came may be in, unprinted. */
      g_assert_cmpuint (restored, >=, must_have);
      g_assert_cmpuint (restored, <=, last + 1);
      g_assert_cmpuint (pt_visit_get_n_blocks (pt_workspace_get_visit (next)), ==, 1);
      g_assert_cmpint (pt_block_get_minutes (pt_visit_get_block (pt_workspace_get_visit (next), 0)),
                       ==, (gint) (restored % 1000));
      g_assert_true (pt_workspace_get_dirty (next));

      /* The restored workspace owns the draft now; discarding it leaves none. */
      pt_workspace_discard_draft (next);
      g_assert_cmpuint (count_drafts (), ==, 0);
    }
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *home = pt_test_isolate_user_dirs ();
  int status;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/crash-safety/kill-during-save", test_kill_during_save);
  g_test_add_func ("/crash-safety/kill-during-edit", test_kill_during_edit);

  status = g_test_run ();
  pt_test_remove_tree (home);

  return status;
}
