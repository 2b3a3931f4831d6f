/* test-workspace.c: the state behind a window, without a display: live
 * results, dirty state, open and save, undo and redo, ties, drafts, summary */
#include "config.h"

#include <glib/gstdio.h>
#include <utime.h>
#include <string.h>

#include "pt-test-utils.h"
#include "pt-visit-check.h"
#include "pt-visit-io.h"
#include "pt-visit-summary.h"
#include "pt-workspace.h"

static PtBlock *
add_block (PtWorkspace *ws,
           const char  *code,
           gint         minutes)
{
  g_autoptr(PtBlock) block = pt_block_new (code, minutes);

  pt_visit_append_block (pt_workspace_get_visit (ws), block);
  return block;
}

static void
count_cb (gpointer  instance,
          guint    *count)
{
  (*count)++;
}

static void
test_results_follow_edits (void)
{
  g_autoptr(PtWorkspace) ws = pt_workspace_new (NULL);
  guint changes = 0;
  PtBlock *b;

  g_signal_connect (ws, "results-changed", G_CALLBACK (count_cb), &changes);

  g_assert_null (pt_workspace_get_result (ws, PT_METHOD_CMS));
  g_assert_nonnull (pt_workspace_get_error (ws));
  g_assert_false (pt_workspace_get_dirty (ws));

  add_block (ws, "97112", 24);
  b = add_block (ws, "97110", 23);
  g_assert_cmpuint (changes, ==, 2);
  g_assert_cmpint (pt_workspace_get_result (ws, PT_METHOD_CMS)->total_units, ==, 3);
  g_assert_cmpint (pt_workspace_get_result (ws, PT_METHOD_AMA)->total_units, ==, 4);
  g_assert_true (pt_workspace_get_dirty (ws));

  pt_block_set_minutes (b, 18);
  g_assert_cmpuint (changes, ==, 3);
  /* 24 + 18 = 42 minutes: 3 pooled; per code 24 gives 2 and 18 gives 1 */
  g_assert_cmpint (pt_workspace_get_result (ws, PT_METHOD_CMS)->total_units, ==, 3);
  g_assert_cmpint (pt_workspace_get_result (ws, PT_METHOD_AMA)->total_units, ==, 3);

  /* a bad block is named, and the results are withheld, not guessed */
  pt_block_set_code (b, "9711");
  g_assert_null (pt_workspace_get_result (ws, PT_METHOD_CMS));
  g_assert_null (pt_workspace_get_block_problem (ws, 0));
  g_assert_nonnull (pt_workspace_get_block_problem (ws, 1));
  g_assert_true (strstr (pt_workspace_get_block_problem (ws, 1), "9711") != NULL);
}

static void
test_method_difference_text (void)
{
  g_autoptr(PtWorkspace) ws = pt_workspace_new (NULL);
  g_autofree char *d = NULL;
  g_autofree char *same = NULL;
  PtBlock *b;

  add_block (ws, "97112", 20);
  b = add_block (ws, "97110", 18);
  d = pt_method_difference_text (pt_workspace_get_result (ws, PT_METHOD_CMS),
                                 pt_workspace_get_result (ws, PT_METHOD_AMA));
  /* scenario D: 3 under CMS, 2 under AMA, and the text says so */
  g_assert_nonnull (d);
  g_assert_true (strstr (d, "3") != NULL && strstr (d, "2") != NULL && strstr (d, "38") != NULL);

  pt_block_set_minutes (b, 15);
  pt_block_set_code (b, "97110");
  {
    g_autoptr(PtBlock) only = NULL;

    pt_visit_remove_block (pt_workspace_get_visit (ws), 0);
    same = pt_method_difference_text (pt_workspace_get_result (ws, PT_METHOD_CMS),
                                      pt_workspace_get_result (ws, PT_METHOD_AMA));
    g_assert_null (same);
  }
}

static char *
temp_path (const char *name)
{
  return g_build_filename (g_get_tmp_dir (), name, NULL);
}

