/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "dramatis-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "dramatis-date-row.h"

/* One date of reduced precision, as the story format has it: the row asks
 * first how much the source says (a year, a month, a day or a time of
 * day) and shows only those fields, so that it never makes up a day or a
 * month.  What it holds is read through dramatis_date_parse(), the parser
 * of the story's files, so that the row accepts exactly the dates a file
 * may hold.
 */

struct _DramatisDateRow
{
  AdwPreferencesRow  parent_instance;

  GtkLabel          *title;
  GtkDropDown       *precision;
  GtkWidget         *fields;
  GtkEditable       *year;
  GtkDropDown       *month;
  GtkEditable       *day;
  GtkEditable       *time;
  gboolean           setting;
};

G_DEFINE_FINAL_TYPE (DramatisDateRow, dramatis_date_row, ADW_TYPE_PREFERENCES_ROW)

enum
{
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update_visible (DramatisDateRow *self)
{
  DramatisDateChoice choice = gtk_drop_down_get_selected (self->precision);

  gtk_widget_set_visible (self->fields, choice != DRAMATIS_DATE_CHOICE_NONE);
  gtk_widget_set_visible (GTK_WIDGET (self->month), choice >= DRAMATIS_DATE_CHOICE_MONTH);
  gtk_widget_set_visible (GTK_WIDGET (self->day), choice >= DRAMATIS_DATE_CHOICE_DAY);
  gtk_widget_set_visible (GTK_WIDGET (self->time), choice == DRAMATIS_DATE_CHOICE_TIME);
}

static void
changed_cb (DramatisDateRow *self)
{
  update_visible (self);
  if (!self->setting)
    g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static GtkEditable *
add_entry (DramatisDateRow *self,
           GtkWidget       *box,
           const char      *label,
           const char      *placeholder,
           int              width_chars)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), width_chars);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (entry), width_chars);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_DIGITS);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_set_tooltip_text (entry, label);
  g_signal_connect_object (entry, "changed", G_CALLBACK (changed_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (box), entry);

  return GTK_EDITABLE (entry);
}

static void
dramatis_date_row_class_init (DramatisDateRowClass *klass)
{
  /**
   * DramatisDateRow::changed:
   *
   * The user changed the date, or its precision.
   */
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
dramatis_date_row_init (DramatisDateRow *self)
{
  const char *choices[] = {
    _("No Date"), _("Year"), _("Month"), _("Day"), _("Time of Day"), NULL,
  };
  char *months[13] = { NULL };
  GtkWidget *box, *header, *title, *fields, *time_box;

  for (guint i = 0; i < 12; i++)
    {
      g_autoptr(GDateTime) first = g_date_time_new_utc (2000, i + 1, 1, 0, 0, 0);

      /* The name of the month standing alone, as a heading has it. */
      months[i] = g_date_time_format (first, "%OB");
    }

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), FALSE);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);

  header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  title = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (title), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (title, TRUE);
  self->title = GTK_LABEL (title);
  gtk_box_append (GTK_BOX (header), title);
  self->precision = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (choices));
  gtk_widget_set_valign (GTK_WIDGET (self->precision), GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->precision), _("How much of the date the source gives"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->precision),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("How much of the date the source gives"), -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->precision),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, title, NULL, -1);
  gtk_box_append (GTK_BOX (header), GTK_WIDGET (self->precision));
  gtk_box_append (GTK_BOX (box), header);

  fields = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  self->fields = fields;
  {
    GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

    self->year = add_entry (self, line, _("Year"), _("Year"), 6);
    self->month = GTK_DROP_DOWN (gtk_drop_down_new_from_strings ((const char *const *) months));
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->month), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Month"), -1);
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->month), _("Month"));
    gtk_widget_set_hexpand (GTK_WIDGET (self->month), TRUE);
    gtk_box_append (GTK_BOX (line), GTK_WIDGET (self->month));
    self->day = add_entry (self, line, _("Day"), _("Day"), 3);
    gtk_box_append (GTK_BOX (fields), line);
  }
  time_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  /* Translators: an example of a time of day, shown in the empty field */
  self->time = add_entry (self, time_box, _("Time of Day"), _("14:05"), 12);
  gtk_entry_set_input_purpose (GTK_ENTRY (self->time), GTK_INPUT_PURPOSE_FREE_FORM);
  gtk_box_append (GTK_BOX (fields), time_box);
  gtk_box_append (GTK_BOX (box), fields);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self), box);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_RELATION_LABELLED_BY, title, NULL, -1);

  g_signal_connect_object (self->precision, "notify::selected", G_CALLBACK (changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->month, "notify::selected", G_CALLBACK (changed_cb), self,
                           G_CONNECT_SWAPPED);
  update_visible (self);

  for (guint i = 0; i < 12; i++)
    g_free (months[i]);
}

