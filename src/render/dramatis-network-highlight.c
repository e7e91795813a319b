/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "dramatis-network"

#include "config.h"

#include <string.h>

#include "dramatis-network-private.h"

/* What the selection lights up over the dimmed rest of the network. */

static void
highlight_actor (DramatisNetwork *self,
                 guint            actor)
{
  if (actor < self->n_actors)
    self->highlight.actors[actor] = 1;
}

static int
compare_uint (gconstpointer a,
              gconstpointer b)
{
  guint ia = *(const guint *) a;
  guint ib = *(const guint *) b;

  return ia < ib ? -1 : ia > ib;
}

static int
compare_rank_desc (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  const guint *rank = user_data;
  guint ra = rank[*(const guint *) a];
  guint rb = rank[*(const guint *) b];

  return ra > rb ? -1 : ra < rb;
}

/* What the selection lights up: a selected actor with its neighbours and
 * their relations, a selected relation and its two actors, a selected
 * event's participants and the relations among them, a statement's
 * speaker, audience and subjects.
 */
void
dramatis_network_ensure_highlight (DramatisNetwork    *self,
                                   const DramatisItem *item)
{
  Highlight *h = &self->highlight;
  const guint *relations;
  guint n;

  if (h->valid && dramatis_item_equal (&h->item, item))
    return;

  h->valid = TRUE;
  h->item = *item;
  h->extra_valid = FALSE;
  h->accent_relation = DRAMATIS_NO_INDEX;
  h->selected_actor = DRAMATIS_NO_INDEX;
  memset (h->actors, 0, MAX (self->n_actors, 1));
  g_array_set_size (h->actor_list, 0);
  g_array_set_size (h->relations, 0);

  switch (item->kind)
    {
    case DRAMATIS_ITEM_ACTOR:
      if (item->index >= self->n_actors)
        break;
      h->selected_actor = item->index;
      highlight_actor (self, item->index);
      relations = dramatis_story_get_actor_relations (self->story, item->index, &n);
      for (guint i = 0; i < n; i++)
        {
          const Edge *edge = &self->edges[relations[i]];

          if (!edge->valid)
            continue;
          highlight_actor (self, edge->from);
          highlight_actor (self, edge->to);
          g_array_append_val (h->relations, relations[i]);
        }
      break;

    case DRAMATIS_ITEM_RELATION:
      if (item->index >= self->n_relations || !self->edges[item->index].valid)
        break;
      h->accent_relation = item->index;
      highlight_actor (self, self->edges[item->index].from);
      highlight_actor (self, self->edges[item->index].to);
      g_array_append_val (h->relations, item->index);
      break;

    case DRAMATIS_ITEM_EVENT:
      if (item->index >= dramatis_story_get_n_events (self->story))
        break;
      {
        const DramatisEvent *event = dramatis_story_get_event (self->story, item->index);

        for (guint i = 0; i < event->n_participants; i++)
          highlight_actor (self, event->participants[i].actor);
        for (guint i = 0; i < event->n_participants; i++)
          {
            guint actor = event->participants[i].actor;

            if (actor >= self->n_actors)
              continue;
            relations = dramatis_story_get_actor_relations (self->story, actor, &n);
            for (guint j = 0; j < n; j++)
              {
                const Edge *edge = &self->edges[relations[j]];

                /* Each relation once: from the end that is its "from". */
                if (edge->valid && edge->from == actor && h->actors[edge->to])
                  g_array_append_val (h->relations, relations[j]);
              }
          }
      }
      break;

    case DRAMATIS_ITEM_STATEMENT:
      if (item->index >= dramatis_story_get_n_statements (self->story))
        break;
      {
        const DramatisStatement *statement = dramatis_story_get_statement (self->story,
                                                                           item->index);

        highlight_actor (self, statement->speaker);
        highlight_actor (self, statement->audience);
        for (guint i = 0; i < statement->n_about; i++)
          highlight_actor (self, statement->about[i]);
      }
      break;

    case DRAMATIS_ITEM_NONE:
    default:
      break;
    }

  for (guint a = 0; a < self->n_actors; a++)
    if (h->actors[a])
      g_array_append_val (h->actor_list, a);
  g_array_sort_with_data (h->actor_list, compare_rank_desc, self->rank);
  g_array_sort (h->relations, compare_uint);
  for (guint i = 1; i < h->relations->len;)
    if (g_array_index (h->relations, guint, i) == g_array_index (h->relations, guint, i - 1))
      g_array_remove_index (h->relations, i);
    else
      i++;
}

gboolean
dramatis_network_highlight_is_empty (DramatisNetwork *self)
{
  return self->highlight.actor_list->len == 0 && self->highlight.relations->len == 0;
}

/* How many items the highlight lights: its actors, then its relations. */
guint
dramatis_network_highlight_get_n_lit (DramatisNetwork *self)
{
  return self->highlight.actor_list->len + self->highlight.relations->len;
}

/* The id of the label of the @i-th lit item (see label_of). */
guint
dramatis_network_highlight_get_lit (DramatisNetwork *self,
                                    guint            i)
{
  Highlight *h = &self->highlight;

  if (i < h->actor_list->len)
    return g_array_index (h->actor_list, guint, i);
  return self->n_actors + g_array_index (h->relations, guint, i - h->actor_list->len);
}
