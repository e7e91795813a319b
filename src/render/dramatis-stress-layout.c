/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "dramatis-graph-layout"

#include "config.h"

#include <math.h>
#include <string.h>

#include "dramatis-graph-layout-private.h"

/* Stress minimisation against landmarks: the breadth-first searches that
 * give each node its distances to the landmarks, the epochs that lay the
 * landmarks out among themselves, and the steps of the sweeps that place
 * every other node against them.  The method as a whole is described at
 * the top of dramatis-graph-layout.c.
 */

/* Landmark searches done together, whose rows stay in the cache. */
#define BFS_BLOCK           32
/* Newton steps are damped towards majorization by this share. */
#define NEWTON_DAMPING      0.05

/* Breadth-first search from @source over one component, given by its
 * adjacency lists in local indices, filling @row (G_MAXUINT16 on entry)
 * with the distances.  @queue has room for the component.
 */
static void
bfs (const guint *offsets,
     const guint *adjacency,
     guint        source,
     guint16     *row,
     guint       *queue)
{
  guint head = 0, tail = 0;

  row[source] = 0;
  queue[tail++] = source;
  while (head < tail)
    {
      guint v = queue[head++];
      guint16 next = MIN (row[v] + 1u, G_MAXUINT16 - 1u);

      for (guint e = offsets[v]; e < offsets[v + 1]; e++)
        {
          guint w = adjacency[e];

          if (row[w] == G_MAXUINT16)
            {
              row[w] = next;
              queue[tail++] = w;
            }
        }
    }
}

void
dramatis_stress_layout_fill_terms (DramatisGraphLayout *self,
                                   Component           *c)
{
  for (guint d = 1; d <= c->farthest; d++)
    {
      double w = c->weight / ((double) d * d), length = d * self->edge_length;

      c->terms[4 * d] = w;
      c->terms[4 * d + 1] = w * self->community_weight;
      c->terms[4 * d + 2] = length;
      c->terms[4 * d + 3] = length * self->community_length;
    }
}

