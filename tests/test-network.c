/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <cairo-svg.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "dramatis-network.h"
#include "dramatis-story-io.h"
#include "dramatis-synthetic.h"

/* The network renderer, checked on pixels and on its answers: the built-in
 * story laid out by a small spring embedder of the test's own (the app's
 * layout is tested on its own), and tiny stories whose positions are set
 * by hand.  Set DRAMATIS_TEST_PNG_DIR to keep the images drawn.
 */

#define WIDTH 1600
#define HEIGHT 1000

/* Test-only placement, not the app's layout: a force model in the manner
 * of ForceAtlas2 (repulsion grows with both degrees, so hubs keep room for
 * their neighbours; linear springs; a constant pull to the centre that
 * keeps the small components of the built-in story near the rest), from a
 * circle, cooling as it goes.  Deterministic.
 */
static double *
spring_layout (DramatisStory *story,
               double         ideal)
{
  guint n = dramatis_story_get_n_actors (story);
  guint n_relations = dramatis_story_get_n_relations (story);
  double *xy = g_new0 (double, 2 * MAX (n, 1));
  g_autofree double *move = g_new0 (double, 2 * MAX (n, 1));
  g_autofree double *degree = g_new0 (double, MAX (n, 1));
  const guint iterations = 800;
  const double repulsion = ideal * ideal / 4;
  const double gravity = ideal / 10;

  for (guint r = 0; r < n_relations; r++)
    {
      const DramatisRelation *relation = dramatis_story_get_relation (story, r);

      if (relation->from < n && relation->to < n)
        {
          degree[relation->from]++;
          degree[relation->to]++;
        }
    }

  for (guint i = 0; i < n; i++)
    {
      xy[2 * i] = 2 * ideal * cos (2 * G_PI * i / n);
      xy[2 * i + 1] = 2 * ideal * sin (2 * G_PI * i / n);
    }

  for (guint it = 0; it < iterations; it++)
    {
      double temperature = ideal * 0.3 * (1 - (double) it / iterations) + 0.2;

      memset (move, 0, sizeof (double) * 2 * n);
      for (guint i = 0; i < n; i++)
        for (guint j = i + 1; j < n; j++)
          {
            double dx = xy[2 * i] - xy[2 * j], dy = xy[2 * i + 1] - xy[2 * j + 1];
            double d2 = MAX (dx * dx + dy * dy, 1.0);
            /* Only near nodes push, as in the grid variant of the spring
             * embedder, so that small components are not flung away.
             */
            double f = d2 < 16 * ideal * ideal ? repulsion * sqrt ((degree[i] + 1) * (degree[j] + 1)) / d2 : 0;

            move[2 * i] += dx * f;
            move[2 * i + 1] += dy * f;
            move[2 * j] -= dx * f;
            move[2 * j + 1] -= dy * f;
          }
      for (guint r = 0; r < n_relations; r++)
        {
          const DramatisRelation *relation = dramatis_story_get_relation (story, r);
          guint a = relation->from, b = relation->to;
          double dx, dy;

          if (a >= n || b >= n || a == b)
            continue;
          dx = xy[2 * a] - xy[2 * b];
          dy = xy[2 * a + 1] - xy[2 * b + 1];
          move[2 * a] -= dx;
          move[2 * a + 1] -= dy;
          move[2 * b] += dx;
          move[2 * b + 1] += dy;
        }
      for (guint i = 0; i < n; i++)
        {
          double d = MAX (hypot (xy[2 * i], xy[2 * i + 1]), 1.0);

          move[2 * i] -= xy[2 * i] / d * gravity * (degree[i] + 1);
          move[2 * i + 1] -= xy[2 * i + 1] / d * gravity * (degree[i] + 1);
          d = hypot (move[2 * i], move[2 * i + 1]);
          if (d > temperature)
            {
              move[2 * i] *= temperature / d;
              move[2 * i + 1] *= temperature / d;
            }
          xy[2 * i] += move[2 * i];
          xy[2 * i + 1] += move[2 * i + 1];
        }
    }

  return xy;
}

static DramatisStory *
load_builtin (void)
{
  g_autoptr(GError) error = NULL;
  DramatisStory *story = dramatis_story_load_builtin (&error);

  g_assert_no_error (error);
  return story;
}

static DramatisStory *
load_text (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  DramatisStory *story = dramatis_story_load_bytes (bytes, "test", &error);

  g_assert_no_error (error);
  return story;
}

static DramatisNetwork *
builtin_network (DramatisStory       *story,
                 const DramatisTheme *theme)
{
  DramatisNetwork *network = dramatis_network_new (story, theme);
  g_autofree double *xy = spring_layout (story, 120);

  dramatis_network_set_positions (network, xy, dramatis_story_get_n_actors (story));
  return network;
}

static cairo_surface_t *
render (DramatisNetwork           *network,
        const DramatisNetworkView *view,
        const DramatisTheme       *theme,
        const DramatisSelection   *selection)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) view->width, (int) view->height);
  cairo_t *cr = cairo_create (surface);

  dramatis_network_draw (network, cr, view, theme, selection);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return surface;
}

static void
keep_png (cairo_surface_t *surface,
          const char      *name)
{
  const char *dir = g_getenv ("DRAMATIS_TEST_PNG_DIR");
  g_autofree char *path = NULL;

  if (dir == NULL)
    return;
  path = g_build_filename (dir, name, NULL);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
}

/* The colour at a pixel, unpremultiplied, from 0 to 1. */
static DramatisColor
pixel_at (cairo_surface_t *surface,
          double           x,
          double           y)
{
  int ix = (int) floor (x), iy = (int) floor (y);
  const guint8 *data = cairo_image_surface_get_data (surface);
  guint32 p;
  double a;

  g_assert_cmpint (ix, >=, 0);
  g_assert_cmpint (iy, >=, 0);
  g_assert_cmpint (ix, <, cairo_image_surface_get_width (surface));
  g_assert_cmpint (iy, <, cairo_image_surface_get_height (surface));

  p = *(const guint32 *) (data + iy * cairo_image_surface_get_stride (surface) + 4 * ix);
  a = (p >> 24) / 255.0;
  if (a == 0)
    return (DramatisColor) { 0, 0, 0, 0 };
  return (DramatisColor) {
    ((p >> 16) & 0xff) / 255.0 / a,
    ((p >> 8) & 0xff) / 255.0 / a,
    (p & 0xff) / 255.0 / a,
    a,
  };
}

static double
color_distance (DramatisColor a,
                DramatisColor b)
{
  return fabs (a.red - b.red) + fabs (a.green - b.green) + fabs (a.blue - b.blue);
}

static void
actor_center (DramatisNetwork           *network,
              const DramatisNetworkView *view,
              guint                      actor,
              double                    *x,
              double                    *y)
{
  const double *xy = dramatis_network_get_positions (network, NULL);

  dramatis_network_view_to_screen (view, xy[2 * actor], xy[2 * actor + 1], x, y);
}

static gboolean
actor_label_rect (DramatisNetwork           *network,
                  const DramatisNetworkView *view,
                  guint                      actor,
                  DramatisNetworkRect       *rect)
{
  DramatisItem item = { DRAMATIS_ITEM_ACTOR, actor };

  return dramatis_network_get_label_rect (network, view, &item, rect);
}

static guint
find_actor (DramatisStory *story,
            const char    *id)
{
  guint actor = dramatis_story_find_actor (story, id);

  g_assert_cmpuint (actor, !=, DRAMATIS_NO_INDEX);
  return actor;
}

static void
test_node_colours (void)
{
  g_autoptr(DramatisStory) story = load_builtin ();
  g_auto(DramatisTheme) theme;
  g_autoptr(DramatisNetwork) network = NULL;
  DramatisNetworkView view = { 0, };
  cairo_surface_t *surface;
  const char *ids[] = { "united-states", "robert-wood", "un-security-council", "western-nations" };

  dramatis_theme_init (&theme, DRAMATIS_THEME_LIGHT);
  network = builtin_network (story, &theme);
  dramatis_network_fit (network, WIDTH, HEIGHT, &view);
  surface = render (network, &view, &theme, NULL);
  keep_png (surface, "network.png");

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      guint actor = find_actor (story, ids[i]);
      DramatisActorKind kind = dramatis_story_get_actor (story, actor)->kind;
      double x, y;

      actor_center (network, &view, actor, &x, &y);
      /* A group's triangle has its centroid low: look a little above. */
      if (kind == DRAMATIS_ACTOR_KIND_GROUP)
        y -= 2;
      g_assert_cmpfloat (color_distance (pixel_at (surface, x, y), theme.background), >, 0.5);
      g_assert_cmpfloat (color_distance (pixel_at (surface, x, y), theme.actor_kinds[kind]), <, 0.06);
    }

  /* The corner is inside the fit's margin, where nothing is drawn. */
  g_assert_cmpfloat (color_distance (pixel_at (surface, 2, 2), theme.background), <, 0.01);
  g_assert_cmpfloat (color_distance (pixel_at (surface, WIDTH - 3, HEIGHT - 3), theme.background), <, 0.01);

  cairo_surface_destroy (surface);

  /* And in the dark theme. */
  {
    g_auto(DramatisTheme) dark;
    guint actor = find_actor (story, "russia");
    double x, y;

    dramatis_theme_init (&dark, DRAMATIS_THEME_DARK);
    surface = render (network, &view, &dark, NULL);
    keep_png (surface, "network-dark.png");
    actor_center (network, &view, actor, &x, &y);
    g_assert_cmpfloat (color_distance (pixel_at (surface, x, y), dark.actor_kinds[DRAMATIS_ACTOR_KIND_STATE]), <, 0.06);
    g_assert_cmpfloat (color_distance (pixel_at (surface, 2, 2), dark.background), <, 0.01);
    cairo_surface_destroy (surface);
  }
}

