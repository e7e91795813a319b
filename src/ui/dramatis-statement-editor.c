/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "dramatis-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "dramatis-editor-private.h"
#include "dramatis-story-edit.h"
#include "dramatis-story-ids.h"

/* The form of a statement: who said it (an actor of the story, or a new
 * one named here: a statement must have a speaker), the words, how the source attributes them, when, at
 * which event, to whom, about whom, and the evidence.  A new speaker and
 * the statement are added as one step of the history.
 */

typedef struct
{
  DramatisEditor       parent_instance;

  char                *id;
  GtkWidget           *speaker;
  GtkWidget           *event;
  GtkWidget           *audience;
  AdwPreferencesGroup *about_group;
  GArray              *about;        /* of guint, the actors */
  GPtrArray           *about_rows;
} DramatisStatementEditor;

typedef struct
{
  DramatisEditorClass parent_class;
} DramatisStatementEditorClass;

G_DEFINE_FINAL_TYPE (DramatisStatementEditor, dramatis_statement_editor, DRAMATIS_TYPE_EDITOR)

#define STATEMENT_EDITOR(o) G_TYPE_CHECK_INSTANCE_CAST ((o), dramatis_statement_editor_get_type (), \
                                                        DramatisStatementEditor)

static gboolean
dramatis_statement_editor_validate (DramatisEditor *editor)
{
  DramatisChooserRow *speaker = DRAMATIS_CHOOSER_ROW (STATEMENT_EDITOR (editor)->speaker);
  g_autofree char *text = dramatis_editor_dup_text (editor, "text");
  DramatisSpan span;
  gboolean valid = TRUE;

  /* Every statement has a speaker: the story refuses one without. */
  if (dramatis_chooser_row_get_item (speaker) == DRAMATIS_NO_INDEX &&
      dramatis_chooser_row_get_new_name (speaker) == NULL)
    {
      dramatis_editor_set_error (editor, "speaker", _("Choose who said it, or type the name of a new actor"));
      valid = FALSE;
    }
  else
    dramatis_editor_set_error (editor, "speaker", NULL);

  dramatis_editor_set_error (editor, "text", text == NULL ? _("Enter what was said") : NULL);
  if (text == NULL)
    valid = FALSE;

  if (!dramatis_editor_check_dates (editor, &span))
    valid = FALSE;

  return valid;
}

static const char *
chosen_id (DramatisStatementEditor *self,
           GtkWidget               *row)
{
  DramatisStory *story = dramatis_editor_get_story (DRAMATIS_EDITOR (self));
  guint item = dramatis_chooser_row_get_item (DRAMATIS_CHOOSER_ROW (row));

  if (item == DRAMATIS_NO_INDEX)
    return NULL;
  if (row == self->event)
    return dramatis_story_get_event (story, item)->id;

  return dramatis_story_get_actor (story, item)->id;
}

/* A reference as the form sees it: only to an item the story has. */
static const char *
resolved (const char *id,
          guint       index)
{
  return index != DRAMATIS_NO_INDEX ? id : NULL;
}

static gboolean
same_about (const DramatisStatement *old,
            const char *const       *ids,
            guint                    n_ids)
{
  guint n = 0;

  for (guint i = 0; i < old->n_about; i++)
    {
      if (old->about[i] == DRAMATIS_NO_INDEX)
        continue;
      if (n >= n_ids || g_strcmp0 (old->about_ids[i], ids[n++]) != 0)
        return FALSE;
    }

  return n == n_ids;
}

static gboolean
unchanged (const DramatisStatement *old,
           const DramatisStatement *now)
{
  return g_strcmp0 (resolved (old->speaker_id, old->speaker), now->speaker_id) == 0 &&
         dramatis_strings_equal (old->text, now->text) &&
         dramatis_strings_equal (old->attribution, now->attribution) &&
         dramatis_span_equal (&(DramatisSpan) { old->date, { 0 } }, &(DramatisSpan) { now->date, { 0 } }) &&
         g_strcmp0 (resolved (old->event_id, old->event), now->event_id) == 0 &&
         g_strcmp0 (resolved (old->audience_id, old->audience), now->audience_id) == 0 &&
         same_about (old, now->about_ids, now->n_about) &&
         dramatis_evidence_list_equal (old->evidence, old->n_evidence, now->evidence, now->n_evidence);
}

