/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "dramatis-editor-private.h"
#include "dramatis-story-edit.h"
#include "dramatis-story-io.h"
#include "dramatis-test-utils.h"

/* The editors of actors, events, relations and statements, on the
 * built-in story: each filled through its widgets as a user would, then
 * applied.  The story changes as the form says, in one step of its
 * history, which undoes to a story equal to the one loaded.  A form that
 * is wrong says why next to the field and cannot be applied.
 *
 * Needs a display; without one it exits with 77, which Meson counts as
 * skipped.
 */

typedef struct
{
  DramatisStory *story;
  DramatisStory *original;
  GtkWindow     *parent;
} Fixture;

static void
drain_main_context (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* The story as a fresh load of what saving it writes. */
static DramatisStory *
reload (DramatisStory *story)
{
  g_autoptr(GBytes) bytes = dramatis_story_to_bytes (story);
  g_autoptr(GError) error = NULL;
  DramatisStory *again = dramatis_story_load_bytes (bytes, "saved", &error);

  g_assert_no_error (error);
  return again;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->story = dramatis_test_load_story ("test-editor", NULL);
  g_assert_nonnull (fixture->story);
  fixture->original = reload (fixture->story);
  fixture->parent = GTK_WINDOW (gtk_window_new ());
  gtk_window_present (fixture->parent);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->parent);
  drain_main_context ();
  g_clear_object (&fixture->story);
  g_clear_object (&fixture->original);
}

static DramatisHistory *
history (Fixture *fixture)
{
  return dramatis_story_get_history (fixture->story);
}

/* Undoes the one step the test made, and checks it was the last. */
static void
assert_one_undo_restores (Fixture    *fixture,
                          const char *name)
{
  g_assert_cmpstr (dramatis_history_get_undo_name (history (fixture)), ==, name);
  g_assert_true (dramatis_story_undo (fixture->story));
  g_assert_false (dramatis_history_can_undo (history (fixture)));
  g_assert_true (dramatis_story_equal (fixture->story, fixture->original));
}

static void
set_text (DramatisEditor *editor,
          const char     *field,
          const char     *text)
{
  GtkWidget *widget = dramatis_editor_get_field (editor, field);

  if (GTK_IS_TEXT_VIEW (widget))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)), text, -1);
  else
    gtk_editable_set_text (GTK_EDITABLE (widget), text);
}

static DramatisChooserRow *
chooser (DramatisEditor *editor,
         const char     *field)
{
  return DRAMATIS_CHOOSER_ROW (dramatis_editor_get_field (editor, field));
}

static DramatisDateRow *
date_row (DramatisEditor *editor,
          const char     *field)
{
  return DRAMATIS_DATE_ROW (dramatis_editor_get_field (editor, field));
}

/* Searches a chooser as a user types, and picks the first match. */
static void
choose (DramatisChooserRow *row,
        const char         *query)
{
  GListModel *matches = dramatis_chooser_row_search (row, query);

  g_assert_cmpuint (g_list_model_get_n_items (matches), >, 0);
  dramatis_chooser_row_choose_match (row, 0);
}

static gboolean
can_apply (DramatisEditor *editor)
{
  return gtk_widget_get_sensitive (dramatis_editor_get_apply_button (editor));
}

/* Presses Add or Save, and says whether the dialog closed. */
static gboolean
apply (DramatisEditor *editor)
{
  GtkWidget *button = dramatis_editor_get_apply_button (editor);
  gboolean closed;

  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  g_assert_true (gtk_widget_get_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  drain_main_context ();
  closed = editor == NULL;
  if (!closed)
    g_object_remove_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);

  return closed;
}

static void
close_editor (DramatisEditor *editor)
{
  gtk_window_destroy (GTK_WINDOW (editor));
  drain_main_context ();
}

/* Actors */

