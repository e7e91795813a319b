/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "dramatis-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "dramatis-editor-private.h"
#include "dramatis-story-edit.h"
#include "dramatis-story-ids.h"

/* The form of an event: its name, classification, location, date and
 * the note on it, its participants (each with a role), its description
 * and its evidence.
 */

typedef struct
{
  guint      actor;
  GtkWidget *row;     /* an AdwEntryRow holding the role */
} Participant;

typedef struct
{
  DramatisEditor       parent_instance;

  char                *id;
  AdwPreferencesGroup *participants_group;
  GtkWidget           *picker;
  GArray              *participants;   /* of Participant */
} DramatisEventEditor;

typedef struct
{
  DramatisEditorClass parent_class;
} DramatisEventEditorClass;

G_DEFINE_FINAL_TYPE (DramatisEventEditor, dramatis_event_editor, DRAMATIS_TYPE_EDITOR)

#define EVENT_EDITOR(o) G_TYPE_CHECK_INSTANCE_CAST ((o), dramatis_event_editor_get_type (), DramatisEventEditor)

static gboolean
dramatis_event_editor_validate (DramatisEditor *editor)
{
  g_autofree char *name = dramatis_editor_dup_text (editor, "name");
  DramatisSpan span;
  gboolean valid = TRUE;

  dramatis_editor_set_error (editor, "name", name == NULL ? _("Enter what happened, in a few words") : NULL);
  if (name == NULL)
    valid = FALSE;

  if (!dramatis_editor_check_dates (editor, &span))
    valid = FALSE;

  return valid;
}

/* The participants the form holds, with the roles typed; the strings
 * belong to the rows and to the story.
 */
static GArray *
collect_participants (DramatisEventEditor *self,
                      GPtrArray           *roles)
{
  DramatisStory *story = dramatis_editor_get_story (DRAMATIS_EDITOR (self));
  GArray *list = g_array_new (FALSE, TRUE, sizeof (DramatisParticipant));

  for (guint i = 0; i < self->participants->len; i++)
    {
      Participant *p = &g_array_index (self->participants, Participant, i);
      g_autofree char *role = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (p->row))));
      DramatisParticipant participant = { 0 };

      participant.actor_id = dramatis_story_get_actor (story, p->actor)->id;
      participant.actor = p->actor;
      if (*role != '\0')
        {
          participant.role = role;
          g_ptr_array_add (roles, g_steal_pointer (&role));
        }
      g_array_append_val (list, participant);
    }

  return list;
}

/* Whether @event has the participants of @list, leaving out those it
 * names by an id the story does not have.
 */
static gboolean
same_participants (const DramatisEvent *event,
                   GArray              *list)
{
  guint n = 0;

  for (guint i = 0; i < event->n_participants; i++)
    {
      const DramatisParticipant *old = &event->participants[i];
      const DramatisParticipant *now;

      if (old->actor == DRAMATIS_NO_INDEX)
        continue;
      if (n >= list->len)
        return FALSE;
      now = &g_array_index (list, DramatisParticipant, n++);
      if (g_strcmp0 (old->actor_id, now->actor_id) != 0 || !dramatis_strings_equal (old->role, now->role))
        return FALSE;
    }

  return n == list->len;
}

