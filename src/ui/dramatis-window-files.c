/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "dramatis-window"

#include "config.h"

#include <glib/gi18n.h>

#include "dramatis-window-private.h"
#include "dramatis-file-dialog.h"
#include "dramatis-source-window.h"
#include "dramatis-story-io.h"
#include "dramatis-text-source.h"

/* The window's story files: opening one in the background, saving, the
 * list of recent files, and the question asked before unsaved changes
 * are lost.  A plain-text file opens as a new story whose only source is
 * its text, so that an article can be grounded from the start.
 */

#define MAX_RECENT_FILES 10

static guint64
query_mtime (GFile *file)
{
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_TIME_MODIFIED "," G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC,
                                                 G_FILE_QUERY_INFO_NONE, NULL, NULL);

  if (info == NULL)
    return 0;

  return g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED) * G_USEC_PER_SEC +
         g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC);
}

static void
remember_recent (DramatisWindow *self,
                 GFile          *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  g_auto(GStrv) recent = g_settings_get_strv (self->settings, "recent-files");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) updated = NULL;
  guint n = 1;

  g_strv_builder_add (builder, uri);
  for (guint i = 0; recent[i] != NULL && n < MAX_RECENT_FILES; i++)
    if (g_strcmp0 (recent[i], uri) != 0)
      {
        g_strv_builder_add (builder, recent[i]);
        n++;
      }

  updated = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "recent-files", (const char * const *) updated);
  gtk_recent_manager_add_item (gtk_recent_manager_get_default (), uri);
}

void
dramatis_window_update_recent_menu (DramatisWindow *self)
{
  g_auto(GStrv) recent = g_settings_get_strv (self->settings, "recent-files");

  g_menu_remove_all (self->recent_menu);
  for (guint i = 0; recent[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_uri (recent[i]);
      g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *name = g_filename_display_name (basename);
  g_autofree char *markup = g_markup_escape_text (name, -1);
      g_autoptr(GMenuItem) item = g_menu_item_new (name, NULL);

      g_menu_item_set_action_and_target (item, "win.open-recent", "s", recent[i]);
      g_menu_append_item (self->recent_menu, item);
    }
}

static void
open_finished_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(DramatisWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_object_ref (dramatis_story_load_file_get_file (result));
  DramatisStory *story;

  story = dramatis_story_load_file_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      /* Another file may be loading already; the window showed the
       * story again when it cancelled this one.
       */
      return;
    }

  g_clear_object (&self->open_cancellable);

  if (story == NULL)
    {
      /* Whatever was open stays open. */
      dramatis_window_show_story_page (self);
      dramatis_window_show_error (self, _("Could Not Open the Story"), error->message);
      return;
    }

  dramatis_window_set_story (self, story, file);
  self->file_mtime = query_mtime (file);
  remember_recent (self, file);
}

static void
open_progress_cb (double   fraction,
                  gpointer user_data)
{
  DramatisWindow *self = user_data;

  gtk_progress_bar_set_fraction (self->loading_progress, fraction);
}

static void
text_loaded_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(DramatisWindow) self = user_data;
  GFile *file = G_FILE (object);
  g_autoptr(GError) error = NULL;
  g_autoptr(DramatisStory) story = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *text = NULL;
  g_autofree char *name = g_file_get_parse_name (file);
  g_autofree char *title = dramatis_text_title_from_file (file);
  g_autofree char *uri = g_file_get_uri (file);
  gsize size;

  if (!g_file_load_contents_finish (file, result, &contents, &size, NULL, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
    }
  else
    {
      g_autoptr(GBytes) bytes = g_bytes_new_take (g_steal_pointer (&contents), size);

      text = dramatis_text_from_bytes (bytes, name, &error);
      if (text != NULL)
        story = dramatis_story_new_from_text (title, text, &error);
    }

  g_clear_object (&self->open_cancellable);

  if (story == NULL)
    {
      dramatis_window_show_story_page (self);
      dramatis_window_show_error (self, _("Could Not Open the Text"), error->message);
      return;
    }

  /* The story has no file yet: the text file is its source, not where it
   * is saved.  The source window opens on the text, where grounding
   * starts.
   */
  dramatis_window_set_story (self, g_steal_pointer (&story), NULL);
  self->new_story = TRUE;
  dramatis_window_set_modified (self, TRUE);
  dramatis_window_update_title (self);
  gtk_recent_manager_add_item (gtk_recent_manager_get_default (), uri);
  dramatis_source_window_show (GTK_WINDOW (self), self->story, NULL);
}