static void
test_actor_add (Fixture       *fixture,
                gconstpointer  data)
{
  guint n_actors = dramatis_story_get_n_actors (fixture->story);
  DramatisEditor *editor = DRAMATIS_EDITOR (dramatis_editor_edit_actor (fixture->parent, fixture->story,
                                                                        DRAMATIS_NO_INDEX));
  const DramatisActor *actor;
  GtkTextView *summary;

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (editor)), ==, "New Actor");
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (editor)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (editor)) == fixture->parent);
  /* Nothing typed: nothing to add, and no error shouted before typing. */
  g_assert_false (can_apply (editor));
  g_assert_null (dramatis_editor_get_error (editor, "name"));

  set_text (editor, "name", "  Jane Roe ");
  adw_combo_row_set_selected (ADW_COMBO_ROW (dramatis_editor_get_field (editor, "kind")), 2);
  set_text (editor, "role", "Special envoy");
  choose (chooser (editor, "affiliation"), "north korea");
  set_text (editor, "other-names", "J. Roe, , the envoy");
  summary = GTK_TEXT_VIEW (dramatis_editor_get_field (editor, "summary"));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (summary), "An envoy.\nShe speaks.", -1);

  g_assert_true (apply (editor));
  g_assert_cmpuint (dramatis_story_get_n_actors (fixture->story), ==, n_actors + 1);
  actor = dramatis_story_get_actor (fixture->story, n_actors);
  g_assert_cmpstr (actor->id, ==, "jane-roe");
  g_assert_cmpstr (actor->name, ==, "Jane Roe");
  g_assert_cmpint (actor->kind, ==, DRAMATIS_ACTOR_KIND_PERSON);
  g_assert_cmpstr (actor->role, ==, "Special envoy");
  g_assert_cmpstr (actor->affiliation_id, ==, "north-korea");
  g_assert_cmpuint (actor->n_other_names, ==, 2);
  g_assert_cmpstr (actor->other_names[0], ==, "J. Roe");
  g_assert_cmpstr (actor->other_names[1], ==, "the envoy");
  g_assert_cmpstr (actor->summary, ==, "An envoy.\nShe speaks.");

  assert_one_undo_restores (fixture, "Add Actor");
}

static void
test_actor_edit_keeps_id (Fixture       *fixture,
                          gconstpointer  data)
{
  guint index = dramatis_story_find_actor (fixture->story, "north-korea");
  DramatisEditor *editor = DRAMATIS_EDITOR (dramatis_editor_edit_actor (fixture->parent, fixture->story, index));
  const DramatisActor *actor;

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (editor)), ==, "Edit Actor");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (dramatis_editor_get_field (editor, "name"))), ==,
                   dramatis_story_get_actor (fixture->story, index)->name);
  set_text (editor, "name", "Democratic People’s Republic of Korea");
  g_assert_true (apply (editor));

  actor = dramatis_story_get_actor (fixture->story, index);
  g_assert_cmpstr (actor->id, ==, "north-korea");
  g_assert_cmpstr (actor->name, ==, "Democratic People’s Republic of Korea");
  assert_one_undo_restores (fixture, "Edit Actor");
}

static void
test_actor_invalid (Fixture       *fixture,
                    gconstpointer  data)
{
  DramatisEditor *editor = DRAMATIS_EDITOR (dramatis_editor_edit_actor (fixture->parent, fixture->story,
                                                                        DRAMATIS_NO_INDEX));
  GtkWidget *name = dramatis_editor_get_field (editor, "name");

  set_text (editor, "name", "x");
  g_assert_true (can_apply (editor));
  set_text (editor, "name", "   ");
  g_assert_false (can_apply (editor));
  g_assert_cmpstr (dramatis_editor_get_error (editor, "name"), ==, "Enter the actor’s name");
  g_assert_true (gtk_widget_has_css_class (name, "error"));

  /* Names are compared as people read them, in any case. */
  set_text (editor, "name", "RUSSIA");
  g_assert_false (can_apply (editor));
  g_assert_cmpstr (dramatis_editor_get_error (editor, "name"), ==, "Another actor has this name");

  set_text (editor, "name", "Belarus");
  g_assert_true (can_apply (editor));
  g_assert_null (dramatis_editor_get_error (editor, "name"));
  g_assert_false (gtk_widget_has_css_class (name, "error"));

  /* Escape closes the dialog, which changes nothing. */
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  gtk_widget_activate_action (GTK_WIDGET (editor), "window.close", NULL);
  drain_main_context ();
  g_assert_null (editor);
  g_assert_false (dramatis_history_can_undo (history (fixture)));
  g_assert_true (dramatis_story_equal (fixture->story, fixture->original));
}

