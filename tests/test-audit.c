/* test-audit.c: the billing audit on grouping, summing, statuses, ties, bad rows and summaries
 *
 * Expected units come from billing-rules.md §1.3 (CMS) and §2.1 (AMA), worked
 * by hand in the comment of each case; ties follow visit-format.md: any valid
 * choice among the tied codes is ok, otherwise the valid choice closest to
 * the bill is shown.
 */
#include "config.h"

#include <string.h>

#include "pt-audit.h"
#include "pt-test-utils.h"

typedef struct {
  GString *visits;
  GString *reports;
} Collected;

static gboolean
collect_visit (const PtAuditVisit *visit,
               gpointer            user_data)
{
  Collected *c = user_data;

  g_string_append_printf (c->visits, "%s %s", visit->visit_id, pt_audit_status_to_string (visit->status));
  if (visit->status == PT_AUDIT_STATUS_BAD)
    {
      g_assert_nonnull (visit->error);
      g_string_append_c (c->visits, '\n');
      return TRUE;
    }

  if (visit->status != PT_AUDIT_STATUS_UNBILLED)
    g_string_append_printf (c->visits, " %" G_GINT64_FORMAT, visit->units_difference);

  for (guint i = 0; i < visit->n_lines; i++)
    {
      const PtAuditLine *l = &visit->lines[i];

      if (visit->status == PT_AUDIT_STATUS_UNBILLED)
        g_string_append_printf (c->visits, " %s=%d", l->code, l->expected);
      else
        g_string_append_printf (c->visits, " %s=%d/%d", l->code, l->expected, l->billed);
    }
  g_string_append_c (c->visits, '\n');

  return TRUE;
}

static void
collect_report (guint64     line,
                const char *message,
                gpointer    user_data)
{
  Collected *c = user_data;

  g_assert_cmpstr (message, !=, "");
  g_string_append_printf (c->reports, "%" G_GUINT64_FORMAT " ", line);
}

static char *
summary_text (const PtAuditSummary *s)
{
  return g_strdup_printf ("visits=%" G_GUINT64_FORMAT " ok=%" G_GUINT64_FORMAT " over=%" G_GUINT64_FORMAT
                          " under=%" G_GUINT64_FORMAT " mixed=%" G_GUINT64_FORMAT
                          " unbilled=%" G_GUINT64_FORMAT " bad=%" G_GUINT64_FORMAT
                          " units_over=%" G_GUINT64_FORMAT " units_under=%" G_GUINT64_FORMAT
                          " rows=%" G_GUINT64_FORMAT " skipped=%" G_GUINT64_FORMAT,
                          s->visits, s->ok, s->over, s->under, s->mixed, s->unbilled,
                          s->bad_visits, s->units_over, s->units_under, s->rows, s->rows_skipped);
}

/* Audits @csv; fills the visits, the line numbers reported and the summary. */
static PtAudit *
audit_csv (PtMethod    method,
           const char *csv,
           Collected  *c,
           GError    **error)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (csv, strlen (csv), NULL);
  g_autoptr(PtCsvReader) reader = pt_csv_reader_new_for_stream (stream, NULL);
  PtAudit *audit = pt_audit_new (method);

  c->visits = g_string_new (NULL);
  c->reports = g_string_new (NULL);
  pt_audit_set_report_func (audit, collect_report, c);

  if (!pt_audit_read (audit, reader, error))
    return audit;

  g_assert_true (pt_audit_run (audit, collect_visit, c));
  return audit;
}

static void
collected_clear (Collected *c)
{
  g_string_free (c->visits, TRUE);
  g_string_free (c->reports, TRUE);
}

typedef struct {
  const char *name;
  PtMethod    method;
  const char *csv;
  const char *visits;   /* one line a visit: "ID STATUS DIFF CODE=EXPECTED/BILLED..." */
  const char *summary;
  const char *reported; /* the line numbers reported, 0 for a visit */
} Case;