static void
test_save_and_open (void)
{
  g_autoptr(PtWorkspace) ws = pt_workspace_new (NULL);
  g_autoptr(PtWorkspace) other = pt_workspace_new (NULL);
  g_autofree char *path = temp_path ("ws-save.ptvisit.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  pt_visit_set_title (pt_workspace_get_visit (ws), "Saved visit");
  add_block (ws, "97530", 60);
  g_assert_true (pt_workspace_save (ws, file, &error));
  g_assert_no_error (error);
  g_assert_false (pt_workspace_get_dirty (ws));
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  g_assert_true (pt_workspace_open (other, file, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (pt_visit_get_title (pt_workspace_get_visit (other)), ==, "Saved visit");
  g_assert_cmpint (pt_workspace_get_result (other, PT_METHOD_CMS)->total_units, ==, 4);
  g_assert_false (pt_workspace_get_dirty (other));
  g_assert_true (g_file_equal (pt_workspace_get_file (other), file));
}

/* A malformed file opens nothing; the visit being edited stays as it was. */
static void
test_open_malformed_keeps_visit (void)
{
  g_autoptr(PtWorkspace) ws = pt_workspace_new (NULL);
  g_autofree char *path = temp_path ("ws-bad.ptvisit.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  PtVisit *before;

  g_assert_true (g_file_set_contents (path, "{\"format\": 1, \"kind\": \"visit\", \"blocks\": "
                                      "[{\"code\": \"97110\", \"minutes\": \"ten\"}]}", -1, NULL));
  add_block (ws, "97112", 30);
  before = pt_workspace_get_visit (ws);

  g_assert_false (pt_workspace_open (ws, file, &error));
  g_assert_nonnull (error);
  g_assert_true (strstr (error->message, "blocks[0].minutes") != NULL);
  g_assert_true (pt_workspace_get_visit (ws) == before);
  g_assert_cmpuint (pt_visit_get_n_blocks (before), ==, 1);
  g_assert_true (pt_workspace_get_dirty (ws));
  g_assert_null (pt_workspace_get_file (ws));
}

static void
test_undo_redo (void)
{
  g_autoptr(PtWorkspace) ws = pt_workspace_new (NULL);
  PtHistory *history = pt_workspace_get_history (ws);
  PtVisit *visit = pt_workspace_get_visit (ws);
  PtBlock *b;

  g_assert_false (pt_history_can_undo (history));

  b = add_block (ws, "97112", 24);
  pt_workspace_record_now (ws);
  pt_block_set_minutes (b, 30);
  pt_workspace_record_now (ws);
  add_block (ws, "97110", 10);
  pt_workspace_record_now (ws);
  g_assert_cmpuint (pt_visit_get_n_blocks (visit), ==, 2);

  /* removing a block is undone with the block as it was */
  pt_visit_remove_block (visit, 0);
  pt_workspace_record_now (ws);
  g_assert_cmpuint (pt_visit_get_n_blocks (visit), ==, 1);

  g_assert_true (pt_history_undo (history));
  g_assert_cmpuint (pt_visit_get_n_blocks (visit), ==, 2);
  g_assert_cmpstr (pt_block_get_code (pt_visit_get_block (visit, 0)), ==, "97112");
  g_assert_cmpint (pt_block_get_minutes (pt_visit_get_block (visit, 0)), ==, 30);
  g_assert_cmpint (pt_workspace_get_result (ws, PT_METHOD_CMS)->total_units, ==, 3);

  g_assert_true (pt_history_undo (history));
  g_assert_cmpuint (pt_visit_get_n_blocks (visit), ==, 1);
  g_assert_true (pt_history_undo (history));
  g_assert_cmpint (pt_block_get_minutes (pt_visit_get_block (visit, 0)), ==, 24);

  g_assert_true (pt_history_redo (history));
  g_assert_cmpint (pt_block_get_minutes (pt_visit_get_block (visit, 0)), ==, 30);
  g_assert_true (pt_history_can_redo (history));

  /* a new edit drops the redo steps */
  pt_block_set_minutes (pt_visit_get_block (visit, 0), 31);
  pt_workspace_record_now (ws);
  g_assert_false (pt_history_can_redo (history));
}

/* Picking a code in a tie stores it as the visit's tie preference and moves the unit. */
static void
test_tie_choice (void)
{
  g_autoptr(PtWorkspace) ws = pt_workspace_new (NULL);
  const PtAllocResult *r;

  add_block (ws, "97112", 20);
  add_block (ws, "97110", 20);
  r = pt_workspace_get_result (ws, PT_METHOD_CMS);
  g_assert_cmpuint (r->ties->len, ==, 1);
  g_assert_cmpint (pt_alloc_result_units_for (r, "97112"), ==, 2);

  pt_workspace_choose_tie (ws, "97110");
  r = pt_workspace_get_result (ws, PT_METHOD_CMS);
  g_assert_cmpint (pt_alloc_result_units_for (r, "97110"), ==, 2);
  g_assert_cmpint (pt_alloc_result_units_for (r, "97112"), ==, 1);
  g_assert_cmpstr (pt_visit_get_tie_preference (pt_workspace_get_visit (ws))[0], ==, "97110");

  pt_workspace_choose_tie (ws, "97112");
  g_assert_cmpstrv (pt_visit_get_tie_preference (pt_workspace_get_visit (ws)),
                    ((const char *[]) { "97112", "97110", NULL }));
}

/* A draft written during editing survives the workspace (a crash) and is
 * restored by another one with the same visit, dirty. A save removes it. */
static void
test_draft_restore (void)
{
  g_autoptr(PtWorkspace) ws = pt_workspace_new (NULL);
  g_autoptr(PtWorkspace) next = pt_workspace_new (NULL);
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) draft = NULL;
  g_autofree char *path = temp_path ("ws-draft.ptvisit.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *draft_path = NULL;
  GStatBuf st;

  pt_visit_set_title (pt_workspace_get_visit (ws), "Before the crash");
  add_block (ws, "97116", 33);
  g_assert_true (pt_workspace_write_draft (ws, &error));
  g_assert_no_error (error);

  draft = pt_workspace_get_draft_file (ws);
  draft_path = g_file_get_path (draft);
  g_assert_cmpint (g_stat (draft_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  drafts = pt_workspace_list_drafts ();
  g_assert_cmpuint (drafts->len, ==, 1);

  g_assert_true (pt_workspace_restore_draft (next, g_ptr_array_index (drafts, 0), &error));
  g_assert_no_error (error);
  g_assert_cmpstr (pt_visit_get_title (pt_workspace_get_visit (next)), ==, "Before the crash");
  g_assert_cmpint (pt_block_get_minutes (pt_visit_get_block (pt_workspace_get_visit (next), 0)), ==, 33);
  g_assert_true (pt_workspace_get_dirty (next));

  g_assert_true (pt_workspace_save (next, file, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_query_exists (draft, NULL));
}

/* The copied summary holds the visit, both methods and the explanation. */
static void
test_summary_text (void)
{
  g_autoptr(PtWorkspace) ws = pt_workspace_new (NULL);
  g_autofree char *text = NULL;

  pt_visit_set_title (pt_workspace_get_visit (ws), "Mixed visit");
  add_block (ws, "97112", 24);
  add_block (ws, "97110", 23);
  text = pt_visit_summary_text (pt_workspace_get_visit (ws),
                                pt_workspace_get_result (ws, PT_METHOD_CMS),
                                pt_workspace_get_result (ws, PT_METHOD_AMA));

  g_assert_true (strstr (text, "Mixed visit") != NULL);
  g_assert_true (strstr (text, "CMS total-time") != NULL);
  g_assert_true (strstr (text, "AMA per-code") != NULL);
  g_assert_true (strstr (text, "Unit 3 → 97112") != NULL);

  /* the date of service as the locale writes dates (03/14/26 in C), not as stored */
  {
    g_autoptr(GDateTime) when = g_date_time_new_local (2026, 3, 14, 12, 0, 0);
    g_autofree char *local = g_date_time_format (when, "%x");
    g_autofree char *dated = NULL;

    pt_visit_set_date (pt_workspace_get_visit (ws), "2026-03-14");
    dated = pt_visit_summary_text (pt_workspace_get_visit (ws),
                                   pt_workspace_get_result (ws, PT_METHOD_CMS),
                                   pt_workspace_get_result (ws, PT_METHOD_AMA));
    g_assert_true (strstr (dated, local) != NULL);
    g_assert_cmpstr (local, ==, "03/14/26");
  }
  g_assert_true (strstr (text, "beat 97110") != NULL);
}

/* The assistant-modifier finding states the units the CQ/CO calculator
 * worked out, not a generic reminder. */
static void
test_assistant_finding_states_units (void)
{
  g_autoptr(PtWorkspace) ws = pt_workspace_new (NULL);
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GError) error = NULL;
  PtBlock *pta, *pt;
  gboolean seen = FALSE;

  pt_visit_set_date (pt_workspace_get_visit (ws), "2026-03-14");
  /* CMS's example: the assistant 23 minutes, the therapist 13 of 97110 (2 units, 1 with CQ) */
  pta = add_block (ws, "97110", 23);
  pt_block_set_provider (pta, PT_PROVIDER_ASSISTANT);
  pt = add_block (ws, "97110", 13);
  pt_block_set_provider (pt, PT_PROVIDER_THERAPIST);
  add_block (ws, "97140", 30);

  findings = pt_visit_check (pt_workspace_get_visit (ws), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < findings->len; i++)
    {
      PtDocFinding *f = g_ptr_array_index (findings, i);

      if (g_strcmp0 (f->id, "assistant-modifier") == 0)
        {
          seen = TRUE;
          g_assert_cmpstr (f->code, ==, "97110");
          g_assert_true (strstr (f->message, "1 unit carries CQ with GP") != NULL);
        }
    }
  g_assert_true (seen);
}

/* The documentation checks keep each block's own findings between changes.
 * Each edit below is made on the same visit in turn; after it the findings
 * must be exactly those of a fresh, uncached run, and only the blocks whose
 * wording (code, one-on-one, skilled ids, text, the visit's diagnosis, or
 * place) changed may be read again. */
typedef struct {
  const char *what;
  void      (*edit) (PtVisit *visit);
  guint       rechecked; /* blocks read anew; G_MAXUINT: all of them */
  gboolean    changes;   /* the findings differ from before the edit */
} CheckEdit;

static void
edit_minutes_not_billed (PtVisit *visit)
{
  /* 97530 drops to 5 min: no unit left for it under either method */
  pt_block_set_minutes (pt_visit_get_block (visit, 2), 5);
}

static void
edit_minutes_back (PtVisit *visit)
{
  pt_block_set_minutes (pt_visit_get_block (visit, 2), 20);
}

static void
edit_provider (PtVisit *visit)
{
  pt_block_set_provider (pt_visit_get_block (visit, 0), PT_PROVIDER_THERAPIST);
}

static void
edit_deficit (PtVisit *visit)
{
  pt_block_set_text (pt_visit_get_block (visit, 1), PT_BLOCK_DEFICIT, "poor balance reactions, two falls");
}

static void
edit_response (PtVisit *visit)
{
  pt_block_set_text (pt_visit_get_block (visit, 0), PT_BLOCK_RESPONSE, "fewer losses of balance by the end");
}

static void
edit_code (PtVisit *visit)
{
  pt_block_set_code (pt_visit_get_block (visit, 2), "97112");
}

static void
edit_group (PtVisit *visit)
{
  pt_block_set_one_on_one (pt_visit_get_block (visit, 1), FALSE);
}

static void
edit_skilled (PtVisit *visit)
{
  /* block 2 names no cue: a ticked skilled id answers skilled-cues-missing */
  pt_block_toggle_skilled (pt_visit_get_block (visit, 1), pt_skilled_ids[0], TRUE);
}

static void
edit_diagnosis (PtVisit *visit)
{
  pt_visit_set_diagnosis_category (visit, PT_DIAGNOSIS_MUSCULOSKELETAL);
}

static void
edit_move (PtVisit *visit)
{
  pt_visit_move_block (visit, 0, 1);
}

static void
edit_remove_last (PtVisit *visit)
{
  pt_visit_remove_block (visit, pt_visit_get_n_blocks (visit) - 1);
}

static void
edit_append (PtVisit *visit)
{
  g_autoptr(PtBlock) block = pt_block_new ("97112", 12);

  pt_visit_append_block (visit, block);
}

static gboolean
findings_equal (GPtrArray *a,
                GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;

  for (guint i = 0; i < a->len; i++)
    {
      PtDocFinding *x = g_ptr_array_index (a, i);
      PtDocFinding *y = g_ptr_array_index (b, i);

      if (g_strcmp0 (x->id, y->id) != 0 || x->block != y->block || x->severity != y->severity ||
          g_strcmp0 (x->code, y->code) != 0 || x->field != y->field ||
          g_strcmp0 (x->message, y->message) != 0 || g_strcmp0 (x->hint, y->hint) != 0)
        return FALSE;
    }

  return TRUE;
}

static GPtrArray *
copy_findings (GPtrArray *findings)
{
  GPtrArray *copy = g_ptr_array_new_with_free_func ((GDestroyNotify) pt_doc_finding_free);

  for (guint i = 0; i < findings->len; i++)
    {
      PtDocFinding *f = g_memdup2 (g_ptr_array_index (findings, i), sizeof (PtDocFinding));

      f->message = g_strdup (f->message);
      f->hint = g_strdup (f->hint);
      g_ptr_array_add (copy, f);
    }

  return copy;
}

static void
test_check_cache_follows_edits (void)
{
  static const CheckEdit edits[] = {
    { "minutes: a code no longer billed", edit_minutes_not_billed, 0, TRUE },
    { "minutes back", edit_minutes_back, 0, TRUE },
    { "provider: no more assistant minutes", edit_provider, 0, TRUE },
    { "deficit text", edit_deficit, 1, TRUE },
    { "response text", edit_response, 1, TRUE },
    { "code", edit_code, 1, TRUE },
    { "one-on-one", edit_group, 1, TRUE },
    { "skilled id", edit_skilled, 1, TRUE },
    { "diagnosis", edit_diagnosis, G_MAXUINT, TRUE },
    { "move", edit_move, 2, TRUE },
    { "remove the last block", edit_remove_last, 0, TRUE },
    { "append a block", edit_append, 1, TRUE },
  };
  g_autoptr(PtWorkspace) ws = pt_workspace_new (NULL);
  PtVisit *visit = pt_workspace_get_visit (ws);
  g_autoptr(GPtrArray) before = NULL;
  PtBlock *b;

  b = add_block (ws, "97112", 20);
  pt_block_toggle_skilled (b, pt_skilled_ids[0], TRUE);
  pt_block_set_provider (b, PT_PROVIDER_ASSISTANT);
  pt_block_set_text (b, PT_BLOCK_DEFICIT, "impaired proprioception of the left ankle");
  pt_block_set_text (b, PT_BLOCK_INTERVENTION, "perturbation training on foam with verbal cues");
  b = add_block (ws, "97112", 15);
  pt_block_set_text (b, PT_BLOCK_INTERVENTION, "exercises");
  b = add_block (ws, "97530", 20);
  pt_block_set_text (b, PT_BLOCK_GOAL, "independent transfers");
  add_block (ws, "97110", 10);

  before = copy_findings (pt_workspace_get_check (ws)->findings);

  for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
    {
      g_autoptr(PtVisitCheck) fresh = NULL;
      g_autoptr(GError) error = NULL;
      const PtVisitCheck *check;
      guint checked = pt_workspace_get_blocks_checked (ws);
      guint want;

      g_test_message ("%s", edits[i].what);
      edits[i].edit (visit);
      want = edits[i].rechecked == G_MAXUINT ? pt_visit_get_n_blocks (visit) : edits[i].rechecked;

      check = pt_workspace_get_check (ws);
      g_assert_nonnull (check);
      fresh = pt_visit_check_run (visit, PT_TIE_RULE_ENTRY_ORDER, &error);
      g_assert_no_error (error);

      g_assert_true (findings_equal (check->findings, fresh->findings));
      g_assert_cmpuint (pt_workspace_get_blocks_checked (ws) - checked, ==, want);
      g_assert_cmpint (findings_equal (check->findings, before), ==, !edits[i].changes);

      g_ptr_array_unref (before);
      before = copy_findings (check->findings);
    }
}

/* A long code with accented letters is cut on a character, so the message
 * naming it is valid UTF-8. */
static void
test_long_code_message_utf8 (void)
{
  g_autoptr(PtWorkspace) ws = pt_workspace_new (NULL);

  add_block (ws, "éééééééééé", 10);
  g_assert_nonnull (pt_workspace_get_block_problem (ws, 0));
  g_assert_true (g_utf8_validate (pt_workspace_get_block_problem (ws, 0), -1, NULL));
  g_assert_true (g_utf8_validate (pt_workspace_get_error (ws)->message, -1, NULL));
}

/* A temporary file left by a killed save is swept by the next save once it is
 * over a minute old; a fresh one (a save in progress) is left alone. */
static void
test_stale_temporaries_swept (void)
{
  g_autofree char *dir = g_dir_make_tmp ("sweep-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "v.ptvisit.json", NULL);
  g_autofree char *stale = g_build_filename (dir, "v.ptvisit.json.AbC123", NULL);
  g_autofree char *fresh = g_build_filename (dir, "v.ptvisit.json.XyZ789", NULL);
  g_autofree char *other = g_build_filename (dir, "v.ptvisit.json.bak", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  struct utimbuf old = { 1000, 1000 };

  g_assert_true (g_file_set_contents (stale, "half", -1, NULL));
  g_assert_true (g_file_set_contents (fresh, "half", -1, NULL));
  g_assert_true (g_file_set_contents (other, "keep", -1, NULL));
  g_assert_cmpint (g_utime (stale, &old), ==, 0);

  g_assert_true (pt_file_save_private (file, "{}", 2, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (stale, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (fresh, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (other, G_FILE_TEST_EXISTS));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/workspace/results-follow-edits", test_results_follow_edits);
  g_test_add_func ("/workspace/method-difference-text", test_method_difference_text);
  g_test_add_func ("/workspace/save-and-open", test_save_and_open);
  g_test_add_func ("/workspace/open-malformed-keeps-visit", test_open_malformed_keeps_visit);
  g_test_add_func ("/workspace/undo-redo", test_undo_redo);
  g_test_add_func ("/workspace/tie-choice", test_tie_choice);
  g_test_add_func ("/workspace/draft-restore", test_draft_restore);
  g_test_add_func ("/workspace/summary-text", test_summary_text);
  g_test_add_func ("/workspace/stale-temporaries-swept", test_stale_temporaries_swept);
  g_test_add_func ("/workspace/long-code-message-utf8", test_long_code_message_utf8);
  g_test_add_func ("/workspace/assistant-finding-states-units", test_assistant_finding_states_units);
  g_test_add_func ("/workspace/check-cache-follows-edits", test_check_cache_follows_edits);

  return g_test_run ();
}
