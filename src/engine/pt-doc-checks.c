/* pt-doc-checks.c: word matching, code fit and the findings of documentation-checks.md
 *
 * Sections: the lexicon, cutting text into words, matching a list, the code
 * fit, then the checks of a block and of the whole visit. See the header for
 * the matching rules and what "clearly fits another code" means.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pt-codes.h"
#include "pt-doc-checks.h"

G_DEFINE_QUARK (pt-doc-error-quark, pt_doc_error)

/* ---- The lexicon ------------------------------------------------------- */

typedef struct {
  char   *source;   /* as listed */
  char  **words;    /* case-folded, the star removed */
  guint   n_words;
  guint   stems;    /* bit k set: word k ended with a star and matches as a prefix */
} Phrase;

typedef struct {
  GPtrArray *phrases; /* Phrase */
  gboolean   negatable;
} WordList;

/* Where a phrase of any list may start: one index for all lists, so a text
 * is read once for all of them. */
typedef struct {
  guint list;
  guint phrase;
} Entry;

/* Shortest stem before a star: "st*" would match half the language. Stems
 * are indexed by their first MIN_STEM characters. */
#define MIN_STEM 3
#define STEM_KEY_SIZE (MIN_STEM * 6 + 1)

struct _PtLexicon {
  WordList    lists[PT_DOC_N_LISTS];
  GHashTable *exact;    /* exact first word -> GArray of Entry */
  GHashTable *stems;    /* first MIN_STEM characters of a stem first word -> GArray of Entry */
  GHashTable *negation; /* the negation words, a set */
};

static const char * const list_names[PT_DOC_N_LISTS] = {
  "cues", "neuromotor", "objective", "independent", "negation",
  "97110", "97112", "97530", "97116",
};

static void
phrase_free (gpointer data)
{
  Phrase *phrase = data;

  g_free (phrase->source);
  g_strfreev (phrase->words);
  g_free (phrase);
}

static void
index_free (gpointer data)
{
  g_array_unref (data);
}

PtLexicon *
pt_lexicon_new (void)
{
  PtLexicon *lexicon = g_new0 (PtLexicon, 1);

  for (guint l = 0; l < PT_DOC_N_LISTS; l++)
    {
      lexicon->lists[l].phrases = g_ptr_array_new_with_free_func (phrase_free);
      lexicon->lists[l].negatable = l != PT_DOC_LIST_NEGATION;
    }
  lexicon->exact = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, index_free);
  lexicon->stems = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, index_free);
  lexicon->negation = g_hash_table_new (g_str_hash, g_str_equal);

  return lexicon;
}

void
pt_lexicon_free (PtLexicon *lexicon)
{
  if (lexicon == NULL)
    return;

  for (guint l = 0; l < PT_DOC_N_LISTS; l++)
    g_ptr_array_unref (lexicon->lists[l].phrases);
  g_hash_table_unref (lexicon->exact);
  g_hash_table_unref (lexicon->stems);
  g_hash_table_unref (lexicon->negation);
  g_free (lexicon);
}

const char *
pt_doc_list_name (PtDocList list)
{
  g_return_val_if_fail (list < PT_DOC_N_LISTS, NULL);

  return list_names[list];
}

const char *
pt_doc_code_name (guint index)
{
  g_return_val_if_fail (index < PT_DOC_N_CODES, NULL);

  return list_names[PT_DOC_FIRST_CODE_LIST + index];
}

static inline const Phrase *
lexicon_phrase (const PtLexicon *lexicon,
                guint            list,
                guint            phrase)
{
  return g_ptr_array_index (lexicon->lists[list].phrases, phrase);
}

/* The index key of a word for stems: its first MIN_STEM characters; FALSE
 * when it is shorter. */
static gboolean
stem_key (const char *word,
          char        key[STEM_KEY_SIZE])
{
  const char *p = word;

  for (guint n = 0; n < MIN_STEM; n++)
    {
      if (*p == '\0')
        return FALSE;
      p = g_utf8_next_char (p);
    }

  memcpy (key, word, p - word);
  key[p - word] = '\0';
  return TRUE;
}

/* ---- Cutting text into words ------------------------------------------- */

typedef struct {
  guint offset; /* into the buffer */
  guint clause;
  guint stem;   /* only for phrases: the word ended with a star */
} Word;

typedef struct {
  guint    list;
  guint    phrase;
  guint    start;
  guint    n;
  gboolean negated;
} Match;

typedef struct {
  GString *buf;     /* the words, each ending in NUL */
  GArray  *words;   /* Word */
  GArray  *matches; /* Match, by start then list; NULL until text_find_matches() */
  gboolean bad_star;
  gboolean has_break;
} Text;

static gboolean
is_apostrophe (gunichar c)
{
  return c == '\'' || c == 0x2019;
}

