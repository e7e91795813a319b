/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "dramatis-canvas"

#include "config.h"

#include <math.h>

#include "dramatis-canvas.h"

/* What the two diagram widgets share: a focusable, expanding widget with
 * tooltips and the zoom actions, showing a scene borrowed from the window,
 * and turning clicks, scrolling, pinches, the pointer and keys into a
 * view and a selection the same way.  The subclasses own the view, whose
 * type differs, and the drags, which do different things.
 */

typedef struct
{
  DramatisScene       *scene;           /* borrowed from the window */
  const DramatisTheme *theme;           /* borrowed from the window */
  DramatisSelection    selection;
  gboolean             fitted;
  gboolean             dragging;        /* past the drag threshold */
  /* The user zoomed or panned since the last fit: a change of size then
   * keeps their view instead of fitting the diagram again.
   */
  gboolean             placed;
  int                  width;
  int                  height;

  /* The key to the diagram, over its bottom left corner; clicks there do
   * not reach the diagram.
   */
  gboolean             show_legend;
  graphene_rect_t      legend_rect;

  /* Room the subclass keeps for widgets of its own at the right and at
   * the bottom (a scroll bar, an overview); the diagram has the rest.
   */
  int                  chrome_right;
  int                  chrome_bottom;

  double               zoom_start;
  double               pointer_x;
  double               pointer_y;
} DramatisCanvasPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (DramatisCanvas, dramatis_canvas, GTK_TYPE_WIDGET)

