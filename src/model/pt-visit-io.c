/* pt-visit-io.c: load and save visit files
 *
 * Readers ignore unknown members, fill missing optional ones with defaults,
 * refuse a newer format, and name the member's path in every error. Saving
 * writes a temporary file and renames it over the old one, with mode 0600.
 */
#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "pt-codes.h"
#include "pt-format-error.h"
#include "pt-json-read.h"
#include "pt-json-write.h"
#include "pt-visit-io.h"

static gboolean
read_date (JsonObject  *object,
           const char  *path,
           char       **value,
           GError     **error)
{
  g_autofree char *date = NULL;

  if (!pt_json_read_string (object, path, "date", FALSE, "", &date, error))
    return FALSE;

  if (*date != '\0' && !pt_date_is_valid (date))
    {
      g_autofree char *full = pt_json_path (path, "date");

      g_autofree char *excerpt = pt_json_excerpt (date, 20);

      g_set_error (error, PT_FORMAT_ERROR, PT_FORMAT_ERROR_VALUE,
                   _("%s: expected a date as YYYY-MM-DD, found “%s”"), full, excerpt);
      return FALSE;
    }

  *value = g_steal_pointer (&date);
  return TRUE;
}

static PtBlock *
block_from_json (JsonNode    *node,
                 const char  *path,
                 GError     **error)
{
  g_autoptr(PtBlock) block = NULL;
  g_autofree char *code = NULL;
  g_auto(GStrv) skilled = NULL;
  JsonObject *object;
  gint64 minutes;
  gboolean timed, timed_present, one_on_one;
  gint provider;

  if (!(object = pt_json_node_object (node, path, error)))
    return NULL;

  if (!pt_json_read_string (object, path, "code", TRUE, NULL, &code, error))
    return NULL;

  if (!pt_code_is_valid (code))
    {
      g_autofree char *full = pt_json_path (path, "code");
      g_autofree char *excerpt = pt_json_excerpt (code, 20);

      g_set_error (error, PT_FORMAT_ERROR, PT_FORMAT_ERROR_VALUE,
                   _("%s: expected a code of five digits or a capital letter and four digits, found “%s”"),
                   full, excerpt);
      return NULL;
    }

  if (!pt_json_read_int (object, path, "minutes", TRUE, 0, PT_MAX_MINUTES, 0, &minutes, error) ||
      !pt_json_read_bool (object, path, "timed", TRUE, &timed, &timed_present, error) ||
      !pt_json_read_choice (object, path, "provider", pt_provider_names, PT_PROVIDER_THERAPIST,
                            &provider, error) ||
      !pt_json_read_bool (object, path, "one_on_one", TRUE, &one_on_one, NULL, error) ||
      !pt_json_read_strv (object, path, "skilled", &skilled, error))
    return NULL;

  for (guint i = 0; skilled[i]; i++)
    if (!g_strv_contains (pt_skilled_ids, skilled[i]))
      {
        g_autofree char *full = pt_json_path (path, "skilled");
        g_autofree char *list = g_strjoinv (", ", (char **) pt_skilled_ids);
        g_autofree char *excerpt = pt_json_excerpt (skilled[i], 40);

        g_set_error (error, PT_FORMAT_ERROR, PT_FORMAT_ERROR_VALUE,
                     _("%s[%u]: “%s” is not a skilled component; expected one of %s"),
                     full, i, excerpt, list);
        return NULL;
      }

  block = pt_block_new (code, (gint) minutes);
  if (timed_present)
    pt_block_set_timed (block, timed);
  pt_block_set_provider (block, provider);
  pt_block_set_one_on_one (block, one_on_one);
  pt_block_set_skilled (block, (const char * const *) skilled);

  for (guint f = 0; f < PT_BLOCK_N_TEXT_FIELDS; f++)
    {
      g_autofree char *text = NULL;

      if (!pt_json_read_string (object, path, pt_block_field_names[f], FALSE, "", &text, error))
        return NULL;
      pt_block_set_text (block, f, text);
    }

  return g_steal_pointer (&block);
}

