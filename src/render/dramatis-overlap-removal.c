/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "dramatis-graph-layout"

#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "dramatis-graph-layout-private.h"

/* Room for the nodes' boxes: the drawing grows until most boxes are clear
 * of each other, and the last overlapping boxes, found through a uniform
 * grid, are pushed apart.
 */

/* Before the push that removes the last overlaps, the drawing grows until
 * at least half of the nodes have room for their boxes, and all but this
 * many: pushing is cheap for a few nodes, growing is free for many.
 */
#define MAX_CROWDED         1000
#define CROWDING_SAMPLE     2000

/* A uniform grid over the boxes of the nodes, each box (grown by half the
 * gap) listed in every cell it touches, so that two boxes that overlap
 * share a cell.
 */
typedef struct
{
  double  min_x;
  double  min_y;
  double  cell;
  guint   columns;
  guint   rows;
  guint  *offsets;
  guint  *nodes;
} Grid;

static void
grid_cells (const Grid   *grid,
            const double *pos,
            const double *size,
            guint         i,
            guint        *x0,
            guint        *y0,
            guint        *x1,
            guint        *y1)
{
  double half_w = size[2 * i] / 2 + NODE_GAP / 2, half_h = size[2 * i + 1] / 2 + NODE_GAP / 2;

  *x0 = (guint) ((pos[2 * i] - half_w - grid->min_x) / grid->cell);
  *y0 = (guint) ((pos[2 * i + 1] - half_h - grid->min_y) / grid->cell);
  *x1 = MIN (grid->columns - 1, (guint) ((pos[2 * i] + half_w - grid->min_x) / grid->cell));
  *y1 = MIN (grid->rows - 1, (guint) ((pos[2 * i + 1] + half_h - grid->min_y) / grid->cell));
}

static void
grid_build (Grid         *grid,
            const double *pos,
            const double *size,
            guint         n,
            double        cell)
{
  double max_x = -G_MAXDOUBLE, max_y = -G_MAXDOUBLE;
  gsize n_cells;

  grid->min_x = grid->min_y = G_MAXDOUBLE;
  for (guint i = 0; i < n; i++)
    {
      grid->min_x = MIN (grid->min_x, pos[2 * i] - size[2 * i] / 2 - NODE_GAP);
      grid->min_y = MIN (grid->min_y, pos[2 * i + 1] - size[2 * i + 1] / 2 - NODE_GAP);
      max_x = MAX (max_x, pos[2 * i] + size[2 * i] / 2 + NODE_GAP);
      max_y = MAX (max_y, pos[2 * i + 1] + size[2 * i + 1] / 2 + NODE_GAP);
    }

  /* A few cells per node, however sparse the drawing. */
  while ((max_x - grid->min_x) / cell * ((max_y - grid->min_y) / cell) > 4.0 * n + 16)
    cell *= 1.5;
  grid->cell = cell;
  grid->columns = (guint) ((max_x - grid->min_x) / cell) + 1;
  grid->rows = (guint) ((max_y - grid->min_y) / cell) + 1;
  n_cells = (gsize) grid->columns * grid->rows;

  grid->offsets = g_new0 (guint, n_cells + 1);
  for (guint i = 0; i < n; i++)
    {
      guint x0, y0, x1, y1;

      grid_cells (grid, pos, size, i, &x0, &y0, &x1, &y1);
      for (guint y = y0; y <= y1; y++)
        for (guint x = x0; x <= x1; x++)
          grid->offsets[(gsize) y * grid->columns + x + 1]++;
    }
  for (gsize c = 0; c < n_cells; c++)
    grid->offsets[c + 1] += grid->offsets[c];

  grid->nodes = g_new (guint, MAX (grid->offsets[n_cells], 1));
  {
    g_autofree guint *fill = g_memdup2 (grid->offsets, n_cells * sizeof (guint));

    for (guint i = 0; i < n; i++)
      {
        guint x0, y0, x1, y1;

        grid_cells (grid, pos, size, i, &x0, &y0, &x1, &y1);
        for (guint y = y0; y <= y1; y++)
          for (guint x = x0; x <= x1; x++)
            grid->nodes[fill[(gsize) y * grid->columns + x]++] = i;
      }
  }
}

static void
grid_clear (Grid *grid)
{
  g_clear_pointer (&grid->offsets, g_free);
  g_clear_pointer (&grid->nodes, g_free);
}

