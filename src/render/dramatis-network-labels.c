/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "dramatis-network"

#include "config.h"

#include <math.h>
#include <pango/pangocairo.h>

#include "dramatis-network-private.h"

/* The text of labels: measured with the theme's fonts, drawn with a halo
 * for vector targets, and rendered once into images that raster targets
 * stamp.  Where labels go is dramatis-network-placement.c.
 */

/* In logical pixels. */
#define HALO_WIDTH             3.5
#define EDGE_LABEL_MAX_WIDTH   170.0
/* A relation's label wraps onto this many lines before it is ellipsized:
 * the phrases of a story ("monitored implementation of the sanctions")
 * are longer than a line that fits between two actors.
 */
#define EDGE_LABEL_MAX_LINES   3
/* An actor's label is its whole name, but for a name longer than any real
 * one (the longest names of states and organisations run to about 80
 * characters): a name of thousands, as a broken file may hold, would make
 * an image wider than cairo can.
 */
#define ACTOR_LABEL_MAX_WIDTH  800.0

#define MAX_LABEL_IMAGES       6000

static char *
dup_label_text (DramatisNetwork *self,
                guint            id)
{
  if (id < self->n_actors)
    {
      const DramatisActor *actor = dramatis_story_get_actor (self->story, id);

      return g_strdup (dramatis_actor_get_label (actor));
    }
  else
    {
      const DramatisRelation *relation = dramatis_story_get_relation (self->story,
                                                                      id - self->n_actors);

      if (relation->label != NULL && relation->label[0] != '\0')
        return g_strdup (relation->label);
      return g_strdelimit (g_strdup (relation->type != NULL ? relation->type : ""), "_", ' ');
    }
}

static void
setup_layout (PangoLayout         *layout,
              const DramatisTheme *theme,
              double               size,
              double               max_width,
              int                  max_lines)
{
  g_autoptr(PangoFontDescription) font = dramatis_theme_new_font (theme, size, PANGO_WEIGHT_NORMAL,
                                                                  PANGO_STYLE_NORMAL);

  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) ((max_width - 2 * LABEL_PAD) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  /* A negative height is a number of lines, the last one ellipsized. */
  pango_layout_set_height (layout, -max_lines);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
}

/* Centred lines start right of the layout's left edge; the label's box
 * starts at its widest line.
 */
static double
layout_left (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return (double) logical.x / PANGO_SCALE;
}

/* Measures with the theme's fonts; a change of font re-measures every
 * label.  Metrics are not hinted, so that a label has the same size at
 * every scale and on every target.
 */
void
dramatis_network_update_fonts (DramatisNetwork     *self,
                               const DramatisTheme *theme)
{
  guint n_labels = self->n_actors + self->n_relations;

  if (self->font_family != NULL && g_strcmp0 (self->font_family, theme->font_family) == 0 &&
      self->font_size == theme->font_size && self->small_font_size == theme->small_font_size)
    return;

  g_free (self->font_family);
  self->font_family = g_strdup (theme->font_family != NULL ? theme->font_family : "Sans");
  self->font_size = theme->font_size;
  self->small_font_size = theme->small_font_size;

  for (guint i = 0; i < 2; i++)
    {
      double size = i == 0 ? self->font_size : self->small_font_size;

      double max_width = i == 0 ? ACTOR_LABEL_MAX_WIDTH : EDGE_LABEL_MAX_WIDTH;
      int max_lines = i == 0 ? 1 : EDGE_LABEL_MAX_LINES;

      setup_layout (self->measure_layouts[i], theme, size, max_width, max_lines);
      setup_layout (self->render_layouts[i], theme, size, max_width, max_lines);
    }

  for (guint i = 0; i < n_labels; i++)
    self->label_width[i] = -1;

  dramatis_network_clear_label_images (self);
  dramatis_network_invalidate_placement (self);
}

void
dramatis_network_measure_label (DramatisNetwork *self,
                                guint            id,
                                double          *width,
                                double          *height)
{
  if (self->label_width[id] < 0)
    {
      PangoLayout *layout = self->measure_layouts[id >= self->n_actors];
      g_autofree char *text = dup_label_text (self, id);
      PangoRectangle logical;

      if (text[0] == '\0')
        {
          self->label_width[id] = self->label_height[id] = 0;
        }
      else
        {
          pango_layout_set_text (layout, text, -1);
          pango_layout_get_extents (layout, NULL, &logical);
          self->label_width[id] = ceil ((double) logical.width / PANGO_SCALE + 2 * LABEL_PAD);
          self->label_height[id] = ceil ((double) logical.height / PANGO_SCALE + 2 * LABEL_PAD);
        }
    }

  *width = self->label_width[id];
  *height = self->label_height[id];
}

/* Draws the text of label @id with its halo, the label's box at (x, y). */
void
dramatis_network_draw_label_text (DramatisNetwork     *self,
                                  cairo_t             *cr,
                                  const DramatisTheme *theme,
                                  guint                id,
                                  double               x,
                                  double               y)
{
  PangoLayout *layout = self->render_layouts[id >= self->n_actors];
  g_autofree char *text = dup_label_text (self, id);

  pango_cairo_update_context (cr, self->render_context);
  pango_layout_context_changed (layout);
  pango_layout_set_text (layout, text, -1);
  x -= layout_left (layout);

  cairo_save (cr);
  cairo_move_to (cr, x + LABEL_PAD, y + LABEL_PAD);
  pango_cairo_layout_path (cr, layout);
  cairo_set_line_width (cr, HALO_WIDTH);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  dramatis_color_set_source (&theme->label_halo, cr);
  cairo_stroke (cr);
  cairo_move_to (cr, x + LABEL_PAD, y + LABEL_PAD);
  dramatis_color_set_source (id < self->n_actors ? &theme->foreground : &theme->dim_foreground, cr);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}

