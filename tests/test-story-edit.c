/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "dramatis-story-edit.h"
#include "dramatis-story-io.h"
#include "dramatis-story-edit-private.h"
#include "dramatis-test-utils.h"

/* Editing a story: every edit applied, undone and redone gives back equal
 * stories, refused edits change nothing, and the indexes always agree with
 * those of the story saved and loaded again.
 */

static DramatisStory *
load_builtin (void)
{
  DramatisStory *story = dramatis_test_load_story ("test-story-edit", NULL);

  g_assert_nonnull (story);
  return story;
}

/* The story as a fresh load of what saving it writes. */
static DramatisStory *
reload (DramatisStory *story)
{
  g_autoptr(GBytes) bytes = dramatis_story_to_bytes (story);
  g_autoptr(GError) error = NULL;
  DramatisStory *again = dramatis_story_load_bytes (bytes, "saved", &error);
  guint n_problems;

  g_assert_no_error (error);
  dramatis_story_get_problems (again, &n_problems);
  g_assert_cmpuint (n_problems, ==, 0);

  return again;
}

static void
assert_same_list (const guint *a,
                  guint        n_a,
                  const guint *b,
                  guint        n_b)
{
  g_assert_cmpmem (a, n_a * sizeof (guint), b, n_b * sizeof (guint));
}

/* Every query of @story answers as that of a fresh load of it, which is
 * returned.
 */
static DramatisStory *
check_indexes_fresh (DramatisStory *story)
{
  g_autoptr(DramatisStory) fresh = reload (story);
  const guint *a, *b;
  guint n_a, n_b, n_events = dramatis_story_get_n_events (story);
  gint64 first_a = 0, end_a = 0, first_b = 0, end_b = 0;

  g_assert_true (dramatis_story_equal (story, fresh));

  a = dramatis_story_get_events_by_time (story, &n_a);
  b = dramatis_story_get_events_by_time (fresh, &n_b);
  assert_same_list (a, n_events, b, n_events);
  g_assert_cmpuint (n_a, ==, n_b);
  g_assert_cmpint (dramatis_story_get_time_bounds (story, &first_a, &end_a), ==,
                   dramatis_story_get_time_bounds (fresh, &first_b, &end_b));
  g_assert_cmpint (first_a, ==, first_b);
  g_assert_cmpint (end_a, ==, end_b);

  for (guint i = 0; i < dramatis_story_get_n_actors (story); i++)
    {
      g_autoptr(GArray) na = dramatis_story_get_actor_neighbours (story, i);
      g_autoptr(GArray) nb = dramatis_story_get_actor_neighbours (fresh, i);

      a = dramatis_story_get_actor_statements (story, i, &n_a);
      b = dramatis_story_get_actor_statements (fresh, i, &n_b);
      assert_same_list (a, n_a, b, n_b);
      a = dramatis_story_get_actor_relations (story, i, &n_a);
      b = dramatis_story_get_actor_relations (fresh, i, &n_b);
      assert_same_list (a, n_a, b, n_b);
      a = dramatis_story_get_actor_events (story, i, &n_a);
      b = dramatis_story_get_actor_events (fresh, i, &n_b);
      assert_same_list (a, n_a, b, n_b);
      assert_same_list ((guint *) (gpointer) na->data, na->len, (guint *) (gpointer) nb->data, nb->len);
      g_assert_cmpuint (dramatis_story_get_actor (story, i)->affiliation, ==,
                        dramatis_story_get_actor (fresh, i)->affiliation);
      g_assert_cmpuint (dramatis_story_find_actor (story, dramatis_story_get_actor (story, i)->id), ==, i);
    }

  for (guint i = 0; i < n_events; i++)
    {
      const DramatisEvent *ea = dramatis_story_get_event (story, i);
      const DramatisEvent *eb = dramatis_story_get_event (fresh, i);

      a = dramatis_story_get_event_statements (story, i, &n_a);
      b = dramatis_story_get_event_statements (fresh, i, &n_b);
      assert_same_list (a, n_a, b, n_b);
      for (guint j = 0; j < ea->n_participants; j++)
        g_assert_cmpuint (ea->participants[j].actor, ==, eb->participants[j].actor);
    }

  for (guint i = 0; i < dramatis_story_get_n_relations (story); i++)
    {
      const DramatisRelation *ra = dramatis_story_get_relation (story, i);
      const DramatisRelation *rb = dramatis_story_get_relation (fresh, i);

      g_assert_cmpuint (ra->from, ==, rb->from);
      g_assert_cmpuint (ra->to, ==, rb->to);
      g_assert_cmpuint (dramatis_story_find_relation (story, ra->id), ==, i);
    }

  for (guint i = 0; i < dramatis_story_get_n_statements (story); i++)
    {
      const DramatisStatement *sa = dramatis_story_get_statement (story, i);
      const DramatisStatement *sb = dramatis_story_get_statement (fresh, i);

      g_assert_cmpuint (sa->speaker, ==, sb->speaker);
      g_assert_cmpuint (sa->event, ==, sb->event);
      g_assert_cmpuint (sa->audience, ==, sb->audience);
      assert_same_list (sa->about, sa->n_about, sb->about, sb->n_about);
      for (guint j = 0; j < sa->n_evidence; j++)
        g_assert_cmpuint (sa->evidence[j].source, ==, sb->evidence[j].source);
      g_assert_cmpuint (dramatis_story_find_statement (story, sa->id), ==, i);
    }

  return g_steal_pointer (&fresh);
}

