/* pt-code-completion.h: the code catalogue as completions for a code entry */
#pragma once

#include <gtk/gtk.h>

#include "pt-code-catalog.h"

G_BEGIN_DECLS

/* The columns of the model: all strings. */
typedef enum {
  PT_CODE_COMPLETION_COLUMN_CODE,    /* "97112": what the entry receives */
  PT_CODE_COMPLETION_COLUMN_TITLE,   /* the catalogue’s short title, shown beside the code */
  PT_CODE_COMPLETION_COLUMN_DISPLAY, /* "97112 — title", for a one-line list */
  PT_CODE_COMPLETION_N_COLUMNS,
} PtCodeCompletionColumn;

GtkTreeModel *pt_code_completion_model_new (PtCodeCatalog      *catalog);
void          pt_code_completion_setup     (GtkEntryCompletion *completion);
gboolean      pt_code_completion_matches   (GtkTreeModel       *model,
                                            GtkTreeIter        *iter,
                                            const char         *key);

G_END_DECLS
