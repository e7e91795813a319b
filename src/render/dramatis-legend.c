/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "dramatis-legend"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "dramatis-network-private.h"
#include "dramatis-network.h"
#include "dramatis-timeline-private.h"
#include "dramatis-timeline.h"

/* The legends: a key to what the marks of each diagram mean, drawn beside
 * it on screen and in exports.  Each draws with its diagram's own styles,
 * so that the key matches what it explains; both are declared in their
 * diagram's header.
 */

/* The network's legend: the families of relations and the kinds of actors. */

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
  g_autoptr(PangoFontDescription) font = NULL;
  const double sample = 28, gap = 6, spacing = 18;
  double line_height, cx, cy;
  int text_height;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (cr != NULL, 0);
  g_return_val_if_fail (theme != NULL, 0);

  if (self->families_present == 0 && self->kinds_present == 0)
    return 0;

  layout = pango_cairo_create_layout (cr);
  font = dramatis_theme_new_font (theme, theme->small_font_size, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL);
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

/* The timeline's legend: how dates are drawn, and what the colours mean. */

typedef struct
{
  double x;
  double y;
  double row_height;
  double max_width;
  double line_height;
} Flow;

/* Moves to where an entry @width wide goes, on a new line if needed. */
static void
flow_place (Flow   *flow,
            double  x0,
            double  width,
            double *x,
            double *y)
{
  if (flow->x > x0 && flow->x + width > x0 + flow->max_width)
    {
      flow->x = x0;
      flow->y += flow->line_height;
    }
  *x = flow->x;
  *y = flow->y;
  flow->x += width + 18;
}

/**
 * dramatis_timeline_draw_legend:
 * @self: a timeline
 * @cr: where to draw
 * @theme: colours and fonts
 * @x: left edge
 * @y: top edge
 * @max_width: the width to wrap at
 *
 * Explains how the timeline draws dates: exact and partial, approximate
 * and inferred, the axis breaks, and what the colours mean.
 *
 * Returns: the height used
 */
