/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "dramatis-network"

#include "config.h"

#include <math.h>

#include "dramatis-network-private.h"

/* The scene: arcs, glyphs and labels within a clip, in a fixed order,
 * drawn either into a Raster by the network's own rasterizer or with cairo
 * for vector targets; and what the pointer is over, drawn on top.
 */

#define SPRITE_MAX_RADIUS      40.0  /* device pixels: larger glyphs are drawn */

/* How each family of relations is stroked: width in units of the theme's
 * line width.  Hostile relations are dashed as well as red, so that they
 * read without colour.
 */
const FamilyStyle dramatis_network_family_styles[DRAMATIS_N_RELATION_FAMILIES] = {
  [DRAMATIS_RELATION_FAMILY_SUPPORT] = { 1.4, FALSE },
  [DRAMATIS_RELATION_FAMILY_HOSTILE] = { 1.4, TRUE },
  [DRAMATIS_RELATION_FAMILY_MEMBERSHIP] = { 0.8, FALSE },
  [DRAMATIS_RELATION_FAMILY_OTHER] = { 1.0, FALSE },
};

#define TILE 256

/* The share of the drawing arcs may ink before they fade, and the
 * faintest they fade to.
 */
#define ARC_INK_MAX   0.1
#define ARC_ALPHA_MIN 0.04

/* About the columns of antialiased arcs a frame can afford, per square
 * device pixel of scale.
 */
#define HAIRLINE_COLUMNS 2.0e6

/* Zoomed out, thousands of arcs would cover everything in their colours
 * and hide the glyphs: where they would ink more than a tenth of the
 * drawing (on average: they are denser in the middle), they fade, by as
 * much as they are too dense.  This depends on
 * the zoom only, never on what is in view, so that a strip matches.
 * dramatis_network_edge_alpha() spreads the fading over the arcs.
 */
double
dramatis_network_arc_alpha_at (DramatisNetwork     *self,
                               const DramatisTheme *theme,
                               double               zoom)
{
  double density = self->arc_length * theme->line_width * 1.2 / MAX (self->area * zoom, 1e-9);

  return CLAMP (ARC_INK_MAX / MAX (density, 1e-9), 0.0, 1.0);
}

/* The alpha of a relation's arc where @arc_alpha is the fading of all of
 * them: the strongest fade least, to @arc_alpha to the power 0.35, and
 * the weakest most, to its power 1.5, so that a hairball reads as the
 * arcs between its hubs over a haze of the rest.  Never fainter than can
 * still be seen.
 */
double
dramatis_network_edge_alpha (DramatisNetwork *self,
                             double           arc_alpha,
                             guint            relation)
{
  double weight = self->edges[relation].weight;

  if (arc_alpha >= 1)
    return 1;
  return CLAMP (pow (arc_alpha, 1.5 - 1.15 * weight), ARC_ALPHA_MIN, 1.0);
}

/**
 * dramatis_network_get_relation_alpha:
 * @self: a network
 * @view: the view
 * @theme: the theme, whose line width counts in how dense arcs are
 * @selected: (nullable): the selected item
 * @relation: a relation
 *
 * How opaque dramatis_network_draw() draws the arc of @relation (as a
 * share of its colour's own alpha): where arcs are dense, the less
 * important fade more; the arcs of the selection are never faded.
 *
 * Returns: the alpha, from 0 to 1
 */
double
dramatis_network_get_relation_alpha (DramatisNetwork           *self,
                                     const DramatisNetworkView *view,
                                     const DramatisTheme       *theme,
                                     const DramatisItem        *selected,
                                     guint                      relation)
{
  DramatisItem none = DRAMATIS_ITEM_INIT_NONE;
  Highlight *h = &self->highlight;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (view != NULL, 0);
  g_return_val_if_fail (theme != NULL, 0);
  g_return_val_if_fail (relation < self->n_relations, 0);

  if (!self->edges[relation].valid || !(view->zoom > 0))
    return 0;

  dramatis_network_ensure_highlight (self, selected != NULL ? selected : &none);
  for (guint i = 0; i < h->relations->len; i++)
    if (g_array_index (h->relations, guint, i) == relation)
      return 1;

  return dramatis_network_edge_alpha (self, dramatis_network_arc_alpha_at (self, theme, view->zoom),
                                      relation);
}