enum {
  ITEM_SELECTED,
  ITEM_ACTIVATED,
  CONTEXT_MENU,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define ZOOM_STEP 1.25

/* Space around the legend and inside its panel, in pixels. */
#define LEGEND_MARGIN  8
#define LEGEND_PADDING 10

static int
diagram_width (DramatisCanvas *self)
{
  DramatisCanvasPrivate *priv = dramatis_canvas_get_instance_private (self);

  return gtk_widget_get_width (GTK_WIDGET (self)) - priv->chrome_right;
}

static int
diagram_height (DramatisCanvas *self)
{
  DramatisCanvasPrivate *priv = dramatis_canvas_get_instance_private (self);

  return gtk_widget_get_height (GTK_WIDGET (self)) - priv->chrome_bottom;
}

/* Whether a point of the widget is on the diagram, not on the subclass's
 * own widgets beside it.
 */
static gboolean
on_diagram (DramatisCanvas *self,
            double          x,
            double          y)
{
  return x >= 0 && y >= 0 && x < diagram_width (self) && y < diagram_height (self);
}

/* What is at @x, @y: nothing under the legend. */
static DramatisItem
hit (DramatisCanvas *self,
     double          x,
     double          y)
{
  DramatisCanvasPrivate *priv = dramatis_canvas_get_instance_private (self);

  if (!on_diagram (self, x, y))
    return DRAMATIS_ITEM_INIT_NONE;
  if (priv->show_legend && graphene_rect_contains_point (&priv->legend_rect, &GRAPHENE_POINT_INIT (x, y)))
    return DRAMATIS_ITEM_INIT_NONE;

  return DRAMATIS_CANVAS_GET_CLASS (self)->hit (self, x, y);
}

/* Keeps the point @x, @y of the widget where it is. */
static void
zoom_around (DramatisCanvas *self,
             double          factor,
             double          x,
             double          y)
{
  DramatisCanvasPrivate *priv = dramatis_canvas_get_instance_private (self);

  if (priv->scene == NULL)
    return;

  dramatis_canvas_update_view (self);
  priv->placed = TRUE;
  DRAMATIS_CANVAS_GET_CLASS (self)->zoom (self, factor, x, y);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
click_pressed_cb (DramatisCanvas  *self,
                  int              n_press,
                  double           x,
                  double           y,
                  GtkGestureClick *gesture)
{
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

/* A click selects when the button goes up, as by then it is known not to
 * be a drag: a drag claims the sequence, which denies it to this gesture,
 * and a denied gesture does not report the release.
 */
static void
click_released_cb (DramatisCanvas  *self,
                   int              n_press,
                   double           x,
                   double           y,
                   GtkGestureClick *gesture)
{
  DramatisCanvasPrivate *priv = dramatis_canvas_get_instance_private (self);

  if (priv->scene == NULL || !on_diagram (self, x, y))
    return;

  dramatis_canvas_update_view (self);
  dramatis_canvas_select_item (self, hit (self, x, y), n_press == 2);
}

/* A secondary click, or a long press on a touch screen, selects what is
 * under it and asks for the menu of what it selected.
 */
static void
context_pressed_cb (DramatisCanvas  *self,
                    int              n_press,
                    double           x,
                    double           y,
                    GtkGestureClick *gesture)
{
  DramatisCanvasPrivate *priv = dramatis_canvas_get_instance_private (self);
  DramatisItem item = DRAMATIS_ITEM_INIT_NONE;

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (priv->scene == NULL)
    return;

  if (on_diagram (self, x, y))
    {
      dramatis_canvas_update_view (self);
      item = hit (self, x, y);
    }
  /* Empty space deselects, and its menu is the diagram's own. */
  dramatis_canvas_select_item (self, item, FALSE);

  g_signal_emit (self, signals[CONTEXT_MENU], 0, x, y);
}

static void
long_pressed_cb (DramatisCanvas       *self,
                 double                x,
                 double                y,
                 GtkGestureLongPress  *gesture)
{
  DramatisCanvasPrivate *priv = dramatis_canvas_get_instance_private (self);

  if (priv->scene == NULL || !on_diagram (self, x, y))
    return;

  dramatis_canvas_update_view (self);
  dramatis_canvas_select_item (self, hit (self, x, y), FALSE);
  g_signal_emit (self, signals[CONTEXT_MENU], 0, x, y);
}

static gboolean
menu_shortcut_cb (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   user_data)
{
  DramatisCanvas *self = DRAMATIS_CANVAS (widget);
  DramatisCanvasPrivate *priv = dramatis_canvas_get_instance_private (self);

  if (priv->scene == NULL)
    return FALSE;

  /* The window places the menu by the selection, or in the middle. */
  g_signal_emit (self, signals[CONTEXT_MENU], 0, -1.0, -1.0);
  return TRUE;
}

static void
drag_begin_cb (DramatisCanvas *self,
               double          x,
               double          y,
               GtkGestureDrag *gesture)
{
  DramatisCanvasPrivate *priv = dramatis_canvas_get_instance_private (self);

  priv->dragging = FALSE;
  /* The subclass's own widgets handle their drags. */
  if (!on_diagram (self, x, y))
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }
  DRAMATIS_CANVAS_GET_CLASS (self)->drag_begin (self, x, y);
}

/* A press only becomes a drag once the pointer moves past the drag
 * threshold, as everywhere in GTK: until then it may still be a click, and
 * nothing moves.  Past it, the drag claims the sequence, so that the click
 * gesture lets the release go and selects nothing.
 */
static void
drag_update_cb (DramatisCanvas *self,
                double          dx,
                double          dy,
                GtkGestureDrag *gesture)
{
  DramatisCanvasPrivate *priv = dramatis_canvas_get_instance_private (self);

  if (!priv->dragging)
    {
      if (!gtk_drag_check_threshold (GTK_WIDGET (self), 0, 0, (int) dx, (int) dy))
        return;

      priv->dragging = TRUE;
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
    }

  priv->placed = TRUE;
  DRAMATIS_CANVAS_GET_CLASS (self)->drag_update (self, dx, dy);
}

static void
drag_end_cb (DramatisCanvas *self,
             double          dx,
             double          dy,
             GtkGestureDrag *gesture)
{
  DramatisCanvasPrivate *priv = dramatis_canvas_get_instance_private (self);
  DramatisCanvasClass *klass = DRAMATIS_CANVAS_GET_CLASS (self);

  if (!priv->dragging)
    return;

  priv->dragging = FALSE;
  gtk_widget_set_cursor (GTK_WIDGET (self), NULL);
  if (klass->drag_end != NULL)
    klass->drag_end (self, dx, dy);
}

static gboolean
scroll_cb (DramatisCanvas           *self,
           double                    dx,
           double                    dy,
           GtkEventControllerScroll *controller)
{
  DramatisCanvasPrivate *priv = dramatis_canvas_get_instance_private (self);
  GdkModifierType state;
  double step = 40;

  if (priv->scene == NULL)
    return GDK_EVENT_PROPAGATE;

  state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));

