/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "dramatis-story"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "dramatis-story-edit-private.h"

/* Edits of sources.  The passages that point into a source must stay
 * valid: a new text that would leave one outside the text or quoting
 * something else is refused, and removing a source removes the passages
 * from it, in one step of the history.
 */

/* The kinds of items with evidence, and where their evidence is. */
static const DramatisItemKind with_evidence[] = {
  DRAMATIS_ITEM_EVENT,
  DRAMATIS_ITEM_RELATION,
  DRAMATIS_ITEM_STATEMENT,
};

static guint
n_items (DramatisStory    *self,
         DramatisItemKind  kind)
{
  switch (kind)
    {
    case DRAMATIS_ITEM_EVENT:
      return self->events->len;
    case DRAMATIS_ITEM_RELATION:
      return self->relations->len;
    case DRAMATIS_ITEM_STATEMENT:
      return self->statements->len;
    case DRAMATIS_ITEM_SOURCE:
    case DRAMATIS_ITEM_ACTOR:
    default:
      return 0;
    }
}

/* Reads item @index of @kind into @item, and points at its evidence. */
static void
get_item (DramatisStory            *self,
          DramatisItemKind          kind,
          guint                     index,
          DramatisItemData             *item,
          const DramatisEvidence ***evidence,
          guint                   **n_evidence)
{
  switch (kind)
    {
    case DRAMATIS_ITEM_EVENT:
      item->event = g_array_index (self->events, DramatisEvent, index);
      *evidence = &item->event.evidence;
      *n_evidence = &item->event.n_evidence;
      break;
    case DRAMATIS_ITEM_RELATION:
      item->relation = g_array_index (self->relations, DramatisRelation, index);
      *evidence = &item->relation.evidence;
      *n_evidence = &item->relation.n_evidence;
      break;
    case DRAMATIS_ITEM_STATEMENT:
    case DRAMATIS_ITEM_SOURCE:
    case DRAMATIS_ITEM_ACTOR:
    default:
      item->statement = g_array_index (self->statements, DramatisStatement, index);
      *evidence = &item->statement.evidence;
      *n_evidence = &item->statement.n_evidence;
      break;
    }
}

/* Whether a passage points into the source @index, by its id as the
 * loader resolves it: to the first source of an id.
 */
static gboolean
points_into (DramatisStory          *self,
             const DramatisEvidence *evidence,
             guint                   index)
{
  const char *id = g_array_index (self->sources, DramatisSource, index).id;

  return id != NULL && g_strcmp0 (evidence->source_id, id) == 0 &&
         dramatis_story_find_source (self, id) == index;
}

static gboolean
keep_source (DramatisStory  *self,
             gconstpointer   data,
             DramatisItemData   *item,
             GError        **error)
{
  const DramatisSource *source = data;
  DramatisSource *kept = &item->source;
  guint index;
  if (source->text != NULL && !g_utf8_validate (source->text, -1, NULL))
    return dramatis_story_edit_refuse (error, _("the text of the source is not valid UTF-8"));
  if (!dramatis_story_check_date (&source->published, error))
    return FALSE;

  *kept = *source;
  kept->id = dramatis_story_intern (self, source->id);
  kept->title = dramatis_story_insert (self, source->title);
  kept->publisher = dramatis_story_intern (self, source->publisher);
  kept->url = dramatis_story_insert (self, source->url);
  kept->license = dramatis_story_intern (self, source->license);
  kept->text = dramatis_story_insert (self, source->text);
  kept->text_length = source->text ? g_utf8_strlen (source->text, -1) : 0;
  kept->text_size = source->text ? strlen (source->text) : 0;

  /* A source that replaces one of the same id must hold its passages. */
  index = source->id != NULL ? dramatis_story_find_source (self, source->id) : DRAMATIS_NO_INDEX;
  for (guint k = 0; index != DRAMATIS_NO_INDEX && k < G_N_ELEMENTS (with_evidence); k++)
    for (guint i = 0; i < n_items (self, with_evidence[k]); i++)
      {
        DramatisItemData other;
        const DramatisEvidence **evidence;
        guint *n_evidence;

        get_item (self, with_evidence[k], i, &other, &evidence, &n_evidence);
        for (guint j = 0; j < *n_evidence; j++)
          if (points_into (self, &(*evidence)[j], index) &&
              !dramatis_story_check_passage_in (kept, &(*evidence)[j], error))
            return FALSE;
      }

  return TRUE;
}

/**
 * dramatis_story_add_source:
 * @self: a story
 * @source: the new source; its text length and size are ignored
 * @error: return location for a #GError
 *
 * Adds a source after the others.  Its id must be new.
 *
 * Returns: the index of the new source, or %DRAMATIS_NO_INDEX if the edit
 *   was refused
 */
