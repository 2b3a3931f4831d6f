/* pt-json-read.c: checked, path-naming reads of JSON members */
#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pt-format-error.h"
#include "pt-json-fast.h"
#include "pt-json-read.h"

/* Longest text a documentation field may hold: far more than a note needs,
 * small enough that a hostile file cannot make the program hold gigabytes. */
#define PT_JSON_MAX_STRING (64 * 1024)

char *
pt_json_path (const char *path,
              const char *member)
{
  if (path == NULL || *path == '\0')
    return g_strdup (member);

  return g_strconcat (path, ".", member, NULL);
}

/* @str cut to at most @max characters, for quoting in a message: cut by
 * characters, not bytes, so the message stays valid UTF-8. @str must be
 * valid UTF-8 (everything read from JSON is). */
char *
pt_json_excerpt (const char *str,
                 glong       max)
{
  g_autofree char *head = NULL;

  if (str == NULL)
    return g_strdup ("");

  if (g_utf8_strlen (str, -1) <= max)
    return g_strdup (str);

  head = g_utf8_substring (str, 0, max - 1);
  return g_strconcat (head, "…", NULL);
}

static const char *
node_type_name (JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      return _("an object");
    case JSON_NODE_ARRAY:
      return _("a list");
    case JSON_NODE_NULL:
      return _("null");
    case JSON_NODE_VALUE:
    default:
      break;
    }

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return _("text");
    case G_TYPE_BOOLEAN:
      return _("true or false");
    case G_TYPE_DOUBLE:
      return _("a decimal number");
    case G_TYPE_INT64:
      return _("a whole number");
    default:
      return _("a value");
    }
}

gboolean
pt_json_read_string (JsonObject  *object,
                     const char  *path,
                     const char  *member,
                     gboolean     required,
                     const char  *fallback,
                     char       **value,
                     GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);
  const char *str;

  if (node == NULL)
    {
      if (required)
        {
          g_autofree char *full = pt_json_path (path, member);

          g_set_error (error, PT_FORMAT_ERROR, PT_FORMAT_ERROR_MISSING,
                       _("%s: missing; it is required"), full);
          return FALSE;
        }
      *value = g_strdup (fallback);
      return TRUE;
    }

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      g_autofree char *full = pt_json_path (path, member);

      g_set_error (error, PT_FORMAT_ERROR, PT_FORMAT_ERROR_TYPE,
                   _("%s: expected text, found %s"), full, node_type_name (node));
      return FALSE;
    }

  str = json_node_get_string (node);
  if (strlen (str) > PT_JSON_MAX_STRING)
    {
      g_autofree char *full = pt_json_path (path, member);

      g_set_error (error, PT_FORMAT_ERROR, PT_FORMAT_ERROR_VALUE,
                   _("%s: text longer than %d KiB; shorten it"), full, PT_JSON_MAX_STRING / 1024);
      return FALSE;
    }

  *value = g_strdup (str);
  return TRUE;
}

gboolean
pt_json_read_choice (JsonObject         *object,
                     const char         *path,
                     const char         *member,
                     const char * const *choices,
                     gint                fallback,
                     gint               *value,
                     GError            **error)
{
  g_autofree char *str = NULL;
  g_autofree char *list = NULL;
  g_autofree char *full = NULL;
  g_autofree char *excerpt = NULL;

  if (!pt_json_read_string (object, path, member, FALSE, NULL, &str, error))
    return FALSE;

  if (str == NULL)
    {
      *value = fallback;
      return TRUE;
    }

  for (gint i = 0; choices[i] != NULL; i++)
    if (strcmp (str, choices[i]) == 0)
      {
        *value = i;
        return TRUE;
      }

  full = pt_json_path (path, member);
  list = g_strjoinv ("”, “", (char **) choices);
  excerpt = pt_json_excerpt (str, 40);
  g_set_error (error, PT_FORMAT_ERROR, PT_FORMAT_ERROR_VALUE,
               _("%s: expected one of “%s”, found “%s”"), full, list, excerpt);
  return FALSE;
}

