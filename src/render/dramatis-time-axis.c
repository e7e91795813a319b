/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "dramatis-time-axis"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "dramatis-date.h"
#include "dramatis-time-axis.h"

/* The time axis is pure arithmetic: a mapping from time to x, and the ticks
 * and labels that suit a scale.  Nothing here draws, so the tests can check
 * every zoom level without a surface, and the drawing, the hit-test and the
 * axis cannot disagree about where a moment is.
 */

#define SECONDS_PER_DAY  G_GINT64_CONSTANT (86400)
#define SECONDS_PER_HOUR G_GINT64_CONSTANT (3600)

/* No view is wide enough to need more ticks than this; the bound only stops
 * a broken map from looping for ever.
 */
#define MAX_TICKS 4096

typedef struct
{
  DramatisTimeUnit unit;
  guint            step;
} TickStep;

/* From the finest to the coarsest: the axis takes the first one whose ticks
 * are far enough apart for their labels.
 */
static const TickStep tick_steps[] = {
  { DRAMATIS_TIME_UNIT_HOUR, 1 },
  { DRAMATIS_TIME_UNIT_HOUR, 3 },
  { DRAMATIS_TIME_UNIT_HOUR, 6 },
  { DRAMATIS_TIME_UNIT_HOUR, 12 },
  { DRAMATIS_TIME_UNIT_DAY, 1 },
  { DRAMATIS_TIME_UNIT_WEEK, 1 },
  { DRAMATIS_TIME_UNIT_MONTH, 1 },
  { DRAMATIS_TIME_UNIT_QUARTER, 1 },
  { DRAMATIS_TIME_UNIT_YEAR, 1 },
  { DRAMATIS_TIME_UNIT_YEAR, 2 },
  { DRAMATIS_TIME_UNIT_YEAR, 5 },
  { DRAMATIS_TIME_UNIT_DECADE, 1 },
  { DRAMATIS_TIME_UNIT_DECADE, 2 },
  { DRAMATIS_TIME_UNIT_DECADE, 5 },
  { DRAMATIS_TIME_UNIT_DECADE, 10 },
  { DRAMATIS_TIME_UNIT_DECADE, 50 },
  { DRAMATIS_TIME_UNIT_DECADE, 100 },
};

static gint64
floor_div (gint64 a,
           gint64 b)
{
  gint64 q = a / b;

  if (a % b != 0 && ((a < 0) != (b < 0)))
    q--;
  return q;
}

static guint
months_per_tick (DramatisTimeUnit unit,
                 guint            step)
{
  return (unit == DRAMATIS_TIME_UNIT_QUARTER ? 3 : 1) * step;
}

static guint
years_per_tick (DramatisTimeUnit unit,
                guint            step)
{
  return (unit == DRAMATIS_TIME_UNIT_DECADE ? 10 : 1) * step;
}

/* The last tick at or before @time. */
static gint64
tick_floor (DramatisTimeUnit unit,
            guint            step,
            gint64           time)
{
  gint64 days = floor_div (time, SECONDS_PER_DAY);
  gint64 year;
  int month, day;

  switch (unit)
    {
    case DRAMATIS_TIME_UNIT_HOUR:
      {
        gint64 hour = (time - days * SECONDS_PER_DAY) / SECONDS_PER_HOUR;

        return days * SECONDS_PER_DAY + (hour - hour % step) * SECONDS_PER_HOUR;
      }

    case DRAMATIS_TIME_UNIT_DAY:
      return days * SECONDS_PER_DAY;

    case DRAMATIS_TIME_UNIT_WEEK:
      /* Weeks start on Monday, as in ISO 8601; 1970-01-05 was one. */
      days -= ((days + 3) % 7 + 7) % 7;
      return days * SECONDS_PER_DAY;

    case DRAMATIS_TIME_UNIT_MONTH:
    case DRAMATIS_TIME_UNIT_QUARTER:
      {
        int per = months_per_tick (unit, step);

        dramatis_civil_from_days (days, &year, &month, &day);
        month = (month - 1) / per * per + 1;
        return dramatis_days_from_civil (year, month, 1) * SECONDS_PER_DAY;
      }

    case DRAMATIS_TIME_UNIT_YEAR:
    case DRAMATIS_TIME_UNIT_DECADE:
    default:
      {
        gint64 per = years_per_tick (unit, step);

        dramatis_civil_from_days (days, &year, &month, &day);
        return dramatis_days_from_civil (floor_div (year, per) * per, 1, 1) * SECONDS_PER_DAY;
      }
    }
}

