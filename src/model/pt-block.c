/* pt-block.c: one intervention block: code, minutes, provider and its documentation
 *
 * Every property notifies only on a real change, so a visit can listen to its
 * blocks and recompute on each edit.
 */
#include "config.h"

#include "pt-block.h"
#include "pt-codes.h"

struct _PtBlock
{
  GObject     parent_instance;
  char       *code;
  char      **skilled;
  char       *text[PT_BLOCK_N_TEXT_FIELDS];
  gint        minutes;
  PtProvider  provider;
  guint       timed : 1;
  guint       timed_set : 1;
  guint       one_on_one : 1;
};

enum {
  PROP_0,
  PROP_CODE,
  PROP_MINUTES,
  PROP_TIMED,
  PROP_TIMED_SET,
  PROP_PROVIDER,
  PROP_ONE_ON_ONE,
  PROP_SKILLED,
  PROP_TEXT_FIRST,
  N_PROPS = PROP_TEXT_FIRST + PT_BLOCK_N_TEXT_FIELDS
};

G_DEFINE_FINAL_TYPE (PtBlock, pt_block, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static void
pt_block_finalize (GObject *object)
{
  PtBlock *self = (PtBlock *) object;

  g_free (self->code);
  g_strfreev (self->skilled);
  for (guint i = 0; i < PT_BLOCK_N_TEXT_FIELDS; i++)
    g_free (self->text[i]);

  G_OBJECT_CLASS (pt_block_parent_class)->finalize (object);
}

static void
pt_block_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  PtBlock *self = PT_BLOCK (object);

  switch (prop_id)
    {
    case PROP_CODE:
      g_value_set_string (value, self->code);
      break;
    case PROP_MINUTES:
      g_value_set_int (value, self->minutes);
      break;
    case PROP_TIMED:
      g_value_set_boolean (value, pt_block_get_timed (self));
      break;
    case PROP_TIMED_SET:
      g_value_set_boolean (value, self->timed_set);
      break;
    case PROP_PROVIDER:
      g_value_set_uint (value, self->provider);
      break;
    case PROP_ONE_ON_ONE:
      g_value_set_boolean (value, self->one_on_one);
      break;
    case PROP_SKILLED:
      g_value_set_boxed (value, self->skilled);
      break;
    default:
      if (prop_id >= PROP_TEXT_FIRST && prop_id < N_PROPS)
        g_value_set_string (value, self->text[prop_id - PROP_TEXT_FIRST]);
      else
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pt_block_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  PtBlock *self = PT_BLOCK (object);

  switch (prop_id)
    {
    case PROP_CODE:
      pt_block_set_code (self, g_value_get_string (value));
      break;
    case PROP_MINUTES:
      pt_block_set_minutes (self, g_value_get_int (value));
      break;
    case PROP_TIMED:
      pt_block_set_timed (self, g_value_get_boolean (value));
      break;
    case PROP_PROVIDER:
      pt_block_set_provider (self, g_value_get_uint (value));
      break;
    case PROP_ONE_ON_ONE:
      pt_block_set_one_on_one (self, g_value_get_boolean (value));
      break;
    case PROP_SKILLED:
      pt_block_set_skilled (self, g_value_get_boxed (value));
      break;
    default:
      if (prop_id >= PROP_TEXT_FIRST && prop_id < N_PROPS)
        pt_block_set_text (self, prop_id - PROP_TEXT_FIRST, g_value_get_string (value));
      else
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pt_block_class_init (PtBlockClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = pt_block_finalize;
  object_class->get_property = pt_block_get_property;
  object_class->set_property = pt_block_set_property;

  properties[PROP_CODE] = g_param_spec_string ("code", NULL, NULL, "", flags);
  properties[PROP_MINUTES] = g_param_spec_int ("minutes", NULL, NULL, 0, G_MAXINT, 0, flags);
  properties[PROP_TIMED] = g_param_spec_boolean ("timed", NULL, NULL, TRUE, flags);
  properties[PROP_TIMED_SET] = g_param_spec_boolean ("timed-set", NULL, NULL, FALSE,
                                                     G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROVIDER] = g_param_spec_uint ("provider", NULL, NULL,
                                                 PT_PROVIDER_THERAPIST, PT_PROVIDER_TOGETHER,
                                                 PT_PROVIDER_THERAPIST, flags);
  properties[PROP_ONE_ON_ONE] = g_param_spec_boolean ("one-on-one", NULL, NULL, TRUE, flags);
  properties[PROP_SKILLED] = g_param_spec_boxed ("skilled", NULL, NULL, G_TYPE_STRV, flags);

  for (guint i = 0; i < PT_BLOCK_N_TEXT_FIELDS; i++)
    properties[PROP_TEXT_FIRST + i] = g_param_spec_string (pt_block_field_names[i], NULL, NULL,
                                                           "", flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pt_block_init (PtBlock *self)
{
  self->code = g_strdup ("");
  self->skilled = g_new0 (char *, 1);
  for (guint i = 0; i < PT_BLOCK_N_TEXT_FIELDS; i++)
    self->text[i] = g_strdup ("");
  self->one_on_one = TRUE;
  self->timed = TRUE;
}

PtBlock *
pt_block_new (const char *code,
              gint        minutes)
{
  return g_object_new (PT_TYPE_BLOCK, "code", code ? code : "", "minutes", minutes, NULL);
}

PtBlock *
pt_block_copy (PtBlock *self)
{
  PtBlock *copy;

  g_return_val_if_fail (PT_IS_BLOCK (self), NULL);

  copy = pt_block_new (self->code, self->minutes);
  if (self->timed_set)
    pt_block_set_timed (copy, self->timed);
  copy->provider = self->provider;
  copy->one_on_one = self->one_on_one;
  pt_block_set_skilled (copy, (const char * const *) self->skilled);
  for (guint i = 0; i < PT_BLOCK_N_TEXT_FIELDS; i++)
    pt_block_set_text (copy, i, self->text[i]);

  return copy;
}

static gboolean
set_str (char       **ptr,
         const char  *value)
{
  if (value == NULL)
    value = "";
  if (g_strcmp0 (*ptr, value) == 0)
    return FALSE;
  g_free (*ptr);
  *ptr = g_strdup (value);
  return TRUE;
}

const char *
pt_block_get_code (PtBlock *self)
{
  g_return_val_if_fail (PT_IS_BLOCK (self), NULL);

  return self->code;
}

void
pt_block_set_code (PtBlock    *self,
                   const char *code)
{
  gboolean was_timed;

  g_return_if_fail (PT_IS_BLOCK (self));

  was_timed = pt_block_get_timed (self);
  if (set_str (&self->code, code))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CODE]);
      if (pt_block_get_timed (self) != was_timed)
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIMED]);
    }
}

