/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "dramatis-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "dramatis-editor-private.h"
#include "dramatis-story-edit.h"
#include "dramatis-story-ids.h"

/* The form of a relation: the actor it goes from and the one it goes to,
 * its type, label and direction, its date or period and its evidence.
 * The types offered are those the story uses and those the format
 * recommends (data/story-format.md), written as words.
 */

typedef struct
{
  DramatisEditor  parent_instance;

  char           *id;
  GtkWidget      *from;
  GtkWidget      *to;
  GtkWidget      *type;
  GtkWidget      *direction;
  GPtrArray      *types;     /* the type of each item of the type row */
  gboolean        direction_chosen;
  gboolean        setting_direction;
} DramatisRelationEditor;

typedef struct
{
  DramatisEditorClass parent_class;
} DramatisRelationEditorClass;

G_DEFINE_FINAL_TYPE (DramatisRelationEditor, dramatis_relation_editor, DRAMATIS_TYPE_EDITOR)

#define RELATION_EDITOR(o) G_TYPE_CHECK_INSTANCE_CAST ((o), dramatis_relation_editor_get_type (), \
                                                       DramatisRelationEditor)

/* The types the format recommends, and the direction each usually has. */
static const struct
{
  const char        *type;
  DramatisDirection  direction;
} common_types[] = {
  { "supports", DRAMATIS_DIRECTION_DIRECTED },
  { "opposes", DRAMATIS_DIRECTION_DIRECTED },
  { "condemns", DRAMATIS_DIRECTION_DIRECTED },
  { "accuses", DRAMATIS_DIRECTION_DIRECTED },
  { "questions", DRAMATIS_DIRECTION_DIRECTED },
  { "rejects", DRAMATIS_DIRECTION_DIRECTED },
  { "represents", DRAMATIS_DIRECTION_DIRECTED },
  { "member_of", DRAMATIS_DIRECTION_DIRECTED },
  { "leads", DRAMATIS_DIRECTION_DIRECTED },
  { "allied_with", DRAMATIS_DIRECTION_MUTUAL },
  { "sends_troops_to", DRAMATIS_DIRECTION_DIRECTED },
  { "trains", DRAMATIS_DIRECTION_DIRECTED },
  { "shields", DRAMATIS_DIRECTION_DIRECTED },
  { "invades", DRAMATIS_DIRECTION_DIRECTED },
  { "threatens", DRAMATIS_DIRECTION_DIRECTED },
  { "sanctions", DRAMATIS_DIRECTION_DIRECTED },
  { "monitors", DRAMATIS_DIRECTION_DIRECTED },
  { "exercises_with", DRAMATIS_DIRECTION_MUTUAL },
  { "negotiates_with", DRAMATIS_DIRECTION_MUTUAL },
};

static const char *
selected_type (DramatisRelationEditor *self)
{
  guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (self->type));

  return selected < self->types->len ? g_ptr_array_index (self->types, selected) : NULL;
}

static gboolean
dramatis_relation_editor_validate (DramatisEditor *editor)
{
  DramatisRelationEditor *self = RELATION_EDITOR (editor);
  guint from = dramatis_chooser_row_get_item (DRAMATIS_CHOOSER_ROW (self->from));
  guint to = dramatis_chooser_row_get_item (DRAMATIS_CHOOSER_ROW (self->to));
  DramatisSpan span;
  gboolean valid = TRUE;

  dramatis_editor_set_error (editor, "from", from == DRAMATIS_NO_INDEX
                                             ? _("Choose the actor the relation goes from") : NULL);
  if (to == DRAMATIS_NO_INDEX)
    dramatis_editor_set_error (editor, "to", _("Choose the actor the relation goes to"));
  else if (to == from)
    dramatis_editor_set_error (editor, "to", _("A relation joins two different actors"));
  else
    dramatis_editor_set_error (editor, "to", NULL);
  if (from == DRAMATIS_NO_INDEX || to == DRAMATIS_NO_INDEX || from == to)
    valid = FALSE;

  if (!dramatis_editor_check_dates (editor, &span))
    valid = FALSE;

  return valid;
}

