/* pt-visit-check.c: glue from the visit model to the documentation checks
 *
 * Builds the engine's plain input from a PtVisit (strings borrowed from its
 * blocks), allocates the visit under both methods and runs the checks with
 * the built-in word lists.
 */
#include "config.h"

#include <string.h>

#include "pt-doc-lexicon.h"
#include "pt-visit-check.h"
#include "pt-visit-assistant.h"

static PtDocDiagnosis
doc_diagnosis (PtDiagnosisCategory category)
{
  switch (category)
    {
    case PT_DIAGNOSIS_NEUROLOGIC:
      return PT_DOC_DIAGNOSIS_NEUROLOGIC;
    case PT_DIAGNOSIS_VESTIBULAR:
      return PT_DOC_DIAGNOSIS_VESTIBULAR;
    case PT_DIAGNOSIS_MUSCULOSKELETAL:
      return PT_DOC_DIAGNOSIS_MUSCULOSKELETAL;
    case PT_DIAGNOSIS_OTHER:
      return PT_DOC_DIAGNOSIS_OTHER;
    case PT_DIAGNOSIS_UNSET:
    default:
      return PT_DOC_DIAGNOSIS_UNSET;
    }
}

static const PtBlockField doc_fields[PT_DOC_N_FIELDS] = {
  [PT_DOC_FIELD_DEFICIT] = PT_BLOCK_DEFICIT,
  [PT_DOC_FIELD_INTERVENTION] = PT_BLOCK_INTERVENTION,
  [PT_DOC_FIELD_OBJECTIVE] = PT_BLOCK_OBJECTIVE,
  [PT_DOC_FIELD_GOAL] = PT_BLOCK_GOAL,
  [PT_DOC_FIELD_RESPONSE] = PT_BLOCK_RESPONSE,
  [PT_DOC_FIELD_PLAN] = PT_BLOCK_PLAN,
  [PT_DOC_FIELD_RATIONALE] = PT_BLOCK_RATIONALE,
};

/* Fills @doc from @block; the strings stay owned by @block. */
static void
doc_block_init (PtDocBlock *doc,
                PtBlock    *block)
{
  memset (doc, 0, sizeof *doc);
  g_strlcpy (doc->code, pt_block_get_code (block), sizeof doc->code);
  doc->minutes = pt_block_get_minutes (block);
  doc->timed = pt_block_get_timed (block);
  doc->provider = pt_block_get_provider (block);
  doc->one_on_one = pt_block_get_one_on_one (block);
  doc->skilled = pt_block_get_skilled (block);
  for (guint f = 0; f < PT_DOC_N_FIELDS; f++)
    doc->text[f] = pt_block_get_text (block, doc_fields[f]);
}

void
pt_visit_check_free (PtVisitCheck *check)
{
  if (check == NULL)
    return;

  if (!check->borrowed)
    {
      g_clear_pointer (&check->cms, pt_alloc_result_free);
      g_clear_pointer (&check->ama, pt_alloc_result_free);
    }
  /* With parts, the findings array only points into them: free it first. */
  g_clear_pointer (&check->findings, g_ptr_array_unref);
  g_clear_pointer (&check->parts, g_ptr_array_unref);
  g_free (check);
}

/* The allocation under the visit's own method. */
const PtAllocResult *
pt_visit_check_get_result (const PtVisitCheck *check)
{
  g_return_val_if_fail (check != NULL, NULL);

  return check->method == PT_METHOD_AMA ? check->ama : check->cms;
}

