/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "dramatis-story-loader"

#include "config.h"

#include <errno.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>
#include <sys/stat.h>

#include "dramatis-json-scan.h"
#include "dramatis-story-io.h"
#include "dramatis-story-load-progress-private.h"
#include "dramatis-story-private.h"

/* The story file is parsed by json-glib into a tree, and the tree is turned
 * into the story's flat arrays.  Each top-level array is walked from its end
 * and every element is dropped from the tree once it is read, so the tree
 * shrinks while the story grows and the peak memory stays close to that of
 * the tree alone.
 *
 * Problems inside items do not stop the load: they are collected with the
 * path of the value ("events[3].start_date"), and the path is turned into a
 * line and column at the end, by a second look at the text, only when there
 * is something to report.
 */

/* More problems than this are counted, not listed. */
#define MAX_PROBLEMS 500

G_DEFINE_QUARK (dramatis-story-error-quark, dramatis_story_error)

/* Files are read in pieces this large, to tell how far reading has got. */
#define READ_CHUNK_SIZE (1024 * 1024)

typedef struct
{
  DramatisStory *story;
  guint          n_problems;
  /* Where the item being read is, for messages: "events[3]", or
   * "events[3].participants[1]".
   */
  const char    *array;
  guint          index;
  const char    *sub_array;
  guint          sub_index;
  /* The place in its JSON array of each item of the array being read, and
   * of each actor: they differ from the item's index when elements that are
   * not objects were left out.
   */
  guint         *file_index;
  guint         *actor_file_index;
  /* Where in the file each kept problem is, roughly (see problem_order()),
   * and which of them is the last.
   */
  GArray        *problem_order;
  guint          last_problem;
} Loader;

typedef enum
{
  FIELD_ID = 1 << 0,
  FIELD_NAME = 1 << 1,
} RequiredFields;

static char *
place_path (Loader     *loader,
            const char *member)
{
  GString *path = g_string_new (NULL);

  if (loader->array != NULL)
    g_string_append_printf (path, "%s[%u]", loader->array, loader->index);
  if (loader->sub_array != NULL)
    g_string_append_printf (path, ".%s[%u]", loader->sub_array, loader->sub_index);
  if (member != NULL)
    {
      if (path->len > 0 && member[0] != '[')
        g_string_append_c (path, '.');
      g_string_append (path, member);
    }

  return g_string_free (path, FALSE);
}

/* The order in the file of a problem of the item being read: the top-level
 * arrays are read in the order the format gives them, and their items from
 * the end, so the problems come out of order.  Only the first MAX_PROBLEMS
 * are kept, and this says which those are.
 */
static guint64
problem_order (Loader *loader)
{
  static const char *const arrays[] = { "sources", "actors", "events", "relations", "statements" };

  if (loader->array == NULL)
    return 0;

  for (guint i = 0; i < G_N_ELEMENTS (arrays); i++)
    if (strcmp (loader->array, arrays[i]) == 0)
      return ((guint64) (i + 1) << 32) | loader->index;

  return (guint64) (G_N_ELEMENTS (arrays) + 1) << 32;
}

static void
find_last_problem (Loader *loader)
{
  const guint64 *order = (const guint64 *) (gpointer) loader->problem_order->data;

  loader->last_problem = 0;
  for (guint i = 1; i < loader->problem_order->len; i++)
    if (order[i] > order[loader->last_problem])
      loader->last_problem = i;
}

G_GNUC_PRINTF (3, 4)
static void
problem (Loader     *loader,
         const char *member,
         const char *format,
         ...)
{
  guint64 order = problem_order (loader);
  va_list args;
  char *message;

  loader->n_problems++;
  if (loader->problem_order == NULL)
    loader->problem_order = g_array_new (FALSE, FALSE, sizeof (guint64));

  if (loader->problem_order->len >= MAX_PROBLEMS &&
      order >= g_array_index (loader->problem_order, guint64, loader->last_problem))
    return;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (loader->problem_order->len < MAX_PROBLEMS)
    {
      dramatis_story_add_problem (loader->story, place_path (loader, member), message);
      g_array_append_val (loader->problem_order, order);
      if (order >= g_array_index (loader->problem_order, guint64, loader->last_problem))
        loader->last_problem = loader->problem_order->len - 1;
    }
  else
    {
      DramatisProblem *replaced = &g_array_index (loader->story->problems, DramatisProblem, loader->last_problem);

      g_free (replaced->path);
      g_free (replaced->message);
      replaced->path = place_path (loader, member);
      replaced->message = message;
      g_array_index (loader->problem_order, guint64, loader->last_problem) = order;
      find_last_problem (loader);
    }
}

/* Walks the members of an object, skipping those that are null: in a story
 * file, null means the same as leaving the member out.
 */
static gboolean
next_member (JsonObjectIter  *iter,
             const char     **name,
             JsonNode       **value)
{
  while (json_object_iter_next (iter, name, value))
    if (!JSON_NODE_HOLDS_NULL (*value))
      return TRUE;

  return FALSE;
}

static const char *
node_type_description (JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      return _("an object");
    case JSON_NODE_ARRAY:
      return _("an array");
    case JSON_NODE_NULL:
      return _("null");
    case JSON_NODE_VALUE:
    default:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_STRING:
          return _("a string");
        case G_TYPE_BOOLEAN:
          return _("true or false");
        default:
          return _("a number");
        }
    }
}

static void
wrong_type (Loader     *loader,
            const char *member,
            JsonNode   *node,
            const char *expected)
{
  /* Translators: “it must be a string, not a number” */
  problem (loader, member, _("it must be %s, not %s; it is ignored"),
           expected, node_type_description (node));
}

