/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "dramatis-network"

#include "config.h"

#include <math.h>

#include "dramatis-network-private.h"

/* A small rasterizer of its own, for raster targets: antialiased lines of
 * any width, dashed or not, hairlines, triangles and stamped images, into
 * an image's pixels.  Cairo takes about a second for the arcs of a large
 * network; this draws them at frame rate.
 */

/* floor() is a call into libm on the x86-64 baseline; this is one
 * instruction, for numbers near the raster.
 */
static inline int
fast_floor (double x)
{
  int i = (int) x;

  return i - (x < i);
}

/* Source over destination, both premultiplied, the source scaled by
 * @coverage out of 256: two channels at a time.
 */
static inline guint32
blend (guint32 dst,
       guint32 src,
       guint   coverage)
{
  guint32 rb, ag, inv;

  if (coverage < 256)
    {
      rb = ((src & 0xff00ff) * coverage >> 8) & 0xff00ff;
      ag = (((src >> 8) & 0xff00ff) * coverage >> 8) & 0xff00ff;
      src = rb | (ag << 8);
    }

  inv = 255 - (src >> 24);
  inv += inv >> 7;
  rb = ((dst & 0xff00ff) * inv >> 8) & 0xff00ff;
  ag = (((dst >> 8) & 0xff00ff) * inv >> 8) & 0xff00ff;

  return src + (rb | (ag << 8));
}

guint32
dramatis_network_pack_color (const DramatisColor *color,
                             double               alpha)
{
  double a = CLAMP (color->alpha * alpha, 0, 1);

  return (guint32) (a * 255 + 0.5) << 24 |
         (guint32) (CLAMP (color->red, 0, 1) * a * 255 + 0.5) << 16 |
         (guint32) (CLAMP (color->green, 0, 1) * a * 255 + 0.5) << 8 |
         (guint32) (CLAMP (color->blue, 0, 1) * a * 255 + 0.5);
}

void
dramatis_network_raster_fill (Raster  *raster,
                              guint32  color)
{
  for (int y = raster->y0; y < raster->y1; y++)
    {
      guint32 *row = raster->pixels + (gsize) y * raster->stride;

      if ((color >> 24) == 0xff)
        for (int x = raster->x0; x < raster->x1; x++)
          row[x] = color;
      else
        for (int x = raster->x0; x < raster->x1; x++)
          row[x] = blend (row[x], color, 256);
    }
}

/* Whether the dash pattern is on at distance @pos along a polyline. */
static inline gboolean
dash_on (const double *dash,
         double        period,
         double        pos)
{
  double q = pos / period;

  return (q - fast_floor (q)) * period < dash[0];
}

/* An antialiased line of any width: at each column (or row, for a steep
 * line) the stroke covers a span of the other axis, and each pixel gets
 * the part of the span it holds.  A @hairline is one pixel a column and
 * not antialiased, for arcs so many that they are drawn faint anyway.
 * Dashes continue from *@dash_pos, the distance along the polyline so far,
 * which a dashed line needs.
 * Every pixel depends on its own column only, never on where drawing
 * started, so that a strip drawn alone matches.
 */
void
dramatis_network_raster_line (Raster       *raster,
                              double        x0,
                              double        y0,
                              double        x1,
                              double        y1,
                              guint32       color,
                              double        width,
                              gboolean      hairline,
                              const double *dash,
                              double       *dash_pos)
{
  gboolean steep = fabs (y1 - y0) > fabs (x1 - x0);
  double u0 = steep ? y0 : x0, v0 = steep ? x0 : y0;
  double u1 = steep ? y1 : x1, v1 = steep ? x1 : y1;
  int clip_u0 = steep ? raster->y0 : raster->x0, clip_u1 = steep ? raster->y1 : raster->x1;
  int clip_v0 = steep ? raster->x0 : raster->y0, clip_v1 = steep ? raster->x1 : raster->y1;
  double du = u1 - u0, dv = v1 - v0;
  double length = dramatis_network_distance (du, dv);
  double slope, sec, half, umin, umax, period = 1, base = 0;
  gsize u_step, v_step;
  int first, last;

  g_assert (dash == NULL || dash_pos != NULL);

  if (dash_pos != NULL)
    *dash_pos += length;
  if (fabs (du) < 1e-9)
    return;

  slope = dv / du;
  sec = length / fabs (du);
  half = width * sec / 2;

  /* Columns whose centre lies on the line and whose span meets the clip. */
  umin = MAX (MIN (u0, u1), clip_u0 - 1.0);
  umax = MIN (MAX (u0, u1), clip_u1 + 1.0);
  if (fabs (slope) > 1e-9)
    {
      double ua = u0 + (clip_v0 - half - 1 - v0) / slope;
      double ub = u0 + (clip_v1 + half + 1 - v0) / slope;

      umin = MAX (umin, MIN (ua, ub));
      umax = MIN (umax, MAX (ua, ub));
    }
  else if (v0 + half < clip_v0 || v0 - half > clip_v1)
    return;
  if (umin >= umax)
    return;

  first = (int) ceil (umin - 0.5);
  last = (int) ceil (umax - 0.5) - 1;
  first = MAX (first, clip_u0);
  last = MIN (last, clip_u1 - 1);
  if (first > last)
    return;

  if (dash != NULL)
    {
      period = dash[0] + dash[1];
      base = *dash_pos - length;
    }

  /* Two loops, the pixel's address stepping by row or column. */
  u_step = steep ? (gsize) raster->stride : 1;
  v_step = steep ? 1 : (gsize) raster->stride;

  /* Fixed point while it cannot overflow, which is anywhere near a view. */
  if (hairline && fabs (v0) + fabs (u0) < 1e8)
    {
      /* The row at column u is (a + u * b) >> 32, in fixed point. */
      gint64 b = (gint64) (slope * 4294967296.0);
      gint64 a = (gint64) ((v0 + (0.5 - u0) * slope) * 4294967296.0);

      for (int u = first; u <= last; u++)
        {
          int v = (int) ((a + u * b) >> 32);
          guint32 *pixel;

          if (v < clip_v0 || v >= clip_v1 || (dash != NULL && !dash_on (dash, period, base + fabs (u + 0.5 - u0) * sec)))
            continue;
          pixel = raster->pixels + u * u_step + v * v_step;
          *pixel = blend (*pixel, color, 256);
        }
      return;
    }

  for (int u = first; u <= last; u++)
    {
      double vc = v0 + (u + 0.5 - u0) * slope;
      double top = vc - half;
      double bottom = vc + half;
      int va = MAX (fast_floor (top), clip_v0);
      int vb = MIN (fast_floor (bottom), clip_v1 - 1);

      if (dash != NULL && !dash_on (dash, period, base + fabs (u + 0.5 - u0) * sec))
        continue;

      for (int v = va; v <= vb; v++)
        {
          double coverage = MIN (bottom, v + 1.0) - MAX (top, (double) v);
          guint32 *pixel = raster->pixels + u * u_step + v * v_step;

          if (coverage > 0)
            *pixel = blend (*pixel, color, (guint) (MIN (coverage, 1.0) * 256 + 0.5));
        }
    }
}

