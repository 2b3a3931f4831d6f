/* pt-allocation-private.h: shared between the allocation entry point and the two methods */
#pragma once

#include "pt-allocation.h"

G_BEGIN_DECLS

/* PT_TR (msgid): _(msgid), each message looked up once per process. The
 * methods explain every unit of every recompute, and in the application (a
 * text domain bound, a real locale) gettext's lookup costs more than the
 * arithmetic. The language does not change while a process runs. A function
 * with G_GNUC_FORMAT, so printf formats through it are still checked;
 * xgettext knows the keyword (po/meson.build). */
const char *pt_tr (const char *msgid) G_GNUC_FORMAT (1);
#define PT_TR(msgid) pt_tr (msgid)

/* Ranking information the methods need beside the codes themselves. */
typedef struct {
  const PtAllocInput *input;
  gint               *pref_rank; /* per code: index in tie_preference, or G_MAXINT */
} PtRankContext;

gint  pt_rank_compare            (const PtCodeUnits   *a,
                                  const PtCodeUnits   *b,
                                  const PtRankContext *ctx,
                                  guint                ia,
                                  guint                ib);

/* Total-time (CMS). Fills units and, when @tie is not NULL, the tie found. */
guint pt_total_time_distribute   (PtCodeUnits         *codes,
                                  guint                n_codes,
                                  const PtRankContext *ctx,
                                  guint               *order,
                                  guint               *n_leftover_units,
                                  PtTie               *tie);
void  pt_total_time_explain      (PtAllocResult       *result,
                                  const PtRankContext *ctx);
void  pt_total_time_units        (PtAllocResult       *result,
                                  const PtRankContext *ctx);
void  pt_total_time_next_unit    (PtAllocResult       *result,
                                  const PtRankContext *ctx);

/* Per-code (AMA). */
void  pt_per_code_distribute     (PtCodeUnits         *codes,
                                  guint                n_codes);
void  pt_per_code_explain        (PtAllocResult       *result);
void  pt_per_code_next_unit      (PtAllocResult       *result);

void  pt_alloc_result_add_step   (PtAllocResult       *result,
                                  PtStepKind           kind,
                                  gint                 code,
                                  gint                 unit,
                                  gboolean             tie,
                                  char                *text);
void  pt_alloc_result_explain_common (PtAllocResult   *result);

G_END_DECLS