  if (gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_SURFACE)
    step = 1;

  if (state & GDK_CONTROL_MASK)
    {
      zoom_around (self, pow (ZOOM_STEP, -dy * (step == 1 ? 0.05 : 1)), priv->pointer_x, priv->pointer_y);
      return GDK_EVENT_STOP;
    }

  /* Shift turns the wheel sideways, as everywhere. */
  if (state & GDK_SHIFT_MASK)
    {
      dx = dy;
      dy = 0;
    }

  dramatis_canvas_update_view (self);
  priv->placed = TRUE;
  DRAMATIS_CANVAS_GET_CLASS (self)->pan (self, dx * step, dy * step);
  gtk_widget_queue_draw (GTK_WIDGET (self));

  return GDK_EVENT_STOP;
}

static void
pinch_begin_cb (DramatisCanvas   *self,
                GdkEventSequence *sequence,
                GtkGestureZoom   *gesture)
{
  DramatisCanvasPrivate *priv = dramatis_canvas_get_instance_private (self);

  priv->zoom_start = DRAMATIS_CANVAS_GET_CLASS (self)->get_zoom (self);
}

static void
pinch_scale_changed_cb (DramatisCanvas *self,
                        double          scale,
                        GtkGestureZoom *gesture)
{
  DramatisCanvasPrivate *priv = dramatis_canvas_get_instance_private (self);
  double x, y;

  if (!gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y) || scale <= 0)
    return;

  /* The gesture's scale is since it began, the view's since it last changed. */
  zoom_around (self, priv->zoom_start * scale / DRAMATIS_CANVAS_GET_CLASS (self)->get_zoom (self), x, y);
}

static void
motion_cb (DramatisCanvas           *self,
           double                    x,
           double                    y,
           GtkEventControllerMotion *controller)
{
  DramatisCanvasPrivate *priv = dramatis_canvas_get_instance_private (self);
  DramatisItem hit_item;

  priv->pointer_x = x;
  priv->pointer_y = y;
  if (priv->scene == NULL)
    return;

  dramatis_canvas_update_view (self);
  hit_item = hit (self, x, y);
  if (!dramatis_item_equal (&hit_item, &priv->selection.hovered))
    {
      priv->selection.hovered = hit_item;
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), hit_item.kind != DRAMATIS_ITEM_NONE ? "pointer" : NULL);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
leave_cb (DramatisCanvas           *self,
          GtkEventControllerMotion *controller)
{
  DramatisCanvasPrivate *priv = dramatis_canvas_get_instance_private (self);

  if (priv->selection.hovered.kind != DRAMATIS_ITEM_NONE)
    {
      priv->selection.hovered = DRAMATIS_ITEM_INIT_NONE;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

/* Arrow keys move the selection, as each diagram sees fit; Enter opens the
 * details.
 */
static gboolean
key_pressed_cb (DramatisCanvas        *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  DramatisCanvasPrivate *priv = dramatis_canvas_get_instance_private (self);
  int dx = 0, dy = 0;

  if (priv->scene == NULL)
    return GDK_EVENT_PROPAGATE;

  switch (keyval)
    {
    case GDK_KEY_Left:
      dx = -1;
      break;
    case GDK_KEY_Right:
      dx = 1;
      break;
    case GDK_KEY_Up:
      dy = -1;
      break;
    case GDK_KEY_Down:
      dy = 1;
      break;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_space:
      if (priv->selection.selected.kind != DRAMATIS_ITEM_NONE)
        dramatis_canvas_select_item (self, priv->selection.selected, TRUE);
      return GDK_EVENT_STOP;
    default:
      return GDK_EVENT_PROPAGATE;
    }

  DRAMATIS_CANVAS_GET_CLASS (self)->move_selection (self, priv->selection.selected, dx, dy);
  return GDK_EVENT_STOP;
}

static gboolean
dramatis_canvas_query_tooltip (GtkWidget  *widget,
                               int         x,
                               int         y,
                               gboolean    keyboard,
                               GtkTooltip *tooltip)
{
  DramatisCanvas *self = DRAMATIS_CANVAS (widget);
  DramatisCanvasPrivate *priv = dramatis_canvas_get_instance_private (self);
  DramatisCanvasClass *klass = DRAMATIS_CANVAS_GET_CLASS (self);
  g_autofree char *markup = NULL;

  if (priv->scene != NULL && !keyboard)
    {
      dramatis_canvas_update_view (self);
      markup = klass->dup_item_markup (self, hit (self, x, y));
    }

  if (markup == NULL)
    return GTK_WIDGET_CLASS (dramatis_canvas_parent_class)->query_tooltip (widget, x, y, keyboard, tooltip);

  gtk_tooltip_set_markup (tooltip, markup);
  return TRUE;
}

static void
zoom_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  dramatis_canvas_zoom (DRAMATIS_CANVAS (widget), ZOOM_STEP);
}

static void
zoom_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  dramatis_canvas_zoom (DRAMATIS_CANVAS (widget), 1 / ZOOM_STEP);
}

