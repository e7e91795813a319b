/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "dramatis-graph-layout"

#include "config.h"

#include <stdlib.h>

#include "dramatis-graph-layout-private.h"

/* Communities of the graph, by Louvain (Blondel et al., 2008): the layout
 * asks for shorter distances inside them when they are clear, as the top of
 * dramatis-graph-layout.c explains.
 */

/* One level of Louvain: nodes move to the neighbouring community that
 * gains the most modularity until none does.  The graph is given with
 * weighted, symmetric adjacency lists, loops included, and @degree holds
 * each node's weighted degree.  Nodes start alone, or if @resume, in the
 * communities @membership gives.  Returns how many communities there are,
 * numbered from 0 in @membership.
 */
static guint
louvain_move (guint         n,
              const guint  *offsets,
              const guint  *targets,
              const double *weights,
              const double *degree,
              double        total,
              gboolean      resume,
              GRand        *rand,
              guint        *membership)
{
  g_autofree double *community_degree = g_new (double, n);
  g_autofree double *to_community = g_new (double, n);
  g_autofree guint *touched = g_new (guint, n);
  g_autofree guint *order = g_new (guint, n);
  g_autofree guint *renumber = g_new (guint, n);
  guint n_communities = 0;

  for (guint i = 0; i < n; i++)
    {
      if (!resume)
        membership[i] = i;
      community_degree[i] = 0;
      to_community[i] = -1;
      order[i] = i;
    }
  for (guint i = 0; i < n; i++)
    community_degree[membership[i]] += degree[i];
  dramatis_graph_layout_shuffle_uints (rand, order, n);

  for (guint pass = 0; pass < 32; pass++)
    {
      guint n_moves = 0;

      for (guint k = 0; k < n; k++)
        {
          guint i = order[k], own = membership[i], best = own, n_touched = 0;
          double best_gain;

          for (guint e = offsets[i]; e < offsets[i + 1]; e++)
            {
              guint c = membership[targets[e]];

              if (targets[e] == i)
                continue;
              if (to_community[c] < 0)
                {
                  to_community[c] = 0;
                  touched[n_touched++] = c;
                }
              to_community[c] += weights[e];
            }

          /* The gain of joining c, up to a factor common to all c. */
          community_degree[own] -= degree[i];
          best_gain = MAX (to_community[own], 0) - community_degree[own] * degree[i] / total;
          for (guint t = 0; t < n_touched; t++)
            {
              guint c = touched[t];
              double gain = to_community[c] - community_degree[c] * degree[i] / total;

              if (gain > best_gain + 1e-12)
                {
                  best_gain = gain;
                  best = c;
                }
            }
          community_degree[best] += degree[i];
          if (best != own)
            {
              membership[i] = best;
              n_moves++;
            }

          for (guint t = 0; t < n_touched; t++)
            to_community[touched[t]] = -1;
        }

      if (n_moves == 0)
        break;
    }

  for (guint i = 0; i < n; i++)
    renumber[i] = G_MAXUINT;
  for (guint i = 0; i < n; i++)
    {
      if (renumber[membership[i]] == G_MAXUINT)
        renumber[membership[i]] = n_communities++;
      membership[i] = renumber[membership[i]];
    }

  return n_communities;
}

/* Finds communities by Louvain, level after level, and returns the
 * modularity of the partition, from 0 (no better than chance) towards 1.
 */
