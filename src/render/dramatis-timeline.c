/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "dramatis-timeline"

#include "config.h"

#include <math.h>
#include <string.h>
#include <pango/pangocairo.h>

#include "dramatis-timeline-private.h"

/* The timeline: a lane per actor (or per kind of event), the events of each
 * lane packed into rows so that their labels never meet, and a time axis
 * whose long empty stretches are cut short by axis breaks.
 *
 * A row has two lines: the labels on top, each after its event's dot or
 * over the start of its bar, and the bars in a thin track below, so that a
 * bar shows its whole period, faded ends included, and no label ever sits
 * on a mark.  A dot may share a row with a bar that runs under it.
 *
 * Model → layout → draw.  dramatis_timeline_new() measures every label once
 * and packs the rows at a reference scale; drawing only maps the packed
 * items to x, culls them to the view and strokes them.  Rows are packed at
 * the scale of the fitted view, and since zooming in never brings two
 * moments closer on screen (see DramatisTimeMap), a label that fits at that
 * scale fits at every closer one.  Zoomed out further, a label shows only
 * when there is room before the next item of its row: the decision depends
 * on the scale alone, not on where the view is, so labels do not flicker
 * while panning.
 *
 * This file makes the timeline and answers what it holds; its legend is in
 * dramatis-legend.c.  Each step has a file of its own: measuring text in
 * dramatis-timeline-measure.c, the lanes in dramatis-timeline-lanes.c,
 * the rows in dramatis-timeline-packing.c, the view in
 * dramatis-timeline-view.c, the culled frame in dramatis-timeline-frame.c,
 * the drawing in dramatis-timeline-draw.c, hit-testing in
 * dramatis-timeline-hit.c and the overview strip in
 * dramatis-timeline-overview.c; they share what they need through
 * dramatis-timeline-private.h.
 */

/* An empty stretch longer than this share of the story's span becomes an
 * axis break; a little of it is kept on either side, so that the events
 * next to it do not stand against the zigzag.
 */
#define GAP_FRACTION 0.1
#define GAP_MARGIN   0.02

/* Before the widget knows its width, rows are packed for this one. */
#define DEFAULT_LAYOUT_WIDTH 1280.0

/* The text of an event's label: approximate dates carry a tilde, which
 * reads the same in every language.
 */
const char *
dramatis_timeline_format_label (GString             *out,
                                const DramatisEvent *event,
                                guint8               flags)
{
  g_string_truncate (out, 0);
  if (flags & MARK_APPROXIMATE)
    g_string_append (out, "~ ");
  g_string_append (out, dramatis_event_get_label (event));
  return out->str;
}

static guint8
event_flags_for (const DramatisEvent *event)
{
  const DramatisSpan *when = &event->when;
  gboolean has_end = dramatis_date_is_set (&when->end);
  guint8 flags = 0;

  if (when->start.precision < DRAMATIS_DATE_PRECISION_DAY)
    flags |= MARK_BAR | MARK_FADE_START;
  if (has_end)
    {
      flags |= MARK_BAR;
      if (when->end.precision < DRAMATIS_DATE_PRECISION_DAY)
        flags |= MARK_FADE_END;
    }
  else if (flags & MARK_FADE_START)
    flags |= MARK_FADE_END;

  if ((when->start.flags | (has_end ? when->end.flags : 0)) & DRAMATIS_DATE_APPROXIMATE)
    flags |= MARK_APPROXIMATE;
  if ((when->start.flags | (has_end ? when->end.flags : 0)) & DRAMATIS_DATE_INFERRED)
    flags |= MARK_INFERRED;

  return flags;
}

