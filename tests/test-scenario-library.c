/* test-scenario-library.c: PtScenario and PtScenarioLibrary: edits, list signals,
 * search, save and load, and the errors of malformed library files */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "pt-format-error.h"
#include "pt-scenario-io.h"
#include "pt-scenario-library.h"
#include "pt-test-utils.h"
#include "pt-visit-io.h"

static PtVisit *
make_visit (const char *code1,
            gint        minutes1,
            const char *code2,
            gint        minutes2)
{
  PtVisit *visit = pt_visit_new ();
  g_autoptr(PtBlock) b1 = pt_block_new (code1, minutes1);

  pt_block_set_text (b1, PT_BLOCK_DEFICIT, "Loses balance when turning");
  pt_visit_append_block (visit, b1);
  if (code2 != NULL)
    {
      g_autoptr(PtBlock) b2 = pt_block_new (code2, minutes2);

      pt_block_set_provider (b2, PT_PROVIDER_ASSISTANT);
      pt_visit_append_block (visit, b2);
    }

  return visit;
}

static PtScenario *
make_scenario (const char         *id,
               const char         *title,
               const char         *summary,
               const char * const *tags)
{
  g_autoptr(PtVisit) visit = make_visit ("97112", 20, "97110", 18);
  PtScenario *scenario = pt_scenario_new (id, title, visit);

  pt_scenario_set_summary (scenario, summary);
  pt_scenario_set_tags (scenario, tags);

  return scenario;
}

/* ---------------------------------------------------------------- list edits and signals */

typedef struct {
  guint position, removed, added;
  guint calls;
  guint n_items_notifies;
} Changes;

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Changes    *changes)
{
  changes->position = position;
  changes->removed = removed;
  changes->added = added;
  changes->calls++;
}

static void
on_notify_n_items (GObject    *object,
                   GParamSpec *pspec,
                   Changes    *changes)
{
  changes->n_items_notifies++;
}

static void
assert_change (Changes *changes,
               guint    calls,
               guint    position,
               guint    removed,
               guint    added)
{
  g_assert_cmpuint (changes->calls, ==, calls);
  g_assert_cmpuint (changes->position, ==, position);
  g_assert_cmpuint (changes->removed, ==, removed);
  g_assert_cmpuint (changes->added, ==, added);
}

