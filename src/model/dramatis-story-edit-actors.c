/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "dramatis-story"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "dramatis-story-edit-private.h"

/* Edits of actors: moving and pinning them, adding, changing and removing
 * them.  Removing an actor removes what cannot be without it (its
 * statements and relations) and the references others make to it, in one
 * step of the history.
 */

/* Checks @actor and copies it into the story's storage as @kept. */
static gboolean
keep_actor (DramatisStory  *self,
            gconstpointer   data,
            DramatisItemData   *item,
            GError        **error)
{
  const DramatisActor *actor = data;
  DramatisActor *kept = &item->actor;
  if (actor->name == NULL)
    return dramatis_story_edit_refuse (error, _("the actor has no name"));
  if ((guint) actor->kind > DRAMATIS_ACTOR_KIND_GROUP)
    return dramatis_story_edit_refuse (error, _("the actor’s kind is not one the story format knows"));
  if (!dramatis_story_check_actor_ref (self, C_("part of an actor", "affiliation"),
                                       actor->affiliation_id, error))
    return FALSE;
  if (actor->has_position && (!isfinite (actor->x) || !isfinite (actor->y)))
    return dramatis_story_edit_refuse (error, _("the actor’s position is not a number"));
  if (actor->pinned && !actor->has_position)
    return dramatis_story_edit_refuse (error, _("the actor is pinned in place, but it has no position"));
  for (guint i = 0; i < actor->n_other_names; i++)
    if (actor->other_names[i] == NULL)
      return dramatis_story_edit_refuse (error, _("one of the actor’s other names is missing"));

  *kept = *actor;
  kept->id = dramatis_story_intern (self, actor->id);
  kept->name = dramatis_story_insert (self, actor->name);
  kept->role = dramatis_story_intern (self, actor->role);
  kept->summary = dramatis_story_insert (self, actor->summary);
  kept->affiliation_id = dramatis_story_intern (self, actor->affiliation_id);
  kept->other_names = dramatis_story_keep_strv (self, actor->other_names, actor->n_other_names);
  if (!kept->has_position)
    kept->x = kept->y = 0.0;

  return TRUE;
}

static void
replace_actor (DramatisStory       *self,
               const char          *name,
               guint                index,
               const DramatisActor *actor)
{
  DramatisItemData before, after;

  before.actor = g_array_index (self->actors, DramatisActor, index);
  after.actor = *actor;
  dramatis_story_apply_edit (self, name, DRAMATIS_ITEM_ACTOR, index, &before, &after);
}

/**
 * dramatis_story_move_actor:
 * @self: a story
 * @actor: index of an actor
 * @x: horizontal position
 * @y: vertical position
 *
 * Places an actor by hand, as an edit that can be undone; whether it is
 * pinned does not change.
 *
 * Returns: %TRUE if the actor moved
 */
gboolean
dramatis_story_move_actor (DramatisStory *self,
                           guint          actor,
                           double         x,
                           double         y)
{
  DramatisActor moved;

  g_return_val_if_fail (DRAMATIS_IS_STORY (self), FALSE);
  g_return_val_if_fail (actor < self->actors->len, FALSE);
  g_return_val_if_fail (isfinite (x) && isfinite (y), FALSE);

  moved = g_array_index (self->actors, DramatisActor, actor);
  if (moved.has_position && moved.x == x && moved.y == y)
    return FALSE;

  moved.has_position = TRUE;
  moved.x = x;
  moved.y = y;
  /* Translators: the name of an edit, as in the menu item “Undo Move Actor” */
  replace_actor (self, _("Move Actor"), actor, &moved);

  return TRUE;
}

/**
 * dramatis_story_pin_actor:
 * @self: a story
 * @actor: index of an actor with a position
 * @pinned: whether layouts must leave the actor where it is
 *
 * Pins an actor to its position, or unpins it, as an edit that can be
 * undone.  An actor with no position is given one with
 * dramatis_story_move_actor() first.
 *
 * Returns: %TRUE if the pin changed
 */