PtVisitCheck *
pt_visit_check_run (PtVisit    *visit,
                    PtTieRule   tie_rule,
                    GError    **error)
{
  g_autoptr(PtVisitCheck) check = g_new0 (PtVisitCheck, 1);
  g_autoptr(PtVisitInput) cms_input = NULL;
  g_autoptr(PtVisitInput) ama_input = NULL;
  g_autofree PtDocBlock *blocks = NULL;
  g_autoptr(PtAssistantResult) assistant = NULL;
  const PtLexicon *lexicon;
  PtDocInput input = { 0 };
  guint n;

  g_return_val_if_fail (PT_IS_VISIT (visit), NULL);

  if (!(lexicon = pt_doc_lexicon_get_default (error)))
    return NULL;

  check->method = pt_visit_get_method (visit);
  cms_input = pt_visit_input_new (visit, PT_METHOD_CMS, tie_rule);
  ama_input = pt_visit_input_new (visit, PT_METHOD_AMA, tie_rule);
  if (!(check->cms = pt_allocate (&cms_input->input, error)) ||
      !(check->ama = pt_allocate (&ama_input->input, error)))
    return NULL;

  n = pt_visit_get_n_blocks (visit);
  blocks = g_new0 (PtDocBlock, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    doc_block_init (&blocks[i], pt_visit_get_block (visit, i));

  input.discipline = pt_visit_get_discipline (visit);
  input.diagnosis = doc_diagnosis (pt_visit_get_diagnosis_category (visit));
  input.blocks = blocks;
  input.n_blocks = n;
  if (pt_visit_has_assistant_minutes (visit))
    {
      assistant = pt_visit_compute_modifiers (visit, check->cms);
      input.assistant = assistant;
    }

  check->findings = pt_doc_check (lexicon, &input, check->cms, check->ama, check->method);

  return g_steal_pointer (&check);
}

/* ---- Keeping each block's findings ------------------------------------ */

/* One block as its own checks saw it (see pt-doc-checks.h: code, one-on-one,
 * skilled ids, text fields, and the visit's diagnosis), and what they found. */
typedef struct {
  char           code[PT_CODE_BUF];
  gboolean       one_on_one;
  PtDocDiagnosis diagnosis;
  char         **skilled;
  char          *text[PT_DOC_N_FIELDS];
  GPtrArray     *findings;
} CacheEntry;

struct _PtVisitCheckCache
{
  GPtrArray *entries; /* CacheEntry, by block position */
  guint      misses;  /* blocks checked anew, over the cache's life */
};

static void
cache_entry_free (gpointer data)
{
  CacheEntry *entry = data;

  g_strfreev (entry->skilled);
  for (guint f = 0; f < PT_DOC_N_FIELDS; f++)
    g_free (entry->text[f]);
  g_clear_pointer (&entry->findings, g_ptr_array_unref);
  g_free (entry);
}

PtVisitCheckCache *
pt_visit_check_cache_new (void)
{
  PtVisitCheckCache *cache = g_new0 (PtVisitCheckCache, 1);

  cache->entries = g_ptr_array_new_with_free_func (cache_entry_free);
  return cache;
}

void
pt_visit_check_cache_free (PtVisitCheckCache *cache)
{
  if (cache == NULL)
    return;

  g_ptr_array_unref (cache->entries);
  g_free (cache);
}

/* Forgets every block (another visit was opened). */
void
pt_visit_check_cache_clear (PtVisitCheckCache *cache)
{
  g_return_if_fail (cache != NULL);

  g_ptr_array_set_size (cache->entries, 0);
}

/* How many blocks were checked anew rather than taken from the cache. */
guint
pt_visit_check_cache_get_misses (PtVisitCheckCache *cache)
{
  g_return_val_if_fail (cache != NULL, 0);

  return cache->misses;
}

static gboolean
strv_equal0 (const char * const *a,
             const char * const *b)
{
  if (a == NULL || b == NULL)
    return (a == NULL || a[0] == NULL) && (b == NULL || b[0] == NULL);

  return g_strv_equal (a, b);
}

/* Whether @entry was made from a block that reads like @doc for its checks. */
static gboolean
cache_entry_matches (const CacheEntry *entry,
                     const PtDocBlock *doc,
                     PtDocDiagnosis    diagnosis)
{
  if (entry->diagnosis != diagnosis || entry->one_on_one != doc->one_on_one ||
      strcmp (entry->code, doc->code) != 0 || !strv_equal0 ((const char * const *) entry->skilled, doc->skilled))
    return FALSE;

  for (guint f = 0; f < PT_DOC_N_FIELDS; f++)
    if (g_strcmp0 (entry->text[f], doc->text[f]) != 0)
      return FALSE;

  return TRUE;
}

static CacheEntry *
cache_entry_new (const PtDocBlock *doc,
                 PtDocDiagnosis    diagnosis,
                 GPtrArray        *findings)
{
  CacheEntry *entry = g_new0 (CacheEntry, 1);

  g_strlcpy (entry->code, doc->code, sizeof entry->code);
  entry->one_on_one = doc->one_on_one;
  entry->diagnosis = diagnosis;
  entry->skilled = g_strdupv ((char **) doc->skilled);
  for (guint f = 0; f < PT_DOC_N_FIELDS; f++)
    entry->text[f] = g_strdup (doc->text[f]);
  entry->findings = findings;

  return entry;
}

/* The findings of block @i of @input: the cache's when the block reads as
 * it did at that position, else checked anew and kept. A finding names its
 * block by position, so a block that moved is checked again. */
static GPtrArray *
cached_block_findings (PtVisitCheckCache *cache,
                       const PtLexicon   *lexicon,
                       const PtDocInput  *input,
                       guint              i)
{
  const PtDocBlock *doc = &input->blocks[i];
  CacheEntry *entry = i < cache->entries->len ? g_ptr_array_index (cache->entries, i) : NULL;

  if (entry == NULL || !cache_entry_matches (entry, doc, input->diagnosis))
    {
      entry = cache_entry_new (doc, input->diagnosis, pt_doc_check_block (lexicon, input, i));
      cache->misses++;
      if (i < cache->entries->len)
        {
          cache_entry_free (g_ptr_array_index (cache->entries, i));
          g_ptr_array_index (cache->entries, i) = entry;
        }
      else
        g_ptr_array_add (cache->entries, entry);
    }

  return entry->findings;
}

/* Like pt_visit_check_run(), with the visit's allocation under both methods
 * given (the workspace's live results, made with the same tie rule; they
 * must outlive the check) and the findings of every block that did not
 * change since the last run taken from @cache: a minutes edit re-runs only
 * the checks of the whole visit. The findings are the same, in the same
 * order, as pt_visit_check_run() gives. */
PtVisitCheck *
pt_visit_check_run_cached (PtVisit              *visit,
                           const PtAllocResult  *cms,
                           const PtAllocResult  *ama,
                           PtVisitCheckCache    *cache,
                           GError              **error)
{
  g_autoptr(PtVisitCheck) check = g_new0 (PtVisitCheck, 1);
  g_autofree PtDocBlock *blocks = NULL;
  g_autoptr(PtAssistantResult) assistant = NULL;
  GPtrArray *visit_findings;
  const PtLexicon *lexicon;
  PtDocInput input = { 0 };
  guint n;

  g_return_val_if_fail (PT_IS_VISIT (visit), NULL);
  g_return_val_if_fail (cms != NULL && ama != NULL && cache != NULL, NULL);

  if (!(lexicon = pt_doc_lexicon_get_default (error)))
    return NULL;

  check->borrowed = TRUE;
  check->method = pt_visit_get_method (visit);
  check->cms = (PtAllocResult *) cms;
  check->ama = (PtAllocResult *) ama;

  n = pt_visit_get_n_blocks (visit);
  blocks = g_new0 (PtDocBlock, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    doc_block_init (&blocks[i], pt_visit_get_block (visit, i));

  input.discipline = pt_visit_get_discipline (visit);
  input.diagnosis = doc_diagnosis (pt_visit_get_diagnosis_category (visit));
  input.blocks = blocks;
  input.n_blocks = n;
  if (pt_visit_has_assistant_minutes (visit))
    {
      assistant = pt_visit_compute_modifiers (visit, check->cms);
      input.assistant = assistant;
    }

  check->parts = g_ptr_array_new_full (n + 1, (GDestroyNotify) g_ptr_array_unref);
  check->findings = g_ptr_array_new ();
  for (guint i = 0; i < n; i++)
    {
      GPtrArray *mine = cached_block_findings (cache, lexicon, &input, i);

      g_ptr_array_add (check->parts, g_ptr_array_ref (mine));
      g_ptr_array_extend (check->findings, mine, NULL, NULL);
    }
  /* Blocks removed from the end of the visit. */
  if (cache->entries->len > n)
    g_ptr_array_set_size (cache->entries, n);

  visit_findings = pt_doc_check_visit (lexicon, &input, check->cms, check->ama, check->method);
  g_ptr_array_add (check->parts, visit_findings);
  g_ptr_array_extend (check->findings, visit_findings, NULL, NULL);
  pt_doc_findings_sort (check->findings);

  return g_steal_pointer (&check);
}

GPtrArray *
pt_visit_check (PtVisit  *visit,
                GError  **error)
{
  g_autoptr(PtVisitCheck) check = pt_visit_check_run (visit, PT_TIE_RULE_ENTRY_ORDER, error);

  if (check == NULL)
    return NULL;

  return g_steal_pointer (&check->findings);
}

/* How well one block's wording fits each of the four codes (the comparison pane). */
PtDocSuggestion *
pt_visit_check_suggest_code (PtBlock  *block,
                             GError  **error)
{
  const PtLexicon *lexicon;
  PtDocBlock doc;

  g_return_val_if_fail (PT_IS_BLOCK (block), NULL);

  if (!(lexicon = pt_doc_lexicon_get_default (error)))
    return NULL;

  doc_block_init (&doc, block);
  return pt_doc_suggest_code (lexicon, &doc);
}
