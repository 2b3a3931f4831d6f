/* bench-bare-window.c: the yardstick for the start-up benchmark, an empty GTK window
 *
 * Not a test. A GtkApplication that presents one empty GtkWindow of the main
 * window's default size (1280×800, the GSettings defaults), built with the same
 * flags, so build-aux/bench can time it and read its memory exactly as it does
 * the app's. With PT97112_BENCH_FIRST_FRAME=1 it prints, on the first
 * "after-paint" of the window's frame clock,
 *
 *   PT97112_FIRST_FRAME monotonic_us=N
 *
 * and quits, at once or after PT97112_BENCH_HOLD_MS milliseconds, like the
 * app's hook (src/ui/pt-bench-hook.c).
 */
#include "config.h"

#include <gtk/gtk.h>
#include <stdio.h>

static gboolean
quit_cb (gpointer data)
{
  g_application_quit (G_APPLICATION (data));
  g_object_unref (data);

  return G_SOURCE_REMOVE;
}

static void
on_after_paint (GdkFrameClock *clock,
                GtkWindow     *window)
{
  const char *hold = g_getenv ("PT97112_BENCH_HOLD_MS");
  guint hold_ms = hold != NULL ? (guint) MIN (g_ascii_strtoull (hold, NULL, 10), 600000) : 0;
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (window));

  g_signal_handlers_disconnect_by_func (clock, on_after_paint, window);

  /* The renderer's name, so the report can say what each program drew with. */
  printf ("PT97112_FIRST_FRAME monotonic_us=%" G_GINT64_FORMAT " renderer=%s\n", g_get_monotonic_time (),
          renderer != NULL ? G_OBJECT_TYPE_NAME (renderer) : "none");
  fflush (stdout);

  g_timeout_add (hold_ms, quit_cb, g_object_ref (gtk_window_get_application (window)));
}

static void
on_realize (GtkWidget *widget)
{
  g_signal_handlers_disconnect_by_func (widget, on_realize, NULL);
  g_signal_connect_object (gtk_widget_get_frame_clock (widget), "after-paint",
                           G_CALLBACK (on_after_paint), widget, 0);
}

static void
on_activate (GtkApplication *app)
{
  GtkWidget *window = gtk_window_new ();

  gtk_window_set_application (GTK_WINDOW (window), app);
  gtk_window_set_title (GTK_WINDOW (window), "Bare window");
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  if (g_strcmp0 (g_getenv ("PT97112_BENCH_FIRST_FRAME"), "1") == 0)
    g_signal_connect (window, "realize", G_CALLBACK (on_realize), NULL);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GtkApplication) app = gtk_application_new ("org.example.Pt97112.BenchBare",
                                                       G_APPLICATION_DEFAULT_FLAGS);

  g_signal_connect (app, "activate", G_CALLBACK (on_activate), NULL);

  return g_application_run (G_APPLICATION (app), argc, argv);
}
