/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "dramatis-timeline"

#include "config.h"

#include <string.h>

#include "dramatis-timeline-private.h"

/* How wide the timeline's text is: labels, lane names and axis ticks are
 * measured when the timeline is made, word by word; after an edit, the
 * labels and names that changed are measured with the words measured
 * before.
 */

void
dramatis_timeline_measurer_init (Measurer                   *m,
                                 PangoContext               *context,
                                 const PangoFontDescription *font)
{
  PangoRectangle logical;

  m->layout = pango_layout_new (context);
  pango_layout_set_font_description (m->layout, font);
  m->words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  m->scratch = g_string_new (NULL);
  pango_layout_set_text (m->layout, " ", 1);
  pango_layout_get_extents (m->layout, NULL, &logical);
  m->space = logical.width;
}

void
dramatis_timeline_measurer_clear (Measurer *m)
{
  g_clear_object (&m->layout);
  g_clear_pointer (&m->words, g_hash_table_unref);
  if (m->scratch != NULL)
    g_string_free (g_steal_pointer (&m->scratch), TRUE);
}

static int
measure_word (Measurer   *m,
              const char *word,
              gsize       length)
{
  gpointer value;
  PangoRectangle logical;

  g_string_truncate (m->scratch, 0);
  g_string_append_len (m->scratch, word, length);

  /* Widths are stored plus one, so that an empty word is not a miss. */
  value = g_hash_table_lookup (m->words, m->scratch->str);
  if (value != NULL)
    return GPOINTER_TO_INT (value) - 1;

  pango_layout_set_text (m->layout, word, length);
  pango_layout_get_extents (m->layout, NULL, &logical);
  g_hash_table_insert (m->words, g_strdup (m->scratch->str), GINT_TO_POINTER (logical.width + 1));

  return logical.width;
}

double
dramatis_timeline_measure_text (Measurer   *m,
                                const char *text)
{
  const char *p = text;
  gint64 width = 0;

  for (;;)
    {
      const char *space = strchr (p, ' ');
      gsize length = space != NULL ? (gsize) (space - p) : strlen (p);

      width += measure_word (m, p, length);
      if (space == NULL)
        break;
      width += m->space;
      p = space + 1;
    }

  return (double) width / PANGO_SCALE;
}
