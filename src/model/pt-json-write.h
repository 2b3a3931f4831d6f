/* pt-json-write.h: members written through a JsonBuilder, as the loaders read them back */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

void pt_json_add_string (JsonBuilder        *builder,
                         const char         *member,
                         const char         *value);
void pt_json_add_strv   (JsonBuilder        *builder,
                         const char         *member,
                         const char * const *values);

G_END_DECLS
