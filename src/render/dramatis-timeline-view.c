/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "dramatis-timeline"

#include "config.h"

#include <math.h>

#include "dramatis-timeline-private.h"

/* The view of the timeline: what part of it shows, how time maps to x in
 * it, with its axis breaks, and how fitting, zooming, panning and
 * scrolling change it.
 */

/* An hour is 3600 pixels wide at the closest zoom. */
#define MIN_SECONDS_PER_PIXEL 1.0

void
dramatis_timeline_init_map (DramatisTimeline           *self,
                            DramatisTimeMap            *map,
                            double                      seconds_per_pixel,
                            double                      start_second,
                            gboolean                    compress)
{
  dramatis_time_map_init (map, self->gaps, compress ? self->n_gaps : 0, BREAK_WIDTH,
                          seconds_per_pixel, start_second);
}

double
dramatis_timeline_time_area_width (DramatisTimeline           *self,
                                   const DramatisTimelineView *view)
{
  return MAX (0.0, view->width - self->gutter_width);
}

/* Content pixels from @first to @end at a scale, axis breaks included. */
static double
span_width (DramatisTimeline *self,
            double            seconds_per_pixel,
            gint64            first,
            gint64            end)
{
  DramatisTimeMap map;

  dramatis_timeline_init_map (self, &map, seconds_per_pixel, first, TRUE);
  return dramatis_time_map_to_x (&map, end);
}

/* The right edge of the latest labels at a scale, from the content start. */
static double
labels_reach (DramatisTimeline *self,
              double            seconds_per_pixel)
{
  DramatisTimeMap map;
  const guint *by_time;
  guint n_dated;
  double reach = 0;

  dramatis_timeline_init_map (self, &map, seconds_per_pixel, self->first_second, TRUE);
  by_time = dramatis_story_get_events_by_time (self->story, &n_dated);

  /* Only the latest events can stick out on the right; in a large story
   * the last few hundred are plenty.
   */
  for (guint i = n_dated > 256 ? n_dated - 256 : 0; i < n_dated; i++)
    {
      const DramatisEvent *e = dramatis_story_get_event (self->story, by_time[i]);
      Placement p = { 0 };
      Geometry g;

      p.first = dramatis_span_get_first_second (&e->when);
      p.end = MAX (dramatis_span_get_end_second (&e->when), p.first + 1);
      p.flags = self->event_flags[by_time[i]];
      dramatis_timeline_place (&map, &p, self->label_widths[by_time[i]], &g);
      reach = MAX (reach, MAX (g.m1, g.label_x + self->label_widths[by_time[i]]));
    }

  return reach;
}

/* The scale at which the content, and the labels of its last events, fill
 * @width: the scale of the fitted view.
 */
double
dramatis_timeline_fit_scale (DramatisTimeline *self,
                             double            width)
{
  double available = MAX (width - self->gutter_width - FIT_MARGIN_LEFT - FIT_MARGIN_RIGHT, 50.0);
  double lo = 1e-3, hi = 1e13, content;

  if (!self->has_time)
    return 365.2425 * 86400 / available;

  /* The width is a decreasing function of the scale: bisect, in logs. */
  for (guint i = 0; i < 100; i++)
    {
      double mid = sqrt (lo * hi);

      if (span_width (self, mid, self->first_second, self->end_second) > available)
        lo = mid;
      else
        hi = mid;
    }
  content = MAX (hi, MIN_SECONDS_PER_PIXEL);

  /* Leave room for the last labels, but never give them more than two
   * fifths of the width: they may be clipped before the content is.
   */
  if (labels_reach (self, content) <= available)
    return content;

  lo = content;
  hi = content / 0.6;
  if (labels_reach (self, hi) > available)
    return hi;
  for (guint i = 0; i < 40; i++)
    {
      double mid = (lo + hi) / 2;

      if (labels_reach (self, mid) > available)
        lo = mid;
      else
        hi = mid;
    }

  return hi;
}

static double
max_seconds_per_pixel (DramatisTimeline *self)
{
  /* Zoomed out, the story still spans an eighth of the fitted view; a day
   * per pixel is always allowed, for stories of a few days.
   */
  return MAX (self->layout_seconds_per_pixel * 8, 86400.0);
}

/**
 * dramatis_timeline_get_time_map:
 * @self: a timeline
 * @view: a view
 * @map: (out caller-allocates): the view's mapping from time to x
 *
 * The mapping the drawing uses, with x measured from the start of the time
 * area (add dramatis_timeline_get_gutter_width() for view coordinates).
 */
void
dramatis_timeline_get_time_map (DramatisTimeline           *self,
                                const DramatisTimelineView *view,
                                DramatisTimeMap            *map)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (view != NULL);
  g_return_if_fail (view->seconds_per_pixel > 0);
  g_return_if_fail (map != NULL);

  dramatis_timeline_init_map (self, map, view->seconds_per_pixel, view->start_second,
                              view->compress_gaps);
}

/**
 * dramatis_timeline_fit:
 * @self: a timeline
 * @width: width of the view
 * @height: height of the view
 * @view: (out caller-allocates): the fitted view
 *
 * A view that shows the whole story, with its long empty stretches cut
 * short by axis breaks, at the top of the lanes.  Lays the rows out again
 * for this width, which can change the content height: call it when the
 * view is first shown and for "zoom to fit", not on every frame.
 */
