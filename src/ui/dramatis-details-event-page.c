/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "dramatis-details"

#include "config.h"

#include <glib/gi18n.h>

#include "dramatis-details-private.h"

/* The details page of an event: when and where it happened, who took part,
 * what was said at it and the passages it rests on.
 */

void
dramatis_details_build_event_page (DramatisDetails *self,
                                   guint            index)
{
  const DramatisEvent *event = dramatis_story_get_event (self->story, index);
  const guint *statements;
  guint n_statements;
  g_autofree char *when = NULL;
  GtkWidget *list;

  if (dramatis_span_is_set (&event->when))
    when = dramatis_span_format (&event->when);

  dramatis_details_add_header (self, NULL, dramatis_event_get_label (event), when);
  dramatis_details_add_paragraph (self, event->description);

  list = dramatis_details_add_section_list (self, _("Details"));
  if (dramatis_span_is_set (&event->when))
    {
      g_autofree char *details = dramatis_details_format_span_details (&event->when);

      gtk_list_box_append (GTK_LIST_BOX (list),
                           dramatis_details_create_property_row (_("Date"), details, event->date_note));
    }
  else
    {
      gtk_list_box_append (GTK_LIST_BOX (list),
                           dramatis_details_create_property_row (_("Date"), _("Not given"), event->date_note));
    }
  if (event->location != NULL && event->location[0] != '\0')
    gtk_list_box_append (GTK_LIST_BOX (list),
                         dramatis_details_create_property_row (_("Location"), event->location, NULL));
  if (event->classification != NULL && event->classification[0] != '\0')
    gtk_list_box_append (GTK_LIST_BOX (list),
                         dramatis_details_create_property_row (_("Classification"),
                                                               event->classification, NULL));

  if (event->n_participants > 0)
    list = dramatis_details_add_section_list (self, _("Actors Involved"));
  for (guint i = 0; i < event->n_participants; i++)
    {
      const DramatisParticipant *participant = &event->participants[i];

      gtk_list_box_append (GTK_LIST_BOX (list),
                           dramatis_details_create_actor_row (self, participant->actor, participant->actor_id,
                                                              participant->role));
    }

  statements = dramatis_story_get_event_statements (self->story, index, &n_statements);
  dramatis_details_add_statements (self, statements, n_statements, TRUE);

  dramatis_details_add_evidence (self, DRAMATIS_ITEM_EVENT, index, dramatis_event_get_label (event),
                                 event->evidence, event->n_evidence);
}
