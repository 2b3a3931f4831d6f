/* pt-library-view-private.h: PtLibraryView's structure, shared with pt-library-view-actions.c */
#pragma once

#include "pt-library-view.h"
#include "pt-window-private.h"

G_BEGIN_DECLS

struct _PtLibraryView
{
  GtkWidget           parent_instance;

  /* Template widgets */
  GtkSearchEntry     *search_entry;
  GtkMenuButton      *menu_button;
  GtkDropDown        *tag_dropdown;
  GtkToggleButton    *quiz_toggle;
  GtkLabel           *problem_label;
  GtkRevealer        *undo_revealer;
  GtkLabel           *undo_label;
  GtkStack           *list_stack;
  GtkListView        *list_view;
  GtkLabel           *empty_label;
  GtkLabel           *empty_hint;
  GtkLabel           *count_label;

  /* Borrowed: the window owns the view, its workspace and settings */
  PtWindow           *window;
  PtWorkspace        *workspace;
  PtSettings         *settings;
  PtPresentationView *presentation;
  GtkStack           *window_stack;

  /* Owned */
  PtScenarioLibrary  *builtin;
  PtScenarioLibrary  *user;
  char               *user_problem;  /* why the user's library could not be read */
  GtkFilterListModel *results;
  GtkCustomFilter    *filter;
  GtkSingleSelection *selection;
  GtkStringList      *tag_labels;
  GPtrArray          *tag_ids;       /* char *, parallel to tag_labels; "" for all tags */
  char               *query;
  char               *tag;
  PtScenario         *current;       /* the scenario open in the editor, or NULL */
  PtVisit            *current_visit; /* the copy of it the workspace holds */
  GSimpleActionGroup *actions;
  PtScenario         *deleted;       /* the last deleted scenario, while it can be undone */
  guint               undo_source;
  guint               tags_source;
  PtQuizPanel        *quiz_panel;
  GtkWidget          *units_panel;
};

/* pt-library-view-actions.c */
void     pt_library_view_install_actions (PtLibraryView *self);
void     pt_library_view_update_actions  (PtLibraryView *self);
void     pt_library_view_load_libraries  (PtLibraryView *self);
void     pt_library_view_clear_undo      (PtLibraryView *self);
gboolean pt_library_view_save_user       (PtLibraryView *self,
                                          GError       **error);
void     pt_library_view_show_error      (PtLibraryView *self,
                                          const char    *primary,
                                          const GError  *error);
char    *pt_library_view_new_user_id     (PtLibraryView *self);
gboolean pt_library_view_fill_expected   (PtScenario    *scenario,
                                          gboolean       set_tags,
                                          GError       **error);

/* pt-library-view-files.c */
void     pt_library_view_add_file_actions     (PtLibraryView *self);

/* pt-library-view-teaching.c */
void     pt_library_view_add_teaching_actions (PtLibraryView *self);
void     pt_library_view_update_teaching      (PtLibraryView *self);

/* pt-library-view.c */
void     pt_library_view_set_current     (PtLibraryView *self,
                                          PtScenario    *scenario,
                                          PtVisit       *visit);
void     pt_library_view_rebuild_tags    (PtLibraryView *self);
void     pt_library_view_reveal          (PtLibraryView *self,
                                          PtScenario    *scenario);
void     pt_library_view_freeze_list     (PtLibraryView *self,
                                          gboolean       frozen);
void     pt_library_view_show_problem    (PtLibraryView *self);

G_END_DECLS
