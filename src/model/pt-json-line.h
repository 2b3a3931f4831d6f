/* pt-json-line.h: a fast reader for the common allocate --jsonl request line
 *
 * It reads exactly the request members (id, method, discipline, date,
 * tie_preference, blocks with code, minutes, timed and provider) written in
 * plain JSON, skips other members whose value is a scalar or a flat list, and
 * gives up on everything else: escapes in names or values it keeps, nested
 * unknown values, numbers that are not plain, duplicates, any value the full
 * reader would refuse. Then the caller reads the line with json-glib and
 * pt_alloc_request_from_json(), so results and error messages are the same
 * whichever path read a line (tests/test-json-line.c compares them).
 */
#pragma once

#include "pt-alloc-request.h"

G_BEGIN_DECLS

typedef struct _PtJsonLine PtJsonLine;

PtJsonLine           *pt_json_line_new   (void);
void                  pt_json_line_free  (PtJsonLine  *self);
const PtAllocRequest *pt_json_line_read  (PtJsonLine  *self,
                                          const char  *line,
                                          gsize        length,
                                          PtMethod     default_method);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PtJsonLine, pt_json_line_free)

G_END_DECLS