/* The cell size for finding overlaps: the typical box. */
double
dramatis_overlap_removal_typical_extent (DramatisGraphLayout *self)
{
  g_autofree double *extents = g_new (double, self->n_nodes);

  for (guint i = 0; i < self->n_nodes; i++)
    extents[i] = MAX (self->sizes[2 * i], self->sizes[2 * i + 1]) + NODE_GAP;
  qsort (extents, self->n_nodes, sizeof (double), dramatis_graph_layout_compare_doubles);

  return MAX (extents[self->n_nodes / 2], 1.0);
}

/* How much the drawing must grow for most nodes to clear every box around
 * them.  A large graph drawn at the default edge length has far more nodes
 * than room; growing it uniformly changes neither its stress nor who is
 * near whom, whereas pushing boxes apart does.
 */
static double
crowding (DramatisGraphLayout *self)
{
  guint n = self->n_nodes, stride = MAX (1, n / CROWDING_SAMPLE), n_sampled = 0, crowded;
  const double *pos = self->positions, *size = self->sizes;
  g_autofree double *need = g_new (double, n / stride + 1);
  g_autofree guint *stamp = g_new (guint, n);
  Grid grid = { 0 };
  double result;

  grid_build (&grid, pos, size, n, dramatis_overlap_removal_typical_extent (self));
  for (guint i = 0; i < n; i++)
    stamp[i] = G_MAXUINT;

  /* A sample of the nodes tells well enough, in bounded time. */
  for (guint i = 0; i < n; i += stride)
    {
      guint x0, y0, x1, y1;

      need[n_sampled] = 1.0;
      grid_cells (&grid, pos, size, i, &x0, &y0, &x1, &y1);
      for (guint y = y0; y <= y1; y++)
        for (guint x = x0; x <= x1; x++)
          for (guint k = grid.offsets[(gsize) y * grid.columns + x];
               k < grid.offsets[(gsize) y * grid.columns + x + 1]; k++)
            {
              guint j = grid.nodes[k];
              double dx, dy, room_x, room_y, grow;

              if (j == i || stamp[j] == i)
                continue;
              stamp[j] = i;
              dx = fabs (pos[2 * j] - pos[2 * i]);
              dy = fabs (pos[2 * j + 1] - pos[2 * i + 1]);
              room_x = (size[2 * i] + size[2 * j]) / 2 + NODE_GAP;
              room_y = (size[2 * i + 1] + size[2 * j + 1]) / 2 + NODE_GAP;
              if (dx >= room_x || dy >= room_y)
                continue;
              grow = MIN (dx > 0 ? room_x / dx : G_MAXDOUBLE, dy > 0 ? room_y / dy : G_MAXDOUBLE);
              need[n_sampled] = MAX (need[n_sampled], grow);
            }
      n_sampled++;
    }
  grid_clear (&grid);

  qsort (need, n_sampled, sizeof (double), dramatis_graph_layout_compare_doubles);
  crowded = MIN (n_sampled / 2, (guint) ((double) MAX_CROWDED * n_sampled / n));
  result = need[n_sampled - 1 - crowded];

  return MIN (result, 100.0);
}

/* Grows the drawing by @factor, edge length included.  A component grows
 * about its centre, or if it holds pinned nodes, about theirs and without
 * moving them, for the sweeps that follow to mend.
 */
static void
spread (DramatisGraphLayout *self,
        double               factor,
        gboolean             with_pinned)
{
  for (guint ci = 0; ci < self->n_components; ci++)
    {
      const Component *c = &self->components[ci];
      double cx = 0, cy = 0;
      guint n_centre = 0;

      if (c->has_pinned && !with_pinned)
        continue;
      for (guint k = c->first; k < c->first + c->n_nodes; k++)
        {
          guint v = self->order[k];

          if (c->has_pinned && !(self->flags[v] & NODE_PINNED))
            continue;
          cx += self->positions[2 * v];
          cy += self->positions[2 * v + 1];
          n_centre++;
        }
      cx /= n_centre;
      cy /= n_centre;
      for (guint k = c->first; k < c->first + c->n_nodes; k++)
        {
          guint v = self->order[k];

          if (self->flags[v] & NODE_PINNED)
            continue;
          self->positions[2 * v] = cx + factor * (self->positions[2 * v] - cx);
          self->positions[2 * v + 1] = cy + factor * (self->positions[2 * v + 1] - cy);
        }
    }

  self->edge_length *= factor;
  for (guint ci = 0; ci < self->n_components; ci++)
    if (self->components[ci].terms != NULL)
      dramatis_stress_layout_fill_terms (self, &self->components[ci]);
}