gint
pt_block_get_minutes (PtBlock *self)
{
  g_return_val_if_fail (PT_IS_BLOCK (self), 0);

  return self->minutes;
}

/* Minutes are stored as given, even out of range, so the editor can mark the
 * field and the engine can name the problem; nothing is silently clamped. */
void
pt_block_set_minutes (PtBlock *self,
                      gint     minutes)
{
  g_return_if_fail (PT_IS_BLOCK (self));

  if (self->minutes != minutes)
    {
      self->minutes = minutes;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MINUTES]);
    }
}

/* Timed unless the block says otherwise, or the code is one the engine
 * knows to be untimed. */
gboolean
pt_block_get_timed (PtBlock *self)
{
  g_return_val_if_fail (PT_IS_BLOCK (self), TRUE);

  if (self->timed_set)
    return self->timed;

  return pt_code_default_timed (self->code);
}

void
pt_block_set_timed (PtBlock  *self,
                    gboolean  timed)
{
  gboolean old;

  g_return_if_fail (PT_IS_BLOCK (self));

  old = pt_block_get_timed (self);
  self->timed = !!timed;
  if (!self->timed_set)
    {
      self->timed_set = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIMED_SET]);
    }
  if (old != self->timed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIMED]);
}

gboolean
pt_block_get_timed_set (PtBlock *self)
{
  g_return_val_if_fail (PT_IS_BLOCK (self), FALSE);

  return self->timed_set;
}

