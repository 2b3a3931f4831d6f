/* pt-alloc-request.h: one allocation request as JSON (a line of allocate --jsonl, a vector) */
#pragma once

#include <json-glib/json-glib.h>

#include "pt-allocation.h"

G_BEGIN_DECLS

typedef struct {
  char          *id_json;        /* the "id" member as JSON text, or NULL */
  PtMethod       method;
  PtDiscipline   discipline;
  char          *date;           /* the date of service as given, or NULL */
  GArray        *blocks;         /* PtAllocBlock */
  char         **tie_preference;
  gboolean       any_provider;   /* some block names its provider */
  PtAllocInput   input;          /* points into the members above */
} PtAllocRequest;

PtAllocRequest *pt_alloc_request_from_json   (JsonObject      *object,
                                              PtMethod         default_method,
                                              GError         **error);
void            pt_alloc_request_free        (PtAllocRequest  *request);
char           *pt_json_id_of                (JsonObject      *object);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PtAllocRequest, pt_alloc_request_free)

/* JSON text output, written by hand for speed and a stable member order. */
void            pt_json_append_string        (GString             *out,
                                              const char          *str);
void            pt_alloc_result_append_json  (GString             *out,
                                              const PtAllocResult *result);

G_END_DECLS