/* Finds the empty stretches worth an axis break. */
static void
find_gaps (DramatisTimeline *self)
{
  g_autoptr(GArray) holes = g_array_new (FALSE, FALSE, sizeof (DramatisTimeGap));
  const guint *by_time;
  guint n_dated;
  gint64 reach, span, margin;

  self->n_gaps = 0;
  by_time = dramatis_story_get_events_by_time (self->story, &n_dated);
  if (n_dated == 0)
    return;

  span = self->end_second - self->first_second;
  margin = (gint64) (span * GAP_MARGIN);
  reach = G_MININT64;

  for (guint i = 0; i < n_dated; i++)
    {
      gint64 first = self->event_first[by_time[i]];
      gint64 end = self->event_end[by_time[i]];

      if (i > 0 && first - reach > span * GAP_FRACTION)
        {
          DramatisTimeGap gap = { reach + margin, first - margin };

          if (gap.end > gap.first)
            g_array_append_val (holes, gap);
        }
      reach = MAX (reach, end);
    }

  /* At most ten holes can each exceed a tenth of the span, so all fit. */
  for (guint i = 0; i < holes->len && i < DRAMATIS_TIME_MAP_MAX_GAPS; i++)
    self->gaps[self->n_gaps++] = g_array_index (holes, DramatisTimeGap, i);
}

/* An event's flags, and the width of its label. */
static void
measure_event (DramatisTimeline *self,
               guint             index)
{
  const DramatisEvent *e = dramatis_story_get_event (self->story, index);
  Measurer *measurer;

  self->event_flags[index] = 0;
  self->label_widths[index] = 0;
  self->event_first[index] = self->event_end[index] = 0;
  if (!dramatis_span_is_set (&e->when))
    return;

  self->event_first[index] = dramatis_span_get_first_second (&e->when);
  self->event_end[index] = dramatis_span_get_end_second (&e->when);

  self->event_flags[index] = event_flags_for (e);
  dramatis_timeline_format_label (self->text, e, self->event_flags[index]);
  measurer = (self->event_flags[index] & MARK_INFERRED) ? &self->inferred_measurer : &self->label_measurer;
  self->label_widths[index] = MIN (MAX_LABEL_WIDTH, dramatis_timeline_measure_text (measurer, self->text->str) + 1);
}

/* The span of the story, its axis breaks, its lanes and the width of
 * their names, from the events' flags and labels.
 */
static void
build_lanes (DramatisTimeline *self)
{
  double gutter;

  self->has_time = dramatis_story_get_time_bounds (self->story, &self->first_second, &self->end_second);
  find_gaps (self);

  g_array_set_size (self->lanes, 0);
  g_array_set_size (self->lane_items, 0);
  if (self->mode == DRAMATIS_LANES_BY_ACTOR)
    dramatis_timeline_build_actor_lanes (self);
  else
    dramatis_timeline_build_kind_lanes (self);

  gutter = self->title_width - GUTTER_PADDING - GUTTER_DOT;
  for (guint l = 0; l < self->lanes->len; l++)
    gutter = MAX (gutter, dramatis_timeline_measure_text (&self->lane_measurer,
                                                          g_array_index (self->lanes, Lane, l).title));
  self->natural_gutter_width = CLAMP (ceil (gutter) + 3 * GUTTER_PADDING + GUTTER_DOT, MIN_GUTTER, MAX_GUTTER);
  self->gutter_width = self->natural_gutter_width;
}

/**
 * dramatis_timeline_new:
 * @story: a story
 * @mode: how events are grouped into lanes
 * @theme: the theme whose fonts the labels are measured with; draw with a
 *   theme of the same fonts (its colours may differ)
 *
 * Lays out the timeline of @story: measures the labels, finds the empty
 * stretches worth an axis break, and packs each lane into rows for a view
 * of the default width.  dramatis_timeline_fit() packs the rows again for
 * the actual width.
 *
 * Returns: (transfer full): a new timeline
 */
