/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "dramatis-story.h"

G_BEGIN_DECLS

char  *dramatis_story_make_id          (DramatisStory    *self,
                                       DramatisItemKind  kind,
                                       const char       *name);
guint  dramatis_story_find_actor_named (DramatisStory    *self,
                                       const char       *name,
                                       guint             except);

G_END_DECLS