void
dramatis_timeline_fit (DramatisTimeline     *self,
                       double                width,
                       double                height,
                       DramatisTimelineView *view)
{
  DramatisTimeMap map;
  double seconds_per_pixel;
  double first;

  g_return_if_fail (self != NULL);
  g_return_if_fail (view != NULL);

  seconds_per_pixel = dramatis_timeline_fit_scale (self, width);
  if (fabs (seconds_per_pixel - self->layout_seconds_per_pixel) > 0.01 * self->layout_seconds_per_pixel)
    dramatis_timeline_pack (self, seconds_per_pixel);

  if (self->has_time)
    first = self->first_second;
  else
    first = g_get_real_time () / G_USEC_PER_SEC - 182.5 * 86400;

  dramatis_timeline_init_map (self, &map, seconds_per_pixel, first, TRUE);

  view->width = width;
  view->height = height;
  view->seconds_per_pixel = seconds_per_pixel;
  view->start_second = dramatis_time_map_to_time (&map, -FIT_MARGIN_LEFT);
  view->scroll_y = 0;
  view->compress_gaps = TRUE;
}

/* The height of the lanes, axis included, when each has at most @rows
 * rows: first fit gives a capped lane the first rows of the uncapped one.
 */
static double
height_with_rows (DramatisTimeline *self,
                  guint             rows)
{
  double height = AXIS_HEIGHT;

  for (guint l = 0; l < self->lanes->len; l++)
    height += MIN (g_array_index (self->lanes, Lane, l).n_rows, rows) * self->row_height + 2 * LANE_PADDING;
  return height;
}

/**
 * dramatis_timeline_fit_lanes:
 * @self: a timeline
 * @view: a view, whose height counts
 *
 * Fits the lanes to the view's height, as dramatis_timeline_fit() fits
 * time to its width: every lane shows, each with as many rows of labels as
 * leaves room for all (see dramatis_timeline_set_max_rows()).  When even a
 * row each is too tall for every lane, each gets one row, so that the view
 * shows as many lanes as it can from the top.  A view holds only so many
 * lines of labels, whichever lanes they belong to: in a pane of 610 by 335
 * pixels the built-in story shows 9 labels in 8 lanes at one row a lane,
 * and 10 in 2 lanes at six: fewer rows cost almost no labels and show four
 * times the lanes.  Scrolls to the top.
 */
void
dramatis_timeline_fit_lanes (DramatisTimeline     *self,
                             DramatisTimelineView *view)
{
  guint rows;

  g_return_if_fail (self != NULL);
  g_return_if_fail (view != NULL);

  dramatis_timeline_set_max_rows (self, DRAMATIS_TIMELINE_MAX_ROWS);
  for (rows = DRAMATIS_TIMELINE_MAX_ROWS; rows > 1; rows--)
    if (height_with_rows (self, rows) <= view->height)
      break;

  dramatis_timeline_set_max_rows (self, rows);
  view->scroll_y = 0;
}

static void
clamp_scroll (DramatisTimeline     *self,
              DramatisTimelineView *view)
{
  double max_scroll = MAX (0.0, self->content_height - view->height);

  view->scroll_y = CLAMP (view->scroll_y, 0.0, max_scroll);
}

/**
 * dramatis_timeline_zoom:
 * @self: a timeline
 * @view: the view to change
 * @factor: how much closer: 2 shows half as much time, 0.5 twice as much
 * @around_x: the x, in view coordinates, whose moment stays in place
 *
 * Zooms within limits: an hour is at most 3600 pixels wide, and the whole
 * story at least a few pixels.
 */
void
dramatis_timeline_zoom (DramatisTimeline     *self,
                        DramatisTimelineView *view,
                        double                factor,
                        double                around_x)
{
  DramatisTimeMap map;
  double x = around_x - self->gutter_width;
  double time;

  g_return_if_fail (self != NULL);
  g_return_if_fail (view != NULL);
  g_return_if_fail (view->seconds_per_pixel > 0);
  g_return_if_fail (factor > 0);

  dramatis_timeline_init_map (self, &map, view->seconds_per_pixel, view->start_second,
                              view->compress_gaps);
  time = dramatis_time_map_to_time (&map, x);

  view->seconds_per_pixel = CLAMP (view->seconds_per_pixel / factor,
                                   MIN_SECONDS_PER_PIXEL, max_seconds_per_pixel (self));

  dramatis_timeline_init_map (self, &map, view->seconds_per_pixel, time, view->compress_gaps);
  view->start_second = dramatis_time_map_to_time (&map, -x);
}

/**
 * dramatis_timeline_pan:
 * @self: a timeline
 * @view: the view to change
 * @dx: pixels to move the view right (the content moves left)
 * @dy: pixels to scroll down
 *
 * Pans across axis breaks as the eye expects: by pixels, not by seconds.
 */
void
dramatis_timeline_pan (DramatisTimeline     *self,
                       DramatisTimelineView *view,
                       double                dx,
                       double                dy)
{
  DramatisTimeMap map;

  g_return_if_fail (self != NULL);
  g_return_if_fail (view != NULL);
  g_return_if_fail (view->seconds_per_pixel > 0);

  dramatis_timeline_init_map (self, &map, view->seconds_per_pixel, view->start_second,
                              view->compress_gaps);
  view->start_second = dramatis_time_map_to_time (&map, dx);
  view->scroll_y += dy;
  clamp_scroll (self, view);

  /* The story stays within reach: the view moves until the story's first
   * moment reaches its right edge, or its last moment its left edge, and
   * no further, where the times would leave the range of the calendar.
   */
  if (self->has_time)
    {
      double span = MAX (view->width - self->gutter_width, 1.0) * view->seconds_per_pixel;

      view->start_second = CLAMP (view->start_second, self->first_second - span, (double) self->end_second);
    }
}
