/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "dramatis-graph-layout"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "dramatis-graph-layout.h"
#include "dramatis-graph-layout-private.h"

/* The layout minimises stress: the squared relative error between distances
 * in the drawing and distances in the graph, which is what readers judge a
 * network drawing by.  Exact stress needs the distances between all pairs
 * of nodes, which is quadratic; each connected component is instead drawn
 * against a sample of landmarks:
 *
 * 1. Breadth-first search from up to N_LANDMARKS random landmarks gives
 *    every node its distances to them.  A component no larger than that
 *    uses all its nodes, and so exact stress.
 * 2. PivotMDS (Brandes and Pich, 2006) on the first landmarks gives the
 *    global shape, with no random start to escape.
 * 3. The landmarks are laid out among themselves by stochastic gradient
 *    descent on their stress (Zheng, Pawar and Goodman, 2018), which finds
 *    better minima than majorization does.  One step is one epoch.
 * 4. Every other node then finds its place against the landmarks, which
 *    hold still, by Newton steps on its stress; landmarks settle by stress
 *    majorization (Gansner, Koren and North, 2004).  Steps cover a bounded
 *    number of terms so that a frame stays short.
 * 5. Halfway through the sweeps and after them, the drawing grows until
 *    most nodes have room for their boxes; components are packed, and the
 *    last steps push apart the boxes that still overlap.
 *
 * Stress alone draws communities mixed together: in a small-world graph,
 * nodes of one community are barely closer in the graph than those of two.
 * So communities are found first (Louvain: Blondel et al., 2008), and when
 * the graph has clear ones, distances inside a community are asked to be
 * shorter than the graph says.  That keeps communities together at a small
 * cost in stress.
 *
 * tests/bench-layout.c compares this with Graphviz sfdp.  Of igraph 0.10's
 * layouts, Fruchterman–Reingold with a grid took as long as this on the
 * same graphs of 10,000 nodes and drew them with more stress and less
 * separated communities than sfdp does; DrL, LGL and UMAP took from half a
 * minute to two.
 */

/* This file holds the layout object, its public API and the order of the
 * steps.  The steps themselves live in dramatis-stress-layout.c (1, 3 and
 * 4), dramatis-pivot-mds.c (2), dramatis-overlap-removal.c and
 * dramatis-component-packing.c (5), and dramatis-communities.c, so that
 * each can be read on its own.
 */

/* Graph distance 1 in logical pixels, unless nodes are larger than that. */
#define DEFAULT_EDGE_LENGTH 100.0
/* A node with no size of its own is a disc of this diameter. */
#define DEFAULT_NODE_SIZE   20.0
#define N_SWEEPS            14
/* Terms evaluated in one step: a few milliseconds. */
#define STEP_WORK           700000
/* Sweeps end early once nodes move less than this on average, in edge
 * lengths.
 */
#define SETTLED_MOVEMENT    0.002
#define MAX_OVERLAP_SWEEPS  200
/* For a graph whose communities are as clear as modularity can say: how
 * much shorter distances inside a community are asked to be, and how much
 * less those terms weigh.  A shortened distance is a wish rather than a
 * measure, and if it pulled as hard as the true distances between
 * communities, it would cost more stress for less separation (measured on
 * the clustered graph of tests/bench-layout.c).
 */
#define COMMUNITY_LENGTH    0.65
#define COMMUNITY_WEIGHT    0.5
/* Below this modularity, communities are the weak ones that every sparse
 * random graph has; above the second, as clear as planted ones.
 */
#define MODULARITY_LOW      0.5
#define MODULARITY_HIGH     0.75
/* Louvain ends in a different local optimum for each order of the nodes,
 * sometimes with two communities merged; the best of a few runs rarely
 * is.
 */
#define LOUVAIN_RUNS        4

int
dramatis_graph_layout_compare_uints (const void *a,
                                     const void *b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  return x < y ? -1 : x > y;
}

