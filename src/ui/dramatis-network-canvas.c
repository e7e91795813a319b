/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "dramatis-network-canvas"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "dramatis-canvas.h"
#include "dramatis-network-canvas.h"

/* The actor network on screen.  It draws with the renderer of src/render,
 * lets the user pan, zoom, select and drag actors (a dragged actor is
 * pinned, and its place saved with the story), and animates the layout one
 * step per frame so the window stays responsive while it runs.
 */

struct _DramatisNetworkCanvas
{
  GtkWidget             parent_instance;

  DramatisScene        *scene;          /* borrowed from the window */
  const DramatisTheme  *theme;          /* borrowed from the window */
  DramatisSelection     selection;
  DramatisNetworkView   view;
  gboolean              fitted;

  DramatisGraphLayout  *layout;
  guint                 tick_id;
  guint                 n_steps;

  /* A drag moves an actor when it starts on one, else pans. */
  guint                 dragged_actor;
  double                drag_world_x;
  double                drag_world_y;
  DramatisNetworkView   drag_view;
  double                zoom_start;
  guint                 settle_id;
  double                pointer_x;
  double                pointer_y;
};

G_DEFINE_FINAL_TYPE (DramatisNetworkCanvas, dramatis_network_canvas, GTK_TYPE_WIDGET)

enum {
  ITEM_SELECTED,
  ITEM_ACTIVATED,
  POSITIONS_CHANGED,
  N_SIGNALS
};

enum {
  PROP_0,
  PROP_LAYING_OUT,
  N_PROPS
};

static guint signals[N_SIGNALS];
static GParamSpec *properties[N_PROPS];

#define ZOOM_STEP 1.25
/* Steps after which an animated layout stops, settled or not. */
#define MAX_ANIMATION_STEPS 600

static DramatisNetwork *
get_network (DramatisNetworkCanvas *self)
{
  return self->scene ? dramatis_scene_get_network (self->scene) : NULL;
}

static void
update_view_size (DramatisNetworkCanvas *self)
{
  DramatisNetwork *network = get_network (self);
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  if (network == NULL || width <= 0 || height <= 0)
    return;

  if (!self->fitted)
    {
      dramatis_network_fit (network, width, height, &self->view);
      self->fitted = TRUE;
    }

  self->view.width = width;
  self->view.height = height;
}

static void
select_item (DramatisNetworkCanvas *self,
             DramatisItem           item,
             gboolean               activate)
{
  g_signal_emit (self, signals[ITEM_SELECTED], 0, (guint) item.kind, item.index);
  if (activate && item.kind != DRAMATIS_ITEM_NONE)
    g_signal_emit (self, signals[ITEM_ACTIVATED], 0, (guint) item.kind, item.index);
}

static void
stop_layout (DramatisNetworkCanvas *self)
{
  gboolean was_running = self->tick_id != 0;

  if (self->tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_id);
  self->tick_id = 0;
  g_clear_pointer (&self->layout, dramatis_graph_layout_free);

  if (was_running)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAYING_OUT]);
}

static void
apply_layout_positions (DramatisNetworkCanvas *self)
{
  const double *positions;
  guint n_nodes;

  positions = dramatis_graph_layout_get_positions (self->layout, &n_nodes);
  dramatis_network_set_positions (get_network (self), positions, n_nodes);
}

static gboolean
layout_tick_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  DramatisNetworkCanvas *self = DRAMATIS_NETWORK_CANVAS (widget);
  gint64 deadline = g_get_monotonic_time () + 8000;
  gboolean more = TRUE;

  /* As many steps as fit in half a frame. */
  do
    more = dramatis_graph_layout_step (self->layout) && ++self->n_steps < MAX_ANIMATION_STEPS;
  while (more && g_get_monotonic_time () < deadline);

  apply_layout_positions (self);
  self->fitted = FALSE;
  gtk_widget_queue_draw (widget);

  if (!more)
    {
      self->tick_id = 0;
      g_clear_pointer (&self->layout, dramatis_graph_layout_free);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAYING_OUT]);
      return G_SOURCE_REMOVE;
    }

  return G_SOURCE_CONTINUE;
}

