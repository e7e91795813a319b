/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "dramatis-scene"

#include "config.h"

#include <math.h>
#include <string.h>

#include "dramatis-scene-private.h"
#include "dramatis-story-edit.h"

/* The scene follows the edits of its story: it collects what
 * DramatisStory::items-changed tells, and dramatis_scene_update() brings
 * the diagrams up to date once a step of edits is done, doing no more than
 * the step asks.  A statement's text changes neither diagram; a moved
 * actor moves, and nothing is laid out again; a new actor goes beside its
 * neighbours, and no other actor moves; a changed event has its label
 * measured again, and the timeline's lanes packed again.
 *
 * Actors keep two places: the one the layout gave them, which the scene
 * keeps, and the one the story stores.  A pinned actor shows at its stored
 * position, any other at its laid-out place, unless an edit moved it
 * since the layout ran.  So undoing a move that pinned an actor puts it
 * back where it was on screen, whether or not the story stored a position
 * for it before.
 */

/* How far from the middle of its neighbours a new actor goes, in world
 * units: about the size of a glyph and its label, so that it is seen to
 * be new and does not hide one.
 */
#define NEW_ACTOR_DISTANCE 60.0
/* Successive new actors turn by the golden angle around the middle, so
 * that they do not land on each other.
 */
#define GOLDEN_ANGLE       2.399963229728653

static ActorRecord
record_actor (const DramatisActor *actor)
{
  return (ActorRecord) { actor->id, dramatis_actor_get_label (actor), actor->kind, actor->has_position,
                         actor->pinned, actor->x, actor->y };
}

static const char *
relation_label (const DramatisRelation *relation)
{
  if (relation->label != NULL && relation->label[0] != '\0')
    return relation->label;
  return relation->type != NULL ? relation->type : "";
}

static RelationRecord
record_relation (const DramatisRelation *relation)
{
  return (RelationRecord) { relation->from, relation->to, relation->type, relation_label (relation),
                            relation->direction };
}

static GArray *
origins_for (GArray **origins,
             guint    n_before)
{
  if (*origins == NULL)
    {
      *origins = g_array_sized_new (FALSE, FALSE, sizeof (guint), n_before + 1);
      for (guint i = 0; i < n_before; i++)
        g_array_append_val (*origins, i);
    }

  return *origins;
}

/* A removed actor's laid-out place, for an undo that brings it back. */
static void
remember_removed (DramatisScene *self,
                  guint          old)
{
  const ActorRecord *record = &g_array_index (self->actors, ActorRecord, old);

  if (record->id == NULL)
    return;
  g_hash_table_insert (self->removed_xy, (gpointer) record->id,
                       g_memdup2 (&g_array_index (self->layout_xy, double, 2 * old), 2 * sizeof (double)));
}

static void
items_changed_cb (DramatisStory *story,
                  guint          kind,
                  guint          change,
                  guint          index,
                  DramatisScene *self)
{
  GArray *origins;
  guint *origin;

  switch (kind)
    {
    case DRAMATIS_ITEM_ACTOR:
      origins = origins_for (&self->actor_origins, self->actors->len);
      break;
    case DRAMATIS_ITEM_EVENT:
      origins = origins_for (&self->event_origins, self->n_events);
      break;
    case DRAMATIS_ITEM_RELATION:
      origins = origins_for (&self->relation_origins, self->relations->len);
      break;
    case DRAMATIS_ITEM_STATEMENT:
      self->statements_changed = TRUE;
      return;
    default:
      /* Sources and the story's title are in neither diagram. */
      return;
    }

  g_return_if_fail (index <= origins->len);
  g_return_if_fail (change == DRAMATIS_ITEM_ADDED || index < origins->len);

  switch (change)
    {
    case DRAMATIS_ITEM_ADDED:
      {
        guint none = DRAMATIS_NO_INDEX;

        g_array_insert_val (origins, index, none);
      }
      break;

    case DRAMATIS_ITEM_REMOVED:
      origin = &g_array_index (origins, guint, index);
      if (kind == DRAMATIS_ITEM_ACTOR && *origin != DRAMATIS_NO_INDEX)
        remember_removed (self, *origin & ~CHANGED_BIT);
      g_array_remove_index (origins, index);
      break;

    case DRAMATIS_ITEM_CHANGED:
    default:
      origin = &g_array_index (origins, guint, index);
      if (*origin != DRAMATIS_NO_INDEX)
        *origin |= CHANGED_BIT;
      break;
    }
}