DramatisTimeline *
dramatis_timeline_new (DramatisStory       *story,
                       DramatisLaneMode     mode,
                       const DramatisTheme *theme)
{
  cairo_font_options_t *options;
  DramatisTimeline *self;
  Measurer axis = { 0 }, period = { 0 };
  PangoRectangle logical;

  g_return_val_if_fail (DRAMATIS_IS_STORY (story), NULL);
  g_return_val_if_fail (mode == DRAMATIS_LANES_BY_ACTOR || mode == DRAMATIS_LANES_BY_KIND, NULL);
  g_return_val_if_fail (theme != NULL, NULL);

  self = g_new0 (DramatisTimeline, 1);
  self->story = g_object_ref (story);
  self->mode = mode;
  self->lit_for = DRAMATIS_ITEM_INIT_NONE;
  self->max_rows = DRAMATIS_TIMELINE_MAX_ROWS;
  self->lanes = g_array_new (FALSE, FALSE, sizeof (Lane));
  g_array_set_clear_func (self->lanes, dramatis_timeline_clear_lane);
  self->lane_items = g_array_new (FALSE, FALSE, sizeof (Placement));
  self->rows = g_array_new (FALSE, FALSE, sizeof (Row));
  self->placements = g_array_new (FALSE, FALSE, sizeof (Placement));
  self->marks = g_array_new (FALSE, FALSE, sizeof (FrameMark));
  self->runs = g_array_new (FALSE, FALSE, sizeof (FrameRun));
  self->labels = g_array_new (FALSE, FALSE, sizeof (FrameLabel));
  self->text = g_string_new (NULL);

  /* Unhinted metrics make a label as wide on a HiDPI screen, in a PDF and
   * in the measurement, so what was packed apart stays apart.
   */
  self->pango = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (self->pango, options);
  cairo_font_options_destroy (options);

  self->label_font = dramatis_theme_new_font (theme, theme->font_size, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL);
  self->inferred_font = dramatis_theme_new_font (theme, theme->font_size, PANGO_WEIGHT_NORMAL, PANGO_STYLE_ITALIC);
  self->lane_font = dramatis_theme_new_font (theme, theme->font_size, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL);
  self->axis_font = dramatis_theme_new_font (theme, theme->small_font_size, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL);
  self->period_font = dramatis_theme_new_font (theme, theme->small_font_size, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL);

  dramatis_timeline_measurer_init (&self->label_measurer, self->pango, self->label_font);
  dramatis_timeline_measurer_init (&self->inferred_measurer, self->pango, self->inferred_font);
  dramatis_timeline_measurer_init (&self->lane_measurer, self->pango, self->lane_font);
  dramatis_timeline_measurer_init (&axis, self->pango, self->axis_font);
  dramatis_timeline_measurer_init (&period, self->pango, self->period_font);

  pango_layout_set_text (self->label_measurer.layout, "Ag", -1);
  pango_layout_get_extents (self->label_measurer.layout, NULL, &logical);
  self->label_height = (double) logical.height / PANGO_SCALE;
  self->row_height = MAX (ROW_HEIGHT, ceil (self->label_height) + BAR_HEIGHT + 3);

  /* Axis ticks leave room for the widest usual label: "00:00" or a year. */
  self->axis_spacing = MAX (dramatis_timeline_measure_text (&axis, "00:00"),
                            dramatis_timeline_measure_text (&axis, "2024")) * 1.6 + 12;

  self->title_width = dramatis_timeline_measure_text (&period, dramatis_timeline_lanes_title (mode));
  dramatis_timeline_measurer_clear (&axis);
  dramatis_timeline_measurer_clear (&period);

  self->n_events = dramatis_story_get_n_events (story);
  self->event_flags = g_new0 (guint8, MAX (self->n_events, 1));
  self->label_widths = g_new0 (float, MAX (self->n_events, 1));
  self->event_first = g_new0 (gint64, MAX (self->n_events, 1));
  self->event_end = g_new0 (gint64, MAX (self->n_events, 1));
  self->lit = g_new0 (guint8, MAX (self->n_events, 1));
  for (guint i = 0; i < self->n_events; i++)
    measure_event (self, i);

  build_lanes (self);
  dramatis_timeline_pack (self, dramatis_timeline_fit_scale (self, DEFAULT_LAYOUT_WIDTH));

  return self;
}

