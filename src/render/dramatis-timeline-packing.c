/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "dramatis-timeline"

#include "config.h"

#include "dramatis-timeline-private.h"

/* Packing the events of each lane into rows, so that their labels never
 * meet, and the rules that drawing and hit-testing share with it: where
 * an event's mark and label go in a row, and whether the label fits.
 */

/* Where a placement's mark and label go at the scale of @map, in pixels
 * from the start of the time area.
 */
void
dramatis_timeline_place (const DramatisTimeMap *map,
                         const Placement       *p,
                         double                 label_width,
                         Geometry              *g)
{
  g->bar = (p->flags & MARK_BAR) != 0;
  if (g->bar)
    {
      g->m0 = dramatis_time_map_to_x (map, p->first);
      g->m1 = MAX (dramatis_time_map_to_x (map, p->end), g->m0 + MIN_BAR_WIDTH);
      g->centre = (g->m0 + g->m1) / 2;
      g->label_x = g->m0;
    }
  else
    {
      g->centre = dramatis_time_map_to_x (map, (p->first + p->end) / 2.0);
      g->m0 = g->centre - MARKER_RADIUS;
      g->m1 = g->centre + MARKER_RADIUS;
      g->label_x = g->m1 + LABEL_GAP;
    }
}

/* Where the item after this one in its row may start to cover anything.
 * Using the start of its period, not its marker, keeps the bound valid for
 * every later item of the row, since they start no earlier.
 */
double
dramatis_timeline_next_start (const DramatisTimeMap *map,
                              const Placement       *next)
{
  if (next == NULL)
    return G_MAXDOUBLE;
  return dramatis_time_map_to_x (map, next->first) - MARKER_RADIUS;
}

/* Whether the label of a placement shows, where, and how wide.  It can
 * show when it ends before the next item of its row begins, @limit: a
 * rule of the scale alone.  It stays inside the time
 * area: a label whose start is scrolled away sticks to the area's left
 * edge, a bar's sliding along its bar, and is shortened to end where it
 * would have ended (or where its bar does); one that runs past the right
 * edge is shortened to end there.  Drawing ellipsizes a shortened label,
 * and leaves out one with too little room left to read, so a pan can hide
 * a label the scale allows.  Drawing and hit-testing share it.
 */
gboolean
dramatis_timeline_label_fits (const Geometry *g,
                              double          label_width,
                              double          limit,
                              double          area_width,
                              double         *x,
                              double         *width)
{
  double lx = g->label_x;
  double right = lx + label_width;
  double shown;

  /* A hundredth of a pixel forgives the rounding between the packing's
   * mapping and the view's; labels stay LABEL_ROOM apart regardless.
   */
  if (label_width <= 0)
    return FALSE;
  if (lx + label_width + LABEL_ROOM > limit + 0.01)
    return FALSE;

  if (lx < STICKY_MARGIN)
    {
      if (g->bar)
        right = MAX (right, MIN (g->m1, limit - LABEL_ROOM));
      lx = STICKY_MARGIN;
      right = MIN (right, lx + label_width);
    }
  right = MIN (right, area_width - STICKY_MARGIN);
  shown = right - lx;

  if (shown < MIN (label_width, MIN_LABEL_WIDTH) - 0.01)
    return FALSE;

  *x = lx;
  *width = shown;
  return TRUE;
}

/* The label line of a row whose top is @top: dots sit on it. */
double
dramatis_timeline_dot_y (DramatisTimeline *self,
                         double            top)
{
  return top + 1 + self->label_height / 2;
}

/* The top of the bar track of a row whose top is @top, under its labels. */
double
dramatis_timeline_bar_top (DramatisTimeline *self,
                           double            top)
{
  return top + self->row_height - 1 - BAR_HEIGHT;
}

/* Greedy interval packing of one lane: each item goes into the first row
 * where, at the reference scale, the label line is free from its start
 * and, for a bar, the bar track is free under it.  Items arrive in time
 * order, so one pass suffices.  A lane has at most self->max_rows rows;
 * what does not fit shares a row and loses its label.  With a cap of r, a
 * lane has the first min (u, r) of the u rows it has uncapped, as first
 * fit fills its rows in the same order either way.  Writes the row of
 * each item of the lane to @row_of, by item, and returns the rows used.
 */