static void
scene_fill (Scene               *sc,
            const DramatisColor *color,
            double               alpha)
{
  if (sc->raster != NULL)
    {
      dramatis_network_raster_fill (sc->raster, dramatis_network_pack_color (color, alpha));
    }
  else
    {
      cairo_rectangle (sc->cr, sc->clip_x0, sc->clip_y0,
                       sc->clip_x1 - sc->clip_x0, sc->clip_y1 - sc->clip_y0);
      dramatis_color_set_source_alpha (color, sc->cr, alpha);
      cairo_fill (sc->cr);
    }
}

static void
scene_triangle (Scene               *sc,
                const double        *p,
                const DramatisColor *color,
                double               alpha)
{
  if (sc->raster != NULL)
    {
      dramatis_network_raster_triangle (sc->raster, p, dramatis_network_pack_color (color, alpha));
    }
  else
    {
      cairo_move_to (sc->cr, p[0], p[1]);
      cairo_line_to (sc->cr, p[2], p[3]);
      cairo_line_to (sc->cr, p[4], p[5]);
      cairo_close_path (sc->cr);
      dramatis_color_set_source_alpha (color, sc->cr, alpha);
      cairo_fill (sc->cr);
    }
}

static void
scene_polyline (Scene               *sc,
                const double        *points,
                guint                n_points,
                const DramatisColor *color,
                double               alpha,
                double               width,
                gboolean             dashed)
{
  double dash[2] = { DASH_ON * sc->scale, DASH_OFF * sc->scale };

  if (sc->raster != NULL)
    {
      guint32 packed = dramatis_network_pack_color (color, alpha);
      double pos = 0;

      for (guint i = 1; i < n_points; i++)
        dramatis_network_raster_line (sc->raster, points[2 * i - 2], points[2 * i - 1],
                                      points[2 * i], points[2 * i + 1],
                                      packed, width, FALSE, dashed ? dash : NULL, &pos);
    }
  else
    {
      cairo_move_to (sc->cr, points[0], points[1]);
      for (guint i = 1; i < n_points; i++)
        cairo_line_to (sc->cr, points[2 * i], points[2 * i + 1]);
      cairo_set_line_width (sc->cr, width);
      cairo_set_line_cap (sc->cr, CAIRO_LINE_CAP_BUTT);
      cairo_set_line_join (sc->cr, CAIRO_LINE_JOIN_ROUND);
      cairo_set_dash (sc->cr, dash, dashed ? 2 : 0, 0);
      dramatis_color_set_source_alpha (color, sc->cr, alpha);
      cairo_stroke (sc->cr);
      cairo_set_dash (sc->cr, NULL, 0, 0);
    }
}

/* The arc of a relation in scene units, cut where it meets the glyphs
 * and the arrowheads; returns the number of points, 0 if nothing shows.
 */