void
dramatis_timeline_free (DramatisTimeline *self)
{
  g_return_if_fail (self != NULL);

  g_clear_object (&self->story);
  dramatis_timeline_measurer_clear (&self->label_measurer);
  dramatis_timeline_measurer_clear (&self->inferred_measurer);
  dramatis_timeline_measurer_clear (&self->lane_measurer);
  g_clear_object (&self->pango);
  g_clear_pointer (&self->label_font, pango_font_description_free);
  g_clear_pointer (&self->inferred_font, pango_font_description_free);
  g_clear_pointer (&self->lane_font, pango_font_description_free);
  g_clear_pointer (&self->axis_font, pango_font_description_free);
  g_clear_pointer (&self->period_font, pango_font_description_free);
  g_clear_pointer (&self->event_flags, g_free);
  g_clear_pointer (&self->label_widths, g_free);
  g_clear_pointer (&self->event_first, g_free);
  g_clear_pointer (&self->event_end, g_free);
  g_clear_pointer (&self->lanes, g_array_unref);
  g_clear_pointer (&self->lane_items, g_array_unref);
  g_clear_pointer (&self->rows, g_array_unref);
  g_clear_pointer (&self->placements, g_array_unref);
  g_clear_pointer (&self->max_end, g_free);
  g_clear_pointer (&self->event_offsets, g_free);
  g_clear_pointer (&self->event_placements, g_free);
  g_clear_pointer (&self->lit, g_free);
  g_clear_pointer (&self->overview_counts, g_free);
  g_clear_pointer (&self->marks, g_array_unref);
  g_clear_pointer (&self->runs, g_array_unref);
  g_clear_pointer (&self->labels, g_array_unref);
  if (self->text != NULL)
    g_string_free (self->text, TRUE);
  g_free (self);
}

/* The lane of @actor, or G_MAXUINT: lanes by actor are in the order of
 * the actors, the "Other" lane last.
 */
static guint
find_actor_lane (DramatisTimeline *self,
                 guint             actor)
{
  guint lo = 0, hi = self->lanes->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      const Lane *lane = &g_array_index (self->lanes, Lane, mid);

      if (!lane->other && lane->actor < actor)
        lo = mid + 1;
      else
        hi = mid;
    }

  if (lo < self->lanes->len && !g_array_index (self->lanes, Lane, lo).other &&
      g_array_index (self->lanes, Lane, lo).actor == actor)
    return lo;
  return G_MAXUINT;
}

static gboolean
add_lane_once (GArray *lanes,
               guint   lane)
{
  if (lane == G_MAXUINT)
    return FALSE;
  for (guint i = 0; i < lanes->len; i++)
    if (g_array_index (lanes, guint, i) == lane)
      return TRUE;
  g_array_append_val (lanes, lane);
  return TRUE;
}

/* After the dates or participants of a few events changed, and nothing
 * else: if the story's span and its axis breaks stay, and each lane keeps
 * its number of items, only the lanes those events were and are in are
 * filled and packed again.  Returns %FALSE when the whole timeline must
 * be laid out again.
 */
