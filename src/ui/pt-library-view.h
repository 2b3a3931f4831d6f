/* pt-library-view.h: the scenario library as a sidebar page: search, tag filter, open a copy */
#pragma once

#include <gtk/gtk.h>

#include "pt-presentation-view.h"
#include "pt-quiz-panel.h"
#include "pt-scenario-library.h"
#include "pt-window.h"

G_BEGIN_DECLS

#define PT_TYPE_LIBRARY_VIEW (pt_library_view_get_type ())

G_DECLARE_FINAL_TYPE (PtLibraryView, pt_library_view, PT, LIBRARY_VIEW, GtkWidget)

PtLibraryView     *pt_library_view_new              (PtWindow           *window);
PtLibraryView     *pt_library_view_from_window      (PtWindow           *window);
void               pt_library_view_attach_teaching  (PtLibraryView      *self,
                                                     PtQuizPanel        *quiz_panel,
                                                     PtPresentationView *presentation,
                                                     GtkStack           *window_stack);
PtScenarioLibrary *pt_library_view_get_builtin      (PtLibraryView      *self);
PtScenarioLibrary *pt_library_view_get_user_library (PtLibraryView      *self);
GListModel        *pt_library_view_get_results      (PtLibraryView      *self);
PtScenario        *pt_library_view_get_current      (PtLibraryView      *self);
void               pt_library_view_open_scenario    (PtLibraryView      *self,
                                                     PtScenario         *scenario);
gboolean           pt_library_view_open_next        (PtLibraryView      *self);
gboolean           pt_library_view_import_file      (PtLibraryView      *self,
                                                     GFile              *file);
gboolean           pt_library_view_export_file      (PtLibraryView      *self,
                                                     GFile              *file,
                                                     GError            **error);

G_END_DECLS
