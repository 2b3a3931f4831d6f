/* pt-model-types.h: enums of the visit model, registered as GTypes by pt-model-enums */
#pragma once

#include <glib-object.h>

#include "pt-engine-types.h"

G_BEGIN_DECLS

typedef enum {
  PT_DIAGNOSIS_UNSET,
  PT_DIAGNOSIS_NEUROLOGIC,
  PT_DIAGNOSIS_VESTIBULAR,
  PT_DIAGNOSIS_MUSCULOSKELETAL,
  PT_DIAGNOSIS_OTHER,
} PtDiagnosisCategory;

/* The documentation fields of a block, in the order a note reads. */
typedef enum {
  PT_BLOCK_DEFICIT,
  PT_BLOCK_INTERVENTION,
  PT_BLOCK_OBJECTIVE,
  PT_BLOCK_GOAL,
  PT_BLOCK_RESPONSE,
  PT_BLOCK_PLAN,
  PT_BLOCK_RATIONALE,
  PT_BLOCK_N_TEXT_FIELDS,
} PtBlockField;

typedef struct _PtBlock PtBlock;
typedef struct _PtVisit PtVisit;

/* The strings the visit format uses for the enums above and in the engine. */
extern const char * const pt_provider_names[];
extern const char * const pt_discipline_names[];
extern const char * const pt_diagnosis_names[];
extern const char * const pt_method_names[];
extern const char * const pt_block_field_names[];
extern const char * const pt_skilled_ids[];

const char *pt_block_field_label     (PtBlockField        field);
const char *pt_skilled_label         (const char         *id);
const char *pt_provider_label        (PtProvider          provider);
const char *pt_diagnosis_label       (PtDiagnosisCategory category);

G_END_DECLS
