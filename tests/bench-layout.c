/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dramatis-graph-layout.h"

/* The layout benchmark: two graphs of 10,000 nodes and about 30,000 edges,
 * a Barabási–Albert graph (hubs, no communities) and a planted-partition
 * graph (20 communities, 90% of edges inside one), each laid out by
 * Dramatis and by Graphviz sfdp on the same machine.
 *
 * Quality is measured the same way for both drawings:
 * - normalised stress over the pairs between ~100 sampled nodes and all
 *   others, at the scale that suits each drawing best, so that the units
 *   of either do not matter;
 * - on the clustered graph, the share of each node's 10 nearest neighbours
 *   in the drawing that are in its own community, and the silhouette of
 *   the communities.
 *
 * Targets: the full layout in at most half of sfdp's time, with stress no
 * higher than sfdp's and communities no less together; one animation step
 * in at most 8 ms.
 */

#define N_NODES          10000
#define EDGES_PER_NODE   3
#define N_COMMUNITIES    20
#define INSIDE_SHARE     0.9
#define N_STRESS_SOURCES 100
#define N_NEIGHBOURS     10
#define ROUNDS           5
#define SFDP_ROUNDS      3
#define STEP_ROUNDS      3

typedef struct
{
  const char *name;
  guint       n_nodes;
  GArray     *edges;        /* guint pairs */
  guint      *communities;  /* or NULL */
} Graph;

typedef struct
{
  double time_ms;
  double min_ms;
  double max_ms;
  double stress;
  double neighbours;   /* share of nearest neighbours in the same community */
  double silhouette;
} Result;

typedef struct
{
  double start_ms;
  double median_ms;
  double max_ms;
  guint  n_steps;
} Steps;

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
        guint   n,
        double *min,
        double *max)
{
  qsort (values, n, sizeof (double), compare_doubles);
  if (min)
    *min = values[0];
  if (max)
    *max = values[n - 1];
  return values[n / 2];
}

static void
graph_clear (Graph *graph)
{
  g_clear_pointer (&graph->edges, g_array_unref);
  g_clear_pointer (&graph->communities, g_free);
}

static gboolean
add_edge (GArray     *edges,
          GHashTable *seen,
          guint       a,
          guint       b)
{
  guint64 key = a < b ? ((guint64) a << 32) | b : ((guint64) b << 32) | a;
  guint64 *stored;

  if (a == b || g_hash_table_contains (seen, &key))
    return FALSE;
  stored = g_new (guint64, 1);
  *stored = key;
  g_hash_table_add (seen, stored);
  g_array_append_val (edges, a);
  g_array_append_val (edges, b);
  return TRUE;
}

/* Preferential attachment: each new node links to EDGES_PER_NODE distinct
 * earlier nodes, chosen in proportion to their degree (by picking a random
 * end of a random earlier edge).
 */
static void
make_barabasi_albert (Graph   *graph,
                      guint    n,
                      guint32  seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  graph->name = "Barabási–Albert";
  graph->n_nodes = n;
  graph->edges = g_array_new (FALSE, FALSE, sizeof (guint));
  graph->communities = NULL;

  for (guint a = 0; a <= EDGES_PER_NODE; a++)
    for (guint b = a + 1; b <= EDGES_PER_NODE; b++)
      add_edge (graph->edges, seen, a, b);

  for (guint v = EDGES_PER_NODE + 1; v < n; v++)
    {
      guint added = 0;
      guint n_ends = graph->edges->len;

      while (added < EDGES_PER_NODE)
        {
          guint u = g_array_index (graph->edges, guint, g_rand_int_range (rand, 0, n_ends));

          if (add_edge (graph->edges, seen, v, u))
            added++;
        }
    }
}

/* A planted partition: each node links to EDGES_PER_NODE others, inside its
 * own community with probability INSIDE_SHARE, anywhere otherwise.  Every
 * node has at least that degree, so the graph is connected in practice.
 */
