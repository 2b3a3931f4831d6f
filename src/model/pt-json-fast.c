/* pt-json-fast.c: a strict, one-pass JSON parser that builds json-glib trees
 *
 * json-glib's parser reads a character at a time through a GScanner; this one
 * walks the bytes once, copies each string once into a scratch stack before
 * json-glib copies it into its node, and gathers a list's elements before
 * making the list at its final size. The tree is what json-glib's immutable
 * parser gives: members in file order (a repeated name keeps its first place
 * and its last value), parents set, every node sealed.
 *
 * A value can also be read "lite": checked the same way, but recorded as a
 * flat array of PtJsonLiteValue that points into the text instead of as
 * nodes. pt_json_fast_parse_list() hands the elements of a file's main list
 * over that way, one at a time, so that reading a large file never builds
 * its whole tree (a json-glib tree takes some five times the size of its
 * text, and building and freeing it costs more than reading the text).
 *
 * Anything it does not take returns NULL at once, and pt_json_parse() then
 * hands the text to json-glib, so every message stays json-glib's or the
 * project's own.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "pt-format-error.h"
#include "pt-json-fast.h"

/* A growing array of lite values. */
typedef struct
{
  PtJsonLiteValue *values;
  guint            len;
  guint            size;
} LiteValues;

typedef struct
{
  const guchar         *start;
  const guchar         *p;
  const guchar         *end;
  guint                 depth;

  /* Decoded member names and strings, each NUL-terminated, as a stack: a
   * name stays on it while its value is read. */
  char                 *text;
  gsize                 text_len;
  gsize                 text_size;

  /* Elements read for the lists being read, innermost last. */
  GPtrArray            *items;

  /* pt_json_fast_parse_list() */
  const char           *list_member;
  PtJsonFastElementFunc func;
  gpointer              user_data;
  gboolean              list_seen;
  gboolean              stopped;
  LiteValues            lite;       /* the element being read */
} Reader;

typedef struct
{
  gboolean whole;
  gint64   whole_value;
  double   value;
} Number;

/* The bytes that end a run of plain string text: the closing quote, a
 * backslash, and the control characters JSON wants escaped. */
static const guint8 string_stop[256] = {
  [0x00 ... 0x1f] = 1,
  ['"'] = 1,
  ['\\'] = 1,
};

static JsonNode *read_value (Reader   *r,
                             JsonNode *parent);
static gboolean  lite_value (Reader     *r,
                             LiteValues *out);

/* The index (0 to 7) of the first byte of @mask, read as a little-endian
 * word, that is not 0; @mask is not 0. */
static inline guint
first_marked_byte (guint64 mask)
{
#if defined(__GNUC__) || defined(__clang__)
  return (guint) __builtin_ctzll (mask) / 8;
#else
  guint i = 0;

  while ((mask & 0xff) == 0)
    {
      mask >>= 8;
      i++;
    }
  return i;
#endif
}

static inline guint64
load_word (const guchar *p)
{
  guint64 w;

  memcpy (&w, p, sizeof w);
  return GUINT64_FROM_LE (w);
}

/* Our files are indented with runs of spaces: those go eight at a time. */
static inline void
skip_space (Reader *r)
{
  const guint64 spaces = G_GUINT64_CONSTANT (0x2020202020202020);
  const guchar *p = r->p;

  while (p < r->end)
    {
      if (*p == ' ' && r->end - p >= 8)
        {
          guint64 other = load_word (p) ^ spaces;

          if (other == 0)
            {
              p += 8;
              continue;
            }
          /* its first non-zero byte is the first that is not a space */
          p += first_marked_byte (other);
          continue;
        }
      if (*p != ' ' && *p != '\n' && *p != '\r' && *p != '\t')
        break;
      p++;
    }

  r->p = p;
}

static inline gboolean
at (Reader *r,
    guchar  ch)
{
  return r->p < r->end && *r->p == ch;
}

/* After a value in a list or an object: a comma (TRUE, with *@more set) or
 * the closing @close (TRUE); anything else is an error (FALSE). */
