/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

#include "dramatis-story.h"

G_BEGIN_DECLS

/* Larger texts are refused: a long article is some 100 kB. */
#define DRAMATIS_TEXT_MAX_SIZE (G_GINT64_CONSTANT (16) * 1024 * 1024)

char          *dramatis_text_from_bytes       (GBytes      *bytes,
                                               const char  *display_name,
                                               GError     **error);
char          *dramatis_text_title_from_file  (GFile       *file);
gboolean       dramatis_text_is_text_file     (GFile       *file);
DramatisStory *dramatis_story_new_from_text   (const char  *title,
                                               const char  *text,
                                               GError     **error);

G_END_DECLS
