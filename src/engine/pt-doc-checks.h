/* pt-doc-checks.h: documentation checks that read a visit's notes the way an auditor would
 *
 * GLib only, no I/O: the word lists come in as a PtLexicon that the model
 * builds from data/checks/wordlists.json.
 *
 * Matching: a note is cut into words (letters and digits; an apostrophe inside
 * a word belongs to it), compared case-insensitively. A listed phrase matches
 * whole words in a row within one clause (a full stop, comma, semicolon, colon,
 * question or exclamation mark, bracket or line break ends a clause). A listed
 * word ending in '*' matches any word that starts with it. At each position the
 * longest phrase of the list wins. In a negatable list a negation word among
 * the three words before the match, in the same clause, cancels it.
 *
 * Code fit: pt_doc_suggest_code() scores 97110, 97112, 97530 and 97116 by the
 * number of different listed phrases of each code found (not cancelled) in
 * the block's deficit, intervention, goal, response, plan and rationale (the
 * objective field is left out: a measure fits every code). Another code
 * "clearly" beats the block's own code when it has at least
 * PT_DOC_CLEAR_MIN_SCORE phrases and more than PT_DOC_CLEAR_FACTOR times the
 * own code's score (0 against 2, 1 against 3, 2 against 5...). That is when
 * code-mismatch fires.
 *
 * Other choices: a field with no word in it is empty; an intervention of
 * fewer than three words lacks detail; a cue, facilitation or guarding word
 * anywhere in the block, or any ticked skilled id, is skilled input;
 * independent-exercise wording is looked for in the intervention only (a goal
 * or response may rightly speak of independence); a rationale explains the
 * neuromuscular need when it has a neuromotor or 97112 word; goals are the
 * same when their words are; "billed" means units under the visit's method
 * (minutes or an untimed code when no allocation is given). Findings come
 * block by block, then those of the whole visit.
 *
 * A block's own checks (pt_doc_check_block()) read only its code, its
 * one-on-one flag, its skilled ids and its text fields, and the visit's
 * diagnosis: not its minutes, timed flag or provider, nor any other block.
 * Everything else is in pt_doc_check_visit().
 */
#pragma once

#include <glib.h>

#include "pt-allocation.h"
#include "pt-assistant.h"
#include "pt-engine-types.h"

G_BEGIN_DECLS

#define PT_DOC_ERROR (pt_doc_error_quark ())

typedef enum {
  PT_DOC_ERROR_PHRASE, /* a listed phrase cannot be used (empty, too long, bad star) */
  PT_DOC_ERROR_EMPTY,  /* a list the checks need has no entry */
} PtDocError;

/* The word lists of a lexicon. The four code lists are in PT_DOC_CODES order. */
typedef enum {
  PT_DOC_LIST_CUES,
  PT_DOC_LIST_NEUROMOTOR,
  PT_DOC_LIST_OBJECTIVE,
  PT_DOC_LIST_INDEPENDENT,
  PT_DOC_LIST_NEGATION,
  PT_DOC_LIST_CODE_97110,
  PT_DOC_LIST_CODE_97112,
  PT_DOC_LIST_CODE_97530,
  PT_DOC_LIST_CODE_97116,
  PT_DOC_N_LISTS,
} PtDocList;

#define PT_DOC_N_CODES 4
#define PT_DOC_FIRST_CODE_LIST PT_DOC_LIST_CODE_97110
/* A listed phrase has at most this many words. */
#define PT_DOC_MAX_PHRASE_WORDS 6
#define PT_DOC_CLEAR_MIN_SCORE 2
#define PT_DOC_CLEAR_FACTOR 2

/* The diagnosis categories of the visit format, in the same order. */
typedef enum {
  PT_DOC_DIAGNOSIS_UNSET,
  PT_DOC_DIAGNOSIS_NEUROLOGIC,
  PT_DOC_DIAGNOSIS_VESTIBULAR,
  PT_DOC_DIAGNOSIS_MUSCULOSKELETAL,
  PT_DOC_DIAGNOSIS_OTHER,
} PtDocDiagnosis;

/* The text fields of a block, in the order of the visit format. */
typedef enum {
  PT_DOC_FIELD_NONE = -1,
  PT_DOC_FIELD_DEFICIT,
  PT_DOC_FIELD_INTERVENTION,
  PT_DOC_FIELD_OBJECTIVE,
  PT_DOC_FIELD_GOAL,
  PT_DOC_FIELD_RESPONSE,
  PT_DOC_FIELD_PLAN,
  PT_DOC_FIELD_RATIONALE,
  PT_DOC_N_FIELDS,
} PtDocField;