static guint
scene_edge_geometry (const Scene *sc,
                     guint        relation,
                     double      *points,
                     double      *arrows,
                     guint       *n_arrows,
                     double       width)
{
  DramatisNetwork *self = sc->self;
  const Edge *edge = &self->edges[relation];
  guint n = dramatis_network_edge_world_points (self, edge,
                                                dramatis_network_edge_segments (self, edge, sc->k),
                                                points);
  double length, start, end, head, half;
  gboolean head_to, head_from;

  *n_arrows = 0;
  for (guint i = 0; i < n; i++)
    dramatis_network_scene_point (sc, points[2 * i], points[2 * i + 1],
                                  &points[2 * i], &points[2 * i + 1]);

  length = dramatis_network_polyline_length (points, n);
  if (length < 0.5)
    return 0;
  if (edge->from == edge->to)
    return n;

  start = (dramatis_network_display_radius (self, edge->from, sc->zoom) *
           dramatis_network_extents_of (self, edge->from)->trim + NODE_OUTLINE) * sc->scale;
  end = (dramatis_network_display_radius (self, edge->to, sc->zoom) *
         dramatis_network_extents_of (self, edge->to)->trim + NODE_OUTLINE) * sc->scale;
  if (length - start - end < 1)
    return 0;

  /* Arrowheads only where there is room for them and a stub of line, and
   * no larger than the glyph they point at, by much.
   */
  head = MIN (6 + 2 * width / sc->scale,
              3 + dramatis_network_display_radius (self, edge->to, sc->zoom)) * sc->scale;
  half = head * 0.42;
  head_to = edge->direction != DRAMATIS_DIRECTION_UNDIRECTED;
  head_from = edge->direction == DRAMATIS_DIRECTION_MUTUAL;
  if (length - start - end < head * (1.5 + head_from + head_to))
    head_to = head_from = FALSE;

  for (guint i = 0; i < 2; i++)
    {
      gboolean at_end = i == 0;
      double tip_s = at_end ? length - end : start;
      double base_s = at_end ? tip_s - head : tip_s + head;
      double tx, ty, bx, by, dx, dy, nx, ny;

      if (!(at_end ? head_to : head_from))
        continue;

      dramatis_network_polyline_point_at (points, n, tip_s, &tx, &ty, &dx, &dy);
      dramatis_network_polyline_point_at (points, n, base_s, &bx, &by, &dx, &dy);
      dx = tx - bx;
      dy = ty - by;
      nx = -dy / head * half;
      ny = dx / head * half;
      arrows[6 * *n_arrows + 0] = tx;
      arrows[6 * *n_arrows + 1] = ty;
      arrows[6 * *n_arrows + 2] = bx + nx;
      arrows[6 * *n_arrows + 3] = by + ny;
      arrows[6 * *n_arrows + 4] = bx - nx;
      arrows[6 * *n_arrows + 5] = by - ny;
      (*n_arrows)++;
    }

  /* The line runs under the base of a head, so that no gap shows. */
  if (head_from)
    start += head * 0.7;
  if (head_to)
    end += head * 0.7;

  return dramatis_network_polyline_cut (points, n, start, length - end);
}

/* The colour, alpha and width (scene units) of a relation's arc. */
static const DramatisColor *
edge_style (const Scene *sc,
            guint        relation,
            gboolean     highlighted,
            double      *alpha,
            double      *width)
{
  DramatisNetwork *self = sc->self;
  const Edge *edge = &self->edges[relation];
  const DramatisColor *color = &sc->theme->relation_families[edge->family];

  *width = sc->theme->line_width * dramatis_network_family_styles[edge->family].width * sc->scale;
  *alpha = dramatis_network_edge_alpha (self, sc->arc_alpha, relation);
  if (highlighted)
    {
      *width *= 1.8;
      *alpha = 1 / MAX (color->alpha, 0.01);
      if (relation == self->highlight.accent_relation)
        {
          color = &sc->theme->accent;
          *width *= 1.3;
        }
    }

  return color;
}

static void
scene_edge (Scene    *sc,
            guint     relation,
            gboolean  highlighted)
{
  const Edge *edge = &sc->self->edges[relation];
  double points[2 * MAX_POINTS], arrows[12];
  double alpha, width;
  const DramatisColor *color = edge_style (sc, relation, highlighted, &alpha, &width);
  guint n, n_arrows;

  n = scene_edge_geometry (sc, relation, points, arrows, &n_arrows, width);
  if (n < 2)
    return;

  scene_polyline (sc, points, n, color, alpha, width,
                  dramatis_network_family_styles[edge->family].dashed);
  for (guint i = 0; i < n_arrows; i++)
    scene_triangle (sc, &arrows[6 * i], color, alpha);
}

/* Rasterizes the arcs of the relations @mark marks, one tile of the
 * raster at a time: thousands of long arcs crossing a whole image touch
 * its memory all over, and a tile's pixels stay in the cache while every
 * arc over it is drawn.  Each tile takes the arcs in the same order, so
 * the result is the same as drawing them in one pass.
 */