/**
 * dramatis_date_row_new:
 * @title: what the date is, as "Start"
 *
 * Returns: (transfer floating): a row for a date, with no date
 */
GtkWidget *
dramatis_date_row_new (const char *title)
{
  DramatisDateRow *self = g_object_new (DRAMATIS_TYPE_DATE_ROW, NULL);

  dramatis_date_row_set_title (self, title);
  return GTK_WIDGET (self);
}

void
dramatis_date_row_set_title (DramatisDateRow *self,
                             const char      *title)
{
  g_return_if_fail (DRAMATIS_IS_DATE_ROW (self));

  gtk_label_set_text (self->title, title);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
}

static DramatisDateChoice
choice_of_precision (guint precision)
{
  switch (precision)
    {
    case DRAMATIS_DATE_PRECISION_YEAR:
      return DRAMATIS_DATE_CHOICE_YEAR;
    case DRAMATIS_DATE_PRECISION_MONTH:
      return DRAMATIS_DATE_CHOICE_MONTH;
    case DRAMATIS_DATE_PRECISION_DAY:
      return DRAMATIS_DATE_CHOICE_DAY;
    case DRAMATIS_DATE_PRECISION_HOUR:
    case DRAMATIS_DATE_PRECISION_MINUTE:
    case DRAMATIS_DATE_PRECISION_SECOND:
      return DRAMATIS_DATE_CHOICE_TIME;
    default:
      return DRAMATIS_DATE_CHOICE_NONE;
    }
}

/**
 * dramatis_date_row_set_date:
 * @self: a date row
 * @date: the date to show; an unset date shows "No Date"
 *
 * Shows a date, without emitting #DramatisDateRow::changed.
 */
void
dramatis_date_row_set_date (DramatisDateRow    *self,
                            const DramatisDate *date)
{
  g_autofree char *iso = NULL;
  g_autofree char *year = NULL;
  g_autofree char *day = NULL;
  const char *time;

  g_return_if_fail (DRAMATIS_IS_DATE_ROW (self));
  g_return_if_fail (date != NULL);

  self->setting = TRUE;
  gtk_drop_down_set_selected (self->precision, choice_of_precision (date->precision));
  if (dramatis_date_is_set (date))
    {
      iso = dramatis_date_to_iso8601 (date);
      time = strchr (iso, 'T');
      year = g_strdup_printf ("%d", date->year);
      day = date->precision >= DRAMATIS_DATE_PRECISION_DAY ? g_strdup_printf ("%u", date->day) : NULL;
      gtk_editable_set_text (self->year, year);
      gtk_drop_down_set_selected (self->month, date->month > 0 ? date->month - 1u : 0);
      gtk_editable_set_text (self->day, day != NULL ? day : "");
      gtk_editable_set_text (self->time, time != NULL ? time + 1 : "");
    }
  self->setting = FALSE;
  update_visible (self);
}

static void
set_message (char       **message,
             const char  *text)
{
  if (message != NULL)
    *message = g_strdup (text);
}

static gboolean
read_number (const char *text,
             guint       max_digits,
             gboolean    sign,
             int        *value)
{
  const char *p = text;
  gboolean negative = FALSE;
  int v = 0;
  guint n = 0;

  if (sign && *p == '-')
    {
      negative = TRUE;
      p++;
    }
  for (; g_ascii_isdigit (*p) && n < max_digits; p++, n++)
    v = v * 10 + (*p - '0');

  if (n == 0 || *p != '\0')
    return FALSE;

  *value = negative ? -v : v;
  return TRUE;
}

/**
 * dramatis_date_row_get_date:
 * @self: a date row
 * @date: (out): the date the row holds, unset for "No Date"; no flags
 *   but the offset's
 * @message: (out) (optional) (transfer full): what is wrong, when the
 *   row holds no valid date
 *
 * Returns: whether the row holds a valid date, or no date
 */
