/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <locale.h>
#include <math.h>

#include "dramatis-network-canvas.h"
#include "dramatis-scene.h"
#include "dramatis-test-utils.h"

/* Drawing a relation in the network: the canvas's drag, driven through the
 * drag methods the canvas's gesture calls, draws a line from an actor and
 * emits relation-drawn when it ends on another one, and nothing when it
 * ends elsewhere or is cancelled with Escape.
 *
 * Needs a display; without one it exits with 77, which Meson counts as
 * skipped.
 */

#define WAIT_TIMEOUT_MS 20000

typedef struct
{
  DramatisStory         *story;
  DramatisTheme          theme;
  DramatisScene         *scene;
  GtkWindow             *window;
  DramatisNetworkCanvas *canvas;
  guint                  from;
  guint                  to;
  double                 from_x;
  double                 from_y;
  double                 to_x;
  double                 to_y;
  guint                  n_drawn;
  guint                  drawn_from;
  guint                  drawn_to;
} Fixture;

static gboolean
wake_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

static gboolean
canvas_is_ready (Fixture *fixture)
{
  return gtk_widget_get_mapped (GTK_WIDGET (fixture->canvas)) &&
         gtk_widget_get_width (GTK_WIDGET (fixture->canvas)) > 0;
}

static void
on_relation_drawn (DramatisNetworkCanvas *canvas,
                   guint                  from,
                   guint                  to,
                   Fixture               *fixture)
{
  fixture->n_drawn++;
  fixture->drawn_from = from;
  fixture->drawn_to = to;
}