static void
make_clustered (Graph   *graph,
                guint    n,
                guint32  seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  guint size = n / N_COMMUNITIES;

  graph->name = "clustered";
  graph->n_nodes = n;
  graph->edges = g_array_new (FALSE, FALSE, sizeof (guint));
  graph->communities = g_new (guint, n);
  for (guint v = 0; v < n; v++)
    graph->communities[v] = MIN (v / size, N_COMMUNITIES - 1);

  for (guint v = 0; v < n; v++)
    {
      guint added = 0;

      while (added < EDGES_PER_NODE)
        {
          guint u;

          if (g_rand_double (rand) < INSIDE_SHARE)
            {
              guint first = graph->communities[v] * size;
              guint end = graph->communities[v] == N_COMMUNITIES - 1 ? n : first + size;

              u = g_rand_int_range (rand, first, end);
            }
          else
            u = g_rand_int_range (rand, 0, n);

          if (add_edge (graph->edges, seen, v, u))
            added++;
        }
    }
}

/* Adjacency lists, for the breadth-first searches of the stress measure. */
static void
build_adjacency (const Graph  *graph,
                 guint       **offsets_out,
                 guint       **adjacency_out)
{
  guint n = graph->n_nodes, m = graph->edges->len / 2;
  const guint *edges = (const guint *) graph->edges->data;
  guint *offsets = g_new0 (guint, n + 1);
  guint *adjacency = g_new (guint, 2 * m);
  g_autofree guint *fill = NULL;

  for (guint e = 0; e < 2 * m; e++)
    offsets[edges[e] + 1]++;
  for (guint v = 0; v < n; v++)
    offsets[v + 1] += offsets[v];
  fill = g_memdup2 (offsets, n * sizeof (guint));
  for (guint e = 0; e < m; e++)
    {
      adjacency[fill[edges[2 * e]]++] = edges[2 * e + 1];
      adjacency[fill[edges[2 * e + 1]]++] = edges[2 * e];
    }

  *offsets_out = offsets;
  *adjacency_out = adjacency;
}

/* Normalised stress between N_STRESS_SOURCES seeded nodes and every node
 * they reach, at the scale s that minimises it:
 * Σ (s·‖xi − xj‖ − dij)² / dij² / #pairs.
 */
static double
measure_stress (const Graph  *graph,
                const double *positions)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autofree guint *offsets = NULL;
  g_autofree guint *adjacency = NULL;
  g_autofree guint *distance = g_new (guint, graph->n_nodes);
  g_autofree guint *queue = g_new (guint, graph->n_nodes);
  double sum_ratio = 0, sum_ratio2 = 0, n_pairs = 0, scale;

  build_adjacency (graph, &offsets, &adjacency);

  for (guint s = 0; s < N_STRESS_SOURCES; s++)
    {
      guint source = g_rand_int_range (rand, 0, graph->n_nodes);
      guint head = 0, tail = 0;

      for (guint v = 0; v < graph->n_nodes; v++)
        distance[v] = G_MAXUINT;
      distance[source] = 0;
      queue[tail++] = source;
      while (head < tail)
        {
          guint v = queue[head++];

          for (guint e = offsets[v]; e < offsets[v + 1]; e++)
            if (distance[adjacency[e]] == G_MAXUINT)
              {
                distance[adjacency[e]] = distance[v] + 1;
                queue[tail++] = adjacency[e];
              }
        }

      for (guint t = 1; t < tail; t++)
        {
          guint v = queue[t];
          double dx = positions[2 * v] - positions[2 * source];
          double dy = positions[2 * v + 1] - positions[2 * source + 1];
          double ratio = sqrt (dx * dx + dy * dy) / distance[v];

          sum_ratio += ratio;
          sum_ratio2 += ratio * ratio;
          n_pairs++;
        }
    }

  /* With r = ‖xi − xj‖ / dij the stress is Σ (s·r − 1)² / #pairs, least at
   * s = Σ r / Σ r².
   */
  scale = sum_ratio2 > 0 ? sum_ratio / sum_ratio2 : 1;
  return (scale * scale * sum_ratio2 - 2 * scale * sum_ratio + n_pairs) / n_pairs;
}

