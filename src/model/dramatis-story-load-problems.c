/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "dramatis-story-loader"

#include "config.h"

#include "dramatis-story-loader-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "dramatis-json-scan.h"

/* The problems found in a story as it loads: each is kept with the path
 * of its value, only the first MAX_PROBLEMS in file order are listed, and
 * at the end each is placed at its line and column in the text.
 */

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

void
dramatis_loader_problem (Loader     *loader,
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

const char *
dramatis_loader_node_type_description (JsonNode *node)
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

void
dramatis_loader_wrong_type (Loader     *loader,
                            const char *member,
                            JsonNode   *node,
                            const char *expected)
{
  /* Translators: “it must be a string, not a number” */
  dramatis_loader_problem (loader, member, _("it must be %s, not %s; it is ignored"),
                           expected, dramatis_loader_node_type_description (node));
}

void
dramatis_loader_unknown_member (Loader     *loader,
                                const char *member)
{
  dramatis_loader_problem (loader, member,
                           _("“%s” is not part of the story format; it is ignored and will not be saved"),
                           member);
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
void
dramatis_loader_locate_problems (DramatisStory *story,
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
