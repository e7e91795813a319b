/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "dramatis-network"

#include "config.h"

#include <math.h>

#include "dramatis-network-private.h"

/* Hit-testing: what is drawn at a point of a view, which actors a
 * rectangle shows, and where an item's label or arc is.
 */

#define HIT_TOLERANCE          4.0

/* Whether the point (zoom space) is on the glyph's shape or within
 * @tolerance of it.
 */
static gboolean
glyph_contains (DramatisNetwork *self,
                guint            actor,
                double           zoom,
                double           x,
                double           y,
                double           tolerance)
{
  double r = dramatis_network_display_radius (self, actor, zoom);
  double dx = x - self->xy[2 * actor] * zoom;
  double dy = y - self->xy[2 * actor + 1] * zoom;

  tolerance += NODE_OUTLINE;
  if (r < 2.5)
    return dramatis_network_distance (dx, dy) <= r + tolerance;

  switch (self->kinds[actor])
    {
    case DRAMATIS_ACTOR_KIND_STATE:
      return fabs (dx) <= 0.886 * r + tolerance && fabs (dy) <= 0.886 * r + tolerance;

    case DRAMATIS_ACTOR_KIND_ORGANIZATION:
      return fabs (dx) + fabs (dy) <= 1.253 * r + tolerance * G_SQRT2;

    case DRAMATIS_ACTOR_KIND_GROUP:
      /* Within @tolerance of the inside of all three sides. */
      return dy <= 0.777 * r + tolerance &&
             0.866 * dx - 0.5 * dy <= 0.777 * r + tolerance &&
             -0.866 * dx - 0.5 * dy <= 0.777 * r + tolerance;

    case DRAMATIS_ACTOR_KIND_PERSON:
    case DRAMATIS_ACTOR_KIND_OTHER:
    default:
      return dramatis_network_distance (dx, dy) <= r + tolerance;
    }
}

/* The relation whose arc passes nearest (x, y), within the tolerance. */
static guint
hit_relation (DramatisNetwork           *self,
              const DramatisNetworkView *view,
              double                     x,
              double                     y)
{
  Scene sc;
  double wx, wy, reach = HIT_TOLERANCE / view->zoom;
  double best = HIT_TOLERANCE;
  guint found = DRAMATIS_NO_INDEX;
  guint mark;

  dramatis_network_scene_init (&sc, self, view, NULL, NULL);

  dramatis_network_view_to_world (view, x, y, &wx, &wy);
  mark = dramatis_network_mark_relations_in (self, wx - reach, wy - reach, wx + reach, wy + reach);

  for (guint r = 0; r < self->n_relations; r++)
    {
      const Edge *edge = &self->edges[r];
      double points[2 * MAX_POINTS];
      guint n;

      if (self->relation_mark[r] != mark)
        continue;

      n = dramatis_network_edge_world_points (self, edge,
                                              dramatis_network_edge_segments (self, edge, sc.k),
                                              points);
      for (guint i = 0; i < n; i++)
        dramatis_network_scene_point (&sc, points[2 * i], points[2 * i + 1],
                                      &points[2 * i], &points[2 * i + 1]);

      for (guint i = 1; i < n; i++)
        {
          double ax = points[2 * i - 2], ay = points[2 * i - 1];
          double dx = points[2 * i] - ax, dy = points[2 * i + 1] - ay;
          double length2 = dx * dx + dy * dy;
          double t = length2 > 0 ? CLAMP (((x - ax) * dx + (y - ay) * dy) / length2, 0, 1) : 0;
          double d = dramatis_network_distance (ax + t * dx - x, ay + t * dy - y);

          if (d <= best)
            {
              best = d;
              found = r;
            }
        }
    }

  return found;
}

/**
 * dramatis_network_hit:
 * @self: a network
 * @view: the view
 * @x: a point of the view
 * @y: a point of the view
 *
 * What is drawn at a point: an actor if the point is on its glyph or its
 * label, else a relation whose arc or label passes within a few pixels.
 * Labels are those of the last drawing at this zoom: those the selection
 * added answer for their items, and those they hid do not.
 *
 * Returns: the item, or a %DRAMATIS_ITEM_NONE item
 */
