/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "dramatis-story-loader"

#include "config.h"

#include <errno.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/stat.h>

#include "dramatis-json-scan.h"
#include "dramatis-story-io.h"
#include "dramatis-story-load-progress-private.h"
#include "dramatis-story-loader-private.h"
#include "dramatis-story-private.h"

/* The story file is parsed by json-glib into a tree, and the tree is turned
 * into the story's flat arrays.  Each top-level array is walked from its end
 * and every element is dropped from the tree once it is read, so the tree
 * shrinks while the story grows and the peak memory stays close to that of
 * the tree alone.
 *
 * Problems inside items do not stop the load: they are collected with the
 * path of the value ("events[3].start_date"), and the path is turned into a
 * line and column at the end, by a second look at the text, only when there
 * is something to report.
 *
 * This file reads the bytes, from memory, a file (in a worker thread for
 * the asynchronous load) or the built-in story, and turns a failure into a
 * GError with its line and column.  The rest of the load has a file for
 * each step: the document's version and top-level arrays in
 * dramatis-story-load-document.c, the items in dramatis-story-load-items.c,
 * their passages in dramatis-story-load-evidence.c, their dates in
 * dramatis-story-load-dates.c, plain values in dramatis-story-load-values.c,
 * the problems found on the way in dramatis-story-load-problems.c and the
 * progress reports in dramatis-story-load-progress.c; they share the
 * loader's state through dramatis-story-loader-private.h.
 */

G_DEFINE_QUARK (dramatis-story-error-quark, dramatis_story_error)

/* Files are read in pieces this large, to tell how far reading has got. */
#define READ_CHUNK_SIZE (1024 * 1024)

static void
set_error_at (GError     **error,
              int          code,
              const char  *display_name,
              const char  *data,
              gsize        length,
              gsize        offset,
              const char  *message)
{
  guint line, column;

  dramatis_json_offset_to_line (data, length, offset, &line, &column);
  g_set_error (error, DRAMATIS_STORY_ERROR, code, "%s:%u:%u: %s", display_name, line, column, message);
}

/* The core of loading: see dramatis_story_load_bytes().  Reports parsing
 * and building to @progress, if there is one, and gives up after parsing if
 * @cancellable was cancelled.
 */