static void
zoom_fit_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  dramatis_canvas_zoom_to_fit (DRAMATIS_CANVAS (widget));
}

/* The legend the exports draw below a diagram, on a panel over its bottom
 * left corner.  It is drawn once to measure it, into a recording, then
 * replayed over the panel.
 */
static cairo_surface_t *
record_legend (DramatisCanvas *self,
               int             width,
               int             height,
               double         *x,
               double         *y,
               double         *panel_width,
               double         *panel_height)
{
  DramatisCanvasPrivate *priv = dramatis_canvas_get_instance_private (self);
  cairo_surface_t *recording;
  cairo_t *rc;
  double max_width = width - 2 * (LEGEND_MARGIN + LEGEND_PADDING);
  double ink_width, ink_height;

  if (max_width < 40 || priv->theme == NULL || priv->scene == NULL)
    return NULL;

  recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  rc = cairo_create (recording);
  DRAMATIS_CANVAS_GET_CLASS (self)->draw_legend (self, rc, priv->theme, 0, 0, max_width);
  cairo_destroy (rc);
  cairo_recording_surface_ink_extents (recording, x, y, &ink_width, &ink_height);

  *panel_width = ink_width + 2 * LEGEND_PADDING;
  *panel_height = ink_height + 2 * LEGEND_PADDING;
  if (ink_width <= 0 || ink_height <= 0 || *panel_height > height - 2 * LEGEND_MARGIN)
    g_clear_pointer (&recording, cairo_surface_destroy);

  return recording;
}

/**
 * dramatis_canvas_get_legend_height:
 * @self: a canvas
 * @width: the width of the view
 * @height: the height of the view
 *
 * Returns: how much of the bottom of a view of @width × @height the legend
 *   covers, its margin included: nothing when it is hidden or does not fit
 */
double
dramatis_canvas_get_legend_height (DramatisCanvas *self,
                                   int             width,
                                   int             height)
{
  DramatisCanvasPrivate *priv = dramatis_canvas_get_instance_private (self);
  cairo_surface_t *recording;
  double x, y, panel_width, panel_height;

  g_return_val_if_fail (DRAMATIS_IS_CANVAS (self), 0);

  if (!priv->show_legend)
    return 0;

  recording = record_legend (self, width, height, &x, &y, &panel_width, &panel_height);
  if (recording == NULL)
    return 0;

  cairo_surface_destroy (recording);
  return panel_height + 2 * LEGEND_MARGIN;
}

