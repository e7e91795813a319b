/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gtk/gtk.h>

#include "dramatis-selection.h"
#include "dramatis-theme.h"
#include "dramatis-story.h"

G_BEGIN_DECLS

#define DRAMATIS_TYPE_DETAILS (dramatis_details_get_type ())

G_DECLARE_FINAL_TYPE (DramatisDetails, dramatis_details, DRAMATIS, DETAILS, GtkWidget)

GtkWidget     *dramatis_details_new              (void);
void           dramatis_details_set_story        (DramatisDetails  *self,
                                                  DramatisStory    *story);
DramatisStory *dramatis_details_get_story        (DramatisDetails  *self);
void           dramatis_details_set_theme        (DramatisDetails     *self,
                                                  const DramatisTheme *theme);
void           dramatis_details_show_item        (DramatisDetails  *self,
                                                  DramatisItemKind  kind,
                                                  guint             index);
void           dramatis_details_reload           (DramatisDetails  *self,
                                                  DramatisItemKind  kind,
                                                  guint             index);
guint          dramatis_details_get_n_statements (DramatisDetails  *self);

G_END_DECLS