int
dramatis_graph_layout_compare_doubles (const void *a,
                                       const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

void
dramatis_graph_layout_shuffle_uints (GRand *rand,
                                     guint *values,
                                     guint  n)
{
  for (guint i = n; i > 1; i--)
    {
      guint j = g_rand_int_range (rand, 0, i);
      guint t = values[i - 1];

      values[i - 1] = values[j];
      values[j] = t;
    }
}

static void
clear_start (DramatisGraphLayout *self)
{
  for (guint c = 0; c < self->n_components; c++)
    {
      g_free (self->components[c].landmarks);
      g_free (self->components[c].distances);
      g_free (self->components[c].pairs);
      g_free (self->components[c].terms);
      g_free (self->components[c].landmark_x);
      g_free (self->components[c].landmark_y);
      g_free (self->components[c].landmark_community);
    }
  g_clear_pointer (&self->components, g_free);
  g_clear_pointer (&self->order, g_free);
  g_clear_pointer (&self->local, g_free);
  g_clear_pointer (&self->community, g_free);
  g_clear_pointer (&self->rand, g_rand_free);
  self->n_components = 0;
}

/* Nodes larger than the default get longer edges, so that labels have room
 * without the overlap removal having to tear the drawing apart.
 */
static double
choose_edge_length (DramatisGraphLayout *self)
{
  g_autofree double *extents = NULL;
  double median;

  if (self->n_nodes == 0)
    return DEFAULT_EDGE_LENGTH;

  extents = g_new (double, self->n_nodes);
  for (guint i = 0; i < self->n_nodes; i++)
    extents[i] = MAX (self->sizes[2 * i], self->sizes[2 * i + 1]);
  qsort (extents, self->n_nodes, sizeof (double), dramatis_graph_layout_compare_doubles);
  median = extents[self->n_nodes / 2];

  return MAX (DEFAULT_EDGE_LENGTH, median + NODE_GAP);
}

/* After positions were given by hand: a component with one stays where it
 * is when the others are packed, and one with a pinned node is not spread.
 */
static void
update_pinned (DramatisGraphLayout *self)
{
  for (guint c = 0; c < self->n_components; c++)
    {
      Component *comp = &self->components[c];

      comp->has_pinned = FALSE;
      for (guint k = comp->first; k < comp->first + comp->n_nodes; k++)
        {
          comp->has_pinned |= (self->flags[self->order[k]] & NODE_PINNED) != 0;
          comp->anchored |= (self->flags[self->order[k]] & NODE_HAS_POSITION) != 0;
        }
    }
}

/* After a change by hand, only the sweeps run again: the drawing moves
 * around the change instead of starting over.
 */
static void
resume (DramatisGraphLayout *self)
{
  if (self->state == STATE_NEW)
    return;

  update_pinned (self);
  self->state = STATE_SWEEPS;
  self->sweep = N_SWEEPS / 2 + 1;
  self->cursor = 0;
  self->moved = 0;
  self->n_moved = 0;
}

/* Public API */

/**
 * dramatis_graph_layout_new:
 * @n_nodes: the number of nodes
 * @edges: (array length=n_edges): two node indices per edge
 * @n_edges: the number of edges
 * @seed: chooses among drawings of the same graph
 *
 * Creates a layout of a graph.  Edges are undirected; loops and repeated
 * edges do not count.  Nodes start as discs of 20 pixels, with no position.
 *
 * Returns: (transfer full): a new layout, or %NULL if an edge names a node
 *   that does not exist
 */
DramatisGraphLayout *
dramatis_graph_layout_new (guint        n_nodes,
                           const guint *edges,
                           guint        n_edges,
                           guint32      seed)
{
  DramatisGraphLayout *self;
  g_autofree guint *fill = NULL;
  guint m = 0;

  g_return_val_if_fail (edges != NULL || n_edges == 0, NULL);
  g_return_val_if_fail (n_nodes < G_MAXUINT / 2 && n_edges < G_MAXUINT / 2, NULL);
  for (guint e = 0; e < n_edges; e++)
    g_return_val_if_fail (edges[2 * e] < n_nodes && edges[2 * e + 1] < n_nodes, NULL);

  self = g_new0 (DramatisGraphLayout, 1);
  self->n_nodes = n_nodes;
  self->seed = seed;
  self->edge_length = DEFAULT_EDGE_LENGTH;
  self->positions = g_new0 (double, 2 * (gsize) n_nodes);
  self->sizes = g_new (double, 2 * (gsize) n_nodes);
  self->flags = g_new0 (guint8, MAX (n_nodes, 1));
  for (guint i = 0; i < 2 * n_nodes; i++)
    self->sizes[i] = DEFAULT_NODE_SIZE;

  /* Adjacency lists, sorted and without repeats. */
  self->offsets = g_new0 (guint, n_nodes + 1);
  for (guint e = 0; e < n_edges; e++)
    if (edges[2 * e] != edges[2 * e + 1])
      {
        self->offsets[edges[2 * e] + 1]++;
        self->offsets[edges[2 * e + 1] + 1]++;
      }
  for (guint i = 0; i < n_nodes; i++)
    self->offsets[i + 1] += self->offsets[i];
  self->adjacency = g_new (guint, MAX (self->offsets[n_nodes], 1));
  fill = g_memdup2 (self->offsets, (n_nodes + 1) * sizeof (guint));
  for (guint e = 0; e < n_edges; e++)
    {
      guint a = edges[2 * e], b = edges[2 * e + 1];

      if (a == b)
        continue;
      self->adjacency[fill[a]++] = b;
      self->adjacency[fill[b]++] = a;
    }
  for (guint i = 0; i < n_nodes; i++)
    {
      guint start = self->offsets[i], end = self->offsets[i + 1];

      qsort (self->adjacency + start, end - start, sizeof (guint),
             dramatis_graph_layout_compare_uints);
      self->offsets[i] = m;
      for (guint e = start; e < end; e++)
        if (e == start || self->adjacency[e] != self->adjacency[e - 1])
          self->adjacency[m++] = self->adjacency[e];
    }
  self->offsets[n_nodes] = m;

  return self;
}

/**
 * dramatis_graph_layout_new_for_story:
 * @story: a story
 * @seed: chooses among drawings of the same network
 *
 * Creates a layout of the actor network of @story: one node per actor, in
 * the story's order, and an edge for each relation between two resolved
 * actors.  Actors with a stored position start there, and pinned ones stay
 * there.  Each node's box is guessed from the length of the actor's name;
 * a view that measures its labels should set the real sizes before
 * dramatis_graph_layout_start().
 *
 * Returns: (transfer full): a new layout
 */
DramatisGraphLayout *
dramatis_graph_layout_new_for_story (DramatisStory *story,
                                     guint32        seed)
{
  g_autoptr(GArray) edges = g_array_new (FALSE, FALSE, sizeof (guint));
  DramatisGraphLayout *self;
  guint n_actors;

  g_return_val_if_fail (DRAMATIS_IS_STORY (story), NULL);

  n_actors = dramatis_story_get_n_actors (story);
  for (guint r = 0; r < dramatis_story_get_n_relations (story); r++)
    {
      const DramatisRelation *relation = dramatis_story_get_relation (story, r);

      if (relation->from >= n_actors || relation->to >= n_actors)
        continue;
      g_array_append_val (edges, relation->from);
      g_array_append_val (edges, relation->to);
    }

  self = dramatis_graph_layout_new (n_actors, (const guint *) edges->data, edges->len / 2, seed);

  for (guint a = 0; a < n_actors; a++)
    {
      const DramatisActor *actor = dramatis_story_get_actor (story, a);
      glong n_chars = g_utf8_strlen (dramatis_actor_get_label (actor), -1);

      /* A disc with the name under it, at about 7 pixels a character in
       * the default 10 pt interface font.
       */
      dramatis_graph_layout_set_node_size (self, a,
                                           MAX (DEFAULT_NODE_SIZE, 7.0 * n_chars + 8),
                                           DEFAULT_NODE_SIZE + 20);
      if (actor->has_position)
        dramatis_graph_layout_set_position (self, a, actor->x, actor->y, actor->pinned);
    }

  return self;
}

/**
 * dramatis_graph_layout_set_node_size:
 * @self: a layout
 * @node: a node
 * @width: the width of its box, label included, in pixels
 * @height: the height of its box
 *
 * Sets the box that no other node's box may overlap once the layout has
 * settled.  For a disc of radius r, give 2r and 2r.  Sizes set before
 * dramatis_graph_layout_start() also set the length of edges.
 */
void
dramatis_graph_layout_set_node_size (DramatisGraphLayout *self,
                                     guint                node,
                                     double               width,
                                     double               height)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (node < self->n_nodes);
  g_return_if_fail (isfinite (width) && isfinite (height) && width >= 0 && height >= 0);

  self->sizes[2 * node] = width;
  self->sizes[2 * node + 1] = height;
  if (self->state == STATE_SETTLED)
    resume (self);
}

