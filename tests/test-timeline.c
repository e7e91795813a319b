/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <locale.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "dramatis-story-io.h"
#include "dramatis-synthetic.h"
#include "dramatis-time-axis.h"
#include "dramatis-timeline.h"

/* The timeline renderer, without a display: ticks at every zoom, the
 * piecewise mapping of axis breaks, pixels of a rendered built-in story,
 * labels that never overlap, selection, hit-testing and fitting.
 *
 * Set DRAMATIS_TIMELINE_PNG to a file name to keep the fitted rendering of
 * the built-in story as a PNG.
 */

#define WIDTH  1600
#define HEIGHT 900

/* 2024-01-01T00:00:00Z, a Monday. */
#define JAN_1_2024 G_GINT64_CONSTANT (1704067200)
#define DAY        86400.0
#define YEAR       (365.2425 * DAY)

static DramatisStory *
load_builtin (void)
{
  g_autoptr(GError) error = NULL;
  DramatisStory *story = dramatis_story_load_builtin (&error);

  g_assert_no_error (error);
  g_assert_nonnull (story);
  return story;
}

static DramatisStory *
load_synthetic (guint n_events,
                guint n_actors)
{
  DramatisSyntheticSize size = { n_actors, n_events, 0, 0, 7 };
  g_autoptr(GString) text = dramatis_synthetic_story (&size);
  g_autoptr(GBytes) bytes = g_string_free_to_bytes (g_steal_pointer (&text));
  g_autoptr(GError) error = NULL;
  DramatisStory *story = dramatis_story_load_bytes (bytes, "synthetic", &error);

  g_assert_no_error (error);
  return story;
}

static guint
event_index (DramatisStory *story,
             const char    *id)
{
  guint index = dramatis_story_find_event (story, id);

  g_assert_cmpuint (index, !=, DRAMATIS_NO_INDEX);
  return index;
}

static cairo_surface_t *
render (DramatisTimeline           *timeline,
        const DramatisTimelineView *view,
        const DramatisTheme        *theme,
        const DramatisSelection    *selection)
{
  cairo_surface_t *surface;
  cairo_t *cr;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) view->width, (int) view->height);
  cr = cairo_create (surface);
  dramatis_timeline_draw (timeline, cr, view, theme, selection);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return surface;
}

/* Red, green and blue of a pixel of an opaque ARGB32 surface. */
static void
get_pixel (cairo_surface_t *surface,
           int              x,
           int              y,
           int              rgb[3])
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint32 pixel;

  g_assert_cmpint (x, >=, 0);
  g_assert_cmpint (y, >=, 0);
  g_assert_cmpint (x, <, cairo_image_surface_get_width (surface));
  g_assert_cmpint (y, <, cairo_image_surface_get_height (surface));

  pixel = *(const guint32 *) (gconstpointer) (data + y * stride + x * 4);
  g_assert_cmpuint (pixel >> 24, ==, 0xff);
  rgb[0] = (pixel >> 16) & 0xff;
  rgb[1] = (pixel >> 8) & 0xff;
  rgb[2] = pixel & 0xff;
}

/* A colour composed over an opaque one, as 8-bit channels. */
static void
compose (const DramatisColor *over,
         const DramatisColor *under,
         int                  rgb[3])
{
  rgb[0] = (int) round (255 * (over->red * over->alpha + under->red * (1 - over->alpha)));
  rgb[1] = (int) round (255 * (over->green * over->alpha + under->green * (1 - over->alpha)));
  rgb[2] = (int) round (255 * (over->blue * over->alpha + under->blue * (1 - over->alpha)));
}

static gboolean
near (const int a[3],
      const int b[3],
      int       tolerance)
{
  for (guint i = 0; i < 3; i++)
    if (ABS (a[i] - b[i]) > tolerance)
      return FALSE;
  return TRUE;
}

static int
brightness (const int rgb[3])
{
  return rgb[0] + rgb[1] + rgb[2];
}

static gboolean
is_empty_background (cairo_surface_t     *surface,
                     const DramatisTheme *theme,
                     int                  x,
                     int                  y)
{
  int pixel[3], plain[3], lane[3];

  compose (&theme->background, &theme->background, plain);
  compose (&theme->lane_background, &theme->background, lane);
  get_pixel (surface, x, y, pixel);

  return near (pixel, plain, 1) || near (pixel, lane, 1);
}

static void
check_ticks (const DramatisTimeAxis *axis,
             double                  width)
{
  g_assert_cmpuint (axis->ticks->len, >=, 2);

  for (guint i = 0; i < axis->ticks->len; i++)
    {
      const DramatisTimeTick *tick = &g_array_index (axis->ticks, DramatisTimeTick, i);

      g_assert_nonnull (tick->label);
      g_assert_cmpstr (tick->label, !=, "");
      g_assert_cmpfloat (tick->x, >=, -1);
      g_assert_cmpfloat (tick->x, <=, width + 1);
      g_assert_cmpfloat (tick->x_limit, >, tick->x);
      if (i > 0)
        {
          const DramatisTimeTick *prev = &g_array_index (axis->ticks, DramatisTimeTick, i - 1);

          g_assert_cmpint (tick->time, >, prev->time);
          g_assert_cmpfloat (tick->x, >, prev->x);
        }
    }

  for (guint i = 0; i < axis->periods->len; i++)
    {
      const DramatisTimePeriod *period = &g_array_index (axis->periods, DramatisTimePeriod, i);

      g_assert_nonnull (period->label);
      g_assert_cmpstr (period->label, !=, "");
      g_assert_cmpfloat (period->x_end, >, period->x);
    }
}