static guint
assign_rows (DramatisTimeline      *self,
             const DramatisTimeMap *map,
             const Lane            *lane,
             guint8                *row_of)
{
  double row_end[DRAMATIS_TIMELINE_MAX_ROWS], bar_end[DRAMATIS_TIMELINE_MAX_ROWS];
  guint used = 0;

  for (guint r = 0; r < DRAMATIS_TIMELINE_MAX_ROWS; r++)
    row_end[r] = bar_end[r] = -G_MAXDOUBLE;

  for (guint i = lane->first_item; i < lane->first_item + lane->n_items; i++)
    {
      const Placement *p = &g_array_index (self->lane_items, Placement, i);
      double width = self->label_widths[p->event];
      double start, end;
      Geometry g;
      guint r;

      dramatis_timeline_place (map, p, width, &g);
      start = dramatis_timeline_next_start (map, p);
      end = MAX (g.bar ? g.m0 : g.m1, g.label_x + width) + LABEL_ROOM;

      for (r = 0; r < used; r++)
        if (row_end[r] <= start && (!g.bar || bar_end[r] + 1 <= g.m0))
          break;

      if (r == used && used < self->max_rows)
        used++;
      else if (r == used)
        {
          /* Every row is taken: share the one that frees first. */
          r = 0;
          for (guint k = 1; k < used; k++)
            if (row_end[k] < row_end[r])
              r = k;
        }

      row_end[r] = MAX (row_end[r], end);
      if (g.bar)
        bar_end[r] = MAX (bar_end[r], g.m1);
      row_of[i - lane->first_item] = r;
    }

  return used;
}

/* Where each event is placed, topmost lane first. */
static void
index_event_placements (DramatisTimeline *self)
{
  g_autofree guint *fill = g_new0 (guint, self->n_events + 1);

  g_free (self->event_offsets);
  g_free (self->event_placements);
  self->event_offsets = g_new0 (guint, self->n_events + 1);
  self->event_placements = g_new (guint, MAX (self->placements->len, 1));
  for (guint i = 0; i < self->placements->len; i++)
    self->event_offsets[g_array_index (self->placements, Placement, i).event + 1]++;
  for (guint e = 0; e < self->n_events; e++)
    self->event_offsets[e + 1] += self->event_offsets[e];
  for (guint i = 0; i < self->placements->len; i++)
    {
      guint e = g_array_index (self->placements, Placement, i).event;

      self->event_placements[self->event_offsets[e] + fill[e]++] = i;
    }
}

/* Writes the placements of a lane's rows, in time order within each row,
 * with the running maximum of their ends, from @row_of as assign_rows()
 * gave it.  The rows' places in self->placements must be set.
 */
static void
scatter_lane (DramatisTimeline *self,
              const Lane       *lane,
              const guint8     *row_of)
{
  guint fill[DRAMATIS_TIMELINE_MAX_ROWS] = { 0 };

  for (guint i = lane->first_item; i < lane->first_item + lane->n_items; i++)
    {
      guint r = lane->first_row + row_of[i - lane->first_item];
      const Row *row = &g_array_index (self->rows, Row, r);
      Placement *p = &g_array_index (self->placements, Placement, row->first + fill[r - lane->first_row]++);

      *p = g_array_index (self->lane_items, Placement, i);
      p->row = r;
    }

  /* The running maximum of the ends lets a draw find, by bisection, the
   * first item of a row that can still reach into the view.
   */
  for (guint r = lane->first_row; r < lane->first_row + lane->n_rows; r++)
    {
      const Row *row = &g_array_index (self->rows, Row, r);
      gint64 reach = G_MININT64;

      for (guint i = row->first; i < row->first + row->n; i++)
        {
          reach = MAX (reach, g_array_index (self->placements, Placement, i).end);
          self->max_end[i] = reach;
        }
    }
}

/* Greedy interval packing, lane by lane: each item goes into the first row
 * where, at the reference scale, the label line is free from its start
 * and, for a bar, the bar track is free under it.  Items arrive in time
 * order, so one pass suffices.  A lane has at most self->max_rows rows;
 * what does not fit shares a row and loses its label.  With a cap of r, a
 * lane has the first min (u, r) of the u rows it has uncapped, as first
 * fit fills its rows in the same order either way.
 */