/* Two actors far enough apart on screen for a line between them. */
static void
pick_actors (Fixture *fixture)
{
  guint n = dramatis_story_get_n_actors (fixture->story);

  for (guint a = 0; a < n; a++)
    for (guint b = 0; b < n; b++)
      {
        double ax, ay, bx, by;

        if (a == b ||
            !dramatis_network_canvas_get_actor_point (fixture->canvas, a, &ax, &ay) ||
            !dramatis_network_canvas_get_actor_point (fixture->canvas, b, &bx, &by) ||
            hypot (bx - ax, by - ay) < 150)
          continue;

        fixture->from = a;
        fixture->to = b;
        fixture->from_x = ax;
        fixture->from_y = ay;
        fixture->to_x = bx;
        fixture->to_y = by;
        return;
      }

  g_assert_not_reached ();
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_TIMEOUT_MS * G_TIME_SPAN_MILLISECOND;
  guint wake;

  fixture->story = dramatis_test_load_story ("test-relation-drag", NULL);
  g_assert_nonnull (fixture->story);
  dramatis_theme_init (&fixture->theme, DRAMATIS_THEME_LIGHT);
  fixture->scene = dramatis_scene_new (fixture->story, &fixture->theme);

  fixture->canvas = DRAMATIS_NETWORK_CANVAS (dramatis_network_canvas_new ());
  dramatis_network_canvas_set_theme (fixture->canvas, &fixture->theme);
  dramatis_network_canvas_set_scene (fixture->canvas, fixture->scene);
  dramatis_network_canvas_run_layout (fixture->canvas, FALSE);
  g_signal_connect (fixture->canvas, "relation-drawn", G_CALLBACK (on_relation_drawn), fixture);

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 800, 600);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->canvas));
  gtk_window_present (fixture->window);

  wake = g_timeout_add (20, wake_cb, NULL);
  while (!canvas_is_ready (fixture) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (wake);
  g_assert_true (canvas_is_ready (fixture));

  dramatis_canvas_zoom_to_fit (DRAMATIS_CANVAS (fixture->canvas));
  pick_actors (fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  dramatis_network_canvas_set_scene (fixture->canvas, NULL);
  gtk_window_destroy (fixture->window);
  g_clear_pointer (&fixture->scene, dramatis_scene_free);
  dramatis_theme_clear (&fixture->theme);
  g_clear_object (&fixture->story);
}

/* The drag as the canvas's gesture gives it: a press, moves past the drag
 * threshold towards @x, @y, then the release there.
 */
static void
drag_begin (Fixture *fixture)
{
  DRAMATIS_CANVAS_GET_CLASS (fixture->canvas)->drag_begin (DRAMATIS_CANVAS (fixture->canvas),
                                                           fixture->from_x, fixture->from_y);
}

static void
drag_to (Fixture *fixture,
         double   x,
         double   y)
{
  DramatisCanvasClass *klass = DRAMATIS_CANVAS_GET_CLASS (fixture->canvas);

  klass->drag_update (DRAMATIS_CANVAS (fixture->canvas), (x - fixture->from_x) / 2, (y - fixture->from_y) / 2);
  klass->drag_update (DRAMATIS_CANVAS (fixture->canvas), x - fixture->from_x, y - fixture->from_y);
}

static void
drag_end (Fixture *fixture,
          double   x,
          double   y)
{
  DRAMATIS_CANVAS_GET_CLASS (fixture->canvas)->drag_end (DRAMATIS_CANVAS (fixture->canvas),
                                                         x - fixture->from_x, y - fixture->from_y);
}

/* How many pixels in a band across the middle of the line between the
 * two actors have the accent colour.
 */
static guint
count_accent_pixels (Fixture *fixture)
{
  int width = gtk_widget_get_width (GTK_WIDGET (fixture->canvas));
  int height = gtk_widget_get_height (GTK_WIDGET (fixture->canvas));
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t *cr = cairo_create (surface);
  DramatisSelection selection = { DRAMATIS_ITEM_INIT_NONE, DRAMATIS_ITEM_INIT_NONE };
  const DramatisColor *accent = &fixture->theme.accent;
  double mx = (fixture->from_x + fixture->to_x) / 2;
  double my = (fixture->from_y + fixture->to_y) / 2;
  guint n = 0;
  const guint8 *data;
  int stride;

  dramatis_color_set_source (&fixture->theme.background, cr);
  cairo_paint (cr);
  DRAMATIS_CANVAS_GET_CLASS (fixture->canvas)->draw (DRAMATIS_CANVAS (fixture->canvas), cr, &fixture->theme,
                                                     &selection);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  for (int y = MAX (0, (int) my - 12); y < MIN (height, (int) my + 12); y++)
    for (int x = MAX (0, (int) mx - 12); x < MIN (width, (int) mx + 12); x++)
      {
        guint32 pixel = *(const guint32 *) (data + y * stride + 4 * x);
        int r = (pixel >> 16) & 0xff, g = (pixel >> 8) & 0xff, b = pixel & 0xff;

        if (ABS (r - (int) (accent->red * 255)) < 24 && ABS (g - (int) (accent->green * 255)) < 24 &&
            ABS (b - (int) (accent->blue * 255)) < 24)
          n++;
      }

  cairo_surface_destroy (surface);
  return n;
}

static void
test_draw_relation (Fixture       *fixture,
                    gconstpointer  data)
{
  guint before = count_accent_pixels (fixture);

  dramatis_network_canvas_set_drawing_relations (fixture->canvas, TRUE);
  drag_begin (fixture);
  drag_to (fixture, fixture->to_x, fixture->to_y);

  /* The line runs between the two actors while the pointer is on the
   * second.
   */
  g_assert_cmpuint (count_accent_pixels (fixture), >, before + 10);

  drag_end (fixture, fixture->to_x, fixture->to_y);
  g_assert_cmpuint (fixture->n_drawn, ==, 1);
  g_assert_cmpuint (fixture->drawn_from, ==, fixture->from);
  g_assert_cmpuint (fixture->drawn_to, ==, fixture->to);

  /* The line goes with the drag, and the actors stay where they were. */
  g_assert_cmpuint (count_accent_pixels (fixture), ==, before);
  {
    double x, y;

    g_assert_true (dramatis_network_canvas_get_actor_point (fixture->canvas, fixture->from, &x, &y));
    g_assert_cmpfloat_with_epsilon (x, fixture->from_x, 1e-6);
    g_assert_cmpfloat_with_epsilon (y, fixture->from_y, 1e-6);
    g_assert_false (dramatis_story_get_actor (fixture->story, fixture->from)->pinned);
  }
}

/* Let go where there is no other actor: nothing is drawn. */
static void
test_release_elsewhere (Fixture       *fixture,
                        gconstpointer  data)
{
  dramatis_network_canvas_set_drawing_relations (fixture->canvas, TRUE);

  drag_begin (fixture);
  drag_to (fixture, fixture->from_x + 4, fixture->from_y + 2);
  drag_end (fixture, fixture->from_x + 4, fixture->from_y + 2);
  g_assert_cmpuint (fixture->n_drawn, ==, 0);

  /* Over nothing at all: a corner of the view, outside any actor. */
  drag_begin (fixture);
  drag_to (fixture, 1, 1);
  drag_end (fixture, 1, 1);
  g_assert_cmpuint (fixture->n_drawn, ==, 0);
}

static gboolean
press_escape (DramatisNetworkCanvas *canvas)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (canvas));
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);
      gboolean stop = FALSE;

      if (!GTK_IS_EVENT_CONTROLLER_KEY (controller))
        continue;
      g_signal_emit_by_name (controller, "key-pressed", GDK_KEY_Escape, 9, 0, &stop);
      handled |= stop;
    }

  return handled;
}

