/* pt-units-panel.h: the live allocation beside the editor */
#pragma once

#include <gtk/gtk.h>

#include "pt-workspace.h"

G_BEGIN_DECLS

#define PT_TYPE_UNITS_PANEL (pt_units_panel_get_type ())

G_DECLARE_FINAL_TYPE (PtUnitsPanel, pt_units_panel, PT, UNITS_PANEL, GtkWidget)

void        pt_units_panel_set_workspace  (PtUnitsPanel *self,
                                           PtWorkspace  *workspace);
void        pt_units_panel_set_show_other (PtUnitsPanel *self,
                                           gboolean      show);
const char *pt_units_panel_get_headline   (PtUnitsPanel *self);
const char *pt_units_panel_get_check_summary (PtUnitsPanel *self);
GtkWidget  *pt_units_panel_get_extra_box  (PtUnitsPanel *self);
void        pt_units_panel_show_check     (PtUnitsPanel *self,
                                           const PtVisitCheck *check);

G_END_DECLS