static void
assert_indexes_fresh (DramatisStory *story)
{
  g_autoptr(DramatisStory) fresh = check_indexes_fresh (story);
}

/* Each edit, done, undone and redone */

typedef void (*EditFunc) (DramatisStory *story);

static void
check_do_undo_redo (EditFunc    edit,
                    const char *name)
{
  g_autoptr(DramatisStory) story = load_builtin ();
  g_autoptr(DramatisStory) before = reload (story);
  g_autoptr(DramatisStory) after = NULL;
  DramatisHistory *history = dramatis_story_get_history (story);

  edit (story);
  g_assert_cmpstr (dramatis_history_get_undo_name (history), ==, name);
  g_assert_true (dramatis_history_is_modified (history));
  after = reload (story);
  g_assert_false (dramatis_story_equal (before, after));
  assert_indexes_fresh (story);

  g_assert_true (dramatis_story_undo (story));
  g_assert_true (dramatis_story_equal (story, before));
  g_assert_false (dramatis_history_is_modified (history));
  g_assert_false (dramatis_history_can_undo (history));
  assert_indexes_fresh (story);

  g_assert_true (dramatis_story_redo (story));
  g_assert_true (dramatis_story_equal (story, after));
  assert_indexes_fresh (story);
}

static void
edit_move (DramatisStory *story)
{
  g_assert_true (dramatis_story_move_actor (story, 3, 12.5, -40.0));
  g_assert_false (dramatis_story_move_actor (story, 3, 12.5, -40.0));
}

static void
edit_pin (DramatisStory *story)
{
  dramatis_story_begin_edit (story, "Pin Here");
  dramatis_story_move_actor (story, 2, 1.0, 2.0);
  g_assert_true (dramatis_story_pin_actor (story, 2, TRUE));
  dramatis_story_end_edit (story);
}

static void
edit_add_actor (DramatisStory *story)
{
  const char *names[] = { "The Other Name" };
  DramatisActor actor = {
    .id = "new-actor", .name = "New Actor", .kind = DRAMATIS_ACTOR_KIND_PERSON,
    .role = "envoy", .summary = "Someone new.", .n_other_names = 1, .other_names = names,
    .affiliation_id = dramatis_story_get_actor (story, 0)->id,
  };
  guint n = dramatis_story_get_n_actors (story);

  g_assert_cmpuint (dramatis_story_add_actor (story, &actor, NULL), ==, n);
  g_assert_cmpuint (dramatis_story_get_actor (story, n)->affiliation, ==, 0);
}

static void
edit_change_actor (DramatisStory *story)
{
  DramatisActor actor = *dramatis_story_get_actor (story, 5);

  actor.name = "Renamed";
  actor.kind = DRAMATIS_ACTOR_KIND_GROUP;
  g_assert_true (dramatis_story_change_actor (story, 5, &actor, NULL));
}

static guint
busiest_actor (DramatisStory *story)
{
  guint best = 0, best_count = 0;

  for (guint i = 0; i < dramatis_story_get_n_actors (story); i++)
    {
      guint n_statements, n_relations;

      dramatis_story_get_actor_statements (story, i, &n_statements);
      dramatis_story_get_actor_relations (story, i, &n_relations);
      if (n_statements > 0 && n_statements + n_relations > best_count)
        {
          best = i;
          best_count = n_statements + n_relations;
        }
    }

  return best;
}

static void
edit_remove_actor (DramatisStory *story)
{
  guint actor = busiest_actor (story);
  g_autofree char *id = g_strdup (dramatis_story_get_actor (story, actor)->id);
  guint n_relations = dramatis_story_get_n_relations (story);
  guint n_statements = dramatis_story_get_n_statements (story);

  dramatis_story_remove_actor (story, actor);

  g_assert_cmpuint (dramatis_story_find_actor (story, id), ==, DRAMATIS_NO_INDEX);
  g_assert_cmpuint (dramatis_story_get_n_relations (story), <, n_relations);
  g_assert_cmpuint (dramatis_story_get_n_statements (story), <, n_statements);
  for (guint i = 0; i < dramatis_story_get_n_relations (story); i++)
    {
      const DramatisRelation *r = dramatis_story_get_relation (story, i);

      g_assert_cmpstr (r->from_id, !=, id);
      g_assert_cmpstr (r->to_id, !=, id);
    }
}