gboolean
pt_json_read_int (JsonObject  *object,
                  const char  *path,
                  const char  *member,
                  gboolean     required,
                  gint64       min,
                  gint64       max,
                  gint64       fallback,
                  gint64      *value,
                  GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);
  g_autofree char *full = NULL;

  if (node == NULL && !required)
    {
      *value = fallback;
      return TRUE;
    }

  full = pt_json_path (path, member);

  if (node == NULL)
    {
      g_set_error (error, PT_FORMAT_ERROR, PT_FORMAT_ERROR_MISSING,
                   _("%s: missing; it is required"), full);
      return FALSE;
    }

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64 ||
      json_node_get_int (node) < min || json_node_get_int (node) > max)
    {
      g_set_error (error, PT_FORMAT_ERROR,
                   JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64
                   ? PT_FORMAT_ERROR_VALUE : PT_FORMAT_ERROR_TYPE,
                   _("%s: expected a whole number from %" PRId64 " to %" PRId64),
                   full, min, max);
      return FALSE;
    }

  *value = json_node_get_int (node);
  return TRUE;
}

gboolean
pt_json_read_bool (JsonObject  *object,
                   const char  *path,
                   const char  *member,
                   gboolean     fallback,
                   gboolean    *value,
                   gboolean    *present,
                   GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (present != NULL)
    *present = node != NULL;

  if (node == NULL)
    {
      *value = fallback;
      return TRUE;
    }

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    {
      g_autofree char *full = pt_json_path (path, member);

      g_set_error (error, PT_FORMAT_ERROR, PT_FORMAT_ERROR_TYPE,
                   _("%s: expected true or false, found %s"), full, node_type_name (node));
      return FALSE;
    }

  *value = json_node_get_boolean (node);
  return TRUE;
}

JsonArray *
pt_json_read_array (JsonObject  *object,
                    const char  *path,
                    const char  *member,
                    gboolean     required,
                    GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);
  g_autofree char *full = pt_json_path (path, member);

  if (node == NULL)
    {
      if (required)
        g_set_error (error, PT_FORMAT_ERROR, PT_FORMAT_ERROR_MISSING,
                     _("%s: missing; it is required"), full);
      return NULL;
    }

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error (error, PT_FORMAT_ERROR, PT_FORMAT_ERROR_TYPE,
                   _("%s: expected a list, found %s"), full, node_type_name (node));
      return NULL;
    }

  return json_node_get_array (node);
}

gboolean
pt_json_read_strv (JsonObject   *object,
                   const char   *path,
                   const char   *member,
                   char       ***value,
                   GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  JsonArray *array = pt_json_read_array (object, path, member, FALSE, &local_error);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  builder = g_strv_builder_new ();
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        {
          g_autofree char *full = pt_json_path (path, member);

          g_set_error (error, PT_FORMAT_ERROR, PT_FORMAT_ERROR_TYPE,
                       _("%s[%u]: expected text, found %s"), full, i, node_type_name (node));
          return FALSE;
        }
      g_strv_builder_add (builder, json_node_get_string (node));
    }

  *value = g_strv_builder_end (builder);
  return TRUE;
}

JsonObject *
pt_json_node_object (JsonNode    *node,
                     const char  *path,
                     GError     **error)
{
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, PT_FORMAT_ERROR, PT_FORMAT_ERROR_TYPE,
                   _("%s: expected an object, found %s"),
                   path && *path ? path : _("the file"),
                   node ? node_type_name (node) : _("nothing"));
      return NULL;
    }

  return json_node_get_object (node);
}

/* The deepest nesting a real file of ours has is four levels; refuse far
 * deeper input before the parser recurses into it. */
#define PT_JSON_MAX_DEPTH 64
G_STATIC_ASSERT (PT_JSON_FAST_MAX_DEPTH == PT_JSON_MAX_DEPTH);
/* Every whole number of this many digits fits in 64 bits. */
#define PT_JSON_MAX_DIGITS 18
G_STATIC_ASSERT (PT_JSON_FAST_MAX_DIGITS == PT_JSON_MAX_DIGITS);

static gboolean
is_number_char (char ch)
{
  return g_ascii_isalnum (ch) || ch == '.' || ch == '+' || ch == '-';
}

/* The value of four hexadecimal digits. */
static gunichar
hex4 (const char *digits)
{
  gunichar value = 0;

  for (guint k = 0; k < 4; k++)
    value = value * 16 + (gunichar) g_ascii_xdigit_value (digits[k]);

  return value;
}

/* The escape at data[*i] (a backslash in a string) must be one of JSON's:
 * json-glib also takes octal ones such as \311, which make bytes that are
 * not UTF-8, and \u0000, which cuts the text short. Moves *i to its last
 * byte. */
