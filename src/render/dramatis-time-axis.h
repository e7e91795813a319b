/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A story rarely needs more: gaps are only compressed when each is a good
 * fraction of the whole span, so there cannot be many of them.
 */
#define DRAMATIS_TIME_MAP_MAX_GAPS 16

/**
 * DramatisTimeGap:
 * @first: the first second of an empty stretch of time
 * @end: the first second after it
 */
typedef struct
{
  gint64 first;
  gint64 end;
} DramatisTimeGap;

/**
 * DramatisTimeMap:
 *
 * The piecewise linear mapping from time to x that the axis, the drawing and
 * the hit-test share.  Time runs at @seconds_per_pixel, except inside the
 * gaps: each gap that would be wider than @break_width is drawn exactly
 * @break_width wide, as an axis break.  A gap narrower than that keeps its
 * true width, so compressing never widens anything and zooming in never
 * brings two moments closer on screen.
 *
 * Fill it with dramatis_time_map_init(); it holds no pointers, so it can
 * live on the stack and be copied.
 */
typedef struct
{
  double          seconds_per_pixel;
  double          break_width;
  /* The unscrolled position of x = 0. */
  double          origin;
  guint           n_gaps;
  DramatisTimeGap gaps[DRAMATIS_TIME_MAP_MAX_GAPS];
  /* Pixels removed by the gaps before gap i (and by all of them at n_gaps). */
  double          removed[DRAMATIS_TIME_MAP_MAX_GAPS + 1];
} DramatisTimeMap;

/**
 * DramatisTimeUnit:
 *
 * The unit of the axis ticks, from the finest to the coarsest.
 */
typedef enum
{
  DRAMATIS_TIME_UNIT_HOUR,
  DRAMATIS_TIME_UNIT_DAY,
  DRAMATIS_TIME_UNIT_WEEK,
  DRAMATIS_TIME_UNIT_MONTH,
  DRAMATIS_TIME_UNIT_QUARTER,
  DRAMATIS_TIME_UNIT_YEAR,
  DRAMATIS_TIME_UNIT_DECADE,
} DramatisTimeUnit;

/**
 * DramatisTimeTick:
 * @time: the moment of the tick, in seconds since 1970-01-01 UTC
 * @x: where it is
 * @x_limit: where its label must end: the next tick or the next axis break
 * @major: %TRUE if a period of the larger unit starts at this tick or
 *   since the previous one (a January among months, a first week)
 * @label: (transfer full): the tick's own label: "Oct", "14", "12:00"
 */
typedef struct
{
  gint64    time;
  double    x;
  double    x_limit;
  gboolean  major;
  char     *label;
} DramatisTimeTick;

/**
 * DramatisTimePeriod:
 * @time: the start of a period of the larger unit; may be before the view
 * @x: where it starts on screen, clipped to the visible stretch of time
 * @x_end: where it ends on screen, clipped likewise
 * @label: (transfer full): its label: "2024", "October 2024"
 *
 * The axis' second row names the larger unit, so that the reader always
 * knows the year of a month or the month of a day.
 */
typedef struct
{
  gint64  time;
  double  x;
  double  x_end;
  char   *label;
} DramatisTimePeriod;

/**
 * DramatisTimeAxis:
 * @unit: the unit of the ticks
 * @step: ticks every @step units: 3 for three-hourly ticks, 5 for every
 *   five years, 2 for every twenty years with %DRAMATIS_TIME_UNIT_DECADE
 * @ticks: (element-type DramatisTimeTick): in increasing time
 * @periods: (element-type DramatisTimePeriod): in increasing time; empty
 *   for decades
 */
typedef struct
{
  DramatisTimeUnit  unit;
  guint             step;
  GArray           *ticks;
  GArray           *periods;
} DramatisTimeAxis;

void      dramatis_time_map_init        (DramatisTimeMap         *map,
                                         const DramatisTimeGap   *gaps,
                                         guint                    n_gaps,
                                         double                   break_width,
                                         double                   seconds_per_pixel,
                                         double                   start_second);
double    dramatis_time_map_to_x        (const DramatisTimeMap   *map,
                                         double                   time);
double    dramatis_time_map_to_time     (const DramatisTimeMap   *map,
                                         double                   x);
gboolean  dramatis_time_map_get_break   (const DramatisTimeMap   *map,
                                         guint                    gap,
                                         double                  *x0,
                                         double                  *x1);

void      dramatis_time_axis_init       (DramatisTimeAxis        *axis);
void      dramatis_time_axis_clear      (DramatisTimeAxis        *axis);
void      dramatis_time_axis_compute    (DramatisTimeAxis        *axis,
                                         const DramatisTimeMap   *map,
                                         double                   width,
                                         double                   min_spacing);
double    dramatis_time_unit_get_seconds (DramatisTimeUnit        unit);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (DramatisTimeAxis, dramatis_time_axis_clear)

G_END_DECLS
