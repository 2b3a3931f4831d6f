/* pt-preferences-window.c: every preference as a row bound to PtSettings, so
 * a change applies at once and is kept by GSettings */
#include "config.h"

#include <glib/gi18n.h>

#include "pt-preferences-window.h"

struct _PtPreferencesWindow
{
  GtkWindow   parent_instance;
  PtSettings *settings;
  GtkBox     *content;
};

G_DEFINE_FINAL_TYPE (PtPreferencesWindow, pt_preferences_window, GTK_TYPE_WINDOW)

static GtkWidget *
add_group (PtPreferencesWindow *self,
           const char          *title)
{
  GtkWidget *label = gtk_label_new (title);
  GtkWidget *list = gtk_list_box_new ();

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_box_append (self->content, label);
  gtk_box_append (self->content, list);

  return list;
}

static void
add_row (GtkWidget  *list,
         const char *title,
         const char *subtitle,
         GtkWidget  *control)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *label = gtk_label_new (title);
  GtkWidget *sub = gtk_label_new (subtitle);

  gtk_widget_set_margin_top (row, 8);
  gtk_widget_set_margin_bottom (row, 8);
  gtk_widget_set_margin_start (row, 12);
  gtk_widget_set_margin_end (row, 12);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_xalign (GTK_LABEL (sub), 0);
  gtk_label_set_wrap (GTK_LABEL (sub), TRUE);
  gtk_widget_add_css_class (sub, "dim-label");
  gtk_widget_add_css_class (sub, "caption");
  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_set_valign (control, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (control), GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle, -1);
  gtk_box_append (GTK_BOX (text), label);
  gtk_box_append (GTK_BOX (text), sub);
  gtk_box_append (GTK_BOX (row), text);
  gtk_box_append (GTK_BOX (row), control);
  gtk_list_box_append (GTK_LIST_BOX (list), row);
}

static GtkWidget *
choice (PtSettings         *settings,
        const char         *key,
        const char * const *labels)
{
  GtkWidget *dropdown = gtk_drop_down_new_from_strings (labels);

  g_object_bind_property (settings, key, dropdown, "selected",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  return dropdown;
}

static GtkWidget *
toggle (PtSettings *settings,
        const char *key)
{
  GtkWidget *sw = gtk_switch_new ();

  g_object_bind_property (settings, key, sw, "active", G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  return sw;
}

static GtkWidget *
number (PtSettings *settings,
        const char *key,
        double      lower,
        double      upper,
        double      step,
        guint       digits)
{
  GtkWidget *spin = gtk_spin_button_new_with_range (lower, upper, step);

  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), digits);
  g_object_bind_property (settings, key, spin, "value", G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  return spin;
}

static void
build (PtPreferencesWindow *self)
{
  PtSettings *s = self->settings;
  const char *methods[] = { _("CMS total-time"), _("AMA per-code"), NULL };
  const char *ties[] = { _("Order entered"), _("Most minutes"), NULL };
  const char *disciplines[] = { _("PT"), _("OT"), _("SLP"), NULL };
  const char *schemes[] = { _("Follow system"), _("Light"), _("Dark"), NULL };
  GtkWidget *group;

  group = add_group (self, _("Billing"));
  add_row (group, _("Method for new visits"),
           _("Medicare and many plans count total time; other payers count each code on its own. Each visit keeps its own choice."),
           choice (s, "default-method", methods));
  add_row (group, _("Tied leftover minutes"),
           _("Which code carries a tied unit when you have not chosen one. Any choice is correct; this only sets the first suggestion."),
           choice (s, "tie-rule", ties));
  add_row (group, _("Show both methods"),
           _("Show the other method’s units beside the visit’s own, with the difference explained."),
           toggle (s, "show-both-methods"));
  add_row (group, _("Discipline for new visits"),
           _("Decides the GP, GO or GN modifier and the assistant modifier advice."),
           choice (s, "default-discipline", disciplines));

  group = add_group (self, _("Safety"));
  add_row (group, _("Draft interval"),
           _("Seconds after an edit within which the draft is written, so a crash loses at most this much."),
           number (s, "autosave-delay", 1, 60, 1, 0));
  add_row (group, _("Recent visits in the menu"),
           _("How many recently opened visits the main menu lists."),
           number (s, "recent-files-limit", 0, 50, 1, 0));

  group = add_group (self, _("Appearance"));
  add_row (group, _("Style"), _("Light or dark, or as the system says."),
           choice (s, "color-scheme", schemes));
  add_row (group, _("Presentation text size"),
           _("How much larger the text is in presentation mode (F11), for a projector."),
           number (s, "presentation-text-scale", 1.0, 3.0, 0.1, 1));
}

static void
pt_preferences_window_dispose (GObject *object)
{
  PtPreferencesWindow *self = (PtPreferencesWindow *) object;

  /* No gtk_widget_dispose_template(): GtkWindow unparents its own child and
   * titlebar, and doing it twice is an error. */
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (pt_preferences_window_parent_class)->dispose (object);
}

static void
pt_preferences_window_class_init (PtPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pt_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Pt97112/pt-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PtPreferencesWindow, content);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
pt_preferences_window_init (PtPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
pt_preferences_window_new (PtSettings *settings,
                           GtkWindow  *parent)
{
  PtPreferencesWindow *self = g_object_new (PT_TYPE_PREFERENCES_WINDOW,
                                            "transient-for", parent, NULL);

  self->settings = g_object_ref (settings);
  build (self);

  return GTK_WIDGET (self);
}