typedef enum {
  PT_DOC_SEVERITY_ERROR,
  PT_DOC_SEVERITY_WARNING,
  PT_DOC_SEVERITY_INFO,
} PtDocSeverity;

typedef struct _PtLexicon PtLexicon;

/* One block's documentation. Strings may be NULL (empty). */
typedef struct {
  char                code[PT_CODE_BUF];
  gint                minutes;
  gboolean            timed;
  PtProvider          provider;
  gboolean            one_on_one;
  const char * const *skilled;             /* NULL-terminated skilled ids, may be NULL */
  const char         *text[PT_DOC_N_FIELDS];
} PtDocBlock;

typedef struct {
  PtDiscipline              discipline;
  PtDocDiagnosis            diagnosis;
  const PtDocBlock         *blocks;
  guint                     n_blocks;
  const PtAssistantResult  *assistant; /* CQ/CO worked out for the visit, or NULL */
} PtDocInput;

typedef struct {
  const char    *id;       /* a stable id of documentation-checks.md, static */
  PtDocSeverity  severity;
  gint           block;    /* index into the input's blocks, -1 for the whole visit */
  char           code[PT_CODE_BUF]; /* the code concerned, "" for none */
  PtDocField     field;    /* the text field concerned, or PT_DOC_FIELD_NONE */
  char          *message;  /* what is missing or wrong, one sentence */
  char          *hint;     /* what to write or do */
} PtDocFinding;

/* How well a block's wording fits one of the four codes. */
typedef struct {
  const char *code;        /* "97110" ..., static */
  guint       score;       /* different listed phrases found */
  GPtrArray  *matched;     /* char *: the note's words that matched, lower case, once each */
} PtDocCodeScore;

typedef struct {
  const char     *best;       /* best fit (the block's own code wins a tie), NULL if no word matched */
  guint           best_score;
  gint            own;        /* index of the block's code in scores, -1 if not one of the four */
  gint            clearly;    /* index of a code that clearly beats the block's own, -1 if none */
  PtDocCodeScore  scores[PT_DOC_N_CODES];
} PtDocSuggestion;

GQuark           pt_doc_error_quark         (void);

PtLexicon       *pt_lexicon_new             (void);
void             pt_lexicon_free            (PtLexicon          *lexicon);
gboolean         pt_lexicon_add             (PtLexicon          *lexicon,
                                             PtDocList           list,
                                             const char         *phrase,
                                             GError            **error);
void             pt_lexicon_set_negatable   (PtLexicon          *lexicon,
                                             PtDocList           list,
                                             gboolean            negatable);
gboolean         pt_lexicon_get_negatable   (const PtLexicon    *lexicon,
                                             PtDocList           list);
guint            pt_lexicon_get_n_phrases   (const PtLexicon    *lexicon,
                                             PtDocList           list);
const char      *pt_lexicon_get_phrase      (const PtLexicon    *lexicon,
                                             PtDocList           list,
                                             guint               index);
gboolean         pt_lexicon_check_complete  (const PtLexicon    *lexicon,
                                             GError            **error);

const char      *pt_doc_list_name           (PtDocList           list);
const char      *pt_doc_code_name           (guint               index);
const char      *pt_doc_severity_to_string  (PtDocSeverity       severity);
const char      *pt_doc_field_to_string     (PtDocField          field);

GPtrArray       *pt_doc_match_text          (const PtLexicon    *lexicon,
                                             PtDocList           list,
                                             const char         *text);

PtDocSuggestion *pt_doc_suggest_code        (const PtLexicon    *lexicon,
                                             const PtDocBlock   *block);
void             pt_doc_suggestion_free     (PtDocSuggestion    *suggestion);

GPtrArray       *pt_doc_check               (const PtLexicon    *lexicon,
                                             const PtDocInput   *input,
                                             const PtAllocResult *cms_result,
                                             const PtAllocResult *ama_result,
                                             PtMethod            method);
GPtrArray       *pt_doc_check_block         (const PtLexicon    *lexicon,
                                             const PtDocInput   *input,
                                             guint               index);
GPtrArray       *pt_doc_check_visit         (const PtLexicon    *lexicon,
                                             const PtDocInput   *input,
                                             const PtAllocResult *cms_result,
                                             const PtAllocResult *ama_result,
                                             PtMethod            method);
void             pt_doc_findings_sort       (GPtrArray          *findings);
void             pt_doc_finding_free        (PtDocFinding       *finding);
gboolean         pt_doc_findings_have_error (GPtrArray          *findings);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PtLexicon, pt_lexicon_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PtDocSuggestion, pt_doc_suggestion_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PtDocFinding, pt_doc_finding_free)

G_END_DECLS
