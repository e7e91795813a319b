/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <cairo.h>
#include <glib.h>

#include "dramatis-selection.h"
#include "dramatis-story.h"
#include "dramatis-theme.h"
#include "dramatis-time-axis.h"

G_BEGIN_DECLS

/* The height of the time axis at the top of the view, in pixels: lanes
 * scroll under it.
 */
#define DRAMATIS_TIMELINE_AXIS_HEIGHT 40.0

/* The most rows of labels a lane is packed into.  More make a lane of a
 * huge story taller without making it clearer.
 */
#define DRAMATIS_TIMELINE_MAX_ROWS 6

/**
 * DramatisLaneMode:
 * @DRAMATIS_LANES_BY_ACTOR: a lane per actor that takes part in a dated
 *   event, in the order of the story, and an "Other" lane last for events
 *   without participants.  An event shows in the lane of every participant,
 *   so that each lane tells the whole story of its actor.
 * @DRAMATIS_LANES_BY_KIND: a lane per classification of event, in
 *   alphabetical order, and an "Other" lane last for events without one
 */
typedef enum
{
  DRAMATIS_LANES_BY_ACTOR,
  DRAMATIS_LANES_BY_KIND,
} DramatisLaneMode;

/**
 * DramatisTimelineView:
 * @width: width of the view, in logical pixels, lane names included
 * @height: height of the view, the axis included
 * @start_second: the moment at the left edge of the time area, in seconds
 *   since 1970-01-01 UTC
 * @seconds_per_pixel: the scale, outside axis breaks
 * @scroll_y: how far the lanes are scrolled up under the axis
 * @compress_gaps: whether long empty stretches are drawn as axis breaks
 *
 * What part of the timeline shows.  A plain struct the widget owns: change
 * it with dramatis_timeline_fit(), _zoom() and _pan(), which know about
 * axis breaks, then draw.
 */
typedef struct
{
  double   width;
  double   height;
  double   start_second;
  double   seconds_per_pixel;
  double   scroll_y;
  gboolean compress_gaps;
} DramatisTimelineView;

/**
 * DramatisTimelineLabel:
 * @event: the event the label names
 * @x: left edge, in view coordinates
 * @y: top edge
 * @width: width
 * @height: height
 *
 * A label as drawn, for tests and for accessibility.
 */
typedef struct
{
  guint  event;
  double x;
  double y;
  double width;
  double height;
} DramatisTimelineLabel;

typedef struct _DramatisTimeline DramatisTimeline;

DramatisTimeline *dramatis_timeline_new                (DramatisStory              *story,
                                                        DramatisLaneMode            mode,
                                                        const DramatisTheme        *theme);
void              dramatis_timeline_free               (DramatisTimeline           *self);
void              dramatis_timeline_update             (DramatisTimeline           *self,
                                                        const guint                *kept,
                                                        gboolean                    lanes_changed);
gboolean          dramatis_timeline_renumber_actors    (DramatisTimeline           *self,
                                                        const guint                *new_of_old,
                                                        guint                       n_old);
void              dramatis_timeline_forget_highlight   (DramatisTimeline           *self);

DramatisStory    *dramatis_timeline_get_story          (DramatisTimeline           *self);
DramatisLaneMode  dramatis_timeline_get_lane_mode      (DramatisTimeline           *self);
double            dramatis_timeline_get_content_height (DramatisTimeline           *self);
double            dramatis_timeline_get_layout_scale   (DramatisTimeline           *self);
void              dramatis_timeline_set_layout_scale   (DramatisTimeline           *self,
                                                        double                      seconds_per_pixel);
guint             dramatis_timeline_get_max_rows       (DramatisTimeline           *self);
void              dramatis_timeline_set_max_rows       (DramatisTimeline           *self,
                                                        guint                       max_rows);
double            dramatis_timeline_get_gutter_width   (DramatisTimeline           *self);
gboolean          dramatis_timeline_fit_gutter         (DramatisTimeline           *self,
                                                        double                      view_width);
guint             dramatis_timeline_get_n_lanes        (DramatisTimeline           *self);
guint             dramatis_timeline_count_whole_lanes  (DramatisTimeline           *self,
                                                        double                      height,
                                                        double                     *lanes_height);
void              dramatis_timeline_get_time_map       (DramatisTimeline           *self,
                                                        const DramatisTimelineView *view,
                                                        DramatisTimeMap            *map);

void              dramatis_timeline_fit                (DramatisTimeline           *self,
                                                        double                      width,
                                                        double                      height,
                                                        DramatisTimelineView       *view);
void              dramatis_timeline_fit_lanes          (DramatisTimeline           *self,
                                                        DramatisTimelineView       *view);
void              dramatis_timeline_zoom               (DramatisTimeline           *self,
                                                        DramatisTimelineView       *view,
                                                        double                      factor,
                                                        double                      around_x);
void              dramatis_timeline_pan                (DramatisTimeline           *self,
                                                        DramatisTimelineView       *view,
                                                        double                      dx,
                                                        double                      dy);

void              dramatis_timeline_draw               (DramatisTimeline           *self,
                                                        cairo_t                    *cr,
                                                        const DramatisTimelineView *view,
                                                        const DramatisTheme        *theme,
                                                        const DramatisSelection    *selection);
double            dramatis_timeline_draw_legend        (DramatisTimeline           *self,
                                                        cairo_t                    *cr,
                                                        const DramatisTheme        *theme,
                                                        double                      x,
                                                        double                      y,
                                                        double                      max_width);

DramatisItem      dramatis_timeline_hit                (DramatisTimeline           *self,
                                                        const DramatisTimelineView *view,
                                                        double                      x,
                                                        double                      y);
gboolean          dramatis_timeline_get_event_rect     (DramatisTimeline           *self,
                                                        const DramatisTimelineView *view,
                                                        guint                       event,
                                                        double                     *x,
                                                        double                     *y,
                                                        double                     *width,
                                                        double                     *height);
gboolean          dramatis_timeline_get_actor_lane     (DramatisTimeline           *self,
                                                        const DramatisTimelineView *view,
                                                        guint                       actor,
                                                        double                     *y,
                                                        double                     *height);
GArray           *dramatis_timeline_get_visible_events (DramatisTimeline           *self,
                                                        const DramatisTimelineView *view);
GArray           *dramatis_timeline_get_labels         (DramatisTimeline           *self,
                                                        const DramatisTimelineView *view);

void              dramatis_timeline_get_overview_map   (DramatisTimeline           *self,
                                                        double                      width,
                                                        DramatisTimeMap            *map);
void              dramatis_timeline_get_overview_window (DramatisTimeline          *self,
                                                        const DramatisTimelineView *view,
                                                        double                      width,
                                                        double                     *x0,
                                                        double                     *x1);
void              dramatis_timeline_overview_move      (DramatisTimeline           *self,
                                                        DramatisTimelineView       *view,
                                                        double                      width,
                                                        double                      x);
gboolean          dramatis_timeline_overview_helps     (DramatisTimeline           *self,
                                                        const DramatisTimelineView *view);
void              dramatis_timeline_draw_overview      (DramatisTimeline           *self,
                                                        cairo_t                    *cr,
                                                        const DramatisTimelineView *view,
                                                        const DramatisTheme        *theme,
                                                        double                      width,
                                                        double                      height);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DramatisTimeline, dramatis_timeline_free)

G_END_DECLS
