/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "dramatis-theme"

#include "config.h"

#include <math.h>

#include <string.h>

#include "dramatis-theme.h"

/* Colours from the GNOME palette, chosen so that the kinds of actors and the
 * families of relations stay apart in light, dark and high-contrast styles.
 */

static DramatisColor
rgb (guint32 hex,
     double  alpha)
{
  return (DramatisColor) {
    ((hex >> 16) & 0xff) / 255.0,
    ((hex >> 8) & 0xff) / 255.0,
    (hex & 0xff) / 255.0,
    alpha,
  };
}

/**
 * dramatis_theme_init:
 * @theme: a theme to fill
 * @variant: which style
 *
 * Fills @theme with the colours and fonts of @variant.  Release it with
 * dramatis_theme_clear().
 */
void
dramatis_theme_init (DramatisTheme        *theme,
                     DramatisThemeVariant  variant)
{
  g_return_if_fail (theme != NULL);

  memset (theme, 0, sizeof *theme);
  theme->variant = variant;
  theme->font_family = g_strdup ("Cantarell");
  theme->font_size = 10.0;
  theme->small_font_size = 8.5;
  theme->title_font_size = 15.0;
  theme->line_width = 1.0;

  switch (variant)
    {
    case DRAMATIS_THEME_DARK:
      theme->background = rgb (0x1e1e1e, 1.0);
      theme->foreground = rgb (0xffffff, 1.0);
      theme->dim_foreground = rgb (0xc0bfbc, 1.0);
      theme->grid = rgb (0xffffff, 0.12);
      theme->lane_background = rgb (0xffffff, 0.04);
      theme->accent = rgb (0x78aeed, 1.0);
      theme->highlight = rgb (0xf8e45c, 1.0);
      theme->hover = rgb (0xffffff, 0.18);
      theme->label_halo = rgb (0x1e1e1e, 0.85);
      theme->dim_alpha = 0.25;
      theme->actor_kinds[DRAMATIS_ACTOR_KIND_OTHER] = rgb (0x9a9996, 1.0);
      theme->actor_kinds[DRAMATIS_ACTOR_KIND_STATE] = rgb (0x62a0ea, 1.0);
      theme->actor_kinds[DRAMATIS_ACTOR_KIND_ORGANIZATION] = rgb (0xc061cb, 1.0);
      theme->actor_kinds[DRAMATIS_ACTOR_KIND_PERSON] = rgb (0xffa348, 1.0);
      theme->actor_kinds[DRAMATIS_ACTOR_KIND_GROUP] = rgb (0x57e389, 1.0);
      theme->relation_families[DRAMATIS_RELATION_FAMILY_SUPPORT] = rgb (0x57e389, 0.85);
      theme->relation_families[DRAMATIS_RELATION_FAMILY_HOSTILE] = rgb (0xff7b63, 0.85);
      theme->relation_families[DRAMATIS_RELATION_FAMILY_MEMBERSHIP] = rgb (0x99c1f1, 0.7);
      theme->relation_families[DRAMATIS_RELATION_FAMILY_OTHER] = rgb (0xc0bfbc, 0.7);
      break;

    case DRAMATIS_THEME_HIGH_CONTRAST:
      theme->background = rgb (0xffffff, 1.0);
      theme->foreground = rgb (0x000000, 1.0);
      theme->dim_foreground = rgb (0x000000, 1.0);
      theme->grid = rgb (0x000000, 0.5);
      theme->lane_background = rgb (0x000000, 0.08);
      theme->accent = rgb (0x1a5fb4, 1.0);
      theme->highlight = rgb (0xe5a50a, 1.0);
      theme->hover = rgb (0x000000, 0.2);
      theme->label_halo = rgb (0xffffff, 1.0);
      theme->dim_alpha = 0.35;
      theme->actor_kinds[DRAMATIS_ACTOR_KIND_OTHER] = rgb (0x3d3846, 1.0);
      theme->actor_kinds[DRAMATIS_ACTOR_KIND_STATE] = rgb (0x1a5fb4, 1.0);
      theme->actor_kinds[DRAMATIS_ACTOR_KIND_ORGANIZATION] = rgb (0x613583, 1.0);
      theme->actor_kinds[DRAMATIS_ACTOR_KIND_PERSON] = rgb (0xc64600, 1.0);
      theme->actor_kinds[DRAMATIS_ACTOR_KIND_GROUP] = rgb (0x26a269, 1.0);
      theme->relation_families[DRAMATIS_RELATION_FAMILY_SUPPORT] = rgb (0x26a269, 1.0);
      theme->relation_families[DRAMATIS_RELATION_FAMILY_HOSTILE] = rgb (0xa51d2d, 1.0);
      theme->relation_families[DRAMATIS_RELATION_FAMILY_MEMBERSHIP] = rgb (0x1a5fb4, 1.0);
      theme->relation_families[DRAMATIS_RELATION_FAMILY_OTHER] = rgb (0x000000, 1.0);
      theme->line_width = 1.5;
      break;

    case DRAMATIS_THEME_LIGHT:
    default:
      theme->background = rgb (0xffffff, 1.0);
      theme->foreground = rgb (0x241f31, 1.0);
      theme->dim_foreground = rgb (0x5e5c64, 1.0);
      theme->grid = rgb (0x000000, 0.1);
      theme->lane_background = rgb (0x000000, 0.03);
      theme->accent = rgb (0x1c71d8, 1.0);
      theme->highlight = rgb (0xe5a50a, 1.0);
      theme->hover = rgb (0x000000, 0.12);
      theme->label_halo = rgb (0xffffff, 0.85);
      theme->dim_alpha = 0.2;
      theme->actor_kinds[DRAMATIS_ACTOR_KIND_OTHER] = rgb (0x77767b, 1.0);
      theme->actor_kinds[DRAMATIS_ACTOR_KIND_STATE] = rgb (0x1c71d8, 1.0);
      theme->actor_kinds[DRAMATIS_ACTOR_KIND_ORGANIZATION] = rgb (0x813d9c, 1.0);
      theme->actor_kinds[DRAMATIS_ACTOR_KIND_PERSON] = rgb (0xe66100, 1.0);
      theme->actor_kinds[DRAMATIS_ACTOR_KIND_GROUP] = rgb (0x26a269, 1.0);
      theme->relation_families[DRAMATIS_RELATION_FAMILY_SUPPORT] = rgb (0x26a269, 0.8);
      theme->relation_families[DRAMATIS_RELATION_FAMILY_HOSTILE] = rgb (0xc01c28, 0.8);
      theme->relation_families[DRAMATIS_RELATION_FAMILY_MEMBERSHIP] = rgb (0x1c71d8, 0.55);
      theme->relation_families[DRAMATIS_RELATION_FAMILY_OTHER] = rgb (0x77767b, 0.6);
      break;
    }
}

