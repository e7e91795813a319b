/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "dramatis-pane"

#include "config.h"


#include "dramatis-pane.h"

#include <adwaita.h>

/* A pane of the window's adaptive layout: one child, and the width the
 * pane asks for.
 *
 * The window folds its sidebar and its details pane into overlays when it
 * gets too narrow to show them beside the diagrams.  AdwFlap decides that
 * from the natural widths of what it holds, and the natural width of a
 * list or of wrapping text says little about the room it needs.  A pane
 * states it instead: a fixed pane (the sidebar, the details) is as wide as
 * its width, which the user sets by dragging its handle; a pane that is not
 * fixed (the diagrams) can shrink to its child's minimum, and asks for its
 * width when there is room.
 *
 * The handle is the line between a pane and its neighbour, with a few
 * pixels either side to grab it by, and the arrow keys move it when it
 * has the focus, as GtkPaned's.
 */

#define MIN_WIDTH 200
#define MAX_WIDTH 800

/* How far an arrow key moves a handle; with Ctrl, a pixel. */
#define KEY_STEP 16

/* The handle is drawn as a separator, which reaches 6 pixels into the
 * content to show the pointer it can be dragged: GtkPaned's way.
 */
static const char handle_css[] =
  "separator.pane-handle {"
  "  margin: 0 -6px;"
  "  border: solid transparent;"
  "  border-width: 0 6px;"
  "  background-clip: content-box;"
  "}";

struct _DramatisPane
{
  GtkWidget  parent_instance;

  GtkWidget *child;
  int        width;
  gboolean   fixed;
};

G_DEFINE_FINAL_TYPE (DramatisPane, dramatis_pane, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CHILD,
  PROP_WIDTH,
  PROP_FIXED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
dramatis_pane_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  DramatisPane *self = DRAMATIS_PANE (widget);
  int child_minimum = 0, child_natural = 0;

  /* A fixed pane is as wide as it says, whatever its child would like:
   * the natural width of a page of wrapping text is that of its longest
   * paragraph on one line, which takes a layout of all of it to find, and
   * AdwFlap asks for it at every allocation.  Its height is the child's at
   * that width, the one it gets, so the child lays its text out once.
   */
  if (self->fixed && orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = *natural = self->width;
      return;
    }
  if (self->fixed && for_size < 0)
    for_size = self->width;

  if (self->child != NULL && gtk_widget_should_layout (self->child))
    gtk_widget_measure (self->child, orientation, for_size, &child_minimum, &child_natural, NULL, NULL);

  if (orientation == GTK_ORIENTATION_VERTICAL)
    {
      *minimum = child_minimum;
      *natural = child_natural;
      return;
    }

  *minimum = child_minimum;
  *natural = MAX (*minimum, self->width);
}

static void
dramatis_pane_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  DramatisPane *self = DRAMATIS_PANE (widget);

  if (self->child != NULL && gtk_widget_should_layout (self->child))
    gtk_widget_allocate (self->child, width, height, baseline, NULL);
}

static void
dramatis_pane_dispose (GObject *object)
{
  DramatisPane *self = DRAMATIS_PANE (object);

  g_clear_pointer (&self->child, gtk_widget_unparent);

  G_OBJECT_CLASS (dramatis_pane_parent_class)->dispose (object);
}

