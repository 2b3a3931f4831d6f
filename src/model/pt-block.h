/* pt-block.h: one intervention block of a visit */
#pragma once

#include <glib-object.h>

#include "pt-model-types.h"

G_BEGIN_DECLS

#define PT_TYPE_BLOCK (pt_block_get_type ())

G_DECLARE_FINAL_TYPE (PtBlock, pt_block, PT, BLOCK, GObject)

PtBlock            *pt_block_new            (const char          *code,
                                             gint                 minutes);
PtBlock            *pt_block_copy           (PtBlock             *self);
const char         *pt_block_get_code       (PtBlock             *self);
void                pt_block_set_code       (PtBlock             *self,
                                             const char          *code);
gint                pt_block_get_minutes    (PtBlock             *self);
void                pt_block_set_minutes    (PtBlock             *self,
                                             gint                 minutes);
gboolean            pt_block_get_timed      (PtBlock             *self);
void                pt_block_set_timed      (PtBlock             *self,
                                             gboolean             timed);
gboolean            pt_block_get_timed_set  (PtBlock             *self);
void                pt_block_unset_timed    (PtBlock             *self);
PtProvider          pt_block_get_provider   (PtBlock             *self);
void                pt_block_set_provider   (PtBlock             *self,
                                             PtProvider           provider);
gboolean            pt_block_get_one_on_one (PtBlock             *self);
void                pt_block_set_one_on_one (PtBlock             *self,
                                             gboolean             one_on_one);
const char * const *pt_block_get_skilled    (PtBlock             *self);
void                pt_block_set_skilled    (PtBlock             *self,
                                             const char * const  *skilled);
gboolean            pt_block_has_skilled    (PtBlock             *self,
                                             const char          *id);
void                pt_block_toggle_skilled (PtBlock             *self,
                                             const char          *id,
                                             gboolean             active);
const char         *pt_block_get_text       (PtBlock             *self,
                                             PtBlockField         field);
void                pt_block_set_text       (PtBlock             *self,
                                             PtBlockField         field,
                                             const char          *text);

G_END_DECLS
