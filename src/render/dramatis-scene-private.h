/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "dramatis-scene.h"

G_BEGIN_DECLS

/* What the files of the scene share: the scene itself, the places of its
 * actors, and the changes of the story it collects until it is updated.
 * dramatis-scene.c makes it and exports it, dramatis-scene-update.c
 * follows the story's edits.
 */

/* What the diagrams drew of an actor or a relation at the last update, to
 * tell what an edit changed.
 */
typedef struct
{
  const char *id;
  const char *label;
  guint8      kind;
  gboolean    has_position;
  gboolean    pinned;
  double      x;
  double      y;
} ActorRecord;

typedef struct
{
  guint       from;
  guint       to;
  const char *type;
  const char *label;
  guint8      direction;
} RelationRecord;

struct _DramatisScene
{
  DramatisStory    *story;
  DramatisTimeline *timeline;
  DramatisNetwork  *network;

  /* Per actor: where the layout, or the scene for a new actor, put it;
   * the stored position that place takes into account (NaN for none); and
   * what the diagrams drew of it.  An actor is shown at its stored
   * position when it is pinned, else at its laid-out place: undoing a move
   * that pinned an actor puts it back there.
   */
  GArray           *layout_xy;   /* double, x and y */
  GArray           *seed_xy;     /* double, x and y */
  GArray           *actors;      /* ActorRecord */
  GArray           *relations;   /* RelationRecord */
  guint             n_events;
  /* The laid-out places of removed actors, by id, for an undo to bring
   * them back to.
   */
  GHashTable       *removed_xy;
  /* Where an actor with no placed neighbours goes: the middle of the view. */
  double            focus_x;
  double            focus_y;

  /* Changes collected from DramatisStory::items-changed: for each item of
   * the story as it is now, its index at the last update, with
   * CHANGED_BIT if it changed, or DRAMATIS_NO_INDEX if it is new.  %NULL
   * while no item of the kind changed.
   */
  gulong            items_changed_id;
  GArray           *actor_origins;
  GArray           *event_origins;
  GArray           *relation_origins;
  gboolean          statements_changed;
};

#define CHANGED_BIT (1u << 31)

/* dramatis-scene-update.c */
void dramatis_scene_init_places  (DramatisScene *self);
void dramatis_scene_clear_places (DramatisScene *self);

G_END_DECLS
