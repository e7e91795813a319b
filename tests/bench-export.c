/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <glib/gstdio.h>

#include "dramatis-scene.h"
#include "dramatis-story-io.h"

/* How long the built-in story takes to export to a 3840×2160 PNG, both
 * views, from a loaded story: the scene, the layout, drawing and encoding.
 * Target: well under a second.
 */

#define ROUNDS 5

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DramatisStory) story = NULL;
  g_auto(DramatisTheme) theme;
  double total[ROUNDS], drawing[ROUNDS];
  gsize size = 0;

  setlocale (LC_ALL, "");
  dramatis_theme_init (&theme, DRAMATIS_THEME_LIGHT);

  story = dramatis_story_load_builtin (&error);
  g_assert_no_error (error);

  for (guint round = 0; round < ROUNDS; round++)
    {
      g_autofree char *dir = g_dir_make_tmp ("dramatis-bench-XXXXXX", NULL);
      g_autofree char *path = g_build_filename (dir, "story.png", NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(DramatisScene) scene = NULL;
      DramatisExportPage page = { DRAMATIS_EXPORT_PNG, 3840, 2160, 1, NULL, NULL, NULL, &theme };
      gint64 start = g_get_monotonic_time (), laid_out;

      scene = dramatis_scene_new (story, &theme);
      dramatis_scene_run_layout (scene);
      laid_out = g_get_monotonic_time ();

      if (!dramatis_scene_export (scene, file, DRAMATIS_VIEW_BOTH, &page, NULL, NULL, NULL, &error))
        g_error ("%s", error->message);

      total[round] = (g_get_monotonic_time () - start) / 1000.0;
      drawing[round] = (g_get_monotonic_time () - laid_out) / 1000.0;

      {
        g_autofree char *contents = NULL;

        g_file_get_contents (path, &contents, &size, NULL);
      }
      g_remove (path);
      g_rmdir (dir);
    }

  qsort (total, ROUNDS, sizeof (double), compare_doubles);
  qsort (drawing, ROUNDS, sizeof (double), compare_doubles);

  g_print ("Built-in story, both views, 3840×2160 PNG (%.1f MB), median of %d:\n", size / 1e6, ROUNDS);
  g_print ("  scene, layout, drawing and writing   %7.1f ms   target well under 1000 ms: %s\n",
           total[ROUNDS / 2], total[ROUNDS / 2] < 500 ? "met" : "MISSED");
  g_print ("  of which drawing, encoding, writing  %7.1f ms\n", drawing[ROUNDS / 2]);

  return 0;
}
