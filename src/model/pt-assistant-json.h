/* pt-assistant-json.h: the assistant modifiers in allocation JSON, and assistant.json vectors */
#pragma once

#include <json-glib/json-glib.h>

#include "pt-alloc-request.h"
#include "pt-assistant.h"

G_BEGIN_DECLS

gboolean        pt_assistant_request_compute     (const PtAllocRequest     *req,
                                                  const PtAllocResult      *result,
                                                  PtAssistantResult       **modifiers,
                                                  GError                  **error);
void            pt_assistant_result_append_json  (GString                  *out,
                                                  const PtAssistantResult  *modifiers);

gboolean        pt_assistant_vector_detect       (JsonObject               *vector);
PtAllocRequest *pt_assistant_vector_request      (JsonObject               *vector,
                                                  PtAssistantPolicy        *policy,
                                                  GError                  **error);
char           *pt_assistant_vector_check        (JsonObject               *vector);

G_END_DECLS
