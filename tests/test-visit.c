/* test-visit.c: PtBlock and PtVisit properties, notifications, copies and the engine input */
#include "config.h"

#include <string.h>

#include "pt-allocation.h"
#include "pt-engine-error.h"
#include "pt-visit.h"

/* Every notification an object sends, as "name,name,". */
typedef struct {
  GString *names;
  guint    changed;
} Log;

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           Log        *log)
{
  g_string_append_printf (log->names, "%s,", pspec->name);
}

static void
on_changed (PtVisit *visit,
            Log     *log)
{
  log->changed++;
}

static void
log_watch (Log      *log,
           gpointer  object)
{
  log->names = g_string_new (NULL);
  log->changed = 0;
  g_signal_connect (object, "notify", G_CALLBACK (on_notify), log);
  if (PT_IS_VISIT (object))
    g_signal_connect (object, "changed", G_CALLBACK (on_changed), log);
}

/* Returns what was logged since the last call, and starts again. */
static char *
log_take (Log *log)
{
  char *names = g_strdup (log->names->str);

  g_string_truncate (log->names, 0);
  log->changed = 0;
  return names;
}

static void
log_reset (Log *log)
{
  g_string_truncate (log->names, 0);
  log->changed = 0;
}

static void
log_clear (Log *log)
{
  g_string_free (log->names, TRUE);
}

#define assert_logged(log, expected) \
  G_STMT_START { \
    g_autofree char *got_ = log_take (log); \
    g_assert_cmpstr (got_, ==, expected); \
  } G_STMT_END

typedef enum {
  KIND_STRING,
  KIND_INT,
  KIND_UINT,
  KIND_BOOLEAN,
  KIND_STRV,
} Kind;

/* A property, two values different from each other and from the default. */
typedef struct {
  const char         *name;
  Kind                kind;
  const char         *s[2];
  gint                i[2];
  const char * const *v[2];
} PropCase;

static const char * const strv_one[] = { "97110", NULL };
static const char * const strv_two[] = { "97110", "97112", NULL };
static const char * const skilled_one[] = { "verbal-cues", NULL };
static const char * const skilled_two[] = { "verbal-cues", "perturbation", NULL };

static const PropCase block_cases[] = {
  { "code", KIND_STRING, { "97110", "97530" } },
  { "minutes", KIND_INT, { NULL }, { 24, 1441 } },
  { "provider", KIND_UINT, { NULL }, { PT_PROVIDER_ASSISTANT, PT_PROVIDER_TOGETHER } },
  { "one-on-one", KIND_BOOLEAN, { NULL }, { FALSE, TRUE } },
  { "skilled", KIND_STRV, { NULL }, { 0 }, { skilled_one, skilled_two } },
  { "deficit", KIND_STRING, { "Loses midline", "Berg 38/56" } },
  { "intervention", KIND_STRING, { "Perturbations", "Foam stance" } },
  { "objective", KIND_STRING, { "5 losses of balance", "2 losses" } },
  { "goal", KIND_STRING, { "Reactive stepping", "Walk outdoors" } },
  { "response", KIND_STRING, { "Improved", "Fatigued" } },
  { "plan", KIND_STRING, { "Eyes closed next", "Dual task" } },
  { "rationale", KIND_STRING, { "Postural reactions", "Not strength" } },
};

static const PropCase visit_cases[] = {
  { "title", KIND_STRING, { "Balance session", "Gait session" } },
  { "date", KIND_STRING, { "2026-03-14", "2026-03-15" } },
  { "payer", KIND_STRING, { "Medicare Part B", "Acme Health" } },
  { "method", KIND_UINT, { NULL }, { PT_METHOD_AMA, PT_METHOD_CMS } },
  { "discipline", KIND_UINT, { NULL }, { PT_DISCIPLINE_OT, PT_DISCIPLINE_SLP } },
  { "diagnosis", KIND_STRING, { "Hemiparesis", "Vertigo" } },
  { "diagnosis-category", KIND_UINT, { NULL }, { PT_DIAGNOSIS_NEUROLOGIC, PT_DIAGNOSIS_OTHER } },
  { "tie-preference", KIND_STRV, { NULL }, { 0 }, { strv_one, strv_two } },
};

