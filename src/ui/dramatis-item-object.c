/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "dramatis-item-object"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "dramatis-item-object.h"

/* One actor, event, relation or statement as an object, for the lists of
 * the sidebar and the pickers.
 * The story itself keeps plain structs; these wrappers hold the text the
 * lists show and search.  A story may have hundreds of thousands of items,
 * so a wrapper is cheap to make: its subtitle is formatted when a row first
 * shows it, and its search text is built at the first search.
 */

struct _DramatisItemObject
{
  GObject           parent_instance;

  DramatisStory    *story;
  DramatisItemKind  kind;
  guint             index;
  char             *title;
  char             *subtitle;
  /* Everything searchable, case-folded and normalized, once. */
  char             *search_text;
};

G_DEFINE_FINAL_TYPE (DramatisItemObject, dramatis_item_object, G_TYPE_OBJECT)

static void
dramatis_item_object_finalize (GObject *object)
{
  DramatisItemObject *self = DRAMATIS_ITEM_OBJECT (object);

  g_clear_object (&self->story);
  g_free (self->title);
  g_free (self->subtitle);
  g_free (self->search_text);

  G_OBJECT_CLASS (dramatis_item_object_parent_class)->finalize (object);
}

static void
dramatis_item_object_class_init (DramatisItemObjectClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dramatis_item_object_finalize;
}

static void
dramatis_item_object_init (DramatisItemObject *self)
{
}

static char *
fold (const char *text)
{
  g_autofree char *normalized = g_utf8_normalize (text, -1, G_NORMALIZE_ALL);

  return g_utf8_casefold (normalized ? normalized : "", -1);
}

static const char *
actor_name (DramatisStory *story,
            guint          actor,
            const char    *id)
{
  if (actor != DRAMATIS_NO_INDEX)
    return dramatis_actor_get_label (dramatis_story_get_actor (story, actor));

  return id ? id : _("Unknown speaker");
}

static char *
make_title (DramatisStory    *story,
            DramatisItemKind  kind,
            guint             index)
{
  switch (kind)
    {
    case DRAMATIS_ITEM_ACTOR:
      {
        const DramatisActor *actor = dramatis_story_get_actor (story, index);

        return g_strdup (dramatis_actor_get_label (actor));
      }

    case DRAMATIS_ITEM_EVENT:
      {
        const DramatisEvent *event = dramatis_story_get_event (story, index);

        return g_strdup (dramatis_event_get_label (event));
      }

    case DRAMATIS_ITEM_STATEMENT:
      {
        const DramatisStatement *statement = dramatis_story_get_statement (story, index);

        /* Translators: a quote as the sidebar lists it */
        return g_strdup_printf (_("“%s”"), statement->text ? statement->text : "");
      }

    case DRAMATIS_ITEM_RELATION:
      {
        const DramatisRelation *relation = dramatis_story_get_relation (story, index);
        const char *from = actor_name (story, relation->from, relation->from_id);
        const char *to = actor_name (story, relation->to, relation->to_id);

        if (relation->direction == DRAMATIS_DIRECTION_DIRECTED)
          /* Translators: a relation from one actor to another, as a list names it */
          return g_strdup_printf (C_("relation item", "%s → %s"), from, to);
        /* Translators: a relation between two actors, as a list names it */
        return g_strdup_printf (C_("relation item", "%s — %s"), from, to);
      }

    case DRAMATIS_ITEM_NONE:
    case DRAMATIS_ITEM_SOURCE:
    case DRAMATIS_ITEM_STORY:
    default:
      g_assert_not_reached ();
    }
}

DramatisItemObject *
dramatis_item_object_new (DramatisStory    *story,
                          DramatisItemKind  kind,
                          guint             index)
{
  DramatisItemObject *self;

  g_return_val_if_fail (DRAMATIS_IS_STORY (story), NULL);
  g_return_val_if_fail (kind == DRAMATIS_ITEM_ACTOR || kind == DRAMATIS_ITEM_EVENT ||
                        kind == DRAMATIS_ITEM_RELATION || kind == DRAMATIS_ITEM_STATEMENT, NULL);

  self = g_object_new (DRAMATIS_TYPE_ITEM_OBJECT, NULL);
  self->story = g_object_ref (story);
  self->kind = kind;
  self->index = index;

  self->title = make_title (story, kind, index);

  return self;
}