static gboolean
is_word_char (gunichar c)
{
  if (c < 0x80)
    return g_ascii_isalnum (c);

  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

static gboolean
is_clause_break (gunichar c)
{
  return c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' ||
         c == '(' || c == ')' || c == '[' || c == ']' || c == '{' || c == '}' ||
         c == '\n' || c == '\r' || c == 0x2026 /* … */ || c == 0x2022 /* • */;
}

/* Cuts @str into case-folded words. Plain ASCII, the usual note, is read
 * byte by byte; other text is case-folded first. */
static void
text_init (Text       *text,
           const char *str)
{
  g_autofree char *folded = NULL;
  const char *p;
  gboolean ascii, in_word = FALSE;
  guint clause = 0;

  text->buf = NULL;
  text->words = g_array_new (FALSE, FALSE, sizeof (Word));
  text->matches = NULL;
  text->bad_star = FALSE;
  text->has_break = FALSE;

  ascii = str != NULL && g_str_is_ascii (str);
  if (str == NULL || *str == '\0' || (!ascii && !g_utf8_validate (str, -1, NULL)))
    {
      text->buf = g_string_new (NULL);
      return;
    }

  if (!ascii)
    folded = g_utf8_casefold (str, -1);
  p = ascii ? str : folded;
  /* each word ends in a NUL where the text had a separator, or at the end */
  text->buf = g_string_sized_new (strlen (p) + 2);

  while (*p != '\0')
    {
      const char *after = ascii ? p + 1 : g_utf8_next_char (p);
      gunichar c = ascii ? (gunichar) g_ascii_tolower (*p) : g_utf8_get_char (p);
      gunichar next = ascii ? (gunichar) *after : g_utf8_get_char (after);

      if (is_word_char (c) || (in_word && is_apostrophe (c) && is_word_char (next)))
        {
          if (!in_word)
            {
              Word word = { text->buf->len, clause, FALSE };

              g_array_append_val (text->words, word);
              in_word = TRUE;
            }
          if (is_apostrophe (c))
            g_string_append_c (text->buf, '\'');
          else if (c < 0x80)
            g_string_append_c (text->buf, (char) c);
          else
            g_string_append_len (text->buf, p, after - p);
          p = after;
          continue;
        }

      p = after;

      if (in_word)
        {
          g_string_append_c (text->buf, '\0');
          in_word = FALSE;
          if (c == '*')
            {
              g_array_index (text->words, Word, text->words->len - 1).stem = TRUE;
              if (is_word_char (next))
                text->bad_star = TRUE;
              continue;
            }
        }
      else if (c == '*')
        text->bad_star = TRUE;

      if (is_clause_break (c))
        {
          clause++;
          text->has_break = TRUE;
        }
    }

  if (in_word)
    g_string_append_c (text->buf, '\0');
}

static void
text_clear (Text *text)
{
  if (text->buf != NULL)
    g_string_free (text->buf, TRUE);
  g_clear_pointer (&text->words, g_array_unref);
  g_clear_pointer (&text->matches, g_array_unref);
  text->buf = NULL;
}

static inline const char *
text_word (const Text *text,
           guint       i)
{
  return text->buf->str + g_array_index (text->words, Word, i).offset;
}

static inline guint
text_clause (const Text *text,
             guint       i)
{
  return g_array_index (text->words, Word, i).clause;
}

/* The words from @start to @start + @n joined by spaces: equal texts read alike. */
static char *
text_join (const Text *text,
           guint       start,
           guint       n)
{
  GString *out = g_string_new (NULL);

  for (guint k = 0; k < n; k++)
    {
      if (k > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, text_word (text, start + k));
    }

  return g_string_free (out, FALSE);
}

/* ---- Adding phrases ---------------------------------------------------- */

static void
index_add (GHashTable *index,
           const char *key,
           guint       list,
           guint       phrase)
{
  GArray *entries = g_hash_table_lookup (index, key);
  Entry entry = { list, phrase };

  if (entries == NULL)
    {
      entries = g_array_new (FALSE, FALSE, sizeof (Entry));
      g_hash_table_insert (index, g_strdup (key), entries);
    }
  g_array_append_val (entries, entry);
}

/* The entries that may start with the first word of @p (for a stem, the
 * entries of stems that share its key). */
static GArray *
index_entries_for (const PtLexicon *lexicon,
                   const Phrase    *p)
{
  char key[STEM_KEY_SIZE];

  if (!(p->stems & 1u))
    return g_hash_table_lookup (lexicon->exact, p->words[0]);

  stem_key (p->words[0], key);
  return g_hash_table_lookup (lexicon->stems, key);
}

gboolean
pt_lexicon_add (PtLexicon   *lexicon,
                PtDocList    list,
                const char  *phrase,
                GError     **error)
{
  Text text = { 0 };
  Phrase *p;
  GArray *same_start;
  guint index;
  gboolean ok = FALSE;

  g_return_val_if_fail (lexicon != NULL, FALSE);
  g_return_val_if_fail (list < PT_DOC_N_LISTS, FALSE);
  g_return_val_if_fail (phrase != NULL, FALSE);

  text_init (&text, phrase);

  if (!g_utf8_validate (phrase, -1, NULL))
    g_set_error_literal (error, PT_DOC_ERROR, PT_DOC_ERROR_PHRASE,
                         _("not valid UTF-8 text"));
  else if (text.words->len == 0)
    g_set_error_literal (error, PT_DOC_ERROR, PT_DOC_ERROR_PHRASE,
                         _("has no word in it"));
  else if (text.words->len > PT_DOC_MAX_PHRASE_WORDS)
    g_set_error (error, PT_DOC_ERROR, PT_DOC_ERROR_PHRASE,
                 _("“%s” has more than %d words; list a shorter phrase"),
                 phrase, PT_DOC_MAX_PHRASE_WORDS);
  else if (text.has_break)
    g_set_error (error, PT_DOC_ERROR, PT_DOC_ERROR_PHRASE,
                 _("“%s” contains a full stop, comma or other clause break, so it could never match"),
                 phrase);
  else if (text.bad_star)
    g_set_error (error, PT_DOC_ERROR, PT_DOC_ERROR_PHRASE,
                 _("“%s”: a star may only end a word (“facilitat*”)"), phrase);
  else if (list == PT_DOC_LIST_NEGATION &&
           (text.words->len != 1 || g_array_index (text.words, Word, 0).stem))
    g_set_error (error, PT_DOC_ERROR, PT_DOC_ERROR_PHRASE,
                 _("“%s”: the negation list takes single words without a star"), phrase);
  else
    ok = TRUE;

  for (guint k = 0; ok && k < text.words->len; k++)
    if (g_array_index (text.words, Word, k).stem &&
        g_utf8_strlen (text_word (&text, k), -1) < MIN_STEM)
      {
        g_set_error (error, PT_DOC_ERROR, PT_DOC_ERROR_PHRASE,
                     _("“%s”: a word ending in a star needs at least %d letters before the star"),
                     phrase, MIN_STEM);
        ok = FALSE;
      }

  if (!ok)
    {
      text_clear (&text);
      return FALSE;
    }

  p = g_new0 (Phrase, 1);
  p->source = g_strdup (phrase);
  p->n_words = text.words->len;
  p->words = g_new0 (char *, p->n_words + 1);
  for (guint k = 0; k < p->n_words; k++)
    {
      p->words[k] = g_strdup (text_word (&text, k));
      if (g_array_index (text.words, Word, k).stem)
        p->stems |= 1u << k;
    }
  text_clear (&text);

  /* The same words (and stars) listed twice would count twice in a score. */
  same_start = index_entries_for (lexicon, p);
  for (guint e = 0; same_start != NULL && e < same_start->len; e++)
    {
      const Entry *entry = &g_array_index (same_start, Entry, e);
      const Phrase *o = lexicon_phrase (lexicon, entry->list, entry->phrase);

      if (entry->list == list && o->n_words == p->n_words && o->stems == p->stems &&
          g_strv_equal ((const char * const *) o->words, (const char * const *) p->words))
        {
          g_set_error (error, PT_DOC_ERROR, PT_DOC_ERROR_PHRASE,
                       _("“%s” is already listed as “%s” (entry %u)"), phrase, o->source, entry->phrase);
          phrase_free (p);
          return FALSE;
        }
    }

  index = lexicon->lists[list].phrases->len;
  g_ptr_array_add (lexicon->lists[list].phrases, p);

  if (p->stems & 1u)
    {
      char key[STEM_KEY_SIZE];

      stem_key (p->words[0], key);
      index_add (lexicon->stems, key, list, index);
    }
  else
    index_add (lexicon->exact, p->words[0], list, index);

  if (list == PT_DOC_LIST_NEGATION)
    g_hash_table_add (lexicon->negation, p->words[0]);

  return TRUE;
}

void
pt_lexicon_set_negatable (PtLexicon *lexicon,
                          PtDocList  list,
                          gboolean   negatable)
{
  g_return_if_fail (lexicon != NULL && list < PT_DOC_N_LISTS);

  lexicon->lists[list].negatable = negatable && list != PT_DOC_LIST_NEGATION;
}

gboolean
pt_lexicon_get_negatable (const PtLexicon *lexicon,
                          PtDocList        list)
{
  g_return_val_if_fail (lexicon != NULL && list < PT_DOC_N_LISTS, FALSE);

  return lexicon->lists[list].negatable;
}

guint
pt_lexicon_get_n_phrases (const PtLexicon *lexicon,
                          PtDocList        list)
{
  g_return_val_if_fail (lexicon != NULL && list < PT_DOC_N_LISTS, 0);

  return lexicon->lists[list].phrases->len;
}

const char *
pt_lexicon_get_phrase (const PtLexicon *lexicon,
                       PtDocList        list,
                       guint            index)
{
  g_return_val_if_fail (lexicon != NULL && list < PT_DOC_N_LISTS, NULL);
  g_return_val_if_fail (index < lexicon->lists[list].phrases->len, NULL);

  return lexicon_phrase (lexicon, list, index)->source;
}

gboolean
pt_lexicon_check_complete (const PtLexicon  *lexicon,
                           GError          **error)
{
  for (guint l = 0; l < PT_DOC_N_LISTS; l++)
    if (lexicon->lists[l].phrases->len == 0)
      {
        g_set_error (error, PT_DOC_ERROR, PT_DOC_ERROR_EMPTY,
                     _("the word list “%s” is empty; the checks need at least one entry in it"),
                     list_names[l]);
        return FALSE;
      }

  return TRUE;
}

/* ---- Matching ---------------------------------------------------------- */

static gboolean
phrase_at (const Phrase *p,
           const Text   *text,
           guint         start)
{
  guint clause = text_clause (text, start);

  if (start + p->n_words > text->words->len)
    return FALSE;

  for (guint k = 0; k < p->n_words; k++)
    {
      const char *word = text_word (text, start + k);

      if (text_clause (text, start + k) != clause)
        return FALSE;
      if (p->stems & (1u << k) ? !g_str_has_prefix (word, p->words[k]) : strcmp (word, p->words[k]) != 0)
        return FALSE;
    }

  return TRUE;
}

static gboolean
negated_before (const PtLexicon *lexicon,
                const Text      *text,
                guint            start)
{
  guint clause = text_clause (text, start);

  for (guint back = 1; back <= 3 && back <= start; back++)
    {
      if (text_clause (text, start - back) != clause)
        break;
      if (g_hash_table_contains (lexicon->negation, text_word (text, start - back)))
        return TRUE;
    }

  return FALSE;
}

/* Finds the matches of every list in one pass: at each word, the longest
 * phrase of each list that starts there, unless an earlier match of the same
 * list still covers the word. */
static void
text_find_matches (const PtLexicon *lexicon,
                   Text            *text)
{
  guint next_free[PT_DOC_N_LISTS] = { 0 };
  char key[STEM_KEY_SIZE];

  text->matches = g_array_new (FALSE, FALSE, sizeof (Match));

  for (guint i = 0; i < text->words->len; i++)
    {
      const char *word = text_word (text, i);
      GArray *candidates[2];
      gint best[PT_DOC_N_LISTS];
      guint best_len[PT_DOC_N_LISTS] = { 0 };

      candidates[0] = g_hash_table_lookup (lexicon->exact, word);
      candidates[1] = stem_key (word, key) ? g_hash_table_lookup (lexicon->stems, key) : NULL;
      if (candidates[0] == NULL && candidates[1] == NULL)
        continue;

      for (guint l = 0; l < PT_DOC_N_LISTS; l++)
        best[l] = -1;

      for (guint k = 0; k < G_N_ELEMENTS (candidates); k++)
        for (guint e = 0; candidates[k] != NULL && e < candidates[k]->len; e++)
          {
            const Entry *entry = &g_array_index (candidates[k], Entry, e);
            const Phrase *p = lexicon_phrase (lexicon, entry->list, entry->phrase);

            if (i < next_free[entry->list] || p->n_words <= best_len[entry->list] ||
                !phrase_at (p, text, i))
              continue;
            best[entry->list] = (gint) entry->phrase;
            best_len[entry->list] = p->n_words;
          }

      for (guint l = 0; l < PT_DOC_N_LISTS; l++)
        if (best[l] >= 0)
          {
            Match m = { l, (guint) best[l], i, best_len[l],
                        lexicon->lists[l].negatable && negated_before (lexicon, text, i) };

            g_array_append_val (text->matches, m);
            next_free[l] = i + best_len[l];
          }
    }
}

/* The first match of @list in @text that is not negated, or NULL; as joined words. */
static char *
first_match (PtDocList   list,
             const Text *text)
{
  for (guint m = 0; m < text->matches->len; m++)
    {
      const Match *match = &g_array_index (text->matches, Match, m);

      if (match->list == list && !match->negated)
        return text_join (text, match->start, match->n);
    }

  return NULL;
}

static gboolean
text_has (PtDocList   list,
          const Text *text)
{
  for (guint m = 0; m < text->matches->len; m++)
    {
      const Match *match = &g_array_index (text->matches, Match, m);

      if (match->list == list && !match->negated)
        return TRUE;
    }

  return FALSE;
}

GPtrArray *
pt_doc_match_text (const PtLexicon *lexicon,
                   PtDocList        list,
                   const char      *text)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);
  Text t;

  g_return_val_if_fail (lexicon != NULL && list < PT_DOC_N_LISTS, out);

  text_init (&t, text);
  text_find_matches (lexicon, &t);
  for (guint m = 0; m < t.matches->len; m++)
    {
      const Match *match = &g_array_index (t.matches, Match, m);

      if (match->list == list && !match->negated)
        g_ptr_array_add (out, text_join (&t, match->start, match->n));
    }
  text_clear (&t);

  return out;
}

