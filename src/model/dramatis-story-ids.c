/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "dramatis-story"

#include "config.h"

#include <string.h>

#include "dramatis-story-ids.h"

/* Ids for new items.  The file's ids are read by people too (they appear in
 * the story file and in links between items), so a new one is made from
 * the item's name, "robert-wood", in the manner of the stories Dramatis
 * ships, with a number after it when the name is taken.  And finding the
 * actor of a name, which is how people, unlike the file, tell actors
 * apart.
 */

/* Ids are cut short after this many bytes: a source titled with a whole
 * headline would otherwise give an id longer than the line it is on.
 */
#define MAX_ID_STEM 40

static gboolean
id_is_taken (DramatisStory    *self,
             DramatisItemKind  kind,
             const char       *id)
{
  switch (kind)
    {
    case DRAMATIS_ITEM_ACTOR:
      return dramatis_story_find_actor (self, id) != DRAMATIS_NO_INDEX;
    case DRAMATIS_ITEM_EVENT:
      return dramatis_story_find_event (self, id) != DRAMATIS_NO_INDEX;
    case DRAMATIS_ITEM_RELATION:
      return dramatis_story_find_relation (self, id) != DRAMATIS_NO_INDEX;
    case DRAMATIS_ITEM_STATEMENT:
      return dramatis_story_find_statement (self, id) != DRAMATIS_NO_INDEX;
    case DRAMATIS_ITEM_SOURCE:
      return dramatis_story_find_source (self, id) != DRAMATIS_NO_INDEX;
    case DRAMATIS_ITEM_NONE:
    case DRAMATIS_ITEM_STORY:
    default:
      g_return_val_if_reached (TRUE);
    }
}

static const char *
kind_stem (DramatisItemKind kind)
{
  switch (kind)
    {
    case DRAMATIS_ITEM_ACTOR:
      return "actor";
    case DRAMATIS_ITEM_EVENT:
      return "event";
    case DRAMATIS_ITEM_RELATION:
      return "relation";
    case DRAMATIS_ITEM_STATEMENT:
      return "statement";
    case DRAMATIS_ITEM_SOURCE:
      return "source";
    case DRAMATIS_ITEM_NONE:
    case DRAMATIS_ITEM_STORY:
    default:
      return "item";
    }
}

/* Lower-case letters and digits of @name, in any script, with one hyphen
 * for each run of anything else; accents are kept, as the file allows
 * any text in an id.
 */
static GString *
make_stem (const char *name)
{
  GString *stem = g_string_new (NULL);
  gboolean gap = FALSE;

  for (const char *p = name; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isalnum (c))
        {
          gap = stem->len > 0;
          continue;
        }

      if (stem->len >= MAX_ID_STEM)
        break;
      if (gap)
        g_string_append_c (stem, '-');
      g_string_append_unichar (stem, g_unichar_tolower (c));
      gap = FALSE;
    }

  return stem;
}

/**
 * dramatis_story_make_id:
 * @self: a story
 * @kind: the kind of the new item
 * @name: (nullable): its name, title or quote
 *
 * Makes an id for a new item of @kind that no item of that kind has yet:
 * @name in lower case with hyphens between its words, followed by "-2",
 * "-3", … if that is taken, or the kind's name when @name has no letter
 * or digit.
 *
 * Returns: (transfer full): the new id
 */
char *
dramatis_story_make_id (DramatisStory    *self,
                        DramatisItemKind  kind,
                        const char       *name)
{
  g_autoptr(GString) stem = NULL;
  char *id;

  g_return_val_if_fail (DRAMATIS_IS_STORY (self), NULL);
  g_return_val_if_fail (kind >= DRAMATIS_ITEM_ACTOR && kind <= DRAMATIS_ITEM_SOURCE, NULL);
  g_return_val_if_fail (name == NULL || g_utf8_validate (name, -1, NULL), NULL);

  stem = make_stem (name);
  if (stem->len == 0)
    g_string_assign (stem, kind_stem (kind));

  id = g_strdup (stem->str);
  for (guint n = 2; id_is_taken (self, kind, id); n++)
    {
      g_free (id);
      id = g_strdup_printf ("%s-%u", stem->str, n);
    }

  return id;
}

/**
 * dramatis_story_find_actor_named:
 * @self: a story
 * @name: a name
 * @except: an actor to leave out, or %DRAMATIS_NO_INDEX
 *
 * Finds an actor by its name as people read it: "north korea" finds
 * "North Korea".  Other names do not count.
 *
 * Returns: the first actor but @except called @name, in any case, or
 *   %DRAMATIS_NO_INDEX
 */
guint
dramatis_story_find_actor_named (DramatisStory *self,
                                 const char    *name,
                                 guint          except)
{
  g_autofree char *folded = NULL;

  g_return_val_if_fail (DRAMATIS_IS_STORY (self), DRAMATIS_NO_INDEX);
  g_return_val_if_fail (name != NULL, DRAMATIS_NO_INDEX);

  folded = g_utf8_casefold (name, -1);
  for (guint i = 0; i < dramatis_story_get_n_actors (self); i++)
    {
      const char *other = dramatis_story_get_actor (self, i)->name;
      g_autofree char *other_folded = NULL;

      if (i == except || other == NULL)
        continue;
      other_folded = g_utf8_casefold (other, -1);
      if (strcmp (folded, other_folded) == 0)
        return i;
    }

  return DRAMATIS_NO_INDEX;
}