static void
edit_add_relation (DramatisStory *story)
{
  const DramatisSource *source = dramatis_story_get_source (story, 0);
  g_autofree char *exact = g_utf8_substring (source->text, 4, 20);
  DramatisEvidence evidence = { 0, source->id, 4, 20, exact };
  DramatisRelation relation = {
    .id = "new-relation", .type = "ally", .label = "allied",
    .from_id = dramatis_story_get_actor (story, 1)->id,
    .to_id = dramatis_story_get_actor (story, 2)->id,
    .direction = DRAMATIS_DIRECTION_MUTUAL, .n_evidence = 1, .evidence = &evidence,
  };

  g_assert_true (dramatis_date_parse ("2024-10", &relation.when.start, NULL));
  g_assert_cmpuint (dramatis_story_add_relation (story, &relation, NULL), !=, DRAMATIS_NO_INDEX);
}

static void
edit_change_relation (DramatisStory *story)
{
  DramatisRelation relation = *dramatis_story_get_relation (story, 4);

  relation.to_id = dramatis_story_get_actor (story, 0)->id;
  relation.label = "changed";
  relation.n_evidence = 0;
  g_assert_true (dramatis_story_change_relation (story, 4, &relation, NULL));
}

static void
edit_remove_relation (DramatisStory *story)
{
  dramatis_story_remove_relation (story, 0);
}

static void
edit_add_statement (DramatisStory *story)
{
  const char *about[] = { dramatis_story_get_actor (story, 4)->id, dramatis_story_get_actor (story, 6)->id };
  DramatisStatement statement = {
    .id = "new-statement", .speaker_id = dramatis_story_get_actor (story, 3)->id,
    .text = "We deny it.", .attribution = "said", .event_id = dramatis_story_get_event (story, 1)->id,
    .audience_id = dramatis_story_get_actor (story, 2)->id, .n_about = 2, .about_ids = about,
  };

  g_assert_true (dramatis_date_parse ("2024-10-30", &statement.date, NULL));
  g_assert_cmpuint (dramatis_story_add_statement (story, &statement, NULL), !=, DRAMATIS_NO_INDEX);
}

static void
edit_change_statement (DramatisStory *story)
{
  DramatisStatement statement = *dramatis_story_get_statement (story, 2);

  statement.text = "Something else.";
  statement.speaker_id = dramatis_story_get_actor (story, 7)->id;
  g_assert_true (dramatis_date_parse ("2023", &statement.date, NULL));
  g_assert_true (dramatis_story_change_statement (story, 2, &statement, NULL));
}

static void
edit_remove_statement (DramatisStory *story)
{
  dramatis_story_remove_statement (story, 1);
}

static void
edit_add_event (DramatisStory *story)
{
  const DramatisSource *source = dramatis_story_get_source (story, 0);
  DramatisParticipant participants[] = {
    { dramatis_story_get_actor (story, 2)->id, 0, "host" },
    { dramatis_story_get_actor (story, 3)->id, 0, NULL },
  };
  DramatisEvidence evidence = { 0, source->id, 0, 12, NULL };
  DramatisEvent event = {
    .id = "new-event", .name = "Talks", .description = "They met.", .classification = "meeting",
    .location = "Geneva", .date_note = "early in the month", .n_participants = 2,
    .participants = participants, .n_evidence = 1, .evidence = &evidence,
  };
  const guint *events;
  guint index, n_events;
  gboolean found = FALSE;

  g_assert_true (dramatis_date_parse ("2024-11-02", &event.when.start, NULL));
  g_assert_true (dramatis_date_parse ("2024-11-05", &event.when.end, NULL));
  index = dramatis_story_add_event (story, &event, NULL);
  g_assert_cmpuint (index, !=, DRAMATIS_NO_INDEX);

  /* The new event is in the time index and in its participants' events. */
  events = dramatis_story_get_actor_events (story, 2, &n_events);
  for (guint i = 0; i < n_events; i++)
    found |= events[i] == index;
  g_assert_true (found);
}