/* Escape cancels the line, and the rest of the drag draws nothing. */
static void
test_escape_cancels (Fixture       *fixture,
                     gconstpointer  data)
{
  guint before = count_accent_pixels (fixture);

  dramatis_network_canvas_set_drawing_relations (fixture->canvas, TRUE);

  /* Escape means nothing to the canvas before a line is drawn. */
  g_assert_false (press_escape (fixture->canvas));

  drag_begin (fixture);
  drag_to (fixture, fixture->to_x, fixture->to_y);
  g_assert_true (press_escape (fixture->canvas));
  g_assert_cmpuint (count_accent_pixels (fixture), ==, before);
  drag_to (fixture, fixture->to_x, fixture->to_y);
  drag_end (fixture, fixture->to_x, fixture->to_y);
  g_assert_cmpuint (fixture->n_drawn, ==, 0);
}

/* Without the keys or the mode, a drag from an actor moves it. */
static void
test_plain_drag_moves (Fixture       *fixture,
                       gconstpointer  data)
{
  double x, y;

  drag_begin (fixture);
  drag_to (fixture, fixture->to_x, fixture->to_y);
  drag_end (fixture, fixture->to_x, fixture->to_y);
  g_assert_cmpuint (fixture->n_drawn, ==, 0);

  g_assert_true (dramatis_network_canvas_get_actor_point (fixture->canvas, fixture->from, &x, &y));
  g_assert_cmpfloat (hypot (x - fixture->to_x, y - fixture->to_y), <, 1);
}

int
main (int    argc,
      char **argv)
{
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  setlocale (LC_ALL, "");

  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      g_printerr ("No display: skipping the relation drag tests\n");
      return 77;
    }

  g_test_add ("/network-canvas/draw-relation", Fixture, NULL,
              fixture_set_up, test_draw_relation, fixture_tear_down);
  g_test_add ("/network-canvas/release-elsewhere", Fixture, NULL,
              fixture_set_up, test_release_elsewhere, fixture_tear_down);
  g_test_add ("/network-canvas/escape-cancels", Fixture, NULL,
              fixture_set_up, test_escape_cancels, fixture_tear_down);
  g_test_add ("/network-canvas/plain-drag-moves", Fixture, NULL,
              fixture_set_up, test_plain_drag_moves, fixture_tear_down);

  return g_test_run ();
}
