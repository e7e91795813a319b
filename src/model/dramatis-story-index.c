/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "dramatis-story"

#include "config.h"

#include <string.h>

#include "dramatis-story-private.h"

/* The story's query indexes: its dated events sorted by time, with a
 * running maximum of their ends for range queries, and for each actor
 * (and each event) the statements, relations and events that concern it,
 * as offsets into one flat array per index.  They are built once the
 * story's items are complete, and answer the queries the views ask.
 */

static void
clear_index (DramatisIndex *index)
{
  g_clear_pointer (&index->offsets, g_free);
  g_clear_pointer (&index->items, g_free);
}

void
dramatis_story_clear_indexes (DramatisStory *self)
{
  g_clear_pointer (&self->events_by_time, g_free);
  g_clear_pointer (&self->sorted_first, g_free);
  g_clear_pointer (&self->sorted_end, g_free);
  g_clear_pointer (&self->sorted_max_end, g_free);
  self->n_dated_events = 0;
  clear_index (&self->actor_statements);
  clear_index (&self->actor_relations);
  clear_index (&self->actor_events);
  clear_index (&self->event_statements);
}

typedef struct
{
  gint64 first;
  gint64 end;
  guint8 precision;
  guint  index;
} SortKey;

static int
compare_sort_keys (gconstpointer a,
                   gconstpointer b)
{
  const SortKey *ka = a;
  const SortKey *kb = b;

  if (ka->first != kb->first)
    return ka->first < kb->first ? -1 : 1;
  if (ka->end != kb->end)
    return ka->end > kb->end ? -1 : 1;
  if (ka->precision != kb->precision)
    return ka->precision < kb->precision ? -1 : 1;
  return ka->index < kb->index ? -1 : ka->index > kb->index;
}

static void
build_events_by_time (DramatisStory *self)
{
  guint n_events = self->events->len;
  g_autofree SortKey *keys = g_new (SortKey, MAX (n_events, 1));
  guint n_dated = 0;
  guint n_undated = 0;
  gint64 max_end = G_MININT64;

  /* Dated events first, sorted by time; undated ones after them, in file order. */
  self->events_by_time = g_new (guint, MAX (n_events, 1));
  for (guint i = 0; i < n_events; i++)
    {
      const DramatisEvent *event = &g_array_index (self->events, DramatisEvent, i);

      if (!dramatis_span_is_set (&event->when))
        continue;

      keys[n_dated].first = dramatis_span_get_first_second (&event->when);
      keys[n_dated].end = dramatis_span_get_end_second (&event->when);
      keys[n_dated].precision = event->when.start.precision;
      keys[n_dated].index = i;
      n_dated++;
    }

  qsort (keys, n_dated, sizeof (SortKey), compare_sort_keys);

  self->sorted_first = g_new (gint64, MAX (n_dated, 1));
  self->sorted_end = g_new (gint64, MAX (n_dated, 1));
  self->sorted_max_end = g_new (gint64, MAX (n_dated, 1));
  for (guint i = 0; i < n_dated; i++)
    {
      self->events_by_time[i] = keys[i].index;
      self->sorted_first[i] = keys[i].first;
      self->sorted_end[i] = keys[i].end;
      max_end = MAX (max_end, keys[i].end);
      self->sorted_max_end[i] = max_end;
    }

  for (guint i = 0; i < n_events; i++)
    {
      const DramatisEvent *event = &g_array_index (self->events, DramatisEvent, i);

      if (!dramatis_span_is_set (&event->when))
        self->events_by_time[n_dated + n_undated++] = i;
    }

  self->n_dated_events = n_dated;
}

/* What a key function returns when an item has no more keys. */
#define END_OF_KEYS (G_MAXUINT - 1)

typedef guint (*KeyFunc) (DramatisStory *self,
                          guint          item,
                          guint          nth);

/* Builds an index from keys to items, where each item names up to a few keys
 * (the two ends of a relation, the participants of an event).  Items stay in
 * the order given.
 */
