/* test-doc-checks.c: the documentation checks: matching, code fit, every finding, scenarios A-D, word lists */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "pt-doc-checks.h"
#include "pt-doc-lexicon.h"
#include "pt-format-error.h"
#include "pt-visit-check.h"
#include "pt-visit-io.h"
#include "pt-test-utils.h"

static const PtLexicon *
default_lexicon (void)
{
  g_autoptr(GError) error = NULL;
  const PtLexicon *lexicon = pt_doc_lexicon_get_default (&error);

  g_assert_no_error (error);
  g_assert_nonnull (lexicon);
  return lexicon;
}

/* ---- Matching with the shipped word lists ------------------------------ */

typedef struct {
  PtDocList   list;
  const char *text;
  const char *expected; /* matches joined by "|", "" for none */
} MatchCase;

static const MatchCase match_cases[] = {
  /* whole words, any case, stems */
  { PT_DOC_LIST_CUES, "Verbal CUES for step timing", "cues" },
  { PT_DOC_LIST_CUES, "Facilitated weight shift at the pelvis", "facilitated" },
  { PT_DOC_LIST_CUES, "rescue breathing, barbecue", "" },
  { PT_DOC_LIST_CUES, "cuing to lift the toes", "cuing" },
  /* negation within three words, in the same clause */
  { PT_DOC_LIST_CUES, "no cues needed", "" },
  { PT_DOC_LIST_CUES, "performed without cueing", "" },
  { PT_DOC_LIST_CUES, "without any verbal cueing", "" },
  { PT_DOC_LIST_CUES, "without cues or guarding", "" },
  { PT_DOC_LIST_CUES, "not given any further tactile cues", "cues" },
  { PT_DOC_LIST_CUES, "No dizziness. Tactile cues at the knee", "cues" },
  { PT_DOC_LIST_CUES, "No dizziness, tactile cues at the knee", "cues" },
  { PT_DOC_LIST_CUES, "didn't need cues", "" },
  { PT_DOC_LIST_CUES, "didn’t need cues", "" },
  /* phrases: hyphens and spaces alike, never across a clause break */
  { PT_DOC_LIST_OBJECTIVE, "Single-leg stance 6 s", "single leg stance" },
  { PT_DOC_LIST_OBJECTIVE, "single leg, stance", "" },
  { PT_DOC_LIST_OBJECTIVE, "Mini-BESTest 17/28 and TUG 14 s", "mini bestest|tug" },
  { PT_DOC_LIST_OBJECTIVE, "no Berg today", "" },
  /* the longest phrase wins at a position */
  { PT_DOC_LIST_CODE_97116, "gait training with a cane", "gait training|cane" },
  { PT_DOC_LIST_CODE_97110, "3 sets of quad sets", "sets|quad sets" },
  /* deficits are written as absences: neuromotor words are not negated */
  { PT_DOC_LIST_NEUROMOTOR, "no righting reactions, cannot keep balance", "righting|balance" },
  { PT_DOC_LIST_INDEPENDENT, "Patient performed balance board x 10 min", "patient performed" },
  { PT_DOC_LIST_INDEPENDENT, "cannot yet stand independently", "" },
  { PT_DOC_LIST_INDEPENDENT, "HEP reviewed; exercises on own", "hep|on own" },
  { PT_DOC_LIST_CUES, "", "" },
  { PT_DOC_LIST_CUES, NULL, "" },
};

static void
test_match (gconstpointer data)
{
  const MatchCase *c = data;
  g_autoptr(GPtrArray) matches = pt_doc_match_text (default_lexicon (), c->list, c->text);
  g_autoptr(GString) joined = g_string_new (NULL);

  for (guint i = 0; i < matches->len; i++)
    g_string_append_printf (joined, "%s%s", i ? "|" : "", (const char *) g_ptr_array_index (matches, i));

  g_assert_cmpstr (joined->str, ==, c->expected);
}

/* ---- Code fit thresholds, on a small lexicon of made-up words ---------- */

static PtLexicon *
tiny_lexicon (void)
{
  static const struct { PtDocList list; const char *words; } entries[] = {
    { PT_DOC_LIST_CUES, "cue*" },
    { PT_DOC_LIST_NEUROMOTOR, "balance" },
    { PT_DOC_LIST_OBJECTIVE, "berg" },
    { PT_DOC_LIST_INDEPENDENT, "on own" },
    { PT_DOC_LIST_NEGATION, "no" },
    { PT_DOC_LIST_CODE_97110, "aaa|bbb|ccc|ddd|eee|fff ggg" },
    { PT_DOC_LIST_CODE_97112, "kkk|lll|mmm" },
    { PT_DOC_LIST_CODE_97530, "ppp" },
    { PT_DOC_LIST_CODE_97116, "ttt" },
  };
  g_autoptr(PtLexicon) lexicon = pt_lexicon_new ();
  g_autoptr(GError) error = NULL;

  for (guint e = 0; e < G_N_ELEMENTS (entries); e++)
    {
      g_auto(GStrv) words = g_strsplit (entries[e].words, "|", -1);

      for (guint w = 0; words[w]; w++)
        {
          pt_lexicon_add (lexicon, entries[e].list, words[w], &error);
          g_assert_no_error (error);
        }
    }

  pt_lexicon_check_complete (lexicon, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&lexicon);
}

typedef struct {
  const char *code;
  const char *intervention;
  const char *goal;
  const char *best;    /* NULL: nothing matched */
  const char *clearly; /* NULL: no code clearly beats the block's own */
  guint       score_97110;
} FitCase;

static const FitCase fit_cases[] = {
  { "97112", "kkk aaa", NULL, "97112", NULL, 1 },
  { "97112", "kkk aaa bbb", NULL, "97110", NULL, 2 },          /* 2 is not more than 2 x 1 */
  { "97112", "kkk aaa bbb ccc", NULL, "97110", "97110", 3 },   /* 3 > 2 x 1 */
  { "97112", "aaa", NULL, "97110", NULL, 1 },                  /* one word is not clear */
  { "97112", "aaa bbb", NULL, "97110", "97110", 2 },
  { "97112", "aaa aaa aaa", NULL, "97110", NULL, 1 },          /* a word counts once */
  { "97112", "kkk lll aaa bbb ccc ddd", NULL, "97110", NULL, 4 },
  { "97112", "kkk lll aaa bbb ccc ddd eee", NULL, "97110", "97110", 5 },
  { "97112", "no aaa, no bbb", NULL, NULL, NULL, 0 },          /* negated */
  { "97112", "aaa", "bbb", "97110", "97110", 2 },              /* the goal counts too */
  { "97112", "fff ggg and fff", NULL, "97110", NULL, 1 },
  { "97112", "kkk ppp", NULL, "97112", NULL, 0 },              /* the own code wins a tie */
  { "97110", "ppp ttt", NULL, "97530", NULL, 0 },
  { "97110", "ttt ttt ppp ppp aaa", NULL, "97110", NULL, 1 },  /* 1 each: the own code wins */
  { "97140", "aaa bbb ccc", NULL, "97110", NULL, 3 },          /* not one of the four: no mismatch */
  { "97116", "", NULL, NULL, NULL, 0 },
};

