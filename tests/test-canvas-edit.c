/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <gtk/gtk.h>
#include <locale.h>

#include "dramatis-network-canvas.h"
#include "dramatis-story-edit.h"
#include "dramatis-test-utils.h"
#include "dramatis-timeline-canvas.h"

/* The diagrams' widgets and the story's edits: a drag of an actor is one
 * step of the history, undone to where the actor showed; Unpin All is
 * one step too; after an edit the canvases keep the user's view.  The
 * scene follows the story as the window makes it: it is updated when a
 * step is done, and the canvases are told what changed.
 */

typedef struct
{
  DramatisStory         *story;
  DramatisScene         *scene;
  DramatisTheme          theme;
  GtkWidget             *window;
  DramatisNetworkCanvas *network;
  DramatisTimelineCanvas *timeline;
  guint                  n_network_changes;
  guint                  n_timeline_changes;
} Fixture;

static void
edited_cb (DramatisStory *story,
           Fixture       *fixture)
{
  guint changed = dramatis_scene_update (fixture->scene);

  if (changed & DRAMATIS_SCENE_NETWORK)
    {
      dramatis_network_canvas_scene_changed (fixture->network);
      fixture->n_network_changes++;
    }
  if (changed & DRAMATIS_SCENE_TIMELINE)
    {
      dramatis_timeline_canvas_scene_changed (fixture->timeline);
      fixture->n_timeline_changes++;
    }
}

static void
run_frames (guint n)
{
  for (guint i = 0; i < n; i++)
    {
      gint64 until = g_get_monotonic_time () + 20000;

      while (g_get_monotonic_time () < until)
        g_main_context_iteration (NULL, FALSE);
    }
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  fixture->story = dramatis_test_load_story ("test-canvas-edit", NULL);
  g_assert_nonnull (fixture->story);
  dramatis_theme_init (&fixture->theme, DRAMATIS_THEME_LIGHT);
  fixture->scene = dramatis_scene_new (fixture->story, &fixture->theme);
  dramatis_scene_run_layout (fixture->scene);
  g_signal_connect (fixture->story, "edited", G_CALLBACK (edited_cb), fixture);

  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 900, 800);
  fixture->network = DRAMATIS_NETWORK_CANVAS (dramatis_network_canvas_new ());
  fixture->timeline = DRAMATIS_TIMELINE_CANVAS (dramatis_timeline_canvas_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (fixture->network), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (fixture->timeline), TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (fixture->timeline));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (fixture->network));
  gtk_window_set_child (GTK_WINDOW (fixture->window), box);
  dramatis_network_canvas_set_theme (fixture->network, &fixture->theme);
  dramatis_timeline_canvas_set_theme (fixture->timeline, &fixture->theme);
  dramatis_network_canvas_set_scene (fixture->network, fixture->scene);
  dramatis_timeline_canvas_set_scene (fixture->timeline, fixture->scene);
  gtk_window_present (GTK_WINDOW (fixture->window));
  run_frames (10);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  dramatis_network_canvas_set_scene (fixture->network, NULL);
  dramatis_timeline_canvas_set_scene (fixture->timeline, NULL);
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_pointer (&fixture->scene, dramatis_scene_free);
  g_clear_object (&fixture->story);
  dramatis_theme_clear (&fixture->theme);
}

/* An actor the story does not place, with a glyph inside the view. */
static guint
find_free_actor (Fixture *fixture,
                 double  *x,
                 double  *y)
{
  for (guint a = 0; a < dramatis_story_get_n_actors (fixture->story); a++)
    if (!dramatis_story_get_actor (fixture->story, a)->has_position &&
        dramatis_network_canvas_get_actor_point (fixture->network, a, x, y))
      return a;

  g_assert_not_reached ();
}

static void
drag (Fixture *fixture,
      double   x,
      double   y,
      double   dx,
      double   dy)
{
  DramatisCanvasClass *klass = DRAMATIS_CANVAS_GET_CLASS (fixture->network);

  klass->drag_begin (DRAMATIS_CANVAS (fixture->network), x, y);
  klass->drag_update (DRAMATIS_CANVAS (fixture->network), dx / 2, dy / 2);
  klass->drag_update (DRAMATIS_CANVAS (fixture->network), dx, dy);
  klass->drag_end (DRAMATIS_CANVAS (fixture->network), dx, dy);
}

