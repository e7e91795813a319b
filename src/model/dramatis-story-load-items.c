/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "dramatis-story-loader"

#include "config.h"

#include "dramatis-story-loader-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* Reading each kind of item of a story: sources, actors, events,
 * relations and statements, with their members.
 */

/* Reads a reference to an actor that is already loaded: the id is shared
 * with the actor's own, and the index resolved.
 */
static const char *
read_actor_ref (Loader     *loader,
                const char *member,
                JsonNode   *node,
                guint      *index)
{
  const char *id = NULL;
  gpointer orig, value;

  *index = DRAMATIS_NO_INDEX;

  if (JSON_NODE_HOLDS_NULL (node))
    return NULL;
  if (!dramatis_loader_is_string (node))
    {
      dramatis_loader_wrong_type (loader, member, node, _("an actor id"));
      return NULL;
    }

  id = json_node_get_string (node);
  if (g_hash_table_lookup_extended (loader->story->actor_ids, id, &orig, &value))
    {
      *index = GPOINTER_TO_UINT (value);
      return orig;
    }

  dramatis_loader_problem (loader, member,
                           _("there is no actor with the id “%s”; the reference is kept but not shown"), id);
  return dramatis_story_intern (loader->story, id);
}

static void
read_source (Loader         *loader,
             JsonObject     *object,
             DramatisSource *source)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *value;

  json_object_iter_init (&iter, object);
  while (dramatis_loader_next_member (&iter, &name, &value))
    {
      if (strcmp (name, "id") == 0)
        source->id = dramatis_loader_read_string (loader, name, value, STRING_COPY);
      else if (strcmp (name, "title") == 0)
        source->title = dramatis_loader_read_string (loader, name, value, STRING_COPY);
      else if (strcmp (name, "publisher") == 0)
        source->publisher = dramatis_loader_read_string (loader, name, value, STRING_INTERN);
      else if (strcmp (name, "url") == 0)
        source->url = dramatis_loader_read_string (loader, name, value, STRING_COPY);
      else if (strcmp (name, "license") == 0)
        source->license = dramatis_loader_read_string (loader, name, value, STRING_INTERN);
      else if (strcmp (name, "date_published") == 0)
        dramatis_loader_read_date (loader, name, value, &source->published);
      else if (strcmp (name, "text") == 0)
        {
          source->text = dramatis_loader_read_string (loader, name, value, STRING_COPY);
          source->text_size = source->text ? strlen (source->text) : 0;
          source->text_length = source->text ? g_utf8_strlen (source->text, source->text_size) : 0;
        }
      else
        dramatis_loader_unknown_member (loader, name);
    }
}

static DramatisActorKind
parse_actor_kind (Loader     *loader,
                  JsonNode   *node)
{
  static const struct {
    const char *name;
    DramatisActorKind kind;
  } kinds[] = {
    { "state", DRAMATIS_ACTOR_KIND_STATE },
    { "organization", DRAMATIS_ACTOR_KIND_ORGANIZATION },
    { "organisation", DRAMATIS_ACTOR_KIND_ORGANIZATION },
    { "person", DRAMATIS_ACTOR_KIND_PERSON },
    { "group", DRAMATIS_ACTOR_KIND_GROUP },
    { "other", DRAMATIS_ACTOR_KIND_OTHER },
  };
  const char *str;

  if (!dramatis_loader_is_string (node))
    {
      dramatis_loader_wrong_type (loader, "kind", node, _("a kind of actor"));
      return DRAMATIS_ACTOR_KIND_OTHER;
    }

  str = json_node_get_string (node);
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (strcmp (str, kinds[i].name) == 0)
      return kinds[i].kind;

  dramatis_loader_problem (loader, "kind",
                           _("“%s” is not a kind of actor (state, organization, person, group or other); "
                             "“other” is used"), str);
  return DRAMATIS_ACTOR_KIND_OTHER;
}

static void
read_position (Loader        *loader,
               JsonNode      *node,
               DramatisActor *actor)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *value;
  gboolean has_x = FALSE, has_y = FALSE;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      dramatis_loader_wrong_type (loader, "position", node, _("an object with “x” and “y”"));
      return;
    }

  loader->sub_array = NULL;
  json_object_iter_init (&iter, json_node_get_object (node));
  while (dramatis_loader_next_member (&iter, &name, &value))
    {
      g_autofree char *member = g_strconcat ("position.", name, NULL);

      if (strcmp (name, "x") == 0)
        has_x = dramatis_loader_read_double (loader, member, value, &actor->x);
      else if (strcmp (name, "y") == 0)
        has_y = dramatis_loader_read_double (loader, member, value, &actor->y);
      else if (strcmp (name, "pinned") == 0)
        actor->pinned = dramatis_loader_read_boolean (loader, member, value);
      else
        dramatis_loader_unknown_member (loader, member);
    }

  actor->has_position = has_x && has_y;
  if (!actor->has_position)
    {
      dramatis_loader_problem (loader, "position",
                               _("a position needs both “x” and “y”; it is ignored"));
      actor->x = actor->y = 0.0;
      actor->pinned = FALSE;
    }
}