static void
edit_change_event (DramatisStory *story)
{
  DramatisEvent event = *dramatis_story_get_event (story, 0);
  guint n_dated;

  event.name = "Renamed event";
  event.n_participants = 0;
  g_assert_true (dramatis_date_parse ("1999", &event.when.start, NULL));
  event.when.end = (DramatisDate) { 0 };
  g_assert_true (dramatis_story_change_event (story, 0, &event, NULL));
  /* The earliest event now. */
  g_assert_cmpuint (dramatis_story_get_events_by_time (story, &n_dated)[0], ==, 0);
}

static guint
event_with_statements (DramatisStory *story)
{
  for (guint i = 0; i < dramatis_story_get_n_events (story); i++)
    {
      guint n;

      dramatis_story_get_event_statements (story, i, &n);
      if (n > 0)
        return i;
    }

  g_assert_not_reached ();
}

static void
edit_remove_event (DramatisStory *story)
{
  guint event = event_with_statements (story);
  g_autofree char *id = g_strdup (dramatis_story_get_event (story, event)->id);

  dramatis_story_remove_event (story, event);
  g_assert_cmpuint (dramatis_story_find_event (story, id), ==, DRAMATIS_NO_INDEX);
  for (guint i = 0; i < dramatis_story_get_n_statements (story); i++)
    g_assert_cmpstr (dramatis_story_get_statement (story, i)->event_id, !=, id);
}

static void
edit_add_source (DramatisStory *story)
{
  DramatisSource source = { .id = "new-source", .title = "A new article", .publisher = "A paper",
                            .url = "https://example.org/a", .license = "CC-BY-4.0",
                            .text = "Ünïcödé text of the article." };
  DramatisEvidence evidence = { 0, "new-source", 0, 7, "Ünïcödé" };
  DramatisRelation relation = *dramatis_story_get_relation (story, 0);

  g_assert_true (dramatis_date_parse ("2024-10-31", &source.published, NULL));
  dramatis_story_begin_edit (story, "Add Source");
  g_assert_cmpuint (dramatis_story_add_source (story, &source, NULL), !=, DRAMATIS_NO_INDEX);
  g_assert_cmpuint (dramatis_story_get_source (story, 1)->text_length, ==, 28);

  /* Evidence can point into it at once. */
  relation.n_evidence = 1;
  relation.evidence = &evidence;
  g_assert_true (dramatis_story_change_relation (story, 0, &relation, NULL));
  dramatis_story_end_edit (story);
}

static void
edit_change_source (DramatisStory *story)
{
  DramatisSource source = *dramatis_story_get_source (story, 0);
  g_autofree char *text = g_strconcat (source.text, " And more.", NULL);

  source.title = "Retitled";
  source.text = text;
  g_assert_true (dramatis_story_change_source (story, 0, &source, NULL));
}

static guint
count_evidence (DramatisStory *story)
{
  guint n = 0;

  for (guint i = 0; i < dramatis_story_get_n_events (story); i++)
    n += dramatis_story_get_event (story, i)->n_evidence;
  for (guint i = 0; i < dramatis_story_get_n_relations (story); i++)
    n += dramatis_story_get_relation (story, i)->n_evidence;
  for (guint i = 0; i < dramatis_story_get_n_statements (story); i++)
    n += dramatis_story_get_statement (story, i)->n_evidence;

  return n;
}

static void
edit_remove_source (DramatisStory *story)
{
  g_assert_cmpuint (count_evidence (story), >, 0);
  dramatis_story_remove_source (story, 0);
  g_assert_cmpuint (dramatis_story_get_n_sources (story), ==, 0);
  g_assert_cmpuint (count_evidence (story), ==, 0);
}

static void
edit_change_info (DramatisStory *story)
{
  g_autofree char *title = g_strconcat (dramatis_story_get_title (story), " (edited)", NULL);

  dramatis_story_change_info (story, title, NULL, "de");
  g_assert_cmpstr (dramatis_story_get_title (story), ==, title);
  g_assert_null (dramatis_story_get_description (story));
  g_assert_cmpstr (dramatis_story_get_language (story), ==, "de");
}

static void
test_each_edit (void)
{
  check_do_undo_redo (edit_change_info, "Change Story Details");
  check_do_undo_redo (edit_move, "Move Actor");
  check_do_undo_redo (edit_pin, "Pin Here");
  check_do_undo_redo (edit_add_actor, "Add Actor");
  check_do_undo_redo (edit_change_actor, "Change Actor");
  check_do_undo_redo (edit_remove_actor, "Delete Actor");
  check_do_undo_redo (edit_add_source, "Add Source");
  check_do_undo_redo (edit_change_source, "Change Source");
  check_do_undo_redo (edit_remove_source, "Delete Source");
  check_do_undo_redo (edit_add_event, "Add Event");
  check_do_undo_redo (edit_change_event, "Change Event");
  check_do_undo_redo (edit_remove_event, "Delete Event");
  check_do_undo_redo (edit_add_relation, "Add Relation");
  check_do_undo_redo (edit_change_relation, "Change Relation");
  check_do_undo_redo (edit_remove_relation, "Delete Relation");
  check_do_undo_redo (edit_add_statement, "Add Statement");
  check_do_undo_redo (edit_change_statement, "Change Statement");
  check_do_undo_redo (edit_remove_statement, "Delete Statement");
}

