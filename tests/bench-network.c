/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <locale.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <stdio.h>
#include <string.h>

#include "dramatis-network.h"
#include "dramatis-story-io.h"
#include "dramatis-synthetic.h"

/* The network benchmark: 10,000 actors and 30,000 relations drawn at
 * 1920 × 1080 into an image, as a window would.
 *
 * Targets: a full redraw (nothing kept from the frame before: a new zoom,
 * so labels are placed again) in at most 100 ms; a frame of panning, or
 * of zooming while the gesture lasts, in at most 16 ms.  Beside them, the
 * naive drawing: one antialiased cairo stroke per relation, a cairo path
 * per actor, every label with pango.
 *
 * Positions are the benchmark's own, not the app's layout: breadth first
 * along a spiral, then a few rounds of a grid spring embedder, which puts
 * hubs in the middle as a force layout does; and, as the worst case,
 * random points in a square.  The synthetic story's relations join actors
 * at random, with no communities for a layout to find, so either way most
 * arcs are long: about 15 million pixels of arcs at fit, eight times the
 * image.  Real stories draw much less.
 *
 * Arguments, to try other sizes: actors, relations, "spring" or "random".
 */

#define WIDTH 1920
#define HEIGHT 1080
#define ROUNDS 7

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), (int (*) (const void *, const void *)) compare_double);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

static double
maximum (const double *values,
         guint         n)
{
  double m = 0;

  for (guint i = 0; i < n; i++)
    m = MAX (m, values[i]);
  return m;
}

/* Random points in a square where every actor has about 50 × 50 world
 * units to itself.
 */
static double *
random_positions (guint n,
                  guint seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  double side = sqrt (n) * 50;
  double *xy = g_new (double, 2 * n);

  for (guint i = 0; i < 2 * n; i++)
    xy[i] = g_rand_double_range (rand, 0, side);
  return xy;
}

/* Positions with the look of a force layout at a fraction of its cost:
 * actors in breadth-first order from the busiest one, laid along a
 * sunflower spiral, so that hubs sit in the middle among their neighbours
 * and most arcs are short; then a few rounds of a spring embedder with
 * repulsion from the nodes of neighbouring grid cells only.
 */