static void
test_unchanged (Fixture       *fixture,
                gconstpointer  data)
{
  DramatisEditor *editors[4];

  editors[0] = DRAMATIS_EDITOR (dramatis_editor_edit_actor (fixture->parent, fixture->story, 0));
  editors[1] = DRAMATIS_EDITOR (dramatis_editor_edit_event (fixture->parent, fixture->story, 0, NULL));
  editors[2] = DRAMATIS_EDITOR (dramatis_editor_edit_relation (fixture->parent, fixture->story, 0,
                                                               DRAMATIS_NO_INDEX, DRAMATIS_NO_INDEX, NULL));
  editors[3] = DRAMATIS_EDITOR (dramatis_editor_edit_statement (fixture->parent, fixture->story, 0,
                                                                DRAMATIS_NO_INDEX, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (editors); i++)
    {
      g_assert_true (apply (editors[i]));
      g_assert_false (dramatis_history_can_undo (history (fixture)));
    }

  /* Every item of the story, opened and saved as it is. */
  for (guint i = 0; i < dramatis_story_get_n_events (fixture->story); i++)
    g_assert_true (apply (DRAMATIS_EDITOR (dramatis_editor_edit_event (fixture->parent, fixture->story, i,
                                                                       NULL))));
  for (guint i = 0; i < dramatis_story_get_n_relations (fixture->story); i++)
    g_assert_true (apply (DRAMATIS_EDITOR (dramatis_editor_edit_relation (fixture->parent, fixture->story, i,
                                                                          DRAMATIS_NO_INDEX,
                                                                          DRAMATIS_NO_INDEX, NULL))));
  for (guint i = 0; i < dramatis_story_get_n_statements (fixture->story); i++)
    g_assert_true (apply (DRAMATIS_EDITOR (dramatis_editor_edit_statement (fixture->parent, fixture->story, i,
                                                                           DRAMATIS_NO_INDEX, NULL))));
  for (guint i = 0; i < dramatis_story_get_n_actors (fixture->story); i++)
    g_assert_true (apply (DRAMATIS_EDITOR (dramatis_editor_edit_actor (fixture->parent, fixture->story, i))));
  g_assert_false (dramatis_history_can_undo (history (fixture)));
}

/* Events */

static void
test_event_add (Fixture       *fixture,
                gconstpointer  data)
{
  const DramatisEvidence *passage = &dramatis_story_get_event (fixture->story, 0)->evidence[0];
  DramatisEvidence evidence = *passage;
  g_autofree char *exact = g_strdup (passage->exact);
  guint n_events = dramatis_story_get_n_events (fixture->story);
  guint north_korea = dramatis_story_find_actor (fixture->story, "north-korea");
  DramatisEditor *editor;
  const DramatisEvent *event;
  guint added;

  evidence.exact = exact;
  editor = DRAMATIS_EDITOR (dramatis_editor_edit_event (fixture->parent, fixture->story, DRAMATIS_NO_INDEX,
                                                        &evidence));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (editor)), ==, "New Event");
  set_text (editor, "name", "Troops cross the border");
  set_text (editor, "location", "Kursk region");
  set_text (editor, "classification", "deployment");
  set_text (editor, "date-note", "The article says only “in October”.");
  set_text (editor, "description", "What happened.");

  /* A month, and no day made up for it. */
  dramatis_date_row_set_choice (date_row (editor, "start"), DRAMATIS_DATE_CHOICE_MONTH);
  g_assert_false (can_apply (editor));
  g_assert_cmpstr (dramatis_editor_get_error (editor, "start"), ==, "Enter the year");
  g_assert_true (dramatis_date_row_is_field_visible (date_row (editor, "start"), "month"));
  g_assert_false (dramatis_date_row_is_field_visible (date_row (editor, "start"), "day"));
  dramatis_date_row_set_fields (date_row (editor, "start"), "2024", 10, NULL, NULL);
  gtk_switch_set_active (GTK_SWITCH (dramatis_editor_get_field (editor, "approximate")), TRUE);

  dramatis_event_editor_add_participant (editor, north_korea, "sender");
  dramatis_event_editor_add_participant (editor, dramatis_story_find_actor (fixture->story, "russia"), NULL);
  dramatis_event_editor_add_participant (editor, north_korea, NULL);   /* once only */

  g_assert_true (apply (editor));
  g_assert_cmpuint (dramatis_story_get_n_events (fixture->story), ==, n_events + 1);
  added = dramatis_story_find_event (fixture->story, "troops-cross-the-border");
  g_assert_cmpuint (added, !=, DRAMATIS_NO_INDEX);
  event = dramatis_story_get_event (fixture->story, added);
  g_assert_cmpstr (event->location, ==, "Kursk region");
  g_assert_cmpstr (event->classification, ==, "deployment");
  g_assert_cmpstr (event->date_note, ==, "The article says only “in October”.");
  g_assert_cmpstr (event->description, ==, "What happened.");
  g_assert_cmpint (event->when.start.precision, ==, DRAMATIS_DATE_PRECISION_MONTH);
  g_assert_cmpint (event->when.start.year, ==, 2024);
  g_assert_cmpint (event->when.start.month, ==, 10);
  g_assert_cmpint (event->when.start.day, ==, 0);
  g_assert_true (event->when.start.flags & DRAMATIS_DATE_APPROXIMATE);
  g_assert_false (dramatis_date_is_set (&event->when.end));
  g_assert_cmpuint (event->n_participants, ==, 2);
  g_assert_cmpstr (event->participants[0].actor_id, ==, "north-korea");
  g_assert_cmpstr (event->participants[0].role, ==, "sender");
  g_assert_cmpstr (event->participants[1].actor_id, ==, "russia");
  g_assert_null (event->participants[1].role);
  g_assert_cmpuint (event->n_evidence, ==, 1);
  g_assert_cmpuint (event->evidence[0].start, ==, evidence.start);
  g_assert_cmpstr (event->evidence[0].exact, ==, exact);

  assert_one_undo_restores (fixture, "Add Event");
}

