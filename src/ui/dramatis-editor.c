/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "dramatis-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "dramatis-editor-private.h"

/* The frame every editor shares: a modal window with Cancel and Add (or
 * Save) in its header bar, a form of rows, and under each row the reason
 * it is wrong.  A subclass builds its rows and says, in its validate
 * vfunc, what is wrong with them; its apply vfunc makes the edit.  Where
 * each editor lives:
 *
 * - actors: dramatis-actor-editor.c
 * - events and their participants: dramatis-event-editor.c
 * - relations: dramatis-relation-editor.c
 * - statements, with a new speaker if need be: dramatis-statement-editor.c
 * - the date or period rows: dramatis-editor-date.c, each date a
 *   #DramatisDateRow (dramatis-date-row.c)
 * - the evidence list: dramatis-editor-evidence.c
 * - choosing an actor or an event among thousands: dramatis-chooser-row.c
 *
 * A reason is shown once the user changed the field, or tried to apply
 * the form; until then an empty required field only keeps Add disabled,
 * rather than greeting the user with errors.
 */

typedef struct
{
  GtkWidget     *row;
  GtkWidget     *control;      /* the switch of a switch row, the view of a text */
  GtkTextBuffer *buffer;
  GtkWidget     *error;        /* the row, or the label, that shows the reason */
  GtkLabel      *error_label;
  char          *message;
  gboolean       touched;
} Field;

typedef struct
{
  DramatisStory       *story;
  GtkWidget           *apply_button;
  GtkWidget           *page;
  GtkWidget           *message_group;
  GtkLabel            *message_label;
  GHashTable          *fields;   /* name → Field */
  GtkWidget           *first_field;
  gboolean             tried_apply;
  gboolean             valid;
} DramatisEditorPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (DramatisEditor, dramatis_editor, ADW_TYPE_WINDOW)

static void
field_free (gpointer data)
{
  Field *field = data;

  g_free (field->message);
  g_free (field);
}

static Field *
lookup_field (DramatisEditor *self,
              const char     *name)
{
  DramatisEditorPrivate *priv = dramatis_editor_get_instance_private (self);
  Field *field = g_hash_table_lookup (priv->fields, name);

  if (field == NULL)
    g_critical ("The editor has no field “%s”", name);
  return field;
}

static void
show_field_error (DramatisEditor *self,
                  Field          *field)
{
  DramatisEditorPrivate *priv = dramatis_editor_get_instance_private (self);
  gboolean shown = field->message != NULL && (field->touched || priv->tried_apply) &&
                   gtk_widget_get_visible (field->row);
  /* For a text, the view is what the reason describes, not its frame. */
  GtkAccessible *described = GTK_ACCESSIBLE (field->buffer != NULL ? field->control : field->row);

  gtk_label_set_text (field->error_label, shown ? field->message : "");
  gtk_widget_set_visible (field->error, shown);
  if (shown)
    {
      gtk_widget_add_css_class (field->row, "error");
      gtk_accessible_update_relation (described, GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, field->error_label, NULL,
                                      -1);
    }
  else
    {
      gtk_widget_remove_css_class (field->row, "error");
      gtk_accessible_reset_relation (described, GTK_ACCESSIBLE_RELATION_DESCRIBED_BY);
    }
}

static void
set_message (DramatisEditor *self,
             const char     *message)
{
  DramatisEditorPrivate *priv = dramatis_editor_get_instance_private (self);

  GtkWidget *scrolled = gtk_widget_get_ancestor (GTK_WIDGET (priv->message_label), GTK_TYPE_SCROLLED_WINDOW);

  gtk_label_set_text (priv->message_label, message != NULL ? message : "");
  gtk_widget_set_visible (priv->message_group, message != NULL);

  /* The message is at the top of the form: bring it into view. */
  if (message != NULL && scrolled != NULL)
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled)), 0.0);
}

static void
revalidate (DramatisEditor *self)
{
  DramatisEditorPrivate *priv = dramatis_editor_get_instance_private (self);
  GHashTableIter iter;
  gpointer value;

  priv->valid = DRAMATIS_EDITOR_GET_CLASS (self)->validate (self);
  gtk_widget_set_sensitive (priv->apply_button, priv->valid);

  g_hash_table_iter_init (&iter, priv->fields);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    show_field_error (self, value);
}

