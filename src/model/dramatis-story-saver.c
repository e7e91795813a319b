/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "dramatis-story-saver"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "dramatis-atomic-file.h"
#include "dramatis-story-io.h"
#include "dramatis-story-private.h"

/* Writes a story back in the format the loader reads, members in the order
 * the format document lists them, leaving out what is empty.  Ids are
 * written as they were read, resolved or not, so nothing a file said is lost
 * by opening and saving it.
 */

static void
add_string (JsonBuilder *builder,
            const char  *member,
            const char  *value)
{
  if (value == NULL)
    return;

  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, value);
}

static void
add_date (JsonBuilder        *builder,
          const char         *member,
          const DramatisDate *date)
{
  g_autofree char *text = NULL;

  if (!dramatis_date_is_set (date))
    return;

  text = dramatis_date_to_iso8601 (date);
  add_string (builder, member, text);
}

static void
add_date_flags (JsonBuilder        *builder,
                const DramatisDate *date)
{
  if (date->flags & DRAMATIS_DATE_APPROXIMATE)
    {
      json_builder_set_member_name (builder, "date_approximate");
      json_builder_add_boolean_value (builder, TRUE);
    }
  if (date->flags & DRAMATIS_DATE_INFERRED)
    {
      json_builder_set_member_name (builder, "date_inferred");
      json_builder_add_boolean_value (builder, TRUE);
    }
}

static void
add_span (JsonBuilder        *builder,
          const DramatisSpan *span)
{
  add_date (builder, "start_date", &span->start);
  add_date (builder, "end_date", &span->end);
  add_date_flags (builder, &span->start);
}

static void
add_evidence (JsonBuilder            *builder,
              const DramatisEvidence *evidence,
              guint                   n_evidence)
{
  if (n_evidence == 0)
    return;

  json_builder_set_member_name (builder, "sources");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n_evidence; i++)
    {
      const DramatisEvidence *e = &evidence[i];

      json_builder_begin_object (builder);
      add_string (builder, "source_id", e->source_id);
      if (e->end > e->start)
        {
          json_builder_set_member_name (builder, "start");
          json_builder_add_int_value (builder, e->start);
          json_builder_set_member_name (builder, "end");
          json_builder_add_int_value (builder, e->end);
        }
      add_string (builder, "exact", e->exact);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_string_array (JsonBuilder       *builder,
                  const char        *member,
                  const char *const *values,
                  guint              n_values)
{
  if (n_values == 0)
    return;

  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; i < n_values; i++)
    json_builder_add_string_value (builder, values[i]);
  json_builder_end_array (builder);
}

