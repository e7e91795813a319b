/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "dramatis-timeline-canvas"

#include "config.h"

#include <glib/gi18n.h>

#include "dramatis-canvas.h"
#include "dramatis-timeline-canvas.h"

/* The timeline on screen: it draws with the renderer of src/render, so the
 * window and the exports agree, and turns pointer and keys into a view
 * (zoom, pan) and a selection, which it reports to the window.
 */

struct _DramatisTimelineCanvas
{
  GtkWidget             parent_instance;

  DramatisScene        *scene;          /* borrowed from the window */
  const DramatisTheme  *theme;          /* borrowed from the window */
  DramatisSelection     selection;
  DramatisTimelineView  view;
  gboolean              fitted;

  double                drag_start_x;
  double                drag_start_y;
  DramatisTimelineView  drag_view;
  double                zoom_start_seconds_per_pixel;
  double                pointer_x;
};

G_DEFINE_FINAL_TYPE (DramatisTimelineCanvas, dramatis_timeline_canvas, GTK_TYPE_WIDGET)

enum {
  ITEM_SELECTED,
  ITEM_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define ZOOM_STEP 1.25

static DramatisTimeline *
get_timeline (DramatisTimelineCanvas *self)
{
  return self->scene ? dramatis_scene_get_timeline (self->scene) : NULL;
}

static void
update_view_size (DramatisTimelineCanvas *self)
{
  DramatisTimeline *timeline = get_timeline (self);
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  if (timeline == NULL || width <= 0 || height <= 0)
    return;

  if (!self->fitted)
    {
      dramatis_timeline_fit (timeline, width, height, &self->view);
      self->fitted = TRUE;
    }

  self->view.width = width;
  self->view.height = height;
}

static void
select_item (DramatisTimelineCanvas *self,
             DramatisItem            item,
             gboolean                activate)
{
  g_signal_emit (self, signals[ITEM_SELECTED], 0, (guint) item.kind, item.index);
  if (activate && item.kind != DRAMATIS_ITEM_NONE)
    g_signal_emit (self, signals[ITEM_ACTIVATED], 0, (guint) item.kind, item.index);
}

static void
click_pressed_cb (DramatisTimelineCanvas *self,
                  int                     n_press,
                  double                  x,
                  double                  y,
                  GtkGestureClick        *gesture)
{
  DramatisTimeline *timeline = get_timeline (self);

  g_assert (DRAMATIS_IS_TIMELINE_CANVAS (self));

  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (timeline == NULL)
    return;

  update_view_size (self);
  select_item (self, dramatis_timeline_hit (timeline, &self->view, x, y), n_press == 2);
}

static void
drag_begin_cb (DramatisTimelineCanvas *self,
               double                  x,
               double                  y,
               GtkGestureDrag         *gesture)
{
  self->drag_view = self->view;
}

static void
drag_update_cb (DramatisTimelineCanvas *self,
                double                  dx,
                double                  dy,
                GtkGestureDrag         *gesture)
{
  DramatisTimeline *timeline = get_timeline (self);

  if (timeline == NULL)
    return;

  if (ABS (dx) > 3 || ABS (dy) > 3)
    gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");

  self->view = self->drag_view;
  dramatis_timeline_pan (timeline, &self->view, -dx, -dy);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
drag_end_cb (DramatisTimelineCanvas *self,
             double                  dx,
             double                  dy,
             GtkGestureDrag         *gesture)
{
  gtk_widget_set_cursor (GTK_WIDGET (self), NULL);
}

static void
zoom_around (DramatisTimelineCanvas *self,
             double                  factor,
             double                  x)
{
  DramatisTimeline *timeline = get_timeline (self);

  if (timeline == NULL)
    return;

  update_view_size (self);
  dramatis_timeline_zoom (timeline, &self->view, factor, x);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
scroll_cb (DramatisTimelineCanvas   *self,
           double                    dx,
           double                    dy,
           GtkEventControllerScroll *controller)
{
  DramatisTimeline *timeline = get_timeline (self);
  GdkModifierType state;
  double step = 40;

  if (timeline == NULL)
    return GDK_EVENT_PROPAGATE;

  state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));

  if (gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_SURFACE)
    step = 1;

  if (state & GDK_CONTROL_MASK)
    {
      zoom_around (self, pow (ZOOM_STEP, -dy * (step == 1 ? 0.05 : 1)), self->pointer_x);
      return GDK_EVENT_STOP;
    }

  /* Shift turns the wheel sideways, as everywhere. */
  if (state & GDK_SHIFT_MASK)
    {
      dx = dy;
      dy = 0;
    }

  update_view_size (self);
  dramatis_timeline_pan (timeline, &self->view, dx * step, dy * step);
  gtk_widget_queue_draw (GTK_WIDGET (self));

  return GDK_EVENT_STOP;
}

static void
pinch_begin_cb (DramatisTimelineCanvas *self,
                GdkEventSequence       *sequence,
                GtkGestureZoom         *gesture)
{
  self->zoom_start_seconds_per_pixel = self->view.seconds_per_pixel;
}

static void
pinch_scale_changed_cb (DramatisTimelineCanvas *self,
                        double                  scale,
                        GtkGestureZoom         *gesture)
{
  double x, y;
  double current = self->view.seconds_per_pixel;

  if (!gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y) || scale <= 0)
    return;