static void
test_fit (gconstpointer data)
{
  const FitCase *c = data;
  g_autoptr(PtLexicon) lexicon = tiny_lexicon ();
  g_autoptr(PtDocSuggestion) s = NULL;
  PtDocBlock block = { 0 };

  g_strlcpy (block.code, c->code, sizeof block.code);
  block.text[PT_DOC_FIELD_INTERVENTION] = c->intervention;
  block.text[PT_DOC_FIELD_GOAL] = c->goal;
  /* the objective field is not scored */
  block.text[PT_DOC_FIELD_OBJECTIVE] = "aaa bbb ccc ddd eee ppp ttt";

  s = pt_doc_suggest_code (lexicon, &block);
  g_assert_cmpstr (s->best, ==, c->best);
  g_assert_cmpstr (s->clearly >= 0 ? s->scores[s->clearly].code : NULL, ==, c->clearly);
  g_assert_cmpstr (s->scores[0].code, ==, "97110");
  g_assert_cmpuint (s->scores[0].score, ==, c->score_97110);
  /* no stems in these code lists: one distinct text per phrase */
  g_assert_cmpuint (s->scores[0].matched->len, ==, s->scores[0].score);
}

/* ---- Every finding, raised and not raised ------------------------------ */

typedef struct {
  const char *code;         /* NULL ends the list */
  gint        minutes;
  PtProvider  provider;
  gboolean    group;
  const char *skilled;      /* comma list; NULL: the default good list; "": none */
  const char *text[PT_DOC_N_FIELDS]; /* NULL: the default good 97112 text; "": empty */
} BlockSpec;

typedef struct {
  const char          *name;
  const char          *id;
  gboolean             raised;
  gint                 block;    /* where it is expected (when raised) */
  const char          *contains; /* text the message must hold, or NULL */
  PtDiagnosisCategory  diagnosis; /* 0 (unset) means neurologic here */
  PtDiscipline         discipline;
  PtMethod             method;
  BlockSpec            blocks[4];
} FindingCase;

/* A defensible 97112 block, in the case's own words. */
static const char * const good_text[PT_DOC_N_FIELDS] = {
  "Delayed balance reactions and poor midline control; two falls",
  "Perturbation training on foam with graded pushes and manual facilitation at the pelvis",
  "Berg 40/56",
  "Reactive stepping to recover balance after a push",
  "Recovered with a step in 4 of 5 pushes",
  "Add eyes-closed trials next visit",
  "Retrains postural reactions",
};

#define T(d, i, o, g, r, p, ra) { d, i, o, g, r, p, ra }
#define GOOD T (NULL, NULL, NULL, NULL, NULL, NULL, NULL)
#define B112(min) { "97112", min, PT_PROVIDER_THERAPIST, FALSE, NULL, GOOD }
#define INTERVENTION(text) T (NULL, text, NULL, NULL, NULL, NULL, NULL)
#define STRENGTH_TEXT T ("Quadriceps weakness", "Strengthening: squats and bridges, 3 sets of 10 reps", NULL, \
                         "Quadriceps strength 4/5", "Finished all sets", "Raise the resistance", "")
#define GAIT_TEXT T ("", "Gait training with a cane on stairs and curbs", NULL, \
                     "Walk community distances", "", "", "")
#define GOAL(text) T (NULL, NULL, NULL, text, NULL, NULL, NULL)
#define DPT PT_DISCIPLINE_PT
#define CMS PT_METHOD_CMS
#define MSK PT_DIAGNOSIS_MUSCULOSKELETAL