static void
open_story_file (DramatisWindow *self,
                 GFile          *file)
{
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *name = g_filename_display_name (basename);
  g_autofree char *markup = g_markup_escape_text (name, -1);

  g_cancellable_cancel (self->open_cancellable);
  g_clear_object (&self->open_cancellable);
  self->open_cancellable = g_cancellable_new ();

  /* The description is markup, and a file name may be any bytes. */
  adw_status_page_set_description (self->loading_page, markup);
  gtk_progress_bar_set_fraction (self->loading_progress, 0.0);
  gtk_stack_set_visible_child_name (self->main_stack, "loading");

  if (dramatis_text_is_text_file (file))
    {
      g_file_load_contents_async (file, self->open_cancellable, text_loaded_cb, g_object_ref (self));
      return;
    }

  dramatis_story_load_file_async (file, self->open_cancellable,
                                  open_progress_cb, g_object_ref (self), g_object_unref,
                                  open_finished_cb, g_object_ref (self));
}

/**
 * dramatis_window_open_file:
 * @self: a window
 * @file: a story file
 *
 * Opens @file in the background; the story shown so far stays until it
 * has loaded, and stays if it fails to.
 */
void
dramatis_window_open_file (DramatisWindow *self,
                           GFile          *file)
{
  g_return_if_fail (DRAMATIS_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->modified && dramatis_window_confirm_discard (self, file))
    return;

  open_story_file (self, file);
}

/**
 * dramatis_window_open_builtin:
 * @self: a window
 *
 * Shows the story Dramatis ships with.
 */
void
dramatis_window_open_builtin (DramatisWindow *self)
{
  g_autoptr(GError) error = NULL;
  DramatisStory *story;

  g_return_if_fail (DRAMATIS_IS_WINDOW (self));

  story = dramatis_story_load_builtin (&error);
  if (story == NULL)
    {
      dramatis_window_show_error (self, _("Could Not Open the Built-in Story"), error->message);
      return;
    }

  /* A file still loading would replace the story asked for last. */
  g_cancellable_cancel (self->open_cancellable);
  g_clear_object (&self->open_cancellable);

  dramatis_window_set_story (self, story, NULL);
}

/**
 * dramatis_window_new_story:
 * @self: a window
 *
 * Shows a new story, with nothing in it, that has no file yet.
 */
void
dramatis_window_new_story (DramatisWindow *self)
{
  g_return_if_fail (DRAMATIS_IS_WINDOW (self));

  /* A file still loading would replace the story asked for last. */
  g_cancellable_cancel (self->open_cancellable);
  g_clear_object (&self->open_cancellable);

  dramatis_window_set_story (self, dramatis_story_new (), NULL);
  self->new_story = TRUE;
  dramatis_window_update_title (self);
}

gboolean
dramatis_window_can_replace_story (DramatisWindow *self)
{
  g_return_val_if_fail (DRAMATIS_IS_WINDOW (self), FALSE);

  return self->scene == NULL || (self->file == NULL && !self->modified);
}

/* Saving */

typedef struct
{
  DramatisWindow *self;
  DramatisStory  *story;
  GFile          *file;
  gboolean        close_after;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_clear_object (&data->self);
  g_clear_object (&data->story);
  g_clear_object (&data->file);
  g_free (data);
}

