/* pt-history.h: undo and redo for a visit, by snapshots of its saved form */
#pragma once

#include "pt-visit.h"

G_BEGIN_DECLS

#define PT_TYPE_HISTORY (pt_history_get_type ())

G_DECLARE_FINAL_TYPE (PtHistory, pt_history, PT, HISTORY, GObject)

PtHistory *pt_history_new      (PtVisit   *visit);
void       pt_history_record   (PtHistory *self);
void       pt_history_reset    (PtHistory *self);
gboolean   pt_history_can_undo (PtHistory *self);
gboolean   pt_history_can_redo (PtHistory *self);
gboolean   pt_history_undo     (PtHistory *self);
gboolean   pt_history_redo     (PtHistory *self);
void       pt_visit_assign     (PtVisit   *self,
                                PtVisit   *from);

G_END_DECLS
