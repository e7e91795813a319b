/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "dramatis-story"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dramatis-story-edit-private.h"

/* Edits of events.  Removing an event leaves it out of the statements
 * made at it, in one step of the history.
 */

static gboolean
keep_event (DramatisStory  *self,
            gconstpointer   data,
            DramatisItemData   *item,
            GError        **error)
{
  const DramatisEvent *event = data;
  DramatisEvent *kept = &item->event;
  DramatisParticipant *participants;

  if (event->name == NULL)
    return dramatis_story_edit_refuse (error, _("the event has no name"));
  for (guint i = 0; i < event->n_participants; i++)
    if (event->participants[i].actor_id == NULL)
      return dramatis_story_edit_refuse (error, _("a participant needs an actor"));
    else if (!dramatis_story_check_actor_ref (self, C_("part of an event", "participant"),
                                              event->participants[i].actor_id, error))
      return FALSE;
  if (!dramatis_story_check_span (&event->when, error))
    return FALSE;

  *kept = *event;
  if (!dramatis_story_keep_evidence (self, event->evidence, event->n_evidence, &kept->evidence, error))
    return FALSE;

  kept->id = dramatis_story_intern (self, event->id);
  kept->name = dramatis_story_insert (self, event->name);
  kept->description = dramatis_story_insert (self, event->description);
  kept->classification = dramatis_story_intern (self, event->classification);
  kept->location = dramatis_story_intern (self, event->location);
  kept->date_note = dramatis_story_insert (self, event->date_note);

  participants = dramatis_story_keep_block (self, event->participants,
                                            event->n_participants * sizeof (DramatisParticipant));
  for (guint i = 0; i < event->n_participants; i++)
    {
      participants[i].actor_id = dramatis_story_intern (self, participants[i].actor_id);
      participants[i].role = dramatis_story_intern (self, participants[i].role);
    }
  kept->participants = participants;

  return TRUE;
}

/**
 * dramatis_story_add_event:
 * @self: a story
 * @event: the new event; its index fields are ignored
 * @error: return location for a #GError
 *
 * Adds an event after the others.  Its id must be new and its
 * participants must exist.
 *
 * Returns: the index of the new event, or %DRAMATIS_NO_INDEX if the edit
 *   was refused
 */
guint
dramatis_story_add_event (DramatisStory        *self,
                          const DramatisEvent  *event,
                          GError              **error)
{
  g_return_val_if_fail (DRAMATIS_IS_STORY (self), DRAMATIS_NO_INDEX);
  g_return_val_if_fail (event != NULL, DRAMATIS_NO_INDEX);

  /* Translators: the name of an edit, as in the menu item “Undo Add Event” */
  return dramatis_story_add_item (self, _("Add Event"), DRAMATIS_ITEM_EVENT, event, keep_event, error);
}

/**
 * dramatis_story_change_event:
 * @self: a story
 * @index: index of an event
 * @event: what the event is to be, with the same id
 * @error: return location for a #GError
 *
 * Replaces every field of an event, its participants and evidence
 * included.
 *
 * Returns: %FALSE if the edit was refused
 */
gboolean
dramatis_story_change_event (DramatisStory        *self,
                             guint                 index,
                             const DramatisEvent  *event,
                             GError              **error)
{
  g_return_val_if_fail (DRAMATIS_IS_STORY (self), FALSE);
  g_return_val_if_fail (index < self->events->len, FALSE);
  g_return_val_if_fail (event != NULL, FALSE);

  return dramatis_story_change_item (self, _("Change Event"), DRAMATIS_ITEM_EVENT, index, event, keep_event,
                                     error);
}

/**
 * dramatis_story_remove_event:
 * @self: a story
 * @index: index of an event
 *
 * Removes an event, and leaves it out of the statements made at it: one
 * step of the history.
 */
void
dramatis_story_remove_event (DramatisStory *self,
                             guint          index)
{
  const char *id;

  g_return_if_fail (DRAMATIS_IS_STORY (self));
  g_return_if_fail (index < self->events->len);

  /* References go to the first event of an id. */
  id = g_array_index (self->events, DramatisEvent, index).id;
  if (id != NULL && dramatis_story_find_event (self, id) != index)
    id = NULL;

  dramatis_story_begin_edit (self, _("Delete Event"));

  for (guint i = 0; id != NULL && i < self->statements->len; i++)
    {
      DramatisItemData was, now;

      was.statement = g_array_index (self->statements, DramatisStatement, i);
      if (g_strcmp0 (was.statement.event_id, id) != 0)
        continue;

      now.statement = was.statement;
      now.statement.event_id = NULL;
      dramatis_story_apply_edit (self, _("Delete Event"), DRAMATIS_ITEM_STATEMENT, i, &was, &now);
    }

  dramatis_story_remove_item (self, _("Delete Event"), DRAMATIS_ITEM_EVENT, index);

  dramatis_story_end_edit (self);
}