static void
draw_legend (DramatisCanvas *self,
             cairo_t        *cr,
             int             width,
             int             height)
{
  DramatisCanvasPrivate *priv = dramatis_canvas_get_instance_private (self);
  const DramatisTheme *theme = priv->theme;
  cairo_surface_t *recording;
  double x, y, panel_width, panel_height;

  priv->legend_rect = GRAPHENE_RECT_INIT (0, 0, 0, 0);
  recording = record_legend (self, width, height, &x, &y, &panel_width, &panel_height);
  if (recording == NULL)
    return;

  priv->legend_rect = GRAPHENE_RECT_INIT (LEGEND_MARGIN, height - LEGEND_MARGIN - panel_height,
                                          panel_width, panel_height);

  cairo_save (cr);
  cairo_new_sub_path (cr);
  cairo_arc (cr, priv->legend_rect.origin.x + panel_width - 6, priv->legend_rect.origin.y + 6, 6,
             -G_PI / 2, 0);
  cairo_arc (cr, priv->legend_rect.origin.x + panel_width - 6, priv->legend_rect.origin.y + panel_height - 6, 6,
             0, G_PI / 2);
  cairo_arc (cr, priv->legend_rect.origin.x + 6, priv->legend_rect.origin.y + panel_height - 6, 6,
             G_PI / 2, G_PI);
  cairo_arc (cr, priv->legend_rect.origin.x + 6, priv->legend_rect.origin.y + 6, 6, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
  dramatis_color_set_source_alpha (&theme->background, cr, 0.94);
  cairo_fill_preserve (cr);
  dramatis_color_set_source (&theme->grid, cr);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);

  cairo_set_source_surface (cr, recording,
                            priv->legend_rect.origin.x + LEGEND_PADDING - x,
                            priv->legend_rect.origin.y + LEGEND_PADDING - y);
  cairo_paint (cr);
  cairo_restore (cr);

  cairo_surface_destroy (recording);
}

static void
dramatis_canvas_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  DramatisCanvas *self = DRAMATIS_CANVAS (widget);
  DramatisCanvasPrivate *priv = dramatis_canvas_get_instance_private (self);
  int width = diagram_width (self);
  int height = diagram_height (self);
  cairo_t *cr;

  if (priv->scene == NULL || priv->theme == NULL || width <= 0 || height <= 0)
    return;

  dramatis_canvas_update_view (self);

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  DRAMATIS_CANVAS_GET_CLASS (self)->draw (self, cr, priv->theme, &priv->selection);
  if (priv->show_legend)
    draw_legend (self, cr, width, height);
  cairo_destroy (cr);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_snapshot_child (widget, child, snapshot);
}

static void
dramatis_canvas_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  dramatis_canvas_update_view (DRAMATIS_CANVAS (widget));
}