#define HEADER "visit_id,code,minutes,billed_units\n"

static const Case cases[] = {
  /* Ids that are prefixes of each other, or differ only in their last byte,
   * around the eight bytes the index compares at a time: each is its own
   * visit, found again when its second row comes. */
  { "ids-prefixes-and-lengths", PT_METHOD_CMS,
    HEADER "A,97110,4,0\nAB,97110,4,0\nABCDEFG,97110,4,0\nABCDEFGH,97110,4,0\nABCDEFGHI,97110,4,0\n"
    "ABCDEFGHIJKLMNOP,97110,4,0\nABCDEFGHIJKLMNOQ,97110,4,0\n"
    "ABCDEFGHIJKLMNOQ,97110,4,1\nABCDEFGHIJKLMNOP,97110,4,1\nABCDEFGHI,97110,4,1\nABCDEFGH,97110,4,1\n"
    "ABCDEFG,97110,4,1\nAB,97110,4,1\nA,97110,4,1\n",
    "A ok 0 97110=1/1\nAB ok 0 97110=1/1\nABCDEFG ok 0 97110=1/1\nABCDEFGH ok 0 97110=1/1\n"
    "ABCDEFGHI ok 0 97110=1/1\nABCDEFGHIJKLMNOP ok 0 97110=1/1\nABCDEFGHIJKLMNOQ ok 0 97110=1/1\n",
    "visits=7 ok=7 over=0 under=0 mixed=0 unbilled=0 bad=0 units_over=0 units_under=0 rows=14 skipped=0",
    "" },

  /* Manual example 1: 47 minutes → 3 units, 97112 ×2 (leftover 9) and 97110 ×1. */
  { "example-1", PT_METHOD_CMS,
    HEADER "A,97112,24,2\nA,97110,23,1\n",
    "A ok 0 97112=2/2 97110=1/1\n",
    "visits=1 ok=1 over=0 under=0 mixed=0 unbilled=0 bad=0 units_over=0 units_under=0 rows=2 skipped=0",
    "" },

  /* No header; rows of three visits interleaved. Visits come out in the order
   * they first appear, codes in the order they first appear in the visit.
   * B: 23 + 24 = 47 → 3; whole units 1 + 1, the third to 97112 (9 > 8).
   * C: manual example 3, 97110 33 → 2 whole, 97140 7 beats 3 → 1. */
  { "grouping-out-of-order", PT_METHOD_CMS,
    "B,97110,23,1\nA,97112,24,3\nC,97140,7,1\nB,97112,24,2\nA,97110,23,1\nC,97110,33,2\n",
    "B ok 0 97110=1/1 97112=2/2\nA over 1 97112=2/3 97110=1/1\nC ok 0 97140=1/1 97110=2/2\n",
    "visits=3 ok=2 over=1 under=0 mixed=0 unbilled=0 bad=0 units_over=1 units_under=0 rows=6 skipped=0",
    "" },

  /* Minutes and billed units of a code on several rows are summed:
   * A: 97112 12 + 12 = 24 with 97110 23 is example 1, billed 1 + 1 = 2.
   * B: 97530 30 + 30 = 60 → 4 (§20.2.B), billed 1 + 3.
   * C: 97530 10 + 10 = 20 → 1, billed nothing. */
  { "summed-rows", PT_METHOD_CMS,
    HEADER "A,97112,12,1\nA,97110,23,1\nA,97112,12,1\nB,97530,30,1\nC,97530,10,0\nB,97530,30,3\nC,97530,10,0\n",
    "A ok 0 97112=2/2 97110=1/1\nB ok 0 97530=4/4\nC under -1 97530=1/0\n",
    "visits=3 ok=2 over=0 under=1 mixed=0 unbilled=0 bad=0 units_over=0 units_under=1 rows=7 skipped=0",
    "" },

  /* AMA charts each code alone, on its summed minutes: 5 + 5 = 10 → 1.
   * B: 24 → 2 and 23 → 2 (billing-rules.md §2.2). */
  { "ama", PT_METHOD_AMA,
    HEADER "A,97112,5,0\nA,97112,5,1\nB,97112,24,2\nB,97110,23,1\n",
    "A ok 0 97112=1/1\nB under -1 97112=2/2 97110=2/1\n",
    "visits=2 ok=1 over=0 under=1 mixed=0 unbilled=0 bad=0 units_over=0 units_under=1 rows=4 skipped=0",
    "" },

  /* Example 1's minutes billed five ways. */
  { "statuses", PT_METHOD_CMS,
    HEADER
    "O,97112,24,3\nO,97110,23,1\n"
    "U,97112,24,2\nU,97110,23,0\n"
    "M,97112,24,3\nM,97110,23,0\n"
    "K,97112,24,2\nK,97110,23,1\n"
    "Z,97112,24,0\nZ,97110,23,0\n",
    "O over 1 97112=2/3 97110=1/1\n"
    "U under -1 97112=2/2 97110=1/0\n"
    "M mixed 0 97112=2/3 97110=1/0\n"
    "K ok 0 97112=2/2 97110=1/1\n"
    "Z under -3 97112=2/0 97110=1/0\n",
    "visits=5 ok=1 over=1 under=2 mixed=1 unbilled=0 bad=0 units_over=2 units_under=5 rows=10 skipped=0",
    "" },

  /* Manual example 2: 20 + 20 = 40 → 3; whole units 1 + 1 and equal leftovers
   * (5, 5) tie for the third. Either code may carry it; never 3 on one code.
   * With no valid choice matching, the closest is shown: a code billed above
   * its whole units gets the unit first, then the order entered. */
  { "tie-two-codes", PT_METHOD_CMS,
    HEADER
    "T1,97112,20,2\nT1,97110,20,1\n"
    "T2,97112,20,1\nT2,97110,20,2\n"
    "T3,97112,20,3\nT3,97110,20,0\n"
    "T4,97112,20,0\nT4,97110,20,3\n"
    "T5,97112,20,2\nT5,97110,20,2\n"
    "T6,97112,20,1\nT6,97110,20,1\n",
    "T1 ok 0 97112=2/2 97110=1/1\n"
    "T2 ok 0 97112=1/1 97110=2/2\n"
    "T3 mixed 0 97112=2/3 97110=1/0\n"
    "T4 mixed 0 97112=1/0 97110=2/3\n"
    "T5 over 1 97112=2/2 97110=1/2\n"
    "T6 under -1 97112=2/1 97110=1/1\n",
    "visits=6 ok=2 over=1 under=1 mixed=2 unbilled=0 bad=0 units_over=3 units_under=3 rows=12 skipped=0",
    "" },

  /* Manual example 5: 7 + 7 + 7 = 21 → 1 unit, any one of the three codes. */
  { "tie-three-codes", PT_METHOD_CMS,
    HEADER
    "E1,97112,7,0\nE1,97110,7,0\nE1,97140,7,1\n"
    "E2,97112,7,0\nE2,97110,7,1\nE2,97140,7,0\n"
    "E3,97112,7,1\nE3,97110,7,0\nE3,97140,7,0\n"
    "E4,97112,7,1\nE4,97110,7,1\nE4,97140,7,0\n"
    "E5,97112,7,0\nE5,97110,7,0\nE5,97140,7,0\n",
    "E1 ok 0 97112=0/0 97110=0/0 97140=1/1\n"
    "E2 ok 0 97112=0/0 97110=1/1 97140=0/0\n"
    "E3 ok 0 97112=1/1 97110=0/0 97140=0/0\n"
    "E4 over 1 97112=1/1 97110=0/1 97140=0/0\n"
    "E5 under -1 97112=1/0 97110=0/0 97140=0/0\n",
    "visits=5 ok=3 over=1 under=1 mixed=0 unbilled=0 bad=0 units_over=1 units_under=1 rows=15 skipped=0",
    "" },

  /* 8 + 8 + 8 = 24 → 2 units, any two of the three codes, at most one each. */
  { "tie-two-of-three", PT_METHOD_CMS,
    HEADER
    "F1,97112,8,1\nF1,97110,8,1\nF1,97116,8,0\n"
    "F2,97112,8,1\nF2,97110,8,0\nF2,97116,8,1\n"
    "F3,97112,8,0\nF3,97110,8,1\nF3,97116,8,1\n"
    "F4,97112,8,1\nF4,97110,8,1\nF4,97116,8,1\n"
    "F5,97112,8,2\nF5,97110,8,0\nF5,97116,8,0\n",
    "F1 ok 0 97112=1/1 97110=1/1 97116=0/0\n"
    "F2 ok 0 97112=1/1 97110=0/0 97116=1/1\n"
    "F3 ok 0 97112=0/0 97110=1/1 97116=1/1\n"
    "F4 over 1 97112=1/1 97110=1/1 97116=0/1\n"
    "F5 mixed 0 97112=1/2 97110=1/0 97116=0/0\n",
    "visits=5 ok=3 over=1 under=0 mixed=1 unbilled=0 bad=0 units_over=2 units_under=1 rows=15 skipped=0",
    "" },

  /* Untimed codes bill 1 whatever their minutes and stay out of the timed
   * total: 97010 30 with 97110 10 → 1 + 1; 97161 45 with 97112 7 → 1 + 0. */
  { "untimed", PT_METHOD_CMS,
    HEADER "S,97010,30,1\nS,97110,10,1\nV,97161,45,1\nV,97112,7,0\n",
    "S ok 0 97010=1/1 97110=1/1\nV ok 0 97161=1/1 97112=0/0\n",
    "visits=2 ok=2 over=0 under=0 mixed=0 unbilled=0 bad=0 units_over=0 units_under=0 rows=4 skipped=0",
    "" },

  /* No billed column: the engine's own choice, which in a tie goes to the code
   * entered first; the same minutes in the other order choose the other code. */
  { "unbilled", PT_METHOD_CMS,
    "A,97112,20\nA,97110,20\nB,97110,20\nB,97112,20\n",
    "A unbilled 97112=2 97110=1\nB unbilled 97110=2 97112=1\n",
    "visits=2 ok=0 over=0 under=0 mixed=0 unbilled=2 bad=0 units_over=0 units_under=0 rows=4 skipped=0",
    "" },

  { "header-any-order", PT_METHOD_CMS,
    "Minutes , BILLED_UNITS,code,visit_id\n24,3,97112,A\n23,1,97110,A\n",
    "A over 1 97112=2/3 97110=1/1\n",
    "visits=1 ok=0 over=1 under=0 mixed=0 unbilled=0 bad=0 units_over=1 units_under=0 rows=2 skipped=0",
    "" },

  /* An extra column is reported once and ignored. */
  { "header-extra-column", PT_METHOD_CMS,
    "visit_id,date,code,minutes,billed_units\nA,2026-03-14,97112,24,2\nA,2026-03-14,97110,23,1\n",
    "A ok 0 97112=2/2 97110=1/1\n",
    "visits=1 ok=1 over=0 under=0 mixed=0 unbilled=0 bad=0 units_over=0 units_under=0 rows=2 skipped=0",
    "1 " },

  { "header-without-billed", PT_METHOD_CMS,
    "visit_id,code,minutes\nA,97112,24\n",
    "A unbilled 97112=2\n",
    "visits=1 ok=0 over=0 under=0 mixed=0 unbilled=1 bad=0 units_over=0 units_under=0 rows=1 skipped=0",
    "" },

  { "bom-and-crlf", PT_METHOD_CMS,
    "\xEF\xBB\xBFvisit_id,code,minutes,billed_units\r\nA,97112,24,2\r\nA,97110,23,1\r\n",
    "A ok 0 97112=2/2 97110=1/1\n",
    "visits=1 ok=1 over=0 under=0 mixed=0 unbilled=0 bad=0 units_over=0 units_under=0 rows=2 skipped=0",
    "" },

  /* Every bad row is reported with its line and skipped; the good rows of the
   * same visit still make example 1. */
  { "bad-rows", PT_METHOD_CMS,
    HEADER                   /* 1 */
    "A,97112,24,2\n"         /* 2 */
    "A,9711,10,1\n"          /* 3: code */
    "A,97110,abc,1\n"        /* 4: minutes */
    "A,97110,1441,1\n"       /* 5: minutes over 1440 */
    "A,97110,-5,1\n"         /* 6: minutes negative */
    "A,97110,12.5,1\n"       /* 7: minutes not whole */
    "A,97110,23,-1\n"        /* 8: billed negative */
    "A,97110,23,x\n"         /* 9: billed not a number */
    "A,97110,23\n"           /* 10: a field short */
    ",97110,23,1\n"          /* 11: no visit id */
    "A,\"97110\"x,23,1\n"    /* 12: CSV quote error */
    "A,97110,23,1\n"         /* 13 */
    "A,97110,23,1,\n"        /* 14: a field too many */
    "A,97110,23,\n"          /* 15: billed empty */
    "A,g0283,10,1\n",        /* 16: code in lower case */
    "A ok 0 97112=2/2 97110=1/1\n",
    "visits=1 ok=1 over=0 under=0 mixed=0 unbilled=0 bad=0 units_over=0 units_under=0 rows=15 skipped=13",
    "3 4 5 6 7 8 9 10 11 12 14 15 16 " },

  /* X adds up to 1500 minutes: the engine refuses it, the audit goes on. */
  { "bad-visit", PT_METHOD_CMS,
    HEADER "X,97110,1000,1\nY,97112,24,2\nX,97112,500,1\nW,97110,1000,1\nW,97110,1000,1\n",
    "X error\nY ok 0 97112=2/2\nW error\n",
    "visits=3 ok=1 over=0 under=0 mixed=0 unbilled=0 bad=2 units_over=0 units_under=0 rows=5 skipped=0",
    "0 0 " },

  /* Without a header the first usable row sets the number of columns. */
  { "first-row-unusable", PT_METHOD_CMS,
    "A,97112,24,2,extra\nA,97112,24,2\nA,97110,23,1\n",
    "A ok 0 97112=2/2 97110=1/1\n",
    "visits=1 ok=1 over=0 under=0 mixed=0 unbilled=0 bad=0 units_over=0 units_under=0 rows=3 skipped=1",
    "1 " },

  { "empty-file", PT_METHOD_CMS, "", "",
    "visits=0 ok=0 over=0 under=0 mixed=0 unbilled=0 bad=0 units_over=0 units_under=0 rows=0 skipped=0",
    "" },

  { "header-only", PT_METHOD_CMS, HEADER, "",
    "visits=0 ok=0 over=0 under=0 mixed=0 unbilled=0 bad=0 units_over=0 units_under=0 rows=0 skipped=0",
    "" },
};

