/* pt-visit-io.h: the visit file format (*.ptvisit.json, format 1) */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "pt-visit.h"

G_BEGIN_DECLS

#define PT_VISIT_FORMAT 1
/* No real visit comes near this; a larger file is refused unread. */
#define PT_VISIT_MAX_FILE_SIZE (8 * 1024 * 1024)

PtVisit  *pt_visit_from_json_object (JsonObject   *object,
                                     const char   *path,
                                     gboolean      need_header,
                                     GError      **error);
PtVisit  *pt_visit_load_from_data   (const char   *data,
                                     gssize        length,
                                     GError      **error);
PtVisit  *pt_visit_load_from_file   (GFile        *file,
                                     GError      **error);
JsonNode *pt_visit_to_json_node     (PtVisit      *self);
char     *pt_visit_to_data          (PtVisit      *self,
                                     gsize        *length);
gboolean  pt_visit_save_to_file     (PtVisit      *self,
                                     GFile        *file,
                                     GError      **error);
gboolean  pt_file_save_private      (GFile        *file,
                                     const char   *data,
                                     gsize         length,
                                     GError      **error);
char     *pt_file_load_limited      (GFile        *file,
                                     gsize         max_size,
                                     const char   *what,
                                     gsize        *length,
                                     GError      **error);

G_END_DECLS
