/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <locale.h>
#include <malloc.h>
#include <stdlib.h>
#include <string.h>

#include "dramatis-scene.h"
#include "dramatis-story-edit.h"
#include "dramatis-story-io.h"
#include "dramatis-synthetic.h"

/* The edit benchmark: on a story of 10,000 actors, 100,000 events, 30,000
 * relations and 100,000 statements, how long an edit takes with the
 * views' update that follows it (the model's edit, then
 * dramatis_scene_update()), and its undo the same way, beside a full
 * reload of the story and its scene, measured in the same run.  Each time
 * is the median of several edits of the same kind on different items.
 *
 * Targets: each edit and each undo under 16 ms, a frame (printed, as the
 * machine's load decides it as much as the code: compare the ratios);
 * and the memory the history keeps per step proportional to what the step
 * touched, not to the story: for the same edit, a step on this story holds
 * at most 4 times what it holds on a story a hundred times smaller
 * (asserted).
 */

#define ROUNDS        5
#define RELOAD_ROUNDS 3
#define MEMORY_STEPS  400
#define TARGET_MS     16.0

static const DramatisSyntheticSize big_size = { 10000, 100000, 30000, 100000, 1 };
static const DramatisSyntheticSize small_size = { 100, 1000, 300, 1000, 1 };

typedef struct
{
  const char *name;
  /* Makes the edit @round on @story; undone after. */
  void      (*edit) (DramatisStory *story,
                     guint          round);
} Edit;

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), compare_doubles);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

static DramatisStory *
load (GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  DramatisStory *story = dramatis_story_load_bytes (bytes, "bench", &error);

  if (story == NULL)
    g_error ("%s", error->message);
  return story;
}

/* The items edited: spread over the story, the same on every run. */
static guint
pick (guint n,
      guint round)
{
  return (guint) (((guint64) round * 7919 + 13) % n);
}

static void
edit_statement_text (DramatisStory *story,
                     guint          round)
{
  guint index = pick (dramatis_story_get_n_statements (story), round);
  DramatisStatement statement = *dramatis_story_get_statement (story, index);
  g_autoptr(GError) error = NULL;

  statement.text = "The council will meet again next week.";
  if (!dramatis_story_change_statement (story, index, &statement, &error))
    g_error ("%s", error->message);
}

static void
move_actor (DramatisStory *story,
            guint          round)
{
  guint index = pick (dramatis_story_get_n_actors (story), round);

  /* As a drag ends. */
  dramatis_story_begin_edit (story, "Move Actor");
  dramatis_story_move_actor (story, index, 100.0 + round, -50.0 - round);
  dramatis_story_pin_actor (story, index, TRUE);
  dramatis_story_end_edit (story);
}

static void
add_actor_with_relation (DramatisStory *story,
                         guint          round)
{
  g_autofree char *id = g_strdup_printf ("bench-actor-%u", round);
  g_autofree char *relation_id = g_strdup_printf ("bench-relation-%u", round);
  guint other = pick (dramatis_story_get_n_actors (story), round);
  DramatisActor actor = { .id = id, .name = "New Actor", .kind = DRAMATIS_ACTOR_KIND_PERSON };
  DramatisRelation relation = { .id = relation_id, .type = "supports", .from_id = id,
                                .to_id = dramatis_story_get_actor (story, other)->id };
  g_autoptr(GError) error = NULL;

  dramatis_story_begin_edit (story, "Add Actor");
  if (dramatis_story_add_actor (story, &actor, &error) == DRAMATIS_NO_INDEX ||
      dramatis_story_add_relation (story, &relation, &error) == DRAMATIS_NO_INDEX)
    g_error ("%s", error->message);
  dramatis_story_end_edit (story);
}

static void
change_event_date (DramatisStory *story,
                   guint          round)
{
  guint index = pick (dramatis_story_get_n_events (story), round);
  DramatisEvent event = *dramatis_story_get_event (story, index);
  g_autoptr(GError) error = NULL;

  if (!dramatis_date_parse ("2011-03-17", &event.when.start, &error))
    g_error ("%s", error->message);
  event.when.end = (DramatisDate) { 0 };
  if (!dramatis_story_change_event (story, index, &event, &error))
    g_error ("%s", error->message);
}

/* The busiest actors: most relations and statements first. */
static guint
busy_actor (DramatisStory *story,
            guint          round)
{
  guint best = 0, best_count = 0, skip = round;

  /* The round-th busiest, found by walking down from the top. */
  for (;;)
    {
      guint limit = best_count;

      best_count = 0;
      for (guint a = 0; a < dramatis_story_get_n_actors (story); a++)
        {
          guint n_relations, n_statements, count;

          dramatis_story_get_actor_relations (story, a, &n_relations);
          dramatis_story_get_actor_statements (story, a, &n_statements);
          count = n_relations + n_statements;
          if (count > best_count && (limit == 0 || count < limit))
            {
              best = a;
              best_count = count;
            }
        }
      if (skip-- == 0 || best_count == 0)
        return best;
    }
}

static guint busy[ROUNDS];

static void
delete_busy_actor (DramatisStory *story,
                   guint          round)
{
  dramatis_story_remove_actor (story, busy[round]);
}

static const Edit edits[] = {
  { "change a statement's text", edit_statement_text },
  { "move an actor (drag: move and pin)", move_actor },
  { "add an actor with a relation", add_actor_with_relation },
  { "change an event's date", change_event_date },
  { "delete a busy actor", delete_busy_actor },
};

static void
print_figure (const char *what,
              double      ms,
              double      reload_ms)
{
  g_print ("  %-44s %8.2f ms  %7.4f of a reload   target < %.0f ms: %s\n", what, ms, ms / reload_ms,
           TARGET_MS, ms < TARGET_MS ? "met" : "MISSED");
}

