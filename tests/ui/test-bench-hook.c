/* test-bench-hook.c: the start-up benchmark's first-frame report, in the app and the bare window
 *
 * build-aux/bench times both programs by the line they print on their first
 * drawn frame. These tests check that the hook stays silent unless asked,
 * that it reports once and lets go of the frame clock, and that the built app
 * and the bare window print the line and quit by themselves.
 */
#include "config.h"

#include <gtk/gtk.h>
#include <string.h>

#include "pt-bench-hook.h"

static guint after_paint_id;
static gboolean painted;

static void
on_after_paint (GdkFrameClock *clock)
{
  painted = TRUE;
}

/* Presents @window and runs the main loop until it has drawn a frame. */
static void
present_and_draw (GtkWindow *window)
{
  GdkFrameClock *clock;
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  gtk_widget_realize (GTK_WIDGET (window));
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), NULL);
  painted = FALSE;
  gtk_window_present (window);
  while (!painted && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (painted);
  g_signal_handlers_disconnect_by_func (clock, on_after_paint, NULL);
}

/* How many "after-paint" handlers of @clock are there for @window (GTK has
 * its own; the hook adds one). Blocking them counts them. */
static guint
hook_handlers (GdkFrameClock *clock,
               GtkWidget     *window)
{
  guint n = g_signal_handlers_block_matched (clock, G_SIGNAL_MATCH_ID | G_SIGNAL_MATCH_DATA,
                                             after_paint_id, 0, NULL, NULL, window);

  g_signal_handlers_unblock_matched (clock, G_SIGNAL_MATCH_ID | G_SIGNAL_MATCH_DATA,
                                     after_paint_id, 0, NULL, NULL, window);
  return n;
}

/* The handlers a window has with no hook at all. The window stays: GTK's
 * own handlers on the clock of a window destroyed while realized but never
 * shown can outlive it. */
static guint
base_handlers (void)
{
  static GtkWidget *window;

  if (window == NULL)
    {
      window = gtk_window_new ();
      gtk_widget_realize (window);
    }

  return hook_handlers (gtk_widget_get_frame_clock (window), window);
}

static void
test_silent_unless_asked (void)
{
  guint base = base_handlers ();

  for (guint i = 0; i < 2; i++)
    {
      GtkWidget *window = gtk_window_new ();

      /* Unset, and any other value than 1, is "no". */
      if (i == 0)
        g_unsetenv ("PT97112_BENCH_FIRST_FRAME");
      else
        g_setenv ("PT97112_BENCH_FIRST_FRAME", "0", TRUE);
      pt_bench_hook_install (GTK_WINDOW (window));
      g_unsetenv ("PT97112_BENCH_FIRST_FRAME");
      present_and_draw (GTK_WINDOW (window));
      g_assert_cmpuint (hook_handlers (gtk_widget_get_frame_clock (window), window), ==, base);
      gtk_window_destroy (GTK_WINDOW (window));
    }
}

static void
test_reports_once (void)
{
  /* In a child, whose standard output the test reads. */
  if (g_test_subprocess ())
    {
      guint base = base_handlers ();
      GtkWidget *window = gtk_window_new ();
      GdkFrameClock *clock;

      g_setenv ("PT97112_BENCH_FIRST_FRAME", "1", TRUE);
      pt_bench_hook_install (GTK_WINDOW (window));
      g_unsetenv ("PT97112_BENCH_FIRST_FRAME");

      gtk_widget_realize (window);
      clock = gtk_widget_get_frame_clock (window);
      g_assert_cmpuint (hook_handlers (clock, window), ==, base + 1);

      /* The window has no application: it reports and lets the clock go. */
      present_and_draw (GTK_WINDOW (window));
      g_assert_cmpuint (hook_handlers (clock, window), ==, base);

      /* A second frame says nothing more. */
      gtk_widget_queue_draw (window);
      present_and_draw (GTK_WINDOW (window));

      gtk_window_destroy (GTK_WINDOW (window));
      return;
    }

  g_test_trap_subprocess (NULL, 30 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("*PT97112_FIRST_FRAME monotonic_us=*");
  g_test_trap_assert_stdout_unmatched ("*PT97112_FIRST_FRAME*PT97112_FIRST_FRAME*");
}

/* Runs @program with the benchmark's variables; it must print the line on its
 * first frame, with a time after the spawn, and then quit by itself. */
static void
check_program (const char *program)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  const char *marker;
  gint64 spawned, reported;

  if (!g_file_test (program, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("not built");
      return;
    }

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_subprocess_launcher_setenv (launcher, "PT97112_BENCH_FIRST_FRAME", "1", TRUE);
  g_subprocess_launcher_setenv (launcher, "GSETTINGS_BACKEND", "memory", TRUE);
  g_subprocess_launcher_unsetenv (launcher, "PT97112_BENCH_HOLD_MS");
  spawned = g_get_monotonic_time ();
  process = g_subprocess_launcher_spawn (launcher, &error, program, NULL);
  g_assert_no_error (error);

  /* Returns once the program has quit: it must not wait to be closed. */
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_successful (process));

  marker = strstr (out, "PT97112_FIRST_FRAME monotonic_us=");
  g_assert_nonnull (marker);
  reported = g_ascii_strtoll (marker + strlen ("PT97112_FIRST_FRAME monotonic_us="), NULL, 10);
  g_assert_cmpint (reported, >, spawned);
  g_assert_cmpint (reported, <, g_get_monotonic_time ());
  /* Once only. */
  g_assert_null (strstr (marker + 1, "PT97112_FIRST_FRAME"));
}

static void
test_app_reports_and_quits (void)
{
  g_autofree char *app = g_test_build_filename (G_TEST_BUILT, "..", "src", "ui", "pt97112", NULL);

  check_program (app);
}

static void
test_bare_window_reports_and_quits (void)
{
  g_autofree char *bare = g_test_build_filename (G_TEST_BUILT, "bench-bare-window", NULL);

  check_program (bare);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  gtk_init ();
  after_paint_id = g_signal_lookup ("after-paint", GDK_TYPE_FRAME_CLOCK);

  g_test_add_func ("/bench-hook/silent-unless-asked", test_silent_unless_asked);
  g_test_add_func ("/bench-hook/reports-once", test_reports_once);
  g_test_add_func ("/bench-hook/app-reports-and-quits", test_app_reports_and_quits);
  g_test_add_func ("/bench-hook/bare-window-reports-and-quits", test_bare_window_reports_and_quits);

  return g_test_run ();
}
