/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "dramatis-story"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dramatis-story-edit-private.h"

/* Edits of the items that link actors: relations between two of them and
 * what one of them said.  Nothing refers to either, so removing one
 * removes it alone.
 */

static gboolean
keep_relation (DramatisStory  *self,
               gconstpointer   data,
               DramatisItemData   *item,
               GError        **error)
{
  const DramatisRelation *relation = data;
  DramatisRelation *kept = &item->relation;
  if (relation->type == NULL || *relation->type == '\0')
    return dramatis_story_edit_refuse (error, _("the relation has no type"));
  if (relation->from_id == NULL || relation->to_id == NULL)
    return dramatis_story_edit_refuse (error, _("a relation needs both “from” and “to”"));
  if (!dramatis_story_check_actor_ref (self, C_("part of a relation", "from"), relation->from_id, error) ||
      !dramatis_story_check_actor_ref (self, C_("part of a relation", "to"), relation->to_id, error))
    return FALSE;
  if ((guint) relation->direction > DRAMATIS_DIRECTION_MUTUAL)
    return dramatis_story_edit_refuse (error,
                                       _("the direction is not “directed”, “undirected” or “mutual”"));
  if (!dramatis_story_check_span (&relation->when, error))
    return FALSE;

  *kept = *relation;
  if (!dramatis_story_keep_evidence (self, relation->evidence, relation->n_evidence,
                                     &kept->evidence, error))
    return FALSE;

  kept->id = dramatis_story_intern (self, relation->id);
  kept->type = dramatis_story_intern (self, relation->type);
  kept->label = dramatis_story_insert (self, relation->label);
  kept->from_id = dramatis_story_intern (self, relation->from_id);
  kept->to_id = dramatis_story_intern (self, relation->to_id);

  return TRUE;
}

static gboolean
keep_statement (DramatisStory  *self,
                gconstpointer   data,
                DramatisItemData   *item,
                GError        **error)
{
  const DramatisStatement *statement = data;
  DramatisStatement *kept = &item->statement;
  g_autofree guint *about = NULL;

  if (statement->speaker_id == NULL)
    return dramatis_story_edit_refuse (error, _("a statement needs a speaker"));
  if (statement->text == NULL)
    return dramatis_story_edit_refuse (error, _("the statement has no text"));
  if (!dramatis_story_check_actor_ref (self, C_("part of a statement", "speaker"),
                                       statement->speaker_id, error) ||
      !dramatis_story_check_actor_ref (self, C_("part of a statement", "audience"),
                                       statement->audience_id, error))
    return FALSE;
  for (guint i = 0; i < statement->n_about; i++)
    if (statement->about_ids[i] == NULL)
      return dramatis_story_edit_refuse (error, _("an actor the statement is about is missing"));
    else if (!dramatis_story_check_actor_ref (self, C_("part of a statement", "about"),
                                              statement->about_ids[i], error))
      return FALSE;
  if (statement->event_id != NULL && dramatis_story_find_event (self, statement->event_id) == DRAMATIS_NO_INDEX)
    return dramatis_story_edit_refuse (error, _("there is no event with the id “%s”"),
                                       statement->event_id);
  if (!dramatis_story_check_date (&statement->date, error))
    return FALSE;

  *kept = *statement;
  if (!dramatis_story_keep_evidence (self, statement->evidence, statement->n_evidence,
                                     &kept->evidence, error))
    return FALSE;

  kept->id = dramatis_story_intern (self, statement->id);
  kept->speaker_id = dramatis_story_intern (self, statement->speaker_id);
  kept->text = dramatis_story_insert (self, statement->text);
  kept->attribution = dramatis_story_insert (self, statement->attribution);
  kept->event_id = dramatis_story_intern (self, statement->event_id);
  kept->audience_id = dramatis_story_intern (self, statement->audience_id);
  kept->about_ids = dramatis_story_keep_strv (self, statement->about_ids, statement->n_about);
  /* Resolved when the edit is applied. */
  about = g_new0 (guint, MAX (statement->n_about, 1));
  kept->about = dramatis_story_keep_block (self, about, statement->n_about * sizeof (guint));

  return TRUE;
}

