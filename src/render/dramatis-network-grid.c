/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "dramatis-network"

#include "config.h"

#include <math.h>
#include <string.h>

#include "dramatis-network-private.h"

/* The spatial index of the network: uniform grids of the glyphs' centres
 * and of the cells every arc passes through, which cull drawing and
 * hit-testing to what is near, and the hash grid that keeps placed labels
 * apart.
 */

gboolean
dramatis_network_rects_overlap (double ax,
                                double ay,
                                double aw,
                                double ah,
                                double bx,
                                double by,
                                double bw,
                                double bh)
{
  return ax < bx + bw && bx < ax + aw && ay < by + bh && by < ay + ah;
}

/* Grids */

/* How many items the grid holds. */
guint
dramatis_network_grid_count (const Grid *grid)
{
  return grid->start != NULL ? grid->start[grid->nx * grid->ny] : 0;
}

void
dramatis_network_grid_clear (Grid *grid)
{
  g_clear_pointer (&grid->start, g_free);
  g_clear_pointer (&grid->items, g_free);
  grid->nx = grid->ny = 0;
}

/* A grid over the box, with about @n_cells square cells. */
static void
grid_init (Grid   *grid,
           double  x0,
           double  y0,
           double  x1,
           double  y1,
           guint   n_cells)
{
  double w = MAX (x1 - x0, 1.0);
  double h = MAX (y1 - y0, 1.0);

  dramatis_network_grid_clear (grid);
  grid->cell = MAX (sqrt (w * h / MAX (n_cells, 1)), 1.0);
  grid->x0 = x0;
  grid->y0 = y0;
  grid->nx = CLAMP ((int) ceil (w / grid->cell), 1, 4096);
  grid->ny = CLAMP ((int) ceil (h / grid->cell), 1, 4096);
  grid->cell = MAX (w / grid->nx, h / grid->ny);
  grid->start = g_new0 (guint, (gsize) grid->nx * grid->ny + 1);
}

/* Calls @func for every cell the segment passes through (Amanatides and
 * Woo's traversal).
 */
typedef void (*CellFunc) (guint cell, guint item, gpointer data);

static void
grid_walk_segment (const Grid *grid,
                   double      ax,
                   double      ay,
                   double      bx,
                   double      by,
                   guint       item,
                   CellFunc    func,
                   gpointer    data)
{
  int col = dramatis_network_grid_col (grid, ax);
  int row = dramatis_network_grid_row (grid, ay);
  int end_col = dramatis_network_grid_col (grid, bx);
  int end_row = dramatis_network_grid_row (grid, by);
  double dx = bx - ax;
  double dy = by - ay;
  int step_x = dx > 0 ? 1 : -1;
  int step_y = dy > 0 ? 1 : -1;
  double t_max_x, t_max_y, t_delta_x, t_delta_y;
  guint guard = grid->nx + grid->ny + 2;

  if (dx != 0)
    {
      double edge = grid->x0 + (col + (dx > 0)) * grid->cell;

      t_max_x = (edge - ax) / dx;
      t_delta_x = grid->cell / fabs (dx);
    }
  else
    t_max_x = t_delta_x = G_MAXDOUBLE;

  if (dy != 0)
    {
      double edge = grid->y0 + (row + (dy > 0)) * grid->cell;

      t_max_y = (edge - ay) / dy;
      t_delta_y = grid->cell / fabs (dy);
    }
  else
    t_max_y = t_delta_y = G_MAXDOUBLE;

  func (row * grid->nx + col, item, data);
  while ((col != end_col || row != end_row) && guard-- > 0)
    {
      if (t_max_x < t_max_y)
        {
          col += step_x;
          t_max_x += t_delta_x;
        }
      else
        {
          row += step_y;
          t_max_y += t_delta_y;
        }
      if (col < 0 || col >= grid->nx || row < 0 || row >= grid->ny)
        break;
      func (row * grid->nx + col, item, data);
    }
}

/* Hash grids */

void
dramatis_network_hash_grid_init (HashGrid *grid,
                                 double    cell)
{
  grid->cell = cell;
  if (grid->heads == NULL)
    {
      grid->heads = g_new (gint, HASH_BUCKETS);
      grid->next = g_array_new (FALSE, FALSE, sizeof (gint));
      grid->items = g_array_new (FALSE, FALSE, sizeof (guint));
    }
  memset (grid->heads, 0xff, sizeof (gint) * HASH_BUCKETS);
  g_array_set_size (grid->next, 0);
  g_array_set_size (grid->items, 0);
}

void
dramatis_network_hash_grid_clear (HashGrid *grid)
{
  g_clear_pointer (&grid->heads, g_free);
  g_clear_pointer (&grid->next, g_array_unref);
  g_clear_pointer (&grid->items, g_array_unref);
}

