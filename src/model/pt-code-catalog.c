/* pt-code-catalog.c: the offline code catalogue: loading, lookup and search
 *
 * The file is checked member by member like a visit file, and every error
 * names the member's path ("codes[4].unit_basis: ..."). At load each code
 * gets a case-folded "haystack" of its number, title, description and notes,
 * so a search is a few substring scans per code and never allocates per code.
 */
#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pt-code-catalog.h"
#include "pt-codes.h"
#include "pt-format-error.h"
#include "pt-json-read.h"

#define DEFAULT_RESOURCE "/org/example/Pt97112/data/catalog/codes.json"

struct _PtCodeCatalog
{
  GObject     parent_instance;

  GPtrArray  *codes;       /* PtCode, in file order */
  GPtrArray  *haystacks;   /* char *, case-folded search text, parallel to codes */
  GHashTable *index;       /* code (borrowed from the PtCode) -> position + 1 */
  GArray     *modifiers;   /* PtModifierInfo */
  GArray     *kx;          /* PtKxThreshold */
  GArray     *pairs;       /* PtNcciPair */
};

enum {
  PROP_0,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
pt_code_catalog_get_item_type (GListModel *model)
{
  return PT_TYPE_CODE;
}

static guint
pt_code_catalog_get_n_items (GListModel *model)
{
  return PT_CODE_CATALOG (model)->codes->len;
}

static gpointer
pt_code_catalog_get_item (GListModel *model,
                          guint       position)
{
  PtCodeCatalog *self = PT_CODE_CATALOG (model);

  if (position >= self->codes->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->codes, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = pt_code_catalog_get_item_type;
  iface->get_n_items = pt_code_catalog_get_n_items;
  iface->get_item = pt_code_catalog_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (PtCodeCatalog, pt_code_catalog, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static void
modifier_info_clear (gpointer data)
{
  PtModifierInfo *info = data;

  g_clear_pointer (&info->code, g_free);
  g_clear_pointer (&info->meaning, g_free);
  g_clear_pointer (&info->applies, g_free);
  g_clear_pointer (&info->source, g_free);
}

static void
kx_threshold_clear (gpointer data)
{
  PtKxThreshold *kx = data;

  g_clear_pointer (&kx->source, g_free);
}

static void
ncci_pair_clear (gpointer data)
{
  PtNcciPair *pair = data;

  g_clear_pointer (&pair->codes[0], g_free);
  g_clear_pointer (&pair->codes[1], g_free);
  pair->column_one = NULL;
  g_clear_pointer (&pair->explanation, g_free);
  g_clear_pointer (&pair->source, g_free);
}

static void
pt_code_catalog_finalize (GObject *object)
{
  PtCodeCatalog *self = (PtCodeCatalog *) object;

  g_clear_pointer (&self->index, g_hash_table_unref);
  g_clear_pointer (&self->haystacks, g_ptr_array_unref);
  g_clear_pointer (&self->codes, g_ptr_array_unref);
  g_clear_pointer (&self->modifiers, g_array_unref);
  g_clear_pointer (&self->kx, g_array_unref);
  g_clear_pointer (&self->pairs, g_array_unref);

  G_OBJECT_CLASS (pt_code_catalog_parent_class)->finalize (object);
}

static void
pt_code_catalog_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  PtCodeCatalog *self = PT_CODE_CATALOG (object);

  switch (prop_id)
    {
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->codes->len);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pt_code_catalog_class_init (PtCodeCatalogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pt_code_catalog_finalize;
  object_class->get_property = pt_code_catalog_get_property;

  /* The number of codes, as GListStore has it; constant after loading. */
  properties[PROP_N_ITEMS] = g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                                                G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                                                G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pt_code_catalog_init (PtCodeCatalog *self)
{
  self->codes = g_ptr_array_new_with_free_func (g_object_unref);
  self->haystacks = g_ptr_array_new_with_free_func (g_free);
  self->index = g_hash_table_new (g_str_hash, g_str_equal);
  self->modifiers = g_array_new (FALSE, TRUE, sizeof (PtModifierInfo));
  g_array_set_clear_func (self->modifiers, modifier_info_clear);
  self->kx = g_array_new (FALSE, TRUE, sizeof (PtKxThreshold));
  g_array_set_clear_func (self->kx, kx_threshold_clear);
  self->pairs = g_array_new (FALSE, TRUE, sizeof (PtNcciPair));
  g_array_set_clear_func (self->pairs, ncci_pair_clear);
}

/* Reading the file ------------------------------------------------------- */

static gboolean
is_blank (const char *text)
{
  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;

  return TRUE;
}

/* A string member; a required one must not be empty or blank either. */
static gboolean
read_text (JsonObject  *object,
           const char  *path,
           const char  *member,
           gboolean     required,
           char       **value,
           GError     **error)
{
  g_autofree char *text = NULL;

  if (!pt_json_read_string (object, path, member, required, "", &text, error))
    return FALSE;

  if (required && is_blank (text))
    {
      g_autofree char *full = pt_json_path (path, member);

      g_set_error (error, PT_FORMAT_ERROR, PT_FORMAT_ERROR_VALUE,
                   _("%s: must not be empty"), full);
      return FALSE;
    }

  *value = g_steal_pointer (&text);
  return TRUE;
}

/* One of @choices, required. */
static gboolean
read_required_choice (JsonObject         *object,
                      const char         *path,
                      const char         *member,
                      const char * const *choices,
                      gint               *value,
                      GError            **error)
{
  if (!json_object_has_member (object, member))
    {
      g_autofree char *full = pt_json_path (path, member);

      g_set_error (error, PT_FORMAT_ERROR, PT_FORMAT_ERROR_MISSING,
                   _("%s: missing; it is required"), full);
      return FALSE;
    }

  return pt_json_read_choice (object, path, member, choices, 0, value, error);
}

static gboolean
read_required_bool (JsonObject  *object,
                    const char  *path,
                    const char  *member,
                    gboolean    *value,
                    GError     **error)
{
  gboolean present;

  if (!pt_json_read_bool (object, path, member, FALSE, value, &present, error))
    return FALSE;

  if (!present)
    {
      g_autofree char *full = pt_json_path (path, member);

      g_set_error (error, PT_FORMAT_ERROR, PT_FORMAT_ERROR_MISSING,
                   _("%s: missing; it is required"), full);
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_code (const char  *code,
            const char  *full_path,
            GError     **error)
{
  if (pt_code_is_valid (code))
    return TRUE;

  g_set_error (error, PT_FORMAT_ERROR, PT_FORMAT_ERROR_VALUE,
               _("%s: expected a code of five digits or a capital letter and four digits, found “%.20s”"),
               full_path, code);
  return FALSE;
}

static char *
element_path (const char *member,
              guint       i)
{
  return g_strdup_printf ("%s[%u]", member, i);
}

static gboolean
read_header (JsonObject  *object,
             GError     **error)
{
  JsonNode *fnode = json_object_get_member (object, "format");
  g_autofree char *kind = NULL;
  gint64 format;

  if (fnode != NULL && JSON_NODE_HOLDS_VALUE (fnode) &&
      json_node_get_value_type (fnode) == G_TYPE_INT64 &&
      json_node_get_int (fnode) > PT_CODE_CATALOG_FORMAT)
    {
      g_set_error (error, PT_FORMAT_ERROR, PT_FORMAT_ERROR_NEWER_FORMAT,
                   _("format: this code catalogue is in format %" PRId64 ", written for a newer version of Pt97112; this version reads format %d"),
                   json_node_get_int (fnode), PT_CODE_CATALOG_FORMAT);
      return FALSE;
    }

  if (!pt_json_read_int (object, "", "format", TRUE, 1, PT_CODE_CATALOG_FORMAT, 1, &format, error) ||
      !pt_json_read_string (object, "", "kind", TRUE, NULL, &kind, error))
    return FALSE;

  if (g_strcmp0 (kind, "code-catalog") != 0)
    {
      g_set_error (error, PT_FORMAT_ERROR, PT_FORMAT_ERROR_KIND,
                   _("kind: expected “code-catalog”, found “%.40s”; this is not a code catalogue"),
                   kind);
      return FALSE;
    }

  return TRUE;
}

/* Case-folded "CODE\ntitle\ndescription\nnotes": the text a word search scans. */
static char *
make_haystack (PtCode *code)
{
  g_autofree char *joined = g_strjoin ("\n",
                                       pt_code_get_code (code),
                                       pt_code_get_title (code),
                                       pt_code_get_description (code),
                                       pt_code_get_notes (code),
                                       NULL);

  return g_utf8_casefold (joined, -1);
}

static gboolean
read_code (PtCodeCatalog  *self,
           JsonNode       *node,
           guint           i,
           GError        **error)
{
  g_autofree char *path = element_path ("codes", i);
  g_autofree char *code = NULL, *title = NULL, *description = NULL, *notes = NULL;
  g_autofree char *category = NULL, *source = NULL;
  g_autoptr(PtCode) entry = NULL;
  JsonObject *object;
  gboolean timed;
  gint basis, confidence;
  gpointer first;

  if (!(object = pt_json_node_object (node, path, error)) ||
      !pt_json_read_string (object, path, "code", TRUE, NULL, &code, error))
    return FALSE;

  {
    g_autofree char *full = pt_json_path (path, "code");

    if (!check_code (code, full, error))
      return FALSE;

    if ((first = g_hash_table_lookup (self->index, code)) != NULL)
      {
        g_set_error (error, PT_FORMAT_ERROR, PT_FORMAT_ERROR_VALUE,
                     _("%s: “%s” is listed twice; it is already at codes[%u]"),
                     full, code, GPOINTER_TO_UINT (first) - 1);
        return FALSE;
      }
  }

  if (!read_required_bool (object, path, "timed", &timed, error) ||
      !read_required_choice (object, path, "unit_basis", pt_unit_basis_names, &basis, error) ||
      !read_text (object, path, "title", TRUE, &title, error) ||
      !read_text (object, path, "description", TRUE, &description, error) ||
      !read_text (object, path, "notes", FALSE, &notes, error) ||
      !read_text (object, path, "category", TRUE, &category, error) ||
      !read_required_choice (object, path, "confidence", pt_confidence_names, &confidence, error) ||
      !read_text (object, path, "source", TRUE, &source, error))
    return FALSE;

  entry = pt_code_new (code, title, description, notes, category, timed, basis, confidence, source);
  g_ptr_array_add (self->haystacks, make_haystack (entry));
  g_ptr_array_add (self->codes, g_object_ref (entry));
  g_hash_table_insert (self->index, (gpointer) pt_code_get_code (entry),
                       GUINT_TO_POINTER (self->codes->len));

  return TRUE;
}

/* A modifier is one to four capital letters or digits: GP, KX, 59, XU. */
static gboolean
modifier_is_valid (const char *modifier)
{
  gsize len = strlen (modifier);

  if (len < 1 || len > 4)
    return FALSE;

  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isupper (modifier[i]) && !g_ascii_isdigit (modifier[i]))
      return FALSE;

  return TRUE;
}

static gboolean
read_modifier (PtCodeCatalog  *self,
               JsonNode       *node,
               guint           i,
               GError        **error)
{
  g_autofree char *path = element_path ("modifiers", i);
  PtModifierInfo info = { 0 };
  JsonObject *object;
  gint confidence;

  if (!(object = pt_json_node_object (node, path, error)) ||
      !read_text (object, path, "code", TRUE, &info.code, error))
    goto fail;

  if (!modifier_is_valid (info.code) || pt_code_catalog_lookup_modifier (self, info.code) != NULL)
    {
      g_autofree char *full = pt_json_path (path, "code");

      if (!modifier_is_valid (info.code))
        g_set_error (error, PT_FORMAT_ERROR, PT_FORMAT_ERROR_VALUE,
                     _("%s: expected a modifier of one to four capital letters or digits, found “%.20s”"),
                     full, info.code);
      else
        g_set_error (error, PT_FORMAT_ERROR, PT_FORMAT_ERROR_VALUE,
                     _("%s: modifier “%s” is listed twice"), full, info.code);
      goto fail;
    }

  if (!read_text (object, path, "meaning", TRUE, &info.meaning, error) ||
      !read_text (object, path, "applies", FALSE, &info.applies, error) ||
      !read_required_choice (object, path, "confidence", pt_confidence_names, &confidence, error) ||
      !read_text (object, path, "source", TRUE, &info.source, error))
    goto fail;

  info.confidence = confidence;
  g_array_append_val (self->modifiers, info);
  return TRUE;

fail:
  modifier_info_clear (&info);
  return FALSE;
}

static gboolean
read_kx_threshold (PtCodeCatalog  *self,
                   JsonNode       *node,
                   guint           i,
                   GError        **error)
{
  g_autofree char *path = element_path ("kx_thresholds", i);
  g_autofree char *source = NULL;
  JsonObject *object;
  gint64 year, pt_slp, ot;
  gint confidence;

  if (!(object = pt_json_node_object (node, path, error)) ||
      !pt_json_read_int (object, path, "year", TRUE, 1990, 2200, 0, &year, error))
    return FALSE;

  if (pt_code_catalog_lookup_kx_threshold (self, (gint) year) != NULL)
    {
      g_autofree char *full = pt_json_path (path, "year");

      g_set_error (error, PT_FORMAT_ERROR, PT_FORMAT_ERROR_VALUE,
                   _("%s: the year %d is listed twice"), full, (gint) year);
      return FALSE;
    }

  if (!pt_json_read_int (object, path, "amount_pt_slp", TRUE, 0, 1000000, 0, &pt_slp, error) ||
      !pt_json_read_int (object, path, "amount_ot", TRUE, 0, 1000000, 0, &ot, error) ||
      !read_required_choice (object, path, "confidence", pt_confidence_names, &confidence, error) ||
      !read_text (object, path, "source", TRUE, &source, error))
    return FALSE;

  {
    PtKxThreshold kx = { (gint) year, (gint) pt_slp, (gint) ot, confidence, g_steal_pointer (&source) };

    g_array_append_val (self->kx, kx);
  }

  return TRUE;
}

/* "ccmi": 0, 1 or 9; null or absent when no source states it. */
static gboolean
read_ccmi (JsonObject  *object,
           const char  *path,
           gint        *ccmi,
           GError     **error)
{
  JsonNode *node = json_object_get_member (object, "ccmi");
  gint64 value;

  *ccmi = PT_NCCI_CCMI_UNKNOWN;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  if (!pt_json_read_int (object, path, "ccmi", TRUE, 0, 9, 0, &value, error))
    return FALSE;

  if (value != 0 && value != 1 && value != 9)
    {
      g_autofree char *full = pt_json_path (path, "ccmi");

      g_set_error (error, PT_FORMAT_ERROR, PT_FORMAT_ERROR_VALUE,
                   _("%s: expected 0, 1, 9 or null, found %d"), full, (gint) value);
      return FALSE;
    }

  *ccmi = (gint) value;
  return TRUE;
}

static gboolean
read_pair_codes (PtCodeCatalog  *self,
                 JsonObject     *object,
                 const char     *path,
                 PtNcciPair     *pair,
                 GError        **error)
{
  g_autofree char *full = pt_json_path (path, "codes");
  g_auto(GStrv) codes = NULL;
  const PtNcciPair *other;
  JsonNode *column_one;

  if (!json_object_has_member (object, "codes"))
    {
      g_set_error (error, PT_FORMAT_ERROR, PT_FORMAT_ERROR_MISSING,
                   _("%s: missing; it is required"), full);
      return FALSE;
    }

  if (!pt_json_read_strv (object, path, "codes", &codes, error))
    return FALSE;

  if (g_strv_length (codes) != 2)
    {
      g_set_error (error, PT_FORMAT_ERROR, PT_FORMAT_ERROR_VALUE,
                   _("%s: expected two codes, found %u"), full, g_strv_length (codes));
      return FALSE;
    }

  for (guint k = 0; k < 2; k++)
    {
      g_autofree char *code_path = element_path (full, k);

      if (!check_code (codes[k], code_path, error))
        return FALSE;
    }

  if (strcmp (codes[0], codes[1]) == 0)
    {
      g_set_error (error, PT_FORMAT_ERROR, PT_FORMAT_ERROR_VALUE,
                   _("%s: a pair needs two different codes, found “%s” twice"), full, codes[0]);
      return FALSE;
    }

  if ((other = pt_code_catalog_lookup_ncci_pair (self, codes[0], codes[1])) != NULL)
    {
      g_set_error (error, PT_FORMAT_ERROR, PT_FORMAT_ERROR_VALUE,
                   _("%s: the pair %s and %s is listed twice"), full, codes[0], codes[1]);
      return FALSE;
    }

  pair->codes[0] = g_strdup (codes[0]);
  pair->codes[1] = g_strdup (codes[1]);

  column_one = json_object_get_member (object, "column_one");
  if (column_one != NULL && !JSON_NODE_HOLDS_NULL (column_one))
    {
      g_autofree char *first = NULL;

      if (!pt_json_read_string (object, path, "column_one", TRUE, NULL, &first, error))
        return FALSE;

      if (strcmp (first, pair->codes[0]) == 0)
        pair->column_one = pair->codes[0];
      else if (strcmp (first, pair->codes[1]) == 0)
        pair->column_one = pair->codes[1];
      else
        {
          g_autofree char *cpath = pt_json_path (path, "column_one");

          g_set_error (error, PT_FORMAT_ERROR, PT_FORMAT_ERROR_VALUE,
                       _("%s: “%.20s” is not one of the pair’s codes %s and %s"),
                       cpath, first, pair->codes[0], pair->codes[1]);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
read_ncci_pair (PtCodeCatalog  *self,
                JsonNode       *node,
                guint           i,
                GError        **error)
{
  static const char * const status_names[] = { "reported", "deleted", NULL };
  g_autofree char *path = element_path ("ncci_pairs", i);
  PtNcciPair pair = { { NULL, NULL }, NULL, PT_NCCI_CCMI_UNKNOWN, 0, NULL, 0, NULL };
  JsonObject *object;
  gint status, confidence;

  if (!(object = pt_json_node_object (node, path, error)) ||
      !read_pair_codes (self, object, path, &pair, error) ||
      !read_ccmi (object, path, &pair.ccmi, error) ||
      !pt_json_read_choice (object, path, "status", status_names, PT_NCCI_STATUS_REPORTED,
                            &status, error) ||
      !read_text (object, path, "explanation", TRUE, &pair.explanation, error) ||
      !read_required_choice (object, path, "confidence", pt_confidence_names, &confidence, error) ||
      !read_text (object, path, "source", TRUE, &pair.source, error))
    {
      ncci_pair_clear (&pair);
      return FALSE;
    }

  pair.status = status;
  pair.confidence = confidence;
  g_array_append_val (self->pairs, pair);
  return TRUE;
}

typedef gboolean (*ReadElement) (PtCodeCatalog *self,
                                 JsonNode      *node,
                                 guint          i,
                                 GError       **error);

static gboolean
read_list (PtCodeCatalog  *self,
           JsonObject     *object,
           const char     *member,
           gboolean        required,
           ReadElement     read,
           GError        **error)
{
  g_autoptr(GError) local_error = NULL;
  JsonArray *array = pt_json_read_array (object, "", member, required, &local_error);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    if (!read (self, json_array_get_element (array, i), i, error))
      return FALSE;

  return TRUE;
}

/**
 * pt_code_catalog_new_from_data:
 * @data: the catalogue file's text
 * @length: its length, or -1 when @data is NUL-terminated
 * @error: a PT_FORMAT_ERROR naming the path of the first bad member
 *
 * Returns: (transfer full) (nullable): the catalogue, or NULL on error
 */
PtCodeCatalog *
pt_code_catalog_new_from_data (const char  *data,
                               gssize       length,
                               GError     **error)
{
  g_autoptr(PtCodeCatalog) self = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;
  gsize len;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (data == NULL)
    data = "";
  len = length < 0 ? strlen (data) : (gsize) length;

  if (len > PT_CODE_CATALOG_MAX_SIZE)
    {
      g_set_error (error, PT_FORMAT_ERROR, PT_FORMAT_ERROR_TOO_LARGE,
                   _("The code catalogue is larger than %d bytes; it is not a catalogue file"),
                   PT_CODE_CATALOG_MAX_SIZE);
      return NULL;
    }

  if (!(root = pt_json_parse (data, len, _("The code catalogue"), error)) ||
      !(object = pt_json_node_object (root, "", error)) ||
      !read_header (object, error))
    return NULL;

  self = g_object_new (PT_TYPE_CODE_CATALOG, NULL);

  if (!read_list (self, object, "codes", TRUE, read_code, error) ||
      !read_list (self, object, "modifiers", FALSE, read_modifier, error) ||
      !read_list (self, object, "kx_thresholds", FALSE, read_kx_threshold, error) ||
      !read_list (self, object, "ncci_pairs", FALSE, read_ncci_pair, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * pt_code_catalog_get_default:
 *
 * The catalogue built into the program, loaded on first use.
 *
 * Returns: (transfer none): the shared catalogue
 */
PtCodeCatalog *
pt_code_catalog_get_default (void)
{
  static PtCodeCatalog *catalog;

  if (g_once_init_enter (&catalog))
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = g_resources_lookup_data (DEFAULT_RESOURCE, 0, &error);
      PtCodeCatalog *loaded = NULL;

      if (bytes != NULL)
        loaded = pt_code_catalog_new_from_data (g_bytes_get_data (bytes, NULL),
                                                g_bytes_get_size (bytes), &error);

      /* Only a broken build gets here; the tests load this very file. An
       * empty catalogue keeps the program working on built-in defaults. */
      if (loaded == NULL)
        {
          g_critical ("The built-in code catalogue cannot be read: %s", error->message);
          loaded = g_object_new (PT_TYPE_CODE_CATALOG, NULL);
        }

      g_once_init_leave (&catalog, loaded);
    }

  return catalog;
}

/* Lookup and search -------------------------------------------------------- */

static gint
index_of (PtCodeCatalog *self,
          const char    *code)
{
  char key[6];
  guint position;

  if (code == NULL || strlen (code) != 5)
    return -1;

  memcpy (key, code, sizeof key);
  key[0] = g_ascii_toupper (key[0]);
  position = GPOINTER_TO_UINT (g_hash_table_lookup (self->index, key));

  return position == 0 ? -1 : (gint) position - 1;
}

/**
 * pt_code_catalog_lookup:
 * @code: a code such as "97112" (an HCPCS letter may be lower case)
 *
 * Returns: (transfer none) (nullable): the entry, or NULL when the catalogue lacks it
 */
PtCode *
pt_code_catalog_lookup (PtCodeCatalog *self,
                        const char    *code)
{
  gint i;

  g_return_val_if_fail (PT_IS_CODE_CATALOG (self), NULL);

  i = index_of (self, code);

  return i < 0 ? NULL : g_ptr_array_index (self->codes, i);
}

/**
 * pt_code_catalog_is_timed:
 * @known: (out) (optional): set to whether the catalogue lists @code
 *
 * The catalogue's timed flag for @code, or the engine's built-in default
 * (pt_code_default_timed()) for a code it does not list.
 */
gboolean
pt_code_catalog_is_timed (PtCodeCatalog *self,
                          const char    *code,
                          gboolean      *known)
{
  PtCode *entry;

  g_return_val_if_fail (PT_IS_CODE_CATALOG (self), TRUE);

  entry = pt_code_catalog_lookup (self, code);
  if (known != NULL)
    *known = entry != NULL;

  return entry != NULL ? pt_code_get_timed (entry) : pt_code_default_timed (code);
}

/* Digits, or a letter then at least one digit: at most a whole code. */
static gboolean
is_code_prefix (const char *query)
{
  gsize len = strlen (query);

  if (len == 0 || len > 5)
    return FALSE;

  if (!g_ascii_isdigit (query[0]) && !(g_ascii_isalpha (query[0]) && len > 1))
    return FALSE;

  for (gsize i = 1; i < len; i++)
    if (!g_ascii_isdigit (query[i]))
      return FALSE;

  return TRUE;
}

/* The case-folded words of @query: runs of letters and digits. */
static GPtrArray *
query_words (const char *query)
{
  g_autofree char *folded = g_utf8_casefold (query, -1);
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);
  const char *start = NULL;

  for (const char *p = folded; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gboolean word_char = c != 0 && g_unichar_isalnum (c);

      if (word_char && start == NULL)
        start = p;
      else if (!word_char && start != NULL)
        {
          g_ptr_array_add (words, g_strndup (start, p - start));
          start = NULL;
        }

      if (c == 0)
        break;
    }

  return words;
}

/* Whether @word starts a word somewhere in @haystack. */
static gboolean
has_word_start (const char *haystack,
                const char *word)
{
  for (const char *p = strstr (haystack, word); p != NULL; p = strstr (p + 1, word))
    if (p == haystack || !g_unichar_isalnum (g_utf8_get_char (g_utf8_prev_char (p))))
      return TRUE;

  return FALSE;
}

/**
 * pt_code_catalog_search:
 * @query: (nullable): what the user typed
 *
 * A query of digits, or a letter then digits ("9711", "G02"), matches codes
 * that start with it. Any other query matches codes where every word of the
 * query starts a word of the code, title, description or notes, ignoring
 * case. An empty query matches everything. Matches keep catalogue order.
 *
 * Returns: (transfer full): a new list of the matching PtCode objects
 */
GListModel *
pt_code_catalog_search (PtCodeCatalog *self,
                        const char    *query)
{
  g_autofree char *q = g_strstrip (g_strdup (query ? query : ""));
  g_autoptr(GPtrArray) matches = g_ptr_array_new ();
  GListStore *store = g_list_store_new (PT_TYPE_CODE);

  g_return_val_if_fail (PT_IS_CODE_CATALOG (self), G_LIST_MODEL (store));

  if (is_code_prefix (q))
    {
      gsize len = strlen (q);

      q[0] = g_ascii_toupper (q[0]);
      for (guint i = 0; i < self->codes->len; i++)
        if (strncmp (pt_code_get_code (g_ptr_array_index (self->codes, i)), q, len) == 0)
          g_ptr_array_add (matches, g_ptr_array_index (self->codes, i));
    }
  else
    {
      g_autoptr(GPtrArray) words = query_words (q);

      for (guint i = 0; i < self->codes->len; i++)
        {
          const char *haystack = g_ptr_array_index (self->haystacks, i);
          gboolean all = TRUE;

          for (guint w = 0; all && w < words->len; w++)
            all = has_word_start (haystack, g_ptr_array_index (words, w));

          if (all)
            g_ptr_array_add (matches, g_ptr_array_index (self->codes, i));
        }
    }

  g_list_store_splice (store, 0, 0, matches->pdata, matches->len);

  return G_LIST_MODEL (store);
}

/* Modifiers, KX thresholds, NCCI pairs --------------------------------------- */

guint
pt_code_catalog_get_n_modifiers (PtCodeCatalog *self)
{
  g_return_val_if_fail (PT_IS_CODE_CATALOG (self), 0);

  return self->modifiers->len;
}

/**
 * pt_code_catalog_get_modifier:
 *
 * Returns: (transfer none) (nullable): the modifier at @position, owned by the catalogue
 */
const PtModifierInfo *
pt_code_catalog_get_modifier (PtCodeCatalog *self,
                              guint          position)
{
  g_return_val_if_fail (PT_IS_CODE_CATALOG (self), NULL);

  if (position >= self->modifiers->len)
    return NULL;

  return &g_array_index (self->modifiers, PtModifierInfo, position);
}

/**
 * pt_code_catalog_lookup_modifier:
 * @modifier: "GP", "kx", "59"... (case is ignored)
 *
 * Returns: (transfer none) (nullable): the modifier, or NULL
 */
const PtModifierInfo *
pt_code_catalog_lookup_modifier (PtCodeCatalog *self,
                                 const char    *modifier)
{
  g_return_val_if_fail (PT_IS_CODE_CATALOG (self), NULL);

  if (modifier == NULL)
    return NULL;

  for (guint i = 0; i < self->modifiers->len; i++)
    {
      const PtModifierInfo *info = &g_array_index (self->modifiers, PtModifierInfo, i);

      if (g_ascii_strcasecmp (info->code, modifier) == 0)
        return info;
    }

  return NULL;
}

guint
pt_code_catalog_get_n_kx_thresholds (PtCodeCatalog *self)
{
  g_return_val_if_fail (PT_IS_CODE_CATALOG (self), 0);

  return self->kx->len;
}

/**
 * pt_code_catalog_get_kx_threshold:
 *
 * Returns: (transfer none) (nullable): the threshold at @position, in file order
 */
const PtKxThreshold *
pt_code_catalog_get_kx_threshold (PtCodeCatalog *self,
                                  guint          position)
{
  g_return_val_if_fail (PT_IS_CODE_CATALOG (self), NULL);

  if (position >= self->kx->len)
    return NULL;

  return &g_array_index (self->kx, PtKxThreshold, position);
}

/**
 * pt_code_catalog_lookup_kx_threshold:
 *
 * Returns: (transfer none) (nullable): the threshold of @year, or NULL when no
 *   source gave one for that year (none is guessed)
 */
const PtKxThreshold *
pt_code_catalog_lookup_kx_threshold (PtCodeCatalog *self,
                                     gint           year)
{
  g_return_val_if_fail (PT_IS_CODE_CATALOG (self), NULL);

  for (guint i = 0; i < self->kx->len; i++)
    if (g_array_index (self->kx, PtKxThreshold, i).year == year)
      return &g_array_index (self->kx, PtKxThreshold, i);

  return NULL;
}

guint
pt_code_catalog_get_n_ncci_pairs (PtCodeCatalog *self)
{
  g_return_val_if_fail (PT_IS_CODE_CATALOG (self), 0);

  return self->pairs->len;
}

/**
 * pt_code_catalog_get_ncci_pair:
 *
 * Returns: (transfer none) (nullable): the pair at @position
 */
const PtNcciPair *
pt_code_catalog_get_ncci_pair (PtCodeCatalog *self,
                               guint          position)
{
  g_return_val_if_fail (PT_IS_CODE_CATALOG (self), NULL);

  if (position >= self->pairs->len)
    return NULL;

  return &g_array_index (self->pairs, PtNcciPair, position);
}

/**
 * pt_code_catalog_lookup_ncci_pair:
 *
 * The pair of @code_a and @code_b in either order.
 *
 * Returns: (transfer none) (nullable): the pair, or NULL when no source listed it
 *   (which does not mean that no edit exists)
 */
const PtNcciPair *
pt_code_catalog_lookup_ncci_pair (PtCodeCatalog *self,
                                  const char    *code_a,
                                  const char    *code_b)
{
  g_return_val_if_fail (PT_IS_CODE_CATALOG (self), NULL);

  if (code_a == NULL || code_b == NULL)
    return NULL;

  for (guint i = 0; i < self->pairs->len; i++)
    {
      const PtNcciPair *pair = &g_array_index (self->pairs, PtNcciPair, i);

      if ((strcmp (pair->codes[0], code_a) == 0 && strcmp (pair->codes[1], code_b) == 0) ||
          (strcmp (pair->codes[0], code_b) == 0 && strcmp (pair->codes[1], code_a) == 0))
        return pair;
    }

  return NULL;
}

/**
 * pt_code_catalog_ncci_pairs_for:
 *
 * Returns: (transfer container) (element-type PtNcciPair): every pair that
 *   names @code, in file order; the pairs stay owned by the catalogue
 */
GPtrArray *
pt_code_catalog_ncci_pairs_for (PtCodeCatalog *self,
                                const char    *code)
{
  GPtrArray *found = g_ptr_array_new ();

  g_return_val_if_fail (PT_IS_CODE_CATALOG (self), found);

  for (guint i = 0; code != NULL && i < self->pairs->len; i++)
    {
      PtNcciPair *pair = &g_array_index (self->pairs, PtNcciPair, i);

      if (strcmp (pair->codes[0], code) == 0 || strcmp (pair->codes[1], code) == 0)
        g_ptr_array_add (found, pair);
    }

  return found;
}
