/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "dramatis-canvas"

#include "config.h"

#include "dramatis-canvas.h"

/* What the two diagram widgets share: a focusable, expanding widget with
 * tooltips, an accessible name, and the same controllers for clicks,
 * drags, pinches, scrolling, the pointer and keys.
 */

/**
 * dramatis_canvas_setup:
 * @widget: a diagram widget, in its init function
 * @handlers: its handlers
 * @label: the accessible name
 * @description: the accessible description
 *
 * Makes @widget a diagram: focusable, expanding, clipped, with tooltips and
 * event controllers that call @handlers.
 */
void
dramatis_canvas_setup (GtkWidget                    *widget,
                       const DramatisCanvasHandlers *handlers,
                       const char                   *label,
                       const char                   *description)
{
  GtkGesture *click, *drag, *pinch;
  GtkEventController *scroll, *motion, *key;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (handlers != NULL);

  gtk_widget_set_focusable (widget, TRUE);
  gtk_widget_set_hexpand (widget, TRUE);
  gtk_widget_set_vexpand (widget, TRUE);
  gtk_widget_set_overflow (widget, GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_has_tooltip (widget, TRUE);
  g_signal_connect (widget, "query-tooltip", handlers->query_tooltip, NULL);

  gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);

  click = gtk_gesture_click_new ();
  g_signal_connect_object (click, "pressed", handlers->click_pressed, widget, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (click));

  drag = gtk_gesture_drag_new ();
  g_signal_connect_object (drag, "drag-begin", handlers->drag_begin, widget, G_CONNECT_SWAPPED);
  g_signal_connect_object (drag, "drag-update", handlers->drag_update, widget, G_CONNECT_SWAPPED);
  g_signal_connect_object (drag, "drag-end", handlers->drag_end, widget, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (drag));

  pinch = gtk_gesture_zoom_new ();
  g_signal_connect_object (pinch, "begin", handlers->pinch_begin, widget, G_CONNECT_SWAPPED);
  g_signal_connect_object (pinch, "scale-changed", handlers->pinch_scale_changed, widget, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (pinch));

  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  g_signal_connect_object (scroll, "scroll", handlers->scroll, widget, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (widget, scroll);

  motion = gtk_event_controller_motion_new ();
  g_signal_connect_object (motion, "motion", handlers->motion, widget, G_CONNECT_SWAPPED);
  g_signal_connect_object (motion, "leave", handlers->leave, widget, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (widget, motion);

  key = gtk_event_controller_key_new ();
  g_signal_connect_object (key, "key-pressed", handlers->key_pressed, widget, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (widget, key);
}