static double *
spring_positions (DramatisStory *story,
                  guint          iterations)
{
  guint n = dramatis_story_get_n_actors (story);
  guint n_relations = dramatis_story_get_n_relations (story);
  double *xy = g_new (double, 2 * n);
  g_autofree double *move = g_new (double, 2 * n);
  g_autofree guint *next = g_new (guint, n);
  g_autofree guint *queue = g_new (guint, n);
  g_autofree gboolean *seen = g_new0 (gboolean, n);
  g_autofree guint *order = g_new (guint, n);
  const double ideal = 40, spacing = 50, cell = 2 * ideal;
  double side = sqrt (n) * spacing * 1.2;
  int cells = (int) ceil (2 * side / cell) + 1;
  g_autofree guint *head = g_new (guint, cells * cells);
  guint n_queued = 0, n_done = 0, n_ordered = 0;

  for (guint i = 0; i < n; i++)
    order[i] = i;

  /* Breadth first from the busiest actor; other components after. */
  {
    guint hub = 0, most = 0;

    for (guint a = 0; a < n; a++)
      {
        guint count;

        dramatis_story_get_actor_relations (story, a, &count);
        if (count > most)
          {
            most = count;
            hub = a;
          }
      }

    for (guint start = 0; start <= n; start++)
      {
        guint root = start == 0 ? hub : start - 1;

        if (root >= n || seen[root])
          continue;
        seen[root] = TRUE;
        queue[n_queued++] = root;
        while (n_done < n_queued)
          {
            guint a = queue[n_done++];
            g_autoptr(GArray) neighbours = dramatis_story_get_actor_neighbours (story, a);

            order[n_ordered++] = a;
            for (guint i = 0; i < neighbours->len; i++)
              {
                guint b = g_array_index (neighbours, guint, i);

                if (!seen[b])
                  {
                    seen[b] = TRUE;
                    queue[n_queued++] = b;
                  }
              }
          }
      }
  }

  for (guint i = 0; i < n; i++)
    {
      double r = spacing / sqrt (G_PI) * sqrt (i + 0.5);
      double angle = i * G_PI * (3 - sqrt (5));

      xy[2 * order[i]] = r * cos (angle);
      xy[2 * order[i] + 1] = r * sin (angle);
    }

  for (guint it = 0; it < iterations; it++)
    {
      double temperature = ideal / 2 * (1 - (double) it / iterations) + 1;

      memset (move, 0, sizeof (double) * 2 * n);
      memset (head, 0xff, sizeof (guint) * cells * cells);
      for (guint i = 0; i < n; i++)
        {
          int cx = CLAMP ((int) ((xy[2 * i] + side) / cell), 0, cells - 1);
          int cy = CLAMP ((int) ((xy[2 * i + 1] + side) / cell), 0, cells - 1);

          next[i] = head[cy * cells + cx];
          head[cy * cells + cx] = i;
        }

      for (guint i = 0; i < n; i++)
        {
          int cx = CLAMP ((int) ((xy[2 * i] + side) / cell), 0, cells - 1);
          int cy = CLAMP ((int) ((xy[2 * i + 1] + side) / cell), 0, cells - 1);

          for (int y = MAX (cy - 1, 0); y <= MIN (cy + 1, cells - 1); y++)
            for (int x = MAX (cx - 1, 0); x <= MIN (cx + 1, cells - 1); x++)
              for (guint j = head[y * cells + x]; j != G_MAXUINT; j = next[j])
                {
                  double dx = xy[2 * i] - xy[2 * j], dy = xy[2 * i + 1] - xy[2 * j + 1];
                  double d2 = dx * dx + dy * dy;

                  if (j == i || d2 > cell * cell)
                    continue;
                  d2 = MAX (d2, 0.01);
                  move[2 * i] += dx * ideal * ideal / d2;
                  move[2 * i + 1] += dy * ideal * ideal / d2;
                }
        }

      for (guint r = 0; r < n_relations; r++)
        {
          const DramatisRelation *relation = dramatis_story_get_relation (story, r);
          guint a = relation->from, b = relation->to;
          double dx, dy, d;

          if (a >= n || b >= n || a == b)
            continue;
          dx = xy[2 * a] - xy[2 * b];
          dy = xy[2 * a + 1] - xy[2 * b + 1];
          d = hypot (dx, dy) / ideal / 4;
          move[2 * a] -= dx * d;
          move[2 * a + 1] -= dy * d;
          move[2 * b] += dx * d;
          move[2 * b + 1] += dy * d;
        }

      for (guint i = 0; i < n; i++)
        {
          double d = hypot (move[2 * i], move[2 * i + 1]);

          if (d > temperature)
            {
              move[2 * i] *= temperature / d;
              move[2 * i + 1] *= temperature / d;
            }
          xy[2 * i] = CLAMP (xy[2 * i] + move[2 * i], -side, side);
          xy[2 * i + 1] = CLAMP (xy[2 * i + 1] + move[2 * i + 1], -side, side);
        }
    }

  return xy;
}

static double
time_draw (DramatisNetwork           *network,
           cairo_t                   *cr,
           const DramatisNetworkView *view,
           const DramatisTheme       *theme,
           const DramatisSelection   *selection)
{
  double start = now_ms ();

  dramatis_network_draw (network, cr, view, theme, selection);
  cairo_surface_flush (cairo_get_target (cr));
  return now_ms () - start;
}

/* The drawing anyone would write first: everything, with cairo; with
 * @labels FALSE, only the arcs, as the figure in the design notes.
 */
static double
time_naive (DramatisStory             *story,
            DramatisNetwork           *network,
            cairo_t                   *cr,
            const DramatisNetworkView *view,
            const DramatisTheme       *theme,
            gboolean                   labels)
{
  const double *xy = dramatis_network_get_positions (network, NULL);
  guint n = dramatis_story_get_n_actors (story);
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_new ();
  double start = now_ms ();

  pango_font_description_set_family (font, theme->font_family);
  pango_font_description_set_size (font, (int) (theme->font_size * PANGO_SCALE));
  pango_layout_set_font_description (layout, font);

  dramatis_color_set_source (&theme->background, cr);
  cairo_paint (cr);
  cairo_set_line_width (cr, theme->line_width);
  for (guint r = 0; r < dramatis_story_get_n_relations (story); r++)
    {
      const DramatisRelation *relation = dramatis_story_get_relation (story, r);
      double ax, ay, bx, by;

      if (relation->from >= n || relation->to >= n)
        continue;
      dramatis_network_view_to_screen (view, xy[2 * relation->from], xy[2 * relation->from + 1], &ax, &ay);
      dramatis_network_view_to_screen (view, xy[2 * relation->to], xy[2 * relation->to + 1], &bx, &by);
      cairo_move_to (cr, ax, ay);
      cairo_line_to (cr, bx, by);
      dramatis_color_set_source (&theme->relation_families[dramatis_relation_family_for_type (relation->type)], cr);
      cairo_stroke (cr);
    }
  if (!labels)
    {
      cairo_surface_flush (cairo_get_target (cr));
      return now_ms () - start;
    }
  for (guint a = 0; a < n; a++)
    {
      double x, y;

      dramatis_network_view_to_screen (view, xy[2 * a], xy[2 * a + 1], &x, &y);
      cairo_arc (cr, x, y, MAX (dramatis_network_get_node_radius (network, a) * view->zoom, 1.5), 0, 2 * G_PI);
      dramatis_color_set_source (&theme->actor_kinds[dramatis_story_get_actor (story, a)->kind], cr);
      cairo_fill (cr);
    }
  dramatis_color_set_source (&theme->foreground, cr);
  for (guint a = 0; a < n; a++)
    {
      double x, y;

      dramatis_network_view_to_screen (view, xy[2 * a], xy[2 * a + 1], &x, &y);
      pango_layout_set_text (layout, dramatis_story_get_actor (story, a)->name, -1);
      cairo_move_to (cr, x, y + 4);
      pango_cairo_show_layout (cr, layout);
    }
  cairo_surface_flush (cairo_get_target (cr));

  return now_ms () - start;
}

