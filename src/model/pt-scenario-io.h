/* pt-scenario-io.h: one scenario as JSON (a member of a scenario library file) */
#pragma once

#include <json-glib/json-glib.h>

#include "pt-json-fast.h"
#include "pt-scenario.h"

G_BEGIN_DECLS

PtScenario *pt_scenario_from_json_object (JsonObject  *object,
                                          const char  *path,
                                          GError     **error);
PtScenario *pt_scenario_from_json_lite   (const PtJsonLite  *lite,
                                          const char        *path,
                                          GBytes            *text,
                                          GError           **error);
JsonNode   *pt_scenario_to_json_node     (PtScenario  *self);

G_END_DECLS
