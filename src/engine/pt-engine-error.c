/* pt-engine-error.c */
#include "config.h"

#include "pt-engine-error.h"

G_DEFINE_QUARK (pt-engine-error-quark, pt_engine_error)
