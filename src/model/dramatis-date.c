/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "dramatis-date"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "dramatis-date.h"

G_DEFINE_QUARK (dramatis-date-error-quark, dramatis_date_error)

#define SECONDS_PER_DAY G_GINT64_CONSTANT (86400)

static gboolean
is_leap_year (int year)
{
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

static int
days_in_month (int year,
               int month)
{
  static const guint8 days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

  g_assert (month >= 1 && month <= 12);

  if (month == 2 && is_leap_year (year))
    return 29;
  return days[month - 1];
}

/**
 * dramatis_days_from_civil:
 * @year: a year, astronomical numbering
 * @month: 1 to 12
 * @day: 1 to 31
 *
 * Days from 1970-01-01 to a proleptic Gregorian date, for any year (the era
 * arithmetic of Howard Hinnant's "chrono-compatible low-level date
 * algorithms").
 *
 * Returns: the number of days, negative before 1970
 */
gint64
dramatis_days_from_civil (gint64 year,
                          int    month,
                          int    day)
{
  gint64 era;
  gint64 yoe, doy, doe;

  year -= month <= 2;
  era = (year >= 0 ? year : year - 399) / 400;
  yoe = year - era * 400;
  doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

  return era * 146097 + doe - 719468;
}

/**
 * dramatis_civil_from_days:
 * @days: days since 1970-01-01
 * @year: (out): the year
 * @month: (out): the month, 1 to 12
 * @day: (out): the day of the month
 *
 * The inverse of dramatis_days_from_civil().
 */
void
dramatis_civil_from_days (gint64  days,
                          gint64 *year,
                          int    *month,
                          int    *day)
{
  gint64 era, doe, yoe, doy, mp;

  days += 719468;
  era = (days >= 0 ? days : days - 146096) / 146097;
  doe = days - era * 146097;
  yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  mp = (5 * doy + 2) / 153;
  *day = doy - (153 * mp + 2) / 5 + 1;
  *month = mp < 10 ? mp + 3 : mp - 9;
  *year = yoe + era * 400 + (*month <= 2);
}

static gboolean
read_digits (const char **p,
             guint        n_digits,
             int         *value)
{
  int v = 0;

  for (guint i = 0; i < n_digits; i++)
    {
      if (!g_ascii_isdigit ((*p)[i]))
        return FALSE;
      v = v * 10 + ((*p)[i] - '0');
    }

  *p += n_digits;
  *value = v;
  return TRUE;
}

static gboolean
set_invalid (GError     **error,
             const char  *text,
             const char  *reason)
{
  g_set_error (error, DRAMATIS_DATE_ERROR, DRAMATIS_DATE_ERROR_INVALID,
               /* Translators: the first %s is a date as written in a file, the second says what is wrong with it */
               _("“%s” is not a valid date: %s"), text, reason);
  return FALSE;
}

/**
 * dramatis_date_parse:
 * @text: an ISO 8601 date of reduced precision, such as `2024`, `2024-10`,
 *   `2024-10-30`, `2024-10-30T14:05` or `2024-10-30T14:05:00+09:00`
 * @date: (out): where to store the date
 * @error: return location for a #GError
 *
 * Parses a calendar date as the story format writes it.  Years have four
 * digits with an optional minus sign.  The flags of @date are cleared except
 * %DRAMATIS_DATE_HAS_OFFSET.
 *
 * Returns: %TRUE if @text is a valid date
 */
gboolean
dramatis_date_parse (const char    *text,
                     DramatisDate  *date,
                     GError       **error)
{
  DramatisDate d = { 0 };
  const char *p = text;
  gboolean negative = FALSE;
  int value;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (date != NULL, FALSE);

  if (*p == '-')
    {
      negative = TRUE;
      p++;
    }

  if (!read_digits (&p, 4, &value))
    return set_invalid (error, text, _("a date starts with a four-digit year"));
  d.year = negative ? -value : value;
  d.precision = DRAMATIS_DATE_PRECISION_YEAR;

  if (*p == '-')
    {
      p++;
      if (!read_digits (&p, 2, &value) || value < 1 || value > 12)
        return set_invalid (error, text, _("the month must be 01 to 12"));
      d.month = value;
      d.precision = DRAMATIS_DATE_PRECISION_MONTH;

      if (*p == '-')
        {
          p++;
          if (!read_digits (&p, 2, &value) || value < 1 || value > days_in_month (d.year, d.month))
            return set_invalid (error, text, _("there is no such day in that month"));
          d.day = value;
          d.precision = DRAMATIS_DATE_PRECISION_DAY;
        }
    }

  if (*p == 'T')
    {
      if (d.precision != DRAMATIS_DATE_PRECISION_DAY)
        return set_invalid (error, text, _("a time of day needs a full date before it"));
      p++;
      if (!read_digits (&p, 2, &value) || value > 23)
        return set_invalid (error, text, _("the hour must be 00 to 23"));
      d.hour = value;
      d.precision = DRAMATIS_DATE_PRECISION_HOUR;

      if (*p == ':')
        {
          p++;
          if (!read_digits (&p, 2, &value) || value > 59)
            return set_invalid (error, text, _("the minutes must be 00 to 59"));
          d.minute = value;
          d.precision = DRAMATIS_DATE_PRECISION_MINUTE;

          if (*p == ':')
            {
              p++;
              if (!read_digits (&p, 2, &value) || value > 59)
                return set_invalid (error, text, _("the seconds must be 00 to 59"));
              d.second = value;
              d.precision = DRAMATIS_DATE_PRECISION_SECOND;
            }
        }

      if (*p == 'Z')
        {
          p++;
          d.flags |= DRAMATIS_DATE_HAS_OFFSET;
        }
      else if (*p == '+' || *p == '-')
        {
          int sign = *p == '-' ? -1 : 1;
          int hours, minutes;

          p++;
          if (!read_digits (&p, 2, &hours) || hours > 14 || *p++ != ':' ||
              !read_digits (&p, 2, &minutes) || minutes > 59)
            return set_invalid (error, text, _("the UTC offset must look like +09:00"));
          d.offset_minutes = sign * (hours * 60 + minutes);
          d.flags |= DRAMATIS_DATE_HAS_OFFSET;
        }
    }

  if (*p != '\0')
    return set_invalid (error, text, _("unexpected text after the date"));

  *date = d;
  return TRUE;
}

/**
 * dramatis_date_to_iso8601:
 * @date: a set date
 *
 * Writes @date back in the form dramatis_date_parse() reads, at its own
 * precision.  The approximate and inferred flags are not part of the text.
 *
 * Returns: (transfer full): the date as text
 */
char *
dramatis_date_to_iso8601 (const DramatisDate *date)
{
  GString *str;

  g_return_val_if_fail (date != NULL, NULL);
  g_return_val_if_fail (dramatis_date_is_set (date), NULL);

  str = g_string_new (NULL);
  if (date->year < 0)
    g_string_append_printf (str, "-%04d", -date->year);
  else
    g_string_append_printf (str, "%04d", date->year);

  if (date->precision >= DRAMATIS_DATE_PRECISION_MONTH)
    g_string_append_printf (str, "-%02u", date->month);
  if (date->precision >= DRAMATIS_DATE_PRECISION_DAY)
    g_string_append_printf (str, "-%02u", date->day);
  if (date->precision >= DRAMATIS_DATE_PRECISION_HOUR)
    g_string_append_printf (str, "T%02u", date->hour);
  if (date->precision >= DRAMATIS_DATE_PRECISION_MINUTE)
    g_string_append_printf (str, ":%02u", date->minute);
  if (date->precision >= DRAMATIS_DATE_PRECISION_SECOND)
    g_string_append_printf (str, ":%02u", date->second);

  if (date->precision >= DRAMATIS_DATE_PRECISION_HOUR && (date->flags & DRAMATIS_DATE_HAS_OFFSET))
    {
      int offset = ABS (date->offset_minutes);

      if (date->offset_minutes == 0)
        g_string_append_c (str, 'Z');
      else
        g_string_append_printf (str, "%c%02d:%02d",
                                date->offset_minutes < 0 ? '-' : '+',
                                offset / 60, offset % 60);
    }

  return g_string_free (str, FALSE);
}

/**
 * dramatis_date_format:
 * @date: a set date
 *
 * Formats @date for people, in the user's locale, showing only what the
 * date holds: "October 2024" for a month, never a made-up first day.
 *
 * Returns: (transfer full): the formatted date
 */
char *
dramatis_date_format (const DramatisDate *date)
{
  g_autoptr(GDateTime) dt = NULL;
  g_autoptr(GTimeZone) tz = NULL;
  g_autofree char *text = NULL;
  const char *format;

  g_return_val_if_fail (date != NULL, NULL);
  g_return_val_if_fail (dramatis_date_is_set (date), NULL);

  if (date->precision == DRAMATIS_DATE_PRECISION_YEAR || date->year < 1)
    {
      if (date->year < 1)
        /* Translators: a year before the common era; %d is a positive number */
        text = g_strdup_printf (_("%d BCE"), 1 - date->year);
      else
        text = g_strdup_printf ("%d", date->year);
    }
  else
    {
      if (date->flags & DRAMATIS_DATE_HAS_OFFSET)
        tz = g_time_zone_new_offset (date->offset_minutes * 60);
      else
        tz = g_time_zone_new_utc ();

      dt = g_date_time_new (tz, date->year,
                            date->month,
                            MAX (date->day, 1),
                            date->hour, date->minute, date->second);

      switch ((DramatisDatePrecision) date->precision)
        {
        case DRAMATIS_DATE_PRECISION_MONTH:
          /* Translators: a date known to the month, see g_date_time_format() */
          format = C_("date format", "%B %Y");
          break;

        case DRAMATIS_DATE_PRECISION_DAY:
          /* Translators: a date known to the day, see g_date_time_format() */
          format = C_("date format", "%B %-d, %Y");
          break;

        case DRAMATIS_DATE_PRECISION_HOUR:
        case DRAMATIS_DATE_PRECISION_MINUTE:
          /* Translators: a date with a time of day, see g_date_time_format() */
          format = C_("date format", "%B %-d, %Y, %H:%M");
          break;

        case DRAMATIS_DATE_PRECISION_SECOND:
          /* Translators: a date with a time to the second, see g_date_time_format() */
          format = C_("date format", "%B %-d, %Y, %H:%M:%S");
          break;

        case DRAMATIS_DATE_PRECISION_NONE:
        case DRAMATIS_DATE_PRECISION_YEAR:
        default:
          g_assert_not_reached ();
        }

      text = g_date_time_format (dt, format);

      if (date->precision >= DRAMATIS_DATE_PRECISION_HOUR && (date->flags & DRAMATIS_DATE_HAS_OFFSET))
        {
          g_autofree char *with_zone = NULL;
          g_autofree char *zone = g_date_time_format (dt, "%:z");

          /* Translators: a time of day and its UTC offset, as in "14:05 UTC+09:00" */
          with_zone = g_strdup_printf (_("%s UTC%s"), text, zone);
          g_free (text);
          text = g_steal_pointer (&with_zone);
        }
    }

  if (date->flags & DRAMATIS_DATE_APPROXIMATE)
    /* Translators: an approximate date, as in "about October 2024" */
    return g_strdup_printf (_("about %s"), text);

  return g_steal_pointer (&text);
}

/**
 * dramatis_date_is_set:
 * @date: a date
 *
 * Returns: %TRUE if @date holds a date, %FALSE for the zeroed, unset date
 */
gboolean
dramatis_date_is_set (const DramatisDate *date)
{
  g_return_val_if_fail (date != NULL, FALSE);

  return date->precision != DRAMATIS_DATE_PRECISION_NONE;
}

/**
 * dramatis_date_get_first_second:
 * @date: a set date
 *
 * A date of reduced precision covers a period: this is its first second, in
 * seconds since 1970-01-01 UTC.  A time without an offset counts as UTC.
 *
 * Returns: the start of the period @date covers
 */
gint64
dramatis_date_get_first_second (const DramatisDate *date)
{
  gint64 seconds;

  g_return_val_if_fail (date != NULL, 0);

  seconds = dramatis_days_from_civil (date->year, MAX (date->month, 1), MAX (date->day, 1)) * SECONDS_PER_DAY;
  seconds += date->hour * 3600 + date->minute * 60 + date->second;
  seconds -= (gint64) date->offset_minutes * 60;

  return seconds;
}

/**
 * dramatis_date_get_end_second:
 * @date: a set date
 *
 * Returns: the first second after the period @date covers
 */
gint64
dramatis_date_get_end_second (const DramatisDate *date)
{
  gint64 first;

  g_return_val_if_fail (date != NULL, 0);

  first = dramatis_date_get_first_second (date);

  switch ((DramatisDatePrecision) date->precision)
    {
    case DRAMATIS_DATE_PRECISION_YEAR:
      return first + (is_leap_year (date->year) ? 366 : 365) * SECONDS_PER_DAY;
    case DRAMATIS_DATE_PRECISION_MONTH:
      return first + days_in_month (date->year, date->month) * SECONDS_PER_DAY;
    case DRAMATIS_DATE_PRECISION_DAY:
      return first + SECONDS_PER_DAY;
    case DRAMATIS_DATE_PRECISION_HOUR:
      return first + 3600;
    case DRAMATIS_DATE_PRECISION_MINUTE:
      return first + 60;
    case DRAMATIS_DATE_PRECISION_SECOND:
      return first + 1;
    case DRAMATIS_DATE_PRECISION_NONE:
    default:
      return first;
    }
}

/**
 * dramatis_date_compare:
 * @a: a date
 * @b: another date
 *
 * Orders dates of any precision: by the start of the period each covers,
 * and where two start together, the wider period first, so "2024" sorts
 * before "2024-01" and "2024-01-01".  Unset dates sort last.
 *
 * Returns: negative, zero or positive, as for qsort()
 */
int
dramatis_date_compare (const DramatisDate *a,
                       const DramatisDate *b)
{
  gboolean a_set, b_set;
  gint64 a_first, b_first;

  g_return_val_if_fail (a != NULL, 0);
  g_return_val_if_fail (b != NULL, 0);

  a_set = dramatis_date_is_set (a);
  b_set = dramatis_date_is_set (b);
  if (!a_set || !b_set)
    return (int) b_set - (int) a_set;

  a_first = dramatis_date_get_first_second (a);
  b_first = dramatis_date_get_first_second (b);
  if (a_first != b_first)
    return a_first < b_first ? -1 : 1;

  return (int) a->precision - (int) b->precision;
}

/**
 * dramatis_date_equal:
 * @a: a date
 * @b: another date
 *
 * Returns: %TRUE if @a and @b are the same date, written the same way and
 *   with the same flags
 */
gboolean
dramatis_date_equal (const DramatisDate *a,
                     const DramatisDate *b)
{
  g_return_val_if_fail (a != NULL, FALSE);
  g_return_val_if_fail (b != NULL, FALSE);

  return a->year == b->year &&
         a->month == b->month &&
         a->day == b->day &&
         a->hour == b->hour &&
         a->minute == b->minute &&
         a->second == b->second &&
         a->precision == b->precision &&
         a->flags == b->flags &&
         a->offset_minutes == b->offset_minutes;
}

gboolean
dramatis_span_is_set (const DramatisSpan *span)
{
  g_return_val_if_fail (span != NULL, FALSE);

  return dramatis_date_is_set (&span->start);
}

/**
 * dramatis_span_get_first_second:
 * @span: a set span
 *
 * Returns: the first second of the period @span covers
 */
gint64
dramatis_span_get_first_second (const DramatisSpan *span)
{
  g_return_val_if_fail (span != NULL, 0);

  return dramatis_date_get_first_second (&span->start);
}

/**
 * dramatis_span_get_end_second:
 * @span: a set span
 *
 * Returns: the first second after the period @span covers: the end of its
 *   end date, or of its start date when it has no end
 */
gint64
dramatis_span_get_end_second (const DramatisSpan *span)
{
  g_return_val_if_fail (span != NULL, 0);

  if (dramatis_date_is_set (&span->end))
    return dramatis_date_get_end_second (&span->end);

  return dramatis_date_get_end_second (&span->start);
}

/**
 * dramatis_span_compare:
 * @a: a span
 * @b: another span
 *
 * Orders spans by the first second they cover, then the longer one first,
 * then the coarser start first.  Unset spans sort last.
 *
 * Returns: negative, zero or positive, as for qsort()
 */
int
dramatis_span_compare (const DramatisSpan *a,
                       const DramatisSpan *b)
{
  gboolean a_set, b_set;
  gint64 a_first, b_first, a_end, b_end;

  g_return_val_if_fail (a != NULL, 0);
  g_return_val_if_fail (b != NULL, 0);

  a_set = dramatis_span_is_set (a);
  b_set = dramatis_span_is_set (b);
  if (!a_set || !b_set)
    return (int) b_set - (int) a_set;

  a_first = dramatis_span_get_first_second (a);
  b_first = dramatis_span_get_first_second (b);
  if (a_first != b_first)
    return a_first < b_first ? -1 : 1;

  a_end = dramatis_span_get_end_second (a);
  b_end = dramatis_span_get_end_second (b);
  if (a_end != b_end)
    return a_end > b_end ? -1 : 1;

  return (int) a->start.precision - (int) b->start.precision;
}

/**
 * dramatis_span_format:
 * @span: a set span
 *
 * Returns: (transfer full): @span formatted for people, in the user's locale
 */
char *
dramatis_span_format (const DramatisSpan *span)
{
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;

  g_return_val_if_fail (span != NULL, NULL);
  g_return_val_if_fail (dramatis_span_is_set (span), NULL);

  start = dramatis_date_format (&span->start);
  if (!dramatis_date_is_set (&span->end))
    return g_steal_pointer (&start);

  end = dramatis_date_format (&span->end);
  /* Translators: a period from one date to another */
  return g_strdup_printf (_("%s – %s"), start, end);
}