static void
test_axis_units (void)
{
  struct {
    double           seconds_in_view;
    DramatisTimeUnit unit;
    guint            step;
  } cases[] = {
    { 150 * YEAR, DRAMATIS_TIME_UNIT_DECADE, 1 },
    { 40 * YEAR, DRAMATIS_TIME_UNIT_YEAR, 5 },
    { 10 * YEAR, DRAMATIS_TIME_UNIT_YEAR, 1 },
    { 3 * YEAR, DRAMATIS_TIME_UNIT_QUARTER, 1 },
    { YEAR, DRAMATIS_TIME_UNIT_MONTH, 1 },
    { 90 * DAY, DRAMATIS_TIME_UNIT_WEEK, 1 },
    { 14 * DAY, DRAMATIS_TIME_UNIT_DAY, 1 },
    { DAY, DRAMATIS_TIME_UNIT_HOUR, 3 },
    { 6 * 3600, DRAMATIS_TIME_UNIT_HOUR, 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(DramatisTimeAxis) axis = { 0 };
      DramatisTimeMap map;

      dramatis_time_map_init (&map, NULL, 0, 32, cases[i].seconds_in_view / 1000, JAN_1_2024);
      dramatis_time_axis_init (&axis);
      dramatis_time_axis_compute (&axis, &map, 1000, 60);

      g_test_message ("case %u: unit %d step %u", i, axis.unit, axis.step);
      g_assert_cmpint (axis.unit, ==, cases[i].unit);
      g_assert_cmpuint (axis.step, ==, cases[i].step);
      check_ticks (&axis, 1000);
    }
}

static void
test_axis_labels (void)
{
  g_auto(DramatisTimeAxis) months = { 0 };
  g_auto(DramatisTimeAxis) hours = { 0 };
  const DramatisTimeTick *tick;
  const DramatisTimePeriod *period;
  DramatisTimeMap map;
  guint n_major = 0;

  /* Months from October 2023: January is the major tick, and the year
   * labels the period above it.
   */
  dramatis_time_map_init (&map, NULL, 0, 32, YEAR / 1000, JAN_1_2024 - 92 * DAY);
  dramatis_time_axis_init (&months);
  dramatis_time_axis_compute (&months, &map, 1000, 60);
  g_assert_cmpint (months.unit, ==, DRAMATIS_TIME_UNIT_MONTH);

  tick = &g_array_index (months.ticks, DramatisTimeTick, 0);
  g_assert_cmpstr (tick->label, ==, "Oct");
  g_assert_false (tick->major);
  for (guint i = 0; i < months.ticks->len; i++)
    {
      tick = &g_array_index (months.ticks, DramatisTimeTick, i);
      if (tick->major)
        {
          n_major++;
          g_assert_cmpint (tick->time, ==, JAN_1_2024);
          g_assert_cmpstr (tick->label, ==, "Jan");
        }
    }
  g_assert_cmpuint (n_major, ==, 1);

  g_assert_cmpuint (months.periods->len, ==, 2);
  period = &g_array_index (months.periods, DramatisTimePeriod, 0);
  g_assert_cmpstr (period->label, ==, "2023");
  g_assert_cmpfloat (period->x, ==, 0);
  period = &g_array_index (months.periods, DramatisTimePeriod, 1);
  g_assert_cmpstr (period->label, ==, "2024");
  g_assert_cmpfloat_with_epsilon (period->x, 92 * DAY / (YEAR / 1000), 1e-6);

  /* Hours: the day above them, in full. */
  dramatis_time_map_init (&map, NULL, 0, 32, 6 * 3600 / 1000.0, JAN_1_2024 + 9 * 3600);
  dramatis_time_axis_init (&hours);
  dramatis_time_axis_compute (&hours, &map, 1000, 60);
  g_assert_cmpint (hours.unit, ==, DRAMATIS_TIME_UNIT_HOUR);
  g_assert_cmpstr (g_array_index (hours.ticks, DramatisTimeTick, 0).label, ==, "09:00");
  period = &g_array_index (hours.periods, DramatisTimePeriod, 0);
  g_assert_cmpstr (period->label, ==, "Mon, January 1, 2024");
}


/* A decade that an axis break cuts is named by the years of it that show
 * on each side, not "2020s" twice.
 */
static void
test_axis_break_years (void)
{
  g_auto(DramatisTimeAxis) axis = { 0 };
  g_auto(DramatisTimeAxis) whole = { 0 };
  /* 2022-07-01 to 2024-03-01, cut to 32 pixels. */
  DramatisTimeGap gap = { G_GINT64_CONSTANT (1656633600), G_GINT64_CONSTANT (1709251200) };
  DramatisTimeMap map;
  double start = JAN_1_2024 - 3 * 365 * DAY;   /* early in 2021 */

  dramatis_time_map_init (&map, &gap, 1, 32, YEAR / 60, start);
  dramatis_time_axis_init (&axis);
  dramatis_time_axis_compute (&axis, &map, 272, 50);
  g_assert_cmpint (axis.unit, ==, DRAMATIS_TIME_UNIT_YEAR);

  g_assert_cmpuint (axis.periods->len, ==, 2);
  g_assert_cmpstr (g_array_index (axis.periods, DramatisTimePeriod, 0).label, ==, "2021–2022");
  g_assert_cmpstr (g_array_index (axis.periods, DramatisTimePeriod, 1).label, ==, "2024–2026");

  /* Without the break, the decade is a decade. */
  dramatis_time_map_init (&map, NULL, 0, 32, YEAR / 60, start);
  dramatis_time_axis_init (&whole);
  dramatis_time_axis_compute (&whole, &map, 272, 50);
  g_assert_cmpuint (whole.periods->len, ==, 1);
  g_assert_cmpstr (g_array_index (whole.periods, DramatisTimePeriod, 0).label, ==, "2020s");
}

static void
test_axis_map (void)
{
  DramatisTimeGap gaps[] = { { 1000, 101000 } };
  g_auto(DramatisTimeAxis) axis = { 0 };
  DramatisTimeMap map;
  double x0, x1, last = -G_MAXDOUBLE;

  /* At 100 s/px the gap would be 1000 px: it shrinks to the 32 px break. */
  dramatis_time_map_init (&map, gaps, 1, 32, 100, 0);
  g_assert_cmpfloat_with_epsilon (dramatis_time_map_to_x (&map, 1000), 10, 1e-9);
  g_assert_cmpfloat_with_epsilon (dramatis_time_map_to_x (&map, 51000), 26, 1e-9);
  g_assert_cmpfloat_with_epsilon (dramatis_time_map_to_x (&map, 101000), 42, 1e-9);
  g_assert_cmpfloat_with_epsilon (dramatis_time_map_to_x (&map, 111000), 142, 1e-9);
  g_assert_true (dramatis_time_map_get_break (&map, 0, &x0, &x1));
  g_assert_cmpfloat_with_epsilon (x0, 10, 1e-9);
  g_assert_cmpfloat_with_epsilon (x1, 42, 1e-9);

  /* Strictly increasing, and to_time inverts it everywhere. */
  for (double x = -50; x < 300; x += 0.7)
    {
      double t = dramatis_time_map_to_time (&map, x);

      g_assert_cmpfloat (t, >, last);
      last = t;
      g_assert_cmpfloat_with_epsilon (dramatis_time_map_to_x (&map, t), x, 1e-6);
    }

  /* No tick inside the break. */
  dramatis_time_axis_init (&axis);
  dramatis_time_axis_compute (&axis, &map, 300, 5);
  for (guint i = 0; i < axis.ticks->len; i++)
    {
      const DramatisTimeTick *tick = &g_array_index (axis.ticks, DramatisTimeTick, i);

      g_assert_false (tick->time > 1000 && tick->time < 101000);
      g_assert_cmpfloat (tick->x_limit, <=, tick->x < 10.5 ? 10 + 1e-9 : G_MAXDOUBLE);
    }

  /* The start of the view inside a gap still maps to x = 0. */
  dramatis_time_map_init (&map, gaps, 1, 32, 100, 30000);
  g_assert_cmpfloat_with_epsilon (dramatis_time_map_to_x (&map, 30000), 0, 1e-9);

  /* At 10,000 s/px the gap is 10 px, narrower than a break: kept as is. */
  dramatis_time_map_init (&map, gaps, 1, 32, 10000, 0);
  g_assert_false (dramatis_time_map_get_break (&map, 0, NULL, NULL));
  g_assert_cmpfloat_with_epsilon (dramatis_time_map_to_x (&map, 101000), 10.1, 1e-9);
}

typedef struct
{
  DramatisStory    *story;
  DramatisTheme     theme;
  DramatisTimeline *timeline;
  DramatisTimelineView view;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->story = load_builtin ();
  dramatis_theme_init (&fixture->theme, DRAMATIS_THEME_LIGHT);
  fixture->timeline = dramatis_timeline_new (fixture->story, GPOINTER_TO_INT (data), &fixture->theme);
  dramatis_timeline_fit (fixture->timeline, WIDTH, HEIGHT, &fixture->view);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_pointer (&fixture->timeline, dramatis_timeline_free);
  dramatis_theme_clear (&fixture->theme);
  g_clear_object (&fixture->story);
}

static void
event_centre (Fixture    *fixture,
              const char *id,
              double     *x,
              double     *y)
{
  double rx, ry, rw, rh;

  g_assert_true (dramatis_timeline_get_event_rect (fixture->timeline, &fixture->view,
                                                   event_index (fixture->story, id),
                                                   &rx, &ry, &rw, &rh));
  *x = rx + rw / 2;
  *y = ry + rh / 2;
}

/* In a view as narrow as a phone's, the lane names give up their width to
 * time, and take it back when the view is wide again; what is drawn and
 * hit follows.
 */
static void
test_narrow_gutter (Fixture       *fixture,
                    gconstpointer  data)
{
  double natural = dramatis_timeline_get_gutter_width (fixture->timeline);
  DramatisTimelineView view;
  double x, y, w, h;

  /* The built-in story's longest lane name asks for much of a phone. */
  g_assert_cmpfloat (natural, >, 0.35 * 355);
  g_assert_false (dramatis_timeline_fit_gutter (fixture->timeline, 1280));
  g_assert_cmpfloat (dramatis_timeline_get_gutter_width (fixture->timeline), ==, natural);

  g_assert_true (dramatis_timeline_fit_gutter (fixture->timeline, 355));
  g_assert_cmpfloat (dramatis_timeline_get_gutter_width (fixture->timeline), <=, 0.35 * 355);
  g_assert_cmpfloat (dramatis_timeline_get_gutter_width (fixture->timeline), >=, 64);

  /* The time area starts where the names end. */
  dramatis_timeline_fit (fixture->timeline, 355, HEIGHT, &view);
  g_assert_true (dramatis_timeline_get_event_rect (fixture->timeline, &view,
                                                   event_index (fixture->story, "invasion-of-ukraine"),
                                                   &x, &y, &w, &h));
  g_assert_cmpfloat (x, >=, dramatis_timeline_get_gutter_width (fixture->timeline) - 1);
  g_assert_cmpfloat (x, <, natural);

  g_assert_true (dramatis_timeline_fit_gutter (fixture->timeline, 1280));
  g_assert_cmpfloat (dramatis_timeline_get_gutter_width (fixture->timeline), ==, natural);
}

static void
test_draw_pixels (Fixture       *fixture,
                  gconstpointer  data)
{
  cairo_surface_t *surface;
  const char *png = g_getenv ("DRAMATIS_TIMELINE_PNG");
  DramatisItem item;
  double x, y;
  int pixel[3];
  gboolean empty = FALSE;

  surface = render (fixture->timeline, &fixture->view, &fixture->theme, NULL);

  /* The ICBM launch of October 30 is drawn where its rectangle says. */
  event_centre (fixture, "icbm-launch", &x, &y);
  g_assert_cmpfloat (x, >, dramatis_timeline_get_gutter_width (fixture->timeline));
  g_assert_cmpfloat (x, <, WIDTH);
  g_assert_cmpfloat (y, <, HEIGHT);
  g_assert_false (is_empty_background (surface, &fixture->theme, (int) x, (int) y));
  get_pixel (surface, (int) x, (int) y, pixel);
  g_assert_cmpint (brightness (pixel), <, 3 * 200);

  /* Sixty pixels earlier in the same row, two weeks before, there is
   * nothing: background, but for a grid line at most one pixel wide.
   */
  item = dramatis_timeline_hit (fixture->timeline, &fixture->view, x - 60, y);
  g_assert_cmpint (item.kind, ==, DRAMATIS_ITEM_NONE);
  for (int dx = 0; dx < 3; dx++)
    empty |= is_empty_background (surface, &fixture->theme, (int) x - 60 + 2 * dx, (int) y);
  g_assert_true (empty);

  if (png != NULL)
    {
      cairo_surface_t *page = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
      cairo_t *cr = cairo_create (page);
      DramatisTimelineView view;
      double legend;

      /* The legend's height first, off the page, then the timeline above it. */
      legend = dramatis_timeline_draw_legend (fixture->timeline, cr, &fixture->theme,
                                              16, HEIGHT, WIDTH - 32);
      dramatis_timeline_fit (fixture->timeline, WIDTH, HEIGHT - legend - 12, &view);
      dramatis_timeline_draw (fixture->timeline, cr, &view, &fixture->theme, NULL);
      dramatis_color_set_source (&fixture->theme.background, cr);
      cairo_rectangle (cr, 0, HEIGHT - legend - 12, WIDTH, legend + 12);
      cairo_fill (cr);
      dramatis_timeline_draw_legend (fixture->timeline, cr, &fixture->theme,
                                     16, HEIGHT - legend - 6, WIDTH - 32);
      cairo_destroy (cr);
      g_assert_cmpint (cairo_surface_write_to_png (page, png), ==, CAIRO_STATUS_SUCCESS);
      cairo_surface_destroy (page);
      g_test_message ("wrote %s", png);
    }

  cairo_surface_destroy (surface);
}

static void
check_no_overlap (GArray *labels)
{
  for (guint i = 0; i < labels->len; i++)
    {
      const DramatisTimelineLabel *a = &g_array_index (labels, DramatisTimelineLabel, i);

      g_assert_cmpfloat (a->width, >, 0);
      g_assert_cmpfloat (a->height, >, 0);

      for (guint j = i + 1; j < labels->len; j++)
        {
          const DramatisTimelineLabel *b = &g_array_index (labels, DramatisTimelineLabel, j);
          gboolean apart = a->x + a->width <= b->x || b->x + b->width <= a->x ||
                           a->y + a->height <= b->y || b->y + b->height <= a->y;

          if (!apart)
            g_error ("labels of events %u and %u overlap: (%g, %g, %g×%g) and (%g, %g, %g×%g)",
                     a->event, b->event, a->x, a->y, a->width, a->height,
                     b->x, b->y, b->width, b->height);
        }
    }
}

static void
test_labels_builtin (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GArray) labels = dramatis_timeline_get_labels (fixture->timeline, &fixture->view);
  g_autofree guint8 *labelled = g_new0 (guint8, dramatis_story_get_n_events (fixture->story));
  DramatisTimelineView view = fixture->view;
  double rx;

  /* At the fitted view every event is named at least once. */
  check_no_overlap (labels);
  for (guint i = 0; i < labels->len; i++)
    labelled[g_array_index (labels, DramatisTimelineLabel, i).event] = TRUE;
  for (guint e = 0; e < dramatis_story_get_n_events (fixture->story); e++)
    if (!labelled[e])
      g_error ("event %s has no label", dramatis_story_get_event (fixture->story, e)->id);

  /* Closer and further, labels may drop out but never collide. */
  dramatis_timeline_get_event_rect (fixture->timeline, &view,
                                    event_index (fixture->story, "icbm-launch"),
                                    &rx, NULL, NULL, NULL);
  for (guint i = 0; i < 6; i++)
    {
      g_autoptr(GArray) closer = NULL;

      dramatis_timeline_zoom (fixture->timeline, &view, 3, rx);
      closer = dramatis_timeline_get_labels (fixture->timeline, &view);
      check_no_overlap (closer);
    }

  view = fixture->view;
  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(GArray) further = NULL;

      dramatis_timeline_zoom (fixture->timeline, &view, 0.3, WIDTH / 2.0);
      further = dramatis_timeline_get_labels (fixture->timeline, &view);
      check_no_overlap (further);
    }
}