static void
build_index (DramatisStory *self,
             DramatisIndex *index,
             guint          n_keys,
             const guint   *items,
             guint          n_items,
             KeyFunc        key_func)
{
  g_autofree guint *fill = NULL;

  index->offsets = g_new0 (guint, n_keys + 1);

  for (guint i = 0; i < n_items; i++)
    {
      guint key;

      for (guint nth = 0; (key = key_func (self, items ? items[i] : i, nth)) != END_OF_KEYS; nth++)
        if (key < n_keys)
          index->offsets[key + 1]++;
    }

  for (guint k = 0; k < n_keys; k++)
    index->offsets[k + 1] += index->offsets[k];

  index->items = g_new (guint, MAX (index->offsets[n_keys], 1));
  fill = g_memdup2 (index->offsets, sizeof (guint) * (n_keys + 1));

  for (guint i = 0; i < n_items; i++)
    {
      guint item = items ? items[i] : i;
      guint key;

      for (guint nth = 0; (key = key_func (self, item, nth)) != END_OF_KEYS; nth++)
        if (key < n_keys)
          {
            /* An actor that takes part twice in one event is listed once. */
            if (fill[key] > index->offsets[key] && index->items[fill[key] - 1] == item)
              continue;
            index->items[fill[key]++] = item;
          }
    }

  /* Skipped duplicates leave gaps: close them. */
  for (guint k = 0, out = 0; k < n_keys; k++)
    {
      guint start = index->offsets[k];
      guint count = fill[k] - start;

      memmove (&index->items[out], &index->items[start], count * sizeof (guint));
      index->offsets[k] = out;
      out += count;
      if (k + 1 == n_keys)
        index->offsets[n_keys] = out;
    }
}

static guint
statement_speaker_key (DramatisStory *self,
                       guint          item,
                       guint          nth)
{
  const DramatisStatement *s = &g_array_index (self->statements, DramatisStatement, item);

  return nth == 0 ? s->speaker : END_OF_KEYS;
}

static guint
statement_event_key (DramatisStory *self,
                     guint          item,
                     guint          nth)
{
  const DramatisStatement *s = &g_array_index (self->statements, DramatisStatement, item);

  return nth == 0 ? s->event : END_OF_KEYS;
}

static guint
relation_actor_key (DramatisStory *self,
                    guint          item,
                    guint          nth)
{
  const DramatisRelation *r = &g_array_index (self->relations, DramatisRelation, item);

  if (nth == 0)
    return r->from;
  if (nth == 1)
    return r->to != r->from ? r->to : DRAMATIS_NO_INDEX;
  return END_OF_KEYS;
}

static guint
event_actor_key (DramatisStory *self,
                 guint          item,
                 guint          nth)
{
  const DramatisEvent *e = &g_array_index (self->events, DramatisEvent, item);

  return nth < e->n_participants ? e->participants[nth].actor : END_OF_KEYS;
}

static int
compare_statements_by_date (gconstpointer a,
                            gconstpointer b,
                            gpointer      user_data)
{
  DramatisStory *self = user_data;
  guint ia = *(const guint *) a;
  guint ib = *(const guint *) b;
  const DramatisStatement *sa = &g_array_index (self->statements, DramatisStatement, ia);
  const DramatisStatement *sb = &g_array_index (self->statements, DramatisStatement, ib);
  int cmp = dramatis_date_compare (&sa->date, &sb->date);

  if (cmp != 0)
    return cmp;
  return ia < ib ? -1 : ia > ib;
}

static void
build_statement_indexes (DramatisStory *self)
{
  guint n_actors = self->actors->len;

  clear_index (&self->actor_statements);
  clear_index (&self->event_statements);

  build_index (self, &self->actor_statements, n_actors, NULL, self->statements->len, statement_speaker_key);
  for (guint a = 0; a < n_actors; a++)
    {
      guint start = self->actor_statements.offsets[a];
      guint count = self->actor_statements.offsets[a + 1] - start;

      if (count > 1)
        g_qsort_with_data (&self->actor_statements.items[start], count, sizeof (guint),
                           compare_statements_by_date, self);
    }

  build_index (self, &self->event_statements, self->events->len, NULL, self->statements->len,
               statement_event_key);
}

static void
build_relation_index (DramatisStory *self)
{
  clear_index (&self->actor_relations);
  build_index (self, &self->actor_relations, self->actors->len, NULL, self->relations->len,
               relation_actor_key);
}