static void
scene_edges_tiled (Scene *sc,
                   guint  mark)
{
  DramatisNetwork *self = sc->self;
  GArray *shapes = self->scratch_shapes;
  GArray *points = self->scratch_points;
  const double dash[2] = { DASH_ON * sc->scale, DASH_OFF * sc->scale };
  Raster *raster = sc->raster;
  double columns = 0;
  gboolean hairline;

  g_array_set_size (shapes, 0);
  g_array_set_size (points, 0);

  for (guint r = 0; r < self->n_relations; r++)
    {
      double p[2 * MAX_POINTS];
      double alpha;
      Shape shape;
      const DramatisColor *color;

      if (self->relation_mark[r] != mark)
        continue;

      color = edge_style (sc, r, FALSE, &alpha, &shape.width);
      shape.n_points = scene_edge_geometry (sc, r, p, shape.arrows, &shape.n_arrows, shape.width);
      if (shape.n_points < 2)
        continue;

      shape.first = points->len / 2;
      shape.style_color = color;
      shape.alpha = alpha;
      shape.dashed = dramatis_network_family_styles[self->edges[r].family].dashed;
      shape.x0 = shape.y0 = G_MAXDOUBLE;
      shape.x1 = shape.y1 = -G_MAXDOUBLE;
      for (guint i = 0; i < shape.n_points; i++)
        {
          shape.x0 = MIN (shape.x0, p[2 * i]);
          shape.y0 = MIN (shape.y0, p[2 * i + 1]);
          shape.x1 = MAX (shape.x1, p[2 * i]);
          shape.y1 = MAX (shape.y1, p[2 * i + 1]);
        }
      for (guint i = 0; i < 3 * shape.n_arrows; i++)
        {
          shape.x0 = MIN (shape.x0, shape.arrows[2 * i]);
          shape.y0 = MIN (shape.y0, shape.arrows[2 * i + 1]);
          shape.x1 = MAX (shape.x1, shape.arrows[2 * i]);
          shape.y1 = MAX (shape.y1, shape.arrows[2 * i + 1]);
        }
      shape.x0 -= shape.width + 1;
      shape.y0 -= shape.width + 1;
      shape.x1 += shape.width + 1;
      shape.y1 += shape.width + 1;
      if (shape.x1 < raster->x0 || shape.x0 > raster->x1 ||
          shape.y1 < raster->y0 || shape.y0 > raster->y1)
        continue;

      columns += MIN (MAX (shape.x1 - shape.x0, shape.y1 - shape.y0),
                      MAX (raster->x1 - raster->x0, raster->y1 - raster->y0));
      g_array_append_vals (points, p, 2 * shape.n_points);
      g_array_append_val (shapes, shape);
    }

  /* Level of detail: where arcs are dense enough to fade, or where
   * antialiasing them all would take longer than a frame should, they are
   * hairlines.  The whole drawing decides, and the strips drawn as it is
   * panned follow, so that they match it.
   */
  if (sc->hairline == NULL)
    hairline = FALSE;
  else if (sc->decide_hairline)
    hairline = *sc->hairline = sc->arc_alpha < 1 ||
               columns > HAIRLINE_COLUMNS * sc->scale * sc->scale;
  else
    hairline = *sc->hairline;

  for (guint i = 0; i < shapes->len; i++)
    {
      Shape *shape = &g_array_index (shapes, Shape, i);

      shape->color = dramatis_network_pack_color (shape->style_color,
                                                  hairline ? shape->alpha * MIN (shape->width, 1.0)
                                                           : shape->alpha);
    }

  for (int ty = raster->y0; ty < raster->y1; ty += TILE)
    for (int tx = raster->x0; tx < raster->x1; tx += TILE)
      {
        Raster tile = *raster;

        tile.x0 = tx;
        tile.y0 = ty;
        tile.x1 = MIN (tx + TILE, raster->x1);
        tile.y1 = MIN (ty + TILE, raster->y1);

        for (guint i = 0; i < shapes->len; i++)
          {
            const Shape *shape = &g_array_index (shapes, Shape, i);
            const double *q = &g_array_index (points, double, 2 * shape->first);
            double pos = 0;

            if (shape->x1 < tile.x0 || shape->x0 > tile.x1 ||
                shape->y1 < tile.y0 || shape->y0 > tile.y1)
              continue;

            for (guint k = 1; k < shape->n_points; k++)
              dramatis_network_raster_line (&tile, q[2 * k - 2], q[2 * k - 1],
                                            q[2 * k], q[2 * k + 1],
                                            shape->color, shape->width, hairline,
                                            shape->dashed ? dash : NULL, &pos);
            for (guint k = 0; k < shape->n_arrows; k++)
              dramatis_network_raster_triangle (&tile, &shape->arrows[6 * k], shape->color);
          }
      }
}