static void
test_labels_do_not_overlap (void)
{
  g_autoptr(DramatisStory) story = load_builtin ();
  g_auto(DramatisTheme) theme;
  g_autoptr(DramatisNetwork) network = NULL;
  guint n = dramatis_story_get_n_actors (story);
  const double sizes[][2] = { { WIDTH, HEIGHT }, { 800, 500 }, { 400, 300 } };

  dramatis_theme_init (&theme, DRAMATIS_THEME_LIGHT);
  network = builtin_network (story, &theme);

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      DramatisNetworkView view = { 0, };
      g_autofree DramatisNetworkRect *rects = g_new0 (DramatisNetworkRect, n);
      g_autofree gboolean *placed = g_new0 (gboolean, n);
      guint n_placed = 0;

      dramatis_network_fit (network, sizes[s][0], sizes[s][1], &view);
      for (guint a = 0; a < n; a++)
        {
          placed[a] = actor_label_rect (network, &view, a, &rects[a]);
          n_placed += placed[a];
        }

      /* At full size every actor is named, and the fit shows every label. */
      if (s == 0)
        g_assert_cmpuint (n_placed, ==, n);
      g_assert_cmpuint (n_placed, >, 0);

      for (guint a = 0; a < n; a++)
        {
          if (!placed[a])
            continue;
          g_assert_cmpfloat (rects[a].x, >=, 0);
          g_assert_cmpfloat (rects[a].y, >=, 0);
          g_assert_cmpfloat (rects[a].x + rects[a].width, <=, view.width);
          g_assert_cmpfloat (rects[a].y + rects[a].height, <=, view.height);

          for (guint b = a + 1; b < n; b++)
            if (placed[b])
              g_assert_false (rects[a].x < rects[b].x + rects[b].width && rects[b].x < rects[a].x + rects[a].width &&
                              rects[a].y < rects[b].y + rects[b].height && rects[b].y < rects[a].y + rects[a].height);

          /* No label covers another actor's glyph centre, unless that
           * glyph is a dot of a few pixels.
           */
          for (guint b = 0; b < n; b++)
            {
              double x, y;

              if (b == a || dramatis_network_get_node_radius (network, b) * view.zoom < 4)
                continue;
              actor_center (network, &view, b, &x, &y);
              g_assert_false (x > rects[a].x && x < rects[a].x + rects[a].width &&
                              y > rects[a].y && y < rects[a].y + rects[a].height);
            }
        }
    }

  /* Zoomed out far, glyphs are dots and most labels are left out, but
   * not those of the actors with the largest glyphs.
   */
  {
    DramatisNetworkView view = { 200, 200, 0, 0, 0.05, FALSE };
    DramatisNetworkRect rect;
    guint n_placed = 0, largest = 0;

    for (guint a = 0; a < n; a++)
      {
        n_placed += actor_label_rect (network, &view, a, &rect);
        if (dramatis_network_get_node_radius (network, a) >
            dramatis_network_get_node_radius (network, largest))
          largest = a;
      }
    g_assert_cmpuint (n_placed, <, n / 2);
    g_assert_true (actor_label_rect (network, &view, largest, &rect));
  }
}

/* A crowd of actors close together, with names of the same width, and a
 * glyph the larger the higher their index, through leaves far away:
 * where only some can be named, at any zoom, the names go to the most
 * important, not to those first in the file.
 */
static void
test_label_priority (void)
{
  const guint crowd = 12;
  g_autoptr(GString) text = g_string_new ("{\"format\": \"dramatis-story\", \"version\": \"1.0\","
                                          " \"actors\": [");
  g_autoptr(DramatisStory) story = NULL;
  g_auto(DramatisTheme) theme;
  g_autoptr(DramatisNetwork) network = NULL;
  g_autoptr(GArray) xy = g_array_new (FALSE, FALSE, sizeof (double));
  const double zooms[] = { 0.25, 0.1, 0.05 };
  guint n_leaves = 0;

  /* Actor i of the crowd, on a grid 160 apart, has i + 1 leaves. */
  for (guint i = 0; i < crowd; i++)
    {
      double x = 160.0 * (i % 4), y = 160.0 * (i / 4);

      g_string_append_printf (text, "%s{\"id\": \"c%u\", \"name\": \"Crowd %02u\"}",
                              i > 0 ? "," : "", i, i);
      g_array_append_val (xy, x);
      g_array_append_val (xy, y);
    }
  for (guint i = 0; i < crowd; i++)
    for (guint j = 0; j <= i; j++, n_leaves++)
      {
        double x = 20000 * cos (n_leaves * 0.08), y = 20000 * sin (n_leaves * 0.08);

        g_string_append_printf (text, ",{\"id\": \"l%u\", \"name\": \"\"}", n_leaves);
        g_array_append_val (xy, x);
        g_array_append_val (xy, y);
      }
  g_string_append (text, "], \"relations\": [");
  n_leaves = 0;
  for (guint i = 0; i < crowd; i++)
    for (guint j = 0; j <= i; j++, n_leaves++)
      g_string_append_printf (text, "%s{\"id\": \"r%u\", \"type\": \"supports\","
                              " \"from\": \"c%u\", \"to\": \"l%u\"}",
                              n_leaves > 0 ? "," : "", n_leaves, i, n_leaves);
  g_string_append (text, "]}");

  story = load_text (text->str);
  dramatis_theme_init (&theme, DRAMATIS_THEME_LIGHT);
  network = dramatis_network_new (story, &theme);
  dramatis_network_set_positions (network, (const double *) xy->data, crowd + n_leaves);

  /* Glyphs of a few pixels, then dots. */
  for (guint z = 0; z < G_N_ELEMENTS (zooms); z++)
    {
      DramatisNetworkView view = { 800, 800, 240, 160, zooms[z], FALSE };
      DramatisNetworkRect rect;
      guint n_named = 0, n_named_lesser = 0;

      for (guint i = 0; i < crowd; i++)
        {
          gboolean named = actor_label_rect (network, &view, i, &rect);

          n_named += named;
          n_named_lesser += named && i < crowd / 2;
        }
      g_test_message ("zoom %g: %u of %u named, %u of the lesser half", zooms[z], n_named, crowd,
                      n_named_lesser);
      /* Room is short, and the most important has a name. */
      g_assert_cmpuint (n_named, >=, 2);
      g_assert_cmpuint (n_named, <, crowd);
      g_assert_true (actor_label_rect (network, &view, crowd - 1, &rect));
      g_assert_cmpuint (n_named_lesser, <, n_named - n_named_lesser);
    }
}

static gboolean
inside_any_label (DramatisNetwork           *network,
                  const DramatisNetworkView *view,
                  guint                      n_actors,
                  double                     x,
                  double                     y)
{
  for (guint a = 0; a < n_actors; a++)
    {
      DramatisNetworkRect rect;

      if (actor_label_rect (network, view, a, &rect) &&
          x >= rect.x - 6 && x <= rect.x + rect.width + 6 && y >= rect.y - 6 && y <= rect.y + rect.height + 6)
        return TRUE;
    }
  return FALSE;
}

static gboolean
near_any_glyph (DramatisNetwork           *network,
                const DramatisNetworkView *view,
                guint                      n_actors,
                double                     x,
                double                     y)
{
  for (guint a = 0; a < n_actors; a++)
    {
      double cx, cy;

      actor_center (network, view, a, &cx, &cy);
      if (hypot (x - cx, y - cy) < dramatis_network_get_node_radius (network, a) * view->zoom * 1.6 + 6)
        return TRUE;
    }
  return FALSE;
}

static void
test_selection_dims (void)
{
  guint relation;
  g_autoptr(DramatisStory) story = load_builtin ();
  g_auto(DramatisTheme) theme;
  g_autoptr(DramatisNetwork) network = NULL;
  DramatisNetworkView view = { 0, };
  DramatisSelection selection = { DRAMATIS_ITEM_INIT_NONE, DRAMATIS_ITEM_INIT_NONE };
  cairo_surface_t *before, *after;
  guint wood = find_actor (story, "robert-wood");
  guint us = find_actor (story, "united-states");
  guint lewis = find_actor (story, "kim-lewis");
  guint russia = find_actor (story, "russia");
  guint meeting;
  double x, y;
  DramatisColor was, now;

  dramatis_theme_init (&theme, DRAMATIS_THEME_LIGHT);
  network = builtin_network (story, &theme);
  dramatis_network_fit (network, WIDTH, HEIGHT, &view);
  before = render (network, &view, &theme, &selection);

  selection.selected = (DramatisItem) { DRAMATIS_ITEM_ACTOR, wood };
  after = render (network, &view, &theme, &selection);
  keep_png (after, "network-selected.png");

  /* A non-neighbour fades towards the background. */
  actor_center (network, &view, lewis, &x, &y);
  was = pixel_at (before, x, y);
  now = pixel_at (after, x, y);
  g_assert_cmpfloat (color_distance (now, theme.background), <, color_distance (was, theme.background) - 0.3);

  /* The neighbour and the selected actor keep their colours. */
  actor_center (network, &view, us, &x, &y);
  g_assert_cmpfloat (color_distance (pixel_at (after, x, y), theme.actor_kinds[DRAMATIS_ACTOR_KIND_STATE]), <, 0.06);
  actor_center (network, &view, wood, &x, &y);
  g_assert_cmpfloat (color_distance (pixel_at (after, x, y), theme.actor_kinds[DRAMATIS_ACTOR_KIND_PERSON]), <, 0.06);

  cairo_surface_destroy (after);

  /* An event lights its participants. */
  g_assert_cmpuint (dramatis_story_get_n_events (story), >, 0);
  for (meeting = 0; meeting < dramatis_story_get_n_events (story); meeting++)
    {
      const DramatisEvent *event = dramatis_story_get_event (story, meeting);
      gboolean has_russia = FALSE, has_lewis = FALSE;

      for (guint i = 0; i < event->n_participants; i++)
        {
          has_russia |= event->participants[i].actor == russia;
          has_lewis |= event->participants[i].actor == lewis;
        }
      if (has_russia && !has_lewis)
        break;
    }
  g_assert_cmpuint (meeting, <, dramatis_story_get_n_events (story));

  selection.selected = (DramatisItem) { DRAMATIS_ITEM_EVENT, meeting };
  after = render (network, &view, &theme, &selection);
  actor_center (network, &view, russia, &x, &y);
  g_assert_cmpfloat (color_distance (pixel_at (after, x, y), theme.actor_kinds[DRAMATIS_ACTOR_KIND_STATE]), <, 0.06);
  actor_center (network, &view, lewis, &x, &y);
  g_assert_cmpfloat (color_distance (pixel_at (after, x, y), theme.background), <,
                     color_distance (pixel_at (before, x, y), theme.background) - 0.3);
  cairo_surface_destroy (after);

  /* A selected relation is drawn in the accent colour: the first one whose
   * middle no label or glyph covers.
   */
  for (relation = 0; relation < dramatis_story_get_n_relations (story); relation++)
    {
      double mx, my;
      gboolean found = FALSE;

      g_assert_true (dramatis_network_get_relation_midpoint (network, &view, relation, &mx, &my));
      if (inside_any_label (network, &view, dramatis_story_get_n_actors (story), mx, my) ||
          near_any_glyph (network, &view, dramatis_story_get_n_actors (story), mx, my))
        continue;

      selection.selected = (DramatisItem) { DRAMATIS_ITEM_RELATION, relation };
      after = render (network, &view, &theme, &selection);
      for (int dy = -2; dy <= 2; dy++)
        for (int dx = -2; dx <= 2; dx++)
          found |= color_distance (pixel_at (after, mx + dx, my + dy), theme.accent) < 0.15;
      g_assert_true (found);
      g_assert_false (color_distance (pixel_at (before, mx, my), theme.accent) < 0.15);
      cairo_surface_destroy (after);
      break;
    }
  /* Some relation was checked. */
  g_assert_cmpuint (relation, <, dramatis_story_get_n_relations (story));

  cairo_surface_destroy (before);
}