/**
 * dramatis_graph_layout_set_position:
 * @self: a layout
 * @node: a node
 * @x: the x of its centre, in pixels
 * @y: the y of its centre
 * @pinned: whether the layout must leave it there
 *
 * Puts @node at (@x, @y).  Before dramatis_graph_layout_start(), an
 * unpinned position is where the node starts, and the rest of its
 * component is turned to fit the given positions.  After it, as when the
 * user drags a node, the layout goes on refining around the new position.
 */
void
dramatis_graph_layout_set_position (DramatisGraphLayout *self,
                                    guint                node,
                                    double               x,
                                    double               y,
                                    gboolean             pinned)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (node < self->n_nodes);
  g_return_if_fail (isfinite (x) && isfinite (y));

  self->positions[2 * node] = x;
  self->positions[2 * node + 1] = y;
  self->flags[node] |= NODE_HAS_POSITION;
  if (pinned)
    self->flags[node] |= NODE_PINNED;
  else
    self->flags[node] &= ~NODE_PINNED;

  if (self->state != STATE_LANDMARKS)
    resume (self);
  else
    update_pinned (self);
}

/**
 * dramatis_graph_layout_unpin_all:
 * @self: a layout
 *
 * Lets every node move again.  Their positions stay where they are.
 */
void
dramatis_graph_layout_unpin_all (DramatisGraphLayout *self)
{
  g_return_if_fail (self != NULL);

  for (guint i = 0; i < self->n_nodes; i++)
    self->flags[i] &= ~NODE_PINNED;
  if (self->state == STATE_SETTLED)
    resume (self);
  else
    update_pinned (self);
}

