/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "dramatis-timeline"

#include "config.h"

#include <math.h>

#include "dramatis-timeline-private.h"

/* What is where in the timeline as drawn: hit-testing, for clicks and
 * tooltips, and where events and labels show, for scrolling to them, for
 * screen readers and for tests.  Pure functions of the layout and a view.
 */

/* The lane and row under a point, if any. */
static gboolean
find_row (DramatisTimeline           *self,
          const DramatisTimelineView *view,
          double                      y,
          guint                      *lane_index,
          guint                      *row_index)
{
  double content_y = y - AXIS_HEIGHT + view->scroll_y;
  guint lo = 0, hi = self->lanes->len;
  const Lane *lane;
  double in_lane;

  if (y < AXIS_HEIGHT || y >= view->height)
    return FALSE;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      const Lane *l = &g_array_index (self->lanes, Lane, mid);

      if (l->y + l->height <= content_y)
        lo = mid + 1;
      else
        hi = mid;
    }
  if (lo >= self->lanes->len)
    return FALSE;

  lane = &g_array_index (self->lanes, Lane, lo);
  if (content_y < lane->y)
    return FALSE;

  *lane_index = lo;
  in_lane = content_y - lane->y - LANE_PADDING;
  if (in_lane < 0 || in_lane >= lane->n_rows * self->row_height)
    *row_index = G_MAXUINT;
  else
    *row_index = lane->first_row + (guint) (in_lane / self->row_height);

  return TRUE;
}

/**
 * dramatis_timeline_hit:
 * @self: a timeline
 * @view: the view as drawn
 * @x: a point in view coordinates
 * @y: likewise
 *
 * What is at a point: an event, by its mark or its label as drawn, or an
 * actor, by the name of its lane.  A pure function of the layout and the
 * view, for clicks and tooltips alike.
 *
 * Returns: the item at (@x, @y), or an item of kind %DRAMATIS_ITEM_NONE
 */
DramatisItem
dramatis_timeline_hit (DramatisTimeline           *self,
                       const DramatisTimelineView *view,
                       double                      x,
                       double                      y)
{
  DramatisItem item = DRAMATIS_ITEM_INIT_NONE;
  const Placement *placements;
  DramatisTimeMap map;
  const Lane *lane;
  const Row *row;
  guint lane_index, row_index, end, best = G_MAXUINT, best_label = G_MAXUINT;
  double tx, t_lo, t_hi, area_width, best_distance = G_MAXDOUBLE;
  double row_top;
  gboolean on_bar_track;

  g_return_val_if_fail (self != NULL, item);
  g_return_val_if_fail (view != NULL, item);
  g_return_val_if_fail (view->seconds_per_pixel > 0, item);

  if (x < 0 || x >= view->width || !find_row (self, view, y, &lane_index, &row_index))
    return item;

  lane = &g_array_index (self->lanes, Lane, lane_index);
  if (x < self->gutter_width)
    {
      if (self->mode == DRAMATIS_LANES_BY_ACTOR && lane->actor != DRAMATIS_NO_INDEX)
        {
          item.kind = DRAMATIS_ITEM_ACTOR;
          item.index = lane->actor;
        }
      return item;
    }

  if (row_index == G_MAXUINT)
    return item;

  row = &g_array_index (self->rows, Row, row_index);
  row_top = AXIS_HEIGHT + row->y - view->scroll_y;
  on_bar_track = y >= dramatis_timeline_bar_top (self, row_top) - 2;
  placements = (const Placement *) (gpointer) self->placements->data;
  dramatis_timeline_init_map (self, &map, view->seconds_per_pixel, view->start_second,
                              view->compress_gaps);
  tx = x - self->gutter_width;
  area_width = dramatis_timeline_time_area_width (self, view);
  end = row->first + row->n;

  /* The same culling and label rule as the drawing. */
  t_lo = dramatis_time_map_to_time (&map, tx - MAX_LABEL_WIDTH - 2 * MARKER_RADIUS - LABEL_GAP - 8);
  t_hi = dramatis_time_map_to_time (&map, tx + MARKER_RADIUS + 3);
  for (guint i = dramatis_timeline_row_begin (self, row, t_lo);
       i < end && placements[i].first < t_hi;
       i++)
    {
      const Placement *p = &placements[i];
      double width = self->label_widths[p->event];
      double limit = i + 1 < end ? dramatis_timeline_next_start (&map, &placements[i + 1])
                                 : G_MAXDOUBLE;
      double label_x, label_width;
      Geometry g;

      dramatis_timeline_place (&map, p, width, &g);

      /* Bars answer on their track, dots and labels on the label line. */
      if (g.bar == on_bar_track && tx >= g.m0 - 2 && tx <= g.m1 + 2)
        {
          double distance = g.bar ? (tx >= g.m0 && tx <= g.m1 ? 0 : 2) : fabs (tx - g.centre);

          /* Later items are drawn over earlier ones: prefer them on ties. */
          if (distance <= best_distance)
            {
              best_distance = distance;
              best = i;
            }
        }
      else if (!on_bar_track && dramatis_timeline_label_fits (&g, width, limit, area_width, &label_x, &label_width) &&
               tx >= label_x && tx <= label_x + label_width)
        best_label = i;
    }

  if (best == G_MAXUINT)
    best = best_label;
  if (best != G_MAXUINT)
    {
      item.kind = DRAMATIS_ITEM_EVENT;
      item.index = placements[best].event;
    }

  return item;
}