static void
test_hit (void)
{
  g_autoptr(DramatisStory) story = load_builtin ();
  g_auto(DramatisTheme) theme;
  g_autoptr(DramatisNetwork) network = NULL;
  DramatisNetworkView view = { 0, };
  guint n = dramatis_story_get_n_actors (story);
  guint n_relations_hit = 0;
  DramatisItem item;

  dramatis_theme_init (&theme, DRAMATIS_THEME_LIGHT);
  network = builtin_network (story, &theme);
  dramatis_network_fit (network, WIDTH, HEIGHT, &view);

  for (guint a = 0; a < n; a++)
    {
      DramatisNetworkRect rect;
      double x, y;

      actor_center (network, &view, a, &x, &y);
      item = dramatis_network_hit (network, &view, x, y);
      g_assert_cmpint (item.kind, ==, DRAMATIS_ITEM_ACTOR);
      g_assert_cmpuint (item.index, ==, a);

      g_assert_true (actor_label_rect (network, &view, a, &rect));
      item = dramatis_network_hit (network, &view, rect.x + rect.width / 2, rect.y + rect.height / 2);
      g_assert_cmpint (item.kind, ==, DRAMATIS_ITEM_ACTOR);
      g_assert_cmpuint (item.index, ==, a);
    }

  /* Every relation at its midpoint, where no label covers it. */
  for (guint r = 0; r < dramatis_story_get_n_relations (story); r++)
    {
      double x, y;

      g_assert_true (dramatis_network_get_relation_midpoint (network, &view, r, &x, &y));
      if (inside_any_label (network, &view, n, x, y) || near_any_glyph (network, &view, n, x, y))
        continue;
      item = dramatis_network_hit (network, &view, x, y);
      g_assert_cmpint (item.kind, ==, DRAMATIS_ITEM_RELATION);
      /* Parallel arcs lie apart: the one hit is the one asked for. */
      g_assert_cmpuint (item.index, ==, r);
      n_relations_hit++;
    }
  g_assert_cmpuint (n_relations_hit, >=, dramatis_story_get_n_relations (story) / 2);

  /* The margin is empty. */
  item = dramatis_network_hit (network, &view, 3, 3);
  g_assert_cmpint (item.kind, ==, DRAMATIS_ITEM_NONE);
}

/* A, B and C in a row: three relations between A and B, two of them from A
 * and one from B; C to D directed, E and F undirected, G and H mutual, all
 * far apart.
 */
static const char tiny_story[] =
  "{\"format\": \"dramatis-story\", \"version\": \"1.0\","
  " \"actors\": ["
  "  {\"id\": \"a\", \"name\": \"A\", \"kind\": \"state\"},"
  "  {\"id\": \"b\", \"name\": \"B\", \"kind\": \"state\"},"
  "  {\"id\": \"c\", \"name\": \"C\", \"kind\": \"person\"},"
  "  {\"id\": \"d\", \"name\": \"D\", \"kind\": \"person\"},"
  "  {\"id\": \"e\", \"name\": \"E\", \"kind\": \"group\"},"
  "  {\"id\": \"f\", \"name\": \"F\", \"kind\": \"group\"},"
  "  {\"id\": \"g\", \"name\": \"G\", \"kind\": \"organization\"},"
  "  {\"id\": \"h\", \"name\": \"H\", \"kind\": \"other\"}],"
  " \"relations\": ["
  "  {\"id\": \"ab1\", \"type\": \"supports\", \"from\": \"a\", \"to\": \"b\"},"
  "  {\"id\": \"ba\", \"type\": \"condemns\", \"from\": \"b\", \"to\": \"a\"},"
  "  {\"id\": \"ab2\", \"type\": \"accuses\", \"from\": \"a\", \"to\": \"b\"},"
  "  {\"id\": \"cd\", \"type\": \"supports\", \"from\": \"c\", \"to\": \"d\"},"
  "  {\"id\": \"ef\", \"type\": \"supports\", \"from\": \"e\", \"to\": \"f\", \"direction\": \"undirected\"},"
  "  {\"id\": \"gh\", \"type\": \"supports\", \"from\": \"g\", \"to\": \"h\", \"direction\": \"mutual\"}]}";

static const double tiny_positions[] = {
  0, 0, 400, 0,
  0, 200, 400, 200,
  0, 400, 400, 400,
  0, 600, 400, 600,
};

static DramatisNetwork *
tiny_network (DramatisStory       *story,
              const DramatisTheme *theme,
              DramatisNetworkView *view)
{
  DramatisNetwork *network = dramatis_network_new (story, theme);

  dramatis_network_set_positions (network, tiny_positions, 8);
  *view = (DramatisNetworkView) { 600, 800, 200, 300, 1.0, FALSE };
  return network;
}

static void
test_parallel_arcs (void)
{
  g_autoptr(DramatisStory) story = load_text (tiny_story);
  g_auto(DramatisTheme) theme;
  g_autoptr(DramatisNetwork) network = NULL;
  DramatisNetworkView view;
  cairo_surface_t *surface;
  double mx[3], my[3];

  dramatis_theme_init (&theme, DRAMATIS_THEME_LIGHT);
  network = tiny_network (story, &theme, &view);
  surface = render (network, &view, &theme, NULL);
  keep_png (surface, "network-tiny.png");

  for (guint r = 0; r < 3; r++)
    {
      DramatisItem item;
      double darkest = 0;

      g_assert_true (dramatis_network_get_relation_midpoint (network, &view, r, &mx[r], &my[r]));

      /* Drawn there (hostile arcs are dashed: look along the arc), and
       * found there.
       */
      for (int dx = -5; dx <= 5; dx++)
        darkest = MAX (darkest, color_distance (pixel_at (surface, mx[r] + dx, my[r]), theme.background));
      g_assert_cmpfloat (darkest, >, 0.3);
      item = dramatis_network_hit (network, &view, mx[r], my[r]);
      g_assert_cmpint (item.kind, ==, DRAMATIS_ITEM_RELATION);
      g_assert_cmpuint (item.index, ==, r);
    }

  /* Three distinct arcs, whichever way each relation runs. */
  g_assert_cmpfloat (fabs (my[0] - my[1]), >=, 8);
  g_assert_cmpfloat (fabs (my[1] - my[2]), >=, 8);
  g_assert_cmpfloat (fabs (my[0] - my[2]), >=, 8);
  for (guint r = 0; r < 3; r++)
    g_assert_cmpfloat (fabs (mx[r] - 200 - 100), <, 1);

  /* Between the arcs, and between unrelated actors, nothing is hit. */
  {
    double x = (mx[0] + mx[1]) / 2, y = (my[0] + my[1]) / 2;
    DramatisItem item = dramatis_network_hit (network, &view, x, y);

    g_assert_cmpint (item.kind, ==, DRAMATIS_ITEM_NONE);
    item = dramatis_network_hit (network, &view, 300, 200);
    g_assert_cmpint (item.kind, ==, DRAMATIS_ITEM_NONE);
  }

  cairo_surface_destroy (surface);
}

/* How much is drawn in a small square: the sum of the distances to the
 * background.
 */
static double
ink (cairo_surface_t     *surface,
     const DramatisTheme *theme,
     double               x,
     double               y,
     int                  half)
{
  double sum = 0;

  for (int dy = -half; dy <= half; dy++)
    for (int dx = -half; dx <= half; dx++)
      sum += color_distance (pixel_at (surface, x + dx, y + dy), theme->background);
  return sum;
}

