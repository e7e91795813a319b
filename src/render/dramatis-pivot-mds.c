/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "dramatis-graph-layout"

#include "config.h"

#include <math.h>
#include <string.h>

#include "dramatis-graph-layout-private.h"

/* The first placement of a component, before any stress step: PivotMDS on
 * the distances to its first landmarks, turned to fit the positions given
 * in the component, if any.
 */

#define N_MDS_PIVOTS        50

/* The two leading eigenvectors of the symmetric k × k matrix @m, by power
 * iteration.  Their signs depend on the random start, which is one of the
 * ways the seed changes the drawing.
 */
static void
leading_eigenvectors (const double *m,
                      guint         k,
                      GRand        *rand,
                      double       *v1,
                      double       *v2)
{
  g_autofree double *w = g_new (double, k);
  double first_norm = 0;

  for (guint e = 0; e < 2; e++)
    {
      double *v = e == 0 ? v1 : v2;

      for (guint p = 0; p < k; p++)
        v[p] = g_rand_double_range (rand, -1.0, 1.0);

      for (guint iteration = 0; iteration < 300; iteration++)
        {
          double norm = 0.0, change = 0.0;

          for (guint p = 0; p < k; p++)
            {
              double sum = 0.0;

              for (guint q = 0; q < k; q++)
                sum += m[p * k + q] * v[q];
              w[p] = sum;
            }

          if (e == 1)
            {
              double dot = 0.0;

              for (guint p = 0; p < k; p++)
                dot += w[p] * v1[p];
              for (guint p = 0; p < k; p++)
                w[p] -= dot * v1[p];
            }

          for (guint p = 0; p < k; p++)
            norm += w[p] * w[p];
          norm = sqrt (norm);
          if (e == 0)
            first_norm = norm;
          /* A component that lies on a line has no second direction, only
           * rounding errors that would tilt the line.
           */
          if (e == 1 && norm <= 1e-9 * first_norm)
            {
              memset (v, 0, k * sizeof (double));
              break;
            }
          if (norm < 1e-300)
            break;

          for (guint p = 0; p < k; p++)
            {
              w[p] /= norm;
              change += fabs (w[p] - v[p]);
              v[p] = w[p];
            }
          if (change < 1e-9 * k)
            break;
        }
    }
}

/* PivotMDS: classical scaling of the distances to the first landmarks,
 * double-centred, projected on the two leading directions and scaled to
 * fit the distances.  Writes @xs and @ys by local index.
 */
void
dramatis_pivot_mds_place (DramatisGraphLayout *self,
                          const Component     *c,
                          double              *xs,
                          double              *ys)
{
  const guint *nodes = self->order + c->first;
  guint n = c->n_nodes, k = MIN (c->n_landmarks, N_MDS_PIVOTS), stride = c->n_landmarks;
  g_autofree double *cm = g_new (double, (gsize) k * n);
  g_autofree double *m = g_new (double, (gsize) k * k);
  g_autofree double *row_mean = g_new0 (double, n);
  g_autofree double *column_mean = g_new0 (double, k);
  g_autofree double *v1 = g_new (double, k);
  g_autofree double *v2 = g_new (double, k);
  double grand_mean = 0, fit_num = 0, fit_den = 0, scale;

  /* Squared distances, shortened inside communities as the stress terms
   * will be.
   */
  for (guint p = 0; p < k; p++)
    for (guint i = 0; i < n; i++)
      {
        double d = target_length (self, nodes[i], c->landmarks[p],
                                  c->distances[(gsize) i * stride + p]) / self->edge_length;

        cm[(gsize) p * n + i] = d * d;
        row_mean[i] += d * d / k;
        column_mean[p] += d * d / n;
      }
  for (guint p = 0; p < k; p++)
    grand_mean += column_mean[p] / k;
  for (guint p = 0; p < k; p++)
    for (guint i = 0; i < n; i++)
      {
        double *value = &cm[(gsize) p * n + i];

        *value = -0.5 * (*value - row_mean[i] - column_mean[p] + grand_mean);
      }

  for (guint p = 0; p < k; p++)
    for (guint q = p; q < k; q++)
      {
        const double *a = cm + (gsize) p * n, *b = cm + (gsize) q * n;
        double sum = 0.0;

        for (guint i = 0; i < n; i++)
          sum += a[i] * b[i];
        m[p * k + q] = m[q * k + p] = sum;
      }
  leading_eigenvectors (m, k, self->rand, v1, v2);

  for (guint i = 0; i < n; i++)
    xs[i] = ys[i] = 0;
  for (guint p = 0; p < k; p++)
    {
      const double *row = cm + (gsize) p * n;

      for (guint i = 0; i < n; i++)
        {
          xs[i] += row[i] * v1[p];
          ys[i] += row[i] * v2[p];
        }
    }

  /* The scale that fits the distances to the pivots best. */
  for (guint i = 0; i < n; i++)
    for (guint p = 0; p < k; p++)
      {
        guint j = self->local[c->landmarks[p]];
        double d = c->distances[(gsize) i * stride + p];
        double dist = sqrt ((xs[i] - xs[j]) * (xs[i] - xs[j]) + (ys[i] - ys[j]) * (ys[i] - ys[j]));

        if (d == 0)
          continue;
        fit_num += dist * target_length (self, nodes[i], c->landmarks[p], d) / (d * d);
        fit_den += dist * dist / (d * d);
      }
  scale = fit_den > 0 ? fit_num / fit_den : self->edge_length;

  /* A little seeded noise separates nodes that PivotMDS puts on top of
   * each other, like the leaves of a star.
   */
  for (guint i = 0; i < n; i++)
    {
      xs[i] = xs[i] * scale + g_rand_double_range (self->rand, -0.05, 0.05) * self->edge_length;
      ys[i] = ys[i] * scale + g_rand_double_range (self->rand, -0.05, 0.05) * self->edge_length;
    }
}