/* Where an actor shows. */
static void
shown_position (DramatisScene *self,
                guint          actor,
                double        *x,
                double        *y)
{
  const ActorRecord *record = &g_array_index (self->actors, ActorRecord, actor);

  if (record->pinned)
    {
      *x = record->x;
      *y = record->y;
    }
  else
    {
      *x = g_array_index (self->layout_xy, double, 2 * actor);
      *y = g_array_index (self->layout_xy, double, 2 * actor + 1);
    }
}

/* Lays out nothing: puts each new actor, in turn, at the middle of its
 * neighbours already placed, a little aside, or near the middle of the
 * view when it has none.
 */
static void
place_new_actors (DramatisScene *self,
                  gboolean      *unplaced)
{
  guint n_actors = self->actors->len;

  for (guint a = 0; a < n_actors; a++)
    {
      g_autoptr(GArray) neighbours = NULL;
      double sum_x = 0, sum_y = 0, x, y;
      guint n = 0;

      if (!unplaced[a])
        continue;

      neighbours = dramatis_story_get_actor_neighbours (self->story, a);
      for (guint i = 0; i < neighbours->len; i++)
        {
          guint b = g_array_index (neighbours, guint, i);
          double bx, by;

          if (b >= n_actors || unplaced[b])
            continue;
          shown_position (self, b, &bx, &by);
          sum_x += bx;
          sum_y += by;
          n++;
        }

      x = n > 0 ? sum_x / n : self->focus_x;
      y = n > 0 ? sum_y / n : self->focus_y;
      x += NEW_ACTOR_DISTANCE * cos (GOLDEN_ANGLE * a);
      y += NEW_ACTOR_DISTANCE * sin (GOLDEN_ANGLE * a);
      g_array_index (self->layout_xy, double, 2 * a) = x;
      g_array_index (self->layout_xy, double, 2 * a + 1) = y;

      /* Placed now: the next new actor may stand beside it. */
      unplaced[a] = FALSE;
    }
}

/* What an update of the actors and relations asks of the diagrams. */
typedef struct
{
  gboolean  structure;  /* actors or relations came, went or changed what is drawn */
  GArray   *moved;      /* actors whose position changed */
  gboolean  lanes;      /* the timeline's lanes: names, kinds, actors with events */
  guint    *new_of_old; /* for each actor at the last update, its index now */
  gboolean  renumbered; /* actors came or went */
  GArray   *relabel;    /* label ids whose text changed */
  guint    *kept;       /* for each label now, its id at the last update */
  guint     same_actors;    /* how many first actors are at their index of before */
  guint     same_relations;
} Change;

/* How many of the first items are those of the last update, in order. */
static guint
count_same (GArray *origins,
            guint   n_now,
            guint   n_before)
{
  guint n = 0;

  if (origins == NULL)
    return MIN (n_now, n_before);
  while (n < origins->len && (g_array_index (origins, guint, n) & ~CHANGED_BIT) == n)
    n++;
  return n;
}