double
dramatis_communities_find (DramatisGraphLayout *self,
                           guint               *community)
{
  guint n = self->n_nodes;
  guint level_n = n;
  g_autofree guint *offsets = g_memdup2 (self->offsets, (n + 1) * sizeof (guint));
  g_autofree guint *targets = g_memdup2 (self->adjacency,
                                         MAX (self->offsets[n], 1) * sizeof (guint));
  g_autofree double *weights = g_new (double, MAX (self->offsets[n], 1));
  g_autofree double *degree = g_new0 (double, n);
  g_autofree guint *membership = g_new (guint, n);
  double total = self->offsets[n], inside = 0, modularity = 0;

  for (guint i = 0; i < n; i++)
    community[i] = i;
  if (total == 0)
    return 0;

  for (guint e = 0; e < self->offsets[n]; e++)
    weights[e] = 1;
  for (guint i = 0; i < n; i++)
    degree[i] = self->offsets[i + 1] - self->offsets[i];

  for (;;)
    {
      guint n_communities = louvain_move (level_n, offsets, targets, weights, degree, total,
                                          FALSE, self->rand, membership);
      g_autofree guint *new_offsets = NULL;
      g_autofree guint *members = NULL;
      g_autofree guint *member_offsets = NULL;
      g_autofree double *to_community = NULL;
      g_autofree guint *touched = NULL;
      g_autofree double *new_degree = NULL;
      GArray *new_targets, *new_weights;

      for (guint i = 0; i < n; i++)
        community[i] = membership[community[i]];
      if (n_communities == level_n)
        break;

      /* The communities become the nodes of the next level, with the
       * edges between them summed and those inside as loops.
       */
      member_offsets = g_new0 (guint, n_communities + 1);
      members = g_new (guint, level_n);
      for (guint i = 0; i < level_n; i++)
        member_offsets[membership[i] + 1]++;
      for (guint c = 0; c < n_communities; c++)
        member_offsets[c + 1] += member_offsets[c];
      {
        g_autofree guint *fill = g_memdup2 (member_offsets, n_communities * sizeof (guint));

        for (guint i = 0; i < level_n; i++)
          members[fill[membership[i]]++] = i;
      }

      new_offsets = g_new (guint, n_communities + 1);
      new_degree = g_new0 (double, n_communities);
      new_targets = g_array_new (FALSE, FALSE, sizeof (guint));
      new_weights = g_array_new (FALSE, FALSE, sizeof (double));
      to_community = g_new (double, n_communities);
      touched = g_new (guint, n_communities);
      for (guint c = 0; c < n_communities; c++)
        to_community[c] = -1;

      new_offsets[0] = 0;
      for (guint c = 0; c < n_communities; c++)
        {
          guint n_touched = 0;

          for (guint m = member_offsets[c]; m < member_offsets[c + 1]; m++)
            {
              guint i = members[m];

              new_degree[c] += degree[i];
              for (guint e = offsets[i]; e < offsets[i + 1]; e++)
                {
                  guint other = membership[targets[e]];

                  if (to_community[other] < 0)
                    {
                      to_community[other] = 0;
                      touched[n_touched++] = other;
                    }
                  to_community[other] += weights[e];
                }
            }
          qsort (touched, n_touched, sizeof (guint), dramatis_graph_layout_compare_uints);
          for (guint t = 0; t < n_touched; t++)
            {
              g_array_append_val (new_targets, touched[t]);
              g_array_append_val (new_weights, to_community[touched[t]]);
              to_community[touched[t]] = -1;
            }
          new_offsets[c + 1] = new_targets->len;
        }

      g_free (offsets);
      g_free (targets);
      g_free (weights);
      g_free (degree);
      offsets = g_steal_pointer (&new_offsets);
      targets = (guint *) g_array_free (new_targets, FALSE);
      weights = (double *) g_array_free (new_weights, FALSE);
      degree = g_steal_pointer (&new_degree);
      level_n = n_communities;
    }

  /* A last round of moves of single nodes: the coarse levels move whole
   * groups, and carry some nodes into a community they fit worse.
   */
  {
    g_autofree double *weights0 = g_new (double, MAX (self->offsets[n], 1));
    g_autofree double *degree0 = g_new (double, MAX (n, 1));

    for (guint e = 0; e < self->offsets[n]; e++)
      weights0[e] = 1;
    for (guint i = 0; i < n; i++)
      degree0[i] = self->offsets[i + 1] - self->offsets[i];
    louvain_move (n, self->offsets, self->adjacency, weights0, degree0, total, TRUE,
                  self->rand, community);
  }

  /* Modularity: the share of edge ends inside communities, less what a
   * random graph with the same degrees would have there.
   */
  {
    g_autofree double *community_degree = g_new0 (double, n);

    for (guint i = 0; i < n; i++)
      {
        community_degree[community[i]] += self->offsets[i + 1] - self->offsets[i];
        for (guint e = self->offsets[i]; e < self->offsets[i + 1]; e++)
          if (community[self->adjacency[e]] == community[i])
            inside++;
      }
    modularity = inside / total;
    for (guint c = 0; c < n; c++)
      modularity -= (community_degree[c] / total) * (community_degree[c] / total);
  }

  return modularity;
}
