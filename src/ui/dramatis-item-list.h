/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

#include "dramatis-selection.h"

G_BEGIN_DECLS

#define DRAMATIS_TYPE_ITEM_LIST (dramatis_item_list_get_type ())

G_DECLARE_FINAL_TYPE (DramatisItemList, dramatis_item_list, DRAMATIS, ITEM_LIST, GObject)

GListModel *dramatis_item_list_new    (DramatisStory    *story,
                                       DramatisItemKind  kind);
DramatisItemKind dramatis_item_list_get_kind (DramatisItemList *self);
void        dramatis_item_list_reload (DramatisItemList *self);
guint       dramatis_item_list_find   (GListModel       *list,
                                       DramatisItem      item);

G_END_DECLS