/* How well the drawing keeps communities together: the share of each
 * node's nearest neighbours in the drawing that share its community, and
 * the mean silhouette (from -1 to 1) of the communities.  Brute force: a
 * few hundred million distances.
 */
static void
measure_communities (const Graph  *graph,
                     const double *positions,
                     double       *neighbours,
                     double       *silhouette)
{
  guint n = graph->n_nodes;
  double same = 0, silhouette_sum = 0;
  g_autofree guint *community_size = g_new0 (guint, N_COMMUNITIES);

  for (guint v = 0; v < n; v++)
    community_size[graph->communities[v]]++;

  for (guint v = 0; v < n; v++)
    {
      double best[N_NEIGHBOURS];
      guint best_node[N_NEIGHBOURS];
      double sums[N_COMMUNITIES] = { 0 };
      guint n_best = 0;
      double a, b = G_MAXDOUBLE;
      guint own = graph->communities[v];

      for (guint u = 0; u < n; u++)
        {
          double dx = positions[2 * u] - positions[2 * v];
          double dy = positions[2 * u + 1] - positions[2 * v + 1];
          double d2 = dx * dx + dy * dy;
          guint k;

          if (u == v)
            continue;
          sums[graph->communities[u]] += sqrt (d2);

          if (n_best == N_NEIGHBOURS && d2 >= best[N_NEIGHBOURS - 1])
            continue;
          k = n_best < N_NEIGHBOURS ? n_best++ : N_NEIGHBOURS - 1;
          for (; k > 0 && best[k - 1] > d2; k--)
            {
              best[k] = best[k - 1];
              best_node[k] = best_node[k - 1];
            }
          best[k] = d2;
          best_node[k] = u;
        }

      for (guint k = 0; k < n_best; k++)
        if (graph->communities[best_node[k]] == own)
          same++;

      a = community_size[own] > 1 ? sums[own] / (community_size[own] - 1) : 0;
      for (guint c = 0; c < N_COMMUNITIES; c++)
        if (c != own && community_size[c] > 0)
          b = MIN (b, sums[c] / community_size[c]);
      silhouette_sum += MAX (a, b) > 0 ? (b - a) / MAX (a, b) : 0;
    }

  *neighbours = same / ((double) n * N_NEIGHBOURS);
  *silhouette = silhouette_sum / n;
}

static void
measure_quality (const Graph  *graph,
                 const double *positions,
                 Result       *result)
{
  result->stress = measure_stress (graph, positions);
  result->neighbours = result->silhouette = NAN;
  if (graph->communities != NULL)
    measure_communities (graph, positions, &result->neighbours, &result->silhouette);
}

static DramatisGraphLayout *
new_layout (const Graph *graph)
{
  return dramatis_graph_layout_new (graph->n_nodes, (const guint *) graph->edges->data,
                                    graph->edges->len / 2, 1);
}

static void
run_dramatis (const Graph *graph,
              Result      *result,
              Steps       *steps)
{
  double times[ROUNDS];
  g_autoptr(DramatisGraphLayout) last = NULL;
  g_autoptr(GArray) step_ms = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint round = 0; round < ROUNDS; round++)
    {
      g_autoptr(DramatisGraphLayout) layout = new_layout (graph);
      double t = now_ms ();

      dramatis_graph_layout_run (layout);
      times[round] = now_ms () - t;
      g_clear_pointer (&last, dramatis_graph_layout_free);
      last = g_steal_pointer (&layout);
    }
  result->time_ms = median (times, ROUNDS, &result->min_ms, &result->max_ms);
  measure_quality (graph, dramatis_graph_layout_get_positions (last, NULL), result);

  /* Every step timed, from a fresh start, as a view would call them from
   * its frame clock; start() itself is the placement a view does before
   * the first frame.  The steps are the same in every round, so the
   * fastest of each over a few rounds leaves out the times the machine
   * was busy elsewhere.
   */
  for (guint round = 0; round < STEP_ROUNDS; round++)
    {
      g_autoptr(DramatisGraphLayout) layout = new_layout (graph);
      gboolean more = TRUE;
      double t = now_ms ();
      guint n = 0;

      dramatis_graph_layout_start (layout);
      t = now_ms () - t;
      steps->start_ms = round == 0 ? t : MIN (steps->start_ms, t);
      while (more)
        {
          t = now_ms ();
          more = dramatis_graph_layout_step (layout);
          t = now_ms () - t;
          if (round == 0)
            g_array_append_val (step_ms, t);
          else
            g_array_index (step_ms, double, n) = MIN (g_array_index (step_ms, double, n), t);
          n++;
        }
      g_assert_cmpuint (n, ==, step_ms->len);

      /* Stepping gives the same drawing as running. */
      if (memcmp (dramatis_graph_layout_get_positions (layout, NULL),
                  dramatis_graph_layout_get_positions (last, NULL),
                  2 * graph->n_nodes * sizeof (double)) != 0)
        g_error ("stepping and running gave different drawings");
    }
  steps->n_steps = step_ms->len;
  steps->median_ms = median ((double *) step_ms->data, step_ms->len, NULL, &steps->max_ms);
}