/**
 * dramatis_timeline_get_event_rect:
 * @self: a timeline
 * @view: a view
 * @event: index of an event
 * @x: (out) (optional): left edge of its mark, in view coordinates
 * @y: (out) (optional): top edge
 * @width: (out) (optional): width
 * @height: (out) (optional): height
 *
 * Where the mark of an event is, in its topmost lane, whether or not that
 * is in view: to scroll to it, or to test the drawing.
 *
 * Returns: %FALSE if the event is not on the timeline (it has no date)
 */
gboolean
dramatis_timeline_get_event_rect (DramatisTimeline           *self,
                                  const DramatisTimelineView *view,
                                  guint                       event,
                                  double                     *x,
                                  double                     *y,
                                  double                     *width,
                                  double                     *height)
{
  const Placement *p;
  const Row *row;
  DramatisTimeMap map;
  Geometry g;
  double h;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (view != NULL, FALSE);
  g_return_val_if_fail (view->seconds_per_pixel > 0, FALSE);

  if (event >= self->n_events || self->event_offsets[event] == self->event_offsets[event + 1])
    return FALSE;

  p = &g_array_index (self->placements, Placement, self->event_placements[self->event_offsets[event]]);
  row = &g_array_index (self->rows, Row, p->row);
  dramatis_timeline_init_map (self, &map, view->seconds_per_pixel, view->start_second,
                              view->compress_gaps);
  dramatis_timeline_place (&map, p, self->label_widths[event], &g);
  h = g.bar ? BAR_HEIGHT : 2 * MARKER_RADIUS;

  if (x != NULL)
    *x = self->gutter_width + g.m0;
  if (y != NULL)
    *y = g.bar ? dramatis_timeline_bar_top (self, AXIS_HEIGHT + row->y - view->scroll_y)
               : dramatis_timeline_dot_y (self, AXIS_HEIGHT + row->y - view->scroll_y) - MARKER_RADIUS;
  if (width != NULL)
    *width = g.m1 - g.m0;
  if (height != NULL)
    *height = h;

  return TRUE;
}

/**
 * dramatis_timeline_get_actor_lane:
 * @self: a timeline
 * @view: a view
 * @actor: an actor of the story
 * @y: (out) (optional): the top of the actor's lane in the view
 * @height: (out) (optional): its height
 *
 * Where the lane of @actor is, when the timeline has a lane for each
 * actor and @actor has one.
 *
 * Returns: %TRUE if @actor has a lane
 */
gboolean
dramatis_timeline_get_actor_lane (DramatisTimeline           *self,
                                  const DramatisTimelineView *view,
                                  guint                       actor,
                                  double                     *y,
                                  double                     *height)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (view != NULL, FALSE);

  for (guint i = 0; i < self->lanes->len; i++)
    {
      const Lane *lane = &g_array_index (self->lanes, Lane, i);

      if (lane->actor != actor)
        continue;

      if (y != NULL)
        *y = AXIS_HEIGHT + lane->y - view->scroll_y;
      if (height != NULL)
        *height = lane->height;
      return TRUE;
    }

  return FALSE;
}

