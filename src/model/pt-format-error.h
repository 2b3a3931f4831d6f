/* pt-format-error.h: errors of the file formats (visit, library, catalogue, CSV) */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define PT_FORMAT_ERROR (pt_format_error_quark ())

typedef enum {
  PT_FORMAT_ERROR_PARSE,        /* not JSON (or not CSV) at all */
  PT_FORMAT_ERROR_MISSING,      /* a required member is absent */
  PT_FORMAT_ERROR_TYPE,         /* a member has the wrong JSON type */
  PT_FORMAT_ERROR_VALUE,        /* a member has the right type but a value out of range */
  PT_FORMAT_ERROR_NEWER_FORMAT, /* written by a newer version of the program */
  PT_FORMAT_ERROR_KIND,         /* a file of another kind (a library given as a visit) */
  PT_FORMAT_ERROR_TOO_LARGE,    /* larger than any real file of its kind */
  PT_FORMAT_ERROR_NOT_LOCAL,    /* a location that has no local path */
} PtFormatError;

GQuark pt_format_error_quark (void);

G_END_DECLS