/* The tick @n ticks after the tick @time (before it, for a negative @n). */
static gint64
tick_add (DramatisTimeUnit unit,
          guint            step,
          gint64           time,
          int              n)
{
  gint64 year;
  int month, day;

  switch (unit)
    {
    case DRAMATIS_TIME_UNIT_HOUR:
      return time + n * (gint64) step * SECONDS_PER_HOUR;

    case DRAMATIS_TIME_UNIT_DAY:
      return time + n * (gint64) step * SECONDS_PER_DAY;

    case DRAMATIS_TIME_UNIT_WEEK:
      return time + n * (gint64) step * 7 * SECONDS_PER_DAY;

    case DRAMATIS_TIME_UNIT_MONTH:
    case DRAMATIS_TIME_UNIT_QUARTER:
      {
        gint64 months;

        dramatis_civil_from_days (floor_div (time, SECONDS_PER_DAY), &year, &month, &day);
        months = year * 12 + (month - 1) + n * (gint64) months_per_tick (unit, step);
        return dramatis_days_from_civil (floor_div (months, 12), months - floor_div (months, 12) * 12 + 1, 1)
               * SECONDS_PER_DAY;
      }

    case DRAMATIS_TIME_UNIT_YEAR:
    case DRAMATIS_TIME_UNIT_DECADE:
    default:
      dramatis_civil_from_days (floor_div (time, SECONDS_PER_DAY), &year, &month, &day);
      return dramatis_days_from_civil (year + n * (gint64) years_per_tick (unit, step), 1, 1) * SECONDS_PER_DAY;
    }
}

/* The larger unit whose periods the second row of the axis names; %FALSE
 * for decades, above which nothing helps the reader.
 */
static gboolean
period_unit (DramatisTimeUnit  unit,
             DramatisTimeUnit *period)
{
  switch (unit)
    {
    case DRAMATIS_TIME_UNIT_HOUR:
      *period = DRAMATIS_TIME_UNIT_DAY;
      return TRUE;
    case DRAMATIS_TIME_UNIT_DAY:
    case DRAMATIS_TIME_UNIT_WEEK:
      *period = DRAMATIS_TIME_UNIT_MONTH;
      return TRUE;
    case DRAMATIS_TIME_UNIT_MONTH:
    case DRAMATIS_TIME_UNIT_QUARTER:
      *period = DRAMATIS_TIME_UNIT_YEAR;
      return TRUE;
    case DRAMATIS_TIME_UNIT_YEAR:
      *period = DRAMATIS_TIME_UNIT_DECADE;
      return TRUE;
    case DRAMATIS_TIME_UNIT_DECADE:
    default:
      return FALSE;
    }
}

static gint64
year_of (gint64 time)
{
  gint64 year;
  int month, day;

  dramatis_civil_from_days (floor_div (time, SECONDS_PER_DAY), &year, &month, &day);
  return year;
}

/* GDateTime knows the years 1 to 9999; outside them, the year alone. */
static char *
format_time (gint64      time,
             const char *format)
{
  g_autoptr(GDateTime) dt = NULL;
  gint64 year = year_of (time);
  char *text;

  if (year < 1 || year > 9999)
    return g_strdup_printf ("%" G_GINT64_FORMAT, year);

  dt = g_date_time_new_from_unix_utc (time);
  text = g_date_time_format (dt, format);

  /* A broken translation must not leave a tick without a label. */
  if (text == NULL || *text == '\0')
    {
      g_free (text);
      text = g_strdup_printf ("%" G_GINT64_FORMAT, year);
    }

  return text;
}

static char *
format_tick (DramatisTimeUnit unit,
             gint64           time)
{
  switch (unit)
    {
    case DRAMATIS_TIME_UNIT_HOUR:
      /* Translators: a tick of the time axis every few hours, see g_date_time_format() */
      return format_time (time, C_("time axis", "%H:%M"));

    case DRAMATIS_TIME_UNIT_DAY:
    case DRAMATIS_TIME_UNIT_WEEK:
      /* Translators: a tick of the time axis every day or week, under the name
       * of the month; the day of the month, see g_date_time_format()
       */
      return format_time (time, C_("time axis", "%-d"));

    case DRAMATIS_TIME_UNIT_MONTH:
    case DRAMATIS_TIME_UNIT_QUARTER:
      /* Translators: a tick of the time axis every month or quarter, under the
       * year; the abbreviated month, see g_date_time_format()
       */
      return format_time (time, C_("time axis", "%b"));

    case DRAMATIS_TIME_UNIT_YEAR:
    case DRAMATIS_TIME_UNIT_DECADE:
    default:
      /* Translators: a tick of the time axis every year or more, see g_date_time_format() */
      return format_time (time, C_("time axis", "%Y"));
    }
}

