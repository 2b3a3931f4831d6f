/* pt-model-types.c: the format's names for enum values, and their labels */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pt-model-types.h"

const char * const pt_provider_names[] = { "therapist", "assistant", "together", NULL };
const char * const pt_discipline_names[] = { "PT", "OT", "SLP", NULL };
const char * const pt_diagnosis_names[] = { "", "neurologic", "vestibular", "musculoskeletal", "other", NULL };
const char * const pt_method_names[] = { "cms", "ama", NULL };
const char * const pt_block_field_names[] = {
  "deficit", "intervention", "objective", "goal", "response", "plan", "rationale", NULL
};
const char * const pt_skilled_ids[] = {
  "verbal-cues", "visual-cues", "tactile-cues", "manual-facilitation",
  "safety-guarding", "graded-progression", "perturbation", "feedback", NULL
};

const char *
pt_block_field_label (PtBlockField field)
{
  switch (field)
    {
    case PT_BLOCK_DEFICIT:
      return _("Deficit");
    case PT_BLOCK_INTERVENTION:
      return _("Intervention");
    case PT_BLOCK_OBJECTIVE:
      return _("Objective measure");
    case PT_BLOCK_GOAL:
      return _("Goal");
    case PT_BLOCK_RESPONSE:
      return _("Patient response");
    case PT_BLOCK_PLAN:
      return _("Plan");
    case PT_BLOCK_RATIONALE:
      return _("Rationale");
    case PT_BLOCK_N_TEXT_FIELDS:
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
pt_skilled_label (const char *id)
{
  static const struct { const char *id; const char *label; } labels[] = {
    { "verbal-cues", N_("Verbal cues") },
    { "visual-cues", N_("Visual cues") },
    { "tactile-cues", N_("Tactile cues") },
    { "manual-facilitation", N_("Manual facilitation") },
    { "safety-guarding", N_("Safety guarding") },
    { "graded-progression", N_("Graded progression") },
    { "perturbation", N_("Perturbation") },
    { "feedback", N_("Feedback") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (labels[i].id, id) == 0)
      return _(labels[i].label);

  return id;
}

const char *
pt_provider_label (PtProvider provider)
{
  switch (provider)
    {
    case PT_PROVIDER_ASSISTANT:
      return _("Assistant");
    case PT_PROVIDER_TOGETHER:
      return _("Together");
    case PT_PROVIDER_THERAPIST:
    default:
      return _("Therapist");
    }
}

const char *
pt_diagnosis_label (PtDiagnosisCategory category)
{
  switch (category)
    {
    case PT_DIAGNOSIS_NEUROLOGIC:
      return _("Neurologic");
    case PT_DIAGNOSIS_VESTIBULAR:
      return _("Vestibular");
    case PT_DIAGNOSIS_MUSCULOSKELETAL:
      return _("Musculoskeletal");
    case PT_DIAGNOSIS_OTHER:
      return _("Other");
    case PT_DIAGNOSIS_UNSET:
    default:
      return _("Not set");
    }
}
