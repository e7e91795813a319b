/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "dramatis-story"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "dramatis-story-edit.h"
#include "dramatis-story-ids.h"
#include "dramatis-text-source.h"

/* Plain text as the source of a story: an article pasted or saved as a
 * text file.  Passages point into the text by character, so the text is
 * checked and its line endings made one kind before anything points into
 * it; a later edit that changed them would move every passage.
 */

/* The UTF-8 byte order mark some editors write at the start. */
#define BOM "\xef\xbb\xbf"

/**
 * dramatis_text_from_bytes:
 * @bytes: what a file or the clipboard holds
 * @display_name: the file's name, for messages
 * @error: return location for a #GError
 *
 * Reads @bytes as the text of a source: UTF-8 with any line endings, which
 * become "\n", and without a byte order mark.  Anything with a zero byte
 * is taken for a binary file and refused, as is text in another encoding.
 *
 * Returns: (transfer full): the text, or %NULL with %G_IO_ERROR_INVALID_DATA,
 *   or %G_IO_ERROR_NO_SPACE for a text larger than %DRAMATIS_TEXT_MAX_SIZE
 */
char *
dramatis_text_from_bytes (GBytes      *bytes,
                          const char  *display_name,
                          GError     **error)
{
  gsize size;
  const char *data;
  const char *end;
  GString *text;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (bytes, &size);
  if ((gint64) size > DRAMATIS_TEXT_MAX_SIZE)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                   _("“%s” is too large for the text of a source"), display_name);
      return NULL;
    }
  if (size > 0 && memchr (data, '\0', size) != NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("“%s” is not a text file"), display_name);
      return NULL;
    }
  if (!g_utf8_validate_len (data, size, NULL))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("“%s” is not UTF-8 text; save it as UTF-8 and try again"), display_name);
      return NULL;
    }

  end = data + size;
  if (size >= strlen (BOM) && memcmp (data, BOM, strlen (BOM)) == 0)
    data += strlen (BOM);

  text = g_string_sized_new (end - data);
  for (const char *p = data; p < end; p++)
    if (*p != '\r')
      g_string_append_c (text, *p);
    else if (p + 1 == end || p[1] != '\n')
      g_string_append_c (text, '\n');

  return g_string_free (text, FALSE);
}

/**
 * dramatis_text_is_text_file:
 * @file: a file
 *
 * Returns: %TRUE if @file is named as a plain-text file, "article.txt"
 */
gboolean
dramatis_text_is_text_file (GFile *file)
{
  g_autofree char *basename = NULL;
  g_autofree char *lower = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  basename = g_file_get_basename (file);
  if (basename == NULL)
    return FALSE;

  lower = g_ascii_strdown (basename, -1);
  return g_str_has_suffix (lower, ".txt") || g_str_has_suffix (lower, ".text");
}

/**
 * dramatis_text_title_from_file:
 * @file: a text file
 *
 * Returns: (transfer full): a title for the source in @file: its name as
 *   shown to users, without ".txt"
 */
char *
dramatis_text_title_from_file (GFile *file)
{
  g_autofree char *basename = NULL;
  char *name;
  char *dot;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  basename = g_file_get_basename (file);
  name = g_filename_display_name (basename != NULL ? basename : "");
  dot = strrchr (name, '.');
  if (dot != NULL && dot != name &&
      (g_ascii_strcasecmp (dot, ".txt") == 0 || g_ascii_strcasecmp (dot, ".text") == 0))
    *dot = '\0';

  return name;
}

/**
 * dramatis_story_new_from_text:
 * @title: the title of the source, and of the story
 * @text: the source's text, as dramatis_text_from_bytes() gives it
 * @error: return location for a #GError
 *
 * Makes a new story whose only source is @text.  Adding the source is the
 * story's one step of history, so the story counts as modified: it has no
 * file yet.
 *
 * Returns: (transfer full): the story, or %NULL if the model refused the
 *   text
 */
DramatisStory *
dramatis_story_new_from_text (const char  *title,
                              const char  *text,
                              GError     **error)
{
  g_autoptr(DramatisStory) story = dramatis_story_new ();
  g_autofree char *id = NULL;
  DramatisSource source = { 0 };
  guint index;

  g_return_val_if_fail (title != NULL, NULL);
  g_return_val_if_fail (text != NULL, NULL);

  id = dramatis_story_make_id (story, DRAMATIS_ITEM_SOURCE, title);
  source.id = id;
  source.title = title;
  source.text = text;

  dramatis_story_begin_edit (story, _("Add Source"));
  dramatis_story_change_info (story, title, NULL, NULL);
  index = dramatis_story_add_source (story, &source, error);
  dramatis_story_end_edit (story);

  if (index == DRAMATIS_NO_INDEX)
    return NULL;

  return g_steal_pointer (&story);
}