static DramatisStory *
load_bytes (GBytes        *bytes,
            const char    *display_name,
            LoadProgress  *progress,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(DramatisStory) story = NULL;
  g_autoptr(GError) parse_error = NULL;
  Loader loader = { NULL };
  Fatal fatal = { NULL, NULL, 0 };
  ParseProgress parse = { progress, 0, 0 };
  const char *data;
  gsize length, offset, start;
  gboolean ok;

  data = g_bytes_get_data (bytes, &length);

  /* A byte order mark is allowed before UTF-8 JSON, and means nothing. */
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;
    }

  for (start = 0; start < length && g_ascii_isspace (data[start]); start++)
    ;
  if (start == length)
    {
      g_set_error (error, DRAMATIS_STORY_ERROR, DRAMATIS_STORY_ERROR_SYNTAX,
                   _("%s: the file is empty"), display_name);
      return NULL;
    }

  switch (dramatis_json_scan (data, length, &offset, &parse.total))
    {
    case DRAMATIS_JSON_SCAN_NUL:
      set_error_at (error, DRAMATIS_STORY_ERROR_SYNTAX, display_name, data, length, offset,
                    _("the file contains a NUL byte, so it is not a text file"));
      return NULL;

    case DRAMATIS_JSON_SCAN_TOO_DEEP:
      {
        g_autofree char *message = g_strdup_printf (_("arrays and objects are nested more than %d deep"),
                                                    DRAMATIS_JSON_MAX_DEPTH);

        set_error_at (error, DRAMATIS_STORY_ERROR_SYNTAX, display_name, data, length, offset, message);
        return NULL;
      }

    case DRAMATIS_JSON_SCAN_TRAILING:
      set_error_at (error, DRAMATIS_STORY_ERROR_SYNTAX, display_name, data, length, offset,
                    _("there is more text after the end of the story"));
      return NULL;

    case DRAMATIS_JSON_SCAN_OK:
    default:
      break;
    }

  parser = json_parser_new ();
  if (progress != NULL && parse.total > 0)
    g_signal_connect (parser, "object-end",
                      G_CALLBACK (dramatis_load_progress_parse_object_end_cb), &parse);

  if (!json_parser_load_from_data (parser, data, length, &parse_error))
    {
      const char *message = parse_error->message;
      const char *invalid;

      /* json-glib does not say where text stops being UTF-8. */
      if (!g_utf8_validate (data, length, &invalid))
        {
          set_error_at (error, DRAMATIS_STORY_ERROR_SYNTAX, display_name, data, length, invalid - data,
                        _("the text is not in UTF-8, the only encoding a story may use"));
          return NULL;
        }

      /* json-glib names the text "<data>"; name the file instead. */
      if (g_str_has_prefix (message, "<data>:"))
        g_set_error (error, DRAMATIS_STORY_ERROR, DRAMATIS_STORY_ERROR_SYNTAX,
                     "%s:%s", display_name, message + strlen ("<data>:"));
      else
        g_set_error (error, DRAMATIS_STORY_ERROR, DRAMATIS_STORY_ERROR_SYNTAX,
                     "%s: %s", display_name, message);
      return NULL;
    }

  /* The parser cannot be stopped halfway; what it built is dropped here. */
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  dramatis_load_progress_report (progress, PROGRESS_PARSE_END);

  root = json_parser_steal_root (parser);
  story = g_object_new (DRAMATIS_TYPE_STORY, NULL);
  loader.story = story;

  ok = dramatis_loader_read_story (&loader, root, &fatal);
  g_clear_pointer (&loader.actor_file_index, g_free);
  g_clear_pointer (&loader.file_index, g_free);
  g_clear_pointer (&loader.problem_order, g_array_unref);

  if (!ok)
    {
      g_autoptr(DramatisJsonLocator) locator = dramatis_json_locator_new (data, length);
      guint line, column;

      dramatis_json_locator_find (locator, fatal.path, &line, &column);
      g_set_error (error, DRAMATIS_STORY_ERROR, fatal.code, "%s:%u:%u: %s",
                   display_name, line, column, fatal.message);
      g_free (fatal.path);
      g_free (fatal.message);
      return NULL;
    }

  g_clear_pointer (&root, json_node_unref);
  dramatis_story_build_indexes (story);

  if (story->problems->len > 0)
    dramatis_loader_locate_problems (story, data, length);

  if (loader.n_problems > MAX_PROBLEMS)
    dramatis_story_add_problem (story, g_strdup (""),
                                g_strdup_printf (ngettext ("%'u more problem is not listed",
                                                           "%'u more problems are not listed",
                                                           loader.n_problems - MAX_PROBLEMS),
                                                 loader.n_problems - MAX_PROBLEMS));

  dramatis_load_progress_report (progress, 1.0);

  return g_steal_pointer (&story);
}

/**
 * dramatis_story_load_bytes:
 * @bytes: the text of a story file
 * @display_name: the name of the file, for messages
 * @error: return location for a #GError
 *
 * Reads a story.  Problems that leave no story to show (text that is not
 * JSON, JSON that is not a story, an unknown major version) fail with
 * %DRAMATIS_STORY_ERROR, in a message that starts with
 * `display_name:line:column:`.  Problems inside items load the rest and are
 * kept as the story's problems (dramatis_story_get_problems()).
 *
 * Returns: (transfer full): the story, or %NULL on error
 */
DramatisStory *
dramatis_story_load_bytes (GBytes      *bytes,
                           const char  *display_name,
                           GError     **error)
{
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return load_bytes (bytes, display_name, NULL, NULL, error);
}