DramatisItem
dramatis_network_hit (DramatisNetwork           *self,
                      const DramatisNetworkView *view,
                      double                     x,
                      double                     y)
{
  DramatisItem item = DRAMATIS_ITEM_INIT_NONE;
  LabelPlacement *p;
  Highlight *h = &self->highlight;
  gboolean shown;
  double wx, wy, zx, zy, reach;
  guint best_rank = G_MAXUINT;
  guint mark, relation;

  g_return_val_if_fail (self != NULL, item);
  g_return_val_if_fail (view != NULL, item);

  if (self->n_actors == 0 || !(view->zoom > 0) || isnan (x) || isnan (y))
    return item;

  /* Glyphs: the one on top, which is the most important. */
  dramatis_network_view_to_world (view, x, y, &wx, &wy);
  zx = wx * view->zoom;
  zy = wy * view->zoom;
  reach = (dramatis_network_radius_at (self->max_radius, view->zoom) * GLYPH_EXTENT_MAX + 4) /
          view->zoom;
  mark = dramatis_network_mark_actors_in (self, wx, wy, wx, wy, reach);
  for (guint a = 0; a < self->n_actors; a++)
    {
      if (self->actor_mark[a] != mark)
        continue;
      if (!glyph_contains (self, a, view->zoom, zx, zy, 2))
        continue;

      if (self->rank[a] < best_rank)
        {
          best_rank = self->rank[a];
          item.kind = DRAMATIS_ITEM_ACTOR;
          item.index = a;
        }
    }
  if (item.kind != DRAMATIS_ITEM_NONE)
    return item;

  /* Labels do not overlap: at most one holds the point.  Those the
   * selection drew at this zoom come first, and those they hid are not
   * there.
   */
  dramatis_network_ensure_placement (self, view->zoom, view->show_edge_labels);
  p = &self->placement;
  shown = h->extra_valid && h->extra_zoom == view->zoom &&
          h->extra_edge_labels == view->show_edge_labels;
  for (guint i = 0; shown && i < h->extra->len; i++)
    {
      const Label *l = &g_array_index (h->extra, Label, i);

      if (zx >= l->x && zx < l->x + l->width && zy >= l->y && zy < l->y + l->height)
        {
          item.kind = l->id < self->n_actors ? DRAMATIS_ITEM_ACTOR : DRAMATIS_ITEM_RELATION;
          item.index = l->id < self->n_actors ? l->id : l->id - self->n_actors;
          return item;
        }
    }
  for (gint e = p->grid.heads[dramatis_network_hash_cell ((gint64) floor (zx / p->grid.cell),
                                                          (gint64) floor (zy / p->grid.cell))];
       e >= 0; e = g_array_index (p->grid.next, gint, e))
    {
      const Label *l = &g_array_index (p->labels, Label, g_array_index (p->grid.items, guint, e));

      if (zx >= l->x && zx < l->x + l->width && zy >= l->y && zy < l->y + l->height &&
          !(shown && h->hidden[l->id]))
        {
          item.kind = l->id < self->n_actors ? DRAMATIS_ITEM_ACTOR : DRAMATIS_ITEM_RELATION;
          item.index = l->id < self->n_actors ? l->id : l->id - self->n_actors;
          return item;
        }
    }

  relation = hit_relation (self, view, x, y);
  if (relation != DRAMATIS_NO_INDEX)
    {
      item.kind = DRAMATIS_ITEM_RELATION;
      item.index = relation;
    }

  return item;
}

/**
 * dramatis_network_collect_actors_in_rect:
 * @self: a network
 * @view: the view
 * @rect: (nullable): a rectangle of the view, or %NULL for the whole view
 * @actors: (element-type guint): where to append the actors whose glyphs
 *   the rectangle shows, in the order of their indices
 */
void
dramatis_network_collect_actors_in_rect (DramatisNetwork           *self,
                                         const DramatisNetworkView *view,
                                         const DramatisNetworkRect *rect,
                                         GArray                    *actors)
{
  DramatisNetworkRect all;
  double wx0, wy0, wx1, wy1, reach;
  guint mark;

  g_return_if_fail (self != NULL);
  g_return_if_fail (view != NULL);
  g_return_if_fail (actors != NULL);

  if (self->n_actors == 0 || !(view->zoom > 0))
    return;

  if (rect == NULL)
    {
      all = (DramatisNetworkRect) { 0, 0, view->width, view->height };
      rect = &all;
    }

  dramatis_network_view_to_world (view, rect->x, rect->y, &wx0, &wy0);
  dramatis_network_view_to_world (view, rect->x + rect->width, rect->y + rect->height, &wx1, &wy1);
  reach = (dramatis_network_radius_at (self->max_radius, view->zoom) * GLYPH_EXTENT_MAX + 2) /
          view->zoom;
  mark = dramatis_network_mark_actors_in (self, wx0, wy0, wx1, wy1, reach);

  for (guint a = 0; a < self->n_actors; a++)
    {
      double gx, gy, gw, gh;

      if (self->actor_mark[a] != mark)
        continue;
      dramatis_network_glyph_box (self, a, view->zoom, &gx, &gy, &gw, &gh);
      if (dramatis_network_rects_overlap (wx0 * view->zoom, wy0 * view->zoom,
                                          rect->width, rect->height, gx, gy, gw, gh))
        g_array_append_val (actors, a);
    }
}