static gboolean
dramatis_event_editor_apply (DramatisEditor  *editor,
                             GError         **error)
{
  DramatisEventEditor *self = EVENT_EDITOR (editor);
  DramatisStory *story = dramatis_editor_get_story (editor);
  g_autofree char *name = dramatis_editor_dup_text (editor, "name");
  g_autofree char *description = dramatis_editor_dup_text (editor, "description");
  g_autofree char *classification = dramatis_editor_dup_text (editor, "classification");
  g_autofree char *location = dramatis_editor_dup_text (editor, "location");
  g_autofree char *date_note = dramatis_editor_dup_text (editor, "date-note");
  g_autofree char *new_id = NULL;
  g_autoptr(GPtrArray) roles = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) participants = collect_participants (self, roles);
  guint index = self->id != NULL ? dramatis_story_find_event (story, self->id) : DRAMATIS_NO_INDEX;
  DramatisEvent event = { 0 };
  gboolean done;

  if (self->id != NULL && index == DRAMATIS_NO_INDEX)
    {
      g_set_error_literal (error, DRAMATIS_STORY_EDIT_ERROR, DRAMATIS_STORY_EDIT_ERROR_INVALID,
                           _("the event is no longer in the story"));
      return FALSE;
    }

  if (index != DRAMATIS_NO_INDEX)
    event = *dramatis_story_get_event (story, index);

  event.name = name;
  event.description = description;
  event.classification = classification;
  event.location = location;
  event.date_note = date_note;
  dramatis_editor_check_dates (editor, &event.when);
  event.n_participants = participants->len;
  event.participants = (const DramatisParticipant *) (gpointer) participants->data;
  event.evidence = dramatis_editor_get_evidence (editor, &event.n_evidence);

  if (index == DRAMATIS_NO_INDEX)
    {
      new_id = dramatis_story_make_id (story, DRAMATIS_ITEM_EVENT, name);
      event.id = new_id;
      dramatis_story_begin_edit (story, _("Add Event"));
      done = dramatis_story_add_event (story, &event, error) != DRAMATIS_NO_INDEX;
      dramatis_story_end_edit (story);
      return done;
    }
  else
    {
      const DramatisEvent *old = dramatis_story_get_event (story, index);

      if (dramatis_strings_equal (old->name, event.name) &&
          dramatis_strings_equal (old->description, event.description) &&
          dramatis_strings_equal (old->classification, event.classification) &&
          dramatis_strings_equal (old->location, event.location) &&
          dramatis_strings_equal (old->date_note, event.date_note) &&
          dramatis_span_equal (&old->when, &event.when) && same_participants (old, participants) &&
          dramatis_evidence_list_equal (old->evidence, old->n_evidence, event.evidence, event.n_evidence))
        return TRUE;

      dramatis_story_begin_edit (story, _("Edit Event"));
      done = dramatis_story_change_event (story, index, &event, error);
      dramatis_story_end_edit (story);
      return done;
    }
}

static void
remove_clicked_cb (GtkButton           *button,
                   DramatisEventEditor *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), ADW_TYPE_ENTRY_ROW);

  for (guint i = 0; i < self->participants->len; i++)
    if (g_array_index (self->participants, Participant, i).row == row)
      {
        dramatis_event_editor_remove_participant (DRAMATIS_EDITOR (self), i);
        return;
      }
}

static void
role_changed_cb (DramatisEditor *self)
{
  dramatis_editor_field_changed (self, NULL);
}

static void
add_participant_row (DramatisEventEditor *self,
                     guint                actor,
                     const char          *role)
{
  DramatisStory *story = dramatis_editor_get_story (DRAMATIS_EDITOR (self));
  const char *label = dramatis_actor_get_label (dramatis_story_get_actor (story, actor));
  /* Translators: the title of the field for what an actor did in an event */
  g_autofree char *title = g_strdup_printf (_("Role of %s"), label);
  Participant participant = { actor, adw_entry_row_new () };
  GtkWidget *remove;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (participant.row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (participant.row), title);
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (participant.row), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (participant.row), role != NULL ? role : "");
  remove = dramatis_editor_remove_button_new (DRAMATIS_EDITOR (self), "list-remove-symbolic",
                                              _("Remove Participant"), G_CALLBACK (remove_clicked_cb));
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (participant.row), remove);
  g_signal_connect_object (participant.row, "changed", G_CALLBACK (role_changed_cb), self,
                           G_CONNECT_SWAPPED);

  g_array_append_val (self->participants, participant);
  adw_preferences_group_add (self->participants_group, participant.row);
}

static void
chosen_cb (DramatisChooserRow *picker,
           guint               actor,
           DramatisEditor     *self)
{
  dramatis_event_editor_add_participant (self, actor, NULL);
}

static void
dramatis_event_editor_finalize (GObject *object)
{
  DramatisEventEditor *self = EVENT_EDITOR (object);

  g_free (self->id);
  g_array_unref (self->participants);

  G_OBJECT_CLASS (dramatis_event_editor_parent_class)->finalize (object);
}

static void
dramatis_event_editor_class_init (DramatisEventEditorClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dramatis_event_editor_finalize;
  DRAMATIS_EDITOR_CLASS (klass)->validate = dramatis_event_editor_validate;
  DRAMATIS_EDITOR_CLASS (klass)->apply = dramatis_event_editor_apply;
}

static void
dramatis_event_editor_init (DramatisEventEditor *self)
{
  self->participants = g_array_new (FALSE, FALSE, sizeof (Participant));
}

/**
 * dramatis_event_editor_add_participant:
 * @self: an event editor
 * @actor: an actor
 * @role: (nullable): what the actor did
 *
 * Adds a participant to the form, as choosing one does; an actor who
 * takes part already is not added twice.
 */
