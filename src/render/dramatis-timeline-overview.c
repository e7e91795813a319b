/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "dramatis-timeline"

#include "config.h"

#include <math.h>

#include "dramatis-timeline-private.h"

/* The overview strip of the timeline: the whole story's time in a strip as
 * wide as the time area, its events as a density band, and the part of
 * time the view shows as a frame, which the user drags to pan or moves by
 * a click.  Its mapping keeps the axis breaks of the view, so the band and
 * the lanes agree on what is left out.
 */

/* Room at either end of the strip, so the frame's edges show at the
 * story's first and last moments.
 */
#define OVERVIEW_MARGIN 6.0

/* Above this many lanes no screen shows a fair share of them, and only the
 * strip shows the shape of the whole story.
 */
#define OVERVIEW_MIN_LANES 100

/**
 * dramatis_timeline_get_overview_map:
 * @self: a timeline
 * @width: the width of the strip
 * @map: (out caller-allocates): its mapping from time to x
 *
 * The mapping of an overview strip of @width: the story's whole time,
 * axis breaks and all, from a small margin at the left to one at the
 * right.
 */
void
dramatis_timeline_get_overview_map (DramatisTimeline *self,
                                    double            width,
                                    DramatisTimeMap  *map)
{
  double available = MAX (width - 2 * OVERVIEW_MARGIN, 1.0);
  double lo = 1e-3, hi = 1e13;
  gint64 first = self->first_second, end = self->end_second;

  g_return_if_fail (self != NULL);
  g_return_if_fail (map != NULL);

  if (!self->has_time || end <= first)
    {
      first = self->has_time ? self->first_second - 43200 : 0;
      end = first + 86400;
    }

  /* The width is a decreasing function of the scale: bisect, in logs. */
  for (guint i = 0; i < 100; i++)
    {
      double mid = sqrt (lo * hi);
      DramatisTimeMap probe;

      dramatis_timeline_init_map (self, &probe, mid, first, TRUE);
      if (dramatis_time_map_to_x (&probe, end) > available)
        lo = mid;
      else
        hi = mid;
    }

  dramatis_timeline_init_map (self, map, hi, first, TRUE);
  dramatis_timeline_init_map (self, map, hi, dramatis_time_map_to_time (map, -OVERVIEW_MARGIN), TRUE);
}

/**
 * dramatis_timeline_get_overview_window:
 * @self: a timeline
 * @view: a view
 * @width: the width of the strip
 * @x0: (out): where the view's first moment is in the strip
 * @x1: (out): where its last moment is
 *
 * The frame of the strip: the time the view shows, clamped to the strip.
 */
void
dramatis_timeline_get_overview_window (DramatisTimeline           *self,
                                       const DramatisTimelineView *view,
                                       double                      width,
                                       double                     *x0,
                                       double                     *x1)
{
  DramatisTimeMap strip, map;

  g_return_if_fail (self != NULL);
  g_return_if_fail (view != NULL && view->seconds_per_pixel > 0);
  g_return_if_fail (x0 != NULL && x1 != NULL);

  dramatis_timeline_get_overview_map (self, width, &strip);
  dramatis_timeline_init_map (self, &map, view->seconds_per_pixel, view->start_second,
                              view->compress_gaps);
  *x0 = CLAMP (dramatis_time_map_to_x (&strip, view->start_second), 0, width);
  *x1 = CLAMP (dramatis_time_map_to_x (&strip, dramatis_time_map_to_time (&map, dramatis_timeline_time_area_width (self, view))),
               *x0, width);
}

/**
 * dramatis_timeline_overview_move:
 * @self: a timeline
 * @view: the view to change
 * @width: the width of the strip
 * @x: where in the strip the frame's left edge goes
 *
 * Pans the view so that its first moment is the strip's moment at @x, as
 * far as panning allows: the scale and the lanes' scroll stay.
 */
void
dramatis_timeline_overview_move (DramatisTimeline     *self,
                                 DramatisTimelineView *view,
                                 double                width,
                                 double                x)
{
  DramatisTimeMap strip;

  g_return_if_fail (self != NULL);
  g_return_if_fail (view != NULL && view->seconds_per_pixel > 0);

  dramatis_timeline_get_overview_map (self, width, &strip);
  view->start_second = dramatis_time_map_to_time (&strip, x);
  dramatis_timeline_pan (self, view, 0, 0);
}

/**
 * dramatis_timeline_overview_helps:
 * @self: a timeline
 * @view: a view
 *
 * Whether an overview strip tells the reader something the view does not:
 * when the view shows less than the story's whole time, or when the story
 * has more lanes than any view can show a fair share of.
 *
 * Returns: %TRUE if the strip is worth its room
 */
gboolean
dramatis_timeline_overview_helps (DramatisTimeline           *self,
                                  const DramatisTimelineView *view)
{
  DramatisTimeMap map;
  double area_width;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (view != NULL && view->seconds_per_pixel > 0, FALSE);

  if (!self->has_time)
    return FALSE;
  if (self->lanes->len > OVERVIEW_MIN_LANES)
    return TRUE;

  area_width = dramatis_timeline_time_area_width (self, view);
  dramatis_timeline_init_map (self, &map, view->seconds_per_pixel, view->start_second,
                              view->compress_gaps);
  return dramatis_time_map_to_x (&map, self->first_second) < -0.5 ||
         dramatis_time_map_to_x (&map, self->end_second) > area_width + 0.5;
}