/* Reads the whole of @stream into memory, reporting how much of @expected
 * bytes it has read.  Refuses more than DRAMATIS_STORY_MAX_FILE_SIZE, since
 * the file may have grown since it was measured.
 */
static GBytes *
read_all (GInputStream  *stream,
          const char    *name,
          goffset        expected,
          LoadProgress  *progress,
          GCancellable  *cancellable,
          GError       **error)
{
  g_autofree char *buffer = NULL;
  gsize capacity = (gsize) MAX (expected, 0) + 1;
  gsize length = 0;

  buffer = g_malloc (capacity);

  for (;;)
    {
      gssize n;

      /* The buffer has room for the expected size and a byte more, so that
       * the read that finds the end needs no more; a file that grew gets
       * room as it goes.
       */
      if (length == capacity)
        {
          capacity = MIN (capacity * 2, (gsize) DRAMATIS_STORY_MAX_FILE_SIZE + 1);
          capacity = MAX (capacity, length + READ_CHUNK_SIZE);
          buffer = g_realloc (buffer, capacity);
        }

      n = g_input_stream_read (stream, buffer + length, MIN (READ_CHUNK_SIZE, capacity - length),
                               cancellable, error);
      if (n < 0)
        {
          g_prefix_error (error, "%s: ", name);
          return NULL;
        }
      if (n == 0)
        break;

      length += n;
      if (length > DRAMATIS_STORY_MAX_FILE_SIZE)
        {
          g_autofree char *limit = g_format_size (DRAMATIS_STORY_MAX_FILE_SIZE);

          g_set_error (error, DRAMATIS_STORY_ERROR, DRAMATIS_STORY_ERROR_TOO_LARGE,
                       _("%s: the file is larger than the %s a story may be"), name, limit);
          return NULL;
        }

      if (expected > 0)
        dramatis_load_progress_report (progress, PROGRESS_READ_END * MIN (1.0, (double) length / expected));
    }

  return g_bytes_new_take (g_steal_pointer (&buffer), length);
}

static DramatisStory *
load_file (GFile         *file,
           LoadProgress  *progress,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;

  name = g_file_get_parse_name (file);

  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    {
      g_autofree char *path = g_file_get_path (file);
      struct stat st;

      /* GIO's message names the file again: say just why, once. */
      if (path != NULL && stat (path, &st) != 0)
        {
          int saved_errno = errno;

          g_clear_error (error);
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       "%s: %s", name, g_strerror (saved_errno));
        }
      else
        g_prefix_error (error, "%s: ", name);
      return NULL;
    }

  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, DRAMATIS_STORY_ERROR, DRAMATIS_STORY_ERROR_NOT_REGULAR,
                   _("%s: this is a folder, not a story file"), name);
      return NULL;
    }

  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, DRAMATIS_STORY_ERROR, DRAMATIS_STORY_ERROR_NOT_REGULAR,
                   _("%s: this is not a regular file"), name);
      return NULL;
    }

  if (g_file_info_get_size (info) > DRAMATIS_STORY_MAX_FILE_SIZE)
    {
      g_autofree char *size = g_format_size (g_file_info_get_size (info));
      g_autofree char *limit = g_format_size (DRAMATIS_STORY_MAX_FILE_SIZE);

      g_set_error (error, DRAMATIS_STORY_ERROR, DRAMATIS_STORY_ERROR_TOO_LARGE,
                   _("%s: the file is %s, larger than the %s a story may be"), name, size, limit);
      return NULL;
    }

  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    {
      g_prefix_error (error, "%s: ", name);
      return NULL;
    }

  bytes = read_all (G_INPUT_STREAM (stream), name, g_file_info_get_size (info),
                    progress, cancellable, error);
  if (bytes == NULL)
    return NULL;

  g_input_stream_close (G_INPUT_STREAM (stream), NULL, NULL);

  return load_bytes (bytes, name, progress, cancellable, error);
}