static inline gboolean
next_item (Reader   *r,
           guchar    close,
           gboolean *more)
{
  skip_space (r);
  *more = at (r, ',');
  if (*more)
    {
      r->p++;
      skip_space (r);
      return TRUE;
    }
  if (!at (r, close))
    return FALSE;

  r->p++;
  return TRUE;
}

static void
text_reserve (Reader *r,
              gsize   more)
{
  if (r->text_len + more <= r->text_size)
    return;

  while (r->text_size < r->text_len + more)
    r->text_size *= 2;
  r->text = g_realloc (r->text, r->text_size);
}

static gboolean
read_hex4 (const guchar *p,
           gunichar     *value)
{
  *value = 0;
  for (guint k = 0; k < 4; k++)
    {
      gint digit = g_ascii_xdigit_value ((char) p[k]);

      if (digit < 0)
        return FALSE;
      *value = *value * 16 + (gunichar) digit;
    }

  return TRUE;
}

/* Decodes the escapes of the string text [s, end) into @out; returns the end
 * of what it wrote, or NULL for an escape JSON does not have, \u0000 (text
 * cannot hold it) or half a UTF-16 pair. The output is never longer than the
 * input. */
static char *
decode_escapes (const guchar *s,
                const guchar *end,
                char         *out)
{
  while (s < end)
    {
      gunichar ch, low;

      if (*s != '\\')
        {
          *out++ = (char) *s++;
          continue;
        }

      /* the scan that found @end keeps a byte after every backslash */
      s++;
      switch (*s++)
        {
        case '"': *out++ = '"'; break;
        case '\\': *out++ = '\\'; break;
        case '/': *out++ = '/'; break;
        case 'b': *out++ = '\b'; break;
        case 'f': *out++ = '\f'; break;
        case 'n': *out++ = '\n'; break;
        case 'r': *out++ = '\r'; break;
        case 't': *out++ = '\t'; break;
        case 'u':
          if (end - s < 4 || !read_hex4 (s, &ch) || ch == 0 || (ch >= 0xdc00 && ch <= 0xdfff))
            return NULL;
          s += 4;
          if (ch >= 0xd800 && ch <= 0xdbff)
            {
              if (end - s < 6 || s[0] != '\\' || s[1] != 'u' || !read_hex4 (s + 2, &low) ||
                  low < 0xdc00 || low > 0xdfff)
                return NULL;
              s += 6;
              ch = 0x10000 + ((ch - 0xd800) << 10) + (low - 0xdc00);
            }
          out += g_unichar_to_utf8 (ch, out);
          break;
        default:
          return NULL;
        }
    }

  return out;
}

/* The bytes of the little-endian word @w that end plain ASCII string text
 * (a quote, a backslash, a control character) or are not ASCII, as their top
 * bits. The borrows of the subtractions may mark bytes after a marked one,
 * never before, so the lowest mark is exact. */
static inline guint64
special_bytes (guint64 w)
{
  const guint64 ones = G_GUINT64_CONSTANT (0x0101010101010101);
  const guint64 highs = G_GUINT64_CONSTANT (0x8080808080808080);
  guint64 quote = w ^ (ones * '"');
  guint64 backslash = w ^ (ones * '\\');

  return (((quote - ones) & ~quote) | ((backslash - ones) & ~backslash) |
          ((w - ones * 0x20) & ~w) | w) & highs;
}

/* Finds the closing quote of the string whose text starts at the cursor,
 * refusing raw control characters and text that is not UTF-8. Escapes are
 * only stepped over; decode_escapes() checks them. */