static void
test_labels_synthetic (void)
{
  g_autoptr(DramatisStory) story = load_synthetic (3000, 40);
  g_auto(DramatisTheme) theme = { 0 };
  DramatisLaneMode modes[] = { DRAMATIS_LANES_BY_ACTOR, DRAMATIS_LANES_BY_KIND };

  dramatis_theme_init (&theme, DRAMATIS_THEME_LIGHT);

  for (guint m = 0; m < G_N_ELEMENTS (modes); m++)
    {
      g_autoptr(DramatisTimeline) timeline = dramatis_timeline_new (story, modes[m], &theme);
      DramatisTimelineView view;
      guint n_labels = 0;

      dramatis_timeline_fit (timeline, WIDTH, HEIGHT, &view);
      for (guint i = 0; i < 8; i++)
        {
          g_autoptr(GArray) labels = dramatis_timeline_get_labels (timeline, &view);
          cairo_surface_t *surface;

          check_no_overlap (labels);
          n_labels += labels->len;
          surface = render (timeline, &view, &theme, NULL);
          cairo_surface_destroy (surface);

          dramatis_timeline_zoom (timeline, &view, 4, WIDTH / 2.0);
          dramatis_timeline_pan (timeline, &view, 0, 200);
        }

      /* Closer views make room for labels: some must show. */
      g_assert_cmpuint (n_labels, >, 20);
    }
}