static char *
write_dot (const Graph *graph)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) dot = g_string_new ("graph G {\n");
  char *path = NULL;
  int fd;

  for (guint v = 0; v < graph->n_nodes; v++)
    g_string_append_printf (dot, "%u;\n", v);
  for (guint e = 0; e < graph->edges->len; e += 2)
    g_string_append_printf (dot, "%u -- %u;\n",
                            g_array_index (graph->edges, guint, e),
                            g_array_index (graph->edges, guint, e + 1));
  g_string_append (dot, "}\n");

  fd = g_file_open_tmp ("dramatis-bench-XXXXXX.dot", &path, &error);
  g_assert_no_error (error);
  close (fd);
  g_file_set_contents (path, dot->str, dot->len, &error);
  g_assert_no_error (error);

  return path;
}

/* Reads the node centres out of `sfdp -Tplain` output. */
static double *
parse_plain (const char  *plain,
             guint        n_nodes)
{
  double *positions = g_new0 (double, 2 * n_nodes);
  g_auto(GStrv) lines = g_strsplit (plain, "\n", -1);
  guint n_found = 0;

  for (guint l = 0; lines[l] != NULL; l++)
    {
      guint node;
      double x, y;

      if (sscanf (lines[l], "node %u %lf %lf", &node, &x, &y) == 3 && node < n_nodes)
        {
          positions[2 * node] = x;
          positions[2 * node + 1] = y;
          n_found++;
        }
    }
  if (n_found != n_nodes)
    g_error ("sfdp gave positions for %u nodes of %u", n_found, n_nodes);

  return positions;
}

static gboolean
run_sfdp (const char  *sfdp,
          const Graph *graph,
          Result      *result)
{
  g_autofree char *dot_path = write_dot (graph);
  g_autofree char *plain_path = g_strconcat (dot_path, ".plain", NULL);
  g_autofree char *plain = NULL;
  g_autofree double *positions = NULL;
  double times[SFDP_ROUNDS];

  for (guint round = 0; round < SFDP_ROUNDS; round++)
    {
      g_autoptr(GError) error = NULL;
      const char *argv[] = { sfdp, "-Tplain", "-o", plain_path, dot_path, NULL };
      int status;
      double t = now_ms ();

      if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                         NULL, NULL, &status, &error) ||
          !g_spawn_check_wait_status (status, &error))
        {
          g_printerr ("sfdp failed: %s\n", error->message);
          g_unlink (dot_path);
          return FALSE;
        }
      times[round] = now_ms () - t;
    }
  result->time_ms = median (times, SFDP_ROUNDS, &result->min_ms, &result->max_ms);

  if (!g_file_get_contents (plain_path, &plain, NULL, NULL))
    g_error ("sfdp wrote no output");
  positions = parse_plain (plain, graph->n_nodes);
  measure_quality (graph, positions, result);

  g_unlink (dot_path);
  g_unlink (plain_path);
  return TRUE;
}

static const char *
verdict (gboolean met)
{
  return met ? "met" : "MISSED";
}

