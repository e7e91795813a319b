/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "dramatis-network"

#include "config.h"

#include <string.h>

#include "dramatis-network-private.h"

/* Label placement: where each label goes at a zoom, so that none covers
 * another or a glyph, and which are left out.  Labels keep their size in
 * pixels while glyphs scale, so they are placed once per zoom, for the
 * whole network.
 */

/* In logical pixels. */
#define LABEL_MAY_COVER_RADIUS 4.0   /* a smaller glyph may be under a label */
#define LABEL_GAP              1.0   /* between a glyph and its label */
#define MAX_EXTRA_LABELS       200
#define LABEL_CELL             64.0
/* Zoomed out, where glyphs are dots, the most important actors are still
 * named, with room around each name so that the names do not wall in the
 * drawing: one for about each SMALL_LABEL_AREA square pixels of it, and at
 * least SMALL_LABELS_MIN; and only among the first SMALL_LABEL_TRIES times
 * as many actors, so that where the most important have no room, no
 * minor actor is named in their stead.  They are tried in the first
 * SMALL_LABEL_PLACES places only: the others matter where glyphs are large
 * enough to crowd each other, and a large network has thousands of dots
 * to try.
 */
#define SMALL_LABEL_SPACING    4.0
#define SMALL_LABEL_AREA       10000.0
#define SMALL_LABEL_PLACES     4
#define SMALL_LABELS_MIN       8
#define SMALL_LABEL_TRIES      8

void
dramatis_network_invalidate_placement (DramatisNetwork *self)
{
  self->placement.valid = FALSE;
  self->highlight.extra_valid = FALSE;
  self->scene.valid = FALSE;
}

/* The glyphs' boxes at @zoom, in the order of the node grid's items, for
 * the many tests of label placement.
 */
static void
ensure_glyph_boxes (DramatisNetwork *self,
                    double           zoom)
{
  if (self->glyph_boxes_zoom == zoom)
    return;

  self->glyph_boxes_zoom = zoom;
  self->glyph_reach = 0;
  for (guint i = 0; i < dramatis_network_grid_count (&self->nodes); i++)
    {
      guint actor = self->nodes.items[i];
      double *box = &self->glyph_boxes[4 * i];
      double x, y, w, h;

      /* Removed since the grid was built: a box that covers nothing. */
      if (actor >= self->n_actors)
        {
          box[0] = box[1] = G_MAXDOUBLE;
          box[2] = box[3] = -G_MAXDOUBLE;
          continue;
        }

      dramatis_network_glyph_box (self, actor, zoom, &x, &y, &w, &h);
      box[0] = x;
      box[1] = y;
      box[2] = x + w;
      box[3] = y + h;
      /* How far a box reaches from its actor's cell, which holds the centre. */
      x = self->xy[2 * actor] * zoom;
      y = self->xy[2 * actor + 1] * zoom;
      self->glyph_reach = MAX (self->glyph_reach,
                               MAX (MAX (x - box[0], box[2] - x), MAX (y - box[1], box[3] - y)));
    }
}

typedef enum
{
  COVERS_NOTHING,
  COVERS_DOTS,    /* only dots of lesser actors, which a label may cover */
  COVERS_GLYPH,
} Cover;

/* What the rectangle (zoom space) covers of the glyphs of actors other
 * than @except, or with @only set, of those it marks: dots smaller than
 * LABEL_MAY_COVER_RADIUS of actors less important than @except are told
 * apart.
 */