static void
test_selection (Fixture       *fixture,
                gconstpointer  data)
{
  DramatisSelection selection = { DRAMATIS_ITEM_INIT_NONE, DRAMATIS_ITEM_INIT_NONE };
  cairo_surface_t *plain, *actor, *event, *hover;
  double ix, iy, kx, ky, rx, ry, rw, rh;
  int before[3], after[3];

  event_centre (fixture, "invasion-of-ukraine", &ix, &iy);
  event_centre (fixture, "icbm-launch", &kx, &ky);
  plain = render (fixture->timeline, &fixture->view, &fixture->theme, &selection);

  /* Selecting North Korea dims the invasion, which it had no part in, and
   * leaves the launch, which it had, as it was.
   */
  selection.selected.kind = DRAMATIS_ITEM_ACTOR;
  selection.selected.index = dramatis_story_find_actor (fixture->story, "north-korea");
  actor = render (fixture->timeline, &fixture->view, &fixture->theme, &selection);
  get_pixel (plain, (int) ix, (int) iy, before);
  get_pixel (actor, (int) ix, (int) iy, after);
  g_assert_cmpint (brightness (after), >, brightness (before) + 60);
  get_pixel (plain, (int) kx, (int) ky, before);
  get_pixel (actor, (int) kx, (int) ky, after);
  g_assert_true (near (before, after, 0));

  /* Selecting the launch draws an accent ring around it. */
  selection.selected.kind = DRAMATIS_ITEM_EVENT;
  selection.selected.index = event_index (fixture->story, "icbm-launch");
  event = render (fixture->timeline, &fixture->view, &fixture->theme, &selection);
  dramatis_timeline_get_event_rect (fixture->timeline, &fixture->view, selection.selected.index,
                                    &rx, &ry, &rw, &rh);
  get_pixel (plain, (int) kx, (int) (ry - 1.5), before);
  get_pixel (event, (int) kx, (int) (ry - 1.5), after);
  g_assert_false (near (before, after, 8));

  /* Hovering shades behind it. */
  selection.selected = DRAMATIS_ITEM_INIT_NONE;
  selection.hovered.kind = DRAMATIS_ITEM_EVENT;
  selection.hovered.index = event_index (fixture->story, "icbm-launch");
  hover = render (fixture->timeline, &fixture->view, &fixture->theme, &selection);
  get_pixel (plain, (int) (rx - 2), (int) ky, before);
  get_pixel (hover, (int) (rx - 2), (int) ky, after);
  g_assert_false (near (before, after, 4));

  cairo_surface_destroy (plain);
  cairo_surface_destroy (actor);
  cairo_surface_destroy (event);
  cairo_surface_destroy (hover);
}

static void
test_hit (Fixture       *fixture,
          gconstpointer  data)
{
  DramatisItem item;
  double x, y;

  /* Every event, at the centre of its mark. */
  for (guint e = 0; e < dramatis_story_get_n_events (fixture->story); e++)
    {
      double rx, ry, rw, rh;

      g_assert_true (dramatis_timeline_get_event_rect (fixture->timeline, &fixture->view, e,
                                                       &rx, &ry, &rw, &rh));
      item = dramatis_timeline_hit (fixture->timeline, &fixture->view, rx + rw / 2, ry + rh / 2);
      g_assert_cmpint (item.kind, ==, DRAMATIS_ITEM_EVENT);
      g_assert_cmpuint (item.index, ==, e);
    }

  /* Its label, too. */
  {
    g_autoptr(GArray) labels = dramatis_timeline_get_labels (fixture->timeline, &fixture->view);
    const DramatisTimelineLabel *label;

    g_assert_cmpuint (labels->len, >, 0);
    label = &g_array_index (labels, DramatisTimelineLabel, 0);
    item = dramatis_timeline_hit (fixture->timeline, &fixture->view,
                                  label->x + label->width / 2, label->y + label->height / 2);
    g_assert_cmpint (item.kind, ==, DRAMATIS_ITEM_EVENT);
    g_assert_cmpuint (item.index, ==, label->event);
  }

  /* The axis, empty space and the far right hold nothing. */
  event_centre (fixture, "icbm-launch", &x, &y);
  item = dramatis_timeline_hit (fixture->timeline, &fixture->view, x, 10);
  g_assert_cmpint (item.kind, ==, DRAMATIS_ITEM_NONE);
  item = dramatis_timeline_hit (fixture->timeline, &fixture->view, x - 60, y);
  g_assert_cmpint (item.kind, ==, DRAMATIS_ITEM_NONE);
  item = dramatis_timeline_hit (fixture->timeline, &fixture->view, x, HEIGHT + 10);
  g_assert_cmpint (item.kind, ==, DRAMATIS_ITEM_NONE);

  /* The lane names are the actors: the first lane is the United States. */
  item = dramatis_timeline_hit (fixture->timeline, &fixture->view, 20, 40 + 15);
  g_assert_cmpint (item.kind, ==, DRAMATIS_ITEM_ACTOR);
  g_assert_cmpuint (item.index, ==, dramatis_story_find_actor (fixture->story, "united-states"));
}