void
dramatis_theme_clear (DramatisTheme *theme)
{
  g_return_if_fail (theme != NULL);

  g_clear_pointer (&theme->font_family, g_free);
}

/**
 * dramatis_theme_variant_from_string:
 * @name: "light", "dark" or "high-contrast"
 * @variant: (out): the variant
 *
 * Returns: %TRUE if @name names a variant
 */
gboolean
dramatis_theme_variant_from_string (const char           *name,
                                    DramatisThemeVariant *variant)
{
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (variant != NULL, FALSE);

  if (strcmp (name, "light") == 0)
    *variant = DRAMATIS_THEME_LIGHT;
  else if (strcmp (name, "dark") == 0)
    *variant = DRAMATIS_THEME_DARK;
  else if (strcmp (name, "high-contrast") == 0)
    *variant = DRAMATIS_THEME_HIGH_CONTRAST;
  else
    return FALSE;

  return TRUE;
}

/**
 * dramatis_theme_new_font:
 * @theme: a theme
 * @size: the size, in points at scale 1
 * @weight: the weight
 * @style: the style
 *
 * The theme's font family at @size: every text the renderers draw, in the
 * diagrams, their legends and the frame of an export, is set in it.
 *
 * Returns: (transfer full): a new font description
 */
PangoFontDescription *
dramatis_theme_new_font (const DramatisTheme *theme,
                         double               size,
                         PangoWeight          weight,
                         PangoStyle           style)
{
  PangoFontDescription *font;

  g_return_val_if_fail (theme != NULL, NULL);

  font = pango_font_description_new ();
  pango_font_description_set_family (font, theme->font_family != NULL ? theme->font_family : "Sans");
  pango_font_description_set_size (font, (int) (size * PANGO_SCALE));
  pango_font_description_set_weight (font, weight);
  pango_font_description_set_style (font, style);

  return font;
}

