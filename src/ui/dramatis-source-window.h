/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "dramatis-story.h"

G_BEGIN_DECLS

#define DRAMATIS_TYPE_SOURCE_WINDOW (dramatis_source_window_get_type ())

G_DECLARE_FINAL_TYPE (DramatisSourceWindow, dramatis_source_window, DRAMATIS, SOURCE_WINDOW, AdwWindow)

GtkWidget *dramatis_source_window_new          (GtkWindow              *parent,
                                                DramatisStory          *story,
                                                const DramatisEvidence *evidence);
GtkWidget *dramatis_source_window_show         (GtkWindow              *parent,
                                                DramatisStory          *story,
                                                const DramatisEvidence *evidence);
void       dramatis_source_window_close_all    (GtkWindow              *parent);
gboolean   dramatis_source_window_get_passage  (DramatisSourceWindow   *self,
                                                guint                  *start,
                                                guint                  *end);
gboolean   dramatis_source_window_is_scrolling (DramatisSourceWindow   *self);
guint      dramatis_source_window_get_source   (DramatisSourceWindow   *self);
gboolean   dramatis_source_window_get_selected_span (DramatisSourceWindow *self,
                                                     guint                *start,
                                                     guint                *end);

G_END_DECLS
