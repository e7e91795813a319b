/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "dramatis-story.h"

G_BEGIN_DECLS

/**
 * DramatisChooserFlags:
 * @DRAMATIS_CHOOSER_ALLOW_NONE: the row may hold no item
 * @DRAMATIS_CHOOSER_ALLOW_NEW: a name that no actor has may be chosen, for
 *   a new actor
 * @DRAMATIS_CHOOSER_PICKER: the row holds nothing, and hands each item
 *   chosen to #DramatisChooserRow::chosen, to add to a list
 */
typedef enum
{
  DRAMATIS_CHOOSER_ALLOW_NONE = 1 << 0,
  DRAMATIS_CHOOSER_ALLOW_NEW  = 1 << 1,
  DRAMATIS_CHOOSER_PICKER     = 1 << 2,
} DramatisChooserFlags;

#define DRAMATIS_TYPE_CHOOSER_ROW (dramatis_chooser_row_get_type ())

G_DECLARE_FINAL_TYPE (DramatisChooserRow, dramatis_chooser_row, DRAMATIS, CHOOSER_ROW, AdwActionRow)

GtkWidget   *dramatis_chooser_row_new          (DramatisStory        *story,
                                                DramatisItemKind      kind,
                                                const char           *title,
                                                DramatisChooserFlags  flags);
guint        dramatis_chooser_row_get_item     (DramatisChooserRow   *self);
void         dramatis_chooser_row_set_item     (DramatisChooserRow   *self,
                                                guint                 index);
const char  *dramatis_chooser_row_get_new_name (DramatisChooserRow   *self);

/* What a user does in the row's popover, for the tests. */
GListModel  *dramatis_chooser_row_search       (DramatisChooserRow   *self,
                                                const char           *query);
gboolean     dramatis_chooser_row_can_add_new  (DramatisChooserRow   *self);
void         dramatis_chooser_row_choose_match (DramatisChooserRow   *self,
                                                guint                 position);
void         dramatis_chooser_row_choose_new   (DramatisChooserRow   *self);

G_END_DECLS