static void
test_event_dates (Fixture       *fixture,
                  gconstpointer  data)
{
  DramatisEditor *editor = DRAMATIS_EDITOR (dramatis_editor_edit_event (fixture->parent, fixture->story, 0,
                                                                        NULL));
  DramatisDateRow *start = date_row (editor, "start");
  DramatisDateRow *end = date_row (editor, "end");
  GtkSwitch *period = GTK_SWITCH (dramatis_editor_get_field (editor, "period"));
  const DramatisEvent *event;

  g_assert_cmpint (dramatis_date_row_get_choice (start), ==, DRAMATIS_DATE_CHOICE_DAY);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (end)));

  dramatis_date_row_set_fields (start, "2023", 2, "29", NULL);
  g_assert_false (can_apply (editor));
  g_assert_cmpstr (dramatis_editor_get_error (editor, "start"), ==, "There is no such day in that month");
  dramatis_date_row_set_fields (start, "2024", 0, NULL, NULL);
  g_assert_true (can_apply (editor));
  g_assert_null (dramatis_editor_get_error (editor, "start"));

  dramatis_date_row_set_fields (start, "20x4", 0, NULL, NULL);
  g_assert_cmpstr (dramatis_editor_get_error (editor, "start"), ==,
                   "The year must be a number of up to four digits");
  dramatis_date_row_set_fields (start, "2024", 0, NULL, NULL);

  /* A time of day, with its offset. */
  dramatis_date_row_set_choice (start, DRAMATIS_DATE_CHOICE_TIME);
  g_assert_cmpstr (dramatis_editor_get_error (editor, "start"), ==, "Enter the time of day");
  dramatis_date_row_set_fields (start, NULL, 0, NULL, "25:00");
  g_assert_cmpstr (dramatis_editor_get_error (editor, "start"), ==,
                   "Write the time as 14:05, 14:05:30 or 14:05+09:00");
  dramatis_date_row_set_fields (start, NULL, 0, NULL, "14:05+09:00");
  g_assert_true (can_apply (editor));

  /* A period that ends before it starts. */
  gtk_switch_set_active (period, TRUE);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (end)));
  g_assert_false (can_apply (editor));
  g_assert_cmpstr (dramatis_editor_get_error (editor, "end"), ==,
                   "Choose when the period ends, or turn the period off");
  dramatis_date_row_set_choice (end, DRAMATIS_DATE_CHOICE_YEAR);
  dramatis_date_row_set_fields (end, "2023", 0, NULL, NULL);
  g_assert_false (dramatis_date_row_is_field_visible (end, "month"));
  g_assert_cmpstr (dramatis_editor_get_error (editor, "end"), ==, "The period ends before it starts");
  g_assert_false (can_apply (editor));
  /* An end must not begin before the start, as the file's rule has it. */
  dramatis_date_row_set_fields (end, "2024", 0, NULL, NULL);
  g_assert_cmpstr (dramatis_editor_get_error (editor, "end"), ==, "The period ends before it starts");
  dramatis_date_row_set_fields (end, "2025", 0, NULL, NULL);
  g_assert_null (dramatis_editor_get_error (editor, "end"));

  g_assert_true (apply (editor));
  event = dramatis_story_get_event (fixture->story, 0);
  g_assert_cmpint (event->when.start.precision, ==, DRAMATIS_DATE_PRECISION_MINUTE);
  g_assert_cmpint (event->when.start.day, ==, 29);
  g_assert_cmpint (event->when.start.hour, ==, 14);
  g_assert_cmpint (event->when.start.offset_minutes, ==, 9 * 60);
  g_assert_cmpint (event->when.end.precision, ==, DRAMATIS_DATE_PRECISION_YEAR);
  g_assert_cmpint (event->when.end.year, ==, 2025);
  assert_one_undo_restores (fixture, "Edit Event");
}

