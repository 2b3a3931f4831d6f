/* fuzz-lexicon.c: libFuzzer target for the documentation checks' word list reader */
#include "config.h"

#include <stdint.h>

#include "pt-doc-lexicon.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PtLexicon) lexicon = NULL;

  lexicon = pt_doc_lexicon_load_from_data ((const char *) data, (gssize) size, &error);

  g_assert ((lexicon == NULL) != (error == NULL));
  if (error != NULL)
    g_assert (*error->message != '\0' && g_utf8_validate (error->message, -1, NULL));

  return 0;
}
