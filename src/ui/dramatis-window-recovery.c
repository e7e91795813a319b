/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "dramatis-window"

#include "config.h"

#include <glib/gi18n.h>
#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>

#include "dramatis-window-private.h"
#include "dramatis-story-io.h"

/* Recovery copies: while a window's story has unsaved changes, a copy of
 * it is written in the background, a few seconds after the last change,
 * to the recovery folder under the user's data folder.  Each window has
 * a copy of its own, ID.dramatis.json, and beside it ID.origin, a key
 * file that names the file the story came from, if any.  Saving or
 * discarding the changes removes both.  After a crash, the next start
 * finds them and offers to restore each; a copy that cannot be read is
 * renamed ID.dramatis.json.bad, kept for the user and not offered again.
 */

#define RECOVERY_DELAY_MS 3000
#define STORY_SUFFIX ".dramatis.json"
#define ORIGIN_SUFFIX ".origin"
#define BAD_SUFFIX ".bad"
#define ORIGIN_GROUP "Recovery"

static guint recovery_delay_ms = RECOVERY_DELAY_MS;

/**
 * dramatis_window_set_recovery_delay:
 * @delay_ms: milliseconds
 *
 * Sets how long after the last change a window writes its recovery copy;
 * for tests.
 */
void
dramatis_window_set_recovery_delay (guint delay_ms)
{
  recovery_delay_ms = delay_ms;
}

/**
 * dramatis_window_get_recovery_dir:
 *
 * Returns: (transfer full): the folder recovery copies are written to
 */
char *
dramatis_window_get_recovery_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "dramatis", "recovery", NULL);
}

static GFile *
recovery_file (const char *id,
               const char *suffix)
{
  g_autofree char *dir = dramatis_window_get_recovery_dir ();
  g_autofree char *name = g_strconcat (id, suffix, NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);

  return g_file_new_for_path (path);
}

/**
 * dramatis_window_get_recovery_file:
 * @self: a window
 *
 * Returns: (transfer full) (nullable): the window's recovery copy, written
 *   or not yet, or %NULL if it never needed one
 */
GFile *
dramatis_window_get_recovery_file (DramatisWindow *self)
{
  g_return_val_if_fail (DRAMATIS_IS_WINDOW (self), NULL);

  if (self->recovery_id == NULL)
    return NULL;

  return recovery_file (self->recovery_id, STORY_SUFFIX);
}

static void
delete_file (GFile *file)
{
  g_autoptr(GError) error = NULL;

  if (!g_file_delete (file, NULL, &error) && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    g_warning ("Could not remove a recovery copy: %s", error->message);
}

/* At once, not in the background: the app may quit right after the
 * changes are discarded, and the copy must not outlive them.
 */
static void
delete_recovery_files (const char *id)
{
  g_autoptr(GFile) story = recovery_file (id, STORY_SUFFIX);
  g_autoptr(GFile) origin = recovery_file (id, ORIGIN_SUFFIX);

  delete_file (story);
  delete_file (origin);
}

/* Writing */

typedef struct
{
  DramatisWindow *self;
  DramatisStory  *story;
  char           *id;
} RecoveryWrite;

static void
recovery_write_free (RecoveryWrite *write)
{
  g_clear_object (&write->self);
  g_clear_object (&write->story);
  g_free (write->id);
  g_free (write);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RecoveryWrite, recovery_write_free)

/* Whether the copy written is no longer wanted: the changes were saved or
 * discarded, or another story replaced them, while it was written.
 */
static gboolean
recovery_write_is_stale (RecoveryWrite *write)
{
  return !write->self->modified || write->self->story != write->story ||
         g_strcmp0 (write->self->recovery_id, write->id) != 0;
}

static void
origin_written_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(RecoveryWrite) write = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    g_warning ("Could not write a recovery copy: %s", error->message);

  if (recovery_write_is_stale (write))
    delete_recovery_files (write->id);
}

/* The origin is written as the story is: to a file beside it, renamed
 * over it once complete.
 */
static void
write_origin_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  GBytes *bytes = task_data;
  const char *path = g_object_get_data (G_OBJECT (task), "path");
  g_autoptr(GError) error = NULL;
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  if (g_file_set_contents_full (path, data, length, G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static GBytes *
origin_bytes (DramatisWindow *self)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  char *data;
  gsize length;

  if (self->file != NULL)
    {
      g_autofree char *uri = g_file_get_uri (self->file);

      g_key_file_set_string (key_file, ORIGIN_GROUP, "File", uri);
      g_key_file_set_uint64 (key_file, ORIGIN_GROUP, "FileModified", self->file_mtime);
    }
  else
    g_key_file_set_boolean (key_file, ORIGIN_GROUP, "Builtin", TRUE);

  data = g_key_file_to_data (key_file, &length, NULL);
  return g_bytes_new_take (data, length);
}

static void
story_written_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(RecoveryWrite) write = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) origin = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GTask) task = NULL;

  dramatis_window_set_saving (write->self, FALSE);

  if (!dramatis_story_save_copy_finish (DRAMATIS_STORY (object), result, &error))
    {
      g_warning ("Could not write a recovery copy: %s", error->message);
      return;
    }

  if (recovery_write_is_stale (write))
    {
      delete_recovery_files (write->id);
      return;
    }

  origin = recovery_file (write->id, ORIGIN_SUFFIX);
  bytes = origin_bytes (write->self);
  task = g_task_new (NULL, NULL, origin_written_cb, g_steal_pointer (&write));
  g_task_set_source_tag (task, story_written_cb);
  g_task_set_task_data (task, g_steal_pointer (&bytes), (GDestroyNotify) g_bytes_unref);
  g_object_set_data_full (G_OBJECT (task), "path", g_file_get_path (origin), g_free);
  g_task_run_in_thread (task, write_origin_thread);
}

