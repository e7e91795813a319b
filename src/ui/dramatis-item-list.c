/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "dramatis-item-list"

#include "config.h"

#include "dramatis-item-list.h"
#include "dramatis-item-object.h"

/* The items of one kind of a story, as the sidebar lists them: actors and
 * statements in the story's order, events in time order.  The rows are
 * made when a view asks for them, so that a list of many thousand items
 * costs nothing until it shows.  A row made is kept, with the search text
 * it folded once.  After an edit, the list tells its views only of the
 * rows between the first and the last that changed: a view of thousands
 * of rows then updates the few an edit touched.
 */

struct _DramatisItemList
{
  GObject           parent_instance;

  DramatisStory    *story;
  DramatisItemKind  kind;
  guint             n_items;
  /* For events: position → event, and event → position. */
  guint            *order;
  guint            *positions;
  GPtrArray        *objects;     /* by position; NULL where not made yet */
  /* The ids of the rows, by position, as the list last read them: the
   * story keeps them as long as it lives.
   */
  const char      **ids;
};

static GType
dramatis_item_list_get_item_type (GListModel *model)
{
  return DRAMATIS_TYPE_ITEM_OBJECT;
}

static guint
dramatis_item_list_get_n_items (GListModel *model)
{
  return DRAMATIS_ITEM_LIST (model)->n_items;
}

static gpointer
dramatis_item_list_get_item (GListModel *model,
                             guint       position)
{
  DramatisItemList *self = DRAMATIS_ITEM_LIST (model);

  if (position >= self->n_items)
    return NULL;

  if (self->objects->pdata[position] == NULL)
    self->objects->pdata[position] = dramatis_item_object_new (self->story, self->kind,
                                                               self->order != NULL ? self->order[position]
                                                                                   : position);

  return g_object_ref (self->objects->pdata[position]);
}

static void
dramatis_item_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = dramatis_item_list_get_item_type;
  iface->get_n_items = dramatis_item_list_get_n_items;
  iface->get_item = dramatis_item_list_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (DramatisItemList, dramatis_item_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, dramatis_item_list_model_init))

static void
dramatis_item_list_finalize (GObject *object)
{
  DramatisItemList *self = DRAMATIS_ITEM_LIST (object);

  g_clear_object (&self->story);
  g_free (self->order);
  g_free (self->positions);
  g_ptr_array_unref (self->objects);
  g_free (self->ids);

  G_OBJECT_CLASS (dramatis_item_list_parent_class)->finalize (object);
}

static void
dramatis_item_list_class_init (DramatisItemListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dramatis_item_list_finalize;
}

static void
clear_object (gpointer data)
{
  if (data != NULL)
    g_object_unref (data);
}

static void
dramatis_item_list_init (DramatisItemList *self)
{
  self->objects = g_ptr_array_new_with_free_func (clear_object);
}


static guint
index_at (DramatisItemList *self,
          guint             position)
{
  return self->order != NULL ? self->order[position] : position;
}

static const char *
id_at (DramatisItemList *self,
       guint             position)
{
  guint index = index_at (self, position);

  switch (self->kind)
    {
    case DRAMATIS_ITEM_ACTOR:
      return dramatis_story_get_actor (self->story, index)->id;
    case DRAMATIS_ITEM_EVENT:
      return dramatis_story_get_event (self->story, index)->id;
    case DRAMATIS_ITEM_STATEMENT:
      return dramatis_story_get_statement (self->story, index)->id;
    case DRAMATIS_ITEM_RELATION:
      return dramatis_story_get_relation (self->story, index)->id;
    case DRAMATIS_ITEM_NONE:
    case DRAMATIS_ITEM_SOURCE:
    case DRAMATIS_ITEM_STORY:
    default:
      g_assert_not_reached ();
    }
}

/* Reads the items from the story, and says how many there were. */
static guint
load (DramatisItemList *self)
{
  guint n_before = self->n_items;

  g_clear_pointer (&self->order, g_free);
  g_clear_pointer (&self->positions, g_free);

  switch (self->kind)
    {
    case DRAMATIS_ITEM_ACTOR:
      self->n_items = dramatis_story_get_n_actors (self->story);
      break;

    case DRAMATIS_ITEM_EVENT:
      {
        guint n_dated;
        const guint *order = dramatis_story_get_events_by_time (self->story, &n_dated);

        self->n_items = dramatis_story_get_n_events (self->story);
        self->order = g_memdup2 (order, sizeof (guint) * MAX (self->n_items, 1));
        self->positions = g_new (guint, MAX (self->n_items, 1));
        for (guint i = 0; i < self->n_items; i++)
          self->positions[self->order[i]] = i;
      }
      break;

    case DRAMATIS_ITEM_STATEMENT:
      self->n_items = dramatis_story_get_n_statements (self->story);
      break;

    case DRAMATIS_ITEM_RELATION:
      self->n_items = dramatis_story_get_n_relations (self->story);
      break;

    case DRAMATIS_ITEM_NONE:
    case DRAMATIS_ITEM_SOURCE:
    case DRAMATIS_ITEM_STORY:
    default:
      g_assert_not_reached ();
    }

  g_ptr_array_set_size (self->objects, 0);
  g_ptr_array_set_size (self->objects, self->n_items);
  g_free (self->ids);
  self->ids = g_new (const char *, MAX (self->n_items, 1));
  for (guint i = 0; i < self->n_items; i++)
    self->ids[i] = id_at (self, i);

  return n_before;
}

