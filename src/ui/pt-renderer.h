/* pt-renderer.h: draws with cairo where OpenGL would be drawn in software */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

gboolean    pt_renderer_gl_is_software   (const char *gl_renderer);
gboolean    pt_renderer_have_gpu_devices (const char *dev_dir);
const char *pt_renderer_choose           (const char *env_renderer,
                                          gboolean    gpu_devices,
                                          const char *gl_renderer);
char       *pt_renderer_dup_gl_name      (GdkDisplay *display);
const char *pt_renderer_apply            (GdkDisplay *display);

G_END_DECLS
