/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "dramatis-network-private.h"
#include "dramatis-scene.h"
#include "dramatis-story-edit.h"
#include "dramatis-test-utils.h"
#include "dramatis-timeline-private.h"

/* The scene following the edits of its story: after any sequence of edits
 * its diagrams are those of a scene made afresh from the story, and each
 * edit does no more than it needs: a statement's text rebuilds nothing, a
 * new actor goes beside its neighbours, a move is undone to where the
 * actor showed.
 */

typedef struct
{
  DramatisScene *scene;
  guint          changed;
  guint          n_edited;
} Follower;

static void
edited_cb (DramatisStory *story,
           Follower      *follower)
{
  follower->changed |= dramatis_scene_update (follower->scene);
  follower->n_edited++;
}

static void
follow (Follower      *follower,
        DramatisScene *scene)
{
  follower->scene = scene;
  follower->changed = 0;
  g_signal_connect (dramatis_scene_get_story (scene), "edited", G_CALLBACK (edited_cb), follower);
}

static DramatisStory *
load_builtin (void)
{
  DramatisStory *story = dramatis_test_load_story ("test-scene", NULL);

  g_assert_nonnull (story);
  return story;
}

/* The timelines draw the same: the same lanes, rows and events where they
 * are, packed at the same scale.
 */
static void
assert_same_timeline (DramatisTimeline *updated,
                      DramatisTimeline *fresh,
                      DramatisStory    *story)
{
  DramatisTimelineView view;
  g_autoptr(GArray) visible_a = NULL;
  g_autoptr(GArray) visible_b = NULL;

  /* The fresh one is packed at the scale the updated one kept, so that
   * what the update packed is what is compared.
   */
  dramatis_timeline_set_layout_scale (fresh, dramatis_timeline_get_layout_scale (updated));
  view = (DramatisTimelineView) { 1000, 700, (double) fresh->first_second,
                                  dramatis_timeline_get_layout_scale (updated), 0, TRUE };

  g_assert_cmpuint (updated->n_events, ==, fresh->n_events);
  g_assert_cmpmem (updated->event_flags, updated->n_events, fresh->event_flags, fresh->n_events);
  g_assert_cmpmem (updated->label_widths, updated->n_events * sizeof (float),
                   fresh->label_widths, fresh->n_events * sizeof (float));
  g_assert_cmpuint (dramatis_timeline_get_n_lanes (updated), ==, dramatis_timeline_get_n_lanes (fresh));
  for (guint l = 0; l < updated->lanes->len; l++)
    {
      const Lane *a = &g_array_index (updated->lanes, Lane, l);
      const Lane *b = &g_array_index (fresh->lanes, Lane, l);

      g_assert_cmpstr (a->title, ==, b->title);
      g_assert_cmpuint (a->actor, ==, b->actor);
      g_assert_cmpuint (a->kind, ==, b->kind);
      g_assert_cmpuint (a->n_rows, ==, b->n_rows);
      g_assert_cmpfloat (a->y, ==, b->y);
    }
  g_assert_cmpuint (updated->placements->len, ==, fresh->placements->len);
  g_assert_cmpmem (updated->placements->data, updated->placements->len * sizeof (Placement),
                   fresh->placements->data, fresh->placements->len * sizeof (Placement));
  g_assert_cmpfloat (dramatis_timeline_get_content_height (updated), ==,
                     dramatis_timeline_get_content_height (fresh));
  g_assert_cmpfloat (dramatis_timeline_get_gutter_width (updated), ==, dramatis_timeline_get_gutter_width (fresh));

  for (guint e = 0; e < dramatis_story_get_n_events (story); e++)
    {
      double ax = 0, ay = 0, aw = 0, ah = 0, bx = 0, by = 0, bw = 0, bh = 0;

      g_assert_cmpint (dramatis_timeline_get_event_rect (updated, &view, e, &ax, &ay, &aw, &ah), ==,
                       dramatis_timeline_get_event_rect (fresh, &view, e, &bx, &by, &bw, &bh));
      g_assert_cmpfloat (ax, ==, bx);
      g_assert_cmpfloat (ay, ==, by);
      g_assert_cmpfloat (aw, ==, bw);
      g_assert_cmpfloat (ah, ==, bh);
    }

  visible_a = dramatis_timeline_get_visible_events (updated, &view);
  visible_b = dramatis_timeline_get_visible_events (fresh, &view);
  g_assert_cmpmem (visible_a->data, visible_a->len * sizeof (guint), visible_b->data, visible_b->len * sizeof (guint));
}

