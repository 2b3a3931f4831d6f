/* pt-doc-lexicon.c: read the documentation checks' word lists, naming the path of any fault
 *
 * The file is data/checks/wordlists.json, compiled into the data resource:
 * {"format": 1, "kind": "wordlists", "lists": {NAME: LIST...},
 *  "codes": {"97110": LIST, ...}} where a LIST is
 * {"about": "...", "negatable": true, "words": ["phrase", ...]}. Every list and
 * all four codes are required, and an unknown list or code is refused, so a
 * misspelt name never silently drops words.
 */
#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>

#include "pt-doc-lexicon.h"
#include "pt-format-error.h"
#include "pt-json-read.h"

/* The general lists, in PtDocList order up to the first code list. */
static const char * const general_lists[] = {
  "cues", "neuromotor", "objective", "independent", "negation", NULL
};
static const char * const code_lists[] = { "97110", "97112", "97530", "97116", NULL };

G_STATIC_ASSERT (G_N_ELEMENTS (general_lists) - 1 == PT_DOC_FIRST_CODE_LIST);
G_STATIC_ASSERT (G_N_ELEMENTS (code_lists) - 1 == PT_DOC_N_CODES);

static gboolean
read_list (PtLexicon   *lexicon,
           PtDocList    list,
           JsonNode    *node,
           const char  *path,
           guint       *total,
           GError     **error)
{
  g_autofree char *about = NULL, *name = NULL;
  g_autofree char *words_path = NULL;
  JsonObject *object;
  JsonArray *words;
  gboolean negatable;

  if (!(object = pt_json_node_object (node, path, error)))
    return FALSE;

  if (!pt_json_read_string (object, path, "about", FALSE, "", &about, error) ||
      !pt_json_read_string (object, path, "name", FALSE, "", &name, error) ||
      !pt_json_read_bool (object, path, "negatable", list != PT_DOC_LIST_NEGATION,
                          &negatable, NULL, error) ||
      !(words = pt_json_read_array (object, path, "words", TRUE, error)))
    return FALSE;

  words_path = pt_json_path (path, "words");
  if (json_array_get_length (words) == 0)
    {
      g_set_error (error, PT_FORMAT_ERROR, PT_FORMAT_ERROR_VALUE,
                   _("%s: the list is empty; it needs at least one word or phrase"), words_path);
      return FALSE;
    }

  *total += json_array_get_length (words);
  if (*total > PT_DOC_LEXICON_MAX_PHRASES)
    {
      g_set_error (error, PT_FORMAT_ERROR, PT_FORMAT_ERROR_VALUE,
                   _("%s: the word lists hold more than %d entries in all"), words_path,
                   PT_DOC_LEXICON_MAX_PHRASES);
      return FALSE;
    }

  pt_lexicon_set_negatable (lexicon, list, negatable);

  for (guint i = 0; i < json_array_get_length (words); i++)
    {
      JsonNode *word = json_array_get_element (words, i);
      g_autoptr(GError) local_error = NULL;

      if (!JSON_NODE_HOLDS_VALUE (word) || json_node_get_value_type (word) != G_TYPE_STRING)
        {
          g_set_error (error, PT_FORMAT_ERROR, PT_FORMAT_ERROR_TYPE,
                       _("%s[%u]: expected text (a word or a phrase)"), words_path, i);
          return FALSE;
        }

      if (!pt_lexicon_add (lexicon, list, json_node_get_string (word), &local_error))
        {
          g_set_error (error, PT_FORMAT_ERROR, PT_FORMAT_ERROR_VALUE,
                       "%s[%u]: %s", words_path, i, local_error->message);
          return FALSE;
        }
    }

  return TRUE;
}

/* Reads the members of @parent_path ("lists" or "codes"): each must be one of
 * @names, and every one of @names must be there. */