/* Refused edits */

static void
assert_refused (DramatisStory *story,
                DramatisStory *unchanged,
                gboolean       done,
                GError       **error)
{
  /* The error is read here, once the edit was tried. */
  g_assert_false (done);
  g_assert_error (*error, DRAMATIS_STORY_EDIT_ERROR, DRAMATIS_STORY_EDIT_ERROR_INVALID);
  g_assert_nonnull ((*error)->message);
  g_assert_true (dramatis_story_equal (story, unchanged));
  g_assert_false (dramatis_history_can_undo (dramatis_story_get_history (story)));
  g_assert_false (dramatis_history_is_modified (dramatis_story_get_history (story)));
}

static void
test_refused (void)
{
  g_autoptr(DramatisStory) story = load_builtin ();
  g_autoptr(DramatisStory) unchanged = reload (story);
  const DramatisSource *source = dramatis_story_get_source (story, 0);
  const char *a0 = dramatis_story_get_actor (story, 0)->id;
  const char *a1 = dramatis_story_get_actor (story, 1)->id;
  DramatisRelation relation = { .id = "r-new", .type = "ally", .from_id = a0, .to_id = "nobody" };
  DramatisStatement statement = { .id = "s-new", .speaker_id = a0, .text = "Yes." };
  DramatisEvidence evidence = { 0, source->id, 10, source->text_length + 1, NULL };
  DramatisActor actor = { .id = a1, .name = "Twice" };
  GError *error = NULL;

  /* A relation to a missing actor. */
  assert_refused (story, unchanged, dramatis_story_add_relation (story, &relation, &error) != DRAMATIS_NO_INDEX,
                  &error);
  g_assert_nonnull (strstr (error->message, "nobody"));
  g_clear_error (&error);

  /* Evidence beyond the end of its source. */
  relation.to_id = a1;
  relation.n_evidence = 1;
  relation.evidence = &evidence;
  assert_refused (story, unchanged, dramatis_story_add_relation (story, &relation, &error) != DRAMATIS_NO_INDEX,
                  &error);
  g_clear_error (&error);

  /* A quote that is not what the source says there. */
  evidence.end = 20;
  evidence.exact = "not the text";
  assert_refused (story, unchanged, dramatis_story_add_relation (story, &relation, &error) != DRAMATIS_NO_INDEX,
                  &error);
  g_clear_error (&error);

  /* A day that does not exist. */
  statement.date = (DramatisDate) { .year = 2024, .month = 2, .day = 30,
                                    .precision = DRAMATIS_DATE_PRECISION_DAY };
  assert_refused (story, unchanged, dramatis_story_add_statement (story, &statement, &error) != DRAMATIS_NO_INDEX,
                  &error);
  g_clear_error (&error);

  /* A period that ends before it starts. */
  relation.n_evidence = 0;
  g_assert_true (dramatis_date_parse ("2024-05", &relation.when.start, NULL));
  g_assert_true (dramatis_date_parse ("2024-04", &relation.when.end, NULL));
  assert_refused (story, unchanged, dramatis_story_add_relation (story, &relation, &error) != DRAMATIS_NO_INDEX,
                  &error);
  g_clear_error (&error);

  /* An id taken already, and an id that would change. */
  assert_refused (story, unchanged, dramatis_story_add_actor (story, &actor, &error) != DRAMATIS_NO_INDEX, &error);
  g_clear_error (&error);
  assert_refused (story, unchanged, dramatis_story_change_actor (story, 0, &actor, &error), &error);
  g_clear_error (&error);

  /* A new text for a source that leaves its passages out. */
  {
    DramatisSource changed = *source;

    changed.text = "Short.";
    assert_refused (story, unchanged, dramatis_story_change_source (story, 0, &changed, &error), &error);
    g_clear_error (&error);
  }

  /* An event with a participant who is not there. */
  {
    DramatisParticipant participant = { "nobody", 0, NULL };
    DramatisEvent event = { .id = "e-new", .name = "Nothing", .n_participants = 1, .participants = &participant };

    assert_refused (story, unchanged, dramatis_story_add_event (story, &event, &error) != DRAMATIS_NO_INDEX,
                    &error);
    g_clear_error (&error);
  }

  /* A statement about an event that is not there. */
  statement.date = (DramatisDate) { 0 };
  statement.event_id = "no-event";
  assert_refused (story, unchanged, dramatis_story_add_statement (story, &statement, &error) != DRAMATIS_NO_INDEX,
                  &error);
  g_clear_error (&error);
}

