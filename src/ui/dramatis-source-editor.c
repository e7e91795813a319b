/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "dramatis-source-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "dramatis-file-dialog.h"
#include "dramatis-item-object.h"
#include "dramatis-source-editor.h"
#include "dramatis-story-edit.h"
#include "dramatis-story-ids.h"
#include "dramatis-text-source.h"

/* The form that adds a source or changes one: its title, publisher, date,
 * address and licence, and its text, pasted or loaded from a text file.
 * Each field is checked as it is typed, and what is wrong is said under
 * its group; Add or Save stays insensitive until the form is right, then
 * applies one edit the user can undo.
 *
 * Evidence points into a source's text by character, so a new text of a
 * source that has evidence must still hold each passage where it was.
 * The model refuses one that does not; the form says, before that, which
 * items would lose their evidence.
 */

struct _DramatisSourceEditor
{
  AdwWindow      parent_instance;

  DramatisStory *story;
  char          *source_id;   /* of the source changed; NULL for a new one */

  GtkWidget     *save_button;
  AdwEntryRow   *title_row;
  AdwEntryRow   *publisher_row;
  AdwEntryRow   *date_row;
  AdwEntryRow   *url_row;
  AdwEntryRow   *license_row;
  GtkLabel      *details_message;
  GtkTextView   *text_view;
  GtkLabel      *text_message;

  gboolean       details_ok;
  gboolean       text_ok;
  /* A new source's missing title is said once the title was typed in:
   * an empty form only keeps Add off.
   */
  gboolean       title_touched;
  guint          check_text_id;
  GCancellable  *load_cancellable;
};

G_DEFINE_FINAL_TYPE (DramatisSourceEditor, dramatis_source_editor, ADW_TYPE_WINDOW)

/* How long typing in the text waits before the passages are checked: the
 * check reads every item with evidence.
 */
#define CHECK_TEXT_DELAY_MS 200

/* Items named when a new text would lose their evidence, at most. */
#define MAX_NAMED_ITEMS 3

/* The source the form changes, if it still exists: an undo may have
 * removed it while the form was open.
 */
static guint
find_source (DramatisSourceEditor *self)
{
  if (self->source_id == NULL)
    return DRAMATIS_NO_INDEX;

  return dramatis_story_find_source (self->story, self->source_id);
}

static char *
dup_entry_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

/* The text of the view as a source holds it: line endings made one kind. */
static char *
dup_text (DramatisSourceEditor  *self,
          GError               **error)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start, end;
  char *raw;
  g_autoptr(GBytes) bytes = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  raw = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  bytes = g_bytes_new_take (raw, strlen (raw));

  return dramatis_text_from_bytes (bytes, _("The pasted text"), error);
}

static void
update_save_button (DramatisSourceEditor *self)
{
  gtk_widget_set_sensitive (self->save_button, self->details_ok && self->text_ok);
}

/* Says @message under a group: what is wrong, or else a hint. */
static void
show_message (GtkLabel   *label,
              const char *message,
              gboolean    is_error)
{
  gtk_label_set_text (label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
  if (is_error)
    {
      gtk_widget_add_css_class (GTK_WIDGET (label), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (label), "dim-label");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (label), "error");
      gtk_widget_add_css_class (GTK_WIDGET (label), "dim-label");
    }
}