/**
 * dramatis_item_list_new:
 * @story: a story
 * @kind: actors, events (in time order), relations or statements
 *
 * Returns: (transfer full): a list of #DramatisItemObject
 */
GListModel *
dramatis_item_list_new (DramatisStory    *story,
                        DramatisItemKind  kind)
{
  DramatisItemList *self;

  g_return_val_if_fail (DRAMATIS_IS_STORY (story), NULL);
  g_return_val_if_fail (kind >= DRAMATIS_ITEM_ACTOR && kind <= DRAMATIS_ITEM_STATEMENT, NULL);

  self = g_object_new (DRAMATIS_TYPE_ITEM_LIST, NULL);
  self->story = g_object_ref (story);
  self->kind = kind;
  load (self);

  return G_LIST_MODEL (self);
}

DramatisItemKind
dramatis_item_list_get_kind (DramatisItemList *self)
{
  g_return_val_if_fail (DRAMATIS_IS_ITEM_LIST (self), DRAMATIS_ITEM_NONE);

  return self->kind;
}

/* Whether the row at @old_position before the edit is the one at
 * @position now, showing the same.  Rows that were made follow their item.
 */
static gboolean
same_row (DramatisItemList  *self,
          const char *const *old_ids,
          GPtrArray         *old_objects,
          guint              old_position,
          guint              position)
{
  DramatisItemObject *object = old_objects->pdata[old_position];

  if (g_strcmp0 (old_ids[old_position], id_at (self, position)) != 0)
    return FALSE;

  return object == NULL || dramatis_item_object_shows (object, index_at (self, position));
}

static void
keep_row (DramatisItemList *self,
          GPtrArray        *old_objects,
          guint             old_position,
          guint             position)
{
  DramatisItemObject *object = g_steal_pointer (&old_objects->pdata[old_position]);

  if (object != NULL)
    dramatis_item_object_set_index (object, index_at (self, position));
  self->objects->pdata[position] = object;
}

/**
 * dramatis_item_list_reload:
 * @self: a list
 *
 * Reads the list again from its story, after an edit, and tells its views
 * which rows changed.
 */
void
dramatis_item_list_reload (DramatisItemList *self)
{
  g_autoptr(GPtrArray) old_objects = NULL;
  g_autofree const char **old_ids = NULL;
  guint n_old, prefix = 0, suffix = 0;

  g_return_if_fail (DRAMATIS_IS_ITEM_LIST (self));

  n_old = self->n_items;
  old_ids = g_steal_pointer (&self->ids);
  old_objects = g_steal_pointer (&self->objects);
  self->objects = g_ptr_array_new_with_free_func (clear_object);

  load (self);

  while (prefix < n_old && prefix < self->n_items &&
         same_row (self, (const char *const *) old_ids, old_objects, prefix, prefix))
    prefix++;
  while (suffix < n_old - prefix && suffix < self->n_items - prefix &&
         same_row (self, (const char *const *) old_ids, old_objects, n_old - 1 - suffix,
                   self->n_items - 1 - suffix))
    suffix++;

  /* The rows kept keep their objects, following their items. */
  for (guint i = 0; i < prefix; i++)
    keep_row (self, old_objects, i, i);
  for (guint i = 0; i < suffix; i++)
    keep_row (self, old_objects, n_old - 1 - i, self->n_items - 1 - i);

  if (n_old - prefix - suffix > 0 || self->n_items - prefix - suffix > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), prefix, n_old - prefix - suffix,
                                self->n_items - prefix - suffix);
}

/**
 * dramatis_item_list_find:
 * @list: a list of #DramatisItemObject
 * @item: an item
 *
 * Where @item is in @list: at once in a #DramatisItemList, by going
 * through the list in any other.
 *
 * Returns: its position, or %G_MAXUINT if @list does not hold it
 */
guint
dramatis_item_list_find (GListModel   *list,
                         DramatisItem  item)
{
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (list), G_MAXUINT);

  if (DRAMATIS_IS_ITEM_LIST (list))
    {
      DramatisItemList *self = DRAMATIS_ITEM_LIST (list);

      if (item.kind != self->kind || item.index >= self->n_items)
        return G_MAXUINT;
      return self->positions != NULL ? self->positions[item.index] : item.index;
    }

  n = g_list_model_get_n_items (list);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DramatisItemObject) object = g_list_model_get_item (list, i);
      DramatisItem found = dramatis_item_object_get_item (object);

      if (dramatis_item_equal (&found, &item))
        return i;
    }

  return G_MAXUINT;
}
