/* pt-csv-reader.c: a streaming RFC 4180 CSV reader
 *
 * Raw input sits in one buffer of max_row + CHUNK bytes. Most rows have no
 * quote: such a row's end is found with memchr, then one pass over it
 * (scan_line) finds its commas and any quote, NUL or non-ASCII byte; it is
 * checked (NUL, UTF-8) and split in place, so its fields point into the
 * buffer without a copy. A row with a
 * quote goes through a small state machine that writes the unquoted fields
 * into a separate row buffer of max_row bytes, refilling the input as it goes
 * since a quoted field may span lines. Either way the fields stay valid until
 * the next call. A row over the limit is reported and skipped up to the end of
 * its physical line, so an unclosed quote costs one bad row, not the file.
 */
#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pt-csv-reader.h"

/* How much is read at a time. */
#define CHUNK (256 * 1024)

G_DEFINE_QUARK (pt-csv-error-quark, pt_csv_error)

struct _PtCsvReader
{
  /* The source: one of the two. */
  FILE         *file;
  GInputStream *stream;
  GCancellable *cancellable;

  /* Raw input; bytes [pos, end) are read and not yet parsed. */
  char         *buf;
  gsize         cap;      /* max_row + CHUNK; one more byte is allocated for a NUL */
  gsize         pos;
  gsize         end;
  gboolean      eof;
  gboolean      started;  /* the byte-order mark has been looked for */
  guint64       bytes_read;
  gsize         max_row;

  /* The current row: field i is fields[i], lengths[i] bytes, NUL-terminated. */
  char         *row;      /* unquoted copy of a row with quotes, max_row + 2 bytes */
  const char  **fields;
  gsize        *lengths;
  guint         n_fields;
  guint         fields_cap;

  guint64       line;      /* the line the current row starts on */
  guint64       next_line; /* the line of the next unparsed byte */
};

static PtCsvReader *
reader_new (void)
{
  PtCsvReader *reader = g_new0 (PtCsvReader, 1);

  reader->max_row = PT_CSV_DEFAULT_MAX_ROW;
  reader->cap = reader->max_row + CHUNK;
  reader->buf = g_malloc (reader->cap + 1);
  reader->next_line = 1;

  return reader;
}

/* Reads from @file, which stays open and belongs to the caller. */
PtCsvReader *
pt_csv_reader_new_for_file (FILE *file)
{
  PtCsvReader *reader;

  g_return_val_if_fail (file != NULL, NULL);

  reader = reader_new ();
  reader->file = file;

  return reader;
}

PtCsvReader *
pt_csv_reader_new_for_stream (GInputStream *stream,
                              GCancellable *cancellable)
{
  PtCsvReader *reader;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);

  reader = reader_new ();
  reader->stream = g_object_ref (stream);
  reader->cancellable = cancellable ? g_object_ref (cancellable) : NULL;

  return reader;
}

void
pt_csv_reader_free (PtCsvReader *reader)
{
  if (reader == NULL)
    return;

  g_clear_object (&reader->stream);
  g_clear_object (&reader->cancellable);
  g_free (reader->buf);
  g_free (reader->row);
  g_free (reader->fields);
  g_free (reader->lengths);
  g_free (reader);
}

/* The longest row accepted, in bytes without its line end. Set it before the
 * first row is read. */
void
pt_csv_reader_set_max_row (PtCsvReader *reader,
                           gsize        max_row)
{
  g_return_if_fail (reader != NULL);
  g_return_if_fail (!reader->started);
  g_return_if_fail (max_row > 0 && max_row <= G_MAXSIZE / 2 - CHUNK);

  reader->max_row = max_row;
  reader->cap = max_row + CHUNK;
  reader->buf = g_realloc (reader->buf, reader->cap + 1);
  g_clear_pointer (&reader->row, g_free);
}

guint
pt_csv_reader_get_n_fields (const PtCsvReader *reader)
{
  return reader->n_fields;
}