static GType
kind_type (Kind kind)
{
  switch (kind)
    {
    case KIND_STRING:
      return G_TYPE_STRING;
    case KIND_INT:
      return G_TYPE_INT;
    case KIND_UINT:
      return G_TYPE_UINT;
    case KIND_BOOLEAN:
      return G_TYPE_BOOLEAN;
    case KIND_STRV:
    default:
      return G_TYPE_STRV;
    }
}

static void
case_value (const PropCase *c,
            guint           which,
            GValue         *value)
{
  g_value_init (value, kind_type (c->kind));
  if (c->kind == KIND_STRING)
    g_value_set_string (value, c->s[which]);
  else if (c->kind == KIND_INT)
    g_value_set_int (value, c->i[which]);
  else if (c->kind == KIND_UINT)
    g_value_set_uint (value, c->i[which]);
  else if (c->kind == KIND_BOOLEAN)
    g_value_set_boolean (value, c->i[which]);
  else
    g_value_set_boxed (value, c->v[which]);
}

static void
assert_case_value (GObject        *object,
                   const PropCase *c,
                   guint           which)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, kind_type (c->kind));
  g_object_get_property (object, c->name, &value);

  if (c->kind == KIND_STRING)
    g_assert_cmpstr (g_value_get_string (&value), ==, c->s[which]);
  else if (c->kind == KIND_INT)
    g_assert_cmpint (g_value_get_int (&value), ==, c->i[which]);
  else if (c->kind == KIND_UINT)
    g_assert_cmpuint (g_value_get_uint (&value), ==, (guint) c->i[which]);
  else if (c->kind == KIND_BOOLEAN)
    g_assert_cmpint (g_value_get_boolean (&value), ==, c->i[which]);
  else
    g_assert_true (g_strv_equal (g_value_get_boxed (&value), c->v[which]));
}

/* Set value 0, value 0 again, then value 1: one notification of the
 * property for each real change, none for the repeat. On a visit, "changed"
 * follows each notification. */
static void
check_property (GObject        *object,
                const PropCase *c)
{
  g_autofree char *once = g_strdup_printf ("%s,", c->name);
  Log log;

  log_watch (&log, object);

  for (guint step = 0; step < 3; step++)
    {
      g_auto(GValue) value = G_VALUE_INIT;
      guint which = step < 2 ? 0 : 1;

      case_value (c, which, &value);
      g_object_set_property (object, c->name, &value);
      assert_case_value (object, c, which);

      if (PT_IS_VISIT (object))
        g_assert_cmpuint (log.changed, ==, step == 1 ? 0 : 1);
      assert_logged (&log, step == 1 ? "" : once);
    }

  g_signal_handlers_disconnect_by_data (object, &log);
  log_clear (&log);
}

static void
test_block_property (gconstpointer data)
{
  PtBlock *block = pt_block_new ("97112", 10);

  check_property (G_OBJECT (block), data);
  g_assert_finalize_object (block);
}

static void
test_visit_property (gconstpointer data)
{
  PtVisit *visit = pt_visit_new ();

  check_property (G_OBJECT (visit), data);
  g_assert_finalize_object (visit);
}

static void
test_block_defaults (void)
{
  PtBlock *block = pt_block_new (NULL, 0);

  g_assert_cmpstr (pt_block_get_code (block), ==, "");
  g_assert_cmpint (pt_block_get_minutes (block), ==, 0);
  g_assert_true (pt_block_get_timed (block));
  g_assert_false (pt_block_get_timed_set (block));
  g_assert_cmpint (pt_block_get_provider (block), ==, PT_PROVIDER_THERAPIST);
  g_assert_true (pt_block_get_one_on_one (block));
  g_assert_cmpuint (g_strv_length ((char **) pt_block_get_skilled (block)), ==, 0);
  for (guint f = 0; f < PT_BLOCK_N_TEXT_FIELDS; f++)
    g_assert_cmpstr (pt_block_get_text (block, f), ==, "");

  /* Out-of-range minutes are kept as typed, for the editor to mark. */
  pt_block_set_minutes (block, -5);
  g_assert_cmpint (pt_block_get_minutes (block), ==, -5);

  g_assert_finalize_object (block);
}

