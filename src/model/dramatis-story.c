/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "dramatis-story"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "dramatis-story-private.h"

/* The story: its items in flat arrays, their ids, the strings they share,
 * the problems found while loading it, and what can be changed of it.
 * Reading it from a file is dramatis-story-loader.c, writing it
 * dramatis-story-saver.c, and the indexes its queries use
 * dramatis-story-index.c.
 */

G_DEFINE_FINAL_TYPE (DramatisStory, dramatis_story, G_TYPE_OBJECT)

enum
{
  SIGNAL_ITEMS_CHANGED,
  SIGNAL_EDITED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
clear_problem (gpointer data)
{
  DramatisProblem *problem = data;

  g_clear_pointer (&problem->message, g_free);
  g_clear_pointer (&problem->path, g_free);
}


/* The index of the item of an id in one of the story's id tables. */
guint
dramatis_story_lookup_id (GHashTable *ids,
                          const char *id)
{
  gpointer value;

  if (id == NULL || !g_hash_table_lookup_extended (ids, id, NULL, &value))
    return DRAMATIS_NO_INDEX;

  return GPOINTER_TO_UINT (value);
}

static void
dramatis_story_finalize (GObject *object)
{
  DramatisStory *self = (DramatisStory *)object;

  dramatis_story_clear_indexes (self);

  /* The history's commands point into the story: they go first. */
  g_clear_object (&self->history);
  g_clear_pointer (&self->edit_blocks, g_ptr_array_unref);
  g_clear_pointer (&self->edit_changes, g_array_unref);
  g_clear_pointer (&self->edit_reindex_events, g_array_unref);

  g_clear_pointer (&self->sources, g_array_unref);
  g_clear_pointer (&self->actors, g_array_unref);
  g_clear_pointer (&self->events, g_array_unref);
  g_clear_pointer (&self->relations, g_array_unref);
  g_clear_pointer (&self->statements, g_array_unref);
  g_clear_pointer (&self->participants, g_array_unref);
  g_clear_pointer (&self->evidence, g_array_unref);
  g_clear_pointer (&self->names, g_ptr_array_unref);
  g_clear_pointer (&self->about, g_array_unref);

  g_clear_pointer (&self->source_ids, g_hash_table_unref);
  g_clear_pointer (&self->actor_ids, g_hash_table_unref);
  g_clear_pointer (&self->event_ids, g_hash_table_unref);
  g_clear_pointer (&self->relation_ids, g_hash_table_unref);
  g_clear_pointer (&self->statement_ids, g_hash_table_unref);

  g_clear_pointer (&self->problems, g_array_unref);
  g_clear_pointer (&self->strings, g_string_chunk_free);

  G_OBJECT_CLASS (dramatis_story_parent_class)->finalize (object);
}

static void
dramatis_story_class_init (DramatisStoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = dramatis_story_finalize;

  /**
   * DramatisStory::items-changed:
   * @self: the story
   * @kind: the #DramatisItemKind of the item
   * @change: the #DramatisItemChange: added, changed or removed
   * @index: the index of the item; for a removed item, the index it had
   *
   * Emitted after an edit, or its undoing, changed one item, once the
   * indexes are up to date.  Items after an added or removed one move up
   * or down by one.  The changes of a group of edits are told when the
   * group ends, in the order they happened, each index as it was at its
   * change.
   */
  signals[SIGNAL_ITEMS_CHANGED] = g_signal_new ("items-changed", G_TYPE_FROM_CLASS (klass),
                                                G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                                G_TYPE_NONE, 3, G_TYPE_UINT, G_TYPE_UINT,
                                                G_TYPE_UINT);

  /**
   * DramatisStory::edited:
   * @self: the story
   *
   * Emitted once after an edit, a group of edits, an undo or a redo changed
   * the story, after all its #DramatisStory::items-changed: a view that
   * collects the changes of a step updates itself here, once.
   */
  signals[SIGNAL_EDITED] = g_signal_new ("edited", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 0);
}

void
dramatis_story_emit_items_changed (DramatisStory *self,
                                   guint          kind,
                                   guint          change,
                                   guint          index)
{
  g_signal_emit (self, signals[SIGNAL_ITEMS_CHANGED], 0, kind, change, index);
}

void
dramatis_story_emit_edited (DramatisStory *self)
{
  g_signal_emit (self, signals[SIGNAL_EDITED], 0);
}

static void
dramatis_story_init (DramatisStory *self)
{
  self->strings = g_string_chunk_new (64 * 1024);

  self->sources = g_array_new (FALSE, TRUE, sizeof (DramatisSource));
  self->actors = g_array_new (FALSE, TRUE, sizeof (DramatisActor));
  self->events = g_array_new (FALSE, TRUE, sizeof (DramatisEvent));
  self->relations = g_array_new (FALSE, TRUE, sizeof (DramatisRelation));
  self->statements = g_array_new (FALSE, TRUE, sizeof (DramatisStatement));
  self->participants = g_array_new (FALSE, TRUE, sizeof (DramatisParticipant));
  self->evidence = g_array_new (FALSE, TRUE, sizeof (DramatisEvidence));
  self->names = g_ptr_array_new ();
  self->about = g_array_new (FALSE, TRUE, sizeof (guint));

  self->source_ids = g_hash_table_new (g_str_hash, g_str_equal);
  self->actor_ids = g_hash_table_new (g_str_hash, g_str_equal);
  self->event_ids = g_hash_table_new (g_str_hash, g_str_equal);
  self->relation_ids = g_hash_table_new (g_str_hash, g_str_equal);
  self->statement_ids = g_hash_table_new (g_str_hash, g_str_equal);

  self->problems = g_array_new (FALSE, TRUE, sizeof (DramatisProblem));
  g_array_set_clear_func (self->problems, clear_problem);

  self->history = dramatis_history_new ();
  self->edit_blocks = g_ptr_array_new_with_free_func (g_free);
  self->edit_changes = g_array_new (FALSE, FALSE, sizeof (guint) * 3);
  self->edit_reindex_events = g_array_new (FALSE, FALSE, sizeof (guint));
}

/**
 * dramatis_story_new:
 *
 * Creates an empty story.  Stories with content come from
 * dramatis_story_load_bytes() and its relatives.
 *
 * Returns: (transfer full): a new, empty story
 */
DramatisStory *
dramatis_story_new (void)
{
  g_autoptr(DramatisStory) self = g_object_new (DRAMATIS_TYPE_STORY, NULL);

  dramatis_story_build_indexes (self);

  return g_steal_pointer (&self);
}

/* Strings that repeat (ids, types, roles) are stored once. */
const char *
dramatis_story_intern (DramatisStory *self,
                       const char    *str)
{
  g_assert (DRAMATIS_IS_STORY (self));

  if (str == NULL)
    return NULL;

  return g_string_chunk_insert_const (self->strings, str);
}

const char *
dramatis_story_insert (DramatisStory *self,
                       const char    *str)
{
  g_assert (DRAMATIS_IS_STORY (self));

  if (str == NULL)
    return NULL;

  return g_string_chunk_insert (self->strings, str);
}

/* Takes both strings. */
void
dramatis_story_add_problem (DramatisStory *self,
                            char          *path,
                            char          *message)
{
  DramatisProblem problem = { message, path, 0, 0 };

  g_assert (DRAMATIS_IS_STORY (self));

  g_array_append_val (self->problems, problem);
}


const char *
dramatis_story_get_title (DramatisStory *self)
{
  g_return_val_if_fail (DRAMATIS_IS_STORY (self), NULL);

  return self->title;
}

const char *
dramatis_story_get_description (DramatisStory *self)
{
  g_return_val_if_fail (DRAMATIS_IS_STORY (self), NULL);

  return self->description;
}

const char *
dramatis_story_get_language (DramatisStory *self)
{
  g_return_val_if_fail (DRAMATIS_IS_STORY (self), NULL);

  return self->language;
}

#define DEFINE_ITEM_ACCESSORS(Type, name, plural)                                \
  guint                                                                          \
  dramatis_story_get_n_##plural (DramatisStory *self)                            \
  {                                                                              \
    g_return_val_if_fail (DRAMATIS_IS_STORY (self), 0);                          \
    return self->plural->len;                                                    \
  }                                                                              \
                                                                                 \
  const Type *                                                                   \
  dramatis_story_get_##name (DramatisStory *self,                                \
                             guint          index)                               \
  {                                                                              \
    g_return_val_if_fail (DRAMATIS_IS_STORY (self), NULL);                       \
    g_return_val_if_fail (index < self->plural->len, NULL);                      \
    return &g_array_index (self->plural, Type, index);                           \
  }                                                                              \
                                                                                 \
  guint                                                                          \
  dramatis_story_find_##name (DramatisStory *self,                               \
                              const char    *id)                                 \
  {                                                                              \
    g_return_val_if_fail (DRAMATIS_IS_STORY (self), DRAMATIS_NO_INDEX);          \
    g_return_val_if_fail (id != NULL, DRAMATIS_NO_INDEX);                        \
    return dramatis_story_lookup_id (self->name##_ids, id);                      \
  }

/* Each kind of item has the same three accessors: a count, the item at an
 * index, and the index of an id.
 */
DEFINE_ITEM_ACCESSORS (DramatisSource, source, sources)
DEFINE_ITEM_ACCESSORS (DramatisActor, actor, actors)
DEFINE_ITEM_ACCESSORS (DramatisEvent, event, events)
DEFINE_ITEM_ACCESSORS (DramatisRelation, relation, relations)
DEFINE_ITEM_ACCESSORS (DramatisStatement, statement, statements)


/**
 * dramatis_story_dup_evidence_text:
 * @self: a story
 * @evidence: evidence of an item of @self
 *
 * The passage @evidence points at: the characters of the source text from
 * its start to its end, or its quoted text where the source has no text.
 *
 * Returns: (transfer full) (nullable): the passage, or %NULL if there is none
 */
char *
dramatis_story_dup_evidence_text (DramatisStory          *self,
                                  const DramatisEvidence *evidence)
{
  const DramatisSource *source;
  const char *begin, *end;

  g_return_val_if_fail (DRAMATIS_IS_STORY (self), NULL);
  g_return_val_if_fail (evidence != NULL, NULL);

  if (evidence->source >= self->sources->len || evidence->end <= evidence->start)
    return g_strdup (evidence->exact);

  source = &g_array_index (self->sources, DramatisSource, evidence->source);
  if (source->text == NULL || evidence->end > source->text_length)
    return g_strdup (evidence->exact);

  begin = dramatis_source_get_text_at (source, evidence->start);
  end = dramatis_source_get_text_at (source, evidence->end);

  return g_strndup (begin, end - begin);
}

/**
 * dramatis_story_set_actor_position:
 * @self: a story
 * @actor: index of an actor
 * @x: horizontal position
 * @y: vertical position
 * @pinned: whether layouts must leave the actor where it is
 *
 * Stores where an actor is drawn, so that an arrangement made by hand is
 * saved with the story.
 */
void
dramatis_story_set_actor_position (DramatisStory *self,
                                   guint          actor,
                                   double         x,
                                   double         y,
                                   gboolean       pinned)
{
  DramatisActor *a;

  g_return_if_fail (DRAMATIS_IS_STORY (self));
  g_return_if_fail (actor < self->actors->len);
  g_return_if_fail (isfinite (x) && isfinite (y));

  a = &g_array_index (self->actors, DramatisActor, actor);
  a->has_position = TRUE;
  a->x = x;
  a->y = y;
  a->pinned = !!pinned;
}

/**
 * dramatis_story_clear_actor_positions:
 * @self: a story
 *
 * Forgets every stored position and pin.
 */
void
dramatis_story_clear_actor_positions (DramatisStory *self)
{
  g_return_if_fail (DRAMATIS_IS_STORY (self));

  for (guint i = 0; i < self->actors->len; i++)
    {
      DramatisActor *a = &g_array_index (self->actors, DramatisActor, i);

      a->has_position = FALSE;
      a->pinned = FALSE;
      a->x = a->y = 0.0;
    }
}

/**
 * dramatis_story_get_problems:
 * @self: a story
 * @n_problems: (out): the number of problems
 *
 * The non-fatal problems found while loading @self, in document order of
 * the kinds of items, each with its place in the file.
 *
 * Returns: (array length=n_problems): the problems
 */
const DramatisProblem *
dramatis_story_get_problems (DramatisStory *self,
                             guint         *n_problems)
{
  g_return_val_if_fail (DRAMATIS_IS_STORY (self), NULL);
  g_return_val_if_fail (n_problems != NULL, NULL);

  *n_problems = self->problems->len;
  return (const DramatisProblem *) (gpointer) self->problems->data;
}

static gboolean
evidence_equal (const DramatisEvidence *a,
                guint                   n_a,
                const DramatisEvidence *b,
                guint                   n_b)
{
  if (n_a != n_b)
    return FALSE;

  for (guint i = 0; i < n_a; i++)
    if (g_strcmp0 (a[i].source_id, b[i].source_id) != 0 ||
        a[i].start != b[i].start ||
        a[i].end != b[i].end ||
        g_strcmp0 (a[i].exact, b[i].exact) != 0)
      return FALSE;

  return TRUE;
}

static gboolean
strv_equal (const char *const *a,
            const char *const *b,
            guint              n)
{
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (a[i], b[i]) != 0)
      return FALSE;

  return TRUE;
}