/* How many events start in each pixel column of a strip, cached for the
 * strip's width: a story's events do not move.
 */
static const guint *
overview_counts (DramatisTimeline *self,
                 guint             columns,
                 guint            *max_count)
{
  DramatisTimeMap strip;
  const guint *by_time;
  guint n_dated;

  if (self->overview_counts != NULL && self->overview_columns == columns)
    {
      *max_count = self->overview_max;
      return self->overview_counts;
    }

  g_free (self->overview_counts);
  self->overview_counts = g_new0 (guint, MAX (columns, 1));
  self->overview_columns = columns;
  self->overview_max = 0;

  dramatis_timeline_get_overview_map (self, columns, &strip);
  by_time = dramatis_story_get_events_by_time (self->story, &n_dated);
  for (guint i = 0; i < n_dated; i++)
    {
      const DramatisEvent *e = dramatis_story_get_event (self->story, by_time[i]);
      double x = dramatis_time_map_to_x (&strip, dramatis_span_get_first_second (&e->when));
      guint c = (guint) CLAMP (floor (x), 0, (double) columns - 1);

      self->overview_counts[c]++;
      self->overview_max = MAX (self->overview_max, self->overview_counts[c]);
    }

  *max_count = self->overview_max;
  return self->overview_counts;
}

/**
 * dramatis_timeline_draw_overview:
 * @self: a timeline
 * @cr: where to draw, with (0, 0) at the strip's top left
 * @view: the view whose time the frame shows
 * @theme: colours
 * @width: the width of the strip
 * @height: its height
 *
 * Draws the strip: the density of events over the story's whole time, on
 * a logarithmic scale so that a lone event still shows beside a crowd, the
 * axis breaks, and the frame of the view's time over a veil on the rest.
 */
void
dramatis_timeline_draw_overview (DramatisTimeline           *self,
                                 cairo_t                    *cr,
                                 const DramatisTimelineView *view,
                                 const DramatisTheme        *theme,
                                 double                      width,
                                 double                      height)
{
  DramatisTimeMap strip;
  const guint *counts;
  guint columns, max_count = 0;
  double x0, x1, band = MAX (height - 6, 1);

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (view != NULL && view->seconds_per_pixel > 0);
  g_return_if_fail (theme != NULL);

  if (width < 1 || height < 1)
    return;

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);

  dramatis_color_set_source (&theme->lane_background, cr);
  cairo_paint (cr);

  columns = (guint) ceil (width);
  counts = overview_counts (self, columns, &max_count);
  dramatis_color_set_source_alpha (&theme->dim_foreground, cr, 0.45);
  for (guint c = 0; c < columns && max_count > 0; c++)
    {
      double h;

      if (counts[c] == 0)
        continue;
      /* Three pixels wide, so that a lone event of a small story shows. */
      h = MAX (1.5, band * log1p (counts[c]) / log1p (max_count));
      cairo_rectangle (cr, c - 1, height - 3 - h, 3, h);
    }
  cairo_fill (cr);

  dramatis_timeline_get_overview_map (self, width, &strip);
  dramatis_color_set_source (&theme->dim_foreground, cr);
  cairo_set_line_width (cr, theme->line_width);
  for (guint g = 0; g < strip.n_gaps; g++)
    {
      double bx0, bx1;

      if (!dramatis_time_map_get_break (&strip, g, &bx0, &bx1))
        continue;
      dramatis_timeline_draw_zigzag (cr, (bx0 + bx1) / 2, 0, height);
      cairo_stroke (cr);
    }

  /* The view's time: the rest is veiled, the frame outlined. */
  dramatis_timeline_get_overview_window (self, view, width, &x0, &x1);
  x1 = MAX (x1, x0 + 4);
  dramatis_color_set_source_alpha (&theme->background, cr, 0.55);
  cairo_rectangle (cr, 0, 0, x0, height);
  cairo_rectangle (cr, x1, 0, width - x1, height);
  cairo_fill (cr);

  dramatis_color_set_source_alpha (&theme->accent, cr, 0.15);
  dramatis_timeline_rounded_rectangle (cr, x0, 1, x1 - x0, height - 2, 3);
  cairo_fill (cr);
  dramatis_color_set_source (&theme->accent, cr);
  cairo_set_line_width (cr, 2 * theme->line_width);
  dramatis_timeline_rounded_rectangle (cr, x0 + 1, 2, x1 - x0 - 2, height - 4, 3);
  cairo_stroke (cr);

  dramatis_color_set_source (&theme->grid, cr);
  cairo_set_line_width (cr, theme->line_width);
  cairo_move_to (cr, 0, 0.5);
  cairo_line_to (cr, width, 0.5);
  cairo_stroke (cr);

  cairo_restore (cr);
}