static void
test_drag_undo (Fixture       *fixture,
                gconstpointer  data)
{
  DramatisHistory *history = dramatis_story_get_history (fixture->story);
  DramatisNetworkView before_view, after_view;
  double x, y, moved_x, moved_y, back_x, back_y;
  guint actor = find_free_actor (fixture, &x, &y);

  dramatis_network_canvas_get_view (fixture->network, &before_view);
  drag (fixture, x, y, 60, 40);

  /* One step, which pins the actor where it was put down. */
  g_assert_cmpstr (dramatis_history_get_undo_name (history), ==, "Move Actor");
  g_assert_true (dramatis_story_get_actor (fixture->story, actor)->pinned);
  g_assert_cmpuint (fixture->n_network_changes, ==, 1);
  g_assert_true (dramatis_network_canvas_get_actor_point (fixture->network, actor, &moved_x, &moved_y));
  g_assert_cmpfloat_with_epsilon (moved_x, x + 60, 1e-6);
  g_assert_cmpfloat_with_epsilon (moved_y, y + 40, 1e-6);

  /* Undone, it shows where it was, which the story never stored; the
   * view stays.
   */
  g_assert_true (dramatis_story_undo (fixture->story));
  g_assert_false (dramatis_story_get_actor (fixture->story, actor)->has_position);
  g_assert_true (dramatis_network_canvas_get_actor_point (fixture->network, actor, &back_x, &back_y));
  g_assert_cmpfloat_with_epsilon (back_x, x, 1e-6);
  g_assert_cmpfloat_with_epsilon (back_y, y, 1e-6);
  dramatis_network_canvas_get_view (fixture->network, &after_view);
  g_assert_cmpfloat (after_view.zoom, ==, before_view.zoom);
  g_assert_cmpfloat (after_view.center_x, ==, before_view.center_x);
  g_assert_cmpfloat (after_view.center_y, ==, before_view.center_y);
  run_frames (2);
}

static void
test_unpin_all_undo (Fixture       *fixture,
                     gconstpointer  data)
{
  DramatisHistory *history = dramatis_story_get_history (fixture->story);
  double x, y;
  guint actor = find_free_actor (fixture, &x, &y);
  guint n_placed = 0;

  drag (fixture, x, y, 30, 30);
  for (guint a = 0; a < dramatis_story_get_n_actors (fixture->story); a++)
    n_placed += dramatis_story_get_actor (fixture->story, a)->has_position;
  g_assert_cmpuint (n_placed, >, 0);

  dramatis_network_canvas_unpin_all (fixture->network);
  g_assert_cmpstr (dramatis_history_get_undo_name (history), ==, "Unpin All");
  for (guint a = 0; a < dramatis_story_get_n_actors (fixture->story); a++)
    g_assert_false (dramatis_story_get_actor (fixture->story, a)->has_position);

  /* One undo gives every position and pin back. */
  g_assert_true (dramatis_story_undo (fixture->story));
  g_assert_cmpstr (dramatis_history_get_undo_name (history), ==, "Move Actor");
  g_assert_true (dramatis_story_get_actor (fixture->story, actor)->pinned);
  for (guint a = 0; a < dramatis_story_get_n_actors (fixture->story); a++)
    n_placed -= dramatis_story_get_actor (fixture->story, a)->has_position;
  g_assert_cmpuint (n_placed, ==, 0);
  run_frames (2);
}

/* An event moved to another date: the timeline changes, and keeps its
 * zoom and scroll.
 */
static void
test_timeline_keeps_view (Fixture       *fixture,
                          gconstpointer  data)
{
  DramatisTimelineView before, after;
  DramatisEvent event;
  g_autoptr(GError) error = NULL;
  guint n_timeline_changes = fixture->n_timeline_changes;

  dramatis_timeline_canvas_zoom (fixture->timeline, 2.0);
  run_frames (2);
  dramatis_timeline_canvas_get_view (fixture->timeline, &before);

  event = *dramatis_story_get_event (fixture->story, 0);
  event.name = "A name long enough to change how the lane packs its rows";
  g_assert_true (dramatis_story_change_event (fixture->story, 0, &event, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->n_timeline_changes, ==, n_timeline_changes + 1);
  run_frames (2);

  dramatis_timeline_canvas_get_view (fixture->timeline, &after);
  g_assert_cmpfloat (after.seconds_per_pixel, ==, before.seconds_per_pixel);
  g_assert_cmpfloat (after.start_second, ==, before.start_second);
  g_assert_cmpfloat (after.scroll_y, ==, before.scroll_y);
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
      g_printerr ("No display: skipping the canvas tests\n");
      return 77;
    }

  g_test_add ("/ui/canvas-edit/drag-undo", Fixture, NULL, fixture_set_up, test_drag_undo, fixture_tear_down);
  g_test_add ("/ui/canvas-edit/unpin-all-undo", Fixture, NULL, fixture_set_up, test_unpin_all_undo,
              fixture_tear_down);
  g_test_add ("/ui/canvas-edit/timeline-keeps-view", Fixture, NULL, fixture_set_up, test_timeline_keeps_view,
              fixture_tear_down);

  return g_test_run ();
}