/**
 * dramatis_graph_layout_start:
 * @self: a layout
 *
 * Places every node that has no position: each connected component by
 * PivotMDS, turned to fit the positions given in it, and the components
 * with none packed beside the others.  Calling it again starts over from
 * the given positions.  This is the expensive part of a layout, a quarter
 * of a second for 10,000 nodes (breadth-first searches from 600 landmarks,
 * and communities); a view should run it in a thread for large graphs.
 * The steps that follow are cheap.
 */
void
dramatis_graph_layout_start (DramatisGraphLayout *self)
{
  g_autofree guint *queue = NULL;
  guint n, placed = 0;
  double modularity;

  g_return_if_fail (self != NULL);

  n = self->n_nodes;
  clear_start (self);
  self->rand = g_rand_new_with_seed (self->seed);
  self->edge_length = choose_edge_length (self);
  self->state = STATE_LANDMARKS;
  self->epoch = 0;
  self->sweep = 0;
  self->cursor = 0;
  self->moved = 0;
  self->n_moved = 0;

  for (guint i = 0; i < n; i++)
    self->flags[i] &= ~NODE_LANDMARK;
  self->order = g_new (guint, MAX (n, 1));
  self->local = g_new (guint, MAX (n, 1));
  self->community = g_new (guint, MAX (n, 1));
  self->components = g_new0 (Component, MAX (n, 1));
  queue = g_new (guint, MAX (n, 1));

  /* Clear communities make distances inside them shorter; a graph with
   * none, or with the weak ones every random graph has, is drawn by its
   * distances alone.
   */
  modularity = dramatis_communities_find (self, self->community);
  if (modularity > MODULARITY_LOW - 0.1)
    {
      g_autofree guint *other = g_new (guint, MAX (n, 1));

      for (guint run = 1; run < LOUVAIN_RUNS; run++)
        {
          double other_modularity = dramatis_communities_find (self, other);

          if (other_modularity > modularity)
            {
              modularity = other_modularity;
              memcpy (self->community, other, n * sizeof (guint));
            }
        }
    }
  {
    double clarity = (modularity - MODULARITY_LOW) / (MODULARITY_HIGH - MODULARITY_LOW);

    clarity = CLAMP (clarity, 0, 1);

    self->community_length = 1.0 - (1.0 - COMMUNITY_LENGTH) * clarity;
    self->community_weight = 1.0 - (1.0 - COMMUNITY_WEIGHT) * clarity;
    g_debug ("modularity %.3f: inside communities, lengths × %.2f, weights × %.2f",
             modularity, self->community_length, self->community_weight);
  }

  /* Connected components in the order of their first node, by
   * breadth-first search; local[] doubles as the mark of nodes seen.
   */
  for (guint i = 0; i < n; i++)
    self->local[i] = G_MAXUINT;
  for (guint s = 0; s < n; s++)
    {
      Component *c;
      guint head = placed, n_given = 0;

      if (self->local[s] != G_MAXUINT)
        continue;

      c = &self->components[self->n_components++];
      c->first = placed;
      self->local[s] = 0;
      self->order[placed++] = s;
      while (head < placed)
        {
          guint v = self->order[head++];

          if (self->flags[v] & NODE_HAS_POSITION)
            n_given++;
          c->has_pinned |= (self->flags[v] & NODE_PINNED) != 0;
          for (guint e = self->offsets[v]; e < self->offsets[v + 1]; e++)
            {
              guint w = self->adjacency[e];

              if (self->local[w] == G_MAXUINT)
                {
                  self->local[w] = placed - c->first;
                  self->order[placed++] = w;
                }
            }
        }
      c->n_nodes = placed - c->first;
      c->anchored = n_given > 0;
      c->all_given = n_given == c->n_nodes;
    }

  for (guint ci = 0; ci < self->n_components; ci++)
    {
      Component *c = &self->components[ci];

      if (c->n_nodes == 1)
        {
          guint v = self->order[c->first];

          c->n_landmarks = 1;
          c->landmarks = g_new (guint, 1);
          c->landmarks[0] = v;
          c->distances = g_new0 (guint16, 1);
          c->weight = 1;
          if (!c->anchored)
            self->positions[2 * v] = self->positions[2 * v + 1] = 0;
          continue;
        }

      dramatis_stress_layout_prepare_component (self, c, queue);
    }

  /* Components placed by hand and lone nodes need no epochs, and a graph
   * of one node or none is settled at once.
   */
  self->state = n < 2 ? STATE_SETTLED : STATE_SWEEPS;
  for (guint ci = 0; ci < self->n_components; ci++)
    if (!self->components[ci].all_given && self->components[ci].n_landmarks > 1)
      self->state = STATE_LANDMARKS;

  dramatis_component_packing_pack (self);
}