void
dramatis_network_hash_grid_insert (HashGrid    *grid,
                                   const Label *label,
                                   guint        item)
{
  gint64 c0 = (gint64) floor (label->x / grid->cell);
  gint64 c1 = (gint64) floor ((label->x + label->width) / grid->cell);
  gint64 r0 = (gint64) floor (label->y / grid->cell);
  gint64 r1 = (gint64) floor ((label->y + label->height) / grid->cell);

  for (gint64 r = r0; r <= r1; r++)
    for (gint64 c = c0; c <= c1; c++)
      {
        guint bucket = dramatis_network_hash_cell (c, r);
        gint entry = grid->items->len;

        g_array_append_val (grid->items, item);
        g_array_append_val (grid->next, grid->heads[bucket]);
        grid->heads[bucket] = entry;
      }
}

/* Visits the labels in @labels that @grid holds and that overlap the
 * rectangle: marks each in @marks, by its id, or, without @marks, stops at
 * the first.  Cells that share a bucket are checked too, which costs a
 * little time and never a wrong answer.  Returns whether any overlaps.
 */
static gboolean
visit_overlaps (const HashGrid *grid,
                const GArray   *labels,
                double          x,
                double          y,
                double          width,
                double          height,
                guint8         *marks)
{
  gint64 c0 = (gint64) floor (x / grid->cell);
  gint64 c1 = (gint64) floor ((x + width) / grid->cell);
  gint64 r0 = (gint64) floor (y / grid->cell);
  gint64 r1 = (gint64) floor ((y + height) / grid->cell);
  gboolean any = FALSE;

  for (gint64 r = r0; r <= r1; r++)
    for (gint64 c = c0; c <= c1; c++)
      for (gint e = grid->heads[dramatis_network_hash_cell (c, r)];
           e >= 0;
           e = g_array_index (grid->next, gint, e))
        {
          const Label *l = &g_array_index (labels, Label, g_array_index (grid->items, guint, e));

          if (!dramatis_network_rects_overlap (x, y, width, height, l->x, l->y, l->width, l->height))
            continue;
          if (marks == NULL)
            return TRUE;
          marks[l->id] = 1;
          any = TRUE;
        }

  return any;
}

/* Whether any label in @labels that @grid holds overlaps the rectangle. */
gboolean
dramatis_network_hash_grid_overlaps (const HashGrid *grid,
                                     const GArray   *labels,
                                     double          x,
                                     double          y,
                                     double          width,
                                     double          height)
{
  return visit_overlaps (grid, labels, x, y, width, height, NULL);
}

/* Marks in @marks, by their ids, the labels of @labels in @grid that
 * overlap the rectangle.
 */
void
dramatis_network_hash_grid_mark (const HashGrid *grid,
                                 const GArray   *labels,
                                 double          x,
                                 double          y,
                                 double          width,
                                 double          height,
                                 guint8         *marks)
{
  g_return_if_fail (marks != NULL);

  visit_overlaps (grid, labels, x, y, width, height, marks);
}

/* Cells of the arc grid */

typedef struct
{
  guint *count;
  guint *last;
  guint *items;
} ArcFill;

static void
count_cell (guint    cell,
            guint    item,
            gpointer data)
{
  ArcFill *fill = data;

  if (fill->last[cell] != item + 1)
    {
      fill->last[cell] = item + 1;
      fill->count[cell]++;
    }
}

static void
fill_cell (guint    cell,
           guint    item,
           gpointer data)
{
  ArcFill *fill = data;

  if (fill->last[cell] != item + 1)
    {
      fill->last[cell] = item + 1;
      fill->items[fill->count[cell]++] = item;
    }
}

static void
walk_edge_cells (DramatisNetwork *self,
                 guint            relation,
                 CellFunc         func,
                 gpointer         data)
{
  const Edge *edge = &self->edges[relation];
  double points[2 * MAX_POINTS];
  guint n = dramatis_network_edge_world_points (self, edge, edge->from == edge->to ? 12 : 8,
                                                points);

  for (guint i = 1; i < n; i++)
    grid_walk_segment (&self->arcs, points[2 * i - 2], points[2 * i - 1],
                       points[2 * i], points[2 * i + 1], relation, func, data);
}

/* Indexes the positions: a grid of glyph centres and a grid of the cells
 * every arc passes through, for culling and hit-testing.
 */
