/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "dramatis-timeline-canvas"

#include "config.h"

#include <glib/gi18n.h>

#include "dramatis-timeline-canvas.h"
#include "dramatis-timeline-overview.h"

/* The timeline on screen: it draws with the renderer of src/render, so the
 * window and the exports agree, and turns pointer and keys into a view
 * (zoom, pan) and a selection, which it reports to the window.
 *
 * It owns the widgets that move through the timeline beside it, so that
 * the window places one widget: a scroll bar for the lanes, right of
 * them under the axis, whenever they are taller than the view, and the
 * overview strip under the time area when the view does not show the
 * story's whole time, or the story is too large for lanes alone (see
 * dramatis_timeline_overview_helps()).
 */

struct _DramatisTimelineCanvas
{
  DramatisCanvas        parent_instance;

  DramatisTimelineView  view;
  DramatisTimelineView  drag_view;

  GtkAdjustment        *vadjustment;
  GtkWidget            *scrollbar;
  GtkWidget            *overview;
  gboolean              show_scrollbar;
  gboolean              show_overview;
  gboolean              syncing;
  gboolean              allocating;
};

G_DEFINE_FINAL_TYPE (DramatisTimelineCanvas, dramatis_timeline_canvas, DRAMATIS_TYPE_CANVAS)

static DramatisTimeline *
get_timeline (DramatisTimelineCanvas *self)
{
  DramatisScene *scene = dramatis_canvas_get_scene (DRAMATIS_CANVAS (self));

  return scene ? dramatis_scene_get_timeline (scene) : NULL;
}

static gboolean
needs_scrollbar (DramatisTimelineCanvas *self,
                 DramatisTimeline       *timeline)
{
  return dramatis_timeline_get_content_height (timeline) > self->view.height + 0.5;
}

/* The scroll bar's adjustment follows the view: its value is how far the
 * lanes are scrolled, its page the height they show in.
 */
static void
sync_adjustment (DramatisTimelineCanvas *self)
{
  DramatisTimeline *timeline = get_timeline (self);
  double page, upper;

  if (timeline == NULL || self->view.seconds_per_pixel <= 0)
    return;

  page = MAX (self->view.height - DRAMATIS_TIMELINE_AXIS_HEIGHT, 1);
  upper = MAX (dramatis_timeline_get_content_height (timeline) - DRAMATIS_TIMELINE_AXIS_HEIGHT, page);
  self->syncing = TRUE;
  gtk_adjustment_configure (self->vadjustment, self->view.scroll_y, 0, upper, 40, page * 0.9, page);
  self->syncing = FALSE;
}

/* After the view moved: the scroll bar and the overview follow, and show
 * or hide if the view now needs them or not.
 */
static void
update_chrome (DramatisTimelineCanvas *self)
{
  DramatisTimeline *timeline = get_timeline (self);

  if (timeline == NULL || self->view.seconds_per_pixel <= 0)
    return;

  if (needs_scrollbar (self, timeline) != self->show_scrollbar ||
      dramatis_timeline_overview_helps (timeline, &self->view) != self->show_overview)
    gtk_widget_queue_allocate (GTK_WIDGET (self));

  sync_adjustment (self);
  gtk_widget_queue_draw (self->overview);
}