/* Timed follows the code until it is set; then the code no longer moves it. */
static void
test_block_timed (void)
{
  PtBlock *block = pt_block_new ("97112", 20);
  Log log;

  log_watch (&log, block);

  /* 97150 (group therapy) is untimed: the code notifies, and timed with it */
  pt_block_set_code (block, "97150");
  g_assert_false (pt_block_get_timed (block));
  assert_logged (&log, "code,timed,");

  pt_block_set_code (block, "97150");
  assert_logged (&log, "");

  /* setting the value it already has only marks it as set */
  pt_block_set_timed (block, FALSE);
  g_assert_true (pt_block_get_timed_set (block));
  assert_logged (&log, "timed-set,");

  pt_block_set_timed (block, FALSE);
  assert_logged (&log, "");

  pt_block_set_timed (block, TRUE);
  g_assert_true (pt_block_get_timed (block));
  assert_logged (&log, "timed,");

  /* once set, a code change leaves timed alone */
  pt_block_set_code (block, "97010");
  g_assert_true (pt_block_get_timed (block));
  assert_logged (&log, "code,");

  /* unset: back to the code's default, which differs */
  pt_block_unset_timed (block);
  g_assert_false (pt_block_get_timed (block));
  g_assert_false (pt_block_get_timed_set (block));
  assert_logged (&log, "timed-set,timed,");

  pt_block_unset_timed (block);
  assert_logged (&log, "");

  g_signal_handlers_disconnect_by_data (block, &log);
  log_clear (&log);
  g_assert_finalize_object (block);
}

static void
test_block_skilled_toggle (void)
{
  PtBlock *block = pt_block_new ("97112", 20);
  const char * const expected[] = { "verbal-cues", "perturbation", NULL };
  const char * const after[] = { "perturbation", NULL };
  Log log;

  log_watch (&log, block);

  pt_block_toggle_skilled (block, "verbal-cues", TRUE);
  pt_block_toggle_skilled (block, "perturbation", TRUE);
  assert_logged (&log, "skilled,skilled,");
  g_assert_true (g_strv_equal (pt_block_get_skilled (block), expected));
  g_assert_true (pt_block_has_skilled (block, "perturbation"));
  g_assert_false (pt_block_has_skilled (block, "feedback"));

  pt_block_toggle_skilled (block, "verbal-cues", TRUE);
  pt_block_toggle_skilled (block, "feedback", FALSE);
  assert_logged (&log, "");

  pt_block_toggle_skilled (block, "verbal-cues", FALSE);
  assert_logged (&log, "skilled,");
  g_assert_true (g_strv_equal (pt_block_get_skilled (block), after));

  pt_block_set_skilled (block, NULL);
  assert_logged (&log, "skilled,");
  g_assert_cmpuint (g_strv_length ((char **) pt_block_get_skilled (block)), ==, 0);

  g_signal_handlers_disconnect_by_data (block, &log);
  log_clear (&log);
  g_assert_finalize_object (block);
}

