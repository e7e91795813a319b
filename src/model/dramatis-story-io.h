/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

#include "dramatis-story.h"

G_BEGIN_DECLS

#define DRAMATIS_STORY_FORMAT_NAME          "dramatis-story"
#define DRAMATIS_STORY_FORMAT_MAJOR_VERSION 1
#define DRAMATIS_STORY_FORMAT_MINOR_VERSION 0
#define DRAMATIS_STORY_FORMAT_VERSION       "1.0"

/* Larger files are refused before reading: a story of 100,000 events is
 * about 60 MB, and parsing takes several times the file size in memory.
 */
#define DRAMATIS_STORY_MAX_FILE_SIZE (G_GINT64_CONSTANT (512) * 1024 * 1024)

#define DRAMATIS_BUILTIN_STORY_RESOURCE "/io/github/dramatis/Dramatis/stories/unsc-dprk-troops.dramatis.json"

#define DRAMATIS_STORY_ERROR (dramatis_story_error_quark ())

/**
 * DramatisLoadProgressFunc:
 * @fraction: how much of the load is done, from 0 to 1
 * @user_data: the data given with the function
 *
 * Called as a story loads in the background.
 */
typedef void (*DramatisLoadProgressFunc) (double   fraction,
                                          gpointer user_data);

/**
 * DramatisStoryError:
 * @DRAMATIS_STORY_ERROR_SYNTAX: the file is not valid JSON
 * @DRAMATIS_STORY_ERROR_FORMAT: the file is JSON but not a story
 * @DRAMATIS_STORY_ERROR_VERSION: the story was written in a major version of
 *   the format this version of Dramatis does not know
 * @DRAMATIS_STORY_ERROR_TOO_LARGE: the file is larger than
 *   %DRAMATIS_STORY_MAX_FILE_SIZE
 * @DRAMATIS_STORY_ERROR_NOT_REGULAR: the path names a folder, a device or
 *   something else that is not a regular file
 *
 * Problems that stop a story from loading.  Problems reading the file keep
 * their %G_IO_ERROR codes, with the file's name in the message.
 */
typedef enum
{
  DRAMATIS_STORY_ERROR_SYNTAX,
  DRAMATIS_STORY_ERROR_FORMAT,
  DRAMATIS_STORY_ERROR_VERSION,
  DRAMATIS_STORY_ERROR_TOO_LARGE,
  DRAMATIS_STORY_ERROR_NOT_REGULAR,
} DramatisStoryError;

GQuark         dramatis_story_error_quark       (void);

DramatisStory *dramatis_story_load_bytes        (GBytes               *bytes,
                                                 const char           *display_name,
                                                 GError              **error);
DramatisStory *dramatis_story_load_file         (GFile                *file,
                                                 GCancellable         *cancellable,
                                                 GError              **error);
void           dramatis_story_load_file_async   (GFile                    *file,
                                                 GCancellable             *cancellable,
                                                 DramatisLoadProgressFunc  progress_callback,
                                                 gpointer                  progress_data,
                                                 GDestroyNotify            progress_data_free,
                                                 GAsyncReadyCallback       callback,
                                                 gpointer                  user_data);
GFile         *dramatis_story_load_file_get_file (GAsyncResult        *result);
DramatisStory *dramatis_story_load_file_finish  (GAsyncResult         *result,
                                                 GError              **error);
DramatisStory *dramatis_story_load_builtin      (GError              **error);

GBytes        *dramatis_story_to_bytes          (DramatisStory        *self);
gboolean       dramatis_story_save_file         (DramatisStory        *self,
                                                 GFile                *file,
                                                 GCancellable         *cancellable,
                                                 GError              **error);
void           dramatis_story_save_file_async   (DramatisStory        *self,
                                                 GFile                *file,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
gboolean       dramatis_story_save_file_finish  (DramatisStory        *self,
                                                 GAsyncResult         *result,
                                                 GError              **error);
void           dramatis_story_save_copy_async   (DramatisStory        *self,
                                                 GFile                *file,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
gboolean       dramatis_story_save_copy_finish  (DramatisStory        *self,
                                                 GAsyncResult         *result,
                                                 GError              **error);

G_END_DECLS
