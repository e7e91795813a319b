/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "dramatis-story-loader"

#include "config.h"

#include "dramatis-story-loader-private.h"

#include <glib/gi18n-lib.h>
#include <math.h>

/* Reading the JSON values of a story: strings, true or false, numbers,
 * character positions, objects and ids, each checked for its type, with a
 * problem for what is wrong.
 */

/* Walks the members of an object, skipping those that are null: in a story
 * file, null means the same as leaving the member out.
 */
gboolean
dramatis_loader_next_member (JsonObjectIter  *iter,
                             const char     **name,
                             JsonNode       **value)
{
  while (json_object_iter_next (iter, name, value))
    if (!JSON_NODE_HOLDS_NULL (*value))
      return TRUE;

  return FALSE;
}

gboolean
dramatis_loader_is_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

const char *
dramatis_loader_read_string (Loader     *loader,
                             const char *member,
                             JsonNode   *node,
                             StringMode  mode)
{
  const char *str;

  if (JSON_NODE_HOLDS_NULL (node))
    return NULL;

  if (!dramatis_loader_is_string (node))
    {
      dramatis_loader_wrong_type (loader, member, node, _("a string"));
      return NULL;
    }

  str = json_node_get_string (node);
  if (mode == STRING_INTERN)
    return dramatis_story_intern (loader->story, str);
  return dramatis_story_insert (loader->story, str);
}

gboolean
dramatis_loader_read_boolean (Loader     *loader,
                              const char *member,
                              JsonNode   *node)
{
  if (JSON_NODE_HOLDS_NULL (node))
    return FALSE;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    {
      dramatis_loader_wrong_type (loader, member, node, _("true or false"));
      return FALSE;
    }

  return json_node_get_boolean (node);
}

gboolean
dramatis_loader_read_double (Loader     *loader,
                             const char *member,
                             JsonNode   *node,
                             double     *value)
{
  GType type;

  if (!JSON_NODE_HOLDS_VALUE (node) ||
      ((type = json_node_get_value_type (node)) != G_TYPE_INT64 && type != G_TYPE_DOUBLE))
    {
      dramatis_loader_wrong_type (loader, member, node, _("a number"));
      return FALSE;
    }

  *value = json_node_get_double (node);
  if (!isfinite (*value))
    {
      dramatis_loader_problem (loader, member, _("the number is too large; it is ignored"));
      return FALSE;
    }

  return TRUE;
}

gboolean
dramatis_loader_read_offset (Loader     *loader,
                             const char *member,
                             JsonNode   *node,
                             guint      *value)
{
  gint64 v;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    {
      dramatis_loader_wrong_type (loader, member, node, _("a whole number"));
      return FALSE;
    }

  v = json_node_get_int (node);
  if (v < 0 || v >= G_MAXINT32)
    {
      dramatis_loader_problem (loader, member,
                               _("a character position must be between 0 and %d; it is ignored"),
                               G_MAXINT32 - 1);
      return FALSE;
    }

  *value = (guint) v;
  return TRUE;
}

JsonObject *
dramatis_loader_expect_object (Loader     *loader,
                               JsonNode   *node,
                               const char *what)
{
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      /* Translators: %s is a kind of item, “an actor” */
      dramatis_loader_problem (loader, NULL, _("%s must be a JSON object, not %s; it is left out"),
                               what, dramatis_loader_node_type_description (node));
      return NULL;
    }

  return json_node_get_object (node);
}

void
dramatis_loader_add_id (Loader     *loader,
                        GHashTable *ids,
                        const char *id,
                        guint       index)
{
  gpointer later;

  if (id == NULL)
    {
      dramatis_loader_problem (loader, NULL, _("the item has no “id”, so nothing can refer to it"));
      return;
    }

  /* Arrays are read from their end, so an id seen already belongs to a later
   * item: the earlier one takes the id, and the later one is reported.
   */
  if (g_hash_table_lookup_extended (ids, id, NULL, &later))
    {
      guint this_index = loader->index;

      loader->index = loader->file_index[GPOINTER_TO_UINT (later)];
      dramatis_loader_problem (loader, "id",
                               _("an earlier item has the id “%s” already; references go to the earlier one"), id);
      loader->index = this_index;
    }

  g_hash_table_insert (ids, (gpointer) id, GUINT_TO_POINTER (index));
}