static void
test_block_copy (void)
{
  PtBlock *block = pt_block_new ("97150", 30);
  PtBlock *copy;

  pt_block_set_timed (block, TRUE);
  pt_block_set_provider (block, PT_PROVIDER_TOGETHER);
  pt_block_set_one_on_one (block, FALSE);
  pt_block_set_skilled (block, skilled_two);
  for (guint f = 0; f < PT_BLOCK_N_TEXT_FIELDS; f++)
    pt_block_set_text (block, f, pt_block_field_names[f]);

  copy = pt_block_copy (block);
  g_assert_true (copy != block);
  g_assert_cmpstr (pt_block_get_code (copy), ==, "97150");
  g_assert_cmpint (pt_block_get_minutes (copy), ==, 30);
  g_assert_true (pt_block_get_timed (copy));
  g_assert_true (pt_block_get_timed_set (copy));
  g_assert_cmpint (pt_block_get_provider (copy), ==, PT_PROVIDER_TOGETHER);
  g_assert_false (pt_block_get_one_on_one (copy));
  g_assert_true (g_strv_equal (pt_block_get_skilled (copy), skilled_two));
  for (guint f = 0; f < PT_BLOCK_N_TEXT_FIELDS; f++)
    g_assert_cmpstr (pt_block_get_text (copy, f), ==, pt_block_field_names[f]);

  pt_block_set_minutes (copy, 5);
  g_assert_cmpint (pt_block_get_minutes (block), ==, 30);

  g_assert_finalize_object (copy);
  g_assert_finalize_object (block);
}

static void
test_visit_defaults (void)
{
  PtVisit *visit = pt_visit_new ();
  Log log;

  g_assert_cmpstr (pt_visit_get_title (visit), ==, "");
  g_assert_cmpstr (pt_visit_get_date (visit), ==, "");
  g_assert_cmpint (pt_visit_get_method (visit), ==, PT_METHOD_CMS);
  g_assert_cmpint (pt_visit_get_discipline (visit), ==, PT_DISCIPLINE_PT);
  g_assert_cmpint (pt_visit_get_diagnosis_category (visit), ==, PT_DIAGNOSIS_UNSET);
  g_assert_nonnull (pt_visit_get_tie_preference (visit));
  g_assert_null (pt_visit_get_tie_preference (visit)[0]);
  g_assert_cmpuint (pt_visit_get_n_blocks (visit), ==, 0);
  g_assert_true (G_IS_LIST_MODEL (pt_visit_get_blocks (visit)));

  /* NULL is the empty string: no change, no notification */
  log_watch (&log, visit);
  pt_visit_set_title (visit, NULL);
  pt_visit_set_tie_preference (visit, NULL);
  assert_logged (&log, "");
  g_assert_cmpuint (log.changed, ==, 0);

  g_signal_handlers_disconnect_by_data (visit, &log);
  log_clear (&log);
  g_assert_finalize_object (visit);
}

/* "changed" fires once for each block edit, add and remove, at least once
 * for a move, and never for a block that left the visit. */
static void
test_visit_changed (void)
{
  PtVisit *visit = pt_visit_new ();
  PtBlock *a = pt_block_new ("97112", 24);
  PtBlock *b = pt_block_new ("97110", 23);
  PtBlock *c = pt_block_new ("97140", 7);
  Log log;

  log_watch (&log, visit);

  pt_visit_append_block (visit, a);
  g_assert_cmpuint (log.changed, ==, 1);
  pt_visit_append_block (visit, b);
  pt_visit_insert_block (visit, 0, c);
  g_assert_cmpuint (log.changed, ==, 3);
  assert_logged (&log, "");
  g_assert_cmpuint (pt_visit_get_n_blocks (visit), ==, 3);
  g_assert_true (pt_visit_get_block (visit, 0) == c);
  g_assert_cmpint (pt_visit_find_block (visit, b), ==, 2);

  pt_block_set_minutes (a, 30);
  g_assert_cmpuint (log.changed, ==, 1);
  pt_block_set_minutes (a, 30);
  g_assert_cmpuint (log.changed, ==, 1);
  pt_block_set_text (b, PT_BLOCK_GOAL, "Stairs");
  g_assert_cmpuint (log.changed, ==, 2);
  log_reset (&log);

  /* move c (first) to the end: order a, b, c */
  pt_visit_move_block (visit, 0, 2);
  g_assert_cmpuint (log.changed, >=, 1);
  g_assert_true (pt_visit_get_block (visit, 0) == a);
  g_assert_true (pt_visit_get_block (visit, 1) == b);
  g_assert_true (pt_visit_get_block (visit, 2) == c);
  log_reset (&log);

  /* the moved block is watched once, not twice or not at all */
  pt_block_set_minutes (c, 8);
  g_assert_cmpuint (log.changed, ==, 1);
  log_reset (&log);

  pt_visit_move_block (visit, 1, 1);
  g_assert_cmpuint (log.changed, ==, 0);

  pt_visit_remove_block (visit, 1);
  g_assert_cmpuint (log.changed, ==, 1);
  g_assert_cmpint (pt_visit_find_block (visit, b), ==, -1);
  log_reset (&log);

  /* b left the visit: its edits are not the visit's */
  pt_block_set_minutes (b, 1);
  g_assert_cmpuint (log.changed, ==, 0);

  /* a visit field */
  pt_visit_set_payer (visit, "Acme");
  g_assert_cmpuint (log.changed, ==, 1);
  assert_logged (&log, "payer,");

  g_signal_handlers_disconnect_by_data (visit, &log);
  log_clear (&log);
  g_assert_finalize_object (visit);
  g_assert_finalize_object (a);
  g_assert_finalize_object (b);
  g_assert_finalize_object (c);
}