static gboolean
dramatis_relation_editor_apply (DramatisEditor  *editor,
                                GError         **error)
{
  DramatisRelationEditor *self = RELATION_EDITOR (editor);
  DramatisStory *story = dramatis_editor_get_story (editor);
  g_autofree char *label = dramatis_editor_dup_text (editor, "label");
  g_autofree char *new_id = NULL;
  guint from = dramatis_chooser_row_get_item (DRAMATIS_CHOOSER_ROW (self->from));
  guint to = dramatis_chooser_row_get_item (DRAMATIS_CHOOSER_ROW (self->to));
  guint index = self->id != NULL ? dramatis_story_find_relation (story, self->id) : DRAMATIS_NO_INDEX;
  DramatisRelation relation = { 0 };
  gboolean done;

  if (self->id != NULL && index == DRAMATIS_NO_INDEX)
    {
      g_set_error_literal (error, DRAMATIS_STORY_EDIT_ERROR, DRAMATIS_STORY_EDIT_ERROR_INVALID,
                           _("the relation is no longer in the story"));
      return FALSE;
    }

  if (index != DRAMATIS_NO_INDEX)
    relation = *dramatis_story_get_relation (story, index);

  relation.type = selected_type (self);
  relation.label = label;
  relation.from_id = dramatis_story_get_actor (story, from)->id;
  relation.to_id = dramatis_story_get_actor (story, to)->id;
  relation.from = from;
  relation.to = to;
  relation.direction = adw_combo_row_get_selected (ADW_COMBO_ROW (self->direction));
  dramatis_editor_check_dates (editor, &relation.when);
  relation.evidence = dramatis_editor_get_evidence (editor, &relation.n_evidence);

  if (index == DRAMATIS_NO_INDEX)
    {
      g_autofree char *words = g_strdup_printf ("%s %s %s", relation.from_id, relation.type, relation.to_id);

      new_id = dramatis_story_make_id (story, DRAMATIS_ITEM_RELATION, words);
      relation.id = new_id;
      dramatis_story_begin_edit (story, _("Add Relation"));
      done = dramatis_story_add_relation (story, &relation, error) != DRAMATIS_NO_INDEX;
      dramatis_story_end_edit (story);
      return done;
    }
  else
    {
      const DramatisRelation *old = dramatis_story_get_relation (story, index);

      if (g_strcmp0 (old->type, relation.type) == 0 && dramatis_strings_equal (old->label, relation.label) &&
          g_strcmp0 (old->from_id, relation.from_id) == 0 && g_strcmp0 (old->to_id, relation.to_id) == 0 &&
          old->direction == relation.direction && dramatis_span_equal (&old->when, &relation.when) &&
          dramatis_evidence_list_equal (old->evidence, old->n_evidence, relation.evidence, relation.n_evidence))
        return TRUE;

      dramatis_story_begin_edit (story, _("Edit Relation"));
      done = dramatis_story_change_relation (story, index, &relation, error);
      dramatis_story_end_edit (story);
      return done;
    }
}

static void
from_changed_cb (DramatisEditor *self)
{
  dramatis_editor_field_changed (self, "from");
}

static void
to_changed_cb (DramatisEditor *self)
{
  dramatis_editor_field_changed (self, "to");
}

/* A new relation takes the usual direction of its type, until the user
 * chooses one.
 */
static void
type_changed_cb (DramatisRelationEditor *self)
{
  const char *type = selected_type (self);

  if (self->id == NULL && !self->direction_chosen)
    {
      DramatisDirection direction = DRAMATIS_DIRECTION_DIRECTED;

      for (guint i = 0; i < G_N_ELEMENTS (common_types); i++)
        if (g_strcmp0 (common_types[i].type, type) == 0)
          direction = common_types[i].direction;
      self->setting_direction = TRUE;
      adw_combo_row_set_selected (ADW_COMBO_ROW (self->direction), direction);
      self->setting_direction = FALSE;
    }

  dramatis_editor_field_changed (DRAMATIS_EDITOR (self), "type");
}

static void
direction_changed_cb (DramatisRelationEditor *self)
{
  if (!self->setting_direction)
    self->direction_chosen = TRUE;
  dramatis_editor_field_changed (DRAMATIS_EDITOR (self), "direction");
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

/* The types the story uses, and those the format recommends, sorted. */
static GPtrArray *
collect_types (DramatisStory *story,
               const char    *current)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *types = g_ptr_array_new ();

  for (guint i = 0; i < G_N_ELEMENTS (common_types); i++)
    g_hash_table_add (seen, (gpointer) common_types[i].type);
  for (guint i = 0; i < dramatis_story_get_n_relations (story); i++)
    {
      const char *type = dramatis_story_get_relation (story, i)->type;

      if (type != NULL)
        g_hash_table_add (seen, (gpointer) type);
    }
  if (current != NULL)
    g_hash_table_add (seen, (gpointer) current);

  {
    GHashTableIter iter;
    gpointer key;

    g_hash_table_iter_init (&iter, seen);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      g_ptr_array_add (types, key);
  }
  g_ptr_array_sort (types, compare_strings);

  return types;
}

/* "sends_troops_to" as "sends troops to". */
static char *
type_words (const char *type)
{
  char *words = g_strdup (type);

  g_strdelimit (words, "_", ' ');
  return words;
}

static void
dramatis_relation_editor_finalize (GObject *object)
{
  DramatisRelationEditor *self = RELATION_EDITOR (object);

  g_free (self->id);
  g_clear_pointer (&self->types, g_ptr_array_unref);

  G_OBJECT_CLASS (dramatis_relation_editor_parent_class)->finalize (object);
}

static void
dramatis_relation_editor_class_init (DramatisRelationEditorClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dramatis_relation_editor_finalize;
  DRAMATIS_EDITOR_CLASS (klass)->validate = dramatis_relation_editor_validate;
  DRAMATIS_EDITOR_CLASS (klass)->apply = dramatis_relation_editor_apply;
}