static void
test_partial_wider (Fixture       *fixture,
                    gconstpointer  data)
{
  cairo_surface_t *surface = render (fixture->timeline, &fixture->view, &fixture->theme, NULL);
  double yx, yy, yw, yh, dx, dy, dw, dh;
  int edge[3], middle[3];

  g_assert_true (dramatis_timeline_get_event_rect (fixture->timeline, &fixture->view,
                                                   event_index (fixture->story, "troop-deployment"),
                                                   &yx, &yy, &yw, &yh));
  g_assert_true (dramatis_timeline_get_event_rect (fixture->timeline, &fixture->view,
                                                   event_index (fixture->story, "icbm-launch"),
                                                   &dx, &dy, &dw, &dh));

  /* "2024" covers the whole year, a day only its marker. */
  g_assert_cmpfloat (yw, >, 20 * dw);
  g_assert_cmpfloat (yw, >, 0.5 * (WIDTH - dramatis_timeline_get_gutter_width (fixture->timeline)));

  /* And it looks uncertain: faint at its ends, strong in its middle. */
  get_pixel (surface, (int) (yx + 2), (int) (yy + yh / 2), edge);
  get_pixel (surface, (int) (yx + yw / 2), (int) (yy + yh / 2), middle);
  g_assert_cmpint (brightness (edge), >, brightness (middle) + 150);

  cairo_surface_destroy (surface);
}

static void
test_fit_break (Fixture       *fixture,
                gconstpointer  data)
{
  DramatisTimeMap map;
  double area = WIDTH - dramatis_timeline_get_gutter_width (fixture->timeline);
  double left = G_MAXDOUBLE, right = -G_MAXDOUBLE, ix;
  gboolean has_break = FALSE;

  /* The 2024 events, not the empty stretch after the invasion, fill the
   * view: without the break they would get about a third of it.
   */
  for (guint e = 0; e < dramatis_story_get_n_events (fixture->story); e++)
    {
      const DramatisEvent *event = dramatis_story_get_event (fixture->story, e);
      double x, w;

      if (event->when.start.year != 2024)
        continue;
      g_assert_true (dramatis_timeline_get_event_rect (fixture->timeline, &fixture->view, e,
                                                       &x, NULL, &w, NULL));
      left = MIN (left, x);
      right = MAX (right, x + w);
    }
  g_assert_cmpfloat (right - left, >=, 0.6 * area);
  g_assert_cmpfloat (right, <=, WIDTH);

  /* The invasion is in view, left of a break. */
  g_assert_true (dramatis_timeline_get_event_rect (fixture->timeline, &fixture->view,
                                                   event_index (fixture->story, "invasion-of-ukraine"),
                                                   &ix, NULL, NULL, NULL));
  g_assert_cmpfloat (ix, >=, dramatis_timeline_get_gutter_width (fixture->timeline));

  dramatis_timeline_get_time_map (fixture->timeline, &fixture->view, &map);
  for (guint g = 0; g < map.n_gaps; g++)
    {
      double x0, x1;

      if (dramatis_time_map_get_break (&map, g, &x0, &x1))
        {
          has_break = TRUE;
          g_assert_cmpfloat (x0 + dramatis_timeline_get_gutter_width (fixture->timeline), >, ix);
          g_assert_cmpfloat (x1 + dramatis_timeline_get_gutter_width (fixture->timeline), <=, left);
        }
    }
  g_assert_true (has_break);
}

static gboolean
contains (GArray *events,
          guint   event)
{
  for (guint i = 0; i < events->len; i++)
    if (g_array_index (events, guint, i) == event)
      return TRUE;
  return FALSE;
}

static void
test_visible_events (Fixture       *fixture,
                     gconstpointer  data)
{
  DramatisTimelineView view = fixture->view;
  g_autoptr(GArray) all = NULL;
  g_autoptr(GArray) autumn = NULL;

  view.height = 5000;
  all = dramatis_timeline_get_visible_events (fixture->timeline, &view);
  g_assert_cmpuint (all->len, ==, dramatis_story_get_n_events (fixture->story));

  /* From October 25 to November 10, 2024. */
  view.start_second = JAN_1_2024 + 298 * DAY;
  view.seconds_per_pixel = 16 * DAY / (WIDTH - dramatis_timeline_get_gutter_width (fixture->timeline));
  autumn = dramatis_timeline_get_visible_events (fixture->timeline, &view);
  g_assert_true (contains (autumn, event_index (fixture->story, "icbm-launch")));
  g_assert_true (contains (autumn, event_index (fixture->story, "unsc-meeting")));
  g_assert_true (contains (autumn, event_index (fixture->story, "troop-deployment")));
  g_assert_false (contains (autumn, event_index (fixture->story, "invasion-of-ukraine")));
  g_assert_false (contains (autumn, event_index (fixture->story, "panel-veto")));
}

static void
test_zoom_pan (Fixture       *fixture,
               gconstpointer  data)
{
  DramatisTimelineView view = fixture->view;
  double gutter = dramatis_timeline_get_gutter_width (fixture->timeline);
  DramatisTimeMap before, after;
  double xs[] = { gutter + 5, gutter + 60, WIDTH / 2.0, WIDTH - 10 };

  for (guint i = 0; i < G_N_ELEMENTS (xs); i++)
    {
      double factors[] = { 3, 0.5, 40 };

      for (guint f = 0; f < G_N_ELEMENTS (factors); f++)
        {
          view = fixture->view;
          dramatis_timeline_get_time_map (fixture->timeline, &view, &before);
          dramatis_timeline_zoom (fixture->timeline, &view, factors[f], xs[i]);
          dramatis_timeline_get_time_map (fixture->timeline, &view, &after);
          g_assert_cmpfloat_with_epsilon (view.seconds_per_pixel,
                                          fixture->view.seconds_per_pixel / factors[f], 1e-6);
          g_assert_cmpfloat_with_epsilon (dramatis_time_map_to_time (&after, xs[i] - gutter),
                                          dramatis_time_map_to_time (&before, xs[i] - gutter), 1e-3);
        }
    }

  /* Panning by pixels crosses the break and comes back. */
  view = fixture->view;
  dramatis_timeline_pan (fixture->timeline, &view, 300, 50);
  dramatis_timeline_pan (fixture->timeline, &view, -300, -50);
  g_assert_cmpfloat_with_epsilon (view.start_second, fixture->view.start_second, 1e-3);
  g_assert_cmpfloat (view.scroll_y, ==, 0);

  /* Scrolling stops at the end of the content. */
  dramatis_timeline_pan (fixture->timeline, &view, 0, 1e6);
  g_assert_cmpfloat (view.scroll_y, ==,
                     MAX (0, dramatis_timeline_get_content_height (fixture->timeline) - HEIGHT));

  /* Panning stops with the story still at an edge of the view, however far
   * the pointer goes.
   */
  {
    gint64 first, end;

    g_assert_true (dramatis_story_get_time_bounds (fixture->story, &first, &end));
    view = fixture->view;
    dramatis_timeline_pan (fixture->timeline, &view, 1e15, 0);
    g_assert_cmpfloat (view.start_second, <=, end);
    g_assert_cmpfloat (view.start_second, >, first);
    view = fixture->view;
    dramatis_timeline_pan (fixture->timeline, &view, -1e15, 0);
    g_assert_cmpfloat (view.start_second, <, first);
    g_assert_cmpfloat (view.start_second, >=, first - WIDTH * view.seconds_per_pixel);
  }
}

