/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "dramatis-date.h"

static DramatisDate
parse (const char *text)
{
  g_autoptr(GError) error = NULL;
  DramatisDate date;

  g_assert_true (dramatis_date_parse (text, &date, &error));
  g_assert_no_error (error);

  return date;
}

static void
test_parse_partial (void)
{
  DramatisDate d;

  d = parse ("2024");
  g_assert_cmpint (d.precision, ==, DRAMATIS_DATE_PRECISION_YEAR);
  g_assert_cmpint (d.year, ==, 2024);
  g_assert_cmpint (d.month, ==, 0);
  g_assert_cmpint (d.day, ==, 0);

  d = parse ("2024-10");
  g_assert_cmpint (d.precision, ==, DRAMATIS_DATE_PRECISION_MONTH);
  g_assert_cmpint (d.month, ==, 10);
  g_assert_cmpint (d.day, ==, 0);

  d = parse ("2024-10-30");
  g_assert_cmpint (d.precision, ==, DRAMATIS_DATE_PRECISION_DAY);
  g_assert_cmpint (d.day, ==, 30);
  g_assert_false (d.flags & DRAMATIS_DATE_HAS_OFFSET);

  d = parse ("2024-10-30T22");
  g_assert_cmpint (d.precision, ==, DRAMATIS_DATE_PRECISION_HOUR);
  g_assert_cmpint (d.hour, ==, 22);

  d = parse ("2024-10-30T22:11");
  g_assert_cmpint (d.precision, ==, DRAMATIS_DATE_PRECISION_MINUTE);
  g_assert_cmpint (d.minute, ==, 11);

  d = parse ("2024-10-31T07:11:05+09:00");
  g_assert_cmpint (d.precision, ==, DRAMATIS_DATE_PRECISION_SECOND);
  g_assert_cmpint (d.second, ==, 5);
  g_assert_cmpint (d.offset_minutes, ==, 540);
  g_assert_true (d.flags & DRAMATIS_DATE_HAS_OFFSET);

  d = parse ("2024-10-30T22:11Z");
  g_assert_cmpint (d.offset_minutes, ==, 0);
  g_assert_true (d.flags & DRAMATIS_DATE_HAS_OFFSET);

  d = parse ("-0043-03-15");
  g_assert_cmpint (d.year, ==, -43);

  d = parse ("2024-02-29");
  g_assert_cmpint (d.day, ==, 29);
}

static void
test_parse_invalid (void)
{
  const char *invalid[] = {
    "", "24", "2024-", "2024-13", "2024-00", "2023-02-29", "2024-04-31", "2024-10-30T",
    "2024-10-30T24:00", "2024-10-30T10:60", "2024-10-30T10:00:60", "2024-10T10:00",
    "2024-10-30 10:00", "2024-10-30T10:00+9", "2024-10-30T10:00+15:00", "2024/10/30",
    "2024-10-30x", "October 2024", "2024-1-5",
  };

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_autoptr(GError) error = NULL;
      DramatisDate date = { 0 };

      g_test_message ("parsing “%s”", invalid[i]);
      g_assert_false (dramatis_date_parse (invalid[i], &date, &error));
      g_assert_error (error, DRAMATIS_DATE_ERROR, DRAMATIS_DATE_ERROR_INVALID);
      /* The message quotes what was wrong. */
      g_assert_nonnull (strstr (error->message, invalid[i]));
      g_assert_false (dramatis_date_is_set (&date));
    }
}

static void
test_iso8601_round_trip (void)
{
  const char *texts[] = {
    "2024", "2024-10", "2024-10-30", "2024-10-30T22", "2024-10-30T22:11",
    "2024-10-30T22:11:05", "2024-10-30T22:11Z", "2024-10-31T07:11+09:00",
    "2024-10-30T18:11-04:00", "-0043-03-15", "0000",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      DramatisDate date = parse (texts[i]);
      g_autofree char *written = dramatis_date_to_iso8601 (&date);

      g_assert_cmpstr (written, ==, texts[i]);
    }
}

