/* pt-window-private.h: PtWindow's structure, shared with pt-window-actions.c */
#pragma once

#include "pt-units-panel.h"
#include "pt-visit-editor.h"
#include "pt-window.h"

G_BEGIN_DECLS

struct _PtWindow
{
  GtkApplicationWindow  parent_instance;

  PtWorkspace          *workspace;
  PtSettings           *settings;
  gboolean              close_confirmed;
  guint                 panes_source;
  gboolean              panes_ready;

  GtkHeaderBar         *header_bar;
  GtkLabel             *title_label;
  GtkLabel             *subtitle_label;
  GtkMenuButton        *menu_button;
  GMenuModel           *main_menu;
  GtkWidget            *sidebar;
  GtkStack             *sidebar_stack;
  GtkPaned             *outer_paned;
  GtkPaned             *editor_paned;
  GtkPaned             *content_paned;
  GtkWidget            *lower_pane;
  PtVisitEditor        *editor;
  PtUnitsPanel         *units_panel;
};

void pt_window_add_sidebar_page      (PtWindow       *self,
                                      GtkWidget      *page,
                                      const char     *name,
                                      const char     *title);
void pt_window_setup_panes           (PtWindow       *self);
void pt_window_ensure_panes          (PtWindow       *self);
void pt_window_class_install_actions (GtkWidgetClass *widget_class);
void pt_window_update_actions        (PtWindow       *self);
void pt_window_update_recent_menu    (PtWindow       *self);
void pt_window_save_async            (PtWindow       *self,
                                      gboolean        save_as,
                                      GCallback       then,
                                      gpointer        data);

G_END_DECLS
