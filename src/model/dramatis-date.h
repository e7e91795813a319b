/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * DramatisDatePrecision:
 *
 * How much of a date the source gives.  A date of precision
 * %DRAMATIS_DATE_PRECISION_MONTH stands for the whole month; nothing in
 * Dramatis ever invents the day.
 */
typedef enum
{
  DRAMATIS_DATE_PRECISION_NONE = 0,
  DRAMATIS_DATE_PRECISION_YEAR,
  DRAMATIS_DATE_PRECISION_MONTH,
  DRAMATIS_DATE_PRECISION_DAY,
  DRAMATIS_DATE_PRECISION_HOUR,
  DRAMATIS_DATE_PRECISION_MINUTE,
  DRAMATIS_DATE_PRECISION_SECOND,
} DramatisDatePrecision;

/**
 * DramatisDateFlags:
 * @DRAMATIS_DATE_APPROXIMATE: the source hedges the date ("about", "early October")
 * @DRAMATIS_DATE_INFERRED: part of the date is not in the source but inferred
 *   from its context (a year the article only implies)
 * @DRAMATIS_DATE_HAS_OFFSET: a time of day carries a UTC offset
 */
typedef enum
{
  DRAMATIS_DATE_APPROXIMATE = 1 << 0,
  DRAMATIS_DATE_INFERRED    = 1 << 1,
  DRAMATIS_DATE_HAS_OFFSET  = 1 << 2,
} DramatisDateFlags;

#define DRAMATIS_DATE_ERROR (dramatis_date_error_quark ())

typedef enum
{
  DRAMATIS_DATE_ERROR_INVALID,
} DramatisDateError;

/**
 * DramatisDate:
 *
 * A calendar date of reduced precision (ISO 8601): a year, a year and
 * month, a day, or a time of day with an optional UTC offset.  Fields
 * finer than @precision are zero.  Years use astronomical numbering
 * (0 is 1 BCE).
 */
typedef struct
{
  gint16 year;
  guint8 month;
  guint8 day;
  guint8 hour;
  guint8 minute;
  guint8 second;
  guint8 precision;
  guint8 flags;
  gint16 offset_minutes;
} DramatisDate;

/**
 * DramatisSpan:
 *
 * When something happened: a single date (@end unset) or a period from
 * @start to @end, both inclusive at their own precision.
 */
typedef struct
{
  DramatisDate start;
  DramatisDate end;
} DramatisSpan;

GQuark    dramatis_date_error_quark     (void);

gboolean  dramatis_date_parse           (const char         *text,
                                         DramatisDate       *date,
                                         GError            **error);
char     *dramatis_date_to_iso8601      (const DramatisDate *date);
char     *dramatis_date_format          (const DramatisDate *date);
gboolean  dramatis_date_is_set          (const DramatisDate *date);
gint64    dramatis_date_get_first_second (const DramatisDate *date);
gint64    dramatis_date_get_end_second  (const DramatisDate *date);
int       dramatis_date_compare         (const DramatisDate *a,
                                         const DramatisDate *b);
gboolean  dramatis_date_equal           (const DramatisDate *a,
                                         const DramatisDate *b);

gint64    dramatis_days_from_civil      (gint64              year,
                                         int                 month,
                                         int                 day);
void      dramatis_civil_from_days      (gint64              days,
                                         gint64             *year,
                                         int                *month,
                                         int                *day);

gboolean  dramatis_span_is_set          (const DramatisSpan *span);
gint64    dramatis_span_get_first_second (const DramatisSpan *span);
gint64    dramatis_span_get_end_second  (const DramatisSpan *span);
int       dramatis_span_compare         (const DramatisSpan *a,
                                         const DramatisSpan *b);
char     *dramatis_span_format          (const DramatisSpan *span);

G_END_DECLS
