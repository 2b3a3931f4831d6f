/* pt-cli-audit.c: pt97112-cli audit
 *
 * Reads a CSV of visit rows (visit_id,code,minutes[,billed_units]), checks the
 * billed units of every visit against what its minutes support and prints the
 * flagged visits and a summary, or JSON lines (one a visit, then the summary).
 * Bad rows and visits the engine refuses go to standard error with their line.
 */
#include "config.h"

#include <inttypes.h>

#include <errno.h>
#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "pt-alloc-request.h"
#include "pt-audit.h"
#include "pt-cli.h"

typedef struct {
  const char *path;
  GString    *out;
  gboolean    json;
  gboolean    write_failed;
  guint64     flagged_shown;
  guint       width[6];   /* the text table's columns, in characters */
} AuditOutput;

static void
report_problem (guint64     line,
                const char *message,
                gpointer    user_data)
{
  AuditOutput *o = user_data;

  if (line > 0)
    g_printerr ("%s:%" PRIu64 ": %s\n", o->path, line, message);
  else
    g_printerr ("%s: %s\n", o->path, message);
}

/* The JSON lines are written into room reserved once per visit, without
 * printf or a call per piece: an audit writes hundreds of thousands. */
static char *
put (char       *p,
     const char *s,
     gsize       n)
{
  memcpy (p, s, n);
  return p + n;
}

#define PUT(p, literal) put ((p), (literal), sizeof (literal) - 1)

static char *
put_int (char   *p,
         gint64  value)
{
  char buf[24];
  char *q = buf + sizeof buf;
  guint64 u = value < 0 ? -(guint64) value : (guint64) value;

  /* Units are almost always one or two digits: no loop, no copy call. */
  if (value >= 0 && value < 100)
    {
      if (value >= 10)
        *p++ = '0' + value / 10;
      *p++ = '0' + value % 10;
      return p;
    }

  do
    *--q = '0' + u % 10;
  while ((u /= 10) > 0);
  if (value < 0)
    *--q = '-';

  return put (p, q, buf + sizeof buf - q);
}

/* strlen (@code), inline: the audit's codes are all PT_CODE_LEN long, and
 * copying them with a fixed size, which the compiler inlines, spares a
 * strlen() and a memcpy() call for every code of every visit. */
static inline gsize
code_length (const char *code)
{
  for (gsize i = 0; i < PT_CODE_LEN; i++)
    if (code[i] == '\0')
      return i;

  return code[PT_CODE_LEN] == '\0' ? PT_CODE_LEN : strlen (code);
}

/* Codes are checked (five letters or digits), so they need no escaping. */
static char *
put_units (char               *p,
           const PtAuditVisit *visit,
           gboolean            billed)
{
  *p++ = '{';
  for (guint i = 0; i < visit->n_lines; i++)
    {
      const PtAuditLine *l = &visit->lines[i];

      if (i > 0)
        p = PUT (p, ", ");
      *p++ = '"';
      if (code_length (l->code) == PT_CODE_LEN)
        p = put (p, l->code, PT_CODE_LEN);
      else
        p = put (p, l->code, strlen (l->code));
      p = PUT (p, "\": ");
      p = put_int (p, billed ? l->billed : l->expected);
    }
  *p++ = '}';

  return p;
}

static void
append_visit_json (GString            *out,
                   const PtAuditVisit *visit)
{
  gsize start;
  char *p;

  g_string_append (out, "{\"visit_id\": ");
  pt_json_append_string (out, visit->visit_id);

  if (visit->status == PT_AUDIT_STATUS_BAD)
    {
      g_string_append (out, ", \"method\": ");
      pt_json_append_string (out, pt_method_to_string (visit->method));
      g_string_append (out, ", \"error\": ");
      pt_json_append_string (out, visit->error);
      g_string_append (out, "}\n");
      return;
    }

  /* Room for the rest: two objects of n codes (code, ": ", a number, ", "),
   * the method, the status and the difference. */
  start = out->len;
  g_string_set_size (out, start + 128 + 2 * visit->n_lines * (PT_CODE_BUF + 28));
  p = out->str + start;

  p = PUT (p, ", \"method\": \"");
  p = put (p, pt_method_to_string (visit->method), strlen (pt_method_to_string (visit->method)));
  p = PUT (p, "\", \"expected\": ");
  p = put_units (p, visit, FALSE);

  if (visit->status == PT_AUDIT_STATUS_UNBILLED)
    p = PUT (p, ", \"billed\": null, \"status\": \"unbilled\", \"units_difference\": null}\n");
  else
    {
      const char *status = pt_audit_status_to_string (visit->status);

      p = PUT (p, ", \"billed\": ");
      p = put_units (p, visit, TRUE);
      p = PUT (p, ", \"status\": \"");
      p = put (p, status, strlen (status));
      p = PUT (p, "\", \"units_difference\": ");
      p = put_int (p, visit->units_difference);
      p = PUT (p, "}\n");
    }

  g_string_truncate (out, p - out->str);
}

