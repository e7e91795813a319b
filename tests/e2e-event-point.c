/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <adwaita.h>
#include <locale.h>
#include <math.h>
#include <stdlib.h>

#include "dramatis-scene.h"
#include "dramatis-test-utils.h"

/* A helper of the end-to-end tests: where the window draws an event of a
 * story in a timeline canvas of a given size, once the canvas is zoomed to
 * fit (Ctrl+0), and which way to drag it by DISTANCE pixels so that a
 * click tells whether the drag panned the view.
 *
 *   e2e-event-point EVENT-ID WIDTH HEIGHT DISTANCE [STORY]
 *
 * prints "X Y DX DY" on a line, the point in canvas coordinates to click
 * to select the event and the drag that takes it to X + DX, Y + DY, and
 * the event's label, as the timeline names the event selected to
 * assistive technologies, on the next.  STORY is a story file; without
 * it, the built-in story.  It computes the points with the code the window
 * runs: zooming to fit sets the view to dramatis_timeline_fit() and
 * dramatis_timeline_fit_lanes() of the canvas's size, less the lanes'
 * scroll bar when they are taller than the view (measured as the canvas
 * measures it, so it needs the display), and a drag by DX, DY pans it
 * with dramatis_timeline_pan() by -DX, -DY.  Both depend on nothing but the story, the fonts and the
 * size, so the points are the ones on screen.  The drag is the first of
 * right, left, up and down, then the diagonals, after which a click at
 * X + DX, Y + DY selects the event, where before it did not (the event's
 * label is right of its mark, for one), as the timeline's own hit-test
 * says; exits with 1 when there is none.
 */

static gboolean
hits_event (DramatisTimeline           *timeline,
            const DramatisTimelineView *view,
            double                      x,
            double                      y,
            guint                       event)
{
  DramatisItem hit;

  if (x < 0 || y < 0 || x >= view->width || y >= view->height)
    return FALSE;

  hit = dramatis_timeline_hit (timeline, view, x, y);
  return hit.kind == DRAMATIS_ITEM_EVENT && hit.index == event;
}

int
main (int    argc,
      char **argv)
{
  static const int directions[][2] = {
    { 1, 0 }, { -1, 0 }, { 0, -1 }, { 0, 1 }, { 1, -1 }, { -1, -1 }, { 1, 1 }, { -1, 1 },
  };
  g_autoptr(DramatisStory) story = NULL;
  DramatisScene *scene;
  DramatisTimeline *timeline;
  DramatisTimelineView view;
  DramatisTheme theme;
  guint event;
  double width, height, distance, x, y, mark_width, mark_height;
  int status = 1;

  setlocale (LC_ALL, "");

  if (argc != 5 && argc != 6)
    {
      g_printerr ("usage: %s EVENT-ID WIDTH HEIGHT DISTANCE [STORY]\n", argv[0]);
      return 2;
    }

  width = g_ascii_strtod (argv[2], NULL);
  height = g_ascii_strtod (argv[3], NULL);
  distance = g_ascii_strtod (argv[4], NULL);
  if (width <= 0 || height <= 0 || distance <= 0)
    {
      g_printerr ("%s: WIDTH, HEIGHT and DISTANCE must be above 0\n", argv[0]);
      return 2;
    }

  story = dramatis_test_load_story (argv[0], argc == 6 ? argv[5] : NULL);
  if (story == NULL)
    return 1;

  event = dramatis_story_find_event (story, argv[1]);
  if (event == DRAMATIS_NO_INDEX)
    {
      g_printerr ("%s: no event “%s” in the story\n", argv[0], argv[1]);
      return 1;
    }

  /* The window's theme in a session with no style preference. */
  dramatis_theme_init (&theme, DRAMATIS_THEME_LIGHT);
  scene = dramatis_scene_new (story, &theme);
  timeline = dramatis_scene_get_timeline (scene);

  /* As the canvas does: fit the lane names and both axes, then keep room
   * for the scroll bar if the lanes are taller than the view and fit again
   * in the rest.
   */
  dramatis_timeline_fit_gutter (timeline, width);
  dramatis_timeline_fit (timeline, width, height, &view);
  dramatis_timeline_fit_lanes (timeline, &view);
  if (dramatis_timeline_get_content_height (timeline) > height + 0.5)
    {
      GtkWidget *scrollbar;
      int scrollbar_width;

      adw_init ();
      scrollbar = g_object_ref_sink (gtk_scrollbar_new (GTK_ORIENTATION_VERTICAL, NULL));
      gtk_widget_measure (scrollbar, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &scrollbar_width, NULL, NULL);
      g_object_unref (scrollbar);
      width -= scrollbar_width;
      dramatis_timeline_fit_gutter (timeline, width);
      dramatis_timeline_fit (timeline, width, height, &view);
      dramatis_timeline_fit_lanes (timeline, &view);
    }
  view.width = width;
  view.height = height;

  if (!dramatis_timeline_get_event_rect (timeline, &view, event, &x, &y, &mark_width, &mark_height))
    g_printerr ("%s: “%s” is not on the timeline\n", argv[0], argv[1]);
  else
    {
      /* The middle of the mark, on whole pixels as the pointer goes. */
      x = round (x + mark_width / 2);
      y = round (y + mark_height / 2);

      if (!hits_event (timeline, &view, x, y, event))
        g_printerr ("%s: a click at %g,%g does not select “%s”\n", argv[0], x, y, argv[1]);

      for (guint i = 0; i < G_N_ELEMENTS (directions) && status != 0 && hits_event (timeline, &view, x, y, event); i++)
        {
          DramatisTimelineView panned = view;
          double dx = directions[i][0] * distance;
          double dy = directions[i][1] * distance;

          dramatis_timeline_pan (timeline, &panned, -dx, -dy);
          if (hits_event (timeline, &panned, x + dx, y + dy, event) &&
              !hits_event (timeline, &view, x + dx, y + dy, event))
            {
              g_print ("%.0f %.0f %.0f %.0f\n%s\n", x, y, dx, dy,
                       dramatis_event_get_label (dramatis_story_get_event (story, event)));
              status = 0;
            }
        }

      if (status != 0)
        g_printerr ("%s: no drag by %g of “%s” in a %g×%g canvas can be told from a click\n",
                    argv[0], distance, argv[1], width, height);
    }

  /* The scene draws with the theme: it goes first. */
  dramatis_scene_free (scene);
  dramatis_theme_clear (&theme);
  return status;
}