static gboolean
scan_string (Reader        *r,
             const guchar **close,
             gboolean      *escaped)
{
  const guchar *q = r->p;
  guchar high = 0;

  *escaped = FALSE;
  for (;;)
    {
      /* plain ASCII eight bytes at a time, then byte by byte (past any
       * byte that is not ASCII) up to the quote, the backslash or the
       * control character */
      while (r->end - q >= 8)
        {
          guint64 special = special_bytes (load_word (q));

          if (special != 0)
            {
              q += first_marked_byte (special);
              break;
            }
          q += 8;
        }
      while (q < r->end && !string_stop[*q])
        high |= *q++;

      if (q >= r->end || *q < 0x20)
        return FALSE;
      if (*q == '"')
        break;

      /* a backslash: step over the character it escapes */
      if (r->end - q < 2)
        return FALSE;
      *escaped = TRUE;
      q += 2;
    }

  /* The escapes are ASCII, so the raw text is valid UTF-8 exactly when the
   * plain runs are. */
  if ((high & 0x80) != 0 && !g_utf8_validate ((const char *) r->p, q - r->p, NULL))
    return FALSE;

  *close = q;
  return TRUE;
}

/* Reads a string whose opening quote is just behind the cursor and pushes it,
 * decoded and NUL-terminated, onto the text stack: returns its offset there,
 * or -1. */
static gssize
read_string (Reader *r)
{
  const guchar *close;
  gssize offset = (gssize) r->text_len;
  gboolean escaped;
  char *out;

  if (!scan_string (r, &close, &escaped))
    return -1;

  text_reserve (r, (gsize) (close - r->p) + 1);
  out = r->text + offset;
  if (!escaped)
    {
      memcpy (out, r->p, (gsize) (close - r->p));
      out += close - r->p;
    }
  else if (!(out = decode_escapes (r->p, close, out)))
    return -1;

  *out++ = '\0';
  r->text_len = (gsize) (out - r->text);
  r->p = close + 1;

  return offset;
}

static inline const guchar *
skip_digits (const guchar *p,
             const guchar *end)
{
  while (p < end && g_ascii_isdigit (*p))
    p++;

  return p;
}

/* -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)? */
static gboolean
scan_number (Reader *r,
             Number *number)
{
  const guchar *start = r->p, *q = r->p, *digits, *after;
  char small[64];
  g_autofree char *big = NULL;
  char *text;
  gsize len;

  number->whole = TRUE;
  if (q < r->end && *q == '-')
    q++;

  digits = q;
  if (q < r->end && *q == '0')
    q++;
  else if (q < r->end && *q >= '1' && *q <= '9')
    q = skip_digits (q, r->end);
  else
    return FALSE;
  after = q;

  if (q < r->end && *q == '.')
    {
      number->whole = FALSE;
      if (++q >= r->end || !g_ascii_isdigit (*q))
        return FALSE;
      q = skip_digits (q, r->end);
    }

  if (q < r->end && (*q == 'e' || *q == 'E'))
    {
      number->whole = FALSE;
      if (++q < r->end && (*q == '+' || *q == '-'))
        q++;
      if (q >= r->end || !g_ascii_isdigit (*q))
        return FALSE;
      q = skip_digits (q, r->end);
    }

  r->p = q;

  if (number->whole && after - digits <= PT_JSON_FAST_MAX_DIGITS)
    {
      gint64 value = 0;

      for (const guchar *d = digits; d < after; d++)
        value = value * 10 + (*d - '0');
      number->whole_value = *start == '-' ? -value : value;

      return TRUE;
    }

  /* A decimal, or a whole number too long for 64 bits, which
   * pt_json_parse() reads as a decimal too. */
  number->whole = FALSE;
  len = (gsize) (q - start);
  text = len < sizeof small ? small : (big = g_malloc (len + 1));
  memcpy (text, start, len);
  text[len] = '\0';
  number->value = g_ascii_strtod (text, NULL);

  /* json-glib gives "inf" for 1e400; leave such numbers to it */
  return isfinite (number->value);
}

static gboolean
read_word (Reader     *r,
           const char *word,
           gsize       len)
{
  if ((gsize) (r->end - r->p) < len || memcmp (r->p, word, len) != 0)
    return FALSE;

  r->p += len;
  return TRUE;
}

/* Lite values: checked exactly as the node builders check them; recorded in
 * @out unless it is NULL. */

/* Appends a value of @type starting at @start; its length is set when its
 * end is known. */