static void
dramatis_relation_editor_init (DramatisRelationEditor *self)
{
}

/**
 * dramatis_editor_edit_relation:
 * @parent: the window of the story
 * @story: the story
 * @relation: the index of the relation to edit, or %DRAMATIS_NO_INDEX to
 *   add one
 * @from: the actor a new relation goes from, or %DRAMATIS_NO_INDEX
 * @to: the actor a new relation goes to, or %DRAMATIS_NO_INDEX
 * @evidence: (nullable): a passage to add to the relation's evidence
 *
 * Opens the form of a relation.  Add or Save applies it as one step of
 * the story's history ("Add Relation", "Edit Relation"); Cancel changes
 * nothing.  @from and @to apply to a new relation only.
 *
 * Returns: (transfer none): the dialog, shown
 */
GtkWindow *
dramatis_editor_edit_relation (GtkWindow              *parent,
                               DramatisStory          *story,
                               guint                   relation,
                               guint                   from,
                               guint                   to,
                               const DramatisEvidence *evidence)
{
  DramatisRelationEditor *self;
  DramatisEditor *editor;
  const DramatisRelation *old = NULL;
  AdwPreferencesGroup *group;
  g_autoptr(GtkStringList) type_names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) directions = gtk_string_list_new (NULL);
  DramatisSpan no_date = { { 0 } };
  guint n_actors = dramatis_story_get_n_actors (story);
  guint type = 0;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (DRAMATIS_IS_STORY (story), NULL);
  g_return_val_if_fail (relation == DRAMATIS_NO_INDEX || relation < dramatis_story_get_n_relations (story),
                        NULL);
  g_return_val_if_fail (from == DRAMATIS_NO_INDEX || from < n_actors, NULL);
  g_return_val_if_fail (to == DRAMATIS_NO_INDEX || to < n_actors, NULL);

  self = g_object_new (dramatis_relation_editor_get_type (), NULL);
  editor = DRAMATIS_EDITOR (self);
  if (relation != DRAMATIS_NO_INDEX)
    {
      old = dramatis_story_get_relation (story, relation);
      self->id = g_strdup (old->id);
      from = old->from;
      to = old->to;
    }
  dramatis_editor_setup (editor, parent, story, old != NULL ? _("Edit Relation") : _("New Relation"),
                         old == NULL);

  group = dramatis_editor_add_group (editor, NULL);
  self->from = dramatis_chooser_row_new (story, DRAMATIS_ITEM_ACTOR, _("_From"), 0);
  dramatis_chooser_row_set_item (DRAMATIS_CHOOSER_ROW (self->from), from);
  dramatis_editor_add_field (editor, group, "from", self->from);
  g_signal_connect_object (self->from, "changed", G_CALLBACK (from_changed_cb), self, G_CONNECT_SWAPPED);

  self->types = collect_types (story, old != NULL ? old->type : NULL);
  for (guint i = 0; i < self->types->len; i++)
    {
      g_autofree char *words = type_words (g_ptr_array_index (self->types, i));

      gtk_string_list_append (type_names, words);
      if (g_strcmp0 (g_ptr_array_index (self->types, i), old != NULL ? old->type : "supports") == 0)
        type = i;
    }
  self->type = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->type), _("_Type"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->type), TRUE);
  adw_combo_row_set_model (ADW_COMBO_ROW (self->type), G_LIST_MODEL (type_names));
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->type), type);
  dramatis_editor_add_field (editor, group, "type", self->type);

  self->to = dramatis_chooser_row_new (story, DRAMATIS_ITEM_ACTOR, _("T_o"), 0);
  dramatis_chooser_row_set_item (DRAMATIS_CHOOSER_ROW (self->to), to);
  dramatis_editor_add_field (editor, group, "to", self->to);
  g_signal_connect_object (self->to, "changed", G_CALLBACK (to_changed_cb), self, G_CONNECT_SWAPPED);

  gtk_string_list_append (directions, _("Directed"));
  gtk_string_list_append (directions, _("Undirected"));
  gtk_string_list_append (directions, _("Mutual"));
  self->direction = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->direction), _("_Direction"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->direction), TRUE);
  adw_combo_row_set_model (ADW_COMBO_ROW (self->direction), G_LIST_MODEL (directions));
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->direction),
                              old != NULL ? old->direction : DRAMATIS_DIRECTION_DIRECTED);
  dramatis_editor_add_field (editor, group, "direction", self->direction);

  dramatis_editor_add_entry (editor, group, "label", _("_Label"), old != NULL ? old->label : NULL);

  dramatis_editor_add_dates (editor, old != NULL ? &old->when : &no_date, TRUE);
  dramatis_editor_add_evidence (editor, old != NULL ? old->evidence : NULL, old != NULL ? old->n_evidence : 0,
                                evidence);

  g_signal_connect_object (self->type, "notify::selected", G_CALLBACK (type_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->direction, "notify::selected", G_CALLBACK (direction_changed_cb), self,
                           G_CONNECT_SWAPPED);

  dramatis_editor_present (editor);
  return GTK_WINDOW (self);
}