/* The networks have the same actors, relations and arcs, and the actors
 * the story places are where it places them.
 */
static void
assert_same_network (DramatisNetwork *updated,
                     DramatisNetwork *fresh,
                     DramatisStory   *story)
{
  g_assert_cmpuint (updated->n_actors, ==, fresh->n_actors);
  g_assert_cmpuint (updated->n_relations, ==, fresh->n_relations);
  g_assert_cmpmem (updated->degree, updated->n_actors * sizeof (guint), fresh->degree, fresh->n_actors * sizeof (guint));
  g_assert_cmpmem (updated->kinds, updated->n_actors, fresh->kinds, fresh->n_actors);
  g_assert_cmpmem (updated->order, updated->n_actors * sizeof (guint), fresh->order, fresh->n_actors * sizeof (guint));
  g_assert_cmpuint (updated->kinds_present, ==, fresh->kinds_present);
  g_assert_cmpuint (updated->families_present, ==, fresh->families_present);

  for (guint r = 0; r < updated->n_relations; r++)
    {
      const Edge *a = &updated->edges[r];
      const Edge *b = &fresh->edges[r];

      g_assert_cmpuint (a->valid, ==, b->valid);
      if (!a->valid)
        continue;
      g_assert_cmpuint (a->from, ==, b->from);
      g_assert_cmpuint (a->to, ==, b->to);
      g_assert_cmpfloat (a->slot, ==, b->slot);
      g_assert_cmpfloat (a->weight, ==, b->weight);
      g_assert_cmpuint (a->family, ==, b->family);
      g_assert_cmpuint (a->direction, ==, b->direction);
    }

  for (guint a = 0; a < updated->n_actors; a++)
    {
      const DramatisActor *actor = dramatis_story_get_actor (story, a);
      double aw, ah, bw, bh;

      g_assert_cmpfloat (dramatis_network_get_node_radius (updated, a), ==, dramatis_network_get_node_radius (fresh, a));
      dramatis_network_get_label_size (updated, a, &aw, &ah);
      dramatis_network_get_label_size (fresh, a, &bw, &bh);
      g_assert_cmpfloat (aw, ==, bw);
      g_assert_cmpfloat (ah, ==, bh);

      if (actor->has_position)
        {
          g_assert_cmpfloat (updated->xy[2 * a], ==, fresh->xy[2 * a]);
          g_assert_cmpfloat (updated->xy[2 * a + 1], ==, fresh->xy[2 * a + 1]);
        }
    }

  for (guint id = updated->n_actors; id < updated->n_actors + updated->n_relations; id++)
    {
      double aw, ah, bw, bh;

      dramatis_network_measure_label (updated, id, &aw, &ah);
      dramatis_network_measure_label (fresh, id, &bw, &bh);
      g_assert_cmpfloat (aw, ==, bw);
      g_assert_cmpfloat (ah, ==, bh);
    }
}

/* Moves an actor as a drag does: one step, which pins it. */
static void
drag_actor (DramatisStory *story,
            guint          actor,
            double         x,
            double         y)
{
  dramatis_story_begin_edit (story, "Move Actor");
  dramatis_story_move_actor (story, actor, x, y);
  dramatis_story_pin_actor (story, actor, TRUE);
  dramatis_story_end_edit (story);
}

