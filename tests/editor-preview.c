/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <adwaita.h>
#include <locale.h>
#include <stdlib.h>

#include "dramatis-editor.h"
#include "dramatis-story-io.h"
#include "dramatis-test-utils.h"

/* Shows one editor over the built-in story, to look at it: not a test,
 * and not part of the app.
 *
 *   editor-preview actor|event|relation|statement [INDEX] [--evidence|--refused-evidence]
 *                  [--story FILE]
 *
 * Without INDEX the dialog adds a new item; --evidence gives it the first
 * passage of the first event, as a selection in the source would; --story
 * opens FILE instead of the built-in story; --refused-evidence gives it a
 * passage of a source the story does not have, to see the story refuse
 * the edit.
 */

int
main (int    argc,
      char **argv)
{
  g_autoptr(DramatisStory) story = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  const DramatisEvidence *evidence = NULL;
  /* A passage of a source the story does not have, which it refuses. */
  const DramatisEvidence refused = { DRAMATIS_NO_INDEX, "no-such-source", 0, 0, "Words the story refuses." };
  gboolean refuse = FALSE;
  const char *path = NULL;
  guint index = DRAMATIS_NO_INDEX;
  GtkWindow *parent, *dialog;
  const char *kind;

  setlocale (LC_ALL, "");
  if (argc < 2)
    {
      g_printerr ("Usage: %s actor|event|relation|statement [INDEX] [--evidence|--refused-evidence] [--story FILE]\n", argv[0]);
      return 2;
    }
  kind = argv[1];
  for (int i = 2; i < argc; i++)
    if (g_str_equal (argv[i], "--evidence"))
      evidence = (const DramatisEvidence *) 1;
    else if (g_str_equal (argv[i], "--refused-evidence"))
      refuse = TRUE;
    else if (g_str_equal (argv[i], "--story") && i + 1 < argc)
      path = argv[++i];
    else
      index = (guint) strtoul (argv[i], NULL, 10);

  adw_init ();
  story = dramatis_test_load_story (argv[0], path);
  if (story == NULL)
    return 1;
  if (evidence != NULL)
    evidence = &dramatis_story_get_event (story, 0)->evidence[0];
  if (refuse)
    evidence = &refused;

  parent = GTK_WINDOW (adw_application_window_new (NULL));
  gtk_window_set_default_size (parent, 900, 700);
  gtk_window_present (parent);

  if (g_str_equal (kind, "actor"))
    dialog = dramatis_editor_edit_actor (parent, story, index);
  else if (g_str_equal (kind, "event"))
    dialog = dramatis_editor_edit_event (parent, story, index, evidence);
  else if (g_str_equal (kind, "relation"))
    dialog = dramatis_editor_edit_relation (parent, story, index, 2, DRAMATIS_NO_INDEX, evidence);
  else
    dialog = dramatis_editor_edit_statement (parent, story, index, DRAMATIS_NO_INDEX, evidence);

  loop = g_main_loop_new (NULL, FALSE);
  g_signal_connect_swapped (dialog, "destroy", G_CALLBACK (g_main_loop_quit), loop);
  g_main_loop_run (loop);

  return 0;
}
