/* pt-code.c: one code of the catalogue (number, names, timed flag, unit basis, confidence)
 *
 * All properties are set at construction and never change, so a list row can
 * bind to them without listening for notifications.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pt-code.h"

G_DEFINE_ENUM_TYPE (PtUnitBasis, pt_unit_basis,
  G_DEFINE_ENUM_VALUE (PT_UNIT_BASIS_15_MINUTE, "15-minute"),
  G_DEFINE_ENUM_VALUE (PT_UNIT_BASIS_SESSION, "session"),
  G_DEFINE_ENUM_VALUE (PT_UNIT_BASIS_OTHER, "other"),
  G_DEFINE_ENUM_VALUE (PT_UNIT_BASIS_PAYER_SPECIFIC, "payer-specific"))

G_DEFINE_ENUM_TYPE (PtConfidence, pt_confidence,
  G_DEFINE_ENUM_VALUE (PT_CONFIDENCE_PRIMARY, "primary"),
  G_DEFINE_ENUM_VALUE (PT_CONFIDENCE_PRIMARY_COPY, "primary-copy"),
  G_DEFINE_ENUM_VALUE (PT_CONFIDENCE_SECONDARY, "secondary"),
  G_DEFINE_ENUM_VALUE (PT_CONFIDENCE_UNCONFIRMED, "unconfirmed"))

const char * const pt_unit_basis_names[] = { "15-minute", "session", "other", "payer-specific", NULL };
const char * const pt_confidence_names[] = { "primary", "primary-copy", "secondary", "unconfirmed", NULL };

const char *
pt_unit_basis_label (PtUnitBasis basis)
{
  switch (basis)
    {
    case PT_UNIT_BASIS_15_MINUTE:
      return _("15-minute units (8-minute chart)");
    case PT_UNIT_BASIS_SESSION:
      return _("One unit per session");
    case PT_UNIT_BASIS_OTHER:
      return _("Another unit basis (see notes)");
    case PT_UNIT_BASIS_PAYER_SPECIFIC:
      return _("Set by the payer");
    default:
      return _("Unknown");
    }
}

const char *
pt_confidence_label (PtConfidence confidence)
{
  switch (confidence)
    {
    case PT_CONFIDENCE_PRIMARY:
      return _("Primary source read directly");
    case PT_CONFIDENCE_PRIMARY_COPY:
      return _("Primary source read through a word-for-word copy");
    case PT_CONFIDENCE_SECONDARY:
      return _("Secondary source only");
    case PT_CONFIDENCE_UNCONFIRMED:
    default:
      return _("Unconfirmed; check before relying on it");
    }
}

struct _PtCode
{
  GObject       parent_instance;

  char         *code;
  char         *title;
  char         *description;
  char         *notes;
  char         *category;
  char         *source;
  PtUnitBasis   unit_basis;
  PtConfidence  confidence;
  guint         timed : 1;
};

enum {
  PROP_0,
  PROP_CODE,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_NOTES,
  PROP_CATEGORY,
  PROP_TIMED,
  PROP_UNIT_BASIS,
  PROP_CONFIDENCE,
  PROP_SOURCE,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (PtCode, pt_code, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static void
pt_code_finalize (GObject *object)
{
  PtCode *self = (PtCode *) object;

  g_clear_pointer (&self->code, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->notes, g_free);
  g_clear_pointer (&self->category, g_free);
  g_clear_pointer (&self->source, g_free);

  G_OBJECT_CLASS (pt_code_parent_class)->finalize (object);
}

static void
pt_code_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  PtCode *self = PT_CODE (object);

  switch (prop_id)
    {
    case PROP_CODE:
      g_value_set_string (value, self->code);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;
    case PROP_CATEGORY:
      g_value_set_string (value, self->category);
      break;
    case PROP_TIMED:
      g_value_set_boolean (value, self->timed);
      break;
    case PROP_UNIT_BASIS:
      g_value_set_enum (value, self->unit_basis);
      break;
    case PROP_CONFIDENCE:
      g_value_set_enum (value, self->confidence);
      break;
    case PROP_SOURCE:
      g_value_set_string (value, self->source);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Construct-only: each string is set once, NULL stored as "". */
