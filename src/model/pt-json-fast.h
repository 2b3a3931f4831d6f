/* pt-json-fast.h: a fast, strict JSON parser that builds the same json-glib tree
 *
 * pt_json_fast_parse() reads RFC 8259 JSON whose top level is an object or a
 * list and gives the tree json-glib's immutable parser would give for it,
 * after the checks pt_json_parse() makes (no NUL byte, valid UTF-8, no lone
 * UTF-16 half, nesting at most PT_JSON_FAST_MAX_DEPTH deep, a whole number
 * longer than PT_JSON_FAST_MAX_DIGITS digits read as a decimal). It refuses
 * anything else, including what json-glib would take but JSON does not
 * (single quotes, comments, leading zeros, trailing text): the caller then
 * parses the text with json-glib, which gives the message.
 *
 * pt_json_fast_parse_list() reads a large file one element of its main list
 * at a time, each as a "lite" index of its text (PtJsonLite), so that no
 * json-glib tree of the whole file is ever built: see there.
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* The deepest nesting of lists and objects taken; pt_json_parse() refuses deeper. */
#define PT_JSON_FAST_MAX_DEPTH 64
/* Whole numbers of up to this many digits are read as 64-bit integers,
 * longer ones as decimals, as pt_json_parse() reads them. */
#define PT_JSON_FAST_MAX_DIGITS 18

JsonNode *pt_json_fast_parse (const char  *data,
                              gsize        length,
                              GError     **error);

/* A value checked but not built: a flat index of it and of everything it
 * holds, in text order. */
typedef enum {
  PT_JSON_LITE_OBJECT,
  PT_JSON_LITE_ARRAY,
  PT_JSON_LITE_STRING,
  PT_JSON_LITE_INT,
  PT_JSON_LITE_DOUBLE,
  PT_JSON_LITE_BOOLEAN,
  PT_JSON_LITE_NULL,
} PtJsonLiteType;

typedef struct {
  PtJsonLiteType type;
  guint          next;    /* index of the value after this one and all it holds */
  gboolean       escaped; /* a string with backslash escapes */
  gsize          start;   /* where its text starts in the data; a string's inside the quotes */
  gsize          length;  /* the text's length in bytes (a string's escapes undecoded) */
  gint64         number;  /* a whole number, or a boolean as 0 or 1 */
} PtJsonLiteValue;

/* An object's members are its name (a string) then its value, in turn; a
 * list's elements follow it. Walk them with values[i].next. */
typedef struct {
  const char            *data;
  const PtJsonLiteValue *values; /* values[0] is the value itself */
  guint                  n_values;
} PtJsonLite;

gint      pt_json_lite_member       (const PtJsonLite   *lite,
                                     guint               object,
                                     const char         *name);
void      pt_json_lite_members      (const PtJsonLite   *lite,
                                     guint               object,
                                     const char * const *names,
                                     gint               *values);
gboolean  pt_json_lite_string_equal (const PtJsonLite   *lite,
                                     guint               value,
                                     const char         *str);
char     *pt_json_lite_dup_string   (const PtJsonLite   *lite,
                                     guint               value);

/* Called for each element of the main list, in order, with the element
 * read lite (valid during the call only). Return FALSE to stop: the rest of
 * the text is then only checked. */
typedef gboolean (*PtJsonFastElementFunc) (guint             index,
                                           const PtJsonLite *element,
                                           gpointer          user_data);

JsonNode *pt_json_fast_parse_list (const char             *data,
                                   gsize                   length,
                                   const char             *list_member,
                                   PtJsonFastElementFunc   func,
                                   gpointer                user_data,
                                   GError                **error);

G_END_DECLS