static void
test_legend (Fixture       *fixture,
             gconstpointer  data)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 600, 300);
  cairo_t *cr = cairo_create (surface);
  double height;
  gboolean drawn = FALSE;

  dramatis_color_set_source (&fixture->theme.background, cr);
  cairo_paint (cr);
  height = dramatis_timeline_draw_legend (fixture->timeline, cr, &fixture->theme, 10, 10, 580);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  /* Narrow, it wraps onto several lines, all inside what it reports. */
  g_assert_cmpfloat (height, >, 40);
  g_assert_cmpfloat (height, <, 280);
  for (int y = 10; y < 10 + height && !drawn; y++)
    for (int x = 10; x < 590 && !drawn; x++)
      drawn = !is_empty_background (surface, &fixture->theme, x, y);
  g_assert_true (drawn);
  for (int x = 0; x < 600; x++)
    g_assert_true (is_empty_background (surface, &fixture->theme, x, (int) (10 + height + 2)));

  cairo_surface_destroy (surface);
}

static void
test_by_kind (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GArray) labels = dramatis_timeline_get_labels (fixture->timeline, &fixture->view);
  DramatisItem item;

  /* military, vote, military exercise, meeting, interview */
  g_assert_cmpuint (dramatis_timeline_get_n_lanes (fixture->timeline), ==, 5);
  g_assert_cmpuint (labels->len, ==, dramatis_story_get_n_events (fixture->story));
  check_no_overlap (labels);

  /* Lane names are kinds, not actors. */
  item = dramatis_timeline_hit (fixture->timeline, &fixture->view, 20, 40 + 15);
  g_assert_cmpint (item.kind, ==, DRAMATIS_ITEM_NONE);
}

static void
test_themes (Fixture       *fixture,
             gconstpointer  data)
{
  DramatisThemeVariant variants[] = { DRAMATIS_THEME_DARK, DRAMATIS_THEME_HIGH_CONTRAST };

  /* Colours come from the theme: the dark one paints a dark background. */
  for (guint i = 0; i < G_N_ELEMENTS (variants); i++)
    {
      g_auto(DramatisTheme) theme = { 0 };
      cairo_surface_t *surface;
      int pixel[3], expected[3];

      dramatis_theme_init (&theme, variants[i]);
      surface = render (fixture->timeline, &fixture->view, &theme, NULL);
      get_pixel (surface, WIDTH - 2, 2, pixel);
      compose (&theme.background, &theme.background, expected);
      g_assert_true (near (pixel, expected, 1));
      cairo_surface_destroy (surface);
    }
}

static void
test_empty (void)
{
  g_autoptr(DramatisStory) story = dramatis_story_new ();
  g_auto(DramatisTheme) theme = { 0 };
  g_autoptr(DramatisTimeline) timeline = NULL;
  g_autoptr(GArray) labels = NULL;
  g_autoptr(GArray) events = NULL;
  DramatisTimelineView view;
  DramatisItem item;
  cairo_surface_t *surface;
  int pixel[3], expected[3];

  /* A story without events still has an axis, a year of it, and no lane. */
  dramatis_theme_init (&theme, DRAMATIS_THEME_LIGHT);
  timeline = dramatis_timeline_new (story, DRAMATIS_LANES_BY_ACTOR, &theme);
  dramatis_timeline_fit (timeline, 800, 400, &view);
  g_assert_cmpuint (dramatis_timeline_get_n_lanes (timeline), ==, 0);
  g_assert_cmpfloat (view.seconds_per_pixel, >, 0);

  surface = render (timeline, &view, &theme, NULL);
  get_pixel (surface, 600, 300, pixel);
  compose (&theme.background, &theme.background, expected);
  g_assert_true (near (pixel, expected, 1));
  cairo_surface_destroy (surface);

  item = dramatis_timeline_hit (timeline, &view, 400, 200);
  g_assert_cmpint (item.kind, ==, DRAMATIS_ITEM_NONE);
  labels = dramatis_timeline_get_labels (timeline, &view);
  g_assert_cmpuint (labels->len, ==, 0);
  events = dramatis_timeline_get_visible_events (timeline, &view);
  g_assert_cmpuint (events->len, ==, 0);
}

/* A second timeline of the story, packed for the first one's scale, draws
 * a view of the first with the same labels in the same places: an export
 * of what the window shows is made this way, in a thread of its own.
 */
static void
test_layout_scale (void)
{
  g_autoptr(DramatisStory) story = load_builtin ();
  g_auto(DramatisTheme) theme = { 0 };
  g_autoptr(DramatisTimeline) screen = NULL;
  g_autoptr(DramatisTimeline) copy = NULL;
  g_autoptr(GArray) screen_labels = NULL;
  g_autoptr(GArray) copy_labels = NULL;
  DramatisTimelineView view;

  dramatis_theme_init (&theme, DRAMATIS_THEME_LIGHT);
  screen = dramatis_timeline_new (story, DRAMATIS_LANES_BY_ACTOR, &theme);
  copy = dramatis_timeline_new (story, DRAMATIS_LANES_BY_ACTOR, &theme);
  dramatis_timeline_fit (screen, 600, 400, &view);
  g_assert_cmpfloat (dramatis_timeline_get_layout_scale (screen), !=, dramatis_timeline_get_layout_scale (copy));

  dramatis_timeline_set_layout_scale (copy, dramatis_timeline_get_layout_scale (screen));
  g_assert_cmpfloat (dramatis_timeline_get_content_height (copy), ==, dramatis_timeline_get_content_height (screen));
  screen_labels = dramatis_timeline_get_labels (screen, &view);
  copy_labels = dramatis_timeline_get_labels (copy, &view);
  g_assert_cmpuint (copy_labels->len, ==, screen_labels->len);
  for (guint i = 0; i < screen_labels->len; i++)
    {
      const DramatisTimelineLabel *a = &g_array_index (screen_labels, DramatisTimelineLabel, i);
      const DramatisTimelineLabel *b = &g_array_index (copy_labels, DramatisTimelineLabel, i);

      g_assert_cmpuint (a->event, ==, b->event);
      g_assert_cmpfloat (a->y, ==, b->y);
      g_assert_cmpfloat (a->x, ==, b->x);
    }
}


static const DramatisTimelineLabel *
find_label (GArray *labels,
            guint   event)
{
  for (guint i = 0; i < labels->len; i++)
    if (g_array_index (labels, DramatisTimelineLabel, i).event == event)
      return &g_array_index (labels, DramatisTimelineLabel, i);
  return NULL;
}

/* Labels stay inside the time area: one that would run past its right
 * edge is shortened to end there, and one whose start is panned away
 * sticks to the left edge, shortened to end where it would have ended.
 */