static void
read_actor (Loader        *loader,
            JsonObject    *object,
            DramatisActor *actor)
{
  DramatisStory *story = loader->story;
  JsonObjectIter iter;
  const char *name;
  JsonNode *value;

  actor->affiliation = DRAMATIS_NO_INDEX;

  json_object_iter_init (&iter, object);
  while (dramatis_loader_next_member (&iter, &name, &value))
    {
      if (strcmp (name, "id") == 0)
        actor->id = dramatis_loader_read_string (loader, name, value, STRING_COPY);
      else if (strcmp (name, "name") == 0)
        actor->name = dramatis_loader_read_string (loader, name, value, STRING_COPY);
      else if (strcmp (name, "kind") == 0)
        actor->kind = parse_actor_kind (loader, value);
      else if (strcmp (name, "role") == 0)
        actor->role = dramatis_loader_read_string (loader, name, value, STRING_INTERN);
      else if (strcmp (name, "summary") == 0)
        actor->summary = dramatis_loader_read_string (loader, name, value, STRING_COPY);
      else if (strcmp (name, "affiliation_id") == 0)
        actor->affiliation_id = dramatis_loader_read_string (loader, name, value, STRING_INTERN);
      else if (strcmp (name, "position") == 0)
        read_position (loader, value, actor);
      else if (strcmp (name, "other_names") == 0)
        {
          JsonArray *array;

          if (!JSON_NODE_HOLDS_ARRAY (value))
            {
              dramatis_loader_wrong_type (loader, name, value, _("an array of names"));
              continue;
            }

          array = json_node_get_array (value);
          actor->other_names = GSIZE_TO_POINTER (story->names->len);
          for (guint i = 0; i < json_array_get_length (array); i++)
            {
              g_autofree char *member = g_strdup_printf ("other_names[%u]", i);
              const char *other = dramatis_loader_read_string (loader, member, json_array_get_element (array, i),
                                                               STRING_COPY);

              if (other != NULL)
                {
                  g_ptr_array_add (story->names, (gpointer) other);
                  actor->n_other_names++;
                }
            }
        }
      else
        dramatis_loader_unknown_member (loader, name);
    }

  if (actor->name == NULL)
    dramatis_loader_problem (loader, NULL, _("the actor has no “name”"));
}

static void
read_participants (Loader        *loader,
                   JsonNode      *node,
                   DramatisEvent *event)
{
  DramatisStory *story = loader->story;
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      dramatis_loader_wrong_type (loader, "participants", node, _("an array of participants"));
      return;
    }

  array = json_node_get_array (node);
  event->participants = GSIZE_TO_POINTER (story->participants->len);
  loader->sub_array = "participants";

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      DramatisParticipant participant = { NULL, DRAMATIS_NO_INDEX, NULL };
      JsonObject *object;
      JsonObjectIter iter;
      const char *name;
      JsonNode *value;

      loader->sub_index = i;
      if (!(object = dramatis_loader_expect_object (loader, json_array_get_element (array, i),
                                                    _("a participant"))))
        continue;

      json_object_iter_init (&iter, object);
      while (dramatis_loader_next_member (&iter, &name, &value))
        {
          if (strcmp (name, "actor_id") == 0)
            participant.actor_id = read_actor_ref (loader, name, value, &participant.actor);
          else if (strcmp (name, "role") == 0)
            participant.role = dramatis_loader_read_string (loader, name, value, STRING_INTERN);
          else
            dramatis_loader_unknown_member (loader, name);
        }

      if (participant.actor_id == NULL)
        {
          dramatis_loader_problem (loader, NULL,
                                   _("a participant needs an “actor_id”; it is left out"));
          continue;
        }

      g_array_append_val (story->participants, participant);
      event->n_participants++;
    }

  loader->sub_array = NULL;
}

