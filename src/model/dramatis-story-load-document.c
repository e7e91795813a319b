/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "dramatis-story-loader"

#include "config.h"

#include "dramatis-story-loader-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "dramatis-story-io.h"

/* Reading a story document as a whole: its format and version, its own
 * members, and its top-level arrays of items, then resolving what refers
 * across them.
 */

typedef void (*ReadItemFunc) (Loader     *loader,
                              JsonObject *object,
                              guint       index);

static gboolean
read_array (Loader       *loader,
            JsonObject   *root,
            const char   *member,
            GArray       *items,
            ReadItemFunc  read_item,
            const char   *what,
            Fatal        *fatal)
{
  JsonNode *node = json_object_get_member (root, member);
  JsonArray *array;
  guint n_elements, n_objects = 0, next;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      fatal->path = g_strdup (member);
      /* Translators: the first %s is a member of the file (“events”), the second a JSON type */
      fatal->message = g_strdup_printf (_("“%s” must be an array, not %s"), member,
                                        dramatis_loader_node_type_description (node));
      fatal->code = DRAMATIS_STORY_ERROR_FORMAT;
      return FALSE;
    }

  array = json_node_get_array (node);
  n_elements = json_array_get_length (array);
  for (guint i = 0; i < n_elements; i++)
    n_objects += JSON_NODE_HOLDS_OBJECT (json_array_get_element (array, i));

  g_array_set_size (items, n_objects);
  loader->array = member;
  loader->file_index = g_new0 (guint, MAX (n_objects, 1));
  next = n_objects;

  /* From the end, so that each element can be dropped from the tree once it
   * is read without moving the others.
   */
  for (guint i = n_elements; i-- > 0;)
    {
      JsonObject *object;

      loader->index = i;
      if ((object = dramatis_loader_expect_object (loader, json_array_get_element (array, i), what)))
        {
          loader->file_index[--next] = i;
          read_item (loader, object, next);
        }
      json_array_remove_element (array, i);
    }

  /* Every object counted above was read, into the items' first places. */
  g_assert (next == 0);
  loader->array = NULL;
  if (items == loader->story->actors)
    loader->actor_file_index = g_steal_pointer (&loader->file_index);
  g_clear_pointer (&loader->file_index, g_free);

  return TRUE;
}

static void
resolve_affiliations (Loader *loader)
{
  DramatisStory *story = loader->story;

  /* Actors were read, so their places in the file are known. */
  g_assert (story->actors->len == 0 || loader->actor_file_index != NULL);
  loader->array = "actors";
  for (guint i = 0; i < story->actors->len; i++)
    {
      DramatisActor *actor = &g_array_index (story->actors, DramatisActor, i);
      gpointer orig, index;

      if (actor->affiliation_id == NULL)
        continue;

      loader->index = loader->actor_file_index[i];
      if (g_hash_table_lookup_extended (story->actor_ids, actor->affiliation_id, &orig, &index))
        {
          actor->affiliation_id = orig;
          actor->affiliation = GPOINTER_TO_UINT (index);
        }
      else
        dramatis_loader_problem (loader, "affiliation_id",
                                 _("there is no actor with the id “%s”; the reference is kept but not shown"),
                                 actor->affiliation_id);
    }
  loader->array = NULL;
}

/* While loading, items hold offsets into the shared storage arrays, which
 * move as they grow; now that they are complete, offsets become pointers.
 */
static void
fix_up_pointers (DramatisStory *story)
{
#define FIX(base, field) ((field) = (gpointer) ((base) + GPOINTER_TO_SIZE (field)))
  const char **names = (const char **) story->names->pdata;
  DramatisEvidence *evidence = (DramatisEvidence *) (gpointer) story->evidence->data;
  DramatisParticipant *participants = (DramatisParticipant *) (gpointer) story->participants->data;
  guint *about = (guint *) (gpointer) story->about->data;

  for (guint i = 0; i < story->actors->len; i++)
    FIX (names, g_array_index (story->actors, DramatisActor, i).other_names);

  for (guint i = 0; i < story->events->len; i++)
    {
      DramatisEvent *event = &g_array_index (story->events, DramatisEvent, i);

      FIX (participants, event->participants);
      FIX (evidence, event->evidence);
    }

  for (guint i = 0; i < story->relations->len; i++)
    FIX (evidence, g_array_index (story->relations, DramatisRelation, i).evidence);

  for (guint i = 0; i < story->statements->len; i++)
    {
      DramatisStatement *statement = &g_array_index (story->statements, DramatisStatement, i);

      FIX (names, statement->about_ids);
      FIX (about, statement->about);
      FIX (evidence, statement->evidence);
    }
#undef FIX
}

