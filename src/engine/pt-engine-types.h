/* pt-engine-types.h: plain types shared by the allocation engine and its callers
 *
 * The engine depends on GLib only: no GObject state, no I/O, no GTK.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A CPT or HCPCS code: five characters, digits or one letter and four digits. */
#define PT_CODE_LEN 5
/* Room for a code as typed, so a wrong one can be shown in the message. */
#define PT_CODE_BUF 16
/* The longest visit, and the most minutes one block may hold. */
#define PT_MAX_MINUTES 1440

typedef enum {
  PT_METHOD_CMS, /* Medicare total-time ("8-minute rule") */
  PT_METHOD_AMA, /* AMA/CPT per-code midpoint ("rule of eights") */
} PtMethod;

typedef enum {
  PT_TIE_RULE_ENTRY_ORDER,  /* tied codes that the visit does not prefer: first entered wins */
  PT_TIE_RULE_MOST_MINUTES, /* ... the code with the most minutes in total wins, then entry order */
} PtTieRule;

typedef enum {
  PT_PROVIDER_THERAPIST,
  PT_PROVIDER_ASSISTANT,
  PT_PROVIDER_TOGETHER, /* therapist and assistant at once: counts as the therapist's */
} PtProvider;

typedef enum {
  PT_DISCIPLINE_PT,
  PT_DISCIPLINE_OT,
  PT_DISCIPLINE_SLP,
} PtDiscipline;

typedef struct {
  char       code[PT_CODE_BUF];
  gint       minutes;
  gboolean   timed;
  PtProvider provider;
} PtAllocBlock;

typedef struct {
  PtMethod             method;
  PtTieRule            tie_rule;
  const PtAllocBlock  *blocks;
  guint                n_blocks;
  const char * const  *tie_preference; /* NULL-terminated, may be NULL */
  gboolean             units_only;     /* skip the explanation and the next-unit hint (audits) */
} PtAllocInput;

/* One line of the result: everything the visit holds of one code. */
typedef struct {
  char     code[PT_CODE_BUF];
  gboolean timed;
  gint     minutes;     /* summed over every block of the code */
  gint     full_units;  /* whole 15-minute units (timed codes, CMS) */
  gint     leftover;    /* minutes % 15 */
  gint     units;
  guint    first_block; /* index of the first block with this code */
  gboolean tied;        /* part of a tie over leftover units */
} PtCodeUnits;

typedef struct {
  guint *codes;    /* indices into PtAllocResult.codes, in the order the tie was resolved */
  guint  n_codes;
  gint   units;    /* leftover units the tied codes shared */
  gint   leftover; /* the leftover minutes they all had */
} PtTie;

typedef enum {
  PT_STEP_TOTAL,      /* how many units the visit supports */
  PT_STEP_UNIT,       /* one unit and why it went to its code */
  PT_STEP_UNTIMED,    /* an untimed code: one unit, minutes not counted */
  PT_STEP_NOT_BILLED, /* minutes documented, no unit */
} PtStepKind;

typedef struct {
  PtStepKind kind;
  gint       code; /* index into codes, or -1 for the whole visit */
  gint       unit; /* 1-based unit number for PT_STEP_UNIT, else 0 */
  gboolean   tie;  /* this unit was a tie decision */
  char      *text;
} PtStep;

G_END_DECLS
