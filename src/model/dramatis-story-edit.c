/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "dramatis-story"

#include "config.h"

#include <string.h>

#include "dramatis-story-edit-private.h"

/* The one path every edit of a story takes.  An edit replaces one item by
 * another, adds one or removes one; it keeps a copy of the item before and
 * after, so that undoing and redoing it only swap the two.  After each
 * change the ids and the references between items are resolved again, the
 * indexes rebuilt where the change can touch them, and the views told.
 *
 * The strings of edited items go to the story's string storage and their
 * arrays to blocks the story keeps until it is freed: an item's copy in
 * the history stays valid however often it is undone and redone.
 */

G_DEFINE_QUARK (dramatis-story-edit-error-quark, dramatis_story_edit_error)

/* The kinds of items other items refer to by id. */
#define REFERRED_KINDS ((1u << DRAMATIS_ITEM_ACTOR) | (1u << DRAMATIS_ITEM_EVENT) | (1u << DRAMATIS_ITEM_SOURCE))

/* Up to this many events whose dates or participants changed in one step
 * move in the indexes, each in time linear in the story's events; more
 * than that, the indexes are built again.
 */
#define MAX_EVENTS_MOVED 16

typedef struct
{
  DramatisStory    *story;
  DramatisItemKind  kind;
  guint             index;
  gboolean          has_before;
  gboolean          has_after;
  DramatisItemData      before;
  DramatisItemData      after;
} ItemEdit;

static GArray *
items_of (DramatisStory    *self,
          DramatisItemKind  kind)
{
  switch (kind)
    {
    case DRAMATIS_ITEM_SOURCE:
      return self->sources;
    case DRAMATIS_ITEM_ACTOR:
      return self->actors;
    case DRAMATIS_ITEM_EVENT:
      return self->events;
    case DRAMATIS_ITEM_RELATION:
      return self->relations;
    case DRAMATIS_ITEM_STATEMENT:
    default:
      return self->statements;
    }
}

static GHashTable *
ids_of (DramatisStory    *self,
        DramatisItemKind  kind)
{
  switch (kind)
    {
    case DRAMATIS_ITEM_SOURCE:
      return self->source_ids;
    case DRAMATIS_ITEM_ACTOR:
      return self->actor_ids;
    case DRAMATIS_ITEM_EVENT:
      return self->event_ids;
    case DRAMATIS_ITEM_RELATION:
      return self->relation_ids;
    case DRAMATIS_ITEM_STATEMENT:
    default:
      return self->statement_ids;
    }
}

/* Every item struct starts with its id. */
static void
rebuild_ids (DramatisStory    *self,
             DramatisItemKind  kind)
{
  GArray *items = items_of (self, kind);
  GHashTable *ids = ids_of (self, kind);
  guint size = g_array_get_element_size (items);

  g_hash_table_remove_all (ids);
  for (guint i = 0; i < items->len; i++)
    {
      const char *id = *(const char **) (gpointer) (items->data + (gsize) i * size);

      /* As the loader does, references go to the first item of an id. */
      if (id != NULL && !g_hash_table_contains (ids, id))
        g_hash_table_insert (ids, (gpointer) id, GUINT_TO_POINTER (i));
    }
}

/* Adds or removes the id of the last item, which no later item can share. */
static void
update_last_id (DramatisStory      *self,
                DramatisItemKind    kind,
                const DramatisItemData *item,
                guint               index,
                gboolean            added)
{
  GHashTable *ids = ids_of (self, kind);
  const char *id = *(const char *const *) (gconstpointer) item;
  gpointer value;

  if (id == NULL)
    return;

  if (added && !g_hash_table_contains (ids, id))
    g_hash_table_insert (ids, (gpointer) id, GUINT_TO_POINTER (index));
  else if (!added && g_hash_table_lookup_extended (ids, id, NULL, &value) && GPOINTER_TO_UINT (value) == index)
    g_hash_table_remove (ids, id);
}

/* The index of actor @id, noting a reference that finds no actor. */
static guint
lookup_actor (DramatisStory *self,
              const char    *id)
{
  guint index = dramatis_story_lookup_id (self->actor_ids, id);

  if (id != NULL && index == DRAMATIS_NO_INDEX)
    self->refs_dangle = TRUE;
  return index;
}

