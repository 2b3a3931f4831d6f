/* pt-assistant.h: which billed units carry the assistant modifier (CQ for PT, CO for OT)
 *
 * Follows the step table of assistant-modifiers.md §1.7 on top of a CMS
 * total-time allocation: full assistant blocks first, then the last unit, the
 * two-remaining-units window, untimed codes and 20-minute RTM codes.
 */
#pragma once

#include <glib.h>

#include "pt-allocation.h"

G_BEGIN_DECLS

#define PT_ASSISTANT_ERROR (pt_assistant_error_quark ())

typedef enum {
  PT_ASSISTANT_ERROR_BAD_DATE, /* a date of service that is not YYYY-MM-DD */
  PT_ASSISTANT_ERROR_MISMATCH, /* the allocation does not belong to these blocks */
} PtAssistantError;

typedef enum {
  PT_ASSISTANT_POLICY_CY2022,    /* 42 CFR 410.59/410.60(a)(4) from 1 Jan 2022 */
  PT_ASSISTANT_POLICY_MARCH2021, /* CMS's March 2021 steps, dates before 2022 */
} PtAssistantPolicy;

/* How "more than 10 percent" is measured. */
typedef enum {
  PT_ASSISTANT_TEST_PERCENTAGE, /* 10 × assistant minutes > total: the regulation's wording */
  PT_ASSISTANT_TEST_SIMPLE,     /* assistant ≥ round (total / 10) + 1, halves rounded up */
} PtAssistantTest;

typedef enum {
  PT_ASSISTANT_BASIS_15,      /* a timed 15-minute code */
  PT_ASSISTANT_BASIS_20,      /* RTM management 98980/98981: whole 20-minute units */
  PT_ASSISTANT_BASIS_UNTIMED, /* one unit for the service */
  PT_ASSISTANT_BASIS_EXEMPT,  /* RTM device supply 98976/98977: outside the standard */
} PtAssistantBasis;

typedef enum {
  PT_ASSISTANT_FLAG_METHODS_DISAGREE, /* the simple and percentage methods give different answers */
  PT_ASSISTANT_FLAG_TWO_UNITS_SILENT, /* step 6b: two units left outside the (v) window */
  PT_ASSISTANT_FLAG_TIE,              /* a tie in the allocation decides a modifier */
  PT_ASSISTANT_FLAG_UNIT_BASIS,       /* a 20-minute code was counted in the 15-minute total */
} PtAssistantFlagKind;

typedef struct {
  PtAssistantPolicy    policy;
  PtAssistantTest      test;
  PtDiscipline         discipline;
  const PtAllocBlock  *blocks;
  guint                n_blocks;
} PtAssistantInput;

typedef struct {
  gint      unit;          /* 1-based unit of the code, or 0 for a note on the code */
  gboolean  with_modifier;
  char     *text;
} PtAssistantStep;

typedef struct {
  char              code[PT_CODE_BUF];
  PtAssistantBasis  basis;
  gint              therapist_minutes;   /* alone */
  gint              assistant_minutes;   /* alone */
  gint              together_minutes;    /* counted once, as the therapist's */
  gint              units;
  gint              units_with_modifier;
  GArray           *steps;               /* PtAssistantStep: one per unit, plus notes */
  GPtrArray        *lines;               /* char *: claim lines, "97110-GP-CQ × 1" */
} PtAssistantCode;

typedef struct {
  PtAssistantFlagKind kind;
  gint                code; /* index into codes, or -1 */
  char               *text;
} PtAssistantFlag;

typedef struct {
  gboolean           applies;          /* FALSE: AMA, SLP or an error; see @reason */
  char              *reason;           /* why no modifier is worked out, or NULL */
  PtAssistantPolicy  policy;
  PtAssistantTest    test;
  PtDiscipline       discipline;
  const char        *modifier;         /* "CQ", "CO" or NULL */
  const char        *therapy_modifier; /* "GP", "GO" or "GN" */
  gboolean           reduced_payment;  /* lines with the modifier are paid at 85 % */
  GArray            *codes;            /* PtAssistantCode, in the allocation's order */
  GArray            *flags;            /* PtAssistantFlag */
} PtAssistantResult;

GQuark                 pt_assistant_error_quark         (void);
PtAssistantResult     *pt_assistant_compute             (const PtAssistantInput  *input,
                                                         const PtAllocResult     *cms_result,
                                                         GError                 **error);
PtAssistantResult     *pt_assistant_result_new_reason   (PtDiscipline             discipline,
                                                         const char              *reason);
void                   pt_assistant_result_free         (PtAssistantResult       *result);
const PtAssistantCode *pt_assistant_result_get_code     (const PtAssistantResult *result,
                                                         guint                    index);
gint                   pt_assistant_result_find_code    (const PtAssistantResult *result,
                                                         const char              *code);
gboolean               pt_assistant_result_has_flag     (const PtAssistantResult *result,
                                                         PtAssistantFlagKind      kind);
char                  *pt_assistant_code_summary        (const PtAssistantResult *result,
                                                         guint                    index);

gboolean               pt_assistant_policy_for_date     (const char              *date,
                                                         PtAssistantPolicy       *policy,
                                                         GError                 **error);
const char            *pt_assistant_policy_to_string    (PtAssistantPolicy        policy);
gboolean               pt_assistant_policy_from_string  (const char              *str,
                                                         PtAssistantPolicy       *policy);
const char            *pt_assistant_test_to_string      (PtAssistantTest          test);
gboolean               pt_assistant_test_from_string    (const char              *str,
                                                         PtAssistantTest         *test);
const char            *pt_assistant_flag_kind_to_string (PtAssistantFlagKind      kind);
PtAssistantBasis       pt_assistant_basis_for_code      (const char              *code,
                                                         gboolean                 timed);
gboolean               pt_assistant_exceeds_tenth       (gint                     assistant,
                                                         gint                     total,
                                                         PtAssistantTest          test);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PtAssistantResult, pt_assistant_result_free)

G_END_DECLS
