/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * DramatisCommandFunc:
 * @data: the command's data
 * @reverse: %TRUE to undo the command, %FALSE to do it again
 *
 * Applies a command that was done before, or takes it back.
 */
typedef void (*DramatisCommandFunc) (gpointer data,
                                     gboolean reverse);

#define DRAMATIS_TYPE_HISTORY (dramatis_history_get_type ())

G_DECLARE_FINAL_TYPE (DramatisHistory, dramatis_history, DRAMATIS, HISTORY, GObject)

DramatisHistory *dramatis_history_new            (void);

void             dramatis_history_push           (DramatisHistory     *self,
                                                  const char          *name,
                                                  DramatisCommandFunc  apply,
                                                  gpointer             data,
                                                  GDestroyNotify       free_data);
void             dramatis_history_begin_step     (DramatisHistory     *self,
                                                  const char          *name);
void             dramatis_history_end_step       (DramatisHistory     *self);

gboolean         dramatis_history_can_undo       (DramatisHistory     *self);
gboolean         dramatis_history_can_redo       (DramatisHistory     *self);
const char      *dramatis_history_get_undo_name  (DramatisHistory     *self);
const char      *dramatis_history_get_redo_name  (DramatisHistory     *self);
gboolean         dramatis_history_undo           (DramatisHistory     *self);
gboolean         dramatis_history_redo           (DramatisHistory     *self);

void             dramatis_history_mark_saved     (DramatisHistory     *self);
gboolean         dramatis_history_is_modified    (DramatisHistory     *self);

G_END_DECLS
