/* pt-settings.c: preferences as typed properties (the Ptyxis/Console pattern)
 *
 * Each property mirrors one key of the org.example.Pt97112 schema. Widgets bind
 * to these properties and never call g_settings_* themselves. When the schema
 * is not installed (a test, a first uninstalled run), the object still works
 * with the schema's defaults, in memory only.
 */
#include "config.h"

#include <string.h>

#include "pt-settings.h"

typedef enum { KEY_CHOICE, KEY_BOOL, KEY_UINT, KEY_INT, KEY_DOUBLE } KeyType;

typedef struct {
  const char         *key;
  KeyType             type;
  const char * const *choices; /* KEY_CHOICE: the strings, index = property value */
  double              min, max, def;
} KeyInfo;

static const char * const method_choices[] = { "cms", "ama", NULL };
static const char * const tie_choices[] = { "entry-order", "most-minutes", NULL };
static const char * const discipline_choices[] = { "PT", "OT", "SLP", NULL };
static const char * const scheme_choices[] = { "follow", "light", "dark", NULL };

enum {
  PROP_0,
  PROP_DEFAULT_METHOD,
  PROP_TIE_RULE,
  PROP_SHOW_BOTH_METHODS,
  PROP_DEFAULT_DISCIPLINE,
  PROP_AUTOSAVE_DELAY,
  PROP_PRESENTATION_TEXT_SCALE,
  PROP_COLOR_SCHEME,
  PROP_WINDOW_WIDTH,
  PROP_WINDOW_HEIGHT,
  PROP_WINDOW_MAXIMIZED,
  PROP_RECENT_FILES_LIMIT,
  PROP_SHOW_SIDEBAR,
  PROP_QUIZ_MODE,
  N_PROPS
};

static const KeyInfo keys[N_PROPS] = {
  [PROP_DEFAULT_METHOD] = { "default-method", KEY_CHOICE, method_choices, 0, 1, 0 },
  [PROP_TIE_RULE] = { "tie-rule", KEY_CHOICE, tie_choices, 0, 1, 0 },
  [PROP_SHOW_BOTH_METHODS] = { "show-both-methods", KEY_BOOL, NULL, 0, 1, 1 },
  [PROP_DEFAULT_DISCIPLINE] = { "default-discipline", KEY_CHOICE, discipline_choices, 0, 2, 0 },
  [PROP_AUTOSAVE_DELAY] = { "autosave-delay", KEY_UINT, NULL, 1, 60, 2 },
  [PROP_PRESENTATION_TEXT_SCALE] = { "presentation-text-scale", KEY_DOUBLE, NULL, 1.0, 3.0, 1.6 },
  [PROP_COLOR_SCHEME] = { "color-scheme", KEY_CHOICE, scheme_choices, 0, 2, 0 },
  [PROP_WINDOW_WIDTH] = { "window-width", KEY_INT, NULL, 640, 10000, 1280 },
  [PROP_WINDOW_HEIGHT] = { "window-height", KEY_INT, NULL, 480, 10000, 800 },
  [PROP_WINDOW_MAXIMIZED] = { "window-maximized", KEY_BOOL, NULL, 0, 1, 0 },
  [PROP_RECENT_FILES_LIMIT] = { "recent-files-limit", KEY_UINT, NULL, 0, 50, 10 },
  [PROP_SHOW_SIDEBAR] = { "show-sidebar", KEY_BOOL, NULL, 0, 1, 1 },
  [PROP_QUIZ_MODE] = { "quiz-mode", KEY_BOOL, NULL, 0, 1, 0 },
};

struct _PtSettings
{
  GObject    parent_instance;
  GSettings *settings; /* NULL without the schema */
  double     values[N_PROPS];
};

