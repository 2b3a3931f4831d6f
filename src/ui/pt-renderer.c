/* pt-renderer.c: draws with cairo where OpenGL would be drawn in software
 *
 * GTK 4.8 draws with its OpenGL renderer whenever OpenGL works, even when
 * Mesa draws that OpenGL on the processor (llvmpipe, softpipe, swrast): on a
 * virtual machine, a remote desktop or a headless display. There every new
 * shader is compiled by LLVM on first use and every pixel is shaded in
 * software, so the first frame is slow, each later frame of a busy visit
 * takes tens of milliseconds, and the shaders and textures cost tens of
 * megabytes. GTK's cairo renderer draws the same widgets directly and is
 * several times quicker there (README, "Performance"). Newer GTK releases
 * make the same choice themselves: they skip their OpenGL renderers on
 * llvmpipe.
 *
 * So at start-up, unless the user chose a renderer with GSK_RENDERER, we
 * find out whether OpenGL would be drawn in software and if so tell GTK to
 * use cairo for this display's windows. With a real GPU nothing changes.
 * Without any GPU device (no /dev/dri, no /dev/nvidia*: a virtual machine,
 * a container, a sandbox without --device=dri) or with
 * LIBGL_ALWAYS_SOFTWARE, OpenGL can only be software and we need not load
 * the driver to ask; otherwise we ask OpenGL who draws it.
 */
#include "config.h"

#include <epoxy/gl.h>
#include <string.h>

#include "pt-renderer.h"

/* Mesa's software rasterizers name themselves in GL_RENDERER this way. */
static const char * const software_names[] = {
  "llvmpipe",
  "softpipe",
  "Software Rasterizer",
  "swrast",
};

/* TRUE when @gl_renderer (GL_RENDERER's text) is a software rasterizer. */
gboolean
pt_renderer_gl_is_software (const char *gl_renderer)
{
  if (gl_renderer == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (software_names); i++)
    if (strstr (gl_renderer, software_names[i]) != NULL)
      return TRUE;

  return FALSE;
}

/* TRUE when @dev_dir ("/dev") holds a device OpenGL could draw with: a DRM
 * node (dri/card*, dri/renderD*) or NVIDIA's own (nvidia0…). */
gboolean
pt_renderer_have_gpu_devices (const char *dev_dir)
{
  g_autofree char *dri = g_build_filename (dev_dir, "dri", NULL);
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GDir) top = NULL;
  const char *name;

  dir = g_dir_open (dri, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, "card") || g_str_has_prefix (name, "renderD"))
      return TRUE;

  top = g_dir_open (dev_dir, 0, NULL);
  while (top != NULL && (name = g_dir_read_name (top)) != NULL)
    if (g_str_has_prefix (name, "nvidia") && g_ascii_isdigit (name[strlen ("nvidia")]))
      return TRUE;

  return FALSE;
}

/* The renderer to ask GTK for, or NULL to leave GTK's own choice: the user's
 * GSK_RENDERER (@env_renderer) always wins; otherwise cairo when OpenGL can
 * only be software (no @gpu_devices) or is (@gl_renderer, GL_RENDERER's
 * text, NULL when unknown or there is no OpenGL). */
const char *
pt_renderer_choose (const char *env_renderer,
                    gboolean    gpu_devices,
                    const char *gl_renderer)
{
  if (env_renderer != NULL && *env_renderer != '\0')
    return NULL;
  if (!gpu_devices)
    return "cairo";

  return pt_renderer_gl_is_software (gl_renderer) ? "cairo" : NULL;
}

/* Mesa's own switch: LIBGL_ALWAYS_SOFTWARE set to anything but 0/false. */
static gboolean
software_forced (void)
{
  const char *value = g_getenv ("LIBGL_ALWAYS_SOFTWARE");

  return value != NULL && *value != '\0' && g_strcmp0 (value, "0") != 0 &&
         g_ascii_strcasecmp (value, "false") != 0;
}

/* GL_RENDERER of a throwaway context of @display, or NULL without OpenGL. */
char *
pt_renderer_dup_gl_name (GdkDisplay *display)
{
  g_autoptr(GdkGLContext) context = NULL;
  g_autoptr(GError) error = NULL;
  const char *name;
  char *result;

  g_return_val_if_fail (GDK_IS_DISPLAY (display), NULL);

  /* Loads the OpenGL driver, which GTK's OpenGL renderer would load anyway. */
  if (!gdk_display_prepare_gl (display, &error))
    {
      g_debug ("No OpenGL, GTK will use cairo: %s", error->message);
      return NULL;
    }

  context = gdk_display_create_gl_context (display, &error);
  if (context == NULL || !gdk_gl_context_realize (context, &error))
    {
      g_debug ("Could not make an OpenGL context: %s", error != NULL ? error->message : "?");
      return NULL;
    }

  gdk_gl_context_make_current (context);
  name = (const char *) glGetString (GL_RENDERER);
  result = g_strdup (name);
  gdk_gl_context_clear_current ();

  return result;
}

/* Applies the choice to @display before its first window is drawn; returns
 * the renderer it asked for ("cairo") or NULL when GTK chooses. */
const char *
pt_renderer_apply (GdkDisplay *display)
{
  g_autofree char *gl_renderer = NULL;
  const char *env = g_getenv ("GSK_RENDERER");
  gboolean gpu_devices;
  const char *chosen;

  g_return_val_if_fail (GDK_IS_DISPLAY (display), NULL);

  if (env != NULL && *env != '\0')
    return NULL;

  gpu_devices = !software_forced () && pt_renderer_have_gpu_devices ("/dev");
  if (gpu_devices)
    gl_renderer = pt_renderer_dup_gl_name (display);
  chosen = pt_renderer_choose (env, gpu_devices, gl_renderer);
  if (chosen != NULL)
    {
      g_debug ("OpenGL is drawn in software (%s): drawing with %s",
               gl_renderer != NULL ? gl_renderer : "no GPU device", chosen);
      /* GTK reads this before GSK_RENDERER and its own defaults. */
      g_object_set_data (G_OBJECT (display), "gsk-renderer", (gpointer) chosen);
    }

  return chosen;
}