static gboolean
update_lanes_of (DramatisTimeline *self,
                 const guint      *changed,
                 guint             n_changed)
{
  g_autoptr(GArray) lanes = g_array_new (FALSE, FALSE, sizeof (guint));
  DramatisTimeGap gaps[DRAMATIS_TIME_MAP_MAX_GAPS];
  gint64 first = self->first_second, end = self->end_second;
  gboolean has_time = self->has_time;
  guint n_gaps = self->n_gaps;
  guint n_actors = dramatis_story_get_n_actors (self->story);

  if (self->mode != DRAMATIS_LANES_BY_ACTOR)
    return FALSE;

  memcpy (gaps, self->gaps, sizeof gaps);
  self->has_time = dramatis_story_get_time_bounds (self->story, &self->first_second, &self->end_second);
  find_gaps (self);
  if (self->has_time != has_time || self->first_second != first || self->end_second != end ||
      self->n_gaps != n_gaps || memcmp (gaps, self->gaps, n_gaps * sizeof (DramatisTimeGap)) != 0)
    return FALSE;

  for (guint i = 0; i < n_changed; i++)
    {
      guint e = changed[i];
      const DramatisEvent *event = dramatis_story_get_event (self->story, e);
      gboolean in_other = dramatis_span_is_set (&event->when);

      /* The lanes it was in, */
      for (guint k = self->event_offsets[e]; k < self->event_offsets[e + 1]; k++)
        {
          const Placement *p = &g_array_index (self->placements, Placement, self->event_placements[k]);
          guint lane = g_array_index (self->rows, Row, p->row).lane;

          if (g_array_index (self->lanes, Lane, lane).other)
            return FALSE;
          add_lane_once (lanes, lane);
        }

      /* and those it is in. */
      for (guint j = 0; j < event->n_participants && dramatis_span_is_set (&event->when); j++)
        {
          guint actor = event->participants[j].actor;

          if (actor >= n_actors)
            continue;
          in_other = FALSE;
          if (!add_lane_once (lanes, find_actor_lane (self, actor)))
            return FALSE;
        }
      if (in_other)
        return FALSE;
    }

  for (guint i = 0; i < lanes->len; i++)
    if (!dramatis_timeline_refill_actor_lane (self, g_array_index (lanes, guint, i)))
      return FALSE;

  if (!dramatis_timeline_repack_lanes (self, (const guint *) (gpointer) lanes->data, lanes->len))
    dramatis_timeline_pack (self, self->layout_seconds_per_pixel);

  return TRUE;
}

/* Up to this many changed events are laid out lane by lane. */
#define MAX_EVENTS_REPACKED 16

/**
 * dramatis_timeline_update:
 * @self: a timeline
 * @kept: (array) (nullable): for each event of the story, its index
 *   before the edit if it did not change, or %DRAMATIS_NO_INDEX; %NULL
 *   when no event changed
 * @lanes_changed: whether actors came, went, or changed their names or
 *   kinds
 *
 * Lays out the timeline again after its story was edited: measures the
 * labels of the events that changed, builds the lanes again and packs them
 * at the scale they were packed at, so that a view of it stays where it
 * was.  When only a few events changed and the story's span stays, only
 * the lanes they were and are in are packed again.  The lane names are measured again, with the words measured
 * before; the gutter takes its natural width until
 * dramatis_timeline_fit_gutter() fits it again.
 */
void
dramatis_timeline_update (DramatisTimeline *self,
                          const guint      *kept,
                          gboolean          lanes_changed)
{
  g_autoptr(GArray) changed = g_array_new (FALSE, FALSE, sizeof (guint));
  gboolean in_place;
  guint n_events;

  g_return_if_fail (self != NULL);

  n_events = dramatis_story_get_n_events (self->story);
  in_place = !lanes_changed && kept != NULL && n_events == self->n_events;
  if (kept != NULL || n_events != self->n_events)
    {
      g_autofree guint8 *old_flags = g_steal_pointer (&self->event_flags);
      g_autofree float *old_widths = g_steal_pointer (&self->label_widths);
      g_autofree gint64 *old_first = g_steal_pointer (&self->event_first);
      g_autofree gint64 *old_end = g_steal_pointer (&self->event_end);
      guint old_n_events = self->n_events;

      self->n_events = n_events;
      self->event_flags = g_new0 (guint8, MAX (n_events, 1));
      self->label_widths = g_new0 (float, MAX (n_events, 1));
      self->event_first = g_new0 (gint64, MAX (n_events, 1));
      self->event_end = g_new0 (gint64, MAX (n_events, 1));
      g_free (self->lit);
      self->lit = g_new0 (guint8, MAX (n_events, 1));
      for (guint i = 0; i < n_events; i++)
        {
          guint from = kept != NULL ? kept[i] : i;

          if (from < old_n_events)
            {
              self->event_flags[i] = old_flags[from];
              self->label_widths[i] = old_widths[from];
              self->event_first[i] = old_first[from];
              self->event_end[i] = old_end[from];
              in_place &= from == i;
            }
          else
            {
              measure_event (self, i);
              g_array_append_val (changed, i);
            }
        }
    }

  if (!in_place || changed->len > MAX_EVENTS_REPACKED ||
      !update_lanes_of (self, (const guint *) (gpointer) changed->data, changed->len))
    {
      build_lanes (self);
      dramatis_timeline_pack (self, self->layout_seconds_per_pixel);
    }

  self->lit_for = DRAMATIS_ITEM_INIT_NONE;
  self->dimming = FALSE;
  g_clear_pointer (&self->overview_counts, g_free);
  self->overview_columns = 0;
}