static void
scene_node (Scene    *sc,
            guint     actor,
            gboolean  selected)
{
  DramatisNetwork *self = sc->self;
  double x, y, extent;
  double r = dramatis_network_display_radius (self, actor, sc->zoom) * sc->scale;

  dramatis_network_scene_point (sc, self->xy[2 * actor], self->xy[2 * actor + 1], &x, &y);

  /* The grid marks the actors of its edge cells for a view far outside
   * it: those must not reach the conversions to pixels below.
   */
  extent = r * GLYPH_EXTENT_MAX +
           (NODE_OUTLINE + SELECTION_RING_GAP + SELECTION_RING_WIDTH + 1) * sc->scale;
  if (x + extent < sc->clip_x0 || x - extent > sc->clip_x1 ||
      y + extent < sc->clip_y0 || y - extent > sc->clip_y1)
    return;

  if (sc->raster != NULL && r <= SPRITE_MAX_RADIUS)
    {
      cairo_surface_t *sprite = dramatis_network_get_sprite (self, sc->theme, self->kinds[actor],
                                                             r, sc->scale, selected);
      int size = cairo_image_surface_get_width (sprite);

      dramatis_network_raster_blit (sc->raster, sprite,
                                    (int) floor (x - size / 2.0 + 0.5),
                                    (int) floor (y - size / 2.0 + 0.5));
    }
  else if (sc->raster != NULL)
    {
      /* Zoomed in, a glyph is large and drawn once: no image for it. */
      Raster *raster = sc->raster;
      double sx, sy;
      cairo_t *cr;

      cairo_surface_mark_dirty (raster->surface);
      cairo_surface_get_device_scale (raster->surface, &sx, &sy);
      cr = cairo_create (raster->surface);
      cairo_scale (cr, 1 / sx, 1 / sy);
      cairo_rectangle (cr, raster->x0, raster->y0,
                       raster->x1 - raster->x0, raster->y1 - raster->y0);
      cairo_clip (cr);
      dramatis_network_draw_glyph (cr, sc->theme, self->kinds[actor], x, y, r, sc->scale, selected);
      cairo_destroy (cr);
      cairo_surface_flush (raster->surface);
    }
  else
    dramatis_network_draw_glyph (sc->cr, sc->theme, self->kinds[actor], x, y, r, 1, selected);
}

static void
scene_label (Scene       *sc,
             const Label *label)
{
  DramatisNetwork *self = sc->self;
  double x = (label->x - sc->cx * sc->zoom) * sc->scale + sc->ox;
  double y = (label->y - sc->cy * sc->zoom) * sc->scale + sc->oy;

  if (x > sc->clip_x1 || y > sc->clip_y1 ||
      x + label->width * sc->scale < sc->clip_x0 || y + label->height * sc->scale < sc->clip_y0)
    return;

  if (sc->raster != NULL)
    {
      cairo_surface_t *image = dramatis_network_get_label_image (self, sc->theme, label->id, sc->scale);

      if (image != NULL)
        dramatis_network_raster_blit (sc->raster, image, (int) floor (x + 0.5), (int) floor (y + 0.5));
    }
  else
    dramatis_network_draw_label_text (self, sc->cr, sc->theme, label->id, x, y);
}

/* A drawing of @view at scale 1 with cairo, on @cr (which may be %NULL
 * for a drawing that only measures, as hit-testing), and nothing else
 * set: no clip, no raster.
 */
void
dramatis_network_scene_init (Scene                     *sc,
                             DramatisNetwork           *self,
                             const DramatisNetworkView *view,
                             const DramatisTheme       *theme,
                             cairo_t                   *cr)
{
  *sc = (Scene) { 0, };
  sc->self = self;
  sc->theme = theme;
  sc->zoom = view->zoom;
  sc->scale = 1;
  sc->k = view->zoom;
  sc->cx = view->center_x;
  sc->cy = view->center_y;
  sc->ox = view->width / 2;
  sc->oy = view->height / 2;
  sc->cr = cr;
}

