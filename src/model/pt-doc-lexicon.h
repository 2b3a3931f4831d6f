/* pt-doc-lexicon.h: the documentation checks' word lists, read from data/checks/wordlists.json */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "pt-doc-checks.h"

G_BEGIN_DECLS

#define PT_DOC_LEXICON_FORMAT 1
#define PT_DOC_LEXICON_RESOURCE "/org/example/Pt97112/data/checks/wordlists.json"
/* Far more than any word list needs; a larger one is refused. */
#define PT_DOC_LEXICON_MAX_PHRASES 5000

PtLexicon       *pt_doc_lexicon_from_json      (JsonObject   *object,
                                                GError      **error);
PtLexicon       *pt_doc_lexicon_load_from_data (const char   *data,
                                                gssize        length,
                                                GError      **error);
PtLexicon       *pt_doc_lexicon_load_resource  (const char   *path,
                                                GError      **error);
const PtLexicon *pt_doc_lexicon_get_default    (GError      **error);

G_END_DECLS