/* Reads a visit object. With @need_header, "format" and "kind" are checked
 * (a file); a visit inside a scenario has neither. */
PtVisit *
pt_visit_from_json_object (JsonObject  *object,
                           const char  *path,
                           gboolean     need_header,
                           GError     **error)
{
  g_autoptr(PtVisit) visit = pt_visit_new ();
  g_autofree char *title = NULL, *payer = NULL, *diagnosis = NULL, *date = NULL, *kind = NULL;
  g_auto(GStrv) tie_preference = NULL;
  JsonArray *blocks;
  gint method, discipline, category;
  gint64 total = 0;

  if (need_header)
    {
      gint64 format;
      JsonNode *fnode = json_object_get_member (object, "format");

      if (fnode != NULL && JSON_NODE_HOLDS_VALUE (fnode) &&
          json_node_get_value_type (fnode) == G_TYPE_INT64 &&
          json_node_get_int (fnode) > PT_VISIT_FORMAT)
        {
          g_set_error (error, PT_FORMAT_ERROR, PT_FORMAT_ERROR_NEWER_FORMAT,
                       _("format: this visit was saved in format %" PRId64 " by a newer version of Pt97112; this version reads format %d. Update the program to open it."),
                       json_node_get_int (fnode), PT_VISIT_FORMAT);
          return NULL;
        }

      if (!pt_json_read_int (object, path, "format", TRUE, 1, PT_VISIT_FORMAT, 1, &format, error) ||
          !pt_json_read_string (object, path, "kind", TRUE, NULL, &kind, error))
        return NULL;

      if (g_strcmp0 (kind, "visit") != 0)
        {
          g_autofree char *excerpt = pt_json_excerpt (kind, 40);

          g_set_error (error, PT_FORMAT_ERROR, PT_FORMAT_ERROR_KIND,
                       _("kind: expected “visit”, found “%s”; this is not a visit file"), excerpt);
          return NULL;
        }
    }

  if (!pt_json_read_string (object, path, "title", FALSE, "", &title, error) ||
      !read_date (object, path, &date, error) ||
      !pt_json_read_string (object, path, "payer", FALSE, "", &payer, error) ||
      !pt_json_read_choice (object, path, "method", pt_method_names, PT_METHOD_CMS, &method, error) ||
      !pt_json_read_choice (object, path, "discipline", pt_discipline_names, PT_DISCIPLINE_PT,
                            &discipline, error) ||
      !pt_json_read_string (object, path, "diagnosis", FALSE, "", &diagnosis, error) ||
      !pt_json_read_choice (object, path, "diagnosis_category", pt_diagnosis_names,
                            PT_DIAGNOSIS_UNSET, &category, error) ||
      !pt_json_read_strv (object, path, "tie_preference", &tie_preference, error))
    return NULL;

  for (guint i = 0; tie_preference[i]; i++)
    if (!pt_code_is_valid (tie_preference[i]))
      {
        g_autofree char *full = pt_json_path (path, "tie_preference");
        g_autofree char *excerpt = pt_json_excerpt (tie_preference[i], 20);

        g_set_error (error, PT_FORMAT_ERROR, PT_FORMAT_ERROR_VALUE,
                     _("%s[%u]: expected a code, found “%s”"), full, i, excerpt);
        return NULL;
      }

  blocks = pt_json_read_array (object, path, "blocks", TRUE, error);
  if (blocks == NULL)
    return NULL;

  for (guint i = 0; i < json_array_get_length (blocks); i++)
    {
      g_autofree char *base = pt_json_path (path, "blocks");
      g_autofree char *bpath = g_strdup_printf ("%s[%u]", base, i);
      g_autoptr(PtBlock) block = block_from_json (json_array_get_element (blocks, i), bpath, error);

      if (block == NULL)
        return NULL;

      total += pt_block_get_minutes (block);
      if (total > PT_MAX_MINUTES)
        {
          g_set_error (error, PT_FORMAT_ERROR, PT_FORMAT_ERROR_VALUE,
                       _("%s.minutes: the blocks add up to more than %d minutes, more than a day"),
                       bpath, PT_MAX_MINUTES);
          return NULL;
        }
      pt_visit_append_block (visit, block);
    }

  pt_visit_set_title (visit, title);
  pt_visit_set_date (visit, date);
  pt_visit_set_payer (visit, payer);
  pt_visit_set_method (visit, method);
  pt_visit_set_discipline (visit, discipline);
  pt_visit_set_diagnosis (visit, diagnosis);
  pt_visit_set_diagnosis_category (visit, category);
  pt_visit_set_tie_preference (visit, (const char * const *) tie_preference);

  return g_steal_pointer (&visit);
}