static void
test_arrowheads (void)
{
  g_autoptr(DramatisStory) story = load_text (tiny_story);
  g_auto(DramatisTheme) theme;
  g_autoptr(DramatisNetwork) network = NULL;
  DramatisNetworkView view;
  cairo_surface_t *surface;
  double ink_at[3][2];

  dramatis_theme_init (&theme, DRAMATIS_THEME_LIGHT);
  network = tiny_network (story, &theme, &view);
  surface = render (network, &view, &theme, NULL);

  /* Just outside each end's glyph, on the straight arcs at y = 200, 400,
   * 600 in the world: relations 3 (directed), 4 (undirected), 5 (mutual).
   */
  for (guint i = 0; i < 3; i++)
    {
      guint from = 2 + 2 * i, to = from + 1;
      double fx, fy, tx, ty;
      double r_from = dramatis_network_get_node_radius (network, from) * view.zoom;
      double r_to = dramatis_network_get_node_radius (network, to) * view.zoom;

      actor_center (network, &view, from, &fx, &fy);
      actor_center (network, &view, to, &tx, &ty);
      ink_at[i][0] = ink (surface, &theme, fx + r_from * 1.3 + 7, fy, 3);
      ink_at[i][1] = ink (surface, &theme, tx - r_to * 1.3 - 7, ty, 3);
    }

  /* Directed: a head at the target only. */
  g_assert_cmpfloat (ink_at[0][1], >, 2 * ink_at[0][0]);
  /* Undirected: no head at either end. */
  g_assert_cmpfloat (ink_at[1][1], <, 1.5 * ink_at[1][0] + 0.5);
  g_assert_cmpfloat (ink_at[1][0], <, 1.5 * ink_at[1][1] + 0.5);
  g_assert_cmpfloat (ink_at[0][1], >, 2 * ink_at[1][1]);
  /* Mutual: both. */
  g_assert_cmpfloat (ink_at[2][0], >, 2 * ink_at[1][0]);
  g_assert_cmpfloat (ink_at[2][1], >, 2 * ink_at[1][1]);

  cairo_surface_destroy (surface);
}

/* How many bytes of two images of the same size differ by more than
 * @tolerance.
 */
static guint
count_different_bytes (cairo_surface_t *a,
                       cairo_surface_t *b,
                       int              tolerance)
{
  const guint8 *x = cairo_image_surface_get_data (a);
  const guint8 *y = cairo_image_surface_get_data (b);
  int stride = cairo_image_surface_get_stride (a);
  guint n_different = 0;

  for (int row = 0; row < cairo_image_surface_get_height (a); row++)
    for (int i = 0; i < cairo_image_surface_get_width (a) * 4; i++)
      if (abs (x[row * stride + i] - y[row * stride + i]) > tolerance)
        n_different++;

  return n_different;
}

/* Drawing a view panned from the last one scrolls the kept scene and
 * draws the strips that came into view: it must match a drawing made from
 * scratch.
 */
static void
test_pan_matches_redraw (void)
{
  g_autoptr(DramatisStory) story = load_builtin ();
  g_auto(DramatisTheme) theme;
  g_autoptr(DramatisNetwork) network = NULL;
  g_autoptr(DramatisNetwork) fresh = NULL;
  DramatisNetworkView view = { 0, };
  DramatisSelection selection = { { DRAMATIS_ITEM_ACTOR, 1 }, DRAMATIS_ITEM_INIT_NONE };
  const double pans[][2] = { { 37, 0 }, { 0, -23 }, { -50, 41 }, { 300, -200 } };

  dramatis_theme_init (&theme, DRAMATIS_THEME_LIGHT);
  network = builtin_network (story, &theme);
  fresh = builtin_network (story, &theme);
  dramatis_network_fit (network, 900, 600, &view);
  view.zoom *= 2;
  cairo_surface_destroy (render (network, &view, &theme, &selection));

  for (guint i = 0; i < G_N_ELEMENTS (pans); i++)
    {
      cairo_surface_t *panned, *redrawn;

      view.center_x += pans[i][0] / view.zoom;
      view.center_y += pans[i][1] / view.zoom;
      panned = render (network, &view, &theme, &selection);
      /* Another network object, so nothing is kept from before. */
      redrawn = render (fresh, &view, &theme, &selection);
      dramatis_network_free (g_steal_pointer (&fresh));
      fresh = builtin_network (story, &theme);

      g_assert_cmpuint (count_different_bytes (panned, redrawn, 2), ==, 0);

      cairo_surface_destroy (panned);
      cairo_surface_destroy (redrawn);
    }
}

/* A new selection in the same view is put over the scene without one:
 * for every actor, after another was selected, it must match a drawing
 * made from scratch, with the labels the selection hides left out.
 */
static void
test_selection_matches_redraw (void)
{
  g_autoptr(DramatisStory) story = load_builtin ();
  g_auto(DramatisTheme) theme;
  g_autoptr(DramatisNetwork) network = NULL;
  guint n = dramatis_story_get_n_actors (story);

  dramatis_theme_init (&theme, DRAMATIS_THEME_LIGHT);
  network = builtin_network (story, &theme);

  for (double width = 600; width >= 150; width -= 50)
    {
      DramatisNetworkView view = { 0, };

      dramatis_network_fit (network, width, width * 0.65, &view);
      for (guint s = 0; s <= n; s++)
        {
          DramatisSelection selection = { { DRAMATIS_ITEM_ACTOR, s }, DRAMATIS_ITEM_INIT_NONE };
          g_autoptr(DramatisNetwork) fresh = builtin_network (story, &theme);
          cairo_surface_t *over, *redrawn;

          /* The last one selects nothing again. */
          if (s == n)
            selection.selected = DRAMATIS_ITEM_INIT_NONE;
          over = render (network, &view, &theme, &selection);
          redrawn = render (fresh, &view, &theme, &selection);

          g_assert_cmpuint (count_different_bytes (over, redrawn, 0), ==, 0);

          cairo_surface_destroy (over);
          cairo_surface_destroy (redrawn);
        }
    }
}

static cairo_status_t
count_bytes (void                *closure,
             const unsigned char *data,
             unsigned int         length)
{
  *(gsize *) closure += length;
  return CAIRO_STATUS_SUCCESS;
}