static PtVisit *
make_full_visit (void)
{
  PtVisit *visit = pt_visit_new ();
  g_autoptr(PtBlock) a = pt_block_new ("97112", 24);
  g_autoptr(PtBlock) b = pt_block_new ("97150", 30);

  pt_visit_set_title (visit, "Post-stroke balance");
  pt_visit_set_date (visit, "2026-03-14");
  pt_visit_set_payer (visit, "Medicare Part B");
  pt_visit_set_method (visit, PT_METHOD_AMA);
  pt_visit_set_discipline (visit, PT_DISCIPLINE_OT);
  pt_visit_set_diagnosis (visit, "Left hemiparesis");
  pt_visit_set_diagnosis_category (visit, PT_DIAGNOSIS_NEUROLOGIC);
  pt_visit_set_tie_preference (visit, strv_two);

  pt_block_set_provider (a, PT_PROVIDER_ASSISTANT);
  pt_block_set_skilled (a, skilled_one);
  pt_block_set_text (a, PT_BLOCK_RATIONALE, "Reactions");
  pt_block_set_timed (b, TRUE);
  pt_block_set_one_on_one (b, FALSE);
  pt_visit_append_block (visit, a);
  pt_visit_append_block (visit, b);

  return visit;
}

static void
test_visit_copy (void)
{
  PtVisit *visit = make_full_visit ();
  PtVisit *copy = pt_visit_copy (visit);
  PtBlock *a, *ca;

  g_assert_true (copy != visit);
  g_assert_cmpstr (pt_visit_get_title (copy), ==, "Post-stroke balance");
  g_assert_cmpstr (pt_visit_get_date (copy), ==, "2026-03-14");
  g_assert_cmpstr (pt_visit_get_payer (copy), ==, "Medicare Part B");
  g_assert_cmpint (pt_visit_get_method (copy), ==, PT_METHOD_AMA);
  g_assert_cmpint (pt_visit_get_discipline (copy), ==, PT_DISCIPLINE_OT);
  g_assert_cmpstr (pt_visit_get_diagnosis (copy), ==, "Left hemiparesis");
  g_assert_cmpint (pt_visit_get_diagnosis_category (copy), ==, PT_DIAGNOSIS_NEUROLOGIC);
  g_assert_true (g_strv_equal (pt_visit_get_tie_preference (copy), strv_two));
  g_assert_cmpuint (pt_visit_get_n_blocks (copy), ==, 2);

  a = pt_visit_get_block (visit, 0);
  ca = pt_visit_get_block (copy, 0);
  g_assert_true (a != ca);
  g_assert_cmpstr (pt_block_get_code (ca), ==, "97112");
  g_assert_cmpint (pt_block_get_provider (ca), ==, PT_PROVIDER_ASSISTANT);
  g_assert_true (g_strv_equal (pt_block_get_skilled (ca), skilled_one));
  g_assert_cmpstr (pt_block_get_text (ca, PT_BLOCK_RATIONALE), ==, "Reactions");
  g_assert_true (pt_block_get_timed_set (pt_visit_get_block (copy, 1)));
  g_assert_true (pt_block_get_timed (pt_visit_get_block (copy, 1)));
  g_assert_false (pt_block_get_one_on_one (pt_visit_get_block (copy, 1)));

  /* independent: editing the copy leaves the original */
  pt_block_set_minutes (ca, 1);
  pt_visit_remove_block (copy, 1);
  pt_visit_set_title (copy, "Other");
  g_assert_cmpint (pt_block_get_minutes (a), ==, 24);
  g_assert_cmpuint (pt_visit_get_n_blocks (visit), ==, 2);
  g_assert_cmpstr (pt_visit_get_title (visit), ==, "Post-stroke balance");

  g_assert_finalize_object (copy);
  g_assert_finalize_object (visit);
}