/* ---- One block's text -------------------------------------------------- */

typedef struct {
  Text fields[PT_DOC_N_FIELDS];
} BlockText;

static void
block_text_init (BlockText        *bt,
                 const PtLexicon  *lexicon,
                 const PtDocBlock *block)
{
  for (guint f = 0; f < PT_DOC_N_FIELDS; f++)
    {
      text_init (&bt->fields[f], block->text[f]);
      text_find_matches (lexicon, &bt->fields[f]);
    }
}

static void
block_text_clear (BlockText *bt)
{
  for (guint f = 0; f < PT_DOC_N_FIELDS; f++)
    text_clear (&bt->fields[f]);
}

static gboolean
field_empty (const BlockText *bt,
             PtDocField       field)
{
  return bt->fields[field].words->len == 0;
}

/* A match of @list (not negated) in any field of the block. */
static gboolean
block_has (PtDocList        list,
           const BlockText *bt)
{
  for (guint f = 0; f < PT_DOC_N_FIELDS; f++)
    if (text_has (list, &bt->fields[f]))
      return TRUE;

  return FALSE;
}

/* ---- Code fit ---------------------------------------------------------- */

/* The fields whose words say what the block was for; the objective field is
 * left out because a balance scale or a walking test fits every code. */
static const PtDocField scored_fields[] = {
  PT_DOC_FIELD_DEFICIT, PT_DOC_FIELD_INTERVENTION, PT_DOC_FIELD_GOAL,
  PT_DOC_FIELD_RESPONSE, PT_DOC_FIELD_PLAN, PT_DOC_FIELD_RATIONALE,
};

