/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The handlers a diagram widget gives its event controllers, each called
 * with the widget as its first argument.
 */
typedef struct
{
  GCallback click_pressed;
  GCallback drag_begin;
  GCallback drag_update;
  GCallback drag_end;
  GCallback pinch_begin;
  GCallback pinch_scale_changed;
  GCallback scroll;
  GCallback motion;
  GCallback leave;
  GCallback key_pressed;
  GCallback query_tooltip;
} DramatisCanvasHandlers;

void dramatis_canvas_setup (GtkWidget                    *widget,
                            const DramatisCanvasHandlers *handlers,
                            const char                   *label,
                            const char                   *description);

G_END_DECLS
