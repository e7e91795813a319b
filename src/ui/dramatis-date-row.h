/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "dramatis-date.h"

G_BEGIN_DECLS

/**
 * DramatisDateChoice:
 *
 * The precisions a date row offers: each shows only the fields it has.
 */
typedef enum
{
  DRAMATIS_DATE_CHOICE_NONE = 0,
  DRAMATIS_DATE_CHOICE_YEAR,
  DRAMATIS_DATE_CHOICE_MONTH,
  DRAMATIS_DATE_CHOICE_DAY,
  DRAMATIS_DATE_CHOICE_TIME,
} DramatisDateChoice;

#define DRAMATIS_TYPE_DATE_ROW (dramatis_date_row_get_type ())

G_DECLARE_FINAL_TYPE (DramatisDateRow, dramatis_date_row, DRAMATIS, DATE_ROW, AdwPreferencesRow)

GtkWidget          *dramatis_date_row_new           (const char         *title);
void                dramatis_date_row_set_title     (DramatisDateRow    *self,
                                                     const char         *title);
void                dramatis_date_row_set_date      (DramatisDateRow    *self,
                                                     const DramatisDate *date);
gboolean            dramatis_date_row_get_date      (DramatisDateRow    *self,
                                                     DramatisDate       *date,
                                                     char              **message);
DramatisDateChoice  dramatis_date_row_get_choice    (DramatisDateRow    *self);
void                dramatis_date_row_set_choice    (DramatisDateRow    *self,
                                                     DramatisDateChoice  choice);
void                dramatis_date_row_set_fields    (DramatisDateRow    *self,
                                                     const char         *year,
                                                     guint               month,
                                                     const char         *day,
                                                     const char         *time);
gboolean            dramatis_date_row_is_field_visible (DramatisDateRow *self,
                                                        const char      *field);

G_END_DECLS