PtVisit *
pt_visit_load_from_data (const char  *data,
                         gssize       length,
                         GError     **error)
{
  g_autoptr(JsonNode) root = pt_json_parse (data, length, _("The visit file"), error);
  JsonObject *object;

  if (root == NULL)
    return NULL;

  if (!(object = pt_json_node_object (root, "", error)))
    return NULL;

  return pt_visit_from_json_object (object, "", TRUE, error);
}

/* Reads a whole file, refusing one larger than @max_size. The size is
 * checked before reading and the read itself stops after @max_size bytes, so
 * a file that grows meanwhile cannot make the program hold more. */
char *
pt_file_load_limited (GFile       *file,
                      gsize        max_size,
                      const char  *what,
                      gsize       *length,
                      GError     **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autofree char *data = NULL;
  gsize size = 0, cap;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, NULL, error);
  if (info == NULL)
    return NULL;

  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                   _("%s is a folder, not a file"), what);
      return NULL;
    }

  /* A device or a pipe has no size to check and may never end. */
  if (g_file_info_get_file_type (info) == G_FILE_TYPE_SPECIAL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                   _("%s is a device or a pipe, not a file"), what);
      return NULL;
    }

  if ((guint64) g_file_info_get_size (info) > max_size)
    {
      g_set_error (error, PT_FORMAT_ERROR, PT_FORMAT_ERROR_TOO_LARGE,
                   _("%s is %" PRIu64 " bytes, more than the %zu a file of its kind can be; it was not opened"),
                   what, (guint64) g_file_info_get_size (info), max_size);
      return NULL;
    }

  stream = g_file_read (file, NULL, error);
  if (stream == NULL)
    return NULL;

  cap = MIN ((gsize) g_file_info_get_size (info), max_size) + 1;
  data = g_malloc (cap + 1);

  for (;;)
    {
      gsize got = 0;

      if (size == cap)
        {
          cap = MIN (cap * 2, max_size + 1);
          data = g_realloc (data, cap + 1);
        }

      if (!g_input_stream_read_all (G_INPUT_STREAM (stream), data + size, cap - size, &got,
                                    NULL, error))
        return NULL;

      size += got;
      if (size > max_size)
        {
          g_set_error (error, PT_FORMAT_ERROR, PT_FORMAT_ERROR_TOO_LARGE,
                       _("%s is more than the %zu bytes a file of its kind can be; it was not read"),
                       what, max_size);
          return NULL;
        }
      if (size < cap)
        break;
    }

  data[size] = '\0';
  if (length != NULL)
    *length = size;

  return g_steal_pointer (&data);
}

PtVisit *
pt_visit_load_from_file (GFile   *file,
                         GError **error)
{
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  data = pt_file_load_limited (file, PT_VISIT_MAX_FILE_SIZE, _("The visit file"), &length, error);
  if (data == NULL)
    return NULL;

  return pt_visit_load_from_data (data, length, error);
}

