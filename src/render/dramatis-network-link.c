/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "dramatis-network"

#include "config.h"

#include <math.h>

#include "dramatis-network-private.h"

/* The line a user draws from one actor to another to make a relation:
 * from the actor the drag started on to the pointer, or to the actor
 * under the pointer, which is ringed as the one the relation will go to.
 * It is drawn over the network, in the accent colour, dashed so that it
 * does not pass for a relation the story already has.
 */

/* How far outside an actor's glyph its ring is drawn, in pixels. */
#define RING_GAP 4.0

/* The arrowhead, in pixels. */
#define ARROW_LENGTH 10.0
#define ARROW_HALF_WIDTH 5.0

static void
ring (DramatisNetwork           *self,
      cairo_t                   *cr,
      const DramatisNetworkView *view,
      guint                      actor,
      double                     x,
      double                     y)
{
  double r = dramatis_network_display_radius (self, actor, view->zoom) + RING_GAP;

  cairo_new_sub_path (cr);
  cairo_arc (cr, x, y, r, 0, 2 * G_PI);
  cairo_stroke (cr);
}

/**
 * dramatis_network_draw_link:
 * @self: a network
 * @cr: where to draw, in the view's coordinates
 * @view: the view
 * @theme: the colours
 * @from: the actor the line starts on
 * @to: the actor under the pointer, or %DRAMATIS_NO_INDEX
 * @x: where the pointer is, in the view's coordinates
 * @y: the same, vertically
 *
 * Draws the line of a relation being drawn by hand.
 */
void
dramatis_network_draw_link (DramatisNetwork           *self,
                            cairo_t                   *cr,
                            const DramatisNetworkView *view,
                            const DramatisTheme       *theme,
                            guint                      from,
                            guint                      to,
                            double                     x,
                            double                     y)
{
  double from_x, from_y, start_x, start_y, end_x, end_y, dx, dy, length;
  double dashes[] = { 6.0, 4.0 };

  g_return_if_fail (self != NULL);
  g_return_if_fail (from < self->n_actors);
  g_return_if_fail (to == DRAMATIS_NO_INDEX || to < self->n_actors);

  dramatis_network_view_to_screen (view, self->xy[2 * from], self->xy[2 * from + 1], &from_x, &from_y);
  end_x = x;
  end_y = y;
  if (to != DRAMATIS_NO_INDEX)
    dramatis_network_view_to_screen (view, self->xy[2 * to], self->xy[2 * to + 1], &end_x, &end_y);

  cairo_save (cr);
  dramatis_color_set_source (&theme->accent, cr);
  cairo_set_line_width (cr, 2 * theme->line_width);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);

  ring (self, cr, view, from, from_x, from_y);
  if (to != DRAMATIS_NO_INDEX)
    ring (self, cr, view, to, end_x, end_y);

  dx = end_x - from_x;
  dy = end_y - from_y;
  length = hypot (dx, dy);
  if (length < 1)
    {
      cairo_restore (cr);
      return;
    }
  dx /= length;
  dy /= length;

  /* From ring to ring, or to the pointer. */
  start_x = from_x + dx * (dramatis_network_display_radius (self, from, view->zoom) + RING_GAP);
  start_y = from_y + dy * (dramatis_network_display_radius (self, from, view->zoom) + RING_GAP);
  if (to != DRAMATIS_NO_INDEX)
    {
      end_x -= dx * (dramatis_network_display_radius (self, to, view->zoom) + RING_GAP);
      end_y -= dy * (dramatis_network_display_radius (self, to, view->zoom) + RING_GAP);
    }
  if ((end_x - start_x) * dx + (end_y - start_y) * dy <= ARROW_LENGTH)
    {
      cairo_restore (cr);
      return;
    }

  cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
  cairo_move_to (cr, start_x, start_y);
  cairo_line_to (cr, end_x - dx * ARROW_LENGTH, end_y - dy * ARROW_LENGTH);
  cairo_stroke (cr);

  cairo_set_dash (cr, NULL, 0, 0);
  cairo_move_to (cr, end_x, end_y);
  cairo_line_to (cr, end_x - dx * ARROW_LENGTH - dy * ARROW_HALF_WIDTH,
                 end_y - dy * ARROW_LENGTH + dx * ARROW_HALF_WIDTH);
  cairo_line_to (cr, end_x - dx * ARROW_LENGTH + dy * ARROW_HALF_WIDTH,
                 end_y - dy * ARROW_LENGTH - dx * ARROW_HALF_WIDTH);
  cairo_close_path (cr);
  cairo_fill (cr);

  cairo_restore (cr);
}
