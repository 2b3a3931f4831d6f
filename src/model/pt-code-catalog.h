/* pt-code-catalog.h: the offline code catalogue, a GListModel of PtCode
 *
 * Loaded from data/catalog/codes.json (format 1, see data/catalog/README.md).
 * The catalogue never changes after loading: it never emits items-changed.
 */
#pragma once

#include <gio/gio.h>

#include "pt-code.h"

G_BEGIN_DECLS

#define PT_CODE_CATALOG_FORMAT 1
/* The real catalogue is a few dozen kilobytes; anything near this is not one. */
#define PT_CODE_CATALOG_MAX_SIZE (4 * 1024 * 1024)

/* A billing modifier (GP, CQ, KX, 59...). */
typedef struct {
  char         *code;
  char         *meaning;
  char         *applies;      /* when it goes on a line; may be "" */
  PtConfidence  confidence;
  char         *source;
} PtModifierInfo;

/* The KX threshold of one calendar year, in whole US dollars. */
typedef struct {
  gint          year;
  gint          amount_pt_slp; /* PT and speech therapy share this one */
  gint          amount_ot;
  PtConfidence  confidence;
  char         *source;
} PtKxThreshold;

typedef enum {
  PT_NCCI_STATUS_REPORTED, /* a source describes the edit */
  PT_NCCI_STATUS_DELETED,  /* a source says it was removed */
} PtNcciStatus;

#define PT_NCCI_CCMI_UNKNOWN (-1)

/* A pair of codes with an NCCI procedure-to-procedure edit or policy. */
typedef struct {
  char         *codes[2];
  const char   *column_one;   /* codes[0], codes[1], or NULL when no source states the order */
  gint          ccmi;         /* 0, 1, 9 or PT_NCCI_CCMI_UNKNOWN */
  PtNcciStatus  status;
  char         *explanation;
  PtConfidence  confidence;
  char         *source;
} PtNcciPair;

#define PT_TYPE_CODE_CATALOG (pt_code_catalog_get_type ())

G_DECLARE_FINAL_TYPE (PtCodeCatalog, pt_code_catalog, PT, CODE_CATALOG, GObject)

PtCodeCatalog        *pt_code_catalog_get_default         (void);
PtCodeCatalog        *pt_code_catalog_new_from_data       (const char    *data,
                                                           gssize         length,
                                                           GError       **error);
PtCode               *pt_code_catalog_lookup              (PtCodeCatalog *self,
                                                           const char    *code);
GListModel           *pt_code_catalog_search              (PtCodeCatalog *self,
                                                           const char    *query);
gboolean              pt_code_catalog_is_timed            (PtCodeCatalog *self,
                                                           const char    *code,
                                                           gboolean      *known);

guint                 pt_code_catalog_get_n_modifiers     (PtCodeCatalog *self);
const PtModifierInfo *pt_code_catalog_get_modifier        (PtCodeCatalog *self,
                                                           guint          position);
const PtModifierInfo *pt_code_catalog_lookup_modifier     (PtCodeCatalog *self,
                                                           const char    *modifier);

guint                 pt_code_catalog_get_n_kx_thresholds (PtCodeCatalog *self);
const PtKxThreshold  *pt_code_catalog_get_kx_threshold    (PtCodeCatalog *self,
                                                           guint          position);
const PtKxThreshold  *pt_code_catalog_lookup_kx_threshold (PtCodeCatalog *self,
                                                           gint           year);

guint                 pt_code_catalog_get_n_ncci_pairs    (PtCodeCatalog *self);
const PtNcciPair     *pt_code_catalog_get_ncci_pair       (PtCodeCatalog *self,
                                                           guint          position);
const PtNcciPair     *pt_code_catalog_lookup_ncci_pair    (PtCodeCatalog *self,
                                                           const char    *code_a,
                                                           const char    *code_b);
GPtrArray            *pt_code_catalog_ncci_pairs_for      (PtCodeCatalog *self,
                                                           const char    *code);

G_END_DECLS