static void
mark_row (AdwEntryRow *row,
          const char  *problem)
{
  if (problem != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");

  /* A screen reader hears what is wrong with the field it is on. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, problem != NULL ? problem : "",
                                  -1);
  gtk_accessible_update_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID,
                               problem != NULL ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);
}

static gboolean
is_web_address (const char *text)
{
  g_autoptr(GUri) uri = g_uri_parse (text, G_URI_FLAGS_NONE, NULL);
  const char *scheme;

  if (uri == NULL)
    return FALSE;

  scheme = g_uri_get_scheme (uri);
  return (g_ascii_strcasecmp (scheme, "https") == 0 || g_ascii_strcasecmp (scheme, "http") == 0) &&
         g_uri_get_host (uri) != NULL && g_uri_get_host (uri)[0] != '\0';
}

/* Checks the details, marks the rows that are wrong and says the first
 * problem under the group.
 */
static void
check_details (DramatisSourceEditor *self)
{
  g_autofree char *title = dup_entry_text (self->title_row);
  g_autofree char *date = dup_entry_text (self->date_row);
  g_autofree char *url = dup_entry_text (self->url_row);
  g_autofree char *date_problem = NULL;
  const char *title_problem = NULL;
  const char *url_problem = NULL;
  const char *message;

  if (title[0] == '\0')
    title_problem = _("A source needs a title.");
  if (self->title_row != NULL && gtk_editable_get_text (GTK_EDITABLE (self->title_row))[0] != '\0')
    self->title_touched = TRUE;

  if (date[0] != '\0')
    {
      DramatisDate parsed;
      g_autoptr(GError) error = NULL;

      if (!dramatis_date_parse (date, &parsed, &error))
        /* Translators: the reason is a sentence of its own, from the date parser */
        date_problem = g_strdup_printf (_("Published: %s."), error->message);
    }

  if (url[0] != '\0' && !is_web_address (url))
    url_problem = _("The web address must start with https:// or http://.");

  self->details_ok = title_problem == NULL && date_problem == NULL && url_problem == NULL;
  if (!self->title_touched)
    title_problem = NULL;

  mark_row (self->title_row, title_problem);
  mark_row (self->date_row, date_problem);
  mark_row (self->url_row, url_problem);

  message = title_problem ? title_problem : date_problem ? date_problem : url_problem;
  if (message != NULL)
    show_message (self->details_message, message, TRUE);
  else
    show_message (self->details_message,
                  _("The date is as precise as the source: a year, a month or a day, as in "
                    "2024, 2024-03 or 2024-03-05."), FALSE);

  update_save_button (self);
}

/* What to call the item of a passage in a sentence. */
static char *
describe_item (DramatisStory            *story,
               const DramatisPassageRef *ref)
{
  g_autoptr(DramatisItemObject) object = dramatis_item_object_new (story, ref->kind, ref->index);

  switch (ref->kind)
    {
    case DRAMATIS_ITEM_EVENT:
      /* Translators: an event, in a list of items whose evidence a change would break */
      return g_strdup_printf (_("the event “%s”"), dramatis_item_object_get_title (object));
    case DRAMATIS_ITEM_RELATION:
      /* Translators: a relation, in a list of items whose evidence a change would break */
      return g_strdup_printf (_("the relation %s"), dramatis_item_object_get_title (object));
    case DRAMATIS_ITEM_STATEMENT:
    default:
      /* Translators: a statement, in a list of items whose evidence a change would break */
      return g_strdup_printf (_("the quote of %s"), dramatis_item_object_get_subtitle (object));
    }
}

/* A sentence that names the items whose evidence @lost would break, the
 * first few by name.
 */
static char *
describe_lost (DramatisStory *story,
               GArray        *lost)
{
  g_autoptr(GString) items = g_string_new (NULL);
  guint named = 0;
  guint last_index = DRAMATIS_NO_INDEX;
  DramatisItemKind last_kind = DRAMATIS_ITEM_NONE;
  guint n_items = 0;

  for (guint i = 0; i < lost->len; i++)
    {
      const DramatisPassageRef *ref = &g_array_index (lost, DramatisPassageRef, i);
      g_autofree char *item = NULL;

      /* An item with several passages lost is named once. */
      if (ref->kind == last_kind && ref->index == last_index)
        continue;
      last_kind = ref->kind;
      last_index = ref->index;
      n_items++;

      if (named == MAX_NAMED_ITEMS)
        continue;

      item = describe_item (story, ref);
      if (named > 0)
        /* Translators: between the items of a list */
        g_string_append (items, _(", "));
      g_string_append (items, item);
      named++;
    }

  if (n_items > named)
    /* Translators: the first items whose evidence a change would break, then how many more */
    return g_strdup_printf (ngettext ("This text no longer holds the evidence of %s and %u more item, "
                                      "at the characters it points to. Keep those passages where they are, "
                                      "or remove that evidence first.",
                                      "This text no longer holds the evidence of %s and %u more items, "
                                      "at the characters it points to. Keep those passages where they are, "
                                      "or remove that evidence first.",
                                      n_items - named),
                            items->str, n_items - named);

  /* Translators: the items whose evidence a change would break */
  return g_strdup_printf (_("This text no longer holds the evidence of %s, at the characters it points "
                            "to. Keep those passages where they are, or remove that evidence first."),
                          items->str);
}

static void
check_text (DramatisSourceEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *message = NULL;
  guint index = find_source (self);

  g_clear_handle_id (&self->check_text_id, g_source_remove);

  text = dup_text (self, &error);
  if (text == NULL)
    message = g_strdup (error->message);
  else if (index != DRAMATIS_NO_INDEX)
    {
      g_autoptr(GArray) lost = dramatis_story_find_lost_passages (self->story, index, text[0] ? text : NULL);

      if (lost->len > 0)
        message = describe_lost (self->story, lost);
    }

  self->text_ok = message == NULL;
  if (message != NULL)
    show_message (self->text_message, message, TRUE);
  else
    show_message (self->text_message, NULL, FALSE);

  update_save_button (self);
}

static gboolean
check_text_cb (gpointer user_data)
{
  DramatisSourceEditor *self = user_data;

  self->check_text_id = 0;
  check_text (self);

  return G_SOURCE_REMOVE;
}

static void
on_text_changed (DramatisSourceEditor *self,
                 GtkTextBuffer        *buffer)
{
  g_assert (DRAMATIS_IS_SOURCE_EDITOR (self));

  /* Save waits for the check, so that it never applies a text unchecked. */
  self->text_ok = FALSE;
  update_save_button (self);

  g_clear_handle_id (&self->check_text_id, g_source_remove);
  self->check_text_id = g_timeout_add (CHECK_TEXT_DELAY_MS, check_text_cb, self);
}

/* An undo may remove the source the form changes, or bring back evidence
 * into it.
 */
static void
on_story_edited (DramatisSourceEditor *self,
                 DramatisStory        *story)
{
  g_assert (DRAMATIS_IS_SOURCE_EDITOR (self));

  if (self->source_id != NULL && find_source (self) == DRAMATIS_NO_INDEX)
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  check_text (self);
}

static void
show_error (DramatisSourceEditor *self,
            const char           *heading,
            const char           *message)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
text_loaded_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(DramatisSourceEditor) self = user_data;
  GFile *file = G_FILE (object);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *text = NULL;
  g_autofree char *name = g_file_get_parse_name (file);
  gsize size;

  if (!g_file_load_contents_finish (file, result, &contents, &size, NULL, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, _("Could Not Load the Text"), error->message);
      return;
    }

  {
    g_autoptr(GBytes) bytes = g_bytes_new_take (g_steal_pointer (&contents), size);

    text = dramatis_text_from_bytes (bytes, name, &error);
  }
  if (text == NULL)
    {
      show_error (self, _("Could Not Load the Text"), error->message);
      return;
    }

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), text, -1);
  if (gtk_editable_get_text (GTK_EDITABLE (self->title_row))[0] == '\0')
    {
      g_autofree char *title = dramatis_text_title_from_file (file);

      gtk_editable_set_text (GTK_EDITABLE (self->title_row), title);
    }
}