gboolean
dramatis_date_row_get_date (DramatisDateRow  *self,
                            DramatisDate     *date,
                            char            **message)
{
  DramatisDateChoice choice;
  g_autofree char *year_text = NULL;
  g_autofree char *day_text = NULL;
  g_autofree char *time_text = NULL;
  g_autoptr(GString) iso = g_string_new (NULL);
  int year, day = 0;

  g_return_val_if_fail (DRAMATIS_IS_DATE_ROW (self), FALSE);
  g_return_val_if_fail (date != NULL, FALSE);

  *date = (DramatisDate) { 0 };
  choice = gtk_drop_down_get_selected (self->precision);
  if (choice == DRAMATIS_DATE_CHOICE_NONE)
    return TRUE;

  year_text = g_strstrip (g_strdup (gtk_editable_get_text (self->year)));
  day_text = g_strstrip (g_strdup (gtk_editable_get_text (self->day)));
  time_text = g_strstrip (g_strdup (gtk_editable_get_text (self->time)));

  if (*year_text == '\0')
    {
      set_message (message, _("Enter the year"));
      return FALSE;
    }
  if (!read_number (year_text, 4, TRUE, &year))
    {
      set_message (message, _("The year must be a number of up to four digits"));
      return FALSE;
    }

  if (year < 0)
    g_string_append_printf (iso, "-%04d", -year);
  else
    g_string_append_printf (iso, "%04d", year);
  if (choice >= DRAMATIS_DATE_CHOICE_MONTH)
    g_string_append_printf (iso, "-%02u", gtk_drop_down_get_selected (self->month) + 1);
  if (choice >= DRAMATIS_DATE_CHOICE_DAY)
    {
      if (*day_text == '\0')
        {
          set_message (message, _("Enter the day"));
          return FALSE;
        }
      if (!read_number (day_text, 2, FALSE, &day))
        {
          set_message (message, _("The day must be a number"));
          return FALSE;
        }
      g_string_append_printf (iso, "-%02d", day);
    }
  if (choice == DRAMATIS_DATE_CHOICE_TIME)
    {
      if (*time_text == '\0')
        {
          set_message (message, _("Enter the time of day"));
          return FALSE;
        }
      g_string_append_printf (iso, "T%s", time_text);
    }

  if (!dramatis_date_parse (iso->str, date, NULL))
    {
      /* Either the day is not one of that month, or the time is not one. */
      g_string_truncate (iso, strcspn (iso->str, "T"));
      if (!dramatis_date_parse (iso->str, date, NULL))
        set_message (message, _("There is no such day in that month"));
      else
        set_message (message, _("Write the time as 14:05, 14:05:30 or 14:05+09:00"));
      *date = (DramatisDate) { 0 };
      return FALSE;
    }

  return TRUE;
}

DramatisDateChoice
dramatis_date_row_get_choice (DramatisDateRow *self)
{
  g_return_val_if_fail (DRAMATIS_IS_DATE_ROW (self), DRAMATIS_DATE_CHOICE_NONE);

  return gtk_drop_down_get_selected (self->precision);
}

/* The user's choices, for the tests. */
void
dramatis_date_row_set_choice (DramatisDateRow    *self,
                              DramatisDateChoice  choice)
{
  g_return_if_fail (DRAMATIS_IS_DATE_ROW (self));
  g_return_if_fail (choice <= DRAMATIS_DATE_CHOICE_TIME);

  gtk_drop_down_set_selected (self->precision, choice);
}

/**
 * dramatis_date_row_set_fields:
 * @self: a date row
 * @year: (nullable): the year's text, or %NULL to leave it
 * @month: the month, 1 to 12, or 0 to leave it
 * @day: (nullable): the day's text
 * @time: (nullable): the time's text
 *
 * Types into the fields, as a user would.
 */
void
dramatis_date_row_set_fields (DramatisDateRow *self,
                              const char      *year,
                              guint            month,
                              const char      *day,
                              const char      *time)
{
  g_return_if_fail (DRAMATIS_IS_DATE_ROW (self));
  g_return_if_fail (month <= 12);

  if (year != NULL)
    gtk_editable_set_text (self->year, year);
  if (month > 0)
    gtk_drop_down_set_selected (self->month, month - 1);
  if (day != NULL)
    gtk_editable_set_text (self->day, day);
  if (time != NULL)
    gtk_editable_set_text (self->time, time);
}

/* Whether the field "year", "month", "day" or "time" shows. */
gboolean
dramatis_date_row_is_field_visible (DramatisDateRow *self,
                                    const char      *field)
{
  GtkWidget *widget;

  g_return_val_if_fail (DRAMATIS_IS_DATE_ROW (self), FALSE);

  if (g_str_equal (field, "year"))
    widget = GTK_WIDGET (self->year);
  else if (g_str_equal (field, "month"))
    widget = GTK_WIDGET (self->month);
  else if (g_str_equal (field, "day"))
    widget = GTK_WIDGET (self->day);
  else
    widget = GTK_WIDGET (self->time);

  return gtk_widget_is_visible (widget);
}
