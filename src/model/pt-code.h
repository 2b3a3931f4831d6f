/* pt-code.h: one entry of the offline code catalogue, read-only after construction */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* How the units of a code are counted. */
typedef enum {
  PT_UNIT_BASIS_15_MINUTE,      /* the 8-minute chart */
  PT_UNIT_BASIS_SESSION,        /* one unit per session or day */
  PT_UNIT_BASIS_OTHER,          /* 2-hour units, wound area, a 30-minute first unit... */
  PT_UNIT_BASIS_PAYER_SPECIFIC, /* unlisted codes: the payer decides */
} PtUnitBasis;

/* How sure a fact of the catalogue is: the source tags of billing-rules.md. */
typedef enum {
  PT_CONFIDENCE_PRIMARY,        /* [P] primary text read directly */
  PT_CONFIDENCE_PRIMARY_COPY,   /* [P*] primary text through a verbatim copy */
  PT_CONFIDENCE_SECONDARY,      /* [S] a named secondary source */
  PT_CONFIDENCE_UNCONFIRMED,    /* [U] */
} PtConfidence;

#define PT_TYPE_UNIT_BASIS (pt_unit_basis_get_type ())
#define PT_TYPE_CONFIDENCE (pt_confidence_get_type ())
#define PT_TYPE_CODE (pt_code_get_type ())

GType pt_unit_basis_get_type (void) G_GNUC_CONST;
GType pt_confidence_get_type (void) G_GNUC_CONST;

/* The strings the catalogue file uses, NULL-terminated, in enum order. */
extern const char * const pt_unit_basis_names[];
extern const char * const pt_confidence_names[];

const char   *pt_unit_basis_label       (PtUnitBasis   basis);
const char   *pt_confidence_label       (PtConfidence  confidence);

G_DECLARE_FINAL_TYPE (PtCode, pt_code, PT, CODE, GObject)

PtCode       *pt_code_new               (const char   *code,
                                         const char   *title,
                                         const char   *description,
                                         const char   *notes,
                                         const char   *category,
                                         gboolean      timed,
                                         PtUnitBasis   unit_basis,
                                         PtConfidence  confidence,
                                         const char   *source);
const char   *pt_code_get_code          (PtCode       *self);
const char   *pt_code_get_title         (PtCode       *self);
const char   *pt_code_get_description   (PtCode       *self);
const char   *pt_code_get_notes         (PtCode       *self);
const char   *pt_code_get_category      (PtCode       *self);
gboolean      pt_code_get_timed         (PtCode       *self);
PtUnitBasis   pt_code_get_unit_basis    (PtCode       *self);
PtConfidence  pt_code_get_confidence    (PtCode       *self);
const char   *pt_code_get_source        (PtCode       *self);

G_END_DECLS