static void
test_period (void)
{
  DramatisDate d;

  /* A partial date covers the whole period it names, never a made-up day. */
  d = parse ("2024");
  g_assert_cmpint (dramatis_date_get_first_second (&d), ==, 1704067200);   /* 2024-01-01 */
  g_assert_cmpint (dramatis_date_get_end_second (&d), ==, 1735689600);     /* 2025-01-01 */

  d = parse ("2024-02");
  g_assert_cmpint (dramatis_date_get_first_second (&d), ==, 1706745600);   /* 2024-02-01 */
  g_assert_cmpint (dramatis_date_get_end_second (&d), ==, 1709251200);     /* 2024-03-01, leap year */

  d = parse ("2023-02");
  g_assert_cmpint (dramatis_date_get_end_second (&d) - dramatis_date_get_first_second (&d), ==, 28 * 86400);

  d = parse ("2022-02-24");
  g_assert_cmpint (dramatis_date_get_first_second (&d), ==, 1645660800);
  g_assert_cmpint (dramatis_date_get_end_second (&d), ==, 1645660800 + 86400);

  d = parse ("2024-10-31T07:11+09:00");
  g_assert_cmpint (dramatis_date_get_first_second (&d), ==, 1730326260);   /* 2024-10-30T22:11Z */
  g_assert_cmpint (dramatis_date_get_end_second (&d), ==, 1730326260 + 60);

  d = parse ("1969-12-31");
  g_assert_cmpint (dramatis_date_get_first_second (&d), ==, -86400);

  /* 44 BCE is 43 years and some before year 1. */
  d = parse ("-0043-03-15");
  {
    DramatisDate year_one = parse ("0001-01-01");

    g_assert_cmpint (dramatis_date_get_first_second (&year_one) - dramatis_date_get_first_second (&d), >, 43 * 365 * 86400LL);
  }
}

static void
test_civil_days (void)
{
  g_assert_cmpint (dramatis_days_from_civil (1970, 1, 1), ==, 0);
  g_assert_cmpint (dramatis_days_from_civil (2024, 10, 30), ==, 20026);
  g_assert_cmpint (dramatis_days_from_civil (1969, 12, 31), ==, -1);

  /* Every day of four centuries, across a leap-year rule change, comes back. */
  for (gint64 days = dramatis_days_from_civil (1800, 1, 1); days < dramatis_days_from_civil (2200, 1, 1); days++)
    {
      gint64 year;
      int month, day;

      dramatis_civil_from_days (days, &year, &month, &day);
      g_assert_cmpint (dramatis_days_from_civil (year, month, day), ==, days);
    }
}

static void
test_compare (void)
{
  DramatisDate year = parse ("2024");
  DramatisDate month = parse ("2024-01");
  DramatisDate day = parse ("2024-01-01");
  DramatisDate later_day = parse ("2024-01-02");
  DramatisDate october = parse ("2024-10");
  DramatisDate october_30 = parse ("2024-10-30");
  DramatisDate tokyo = parse ("2024-10-31T07:11+09:00");
  DramatisDate new_york = parse ("2024-10-30T18:11-04:00");
  DramatisDate unset = { 0 };

  /* Same start: the wider period first. */
  g_assert_cmpint (dramatis_date_compare (&year, &month), <, 0);
  g_assert_cmpint (dramatis_date_compare (&month, &day), <, 0);
  g_assert_cmpint (dramatis_date_compare (&day, &year), >, 0);
  g_assert_cmpint (dramatis_date_compare (&day, &later_day), <, 0);
  g_assert_cmpint (dramatis_date_compare (&october, &october_30), <, 0);
  g_assert_cmpint (dramatis_date_compare (&october_30, &later_day), >, 0);

  /* The same instant in two time zones, across a date line. */
  g_assert_cmpint (dramatis_date_compare (&tokyo, &new_york), ==, 0);
  g_assert_false (dramatis_date_equal (&tokyo, &new_york));
  g_assert_cmpint (dramatis_date_compare (&october_30, &tokyo), <, 0);

  /* Unset dates last. */
  g_assert_cmpint (dramatis_date_compare (&unset, &year), >, 0);
  g_assert_cmpint (dramatis_date_compare (&year, &unset), <, 0);
  g_assert_cmpint (dramatis_date_compare (&unset, &unset), ==, 0);
}

