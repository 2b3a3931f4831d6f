/* pt-json-line.c: the fast reader of one allocate --jsonl request line
 *
 * A small reader over the bytes of the line that allocates nothing for a
 * typical line: the request, its block array and the id and date buffers are
 * kept and reused from one line to the next. Whatever it is not certain to
 * read exactly as json-glib and pt_alloc_request_from_json() would, it leaves
 * to them by returning NULL; it never reports an error itself.
 *
 * A member pt_alloc_request_from_json() learns to read must be read here too
 * (or make this reader give up); test-json-line compares the two readers.
 */
#include "config.h"

#include <string.h>

#include "pt-codes.h"
#include "pt-json-line.h"
#include "pt-model-types.h"

/* The longest id pt_json_id_of() echoes as given; longer ones it replaces. */
#define ID_MAX 256
/* A date of service is ten characters; anything much longer is left to the full reader. */
#define DATE_MAX 64
/* Longer whole numbers the full reader turns into decimals (pt_json_load). */
#define MAX_DIGITS 18
/* After a line with more blocks than this, the block array is not kept. */
#define KEEP_BLOCKS 256

enum {
  SEEN_ID             = 1 << 0,
  SEEN_METHOD         = 1 << 1,
  SEEN_DISCIPLINE     = 1 << 2,
  SEEN_DATE           = 1 << 3,
  SEEN_TIE_PREFERENCE = 1 << 4,
  SEEN_BLOCKS         = 1 << 5,
};

enum {
  SEEN_CODE     = 1 << 0,
  SEEN_MINUTES  = 1 << 1,
  SEEN_TIMED    = 1 << 2,
  SEEN_PROVIDER = 1 << 3,
};

struct _PtJsonLine
{
  PtAllocRequest  request;
  GString        *id;
  GString        *date;
  GPtrArray      *prefs; /* char *, NULL-terminated once read */
  guint           seen;
};

typedef struct {
  const char *p;
  const char *end;
} Cursor;

typedef struct {
  PtAllocBlock block;
  guint        seen;
} BlockState;

typedef gboolean (*MemberFunc) (gpointer     data,
                                Cursor      *c,
                                const char  *name,
                                gsize        n);

PtJsonLine *
pt_json_line_new (void)
{
  PtJsonLine *self = g_new0 (PtJsonLine, 1);

  self->request.blocks = g_array_sized_new (FALSE, TRUE, sizeof (PtAllocBlock), 8);
  self->id = g_string_sized_new (32);
  self->date = g_string_sized_new (16);
  self->prefs = g_ptr_array_new_with_free_func (g_free);

  return self;
}

void
pt_json_line_free (PtJsonLine *self)
{
  if (self == NULL)
    return;

  g_array_unref (self->request.blocks);
  g_string_free (self->id, TRUE);
  g_string_free (self->date, TRUE);
  g_ptr_array_unref (self->prefs);
  g_free (self);
}

static inline void
skip_ws (Cursor *c)
{
  while (c->p < c->end && (*c->p == ' ' || *c->p == '\t' || *c->p == '\n' || *c->p == '\r'))
    c->p++;
}

static inline gboolean
peek (Cursor *c,
      char    ch)
{
  return c->p < c->end && *c->p == ch;
}

static inline gboolean
expect (Cursor *c,
        char    ch)
{
  skip_ws (c);
  if (!peek (c, ch))
    return FALSE;
  c->p++;
  return TRUE;
}

static inline gboolean
same (const char *name,
      gsize       n,
      const char *word)
{
  return strlen (word) == n && memcmp (name, word, n) == 0;
}

/* A string without escapes or control characters, which json-glib reads and
 * writes back unchanged. Sets @s and @n to its text without the quotes. */
static gboolean
read_plain_string (Cursor      *c,
                   const char **s,
                   gsize       *n)
{
  const char *start;
  gboolean ascii = TRUE;

  if (!peek (c, '"'))
    return FALSE;

  start = ++c->p;
  for (; c->p < c->end; c->p++)
    {
      guchar ch = (guchar) *c->p;

      if (ch == '"')
        {
          *s = start;
          *n = c->p - start;
          c->p++;
          return ascii || g_utf8_validate (start, *n, NULL);
        }
      if (ch < 0x20 || ch == '\\' || ch == 0x7f)
        return FALSE;
      if (ch >= 0x80)
        ascii = FALSE;
    }

  return FALSE;
}

/* A string whose value does not matter: the escapes every JSON reader agrees
 * on are allowed, \u is not (json-glib refuses some that JSON allows). */
