/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "dramatis-graph-layout"

#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "dramatis-graph-layout-private.h"

/* Packing of the connected components, each laid out on its own, into one
 * drawing around those that hold given positions.
 */

static void
component_bounds (DramatisGraphLayout *self,
                  const Component     *c,
                  double              *bounds)
{
  bounds[0] = bounds[1] = G_MAXDOUBLE;
  bounds[2] = bounds[3] = -G_MAXDOUBLE;
  for (guint i = 0; i < c->n_nodes; i++)
    {
      guint v = self->order[c->first + i];
      double x = self->positions[2 * v], y = self->positions[2 * v + 1];
      double hw = self->sizes[2 * v] / 2, hh = self->sizes[2 * v + 1] / 2;

      bounds[0] = MIN (bounds[0], x - hw);
      bounds[1] = MIN (bounds[1], y - hh);
      bounds[2] = MAX (bounds[2], x + hw);
      bounds[3] = MAX (bounds[3], y + hh);
    }
}

typedef struct
{
  guint  index;
  guint  n_nodes;
  double area;
} PackItem;

static int
compare_pack_items (const void *a,
                    const void *b)
{
  const PackItem *x = a, *y = b;

  if (x->n_nodes != y->n_nodes)
    return x->n_nodes > y->n_nodes ? -1 : 1;
  if (x->area != y->area)
    return x->area > y->area ? -1 : 1;
  return x->index < y->index ? -1 : x->index > y->index;
}

/* Shelf packing of the components nobody placed: largest first, in rows
 * about 1.5 times as wide as they are tall overall, each row centred.  They
 * go below the components that hold given positions, if any, so as not to
 * cover them.
 */
void
dramatis_component_packing_pack (DramatisGraphLayout *self)
{
  g_autofree PackItem *items = g_new (PackItem, MAX (self->n_components, 1));
  g_autofree double *bounds = g_new (double, 4 * (gsize) MAX (self->n_components, 1));
  g_autofree double *offsets = g_new0 (double, 2 * (gsize) MAX (self->n_components, 1));
  double anchor[4] = { G_MAXDOUBLE, G_MAXDOUBLE, -G_MAXDOUBLE, -G_MAXDOUBLE };
  double gap = self->edge_length / 2;
  double total_area = 0, widest = 0, row_width, x = 0, y = 0, row_height = 0;
  double shift_x, shift_y;
  guint n_items = 0, row_start = 0;

  for (guint c = 0; c < self->n_components; c++)
    {
      double *b = bounds + 4 * c;

      component_bounds (self, &self->components[c], b);
      if (self->components[c].anchored)
        {
          anchor[0] = MIN (anchor[0], b[0]);
          anchor[1] = MIN (anchor[1], b[1]);
          anchor[2] = MAX (anchor[2], b[2]);
          anchor[3] = MAX (anchor[3], b[3]);
        }
      else
        {
          double w = b[2] - b[0] + gap, h = b[3] - b[1] + gap;

          items[n_items++] = (PackItem) { c, self->components[c].n_nodes, w * h };
          total_area += w * h;
          widest = MAX (widest, w);
        }
    }
  if (n_items == 0)
    return;

  qsort (items, n_items, sizeof (PackItem), compare_pack_items);
  row_width = MAX (widest, sqrt (total_area * 1.5));
  if (anchor[0] <= anchor[2])
    row_width = MAX (row_width, anchor[2] - anchor[0]);

  for (guint i = 0; i <= n_items; i++)
    {
      double w = 0, h = 0;

      if (i < n_items)
        {
          const double *b = bounds + 4 * items[i].index;

          w = b[2] - b[0] + gap;
          h = b[3] - b[1] + gap;
        }

      /* Close the row and centre what it holds. */
      if (i == n_items || (x > 0 && x + w > row_width))
        {
          for (guint j = row_start; j < i; j++)
            offsets[2 * items[j].index] += (row_width - x) / 2;
          y += row_height;
          x = 0;
          row_height = 0;
          row_start = i;
          if (i == n_items)
            break;
        }

      offsets[2 * items[i].index] = x - bounds[4 * items[i].index];
      offsets[2 * items[i].index + 1] = y - bounds[4 * items[i].index + 1];
      x += w;
      row_height = MAX (row_height, h);
    }

  /* The packing spans (0, 0) to (row_width, y), gaps included. */
  if (anchor[0] <= anchor[2])
    {
      shift_x = (anchor[0] + anchor[2]) / 2 - row_width / 2;
      shift_y = anchor[3] + gap;
    }
  else
    {
      shift_x = -row_width / 2;
      shift_y = -y / 2;
    }

  for (guint i = 0; i < n_items; i++)
    {
      const Component *c = &self->components[items[i].index];

      for (guint j = 0; j < c->n_nodes; j++)
        {
          guint v = self->order[c->first + j];

          self->positions[2 * v] += offsets[2 * items[i].index] + shift_x;
          self->positions[2 * v + 1] += offsets[2 * items[i].index + 1] + shift_y;
        }
    }
}
