/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gtk/gtk.h>

#include "dramatis-timeline.h"

G_BEGIN_DECLS

#define DRAMATIS_TYPE_TIMELINE_OVERVIEW (dramatis_timeline_overview_get_type ())

G_DECLARE_FINAL_TYPE (DramatisTimelineOverview, dramatis_timeline_overview, DRAMATIS, TIMELINE_OVERVIEW, GtkWidget)

GtkWidget *dramatis_timeline_overview_new          (void);
void       dramatis_timeline_overview_set_timeline (DramatisTimelineOverview   *self,
                                                    DramatisTimeline           *timeline,
                                                    const DramatisTimelineView *view,
                                                    const DramatisTheme        *theme);

G_END_DECLS
