/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "dramatis-timeline"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "dramatis-timeline-private.h"

/* The lanes of the timeline: which events go in which lane, by actor or by
 * kind of event, in time order within each lane.  Packing the lanes into
 * rows comes after, in dramatis-timeline-packing.c.
 */

const char *
dramatis_timeline_lanes_title (DramatisLaneMode mode)
{
  if (mode == DRAMATIS_LANES_BY_ACTOR)
    /* Translators: the heading of the timeline's lanes, one per actor */
    return C_("timeline lanes", "Actors");

  /* Translators: the heading of the timeline's lanes, one per kind of event */
  return C_("timeline lanes", "Kinds of event");
}

static int
compare_lane_titles (gconstpointer a,
                     gconstpointer b)
{
  const Lane *la = a, *lb = b;

  /* The "Other" lane goes last. */
  if (la->other != lb->other)
    return la->other ? 1 : -1;
  return g_utf8_collate (la->title, lb->title);
}

void
dramatis_timeline_clear_lane (gpointer data)
{
  Lane *lane = data;

  g_clear_pointer (&lane->title, g_free);
}

static guint8
first_participant_kind (DramatisStory       *story,
                        const DramatisEvent *event)
{
  for (guint j = 0; j < event->n_participants; j++)
    {
      guint actor = event->participants[j].actor;

      if (actor != DRAMATIS_NO_INDEX && actor < dramatis_story_get_n_actors (story))
        return dramatis_story_get_actor (story, actor)->kind;
    }
  return DRAMATIS_ACTOR_KIND_OTHER;
}

static gboolean
has_participant (const DramatisEvent *event,
                 guint                n_actors)
{
  for (guint j = 0; j < event->n_participants; j++)
    if (event->participants[j].actor < n_actors)
      return TRUE;
  return FALSE;
}

/* How many of an actor's events have a date: the story lists them first,
 * in time order.
 */
static guint
count_dated (DramatisStory *story,
             const guint   *events,
             guint          n_events)
{
  guint n = 0;

  while (n < n_events && dramatis_span_is_set (&dramatis_story_get_event (story, events[n])->when))
    n++;
  return n;
}

/* Appends an event to the items of lane @lane, whose next free slot is
 * @fill[@lane].
 */
static void
add_to_lane (DramatisTimeline    *self,
             guint               *fill,
             guint                lane,
             const DramatisEvent *event,
             guint                index,
             guint8               kind)
{
  const Lane *l = &g_array_index (self->lanes, Lane, lane);
  Placement *p = &g_array_index (self->lane_items, Placement, l->first_item + fill[lane]++);

  memset (p, 0, sizeof *p);
  p->first = self->event_first[index];
  p->end = MAX (self->event_end[index], p->first + 1);
  p->event = index;
  p->kind = kind;
  p->flags = self->event_flags[index];
}

/* A lane per actor in the order of the story, each event in the lane of
 * every participant, and the events without one in "Other".
 */
void
dramatis_timeline_build_actor_lanes (DramatisTimeline *self)
{
  guint n_actors = dramatis_story_get_n_actors (self->story);
  g_autofree guint *lane_of = g_new (guint, n_actors + 1);
  g_autofree guint *counts = g_new0 (guint, n_actors + 1);
  g_autofree guint *fill = NULL;
  const guint *by_time;
  guint n_dated, n_items = 0;

  /* The story indexes each actor's events, in time order, each once. */
  for (guint a = 0; a < n_actors; a++)
    {
      guint n_events;
      const guint *events = dramatis_story_get_actor_events (self->story, a, &n_events);

      counts[a] = count_dated (self->story, events, n_events);
    }

  by_time = dramatis_story_get_events_by_time (self->story, &n_dated);
  for (guint i = 0; i < n_dated; i++)
    if (!has_participant (dramatis_story_get_event (self->story, by_time[i]), n_actors))
      counts[n_actors]++;

  for (guint a = 0; a <= n_actors; a++)
    {
      Lane lane = { 0 };

      lane_of[a] = G_MAXUINT;
      if (counts[a] == 0)
        continue;

      if (a < n_actors)
        {
          const DramatisActor *actor = dramatis_story_get_actor (self->story, a);

          lane.title = g_strdup (dramatis_actor_get_label (actor));
          lane.actor = a;
          lane.kind = actor->kind;
        }
      else
        {
          /* Translators: the timeline lane of events without participants */
          lane.title = g_strdup (C_("timeline lane", "Other"));
          lane.actor = DRAMATIS_NO_INDEX;
          lane.kind = DRAMATIS_ACTOR_KIND_OTHER;
          lane.other = TRUE;
        }
      lane.first_item = n_items;
      lane.n_items = counts[a];
      n_items += counts[a];
      lane_of[a] = self->lanes->len;
      g_array_append_val (self->lanes, lane);
    }

  g_array_set_size (self->lane_items, n_items);
  fill = g_new0 (guint, self->lanes->len);

  for (guint a = 0; a < n_actors; a++)
    {
      guint n_events;
      const guint *events = dramatis_story_get_actor_events (self->story, a, &n_events);

      for (guint i = 0; i < counts[a]; i++)
        add_to_lane (self, fill, lane_of[a], dramatis_story_get_event (self->story, events[i]), events[i],
                     dramatis_story_get_actor (self->story, a)->kind);
    }

  for (guint i = 0; i < n_dated; i++)
    {
      const DramatisEvent *e = dramatis_story_get_event (self->story, by_time[i]);

      if (!has_participant (e, n_actors))
        add_to_lane (self, fill, lane_of[n_actors], e, by_time[i], DRAMATIS_ACTOR_KIND_OTHER);
    }
}

