/* pt-block-row.h: one intervention block in the visit editor */
#pragma once

#include <gtk/gtk.h>

#include "pt-block.h"

G_BEGIN_DECLS

#define PT_TYPE_BLOCK_ROW (pt_block_row_get_type ())

G_DECLARE_FINAL_TYPE (PtBlockRow, pt_block_row, PT, BLOCK_ROW, GtkListBoxRow)

GtkWidget *pt_block_row_new             (PtBlock    *block);
PtBlock   *pt_block_row_get_block       (PtBlockRow *self);
void       pt_block_row_set_position    (PtBlockRow *self,
                                         guint       position,
                                         guint       n_blocks);
void       pt_block_row_set_problem     (PtBlockRow *self,
                                         const char *message);
void       pt_block_row_focus_code      (PtBlockRow *self);
void       pt_block_row_set_code_model  (PtBlockRow *self,
                                         GtkTreeModel *model);
void       pt_block_row_set_findings    (PtBlockRow *self,
                                         GPtrArray  *findings);
guint      pt_block_row_get_n_findings  (PtBlockRow *self);
GtkWidget  *pt_block_row_get_finding_label   (PtBlockRow *self,
                                              guint       index);
const char *pt_block_row_get_finding_message (PtBlockRow *self,
                                              guint       index);
void       pt_block_row_focus_field     (PtBlockRow *self,
                                         const char *field);
void       pt_block_row_set_title       (PtBlockRow *self,
                                         const char *title);

G_END_DECLS
