/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "dramatis-network"

#include "config.h"

#include <math.h>
#include <string.h>

#include "dramatis-network-private.h"

/* The geometry of the arcs: a quadratic Bézier curve for each relation,
 * apart from the others between the same two actors, or a loop for a
 * relation of an actor with itself, as polylines in world units.
 */

void
dramatis_network_actor_position (DramatisNetwork *self,
                                 guint            actor,
                                 double          *x,
                                 double          *y)
{
  *x = self->xy[2 * actor];
  *y = self->xy[2 * actor + 1];
}

/* The control point of the quadratic Bézier arc of @edge.  The normal is
 * taken from the actor with the lower index to the other, so that
 * relations in both directions between two actors share one frame and
 * their offsets keep them apart.
 */
static void
edge_control_point (DramatisNetwork *self,
                    const Edge      *edge,
                    double          *cx,
                    double          *cy)
{
  guint lo = MIN (edge->from, edge->to);
  guint hi = MAX (edge->from, edge->to);
  double px, py, qx, qy, dx, dy, length;

  dramatis_network_actor_position (self, lo, &px, &py);
  dramatis_network_actor_position (self, hi, &qx, &qy);
  dx = qx - px;
  dy = qy - py;
  length = dramatis_network_distance (dx, dy);
  if (length < 1e-9)
    {
      dx = 1;
      dy = 0;
      length = 1;
    }

  *cx = (px + qx) / 2 - dy / length * 2 * edge->offset;
  *cy = (py + qy) / 2 + dx / length * 2 * edge->offset;
}

/* The loop of a relation of an actor with itself: a circle that rises
 * from the top of its glyph.
 */
static void
edge_loop_circle (DramatisNetwork *self,
                  const Edge      *edge,
                  double          *cx,
                  double          *cy,
                  double          *radius)
{
  dramatis_network_actor_position (self, edge->from, cx, cy);
  *radius = edge->offset;
  *cy -= self->radius[edge->from] * 0.6 + edge->offset;
}

/* The arc of @edge as a polyline in world units, @n_segments long if it
 * is curved.  Returns the number of points.
 */
guint
dramatis_network_edge_world_points (DramatisNetwork *self,
                                    const Edge      *edge,
                                    guint            n_segments,
                                    double          *points)
{
  double ax, ay, bx, by;

  n_segments = CLAMP (n_segments, 1, MAX_POINTS - 1);
  dramatis_network_actor_position (self, edge->from, &ax, &ay);
  dramatis_network_actor_position (self, edge->to, &bx, &by);

  if (edge->from == edge->to)
    {
      double cx, cy, r;

      edge_loop_circle (self, edge, &cx, &cy, &r);
      n_segments = MAX (n_segments, 8);
      for (guint i = 0; i <= n_segments; i++)
        {
          double angle = G_PI / 2 + 2 * G_PI * i / n_segments;

          points[2 * i] = cx + r * cos (angle);
          points[2 * i + 1] = cy + r * sin (angle);
        }
      return n_segments + 1;
    }

  if (edge->offset == 0)
    {
      points[0] = ax;
      points[1] = ay;
      points[2] = bx;
      points[3] = by;
      return 2;
    }
  else
    {
      double cx, cy;

      edge_control_point (self, edge, &cx, &cy);
      for (guint i = 0; i <= n_segments; i++)
        {
          double t = (double) i / n_segments;
          double u = 1 - t;

          points[2 * i] = u * u * ax + 2 * u * t * cx + t * t * bx;
          points[2 * i + 1] = u * u * ay + 2 * u * t * cy + t * t * by;
        }
      return n_segments + 1;
    }
}

void
dramatis_network_edge_world_midpoint (DramatisNetwork *self,
                                      const Edge      *edge,
                                      double          *x,
                                      double          *y)
{
  double ax, ay, bx, by, cx, cy, r;

  if (edge->from == edge->to)
    {
      edge_loop_circle (self, edge, &cx, &cy, &r);
      *x = cx;
      *y = cy - r;
      return;
    }

  dramatis_network_actor_position (self, edge->from, &ax, &ay);
  dramatis_network_actor_position (self, edge->to, &bx, &by);
  if (edge->offset == 0)
    {
      cx = (ax + bx) / 2;
      cy = (ay + by) / 2;
    }
  else
    edge_control_point (self, edge, &cx, &cy);

  *x = 0.25 * ax + 0.5 * cx + 0.25 * bx;
  *y = 0.25 * ay + 0.5 * cy + 0.25 * by;
}

/* How many segments an arc needs to look smooth at @scale pixels per
 * world unit.
 */
guint
dramatis_network_edge_segments (DramatisNetwork *self,
                                const Edge      *edge,
                                double           scale)
{
  double ax, ay, bx, by;

  if (edge->from == edge->to)
    return CLAMP ((guint) (2 * G_PI * edge->offset * scale / 6), 8, MAX_POINTS - 1);
  if (edge->offset == 0)
    return 1;

  dramatis_network_actor_position (self, edge->from, &ax, &ay);
  dramatis_network_actor_position (self, edge->to, &bx, &by);
  return CLAMP ((guint) (dramatis_network_distance (bx - ax, by - ay) * scale / 8), 4, 32);
}

double
dramatis_network_polyline_length (const double *points,
                                  guint         n_points)
{
  double length = 0;

  for (guint i = 1; i < n_points; i++)
    length += dramatis_network_distance (points[2 * i] - points[2 * i - 2],
                                         points[2 * i + 1] - points[2 * i - 1]);
  return length;
}

/* The point @s along the polyline, and the direction there. */
void
dramatis_network_polyline_point_at (const double *points,
                                    guint         n_points,
                                    double        s,
                                    double       *x,
                                    double       *y,
                                    double       *dx,
                                    double       *dy)
{
  for (guint i = 1; i < n_points; i++)
    {
      double sx = points[2 * i] - points[2 * i - 2];
      double sy = points[2 * i + 1] - points[2 * i - 1];
      double length = dramatis_network_distance (sx, sy);

      if (s <= length || i == n_points - 1)
        {
          double t = length > 0 ? CLAMP (s / length, 0, 1) : 0;

          *x = points[2 * i - 2] + t * sx;
          *y = points[2 * i - 1] + t * sy;
          *dx = length > 0 ? sx / length : 1;
          *dy = length > 0 ? sy / length : 0;
          return;
        }
      s -= length;
    }

  *x = points[0];
  *y = points[1];
  *dx = 1;
  *dy = 0;
}

/* Keeps the part of the polyline from @start to @end along it, in place. */
guint
dramatis_network_polyline_cut (double *points,
                               guint   n_points,
                               double  start,
                               double  end)
{
  double out[2 * MAX_POINTS];
  guint n = 0;
  double s = 0, dx, dy;

  dramatis_network_polyline_point_at (points, n_points, start, &out[0], &out[1], &dx, &dy);
  n = 1;
  for (guint i = 1; i < n_points; i++)
    {
      s += dramatis_network_distance (points[2 * i] - points[2 * i - 2],
                                      points[2 * i + 1] - points[2 * i - 1]);
      if (s > start && s < end && i < n_points - 1)
        {
          out[2 * n] = points[2 * i];
          out[2 * n + 1] = points[2 * i + 1];
          n++;
        }
    }
  dramatis_network_polyline_point_at (points, n_points, end, &out[2 * n], &out[2 * n + 1],
                                      &dx, &dy);
  n++;

  memcpy (points, out, sizeof (double) * 2 * n);
  return n;
}