static char *
format_period (DramatisTimeUnit period,
               gint64           time)
{
  switch (period)
    {
    case DRAMATIS_TIME_UNIT_DAY:
      /* Translators: the day above the hourly ticks of the time axis, see g_date_time_format() */
      return format_time (time, C_("time axis", "%a, %B %-d, %Y"));

    case DRAMATIS_TIME_UNIT_MONTH:
      /* Translators: the month above the daily or weekly ticks of the time axis,
       * see g_date_time_format()
       */
      return format_time (time, C_("time axis", "%B %Y"));

    case DRAMATIS_TIME_UNIT_DECADE:
      /* Translators: a decade above the yearly ticks of the time axis, as in
       * "2020s"; %d is its first year
       */
      return g_strdup_printf (C_("time axis", "%ds"), (int) year_of (time));

    case DRAMATIS_TIME_UNIT_YEAR:
    default:
      /* Translators: the year above the monthly ticks of the time axis, see g_date_time_format() */
      return format_time (time, C_("time axis", "%Y"));
    }
}

static void
clear_tick (gpointer data)
{
  DramatisTimeTick *tick = data;

  g_clear_pointer (&tick->label, g_free);
}

static void
clear_period (gpointer data)
{
  DramatisTimePeriod *period = data;

  g_clear_pointer (&period->label, g_free);
}

/* The pixels gap @i loses at the map's scale: none if it is no wider than
 * a break anyway.
 */
static double
gap_removed (const DramatisTimeMap *map,
             guint                  i)
{
  double width = (map->gaps[i].end - map->gaps[i].first) / map->seconds_per_pixel;

  return MAX (0.0, width - map->break_width);
}

static double
absolute_x (const DramatisTimeMap *map,
            double                 time)
{
  guint i = 0;
  double x;

  while (i < map->n_gaps && map->gaps[i].end <= time)
    i++;

  x = time / map->seconds_per_pixel - map->removed[i];

  /* Inside a gap, time runs evenly across the break. */
  if (i < map->n_gaps && time > map->gaps[i].first)
    {
      const DramatisTimeGap *gap = &map->gaps[i];

      x -= gap_removed (map, i) * (time - gap->first) / (double) (gap->end - gap->first);
    }

  return x;
}

/**
 * dramatis_time_map_init:
 * @map: the map to fill
 * @gaps: (array length=n_gaps) (nullable): empty stretches of time, in
 *   order and apart; only the first %DRAMATIS_TIME_MAP_MAX_GAPS are used
 * @n_gaps: how many
 * @break_width: the width of an axis break, in pixels
 * @seconds_per_pixel: the scale outside the gaps
 * @start_second: the moment at x = 0
 *
 * Sets up the mapping of a view.
 */
void
dramatis_time_map_init (DramatisTimeMap       *map,
                        const DramatisTimeGap *gaps,
                        guint                  n_gaps,
                        double                 break_width,
                        double                 seconds_per_pixel,
                        double                 start_second)
{
  g_return_if_fail (map != NULL);
  g_return_if_fail (gaps != NULL || n_gaps == 0);
  g_return_if_fail (seconds_per_pixel > 0);
  g_return_if_fail (break_width >= 0);

  map->seconds_per_pixel = seconds_per_pixel;
  map->break_width = break_width;
  map->n_gaps = 0;
  map->removed[0] = 0;

  for (guint i = 0; i < n_gaps && map->n_gaps < DRAMATIS_TIME_MAP_MAX_GAPS; i++)
    {
      guint n = map->n_gaps;

      /* An empty or misplaced gap would make the mapping non-monotonic. */
      if (gaps[i].end <= gaps[i].first || (n > 0 && gaps[i].first < map->gaps[n - 1].end))
        {
          g_critical ("Time gaps must be non-empty, in order and apart");
          continue;
        }

      map->gaps[n] = gaps[i];
      map->removed[n + 1] = map->removed[n] + gap_removed (map, n);
      map->n_gaps++;
    }

  map->origin = 0;
  map->origin = absolute_x (map, start_second);
}

/**
 * dramatis_time_map_to_x:
 * @map: a map
 * @time: seconds since 1970-01-01 UTC
 *
 * Returns: where @time is, in pixels from the view's start
 */
double
dramatis_time_map_to_x (const DramatisTimeMap *map,
                        double                 time)
{
  g_return_val_if_fail (map != NULL, 0);

  return absolute_x (map, time) - map->origin;
}

