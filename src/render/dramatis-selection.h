/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

#include "dramatis-story.h"

G_BEGIN_DECLS

/**
 * DramatisItem:
 * @kind: what kind of item, or %DRAMATIS_ITEM_NONE
 * @index: its index in the story
 *
 * One item of a story: what a hit-test finds, what is selected or hovered.
 */
typedef struct
{
  DramatisItemKind kind;
  guint            index;
} DramatisItem;

#define DRAMATIS_ITEM_INIT_NONE ((DramatisItem) { DRAMATIS_ITEM_NONE, DRAMATIS_NO_INDEX })

/**
 * DramatisSelection:
 * @selected: the selected item
 * @hovered: the item under the pointer
 *
 * What the user has picked, shared by both views so that selecting in one
 * highlights in the other: a selected actor lights its events on the
 * timeline and its neighbourhood in the network; a selected event lights
 * its actors.
 */
typedef struct
{
  DramatisItem selected;
  DramatisItem hovered;
} DramatisSelection;

static inline gboolean
dramatis_item_equal (const DramatisItem *a,
                     const DramatisItem *b)
{
  return a->kind == b->kind && (a->kind == DRAMATIS_ITEM_NONE || a->index == b->index);
}

G_END_DECLS