void
pt_block_unset_timed (PtBlock *self)
{
  gboolean old;

  g_return_if_fail (PT_IS_BLOCK (self));

  if (!self->timed_set)
    return;

  old = pt_block_get_timed (self);
  self->timed_set = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIMED_SET]);
  if (old != pt_block_get_timed (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIMED]);
}

PtProvider
pt_block_get_provider (PtBlock *self)
{
  g_return_val_if_fail (PT_IS_BLOCK (self), PT_PROVIDER_THERAPIST);

  return self->provider;
}

void
pt_block_set_provider (PtBlock    *self,
                       PtProvider  provider)
{
  g_return_if_fail (PT_IS_BLOCK (self));
  g_return_if_fail (provider <= PT_PROVIDER_TOGETHER);

  if (self->provider != provider)
    {
      self->provider = provider;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROVIDER]);
    }
}

gboolean
pt_block_get_one_on_one (PtBlock *self)
{
  g_return_val_if_fail (PT_IS_BLOCK (self), TRUE);

  return self->one_on_one;
}

void
pt_block_set_one_on_one (PtBlock  *self,
                         gboolean  one_on_one)
{
  g_return_if_fail (PT_IS_BLOCK (self));

  if (self->one_on_one != !!one_on_one)
    {
      self->one_on_one = !!one_on_one;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ONE_ON_ONE]);
    }
}

const char * const *
pt_block_get_skilled (PtBlock *self)
{
  g_return_val_if_fail (PT_IS_BLOCK (self), NULL);

  return (const char * const *) self->skilled;
}

void
pt_block_set_skilled (PtBlock            *self,
                      const char * const *skilled)
{
  static const char * const empty[] = { NULL };

  g_return_if_fail (PT_IS_BLOCK (self));

  if (skilled == NULL)
    skilled = empty;

  if (g_strv_equal ((const char * const *) self->skilled, skilled))
    return;

  g_strfreev (self->skilled);
  self->skilled = g_strdupv ((char **) skilled);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SKILLED]);
}

gboolean
pt_block_has_skilled (PtBlock    *self,
                      const char *id)
{
  g_return_val_if_fail (PT_IS_BLOCK (self), FALSE);

  return g_strv_contains ((const char * const *) self->skilled, id);
}

void
pt_block_toggle_skilled (PtBlock    *self,
                         const char *id,
                         gboolean    active)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) next = NULL;

  g_return_if_fail (PT_IS_BLOCK (self));

  if (pt_block_has_skilled (self, id) == !!active)
    return;

  builder = g_strv_builder_new ();
  for (guint i = 0; self->skilled[i]; i++)
    if (active || g_strcmp0 (self->skilled[i], id) != 0)
      g_strv_builder_add (builder, self->skilled[i]);
  if (active)
    g_strv_builder_add (builder, id);

  next = g_strv_builder_end (builder);
  pt_block_set_skilled (self, (const char * const *) next);
}

const char *
pt_block_get_text (PtBlock      *self,
                   PtBlockField  field)
{
  g_return_val_if_fail (PT_IS_BLOCK (self), NULL);
  g_return_val_if_fail (field < PT_BLOCK_N_TEXT_FIELDS, NULL);

  return self->text[field];
}

void
pt_block_set_text (PtBlock      *self,
                   PtBlockField  field,
                   const char   *text)
{
  g_return_if_fail (PT_IS_BLOCK (self));
  g_return_if_fail (field < PT_BLOCK_N_TEXT_FIELDS);

  if (set_str (&self->text[field], text))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT_FIRST + field]);
}
