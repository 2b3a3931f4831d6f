/* bench-audit.c: how fast pt97112-cli audit reads a large CSV, beside wc -l
 *
 * Writes a CSV of 1,000,000 rows (visits of one to four codes, some codes on
 * two rows, most visits' rows together and about one row in ten moved further
 * down the file; --shuffle scatters every row) into a temporary directory,
 * runs "pt97112-cli audit --json FILE" with its output to /dev/null and then
 * "wc -l FILE", and prints each one's throughput by wall clock and by CPU
 * time (user + system of all its threads: steadier on a busy machine) and
 * its peak resident memory (ru_maxrss of the child, from wait4).
 *
 *   bench-audit [--rows N] [--shuffle] [--method cms|ama] [--keep]
 *
 * The CLI is PT_CLI from the environment, else the one this build made.
 */
#include "config.h"

#include <fcntl.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

typedef struct {
  double seconds;     /* wall clock */
  double cpu_seconds; /* user + system, all threads */
  long   max_rss_kib;
  int    status;
} RunStats;

static const char * const timed_codes[] = { "97110", "97112", "97116", "97140", "97530", "97535" };
static const char * const untimed_codes[] = { "97010", "97161", "97014" };

/* Per-code units, a plausible but not always right bill. */
static int
billed_guess (GRand *rand,
              int    minutes,
              int    timed)
{
  int units = timed ? (minutes < 8 ? 0 : (minutes + 7) / 15) : 1;
  int roll = g_rand_int_range (rand, 0, 100);

  if (roll < 5)
    return units + 1;
  if (roll < 8 && units > 0)
    return units - 1;
  return units;
}

static void
write_visit (GRand     *rand,
             guint64    visit,
             GPtrArray *rows,
             guint64   *n_rows,
             guint64    max_rows)
{
  int n_codes = g_rand_int_range (rand, 1, 5);
  gboolean used[G_N_ELEMENTS (timed_codes)] = { FALSE };

  for (int k = 0; k < n_codes && *n_rows < max_rows; k++)
    {
      gboolean timed = g_rand_int_range (rand, 0, 10) > 0;
      const char *code;
      int minutes = g_rand_int_range (rand, 3, 46);
      int parts = timed && g_rand_int_range (rand, 0, 5) == 0 ? 2 : 1;
      int billed = billed_guess (rand, minutes, timed);

      if (timed)
        {
          int i = g_rand_int_range (rand, 0, G_N_ELEMENTS (timed_codes));

          if (used[i])
            continue;
          used[i] = TRUE;
          code = timed_codes[i];
        }
      else
        code = untimed_codes[g_rand_int_range (rand, 0, G_N_ELEMENTS (untimed_codes))];

      for (int p = 0; p < parts && *n_rows < max_rows; p++)
        {
          int m = parts == 1 ? minutes : (p == 0 ? minutes / 2 : minutes - minutes / 2);
          int b = parts == 1 ? billed : (p == 0 ? billed : 0);

          g_ptr_array_add (rows, g_strdup_printf ("V%08" G_GUINT64_FORMAT "-2026,%s,%d,%d\n",
                                                  visit, code, m, b));
          (*n_rows)++;
        }
    }
}

/* Writes @max_rows data rows after a header. */
static void
generate (const char *path,
          guint64     max_rows,
          gboolean    shuffle)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (97112);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) late = g_ptr_array_new_with_free_func (g_free);
  guint64 n_rows = 0;
  FILE *f = fopen (path, "w");

  g_assert (f != NULL);
  fputs ("visit_id,code,minutes,billed_units\n", f);

  for (guint64 visit = 1; n_rows < max_rows; visit++)
    {
      g_ptr_array_set_size (rows, 0);
      write_visit (rand, visit, rows, &n_rows, max_rows);

      if (shuffle)
        {
          for (guint i = 0; i < rows->len; i++)
            g_ptr_array_add (late, g_steal_pointer (&rows->pdata[i]));
          continue;
        }

      for (guint i = 0; i < rows->len; i++)
        {
          const char *row = rows->pdata[i];

          if (g_rand_int_range (rand, 0, 10) == 0)
            g_ptr_array_add (late, g_strdup (row));
          else
            fputs (row, f);
        }

      /* Moved rows come out a few thousand rows later. */
      if (late->len >= 1000)
        {
          for (guint i = 0; i < late->len; i++)
            fputs (late->pdata[i], f);
          g_ptr_array_set_size (late, 0);
        }
    }

  if (shuffle)
    for (guint i = late->len; i > 1; i--)
      {
        guint j = g_rand_int_range (rand, 0, i);
        gpointer t = late->pdata[i - 1];

        late->pdata[i - 1] = late->pdata[j];
        late->pdata[j] = t;
      }

  for (guint i = 0; i < late->len; i++)
    fputs (late->pdata[i], f);

  g_assert (fclose (f) == 0);
}