/* Field @index of the current row, NUL-terminated; @length (optional) gets its
 * length in bytes. NULL past the last field. Valid until the next call. */
const char *
pt_csv_reader_get_field (const PtCsvReader *reader,
                         guint              index,
                         gsize             *length)
{
  if (index >= reader->n_fields)
    {
      if (length != NULL)
        *length = 0;
      return NULL;
    }

  if (length != NULL)
    *length = reader->lengths[index];

  return reader->fields[index];
}

/* The 1-based line the current (or last bad) row starts on. */
guint64
pt_csv_reader_get_line (const PtCsvReader *reader)
{
  return reader->line;
}

guint64
pt_csv_reader_get_bytes_read (const PtCsvReader *reader)
{
  return reader->bytes_read;
}

/* Moves the unparsed bytes to the front and reads once more after them. */
static gboolean
fill (PtCsvReader  *reader,
      GError      **error)
{
  gsize room;
  gssize n;

  if (reader->pos > 0)
    {
      memmove (reader->buf, reader->buf + reader->pos, reader->end - reader->pos);
      reader->end -= reader->pos;
      reader->pos = 0;
    }

  room = reader->cap - reader->end;
  g_assert (room > 0);

  if (reader->file != NULL)
    {
      n = fread (reader->buf + reader->end, 1, room, reader->file);
      if ((gsize) n < room)
        {
          if (ferror (reader->file))
            {
              g_set_error_literal (error, PT_CSV_ERROR, PT_CSV_ERROR_READ,
                                   _("reading the file failed"));
              return FALSE;
            }
          reader->eof = feof (reader->file) || n == 0;
        }
    }
  else
    {
      n = g_input_stream_read (reader->stream, reader->buf + reader->end, room,
                               reader->cancellable, error);
      if (n < 0)
        return FALSE;
      reader->eof = n == 0;
    }

  reader->end += n;
  reader->bytes_read += n;

  return TRUE;
}

/* Drops everything up to and including the next line feed. */
static gboolean
skip_line (PtCsvReader  *reader,
           GError      **error)
{
  for (;;)
    {
      const char *nl = memchr (reader->buf + reader->pos, '\n', reader->end - reader->pos);

      if (nl != NULL)
        {
          reader->pos = nl - reader->buf + 1;
          reader->next_line++;
          return TRUE;
        }

      reader->pos = reader->end;
      if (reader->eof)
        return TRUE;
      if (!fill (reader, error))
        return FALSE;
    }
}

static inline void
add_field (PtCsvReader *reader,
           const char  *field,
           gsize        length)
{
  if (reader->n_fields == reader->fields_cap)
    {
      reader->fields_cap = MAX (16, reader->fields_cap * 2);
      reader->fields = g_renew (const char *, reader->fields, reader->fields_cap);
      reader->lengths = g_renew (gsize, reader->lengths, reader->fields_cap);
    }

  reader->fields[reader->n_fields] = field;
  reader->lengths[reader->n_fields] = length;
  reader->n_fields++;
}

static gboolean
is_ascii (const char *s,
          gsize       len)
{
  guint64 acc = 0;
  gsize i = 0;

  for (; i + 8 <= len; i += 8)
    {
      guint64 word;

      memcpy (&word, s + i, sizeof word);
      acc |= word;
    }
  for (; i < len; i++)
    acc |= (guchar) s[i];

  return (acc & G_GUINT64_CONSTANT (0x8080808080808080)) == 0;
}

static PtCsvStatus
bad_row (GError     **error,
         PtCsvError   code,
         const char  *format,
         ...) G_GNUC_PRINTF (3, 4);

static PtCsvStatus
bad_row (GError     **error,
         PtCsvError   code,
         const char  *format,
         ...)
{
  va_list args;

  va_start (args, format);
  g_propagate_error (error, g_error_new_valist (PT_CSV_ERROR, code, format, args));
  va_end (args);

  return PT_CSV_BAD_ROW;
}

