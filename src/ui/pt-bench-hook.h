/* pt-bench-hook.h: reports the main window's first drawn frame for the start-up benchmark */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void pt_bench_hook_install (GtkWindow *window);

G_END_DECLS