static void
test_labels_in_view (void)
{
  g_autoptr(DramatisStory) story = load_builtin ();
  g_auto(DramatisTheme) theme = { 0 };
  g_autoptr(DramatisTimeline) timeline = NULL;
  g_autoptr(GArray) wide = NULL;
  g_autoptr(GArray) narrow = NULL;
  g_autoptr(GArray) panned = NULL;
  DramatisTimelineView view, narrowed;
  const DramatisTimelineLabel *before, *after;
  double gutter, shift;
  guint shortened = 0;

  dramatis_theme_init (&theme, DRAMATIS_THEME_LIGHT);
  timeline = dramatis_timeline_new (story, DRAMATIS_LANES_BY_ACTOR, &theme);
  gutter = dramatis_timeline_get_gutter_width (timeline);
  dramatis_timeline_fit (timeline, 900, 2000, &view);
  wide = dramatis_timeline_get_labels (timeline, &view);

  /* The same view cut narrower: what runs past the edge is shortened. */
  narrowed = view;
  narrowed.width = view.width - 150;
  narrow = dramatis_timeline_get_labels (timeline, &narrowed);
  g_assert_cmpuint (narrow->len, >, 0);
  for (guint i = 0; i < narrow->len; i++)
    {
      const DramatisTimelineLabel *label = &g_array_index (narrow, DramatisTimelineLabel, i);

      before = find_label (wide, label->event);
      g_assert_nonnull (before);
      if (before == NULL)
        return;
      g_assert_cmpfloat (label->x, >=, gutter);
      g_assert_cmpfloat (label->x + label->width, <=, narrowed.width - 4 + 1e-6);
      if (label->width < before->width - 0.5)
        {
          shortened++;
          g_assert_cmpfloat (label->x, ==, before->x);
          g_assert_cmpfloat_with_epsilon (label->x + label->width, narrowed.width - 4, 1e-6);
          g_assert_cmpfloat (label->width, >=, 36 - 1e-6);
        }
    }
  g_assert_cmpuint (shortened, >, 0);

  /* Pan the start of the widest label out of view on the left. */
  before = &g_array_index (wide, DramatisTimelineLabel, 0);
  for (guint i = 1; i < wide->len; i++)
    if (g_array_index (wide, DramatisTimelineLabel, i).width > before->width)
      before = &g_array_index (wide, DramatisTimelineLabel, i);
  g_assert_cmpfloat (before->width, >, 100);
  shift = before->x - gutter + 40;
  dramatis_timeline_pan (timeline, &view, shift, 0);
  panned = dramatis_timeline_get_labels (timeline, &view);
  after = find_label (panned, before->event);
  g_assert_nonnull (after);
  if (after == NULL)
    return;
  g_assert_cmpfloat (after->x, ==, gutter + 4);
  g_assert_cmpfloat (after->width, <, before->width);
  g_assert_cmpfloat_with_epsilon (after->x + after->width, before->x + before->width - shift, 0.5);

  /* Panned until too little would show, it is left out. */
  dramatis_timeline_pan (timeline, &view, before->width - 60, 0);
  g_clear_pointer (&panned, g_array_unref);
  panned = dramatis_timeline_get_labels (timeline, &view);
  after = find_label (panned, before->event);
  if (after != NULL)
    g_assert_cmpfloat (after->width, >=, 36 - 1e-6);
  for (guint i = 0; i < panned->len; i++)
    g_assert_cmpfloat (g_array_index (panned, DramatisTimelineLabel, i).x, >=, gutter + 4 - 1e-6);
}

/* A fit of the lanes shows every lane, with as many rows each as leave
 * room for all; when even a row each is too tall, each gets one, so that
 * the most lanes show, from the top.
 */
static void
test_fit_lanes (void)
{
  g_autoptr(DramatisStory) story = load_builtin ();
  g_auto(DramatisTheme) theme = { 0 };
  g_autoptr(DramatisTimeline) timeline = NULL;
  DramatisTimelineView view;
  guint n_lanes, rows, whole;
  double full_height;

  dramatis_theme_init (&theme, DRAMATIS_THEME_LIGHT);
  timeline = dramatis_timeline_new (story, DRAMATIS_LANES_BY_ACTOR, &theme);
  n_lanes = dramatis_timeline_get_n_lanes (timeline);
  dramatis_timeline_fit (timeline, 900, 5000, &view);
  full_height = dramatis_timeline_get_content_height (timeline);
  g_assert_cmpuint (dramatis_timeline_get_max_rows (timeline), ==, DRAMATIS_TIMELINE_MAX_ROWS);

  /* Tall enough for all the rows: nothing changes. */
  dramatis_timeline_fit_lanes (timeline, &view);
  g_assert_cmpuint (dramatis_timeline_get_max_rows (timeline), ==, DRAMATIS_TIMELINE_MAX_ROWS);
  g_assert_cmpfloat (dramatis_timeline_get_content_height (timeline), ==, full_height);

  /* Shorter: every lane shows whole, with the most rows that allow it. */
  dramatis_timeline_fit (timeline, 900, 700, &view);
  view.scroll_y = 50;
  dramatis_timeline_fit_lanes (timeline, &view);
  rows = dramatis_timeline_get_max_rows (timeline);
  g_assert_cmpuint (rows, <, DRAMATIS_TIMELINE_MAX_ROWS);
  g_assert_cmpfloat (view.scroll_y, ==, 0);
  g_assert_cmpfloat (dramatis_timeline_get_content_height (timeline), <=, view.height);
  g_assert_cmpuint (dramatis_timeline_count_whole_lanes (timeline, view.height, NULL), ==, n_lanes);
  dramatis_timeline_set_max_rows (timeline, rows + 1);
  g_assert_cmpfloat (dramatis_timeline_get_content_height (timeline), >, view.height);

  /* Too short for a row each: one row each, from the top, which shows
   * more lanes than any other number of rows.
   */
  dramatis_timeline_fit (timeline, 900, 300, &view);
  view.scroll_y = 80;
  dramatis_timeline_fit_lanes (timeline, &view);
  g_assert_cmpuint (dramatis_timeline_get_max_rows (timeline), ==, 1);
  g_assert_cmpfloat (dramatis_timeline_get_content_height (timeline), >, view.height);
  g_assert_cmpfloat (view.scroll_y, ==, 0);
  whole = dramatis_timeline_count_whole_lanes (timeline, view.height, NULL);
  g_assert_cmpuint (whole, <, n_lanes);
  dramatis_timeline_set_max_rows (timeline, 2);
  g_assert_cmpuint (dramatis_timeline_count_whole_lanes (timeline, view.height, NULL), <, whole);
}

/* The overview strip maps the story's whole time into its width, frames
 * the view's time, and moves the view to where the frame is put.
 */
