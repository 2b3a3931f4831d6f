/* pt-window.c: the main window
 *
 * A thin shell: it owns the PtWorkspace (the state of the open visit), hands
 * it to the editor and the units panel, keeps the title and the unsaved mark
 * up to date, and asks before closing over unsaved changes.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pt-block-row.h"
#include "pt-window-private.h"

G_DEFINE_FINAL_TYPE (PtWindow, pt_window, GTK_TYPE_APPLICATION_WINDOW)

static void on_results_changed (PtWindow *self);
static void show_checks (PtWindow *self);
static void on_first_map       (PtWindow *self);

enum {
  PROP_0,
  PROP_SHOW_SIDEBAR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
sidebar_has_pages (PtWindow *self)
{
  return gtk_widget_get_first_child (GTK_WIDGET (self->sidebar_stack)) != NULL;
}

static void
set_show_sidebar (PtWindow *self,
                  gboolean  show)
{
  show = show && sidebar_has_pages (self);
  if (gtk_widget_get_visible (self->sidebar) == show)
    return;

  gtk_widget_set_visible (self->sidebar, show);
  if (self->settings != NULL && sidebar_has_pages (self))
    g_object_set (self->settings, "show-sidebar", show, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_SIDEBAR]);
}

static void
pt_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  PtWindow *self = PT_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SHOW_SIDEBAR:
      g_value_set_boolean (value, self->sidebar != NULL && gtk_widget_get_visible (self->sidebar));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pt_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  PtWindow *self = PT_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SHOW_SIDEBAR:
      set_show_sidebar (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Sidebar pages (the scenario library, the code reference) add themselves here. */
void
pt_window_add_sidebar_page (PtWindow   *self,
                            GtkWidget  *page,
                            const char *name,
                            const char *title)
{
  gtk_stack_add_titled (self->sidebar_stack, page, name, title);
  if (self->settings != NULL)
    set_show_sidebar (self, pt_settings_get_show_sidebar (self->settings));
}

static void
update_title (PtWindow *self)
{
  g_autofree char *name = pt_workspace_dup_display_name (self->workspace);
  g_autofree char *title = NULL;
  GFile *file = pt_workspace_get_file (self->workspace);
  gboolean dirty = pt_workspace_get_dirty (self->workspace);

  /* Translators: the bullet marks a visit with unsaved changes */
  title = dirty ? g_strdup_printf (_("• %s"), name) : g_strdup (name);
  gtk_label_set_text (self->title_label, title);
  gtk_window_set_title (GTK_WINDOW (self), title);

  if (file != NULL)
    {
      g_autoptr(GFile) parent = g_file_get_parent (file);
      g_autofree char *where = parent ? g_file_get_parse_name (parent) : g_strdup ("");

      gtk_label_set_text (self->subtitle_label, dirty ? _("Unsaved changes") : where);
    }
  else
    gtk_label_set_text (self->subtitle_label, dirty ? _("Not saved yet") : _("New visit"));
}

static void
on_dirty_response (GtkDialog *dialog,
                   int        response,
                   PtWindow  *self);

static void
after_save_close (PtWindow *self)
{
  if (!pt_workspace_get_dirty (self->workspace))
    {
      self->close_confirmed = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }
}

static void
on_dirty_response (GtkDialog *dialog,
                   int        response,
                   PtWindow  *self)
{
  gtk_window_destroy (GTK_WINDOW (dialog));

  switch (response)
    {
    case GTK_RESPONSE_ACCEPT:
      pt_window_save_async (self, FALSE, G_CALLBACK (after_save_close), NULL);
      break;
    case GTK_RESPONSE_REJECT:
      pt_workspace_discard_draft (pt_window_get_workspace (self));
      self->close_confirmed = TRUE;
      gtk_window_close (GTK_WINDOW (self));
      break;
    default:
      break;
    }
}