static void
test_event_remove (Fixture       *fixture,
                   gconstpointer  data)
{
  DramatisEditor *editor = DRAMATIS_EDITOR (dramatis_editor_edit_event (fixture->parent, fixture->story, 0,
                                                                        NULL));
  const DramatisEvent *event;
  guint n_evidence = dramatis_story_get_event (fixture->story, 0)->n_evidence;

  g_assert_cmpuint (dramatis_story_get_event (fixture->story, 0)->n_participants, ==, 2);
  dramatis_event_editor_remove_participant (editor, 0);
  dramatis_editor_remove_evidence (editor, 0);
  set_text (editor, "name", "");
  g_assert_cmpstr (dramatis_editor_get_error (editor, "name"), ==, "Enter what happened, in a few words");
  set_text (editor, "name", "Invasion");
  g_assert_true (apply (editor));

  event = dramatis_story_get_event (fixture->story, 0);
  g_assert_cmpstr (event->name, ==, "Invasion");
  g_assert_cmpuint (event->n_participants, ==, 1);
  g_assert_cmpstr (event->participants[0].actor_id, ==, "ukraine");
  g_assert_cmpuint (event->n_evidence, ==, n_evidence - 1);
  assert_one_undo_restores (fixture, "Edit Event");
}

/* Relations */

static guint
find_string (GListModel *model,
             const char *string)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (model), i), string))
      return i;

  g_assert_not_reached ();
}

static void
test_relation_add (Fixture       *fixture,
                   gconstpointer  data)
{
  guint north_korea = dramatis_story_find_actor (fixture->story, "north-korea");
  guint n_relations = dramatis_story_get_n_relations (fixture->story);
  DramatisEditor *editor = DRAMATIS_EDITOR (dramatis_editor_edit_relation (fixture->parent, fixture->story,
                                                                           DRAMATIS_NO_INDEX, north_korea,
                                                                           DRAMATIS_NO_INDEX, NULL));
  AdwComboRow *type = ADW_COMBO_ROW (dramatis_editor_get_field (editor, "type"));
  GListModel *types = adw_combo_row_get_model (type);
  const DramatisRelation *relation;

  g_assert_cmpuint (dramatis_chooser_row_get_item (chooser (editor, "from")), ==, north_korea);
  g_assert_false (can_apply (editor));

  /* The story's own types are offered, and the recommended ones. */
  find_string (types, "sends troops to");
  find_string (types, "negotiates with");

  choose (chooser (editor, "to"), "north korea");
  g_assert_cmpstr (dramatis_editor_get_error (editor, "to"), ==, "A relation joins two different actors");
  g_assert_false (can_apply (editor));
  choose (chooser (editor, "to"), "Russia");
  g_assert_true (can_apply (editor));

  /* Allies are allies both ways. */
  adw_combo_row_set_selected (type, find_string (types, "allied with"));
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (dramatis_editor_get_field (editor, "direction"))),
                    ==, DRAMATIS_DIRECTION_MUTUAL);
  set_text (editor, "label", "signed a pact with");
  g_assert_true (apply (editor));

  g_assert_cmpuint (dramatis_story_get_n_relations (fixture->story), ==, n_relations + 1);
  relation = dramatis_story_get_relation (fixture->story, n_relations);
  g_assert_cmpstr (relation->id, ==, "north-korea-allied-with-russia");
  g_assert_cmpstr (relation->type, ==, "allied_with");
  g_assert_cmpstr (relation->from_id, ==, "north-korea");
  g_assert_cmpstr (relation->to_id, ==, "russia");
  g_assert_cmpint (relation->direction, ==, DRAMATIS_DIRECTION_MUTUAL);
  g_assert_cmpstr (relation->label, ==, "signed a pact with");
  g_assert_false (dramatis_span_is_set (&relation->when));
  assert_one_undo_restores (fixture, "Add Relation");
}