static void
dramatis_canvas_class_init (DramatisCanvasClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->snapshot = dramatis_canvas_snapshot;
  widget_class->size_allocate = dramatis_canvas_size_allocate;
  widget_class->query_tooltip = dramatis_canvas_query_tooltip;

  /**
   * DramatisCanvas::item-selected:
   * @kind: a #DramatisItemKind, %DRAMATIS_ITEM_NONE for empty space
   * @index: the item's index in the story
   *
   * The user picked an item, by pointer or keyboard.
   */
  signals[ITEM_SELECTED] = g_signal_new ("item-selected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);
  /**
   * DramatisCanvas::item-activated:
   * @kind: a #DramatisItemKind
   * @index: the item's index in the story
   *
   * The user asked for an item's details (double click, Enter).
   */
  signals[ITEM_ACTIVATED] = g_signal_new ("item-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);

  /**
   * DramatisCanvas::context-menu:
   * @x: where the menu was asked for, or -1 when it was from the keyboard
   * @y: where the menu was asked for, or -1 when it was from the keyboard
   *
   * The user asked for the menu of the selection, or of the diagram when
   * nothing is selected: the item under a secondary click or a long press
   * is selected first.
   */
  signals[CONTEXT_MENU] = g_signal_new ("context-menu", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_DOUBLE, G_TYPE_DOUBLE);

  gtk_widget_class_add_binding (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, menu_shortcut_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Menu, 0, menu_shortcut_cb, NULL);

  gtk_widget_class_install_action (widget_class, "view.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "view.zoom-out", NULL, zoom_out_action);
  gtk_widget_class_install_action (widget_class, "view.zoom-fit", NULL, zoom_fit_action);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
dramatis_canvas_init (DramatisCanvas *self)
{
  DramatisCanvasPrivate *priv = dramatis_canvas_get_instance_private (self);
  GtkWidget *widget = GTK_WIDGET (self);
  GtkGesture *click, *context, *long_press, *drag, *pinch;
  GtkEventController *scroll, *motion, *key;

  priv->selection.selected = DRAMATIS_ITEM_INIT_NONE;
  priv->selection.hovered = DRAMATIS_ITEM_INIT_NONE;

  gtk_widget_set_focusable (widget, TRUE);
  gtk_widget_set_hexpand (widget, TRUE);
  gtk_widget_set_vexpand (widget, TRUE);
  gtk_widget_set_overflow (widget, GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_has_tooltip (widget, TRUE);

  click = gtk_gesture_click_new ();
  g_signal_connect_object (click, "pressed", G_CALLBACK (click_pressed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (click, "released", G_CALLBACK (click_released_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (click));

  context = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (context), GDK_BUTTON_SECONDARY);
  g_signal_connect_object (context, "pressed", G_CALLBACK (context_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (context));

  long_press = gtk_gesture_long_press_new ();
  gtk_gesture_single_set_touch_only (GTK_GESTURE_SINGLE (long_press), TRUE);
  g_signal_connect_object (long_press, "pressed", G_CALLBACK (long_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (long_press));

  drag = gtk_gesture_drag_new ();
  g_signal_connect_object (drag, "drag-begin", G_CALLBACK (drag_begin_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (drag, "drag-update", G_CALLBACK (drag_update_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (drag, "drag-end", G_CALLBACK (drag_end_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (drag));

  pinch = gtk_gesture_zoom_new ();
  g_signal_connect_object (pinch, "begin", G_CALLBACK (pinch_begin_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (pinch, "scale-changed", G_CALLBACK (pinch_scale_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (pinch));
  /* Two fingers pinch and pan at once: the drag's claim on a touch must
   * not deny it to the pinch.
   */
  gtk_gesture_group (drag, pinch);

  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  g_signal_connect_object (scroll, "scroll", G_CALLBACK (scroll_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (widget, scroll);

  motion = gtk_event_controller_motion_new ();
  g_signal_connect_object (motion, "motion", G_CALLBACK (motion_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (motion, "leave", G_CALLBACK (leave_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (widget, motion);

  key = gtk_event_controller_key_new ();
  g_signal_connect_object (key, "key-pressed", G_CALLBACK (key_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (widget, key);
}

/**
 * dramatis_canvas_get_scene:
 * @self: a canvas
 *
 * Returns: (nullable) (transfer none): the scene it shows
 */
DramatisScene *
dramatis_canvas_get_scene (DramatisCanvas *self)
{
  DramatisCanvasPrivate *priv = dramatis_canvas_get_instance_private (self);

  g_return_val_if_fail (DRAMATIS_IS_CANVAS (self), NULL);

  return priv->scene;
}

/**
 * dramatis_canvas_set_scene:
 * @self: a canvas
 * @scene: (nullable): the scene to show, owned by the caller, who must
 *   unset it before freeing it
 *
 * Shows @scene whole, with nothing selected.
 */
void
dramatis_canvas_set_scene (DramatisCanvas *self,
                           DramatisScene  *scene)
{
  DramatisCanvasPrivate *priv = dramatis_canvas_get_instance_private (self);

  g_return_if_fail (DRAMATIS_IS_CANVAS (self));

  priv->scene = scene;
  priv->fitted = FALSE;
  priv->placed = FALSE;
  priv->selection.selected = DRAMATIS_ITEM_INIT_NONE;
  priv->selection.hovered = DRAMATIS_ITEM_INIT_NONE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static guint
count_items (DramatisStory    *story,
             DramatisItemKind  kind)
{
  switch (kind)
    {
    case DRAMATIS_ITEM_ACTOR:
      return dramatis_story_get_n_actors (story);
    case DRAMATIS_ITEM_EVENT:
      return dramatis_story_get_n_events (story);
    case DRAMATIS_ITEM_RELATION:
      return dramatis_story_get_n_relations (story);
    case DRAMATIS_ITEM_STATEMENT:
      return dramatis_story_get_n_statements (story);
    case DRAMATIS_ITEM_SOURCE:
      return dramatis_story_get_n_sources (story);
    case DRAMATIS_ITEM_NONE:
    case DRAMATIS_ITEM_STORY:
    default:
      return G_MAXUINT;
    }
}

/**
 * dramatis_canvas_scene_changed:
 * @self: a canvas
 *
 * The scene changed after an edit of its story: the hovered item, which
 * may be another or none now, is forgotten, a selected item that no longer
 * exists too (the window selects what it wants after an edit), and the
 * diagram is drawn again.  The view stays.
 */
void
dramatis_canvas_scene_changed (DramatisCanvas *self)
{
  DramatisCanvasPrivate *priv = dramatis_canvas_get_instance_private (self);

  g_return_if_fail (DRAMATIS_IS_CANVAS (self));

  priv->selection.hovered = DRAMATIS_ITEM_INIT_NONE;
  if (priv->scene != NULL &&
      priv->selection.selected.index >= count_items (dramatis_scene_get_story (priv->scene),
                                                     priv->selection.selected.kind))
    priv->selection.selected = DRAMATIS_ITEM_INIT_NONE;
  gtk_widget_trigger_tooltip_query (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * dramatis_canvas_set_theme:
 * @self: a canvas
 * @theme: the colours to draw with, owned by the caller, who keeps it
 *   alive while the canvas lives
 */
void
dramatis_canvas_set_theme (DramatisCanvas      *self,
                           const DramatisTheme *theme)
{
  DramatisCanvasPrivate *priv = dramatis_canvas_get_instance_private (self);

  g_return_if_fail (DRAMATIS_IS_CANVAS (self));

  priv->theme = theme;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * dramatis_canvas_get_theme:
 * @self: a canvas
 *
 * Returns: (nullable) (transfer none): the colours it draws with
 */
const DramatisTheme *
dramatis_canvas_get_theme (DramatisCanvas *self)
{
  DramatisCanvasPrivate *priv = dramatis_canvas_get_instance_private (self);

  g_return_val_if_fail (DRAMATIS_IS_CANVAS (self), NULL);

  return priv->theme;
}

/**
 * dramatis_canvas_set_placed:
 * @self: a canvas
 *
 * Says that the user moved the view by other means than the canvas's own
 * gestures (a scroll bar, an overview), so that a change of size keeps
 * their view rather than fitting the diagram again.
 */
void
dramatis_canvas_set_placed (DramatisCanvas *self)
{
  DramatisCanvasPrivate *priv = dramatis_canvas_get_instance_private (self);

  g_return_if_fail (DRAMATIS_IS_CANVAS (self));

  priv->placed = TRUE;
}

/**
 * dramatis_canvas_set_selected:
 * @self: a canvas
 * @selected: the item selected in the window, to highlight here too
 */
void
dramatis_canvas_set_selected (DramatisCanvas *self,
                              DramatisItem    selected)
{
  DramatisCanvasPrivate *priv = dramatis_canvas_get_instance_private (self);

  g_return_if_fail (DRAMATIS_IS_CANVAS (self));

  priv->selection.selected = selected;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * dramatis_canvas_select_item:
 * @self: a canvas
 * @item: the item the user picked, or none for empty space
 * @activate: whether the user also asked for its details
 *
 * Reports the user's pick with #DramatisCanvas::item-selected and, if
 * @activate, #DramatisCanvas::item-activated.  The window decides what is
 * selected, and tells the canvas with dramatis_canvas_set_selected().
 */
void
dramatis_canvas_select_item (DramatisCanvas *self,
                             DramatisItem    item,
                             gboolean        activate)
{
  g_return_if_fail (DRAMATIS_IS_CANVAS (self));

  g_signal_emit (self, signals[ITEM_SELECTED], 0, (guint) item.kind, item.index);
  if (activate && item.kind != DRAMATIS_ITEM_NONE)
    g_signal_emit (self, signals[ITEM_ACTIVATED], 0, (guint) item.kind, item.index);
}

/**
 * dramatis_canvas_update_view:
 * @self: a canvas
 *
 * Gives the view the widget's size, fitting the diagram in it if nothing
 * has placed the view since the scene was set or a fit was asked for, or
 * if the size changed and the user has not zoomed or panned since.  Does
 * nothing without a scene or a size.
 */
void
dramatis_canvas_update_view (DramatisCanvas *self)
{
  DramatisCanvasPrivate *priv = dramatis_canvas_get_instance_private (self);
  int width, height;

  g_return_if_fail (DRAMATIS_IS_CANVAS (self));

  width = diagram_width (self);
  height = diagram_height (self);
  if (priv->scene == NULL || width <= 0 || height <= 0)
    return;

  if (!priv->placed && (width != priv->width || height != priv->height))
    priv->fitted = FALSE;
  priv->width = width;
  priv->height = height;

  DRAMATIS_CANVAS_GET_CLASS (self)->set_view_size (self, width, height, !priv->fitted);
  priv->fitted = TRUE;
}

/**
 * dramatis_canvas_queue_fit:
 * @self: a canvas
 *
 * Fits the whole diagram in the widget when it is next drawn or
 * allocated, for a diagram that is still changing: unlike
 * dramatis_canvas_zoom_to_fit(), it fits to the size the widget will
 * have then.
 */
void
dramatis_canvas_queue_fit (DramatisCanvas *self)
{
  DramatisCanvasPrivate *priv = dramatis_canvas_get_instance_private (self);

  g_return_if_fail (DRAMATIS_IS_CANVAS (self));

  priv->fitted = FALSE;
  priv->placed = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * dramatis_canvas_zoom:
 * @self: a canvas
 * @factor: how much to magnify, below 1 to zoom out
 *
 * Zooms around the middle of the widget.
 */
void
dramatis_canvas_zoom (DramatisCanvas *self,
                      double          factor)
{
  g_return_if_fail (DRAMATIS_IS_CANVAS (self));

  zoom_around (self, factor, diagram_width (self) / 2.0, diagram_height (self) / 2.0);
}

/**
 * dramatis_canvas_set_show_legend:
 * @self: a canvas
 * @show_legend: whether to draw the key to the diagram
 *
 * Shows the legend the exports draw, on a panel over the diagram's bottom
 * left corner.
 */
void
dramatis_canvas_set_show_legend (DramatisCanvas *self,
                                 gboolean        show_legend)
{
  DramatisCanvasPrivate *priv = dramatis_canvas_get_instance_private (self);

  g_return_if_fail (DRAMATIS_IS_CANVAS (self));

  show_legend = !!show_legend;
  if (priv->show_legend == show_legend)
    return;

  priv->show_legend = show_legend;
  priv->legend_rect = GRAPHENE_RECT_INIT (0, 0, 0, 0);
  /* A diagram fitted to its view fits again around the legend. */
  if (!priv->placed)
    priv->fitted = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
dramatis_canvas_get_show_legend (DramatisCanvas *self)
{
  DramatisCanvasPrivate *priv = dramatis_canvas_get_instance_private (self);

  g_return_val_if_fail (DRAMATIS_IS_CANVAS (self), FALSE);

  return priv->show_legend;
}

/**
 * dramatis_canvas_set_chrome:
 * @self: a canvas
 * @right: pixels kept at the right for the subclass's widgets
 * @bottom: pixels kept at the bottom likewise
 *
 * For a subclass that places widgets of its own beside the diagram, from
 * its size_allocate, before it calls dramatis_canvas_update_view(): the
 * diagram's view, drawing and pointer handling keep to the rest of the
 * widget.
 */
void
dramatis_canvas_set_chrome (DramatisCanvas *self,
                            int             right,
                            int             bottom)
{
  DramatisCanvasPrivate *priv = dramatis_canvas_get_instance_private (self);

  g_return_if_fail (DRAMATIS_IS_CANVAS (self));
  g_return_if_fail (right >= 0 && bottom >= 0);

  priv->chrome_right = right;
  priv->chrome_bottom = bottom;
}

/**
 * dramatis_canvas_zoom_to_fit:
 * @self: a canvas
 *
 * Fits the whole diagram in the widget, now if it has a size, else as
 * soon as it gets one.
 */
void
dramatis_canvas_zoom_to_fit (DramatisCanvas *self)
{
  g_return_if_fail (DRAMATIS_IS_CANVAS (self));

  dramatis_canvas_queue_fit (self);
  dramatis_canvas_update_view (self);
}