static gboolean
skip_string (Cursor *c)
{
  const char *start;
  gboolean ascii = TRUE;

  if (!peek (c, '"'))
    return FALSE;

  start = ++c->p;
  for (; c->p < c->end; c->p++)
    {
      guchar ch = (guchar) *c->p;

      if (ch == '"')
        {
          gsize n = c->p - start;

          c->p++;
          return ascii || g_utf8_validate (start, n, NULL);
        }
      if (ch < 0x20)
        return FALSE;
      if (ch >= 0x80)
        ascii = FALSE;
      else if (ch == '\\')
        {
          if (++c->p >= c->end || *c->p == '\0' || strchr ("\"\\/bfnrt", *c->p) == NULL)
            return FALSE;
        }
    }

  return FALSE;
}

/* A number in JSON's own grammar, whole numbers no longer than the full
 * reader takes. */
static gboolean
skip_number (Cursor *c)
{
  const char *start;
  gboolean whole = TRUE;

  if (peek (c, '-'))
    c->p++;

  start = c->p;
  if (peek (c, '0'))
    c->p++;
  else if (c->p < c->end && *c->p >= '1' && *c->p <= '9')
    while (c->p < c->end && g_ascii_isdigit (*c->p))
      c->p++;
  else
    return FALSE;

  if ((gsize) (c->p - start) > MAX_DIGITS)
    whole = FALSE; /* too long unless a fraction or exponent follows */

  if (peek (c, '.'))
    {
      c->p++;
      if (c->p >= c->end || !g_ascii_isdigit (*c->p))
        return FALSE;
      while (c->p < c->end && g_ascii_isdigit (*c->p))
        c->p++;
      whole = TRUE;
    }

  if (peek (c, 'e') || peek (c, 'E'))
    {
      c->p++;
      if (peek (c, '+') || peek (c, '-'))
        c->p++;
      if (c->p >= c->end || !g_ascii_isdigit (*c->p))
        return FALSE;
      while (c->p < c->end && g_ascii_isdigit (*c->p))
        c->p++;
      whole = TRUE;
    }

  return whole;
}

static gboolean
skip_word (Cursor     *c,
           const char *word)
{
  gsize n = strlen (word);

  if ((gsize) (c->end - c->p) < n || memcmp (c->p, word, n) != 0)
    return FALSE;

  c->p += n;
  return TRUE;
}

static gboolean
skip_scalar (Cursor *c)
{
  if (c->p >= c->end)
    return FALSE;

  switch (*c->p)
    {
    case '"':
      return skip_string (c);
    case 't':
      return skip_word (c, "true");
    case 'f':
      return skip_word (c, "false");
    case 'n':
      return skip_word (c, "null");
    default:
      return skip_number (c);
    }
}

/* "{" members "}", each value read by @member with the cursor on its first
 * byte. Inline, so each caller gets its own copy with @member called directly. */
static inline gboolean
read_object (Cursor     *c,
             MemberFunc  member,
             gpointer    data)
{
  if (!expect (c, '{'))
    return FALSE;

  skip_ws (c);
  if (peek (c, '}'))
    {
      c->p++;
      return TRUE;
    }

  for (;;)
    {
      const char *name;
      gsize n;

      skip_ws (c);
      if (!read_plain_string (c, &name, &n) || !expect (c, ':'))
        return FALSE;
      skip_ws (c);
      if (c->p >= c->end || !member (data, c, name, n))
        return FALSE;
      skip_ws (c);
      if (peek (c, '}'))
        {
          c->p++;
          return TRUE;
        }
      if (!peek (c, ','))
        return FALSE;
      c->p++;
    }
}

/* "[" items "]", each read by @item with the cursor on its first byte. */
static inline gboolean
read_array (Cursor    *c,
            gboolean (*item) (gpointer data, Cursor *c),
            gpointer   data)
{
  if (!peek (c, '['))
    return FALSE;

  c->p++;
  skip_ws (c);
  if (peek (c, ']'))
    {
      c->p++;
      return TRUE;
    }

  for (;;)
    {
      skip_ws (c);
      if (!item (data, c))
        return FALSE;
      skip_ws (c);
      if (peek (c, ']'))
        {
          c->p++;
          return TRUE;
        }
      if (!peek (c, ','))
        return FALSE;
      c->p++;
    }
}

static gboolean
skip_scalar_item (gpointer  data,
                  Cursor   *c)
{
  return skip_scalar (c);
}

