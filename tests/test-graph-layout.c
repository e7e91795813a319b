/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "dramatis-graph-layout.h"
#include "dramatis-story-io.h"

/* The layout of the actor network: what it promises whatever the graph
 * (finite positions, no overlapping boxes, the same drawing for the same
 * seed, pinned nodes left alone, steps that end) on the built-in story and
 * on random graphs with several components.
 */

typedef struct
{
  guint   n_nodes;
  GArray *edges;
  double *sizes;
} RandomGraph;

static void
random_graph_free (RandomGraph *graph)
{
  g_array_unref (graph->edges);
  g_free (graph->sizes);
  g_free (graph);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RandomGraph, random_graph_free)

/* A sparse random graph on most nodes, a few small separate components,
 * and some lone nodes; each node a disc or a label-like box.
 */
static RandomGraph *
random_graph_new (guint   n_nodes,
                  guint32 seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  RandomGraph *graph = g_new0 (RandomGraph, 1);
  guint main_part = n_nodes * 8 / 10;

  graph->n_nodes = n_nodes;
  graph->edges = g_array_new (FALSE, FALSE, sizeof (guint));
  graph->sizes = g_new (double, 2 * n_nodes);

  for (guint v = 1; v < main_part; v++)
    {
      guint u = g_rand_int_range (rand, 0, v);

      g_array_append_val (graph->edges, v);
      g_array_append_val (graph->edges, u);
    }
  for (guint e = 0; e < main_part; e++)
    {
      guint a = g_rand_int_range (rand, 0, main_part);
      guint b = g_rand_int_range (rand, 0, main_part);

      g_array_append_val (graph->edges, a);
      g_array_append_val (graph->edges, b);
    }
  /* Paths of three among the rest, leaving every fifth node alone. */
  for (guint v = main_part; v + 2 < n_nodes; v += 5)
    for (guint k = 0; k < 2; k++)
      {
        guint a = v + k, b = v + k + 1;

        g_array_append_val (graph->edges, a);
        g_array_append_val (graph->edges, b);
      }

  for (guint v = 0; v < n_nodes; v++)
    {
      if (g_rand_boolean (rand))
        graph->sizes[2 * v] = graph->sizes[2 * v + 1] = g_rand_double_range (rand, 8, 40);
      else
        {
          graph->sizes[2 * v] = g_rand_double_range (rand, 40, 200);
          graph->sizes[2 * v + 1] = g_rand_double_range (rand, 16, 40);
        }
    }

  return graph;
}

static DramatisGraphLayout *
random_graph_layout (const RandomGraph *graph,
                     guint32            seed)
{
  DramatisGraphLayout *layout;

  layout = dramatis_graph_layout_new (graph->n_nodes, (const guint *) graph->edges->data,
                                      graph->edges->len / 2, seed);
  g_assert_nonnull (layout);
  for (guint v = 0; v < graph->n_nodes; v++)
    dramatis_graph_layout_set_node_size (layout, v, graph->sizes[2 * v], graph->sizes[2 * v + 1]);

  return layout;
}

static DramatisStory *
load_builtin (void)
{
  g_autoptr(GError) error = NULL;
  DramatisStory *story = dramatis_story_load_builtin (&error);

  g_assert_no_error (error);
  g_assert_nonnull (story);
  return story;
}

