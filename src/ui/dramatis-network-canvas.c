/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "dramatis-network-canvas"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "dramatis-network-canvas.h"
#include "dramatis-story-edit.h"

/* The actor network on screen.  It draws with the renderer of src/render,
 * lets the user pan, zoom, select and drag actors (a dragged actor is
 * pinned, and its place saved with the story), and animates the layout one
 * step per frame so the window stays responsive while it runs.
 *
 * A drag from an actor with Shift and Ctrl held, GTK's keys for a drag
 * that links rather than moves, draws a relation instead: a line follows
 * the pointer, the actor under it is ringed, and letting go over another
 * actor emits DramatisNetworkCanvas::relation-drawn.  Letting go
 * elsewhere, or Escape, draws nothing.  With :drawing-relations set, a
 * drag from an actor draws a relation without the keys, for touch screens
 * and pens.
 */

/* How far inside the view's edges a selected actor must be to count as in
 * view, in pixels.
 */
#define REVEAL_MARGIN 24

typedef enum
{
  LINK_NONE,
  LINK_PRESSED,    /* pressed on an actor: a drag from it draws a relation */
  LINK_DRAWING,    /* the line follows the pointer */
  LINK_CANCELLED,  /* Escape: the rest of the drag draws nothing */
} LinkState;

/* The keys that make a drag draw a relation. */
#define LINK_MODIFIERS (GDK_SHIFT_MASK | GDK_CONTROL_MASK)

struct _DramatisNetworkCanvas
{
  DramatisCanvas        parent_instance;

  DramatisNetworkView   view;

  DramatisGraphLayout  *layout;
  guint                 tick_id;
  guint                 n_steps;

  /* A drag moves an actor when it starts on one and the story may be
   * changed, else pans.
   */
  gboolean              read_only;
  guint                 dragged_actor;
  double                drag_world_x;
  double                drag_world_y;
  DramatisNetworkView   drag_view;
  guint                 settle_id;

  /* Drawing a relation by hand. */
  gboolean              drawing_relations;
  GdkModifierType       press_state;  /* the keys held when the button went down */
  LinkState             link;
  guint                 link_from;
  guint                 link_to;
  double                link_start_x;
  double                link_start_y;
  double                link_x;
  double                link_y;
};

G_DEFINE_FINAL_TYPE (DramatisNetworkCanvas, dramatis_network_canvas, DRAMATIS_TYPE_CANVAS)

enum {
  POSITIONS_CHANGED,
  RELATION_DRAWN,
  N_SIGNALS
};

enum {
  PROP_0,
  PROP_LAYING_OUT,
  PROP_DRAWING_RELATIONS,
  N_PROPS
};

static guint signals[N_SIGNALS];
static GParamSpec *properties[N_PROPS];

/* Steps after which an animated layout stops, settled or not. */
#define MAX_ANIMATION_STEPS 600

