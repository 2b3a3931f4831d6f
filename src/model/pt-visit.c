/* pt-visit.c: a visit and its blocks
 *
 * "changed" is emitted after any change to the visit or to one of its blocks,
 * which is what the units panel, the draft writer and the dirty mark listen to.
 */
#include "config.h"

#include <string.h>

#include "pt-visit.h"

struct _PtVisit
{
  GObject              parent_instance;
  char                *title;
  char                *date;
  char                *payer;
  char                *diagnosis;
  char               **tie_preference;
  GListStore          *blocks;
  PtMethod             method;
  PtDiscipline         discipline;
  PtDiagnosisCategory  diagnosis_category;
};

enum {
  PROP_0,
  PROP_TITLE,
  PROP_DATE,
  PROP_PAYER,
  PROP_METHOD,
  PROP_DISCIPLINE,
  PROP_DIAGNOSIS,
  PROP_DIAGNOSIS_CATEGORY,
  PROP_TIE_PREFERENCE,
  PROP_BLOCKS,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (PtVisit, pt_visit, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
on_block_notify (PtVisit    *self,
                 GParamSpec *pspec,
                 PtBlock    *block)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_items_changed (PtVisit    *self,
                  guint       position,
                  guint       removed,
                  guint       added,
                  GListModel *model)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(PtBlock) block = g_list_model_get_item (model, i);

      g_signal_handlers_disconnect_by_func (block, on_block_notify, self);
      g_signal_connect_object (block, "notify", G_CALLBACK (on_block_notify), self,
                               G_CONNECT_SWAPPED);
    }

  g_signal_emit (self, signals[CHANGED], 0);
}

static void
pt_visit_dispose (GObject *object)
{
  PtVisit *self = (PtVisit *) object;

  if (self->blocks != NULL)
    {
      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->blocks)); i++)
        {
          g_autoptr(PtBlock) block = g_list_model_get_item (G_LIST_MODEL (self->blocks), i);

          g_signal_handlers_disconnect_by_func (block, on_block_notify, self);
        }
      g_signal_handlers_disconnect_by_func (self->blocks, on_items_changed, self);
    }
  g_clear_object (&self->blocks);

  G_OBJECT_CLASS (pt_visit_parent_class)->dispose (object);
}

static void
pt_visit_finalize (GObject *object)
{
  PtVisit *self = (PtVisit *) object;

  g_free (self->title);
  g_free (self->date);
  g_free (self->payer);
  g_free (self->diagnosis);
  g_strfreev (self->tie_preference);

  G_OBJECT_CLASS (pt_visit_parent_class)->finalize (object);
}

