/* pt-window.h: the main window: header bar, visit editor, units panel, sidebar */
#pragma once

#include <gtk/gtk.h>

#include "pt-application.h"
#include "pt-workspace.h"

G_BEGIN_DECLS

#define PT_TYPE_WINDOW (pt_window_get_type ())

G_DECLARE_FINAL_TYPE (PtWindow, pt_window, PT, WINDOW, GtkApplicationWindow)

PtWindow    *pt_window_new            (PtApplication *app);
PtWorkspace *pt_window_get_workspace  (PtWindow      *self);
gboolean     pt_window_open_file      (PtWindow      *self,
                                       GFile         *file);
gboolean     pt_window_is_blank       (PtWindow      *self);
void         pt_window_offer_drafts   (PtWindow      *self);
void         pt_window_show_error     (PtWindow      *self,
                                       const char    *primary,
                                       const char    *secondary);

G_END_DECLS