static gboolean
read_group (PtLexicon          *lexicon,
            JsonObject         *root,
            const char         *member,
            const char * const *names,
            PtDocList           first,
            guint              *total,
            GError            **error)
{
  JsonObject *group;
  g_autoptr(GList) members = NULL;
  JsonNode *node = json_object_get_member (root, member);

  if (node == NULL)
    {
      g_set_error (error, PT_FORMAT_ERROR, PT_FORMAT_ERROR_MISSING,
                   _("%s: missing; it is required"), member);
      return FALSE;
    }

  if (!(group = pt_json_node_object (node, member, error)))
    return FALSE;

  members = json_object_get_members (group);
  for (GList *l = members; l != NULL; l = l->next)
    if (!g_strv_contains (names, l->data))
      {
        g_autofree char *list = g_strjoinv (", ", (char **) names);

        g_set_error (error, PT_FORMAT_ERROR, PT_FORMAT_ERROR_VALUE,
                     _("%s.%.40s: not a list the checks use; expected %s"),
                     member, (const char *) l->data, list);
        return FALSE;
      }

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *path = g_strdup_printf ("%s.%s", member, names[i]);
      JsonNode *list = json_object_get_member (group, names[i]);

      if (list == NULL)
        {
          g_set_error (error, PT_FORMAT_ERROR, PT_FORMAT_ERROR_MISSING,
                       _("%s: missing; it is required"), path);
          return FALSE;
        }

      if (!read_list (lexicon, first + i, list, path, total, error))
        return FALSE;
    }

  return TRUE;
}

PtLexicon *
pt_doc_lexicon_from_json (JsonObject  *object,
                          GError     **error)
{
  g_autoptr(PtLexicon) lexicon = pt_lexicon_new ();
  g_autofree char *kind = NULL;
  JsonNode *fnode = json_object_get_member (object, "format");
  gint64 format;
  guint total = 0;

  if (fnode != NULL && JSON_NODE_HOLDS_VALUE (fnode) &&
      json_node_get_value_type (fnode) == G_TYPE_INT64 &&
      json_node_get_int (fnode) > PT_DOC_LEXICON_FORMAT)
    {
      g_set_error (error, PT_FORMAT_ERROR, PT_FORMAT_ERROR_NEWER_FORMAT,
                   _("format: these word lists are in format %" PRId64 ", written for a newer version of Pt97112; this version reads format %d"),
                   json_node_get_int (fnode), PT_DOC_LEXICON_FORMAT);
      return NULL;
    }

  if (!pt_json_read_int (object, "", "format", TRUE, 1, PT_DOC_LEXICON_FORMAT, 1, &format, error) ||
      !pt_json_read_string (object, "", "kind", TRUE, NULL, &kind, error))
    return NULL;

  if (g_strcmp0 (kind, "wordlists") != 0)
    {
      g_set_error (error, PT_FORMAT_ERROR, PT_FORMAT_ERROR_KIND,
                   _("kind: expected “wordlists”, found “%.40s”; this is not a word list file"), kind);
      return NULL;
    }

  if (!read_group (lexicon, object, "lists", general_lists, PT_DOC_LIST_CUES, &total, error) ||
      !read_group (lexicon, object, "codes", code_lists, PT_DOC_FIRST_CODE_LIST, &total, error))
    return NULL;

  if (!pt_lexicon_check_complete (lexicon, error))
    return NULL;

  return g_steal_pointer (&lexicon);
}

PtLexicon *
pt_doc_lexicon_load_from_data (const char  *data,
                               gssize       length,
                               GError     **error)
{
  g_autoptr(JsonNode) root = pt_json_parse (data, length, _("The word list file"), error);
  JsonObject *object;

  if (root == NULL)
    return NULL;

  if (!(object = pt_json_node_object (root, "", error)))
    return NULL;

  return pt_doc_lexicon_from_json (object, error);
}

PtLexicon *
pt_doc_lexicon_load_resource (const char  *path,
                              GError     **error)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  gsize size;
  const char *data;

  if (bytes == NULL)
    return NULL;

  data = g_bytes_get_data (bytes, &size);
  return pt_doc_lexicon_load_from_data (data, size, error);
}

typedef struct {
  PtLexicon *lexicon;
  GError    *error;
} DefaultLexicon;

/* The built-in word lists, read once and kept for the life of the process. */
const PtLexicon *
pt_doc_lexicon_get_default (GError **error)
{
  static DefaultLexicon *def = NULL;

  if (g_once_init_enter (&def))
    {
      DefaultLexicon *d = g_new0 (DefaultLexicon, 1);

      d->lexicon = pt_doc_lexicon_load_resource (PT_DOC_LEXICON_RESOURCE, &d->error);
      if (d->error != NULL)
        g_prefix_error (&d->error, _("The built-in word lists cannot be read: "));
      g_once_init_leave (&def, d);
    }

  if (def->lexicon == NULL)
    {
      g_propagate_error (error, g_error_copy (def->error));
      return NULL;
    }

  return def->lexicon;
}