static void
resolve_evidence (DramatisStory          *self,
                  const DramatisEvidence *evidence,
                  guint                   n_evidence)
{
  DramatisEvidence *e = (DramatisEvidence *) evidence;

  for (guint i = 0; i < n_evidence; i++)
    e[i].source = dramatis_story_lookup_id (self->source_ids, e[i].source_id);
}

static void
resolve_actor (DramatisStory *self,
               guint          index)
{
  DramatisActor *a = &g_array_index (self->actors, DramatisActor, index);

  a->affiliation = lookup_actor (self, a->affiliation_id);
}

/* The arrays written here are the story's own storage. */
static void
resolve_event (DramatisStory *self,
               guint          index)
{
  DramatisEvent *e = &g_array_index (self->events, DramatisEvent, index);
  DramatisParticipant *p = (DramatisParticipant *) e->participants;

  for (guint j = 0; j < e->n_participants; j++)
    p[j].actor = lookup_actor (self, p[j].actor_id);
  resolve_evidence (self, e->evidence, e->n_evidence);
}

static void
resolve_relation (DramatisStory *self,
                  guint          index)
{
  DramatisRelation *r = &g_array_index (self->relations, DramatisRelation, index);

  r->from = lookup_actor (self, r->from_id);
  r->to = lookup_actor (self, r->to_id);
  resolve_evidence (self, r->evidence, r->n_evidence);
}

static void
resolve_statement (DramatisStory *self,
                   guint          index)
{
  DramatisStatement *s = &g_array_index (self->statements, DramatisStatement, index);
  guint *about = (guint *) s->about;

  s->speaker = lookup_actor (self, s->speaker_id);
  s->event = dramatis_story_lookup_id (self->event_ids, s->event_id);
  s->audience = lookup_actor (self, s->audience_id);
  for (guint j = 0; j < s->n_about; j++)
    about[j] = lookup_actor (self, s->about_ids[j]);
  resolve_evidence (self, s->evidence, s->n_evidence);
}

static void
resolve_item (DramatisStory    *self,
              DramatisItemKind  kind,
              guint             index)
{
  switch (kind)
    {
    case DRAMATIS_ITEM_ACTOR:
      resolve_actor (self, index);
      break;
    case DRAMATIS_ITEM_EVENT:
      resolve_event (self, index);
      break;
    case DRAMATIS_ITEM_RELATION:
      resolve_relation (self, index);
      break;
    case DRAMATIS_ITEM_STATEMENT:
      resolve_statement (self, index);
      break;
    case DRAMATIS_ITEM_SOURCE:
    default:
      break;
    }
}

/* Resolves the references of every item from their ids, after items that
 * others refer to moved up or down.
 */
static void
resolve_references (DramatisStory *self)
{
  self->refs_dangle = FALSE;
  for (guint i = 0; i < self->actors->len; i++)
    resolve_actor (self, i);
  for (guint i = 0; i < self->events->len; i++)
    resolve_event (self, i);
  for (guint i = 0; i < self->relations->len; i++)
    resolve_relation (self, i);
  for (guint i = 0; i < self->statements->len; i++)
    resolve_statement (self, i);
}

static void
forget (DramatisStory *self,
        guint         *reference)
{
  *reference = DRAMATIS_NO_INDEX;
  self->refs_dangle = TRUE;
}

/* After the last actor was removed, the references to it find nothing;
 * no other reference moves.
 */