JsonNode *
pt_visit_to_json_node (PtVisit *self)
{
  g_autoptr(JsonBuilder) b = json_builder_new_immutable ();

  g_return_val_if_fail (PT_IS_VISIT (self), NULL);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "format");
  json_builder_add_int_value (b, PT_VISIT_FORMAT);
  pt_json_add_string (b, "kind", "visit");
  pt_json_add_string (b, "title", pt_visit_get_title (self));
  pt_json_add_string (b, "date", pt_visit_get_date (self));
  pt_json_add_string (b, "payer", pt_visit_get_payer (self));
  pt_json_add_string (b, "method", pt_method_names[pt_visit_get_method (self)]);
  pt_json_add_string (b, "discipline", pt_discipline_names[pt_visit_get_discipline (self)]);
  pt_json_add_string (b, "diagnosis", pt_visit_get_diagnosis (self));
  pt_json_add_string (b, "diagnosis_category", pt_diagnosis_names[pt_visit_get_diagnosis_category (self)]);
  pt_json_add_strv (b, "tie_preference", pt_visit_get_tie_preference (self));

  json_builder_set_member_name (b, "blocks");
  json_builder_begin_array (b);
  for (guint i = 0; i < pt_visit_get_n_blocks (self); i++)
    {
      PtBlock *block = pt_visit_get_block (self, i);

      json_builder_begin_object (b);
      pt_json_add_string (b, "code", pt_block_get_code (block));
      json_builder_set_member_name (b, "minutes");
      json_builder_add_int_value (b, pt_block_get_minutes (block));
      if (pt_block_get_timed_set (block))
        {
          json_builder_set_member_name (b, "timed");
          json_builder_add_boolean_value (b, pt_block_get_timed (block));
        }
      pt_json_add_string (b, "provider", pt_provider_names[pt_block_get_provider (block)]);
      json_builder_set_member_name (b, "one_on_one");
      json_builder_add_boolean_value (b, pt_block_get_one_on_one (block));
      pt_json_add_strv (b, "skilled", pt_block_get_skilled (block));
      for (guint f = 0; f < PT_BLOCK_N_TEXT_FIELDS; f++)
        pt_json_add_string (b, pt_block_field_names[f], pt_block_get_text (block, f));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);

  return json_builder_get_root (b);
}

char *
pt_visit_to_data (PtVisit *self,
                  gsize   *length)
{
  g_autoptr(JsonNode) root = pt_visit_to_json_node (self);
  g_autoptr(JsonGenerator) gen = json_generator_new ();

  json_generator_set_pretty (gen, TRUE);
  json_generator_set_indent (gen, 2);
  json_generator_set_root (gen, root);

  return json_generator_to_data (gen, length);
}

/* A save killed between writing its temporary file and renaming it leaves
 * "NAME.XXXXXX" beside NAME. Such files older than a minute belong to no save
 * in progress and are removed, so they do not pile up. */
static void
sweep_stale_temporaries (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  gsize base_len = strlen (base);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  const char *name;
  GDir *d = g_dir_open (dir, 0, NULL);

  if (d == NULL)
    return;

  while ((name = g_dir_read_name (d)))
    {
      g_autofree char *full = NULL;
      GStatBuf st;
      gboolean temp = strlen (name) == base_len + 7 && strncmp (name, base, base_len) == 0 &&
                      name[base_len] == '.';

      for (gsize i = base_len + 1; temp && i < base_len + 7; i++)
        temp = g_ascii_isalnum (name[i]);

      if (!temp)
        continue;

      full = g_build_filename (dir, name, NULL);
      if (g_lstat (full, &st) == 0 && S_ISREG (st.st_mode) && now - st.st_mtime > 60)
        g_unlink (full);
    }

  g_dir_close (d);
}

/* Atomic, private write: a temporary file beside the target, flushed, then
 * renamed over it, so a crash leaves the old or the new file, never half of
 * one. The file gets mode 0600: a visit is health information. */
gboolean
pt_file_save_private (GFile       *file,
                      const char  *data,
                      gsize        length,
                      GError     **error)
{
  g_autofree char *path = g_file_get_path (file);

  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      g_set_error (error, PT_FORMAT_ERROR, PT_FORMAT_ERROR_NOT_LOCAL,
                   _("%s is not a local file; save to a folder on this computer"), uri);
      return FALSE;
    }

  if (!g_file_set_contents_full (path, data, length,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0600, error))
    return FALSE;

  sweep_stale_temporaries (path);
  return TRUE;
}

gboolean
pt_visit_save_to_file (PtVisit  *self,
                       GFile    *file,
                       GError  **error)
{
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (PT_IS_VISIT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  data = pt_visit_to_data (self, &length);
  return pt_file_save_private (file, data, length, error);
}