static DramatisNetwork *
get_network (DramatisNetworkCanvas *self)
{
  DramatisScene *scene = dramatis_canvas_get_scene (DRAMATIS_CANVAS (self));

  return scene ? dramatis_scene_get_network (scene) : NULL;
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
  dramatis_scene_set_layout_positions (dramatis_canvas_get_scene (DRAMATIS_CANVAS (self)), positions, n_nodes);
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
  dramatis_canvas_queue_fit (DRAMATIS_CANVAS (self));

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

/* Drawing a relation */

/* Starts drawing a relation if the press, at @x, @y, is on an actor with
 * the keys held or while drawing relations.
 */
static gboolean
link_begin (DramatisNetworkCanvas *self,
            double                 x,
            double                 y)
{
  guint actor;

  self->link = LINK_NONE;
  if (get_network (self) == NULL || self->read_only)
    return FALSE;
  if (!self->drawing_relations && (self->press_state & LINK_MODIFIERS) != LINK_MODIFIERS)
    return FALSE;

  dramatis_canvas_update_view (DRAMATIS_CANVAS (self));
  if (!point_on_actor (self, x, y, &actor))
    return FALSE;

  self->link = LINK_PRESSED;
  self->link_from = actor;
  self->link_to = DRAMATIS_NO_INDEX;
  self->link_start_x = self->link_x = x;
  self->link_start_y = self->link_y = y;
  self->dragged_actor = DRAMATIS_NO_INDEX;

  return TRUE;
}

static gboolean
link_update (DramatisNetworkCanvas *self,
             double                 dx,
             double                 dy)
{
  guint actor;

  if (self->link == LINK_NONE)
    return FALSE;
  if (self->link == LINK_CANCELLED)
    return TRUE;

  if (self->link == LINK_PRESSED)
    {
      /* Escape must reach the canvas while the line is drawn. */
      gtk_widget_grab_focus (GTK_WIDGET (self));
      self->link = LINK_DRAWING;
    }

  self->link_x = self->link_start_x + dx;
  self->link_y = self->link_start_y + dy;
  self->link_to = DRAMATIS_NO_INDEX;
  if (point_on_actor (self, self->link_x, self->link_y, &actor) && actor != self->link_from)
    self->link_to = actor;

  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "crosshair");
  gtk_widget_queue_draw (GTK_WIDGET (self));

  return TRUE;
}

static gboolean
link_end (DramatisNetworkCanvas *self)
{
  LinkState state = self->link;
  guint from = self->link_from;
  guint to = self->link_to;

  if (state == LINK_NONE)
    return FALSE;

  self->link = LINK_NONE;
  gtk_widget_queue_draw (GTK_WIDGET (self));

  if (state == LINK_DRAWING && to != DRAMATIS_NO_INDEX)
    g_signal_emit (self, signals[RELATION_DRAWN], 0, from, to);

  return TRUE;
}

static gboolean
link_cancel_cb (DramatisNetworkCanvas *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  if (keyval != GDK_KEY_Escape || self->link != LINK_DRAWING)
    return GDK_EVENT_PROPAGATE;

  self->link = LINK_CANCELLED;
  gtk_widget_set_cursor (GTK_WIDGET (self), NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));

  return GDK_EVENT_STOP;
}

/* The drag gesture does not say which keys were held: the press does. */
static gboolean
press_event_cb (DramatisNetworkCanvas    *self,
                GdkEvent                 *event,
                GtkEventControllerLegacy *controller)
{
  GdkEventType type = gdk_event_get_event_type (event);

  if (type == GDK_BUTTON_PRESS || type == GDK_TOUCH_BEGIN)
    self->press_state = gdk_event_get_modifier_state (event);

  return GDK_EVENT_PROPAGATE;
}

static void
dramatis_network_canvas_set_view_size (DramatisCanvas *canvas,
                                       int             width,
                                       int             height,
                                       gboolean        fit)
{
  DramatisNetworkCanvas *self = DRAMATIS_NETWORK_CANVAS (canvas);

  /* The network fits above the legend, which would hide its bottom. */
  if (fit)
    {
      double legend = dramatis_canvas_get_legend_height (canvas, width, height);

      if (legend > 0 && height - legend >= height / 2.0)
        {
          dramatis_network_fit (get_network (self), width, height - legend, &self->view);
          self->view.center_y += legend / 2 / self->view.zoom;
        }
      else
        dramatis_network_fit (get_network (self), width, height, &self->view);
    }

  self->view.width = width;
  self->view.height = height;
}

static double
dramatis_network_canvas_draw_legend (DramatisCanvas      *canvas,
                                     cairo_t             *cr,
                                     const DramatisTheme *theme,
                                     double               x,
                                     double               y,
                                     double               max_width)
{
  DramatisNetworkCanvas *self = DRAMATIS_NETWORK_CANVAS (canvas);

  return dramatis_network_draw_legend (get_network (self), cr, theme, x, y, max_width);
}

