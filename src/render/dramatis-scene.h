/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

#include "dramatis-export.h"
#include "dramatis-graph-layout.h"
#include "dramatis-network.h"
#include "dramatis-timeline.h"

G_BEGIN_DECLS

typedef enum
{
  DRAMATIS_VIEW_TIMELINE,
  DRAMATIS_VIEW_NETWORK,
  DRAMATIS_VIEW_BOTH,
} DramatisViewMode;

/**
 * DramatisSceneChange:
 * @DRAMATIS_SCENE_TIMELINE: the timeline changed: draw it again
 * @DRAMATIS_SCENE_NETWORK: the network changed
 *
 * What dramatis_scene_update() changed.
 */
typedef enum
{
  DRAMATIS_SCENE_TIMELINE = 1 << 0,
  DRAMATIS_SCENE_NETWORK  = 1 << 1,
} DramatisSceneChange;

typedef struct _DramatisScene DramatisScene;

gboolean          dramatis_view_mode_from_string  (const char                 *name,
                                                   DramatisViewMode           *mode);

DramatisScene    *dramatis_scene_new              (DramatisStory              *story,
                                                   const DramatisTheme        *theme);
void              dramatis_scene_free             (DramatisScene              *self);

DramatisStory    *dramatis_scene_get_story        (DramatisScene              *self);
DramatisTimeline *dramatis_scene_get_timeline     (DramatisScene              *self);
DramatisNetwork  *dramatis_scene_get_network      (DramatisScene              *self);

DramatisGraphLayout *dramatis_scene_create_layout (DramatisScene              *self);
void              dramatis_scene_run_layout       (DramatisScene              *self);
void              dramatis_scene_set_layout_positions (DramatisScene          *self,
                                                   const double               *xy,
                                                   guint                       n_actors);
void              dramatis_scene_set_focus        (DramatisScene              *self,
                                                   double                      x,
                                                   double                      y);
guint             dramatis_scene_update           (DramatisScene              *self);

char             *dramatis_scene_dup_title        (DramatisScene              *self);
char             *dramatis_scene_dup_subtitle     (DramatisScene              *self,
                                                   DramatisViewMode            mode);
char             *dramatis_scene_dup_source_line  (DramatisScene              *self);

gboolean          dramatis_scene_export           (DramatisScene              *self,
                                                   GFile                      *file,
                                                   DramatisViewMode            mode,
                                                   const DramatisExportPage   *page,
                                                   const DramatisSelection    *selection,
                                                   const DramatisTimelineView *timeline_view,
                                                   const DramatisNetworkView  *network_view,
                                                   GError                    **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DramatisScene, dramatis_scene_free)

G_END_DECLS