static void
test_random_edits (void)
{
  g_autoptr(DramatisStory) story = load_builtin ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261208);
  g_autoptr(DramatisScene) scene = NULL;
  DramatisTheme theme;
  Follower follower = { 0 };
  guint n_steps = g_test_slow () ? 2000 : 300;

  dramatis_theme_init (&theme, DRAMATIS_THEME_LIGHT);
  scene = dramatis_scene_new (story, &theme);
  follow (&follower, scene);

  for (guint step = 0; step < n_steps; step++)
    {
      g_autoptr(DramatisScene) fresh = NULL;
      guint n_actors = dramatis_story_get_n_actors (story);

      if (n_actors > 0 && g_rand_int_range (rand, 0, 10) == 0)
        drag_actor (story, g_rand_int_range (rand, 0, n_actors), g_rand_double_range (rand, -400, 400),
                    g_rand_double_range (rand, -400, 400));
      else
        dramatis_test_random_edit (story, rand, step);

      fresh = dramatis_scene_new (story, &theme);
      assert_same_network (dramatis_scene_get_network (scene), dramatis_scene_get_network (fresh), story);
      assert_same_timeline (dramatis_scene_get_timeline (scene), dramatis_scene_get_timeline (fresh), story);
    }
  g_assert_cmpuint (follower.n_edited, >, n_steps / 2);

  dramatis_theme_clear (&theme);
}

static guint
find_unplaced_actor (DramatisStory *story)
{
  for (guint a = 0; a < dramatis_story_get_n_actors (story); a++)
    {
      guint n;

      dramatis_story_get_actor_relations (story, a, &n);
      if (!dramatis_story_get_actor (story, a)->has_position && n > 0)
        return a;
    }
  g_assert_not_reached ();
}

/* The count is read before the copy: in one call, C leaves open which
 * argument is evaluated first.
 */
static double *
dup_positions (DramatisNetwork *network,
               guint           *n_actors)
{
  const double *xy = dramatis_network_get_positions (network, n_actors);

  return g_memdup2 (xy, 2 * sizeof (double) * *n_actors);
}

static void
assert_at (DramatisScene *scene,
           guint          actor,
           double         x,
           double         y)
{
  const double *xy = dramatis_network_get_positions (dramatis_scene_get_network (scene), NULL);

  g_assert_cmpfloat_with_epsilon (xy[2 * actor], x, 1e-9);
  g_assert_cmpfloat_with_epsilon (xy[2 * actor + 1], y, 1e-9);
}

/* A move by hand is undone to where the actor showed: its laid-out place,
 * which the story never stored.  The move changes only the network, and
 * moves no other actor.
 */
static void
test_undo_move (void)
{
  g_autoptr(DramatisStory) story = load_builtin ();
  g_autoptr(DramatisScene) scene = NULL;
  g_autofree double *before = NULL;
  DramatisNetwork *network;
  DramatisTheme theme;
  Follower follower = { 0 };
  guint actor, n_actors;

  dramatis_theme_init (&theme, DRAMATIS_THEME_LIGHT);
  scene = dramatis_scene_new (story, &theme);
  dramatis_scene_run_layout (scene);
  follow (&follower, scene);
  network = dramatis_scene_get_network (scene);
  actor = find_unplaced_actor (story);
  before = dup_positions (network, &n_actors);

  drag_actor (story, actor, before[2 * actor] + 123, before[2 * actor + 1] - 45);
  g_assert_cmpuint (follower.changed, ==, DRAMATIS_SCENE_NETWORK);
  assert_at (scene, actor, before[2 * actor] + 123, before[2 * actor + 1] - 45);
  for (guint a = 0; a < n_actors; a++)
    if (a != actor)
      assert_at (scene, a, before[2 * a], before[2 * a + 1]);

  g_assert_true (dramatis_story_undo (story));
  g_assert_false (dramatis_story_get_actor (story, actor)->has_position);
  g_assert_cmpmem (dramatis_network_get_positions (network, NULL), 2 * sizeof (double) * n_actors,
                   before, 2 * sizeof (double) * n_actors);

  g_assert_true (dramatis_story_redo (story));
  assert_at (scene, actor, before[2 * actor] + 123, before[2 * actor + 1] - 45);

  /* An actor the story places but does not pin, which the layout moved:
   * after a move and its undoing, it is back where the layout put it.
   */
  g_assert_true (dramatis_story_undo (story));
  dramatis_story_set_actor_position (story, actor, 1000, 1000, FALSE);
  g_clear_pointer (&scene, dramatis_scene_free);
  scene = dramatis_scene_new (story, &theme);
  dramatis_scene_run_layout (scene);
  follow (&follower, scene);
  network = dramatis_scene_get_network (scene);
  g_free (before);
  before = dup_positions (network, &n_actors);
  g_assert_cmpfloat (before[2 * actor], !=, 1000);

  drag_actor (story, actor, 5, 5);
  assert_at (scene, actor, 5, 5);
  g_assert_true (dramatis_story_undo (story));
  assert_at (scene, actor, before[2 * actor], before[2 * actor + 1]);

  dramatis_theme_clear (&theme);
}