static gboolean
check_escape (const char  *data,
              gsize        len,
              gsize       *i,
              const char  *what,
              GError     **error)
{
  gsize at = *i + 1;

  if (at < len && strchr ("\"\\/bfnrt", data[at]) != NULL && data[at] != '\0')
    {
      *i = at;
      return TRUE;
    }

  if (at + 4 < len && data[at] == 'u' &&
      g_ascii_isxdigit (data[at + 1]) && g_ascii_isxdigit (data[at + 2]) &&
      g_ascii_isxdigit (data[at + 3]) && g_ascii_isxdigit (data[at + 4]))
    {
      gunichar unit = hex4 (data + at + 1);

      if (unit == 0)
        {
          g_set_error (error, PT_FORMAT_ERROR, PT_FORMAT_ERROR_PARSE,
                       _("%s has \\u0000 in text; text cannot hold a NUL character"), what);
          return FALSE;
        }

      /* Half of a UTF-16 pair must come with its other half: json-glib
       * turns a lone one into bytes that are not UTF-8. */
      if (unit >= 0xd800 && unit <= 0xdfff)
        {
          gsize low = at + 5;

          if (unit >= 0xdc00 || low + 5 >= len || data[low] != '\\' || data[low + 1] != 'u' ||
              !g_ascii_isxdigit (data[low + 2]) || !g_ascii_isxdigit (data[low + 3]) ||
              !g_ascii_isxdigit (data[low + 4]) || !g_ascii_isxdigit (data[low + 5]) ||
              hex4 (data + low + 2) < 0xdc00 || hex4 (data + low + 2) > 0xdfff)
            {
              g_set_error (error, PT_FORMAT_ERROR, PT_FORMAT_ERROR_PARSE,
                           _("%s has \\u%.4s in text, half of a UTF-16 pair without its other half"),
                           what, data + at + 1);
              return FALSE;
            }
          *i = low + 5;
          return TRUE;
        }

      *i = at + 4;
      return TRUE;
    }

  g_set_error (error, PT_FORMAT_ERROR, PT_FORMAT_ERROR_PARSE,
               _("%s has a backslash in text that starts no JSON escape; write a backslash as \\\\"),
               what);
  return FALSE;
}

/* What the JSON parser does not check itself: no NUL byte, valid UTF-8, no
 * nesting deeper than any of our files has (the parser recurses and a deep
 * enough input overflows the stack), no hexadecimal numbers (json-glib takes
 * 0x10 as 16; JSON has none), only JSON's escapes, no single quotes, and
 * nothing after the first list or object.
 *
 * json-glib also wraps a whole number too long for 64 bits round without a
 * word (-18446744073709551615 reads as 1). Such a number is given a
 * fraction in @fixed, a copy of the text made only then, so that it reads
 * as a decimal and a reader expecting a whole number refuses it by the
 * member's path. */
static gboolean
check_text (const char  *data,
            gsize        len,
            const char  *what,
            GString    **fixed,
            GError     **error)
{
  gint depth = 0;
  gboolean in_string = FALSE, ended = FALSE;
  gsize copied = 0, first = 0;

  if (memchr (data, '\0', len) != NULL)
    {
      g_set_error (error, PT_FORMAT_ERROR, PT_FORMAT_ERROR_PARSE,
                   _("%s is not a text file: it contains a NUL byte"), what);
      return FALSE;
    }

  if (!g_utf8_validate (data, len, NULL))
    {
      g_set_error (error, PT_FORMAT_ERROR, PT_FORMAT_ERROR_PARSE,
                   _("%s is not valid UTF-8 text"), what);
      return FALSE;
    }

  /* Every file and line we read holds an object or a list; json-glib leaks
   * what follows a bare number. */
  while (first < len && g_ascii_isspace (data[first]))
    first++;
  if (first < len && data[first] != '{' && data[first] != '[')
    {
      g_set_error (error, PT_FORMAT_ERROR, PT_FORMAT_ERROR_PARSE,
                   _("%s is not valid JSON here: it must start with an object or a list"), what);
      return FALSE;
    }

  for (gsize i = 0; i < len; i++)
    {
      char ch = data[i];

      if (in_string)
        {
          if (ch == '\\' && !check_escape (data, len, &i, what, error))
            return FALSE;
          else if (ch == '"')
            in_string = FALSE;
        }
      else if (ended && !g_ascii_isspace (ch))
        {
          /* json-glib ignores a second value, and leaks it */
          g_set_error (error, PT_FORMAT_ERROR, PT_FORMAT_ERROR_PARSE,
                       _("%s has more text after its JSON value"), what);
          return FALSE;
        }
      else if (ch == '"')
        in_string = TRUE;
      else if (ch == '\'')
        {
          /* json-glib takes them, without looking at what is inside */
          g_set_error (error, PT_FORMAT_ERROR, PT_FORMAT_ERROR_PARSE,
                       _("%s puts text in single quotes; JSON text goes in double quotes"), what);
          return FALSE;
        }
      else if (ch == '[' || ch == '{')
        {
          if (++depth > PT_JSON_MAX_DEPTH)
            {
              g_set_error (error, PT_FORMAT_ERROR, PT_FORMAT_ERROR_PARSE,
                           _("%s nests lists or objects more than %d levels deep"),
                           what, PT_JSON_MAX_DEPTH);
              return FALSE;
            }
        }
      else if (ch == ']' || ch == '}')
        {
          if (--depth == 0)
            ended = TRUE;
        }
      else if ((g_ascii_isdigit (ch) || ch == '-') && (i == 0 || !is_number_char (data[i - 1])))
        {
          gsize end = i;
          guint digits = 0;
          gboolean whole = TRUE, hex = FALSE;

          while (end < len && is_number_char (data[end]))
            {
              char c = data[end++];

              if (g_ascii_isdigit (c))
                digits++;
              else if (c == '.' || c == 'e' || c == 'E')
                whole = FALSE;
              else if (c == 'x' || c == 'X')
                hex = TRUE;
            }

          if (hex)
            {
              g_set_error (error, PT_FORMAT_ERROR, PT_FORMAT_ERROR_PARSE,
                           _("%s has “%.*s”, which is not a JSON number (write numbers in decimal)"),
                           what, (int) MIN (end - i, 24), data + i);
              return FALSE;
            }

          if (whole && digits > PT_JSON_MAX_DIGITS)
            {
              if (*fixed == NULL)
                *fixed = g_string_sized_new (len + 16);
              g_string_append_len (*fixed, data + copied, end - copied);
              g_string_append (*fixed, ".0");
              copied = end;
            }

          i = end - 1;
        }
    }

  if (*fixed != NULL)
    g_string_append_len (*fixed, data + copied, len - copied);

  return TRUE;
}