static void
test_case (gconstpointer data)
{
  const Case *c = data;
  g_autoptr(GError) error = NULL;
  Collected col;
  g_autoptr(PtAudit) audit = audit_csv (c->method, c->csv, &col, &error);
  g_autofree char *summary = NULL;

  g_assert_no_error (error);
  summary = summary_text (pt_audit_get_summary (audit));
  g_assert_cmpstr (col.visits->str, ==, c->visits);
  g_assert_cmpstr (summary, ==, c->summary);
  g_assert_cmpstr (col.reports->str, ==, c->reported);
  collected_clear (&col);
}

static void
append_message (guint64     line,
                const char *message,
                gpointer    user_data)
{
  g_string_append_printf (user_data, "%" G_GUINT64_FORMAT ": %s\n", line, message);
}

/* The messages say what is wrong, with the value when there is one. */
static void
test_messages (void)
{
  static const struct {
    const char *row;
    const char *needle;
  } rows[] = {
    { "A,9711,10,1", "2: code: “9711” is not a code" },
    { "A,97110,1441,1", "2: minutes: expected a whole number from 0 to 1440, not “1441”" },
    { "A,97110,23,-1", "2: billed_units: expected a whole number from 0 to 9999, not “-1”" },
    { "A,97110,23", "2: expected 4 fields, found 3" },
    { ",97110,23,1", "2: visit_id: empty" },
    { "A,\"97110\"x,23,1", "2: field 2 has a quote in the wrong place" },
    { "A,97110,1000,1\nA,97112,500,1", "0: visit “A”: " },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autofree char *csv = g_strdup_printf (HEADER "%s\n", rows[i].row);
      g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (csv, strlen (csv), NULL);
      g_autoptr(PtCsvReader) reader = pt_csv_reader_new_for_stream (stream, NULL);
      g_autoptr(PtAudit) audit = pt_audit_new (PT_METHOD_CMS);
      g_autoptr(GString) messages = g_string_new (NULL);

      pt_audit_set_report_func (audit, append_message, messages);
      g_assert_true (pt_audit_read (audit, reader, NULL));
      pt_audit_run (audit, NULL, NULL);
      if (strstr (messages->str, rows[i].needle) == NULL)
        g_test_message ("messages: %s", messages->str);
      g_assert_nonnull (strstr (messages->str, rows[i].needle));
    }
}