static gboolean
point_on_actor (DramatisNetworkCanvas *self,
                double                 x,
                double                 y,
                guint                 *actor)
{
  DramatisItem hit = dramatis_network_hit (get_network (self), &self->view, x, y);

  if (hit.kind != DRAMATIS_ITEM_ACTOR)
    return FALSE;

  *actor = hit.index;
  return TRUE;
}

static void
click_pressed_cb (DramatisNetworkCanvas *self,
                  int                    n_press,
                  double                 x,
                  double                 y,
                  GtkGestureClick       *gesture)
{
  DramatisNetwork *network = get_network (self);

  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (network == NULL)
    return;

  update_view_size (self);
  select_item (self, dramatis_network_hit (network, &self->view, x, y), n_press == 2);
}

static void
drag_begin_cb (DramatisNetworkCanvas *self,
               double                 x,
               double                 y,
               GtkGestureDrag        *gesture)
{
  DramatisNetwork *network = get_network (self);
  const double *positions;
  guint actor, n_actors;

  self->dragged_actor = DRAMATIS_NO_INDEX;
  self->drag_view = self->view;
  if (network == NULL)
    return;

  update_view_size (self);
  if (point_on_actor (self, x, y, &actor))
    {
      positions = dramatis_network_get_positions (network, &n_actors);
      self->dragged_actor = actor;
      self->drag_world_x = positions[2 * actor];
      self->drag_world_y = positions[2 * actor + 1];
    }
}

static void
drag_update_cb (DramatisNetworkCanvas *self,
                double                 dx,
                double                 dy,
                GtkGestureDrag        *gesture)
{
  DramatisNetwork *network = get_network (self);

  if (network == NULL || (ABS (dx) < 3 && ABS (dy) < 3))
    return;

  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");

  if (self->dragged_actor != DRAMATIS_NO_INDEX)
    {
      g_autofree double *positions = NULL;
      guint n_actors;

      stop_layout (self);
      positions = g_memdup2 (dramatis_network_get_positions (network, &n_actors), 2 * n_actors * sizeof (double));
      positions[2 * self->dragged_actor] = self->drag_world_x + dx / self->view.zoom;
      positions[2 * self->dragged_actor + 1] = self->drag_world_y + dy / self->view.zoom;
      dramatis_network_set_positions (network, positions, n_actors);
    }
  else
    {
      self->view.center_x = self->drag_view.center_x - dx / self->view.zoom;
      self->view.center_y = self->drag_view.center_y - dy / self->view.zoom;
    }

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
drag_end_cb (DramatisNetworkCanvas *self,
             double                 dx,
             double                 dy,
             GtkGestureDrag        *gesture)
{
  DramatisNetwork *network = get_network (self);

  gtk_widget_set_cursor (GTK_WIDGET (self), NULL);

  /* An actor put down by hand stays there: it is pinned and saved. */
  if (network != NULL && self->dragged_actor != DRAMATIS_NO_INDEX && (ABS (dx) >= 3 || ABS (dy) >= 3))
    {
      const double *positions;
      guint n_actors;

      positions = dramatis_network_get_positions (network, &n_actors);
      dramatis_story_set_actor_position (dramatis_scene_get_story (self->scene), self->dragged_actor,
                                         positions[2 * self->dragged_actor],
                                         positions[2 * self->dragged_actor + 1], TRUE);
      g_signal_emit (self, signals[POSITIONS_CHANGED], 0);
    }

  self->dragged_actor = DRAMATIS_NO_INDEX;
}

static gboolean
settle_cb (gpointer user_data)
{
  DramatisNetworkCanvas *self = user_data;

  self->settle_id = 0;
  self->view.interactive = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));

  return G_SOURCE_REMOVE;
}

/* While zooming goes on, the renderer stretches its last full drawing; a
 * full drawing follows when the zooming has paused.
 */
