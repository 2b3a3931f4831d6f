/* fuzz-catalog.c: libFuzzer target for the code catalogue reader */
#include "config.h"

#include <stdint.h>

#include "pt-code-catalog.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PtCodeCatalog) catalog = NULL;

  catalog = pt_code_catalog_new_from_data ((const char *) data, (gssize) size, &error);

  g_assert ((catalog == NULL) != (error == NULL));
  if (error != NULL)
    g_assert (*error->message != '\0' && g_utf8_validate (error->message, -1, NULL));
  else
    {
      /* Every code listed can be found again, and a search never fails. */
      g_autoptr(GListModel) found = NULL;

      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (catalog)); i++)
        {
          g_autoptr(PtCode) code = g_list_model_get_item (G_LIST_MODEL (catalog), i);

          g_assert (pt_code_catalog_lookup (catalog, pt_code_get_code (code)) == code);
        }
      found = pt_code_catalog_search (catalog, "balance");
      g_assert (found != NULL);
    }

  return 0;
}