  zoom_around (self, current / (self->zoom_start_seconds_per_pixel / scale), x);
}

static void
motion_cb (DramatisTimelineCanvas   *self,
           double                    x,
           double                    y,
           GtkEventControllerMotion *controller)
{
  DramatisTimeline *timeline = get_timeline (self);
  DramatisItem hit;

  self->pointer_x = x;
  if (timeline == NULL)
    return;

  update_view_size (self);
  hit = dramatis_timeline_hit (timeline, &self->view, x, y);
  if (!dramatis_item_equal (&hit, &self->selection.hovered))
    {
      self->selection.hovered = hit;
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), hit.kind != DRAMATIS_ITEM_NONE ? "pointer" : NULL);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
leave_cb (DramatisTimelineCanvas   *self,
          GtkEventControllerMotion *controller)
{
  if (self->selection.hovered.kind != DRAMATIS_ITEM_NONE)
    {
      self->selection.hovered = DRAMATIS_ITEM_INIT_NONE;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static gboolean
query_tooltip_cb (DramatisTimelineCanvas *self,
                  int                     x,
                  int                     y,
                  gboolean                keyboard,
                  GtkTooltip             *tooltip)
{
  DramatisTimeline *timeline = get_timeline (self);
  DramatisStory *story;
  DramatisItem hit;
  g_autofree char *markup = NULL;

  if (timeline == NULL || keyboard)
    return FALSE;

  update_view_size (self);
  hit = dramatis_timeline_hit (timeline, &self->view, x, y);
  story = dramatis_scene_get_story (self->scene);

  if (hit.kind == DRAMATIS_ITEM_EVENT)
    {
      const DramatisEvent *event = dramatis_story_get_event (story, hit.index);
      g_autofree char *when = dramatis_span_is_set (&event->when) ? dramatis_span_format (&event->when) : NULL;

      markup = g_markup_printf_escaped ("<b>%s</b>\n%s%s", event->name ? event->name : event->id,
                                        when ? when : _("No date"),
                                        (event->when.start.flags & DRAMATIS_DATE_INFERRED)
                                        ? _(" (inferred from context)") : "");
    }
  else if (hit.kind == DRAMATIS_ITEM_ACTOR)
    {
      const DramatisActor *actor = dramatis_story_get_actor (story, hit.index);

      markup = g_markup_printf_escaped ("<b>%s</b>%s%s", actor->name ? actor->name : actor->id,
                                        actor->role ? "\n" : "", actor->role ? actor->role : "");
    }

  if (markup == NULL)
    return FALSE;

  gtk_tooltip_set_markup (tooltip, markup);
  return TRUE;
}

/* Arrow keys walk the events in time order; Enter opens the details. */
static gboolean
key_pressed_cb (DramatisTimelineCanvas *self,
                guint                   keyval,
                guint                   keycode,
                GdkModifierType         state,
                GtkEventControllerKey  *controller)
{
  DramatisStory *story;
  const guint *order;
  guint n_dated, position = G_MAXUINT;
  int direction = 0;

  if (self->scene == NULL)
    return GDK_EVENT_PROPAGATE;

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_Up:
      direction = -1;
      break;
    case GDK_KEY_Right:
    case GDK_KEY_Down:
      direction = 1;
      break;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_space:
      if (self->selection.selected.kind != DRAMATIS_ITEM_NONE)
        select_item (self, self->selection.selected, TRUE);
      return GDK_EVENT_STOP;
    default:
      return GDK_EVENT_PROPAGATE;
    }

  story = dramatis_scene_get_story (self->scene);
  order = dramatis_story_get_events_by_time (story, &n_dated);
  if (n_dated == 0)
    return GDK_EVENT_STOP;

  if (self->selection.selected.kind == DRAMATIS_ITEM_EVENT)
    for (guint i = 0; i < n_dated; i++)
      if (order[i] == self->selection.selected.index)
        position = i;

  if (position == G_MAXUINT)
    position = direction > 0 ? 0 : n_dated - 1;
  else
    position = CLAMP ((int) position + direction, 0, (int) n_dated - 1);

  select_item (self, (DramatisItem) { DRAMATIS_ITEM_EVENT, order[position] }, FALSE);
  return GDK_EVENT_STOP;
}

static void
zoom_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  dramatis_timeline_canvas_zoom (DRAMATIS_TIMELINE_CANVAS (widget), ZOOM_STEP);
}