static void
forget_last_actor (DramatisStory *self,
                   guint          actor)
{
  for (guint i = 0; i < self->actors->len; i++)
    {
      DramatisActor *a = &g_array_index (self->actors, DramatisActor, i);

      if (a->affiliation == actor)
        forget (self, &a->affiliation);
    }
  for (guint i = 0; i < self->events->len; i++)
    {
      const DramatisEvent *e = &g_array_index (self->events, DramatisEvent, i);
      DramatisParticipant *p = (DramatisParticipant *) e->participants;

      for (guint j = 0; j < e->n_participants; j++)
        if (p[j].actor == actor)
          forget (self, &p[j].actor);
    }
  for (guint i = 0; i < self->relations->len; i++)
    {
      DramatisRelation *r = &g_array_index (self->relations, DramatisRelation, i);

      if (r->from == actor)
        forget (self, &r->from);
      if (r->to == actor)
        forget (self, &r->to);
    }
  for (guint i = 0; i < self->statements->len; i++)
    {
      DramatisStatement *s = &g_array_index (self->statements, DramatisStatement, i);
      guint *about = (guint *) s->about;

      if (s->speaker == actor)
        forget (self, &s->speaker);
      if (s->audience == actor)
        forget (self, &s->audience);
      for (guint j = 0; j < s->n_about; j++)
        if (about[j] == actor)
          forget (self, &about[j]);
    }
}

typedef struct
{
  guint kind;
  guint change;
  guint index;
} Change;

/* Brings the references and indexes up to date and tells the views, once
 * the outermost group of edits is complete.
 */
static void
flush_changes (DramatisStory *self)
{
  g_autoptr(GArray) changes = NULL;

  if (self->edit_depth > 0)
    return;

  dramatis_story_undefer_ids (self);

  if (self->edit_resolve_all)
    resolve_references (self);
  if (self->edit_reindex)
    dramatis_story_build_indexes (self);
  else
    {
      if (self->edit_reindex_actor_keys)
        dramatis_story_resize_actor_indexes (self);
      if (self->edit_reindex_events->len > 0)
        dramatis_story_reindex_events (self, (const guint *) (gpointer) self->edit_reindex_events->data,
                                       self->edit_reindex_events->len, self->edit_reindex_participants);
      dramatis_story_build_link_indexes (self, self->edit_reindex_statements, self->edit_reindex_relations);
    }
  g_array_set_size (self->edit_reindex_events, 0);
  self->edit_reindex_participants = FALSE;
  self->edit_reindex_actor_keys = FALSE;
  self->edit_resolve_all = self->edit_reindex = FALSE;
  self->edit_reindex_statements = self->edit_reindex_relations = FALSE;

  /* A handler may edit the story again: it finds the list empty. */
  changes = g_steal_pointer (&self->edit_changes);
  self->edit_changes = g_array_new (FALSE, FALSE, sizeof (Change));
  for (guint i = 0; i < changes->len; i++)
    {
      const Change *c = &g_array_index (changes, Change, i);

      dramatis_story_emit_items_changed (self, c->kind, c->change, c->index);
    }
  if (changes->len > 0)
    dramatis_story_emit_edited (self);
}

static gboolean
same_participants (const DramatisEvent *a,
                   const DramatisEvent *b)
{
  if (a->n_participants != b->n_participants)
    return FALSE;
  for (guint i = 0; i < a->n_participants; i++)
    if (g_strcmp0 (a->participants[i].actor_id, b->participants[i].actor_id) != 0)
      return FALSE;
  return TRUE;
}

/* Whether changing an item from @from to @to changes what the indexes
 * hold: the references they list it under (compared by id, which decides
 * the index), and the dates they sort by.
 */
static gboolean
changes_index_keys (DramatisItemKind        kind,
                    const DramatisItemData *from,
                    const DramatisItemData *to)
{
  switch (kind)
    {
    case DRAMATIS_ITEM_STATEMENT:
      return g_strcmp0 (from->statement.speaker_id, to->statement.speaker_id) != 0 ||
             g_strcmp0 (from->statement.event_id, to->statement.event_id) != 0 ||
             !dramatis_date_equal (&from->statement.date, &to->statement.date);
    case DRAMATIS_ITEM_RELATION:
      return g_strcmp0 (from->relation.from_id, to->relation.from_id) != 0 ||
             g_strcmp0 (from->relation.to_id, to->relation.to_id) != 0;
    case DRAMATIS_ITEM_EVENT:
      return !dramatis_date_equal (&from->event.when.start, &to->event.when.start) ||
             !dramatis_date_equal (&from->event.when.end, &to->event.when.end) ||
             !same_participants (&from->event, &to->event);
    case DRAMATIS_ITEM_ACTOR:
    case DRAMATIS_ITEM_SOURCE:
    default:
      return FALSE;
    }
}