static gboolean
read_version (Loader     *loader,
              JsonObject *root,
              Fatal      *fatal)
{
  JsonNode *node = json_object_get_member (root, "version");
  const char *version;
  guint64 major, minor;
  char *end;

  fatal->path = g_strdup ("version");
  fatal->code = DRAMATIS_STORY_ERROR_FORMAT;

  if (node == NULL || !dramatis_loader_is_string (node))
    {
      fatal->message = g_strdup (_("the story has no “version” of the format, such as \"1.0\""));
      return FALSE;
    }

  version = json_node_get_string (node);
  if (!g_regex_match_simple ("^[0-9]{1,9}\\.[0-9]{1,9}$", version, 0, 0))
    {
      fatal->message = g_strdup_printf (_("“%s” is not a format version such as \"1.0\""), version);
      return FALSE;
    }

  major = g_ascii_strtoull (version, &end, 10);
  minor = g_ascii_strtoull (end + 1, NULL, 10);

  if (major != DRAMATIS_STORY_FORMAT_MAJOR_VERSION)
    {
      fatal->code = DRAMATIS_STORY_ERROR_VERSION;
      fatal->message = g_strdup_printf (_("the story is written in version %s of the format, "
                                          "and this version of Dramatis reads only version %d stories"),
                                        version, DRAMATIS_STORY_FORMAT_MAJOR_VERSION);
      return FALSE;
    }

  g_clear_pointer (&fatal->path, g_free);

  if (minor > DRAMATIS_STORY_FORMAT_MINOR_VERSION)
    dramatis_loader_problem (loader, "version",
                             _("the story is written in version %s of the format, newer than this "
                               "version of Dramatis (%s); what it does not know is left out"),
                             version, DRAMATIS_STORY_FORMAT_VERSION);

  return TRUE;
}

gboolean
dramatis_loader_read_story (Loader     *loader,
                            JsonNode   *root_node,
                            Fatal      *fatal)
{
  static const char *const known[] = {
    "format", "version", "title", "description", "language",
    "sources", "actors", "events", "relations", "statements",
  };
  DramatisStory *story = loader->story;
  JsonObject *root;
  JsonNode *node;
  JsonObjectIter iter;
  const char *name;

  if (root_node == NULL || !JSON_NODE_HOLDS_OBJECT (root_node))
    {
      fatal->code = DRAMATIS_STORY_ERROR_FORMAT;
      fatal->path = g_strdup ("");
      fatal->message = g_strdup_printf (_("a story is a JSON object, and this file holds %s"),
                                        root_node ? dramatis_loader_node_type_description (root_node)
                                                  : _("nothing"));
      return FALSE;
    }

  root = json_node_get_object (root_node);
  node = json_object_get_member (root, "format");
  if (node == NULL || !dramatis_loader_is_string (node) ||
      strcmp (json_node_get_string (node), DRAMATIS_STORY_FORMAT_NAME) != 0)
    {
      fatal->code = DRAMATIS_STORY_ERROR_FORMAT;
      fatal->path = g_strdup (node ? "format" : "");
      fatal->message = g_strdup_printf (_("this is not a Dramatis story: a story says \"format\": \"%s\""),
                                        DRAMATIS_STORY_FORMAT_NAME);
      return FALSE;
    }

  if (!read_version (loader, root, fatal))
    return FALSE;

  json_object_iter_init (&iter, root);
  while (dramatis_loader_next_member (&iter, &name, &node))
    {
      if (strcmp (name, "title") == 0)
        story->title = dramatis_loader_read_string (loader, name, node, STRING_COPY);
      else if (strcmp (name, "description") == 0)
        story->description = dramatis_loader_read_string (loader, name, node, STRING_COPY);
      else if (strcmp (name, "language") == 0)
        story->language = dramatis_loader_read_string (loader, name, node, STRING_INTERN);
      else if (!g_strv_contains (known, name))
        dramatis_loader_unknown_member (loader, name);
    }

  if (!read_array (loader, root, "sources", story->sources,
                   dramatis_loader_read_source_item, _("a source"), fatal) ||
      !read_array (loader, root, "actors", story->actors,
                   dramatis_loader_read_actor_item, _("an actor"), fatal))
    return FALSE;

  resolve_affiliations (loader);

  if (!read_array (loader, root, "events", story->events,
                   dramatis_loader_read_event_item, _("an event"), fatal) ||
      !read_array (loader, root, "relations", story->relations,
                   dramatis_loader_read_relation_item, _("a relation"), fatal) ||
      !read_array (loader, root, "statements", story->statements,
                   dramatis_loader_read_statement_item, _("a statement"), fatal))
    return FALSE;

  fix_up_pointers (story);

  return TRUE;
}
