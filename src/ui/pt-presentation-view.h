/* pt-presentation-view.h: F11 presentation: the visit, then its explanation one step at a time */
#pragma once

#include <gtk/gtk.h>

#include "pt-scenario.h"
#include "pt-workspace.h"

G_BEGIN_DECLS

#define PT_TYPE_PRESENTATION_VIEW (pt_presentation_view_get_type ())

G_DECLARE_FINAL_TYPE (PtPresentationView, pt_presentation_view, PT, PRESENTATION_VIEW, GtkWidget)

PtPresentationView *pt_presentation_view_new          (PtWorkspace        *workspace,
                                                       PtSettings         *settings);
void                pt_presentation_view_set_scenario (PtPresentationView *self,
                                                       PtScenario         *scenario);
void                pt_presentation_view_start        (PtPresentationView *self);
guint               pt_presentation_view_get_step     (PtPresentationView *self);
guint               pt_presentation_view_get_n_steps  (PtPresentationView *self);
const char         *pt_presentation_view_get_text     (PtPresentationView *self);
double              pt_presentation_view_get_scale    (PtPresentationView *self);

G_END_DECLS
