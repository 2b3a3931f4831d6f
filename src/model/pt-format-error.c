/* pt-format-error.c */
#include "config.h"

#include "pt-format-error.h"

G_DEFINE_QUARK (pt-format-error-quark, pt_format_error)
