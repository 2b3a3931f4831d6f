/* pt-engine-error.h: errors the engine reports through GError */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define PT_ENGINE_ERROR (pt_engine_error_quark ())

typedef enum {
  PT_ENGINE_ERROR_NO_BLOCKS,      /* the visit has no intervention block */
  PT_ENGINE_ERROR_MINUTES_RANGE,  /* a block's minutes are outside 0-1440 */
  PT_ENGINE_ERROR_TOTAL_RANGE,    /* the visit's minutes add up to more than 1440 */
  PT_ENGINE_ERROR_BAD_CODE,       /* a code is not 5 digits or a letter and 4 digits */
  PT_ENGINE_ERROR_TIMED_MISMATCH, /* one code is marked timed in one block and untimed in another */
} PtEngineError;

GQuark pt_engine_error_quark (void);

G_END_DECLS