void
dramatis_event_editor_add_participant (DramatisEditor *self,
                                       guint           actor,
                                       const char     *role)
{
  DramatisEventEditor *event = EVENT_EDITOR (self);

  for (guint i = 0; i < event->participants->len; i++)
    if (g_array_index (event->participants, Participant, i).actor == actor)
      {
        gtk_widget_grab_focus (g_array_index (event->participants, Participant, i).row);
        return;
      }

  add_participant_row (event, actor, role);
  dramatis_editor_field_changed (self, NULL);
}

/* Removes a participant from the form, as its button does. */
void
dramatis_event_editor_remove_participant (DramatisEditor *self,
                                          guint           position)
{
  DramatisEventEditor *event = EVENT_EDITOR (self);

  g_return_if_fail (position < event->participants->len);

  adw_preferences_group_remove (event->participants_group,
                                g_array_index (event->participants, Participant, position).row);
  g_array_remove_index (event->participants, position);
  dramatis_editor_field_changed (self, NULL);
}

/**
 * dramatis_editor_edit_event:
 * @parent: the window of the story
 * @story: the story
 * @event: the index of the event to edit, or %DRAMATIS_NO_INDEX to add one
 * @evidence: (nullable): a passage to add to the event's evidence
 *
 * Opens the form of an event.  Add or Save applies it as one step of the
 * story's history ("Add Event", "Edit Event"); Cancel changes nothing.
 *
 * Returns: (transfer none): the dialog, shown
 */
GtkWindow *
dramatis_editor_edit_event (GtkWindow              *parent,
                            DramatisStory          *story,
                            guint                   event,
                            const DramatisEvidence *evidence)
{
  DramatisEventEditor *self;
  DramatisEditor *editor;
  const DramatisEvent *old = NULL;
  AdwPreferencesGroup *group;
  DramatisSpan no_date = { { 0 } };

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (DRAMATIS_IS_STORY (story), NULL);
  g_return_val_if_fail (event == DRAMATIS_NO_INDEX || event < dramatis_story_get_n_events (story), NULL);

  self = g_object_new (dramatis_event_editor_get_type (), NULL);
  editor = DRAMATIS_EDITOR (self);
  if (event != DRAMATIS_NO_INDEX)
    {
      old = dramatis_story_get_event (story, event);
      self->id = g_strdup (old->id);
    }
  dramatis_editor_setup (editor, parent, story, old != NULL ? _("Edit Event") : _("New Event"), old == NULL);

  group = dramatis_editor_add_group (editor, NULL);
  dramatis_editor_add_entry (editor, group, "name", _("_Name"), old != NULL ? old->name : NULL);
  dramatis_editor_add_entry (editor, group, "classification", _("Cla_ssification"),
                             old != NULL ? old->classification : NULL);
  dramatis_editor_add_entry (editor, group, "location", _("_Location"), old != NULL ? old->location : NULL);

  dramatis_editor_add_dates (editor, old != NULL ? &old->when : &no_date, TRUE);
  group = ADW_PREFERENCES_GROUP (gtk_widget_get_ancestor (dramatis_editor_get_field (editor, "start"),
                                                          ADW_TYPE_PREFERENCES_GROUP));
  dramatis_editor_add_entry (editor, group, "date-note", _("Date No_te"), old != NULL ? old->date_note : NULL);

  self->participants_group = dramatis_editor_add_group (editor, _("Participants"));
  self->picker = dramatis_chooser_row_new (story, DRAMATIS_ITEM_ACTOR, _("Add Pa_rticipant…"),
                                           DRAMATIS_CHOOSER_PICKER);
  adw_preferences_group_add (self->participants_group, self->picker);
  g_signal_connect_object (self->picker, "chosen", G_CALLBACK (chosen_cb), self, 0);
  if (old != NULL)
    for (guint i = 0; i < old->n_participants; i++)
      if (old->participants[i].actor != DRAMATIS_NO_INDEX)
        add_participant_row (self, old->participants[i].actor, old->participants[i].role);

  dramatis_editor_add_text (editor, "description", _("Description"), old != NULL ? old->description : NULL);
  dramatis_editor_add_evidence (editor, old != NULL ? old->evidence : NULL, old != NULL ? old->n_evidence : 0,
                                evidence);

  dramatis_editor_present (editor);
  return GTK_WINDOW (self);
}