static void
report (const char *what,
        double      ms,
        const char *target)
{
  printf ("  %-52s %8.1f ms   %s\n", what, ms, target);
}

static void
run (DramatisStory       *story,
     const double        *xy,
     const char          *name,
     const DramatisTheme *theme)
{
  guint n = dramatis_story_get_n_actors (story);
  g_autoptr(DramatisNetwork) network = NULL;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);
  DramatisSelection none = { DRAMATIS_ITEM_INIT_NONE, DRAMATIS_ITEM_INIT_NONE };
  DramatisSelection selection = none;
  DramatisNetworkView fit = { 0, }, view = { 0, };
  double times[64], start, first, naive[3];
  guint n_times;
  g_autofree char *png = NULL;

  printf ("\n%s positions, %u actors, %u relations, %d × %d:\n", name, n,
          dramatis_story_get_n_relations (story), WIDTH, HEIGHT);

  start = now_ms ();
  network = dramatis_network_new (story, theme);
  dramatis_network_set_positions (network, xy, n);
  dramatis_network_fit (network, WIDTH, HEIGHT, &fit);
  report ("make, index positions and fit (once per layout)", now_ms () - start, "");
  first = time_draw (network, cr, &fit, theme, &none);
  report ("first frame (also measures labels, makes glyphs)", first, "");
  if (g_getenv ("DRAMATIS_TEST_PNG_DIR") != NULL)
    {
      g_autofree char *file = g_strdup_printf ("bench-network-%s.png", name);

      png = g_build_filename (g_getenv ("DRAMATIS_TEST_PNG_DIR"), file, NULL);
      cairo_surface_write_to_png (surface, png);
    }

  /* Full redraws: another zoom every time, so the scene and the labels'
   * places are all made again.
   */
  for (guint i = 0; i < ROUNDS; i++)
    {
      view = fit;
      view.zoom *= 1 + (i + 1) * 1e-4;
      times[i] = time_draw (network, cr, &view, theme, &none);
    }
  report ("full redraw, fit view (median)", median (times, ROUNDS), "target ≤ 100 ms");

  /* A new selection: the scene again, the labels' places kept. */
  for (guint i = 0; i < ROUNDS; i++)
    {
      selection.selected = (DramatisItem) { DRAMATIS_ITEM_ACTOR, i % 2 ? DRAMATIS_NO_INDEX : 0 };
      if (selection.selected.index == DRAMATIS_NO_INDEX)
        selection.selected.kind = DRAMATIS_ITEM_NONE;
      times[i] = time_draw (network, cr, &view, theme, &selection);
    }
  report ("select and deselect a hub, fit view (median)", median (times, ROUNDS), "");

  /* Zooming in around the middle, in steps of 10%.  While the gesture
   * lasts (interactive), frames stretch the last full drawing; when it
   * settles, each zoom is drawn anew, labels placed again first.
   */
  view = fit;
  time_draw (network, cr, &view, theme, &none);
  n_times = 0;
  view.interactive = TRUE;
  for (double z = 1.1; z <= 4 && n_times < G_N_ELEMENTS (times); z *= 1.1)
    {
      view.zoom = fit.zoom * z;
      times[n_times++] = time_draw (network, cr, &view, theme, &none);
    }
  report ("zoom frame during a gesture, ×1.1 to ×4 (median)", median (times, n_times), "target ≤ 16 ms");
  report ("zoom frame during a gesture, ×1.1 to ×4 (slowest)", maximum (times, n_times), "");

  view.interactive = FALSE;
  n_times = 0;
  {
    double places[64];

    for (double z = 1.25; z <= 32 && n_times < G_N_ELEMENTS (times); z *= 1.25)
      {
        DramatisNetworkRect rect;
        DramatisItem any = { DRAMATIS_ITEM_ACTOR, 0 };

        view.zoom = fit.zoom * z;
        start = now_ms ();
        dramatis_network_get_label_rect (network, &view, &any, &rect);
        places[n_times] = now_ms () - start;
        times[n_times] = time_draw (network, cr, &view, theme, &none) + places[n_times];
        n_times++;
      }
    report ("settled zoom, ×1.25 to ×32 of fit: full redraw (median)", median (times, n_times), "target ≤ 100 ms");
    report ("settled zoom, ×1.25 to ×32 of fit: full redraw (slowest)", maximum (times, n_times), "");
    report ("  of which placing labels (median)", median (places, n_times), "");
  }

  /* Panning: 60 frames of 9 × 5 pixels, at fit and zoomed in. */
  for (guint k = 0; k < 2; k++)
    {
      double zoom = fit.zoom * (k == 0 ? 1 : 4);
      const char *what = k == 0 ? "pan frame, fit view (median)" : "pan frame, ×4 of fit (median)";

      view = fit;
      view.zoom = zoom;
      time_draw (network, cr, &view, theme, &none);
      for (guint i = 0; i < 60; i++)
        {
          view.center_x += 9 / zoom;
          view.center_y += 5 / zoom;
          times[i] = time_draw (network, cr, &view, theme, &none);
        }
      report (what, median (times, 60), "target ≤ 16 ms");
      report (k == 0 ? "pan frame, fit view (slowest)" : "pan frame, ×4 of fit (slowest)", maximum (times, 60), "");
    }

  /* Hover: the kept scene and a ring. */
  view = fit;
  time_draw (network, cr, &view, theme, &none);
  for (guint i = 0; i < ROUNDS; i++)
    {
      selection = none;
      selection.hovered = (DramatisItem) { DRAMATIS_ITEM_ACTOR, i };
      times[i] = time_draw (network, cr, &view, theme, &selection);
    }
  report ("hover frame (median)", median (times, ROUNDS), "");

  /* Hit-tests at 10,000 points of the fit view. */
  {
    g_autoptr(GRand) rand = g_rand_new_with_seed (9);
    guint hits = 0;

    start = now_ms ();
    for (guint i = 0; i < 10000; i++)
      hits += dramatis_network_hit (network, &fit, g_rand_double_range (rand, 0, WIDTH),
                                    g_rand_double_range (rand, 0, HEIGHT)).kind != DRAMATIS_ITEM_NONE;
    printf ("  %-52s %8.2f µs   (%u of 10000 hit something)\n", "hit-test (mean)", (now_ms () - start) * 1000 / 10000, hits);
  }

  for (guint i = 0; i < G_N_ELEMENTS (naive); i++)
    naive[i] = time_naive (story, network, cr, &fit, theme, TRUE);
  report ("naive: a cairo stroke per arc, every label (median)", median (naive, G_N_ELEMENTS (naive)), "for comparison");
  for (guint i = 0; i < G_N_ELEMENTS (naive); i++)
    naive[i] = time_naive (story, network, cr, &fit, theme, FALSE);
  report ("naive: a cairo stroke per arc, nothing else (median)", median (naive, G_N_ELEMENTS (naive)), "for comparison");

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

