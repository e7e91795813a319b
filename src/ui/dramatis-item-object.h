/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gtk/gtk.h>

#include "dramatis-selection.h"

G_BEGIN_DECLS

#define DRAMATIS_TYPE_ITEM_OBJECT (dramatis_item_object_get_type ())

G_DECLARE_FINAL_TYPE (DramatisItemObject, dramatis_item_object, DRAMATIS, ITEM_OBJECT, GObject)

DramatisItemObject *dramatis_item_object_new          (DramatisStory      *story,
                                                       DramatisItemKind    kind,
                                                       guint               index);
DramatisItem        dramatis_item_object_get_item     (DramatisItemObject *self);
const char         *dramatis_item_object_get_title    (DramatisItemObject *self);
const char         *dramatis_item_object_get_subtitle (DramatisItemObject *self);
gboolean            dramatis_item_object_shows        (DramatisItemObject *self,
                                                       guint               index);
void                dramatis_item_object_set_index    (DramatisItemObject *self,
                                                       guint               index);
gboolean            dramatis_item_object_matches      (DramatisItemObject *self,
                                                       const char         *folded_query);

char               *dramatis_item_fold_query          (const char         *query);

GtkWidget          *dramatis_item_row_new             (int                 margin);
void                dramatis_item_row_bind            (GtkWidget          *row,
                                                       DramatisItemObject *object);

G_END_DECLS
