/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "dramatis-details"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "dramatis-details-private.h"

/* Statements as the details pane lists them: on their speaker's page, on
 * the page of the event they were made at, and on a page of their own
 * when the story does not name the speaker.
 */

/* A statement as its own small list: the quote with its date, and a row
 * under it that leads to the occasion (on a speaker's page) or to the
 * speaker (on an event's page).
 */
static void
add_statement (DramatisDetails *self,
               GtkWidget       *section,
               guint            index,
               gboolean         lead_to_speaker)
{
  const DramatisStatement *statement = dramatis_story_get_statement (self->story, index);
  const char *speaker = dramatis_details_get_actor_name (self->story, statement->speaker,
                                                         statement->speaker_id);
  g_autoptr(GString) caption = g_string_new (NULL);
  g_autofree char *date = dramatis_details_format_statement_date (&statement->date);
  g_autofree char *quoted = NULL;
  GtkWidget *list = dramatis_details_create_list (self);
  GtkWidget *quote;
  GtkWidget *button = NULL;

  /* Translators: quotation marks around what someone said; use the ones of your language */
  quoted = g_strdup_printf (_("“%s”"), statement->text ? statement->text : "");
  quote = dramatis_details_create_label (quoted, "quote", TRUE);

  if (date != NULL)
    g_string_append (caption, date);

  if (statement->audience < dramatis_story_get_n_actors (self->story))
    {
      const char *audience = dramatis_actor_get_label (dramatis_story_get_actor (self->story, statement->audience));

      if (caption->len > 0)
        g_string_append (caption, C_("details", " · "));
      /* Translators: whom a statement was addressed to */
      g_string_append_printf (caption, _("to %s"), audience);
    }

  if (statement->n_evidence > 0)
    {
      g_autofree char *excerpt = dramatis_details_dup_excerpt (statement->text);
      /* Translators: the accessible name of a button that opens the source
       * of a quote; the first %s is the speaker's name, the second the
       * first words of the quote
       */
      g_autofree char *label = g_strdup_printf (_("Show %s’s statement “%s” in the source"),
                                                speaker, excerpt);

      button = dramatis_details_create_source_button (self, DRAMATIS_ITEM_STATEMENT, index, 0, label);
    }

  /* On an event's page the speaker comes first, as in a transcript; on a
   * speaker's page the quote does, followed by where it was said.
   */
  if (lead_to_speaker)
    {
      const char *role = NULL;

      if (statement->speaker < dramatis_story_get_n_actors (self->story))
        role = dramatis_story_get_actor (self->story, statement->speaker)->role;
      gtk_list_box_append (GTK_LIST_BOX (list),
                           dramatis_details_create_actor_row (self, statement->speaker,
                                                              statement->speaker_id, role));
    }

  gtk_list_box_append (GTK_LIST_BOX (list),
                       dramatis_details_create_passage_row (quote, caption->len > 0 ? caption->str : NULL,
                                                            button));

  if (!lead_to_speaker && (statement->event != DRAMATIS_NO_INDEX || statement->event_id != NULL))
    {
      guint event = statement->event;
      const char *name = statement->event_id;
      GtkWidget *row;

      if (event < dramatis_story_get_n_events (self->story))
        name = dramatis_event_get_label (dramatis_story_get_event (self->story, event));
      else
        event = DRAMATIS_NO_INDEX;

      row = dramatis_details_create_item_row (name, _("Occasion"), DRAMATIS_ITEM_EVENT, event);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("x-office-calendar-symbolic"));
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }

  gtk_box_append (GTK_BOX (section), list);
  g_hash_table_insert (self->statement_widgets, GUINT_TO_POINTER (index), list);
  self->n_statements++;
}

void
dramatis_details_add_statements (DramatisDetails *self,
                                 const guint     *statements,
                                 guint            n_statements,
                                 gboolean         lead_to_speaker)
{
  GtkWidget *section;

  if (n_statements == 0)
    return;

  section = dramatis_details_add_section (self, _("Statements"));
  for (guint i = 0; i < n_statements; i++)
    add_statement (self, section, statements[i], lead_to_speaker);
}

/* A statement whose speaker the story does not name has no page to be
 * shown on, so it gets one of its own.
 */
void
dramatis_details_build_statement_page (DramatisDetails *self,
                                       guint            index)
{
  const DramatisStatement *statement = dramatis_story_get_statement (self->story, index);
  GtkWidget *section;

  dramatis_details_add_header (self, NULL, _("Statement"), statement->attribution);

  section = dramatis_details_add_section (self, _("Quote"));
  add_statement (self, section, index, FALSE);
}
