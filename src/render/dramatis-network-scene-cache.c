/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "dramatis-network"

#include "config.h"

#include <math.h>
#include <string.h>

#include "dramatis-network-private.h"

/* Raster targets: the scene is kept as an image.  Panning scrolls it and
 * draws only the strips that come into view; zooming during a gesture
 * stretches it until the gesture ends.
 */

static void
scene_cache_render (DramatisNetwork     *self,
                    const DramatisTheme *theme,
                    int                  x0,
                    int                  y0,
                    int                  x1,
                    int                  y1,
                    gboolean             whole,
                    SceneLayers          layers)
{
  SceneCache *c = &self->scene;
  Raster raster;
  Scene sc;

  cairo_surface_flush (c->surface);
  raster.surface = c->surface;
  raster.pixels = (guint32 *) cairo_image_surface_get_data (c->surface);
  raster.stride = cairo_image_surface_get_stride (c->surface) / 4;
  raster.width = c->pw;
  raster.height = c->ph;
  raster.x0 = MAX (x0, 0);
  raster.y0 = MAX (y0, 0);
  raster.x1 = MIN (x1, c->pw);
  raster.y1 = MIN (y1, c->ph);

  sc.self = self;
  sc.theme = theme;
  sc.zoom = c->zoom;
  sc.scale = c->scale;
  sc.k = c->zoom * c->scale;
  sc.cx = c->center_x;
  sc.cy = c->center_y;
  sc.ox = c->width * c->scale / 2;
  sc.oy = c->height * c->scale / 2;
  sc.clip_x0 = raster.x0;
  sc.clip_y0 = raster.y0;
  sc.clip_x1 = raster.x1;
  sc.clip_y1 = raster.y1;
  sc.arc_alpha = dramatis_network_arc_alpha_at (self, theme, c->zoom);
  sc.hairline = &c->hairline;
  sc.decide_hairline = whole;
  sc.layers = layers;
  sc.raster = &raster;
  sc.cr = NULL;

  if (raster.x0 < raster.x1 && raster.y0 < raster.y1)
    dramatis_network_scene_draw (&sc);

  cairo_surface_mark_dirty (c->surface);
}

static cairo_surface_t *
new_cache_surface (int    width,
                   int    height,
                   double device_scale)
{
  /* Opaque, so that painting it is a copy. */
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);

  cairo_surface_set_device_scale (surface, device_scale, device_scale);
  return surface;
}

static void
copy_surface (cairo_surface_t *to,
              cairo_surface_t *from)
{
  cairo_surface_flush (from);
  cairo_surface_flush (to);
  memcpy (cairo_image_surface_get_data (to), cairo_image_surface_get_data (from),
          (gsize) cairo_image_surface_get_stride (from) * cairo_image_surface_get_height (from));
  cairo_surface_mark_dirty (to);
}

/* Puts the selection over the scene with nothing selected, which the
 * cache holds: the veil and what it lights up, then again, whole, the
 * places of the labels it hides, which the scene without it still has.
 */
static void
scene_cache_render_selection (DramatisNetwork     *self,
                              const DramatisTheme *theme)
{
  SceneCache *c = &self->scene;
  LabelPlacement *p = &self->placement;

  if (dramatis_network_highlight_is_empty (self))
    return;

  scene_cache_render (self, theme, 0, 0, c->pw, c->ph, FALSE, SCENE_LAYERS_SELECTION);

  for (guint i = 0; i < p->labels->len; i++)
    {
      const Label *label = &g_array_index (p->labels, Label, i);
      double x, y;

      if (!self->highlight.hidden[label->id])
        continue;

      /* As scene_label() places it, and a pixel around for rounding. */
      x = (label->x - c->center_x * c->zoom) * c->scale + c->width * c->scale / 2;
      y = (label->y - c->center_y * c->zoom) * c->scale + c->height * c->scale / 2;
      scene_cache_render (self, theme,
                          (int) floor (x) - 2, (int) floor (y) - 2,
                          (int) ceil (x + label->width * c->scale) + 2,
                          (int) ceil (y + label->height * c->scale) + 2,
                          FALSE, SCENE_LAYERS_ALL);
    }
}

