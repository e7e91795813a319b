/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "dramatis-graph-layout.h"

G_BEGIN_DECLS

/* The state of a graph layout and the steps that work on it, shared by
 * the files of the layout and private to the render layer.  The top of
 * dramatis-graph-layout.c describes the method as a whole.
 */

/* Space kept between the boxes of two nodes. */
#define NODE_GAP            8.0
/* Each landmark costs a breadth-first search and a term per node; more
 * than 600 barely lowered stress on the graphs of 10,000 nodes of
 * tests/bench-layout.c.
 */
#define N_LANDMARKS         600
#define N_EPOCHS            30

typedef enum
{
  NODE_PINNED       = 1 << 0,
  NODE_HAS_POSITION = 1 << 1,
  NODE_LANDMARK     = 1 << 2,
} NodeFlags;

/* What the next step does.  Each takes a few milliseconds at most. */
typedef enum
{
  STATE_NEW,
  STATE_LANDMARKS,    /* one epoch of the landmarks */
  STATE_SWEEPS,       /* part of a sweep over the nodes */
  STATE_GROW,         /* halfway through the sweeps: room for the boxes */
  STATE_PACK,         /* after the sweeps: room again, and packing */
  STATE_OVERLAPS,     /* one pass of pushing boxes apart */
  STATE_SETTLED,
} State;

typedef struct
{
  guint     first;        /* into order[] */
  guint     n_nodes;
  /* A component with a node whose position was given stays where the user
   * put it; the others are packed around it.
   */
  gboolean  anchored;
  gboolean  has_pinned;
  /* Every node was given a position: refine, do not start over. */
  gboolean  all_given;

  guint     n_landmarks;
  guint    *landmarks;
  /* The distance from each node of the component (by local index) to each
   * landmark, n_nodes × n_landmarks.
   */
  guint16  *distances;
  guint     max_distance; /* between landmarks */
  /* Each landmark term stands for n_nodes / n_landmarks pairs. */
  double    weight;
  /* By graph distance d up to the farthest, four numbers: the weight of a
   * landmark term between communities and inside one, and the lengths it
   * asks for.
   */
  float    *terms;
  guint     farthest;
  /* The landmarks' positions as the current step began, side by side for
   * the cache, and their communities.
   */
  float    *landmark_x;
  float    *landmark_y;
  guint    *landmark_community;
  /* Pairs of landmarks (a << 16 | b) in the order of the current epoch. */
  guint32  *pairs;
  guint     n_pairs;
} Component;

G_STATIC_ASSERT (N_LANDMARKS <= 1 << 16);

struct _DramatisGraphLayout
{
  guint      n_nodes;
  guint     *offsets;      /* neighbours of i: adjacency[offsets[i] .. offsets[i + 1]) */
  guint     *adjacency;
  double    *positions;    /* x, y of each node's centre */
  double    *sizes;        /* width, height of each node's box */
  guint8    *flags;
  guint32    seed;

  State      state;
  double     edge_length;
  GRand     *rand;

  /* Filled by dramatis_graph_layout_start(). */
  guint     *order;        /* the nodes, grouped by component */
  guint     *local;        /* index of each node in its component */
  guint     *community;
  double     community_length;
  double     community_weight;
  Component *components;
  guint      n_components;

  guint      epoch;
  guint      sweep;
  guint      overlap_sweep;
  double     cell;         /* of the grid that finds overlaps */
  guint      cursor;       /* into order[] during a sweep */
  double     moved;        /* during this sweep, in pixels */
  guint      n_moved;
};

/* The length asked of the pair (i, j) at graph distance @distance. */
static inline double
target_length (DramatisGraphLayout *self,
               guint                i,
               guint                j,
               double               distance)
{
  double length = distance * self->edge_length;

  return self->community[i] == self->community[j] ? length * self->community_length : length;
}

/* Helpers */
int     dramatis_graph_layout_compare_uints      (const void          *a,
                                                  const void          *b);
int     dramatis_graph_layout_compare_doubles    (const void          *a,
                                                  const void          *b);
void    dramatis_graph_layout_shuffle_uints      (GRand               *rand,
                                                  guint               *values,
                                                  guint                n);

/* Communities */
double  dramatis_communities_find                (DramatisGraphLayout *self,
                                                  guint               *community);

/* The first placement, by PivotMDS */
void    dramatis_pivot_mds_place                 (DramatisGraphLayout *self,
                                                  const Component     *c,
                                                  double              *xs,
                                                  double              *ys);
void    dramatis_pivot_mds_align_to_given        (DramatisGraphLayout *self,
                                                  const Component     *c,
                                                  const double        *xs,
                                                  const double        *ys);

/* The stress layout */
void    dramatis_stress_layout_fill_terms        (DramatisGraphLayout *self,
                                                  Component           *c);
void    dramatis_stress_layout_prepare_component (DramatisGraphLayout *self,
                                                  Component           *c,
                                                  guint               *queue);
void    dramatis_stress_layout_landmark_epoch    (DramatisGraphLayout *self);
void    dramatis_stress_layout_gather_landmarks  (DramatisGraphLayout *self,
                                                  Component           *c);
guint   dramatis_stress_layout_choose_start      (DramatisGraphLayout *self,
                                                  const Component     *c,
                                                  guint                i);
guint   dramatis_stress_layout_place_node        (DramatisGraphLayout *self,
                                                  const Component     *c,
                                                  guint                i);

/* Packing of components */
void    dramatis_component_packing_pack          (DramatisGraphLayout *self);

/* Overlap removal */
double  dramatis_overlap_removal_typical_extent  (DramatisGraphLayout *self);
guint   dramatis_overlap_removal_push_apart      (DramatisGraphLayout *self);
void    dramatis_overlap_removal_grow            (DramatisGraphLayout *self);
void    dramatis_overlap_removal_make_room       (DramatisGraphLayout *self);

G_END_DECLS