static void
update_actors (DramatisScene *self,
               Change        *change)
{
  guint n_actors = dramatis_story_get_n_actors (self->story);
  guint n_before = self->actors->len;
  GArray *origins = self->actor_origins;
  g_autoptr(GArray) layout_xy = g_array_sized_new (FALSE, FALSE, sizeof (double), 2 * n_actors + 2);
  g_autoptr(GArray) seed_xy = g_array_sized_new (FALSE, FALSE, sizeof (double), 2 * n_actors + 2);
  g_autoptr(GArray) records = g_array_sized_new (FALSE, FALSE, sizeof (ActorRecord), n_actors + 1);
  g_autofree gboolean *unplaced = g_new0 (gboolean, MAX (n_actors, 1));
  gboolean any_unplaced = FALSE;
  guint n_kept = 0;

  g_assert (origins == NULL || origins->len == n_actors);
  change->same_actors = count_same (origins, n_actors, n_before);

  for (guint a = 0; a < n_actors; a++)
    {
      const DramatisActor *actor = dramatis_story_get_actor (self->story, a);
      guint origin = origins != NULL ? g_array_index (origins, guint, a) : a;
      ActorRecord now = record_actor (actor);
      double place[2], seed[2] = { NAN, NAN };

      if (origin == DRAMATIS_NO_INDEX)
        {
          gpointer removed;

          guint n_events;

          dramatis_story_get_actor_events (self->story, a, &n_events);
          change->structure = change->renumbered = TRUE;
          change->lanes |= n_events > 0;
          change->kept[a] = DRAMATIS_NO_INDEX;
          place[0] = place[1] = 0;
          if (actor->has_position)
            {
              place[0] = seed[0] = actor->x;
              place[1] = seed[1] = actor->y;
            }
          else if (actor->id != NULL && (removed = g_hash_table_lookup (self->removed_xy, actor->id)) != NULL)
            memcpy (place, removed, sizeof place);
          else
            unplaced[a] = any_unplaced = TRUE;
        }
      else
        {
          guint old = origin & ~CHANGED_BIT;
          const ActorRecord *before = &g_array_index (self->actors, ActorRecord, old);

          n_kept++;
          change->kept[a] = old;
          change->new_of_old[old] = a;
          if (old != a)
            change->structure = change->renumbered = TRUE;
          memcpy (place, &g_array_index (self->layout_xy, double, 2 * old), sizeof place);
          memcpy (seed, &g_array_index (self->seed_xy, double, 2 * old), sizeof seed);

          if (origin & CHANGED_BIT)
            {
              if (g_strcmp0 (before->label, now.label) != 0)
                {
                  g_array_append_val (change->relabel, a);
                  change->kept[a] = DRAMATIS_NO_INDEX;
                  change->lanes = TRUE;
                }
              if (before->kind != now.kind)
                change->structure = change->lanes = TRUE;
              if (before->has_position != now.has_position || before->pinned != now.pinned ||
                  before->x != now.x || before->y != now.y)
                g_array_append_val (change->moved, a);

              /* Moved by an edit, not pinned: it stays where it was put,
               * until a layout moves it.  Back at the position the layout
               * started from, it goes back to its laid-out place.
               */
              if (now.has_position && !now.pinned && (now.x != seed[0] || now.y != seed[1]))
                {
                  place[0] = seed[0] = now.x;
                  place[1] = seed[1] = now.y;
                }
            }
        }

      g_array_append_vals (layout_xy, place, 2);
      g_array_append_vals (seed_xy, seed, 2);
      g_array_append_val (records, now);
    }

  if (n_kept != n_before)
    change->structure = change->renumbered = TRUE;

  g_array_unref (self->layout_xy);
  self->layout_xy = g_steal_pointer (&layout_xy);
  g_array_unref (self->seed_xy);
  self->seed_xy = g_steal_pointer (&seed_xy);
  g_array_unref (self->actors);
  self->actors = g_steal_pointer (&records);

  if (any_unplaced)
    place_new_actors (self, unplaced);
}

static void
update_relations (DramatisScene *self,
                  Change        *change,
                  guint          n_actors_before)
{
  guint n_actors = self->actors->len;
  guint n_relations = dramatis_story_get_n_relations (self->story);
  guint n_before = self->relations->len;
  GArray *origins = self->relation_origins;
  g_autoptr(GArray) records = g_array_sized_new (FALSE, FALSE, sizeof (RelationRecord), n_relations + 1);
  guint n_kept = 0;

  g_assert (origins == NULL || origins->len == n_relations);
  change->same_relations = count_same (origins, n_relations, n_before);

  for (guint r = 0; r < n_relations; r++)
    {
      const DramatisRelation *relation = dramatis_story_get_relation (self->story, r);
      guint origin = origins != NULL ? g_array_index (origins, guint, r) : r;
      RelationRecord now = record_relation (relation);
      guint *kept = &change->kept[n_actors + r];

      if (origin == DRAMATIS_NO_INDEX)
        {
          change->structure = TRUE;
          *kept = DRAMATIS_NO_INDEX;
        }
      else
        {
          guint old = origin & ~CHANGED_BIT;
          const RelationRecord *before = &g_array_index (self->relations, RelationRecord, old);

          n_kept++;
          *kept = n_actors_before + old;
          if (old != r)
            change->structure = TRUE;
          if (origin & CHANGED_BIT)
            {
              if (before->from != now.from || before->to != now.to || before->direction != now.direction ||
                  dramatis_relation_family_for_type (before->type) != dramatis_relation_family_for_type (now.type))
                change->structure = TRUE;
              if (g_strcmp0 (before->label, now.label) != 0)
                {
                  guint id = n_actors + r;

                  g_array_append_val (change->relabel, id);
                  *kept = DRAMATIS_NO_INDEX;
                }
            }
        }
      g_array_append_val (records, now);
    }

  if (n_kept != n_before)
    change->structure = TRUE;

  g_array_unref (self->relations);
  self->relations = g_steal_pointer (&records);
}

