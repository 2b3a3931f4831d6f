/* pt-visit.h: a visit: its fields and the list of intervention blocks */
#pragma once

#include <gio/gio.h>

#include "pt-allocation.h"
#include "pt-block.h"

G_BEGIN_DECLS

#define PT_TYPE_VISIT (pt_visit_get_type ())

G_DECLARE_FINAL_TYPE (PtVisit, pt_visit, PT, VISIT, GObject)

/* Input the engine reads; the blocks point into @blocks. */
typedef struct {
  PtAllocInput   input;
  PtAllocBlock  *blocks;
  char         **tie_preference;
} PtVisitInput;

PtVisit            *pt_visit_new                 (void);
PtVisit            *pt_visit_copy                (PtVisit            *self);
const char         *pt_visit_get_title           (PtVisit            *self);
void                pt_visit_set_title           (PtVisit            *self,
                                                  const char         *title);
const char         *pt_visit_get_date            (PtVisit            *self);
void                pt_visit_set_date            (PtVisit            *self,
                                                  const char         *date);
const char         *pt_visit_get_payer           (PtVisit            *self);
void                pt_visit_set_payer           (PtVisit            *self,
                                                  const char         *payer);
PtMethod            pt_visit_get_method          (PtVisit            *self);
void                pt_visit_set_method          (PtVisit            *self,
                                                  PtMethod            method);
PtDiscipline        pt_visit_get_discipline      (PtVisit            *self);
void                pt_visit_set_discipline      (PtVisit            *self,
                                                  PtDiscipline        discipline);
const char         *pt_visit_get_diagnosis       (PtVisit            *self);
void                pt_visit_set_diagnosis       (PtVisit            *self,
                                                  const char         *diagnosis);
PtDiagnosisCategory pt_visit_get_diagnosis_category (PtVisit         *self);
void                pt_visit_set_diagnosis_category (PtVisit         *self,
                                                  PtDiagnosisCategory category);
const char * const *pt_visit_get_tie_preference  (PtVisit            *self);
void                pt_visit_set_tie_preference  (PtVisit            *self,
                                                  const char * const *codes);
GListModel         *pt_visit_get_blocks          (PtVisit            *self);
guint               pt_visit_get_n_blocks        (PtVisit            *self);
PtBlock            *pt_visit_get_block           (PtVisit            *self,
                                                  guint               position);
void                pt_visit_append_block        (PtVisit            *self,
                                                  PtBlock            *block);
void                pt_visit_insert_block        (PtVisit            *self,
                                                  guint               position,
                                                  PtBlock            *block);
void                pt_visit_remove_block        (PtVisit            *self,
                                                  guint               position);
void                pt_visit_move_block          (PtVisit            *self,
                                                  guint               from,
                                                  guint               to);
gint                pt_visit_find_block          (PtVisit            *self,
                                                  PtBlock            *block);
PtVisitInput       *pt_visit_input_new           (PtVisit            *self,
                                                  PtMethod            method,
                                                  PtTieRule           tie_rule);
void                pt_visit_input_free          (PtVisitInput       *input);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PtVisitInput, pt_visit_input_free)

G_END_DECLS