static void
vadjustment_value_changed_cb (DramatisTimelineCanvas *self,
                              GtkAdjustment          *adjustment)
{
  DramatisTimeline *timeline = get_timeline (self);

  if (self->syncing || timeline == NULL || self->view.seconds_per_pixel <= 0)
    return;

  dramatis_canvas_set_placed (DRAMATIS_CANVAS (self));
  dramatis_timeline_pan (timeline, &self->view, 0, gtk_adjustment_get_value (adjustment) - self->view.scroll_y);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
overview_move_cb (DramatisTimelineCanvas   *self,
                  double                    x,
                  DramatisTimelineOverview *overview)
{
  DramatisTimeline *timeline = get_timeline (self);

  if (timeline == NULL || self->view.seconds_per_pixel <= 0)
    return;

  dramatis_canvas_set_placed (DRAMATIS_CANVAS (self));
  dramatis_timeline_overview_move (timeline, &self->view, gtk_widget_get_width (self->overview), x);
  update_chrome (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The diagram takes what the scroll bar and the overview leave.  Whether
 * they show depends on the view, which a fit changes for the size the
 * diagram gets: a second pass settles it.
 */
static void
dramatis_timeline_canvas_size_allocate (GtkWidget *widget,
                                        int        width,
                                        int        height,
                                        int        baseline)
{
  DramatisTimelineCanvas *self = DRAMATIS_TIMELINE_CANVAS (widget);
  DramatisTimeline *timeline = get_timeline (self);
  int scrollbar_width, overview_height, right, bottom;
  double gutter;

  self->allocating = TRUE;
  gtk_widget_measure (self->scrollbar, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &scrollbar_width, NULL, NULL);
  gtk_widget_measure (self->overview, GTK_ORIENTATION_VERTICAL, -1, NULL, &overview_height, NULL, NULL);

  for (guint pass = 0; pass < 3; pass++)
    {
      gboolean scrollbar, overview;

      right = self->show_scrollbar ? scrollbar_width : 0;
      bottom = self->show_overview ? overview_height : 0;
      dramatis_canvas_set_chrome (DRAMATIS_CANVAS (self), right, bottom);
      dramatis_canvas_update_view (DRAMATIS_CANVAS (self));

      if (timeline == NULL || self->view.seconds_per_pixel <= 0 || pass == 2)
        break;
      scrollbar = needs_scrollbar (self, timeline);
      overview = dramatis_timeline_overview_helps (timeline, &self->view);
      if (scrollbar == self->show_scrollbar && overview == self->show_overview)
        break;
      self->show_scrollbar = scrollbar;
      self->show_overview = overview;
    }

  if (timeline == NULL)
    {
      self->show_scrollbar = self->show_overview = FALSE;
      dramatis_canvas_set_chrome (DRAMATIS_CANVAS (self), 0, 0);
      right = bottom = 0;
    }

  self->allocating = FALSE;

  /* Before the scroll bar is allocated: a change of its adjustment
   * asks for a new allocation.
   */
  sync_adjustment (self);
  gtk_widget_set_child_visible (self->scrollbar, self->show_scrollbar);
  gtk_widget_set_child_visible (self->overview, self->show_overview);

  if (self->show_scrollbar)
    gtk_widget_size_allocate (self->scrollbar,
                              &(GtkAllocation) { width - right, (int) DRAMATIS_TIMELINE_AXIS_HEIGHT,
                                                 right, MAX (height - bottom - (int) DRAMATIS_TIMELINE_AXIS_HEIGHT, 0) },
                              -1);
  if (self->show_overview)
    {
      gutter = timeline != NULL ? dramatis_timeline_get_gutter_width (timeline) : 0;
      gtk_widget_size_allocate (self->overview,
                                &(GtkAllocation) { (int) gutter, height - bottom,
                                                   MAX (width - right - (int) gutter, 0), bottom },
                                -1);
    }
}

static void
dramatis_timeline_canvas_set_view_size (DramatisCanvas *canvas,
                                        int             width,
                                        int             height,
                                        gboolean        fit)
{
  DramatisTimelineCanvas *self = DRAMATIS_TIMELINE_CANVAS (canvas);

  /* A narrow view keeps most of its width for time. */
  if (get_timeline (self) != NULL && dramatis_timeline_fit_gutter (get_timeline (self), width) && !self->allocating)
    update_chrome (self);

  /* A fit fits both axes: the story's time to the width, its lanes to
   * the height.
   */
  if (fit)
    {
      dramatis_timeline_fit (get_timeline (self), width, height, &self->view);
      dramatis_timeline_fit_lanes (get_timeline (self), &self->view);
      /* A fit asked for outside an allocation (Ctrl+0) may change what
       * shows beside the diagram.
       */
      if (!self->allocating)
        update_chrome (self);
    }

  self->view.width = width;
  self->view.height = height;
}

static double
dramatis_timeline_canvas_draw_legend (DramatisCanvas      *canvas,
                                      cairo_t             *cr,
                                      const DramatisTheme *theme,
                                      double               x,
                                      double               y,
                                      double               max_width)
{
  DramatisTimelineCanvas *self = DRAMATIS_TIMELINE_CANVAS (canvas);

  return dramatis_timeline_draw_legend (get_timeline (self), cr, theme, x, y, max_width);
}

static void
dramatis_timeline_canvas_draw (DramatisCanvas          *canvas,
                               cairo_t                 *cr,
                               const DramatisTheme     *theme,
                               const DramatisSelection *selection)
{
  DramatisTimelineCanvas *self = DRAMATIS_TIMELINE_CANVAS (canvas);

  dramatis_timeline_draw (get_timeline (self), cr, &self->view, theme, selection);
}

static DramatisItem
dramatis_timeline_canvas_hit (DramatisCanvas *canvas,
                              double          x,
                              double          y)
{
  DramatisTimelineCanvas *self = DRAMATIS_TIMELINE_CANVAS (canvas);

  return dramatis_timeline_hit (get_timeline (self), &self->view, x, y);
}

static char *
dramatis_timeline_canvas_dup_item_markup (DramatisCanvas *canvas,
                                          DramatisItem    item)
{
  DramatisStory *story = dramatis_scene_get_story (dramatis_canvas_get_scene (canvas));

  if (item.kind == DRAMATIS_ITEM_EVENT)
    {
      const DramatisEvent *event = dramatis_story_get_event (story, item.index);
      g_autofree char *when = dramatis_span_is_set (&event->when) ? dramatis_span_format (&event->when) : NULL;

      return g_markup_printf_escaped ("<b>%s</b>\n%s%s", dramatis_event_get_label (event),
                                      when ? when : _("No date"),
                                      (event->when.start.flags & DRAMATIS_DATE_INFERRED)
                                      ? _(" (inferred from context)") : "");
    }
  else if (item.kind == DRAMATIS_ITEM_ACTOR)
    {
      const DramatisActor *actor = dramatis_story_get_actor (story, item.index);

      return g_markup_printf_escaped ("<b>%s</b>%s%s", dramatis_actor_get_label (actor),
                                      actor->role ? "\n" : "", actor->role ? actor->role : "");
    }

  return NULL;
}

/* The view measures time in seconds per pixel, the inverse of a zoom. */
static double
dramatis_timeline_canvas_get_zoom (DramatisCanvas *canvas)
{
  return 1 / DRAMATIS_TIMELINE_CANVAS (canvas)->view.seconds_per_pixel;
}

/* Time zooms around @x.  A fit may have packed the lanes into fewer rows
 * of labels, to show more of them; zooming in, the user wants to read
 * more, so the lanes take all their rows again, the lane under the pointer
 * staying about where it was.
 */
static void
dramatis_timeline_canvas_zoom_view (DramatisCanvas *canvas,
                                    double          factor,
                                    double          x,
                                    double          y)
{
  DramatisTimelineCanvas *self = DRAMATIS_TIMELINE_CANVAS (canvas);
  DramatisTimeline *timeline = get_timeline (self);

  if (factor > 1 && dramatis_timeline_get_max_rows (timeline) < DRAMATIS_TIMELINE_MAX_ROWS)
    {
      double below_axis = MAX (y - DRAMATIS_TIMELINE_AXIS_HEIGHT, 0);
      double height = dramatis_timeline_get_content_height (timeline);
      double share = height > 0 ? (self->view.scroll_y + below_axis) / height : 0;
      double max_scroll;

      dramatis_timeline_set_max_rows (timeline, DRAMATIS_TIMELINE_MAX_ROWS);
      height = dramatis_timeline_get_content_height (timeline);
      max_scroll = MAX (height - self->view.height, 0);
      self->view.scroll_y = CLAMP (share * height - below_axis, 0, max_scroll);
    }

  dramatis_timeline_zoom (timeline, &self->view, factor, x);
  update_chrome (self);
}

static void
dramatis_timeline_canvas_pan (DramatisCanvas *canvas,
                              double          dx,
                              double          dy)
{
  DramatisTimelineCanvas *self = DRAMATIS_TIMELINE_CANVAS (canvas);

  dramatis_timeline_pan (get_timeline (self), &self->view, dx, dy);
  update_chrome (self);
}

/* Arrow keys walk the events in time order, left and up back in time. */
static void
dramatis_timeline_canvas_move_selection (DramatisCanvas *canvas,
                                         DramatisItem    selected,
                                         int             dx,
                                         int             dy)
{
  DramatisStory *story = dramatis_scene_get_story (dramatis_canvas_get_scene (canvas));
  const guint *order;
  guint n_dated, position = G_MAXUINT;
  int direction = dx + dy;

  order = dramatis_story_get_events_by_time (story, &n_dated);
  if (n_dated == 0)
    return;

  if (selected.kind == DRAMATIS_ITEM_EVENT)
    for (guint i = 0; i < n_dated; i++)
      if (order[i] == selected.index)
        position = i;

  if (position == G_MAXUINT)
    position = direction > 0 ? 0 : n_dated - 1;
  else
    position = CLAMP ((int) position + direction, 0, (int) n_dated - 1);

  dramatis_canvas_select_item (canvas, (DramatisItem) { DRAMATIS_ITEM_EVENT, order[position] }, FALSE);
}

static void
dramatis_timeline_canvas_drag_begin (DramatisCanvas *canvas,
                                     double          x,
                                     double          y)
{
  DramatisTimelineCanvas *self = DRAMATIS_TIMELINE_CANVAS (canvas);

  self->drag_view = self->view;
}

static void
dramatis_timeline_canvas_drag_update (DramatisCanvas *canvas,
                                      double          dx,
                                      double          dy)
{
  DramatisTimelineCanvas *self = DRAMATIS_TIMELINE_CANVAS (canvas);
  DramatisTimeline *timeline = get_timeline (self);

  if (timeline == NULL)
    return;

  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");

  self->view = self->drag_view;
  dramatis_timeline_pan (timeline, &self->view, -dx, -dy);
  update_chrome (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
dramatis_timeline_canvas_dispose (GObject *object)
{
  DramatisTimelineCanvas *self = DRAMATIS_TIMELINE_CANVAS (object);

  g_clear_pointer (&self->scrollbar, gtk_widget_unparent);
  g_clear_pointer (&self->overview, gtk_widget_unparent);
  g_clear_object (&self->vadjustment);

  G_OBJECT_CLASS (dramatis_timeline_canvas_parent_class)->dispose (object);
}

static void
dramatis_timeline_canvas_class_init (DramatisTimelineCanvasClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  DramatisCanvasClass *canvas_class = DRAMATIS_CANVAS_CLASS (klass);

  object_class->dispose = dramatis_timeline_canvas_dispose;
  widget_class->size_allocate = dramatis_timeline_canvas_size_allocate;

  canvas_class->set_view_size = dramatis_timeline_canvas_set_view_size;
  canvas_class->draw = dramatis_timeline_canvas_draw;
  canvas_class->draw_legend = dramatis_timeline_canvas_draw_legend;
  canvas_class->hit = dramatis_timeline_canvas_hit;
  canvas_class->dup_item_markup = dramatis_timeline_canvas_dup_item_markup;
  canvas_class->get_zoom = dramatis_timeline_canvas_get_zoom;
  canvas_class->zoom = dramatis_timeline_canvas_zoom_view;
  canvas_class->pan = dramatis_timeline_canvas_pan;
  canvas_class->move_selection = dramatis_timeline_canvas_move_selection;
  canvas_class->drag_begin = dramatis_timeline_canvas_drag_begin;
  canvas_class->drag_update = dramatis_timeline_canvas_drag_update;

  gtk_widget_class_set_css_name (widget_class, "timeline");
}

static void
dramatis_timeline_canvas_init (DramatisTimelineCanvas *self)
{
  self->vadjustment = g_object_ref_sink (gtk_adjustment_new (0, 0, 1, 40, 1, 1));
  g_signal_connect_object (self->vadjustment, "value-changed",
                           G_CALLBACK (vadjustment_value_changed_cb), self, G_CONNECT_SWAPPED);
  self->scrollbar = gtk_scrollbar_new (GTK_ORIENTATION_VERTICAL, self->vadjustment);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->scrollbar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Scroll the lanes"), -1);
  gtk_widget_set_parent (self->scrollbar, GTK_WIDGET (self));
  gtk_widget_set_child_visible (self->scrollbar, FALSE);

  self->overview = dramatis_timeline_overview_new ();
  g_signal_connect_object (self->overview, "move", G_CALLBACK (overview_move_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_set_parent (self->overview, GTK_WIDGET (self));
  gtk_widget_set_child_visible (self->overview, FALSE);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Timeline"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("The story’s events over time, in a lane for each actor. "
                                    "Use the arrow keys to move between events and Enter to show one."),
                                  -1);
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

  dramatis_canvas_set_scene (DRAMATIS_CANVAS (self), scene);
  dramatis_timeline_overview_set_timeline (DRAMATIS_TIMELINE_OVERVIEW (self->overview),
                                           scene != NULL ? dramatis_scene_get_timeline (scene) : NULL,
                                           &self->view, dramatis_canvas_get_theme (DRAMATIS_CANVAS (self)));
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

/**
 * dramatis_timeline_canvas_scene_changed:
 * @self: a timeline canvas
 *
 * Call after dramatis_scene_update() said the timeline changed: the
 * canvas draws it again, keeping its zoom and where it was scrolled to as
 * far as the lanes still reach, and shows or hides the scroll bar and the
 * overview as the lanes now ask.
 */
void
dramatis_timeline_canvas_scene_changed (DramatisTimelineCanvas *self)
{
  DramatisTimeline *timeline;

  g_return_if_fail (DRAMATIS_IS_TIMELINE_CANVAS (self));

  timeline = get_timeline (self);
  if (timeline == NULL)
    return;

  /* The lane names may be wider or narrower now. */
  if (self->view.width > 0)
    dramatis_timeline_fit_gutter (timeline, self->view.width);
  if (self->view.seconds_per_pixel > 0)
    dramatis_timeline_pan (timeline, &self->view, 0, 0);

  dramatis_canvas_scene_changed (DRAMATIS_CANVAS (self));
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  update_chrome (self);
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

  dramatis_canvas_set_theme (DRAMATIS_CANVAS (self), theme);
  dramatis_timeline_overview_set_timeline (DRAMATIS_TIMELINE_OVERVIEW (self->overview), get_timeline (self),
                                           &self->view, theme);
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
  DramatisScene *scene;
  DramatisTimeline *timeline;
  graphene_rect_t area;

  g_return_if_fail (DRAMATIS_IS_TIMELINE_CANVAS (self));
  g_return_if_fail (selection != NULL);

  dramatis_canvas_set_selected (DRAMATIS_CANVAS (self), selection->selected);
  scene = dramatis_canvas_get_scene (DRAMATIS_CANVAS (self));
  timeline = get_timeline (self);

  /* An actor selected elsewhere brings its lane into view, its top below
   * the axis.
   */
  if (timeline != NULL && selection->selected.kind == DRAMATIS_ITEM_ACTOR)
    {
      double y, height;

      dramatis_canvas_update_view (DRAMATIS_CANVAS (self));
      if (dramatis_timeline_get_actor_lane (timeline, &self->view, selection->selected.index, &y, &height) &&
          (y < DRAMATIS_TIMELINE_AXIS_HEIGHT || y + MIN (height, self->view.height - DRAMATIS_TIMELINE_AXIS_HEIGHT) > self->view.height))
        dramatis_timeline_pan (timeline, &self->view, 0, y - DRAMATIS_TIMELINE_AXIS_HEIGHT);
    }
  else if (timeline != NULL && dramatis_timeline_canvas_get_item_area (self, &selection->selected, &area))
    {
      double gutter = dramatis_timeline_get_gutter_width (timeline);
      double x = area.origin.x, y = area.origin.y;

      /* Bring the item into view, keeping the zoom: a third of the way
       * in, unless it shows whole already; the lanes scroll under the
       * axis, so it must show below it.
       */
      if (x < gutter || x + area.size.width > self->view.width)
        dramatis_timeline_pan (timeline, &self->view, x - gutter - (self->view.width - gutter) / 3, 0);
      if (y < DRAMATIS_TIMELINE_AXIS_HEIGHT || y + area.size.height > self->view.height)
        dramatis_timeline_pan (timeline, &self->view, 0,
                               y - DRAMATIS_TIMELINE_AXIS_HEIGHT - (self->view.height - DRAMATIS_TIMELINE_AXIS_HEIGHT) / 3);
    }
  if (timeline != NULL)
    update_chrome (self);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  selection->selected.kind == DRAMATIS_ITEM_EVENT && scene
                                  ? dramatis_event_get_label (dramatis_story_get_event (dramatis_scene_get_story (scene),
                                                                                        selection->selected.index))
                                  : _("The story’s events over time, in a lane for each actor."),
                                  -1);
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

  dramatis_canvas_update_view (DRAMATIS_CANVAS (self));
  *view = self->view;
}

void
dramatis_timeline_canvas_zoom (DramatisTimelineCanvas *self,
                               double                  factor)
{
  g_return_if_fail (DRAMATIS_IS_TIMELINE_CANVAS (self));

  dramatis_canvas_zoom (DRAMATIS_CANVAS (self), factor);
}

void
dramatis_timeline_canvas_zoom_to_fit (DramatisTimelineCanvas *self)
{
  g_return_if_fail (DRAMATIS_IS_TIMELINE_CANVAS (self));

  dramatis_canvas_zoom_to_fit (DRAMATIS_CANVAS (self));
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

  dramatis_canvas_update_view (DRAMATIS_CANVAS (self));
  if (!dramatis_timeline_get_event_rect (timeline, &self->view, item->index, &x, &y, &width, &height))
    return FALSE;

  graphene_rect_init (area, x, y, width, height);
  return TRUE;
}
