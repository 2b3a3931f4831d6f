/* pt-allocation.h: turn minutes per code into billable units, with the reason for each */
#pragma once

#include <glib.h>

#include "pt-engine-types.h"

G_BEGIN_DECLS

typedef struct {
  PtMethod method;
  GArray  *codes;  /* PtCodeUnits, in the order codes first appear */
  GArray  *ties;   /* PtTie */
  GArray  *steps;  /* PtStep, in order: total, units 1..n, untimed, not billed */
  gint     total_timed_minutes;
  gint     total_timed_units;
  gint     total_units;
  /* The next-unit hint: this many more timed minutes give one more unit,
   * and it goes to codes[next_unit_code] (-1: to any timed code). */
  gint     next_unit_minutes;
  gint     next_unit_code;
} PtAllocResult;

PtAllocResult     *pt_allocate                 (const PtAllocInput   *input,
                                                GError              **error);
gboolean           pt_allocate_units           (const PtAllocInput   *input,
                                                PtCodeUnits          *codes,
                                                guint                *n_codes,
                                                PtTie                *tie,
                                                guint                *tie_codes,
                                                GError              **error);
gboolean           pt_alloc_input_validate     (const PtAllocInput   *input,
                                                GError              **error);
gboolean           pt_alloc_block_validate     (const PtAllocBlock   *block,
                                                guint                 index,
                                                GError              **error);
void               pt_alloc_result_free        (PtAllocResult        *result);
const PtCodeUnits *pt_alloc_result_get_code    (const PtAllocResult  *result,
                                                guint                 index);
gint               pt_alloc_result_find_code   (const PtAllocResult  *result,
                                                const char           *code);
gint               pt_alloc_result_units_for   (const PtAllocResult  *result,
                                                const char           *code);
char              *pt_alloc_result_hint_text   (const PtAllocResult  *result);
const char        *pt_method_to_string         (PtMethod              method);
gboolean           pt_method_from_string       (const char           *str,
                                                PtMethod             *method);
const char        *pt_method_display_name      (PtMethod              method);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PtAllocResult, pt_alloc_result_free)

G_END_DECLS
