/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "dramatis-story"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "dramatis-story-edit-private.h"

/* What an edit must satisfy before it is applied: the rules the loader
 * reads a story by, so that an edited story saves and loads again without
 * a problem.  A check that fails says why in @error and changes nothing.
 */

gboolean
dramatis_story_check_new_id (DramatisStory  *self,
                             GHashTable     *ids,
                             const char     *id,
                             GError        **error)
{
  if (id == NULL || *id == '\0')
    return dramatis_story_edit_refuse (error, _("an item needs an id, so that others can refer to it"));
  if (g_hash_table_contains (ids, id))
    /* Translators: %s is the id of an item, as in “actor-12” */
    return dramatis_story_edit_refuse (error, _("another item has the id “%s” already"), id);

  return TRUE;
}

/* Ids stay stable: an edit that changes one is refused. */
gboolean
dramatis_story_check_same_id (const char  *old_id,
                              const char  *new_id,
                              GError     **error)
{
  if (g_strcmp0 (old_id, new_id) != 0)
    return dramatis_story_edit_refuse (error, _("the id of an item cannot change"));

  return TRUE;
}

gboolean
dramatis_story_check_actor_ref (DramatisStory  *self,
                                const char     *member,
                                const char     *id,
                                GError        **error)
{
  if (id != NULL && !g_hash_table_contains (self->actor_ids, id))
    /* Translators: the first %s is the part of the item that names an actor, as in
     * “speaker” or “affiliation”; the second %s is the id given for it
     */
    return dramatis_story_edit_refuse (error, _("%s: there is no actor with the id “%s”"), member, id);

  return TRUE;
}

/* A date is valid when it reads back as itself: the month and the day
 * exist, and the time of day too.
 */
gboolean
dramatis_story_check_date (const DramatisDate  *date,
                           GError             **error)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) local_error = NULL;
  DramatisDate parsed;

  if (!dramatis_date_is_set (date))
    {
      if (date->flags & (DRAMATIS_DATE_APPROXIMATE | DRAMATIS_DATE_INFERRED))
        return dramatis_story_edit_refuse (error, _("the date is marked approximate or inferred, "
                                                    "but there is no date"));
      return TRUE;
    }

  if (date->precision > DRAMATIS_DATE_PRECISION_SECOND)
    return dramatis_story_edit_refuse (error, _("the date has no valid precision"));

  text = dramatis_date_to_iso8601 (date);
  if (!dramatis_date_parse (text, &parsed, &local_error))
    return dramatis_story_edit_refuse (error, "%s", local_error->message);

  parsed.flags |= date->flags & (DRAMATIS_DATE_APPROXIMATE | DRAMATIS_DATE_INFERRED);
  if (!dramatis_date_equal (&parsed, date) || parsed.flags != date->flags ||
      parsed.offset_minutes != date->offset_minutes)
    /* Translators: %s is a date as the story format writes it, as in “2024-10-30” */
    return dramatis_story_edit_refuse (error, _("“%s” is not a valid date: a field finer than its "
                                                "precision is set"), text);

  return TRUE;
}

gboolean
dramatis_story_check_span (const DramatisSpan  *span,
                           GError             **error)
{
  if (!dramatis_story_check_date (&span->start, error) ||
      !dramatis_story_check_date (&span->end, error))
    return FALSE;

  if (dramatis_date_is_set (&span->end))
    {
      if (!dramatis_date_is_set (&span->start))
        return dramatis_story_edit_refuse (error, _("a period with an end needs a start"));
      if (dramatis_date_get_end_second (&span->end) < dramatis_date_get_first_second (&span->start) ||
          dramatis_date_compare (&span->end, &span->start) < 0)
        return dramatis_story_edit_refuse (error, _("the period ends before it starts"));
    }

  return TRUE;
}

/* Checks where a passage points in the text of @source, if it has a
 * position.
 */
gboolean
dramatis_story_check_passage_in (const DramatisSource    *source,
                                 const DramatisEvidence  *evidence,
                                 GError                 **error)
{
  if (evidence->start == 0 && evidence->end == 0)
    return TRUE;

  if (evidence->end <= evidence->start)
    return dramatis_story_edit_refuse (error, _("a passage must end after it starts"));
  if (source == NULL)
    return dramatis_story_edit_refuse (error, _("a passage with a position needs a source"));
  if (source->text == NULL)
    return dramatis_story_edit_refuse (error, _("the source “%s” has no text to point into"), source->id);
  if (evidence->end > source->text_length)
    /* Translators: %s is the id of a source, %u the number of characters of its text */
    return dramatis_story_edit_refuse (error, ngettext ("the source “%s” has only %u character",
                                                        "the source “%s” has only %u characters",
                                                        source->text_length),
                                       source->id, source->text_length);

  if (evidence->exact != NULL)
    {
      const char *begin = dramatis_source_get_text_at (source, evidence->start);
      const char *end = dramatis_source_get_text_at (source, evidence->end);

      if (strlen (evidence->exact) != (gsize) (end - begin) ||
          memcmp (evidence->exact, begin, end - begin) != 0)
        return dramatis_story_edit_refuse (error, _("the quoted text is not what the source has "
                                                    "from character %u to %u"),
                                           evidence->start, evidence->end);
    }

  return TRUE;
}

static gboolean
check_passage (DramatisStory           *self,
               const DramatisEvidence  *evidence,
               GError                 **error)
{
  guint source = DRAMATIS_NO_INDEX;

  if (evidence->source_id == NULL && evidence->exact == NULL)
    return dramatis_story_edit_refuse (error, _("a passage needs a source or a quote"));

  if (evidence->source_id != NULL)
    {
      source = dramatis_story_find_source (self, evidence->source_id);
      if (source == DRAMATIS_NO_INDEX)
        return dramatis_story_edit_refuse (error, _("there is no source with the id “%s”"),
                                           evidence->source_id);
    }

  return dramatis_story_check_passage_in (source != DRAMATIS_NO_INDEX ? dramatis_story_get_source (self, source)
                                                                      : NULL,
                                          evidence, error);
}

/* Checks the passages of an item and copies them into the story. */
gboolean
dramatis_story_keep_evidence (DramatisStory           *self,
                              const DramatisEvidence  *evidence,
                              guint                    n_evidence,
                              const DramatisEvidence **kept,
                              GError                 **error)
{
  DramatisEvidence *copy;

  for (guint i = 0; i < n_evidence; i++)
    if (!check_passage (self, &evidence[i], error))
      return FALSE;

  copy = dramatis_story_keep_block (self, evidence, n_evidence * sizeof (DramatisEvidence));
  for (guint i = 0; i < n_evidence; i++)
    {
      copy[i].source_id = dramatis_story_intern (self, copy[i].source_id);
      copy[i].exact = dramatis_story_insert (self, copy[i].exact);
    }

  *kept = copy;
  return TRUE;
}
