/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <cairo.h>
#include <glib.h>
#include <pango/pango.h>

#include "dramatis-story.h"

G_BEGIN_DECLS

typedef struct
{
  double red;
  double green;
  double blue;
  double alpha;
} DramatisColor;

typedef enum
{
  DRAMATIS_THEME_LIGHT,
  DRAMATIS_THEME_DARK,
  DRAMATIS_THEME_HIGH_CONTRAST,
} DramatisThemeVariant;

/* Families of relation types, each drawn in its own style. */
typedef enum
{
  DRAMATIS_RELATION_FAMILY_SUPPORT,     /* supports, allied_with, shields, trains, … */
  DRAMATIS_RELATION_FAMILY_HOSTILE,     /* condemns, accuses, invades, threatens, … */
  DRAMATIS_RELATION_FAMILY_MEMBERSHIP,  /* represents, member_of, leads */
  DRAMATIS_RELATION_FAMILY_OTHER,
  DRAMATIS_N_RELATION_FAMILIES
} DramatisRelationFamily;

/**
 * DramatisTheme:
 *
 * Every colour and font the renderers use.  Drawing code never names a
 * colour of its own: the window passes the theme that matches the system
 * style, and exports pass the one the user chose.
 */
typedef struct
{
  DramatisThemeVariant variant;

  DramatisColor background;
  DramatisColor foreground;       /* text and strokes */
  DramatisColor dim_foreground;   /* secondary text, axis labels */
  DramatisColor grid;             /* axis grid lines, lane separators */
  DramatisColor lane_background;  /* every other lane */
  DramatisColor accent;           /* selection */
  DramatisColor highlight;        /* items related to the selection */
  DramatisColor hover;
  DramatisColor label_halo;       /* behind labels over drawing */
  /* How much of its colour a dimmed item keeps, from 0 to 1. */
  double        dim_alpha;

  DramatisColor actor_kinds[DRAMATIS_ACTOR_KIND_GROUP + 1];
  DramatisColor relation_families[DRAMATIS_N_RELATION_FAMILIES];

  char         *font_family;
  double        font_size;        /* in points at scale 1 */
  double        small_font_size;
  double        title_font_size;
  double        line_width;       /* in pixels at scale 1 */
} DramatisTheme;

void                    dramatis_theme_init               (DramatisTheme        *theme,
                                                           DramatisThemeVariant  variant);
void                    dramatis_theme_clear              (DramatisTheme        *theme);
gboolean                dramatis_theme_variant_from_string (const char          *name,
                                                           DramatisThemeVariant *variant);
PangoFontDescription   *dramatis_theme_new_font           (const DramatisTheme  *theme,
                                                           double                size,
                                                           PangoWeight           weight,
                                                           PangoStyle            style);
const DramatisColor    *dramatis_theme_get_actor_color    (const DramatisTheme  *theme,
                                                           DramatisActorKind     kind);
void                    dramatis_color_set_source         (const DramatisColor  *color,
                                                           cairo_t              *cr);
void                    dramatis_color_set_source_alpha   (const DramatisColor  *color,
                                                           cairo_t              *cr,
                                                           double                alpha);
double                  dramatis_color_get_contrast       (const DramatisColor  *a,
                                                           const DramatisColor  *b);
void                    dramatis_color_get_text_on        (const DramatisColor  *background,
                                                           DramatisColor        *text);
DramatisRelationFamily  dramatis_relation_family_for_type (const char           *type);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (DramatisTheme, dramatis_theme_clear)

G_END_DECLS