static void
print_graph (const Graph  *graph,
             const Result *mine,
             const Result *theirs,
             const Steps  *steps,
             gboolean      have_sfdp)
{
  g_print ("\n%s graph: %u nodes, %u edges\n", graph->name, graph->n_nodes, graph->edges->len / 2);
  g_print ("  %-26s %12s %12s   %-26s %s\n", "", "Dramatis", have_sfdp ? "sfdp" : "", "target", "");
  g_print ("  %-26s %12.0f %12.0f   %-26s %s\n", "full layout (ms, median)", mine->time_ms,
           have_sfdp ? theirs->time_ms : NAN, "<= 0.5 × sfdp",
           have_sfdp ? verdict (mine->time_ms <= 0.5 * theirs->time_ms) : "");
  if (have_sfdp)
    g_print ("  %-26s %12.3f %12s   %-26s %s\n", "time ratio", mine->time_ms / theirs->time_ms, "",
             "<= 0.5", verdict (mine->time_ms <= 0.5 * theirs->time_ms));
  g_print ("  %-26s %12.4f %12.4f   %-26s %s\n", "stress", mine->stress,
           have_sfdp ? theirs->stress : NAN, "stress <= sfdp's",
           have_sfdp ? verdict (mine->stress <= theirs->stress) : "");
  if (graph->communities != NULL)
    {
      g_print ("  %-26s %12.3f %12.3f   %-26s %s\n", "community: 10-NN same", mine->neighbours,
               have_sfdp ? theirs->neighbours : NAN, "community >= sfdp's",
               have_sfdp ? verdict (mine->neighbours >= theirs->neighbours) : "");
      g_print ("  %-26s %12.3f %12.3f   %-26s %s\n", "community: silhouette", mine->silhouette,
               have_sfdp ? theirs->silhouette : NAN, "community >= sfdp's",
               have_sfdp ? verdict (mine->silhouette >= theirs->silhouette) : "");
    }
  g_print ("  %-26s %12.2f %12s   %-26s %s\n", "animation step, max (ms)", steps->max_ms, "",
           "step <= 8 ms", verdict (steps->max_ms <= 8.0));
  g_print ("  %-26s %12s\n", "", "(each step: fastest of 3 rounds)");
  g_print ("  %-26s %12.2f\n", "animation step, median", steps->median_ms);
  g_print ("  %-26s %12u\n", "steps to settle", steps->n_steps);
  g_print ("  %-26s %12.0f\n", "start (ms), before steps", steps->start_ms);
  g_print ("  Dramatis: median of %d runs (%.0f–%.0f ms)", ROUNDS, mine->min_ms, mine->max_ms);
  if (have_sfdp)
    g_print ("; sfdp: median of %d runs (%.0f–%.0f ms)",
             SFDP_ROUNDS, theirs->min_ms, theirs->max_ms);
  g_print ("\n");
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *sfdp = NULL;
  Graph graphs[2];
  guint n_nodes = N_NODES;

  setlocale (LC_ALL, "");

  if (argc == 2 && strcmp (argv[1], "--small") == 0)
    {
      /* A quick run, for checking the benchmark itself. */
      n_nodes /= 10;
      g_print ("--small: the targets are set for graphs of %u nodes, not these.\n", N_NODES);
    }

  sfdp = g_find_program_in_path ("sfdp");
  if (sfdp == NULL)
    g_print ("sfdp (Graphviz) is not installed: only Dramatis's own numbers follow.\n");

  make_barabasi_albert (&graphs[0], n_nodes, 1);
  make_clustered (&graphs[1], n_nodes, 2);

  for (guint g = 0; g < G_N_ELEMENTS (graphs); g++)
    {
      Result mine, theirs = { 0 };
      Steps steps;
      gboolean have_sfdp;

      run_dramatis (&graphs[g], &mine, &steps);
      have_sfdp = sfdp != NULL && run_sfdp (sfdp, &graphs[g], &theirs);
      print_graph (&graphs[g], &mine, &theirs, &steps, have_sfdp);
      graph_clear (&graphs[g]);
    }

  return 0;
}