static void
test_add_remove_rename (void)
{
  static const char * const tags[] = { "tie", NULL };
  g_autoptr(PtScenarioLibrary) library = pt_scenario_library_new ();
  g_autoptr(PtScenario) a = make_scenario ("a", "First", "", tags);
  g_autoptr(PtScenario) b = make_scenario ("b", "Second", "", tags);
  g_autoptr(PtScenario) c = make_scenario ("c", "Third", "", tags);
  g_autoptr(PtScenario) dup = make_scenario ("b", "Another second", "", tags);
  g_autoptr(PtScenario) bad_id = make_scenario ("Bad Id", "Bad", "", tags);
  g_autoptr(PtScenario) untitled = make_scenario ("untitled", "", "", tags);
  g_autoptr(PtScenario) item = NULL;
  g_autoptr(GError) error = NULL;
  Changes changes = { 0 };
  guint n_items;

  g_signal_connect (library, "items-changed", G_CALLBACK (on_items_changed), &changes);
  g_signal_connect (library, "notify::n-items", G_CALLBACK (on_notify_n_items), &changes);

  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (library)) == PT_TYPE_SCENARIO);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (library)), ==, 0);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (library), 0));

  g_assert_true (pt_scenario_library_add (library, a, &error));
  g_assert_no_error (error);
  assert_change (&changes, 1, 0, 0, 1);
  g_assert_true (pt_scenario_library_add (library, b, &error));
  g_assert_true (pt_scenario_library_add (library, c, &error));
  g_assert_no_error (error);
  assert_change (&changes, 3, 2, 0, 1);
  g_assert_cmpuint (changes.n_items_notifies, ==, 3);
  g_object_get (library, "n-items", &n_items, NULL);
  g_assert_cmpuint (n_items, ==, 3);

  item = g_list_model_get_item (G_LIST_MODEL (library), 1);
  g_assert_true (item == b);
  g_assert_true (pt_scenario_library_find_by_id (library, "c") == c);
  g_assert_null (pt_scenario_library_find_by_id (library, "zzz"));

  /* Refused additions leave the list alone. */
  g_assert_false (pt_scenario_library_add (library, dup, &error));
  g_assert_error (error, PT_SCENARIO_LIBRARY_ERROR, PT_SCENARIO_LIBRARY_ERROR_DUPLICATE_ID);
  g_clear_error (&error);
  g_assert_false (pt_scenario_library_add (library, bad_id, &error));
  g_assert_error (error, PT_SCENARIO_LIBRARY_ERROR, PT_SCENARIO_LIBRARY_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (pt_scenario_library_add (library, untitled, &error));
  g_assert_error (error, PT_SCENARIO_LIBRARY_ERROR, PT_SCENARIO_LIBRARY_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (changes.calls, ==, 3);
  g_assert_true (pt_scenario_library_find_by_id (library, "b") == b);

  /* Rename: the title changes, the row is reported changed, search follows. */
  g_assert_false (pt_scenario_matches (b, "renamed", NULL));
  g_assert_true (pt_scenario_library_rename (library, "b", "  Renamed scenario  ", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (pt_scenario_get_title (b), ==, "Renamed scenario");
  assert_change (&changes, 4, 1, 1, 1);
  g_assert_true (pt_scenario_matches (b, "renamed", NULL));
  g_assert_false (pt_scenario_matches (b, "second", NULL));

  g_assert_false (pt_scenario_library_rename (library, "b", "   ", &error));
  g_assert_error (error, PT_SCENARIO_LIBRARY_ERROR, PT_SCENARIO_LIBRARY_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (pt_scenario_library_rename (library, "nope", "X", &error));
  g_assert_error (error, PT_SCENARIO_LIBRARY_ERROR, PT_SCENARIO_LIBRARY_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpstr (pt_scenario_get_title (b), ==, "Renamed scenario");

  /* Remove the middle one. */
  g_assert_true (pt_scenario_library_remove (library, "b", &error));
  g_assert_no_error (error);
  assert_change (&changes, 5, 1, 1, 0);
  g_assert_cmpuint (changes.n_items_notifies, ==, 4);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (library)), ==, 2);
  g_assert_null (pt_scenario_library_find_by_id (library, "b"));
  g_assert_true (pt_scenario_library_get_scenario (library, 1) == c);
  g_assert_false (pt_scenario_library_remove (library, "b", &error));
  g_assert_error (error, PT_SCENARIO_LIBRARY_ERROR, PT_SCENARIO_LIBRARY_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* The id is free again. */
  g_assert_true (pt_scenario_library_add (library, dup, &error));
  g_assert_no_error (error);

  /* Built-in scenarios cannot be renamed or removed. */
  pt_scenario_set_builtin (a, TRUE);
  g_assert_false (pt_scenario_library_rename (library, "a", "New", &error));
  g_assert_error (error, PT_SCENARIO_LIBRARY_ERROR, PT_SCENARIO_LIBRARY_ERROR_BUILTIN);
  g_clear_error (&error);
  g_assert_false (pt_scenario_library_remove (library, "a", &error));
  g_assert_error (error, PT_SCENARIO_LIBRARY_ERROR, PT_SCENARIO_LIBRARY_ERROR_BUILTIN);
  g_clear_error (&error);
  g_assert_cmpstr (pt_scenario_get_title (a), ==, "First");

  g_signal_handlers_disconnect_by_data (library, &changes);
  g_assert_finalize_object (g_steal_pointer (&library));
}

/* ---------------------------------------------------------------- properties */

static void
on_notify_count (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
test_properties (void)
{
  g_autoptr(PtVisit) visit = make_visit ("97112", 24, "97110", 23);
  g_autoptr(PtScenario) scenario = pt_scenario_new ("props", "Props", visit);
  g_autoptr(PtBlock) block = pt_block_new ("97530", 10);
  g_autoptr(PtVisit) other = make_visit ("97140", 10, NULL, 0);
  g_autofree char *codes = NULL;
  g_auto(GStrv) tags = NULL;
  guint title_notifies = 0, codes_notifies = 0, units_notifies = 0;
  gint cms_units;

  g_signal_connect (scenario, "notify::title", G_CALLBACK (on_notify_count), &title_notifies);
  g_signal_connect (scenario, "notify::codes", G_CALLBACK (on_notify_count), &codes_notifies);
  g_signal_connect (scenario, "notify::cms-units", G_CALLBACK (on_notify_count), &units_notifies);

  pt_scenario_set_title (scenario, "Props");
  g_assert_cmpuint (title_notifies, ==, 0);
  pt_scenario_set_title (scenario, "New title");
  g_assert_cmpuint (title_notifies, ==, 1);

  g_object_get (scenario, "codes", &codes, NULL);
  g_assert_cmpstr (codes, ==, "97112, 97110");

  /* A block added to the visit shows in the codes and the search. */
  g_assert_false (pt_scenario_matches (scenario, "97530", NULL));
  pt_visit_append_block (visit, block);
  g_assert_cmpstr (pt_scenario_get_codes (scenario), ==, "97112, 97110, 97530");
  g_assert_cmpuint (codes_notifies, ==, 1);
  g_assert_true (pt_scenario_matches (scenario, "97530", NULL));

  /* Expected units: set, replace, total, lookup. */
  pt_scenario_set_expected_units (scenario, PT_METHOD_CMS, "97112", 2);
  pt_scenario_set_expected_units (scenario, PT_METHOD_CMS, "97110", 1);
  pt_scenario_set_expected_units (scenario, PT_METHOD_CMS, "97110", 2);
  pt_scenario_set_expected_units (scenario, PT_METHOD_AMA, "97112", 2);
  g_assert_cmpuint (units_notifies, ==, 3);
  g_object_get (scenario, "cms-units", &cms_units, NULL);
  g_assert_cmpint (cms_units, ==, 4);
  g_assert_cmpint (pt_scenario_get_expected_units (scenario, PT_METHOD_CMS, "97110"), ==, 2);
  g_assert_cmpint (pt_scenario_get_expected_units (scenario, PT_METHOD_AMA, "97110"), ==, -1);
  g_assert_cmpint (pt_scenario_get_expected_total (scenario, PT_METHOD_AMA), ==, 2);
  pt_scenario_clear_expected (scenario, PT_METHOD_CMS);
  g_assert_cmpint (pt_scenario_get_expected_total (scenario, PT_METHOD_CMS), ==, 0);

  pt_scenario_set_expected_modifier (scenario, "97110", 1, "CQ");
  pt_scenario_set_expected_modifier (scenario, "97110", 0, "CQ");
  g_assert_cmpint (pt_scenario_get_expected_modifier (scenario, "97110")->units, ==, 0);
  g_assert_null (pt_scenario_get_expected_modifier (scenario, "97112"));

  g_object_set (scenario, "tags", (const char * const[]) { "ncci", "untimed", NULL }, NULL);
  g_object_get (scenario, "tags", &tags, NULL);
  g_assert_cmpuint (g_strv_length (tags), ==, 2);
  g_assert_true (pt_scenario_has_tag (scenario, "ncci"));
  g_assert_false (pt_scenario_has_tag (scenario, "nc"));

  /* A new visit replaces the old one's codes and stops listening to it. */
  pt_scenario_set_visit (scenario, other);
  g_assert_cmpstr (pt_scenario_get_codes (scenario), ==, "97140");
  pt_visit_remove_block (visit, 0);
  g_assert_cmpstr (pt_scenario_get_codes (scenario), ==, "97140");

  g_assert_true (pt_scenario_id_is_valid ("seed-a.v2_x"));
  g_assert_false (pt_scenario_id_is_valid (""));
  g_assert_false (pt_scenario_id_is_valid ("-leading"));
  g_assert_false (pt_scenario_id_is_valid ("Upper"));
  g_assert_false (pt_scenario_id_is_valid ("has space"));

  g_signal_handlers_disconnect_by_func (scenario, on_notify_count, &title_notifies);
  g_signal_handlers_disconnect_by_func (scenario, on_notify_count, &codes_notifies);
  g_signal_handlers_disconnect_by_func (scenario, on_notify_count, &units_notifies);
  g_assert_finalize_object (g_steal_pointer (&scenario));
}

/* ---------------------------------------------------------------- search */

static void
test_search (void)
{
  static const char * const tie_tags[] = { "tie", "neurologic", NULL };
  static const char * const doc_tags[] = { "documentation", "musculoskeletal", NULL };
  g_autoptr(PtScenario) tie = make_scenario ("t", "Équilibre: two-way TIE", "Leftover minutes are equal", tie_tags);
  g_autoptr(PtScenario) doc = make_scenario ("d", "Ankle note without rationale", "Knee and ankle care", doc_tags);
  static const struct {
    const char *query;
    const char *tag;
    gboolean    tie;
    gboolean    doc;
  } cases[] = {
    { NULL, NULL, TRUE, TRUE },
    { "", "", TRUE, TRUE },
    { "   ", NULL, TRUE, TRUE },
    { "tie", NULL, TRUE, FALSE },               /* title, any case */
    { "TIE", NULL, TRUE, FALSE },
    { "leftover EQUAL", NULL, TRUE, FALSE },    /* summary, every word */
    { "leftover ankle", NULL, FALSE, FALSE },   /* one word in each: no match */
    { "97112", NULL, TRUE, TRUE },              /* codes */
    { "9711", NULL, TRUE, TRUE },               /* part of a code */
    { "97140", NULL, FALSE, FALSE },
    { "documentation", NULL, FALSE, TRUE },     /* tags are searched too */
    { "neuro", NULL, TRUE, FALSE },
    { "  ankle   rationale ", NULL, FALSE, TRUE },
    { "équilibre", NULL, TRUE, FALSE },         /* non-ASCII, lower case */
    { "ÉQUILIBRE", NULL, TRUE, FALSE },         /* non-ASCII, upper case */
    { NULL, "tie", TRUE, FALSE },               /* tag filter alone */
    { "ankle", "tie", FALSE, FALSE },           /* tag and words together */
    { "ankle", "documentation", FALSE, TRUE },
    { NULL, "documentatio", FALSE, FALSE },     /* a tag must match whole */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("query “%s”, tag “%s”", cases[i].query ? cases[i].query : "(null)",
                      cases[i].tag ? cases[i].tag : "(null)");
      g_assert_cmpint (pt_scenario_matches (tie, cases[i].query, cases[i].tag), ==, cases[i].tie);
      g_assert_cmpint (pt_scenario_matches (doc, cases[i].query, cases[i].tag), ==, cases[i].doc);
    }

  g_assert_nonnull (strstr (pt_scenario_get_search_text (tie), "équilibre"));
}

/* ---------------------------------------------------------------- save and load */

static void
assert_same_scenario (PtScenario *a,
                      PtScenario *b)
{
  g_autofree char *va = NULL;
  g_autofree char *vb = NULL;
  guint na, nb;

  g_assert_cmpstr (pt_scenario_get_id (a), ==, pt_scenario_get_id (b));
  g_assert_cmpstr (pt_scenario_get_title (a), ==, pt_scenario_get_title (b));
  g_assert_cmpstr (pt_scenario_get_summary (a), ==, pt_scenario_get_summary (b));
  g_assert_true (g_strv_equal (pt_scenario_get_tags (a), pt_scenario_get_tags (b)));
  g_assert_true (g_strv_equal (pt_scenario_get_teaching_points (a), pt_scenario_get_teaching_points (b)));

  for (PtMethod m = PT_METHOD_CMS; m <= PT_METHOD_AMA; m++)
    {
      const PtScenarioUnits *ua = pt_scenario_get_expected (a, m, &na);
      const PtScenarioUnits *ub = pt_scenario_get_expected (b, m, &nb);

      g_assert_cmpuint (na, ==, nb);
      for (guint i = 0; i < na; i++)
        {
          g_assert_cmpstr (ua[i].code, ==, ub[i].code);
          g_assert_cmpint (ua[i].units, ==, ub[i].units);
        }
    }

  {
    const PtScenarioModifier *ma = pt_scenario_get_expected_modifiers (a, &na);
    const PtScenarioModifier *mb = pt_scenario_get_expected_modifiers (b, &nb);

    g_assert_cmpuint (na, ==, nb);
    for (guint i = 0; i < na; i++)
      {
        g_assert_cmpstr (ma[i].code, ==, mb[i].code);
        g_assert_cmpint (ma[i].units, ==, mb[i].units);
        g_assert_cmpstr (ma[i].modifier, ==, mb[i].modifier);
      }
  }

  va = pt_visit_to_data (pt_scenario_get_visit (a), NULL);
  vb = pt_visit_to_data (pt_scenario_get_visit (b), NULL);
  g_assert_cmpstr (va, ==, vb);
}

static void
test_round_trip (void)
{
  static const char * const points[] = { "First point about the rule.", "Second point, with “quotes”.", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(PtScenarioLibrary) builtin = pt_scenario_library_new_builtin (&error);
  g_autoptr(PtScenarioLibrary) library = pt_scenario_library_new ();
  g_autoptr(PtScenarioLibrary) loaded = NULL;
  g_autoptr(PtScenario) own = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  GStatBuf st;

  g_assert_no_error (error);

  /* Copies of built-in scenarios (one with assistant modifiers), and one of our own. */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (builtin)); i += 7)
    {
      PtScenario *source = pt_scenario_library_get_scenario (builtin, i);
      g_autofree char *id = g_strdup_printf ("copy-%s", pt_scenario_get_id (source));
      g_autoptr(PtScenario) copy = pt_scenario_copy (source, id);

      g_assert_false (pt_scenario_get_builtin (copy));
      g_assert_true (pt_scenario_library_add (library, copy, &error));
      g_assert_no_error (error);
    }
  {
    g_autoptr(PtScenario) copy = pt_scenario_copy (pt_scenario_library_find_by_id (builtin, "assistant-cms-d-two-remaining-units"),
                                                   "copy-with-modifiers");
    guint n;

    pt_scenario_get_expected_modifiers (copy, &n);
    g_assert_cmpuint (n, ==, 2);
    g_assert_true (pt_scenario_library_add (library, copy, &error));
  }

  own = make_scenario ("own.1", "Nötes with ünïcode and \"quotes\"", "Line one\nline two", NULL);
  pt_scenario_set_teaching_points (own, points);
  pt_scenario_set_expected_units (own, PT_METHOD_CMS, "97112", 2);
  g_assert_true (pt_scenario_library_add (library, own, &error));
  g_assert_no_error (error);

  dir = g_dir_make_tmp ("pt-scenarios-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "library.json", NULL);
  file = g_file_new_for_path (path);

  /* Saved twice: the second save replaces the first atomically. */
  g_assert_true (pt_scenario_library_save_to_file (library, file, &error));
  g_assert_no_error (error);
  g_assert_true (pt_scenario_library_save_to_file (library, file, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  loaded = pt_scenario_library_load_from_file (file, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (loaded)), ==,
                    g_list_model_get_n_items (G_LIST_MODEL (library)));
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (library)); i++)
    {
      PtScenario *a = pt_scenario_library_get_scenario (library, i);
      PtScenario *b = pt_scenario_library_get_scenario (loaded, i);

      assert_same_scenario (a, b);
      g_assert_false (pt_scenario_get_builtin (b));
    }

  /* Writing the loaded library gives the same text. */
  first = pt_scenario_library_to_data (library, NULL);
  second = pt_scenario_library_to_data (loaded, NULL);
  g_assert_cmpstr (first, ==, second);
  g_assert_null (strstr (first, "\"kind\" : \"visit\""));

  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_builtin (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PtScenarioLibrary) library = pt_scenario_library_new_builtin (&error);
  g_auto(GStrv) tags = NULL;

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (library)); i++)
    g_assert_true (pt_scenario_get_builtin (pt_scenario_library_get_scenario (library, i)));

  /* Tags each once, in the documented order. */
  tags = pt_scenario_library_dup_tags (library);
  g_assert_cmpstr (tags[0], ==, "reference");
  for (guint i = 0; tags[i]; i++)
    {
      g_assert_true (g_strv_contains (pt_scenario_known_tags, tags[i]));
      for (guint k = 0; k < i; k++)
        g_assert_cmpstr (tags[k], !=, tags[i]);
    }
  g_assert_cmpuint (g_strv_length (tags), ==, g_strv_length ((char **) pt_scenario_known_tags));

  g_assert_false (pt_scenario_library_remove (library, "ref-d-combined-20-18", &error));
  g_assert_error (error, PT_SCENARIO_LIBRARY_ERROR, PT_SCENARIO_LIBRARY_ERROR_BUILTIN);
}

/* ---------------------------------------------------------------- malformed files */

#define VISIT_OK "{\"blocks\": [{\"code\": \"97112\", \"minutes\": 20}]}"
#define SCENARIO(id) "{\"id\": \"" id "\", \"title\": \"T\", \"visit\": " VISIT_OK "}"
#define LIBRARY(body) "{\"format\": 1, \"kind\": \"scenario-library\", \"scenarios\": [" body "]}"

typedef struct {
  const char *name;
  const char *data;
  gint        code;   /* PtFormatError */
  const char *prefix; /* the message starts with this (the member's path) */
} BadFile;

static const BadFile bad_files[] = {
  { "not-json", "{\"format\": 1, \"kind\": ", PT_FORMAT_ERROR_PARSE, "The scenario library is not valid JSON" },
  { "empty", "", PT_FORMAT_ERROR_PARSE, "The scenario library" },
  { "not-utf8", "{\"format\": 1, \"kind\": \"\xff\"}", PT_FORMAT_ERROR_PARSE, "The scenario library is not valid UTF-8" },
  { "list-root", "[]", PT_FORMAT_ERROR_TYPE, "the file: expected an object" },
  { "wrong-kind", "{\"format\": 1, \"kind\": \"visit\", \"blocks\": []}", PT_FORMAT_ERROR_KIND, "kind: expected “scenario-library”" },
  { "no-kind", "{\"format\": 1, \"scenarios\": []}", PT_FORMAT_ERROR_MISSING, "kind: missing" },
  { "newer-format", "{\"format\": 2, \"kind\": \"scenario-library\", \"scenarios\": []}", PT_FORMAT_ERROR_NEWER_FORMAT, "format: this scenario library was saved in format 2" },
  { "format-text", "{\"format\": \"1\", \"kind\": \"scenario-library\", \"scenarios\": []}", PT_FORMAT_ERROR_TYPE, "format: expected a whole number" },
  { "no-scenarios", "{\"format\": 1, \"kind\": \"scenario-library\"}", PT_FORMAT_ERROR_MISSING, "scenarios: missing" },
  { "scenarios-object", "{\"format\": 1, \"kind\": \"scenario-library\", \"scenarios\": {}}", PT_FORMAT_ERROR_TYPE, "scenarios: expected a list" },
  { "scenario-number", LIBRARY ("3"), PT_FORMAT_ERROR_TYPE, "scenarios[0]: expected an object" },
  { "no-id", LIBRARY ("{\"title\": \"T\", \"visit\": " VISIT_OK "}"), PT_FORMAT_ERROR_MISSING, "scenarios[0].id: missing" },
  { "bad-id", LIBRARY (SCENARIO ("Has Space")), PT_FORMAT_ERROR_VALUE, "scenarios[0].id: expected 1 to 64" },
  { "duplicate-id", LIBRARY (SCENARIO ("a") ", " SCENARIO ("b") ", " SCENARIO ("a")), PT_FORMAT_ERROR_VALUE, "scenarios[2].id: “a” is already" },
  { "empty-title", LIBRARY ("{\"id\": \"a\", \"title\": \"  \", \"visit\": " VISIT_OK "}"), PT_FORMAT_ERROR_VALUE, "scenarios[0].title: the title is empty" },
  { "tags-text", LIBRARY ("{\"id\": \"a\", \"title\": \"T\", \"tags\": \"tie\", \"visit\": " VISIT_OK "}"), PT_FORMAT_ERROR_TYPE, "scenarios[0].tags: expected a list" },
  { "empty-tag", LIBRARY ("{\"id\": \"a\", \"title\": \"T\", \"tags\": [\"tie\", \"\"], \"visit\": " VISIT_OK "}"), PT_FORMAT_ERROR_VALUE, "scenarios[0].tags[1]: a tag cannot be empty" },
  { "no-visit", LIBRARY (SCENARIO ("a") ", {\"id\": \"b\", \"title\": \"T\"}"), PT_FORMAT_ERROR_MISSING, "scenarios[1].visit: missing" },
  { "visit-list", LIBRARY ("{\"id\": \"a\", \"title\": \"T\", \"visit\": []}"), PT_FORMAT_ERROR_TYPE, "scenarios[0].visit: expected an object" },
  { "bad-minutes",
    LIBRARY (SCENARIO ("a") ", " SCENARIO ("b") ", " SCENARIO ("c") ", "
             "{\"id\": \"d\", \"title\": \"T\", \"visit\": {\"blocks\": [{\"code\": \"97112\", \"minutes\": -5}]}}"),
    PT_FORMAT_ERROR_VALUE, "scenarios[3].visit.blocks[0].minutes: expected a whole number from 0 to 1440" },
  { "bad-code", LIBRARY ("{\"id\": \"a\", \"title\": \"T\", \"visit\": {\"blocks\": [{\"code\": \"9711\", \"minutes\": 5}]}}"),
    PT_FORMAT_ERROR_VALUE, "scenarios[0].visit.blocks[0].code:" },
  { "bad-method", LIBRARY ("{\"id\": \"a\", \"title\": \"T\", \"visit\": {\"method\": \"medicare\", \"blocks\": []}}"),
    PT_FORMAT_ERROR_VALUE, "scenarios[0].visit.method:" },
  { "expected-negative", LIBRARY ("{\"id\": \"a\", \"title\": \"T\", \"expected\": {\"cms\": {\"97112\": -1}}, \"visit\": " VISIT_OK "}"),
    PT_FORMAT_ERROR_VALUE, "scenarios[0].expected.cms.97112: expected a whole number from 0 to 96" },
  { "expected-code", LIBRARY ("{\"id\": \"a\", \"title\": \"T\", \"expected\": {\"ama\": {\"abc\": 1}}, \"visit\": " VISIT_OK "}"),
    PT_FORMAT_ERROR_VALUE, "scenarios[0].expected.ama: “abc” is not a code" },
  { "expected-list", LIBRARY ("{\"id\": \"a\", \"title\": \"T\", \"expected\": [], \"visit\": " VISIT_OK "}"),
    PT_FORMAT_ERROR_TYPE, "scenarios[0].expected: expected an object" },
  { "modifier-name", LIBRARY ("{\"id\": \"a\", \"title\": \"T\", \"expected_modifiers\": {\"cms\": {\"97110\": {\"units_with_modifier\": 1, \"modifier\": \"XX\"}}}, \"visit\": " VISIT_OK "}"),
    PT_FORMAT_ERROR_VALUE, "scenarios[0].expected_modifiers.cms.97110.modifier: expected “CQ” or “CO”" },
  { "modifier-units", LIBRARY ("{\"id\": \"a\", \"title\": \"T\", \"expected_modifiers\": {\"cms\": {\"97110\": {\"modifier\": \"CQ\"}}}, \"visit\": " VISIT_OK "}"),
    PT_FORMAT_ERROR_MISSING, "scenarios[0].expected_modifiers.cms.97110.units_with_modifier: missing" },
};

static void
test_malformed (gconstpointer data)
{
  const BadFile *bad = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PtScenarioLibrary) library = pt_scenario_library_new_from_data (bad->data, -1, &error);

  g_assert_null (library);
  g_assert_error (error, PT_FORMAT_ERROR, bad->code);
  if (!g_str_has_prefix (error->message, bad->prefix))
    g_error ("%s: message “%s” does not start with “%s”", bad->name, error->message, bad->prefix);
}

/* A good minimal file, and unknown members are ignored. */
static void
test_minimal_and_unknown_members (void)
{
  const char *data = "{\"format\": 1, \"kind\": \"scenario-library\", \"future\": true, \"scenarios\": ["
                     "{\"id\": \"a\", \"title\": \"Only\", \"colour\": \"red\", \"visit\": " VISIT_OK "}]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(PtScenarioLibrary) library = pt_scenario_library_new_from_data (data, -1, &error);
  PtScenario *scenario;

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (library)), ==, 1);
  scenario = pt_scenario_library_find_by_id (library, "a");
  g_assert_cmpstr (pt_scenario_get_summary (scenario), ==, "");
  g_assert_cmpuint (g_strv_length ((char **) pt_scenario_get_tags (scenario)), ==, 0);
  g_assert_cmpint (pt_scenario_get_expected_units (scenario, PT_METHOD_CMS, "97112"), ==, -1);
  g_assert_cmpuint (pt_visit_get_n_blocks (pt_scenario_get_visit (scenario)), ==, 1);
  g_assert_false (pt_scenario_get_builtin (scenario));
}

