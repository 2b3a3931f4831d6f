/* bench-common.h: what the recomputation benchmarks share */
#pragma once

#include "pt-visit.h"

G_BEGIN_DECLS

PtVisit *bench_visit_new   (guint       n_blocks,
                            GRand      *rand);
void     bench_report      (const char *name,
                            GArray     *us);
guint    bench_parse_count (const char *program,
                            const char *option,
                            const char *value,
                            guint       max);

G_END_DECLS