/* A story is saved in a worker thread, and must not change meanwhile. */
void
dramatis_window_set_saving (DramatisWindow *self,
                            gboolean        saving)
{
  if (saving)
    self->n_saves++;
  else
    self->n_saves--;

  dramatis_network_canvas_set_editable (self->network_canvas, self->n_saves == 0);
  dramatis_window_update_edit_actions (self);
}

static void
save_finished_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  SaveData *data = user_data;
  DramatisWindow *self = data->self;
  g_autoptr(GError) error = NULL;

  dramatis_window_set_saving (self, FALSE);

  if (!dramatis_story_save_file_finish (DRAMATIS_STORY (object), result, &error))
    {
      g_clear_object (&self->open_after_save);
      dramatis_window_show_error (self, _("Could Not Save the Story"), error->message);
      save_data_free (data);
      return;
    }

  remember_recent (self, data->file);
  dramatis_window_show_toast (self, _("Story saved"));

  /* Another story opened meanwhile (its question answered with Discard)
   * is not the one in the file.
   */
  if (self->story != data->story)
    {
      save_data_free (data);
      return;
    }

  g_set_object (&self->file, data->file);
  self->file_mtime = query_mtime (data->file);
  self->restored = FALSE;
  dramatis_window_sync_modified (self);
  dramatis_window_update_title (self);

  if (self->open_after_save != NULL)
    {
      g_autoptr(GFile) next = g_steal_pointer (&self->open_after_save);

      open_story_file (self, next);
    }
  else if (data->close_after)
    {
      self->close_confirmed = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }

  save_data_free (data);
}

static void
save_to (DramatisWindow *self,
         GFile          *file,
         gboolean        close_after)
{
  SaveData *data = g_new0 (SaveData, 1);

  data->self = g_object_ref (self);
  data->story = g_object_ref (self->story);
  data->file = g_object_ref (file);
  data->close_after = close_after;

  dramatis_window_set_saving (self, TRUE);
  dramatis_story_save_file_async (self->story, file, NULL, save_finished_cb, data);
}

static void
overwrite_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       DramatisWindow   *self)
{
  gboolean close_after = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "close-after"));

  if (g_strcmp0 (response, "overwrite") == 0)
    save_to (self, self->file, close_after);
  else
    g_clear_object (&self->open_after_save);
}

static void save_as (DramatisWindow *self,
                     gboolean        close_after);

/* A file changed by something else since it was opened is not silently
 * overwritten.
 */
static void
save (DramatisWindow *self,
      gboolean        close_after)
{
  AdwMessageDialog *dialog;

  if (self->file == NULL)
    {
      save_as (self, close_after);
      return;
    }

  if (self->file_mtime == 0 || query_mtime (self->file) == self->file_mtime)
    {
      save_to (self, self->file, close_after);
      return;
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("The File Has Changed on Disk"),
                                                       _("Something else changed the story file since it was "
                                                         "opened. Saving replaces those changes.")));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "overwrite", _("_Save Anyway"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "overwrite", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  g_object_set_data (G_OBJECT (dialog), "close-after", GINT_TO_POINTER (close_after));
  g_signal_connect_object (dialog, "response", G_CALLBACK (overwrite_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
save_as_chosen_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  DramatisWindow *self = DRAMATIS_WINDOW (object);
  gboolean close_after = GPOINTER_TO_INT (user_data);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  file = dramatis_file_dialog_finish (result, &error);
  if (file != NULL)
    {
      save_to (self, file, close_after);
      return;
    }

  g_clear_object (&self->open_after_save);
  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    dramatis_window_show_error (self, _("Could Not Save the Story"), error->message);
}

static GtkFileFilter *
story_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Stories"));
  gtk_file_filter_add_mime_type (filter, "application/x-dramatis-story+json");
  gtk_file_filter_add_pattern (filter, "*.dramatis.json");
  gtk_file_filter_add_mime_type (filter, "application/json");

  return filter;
}

/* What Open offers: stories, and articles as plain text to start one. */
static GtkFileFilter *
open_filter (void)
{
  GtkFileFilter *filter = story_filter ();

  gtk_file_filter_set_name (filter, _("Stories and Plain Text"));
  gtk_file_filter_add_mime_type (filter, "text/plain");
  gtk_file_filter_add_pattern (filter, "*.txt");

  return filter;
}

static void
save_as (DramatisWindow *self,
         gboolean        close_after)
{
  g_autofree char *title = dramatis_scene_dup_title (self->scene);
  g_autofree char *name = g_strdup_printf ("%s.dramatis.json", title);

  dramatis_file_dialog_save (GTK_WINDOW (self), _("Save Story"), _("_Save"), story_filter (),
                             self->file, g_strdelimit (name, "/", '-'),
                             save_as_chosen_cb, GINT_TO_POINTER (close_after));
}

/* Unsaved changes */

static void
discard_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     DramatisWindow   *self)
{
  GFile *then_open = g_object_get_data (G_OBJECT (dialog), "then-open");

  if (g_strcmp0 (response, "save") == 0)
    {
      g_set_object (&self->open_after_save, then_open);
      save (self, then_open == NULL);
      return;
    }

  if (g_strcmp0 (response, "discard") != 0)
    return;

  dramatis_window_set_modified (self, FALSE);
  if (then_open != NULL)
    open_story_file (self, then_open);
  else
    {
      self->close_confirmed = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }
}