static void
apply_cb (DramatisEditor *self)
{
  DramatisEditorPrivate *priv = dramatis_editor_get_instance_private (self);
  g_autoptr(GError) error = NULL;

  priv->tried_apply = TRUE;
  revalidate (self);
  if (!priv->valid)
    return;

  if (!DRAMATIS_EDITOR_GET_CLASS (self)->apply (self, &error))
    {
      /* Translators: %s says why the story refused the edit */
      g_autofree char *message = g_strdup_printf (_("The story cannot take this change: %s"),
                                                  error->message);

      set_message (self, message);
      return;
    }

  gtk_window_destroy (GTK_WINDOW (self));
}

static void
entry_changed_cb (GtkEditable    *editable,
                  DramatisEditor *self)
{
  dramatis_editor_field_changed (self, g_object_get_data (G_OBJECT (editable), "dramatis-field"));
}

static void
buffer_changed_cb (GtkTextBuffer  *buffer,
                   DramatisEditor *self)
{
  dramatis_editor_field_changed (self, g_object_get_data (G_OBJECT (buffer), "dramatis-field"));
}

static void
switch_changed_cb (GtkSwitch      *widget,
                   GParamSpec     *pspec,
                   DramatisEditor *self)
{
  dramatis_editor_field_changed (self, g_object_get_data (G_OBJECT (widget), "dramatis-field"));
}

static gboolean
dramatis_editor_real_validate (DramatisEditor *self)
{
  return TRUE;
}

static void
dramatis_editor_finalize (GObject *object)
{
  DramatisEditor *self = DRAMATIS_EDITOR (object);
  DramatisEditorPrivate *priv = dramatis_editor_get_instance_private (self);

  g_clear_object (&priv->story);
  g_clear_pointer (&priv->fields, g_hash_table_unref);

  G_OBJECT_CLASS (dramatis_editor_parent_class)->finalize (object);
}

static void
dramatis_editor_class_init (DramatisEditorClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dramatis_editor_finalize;
  klass->validate = dramatis_editor_real_validate;

  gtk_widget_class_add_binding_action (GTK_WIDGET_CLASS (klass), GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
dramatis_editor_init (DramatisEditor *self)
{
  DramatisEditorPrivate *priv = dramatis_editor_get_instance_private (self);
  GtkWidget *box, *header, *cancel, *label;

  priv->fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, field_free);

  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 480, 640);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  priv->apply_button = gtk_button_new_with_mnemonic (_("_Add"));
  gtk_widget_add_css_class (priv->apply_button, "suggested-action");
  g_signal_connect_object (priv->apply_button, "clicked", G_CALLBACK (apply_cb), self, G_CONNECT_SWAPPED);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), priv->apply_button);
  gtk_window_set_default_widget (GTK_WINDOW (self), priv->apply_button);
  gtk_box_append (GTK_BOX (box), header);

  priv->page = adw_preferences_page_new ();
  gtk_widget_set_vexpand (priv->page, TRUE);
  gtk_box_append (GTK_BOX (box), priv->page);

  /* What the story said when it refused the edit. */
  priv->message_group = adw_preferences_group_new ();
  label = g_object_new (GTK_TYPE_LABEL,
                        "accessible-role", GTK_ACCESSIBLE_ROLE_ALERT,
                        "wrap", TRUE,
                        "xalign", 0.0f,
                        NULL);
  gtk_widget_add_css_class (label, "error");
  priv->message_label = GTK_LABEL (label);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (priv->message_group), label);
  gtk_widget_set_visible (priv->message_group, FALSE);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (priv->page), ADW_PREFERENCES_GROUP (priv->message_group));

  adw_window_set_content (ADW_WINDOW (self), box);
}

/**
 * dramatis_editor_setup:
 * @self: an editor
 * @parent: the window it edits the story of
 * @story: the story
 * @title: the dialog's title, as "New Actor"
 * @adding: whether the form adds an item (its button says Add) or changes
 *   one (Save)
 *
 * Sets up the frame for an item; the subclass then adds its rows and
 * calls dramatis_editor_present().
 */
