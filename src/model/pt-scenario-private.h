/* pt-scenario-private.h: scenarios that keep their visit as JSON text until first use
 *
 * For the library reader (pt-scenario-io.c) and the tests; not for the UI.
 */
#pragma once

#include "pt-scenario.h"

G_BEGIN_DECLS

PtScenario *pt_scenario_new_lazy         (const char         *id,
                                          char               *title,
                                          char               *summary,
                                          char              **tags,
                                          char              **points,
                                          char               *codes,
                                          GBytes             *text,
                                          gsize               offset,
                                          gsize               length);
gboolean    pt_scenario_has_visit_object (PtScenario         *self);

G_END_DECLS
