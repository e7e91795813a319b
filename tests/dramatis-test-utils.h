/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

#include "dramatis-story.h"

G_BEGIN_DECLS

char  *dramatis_test_fixture_path    (const char *name);
char  *dramatis_test_make_temp_dir   (void);
void   dramatis_test_remove_temp_dir (const char *dir);
guint  dramatis_test_count_files     (const char *dir);

DramatisStory *dramatis_test_load_story (const char *program,
                                         const char *path);
gboolean       dramatis_test_random_edit (DramatisStory *story,
                                          GRand         *rand,
                                          guint          step);

G_END_DECLS