/* Brings the cached scene up to date with the view: a pan of whole
 * pixels scrolls it and draws the strips that come into view; a new
 * selection in the same view is put over the scene without one, kept from
 * the last drawing; anything else draws it again.
 */
void
dramatis_network_ensure_scene (DramatisNetwork           *self,
                               const DramatisNetworkView *view,
                               const DramatisTheme       *theme,
                               double                     scale,
                               double                     device_scale)
{
  SceneCache *c = &self->scene;
  int pw = MAX (1, (int) ceil (view->width * scale - 1e-6));
  int ph = MAX (1, (int) ceil (view->height * scale - 1e-6));

  if (c->valid && c->pw == pw && c->ph == ph && c->scale == scale &&
      c->device_scale == device_scale &&
      c->width == view->width && c->height == view->height && c->zoom == view->zoom &&
      c->edge_labels == view->show_edge_labels &&
      dramatis_item_equal (&c->selected, &self->highlight.item) &&
      c->serial == self->serial)
    {
      double k = view->zoom * scale;
      double dx = round ((c->center_x - view->center_x) * k);
      double dy = round ((c->center_y - view->center_y) * k);
      int kx = (int) CLAMP (dx, -G_MAXINT / 2, G_MAXINT / 2);
      int ky = (int) CLAMP (dy, -G_MAXINT / 2, G_MAXINT / 2);
      cairo_surface_t *swap;
      cairo_t *cr;

      if (kx == 0 && ky == 0)
        return;

      if (ABS (kx) < pw && ABS (ky) < ph)
        {
          if (c->spare == NULL)
            c->spare = new_cache_surface (pw, ph, device_scale);

          cr = cairo_create (c->spare);
          cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
          cairo_surface_set_device_scale (c->surface, 1, 1);
          cairo_surface_set_device_scale (c->spare, 1, 1);
          cairo_set_source_surface (cr, c->surface, kx, ky);
          cairo_paint (cr);
          cairo_destroy (cr);
          cairo_surface_set_device_scale (c->surface, device_scale, device_scale);
          cairo_surface_set_device_scale (c->spare, device_scale, device_scale);

          swap = c->surface;
          c->surface = c->spare;
          c->spare = swap;
          c->center_x -= kx / k;
          c->center_y -= ky / k;
          c->base_valid = FALSE;

          if (kx > 0)
            scene_cache_render (self, theme, 0, 0, kx, ph, FALSE, SCENE_LAYERS_ALL);
          else if (kx < 0)
            scene_cache_render (self, theme, pw + kx, 0, pw, ph, FALSE, SCENE_LAYERS_ALL);
          if (ky > 0)
            scene_cache_render (self, theme, 0, 0, pw, ky, FALSE, SCENE_LAYERS_ALL);
          else if (ky < 0)
            scene_cache_render (self, theme, 0, ph + ky, pw, ph, FALSE, SCENE_LAYERS_ALL);
          return;
        }
    }

  /* Only the selection changed: over the scene without it. */
  if (c->valid && c->base_valid && c->pw == pw && c->ph == ph && c->scale == scale &&
      c->device_scale == device_scale &&
      c->width == view->width && c->height == view->height && c->zoom == view->zoom &&
      c->center_x == view->center_x && c->center_y == view->center_y &&
      c->edge_labels == view->show_edge_labels && c->serial == self->serial)
    {
      copy_surface (c->surface, c->base);
      c->selected = self->highlight.item;
      scene_cache_render_selection (self, theme);
      return;
    }

  if (c->surface == NULL || c->pw != pw || c->ph != ph || c->device_scale != device_scale)
    {
      g_clear_pointer (&c->surface, cairo_surface_destroy);
      g_clear_pointer (&c->spare, cairo_surface_destroy);
      g_clear_pointer (&c->base, cairo_surface_destroy);
      c->surface = new_cache_surface (pw, ph, device_scale);
      c->base = new_cache_surface (pw, ph, device_scale);
    }

  c->valid = TRUE;
  c->pw = pw;
  c->ph = ph;
  c->scale = scale;
  c->device_scale = device_scale;
  c->width = view->width;
  c->height = view->height;
  c->zoom = view->zoom;
  c->center_x = view->center_x;
  c->center_y = view->center_y;
  c->edge_labels = view->show_edge_labels;
  c->selected = self->highlight.item;
  c->serial = self->serial;

  /* The scene without the selection is kept for the next one. */
  scene_cache_render (self, theme, 0, 0, pw, ph, TRUE, SCENE_LAYERS_BASE);
  copy_surface (c->base, c->surface);
  c->base_valid = TRUE;
  scene_cache_render_selection (self, theme);
}

