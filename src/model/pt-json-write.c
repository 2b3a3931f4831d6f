/* pt-json-write.c: members written through a JsonBuilder, as the loaders read them back
 *
 * The visit and scenario writers share these so that both write an absent
 * text as "" and an absent list as [], which is what their loaders accept.
 */
#include "config.h"

#include "pt-json-write.h"

/* "member": "value", with "" for NULL. */
void
pt_json_add_string (JsonBuilder *builder,
                    const char  *member,
                    const char  *value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, value != NULL ? value : "");
}

/* "member": ["a", "b"], with [] for NULL. */
void
pt_json_add_strv (JsonBuilder        *builder,
                  const char         *member,
                  const char * const *values)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    json_builder_add_string_value (builder, values[i]);
  json_builder_end_array (builder);
}