static gboolean
is_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

typedef enum
{
  STRING_COPY,
  STRING_INTERN,
} StringMode;

static const char *
read_string (Loader     *loader,
             const char *member,
             JsonNode   *node,
             StringMode  mode)
{
  const char *str;

  if (JSON_NODE_HOLDS_NULL (node))
    return NULL;

  if (!is_string (node))
    {
      wrong_type (loader, member, node, _("a string"));
      return NULL;
    }

  str = json_node_get_string (node);
  if (mode == STRING_INTERN)
    return dramatis_story_intern (loader->story, str);
  return dramatis_story_insert (loader->story, str);
}

static gboolean
read_boolean (Loader     *loader,
              const char *member,
              JsonNode   *node)
{
  if (JSON_NODE_HOLDS_NULL (node))
    return FALSE;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    {
      wrong_type (loader, member, node, _("true or false"));
      return FALSE;
    }

  return json_node_get_boolean (node);
}

static gboolean
read_double (Loader     *loader,
             const char *member,
             JsonNode   *node,
             double     *value)
{
  GType type;

  if (!JSON_NODE_HOLDS_VALUE (node) ||
      ((type = json_node_get_value_type (node)) != G_TYPE_INT64 && type != G_TYPE_DOUBLE))
    {
      wrong_type (loader, member, node, _("a number"));
      return FALSE;
    }

  *value = json_node_get_double (node);
  if (!isfinite (*value))
    {
      problem (loader, member, _("the number is too large; it is ignored"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
read_offset (Loader     *loader,
             const char *member,
             JsonNode   *node,
             guint      *value)
{
  gint64 v;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    {
      wrong_type (loader, member, node, _("a whole number"));
      return FALSE;
    }

  v = json_node_get_int (node);
  if (v < 0 || v >= G_MAXINT32)
    {
      problem (loader, member, _("a character position must be between 0 and %d; it is ignored"),
               G_MAXINT32 - 1);
      return FALSE;
    }

  *value = (guint) v;
  return TRUE;
}

static void
read_date (Loader       *loader,
           const char   *member,
           JsonNode     *node,
           DramatisDate *date)
{
  g_autoptr(GError) error = NULL;

  if (JSON_NODE_HOLDS_NULL (node))
    return;

  if (!is_string (node))
    {
      wrong_type (loader, member, node, _("a date such as “2024-10-30”"));
      return;
    }

  if (!dramatis_date_parse (json_node_get_string (node), date, &error))
    problem (loader, member, _("%s; it is ignored"), error->message);
}

static void
unknown_member (Loader     *loader,
                const char *member)
{
  problem (loader, member, _("“%s” is not part of the story format; it is ignored and will not be saved"),
           member);
}

static JsonObject *
expect_object (Loader     *loader,
               JsonNode   *node,
               const char *what)
{
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      /* Translators: %s is a kind of item, “an actor” */
      problem (loader, NULL, _("%s must be a JSON object, not %s; it is left out"),
               what, node_type_description (node));
      return NULL;
    }

  return json_node_get_object (node);
}

static void
add_id (Loader     *loader,
        GHashTable *ids,
        const char *id,
        guint       index)
{
  gpointer later;

  if (id == NULL)
    {
      problem (loader, NULL, _("the item has no “id”, so nothing can refer to it"));
      return;
    }

  /* Arrays are read from their end, so an id seen already belongs to a later
   * item: the earlier one takes the id, and the later one is reported.
   */
  if (g_hash_table_lookup_extended (ids, id, NULL, &later))
    {
      guint this_index = loader->index;

      loader->index = loader->file_index[GPOINTER_TO_UINT (later)];
      problem (loader, "id", _("an earlier item has the id “%s” already; references go to the earlier one"), id);
      loader->index = this_index;
    }

  g_hash_table_insert (ids, (gpointer) id, GUINT_TO_POINTER (index));
}

/* Reads an array of evidence ("sources": [{ "source_id": …, "start": …,
 * "end": …, "exact": … }]) into the story's evidence storage, and returns
 * where it starts.
 */
static gsize
read_evidence (Loader     *loader,
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
      wrong_type (loader, "sources", node, _("an array of passages"));
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
      if (!(object = expect_object (loader, json_array_get_element (array, i), _("a passage"))))
        continue;

      json_object_iter_init (&iter, object);
      while (next_member (&iter, &name, &value))
        {
          if (strcmp (name, "source_id") == 0)
            {
              const char *id = read_string (loader, name, value, STRING_INTERN);
              gpointer orig, index;

              if (id != NULL && g_hash_table_lookup_extended (story->source_ids, id, &orig, &index))
                {
                  evidence.source_id = orig;
                  evidence.source = GPOINTER_TO_UINT (index);
                }
              else if (id != NULL)
                {
                  evidence.source_id = id;
                  problem (loader, name, _("there is no source with the id “%s”"), id);
                }
            }
          else if (strcmp (name, "start") == 0)
            has_start = read_offset (loader, name, value, &evidence.start);
          else if (strcmp (name, "end") == 0)
            has_end = read_offset (loader, name, value, &evidence.end);
          else if (strcmp (name, "exact") == 0)
            evidence.exact = read_string (loader, name, value, STRING_COPY);
          else
            unknown_member (loader, name);
        }

      if (has_start != has_end || evidence.end <= evidence.start)
        {
          if (has_start || has_end)
            problem (loader, NULL, _("a passage needs both “start” and “end”, with “end” after “start”; "
                                     "its position is ignored"));
          evidence.start = evidence.end = 0;
          has_end = FALSE;
        }
      else if (has_end && evidence.source != DRAMATIS_NO_INDEX)
        {
          const DramatisSource *source = &g_array_index (story->sources, DramatisSource, evidence.source);

          if (source->text == NULL)
            problem (loader, NULL, _("the source “%s” has no text to point into"), source->id);
          else if (evidence.end > source->text_length)
            problem (loader, "end", _("the source “%s” has only %u characters"), source->id,
                     source->text_length);
          else if (evidence.exact != NULL)
            {
              const char *begin = dramatis_source_get_text_at (source, evidence.start);
              const char *end = dramatis_source_get_text_at (source, evidence.end);

              if (strlen (evidence.exact) != (gsize) (end - begin) ||
                  memcmp (evidence.exact, begin, end - begin) != 0)
                problem (loader, "exact", _("the quoted text is not what the source has from character %u to %u"),
                         evidence.start, evidence.end);
            }
        }

      if (evidence.source_id == NULL && evidence.exact == NULL)
        {
          problem (loader, NULL, _("a passage needs a “source_id” or an “exact” quote; it is left out"));
          continue;
        }

      g_array_append_val (story->evidence, evidence);
      (*n_evidence)++;
    }

  loader->sub_array = NULL;
  return first;
}

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
  if (!is_string (node))
    {
      wrong_type (loader, member, node, _("an actor id"));
      return NULL;
    }

  id = json_node_get_string (node);
  if (g_hash_table_lookup_extended (loader->story->actor_ids, id, &orig, &value))
    {
      *index = GPOINTER_TO_UINT (value);
      return orig;
    }

  problem (loader, member, _("there is no actor with the id “%s”; the reference is kept but not shown"), id);
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
  while (next_member (&iter, &name, &value))
    {
      if (strcmp (name, "id") == 0)
        source->id = read_string (loader, name, value, STRING_COPY);
      else if (strcmp (name, "title") == 0)
        source->title = read_string (loader, name, value, STRING_COPY);
      else if (strcmp (name, "publisher") == 0)
        source->publisher = read_string (loader, name, value, STRING_INTERN);
      else if (strcmp (name, "url") == 0)
        source->url = read_string (loader, name, value, STRING_COPY);
      else if (strcmp (name, "license") == 0)
        source->license = read_string (loader, name, value, STRING_INTERN);
      else if (strcmp (name, "date_published") == 0)
        read_date (loader, name, value, &source->published);
      else if (strcmp (name, "text") == 0)
        {
          source->text = read_string (loader, name, value, STRING_COPY);
          source->text_size = source->text ? strlen (source->text) : 0;
          source->text_length = source->text ? g_utf8_strlen (source->text, source->text_size) : 0;
        }
      else
        unknown_member (loader, name);
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

  if (!is_string (node))
    {
      wrong_type (loader, "kind", node, _("a kind of actor"));
      return DRAMATIS_ACTOR_KIND_OTHER;
    }

  str = json_node_get_string (node);
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (strcmp (str, kinds[i].name) == 0)
      return kinds[i].kind;

  problem (loader, "kind", _("“%s” is not a kind of actor (state, organization, person, group or other); "
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
      wrong_type (loader, "position", node, _("an object with “x” and “y”"));
      return;
    }

  loader->sub_array = NULL;
  json_object_iter_init (&iter, json_node_get_object (node));
  while (next_member (&iter, &name, &value))
    {
      g_autofree char *member = g_strconcat ("position.", name, NULL);

      if (strcmp (name, "x") == 0)
        has_x = read_double (loader, member, value, &actor->x);
      else if (strcmp (name, "y") == 0)
        has_y = read_double (loader, member, value, &actor->y);
      else if (strcmp (name, "pinned") == 0)
        actor->pinned = read_boolean (loader, member, value);
      else
        unknown_member (loader, member);
    }

  actor->has_position = has_x && has_y;
  if (!actor->has_position)
    {
      problem (loader, "position", _("a position needs both “x” and “y”; it is ignored"));
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
  while (next_member (&iter, &name, &value))
    {
      if (strcmp (name, "id") == 0)
        actor->id = read_string (loader, name, value, STRING_COPY);
      else if (strcmp (name, "name") == 0)
        actor->name = read_string (loader, name, value, STRING_COPY);
      else if (strcmp (name, "kind") == 0)
        actor->kind = parse_actor_kind (loader, value);
      else if (strcmp (name, "role") == 0)
        actor->role = read_string (loader, name, value, STRING_INTERN);
      else if (strcmp (name, "summary") == 0)
        actor->summary = read_string (loader, name, value, STRING_COPY);
      else if (strcmp (name, "affiliation_id") == 0)
        actor->affiliation_id = read_string (loader, name, value, STRING_INTERN);
      else if (strcmp (name, "position") == 0)
        read_position (loader, value, actor);
      else if (strcmp (name, "other_names") == 0)
        {
          JsonArray *array;

          if (!JSON_NODE_HOLDS_ARRAY (value))
            {
              wrong_type (loader, name, value, _("an array of names"));
              continue;
            }

          array = json_node_get_array (value);
          actor->other_names = GSIZE_TO_POINTER (story->names->len);
          for (guint i = 0; i < json_array_get_length (array); i++)
            {
              g_autofree char *member = g_strdup_printf ("other_names[%u]", i);
              const char *other = read_string (loader, member, json_array_get_element (array, i), STRING_COPY);

              if (other != NULL)
                {
                  g_ptr_array_add (story->names, (gpointer) other);
                  actor->n_other_names++;
                }
            }
        }
      else
        unknown_member (loader, name);
    }

  if (actor->name == NULL)
    problem (loader, NULL, _("the actor has no “name”"));
}

static void
read_span (Loader       *loader,
           const char   *start_member,
           JsonNode     *start,
           const char   *end_member,
           JsonNode     *end,
           gboolean      approximate,
           gboolean      inferred,
           DramatisSpan *span)
{
  guint8 flags = (approximate ? DRAMATIS_DATE_APPROXIMATE : 0) | (inferred ? DRAMATIS_DATE_INFERRED : 0);

  if (start != NULL)
    read_date (loader, start_member, start, &span->start);
  if (end != NULL)
    read_date (loader, end_member, end, &span->end);

  if (dramatis_date_is_set (&span->end) && !dramatis_date_is_set (&span->start))
    {
      problem (loader, end_member, _("a period with an end needs a start; the end is ignored"));
      memset (&span->end, 0, sizeof span->end);
    }
  else if (dramatis_date_is_set (&span->end) &&
           dramatis_date_get_end_second (&span->end) <= dramatis_date_get_first_second (&span->start))
    {
      problem (loader, end_member, _("the period ends before it starts; the end is ignored"));
      memset (&span->end, 0, sizeof span->end);
    }

  if (dramatis_date_is_set (&span->start))
    span->start.flags |= flags;
  if (dramatis_date_is_set (&span->end))
    span->end.flags |= flags;
  if (flags != 0 && !dramatis_date_is_set (&span->start))
    problem (loader, NULL, _("the date is marked approximate or inferred, but there is no date"));
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
      wrong_type (loader, "participants", node, _("an array of participants"));
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
      if (!(object = expect_object (loader, json_array_get_element (array, i), _("a participant"))))
        continue;

      json_object_iter_init (&iter, object);
      while (next_member (&iter, &name, &value))
        {
          if (strcmp (name, "actor_id") == 0)
            participant.actor_id = read_actor_ref (loader, name, value, &participant.actor);
          else if (strcmp (name, "role") == 0)
            participant.role = read_string (loader, name, value, STRING_INTERN);
          else
            unknown_member (loader, name);
        }

      if (participant.actor_id == NULL)
        {
          problem (loader, NULL, _("a participant needs an “actor_id”; it is left out"));
          continue;
        }

      g_array_append_val (story->participants, participant);
      event->n_participants++;
    }

  loader->sub_array = NULL;
}

/* The date members every dated item shares. */
typedef struct
{
  JsonNode *start;
  JsonNode *end;
  gboolean  approximate;
  gboolean  inferred;
} DateMembers;

static gboolean
read_date_member (Loader      *loader,
                  const char  *name,
                  JsonNode    *value,
                  DateMembers *dates)
{
  if (strcmp (name, "start_date") == 0 || strcmp (name, "date") == 0)
    dates->start = value;
  else if (strcmp (name, "end_date") == 0)
    dates->end = value;
  else if (strcmp (name, "date_approximate") == 0)
    dates->approximate = read_boolean (loader, name, value);
  else if (strcmp (name, "date_inferred") == 0)
    dates->inferred = read_boolean (loader, name, value);
  else
    return FALSE;

  return TRUE;
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
  while (next_member (&iter, &name, &value))
    {
      if (strcmp (name, "id") == 0)
        event->id = read_string (loader, name, value, STRING_COPY);
      else if (strcmp (name, "name") == 0)
        event->name = read_string (loader, name, value, STRING_COPY);
      else if (strcmp (name, "description") == 0)
        event->description = read_string (loader, name, value, STRING_COPY);
      else if (strcmp (name, "classification") == 0)
        event->classification = read_string (loader, name, value, STRING_INTERN);
      else if (strcmp (name, "location") == 0)
        event->location = read_string (loader, name, value, STRING_INTERN);
      else if (strcmp (name, "date_note") == 0)
        event->date_note = read_string (loader, name, value, STRING_COPY);
      else if (strcmp (name, "participants") == 0)
        read_participants (loader, value, event);
      else if (strcmp (name, "sources") == 0)
        event->evidence = GSIZE_TO_POINTER (read_evidence (loader, value, &event->n_evidence));
      else if (strcmp (name, "date") != 0 && read_date_member (loader, name, value, &dates))
        ;
      else
        unknown_member (loader, name);
    }

  read_span (loader, "start_date", dates.start, "end_date", dates.end,
             dates.approximate, dates.inferred, &event->when);

  if (event->name == NULL)
    problem (loader, NULL, _("the event has no “name”"));
}

static DramatisDirection
parse_direction (Loader   *loader,
                 JsonNode *node)
{
  const char *str;

  if (!is_string (node))
    {
      wrong_type (loader, "direction", node, _("“directed”, “undirected” or “mutual”"));
      return DRAMATIS_DIRECTION_DIRECTED;
    }

  str = json_node_get_string (node);
  if (strcmp (str, "directed") == 0)
    return DRAMATIS_DIRECTION_DIRECTED;
  if (strcmp (str, "undirected") == 0)
    return DRAMATIS_DIRECTION_UNDIRECTED;
  if (strcmp (str, "mutual") == 0)
    return DRAMATIS_DIRECTION_MUTUAL;

  problem (loader, "direction", _("“%s” is not “directed”, “undirected” or “mutual”; “directed” is used"), str);
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
  while (next_member (&iter, &name, &value))
    {
      if (strcmp (name, "id") == 0)
        relation->id = read_string (loader, name, value, STRING_COPY);
      else if (strcmp (name, "type") == 0)
        relation->type = read_string (loader, name, value, STRING_INTERN);
      else if (strcmp (name, "label") == 0)
        relation->label = read_string (loader, name, value, STRING_INTERN);
      else if (strcmp (name, "from") == 0)
        relation->from_id = read_actor_ref (loader, name, value, &relation->from);
      else if (strcmp (name, "to") == 0)
        relation->to_id = read_actor_ref (loader, name, value, &relation->to);
      else if (strcmp (name, "direction") == 0)
        relation->direction = parse_direction (loader, value);
      else if (strcmp (name, "sources") == 0)
        relation->evidence = GSIZE_TO_POINTER (read_evidence (loader, value, &relation->n_evidence));
      else if (strcmp (name, "date") != 0 && read_date_member (loader, name, value, &dates))
        ;
      else
        unknown_member (loader, name);
    }

  read_span (loader, "start_date", dates.start, "end_date", dates.end,
             dates.approximate, dates.inferred, &relation->when);

  if (relation->type == NULL)
    problem (loader, NULL, _("the relation has no “type”"));
  if (relation->from_id == NULL || relation->to_id == NULL)
    problem (loader, NULL, _("a relation needs both “from” and “to”"));
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
  while (next_member (&iter, &name, &value))
    {
      if (strcmp (name, "id") == 0)
        statement->id = read_string (loader, name, value, STRING_COPY);
      else if (strcmp (name, "creator_id") == 0)
        statement->speaker_id = read_actor_ref (loader, name, value, &statement->speaker);
      else if (strcmp (name, "text") == 0)
        statement->text = read_string (loader, name, value, STRING_COPY);
      else if (strcmp (name, "attribution_text") == 0)
        statement->attribution = read_string (loader, name, value, STRING_COPY);
      else if (strcmp (name, "audience_id") == 0)
        statement->audience_id = read_actor_ref (loader, name, value, &statement->audience);
      else if (strcmp (name, "event_id") == 0)
        {
          const char *id = read_string (loader, name, value, STRING_INTERN);
          gpointer orig, index;

          if (id != NULL && g_hash_table_lookup_extended (story->event_ids, id, &orig, &index))
            {
              statement->event_id = orig;
              statement->event = GPOINTER_TO_UINT (index);
            }
          else if (id != NULL)
            {
              statement->event_id = id;
              problem (loader, name, _("there is no event with the id “%s”; the reference is kept but not shown"), id);
            }
        }
      else if (strcmp (name, "about_ids") == 0)
        {
          JsonArray *array;

          if (!JSON_NODE_HOLDS_ARRAY (value))
            {
              wrong_type (loader, name, value, _("an array of actor ids"));
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
        statement->evidence = GSIZE_TO_POINTER (read_evidence (loader, value, &statement->n_evidence));
      else if (strcmp (name, "start_date") != 0 && read_date_member (loader, name, value, &dates))
        ;
      else
        unknown_member (loader, name);
    }

  if (dates.end != NULL)
    problem (loader, "end_date", _("a statement has one date, not a period; the end is ignored"));
  read_span (loader, "date", dates.start, NULL, NULL, dates.approximate, dates.inferred, &span);
  statement->date = span.start;

  if (statement->text == NULL)
    problem (loader, NULL, _("the statement has no “text”"));
}

static void
read_source_item (Loader     *loader,
                  JsonObject *object,
                  guint       index)
{
  DramatisSource *source = &g_array_index (loader->story->sources, DramatisSource, index);

  read_source (loader, object, source);
  add_id (loader, loader->story->source_ids, source->id, index);
}

static void
read_actor_item (Loader     *loader,
                 JsonObject *object,
                 guint       index)
{
  DramatisActor *actor = &g_array_index (loader->story->actors, DramatisActor, index);

  read_actor (loader, object, actor);
  add_id (loader, loader->story->actor_ids, actor->id, index);
}

static void
read_event_item (Loader     *loader,
                 JsonObject *object,
                 guint       index)
{
  DramatisEvent *event = &g_array_index (loader->story->events, DramatisEvent, index);

  read_event (loader, object, event);
  add_id (loader, loader->story->event_ids, event->id, index);
}

static void
read_relation_item (Loader     *loader,
                    JsonObject *object,
                    guint       index)
{
  DramatisRelation *relation = &g_array_index (loader->story->relations, DramatisRelation, index);

  read_relation (loader, object, relation);
  add_id (loader, loader->story->relation_ids, relation->id, index);
}

static void
read_statement_item (Loader     *loader,
                     JsonObject *object,
                     guint       index)
{
  DramatisStatement *statement = &g_array_index (loader->story->statements, DramatisStatement, index);

  read_statement (loader, object, statement);
  add_id (loader, loader->story->statement_ids, statement->id, index);
}

typedef void (*ReadItemFunc) (Loader     *loader,
                              JsonObject *object,
                              guint       index);

typedef struct
{
  char *path;
  char *message;
  int   code;
} Fatal;

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
      fatal->message = g_strdup_printf (_("“%s” must be an array, not %s"), member, node_type_description (node));
      fatal->code = DRAMATIS_STORY_ERROR_FORMAT;
      return FALSE;
    }

  array = json_node_get_array (node);
  n_elements = json_array_get_length (array);
  for (guint i = 0; i < n_elements; i++)
    n_objects += JSON_NODE_HOLDS_OBJECT (json_array_get_element (array, i));

  g_array_set_size (items, n_objects);
  loader->array = member;
  loader->file_index = g_new (guint, MAX (n_objects, 1));
  next = n_objects;

  /* From the end, so that each element can be dropped from the tree once it
   * is read without moving the others.
   */
  for (guint i = n_elements; i-- > 0;)
    {
      JsonObject *object;

      loader->index = i;
      if ((object = expect_object (loader, json_array_get_element (array, i), what)))
        {
          loader->file_index[--next] = i;
          read_item (loader, object, next);
        }
      json_array_remove_element (array, i);
    }

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
        problem (loader, "affiliation_id",
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

  if (node == NULL || !is_string (node))
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
    problem (loader, "version", _("the story is written in version %s of the format, newer than this "
                                  "version of Dramatis (%s); what it does not know is left out"),
             version, DRAMATIS_STORY_FORMAT_VERSION);

  return TRUE;
}

static gboolean
read_story (Loader     *loader,
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
                                        root_node ? node_type_description (root_node) : _("nothing"));
      return FALSE;
    }

  root = json_node_get_object (root_node);
  node = json_object_get_member (root, "format");
  if (node == NULL || !is_string (node) || strcmp (json_node_get_string (node), DRAMATIS_STORY_FORMAT_NAME) != 0)
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
  while (next_member (&iter, &name, &node))
    {
      if (strcmp (name, "title") == 0)
        story->title = read_string (loader, name, node, STRING_COPY);
      else if (strcmp (name, "description") == 0)
        story->description = read_string (loader, name, node, STRING_COPY);
      else if (strcmp (name, "language") == 0)
        story->language = read_string (loader, name, node, STRING_INTERN);
      else if (!g_strv_contains (known, name))
        unknown_member (loader, name);
    }

  if (!read_array (loader, root, "sources", story->sources, read_source_item, _("a source"), fatal) ||
      !read_array (loader, root, "actors", story->actors, read_actor_item, _("an actor"), fatal))
    return FALSE;

  resolve_affiliations (loader);

  if (!read_array (loader, root, "events", story->events, read_event_item, _("an event"), fatal) ||
      !read_array (loader, root, "relations", story->relations, read_relation_item, _("a relation"), fatal) ||
      !read_array (loader, root, "statements", story->statements, read_statement_item, _("a statement"), fatal))
    return FALSE;

  fix_up_pointers (story);

  return TRUE;
}

static void
set_error_at (GError     **error,
              int          code,
              const char  *display_name,
              const char  *data,
              gsize        length,
              gsize        offset,
              const char  *message)
{
  guint line, column;

  dramatis_json_offset_to_line (data, length, offset, &line, &column);
  g_set_error (error, DRAMATIS_STORY_ERROR, code, "%s:%u:%u: %s", display_name, line, column, message);
}

static int
compare_problems (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  const DramatisProblem *pa = a;
  const DramatisProblem *pb = b;

  if (pa->line != pb->line)
    return pa->line < pb->line ? -1 : 1;
  return (pa->column > pb->column) - (pa->column < pb->column);
}

/* Gives each problem its line and column, and lists them in file order. */
static void
locate_problems (DramatisStory *story,
                 const char    *data,
                 gsize          length)
{
  g_autoptr(DramatisJsonLocator) locator = dramatis_json_locator_new (data, length);

  for (guint i = 0; i < story->problems->len; i++)
    {
      DramatisProblem *p = &g_array_index (story->problems, DramatisProblem, i);

      dramatis_json_locator_find (locator, p->path, &p->line, &p->column);
    }

  g_qsort_with_data (story->problems->data, story->problems->len, sizeof (DramatisProblem),
                     compare_problems, NULL);
}

/* The core of loading: see dramatis_story_load_bytes().  Reports parsing
 * and building to @progress, if there is one, and gives up after parsing if
 * @cancellable was cancelled.
 */
static DramatisStory *
load_bytes (GBytes        *bytes,
            const char    *display_name,
            LoadProgress  *progress,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(DramatisStory) story = NULL;
  g_autoptr(GError) parse_error = NULL;
  Loader loader = { NULL };
  Fatal fatal = { NULL, NULL, 0 };
  ParseProgress parse = { progress, 0, 0 };
  const char *data;
  gsize length, offset, start;
  gboolean ok;

  data = g_bytes_get_data (bytes, &length);

  /* A byte order mark is allowed before UTF-8 JSON, and means nothing. */
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;
    }

  for (start = 0; start < length && g_ascii_isspace (data[start]); start++)
    ;
  if (start == length)
    {
      g_set_error (error, DRAMATIS_STORY_ERROR, DRAMATIS_STORY_ERROR_SYNTAX,
                   _("%s: the file is empty"), display_name);
      return NULL;
    }

  switch (dramatis_json_scan (data, length, &offset, &parse.total))
    {
    case DRAMATIS_JSON_SCAN_NUL:
      set_error_at (error, DRAMATIS_STORY_ERROR_SYNTAX, display_name, data, length, offset,
                    _("the file contains a NUL byte, so it is not a text file"));
      return NULL;

    case DRAMATIS_JSON_SCAN_TOO_DEEP:
      {
        g_autofree char *message = g_strdup_printf (_("arrays and objects are nested more than %d deep"),
                                                    DRAMATIS_JSON_MAX_DEPTH);

        set_error_at (error, DRAMATIS_STORY_ERROR_SYNTAX, display_name, data, length, offset, message);
        return NULL;
      }

    case DRAMATIS_JSON_SCAN_TRAILING:
      set_error_at (error, DRAMATIS_STORY_ERROR_SYNTAX, display_name, data, length, offset,
                    _("there is more text after the end of the story"));
      return NULL;

    case DRAMATIS_JSON_SCAN_OK:
    default:
      break;
    }

  parser = json_parser_new ();
  if (progress != NULL && parse.total > 0)
    g_signal_connect (parser, "object-end",
                      G_CALLBACK (dramatis_load_progress_parse_object_end_cb), &parse);

  if (!json_parser_load_from_data (parser, data, length, &parse_error))
    {
      const char *message = parse_error->message;
      const char *invalid;

      /* json-glib does not say where text stops being UTF-8. */
      if (!g_utf8_validate (data, length, &invalid))
        {
          set_error_at (error, DRAMATIS_STORY_ERROR_SYNTAX, display_name, data, length, invalid - data,
                        _("the text is not in UTF-8, the only encoding a story may use"));
          return NULL;
        }

      /* json-glib names the text "<data>"; name the file instead. */
      if (g_str_has_prefix (message, "<data>:"))
        g_set_error (error, DRAMATIS_STORY_ERROR, DRAMATIS_STORY_ERROR_SYNTAX,
                     "%s:%s", display_name, message + strlen ("<data>:"));
      else
        g_set_error (error, DRAMATIS_STORY_ERROR, DRAMATIS_STORY_ERROR_SYNTAX,
                     "%s: %s", display_name, message);
      return NULL;
    }

  /* The parser cannot be stopped halfway; what it built is dropped here. */
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  dramatis_load_progress_report (progress, PROGRESS_PARSE_END);

  root = json_parser_steal_root (parser);
  story = g_object_new (DRAMATIS_TYPE_STORY, NULL);
  loader.story = story;

  ok = read_story (&loader, root, &fatal);
  g_clear_pointer (&loader.actor_file_index, g_free);
  g_clear_pointer (&loader.file_index, g_free);
  g_clear_pointer (&loader.problem_order, g_array_unref);

  if (!ok)
    {
      g_autoptr(DramatisJsonLocator) locator = dramatis_json_locator_new (data, length);
      guint line, column;

      dramatis_json_locator_find (locator, fatal.path, &line, &column);
      g_set_error (error, DRAMATIS_STORY_ERROR, fatal.code, "%s:%u:%u: %s",
                   display_name, line, column, fatal.message);
      g_free (fatal.path);
      g_free (fatal.message);
      return NULL;
    }

  g_clear_pointer (&root, json_node_unref);
  dramatis_story_build_indexes (story);

  if (story->problems->len > 0)
    locate_problems (story, data, length);

  if (loader.n_problems > MAX_PROBLEMS)
    dramatis_story_add_problem (story, g_strdup (""),
                                g_strdup_printf (ngettext ("%'u more problem is not listed",
                                                           "%'u more problems are not listed",
                                                           loader.n_problems - MAX_PROBLEMS),
                                                 loader.n_problems - MAX_PROBLEMS));

  dramatis_load_progress_report (progress, 1.0);

  return g_steal_pointer (&story);
}

/**
 * dramatis_story_load_bytes:
 * @bytes: the text of a story file
 * @display_name: the name of the file, for messages
 * @error: return location for a #GError
 *
 * Reads a story.  Problems that leave no story to show (text that is not
 * JSON, JSON that is not a story, an unknown major version) fail with
 * %DRAMATIS_STORY_ERROR, in a message that starts with
 * `display_name:line:column:`.  Problems inside items load the rest and are
 * kept as the story's problems (dramatis_story_get_problems()).
 *
 * Returns: (transfer full): the story, or %NULL on error
 */
DramatisStory *
dramatis_story_load_bytes (GBytes      *bytes,
                           const char  *display_name,
                           GError     **error)
{
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return load_bytes (bytes, display_name, NULL, NULL, error);
}

/* Reads the whole of @stream into memory, reporting how much of @expected
 * bytes it has read.  Refuses more than DRAMATIS_STORY_MAX_FILE_SIZE, since
 * the file may have grown since it was measured.
 */
static GBytes *
read_all (GInputStream  *stream,
          const char    *name,
          goffset        expected,
          LoadProgress  *progress,
          GCancellable  *cancellable,
          GError       **error)
{
  g_autofree char *buffer = NULL;
  gsize capacity = (gsize) MAX (expected, 0) + 1;
  gsize length = 0;

  buffer = g_malloc (capacity);

  for (;;)
    {
      gssize n;

      /* The buffer has room for the expected size and a byte more, so that
       * the read that finds the end needs no more; a file that grew gets
       * room as it goes.
       */
      if (length == capacity)
        {
          capacity = MIN (capacity * 2, (gsize) DRAMATIS_STORY_MAX_FILE_SIZE + 1);
          capacity = MAX (capacity, length + READ_CHUNK_SIZE);
          buffer = g_realloc (buffer, capacity);
        }

      n = g_input_stream_read (stream, buffer + length, MIN (READ_CHUNK_SIZE, capacity - length),
                               cancellable, error);
      if (n < 0)
        {
          g_prefix_error (error, "%s: ", name);
          return NULL;
        }
      if (n == 0)
        break;

      length += n;
      if (length > DRAMATIS_STORY_MAX_FILE_SIZE)
        {
          g_autofree char *limit = g_format_size (DRAMATIS_STORY_MAX_FILE_SIZE);

          g_set_error (error, DRAMATIS_STORY_ERROR, DRAMATIS_STORY_ERROR_TOO_LARGE,
                       _("%s: the file is larger than the %s a story may be"), name, limit);
          return NULL;
        }

      if (expected > 0)
        dramatis_load_progress_report (progress, PROGRESS_READ_END * MIN (1.0, (double) length / expected));
    }

  return g_bytes_new_take (g_steal_pointer (&buffer), length);
}

static DramatisStory *
load_file (GFile         *file,
           LoadProgress  *progress,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;

  name = g_file_get_parse_name (file);

  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    {
      g_autofree char *path = g_file_get_path (file);
      struct stat st;

      /* GIO's message names the file again: say just why, once. */
      if (path != NULL && stat (path, &st) != 0)
        {
          int saved_errno = errno;

          g_clear_error (error);
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       "%s: %s", name, g_strerror (saved_errno));
        }
      else
        g_prefix_error (error, "%s: ", name);
      return NULL;
    }

  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, DRAMATIS_STORY_ERROR, DRAMATIS_STORY_ERROR_NOT_REGULAR,
                   _("%s: this is a folder, not a story file"), name);
      return NULL;
    }

  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, DRAMATIS_STORY_ERROR, DRAMATIS_STORY_ERROR_NOT_REGULAR,
                   _("%s: this is not a regular file"), name);
      return NULL;
    }

  if (g_file_info_get_size (info) > DRAMATIS_STORY_MAX_FILE_SIZE)
    {
      g_autofree char *size = g_format_size (g_file_info_get_size (info));
      g_autofree char *limit = g_format_size (DRAMATIS_STORY_MAX_FILE_SIZE);

      g_set_error (error, DRAMATIS_STORY_ERROR, DRAMATIS_STORY_ERROR_TOO_LARGE,
                   _("%s: the file is %s, larger than the %s a story may be"), name, size, limit);
      return NULL;
    }

  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    {
      g_prefix_error (error, "%s: ", name);
      return NULL;
    }

  bytes = read_all (G_INPUT_STREAM (stream), name, g_file_info_get_size (info),
                    progress, cancellable, error);
  if (bytes == NULL)
    return NULL;

  g_input_stream_close (G_INPUT_STREAM (stream), NULL, NULL);

  return load_bytes (bytes, name, progress, cancellable, error);
}

