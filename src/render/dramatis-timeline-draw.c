/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "dramatis-timeline"

#include "config.h"

#include <math.h>
#include <string.h>

#include "dramatis-timeline-private.h"

/* Drawing the timeline: a frame of marks, runs and labels, stroked over
 * the lanes and grid, with the axis on top, and the selection lit.  The
 * shapes the legend shows come from here too.
 */

static gboolean
participates (const DramatisEvent *event,
              guint                actor)
{
  for (guint j = 0; j < event->n_participants; j++)
    if (event->participants[j].actor == actor)
      return TRUE;
  return FALSE;
}

/* The events a selection lights: those of a selected actor, or those that
 * join the two actors of a selected relation.  A selected event dims
 * nothing; it gets an outline instead.
 */
static void
update_lit (DramatisTimeline        *self,
            const DramatisSelection *selection)
{
  const DramatisItem *item = selection != NULL ? &selection->selected : NULL;
  DramatisItem none = DRAMATIS_ITEM_INIT_NONE;
  guint n_actors = dramatis_story_get_n_actors (self->story);
  guint actor = DRAMATIS_NO_INDEX, other = DRAMATIS_NO_INDEX;
  const guint *events;
  guint n;

  if (item == NULL)
    item = &none;
  if (dramatis_item_equal (item, &self->lit_for))
    return;
  self->lit_for = *item;
  self->dimming = FALSE;

  if (item->kind == DRAMATIS_ITEM_ACTOR && item->index < n_actors)
    actor = item->index;
  else if (item->kind == DRAMATIS_ITEM_RELATION &&
           item->index < dramatis_story_get_n_relations (self->story))
    {
      const DramatisRelation *relation = dramatis_story_get_relation (self->story, item->index);

      actor = relation->from < n_actors ? relation->from : relation->to;
      other = relation->from < n_actors ? relation->to : DRAMATIS_NO_INDEX;
    }

  if (actor >= n_actors)
    return;

  self->dimming = TRUE;
  memset (self->lit, 0, MAX (self->n_events, 1));
  events = dramatis_story_get_actor_events (self->story, actor, &n);
  for (guint i = 0; i < n; i++)
    {
      const DramatisEvent *e = dramatis_story_get_event (self->story, events[i]);

      if (other >= n_actors || participates (e, other))
        self->lit[events[i]] = TRUE;
    }
}

/* The event a selection or hover points at: an event, or the event of a
 * statement.
 */
static guint
item_event (DramatisTimeline   *self,
            const DramatisItem *item)
{
  if (item->kind == DRAMATIS_ITEM_EVENT && item->index < self->n_events)
    return item->index;
  if (item->kind == DRAMATIS_ITEM_STATEMENT &&
      item->index < dramatis_story_get_n_statements (self->story))
    {
      guint event = dramatis_story_get_statement (self->story, item->index)->event;

      if (event < self->n_events)
        return event;
    }
  return DRAMATIS_NO_INDEX;
}