static gboolean
pt_window_close_request (GtkWindow *window)
{
  PtWindow *self = PT_WINDOW (window);
  g_autofree char *name = NULL;
  GtkWidget *dialog;
  int width, height;

  if (!self->close_confirmed && pt_workspace_get_dirty (self->workspace))
    {
      name = pt_workspace_dup_display_name (self->workspace);
      dialog = gtk_message_dialog_new (window, GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                       GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE,
                                       _("Save changes to “%s” before closing?"), name);
      gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog),
                                                _("If you don’t save, the changes since the last save are lost."));
      gtk_dialog_add_buttons (GTK_DIALOG (dialog),
                              _("_Cancel"), GTK_RESPONSE_CANCEL,
                              _("_Discard"), GTK_RESPONSE_REJECT,
                              _("_Save"), GTK_RESPONSE_ACCEPT,
                              NULL);
      gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
      gtk_widget_add_css_class (gtk_dialog_get_widget_for_response (GTK_DIALOG (dialog), GTK_RESPONSE_REJECT),
                                "destructive-action");
      gtk_widget_add_css_class (gtk_dialog_get_widget_for_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT),
                                "suggested-action");
      g_signal_connect (dialog, "response", G_CALLBACK (on_dirty_response), self);
      gtk_window_present (GTK_WINDOW (dialog));
      return TRUE;
    }

  gtk_window_get_default_size (window, &width, &height);
  pt_settings_set_window_size (self->settings, width, height, gtk_window_is_maximized (window));

  return GTK_WINDOW_CLASS (pt_window_parent_class)->close_request (window);
}

static void
pt_window_dispose (GObject *object)
{
  PtWindow *self = (PtWindow *) object;

  g_clear_handle_id (&self->panes_source, g_source_remove);
  /* No gtk_widget_dispose_template(): GtkWindow unparents its own child and
   * titlebar, and doing it twice is an error. */
  g_clear_object (&self->workspace);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (pt_window_parent_class)->dispose (object);
}

static void
pt_window_class_init (PtWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = pt_window_dispose;
  object_class->get_property = pt_window_get_property;
  object_class->set_property = pt_window_set_property;
  window_class->close_request = pt_window_close_request;

  properties[PROP_SHOW_SIDEBAR] = g_param_spec_boolean ("show-sidebar", NULL, NULL, FALSE,
                                                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                                       G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (PT_TYPE_VISIT_EDITOR);
  g_type_ensure (PT_TYPE_UNITS_PANEL);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Pt97112/pt-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PtWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, PtWindow, title_label);
  gtk_widget_class_bind_template_child (widget_class, PtWindow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, PtWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, PtWindow, main_menu);
  gtk_widget_class_bind_template_child (widget_class, PtWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, PtWindow, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, PtWindow, outer_paned);
  gtk_widget_class_bind_template_child (widget_class, PtWindow, editor_paned);
  gtk_widget_class_bind_template_child (widget_class, PtWindow, content_paned);
  gtk_widget_class_bind_template_child (widget_class, PtWindow, lower_pane);
  gtk_widget_class_bind_template_child (widget_class, PtWindow, editor);
  gtk_widget_class_bind_template_child (widget_class, PtWindow, units_panel);

  pt_window_class_install_actions (widget_class);
}

/* The main menu's popover (some 80 widgets) is made when it first opens,
 * not with the window: the first frame does not show it. */
static void
create_main_menu (GtkMenuButton *button,
                  gpointer       data)
{
  PtWindow *self = data;

  if (gtk_menu_button_get_menu_model (button) == NULL)
    gtk_menu_button_set_menu_model (button, self->main_menu);
}

static void
pt_window_init (PtWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_menu_button_set_create_popup_func (self->menu_button, create_main_menu, self, NULL);
}