/* Draws everything within the clip: arcs, glyphs and labels; then, when
 * something is selected, a veil of background over them all and what the
 * selection lights up again on top.  sc->layers may ask for the first part
 * only, with every label, or for the second only.  Order is fixed (arcs by
 * index, glyphs from least to most important, labels in placement order),
 * so that a strip drawn alone matches the same strip of a whole drawing.
 */
void
dramatis_network_scene_draw (Scene *sc)
{
  DramatisNetwork *self = sc->self;
  Highlight *h = &self->highlight;
  LabelPlacement *p = &self->placement;
  double wx0 = (sc->clip_x0 - sc->ox) / sc->k + sc->cx;
  double wy0 = (sc->clip_y0 - sc->oy) / sc->k + sc->cy;
  double wx1 = (sc->clip_x1 - sc->ox) / sc->k + sc->cx;
  double wy1 = (sc->clip_y1 - sc->oy) / sc->k + sc->cy;
  double reach = ((dramatis_network_radius_at (self->max_radius, sc->zoom) * GLYPH_EXTENT_MAX +
                   SELECTION_RING_GAP + SELECTION_RING_WIDTH + 2) * sc->scale + 2) / sc->k;
  double arc_reach = (16 * sc->theme->line_width * sc->scale + 2) / sc->k;
  gboolean base = sc->layers != SCENE_LAYERS_SELECTION;
  guint relation_mark, actor_mark;

  if (base)
    scene_fill (sc, &sc->theme->background, 1);
  if (self->n_actors == 0)
    return;

  relation_mark = dramatis_network_mark_relations_in (self, wx0 - arc_reach, wy0 - arc_reach,
                                                      wx1 + arc_reach, wy1 + arc_reach);
  if (base && sc->raster != NULL)
    scene_edges_tiled (sc, relation_mark);
  else if (base)
    for (guint r = 0; r < self->n_relations; r++)
      if (self->relation_mark[r] == relation_mark)
        scene_edge (sc, r, FALSE);

  actor_mark = dramatis_network_mark_actors_in (self, wx0, wy0, wx1, wy1, reach);
  if (base)
    {
      for (guint i = self->n_actors; i-- > 0;)
        if (self->actor_mark[self->order[i]] == actor_mark)
          scene_node (sc, self->order[i], FALSE);

      /* Labels that a label of the selection covers are left out, under
       * the veil too, so that it reads.
       */
      for (guint i = 0; i < p->labels->len; i++)
        {
          const Label *label = &g_array_index (p->labels, Label, i);

          if (sc->layers == SCENE_LAYERS_BASE || !h->hidden[label->id])
            scene_label (sc, label);
        }
    }

  if (sc->layers == SCENE_LAYERS_BASE || dramatis_network_highlight_is_empty (self))
    return;

  scene_fill (sc, &sc->theme->background, 1 - CLAMP (sc->theme->dim_alpha, 0, 1));

  for (guint i = 0; i < h->relations->len; i++)
    {
      guint r = g_array_index (h->relations, guint, i);

      if (self->relation_mark[r] == relation_mark)
        scene_edge (sc, r, TRUE);
    }

  for (guint i = 0; i < h->actor_list->len; i++)
    {
      guint actor = g_array_index (h->actor_list, guint, i);

      if (self->actor_mark[actor] == actor_mark)
        scene_node (sc, actor, actor == h->selected_actor);
    }

  for (guint i = 0; i < dramatis_network_highlight_get_n_lit (self); i++)
    {
      guint id = dramatis_network_highlight_get_lit (self, i);
      int index = p->label_of[id];

      if (index >= 0 && !h->hidden[id])
        scene_label (sc, &g_array_index (p->labels, Label, index));
    }
  /* The selected actor's label, when it needed a place of its own, is
   * first: drawn last, over everything.
   */
  for (guint i = h->extra->len; i-- > 0;)
    scene_label (sc, &g_array_index (h->extra, Label, i));
}