void
dramatis_editor_setup (DramatisEditor *self,
                       GtkWindow      *parent,
                       DramatisStory  *story,
                       const char     *title,
                       gboolean        adding)
{
  DramatisEditorPrivate *priv = dramatis_editor_get_instance_private (self);

  g_return_if_fail (DRAMATIS_IS_EDITOR (self));

  gtk_window_set_transient_for (GTK_WINDOW (self), parent);
  gtk_window_set_title (GTK_WINDOW (self), title);
  gtk_button_set_label (GTK_BUTTON (priv->apply_button), adding ? _("_Add") : _("_Save"));
  g_set_object (&priv->story, story);
}

DramatisStory *
dramatis_editor_get_story (DramatisEditor *self)
{
  DramatisEditorPrivate *priv = dramatis_editor_get_instance_private (self);

  g_return_val_if_fail (DRAMATIS_IS_EDITOR (self), NULL);

  return priv->story;
}

AdwPreferencesGroup *
dramatis_editor_add_group (DramatisEditor *self,
                           const char     *title)
{
  DramatisEditorPrivate *priv = dramatis_editor_get_instance_private (self);
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());

  if (title != NULL)
    adw_preferences_group_set_title (group, title);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (priv->page), group);

  return group;
}

static GtkLabel *
error_label_new (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_widget_add_css_class (label, "error");
  gtk_widget_add_css_class (label, "caption");

  return GTK_LABEL (label);
}

/**
 * dramatis_editor_add_field:
 * @self: an editor
 * @group: the group to add @row to
 * @name: the field's name, unique in the editor
 * @row: a row, or another widget
 *
 * Adds @row to @group with a place right under it for what is wrong
 * with it: a row of the same list for a row, a line under it for another
 * widget.
 */
void
dramatis_editor_add_field (DramatisEditor      *self,
                           AdwPreferencesGroup *group,
                           const char          *name,
                           GtkWidget           *row)
{
  DramatisEditorPrivate *priv = dramatis_editor_get_instance_private (self);
  Field *field = g_new0 (Field, 1);

  g_return_if_fail (!g_hash_table_contains (priv->fields, name));

  field->row = row;
  field->error_label = error_label_new ();
  adw_preferences_group_add (group, row);

  if (GTK_IS_LIST_BOX_ROW (row))
    {
      field->error = adw_preferences_row_new ();
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (field->error), FALSE);
      gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (field->error), FALSE);
      gtk_widget_set_focusable (field->error, FALSE);
      gtk_widget_set_margin_start (GTK_WIDGET (field->error_label), 12);
      gtk_widget_set_margin_end (GTK_WIDGET (field->error_label), 12);
      gtk_widget_set_margin_top (GTK_WIDGET (field->error_label), 6);
      gtk_widget_set_margin_bottom (GTK_WIDGET (field->error_label), 6);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (field->error), GTK_WIDGET (field->error_label));
    }
  else
    {
      field->error = GTK_WIDGET (field->error_label);
      gtk_widget_set_margin_top (field->error, 6);
    }

  gtk_widget_set_visible (field->error, FALSE);
  adw_preferences_group_add (group, field->error);
  g_hash_table_insert (priv->fields, g_strdup (name), field);
  if (priv->first_field == NULL)
    priv->first_field = row;

  /* The row's visibility decides whether its error shows. */
  g_signal_connect_object (row, "notify::visible", G_CALLBACK (revalidate), self, G_CONNECT_SWAPPED);
}

/**
 * dramatis_editor_add_entry:
 * @self: an editor
 * @group: the group
 * @name: the field's name
 * @title: the row's title, with a mnemonic
 * @text: (nullable): what the row holds at first
 *
 * Returns: (transfer none): a new #AdwEntryRow
 */
GtkWidget *
dramatis_editor_add_entry (DramatisEditor      *self,
                           AdwPreferencesGroup *group,
                           const char          *name,
                           const char          *title,
                           const char          *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (row), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  dramatis_editor_add_field (self, group, name, row);

  g_object_set_data_full (G_OBJECT (row), "dramatis-field", g_strdup (name), g_free);
  g_signal_connect_object (row, "changed", G_CALLBACK (entry_changed_cb), self, 0);

  return row;
}