/* Delete Actor is one step */

static void
count_changes (DramatisStory *story,
               guint          kind,
               guint          change,
               guint          index,
               gpointer       user_data)
{
  guint *counts = user_data;

  counts[kind * 3 + change]++;
}

static void
test_delete_actor_step (void)
{
  g_autoptr(DramatisStory) story = load_builtin ();
  g_autoptr(DramatisStory) before = reload (story);
  guint actor = busiest_actor (story);
  guint n_statements, n_relations;
  guint counts[(DRAMATIS_ITEM_STORY + 1) * 3] = { 0 };

  dramatis_story_get_actor_statements (story, actor, &n_statements);
  dramatis_story_get_actor_relations (story, actor, &n_relations);
  g_signal_connect (story, "items-changed", G_CALLBACK (count_changes), counts);

  dramatis_story_remove_actor (story, actor);
  g_assert_cmpuint (counts[DRAMATIS_ITEM_ACTOR * 3 + DRAMATIS_ITEM_REMOVED], ==, 1);
  g_assert_cmpuint (counts[DRAMATIS_ITEM_STATEMENT * 3 + DRAMATIS_ITEM_REMOVED], ==, n_statements);
  g_assert_cmpuint (counts[DRAMATIS_ITEM_RELATION * 3 + DRAMATIS_ITEM_REMOVED], ==, n_relations);

  g_assert_true (dramatis_story_undo (story));
  g_assert_false (dramatis_history_can_undo (dramatis_story_get_history (story)));
  g_assert_true (dramatis_story_equal (story, before));
  g_assert_cmpuint (counts[DRAMATIS_ITEM_ACTOR * 3 + DRAMATIS_ITEM_ADDED], ==, 1);
  g_assert_cmpuint (counts[DRAMATIS_ITEM_STATEMENT * 3 + DRAMATIS_ITEM_ADDED], ==, n_statements);
  assert_indexes_fresh (story);
}

/* An id whose item was added and undone is free again. */
static void
test_undone_id_free (void)
{
  g_autoptr(DramatisStory) story = load_builtin ();
  DramatisActor actor = { .id = "again", .name = "Again" };
  guint n = dramatis_story_get_n_actors (story);

  g_assert_cmpuint (dramatis_story_add_actor (story, &actor, NULL), ==, n);
  g_assert_cmpuint (dramatis_story_find_actor (story, "again"), ==, n);
  dramatis_story_undo (story);
  g_assert_cmpuint (dramatis_story_find_actor (story, "again"), ==, DRAMATIS_NO_INDEX);
  g_assert_cmpuint (dramatis_story_add_actor (story, &actor, NULL), ==, n);
  g_assert_false (dramatis_history_can_redo (dramatis_story_get_history (story)));

  /* Removing the last actor frees its id too. */
  dramatis_story_remove_actor (story, n);
  g_assert_cmpuint (dramatis_story_find_actor (story, "again"), ==, DRAMATIS_NO_INDEX);
}

static void
test_move_signal (void)
{
  g_autoptr(DramatisStory) story = load_builtin ();
  guint counts[(DRAMATIS_ITEM_STORY + 1) * 3] = { 0 };

  g_signal_connect (story, "items-changed", G_CALLBACK (count_changes), counts);
  dramatis_story_move_actor (story, 1, 5.0, 6.0);
  g_assert_cmpuint (counts[DRAMATIS_ITEM_ACTOR * 3 + DRAMATIS_ITEM_CHANGED], ==, 1);
  dramatis_story_undo (story);
  g_assert_cmpuint (counts[DRAMATIS_ITEM_ACTOR * 3 + DRAMATIS_ITEM_CHANGED], ==, 2);
  g_assert_false (dramatis_story_get_actor (story, 1)->has_position);
}

/* An edit of what no index holds (a statement's text, a relation's label,
 * an event's name) leaves the indexes as they are, rather than building
 * them again.
 */
static void
test_text_keeps_indexes (void)
{
  g_autoptr(DramatisStory) story = load_builtin ();
  const guint *statements = story->actor_statements.items;
  const guint *relations = story->actor_relations.items;
  const guint *events = story->events_by_time;
  DramatisStatement statement = *dramatis_story_get_statement (story, 0);
  DramatisRelation relation = *dramatis_story_get_relation (story, 0);
  DramatisEvent event = *dramatis_story_get_event (story, 0);

  statement.text = "Other words.";
  g_assert_true (dramatis_story_change_statement (story, 0, &statement, NULL));
  relation.label = "another label";
  g_assert_true (dramatis_story_change_relation (story, 0, &relation, NULL));
  event.name = "Another name";
  g_assert_true (dramatis_story_change_event (story, 0, &event, NULL));
  g_assert_true (story->actor_statements.items == statements);
  g_assert_true (story->actor_relations.items == relations);
  g_assert_true (story->events_by_time == events);
  assert_indexes_fresh (story);
}

