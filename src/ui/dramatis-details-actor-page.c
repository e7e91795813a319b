/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "dramatis-details"

#include "config.h"

#include <glib/gi18n.h>

#include "dramatis-details-private.h"

/* The details page of an actor: who they are, whom they belong to and who
 * belongs to them, what they said, their relations and their events.
 */

static void
add_event_rows (DramatisDetails *self,
                GtkWidget       *list,
                const guint     *items,
                guint            n_items)
{
  for (guint i = 0; i < n_items; i++)
    {
      const DramatisEvent *event = dramatis_story_get_event (self->story, items[i]);
      g_autofree char *when = NULL;

      if (dramatis_span_is_set (&event->when))
        when = dramatis_span_format (&event->when);

      gtk_list_box_append (GTK_LIST_BOX (list),
                           dramatis_details_create_item_row (dramatis_event_get_label (event), when,
                                                             DRAMATIS_ITEM_EVENT, items[i]));
    }
}

void
dramatis_details_build_actor_page (DramatisDetails *self,
                                   guint            index)
{
  const DramatisActor *actor = dramatis_story_get_actor (self->story, index);
  const guint *items;
  guint n_items;
  g_autofree char *subtitle = NULL;
  GtkWidget *list = NULL;

  if (actor->role != NULL && actor->role[0] != '\0')
    /* Translators: an actor's kind and role, as in "Person · Ambassador to the UN" */
    subtitle = g_strdup_printf (_("%s · %s"), dramatis_details_actor_kind_to_label (actor->kind),
                                actor->role);
  else
    subtitle = g_strdup (dramatis_details_actor_kind_to_label (actor->kind));

  dramatis_details_add_header (self, actor, dramatis_actor_get_label (actor), subtitle);

  if (actor->n_other_names > 0)
    {
      g_autoptr(GString) names = g_string_new (NULL);
      g_autofree char *text = NULL;
      GtkWidget *label;

      for (guint i = 0; i < actor->n_other_names; i++)
        {
          if (i > 0)
            /* Translators: separates the other names of an actor */
            g_string_append (names, _(", "));
          g_string_append (names, actor->other_names[i]);
        }

      /* Translators: %s is the other names of an actor */
      text = g_strdup_printf (_("Also known as %s"), names->str);
      label = dramatis_details_create_label (text, "caption", FALSE);

      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (self->content, label);
    }

  dramatis_details_add_paragraph (self, actor->summary);

  if (actor->affiliation != DRAMATIS_NO_INDEX || actor->affiliation_id != NULL)
    {
      const char *kind = NULL;

      if (actor->affiliation < dramatis_story_get_n_actors (self->story))
        kind = dramatis_details_actor_kind_to_label (dramatis_story_get_actor (self->story,
                                                                               actor->affiliation)->kind);

      list = dramatis_details_add_section_list (self, _("Affiliation"));
      gtk_list_box_append (GTK_LIST_BOX (list),
                           dramatis_details_create_actor_row (self, actor->affiliation,
                                                              actor->affiliation_id, kind));
    }

  /* The actors that belong to this one, the other way along affiliations. */
  list = NULL;
  for (guint i = 0; i < dramatis_story_get_n_actors (self->story); i++)
    {
      const DramatisActor *member = dramatis_story_get_actor (self->story, i);

      if (member->affiliation != index || i == index)
        continue;

      if (list == NULL)
        list = dramatis_details_add_section_list (self, _("Members"));
      gtk_list_box_append (GTK_LIST_BOX (list),
                           dramatis_details_create_actor_row (self, i, member->id,
                                                              member->role
                                                              ? member->role
                                                              : dramatis_details_actor_kind_to_label (member->kind)));
    }

  items = dramatis_story_get_actor_statements (self->story, index, &n_items);
  dramatis_details_add_statements (self, items, n_items, FALSE);

  items = dramatis_story_get_actor_relations (self->story, index, &n_items);
  if (n_items > 0)
    list = dramatis_details_add_section_list (self, _("Relations"));
  for (guint i = 0; i < n_items; i++)
    {
      const DramatisRelation *relation = dramatis_story_get_relation (self->story, items[i]);
      g_autofree char *title = NULL;
      g_autofree char *active = dramatis_details_dup_relation_active (relation);
      gboolean outgoing = relation->from == index;
      guint other = outgoing ? relation->to : relation->from;
      const char *other_name = dramatis_details_get_actor_name (self->story, other,
                                                                outgoing ? relation->to_id : relation->from_id);
      GtkWidget *row;

      /* Each reads as what this actor does, or has done to it, so that
       * the other actor's name comes where a sentence puts it.
       */
      switch (relation->direction)
        {
        case DRAMATIS_DIRECTION_MUTUAL:
          /* Translators: a relation both ways, as in "exercises with Japan, both
           * ways": %1$s is the relation, %2$s the other actor
           */
          title = g_strdup_printf (C_("mutual relation", "%1$s %2$s, both ways"), active, other_name);
          break;

        case DRAMATIS_DIRECTION_UNDIRECTED:
          /* Translators: a relation without a direction, as in "related to
           * Japan": %1$s is the relation, %2$s the other actor
           */
          title = g_strdup_printf (C_("undirected relation", "%1$s %2$s"), active, other_name);
          break;

        case DRAMATIS_DIRECTION_DIRECTED:
        default:
          if (outgoing)
            /* Translators: a relation from this actor, as in "supports North
             * Korea": %1$s is the relation, %2$s the other actor
             */
            title = g_strdup_printf (C_("relation from this actor", "%1$s %2$s"), active, other_name);
          else if (dramatis_details_find_relation_phrase (relation->type) != NULL)
            /* Translators: a relation to this actor, as in "condemned by South
             * Korea": %1$s is the relation in the passive, %2$s the other actor
             */
            title = g_strdup_printf (C_("relation to this actor", "%1$s %2$s"),
                                     _(dramatis_details_find_relation_phrase (relation->type)->passive),
                                     other_name);
          else
            /* Translators: a relation to this actor of a type Dramatis does not
             * know, so it has no passive, as a whole sentence: "South Korea
             * protests Russia", with %1$s the other actor, %2$s the relation
             * and %3$s this actor
             */
            title = g_strdup_printf (C_("relation to this actor, unknown type", "%1$s %2$s %3$s"),
                                     other_name, active, dramatis_actor_get_label (actor));
          break;
        }

      row = dramatis_details_create_item_row (title, relation->label, DRAMATIS_ITEM_RELATION, items[i]);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }

  items = dramatis_story_get_actor_events (self->story, index, &n_items);
  if (n_items > 0)
    {
      list = dramatis_details_add_section_list (self, _("Events"));
      dramatis_details_add_section_rows (self, list, items, n_items, add_event_rows);
    }
}