static void
pt_code_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  PtCode *self = PT_CODE (object);
  const char *str = G_VALUE_HOLDS_STRING (value) ? g_value_get_string (value) : NULL;

  if (str == NULL)
    str = "";

  switch (prop_id)
    {
    case PROP_CODE:
      g_free (self->code);
      self->code = g_strdup (str);
      break;
    case PROP_TITLE:
      g_free (self->title);
      self->title = g_strdup (str);
      break;
    case PROP_DESCRIPTION:
      g_free (self->description);
      self->description = g_strdup (str);
      break;
    case PROP_NOTES:
      g_free (self->notes);
      self->notes = g_strdup (str);
      break;
    case PROP_CATEGORY:
      g_free (self->category);
      self->category = g_strdup (str);
      break;
    case PROP_TIMED:
      self->timed = g_value_get_boolean (value);
      break;
    case PROP_UNIT_BASIS:
      self->unit_basis = g_value_get_enum (value);
      break;
    case PROP_CONFIDENCE:
      self->confidence = g_value_get_enum (value);
      break;
    case PROP_SOURCE:
      g_free (self->source);
      self->source = g_strdup (str);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pt_code_class_init (PtCodeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                            G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = pt_code_finalize;
  object_class->get_property = pt_code_get_property;
  object_class->set_property = pt_code_set_property;

  properties[PROP_CODE] = g_param_spec_string ("code", NULL, NULL, "", flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, "", flags);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, "", flags);
  properties[PROP_NOTES] = g_param_spec_string ("notes", NULL, NULL, "", flags);
  properties[PROP_CATEGORY] = g_param_spec_string ("category", NULL, NULL, "", flags);
  properties[PROP_TIMED] = g_param_spec_boolean ("timed", NULL, NULL, TRUE, flags);
  properties[PROP_UNIT_BASIS] = g_param_spec_enum ("unit-basis", NULL, NULL,
                                                   PT_TYPE_UNIT_BASIS,
                                                   PT_UNIT_BASIS_15_MINUTE, flags);
  properties[PROP_CONFIDENCE] = g_param_spec_enum ("confidence", NULL, NULL,
                                                   PT_TYPE_CONFIDENCE,
                                                   PT_CONFIDENCE_UNCONFIRMED, flags);
  properties[PROP_SOURCE] = g_param_spec_string ("source", NULL, NULL, "", flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pt_code_init (PtCode *self)
{
  self->code = g_strdup ("");
  self->title = g_strdup ("");
  self->description = g_strdup ("");
  self->notes = g_strdup ("");
  self->category = g_strdup ("");
  self->source = g_strdup ("");
  self->timed = TRUE;
  self->confidence = PT_CONFIDENCE_UNCONFIRMED;
}

PtCode *
pt_code_new (const char   *code,
             const char   *title,
             const char   *description,
             const char   *notes,
             const char   *category,
             gboolean      timed,
             PtUnitBasis   unit_basis,
             PtConfidence  confidence,
             const char   *source)
{
  return g_object_new (PT_TYPE_CODE,
                       "code", code,
                       "title", title,
                       "description", description,
                       "notes", notes,
                       "category", category,
                       "timed", timed,
                       "unit-basis", unit_basis,
                       "confidence", confidence,
                       "source", source,
                       NULL);
}

const char *
pt_code_get_code (PtCode *self)
{
  g_return_val_if_fail (PT_IS_CODE (self), NULL);

  return self->code;
}

const char *
pt_code_get_title (PtCode *self)
{
  g_return_val_if_fail (PT_IS_CODE (self), NULL);

  return self->title;
}

const char *
pt_code_get_description (PtCode *self)
{
  g_return_val_if_fail (PT_IS_CODE (self), NULL);

  return self->description;
}

const char *
pt_code_get_notes (PtCode *self)
{
  g_return_val_if_fail (PT_IS_CODE (self), NULL);

  return self->notes;
}

const char *
pt_code_get_category (PtCode *self)
{
  g_return_val_if_fail (PT_IS_CODE (self), NULL);

  return self->category;
}

gboolean
pt_code_get_timed (PtCode *self)
{
  g_return_val_if_fail (PT_IS_CODE (self), TRUE);

  return self->timed;
}

PtUnitBasis
pt_code_get_unit_basis (PtCode *self)
{
  g_return_val_if_fail (PT_IS_CODE (self), PT_UNIT_BASIS_15_MINUTE);

  return self->unit_basis;
}

PtConfidence
pt_code_get_confidence (PtCode *self)
{
  g_return_val_if_fail (PT_IS_CODE (self), PT_CONFIDENCE_UNCONFIRMED);

  return self->confidence;
}

const char *
pt_code_get_source (PtCode *self)
{
  g_return_val_if_fail (PT_IS_CODE (self), NULL);

  return self->source;
}
