/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <locale.h>
#include <math.h>
#include <stdlib.h>

#include "dramatis-scene.h"
#include "dramatis-test-utils.h"

/* A helper of the end-to-end tests: where the window draws an actor of a
 * story in a network canvas of a given size, once the canvas is zoomed to
 * fit (Ctrl+0).
 *
 *   e2e-actor-point ACTOR-ID WIDTH HEIGHT [STORY]
 *
 * prints "X Y WORLD-X WORLD-Y ZOOM": the point in canvas coordinates to
 * click to select the actor, where the actor is in the network's own
 * coordinates (those a story file stores), and the view's zoom, screen
 * pixels per unit of those.  STORY is a story file; without it, the
 * built-in story.  It computes the point with the code the window runs: the
 * window lays a story that does not store every actor's place out to the
 * end with the scene's seeded layout, keeping pinned actors where they are
 * (dramatis_network_canvas_run_layout() without animation, which is
 * dramatis_scene_run_layout()), and zooming to fit sets the view to
 * dramatis_network_fit() of the canvas's size.  Both depend on nothing but
 * the story, the fonts and the size, so the point is the one on screen.
 * The point is checked with the network's own hit-test; exits with 1 when
 * no point of the actor's glyph hits it.
 */

/* As the window decides: a story that stores every actor's place opens as
 * it was saved.
 */
static gboolean
story_needs_layout (DramatisStory *story)
{
  for (guint i = 0; i < dramatis_story_get_n_actors (story); i++)
    if (!dramatis_story_get_actor (story, i)->has_position)
      return TRUE;

  return FALSE;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(DramatisStory) story = NULL;
  DramatisScene *scene;
  DramatisNetwork *network;
  DramatisNetworkView view;
  DramatisTheme theme;
  const double *positions;
  guint actor, n_actors;
  double width, height, cx, cy, radius;
  int status = 1;

  setlocale (LC_ALL, "");

  if (argc != 4 && argc != 5)
    {
      g_printerr ("usage: %s ACTOR-ID WIDTH HEIGHT [STORY]\n", argv[0]);
      return 2;
    }

  width = g_ascii_strtod (argv[2], NULL);
  height = g_ascii_strtod (argv[3], NULL);
  if (width <= 0 || height <= 0)
    {
      g_printerr ("%s: WIDTH and HEIGHT must be above 0\n", argv[0]);
      return 2;
    }

  story = dramatis_test_load_story (argv[0], argc == 5 ? argv[4] : NULL);
  if (story == NULL)
    return 1;

  actor = dramatis_story_find_actor (story, argv[1]);
  if (actor == DRAMATIS_NO_INDEX)
    {
      g_printerr ("%s: no actor “%s” in the story\n", argv[0], argv[1]);
      return 1;
    }

  /* The window's theme in a session with no style preference. */
  dramatis_theme_init (&theme, DRAMATIS_THEME_LIGHT);
  scene = dramatis_scene_new (story, &theme);
  if (story_needs_layout (story))
    dramatis_scene_run_layout (scene);

  network = dramatis_scene_get_network (scene);
  dramatis_network_fit (network, width, height, &view);

  positions = dramatis_network_get_positions (network, &n_actors);
  g_assert (actor < n_actors);
  dramatis_network_view_to_screen (&view, positions[2 * actor], positions[2 * actor + 1], &cx, &cy);
  radius = MAX (dramatis_network_get_node_radius (network, actor) * view.zoom, 1);

  /* The centre of the glyph, or failing that (an arc drawn over it), the
   * nearest point of the glyph that hits the actor, ring by ring.
   */
  for (double r = 0; r <= radius && status != 0; r += 1)
    for (guint step = 0, n_steps = r == 0 ? 1 : MAX (8, (guint) (2 * G_PI * r)); step < n_steps && status != 0; step++)
      {
        double angle = 2 * G_PI * step / n_steps;
        double x = round (cx + r * cos (angle));
        double y = round (cy + r * sin (angle));
        DramatisItem hit;

        if (x < 0 || y < 0 || x >= width || y >= height)
          continue;

        hit = dramatis_network_hit (network, &view, x, y);
        if (hit.kind == DRAMATIS_ITEM_ACTOR && hit.index == actor)
          {
            g_print ("%.0f %.0f %.17g %.17g %.17g\n", x, y,
                     positions[2 * actor], positions[2 * actor + 1], view.zoom);
            status = 0;
          }
      }

  if (status != 0)
    g_printerr ("%s: no point of “%s” in a %g×%g canvas selects it\n", argv[0], argv[1], width, height);

  /* The scene draws with the theme: it goes first. */
  dramatis_scene_free (scene);
  dramatis_theme_clear (&theme);
  return status;
}