static void
dramatis_pane_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  DramatisPane *self = DRAMATIS_PANE (object);

  switch (prop_id)
    {
    case PROP_CHILD:
      g_value_set_object (value, self->child);
      break;
    case PROP_WIDTH:
      g_value_set_int (value, self->width);
      break;
    case PROP_FIXED:
      g_value_set_boolean (value, self->fixed);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dramatis_pane_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  DramatisPane *self = DRAMATIS_PANE (object);

  switch (prop_id)
    {
    case PROP_CHILD:
      dramatis_pane_set_child (self, g_value_get_object (value));
      break;
    case PROP_WIDTH:
      dramatis_pane_set_width (self, g_value_get_int (value));
      break;
    case PROP_FIXED:
      dramatis_pane_set_fixed (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dramatis_pane_class_init (DramatisPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();
  GdkDisplay *display = gdk_display_get_default ();

  object_class->dispose = dramatis_pane_dispose;
  object_class->get_property = dramatis_pane_get_property;
  object_class->set_property = dramatis_pane_set_property;
  widget_class->measure = dramatis_pane_measure;
  widget_class->size_allocate = dramatis_pane_size_allocate;

  properties[PROP_CHILD] =
    g_param_spec_object ("child", NULL, NULL, GTK_TYPE_WIDGET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_WIDTH] =
    g_param_spec_int ("width", NULL, NULL, 0, MAX_WIDTH, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FIXED] =
    g_param_spec_boolean ("fixed", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "pane");

  gtk_css_provider_load_from_data (provider, handle_css, -1);
  if (display != NULL)
    gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static void
dramatis_pane_init (DramatisPane *self)
{
}

GtkWidget *
dramatis_pane_new (void)
{
  return g_object_new (DRAMATIS_TYPE_PANE, NULL);
}

GtkWidget *
dramatis_pane_get_child (DramatisPane *self)
{
  g_return_val_if_fail (DRAMATIS_IS_PANE (self), NULL);

  return self->child;
}

void
dramatis_pane_set_child (DramatisPane *self,
                         GtkWidget    *child)
{
  g_return_if_fail (DRAMATIS_IS_PANE (self));
  g_return_if_fail (child == NULL || GTK_IS_WIDGET (child));

  if (self->child == child)
    return;

  g_clear_pointer (&self->child, gtk_widget_unparent);
  if (child != NULL)
    {
      self->child = child;
      gtk_widget_set_parent (child, GTK_WIDGET (self));
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHILD]);
}

int
dramatis_pane_get_width (DramatisPane *self)
{
  g_return_val_if_fail (DRAMATIS_IS_PANE (self), 0);

  return self->width;
}

/**
 * dramatis_pane_set_width:
 * @self: a pane
 * @width: the width the pane asks for, in pixels
 *
 * Sets the width the pane asks for: all it takes if it is fixed, what it
 * takes when there is room if it is not.  A fixed pane keeps between 200
 * and 800 pixels, so that a handle dragged too far leaves something to
 * drag back.
 */
void
dramatis_pane_set_width (DramatisPane *self,
                         int           width)
{
  g_return_if_fail (DRAMATIS_IS_PANE (self));

  width = CLAMP (width, self->fixed ? MIN_WIDTH : 0, MAX_WIDTH);
  if (self->width == width)
    return;

  self->width = width;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WIDTH]);
}

gboolean
dramatis_pane_get_fixed (DramatisPane *self)
{
  g_return_val_if_fail (DRAMATIS_IS_PANE (self), FALSE);

  return self->fixed;
}

void
dramatis_pane_set_fixed (DramatisPane *self,
                         gboolean      fixed)
{
  g_return_if_fail (DRAMATIS_IS_PANE (self));

  fixed = !!fixed;
  if (self->fixed == fixed)
    return;

  self->fixed = fixed;
  if (fixed)
    dramatis_pane_set_width (self, self->width);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIXED]);
}

/* Handle */

/* How far from the line a press grabs it, either side. */
#define HANDLE_REACH 6

typedef struct
{
  DramatisPane *pane;
  AdwFlap      *flap;
  GtkWidget    *separator;
  int           start_width;
} Handle;

static void
handle_free (gpointer data)
{
  Handle *handle = data;

  g_clear_weak_pointer (&handle->pane);
  g_clear_weak_pointer (&handle->flap);
  g_clear_weak_pointer (&handle->separator);
  g_free (handle);
}

/* The flap takes a press near the line before its children do: the
 * sidebar's scroll bar and the diagrams reach up to the line, and the
 * flap draws its pane over the separator.
 */
static void
drag_begin_cb (GtkGestureDrag *gesture,
               double          x,
               double          y,
               Handle         *handle)
{
  graphene_rect_t bounds;

  if (handle->pane == NULL || handle->flap == NULL || handle->separator == NULL ||
      adw_flap_get_folded (handle->flap) || !adw_flap_get_reveal_flap (handle->flap) ||
      !gtk_widget_compute_bounds (handle->separator, GTK_WIDGET (handle->flap), &bounds) ||
      x < bounds.origin.x - HANDLE_REACH || x > bounds.origin.x + bounds.size.width + HANDLE_REACH)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }

  handle->start_width = dramatis_pane_get_width (handle->pane);
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

/* Whether moving the handle to the right widens the pane: it does for a
 * pane at the start, unless the text runs from right to left.
 */