gboolean
dramatis_story_pin_actor (DramatisStory *self,
                          guint          actor,
                          gboolean       pinned)
{
  DramatisActor changed;

  g_return_val_if_fail (DRAMATIS_IS_STORY (self), FALSE);
  g_return_val_if_fail (actor < self->actors->len, FALSE);

  changed = g_array_index (self->actors, DramatisActor, actor);
  g_return_val_if_fail (changed.has_position || !pinned, FALSE);

  if (changed.pinned == !!pinned)
    return FALSE;

  changed.pinned = !!pinned;
  replace_actor (self, pinned ? _("Pin Actor") : _("Unpin Actor"), actor, &changed);

  return TRUE;
}

/**
 * dramatis_story_unplace_actor:
 * @self: a story
 * @actor: index of an actor
 *
 * Forgets where an actor was placed by hand, and its pin, as an edit that
 * can be undone: layouts place it again.  Unpin All is this for every
 * actor, in one step.
 *
 * Returns: %TRUE if the actor had a position
 */
gboolean
dramatis_story_unplace_actor (DramatisStory *self,
                              guint          actor)
{
  DramatisActor changed;

  g_return_val_if_fail (DRAMATIS_IS_STORY (self), FALSE);
  g_return_val_if_fail (actor < self->actors->len, FALSE);

  changed = g_array_index (self->actors, DramatisActor, actor);
  if (!changed.has_position)
    return FALSE;

  changed.has_position = changed.pinned = FALSE;
  changed.x = changed.y = 0.0;
  replace_actor (self, _("Unpin Actor"), actor, &changed);

  return TRUE;
}

/**
 * dramatis_story_add_actor:
 * @self: a story
 * @actor: the new actor; its index fields are ignored
 * @error: return location for a #GError
 *
 * Adds an actor after the others.  Its id must be new.
 *
 * Returns: the index of the new actor, or %DRAMATIS_NO_INDEX if the edit
 *   was refused
 */
guint
dramatis_story_add_actor (DramatisStory        *self,
                          const DramatisActor  *actor,
                          GError              **error)
{
  g_return_val_if_fail (DRAMATIS_IS_STORY (self), DRAMATIS_NO_INDEX);
  g_return_val_if_fail (actor != NULL, DRAMATIS_NO_INDEX);

  return dramatis_story_add_item (self, _("Add Actor"), DRAMATIS_ITEM_ACTOR, actor, keep_actor, error);
}

/**
 * dramatis_story_change_actor:
 * @self: a story
 * @index: index of an actor
 * @actor: what the actor is to be, with the same id
 * @error: return location for a #GError
 *
 * Replaces every field of an actor.
 *
 * Returns: %FALSE if the edit was refused
 */
gboolean
dramatis_story_change_actor (DramatisStory        *self,
                             guint                 index,
                             const DramatisActor  *actor,
                             GError              **error)
{
  g_return_val_if_fail (DRAMATIS_IS_STORY (self), FALSE);
  g_return_val_if_fail (index < self->actors->len, FALSE);
  g_return_val_if_fail (actor != NULL, FALSE);

  return dramatis_story_change_item (self, _("Change Actor"), DRAMATIS_ITEM_ACTOR, index, actor, keep_actor,
                                     error);
}

static gboolean
strcmp0_not_null (const char *a,
                  const char *b)
{
  return a != NULL && g_strcmp0 (a, b) == 0;
}

static gboolean
statement_mentions (const DramatisStatement *s,
                    const char              *id)
{
  if (g_strcmp0 (s->audience_id, id) == 0)
    return TRUE;
  for (guint i = 0; i < s->n_about; i++)
    if (g_strcmp0 (s->about_ids[i], id) == 0)
      return TRUE;
  return FALSE;
}

/* Leaves the actor @id out of what a statement is about and to whom. */
static void
forget_in_statement (DramatisStory *self,
                     guint          index,
                     const char    *id)
{
  DramatisItemData before, after;
  g_autoptr(GPtrArray) about = g_ptr_array_new ();
  g_autoptr(GArray) about_index = g_array_new (FALSE, FALSE, sizeof (guint));

  before.statement = g_array_index (self->statements, DramatisStatement, index);
  after.statement = before.statement;
  if (g_strcmp0 (after.statement.audience_id, id) == 0)
    after.statement.audience_id = NULL;

  for (guint i = 0; i < before.statement.n_about; i++)
    if (g_strcmp0 (before.statement.about_ids[i], id) != 0)
      {
        g_ptr_array_add (about, (gpointer) before.statement.about_ids[i]);
        g_array_append_val (about_index, before.statement.about[i]);
      }

  after.statement.n_about = about->len;
  after.statement.about_ids = dramatis_story_keep_block (self, about->pdata, about->len * sizeof (char *));
  after.statement.about = dramatis_story_keep_block (self, about_index->data, about->len * sizeof (guint));
  dramatis_story_apply_edit (self, _("Delete Actor"), DRAMATIS_ITEM_STATEMENT, index, &before, &after);
}