static guint
lite_push (Reader         *r,
           LiteValues     *out,
           PtJsonLiteType  type,
           const guchar   *start)
{
  guint index = out->len;

  if (index == out->size)
    {
      out->size = MAX (64, out->size * 2);
      out->values = g_renew (PtJsonLiteValue, out->values, out->size);
    }
  out->values[index] = (PtJsonLiteValue) { type, index + 1, FALSE, (gsize) (start - r->start), 0, 0 };
  out->len++;

  return index;
}

static void
lite_end (Reader     *r,
          LiteValues *out,
          guint       index)
{
  out->values[index].length = (gsize) (r->p - r->start) - out->values[index].start;
}

static gboolean
lite_string (Reader     *r,
             LiteValues *out)
{
  const guchar *close;
  gboolean escaped;

  if (!scan_string (r, &close, &escaped))
    return FALSE;

  if (escaped)
    {
      /* decoded above the stack's top, only to check it */
      text_reserve (r, (gsize) (close - r->p) + 1);
      if (!decode_escapes (r->p, close, r->text + r->text_len))
        return FALSE;
    }

  if (out != NULL)
    {
      /* the index first: pushing may move the array */
      guint i = lite_push (r, out, PT_JSON_LITE_STRING, r->p);
      PtJsonLiteValue *value = &out->values[i];

      value->escaped = escaped;
      value->length = (gsize) (close - r->p);
    }

  r->p = close + 1;
  return TRUE;
}

static gboolean
lite_container (Reader     *r,
                LiteValues *out,
                guchar      close)
{
  gboolean object = close == '}', more = TRUE;
  guint self = 0;

  if (++r->depth > PT_JSON_FAST_MAX_DEPTH)
    return FALSE;

  if (out != NULL)
    self = lite_push (r, out, object ? PT_JSON_LITE_OBJECT : PT_JSON_LITE_ARRAY, r->p);
  r->p++;

  skip_space (r);
  if (at (r, close))
    {
      r->p++;
      more = FALSE;
    }

  while (more)
    {
      if (object)
        {
          if (!at (r, '"'))
            return FALSE;
          r->p++;
          if (!lite_string (r, out))
            return FALSE;
          skip_space (r);
          if (!at (r, ':'))
            return FALSE;
          r->p++;
          skip_space (r);
        }

      if (!lite_value (r, out) || !next_item (r, close, &more))
        return FALSE;
    }

  r->depth--;
  if (out != NULL)
    {
      out->values[self].next = out->len;
      lite_end (r, out, self);
    }

  return TRUE;
}

static gboolean
lite_value (Reader     *r,
            LiteValues *out)
{
  const guchar *start = r->p;
  Number number;
  gboolean truth;
  guint i;

  if (r->p >= r->end)
    return FALSE;

  switch (*r->p)
    {
    case '{':
      return lite_container (r, out, '}');
    case '[':
      return lite_container (r, out, ']');
    case '"':
      r->p++;
      return lite_string (r, out);
    case 't':
    case 'f':
      truth = *r->p == 't';
      if (!(truth ? read_word (r, "true", 4) : read_word (r, "false", 5)))
        return FALSE;
      if (out != NULL)
        {
          i = lite_push (r, out, PT_JSON_LITE_BOOLEAN, start);
          out->values[i].number = truth;
          lite_end (r, out, i);
        }
      return TRUE;
    case 'n':
      if (!read_word (r, "null", 4))
        return FALSE;
      if (out != NULL)
        lite_end (r, out, lite_push (r, out, PT_JSON_LITE_NULL, start));
      return TRUE;
    default:
      if (!scan_number (r, &number))
        return FALSE;
      if (out != NULL)
        {
          i = lite_push (r, out, number.whole ? PT_JSON_LITE_INT : PT_JSON_LITE_DOUBLE, start);
          out->values[i].number = number.whole ? number.whole_value : 0;
          lite_end (r, out, i);
        }
      return TRUE;
    }
}

static JsonNode *read_streamed_list (Reader *r);