/* Bytes in use on the heap, small blocks and mapped ones alike. */
static gsize
heap_in_use (void)
{
  struct mallinfo2 info = mallinfo2 ();

  return info.uordblks + info.hblkhd;
}

/* What the history of @bytes' story holds per step of @edit, over steps
 * of different items, with the views following.
 */
static double
bytes_per_step (GBytes     *bytes,
                const Edit *edit)
{
  g_autoptr(DramatisStory) story = load (bytes);
  DramatisTheme t;
  g_autoptr(DramatisScene) scene = NULL;
  gsize before, after;

  dramatis_theme_init (&t, DRAMATIS_THEME_LIGHT);
  scene = dramatis_scene_new (story, &t);

  /* One step first, so that what the first edit sets up once (the
   * history's arrays, the indexes' scratch) is not counted.
   */
  edit->edit (story, 0);
  dramatis_scene_update (scene);
  malloc_trim (0);
  before = heap_in_use ();
  for (guint i = 1; i <= MEMORY_STEPS; i++)
    {
      edit->edit (story, i);
      dramatis_scene_update (scene);
    }
  malloc_trim (0);
  after = heap_in_use ();

  dramatis_theme_clear (&t);
  return after > before ? (double) (after - before) / MEMORY_STEPS : 0.0;
}

int
main (int    argc,
      char **argv)
{
  DramatisSyntheticSize size = big_size;
  DramatisSyntheticSize small = small_size;
  g_autoptr(GString) text = NULL;
  g_autoptr(GString) small_text = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) small_bytes = NULL;
  g_autoptr(DramatisStory) story = NULL;
  g_autoptr(DramatisScene) scene = NULL;
  DramatisTheme theme;
  double reload_ms[RELOAD_ROUNDS], reload;
  gboolean all_met = TRUE;
  const Edit *memory_edits[] = { &edits[0], &edits[1] };

  setlocale (LC_ALL, "");

  if (argc == 2 && strcmp (argv[1], "--small") == 0)
    {
      /* A quick run for checking the benchmark itself. */
      size.n_actors /= 10;
      size.n_events /= 10;
      size.n_relations /= 10;
      size.n_statements /= 10;
    }

  dramatis_theme_init (&theme, DRAMATIS_THEME_LIGHT);
  text = dramatis_synthetic_story (&size);
  bytes = g_bytes_new (text->str, text->len);
  small_text = dramatis_synthetic_story (&small);
  small_bytes = g_bytes_new (small_text->str, small_text->len);

  g_print ("Story: %u events, %u actors, %u relations, %u statements\n",
           size.n_events, size.n_actors, size.n_relations, size.n_statements);

  /* The yardstick: loading the story and making its scene again. */
  for (guint round = 0; round < RELOAD_ROUNDS; round++)
    {
      g_autoptr(DramatisStory) again = NULL;
      g_autoptr(DramatisScene) again_scene = NULL;
      double t = now_ms ();

      again = load (bytes);
      again_scene = dramatis_scene_new (again, &theme);
      reload_ms[round] = now_ms () - t;
      g_assert_nonnull (again_scene);
    }
  reload = median (reload_ms, RELOAD_ROUNDS);
  g_print ("full reload of the story and its scene: %.0f ms (median of %d)\n\n", reload, RELOAD_ROUNDS);

  story = load (bytes);
  scene = dramatis_scene_new (story, &theme);
  for (guint round = 0; round < ROUNDS; round++)
    busy[round] = busy_actor (story, round);

  g_print ("Edit, then dramatis_scene_update() (median of %d):\n", ROUNDS);
  for (guint e = 0; e < G_N_ELEMENTS (edits); e++)
    {
      double edit_ms[ROUNDS], undo_ms[ROUNDS], ms;
      g_autofree char *undo_name = g_strdup_printf ("undo: %s", edits[e].name);

      for (guint round = 0; round < ROUNDS; round++)
        {
          double t = now_ms ();

          edits[e].edit (story, round);
          dramatis_scene_update (scene);
          edit_ms[round] = now_ms () - t;

          t = now_ms ();
          if (!dramatis_story_undo (story))
            g_error ("nothing to undo after %s", edits[e].name);
          dramatis_scene_update (scene);
          undo_ms[round] = now_ms () - t;
        }

      ms = median (edit_ms, ROUNDS);
      all_met &= ms < TARGET_MS;
      print_figure (edits[e].name, ms, reload);
      ms = median (undo_ms, ROUNDS);
      all_met &= ms < TARGET_MS;
      print_figure (undo_name, ms, reload);
    }
  g_print ("every edit and undo under %.0f ms: %s\n\n", TARGET_MS, all_met ? "met" : "MISSED");

  g_print ("Undo memory per step (%d steps of each):\n", MEMORY_STEPS);
  for (guint e = 0; e < G_N_ELEMENTS (memory_edits); e++)
    {
      double big_bytes = bytes_per_step (bytes, memory_edits[e]);
      double small_bytes_per_step = bytes_per_step (small_bytes, memory_edits[e]);
      double ratio = big_bytes / MAX (small_bytes_per_step, 1.0);

      g_print ("  %-44s %8.0f B a step on %u actors, %8.0f B on %u: ratio %.2f   target < 4: %s\n",
               memory_edits[e]->name, big_bytes, size.n_actors, small_bytes_per_step, small.n_actors,
               ratio, ratio < 4 ? "met" : "MISSED");
      g_assert_cmpfloat (ratio, <, 4.0);
    }

  dramatis_theme_clear (&theme);
  return 0;
}
