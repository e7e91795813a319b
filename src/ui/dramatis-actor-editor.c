/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "dramatis-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "dramatis-editor-private.h"
#include "dramatis-story-edit.h"
#include "dramatis-story-ids.h"

/* The form of an actor: its name, kind, role, affiliation, other names
 * and summary.  A new actor's id is made from its name once, when it is
 * added; renaming an actor keeps its id, which others refer to it by.
 * A reference to an actor the story does not have (kept from the file,
 * never shown) is dropped by the first change saved, as the edits accept
 * only references they can resolve.
 */

typedef struct
{
  DramatisEditor  parent_instance;

  char           *id;          /* the actor edited, or NULL for a new one */
  GtkWidget      *kind;
  GtkWidget      *affiliation;
  GtkTextBuffer  *summary;
} DramatisActorEditor;

typedef struct
{
  DramatisEditorClass parent_class;
} DramatisActorEditorClass;

G_DEFINE_FINAL_TYPE (DramatisActorEditor, dramatis_actor_editor, DRAMATIS_TYPE_EDITOR)

#define ACTOR_EDITOR(o) G_TYPE_CHECK_INSTANCE_CAST ((o), dramatis_actor_editor_get_type (), DramatisActorEditor)

/* The kinds in the order the form offers them. */
static const DramatisActorKind kinds[] = {
  DRAMATIS_ACTOR_KIND_STATE, DRAMATIS_ACTOR_KIND_ORGANIZATION, DRAMATIS_ACTOR_KIND_PERSON,
  DRAMATIS_ACTOR_KIND_GROUP, DRAMATIS_ACTOR_KIND_OTHER,
};

static guint
edited_index (DramatisActorEditor *self)
{
  if (self->id == NULL)
    return DRAMATIS_NO_INDEX;

  return dramatis_story_find_actor (dramatis_editor_get_story (DRAMATIS_EDITOR (self)), self->id);
}

static char **
split_other_names (const char *text,
                   guint      *n_names)
{
  g_auto(GStrv) parts = g_strsplit (text != NULL ? text : "", ",", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  char **names;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (*parts[i] != '\0')
        g_strv_builder_add (builder, parts[i]);
    }

  names = g_strv_builder_end (builder);
  *n_names = g_strv_length (names);
  return names;
}

static char *
join_names (const char *const *names,
            guint              n_names)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < n_names; i++)
    g_string_append_printf (text, i > 0 ? ", %s" : "%s", names[i]);

  return g_string_free (text, FALSE);
}

static gboolean
dramatis_actor_editor_validate (DramatisEditor *editor)
{
  DramatisActorEditor *self = ACTOR_EDITOR (editor);
  g_autofree char *name = dramatis_editor_dup_text (editor, "name");
  guint affiliation = dramatis_chooser_row_get_item (DRAMATIS_CHOOSER_ROW (self->affiliation));
  gboolean valid = TRUE;

  if (name == NULL)
    {
      dramatis_editor_set_error (editor, "name", _("Enter the actor’s name"));
      valid = FALSE;
    }
  else if (dramatis_story_find_actor_named (dramatis_editor_get_story (editor), name, edited_index (self)) !=
           DRAMATIS_NO_INDEX)
    {
      dramatis_editor_set_error (editor, "name", _("Another actor has this name"));
      valid = FALSE;
    }
  else
    dramatis_editor_set_error (editor, "name", NULL);

  if (affiliation != DRAMATIS_NO_INDEX && affiliation == edited_index (self))
    {
      dramatis_editor_set_error (editor, "affiliation", _("An actor cannot belong to itself"));
      valid = FALSE;
    }
  else
    dramatis_editor_set_error (editor, "affiliation", NULL);

  return valid;
}

static gboolean
names_equal (const char *const *a,
             guint              n_a,
             const char *const *b,
             guint              n_b)
{
  if (n_a != n_b)
    return FALSE;
  for (guint i = 0; i < n_a; i++)
    if (g_strcmp0 (a[i], b[i]) != 0)
      return FALSE;
  return TRUE;
}

static gboolean
dramatis_actor_editor_apply (DramatisEditor  *editor,
                             GError         **error)
{
  DramatisActorEditor *self = ACTOR_EDITOR (editor);
  DramatisStory *story = dramatis_editor_get_story (editor);
  g_autofree char *name = dramatis_editor_dup_text (editor, "name");
  g_autofree char *role = dramatis_editor_dup_text (editor, "role");
  g_autofree char *summary = dramatis_editor_dup_text (editor, "summary");
  g_autofree char *other_text = dramatis_editor_dup_text (editor, "other-names");
  g_autofree char *new_id = NULL;
  g_auto(GStrv) other_names = NULL;
  guint affiliation = dramatis_chooser_row_get_item (DRAMATIS_CHOOSER_ROW (self->affiliation));
  guint index = edited_index (self);
  DramatisActor actor = { 0 };
  gboolean done;

  if (self->id != NULL && index == DRAMATIS_NO_INDEX)
    {
      g_set_error_literal (error, DRAMATIS_STORY_EDIT_ERROR, DRAMATIS_STORY_EDIT_ERROR_INVALID,
                           _("the actor is no longer in the story"));
      return FALSE;
    }

  if (index != DRAMATIS_NO_INDEX)
    actor = *dramatis_story_get_actor (story, index);

  other_names = split_other_names (other_text, &actor.n_other_names);
  actor.name = name;
  actor.kind = kinds[adw_combo_row_get_selected (ADW_COMBO_ROW (self->kind))];
  actor.role = role;
  actor.summary = summary;
  actor.affiliation_id = affiliation != DRAMATIS_NO_INDEX ? dramatis_story_get_actor (story, affiliation)->id
                                                          : NULL;

  if (index == DRAMATIS_NO_INDEX)
    {
      actor.other_names = (const char *const *) other_names;
      new_id = dramatis_story_make_id (story, DRAMATIS_ITEM_ACTOR, name);
      actor.id = new_id;
      dramatis_story_begin_edit (story, _("Add Actor"));
      done = dramatis_story_add_actor (story, &actor, error) != DRAMATIS_NO_INDEX;
      dramatis_story_end_edit (story);
      return done;
    }
  else
    {
      const DramatisActor *old = dramatis_story_get_actor (story, index);

      actor.other_names = (const char *const *) other_names;
      if (dramatis_strings_equal (old->name, actor.name) && old->kind == actor.kind &&
          dramatis_strings_equal (old->role, actor.role) && dramatis_strings_equal (old->summary, actor.summary) &&
          g_strcmp0 (old->affiliation != DRAMATIS_NO_INDEX ? old->affiliation_id : NULL,
                     actor.affiliation_id) == 0 &&
          names_equal (old->other_names, old->n_other_names, actor.other_names, actor.n_other_names))
        return TRUE;

      dramatis_story_begin_edit (story, _("Edit Actor"));
      done = dramatis_story_change_actor (story, index, &actor, error);
      dramatis_story_end_edit (story);
      return done;
    }
}