static gboolean
dangles (const char *id,
         guint       index)
{
  return id != NULL && index == DRAMATIS_NO_INDEX;
}

/* Whether a reference to an actor finds none. */
static gboolean
find_dangling_refs (DramatisStory *self)
{
  for (guint i = 0; i < self->actors->len; i++)
    {
      const DramatisActor *a = &g_array_index (self->actors, DramatisActor, i);

      if (dangles (a->affiliation_id, a->affiliation))
        return TRUE;
    }
  for (guint i = 0; i < self->events->len; i++)
    {
      const DramatisEvent *e = &g_array_index (self->events, DramatisEvent, i);

      for (guint j = 0; j < e->n_participants; j++)
        if (dangles (e->participants[j].actor_id, e->participants[j].actor))
          return TRUE;
    }
  for (guint i = 0; i < self->relations->len; i++)
    {
      const DramatisRelation *r = &g_array_index (self->relations, DramatisRelation, i);

      if (dangles (r->from_id, r->from) || dangles (r->to_id, r->to))
        return TRUE;
    }
  for (guint i = 0; i < self->statements->len; i++)
    {
      const DramatisStatement *s = &g_array_index (self->statements, DramatisStatement, i);

      if (dangles (s->speaker_id, s->speaker) || dangles (s->audience_id, s->audience))
        return TRUE;
      for (guint j = 0; j < s->n_about; j++)
        if (dangles (s->about_ids[j], s->about[j]))
          return TRUE;
    }

  return FALSE;
}

static void
resize_index (DramatisIndex *index,
              guint          n_before,
              guint          n_keys)
{
  guint end = index->offsets[n_before];

  index->offsets = g_renew (guint, index->offsets, n_keys + 1);
  for (guint k = n_before + 1; k <= n_keys; k++)
    index->offsets[k] = end;
}

/* Gives the indexes keyed by actor a key for each actor, after actors
 * came or went at the end and every reference to those gone was
 * forgotten: the keys gained are empty, and those lost were.
 */
void
dramatis_story_resize_actor_indexes (DramatisStory *self)
{
  guint n_actors = self->actors->len;

  g_assert (DRAMATIS_IS_STORY (self));

  resize_index (&self->actor_statements, self->n_indexed_actors, n_actors);
  resize_index (&self->actor_relations, self->n_indexed_actors, n_actors);
  resize_index (&self->actor_events, self->n_indexed_actors, n_actors);
  self->n_indexed_actors = n_actors;
}

/* Builds the indexes behind the queries, after loading or after a change to
 * the references between items.  Everything is linear in the size of the
 * story except sorting the events by time.
 */
void
dramatis_story_build_indexes (DramatisStory *self)
{
  g_assert (DRAMATIS_IS_STORY (self));

  dramatis_story_clear_indexes (self);

  build_events_by_time (self);
  self->n_indexed_actors = self->actors->len;
  self->refs_dangle = find_dangling_refs (self);
  build_statement_indexes (self);
  build_relation_index (self);
  /* Walking the events in time order leaves each actor's events sorted by time. */
  build_index (self, &self->actor_events, self->actors->len, self->events_by_time, self->events->len,
               event_actor_key);
}

/* Rebuilds only the indexes of statements, or of relations, after an edit
 * of those alone: the actors and events they point to stay where they are.
 */
void
dramatis_story_build_link_indexes (DramatisStory *self,
                                   gboolean       statements,
                                   gboolean       relations)
{
  g_assert (DRAMATIS_IS_STORY (self));

  if (statements)
    build_statement_indexes (self);
  if (relations)
    build_relation_index (self);
}

static SortKey
sort_key_of (DramatisStory *self,
             guint          index)
{
  const DramatisEvent *event = &g_array_index (self->events, DramatisEvent, index);
  SortKey key;

  key.first = dramatis_span_get_first_second (&event->when);
  key.end = dramatis_span_get_end_second (&event->when);
  key.precision = event->when.start.precision;
  key.index = index;

  return key;
}

/* Moves event @index to its place in time order after its date changed:
 * out of the order, and back in by bisection among the dated events, or
 * among the undated ones in the order of the file.
 */
