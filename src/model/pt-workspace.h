/* pt-workspace.h: one open visit: its file, dirty state, live results, history and draft */
#pragma once

#include <gio/gio.h>

#include "pt-history.h"
#include "pt-settings.h"
#include "pt-visit.h"
#include "pt-visit-check.h"

G_BEGIN_DECLS

#define PT_TYPE_WORKSPACE (pt_workspace_get_type ())

G_DECLARE_FINAL_TYPE (PtWorkspace, pt_workspace, PT, WORKSPACE, GObject)

PtWorkspace         *pt_workspace_new               (PtSettings    *settings);
PtVisit             *pt_workspace_get_visit         (PtWorkspace   *self);
GFile               *pt_workspace_get_file          (PtWorkspace   *self);
gboolean             pt_workspace_get_dirty         (PtWorkspace   *self);
char                *pt_workspace_dup_display_name  (PtWorkspace   *self);
PtHistory           *pt_workspace_get_history       (PtWorkspace   *self);
const PtAllocResult *pt_workspace_get_result        (PtWorkspace   *self,
                                                     PtMethod       method);
const GError        *pt_workspace_get_error         (PtWorkspace   *self);
const PtVisitCheck  *pt_workspace_get_check         (PtWorkspace   *self);
guint                pt_workspace_get_blocks_checked (PtWorkspace  *self);
const char          *pt_workspace_get_block_problem (PtWorkspace   *self,
                                                     guint          position);
void                 pt_workspace_recompute         (PtWorkspace   *self);
void                 pt_workspace_new_visit         (PtWorkspace   *self);
gboolean             pt_workspace_open              (PtWorkspace   *self,
                                                     GFile         *file,
                                                     GError       **error);
void                 pt_workspace_load_visit        (PtWorkspace   *self,
                                                     PtVisit       *visit,
                                                     GFile         *file);
gboolean             pt_workspace_save              (PtWorkspace   *self,
                                                     GFile         *file,
                                                     GError       **error);
void                 pt_workspace_choose_tie        (PtWorkspace   *self,
                                                     const char    *code);
void                 pt_workspace_record_now        (PtWorkspace   *self);
gboolean             pt_workspace_write_draft       (PtWorkspace   *self,
                                                     GError       **error);
void                 pt_workspace_discard_draft     (PtWorkspace   *self);
GFile               *pt_workspace_get_draft_file    (PtWorkspace   *self);
gboolean             pt_workspace_restore_draft     (PtWorkspace   *self,
                                                     GFile         *draft,
                                                     GError       **error);
char                *pt_workspace_drafts_dir        (void);
GPtrArray           *pt_workspace_list_drafts       (void);

G_END_DECLS