static RunStats
run (const char * const *argv)
{
  RunStats stats = { 0 };
  struct rusage usage;
  gint64 start = g_get_monotonic_time ();
  pid_t pid = fork ();
  int status = 0;

  g_assert (pid >= 0);
  if (pid == 0)
    {
      int devnull = open ("/dev/null", O_WRONLY);

      dup2 (devnull, STDOUT_FILENO);
      dup2 (devnull, STDERR_FILENO);
      execv (argv[0], (char * const *) argv);
      _exit (127);
    }

  g_assert (wait4 (pid, &status, 0, &usage) == pid);
  stats.seconds = (g_get_monotonic_time () - start) / 1e6;
  stats.cpu_seconds = usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 +
                      usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
  stats.max_rss_kib = usage.ru_maxrss;
  stats.status = WIFEXITED (status) ? WEXITSTATUS (status) : -1;

  return stats;
}

static void
print_stats (const char     *what,
             const RunStats *stats,
             guint64         size)
{
  printf ("%-24s %7.3f s %8.1f MB/s   cpu %7.3f s %8.1f MB/s   peak RSS %7.1f MiB   exit %d\n",
          what, stats->seconds, size / 1e6 / stats->seconds,
          stats->cpu_seconds, size / 1e6 / MAX (stats->cpu_seconds, 1e-6),
          stats->max_rss_kib / 1024.0, stats->status);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *method = NULL;
  g_autofree char *wc = NULL;
  gint64 rows = 1000000;
  gboolean shuffle = FALSE;
  gboolean keep = FALSE;
  const char *cli = g_getenv ("PT_CLI");
  guint64 size;
  RunStats audit, count;
  const GOptionEntry entries[] = {
    { "rows", 'n', 0, G_OPTION_ARG_INT64, &rows, "Data rows to generate (1000000)", "N" },
    { "shuffle", 0, 0, G_OPTION_ARG_NONE, &shuffle, "Scatter every row of every visit", NULL },
    { "method", 'm', 0, G_OPTION_ARG_STRING, &method, "cms or ama", "METHOD" },
    { "keep", 0, 0, G_OPTION_ARG_NONE, &keep, "Keep the generated file", NULL },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || rows <= 0)
    {
      fprintf (stderr, "bench-audit: %s\n", error ? error->message : "--rows must be positive");
      return 2;
    }

  if (cli == NULL)
    cli = PT_CLI_PATH;
  wc = g_find_program_in_path ("wc");

  dir = g_dir_make_tmp ("pt-bench-audit-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "visits.csv", NULL);

  printf ("Generating %" G_GINT64_FORMAT " rows%s…\n", rows, shuffle ? " (shuffled)" : "");
  fflush (stdout);
  /* In a child, so that this process stays small: a forked child's peak
   * memory counts what it inherited before exec. */
  {
    pid_t pid = fork ();
    int status = 0;

    g_assert (pid >= 0);
    if (pid == 0)
      {
        generate (path, rows, shuffle);
        _exit (0);
      }
    g_assert (waitpid (pid, &status, 0) == pid && WIFEXITED (status) && WEXITSTATUS (status) == 0);
  }
  {
    GStatBuf st;

    g_assert (g_stat (path, &st) == 0);
    size = st.st_size;
  }
  printf ("%s: %.1f MB\n", path, size / 1e6);

  {
    const char *audit_argv[] = { cli, "audit", "--json", "--method", method ? method : "cms", path, NULL };
    const char *wc_argv[] = { wc, "-l", path, NULL };

    /* Once to warm the page cache, then measured. */
    if (wc != NULL)
      run (wc_argv);
    audit = run (audit_argv);
    count = wc ? run (wc_argv) : (RunStats) { 0 };
  }

  print_stats ("pt97112-cli audit --json", &audit, size);
  if (wc != NULL)
    print_stats ("wc -l", &count, size);
  printf ("audit / wc -l time: %.1f×   target 100 MB/s: %s\n",
          count.seconds > 0 ? audit.seconds / count.seconds : 0.0,
          size / 1e6 / audit.seconds >= 100 ? "met" : "not met");

  if (keep)
    printf ("kept %s\n", path);
  else
    {
      g_unlink (path);
      g_rmdir (dir);
    }

  return audit.status == 0 || audit.status == 1 ? 0 : 1;
}