/* A lane per classification, alphabetical, and "Other" last. */
void
dramatis_timeline_build_kind_lanes (DramatisTimeline *self)
{
  g_autoptr(GHashTable) by_kind = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree guint *lane_of_event = NULL;
  g_autofree guint *fill = NULL;
  g_autofree guint *order = NULL;
  const guint *by_time;
  guint n_dated, n_items = 0;

  by_time = dramatis_story_get_events_by_time (self->story, &n_dated);
  lane_of_event = g_new (guint, n_dated);

  for (guint i = 0; i < n_dated; i++)
    {
      const DramatisEvent *e = dramatis_story_get_event (self->story, by_time[i]);
      const char *kind = e->classification != NULL ? e->classification : "";
      gpointer value;

      if (!g_hash_table_lookup_extended (by_kind, kind, NULL, &value))
        {
          Lane lane = { 0 };

          if (*kind == '\0')
            {
              lane.title = g_strdup (C_("timeline lane", "Other"));
              lane.other = TRUE;
            }
          else
            {
              /* Classifications are lower case in the files; lane titles
               * start with a capital, as GNOME headings do.
               */
              g_autofree char *head = g_utf8_strup (kind, g_utf8_next_char (kind) - kind);

              lane.title = g_strconcat (head, g_utf8_next_char (kind), NULL);
            }
          lane.actor = DRAMATIS_NO_INDEX;
          lane.kind = DRAMATIS_ACTOR_KIND_OTHER;
          value = GUINT_TO_POINTER (self->lanes->len);
          g_hash_table_insert (by_kind, (gpointer) kind, value);
          g_array_append_val (self->lanes, lane);
        }

      lane_of_event[i] = GPOINTER_TO_UINT (value);
      g_array_index (self->lanes, Lane, lane_of_event[i]).n_items++;
    }

  /* Sort the lanes, then renumber the events' lanes to match: until the
   * items are laid out, first_item holds a lane's place before sorting.
   */
  for (guint l = 0; l < self->lanes->len; l++)
    g_array_index (self->lanes, Lane, l).first_item = l;
  g_array_sort (self->lanes, compare_lane_titles);
  order = g_new (guint, self->lanes->len);
  for (guint l = 0; l < self->lanes->len; l++)
    {
      Lane *lane = &g_array_index (self->lanes, Lane, l);

      order[lane->first_item] = l;
      lane->first_item = n_items;
      n_items += lane->n_items;
    }

  g_array_set_size (self->lane_items, n_items);
  fill = g_new0 (guint, self->lanes->len);

  for (guint i = 0; i < n_dated; i++)
    {
      const DramatisEvent *e = dramatis_story_get_event (self->story, by_time[i]);

      add_to_lane (self, fill, order[lane_of_event[i]], e, by_time[i],
                   first_participant_kind (self->story, e));
    }
}

/* Fills the items of an actor's lane again, after the dates of its
 * events changed.  Returns %FALSE, having changed nothing, if the lane
 * would have another number of items.
 */
gboolean
dramatis_timeline_refill_actor_lane (DramatisTimeline *self,
                                     guint             lane)
{
  Lane *l = &g_array_index (self->lanes, Lane, lane);
  guint n_events, n_dated, fill = 0;
  const guint *events;

  g_assert (l->actor != DRAMATIS_NO_INDEX);

  events = dramatis_story_get_actor_events (self->story, l->actor, &n_events);
  n_dated = count_dated (self->story, events, n_events);
  if (n_dated != l->n_items)
    return FALSE;

  /* add_to_lane() counts from the lane's first item. */
  {
    g_autofree guint *fills = g_new0 (guint, self->lanes->len);
    guint8 kind = dramatis_story_get_actor (self->story, l->actor)->kind;

    for (guint i = 0; i < n_dated; i++)
      add_to_lane (self, fills, lane, dramatis_story_get_event (self->story, events[i]), events[i], kind);
    fill = fills[lane];
  }
  g_assert (fill == n_dated);

  return TRUE;
}