G_DEFINE_FINAL_TYPE (PtSettings, pt_settings, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static double
read_key (PtSettings *self,
          guint       prop)
{
  const KeyInfo *k = &keys[prop];

  switch (k->type)
    {
    case KEY_CHOICE:
      {
        g_autofree char *str = g_settings_get_string (self->settings, k->key);

        for (guint i = 0; k->choices[i]; i++)
          if (strcmp (str, k->choices[i]) == 0)
            return i;
        return k->def;
      }
    case KEY_BOOL:
      return g_settings_get_boolean (self->settings, k->key);
    case KEY_UINT:
      return g_settings_get_uint (self->settings, k->key);
    case KEY_INT:
      return g_settings_get_int (self->settings, k->key);
    case KEY_DOUBLE:
    default:
      return g_settings_get_double (self->settings, k->key);
    }
}

static void
write_key (PtSettings *self,
           guint       prop,
           double      value)
{
  const KeyInfo *k = &keys[prop];

  value = CLAMP (value, k->min, k->max);

  if (self->settings == NULL)
    {
      if (self->values[prop] != value)
        {
          self->values[prop] = value;
          g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
        }
      return;
    }

  switch (k->type)
    {
    case KEY_CHOICE:
      g_settings_set_string (self->settings, k->key, k->choices[(guint) value]);
      break;
    case KEY_BOOL:
      g_settings_set_boolean (self->settings, k->key, value != 0);
      break;
    case KEY_UINT:
      g_settings_set_uint (self->settings, k->key, (guint) value);
      break;
    case KEY_INT:
      g_settings_set_int (self->settings, k->key, (int) value);
      break;
    case KEY_DOUBLE:
    default:
      g_settings_set_double (self->settings, k->key, value);
      break;
    }
}

static void
on_changed (PtSettings *self,
            const char *key,
            GSettings  *settings)
{
  for (guint p = 1; p < N_PROPS; p++)
    if (strcmp (keys[p].key, key) == 0)
      {
        double v = read_key (self, p);

        if (v != self->values[p])
          {
            self->values[p] = v;
            g_object_notify_by_pspec (G_OBJECT (self), properties[p]);
          }
        return;
      }
}

static void
pt_settings_dispose (GObject *object)
{
  PtSettings *self = (PtSettings *) object;

  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_func (self->settings, on_changed, self);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (pt_settings_parent_class)->dispose (object);
}

static void
pt_settings_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  PtSettings *self = PT_SETTINGS (object);
  double v = self->values[prop_id];

  switch (keys[prop_id].type)
    {
    case KEY_CHOICE:
    case KEY_UINT:
      g_value_set_uint (value, (guint) v);
      break;
    case KEY_BOOL:
      g_value_set_boolean (value, v != 0);
      break;
    case KEY_INT:
      g_value_set_int (value, (int) v);
      break;
    case KEY_DOUBLE:
    default:
      g_value_set_double (value, v);
      break;
    }
}

static void
pt_settings_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  PtSettings *self = PT_SETTINGS (object);

  switch (keys[prop_id].type)
    {
    case KEY_CHOICE:
    case KEY_UINT:
      write_key (self, prop_id, g_value_get_uint (value));
      break;
    case KEY_BOOL:
      write_key (self, prop_id, g_value_get_boolean (value));
      break;
    case KEY_INT:
      write_key (self, prop_id, g_value_get_int (value));
      break;
    case KEY_DOUBLE:
    default:
      write_key (self, prop_id, g_value_get_double (value));
      break;
    }
}