static Cover
covers_glyph (DramatisNetwork *self,
              double           zoom,
              double           x,
              double           y,
              double           width,
              double           height,
              guint            except,
              const guint8    *only)
{
  double reach, x1 = x + width, y1 = y + height;
  const double *boxes;
  Cover cover = COVERS_NOTHING;
  int c0, c1, r0, r1;

  ensure_glyph_boxes (self, zoom);
  boxes = self->glyph_boxes;
  reach = self->glyph_reach / zoom;
  c0 = dramatis_network_grid_col (&self->nodes, x / zoom - reach);
  c1 = dramatis_network_grid_col (&self->nodes, x1 / zoom + reach);
  r0 = dramatis_network_grid_row (&self->nodes, y / zoom - reach);
  r1 = dramatis_network_grid_row (&self->nodes, y1 / zoom + reach);

  for (int r = r0; r <= r1; r++)
    for (int c = c0; c <= c1; c++)
      {
        guint cell = r * self->nodes.nx + c;

        for (guint i = self->nodes.start[cell]; i < self->nodes.start[cell + 1]; i++)
          {
            const double *box = &boxes[4 * i];
            guint actor;

            if (!(x < box[2] && box[0] < x1 && y < box[3] && box[1] < y1))
              continue;
            actor = self->nodes.items[i];
            if (actor == except || (only != NULL && !only[actor]))
              continue;
            if (except < self->n_actors && self->rank[actor] > self->rank[except] &&
                dramatis_network_display_radius (self, actor, zoom) < LABEL_MAY_COVER_RADIUS)
              cover = COVERS_DOTS;
            else
              return COVERS_GLYPH;
          }
      }

  /* Actors moved since the grid was built may be in no cell it covers. */
  for (guint i = 0; i < self->loose_actors->len; i++)
    {
      guint actor = g_array_index (self->loose_actors, guint, i);
      double bx, by, bw, bh;

      if (actor >= self->n_actors || actor == except || (only != NULL && !only[actor]))
        continue;
      dramatis_network_glyph_box (self, actor, zoom, &bx, &by, &bw, &bh);
      if (!(x < bx + bw && bx < x1 && y < by + bh && by < y1))
        continue;
      if (except < self->n_actors && self->rank[actor] > self->rank[except] &&
          dramatis_network_display_radius (self, actor, zoom) < LABEL_MAY_COVER_RADIUS)
        cover = COVERS_DOTS;
      else
        return COVERS_GLYPH;
    }

  return cover;
}

/* The @k-th place tried for a label of @width × @height: below the
 * glyph, right, above, left, then the four corners; then below and above
 * again, slid a quarter of the label's width to either side, where
 * neighbours leave no room for it centred.
 */
gboolean
dramatis_network_label_candidate (DramatisNetwork *self,
                                  guint            actor,
                                  double           zoom,
                                  guint            k,
                                  double           width,
                                  double           height,
                                  double          *x,
                                  double          *y)
{
  const GlyphExtents *ext = dramatis_network_extents_of (self, actor);
  double r = dramatis_network_display_radius (self, actor, zoom);
  double cx = self->xy[2 * actor] * zoom;
  double cy = self->xy[2 * actor + 1] * zoom;
  double top = r * ext->top + NODE_OUTLINE + LABEL_GAP;
  double bottom = r * ext->bottom + NODE_OUTLINE + LABEL_GAP;
  double left = r * ext->left + NODE_OUTLINE + LABEL_GAP;
  double right = r * ext->right + NODE_OUTLINE + LABEL_GAP;
  const double d = 0.75;

  /* The text's own padding stands between glyph and text. */
  top -= LABEL_PAD;
  bottom -= LABEL_PAD;
  left -= LABEL_PAD;
  right -= LABEL_PAD;

  switch (k)
    {
    case 0: *x = cx - width / 2; *y = cy + bottom; break;
    case 1: *x = cx + right; *y = cy - height / 2; break;
    case 2: *x = cx - width / 2; *y = cy - top - height; break;
    case 3: *x = cx - left - width; *y = cy - height / 2; break;
    case 4: *x = cx + right * d; *y = cy + bottom * d; break;
    case 5: *x = cx - left * d - width; *y = cy + bottom * d; break;
    case 6: *x = cx + right * d; *y = cy - top * d - height; break;
    case 7: *x = cx - left * d - width; *y = cy - top * d - height; break;
    case 8: *x = cx - width / 4; *y = cy + bottom; break;
    case 9: *x = cx - width * 3 / 4; *y = cy + bottom; break;
    case 10: *x = cx - width / 4; *y = cy - top - height; break;
    case 11: *x = cx - width * 3 / 4; *y = cy - top - height; break;
    default: return FALSE;
    }

  return TRUE;
}