PtWindow *
pt_window_new (PtApplication *app)
{
  PtWindow *self = g_object_new (PT_TYPE_WINDOW, "application", app, NULL);
  int width, height;
  gboolean maximized;

  self->settings = g_object_ref (pt_application_get_settings (app));
  self->workspace = pt_workspace_new (self->settings);

  pt_visit_editor_set_workspace (self->editor, self->workspace);
  pt_units_panel_set_workspace (self->units_panel, self->workspace);

  g_signal_connect_object (self->workspace, "notify::display-name", G_CALLBACK (update_title), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->workspace, "notify::dirty", G_CALLBACK (update_title), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->workspace, "notify::visit", G_CALLBACK (pt_window_update_actions),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->workspace, "results-changed", G_CALLBACK (pt_window_update_actions),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->workspace, "results-changed", G_CALLBACK (on_results_changed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->editor, "rows-changed", G_CALLBACK (show_checks), self,
                           G_CONNECT_SWAPPED);
  on_results_changed (self);

  g_signal_connect_object (self->settings, "notify::show-both-methods",
                           G_CALLBACK (pt_window_update_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "notify::quiz-mode",
                           G_CALLBACK (pt_window_update_actions), self, G_CONNECT_SWAPPED);

  /* The sidebar pages, the comparison pane and the teaching views are made
   * after the first frame: it does not show them, and they are most of the
   * window's widgets. */
  g_signal_connect (self, "map", G_CALLBACK (on_first_map), NULL);

  pt_settings_get_window_size (self->settings, &width, &height, &maximized);
  gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (maximized)
    gtk_window_maximize (GTK_WINDOW (self));

  update_title (self);
  pt_window_update_actions (self);
  pt_window_update_recent_menu (self);

  return self;
}

/* Gives each block row its own findings and the units panel the visit's.
 * The findings come block by block, so one pass hands them out. */
static void
show_checks (PtWindow *self)
{
  const PtVisitCheck *check = pt_workspace_get_check (self->workspace);
  guint n = pt_visit_get_n_blocks (pt_workspace_get_visit (self->workspace));
  g_autoptr(GPtrArray) mine = g_ptr_array_new ();
  guint k = 0;

  for (guint i = 0; i < n; i++)
    {
      GtkWidget *row = pt_visit_editor_get_row (self->editor, i);

      g_ptr_array_set_size (mine, 0);
      for (; check != NULL && k < check->findings->len; k++)
        {
          PtDocFinding *f = g_ptr_array_index (check->findings, k);

          if (f->block != (gint) i)
            break;
          g_ptr_array_add (mine, f);
        }

      if (PT_IS_BLOCK_ROW (row))
        pt_block_row_set_findings (PT_BLOCK_ROW (row), mine);
    }

  pt_units_panel_show_check (self->units_panel, check);
}

/* The checks follow every change at once, like the units: with each
 * unchanged block's findings kept by the workspace and each row and the
 * panel remaking only what reads differently, a minutes edit costs the
 * whole-visit checks and a comparison. */
static void
on_results_changed (PtWindow *self)
{
  show_checks (self);
}

/* Makes the panes now if the idle after the first frame has not yet. */
void
pt_window_ensure_panes (PtWindow *self)
{
  g_clear_handle_id (&self->panes_source, g_source_remove);
  g_signal_handlers_disconnect_by_func (self, on_first_map, NULL);

  if (!self->panes_ready)
    {
      self->panes_ready = TRUE;
      pt_window_setup_panes (self);
    }
}

static gboolean
setup_panes_idle (gpointer data)
{
  PtWindow *self = data;

  self->panes_source = 0;
  pt_window_ensure_panes (self);

  return G_SOURCE_REMOVE;
}

static void
on_first_map (PtWindow *self)
{
  g_signal_handlers_disconnect_by_func (self, on_first_map, NULL);
  self->panes_source = g_idle_add_full (G_PRIORITY_LOW, setup_panes_idle, self, NULL);
}

PtWorkspace *
pt_window_get_workspace (PtWindow *self)
{
  return self->workspace;
}

/* A window nobody has typed in yet, which an opened file may take over. */
gboolean
pt_window_is_blank (PtWindow *self)
{
  return pt_workspace_get_file (self->workspace) == NULL &&
         !pt_workspace_get_dirty (self->workspace) &&
         pt_visit_get_n_blocks (pt_workspace_get_visit (self->workspace)) == 0;
}

void
pt_window_show_error (PtWindow   *self,
                      const char *primary,
                      const char *secondary)
{
  GtkWidget *dialog = gtk_message_dialog_new (GTK_WINDOW (self),
                                              GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                              GTK_MESSAGE_ERROR, GTK_BUTTONS_CLOSE, "%s", primary);

  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", secondary);
  g_signal_connect (dialog, "response", G_CALLBACK (gtk_window_destroy), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* On failure the visit being edited stays as it is, and a dialog says why. */
gboolean
pt_window_open_file (PtWindow *self,
                     GFile    *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (file);

  if (!pt_workspace_open (self->workspace, file, &error))
    {
      g_autofree char *primary = g_strdup_printf (_("Could not open “%s”"), name);

      pt_window_show_error (self, primary, error->message);
      return FALSE;
    }

  {
    g_autofree char *uri = g_file_get_uri (file);
    GtkRecentData data = {
      .display_name = name,
      .mime_type = (char *) "application/x-pt97112-visit",
      .app_name = (char *) "Pt97112",
      .app_exec = (char *) "pt97112 %u",
    };

    gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
  }
  pt_window_update_recent_menu (self);

  return TRUE;
}

typedef struct {
  PtWindow  *self;
  GPtrArray *drafts;
} DraftOffer;

static void
on_draft_response (GtkDialog  *dialog,
                   int         response,
                   DraftOffer *offer)
{
  PtWindow *self = offer->self;

  gtk_window_destroy (GTK_WINDOW (dialog));

  if (response == GTK_RESPONSE_ACCEPT && offer->drafts->len > 0)
    {
      g_autoptr(GError) error = NULL;

      if (!pt_workspace_restore_draft (self->workspace, g_ptr_array_index (offer->drafts, 0), &error))
        pt_window_show_error (self, _("Could not restore the unsaved visit"), error->message);
    }
  else if (response == GTK_RESPONSE_REJECT)
    {
      for (guint i = 0; i < offer->drafts->len; i++)
        g_file_delete (g_ptr_array_index (offer->drafts, i), NULL, NULL);
    }

  g_ptr_array_unref (offer->drafts);
  g_object_unref (offer->self);
  g_free (offer);
}

/* After a crash or a kill, the drafts left behind are offered back. */
void
pt_window_offer_drafts (PtWindow *self)
{
  g_autoptr(GPtrArray) drafts = pt_workspace_list_drafts ();
  g_autoptr(GFile) own = pt_workspace_get_draft_file (self->workspace);
  DraftOffer *offer;
  GtkWidget *dialog;

  for (guint i = drafts->len; i > 0; i--)
    if (g_file_equal (g_ptr_array_index (drafts, i - 1), own))
      g_ptr_array_remove_index (drafts, i - 1);

  if (drafts->len == 0)
    return;

  dialog = gtk_message_dialog_new (GTK_WINDOW (self), GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE,
                                   _("Restore the unsaved visit?"));
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog),
                                            _("Pt97112 ended before a visit was saved. Its last draft can be restored."));
  gtk_dialog_add_buttons (GTK_DIALOG (dialog),
                          _("_Discard"), GTK_RESPONSE_REJECT,
                          _("_Restore"), GTK_RESPONSE_ACCEPT,
                          NULL);
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  gtk_widget_add_css_class (gtk_dialog_get_widget_for_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT),
                            "suggested-action");

  offer = g_new0 (DraftOffer, 1);
  offer->self = g_object_ref (self);
  offer->drafts = g_steal_pointer (&drafts);
  g_signal_connect (dialog, "response", G_CALLBACK (on_draft_response), offer);
  gtk_window_present (GTK_WINDOW (dialog));
}