/* Vector targets get paths and text, and the same answers. */
static void
test_vector (void)
{
  g_autoptr(DramatisStory) story = load_builtin ();
  g_auto(DramatisTheme) theme;
  g_autoptr(DramatisNetwork) network = NULL;
  DramatisNetworkView view = { 0, };
  DramatisSelection selection = { { DRAMATIS_ITEM_ACTOR, 8 }, { DRAMATIS_ITEM_ACTOR, 2 } };
  cairo_surface_t *surface;
  cairo_t *cr;
  gsize size = 0;
  double height, narrow;

  dramatis_theme_init (&theme, DRAMATIS_THEME_LIGHT);
  network = builtin_network (story, &theme);
  dramatis_network_fit (network, WIDTH, HEIGHT, &view);

  surface = cairo_svg_surface_create_for_stream (count_bytes, &size, WIDTH, HEIGHT + 200);
  cr = cairo_create (surface);
  dramatis_network_draw (network, cr, &view, &theme, &selection);
  height = dramatis_network_draw_legend (network, cr, &theme, 0, HEIGHT, WIDTH);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  g_assert_cmpuint (size, >, 10000);

  /* The legend: one line of families and one of kinds when wide, more
   * when narrow.
   */
  g_assert_cmpfloat (height, >, 20);
  g_assert_cmpfloat (height, <, 80);
  surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cr = cairo_create (surface);
  narrow = dramatis_network_draw_legend (network, cr, &theme, 0, 0, 150);
  g_assert_cmpfloat (narrow, >, height * 1.5);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* The legend lists what the story has, and nothing else. */
static void
test_legend (void)
{
  g_autoptr(DramatisStory) story = load_text (
    "{\"format\": \"dramatis-story\", \"version\": \"1.0\","
    " \"actors\": [{\"id\": \"a\", \"name\": \"A\", \"kind\": \"state\"},"
    "              {\"id\": \"b\", \"name\": \"B\", \"kind\": \"state\"}],"
    " \"relations\": [{\"id\": \"ab\", \"type\": \"supports\", \"from\": \"a\", \"to\": \"b\"}]}");
  g_autoptr(DramatisStory) builtin = load_builtin ();
  g_auto(DramatisTheme) theme;
  g_autoptr(DramatisNetwork) small = NULL;
  g_autoptr(DramatisNetwork) large = NULL;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 400, 200);
  cairo_t *cr = cairo_create (surface);
  double one, all;

  dramatis_theme_init (&theme, DRAMATIS_THEME_LIGHT);
  small = dramatis_network_new (story, &theme);
  large = dramatis_network_new (builtin, &theme);

  /* A line for the families and one for the kinds, when wide enough;
   * the built-in story's seven items need more lines in 200 pixels, the
   * small story's two do not.
   */
  one = dramatis_network_draw_legend (small, cr, &theme, 0, 0, 200);
  all = dramatis_network_draw_legend (large, cr, &theme, 0, 0, 2000);
  g_assert_cmpfloat (one, >, 0);
  g_assert_cmpfloat (all, ==, one);
  all = dramatis_network_draw_legend (large, cr, &theme, 0, 0, 200);
  g_assert_cmpfloat (all, >, one);

  /* Drawn where asked: nothing above @y, something below it. */
  dramatis_color_set_source (&theme.background, cr);
  cairo_paint (cr);
  all = dramatis_network_draw_legend (large, cr, &theme, 10, 40, 380);
  cairo_surface_flush (surface);
  keep_png (surface, "network-legend.png");
  g_assert_cmpfloat (ink (surface, &theme, 200, 20, 15), <, 0.01);
  g_assert_cmpfloat (ink (surface, &theme, 30, 40 + all / 4, 8), >, 1);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_collect_actors (void)
{
  g_autoptr(DramatisStory) story = load_text (tiny_story);
  g_auto(DramatisTheme) theme;
  g_autoptr(DramatisNetwork) network = NULL;
  g_autoptr(GArray) actors = g_array_new (FALSE, FALSE, sizeof (guint));
  DramatisNetworkView view;
  DramatisNetworkRect rect;
  double x, y;

  dramatis_theme_init (&theme, DRAMATIS_THEME_LIGHT);
  network = tiny_network (story, &theme, &view);

  dramatis_network_collect_actors_in_rect (network, &view, NULL, actors);
  g_assert_cmpuint (actors->len, ==, 8);

  /* The top left quarter shows A only; panned right, nothing of it. */
  g_array_set_size (actors, 0);
  actor_center (network, &view, 0, &x, &y);
  rect = (DramatisNetworkRect) { x - 20, y - 20, 40, 40 };
  dramatis_network_collect_actors_in_rect (network, &view, &rect, actors);
  g_assert_cmpuint (actors->len, ==, 1);
  g_assert_cmpuint (g_array_index (actors, guint, 0), ==, 0);

  g_array_set_size (actors, 0);
  view.center_x -= 1000;
  dramatis_network_collect_actors_in_rect (network, &view, NULL, actors);
  g_assert_cmpuint (actors->len, ==, 0);
}

/* A large network draws, zoomed out and in, panned, selected, and the
 * grids answer hit-tests as brute force does.
 */
static gboolean
rects_overlap (const DramatisNetworkRect *a,
               const DramatisNetworkRect *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}

/* Whether a label drawn while @selected is selected, but that of actor
 * @except, covers @rect.
 */
static gboolean
covered_by_shown_label (DramatisNetwork           *network,
                        DramatisStory             *story,
                        const DramatisNetworkView *view,
                        const DramatisItem        *selected,
                        guint                      except,
                        const DramatisNetworkRect *rect)
{
  guint n_actors = dramatis_story_get_n_actors (story);
  guint n_relations = dramatis_story_get_n_relations (story);
  DramatisNetworkRect other;

  for (guint i = 0; i < n_actors + n_relations; i++)
    {
      DramatisItem item = { i < n_actors ? DRAMATIS_ITEM_ACTOR : DRAMATIS_ITEM_RELATION,
                            i < n_actors ? i : i - n_actors };

      if (i != except && dramatis_network_get_shown_label_rect (network, view, selected, &item, &other) &&
          rects_overlap (rect, &other))
        return TRUE;
    }
  return FALSE;
}

/* A selected actor whose label had no room is named all the same, and
 * the labels its label covers are hidden rather than drawn under it.
 */
static void
test_selected_label_wins (void)
{
  g_autoptr(DramatisStory) story = load_builtin ();
  g_auto(DramatisTheme) theme;
  g_autoptr(DramatisNetwork) network = NULL;
  guint n = dramatis_story_get_n_actors (story);
  DramatisNetworkView view = { 0, };
  DramatisItem selected = { DRAMATIS_ITEM_ACTOR, DRAMATIS_NO_INDEX };
  DramatisNetworkRect mine, rect;
  guint n_hidden = 0;

  dramatis_theme_init (&theme, DRAMATIS_THEME_LIGHT);
  network = builtin_network (story, &theme);

  /* The largest view in which some actor has no label. */
  for (double width = 600; width >= 150 && selected.index == DRAMATIS_NO_INDEX; width -= 50)
    {
      dramatis_network_fit (network, width, width * 0.65, &view);
      for (guint a = 0; a < n && selected.index == DRAMATIS_NO_INDEX; a++)
        if (!actor_label_rect (network, &view, a, &rect))
          selected.index = a;
    }
  g_assert_cmpuint (selected.index, !=, DRAMATIS_NO_INDEX);
  g_test_message ("at %.0f × %.0f, actor %u has no label", view.width, view.height, selected.index);

  g_assert_true (dramatis_network_get_shown_label_rect (network, &view, &selected, &selected, &mine));
  for (guint a = 0; a < n; a++)
    {
      DramatisItem item = { DRAMATIS_ITEM_ACTOR, a };
      gboolean placed = actor_label_rect (network, &view, a, &rect);
      gboolean shown;

      if (a == selected.index)
        continue;
      shown = dramatis_network_get_shown_label_rect (network, &view, &selected, &item, &rect);
      if (shown)
        g_assert_false (rects_overlap (&mine, &rect));
      /* Only what a label of the selection covers is hidden, and a click
       * there does not find it.
       */
      if (placed && !shown)
        {
          g_assert_true (covered_by_shown_label (network, story, &view, &selected, a, &rect));
          n_hidden += rects_overlap (&mine, &rect);
          for (double y = MAX (rect.y, mine.y) + 0.5; y < MIN (rect.y + rect.height, mine.y + mine.height); y++)
            for (double x = MAX (rect.x, mine.x) + 0.5; x < MIN (rect.x + rect.width, mine.x + mine.width); x++)
              {
                DramatisItem hit = dramatis_network_hit (network, &view, x, y);

                g_assert_false (hit.kind == DRAMATIS_ITEM_ACTOR && hit.index == a);
              }
        }
    }
  g_assert_cmpuint (n_hidden, >, 0);

  /* Nothing selected, nothing is hidden. */
  for (guint a = 0; a < n; a++)
    {
      DramatisItem item = { DRAMATIS_ITEM_ACTOR, a };

      g_assert_cmpint (actor_label_rect (network, &view, a, &rect), ==,
                       dramatis_network_get_shown_label_rect (network, &view, NULL, &item, &rect));
    }
}

/* A lit neighbour whose label the selected actor's label hides is named
 * again, elsewhere, where there is room.
 */
static void
test_hidden_neighbour_label (void)
{
  g_autoptr(DramatisStory) story = load_builtin ();
  g_auto(DramatisTheme) theme;
  g_autoptr(DramatisNetwork) network = NULL;
  guint n = dramatis_story_get_n_actors (story);
  guint n_moved = 0;

  dramatis_theme_init (&theme, DRAMATIS_THEME_LIGHT);
  network = builtin_network (story, &theme);

  for (double width = 600; width >= 150; width -= 50)
    {
      DramatisNetworkView view = { 0, };

      dramatis_network_fit (network, width, width * 0.65, &view);
      for (guint s = 0; s < n; s++)
        {
          DramatisItem selected = { DRAMATIS_ITEM_ACTOR, s };
          DramatisNetworkRect mine, placed, shown;
          const guint *relations;
          guint n_relations;

          if (actor_label_rect (network, &view, s, &mine) ||
              !dramatis_network_get_shown_label_rect (network, &view, &selected, &selected, &mine))
            continue;
          relations = dramatis_story_get_actor_relations (story, s, &n_relations);
          for (guint i = 0; i < n_relations; i++)
            {
              const DramatisRelation *relation = dramatis_story_get_relation (story, relations[i]);
              guint other = relation->from == s ? relation->to : relation->from;
              DramatisItem item = { DRAMATIS_ITEM_ACTOR, other };

              if (other == s || !actor_label_rect (network, &view, other, &placed) ||
                  !rects_overlap (&mine, &placed) ||
                  !dramatis_network_get_shown_label_rect (network, &view, &selected, &item, &shown))
                continue;
              g_assert_false (rects_overlap (&mine, &shown));
              n_moved++;
            }
        }
    }

  g_test_message ("%u neighbours' labels moved out of the selected actor's way", n_moved);
  g_assert_cmpuint (n_moved, >, 0);
}

/* On screen relations have no labels, but a selected actor's do, on their
 * arcs, over no label of the actors the selection lights up, and the
 * labels they cover hidden.
 */
static void
test_selection_relation_labels (void)
{
  g_autoptr(DramatisStory) story = load_builtin ();
  g_auto(DramatisTheme) theme;
  g_autoptr(DramatisNetwork) network = NULL;
  guint n = dramatis_story_get_n_actors (story);
  guint n_relations = dramatis_story_get_n_relations (story);
  DramatisNetworkView view = { 0, };
  DramatisItem selected = { DRAMATIS_ITEM_ACTOR, 0 };
  const guint *relations;
  guint n_of_selected, n_shown = 0, shown = DRAMATIS_NO_INDEX;
  cairo_surface_t *plain, *lit;

  dramatis_theme_init (&theme, DRAMATIS_THEME_LIGHT);
  network = builtin_network (story, &theme);
  selected.index = find_actor (story, "russia");
  dramatis_network_fit (network, WIDTH, HEIGHT, &view);
  g_assert_false (view.show_edge_labels);
  relations = dramatis_story_get_actor_relations (story, selected.index, &n_of_selected);
  g_assert_cmpuint (n_of_selected, >=, 4);

  for (guint r = 0; r < n_relations; r++)
    {
      DramatisItem item = { DRAMATIS_ITEM_RELATION, r };
      DramatisNetworkRect rect;
      gboolean mine = FALSE;

      for (guint i = 0; i < n_of_selected; i++)
        mine |= relations[i] == r;

      g_assert_false (dramatis_network_get_shown_label_rect (network, &view, NULL, &item, &rect));
      if (!dramatis_network_get_shown_label_rect (network, &view, &selected, &item, &rect))
        continue;
      g_assert_true (mine);
      n_shown++;
      shown = r;
      for (guint a = 0; a < n; a++)
        {
          DramatisItem actor = { DRAMATIS_ITEM_ACTOR, a };
          DramatisNetworkRect other;

          if (dramatis_network_get_shown_label_rect (network, &view, &selected, &actor, &other))
            g_assert_false (rects_overlap (&rect, &other));
        }
    }
  g_test_message ("%u of the %u relations of the selected actor are labelled", n_shown,
                  n_of_selected);
  g_assert_cmpuint (n_shown, >=, n_of_selected / 3);

  /* And they are drawn: the selection changes more than the veil does. */
  {
    DramatisSelection selection = { selected, DRAMATIS_ITEM_INIT_NONE };
    DramatisItem item = { DRAMATIS_ITEM_RELATION, shown };
    DramatisNetworkRect rect;
    guint inked = 0, inked_plain = 0;

    g_assert_true (dramatis_network_get_shown_label_rect (network, &view, &selected, &item, &rect));
    plain = render (network, &view, &theme, NULL);
    lit = render (network, &view, &theme, &selection);
    keep_png (lit, "network-selection-relation-labels.png");
    for (double y = rect.y + 3; y < rect.y + rect.height - 3; y++)
      for (double x = rect.x + 3; x < rect.x + rect.width - 3; x++)
        {
          inked += color_distance (pixel_at (lit, x, y), theme.dim_foreground) < 0.3;
          inked_plain += color_distance (pixel_at (plain, x, y), theme.dim_foreground) < 0.3;
        }
    g_test_message ("%u pixels of text where the label is, %u without the selection", inked,
                    inked_plain);
    g_assert_cmpuint (inked, >, 5);
    g_assert_cmpuint (inked, >, 2 * inked_plain);
    cairo_surface_destroy (plain);
    cairo_surface_destroy (lit);
  }
}

/* Dense arcs fade, the least important the most; sparse ones, and the
 * selection's, do not.
 */
static void
test_edge_alpha (void)
{
  DramatisSyntheticSize size = { 2000, 50, 4000, 0, 7 };
  g_autoptr(GString) text = dramatis_synthetic_story (&size);
  g_autoptr(DramatisStory) story = load_text (text->str);
  g_autoptr(DramatisStory) builtin = load_builtin ();
  g_auto(DramatisTheme) theme;
  g_autoptr(DramatisNetwork) network = NULL;
  g_autoptr(DramatisNetwork) small = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (5);
  g_autofree double *xy = g_new (double, 2 * size.n_actors);
  guint n_relations = dramatis_story_get_n_relations (story);
  DramatisNetworkView view = { 0, };
  DramatisItem selected = { DRAMATIS_ITEM_ACTOR, 0 };
  double strongest = 0, weakest = 1, strength_max = -1, strength_min = G_MAXDOUBLE;
  const guint *relations;
  guint n_of_selected;

  dramatis_theme_init (&theme, DRAMATIS_THEME_LIGHT);
  network = dramatis_network_new (story, &theme);
  for (guint i = 0; i < 2 * size.n_actors; i++)
    xy[i] = g_rand_double_range (rand, -1500, 1500);
  dramatis_network_set_positions (network, xy, size.n_actors);
  dramatis_network_fit (network, 630, 410, &view);

  /* By the glyphs of its two actors: the strongest and weakest relation. */
  for (guint r = 0; r < n_relations; r++)
    {
      const DramatisRelation *relation = dramatis_story_get_relation (story, r);
      double strength = dramatis_network_get_node_radius (network, relation->from) *
                        dramatis_network_get_node_radius (network, relation->to);
      double alpha = dramatis_network_get_relation_alpha (network, &view, &theme, NULL, r);

      g_assert_cmpfloat (alpha, >, 0);
      g_assert_cmpfloat (alpha, <, 1);
      if (strength > strength_max)
        {
          strength_max = strength;
          strongest = alpha;
        }
      if (strength < strength_min)
        {
          strength_min = strength;
          weakest = alpha;
        }
    }
  g_test_message ("fitted: the strongest relation at alpha %.3f, the weakest at %.3f",
                  strongest, weakest);
  g_assert_cmpfloat (strongest, >, 2 * weakest);

  /* Zoomed in, arcs are sparse and drawn whole. */
  view.zoom *= 200;
  for (guint r = 0; r < n_relations; r += 97)
    g_assert_cmpfloat (dramatis_network_get_relation_alpha (network, &view, &theme, NULL, r), ==, 1);

  /* The selection's arcs are never faded. */
  view.zoom /= 200;
  relations = dramatis_story_get_actor_relations (story, 0, &n_of_selected);
  g_assert_cmpuint (n_of_selected, >, 0);
  for (guint i = 0; i < n_of_selected; i++)
    g_assert_cmpfloat (dramatis_network_get_relation_alpha (network, &view, &theme, &selected,
                                                            relations[i]), ==, 1);

  /* Nor are the few of the built-in story. */
  small = builtin_network (builtin, &theme);
  dramatis_network_fit (small, 630, 410, &view);
  for (guint r = 0; r < dramatis_story_get_n_relations (builtin); r++)
    g_assert_cmpfloat (dramatis_network_get_relation_alpha (small, &view, &theme, NULL, r), ==, 1);
}

static void
test_large (void)
{
  DramatisSyntheticSize size = { 2000, 50, 6000, 0, 7 };
  g_autoptr(GString) text = dramatis_synthetic_story (&size);
  g_autoptr(DramatisStory) story = load_text (text->str);
  g_auto(DramatisTheme) theme;
  g_autoptr(DramatisNetwork) network = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (3);
  g_autofree double *xy = g_new (double, 2 * size.n_actors);
  DramatisNetworkView view = { 0, };
  DramatisSelection selection = { { DRAMATIS_ITEM_ACTOR, 0 }, { DRAMATIS_ITEM_ACTOR, 1 } };
  cairo_surface_t *surface;
  guint n_drawn = 0;

  dramatis_theme_init (&theme, DRAMATIS_THEME_LIGHT);
  network = dramatis_network_new (story, &theme);
  for (guint i = 0; i < 2 * size.n_actors; i++)
    xy[i] = g_rand_double_range (rand, -1500, 1500);
  dramatis_network_set_positions (network, xy, size.n_actors);
  dramatis_network_fit (network, 1200, 800, &view);

  surface = render (network, &view, &theme, NULL);
  for (guint a = 0; a < size.n_actors; a += 50)
    {
      double x, y;

      actor_center (network, &view, a, &x, &y);
      if (x >= 0 && y >= 0 && x < 1200 && y < 800)
        n_drawn += color_distance (pixel_at (surface, x, y), theme.background) > 0.1;
    }
  g_assert_cmpuint (n_drawn, >=, size.n_actors / 50 * 9 / 10);
  keep_png (surface, "network-large.png");
  cairo_surface_destroy (surface);

  cairo_surface_destroy (render (network, &view, &theme, &selection));
  view.zoom *= 4;
  cairo_surface_destroy (render (network, &view, &theme, &selection));
  view.center_x += 100;
  view.show_edge_labels = TRUE;
  cairo_surface_destroy (render (network, &view, &theme, &selection));

  /* Hits at every 97th actor's centre find an actor whose glyph holds
   * the point.
   */
  for (guint a = 0; a < size.n_actors; a += 97)
    {
      double x, y;
      DramatisItem item;

      actor_center (network, &view, a, &x, &y);
      item = dramatis_network_hit (network, &view, x, y);
      g_assert_cmpint (item.kind, ==, DRAMATIS_ITEM_ACTOR);
      if (item.index != a)
        {
          double ox, oy;

          actor_center (network, &view, item.index, &ox, &oy);
          g_assert_cmpfloat (hypot (ox - x, oy - y), <=,
                             dramatis_network_get_node_radius (network, item.index) * view.zoom * 1.6 + 4);
        }
    }
}


/* With relation labels asked for, some have room; no label covers
 * another, and a relation's label answers for it.
 */
static void
test_edge_labels (void)
{
  g_autoptr(DramatisStory) story = load_builtin ();
  g_auto(DramatisTheme) theme;
  g_autoptr(DramatisNetwork) network = NULL;
  g_autoptr(GArray) rects = g_array_new (FALSE, FALSE, sizeof (DramatisNetworkRect));
  DramatisNetworkView view = { 0, };
  guint n_actors = dramatis_story_get_n_actors (story);
  guint n_relations = dramatis_story_get_n_relations (story);
  guint n_relation_labels = 0;
  cairo_surface_t *surface;

  dramatis_theme_init (&theme, DRAMATIS_THEME_LIGHT);
  network = builtin_network (story, &theme);
  view.show_edge_labels = TRUE;
  dramatis_network_fit (network, WIDTH, HEIGHT, &view);
  g_assert_true (view.show_edge_labels);
  surface = render (network, &view, &theme, NULL);
  keep_png (surface, "network-edge-labels.png");

  for (guint i = 0; i < n_actors + n_relations; i++)
    {
      DramatisItem item = i < n_actors ? (DramatisItem) { DRAMATIS_ITEM_ACTOR, i }
                                       : (DramatisItem) { DRAMATIS_ITEM_RELATION, i - n_actors };
      DramatisNetworkRect rect;

      if (!dramatis_network_get_label_rect (network, &view, &item, &rect))
        continue;
      for (guint j = 0; j < rects->len; j++)
        {
          const DramatisNetworkRect *o = &g_array_index (rects, DramatisNetworkRect, j);

          g_assert_false (rect.x < o->x + o->width && o->x < rect.x + rect.width &&
                          rect.y < o->y + o->height && o->y < rect.y + rect.height);
        }
      g_array_append_val (rects, rect);

      if (item.kind == DRAMATIS_ITEM_RELATION)
        {
          DramatisItem hit = dramatis_network_hit (network, &view, rect.x + rect.width / 2, rect.y + rect.height / 2);

          g_assert_true (dramatis_item_equal (&hit, &item));
          /* Text is drawn there. */
          g_assert_cmpfloat (ink (surface, &theme, rect.x + rect.width / 2, rect.y + rect.height / 2, (int) (rect.height / 2) - 1), >, 1);
          n_relation_labels++;
        }
    }
  g_assert_cmpuint (n_relation_labels, >=, 5);

  /* Without them, none. */
  view.show_edge_labels = FALSE;
  for (guint r = 0; r < n_relations; r++)
    {
      DramatisItem item = { DRAMATIS_ITEM_RELATION, r };
      DramatisNetworkRect rect;

      g_assert_false (dramatis_network_get_label_rect (network, &view, &item, &rect));
    }

  cairo_surface_destroy (surface);
}

/* A relation's label too long for one line wraps onto more, each drawn,
 * rather than ending in an ellipsis; only past three lines is it cut.
 */
static void
test_edge_label_wraps (void)
{
  static const char story_text[] =
    "{\"format\": \"dramatis-story\", \"version\": \"1.0\","
    " \"actors\": ["
    "  {\"id\": \"a\", \"name\": \"A\", \"kind\": \"state\"},"
    "  {\"id\": \"b\", \"name\": \"B\", \"kind\": \"state\"},"
    "  {\"id\": \"c\", \"name\": \"C\", \"kind\": \"state\"}],"
    " \"relations\": ["
    "  {\"id\": \"ab\", \"type\": \"supports\", \"from\": \"a\", \"to\": \"b\","
    "   \"label\": \"monitored implementation of the sanctions\"},"
    "  {\"id\": \"ac\", \"type\": \"supports\", \"from\": \"a\", \"to\": \"c\","
    "   \"label\": \"one two three four five six seven eight nine ten eleven twelve thirteen"
    " fourteen fifteen sixteen seventeen eighteen nineteen twenty twenty-one twenty-two\"},"
    "  {\"id\": \"bc\", \"type\": \"supports\", \"from\": \"b\", \"to\": \"c\","
    "   \"label\": \"allies\"}]}";
  static const double positions[] = { 0, 0, 600, 0, 0, 600 };
  g_autoptr(DramatisStory) story = load_text (story_text);
  g_auto(DramatisTheme) theme;
  g_autoptr(DramatisNetwork) network = NULL;
  DramatisNetworkView view = { 800, 800, 300, 300, 1.0, TRUE };
  DramatisItem wrapped = { DRAMATIS_ITEM_RELATION, 0 };
  DramatisItem cut = { DRAMATIS_ITEM_RELATION, 1 };
  DramatisItem short_label = { DRAMATIS_ITEM_RELATION, 2 };
  DramatisNetworkRect rect, cut_rect, short_rect;
  cairo_surface_t *surface;
  double line;

  dramatis_theme_init (&theme, DRAMATIS_THEME_LIGHT);
  network = dramatis_network_new (story, &theme);
  dramatis_network_set_positions (network, positions, 3);
  surface = render (network, &view, &theme, NULL);
  keep_png (surface, "network-edge-label-wraps.png");

  g_assert_true (dramatis_network_get_label_rect (network, &view, &short_label, &short_rect));
  g_assert_true (dramatis_network_get_label_rect (network, &view, &wrapped, &rect));
  line = short_rect.height;

  /* Two lines, no wider than a relation's label may be. */
  g_assert_cmpfloat (rect.height, >, 1.5 * line);
  g_assert_cmpfloat (rect.height, <, 2.2 * line);
  g_assert_cmpfloat (rect.width, <=, 170);
  /* Both lines are drawn inside the box: the first across it, the
   * shorter second one centred under it.
   */
  g_assert_cmpfloat (ink (surface, &theme, rect.x + rect.width * 0.2, rect.y + rect.height * 0.3, 3), >, 1);
  g_assert_cmpfloat (ink (surface, &theme, rect.x + rect.width * 0.8, rect.y + rect.height * 0.3, 3), >, 1);
  g_assert_cmpfloat (ink (surface, &theme, rect.x + rect.width * 0.5, rect.y + rect.height * 0.7, 3), >, 1);

  /* A label of a whole paragraph stops at three lines. */
  g_assert_true (dramatis_network_get_label_rect (network, &view, &cut, &cut_rect));
  g_assert_cmpfloat (cut_rect.height, >, 2.2 * line);
  g_assert_cmpfloat (cut_rect.height, <, 3.0 * line);

  cairo_surface_destroy (surface);
}

/* At a device scale of 2, the scene is drawn at twice the pixels, in the
 * same place.
 */
static void
test_hidpi (void)
{
  g_autoptr(DramatisStory) story = load_builtin ();
  g_auto(DramatisTheme) theme;
  g_autoptr(DramatisNetwork) network = NULL;
  DramatisNetworkView view = { 0, };
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1600, 1000);
  cairo_t *cr;
  guint us;
  double x, y;

  dramatis_theme_init (&theme, DRAMATIS_THEME_LIGHT);
  network = builtin_network (story, &theme);
  dramatis_network_fit (network, 800, 500, &view);
  cairo_surface_set_device_scale (surface, 2, 2);
  cr = cairo_create (surface);
  dramatis_network_draw (network, cr, &view, &theme, NULL);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  keep_png (surface, "network-hidpi.png");

  us = find_actor (story, "united-states");
  actor_center (network, &view, us, &x, &y);
  g_assert_cmpfloat (color_distance (pixel_at (surface, 2 * x, 2 * y), theme.actor_kinds[DRAMATIS_ACTOR_KIND_STATE]), <, 0.06);
  g_assert_cmpfloat (color_distance (pixel_at (surface, 2, 2), theme.background), <, 0.01);
  cairo_surface_destroy (surface);
}