static gboolean
edge_label_wanted (DramatisNetwork *self,
                   guint            relation,
                   double           zoom)
{
  const Edge *edge = &self->edges[relation];
  double ax, ay, bx, by;

  if (!edge->valid || edge->from == edge->to)
    return FALSE;
  if (dramatis_network_display_radius (self, edge->from, zoom) < LABEL_MIN_NODE_RADIUS ||
      dramatis_network_display_radius (self, edge->to, zoom) < LABEL_MIN_NODE_RADIUS)
    return FALSE;

  dramatis_network_actor_position (self, edge->from, &ax, &ay);
  dramatis_network_actor_position (self, edge->to, &bx, &by);
  return dramatis_network_distance (bx - ax, by - ay) * zoom > 60;
}

/* Greedy placement, most important actor first: each label takes the
 * first of its places that covers no label already placed and no other
 * glyph, or is left out.  The order is fixed, so the same zoom always
 * gives the same labels.  Actors whose glyphs are too small to be worth a
 * label of their own are named all the same while there is room and
 * budget for them, so that any zoom names the most important actors.
 * Relation labels come after all actor labels.
 */
void
dramatis_network_ensure_placement (DramatisNetwork *self,
                                   double           zoom,
                                   gboolean         edge_labels)
{
  LabelPlacement *p = &self->placement;
  guint n_labels = self->n_actors + self->n_relations;
  guint n_small = 0, max_small;

  if (p->valid && p->zoom == zoom && p->edge_labels == edge_labels)
    return;

  p->valid = TRUE;
  p->zoom = zoom;
  p->edge_labels = edge_labels;
  g_array_set_size (p->labels, 0);
  for (guint i = 0; i < n_labels; i++)
    p->label_of[i] = -1;
  dramatis_network_hash_grid_init (&p->grid, LABEL_CELL);
  self->highlight.extra_valid = FALSE;
  max_small = (guint) MIN (MAX (self->area * zoom * zoom / SMALL_LABEL_AREA, SMALL_LABELS_MIN),
                           G_MAXUINT);

  for (guint i = 0; i < self->n_actors; i++)
    {
      guint actor = self->order[i];
      Label label = { 0, 0, 0, 0, actor };
      Label fallback = { 0, 0, 0, 0, actor };
      /* @order is by degree, so the glyphs only get smaller from here. */
      gboolean small = dramatis_network_display_radius (self, actor, zoom) < LABEL_MIN_NODE_RADIUS;
      double spacing = small ? SMALL_LABEL_SPACING : 0;

      if (small && (n_small >= max_small || i >= SMALL_LABEL_TRIES * max_small))
        break;

      dramatis_network_measure_label (self, actor, &label.width, &label.height);
      if (label.width <= 0)
        continue;

      /* The first place that covers nothing; else, where glyphs are
       * dense, the first that covers only dots of lesser actors: an
       * important actor's name is worth more than they are.
       */
      for (guint k = 0;
           (!small || k < SMALL_LABEL_PLACES) &&
           dramatis_network_label_candidate (self, actor, zoom, k, label.width, label.height,
                                             &label.x, &label.y);
           k++)
        {
          Cover cover;

          if (dramatis_network_hash_grid_overlaps (&p->grid, p->labels,
                                                   label.x - spacing, label.y - spacing,
                                                   label.width + 2 * spacing,
                                                   label.height + 2 * spacing))
            continue;
          cover = covers_glyph (self, zoom, label.x, label.y, label.width, label.height,
                                actor, NULL);
          if (cover == COVERS_DOTS && fallback.width == 0)
            fallback = label;
          if (cover == COVERS_NOTHING)
            {
              fallback = label;
              break;
            }
        }

      if (fallback.width > 0)
        {
          p->label_of[actor] = p->labels->len;
          g_array_append_val (p->labels, fallback);
          dramatis_network_hash_grid_insert (&p->grid, &fallback, p->labels->len - 1);
          n_small += small;
        }
    }

  if (!edge_labels)
    return;

  for (guint r = 0; r < self->n_relations; r++)
    {
      Label label = { 0, 0, 0, 0, self->n_actors + r };
      double mx, my;

      if (!edge_label_wanted (self, r, zoom))
        continue;

      dramatis_network_measure_label (self, label.id, &label.width, &label.height);
      if (label.width <= 0)
        continue;

      dramatis_network_edge_world_midpoint (self, &self->edges[r], &mx, &my);
      label.x = mx * zoom - label.width / 2;
      label.y = my * zoom - label.height / 2;
      if (dramatis_network_hash_grid_overlaps (&p->grid, p->labels, label.x, label.y,
                                               label.width, label.height) ||
          covers_glyph (self, zoom, label.x, label.y, label.width, label.height,
                        G_MAXUINT, NULL) != COVERS_NOTHING)
        continue;

      p->label_of[label.id] = p->labels->len;
      g_array_append_val (p->labels, label);
      dramatis_network_hash_grid_insert (&p->grid, &label, p->labels->len - 1);
    }
}