static void
dramatis_network_canvas_draw (DramatisCanvas          *canvas,
                              cairo_t                 *cr,
                              const DramatisTheme     *theme,
                              const DramatisSelection *selection)
{
  DramatisNetworkCanvas *self = DRAMATIS_NETWORK_CANVAS (canvas);

  /* Actors added with no placed neighbours come where the user looks. */
  dramatis_scene_set_focus (dramatis_canvas_get_scene (canvas), self->view.center_x, self->view.center_y);
  dramatis_network_draw (get_network (self), cr, &self->view, theme, selection);

  if (self->link == LINK_DRAWING)
    dramatis_network_draw_link (get_network (self), cr, &self->view, theme,
                                self->link_from, self->link_to, self->link_x, self->link_y);
}

static DramatisItem
dramatis_network_canvas_hit (DramatisCanvas *canvas,
                             double          x,
                             double          y)
{
  DramatisNetworkCanvas *self = DRAMATIS_NETWORK_CANVAS (canvas);

  return dramatis_network_hit (get_network (self), &self->view, x, y);
}

static void
dramatis_network_canvas_drag_begin (DramatisCanvas *canvas,
                                    double          x,
                                    double          y)
{
  DramatisNetworkCanvas *self = DRAMATIS_NETWORK_CANVAS (canvas);
  DramatisNetwork *network = get_network (self);
  const double *positions;
  guint actor, n_actors;

  if (link_begin (self, x, y))
    return;

  self->dragged_actor = DRAMATIS_NO_INDEX;
  self->drag_view = self->view;
  if (network == NULL)
    return;

  dramatis_canvas_update_view (canvas);
  if (!self->read_only && point_on_actor (self, x, y, &actor))
    {
      positions = dramatis_network_get_positions (network, &n_actors);
      self->dragged_actor = actor;
      self->drag_world_x = positions[2 * actor];
      self->drag_world_y = positions[2 * actor + 1];
    }
}