static void
test_relation_edit (Fixture       *fixture,
                    gconstpointer  data)
{
  DramatisEditor *editor = DRAMATIS_EDITOR (dramatis_editor_edit_relation (fixture->parent, fixture->story, 0,
                                                                           DRAMATIS_NO_INDEX,
                                                                           DRAMATIS_NO_INDEX, NULL));
  const DramatisRelation *relation;

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (editor)), ==, "Edit Relation");
  /* Its year, approximate and inferred, as the file has it. */
  g_assert_cmpint (dramatis_date_row_get_choice (date_row (editor, "start")), ==, DRAMATIS_DATE_CHOICE_YEAR);
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (dramatis_editor_get_field (editor, "approximate"))));
  gtk_switch_set_active (GTK_SWITCH (dramatis_editor_get_field (editor, "inferred")), FALSE);
  adw_combo_row_set_selected (ADW_COMBO_ROW (dramatis_editor_get_field (editor, "direction")),
                              DRAMATIS_DIRECTION_UNDIRECTED);
  g_assert_true (apply (editor));

  relation = dramatis_story_get_relation (fixture->story, 0);
  g_assert_cmpint (relation->direction, ==, DRAMATIS_DIRECTION_UNDIRECTED);
  g_assert_cmpint (relation->when.start.flags & (DRAMATIS_DATE_APPROXIMATE | DRAMATIS_DATE_INFERRED), ==,
                   DRAMATIS_DATE_APPROXIMATE);
  g_assert_cmpstr (relation->type, ==, "sends_troops_to");
  assert_one_undo_restores (fixture, "Edit Relation");
}

/* Statements */