static gboolean
grows_rightwards (Handle *handle)
{
  return (adw_flap_get_flap_position (handle->flap) == GTK_PACK_START) ==
         (gtk_widget_get_direction (GTK_WIDGET (handle->flap)) != GTK_TEXT_DIR_RTL);
}

/* The widest the pane can be: the flap folds when its pane and its content
 * no longer fit side by side, and a pane dragged that far would vanish
 * under the pointer.
 */
static int
get_max_width (Handle *handle)
{
  GtkWidget *content = adw_flap_get_content (handle->flap);
  int content_width = 0, separator_width = 0;

  if (content == NULL)
    return MAX_WIDTH;

  gtk_widget_measure (content, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &content_width, NULL, NULL);
  if (handle->separator != NULL)
    gtk_widget_measure (handle->separator, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &separator_width, NULL, NULL);

  return gtk_widget_get_width (GTK_WIDGET (handle->flap)) - content_width - separator_width;
}

static void
resize (Handle *handle,
        int     width)
{
  dramatis_pane_set_width (handle->pane, MIN (width, get_max_width (handle)));
  if (handle->separator != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (handle->separator),
                                    GTK_ACCESSIBLE_PROPERTY_VALUE_NOW,
                                    (double) dramatis_pane_get_width (handle->pane), -1);
}

static void
drag_update_cb (GtkGestureDrag *gesture,
                double          offset_x,
                double          offset_y,
                Handle         *handle)
{
  if (handle->pane == NULL || handle->flap == NULL)
    return;

  resize (handle, handle->start_width + (int) (grows_rightwards (handle) ? offset_x : -offset_x));
}

/* From the keyboard, as GtkPaned's handle: the arrow keys move it, Home
 * and End to either end.
 */
static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                Handle                *handle)
{
  int width, step = (state & GDK_CONTROL_MASK) ? 1 : KEY_STEP;

  if (handle->pane == NULL || handle->flap == NULL || adw_flap_get_folded (handle->flap))
    return FALSE;

  width = dramatis_pane_get_width (handle->pane);
  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      resize (handle, width + (grows_rightwards (handle) ? -step : step));
      return TRUE;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      resize (handle, width + (grows_rightwards (handle) ? step : -step));
      return TRUE;
    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      resize (handle, MIN_WIDTH);
      return TRUE;
    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      resize (handle, MAX_WIDTH);
      return TRUE;
    default:
      return FALSE;
    }
}

/**
 * dramatis_pane_add_handle:
 * @pane: the pane the handle resizes, the flap of @flap
 * @flap: the flap that holds @pane
 *
 * @name: what the handle sizes, for assistive technologies
 *
 * Gives @flap a separator that the user drags, or moves with the arrow
 * keys, to change the width of @pane while the flap shows it beside its
 * content.
 */
void
dramatis_pane_add_handle (DramatisPane *pane,
                          AdwFlap      *flap,
                          const char   *name)
{
  GtkWidget *separator;
  GtkGesture *drag;
  GtkEventController *keys;
  Handle *handle;

  g_return_if_fail (DRAMATIS_IS_PANE (pane));
  g_return_if_fail (ADW_IS_FLAP (flap));
  g_return_if_fail (name != NULL);

  separator = gtk_separator_new (GTK_ORIENTATION_VERTICAL);
  gtk_widget_add_css_class (separator, "pane-handle");
  gtk_widget_set_cursor_from_name (separator, "col-resize");
  gtk_widget_set_focusable (separator, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (separator),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MIN, (double) MIN_WIDTH,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MAX, (double) MAX_WIDTH,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_NOW, (double) dramatis_pane_get_width (pane),
                                  -1);
  adw_flap_set_separator (flap, separator);

  handle = g_new0 (Handle, 1);
  g_set_weak_pointer (&handle->pane, pane);
  g_set_weak_pointer (&handle->flap, flap);
  g_set_weak_pointer (&handle->separator, separator);

  drag = gtk_gesture_drag_new ();
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (drag), GTK_PHASE_CAPTURE);
  g_signal_connect_data (drag, "drag-begin", G_CALLBACK (drag_begin_cb), handle,
                         (GClosureNotify) (void (*) (void)) handle_free, 0);
  g_signal_connect (drag, "drag-update", G_CALLBACK (drag_update_cb), handle);
  gtk_widget_add_controller (GTK_WIDGET (flap), GTK_EVENT_CONTROLLER (drag));

  keys = gtk_event_controller_key_new ();
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), handle);
  gtk_widget_add_controller (separator, keys);
}
