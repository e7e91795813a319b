/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <cairo.h>
#include <glib.h>

#include "dramatis-selection.h"
#include "dramatis-story.h"
#include "dramatis-theme.h"

G_BEGIN_DECLS

/**
 * DramatisNetworkView:
 * @width: width of the view, in logical pixels
 * @height: height of the view
 * @center_x: the point of the world at the middle of the view
 * @center_y: the point of the world at the middle of the view
 * @zoom: logical pixels per world unit
 * @show_edge_labels: whether relations are labelled where there is room
 * @interactive: set while the user zooms continuously (a pinch, a burst of
 *   Ctrl+scroll): a change of zoom then stretches the last full drawing
 *   instead of drawing anew, which keeps large networks at frame rate.
 *   Draw once more without it when the gesture ends.
 *
 * What part of the network a view shows.  A point of the world (the
 * positions given to dramatis_network_set_positions()) is at
 * `(p - center) * zoom + size / 2` in the view.  Glyphs and arcs scale with
 * the zoom; labels keep their size in pixels.
 */
typedef struct
{
  double   width;
  double   height;
  double   center_x;
  double   center_y;
  double   zoom;
  gboolean show_edge_labels;
  gboolean interactive;
} DramatisNetworkView;

/* A rectangle in view coordinates: logical pixels from the view's corner. */
typedef struct
{
  double x;
  double y;
  double width;
  double height;
} DramatisNetworkRect;

/**
 * DramatisNetwork:
 *
 * Draws the actor network of a story and answers hit-tests on it.  It reads
 * the story when it is made, and again when dramatis_network_update() is
 * told the story changed.  Positions come from a layout; it keeps a copy.
 */
typedef struct _DramatisNetwork DramatisNetwork;

DramatisNetwork *dramatis_network_new                    (DramatisStory             *story,
                                                          const DramatisTheme       *theme);
void             dramatis_network_free                   (DramatisNetwork           *self);
void             dramatis_network_update                 (DramatisNetwork           *self,
                                                          const guint               *kept,
                                                          const double              *xy,
                                                          guint                      same_actors,
                                                          guint                      same_relations);
void             dramatis_network_forget_labels          (DramatisNetwork           *self,
                                                          const guint               *ids,
                                                          guint                      n_ids);
void             dramatis_network_forget_highlight       (DramatisNetwork           *self);

void             dramatis_network_set_positions          (DramatisNetwork           *self,
                                                          const double              *xy,
                                                          guint                      n_actors);
void             dramatis_network_move_actors            (DramatisNetwork           *self,
                                                          const double              *xy,
                                                          const guint               *moved,
                                                          guint                      n_moved);
const double    *dramatis_network_get_positions          (DramatisNetwork           *self,
                                                          guint                     *n_actors);
double           dramatis_network_get_node_radius        (DramatisNetwork           *self,
                                                          guint                      actor);
void             dramatis_network_get_label_size         (DramatisNetwork           *self,
                                                          guint                      actor,
                                                          double                    *width,
                                                          double                    *height);

void             dramatis_network_fit                    (DramatisNetwork           *self,
                                                          double                     width,
                                                          double                     height,
                                                          DramatisNetworkView       *view);
void             dramatis_network_draw                   (DramatisNetwork           *self,
                                                          cairo_t                   *cr,
                                                          const DramatisNetworkView *view,
                                                          const DramatisTheme       *theme,
                                                          const DramatisSelection   *selection);
void             dramatis_network_draw_link              (DramatisNetwork           *self,
                                                          cairo_t                   *cr,
                                                          const DramatisNetworkView *view,
                                                          const DramatisTheme       *theme,
                                                          guint                      from,
                                                          guint                      to,
                                                          double                     x,
                                                          double                     y);
double           dramatis_network_draw_legend            (DramatisNetwork           *self,
                                                          cairo_t                   *cr,
                                                          const DramatisTheme       *theme,
                                                          double                     x,
                                                          double                     y,
                                                          double                     max_width);

DramatisItem     dramatis_network_hit                    (DramatisNetwork           *self,
                                                          const DramatisNetworkView *view,
                                                          double                     x,
                                                          double                     y);
void             dramatis_network_collect_actors_in_rect (DramatisNetwork           *self,
                                                          const DramatisNetworkView *view,
                                                          const DramatisNetworkRect *rect,
                                                          GArray                    *actors);
gboolean         dramatis_network_get_label_rect         (DramatisNetwork           *self,
                                                          const DramatisNetworkView *view,
                                                          const DramatisItem        *item,
                                                          DramatisNetworkRect       *rect);
gboolean         dramatis_network_get_shown_label_rect   (DramatisNetwork           *self,
                                                          const DramatisNetworkView *view,
                                                          const DramatisItem        *selected,
                                                          const DramatisItem        *item,
                                                          DramatisNetworkRect       *rect);
double           dramatis_network_get_relation_alpha     (DramatisNetwork           *self,
                                                          const DramatisNetworkView *view,
                                                          const DramatisTheme       *theme,
                                                          const DramatisItem        *selected,
                                                          guint                      relation);
gboolean         dramatis_network_get_relation_midpoint  (DramatisNetwork           *self,
                                                          const DramatisNetworkView *view,
                                                          guint                      relation,
                                                          double                    *x,
                                                          double                    *y);

/* From the world to the view and back, as DramatisNetworkView describes. */
static inline void
dramatis_network_view_to_screen (const DramatisNetworkView *view,
                                 double                     world_x,
                                 double                     world_y,
                                 double                    *x,
                                 double                    *y)
{
  *x = (world_x - view->center_x) * view->zoom + view->width / 2;
  *y = (world_y - view->center_y) * view->zoom + view->height / 2;
}

static inline void
dramatis_network_view_to_world (const DramatisNetworkView *view,
                                double                     x,
                                double                     y,
                                double                    *world_x,
                                double                    *world_y)
{
  *world_x = (x - view->width / 2) / view->zoom + view->center_x;
  *world_y = (y - view->height / 2) / view->zoom + view->center_y;
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DramatisNetwork, dramatis_network_free)

G_END_DECLS
