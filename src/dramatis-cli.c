/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "dramatis-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>

#include "dramatis-cli.h"
#include "dramatis-story-io.h"

/* The command line: it reads a story (the built-in one when none is named)
 * and reports on it, with no display needed.
 */

static void
print_problems (DramatisStory *story,
                const char    *display_name)
{
  const DramatisProblem *problems;
  guint n_problems;

  problems = dramatis_story_get_problems (story, &n_problems);
  for (guint i = 0; i < n_problems; i++)
    {
      const DramatisProblem *p = &problems[i];

      if (p->line > 0)
        g_printerr ("%s:%u:%u: %s: %s\n", display_name, p->line, p->column, p->path, p->message);
      else
        g_printerr ("%s: %s\n", display_name, p->message);
    }
}

static void
print_summary (DramatisStory *story)
{
  g_autofree char *when = NULL;
  gint64 first, end;

  g_print ("%s\n", dramatis_story_get_title (story) ? dramatis_story_get_title (story) : _("Untitled story"));

  /* Translators: counts of the items of a story, one per line */
  g_print (ngettext ("%u actor\n", "%u actors\n", dramatis_story_get_n_actors (story)),
           dramatis_story_get_n_actors (story));
  g_print (ngettext ("%u event\n", "%u events\n", dramatis_story_get_n_events (story)),
           dramatis_story_get_n_events (story));
  g_print (ngettext ("%u relation\n", "%u relations\n", dramatis_story_get_n_relations (story)),
           dramatis_story_get_n_relations (story));
  g_print (ngettext ("%u statement\n", "%u statements\n", dramatis_story_get_n_statements (story)),
           dramatis_story_get_n_statements (story));
  g_print (ngettext ("%u source\n", "%u sources\n", dramatis_story_get_n_sources (story)),
           dramatis_story_get_n_sources (story));

  if (dramatis_story_get_time_bounds (story, &first, &end))
    {
      g_autoptr(GDateTime) from = g_date_time_new_from_unix_utc (first);
      g_autoptr(GDateTime) to = g_date_time_new_from_unix_utc (end - 1);

      if (from != NULL && to != NULL)
        {
          g_autofree char *a = g_date_time_format (from, "%x");
          g_autofree char *b = g_date_time_format (to, "%x");

          /* Translators: the period the events of a story cover */
          g_print (_("Events from %s to %s\n"), a, b);
        }
    }
}

/**
 * dramatis_cli_run:
 * @argc: the number of arguments
 * @argv: the arguments
 *
 * Runs the command line.
 *
 * Returns: %DRAMATIS_EXIT_SUCCESS, %DRAMATIS_EXIT_BAD_INPUT for a story that
 *   cannot be read (or, with `--check`, has problems), or
 *   %DRAMATIS_EXIT_USAGE for wrong options
 */
int
dramatis_cli_run (int    argc,
                  char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DramatisStory) story = NULL;
  g_auto(GStrv) files = NULL;
  g_autofree char *display_name = NULL;
  gboolean check = FALSE;
  gboolean version = FALSE;
  guint n_problems = 0;
  const GOptionEntry entries[] = {
    { "check", 'c', 0, G_OPTION_ARG_NONE, &check,
      N_("List every problem in the story, with its line and column, and fail if there is one"), NULL },
    { "version", 0, 0, G_OPTION_ARG_NONE, &version, N_("Show the version and exit"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, N_("[STORY]") },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Reads a story — the built-in one when no STORY file is given — and "
                                  "tells what it holds."));

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("dramatis: %s\n", error->message);
      return DRAMATIS_EXIT_USAGE;
    }

  if (version)
    {
      g_print ("dramatis %s\n", PACKAGE_VERSION);
      return DRAMATIS_EXIT_SUCCESS;
    }

  if (files != NULL && g_strv_length (files) > 1)
    {
      g_printerr ("dramatis: %s\n", _("give at most one story file"));
      return DRAMATIS_EXIT_USAGE;
    }

  if (files != NULL && files[0] != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (files[0]);

      display_name = g_file_get_parse_name (file);
      story = dramatis_story_load_file (file, NULL, &error);
    }
  else
    {
      display_name = g_strdup (_("built-in story"));
      story = dramatis_story_load_builtin (&error);
    }

  if (story == NULL)
    {
      g_printerr ("dramatis: %s\n", error->message);
      return DRAMATIS_EXIT_BAD_INPUT;
    }

  print_problems (story, display_name);
  dramatis_story_get_problems (story, &n_problems);

  if (check)
    {
      if (n_problems == 0)
        g_print (_("%s: no problems\n"), display_name);
      return n_problems == 0 ? DRAMATIS_EXIT_SUCCESS : DRAMATIS_EXIT_BAD_INPUT;
    }

  print_summary (story);

  return DRAMATIS_EXIT_SUCCESS;
}
