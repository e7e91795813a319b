/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The deepest nesting of arrays and objects a story may have.  A story needs
 * five levels; the limit is far above that, and far below the depth at which
 * json-glib's recursive parser runs out of stack on hostile input.
 */
#define DRAMATIS_JSON_MAX_DEPTH 256

typedef enum
{
  DRAMATIS_JSON_SCAN_OK,
  DRAMATIS_JSON_SCAN_NUL,
  DRAMATIS_JSON_SCAN_TOO_DEEP,
  DRAMATIS_JSON_SCAN_TRAILING,
} DramatisJsonScanResult;

typedef struct _DramatisJsonLocator DramatisJsonLocator;

DramatisJsonScanResult  dramatis_json_scan            (const char          *data,
                                                       gsize                length,
                                                       gsize               *offset,
                                                       gsize               *n_objects);
void                    dramatis_json_offset_to_line  (const char          *data,
                                                       gsize                length,
                                                       gsize                offset,
                                                       guint               *line,
                                                       guint               *column);

DramatisJsonLocator    *dramatis_json_locator_new     (const char          *data,
                                                       gsize                length);
gboolean                dramatis_json_locator_find    (DramatisJsonLocator *self,
                                                       const char          *path,
                                                       guint               *line,
                                                       guint               *column);
void                    dramatis_json_locator_free    (DramatisJsonLocator *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DramatisJsonLocator, dramatis_json_locator_free)

G_END_DECLS