static void
add_sources (JsonBuilder   *builder,
             DramatisStory *story)
{
  json_builder_set_member_name (builder, "sources");
  json_builder_begin_array (builder);
  for (guint i = 0; i < story->sources->len; i++)
    {
      const DramatisSource *s = &g_array_index (story->sources, DramatisSource, i);

      json_builder_begin_object (builder);
      add_string (builder, "id", s->id);
      add_string (builder, "title", s->title);
      add_string (builder, "publisher", s->publisher);
      add_string (builder, "url", s->url);
      add_date (builder, "date_published", &s->published);
      add_string (builder, "license", s->license);
      add_string (builder, "text", s->text);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_actors (JsonBuilder   *builder,
            DramatisStory *story)
{
  json_builder_set_member_name (builder, "actors");
  json_builder_begin_array (builder);
  for (guint i = 0; i < story->actors->len; i++)
    {
      const DramatisActor *a = &g_array_index (story->actors, DramatisActor, i);

      json_builder_begin_object (builder);
      add_string (builder, "id", a->id);
      add_string (builder, "name", a->name);
      add_string (builder, "kind", dramatis_actor_kind_to_string (a->kind));
      add_string_array (builder, "other_names", a->other_names, a->n_other_names);
      add_string (builder, "role", a->role);
      add_string (builder, "affiliation_id", a->affiliation_id);
      add_string (builder, "summary", a->summary);
      if (a->has_position)
        {
          json_builder_set_member_name (builder, "position");
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "x");
          json_builder_add_double_value (builder, a->x);
          json_builder_set_member_name (builder, "y");
          json_builder_add_double_value (builder, a->y);
          json_builder_set_member_name (builder, "pinned");
          json_builder_add_boolean_value (builder, a->pinned);
          json_builder_end_object (builder);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_events (JsonBuilder   *builder,
            DramatisStory *story)
{
  json_builder_set_member_name (builder, "events");
  json_builder_begin_array (builder);
  for (guint i = 0; i < story->events->len; i++)
    {
      const DramatisEvent *e = &g_array_index (story->events, DramatisEvent, i);

      json_builder_begin_object (builder);
      add_string (builder, "id", e->id);
      add_string (builder, "name", e->name);
      add_string (builder, "classification", e->classification);
      add_span (builder, &e->when);
      add_string (builder, "date_note", e->date_note);
      add_string (builder, "location", e->location);
      add_string (builder, "description", e->description);
      if (e->n_participants > 0)
        {
          json_builder_set_member_name (builder, "participants");
          json_builder_begin_array (builder);
          for (guint j = 0; j < e->n_participants; j++)
            {
              json_builder_begin_object (builder);
              add_string (builder, "actor_id", e->participants[j].actor_id);
              add_string (builder, "role", e->participants[j].role);
              json_builder_end_object (builder);
            }
          json_builder_end_array (builder);
        }
      add_evidence (builder, e->evidence, e->n_evidence);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_relations (JsonBuilder   *builder,
               DramatisStory *story)
{
  json_builder_set_member_name (builder, "relations");
  json_builder_begin_array (builder);
  for (guint i = 0; i < story->relations->len; i++)
    {
      const DramatisRelation *r = &g_array_index (story->relations, DramatisRelation, i);

      json_builder_begin_object (builder);
      add_string (builder, "id", r->id);
      add_string (builder, "type", r->type);
      add_string (builder, "from", r->from_id);
      add_string (builder, "to", r->to_id);
      add_string (builder, "direction", dramatis_direction_to_string (r->direction));
      add_string (builder, "label", r->label);
      add_span (builder, &r->when);
      add_evidence (builder, r->evidence, r->n_evidence);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_statements (JsonBuilder   *builder,
                DramatisStory *story)
{
  json_builder_set_member_name (builder, "statements");
  json_builder_begin_array (builder);
  for (guint i = 0; i < story->statements->len; i++)
    {
      const DramatisStatement *s = &g_array_index (story->statements, DramatisStatement, i);

      json_builder_begin_object (builder);
      add_string (builder, "id", s->id);
      add_string (builder, "creator_id", s->speaker_id);
      add_string (builder, "text", s->text);
      add_string (builder, "attribution_text", s->attribution);
      add_date (builder, "date", &s->date);
      add_date_flags (builder, &s->date);
      add_string (builder, "event_id", s->event_id);
      add_string (builder, "audience_id", s->audience_id);
      add_string_array (builder, "about_ids", s->about_ids, s->n_about);
      add_evidence (builder, s->evidence, s->n_evidence);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

/**
 * dramatis_story_to_bytes:
 * @self: a story
 *
 * Returns: (transfer full): @self as a story file, in UTF-8 JSON, indented
 *   for people and version control
 */
GBytes *
dramatis_story_to_bytes (DramatisStory *self)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(JsonNode) root = NULL;
  GString *text;

  g_return_val_if_fail (DRAMATIS_IS_STORY (self), NULL);

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  add_string (builder, "format", DRAMATIS_STORY_FORMAT_NAME);
  add_string (builder, "version", DRAMATIS_STORY_FORMAT_VERSION);
  add_string (builder, "title", self->title);
  add_string (builder, "description", self->description);
  add_string (builder, "language", self->language);
  add_sources (builder, self);
  add_actors (builder, self);
  add_events (builder, self);
  add_relations (builder, self);
  add_statements (builder, self);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  generator = json_generator_new ();
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);

  text = g_string_new (NULL);
  json_generator_to_gstring (generator, text);
  g_string_append_c (text, '\n');

  return g_string_free_to_bytes (text);
}

static gboolean
write_file (DramatisStory  *self,
            GFile          *file,
            GCancellable   *cancellable,
            GError        **error)
{
  g_autoptr(GBytes) bytes = dramatis_story_to_bytes (self);

  return dramatis_replace_file (file, bytes, cancellable, error);
}

/**
 * dramatis_story_save_file:
 * @self: a story
 * @file: where to save it
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Saves @self to @file atomically: the story is written to a temporary file
 * beside @file, which replaces @file only once it is complete, so a full disk
 * or a crash leaves the old file as it was.  Error messages name the file.
 * Once saved, the story's history counts it as unmodified.
 *
 * Returns: %TRUE on success
 */
gboolean
dramatis_story_save_file (DramatisStory  *self,
                          GFile          *file,
                          GCancellable   *cancellable,
                          GError        **error)
{
  g_return_val_if_fail (DRAMATIS_IS_STORY (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!write_file (self, file, cancellable, error))
    return FALSE;

  dramatis_history_mark_saved (self->history);
  return TRUE;
}

static void
save_file_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  g_autoptr(GError) error = NULL;

  /* The history is the main thread's: the story is marked saved in
   * dramatis_story_save_file_finish().
   */
  if (write_file (source_object, task_data, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static void
save_async (DramatisStory       *self,
            GFile               *file,
            gpointer             source_tag,
            GCancellable        *cancellable,
            GAsyncReadyCallback  callback,
            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, save_file_thread);
}

/**
 * dramatis_story_save_file_async:
 * @self: a story
 * @file: where to save it
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the story is saved
 * @user_data: data for @callback
 *
 * Saves @self as dramatis_story_save_file() does, in a worker thread.  The
 * story must not change until @callback runs.
 */
void
dramatis_story_save_file_async (DramatisStory       *self,
                                GFile               *file,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (DRAMATIS_IS_STORY (self));
  g_return_if_fail (G_IS_FILE (file));

  save_async (self, file, dramatis_story_save_file_async, cancellable, callback, user_data);
}

gboolean
dramatis_story_save_file_finish (DramatisStory  *self,
                                 GAsyncResult   *result,
                                 GError        **error)
{
  g_return_val_if_fail (DRAMATIS_IS_STORY (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == dramatis_story_save_file_async, FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  dramatis_history_mark_saved (self->history);
  return TRUE;
}

/**
 * dramatis_story_save_copy_async:
 * @self: a story
 * @file: where to write the copy
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the copy is written
 * @user_data: data for @callback
 *
 * Writes @self to @file as dramatis_story_save_file_async() does, but as a
 * copy, such as a recovery copy: the story is not marked saved.  The story
 * must not change until @callback runs.
 */
void
dramatis_story_save_copy_async (DramatisStory       *self,
                                GFile               *file,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (DRAMATIS_IS_STORY (self));
  g_return_if_fail (G_IS_FILE (file));

  save_async (self, file, dramatis_story_save_copy_async, cancellable, callback, user_data);
}

gboolean
dramatis_story_save_copy_finish (DramatisStory  *self,
                                 GAsyncResult   *result,
                                 GError        **error)
{
  g_return_val_if_fail (DRAMATIS_IS_STORY (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == dramatis_story_save_copy_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
