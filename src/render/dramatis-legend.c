/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "dramatis-legend"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "dramatis-legend.h"
#include "dramatis-network-private.h"

/* The legends: a key to what the marks of each diagram mean, drawn beside
 * it on screen and in exports.  Each draws with its diagram's own styles,
 * so that the key matches what it explains.
 */

/* Draws a short line in the style of @family, with an arrowhead. */
static void
draw_legend_relation (cairo_t                *cr,
                      const DramatisTheme    *theme,
                      DramatisRelationFamily  family,
                      double                  x,
                      double                  y,
                      double                  length)
{
  double width = theme->line_width * dramatis_network_family_styles[family].width;
  double head = 6 + 2 * width;
  double dash[2] = { DASH_ON, DASH_OFF };

  cairo_save (cr);
  dramatis_color_set_source (&theme->relation_families[family], cr);
  cairo_set_line_width (cr, width);
  cairo_set_dash (cr, dash, dramatis_network_family_styles[family].dashed ? 2 : 0, 0);
  cairo_move_to (cr, x, y);
  cairo_line_to (cr, x + length - head * 0.7, y);
  cairo_stroke (cr);
  cairo_move_to (cr, x + length, y);
  cairo_line_to (cr, x + length - head, y - head * 0.42);
  cairo_line_to (cr, x + length - head, y + head * 0.42);
  cairo_close_path (cr);
  cairo_fill (cr);
  cairo_restore (cr);
}

/**
 * dramatis_network_draw_legend:
 * @self: a network
 * @cr: where to draw
 * @theme: colours and fonts
 * @x: left of the legend
 * @y: top of the legend
 * @max_width: the legend wraps to stay this narrow
 *
 * Draws a key to the families of relations and the kinds of actors the
 * story has, one line for each if there is room.
 *
 * Returns: the height used
 */
double
dramatis_network_draw_legend (DramatisNetwork     *self,
                              cairo_t             *cr,
                              const DramatisTheme *theme,
                              double               x,
                              double               y,
                              double               max_width)
{
  static const char *const family_names[] = {
    [DRAMATIS_RELATION_FAMILY_SUPPORT] = N_("Support"),
    [DRAMATIS_RELATION_FAMILY_HOSTILE] = N_("Hostility"),
    [DRAMATIS_RELATION_FAMILY_MEMBERSHIP] = N_("Membership"),
    [DRAMATIS_RELATION_FAMILY_OTHER] = N_("Other relation"),
  };
  static const char *const kind_names[] = {
    [DRAMATIS_ACTOR_KIND_STATE] = N_("State"),
    [DRAMATIS_ACTOR_KIND_ORGANIZATION] = N_("Organization"),
    [DRAMATIS_ACTOR_KIND_PERSON] = N_("Person"),
    [DRAMATIS_ACTOR_KIND_GROUP] = N_("Group"),
    [DRAMATIS_ACTOR_KIND_OTHER] = N_("Other actor"),
  };
  static const DramatisActorKind kind_order[] = {
    DRAMATIS_ACTOR_KIND_STATE, DRAMATIS_ACTOR_KIND_ORGANIZATION, DRAMATIS_ACTOR_KIND_PERSON,
    DRAMATIS_ACTOR_KIND_GROUP, DRAMATIS_ACTOR_KIND_OTHER,
  };
  g_autoptr(PangoLayout) layout = NULL;
  g_autoptr(PangoFontDescription) font = pango_font_description_new ();
  const double sample = 28, gap = 6, spacing = 18;
  double line_height, cx, cy;
  int text_height;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (cr != NULL, 0);
  g_return_val_if_fail (theme != NULL, 0);

  if (self->families_present == 0 && self->kinds_present == 0)
    return 0;

  layout = pango_cairo_create_layout (cr);
  pango_font_description_set_family (font, theme->font_family);
  pango_font_description_set_size (font, (int) (theme->small_font_size * PANGO_SCALE));
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, "Ag", -1);
  pango_layout_get_pixel_size (layout, NULL, &text_height);
  line_height = MAX (text_height, 16) + 6;

  cx = x;
  cy = y;
  for (guint row = 0; row < 2; row++)
    {
      gboolean any = FALSE;

      for (guint i = 0; i < (row == 0 ? DRAMATIS_N_RELATION_FAMILIES : G_N_ELEMENTS (kind_order)); i++)
        {
          guint what = row == 0 ? i : kind_order[i];
          const char *name = row == 0 ? _(family_names[what]) : _(kind_names[what]);
          int text_width;
          double item_width;

          if (!((row == 0 ? self->families_present : self->kinds_present) & (1u << what)))
            continue;

          pango_layout_set_text (layout, name, -1);
          pango_layout_get_pixel_size (layout, &text_width, NULL);
          item_width = (row == 0 ? sample : 16) + gap + text_width;
          if (cx > x && cx + item_width > x + max_width)
            {
              cx = x;
              cy += line_height;
            }

          if (row == 0)
            draw_legend_relation (cr, theme, what, cx, cy + line_height / 2, sample);
          else
            dramatis_network_draw_glyph (cr, theme, what, cx + 8, cy + line_height / 2, 6, 1, FALSE);

          cairo_move_to (cr, cx + item_width - text_width, cy + (line_height - text_height) / 2);
          dramatis_color_set_source (&theme->foreground, cr);
          pango_cairo_show_layout (cr, layout);

          cx += item_width + spacing;
          any = TRUE;
        }

      /* Sizes need a word too. */
      if (row == 1 && any)
        {
          const char *note = _("Size: number of relations");
          int text_width;

          pango_layout_set_text (layout, note, -1);
          pango_layout_get_pixel_size (layout, &text_width, NULL);
          if (cx > x && cx + text_width > x + max_width)
            {
              cx = x;
              cy += line_height;
            }
          cairo_move_to (cr, cx, cy + (line_height - text_height) / 2);
          dramatis_color_set_source (&theme->dim_foreground, cr);
          pango_cairo_show_layout (cr, layout);
        }

      if (any)
        {
          cx = x;
          cy += line_height;
        }
    }

  return cy - y;
}
