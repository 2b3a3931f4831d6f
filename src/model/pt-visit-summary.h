/* pt-visit-summary.h: the plain-text audit worksheet of a visit (copy, print) */
#pragma once

#include "pt-visit.h"

G_BEGIN_DECLS

char *pt_visit_summary_text      (PtVisit             *visit,
                                  const PtAllocResult *cms,
                                  const PtAllocResult *ama);
char *pt_method_difference_text  (const PtAllocResult *cms,
                                  const PtAllocResult *ama);

G_END_DECLS
