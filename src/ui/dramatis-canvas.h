/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gtk/gtk.h>

#include "dramatis-scene.h"

G_BEGIN_DECLS

#define DRAMATIS_TYPE_CANVAS (dramatis_canvas_get_type ())

G_DECLARE_DERIVABLE_TYPE (DramatisCanvas, dramatis_canvas, DRAMATIS, CANVAS, GtkWidget)

/**
 * DramatisCanvasClass:
 * @set_view_size: gives the view a new size; fits the diagram in it
 *   first if @fit
 * @draw: draws the diagram through the view
 * @hit: the item at a point of the widget
 * @dup_item_markup: the tooltip of an item, %NULL for none
 * @get_zoom: how much the view magnifies, the larger the closer
 * @zoom: magnifies the view by @factor, keeping the point @x, @y in place
 * @pan: moves the view by @dx, @dy pixels
 * @move_selection: an arrow key asks for the item next to @selected in the
 *   direction @dx, @dy (each -1, 0 or 1)
 * @drag_begin: a button went down at @x, @y, which may start a drag
 * @drag_update: the pointer has moved by @dx, @dy since the drag began;
 *   only called once it has moved past the drag threshold, when the press
 *   is known to be a drag and not a click
 * @drag_end: a drag that @drag_update was called for ended, @dx, @dy from
 *   where it began; may be %NULL
 *
 * The base of the two diagram widgets.  Each has a view of its own type,
 * so the base leaves the view to these methods.  All but @get_zoom and
 * the drag ones are only called while the canvas has a scene.
 */
struct _DramatisCanvasClass
{
  GtkWidgetClass parent_class;

  void          (*set_view_size)   (DramatisCanvas          *self,
                                    int                      width,
                                    int                      height,
                                    gboolean                 fit);
  void          (*draw)            (DramatisCanvas          *self,
                                    cairo_t                 *cr,
                                    const DramatisTheme     *theme,
                                    const DramatisSelection *selection);
  double        (*draw_legend)     (DramatisCanvas          *self,
                                    cairo_t                 *cr,
                                    const DramatisTheme     *theme,
                                    double                   x,
                                    double                   y,
                                    double                   max_width);
  DramatisItem  (*hit)             (DramatisCanvas          *self,
                                    double                   x,
                                    double                   y);
  char         *(*dup_item_markup) (DramatisCanvas          *self,
                                    DramatisItem             item);
  double        (*get_zoom)        (DramatisCanvas          *self);
  void          (*zoom)            (DramatisCanvas          *self,
                                    double                   factor,
                                    double                   x,
                                    double                   y);
  void          (*pan)             (DramatisCanvas          *self,
                                    double                   dx,
                                    double                   dy);
  void          (*move_selection)  (DramatisCanvas          *self,
                                    DramatisItem             selected,
                                    int                      dx,
                                    int                      dy);
  void          (*drag_begin)      (DramatisCanvas          *self,
                                    double                   x,
                                    double                   y);
  void          (*drag_update)     (DramatisCanvas          *self,
                                    double                   dx,
                                    double                   dy);
  void          (*drag_end)        (DramatisCanvas          *self,
                                    double                   dx,
                                    double                   dy);
};

DramatisScene *dramatis_canvas_get_scene       (DramatisCanvas          *self);
void           dramatis_canvas_set_scene       (DramatisCanvas          *self,
                                                DramatisScene           *scene);
void           dramatis_canvas_scene_changed   (DramatisCanvas          *self);
void           dramatis_canvas_set_theme       (DramatisCanvas          *self,
                                                const DramatisTheme     *theme);
const DramatisTheme *dramatis_canvas_get_theme (DramatisCanvas          *self);
void           dramatis_canvas_set_placed      (DramatisCanvas          *self);
void           dramatis_canvas_set_selected    (DramatisCanvas          *self,
                                                DramatisItem             selected);
void           dramatis_canvas_select_item     (DramatisCanvas          *self,
                                                DramatisItem             item,
                                                gboolean                 activate);
void           dramatis_canvas_update_view     (DramatisCanvas          *self);
void           dramatis_canvas_queue_fit       (DramatisCanvas          *self);
void           dramatis_canvas_zoom            (DramatisCanvas          *self,
                                                double                   factor);
void           dramatis_canvas_zoom_to_fit     (DramatisCanvas          *self);
void           dramatis_canvas_set_show_legend (DramatisCanvas          *self,
                                                gboolean                 show_legend);
gboolean       dramatis_canvas_get_show_legend (DramatisCanvas          *self);
double         dramatis_canvas_get_legend_height (DramatisCanvas        *self,
                                                  int                    width,
                                                  int                    height);
void           dramatis_canvas_set_chrome      (DramatisCanvas          *self,
                                                int                      right,
                                                int                      bottom);

G_END_DECLS
