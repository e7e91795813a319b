/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "dramatis-details"

#include "config.h"

#include <glib/gi18n.h>

#include "dramatis-details-private.h"

/* The details page of a relation: its two actors, its direction and date,
 * and the passages it rests on.
 */

void
dramatis_details_build_relation_page (DramatisDetails *self,
                                      guint            index)
{
  const DramatisRelation *relation = dramatis_story_get_relation (self->story, index);
  const char *from = dramatis_details_get_actor_name (self->story, relation->from, relation->from_id);
  const char *to = dramatis_details_get_actor_name (self->story, relation->to, relation->to_id);
  g_autofree char *active = dramatis_details_dup_relation_active (relation);
  g_autofree char *title = NULL;
  g_autofree char *sentence = NULL;
  const char *from_role = NULL;
  const char *to_role = NULL;
  const char *direction = NULL;
  const char *direction_note = NULL;
  GtkWidget *list;

  switch (relation->direction)
    {
    case DRAMATIS_DIRECTION_MUTUAL:
      /* Translators: the two actors of a relation both ways */
      title = g_strdup_printf (C_("relation title", "%s ↔ %s"), from, to);
      direction = _("Mutual");
      direction_note = _("Each does it to the other");
      break;

    case DRAMATIS_DIRECTION_UNDIRECTED:
      /* Translators: the two actors of a relation without a direction */
      title = g_strdup_printf (C_("relation title", "%s — %s"), from, to);
      direction = _("Undirected");
      break;

    case DRAMATIS_DIRECTION_DIRECTED:
    default:
      /* Translators: the two actors of a relation from one to the other */
      title = g_strdup_printf (C_("relation title", "%s → %s"), from, to);
      direction = _("Directed");
      from_role = _("From");
      to_role = _("To");
      break;
    }

  /* Translators: a relation as a sentence, as in "Russia trains North
   * Korea": the first actor, the relation and the second actor
   */
  sentence = g_strdup_printf (_("%1$s %2$s %3$s"), from, active, to);

  dramatis_details_add_header (self, NULL, title, sentence);
  dramatis_details_add_paragraph (self, relation->label);

  list = dramatis_details_add_section_list (self, _("Actors"));
  gtk_list_box_append (GTK_LIST_BOX (list),
                       dramatis_details_create_actor_row (self, relation->from, relation->from_id, from_role));
  gtk_list_box_append (GTK_LIST_BOX (list),
                       dramatis_details_create_actor_row (self, relation->to, relation->to_id, to_role));

  list = dramatis_details_add_section_list (self, _("Details"));
  gtk_list_box_append (GTK_LIST_BOX (list),
                       dramatis_details_create_property_row (_("Direction"), direction, direction_note));
  if (dramatis_span_is_set (&relation->when))
    {
      g_autofree char *details = dramatis_details_format_span_details (&relation->when);

      gtk_list_box_append (GTK_LIST_BOX (list),
                           dramatis_details_create_property_row (_("Date"), details, NULL));
    }

  dramatis_details_add_evidence (self, DRAMATIS_ITEM_RELATION, index, title,
                                 relation->evidence, relation->n_evidence);
}
