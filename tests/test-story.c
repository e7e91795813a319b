/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "dramatis-story-io.h"
#include "dramatis-synthetic.h"

/* The queries the views rely on, checked on a small story whose answers are
 * known, and against brute force on a large synthetic one.
 */

static DramatisStory *
load_fixture (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  DramatisStory *story;

  story = dramatis_story_load_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (story);

  return story;
}

static gint64
first_second (const char *text)
{
  DramatisDate date;

  g_assert_true (dramatis_date_parse (text, &date, NULL));
  return dramatis_date_get_first_second (&date);
}

static char *
event_ids_in_range (DramatisStory *story,
                    const char    *from,
                    const char    *to)
{
  g_autoptr(GArray) indices = g_array_new (FALSE, FALSE, sizeof (guint));
  GString *ids = g_string_new (NULL);

  dramatis_story_collect_events_in_range (story, first_second (from), first_second (to), indices);
  for (guint i = 0; i < indices->len; i++)
    {
      const DramatisEvent *event = dramatis_story_get_event (story, g_array_index (indices, guint, i));

      g_string_append_printf (ids, "%s%s", i ? " " : "", event->id);
    }

  return g_string_free (ids, FALSE);
}

static void
test_events_by_time (void)
{
  g_autoptr(DramatisStory) story = load_fixture ("queries.dramatis.json");
  const guint *order;
  guint n_dated;
  GString *ids = g_string_new (NULL);
  g_autofree char *text = NULL;

  order = dramatis_story_get_events_by_time (story, &n_dated);
  g_assert_cmpuint (n_dated, ==, 5);
  for (guint i = 0; i < dramatis_story_get_n_events (story); i++)
    g_string_append_printf (ids, "%s%s", i ? " " : "", dramatis_story_get_event (story, order[i])->id);

  /* The year 2024 starts with January, so the year comes first; the
   * undated event follows the dated ones.
   */
  text = g_string_free (ids, FALSE);
  g_assert_cmpstr (text, ==, "war year-2024 jan-2024 jan-15 nov-04 undated");
}

static void
test_events_in_range (void)
{
  g_autoptr(DramatisStory) story = load_fixture ("queries.dramatis.json");
  g_autofree char *march = NULL;
  g_autofree char *january = NULL;
  g_autofree char *edge = NULL;
  g_autofree char *before = NULL;
  g_autofree char *all = NULL;

  /* The long war (2022–2025) overlaps March 2024 though it starts long before. */
  march = event_ids_in_range (story, "2024-03-01", "2024-04-01");
  g_assert_cmpstr (march, ==, "war year-2024");

  january = event_ids_in_range (story, "2024-01-15", "2024-01-16");
  g_assert_cmpstr (january, ==, "war year-2024 jan-2024 jan-15");

  /* The range end is exclusive: an event on November 4 is not in a range
   * ending at its start.
   */
  edge = event_ids_in_range (story, "2024-11-01", "2024-11-04");
  g_assert_cmpstr (edge, ==, "war year-2024");

  before = event_ids_in_range (story, "1990", "2000");
  g_assert_cmpstr (before, ==, "");

  all = event_ids_in_range (story, "1900", "2100");
  g_assert_cmpstr (all, ==, "war year-2024 jan-2024 jan-15 nov-04");
}

