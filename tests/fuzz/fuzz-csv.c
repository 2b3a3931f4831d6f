/* fuzz-csv.c: libFuzzer target for the streaming CSV reader
 *
 * The first byte picks the row limit (the default, or a small one so that
 * the too-long paths are reached) and whether the input is read through a
 * FILE or a GInputStream; the rest is the CSV text.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>

#include "pt-csv-reader.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static void
read_all (PtCsvReader   *reader,
          const uint8_t *data,
          size_t         size)
{
  guint64 rows = 0;

  for (;;)
    {
      g_autoptr(GError) error = NULL;
      PtCsvStatus status = pt_csv_reader_next (reader, &error);

      if (status == PT_CSV_END)
        {
          g_assert (error == NULL);
          break;
        }
      if (status == PT_CSV_FAILED)
        {
          g_assert (error != NULL);
          break;
        }
      if (status == PT_CSV_BAD_ROW)
        {
          g_assert (error != NULL && g_utf8_validate (error->message, -1, NULL));
          g_assert (pt_csv_reader_get_n_fields (reader) == 0);
        }
      else
        {
          g_assert (error == NULL);
          for (guint i = 0; i < pt_csv_reader_get_n_fields (reader); i++)
            {
              gsize length;
              const char *field = pt_csv_reader_get_field (reader, i, &length);

              /* Every field is valid UTF-8 without a NUL inside. */
              g_assert (field != NULL && field[length] == '\0');
              g_assert (g_utf8_validate (field, (gssize) length, NULL));
            }
          g_assert (pt_csv_reader_get_field (reader, pt_csv_reader_get_n_fields (reader), NULL) == NULL);
        }

      /* Every call moves on: never more rows than bytes and line ends. */
      g_assert (++rows <= size + 2);
    }

  g_assert (pt_csv_reader_get_bytes_read (reader) <= size);
  (void) data;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static const gsize limits[] = { PT_CSV_DEFAULT_MAX_ROW, 1, 7, 64 };
  g_autoptr(PtCsvReader) reader = NULL;
  guint8 mode;

  if (size == 0)
    return 0;

  mode = data[0];
  data++;
  size--;

  if (mode & 0x80)
    {
      FILE *file = fmemopen ((void *) data, size, "rb");

      if (size == 0 || file == NULL)
        {
          if (file != NULL)
            fclose (file);
          return 0;
        }
      reader = pt_csv_reader_new_for_file (file);
      if ((mode & 3) != 0)
        pt_csv_reader_set_max_row (reader, limits[mode & 3]);
      read_all (reader, data, size);
      g_clear_pointer (&reader, pt_csv_reader_free);
      fclose (file);
    }
  else
    {
      g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (data, (gssize) size, NULL);

      reader = pt_csv_reader_new_for_stream (stream, NULL);
      if ((mode & 3) != 0)
        pt_csv_reader_set_max_row (reader, limits[mode & 3]);
      read_all (reader, data, size);
    }

  return 0;
}