/**
 * dramatis_timeline_renumber_actors:
 * @self: a timeline by actor
 * @new_of_old: (array length=n_old): for each actor the timeline was made
 *   or updated for, its index now, or %DRAMATIS_NO_INDEX if it is gone
 * @n_old: how many actors there were
 *
 * Follows actors that came or went in the story without taking part in
 * a dated event: the lanes stay, and name their actors by their new
 * indices.
 *
 * Returns: %FALSE, having changed nothing, if an actor with a lane is
 *   gone: the lanes must be built again
 */
gboolean
dramatis_timeline_renumber_actors (DramatisTimeline *self,
                                   const guint      *new_of_old,
                                   guint             n_old)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (self->mode != DRAMATIS_LANES_BY_ACTOR)
    return FALSE;

  for (guint l = 0; l < self->lanes->len; l++)
    {
      const Lane *lane = &g_array_index (self->lanes, Lane, l);

      if (!lane->other && (lane->actor >= n_old || new_of_old[lane->actor] == DRAMATIS_NO_INDEX))
        return FALSE;
    }

  for (guint l = 0; l < self->lanes->len; l++)
    {
      Lane *lane = &g_array_index (self->lanes, Lane, l);

      if (!lane->other)
        lane->actor = new_of_old[lane->actor];
    }
  self->lit_for = DRAMATIS_ITEM_INIT_NONE;

  return TRUE;
}

/**
 * dramatis_timeline_forget_highlight:
 * @self: a timeline
 *
 * Lights the selection anew at the next drawing, after an edit of what it
 * lights that changed nothing else.
 */
void
dramatis_timeline_forget_highlight (DramatisTimeline *self)
{
  g_return_if_fail (self != NULL);

  self->lit_for = DRAMATIS_ITEM_INIT_NONE;
  self->dimming = FALSE;
}

/**
 * dramatis_timeline_get_story:
 * @self: a timeline
 *
 * Returns: (transfer none): its story
 */
DramatisStory *
dramatis_timeline_get_story (DramatisTimeline *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->story;
}

DramatisLaneMode
dramatis_timeline_get_lane_mode (DramatisTimeline *self)
{
  g_return_val_if_fail (self != NULL, DRAMATIS_LANES_BY_ACTOR);

  return self->mode;
}

/**
 * dramatis_timeline_get_layout_scale:
 * @self: a timeline
 *
 * Returns: the seconds per pixel the rows of labels were packed for
 */
double
dramatis_timeline_get_layout_scale (DramatisTimeline *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->layout_seconds_per_pixel;
}

/**
 * dramatis_timeline_set_layout_scale:
 * @self: a timeline
 * @seconds_per_pixel: the scale to pack the rows of labels for
 *
 * Packs the lanes' rows as another timeline of the same story packed them
 * (see dramatis_timeline_get_layout_scale()), so that a view of one draws
 * the same on the other: an export of what the window shows, say.
 */
void
dramatis_timeline_set_layout_scale (DramatisTimeline *self,
                                    double            seconds_per_pixel)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (seconds_per_pixel > 0);

  if (seconds_per_pixel != self->layout_seconds_per_pixel)
    dramatis_timeline_pack (self, seconds_per_pixel);
}