static void
pt_settings_class_init (PtSettingsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = pt_settings_dispose;
  object_class->get_property = pt_settings_get_property;
  object_class->set_property = pt_settings_set_property;

  for (guint p = 1; p < N_PROPS; p++)
    {
      const KeyInfo *k = &keys[p];

      switch (k->type)
        {
        case KEY_CHOICE:
        case KEY_UINT:
          properties[p] = g_param_spec_uint (k->key, NULL, NULL, (guint) k->min, (guint) k->max,
                                             (guint) k->def, flags);
          break;
        case KEY_BOOL:
          properties[p] = g_param_spec_boolean (k->key, NULL, NULL, k->def != 0, flags);
          break;
        case KEY_INT:
          properties[p] = g_param_spec_int (k->key, NULL, NULL, (int) k->min, (int) k->max,
                                            (int) k->def, flags);
          break;
        case KEY_DOUBLE:
        default:
          properties[p] = g_param_spec_double (k->key, NULL, NULL, k->min, k->max, k->def, flags);
          break;
        }
    }

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pt_settings_init (PtSettings *self)
{
  for (guint p = 1; p < N_PROPS; p++)
    self->values[p] = keys[p].def;
}

static PtSettings *
settings_new (GSettingsBackend *backend)
{
  PtSettings *self = g_object_new (PT_TYPE_SETTINGS, NULL);
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, PT_SETTINGS_SCHEMA_ID, TRUE);

  if (schema == NULL)
    {
      g_debug ("Schema %s not found; preferences will not be kept", PT_SETTINGS_SCHEMA_ID);
      return self;
    }

  self->settings = g_settings_new_full (schema, backend, NULL);
  for (guint p = 1; p < N_PROPS; p++)
    self->values[p] = read_key (self, p);
  g_signal_connect_object (self->settings, "changed", G_CALLBACK (on_changed), self,
                           G_CONNECT_SWAPPED);

  return self;
}

PtSettings *
pt_settings_new (void)
{
  return settings_new (NULL);
}

PtSettings *
pt_settings_new_with_backend (GSettingsBackend *backend)
{
  return settings_new (backend);
}

gboolean
pt_settings_is_persistent (PtSettings *self)
{
  return self->settings != NULL;
}

PtMethod
pt_settings_get_default_method (PtSettings *self)
{
  return (PtMethod) self->values[PROP_DEFAULT_METHOD];
}

PtTieRule
pt_settings_get_tie_rule (PtSettings *self)
{
  return (PtTieRule) self->values[PROP_TIE_RULE];
}

gboolean
pt_settings_get_show_both_methods (PtSettings *self)
{
  return self->values[PROP_SHOW_BOTH_METHODS] != 0;
}

PtDiscipline
pt_settings_get_default_discipline (PtSettings *self)
{
  return (PtDiscipline) self->values[PROP_DEFAULT_DISCIPLINE];
}

guint
pt_settings_get_autosave_delay (PtSettings *self)
{
  return (guint) self->values[PROP_AUTOSAVE_DELAY];
}

double
pt_settings_get_presentation_text_scale (PtSettings *self)
{
  return self->values[PROP_PRESENTATION_TEXT_SCALE];
}

PtColorScheme
pt_settings_get_color_scheme (PtSettings *self)
{
  return (PtColorScheme) self->values[PROP_COLOR_SCHEME];
}

gboolean
pt_settings_get_show_sidebar (PtSettings *self)
{
  return self->values[PROP_SHOW_SIDEBAR] != 0;
}

gboolean
pt_settings_get_quiz_mode (PtSettings *self)
{
  return self->values[PROP_QUIZ_MODE] != 0;
}

guint
pt_settings_get_recent_files_limit (PtSettings *self)
{
  return (guint) self->values[PROP_RECENT_FILES_LIMIT];
}

void
pt_settings_get_window_size (PtSettings *self,
                             int        *width,
                             int        *height,
                             gboolean   *maximized)
{
  *width = (int) self->values[PROP_WINDOW_WIDTH];
  *height = (int) self->values[PROP_WINDOW_HEIGHT];
  *maximized = self->values[PROP_WINDOW_MAXIMIZED] != 0;
}

void
pt_settings_set_window_size (PtSettings *self,
                             int         width,
                             int         height,
                             gboolean    maximized)
{
  write_key (self, PROP_WINDOW_MAXIMIZED, maximized);
  if (!maximized)
    {
      write_key (self, PROP_WINDOW_WIDTH, width);
      write_key (self, PROP_WINDOW_HEIGHT, height);
    }
}
