/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gtk/gtk.h>

#include "dramatis-canvas.h"

G_BEGIN_DECLS

#define DRAMATIS_TYPE_TIMELINE_CANVAS (dramatis_timeline_canvas_get_type ())

G_DECLARE_FINAL_TYPE (DramatisTimelineCanvas, dramatis_timeline_canvas, DRAMATIS, TIMELINE_CANVAS, DramatisCanvas)

GtkWidget *dramatis_timeline_canvas_new           (void);
void       dramatis_timeline_canvas_set_scene     (DramatisTimelineCanvas  *self,
                                                   DramatisScene           *scene);
void       dramatis_timeline_canvas_scene_changed (DramatisTimelineCanvas  *self);
void       dramatis_timeline_canvas_set_theme     (DramatisTimelineCanvas  *self,
                                                   const DramatisTheme     *theme);
void       dramatis_timeline_canvas_set_selection (DramatisTimelineCanvas  *self,
                                                   const DramatisSelection *selection);
void       dramatis_timeline_canvas_get_view      (DramatisTimelineCanvas  *self,
                                                   DramatisTimelineView    *view);
void       dramatis_timeline_canvas_zoom          (DramatisTimelineCanvas  *self,
                                                   double                   factor);
void       dramatis_timeline_canvas_zoom_to_fit   (DramatisTimelineCanvas  *self);
gboolean   dramatis_timeline_canvas_get_item_area (DramatisTimelineCanvas  *self,
                                                   const DramatisItem      *item,
                                                   graphene_rect_t         *area);

G_END_DECLS