/* Where each actor shows: x and y of each. */
static double *
dup_shown_positions (DramatisScene *self)
{
  guint n_actors = self->actors->len;
  double *xy = g_new (double, 2 * MAX (n_actors, 1));

  for (guint a = 0; a < n_actors; a++)
    shown_position (self, a, &xy[2 * a], &xy[2 * a + 1]);

  return xy;
}

static guint
update_network (DramatisScene *self,
                gboolean      *lanes)
{
  guint n_actors_before = self->actors->len;
  guint n_labels = dramatis_story_get_n_actors (self->story) + dramatis_story_get_n_relations (self->story);
  g_autofree guint *kept = g_new (guint, MAX (n_labels, 1));
  g_autoptr(GArray) relabel = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) moved = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree guint *new_of_old = g_new (guint, MAX (n_actors_before, 1));
  Change change = { FALSE, moved, FALSE, new_of_old, FALSE, relabel, kept, 0, 0 };
  g_autofree double *xy = NULL;

  for (guint a = 0; a < n_actors_before; a++)
    new_of_old[a] = DRAMATIS_NO_INDEX;
  update_actors (self, &change);
  update_relations (self, &change, n_actors_before);

  /* Actors that came or went without events leave the lanes as they are. */
  *lanes = change.lanes ||
           (change.renumbered && !dramatis_timeline_renumber_actors (self->timeline, new_of_old, n_actors_before));

  if (change.structure)
    {
      xy = dup_shown_positions (self);
      dramatis_network_update (self->network, kept, xy, change.same_actors, change.same_relations);
      return DRAMATIS_SCENE_NETWORK;
    }

  if (relabel->len > 0)
    dramatis_network_forget_labels (self->network, (const guint *) (gpointer) relabel->data, relabel->len);
  if (moved->len > 0)
    {
      xy = dup_shown_positions (self);
      dramatis_network_move_actors (self->network, xy, (const guint *) (gpointer) moved->data, moved->len);
    }

  return relabel->len > 0 || moved->len > 0 ? DRAMATIS_SCENE_NETWORK : 0;
}

static guint
update_timeline (DramatisScene *self,
                 gboolean       lanes)
{
  g_autofree guint *kept = NULL;
  GArray *origins = self->event_origins;

  if (origins == NULL && !lanes)
    return 0;

  if (origins != NULL)
    {
      kept = g_new (guint, MAX (origins->len, 1));
      for (guint e = 0; e < origins->len; e++)
        {
          guint origin = g_array_index (origins, guint, e);

          kept[e] = (origin & CHANGED_BIT) ? DRAMATIS_NO_INDEX : origin;
        }
    }

  dramatis_timeline_update (self->timeline, kept, lanes);
  self->n_events = dramatis_story_get_n_events (self->story);

  return DRAMATIS_SCENE_TIMELINE;
}

void
dramatis_scene_init_places (DramatisScene *self)
{
  guint n_actors, n_relations;
  const double *xy;

  xy = dramatis_network_get_positions (self->network, &n_actors);
  n_relations = dramatis_story_get_n_relations (self->story);
  self->n_events = dramatis_story_get_n_events (self->story);

  self->layout_xy = g_array_sized_new (FALSE, FALSE, sizeof (double), 2 * n_actors + 2);
  g_array_append_vals (self->layout_xy, xy, 2 * n_actors);
  self->seed_xy = g_array_sized_new (FALSE, FALSE, sizeof (double), 2 * n_actors + 2);
  self->actors = g_array_sized_new (FALSE, FALSE, sizeof (ActorRecord), n_actors + 1);
  for (guint a = 0; a < n_actors; a++)
    {
      const DramatisActor *actor = dramatis_story_get_actor (self->story, a);
      ActorRecord record = record_actor (actor);
      double seed[2] = { NAN, NAN };

      if (actor->has_position)
        {
          seed[0] = actor->x;
          seed[1] = actor->y;
        }
      g_array_append_vals (self->seed_xy, seed, 2);
      g_array_append_val (self->actors, record);
    }

  self->relations = g_array_sized_new (FALSE, FALSE, sizeof (RelationRecord), n_relations + 1);
  for (guint r = 0; r < n_relations; r++)
    {
      RelationRecord record = record_relation (dramatis_story_get_relation (self->story, r));

      g_array_append_val (self->relations, record);
    }

  self->removed_xy = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  self->items_changed_id = g_signal_connect (self->story, "items-changed", G_CALLBACK (items_changed_cb), self);
}