/* The value of member @name of an object @depth deep, or NULL; the main
 * list of pt_json_fast_parse_list() is read element by element. */
static JsonNode *
read_member_value (Reader     *r,
                   JsonNode   *node,
                   const char *name)
{
  JsonNode *member;

  if (r->list_member == NULL || r->depth != 1 || strcmp (name, r->list_member) != 0)
    return read_value (r, node);

  /* A second main list would mean a second round of elements; leave such
   * a file to the whole-tree reader. */
  if (r->list_seen)
    return NULL;
  r->list_seen = TRUE;

  if (!at (r, '['))
    return read_value (r, node);

  if ((member = read_streamed_list (r)) != NULL)
    json_node_set_parent (member, node);

  return member;
}

static JsonNode *
read_object (Reader *r)
{
  JsonNode *node;
  JsonObject *object;
  gboolean more = TRUE;

  if (++r->depth > PT_JSON_FAST_MAX_DEPTH)
    return NULL;

  r->p++;
  node = json_node_init_object (json_node_alloc (), NULL);
  object = json_object_new ();

  skip_space (r);
  if (at (r, '}'))
    {
      r->p++;
      more = FALSE;
    }

  while (more)
    {
      JsonNode *member;
      gssize name;

      if (!at (r, '"'))
        goto fail;
      r->p++;
      if ((name = read_string (r)) < 0)
        goto fail;

      skip_space (r);
      if (!at (r, ':'))
        goto fail;
      r->p++;
      skip_space (r);

      if (!(member = read_member_value (r, node, r->text + name)))
        goto fail;
      /* the name's offset, not a pointer: reading the value may have moved
       * the stack */
      json_object_set_member (object, r->text + name, member);
      r->text_len = (gsize) name;

      if (!next_item (r, '}', &more))
        goto fail;
    }

  r->depth--;
  json_node_take_object (node, object);
  return node;

fail:
  json_object_unref (object);
  json_node_unref (node);
  return NULL;
}

static JsonNode *
read_array (Reader *r)
{
  JsonNode *node;
  JsonArray *array;
  guint base = r->items->len;
  gboolean more = TRUE;

  if (++r->depth > PT_JSON_FAST_MAX_DEPTH)
    return NULL;

  r->p++;
  node = json_node_init_array (json_node_alloc (), NULL);

  skip_space (r);
  if (at (r, ']'))
    {
      r->p++;
      more = FALSE;
    }

  while (more)
    {
      JsonNode *element = read_value (r, node);

      if (element == NULL)
        goto fail;
      g_ptr_array_add (r->items, element);

      if (!next_item (r, ']', &more))
        goto fail;
    }

  array = json_array_sized_new (r->items->len - base);
  for (guint i = base; i < r->items->len; i++)
    json_array_add_element (array, g_ptr_array_index (r->items, i));
  g_ptr_array_set_size (r->items, base);

  r->depth--;
  json_node_take_array (node, array);
  return node;

fail:
  for (guint i = base; i < r->items->len; i++)
    json_node_unref (g_ptr_array_index (r->items, i));
  g_ptr_array_set_size (r->items, base);
  json_node_unref (node);
  return NULL;
}

/* The main list: each element is read lite and handed to the caller; the
 * list itself stays empty. */
static JsonNode *
read_streamed_list (Reader *r)
{
  JsonNode *node;
  gboolean more = TRUE;
  guint index = 0;

  if (++r->depth > PT_JSON_FAST_MAX_DEPTH)
    return NULL;

  r->p++;
  node = json_node_init_array (json_node_alloc (), NULL);

  skip_space (r);
  if (at (r, ']'))
    {
      r->p++;
      more = FALSE;
    }

  while (more)
    {
      if (r->stopped)
        {
          if (!lite_value (r, NULL))
            goto fail;
        }
      else
        {
          PtJsonLite lite;

          r->lite.len = 0;
          if (!lite_value (r, &r->lite))
            goto fail;

          lite.data = (const char *) r->start;
          lite.values = r->lite.values;
          lite.n_values = r->lite.len;
          if (!r->func (index, &lite, r->user_data))
            r->stopped = TRUE;
        }

      index++;
      if (!next_item (r, ']', &more))
        goto fail;
    }

  r->depth--;
  json_node_take_array (node, json_array_new ());
  return node;

fail:
  json_node_unref (node);
  return NULL;
}