/**
 * dramatis_graph_layout_step:
 * @self: a layout
 *
 * Moves the nodes once towards lower stress, calling
 * dramatis_graph_layout_start() first if needed.  A step takes a few
 * milliseconds whatever the size of the graph, so a view can call it once
 * a frame.  The last steps make room for the nodes' boxes and push apart
 * those that still overlap.
 *
 * Returns: %TRUE if more steps would still move nodes, %FALSE once settled
 */
gboolean
dramatis_graph_layout_step (DramatisGraphLayout *self)
{
  guint work = 0;

  g_return_val_if_fail (self != NULL, FALSE);

  switch (self->state)
    {
    case STATE_NEW:
      dramatis_graph_layout_start (self);
      return dramatis_graph_layout_step (self);

    case STATE_LANDMARKS:
      dramatis_stress_layout_landmark_epoch (self);
      if (++self->epoch >= N_EPOCHS)
        self->state = STATE_SWEEPS;
      return TRUE;

    case STATE_SWEEPS:
      break;

    case STATE_GROW:
      dramatis_overlap_removal_grow (self);
      self->state = STATE_SWEEPS;
      return TRUE;

    case STATE_PACK:
      dramatis_overlap_removal_make_room (self);
      self->state = STATE_OVERLAPS;
      self->overlap_sweep = 0;
      self->cell = self->n_nodes > 0 ? dramatis_overlap_removal_typical_extent (self) : 1.0;
      return TRUE;

    case STATE_OVERLAPS:
      /* A pass costs about as much as a term per node. */
      for (guint pass = 0; pass < MAX (1, STEP_WORK / 50 / MAX (self->n_nodes, 1)); pass++)
        if (dramatis_overlap_removal_push_apart (self) == 0
            || ++self->overlap_sweep >= MAX_OVERLAP_SWEEPS)
          {
            self->state = STATE_SETTLED;
            return FALSE;
          }
      return TRUE;

    case STATE_SETTLED:
    default:
      return FALSE;
    }

  while (work < STEP_WORK)
    {
      guint ci, k;

      if (self->cursor == 0)
        {
          self->moved = 0;
          self->n_moved = 0;
        }

      /* Find the component of the node under the cursor. */
      for (ci = 0; ci + 1 < self->n_components; ci++)
        if (self->components[ci + 1].first > self->cursor)
          break;

      if (ci < self->n_components && self->components[ci].n_nodes > 1)
        dramatis_stress_layout_gather_landmarks (self, &self->components[ci]);
      for (k = self->cursor; k < self->n_nodes && work < STEP_WORK; k++)
        {
          const Component *c;
          guint i = self->order[k];

          while (k >= self->components[ci].first + self->components[ci].n_nodes)
            {
              ci++;
              if (self->components[ci].n_nodes > 1)
                dramatis_stress_layout_gather_landmarks (self, &self->components[ci]);
            }
          c = &self->components[ci];
          if (c->n_nodes < 2 || (self->flags[i] & NODE_PINNED))
            continue;
          if (self->sweep == 0 && !c->all_given
              && !(self->flags[i] & (NODE_HAS_POSITION | NODE_LANDMARK)))
            work += dramatis_stress_layout_choose_start (self, c, i);
          work += dramatis_stress_layout_place_node (self, c, i);
        }
      self->cursor = k;

      if (self->cursor == self->n_nodes)
        {
          double mean = self->n_moved ? self->moved / self->n_moved / self->edge_length : 0;

          self->cursor = 0;
          self->sweep++;
          if (self->sweep >= N_SWEEPS || (self->sweep > 1 && mean < SETTLED_MOVEMENT))
            {
              self->state = STATE_PACK;
              break;
            }
          if (self->sweep == N_SWEEPS / 2)
            {
              self->state = STATE_GROW;
              break;
            }
        }
    }

  return TRUE;
}

/**
 * dramatis_graph_layout_run:
 * @self: a layout
 *
 * Lays the graph out in one go: starts if needed, then steps until the
 * layout settles.
 */
void
dramatis_graph_layout_run (DramatisGraphLayout *self)
{
  g_return_if_fail (self != NULL);

  while (dramatis_graph_layout_step (self))
    ;
}

/**
 * dramatis_graph_layout_get_positions:
 * @self: a layout
 * @n_nodes: (out) (optional): the number of nodes
 *
 * Returns: (array) (transfer none): x and y of each node's centre, in
 *   logical pixels, valid until the next call that changes the layout
 */
const double *
dramatis_graph_layout_get_positions (DramatisGraphLayout *self,
                                     guint               *n_nodes)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (n_nodes != NULL)
    *n_nodes = self->n_nodes;

  return self->positions;
}

/**
 * dramatis_graph_layout_free:
 * @self: (transfer full) (nullable): a layout
 */
void
dramatis_graph_layout_free (DramatisGraphLayout *self)
{
  if (self == NULL)
    return;

  clear_start (self);
  g_free (self->offsets);
  g_free (self->adjacency);
  g_free (self->positions);
  g_free (self->sizes);
  g_free (self->flags);
  g_free (self);
}
