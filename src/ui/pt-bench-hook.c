/* pt-bench-hook.c: reports the main window's first drawn frame for the start-up benchmark
 *
 * Does nothing unless PT97112_BENCH_FIRST_FRAME=1 is in the environment. Then,
 * on the first "after-paint" of the window's frame clock, it prints one line
 *
 *   PT97112_FIRST_FRAME monotonic_us=N
 *
 * to standard output (N from g_get_monotonic_time(), CLOCK_MONOTONIC, so
 * build-aux/bench can subtract the moment it spawned the program), and quits
 * the application: at once, or after PT97112_BENCH_HOLD_MS milliseconds so the
 * benchmark can read the resident memory of a program that has settled.
 * tests/bench/bench-bare-window.c prints the same line the same way.
 */
#include "config.h"

#include <stdio.h>

#include "pt-bench-hook.h"

static gboolean
quit_cb (gpointer data)
{
  GApplication *app = data;

  g_application_quit (app);
  g_object_unref (app);

  return G_SOURCE_REMOVE;
}

static void
on_after_paint (GdkFrameClock *clock,
                GtkWindow     *window)
{
  GtkApplication *app = gtk_window_get_application (window);
  const char *hold = g_getenv ("PT97112_BENCH_HOLD_MS");
  guint hold_ms = hold != NULL ? (guint) MIN (g_ascii_strtoull (hold, NULL, 10), 600000) : 0;
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (window));

  g_signal_handlers_disconnect_by_func (clock, on_after_paint, window);

  /* The renderer's name, so the report can say what each program drew with. */
  printf ("PT97112_FIRST_FRAME monotonic_us=%" G_GINT64_FORMAT " renderer=%s\n", g_get_monotonic_time (),
          renderer != NULL ? G_OBJECT_TYPE_NAME (renderer) : "none");
  fflush (stdout);

  if (app != NULL)
    g_timeout_add (hold_ms, quit_cb, g_object_ref (app));
}

static void
on_realize (GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);

  g_signal_handlers_disconnect_by_func (widget, on_realize, NULL);
  if (clock != NULL)
    g_signal_connect_object (clock, "after-paint", G_CALLBACK (on_after_paint), widget, 0);
}

void
pt_bench_hook_install (GtkWindow *window)
{
  g_return_if_fail (GTK_IS_WINDOW (window));

  if (g_strcmp0 (g_getenv ("PT97112_BENCH_FIRST_FRAME"), "1") != 0)
    return;

  if (gtk_widget_get_realized (GTK_WIDGET (window)))
    on_realize (GTK_WIDGET (window));
  else
    g_signal_connect (window, "realize", G_CALLBACK (on_realize), NULL);
}
