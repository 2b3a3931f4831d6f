/* pt-codes.h: what the engine knows of a code by its shape and number alone */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean pt_code_is_valid         (const char *code);
gboolean pt_code_default_timed    (const char *code);
gint     pt_units_for_minutes     (gint        minutes);
gint     pt_minutes_for_units     (gint        units);

G_END_DECLS