/* The value of a member nobody reads: a scalar or a list of scalars. */
static gboolean
skip_value (Cursor *c)
{
  if (!peek (c, '['))
    return skip_scalar (c);

  return read_array (c, skip_scalar_item, NULL);
}

/* One of @choices, as pt_json_read_choice() would take it. */
static gboolean
read_choice (Cursor             *c,
             const char * const *choices,
             gint               *value)
{
  const char *s;
  gsize n;

  if (!read_plain_string (c, &s, &n))
    return FALSE;

  for (gint i = 0; choices[i] != NULL; i++)
    if (same (s, n, choices[i]))
      {
        *value = i;
        return TRUE;
      }

  return FALSE;
}

/* The id as pt_json_id_of() writes it: a short plain string, a whole number
 * written the way json-glib writes it back, true, false or null. */
static gboolean
read_id (PtJsonLine *self,
         Cursor     *c)
{
  const char *start = c->p;
  const char *s;
  gsize n;

  switch (*c->p)
    {
    case '"':
      if (!read_plain_string (c, &s, &n) || n > ID_MAX)
        return FALSE;
      g_string_append_len (self->id, start, n + 2);
      return TRUE;

    case 't':
    case 'f':
    case 'n':
      if (!skip_word (c, "true") && !skip_word (c, "false") && !skip_word (c, "null"))
        return FALSE;
      g_string_append_len (self->id, start, c->p - start);
      return TRUE;

    default:
      /* -0, leading zeros, fractions and exponents come back written otherwise */
      if (peek (c, '-'))
        c->p++;
      if (peek (c, '0'))
        {
          if (c->p != start)
            return FALSE;
          c->p++;
        }
      else
        {
          const char *digits = c->p;

          while (c->p < c->end && g_ascii_isdigit (*c->p))
            c->p++;
          if (c->p == digits || *digits == '0' || c->p - digits > MAX_DIGITS)
            return FALSE;
        }
      if (peek (c, '.') || peek (c, 'e') || peek (c, 'E'))
        return FALSE;
      g_string_append_len (self->id, start, c->p - start);
      return TRUE;
    }
}

static gboolean
read_pref (gpointer  data,
           Cursor   *c)
{
  PtJsonLine *self = data;
  const char *s;
  gsize n;

  if (!read_plain_string (c, &s, &n))
    return FALSE;

  g_ptr_array_add (self->prefs, g_strndup (s, n));
  return TRUE;
}

/* Minutes as a plain whole number from 0 to PT_MAX_MINUTES. */
static gboolean
read_minutes (Cursor *c,
              gint   *minutes)
{
  gint value = 0;
  guint digits = 0;

  if (peek (c, '0'))
    {
      c->p++;
      *minutes = 0;
      return TRUE;
    }

  while (c->p < c->end && g_ascii_isdigit (*c->p) && digits < 5)
    {
      value = value * 10 + (*c->p++ - '0');
      digits++;
    }

  if (digits == 0 || value > PT_MAX_MINUTES)
    return FALSE;

  *minutes = value;
  return TRUE;
}

static gboolean
read_block_member (gpointer     data,
                   Cursor      *c,
                   const char  *name,
                   gsize        n)
{
  BlockState *st = data;
  guint bit = 0;

  if (same (name, n, "code"))
    {
      const char *s;

      bit = SEEN_CODE;
      if ((st->seen & bit) || !read_plain_string (c, &s, &n) || n != PT_CODE_LEN)
        return FALSE;
      memcpy (st->block.code, s, PT_CODE_LEN);
      st->block.code[PT_CODE_LEN] = '\0';
      if (!pt_code_is_valid (st->block.code))
        return FALSE;
    }
  else if (same (name, n, "minutes"))
    {
      bit = SEEN_MINUTES;
      if ((st->seen & bit) || !read_minutes (c, &st->block.minutes))
        return FALSE;
    }
  else if (same (name, n, "timed"))
    {
      bit = SEEN_TIMED;
      if (st->seen & bit)
        return FALSE;
      if (skip_word (c, "true"))
        st->block.timed = TRUE;
      else if (skip_word (c, "false"))
        st->block.timed = FALSE;
      else
        return FALSE;
    }
  else if (same (name, n, "provider"))
    {
      gint provider;

      bit = SEEN_PROVIDER;
      if ((st->seen & bit) || !read_choice (c, pt_provider_names, &provider))
        return FALSE;
      st->block.provider = provider;
    }
  else
    return skip_value (c);

  st->seen |= bit;
  return TRUE;
}