void
dramatis_scene_clear_places (DramatisScene *self)
{
  g_clear_signal_handler (&self->items_changed_id, self->story);
  g_clear_pointer (&self->layout_xy, g_array_unref);
  g_clear_pointer (&self->seed_xy, g_array_unref);
  g_clear_pointer (&self->actors, g_array_unref);
  g_clear_pointer (&self->relations, g_array_unref);
  g_clear_pointer (&self->removed_xy, g_hash_table_unref);
  g_clear_pointer (&self->actor_origins, g_array_unref);
  g_clear_pointer (&self->event_origins, g_array_unref);
  g_clear_pointer (&self->relation_origins, g_array_unref);
}

/**
 * dramatis_scene_update:
 * @self: a scene
 *
 * Brings the diagrams up to date with the edits of the story since the
 * last update, doing only what they ask: call it from
 * #DramatisStory::edited.  Views keep their zoom and pan; the layout is
 * not run again.
 *
 * Returns: which diagrams changed, as #DramatisSceneChange flags
 */
guint
dramatis_scene_update (DramatisScene *self)
{
  gboolean lanes = FALSE;
  guint changed = 0;

  g_return_val_if_fail (self != NULL, 0);

  if (self->actor_origins != NULL || self->relation_origins != NULL)
    changed |= update_network (self, &lanes);
  changed |= update_timeline (self, lanes);

  /* What a selection lights may have changed: a statement's speaker, an
   * event's participants, a relation's ends.
   */
  if (self->statements_changed || self->event_origins != NULL || self->relation_origins != NULL)
    {
      dramatis_timeline_forget_highlight (self->timeline);
      dramatis_network_forget_highlight (self->network);
      changed |= DRAMATIS_SCENE_TIMELINE | DRAMATIS_SCENE_NETWORK;
    }

  g_clear_pointer (&self->actor_origins, g_array_unref);
  g_clear_pointer (&self->event_origins, g_array_unref);
  g_clear_pointer (&self->relation_origins, g_array_unref);
  self->statements_changed = FALSE;

  return changed;
}

/**
 * dramatis_scene_set_layout_positions:
 * @self: a scene
 * @xy: (array): x and y of each actor, as a layout placed them
 * @n_actors: the number of actors in the story
 *
 * Takes the places a layout gave the actors: they show there, but for
 * pinned actors, which show where the story stores them (layouts leave
 * them there anyway).
 */
void
dramatis_scene_set_layout_positions (DramatisScene *self,
                                     const double  *xy,
                                     guint          n_actors)
{
  g_autofree double *shown = NULL;

  g_return_if_fail (self != NULL);
  g_return_if_fail (xy != NULL || n_actors == 0);

  /* Edits not yet followed come first; a layout of the story as it was
   * before edits that added or removed actors has places for others.
   */
  if (self->actor_origins != NULL || self->relation_origins != NULL || self->event_origins != NULL ||
      self->statements_changed)
    dramatis_scene_update (self);
  if (n_actors != self->actors->len)
    return;

  g_array_set_size (self->layout_xy, 0);
  g_array_append_vals (self->layout_xy, xy, 2 * n_actors);
  for (guint a = 0; a < n_actors; a++)
    {
      const ActorRecord *record = &g_array_index (self->actors, ActorRecord, a);
      double *seed = &g_array_index (self->seed_xy, double, 2 * a);

      seed[0] = record->has_position ? record->x : NAN;
      seed[1] = record->has_position ? record->y : NAN;
    }

  shown = dup_shown_positions (self);
  dramatis_network_set_positions (self->network, shown, n_actors);
}

/**
 * dramatis_scene_set_focus:
 * @self: a scene
 * @x: a point of the network's world
 * @y: the same, vertically
 *
 * Where new actors go that have no placed neighbours: the middle of the
 * network's view, so that the user sees them come.
 */
void
dramatis_scene_set_focus (DramatisScene *self,
                          double         x,
                          double         y)
{
  g_return_if_fail (self != NULL);

  if (isfinite (x) && isfinite (y))
    {
      self->focus_x = x;
      self->focus_y = y;
    }
}
