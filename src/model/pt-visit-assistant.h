/* pt-visit-assistant.h: the assistant modifiers (CQ/CO) of a visit, for the units panel */
#pragma once

#include "pt-assistant.h"
#include "pt-visit.h"

G_BEGIN_DECLS

PtAssistantResult *pt_visit_compute_modifiers      (PtVisit              *visit,
                                                    const PtAllocResult  *cms_result);
PtAssistantResult *pt_visit_compute_modifiers_full (PtVisit              *visit,
                                                    const PtAllocResult  *cms_result,
                                                    PtAssistantTest       test,
                                                    GError              **error);
gboolean           pt_visit_has_assistant_minutes  (PtVisit              *visit);

G_END_DECLS
