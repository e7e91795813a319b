/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "dramatis-details"

#include "config.h"

#include <glib/gi18n.h>

#include "dramatis-details-private.h"
#include "dramatis-source-window.h"

/* The passages of its sources that an item rests on, each with a button
 * that opens the passage in the full text of its source.
 */

#define OWNER_KIND_KEY  "dramatis-owner-kind"
#define OWNER_INDEX_KEY "dramatis-owner-index"
#define EVIDENCE_KEY    "dramatis-evidence"

static const DramatisEvidence *
lookup_evidence (DramatisStory    *story,
                 DramatisItemKind  kind,
                 guint             index,
                 guint             evidence,
                 guint            *n_evidence)
{
  const DramatisEvidence *all = NULL;
  guint n = 0;

  switch (kind)
    {
    case DRAMATIS_ITEM_EVENT:
      if (index < dramatis_story_get_n_events (story))
        {
          const DramatisEvent *event = dramatis_story_get_event (story, index);

          all = event->evidence;
          n = event->n_evidence;
        }
      break;

    case DRAMATIS_ITEM_RELATION:
      if (index < dramatis_story_get_n_relations (story))
        {
          const DramatisRelation *relation = dramatis_story_get_relation (story, index);

          all = relation->evidence;
          n = relation->n_evidence;
        }
      break;

    case DRAMATIS_ITEM_STATEMENT:
      if (index < dramatis_story_get_n_statements (story))
        {
          const DramatisStatement *statement = dramatis_story_get_statement (story, index);

          all = statement->evidence;
          n = statement->n_evidence;
        }
      break;

    case DRAMATIS_ITEM_ACTOR:
    case DRAMATIS_ITEM_NONE:
    default:
      break;
    }

  if (n_evidence != NULL)
    *n_evidence = n;

  return evidence < n ? &all[evidence] : NULL;
}

static void
on_show_in_source (DramatisDetails *self,
                   GtkButton       *button)
{
  const DramatisEvidence *evidence;
  GtkRoot *root;

  g_assert (DRAMATIS_IS_DETAILS (self));

  if (self->story == NULL)
    return;

  /* The button keeps the item and the number of its passage, not a pointer
   * into the story, so that it can never point at a story since replaced.
   */
  evidence = lookup_evidence (self->story,
                              GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), OWNER_KIND_KEY)),
                              GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), OWNER_INDEX_KEY)),
                              GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), EVIDENCE_KEY)),
                              NULL);
  if (evidence == NULL)
    return;

  /* The window of the passage's source, if it is open already: a reader
   * going through the quotes of one article reads them in one window.
   */
  root = gtk_widget_get_root (GTK_WIDGET (self));
  dramatis_source_window_show (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->story, evidence);
}

GtkWidget *
dramatis_details_create_source_button (DramatisDetails  *self,
                                       DramatisItemKind  owner_kind,
                                       guint             owner_index,
                                       guint             evidence,
                                       const char       *accessible_label)
{
  GtkWidget *button = gtk_button_new_with_label (_("Show in Source"));

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_halign (button, GTK_ALIGN_END);
  gtk_widget_set_tooltip_text (button, _("Read the passage in the full text of its source"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label,
                                  -1);

  g_object_set_data (G_OBJECT (button), OWNER_KIND_KEY, GUINT_TO_POINTER (owner_kind));
  g_object_set_data (G_OBJECT (button), OWNER_INDEX_KEY, GUINT_TO_POINTER (owner_index));
  g_object_set_data (G_OBJECT (button), EVIDENCE_KEY, GUINT_TO_POINTER (evidence));
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_show_in_source), self,
                           G_CONNECT_SWAPPED);

  return button;
}

void
dramatis_details_add_evidence (DramatisDetails        *self,
                               DramatisItemKind        owner_kind,
                               guint                   owner_index,
                               const char             *owner_name,
                               const DramatisEvidence *evidence,
                               guint                   n_evidence)
{
  GtkWidget *list;

  if (n_evidence == 0)
    return;

  list = dramatis_details_add_section_list (self,
                                            n_evidence == 1 ? _("Source Passage") : _("Source Passages"));

  for (guint i = 0; i < n_evidence; i++)
    {
      g_autofree char *text = dramatis_story_dup_evidence_text (self->story, &evidence[i]);
      g_autofree char *label = NULL;
      const char *caption = NULL;
      GtkWidget *button;

      if (evidence[i].source < dramatis_story_get_n_sources (self->story))
        {
          const DramatisSource *source = dramatis_story_get_source (self->story, evidence[i].source);

          caption = source->publisher ? source->publisher : source->title;
        }
      else
        caption = evidence[i].source_id;

      if (n_evidence == 1)
        /* Translators: the accessible name of a button that opens the source
         * of a passage; %s names what the passage is about
         */
        label = g_strdup_printf (_("Show the passage about “%s” in the source"), owner_name);
      else
        /* Translators: the accessible name of a button that opens the source
         * of one of several passages, as in "Show passage 2 of 3 about “…”
         * in the source"
         */
        label = g_strdup_printf (_("Show passage %u of %u about “%s” in the source"),
                                 i + 1, n_evidence, owner_name);
      button = dramatis_details_create_source_button (self, owner_kind, owner_index, i, label);

      gtk_list_box_append (GTK_LIST_BOX (list),
                           dramatis_details_create_passage_row (dramatis_details_create_label (text ? text : _("The story gives no passage."),
                                                                                               NULL, TRUE),
                                                                caption, button));
    }
}