static void
test_statement_new_speaker (Fixture       *fixture,
                            gconstpointer  data)
{
  const DramatisEvidence *passage = &dramatis_story_get_statement (fixture->story, 0)->evidence[0];
  guint n_actors = dramatis_story_get_n_actors (fixture->story);
  guint n_statements = dramatis_story_get_n_statements (fixture->story);
  DramatisEditor *editor = DRAMATIS_EDITOR (dramatis_editor_edit_statement (fixture->parent, fixture->story,
                                                                            DRAMATIS_NO_INDEX,
                                                                            DRAMATIS_NO_INDEX, passage));
  DramatisChooserRow *speaker = chooser (editor, "speaker");
  g_autofree char *quote = dramatis_editor_dup_text (editor, "text");
  const DramatisStatement *statement;
  const DramatisActor *actor;

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (editor)), ==, "New Statement");
  /* The quote is the passage selected. */
  g_assert_cmpstr (quote, ==, passage->exact);

  /* A statement has a speaker. */
  g_assert_false (can_apply (editor));

  /* An actor's name offers that actor, not a new one. */
  dramatis_chooser_row_search (speaker, "robert wood");
  g_assert_false (dramatis_chooser_row_can_add_new (speaker));
  dramatis_chooser_row_search (speaker, "A Council Diplomat");
  g_assert_true (dramatis_chooser_row_can_add_new (speaker));
  dramatis_chooser_row_choose_new (speaker);
  g_assert_cmpstr (dramatis_chooser_row_get_new_name (speaker), ==, "A Council Diplomat");
  g_assert_true (can_apply (editor));

  set_text (editor, "attribution", "a diplomat told reporters");
  choose (chooser (editor, "event"), "council");
  choose (chooser (editor, "audience"), "security council");
  dramatis_statement_editor_add_about (editor, dramatis_story_find_actor (fixture->story, "north-korea"));
  dramatis_date_row_set_choice (date_row (editor, "start"), DRAMATIS_DATE_CHOICE_DAY);
  dramatis_date_row_set_fields (date_row (editor, "start"), "2024", 11, "4", NULL);
  g_assert_true (apply (editor));

  g_assert_cmpuint (dramatis_story_get_n_actors (fixture->story), ==, n_actors + 1);
  g_assert_cmpuint (dramatis_story_get_n_statements (fixture->story), ==, n_statements + 1);
  actor = dramatis_story_get_actor (fixture->story, n_actors);
  g_assert_cmpstr (actor->id, ==, "a-council-diplomat");
  g_assert_cmpstr (actor->name, ==, "A Council Diplomat");
  statement = dramatis_story_get_statement (fixture->story, n_statements);
  g_assert_cmpstr (statement->speaker_id, ==, "a-council-diplomat");
  g_assert_cmpuint (statement->speaker, ==, n_actors);
  g_assert_cmpstr (statement->text, ==, passage->exact);
  g_assert_cmpstr (statement->attribution, ==, "a diplomat told reporters");
  g_assert_cmpstr (statement->audience_id, ==, "un-security-council");
  g_assert_nonnull (statement->event_id);
  g_assert_cmpuint (statement->n_about, ==, 1);
  g_assert_cmpstr (statement->about_ids[0], ==, "north-korea");
  g_assert_cmpint (statement->date.day, ==, 4);
  g_assert_cmpuint (statement->n_evidence, ==, 1);

  /* The speaker and the statement are one step. */
  assert_one_undo_restores (fixture, "Add Statement");
}

/* A passage selected with its quotation marks is quoted without them. */
static void
test_statement_strips_quotation_marks (Fixture       *fixture,
                                       gconstpointer  data)
{
  DramatisEvidence passage = dramatis_story_get_statement (fixture->story, 0)->evidence[0];
  DramatisEditor *editor;
  g_autofree char *quote = NULL;

  passage.exact = "  “We condemn it,”  ";
  editor = DRAMATIS_EDITOR (dramatis_editor_edit_statement (fixture->parent, fixture->story, DRAMATIS_NO_INDEX,
                                                            DRAMATIS_NO_INDEX, &passage));
  quote = dramatis_editor_dup_text (editor, "text");
  g_assert_cmpstr (quote, ==, "We condemn it,");
  close_editor (editor);
}

static void
test_statement_edit (Fixture       *fixture,
                     gconstpointer  data)
{
  DramatisEditor *editor = DRAMATIS_EDITOR (dramatis_editor_edit_statement (fixture->parent, fixture->story, 0,
                                                                            DRAMATIS_NO_INDEX, NULL));
  const DramatisStatement *statement;

  g_assert_cmpuint (dramatis_chooser_row_get_item (chooser (editor, "speaker")), ==,
                    dramatis_story_find_actor (fixture->story, "robert-wood"));
  set_text (editor, "text", "");
  g_assert_false (can_apply (editor));
  g_assert_cmpstr (dramatis_editor_get_error (editor, "text"), ==, "Enter what was said");
  set_text (editor, "text", "Are there troops?");
  choose (chooser (editor, "speaker"), "russia");
  g_assert_true (apply (editor));

  statement = dramatis_story_get_statement (fixture->story, 0);
  g_assert_cmpstr (statement->text, ==, "Are there troops?");
  g_assert_cmpstr (statement->speaker_id, ==, "russia");
  assert_one_undo_restores (fixture, "Edit Statement");
}

/* The story refuses a passage from a source it does not have: the dialog
 * says so and stays open, and the new speaker is not left behind.
 */