/* A moved actor is found where it is, though the network does not index
 * every position again for one move: hit-testing finds it, and drawing
 * draws it there.
 */
static void
test_moved_actor_found (void)
{
  g_autoptr(DramatisStory) story = load_builtin ();
  g_autoptr(DramatisScene) scene = NULL;
  DramatisNetworkView view = { 400, 300, 0, 0, 1, FALSE, FALSE };
  DramatisNetwork *network;
  DramatisTheme theme;
  Follower follower = { 0 };
  DramatisItem hit;
  cairo_surface_t *surface;
  cairo_t *cr;
  guint actor;

  dramatis_theme_init (&theme, DRAMATIS_THEME_LIGHT);
  scene = dramatis_scene_new (story, &theme);
  dramatis_scene_run_layout (scene);
  follow (&follower, scene);
  network = dramatis_scene_get_network (scene);
  actor = find_unplaced_actor (story);

  drag_actor (story, actor, 8000, -6000);
  g_assert_cmpuint (network->loose_actors->len, ==, 1);
  view.center_x = 8000;
  view.center_y = -6000;
  hit = dramatis_network_hit (network, &view, 200, 150);
  g_assert_cmpuint (hit.kind, ==, DRAMATIS_ITEM_ACTOR);
  g_assert_cmpuint (hit.index, ==, actor);

  /* Drawn where it is: the middle of the view is not the background. */
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 400, 300);
  cr = cairo_create (surface);
  dramatis_network_draw (network, cr, &view, &theme, NULL);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  {
    const guint32 *pixels = (const guint32 *) (gpointer) cairo_image_surface_get_data (surface);
    int stride = cairo_image_surface_get_stride (surface) / 4;

    g_assert_cmpuint (pixels[150 * stride + 200], !=, pixels[0]);
  }
  cairo_surface_destroy (surface);

  /* Undone, it is found back where it was, and no longer at the move. */
  g_assert_true (dramatis_story_undo (story));
  hit = dramatis_network_hit (network, &view, 200, 150);
  g_assert_cmpuint (hit.kind, ==, DRAMATIS_ITEM_NONE);

  dramatis_theme_clear (&theme);
}

/* An event moved within the story's span: only the lanes it was and is in
 * are packed again, and the timeline is as if made afresh.
 */