/* A recording surface, as a toolkit may hand out, and an offset that is
 * not a whole pixel, as an exported page makes.
 */
static void
test_recording_and_offset (void)
{
  g_autoptr(DramatisStory) story = load_builtin ();
  g_auto(DramatisTheme) theme;
  g_autoptr(DramatisNetwork) network = NULL;
  DramatisNetworkView view = { 0, };
  cairo_surface_t *recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 900, 700);
  cairo_t *cr;
  guint russia;
  double x, y;

  dramatis_theme_init (&theme, DRAMATIS_THEME_LIGHT);
  network = builtin_network (story, &theme);
  dramatis_network_fit (network, 800, 600, &view);

  cr = cairo_create (recording);
  cairo_translate (cr, 50.4, 60.6);
  dramatis_network_draw (network, cr, &view, &theme, NULL);
  cairo_destroy (cr);

  cr = cairo_create (surface);
  cairo_set_source_surface (cr, recording, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  russia = find_actor (story, "russia");
  actor_center (network, &view, russia, &x, &y);
  g_assert_cmpfloat (color_distance (pixel_at (surface, x + 50.4, y + 60.6), theme.actor_kinds[DRAMATIS_ACTOR_KIND_STATE]), <, 0.06);
  /* Nothing outside the view's rectangle. */
  g_assert_cmpfloat (pixel_at (surface, 20, 20).alpha, ==, 0);
  g_assert_cmpfloat (pixel_at (surface, 880, 680).alpha, ==, 0);
  g_assert_cmpfloat (pixel_at (surface, 55, 65).alpha, ==, 1);

  cairo_surface_destroy (surface);
  cairo_surface_destroy (recording);
}