guint
dramatis_story_add_source (DramatisStory         *self,
                           const DramatisSource  *source,
                           GError               **error)
{
  g_return_val_if_fail (DRAMATIS_IS_STORY (self), DRAMATIS_NO_INDEX);
  g_return_val_if_fail (source != NULL, DRAMATIS_NO_INDEX);

  /* Translators: the name of an edit, as in the menu item “Undo Add Source” */
  return dramatis_story_add_item (self, _("Add Source"), DRAMATIS_ITEM_SOURCE, source, keep_source, error);
}

/**
 * dramatis_story_change_source:
 * @self: a story
 * @index: index of a source
 * @source: what the source is to be, with the same id
 * @error: return location for a #GError
 *
 * Replaces every field of a source.  A new text must still hold every
 * passage that points into it.
 *
 * Returns: %FALSE if the edit was refused
 */
gboolean
dramatis_story_change_source (DramatisStory         *self,
                              guint                  index,
                              const DramatisSource  *source,
                              GError               **error)
{
  g_return_val_if_fail (DRAMATIS_IS_STORY (self), FALSE);
  g_return_val_if_fail (index < self->sources->len, FALSE);
  g_return_val_if_fail (source != NULL, FALSE);

  return dramatis_story_change_item (self, _("Change Source"), DRAMATIS_ITEM_SOURCE, index, source, keep_source,
                                     error);
}

/**
 * dramatis_story_remove_source:
 * @self: a story
 * @index: index of a source
 *
 * Removes a source and the passages that point into it: one step of the
 * history.
 */
void
dramatis_story_remove_source (DramatisStory *self,
                              guint          index)
{

  g_return_if_fail (DRAMATIS_IS_STORY (self));
  g_return_if_fail (index < self->sources->len);

  dramatis_story_begin_edit (self, _("Delete Source"));

  for (guint k = 0; k < G_N_ELEMENTS (with_evidence); k++)
    for (guint i = 0; i < n_items (self, with_evidence[k]); i++)
      {
        DramatisItemData was, now;
        const DramatisEvidence **evidence;
        guint *n_evidence;
        g_autoptr(GArray) kept = g_array_new (FALSE, FALSE, sizeof (DramatisEvidence));

        get_item (self, with_evidence[k], i, &was, &evidence, &n_evidence);
        for (guint j = 0; j < *n_evidence; j++)
          if (!points_into (self, &(*evidence)[j], index))
            g_array_append_val (kept, (*evidence)[j]);
        if (kept->len == *n_evidence)
          continue;

        get_item (self, with_evidence[k], i, &now, &evidence, &n_evidence);
        *n_evidence = kept->len;
        *evidence = dramatis_story_keep_block (self, kept->data, kept->len * sizeof (DramatisEvidence));
        dramatis_story_apply_edit (self, _("Delete Source"), with_evidence[k], i, &was, &now);
      }

  dramatis_story_remove_item (self, _("Delete Source"), DRAMATIS_ITEM_SOURCE, index);

  dramatis_story_end_edit (self);
}

/**
 * dramatis_story_find_lost_passages:
 * @self: a story
 * @index: index of a source
 * @text: (nullable): a new text for it
 *
 * Lists the passages that point into the source @index and that @text
 * would not hold: those dramatis_story_change_source() refuses to lose.
 * An editor names them, so that the user knows which evidence the new
 * text would break.
 *
 * Returns: (transfer full) (element-type DramatisPassageRef): the
 *   passages, in the order of the items' kinds and indices
 */
GArray *
dramatis_story_find_lost_passages (DramatisStory *self,
                                   guint          index,
                                   const char    *text)
{
  GArray *lost;
  DramatisSource source;

  g_return_val_if_fail (DRAMATIS_IS_STORY (self), NULL);
  g_return_val_if_fail (index < self->sources->len, NULL);
  g_return_val_if_fail (text == NULL || g_utf8_validate (text, -1, NULL), NULL);

  lost = g_array_new (FALSE, FALSE, sizeof (DramatisPassageRef));

  source = g_array_index (self->sources, DramatisSource, index);
  source.text = text;
  source.text_length = text ? g_utf8_strlen (text, -1) : 0;
  source.text_size = text ? strlen (text) : 0;

  for (guint k = 0; k < G_N_ELEMENTS (with_evidence); k++)
    for (guint i = 0; i < n_items (self, with_evidence[k]); i++)
      {
        DramatisItemData item;
        const DramatisEvidence **evidence;
        guint *n_evidence;

        get_item (self, with_evidence[k], i, &item, &evidence, &n_evidence);
        for (guint j = 0; j < *n_evidence; j++)
          if (points_into (self, &(*evidence)[j], index) &&
              !dramatis_story_check_passage_in (&source, &(*evidence)[j], NULL))
            {
              DramatisPassageRef ref = { with_evidence[k], i, j };

              g_array_append_val (lost, ref);
            }
      }

  return lost;
}