/**
 * dramatis_story_add_relation:
 * @self: a story
 * @relation: the new relation; its index fields are ignored
 * @error: return location for a #GError
 *
 * Adds a relation after the others.  Its id must be new and both its
 * actors must exist.
 *
 * Returns: the index of the new relation, or %DRAMATIS_NO_INDEX if the
 *   edit was refused
 */
guint
dramatis_story_add_relation (DramatisStory           *self,
                             const DramatisRelation  *relation,
                             GError                 **error)
{
  g_return_val_if_fail (DRAMATIS_IS_STORY (self), DRAMATIS_NO_INDEX);
  g_return_val_if_fail (relation != NULL, DRAMATIS_NO_INDEX);

  /* Translators: the name of an edit, as in the menu item “Undo Add Relation” */
  return dramatis_story_add_item (self, _("Add Relation"), DRAMATIS_ITEM_RELATION, relation, keep_relation, error);
}

/**
 * dramatis_story_change_relation:
 * @self: a story
 * @index: index of a relation
 * @relation: what the relation is to be, with the same id
 * @error: return location for a #GError
 *
 * Replaces every field of a relation, its evidence included.
 *
 * Returns: %FALSE if the edit was refused
 */
gboolean
dramatis_story_change_relation (DramatisStory           *self,
                                guint                    index,
                                const DramatisRelation  *relation,
                                GError                 **error)
{
  g_return_val_if_fail (DRAMATIS_IS_STORY (self), FALSE);
  g_return_val_if_fail (index < self->relations->len, FALSE);
  g_return_val_if_fail (relation != NULL, FALSE);

  return dramatis_story_change_item (self, _("Change Relation"), DRAMATIS_ITEM_RELATION, index, relation, keep_relation,
                                     error);
}

/**
 * dramatis_story_remove_relation:
 * @self: a story
 * @index: index of a relation
 *
 * Removes a relation.
 */
void
dramatis_story_remove_relation (DramatisStory *self,
                                guint          index)
{
  g_return_if_fail (DRAMATIS_IS_STORY (self));
  g_return_if_fail (index < self->relations->len);

  dramatis_story_remove_item (self, _("Delete Relation"), DRAMATIS_ITEM_RELATION, index);
}

/**
 * dramatis_story_add_statement:
 * @self: a story
 * @statement: the new statement; its index fields are ignored
 * @error: return location for a #GError
 *
 * Adds a statement after the others.  Its id must be new, and the actors
 * and the event it names must exist.
 *
 * Returns: the index of the new statement, or %DRAMATIS_NO_INDEX if the
 *   edit was refused
 */
guint
dramatis_story_add_statement (DramatisStory            *self,
                              const DramatisStatement  *statement,
                              GError                  **error)
{
  g_return_val_if_fail (DRAMATIS_IS_STORY (self), DRAMATIS_NO_INDEX);
  g_return_val_if_fail (statement != NULL, DRAMATIS_NO_INDEX);

  return dramatis_story_add_item (self, _("Add Statement"), DRAMATIS_ITEM_STATEMENT, statement, keep_statement, error);
}

/**
 * dramatis_story_change_statement:
 * @self: a story
 * @index: index of a statement
 * @statement: what the statement is to be, with the same id
 * @error: return location for a #GError
 *
 * Replaces every field of a statement, its evidence included.
 *
 * Returns: %FALSE if the edit was refused
 */
gboolean
dramatis_story_change_statement (DramatisStory            *self,
                                 guint                     index,
                                 const DramatisStatement  *statement,
                                 GError                  **error)
{
  g_return_val_if_fail (DRAMATIS_IS_STORY (self), FALSE);
  g_return_val_if_fail (index < self->statements->len, FALSE);
  g_return_val_if_fail (statement != NULL, FALSE);

  return dramatis_story_change_item (self, _("Change Statement"), DRAMATIS_ITEM_STATEMENT, index, statement, keep_statement,
                                     error);
}

/**
 * dramatis_story_remove_statement:
 * @self: a story
 * @index: index of a statement
 *
 * Removes a statement.
 */
void
dramatis_story_remove_statement (DramatisStory *self,
                                 guint          index)
{
  g_return_if_fail (DRAMATIS_IS_STORY (self));
  g_return_if_fail (index < self->statements->len);

  dramatis_story_remove_item (self, _("Delete Statement"), DRAMATIS_ITEM_STATEMENT, index);
}