static const FindingCase finding_cases[] = {
  { "deficit/empty", "deficit-missing", TRUE, 0, NULL, 0, DPT, CMS,
    { { "97112", 30, 0, FALSE, NULL, T ("", NULL, NULL, NULL, NULL, NULL, NULL) } } },
  { "deficit/punctuation", "deficit-missing", TRUE, 0, NULL, 0, DPT, CMS,
    { { "97112", 30, 0, FALSE, NULL, T (" - ; ", NULL, NULL, NULL, NULL, NULL, NULL) } } },
  { "deficit/present", "deficit-missing", FALSE, 0, NULL, 0, DPT, CMS, { B112 (30) } },
  { "deficit/not-97112", "deficit-missing", FALSE, 0, NULL, 0, DPT, CMS,
    { { "97110", 30, 0, FALSE, NULL, STRENGTH_TEXT } } },

  { "neuro/knee", "neuro-deficit-unclear", TRUE, 0, NULL, 0, DPT, CMS,
    { { "97112", 30, 0, FALSE, NULL, T ("Knee pain and weakness after surgery", NULL, NULL, NULL, NULL, NULL, NULL) } } },
  { "neuro/absent-reactions", "neuro-deficit-unclear", FALSE, 0, NULL, 0, DPT, CMS,
    { { "97112", 30, 0, FALSE, NULL, T ("No righting reactions when pushed", NULL, NULL, NULL, NULL, NULL, NULL) } } },
  { "neuro/vestibular", "neuro-deficit-unclear", FALSE, 0, NULL, 0, DPT, CMS,
    { { "97112", 30, 0, FALSE, NULL, T ("Dizzy with head turns, gaze unsteady", NULL, NULL, NULL, NULL, NULL, NULL) } } },
  { "neuro/empty-is-missing", "neuro-deficit-unclear", FALSE, 0, NULL, 0, DPT, CMS,
    { { "97112", 30, 0, FALSE, NULL, T ("", NULL, NULL, NULL, NULL, NULL, NULL) } } },

  { "cues/none", "skilled-cues-missing", TRUE, 0, NULL, 0, DPT, CMS,
    { { "97112", 30, 0, FALSE, "", INTERVENTION ("Balance board on foam for 10 minutes") } } },
  { "cues/no-cues-needed", "skilled-cues-missing", TRUE, 0, NULL, 0, DPT, CMS,
    { { "97112", 30, 0, FALSE, "", INTERVENTION ("Weight shifts on foam, no cues needed") } } },
  { "cues/without-cueing", "skilled-cues-missing", TRUE, 0, NULL, 0, DPT, CMS,
    { { "97112", 30, 0, FALSE, "", INTERVENTION ("Tandem stance without cueing or guarding") } } },
  { "cues/in-text", "skilled-cues-missing", FALSE, 0, NULL, 0, DPT, CMS,
    { { "97112", 30, 0, FALSE, "", INTERVENTION ("Weight shifts on foam with tactile cues at the pelvis") } } },
  { "cues/in-response", "skilled-cues-missing", FALSE, 0, NULL, 0, DPT, CMS,
    { { "97112", 30, 0, FALSE, "", T (NULL, "Tandem stance on foam", NULL, NULL, "Needed contact guard twice", NULL, NULL) } } },
  { "cues/ticked", "skilled-cues-missing", FALSE, 0, NULL, 0, DPT, CMS,
    { { "97112", 30, 0, FALSE, "safety-guarding", INTERVENTION ("Balance board on foam for 10 minutes") } } },

  { "independent/patient-performed", "independent-exercise-wording", TRUE, 0, "patient performed", 0, DPT, CMS,
    { { "97112", 30, 0, FALSE, "", INTERVENTION ("Patient performed balance board x 10 min") } } },
  { "independent/97110-on-own", "independent-exercise-wording", TRUE, 1, "on own", 0, DPT, CMS,
    { B112 (30), { "97110", 15, 0, FALSE, "", INTERVENTION ("Bike and leg press on own, home exercise program") } } },
  { "independent/with-cues", "independent-exercise-wording", FALSE, 0, NULL, 0, DPT, CMS,
    { { "97112", 30, 0, FALSE, "", INTERVENTION ("Patient performed balance board with verbal cues for posture") } } },
  { "independent/negated", "independent-exercise-wording", FALSE, 0, NULL, 0, DPT, CMS,
    { { "97112", 30, 0, FALSE, "", INTERVENTION ("Could not stand independently on foam") } } },
  { "independent/skilled-ticked", "independent-exercise-wording", FALSE, 0, NULL, 0, DPT, CMS,
    { { "97112", 30, 0, FALSE, "verbal-cues", INTERVENTION ("Stepping drills performed independently") } } },
  { "independent/goal-only", "independent-exercise-wording", FALSE, 0, NULL, 0, DPT, CMS,
    { { "97112", 30, 0, FALSE, "", T (NULL, "Tandem walking on foam", NULL, "Independent community walking", NULL, NULL, NULL) } } },

  { "intervention/empty", "intervention-detail-missing", TRUE, 0, NULL, 0, DPT, CMS,
    { { "97112", 30, 0, FALSE, NULL, INTERVENTION ("") } } },
  { "intervention/one-word", "intervention-detail-missing", TRUE, 0, "too short", 0, DPT, CMS,
    { { "97112", 30, 0, FALSE, NULL, INTERVENTION ("Balance.") } } },
  { "intervention/described", "intervention-detail-missing", FALSE, 0, NULL, 0, DPT, CMS, { B112 (30) } },

  { "objective/none", "objective-missing", TRUE, 0, NULL, 0, DPT, CMS,
    { { "97112", 30, 0, FALSE, NULL, T (NULL, NULL, "", NULL, NULL, NULL, NULL) } } },
  { "objective/negated", "objective-missing", TRUE, 0, NULL, 0, DPT, CMS,
    { { "97112", 30, 0, FALSE, NULL, T (NULL, NULL, "", NULL, "No Berg done today", NULL, NULL) } } },
  { "objective/measure-in-deficit", "objective-missing", FALSE, 0, NULL, 0, DPT, CMS,
    { { "97112", 30, 0, FALSE, NULL, T ("Poor balance, TUG 18 s", NULL, "", NULL, NULL, NULL, NULL) } } },
  { "objective/field", "objective-missing", FALSE, 0, NULL, 0, DPT, CMS, { B112 (30) } },

  { "response/empty", "response-missing", TRUE, 0, NULL, 0, DPT, CMS,
    { { "97112", 30, 0, FALSE, NULL, T (NULL, NULL, NULL, NULL, "", NULL, NULL) } } },
  { "response/present", "response-missing", FALSE, 0, NULL, 0, DPT, CMS, { B112 (30) } },

  { "plan/empty", "plan-missing", TRUE, 0, NULL, 0, DPT, CMS,
    { { "97112", 30, 0, FALSE, NULL, T (NULL, NULL, NULL, NULL, NULL, "", NULL) } } },
  { "plan/present", "plan-missing", FALSE, 0, NULL, 0, DPT, CMS, { B112 (30) } },

  { "mismatch/strength-as-97112", "code-mismatch", TRUE, 0, "97110", 0, DPT, CMS,
    { { "97112", 30, 0, FALSE, NULL, STRENGTH_TEXT } } },
  { "mismatch/gait-as-97110", "code-mismatch", TRUE, 0, "97116", 0, DPT, CMS,
    { { "97110", 30, 0, FALSE, NULL, GAIT_TEXT } } },
  { "mismatch/lifting-as-97112", "code-mismatch", TRUE, 0, "97530", 0, DPT, CMS,
    { { "97112", 30, 0, FALSE, NULL, T ("Back pain", "Lifting and carrying boxes, work simulation", NULL,
                                          "Return to work in the warehouse", "", "", "") } } },
  { "mismatch/good-97112", "code-mismatch", FALSE, 0, NULL, 0, DPT, CMS, { B112 (30) } },
  { "mismatch/negated-strength", "code-mismatch", FALSE, 0, NULL, 0, DPT, CMS,
    { { "97112", 30, 0, FALSE, NULL, T ("", "No strengthening or resistance work today, no sets", NULL, "", "", "", "") } } },
  { "mismatch/gait-as-97116", "code-mismatch", FALSE, 0, NULL, 0, DPT, CMS,
    { { "97116", 30, 0, FALSE, NULL, GAIT_TEXT } } },

  { "diagnosis/msk-no-rationale", "non-neuro-diagnosis", TRUE, 0, "musculoskeletal", MSK, DPT, CMS,
    { { "97112", 30, 0, FALSE, NULL, T (NULL, NULL, NULL, NULL, NULL, NULL, "") } } },
  { "diagnosis/other-weak-rationale", "non-neuro-diagnosis", TRUE, 0, NULL, PT_DIAGNOSIS_OTHER, DPT, CMS,
    { { "97112", 30, 0, FALSE, NULL, T (NULL, NULL, NULL, NULL, NULL, NULL, "The payer allows it") } } },
  { "diagnosis/msk-explained", "non-neuro-diagnosis", FALSE, 0, NULL, MSK, DPT, CMS,
    { { "97112", 30, 0, FALSE, NULL, T (NULL, NULL, NULL, NULL, NULL, NULL, "Joint position sense lost after the sprain; the ankle gives way") } } },
  { "diagnosis/neurologic", "non-neuro-diagnosis", FALSE, 0, NULL, 0, DPT, CMS,
    { { "97112", 30, 0, FALSE, NULL, T (NULL, NULL, NULL, NULL, NULL, NULL, "") } } },
  { "diagnosis/msk-97110", "non-neuro-diagnosis", FALSE, 0, NULL, MSK, DPT, CMS,
    { { "97110", 30, 0, FALSE, NULL, STRENGTH_TEXT } } },

  { "goals/same", "goals-not-distinct", TRUE, 1, "block 1", 0, DPT, CMS,
    { { "97112", 20, 0, FALSE, NULL, GOAL ("Improve balance") },
      { "97110", 18, 0, FALSE, NULL, T ("Weak hips", "Hip strengthening with a band", NULL, "improve balance.", "Good form", "More resistance", "") } } },
  { "goals/missing", "goals-not-distinct", TRUE, 1, NULL, 0, DPT, CMS,
    { B112 (20), { "97110", 18, 0, FALSE, NULL, T ("Weak hips", "Hip strengthening with a band", NULL, "", "Good form", "More resistance", "") } } },
  { "goals/distinct", "goals-not-distinct", FALSE, 0, NULL, 0, DPT, CMS,
    { B112 (20), { "97110", 18, 0, FALSE, NULL, STRENGTH_TEXT } } },
  { "goals/same-code", "goals-not-distinct", FALSE, 0, NULL, 0, DPT, CMS,
    { B112 (20), B112 (18) } },
  { "goals/other-code-unbilled", "goals-not-distinct", FALSE, 0, NULL, 0, DPT, CMS,
    { B112 (30), { "97110", 5, 0, FALSE, NULL, GOAL ("") } } },

  { "group/97112", "not-one-on-one", TRUE, 0, "group treatment", 0, DPT, CMS,
    { { "97112", 30, 0, TRUE, NULL, GOOD } } },
  { "group/one-on-one", "not-one-on-one", FALSE, 0, NULL, 0, DPT, CMS, { B112 (30) } },
  { "group/97110", "not-one-on-one", FALSE, 0, NULL, 0, DPT, CMS,
    { { "97110", 30, 0, TRUE, NULL, STRENGTH_TEXT } } },

  { "unbillable/cms", "minutes-not-billable", TRUE, 1, "97110", 0, DPT, CMS,
    { B112 (24), { "97110", 5, 0, FALSE, NULL, STRENGTH_TEXT } } },
  { "unbillable/ama", "minutes-not-billable", TRUE, 1, "7 minutes", 0, DPT, PT_METHOD_AMA,
    { B112 (24), { "97110", 7, 0, FALSE, NULL, STRENGTH_TEXT } } },
  { "unbillable/all-billed", "minutes-not-billable", FALSE, 0, NULL, 0, DPT, CMS,
    { B112 (20), { "97110", 18, 0, FALSE, NULL, STRENGTH_TEXT } } },

  { "assistant/pt", "assistant-modifier", TRUE, 1, "CQ", 0, DPT, CMS,
    { B112 (20), { "97110", 18, PT_PROVIDER_ASSISTANT, FALSE, NULL, STRENGTH_TEXT } } },
  { "assistant/ot", "assistant-modifier", TRUE, 0, "CO", 0, PT_DISCIPLINE_OT, CMS,
    { { "97112", 30, PT_PROVIDER_ASSISTANT, FALSE, NULL, GOOD } } },
  { "assistant/together", "assistant-modifier", FALSE, 0, NULL, 0, DPT, CMS,
    { { "97112", 30, PT_PROVIDER_TOGETHER, FALSE, NULL, GOOD } } },
  { "assistant/therapist", "assistant-modifier", FALSE, 0, NULL, 0, DPT, CMS, { B112 (30) } },
  { "assistant/slp", "assistant-modifier", FALSE, 0, NULL, 0, PT_DISCIPLINE_SLP, CMS,
    { { "97112", 30, PT_PROVIDER_ASSISTANT, FALSE, NULL, GOOD } } },
  { "assistant/unbilled", "assistant-modifier", FALSE, 0, NULL, 0, DPT, CMS,
    { B112 (24), { "97110", 5, PT_PROVIDER_ASSISTANT, FALSE, NULL, STRENGTH_TEXT } } },

  { "tie/cms", "tie-choice-needed", TRUE, -1, "97112, 97110", 0, DPT, CMS,
    { B112 (20), { "97110", 20, 0, FALSE, NULL, STRENGTH_TEXT } } },
  { "tie/ama", "tie-choice-needed", FALSE, 0, NULL, 0, DPT, PT_METHOD_AMA,
    { B112 (20), { "97110", 20, 0, FALSE, NULL, STRENGTH_TEXT } } },
  { "tie/none", "tie-choice-needed", FALSE, 0, NULL, 0, DPT, CMS,
    { B112 (24), { "97110", 23, 0, FALSE, NULL, STRENGTH_TEXT } } },

  { "methods/38-minutes", "method-difference", TRUE, -1, "3 units", 0, DPT, CMS,
    { B112 (20), { "97110", 18, 0, FALSE, NULL, STRENGTH_TEXT } } },
  { "methods/47-minutes-ama", "method-difference", TRUE, -1, "AMA per-code method 4", 0, DPT, PT_METHOD_AMA,
    { B112 (24), { "97110", 23, 0, FALSE, NULL, STRENGTH_TEXT } } },
  { "methods/one-code", "method-difference", FALSE, 0, NULL, 0, DPT, CMS, { B112 (30) } },

  { "ncci/97530-97116", "ncci-pair", TRUE, -1, "not confirmed", 0, DPT, CMS,
    { { "97530", 15, 0, FALSE, NULL, GOOD }, { "97116", 15, 0, FALSE, NULL, GOAL ("Walk outdoors") } } },
  { "ncci/97140-97530", "ncci-pair", TRUE, -1, "withdrawn", 0, DPT, CMS,
    { { "97140", 15, 0, FALSE, NULL, GOOD }, { "97530", 15, 0, FALSE, NULL, GOAL ("Lift a box") } } },
  { "ncci/97112-97110", "ncci-pair", FALSE, 0, NULL, 0, DPT, CMS,
    { B112 (20), { "97110", 18, 0, FALSE, NULL, STRENGTH_TEXT } } },
  { "ncci/unbilled", "ncci-pair", FALSE, 0, NULL, 0, DPT, CMS,
    { { "97530", 10, 0, FALSE, NULL, GOOD }, { "97116", 5, 0, FALSE, NULL, GOAL ("Walk outdoors") } } },
  /* code ranges of the pair list, at their ends and just outside */
  { "ncci/range-low-end", "ncci-pair", TRUE, -1, "professional association", 0, DPT, CMS,
    { { "97161", 30, 0, FALSE, NULL, GOOD }, { "97140", 15, 0, FALSE, NULL, GOAL ("Less neck pain") } } },
  { "ncci/range-high-end", "ncci-pair", TRUE, -1, "professional association", 0, DPT, CMS,
    { { "97163", 30, 0, FALSE, NULL, GOOD }, { "97140", 15, 0, FALSE, NULL, GOAL ("Less neck pain") } } },
  { "ncci/range-just-above", "ncci-pair", FALSE, 0, NULL, 0, DPT, CMS,
    { { "97166", 30, 0, FALSE, NULL, GOOD }, { "97140", 15, 0, FALSE, NULL, GOAL ("Less neck pain") } } },
  { "ncci/second-range-of-side", "ncci-pair", TRUE, -1, "table row itself", 0, DPT, CMS,
    { { "97750", 30, 0, FALSE, NULL, GOOD }, { "97165", 30, 0, FALSE, NULL, GOAL ("Cook a meal") } } },
  { "ncci/listed-code-after-comma", "ncci-pair", TRUE, -1, "named pairs", 0, DPT, CMS,
    { { "97110", 15, 0, FALSE, NULL, STRENGTH_TEXT }, { "97164", 30, 0, FALSE, NULL, GOOD } } },
};

