/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

#include "dramatis-story.h"

G_BEGIN_DECLS

/**
 * DramatisGraphLayout:
 *
 * Places the nodes of a graph in the plane, in logical pixels: the actor
 * network of a story, or any graph given as a list of edges.
 *
 * Distances in the drawing follow distances in the graph (low stress), with
 * communities kept together when the graph has clear ones.  start() makes a
 * first placement; step() then refines it a few milliseconds at a time so
 * that a view can animate it, and its last steps make room for the nodes'
 * boxes.  Everything depends only on the graph, the sizes, the given
 * positions and the seed, so the same input gives the same drawing on every
 * machine.
 */
typedef struct _DramatisGraphLayout DramatisGraphLayout;

DramatisGraphLayout *dramatis_graph_layout_new            (guint                n_nodes,
                                                           const guint         *edges,
                                                           guint                n_edges,
                                                           guint32              seed);
DramatisGraphLayout *dramatis_graph_layout_new_for_story  (DramatisStory       *story,
                                                           guint32              seed);

void                 dramatis_graph_layout_set_node_size  (DramatisGraphLayout *self,
                                                           guint                node,
                                                           double               width,
                                                           double               height);
void                 dramatis_graph_layout_set_position   (DramatisGraphLayout *self,
                                                           guint                node,
                                                           double               x,
                                                           double               y,
                                                           gboolean             pinned);
void                 dramatis_graph_layout_unpin_all      (DramatisGraphLayout *self);

void                 dramatis_graph_layout_start          (DramatisGraphLayout *self);
gboolean             dramatis_graph_layout_step           (DramatisGraphLayout *self);
void                 dramatis_graph_layout_run            (DramatisGraphLayout *self);

const double        *dramatis_graph_layout_get_positions  (DramatisGraphLayout *self,
                                                           guint               *n_nodes);

void                 dramatis_graph_layout_free           (DramatisGraphLayout *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DramatisGraphLayout, dramatis_graph_layout_free)

G_END_DECLS