/**
 * dramatis_editor_add_text:
 * @self: an editor
 * @name: the field's name
 * @title: the group's title
 * @text: (nullable): what the field holds at first
 *
 * Adds a group of its own with a framed field for text of several lines:
 * a summary, a description, a quote.
 *
 * Returns: (transfer none): the field's buffer
 */
GtkTextBuffer *
dramatis_editor_add_text (DramatisEditor *self,
                          const char     *name,
                          const char     *title,
                          const char     *text)
{
  AdwPreferencesGroup *group = dramatis_editor_add_group (self, title);
  GtkWidget *scrolled, *view;
  GtkTextBuffer *buffer;

  view = gtk_text_view_new ();
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 12);
  gtk_widget_add_css_class (view, "inline");
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  GTK_ACCESSIBLE_PROPERTY_MULTI_LINE, TRUE, -1);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  gtk_text_buffer_set_text (buffer, text != NULL ? text : "", -1);

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 96);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 240);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_widget_add_css_class (scrolled, "card");
  gtk_widget_set_overflow (scrolled, GTK_OVERFLOW_HIDDEN);

  dramatis_editor_add_field (self, group, name, scrolled);
  lookup_field (self, name)->buffer = buffer;
  lookup_field (self, name)->control = view;
  g_object_set_data_full (G_OBJECT (buffer), "dramatis-field", g_strdup (name), g_free);
  g_signal_connect_object (buffer, "changed", G_CALLBACK (buffer_changed_cb), self, 0);

  return buffer;
}

/**
 * dramatis_editor_add_switch:
 * @self: an editor
 * @group: the group
 * @name: the field's name
 * @title: the row's title, with a mnemonic
 * @subtitle: (nullable): what it means
 * @active: whether it is on at first
 *
 * Returns: (transfer none): the #GtkSwitch
 */
GtkWidget *
dramatis_editor_add_switch (DramatisEditor      *self,
                            AdwPreferencesGroup *group,
                            const char          *name,
                            const char          *title,
                            const char          *subtitle,
                            gboolean             active)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *widget = gtk_switch_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_switch_set_active (GTK_SWITCH (widget), active);
  gtk_widget_set_valign (widget, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), widget);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), widget);
  dramatis_editor_add_field (self, group, name, row);
  lookup_field (self, name)->control = widget;

  g_object_set_data_full (G_OBJECT (widget), "dramatis-field", g_strdup (name), g_free);
  g_signal_connect_object (widget, "notify::active", G_CALLBACK (switch_changed_cb), self, 0);

  return widget;
}

/**
 * dramatis_editor_field_changed:
 * @self: an editor
 * @name: (nullable): the field the user changed, or %NULL for a list
 *
 * Checks the form again; from now on, what is wrong with the field shows.
 */
void
dramatis_editor_field_changed (DramatisEditor *self,
                               const char     *name)
{
  Field *field;

  g_return_if_fail (DRAMATIS_IS_EDITOR (self));

  field = name != NULL ? lookup_field (self, name) : NULL;
  if (field != NULL)
    field->touched = TRUE;

  set_message (self, NULL);
  revalidate (self);
}

/**
 * dramatis_editor_set_error:
 * @self: an editor
 * @name: a field
 * @message: (nullable): what is wrong with it, as a sentence, or %NULL
 *
 * Says what is wrong with a field; the validate vfunc calls it for each
 * field every time.
 */
void
dramatis_editor_set_error (DramatisEditor *self,
                           const char     *name,
                           const char     *message)
{
  Field *field;

  g_return_if_fail (DRAMATIS_IS_EDITOR (self));

  field = lookup_field (self, name);
  if (field == NULL)
    return;

  g_free (field->message);
  field->message = g_strdup (message);
}

/**
 * dramatis_editor_dup_text:
 * @self: an editor
 * @name: an entry or a text field
 *
 * Returns: (transfer full) (nullable): the text of the field, or %NULL
 *   when it holds nothing but spaces; an entry's text without the spaces
 *   around it
 */
