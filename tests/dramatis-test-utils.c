/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gstdio.h>

#include "dramatis-story-io.h"
#include "dramatis-test-utils.h"

/* Helpers the tests share: fixtures, temporary folders that the file tests
 * fill and check for leftovers, and the stories the end-to-end helpers
 * are given.
 */

/* The absolute path of a file in tests/data: messages name files that way. */
char *
dramatis_test_fixture_path (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);

  return g_canonicalize_filename (path, NULL);
}

char *
dramatis_test_make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("dramatis-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

void
dramatis_test_remove_temp_dir (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_remove (path);
    }
  g_rmdir (dir);
}

guint
dramatis_test_count_files (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (handle != NULL && g_dir_read_name (handle) != NULL)
    n++;
  return n;
}

/**
 * dramatis_test_load_story:
 * @program: the program's name, for the message
 * @path: (nullable): a story file as a command line names it, %NULL for
 *   the built-in story
 *
 * Returns: (transfer full) (nullable): the story, or %NULL, with a message
 *   printed, if it does not load
 */
DramatisStory *
dramatis_test_load_story (const char *program,
                          const char *path)
{
  g_autoptr(GError) error = NULL;
  DramatisStory *story;

  if (path != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);

      story = dramatis_story_load_file (file, NULL, &error);
    }
  else
    story = dramatis_story_load_builtin (&error);

  if (story == NULL)
    g_printerr ("%s: %s\n", program, error->message);
  return story;
}