static void
test_file_errors (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("pt-scenarios-XXXXXX", &error);
  g_autofree char *missing = NULL;
  g_autofree char *bad = NULL;
  g_autoptr(GFile) fmissing = NULL;
  g_autoptr(GFile) fdir = NULL;
  g_autoptr(GFile) fbad = NULL;

  g_assert_no_error (error);
  missing = g_build_filename (dir, "missing.json", NULL);
  bad = g_build_filename (dir, "bad.json", NULL);
  fmissing = g_file_new_for_path (missing);
  fdir = g_file_new_for_path (dir);
  fbad = g_file_new_for_path (bad);

  g_assert_null (pt_scenario_library_load_from_file (fmissing, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_null (pt_scenario_library_load_from_file (fdir, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (bad, LIBRARY (SCENARIO ("a") ", " SCENARIO ("a")), -1, &error));
  g_assert_null (pt_scenario_library_load_from_file (fbad, &error));
  g_assert_error (error, PT_FORMAT_ERROR, PT_FORMAT_ERROR_VALUE);
  g_assert_true (g_str_has_prefix (error->message, "scenarios[1].id:"));
  g_clear_error (&error);

  g_assert_cmpint (g_remove (bad), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/scenario-library/add-remove-rename", test_add_remove_rename);
  g_test_add_func ("/scenario-library/properties", test_properties);
  g_test_add_func ("/scenario-library/search", test_search);
  g_test_add_func ("/scenario-library/round-trip", test_round_trip);
  g_test_add_func ("/scenario-library/builtin", test_builtin);
  g_test_add_func ("/scenario-library/minimal", test_minimal_and_unknown_members);
  g_test_add_func ("/scenario-library/file-errors", test_file_errors);
  for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
    {
      g_autofree char *path = g_strdup_printf ("/scenario-library/malformed/%s", bad_files[i].name);

      g_test_add_data_func (path, &bad_files[i], test_malformed);
    }

  return g_test_run ();
}