/* The engine's input: timed from the code unless the block says, minutes of
 * one code summed by the engine, and a tie preference of its own. */
static void
test_visit_input (void)
{
  PtVisit *visit = pt_visit_new ();
  const char * const prefer[] = { "97110", NULL };
  const struct { const char *code; gint minutes; gint timed; PtProvider provider; } blocks[] = {
    { "97112", 10, -1, PT_PROVIDER_THERAPIST },
    { "97150", 30, -1, PT_PROVIDER_THERAPIST }, /* untimed by its code */
    { "97110", 23, -1, PT_PROVIDER_ASSISTANT },
    { "97112", 14, -1, PT_PROVIDER_TOGETHER },
    { "97530", 5, FALSE, PT_PROVIDER_THERAPIST }, /* untimed because the block says so */
    { "97010", 12, TRUE, PT_PROVIDER_THERAPIST }, /* timed although the code is not */
  };
  g_autoptr(PtVisitInput) input = NULL;
  g_autoptr(PtAllocResult) result = NULL;
  g_autoptr(GError) error = NULL;

  pt_visit_set_tie_preference (visit, prefer);
  for (guint i = 0; i < G_N_ELEMENTS (blocks); i++)
    {
      g_autoptr(PtBlock) block = pt_block_new (blocks[i].code, blocks[i].minutes);

      if (blocks[i].timed >= 0)
        pt_block_set_timed (block, blocks[i].timed);
      pt_block_set_provider (block, blocks[i].provider);
      pt_visit_append_block (visit, block);
    }

  input = pt_visit_input_new (visit, PT_METHOD_CMS, PT_TIE_RULE_MOST_MINUTES);
  g_assert_cmpuint (input->input.n_blocks, ==, G_N_ELEMENTS (blocks));
  g_assert_cmpint (input->input.method, ==, PT_METHOD_CMS);
  g_assert_cmpint (input->input.tie_rule, ==, PT_TIE_RULE_MOST_MINUTES);
  g_assert_true (input->input.blocks == input->blocks);

  for (guint i = 0; i < G_N_ELEMENTS (blocks); i++)
    {
      gboolean timed = blocks[i].timed >= 0 ? blocks[i].timed : strcmp (blocks[i].code, "97150") != 0;

      g_assert_cmpstr (input->blocks[i].code, ==, blocks[i].code);
      g_assert_cmpint (input->blocks[i].minutes, ==, blocks[i].minutes);
      g_assert_cmpint (input->blocks[i].timed, ==, timed);
      g_assert_cmpint (input->blocks[i].provider, ==, blocks[i].provider);
    }

  /* the preference is a copy: later edits of the visit do not reach it */
  pt_visit_set_tie_preference (visit, NULL);
  g_assert_true (g_strv_equal (input->input.tie_preference, prefer));

  /* Timed: 97112 10+14 = 24, 97110 23, 97010 12: 59 minutes, 4 units
   * (53-67). Whole units: 97112 1, 97110 1 (leftovers 9, 8, 12). Two
   * more go by leftover: 97010 (12), then 97112 (9). */
  result = pt_allocate (&input->input, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result->total_timed_minutes, ==, 59);
  g_assert_cmpint (result->total_timed_units, ==, 4);
  g_assert_cmpint (result->total_units, ==, 6);
  g_assert_cmpuint (result->codes->len, ==, 5);
  g_assert_cmpint (pt_alloc_result_units_for (result, "97112"), ==, 2);
  g_assert_cmpint (pt_alloc_result_units_for (result, "97110"), ==, 1);
  g_assert_cmpint (pt_alloc_result_units_for (result, "97010"), ==, 1);
  g_assert_cmpint (pt_alloc_result_units_for (result, "97150"), ==, 1);
  g_assert_cmpint (pt_alloc_result_units_for (result, "97530"), ==, 1);
  g_assert_cmpint (pt_alloc_result_get_code (result, 0)->minutes, ==, 24);

  g_assert_finalize_object (visit);
}