static gboolean
span_equal (const DramatisSpan *a,
            const DramatisSpan *b)
{
  return dramatis_date_equal (&a->start, &b->start) && dramatis_date_equal (&a->end, &b->end);
}

/**
 * dramatis_story_equal:
 * @a: a story
 * @b: another story
 *
 * Compares everything a story file holds, item by item and in order.  The
 * problems found while loading are not part of the story.
 *
 * Returns: %TRUE if saving @a and @b would write the same story
 */
gboolean
dramatis_story_equal (DramatisStory *a,
                      DramatisStory *b)
{
  g_return_val_if_fail (DRAMATIS_IS_STORY (a), FALSE);
  g_return_val_if_fail (DRAMATIS_IS_STORY (b), FALSE);

  if (g_strcmp0 (a->title, b->title) != 0 ||
      g_strcmp0 (a->description, b->description) != 0 ||
      g_strcmp0 (a->language, b->language) != 0 ||
      a->sources->len != b->sources->len ||
      a->actors->len != b->actors->len ||
      a->events->len != b->events->len ||
      a->relations->len != b->relations->len ||
      a->statements->len != b->statements->len)
    return FALSE;

  for (guint i = 0; i < a->sources->len; i++)
    {
      const DramatisSource *x = &g_array_index (a->sources, DramatisSource, i);
      const DramatisSource *y = &g_array_index (b->sources, DramatisSource, i);

      if (g_strcmp0 (x->id, y->id) != 0 ||
          g_strcmp0 (x->title, y->title) != 0 ||
          g_strcmp0 (x->publisher, y->publisher) != 0 ||
          g_strcmp0 (x->url, y->url) != 0 ||
          g_strcmp0 (x->license, y->license) != 0 ||
          !dramatis_date_equal (&x->published, &y->published) ||
          g_strcmp0 (x->text, y->text) != 0)
        return FALSE;
    }

  for (guint i = 0; i < a->actors->len; i++)
    {
      const DramatisActor *x = &g_array_index (a->actors, DramatisActor, i);
      const DramatisActor *y = &g_array_index (b->actors, DramatisActor, i);

      if (g_strcmp0 (x->id, y->id) != 0 ||
          g_strcmp0 (x->name, y->name) != 0 ||
          x->kind != y->kind ||
          g_strcmp0 (x->role, y->role) != 0 ||
          g_strcmp0 (x->summary, y->summary) != 0 ||
          g_strcmp0 (x->affiliation_id, y->affiliation_id) != 0 ||
          x->n_other_names != y->n_other_names ||
          !strv_equal (x->other_names, y->other_names, x->n_other_names) ||
          x->has_position != y->has_position ||
          x->pinned != y->pinned ||
          x->x != y->x ||
          x->y != y->y)
        return FALSE;
    }

  for (guint i = 0; i < a->events->len; i++)
    {
      const DramatisEvent *x = &g_array_index (a->events, DramatisEvent, i);
      const DramatisEvent *y = &g_array_index (b->events, DramatisEvent, i);

      if (g_strcmp0 (x->id, y->id) != 0 ||
          g_strcmp0 (x->name, y->name) != 0 ||
          g_strcmp0 (x->description, y->description) != 0 ||
          g_strcmp0 (x->classification, y->classification) != 0 ||
          g_strcmp0 (x->location, y->location) != 0 ||
          g_strcmp0 (x->date_note, y->date_note) != 0 ||
          !span_equal (&x->when, &y->when) ||
          x->n_participants != y->n_participants ||
          !evidence_equal (x->evidence, x->n_evidence, y->evidence, y->n_evidence))
        return FALSE;

      for (guint j = 0; j < x->n_participants; j++)
        if (g_strcmp0 (x->participants[j].actor_id, y->participants[j].actor_id) != 0 ||
            g_strcmp0 (x->participants[j].role, y->participants[j].role) != 0)
          return FALSE;
    }

  for (guint i = 0; i < a->relations->len; i++)
    {
      const DramatisRelation *x = &g_array_index (a->relations, DramatisRelation, i);
      const DramatisRelation *y = &g_array_index (b->relations, DramatisRelation, i);

      if (g_strcmp0 (x->id, y->id) != 0 ||
          g_strcmp0 (x->type, y->type) != 0 ||
          g_strcmp0 (x->label, y->label) != 0 ||
          g_strcmp0 (x->from_id, y->from_id) != 0 ||
          g_strcmp0 (x->to_id, y->to_id) != 0 ||
          x->direction != y->direction ||
          !span_equal (&x->when, &y->when) ||
          !evidence_equal (x->evidence, x->n_evidence, y->evidence, y->n_evidence))
        return FALSE;
    }

  for (guint i = 0; i < a->statements->len; i++)
    {
      const DramatisStatement *x = &g_array_index (a->statements, DramatisStatement, i);
      const DramatisStatement *y = &g_array_index (b->statements, DramatisStatement, i);

      if (g_strcmp0 (x->id, y->id) != 0 ||
          g_strcmp0 (x->speaker_id, y->speaker_id) != 0 ||
          g_strcmp0 (x->text, y->text) != 0 ||
          g_strcmp0 (x->attribution, y->attribution) != 0 ||
          !dramatis_date_equal (&x->date, &y->date) ||
          g_strcmp0 (x->event_id, y->event_id) != 0 ||
          g_strcmp0 (x->audience_id, y->audience_id) != 0 ||
          x->n_about != y->n_about ||
          !strv_equal (x->about_ids, y->about_ids, x->n_about) ||
          !evidence_equal (x->evidence, x->n_evidence, y->evidence, y->n_evidence))
        return FALSE;
    }

  return TRUE;
}

