/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "dramatis-json-scan"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "dramatis-json-scan.h"

/* json-glib parses the whole document into a tree and tells where a syntax
 * error is, but its tree forgets where each value came from.  This file
 * finds places in valid JSON text again, so that a problem found in the tree
 * ("events[3].start_date") can name its line and column.  It runs only when
 * there is a problem to report, except for dramatis_json_scan(), which
 * guards the parser against input it would crash on.
 */

struct _DramatisJsonLocator
{
  const char *data;
  gsize       length;
  gsize       root;
  /* Top-level member name → GArray of the offsets of its elements. */
  GHashTable *element_offsets;
};

#define NOT_FOUND G_MAXSIZE

static inline gboolean
is_ws (char c)
{
  return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

/* Returns the offset after the closing quote of the string at @offset. */
static gsize
skip_string (const char *data,
             gsize       length,
             gsize       offset)
{
  gsize i = offset + 1;

  g_assert (data[offset] == '"');

  while (i < length)
    {
      const char *quote = memchr (data + i, '"', length - i);
      gsize backslashes = 0;
      gsize q;

      if (quote == NULL)
        return length;

      q = quote - data;
      while (q - backslashes > offset + 1 && data[q - backslashes - 1] == '\\')
        backslashes++;

      if (backslashes % 2 == 0)
        return q + 1;

      i = q + 1;
    }

  return length;
}

/**
 * dramatis_json_scan:
 * @data: JSON text
 * @length: its length in bytes
 * @offset: (out): where the problem is, if there is one
 * @n_objects: (out) (optional): the number of objects in @data
 *
 * Checks what json-glib does not, before it parses: NUL bytes, nesting
 * deep enough to exhaust its stack, and text after the top-level value.
 * Counts the objects on the way, which measures the parser's progress.
 *
 * Returns: what was found
 */
DramatisJsonScanResult
dramatis_json_scan (const char *data,
                    gsize       length,
                    gsize      *offset,
                    gsize      *n_objects)
{
  const char *nul;
  gsize objects = 0;
  guint depth = 0;
  gboolean root_done = FALSE;
  gsize i = 0;

  g_return_val_if_fail (data != NULL || length == 0, DRAMATIS_JSON_SCAN_OK);
  g_return_val_if_fail (offset != NULL, DRAMATIS_JSON_SCAN_OK);

  if (n_objects != NULL)
    *n_objects = 0;

  nul = memchr (data, '\0', length);
  if (nul != NULL)
    {
      *offset = nul - data;
      return DRAMATIS_JSON_SCAN_NUL;
    }

  while (i < length)
    {
      char c = data[i];

      if (c == '"')
        {
          if (depth == 0 && root_done)
            break;
          i = skip_string (data, length, i);
          root_done |= depth == 0;
          continue;
        }

      if (c == '[' || c == '{')
        {
          if (depth == 0 && root_done)
            break;
          objects += c == '{';
          if (++depth > DRAMATIS_JSON_MAX_DEPTH)
            {
              *offset = i;
              return DRAMATIS_JSON_SCAN_TOO_DEEP;
            }
        }
      else if (c == ']' || c == '}')
        {
          if (depth > 0 && --depth == 0)
            root_done = TRUE;
        }
      else if (depth == 0 && !is_ws (c))
        {
          /* A scalar at the top level: json-glib parses it, and the story
           * loader refuses anything but an object.
           */
          if (root_done)
            break;
          while (i + 1 < length && !is_ws (data[i + 1]) && data[i + 1] != '"' &&
                 data[i + 1] != '[' && data[i + 1] != '{')
            i++;
          root_done = TRUE;
        }

      i++;
    }

  if (n_objects != NULL)
    *n_objects = objects;

  if (i < length)
    {
      *offset = i;
      return DRAMATIS_JSON_SCAN_TRAILING;
    }

  return DRAMATIS_JSON_SCAN_OK;
}

/**
 * dramatis_json_offset_to_line:
 * @data: text
 * @length: its length in bytes
 * @offset: a byte offset in @data
 * @line: (out): the line of @offset, from 1
 * @column: (out): the column of @offset in characters, from 1
 *
 * Turns a byte offset into the line and column an editor shows.
 */
void
dramatis_json_offset_to_line (const char *data,
                              gsize       length,
                              gsize       offset,
                              guint      *line,
                              guint      *column)
{
  const char *p = data;
  const char *end = data + MIN (offset, length);
  const char *line_start = data;
  guint n_lines = 1;

  g_return_if_fail (line != NULL && column != NULL);

  while (p < end)
    {
      const char *nl = memchr (p, '\n', end - p);

      if (nl == NULL)
        break;
      n_lines++;
      line_start = p = nl + 1;
    }

  *line = n_lines;
  *column = 1;
  for (p = line_start; p < end; p++)
    if (((guchar) *p & 0xC0) != 0x80)
      (*column)++;
}

static gsize
skip_ws (const char *data,
         gsize       length,
         gsize       offset)
{
  while (offset < length && is_ws (data[offset]))
    offset++;
  return offset;
}

/* Returns the offset after the value at @offset. */
static gsize
skip_value (const char *data,
            gsize       length,
            gsize       offset)
{
  guint depth = 0;

  if (offset >= length)
    return length;

  if (data[offset] == '"')
    return skip_string (data, length, offset);

  if (data[offset] != '[' && data[offset] != '{')
    {
      while (offset < length && !is_ws (data[offset]) &&
             data[offset] != ',' && data[offset] != ']' && data[offset] != '}')
        offset++;
      return offset;
    }

  while (offset < length)
    {
      char c = data[offset];

      if (c == '"')
        {
          offset = skip_string (data, length, offset);
          continue;
        }
      if (c == '[' || c == '{')
        depth++;
      else if ((c == ']' || c == '}') && --depth == 0)
        return offset + 1;
      offset++;
    }

  return length;
}

/* Calls @func for each element of the array at @offset, with its offset,
 * until @func returns FALSE.
 */
static void
foreach_element (const char *data,
                 gsize       length,
                 gsize       offset,
                 gboolean  (*func) (gsize offset, gpointer user_data),
                 gpointer    user_data)
{
  g_assert (data[offset] == '[');

  offset = skip_ws (data, length, offset + 1);
  while (offset < length && data[offset] != ']')
    {
      if (!func (offset, user_data))
        return;
      offset = skip_ws (data, length, skip_value (data, length, offset));
      if (offset < length && data[offset] == ',')
        offset = skip_ws (data, length, offset + 1);
    }
}

static gsize
find_member (const char *data,
             gsize       length,
             gsize       offset,
             const char *name,
             gsize       name_len)
{
  if (offset >= length || data[offset] != '{')
    return NOT_FOUND;

  offset = skip_ws (data, length, offset + 1);
  while (offset < length && data[offset] == '"')
    {
      gsize key_end = skip_string (data, length, offset);
      gboolean match = key_end - offset - 2 == name_len &&
                       memcmp (data + offset + 1, name, name_len) == 0;

      offset = skip_ws (data, length, key_end);
      if (offset < length && data[offset] == ':')
        offset = skip_ws (data, length, offset + 1);
      if (match)
        return offset;

      offset = skip_ws (data, length, skip_value (data, length, offset));
      if (offset < length && data[offset] == ',')
        offset = skip_ws (data, length, offset + 1);
    }

  return NOT_FOUND;
}

typedef struct
{
  guint n;
  gsize found;
} NthElement;

static gboolean
find_nth_cb (gsize    offset,
             gpointer user_data)
{
  NthElement *nth = user_data;

  if (nth->n-- == 0)
    {
      nth->found = offset;
      return FALSE;
    }
  return TRUE;
}

static gboolean
collect_offset_cb (gsize    offset,
                   gpointer user_data)
{
  g_array_append_val ((GArray *) user_data, offset);
  return TRUE;
}

DramatisJsonLocator *
dramatis_json_locator_new (const char *data,
                           gsize       length)
{
  DramatisJsonLocator *self;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  self = g_new0 (DramatisJsonLocator, 1);
  self->data = data;
  self->length = length;
  self->root = skip_ws (data, length, 0);
  self->element_offsets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                 (GDestroyNotify) g_array_unref);

  return self;
}

