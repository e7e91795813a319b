/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "dramatis-network"

#include "config.h"

#include <math.h>

#include "dramatis-network-private.h"

/* The glyphs of actors: a shape per kind, of about the same area, its box,
 * and its drawing, which raster targets stamp from images rendered once.
 */

#define MAX_SPRITES            512

static const GlyphExtents glyph_extents[] = {
  [DRAMATIS_ACTOR_KIND_OTHER] = { 1.0, 1.0, 1.0, 1.0, 1.0 },
  [DRAMATIS_ACTOR_KIND_STATE] = { 0.886, 0.886, 0.886, 0.886, 1.0 },
  [DRAMATIS_ACTOR_KIND_ORGANIZATION] = { 1.253, 1.253, 1.253, 1.253, 1.1 },
  [DRAMATIS_ACTOR_KIND_PERSON] = { 1.0, 1.0, 1.0, 1.0, 1.0 },
  [DRAMATIS_ACTOR_KIND_GROUP] = { 1.555, 0.777, 1.347, 1.347, 1.0 },
};

const GlyphExtents *
dramatis_network_extents_of (DramatisNetwork *self,
                             guint            actor)
{
  return &glyph_extents[self->kinds[actor]];
}

/* The glyph's box in zoom space, outline included. */
void
dramatis_network_glyph_box (DramatisNetwork *self,
                            guint            actor,
                            double           zoom,
                            double          *x,
                            double          *y,
                            double          *width,
                            double          *height)
{
  const GlyphExtents *ext = dramatis_network_extents_of (self, actor);
  double r = dramatis_network_display_radius (self, actor, zoom);
  double cx = self->xy[2 * actor] * zoom;
  double cy = self->xy[2 * actor + 1] * zoom;

  *x = cx - r * ext->left - NODE_OUTLINE;
  *y = cy - r * ext->top - NODE_OUTLINE;
  *width = r * (ext->left + ext->right) + 2 * NODE_OUTLINE;
  *height = r * (ext->top + ext->bottom) + 2 * NODE_OUTLINE;
}

static void
glyph_path (cairo_t           *cr,
            DramatisActorKind  kind,
            double             x,
            double             y,
            double             r)
{
  switch (kind)
    {
    case DRAMATIS_ACTOR_KIND_STATE:
      cairo_rectangle (cr, x - 0.886 * r, y - 0.886 * r, 1.772 * r, 1.772 * r);
      break;

    case DRAMATIS_ACTOR_KIND_ORGANIZATION:
      cairo_move_to (cr, x, y - 1.253 * r);
      cairo_line_to (cr, x + 1.253 * r, y);
      cairo_line_to (cr, x, y + 1.253 * r);
      cairo_line_to (cr, x - 1.253 * r, y);
      cairo_close_path (cr);
      break;

    case DRAMATIS_ACTOR_KIND_GROUP:
      cairo_move_to (cr, x, y - 1.555 * r);
      cairo_line_to (cr, x + 1.347 * r, y + 0.777 * r);
      cairo_line_to (cr, x - 1.347 * r, y + 0.777 * r);
      cairo_close_path (cr);
      break;

    case DRAMATIS_ACTOR_KIND_PERSON:
    case DRAMATIS_ACTOR_KIND_OTHER:
    default:
      cairo_new_sub_path (cr);
      cairo_arc (cr, x, y, r, 0, 2 * G_PI);
      break;
    }
}

/* Draws a glyph of radius @r at (x, y); @unit is a logical pixel in the
 * units of @cr.  A glyph too small to show its shape is a dot.
 */
void
dramatis_network_draw_glyph (cairo_t             *cr,
                             const DramatisTheme *theme,
                             DramatisActorKind    kind,
                             double               x,
                             double               y,
                             double               r,
                             double               unit,
                             gboolean             selected)
{
  const DramatisColor *color = dramatis_theme_get_actor_color (theme, kind);

  if (r < 2.5 * unit)
    kind = DRAMATIS_ACTOR_KIND_PERSON;

  cairo_save (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);

  /* An outline in the background colour keeps arcs and neighbours off the
   * glyph's edge.
   */
  glyph_path (cr, kind, x, y, r);
  cairo_set_line_width (cr, 2 * NODE_OUTLINE * unit);
  dramatis_color_set_source (&theme->background, cr);
  cairo_stroke_preserve (cr);

  if (kind == DRAMATIS_ACTOR_KIND_OTHER)
    {
      double width = MAX (1.5 * unit, r * 0.35);

      cairo_fill (cr);
      cairo_arc (cr, x, y, r - width / 2, 0, 2 * G_PI);
      cairo_set_line_width (cr, width);
      dramatis_color_set_source (color, cr);
      cairo_stroke (cr);
    }
  else
    {
      dramatis_color_set_source (color, cr);
      cairo_fill (cr);
    }

  if (selected)
    {
      const GlyphExtents *ext = &glyph_extents[kind];
      double ring = r * MAX (MAX (ext->top, ext->left), 1.0) +
                    (SELECTION_RING_GAP + SELECTION_RING_WIDTH / 2) * unit;

      cairo_new_sub_path (cr);
      cairo_arc (cr, x, y, ring, 0, 2 * G_PI);
      cairo_set_line_width (cr, SELECTION_RING_WIDTH * unit);
      dramatis_color_set_source (&theme->accent, cr);
      cairo_stroke (cr);
    }

  cairo_restore (cr);
}

/* A glyph rendered once per kind, size and style, to be stamped; sizes
 * are in steps of a quarter of a device pixel.
 */
cairo_surface_t *
dramatis_network_get_sprite (DramatisNetwork     *self,
                             const DramatisTheme *theme,
                             DramatisActorKind    kind,
                             double               r,
                             double               scale,
                             gboolean             selected)
{
  guint quarter = (guint) MIN (r * 4 + 0.5, (double) 0xffffff);
  guint key = (guint) selected << 31 | (guint) kind << 28 | (quarter & 0xffffff);
  cairo_surface_t *surface;
  cairo_t *cr;
  int size;

  surface = g_hash_table_lookup (self->sprites, GUINT_TO_POINTER (key));
  if (surface != NULL)
    return surface;

  if (g_hash_table_size (self->sprites) >= MAX_SPRITES)
    g_hash_table_remove_all (self->sprites);

  r = quarter / 4.0;
  size = 2 * (int) ceil (r * GLYPH_EXTENT_MAX +
                         (NODE_OUTLINE + SELECTION_RING_GAP + SELECTION_RING_WIDTH + 1) * scale);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, size, size);
  cr = cairo_create (surface);
  dramatis_network_draw_glyph (cr, theme, kind, size / 2.0, size / 2.0, r, scale, selected);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  g_hash_table_insert (self->sprites, GUINT_TO_POINTER (key), surface);
  return surface;
}