static PtDocSuggestion *
suggest_from_text (const PtLexicon *lexicon,
                   const char      *code,
                   const BlockText *bt)
{
  PtDocSuggestion *s = g_new0 (PtDocSuggestion, 1);
  gint best = -1;

  s->own = -1;
  s->clearly = -1;

  for (guint c = 0; c < PT_DOC_N_CODES; c++)
    {
      PtDocList list = PT_DOC_FIRST_CODE_LIST + c;
      g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
      PtDocCodeScore *score = &s->scores[c];

      score->code = list_names[list];
      score->matched = g_ptr_array_new_with_free_func (g_free);
      if (g_strcmp0 (code, score->code) == 0)
        s->own = (gint) c;

      for (guint f = 0; f < G_N_ELEMENTS (scored_fields); f++)
        {
          const Text *text = &bt->fields[scored_fields[f]];

          for (guint m = 0; m < text->matches->len; m++)
            {
              const Match *match = &g_array_index (text->matches, Match, m);
              char *words;

              if (match->list != list || match->negated)
                continue;

              if (g_hash_table_add (seen, GUINT_TO_POINTER (match->phrase + 1)))
                score->score++;

              words = text_join (text, match->start, match->n);
              if (g_ptr_array_find_with_equal_func (score->matched, words, g_str_equal, NULL))
                g_free (words);
              else
                g_ptr_array_add (score->matched, words);
            }
        }
    }

  for (guint c = 0; c < PT_DOC_N_CODES; c++)
    if (s->scores[c].score > 0 &&
        (best < 0 || s->scores[c].score > s->scores[best].score ||
         (s->scores[c].score == s->scores[best].score && (gint) c == s->own)))
      best = (gint) c;

  if (best >= 0)
    {
      s->best = s->scores[best].code;
      s->best_score = s->scores[best].score;
    }

  if (s->own >= 0)
    {
      guint own_score = s->scores[s->own].score;

      for (guint c = 0; c < PT_DOC_N_CODES; c++)
        {
          guint sc = s->scores[c].score;

          if ((gint) c == s->own || sc < PT_DOC_CLEAR_MIN_SCORE || sc <= PT_DOC_CLEAR_FACTOR * own_score)
            continue;
          if (s->clearly < 0 || sc > s->scores[s->clearly].score)
            s->clearly = (gint) c;
        }
    }

  return s;
}

PtDocSuggestion *
pt_doc_suggest_code (const PtLexicon  *lexicon,
                     const PtDocBlock *block)
{
  PtDocSuggestion *s;
  BlockText bt;

  g_return_val_if_fail (lexicon != NULL && block != NULL, NULL);

  block_text_init (&bt, lexicon, block);
  s = suggest_from_text (lexicon, block->code, &bt);
  block_text_clear (&bt);

  return s;
}

void
pt_doc_suggestion_free (PtDocSuggestion *suggestion)
{
  if (suggestion == NULL)
    return;

  for (guint c = 0; c < PT_DOC_N_CODES; c++)
    g_clear_pointer (&suggestion->scores[c].matched, g_ptr_array_unref);
  g_free (suggestion);
}

/* ---- Findings ---------------------------------------------------------- */

const char *
pt_doc_severity_to_string (PtDocSeverity severity)
{
  switch (severity)
    {
    case PT_DOC_SEVERITY_ERROR:
      return "error";
    case PT_DOC_SEVERITY_WARNING:
      return "warning";
    case PT_DOC_SEVERITY_INFO:
    default:
      return "info";
    }
}

const char *
pt_doc_field_to_string (PtDocField field)
{
  static const char * const names[PT_DOC_N_FIELDS] = {
    "deficit", "intervention", "objective", "goal", "response", "plan", "rationale",
  };

  if (field < 0 || field >= PT_DOC_N_FIELDS)
    return NULL;

  return names[field];
}

void
pt_doc_finding_free (PtDocFinding *finding)
{
  if (finding == NULL)
    return;

  g_free (finding->message);
  g_free (finding->hint);
  g_free (finding);
}

gboolean
pt_doc_findings_have_error (GPtrArray *findings)
{
  for (guint i = 0; findings != NULL && i < findings->len; i++)
    if (((PtDocFinding *) g_ptr_array_index (findings, i))->severity == PT_DOC_SEVERITY_ERROR)
      return TRUE;

  return FALSE;
}

/* Takes @message and @hint. */
static void
add_finding (GPtrArray     *out,
             const char    *id,
             PtDocSeverity  severity,
             gint           block,
             const char    *code,
             PtDocField     field,
             char          *message,
             char          *hint)
{
  PtDocFinding *f = g_new0 (PtDocFinding, 1);

  f->id = id;
  f->severity = severity;
  f->block = block;
  g_strlcpy (f->code, code ? code : "", sizeof f->code);
  f->field = field;
  f->message = message;
  f->hint = hint;
  g_ptr_array_add (out, f);
}

/* What each of the four codes is for, in the words of a hint. */
static const char *
code_aim (guint index)
{
  switch (index)
    {
    case 0:
      return _("therapeutic exercise, aimed at strength, endurance, range of motion or flexibility");
    case 1:
      return _("neuromuscular reeducation, aimed at balance, coordination, proprioception, posture or motor control");
    case 2:
      return _("therapeutic activities, aimed at performing whole functional tasks");
    case 3:
    default:
      return _("gait training, aimed at the walking pattern itself");
    }
}

static char *
join_words (GPtrArray *words,
            guint      max)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < words->len && i < max; i++)
    g_string_append_printf (out, "%s“%s”", i ? ", " : "", (const char *) g_ptr_array_index (words, i));

  return g_string_free (out, FALSE);
}