static void
move_in_time_order (DramatisStory *self,
                    guint          index)
{
  guint n_events = self->events->len;
  guint *order = self->events_by_time;
  const DramatisEvent *event = &g_array_index (self->events, DramatisEvent, index);
  guint at = 0, to, lo, hi;

  while (at < n_events && order[at] != index)
    at++;
  g_assert (at < n_events);

  /* Out. */
  memmove (&order[at], &order[at + 1], (n_events - at - 1) * sizeof (guint));
  if (at < self->n_dated_events)
    {
      memmove (&self->sorted_first[at], &self->sorted_first[at + 1],
               (self->n_dated_events - at - 1) * sizeof (gint64));
      memmove (&self->sorted_end[at], &self->sorted_end[at + 1],
               (self->n_dated_events - at - 1) * sizeof (gint64));
      self->n_dated_events--;
    }

  /* In. */
  if (dramatis_span_is_set (&event->when))
    {
      SortKey key = sort_key_of (self, index);

      lo = 0;
      hi = self->n_dated_events;
      while (lo < hi)
        {
          guint mid = lo + (hi - lo) / 2;
          SortKey other = { self->sorted_first[mid], self->sorted_end[mid],
                            g_array_index (self->events, DramatisEvent, order[mid]).when.start.precision,
                            order[mid] };

          if (compare_sort_keys (&other, &key) < 0)
            lo = mid + 1;
          else
            hi = mid;
        }
      to = lo;

      self->sorted_first = g_renew (gint64, self->sorted_first, self->n_dated_events + 1);
      self->sorted_end = g_renew (gint64, self->sorted_end, self->n_dated_events + 1);
      self->sorted_max_end = g_renew (gint64, self->sorted_max_end, self->n_dated_events + 1);
      memmove (&self->sorted_first[to + 1], &self->sorted_first[to],
               (self->n_dated_events - to) * sizeof (gint64));
      memmove (&self->sorted_end[to + 1], &self->sorted_end[to],
               (self->n_dated_events - to) * sizeof (gint64));
      self->sorted_first[to] = key.first;
      self->sorted_end[to] = key.end;
      self->n_dated_events++;
    }
  else
    {
      to = self->n_dated_events;
      while (to < n_events - 1 && order[to] < index)
        to++;
    }
  memmove (&order[to + 1], &order[to], (n_events - 1 - to) * sizeof (guint));
  order[to] = index;

  /* The running maximum of the ends, from where either place was. */
  for (guint i = MIN (at, to); i < self->n_dated_events; i++)
    self->sorted_max_end[i] = i > 0 ? MAX (self->sorted_max_end[i - 1], self->sorted_end[i]) : self->sorted_end[i];
}

/* Puts event @index back in time order in the list of each actor it
 * takes part in, after its date changed and its participants did not:
 * the dated events of a list first, in the order of events_by_time, the
 * undated ones after them in the order of the file.
 */
static void
resort_in_actor_lists (DramatisStory *self,
                       guint          index)
{
  const DramatisEvent *event = &g_array_index (self->events, DramatisEvent, index);
  gboolean dated = dramatis_span_is_set (&event->when);
  SortKey key = sort_key_of (self, index);

  for (guint j = 0; j < event->n_participants; j++)
    {
      guint actor = event->participants[j].actor;
      guint *list, n, at = 0, lo, hi, n_dated;

      if (actor >= self->actors->len)
        continue;
      list = &self->actor_events.items[self->actor_events.offsets[actor]];
      n = self->actor_events.offsets[actor + 1] - self->actor_events.offsets[actor];
      while (at < n && list[at] != index)
        at++;
      /* An actor that takes part twice is listed once, and moved once. */
      if (at == n)
        continue;
      memmove (&list[at], &list[at + 1], (n - at - 1) * sizeof (guint));
      n--;

      /* The dated events come first: bisect for their end. */
      lo = 0;
      hi = n;
      while (lo < hi)
        {
          guint mid = lo + (hi - lo) / 2;

          if (dramatis_span_is_set (&g_array_index (self->events, DramatisEvent, list[mid]).when))
            lo = mid + 1;
          else
            hi = mid;
        }
      n_dated = lo;

      if (dated)
        {
          lo = 0;
          hi = n_dated;
          while (lo < hi)
            {
              guint mid = lo + (hi - lo) / 2;
              SortKey other = sort_key_of (self, list[mid]);

              if (compare_sort_keys (&other, &key) < 0)
                lo = mid + 1;
              else
                hi = mid;
            }
        }
      else
        {
          lo = n_dated;
          while (lo < n && list[lo] < index)
            lo++;
        }
      memmove (&list[lo + 1], &list[lo], (n - lo) * sizeof (guint));
      list[lo] = index;
    }
}