/**
 * dramatis_source_get_text_at:
 * @source: a source with text
 * @offset: a character offset, at most the length of the text
 *
 * Returns: a pointer to the character at @offset in the source's text
 */
const char *
dramatis_source_get_text_at (const DramatisSource *source,
                             guint                 offset)
{
  g_return_val_if_fail (source != NULL, NULL);
  g_return_val_if_fail (source->text != NULL, NULL);
  g_return_val_if_fail (offset <= source->text_length, NULL);

  /* In ASCII text, and only there, characters and bytes are one. */
  if (source->text_size == source->text_length)
    return source->text + offset;

  return g_utf8_offset_to_pointer (source->text, offset);
}

/* A story may leave out an item's name, or even its id: the loader reports
 * it and keeps the item, which is then shown by its id.  A name given as
 * empty is the author's choice of no label.
 */
static const char *
label_of (const char *name,
          const char *id)
{
  if (name != NULL)
    return name;
  return id != NULL ? id : "";
}

/**
 * dramatis_actor_get_label:
 * @actor: an actor
 *
 * Returns: what to call @actor: its name, or its id if it has no name; never
 *   %NULL, but empty if it has neither or its name is empty
 */
const char *
dramatis_actor_get_label (const DramatisActor *actor)
{
  g_return_val_if_fail (actor != NULL, "");

  return label_of (actor->name, actor->id);
}