static JsonNode *
read_value (Reader   *r,
            JsonNode *parent)
{
  JsonNode *node = NULL;
  Number number;
  gssize offset;

  if (r->p >= r->end)
    return NULL;

  switch (*r->p)
    {
    case '{':
      node = read_object (r);
      break;
    case '[':
      node = read_array (r);
      break;
    case '"':
      r->p++;
      if ((offset = read_string (r)) < 0)
        return NULL;
      node = json_node_init_string (json_node_alloc (), r->text + offset);
      r->text_len = (gsize) offset;
      break;
    case 't':
      if (read_word (r, "true", 4))
        node = json_node_init_boolean (json_node_alloc (), TRUE);
      break;
    case 'f':
      if (read_word (r, "false", 5))
        node = json_node_init_boolean (json_node_alloc (), FALSE);
      break;
    case 'n':
      if (read_word (r, "null", 4))
        node = json_node_init_null (json_node_alloc ());
      break;
    default:
      if (!scan_number (r, &number))
        return NULL;
      if (number.whole)
        node = json_node_init_int (json_node_alloc (), number.whole_value);
      else
        node = json_node_init_double (json_node_alloc (), number.value);
      break;
    }

  if (node != NULL && parent != NULL)
    json_node_set_parent (node, parent);

  return node;
}

static JsonNode *
parse (Reader      *r,
       const char  *data,
       gsize        length,
       GError     **error)
{
  JsonNode *root = NULL;

  r->start = r->p = (const guchar *) data;
  r->end = r->start + length;
  r->text_size = 256;
  r->text = g_malloc (r->text_size);
  r->items = g_ptr_array_new ();

  skip_space (r);
  if (at (r, '{') || at (r, '['))
    root = read_value (r, NULL);
  if (root != NULL)
    {
      skip_space (r);
      if (r->p != r->end)
        g_clear_pointer (&root, json_node_unref);
    }

  g_free (r->text);
  g_ptr_array_unref (r->items);

  if (root == NULL)
    {
      g_set_error (error, PT_FORMAT_ERROR, PT_FORMAT_ERROR_PARSE,
                   _("Not strict JSON near byte %zu"),
                   (size_t) (r->p - r->start));
      return NULL;
    }

  json_node_seal (root);
  return root;
}

/* The tree of @data (@length bytes, no terminator needed), sealed, or NULL
 * with @error set when it is not strict JSON with an object or a list at the
 * top, or holds something pt_json_parse() refuses. The message only says
 * where the parse stopped: parse the text with pt_json_parse() for one a
 * person can act on. */
JsonNode *
pt_json_fast_parse (const char  *data,
                    gsize        length,
                    GError     **error)
{
  Reader r = { 0 };

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  return parse (&r, data, length, error);
}

/* Reads @data as pt_json_fast_parse() does, but when the top level is an
 * object, its member @list_member, when a list, is read one element at a
 * time: each element is read lite and handed to @func, and the list in the
 * tree returned is empty. An element @func wants as a tree is one
 * pt_json_fast_parse() away (objects and lists).
 *
 * Returns NULL, having maybe called @func for some elements already, when
 * pt_json_fast_parse() would, and when @list_member comes twice: read the
 * text as a whole tree then. */
JsonNode *
pt_json_fast_parse_list (const char             *data,
                         gsize                   length,
                         const char             *list_member,
                         PtJsonFastElementFunc   func,
                         gpointer                user_data,
                         GError                **error)
{
  Reader r = { 0 };
  JsonNode *root;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (list_member != NULL, NULL);
  g_return_val_if_fail (func != NULL, NULL);

  r.list_member = list_member;
  r.func = func;
  r.user_data = user_data;
  root = parse (&r, data, length, error);
  g_free (r.lite.values);

  return root;
}