/* An actor added or removed last moves no reference: the indexes gain or
 * lose its key, without being built again, unless a reference waited
 * for its id.
 */
static void
test_last_actor (void)
{
  g_autoptr(DramatisStory) story = load_builtin ();
  DramatisActor actor = { .id = "newcomer", .name = "Newcomer" };
  DramatisRelation relation = { .id = "newcomer-tie", .type = "supports", .from_id = "newcomer" };
  const guint *events = story->events_by_time;
  const guint *relations;
  guint added, n;

  g_assert_false (story->refs_dangle);
  relation.to_id = dramatis_story_get_actor (story, 0)->id;
  dramatis_story_begin_edit (story, "Add Actor");
  added = dramatis_story_add_actor (story, &actor, NULL);
  g_assert_cmpuint (dramatis_story_add_relation (story, &relation, NULL), !=, DRAMATIS_NO_INDEX);
  dramatis_story_end_edit (story);
  g_assert_true (story->events_by_time == events);
  relations = dramatis_story_get_actor_relations (story, added, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpuint (relations[0], ==, dramatis_story_get_n_relations (story) - 1);
  assert_indexes_fresh (story);

  g_assert_true (dramatis_story_undo (story));
  g_assert_true (story->events_by_time == events);
  assert_indexes_fresh (story);
  g_assert_true (dramatis_story_redo (story));
  assert_indexes_fresh (story);

  /* Removed last with a relation to it left, which now finds nothing. */
  dramatis_story_remove_item (story, "Remove", DRAMATIS_ITEM_ACTOR, added);
  g_assert_cmpuint (dramatis_story_get_relation (story, dramatis_story_get_n_relations (story) - 1)->from, ==,
                    DRAMATIS_NO_INDEX);
  g_assert_true (story->refs_dangle);
  relations = dramatis_story_get_actor_relations (story, 0, &n);
  g_assert_cmpuint (relations[n - 1], ==, dramatis_story_get_n_relations (story) - 1);

  /* Back, it is found by that reference again. */
  g_assert_true (dramatis_story_undo (story));
  g_assert_cmpuint (dramatis_story_get_relation (story, dramatis_story_get_n_relations (story) - 1)->from, ==,
                    added);
  assert_indexes_fresh (story);
}

/* Unplacing an actor forgets its position and its pin, and is undone. */
static void
test_unplace_actor (void)
{
  g_autoptr(DramatisStory) story = load_builtin ();
  DramatisHistory *history = dramatis_story_get_history (story);
  const DramatisActor *actor;

  g_assert_false (dramatis_story_unplace_actor (story, 1));
  g_assert_false (dramatis_history_can_undo (history));

  dramatis_story_move_actor (story, 1, 5.0, 6.0);
  dramatis_story_pin_actor (story, 1, TRUE);
  g_assert_true (dramatis_story_unplace_actor (story, 1));
  actor = dramatis_story_get_actor (story, 1);
  g_assert_false (actor->has_position);
  g_assert_false (actor->pinned);
  g_assert_cmpstr (dramatis_history_get_undo_name (history), ==, "Unpin Actor");

  g_assert_true (dramatis_story_undo (story));
  actor = dramatis_story_get_actor (story, 1);
  g_assert_true (actor->has_position);
  g_assert_true (actor->pinned);
  g_assert_cmpfloat (actor->x, ==, 5.0);
  g_assert_cmpfloat (actor->y, ==, 6.0);
}

/* "edited" comes once per step, after the step's item changes. */

typedef struct
{
  guint n_items;
  guint n_edited;
  guint items_at_edited;
} EditedCounts;

static void
count_item (DramatisStory *story,
            guint          kind,
            guint          change,
            guint          index,
            gpointer       user_data)
{
  EditedCounts *counts = user_data;

  counts->n_items++;
}

static void
count_edited (DramatisStory *story,
              gpointer       user_data)
{
  EditedCounts *counts = user_data;

  counts->n_edited++;
  counts->items_at_edited = counts->n_items;
}

static void
test_edited_signal (void)
{
  g_autoptr(DramatisStory) story = load_builtin ();
  guint actor = busiest_actor (story);
  EditedCounts counts = { 0 };
  guint n_items;

  g_signal_connect (story, "items-changed", G_CALLBACK (count_item), &counts);
  g_signal_connect (story, "edited", G_CALLBACK (count_edited), &counts);

  dramatis_story_remove_actor (story, actor);
  g_assert_cmpuint (counts.n_edited, ==, 1);
  g_assert_cmpuint (counts.n_items, >, 1);
  g_assert_cmpuint (counts.items_at_edited, ==, counts.n_items);
  n_items = counts.n_items;

  dramatis_story_undo (story);
  g_assert_cmpuint (counts.n_edited, ==, 2);
  g_assert_cmpuint (counts.items_at_edited, ==, 2 * n_items);

  /* Nothing to undo, nothing told; a refused edit tells nothing either. */
  dramatis_story_undo (story);
  g_assert_cmpuint (counts.n_edited, ==, 2);
  g_assert_cmpuint (dramatis_story_add_actor (story, &(DramatisActor) { .id = "", .name = "X" }, NULL),
                    ==, DRAMATIS_NO_INDEX);
  g_assert_cmpuint (counts.n_edited, ==, 2);
}

/* Saving marks the state the history comes back to */

static void
saved_async (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (dramatis_story_save_file_finish (DRAMATIS_STORY (source), result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

static void
copied_async (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (dramatis_story_save_copy_finish (DRAMATIS_STORY (source), result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

static void
test_saved_state (void)
{
  g_autoptr(DramatisStory) story = load_builtin ();
  DramatisHistory *history = dramatis_story_get_history (story);
  g_autofree char *dir = dramatis_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "story.dramatis.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  gboolean done = FALSE;

  g_assert_false (dramatis_history_is_modified (history));
  dramatis_story_move_actor (story, 0, 1.0, 1.0);
  dramatis_story_move_actor (story, 0, 2.0, 2.0);
  g_assert_true (dramatis_history_is_modified (history));

  g_assert_true (dramatis_story_save_file (story, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (dramatis_history_is_modified (history));
  dramatis_story_undo (story);
  g_assert_true (dramatis_history_is_modified (history));
  dramatis_story_redo (story);
  g_assert_false (dramatis_history_is_modified (history));

  /* Undoing back to the saved state after an edit makes it clean again. */
  dramatis_story_pin_actor (story, 0, TRUE);
  g_assert_true (dramatis_history_is_modified (history));
  dramatis_story_undo (story);
  g_assert_false (dramatis_history_is_modified (history));

  /* Saving in a worker thread marks it when done. */
  dramatis_story_undo (story);
  dramatis_story_save_file_async (story, file, NULL, saved_async, &done);
  g_assert_true (dramatis_history_is_modified (history));
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (dramatis_history_is_modified (history));
  dramatis_story_redo (story);
  g_assert_true (dramatis_history_is_modified (history));

  /* A copy, such as a recovery copy, is not a save. */
  done = FALSE;
  dramatis_story_save_copy_async (story, file, NULL, copied_async, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (dramatis_history_is_modified (history));

  dramatis_test_remove_temp_dir (dir);
}

/* A long random sequence */

static void
test_random_sequence (void)
{
  g_autoptr(DramatisStory) story = load_builtin ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261207);
  g_autoptr(DramatisStory) before = reload (story);
  guint n_steps = g_test_slow () ? 20000 : 2000;
  guint n_refused = 0;

  for (guint step = 0; step < n_steps; step++)
    {
      if (!dramatis_test_random_edit (story, rand, step))
        {
          g_assert_true (dramatis_story_equal (story, before));
          n_refused++;
        }
      g_clear_object (&before);
      before = check_indexes_fresh (story);
    }
  g_assert_cmpuint (n_refused, >, 0);

  /* Undoing everything gives back the story as loaded. */
  {
    g_autoptr(DramatisStory) original = load_builtin ();

    while (dramatis_story_undo (story))
      ;
    g_assert_true (dramatis_story_equal (story, original));
    assert_indexes_fresh (story);
  }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/edit/each-edit", test_each_edit);
  g_test_add_func ("/model/edit/refused", test_refused);
  g_test_add_func ("/model/edit/delete-actor-step", test_delete_actor_step);
  g_test_add_func ("/model/edit/move-signal", test_move_signal);
  g_test_add_func ("/model/edit/unplace-actor", test_unplace_actor);
  g_test_add_func ("/model/edit/text-keeps-indexes", test_text_keeps_indexes);
  g_test_add_func ("/model/edit/last-actor", test_last_actor);
  g_test_add_func ("/model/edit/edited-signal", test_edited_signal);
  g_test_add_func ("/model/edit/undone-id-free", test_undone_id_free);
  g_test_add_func ("/model/edit/saved-state", test_saved_state);
  g_test_add_func ("/model/edit/random-sequence", test_random_sequence);

  return g_test_run ();
}