void
dramatis_timeline_pack (DramatisTimeline *self,
                        double            seconds_per_pixel)
{
  g_autofree guint8 *row_of = NULL;
  DramatisTimeMap map;
  guint n_rows = 0;
  double y = 0;

  self->layout_seconds_per_pixel = seconds_per_pixel;
  dramatis_timeline_init_map (self, &map, seconds_per_pixel, self->first_second, TRUE);
  row_of = g_new0 (guint8, MAX (self->lane_items->len, 1));

  for (guint l = 0; l < self->lanes->len; l++)
    {
      Lane *lane = &g_array_index (self->lanes, Lane, l);
      guint used = assign_rows (self, &map, lane, row_of + lane->first_item);

      lane->first_row = n_rows;
      lane->n_rows = MAX (used, 1);
      lane->y = y;
      lane->height = lane->n_rows * self->row_height + 2 * LANE_PADDING;
      y += lane->height;
      n_rows += lane->n_rows;
    }

  self->content_height = AXIS_HEIGHT + y;

  /* Group the items by row; a stable scatter keeps each row in time order. */
  g_array_set_size (self->rows, n_rows);
  for (guint l = 0; l < self->lanes->len; l++)
    {
      const Lane *lane = &g_array_index (self->lanes, Lane, l);

      for (guint r = 0; r < lane->n_rows; r++)
        {
          Row *row = &g_array_index (self->rows, Row, lane->first_row + r);

          row->lane = l;
          row->n = 0;
          row->y = lane->y + LANE_PADDING + r * self->row_height;
        }
      for (guint i = lane->first_item; i < lane->first_item + lane->n_items; i++)
        g_array_index (self->rows, Row, lane->first_row + row_of[i]).n++;
    }

  for (guint r = 0, first = 0; r < n_rows; r++)
    {
      Row *row = &g_array_index (self->rows, Row, r);

      row->first = first;
      first += row->n;
    }

  g_array_set_size (self->placements, self->lane_items->len);
  g_free (self->max_end);
  self->max_end = g_new (gint64, MAX (self->placements->len, 1));
  for (guint l = 0; l < self->lanes->len; l++)
    {
      const Lane *lane = &g_array_index (self->lanes, Lane, l);

      scatter_lane (self, lane, row_of + lane->first_item);
    }

  index_event_placements (self);
}

/**
 * dramatis_timeline_repack_lanes:
 * @self: a timeline
 * @lanes: (array length=n_lanes): lanes whose items changed, each with as
 *   many items as before
 * @n_lanes: how many
 *
 * Packs again only the lanes whose items an edit changed, at the scale
 * and with the axis breaks the others were packed with.
 *
 * Returns: %FALSE, having changed nothing, if a lane would need another
 *   number of rows: the lanes below it would move, and everything must
 *   be packed again
 */
gboolean
dramatis_timeline_repack_lanes (DramatisTimeline *self,
                                const guint      *lanes,
                                guint             n_lanes)
{
  g_autofree guint8 *row_of = NULL;
  DramatisTimeMap map;
  guint n_items = 0;

  dramatis_timeline_init_map (self, &map, self->layout_seconds_per_pixel, self->first_second, TRUE);
  for (guint i = 0; i < n_lanes; i++)
    n_items = MAX (n_items, g_array_index (self->lanes, Lane, lanes[i]).n_items);
  row_of = g_new0 (guint8, MAX (n_items, 1) * n_lanes);

  for (guint i = 0; i < n_lanes; i++)
    {
      const Lane *lane = &g_array_index (self->lanes, Lane, lanes[i]);

      if (MAX (assign_rows (self, &map, lane, row_of + i * n_items), 1) != lane->n_rows)
        return FALSE;
    }

  for (guint i = 0; i < n_lanes; i++)
    {
      const Lane *lane = &g_array_index (self->lanes, Lane, lanes[i]);
      guint first = g_array_index (self->rows, Row, lane->first_row).first;

      for (guint r = lane->first_row; r < lane->first_row + lane->n_rows; r++)
        g_array_index (self->rows, Row, r).n = 0;
      for (guint k = 0; k < lane->n_items; k++)
        g_array_index (self->rows, Row, lane->first_row + row_of[i * n_items + k]).n++;
      for (guint r = lane->first_row; r < lane->first_row + lane->n_rows; r++)
        {
          Row *row = &g_array_index (self->rows, Row, r);

          row->first = first;
          first += row->n;
        }
      scatter_lane (self, lane, row_of + i * n_items);
    }

  index_event_placements (self);
  return TRUE;
}