/* While the user zooms, frames stretch the last drawing; the frame after
 * the gesture is the same as a drawing from scratch.
 */
static void
test_interactive_zoom (void)
{
  g_autoptr(DramatisStory) story = load_builtin ();
  g_auto(DramatisTheme) theme;
  g_autoptr(DramatisNetwork) network = NULL;
  g_autoptr(DramatisNetwork) fresh = NULL;
  DramatisNetworkView view = { 0, };
  cairo_surface_t *stretched, *settled, *redrawn;
  guint nk;
  double x, y;
  guint n_different = 0;

  dramatis_theme_init (&theme, DRAMATIS_THEME_LIGHT);
  network = builtin_network (story, &theme);
  fresh = builtin_network (story, &theme);
  dramatis_network_fit (network, 800, 600, &view);
  cairo_surface_destroy (render (network, &view, &theme, NULL));

  view.interactive = TRUE;
  view.zoom *= 1.5;
  stretched = render (network, &view, &theme, NULL);
  nk = find_actor (story, "north-korea");
  actor_center (network, &view, nk, &x, &y);
  g_assert_cmpfloat (color_distance (pixel_at (stretched, x, y), theme.actor_kinds[DRAMATIS_ACTOR_KIND_STATE]), <, 0.1);

  view.interactive = FALSE;
  settled = render (network, &view, &theme, NULL);
  redrawn = render (fresh, &view, &theme, NULL);
  for (int py = 0; py < 600; py++)
    for (int px = 0; px < 800; px++)
      n_different += color_distance (pixel_at (settled, px, py), pixel_at (redrawn, px, py)) > 0.02;
  g_assert_cmpuint (n_different, ==, 0);

  cairo_surface_destroy (stretched);
  cairo_surface_destroy (settled);
  cairo_surface_destroy (redrawn);
}

/* An empty story, a relation of an actor with itself, and one to an actor
 * that does not exist.
 */
static void
test_odd_stories (void)
{
  g_autoptr(DramatisStory) empty = load_text ("{\"format\": \"dramatis-story\", \"version\": \"1.0\"}");
  g_autoptr(DramatisStory) odd = load_text (
    "{\"format\": \"dramatis-story\", \"version\": \"1.0\","
    " \"actors\": [{\"id\": \"a\", \"name\": \"A\", \"kind\": \"group\"},"
    "              {\"id\": \"b\", \"name\": \"\", \"kind\": \"other\"}],"
    " \"relations\": [{\"id\": \"aa\", \"type\": \"supports\", \"from\": \"a\", \"to\": \"a\"},"
    "                 {\"id\": \"ax\", \"type\": \"supports\", \"from\": \"a\", \"to\": \"nobody\"}]}");
  g_auto(DramatisTheme) theme;
  g_autoptr(DramatisNetwork) network = NULL;
  DramatisNetworkView view = { 0, };
  DramatisSelection selection = { { DRAMATIS_ITEM_RELATION, 1 }, { DRAMATIS_ITEM_RELATION, 0 } };
  const double xy[] = { 0, 0, 200, 0 };
  cairo_surface_t *surface;
  DramatisItem item;
  double x, y, width, height;

  dramatis_theme_init (&theme, DRAMATIS_THEME_LIGHT);
  network = dramatis_network_new (empty, &theme);
  dramatis_network_fit (network, 300, 200, &view);
  surface = render (network, &view, &theme, &selection);
  g_assert_cmpfloat (color_distance (pixel_at (surface, 150, 100), theme.background), <, 0.01);
  cairo_surface_destroy (surface);
  item = dramatis_network_hit (network, &view, 150, 100);
  g_assert_cmpint (item.kind, ==, DRAMATIS_ITEM_NONE);
  g_clear_pointer (&network, dramatis_network_free);

  network = dramatis_network_new (odd, &theme);
  dramatis_network_set_positions (network, xy, 2);
  view = (DramatisNetworkView) { 400, 300, 100, 0, 1, TRUE, FALSE };
  surface = render (network, &view, &theme, &selection);

  /* The loop rises above its actor and is found there. */
  g_assert_false (dramatis_network_get_relation_midpoint (network, &view, 1, &x, &y));
  g_assert_true (dramatis_network_get_relation_midpoint (network, &view, 0, &x, &y));
  g_assert_cmpfloat (y, <, 150 - dramatis_network_get_node_radius (network, 0));
  item = dramatis_network_hit (network, &view, x, y);
  g_assert_cmpint (item.kind, ==, DRAMATIS_ITEM_RELATION);
  g_assert_cmpuint (item.index, ==, 0);
  g_assert_cmpfloat (ink (surface, &theme, x, y, 2), >, 0.5);

  /* An actor without a name has no label. */
  dramatis_network_get_label_size (network, 1, &width, &height);
  g_assert_cmpfloat (width, ==, 0);
  cairo_surface_destroy (surface);
}