static void
zoom_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  dramatis_timeline_canvas_zoom (DRAMATIS_TIMELINE_CANVAS (widget), 1 / ZOOM_STEP);
}

static void
zoom_fit_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  dramatis_timeline_canvas_zoom_to_fit (DRAMATIS_TIMELINE_CANVAS (widget));
}

static void
dramatis_timeline_canvas_snapshot (GtkWidget   *widget,
                                   GtkSnapshot *snapshot)
{
  DramatisTimelineCanvas *self = DRAMATIS_TIMELINE_CANVAS (widget);
  DramatisTimeline *timeline = get_timeline (self);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (timeline == NULL || self->theme == NULL || width <= 0 || height <= 0)
    return;

  update_view_size (self);

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  dramatis_timeline_draw (timeline, cr, &self->view, self->theme, &self->selection);
  cairo_destroy (cr);
}

static void
dramatis_timeline_canvas_size_allocate (GtkWidget *widget,
                                        int        width,
                                        int        height,
                                        int        baseline)
{
  update_view_size (DRAMATIS_TIMELINE_CANVAS (widget));
}

static void
dramatis_timeline_canvas_class_init (DramatisTimelineCanvasClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->snapshot = dramatis_timeline_canvas_snapshot;
  widget_class->size_allocate = dramatis_timeline_canvas_size_allocate;

  /**
   * DramatisTimelineCanvas::item-selected:
   * @kind: a #DramatisItemKind, %DRAMATIS_ITEM_NONE for empty space
   * @index: the item's index in the story
   *
   * The user picked an item, by pointer or keyboard.
   */
  signals[ITEM_SELECTED] = g_signal_new ("item-selected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);
  /**
   * DramatisTimelineCanvas::item-activated:
   * @kind: a #DramatisItemKind
   * @index: the item's index in the story
   *
   * The user asked for an item's details (double click, Enter).
   */
  signals[ITEM_ACTIVATED] = g_signal_new ("item-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);

  gtk_widget_class_install_action (widget_class, "view.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "view.zoom-out", NULL, zoom_out_action);
  gtk_widget_class_install_action (widget_class, "view.zoom-fit", NULL, zoom_fit_action);

  gtk_widget_class_set_css_name (widget_class, "timeline");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
dramatis_timeline_canvas_init (DramatisTimelineCanvas *self)
{
  static const DramatisCanvasHandlers handlers = {
    G_CALLBACK (click_pressed_cb), G_CALLBACK (drag_begin_cb), G_CALLBACK (drag_update_cb),
    G_CALLBACK (drag_end_cb), G_CALLBACK (pinch_begin_cb), G_CALLBACK (pinch_scale_changed_cb),
    G_CALLBACK (scroll_cb), G_CALLBACK (motion_cb), G_CALLBACK (leave_cb), G_CALLBACK (key_pressed_cb),
    G_CALLBACK (query_tooltip_cb),
  };
  GtkWidget *widget = GTK_WIDGET (self);

  self->selection.selected = DRAMATIS_ITEM_INIT_NONE;
  self->selection.hovered = DRAMATIS_ITEM_INIT_NONE;

  dramatis_canvas_setup (widget, &handlers, _("Timeline"),
                         _("The story’s events over time, in a lane for each actor. "
                         "Use the arrow keys to move between events and Enter to show one."));
}

GtkWidget *
dramatis_timeline_canvas_new (void)
{
  return g_object_new (DRAMATIS_TYPE_TIMELINE_CANVAS, NULL);
}

/**
 * dramatis_timeline_canvas_set_scene:
 * @self: a timeline canvas
 * @scene: (nullable): the scene to show, owned by the caller, who must
 *   unset it before freeing it
 */
void
dramatis_timeline_canvas_set_scene (DramatisTimelineCanvas *self,
                                    DramatisScene          *scene)
{
  g_return_if_fail (DRAMATIS_IS_TIMELINE_CANVAS (self));

  self->scene = scene;
  self->fitted = FALSE;
  self->selection.selected = DRAMATIS_ITEM_INIT_NONE;
  self->selection.hovered = DRAMATIS_ITEM_INIT_NONE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * dramatis_timeline_canvas_set_theme:
 * @self: a timeline canvas
 * @theme: the colours to draw with, owned by the caller, who keeps it
 *   alive while the canvas lives
 */
void
dramatis_timeline_canvas_set_theme (DramatisTimelineCanvas *self,
                                    const DramatisTheme    *theme)
{
  g_return_if_fail (DRAMATIS_IS_TIMELINE_CANVAS (self));

  self->theme = theme;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * dramatis_timeline_canvas_set_selection:
 * @self: a timeline canvas
 * @selection: what is selected in the window, to highlight here too
 *
 * Also scrolls a selected event into view.
 */
void
dramatis_timeline_canvas_set_selection (DramatisTimelineCanvas  *self,
                                        const DramatisSelection *selection)
{
  DramatisTimeline *timeline;
  graphene_rect_t area;

  g_return_if_fail (DRAMATIS_IS_TIMELINE_CANVAS (self));
  g_return_if_fail (selection != NULL);

  self->selection.selected = selection->selected;
  timeline = get_timeline (self);

  if (timeline != NULL && dramatis_timeline_canvas_get_item_area (self, &selection->selected, &area))
    {
      double gutter = dramatis_timeline_get_gutter_width (timeline);
      double x = area.origin.x, y = area.origin.y;

      /* Bring the item into view, keeping the zoom. */
      if (x + area.size.width < gutter || x > self->view.width)
        dramatis_timeline_pan (timeline, &self->view, x - gutter - (self->view.width - gutter) / 3, 0);
      if (y < 0 || y + area.size.height > self->view.height)
        dramatis_timeline_pan (timeline, &self->view, 0, y - self->view.height / 3);
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  selection->selected.kind == DRAMATIS_ITEM_EVENT && self->scene
                                  ? dramatis_story_get_event (dramatis_scene_get_story (self->scene),
                                                              selection->selected.index)->name
                                  : _("The story’s events over time, in a lane for each actor."),
                                  -1);

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * dramatis_timeline_canvas_get_view:
 * @self: a timeline canvas
 * @view: (out): the part of the timeline it shows
 *
 * For exporting what is on screen.
 */
void
dramatis_timeline_canvas_get_view (DramatisTimelineCanvas *self,
                                   DramatisTimelineView   *view)
{
  g_return_if_fail (DRAMATIS_IS_TIMELINE_CANVAS (self));
  g_return_if_fail (view != NULL);

  update_view_size (self);
  *view = self->view;
}

void
dramatis_timeline_canvas_zoom (DramatisTimelineCanvas *self,
                               double                  factor)
{
  g_return_if_fail (DRAMATIS_IS_TIMELINE_CANVAS (self));

  zoom_around (self, factor, gtk_widget_get_width (GTK_WIDGET (self)) / 2.0);
}

void
dramatis_timeline_canvas_zoom_to_fit (DramatisTimelineCanvas *self)
{
  g_return_if_fail (DRAMATIS_IS_TIMELINE_CANVAS (self));

  self->fitted = FALSE;
  update_view_size (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * dramatis_timeline_canvas_get_item_area:
 * @self: a timeline canvas
 * @item: an event
 * @area: (out): where it is drawn, in widget coordinates
 *
 * Returns: %TRUE if @item is an event drawn on the timeline
 */
gboolean
dramatis_timeline_canvas_get_item_area (DramatisTimelineCanvas *self,
                                        const DramatisItem     *item,
                                        graphene_rect_t        *area)
{
  DramatisTimeline *timeline;
  double x, y, width, height;

  g_return_val_if_fail (DRAMATIS_IS_TIMELINE_CANVAS (self), FALSE);

  timeline = get_timeline (self);
  if (timeline == NULL || item->kind != DRAMATIS_ITEM_EVENT)
    return FALSE;

  update_view_size (self);
  if (!dramatis_timeline_get_event_rect (timeline, &self->view, item->index, &x, &y, &width, &height))
    return FALSE;

  graphene_rect_init (area, x, y, width, height);
  return TRUE;
}
