/* pt-code-comparison.h: 97110, 97112, 97530 and 97116 side by side, for the selected block */
#pragma once

#include <gtk/gtk.h>

#include "pt-workspace.h"

G_BEGIN_DECLS

#define PT_TYPE_CODE_COMPARISON (pt_code_comparison_get_type ())

G_DECLARE_FINAL_TYPE (PtCodeComparison, pt_code_comparison, PT, CODE_COMPARISON, GtkWidget)

GtkWidget  *pt_code_comparison_new                (void);
void        pt_code_comparison_set_workspace      (PtCodeComparison *self,
                                                   PtWorkspace      *workspace);
void        pt_code_comparison_set_block          (PtCodeComparison *self,
                                                   PtBlock          *block);
PtBlock    *pt_code_comparison_get_block          (PtCodeComparison *self);
void        pt_code_comparison_follow_focus       (PtCodeComparison *self,
                                                   GtkWidget        *focus);
const char *pt_code_comparison_get_marked_code    (PtCodeComparison *self);
const char *pt_code_comparison_get_suggestion     (PtCodeComparison *self);
const char *pt_code_comparison_get_matched_text   (PtCodeComparison *self,
                                                   const char       *code);
gint        pt_code_comparison_get_units          (PtCodeComparison *self,
                                                   const char       *code);
const char *pt_code_comparison_get_units_text     (PtCodeComparison *self,
                                                   const char       *code);

G_END_DECLS