static void
test_statement_refused (Fixture       *fixture,
                        gconstpointer  data)
{
  DramatisEvidence evidence = { DRAMATIS_NO_INDEX, "no-such-source", 0, 0, "Words." };
  DramatisEditor *editor = DRAMATIS_EDITOR (dramatis_editor_edit_statement (fixture->parent, fixture->story,
                                                                            DRAMATIS_NO_INDEX,
                                                                            DRAMATIS_NO_INDEX, &evidence));
  DramatisChooserRow *speaker = chooser (editor, "speaker");

  g_assert_null (dramatis_editor_get_message (editor));
  dramatis_chooser_row_search (speaker, "Someone New");
  dramatis_chooser_row_choose_new (speaker);
  g_assert_false (apply (editor));

  g_assert_nonnull (dramatis_editor_get_message (editor));
  g_assert_nonnull (strstr (dramatis_editor_get_message (editor), "no-such-source"));
  g_assert_true (dramatis_story_equal (fixture->story, fixture->original));
  g_assert_cmpuint (dramatis_story_find_actor (fixture->story, "someone-new"), ==, DRAMATIS_NO_INDEX);

  /* Removing the passage the story refused lets the statement in. */
  dramatis_editor_remove_evidence (editor, 0);
  g_assert_null (dramatis_editor_get_message (editor));
  g_assert_true (apply (editor));
  g_assert_cmpuint (dramatis_story_find_actor (fixture->story, "someone-new"), !=, DRAMATIS_NO_INDEX);
  g_assert_cmpstr (dramatis_history_get_undo_name (history (fixture)), ==, "Add Statement");
  g_assert_true (dramatis_story_undo (fixture->story));
  g_assert_true (dramatis_story_equal (fixture->story, fixture->original));
}

/* Choosing among many */

static void
test_chooser_search (Fixture       *fixture,
                     gconstpointer  data)
{
  DramatisEditor *editor = DRAMATIS_EDITOR (dramatis_editor_edit_actor (fixture->parent, fixture->story,
                                                                        DRAMATIS_NO_INDEX));
  DramatisChooserRow *row = chooser (editor, "affiliation");
  GListModel *matches = dramatis_chooser_row_search (row, "");

  g_assert_cmpuint (g_list_model_get_n_items (matches), ==, dramatis_story_get_n_actors (fixture->story));
  dramatis_chooser_row_search (row, "korea");
  g_assert_cmpuint (g_list_model_get_n_items (matches), >=, 2);
  g_assert_cmpuint (g_list_model_get_n_items (matches), <, dramatis_story_get_n_actors (fixture->story));
  /* Other names are searched too. */
  dramatis_chooser_row_search (row, "DPRK");
  g_assert_cmpuint (g_list_model_get_n_items (matches), >=, 1);
  dramatis_chooser_row_search (row, "no such actor at all");
  g_assert_cmpuint (g_list_model_get_n_items (matches), ==, 0);
  /* The affiliation may be none, and never a new actor. */
  g_assert_false (dramatis_chooser_row_can_add_new (row));

  close_editor (editor);
}

int
main (int    argc,
      char **argv)
{
  /* The dialogs' texts are compared in English. */
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  setlocale (LC_ALL, "");

  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      g_printerr ("No display: skipping the editor tests\n");
      return 77;
    }
  adw_init ();

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/editor/actor/add", test_actor_add);
  ADD ("/editor/actor/edit-keeps-id", test_actor_edit_keeps_id);
  ADD ("/editor/actor/invalid", test_actor_invalid);
  ADD ("/editor/unchanged", test_unchanged);
  ADD ("/editor/event/add", test_event_add);
  ADD ("/editor/event/dates", test_event_dates);
  ADD ("/editor/event/remove", test_event_remove);
  ADD ("/editor/relation/add", test_relation_add);
  ADD ("/editor/relation/edit", test_relation_edit);
  ADD ("/editor/statement/new-speaker", test_statement_new_speaker);
  ADD ("/editor/statement/edit", test_statement_edit);
  ADD ("/editor/statement/strips-quotation-marks", test_statement_strips_quotation_marks);
  ADD ("/editor/statement/refused", test_statement_refused);
  ADD ("/editor/chooser/search", test_chooser_search);
#undef ADD

  return g_test_run ();
}