/* Landmarks, their distances, and a first placement of one component. */
void
dramatis_stress_layout_prepare_component (DramatisGraphLayout *self,
                                          Component           *c,
                                          guint               *queue)
{
  const guint *nodes = self->order + c->first;
  guint n = c->n_nodes, k = MIN (n, N_LANDMARKS);
  g_autofree guint *picked = g_memdup2 (nodes, n * sizeof (guint));
  g_autofree double *xs = g_new (double, n);
  g_autofree double *ys = g_new (double, n);
  g_autofree guint16 *block = NULL;
  g_autofree guint *local_offsets = NULL;
  g_autofree guint *local_adjacency = NULL;

  /* A random sample stands for all pairs best; its order also picks the
   * pivots of PivotMDS.
   */
  dramatis_graph_layout_shuffle_uints (self->rand, picked, n);
  c->n_landmarks = k;
  c->landmarks = g_memdup2 (picked, k * sizeof (guint));
  c->weight = (double) n / k;
  /* Adjacency lists in local indices, so that searches stay within arrays
   * the size of the component.
   */
  local_offsets = g_new (guint, n + 1);
  local_offsets[0] = 0;
  for (guint i = 0; i < n; i++)
    local_offsets[i + 1] = local_offsets[i] + self->offsets[nodes[i] + 1] - self->offsets[nodes[i]];
  local_adjacency = g_new (guint, MAX (local_offsets[n], 1));
  for (guint i = 0; i < n; i++)
    for (guint e = self->offsets[nodes[i]]; e < self->offsets[nodes[i] + 1]; e++)
      local_adjacency[local_offsets[i] + e - self->offsets[nodes[i]]] =
        self->local[self->adjacency[e]];

  /* The searches write to a few rows that stay in the cache, which are
   * then turned into columns of the table a block at a time: writing the
   * columns directly misses the cache at every node.
   */
  c->distances = g_new (guint16, (gsize) n * k);
  block = g_new (guint16, (gsize) BFS_BLOCK * n);
  for (guint first = 0; first < k; first += BFS_BLOCK)
    {
      guint width = MIN (BFS_BLOCK, k - first);

      memset (block, 0xff, (gsize) width * n * sizeof (guint16));
      for (guint q = 0; q < width; q++)
        {
          self->flags[c->landmarks[first + q]] |= NODE_LANDMARK;
          bfs (local_offsets, local_adjacency, self->local[c->landmarks[first + q]],
               block + (gsize) q * n, queue);
        }
      for (guint i = 0; i < n; i++)
        for (guint q = 0; q < width; q++)
          {
            guint16 d = block[(gsize) q * n + i];

            c->distances[(gsize) i * k + first + q] = d;
            c->farthest = MAX (c->farthest, d);
          }
    }
  for (guint p = 0; p < k; p++)
    {
      const guint16 *row = c->distances + (gsize) self->local[c->landmarks[p]] * k;

      for (guint q = 0; q < k; q++)
        c->max_distance = MAX (c->max_distance, row[q]);
    }

  c->landmark_x = g_new (float, k);
  c->landmark_y = g_new (float, k);
  c->landmark_community = g_new (guint, k);
  for (guint p = 0; p < k; p++)
    c->landmark_community[p] = self->community[c->landmarks[p]];
  c->terms = g_new0 (float, 4 * ((gsize) c->farthest + 1));
  dramatis_stress_layout_fill_terms (self, c);

  c->n_pairs = k * (k - 1) / 2;
  c->pairs = g_new (guint32, MAX (c->n_pairs, 1));
  for (guint a = 0, t = 0; a < k; a++)
    for (guint b = a + 1; b < k; b++)
      c->pairs[t++] = a << 16 | b;

  if (c->all_given)
    return;

  dramatis_pivot_mds_place (self, c, xs, ys);
  if (c->anchored)
    dramatis_pivot_mds_align_to_given (self, c, xs, ys);
  else
    for (guint i = 0; i < n; i++)
      {
        self->positions[2 * nodes[i]] = xs[i];
        self->positions[2 * nodes[i] + 1] = ys[i];
      }
}

/* A direction that depends only on the pair and the seed, for two nodes
 * that sit exactly on top of each other.
 */
static void
pair_direction (guint32  seed,
                guint    i,
                guint    j,
                double  *dx,
                double  *dy)
{
  guint32 h = seed ^ (i * 2654435761u) ^ (j * 2246822519u);
  double angle;

  h ^= h >> 16;
  h *= 0x7feb352d;
  h ^= h >> 15;
  angle = h / 4294967296.0 * 2 * G_PI;
  *dx = cos (angle);
  *dy = sin (angle);
}

/* One epoch of stochastic gradient descent on the stress between the
 * landmarks of every component: each pair in random order moves towards its
 * length by a share that shrinks from epoch to epoch.
 */
