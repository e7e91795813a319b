/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "dramatis-story.h"

G_BEGIN_DECLS

#define DRAMATIS_TYPE_SOURCE_EDITOR (dramatis_source_editor_get_type ())

G_DECLARE_FINAL_TYPE (DramatisSourceEditor, dramatis_source_editor, DRAMATIS, SOURCE_EDITOR, AdwWindow)

GtkWindow *dramatis_source_editor_open (GtkWindow     *parent,
                                        DramatisStory *story,
                                        guint          source);

G_END_DECLS