static int
compare_dates (gconstpointer a,
               gconstpointer b)
{
  return dramatis_date_compare (a, b);
}

static void
test_sort (void)
{
  const char *shuffled[] = {
    "2024-11-04", "2022-02-24", "2024", "2024-10-30", "2024-03-28", "2024-10",
    "2022", "2024-10-30T22:11Z", "2024-03",
  };
  const char *sorted[] = {
    "2022", "2022-02-24", "2024", "2024-03", "2024-03-28", "2024-10", "2024-10-30",
    "2024-10-30T22:11Z", "2024-11-04",
  };
  DramatisDate dates[G_N_ELEMENTS (shuffled)];

  for (guint i = 0; i < G_N_ELEMENTS (shuffled); i++)
    dates[i] = parse (shuffled[i]);

  qsort (dates, G_N_ELEMENTS (dates), sizeof (DramatisDate), compare_dates);

  for (guint i = 0; i < G_N_ELEMENTS (sorted); i++)
    {
      g_autofree char *text = dramatis_date_to_iso8601 (&dates[i]);

      g_assert_cmpstr (text, ==, sorted[i]);
    }
}

static void
test_span (void)
{
  DramatisSpan point = { parse ("2024-10-30"), { 0 } };
  DramatisSpan period = { parse ("2024-10"), parse ("2024-12") };
  DramatisSpan inside = { parse ("2024-10-01"), parse ("2024-10-05") };

  g_assert_cmpint (dramatis_span_get_end_second (&point), ==, dramatis_date_get_end_second (&point.start));
  /* A span ends at the end of its end date: December included. */
  g_assert_cmpint (dramatis_span_get_end_second (&period), ==, 1735689600);

  /* Same start: the longer span first. */
  g_assert_cmpint (dramatis_span_compare (&period, &inside), <, 0);
  g_assert_cmpint (dramatis_span_compare (&inside, &point), <, 0);
}

static void
test_format (void)
{
  DramatisDate d;
  g_autofree char *year = NULL;
  g_autofree char *month = NULL;
  g_autofree char *day = NULL;
  g_autofree char *time = NULL;
  g_autofree char *approximate = NULL;
  g_autofree char *bce = NULL;
  g_autofree char *span_text = NULL;
  DramatisSpan span;

  d = parse ("2024");
  year = dramatis_date_format (&d);
  g_assert_cmpstr (year, ==, "2024");

  d = parse ("2024-10");
  month = dramatis_date_format (&d);
  g_assert_cmpstr (month, ==, "October 2024");

  d = parse ("2024-03-08");
  day = dramatis_date_format (&d);
  g_assert_cmpstr (day, ==, "March 8, 2024");

  d = parse ("2024-10-31T07:11+09:00");
  time = dramatis_date_format (&d);
  g_assert_cmpstr (time, ==, "October 31, 2024, 07:11 UTC+09:00");

  d = parse ("2024-10");
  d.flags |= DRAMATIS_DATE_APPROXIMATE;
  approximate = dramatis_date_format (&d);
  g_assert_cmpstr (approximate, ==, "about October 2024");

  d = parse ("-0043");
  bce = dramatis_date_format (&d);
  g_assert_cmpstr (bce, ==, "44 BCE");

  span.start = parse ("2024-10");
  span.end = parse ("2024-12-01");
  span_text = dramatis_span_format (&span);
  g_assert_cmpstr (span_text, ==, "October 2024 – December 1, 2024");
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/date/parse-partial", test_parse_partial);
  g_test_add_func ("/model/date/parse-invalid", test_parse_invalid);
  g_test_add_func ("/model/date/iso8601-round-trip", test_iso8601_round_trip);
  g_test_add_func ("/model/date/period", test_period);
  g_test_add_func ("/model/date/civil-days", test_civil_days);
  g_test_add_func ("/model/date/compare", test_compare);
  g_test_add_func ("/model/date/sort", test_sort);
  g_test_add_func ("/model/date/span", test_span);
  g_test_add_func ("/model/date/format", test_format);

  return g_test_run ();
}
