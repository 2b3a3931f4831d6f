/* pt-cli.h: the subcommands of pt97112-cli */
#pragma once

#include <glib.h>

#include "pt-allocation.h"

G_BEGIN_DECLS

/* Exit statuses of visit-format.md. */
enum {
  PT_CLI_OK = 0,
  PT_CLI_FAILED = 1,     /* a check or conformance failure */
  PT_CLI_BAD_INPUT = 2,  /* bad usage or unreadable input */
};

typedef struct {
  const char *name;
  const char *summary;
  int       (*run) (int argc, char **argv);
} PtCliCommand;

int  pt_cli_allocate        (int                  argc,
                             char               **argv);
int  pt_cli_audit           (int                  argc,
                             char               **argv);
int  pt_cli_check           (int                  argc,
                             char               **argv);
int  pt_cli_codes           (int                  argc,
                             char               **argv);
int  pt_cli_conformance     (int                  argc,
                             char               **argv);
int  pt_cli_scenarios       (int                  argc,
                             char               **argv);

void pt_cli_print_result    (GString             *out,
                             const PtAllocResult *result);
int  pt_cli_usage_error     (GOptionContext      *context,
                             const char          *format,
                             ...) G_GNUC_PRINTF (2, 3);
GOptionContext *pt_cli_context_new (const char   *parameter,
                                    const char   *summary,
                                    const char   *description);
gboolean pt_cli_write       (GString             *out);
guint    pt_cli_text_width  (guint                min,
                             const char          *first,
                             ...) G_GNUC_NULL_TERMINATED;
void     pt_cli_append_cell (GString             *out,
                             const char          *text,
                             guint                width,
                             gboolean             align_right);

G_END_DECLS