static void
text_file_chosen_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(DramatisSourceEditor) self = user_data;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  file = dramatis_file_dialog_finish (result, &error);
  if (file == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, _("Could Not Load the Text"), error->message);
      return;
    }

  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  self->load_cancellable = g_cancellable_new ();
  g_file_load_contents_async (file, self->load_cancellable, text_loaded_cb, g_object_ref (self));
}

static GtkFileFilter *
text_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Plain Text"));
  gtk_file_filter_add_mime_type (filter, "text/plain");
  gtk_file_filter_add_pattern (filter, "*.txt");

  return filter;
}

static void
on_load_clicked (DramatisSourceEditor *self,
                 GtkButton            *button)
{
  dramatis_file_dialog_open (GTK_WINDOW (self), _("Load Text File"), _("_Load"), text_filter (),
                             text_file_chosen_cb, g_object_ref (self));
}

static char *
nonempty (char *text)
{
  if (text != NULL && text[0] == '\0')
    g_clear_pointer (&text, g_free);

  return text;
}

static void
on_save_clicked (DramatisSourceEditor *self,
                 GtkButton            *button)
{
  g_autofree char *title = dup_entry_text (self->title_row);
  g_autofree char *publisher = nonempty (dup_entry_text (self->publisher_row));
  g_autofree char *date = dup_entry_text (self->date_row);
  g_autofree char *url = nonempty (dup_entry_text (self->url_row));
  g_autofree char *license = nonempty (dup_entry_text (self->license_row));
  g_autofree char *text = NULL;
  g_autofree char *id = NULL;
  g_autoptr(GError) error = NULL;
  DramatisSource source = { 0 };
  guint index;
  gboolean done;

  check_details (self);
  check_text (self);
  if (!self->details_ok || !self->text_ok)
    return;

  /* Both were checked just above. */
  text = nonempty (dup_text (self, NULL));
  if (date[0] != '\0')
    dramatis_date_parse (date, &source.published, NULL);

  index = find_source (self);
  if (index != DRAMATIS_NO_INDEX)
    source.id = self->source_id;
  else
    {
      id = dramatis_story_make_id (self->story, DRAMATIS_ITEM_SOURCE, title);
      source.id = id;
    }
  source.title = title;
  source.publisher = publisher;
  source.url = url;
  source.license = license;
  source.text = text;

  if (index != DRAMATIS_NO_INDEX)
    done = dramatis_story_change_source (self->story, index, &source, &error);
  else
    done = dramatis_story_add_source (self->story, &source, &error) != DRAMATIS_NO_INDEX;

  if (!done)
    {
      /* The form checks what the model checks; this is what it missed. */
      show_message (self->text_message, error->message, TRUE);
      return;
    }

  gtk_window_destroy (GTK_WINDOW (self));
}