/* Adds @label to the extra labels and to @grid, and hides the placed
 * labels it covers.
 */
static void
add_extra_label (DramatisNetwork *self,
                 HashGrid        *grid,
                 GArray          *placed,
                 const Label     *label)
{
  Highlight *h = &self->highlight;
  LabelPlacement *p = &self->placement;

  g_array_append_val (placed, *label);
  dramatis_network_hash_grid_insert (grid, label, placed->len - 1);
  g_array_append_val (h->extra, *label);
  dramatis_network_hash_grid_mark (&p->grid, p->labels, label->x, label->y,
                                   label->width, label->height, h->hidden);
  /* It stands for its item's own label, if it has one. */
  h->hidden[label->id] = 1;
}

/* The selected actor's label wins: it keeps its place, or where it had
 * none it takes the first of its places that covers no lit glyph (or the
 * first of all), and the labels it covers, lit or not, are hidden.
 */
static void
place_selected_label (DramatisNetwork *self,
                      double           zoom)
{
  Highlight *h = &self->highlight;
  LabelPlacement *p = &self->placement;
  guint actor = h->selected_actor;
  Label label = { 0, 0, 0, 0, actor };

  if (actor >= self->n_actors || p->label_of[actor] >= 0)
    return;
  dramatis_network_measure_label (self, actor, &label.width, &label.height);
  if (label.width <= 0)
    return;

  for (guint k = 0;; k++)
    {
      if (!dramatis_network_label_candidate (self, actor, zoom, k, label.width, label.height,
                                             &label.x, &label.y))
        {
          dramatis_network_label_candidate (self, actor, zoom, 0, label.width, label.height,
                                            &label.x, &label.y);
          break;
        }
      if (covers_glyph (self, zoom, label.x, label.y, label.width, label.height,
                        actor, h->actors) == COVERS_NOTHING)
        break;
    }

  g_array_append_val (h->extra, label);
  dramatis_network_hash_grid_mark (&p->grid, p->labels, label.x, label.y,
                                   label.width, label.height, h->hidden);
}

/* A lit relation's label goes on its arc, at the middle or else a little
 * towards either end, or beside it there: first where it covers no label
 * at all, then where it covers only labels that are not lit, which it
 * hides.  It never covers a lit glyph.
 */
static void
place_relation_label (DramatisNetwork *self,
                      double           zoom,
                      HashGrid        *grid,
                      GArray          *placed,
                      guint            relation)
{
  static const double along[] = { 0.5, 0.38, 0.62, 0.26, 0.74 };
  static const double sides[] = { 0, 1, -1 };
  Highlight *h = &self->highlight;
  LabelPlacement *p = &self->placement;
  const Edge *edge = &self->edges[relation];
  Label label = { 0, 0, 0, 0, self->n_actors + relation };
  double points[2 * MAX_POINTS];
  double length;
  guint n;

  if (!edge->valid || edge->from == edge->to || p->label_of[label.id] >= 0)
    return;
  dramatis_network_measure_label (self, label.id, &label.width, &label.height);
  if (label.width <= 0)
    return;

  n = dramatis_network_edge_world_points (self, edge,
                                          dramatis_network_edge_segments (self, edge, zoom),
                                          points);
  length = dramatis_network_polyline_length (points, n);
  /* An arc shorter than its label would only cover its own actors. */
  if (length * zoom < label.width * 0.5)
    return;

  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < G_N_ELEMENTS (along); i++)
      for (guint j = 0; j < G_N_ELEMENTS (sides); j++)
        {
          double x, y, dx, dy, d, nx, ny, shift;

          dramatis_network_polyline_point_at (points, n, length * along[i], &x, &y, &dx, &dy);
          /* Beside the arc, just clear of it, if not on it. */
          d = MAX (dramatis_network_distance (dx, dy), 1e-9);
          nx = -dy / d;
          ny = dx / d;
          shift = sides[j] * (fabs (nx) * label.width / 2 + fabs (ny) * label.height / 2 + 2);
          label.x = x * zoom + nx * shift - label.width / 2;
          label.y = y * zoom + ny * shift - label.height / 2;
          if (dramatis_network_hash_grid_overlaps (grid, placed, label.x, label.y,
                                                   label.width, label.height) ||
              (pass == 0 && dramatis_network_hash_grid_overlaps (&p->grid, p->labels,
                                                                 label.x, label.y,
                                                                 label.width, label.height)) ||
              covers_glyph (self, zoom, label.x, label.y, label.width, label.height,
                            G_MAXUINT, h->actors) != COVERS_NOTHING)
            continue;

          add_extra_label (self, grid, placed, &label);
          return;
        }
}

