/* test-settings.c: PtSettings against the real schema with the memory backend */
#include "config.h"

#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gsettingsbackend.h>

#include "pt-settings.h"

typedef struct {
  const char *property;
  const char *key;
  guint       value;   /* property value to set */
  const char *stored;  /* what GSettings must then hold, as a GVariant text */
} ChoiceCase;

static const ChoiceCase choice_cases[] = {
  { "default-method", "default-method", PT_METHOD_AMA, "'ama'" },
  { "tie-rule", "tie-rule", PT_TIE_RULE_MOST_MINUTES, "'most-minutes'" },
  { "default-discipline", "default-discipline", PT_DISCIPLINE_OT, "'OT'" },
  { "color-scheme", "color-scheme", PT_COLOR_SCHEME_DARK, "'dark'" },
  { "autosave-delay", "autosave-delay", 5, "uint32 5" },
  { "recent-files-limit", "recent-files-limit", 3, "uint32 3" },
};

static GSettingsBackend *
memory_backend (void)
{
  return g_memory_settings_backend_new ();
}

static void
test_defaults (void)
{
  g_autoptr(GSettingsBackend) backend = memory_backend ();
  g_autoptr(PtSettings) s = pt_settings_new_with_backend (backend);
  int w, h;
  gboolean max;

  g_assert_true (pt_settings_is_persistent (s));
  g_assert_cmpint (pt_settings_get_default_method (s), ==, PT_METHOD_CMS);
  g_assert_cmpint (pt_settings_get_tie_rule (s), ==, PT_TIE_RULE_ENTRY_ORDER);
  g_assert_true (pt_settings_get_show_both_methods (s));
  g_assert_cmpuint (pt_settings_get_autosave_delay (s), ==, 2);
  g_assert_cmpfloat_with_epsilon (pt_settings_get_presentation_text_scale (s), 1.6, 1e-9);
  pt_settings_get_window_size (s, &w, &h, &max);
  g_assert_cmpint (w, ==, 1280);
  g_assert_cmpint (h, ==, 800);
  g_assert_false (max);
}

/* Setting a property writes the key; the stored string is the schema's choice. */
static void
test_property_writes_key (gconstpointer data)
{
  const ChoiceCase *c = data;
  g_autoptr(GSettingsBackend) backend = memory_backend ();
  g_autoptr(PtSettings) s = pt_settings_new_with_backend (backend);
  g_autoptr(GSettings) raw = g_settings_new_with_backend (PT_SETTINGS_SCHEMA_ID, backend);
  g_autoptr(GVariant) value = NULL;
  g_autofree char *text = NULL;
  guint got;

  g_object_set (s, c->property, c->value, NULL);
  value = g_settings_get_value (raw, c->key);
  text = g_variant_print (value, TRUE);
  g_assert_cmpstr (text, ==, c->stored);

  g_object_get (s, c->property, &got, NULL);
  g_assert_cmpuint (got, ==, c->value);
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

/* A change made elsewhere (another window, dconf-editor) reaches the property
 * with one notification, and a same-value write notifies nothing. */
static void
test_key_change_notifies (void)
{
  g_autoptr(GSettingsBackend) backend = memory_backend ();
  g_autoptr(PtSettings) s = pt_settings_new_with_backend (backend);
  g_autoptr(GSettings) raw = g_settings_new_with_backend (PT_SETTINGS_SCHEMA_ID, backend);
  guint count = 0;

  g_signal_connect (s, "notify::default-method", G_CALLBACK (count_notify), &count);
  g_settings_set_string (raw, "default-method", "ama");
  g_assert_cmpuint (count, ==, 1);
  g_assert_cmpint (pt_settings_get_default_method (s), ==, PT_METHOD_AMA);

  g_settings_set_string (raw, "default-method", "ama");
  g_assert_cmpuint (count, ==, 1);
}

/* Out-of-range values are clamped to the schema's range, never stored raw. */
static void
test_ranges_clamped (void)
{
  g_autoptr(GSettingsBackend) backend = memory_backend ();
  g_autoptr(PtSettings) s = pt_settings_new_with_backend (backend);

  pt_settings_set_window_size (s, 100, 100, FALSE);
  {
    int w, h;
    gboolean max;

    pt_settings_get_window_size (s, &w, &h, &max);
    g_assert_cmpint (w, ==, 640);
    g_assert_cmpint (h, ==, 480);
  }

  /* maximised keeps the last normal size */
  pt_settings_set_window_size (s, 2000, 1500, FALSE);
  pt_settings_set_window_size (s, 3000, 2000, TRUE);
  {
    int w, h;
    gboolean max;

    pt_settings_get_window_size (s, &w, &h, &max);
    g_assert_cmpint (w, ==, 2000);
    g_assert_true (max);
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/settings/defaults", test_defaults);
  for (guint i = 0; i < G_N_ELEMENTS (choice_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/settings/writes/%s", choice_cases[i].key);
      g_test_add_data_func (path, &choice_cases[i], test_property_writes_key);
    }
  g_test_add_func ("/settings/key-change-notifies", test_key_change_notifies);
  g_test_add_func ("/settings/ranges-clamped", test_ranges_clamped);

  return g_test_run ();
}
