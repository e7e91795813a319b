/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <locale.h>
#include <pango/pangocairo.h>
#include <stdio.h>
#include <stdlib.h>

#include "dramatis-story-io.h"
#include "dramatis-synthetic.h"
#include "dramatis-timeline.h"

/* The timeline benchmark: a synthetic story of 100,000 events drawn into a
 * 1920×1080 image at four zoom levels, from the whole story (decades) down
 * to a day, each frame panned a little from the last, as while dragging.
 * Beside each, the naive way: every event and its label drawn, with
 * nothing culled.
 *
 * Target: a pan or zoom frame in at most 16 ms.
 */

#define WIDTH         1920
#define HEIGHT        1080
#define FRAMES        40
#define NAIVE_FRAMES  3
#define TARGET_MS     16.0
#define OVERVIEW_HEIGHT 28

#define DAY  86400.0
#define YEAR (365.2425 * DAY)

/* 2010-06-15T00:00:00Z */
#define JUNE_15_2010 1276560000.0

static const DramatisSyntheticSize story_size = { 200, 100000, 0, 0, 1 };

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), compare_doubles);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

/* What a renderer without culling does: every event, and its label, each
 * frame, leaving it to cairo to clip.
 */
static void
draw_naive (DramatisTimeline           *timeline,
            cairo_t                    *cr,
            const DramatisTimelineView *view,
            const DramatisTheme        *theme)
{
  DramatisStory *story = dramatis_timeline_get_story (timeline);
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_new ();

  pango_font_description_set_family (font, theme->font_family);
  pango_font_description_set_size (font, (int) (theme->font_size * PANGO_SCALE));
  pango_layout_set_font_description (layout, font);

  dramatis_color_set_source (&theme->background, cr);
  cairo_paint (cr);

  for (guint e = 0; e < dramatis_story_get_n_events (story); e++)
    {
      double x, y, w, h;

      if (!dramatis_timeline_get_event_rect (timeline, view, e, &x, &y, &w, &h))
        continue;

      dramatis_color_set_source (&theme->actor_kinds[DRAMATIS_ACTOR_KIND_STATE], cr);
      cairo_rectangle (cr, x, y, w, h);
      cairo_fill (cr);

      dramatis_color_set_source (&theme->foreground, cr);
      pango_layout_set_text (layout, dramatis_story_get_event (story, e)->name, -1);
      cairo_move_to (cr, x + w + 4, y - 3);
      pango_cairo_show_layout (cr, layout);
    }
}

typedef struct
{
  const char *name;
  double      seconds_in_view;
  double      start;
} Zoom;

