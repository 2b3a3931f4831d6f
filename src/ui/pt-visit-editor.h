/* pt-visit-editor.h: the visit's fields and its list of intervention blocks */
#pragma once

#include <gtk/gtk.h>

#include "pt-workspace.h"

G_BEGIN_DECLS

#define PT_TYPE_VISIT_EDITOR (pt_visit_editor_get_type ())

G_DECLARE_FINAL_TYPE (PtVisitEditor, pt_visit_editor, PT, VISIT_EDITOR, GtkWidget)

void pt_visit_editor_set_workspace (PtVisitEditor *self,
                                    PtWorkspace   *workspace);
void pt_visit_editor_add_block     (PtVisitEditor *self);
void pt_visit_editor_focus_block   (PtVisitEditor *self,
                                    guint          position);
GtkWidget *pt_visit_editor_get_row (PtVisitEditor *self,
                                    guint          position);

G_END_DECLS