/* Highlighted actors should be named even where their label did not fit
 * among all the others, and their relations too: they are placed again,
 * over the dimmed rest, among the highlighted labels and glyphs only, and
 * hide what they cover.
 */
void
dramatis_network_ensure_extra_labels (DramatisNetwork *self,
                                      double           zoom,
                                      gboolean         edge_labels)
{
  Highlight *h = &self->highlight;
  LabelPlacement *p = &self->placement;
  HashGrid grid = { 0, };
  g_autoptr(GArray) placed = g_array_new (FALSE, FALSE, sizeof (Label));

  if (h->extra_valid && h->extra_zoom == zoom && h->extra_edge_labels == edge_labels)
    return;

  h->extra_valid = TRUE;
  h->extra_zoom = zoom;
  h->extra_edge_labels = edge_labels;
  g_array_set_size (h->extra, 0);
  memset (h->hidden, 0, MAX (self->n_actors + self->n_relations, 1));
  if (dramatis_network_highlight_is_empty (self))
    return;

  place_selected_label (self, zoom);

  dramatis_network_hash_grid_init (&grid, LABEL_CELL);
  for (guint i = 0; i < h->extra->len; i++)
    {
      g_array_append_val (placed, g_array_index (h->extra, Label, i));
      dramatis_network_hash_grid_insert (&grid, &g_array_index (h->extra, Label, i), placed->len - 1);
    }
  for (guint i = 0; i < dramatis_network_highlight_get_n_lit (self); i++)
    {
      guint id = dramatis_network_highlight_get_lit (self, i);
      int index = p->label_of[id];

      if (index >= 0 && !h->hidden[id])
        {
          g_array_append_val (placed, g_array_index (p->labels, Label, index));
          dramatis_network_hash_grid_insert (&grid, &g_array_index (p->labels, Label, index),
                                             placed->len - 1);
        }
    }

  /* Most important first, as for the others. */
  for (guint i = h->actor_list->len; i-- > 0 && h->extra->len < MAX_EXTRA_LABELS;)
    {
      guint actor = g_array_index (h->actor_list, guint, i);
      Label label = { 0, 0, 0, 0, actor };

      /* Those whose labels the selected actor's hides are placed again. */
      if ((p->label_of[actor] >= 0 && !h->hidden[actor]) || actor == h->selected_actor)
        continue;
      dramatis_network_measure_label (self, actor, &label.width, &label.height);
      if (label.width <= 0)
        continue;

      for (guint k = 0;
           dramatis_network_label_candidate (self, actor, zoom, k, label.width, label.height,
                                             &label.x, &label.y);
           k++)
        {
          if (dramatis_network_hash_grid_overlaps (&grid, placed, label.x, label.y,
                                                   label.width, label.height) ||
              covers_glyph (self, zoom, label.x, label.y, label.width, label.height,
                            actor, h->actors) != COVERS_NOTHING)
            continue;

          add_extra_label (self, &grid, placed, &label);
          break;
        }
    }

  /* Then the lit relations, which on screen have no labels of their own. */
  for (guint i = 0; i < h->relations->len && h->extra->len < MAX_EXTRA_LABELS; i++)
    place_relation_label (self, zoom, &grid, placed, g_array_index (h->relations, guint, i));

  dramatis_network_hash_grid_clear (&grid);
}