char *
dramatis_editor_dup_text (DramatisEditor *self,
                          const char     *name)
{
  Field *field = lookup_field (self, name);
  g_autofree char *text = NULL;
  g_autofree char *stripped = NULL;

  if (field == NULL)
    return NULL;

  if (field->buffer != NULL)
    {
      GtkTextIter start, end;

      gtk_text_buffer_get_bounds (field->buffer, &start, &end);
      text = gtk_text_buffer_get_text (field->buffer, &start, &end, FALSE);
    }
  else
    text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (field->row)));

  stripped = g_strstrip (g_strdup (text));
  if (*stripped == '\0')
    return NULL;

  /* A quote keeps its text as written; a name loses stray spaces. */
  return field->buffer != NULL ? g_steal_pointer (&text) : g_steal_pointer (&stripped);
}

gboolean
dramatis_editor_get_active (DramatisEditor *self,
                            const char     *name)
{
  Field *field = lookup_field (self, name);

  return field != NULL && GTK_IS_SWITCH (field->control) &&
         gtk_switch_get_active (GTK_SWITCH (field->control));
}

/**
 * dramatis_editor_remove_button_new:
 * @self: an editor
 * @icon_name: the button's icon
 * @label: what the button does, for its tooltip and screen readers
 * @callback: (scope notified): called with the button and @self on a click
 *
 * Returns: (transfer floating): a flat button that takes an item off a
 *   list of the form, for the suffix of its row
 */
GtkWidget *
dramatis_editor_remove_button_new (DramatisEditor *self,
                                   const char     *icon_name,
                                   const char     *label,
                                   GCallback       callback)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_signal_connect_object (button, "clicked", callback, self, 0);

  return button;
}

/* Whether two texts of a form are the same, %NULL and "" alike. */
gboolean
dramatis_strings_equal (const char *a,
                        const char *b)
{
  return g_strcmp0 (a != NULL ? a : "", b != NULL ? b : "") == 0;
}

/**
 * dramatis_editor_get_field:
 * @self: an editor
 * @name: a field
 *
 * Returns: (transfer none): the field's widget: the row for a row, the
 *   #GtkSwitch of a switch, the #GtkTextView of a text field
 */
GtkWidget *
dramatis_editor_get_field (DramatisEditor *self,
                           const char     *name)
{
  Field *field = lookup_field (self, name);

  if (field == NULL)
    return NULL;

  return field->control != NULL ? field->control : field->row;
}

/**
 * dramatis_editor_get_error:
 * @self: an editor
 * @name: a field
 *
 * Returns: (nullable): what the dialog shows is wrong with the field, or
 *   %NULL when it shows nothing
 */
const char *
dramatis_editor_get_error (DramatisEditor *self,
                           const char     *name)
{
  Field *field = lookup_field (self, name);

  if (field == NULL || !gtk_widget_get_visible (field->error))
    return NULL;

  return gtk_label_get_text (field->error_label);
}

GtkWidget *
dramatis_editor_get_apply_button (DramatisEditor *self)
{
  DramatisEditorPrivate *priv = dramatis_editor_get_instance_private (self);

  return priv->apply_button;
}

/* Returns: (nullable): what the story said when it refused the edit */
const char *
dramatis_editor_get_message (DramatisEditor *self)
{
  DramatisEditorPrivate *priv = dramatis_editor_get_instance_private (self);

  if (!gtk_widget_get_visible (priv->message_group))
    return NULL;

  return gtk_label_get_text (priv->message_label);
}

/**
 * dramatis_editor_present:
 * @self: an editor whose rows are in place
 *
 * Checks the form for the first time and shows the dialog, with the
 * focus in its first field.
 */
void
dramatis_editor_present (DramatisEditor *self)
{
  DramatisEditorPrivate *priv = dramatis_editor_get_instance_private (self);

  revalidate (self);
  gtk_window_present (GTK_WINDOW (self));
  /* Once shown: a window not yet mapped may hand its focus on as it maps. */
  if (priv->first_field != NULL)
    gtk_widget_grab_focus (priv->first_field);
}