static PtCsvStatus
too_long (PtCsvReader *reader,
          GError     **error)
{
  return bad_row (error, PT_CSV_ERROR_TOO_LONG,
                  _("the row is longer than %zu bytes; skipped to the end of its line"),
                  reader->max_row);
}

/* Checks the fields of the current row for invalid UTF-8. */
static PtCsvStatus
check_fields_utf8 (PtCsvReader  *reader,
                   GError      **error)
{
  for (guint i = 0; i < reader->n_fields; i++)
    if (!is_ascii (reader->fields[i], reader->lengths[i]) &&
        !g_utf8_validate_len (reader->fields[i], reader->lengths[i], NULL))
      return bad_row (error, PT_CSV_ERROR_ENCODING,
                      _("field %u is not valid UTF-8 text"), i + 1);

  return PT_CSV_ROW;
}

/* A row with a quote somewhere: RFC 4180 parsing into reader->row. */
static PtCsvStatus
read_quoted_row (PtCsvReader  *reader,
                 GError      **error)
{
  enum { START, PLAIN, QUOTED, QUOTE_IN_QUOTED, CLOSED_CR } state = START;
  gsize out = 0;
  gsize field_start = 0;
  gsize consumed = 0;
  gboolean line_end = FALSE;
  gboolean crlf = FALSE;
  gint bad = -1;
  guint bad_field = 0;

  /* A row takes at most max_row + 2 input bytes, and a stray CR before
   * another byte writes two output bytes for one: room for twice that and
   * the final NUL. */
  if (reader->row == NULL)
    reader->row = g_malloc (2 * (reader->max_row + 2) + 1);

  reader->line = reader->next_line;

  while (!line_end)
    {
      char c;

      if (reader->pos == reader->end)
        {
          if (reader->eof)
            break;
          if (!fill (reader, error))
            return PT_CSV_FAILED;
          continue;
        }

      c = reader->buf[reader->pos++];
      if (++consumed > reader->max_row + 2)
        {
          /* Resynchronise at the end of the physical line. */
          reader->pos--;
          if (!skip_line (reader, error))
            return PT_CSV_FAILED;
          return too_long (reader, error);
        }

      if (c == '\0' && bad < 0)
        {
          bad = PT_CSV_ERROR_NUL;
          bad_field = reader->n_fields + 1;
        }

      switch (state)
        {
        case CLOSED_CR:
          if (c == '\n')
            {
              crlf = TRUE;
              line_end = TRUE;
              break;
            }
          if (bad < 0)
            {
              bad = PT_CSV_ERROR_QUOTE;
              bad_field = reader->n_fields + 1;
            }
          reader->row[out++] = '\r';
          state = PLAIN;
          G_GNUC_FALLTHROUGH;

        case START:
        case PLAIN:
          if (state == START && c == '"')
            {
              state = QUOTED;
              break;
            }
          state = PLAIN;
          if (c == ',')
            {
              reader->row[out++] = '\0';
              add_field (reader, reader->row + field_start, out - 1 - field_start);
              field_start = out;
              state = START;
            }
          else if (c == '\n')
            {
              line_end = TRUE;
              if (out > field_start && reader->row[out - 1] == '\r')
                {
                  out--;
                  crlf = TRUE;
                }
            }
          else
            {
              if (c == '"' && bad < 0)
                {
                  bad = PT_CSV_ERROR_QUOTE;
                  bad_field = reader->n_fields + 1;
                }
              reader->row[out++] = c;
            }
          break;

        case QUOTED:
          if (c == '"')
            state = QUOTE_IN_QUOTED;
          else
            {
              if (c == '\n')
                reader->next_line++;
              reader->row[out++] = c;
            }
          break;

        case QUOTE_IN_QUOTED:
          if (c == '"')
            {
              reader->row[out++] = '"';
              state = QUOTED;
            }
          else if (c == ',')
            {
              reader->row[out++] = '\0';
              add_field (reader, reader->row + field_start, out - 1 - field_start);
              field_start = out;
              state = START;
            }
          else if (c == '\n')
            line_end = TRUE;
          else if (c == '\r')
            state = CLOSED_CR;
          else
            {
              if (bad < 0)
                {
                  bad = PT_CSV_ERROR_QUOTE;
                  bad_field = reader->n_fields + 1;
                }
              reader->row[out++] = c;
              state = PLAIN;
            }
          break;

        default:
          g_assert_not_reached ();
        }
    }

  if (line_end)
    reader->next_line++;

  reader->row[out] = '\0';
  add_field (reader, reader->row + field_start, out - field_start);

  if (consumed - (line_end ? 1 : 0) - (crlf ? 1 : 0) > reader->max_row)
    return too_long (reader, error);

  if (state == QUOTED)
    return bad_row (error, PT_CSV_ERROR_QUOTE,
                    _("field %u opens a quote that is never closed"), reader->n_fields);

  switch (bad)
    {
    case PT_CSV_ERROR_NUL:
      return bad_row (error, PT_CSV_ERROR_NUL,
                      _("field %u holds a NUL byte; is this a text file?"), bad_field);
    case PT_CSV_ERROR_QUOTE:
      return bad_row (error, PT_CSV_ERROR_QUOTE,
                      _("field %u has a quote in the wrong place; a field with quotes must start and end with one and double each quote inside (\"\")"),
                      bad_field);
    default:
      break;
    }

  return check_fields_utf8 (reader, error);
}

