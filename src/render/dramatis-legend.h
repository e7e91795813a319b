/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <cairo.h>
#include <glib.h>

#include "dramatis-theme.h"

G_BEGIN_DECLS

/* The legends of the diagrams, in dramatis-legend.c.  The diagrams' own
 * headers include this one.
 */

typedef struct _DramatisNetwork DramatisNetwork;
typedef struct _DramatisTimeline DramatisTimeline;

double dramatis_network_draw_legend  (DramatisNetwork     *self,
                                      cairo_t             *cr,
                                      const DramatisTheme *theme,
                                      double               x,
                                      double               y,
                                      double               max_width);
double dramatis_timeline_draw_legend (DramatisTimeline    *self,
                                      cairo_t             *cr,
                                      const DramatisTheme *theme,
                                      double               x,
                                      double               y,
                                      double               max_width);

G_END_DECLS