static void
run (DramatisTimeline    *timeline,
     const DramatisTheme *theme,
     const char          *mode)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);
  DramatisTimelineView fitted;
  double area;
  Zoom zooms[] = {
    { "decades (fit)", 0, 0 },
    { "a year", YEAR, JUNE_15_2010 - YEAR / 2 },
    { "a month", 30 * DAY, JUNE_15_2010 - 15 * DAY },
    { "a day", DAY, JUNE_15_2010 },
  };

  dramatis_timeline_fit (timeline, WIDTH, HEIGHT, &fitted);
  area = WIDTH - dramatis_timeline_get_gutter_width (timeline);

  {
    double start = now_ms (), first;

    dramatis_timeline_draw_overview (timeline, cr, &fitted, theme, area, OVERVIEW_HEIGHT);
    first = now_ms () - start;
    printf ("%-8s overview strip: first frame %.2f ms (counts its columns)\n", mode, first);
  }

  for (guint z = 0; z < G_N_ELEMENTS (zooms); z++)
    {
      DramatisTimelineView view = fitted;
      double times[FRAMES], naive[NAIVE_FRAMES], strip[FRAMES];
      double ours, theirs;

      if (zooms[z].seconds_in_view > 0)
        {
          view.seconds_per_pixel = zooms[z].seconds_in_view / area;
          view.start_second = zooms[z].start;
        }
      /* Start halfway down the lanes, where they are full. */
      dramatis_timeline_pan (timeline, &view, 0, dramatis_timeline_get_content_height (timeline) / 2);

      /* One frame to warm the font caches. */
      dramatis_timeline_draw (timeline, cr, &view, theme, NULL);

      for (guint f = 0; f < FRAMES; f++)
        {
          double start = now_ms ();

          dramatis_timeline_pan (timeline, &view, 7, f % 2 ? 3 : -3);
          dramatis_timeline_draw (timeline, cr, &view, theme, NULL);
          cairo_surface_flush (surface);
          times[f] = now_ms () - start;
        }

      for (guint f = 0; f < NAIVE_FRAMES; f++)
        {
          double start = now_ms ();

          dramatis_timeline_pan (timeline, &view, 7, 0);
          draw_naive (timeline, cr, &view, theme);
          cairo_surface_flush (surface);
          naive[f] = now_ms () - start;
        }

      /* The overview strip the window adds under the lanes, drawn on
       * every frame of a pan.
       */
      for (guint f = 0; f < FRAMES; f++)
        {
          double start = now_ms ();

          dramatis_timeline_pan (timeline, &view, 7, 0);
          dramatis_timeline_draw_overview (timeline, cr, &view, theme, area, OVERVIEW_HEIGHT);
          cairo_surface_flush (surface);
          strip[f] = now_ms () - start;
        }

      ours = median (times, FRAMES);
      theirs = median (naive, NAIVE_FRAMES);
      printf ("%-8s %-14s %8.2f ms/frame (max %6.2f)  target %4.0f ms  %s   naive %9.1f ms/frame"
              "   overview %.2f ms/frame\n",
              mode, zooms[z].name, ours, times[FRAMES - 1], TARGET_MS,
              ours <= TARGET_MS ? "ok  " : "SLOW", theirs, median (strip, FRAMES));
    }

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GString) text = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DramatisStory) story = NULL;
  g_auto(DramatisTheme) theme = { 0 };
  DramatisLaneMode modes[] = { DRAMATIS_LANES_BY_ACTOR, DRAMATIS_LANES_BY_KIND };
  const char *names[] = { "actors", "kinds" };

  setlocale (LC_ALL, "");

  text = dramatis_synthetic_story (&story_size);
  bytes = g_string_free_to_bytes (g_steal_pointer (&text));
  story = dramatis_story_load_bytes (bytes, "bench", &error);
  if (story == NULL)
    g_error ("%s", error->message);

  dramatis_theme_init (&theme, DRAMATIS_THEME_LIGHT);

  printf ("Timeline of %u events, %u actors, at %d×%d; median of %d panned frames\n",
          dramatis_story_get_n_events (story), dramatis_story_get_n_actors (story),
          WIDTH, HEIGHT, FRAMES);

  for (guint m = 0; m < G_N_ELEMENTS (modes); m++)
    {
      g_autoptr(DramatisTimeline) timeline = NULL;
      DramatisTimelineView view;
      double start = now_ms (), made, fitted;

      timeline = dramatis_timeline_new (story, modes[m], &theme);
      made = now_ms ();
      dramatis_timeline_fit (timeline, WIDTH, HEIGHT, &view);
      fitted = now_ms ();
      printf ("%-8s layout %.0f ms, fit and repack %.0f ms, %u lanes, %.0f px of lanes\n",
              names[m], made - start, fitted - made, dramatis_timeline_get_n_lanes (timeline),
              dramatis_timeline_get_content_height (timeline));
      start = now_ms ();
      dramatis_timeline_fit_lanes (timeline, &view);
      printf ("%-8s fit of the lanes to %d px: %.0f ms, %u rows a lane\n", names[m], HEIGHT,
              now_ms () - start, dramatis_timeline_get_max_rows (timeline));

      run (timeline, &theme, names[m]);
    }

  return EXIT_SUCCESS;
}