/**
 * dramatis_story_load_file:
 * @file: a story file
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Reads a story file, refusing anything but a regular file of at most
 * %DRAMATIS_STORY_MAX_FILE_SIZE bytes.  Every error message names the file.
 * This is the synchronous core for tools and tests; the window uses
 * dramatis_story_load_file_async().
 *
 * Returns: (transfer full): the story, or %NULL on error
 */
DramatisStory *
dramatis_story_load_file (GFile         *file,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return load_file (file, NULL, cancellable, error);
}

typedef struct
{
  GFile        *file;
  LoadProgress *progress;
} LoadTaskData;

static void
load_task_data_free (gpointer data)
{
  LoadTaskData *task_data = data;

  g_object_unref (task_data->file);
  g_clear_pointer (&task_data->progress, dramatis_load_progress_release);
  g_free (task_data);
}

static void
load_file_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  LoadTaskData *data = task_data;
  g_autoptr(GError) error = NULL;
  DramatisStory *story;

  story = load_file (data->file, data->progress, cancellable, &error);
  if (story == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, story, g_object_unref);
}

/**
 * dramatis_story_load_file_async:
 * @file: a story file
 * @cancellable: (nullable): a #GCancellable
 * @progress_callback: (nullable) (scope notified): called with the fraction
 *   of the load done so far
 * @progress_data: (closure progress_callback): data for @progress_callback
 * @progress_data_free: (destroy progress_data): frees @progress_data
 * @callback: called when the story is loaded
 * @user_data: data for @callback
 *
 * Loads a story in a worker thread, so that a large file does not block the
 * main loop.  @progress_callback, if given, is called in the thread-default
 * main context of the caller, with fractions from 0 to 1 that measure
 * reading, parsing and building the story; it is not called once
 * @cancellable is cancelled.  @progress_data_free is called in the same main
 * context when no more reports can come, which may be after @callback.
 */
