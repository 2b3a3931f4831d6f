/* fuzz-library.c: libFuzzer target for the scenario library reader */
#include "config.h"

#include <stdint.h>

#include "pt-scenario-library.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PtScenarioLibrary) library = NULL;

  library = pt_scenario_library_new_from_data ((const char *) data, (gssize) size, &error);

  g_assert ((library == NULL) != (error == NULL));
  if (error != NULL)
    g_assert (*error->message != '\0' && g_utf8_validate (error->message, -1, NULL));
  else
    {
      /* A library that was read can be written out and read back whole. */
      g_autofree char *again = NULL;
      g_autoptr(PtScenarioLibrary) copy = NULL;
      gsize length;

      again = pt_scenario_library_to_data (library, &length);
      copy = pt_scenario_library_new_from_data (again, (gssize) length, &error);
      g_assert_no_error (error);
      g_assert (g_list_model_get_n_items (G_LIST_MODEL (copy)) ==
                g_list_model_get_n_items (G_LIST_MODEL (library)));
    }

  return 0;
}
