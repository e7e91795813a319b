/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "dramatis-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "dramatis-editor-private.h"

/* The date of an item, in a group of its own: a single date or, for
 * events and relations, a period from a start to an end, and whether the
 * source hedges it (approximate) or leaves part of it to be worked out
 * (inferred).  The two flags belong to the whole date, as in the file.
 * Fields: "start", "period", "end", "approximate", "inferred".
 */

#define START_KEY "dramatis-date-start"
#define END_KEY   "dramatis-date-end"

static void
start_changed_cb (DramatisEditor *self)
{
  dramatis_editor_field_changed (self, "start");
}

static void
end_changed_cb (DramatisEditor *self)
{
  dramatis_editor_field_changed (self, "end");
}

/**
 * dramatis_editor_add_dates:
 * @self: an editor
 * @span: the item's date or period; a statement's has no end
 * @period: whether the item may have a period, not only a date
 *
 * Adds the group of the item's date.
 */
void
dramatis_editor_add_dates (DramatisEditor     *self,
                           const DramatisSpan *span,
                           gboolean            period)
{
  AdwPreferencesGroup *group = dramatis_editor_add_group (self, _("Date"));
  gboolean has_end = period && dramatis_date_is_set (&span->end);
  GtkWidget *start, *end;
  guint8 flags = span->start.flags;

  start = dramatis_date_row_new (has_end ? _("Start") : _("Date"));
  dramatis_date_row_set_date (DRAMATIS_DATE_ROW (start), &span->start);
  dramatis_editor_add_field (self, group, "start", start);
  g_signal_connect_object (start, "changed", G_CALLBACK (start_changed_cb), self, G_CONNECT_SWAPPED);
  g_object_set_data (G_OBJECT (self), START_KEY, start);

  if (period)
    {
      GtkWidget *period_switch = dramatis_editor_add_switch (self, group, "period", _("_Period"),
                                                             _("Ends at a later date"), has_end);


      end = dramatis_date_row_new (_("End"));
      dramatis_date_row_set_date (DRAMATIS_DATE_ROW (end), &span->end);
      gtk_widget_set_visible (end, has_end);
      dramatis_editor_add_field (self, group, "end", end);
      g_signal_connect_object (end, "changed", G_CALLBACK (end_changed_cb), self, G_CONNECT_SWAPPED);
      /* A period turned on asks for its end at once. */
      g_signal_connect_object (period_switch, "notify::active", G_CALLBACK (end_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_object_set_data (G_OBJECT (self), END_KEY, end);
    }

  dramatis_editor_add_switch (self, group, "approximate", _("Appro_ximate"),
                              _("The source hedges the date: “about”, “early October”"),
                              (flags & DRAMATIS_DATE_APPROXIMATE) != 0);
  dramatis_editor_add_switch (self, group, "inferred", _("_Inferred"),
                              _("Part of the date is worked out, not in the source"),
                              (flags & DRAMATIS_DATE_INFERRED) != 0);
}

/**
 * dramatis_editor_check_dates:
 * @self: an editor with dates
 * @span: (out): the date or period the rows hold, with its flags
 *
 * Says what is wrong with the dates, next to them, and shows the fields
 * that go with what is chosen.
 *
 * Returns: whether the dates are valid
 */
gboolean
dramatis_editor_check_dates (DramatisEditor *self,
                             DramatisSpan   *span)
{
  DramatisDateRow *start = g_object_get_data (G_OBJECT (self), START_KEY);
  DramatisDateRow *end = g_object_get_data (G_OBJECT (self), END_KEY);
  g_autofree char *start_message = NULL;
  g_autofree char *end_message = NULL;
  gboolean period = end != NULL && dramatis_editor_get_active (self, "period");
  gboolean valid, has_date;
  guint8 flags = 0;

  *span = (DramatisSpan) { 0 };
  valid = dramatis_date_row_get_date (start, &span->start, &start_message);

  if (end != NULL)
    {
      dramatis_date_row_set_title (start, period ? _("Start") : _("Date"));
      gtk_widget_set_visible (GTK_WIDGET (end), period);
    }

  if (period)
    {
      if (!dramatis_date_row_get_date (end, &span->end, &end_message))
        valid = FALSE;
      else if (dramatis_date_row_get_choice (start) == DRAMATIS_DATE_CHOICE_NONE)
        {
          g_clear_pointer (&start_message, g_free);
          start_message = g_strdup (_("A period needs a start"));
          valid = FALSE;
        }
      else if (!dramatis_date_is_set (&span->end))
        {
          end_message = g_strdup (_("Choose when the period ends, or turn the period off"));
          valid = FALSE;
        }
      else if (valid && (dramatis_date_get_end_second (&span->end) <
                         dramatis_date_get_first_second (&span->start) ||
                         dramatis_date_compare (&span->end, &span->start) < 0))
        {
          end_message = g_strdup (_("The period ends before it starts"));
          valid = FALSE;
        }
    }

  dramatis_editor_set_error (self, "start", start_message);
  if (end != NULL)
    dramatis_editor_set_error (self, "end", end_message);

  /* Flags belong to a date: with none, there is nothing to hedge. */
  has_date = dramatis_date_row_get_choice (start) != DRAMATIS_DATE_CHOICE_NONE;
  gtk_widget_set_sensitive (gtk_widget_get_ancestor (dramatis_editor_get_field (self, "approximate"),
                                                     GTK_TYPE_LIST_BOX_ROW), has_date);
  gtk_widget_set_sensitive (gtk_widget_get_ancestor (dramatis_editor_get_field (self, "inferred"),
                                                     GTK_TYPE_LIST_BOX_ROW), has_date);
  if (dramatis_date_is_set (&span->start))
    {
      if (dramatis_editor_get_active (self, "approximate"))
        flags |= DRAMATIS_DATE_APPROXIMATE;
      if (dramatis_editor_get_active (self, "inferred"))
        flags |= DRAMATIS_DATE_INFERRED;
    }
  span->start.flags |= flags;
  if (dramatis_date_is_set (&span->end))
    span->end.flags |= flags;

  return valid;
}

static gboolean
date_equal (const DramatisDate *a,
            const DramatisDate *b)
{
  return a->year == b->year && a->month == b->month && a->day == b->day && a->hour == b->hour &&
         a->minute == b->minute && a->second == b->second && a->precision == b->precision &&
         a->flags == b->flags && a->offset_minutes == b->offset_minutes;
}

/* Whether two spans are the same to the last field and flag. */
gboolean
dramatis_span_equal (const DramatisSpan *a,
                     const DramatisSpan *b)
{
  return date_equal (&a->start, &b->start) && date_equal (&a->end, &b->end);
}