static void
check_code_fit (GPtrArray        *out,
                const PtLexicon  *lexicon,
                const PtDocBlock *block,
                guint             index,
                const BlockText  *bt)
{
  g_autoptr(PtDocSuggestion) s = suggest_from_text (lexicon, block->code, bt);
  const PtDocCodeScore *other, *own;
  g_autofree char *words = NULL;
  g_autofree char *own_words = NULL;

  if (s->own < 0 || s->clearly < 0)
    return;

  other = &s->scores[s->clearly];
  own = &s->scores[s->own];
  words = join_words (other->matched, 8);
  own_words = own->score > 0 ? join_words (own->matched, 8) : g_strdup (_("none"));

  add_finding (out, "code-mismatch", PT_DOC_SEVERITY_WARNING, (gint) index, block->code,
               PT_DOC_FIELD_NONE,
               g_strdup_printf (_("The wording fits %s better than %s: words that point to %s: %s; words that point to %s: %s."),
                                other->code, own->code, other->code, words, own->code, own_words),
               g_strdup_printf (_("If the session was %s, bill %s. If it really was %s, let the goal and intervention say so."),
                                code_aim (s->clearly), other->code, code_aim (s->own)));
}

/* The checks of documentation-checks.md that read one 97112 block. */
static void
check_97112 (GPtrArray        *out,
             const PtLexicon  *lexicon,
             const PtDocInput *input,
             const PtDocBlock *block,
             guint             i,
             const BlockText  *bt,
             gboolean          has_cue)
{
  const Text *intervention = &bt->fields[PT_DOC_FIELD_INTERVENTION];

  if (!block->one_on_one)
    add_finding (out, "not-one-on-one", PT_DOC_SEVERITY_ERROR, (gint) i, block->code, PT_DOC_FIELD_NONE,
                 g_strdup (_("The block is marked as group treatment, but 97112 is billed only for one-on-one contact.")),
                 g_strdup (_("If the patient was treated in a group, report the group code 97150 instead; if the contact was one-on-one, correct the block.")));

  if (field_empty (bt, PT_DOC_FIELD_DEFICIT))
    add_finding (out, "deficit-missing", PT_DOC_SEVERITY_WARNING, (gint) i, block->code, PT_DOC_FIELD_DEFICIT,
                 g_strdup (_("The block does not say which impairment it treats.")),
                 g_strdup (_("State the neuromotor problem and what it limits, for example: delayed balance reactions with two falls this month.")));
  else
    {
      g_autofree char *word = first_match (PT_DOC_LIST_NEUROMOTOR, &bt->fields[PT_DOC_FIELD_DEFICIT]);

      if (word == NULL)
        add_finding (out, "neuro-deficit-unclear", PT_DOC_SEVERITY_WARNING, (gint) i, block->code,
                     PT_DOC_FIELD_DEFICIT,
                     g_strdup (_("The deficit does not name a neuromotor impairment such as balance, proprioception, coordination, posture, motor control, vestibular or gaze control.")),
                     g_strdup (_("Say which control system is impaired (for example poor joint-position sense or loss of midline) and tie it to the functional problem.")));
    }

  if (!has_cue)
    add_finding (out, "skilled-cues-missing", PT_DOC_SEVERITY_ERROR, (gint) i, block->code, PT_DOC_FIELD_NONE,
                 g_strdup (_("Nothing shows skilled input: no skilled component is ticked and the text mentions no cueing, facilitation or guarding.")),
                 g_strdup (_("Write what only a therapist could give: the verbal, visual or tactile cues, manual facilitation, safety guarding, or how you graded the challenge.")));

  if (field_empty (bt, PT_DOC_FIELD_INTERVENTION))
    add_finding (out, "intervention-detail-missing", PT_DOC_SEVERITY_WARNING, (gint) i, block->code,
                 PT_DOC_FIELD_INTERVENTION,
                 g_strdup (_("The block does not describe the intervention.")),
                 g_strdup (_("Name the task (for example perturbation training on foam, gaze stabilisation, PNF patterns) and how you set it up and progressed it.")));
  else if (intervention->words->len < 3)
    add_finding (out, "intervention-detail-missing", PT_DOC_SEVERITY_WARNING, (gint) i, block->code,
                 PT_DOC_FIELD_INTERVENTION,
                 g_strdup (_("The intervention is too short to show what was done.")),
                 g_strdup (_("Name the task (for example perturbation training on foam, gaze stabilisation, PNF patterns) and how you set it up and progressed it.")));

  if (field_empty (bt, PT_DOC_FIELD_OBJECTIVE) && !block_has (PT_DOC_LIST_OBJECTIVE, bt))
    add_finding (out, "objective-missing", PT_DOC_SEVERITY_INFO, (gint) i, block->code, PT_DOC_FIELD_OBJECTIVE,
                 g_strdup (_("No measure or structured observation supports the block.")),
                 g_strdup (_("Add a measure when you have one (Berg, TUG, DGI, single-leg stance time) or a counted observation such as losses of balance in five trials.")));

  if (field_empty (bt, PT_DOC_FIELD_RESPONSE))
    add_finding (out, "response-missing", PT_DOC_SEVERITY_WARNING, (gint) i, block->code, PT_DOC_FIELD_RESPONSE,
                 g_strdup (_("The block does not record how the patient responded.")),
                 g_strdup (_("Describe the quality of movement, the help the patient needed, any symptoms, and what you progressed during the session.")));

  if (field_empty (bt, PT_DOC_FIELD_PLAN))
    add_finding (out, "plan-missing", PT_DOC_SEVERITY_INFO, (gint) i, block->code, PT_DOC_FIELD_PLAN,
                 g_strdup (_("The block has no plan or progress note.")),
                 g_strdup (_("Say what you will progress next and why skilled treatment should go on.")));

  if (input->diagnosis == PT_DOC_DIAGNOSIS_MUSCULOSKELETAL || input->diagnosis == PT_DOC_DIAGNOSIS_OTHER)
    {
      const Text *rationale = &bt->fields[PT_DOC_FIELD_RATIONALE];
      g_autofree char *why = first_match (PT_DOC_LIST_NEUROMOTOR, rationale);
      g_autofree char *why2 = why ? NULL : first_match (PT_DOC_LIST_CODE_97112, rationale);

      if (why == NULL && why2 == NULL)
        add_finding (out, "non-neuro-diagnosis", PT_DOC_SEVERITY_WARNING, (gint) i, block->code,
                     PT_DOC_FIELD_RATIONALE,
                     g_strdup_printf (field_empty (bt, PT_DOC_FIELD_RATIONALE)
                                      ? _("97112 is billed for a %s diagnosis and no rationale explains the neuromuscular need.")
                                      : _("97112 is billed for a %s diagnosis and the rationale does not name the neuromuscular problem it treats."),
                                      input->diagnosis == PT_DOC_DIAGNOSIS_OTHER ? _("non-neurologic") : _("musculoskeletal")),
                     g_strdup (_("Explain why neuromotor retraining is needed, for example lasting loss of joint-position sense and giving way after an ankle sprain.")));
    }
}