static GtkWidget *
create_message_label (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_set_margin_start (label, 6);
  gtk_widget_set_margin_end (label, 6);
  gtk_widget_set_visible (label, FALSE);

  return label;
}

static AdwEntryRow *
add_entry_row (DramatisSourceEditor *self,
               AdwPreferencesGroup  *group,
               const char           *name,
               const char           *title,
               const char           *text)
{
  GtkWidget *row = adw_entry_row_new ();

  gtk_widget_set_name (row, name);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (row), TRUE);
  if (text != NULL)
    gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_connect_object (row, "changed", G_CALLBACK (check_details), self, G_CONNECT_SWAPPED);
  adw_preferences_group_add (group, row);

  return ADW_ENTRY_ROW (row);
}

static void
build_form (DramatisSourceEditor *self,
            const DramatisSource *source)
{
  GtkWidget *box, *header, *cancel, *scroller, *clamp, *content, *group, *load, *frame, *text_scroller;
  g_autofree char *date = NULL;
  GtkTextBuffer *buffer;

  header = adw_header_bar_new ();
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);

  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);

  self->save_button = gtk_button_new_with_mnemonic (source != NULL ? _("_Save") : _("_Add"));
  gtk_widget_set_name (self->save_button, "save");
  gtk_widget_add_css_class (self->save_button, "suggested-action");
  g_signal_connect_object (self->save_button, "clicked", G_CALLBACK (on_save_clicked), self, G_CONNECT_SWAPPED);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->save_button);
  gtk_window_set_default_widget (GTK_WINDOW (self), self->save_button);

  content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_top (content, 24);
  gtk_widget_set_margin_bottom (content, 24);
  gtk_widget_set_margin_start (content, 12);
  gtk_widget_set_margin_end (content, 12);

  group = adw_preferences_group_new ();
  self->title_row = add_entry_row (self, ADW_PREFERENCES_GROUP (group), "title", _("Title"),
                                   source ? source->title : NULL);
  self->publisher_row = add_entry_row (self, ADW_PREFERENCES_GROUP (group), "publisher", _("Publisher"),
                                       source ? source->publisher : NULL);
  if (source != NULL && dramatis_date_is_set (&source->published))
    date = dramatis_date_to_iso8601 (&source->published);
  self->date_row = add_entry_row (self, ADW_PREFERENCES_GROUP (group), "published", _("Published"), date);
  self->url_row = add_entry_row (self, ADW_PREFERENCES_GROUP (group), "url", _("Web Address"),
                                 source ? source->url : NULL);
  adw_entry_row_set_input_purpose (self->url_row, GTK_INPUT_PURPOSE_URL);
  self->license_row = add_entry_row (self, ADW_PREFERENCES_GROUP (group), "license", _("Licence"),
                                     source ? source->license : NULL);
  gtk_box_append (GTK_BOX (content), group);

  self->details_message = GTK_LABEL (create_message_label ());
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->details_message));

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Text"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Paste the article, or load it from a text file."));
  load = gtk_button_new_with_mnemonic (_("_Load Text File…"));
  gtk_widget_set_name (load, "load");
  gtk_widget_add_css_class (load, "flat");
  gtk_widget_set_valign (load, GTK_ALIGN_CENTER);
  g_signal_connect_object (load, "clicked", G_CALLBACK (on_load_clicked), self, G_CONNECT_SWAPPED);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), load);
  gtk_widget_set_margin_top (group, 12);
  gtk_box_append (GTK_BOX (content), group);

  self->text_view = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_widget_set_name (GTK_WIDGET (self->text_view), "text");
  gtk_text_view_set_wrap_mode (self->text_view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (self->text_view, 12);
  gtk_text_view_set_bottom_margin (self->text_view, 12);
  gtk_text_view_set_left_margin (self->text_view, 12);
  gtk_text_view_set_right_margin (self->text_view, 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->text_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Text of the source"),
                                  -1);
  buffer = gtk_text_view_get_buffer (self->text_view);
  if (source != NULL && source->text != NULL)
    gtk_text_buffer_set_text (buffer, source->text, source->text_size);
  g_signal_connect_object (buffer, "changed", G_CALLBACK (on_text_changed), self, G_CONNECT_SWAPPED);

  text_scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (text_scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (text_scroller), 280);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (text_scroller), GTK_WIDGET (self->text_view));
  gtk_widget_set_vexpand (text_scroller, TRUE);

  /* What is wrong with the text goes above it: below a long article it
   * would be out of sight.
   */
  self->text_message = GTK_LABEL (create_message_label ());
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->text_message));

  frame = gtk_frame_new (NULL);
  gtk_widget_add_css_class (frame, "view");
  gtk_frame_set_child (GTK_FRAME (frame), text_scroller);
  gtk_box_append (GTK_BOX (content), frame);

  clamp = adw_clamp_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 720);
  adw_clamp_set_child (ADW_CLAMP (clamp), content);

  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  gtk_widget_set_vexpand (scroller, TRUE);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), scroller);
  adw_window_set_content (ADW_WINDOW (self), box);
}