/* A header that names a column twice, or lacks a required one, stops the audit. */
static void
test_bad_header (void)
{
  static const char * const headers[] = {
    "visit_id,code,code,minutes\nA,97112,97112,24\n",
    "visit_id,code,billed_units\nA,97112,2\n",
    "code,minutes\n97112,24\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (headers); i++)
    {
      g_autoptr(GError) error = NULL;
      Collected col;
      g_autoptr(PtAudit) audit = audit_csv (PT_METHOD_CMS, headers[i], &col, &error);

      g_assert_error (error, PT_AUDIT_ERROR, PT_AUDIT_ERROR_HEADER);
      g_assert_nonnull (strstr (error->message, "line 1"));
      g_assert_cmpuint (pt_audit_get_n_visits (audit), ==, 0);
      collected_clear (&col);
    }
}

/* The index grows with visits and codes, not rows: ten thousand rows of one
 * code of one visit take the room of one. */
static void
test_memory_per_visit (void)
{
  g_autoptr(GString) few = g_string_new (HEADER "A,97112,1,0\n");
  g_autoptr(GString) many = g_string_new (HEADER);
  Collected c1, c2;
  g_autoptr(PtAudit) a1 = NULL;
  g_autoptr(PtAudit) a2 = NULL;

  for (guint i = 0; i < 10000; i++)
    g_string_append (many, "A,97112,0,0\n");
  g_string_append (many, "A,97112,1,0\n");

  a1 = audit_csv (PT_METHOD_CMS, few->str, &c1, NULL);
  a2 = audit_csv (PT_METHOD_CMS, many->str, &c2, NULL);

  g_assert_cmpuint (pt_audit_get_n_visits (a2), ==, 1);
  g_assert_cmpuint (pt_audit_get_index_size (a2), ==, pt_audit_get_index_size (a1));
  g_assert_cmpstr (c2.visits->str, ==, "A ok 0 97112=0/0\n");
  g_assert_cmpuint (pt_audit_get_summary (a2)->rows, ==, 10001);
  collected_clear (&c1);
  collected_clear (&c2);
}

/* Many visits with their rows scattered: each visit is found again however
 * far apart its rows are, and visits keep the order they first appeared in
 * although they are judged in batches on several threads. */
static void
test_many_scattered (void)
{
  const guint n = 20000;
  g_autoptr(GString) csv = g_string_new (HEADER);
  g_autoptr(GString) expected = g_string_new (NULL);
  Collected c;
  g_autoptr(PtAudit) audit = NULL;
  g_autofree char *summary = NULL;

  /* First rows of every visit in order, then the second rows backwards.
   * Visit i: 97112 24 and 97110 23 (example 1: 2 and 1); every third visit
   * bills 97112 three times; every 1000th has 1440 minutes of 97110, 1464
   * in all, which the engine refuses. */
  for (guint i = 0; i < n; i++)
    g_string_append_printf (csv, "V%u,97112,24,%u\n", i, i % 3 == 0 ? 3 : 2);
  for (guint i = n; i-- > 0;)
    g_string_append_printf (csv, "V%u,97110,%u,1\n", i, i % 1000 == 7 ? 1440 : 23);
  for (guint i = 0; i < n; i++)
    if (i % 1000 == 7)
      g_string_append_printf (expected, "V%u error\n", i);
    else
      g_string_append_printf (expected, i % 3 == 0 ? "V%u over 1 97112=2/3 97110=1/1\n"
                                                   : "V%u ok 0 97112=2/2 97110=1/1\n", i);

  audit = audit_csv (PT_METHOD_CMS, csv->str, &c, NULL);
  summary = summary_text (pt_audit_get_summary (audit));
  g_assert_cmpuint (pt_audit_get_n_visits (audit), ==, n);
  g_assert_true (strcmp (c.visits->str, expected->str) == 0);
  /* 6667 visits bill 97112 three times; 6 of them (2007, 5007 … 17007) are
   * among the 20 refused. */
  g_assert_cmpstr (summary, ==,
                   "visits=20000 ok=13319 over=6661 under=0 mixed=0 unbilled=0 bad=20 units_over=6661 units_under=0 rows=40000 skipped=0");
  g_assert_cmpuint (strlen (c.reports->str), ==, 20 * 2);
  collected_clear (&c);
}

/* An index past several megabytes, whose arrays move to new mappings as
 * they grow (from small pages to huge ones, then huge ones moved whole):
 * every visit keeps its id, codes and sums, in order. 200,000 visits, a
 * first row each, then a second code for every visit backwards, then the
 * first code again for every tenth visit. */
static void
test_large_index (void)
{
  const guint n = 200000;
  g_autoptr(GString) csv = g_string_sized_new (n * 60);
  g_autoptr(PtAudit) audit = NULL;
  g_autofree char *summary = NULL;
  Collected c;
  const char *p;

  g_string_append (csv, HEADER);
  for (guint i = 0; i < n; i++)
    g_string_append_printf (csv, "visit-%07u,97112,%u,1\n", i, 8 + i % 15);
  for (guint i = n; i-- > 0;)
    g_string_append_printf (csv, "visit-%07u,97110,23,%u\n", i, i % 7 == 0 ? 2 : 1);
  for (guint i = 0; i < n; i += 10)
    g_string_append_printf (csv, "visit-%07u,97112,15,1\n", i);

  audit = audit_csv (PT_METHOD_AMA, csv->str, &c, NULL);
  g_assert_cmpuint (pt_audit_get_n_visits (audit), ==, n);
  g_assert_cmpuint (pt_audit_get_index_size (audit), >, 4 * 1024 * 1024);

  /* Per code (AMA): 97112 has 8-22 minutes (1 unit), or 23-37 with the
   * third row (2 units, 2 billed); 97110 23 minutes (2 units), billed 1,
   * or 2 for every seventh visit. */
  p = c.visits->str;
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *expected = NULL;
      gboolean ok = i % 7 == 0;
      const char *end = strchr (p, '\n');

      expected = g_strdup_printf ("visit-%07u %s %d 97112=%d/%d 97110=2/%d", i,
                                  ok ? "ok" : "under", ok ? 0 : -1,
                                  i % 10 == 0 ? 2 : 1, i % 10 == 0 ? 2 : 1, ok ? 2 : 1);
      g_assert_nonnull (end);
      if (strncmp (p, expected, end - p) != 0 || strlen (expected) != (gsize) (end - p))
        g_error ("visit %u: “%.*s”, expected “%s”", i, (int) (end - p), p, expected);
      p = end + 1;
    }
  g_assert_cmpstr (p, ==, "");

  summary = summary_text (pt_audit_get_summary (audit));
  g_assert_cmpstr (summary, ==,
                   "visits=200000 ok=28572 over=0 under=171428 mixed=0 unbilled=0 bad=0 units_over=0 units_under=171428 rows=420000 skipped=0");
  collected_clear (&c);
}