static gboolean
dramatis_statement_editor_apply (DramatisEditor  *editor,
                                 GError         **error)
{
  DramatisStatementEditor *self = STATEMENT_EDITOR (editor);
  DramatisStory *story = dramatis_editor_get_story (editor);
  g_autofree char *text = dramatis_editor_dup_text (editor, "text");
  g_autofree char *attribution = dramatis_editor_dup_text (editor, "attribution");
  g_autofree char *new_id = NULL;
  g_autofree char *speaker_id = NULL;
  g_autoptr(GPtrArray) about_ids = g_ptr_array_new ();
  const char *new_speaker = dramatis_chooser_row_get_new_name (DRAMATIS_CHOOSER_ROW (self->speaker));
  guint index = self->id != NULL ? dramatis_story_find_statement (story, self->id) : DRAMATIS_NO_INDEX;
  DramatisStatement statement = { 0 };
  DramatisSpan span;
  gboolean done;

  if (self->id != NULL && index == DRAMATIS_NO_INDEX)
    {
      g_set_error_literal (error, DRAMATIS_STORY_EDIT_ERROR, DRAMATIS_STORY_EDIT_ERROR_INVALID,
                           _("the statement is no longer in the story"));
      return FALSE;
    }

  if (index != DRAMATIS_NO_INDEX)
    statement = *dramatis_story_get_statement (story, index);

  speaker_id = new_speaker != NULL ? dramatis_story_make_id (story, DRAMATIS_ITEM_ACTOR, new_speaker)
                                   : g_strdup (chosen_id (self, self->speaker));
  statement.speaker_id = speaker_id;
  statement.text = text;
  statement.attribution = attribution;
  dramatis_editor_check_dates (editor, &span);
  statement.date = span.start;
  statement.event_id = chosen_id (self, self->event);
  statement.audience_id = chosen_id (self, self->audience);
  for (guint i = 0; i < self->about->len; i++)
    g_ptr_array_add (about_ids, (gpointer) dramatis_story_get_actor (story, g_array_index (self->about, guint, i))->id);
  statement.n_about = about_ids->len;
  statement.about_ids = (const char *const *) about_ids->pdata;
  statement.about = NULL;
  statement.evidence = dramatis_editor_get_evidence (editor, &statement.n_evidence);

  if (index != DRAMATIS_NO_INDEX && new_speaker == NULL &&
      unchanged (dramatis_story_get_statement (story, index), &statement))
    return TRUE;

  dramatis_story_begin_edit (story, index == DRAMATIS_NO_INDEX ? _("Add Statement") : _("Edit Statement"));
  done = TRUE;
  if (new_speaker != NULL)
    {
      DramatisActor actor = { .id = speaker_id, .name = new_speaker, .kind = DRAMATIS_ACTOR_KIND_OTHER };

      done = dramatis_story_add_actor (story, &actor, error) != DRAMATIS_NO_INDEX;
    }
  if (done && index == DRAMATIS_NO_INDEX)
    {
      g_autofree char *words = g_strdup_printf ("%s statement", speaker_id != NULL ? speaker_id : "");

      new_id = dramatis_story_make_id (story, DRAMATIS_ITEM_STATEMENT, words);
      statement.id = new_id;
      done = dramatis_story_add_statement (story, &statement, error) != DRAMATIS_NO_INDEX;
    }
  else if (done)
    done = dramatis_story_change_statement (story, index, &statement, error);
  dramatis_story_end_edit (story);

  /* The new speaker went in, and the statement was refused: take the
   * speaker back out, so that the story is as it was.
   */
  if (!done && new_speaker != NULL && dramatis_story_find_actor (story, speaker_id) != DRAMATIS_NO_INDEX)
    dramatis_story_undo (story);

  return done;
}

static void
remove_about_cb (GtkButton               *button,
                 DramatisStatementEditor *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), ADW_TYPE_ACTION_ROW);
  guint position;

  if (!g_ptr_array_find (self->about_rows, row, &position))
    return;

  adw_preferences_group_remove (self->about_group, row);
  g_ptr_array_remove_index (self->about_rows, position);
  g_array_remove_index (self->about, position);
  dramatis_editor_field_changed (DRAMATIS_EDITOR (self), NULL);
}