void
dramatis_network_build_grids (DramatisNetwork *self)
{
  double x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE;
  double margin = 2 * NODE_RADIUS_MAX + 4 * PARALLEL_STEP;
  guint n_cells;
  ArcFill fill;

  g_array_set_size (self->loose_actors, 0);
  g_array_set_size (self->loose_relations, 0);

  for (guint i = 0; i < self->n_actors; i++)
    {
      x0 = MIN (x0, self->xy[2 * i]);
      y0 = MIN (y0, self->xy[2 * i + 1]);
      x1 = MAX (x1, self->xy[2 * i]);
      y1 = MAX (y1, self->xy[2 * i + 1]);
    }
  if (self->n_actors == 0)
    x0 = y0 = x1 = y1 = 0;
  self->area = (x1 - x0 + 2 * NODE_RADIUS_MAX) * (y1 - y0 + 2 * NODE_RADIUS_MAX);

  /* Nodes: one cell for about each node. */
  grid_init (&self->nodes, x0 - margin, y0 - margin, x1 + margin, y1 + margin,
             MAX (self->n_actors, 1));
  n_cells = self->nodes.nx * self->nodes.ny;
  for (guint i = 0; i < self->n_actors; i++)
    self->nodes.start[dramatis_network_grid_row (&self->nodes, self->xy[2 * i + 1]) *
                      self->nodes.nx +
                      dramatis_network_grid_col (&self->nodes, self->xy[2 * i]) + 1]++;
  for (guint c = 0; c < n_cells; c++)
    self->nodes.start[c + 1] += self->nodes.start[c];
  self->nodes.items = g_new (guint, MAX (self->n_actors, 1));
  {
    g_autofree guint *cursor = g_memdup2 (self->nodes.start, sizeof (guint) * n_cells);

    for (guint i = 0; i < self->n_actors; i++)
      {
        guint cell = dramatis_network_grid_row (&self->nodes, self->xy[2 * i + 1]) *
                     self->nodes.nx +
                     dramatis_network_grid_col (&self->nodes, self->xy[2 * i]);

        self->nodes.items[cursor[cell]++] = i;
      }
  }

  /* Arcs: coarser cells, since an arc crosses several. */
  grid_init (&self->arcs, x0 - margin, y0 - margin, x1 + margin, y1 + margin,
             MAX (self->n_actors / 4, 1));
  n_cells = self->arcs.nx * self->arcs.ny;
  fill.count = g_new0 (guint, n_cells + 1);
  fill.last = g_new0 (guint, n_cells);
  for (guint r = 0; r < self->n_relations; r++)
    if (self->edges[r].valid)
      walk_edge_cells (self, r, count_cell, &fill);

  self->arcs.start[0] = 0;
  for (guint c = 0; c < n_cells; c++)
    self->arcs.start[c + 1] = self->arcs.start[c] + fill.count[c];
  self->arcs.items = g_new (guint, MAX (self->arcs.start[n_cells], 1));

  memcpy (fill.count, self->arcs.start, sizeof (guint) * n_cells);
  memset (fill.last, 0, sizeof (guint) * n_cells);
  fill.items = self->arcs.items;
  for (guint r = 0; r < self->n_relations; r++)
    if (self->edges[r].valid)
      walk_edge_cells (self, r, fill_cell, &fill);

  g_free (fill.count);
  g_free (fill.last);
}

static guint
next_mark (DramatisNetwork *self)
{
  if (++self->mark_serial == 0)
    {
      memset (self->actor_mark, 0, sizeof (guint) * MAX (self->n_actors, 1));
      memset (self->relation_mark, 0, sizeof (guint) * MAX (self->n_relations, 1));
      self->mark_serial = 1;
    }
  return self->mark_serial;
}

/* Marks the actors whose glyph may reach into the world rectangle, and
 * returns the mark.
 */
guint
dramatis_network_mark_actors_in (DramatisNetwork *self,
                                 double           x0,
                                 double           y0,
                                 double           x1,
                                 double           y1,
                                 double           reach)
{
  guint mark = next_mark (self);
  int c0 = dramatis_network_grid_col (&self->nodes, x0 - reach);
  int c1 = dramatis_network_grid_col (&self->nodes, x1 + reach);
  int r0 = dramatis_network_grid_row (&self->nodes, y0 - reach);
  int r1 = dramatis_network_grid_row (&self->nodes, y1 + reach);

  for (int r = r0; r <= r1; r++)
    for (int c = c0; c <= c1; c++)
      {
        guint cell = r * self->nodes.nx + c;

        /* Actors removed at the end since the grid was built are skipped. */
        for (guint i = self->nodes.start[cell]; i < self->nodes.start[cell + 1]; i++)
          if (self->nodes.items[i] < self->n_actors)
            self->actor_mark[self->nodes.items[i]] = mark;
      }
  for (guint i = 0; i < self->loose_actors->len; i++)
    if (g_array_index (self->loose_actors, guint, i) < self->n_actors)
      self->actor_mark[g_array_index (self->loose_actors, guint, i)] = mark;

  return mark;
}

guint
dramatis_network_mark_relations_in (DramatisNetwork *self,
                                    double           x0,
                                    double           y0,
                                    double           x1,
                                    double           y1)
{
  guint mark = next_mark (self);
  int c0 = dramatis_network_grid_col (&self->arcs, x0);
  int c1 = dramatis_network_grid_col (&self->arcs, x1);
  int r0 = dramatis_network_grid_row (&self->arcs, y0);
  int r1 = dramatis_network_grid_row (&self->arcs, y1);

  for (int r = r0; r <= r1; r++)
    for (int c = c0; c <= c1; c++)
      {
        guint cell = r * self->arcs.nx + c;

        for (guint i = self->arcs.start[cell]; i < self->arcs.start[cell + 1]; i++)
          if (self->arcs.items[i] < self->n_relations)
            self->relation_mark[self->arcs.items[i]] = mark;
      }
  for (guint i = 0; i < self->loose_relations->len; i++)
    if (g_array_index (self->loose_relations, guint, i) < self->n_relations)
      self->relation_mark[g_array_index (self->loose_relations, guint, i)] = mark;

  return mark;
}