static void
set_item (DramatisStory      *self,
          DramatisItemKind    kind,
          guint               index,
          const DramatisItemData *from,
          const DramatisItemData *to)
{
  GArray *items = items_of (self, kind);
  Change change = { kind, DRAMATIS_ITEM_CHANGED, index };
  gboolean last_actor;

  if (from == NULL)
    {
      g_array_insert_vals (items, index, to, 1);
      change.change = DRAMATIS_ITEM_ADDED;
    }
  else if (to == NULL)
    {
      g_array_remove_index (items, index);
      change.change = DRAMATIS_ITEM_REMOVED;
    }
  else
    memcpy (items->data + (gsize) index * g_array_get_element_size (items), to,
            g_array_get_element_size (items));

  /* Ids are needed at once, by the checks of the next edit, but while
   * edits that check nothing go on (undoing, redoing, the parts of Delete
   * Actor), once after them.  Adding or removing the last item, the
   * common case, moves no other.
   */
  if (change.change == DRAMATIS_ITEM_CHANGED)
    ;
  else if (index == items->len - (change.change == DRAMATIS_ITEM_ADDED) && !(self->ids_dirty & (1u << kind)))
    update_last_id (self, kind, change.change == DRAMATIS_ITEM_ADDED ? to : from, index,
                    change.change == DRAMATIS_ITEM_ADDED);
  else if (self->ids_deferred > 0)
    self->ids_dirty |= 1u << kind;
  else
    rebuild_ids (self, kind);

  /* Only actors, events and sources are referred to: when one of them
   * comes or goes, the references to those after it move.  The last
   * actor, the common case, moves none: a new one is referred to by no
   * reference that found nothing before, and the references to one
   * removed find nothing now.
   */
  last_actor = kind == DRAMATIS_ITEM_ACTOR && change.change != DRAMATIS_ITEM_CHANGED &&
               index == items->len - (change.change == DRAMATIS_ITEM_ADDED) &&
               !self->edit_resolve_all && !self->edit_reindex && !(self->ids_dirty & REFERRED_KINDS) &&
               (change.change == DRAMATIS_ITEM_REMOVED || !self->refs_dangle);
  if (last_actor && change.change == DRAMATIS_ITEM_REMOVED)
    forget_last_actor (self, index);
  else if (last_actor)
    resolve_item (self, kind, index);
  else if ((change.change != DRAMATIS_ITEM_CHANGED &&
            (kind == DRAMATIS_ITEM_ACTOR || kind == DRAMATIS_ITEM_EVENT || kind == DRAMATIS_ITEM_SOURCE)) ||
           (self->ids_dirty & REFERRED_KINDS))
    self->edit_resolve_all = TRUE;
  else if (to != NULL)
    resolve_item (self, kind, index);

  /* Indexes have a key per actor and per event, and the events' times;
   * statements and relations are only listed in them.  An actor's own
   * fields and sources are in none, nor the text of the others: a change
   * that keeps what the indexes hold leaves them as they are.
   */
  if (change.change == DRAMATIS_ITEM_CHANGED && !changes_index_keys (kind, from, to))
    ;
  else if (last_actor)
    {
      /* Its key is the last of each index: the indexes only gain or lose
       * it, and what was listed under it alone.
       */
      self->edit_reindex_actor_keys = TRUE;
    }
  else if (kind == DRAMATIS_ITEM_STATEMENT)
    self->edit_reindex_statements = TRUE;
  else if (kind == DRAMATIS_ITEM_RELATION)
    self->edit_reindex_relations = TRUE;
  else if (kind == DRAMATIS_ITEM_EVENT && change.change == DRAMATIS_ITEM_CHANGED &&
           self->edit_reindex_events->len < MAX_EVENTS_MOVED)
    {
      g_array_append_val (self->edit_reindex_events, index);
      self->edit_reindex_participants |= !same_participants (&from->event, &to->event);
    }
  else if (kind == DRAMATIS_ITEM_EVENT || (kind == DRAMATIS_ITEM_ACTOR && change.change != DRAMATIS_ITEM_CHANGED))
    self->edit_reindex = TRUE;

  dramatis_story_note_change (self, kind, change.change, index);
}