/* Rotates (and maybe mirrors) a component so that the nodes whose positions
 * were given land as near those as a rigid motion allows: orthogonal
 * Procrustes in the plane.  The given nodes then keep their own positions.
 */
void
dramatis_pivot_mds_align_to_given (DramatisGraphLayout *self,
                                   const Component     *c,
                                   const double        *xs,
                                   const double        *ys)
{
  const guint *nodes = self->order + c->first;
  double ax = 0, ay = 0, bx = 0, by = 0;
  double sxx = 0, sxy = 0, syx = 0, syy = 0;
  double best_cos = 1, best_sin = 0, best_mirror = 1, best_fit = -G_MAXDOUBLE;
  guint n_given = 0;

  for (guint i = 0; i < c->n_nodes; i++)
    if (self->flags[nodes[i]] & NODE_HAS_POSITION)
      {
        ax += xs[i];
        ay += ys[i];
        bx += self->positions[2 * nodes[i]];
        by += self->positions[2 * nodes[i] + 1];
        n_given++;
      }
  g_assert (n_given > 0);
  ax /= n_given;
  ay /= n_given;
  bx /= n_given;
  by /= n_given;

  for (guint i = 0; i < c->n_nodes; i++)
    if (self->flags[nodes[i]] & NODE_HAS_POSITION)
      {
        double px = xs[i] - ax, py = ys[i] - ay;
        double qx = self->positions[2 * nodes[i]] - bx, qy = self->positions[2 * nodes[i] + 1] - by;

        sxx += px * qx;
        sxy += px * qy;
        syx += py * qx;
        syy += py * qy;
      }

  /* The best rotation of (x, y), and of its mirror image (x, -y). */
  for (int mirror = 1; mirror >= -1; mirror -= 2)
    {
      double angle = atan2 (sxy - mirror * syx, sxx + mirror * syy);
      double cs = cos (angle), sn = sin (angle);
      double fit = cs * (sxx + mirror * syy) + sn * (sxy - mirror * syx);

      if (fit > best_fit + 1e-9)
        {
          best_fit = fit;
          best_cos = cs;
          best_sin = sn;
          best_mirror = mirror;
        }
    }

  for (guint i = 0; i < c->n_nodes; i++)
    {
      guint v = nodes[i];
      double px = xs[i] - ax, py = best_mirror * (ys[i] - ay);

      if (self->flags[v] & NODE_HAS_POSITION)
        continue;
      self->positions[2 * v] = bx + best_cos * px - best_sin * py;
      self->positions[2 * v + 1] = by + best_sin * px + best_cos * py;
    }
}