static void
zoom_around (DramatisNetworkCanvas *self,
             double                 factor,
             double                 x,
             double                 y)
{
  double world_x, world_y;

  if (get_network (self) == NULL)
    return;

  update_view_size (self);
  dramatis_network_view_to_world (&self->view, x, y, &world_x, &world_y);
  self->view.zoom = CLAMP (self->view.zoom * factor, 1e-4, 64);
  /* Keep the point under the pointer where it is. */
  self->view.center_x = world_x - (x - self->view.width / 2) / self->view.zoom;
  self->view.center_y = world_y - (y - self->view.height / 2) / self->view.zoom;
  self->view.interactive = TRUE;

  g_clear_handle_id (&self->settle_id, g_source_remove);
  self->settle_id = g_timeout_add (150, settle_cb, self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
scroll_cb (DramatisNetworkCanvas    *self,
           double                    dx,
           double                    dy,
           GtkEventControllerScroll *controller)
{
  GdkModifierType state;
  double step = 40;

  if (get_network (self) == NULL)
    return GDK_EVENT_PROPAGATE;

  state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  if (gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_SURFACE)
    step = 1;

  if (state & GDK_CONTROL_MASK)
    {
      zoom_around (self, pow (ZOOM_STEP, -dy * (step == 1 ? 0.05 : 1)), self->pointer_x, self->pointer_y);
      return GDK_EVENT_STOP;
    }

  if (state & GDK_SHIFT_MASK)
    {
      dx = dy;
      dy = 0;
    }

  update_view_size (self);
  self->view.center_x += dx * step / self->view.zoom;
  self->view.center_y += dy * step / self->view.zoom;
  gtk_widget_queue_draw (GTK_WIDGET (self));

  return GDK_EVENT_STOP;
}

static void
pinch_begin_cb (DramatisNetworkCanvas *self,
                GdkEventSequence      *sequence,
                GtkGestureZoom        *gesture)
{
  self->zoom_start = self->view.zoom;
}

static void
pinch_scale_changed_cb (DramatisNetworkCanvas *self,
                        double                 scale,
                        GtkGestureZoom        *gesture)
{
  double x, y;

  if (!gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y) || scale <= 0)
    return;

  zoom_around (self, self->zoom_start * scale / self->view.zoom, x, y);
}

static void
motion_cb (DramatisNetworkCanvas    *self,
           double                    x,
           double                    y,
           GtkEventControllerMotion *controller)
{
  DramatisNetwork *network = get_network (self);
  DramatisItem hit;

  self->pointer_x = x;
  self->pointer_y = y;
  if (network == NULL)
    return;

  update_view_size (self);
  hit = dramatis_network_hit (network, &self->view, x, y);
  if (!dramatis_item_equal (&hit, &self->selection.hovered))
    {
      self->selection.hovered = hit;
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), hit.kind != DRAMATIS_ITEM_NONE ? "pointer" : NULL);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
leave_cb (DramatisNetworkCanvas    *self,
          GtkEventControllerMotion *controller)
{
  if (self->selection.hovered.kind != DRAMATIS_ITEM_NONE)
    {
      self->selection.hovered = DRAMATIS_ITEM_INIT_NONE;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static const char *
actor_name (DramatisStory *story,
            guint          actor,
            const char    *id)
{
  const char *name = actor != DRAMATIS_NO_INDEX ? dramatis_story_get_actor (story, actor)->name : NULL;

  return name ? name : (id ? id : "");
}

static gboolean
query_tooltip_cb (DramatisNetworkCanvas *self,
                  int                    x,
                  int                    y,
                  gboolean               keyboard,
                  GtkTooltip            *tooltip)
{
  DramatisNetwork *network = get_network (self);
  DramatisStory *story;
  DramatisItem hit;
  g_autofree char *markup = NULL;

  if (network == NULL || keyboard)
    return FALSE;

  update_view_size (self);
  hit = dramatis_network_hit (network, &self->view, x, y);
  story = dramatis_scene_get_story (self->scene);

  if (hit.kind == DRAMATIS_ITEM_ACTOR)
    {
      const DramatisActor *actor = dramatis_story_get_actor (story, hit.index);
      g_autofree char *said = NULL;
      guint n_said;

      dramatis_story_get_actor_statements (story, hit.index, &n_said);
      if (n_said == 0)
        said = g_strdup (_("No statements"));
      else
        said = g_strdup_printf (ngettext ("%u statement", "%u statements", n_said), n_said);
      markup = g_markup_printf_escaped ("<b>%s</b>%s%s\n%s", actor->name ? actor->name : actor->id,
                                        actor->role ? "\n" : "", actor->role ? actor->role : "", said);
    }
  else if (hit.kind == DRAMATIS_ITEM_RELATION)
    {
      const DramatisRelation *relation = dramatis_story_get_relation (story, hit.index);

      markup = g_markup_printf_escaped ("%s <b>%s</b> %s%s%s",
                                        actor_name (story, relation->from, relation->from_id),
                                        relation->type ? relation->type : "",
                                        actor_name (story, relation->to, relation->to_id),
                                        relation->label ? "\n" : "", relation->label ? relation->label : "");
    }

  if (markup == NULL)
    return FALSE;

  gtk_tooltip_set_markup (tooltip, markup);
  return TRUE;
}

/* Arrow keys move the selection to the nearest actor in their direction. */
static gboolean
key_pressed_cb (DramatisNetworkCanvas *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  DramatisNetwork *network = get_network (self);
  const double *positions;
  guint n_actors, from, best = DRAMATIS_NO_INDEX;
  double dir_x = 0, dir_y = 0, best_score = G_MAXDOUBLE;

  if (network == NULL)
    return GDK_EVENT_PROPAGATE;

  switch (keyval)
    {
    case GDK_KEY_Left:
      dir_x = -1;
      break;
    case GDK_KEY_Right:
      dir_x = 1;
      break;
    case GDK_KEY_Up:
      dir_y = -1;
      break;
    case GDK_KEY_Down:
      dir_y = 1;
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

  positions = dramatis_network_get_positions (network, &n_actors);
  if (n_actors == 0)
    return GDK_EVENT_STOP;

  if (self->selection.selected.kind != DRAMATIS_ITEM_ACTOR)
    {
      /* Start from the most connected actor. */
      DramatisStory *story = dramatis_scene_get_story (self->scene);
      guint most = 0, n;

      for (guint i = 0; i < n_actors; i++)
        {
          dramatis_story_get_actor_relations (story, i, &n);
          if (best == DRAMATIS_NO_INDEX || n > most)
            {
              best = i;
              most = n;
            }
        }
      select_item (self, (DramatisItem) { DRAMATIS_ITEM_ACTOR, best }, FALSE);
      return GDK_EVENT_STOP;
    }

  from = self->selection.selected.index;
  for (guint i = 0; i < n_actors; i++)
    {
      double dx = positions[2 * i] - positions[2 * from];
      double dy = positions[2 * i + 1] - positions[2 * from + 1];
      double along = dx * dir_x + dy * dir_y;
      double across = fabs (dx * dir_y - dy * dir_x);

      /* Ahead of the selection, within 45 degrees of the arrow, near first. */
      if (i == from || along <= 0 || across > along)
        continue;
      if (along + 2 * across < best_score)
        {
          best_score = along + 2 * across;
          best = i;
        }
    }

  if (best != DRAMATIS_NO_INDEX)
    select_item (self, (DramatisItem) { DRAMATIS_ITEM_ACTOR, best }, FALSE);

  return GDK_EVENT_STOP;
}

static void
zoom_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  dramatis_network_canvas_zoom (DRAMATIS_NETWORK_CANVAS (widget), ZOOM_STEP);
}

static void
zoom_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  dramatis_network_canvas_zoom (DRAMATIS_NETWORK_CANVAS (widget), 1 / ZOOM_STEP);
}

static void
zoom_fit_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  dramatis_network_canvas_zoom_to_fit (DRAMATIS_NETWORK_CANVAS (widget));
}

static void
dramatis_network_canvas_snapshot (GtkWidget   *widget,
                                  GtkSnapshot *snapshot)
{
  DramatisNetworkCanvas *self = DRAMATIS_NETWORK_CANVAS (widget);
  DramatisNetwork *network = get_network (self);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (network == NULL || self->theme == NULL || width <= 0 || height <= 0)
    return;

  update_view_size (self);

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  dramatis_network_draw (network, cr, &self->view, self->theme, &self->selection);
  cairo_destroy (cr);
}

static void
dramatis_network_canvas_size_allocate (GtkWidget *widget,
                                       int        width,
                                       int        height,
                                       int        baseline)
{
  update_view_size (DRAMATIS_NETWORK_CANVAS (widget));
}

static void
dramatis_network_canvas_dispose (GObject *object)
{
  DramatisNetworkCanvas *self = DRAMATIS_NETWORK_CANVAS (object);

  stop_layout (self);
  g_clear_handle_id (&self->settle_id, g_source_remove);

  G_OBJECT_CLASS (dramatis_network_canvas_parent_class)->dispose (object);
}

static void
dramatis_network_canvas_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  DramatisNetworkCanvas *self = DRAMATIS_NETWORK_CANVAS (object);

  switch (prop_id)
    {
    case PROP_LAYING_OUT:
      g_value_set_boolean (value, dramatis_network_canvas_is_laying_out (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dramatis_network_canvas_class_init (DramatisNetworkCanvasClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dramatis_network_canvas_dispose;
  object_class->get_property = dramatis_network_canvas_get_property;
  widget_class->snapshot = dramatis_network_canvas_snapshot;
  widget_class->size_allocate = dramatis_network_canvas_size_allocate;

  /**
   * DramatisNetworkCanvas:laying-out:
   *
   * Whether a layout is running.
   */
  properties[PROP_LAYING_OUT] = g_param_spec_boolean ("laying-out", NULL, NULL, FALSE,
                                                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                                                      G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[ITEM_SELECTED] = g_signal_new ("item-selected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);
  signals[ITEM_ACTIVATED] = g_signal_new ("item-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);
  /**
   * DramatisNetworkCanvas::positions-changed:
   *
   * The user moved actors by hand (they are pinned in the story), or
   * unpinned them all: the story changed.
   */
  signals[POSITIONS_CHANGED] = g_signal_new ("positions-changed", G_TYPE_FROM_CLASS (klass),
                                             G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "view.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "view.zoom-out", NULL, zoom_out_action);
  gtk_widget_class_install_action (widget_class, "view.zoom-fit", NULL, zoom_fit_action);

  gtk_widget_class_set_css_name (widget_class, "network");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
dramatis_network_canvas_init (DramatisNetworkCanvas *self)
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
  self->dragged_actor = DRAMATIS_NO_INDEX;

  dramatis_canvas_setup (widget, &handlers, _("Actor network"),
                         _("The story’s actors and their relations. Use the arrow keys to "
                         "move between actors and Enter to show one."));
}

GtkWidget *
dramatis_network_canvas_new (void)
{
  return g_object_new (DRAMATIS_TYPE_NETWORK_CANVAS, NULL);
}

/**
 * dramatis_network_canvas_set_scene:
 * @self: a network canvas
 * @scene: (nullable): the scene to show, owned by the caller, who must
 *   unset it before freeing it
 */
void
dramatis_network_canvas_set_scene (DramatisNetworkCanvas *self,
                                   DramatisScene         *scene)
{
  g_return_if_fail (DRAMATIS_IS_NETWORK_CANVAS (self));

  stop_layout (self);
  self->scene = scene;
  self->fitted = FALSE;
  self->selection.selected = DRAMATIS_ITEM_INIT_NONE;
  self->selection.hovered = DRAMATIS_ITEM_INIT_NONE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
dramatis_network_canvas_set_theme (DramatisNetworkCanvas *self,
                                   const DramatisTheme   *theme)
{
  g_return_if_fail (DRAMATIS_IS_NETWORK_CANVAS (self));

  self->theme = theme;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
dramatis_network_canvas_set_selection (DramatisNetworkCanvas   *self,
                                       const DramatisSelection *selection)
{
  const char *description = NULL;

  g_return_if_fail (DRAMATIS_IS_NETWORK_CANVAS (self));
  g_return_if_fail (selection != NULL);

  self->selection.selected = selection->selected;

  if (self->scene != NULL && selection->selected.kind == DRAMATIS_ITEM_ACTOR)
    description = dramatis_story_get_actor (dramatis_scene_get_story (self->scene),
                                            selection->selected.index)->name;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description ? description : _("The story’s actors and their relations."),
                                  -1);

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
dramatis_network_canvas_get_view (DramatisNetworkCanvas *self,
                                  DramatisNetworkView   *view)
{
  g_return_if_fail (DRAMATIS_IS_NETWORK_CANVAS (self));
  g_return_if_fail (view != NULL);

  update_view_size (self);
  *view = self->view;
  view->interactive = FALSE;
}

void
dramatis_network_canvas_zoom (DramatisNetworkCanvas *self,
                              double                 factor)
{
  g_return_if_fail (DRAMATIS_IS_NETWORK_CANVAS (self));

  zoom_around (self, factor, gtk_widget_get_width (GTK_WIDGET (self)) / 2.0,
               gtk_widget_get_height (GTK_WIDGET (self)) / 2.0);
}

void
dramatis_network_canvas_zoom_to_fit (DramatisNetworkCanvas *self)
{
  g_return_if_fail (DRAMATIS_IS_NETWORK_CANVAS (self));

  self->fitted = FALSE;
  update_view_size (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * dramatis_network_canvas_run_layout:
 * @self: a network canvas
 * @animate: whether to show the layout step by step
 *
 * Lays out the actors again, keeping pinned ones where they are.
 */
void
dramatis_network_canvas_run_layout (DramatisNetworkCanvas *self,
                                    gboolean               animate)
{
  g_return_if_fail (DRAMATIS_IS_NETWORK_CANVAS (self));

  stop_layout (self);
  if (self->scene == NULL)
    return;

  self->layout = dramatis_scene_create_layout (self->scene);

  if (!animate)
    {
      dramatis_graph_layout_run (self->layout);
      apply_layout_positions (self);
      g_clear_pointer (&self->layout, dramatis_graph_layout_free);
      self->fitted = FALSE;
      gtk_widget_queue_draw (GTK_WIDGET (self));
      return;
    }

  dramatis_graph_layout_start (self->layout);
  apply_layout_positions (self);
  self->n_steps = 0;
  self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), layout_tick_cb, NULL, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAYING_OUT]);
}

/**
 * dramatis_network_canvas_unpin_all:
 * @self: a network canvas
 *
 * Forgets every position set by hand and lays the network out afresh.
 */
void
dramatis_network_canvas_unpin_all (DramatisNetworkCanvas *self)
{
  g_return_if_fail (DRAMATIS_IS_NETWORK_CANVAS (self));

  if (self->scene == NULL)
    return;

  dramatis_story_clear_actor_positions (dramatis_scene_get_story (self->scene));
  dramatis_network_canvas_run_layout (self, TRUE);
  g_signal_emit (self, signals[POSITIONS_CHANGED], 0);
}

gboolean
dramatis_network_canvas_is_laying_out (DramatisNetworkCanvas *self)
{
  g_return_val_if_fail (DRAMATIS_IS_NETWORK_CANVAS (self), FALSE);

  return self->tick_id != 0;
}

/**
 * dramatis_network_canvas_get_actor_point:
 * @self: a network canvas
 * @actor: an actor
 * @x: (out): where its glyph is, in widget coordinates
 * @y: (out): the same, vertically
 *
 * Returns: %TRUE if the actor is inside the widget
 */
gboolean
dramatis_network_canvas_get_actor_point (DramatisNetworkCanvas *self,
                                         guint                  actor,
                                         double                *x,
                                         double                *y)
{
  DramatisNetwork *network;
  const double *positions;
  guint n_actors;

  g_return_val_if_fail (DRAMATIS_IS_NETWORK_CANVAS (self), FALSE);

  network = get_network (self);
  if (network == NULL)
    return FALSE;

  update_view_size (self);
  positions = dramatis_network_get_positions (network, &n_actors);
  if (actor >= n_actors)
    return FALSE;

  dramatis_network_view_to_screen (&self->view, positions[2 * actor], positions[2 * actor + 1], x, y);
  return *x >= 0 && *y >= 0 && *x < self->view.width && *y < self->view.height;
}