/* Whether @cr draws into pixels at a plain scale, and how many device
 * pixels a logical pixel is; vector targets, rotations and skews get
 * cairo paths instead.
 */
gboolean
dramatis_network_target_is_raster (cairo_t *cr,
                                   double  *scale,
                                   double  *device_scale)
{
  cairo_surface_t *target = cairo_get_target (cr);
  cairo_matrix_t matrix;
  double sx, sy;

  switch (cairo_surface_get_type (target))
    {
    case CAIRO_SURFACE_TYPE_PDF:
    case CAIRO_SURFACE_TYPE_PS:
    case CAIRO_SURFACE_TYPE_SVG:
    case CAIRO_SURFACE_TYPE_SCRIPT:
      return FALSE;
    default:
      break;
    }

  cairo_get_matrix (cr, &matrix);
  cairo_surface_get_device_scale (target, &sx, &sy);
  if (matrix.xy != 0 || matrix.yx != 0 || matrix.xx <= 0 || matrix.xx != matrix.yy || sx != sy)
    return FALSE;

  *scale = matrix.xx * sx;
  *device_scale = sx;
  return *scale >= 0.25 && *scale <= 16;
}

void
dramatis_network_paint_scene (DramatisNetwork *self,
                              cairo_t         *cr)
{
  SceneCache *c = &self->scene;
  double x = 0, y = 0;

  /* At whole device pixels, so that the copy is exact. */
  cairo_user_to_device (cr, &x, &y);
  x = round (x * c->device_scale) / c->device_scale;
  y = round (y * c->device_scale) / c->device_scale;

  cairo_save (cr);
  cairo_identity_matrix (cr);
  cairo_set_source_surface (cr, c->surface, x, y);
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_NEAREST);
  cairo_paint (cr);
  cairo_restore (cr);
}

/* Whether the kept scene differs from the view in its zoom only, so that
 * it can stand in for it, stretched, while the user zooms.
 */
gboolean
dramatis_network_scene_can_stretch (DramatisNetwork           *self,
                                    const DramatisNetworkView *view,
                                    double                     scale,
                                    double                     device_scale)
{
  SceneCache *c = &self->scene;

  return c->valid && c->scale == scale && c->device_scale == device_scale &&
         c->width == view->width && c->height == view->height &&
         c->edge_labels == view->show_edge_labels &&
         dramatis_item_equal (&c->selected, &self->highlight.item) && c->serial == self->serial;
}

void
dramatis_network_paint_scene_stretched (DramatisNetwork           *self,
                                        cairo_t                   *cr,
                                        const DramatisNetworkView *view,
                                        const DramatisTheme       *theme)
{
  SceneCache *c = &self->scene;
  cairo_pattern_t *pattern = cairo_pattern_create_for_surface (c->surface);
  double f = view->zoom / c->zoom;
  double m = c->scale / c->device_scale;
  double dx = (c->center_x - view->center_x) * view->zoom;
  double dy = (c->center_y - view->center_y) * view->zoom;
  cairo_matrix_t matrix;

  /* From the view to the kept image: undo the new zoom around the view's
   * middle, apply the kept one.
   */
  cairo_matrix_init (&matrix, m / f, 0, 0, m / f,
                     m * (view->width / 2 - (view->width / 2 + dx) / f),
                     m * (view->height / 2 - (view->height / 2 + dy) / f));
  cairo_pattern_set_matrix (pattern, &matrix);
  cairo_pattern_set_filter (pattern, CAIRO_FILTER_BILINEAR);

  cairo_save (cr);
  dramatis_color_set_source (&theme->background, cr);
  cairo_paint (cr);
  cairo_set_source (cr, pattern);
  cairo_paint (cr);
  cairo_restore (cr);
  cairo_pattern_destroy (pattern);
}