static PtVisit *
visit_from_case (const FindingCase *c)
{
  g_autoptr(PtVisit) visit = pt_visit_new ();

  pt_visit_set_method (visit, c->method);
  pt_visit_set_discipline (visit, c->discipline);
  pt_visit_set_diagnosis_category (visit, c->diagnosis ? c->diagnosis : PT_DIAGNOSIS_NEUROLOGIC);

  for (guint b = 0; b < G_N_ELEMENTS (c->blocks) && c->blocks[b].code; b++)
    {
      const BlockSpec *spec = &c->blocks[b];
      g_autoptr(PtBlock) block = pt_block_new (spec->code, spec->minutes);
      g_auto(GStrv) skilled = g_strsplit (spec->skilled ? spec->skilled : "verbal-cues,manual-facilitation", ",", -1);

      if (skilled[0] != NULL && skilled[0][0] == '\0')
        g_clear_pointer (&skilled, g_strfreev);
      pt_block_set_provider (block, spec->provider);
      pt_block_set_one_on_one (block, !spec->group);
      pt_block_set_skilled (block, (const char * const *) skilled);
      for (guint f = 0; f < PT_DOC_N_FIELDS; f++)
        pt_block_set_text (block, (PtBlockField) f, spec->text[f] ? spec->text[f] : good_text[f]);
      pt_visit_append_block (visit, block);
    }

  return g_steal_pointer (&visit);
}

