/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "dramatis-story-edit.h"
#include "dramatis-story-ids.h"
#include "dramatis-story-io.h"

/* Ids for new items: made from the name, new among the items of their
 * kind, and usable by the edits that add them.
 */

static const char story_json[] =
  "{ \"format\": \"dramatis-story\", \"version\": \"1.0\","
  "  \"actors\": [ { \"id\": \"north-korea\", \"name\": \"North Korea\" },"
  "                { \"id\": \"north-korea-2\", \"name\": \"DPRK\" } ],"
  "  \"events\": [ { \"id\": \"event\", \"name\": \"?\" } ] }";

static DramatisStory *
load_story (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (story_json, sizeof story_json - 1);
  g_autoptr(GError) error = NULL;
  DramatisStory *story = dramatis_story_load_bytes (bytes, "test", &error);

  g_assert_no_error (error);
  return story;
}

static void
test_from_name (void)
{
  g_autoptr(DramatisStory) story = load_story ();
  struct { DramatisItemKind kind; const char *name; const char *id; } cases[] = {
    { DRAMATIS_ITEM_ACTOR, "Kim Jong Un", "kim-jong-un" },
    { DRAMATIS_ITEM_ACTOR, "  U.N. Security   Council ", "u-n-security-council" },
    { DRAMATIS_ITEM_ACTOR, "Côte d'Ivoire", "côte-d-ivoire" },
    { DRAMATIS_ITEM_ACTOR, "", "actor" },
    { DRAMATIS_ITEM_ACTOR, NULL, "actor" },
    { DRAMATIS_ITEM_STATEMENT, "—", "statement" },
    { DRAMATIS_ITEM_RELATION, "norland supports sudmark", "norland-supports-sudmark" },
    /* Another kind's ids do not count: an actor may be called "event". */
    { DRAMATIS_ITEM_ACTOR, "Event", "event" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *id = dramatis_story_make_id (story, cases[i].kind, cases[i].name);

      g_assert_cmpstr (id, ==, cases[i].id);
    }
}

static void
test_unique (void)
{
  g_autoptr(DramatisStory) story = load_story ();
  g_autofree char *actor = dramatis_story_make_id (story, DRAMATIS_ITEM_ACTOR, "North Korea");
  g_autofree char *event = dramatis_story_make_id (story, DRAMATIS_ITEM_EVENT, "");
  g_autofree char *third = NULL;
  DramatisActor added = { .name = "North Korea" };
  g_autoptr(GError) error = NULL;

  /* north-korea and north-korea-2 are taken. */
  g_assert_cmpstr (actor, ==, "north-korea-3");
  g_assert_cmpstr (event, ==, "event-2");

  added.id = actor;
  g_assert_cmpuint (dramatis_story_add_actor (story, &added, &error), !=, DRAMATIS_NO_INDEX);
  g_assert_no_error (error);
  third = dramatis_story_make_id (story, DRAMATIS_ITEM_ACTOR, "North Korea");
  g_assert_cmpstr (third, ==, "north-korea-4");
}

static void
test_long_name (void)
{
  g_autoptr(DramatisStory) story = load_story ();
  g_autofree char *id = dramatis_story_make_id (story, DRAMATIS_ITEM_EVENT,
                                                "The Security Council meets in an emergency session "
                                                "on the deployment of troops");

  g_assert_cmpuint (strlen (id), <=, 40);
  g_assert_true (g_str_has_prefix (id, "the-security-council-meets"));
  g_assert_false (g_str_has_suffix (id, "-"));
}

static void
test_find_named (void)
{
  g_autoptr(DramatisStory) story = load_story ();

  g_assert_cmpuint (dramatis_story_find_actor_named (story, "north korea", DRAMATIS_NO_INDEX), ==, 0);
  g_assert_cmpuint (dramatis_story_find_actor_named (story, "NORTH KOREA", DRAMATIS_NO_INDEX), ==, 0);
  g_assert_cmpuint (dramatis_story_find_actor_named (story, "dprk", DRAMATIS_NO_INDEX), ==, 1);
  /* The actor itself is left out, as when it is renamed. */
  g_assert_cmpuint (dramatis_story_find_actor_named (story, "North Korea", 0), ==, DRAMATIS_NO_INDEX);
  g_assert_cmpuint (dramatis_story_find_actor_named (story, "North", DRAMATIS_NO_INDEX), ==, DRAMATIS_NO_INDEX);
  g_assert_cmpuint (dramatis_story_find_actor_named (story, "north-korea", DRAMATIS_NO_INDEX), ==,
                    DRAMATIS_NO_INDEX);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/story-ids/from-name", test_from_name);
  g_test_add_func ("/model/story-ids/unique", test_unique);
  g_test_add_func ("/model/story-ids/long-name", test_long_name);
  g_test_add_func ("/model/story-ids/find-named", test_find_named);

  return g_test_run ();
}
