/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "dramatis-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "dramatis-editor-private.h"

/* The passages an event, a relation or a statement rests on: each shown
 * as its source and the words quoted, and each removable.  New passages
 * come only from a selection in a source, which the dialog is opened
 * with; the form cannot make one up.
 */

typedef struct
{
  GArray              *evidence;   /* of DramatisEvidence */
  GStringChunk        *strings;    /* the texts of passages the dialog was given */
  AdwPreferencesGroup *group;
  GPtrArray           *rows;
} EvidenceList;

#define EVIDENCE_KEY "dramatis-editor-evidence"

static void
evidence_list_free (gpointer data)
{
  EvidenceList *list = data;

  g_array_unref (list->evidence);
  g_string_chunk_free (list->strings);
  g_ptr_array_unref (list->rows);
  g_free (list);
}

static void
update_group (EvidenceList *list)
{
  gtk_widget_set_visible (GTK_WIDGET (list->group), list->evidence->len > 0);
}

static void
remove_clicked_cb (GtkButton      *button,
                   DramatisEditor *self)
{
  EvidenceList *list = g_object_get_data (G_OBJECT (self), EVIDENCE_KEY);
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), ADW_TYPE_ACTION_ROW);
  guint index;

  if (g_ptr_array_find (list->rows, row, &index))
    dramatis_editor_remove_evidence (self, index);
}

static GtkWidget *
evidence_row_new (DramatisEditor         *self,
                  const DramatisEvidence *evidence)
{
  DramatisStory *story = dramatis_editor_get_story (self);
  g_autofree char *text = dramatis_story_dup_evidence_text (story, evidence);
  g_autofree char *quoted = NULL;
  const DramatisSource *source = evidence->source != DRAMATIS_NO_INDEX
                                 ? dramatis_story_get_source (story, evidence->source) : NULL;
  const char *title = source != NULL && source->title != NULL ? source->title : evidence->source_id;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *remove;

  if (title == NULL)
    title = _("Unknown source");
  /* Translators: a passage quoted from a source */
  quoted = g_strdup_printf (_("“%s”"), text != NULL ? text : "");
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), quoted);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 4);

  remove = dramatis_editor_remove_button_new (self, "edit-delete-symbolic", _("Remove Evidence"),
                                              G_CALLBACK (remove_clicked_cb));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);

  return row;
}

static void
append (DramatisEditor         *self,
        EvidenceList           *list,
        const DramatisEvidence *evidence)
{
  GtkWidget *row;

  g_array_append_val (list->evidence, *evidence);
  row = evidence_row_new (self, evidence);
  g_ptr_array_add (list->rows, row);
  adw_preferences_group_add (list->group, row);
}

/**
 * dramatis_editor_add_evidence:
 * @self: an editor
 * @evidence: the item's passages, in the story
 * @n_evidence: how many
 * @extra: (nullable): a passage to add, which the dialog copies
 *
 * Adds the group that lists the passages.
 */
void
dramatis_editor_add_evidence (DramatisEditor         *self,
                              const DramatisEvidence *evidence,
                              guint                   n_evidence,
                              const DramatisEvidence *extra)
{
  EvidenceList *list = g_new0 (EvidenceList, 1);

  list->evidence = g_array_new (FALSE, FALSE, sizeof (DramatisEvidence));
  list->strings = g_string_chunk_new (256);
  list->rows = g_ptr_array_new ();
  list->group = dramatis_editor_add_group (self, _("Evidence"));
  adw_preferences_group_set_description (list->group, _("The passages of the sources this rests on"));
  g_object_set_data_full (G_OBJECT (self), EVIDENCE_KEY, list, evidence_list_free);

  for (guint i = 0; i < n_evidence; i++)
    append (self, list, &evidence[i]);

  if (extra != NULL)
    {
      DramatisEvidence copy = *extra;

      copy.source_id = extra->source_id != NULL ? g_string_chunk_insert (list->strings, extra->source_id) : NULL;
      copy.exact = extra->exact != NULL ? g_string_chunk_insert (list->strings, extra->exact) : NULL;
      if (copy.source == DRAMATIS_NO_INDEX && copy.source_id != NULL)
        copy.source = dramatis_story_find_source (dramatis_editor_get_story (self), copy.source_id);
      append (self, list, &copy);
    }

  update_group (list);
}

/* Returns: the passages the form holds */
const DramatisEvidence *
dramatis_editor_get_evidence (DramatisEditor *self,
                              guint          *n_evidence)
{
  EvidenceList *list = g_object_get_data (G_OBJECT (self), EVIDENCE_KEY);

  *n_evidence = list->evidence->len;
  return (const DramatisEvidence *) (gpointer) list->evidence->data;
}

/* Removes a passage from the form, as its button does. */
void
dramatis_editor_remove_evidence (DramatisEditor *self,
                                 guint           index)
{
  EvidenceList *list = g_object_get_data (G_OBJECT (self), EVIDENCE_KEY);

  g_return_if_fail (list != NULL && index < list->evidence->len);

  adw_preferences_group_remove (list->group, g_ptr_array_index (list->rows, index));
  g_ptr_array_remove_index (list->rows, index);
  g_array_remove_index (list->evidence, index);
  update_group (list);
  dramatis_editor_field_changed (self, NULL);
}

static gboolean
evidence_equal (const DramatisEvidence *a,
                const DramatisEvidence *b)
{
  return g_strcmp0 (a->source_id, b->source_id) == 0 && a->start == b->start && a->end == b->end &&
         g_strcmp0 (a->exact, b->exact) == 0;
}

gboolean
dramatis_evidence_list_equal (const DramatisEvidence *a,
                              guint                   n_a,
                              const DramatisEvidence *b,
                              guint                   n_b)
{
  if (n_a != n_b)
    return FALSE;

  for (guint i = 0; i < n_a; i++)
    if (!evidence_equal (&a[i], &b[i]))
      return FALSE;

  return TRUE;
}
