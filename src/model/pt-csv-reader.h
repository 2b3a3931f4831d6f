/* pt-csv-reader.h: a streaming RFC 4180 CSV reader that hands out one row at a time
 *
 * The reader pulls the input in fixed-size chunks from a FILE or a
 * GInputStream and keeps at most one chunk plus one row: memory does not grow
 * with the length of the input. Quoted fields may hold commas, doubled quotes
 * and line breaks; lines may end in LF or CRLF; a UTF-8 byte-order mark at the
 * start is dropped and empty lines are skipped. A row that cannot be used
 * (invalid UTF-8, a NUL byte, a misplaced quote, longer than the row limit)
 * comes back as PT_CSV_BAD_ROW with the reason, and reading goes on with the
 * next row.
 */
#pragma once

#include <gio/gio.h>
#include <stdio.h>

G_BEGIN_DECLS

#define PT_CSV_ERROR (pt_csv_error_quark ())

typedef enum {
  PT_CSV_ERROR_READ,     /* the input could not be read */
  PT_CSV_ERROR_ENCODING, /* a row is not valid UTF-8 */
  PT_CSV_ERROR_NUL,      /* a row holds a NUL byte */
  PT_CSV_ERROR_TOO_LONG, /* a row is longer than the row limit */
  PT_CSV_ERROR_QUOTE,    /* a quote where a field cannot have one, or one never closed */
} PtCsvError;

typedef enum {
  PT_CSV_ROW,     /* a row: read its fields */
  PT_CSV_BAD_ROW, /* a row that cannot be used; the error says why; call next again */
  PT_CSV_END,     /* no more rows */
  PT_CSV_FAILED,  /* the input could not be read; the error says why; stop */
} PtCsvStatus;

/* The default row limit: no row of a billing export comes near it. */
#define PT_CSV_DEFAULT_MAX_ROW (64 * 1024)

typedef struct _PtCsvReader PtCsvReader;

GQuark        pt_csv_error_quark          (void);

PtCsvReader  *pt_csv_reader_new_for_file   (FILE               *file);
PtCsvReader  *pt_csv_reader_new_for_stream (GInputStream       *stream,
                                            GCancellable       *cancellable);
void          pt_csv_reader_free           (PtCsvReader        *reader);
void          pt_csv_reader_set_max_row    (PtCsvReader        *reader,
                                            gsize               max_row);
PtCsvStatus   pt_csv_reader_next           (PtCsvReader        *reader,
                                            GError            **error);
guint         pt_csv_reader_get_n_fields   (const PtCsvReader  *reader);
const char   *pt_csv_reader_get_field      (const PtCsvReader  *reader,
                                            guint               index,
                                            gsize              *length);
guint64       pt_csv_reader_get_line       (const PtCsvReader  *reader);
guint64       pt_csv_reader_get_bytes_read (const PtCsvReader  *reader);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PtCsvReader, pt_csv_reader_free)

G_END_DECLS