static void
check_block (GPtrArray        *out,
             const PtLexicon  *lexicon,
             const PtDocInput *input,
             guint             i)
{
  const PtDocBlock *block = &input->blocks[i];
  gboolean skilled = block->skilled != NULL && block->skilled[0] != NULL;
  gboolean has_cue;
  BlockText bt;

  block_text_init (&bt, lexicon, block);
  has_cue = skilled || block_has (PT_DOC_LIST_CUES, &bt);

  if (strcmp (block->code, "97112") == 0)
    check_97112 (out, lexicon, input, block, i, &bt, has_cue);

  if (!has_cue)
    {
      g_autofree char *phrase = first_match (PT_DOC_LIST_INDEPENDENT, &bt.fields[PT_DOC_FIELD_INTERVENTION]);

      if (phrase != NULL)
        add_finding (out, "independent-exercise-wording", PT_DOC_SEVERITY_WARNING, (gint) i, block->code,
                     PT_DOC_FIELD_INTERVENTION,
                     g_strdup_printf (_("The intervention reads like exercise the patient did alone (“%s”), and no therapist cueing is recorded."),
                                      phrase),
                     g_strdup (_("If you treated the patient one-on-one, describe your skilled input and how it changed the movement; time spent exercising alone is not a skilled timed service.")));
    }

  check_code_fit (out, lexicon, block, i, &bt);
  block_text_clear (&bt);
}

/* ---- Whole-visit checks ------------------------------------------------ */

/* Whether @code is billed: units under the visit's method, or, when the
 * allocation is not known, minutes or an untimed code. */
static gboolean
code_billed (const PtDocInput    *input,
             const PtAllocResult *result,
             const char          *code)
{
  if (result != NULL)
    return pt_alloc_result_units_for (result, code) > 0;

  for (guint i = 0; i < input->n_blocks; i++)
    if (strcmp (input->blocks[i].code, code) == 0 &&
        (input->blocks[i].minutes > 0 || !input->blocks[i].timed))
      return TRUE;

  return FALSE;
}

static gboolean
words_equal (const Text *a,
             const Text *b)
{
  if (a->words->len != b->words->len)
    return FALSE;

  for (guint k = 0; k < a->words->len; k++)
    if (strcmp (text_word (a, k), text_word (b, k)) != 0)
      return FALSE;

  return TRUE;
}

static void
check_goals (GPtrArray           *out,
             const PtDocInput    *input,
             const PtAllocResult *result)
{
  g_autofree gboolean *billed = g_new0 (gboolean, input->n_blocks + 1);
  g_autofree Text *goals = g_new0 (Text, input->n_blocks + 1);
  const char *first_code = NULL;
  gboolean several = FALSE;

  for (guint i = 0; i < input->n_blocks; i++)
    {
      const PtDocBlock *b = &input->blocks[i];

      billed[i] = b->timed && code_billed (input, result, b->code);
      if (!billed[i])
        continue;
      if (first_code == NULL)
        first_code = b->code;
      else if (strcmp (first_code, b->code) != 0)
        several = TRUE;
    }

  if (!several)
    return;

  for (guint i = 0; i < input->n_blocks; i++)
    text_init (&goals[i], input->blocks[i].text[PT_DOC_FIELD_GOAL]);

  for (guint i = 0; i < input->n_blocks; i++)
    {
      const PtDocBlock *b = &input->blocks[i];

      if (!billed[i])
        continue;

      if (goals[i].words->len == 0)
        {
          add_finding (out, "goals-not-distinct", PT_DOC_SEVERITY_WARNING, (gint) i, b->code, PT_DOC_FIELD_GOAL,
                       g_strdup (_("The block has no goal while the visit bills other timed codes, so the codes can look like one service billed twice.")),
                       g_strdup (_("Give each code its own goal, for example fewer losses of balance for 97112 and a measured strength gain for 97110.")));
          continue;
        }

      for (guint j = 0; j < i; j++)
        if (billed[j] && strcmp (input->blocks[j].code, b->code) != 0 && words_equal (&goals[i], &goals[j]))
          {
            add_finding (out, "goals-not-distinct", PT_DOC_SEVERITY_WARNING, (gint) i, b->code, PT_DOC_FIELD_GOAL,
                         g_strdup_printf (_("The block has the same goal as block %u (%s); two codes with one goal look like one service billed twice."),
                                          j + 1, input->blocks[j].code),
                         g_strdup (_("Give each code its own goal, for example fewer losses of balance for 97112 and a measured strength gain for 97110.")));
            break;
          }
    }

  for (guint i = 0; i < input->n_blocks; i++)
    text_clear (&goals[i]);
}

static void
check_not_billable (GPtrArray           *out,
                    const PtAllocResult *result)
{
  for (guint c = 0; c < result->codes->len; c++)
    {
      const PtCodeUnits *cu = pt_alloc_result_get_code (result, c);

      if (!cu->timed || cu->minutes == 0 || cu->units > 0)
        continue;

      add_finding (out, "minutes-not-billable", PT_DOC_SEVERITY_INFO, (gint) cu->first_block, cu->code,
                   PT_DOC_FIELD_NONE,
                   g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "%s has %d minute but gets no unit under the %s method.",
                                                 "%s has %d minutes but gets no unit under the %s method.",
                                                 cu->minutes),
                                    cu->code, cu->minutes, pt_method_display_name (result->method)),
                   g_strdup (_("Keep the minutes in the note: they are part of the documented treatment, they are just not billed.")));
    }
}

/* The assistant reminder. @units_with_modifier is the number of the code's
 * units that carry CQ or CO once the calculator knows it, or -1 for now. */
static char *
assistant_modifier_message (PtDiscipline  discipline,
                            const char   *code,
                            gint          units_with_modifier)
{
  const char *modifier = discipline == PT_DISCIPLINE_OT ? "CO" : "CQ";
  const char *therapy = discipline == PT_DISCIPLINE_OT ? "GO" : "GP";

  if (units_with_modifier >= 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "An assistant furnished part of %s: %d unit carries %s with %s, and Medicare pays such a line at 85 %%.",
                                         "An assistant furnished part of %s: %d units carry %s with %s, and Medicare pays such a line at 85 %%.",
                                         units_with_modifier),
                            code, units_with_modifier, modifier, therapy);

  return g_strdup_printf (_("An assistant furnished part of %s: a unit in which the assistant gave more than 10 %% of the minutes carries %s with %s, and Medicare pays such a line at 85 %%."),
                          code, modifier, therapy);
}

/* The units of @code that carry CQ/CO as the calculator worked them out, or -1. */
static gint
computed_modifier_units (const PtDocInput *input,
                         const char       *code)
{
  gint idx;

  if (input->assistant == NULL || !input->assistant->applies)
    return -1;

  idx = pt_assistant_result_find_code (input->assistant, code);
  if (idx < 0)
    return -1;

  return pt_assistant_result_get_code (input->assistant, idx)->units_with_modifier;
}