double
dramatis_timeline_draw_legend (DramatisTimeline    *self,
                               cairo_t             *cr,
                               const DramatisTheme *theme,
                               double               x,
                               double               y,
                               double               max_width)
{
  g_autoptr(PangoLayout) layout = NULL;
  g_autoptr(PangoLayout) italic = NULL;
  const DramatisColor *sample = &theme->dim_foreground;
  struct {
    const char *text;
    int         kind;
  } entries[] = {
    /* Translators: legend of the timeline: a dot for a date known to the day */
    { C_("timeline legend", "Exact date"), 0 },
    /* Translators: legend of the timeline: a bar from a start to an end date */
    { C_("timeline legend", "From a date to another"), 1 },
    /* Translators: legend of the timeline: a fading bar for a date known only to the month or year */
    { C_("timeline legend", "Known only to the month or year"), 2 },
    /* Translators: legend of the timeline: a dashed outline and a tilde for approximate dates */
    { C_("timeline legend", "Approximate date"), 3 },
    /* Translators: legend of the timeline: labels in italics when the date is not in the source */
    { C_("timeline legend", "Inferred date, not in the source"), 4 },
    /* Translators: legend of the timeline: the zigzag where a long empty stretch is cut out */
    { C_("timeline legend", "Axis break: empty time left out"), 5 },
    /* Translators: legend of the timeline: a thin bar where events are too close to tell apart */
    { C_("timeline legend", "Many events close together"), 6 },
  };
  struct {
    const char       *text;
    DramatisActorKind kind;
  } kinds[] = {
    { C_("actor kind", "State"), DRAMATIS_ACTOR_KIND_STATE },
    { C_("actor kind", "Organization"), DRAMATIS_ACTOR_KIND_ORGANIZATION },
    { C_("actor kind", "Person"), DRAMATIS_ACTOR_KIND_PERSON },
    { C_("actor kind", "Group"), DRAMATIS_ACTOR_KIND_GROUP },
    { C_("actor kind", "Other"), DRAMATIS_ACTOR_KIND_OTHER },
  };
  Flow flow;
  double sx, sy;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (cr != NULL, 0);
  g_return_val_if_fail (theme != NULL, 0);

  pango_cairo_update_context (cr, self->pango);
  layout = dramatis_timeline_new_layout (self, self->axis_font);
  italic = dramatis_timeline_new_layout (self, self->axis_font);
  {
    g_autoptr(PangoFontDescription) font = pango_font_description_copy (self->axis_font);

    pango_font_description_set_style (font, PANGO_STYLE_ITALIC);
    pango_layout_set_font_description (italic, font);
  }

  flow.x = x;
  flow.y = y;
  flow.max_width = max_width;
  flow.line_height = MAX (self->label_height, 14) + 6;

  cairo_save (cr);
  cairo_set_line_width (cr, theme->line_width);

  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      PangoLayout *text = entries[i].kind == 4 ? italic : layout;
      PangoRectangle logical;
      double width, mid;

      pango_layout_set_text (text, entries[i].text, -1);
      pango_layout_get_extents (text, NULL, &logical);
      width = 30 + (double) logical.width / PANGO_SCALE;
      flow_place (&flow, x, width, &sx, &sy);
      mid = sy + flow.line_height / 2;

      switch (entries[i].kind)
        {
        case 0:
          dramatis_color_set_source (sample, cr);
          cairo_arc (cr, sx + 11, mid, MARKER_RADIUS, 0, 2 * G_PI);
          cairo_fill (cr);
          break;

        case 1:
          dramatis_color_set_source_alpha (sample, cr, SOLID);
          dramatis_timeline_rounded_rectangle (cr, sx, mid - BAR_HEIGHT / 2, 24, BAR_HEIGHT, 3);
          cairo_fill (cr);
          break;

        case 2:
          {
            cairo_pattern_t *pattern = cairo_pattern_create_linear (sx, 0, sx + 24, 0);
            double xs[] = { sx, sx + 7, sx + 17, sx + 24 };
            double alphas[] = { FADE_LOW, FADE_HIGH, FADE_HIGH, FADE_LOW };

            dramatis_timeline_add_profile_stops (pattern, xs, alphas, 4, sx, sx + 24, sample, 1.0);
            cairo_set_source (cr, pattern);
            cairo_rectangle (cr, sx, mid - BAR_HEIGHT / 2, 24, BAR_HEIGHT);
            cairo_fill (cr);
            cairo_pattern_destroy (pattern);
          }
          break;

        case 3:
          cairo_save (cr);
          dramatis_timeline_set_dash (cr, theme);
          dramatis_color_set_source (sample, cr);
          cairo_rectangle (cr, sx + 0.5, mid - BAR_HEIGHT / 2 + 0.5, 23, BAR_HEIGHT - 1);
          cairo_stroke (cr);
          cairo_restore (cr);
          pango_layout_set_text (text, "~", -1);
          break;

        case 4:
          pango_layout_set_text (text, "Aa", -1);
          break;

        case 5:
          cairo_save (cr);
          dramatis_color_set_source (sample, cr);
          dramatis_timeline_draw_zigzag (cr, sx + 7, mid - 8, mid + 8);
          dramatis_timeline_draw_zigzag (cr, sx + 17, mid - 8, mid + 8);
          cairo_stroke (cr);
          cairo_restore (cr);
          break;

        case 6:
        default:
          dramatis_color_set_source_alpha (sample, cr, 0.7);
          cairo_rectangle (cr, sx, mid - RUN_HEIGHT / 2, 24, RUN_HEIGHT);
          cairo_fill (cr);
          break;
        }

      /* The tilde and the italic sample are text of their own. */
      if (entries[i].kind == 3 || entries[i].kind == 4)
        {
          PangoRectangle sample_logical;

          pango_layout_get_extents (text, NULL, &sample_logical);
          dramatis_color_set_source (&theme->foreground, cr);
          cairo_move_to (cr, sx + 12 - (double) sample_logical.width / PANGO_SCALE / 2,
                         mid - (double) sample_logical.height / PANGO_SCALE / 2);
          pango_cairo_show_layout (cr, text);
          pango_layout_set_text (text, entries[i].text, -1);
        }

      dramatis_color_set_source (&theme->foreground, cr);
      cairo_move_to (cr, sx + 30, mid - (double) logical.height / PANGO_SCALE / 2);
      pango_cairo_show_layout (cr, text);
    }

  /* Colours: the kind of the lane's actor, or of the event's first actor. */
  flow.x = x;
  flow.y += flow.line_height;
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      PangoRectangle logical;
      double width, mid;

      pango_layout_set_text (layout, kinds[i].text, -1);
      pango_layout_get_extents (layout, NULL, &logical);
      width = 16 + (double) logical.width / PANGO_SCALE;
      flow_place (&flow, x, width, &sx, &sy);
      mid = sy + flow.line_height / 2;

      dramatis_color_set_source (dramatis_theme_get_actor_color (theme, kinds[i].kind), cr);
      cairo_arc (cr, sx + 5, mid, 4.5, 0, 2 * G_PI);
      cairo_fill (cr);
      dramatis_color_set_source (&theme->foreground, cr);
      cairo_move_to (cr, sx + 14, mid - (double) logical.height / PANGO_SCALE / 2);
      pango_cairo_show_layout (cr, layout);
    }

  cairo_restore (cr);

  return flow.y + flow.line_height - y;
}