static void
dramatis_network_canvas_drag_update (DramatisCanvas *canvas,
                                     double          dx,
                                     double          dy)
{
  DramatisNetworkCanvas *self = DRAMATIS_NETWORK_CANVAS (canvas);
  DramatisNetwork *network = get_network (self);

  if (link_update (self, dx, dy))
    return;

  if (network == NULL)
    return;

  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");

  if (self->dragged_actor != DRAMATIS_NO_INDEX)
    {
      g_autofree double *positions = NULL;
      const double *current;
      guint n_actors;

      stop_layout (self);
      /* The count is read before it is used: in one call, C leaves open
       * which argument is evaluated first.
       */
      current = dramatis_network_get_positions (network, &n_actors);
      g_assert (self->dragged_actor < n_actors);
      positions = g_memdup2 (current, 2 * sizeof (double) * n_actors);
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
dramatis_network_canvas_drag_end (DramatisCanvas *canvas,
                                  double          dx,
                                  double          dy)
{
  DramatisNetworkCanvas *self = DRAMATIS_NETWORK_CANVAS (canvas);
  DramatisNetwork *network = get_network (self);

  if (link_end (self))
    return;

  /* An actor put down by hand stays there: it is pinned and saved, in
   * one step that undoing puts back where it showed.
   */
  if (network != NULL && !self->read_only && self->dragged_actor != DRAMATIS_NO_INDEX)
    {
      DramatisStory *story = dramatis_scene_get_story (dramatis_canvas_get_scene (canvas));
      const double *positions = dramatis_network_get_positions (network, NULL);

      dramatis_story_begin_edit (story, _("Move Actor"));
      dramatis_story_move_actor (story, self->dragged_actor, positions[2 * self->dragged_actor],
                                 positions[2 * self->dragged_actor + 1]);
      dramatis_story_pin_actor (story, self->dragged_actor, TRUE);
      dramatis_story_end_edit (story);
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

static double
dramatis_network_canvas_get_zoom (DramatisCanvas *canvas)
{
  return DRAMATIS_NETWORK_CANVAS (canvas)->view.zoom;
}

/* While zooming goes on, the renderer stretches its last full drawing; a
 * full drawing follows when the zooming has paused.
 */
static void
dramatis_network_canvas_zoom_view (DramatisCanvas *canvas,
                                   double          factor,
                                   double          x,
                                   double          y)
{
  DramatisNetworkCanvas *self = DRAMATIS_NETWORK_CANVAS (canvas);
  double world_x, world_y;

  dramatis_network_view_to_world (&self->view, x, y, &world_x, &world_y);
  self->view.zoom = CLAMP (self->view.zoom * factor, 1e-4, 64);
  /* Keep the point under the pointer where it is. */
  self->view.center_x = world_x - (x - self->view.width / 2) / self->view.zoom;
  self->view.center_y = world_y - (y - self->view.height / 2) / self->view.zoom;
  self->view.interactive = TRUE;

  g_clear_handle_id (&self->settle_id, g_source_remove);
  self->settle_id = g_timeout_add (150, settle_cb, self);
}

static void
dramatis_network_canvas_pan (DramatisCanvas *canvas,
                             double          dx,
                             double          dy)
{
  DramatisNetworkCanvas *self = DRAMATIS_NETWORK_CANVAS (canvas);

  self->view.center_x += dx / self->view.zoom;
  self->view.center_y += dy / self->view.zoom;
}

static const char *
actor_name (DramatisStory *story,
            guint          actor,
            const char    *id)
{
  if (actor != DRAMATIS_NO_INDEX)
    return dramatis_actor_get_label (dramatis_story_get_actor (story, actor));

  return id ? id : "";
}

static char *
dramatis_network_canvas_dup_item_markup (DramatisCanvas *canvas,
                                         DramatisItem    item)
{
  DramatisStory *story = dramatis_scene_get_story (dramatis_canvas_get_scene (canvas));

  if (item.kind == DRAMATIS_ITEM_ACTOR)
    {
      const DramatisActor *actor = dramatis_story_get_actor (story, item.index);
      g_autofree char *said = NULL;
      guint n_said;

      dramatis_story_get_actor_statements (story, item.index, &n_said);
      if (n_said == 0)
        said = g_strdup (_("No statements"));
      else
        said = g_strdup_printf (ngettext ("%'u statement", "%'u statements", n_said), n_said);
      return g_markup_printf_escaped ("<b>%s</b>%s%s\n%s", dramatis_actor_get_label (actor),
                                      actor->role ? "\n" : "", actor->role ? actor->role : "", said);
    }
  else if (item.kind == DRAMATIS_ITEM_RELATION)
    {
      const DramatisRelation *relation = dramatis_story_get_relation (story, item.index);

      return g_markup_printf_escaped ("%s <b>%s</b> %s%s%s",
                                      actor_name (story, relation->from, relation->from_id),
                                      relation->type ? relation->type : "",
                                      actor_name (story, relation->to, relation->to_id),
                                      relation->label ? "\n" : "", relation->label ? relation->label : "");
    }

  return NULL;
}

/* Arrow keys move the selection to the nearest actor in their direction. */
static void
dramatis_network_canvas_move_selection (DramatisCanvas *canvas,
                                        DramatisItem    selected,
                                        int             dir_x,
                                        int             dir_y)
{
  DramatisNetworkCanvas *self = DRAMATIS_NETWORK_CANVAS (canvas);
  const double *positions;
  guint n_actors, from, best = DRAMATIS_NO_INDEX;
  double best_score = G_MAXDOUBLE;

  positions = dramatis_network_get_positions (get_network (self), &n_actors);
  if (n_actors == 0)
    return;

  if (selected.kind != DRAMATIS_ITEM_ACTOR)
    {
      /* Start from the most connected actor. */
      DramatisStory *story = dramatis_scene_get_story (dramatis_canvas_get_scene (canvas));
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
      dramatis_canvas_select_item (canvas, (DramatisItem) { DRAMATIS_ITEM_ACTOR, best }, FALSE);
      return;
    }

  from = selected.index;
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
    dramatis_canvas_select_item (canvas, (DramatisItem) { DRAMATIS_ITEM_ACTOR, best }, FALSE);
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

    case PROP_DRAWING_RELATIONS:
      g_value_set_boolean (value, self->drawing_relations);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dramatis_network_canvas_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  DramatisNetworkCanvas *self = DRAMATIS_NETWORK_CANVAS (object);

  switch (prop_id)
    {
    case PROP_DRAWING_RELATIONS:
      dramatis_network_canvas_set_drawing_relations (self, g_value_get_boolean (value));
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
  DramatisCanvasClass *canvas_class = DRAMATIS_CANVAS_CLASS (klass);

  object_class->dispose = dramatis_network_canvas_dispose;
  object_class->get_property = dramatis_network_canvas_get_property;
  object_class->set_property = dramatis_network_canvas_set_property;

  canvas_class->set_view_size = dramatis_network_canvas_set_view_size;
  canvas_class->draw = dramatis_network_canvas_draw;
  canvas_class->draw_legend = dramatis_network_canvas_draw_legend;
  canvas_class->hit = dramatis_network_canvas_hit;
  canvas_class->dup_item_markup = dramatis_network_canvas_dup_item_markup;
  canvas_class->get_zoom = dramatis_network_canvas_get_zoom;
  canvas_class->zoom = dramatis_network_canvas_zoom_view;
  canvas_class->pan = dramatis_network_canvas_pan;
  canvas_class->move_selection = dramatis_network_canvas_move_selection;
  canvas_class->drag_begin = dramatis_network_canvas_drag_begin;
  canvas_class->drag_update = dramatis_network_canvas_drag_update;
  canvas_class->drag_end = dramatis_network_canvas_drag_end;

  /**
   * DramatisNetworkCanvas:laying-out:
   *
   * Whether a layout is running.
   */
  properties[PROP_LAYING_OUT] = g_param_spec_boolean ("laying-out", NULL, NULL, FALSE,
                                                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                                                      G_PARAM_STATIC_STRINGS);

  /**
   * DramatisNetworkCanvas:drawing-relations:
   *
   * Whether a drag from an actor draws a relation, as it does with Shift
   * and Ctrl held, rather than moving the actor.
   */
  properties[PROP_DRAWING_RELATIONS] = g_param_spec_boolean ("drawing-relations", NULL, NULL, FALSE,
                                                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                                             G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * DramatisNetworkCanvas::positions-changed:
   *
   * The user moved actors by hand (they are pinned in the story), or
   * unpinned them all: the story changed.
   */
  signals[POSITIONS_CHANGED] = g_signal_new ("positions-changed", G_TYPE_FROM_CLASS (klass),
                                             G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * DramatisNetworkCanvas::relation-drawn:
   * @self: the canvas
   * @from: the actor the line was drawn from
   * @to: the actor it was let go over, never @from
   *
   * The user drew a line from one actor to another to make a relation
   * between them.  Nothing is added to the story: the handler asks what
   * the relation is.
   */
  signals[RELATION_DRAWN] = g_signal_new ("relation-drawn", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 2,
                                          G_TYPE_UINT, G_TYPE_UINT);

  gtk_widget_class_set_css_name (widget_class, "network");
}

static void
dramatis_network_canvas_init (DramatisNetworkCanvas *self)
{
  GtkEventController *controller;

  self->dragged_actor = DRAMATIS_NO_INDEX;
  self->link_from = self->link_to = DRAMATIS_NO_INDEX;

  /* Before the drag gesture, to know the keys when it begins. */
  controller = gtk_event_controller_legacy_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "event", G_CALLBACK (press_event_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "key-pressed", G_CALLBACK (link_cancel_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Actor network"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("The story’s actors and their relations. Use the arrow keys to "
                                    "move between actors and Enter to show one."),
                                  -1);
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
  self->dragged_actor = DRAMATIS_NO_INDEX;
  self->link = LINK_NONE;
  dramatis_canvas_set_scene (DRAMATIS_CANVAS (self), scene);
}

void
dramatis_network_canvas_set_theme (DramatisNetworkCanvas *self,
                                   const DramatisTheme   *theme)
{
  g_return_if_fail (DRAMATIS_IS_NETWORK_CANVAS (self));

  dramatis_canvas_set_theme (DRAMATIS_CANVAS (self), theme);
}

void
dramatis_network_canvas_set_selection (DramatisNetworkCanvas   *self,
                                       const DramatisSelection *selection)
{
  DramatisScene *scene;
  const char *description = NULL;

  g_return_if_fail (DRAMATIS_IS_NETWORK_CANVAS (self));
  g_return_if_fail (selection != NULL);

  dramatis_canvas_set_selected (DRAMATIS_CANVAS (self), selection->selected);

  scene = dramatis_canvas_get_scene (DRAMATIS_CANVAS (self));
  if (scene != NULL && selection->selected.kind == DRAMATIS_ITEM_ACTOR)
    {
      DramatisNetwork *network = get_network (self);
      guint actor = selection->selected.index;
      guint n_actors;
      const double *positions = dramatis_network_get_positions (network, &n_actors);
      double x, y;

      description = dramatis_actor_get_label (dramatis_story_get_actor (dramatis_scene_get_story (scene), actor));

      /* An actor selected elsewhere (the sidebar, a search, the timeline)
       * out of view comes to the middle of the view, at the same zoom.
       */
      dramatis_canvas_update_view (DRAMATIS_CANVAS (self));
      if (actor < n_actors && self->view.width > 0 && self->view.height > 0)
        {
          dramatis_network_view_to_screen (&self->view, positions[2 * actor], positions[2 * actor + 1], &x, &y);
          if (x < REVEAL_MARGIN || y < REVEAL_MARGIN ||
              x > self->view.width - REVEAL_MARGIN || y > self->view.height - REVEAL_MARGIN)
            {
              self->view.center_x = positions[2 * actor];
              self->view.center_y = positions[2 * actor + 1];
              gtk_widget_queue_draw (GTK_WIDGET (self));
            }
        }
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description ? description : _("The story’s actors and their relations."),
                                  -1);
}

void
dramatis_network_canvas_get_view (DramatisNetworkCanvas *self,
                                  DramatisNetworkView   *view)
{
  g_return_if_fail (DRAMATIS_IS_NETWORK_CANVAS (self));
  g_return_if_fail (view != NULL);

  dramatis_canvas_update_view (DRAMATIS_CANVAS (self));
  *view = self->view;
  view->interactive = FALSE;
}

void
dramatis_network_canvas_zoom (DramatisNetworkCanvas *self,
                              double                 factor)
{
  g_return_if_fail (DRAMATIS_IS_NETWORK_CANVAS (self));

  dramatis_canvas_zoom (DRAMATIS_CANVAS (self), factor);
}

void
dramatis_network_canvas_zoom_to_fit (DramatisNetworkCanvas *self)
{
  g_return_if_fail (DRAMATIS_IS_NETWORK_CANVAS (self));

  dramatis_canvas_zoom_to_fit (DRAMATIS_CANVAS (self));
}

/**
 * dramatis_network_canvas_run_layout:
 * @self: a network canvas
 * @animate: whether to show the layout step by step
 *
 * Lays out the actors again, keeping pinned ones where they are.  The
 * layout gives the scene places for the actors that are not pinned, and
 * changes nothing of the story: it is no edit, and undoing leaves it.
 */
void
dramatis_network_canvas_run_layout (DramatisNetworkCanvas *self,
                                    gboolean               animate)
{
  DramatisScene *scene;

  g_return_if_fail (DRAMATIS_IS_NETWORK_CANVAS (self));

  stop_layout (self);
  scene = dramatis_canvas_get_scene (DRAMATIS_CANVAS (self));
  if (scene == NULL)
    return;

  self->layout = dramatis_scene_create_layout (scene);

  if (!animate)
    {
      dramatis_graph_layout_run (self->layout);
      apply_layout_positions (self);
      g_clear_pointer (&self->layout, dramatis_graph_layout_free);
      dramatis_canvas_queue_fit (DRAMATIS_CANVAS (self));
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
 * Forgets every position set by hand, one step that can be undone, and
 * lays the network out afresh.
 */
void
dramatis_network_canvas_unpin_all (DramatisNetworkCanvas *self)
{
  DramatisScene *scene;
  DramatisStory *story;

  g_return_if_fail (DRAMATIS_IS_NETWORK_CANVAS (self));

  scene = dramatis_canvas_get_scene (DRAMATIS_CANVAS (self));
  if (scene == NULL)
    return;

  story = dramatis_scene_get_story (scene);
  dramatis_story_begin_edit (story, _("Unpin All"));
  for (guint a = 0; a < dramatis_story_get_n_actors (story); a++)
    dramatis_story_unplace_actor (story, a);
  dramatis_story_end_edit (story);

  dramatis_network_canvas_run_layout (self, TRUE);
  g_signal_emit (self, signals[POSITIONS_CHANGED], 0);
}

/**
 * dramatis_network_canvas_scene_changed:
 * @self: a network canvas
 *
 * Call after dramatis_scene_update() said the network changed: the
 * canvas draws it again at the same zoom and pan.  A layout still
 * running for actors that came or went since it started stops.
 */
void
dramatis_network_canvas_scene_changed (DramatisNetworkCanvas *self)
{
  DramatisScene *scene;

  g_return_if_fail (DRAMATIS_IS_NETWORK_CANVAS (self));

  scene = dramatis_canvas_get_scene (DRAMATIS_CANVAS (self));
  if (scene == NULL)
    return;

  if (self->layout != NULL)
    {
      guint n_nodes;

      dramatis_graph_layout_get_positions (self->layout, &n_nodes);
      if (n_nodes != dramatis_story_get_n_actors (dramatis_scene_get_story (scene)))
        stop_layout (self);
    }

  /* A drag of an actor that another edit removed or moved down ends. */
  self->dragged_actor = DRAMATIS_NO_INDEX;
  dramatis_canvas_scene_changed (DRAMATIS_CANVAS (self));
}

/**
 * dramatis_network_canvas_set_editable:
 * @self: a network canvas
 * @editable: whether dragging an actor moves it
 *
 * While the story is being saved in a worker thread it must not change: a
 * drag then pans the view, even when it starts on an actor.  A drag
 * already moving an actor goes on, but its end is not written to the
 * story.
 */
void
dramatis_network_canvas_set_editable (DramatisNetworkCanvas *self,
                                      gboolean               editable)
{
  g_return_if_fail (DRAMATIS_IS_NETWORK_CANVAS (self));

  self->read_only = !editable;
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

  dramatis_canvas_update_view (DRAMATIS_CANVAS (self));
  positions = dramatis_network_get_positions (network, &n_actors);
  if (actor >= n_actors)
    return FALSE;

  dramatis_network_view_to_screen (&self->view, positions[2 * actor], positions[2 * actor + 1], x, y);
  return *x >= 0 && *y >= 0 && *x < self->view.width && *y < self->view.height;
}

/**
 * dramatis_network_canvas_set_drawing_relations:
 * @self: a network canvas
 * @drawing_relations: whether a drag from an actor draws a relation
 *
 * Sets #DramatisNetworkCanvas:drawing-relations.
 */
void
dramatis_network_canvas_set_drawing_relations (DramatisNetworkCanvas *self,
                                               gboolean               drawing_relations)
{
  g_return_if_fail (DRAMATIS_IS_NETWORK_CANVAS (self));

  drawing_relations = !!drawing_relations;
  if (self->drawing_relations == drawing_relations)
    return;

  self->drawing_relations = drawing_relations;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DRAWING_RELATIONS]);
}

/**
 * dramatis_network_canvas_get_drawing_relations:
 * @self: a network canvas
 *
 * Returns: whether a drag from an actor draws a relation
 */
gboolean
dramatis_network_canvas_get_drawing_relations (DramatisNetworkCanvas *self)
{
  g_return_val_if_fail (DRAMATIS_IS_NETWORK_CANVAS (self), FALSE);

  return self->drawing_relations;
}