static gboolean
recovery_timeout_cb (gpointer user_data)
{
  DramatisWindow *self = user_data;
  g_autofree char *dir = dramatis_window_get_recovery_dir ();
  g_autoptr(GFile) file = NULL;
  RecoveryWrite *write;

  self->recovery_timeout_id = 0;

  if (!self->modified || self->story == NULL)
    return G_SOURCE_REMOVE;

  /* A save being written reads the story; try again after it. */
  if (self->n_saves > 0)
    {
      dramatis_window_schedule_recovery (self);
      return G_SOURCE_REMOVE;
    }

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_warning ("Could not create the recovery folder %s: %s", dir, g_strerror (saved_errno));
      return G_SOURCE_REMOVE;
    }

  if (self->recovery_id == NULL)
    self->recovery_id = g_uuid_string_random ();

  write = g_new0 (RecoveryWrite, 1);
  write->self = g_object_ref (self);
  write->story = g_object_ref (self->story);
  write->id = g_strdup (self->recovery_id);

  file = recovery_file (self->recovery_id, STORY_SUFFIX);
  dramatis_window_set_saving (self, TRUE);
  dramatis_story_save_copy_async (self->story, file, NULL, story_written_cb, write);

  return G_SOURCE_REMOVE;
}

/* Writes the recovery copy a while after the last change: each change
 * puts it off again.
 */
void
dramatis_window_schedule_recovery (DramatisWindow *self)
{
  g_clear_handle_id (&self->recovery_timeout_id, g_source_remove);
  self->recovery_timeout_id = g_timeout_add (recovery_delay_ms, recovery_timeout_cb, self);
}

/* The changes were saved or discarded: no copy is written, and the one
 * written goes.
 */
void
dramatis_window_remove_recovery (DramatisWindow *self)
{
  g_clear_handle_id (&self->recovery_timeout_id, g_source_remove);

  if (self->recovery_id != NULL)
    delete_recovery_files (self->recovery_id);
}

/* Restoring */

typedef struct
{
  DramatisWindow *self;
  GQueue          ids;          /* of the copies still to offer */
  char           *id;           /* the one loading or offered */
  GFile          *origin;
  guint64         origin_mtime;
  DramatisStory  *story;
} RecoveryOffer;

static void
recovery_offer_free (RecoveryOffer *offer)
{
  g_clear_object (&offer->self);
  g_queue_clear_full (&offer->ids, g_free);
  g_free (offer->id);
  g_clear_object (&offer->origin);
  g_clear_object (&offer->story);
  g_free (offer);
}

static void offer_next (RecoveryOffer *offer);

/* A copy that cannot be read is kept, under a name not offered again. */
static void
set_aside (RecoveryOffer *offer,
           const char    *message)
{
  g_autoptr(GFile) story = recovery_file (offer->id, STORY_SUFFIX);
  g_autoptr(GFile) origin = recovery_file (offer->id, ORIGIN_SUFFIX);
  g_autofree char *path = g_file_get_path (story);
  g_autofree char *bad_path = g_strconcat (path, BAD_SUFFIX, NULL);
  g_autofree char *text = NULL;

  /* If it cannot be renamed either, it stays where it is, and is offered
   * again at the next start.
   */
  if (g_rename (path, bad_path) != 0)
    {
      int saved_errno = errno;

      g_warning ("Could not rename %s: %s", path, g_strerror (saved_errno));
      g_free (bad_path);
      bad_path = g_strdup (path);
    }
  else
    delete_file (origin);

  /* Translators: the first %s is a file's path, the second why it could not be read */
  text = g_strdup_printf (_("The recovery copy could not be read, and is kept as %s.\n\n%s"), bad_path, message);
  dramatis_window_show_error (offer->self, _("Could Not Restore Unsaved Changes"), text);
}

static DramatisWindow *
restore_window (RecoveryOffer *offer)
{
  DramatisWindow *self = offer->self;
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

  /* The window's own story, or one it is opening, is not replaced. */
  if (self->open_cancellable == NULL && dramatis_window_can_replace_story (self))
    return self;

  return dramatis_window_new (DRAMATIS_APPLICATION (application));
}