/* The field of the line at @line holding byte @offset. */
static guint
field_at (const char *line,
          gsize       offset)
{
  guint field = 1;

  for (gsize i = 0; i < offset; i++)
    field += line[i] == ',';

  return field;
}

enum {
  SCAN_QUOTE = 1 << 0, /* a quote: the row goes through read_quoted_row() */
  SCAN_NUL   = 1 << 1,
  SCAN_HIGH  = 1 << 2, /* a byte over 0x7f: the row must be checked as UTF-8 */
};

#define ONES  G_GUINT64_CONSTANT (0x0101010101010101)
#define HIGHS G_GUINT64_CONSTANT (0x8080808080808080)

/* The index of the first byte of @line, from @i, that is ',' (0x2C) or
 * below, or above 0x7F; @len when there is none. Eight bytes at a time where
 * the machine allows: each byte's high bit in the mask says whether it is
 * such a byte, computed without carries between bytes (a byte under 0x80
 * plus 0x53 reaches 0x80 exactly when it is ',' + 1 or more). */
static inline gsize
next_special (const char *line,
              gsize       i,
              gsize       len)
{
#if G_BYTE_ORDER == G_LITTLE_ENDIAN && defined(__GNUC__)
  for (; i + 8 <= len; i += 8)
    {
      guint64 w, low, mask;

      memcpy (&w, line + i, sizeof w);
      low = ~((w & ~HIGHS) + (0x80 - ',' - 1) * ONES) & HIGHS;
      mask = (low | w) & HIGHS;
      if (mask != 0)
        return i + __builtin_ctzll (mask) / 8;
    }
#endif

  for (; i < len; i++)
    {
      guchar c = line[i];

      if (c <= ',' || c >= 0x80)
        break;
    }

  return i;
}

/* One pass over a line of @len bytes: its fields go into reader->fields (not
 * yet NUL-terminated), and the flags say whether it holds a quote, a NUL
 * (the first at *@first_nul) or a non-ASCII byte. A typical row is a few
 * dozen bytes, where a memchr() call for each comma, the quote, the NUL and
 * the ASCII check cost more than one pass over its bytes. Only ',' and the
 * bytes below it or above 0x7F need a closer look: digits, letters and '-'
 * are skipped eight at a time. */
