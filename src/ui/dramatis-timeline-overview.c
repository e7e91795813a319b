/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "dramatis-timeline-overview"

#include "config.h"

#include <glib/gi18n.h>

#include "dramatis-timeline-overview.h"

/* The overview strip under the timeline: the whole story's time with the
 * view's part of it framed.  Dragging the frame pans, a click elsewhere
 * moves the frame there.  It draws with the renderer and only reports
 * where the user wants the frame; the timeline canvas that owns it moves
 * the view.
 */

#define OVERVIEW_HEIGHT 28

struct _DramatisTimelineOverview
{
  GtkWidget                   parent_instance;

  DramatisTimeline           *timeline;  /* borrowed from the canvas */
  const DramatisTimelineView *view;      /* likewise */
  const DramatisTheme        *theme;     /* likewise */

  double                      grab;      /* from the frame's left edge */
  double                      start;
};

G_DEFINE_FINAL_TYPE (DramatisTimelineOverview, dramatis_timeline_overview, GTK_TYPE_WIDGET)

enum {
  MOVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
drag_begin_cb (DramatisTimelineOverview *self,
               double                    x,
               double                    y,
               GtkGestureDrag           *gesture)
{
  double x0, x1;

  if (self->timeline == NULL || self->view == NULL)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  dramatis_timeline_get_overview_window (self->timeline, self->view,
                                         gtk_widget_get_width (GTK_WIDGET (self)), &x0, &x1);

  /* A press on the frame grabs it where it is; elsewhere, the frame jumps
   * to be centred there, and the drag goes on from that.
   */
  if (x >= x0 && x <= x1)
    self->grab = x - x0;
  else
    {
      self->grab = (x1 - x0) / 2;
      g_signal_emit (self, signals[MOVE], 0, x - self->grab);
    }
  self->start = x;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
}

static void
drag_update_cb (DramatisTimelineOverview *self,
                double                    dx,
                double                    dy,
                GtkGestureDrag           *gesture)
{
  if (self->timeline == NULL || self->view == NULL)
    return;

  g_signal_emit (self, signals[MOVE], 0, self->start + dx - self->grab);
}

static void
drag_end_cb (DramatisTimelineOverview *self,
             double                    dx,
             double                    dy,
             GtkGestureDrag           *gesture)
{
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grab");
}

static void
dramatis_timeline_overview_measure (GtkWidget      *widget,
                                    GtkOrientation  orientation,
                                    int             for_size,
                                    int            *minimum,
                                    int            *natural,
                                    int            *minimum_baseline,
                                    int            *natural_baseline)
{
  *minimum = *natural = orientation == GTK_ORIENTATION_VERTICAL ? OVERVIEW_HEIGHT : 0;
}

static void
dramatis_timeline_overview_snapshot (GtkWidget   *widget,
                                     GtkSnapshot *snapshot)
{
  DramatisTimelineOverview *self = DRAMATIS_TIMELINE_OVERVIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (self->timeline == NULL || self->view == NULL || self->theme == NULL ||
      self->view->seconds_per_pixel <= 0 || width <= 0 || height <= 0)
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  dramatis_timeline_draw_overview (self->timeline, cr, self->view, self->theme, width, height);
  cairo_destroy (cr);
}

static void
dramatis_timeline_overview_class_init (DramatisTimelineOverviewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->measure = dramatis_timeline_overview_measure;
  widget_class->snapshot = dramatis_timeline_overview_snapshot;

  /**
   * DramatisTimelineOverview::move:
   * @x: where the user wants the frame's left edge, in the strip
   *
   * The user dragged the frame or clicked beside it.
   */
  signals[MOVE] = g_signal_new ("move", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_DOUBLE);

  gtk_widget_class_set_css_name (widget_class, "timeline-overview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
dramatis_timeline_overview_init (DramatisTimelineOverview *self)
{
  GtkGesture *drag = gtk_gesture_drag_new ();

  g_signal_connect_object (drag, "drag-begin", G_CALLBACK (drag_begin_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (drag, "drag-update", G_CALLBACK (drag_update_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (drag, "drag-end", G_CALLBACK (drag_end_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grab");
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Overview of the story’s time"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Drag the frame, or click beside it, to move the timeline through time."),
                                  -1);
}

GtkWidget *
dramatis_timeline_overview_new (void)
{
  return g_object_new (DRAMATIS_TYPE_TIMELINE_OVERVIEW, NULL);
}

/**
 * dramatis_timeline_overview_set_timeline:
 * @self: an overview
 * @timeline: (nullable): the timeline to show, owned by the caller
 * @view: (nullable): the view whose time to frame, owned by the caller
 * @theme: (nullable): colours, owned by the caller
 *
 * The caller keeps all three alive while the overview shows them, and
 * queues a draw of the overview when the view changes.
 */
void
dramatis_timeline_overview_set_timeline (DramatisTimelineOverview   *self,
                                         DramatisTimeline           *timeline,
                                         const DramatisTimelineView *view,
                                         const DramatisTheme        *theme)
{
  g_return_if_fail (DRAMATIS_IS_TIMELINE_OVERVIEW (self));

  self->timeline = timeline;
  self->view = view;
  self->theme = theme;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
