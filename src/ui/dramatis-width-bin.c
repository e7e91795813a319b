/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "dramatis-width-bin"

#include "config.h"

#include "dramatis-width-bin.h"

/* A bin for a page of wrapping text in a scrolled window that never
 * scrolls sideways: it takes the width it is given, and only asks its child
 * how tall it is at a width.
 *
 * GtkScrolledWindow asks its child for its width and for its height at no
 * width whenever it is itself measured, and the window is measured more than
 * once a frame after a new page comes in.  A wrapping label's height at no
 * width is its height at its narrowest, which takes a layout of all of its
 * text at that width and one on a single line; for a page, that is every
 * label laid out twice more than it needs.  Neither answer is used: the
 * page gets the scrolled window's width, and its height at that width.  The
 * bin gives a fixed width instead, and no height at no width, which only a
 * scrolled window that propagates its child's natural height or never
 * scrolls down would use, and one holding a page of text does neither.
 */

struct _DramatisWidthBin
{
  GtkWidget  parent_instance;

  GtkWidget *child;
  int        minimum_width;
};

G_DEFINE_FINAL_TYPE (DramatisWidthBin, dramatis_width_bin, GTK_TYPE_WIDGET)

static GtkSizeRequestMode
dramatis_width_bin_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
dramatis_width_bin_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  DramatisWidthBin *self = DRAMATIS_WIDTH_BIN (widget);

  *minimum = *natural = 0;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = *natural = self->minimum_width;
      return;
    }

  if (for_size < 0 || !gtk_widget_should_layout (self->child))
    return;

  gtk_widget_measure (self->child, GTK_ORIENTATION_VERTICAL, MAX (for_size, self->minimum_width),
                      minimum, natural, NULL, NULL);
}

static void
dramatis_width_bin_size_allocate (GtkWidget *widget,
                                  int        width,
                                  int        height,
                                  int        baseline)
{
  DramatisWidthBin *self = DRAMATIS_WIDTH_BIN (widget);

  if (gtk_widget_should_layout (self->child))
    gtk_widget_allocate (self->child, MAX (width, self->minimum_width), height, baseline, NULL);
}

static void
dramatis_width_bin_dispose (GObject *object)
{
  DramatisWidthBin *self = DRAMATIS_WIDTH_BIN (object);

  g_clear_pointer (&self->child, gtk_widget_unparent);

  G_OBJECT_CLASS (dramatis_width_bin_parent_class)->dispose (object);
}

static void
dramatis_width_bin_class_init (DramatisWidthBinClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dramatis_width_bin_dispose;
  widget_class->get_request_mode = dramatis_width_bin_get_request_mode;
  widget_class->measure = dramatis_width_bin_measure;
  widget_class->size_allocate = dramatis_width_bin_size_allocate;
}

static void
dramatis_width_bin_init (DramatisWidthBin *self)
{
}

/**
 * dramatis_width_bin_new:
 * @child: the page
 * @minimum_width: the narrowest width to lay @child out at
 *
 * The bin's minimum and natural width are @minimum_width, whatever its
 * child's; given less, it still lays its child out at @minimum_width, and
 * the child is cut off.
 *
 * Returns: (transfer floating): a new bin holding @child
 */
GtkWidget *
dramatis_width_bin_new (GtkWidget *child,
                        int        minimum_width)
{
  DramatisWidthBin *self;

  g_return_val_if_fail (GTK_IS_WIDGET (child), NULL);
  g_return_val_if_fail (gtk_widget_get_parent (child) == NULL, NULL);
  g_return_val_if_fail (minimum_width >= 0, NULL);

  self = g_object_new (DRAMATIS_TYPE_WIDTH_BIN, NULL);
  self->child = child;
  self->minimum_width = minimum_width;
  gtk_widget_set_parent (child, GTK_WIDGET (self));

  return GTK_WIDGET (self);
}

GtkWidget *
dramatis_width_bin_get_child (DramatisWidthBin *self)
{
  g_return_val_if_fail (DRAMATIS_IS_WIDTH_BIN (self), NULL);

  return self->child;
}