/* Loads @data into @parser after the checks above; @what names the input in
 * the message ("The visit file", "line 4"). */
gboolean
pt_json_load (JsonParser  *parser,
              const char  *data,
              gsize        length,
              const char  *what,
              GError     **error)
{
  g_autoptr(GString) fixed = NULL;
  g_autoptr(GError) local_error = NULL;

  if (!check_text (data, length, what, &fixed, error))
    return FALSE;

  if (fixed != NULL)
    {
      data = fixed->str;
      length = fixed->len;
    }

  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      /* json-glib quotes the offending text cut by bytes, so its message
       * can end mid-character: make it valid UTF-8 before showing it. */
      g_autofree char *reason = g_utf8_make_valid (local_error->message, -1);

      g_set_error (error, PT_FORMAT_ERROR, PT_FORMAT_ERROR_PARSE,
                   _("%s is not valid JSON: %s"), what, reason);
      return FALSE;
    }

  return TRUE;
}

/* Parse @data as JSON; @what names the input in the message ("The visit file").
 * Strict JSON, which is what the program writes, takes the fast parser;
 * anything else goes through json-glib and the checks above, for their
 * messages. */
JsonNode *
pt_json_parse (const char  *data,
               gssize       length,
               const char  *what,
               GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  gsize len = length < 0 ? strlen (data) : (gsize) length;
  JsonNode *root = pt_json_fast_parse (data, len, NULL);

  if (root != NULL)
    return root;

  parser = json_parser_new_immutable ();
  if (!pt_json_load (parser, data, len, what, error))
    return NULL;

  if (json_parser_get_root (parser) == NULL)
    {
      g_set_error (error, PT_FORMAT_ERROR, PT_FORMAT_ERROR_PARSE,
                   _("%s is empty"), what);
      return NULL;
    }

  return json_parser_steal_root (parser);
}

/* YYYY-MM-DD and a real day: digits exactly where they belong (sscanf
 * would also take signs, spaces and one-digit months). */
gboolean
pt_date_is_valid (const char *date)
{
  guint y, m, d;

  if (date == NULL || strlen (date) != 10 || date[4] != '-' || date[7] != '-')
    return FALSE;

  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (date[i]))
      return FALSE;

  y = (guint) g_ascii_digit_value (date[0]) * 1000 + g_ascii_digit_value (date[1]) * 100 +
      g_ascii_digit_value (date[2]) * 10 + g_ascii_digit_value (date[3]);
  m = (guint) g_ascii_digit_value (date[5]) * 10 + g_ascii_digit_value (date[6]);
  d = (guint) g_ascii_digit_value (date[8]) * 10 + g_ascii_digit_value (date[9]);

  return g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y);
}
