/* pt-print.h: the one-page audit worksheet through GtkPrintOperation */
#pragma once

#include <gtk/gtk.h>

#include "pt-workspace.h"

G_BEGIN_DECLS

gboolean pt_print_worksheet (GtkWindow    *parent,
                             PtWorkspace  *workspace,
                             GError      **error);
gboolean pt_print_worksheet_to_pdf (PtWorkspace  *workspace,
                                    const char   *path,
                                    GError      **error);

G_END_DECLS