static gboolean
stop_after_one (const PtAuditVisit *visit,
                gpointer            user_data)
{
  guint *seen = user_data;

  (*seen)++;
  return FALSE;
}

static void
test_stop (void)
{
  const char *csv = HEADER "A,97112,24,2\nB,97112,24,2\n";
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (csv, strlen (csv), NULL);
  g_autoptr(PtCsvReader) reader = pt_csv_reader_new_for_stream (stream, NULL);
  g_autoptr(PtAudit) audit = pt_audit_new (PT_METHOD_CMS);
  guint seen = 0;

  g_assert_true (pt_audit_read (audit, reader, NULL));
  g_assert_true (pt_audit_has_billed (audit));
  g_assert_false (pt_audit_run (audit, stop_after_one, &seen));
  g_assert_cmpuint (seen, ==, 1);
}

static gboolean
stop_at (const PtAuditVisit *visit,
         gpointer            user_data)
{
  guint *left = user_data;

  return --(*left) > 0;
}

/* Stopping a large audit, whose later shares of visits are still being
 * judged on other threads, hands out no visit after the stop and waits
 * for those threads. */
static void
test_stop_parallel (void)
{
  g_autoptr(GString) csv = g_string_new (HEADER);
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(PtCsvReader) reader = NULL;
  g_autoptr(PtAudit) audit = pt_audit_new (PT_METHOD_CMS);
  const guint stops[] = { 1, 2047, 2048, 2049, 30000 };

  for (guint i = 0; i < 50000; i++)
    g_string_append_printf (csv, "V%u,97112,%u,2\n", i, i % 40);

  stream = g_memory_input_stream_new_from_data (csv->str, csv->len, NULL);
  reader = pt_csv_reader_new_for_stream (stream, NULL);
  g_assert_true (pt_audit_read (audit, reader, NULL));

  for (guint k = 0; k < G_N_ELEMENTS (stops); k++)
    {
      guint left = stops[k];
      const PtAuditSummary *s;

      g_assert_false (pt_audit_run (audit, stop_at, &left));
      g_assert_cmpuint (left, ==, 0);
      s = pt_audit_get_summary (audit);
      g_assert_cmpuint (s->ok + s->over + s->under, ==, stops[k]);
    }

  g_assert_true (pt_audit_run (audit, NULL, NULL));
  g_assert_cmpuint (pt_audit_get_summary (audit)->visits, ==, 50000);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/audit/case/%s", cases[i].name);

      g_test_add_data_func (path, &cases[i], test_case);
    }
  g_test_add_func ("/audit/messages", test_messages);
  g_test_add_func ("/audit/bad-header", test_bad_header);
  g_test_add_func ("/audit/memory-per-visit", test_memory_per_visit);
  g_test_add_func ("/audit/many-scattered", test_many_scattered);
  g_test_add_func ("/audit/large-index", test_large_index);
  g_test_add_func ("/audit/stop", test_stop);
  g_test_add_func ("/audit/stop-parallel", test_stop_parallel);

  return g_test_run ();
}