void
dramatis_stress_layout_landmark_epoch (DramatisGraphLayout *self)
{
  double *pos = self->positions;

  for (guint ci = 0; ci < self->n_components; ci++)
    {
      Component *c = &self->components[ci];
      double eta_max, eta_min = 0.01, eta;

      if (c->all_given || c->n_landmarks < 2)
        continue;

      /* Zheng et al.: from 1 / (smallest weight) to 0.01 / (largest). */
      eta_max = MIN ((double) c->max_distance * c->max_distance, 100);
      eta = eta_max * exp (log (eta_min / eta_max) * self->epoch / (N_EPOCHS - 1));

      dramatis_graph_layout_shuffle_uints (self->rand, c->pairs, c->n_pairs);
      for (guint t = 0; t < c->n_pairs; t++)
        {
          guint a = c->pairs[t] >> 16, b = c->pairs[t] & 0xffff;
          guint i = c->landmarks[a], j = c->landmarks[b];
          double d = c->distances[(gsize) self->local[i] * c->n_landmarks + b];
          double length = target_length (self, i, j, d);
          double w = self->community[i] == self->community[j] ? self->community_weight : 1.0;
          double mu = MIN (eta * w / (d * d), 1.0);
          double dx = pos[2 * i] - pos[2 * j], dy = pos[2 * i + 1] - pos[2 * j + 1];
          double dist = sqrt (dx * dx + dy * dy), share_i, r;
          gboolean pin_i = self->flags[i] & NODE_PINNED, pin_j = self->flags[j] & NODE_PINNED;

          if (pin_i && pin_j)
            continue;
          if (G_UNLIKELY (dist < 1e-9))
            {
              pair_direction (self->seed, i, j, &dx, &dy);
              dist = 1.0;
            }
          share_i = pin_i ? 0.0 : pin_j ? 1.0 : 0.5;
          r = mu * (dist - length) / dist;
          pos[2 * i] -= share_i * r * dx;
          pos[2 * i + 1] -= share_i * r * dy;
          pos[2 * j] += (1 - share_i) * r * dx;
          pos[2 * j + 1] += (1 - share_i) * r * dy;
        }
    }
}

void
dramatis_stress_layout_gather_landmarks (DramatisGraphLayout *self,
                                         Component           *c)
{
  for (guint p = 0; p < c->n_landmarks; p++)
    {
      c->landmark_x[p] = self->positions[2 * c->landmarks[p]];
      c->landmark_y[p] = self->positions[2 * c->landmarks[p] + 1];
    }
}

/* The stress of node @i against the landmarks of @c, were it at (x, y). */
static double
node_stress (DramatisGraphLayout *self,
             const Component     *c,
             guint                i,
             float                x,
             float                y)
{
  const guint16 *row = c->distances + (gsize) self->local[i] * c->n_landmarks;
  guint own = self->community[i];
  float stress = 0;

  for (guint p = 0; p < c->n_landmarks; p++)
    {
      const float *term = c->terms + 4 * row[p];
      guint inside = c->landmark_community[p] == own;
      float dx = x - c->landmark_x[p], dy = y - c->landmark_y[p];
      float error = sqrtf (dx * dx + dy * dy) - term[2 + inside];

      stress += term[inside] * error * error;
    }

  return stress;
}

/* Before its first sweep, a node that is not a landmark may start better
 * near the landmarks closest to it in the graph than where PivotMDS put it,
 * which only saw 50 of them.  Returns the number of terms looked at.
 */
guint
dramatis_stress_layout_choose_start (DramatisGraphLayout *self,
                                     const Component     *c,
                                     guint                i)
{
  const guint16 *row = c->distances + (gsize) self->local[i] * c->n_landmarks;
  float sx = 0, sy = 0, sw = 0, x, y;

  for (guint p = 0; p < c->n_landmarks; p++)
    {
      float w = c->terms[4 * row[p]];

      /* The weight squared: 1 / d⁴ favours the nearest landmarks. */
      sx += w * w * c->landmark_x[p];
      sy += w * w * c->landmark_y[p];
      sw += w * w;
    }
  x = sx / sw + g_rand_double_range (self->rand, -0.1, 0.1) * self->edge_length;
  y = sy / sw + g_rand_double_range (self->rand, -0.1, 0.1) * self->edge_length;

  if (node_stress (self, c, i, x, y) < node_stress (self, c, i, self->positions[2 * i],
                                                    self->positions[2 * i + 1]))
    {
      self->positions[2 * i] = x;
      self->positions[2 * i + 1] = y;
    }

  return 3 * c->n_landmarks;
}

/* Moves node @i to where its terms are best met with every other node held
 * still.  Landmarks, placed together by then, take a step of localized
 * stress majorization, which never raises stress.  The other nodes are
 * placed against still landmarks, nearly independently of each other; a
 * Newton step on their stress converges in a few sweeps where majorization
 * needs dozens, because it also sees the directions along which the terms
 * barely change.  Returns the number of terms.
 */
