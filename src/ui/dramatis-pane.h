/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define DRAMATIS_TYPE_PANE (dramatis_pane_get_type ())

G_DECLARE_FINAL_TYPE (DramatisPane, dramatis_pane, DRAMATIS, PANE, GtkWidget)

GtkWidget *dramatis_pane_new               (void);
GtkWidget *dramatis_pane_get_child         (DramatisPane *self);
void       dramatis_pane_set_child         (DramatisPane *self,
                                            GtkWidget    *child);
int        dramatis_pane_get_width         (DramatisPane *self);
void       dramatis_pane_set_width         (DramatisPane *self,
                                            int           width);
gboolean   dramatis_pane_get_fixed         (DramatisPane *self);
void       dramatis_pane_set_fixed         (DramatisPane *self,
                                            gboolean      fixed);
void       dramatis_pane_add_handle        (DramatisPane *pane,
                                            AdwFlap      *flap,
                                            const char   *name);

G_END_DECLS