static void
test_event_lanes_only (void)
{
  g_autoptr(DramatisStory) story = load_builtin ();
  g_autoptr(DramatisScene) scene = NULL;
  g_autoptr(DramatisScene) fresh = NULL;
  DramatisTimeline *timeline;
  DramatisTheme theme;
  Follower follower = { 0 };
  const char *first_title;
  const guint *by_time;
  guint n_dated, e;
  DramatisEvent event;

  dramatis_theme_init (&theme, DRAMATIS_THEME_LIGHT);
  scene = dramatis_scene_new (story, &theme);
  follow (&follower, scene);
  timeline = dramatis_scene_get_timeline (scene);
  first_title = g_array_index (timeline->lanes, Lane, 0).title;

  /* The middle event of the story takes the date of its neighbour. */
  by_time = dramatis_story_get_events_by_time (story, &n_dated);
  e = by_time[n_dated / 2];
  event = *dramatis_story_get_event (story, e);
  event.when = dramatis_story_get_event (story, by_time[n_dated / 2 + 1])->when;
  g_assert_true (dramatis_story_change_event (story, e, &event, NULL));
  g_assert_cmpuint (follower.changed & DRAMATIS_SCENE_TIMELINE, !=, 0);

  /* The lanes were not built again. */
  g_assert_true (g_array_index (timeline->lanes, Lane, 0).title == first_title);
  fresh = dramatis_scene_new (story, &theme);
  assert_same_timeline (timeline, dramatis_scene_get_timeline (fresh), story);

  dramatis_theme_clear (&theme);
}

/* A new actor goes beside its neighbours, or near the middle of the view,
 * and no other actor moves; a removed one leaves the others where they
 * are.
 */
static void
test_add_remove_actor (void)
{
  g_autoptr(DramatisStory) story = load_builtin ();
  g_autoptr(DramatisScene) scene = NULL;
  g_autofree double *before = NULL;
  DramatisNetwork *network;
  DramatisTheme theme;
  Follower follower = { 0 };
  DramatisActor alone = { .id = "alone", .name = "Alone" };
  DramatisActor linked = { .id = "linked", .name = "Linked" };
  DramatisRelation relation = { .id = "linked-tie", .type = "supports", .from_id = "linked" };
  const double *xy;
  const char *first_title;
  DramatisNetworkView view = { 400, 300, 0, 0, 1, FALSE, FALSE };
  DramatisItem hit;
  cairo_surface_t *surface;
  cairo_t *cr;
  guint n_actors, neighbour, added;
  double distance;

  dramatis_theme_init (&theme, DRAMATIS_THEME_LIGHT);
  scene = dramatis_scene_new (story, &theme);
  dramatis_scene_run_layout (scene);
  follow (&follower, scene);
  network = dramatis_scene_get_network (scene);
  before = dup_positions (network, &n_actors);

  first_title = g_array_index (dramatis_scene_get_timeline (scene)->lanes, Lane, 0).title;
  dramatis_scene_set_focus (scene, 5000, -5000);
  added = dramatis_story_add_actor (story, &alone, NULL);
  g_assert_cmpuint (added, ==, n_actors);
  g_assert_cmpuint (follower.changed & DRAMATIS_SCENE_NETWORK, !=, 0);
  xy = dramatis_network_get_positions (network, NULL);
  g_assert_cmpmem (xy, 2 * sizeof (double) * n_actors, before, 2 * sizeof (double) * n_actors);
  g_assert_cmpfloat (hypot (xy[2 * added] - 5000, xy[2 * added + 1] + 5000), <, 100);

  neighbour = find_unplaced_actor (story);
  relation.to_id = dramatis_story_get_actor (story, neighbour)->id;
  dramatis_story_begin_edit (story, "Add Actor");
  added = dramatis_story_add_actor (story, &linked, NULL);
  dramatis_story_add_relation (story, &relation, NULL);
  dramatis_story_end_edit (story);
  xy = dramatis_network_get_positions (network, NULL);
  g_assert_cmpmem (xy, 2 * sizeof (double) * n_actors, before, 2 * sizeof (double) * n_actors);
  distance = hypot (xy[2 * added] - before[2 * neighbour], xy[2 * added + 1] - before[2 * neighbour + 1]);
  g_assert_cmpfloat (distance, >, 1);
  g_assert_cmpfloat (distance, <, 100);

  /* Actors without events leave the timeline's lanes as they were. */
  g_assert_true (g_array_index (dramatis_scene_get_timeline (scene)->lanes, Lane, 0).title == first_title);

  /* The network kept its grids, and finds the new actor where it is; once
   * the step is undone, it finds it no more, and draws what is left.
   */
  g_assert_cmpuint (network->loose_actors->len, >, 0);
  view.center_x = xy[2 * added];
  view.center_y = xy[2 * added + 1];
  hit = dramatis_network_hit (network, &view, 200, 150);
  g_assert_cmpuint (hit.kind, ==, DRAMATIS_ITEM_ACTOR);
  g_assert_cmpuint (hit.index, ==, added);
  g_assert_true (dramatis_story_undo (story));
  g_assert_cmpuint (network->n_actors, ==, added);
  hit = dramatis_network_hit (network, &view, 200, 150);
  g_assert_true (hit.kind != DRAMATIS_ITEM_ACTOR || hit.index < added);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 400, 300);
  cr = cairo_create (surface);
  dramatis_network_draw (network, cr, &view, &theme, NULL);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  g_assert_true (dramatis_story_redo (story));

  /* Removing the first actor moves the others up by one, in place. */
  dramatis_story_remove_actor (story, 0);
  xy = dramatis_network_get_positions (network, NULL);
  g_assert_cmpmem (xy, 2 * sizeof (double) * (n_actors - 1), before + 2, 2 * sizeof (double) * (n_actors - 1));

  /* Undone, it comes back where it was. */
  g_assert_true (dramatis_story_undo (story));
  xy = dramatis_network_get_positions (network, NULL);
  g_assert_cmpmem (xy, 2 * sizeof (double) * n_actors, before, 2 * sizeof (double) * n_actors);

  dramatis_theme_clear (&theme);
}