/**
 * dramatis_time_map_to_time:
 * @map: a map
 * @x: pixels from the view's start
 *
 * The inverse of dramatis_time_map_to_x(): the mapping is strictly
 * increasing, so every x has one moment.
 *
 * Returns: the moment at @x
 */
double
dramatis_time_map_to_time (const DramatisTimeMap *map,
                           double                 x)
{
  double a;
  guint i;

  g_return_val_if_fail (map != NULL, 0);

  a = x + map->origin;

  for (i = 0; i < map->n_gaps; i++)
    {
      const DramatisTimeGap *gap = &map->gaps[i];
      double start = gap->first / map->seconds_per_pixel - map->removed[i];
      double width = (gap->end - gap->first) / map->seconds_per_pixel - gap_removed (map, i);

      if (a < start)
        break;
      if (a < start + width)
        return gap->first + (a - start) / width * (gap->end - gap->first);
    }

  return (a + map->removed[i]) * map->seconds_per_pixel;
}

/**
 * dramatis_time_map_get_break:
 * @map: a map
 * @gap: index of a gap of @map
 * @x0: (out) (optional): where the gap starts
 * @x1: (out) (optional): where it ends
 *
 * Returns: %TRUE if the gap is compressed at this scale and so drawn as an
 *   axis break; %FALSE if it keeps its true width
 */
gboolean
dramatis_time_map_get_break (const DramatisTimeMap *map,
                             guint                  gap,
                             double                *x0,
                             double                *x1)
{
  g_return_val_if_fail (map != NULL, FALSE);
  g_return_val_if_fail (gap < map->n_gaps, FALSE);

  if (x0 != NULL)
    *x0 = dramatis_time_map_to_x (map, map->gaps[gap].first);
  if (x1 != NULL)
    *x1 = dramatis_time_map_to_x (map, map->gaps[gap].end);

  /* Half a pixel saved is not worth a zigzag. */
  return gap_removed (map, gap) > 0.5;
}

/**
 * dramatis_time_unit_get_seconds:
 * @unit: a unit
 *
 * Returns: the average length of @unit, to compare it with a scale
 */
double
dramatis_time_unit_get_seconds (DramatisTimeUnit unit)
{
  switch (unit)
    {
    case DRAMATIS_TIME_UNIT_HOUR:
      return 3600;
    case DRAMATIS_TIME_UNIT_DAY:
      return 86400;
    case DRAMATIS_TIME_UNIT_WEEK:
      return 7 * 86400;
    case DRAMATIS_TIME_UNIT_MONTH:
      return 365.2425 * 86400 / 12;
    case DRAMATIS_TIME_UNIT_QUARTER:
      return 365.2425 * 86400 / 4;
    case DRAMATIS_TIME_UNIT_YEAR:
      return 365.2425 * 86400;
    case DRAMATIS_TIME_UNIT_DECADE:
    default:
      return 3652.425 * 86400;
    }
}

void
dramatis_time_axis_init (DramatisTimeAxis *axis)
{
  g_return_if_fail (axis != NULL);

  axis->unit = DRAMATIS_TIME_UNIT_YEAR;
  axis->step = 1;
  axis->ticks = g_array_new (FALSE, FALSE, sizeof (DramatisTimeTick));
  g_array_set_clear_func (axis->ticks, clear_tick);
  axis->periods = g_array_new (FALSE, FALSE, sizeof (DramatisTimePeriod));
  g_array_set_clear_func (axis->periods, clear_period);
}

void
dramatis_time_axis_clear (DramatisTimeAxis *axis)
{
  g_return_if_fail (axis != NULL);

  g_clear_pointer (&axis->ticks, g_array_unref);
  g_clear_pointer (&axis->periods, g_array_unref);
}

/* The label of a decade that an axis break cuts: the years of it that show
 * on this side of the break, since "2020s" on both sides of one would not
 * say what the break leaves out.
 */
static char *
format_cut_decade (gint64 first,
                   gint64 end)
{
  gint64 first_year = year_of (first);
  gint64 last_year = year_of (MAX (end - 1, first));

  if (last_year <= first_year)
    return g_strdup_printf ("%" G_GINT64_FORMAT, first_year);

  /* Translators: the years of a decade that show beside an axis break of
   * the time axis, as in "2022–2023"; the first %d is the first year, the
   * second the last
   */
  return g_strdup_printf (C_("time axis", "%d–%d"), (int) first_year, (int) last_year);
}

/* Adds the ticks and periods of a stretch of time between axis breaks (or
 * the view's edges): @cut_before and @cut_after say whether a break ends
 * it there.
 */