/**
 * dramatis_timeline_get_max_rows:
 * @self: a timeline
 *
 * Returns: the most rows of labels a lane has
 */
guint
dramatis_timeline_get_max_rows (DramatisTimeline *self)
{
  g_return_val_if_fail (self != NULL, DRAMATIS_TIMELINE_MAX_ROWS);

  return self->max_rows;
}

/**
 * dramatis_timeline_set_max_rows:
 * @self: a timeline
 * @max_rows: the most rows of labels a lane may have, from 1 to
 *   %DRAMATIS_TIMELINE_MAX_ROWS
 *
 * Packs the lanes again, at the same scale, into at most @max_rows rows
 * each: events that find no row of their own share one and lose their
 * labels.  Fewer rows make shorter lanes, so that more of them show.
 */
void
dramatis_timeline_set_max_rows (DramatisTimeline *self,
                                guint             max_rows)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (max_rows >= 1 && max_rows <= DRAMATIS_TIMELINE_MAX_ROWS);

  if (max_rows == self->max_rows)
    return;
  self->max_rows = max_rows;
  dramatis_timeline_pack (self, self->layout_seconds_per_pixel);
}

/**
 * dramatis_timeline_get_content_height:
 * @self: a timeline
 *
 * Returns: the height of the axis and all the lanes: scroll_y runs from 0
 *   to this minus the view's height
 */
double
dramatis_timeline_get_content_height (DramatisTimeline *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->content_height;
}

/**
 * dramatis_timeline_get_gutter_width:
 * @self: a timeline
 *
 * Returns: the width of the lane names on the left; the time area starts
 *   there
 */
double
dramatis_timeline_get_gutter_width (DramatisTimeline *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->gutter_width;
}

/**
 * dramatis_timeline_fit_gutter:
 * @self: a timeline
 * @view_width: the width of the view the timeline is drawn in
 *
 * Gives the lane names the width they ask for, unless it would take more
 * than 35% of @view_width: in a view as narrow as a phone's, they are
 * shortened to leave the time most of the room.
 *
 * Returns: whether the width of the lane names changed
 */
gboolean
dramatis_timeline_fit_gutter (DramatisTimeline *self,
                              double            view_width)
{
  double width;

  g_return_val_if_fail (self != NULL, FALSE);

  width = MIN (self->natural_gutter_width, MAX (NARROW_GUTTER, floor (view_width * GUTTER_SHARE)));
  if (width == self->gutter_width)
    return FALSE;

  self->gutter_width = width;
  return TRUE;
}

guint
dramatis_timeline_get_n_lanes (DramatisTimeline *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->lanes->len;
}

/**
 * dramatis_timeline_count_whole_lanes:
 * @self: a timeline
 * @height: the height of a view, the axis included
 * @lanes_height: (out) (optional): the height of the axis and of the lanes
 *   counted
 *
 * How many lanes, from the first, a view of @height shows whole when it is
 * not scrolled: a page too short for every lane ends after the last of
 * them rather than through one.
 *
 * Returns: the number of lanes
 */
guint
dramatis_timeline_count_whole_lanes (DramatisTimeline *self,
                                     double            height,
                                     double           *lanes_height)
{
  guint lo = 0, hi;

  g_return_val_if_fail (self != NULL, 0);

  /* Lanes are stacked in order: bisect for the first that ends below. */
  hi = self->lanes->len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      const Lane *lane = &g_array_index (self->lanes, Lane, mid);

      if (AXIS_HEIGHT + lane->y + lane->height <= height)
        lo = mid + 1;
      else
        hi = mid;
    }

  if (lanes_height != NULL)
    {
      const Lane *last = lo > 0 ? &g_array_index (self->lanes, Lane, lo - 1) : NULL;

      *lanes_height = AXIS_HEIGHT + (last != NULL ? last->y + last->height : 0);
    }

  return lo;
}