static const char *
status_label (PtAuditStatus status)
{
  switch (status)
    {
    case PT_AUDIT_STATUS_OVER:
      /* Translators: audit status, at most 8 characters */
      return _("over");
    case PT_AUDIT_STATUS_UNDER:
      /* Translators: audit status, at most 8 characters */
      return _("under");
    case PT_AUDIT_STATUS_MIXED:
      /* Translators: audit status, at most 8 characters */
      return _("mixed");
    case PT_AUDIT_STATUS_OK:
    case PT_AUDIT_STATUS_UNBILLED:
    case PT_AUDIT_STATUS_BAD:
    default:
      return pt_audit_status_to_string (status);
    }
}

/* One line of the text table without its end: the visit's three columns, a
 * wider gap, then the code's three, each padded to its width in characters. */
static void
append_text_row (AuditOutput        *o,
                 const char * const *cells,
                 const gboolean     *right)
{
  for (guint c = 0; c < 6; c++)
    {
      if (c > 0)
        g_string_append (o->out, c == 3 ? "  " : " ");
      pt_cli_append_cell (o->out, cells[c], o->width[c], right[c]);
    }
}

/* A flagged visit in the text table: one line per code, the visit's columns
 * on its first line. */
static void
append_visit_text (AuditOutput        *o,
                   const PtAuditVisit *visit)
{
  static const gboolean right[6] = { FALSE, FALSE, TRUE, FALSE, TRUE, TRUE };
  GString *out = o->out;

  if (o->flagged_shown++ == 0)
    {
      const char *header[6] = { _("Visit"), _("Status"), _("Diff"), _("Code"), _("Expected"), _("Billed") };

      o->width[0] = pt_cli_text_width (14, header[0], NULL);
      o->width[1] = pt_cli_text_width (8, header[1], status_label (PT_AUDIT_STATUS_OVER),
                                       status_label (PT_AUDIT_STATUS_UNDER),
                                       status_label (PT_AUDIT_STATUS_MIXED), NULL);
      o->width[2] = pt_cli_text_width (6, header[2], NULL);
      o->width[3] = pt_cli_text_width (6, header[3], NULL);
      o->width[4] = pt_cli_text_width (8, header[4], NULL);
      o->width[5] = pt_cli_text_width (7, header[5], NULL);
      append_text_row (o, header, right);
      g_string_append_c (out, '\n');
    }

  for (guint i = 0; i < visit->n_lines; i++)
    {
      const PtAuditLine *l = &visit->lines[i];
      char diff[24] = "", expected[16], billed[16];
      const char *cells[6] = { "", "", diff, l->code, expected, billed };

      if (i == 0)
        {
          cells[0] = visit->visit_id;
          cells[1] = status_label (visit->status);
          g_snprintf (diff, sizeof diff, visit->units_difference == 0 ? "%" PRId64 : "%+" PRId64,
                      visit->units_difference);
        }
      g_snprintf (expected, sizeof expected, "%d", l->expected);
      g_snprintf (billed, sizeof billed, "%d", l->billed);
      append_text_row (o, cells, right);
      g_string_append (out, l->billed != l->expected ? "  *\n" : "\n");
    }
}

static gboolean
write_visit (const PtAuditVisit *visit,
             gpointer            user_data)
{
  AuditOutput *o = user_data;

  if (o->json)
    append_visit_json (o->out, visit);
  else if (visit->status == PT_AUDIT_STATUS_OVER || visit->status == PT_AUDIT_STATUS_UNDER ||
           visit->status == PT_AUDIT_STATUS_MIXED)
    append_visit_text (o, visit);

  if (o->out->len > 64 * 1024 && !pt_cli_write (o->out))
    {
      o->write_failed = TRUE;
      return FALSE;
    }

  return TRUE;
}

static void
append_summary_json (GString              *out,
                     const PtAuditSummary *s)
{
  g_string_append_printf (out,
                          "{\"summary\": {\"visits\": %" PRIu64 ", \"ok\": %" PRIu64
                          ", \"over\": %" PRIu64 ", \"under\": %" PRIu64
                          ", \"mixed\": %" PRIu64 ", \"units_over\": %" PRIu64
                          ", \"units_under\": %" PRIu64 ", \"rows\": %" PRIu64
                          ", \"rows_skipped\": %" PRIu64 ", \"unbilled\": %" PRIu64
                          ", \"bad_visits\": %" PRIu64 "}}\n",
                          s->visits, s->ok, s->over, s->under, s->mixed, s->units_over,
                          s->units_under, s->rows, s->rows_skipped, s->unbilled, s->bad_visits);
}