/* Until the matching dramatis_story_undefer_ids(), items that come or go
 * leave the ids of their kind to be indexed once after them: for edits
 * that look no id up, such as undoing and redoing, and the parts of Delete
 * Actor.  References resolved meanwhile are resolved again at the end.
 */
void
dramatis_story_defer_ids (DramatisStory *self)
{
  self->ids_deferred++;
}

void
dramatis_story_undefer_ids (DramatisStory *self)
{
  if (self->ids_deferred > 0 && --self->ids_deferred > 0)
    return;

  for (guint kind = DRAMATIS_ITEM_ACTOR; kind <= DRAMATIS_ITEM_SOURCE; kind++)
    if (self->ids_dirty & (1u << kind))
      rebuild_ids (self, kind);
  self->ids_dirty = 0;
}

/* Tells the views of a change that touches no index, in its turn with the
 * other changes of its group.
 */
void
dramatis_story_note_change (DramatisStory      *self,
                            DramatisItemKind    kind,
                            DramatisItemChange  change,
                            guint               index)
{
  Change c = { kind, change, index };

  g_array_append_val (self->edit_changes, c);
  flush_changes (self);
}

static void
item_edit_apply (gpointer data,
                 gboolean reverse)
{
  ItemEdit *edit = data;
  const DramatisItemData *before = edit->has_before ? &edit->before : NULL;
  const DramatisItemData *after = edit->has_after ? &edit->after : NULL;

  if (reverse)
    set_item (edit->story, edit->kind, edit->index, after, before);
  else
    set_item (edit->story, edit->kind, edit->index, before, after);
}

/* Applies an edit of one item and records it in the history: @before is
 * %NULL to add @after at @index, @after is %NULL to remove the item at
 * @index.  The edit must have been checked.
 */
void
dramatis_story_apply_edit (DramatisStory      *self,
                           const char         *name,
                           DramatisItemKind    kind,
                           guint               index,
                           const DramatisItemData *before,
                           const DramatisItemData *after)
{
  ItemEdit *edit = g_new0 (ItemEdit, 1);
  gsize size = g_array_get_element_size (items_of (self, kind));

  g_assert (before != NULL || after != NULL);

  edit->story = self;
  edit->kind = kind;
  edit->index = index;
  edit->has_before = before != NULL;
  edit->has_after = after != NULL;
  if (before)
    memcpy (&edit->before, before, size);
  if (after)
    memcpy (&edit->after, after, size);

  item_edit_apply (edit, FALSE);
  dramatis_history_push (self->history, name, item_edit_apply, edit, g_free);
}

/* Adds a checked copy of @item after the items of its kind. */
guint
dramatis_story_add_item (DramatisStory    *self,
                         const char       *name,
                         DramatisItemKind  kind,
                         gconstpointer     item,
                         DramatisKeepFunc  keep,
                         GError          **error)
{
  DramatisItemData kept;
  guint index;

  /* Every item struct starts with its id. */
  if (!dramatis_story_check_new_id (self, ids_of (self, kind), *(const char *const *) item, error) ||
      !keep (self, item, &kept, error))
    return DRAMATIS_NO_INDEX;

  index = items_of (self, kind)->len;
  dramatis_story_apply_edit (self, name, kind, index, NULL, &kept);

  return index;
}

/* Replaces item @index of @kind by a checked copy of @item, of the same id. */
gboolean
dramatis_story_change_item (DramatisStory    *self,
                            const char       *name,
                            DramatisItemKind  kind,
                            guint             index,
                            gconstpointer     item,
                            DramatisKeepFunc  keep,
                            GError          **error)
{
  GArray *items = items_of (self, kind);
  gsize size = g_array_get_element_size (items);
  DramatisItemData before, after;

  memcpy (&before, items->data + index * size, size);
  if (!dramatis_story_check_same_id (*(const char **) (gpointer) &before, *(const char *const *) item, error) ||
      !keep (self, item, &after, error))
    return FALSE;

  dramatis_story_apply_edit (self, name, kind, index, &before, &after);

  return TRUE;
}