static const PtDocFinding *
find (GPtrArray  *findings,
      const char *id)
{
  for (guint i = 0; i < findings->len; i++)
    if (strcmp (((PtDocFinding *) g_ptr_array_index (findings, i))->id, id) == 0)
      return g_ptr_array_index (findings, i);

  return NULL;
}

static const PtDocFinding *
find_required (GPtrArray  *findings,
               const char *id)
{
  const PtDocFinding *f = find (findings, id);

  if (f == NULL)
    g_error ("no %s finding", id);
  return f;
}

static PtDocSeverity
severity_of (const char *id)
{
  static const char * const errors[] = { "skilled-cues-missing", "not-one-on-one", NULL };
  static const char * const infos[] = {
    "objective-missing", "plan-missing", "minutes-not-billable", "assistant-modifier",
    "tie-choice-needed", "method-difference", "ncci-pair", NULL
  };

  if (g_strv_contains (errors, id))
    return PT_DOC_SEVERITY_ERROR;
  if (g_strv_contains (infos, id))
    return PT_DOC_SEVERITY_INFO;
  return PT_DOC_SEVERITY_WARNING;
}

static void
test_finding (gconstpointer data)
{
  const FindingCase *c = data;
  g_autoptr(PtVisit) visit = visit_from_case (c);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) findings = pt_visit_check (visit, &error);
  const PtDocFinding *f;

  g_assert_no_error (error);
  g_assert_nonnull (findings);
  f = find (findings, c->id);

  if (!c->raised)
    {
      if (f != NULL)
        g_test_message ("unexpected: %s", f->message);
      g_assert_null (f);
      return;
    }

  f = find_required (findings, c->id);
  g_assert_cmpint (f->severity, ==, severity_of (c->id));
  g_assert_cmpint (f->block, ==, c->block);
  if (c->block >= 0)
    g_assert_cmpstr (f->code, ==, c->blocks[c->block].code);
  g_assert_true (f->message != NULL && f->message[0] != '\0');
  g_assert_true (f->hint != NULL && f->hint[0] != '\0');
  g_assert_true (strcmp (f->message, f->hint) != 0);
  if (c->contains != NULL && strstr (f->message, c->contains) == NULL)
    g_error ("“%s” not in “%s”", c->contains, f->message);
}

/* Every id of documentation-checks.md has a case that raises it and one that does not. */
static void
test_every_id_covered (void)
{
  static const char * const ids[] = {
    "deficit-missing", "neuro-deficit-unclear", "skilled-cues-missing",
    "independent-exercise-wording", "intervention-detail-missing", "objective-missing",
    "response-missing", "plan-missing", "code-mismatch", "non-neuro-diagnosis",
    "goals-not-distinct", "not-one-on-one", "minutes-not-billable", "assistant-modifier",
    "tie-choice-needed", "method-difference", "ncci-pair",
  };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      gboolean raised = FALSE, not_raised = FALSE;

      for (guint c = 0; c < G_N_ELEMENTS (finding_cases); c++)
        if (strcmp (finding_cases[c].id, ids[i]) == 0)
          {
            raised |= finding_cases[c].raised;
            not_raised |= !finding_cases[c].raised;
          }

      if (!raised || !not_raised)
        g_error ("%s lacks a case that %s it", ids[i], raised ? "does not raise" : "raises");
    }
}

/* ---- Scenarios A-D ----------------------------------------------------- */

typedef struct {
  const char *file;
  const char *cms_units; /* code=units,... */
  const char *ama_units;
  gboolean    method_difference;
} ScenarioCase;

static const ScenarioCase scenario_cases[] = {
  { "checks/scenario-a.ptvisit.json", "97112=2", "97112=2", FALSE },
  { "checks/scenario-b.ptvisit.json", "97112=2", "97112=2", FALSE },
  { "checks/scenario-c.ptvisit.json", "97112=2", "97112=2", FALSE },
  /* the reference says 2 units; that holds only per code (AMA) */
  { "checks/scenario-d.ptvisit.json", "97112=2,97110=1", "97112=1,97110=1", TRUE },
};

