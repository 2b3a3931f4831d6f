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
  /* private: set by pt_visit_check_run_cached(), whose results are the
   * caller's and whose findings belong to these arrays (and the cache) */
  gboolean       borrowed;
  GPtrArray     *parts;    /* GPtrArray of PtDocFinding, one per block and one for the visit */
} PtVisitCheck;

/* The findings of each block kept from one run of the checks to the next,
 * with what they were made from. */
typedef struct _PtVisitCheckCache PtVisitCheckCache;

PtVisitCheck    *pt_visit_check_run          (PtVisit       *visit,
                                              PtTieRule      tie_rule,
                                              GError       **error);
PtVisitCheck    *pt_visit_check_run_cached   (PtVisit             *visit,
                                              const PtAllocResult *cms,
                                              const PtAllocResult *ama,
                                              PtVisitCheckCache   *cache,
                                              GError             **error);
void             pt_visit_check_free         (PtVisitCheck  *check);
PtVisitCheckCache *pt_visit_check_cache_new  (void);
void             pt_visit_check_cache_free   (PtVisitCheckCache *cache);
void             pt_visit_check_cache_clear  (PtVisitCheckCache *cache);
guint            pt_visit_check_cache_get_misses (PtVisitCheckCache *cache);
const PtAllocResult *pt_visit_check_get_result (const PtVisitCheck *check);
GPtrArray       *pt_visit_check              (PtVisit       *visit,
                                              GError       **error);
PtDocSuggestion *pt_visit_check_suggest_code (PtBlock       *block,
                                              GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PtVisitCheck, pt_visit_check_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PtVisitCheckCache, pt_visit_check_cache_free)

G_END_DECLS