static void
read_event (Loader        *loader,
            JsonObject    *object,
            DramatisEvent *event)
{
  DateMembers dates = { NULL, NULL, FALSE, FALSE };
  JsonObjectIter iter;
  const char *name;
  JsonNode *value;

  json_object_iter_init (&iter, object);
  while (dramatis_loader_next_member (&iter, &name, &value))
    {
      if (strcmp (name, "id") == 0)
        event->id = dramatis_loader_read_string (loader, name, value, STRING_COPY);
      else if (strcmp (name, "name") == 0)
        event->name = dramatis_loader_read_string (loader, name, value, STRING_COPY);
      else if (strcmp (name, "description") == 0)
        event->description = dramatis_loader_read_string (loader, name, value, STRING_COPY);
      else if (strcmp (name, "classification") == 0)
        event->classification = dramatis_loader_read_string (loader, name, value, STRING_INTERN);
      else if (strcmp (name, "location") == 0)
        event->location = dramatis_loader_read_string (loader, name, value, STRING_INTERN);
      else if (strcmp (name, "date_note") == 0)
        event->date_note = dramatis_loader_read_string (loader, name, value, STRING_COPY);
      else if (strcmp (name, "participants") == 0)
        read_participants (loader, value, event);
      else if (strcmp (name, "sources") == 0)
        event->evidence = GSIZE_TO_POINTER (dramatis_loader_read_evidence (loader, value,
                                                                           &event->n_evidence));
      else if (strcmp (name, "date") != 0 && dramatis_loader_read_date_member (loader, name, value, &dates))
        ;
      else
        dramatis_loader_unknown_member (loader, name);
    }

  dramatis_loader_read_span (loader, "start_date", dates.start, "end_date", dates.end,
                             dates.approximate, dates.inferred, &event->when);

  if (event->name == NULL)
    dramatis_loader_problem (loader, NULL, _("the event has no “name”"));
}

static DramatisDirection
parse_direction (Loader   *loader,
                 JsonNode *node)
{
  const char *str;

  if (!dramatis_loader_is_string (node))
    {
      dramatis_loader_wrong_type (loader, "direction", node,
                                  _("“directed”, “undirected” or “mutual”"));
      return DRAMATIS_DIRECTION_DIRECTED;
    }

  str = json_node_get_string (node);
  if (strcmp (str, "directed") == 0)
    return DRAMATIS_DIRECTION_DIRECTED;
  if (strcmp (str, "undirected") == 0)
    return DRAMATIS_DIRECTION_UNDIRECTED;
  if (strcmp (str, "mutual") == 0)
    return DRAMATIS_DIRECTION_MUTUAL;

  dramatis_loader_problem (loader, "direction",
                           _("“%s” is not “directed”, “undirected” or “mutual”; “directed” is used"), str);
  return DRAMATIS_DIRECTION_DIRECTED;
}

static void
read_relation (Loader           *loader,
               JsonObject       *object,
               DramatisRelation *relation)
{
  DateMembers dates = { NULL, NULL, FALSE, FALSE };
  JsonObjectIter iter;
  const char *name;
  JsonNode *value;

  relation->from = relation->to = DRAMATIS_NO_INDEX;

  json_object_iter_init (&iter, object);
  while (dramatis_loader_next_member (&iter, &name, &value))
    {
      if (strcmp (name, "id") == 0)
        relation->id = dramatis_loader_read_string (loader, name, value, STRING_COPY);
      else if (strcmp (name, "type") == 0)
        relation->type = dramatis_loader_read_string (loader, name, value, STRING_INTERN);
      else if (strcmp (name, "label") == 0)
        relation->label = dramatis_loader_read_string (loader, name, value, STRING_INTERN);
      else if (strcmp (name, "from") == 0)
        relation->from_id = read_actor_ref (loader, name, value, &relation->from);
      else if (strcmp (name, "to") == 0)
        relation->to_id = read_actor_ref (loader, name, value, &relation->to);
      else if (strcmp (name, "direction") == 0)
        relation->direction = parse_direction (loader, value);
      else if (strcmp (name, "sources") == 0)
        relation->evidence = GSIZE_TO_POINTER (dramatis_loader_read_evidence (loader, value,
                                                                              &relation->n_evidence));
      else if (strcmp (name, "date") != 0 && dramatis_loader_read_date_member (loader, name, value, &dates))
        ;
      else
        dramatis_loader_unknown_member (loader, name);
    }

  dramatis_loader_read_span (loader, "start_date", dates.start, "end_date", dates.end,
                             dates.approximate, dates.inferred, &relation->when);

  if (relation->type == NULL)
    dramatis_loader_problem (loader, NULL, _("the relation has no “type”"));
  if (relation->from_id == NULL || relation->to_id == NULL)
    dramatis_loader_problem (loader, NULL, _("a relation needs both “from” and “to”"));
}

