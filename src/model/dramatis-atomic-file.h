/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _DramatisAtomicFile DramatisAtomicFile;

DramatisAtomicFile *dramatis_atomic_file_new    (const char          *path,
                                                 GError             **error);
gboolean            dramatis_atomic_file_write  (DramatisAtomicFile  *self,
                                                 const void          *data,
                                                 gsize                length,
                                                 GError             **error);
gboolean            dramatis_atomic_file_commit (DramatisAtomicFile  *self,
                                                 GError             **error);
void                dramatis_atomic_file_free   (DramatisAtomicFile  *self);

gboolean            dramatis_replace_file       (GFile               *file,
                                                 GBytes              *bytes,
                                                 GCancellable        *cancellable,
                                                 GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DramatisAtomicFile, dramatis_atomic_file_free)

G_END_DECLS