static guint
scan_line (PtCsvReader *reader,
           const char  *line,
           gsize        len,
           gsize       *first_nul)
{
  guint flags = 0;
  gsize start = 0;

  reader->n_fields = 0;

  for (gsize i = next_special (line, 0, len); i < len; i = next_special (line, i + 1, len))
    {
      guchar c = line[i];

      if (c == ',')
        {
          add_field (reader, line + start, i - start);
          start = i + 1;
        }
      else if (c == '"')
        return SCAN_QUOTE; /* the quoted path parses the row again */
      else if (c == '\0')
        {
          if (!(flags & SCAN_NUL))
            *first_nul = i;
          flags |= SCAN_NUL;
        }
      else if (c >= 0x80)
        flags |= SCAN_HIGH;
    }

  add_field (reader, line + start, len - start);

  return flags;
}

static PtCsvStatus
next_row (PtCsvReader  *reader,
          GError      **error)
{
  if (!reader->started)
    {
      while (reader->end - reader->pos < 3 && !reader->eof)
        if (!fill (reader, error))
          return PT_CSV_FAILED;
      if (reader->end - reader->pos >= 3 && memcmp (reader->buf + reader->pos, "\xEF\xBB\xBF", 3) == 0)
        reader->pos += 3;
      reader->started = TRUE;
    }

  for (;;)
    {
      gsize scanned = 0;
      char *line, *nl = NULL;
      gsize len;
      const char *bad;
      gsize first_nul = 0;
      guint flags;

      reader->n_fields = 0;

      /* Find the end of the physical line. */
      for (;;)
        {
          nl = memchr (reader->buf + reader->pos + scanned, '\n',
                       reader->end - reader->pos - scanned);
          if (nl != NULL || reader->eof)
            break;

          scanned = reader->end - reader->pos;
          if (scanned > reader->max_row + 1)
            {
              reader->line = reader->next_line;
              if (!skip_line (reader, error))
                return PT_CSV_FAILED;
              return too_long (reader, error);
            }

          if (!fill (reader, error))
            return PT_CSV_FAILED;
        }

      if (nl == NULL && reader->pos == reader->end)
        return PT_CSV_END;

      line = reader->buf + reader->pos;
      len = (nl != NULL ? nl : reader->buf + reader->end) - line;
      if (len > 0 && line[len - 1] == '\r')
        len--;

      flags = scan_line (reader, line, len, &first_nul);
      if (flags & SCAN_QUOTE)
        {
          reader->n_fields = 0;
          return read_quoted_row (reader, error);
        }

      reader->line = reader->next_line;
      if (nl != NULL)
        {
          reader->next_line++;
          reader->pos = nl - reader->buf + 1;
        }
      else
        reader->pos = reader->end;

      if (len == 0)
        continue;

      if (len > reader->max_row)
        return too_long (reader, error);

      if (flags & SCAN_NUL)
        return bad_row (error, PT_CSV_ERROR_NUL,
                        _("field %u holds a NUL byte; is this a text file?"),
                        field_at (line, first_nul));

      if ((flags & SCAN_HIGH) && !g_utf8_validate_len (line, len, &bad))
        return bad_row (error, PT_CSV_ERROR_ENCODING,
                        _("field %u is not valid UTF-8 text"), field_at (line, bad - line));

      /* Split in place: each comma, and the line end, becomes a NUL. */
      for (guint i = 0; i < reader->n_fields; i++)
        line[reader->fields[i] - line + reader->lengths[i]] = '\0';

      return PT_CSV_ROW;
    }
}

/* The next row. A bad row is reported with the reason in @error, and the next
 * call goes on after it. */
PtCsvStatus
pt_csv_reader_next (PtCsvReader  *reader,
                    GError      **error)
{
  PtCsvStatus status;

  g_return_val_if_fail (reader != NULL, PT_CSV_FAILED);
  g_return_val_if_fail (error == NULL || *error == NULL, PT_CSV_FAILED);

  status = next_row (reader, error);
  if (status != PT_CSV_ROW)
    reader->n_fields = 0;

  return status;
}
