/* crash-saver.c: a helper of test-crash-safety.c, meant to be killed while it works
 *
 *   crash-saver save PATH   saves two different visits to PATH in turn, forever
 *   crash-saver edit        edits a visit in a PtWorkspace without a display,
 *                           one edit every 50 ms, forever
 *
 * Both print "ready" once started; "edit" also prints "edit N T" after its
 * N-th edit, T being the monotonic time in microseconds (the same clock in
 * every process of the machine), so the test knows what was done and when.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "pt-visit-io.h"
#include "pt-workspace.h"

#define EDIT_INTERVAL_MS 50

/* The two versions: different sizes, so a torn write cannot pass for one. */
static PtVisit *
make_version (guint which)
{
  PtVisit *visit = pt_visit_new ();

  pt_visit_set_title (visit, which == 0 ? "Version A: balance" : "Version B: gait and balance, longer");
  pt_visit_set_date (visit, "2026-03-14");
  for (guint i = 0; i < (which == 0 ? 2u : 6u); i++)
    {
      g_autoptr(PtBlock) block = pt_block_new (i % 2 == 0 ? "97112" : "97110", 8 + (gint) i);

      pt_block_set_text (block, 0, which == 0 ? "short" : "a much longer deficit text for version B");
      pt_visit_append_block (visit, block);
    }

  return visit;
}

/* The visits the test compares the file with: "crash-saver print N". */
static int
print_version (guint which)
{
  g_autoptr(PtVisit) visit = make_version (which);
  g_autofree char *data = NULL;
  gsize length;

  data = pt_visit_to_data (visit, &length);
  fwrite (data, 1, length, stdout);
  return 0;
}

static int
save_forever (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  PtVisit *versions[2] = { make_version (0), make_version (1) };

  printf ("ready\n");
  fflush (stdout);

  for (guint64 n = 0;; n++)
    {
      g_autoptr(GError) error = NULL;

      if (!pt_visit_save_to_file (versions[n % 2], file, &error))
        {
          fprintf (stderr, "crash-saver: %s\n", error->message);
          return 1;
        }
    }
}

typedef struct {
  PtWorkspace *workspace;
  PtBlock     *block;
  guint        n;
} Editor;

/* Edit N sets the title to "edit N" and the block's minutes to N % 1000. */
static gboolean
edit_cb (gpointer data)
{
  Editor *editor = data;
  g_autofree char *title = NULL;

  editor->n++;
  title = g_strdup_printf ("edit %u", editor->n);
  pt_visit_set_title (pt_workspace_get_visit (editor->workspace), title);
  pt_block_set_minutes (editor->block, (gint) (editor->n % 1000));

  printf ("edit %u %" G_GINT64_FORMAT "\n", editor->n, g_get_monotonic_time ());
  fflush (stdout);

  return G_SOURCE_CONTINUE;
}

static int
edit_forever (void)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(PtWorkspace) workspace = pt_workspace_new (NULL);
  g_autoptr(PtBlock) block = pt_block_new ("97112", 0);
  Editor editor = { workspace, block, 0 };

  pt_visit_append_block (pt_workspace_get_visit (workspace), block);

  printf ("ready\n");
  fflush (stdout);

  g_timeout_add (EDIT_INTERVAL_MS, edit_cb, &editor);
  g_main_loop_run (loop);

  return 0;
}

int
main (int    argc,
      char **argv)
{
  if (argc == 3 && strcmp (argv[1], "save") == 0)
    return save_forever (argv[2]);
  if (argc == 2 && strcmp (argv[1], "edit") == 0)
    return edit_forever ();
  if (argc == 3 && strcmp (argv[1], "print") == 0)
    return print_version (argv[2][0] == 'B' ? 1 : 0);

  fprintf (stderr, "usage: crash-saver save PATH | edit | print A|B\n");
  return 2;
}