static void
assert_units (const PtAllocResult *result,
              const char          *expected)
{
  g_auto(GStrv) pairs = g_strsplit (expected, ",", -1);
  gint total = 0;

  for (guint i = 0; pairs[i]; i++)
    {
      g_auto(GStrv) kv = g_strsplit (pairs[i], "=", 2);
      gint units = atoi (kv[1]);

      g_assert_cmpint (pt_alloc_result_units_for (result, kv[0]), ==, units);
      total += units;
    }
  g_assert_cmpint (result->total_units, ==, total);
}

static void
test_scenario (gconstpointer data)
{
  const ScenarioCase *c = data;
  g_autofree char *path = pt_test_data_path (c->file);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(PtVisit) visit = pt_visit_load_from_file (file, &error);
  g_autoptr(PtVisitCheck) check = NULL;

  g_assert_no_error (error);
  check = pt_visit_check_run (visit, PT_TIE_RULE_ENTRY_ORDER, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < check->findings->len; i++)
    {
      const PtDocFinding *f = g_ptr_array_index (check->findings, i);

      g_test_message ("%s: %s", f->id, f->message);
      g_assert_cmpint (f->severity, !=, PT_DOC_SEVERITY_ERROR);
      /* each scenario is written to be defensible: no warning either */
      g_assert_cmpint (f->severity, !=, PT_DOC_SEVERITY_WARNING);
    }
  g_assert_false (pt_doc_findings_have_error (check->findings));

  assert_units (check->cms, c->cms_units);
  assert_units (check->ama, c->ama_units);
  g_assert_cmpint (find (check->findings, "method-difference") != NULL, ==, c->method_difference);
}

/* The suggestion of the scenario blocks is their own code. */
static void
test_scenario_codes_fit (void)
{
  for (guint s = 0; s < G_N_ELEMENTS (scenario_cases); s++)
    {
      g_autofree char *path = pt_test_data_path (scenario_cases[s].file);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      g_autoptr(PtVisit) visit = pt_visit_load_from_file (file, &error);

      g_assert_no_error (error);
      for (guint b = 0; b < pt_visit_get_n_blocks (visit); b++)
        {
          PtBlock *block = pt_visit_get_block (visit, b);
          g_autoptr(PtDocSuggestion) sug = pt_visit_check_suggest_code (block, &error);

          g_assert_no_error (error);
          g_assert_cmpstr (sug->best, ==, pt_block_get_code (block));
          g_assert_cmpint (sug->clearly, ==, -1);
        }
    }
}

/* A 97112 block that reads like strengthening: code-mismatch names 97110 and its words. */
static void
test_strengthening_97112 (void)
{
  g_autoptr(PtVisit) visit = pt_visit_new ();
  g_autoptr(PtBlock) block = pt_block_new ("97112", 30);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(PtDocSuggestion) sug = NULL;
  const char * const skilled[] = { "verbal-cues", NULL };
  const PtDocFinding *f;

  pt_visit_set_diagnosis_category (visit, PT_DIAGNOSIS_NEUROLOGIC);
  pt_block_set_skilled (block, skilled);
  pt_block_set_text (block, PT_BLOCK_DEFICIT, "Generalised weakness after a hospital stay");
  pt_block_set_text (block, PT_BLOCK_INTERVENTION,
                     "Lower-limb strengthening with ankle weights and resistance band: 3 sets of 15 reps of straight leg raises and bridges");
  pt_block_set_text (block, PT_BLOCK_GOAL, "Increase quadriceps strength and endurance");
  pt_block_set_text (block, PT_BLOCK_RESPONSE, "Completed all sets, mild fatigue");
  pt_block_set_text (block, PT_BLOCK_PLAN, "Add resistance next week");
  pt_visit_append_block (visit, block);

  findings = pt_visit_check (visit, &error);
  g_assert_no_error (error);
  f = find_required (findings, "code-mismatch");
  g_assert_cmpint (f->block, ==, 0);
  g_assert_cmpstr (f->code, ==, "97112");
  g_assert_nonnull (strstr (f->message, "97110"));
  g_assert_nonnull (strstr (f->message, "“strengthening”"));
  g_assert_nonnull (strstr (f->hint, "97110"));

  sug = pt_visit_check_suggest_code (block, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sug->best, ==, "97110");
  g_assert_cmpstr (sug->scores[sug->clearly].code, ==, "97110");
  g_assert_cmpint (sug->own, ==, 1);
  g_assert_true (g_ptr_array_find_with_equal_func (sug->scores[0].matched, "straight leg raises", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (sug->scores[0].matched, "endurance", g_str_equal, NULL));
}

/* ---- Odd input and speed ----------------------------------------------- */

static void
test_odd_input (void)
{
  g_autoptr(PtLexicon) lexicon = tiny_lexicon ();
  static const char * const bad_skilled[] = { NULL };
  PtDocBlock blocks[3] = { { { 0 } } };
  PtDocInput input = { PT_DISCIPLINE_PT, PT_DOC_DIAGNOSIS_OTHER, blocks, 3 };
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(PtDocSuggestion) sug = NULL;
  PtDocInput empty = { PT_DISCIPLINE_PT, PT_DOC_DIAGNOSIS_UNSET, NULL, 0 };

  /* no code, invalid UTF-8, NULL texts, an empty skilled list: no crash, plain findings */
  g_strlcpy (blocks[0].code, "97112", sizeof blocks[0].code);
  blocks[0].text[PT_DOC_FIELD_INTERVENTION] = "cue \xff\xfe balance";
  blocks[0].skilled = bad_skilled;
  blocks[0].one_on_one = TRUE;
  blocks[1].text[PT_DOC_FIELD_GOAL] = "****";
  g_strlcpy (blocks[2].code, "97112", sizeof blocks[2].code);
  blocks[2].text[PT_DOC_FIELD_DEFICIT] = "’'’ -- ... balance";
  blocks[2].one_on_one = TRUE;

  findings = pt_doc_check (lexicon, &input, NULL, NULL, PT_METHOD_CMS);
  g_assert_cmpint (find_required (findings, "skilled-cues-missing")->block, ==, 0);
  g_assert_nonnull (find (findings, "non-neuro-diagnosis"));
  g_assert_null (find (findings, "method-difference"));

  for (guint i = 1; i < findings->len; i++)
    {
      const PtDocFinding *a = g_ptr_array_index (findings, i - 1);
      const PtDocFinding *b = g_ptr_array_index (findings, i);

      /* blocks in order, the visit last */
      g_assert_true (b->block < 0 || (a->block >= 0 && a->block <= b->block));
    }

  none = pt_doc_check (lexicon, &empty, NULL, NULL, PT_METHOD_AMA);
  g_assert_cmpuint (none->len, ==, 0);

  sug = pt_doc_suggest_code (lexicon, &blocks[1]);
  g_assert_null (sug->best);
  g_assert_cmpint (sug->own, ==, -1);
}

/* A long note (about 80 words in each of the seven fields) is checked many
 * times with the same findings. The time is reported, not asserted: speed is
 * the benchmarks' job (tests/bench/bench-recompute). */
static void
test_speed (void)
{
  const PtLexicon *lexicon = default_lexicon ();
  g_autoptr(GString) note = g_string_new (NULL);
  PtDocBlock block = { "97112", 30, TRUE, PT_PROVIDER_THERAPIST, TRUE, NULL, { NULL } };
  PtDocInput input = { PT_DISCIPLINE_PT, PT_DOC_DIAGNOSIS_MUSCULOSKELETAL, &block, 1 };
  const guint rounds = 50;
  gint64 best = G_MAXINT64;

  for (guint i = 0; i < 6; i++)
    g_string_append (note, "Standing perturbation on foam, no cues needed; patient performed squats on own. ");
  for (guint f = 0; f < PT_DOC_N_FIELDS; f++)
    block.text[f] = note->str;

  for (guint batch = 0; batch < 5; batch++)
    {
      gint64 start = g_get_monotonic_time ();

      for (guint r = 0; r < rounds; r++)
        {
          g_autoptr(GPtrArray) findings = pt_doc_check (lexicon, &input, NULL, NULL, PT_METHOD_CMS);

          g_assert_nonnull (find (findings, "independent-exercise-wording"));
        }
      best = MIN (best, g_get_monotonic_time () - start);
    }

  g_test_message ("%.1f µs a block of %" G_GSIZE_FORMAT " characters a field",
                  (double) best / rounds, note->len);
}

/* ---- The word lists ---------------------------------------------------- */

static void
test_lexicon_default (void)
{
  const PtLexicon *lexicon = default_lexicon ();

  for (guint l = 0; l < PT_DOC_N_LISTS; l++)
    g_assert_cmpuint (pt_lexicon_get_n_phrases (lexicon, l), >, 0);
  g_assert_true (pt_lexicon_get_negatable (lexicon, PT_DOC_LIST_CUES));
  g_assert_false (pt_lexicon_get_negatable (lexicon, PT_DOC_LIST_NEUROMOTOR));
  g_assert_false (pt_lexicon_get_negatable (lexicon, PT_DOC_LIST_NEGATION));
  g_assert_cmpstr (pt_doc_list_name (PT_DOC_LIST_CODE_97530), ==, "97530");
  g_assert_cmpstr (pt_doc_code_name (3), ==, "97116");
  /* the same object every time */
  g_assert_true (lexicon == default_lexicon ());
}

/* Every listed phrase (a stem without its star) is found in its own words. */
static void
test_lexicon_self_match (void)
{
  const PtLexicon *lexicon = default_lexicon ();

  for (guint l = 0; l < PT_DOC_N_LISTS; l++)
    {
      if (l == PT_DOC_LIST_NEGATION)
        continue;

      for (guint i = 0; i < pt_lexicon_get_n_phrases (lexicon, l); i++)
        {
          g_autofree char *text = g_strdelimit (g_strdup (pt_lexicon_get_phrase (lexicon, l, i)), "*", ' ');
          g_autoptr(GPtrArray) matches = pt_doc_match_text (lexicon, l, text);

          if (matches->len == 0)
            g_error ("list %s: “%s” does not match itself", pt_doc_list_name (l), text);
        }
    }
}

/* The data file in the source tree reads the same as the compiled resource. */
static void
test_lexicon_source_file (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "checks", "wordlists.json", NULL);
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PtLexicon) lexicon = NULL;
  gsize len;

  g_file_get_contents (path, &data, &len, &error);
  g_assert_no_error (error);
  lexicon = pt_doc_lexicon_load_from_data (data, len, &error);
  g_assert_no_error (error);

  for (guint l = 0; l < PT_DOC_N_LISTS; l++)
    g_assert_cmpuint (pt_lexicon_get_n_phrases (lexicon, l), ==,
                      pt_lexicon_get_n_phrases (default_lexicon (), l));
}