/* A statement's text is in neither diagram: nothing is rebuilt or moved.
 * An actor's summary neither.
 */
static void
test_statement_text (void)
{
  g_autoptr(DramatisStory) story = load_builtin ();
  g_autoptr(DramatisScene) scene = NULL;
  DramatisTheme theme;
  Follower follower = { 0 };
  DramatisStatement statement;
  DramatisActor actor;
  DramatisNetwork *network;
  DramatisTimeline *timeline;
  const Edge *edges;
  const gint64 *max_end;
  guint serial;

  dramatis_theme_init (&theme, DRAMATIS_THEME_LIGHT);
  scene = dramatis_scene_new (story, &theme);
  follow (&follower, scene);
  network = dramatis_scene_get_network (scene);
  timeline = dramatis_scene_get_timeline (scene);
  edges = network->edges;
  serial = network->serial;
  max_end = timeline->max_end;

  statement = *dramatis_story_get_statement (story, 0);
  statement.text = "Something else entirely.";
  g_assert_true (dramatis_story_change_statement (story, 0, &statement, NULL));
  g_assert_cmpuint (follower.n_edited, ==, 1);
  g_assert_true (network->edges == edges);
  g_assert_cmpuint (network->serial, ==, serial);
  g_assert_true (timeline->max_end == max_end);

  follower.changed = 0;
  actor = *dramatis_story_get_actor (story, 0);
  actor.summary = "Another summary.";
  g_assert_true (dramatis_story_change_actor (story, 0, &actor, NULL));
  g_assert_cmpuint (follower.changed, ==, 0);
  g_assert_true (network->edges == edges);
  g_assert_true (timeline->max_end == max_end);

  dramatis_theme_clear (&theme);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/scene/random-edits", test_random_edits);
  g_test_add_func ("/render/scene/undo-move", test_undo_move);
  g_test_add_func ("/render/scene/moved-actor-found", test_moved_actor_found);
  g_test_add_func ("/render/scene/add-remove-actor", test_add_remove_actor);
  g_test_add_func ("/render/scene/event-lanes-only", test_event_lanes_only);
  g_test_add_func ("/render/scene/statement-text", test_statement_text);

  return g_test_run ();
}