/* The sizes a view would measure, roughly: a disc over the name. */
static double *
story_sizes (DramatisStory       *story,
             DramatisGraphLayout *layout,
             guint                n)
{
  double *sizes = g_new (double, 2 * n);

  g_assert_cmpuint (n, ==, dramatis_story_get_n_actors (story));

  for (guint a = 0; a < n; a++)
    {
      sizes[2 * a] = 8.0 * g_utf8_strlen (dramatis_story_get_actor (story, a)->name, -1) + 10;
      sizes[2 * a + 1] = 44;
      dramatis_graph_layout_set_node_size (layout, a, sizes[2 * a], sizes[2 * a + 1]);
    }

  return sizes;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static void
assert_finite (const double *positions,
               guint         n)
{
  for (guint i = 0; i < 2 * n; i++)
    g_assert_true (isfinite (positions[i]));
}

/* Boxes may touch but not overlap.  Returns how many pairs overlap. */
static guint
count_overlaps (const double *positions,
                const double *sizes,
                guint         n)
{
  guint n_overlaps = 0;

  for (guint i = 0; i < n; i++)
    for (guint j = i + 1; j < n; j++)
      {
        double room_x = (sizes[2 * i] + sizes[2 * j]) / 2;
        double room_y = (sizes[2 * i + 1] + sizes[2 * j + 1]) / 2;

        if (fabs (positions[2 * i] - positions[2 * j]) < room_x - 1e-6
            && fabs (positions[2 * i + 1] - positions[2 * j + 1]) < room_y - 1e-6)
          n_overlaps++;
      }

  return n_overlaps;
}

static void
bounds (const double *positions,
        const double *sizes,
        guint         n,
        double       *width,
        double       *height)
{
  double min_x = G_MAXDOUBLE, min_y = G_MAXDOUBLE, max_x = -G_MAXDOUBLE, max_y = -G_MAXDOUBLE;

  for (guint i = 0; i < n; i++)
    {
      min_x = MIN (min_x, positions[2 * i] - sizes[2 * i] / 2);
      max_x = MAX (max_x, positions[2 * i] + sizes[2 * i] / 2);
      min_y = MIN (min_y, positions[2 * i + 1] - sizes[2 * i + 1] / 2);
      max_y = MAX (max_y, positions[2 * i + 1] + sizes[2 * i + 1] / 2);
    }
  *width = max_x - min_x;
  *height = max_y - min_y;
}

static void
test_empty (void)
{
  g_autoptr(DramatisGraphLayout) layout = dramatis_graph_layout_new (0, NULL, 0, 1);
  guint n = 1;

  g_assert_nonnull (layout);
  dramatis_graph_layout_start (layout);
  g_assert_false (dramatis_graph_layout_step (layout));
  dramatis_graph_layout_run (layout);
  dramatis_graph_layout_get_positions (layout, &n);
  g_assert_cmpuint (n, ==, 0);
}

static void
test_single_node (void)
{
  g_autoptr(DramatisGraphLayout) layout = dramatis_graph_layout_new (1, NULL, 0, 1);
  const double *positions;
  guint n;

  dramatis_graph_layout_run (layout);
  positions = dramatis_graph_layout_get_positions (layout, &n);
  g_assert_cmpuint (n, ==, 1);
  assert_finite (positions, 1);
  g_assert_false (dramatis_graph_layout_step (layout));
}

static void
test_bad_edge (void)
{
  const guint edges[] = { 0, 1, 1, 5 };

  g_test_expect_message ("dramatis-graph-layout", G_LOG_LEVEL_CRITICAL, "*assertion*failed*");
  g_assert_null (dramatis_graph_layout_new (3, edges, 2, 1));
  g_test_assert_expected_messages ();
}

/* Loops and repeated edges neither break the layout nor change the length
 * of the edge.
 */
static void
test_loops_and_repeats (void)
{
  const guint edges[] = { 0, 1, 1, 0, 0, 1, 1, 1, 2, 2 };
  g_autoptr(DramatisGraphLayout) layout = dramatis_graph_layout_new (3, edges, 5, 1);
  const double *positions;
  double length;

  dramatis_graph_layout_run (layout);
  positions = dramatis_graph_layout_get_positions (layout, NULL);
  assert_finite (positions, 3);
  /* One edge of the default length, and a lone node packed beside it. */
  length = hypot (positions[0] - positions[2], positions[1] - positions[3]);
  g_assert_cmpfloat (length, >, 60);
  g_assert_cmpfloat (length, <, 160);
}

static void
test_random_graph (void)
{
  g_autoptr(RandomGraph) graph = random_graph_new (600, 3);
  g_autoptr(DramatisGraphLayout) layout = random_graph_layout (graph, 7);
  const double *positions;
  guint n;

  dramatis_graph_layout_run (layout);
  positions = dramatis_graph_layout_get_positions (layout, &n);
  g_assert_cmpuint (n, ==, graph->n_nodes);
  assert_finite (positions, n);
  g_assert_cmpuint (count_overlaps (positions, graph->sizes, n), ==, 0);
}

/* Without overlap removal, hundreds of these boxes would overlap: the test
 * would catch a layout that skipped it.
 */
static void
test_crowded_boxes (void)
{
  g_autoptr(RandomGraph) graph = random_graph_new (400, 11);
  g_autoptr(DramatisGraphLayout) layout = NULL;
  const double *positions;

  for (guint v = 0; v < graph->n_nodes; v++)
    {
      graph->sizes[2 * v] = 300;
      graph->sizes[2 * v + 1] = 60;
    }
  layout = random_graph_layout (graph, 1);
  dramatis_graph_layout_run (layout);
  positions = dramatis_graph_layout_get_positions (layout, NULL);
  assert_finite (positions, graph->n_nodes);
  g_assert_cmpuint (count_overlaps (positions, graph->sizes, graph->n_nodes), ==, 0);
}

static void
test_story (void)
{
  g_autoptr(DramatisStory) story = load_builtin ();
  guint n_actors = dramatis_story_get_n_actors (story);

  g_assert_cmpuint (n_actors, ==, 22);

  for (guint32 seed = 1; seed <= 8; seed++)
    {
      g_autoptr(DramatisGraphLayout) layout = dramatis_graph_layout_new_for_story (story, seed);
      g_autofree double *sizes = story_sizes (story, layout, n_actors);
      g_autoptr(GArray) lengths = g_array_new (FALSE, FALSE, sizeof (double));
      const double *positions;
      double width, height, median;
      guint n;

      dramatis_graph_layout_run (layout);
      positions = dramatis_graph_layout_get_positions (layout, &n);
      g_assert_cmpuint (n, ==, n_actors);
      assert_finite (positions, n);
      g_assert_cmpuint (count_overlaps (positions, sizes, n), ==, 0);

      /* Readable in a window of about 1200 × 800 without zooming out far:
       * the three separate pairs of the story are packed close, not sent
       * away.
       */
      bounds (positions, sizes, n, &width, &height);
      g_test_message ("seed %u: %.0f × %.0f", seed, width, height);
      g_assert_cmpfloat (width, <, 1400);
      g_assert_cmpfloat (height, <, 1000);
      g_assert_cmpfloat (width, >, 300);
      g_assert_cmpfloat (height, >, 200);

      for (guint r = 0; r < dramatis_story_get_n_relations (story); r++)
        {
          const DramatisRelation *relation = dramatis_story_get_relation (story, r);
          const double *from = positions + 2 * relation->from, *to = positions + 2 * relation->to;
          double length = hypot (from[0] - to[0], from[1] - to[1]);

          g_array_append_val (lengths, length);
        }
      g_array_sort (lengths, compare_doubles);
      median = g_array_index (lengths, double, lengths->len / 2);
      g_test_message ("seed %u: median edge %.0f", seed, median);
      g_assert_cmpfloat (median, >, 80);
      g_assert_cmpfloat (median, <, 200);
    }
}

static void
test_deterministic (void)
{
  g_autoptr(RandomGraph) graph = random_graph_new (500, 5);
  g_autoptr(DramatisGraphLayout) a = random_graph_layout (graph, 42);
  g_autoptr(DramatisGraphLayout) b = random_graph_layout (graph, 42);
  g_autoptr(DramatisGraphLayout) c = random_graph_layout (graph, 43);
  g_autoptr(DramatisStory) story = load_builtin ();
  g_autoptr(DramatisGraphLayout) d = dramatis_graph_layout_new_for_story (story, 1);
  g_autoptr(DramatisGraphLayout) e = dramatis_graph_layout_new_for_story (story, 1);
  g_autoptr(DramatisGraphLayout) f = dramatis_graph_layout_new_for_story (story, 2);
  gsize size = 2 * graph->n_nodes * sizeof (double);
  gsize story_size = 2 * dramatis_story_get_n_actors (story) * sizeof (double);

  dramatis_graph_layout_run (a);
  dramatis_graph_layout_run (b);
  dramatis_graph_layout_run (c);
  g_assert_cmpmem (dramatis_graph_layout_get_positions (a, NULL), size,
                   dramatis_graph_layout_get_positions (b, NULL), size);
  g_assert_true (memcmp (dramatis_graph_layout_get_positions (a, NULL),
                         dramatis_graph_layout_get_positions (c, NULL), size) != 0);

  dramatis_graph_layout_run (d);
  dramatis_graph_layout_run (e);
  dramatis_graph_layout_run (f);
  g_assert_cmpmem (dramatis_graph_layout_get_positions (d, NULL), story_size,
                   dramatis_graph_layout_get_positions (e, NULL), story_size);
  g_assert_true (memcmp (dramatis_graph_layout_get_positions (d, NULL),
                         dramatis_graph_layout_get_positions (f, NULL), story_size) != 0);
}

/* Stepping by hand gives the same drawing as running in one go. */
static void
test_steps_match_run (void)
{
  g_autoptr(RandomGraph) graph = random_graph_new (300, 9);
  g_autoptr(DramatisGraphLayout) stepped = random_graph_layout (graph, 4);
  g_autoptr(DramatisGraphLayout) run = random_graph_layout (graph, 4);
  gsize size = 2 * graph->n_nodes * sizeof (double);
  guint n_steps = 0;

  dramatis_graph_layout_start (stepped);
  while (dramatis_graph_layout_step (stepped))
    {
      n_steps++;
      g_assert_cmpuint (n_steps, <, 1000);
    }
  g_assert_cmpuint (n_steps, >, 1);
  /* Settled stays settled. */
  g_assert_false (dramatis_graph_layout_step (stepped));

  dramatis_graph_layout_run (run);
  g_assert_cmpmem (dramatis_graph_layout_get_positions (stepped, NULL), size,
                   dramatis_graph_layout_get_positions (run, NULL), size);
}

static void
assert_pinned (DramatisGraphLayout *layout,
               const guint         *pinned,
               const double        *where,
               guint                n_pinned)
{
  const double *positions = dramatis_graph_layout_get_positions (layout, NULL);

  for (guint k = 0; k < n_pinned; k++)
    {
      g_assert_cmpfloat (positions[2 * pinned[k]], ==, where[2 * k]);
      g_assert_cmpfloat (positions[2 * pinned[k] + 1], ==, where[2 * k + 1]);
    }
}

static void
test_pinned (void)
{
  g_autoptr(RandomGraph) graph = random_graph_new (400, 8);
  g_autoptr(DramatisGraphLayout) layout = random_graph_layout (graph, 2);
  /* Pinned nodes far apart and close together, on top of each other's
   * neighbours: the layout must still leave them be.
   */
  const guint pinned[] = { 0, 1, 2, 50, 399 };
  const double where[] = { -500.25, 300.5, 0, 0, 10, 12, 2000, -1000, 35.125, 40 };
  g_autofree double *started = g_new (double, 2 * graph->n_nodes);
  const double *positions;
  guint n_moved = 0;

  for (guint k = 0; k < G_N_ELEMENTS (pinned); k++)
    dramatis_graph_layout_set_position (layout, pinned[k], where[2 * k], where[2 * k + 1], TRUE);

  dramatis_graph_layout_start (layout);
  assert_pinned (layout, pinned, where, G_N_ELEMENTS (pinned));
  memcpy (started, dramatis_graph_layout_get_positions (layout, NULL),
          2 * graph->n_nodes * sizeof (double));

  while (dramatis_graph_layout_step (layout))
    assert_pinned (layout, pinned, where, G_N_ELEMENTS (pinned));
  assert_pinned (layout, pinned, where, G_N_ELEMENTS (pinned));

  positions = dramatis_graph_layout_get_positions (layout, NULL);
  assert_finite (positions, graph->n_nodes);
  for (guint v = 0; v < graph->n_nodes; v++)
    if (positions[2 * v] != started[2 * v] || positions[2 * v + 1] != started[2 * v + 1])
      n_moved++;
  g_assert_cmpuint (n_moved, >, graph->n_nodes / 2);

  /* Pinned boxes that overlap each other (nodes 1 and 2 here) cannot be
   * helped; every other pair is apart.
   */
  g_assert_cmpuint (count_overlaps (positions, graph->sizes, graph->n_nodes), <=, 1);

  /* A node dragged after settling stays where it was dropped, and the
   * others make room again.
   */
  memcpy (started, positions, 2 * graph->n_nodes * sizeof (double));
  dramatis_graph_layout_set_position (layout, 10, 123.5, -77.25, TRUE);
  dramatis_graph_layout_run (layout);
  positions = dramatis_graph_layout_get_positions (layout, NULL);
  g_assert_cmpfloat (positions[20], ==, 123.5);
  g_assert_cmpfloat (positions[21], ==, -77.25);
  assert_pinned (layout, pinned, where, G_N_ELEMENTS (pinned));
  n_moved = 0;
  for (guint v = 0; v < graph->n_nodes; v++)
    if (v != 10 && (positions[2 * v] != started[2 * v]
                    || positions[2 * v + 1] != started[2 * v + 1]))
      n_moved++;
  g_assert_cmpuint (n_moved, >, 0);
}

/* Unpinned nodes drift away from where they were put; unpinning lets the
 * pinned ones go too.
 */
static void
test_unpin (void)
{
  const guint edges[] = { 0, 1, 1, 2, 2, 3, 3, 0 };
  g_autoptr(DramatisGraphLayout) layout = dramatis_graph_layout_new (4, edges, 4, 1);
  const double *positions;

  /* A cycle of four stretched wide: the free nodes come in towards their
   * neighbours, the pinned ones cannot.
   */
  dramatis_graph_layout_set_position (layout, 0, 0, 0, TRUE);
  dramatis_graph_layout_set_position (layout, 1, 400, 0, TRUE);
  dramatis_graph_layout_set_position (layout, 2, 400, 1, FALSE);
  dramatis_graph_layout_set_position (layout, 3, 0, 1, FALSE);
  dramatis_graph_layout_run (layout);
  positions = dramatis_graph_layout_get_positions (layout, NULL);
  g_assert_cmpfloat (positions[0], ==, 0);
  g_assert_cmpfloat (positions[2], ==, 400);
  g_assert_cmpfloat (positions[4], <, 380);
  g_assert_cmpfloat (positions[6], >, 20);

  dramatis_graph_layout_unpin_all (layout);
  dramatis_graph_layout_run (layout);
  positions = dramatis_graph_layout_get_positions (layout, NULL);
  g_assert_cmpfloat (hypot (positions[2] - positions[0], positions[3] - positions[1]), <, 300);
}

/* A story reopened with the positions it was saved with is drawn as it
 * was, not laid out anew.
 */
static void
test_given_positions (void)
{
  g_autoptr(DramatisStory) story = load_builtin ();
  g_autoptr(DramatisGraphLayout) first = dramatis_graph_layout_new_for_story (story, 1);
  g_autoptr(DramatisGraphLayout) again = NULL;
  const double *positions, *saved;
  guint n = dramatis_story_get_n_actors (story);
  double moved = 0;

  dramatis_graph_layout_run (first);
  saved = dramatis_graph_layout_get_positions (first, NULL);
  for (guint a = 0; a < n; a++)
    dramatis_story_set_actor_position (story, a, saved[2 * a], saved[2 * a + 1], FALSE);

  /* Another seed would draw it differently from scratch. */
  again = dramatis_graph_layout_new_for_story (story, 99);
  dramatis_graph_layout_run (again);
  positions = dramatis_graph_layout_get_positions (again, NULL);
  for (guint a = 0; a < n; a++)
    moved += hypot (positions[2 * a] - saved[2 * a], positions[2 * a + 1] - saved[2 * a + 1]);
  g_assert_cmpfloat (moved / n, <, 20);
}

/* Separate components are packed near each other, whatever their number. */
static void
test_components (void)
{
  g_autoptr(GArray) edges = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(DramatisGraphLayout) layout = NULL;
  g_autofree double *sizes = g_new (double, 2 * 100);
  const double *positions;
  double width, height;

  /* 20 stars of four nodes and 20 lone nodes. */
  for (guint s = 0; s < 20; s++)
    for (guint k = 1; k < 4; k++)
      {
        guint hub = 4 * s, leaf = 4 * s + k;

        g_array_append_val (edges, hub);
        g_array_append_val (edges, leaf);
      }
  layout = dramatis_graph_layout_new (100, (const guint *) edges->data, edges->len / 2, 3);
  dramatis_graph_layout_run (layout);
  positions = dramatis_graph_layout_get_positions (layout, NULL);
  for (guint v = 0; v < 2 * 100; v++)
    sizes[v] = 20;
  assert_finite (positions, 100);
  g_assert_cmpuint (count_overlaps (positions, sizes, 100), ==, 0);
  bounds (positions, sizes, 100, &width, &height);
  g_test_message ("%.0f × %.0f", width, height);
  g_assert_cmpfloat (width * height, <, 100 * 250 * 250);
  g_assert_cmpfloat (width, <, 4 * height);
  g_assert_cmpfloat (height, <, 4 * width);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/layout/empty", test_empty);
  g_test_add_func ("/render/layout/single-node", test_single_node);
  g_test_add_func ("/render/layout/bad-edge", test_bad_edge);
  g_test_add_func ("/render/layout/loops-and-repeats", test_loops_and_repeats);
  g_test_add_func ("/render/layout/random-graph", test_random_graph);
  g_test_add_func ("/render/layout/crowded-boxes", test_crowded_boxes);
  g_test_add_func ("/render/layout/story", test_story);
  g_test_add_func ("/render/layout/deterministic", test_deterministic);
  g_test_add_func ("/render/layout/steps-match-run", test_steps_match_run);
  g_test_add_func ("/render/layout/pinned", test_pinned);
  g_test_add_func ("/render/layout/unpin", test_unpin);
  g_test_add_func ("/render/layout/given-positions", test_given_positions);
  g_test_add_func ("/render/layout/components", test_components);

  return g_test_run ();
}