/* A filled triangle, antialiased by the distance of each pixel centre to
 * its nearest side.
 */
void
dramatis_network_raster_triangle (Raster       *raster,
                                  const double *p,
                                  guint32       color)
{
  double nx[3], ny[3], c[3];
  double area = (p[2] - p[0]) * (p[5] - p[1]) - (p[3] - p[1]) * (p[4] - p[0]);
  double sign = area >= 0 ? 1 : -1;
  double bx0 = MAX (MIN (p[0], MIN (p[2], p[4])), raster->x0 - 1.0);
  double bx1 = MIN (MAX (p[0], MAX (p[2], p[4])), raster->x1 + 1.0);
  double by0 = MAX (MIN (p[1], MIN (p[3], p[5])), raster->y0 - 1.0);
  double by1 = MIN (MAX (p[1], MAX (p[3], p[5])), raster->y1 + 1.0);
  int x0, x1, y0, y1;

  if (fabs (area) < 1e-6 || bx0 > bx1 || by0 > by1)
    return;
  x0 = fast_floor (bx0);
  y0 = fast_floor (by0);
  x1 = fast_floor (bx1) + 1;
  y1 = fast_floor (by1) + 1;

  for (int i = 0; i < 3; i++)
    {
      double ax = p[2 * i], ay = p[2 * i + 1];
      double bx = p[(2 * i + 2) % 6], by = p[(2 * i + 3) % 6];
      double length = dramatis_network_distance (bx - ax, by - ay);

      /* Inward normal of side i. */
      nx[i] = -(by - ay) / length * sign;
      ny[i] = (bx - ax) / length * sign;
      c[i] = -(nx[i] * ax + ny[i] * ay);
    }

  x0 = MAX (x0, raster->x0);
  y0 = MAX (y0, raster->y0);
  x1 = MIN (x1, raster->x1 - 1);
  y1 = MIN (y1, raster->y1 - 1);

  for (int y = y0; y <= y1; y++)
    for (int x = x0; x <= x1; x++)
      {
        double d = G_MAXDOUBLE;

        for (int i = 0; i < 3; i++)
          d = MIN (d, nx[i] * (x + 0.5) + ny[i] * (y + 0.5) + c[i]);
        if (d > -0.5)
          {
            guint32 *pixel = raster->pixels + (gsize) y * raster->stride + x;

            *pixel = blend (*pixel, color, (guint) (MIN (d + 0.5, 1.0) * 256 + 0.5));
          }
      }
}

/* Stamps an image (premultiplied ARGB) with its corner at (x, y). */
void
dramatis_network_raster_blit (Raster          *raster,
                              cairo_surface_t *image,
                              int              x,
                              int              y)
{
  const guint8 *data = cairo_image_surface_get_data (image);
  int stride = cairo_image_surface_get_stride (image);
  int width = cairo_image_surface_get_width (image);
  int height = cairo_image_surface_get_height (image);
  int ya = MAX (y, raster->y0), yb = MIN (y + height, raster->y1);
  int xa = MAX (x, raster->x0), xb = MIN (x + width, raster->x1);

  for (int row = ya; row < yb; row++)
    {
      const guint32 *src = (const guint32 *) (data + (gsize) (row - y) * stride) - x;
      guint32 *dst = raster->pixels + (gsize) row * raster->stride;

      for (int col = xa; col < xb; col++)
        {
          guint32 s = src[col];

          if (s == 0)
            continue;
          dst[col] = (s >> 24) == 0xff ? s : blend (dst[col], s, 256);
        }
    }
}