/* A code longer than the engine's buffer is cut, and still refused. */
static void
test_visit_input_long_code (void)
{
  PtVisit *visit = pt_visit_new ();
  g_autoptr(PtBlock) block = pt_block_new ("971120000000000000000", 20);
  g_autoptr(PtVisitInput) input = NULL;
  g_autoptr(PtAllocResult) result = NULL;
  g_autoptr(GError) error = NULL;

  pt_visit_append_block (visit, block);
  input = pt_visit_input_new (visit, PT_METHOD_AMA, PT_TIE_RULE_ENTRY_ORDER);
  g_assert_cmpuint (strlen (input->blocks[0].code), ==, PT_CODE_BUF - 1);

  result = pt_allocate (&input->input, &error);
  g_assert_null (result);
  g_assert_error (error, PT_ENGINE_ERROR, PT_ENGINE_ERROR_BAD_CODE);

  g_clear_object (&block);
  g_assert_finalize_object (visit);
}

static void
test_visit_input_empty (void)
{
  PtVisit *visit = pt_visit_new ();
  g_autoptr(PtVisitInput) input = pt_visit_input_new (visit, PT_METHOD_CMS, PT_TIE_RULE_ENTRY_ORDER);
  g_autoptr(PtAllocResult) result = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (input->input.n_blocks, ==, 0);
  result = pt_allocate (&input->input, &error);
  g_assert_null (result);
  g_assert_error (error, PT_ENGINE_ERROR, PT_ENGINE_ERROR_NO_BLOCKS);

  g_assert_finalize_object (visit);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (block_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/model/block/property/%s", block_cases[i].name);

      g_test_add_data_func (path, &block_cases[i], test_block_property);
    }
  for (guint i = 0; i < G_N_ELEMENTS (visit_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/model/visit/property/%s", visit_cases[i].name);

      g_test_add_data_func (path, &visit_cases[i], test_visit_property);
    }

  g_test_add_func ("/model/block/defaults", test_block_defaults);
  g_test_add_func ("/model/block/timed", test_block_timed);
  g_test_add_func ("/model/block/skilled-toggle", test_block_skilled_toggle);
  g_test_add_func ("/model/block/copy", test_block_copy);
  g_test_add_func ("/model/visit/defaults", test_visit_defaults);
  g_test_add_func ("/model/visit/changed", test_visit_changed);
  g_test_add_func ("/model/visit/copy", test_visit_copy);
  g_test_add_func ("/model/visit/input", test_visit_input);
  g_test_add_func ("/model/visit/input-long-code", test_visit_input_long_code);
  g_test_add_func ("/model/visit/input-empty", test_visit_input_empty);

  return g_test_run ();
}