static gboolean
read_block (gpointer  data,
            Cursor   *c)
{
  PtJsonLine *self = data;
  BlockState st = { { { 0 } }, 0 };

  st.block.provider = PT_PROVIDER_THERAPIST;
  if (!read_object (c, read_block_member, &st) ||
      (st.seen & (SEEN_CODE | SEEN_MINUTES)) != (SEEN_CODE | SEEN_MINUTES))
    return FALSE;

  if (!(st.seen & SEEN_TIMED))
    st.block.timed = pt_code_default_timed (st.block.code);
  if (st.seen & SEEN_PROVIDER)
    self->request.any_provider = TRUE;

  g_array_append_val (self->request.blocks, st.block);
  return TRUE;
}

static gboolean
read_request_member (gpointer     data,
                     Cursor      *c,
                     const char  *name,
                     gsize        n)
{
  PtJsonLine *self = data;
  PtAllocRequest *req = &self->request;
  guint bit;
  gint value;

  if (same (name, n, "id"))
    bit = SEEN_ID;
  else if (same (name, n, "method"))
    bit = SEEN_METHOD;
  else if (same (name, n, "discipline"))
    bit = SEEN_DISCIPLINE;
  else if (same (name, n, "date"))
    bit = SEEN_DATE;
  else if (same (name, n, "tie_preference"))
    bit = SEEN_TIE_PREFERENCE;
  else if (same (name, n, "blocks"))
    bit = SEEN_BLOCKS;
  else
    return skip_value (c);

  if (self->seen & bit)
    return FALSE;
  self->seen |= bit;

  switch (bit)
    {
    case SEEN_ID:
      return read_id (self, c);

    case SEEN_METHOD:
      if (!read_choice (c, pt_method_names, &value))
        return FALSE;
      req->method = value;
      return TRUE;

    case SEEN_DISCIPLINE:
      if (!read_choice (c, pt_discipline_names, &value))
        return FALSE;
      req->discipline = value;
      return TRUE;

    case SEEN_DATE:
      {
        const char *s;

        if (!read_plain_string (c, &s, &n) || n > DATE_MAX)
          return FALSE;
        g_string_append_len (self->date, s, n);
        return TRUE;
      }

    case SEEN_TIE_PREFERENCE:
      return read_array (c, read_pref, self);

    case SEEN_BLOCKS:
    default:
      return read_array (c, read_block, self);
    }
}

static void
reset (PtJsonLine *self,
       PtMethod    default_method)
{
  PtAllocRequest *req = &self->request;

  if (req->blocks->len > KEEP_BLOCKS)
    {
      g_array_unref (req->blocks);
      req->blocks = g_array_sized_new (FALSE, TRUE, sizeof (PtAllocBlock), 8);
    }
  g_array_set_size (req->blocks, 0);
  req->any_provider = FALSE;
  g_string_truncate (self->id, 0);
  g_string_truncate (self->date, 0);
  g_ptr_array_set_size (self->prefs, 0);
  self->seen = 0;

  req->id_json = NULL;
  req->date = NULL;
  req->tie_preference = NULL;
  req->method = default_method;
  req->discipline = PT_DISCIPLINE_PT;
  memset (&req->input, 0, sizeof req->input);
}

/**
 * pt_json_line_read:
 * @line: one line, without its line break; need not be valid UTF-8
 *
 * Returns: (transfer none) (nullable): the request, valid until the next
 *   call, or %NULL when the line must be read by the full reader.
 */
const PtAllocRequest *
pt_json_line_read (PtJsonLine *self,
                   const char *line,
                   gsize       length,
                   PtMethod    default_method)
{
  PtAllocRequest *req = &self->request;
  Cursor c = { line, line + length };

  reset (self, default_method);

  if (!read_object (&c, read_request_member, self) || !(self->seen & SEEN_BLOCKS))
    return NULL;

  skip_ws (&c);
  if (c.p != c.end)
    return NULL;

  /* The full reader always gives a list, empty when the member is absent. */
  g_ptr_array_add (self->prefs, NULL);

  req->id_json = (self->seen & SEEN_ID) ? self->id->str : NULL;
  req->date = (self->seen & SEEN_DATE) ? self->date->str : NULL;
  req->tie_preference = (char **) self->prefs->pdata;
  req->input.method = req->method;
  req->input.tie_rule = PT_TIE_RULE_ENTRY_ORDER;
  req->input.blocks = (const PtAllocBlock *) (gconstpointer) req->blocks->data;
  req->input.n_blocks = req->blocks->len;
  req->input.tie_preference = (const char * const *) req->tie_preference;

  return req;
}