static void
check_assistant (GPtrArray           *out,
                 const PtDocInput    *input,
                 const PtAllocResult *result)
{
  if (input->discipline != PT_DISCIPLINE_PT && input->discipline != PT_DISCIPLINE_OT)
    return;

  for (guint i = 0; i < input->n_blocks; i++)
    {
      const PtDocBlock *b = &input->blocks[i];
      gboolean seen = FALSE;

      if (b->provider != PT_PROVIDER_ASSISTANT || !code_billed (input, result, b->code))
        continue;

      for (guint j = 0; j < i && !seen; j++)
        seen = input->blocks[j].provider == PT_PROVIDER_ASSISTANT &&
               strcmp (input->blocks[j].code, b->code) == 0;
      if (seen)
        continue;

      add_finding (out, "assistant-modifier", PT_DOC_SEVERITY_INFO, (gint) i, b->code, PT_DOC_FIELD_NONE,
                   assistant_modifier_message (input->discipline, b->code,
                                               computed_modifier_units (input, b->code)),
                   g_strdup (_("Record the assistant’s minutes apart from yours and from the minutes you gave together; the modifier is decided unit by unit.")));
    }
}

static void
check_ties (GPtrArray           *out,
            const PtAllocResult *result)
{
  for (guint t = 0; t < result->ties->len; t++)
    {
      const PtTie *tie = &g_array_index (result->ties, PtTie, t);
      GString *codes = g_string_new (NULL);

      for (guint k = 0; k < tie->n_codes; k++)
        g_string_append_printf (codes, "%s%s", k ? ", " : "",
                                pt_alloc_result_get_code (result, tie->codes[k])->code);

      add_finding (out, "tie-choice-needed", PT_DOC_SEVERITY_INFO, -1, NULL, PT_DOC_FIELD_NONE,
                   g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "%s have the same leftover minutes (%d) and share %d unit: the clinician chooses which code carries it.",
                                                 "%s have the same leftover minutes (%d) and share %d units: the clinician chooses which codes carry them.",
                                                 tie->units),
                                    codes->str, tie->leftover, tie->units),
                   g_strdup (_("Any choice among the tied codes is correct; pick the one that best reflects the session and record it as the tie preference.")));
      g_string_free (codes, TRUE);
    }
}

static void
check_methods (GPtrArray           *out,
               const PtAllocResult *cms,
               const PtAllocResult *ama)
{
  GString *per_code;

  if (cms->total_units == ama->total_units)
    return;

  per_code = g_string_new (NULL);
  for (guint c = 0; c < ama->codes->len; c++)
    {
      const PtCodeUnits *cu = pt_alloc_result_get_code (ama, c);

      if (!cu->timed)
        continue;
      if (per_code->len > 0)
        g_string_append (per_code, ", ");
      /* Translators: one code under the per-code method: code, minutes, units */
      g_string_append_printf (per_code, _("%s %d min → %d"), cu->code, cu->minutes, cu->units);
    }

  add_finding (out, "method-difference", PT_DOC_SEVERITY_INFO, -1, NULL, PT_DOC_FIELD_NONE,
               g_strdup_printf (_("The CMS total-time method gives %d units and the AMA per-code method %d: CMS pools the %d timed minutes of all codes, AMA counts each code on its own (%s)."),
                                cms->total_units, ama->total_units, cms->total_timed_minutes, per_code->str),
               g_strdup (_("Bill with the method the payer uses: Medicare counts total time, many commercial payers count each code separately.")));
  g_string_free (per_code, TRUE);
}

/* NCCI procedure-to-procedure pairs of billing-rules.md §4.5. A side is a
 * list of codes and ranges ("97161-97163,97140"), or "PMR" for any physical
 * medicine treatment code (97010-97799 except evaluations and 97750). */
static const struct {
  const char *a;
  const char *b;
  const char *advice;   /* N_() */
  const char *how_sure; /* N_() */
} ncci_pairs[] = {
  { "97140", "97530",
    N_("Report both only for separate 15-minute blocks, with modifier 59 or XU on 97530; never for the same block."),
    N_("a CMS example on modifier 59, quoted by a secondary source; that CMS document has since been withdrawn.") },
  { "97530", "97116",
    N_("Report both only for separate time blocks, with modifier 59 or XU."),
    N_("a secondary source lists the pair among edits added in January 2020; whether it is still active was not confirmed.") },
  { "97150", "97110",
    N_("Report both only for separate sessions, with modifier 59 or XU."),
    N_("secondary sources only (a consultant’s list and a contractor rule quoted in a forum); current status not confirmed.") },
  { "97150", "97112,97116,97140,97530,97535",
    N_("Report both only for separate sessions, with modifier 59 or XU."),
    N_("weak: only a general statement quoted in a forum covers this pair.") },
  { "97161-97163", "97140",
    N_("Report both with modifier 59 or an X modifier, and document manual therapy apart from the evaluation."),
    N_("a professional association’s page says CMS has required it since 2020 (secondary source).") },
  { "PMR", "97164,97168",
    N_("Treatment on the day of a re-evaluation needs modifier 59 or XU on the re-evaluation code."),
    N_("the rule is in the NCCI policy manual (primary text); the named pairs come from secondary sources.") },
  { "97530,97150", "97161-97163,97165-97167",
    N_("This pair was a hard edit that could not be bypassed; check whether any edit applies today."),
    N_("added in January 2020 and removed after protests by the professions; the current status was not verified.") },
  { "97750", "97161-97164,97165-97168",
    N_("The same therapist does not bill a performance test with an evaluation; another specialty uses the NCCI modifier."),
    N_("the NCCI policy manual states this (primary text); the table row itself was not seen.") },
  { "97161-97163", "97164",
    N_("Only one evaluation or re-evaluation is billed per day."),
    N_("the NCCI policy manual (primary text); the edit’s modifier indicator was not found.") },
  { "97112,97140", "98940-98942",
    N_("The same spinal region is not billed twice; a different region takes modifier 59 or XS."),
    N_("the NCCI policy manual (primary text).") },
  { "97012", "97140",
    N_("Report both only for separate time with modifier 59 on 97140."),
    N_("a secondary source (a coding newsletter’s reader question).") },
  { "97113", "97110",
    N_("Report both only when done at distinct times, with modifier 59 or XU."),
    N_("a secondary source from 2010; current status not confirmed.") },
};

/* Whether @code is the @len bytes at @part, or within the range they give
 * ("97161-97163": from the first code, to the second inclusive). */