void
dramatis_json_locator_free (DramatisJsonLocator *self)
{
  g_clear_pointer (&self->element_offsets, g_hash_table_unref);
  g_free (self);
}

/* The elements of the big top-level arrays are found through an index made
 * on first use, so that many problems in a large file cost one pass.
 */
static gsize
find_top_level_element (DramatisJsonLocator *self,
                        const char          *name,
                        gsize                array_offset,
                        guint                n)
{
  GArray *offsets = g_hash_table_lookup (self->element_offsets, name);

  if (offsets == NULL)
    {
      offsets = g_array_new (FALSE, FALSE, sizeof (gsize));
      foreach_element (self->data, self->length, array_offset, collect_offset_cb, offsets);
      g_hash_table_insert (self->element_offsets, g_strdup (name), offsets);
    }

  return n < offsets->len ? g_array_index (offsets, gsize, n) : NOT_FOUND;
}

/**
 * dramatis_json_locator_find:
 * @self: a locator over valid JSON
 * @path: a path such as `events[3].participants[0].actor_id`
 * @line: (out): the line of the value @path names, from 1
 * @column: (out): its column, from 1
 *
 * Finds the value at @path, or the deepest part of @path that exists.
 *
 * Returns: %TRUE if the whole path was found
 */
gboolean
dramatis_json_locator_find (DramatisJsonLocator *self,
                            const char          *path,
                            guint               *line,
                            guint               *column)
{
  const char *p = path;
  gsize offset = self->root;
  gboolean complete = TRUE;
  g_autofree char *top_level_name = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  while (*p != '\0')
    {
      gsize found;

      if (*p == '[')
        {
          char *end;
          guint64 n = g_ascii_strtoull (p + 1, &end, 10);

          if (*end != ']' || offset >= self->length || self->data[offset] != '[')
            {
              complete = FALSE;
              break;
            }

          if (top_level_name != NULL)
            found = find_top_level_element (self, top_level_name, offset, n);
          else
            {
              NthElement nth = { n, NOT_FOUND };

              foreach_element (self->data, self->length, offset, find_nth_cb, &nth);
              found = nth.found;
            }
          g_clear_pointer (&top_level_name, g_free);
          p = end + 1;
        }
      else
        {
          gsize len;

          if (*p == '.')
            p++;
          len = strcspn (p, ".[");
          found = find_member (self->data, self->length, offset, p, len);
          if (offset == self->root && found != NOT_FOUND)
            top_level_name = g_strndup (p, len);
          else
            g_clear_pointer (&top_level_name, g_free);
          p += len;
        }

      if (found == NOT_FOUND)
        {
          complete = FALSE;
          break;
        }
      offset = found;
    }

  dramatis_json_offset_to_line (self->data, self->length, offset, line, column);

  return complete;
}