static void
add_about_row (DramatisStatementEditor *self,
               guint                    actor)
{
  DramatisStory *story = dramatis_editor_get_story (DRAMATIS_EDITOR (self));
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *remove;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 dramatis_actor_get_label (dramatis_story_get_actor (story, actor)));
  remove = dramatis_editor_remove_button_new (DRAMATIS_EDITOR (self), "list-remove-symbolic", _("Remove"),
                                              G_CALLBACK (remove_about_cb));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);

  g_array_append_val (self->about, actor);
  g_ptr_array_add (self->about_rows, row);
  adw_preferences_group_add (self->about_group, row);
}

/**
 * dramatis_statement_editor_add_about:
 * @self: a statement editor
 * @actor: an actor the statement is about
 *
 * Adds an actor to the form, as choosing one does; once only.
 */
void
dramatis_statement_editor_add_about (DramatisEditor *self,
                                     guint           actor)
{
  DramatisStatementEditor *statement = STATEMENT_EDITOR (self);

  for (guint i = 0; i < statement->about->len; i++)
    if (g_array_index (statement->about, guint, i) == actor)
      return;

  add_about_row (statement, actor);
  dramatis_editor_field_changed (self, NULL);
}

static void
about_chosen_cb (DramatisChooserRow *picker,
                 guint               actor,
                 DramatisEditor     *self)
{
  dramatis_statement_editor_add_about (self, actor);
}

static void
speaker_changed_cb (DramatisEditor *self)
{
  dramatis_editor_field_changed (self, "speaker");
}

static void
event_changed_cb (DramatisEditor *self)
{
  dramatis_editor_field_changed (self, "event");
}

static void
audience_changed_cb (DramatisEditor *self)
{
  dramatis_editor_field_changed (self, "audience");
}

static void
dramatis_statement_editor_finalize (GObject *object)
{
  DramatisStatementEditor *self = STATEMENT_EDITOR (object);

  g_free (self->id);
  g_array_unref (self->about);
  g_ptr_array_unref (self->about_rows);

  G_OBJECT_CLASS (dramatis_statement_editor_parent_class)->finalize (object);
}

static void
dramatis_statement_editor_class_init (DramatisStatementEditorClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dramatis_statement_editor_finalize;
  DRAMATIS_EDITOR_CLASS (klass)->validate = dramatis_statement_editor_validate;
  DRAMATIS_EDITOR_CLASS (klass)->apply = dramatis_statement_editor_apply;
}

static void
dramatis_statement_editor_init (DramatisStatementEditor *self)
{
  self->about = g_array_new (FALSE, FALSE, sizeof (guint));
  self->about_rows = g_ptr_array_new ();
}

/* A passage selected with the quotation marks around it is quoted
 * without them: the details pane puts its own.
 */
static char *
strip_quotation_marks (char *text)
{
  static const char *const pairs[][2] = {
    { "\"", "\"" }, { "“", "”" }, { "„", "“" }, { "«", "»" }, { "‘", "’" }, { "'", "'" },
  };
  gsize length;

  if (text == NULL)
    return NULL;

  g_strstrip (text);
  length = strlen (text);
  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    {
      gsize open = strlen (pairs[i][0]), close = strlen (pairs[i][1]);

      if (length >= open + close + 1 && g_str_has_prefix (text, pairs[i][0]) &&
          g_str_has_suffix (text, pairs[i][1]))
        {
          memmove (text, text + open, length - open - close);
          text[length - open - close] = '\0';
          return g_strstrip (text);
        }
    }

  return text;
}

/**
 * dramatis_editor_edit_statement:
 * @parent: the window of the story
 * @story: the story
 * @statement: the index of the statement to edit, or %DRAMATIS_NO_INDEX
 *   to add one
 * @speaker: the speaker of a new statement, or %DRAMATIS_NO_INDEX
 * @evidence: (nullable): a passage to add to the statement's evidence;
 *   for a new statement, its words are the quote
 *
 * Opens the form of a statement.  Add or Save applies it as one step of
 * the story's history ("Add Statement", "Edit Statement"), which adds the
 * speaker too when the user named a new one; Cancel changes nothing.
 *
 * Returns: (transfer none): the dialog, shown
 */
