/* pt-visit-assistant.c: the assistant modifiers (CQ/CO) of a visit
 *
 * Takes the visit's discipline, its date of service (before 2022: the March
 * 2021 guidance) and its blocks with their providers, and hands them with the
 * visit's allocation to the engine's calculator.
 */
#include "config.h"

#include "pt-visit-assistant.h"

/**
 * pt_visit_compute_modifiers_full:
 * @visit: the visit
 * @cms_result: the allocation of the visit's blocks as they are now
 * @test: how "more than 10 percent" is measured
 *
 * Returns: (transfer full) (nullable): the modifiers, or %NULL with @error
 *   set when the visit's date is not a date or the allocation is of other
 *   blocks
 */
PtAssistantResult *
pt_visit_compute_modifiers_full (PtVisit              *visit,
                                 const PtAllocResult  *cms_result,
                                 PtAssistantTest       test,
                                 GError              **error)
{
  g_autoptr(PtVisitInput) vi = NULL;
  PtAssistantInput input = { 0 };

  g_return_val_if_fail (PT_IS_VISIT (visit), NULL);
  g_return_val_if_fail (cms_result != NULL, NULL);

  if (!pt_assistant_policy_for_date (pt_visit_get_date (visit), &input.policy, error))
    return NULL;

  vi = pt_visit_input_new (visit, cms_result->method, PT_TIE_RULE_ENTRY_ORDER);
  input.test = test;
  input.discipline = pt_visit_get_discipline (visit);
  input.blocks = vi->input.blocks;
  input.n_blocks = vi->input.n_blocks;

  return pt_assistant_compute (&input, cms_result, error);
}

/**
 * pt_visit_compute_modifiers:
 * @visit: the visit
 * @cms_result: the allocation of the visit's blocks as they are now
 *
 * The modifiers by the percentage test. Never %NULL: when they cannot be
 * worked out, the result does not apply and its reason says why, so the
 * units panel always has something to show.
 *
 * Returns: (transfer full): the modifiers
 */
PtAssistantResult *
pt_visit_compute_modifiers (PtVisit             *visit,
                            const PtAllocResult *cms_result)
{
  g_autoptr(GError) error = NULL;
  PtAssistantResult *result;

  g_return_val_if_fail (PT_IS_VISIT (visit), NULL);
  g_return_val_if_fail (cms_result != NULL, NULL);

  result = pt_visit_compute_modifiers_full (visit, cms_result, PT_ASSISTANT_TEST_PERCENTAGE, &error);
  if (result == NULL)
    result = pt_assistant_result_new_reason (pt_visit_get_discipline (visit), error->message);

  return result;
}

/* Whether any block was furnished by the assistant, alone or together: the
 * units panel shows the modifiers only then. */
gboolean
pt_visit_has_assistant_minutes (PtVisit *visit)
{
  g_return_val_if_fail (PT_IS_VISIT (visit), FALSE);

  for (guint i = 0; i < pt_visit_get_n_blocks (visit); i++)
    if (pt_block_get_provider (pt_visit_get_block (visit, i)) != PT_PROVIDER_THERAPIST)
      return TRUE;

  return FALSE;
}