static char *
make_subtitle (DramatisItemObject *self)
{
  switch (self->kind)
    {
    case DRAMATIS_ITEM_ACTOR:
      return g_strdup (dramatis_story_get_actor (self->story, self->index)->role);

    case DRAMATIS_ITEM_EVENT:
      {
        const DramatisEvent *event = dramatis_story_get_event (self->story, self->index);

        return dramatis_span_is_set (&event->when) ? dramatis_span_format (&event->when)
                                                   : g_strdup (_("No date"));
      }

    case DRAMATIS_ITEM_STATEMENT:
      {
        const DramatisStatement *statement = dramatis_story_get_statement (self->story, self->index);

        return g_strdup (actor_name (self->story, statement->speaker, statement->speaker_id));
      }

    case DRAMATIS_ITEM_RELATION:
      {
        const DramatisRelation *relation = dramatis_story_get_relation (self->story, self->index);

        return g_strdup (relation->label != NULL ? relation->label : relation->type);
      }

    case DRAMATIS_ITEM_NONE:
    case DRAMATIS_ITEM_SOURCE:
    case DRAMATIS_ITEM_STORY:
    default:
      g_assert_not_reached ();
    }
}

static char *
make_search_text (DramatisItemObject *self)
{
  g_autoptr(GString) search = g_string_new (NULL);

  switch (self->kind)
    {
    case DRAMATIS_ITEM_ACTOR:
      {
        const DramatisActor *actor = dramatis_story_get_actor (self->story, self->index);

        g_string_append_printf (search, "%s\n%s\n", self->title, actor->role ? actor->role : "");
        for (guint i = 0; i < actor->n_other_names; i++)
          g_string_append_printf (search, "%s\n", actor->other_names[i]);
      }
      break;

    case DRAMATIS_ITEM_EVENT:
      {
        const DramatisEvent *event = dramatis_story_get_event (self->story, self->index);

        g_string_append_printf (search, "%s\n%s\n", self->title, event->description ? event->description : "");
      }
      break;

    case DRAMATIS_ITEM_STATEMENT:
      {
        const DramatisStatement *statement = dramatis_story_get_statement (self->story, self->index);

        g_string_append_printf (search, "%s\n%s\n", statement->text ? statement->text : "",
                                actor_name (self->story, statement->speaker, statement->speaker_id));
      }
      break;

    case DRAMATIS_ITEM_RELATION:
      {
        const DramatisRelation *relation = dramatis_story_get_relation (self->story, self->index);

        g_string_append_printf (search, "%s\n%s\n%s\n", self->title, relation->type ? relation->type : "",
                                relation->label ? relation->label : "");
      }
      break;

    case DRAMATIS_ITEM_NONE:
    case DRAMATIS_ITEM_SOURCE:
    case DRAMATIS_ITEM_STORY:
    default:
      g_assert_not_reached ();
    }

  return fold (search->str);
}

DramatisItem
dramatis_item_object_get_item (DramatisItemObject *self)
{
  g_return_val_if_fail (DRAMATIS_IS_ITEM_OBJECT (self), DRAMATIS_ITEM_INIT_NONE);

  return (DramatisItem) { self->kind, self->index };
}

const char *
dramatis_item_object_get_title (DramatisItemObject *self)
{
  g_return_val_if_fail (DRAMATIS_IS_ITEM_OBJECT (self), NULL);

  return self->title;
}

const char *
dramatis_item_object_get_subtitle (DramatisItemObject *self)
{
  g_return_val_if_fail (DRAMATIS_IS_ITEM_OBJECT (self), NULL);

  if (self->subtitle == NULL)
    self->subtitle = make_subtitle (self);

  /* An actor without a role has no subtitle. */
  return self->subtitle && *self->subtitle ? self->subtitle : NULL;
}