/* A relation whose label has no room on screen shows it while hovered. */

static guint
count_ink (cairo_surface_t     *surface,
           const DramatisColor *color,
           double               cx,
           double               cy)
{
  guint n = 0;

  for (int y = (int) cy - 8; y <= (int) cy + 8; y++)
    for (int x = (int) cx - 30; x <= (int) cx + 30; x++)
      if (x >= 0 && y >= 0 && x < cairo_image_surface_get_width (surface) &&
          y < cairo_image_surface_get_height (surface) &&
          color_distance (pixel_at (surface, x, y), *color) < 0.35)
        n++;

  return n;
}

static void
test_hover_relation_label (void)
{
  g_autoptr(DramatisStory) story = load_builtin ();
  g_auto(DramatisTheme) theme;
  g_autoptr(DramatisNetwork) network = NULL;
  DramatisNetworkView view = { 0, };
  DramatisSelection plain = { DRAMATIS_ITEM_INIT_NONE, DRAMATIS_ITEM_INIT_NONE };
  DramatisSelection hover = plain;
  DramatisItem item = { DRAMATIS_ITEM_RELATION, 0 };
  DramatisNetworkRect rect;
  cairo_surface_t *before, *after;
  double x = 0, y = 0;

  dramatis_theme_init (&theme, DRAMATIS_THEME_LIGHT);
  network = builtin_network (story, &theme);
  dramatis_network_fit (network, WIDTH, HEIGHT, &view);
  view.show_edge_labels = FALSE;

  /* A relation drawn without its label. */
  for (item.index = 0; item.index < dramatis_story_get_n_relations (story); item.index++)
    if (dramatis_network_get_relation_midpoint (network, &view, item.index, &x, &y) &&
        !dramatis_network_get_label_rect (network, &view, &item, &rect))
      break;
  g_assert_cmpuint (item.index, <, dramatis_story_get_n_relations (story));

  before = render (network, &view, &theme, &plain);
  hover.hovered = item;
  after = render (network, &view, &theme, &hover);
  g_assert_cmpuint (count_ink (after, &theme.dim_foreground, x, y), >,
                    count_ink (before, &theme.dim_foreground, x, y) + 15);

  cairo_surface_destroy (before);
  cairo_surface_destroy (after);
}

/* A hovered actor without a label of its own is named over the labels
 * around it, on a plate of background that hides what it covers.
 */
static void
test_hover_label_plate (void)
{
  g_autoptr(DramatisStory) story = load_builtin ();
  g_auto(DramatisTheme) theme;
  g_autoptr(DramatisNetwork) network = NULL;
  guint n = dramatis_story_get_n_actors (story);
  DramatisSelection plain = { DRAMATIS_ITEM_INIT_NONE, DRAMATIS_ITEM_INIT_NONE };
  guint n_plated = 0;

  dramatis_theme_init (&theme, DRAMATIS_THEME_LIGHT);
  network = builtin_network (story, &theme);

  for (double width = 500; width >= 150; width -= 50)
    {
      DramatisNetworkView view = { 0, };
      cairo_surface_t *before;

      dramatis_network_fit (network, width, width * 0.65, &view);
      before = render (network, &view, &theme, &plain);
      for (guint a = 0; a < n; a++)
        {
          DramatisSelection hover = { DRAMATIS_ITEM_INIT_NONE, { DRAMATIS_ITEM_ACTOR, a } };
          DramatisNetworkRect rect;
          cairo_surface_t *after;

          if (actor_label_rect (network, &view, a, &rect))
            continue;
          after = render (network, &view, &theme, &hover);

          /* Where it covers another label, that label's text is gone, not only
           * where its halo covers it.
           */
          for (guint b = 0; b < n; b++)
            {
              guint cleared = 0;

              if (b == a || !actor_label_rect (network, &view, b, &rect))
                continue;
              for (double y = MAX (rect.y, 0); y < MIN (rect.y + rect.height, view.height); y++)
                for (double x = MAX (rect.x, 0); x < MIN (rect.x + rect.width, view.width); x++)
                  cleared += color_distance (pixel_at (before, x, y), theme.background) > 0.5 &&
                             color_distance (pixel_at (after, x, y), theme.background) < 0.15;
              n_plated += cleared > 80;
            }
          cairo_surface_destroy (after);
        }
      cairo_surface_destroy (before);
    }

  g_test_message ("%u labels partly hidden by a hovered one", n_plated);
  g_assert_cmpuint (n_plated, >, 0);
}

/* A name thousands of characters long, as a hostile or broken file may
 * hold, is drawn ellipsized, as wide as a label can be, and selecting the
 * actor (which labels it whatever the room) draws without failing.
 */
static void
test_long_name (void)
{
  g_autoptr(GString) text = g_string_new ("{\"format\": \"dramatis-story\", \"version\": \"1.0\","
                                          " \"actors\": [{\"id\": \"a\", \"name\": \"");
  g_autoptr(DramatisStory) story = NULL;
  g_auto(DramatisTheme) theme;
  g_autoptr(DramatisNetwork) network = NULL;
  DramatisSelection selection = { { DRAMATIS_ITEM_ACTOR, 0 }, { DRAMATIS_ITEM_ACTOR, 0 } };
  const double xy[] = { 0, 0, 200, 0 };
  double width, height;

  for (guint i = 0; i < 6000; i++)
    g_string_append (text, "W");
  g_string_append (text, "\", \"kind\": \"person\"}, {\"id\": \"b\", \"name\": \"B\"}]}");
  story = load_text (text->str);

  dramatis_theme_init (&theme, DRAMATIS_THEME_LIGHT);
  network = dramatis_network_new (story, &theme);
  dramatis_network_set_positions (network, xy, 2);
  dramatis_network_get_label_size (network, 0, &width, &height);
  g_test_message ("a label of 6,000 characters is %.0f × %.0f", width, height);
  g_assert_cmpfloat (width, >, 100);
  g_assert_cmpfloat (width, <=, 1000);

  /* On screen, on a high-density screen, and in a large export. */
  for (double scale = 1; scale <= 4; scale *= 4)
    {
      DramatisNetworkView view = { 600, 300, 100, 0, 1, FALSE, FALSE };
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 600 * scale, 300 * scale);
      cairo_t *cr = cairo_create (surface);

      cairo_surface_set_device_scale (surface, scale, scale);
      dramatis_network_draw (network, cr, &view, &theme, &selection);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
}

/* A point or a rectangle that is not a number, as a degenerate view makes,
 * finds nothing and reads nothing outside the grids.
 */
static void
test_not_a_number (void)
{
  g_autoptr(DramatisStory) story = load_text (tiny_story);
  g_auto(DramatisTheme) theme;
  g_autoptr(DramatisNetwork) network = NULL;
  g_autoptr(GArray) actors = g_array_new (FALSE, FALSE, sizeof (guint));
  DramatisNetworkView view;
  DramatisNetworkRect rect = { NAN, NAN, 40, 40 };
  DramatisItem item;

  dramatis_theme_init (&theme, DRAMATIS_THEME_LIGHT);
  network = tiny_network (story, &theme, &view);

  item = dramatis_network_hit (network, &view, NAN, NAN);
  g_assert_cmpint (item.kind, ==, DRAMATIS_ITEM_NONE);
  item = dramatis_network_hit (network, &view, 300, NAN);
  g_assert_cmpint (item.kind, ==, DRAMATIS_ITEM_NONE);

  dramatis_network_collect_actors_in_rect (network, &view, &rect, actors);
  g_assert_cmpuint (actors->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/network/node-colours", test_node_colours);
  g_test_add_func ("/render/network/labels-do-not-overlap", test_labels_do_not_overlap);
  g_test_add_func ("/render/network/selection-dims", test_selection_dims);
  g_test_add_func ("/render/network/label-priority", test_label_priority);
  g_test_add_func ("/render/network/selected-label-wins", test_selected_label_wins);
  g_test_add_func ("/render/network/hidden-neighbour-label", test_hidden_neighbour_label);
  g_test_add_func ("/render/network/selection-relation-labels", test_selection_relation_labels);
  g_test_add_func ("/render/network/edge-alpha", test_edge_alpha);
  g_test_add_func ("/render/network/hit", test_hit);
  g_test_add_func ("/render/network/parallel-arcs", test_parallel_arcs);
  g_test_add_func ("/render/network/arrowheads", test_arrowheads);
  g_test_add_func ("/render/network/pan-matches-redraw", test_pan_matches_redraw);
  g_test_add_func ("/render/network/selection-matches-redraw", test_selection_matches_redraw);
  g_test_add_func ("/render/network/vector", test_vector);
  g_test_add_func ("/render/network/legend", test_legend);
  g_test_add_func ("/render/network/collect-actors", test_collect_actors);
  g_test_add_func ("/render/network/edge-labels", test_edge_labels);
  g_test_add_func ("/render/network/edge-label-wraps", test_edge_label_wraps);
  g_test_add_func ("/render/network/hidpi", test_hidpi);
  g_test_add_func ("/render/network/recording-and-offset", test_recording_and_offset);
  g_test_add_func ("/render/network/interactive-zoom", test_interactive_zoom);
  g_test_add_func ("/render/network/odd-stories", test_odd_stories);
  g_test_add_func ("/render/network/long-name", test_long_name);
  g_test_add_func ("/render/network/hover-relation-label", test_hover_relation_label);
  g_test_add_func ("/render/network/hover-label-plate", test_hover_label_plate);
  g_test_add_func ("/render/network/not-a-number", test_not_a_number);
  g_test_add_func ("/render/network/large", test_large);

  return g_test_run ();
}
