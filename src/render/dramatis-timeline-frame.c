/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "dramatis-timeline"

#include "config.h"

#include "dramatis-timeline-private.h"

/* One frame of the timeline: the lanes and rows in view, culled to it and
 * turned into the marks, runs and labels that drawing strokes and that
 * dramatis_timeline_get_labels() reports.
 */

void
dramatis_timeline_visible_lanes (DramatisTimeline           *self,
                                 const DramatisTimelineView *view,
                                 guint                      *first,
                                 guint                      *end)
{
  double top = view->scroll_y;
  double bottom = view->scroll_y + view->height - AXIS_HEIGHT;
  guint lo = 0, hi = self->lanes->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      const Lane *lane = &g_array_index (self->lanes, Lane, mid);

      if (lane->y + lane->height <= top)
        lo = mid + 1;
      else
        hi = mid;
    }

  *first = lo;
  while (lo < self->lanes->len && g_array_index (self->lanes, Lane, lo).y < bottom)
    lo++;
  *end = lo;
}

/* The first item of a row that may still show at @time: bisection over
 * the running maximum of the ends.
 */
guint
dramatis_timeline_row_begin (DramatisTimeline *self,
                             const Row        *row,
                             double            time)
{
  guint lo = row->first, hi = row->first + row->n;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (self->max_end[mid] > time)
        hi = mid;
      else
        lo = mid + 1;
    }

  return lo;
}

/* Culls one row to the view and turns it into marks, runs and labels, in
 * view coordinates.  Marks too crowded to tell apart merge into runs, so a
 * dense row costs a few rectangles, not one shape per event.
 */
static void
frame_row (DramatisTimeline      *self,
           const DramatisTimeMap *map,
           const Row             *row,
           double                 y,
           double                 area_width,
           guint                  keep_event,
           guint                  keep_event2)
{
  const Placement *placements = (const Placement *) (gpointer) self->placements->data;
  double t_lo = dramatis_time_map_to_time (map, -(MAX_LABEL_WIDTH + 2 * MARKER_RADIUS + LABEL_GAP + 8));
  double t_hi = dramatis_time_map_to_time (map, area_width + MARKER_RADIUS + 1);
  guint end = row->first + row->n;
  /* Per track, dots then bars: how far the marks reach, and the open run
   * of each of lit and dimmed.
   */
  double reach[2] = { -G_MAXDOUBLE, -G_MAXDOUBLE };
  FrameRun run[2][2] = { { { 0 } } };
  gboolean open[2][2] = { { FALSE, FALSE }, { FALSE, FALSE } };
  guint i;

  i = dramatis_timeline_row_begin (self, row, t_lo);
  if (i >= end || placements[i].first >= t_hi)
    return;

  for (; i < end && placements[i].first < t_hi; i++)
    {
      const Placement *p = &placements[i];
      double width = self->label_widths[p->event];
      double limit, label_x, label_width;
      gboolean lit = !self->dimming || self->lit[p->event];
      gboolean crowded;
      Geometry g;

      dramatis_timeline_place (map, p, width, &g);
      limit = i + 1 < end ? dramatis_timeline_next_start (map, &placements[i + 1]) : G_MAXDOUBLE;

      /* A mark that touches its neighbours on its track cannot be told
       * apart from them; a dot is also crowded by whatever starts right
       * after it, a bar only when it is too short to show its ends.  The
       * selected and hovered events always stand on their own.
       */
      if (g.bar)
        crowded = g.m0 < reach[1] || (g.m1 - g.m0 < 3 && g.m1 + 1 > limit);
      else
        crowded = g.m0 < reach[0] || g.m1 + 1 > limit;
      crowded = crowded && p->event != keep_event && p->event != keep_event2;
      reach[g.bar] = MAX (reach[g.bar], g.m1);

      if (g.m1 >= -2 && g.m0 <= area_width + 2)
        {
          if (crowded)
            {
              FrameRun *r = &run[g.bar][lit];

              /* Merge what touches to the pixel: sub-pixel detail is lost
               * anyway, and each run is one rectangle.  A run of events of
               * several colours takes the neutral one.
               */
              if (open[g.bar][lit] && g.m0 <= r->x1 + 1)
                {
                  r->x1 = MAX (r->x1, g.m1);
                  if (r->kind != p->kind)
                    r->kind = DRAMATIS_ACTOR_KIND_OTHER;
                }
              else
                {
                  if (open[g.bar][lit])
                    g_array_append_val (self->runs, *r);
                  r->x0 = g.m0;
                  r->x1 = g.m1;
                  r->y = y;
                  r->kind = p->kind;
                  r->bar = g.bar;
                  r->lit = lit;
                  open[g.bar][lit] = TRUE;
                }
            }
          else
            {
              FrameMark mark = { g.m0, g.m1, y, i, lit };

              g_array_append_val (self->marks, mark);
            }
        }

      if (dramatis_timeline_label_fits (&g, width, limit, area_width, &label_x, &label_width))
        {
          FrameLabel label = { label_x, y, label_width, i, lit };

          g_array_append_val (self->labels, label);
        }
    }

  for (guint t = 0; t < 2; t++)
    for (guint k = 0; k < 2; k++)
      if (open[t][k])
        g_array_append_val (self->runs, run[t][k]);
}

void
dramatis_timeline_compute_frame (DramatisTimeline           *self,
                                 const DramatisTimelineView *view,
                                 const DramatisTimeMap      *map,
                                 guint                       keep_event,
                                 guint                       keep_event2)
{
  double area_width = dramatis_timeline_time_area_width (self, view);
  guint first_lane, end_lane;

  g_array_set_size (self->marks, 0);
  g_array_set_size (self->runs, 0);
  g_array_set_size (self->labels, 0);

  if (area_width <= 0)
    return;

  dramatis_timeline_visible_lanes (self, view, &first_lane, &end_lane);
  for (guint l = first_lane; l < end_lane; l++)
    {
      const Lane *lane = &g_array_index (self->lanes, Lane, l);

      for (guint r = lane->first_row; r < lane->first_row + lane->n_rows; r++)
        {
          const Row *row = &g_array_index (self->rows, Row, r);
          double y = AXIS_HEIGHT + row->y - view->scroll_y;

          if (y + self->row_height <= AXIS_HEIGHT || y >= view->height)
            continue;
          frame_row (self, map, row, y, area_width, keep_event, keep_event2);
        }
    }
}