/* Updates the indexes after the dates or participants of @events changed,
 * and nothing came or went: each moves in the time order, and in the
 * lists of the actors' events, which follow it; when @participants
 * changed, those lists are made again.  The statements' indexes do not
 * change.
 */
void
dramatis_story_reindex_events (DramatisStory *self,
                               const guint   *events,
                               guint          n_events,
                               gboolean       participants)
{
  g_assert (DRAMATIS_IS_STORY (self));

  for (guint i = 0; i < n_events; i++)
    move_in_time_order (self, events[i]);

  if (participants)
    {
      clear_index (&self->actor_events);
      build_index (self, &self->actor_events, self->actors->len, self->events_by_time, self->events->len,
                   event_actor_key);
    }
  else
    for (guint i = 0; i < n_events; i++)
      resort_in_actor_lists (self, events[i]);
}

/**
 * dramatis_story_get_events_by_time:
 * @self: a story
 * @n_events: (out): the number of dated events
 *
 * The dated events in time order (by start, the longer first where two
 * start together).  Undated events follow the returned ones in the same
 * array, in the order of the file.
 *
 * Returns: (array length=n_events): indexes of events
 */
const guint *
dramatis_story_get_events_by_time (DramatisStory *self,
                                   guint         *n_events)
{
  g_return_val_if_fail (DRAMATIS_IS_STORY (self), NULL);
  g_return_val_if_fail (n_events != NULL, NULL);

  *n_events = self->n_dated_events;
  return self->events_by_time;
}

/**
 * dramatis_story_collect_events_in_range:
 * @self: a story
 * @first_second: start of the range, in seconds since 1970-01-01 UTC
 * @end_second: end of the range (exclusive)
 * @indices: an array of guint to append to
 *
 * Appends the events whose period overlaps the range, in time order.  The
 * search is logarithmic in the number of events, plus the events that start
 * before the range and may reach into it.
 *
 * Returns: the number of events appended
 */
guint
dramatis_story_collect_events_in_range (DramatisStory *self,
                                        gint64         first_second,
                                        gint64         end_second,
                                        GArray        *indices)
{
  guint lo, hi, begin, n_added = 0;

  g_return_val_if_fail (DRAMATIS_IS_STORY (self), 0);
  g_return_val_if_fail (indices != NULL, 0);
  g_return_val_if_fail (g_array_get_element_size (indices) == sizeof (guint), 0);

  /* The running maximum of the end is monotonic, so the first event that
   * can still be running at first_second is found by bisection.
   */
  lo = 0;
  hi = self->n_dated_events;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (self->sorted_max_end[mid] > first_second)
        hi = mid;
      else
        lo = mid + 1;
    }
  begin = lo;

  for (guint i = begin; i < self->n_dated_events && self->sorted_first[i] < end_second; i++)
    {
      guint event = self->events_by_time[i];
      const DramatisEvent *e = &g_array_index (self->events, DramatisEvent, event);

      if (dramatis_span_get_end_second (&e->when) > first_second)
        {
          g_array_append_val (indices, event);
          n_added++;
        }
    }

  return n_added;
}

static const guint *
index_lookup (const DramatisIndex *index,
              guint                key,
              guint               *n_items)
{
  *n_items = index->offsets[key + 1] - index->offsets[key];
  return &index->items[index->offsets[key]];
}

/**
 * dramatis_story_get_actor_statements:
 * @self: a story
 * @actor: index of an actor
 * @n_statements: (out): the number of statements
 *
 * Returns: (array length=n_statements): what @actor said, by date
 */
