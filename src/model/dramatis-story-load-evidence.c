/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "dramatis-story-loader"

#include "config.h"

#include "dramatis-story-loader-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* Reading the evidence of an item: the passages of its sources that
 * support it, checked against the text of the source they point into.
 */

/* Reads an array of evidence ("sources": [{ "source_id": …, "start": …,
 * "end": …, "exact": … }]) into the story's evidence storage, and returns
 * where it starts.
 */
gsize
dramatis_loader_read_evidence (Loader     *loader,
                               JsonNode   *node,
                               guint      *n_evidence)
{
  DramatisStory *story = loader->story;
  gsize first = story->evidence->len;
  JsonArray *array;

  *n_evidence = 0;

  if (JSON_NODE_HOLDS_NULL (node))
    return first;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      dramatis_loader_wrong_type (loader, "sources", node, _("an array of passages"));
      return first;
    }

  array = json_node_get_array (node);
  loader->sub_array = "sources";

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object;
      DramatisEvidence evidence = { DRAMATIS_NO_INDEX, NULL, 0, 0, NULL };
      gboolean has_start = FALSE, has_end = FALSE;
      JsonObjectIter iter;
      const char *name;
      JsonNode *value;

      loader->sub_index = i;
      if (!(object = dramatis_loader_expect_object (loader, json_array_get_element (array, i),
                                                    _("a passage"))))
        continue;

      json_object_iter_init (&iter, object);
      while (dramatis_loader_next_member (&iter, &name, &value))
        {
          if (strcmp (name, "source_id") == 0)
            {
              const char *id = dramatis_loader_read_string (loader, name, value, STRING_INTERN);
              gpointer orig, index;

              if (id != NULL && g_hash_table_lookup_extended (story->source_ids, id, &orig, &index))
                {
                  evidence.source_id = orig;
                  evidence.source = GPOINTER_TO_UINT (index);
                }
              else if (id != NULL)
                {
                  evidence.source_id = id;
                  dramatis_loader_problem (loader, name,
                                           _("there is no source with the id “%s”"), id);
                }
            }
          else if (strcmp (name, "start") == 0)
            has_start = dramatis_loader_read_offset (loader, name, value, &evidence.start);
          else if (strcmp (name, "end") == 0)
            has_end = dramatis_loader_read_offset (loader, name, value, &evidence.end);
          else if (strcmp (name, "exact") == 0)
            evidence.exact = dramatis_loader_read_string (loader, name, value, STRING_COPY);
          else
            dramatis_loader_unknown_member (loader, name);
        }

      if (has_start != has_end || evidence.end <= evidence.start)
        {
          if (has_start || has_end)
            dramatis_loader_problem (loader, NULL,
                                     _("a passage needs both “start” and “end”, with “end” after “start”; "
                                       "its position is ignored"));
          evidence.start = evidence.end = 0;
        }
      else if (has_end && evidence.source != DRAMATIS_NO_INDEX)
        {
          const DramatisSource *source = &g_array_index (story->sources, DramatisSource, evidence.source);

          if (source->text == NULL)
            dramatis_loader_problem (loader, NULL,
                                     _("the source “%s” has no text to point into"), source->id);
          else if (evidence.end > source->text_length)
            dramatis_loader_problem (loader, "end",
                                     ngettext ("the source “%s” has only %u character",
                                               "the source “%s” has only %u characters",
                                               source->text_length),
                                     source->id, source->text_length);
          else if (evidence.exact != NULL)
            {
              const char *begin = dramatis_source_get_text_at (source, evidence.start);
              const char *end = dramatis_source_get_text_at (source, evidence.end);

              if (strlen (evidence.exact) != (gsize) (end - begin) ||
                  memcmp (evidence.exact, begin, end - begin) != 0)
                dramatis_loader_problem (loader, "exact",
                                         _("the quoted text is not what the source has from character %u to %u"),
                                         evidence.start, evidence.end);
            }
        }

      if (evidence.source_id == NULL && evidence.exact == NULL)
        {
          dramatis_loader_problem (loader, NULL,
                                   _("a passage needs a “source_id” or an “exact” quote; it is left out"));
          continue;
        }

      g_array_append_val (story->evidence, evidence);
      (*n_evidence)++;
    }

  loader->sub_array = NULL;
  return first;
}
