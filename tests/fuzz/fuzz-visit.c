/* fuzz-visit.c: libFuzzer target for the visit file reader (pt_visit_load_from_data) */
#include "config.h"

#include <stdint.h>

#include "pt-visit-io.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PtVisit) visit = NULL;

  visit = pt_visit_load_from_data ((const char *) data, (gssize) size, &error);

  /* Exactly one of a visit and an error, and an error always says something. */
  g_assert ((visit == NULL) != (error == NULL));
  if (error != NULL)
    g_assert (error->message != NULL && *error->message != '\0' &&
              g_utf8_validate (error->message, -1, NULL));
  else
    {
      /* What was read can be written out and read back. */
      g_autofree char *again = NULL;
      g_autoptr(PtVisit) copy = NULL;
      gsize length;

      again = pt_visit_to_data (visit, &length);
      copy = pt_visit_load_from_data (again, (gssize) length, &error);
      g_assert_no_error (error);
      g_assert (pt_visit_get_n_blocks (copy) == pt_visit_get_n_blocks (visit));
    }

  return 0;
}