/**
 * dramatis_timeline_get_visible_events:
 * @self: a timeline
 * @view: a view
 *
 * The events whose marks show in the view, for a list that reaches them by
 * keyboard and for screen readers.
 *
 * Returns: (transfer full) (element-type guint): each event once, in the
 *   order of the story
 */
GArray *
dramatis_timeline_get_visible_events (DramatisTimeline           *self,
                                      const DramatisTimelineView *view)
{
  g_autofree guint8 *seen = NULL;
  GArray *events;
  DramatisTimeMap map;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (view != NULL, NULL);
  g_return_val_if_fail (view->seconds_per_pixel > 0, NULL);

  events = g_array_new (FALSE, FALSE, sizeof (guint));
  dramatis_timeline_init_map (self, &map, view->seconds_per_pixel, view->start_second,
                              view->compress_gaps);

  seen = g_new0 (guint8, MAX (self->n_events, 1));
  {
    double area_width = dramatis_timeline_time_area_width (self, view);
    guint first, end;

    dramatis_timeline_visible_lanes (self, view, &first, &end);
    for (guint l = first; l < end; l++)
      {
        const Lane *lane = &g_array_index (self->lanes, Lane, l);

        for (guint r = lane->first_row; r < lane->first_row + lane->n_rows; r++)
          {
            const Row *row = &g_array_index (self->rows, Row, r);
            double y = AXIS_HEIGHT + row->y - view->scroll_y;
            double t_hi = dramatis_time_map_to_time (&map, area_width + MARKER_RADIUS);

            if (y + self->row_height <= AXIS_HEIGHT || y >= view->height)
              continue;

            for (guint i = dramatis_timeline_row_begin (self, row,
                                                        dramatis_time_map_to_time (&map, -MARKER_RADIUS));
                 i < row->first + row->n; i++)
              {
                const Placement *p = &g_array_index (self->placements, Placement, i);
                Geometry g;

                if (p->first >= t_hi)
                  break;
                dramatis_timeline_place (&map, p, self->label_widths[p->event], &g);
                if (g.m1 >= 0 && g.m0 <= area_width)
                  seen[p->event] = TRUE;
              }
          }
      }
  }

  for (guint e = 0; e < self->n_events; e++)
    if (seen[e])
      g_array_append_val (events, e);

  return events;
}

/**
 * dramatis_timeline_get_labels:
 * @self: a timeline
 * @view: a view
 *
 * The labels as dramatis_timeline_draw() places them, each inside the
 * time area: a label shortened to fit is as wide as drawn, ellipsis
 * included.
 *
 * Returns: (transfer full) (element-type DramatisTimelineLabel): the labels
 */
GArray *
dramatis_timeline_get_labels (DramatisTimeline           *self,
                              const DramatisTimelineView *view)
{
  GArray *labels;
  DramatisTimeMap map;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (view != NULL, NULL);
  g_return_val_if_fail (view->seconds_per_pixel > 0, NULL);

  labels = g_array_new (FALSE, FALSE, sizeof (DramatisTimelineLabel));
  dramatis_timeline_init_map (self, &map, view->seconds_per_pixel, view->start_second,
                              view->compress_gaps);
  dramatis_timeline_compute_frame (self, view, &map, DRAMATIS_NO_INDEX, DRAMATIS_NO_INDEX);

  for (guint i = 0; i < self->labels->len; i++)
    {
      const FrameLabel *frame = &g_array_index (self->labels, FrameLabel, i);
      DramatisTimelineLabel label;

      label.event = g_array_index (self->placements, Placement, frame->placement).event;
      label.x = self->gutter_width + frame->x;
      label.y = dramatis_timeline_dot_y (self, frame->y) - self->label_height / 2;
      label.width = frame->width;
      label.height = self->label_height;
      g_array_append_val (labels, label);
    }

  return labels;
}