static void
restore (RecoveryOffer *offer)
{
  DramatisWindow *window = restore_window (offer);

  dramatis_window_set_story (window, g_steal_pointer (&offer->story), offer->origin);
  window->file_mtime = offer->origin_mtime;

  /* The window takes the copy over: it is written again as the story
   * changes, and goes when the story is saved or its changes discarded.
   */
  g_free (window->recovery_id);
  window->recovery_id = g_strdup (offer->id);
  window->restored = TRUE;
  dramatis_window_sync_modified (window);

  gtk_window_present (GTK_WINDOW (window));
}

static void
offer_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   RecoveryOffer    *offer)
{
  if (g_strcmp0 (response, "restore") == 0)
    restore (offer);
  else if (g_strcmp0 (response, "discard") == 0)
    delete_recovery_files (offer->id);

  /* Closed without an answer, the copy stays for the next start. */
  offer_next (offer);
}

static void
ask (RecoveryOffer *offer)
{
  AdwMessageDialog *dialog;
  g_autofree char *body = NULL;

  if (offer->origin != NULL)
    {
      g_autofree char *basename = g_file_get_basename (offer->origin);
      g_autofree char *name = g_filename_display_name (basename);

      /* Translators: %s is a file name */
      body = g_strdup_printf (_("Dramatis closed before the changes to “%s” were saved. "
                                "Restore them, or discard them for good?"), name);
    }
  else
    {
      /* Translators: %s is a story's title */
      body = g_strdup_printf (_("Dramatis closed before the changes to the story “%s” were saved. "
                                "Restore them, or discard them for good?"),
                              dramatis_story_get_title (offer->story));
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (offer->self), _("Restore Unsaved Changes?"),
                                                       body));
  adw_message_dialog_add_responses (dialog, "discard", _("_Discard"), "restore", _("_Restore"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "restore", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "restore");
  adw_message_dialog_set_close_response (dialog, "close");
  g_signal_connect (dialog, "response", G_CALLBACK (offer_response_cb), offer);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
read_origin (RecoveryOffer *offer)
{
  g_autoptr(GFile) origin = recovery_file (offer->id, ORIGIN_SUFFIX);
  g_autofree char *path = g_file_get_path (origin);
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autofree char *uri = NULL;

  g_clear_object (&offer->origin);
  offer->origin_mtime = 0;

  /* Without it (the app died between the two files), the story is
   * restored as one never saved.
   */
  if (!g_key_file_load_from_file (key_file, path, G_KEY_FILE_NONE, NULL))
    return;

  uri = g_key_file_get_string (key_file, ORIGIN_GROUP, "File", NULL);
  if (uri != NULL)
    {
      offer->origin = g_file_new_for_uri (uri);
      offer->origin_mtime = g_key_file_get_uint64 (key_file, ORIGIN_GROUP, "FileModified", NULL);
    }
}

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  RecoveryOffer *offer = user_data;
  g_autoptr(GError) error = NULL;

  offer->story = dramatis_story_load_file_finish (result, &error);
  if (offer->story == NULL)
    {
      set_aside (offer, error->message);
      offer_next (offer);
      return;
    }

  read_origin (offer);
  ask (offer);
}

static void
offer_next (RecoveryOffer *offer)
{
  g_autoptr(GFile) file = NULL;

  g_clear_pointer (&offer->id, g_free);
  g_clear_object (&offer->story);

  offer->id = g_queue_pop_head (&offer->ids);
  if (offer->id == NULL)
    {
      recovery_offer_free (offer);
      return;
    }

  file = recovery_file (offer->id, STORY_SUFFIX);
  dramatis_story_load_file_async (file, NULL, NULL, NULL, NULL, loaded_cb, offer);
}

static int
compare_names (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  return strcmp (a, b);
}

/**
 * dramatis_window_offer_recovery:
 * @self: a window
 *
 * Offers to restore each recovery copy left by a window that closed
 * without its changes saved or discarded, one after the other, in dialogs
 * over @self.  A copy restored opens in @self if it can take it, else in a
 * new window.
 *
 * Returns: how many copies there are to offer
 */
guint
dramatis_window_offer_recovery (DramatisWindow *self)
{
  g_autofree char *path = dramatis_window_get_recovery_dir ();
  g_autoptr(GDir) dir = NULL;
  RecoveryOffer *offer;
  const char *name;
  guint n;

  g_return_val_if_fail (DRAMATIS_IS_WINDOW (self), 0);

  dir = g_dir_open (path, 0, NULL);
  if (dir == NULL)
    return 0;

  offer = g_new0 (RecoveryOffer, 1);
  offer->self = g_object_ref (self);
  g_queue_init (&offer->ids);

  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, STORY_SUFFIX))
      g_queue_insert_sorted (&offer->ids, g_strndup (name, strlen (name) - strlen (STORY_SUFFIX)),
                             compare_names, NULL);

  n = g_queue_get_length (&offer->ids);
  offer_next (offer);

  return n;
}