const guint *
dramatis_story_get_actor_statements (DramatisStory *self,
                                     guint          actor,
                                     guint         *n_statements)
{
  g_return_val_if_fail (DRAMATIS_IS_STORY (self), NULL);
  g_return_val_if_fail (actor < self->actors->len, NULL);
  g_return_val_if_fail (n_statements != NULL, NULL);

  return index_lookup (&self->actor_statements, actor, n_statements);
}

/**
 * dramatis_story_get_actor_relations:
 * @self: a story
 * @actor: index of an actor
 * @n_relations: (out): the number of relations
 *
 * Returns: (array length=n_relations): the relations from or to @actor
 */
const guint *
dramatis_story_get_actor_relations (DramatisStory *self,
                                    guint          actor,
                                    guint         *n_relations)
{
  g_return_val_if_fail (DRAMATIS_IS_STORY (self), NULL);
  g_return_val_if_fail (actor < self->actors->len, NULL);
  g_return_val_if_fail (n_relations != NULL, NULL);

  return index_lookup (&self->actor_relations, actor, n_relations);
}

/**
 * dramatis_story_get_actor_events:
 * @self: a story
 * @actor: index of an actor
 * @n_events: (out): the number of events
 *
 * Returns: (array length=n_events): the events @actor takes part in, dated
 *   ones in time order first
 */
const guint *
dramatis_story_get_actor_events (DramatisStory *self,
                                 guint          actor,
                                 guint         *n_events)
{
  g_return_val_if_fail (DRAMATIS_IS_STORY (self), NULL);
  g_return_val_if_fail (actor < self->actors->len, NULL);
  g_return_val_if_fail (n_events != NULL, NULL);

  return index_lookup (&self->actor_events, actor, n_events);
}

/**
 * dramatis_story_get_actor_neighbours:
 * @self: a story
 * @actor: index of an actor
 *
 * Returns: (transfer full) (element-type guint): the actors related to
 *   @actor, each once, in the order their first relation appears
 */
GArray *
dramatis_story_get_actor_neighbours (DramatisStory *self,
                                     guint          actor)
{
  g_autoptr(GHashTable) seen = NULL;
  GArray *neighbours;
  const guint *relations;
  guint n_relations;

  g_return_val_if_fail (DRAMATIS_IS_STORY (self), NULL);
  g_return_val_if_fail (actor < self->actors->len, NULL);

  relations = index_lookup (&self->actor_relations, actor, &n_relations);
  neighbours = g_array_sized_new (FALSE, FALSE, sizeof (guint), n_relations);
  seen = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < n_relations; i++)
    {
      const DramatisRelation *r = &g_array_index (self->relations, DramatisRelation, relations[i]);
      guint other = r->from == actor ? r->to : r->from;

      if (other == DRAMATIS_NO_INDEX || other == actor)
        continue;
      if (g_hash_table_add (seen, GUINT_TO_POINTER (other + 1)))
        g_array_append_val (neighbours, other);
    }

  return neighbours;
}

/**
 * dramatis_story_get_event_statements:
 * @self: a story
 * @event: index of an event
 * @n_statements: (out): the number of statements
 *
 * Returns: (array length=n_statements): the statements made at @event
 */
const guint *
dramatis_story_get_event_statements (DramatisStory *self,
                                     guint          event,
                                     guint         *n_statements)
{
  g_return_val_if_fail (DRAMATIS_IS_STORY (self), NULL);
  g_return_val_if_fail (event < self->events->len, NULL);
  g_return_val_if_fail (n_statements != NULL, NULL);

  return index_lookup (&self->event_statements, event, n_statements);
}

/**
 * dramatis_story_get_time_bounds:
 * @self: a story
 * @first_second: (out) (optional): the start of the earliest event
 * @end_second: (out) (optional): the end of the latest event
 *
 * Returns: %FALSE if no event has a date
 */
gboolean
dramatis_story_get_time_bounds (DramatisStory *self,
                                gint64        *first_second,
                                gint64        *end_second)
{
  g_return_val_if_fail (DRAMATIS_IS_STORY (self), FALSE);

  if (self->n_dated_events == 0)
    return FALSE;

  if (first_second)
    *first_second = self->sorted_first[0];
  if (end_second)
    *end_second = self->sorted_max_end[self->n_dated_events - 1];

  return TRUE;
}