guint
dramatis_stress_layout_place_node (DramatisGraphLayout *self,
                                   const Component     *c,
                                   guint                i)
{
  const guint16 *row = c->distances + (gsize) self->local[i] * c->n_landmarks;
  const float *lx = c->landmark_x, *ly = c->landmark_y;
  const guint *lc = c->landmark_community;
  double *pos = self->positions;
  guint own = self->community[i];
  float xi = pos[2 * i], yi = pos[2 * i + 1];
  /* With a the weight times length over distance, b that over distance
   * squared: the sums of w, a, (w - a) dx, (w - a) dy, b dx², b dy², b dx dy,
   * which make the gradient and the Hessian of the node's stress.
   */
  float sum_w = 0, sum_a = 0, gx = 0, gy = 0, hxx = 0, hyy = 0, hxy = 0;
  double step_x, step_y, h11, h22, det;

#define ADD_TERM(w, length, dx, dy) \
  G_STMT_START { \
    float dist2_ = (dx) * (dx) + (dy) * (dy); \
    float inverse_ = 1.0f / sqrtf (dist2_); \
    float a_ = (w) * (length) * inverse_; \
    float b_ = a_ * inverse_ * inverse_; \
    sum_w += (w); \
    sum_a += a_; \
    gx += ((w) - a_) * (dx); \
    gy += ((w) - a_) * (dy); \
    hxx += b_ * (dx) * (dx); \
    hyy += b_ * (dy) * (dy); \
    hxy += b_ * (dx) * (dy); \
  } G_STMT_END

  for (guint p = 0; p < c->n_landmarks; p++)
    {
      const float *term = c->terms + 4 * row[p];
      guint inside = lc[p] == own;
      float dx = xi - lx[p], dy = yi - ly[p];

      /* Itself, when it is a landmark. */
      if (term[0] == 0)
        continue;
      if (G_UNLIKELY (dx * dx + dy * dy < 1e-6f))
        {
          double ux, uy;

          pair_direction (self->seed, i, c->landmarks[p], &ux, &uy);
          dx = ux * 1e-3;
          dy = uy * 1e-3;
        }
      ADD_TERM (term[inside], term[2 + inside], dx, dy);
    }

  for (guint e = self->offsets[i]; e < self->offsets[i + 1]; e++)
    {
      guint j = self->adjacency[e];
      float dx = xi - pos[2 * j], dy = yi - pos[2 * j + 1];

      if (G_UNLIKELY (dx * dx + dy * dy < 1e-6f))
        {
          double ux, uy;

          pair_direction (self->seed, i, j, &ux, &uy);
          dx = ux * 1e-3;
          dy = uy * 1e-3;
        }
      ADD_TERM (1.0f, target_length (self, i, j, 1), dx, dy);
    }
#undef ADD_TERM

  /* The majorization step is -gradient / sum_w. */
  step_x = -gx / sum_w;
  step_y = -gy / sum_w;
  h11 = sum_w - sum_a + hxx + NEWTON_DAMPING * sum_w;
  h22 = sum_w - sum_a + hyy + NEWTON_DAMPING * sum_w;
  det = h11 * h22 - (double) hxy * hxy;
  if (!(self->flags[i] & NODE_LANDMARK) && h11 > 0 && det > 1e-9 * h11 * h22)
    {
      double length;

      step_x = -(h22 * gx - hxy * gy) / det;
      step_y = -(h11 * gy - hxy * gx) / det;
      /* Far from a minimum, a Newton step can overshoot. */
      length = sqrt (step_x * step_x + step_y * step_y);
      if (length > self->edge_length)
        {
          step_x *= self->edge_length / length;
          step_y *= self->edge_length / length;
        }
    }

  self->moved += fabs (step_x) + fabs (step_y);
  self->n_moved++;
  pos[2 * i] = xi + step_x;
  pos[2 * i + 1] = yi + step_y;

  return c->n_landmarks + self->offsets[i + 1] - self->offsets[i];
}