static void
test_actor_queries (void)
{
  g_autoptr(DramatisStory) story = load_fixture ("queries.dramatis.json");
  g_autoptr(GArray) neighbours = NULL;
  guint ana = dramatis_story_find_actor (story, "ana");
  guint bo = dramatis_story_find_actor (story, "bo");
  guint land = dramatis_story_find_actor (story, "land");
  const guint *items;
  guint n;

  g_assert_cmpuint (ana, !=, DRAMATIS_NO_INDEX);
  g_assert_cmpuint (dramatis_story_find_actor (story, "nobody"), ==, DRAMATIS_NO_INDEX);

  /* What Ana said, by date whatever the order of the file. */
  items = dramatis_story_get_actor_statements (story, ana, &n);
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpstr (dramatis_story_get_statement (story, items[0])->id, ==, "s-jan");
  g_assert_cmpstr (dramatis_story_get_statement (story, items[1])->id, ==, "s-nov");
  g_assert_cmpstr (dramatis_story_get_statement (story, items[2])->id, ==, "s-undated");

  items = dramatis_story_get_actor_statements (story, bo, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpstr (dramatis_story_get_statement (story, items[0])->id, ==, "s-bo");

  /* Relations from and to, each once, a self-relation too. */
  items = dramatis_story_get_actor_relations (story, ana, &n);
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpstr (dramatis_story_get_relation (story, items[0])->id, ==, "r-represents");
  g_assert_cmpstr (dramatis_story_get_relation (story, items[1])->id, ==, "r-condemns");
  g_assert_cmpstr (dramatis_story_get_relation (story, items[2])->id, ==, "r-self");

  neighbours = dramatis_story_get_actor_neighbours (story, ana);
  g_assert_cmpuint (neighbours->len, ==, 2);
  g_assert_cmpuint (g_array_index (neighbours, guint, 0), ==, land);
  g_assert_cmpuint (g_array_index (neighbours, guint, 1), ==, bo);

  /* Ana takes part twice in jan-15 and is listed there once; events by time. */
  items = dramatis_story_get_actor_events (story, ana, &n);
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpstr (dramatis_story_get_event (story, items[0])->id, ==, "jan-15");
  g_assert_cmpstr (dramatis_story_get_event (story, items[1])->id, ==, "nov-04");
  g_assert_cmpstr (dramatis_story_get_event (story, items[2])->id, ==, "undated");

  /* The actors of an event are its participants. */
  {
    const DramatisEvent *event = dramatis_story_get_event (story, dramatis_story_find_event (story, "nov-04"));

    g_assert_cmpuint (event->n_participants, ==, 2);
    g_assert_cmpuint (event->participants[0].actor, ==, ana);
    g_assert_cmpuint (event->participants[1].actor, ==, bo);
    g_assert_cmpstr (event->participants[1].role, ==, "host");
  }
}

static void
test_event_statements (void)
{
  g_autoptr(DramatisStory) story = load_fixture ("queries.dramatis.json");
  guint nov = dramatis_story_find_event (story, "nov-04");
  guint war = dramatis_story_find_event (story, "war");
  const guint *items;
  guint n;

  items = dramatis_story_get_event_statements (story, nov, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpstr (dramatis_story_get_statement (story, items[0])->id, ==, "s-nov");
  g_assert_cmpstr (dramatis_story_get_statement (story, items[1])->id, ==, "s-bo");

  dramatis_story_get_event_statements (story, war, &n);
  g_assert_cmpuint (n, ==, 0);
}

static void
test_time_bounds (void)
{
  g_autoptr(DramatisStory) story = load_fixture ("queries.dramatis.json");
  g_autoptr(DramatisStory) empty = dramatis_story_new ();
  gint64 first, end;

  g_assert_true (dramatis_story_get_time_bounds (story, &first, &end));
  g_assert_cmpint (first, ==, first_second ("2022-02-24"));
  g_assert_cmpint (end, ==, first_second ("2026"));

  g_assert_false (dramatis_story_get_time_bounds (empty, &first, &end));
  g_assert_cmpuint (dramatis_story_get_n_events (empty), ==, 0);
}

static void
test_evidence_text (void)
{
  g_autoptr(DramatisStory) story = load_fixture ("queries.dramatis.json");
  const DramatisStatement *s = dramatis_story_get_statement (story, dramatis_story_find_statement (story, "s-jan"));
  g_autofree char *passage = NULL;

  g_assert_cmpuint (s->n_evidence, ==, 1);
  /* Offsets count characters: the source starts with a multi-byte one. */
  passage = dramatis_story_dup_evidence_text (story, &s->evidence[0]);
  g_assert_cmpstr (passage, ==, "“Peace,” said Ana.");
}

static void
test_positions (void)
{
  g_autoptr(DramatisStory) story = load_fixture ("queries.dramatis.json");
  guint bo = dramatis_story_find_actor (story, "bo");
  const DramatisActor *actor = dramatis_story_get_actor (story, bo);

  g_assert_false (actor->has_position);
  dramatis_story_set_actor_position (story, bo, 12.5, -3.25, TRUE);
  g_assert_true (actor->has_position);
  g_assert_true (actor->pinned);
  g_assert_cmpfloat (actor->x, ==, 12.5);
  g_assert_cmpfloat (actor->y, ==, -3.25);

  dramatis_story_clear_actor_positions (story);
  g_assert_false (actor->has_position);
  g_assert_false (actor->pinned);
}

/* On a large story, every index must agree with a plain scan. */
static void
test_synthetic_against_brute_force (void)
{
  DramatisSyntheticSize size = { 300, 2000, 900, 2500, 7 };
  g_autoptr(GString) text = dramatis_synthetic_story (&size);
  g_autoptr(GBytes) bytes = g_bytes_new (text->str, text->len);
  g_autoptr(GError) error = NULL;
  g_autoptr(DramatisStory) story = dramatis_story_load_bytes (bytes, "synthetic", &error);
  g_autoptr(GRand) rand = g_rand_new_with_seed (11);
  guint n_problems;

  g_assert_no_error (error);
  dramatis_story_get_problems (story, &n_problems);
  g_assert_cmpuint (n_problems, ==, 0);
  g_assert_cmpuint (dramatis_story_get_n_events (story), ==, size.n_events);
  g_assert_cmpuint (dramatis_story_get_n_statements (story), ==, size.n_statements);

  for (guint q = 0; q < 200; q++)
    {
      g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (guint));
      gint64 from = first_second ("1990") + (gint64) g_rand_int_range (rand, 0, 36 * 365) * 86400;
      gint64 to = from + (gint64) g_rand_int_range (rand, 1, 400) * 86400;
      guint expected = 0;

      dramatis_story_collect_events_in_range (story, from, to, found);
      for (guint e = 0; e < dramatis_story_get_n_events (story); e++)
        {
          const DramatisEvent *event = dramatis_story_get_event (story, e);

          if (dramatis_span_get_first_second (&event->when) < to &&
              dramatis_span_get_end_second (&event->when) > from)
            expected++;
        }
      g_assert_cmpuint (found->len, ==, expected);

      for (guint i = 1; i < found->len; i++)
        {
          const DramatisEvent *a = dramatis_story_get_event (story, g_array_index (found, guint, i - 1));
          const DramatisEvent *b = dramatis_story_get_event (story, g_array_index (found, guint, i));

          g_assert_cmpint (dramatis_span_compare (&a->when, &b->when), <=, 0);
        }
    }

  for (guint a = 0; a < dramatis_story_get_n_actors (story); a++)
    {
      guint n_said, n_related, expected_said = 0, expected_related = 0;

      dramatis_story_get_actor_statements (story, a, &n_said);
      dramatis_story_get_actor_relations (story, a, &n_related);

      for (guint s = 0; s < dramatis_story_get_n_statements (story); s++)
        expected_said += dramatis_story_get_statement (story, s)->speaker == a;
      for (guint r = 0; r < dramatis_story_get_n_relations (story); r++)
        {
          const DramatisRelation *relation = dramatis_story_get_relation (story, r);

          expected_related += relation->from == a || relation->to == a;
        }

      g_assert_cmpuint (n_said, ==, expected_said);
      g_assert_cmpuint (n_related, ==, expected_related);
    }
}

static void
test_synthetic_deterministic (void)
{
  DramatisSyntheticSize size = { 50, 100, 80, 100, 3 };
  g_autoptr(GString) a = dramatis_synthetic_story (&size);
  g_autoptr(GString) b = dramatis_synthetic_story (&size);
  g_autoptr(GString) c = NULL;

  g_assert_cmpstr (a->str, ==, b->str);
  size.seed = 4;
  c = dramatis_synthetic_story (&size);
  g_assert_cmpstr (a->str, !=, c->str);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/story/events-by-time", test_events_by_time);
  g_test_add_func ("/model/story/events-in-range", test_events_in_range);
  g_test_add_func ("/model/story/actor-queries", test_actor_queries);
  g_test_add_func ("/model/story/event-statements", test_event_statements);
  g_test_add_func ("/model/story/time-bounds", test_time_bounds);
  g_test_add_func ("/model/story/evidence-text", test_evidence_text);
  g_test_add_func ("/model/story/positions", test_positions);
  g_test_add_func ("/model/story/synthetic-against-brute-force", test_synthetic_against_brute_force);
  g_test_add_func ("/model/story/synthetic-deterministic", test_synthetic_deterministic);

  return g_test_run ();
}