/**
 * dramatis_story_load_file:
 * @file: a story file
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Reads a story file, refusing anything but a regular file of at most
 * %DRAMATIS_STORY_MAX_FILE_SIZE bytes.  Every error message names the file.
 * This is the synchronous core for tools and tests; the window uses
 * dramatis_story_load_file_async().
 *
 * Returns: (transfer full): the story, or %NULL on error
 */
DramatisStory *
dramatis_story_load_file (GFile         *file,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return load_file (file, NULL, cancellable, error);
}

typedef struct
{
  GFile        *file;
  LoadProgress *progress;
} LoadTaskData;

static void
load_task_data_free (gpointer data)
{
  LoadTaskData *task_data = data;

  g_object_unref (task_data->file);
  g_clear_pointer (&task_data->progress, dramatis_load_progress_release);
  g_free (task_data);
}

static void
load_file_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  LoadTaskData *data = task_data;
  g_autoptr(GError) error = NULL;
  DramatisStory *story;

  story = load_file (data->file, data->progress, cancellable, &error);
  if (story == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, story, g_object_unref);
}

/**
 * dramatis_story_load_file_async:
 * @file: a story file
 * @cancellable: (nullable): a #GCancellable
 * @progress_callback: (nullable) (scope notified): called with the fraction
 *   of the load done so far
 * @progress_data: (closure progress_callback): data for @progress_callback
 * @progress_data_free: (destroy progress_data): frees @progress_data
 * @callback: called when the story is loaded
 * @user_data: data for @callback
 *
 * Loads a story in a worker thread, so that a large file does not block the
 * main loop.  @progress_callback, if given, is called in the thread-default
 * main context of the caller, with fractions from 0 to 1 that measure
 * reading, parsing and building the story; it is not called once
 * @cancellable is cancelled.  @progress_data_free is called in the same main
 * context when no more reports can come, which may be after @callback.
 */
void
dramatis_story_load_file_async (GFile                    *file,
                                GCancellable             *cancellable,
                                DramatisLoadProgressFunc  progress_callback,
                                gpointer                  progress_data,
                                GDestroyNotify            progress_data_free,
                                GAsyncReadyCallback       callback,
                                gpointer                  user_data)
{
  g_autoptr(GTask) task = NULL;
  LoadTaskData *data;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  data = g_new0 (LoadTaskData, 1);
  data->file = g_object_ref (file);
  if (progress_callback != NULL)
    {
      data->progress = g_atomic_rc_box_new0 (LoadProgress);
      data->progress->context = g_main_context_ref_thread_default ();
      data->progress->cancellable = cancellable ? g_object_ref (cancellable) : NULL;
      data->progress->func = progress_callback;
      data->progress->data = progress_data;
      data->progress->data_free = progress_data_free;
    }
  else if (progress_data_free != NULL)
    {
      progress_data_free (progress_data);
    }

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, dramatis_story_load_file_async);
  g_task_set_task_data (task, data, load_task_data_free);
  g_task_run_in_thread (task, load_file_thread);
}

/**
 * dramatis_story_load_file_get_file:
 * @result: the result passed to the callback of
 *   dramatis_story_load_file_async()
 *
 * Returns: (transfer none): the file being loaded
 */
GFile *
dramatis_story_load_file_get_file (GAsyncResult *result)
{
  LoadTaskData *data;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  data = g_task_get_task_data (G_TASK (result));
  return data->file;
}

/**
 * dramatis_story_load_file_finish:
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the story, or %NULL on error
 */
DramatisStory *
dramatis_story_load_file_finish (GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == dramatis_story_load_file_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * dramatis_story_load_builtin:
 * @error: return location for a #GError
 *
 * Loads the story Dramatis ships with: a VOA report on the UN Security
 * Council meeting about North Korean troops in Russia.
 *
 * Returns: (transfer full): the built-in story, or %NULL on error
 */
DramatisStory *
dramatis_story_load_builtin (GError **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  bytes = g_resources_lookup_data (DRAMATIS_BUILTIN_STORY_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;

  return dramatis_story_load_bytes (bytes, _("built-in story"), error);
}