static void
read_statement (Loader            *loader,
                JsonObject        *object,
                DramatisStatement *statement)
{
  DramatisStory *story = loader->story;
  DateMembers dates = { NULL, NULL, FALSE, FALSE };
  DramatisSpan span = { { 0 } };
  JsonObjectIter iter;
  const char *name;
  JsonNode *value;

  statement->speaker = statement->audience = statement->event = DRAMATIS_NO_INDEX;

  json_object_iter_init (&iter, object);
  while (dramatis_loader_next_member (&iter, &name, &value))
    {
      if (strcmp (name, "id") == 0)
        statement->id = dramatis_loader_read_string (loader, name, value, STRING_COPY);
      else if (strcmp (name, "creator_id") == 0)
        statement->speaker_id = read_actor_ref (loader, name, value, &statement->speaker);
      else if (strcmp (name, "text") == 0)
        statement->text = dramatis_loader_read_string (loader, name, value, STRING_COPY);
      else if (strcmp (name, "attribution_text") == 0)
        statement->attribution = dramatis_loader_read_string (loader, name, value, STRING_COPY);
      else if (strcmp (name, "audience_id") == 0)
        statement->audience_id = read_actor_ref (loader, name, value, &statement->audience);
      else if (strcmp (name, "event_id") == 0)
        {
          const char *id = dramatis_loader_read_string (loader, name, value, STRING_INTERN);
          gpointer orig, index;

          if (id != NULL && g_hash_table_lookup_extended (story->event_ids, id, &orig, &index))
            {
              statement->event_id = orig;
              statement->event = GPOINTER_TO_UINT (index);
            }
          else if (id != NULL)
            {
              statement->event_id = id;
              dramatis_loader_problem (loader, name,
                                       _("there is no event with the id “%s”; the reference is kept but not shown"), id);
            }
        }
      else if (strcmp (name, "about_ids") == 0)
        {
          JsonArray *array;

          if (!JSON_NODE_HOLDS_ARRAY (value))
            {
              dramatis_loader_wrong_type (loader, name, value, _("an array of actor ids"));
              continue;
            }

          array = json_node_get_array (value);
          statement->about = GSIZE_TO_POINTER (story->about->len);
          statement->about_ids = GSIZE_TO_POINTER (story->names->len);
          for (guint i = 0; i < json_array_get_length (array); i++)
            {
              g_autofree char *member = g_strdup_printf ("about_ids[%u]", i);
              guint index;
              const char *id = read_actor_ref (loader, member, json_array_get_element (array, i), &index);

              if (id != NULL)
                {
                  g_ptr_array_add (story->names, (gpointer) id);
                  g_array_append_val (story->about, index);
                  statement->n_about++;
                }
            }
        }
      else if (strcmp (name, "sources") == 0)
        statement->evidence = GSIZE_TO_POINTER (dramatis_loader_read_evidence (loader, value,
                                                                               &statement->n_evidence));
      else if (strcmp (name, "start_date") != 0 && dramatis_loader_read_date_member (loader, name, value, &dates))
        ;
      else
        dramatis_loader_unknown_member (loader, name);
    }

  if (dates.end != NULL)
    dramatis_loader_problem (loader, "end_date",
                             _("a statement has one date, not a period; the end is ignored"));
  dramatis_loader_read_span (loader, "date", dates.start, NULL, NULL,
                             dates.approximate, dates.inferred, &span);
  statement->date = span.start;

  if (statement->text == NULL)
    dramatis_loader_problem (loader, NULL, _("the statement has no “text”"));
}

void
dramatis_loader_read_source_item (Loader     *loader,
                                  JsonObject *object,
                                  guint       index)
{
  DramatisSource *source = &g_array_index (loader->story->sources, DramatisSource, index);

  read_source (loader, object, source);
  dramatis_loader_add_id (loader, loader->story->source_ids, source->id, index);
}

void
dramatis_loader_read_actor_item (Loader     *loader,
                                 JsonObject *object,
                                 guint       index)
{
  DramatisActor *actor = &g_array_index (loader->story->actors, DramatisActor, index);

  read_actor (loader, object, actor);
  dramatis_loader_add_id (loader, loader->story->actor_ids, actor->id, index);
}

void
dramatis_loader_read_event_item (Loader     *loader,
                                 JsonObject *object,
                                 guint       index)
{
  DramatisEvent *event = &g_array_index (loader->story->events, DramatisEvent, index);

  read_event (loader, object, event);
  dramatis_loader_add_id (loader, loader->story->event_ids, event->id, index);
}

void
dramatis_loader_read_relation_item (Loader     *loader,
                                    JsonObject *object,
                                    guint       index)
{
  DramatisRelation *relation = &g_array_index (loader->story->relations, DramatisRelation, index);

  read_relation (loader, object, relation);
  dramatis_loader_add_id (loader, loader->story->relation_ids, relation->id, index);
}

void
dramatis_loader_read_statement_item (Loader     *loader,
                                     JsonObject *object,
                                     guint       index)
{
  DramatisStatement *statement = &g_array_index (loader->story->statements, DramatisStatement, index);

  read_statement (loader, object, statement);
  dramatis_loader_add_id (loader, loader->story->statement_ids, statement->id, index);
}
