/* pt-audit.h: the billing audit of many visits from CSV rows (visit_id,code,minutes[,billed_units])
 *
 * Rows of one visit may come in any order and be spread over the whole file,
 * so the audit first reads every row into a compact index of visits (each
 * holding only its codes with summed minutes and billed units), then judges
 * the visits one by one in the order they first appeared: the engine gives
 * the expected units, which are compared with what was billed.
 */
#pragma once

#include <glib.h>

#include "pt-allocation.h"
#include "pt-csv-reader.h"

G_BEGIN_DECLS

#define PT_AUDIT_ERROR (pt_audit_error_quark ())

typedef enum {
  PT_AUDIT_ERROR_HEADER,   /* the header row cannot be used (a column twice, one missing) */
  PT_AUDIT_ERROR_TOO_MANY, /* more visits or codes than the index can hold (over 4 billion) */
} PtAuditError;

typedef enum {
  PT_AUDIT_STATUS_OK,       /* billed as the minutes support (any valid choice in a tie) */
  PT_AUDIT_STATUS_OVER,     /* more units billed than the minutes support */
  PT_AUDIT_STATUS_UNDER,    /* fewer units billed */
  PT_AUDIT_STATUS_MIXED,    /* over on one code and under on another */
  PT_AUDIT_STATUS_UNBILLED, /* the file has no billed_units column */
  PT_AUDIT_STATUS_BAD,      /* the engine cannot allocate the visit (e.g. over 1440 minutes) */
} PtAuditStatus;

/* One code of a visit. */
typedef struct {
  char code[PT_CODE_BUF];
  gint minutes;  /* summed over the visit's rows of the code */
  gint expected; /* units the minutes support */
  gint billed;   /* summed over the visit's rows of the code; 0 when unbilled */
} PtAuditLine;

/* One judged visit; valid during the callback only. */
typedef struct {
  const char        *visit_id;
  PtMethod           method;
  PtAuditStatus      status;
  const PtAuditLine *lines;            /* its codes, in the order they first appear */
  guint              n_lines;
  gint64             units_difference; /* billed minus expected, over all codes */
  gboolean           tie;              /* leftover minutes tied: several allocations are valid */
  const char        *error;            /* PT_AUDIT_STATUS_BAD: why */
} PtAuditVisit;

typedef struct {
  guint64 visits;       /* every visit id with at least one good row */
  guint64 ok;
  guint64 over;
  guint64 under;
  guint64 mixed;
  guint64 unbilled;
  guint64 bad_visits;   /* refused by the engine */
  guint64 units_over;   /* billed units above the expected, summed over codes */
  guint64 units_under;  /* billed units below the expected, summed over codes */
  guint64 rows;         /* data rows read, the header not counted */
  guint64 rows_skipped; /* of those, rows that could not be used */
} PtAuditSummary;

/* A bad row (@line > 0) or a bad visit (@line 0, the message names it). */
typedef void     (*PtAuditReportFunc) (guint64             line,
                                       const char         *message,
                                       gpointer            user_data);
/* Return FALSE to stop. */
typedef gboolean (*PtAuditVisitFunc)  (const PtAuditVisit *visit,
                                       gpointer            user_data);

typedef struct _PtAudit PtAudit;

GQuark                pt_audit_error_quark      (void);

PtAudit              *pt_audit_new              (PtMethod            method);
void                  pt_audit_free             (PtAudit            *audit);
void                  pt_audit_set_report_func  (PtAudit            *audit,
                                                 PtAuditReportFunc   func,
                                                 gpointer            user_data);
gboolean              pt_audit_read             (PtAudit            *audit,
                                                 PtCsvReader        *reader,
                                                 GError            **error);
gboolean              pt_audit_has_billed       (const PtAudit      *audit);
guint                 pt_audit_get_n_visits     (const PtAudit      *audit);
gsize                 pt_audit_get_index_size   (const PtAudit      *audit);
gboolean              pt_audit_run              (PtAudit            *audit,
                                                 PtAuditVisitFunc    func,
                                                 gpointer            user_data);
const PtAuditSummary *pt_audit_get_summary      (const PtAudit      *audit);
const char           *pt_audit_status_to_string (PtAuditStatus       status);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PtAudit, pt_audit_free)

G_END_DECLS
