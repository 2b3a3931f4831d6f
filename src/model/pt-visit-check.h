/* pt-visit-check.h: run the documentation checks on a PtVisit, with both billing methods */
#pragma once

#include <gio/gio.h>

#include "pt-doc-checks.h"
#include "pt-visit.h"

G_BEGIN_DECLS

typedef struct {
  PtMethod       method;   /* the visit's method: the one it is billed with */
  PtAllocResult *cms;
  PtAllocResult *ama;
  GPtrArray     *findings; /* PtDocFinding, blocks first in block order, then the visit */
} PtVisitCheck;

PtVisitCheck    *pt_visit_check_run          (PtVisit       *visit,
                                              PtTieRule      tie_rule,
                                              GError       **error);
void             pt_visit_check_free         (PtVisitCheck  *check);
const PtAllocResult *pt_visit_check_get_result (const PtVisitCheck *check);
GPtrArray       *pt_visit_check              (PtVisit       *visit,
                                              GError       **error);
PtDocSuggestion *pt_visit_check_suggest_code (PtBlock       *block,
                                              GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PtVisitCheck, pt_visit_check_free)

G_END_DECLS
