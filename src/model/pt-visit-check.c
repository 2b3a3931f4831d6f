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

  g_clear_pointer (&check->cms, pt_alloc_result_free);
  g_clear_pointer (&check->ama, pt_alloc_result_free);
  g_clear_pointer (&check->findings, g_ptr_array_unref);
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
