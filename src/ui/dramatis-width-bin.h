/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define DRAMATIS_TYPE_WIDTH_BIN (dramatis_width_bin_get_type ())

G_DECLARE_FINAL_TYPE (DramatisWidthBin, dramatis_width_bin, DRAMATIS, WIDTH_BIN, GtkWidget)

GtkWidget *dramatis_width_bin_new       (GtkWidget        *child,
                                        int               minimum_width);
GtkWidget *dramatis_width_bin_get_child (DramatisWidthBin *self);

G_END_DECLS
