/* pt-json-read.h: checked reads of JSON members that name the member's path in every error
 *
 * Each reader takes the object, the member name and the object's path
 * ("blocks[2]"), and fails with a PT_FORMAT_ERROR whose message starts with the
 * member's full path ("blocks[2].minutes: expected a whole number from 0 to
 * 1440"). An absent member gives the default unless it is required.
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

gboolean  pt_json_read_string  (JsonObject          *object,
                                const char          *path,
                                const char          *member,
                                gboolean             required,
                                const char          *fallback,
                                char               **value,
                                GError             **error);
gboolean  pt_json_read_choice  (JsonObject          *object,
                                const char          *path,
                                const char          *member,
                                const char * const  *choices,
                                gint                 fallback,
                                gint                *value,
                                GError             **error);
gboolean  pt_json_read_int     (JsonObject          *object,
                                const char          *path,
                                const char          *member,
                                gboolean             required,
                                gint64               min,
                                gint64               max,
                                gint64               fallback,
                                gint64              *value,
                                GError             **error);
gboolean  pt_json_read_bool    (JsonObject          *object,
                                const char          *path,
                                const char          *member,
                                gboolean             fallback,
                                gboolean            *value,
                                gboolean            *present,
                                GError             **error);
gboolean  pt_json_read_strv    (JsonObject          *object,
                                const char          *path,
                                const char          *member,
                                char              ***value,
                                GError             **error);
JsonArray *pt_json_read_array  (JsonObject          *object,
                                const char          *path,
                                const char          *member,
                                gboolean             required,
                                GError             **error);
JsonObject *pt_json_node_object (JsonNode           *node,
                                 const char         *path,
                                 GError            **error);
char      *pt_json_excerpt     (const char          *str,
                                glong                max);
char      *pt_json_path        (const char          *path,
                                const char          *member);
gboolean   pt_json_load        (JsonParser          *parser,
                                const char          *data,
                                gsize                length,
                                const char          *what,
                                GError             **error);
JsonNode  *pt_json_parse       (const char          *data,
                                gssize               length,
                                const char          *what,
                                GError             **error);

gboolean   pt_date_is_valid     (const char          *date);

G_END_DECLS