static void
append_summary_text (AuditOutput          *o,
                     const PtAuditSummary *s,
                     PtMethod              method,
                     gboolean              billed)
{
  GString *out = o->out;

  if (!billed)
    g_string_append (out, _("The file has no billed_units column: nothing to compare. "
                            "“--json” lists the units each visit supports.\n"));
  else if (o->flagged_shown == 0)
    g_string_append (out, _("No visit is billed over or under what its minutes support.\n"));
  else
    g_string_append (out, _("* billed units differ from what the minutes support "
                            "(when leftover minutes tie, the valid choice closest to the bill).\n"));

  g_string_append_printf (out, _("\nMethod: %s\n"), pt_method_display_name (method));
  g_string_append_printf (out, _("Visits: %" PRIu64 "   ok %" PRIu64
                                 "   over %" PRIu64 "   under %" PRIu64
                                 "   mixed %" PRIu64 "\n"),
                          s->visits, s->ok, s->over, s->under, s->mixed);
  if (s->unbilled > 0)
    g_string_append_printf (out, _("Visits without billed units: %" PRIu64 "\n"), s->unbilled);
  if (s->bad_visits > 0)
    g_string_append_printf (out, _("Visits that could not be checked: %" PRIu64
                                   " (see the messages above)\n"), s->bad_visits);
  g_string_append_printf (out, _("Units billed over what the minutes support: %" PRIu64 "\n"),
                          s->units_over);
  g_string_append_printf (out, _("Units billed under what the minutes support: %" PRIu64 "\n"),
                          s->units_under);
  g_string_append_printf (out, _("Rows: %" PRIu64 " (%" PRIu64 " skipped)\n"),
                          s->rows, s->rows_skipped);
}

int
pt_cli_audit (int    argc,
              char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PtAudit) audit = NULL;
  g_autoptr(PtCsvReader) reader = NULL;
  g_autoptr(GString) out = g_string_sized_new (128 * 1024);
  g_autofree char *method_str = NULL;
  g_auto(GStrv) files = NULL;
  gboolean json = FALSE;
  PtMethod method = PT_METHOD_CMS;
  const PtAuditSummary *summary;
  AuditOutput o = { 0 };
  FILE *in;
  gboolean read_ok;
  const GOptionEntry entries[] = {
    { "method", 'm', 0, G_OPTION_ARG_STRING, &method_str,
      N_("Billing method: cms (Medicare total time, the default) or ama (per code)"), "cms|ama" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Write JSON lines: one a visit, then the summary"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, NULL },
    { NULL }
  };

  context = pt_cli_context_new (_("FILE.csv"),
                                _("Check the billed units of many visits against their minutes."),
                                _("The CSV has the columns visit_id,code,minutes and optionally billed_units,\n"
                                  "with or without a header row; a visit’s rows may be anywhere in the file.\n"
                                  "Exit status: 0 nothing over- or under-billed, 1 some visit flagged,\n"
                                  "2 bad usage or a file that cannot be read.\n\n"
                                  "Examples:\n"
                                  "  pt97112-cli audit claims.csv\n"
                                  "  pt97112-cli audit --method ama --json claims.csv > audit.jsonl\n"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return pt_cli_usage_error (context, "%s", error->message);

  if (method_str != NULL && !pt_method_from_string (method_str, &method))
    return pt_cli_usage_error (context, _("--method: expected “cms” or “ama”, not “%s”"), method_str);

  if (files == NULL || files[0] == NULL)
    return pt_cli_usage_error (context, _("name the CSV file to audit (- for standard input)"));
  if (files[1] != NULL)
    return pt_cli_usage_error (context, _("audit reads one file; “%s” is one too many"), files[1]);

  o.path = files[0];
  if (g_strcmp0 (o.path, "-") == 0)
    {
      in = stdin;
      o.path = _("standard input");
    }
  else if (!(in = fopen (o.path, "rb")))
    {
      int saved = errno;
      return pt_cli_usage_error (NULL, _("cannot read %s: %s"), o.path, g_strerror (saved));
    }

  audit = pt_audit_new (method);
  pt_audit_set_report_func (audit, report_problem, &o);
  reader = pt_csv_reader_new_for_file (in);
  read_ok = pt_audit_read (audit, reader, &error);
  if (in != stdin)
    fclose (in);

  if (!read_ok)
    return pt_cli_usage_error (NULL, "%s: %s", o.path, error->message);

  o.out = out;
  o.json = json;
  pt_audit_run (audit, write_visit, &o);
  summary = pt_audit_get_summary (audit);

  if (!o.write_failed)
    {
      if (json)
        append_summary_json (out, summary);
      else
        append_summary_text (&o, summary, method, pt_audit_has_billed (audit));
      if (!pt_cli_write (out))
        o.write_failed = TRUE;
    }

  if (fflush (stdout) != 0 || o.write_failed)
    {
      g_printerr (_("pt97112-cli: writing the output failed\n"));
      return PT_CLI_BAD_INPUT;
    }

  return summary->over + summary->under + summary->mixed > 0 ? PT_CLI_FAILED : PT_CLI_OK;
}