void
dramatis_story_load_file_async (GFile                    *file,
                                GCancellable             *cancellable,
                                DramatisLoadProgressFunc  progress_callback,
                                gpointer                  progress_data,
                                GDestroyNotify            progress_data_free,
                                GAsyncReadyCallback       callback,
                                gpointer                  user_data)
{
  g_autoptr(GTask) task = NULL;
  LoadTaskData *data;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  data = g_new0 (LoadTaskData, 1);
  data->file = g_object_ref (file);
  if (progress_callback != NULL)
    {
      data->progress = g_atomic_rc_box_new0 (LoadProgress);
      data->progress->context = g_main_context_ref_thread_default ();
      data->progress->cancellable = cancellable ? g_object_ref (cancellable) : NULL;
      data->progress->func = progress_callback;
      data->progress->data = progress_data;
      data->progress->data_free = progress_data_free;
    }
  else if (progress_data_free != NULL)
    {
      progress_data_free (progress_data);
    }

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, dramatis_story_load_file_async);
  g_task_set_task_data (task, data, load_task_data_free);
  g_task_run_in_thread (task, load_file_thread);
}

/**
 * dramatis_story_load_file_get_file:
 * @result: the result passed to the callback of
 *   dramatis_story_load_file_async()
 *
 * Returns: (transfer none): the file being loaded
 */
GFile *
dramatis_story_load_file_get_file (GAsyncResult *result)
{
  LoadTaskData *data;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  data = g_task_get_task_data (G_TASK (result));
  return data->file;
}

/**
 * dramatis_story_load_file_finish:
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the story, or %NULL on error
 */
DramatisStory *
dramatis_story_load_file_finish (GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == dramatis_story_load_file_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * dramatis_story_load_builtin:
 * @error: return location for a #GError
 *
 * Loads the story Dramatis ships with: a VOA report on the UN Security
 * Council meeting about North Korean troops in Russia.
 *
 * Returns: (transfer full): the built-in story, or %NULL on error
 */
DramatisStory *
dramatis_story_load_builtin (GError **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  bytes = g_resources_lookup_data (DRAMATIS_BUILTIN_STORY_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;

  return dramatis_story_load_bytes (bytes, _("built-in story"), error);
}