static gboolean
code_in_part (const char *code,
              const char *part,
              gsize       len)
{
  const char *dash = memchr (part, '-', len);
  const char *high;
  gsize high_len;
  int cmp;

  if (dash == NULL)
    return strncmp (code, part, len) == 0 && code[len] == '\0';

  if (strncmp (code, part, dash - part) < 0)
    return FALSE;

  /* strcmp (code, high) <= 0, with high not ending in a NUL */
  high = dash + 1;
  high_len = len - (gsize) (high - part);
  cmp = strncmp (code, high, high_len);
  return cmp < 0 || (cmp == 0 && code[high_len] == '\0');
}

/* Read in place rather than split: the visit's checks run after every
 * edit, for every pair of codes against every listed pair. */
static gboolean
code_in_side (const char *code,
              const char *side)
{
  if (strcmp (side, "PMR") == 0)
    return strcmp (code, "97010") >= 0 && strcmp (code, "97799") <= 0 &&
           !(strcmp (code, "97161") >= 0 && strcmp (code, "97172") <= 0) &&
           strcmp (code, "97750") != 0;

  for (const char *part = side; ; )
    {
      const char *comma = strchr (part, ',');
      gsize len = comma ? (gsize) (comma - part) : strlen (part);

      if (code_in_part (code, part, len))
        return TRUE;
      if (comma == NULL)
        return FALSE;
      part = comma + 1;
    }
}

static void
check_ncci (GPtrArray           *out,
            const PtDocInput    *input,
            const PtAllocResult *result)
{
  g_autoptr(GPtrArray) codes = g_ptr_array_new ();
  g_autofree gboolean *in_a = NULL;
  g_autofree gboolean *in_b = NULL;

  for (guint i = 0; i < input->n_blocks; i++)
    {
      const char *code = input->blocks[i].code;

      if (!pt_code_is_valid (code) ||
          g_ptr_array_find_with_equal_func (codes, code, g_str_equal, NULL) ||
          !code_billed (input, result, code))
        continue;
      g_ptr_array_add (codes, (gpointer) code);
    }

  /* Each code against each side once, not once for every pair of codes. */
  in_a = g_new0 (gboolean, codes->len + 1);
  in_b = g_new0 (gboolean, codes->len + 1);

  for (guint p = 0; p < G_N_ELEMENTS (ncci_pairs); p++)
    {
      for (guint x = 0; x < codes->len; x++)
        {
          in_a[x] = code_in_side (g_ptr_array_index (codes, x), ncci_pairs[p].a);
          in_b[x] = code_in_side (g_ptr_array_index (codes, x), ncci_pairs[p].b);
        }

      for (guint x = 0; x < codes->len; x++)
        for (guint y = 0; y < codes->len; y++)
          {
            const char *a = g_ptr_array_index (codes, x);
            const char *b = g_ptr_array_index (codes, y);

            if (x == y || !in_a[x] || !in_b[y])
              continue;

            add_finding (out, "ncci-pair", PT_DOC_SEVERITY_INFO, -1, NULL, PT_DOC_FIELD_NONE,
                         g_strdup_printf (_("%s and %s are billed together, a pair that NCCI edits may bundle. How sure: %s"),
                                          a, b, _(ncci_pairs[p].how_sure)),
                         g_strdup_printf (_("%s Check the current CMS procedure-to-procedure table before adding a modifier."),
                                          _(ncci_pairs[p].advice)));
          }
    }
}

static gint
compare_findings (gconstpointer a,
                  gconstpointer b)
{
  const PtDocFinding *fa = *(const PtDocFinding * const *) a;
  const PtDocFinding *fb = *(const PtDocFinding * const *) b;
  guint ka = fa->block < 0 ? G_MAXUINT : (guint) fa->block;
  guint kb = fb->block < 0 ? G_MAXUINT : (guint) fb->block;

  return ka < kb ? -1 : ka > kb;
}

/* The checks that read more than one block, or the allocation. */
static void
check_visit (GPtrArray           *out,
             const PtDocInput    *input,
             const PtAllocResult *cms_result,
             const PtAllocResult *ama_result,
             PtMethod             method)
{
  const PtAllocResult *result = method == PT_METHOD_AMA ? ama_result : cms_result;

  check_goals (out, input, result);
  if (result != NULL)
    check_not_billable (out, result);
  check_assistant (out, input, result);
  if (result != NULL)
    check_ties (out, result);
  if (cms_result != NULL && ama_result != NULL)
    check_methods (out, cms_result, ama_result);
  check_ncci (out, input, result);
}

static GPtrArray *
findings_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) pt_doc_finding_free);
}

/* Block by block, then the visit; a stable sort keeps each block's
 * findings in the order the checks ran. */
void
pt_doc_findings_sort (GPtrArray *findings)
{
  g_return_if_fail (findings != NULL);

  g_ptr_array_sort (findings, compare_findings);
}

GPtrArray *
pt_doc_check (const PtLexicon     *lexicon,
              const PtDocInput    *input,
              const PtAllocResult *cms_result,
              const PtAllocResult *ama_result,
              PtMethod             method)
{
  GPtrArray *out = findings_new ();

  g_return_val_if_fail (lexicon != NULL && input != NULL, out);
  g_return_val_if_fail (input->n_blocks == 0 || input->blocks != NULL, out);

  for (guint i = 0; i < input->n_blocks; i++)
    check_block (out, lexicon, input, i);
  check_visit (out, input, cms_result, ama_result, method);
  pt_doc_findings_sort (out);

  return out;
}

/* The findings about block @index that read that block alone, in the order
 * pt_doc_check() gives them. They depend only on what the header says a
 * block's own checks read, so a caller may keep them while that stays the
 * same (a minutes edit then re-checks no block). */
GPtrArray *
pt_doc_check_block (const PtLexicon  *lexicon,
                    const PtDocInput *input,
                    guint             index)
{
  GPtrArray *out = findings_new ();

  g_return_val_if_fail (lexicon != NULL && input != NULL, out);
  g_return_val_if_fail (index < input->n_blocks && input->blocks != NULL, out);

  check_block (out, lexicon, input, index);

  return out;
}

/* The findings that read the whole visit or its allocation (goals, minutes
 * not billed, assistant, ties, methods, NCCI pairs), in the order the checks
 * run, not sorted. With pt_doc_check_block() for every block and a
 * pt_doc_findings_sort() of the lot, the same as pt_doc_check(). */
GPtrArray *
pt_doc_check_visit (const PtLexicon     *lexicon,
                    const PtDocInput    *input,
                    const PtAllocResult *cms_result,
                    const PtAllocResult *ama_result,
                    PtMethod             method)
{
  GPtrArray *out = findings_new ();

  g_return_val_if_fail (lexicon != NULL && input != NULL, out);
  g_return_val_if_fail (input->n_blocks == 0 || input->blocks != NULL, out);

  check_visit (out, input, cms_result, ama_result, method);

  return out;
}