/**
 * dramatis_event_get_label:
 * @event: an event
 *
 * Returns: what to call @event: its name, or its id if it has no name; never
 *   %NULL, but empty if it has neither or its name is empty
 */
const char *
dramatis_event_get_label (const DramatisEvent *event)
{
  g_return_val_if_fail (event != NULL, "");

  return label_of (event->name, event->id);
}

const char *
dramatis_actor_kind_to_string (DramatisActorKind kind)
{
  switch (kind)
    {
    case DRAMATIS_ACTOR_KIND_STATE:
      return "state";
    case DRAMATIS_ACTOR_KIND_ORGANIZATION:
      return "organization";
    case DRAMATIS_ACTOR_KIND_PERSON:
      return "person";
    case DRAMATIS_ACTOR_KIND_GROUP:
      return "group";
    case DRAMATIS_ACTOR_KIND_OTHER:
    default:
      return "other";
    }
}

const char *
dramatis_direction_to_string (DramatisDirection direction)
{
  switch (direction)
    {
    case DRAMATIS_DIRECTION_UNDIRECTED:
      return "undirected";
    case DRAMATIS_DIRECTION_MUTUAL:
      return "mutual";
    case DRAMATIS_DIRECTION_DIRECTED:
    default:
      return "directed";
    }
}
