/* pt-code-reference.h: the offline code reference, a sidebar page */
#pragma once

#include <gtk/gtk.h>

#include "pt-code-catalog.h"
#include "pt-workspace.h"

G_BEGIN_DECLS

#define PT_TYPE_CODE_REFERENCE (pt_code_reference_get_type ())

G_DECLARE_FINAL_TYPE (PtCodeReference, pt_code_reference, PT, CODE_REFERENCE, GtkWidget)

GtkWidget  *pt_code_reference_new               (void);
void        pt_code_reference_set_workspace     (PtCodeReference *self,
                                                 PtWorkspace     *workspace);
void        pt_code_reference_focus_search      (PtCodeReference *self);
GtkWidget  *pt_code_reference_get_search_entry  (PtCodeReference *self);
GListModel *pt_code_reference_get_results       (PtCodeReference *self);
gboolean    pt_code_reference_select_code       (PtCodeReference *self,
                                                 const char      *code);
PtCode     *pt_code_reference_get_selected      (PtCodeReference *self);
guint       pt_code_reference_get_n_modifiers_shown (PtCodeReference *self);

G_END_DECLS
