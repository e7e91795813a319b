/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "dramatis-file-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "dramatis-file-dialog.h"

/* Choosing a file to open or save, through the portal when there is one.
 * GTK 4.10 replaced GtkFileChooserNative with GtkFileDialog; both end in a
 * GTask here, so that callers read one result: the file, or
 * G_IO_ERROR_CANCELLED when the dialog was dismissed.
 *
 * The version floor pins GDK_VERSION_MAX_ALLOWED to 4.8, which marks
 * GtkFileDialog as unavailable; the 4.10 branch is compiled only against a
 * GTK that has it, so the warning says nothing there.
 */

#if GTK_CHECK_VERSION (4, 10, 0)

static void
file_dialog_done_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  GFile *file;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  if (GPOINTER_TO_INT (g_task_get_task_data (task)) == GTK_FILE_CHOOSER_ACTION_SAVE)
    file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (object), result, &error);
  else
    file = gtk_file_dialog_open_finish (GTK_FILE_DIALOG (object), result, &error);

  if (file != NULL)
    g_task_return_pointer (task, file, g_object_unref);
  else if (g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_DISMISSED) ||
           g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_CANCELLED))
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "%s", error->message);
  else
    g_task_return_error (task, g_steal_pointer (&error));
  G_GNUC_END_IGNORE_DEPRECATIONS
}

static void
run (GtkWindow            *parent,
     GtkFileChooserAction  action,
     const char           *title,
     const char           *accept_label,
     GtkFileFilter        *filter,
     GFile                *initial_file,
     const char           *initial_name,
     GTask                *task)
{
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();

  gtk_file_dialog_set_title (dialog, title);
  gtk_file_dialog_set_accept_label (dialog, accept_label);
  gtk_file_dialog_set_modal (dialog, TRUE);
  if (filter != NULL)
    {
      g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);

      g_list_store_append (filters, filter);
      gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
      gtk_file_dialog_set_default_filter (dialog, filter);
    }
  if (initial_file != NULL)
    gtk_file_dialog_set_initial_file (dialog, initial_file);
  else if (initial_name != NULL)
    gtk_file_dialog_set_initial_name (dialog, initial_name);

  if (action == GTK_FILE_CHOOSER_ACTION_SAVE)
    gtk_file_dialog_save (dialog, parent, NULL, file_dialog_done_cb, task);
  else
    gtk_file_dialog_open (dialog, parent, NULL, file_dialog_done_cb, task);
  G_GNUC_END_IGNORE_DEPRECATIONS
}

#else /* GTK 4.8 */

static void
native_response_cb (GtkNativeDialog *native,
                    int              response,
                    gpointer         user_data)
{
  g_autoptr(GTask) task = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    g_task_return_pointer (task, gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native)), g_object_unref);
  else
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "%s", _("No file was chosen"));

  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}

static void
run (GtkWindow            *parent,
     GtkFileChooserAction  action,
     const char           *title,
     const char           *accept_label,
     GtkFileFilter        *filter,
     GFile                *initial_file,
     const char           *initial_name,
     GTask                *task)
{
  GtkFileChooserNative *native;

  native = gtk_file_chooser_native_new (title, parent, action, accept_label, _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  if (filter != NULL)
    gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  if (initial_file != NULL)
    gtk_file_chooser_set_file (GTK_FILE_CHOOSER (native), initial_file, NULL);
  else if (initial_name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), initial_name);

  g_signal_connect (native, "response", G_CALLBACK (native_response_cb), task);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

#endif

static GTask *
new_task (GtkWindow            *parent,
          GtkFileChooserAction  action,
          GAsyncReadyCallback   callback,
          gpointer              user_data)
{
  GTask *task = g_task_new (parent, NULL, callback, user_data);

  g_task_set_source_tag (task, dramatis_file_dialog_finish);
  g_task_set_task_data (task, GINT_TO_POINTER (action), NULL);
  return task;
}

/**
 * dramatis_file_dialog_open:
 * @parent: the window the dialog belongs to
 * @title: the dialog's title
 * @accept_label: the label of its button
 * @filter: (transfer full) (nullable): the files to offer
 * @callback: called when a file was chosen or the dialog dismissed
 * @user_data: data for @callback
 *
 * Asks for a file to open.  Call dramatis_file_dialog_finish() in
 * @callback; its source object is @parent.
 */
void
dramatis_file_dialog_open (GtkWindow           *parent,
                           const char          *title,
                           const char          *accept_label,
                           GtkFileFilter       *filter,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GtkFileFilter) owned_filter = filter;

  g_return_if_fail (GTK_IS_WINDOW (parent));

  run (parent, GTK_FILE_CHOOSER_ACTION_OPEN, title, accept_label, filter, NULL, NULL,
       new_task (parent, GTK_FILE_CHOOSER_ACTION_OPEN, callback, user_data));
}

/**
 * dramatis_file_dialog_save:
 * @parent: the window the dialog belongs to
 * @title: the dialog's title
 * @accept_label: the label of its button
 * @filter: (transfer full) (nullable): the files to offer
 * @initial_file: (nullable): the file to propose, if there is one
 * @initial_name: (nullable): otherwise, the name to propose
 * @callback: called when a file was chosen or the dialog dismissed
 * @user_data: data for @callback
 *
 * Asks where to save.  Call dramatis_file_dialog_finish() in @callback; its
 * source object is @parent.
 */
void
dramatis_file_dialog_save (GtkWindow           *parent,
                           const char          *title,
                           const char          *accept_label,
                           GtkFileFilter       *filter,
                           GFile               *initial_file,
                           const char          *initial_name,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GtkFileFilter) owned_filter = filter;

  g_return_if_fail (GTK_IS_WINDOW (parent));

  run (parent, GTK_FILE_CHOOSER_ACTION_SAVE, title, accept_label, filter, initial_file, initial_name,
       new_task (parent, GTK_FILE_CHOOSER_ACTION_SAVE, callback, user_data));
}

/**
 * dramatis_file_dialog_finish:
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the chosen file, or %NULL with
 *   %G_IO_ERROR_CANCELLED if none was chosen, or another error
 */
GFile *
dramatis_file_dialog_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == dramatis_file_dialog_finish, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