#define LISTS_REST "\"neuromotor\": {\"words\": [\"balance\"]}, \"objective\": {\"words\": [\"berg\"]}, " \
                   "\"independent\": {\"words\": [\"on own\"]}, \"negation\": {\"words\": [\"no\"]}"
#define CODES_3 "\"97110\": {\"words\": [\"strength*\"]}, \"97112\": {\"words\": [\"balance\"]}, " \
                "\"97530\": {\"words\": [\"lifting\"]}"
#define CODES_OK "\"codes\": {" CODES_3 ", \"97116\": {\"words\": [\"gait\"]}}"
#define HEAD "{\"format\": 1, \"kind\": \"wordlists\", "
#define WITH_CUES(cues) HEAD "\"lists\": {\"cues\": " cues ", " LISTS_REST "}, " CODES_OK "}"

typedef struct {
  const char *json;
  gint        code;     /* PtFormatError */
  const char *contains;
} BadLexicon;

static const BadLexicon bad_lexicons[] = {
  { "words", PT_FORMAT_ERROR_PARSE, "not valid JSON" },
  { "[]", PT_FORMAT_ERROR_TYPE, "expected an object" },
  { "{\"format\": 2, \"kind\": \"wordlists\"}", PT_FORMAT_ERROR_NEWER_FORMAT, "format 2" },
  { "{\"format\": \"1\", \"kind\": \"wordlists\"}", PT_FORMAT_ERROR_TYPE, "format: expected a whole number" },
  { "{\"format\": 1, \"kind\": \"visit\"}", PT_FORMAT_ERROR_KIND, "kind: expected “wordlists”" },
  { HEAD CODES_OK "}", PT_FORMAT_ERROR_MISSING, "lists: missing" },
  { HEAD "\"lists\": [], " CODES_OK "}", PT_FORMAT_ERROR_TYPE, "lists: expected an object" },
  { HEAD "\"lists\": {" LISTS_REST "}, " CODES_OK "}", PT_FORMAT_ERROR_MISSING, "lists.cues: missing" },
  { HEAD "\"lists\": {\"cues\": {\"words\": [\"cue\"]}, \"ballance\": {\"words\": [\"x\"]}, " LISTS_REST "}, " CODES_OK "}",
    PT_FORMAT_ERROR_VALUE, "lists.ballance: not a list the checks use" },
  { WITH_CUES ("[\"cue\"]"), PT_FORMAT_ERROR_TYPE, "lists.cues: expected an object" },
  { WITH_CUES ("{}"), PT_FORMAT_ERROR_MISSING, "lists.cues.words: missing" },
  { WITH_CUES ("{\"words\": \"cue\"}"), PT_FORMAT_ERROR_TYPE, "lists.cues.words: expected a list" },
  { WITH_CUES ("{\"words\": []}"), PT_FORMAT_ERROR_VALUE, "lists.cues.words: the list is empty" },
  { WITH_CUES ("{\"words\": [\"cue\", 7]}"), PT_FORMAT_ERROR_TYPE, "lists.cues.words[1]: expected text" },
  { WITH_CUES ("{\"words\": [\"  \"]}"), PT_FORMAT_ERROR_VALUE, "lists.cues.words[0]: has no word" },
  { WITH_CUES ("{\"words\": [\"cue\", \"gu*\"]}"), PT_FORMAT_ERROR_VALUE, "lists.cues.words[1]: “gu*”: a word ending in a star" },
  { WITH_CUES ("{\"words\": [\"fa*cilitation\"]}"), PT_FORMAT_ERROR_VALUE, "lists.cues.words[0]: “fa*cilitation”: a star may only end" },
  { WITH_CUES ("{\"words\": [\"*cue\"]}"), PT_FORMAT_ERROR_VALUE, "a star may only end" },
  { WITH_CUES ("{\"words\": [\"verbal, tactile\"]}"), PT_FORMAT_ERROR_VALUE, "clause break" },
  { WITH_CUES ("{\"words\": [\"a b c d e f g\"]}"), PT_FORMAT_ERROR_VALUE, "more than 6 words" },
  { WITH_CUES ("{\"words\": [\"cue*\", \"Cue*\"]}"), PT_FORMAT_ERROR_VALUE, "lists.cues.words[1]: “Cue*” is already listed" },
  { WITH_CUES ("{\"words\": [\"cue\"], \"negatable\": \"yes\"}"), PT_FORMAT_ERROR_TYPE, "lists.cues.negatable: expected true or false" },
  { WITH_CUES ("{\"words\": [\"cue\"], \"about\": 3}"), PT_FORMAT_ERROR_TYPE, "lists.cues.about: expected text" },
  { HEAD "\"lists\": {\"cues\": {\"words\": [\"cue\"]}, \"neuromotor\": {\"words\": [\"balance\"]}, "
    "\"objective\": {\"words\": [\"berg\"]}, \"independent\": {\"words\": [\"on own\"]}, "
    "\"negation\": {\"words\": [\"not at all\"]}}, " CODES_OK "}",
    PT_FORMAT_ERROR_VALUE, "lists.negation.words[0]: “not at all”: the negation list takes single words" },
  { HEAD "\"lists\": {\"cues\": {\"words\": [\"cue\"]}, " LISTS_REST "}}", PT_FORMAT_ERROR_MISSING, "codes: missing" },
  { HEAD "\"lists\": {\"cues\": {\"words\": [\"cue\"]}, " LISTS_REST "}, \"codes\": {" CODES_3 "}}",
    PT_FORMAT_ERROR_MISSING, "codes.97116: missing" },
  { HEAD "\"lists\": {\"cues\": {\"words\": [\"cue\"]}, " LISTS_REST "}, \"codes\": {" CODES_3
    ", \"97116\": {\"words\": [\"gait\"]}, \"97140\": {\"words\": [\"manual\"]}}}",
    PT_FORMAT_ERROR_VALUE, "codes.97140: not a list the checks use; expected 97110, 97112, 97530, 97116" },
};