/* Does lite value @value hold the text @str? */
gboolean
pt_json_lite_string_equal (const PtJsonLite *lite,
                           guint             value,
                           const char       *str)
{
  const PtJsonLiteValue *v;
  const guchar *text;
  g_autofree char *decoded = NULL;
  char *end;

  g_return_val_if_fail (lite != NULL && value < lite->n_values, FALSE);
  g_return_val_if_fail (str != NULL, FALSE);

  v = &lite->values[value];
  if (v->type != PT_JSON_LITE_STRING)
    return FALSE;

  text = (const guchar *) lite->data + v->start;
  if (!v->escaped)
    return strlen (str) == v->length && memcmp (text, str, v->length) == 0;

  decoded = g_malloc (v->length + 1);
  end = decode_escapes (text, text + v->length, decoded);
  if (end == NULL)
    return FALSE;
  *end = '\0';

  return strcmp (decoded, str) == 0;
}

/* The text of lite string @value, decoded; NULL when it is not a string. */
char *
pt_json_lite_dup_string (const PtJsonLite *lite,
                         guint             value)
{
  const PtJsonLiteValue *v;
  const guchar *text;
  char *decoded, *end;

  g_return_val_if_fail (lite != NULL && value < lite->n_values, NULL);

  v = &lite->values[value];
  if (v->type != PT_JSON_LITE_STRING)
    return NULL;

  text = (const guchar *) lite->data + v->start;
  if (!v->escaped)
    return g_strndup ((const char *) text, v->length);

  decoded = g_malloc (v->length + 1);
  end = decode_escapes (text, text + v->length, decoded);
  if (end == NULL)
    {
      /* the parser checked the escapes */
      g_free (decoded);
      return NULL;
    }
  *end = '\0';

  return decoded;
}

/* The index of the value of @object's member @name (the last, when the name
 * comes twice, as with json-glib), or -1. */
gint
pt_json_lite_member (const PtJsonLite *lite,
                     guint             object,
                     const char       *name)
{
  const PtJsonLiteValue *values;
  gsize len;
  gint found = -1;

  g_return_val_if_fail (lite != NULL && object < lite->n_values, -1);
  g_return_val_if_fail (lite->values[object].type == PT_JSON_LITE_OBJECT, -1);
  g_return_val_if_fail (name != NULL, -1);

  values = lite->values;
  len = strlen (name);
  for (guint i = object + 1; i < values[object].next; i = values[i + 1].next)
    {
      const PtJsonLiteValue *key = &values[i];

      if (key->escaped ? pt_json_lite_string_equal (lite, i, name)
                       : key->length == len && memcmp (lite->data + key->start, name, len) == 0)
        found = (gint) i + 1;
    }

  return found;
}

/* Looks up several members of @object in one pass: @values[i] gets what
 * pt_json_lite_member() would give for @names[i]. @names ends with NULL and
 * holds at most 32 names. */
void
pt_json_lite_members (const PtJsonLite   *lite,
                      guint               object,
                      const char * const *names,
                      gint               *values)
{
  const PtJsonLiteValue *v;
  gsize lengths[32];
  guint n = 0;

  g_return_if_fail (lite != NULL && object < lite->n_values);
  g_return_if_fail (lite->values[object].type == PT_JSON_LITE_OBJECT);

  for (n = 0; names[n] != NULL; n++)
    {
      g_return_if_fail (n < G_N_ELEMENTS (lengths));
      lengths[n] = strlen (names[n]);
      values[n] = -1;
    }

  v = lite->values;
  for (guint i = object + 1; i < v[object].next; i = v[i + 1].next)
    for (guint k = 0; k < n; k++)
      if (v[i].escaped ? pt_json_lite_string_equal (lite, i, names[k])
                       : v[i].length == lengths[k] &&
                         memcmp (lite->data + v[i].start, names[k], lengths[k]) == 0)
        {
          values[k] = (gint) i + 1;
          break;
        }
}