/**
 * dramatis_item_object_shows:
 * @self: an item
 * @index: an index of an item of the same kind
 *
 * Returns: %TRUE if a row of @self shows what a row of the item at @index
 *   would, as after an edit moved or changed it
 */
gboolean
dramatis_item_object_shows (DramatisItemObject *self,
                            guint               index)
{
  g_autofree char *title = NULL;
  guint old_index;
  gboolean same;

  g_return_val_if_fail (DRAMATIS_IS_ITEM_OBJECT (self), FALSE);

  title = make_title (self->story, self->kind, index);
  same = g_strcmp0 (title, self->title) == 0;
  if (same && self->subtitle != NULL)
    {
      g_autofree char *subtitle = NULL;

      old_index = self->index;
      self->index = index;
      subtitle = make_subtitle (self);
      self->index = old_index;
      same = g_strcmp0 (subtitle, self->subtitle) == 0;
    }

  return same;
}

/**
 * dramatis_item_object_set_index:
 * @self: an item
 * @index: the item's index now
 *
 * Follows an item that an edit moved, and that shows the same.
 */
void
dramatis_item_object_set_index (DramatisItemObject *self,
                                guint               index)
{
  g_return_if_fail (DRAMATIS_IS_ITEM_OBJECT (self));

  self->index = index;
  /* What is searched may have changed where nothing shown did. */
  g_clear_pointer (&self->search_text, g_free);
}

/**
 * dramatis_item_fold_query:
 * @query: what the user typed
 *
 * Returns: (transfer full): @query in the form dramatis_item_object_matches()
 *   takes: normalized and case-folded
 */
char *
dramatis_item_fold_query (const char *query)
{
  g_return_val_if_fail (query != NULL, NULL);

  return fold (query);
}

/**
 * dramatis_item_object_matches:
 * @self: an item
 * @folded_query: a query from dramatis_item_fold_query()
 *
 * Returns: %TRUE if every word of the query is in the item's text
 */
gboolean
dramatis_item_object_matches (DramatisItemObject *self,
                              const char         *folded_query)
{
  g_auto(GStrv) words = NULL;

  g_return_val_if_fail (DRAMATIS_IS_ITEM_OBJECT (self), FALSE);

  if (self->search_text == NULL)
    self->search_text = make_search_text (self);

  words = g_strsplit_set (folded_query, " \t\n", -1);
  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0' && strstr (self->search_text, words[i]) == NULL)
      return FALSE;

  return TRUE;
}

/**
 * dramatis_item_row_new:
 * @margin: the space above and below the row's text
 *
 * Returns: (transfer floating): a row for a list of #DramatisItemObject:
 *   a title and, under it, a dimmed subtitle, both cut short with an
 *   ellipsis; dramatis_item_row_bind() fills it
 */
GtkWidget *
dramatis_item_row_new (int margin)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_set_margin_top (box, margin);
  gtk_widget_set_margin_bottom (box, margin);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), subtitle);

  return box;
}

/**
 * dramatis_item_row_bind:
 * @row: a row from dramatis_item_row_new()
 * @object: the item it shows
 *
 * Shows @object's title and subtitle in @row; without a subtitle, the
 * row has one line.
 */
void
dramatis_item_row_bind (GtkWidget          *row,
                        DramatisItemObject *object)
{
  GtkWidget *title = gtk_widget_get_first_child (row);
  GtkWidget *subtitle = gtk_widget_get_next_sibling (title);
  const char *sub = dramatis_item_object_get_subtitle (object);

  g_return_if_fail (DRAMATIS_IS_ITEM_OBJECT (object));

  gtk_label_set_text (GTK_LABEL (title), dramatis_item_object_get_title (object));
  gtk_label_set_text (GTK_LABEL (subtitle), sub ? sub : "");
  gtk_widget_set_visible (subtitle, sub != NULL && *sub != '\0');
}