/**
 * dramatis_theme_get_actor_color:
 * @theme: a theme
 * @kind: a kind of actor
 *
 * The colour an actor of @kind is drawn in, in the network, the timeline's
 * lanes and the legends; a kind the theme does not know is drawn as a
 * group's.
 *
 * Returns: (transfer none): the colour
 */
const DramatisColor *
dramatis_theme_get_actor_color (const DramatisTheme *theme,
                                DramatisActorKind    kind)
{
  g_return_val_if_fail (theme != NULL, NULL);

  return &theme->actor_kinds[MIN (kind, DRAMATIS_ACTOR_KIND_GROUP)];
}

void
dramatis_color_set_source (const DramatisColor *color,
                           cairo_t             *cr)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

/* Sets @color with its alpha multiplied by @alpha, for dimmed items. */
void
dramatis_color_set_source_alpha (const DramatisColor *color,
                                 cairo_t             *cr,
                                 double               alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

static double
linear_channel (double value)
{
  return value <= 0.04045 ? value / 12.92 : pow ((value + 0.055) / 1.055, 2.4);
}

static double
relative_luminance (const DramatisColor *color)
{
  return 0.2126 * linear_channel (color->red) + 0.7152 * linear_channel (color->green) +
         0.0722 * linear_channel (color->blue);
}

/**
 * dramatis_color_get_contrast:
 * @a: an opaque colour
 * @b: another
 *
 * Returns: the contrast ratio of the two, from 1 to 21, as WCAG defines it
 */
double
dramatis_color_get_contrast (const DramatisColor *a,
                             const DramatisColor *b)
{
  double la, lb;

  g_return_val_if_fail (a != NULL && b != NULL, 1.0);

  la = relative_luminance (a);
  lb = relative_luminance (b);
  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

/**
 * dramatis_color_get_text_on:
 * @background: an opaque colour
 * @text: (out): the colour of text on it
 *
 * White, or a dark shade of @background, whichever has more contrast with
 * it: the light colours of the dark style need dark text, and the deep
 * ones of the light style white text.
 */
void
dramatis_color_get_text_on (const DramatisColor *background,
                            DramatisColor       *text)
{
  const DramatisColor white = { 1.0, 1.0, 1.0, 1.0 };
  DramatisColor dark;

  g_return_if_fail (background != NULL && text != NULL);

  dark = (DramatisColor) { background->red * 0.15, background->green * 0.15, background->blue * 0.15, 1.0 };

  *text = dramatis_color_get_contrast (background, &white) >= dramatis_color_get_contrast (background, &dark)
          ? white : dark;
}

/**
 * dramatis_relation_family_for_type:
 * @type: (nullable): a relation type from a story
 *
 * Sorts the relation types of the format's vocabulary into families that
 * share a style; types outside it are "other".
 *
 * Returns: the family of @type
 */
DramatisRelationFamily
dramatis_relation_family_for_type (const char *type)
{
  static const char *const support[] = {
    "supports", "allied_with", "shields", "trains", "sends_troops_to", "negotiates_with",
    "exercises_with", NULL,
  };
  static const char *const hostile[] = {
    "opposes", "condemns", "accuses", "questions", "rejects", "invades", "threatens",
    "sanctions", NULL,
  };
  static const char *const membership[] = {
    "represents", "member_of", "leads", "monitors", NULL,
  };

  if (type == NULL)
    return DRAMATIS_RELATION_FAMILY_OTHER;
  if (g_strv_contains (support, type))
    return DRAMATIS_RELATION_FAMILY_SUPPORT;
  if (g_strv_contains (hostile, type))
    return DRAMATIS_RELATION_FAMILY_HOSTILE;
  if (g_strv_contains (membership, type))
    return DRAMATIS_RELATION_FAMILY_MEMBERSHIP;

  return DRAMATIS_RELATION_FAMILY_OTHER;
}