void
dramatis_network_draw_vector (DramatisNetwork           *self,
                              cairo_t                   *cr,
                              const DramatisNetworkView *view,
                              const DramatisTheme       *theme)
{
  Scene sc;

  dramatis_network_scene_init (&sc, self, view, theme, cr);
  sc.clip_x0 = 0;
  sc.clip_y0 = 0;
  sc.clip_x1 = view->width;
  sc.clip_y1 = view->height;
  sc.arc_alpha = dramatis_network_arc_alpha_at (self, theme, view->zoom);

  cairo_save (cr);
  dramatis_network_scene_draw (&sc);
  cairo_restore (cr);
}

static gboolean
has_extra_label (DramatisNetwork *self,
                 guint            id)
{
  for (guint i = 0; i < self->highlight.extra->len; i++)
    if (g_array_index (self->highlight.extra, Label, i).id == id)
      return TRUE;
  return FALSE;
}

/* What the pointer is over, drawn over the scene every time: a ring
 * around an actor, with its name if it had no room for a label, or a
 * broad band along a relation.
 */
void
dramatis_network_draw_hover (DramatisNetwork           *self,
                             cairo_t                   *cr,
                             const DramatisNetworkView *view,
                             const DramatisTheme       *theme,
                             const DramatisItem        *hovered)
{
  Scene sc;

  dramatis_network_scene_init (&sc, self, view, theme, cr);

  if (hovered->kind == DRAMATIS_ITEM_ACTOR && hovered->index < self->n_actors)
    {
      guint actor = hovered->index;
      const GlyphExtents *ext = dramatis_network_extents_of (self, actor);
      double r = dramatis_network_display_radius (self, actor, view->zoom);
      double x, y, lx, ly, width, height;

      dramatis_network_scene_point (&sc, self->xy[2 * actor], self->xy[2 * actor + 1], &x, &y);
      cairo_save (cr);
      cairo_new_sub_path (cr);
      cairo_arc (cr, x, y, r * MAX (MAX (ext->top, ext->left), 1.0) + SELECTION_RING_GAP + 1.5,
                 0, 2 * G_PI);
      cairo_set_line_width (cr, 3);
      dramatis_color_set_source (&theme->hover, cr);
      cairo_stroke (cr);
      cairo_restore (cr);

      /* Drawn over the labels around it, on a plate that keeps it
       * readable; unless it is drawn already, as the selection's.
       */
      if ((self->placement.label_of[actor] < 0 || self->highlight.hidden[actor]) &&
          !has_extra_label (self, actor))
        {
          dramatis_network_measure_label (self, actor, &width, &height);
          dramatis_network_label_candidate (self, actor, view->zoom, 0, width, height, &lx, &ly);
          dramatis_network_draw_label_plate (self, cr, theme, actor,
                                             lx - view->center_x * view->zoom + view->width / 2,
                                             ly - view->center_y * view->zoom + view->height / 2);
        }
    }
  else if (hovered->kind == DRAMATIS_ITEM_RELATION && hovered->index < self->n_relations &&
           self->edges[hovered->index].valid)
    {
      double points[2 * MAX_POINTS], arrows[12];
      guint n_arrows;
      guint n = scene_edge_geometry (&sc, hovered->index, points, arrows, &n_arrows, 1);

      guint id = self->n_actors + hovered->index;
      double mx, my, width, height;

      if (n >= 2)
        {
          cairo_save (cr);
          cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
          scene_polyline (&sc, points, n, &theme->hover, 1, 6, FALSE);
          cairo_restore (cr);
        }

      /* A relation without room for its label says what it is while the
       * pointer is on it, over its middle.
       */
      if ((self->placement.label_of[id] < 0 || self->highlight.hidden[id]) &&
          !has_extra_label (self, id) &&
          dramatis_network_get_relation_midpoint (self, view, hovered->index, &mx, &my))
        {
          dramatis_network_measure_label (self, id, &width, &height);
          if (width > 0)
            dramatis_network_draw_label_plate (self, cr, theme, id, mx - width / 2, my - height / 2);
        }
    }
}