void
dramatis_timeline_rounded_rectangle (cairo_t *cr,
                                     double   x,
                                     double   y,
                                     double   width,
                                     double   height,
                                     double   radius)
{
  radius = MIN (radius, MIN (width, height) / 2);
  if (radius < 0.5)
    {
      cairo_rectangle (cr, x, y, width, height);
      return;
    }

  cairo_new_sub_path (cr);
  cairo_arc (cr, x + width - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + width - radius, y + height - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + height - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

/* Adds the stops of a piecewise linear alpha profile, given at absolute x
 * positions, to a gradient that spans only [x0, x1]: the visible part of a
 * bar.  Gradients with far-away ends lose precision in pixman's fixed
 * point, so they are never made wider than the view.
 */
void
dramatis_timeline_add_profile_stops (cairo_pattern_t     *pattern,
                                     const double        *xs,
                                     const double        *alphas,
                                     guint                n,
                                     double               x0,
                                     double               x1,
                                     const DramatisColor *color,
                                     double               alpha)
{
  double width = MAX (x1 - x0, 1e-6);

  for (guint k = 0; k < n; k++)
    {
      double x = xs[k];
      double a = alphas[k];

      if (k + 1 < n && xs[k + 1] <= x0)
        continue;
      if (k > 0 && xs[k - 1] >= x1)
        break;

      /* Interpolate where the profile crosses the visible edges. */
      if (x < x0 && k + 1 < n)
        {
          a += (alphas[k + 1] - a) * (x0 - x) / MAX (xs[k + 1] - x, 1e-6);
          x = x0;
        }
      else if (x > x1 && k > 0)
        {
          a = alphas[k - 1] + (a - alphas[k - 1]) * (x1 - xs[k - 1]) / MAX (x - xs[k - 1], 1e-6);
          x = x1;
        }

      cairo_pattern_add_color_stop_rgba (pattern, CLAMP ((x - x0) / width, 0.0, 1.0),
                                         color->red, color->green, color->blue,
                                         color->alpha * a * alpha);
    }
}

/* A bar whose ends are uncertain fades out over the period its partial
 * date covers: a date known only as "2024" could be any day of the year.
 */
static void
fill_faded_bar (cairo_t               *cr,
                DramatisStory         *story,
                const DramatisTimeMap *map,
                const Placement       *p,
                double                 x,
                double                 y,
                double                 width,
                double                 height,
                double                 clip0,
                double                 clip1,
                const DramatisColor   *color,
                double                 alpha)
{
  const DramatisEvent *e = dramatis_story_get_event (story, p->event);
  cairo_pattern_t *pattern;
  double xs[4], alphas[4];
  guint n = 0;
  double v0 = MAX (x, clip0), v1 = MIN (x + width, clip1);

  if (v1 <= v0)
    return;

  if (!dramatis_date_is_set (&e->when.end))
    {
      /* One partial date: uncertain at both ends, likeliest in between. */
      xs[0] = x;
      xs[1] = x + width * 0.35;
      xs[2] = x + width * 0.65;
      xs[3] = x + width;
      alphas[0] = alphas[3] = FADE_LOW;
      alphas[1] = alphas[2] = FADE_HIGH;
      n = 4;
    }
  else
    {
      gint64 start_end_second = dramatis_date_get_end_second (&e->when.start);
      gint64 end_first_second = dramatis_date_get_first_second (&e->when.end);
      double start_end = dramatis_time_map_to_x (map, start_end_second) - x;
      double end_first = dramatis_time_map_to_x (map, end_first_second) - x;

      start_end = CLAMP (start_end, 0, width);
      end_first = CLAMP (end_first, start_end, width);

      xs[n] = x;
      alphas[n++] = (p->flags & MARK_FADE_START) ? FADE_LOW : SOLID;
      if (p->flags & MARK_FADE_START)
        {
          xs[n] = x + start_end;
          alphas[n++] = SOLID;
        }
      if (p->flags & MARK_FADE_END)
        {
          xs[n] = x + end_first;
          alphas[n++] = SOLID;
        }
      xs[n] = x + width;
      alphas[n++] = (p->flags & MARK_FADE_END) ? FADE_LOW : SOLID;
    }

  pattern = cairo_pattern_create_linear (v0, 0, v1, 0);
  dramatis_timeline_add_profile_stops (pattern, xs, alphas, n, v0, v1, color, alpha);
  cairo_set_source (cr, pattern);
  cairo_rectangle (cr, v0, y, v1 - v0, height);
  cairo_fill (cr);
  cairo_pattern_destroy (pattern);
}

void
dramatis_timeline_set_dash (cairo_t             *cr,
                            const DramatisTheme *theme)
{
  double dash[] = { 3 * theme->line_width, 2 * theme->line_width };

  cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
}

/* One mark, with its uncertainty made visible: a faded bar for a partial
 * date, a dashed outline for an approximate one.
 */
static void
draw_mark (DramatisTimeline      *self,
           cairo_t               *cr,
           const DramatisTimeMap *map,
           const DramatisTheme   *theme,
           const FrameMark       *mark,
           double                 area_width)
{
  const Placement *p = &g_array_index (self->placements, Placement, mark->placement);
  const DramatisColor *color = dramatis_theme_get_actor_color (theme, p->kind);
  double alpha = mark->lit ? 1.0 : theme->dim_alpha;
  double x0 = self->gutter_width;
  double clip0 = x0 - 4, clip1 = x0 + area_width + 4;

  if (p->flags & MARK_BAR)
    {
      double bx = x0 + mark->x0, bw = mark->x1 - mark->x0;
      double by = dramatis_timeline_bar_top (self, mark->y);
      double v0 = MAX (bx, clip0), v1 = MIN (bx + bw, clip1);

      if (p->flags & (MARK_FADE_START | MARK_FADE_END))
        fill_faded_bar (cr, self->story, map, p, bx, by, bw, BAR_HEIGHT, clip0, clip1, color, alpha);
      else
        {
          dramatis_color_set_source_alpha (color, cr, SOLID * alpha);
          dramatis_timeline_rounded_rectangle (cr, v0, by, v1 - v0, BAR_HEIGHT,
                                               bx >= clip0 && bx + bw <= clip1 ? 2 : 0);
          cairo_fill (cr);
        }

      /* Soft enough that a fading fill still shows through. */
      if (p->flags & MARK_APPROXIMATE)
        {
          cairo_save (cr);
          dramatis_timeline_set_dash (cr, theme);
          cairo_set_line_width (cr, theme->line_width);
          dramatis_color_set_source_alpha (color, cr, 0.6 * alpha);
          cairo_rectangle (cr, v0 + 0.5, by + 0.5, MAX (v1 - v0 - 1, 0), BAR_HEIGHT - 1);
          cairo_stroke (cr);
          cairo_restore (cr);
        }
    }
  else
    {
      double cx = x0 + (mark->x0 + mark->x1) / 2;
      double cy = dramatis_timeline_dot_y (self, mark->y);
      double first = x0 + dramatis_time_map_to_x (map, p->first);
      double end = x0 + dramatis_time_map_to_x (map, p->end);

      /* Close enough, a day's event shows the whole day behind its dot. */
      if (end - first > 2 * MARKER_RADIUS + 4)
        {
          first = MAX (first, clip0);
          end = MIN (end, clip1);
          dramatis_color_set_source_alpha (color, cr, 0.2 * alpha);
          dramatis_timeline_rounded_rectangle (cr, first, cy - MARKER_RADIUS, end - first,
                                               2 * MARKER_RADIUS, MARKER_RADIUS);
          cairo_fill (cr);
        }

      cairo_new_path (cr);
      cairo_arc (cr, cx, cy, MARKER_RADIUS, 0, 2 * G_PI);
      if (p->flags & MARK_APPROXIMATE)
        {
          dramatis_color_set_source_alpha (color, cr, 0.35 * alpha);
          cairo_fill_preserve (cr);
          cairo_save (cr);
          dramatis_timeline_set_dash (cr, theme);
          cairo_set_line_width (cr, 1.5 * theme->line_width);
          dramatis_color_set_source_alpha (color, cr, alpha);
          cairo_stroke (cr);
          cairo_restore (cr);
        }
      else
        {
          dramatis_color_set_source_alpha (color, cr, alpha);
          cairo_fill (cr);
        }
    }
}

static void
outline_mark (DramatisTimeline    *self,
              cairo_t             *cr,
              const FrameMark     *mark,
              const DramatisColor *color,
              double               width)
{
  const Placement *p = &g_array_index (self->placements, Placement, mark->placement);
  double x0 = self->gutter_width;

  cairo_new_path (cr);
  if (p->flags & MARK_BAR)
    dramatis_timeline_rounded_rectangle (cr, x0 + mark->x0 - 2,
                                         dramatis_timeline_bar_top (self, mark->y) - 2,
                                         mark->x1 - mark->x0 + 4, BAR_HEIGHT + 4, 3);
  else
    cairo_arc (cr, x0 + (mark->x0 + mark->x1) / 2, dramatis_timeline_dot_y (self, mark->y),
               MARKER_RADIUS + 2, 0, 2 * G_PI);
  dramatis_color_set_source (color, cr);
  cairo_set_line_width (cr, width);
  cairo_stroke (cr);
}

void
dramatis_timeline_draw_zigzag (cairo_t *cr,
                               double   x,
                               double   y0,
                               double   y1)
{
  gboolean left = TRUE;

  cairo_move_to (cr, x, y0);
  for (double y = y0 + 3; y < y1; y += 3, left = !left)
    cairo_line_to (cr, x + (left ? -2.5 : 2.5), y);
  cairo_line_to (cr, x, y1);
}

PangoLayout *
dramatis_timeline_new_layout (DramatisTimeline           *self,
                              const PangoFontDescription *font)
{
  PangoLayout *layout = pango_layout_new (self->pango);

  pango_layout_set_font_description (layout, font);
  return layout;
}

static void
draw_axis (DramatisTimeline           *self,
           cairo_t                    *cr,
           const DramatisTimelineView *view,
           const DramatisTimeMap      *map,
           const DramatisTheme        *theme,
           const DramatisTimeAxis     *axis)
{
  g_autoptr(PangoLayout) tick_layout = dramatis_timeline_new_layout (self, self->axis_font);
  g_autoptr(PangoLayout) period_layout = dramatis_timeline_new_layout (self, self->period_font);
  double x0 = self->gutter_width;
  double area_width = dramatis_timeline_time_area_width (self, view);

  dramatis_color_set_source (&theme->background, cr);
  cairo_rectangle (cr, 0, 0, view->width, AXIS_HEIGHT);
  cairo_fill (cr);

  /* The gutter's corner names what the lanes are. */
  pango_layout_set_text (period_layout, dramatis_timeline_lanes_title (self->mode), -1);
  pango_layout_set_width (period_layout, (int) ((x0 - 2 * GUTTER_PADDING) * PANGO_SCALE));
  pango_layout_set_ellipsize (period_layout, PANGO_ELLIPSIZE_END);
  dramatis_color_set_source (&theme->dim_foreground, cr);
  cairo_move_to (cr, GUTTER_PADDING, AXIS_HEIGHT - 6 - self->label_height);
  pango_cairo_show_layout (cr, period_layout);
  pango_layout_set_width (period_layout, -1);

  cairo_save (cr);
  cairo_rectangle (cr, x0, 0, area_width, AXIS_HEIGHT);
  cairo_clip (cr);
  cairo_translate (cr, x0, 0);

  /* Ticks: short for each unit, long where the larger unit begins. */
  cairo_set_line_width (cr, theme->line_width);
  for (guint i = 0; i < axis->ticks->len; i++)
    {
      const DramatisTimeTick *tick = &g_array_index (axis->ticks, DramatisTimeTick, i);
      double x = round (tick->x) + 0.5;

      dramatis_color_set_source (tick->major ? &theme->dim_foreground : &theme->grid, cr);
      cairo_move_to (cr, x, tick->major ? AXIS_HEIGHT / 2 - 2 : AXIS_HEIGHT - 6);
      cairo_line_to (cr, x, AXIS_HEIGHT);
      cairo_stroke (cr);
    }

  /* Tick labels sit right of their tick and must end before the next one
   * or the next break; what does not fit is left out.
   */
  dramatis_color_set_source (&theme->dim_foreground, cr);
  for (guint i = 0; i < axis->ticks->len; i++)
    {
      const DramatisTimeTick *tick = &g_array_index (axis->ticks, DramatisTimeTick, i);
      PangoRectangle logical;

      pango_layout_set_text (tick_layout, tick->label, -1);
      pango_layout_get_extents (tick_layout, NULL, &logical);
      if (tick->x + 3 + (double) logical.width / PANGO_SCALE + 2 > tick->x_limit)
        continue;
      cairo_move_to (cr, tick->x + 3, AXIS_HEIGHT - 4 - (double) logical.height / PANGO_SCALE);
      pango_cairo_show_layout (cr, tick_layout);
    }

  /* Period labels stick to the left edge while their period is in view,
   * and are pushed out by the next one.
   */
  dramatis_color_set_source (&theme->foreground, cr);
  for (guint i = 0; i < axis->periods->len; i++)
    {
      const DramatisTimePeriod *period = &g_array_index (axis->periods, DramatisTimePeriod, i);
      PangoRectangle logical;
      double width, x;

      pango_layout_set_text (period_layout, period->label, -1);
      pango_layout_get_extents (period_layout, NULL, &logical);
      width = (double) logical.width / PANGO_SCALE;
      x = MAX (period->x, 0) + 3;
      x = MIN (x, period->x_end - 3 - width);
      if (x < period->x + 3 - 0.5 && period->x >= 0)
        continue;
      if (x + width <= 0)
        continue;
      cairo_move_to (cr, x, 3);
      pango_cairo_show_layout (cr, period_layout);
    }

  /* Axis breaks: a zigzag on either side of the cut. */
  for (guint g = 0; g < map->n_gaps; g++)
    {
      double bx0, bx1;

      if (!dramatis_time_map_get_break (map, g, &bx0, &bx1) || bx1 < 0 || bx0 > area_width)
        continue;

      dramatis_color_set_source (&theme->background, cr);
      cairo_rectangle (cr, bx0, 0, bx1 - bx0, AXIS_HEIGHT);
      cairo_fill (cr);

      dramatis_color_set_source (&theme->dim_foreground, cr);
      cairo_set_line_width (cr, theme->line_width);
      dramatis_timeline_draw_zigzag (cr, bx0 + 8, 2, AXIS_HEIGHT);
      dramatis_timeline_draw_zigzag (cr, bx1 - 8, 2, AXIS_HEIGHT);
      cairo_stroke (cr);
    }

  cairo_restore (cr);

  dramatis_color_set_source (&theme->grid, cr);
  cairo_set_line_width (cr, theme->line_width);
  cairo_move_to (cr, 0, AXIS_HEIGHT - 0.5);
  cairo_line_to (cr, view->width, AXIS_HEIGHT - 0.5);
  cairo_stroke (cr);
}

static gboolean
lane_has_actor (const Lane *lane,
                guint       actor)
{
  return lane->actor != DRAMATIS_NO_INDEX && lane->actor == actor;
}

static gboolean
event_has_actor (DramatisStory *story,
                 guint          event,
                 guint          actor)
{
  const DramatisEvent *e;

  if (event == DRAMATIS_NO_INDEX || actor == DRAMATIS_NO_INDEX)
    return FALSE;
  e = dramatis_story_get_event (story, event);
  return participates (e, actor);
}

static void
draw_lanes (DramatisTimeline           *self,
            cairo_t                    *cr,
            const DramatisTimelineView *view,
            const DramatisTheme        *theme,
            const DramatisSelection    *selection,
            guint                       selected_event)
{
  g_autoptr(PangoLayout) layout = dramatis_timeline_new_layout (self, self->lane_font);
  guint first, end;
  double x0 = self->gutter_width;

  pango_layout_set_width (layout, (int) ((x0 - 2 * GUTTER_PADDING - GUTTER_DOT - 4) * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);

  dramatis_timeline_visible_lanes (self, view, &first, &end);
  for (guint l = first; l < end; l++)
    {
      const Lane *lane = &g_array_index (self->lanes, Lane, l);
      double y = AXIS_HEIGHT + lane->y - view->scroll_y;
      gboolean selected = selection != NULL && selection->selected.kind == DRAMATIS_ITEM_ACTOR &&
                          lane_has_actor (lane, selection->selected.index);
      gboolean hovered = selection != NULL && selection->hovered.kind == DRAMATIS_ITEM_ACTOR &&
                         lane_has_actor (lane, selection->hovered.index);
      gboolean related = self->mode == DRAMATIS_LANES_BY_ACTOR &&
                         event_has_actor (self->story, selected_event, lane->actor);
      const DramatisColor *dot = dramatis_theme_get_actor_color (theme, lane->kind);

      if (l % 2 == 1)
        {
          dramatis_color_set_source (&theme->lane_background, cr);
          cairo_rectangle (cr, 0, y, view->width, lane->height);
          cairo_fill (cr);
        }

      if (hovered)
        {
          dramatis_color_set_source (&theme->hover, cr);
          cairo_rectangle (cr, 0, y, x0, lane->height);
          cairo_fill (cr);
        }

      /* The actors of the selected event, and the selected actor, stand out
       * in the gutter.
       */
      if (related || selected)
        {
          dramatis_color_set_source (selected ? &theme->accent : &theme->highlight, cr);
          cairo_rectangle (cr, 0, y, 4, lane->height);
          cairo_fill (cr);
        }

      dramatis_color_set_source_alpha (dot, cr, self->dimming && !selected ? theme->dim_alpha : 1.0);
      cairo_arc (cr, GUTTER_PADDING + GUTTER_DOT / 2, dramatis_timeline_dot_y (self, y + LANE_PADDING),
                 GUTTER_DOT / 2, 0, 2 * G_PI);
      cairo_fill (cr);

      pango_layout_set_text (layout, lane->title, -1);
      if (selected)
        dramatis_color_set_source (&theme->accent, cr);
      else
        dramatis_color_set_source (&theme->foreground, cr);
      cairo_move_to (cr, GUTTER_PADDING + GUTTER_DOT + 6, y + LANE_PADDING + 1);
      pango_cairo_show_layout (cr, layout);

      dramatis_color_set_source (&theme->grid, cr);
      cairo_set_line_width (cr, theme->line_width);
      cairo_move_to (cr, 0, round (y + lane->height) - 0.5);
      cairo_line_to (cr, view->width, round (y + lane->height) - 0.5);
      cairo_stroke (cr);
    }

  dramatis_color_set_source (&theme->grid, cr);
  cairo_move_to (cr, round (x0) - 0.5, AXIS_HEIGHT);
  cairo_line_to (cr, round (x0) - 0.5, view->height);
  cairo_stroke (cr);
}

static void
draw_grid (DramatisTimeline           *self,
           cairo_t                    *cr,
           const DramatisTimelineView *view,
           const DramatisTimeMap      *map,
           const DramatisTheme        *theme,
           const DramatisTimeAxis     *axis)
{
  double x0 = self->gutter_width;
  double area_width = dramatis_timeline_time_area_width (self, view);

  cairo_set_line_width (cr, theme->line_width);
  for (guint i = 0; i < axis->ticks->len; i++)
    {
      const DramatisTimeTick *tick = &g_array_index (axis->ticks, DramatisTimeTick, i);
      double x = round (x0 + tick->x) + 0.5;

      if (tick->x < 0 || tick->x > area_width)
        continue;
      dramatis_color_set_source_alpha (&theme->grid, cr, tick->major ? 1.0 : 0.5);
      cairo_move_to (cr, x, AXIS_HEIGHT);
      cairo_line_to (cr, x, view->height);
      cairo_stroke (cr);
    }

  /* Across the lanes, a break is a strip of plain background between two
   * dashed lines, so no lane seems to run on through the missing time.
   */
  for (guint g = 0; g < map->n_gaps; g++)
    {
      double bx0, bx1;

      if (!dramatis_time_map_get_break (map, g, &bx0, &bx1) || bx1 < 0 || bx0 > area_width)
        continue;

      dramatis_color_set_source (&theme->background, cr);
      cairo_rectangle (cr, x0 + bx0, AXIS_HEIGHT, bx1 - bx0, view->height - AXIS_HEIGHT);
      cairo_fill (cr);

      cairo_save (cr);
      dramatis_timeline_set_dash (cr, theme);
      dramatis_color_set_source (&theme->grid, cr);
      cairo_move_to (cr, round (x0 + bx0 + 8) + 0.5, AXIS_HEIGHT);
      cairo_line_to (cr, round (x0 + bx0 + 8) + 0.5, view->height);
      cairo_move_to (cr, round (x0 + bx1 - 8) + 0.5, AXIS_HEIGHT);
      cairo_line_to (cr, round (x0 + bx1 - 8) + 0.5, view->height);
      cairo_stroke (cr);
      cairo_restore (cr);
    }
}

static void
draw_labels (DramatisTimeline    *self,
             cairo_t             *cr,
             const DramatisTheme *theme)
{
  g_autoptr(PangoLayout) regular = dramatis_timeline_new_layout (self, self->label_font);
  g_autoptr(PangoLayout) inferred = dramatis_timeline_new_layout (self, self->inferred_font);
  double x0 = self->gutter_width;

  pango_layout_set_ellipsize (regular, PANGO_ELLIPSIZE_END);
  pango_layout_set_ellipsize (inferred, PANGO_ELLIPSIZE_END);

  for (guint i = 0; i < self->labels->len; i++)
    {
      const FrameLabel *label = &g_array_index (self->labels, FrameLabel, i);
      const Placement *p = &g_array_index (self->placements, Placement, label->placement);
      const DramatisEvent *e = dramatis_story_get_event (self->story, p->event);
      PangoLayout *layout = (p->flags & MARK_INFERRED) ? inferred : regular;
      double alpha = label->lit ? 1.0 : theme->dim_alpha;
      double top = dramatis_timeline_dot_y (self, label->y) - self->label_height / 2;

      /* A label shortened to stay in view ends with an ellipsis; one shown
       * whole is never cut, whatever the rounding of its measure.
       */
      if (label->width < self->label_widths[p->event] - 0.5)
        pango_layout_set_width (layout, (int) (label->width * PANGO_SCALE));
      else
        pango_layout_set_width (layout, (int) (MAX_LABEL_WIDTH * PANGO_SCALE));
      pango_layout_set_text (layout, dramatis_timeline_format_label (self->text, e, p->flags), -1);
      dramatis_color_set_source_alpha (&theme->foreground, cr, alpha);
      cairo_move_to (cr, x0 + label->x, top);
      pango_cairo_show_layout (cr, layout);
    }
}

/**
 * dramatis_timeline_draw:
 * @self: a timeline
 * @cr: where to draw, with (0, 0) at the view's top left
 * @view: what to show
 * @theme: colours; its fonts must be those the timeline was made with
 * @selection: (nullable): the selected and hovered items
 *
 * Draws the view: the lanes, the events in them, and the axis on top.  A
 * selected actor lights its events and dims the others; a selected event
 * gets an outline and marks its actors' lanes; a hovered one a shade.
 */
void
dramatis_timeline_draw (DramatisTimeline           *self,
                        cairo_t                    *cr,
                        const DramatisTimelineView *view,
                        const DramatisTheme        *theme,
                        const DramatisSelection    *selection)
{
  g_auto(DramatisTimeAxis) axis = { 0 };
  DramatisTimeMap map;
  guint selected_event = DRAMATIS_NO_INDEX, hovered_event = DRAMATIS_NO_INDEX;
  double x0, area_width;

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (view != NULL);
  g_return_if_fail (view->seconds_per_pixel > 0);
  g_return_if_fail (theme != NULL);

  x0 = self->gutter_width;
  area_width = dramatis_timeline_time_area_width (self, view);
  dramatis_timeline_init_map (self, &map, view->seconds_per_pixel, view->start_second,
                              view->compress_gaps);
  update_lit (self, selection);
  if (selection != NULL)
    {
      selected_event = item_event (self, &selection->selected);
      hovered_event = item_event (self, &selection->hovered);
    }

  pango_cairo_update_context (cr, self->pango);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, view->width, view->height);
  cairo_clip (cr);

  dramatis_color_set_source (&theme->background, cr);
  cairo_paint (cr);

  dramatis_time_axis_init (&axis);
  dramatis_time_axis_compute (&axis, &map, area_width, self->axis_spacing);

  cairo_save (cr);
  cairo_rectangle (cr, 0, AXIS_HEIGHT, view->width, MAX (view->height - AXIS_HEIGHT, 0));
  cairo_clip (cr);

  draw_lanes (self, cr, view, theme, selection, selected_event);

  cairo_rectangle (cr, x0, AXIS_HEIGHT, area_width, MAX (view->height - AXIS_HEIGHT, 0));
  cairo_clip (cr);

  draw_grid (self, cr, view, &map, theme, &axis);

  dramatis_timeline_compute_frame (self, view, &map, selected_event, hovered_event);

  /* Hover first, as a shade behind the mark and its label. */
  for (guint i = 0; i < self->marks->len && hovered_event != DRAMATIS_NO_INDEX; i++)
    {
      const FrameMark *mark = &g_array_index (self->marks, FrameMark, i);
      const Placement *p = &g_array_index (self->placements, Placement, mark->placement);
      double right = mark->x1;

      if (p->event != hovered_event)
        continue;
      for (guint k = 0; k < self->labels->len; k++)
        {
          const FrameLabel *label = &g_array_index (self->labels, FrameLabel, k);

          if (label->placement == mark->placement)
            right = MAX (right, label->x + label->width);
        }
      dramatis_color_set_source (&theme->hover, cr);
      dramatis_timeline_rounded_rectangle (cr, x0 + mark->x0 - 4, mark->y + 1,
                                           right - mark->x0 + 8, self->row_height - 2, 4);
      cairo_fill (cr);
    }

  /* Dense stretches, one rectangle per run. */
  for (guint i = 0; i < self->runs->len; i++)
    {
      const FrameRun *run = &g_array_index (self->runs, FrameRun, i);
      const DramatisColor *color = dramatis_theme_get_actor_color (theme, run->kind);
      double r0 = MAX (run->x0, -4), r1 = MIN (run->x1, area_width + 4);

      double y = run->bar ? dramatis_timeline_bar_top (self, run->y) + (BAR_HEIGHT - RUN_HEIGHT) / 2
                          : dramatis_timeline_dot_y (self, run->y) - RUN_HEIGHT / 2;

      /* Whole pixels: cairo fills aligned boxes fastest, and a run has no
       * detail to lose.
       */
      dramatis_color_set_source_alpha (color, cr, 0.7 * (run->lit ? 1.0 : theme->dim_alpha));
      cairo_rectangle (cr, floor (x0 + r0), y, MAX (ceil (x0 + r1) - floor (x0 + r0), 1), RUN_HEIGHT);
      cairo_fill (cr);
    }

  for (guint i = 0; i < self->marks->len; i++)
    draw_mark (self, cr, &map, theme, &g_array_index (self->marks, FrameMark, i), area_width);

  draw_labels (self, cr, theme);

  for (guint i = 0; i < self->marks->len && selected_event != DRAMATIS_NO_INDEX; i++)
    {
      const FrameMark *mark = &g_array_index (self->marks, FrameMark, i);

      if (g_array_index (self->placements, Placement, mark->placement).event == selected_event)
        outline_mark (self, cr, mark, &theme->accent, 2 * theme->line_width);
    }

  cairo_restore (cr);

  draw_axis (self, cr, view, &map, theme, &axis);

  cairo_restore (cr);
}