int
main (int   argc,
      char *argv[])
{
  DramatisSyntheticSize size = { 10000, 0, 30000, 0, 1 };
  g_autoptr(GString) text = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DramatisStory) story = NULL;
  g_auto(DramatisTheme) theme;
  g_autofree double *spring = NULL;
  g_autofree double *random = NULL;
  double start;

  setlocale (LC_ALL, "");
  if (argc > 1)
    size.n_actors = MAX (1, atoi (argv[1]));
  if (argc > 2)
    size.n_relations = atoi (argv[2]);

  text = dramatis_synthetic_story (&size);
  bytes = g_bytes_new_static (text->str, text->len);
  story = dramatis_story_load_bytes (bytes, "bench", &error);
  if (story == NULL)
    g_error ("%s", error->message);
  dramatis_theme_init (&theme, DRAMATIS_THEME_LIGHT);

  start = now_ms ();
  spring = spring_positions (story, 30);
  printf ("bench-network: the benchmark's own spring positions took %.0f ms\n", now_ms () - start);
  random = random_positions (size.n_actors, 1);

  if (argc <= 3 || strcmp (argv[3], "random") != 0)
    run (story, spring, "spring", &theme);
  if (argc <= 3 || strcmp (argv[3], "spring") != 0)
    run (story, random, "random", &theme);

  return 0;
}