static void
pt_visit_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  PtVisit *self = PT_VISIT (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;
    case PROP_PAYER:
      g_value_set_string (value, self->payer);
      break;
    case PROP_METHOD:
      g_value_set_uint (value, self->method);
      break;
    case PROP_DISCIPLINE:
      g_value_set_uint (value, self->discipline);
      break;
    case PROP_DIAGNOSIS:
      g_value_set_string (value, self->diagnosis);
      break;
    case PROP_DIAGNOSIS_CATEGORY:
      g_value_set_uint (value, self->diagnosis_category);
      break;
    case PROP_TIE_PREFERENCE:
      g_value_set_boxed (value, self->tie_preference);
      break;
    case PROP_BLOCKS:
      g_value_set_object (value, self->blocks);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pt_visit_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  PtVisit *self = PT_VISIT (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      pt_visit_set_title (self, g_value_get_string (value));
      break;
    case PROP_DATE:
      pt_visit_set_date (self, g_value_get_string (value));
      break;
    case PROP_PAYER:
      pt_visit_set_payer (self, g_value_get_string (value));
      break;
    case PROP_METHOD:
      pt_visit_set_method (self, g_value_get_uint (value));
      break;
    case PROP_DISCIPLINE:
      pt_visit_set_discipline (self, g_value_get_uint (value));
      break;
    case PROP_DIAGNOSIS:
      pt_visit_set_diagnosis (self, g_value_get_string (value));
      break;
    case PROP_DIAGNOSIS_CATEGORY:
      pt_visit_set_diagnosis_category (self, g_value_get_uint (value));
      break;
    case PROP_TIE_PREFERENCE:
      pt_visit_set_tie_preference (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pt_visit_class_init (PtVisitClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = pt_visit_dispose;
  object_class->finalize = pt_visit_finalize;
  object_class->get_property = pt_visit_get_property;
  object_class->set_property = pt_visit_set_property;

  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, "", flags);
  properties[PROP_DATE] = g_param_spec_string ("date", NULL, NULL, "", flags);
  properties[PROP_PAYER] = g_param_spec_string ("payer", NULL, NULL, "", flags);
  properties[PROP_METHOD] = g_param_spec_uint ("method", NULL, NULL,
                                               PT_METHOD_CMS, PT_METHOD_AMA, PT_METHOD_CMS, flags);
  properties[PROP_DISCIPLINE] = g_param_spec_uint ("discipline", NULL, NULL,
                                                   PT_DISCIPLINE_PT, PT_DISCIPLINE_SLP,
                                                   PT_DISCIPLINE_PT, flags);
  properties[PROP_DIAGNOSIS] = g_param_spec_string ("diagnosis", NULL, NULL, "", flags);
  properties[PROP_DIAGNOSIS_CATEGORY] = g_param_spec_uint ("diagnosis-category", NULL, NULL,
                                                           PT_DIAGNOSIS_UNSET, PT_DIAGNOSIS_OTHER,
                                                           PT_DIAGNOSIS_UNSET, flags);
  properties[PROP_TIE_PREFERENCE] = g_param_spec_boxed ("tie-preference", NULL, NULL,
                                                        G_TYPE_STRV, flags);
  properties[PROP_BLOCKS] = g_param_spec_object ("blocks", NULL, NULL, G_TYPE_LIST_MODEL,
                                                 G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PtVisit::changed:
   *
   * Any field of the visit or of one of its blocks changed, or a block was
   * added, removed or moved.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
pt_visit_init (PtVisit *self)
{
  self->title = g_strdup ("");
  self->date = g_strdup ("");
  self->payer = g_strdup ("");
  self->diagnosis = g_strdup ("");
  self->tie_preference = g_new0 (char *, 1);
  self->blocks = g_list_store_new (PT_TYPE_BLOCK);
  g_signal_connect_object (self->blocks, "items-changed", G_CALLBACK (on_items_changed), self,
                           G_CONNECT_SWAPPED);
}

PtVisit *
pt_visit_new (void)
{
  return g_object_new (PT_TYPE_VISIT, NULL);
}

PtVisit *
pt_visit_copy (PtVisit *self)
{
  PtVisit *copy;

  g_return_val_if_fail (PT_IS_VISIT (self), NULL);

  copy = g_object_new (PT_TYPE_VISIT,
                       "title", self->title,
                       "date", self->date,
                       "payer", self->payer,
                       "method", self->method,
                       "discipline", self->discipline,
                       "diagnosis", self->diagnosis,
                       "diagnosis-category", self->diagnosis_category,
                       "tie-preference", self->tie_preference,
                       NULL);

  for (guint i = 0; i < pt_visit_get_n_blocks (self); i++)
    {
      g_autoptr(PtBlock) block = pt_block_copy (pt_visit_get_block (self, i));

      pt_visit_append_block (copy, block);
    }

  return copy;
}

static void
set_string_prop (PtVisit     *self,
                 char       **ptr,
                 const char  *value,
                 guint        prop)
{
  if (value == NULL)
    value = "";
  if (g_strcmp0 (*ptr, value) == 0)
    return;
  g_free (*ptr);
  *ptr = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
set_uint_prop (PtVisit *self,
               guint   *ptr,
               guint    value,
               guint    prop)
{
  if (*ptr == value)
    return;
  *ptr = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
  g_signal_emit (self, signals[CHANGED], 0);
}

const char *
pt_visit_get_title (PtVisit *self)
{
  g_return_val_if_fail (PT_IS_VISIT (self), NULL);
  return self->title;
}

void
pt_visit_set_title (PtVisit    *self,
                    const char *title)
{
  g_return_if_fail (PT_IS_VISIT (self));
  set_string_prop (self, &self->title, title, PROP_TITLE);
}

const char *
pt_visit_get_date (PtVisit *self)
{
  g_return_val_if_fail (PT_IS_VISIT (self), NULL);
  return self->date;
}

void
pt_visit_set_date (PtVisit    *self,
                   const char *date)
{
  g_return_if_fail (PT_IS_VISIT (self));
  set_string_prop (self, &self->date, date, PROP_DATE);
}

const char *
pt_visit_get_payer (PtVisit *self)
{
  g_return_val_if_fail (PT_IS_VISIT (self), NULL);
  return self->payer;
}

void
pt_visit_set_payer (PtVisit    *self,
                    const char *payer)
{
  g_return_if_fail (PT_IS_VISIT (self));
  set_string_prop (self, &self->payer, payer, PROP_PAYER);
}

PtMethod
pt_visit_get_method (PtVisit *self)
{
  g_return_val_if_fail (PT_IS_VISIT (self), PT_METHOD_CMS);
  return self->method;
}

void
pt_visit_set_method (PtVisit  *self,
                     PtMethod  method)
{
  g_return_if_fail (PT_IS_VISIT (self));
  g_return_if_fail (method <= PT_METHOD_AMA);
  set_uint_prop (self, &self->method, method, PROP_METHOD);
}

PtDiscipline
pt_visit_get_discipline (PtVisit *self)
{
  g_return_val_if_fail (PT_IS_VISIT (self), PT_DISCIPLINE_PT);
  return self->discipline;
}

void
pt_visit_set_discipline (PtVisit      *self,
                         PtDiscipline  discipline)
{
  g_return_if_fail (PT_IS_VISIT (self));
  g_return_if_fail (discipline <= PT_DISCIPLINE_SLP);
  set_uint_prop (self, &self->discipline, discipline, PROP_DISCIPLINE);
}

const char *
pt_visit_get_diagnosis (PtVisit *self)
{
  g_return_val_if_fail (PT_IS_VISIT (self), NULL);
  return self->diagnosis;
}

void
pt_visit_set_diagnosis (PtVisit    *self,
                        const char *diagnosis)
{
  g_return_if_fail (PT_IS_VISIT (self));
  set_string_prop (self, &self->diagnosis, diagnosis, PROP_DIAGNOSIS);
}

PtDiagnosisCategory
pt_visit_get_diagnosis_category (PtVisit *self)
{
  g_return_val_if_fail (PT_IS_VISIT (self), PT_DIAGNOSIS_UNSET);
  return self->diagnosis_category;
}

void
pt_visit_set_diagnosis_category (PtVisit             *self,
                                 PtDiagnosisCategory  category)
{
  g_return_if_fail (PT_IS_VISIT (self));
  g_return_if_fail (category <= PT_DIAGNOSIS_OTHER);
  set_uint_prop (self, &self->diagnosis_category, category, PROP_DIAGNOSIS_CATEGORY);
}

const char * const *
pt_visit_get_tie_preference (PtVisit *self)
{
  g_return_val_if_fail (PT_IS_VISIT (self), NULL);
  return (const char * const *) self->tie_preference;
}

void
pt_visit_set_tie_preference (PtVisit            *self,
                             const char * const *codes)
{
  static const char * const empty[] = { NULL };

  g_return_if_fail (PT_IS_VISIT (self));

  if (codes == NULL)
    codes = empty;
  if (g_strv_equal ((const char * const *) self->tie_preference, codes))
    return;

  g_strfreev (self->tie_preference);
  self->tie_preference = g_strdupv ((char **) codes);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIE_PREFERENCE]);
  g_signal_emit (self, signals[CHANGED], 0);
}

GListModel *
pt_visit_get_blocks (PtVisit *self)
{
  g_return_val_if_fail (PT_IS_VISIT (self), NULL);
  return G_LIST_MODEL (self->blocks);
}

guint
pt_visit_get_n_blocks (PtVisit *self)
{
  g_return_val_if_fail (PT_IS_VISIT (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->blocks));
}

/* Returns: (transfer none) */
PtBlock *
pt_visit_get_block (PtVisit *self,
                    guint    position)
{
  PtBlock *block;

  g_return_val_if_fail (PT_IS_VISIT (self), NULL);

  block = g_list_model_get_item (G_LIST_MODEL (self->blocks), position);
  if (block != NULL)
    g_object_unref (block); /* the store keeps it alive */

  return block;
}

void
pt_visit_append_block (PtVisit *self,
                       PtBlock *block)
{
  g_return_if_fail (PT_IS_VISIT (self));
  g_return_if_fail (PT_IS_BLOCK (block));

  g_list_store_append (self->blocks, block);
}

void
pt_visit_insert_block (PtVisit *self,
                       guint    position,
                       PtBlock *block)
{
  g_return_if_fail (PT_IS_VISIT (self));
  g_return_if_fail (PT_IS_BLOCK (block));

  position = MIN (position, pt_visit_get_n_blocks (self));
  g_list_store_insert (self->blocks, position, block);
}

void
pt_visit_remove_block (PtVisit *self,
                       guint    position)
{
  g_autoptr(PtBlock) block = NULL;

  g_return_if_fail (PT_IS_VISIT (self));
  g_return_if_fail (position < pt_visit_get_n_blocks (self));

  block = g_list_model_get_item (G_LIST_MODEL (self->blocks), position);
  g_signal_handlers_disconnect_by_func (block, on_block_notify, self);
  g_list_store_remove (self->blocks, position);
}

void
pt_visit_move_block (PtVisit *self,
                     guint    from,
                     guint    to)
{
  g_autoptr(PtBlock) block = NULL;
  guint n;

  g_return_if_fail (PT_IS_VISIT (self));

  n = pt_visit_get_n_blocks (self);
  g_return_if_fail (from < n && to < n);

  if (from == to)
    return;

  block = g_list_model_get_item (G_LIST_MODEL (self->blocks), from);
  g_signal_handlers_disconnect_by_func (block, on_block_notify, self);
  g_list_store_remove (self->blocks, from);
  g_list_store_insert (self->blocks, to, block);
}

gint
pt_visit_find_block (PtVisit *self,
                     PtBlock *block)
{
  guint position;

  g_return_val_if_fail (PT_IS_VISIT (self), -1);

  if (g_list_store_find (self->blocks, block, &position))
    return (gint) position;

  return -1;
}

static void
copy_code (char       *dest,
           gsize       size,
           const char *code)
{
  const char *end = code;

  while (*end != '\0')
    {
      const char *next = g_utf8_next_char (end);

      if ((gsize) (next - code) >= size)
        break;
      end = next;
    }

  memcpy (dest, code, end - code);
  dest[end - code] = '\0';
}

/* The engine's input for this visit under @method; the visit's tie
 * preference is copied so the input outlives later edits. */
PtVisitInput *
pt_visit_input_new (PtVisit   *self,
                    PtMethod   method,
                    PtTieRule  tie_rule)
{
  PtVisitInput *vi;
  guint n;

  g_return_val_if_fail (PT_IS_VISIT (self), NULL);

  n = pt_visit_get_n_blocks (self);
  vi = g_new0 (PtVisitInput, 1);
  vi->blocks = g_new0 (PtAllocBlock, MAX (n, 1));
  vi->tie_preference = g_strdupv (self->tie_preference);

  for (guint i = 0; i < n; i++)
    {
      PtBlock *block = pt_visit_get_block (self, i);

      /* A longer code is cut, at a character boundary so the engine's
       * message stays valid UTF-8, and stays longer than five characters, so
       * the engine still refuses it. */
      copy_code (vi->blocks[i].code, sizeof vi->blocks[i].code, pt_block_get_code (block));
      vi->blocks[i].minutes = pt_block_get_minutes (block);
      vi->blocks[i].timed = pt_block_get_timed (block);
      vi->blocks[i].provider = pt_block_get_provider (block);
    }

  vi->input.method = method;
  vi->input.tie_rule = tie_rule;
  vi->input.blocks = vi->blocks;
  vi->input.n_blocks = n;
  vi->input.tie_preference = (const char * const *) vi->tie_preference;

  return vi;
}

void
pt_visit_input_free (PtVisitInput *input)
{
  if (input == NULL)
    return;

  g_free (input->blocks);
  g_strfreev (input->tie_preference);
  g_free (input);
}