static void
test_overview (void)
{
  g_autoptr(DramatisStory) story = load_builtin ();
  g_autoptr(DramatisStory) large = load_synthetic (2000, 400);
  g_auto(DramatisTheme) theme = { 0 };
  g_autoptr(DramatisTimeline) timeline = NULL;
  g_autoptr(DramatisTimeline) large_timeline = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  DramatisTimelineView view, large_view;
  DramatisTimeMap strip, map;
  gint64 first, end;
  double x0, x1, width = 600, wide_x0, wide_x1;
  int inside[3], outside[3];

  dramatis_theme_init (&theme, DRAMATIS_THEME_LIGHT);
  timeline = dramatis_timeline_new (story, DRAMATIS_LANES_BY_ACTOR, &theme);
  g_assert_true (dramatis_story_get_time_bounds (story, &first, &end));
  dramatis_timeline_fit (timeline, 900, 400, &view);

  /* The story's time, margins aside, fills the strip. */
  dramatis_timeline_get_overview_map (timeline, width, &strip);
  g_assert_cmpfloat_with_epsilon (dramatis_time_map_to_x (&strip, first), 6, 0.5);
  g_assert_cmpfloat_with_epsilon (dramatis_time_map_to_x (&strip, end), width - 6, 0.5);

  /* Fitted, the view shows it all, and the strip does not help. */
  dramatis_timeline_get_overview_window (timeline, &view, width, &wide_x0, &wide_x1);
  g_assert_cmpfloat (wide_x0, <=, 6.5);
  g_assert_cmpfloat (wide_x1, >=, width - 6.5);
  g_assert_false (dramatis_timeline_overview_helps (timeline, &view));

  /* Zoomed in, the frame is the view's time, and the strip helps. */
  dramatis_timeline_zoom (timeline, &view, 8, 500);
  g_assert_true (dramatis_timeline_overview_helps (timeline, &view));
  dramatis_timeline_get_overview_window (timeline, &view, width, &x0, &x1);
  dramatis_timeline_get_time_map (timeline, &view, &map);
  g_assert_cmpfloat_with_epsilon (dramatis_time_map_to_time (&strip, x0), view.start_second, 1);
  g_assert_cmpfloat_with_epsilon (dramatis_time_map_to_time (&strip, x1),
                                  dramatis_time_map_to_time (&map, view.width - dramatis_timeline_get_gutter_width (timeline)),
                                  view.seconds_per_pixel * 2);
  g_assert_cmpfloat (x1 - x0, <, (wide_x1 - wide_x0) / 4);

  /* Putting the frame's left edge somewhere moves the view there, at the
   * same scale and scroll.
   */
  {
    double spp = view.seconds_per_pixel;

    view.scroll_y = 30;
    dramatis_timeline_overview_move (timeline, &view, width, 100);
    dramatis_timeline_get_overview_window (timeline, &view, width, &x0, &x1);
    g_assert_cmpfloat_with_epsilon (x0, 100, 0.01);
    g_assert_cmpfloat (view.seconds_per_pixel, ==, spp);
    g_assert_cmpfloat (view.scroll_y, ==, 30);
  }

  /* The frame shows in the drawing: its outline in the accent colour,
   * over an unveiled band, with the rest veiled.
   */
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) width, 28);
  cr = cairo_create (surface);
  dramatis_color_set_source (&theme.background, cr);
  cairo_paint (cr);
  dramatis_timeline_draw_overview (timeline, cr, &view, &theme, width, 28);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  get_pixel (surface, 101, 14, inside);
  get_pixel (surface, 50, 14, outside);
  g_assert_cmpint (inside[2], >, inside[0] + 40);   /* the accent is blue */
  g_assert_cmpint (abs (outside[2] - outside[0]), <, 20);
  cairo_surface_destroy (surface);

  /* A story of hundreds of lanes gets the strip even when fitted. */
  large_timeline = dramatis_timeline_new (large, DRAMATIS_LANES_BY_ACTOR, &theme);
  dramatis_timeline_fit (large_timeline, 900, 400, &large_view);
  g_assert_cmpuint (dramatis_timeline_get_n_lanes (large_timeline), >, 100);
  g_assert_true (dramatis_timeline_overview_helps (large_timeline, &large_view));
}

/* A page too short for every lane ends after the last whole one. */
static void
test_whole_lanes (void)
{
  g_autoptr(DramatisStory) story = load_builtin ();
  g_auto(DramatisTheme) theme = { 0 };
  g_autoptr(DramatisTimeline) timeline = NULL;
  DramatisTimelineView view;
  guint n_lanes, n;
  double content_height, height, shorter;

  dramatis_theme_init (&theme, DRAMATIS_THEME_LIGHT);
  timeline = dramatis_timeline_new (story, DRAMATIS_LANES_BY_ACTOR, &theme);
  dramatis_timeline_fit (timeline, 800, 400, &view);
  n_lanes = dramatis_timeline_get_n_lanes (timeline);
  content_height = dramatis_timeline_get_content_height (timeline);
  g_assert_cmpuint (n_lanes, >, 2);

  g_assert_cmpuint (dramatis_timeline_count_whole_lanes (timeline, content_height, &height), ==, n_lanes);
  g_assert_cmpfloat (height, ==, content_height);

  /* A pixel short, the last lane is left out, and the rest end above. */
  n = dramatis_timeline_count_whole_lanes (timeline, content_height - 1, &height);
  g_assert_cmpuint (n, ==, n_lanes - 1);
  g_assert_cmpfloat (height, <, content_height - 1);

  /* Counting again in the height of those lanes finds the same lanes. */
  g_assert_cmpuint (dramatis_timeline_count_whole_lanes (timeline, height, &shorter), ==, n);
  g_assert_cmpfloat (shorter, ==, height);

  /* The axis alone holds no lane. */
  g_assert_cmpuint (dramatis_timeline_count_whole_lanes (timeline, 10, &height), ==, 0);
  g_assert_cmpfloat (height, >, 10);
}

int
main (int   argc,
      char *argv[])
{
  int result;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func, mode) \
  g_test_add ("/render/timeline/" path, Fixture, GINT_TO_POINTER (mode), \
              fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/render/timeline/axis/units", test_axis_units);
  g_test_add_func ("/render/timeline/axis/labels", test_axis_labels);
  g_test_add_func ("/render/timeline/axis/map", test_axis_map);
  g_test_add_func ("/render/timeline/axis/break-years", test_axis_break_years);
  ADD ("draw/pixels", test_draw_pixels, DRAMATIS_LANES_BY_ACTOR);
  ADD ("narrow-gutter", test_narrow_gutter, DRAMATIS_LANES_BY_ACTOR);
  ADD ("draw/themes", test_themes, DRAMATIS_LANES_BY_ACTOR);
  ADD ("labels/builtin", test_labels_builtin, DRAMATIS_LANES_BY_ACTOR);
  g_test_add_func ("/render/timeline/labels/synthetic", test_labels_synthetic);
  ADD ("selection", test_selection, DRAMATIS_LANES_BY_ACTOR);
  ADD ("hit", test_hit, DRAMATIS_LANES_BY_ACTOR);
  ADD ("partial-date", test_partial_wider, DRAMATIS_LANES_BY_ACTOR);
  ADD ("fit/axis-break", test_fit_break, DRAMATIS_LANES_BY_ACTOR);
  ADD ("visible-events", test_visible_events, DRAMATIS_LANES_BY_ACTOR);
  ADD ("zoom-pan", test_zoom_pan, DRAMATIS_LANES_BY_ACTOR);
  ADD ("legend", test_legend, DRAMATIS_LANES_BY_ACTOR);
  ADD ("by-kind", test_by_kind, DRAMATIS_LANES_BY_KIND);
  g_test_add_func ("/render/timeline/empty", test_empty);
  g_test_add_func ("/render/timeline/layout-scale", test_layout_scale);
  g_test_add_func ("/render/timeline/whole-lanes", test_whole_lanes);
  g_test_add_func ("/render/timeline/labels/in-view", test_labels_in_view);
  g_test_add_func ("/render/timeline/fit/lanes", test_fit_lanes);
  g_test_add_func ("/render/timeline/overview", test_overview);

#undef ADD

  result = g_test_run ();

  /* Drop the font caches, so that a leak checker sees only our leaks. */
  pango_cairo_font_map_set_default (NULL);
  cairo_debug_reset_static_data ();

  return result;
}