static void
forget_in_event (DramatisStory *self,
                 guint          index,
                 const char    *id)
{
  DramatisItemData before, after;
  g_autoptr(GArray) kept = g_array_new (FALSE, FALSE, sizeof (DramatisParticipant));

  before.event = g_array_index (self->events, DramatisEvent, index);
  after.event = before.event;
  for (guint i = 0; i < before.event.n_participants; i++)
    if (g_strcmp0 (before.event.participants[i].actor_id, id) != 0)
      g_array_append_val (kept, before.event.participants[i]);

  after.event.n_participants = kept->len;
  after.event.participants = dramatis_story_keep_block (self, kept->data,
                                                        kept->len * sizeof (DramatisParticipant));
  dramatis_story_apply_edit (self, _("Delete Actor"), DRAMATIS_ITEM_EVENT, index, &before, &after);
}

static gboolean
event_has_participant (const DramatisEvent *e,
                       const char          *id)
{
  for (guint i = 0; i < e->n_participants; i++)
    if (g_strcmp0 (e->participants[i].actor_id, id) == 0)
      return TRUE;
  return FALSE;
}

/**
 * dramatis_story_remove_actor:
 * @self: a story
 * @index: index of an actor
 *
 * Removes an actor with its statements and relations, and leaves it out
 * of the events it takes part in, the statements about it or to it and
 * the affiliations of other actors: one step of the history.
 */
void
dramatis_story_remove_actor (DramatisStory *self,
                             guint          index)
{
  const char *id;

  g_return_if_fail (DRAMATIS_IS_STORY (self));
  g_return_if_fail (index < self->actors->len);

  /* References go to the first actor of an id: a later one with the same
   * id has none.
   */
  id = g_array_index (self->actors, DramatisActor, index).id;
  if (id != NULL && dramatis_story_find_actor (self, id) != index)
    id = NULL;

  dramatis_story_begin_edit (self, _("Delete Actor"));
  dramatis_story_defer_ids (self);

  /* Last first, so that the indexes still to visit do not move. */
  for (guint i = self->statements->len; i-- > 0;)
    {
      const DramatisStatement *s = &g_array_index (self->statements, DramatisStatement, i);

      if (id == NULL)
        break;
      if (strcmp0_not_null (s->speaker_id, id))
        dramatis_story_remove_statement (self, i);
      else if (statement_mentions (s, id))
        forget_in_statement (self, i, id);
    }

  for (guint i = self->relations->len; i-- > 0;)
    {
      const DramatisRelation *r = &g_array_index (self->relations, DramatisRelation, i);

      if (id == NULL)
        break;
      if (strcmp0_not_null (r->from_id, id) || strcmp0_not_null (r->to_id, id))
        dramatis_story_remove_relation (self, i);
    }

  for (guint i = 0; id != NULL && i < self->events->len; i++)
    if (event_has_participant (&g_array_index (self->events, DramatisEvent, i), id))
      forget_in_event (self, i, id);

  for (guint i = 0; id != NULL && i < self->actors->len; i++)
    {
      DramatisActor other = g_array_index (self->actors, DramatisActor, i);

      if (i != index && g_strcmp0 (other.affiliation_id, id) == 0)
        {
          other.affiliation_id = NULL;
          replace_actor (self, _("Delete Actor"), i, &other);
        }
    }

  /* The parts look no id up: the ids are indexed once, before the actor
   * itself goes.
   */
  dramatis_story_undefer_ids (self);
  dramatis_story_remove_item (self, _("Delete Actor"), DRAMATIS_ITEM_ACTOR, index);

  dramatis_story_end_edit (self);
}