GtkWindow *
dramatis_editor_edit_statement (GtkWindow              *parent,
                                DramatisStory          *story,
                                guint                   statement,
                                guint                   speaker,
                                const DramatisEvidence *evidence)
{
  DramatisStatementEditor *self;
  DramatisEditor *editor;
  const DramatisStatement *old = NULL;
  AdwPreferencesGroup *group;
  GtkWidget *picker;
  g_autofree char *quote = NULL;
  DramatisSpan date = { { 0 } };

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (DRAMATIS_IS_STORY (story), NULL);
  g_return_val_if_fail (statement == DRAMATIS_NO_INDEX || statement < dramatis_story_get_n_statements (story),
                        NULL);
  g_return_val_if_fail (speaker == DRAMATIS_NO_INDEX || speaker < dramatis_story_get_n_actors (story), NULL);

  self = g_object_new (dramatis_statement_editor_get_type (), NULL);
  editor = DRAMATIS_EDITOR (self);
  if (statement != DRAMATIS_NO_INDEX)
    {
      old = dramatis_story_get_statement (story, statement);
      self->id = g_strdup (old->id);
      speaker = old->speaker;
      date.start = old->date;
      quote = g_strdup (old->text);
    }
  else if (evidence != NULL)
    quote = strip_quotation_marks (evidence->exact != NULL ? g_strdup (evidence->exact)
                                                           : dramatis_story_dup_evidence_text (story, evidence));
  dramatis_editor_setup (editor, parent, story, old != NULL ? _("Edit Statement") : _("New Statement"),
                         old == NULL);

  group = dramatis_editor_add_group (editor, NULL);
  self->speaker = dramatis_chooser_row_new (story, DRAMATIS_ITEM_ACTOR, _("S_peaker"), DRAMATIS_CHOOSER_ALLOW_NEW);
  dramatis_chooser_row_set_item (DRAMATIS_CHOOSER_ROW (self->speaker), speaker);
  dramatis_editor_add_field (editor, group, "speaker", self->speaker);
  g_signal_connect_object (self->speaker, "changed", G_CALLBACK (speaker_changed_cb), self, G_CONNECT_SWAPPED);
  dramatis_editor_add_entry (editor, group, "attribution", _("A_ttribution, as “told reporters”"),
                             old != NULL ? old->attribution : NULL);

  dramatis_editor_add_text (editor, "text", _("Quote"), quote);

  group = dramatis_editor_add_group (editor, _("Occasion"));
  self->event = dramatis_chooser_row_new (story, DRAMATIS_ITEM_EVENT, _("_Event"), DRAMATIS_CHOOSER_ALLOW_NONE);
  if (old != NULL)
    dramatis_chooser_row_set_item (DRAMATIS_CHOOSER_ROW (self->event), old->event);
  dramatis_editor_add_field (editor, group, "event", self->event);
  g_signal_connect_object (self->event, "changed", G_CALLBACK (event_changed_cb), self, G_CONNECT_SWAPPED);
  self->audience = dramatis_chooser_row_new (story, DRAMATIS_ITEM_ACTOR, _("A_udience"),
                                             DRAMATIS_CHOOSER_ALLOW_NONE);
  if (old != NULL)
    dramatis_chooser_row_set_item (DRAMATIS_CHOOSER_ROW (self->audience), old->audience);
  dramatis_editor_add_field (editor, group, "audience", self->audience);
  g_signal_connect_object (self->audience, "changed", G_CALLBACK (audience_changed_cb), self,
                           G_CONNECT_SWAPPED);

  dramatis_editor_add_dates (editor, &date, FALSE);

  self->about_group = dramatis_editor_add_group (editor, _("About"));
  picker = dramatis_chooser_row_new (story, DRAMATIS_ITEM_ACTOR, _("Add Act_or…"), DRAMATIS_CHOOSER_PICKER);
  adw_preferences_group_add (self->about_group, picker);
  g_signal_connect_object (picker, "chosen", G_CALLBACK (about_chosen_cb), self, 0);
  if (old != NULL)
    for (guint i = 0; i < old->n_about; i++)
      if (old->about[i] != DRAMATIS_NO_INDEX)
        add_about_row (self, old->about[i]);

  dramatis_editor_add_evidence (editor, old != NULL ? old->evidence : NULL, old != NULL ? old->n_evidence : 0,
                                evidence);

  dramatis_editor_present (editor);
  return GTK_WINDOW (self);
}
