/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gstdio.h>

#include "dramatis-story-edit.h"
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

/* Random edits, for tests that follow a long sequence of them. */

static const char *
random_actor_id (DramatisStory *story,
                 GRand         *rand)
{
  guint n = dramatis_story_get_n_actors (story);

  return n > 0 ? dramatis_story_get_actor (story, g_rand_int_range (rand, 0, n))->id : NULL;
}

static void
random_date (GRand        *rand,
             DramatisDate *date)
{
  g_autofree char *text = g_strdup_printf ("20%02d-%02d-%02d", g_rand_int_range (rand, 0, 30),
                                           g_rand_int_range (rand, 1, 13), g_rand_int_range (rand, 1, 29));

  g_assert_true (dramatis_date_parse (text, date, NULL));
}

/* One random edit of any kind, an undo or a redo, or an edit that must be
 * refused; returns FALSE if it was refused, which changes nothing.
 */
gboolean
dramatis_test_random_edit (DramatisStory *story,
                           GRand         *rand,
                           guint          step)
{
  g_autofree char *id = g_strdup_printf ("random-%u", step);
  g_autoptr(GError) error = NULL;
  guint n_actors = dramatis_story_get_n_actors (story);
  guint n_relations = dramatis_story_get_n_relations (story);
  guint n_statements = dramatis_story_get_n_statements (story);
  gboolean done = TRUE;

  switch (g_rand_int_range (rand, 0, 19))
    {
    case 0:
      if (n_actors > 0)
        dramatis_story_move_actor (story, g_rand_int_range (rand, 0, n_actors),
                                   g_rand_double_range (rand, -500, 500), g_rand_double_range (rand, -500, 500));
      break;
    case 1:
      for (guint i = 0; i < n_actors; i++)
        if (dramatis_story_get_actor (story, i)->has_position)
          {
            dramatis_story_pin_actor (story, i, !dramatis_story_get_actor (story, i)->pinned);
            break;
          }
      break;
    case 2:
    case 3:
      {
        DramatisActor actor = { .id = id, .name = "Random", .kind = g_rand_int_range (rand, 0, 5),
                                .affiliation_id = g_rand_boolean (rand) ? random_actor_id (story, rand) : NULL };

        done = dramatis_story_add_actor (story, &actor, &error) != DRAMATIS_NO_INDEX;
      }
      break;
    case 4:
      if (n_actors > 0)
        {
          guint i = g_rand_int_range (rand, 0, n_actors);
          DramatisActor actor = *dramatis_story_get_actor (story, i);

          actor.name = id;
          actor.affiliation_id = random_actor_id (story, rand);
          done = dramatis_story_change_actor (story, i, &actor, &error);
        }
      break;
    case 5:
      if (n_actors > 0)
        dramatis_story_remove_actor (story, g_rand_int_range (rand, 0, n_actors));
      break;
    case 6:
    case 7:
      {
        DramatisRelation relation = { .id = id, .type = "tie", .from_id = random_actor_id (story, rand),
                                      .to_id = random_actor_id (story, rand),
                                      .direction = g_rand_int_range (rand, 0, 3) };

        if (g_rand_boolean (rand))
          random_date (rand, &relation.when.start);
        done = dramatis_story_add_relation (story, &relation, &error) != DRAMATIS_NO_INDEX;
      }
      break;
    case 8:
      if (n_relations > 0)
        {
          guint i = g_rand_int_range (rand, 0, n_relations);
          DramatisRelation relation = *dramatis_story_get_relation (story, i);

          relation.from_id = random_actor_id (story, rand);
          done = dramatis_story_change_relation (story, i, &relation, &error);
        }
      else
        dramatis_story_remove_relation (story, g_rand_int_range (rand, 0, n_relations));
      break;
    case 9:
    case 10:
      {
        const char *about[] = { random_actor_id (story, rand) };
        const DramatisSource *source = dramatis_story_get_source (story, 0);
        guint start = g_rand_int_range (rand, 0, source->text_length - 10);
        g_autofree char *exact = g_utf8_substring (source->text, start, start + 10);
        DramatisEvidence evidence = { 0, source->id, start, start + 10, exact };
        DramatisStatement statement = { .id = id, .speaker_id = random_actor_id (story, rand), .text = "Said.",
                                        .n_about = about[0] ? 1 : 0, .about_ids = about,
                                        .n_evidence = g_rand_int_range (rand, 0, 3) == 0, .evidence = &evidence };

        if (g_rand_boolean (rand) && dramatis_story_get_n_events (story) > 0)
          statement.event_id = dramatis_story_get_event (story, 0)->id;
        random_date (rand, &statement.date);
        done = dramatis_story_add_statement (story, &statement, &error) != DRAMATIS_NO_INDEX;
      }
      break;
    case 11:
      if (n_statements > 0)
        {
          guint i = g_rand_int_range (rand, 0, n_statements);
          DramatisStatement statement = *dramatis_story_get_statement (story, i);

          random_date (rand, &statement.date);
          statement.speaker_id = random_actor_id (story, rand);
          done = dramatis_story_change_statement (story, i, &statement, &error);
        }
      break;
    case 12:
      if (n_statements > 0)
        dramatis_story_remove_statement (story, g_rand_int_range (rand, 0, n_statements));
      break;
    case 13:
      {
        /* Edits that must be refused. */
        DramatisRelation relation = { .id = id, .type = "tie", .from_id = random_actor_id (story, rand),
                                      .to_id = "missing" };
        DramatisStatement statement = { .id = id, .speaker_id = random_actor_id (story, rand), .text = "No.",
                                        .date = { .year = 2023, .month = 2, .day = 29,
                                                  .precision = DRAMATIS_DATE_PRECISION_DAY } };

        if (g_rand_boolean (rand))
          g_assert_cmpuint (dramatis_story_add_relation (story, &relation, &error), ==, DRAMATIS_NO_INDEX);
        else
          g_assert_cmpuint (dramatis_story_add_statement (story, &statement, &error), ==, DRAMATIS_NO_INDEX);
        g_assert_error (error, DRAMATIS_STORY_EDIT_ERROR, DRAMATIS_STORY_EDIT_ERROR_INVALID);
        return FALSE;
      }
    case 14:
    case 15:
      {
        DramatisParticipant participant = { random_actor_id (story, rand), 0, "there" };
        DramatisEvent event = { .id = id, .name = "Event", .n_participants = participant.actor_id ? 1 : 0,
                                .participants = &participant };

        if (g_rand_int_range (rand, 0, 4) > 0)
          random_date (rand, &event.when.start);
        done = dramatis_story_add_event (story, &event, &error) != DRAMATIS_NO_INDEX;
      }
      break;
    case 16:
      if (dramatis_story_get_n_events (story) > 0)
        {
          guint i = g_rand_int_range (rand, 0, dramatis_story_get_n_events (story));

          if (g_rand_boolean (rand))
            dramatis_story_remove_event (story, i);
          else
            {
              DramatisEvent event = *dramatis_story_get_event (story, i);

              random_date (rand, &event.when.start);
              event.when.end = (DramatisDate) { 0 };
              done = dramatis_story_change_event (story, i, &event, &error);
            }
        }
      break;
    case 17:
      {
        guint n_sources = dramatis_story_get_n_sources (story);
        DramatisSource source = { .id = id, .title = "Source", .text = "Some text." };

        if (n_sources > 1 && g_rand_boolean (rand))
          dramatis_story_remove_source (story, n_sources - 1);
        else if (n_sources > 0 && g_rand_boolean (rand))
          {
            source = *dramatis_story_get_source (story, n_sources - 1);
            source.title = id;
            done = dramatis_story_change_source (story, n_sources - 1, &source, &error);
          }
        else
          done = dramatis_story_add_source (story, &source, &error) != DRAMATIS_NO_INDEX;
      }
      break;
    case 18:
    default:
      if (g_rand_boolean (rand))
        dramatis_story_undo (story);
      else
        dramatis_story_redo (story);
      break;
    }

  /* Only an edit with no actor to name may be refused here. */
  if (!done)
    g_assert_cmpuint (n_actors, ==, 0);
  return done;
}