static void
test_lexicon_bad (gconstpointer data)
{
  const BadLexicon *c = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PtLexicon) lexicon = pt_doc_lexicon_load_from_data (c->json, -1, &error);

  g_assert_null (lexicon);
  g_assert_error (error, PT_FORMAT_ERROR, c->code);
  if (strstr (error->message, c->contains) == NULL)
    g_error ("“%s” not in “%s”", c->contains, error->message);
}

static void
test_lexicon_minimal (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PtLexicon) lexicon =
    pt_doc_lexicon_load_from_data (WITH_CUES ("{\"about\": \"x\", \"negatable\": false, \"words\": [\"cue*\"]}"), -1, &error);
  g_autoptr(GPtrArray) matches = NULL;

  g_assert_no_error (error);
  g_assert_false (pt_lexicon_get_negatable (lexicon, PT_DOC_LIST_CUES));
  /* with negation switched off for the list, "no cues" is a cue */
  matches = pt_doc_match_text (lexicon, PT_DOC_LIST_CUES, "no cues");
  g_assert_cmpuint (matches->len, ==, 1);
}

static void
test_lexicon_incomplete (void)
{
  g_autoptr(PtLexicon) lexicon = pt_lexicon_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (pt_lexicon_add (lexicon, PT_DOC_LIST_CUES, "cue", &error));
  g_assert_false (pt_lexicon_check_complete (lexicon, &error));
  g_assert_error (error, PT_DOC_ERROR, PT_DOC_ERROR_EMPTY);
  g_assert_nonnull (strstr (error->message, "neuromotor"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (match_cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/doc-checks/match/%u", i);
      g_test_add_data_func (name, &match_cases[i], test_match);
    }
  for (guint i = 0; i < G_N_ELEMENTS (fit_cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/doc-checks/fit/%u", i);
      g_test_add_data_func (name, &fit_cases[i], test_fit);
    }
  for (guint i = 0; i < G_N_ELEMENTS (finding_cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/doc-checks/finding/%s/%s", finding_cases[i].id,
                                               finding_cases[i].name);
      g_test_add_data_func (name, &finding_cases[i], test_finding);
    }
  g_test_add_func ("/doc-checks/finding/every-id-covered", test_every_id_covered);
  for (guint i = 0; i < G_N_ELEMENTS (scenario_cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/doc-checks/scenario/%c", 'a' + i);
      g_test_add_data_func (name, &scenario_cases[i], test_scenario);
    }
  g_test_add_func ("/doc-checks/scenario/codes-fit", test_scenario_codes_fit);
  g_test_add_func ("/doc-checks/code-mismatch/strengthening-as-97112", test_strengthening_97112);
  g_test_add_func ("/doc-checks/odd-input", test_odd_input);
  g_test_add_func ("/doc-checks/long-note", test_speed);
  g_test_add_func ("/doc-checks/lexicon/default", test_lexicon_default);
  g_test_add_func ("/doc-checks/lexicon/self-match", test_lexicon_self_match);
  g_test_add_func ("/doc-checks/lexicon/source-file", test_lexicon_source_file);
  g_test_add_func ("/doc-checks/lexicon/minimal", test_lexicon_minimal);
  g_test_add_func ("/doc-checks/lexicon/incomplete", test_lexicon_incomplete);
  for (guint i = 0; i < G_N_ELEMENTS (bad_lexicons); i++)
    {
      g_autofree char *name = g_strdup_printf ("/doc-checks/lexicon/bad/%u", i);
      g_test_add_data_func (name, &bad_lexicons[i], test_lexicon_bad);
    }

  return g_test_run ();
}