/* Pushes apart every two boxes that overlap (with NODE_GAP to spare) along
 * the axis where they overlap least, which disturbs the drawing least.
 * Pinned nodes do not move, so two pinned nodes may still overlap.  Returns
 * how many pairs were pushed; a pass that pushes none finds no overlap.
 */
guint
dramatis_overlap_removal_push_apart (DramatisGraphLayout *self)
{
  guint n = self->n_nodes;
  double *pos = self->positions;
  const double *size = self->sizes;
  g_autofree guint *stamp = NULL;
  Grid grid = { 0 };
  guint n_touching = 0;

  if (n < 2)
    return 0;

  stamp = g_new (guint, n);
  grid_build (&grid, pos, size, n, self->cell);
  for (guint i = 0; i < n; i++)
    stamp[i] = G_MAXUINT;

  for (guint i = 0; i < n; i++)
    {
      guint x0, y0, x1, y1;

      grid_cells (&grid, pos, size, i, &x0, &y0, &x1, &y1);
      for (guint y = y0; y <= y1; y++)
        for (guint x = x0; x <= x1; x++)
          for (guint k = grid.offsets[(gsize) y * grid.columns + x];
               k < grid.offsets[(gsize) y * grid.columns + x + 1]; k++)
            {
              guint j = grid.nodes[k];
              gboolean pin_i, pin_j;
              double dx, dy, over_x, over_y, share_i, sign;

              if (j <= i || stamp[j] == i)
                continue;
              stamp[j] = i;

              dx = pos[2 * j] - pos[2 * i];
              dy = pos[2 * j + 1] - pos[2 * i + 1];
              over_x = (size[2 * i] + size[2 * j]) / 2 + NODE_GAP - fabs (dx);
              over_y = (size[2 * i + 1] + size[2 * j + 1]) / 2 + NODE_GAP - fabs (dy);
              if (over_x <= 0 || over_y <= 0)
                continue;

              pin_i = (self->flags[i] & NODE_PINNED) != 0;
              pin_j = (self->flags[j] & NODE_PINNED) != 0;
              if (pin_i && pin_j)
                continue;
              n_touching++;

              share_i = pin_i ? 0.0 : pin_j ? 1.0 : 0.5;
              /* A hair more than needed, so that rounding cannot leave
               * the two overlapping.
               */
              if (over_x < over_y)
                {
                  sign = dx > 0 ? 1 : dx < 0 ? -1 : ((i ^ j ^ self->seed) & 1) ? 1 : -1;
                  over_x += 1e-6;
                  pos[2 * i] -= sign * over_x * share_i;
                  pos[2 * j] += sign * over_x * (1 - share_i);
                }
              else
                {
                  sign = dy > 0 ? 1 : dy < 0 ? -1 : ((i ^ j ^ self->seed) & 1) ? 1 : -1;
                  over_y += 1e-6;
                  pos[2 * i + 1] -= sign * over_y * share_i;
                  pos[2 * j + 1] += sign * over_y * (1 - share_i);
                }
            }
    }
  grid_clear (&grid);

  return n_touching;
}

/* Room for the boxes, halfway through the sweeps: the drawing takes the
 * size it will end with, so that the last sweeps work at that scale.  This
 * matters to components with pinned nodes, which
 * dramatis_overlap_removal_make_room() cannot simply grow.
 */
void
dramatis_overlap_removal_grow (DramatisGraphLayout *self)
{
  double factor = self->n_nodes > 1 ? crowding (self) : 1.0;

  if (factor > 1.0)
    spread (self, factor, TRUE);
}

/* After the sweeps, which change the size of components: room again for
 * the boxes of most nodes, and the components packed again.
 */
void
dramatis_overlap_removal_make_room (DramatisGraphLayout *self)
{
  double factor = self->n_nodes > 1 ? crowding (self) : 1.0;

  if (factor > 1.0)
    spread (self, factor, FALSE);
  if (self->n_components > 1)
    dramatis_component_packing_pack (self);
}