/* Asks before unsaved changes are lost: returns TRUE if it asked, and the
 * answer then opens @then_open, or closes the window when it is %NULL.
 */
gboolean
dramatis_window_confirm_discard (DramatisWindow *self,
                                 GFile          *then_open)
{
  AdwMessageDialog *dialog;

  if (!self->modified)
    return FALSE;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Save Changes?"),
                                                       _("The story has changes, such as actors moved by hand, "
                                                         "that are not saved.")));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "discard", _("_Discard"),
                                    "save", _("_Save"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");
  if (then_open != NULL)
    g_object_set_data_full (G_OBJECT (dialog), "then-open", g_object_ref (then_open), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (discard_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));

  return TRUE;
}

/* Actions */

static void
open_chosen_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  DramatisWindow *self = DRAMATIS_WINDOW (object);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  file = dramatis_file_dialog_finish (result, &error);
  if (file != NULL)
    dramatis_window_open_file (self, file);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    dramatis_window_show_error (self, _("Could Not Open the Story"), error->message);
}

void
dramatis_window_open_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  dramatis_file_dialog_open (GTK_WINDOW (widget), _("Open Story"), _("_Open"), open_filter (),
                             open_chosen_cb, NULL);
}

void
dramatis_window_open_recent_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  dramatis_window_open_file (DRAMATIS_WINDOW (widget), file);
}

void
dramatis_window_open_builtin_action (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *parameter)
{
  DramatisWindow *self = DRAMATIS_WINDOW (widget);

  if (self->modified)
    {
      dramatis_window_show_error (self, _("The Story Has Unsaved Changes"),
                                  _("Save the story, or open the built-in story in a new window."));
      return;
    }

  dramatis_window_open_builtin (self);
}

/* In this window if it can give up its story, else in a new one. */
void
dramatis_window_new_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  DramatisWindow *self = DRAMATIS_WINDOW (widget);
  DramatisWindow *window = self;

  if (self->open_cancellable != NULL || !dramatis_window_can_replace_story (self))
    window = dramatis_window_new (DRAMATIS_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));

  dramatis_window_new_story (window);
  gtk_window_present (GTK_WINDOW (window));
}

void
dramatis_window_cancel_open_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter)
{
  DramatisWindow *self = DRAMATIS_WINDOW (widget);

  /* The story shown before stays; the worker's result is dropped. */
  g_cancellable_cancel (self->open_cancellable);
  g_clear_object (&self->open_cancellable);
  dramatis_window_show_story_page (self);
}

void
dramatis_window_save_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  save (DRAMATIS_WINDOW (widget), FALSE);
}

void
dramatis_window_save_as_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  save_as (DRAMATIS_WINDOW (widget), FALSE);
}
