/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gtk/gtk.h>

#include "dramatis-canvas.h"

G_BEGIN_DECLS

#define DRAMATIS_TYPE_NETWORK_CANVAS (dramatis_network_canvas_get_type ())

G_DECLARE_FINAL_TYPE (DramatisNetworkCanvas, dramatis_network_canvas, DRAMATIS, NETWORK_CANVAS, DramatisCanvas)

GtkWidget *dramatis_network_canvas_new             (void);
void       dramatis_network_canvas_set_scene       (DramatisNetworkCanvas   *self,
                                                    DramatisScene           *scene);
void       dramatis_network_canvas_set_theme       (DramatisNetworkCanvas   *self,
                                                    const DramatisTheme     *theme);
void       dramatis_network_canvas_set_selection   (DramatisNetworkCanvas   *self,
                                                    const DramatisSelection *selection);
void       dramatis_network_canvas_get_view        (DramatisNetworkCanvas   *self,
                                                    DramatisNetworkView     *view);
void       dramatis_network_canvas_zoom            (DramatisNetworkCanvas   *self,
                                                    double                   factor);
void       dramatis_network_canvas_zoom_to_fit     (DramatisNetworkCanvas   *self);
void       dramatis_network_canvas_run_layout      (DramatisNetworkCanvas   *self,
                                                    gboolean                 animate);
void       dramatis_network_canvas_unpin_all       (DramatisNetworkCanvas   *self);
void       dramatis_network_canvas_scene_changed   (DramatisNetworkCanvas   *self);
void       dramatis_network_canvas_set_editable    (DramatisNetworkCanvas   *self,
                                                    gboolean                 editable);
gboolean   dramatis_network_canvas_is_laying_out   (DramatisNetworkCanvas   *self);
gboolean   dramatis_network_canvas_get_actor_point (DramatisNetworkCanvas   *self,
                                                    guint                    actor,
                                                    double                  *x,
                                                    double                  *y);
void       dramatis_network_canvas_set_drawing_relations (DramatisNetworkCanvas *self,
                                                          gboolean               drawing_relations);
gboolean   dramatis_network_canvas_get_drawing_relations (DramatisNetworkCanvas *self);

G_END_DECLS