static void
dramatis_source_editor_dispose (GObject *object)
{
  DramatisSourceEditor *self = DRAMATIS_SOURCE_EDITOR (object);

  g_clear_handle_id (&self->check_text_id, g_source_remove);
  g_cancellable_cancel (self->load_cancellable);

  G_OBJECT_CLASS (dramatis_source_editor_parent_class)->dispose (object);
}

static void
dramatis_source_editor_finalize (GObject *object)
{
  DramatisSourceEditor *self = DRAMATIS_SOURCE_EDITOR (object);

  g_clear_object (&self->load_cancellable);
  g_clear_object (&self->story);
  g_clear_pointer (&self->source_id, g_free);

  G_OBJECT_CLASS (dramatis_source_editor_parent_class)->finalize (object);
}

static void
dramatis_source_editor_class_init (DramatisSourceEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dramatis_source_editor_dispose;
  object_class->finalize = dramatis_source_editor_finalize;

  /* Escape cancels, as in every dialog. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
dramatis_source_editor_init (DramatisSourceEditor *self)
{
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 640, 720);
  self->text_ok = TRUE;
}

/**
 * dramatis_source_editor_open:
 * @parent: (nullable): the window the form belongs to
 * @story: the story to edit
 * @source: index of the source to change, or %DRAMATIS_NO_INDEX to add one
 *
 * Presents the form that adds a source to @story or changes one.  Add or
 * Save applies one edit, which the user can undo, and closes the form;
 * Cancel changes nothing.
 *
 * Returns: (transfer none): the form, a modal window
 */
GtkWindow *
dramatis_source_editor_open (GtkWindow     *parent,
                             DramatisStory *story,
                             guint          source)
{
  DramatisSourceEditor *self;
  const DramatisSource *item = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (DRAMATIS_IS_STORY (story), NULL);
  g_return_val_if_fail (source == DRAMATIS_NO_INDEX || source < dramatis_story_get_n_sources (story), NULL);

  self = g_object_new (DRAMATIS_TYPE_SOURCE_EDITOR, NULL);
  self->story = g_object_ref (story);
  if (source != DRAMATIS_NO_INDEX)
    {
      item = dramatis_story_get_source (story, source);
      self->source_id = g_strdup (item->id);
    }

  if (parent != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (self), parent);
  gtk_window_set_title (GTK_WINDOW (self), item != NULL ? _("Edit Source") : _("New Source"));

  build_form (self, item);
  check_details (self);
  check_text (self);

  g_signal_connect_object (story, "edited", G_CALLBACK (on_story_edited), self, G_CONNECT_SWAPPED);

  gtk_window_present (GTK_WINDOW (self));

  return GTK_WINDOW (self);
}