/* Draws label @id on a plate of background, its box at (x, y): for a
 * label drawn over the scene, which may cover other labels there.
 */
void
dramatis_network_draw_label_plate (DramatisNetwork     *self,
                                   cairo_t             *cr,
                                   const DramatisTheme *theme,
                                   guint                id,
                                   double               x,
                                   double               y)
{
  double width, height, r = 4;

  dramatis_network_measure_label (self, id, &width, &height);
  if (width <= 0)
    return;

  cairo_save (cr);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + width - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + width - r, y + height - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + height - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
  dramatis_color_set_source_alpha (&theme->background, cr, 0.94);
  cairo_fill_preserve (cr);
  cairo_set_line_width (cr, 1);
  dramatis_color_set_source_alpha (&theme->dim_foreground, cr, 0.4);
  cairo_stroke (cr);
  cairo_restore (cr);

  dramatis_network_draw_label_text (self, cr, theme, id, x, y);
}

void
dramatis_network_clear_label_images (DramatisNetwork *self)
{
  if (self->n_label_images == 0)
    return;

  for (guint i = 0; i < self->n_actors + self->n_relations; i++)
    g_clear_pointer (&self->label_images[i], cairo_surface_destroy);
  self->n_label_images = 0;
}

/* The label with its halo, rendered once at @scale device pixels per
 * logical pixel and stamped wherever it is drawn.  Stroking the outlines
 * of the glyphs for the halo, as vector targets get it, costs 300 µs a
 * label; here the text is drawn once as a mask, and the halo is that mask
 * grown by a disc, a tenth of the time.  Returns %NULL if cairo cannot make
 * an image that large.
 */
cairo_surface_t *
dramatis_network_get_label_image (DramatisNetwork     *self,
                                  const DramatisTheme *theme,
                                  guint                id,
                                  double               scale)
{
  PangoLayout *layout = self->render_layouts[id >= self->n_actors];
  g_autofree char *text = dup_label_text (self, id);
  const DramatisColor *ink = id < self->n_actors ? &theme->foreground : &theme->dim_foreground;
  const DramatisColor *halo = &theme->label_halo;
  cairo_surface_t *mask, *surface;
  cairo_t *cr;
  double width, height;
  int pw, ph, mask_stride, stride, radius;
  const guint8 *m;
  guint8 *out;
  g_autofree guint8 *grown = NULL;

  if (scale != self->label_image_scale || self->n_label_images >= MAX_LABEL_IMAGES)
    {
      dramatis_network_clear_label_images (self);
      self->label_image_scale = scale;
    }

  if (self->label_images[id] != NULL)
    return self->label_images[id];

  dramatis_network_measure_label (self, id, &width, &height);
  pw = MAX (1, (int) ceil (width * scale));
  ph = MAX (1, (int) ceil (height * scale));

  mask = cairo_image_surface_create (CAIRO_FORMAT_A8, pw, ph);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, pw, ph);
  /* Too large for cairo, or no memory: the label is not drawn. */
  if (cairo_surface_status (mask) != CAIRO_STATUS_SUCCESS ||
      cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      g_warning ("Could not make an image of %d×%d pixels for a label", pw, ph);
      cairo_surface_destroy (mask);
      cairo_surface_destroy (surface);
      return NULL;
    }

  cairo_surface_set_device_scale (mask, scale, scale);
  cr = cairo_create (mask);
  pango_cairo_update_context (cr, self->render_context);
  pango_layout_context_changed (layout);
  pango_layout_set_text (layout, text, -1);
  cairo_move_to (cr, LABEL_PAD - layout_left (layout), LABEL_PAD);
  pango_cairo_show_layout (cr, layout);
  cairo_destroy (cr);
  cairo_surface_flush (mask);
  m = cairo_image_surface_get_data (mask);
  mask_stride = cairo_image_surface_get_stride (mask);

  /* The halo: the text grown by a disc of half the halo's width. */
  radius = MAX (1, (int) floor (HALO_WIDTH / 2 * scale + 0.5));
  grown = g_new0 (guint8, (gsize) pw * ph);
  for (int y = 0; y < ph; y++)
    for (int x = 0; x < pw; x++)
      {
        guint8 value = m[y * mask_stride + x];

        if (value == 0)
          continue;
        for (int dy = -radius; dy <= radius; dy++)
          for (int dx = -radius; dx <= radius; dx++)
            {
              int gx = x + dx, gy = y + dy;

              if (gx < 0 || gy < 0 || gx >= pw || gy >= ph ||
                  dx * dx + dy * dy > radius * radius + radius)
                continue;
              grown[gy * pw + gx] = MAX (grown[gy * pw + gx], value);
            }
      }

  cairo_surface_flush (surface);
  out = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  for (int y = 0; y < ph; y++)
    for (int x = 0; x < pw; x++)
      {
        double t = m[y * mask_stride + x] / 255.0 * ink->alpha;
        double h = grown[y * pw + x] / 255.0 * halo->alpha * (1 - t);
        double a = t + h;

        *(guint32 *) (out + y * stride + 4 * x) =
          (guint32) (a * 255 + 0.5) << 24 |
          (guint32) ((ink->red * t + halo->red * h) * 255 + 0.5) << 16 |
          (guint32) ((ink->green * t + halo->green * h) * 255 + 0.5) << 8 |
          (guint32) ((ink->blue * t + halo->blue * h) * 255 + 0.5);
      }
  cairo_surface_mark_dirty (surface);
  cairo_surface_set_device_scale (surface, scale, scale);
  cairo_surface_destroy (mask);

  self->label_images[id] = surface;
  self->n_label_images++;

  return surface;
}
