/* pt-history.c: undo and redo for a visit
 *
 * Each recorded state is the visit's saved JSON text. Recording compares with
 * the last state, so several notifications of one edit make one step, and
 * restoring a state is loading it back into the same PtVisit object, so every
 * view stays bound. Records are made by the owner (the workspace), after a
 * short pause in typing or at once for structural edits.
 */
#include "config.h"

#include "pt-history.h"
#include "pt-visit-io.h"

#define MAX_STEPS 200

struct _PtHistory
{
  GObject    parent_instance;
  PtVisit   *visit;
  GPtrArray *undo;    /* char *, oldest first */
  GPtrArray *redo;    /* char *, most recent undo last */
  char      *current; /* the state the visit is in, as last recorded */
  gboolean   applying;
};

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (PtHistory, pt_history, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static void
pt_history_finalize (GObject *object)
{
  PtHistory *self = (PtHistory *) object;

  g_clear_object (&self->visit);
  g_ptr_array_unref (self->undo);
  g_ptr_array_unref (self->redo);
  g_free (self->current);

  G_OBJECT_CLASS (pt_history_parent_class)->finalize (object);
}

static void
pt_history_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  PtHistory *self = PT_HISTORY (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, pt_history_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, pt_history_can_redo (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pt_history_class_init (PtHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pt_history_finalize;
  object_class->get_property = pt_history_get_property;

  properties[PROP_CAN_UNDO] = g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                                                    G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] = g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                                                    G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pt_history_init (PtHistory *self)
{
  self->undo = g_ptr_array_new_with_free_func (g_free);
  self->redo = g_ptr_array_new_with_free_func (g_free);
}

static char *
snapshot (PtVisit *visit)
{
  return pt_visit_to_data (visit, NULL);
}

PtHistory *
pt_history_new (PtVisit *visit)
{
  PtHistory *self = g_object_new (PT_TYPE_HISTORY, NULL);

  self->visit = g_object_ref (visit);
  self->current = snapshot (visit);

  return self;
}

static void
notify_both (PtHistory *self,
             gboolean   could_undo,
             gboolean   could_redo)
{
  if (could_undo != pt_history_can_undo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (could_redo != pt_history_can_redo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
}

/* Makes the visit's present state one undo step, if it differs from the last. */
void
pt_history_record (PtHistory *self)
{
  g_autofree char *now = NULL;
  gboolean could_undo, could_redo;

  g_return_if_fail (PT_IS_HISTORY (self));

  if (self->applying)
    return;

  now = snapshot (self->visit);
  if (g_strcmp0 (now, self->current) == 0)
    return;

  could_undo = pt_history_can_undo (self);
  could_redo = pt_history_can_redo (self);

  g_ptr_array_add (self->undo, g_steal_pointer (&self->current));
  if (self->undo->len > MAX_STEPS)
    g_ptr_array_remove_index (self->undo, 0);
  g_ptr_array_set_size (self->redo, 0);
  self->current = g_steal_pointer (&now);

  notify_both (self, could_undo, could_redo);
}

/* Forgets every step: after opening a file or starting a new visit. */
void
pt_history_reset (PtHistory *self)
{
  gboolean could_undo, could_redo;

  g_return_if_fail (PT_IS_HISTORY (self));

  could_undo = pt_history_can_undo (self);
  could_redo = pt_history_can_redo (self);
  g_ptr_array_set_size (self->undo, 0);
  g_ptr_array_set_size (self->redo, 0);
  g_free (self->current);
  self->current = snapshot (self->visit);
  notify_both (self, could_undo, could_redo);
}

gboolean
pt_history_can_undo (PtHistory *self)
{
  return self->undo->len > 0;
}

gboolean
pt_history_can_redo (PtHistory *self)
{
  return self->redo->len > 0;
}

/* Copies every field and block of @from into @self, keeping @self's identity. */
void
pt_visit_assign (PtVisit *self,
                 PtVisit *from)
{
  GListStore *store;

  g_return_if_fail (PT_IS_VISIT (self));
  g_return_if_fail (PT_IS_VISIT (from));

  pt_visit_set_title (self, pt_visit_get_title (from));
  pt_visit_set_date (self, pt_visit_get_date (from));
  pt_visit_set_payer (self, pt_visit_get_payer (from));
  pt_visit_set_method (self, pt_visit_get_method (from));
  pt_visit_set_discipline (self, pt_visit_get_discipline (from));
  pt_visit_set_diagnosis (self, pt_visit_get_diagnosis (from));
  pt_visit_set_diagnosis_category (self, pt_visit_get_diagnosis_category (from));
  pt_visit_set_tie_preference (self, pt_visit_get_tie_preference (from));

  /* Edit blocks in place where they line up, so rows keep their widgets. */
  store = G_LIST_STORE (pt_visit_get_blocks (self));
  while (pt_visit_get_n_blocks (self) > pt_visit_get_n_blocks (from))
    pt_visit_remove_block (self, pt_visit_get_n_blocks (self) - 1);

  for (guint i = 0; i < pt_visit_get_n_blocks (from); i++)
    {
      PtBlock *src = pt_visit_get_block (from, i);

      if (i < pt_visit_get_n_blocks (self))
        {
          PtBlock *dst = pt_visit_get_block (self, i);

          pt_block_set_code (dst, pt_block_get_code (src));
          pt_block_set_minutes (dst, pt_block_get_minutes (src));
          if (pt_block_get_timed_set (src))
            pt_block_set_timed (dst, pt_block_get_timed (src));
          else
            pt_block_unset_timed (dst);
          pt_block_set_provider (dst, pt_block_get_provider (src));
          pt_block_set_one_on_one (dst, pt_block_get_one_on_one (src));
          pt_block_set_skilled (dst, pt_block_get_skilled (src));
          for (guint f = 0; f < PT_BLOCK_N_TEXT_FIELDS; f++)
            pt_block_set_text (dst, f, pt_block_get_text (src, f));
        }
      else
        {
          g_autoptr(PtBlock) copy = pt_block_copy (src);

          g_list_store_append (store, copy);
        }
    }
}

static gboolean
apply (PtHistory  *self,
       const char *state)
{
  g_autoptr(PtVisit) loaded = pt_visit_load_from_data (state, -1, NULL);

  g_return_val_if_fail (loaded != NULL, FALSE);

  self->applying = TRUE;
  pt_visit_assign (self->visit, loaded);
  self->applying = FALSE;

  return TRUE;
}

gboolean
pt_history_undo (PtHistory *self)
{
  gboolean could_undo, could_redo;
  char *state;

  g_return_val_if_fail (PT_IS_HISTORY (self), FALSE);

  pt_history_record (self);
  if (!pt_history_can_undo (self))
    return FALSE;

  could_undo = pt_history_can_undo (self);
  could_redo = pt_history_can_redo (self);

  state = g_ptr_array_steal_index (self->undo, self->undo->len - 1);
  g_ptr_array_add (self->redo, self->current);
  self->current = state;
  apply (self, state);

  notify_both (self, could_undo, could_redo);
  return TRUE;
}

gboolean
pt_history_redo (PtHistory *self)
{
  gboolean could_undo, could_redo;
  char *state;

  g_return_val_if_fail (PT_IS_HISTORY (self), FALSE);

  pt_history_record (self);
  if (!pt_history_can_redo (self))
    return FALSE;

  could_undo = pt_history_can_undo (self);
  could_redo = pt_history_can_redo (self);

  state = g_ptr_array_steal_index (self->redo, self->redo->len - 1);
  g_ptr_array_add (self->undo, self->current);
  self->current = state;
  apply (self, state);

  notify_both (self, could_undo, could_redo);
  return TRUE;
}