/* Removes item @index of @kind alone. */
void
dramatis_story_remove_item (DramatisStory    *self,
                            const char       *name,
                            DramatisItemKind  kind,
                            guint             index)
{
  GArray *items = items_of (self, kind);
  gsize size = g_array_get_element_size (items);
  DramatisItemData before;

  memcpy (&before, items->data + index * size, size);
  dramatis_story_apply_edit (self, name, kind, index, &before, NULL);
}

/* Copies an array an edited item points to, for as long as the story lives. */
gpointer
dramatis_story_keep_block (DramatisStory *self,
                           gconstpointer  data,
                           gsize          size)
{
  gpointer block;

  if (size == 0)
    return NULL;

  block = g_memdup2 (data, size);
  g_ptr_array_add (self->edit_blocks, block);

  return block;
}

const char *const *
dramatis_story_keep_strv (DramatisStory     *self,
                          const char *const *strv,
                          guint              n)
{
  const char **copy;

  if (n == 0)
    return NULL;

  copy = g_new (const char *, n);
  for (guint i = 0; i < n; i++)
    copy[i] = dramatis_story_intern (self, strv[i]);
  g_ptr_array_add (self->edit_blocks, copy);

  return copy;
}

gboolean
dramatis_story_edit_refuse (GError     **error,
                            const char  *format,
                            ...)
{
  va_list args;

  va_start (args, format);
  g_propagate_error (error, g_error_new_valist (DRAMATIS_STORY_EDIT_ERROR,
                                                DRAMATIS_STORY_EDIT_ERROR_INVALID, format, args));
  va_end (args);

  return FALSE;
}

/**
 * dramatis_story_get_history:
 * @self: a story
 *
 * Returns: (transfer none): the edits of @self that can be undone and redone,
 *   and whether it differs from what was last saved
 */
DramatisHistory *
dramatis_story_get_history (DramatisStory *self)
{
  g_return_val_if_fail (DRAMATIS_IS_STORY (self), NULL);

  return self->history;
}

/**
 * dramatis_story_undo:
 * @self: a story
 *
 * Takes back the last edit, or the last group of edits.  Undoing through
 * the story rather than its history brings the indexes up to date once
 * for a whole group.
 *
 * Returns: %FALSE if there was nothing to undo
 */
gboolean
dramatis_story_undo (DramatisStory *self)
{
  gboolean undone;

  g_return_val_if_fail (DRAMATIS_IS_STORY (self), FALSE);

  self->edit_depth++;
  dramatis_story_defer_ids (self);
  undone = dramatis_history_undo (self->history);
  dramatis_story_undefer_ids (self);
  self->edit_depth--;
  flush_changes (self);

  return undone;
}

/**
 * dramatis_story_redo:
 * @self: a story
 *
 * Does again the last edit undone.
 *
 * Returns: %FALSE if there was nothing to redo
 */
gboolean
dramatis_story_redo (DramatisStory *self)
{
  gboolean redone;

  g_return_val_if_fail (DRAMATIS_IS_STORY (self), FALSE);

  self->edit_depth++;
  dramatis_story_defer_ids (self);
  redone = dramatis_history_redo (self->history);
  dramatis_story_undefer_ids (self);
  self->edit_depth--;
  flush_changes (self);

  return redone;
}

/**
 * dramatis_story_begin_edit:
 * @self: a story
 * @name: what the edits do together, as in "Delete Actor"
 *
 * Groups the edits until dramatis_story_end_edit() into one step of the
 * history, undone and redone at once.  Until the group ends, the ids are
 * up to date but the indexes and the references by index are not, and
 * #DramatisStory::items-changed waits.
 */
void
dramatis_story_begin_edit (DramatisStory *self,
                           const char    *name)
{
  g_return_if_fail (DRAMATIS_IS_STORY (self));

  self->edit_depth++;
  dramatis_history_begin_step (self->history, name);
}

/**
 * dramatis_story_end_edit:
 * @self: a story
 *
 * Ends a group begun with dramatis_story_begin_edit(), and tells the views
 * what changed in it.
 */
void
dramatis_story_end_edit (DramatisStory *self)
{
  g_return_if_fail (DRAMATIS_IS_STORY (self));
  g_return_if_fail (self->edit_depth > 0);

  dramatis_history_end_step (self->history);
  self->edit_depth--;
  flush_changes (self);
}