/* Where @label is in the view. */
static void
label_to_view (const Label               *label,
               const DramatisNetworkView *view,
               DramatisNetworkRect       *rect)
{
  rect->x = label->x - view->center_x * view->zoom + view->width / 2;
  rect->y = label->y - view->center_y * view->zoom + view->height / 2;
  rect->width = label->width;
  rect->height = label->height;
}

/**
 * dramatis_network_get_label_rect:
 * @self: a network
 * @view: the view
 * @item: an actor, or a relation when the view shows their labels
 * @rect: (out): where its label is, halo included, in view coordinates
 *
 * Labels are placed once for each zoom, so that panning does not move
 * them; none covers another.
 *
 * Returns: %TRUE if the item's label has a place at this zoom, %FALSE if
 *   it was left out for want of room
 */
gboolean
dramatis_network_get_label_rect (DramatisNetwork           *self,
                                 const DramatisNetworkView *view,
                                 const DramatisItem        *item,
                                 DramatisNetworkRect       *rect)
{
  const Label *label;
  int index;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (view != NULL, FALSE);
  g_return_val_if_fail (item != NULL, FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);

  if (!(view->zoom > 0))
    return FALSE;

  dramatis_network_ensure_placement (self, view->zoom, view->show_edge_labels);
  if (item->kind == DRAMATIS_ITEM_ACTOR && item->index < self->n_actors)
    index = self->placement.label_of[item->index];
  else if (item->kind == DRAMATIS_ITEM_RELATION && item->index < self->n_relations)
    index = self->placement.label_of[self->n_actors + item->index];
  else
    return FALSE;
  if (index < 0)
    return FALSE;

  label = &g_array_index (self->placement.labels, Label, index);
  label_to_view (label, view, rect);

  return TRUE;
}

/**
 * dramatis_network_get_shown_label_rect:
 * @self: a network
 * @view: the view
 * @selected: (nullable): the selected item
 * @item: an actor or a relation
 * @rect: (out): where its label is drawn, halo included, in view coordinates
 *
 * Where dramatis_network_draw() draws the label of @item while @selected
 * is selected: the selection lights up labels that had no room (the
 * selected actor's always, and its relations'), and hides the labels
 * they cover.
 *
 * Returns: %TRUE if the label of @item is drawn
 */
gboolean
dramatis_network_get_shown_label_rect (DramatisNetwork           *self,
                                       const DramatisNetworkView *view,
                                       const DramatisItem        *selected,
                                       const DramatisItem        *item,
                                       DramatisNetworkRect       *rect)
{
  DramatisItem none = DRAMATIS_ITEM_INIT_NONE;
  Highlight *h = &self->highlight;
  guint id;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (view != NULL, FALSE);
  g_return_val_if_fail (item != NULL, FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);

  if (!(view->zoom > 0))
    return FALSE;
  if (item->kind == DRAMATIS_ITEM_ACTOR && item->index < self->n_actors)
    id = item->index;
  else if (item->kind == DRAMATIS_ITEM_RELATION && item->index < self->n_relations)
    id = self->n_actors + item->index;
  else
    return FALSE;

  dramatis_network_ensure_highlight (self, selected != NULL ? selected : &none);
  dramatis_network_ensure_placement (self, view->zoom, view->show_edge_labels);
  dramatis_network_ensure_extra_labels (self, view->zoom, view->show_edge_labels);

  for (guint i = 0; i < h->extra->len; i++)
    {
      const Label *label = &g_array_index (h->extra, Label, i);

      if (label->id == id)
        {
          label_to_view (label, view, rect);
          return TRUE;
        }
    }

  return !h->hidden[id] && dramatis_network_get_label_rect (self, view, item, rect);
}

/**
 * dramatis_network_get_relation_midpoint:
 * @self: a network
 * @view: the view
 * @relation: a relation
 * @x: (out): the middle of its arc, in view coordinates
 * @y: (out): the middle of its arc
 *
 * Where the relation's label goes, or a popover about it.
 *
 * Returns: %FALSE if the relation is not drawn: one of its actors is unknown
 */
gboolean
dramatis_network_get_relation_midpoint (DramatisNetwork           *self,
                                        const DramatisNetworkView *view,
                                        guint                      relation,
                                        double                    *x,
                                        double                    *y)
{
  double wx, wy;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (view != NULL, FALSE);
  g_return_val_if_fail (relation < self->n_relations, FALSE);
  g_return_val_if_fail (x != NULL && y != NULL, FALSE);

  if (!self->edges[relation].valid)
    return FALSE;

  dramatis_network_edge_world_midpoint (self, &self->edges[relation], &wx, &wy);
  dramatis_network_view_to_screen (view, wx, wy, x, y);
  return TRUE;
}