static void
dramatis_actor_editor_finalize (GObject *object)
{
  g_free (ACTOR_EDITOR (object)->id);

  G_OBJECT_CLASS (dramatis_actor_editor_parent_class)->finalize (object);
}

static void
dramatis_actor_editor_class_init (DramatisActorEditorClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dramatis_actor_editor_finalize;
  DRAMATIS_EDITOR_CLASS (klass)->validate = dramatis_actor_editor_validate;
  DRAMATIS_EDITOR_CLASS (klass)->apply = dramatis_actor_editor_apply;
}

static void
dramatis_actor_editor_init (DramatisActorEditor *self)
{
}

static void
kind_changed_cb (DramatisEditor *self)
{
  dramatis_editor_field_changed (self, "kind");
}

static void
affiliation_changed_cb (DramatisEditor *self)
{
  dramatis_editor_field_changed (self, "affiliation");
}

/**
 * dramatis_editor_edit_actor:
 * @parent: the window of the story
 * @story: the story
 * @actor: the index of the actor to edit, or %DRAMATIS_NO_INDEX to add one
 *
 * Opens the form of an actor.  Add or Save applies it as one step of the
 * story's history ("Add Actor", "Edit Actor"); Cancel changes nothing.
 *
 * Returns: (transfer none): the dialog, shown
 */
GtkWindow *
dramatis_editor_edit_actor (GtkWindow     *parent,
                            DramatisStory *story,
                            guint          actor)
{
  DramatisActorEditor *self;
  DramatisEditor *editor;
  const DramatisActor *old = NULL;
  AdwPreferencesGroup *group;
  g_autoptr(GtkStringList) kind_names = NULL;
  g_autofree char *other_names = NULL;
  guint kind = G_N_ELEMENTS (kinds) - 1;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (DRAMATIS_IS_STORY (story), NULL);
  g_return_val_if_fail (actor == DRAMATIS_NO_INDEX || actor < dramatis_story_get_n_actors (story), NULL);

  self = g_object_new (dramatis_actor_editor_get_type (), NULL);
  editor = DRAMATIS_EDITOR (self);
  if (actor != DRAMATIS_NO_INDEX)
    {
      old = dramatis_story_get_actor (story, actor);
      self->id = g_strdup (old->id);
      other_names = join_names (old->other_names, old->n_other_names);
      for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
        if (kinds[i] == old->kind)
          kind = i;
    }
  dramatis_editor_setup (editor, parent, story, old != NULL ? _("Edit Actor") : _("New Actor"), old == NULL);

  group = dramatis_editor_add_group (editor, NULL);
  dramatis_editor_add_entry (editor, group, "name", _("_Name"), old != NULL ? old->name : NULL);

  kind_names = gtk_string_list_new (NULL);
  gtk_string_list_append (kind_names, _("State"));
  gtk_string_list_append (kind_names, _("Organization"));
  gtk_string_list_append (kind_names, _("Person"));
  gtk_string_list_append (kind_names, _("Group"));
  gtk_string_list_append (kind_names, _("Other"));
  self->kind = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->kind), _("_Kind"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->kind), TRUE);
  adw_combo_row_set_model (ADW_COMBO_ROW (self->kind), G_LIST_MODEL (kind_names));
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->kind), kind);
  dramatis_editor_add_field (editor, group, "kind", self->kind);
  g_signal_connect_object (self->kind, "notify::selected", G_CALLBACK (kind_changed_cb), self,
                           G_CONNECT_SWAPPED);

  dramatis_editor_add_entry (editor, group, "role", _("_Role"), old != NULL ? old->role : NULL);

  self->affiliation = dramatis_chooser_row_new (story, DRAMATIS_ITEM_ACTOR, _("A_ffiliation"),
                                                DRAMATIS_CHOOSER_ALLOW_NONE);
  if (old != NULL)
    dramatis_chooser_row_set_item (DRAMATIS_CHOOSER_ROW (self->affiliation), old->affiliation);
  dramatis_editor_add_field (editor, group, "affiliation", self->affiliation);
  g_signal_connect_object (self->affiliation, "changed", G_CALLBACK (affiliation_changed_cb), self,
                           G_CONNECT_SWAPPED);

  dramatis_editor_add_entry (editor, group, "other-names", _("_Other Names, Separated by Commas"),
                             other_names);

  self->summary = dramatis_editor_add_text (editor, "summary", _("Summary"), old != NULL ? old->summary : NULL);

  dramatis_editor_present (editor);
  return GTK_WINDOW (self);
}