static void
add_piece (DramatisTimeAxis      *axis,
           const DramatisTimeMap *map,
           double                 first,
           double                 end,
           gboolean               cut_before,
           gboolean               cut_after)
{
  gint64 a = (gint64) floor (first);
  gint64 b = (gint64) ceil (end);
  double x_end = dramatis_time_map_to_x (map, end);
  DramatisTimeUnit period;
  gint64 t, prev;
  guint piece_start = axis->ticks->len;

  t = tick_floor (axis->unit, axis->step, a);
  if (t < a)
    t = tick_add (axis->unit, axis->step, t, 1);
  prev = tick_add (axis->unit, axis->step, t, -1);

  for (; t < b && axis->ticks->len < MAX_TICKS; prev = t, t = tick_add (axis->unit, axis->step, t, 1))
    {
      DramatisTimeTick tick = { 0 };

      tick.time = t;
      tick.x = dramatis_time_map_to_x (map, t);
      tick.x_limit = x_end;
      tick.label = format_tick (axis->unit, t);
      tick.major = FALSE;
      if (period_unit (axis->unit, &period))
        tick.major = tick_floor (period, 1, t) > prev;

      if (axis->ticks->len > piece_start)
        g_array_index (axis->ticks, DramatisTimeTick, axis->ticks->len - 1).x_limit = tick.x;

      g_array_append_val (axis->ticks, tick);
    }

  if (!period_unit (axis->unit, &period))
    return;

  for (t = tick_floor (period, 1, a);
       t < b && axis->periods->len < MAX_TICKS;
       t = tick_add (period, 1, t, 1))
    {
      DramatisTimePeriod p;
      gint64 period_end = tick_add (period, 1, t, 1);

      p.time = t;
      p.x = MAX (dramatis_time_map_to_x (map, t), dramatis_time_map_to_x (map, first));
      p.x_end = MIN (dramatis_time_map_to_x (map, period_end), x_end);
      if (period == DRAMATIS_TIME_UNIT_DECADE &&
          ((cut_before && t < first) || (cut_after && period_end > end)))
        p.label = format_cut_decade (MAX (t, a), MIN (period_end, b));
      else
        p.label = format_period (period, t);
      g_array_append_val (axis->periods, p);
    }
}

/**
 * dramatis_time_axis_compute:
 * @axis: an axis set up with dramatis_time_axis_init()
 * @map: the view's mapping
 * @width: the width of the view, from x = 0
 * @min_spacing: the least distance between ticks, in pixels: the width of
 *   a typical label and some room
 *
 * Chooses the finest unit whose ticks are at least @min_spacing apart and
 * fills the ticks and periods that show between 0 and @width.  No tick
 * falls inside an axis break; the stretches on either side of one get
 * their own ticks and period labels, and a decade cut by a break is
 * labelled with the years of it that show ("2022–2023"), not "2020s".
 */
void
dramatis_time_axis_compute (DramatisTimeAxis      *axis,
                            const DramatisTimeMap *map,
                            double                 width,
                            double                 min_spacing)
{
  const TickStep *step = &tick_steps[G_N_ELEMENTS (tick_steps) - 1];
  double first, end, piece_first;
  gboolean cut = FALSE;

  g_return_if_fail (axis != NULL && axis->ticks != NULL);
  g_return_if_fail (map != NULL);
  g_return_if_fail (min_spacing > 0);

  g_array_set_size (axis->ticks, 0);
  g_array_set_size (axis->periods, 0);

  for (guint i = 0; i < G_N_ELEMENTS (tick_steps); i++)
    {
      double seconds = dramatis_time_unit_get_seconds (tick_steps[i].unit) * tick_steps[i].step;

      if (seconds / map->seconds_per_pixel >= min_spacing)
        {
          step = &tick_steps[i];
          break;
        }
    }

  axis->unit = step->unit;
  axis->step = step->step;

  if (width <= 0)
    return;

  first = dramatis_time_map_to_time (map, 0);
  end = dramatis_time_map_to_time (map, width);

  /* Ticks run through the stretches between the breaks; a gap that keeps
   * its true width is an ordinary stretch of time and gets its ticks.
   */
  piece_first = first;
  for (guint i = 0; i < map->n_gaps; i++)
    {
      const DramatisTimeGap *gap = &map->gaps[i];

      if (!dramatis_time_map_get_break (map, i, NULL, NULL))
        continue;
      if (gap->end <= piece_first)
        continue;
      if (gap->first >= end)
        break;

      if (gap->first > piece_first)
        add_piece (axis, map, piece_first, gap->first, cut, TRUE);
      piece_first = gap->end;
      cut = TRUE;
    }

  if (piece_first < end)
    add_piece (axis, map, piece_first, end, cut, FALSE);
}
