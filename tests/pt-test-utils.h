/* pt-test-utils.h: helpers shared by the test programs */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

char     *pt_test_data_path (const char  *name);
JsonNode *pt_test_load_json (const char  *name);
char     *pt_test_run_cli   (const char * const *argv,
                             const char  *stdin_text,
                             char       **stderr_text,
                             int         *exit_status);
char     *pt_test_isolate_user_dirs (void);
void      pt_test_remove_tree       (const char  *path);

G_END_DECLS
