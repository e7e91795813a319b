/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "dramatis-export"

#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "dramatis-atomic-file.h"
#include "dramatis-export.h"

/* An exported page is the diagrams the window shows, drawn by the same
 * functions, framed by a title at the top, each diagram's legend under it,
 * and a source line at the bottom.  The file is made in memory and written
 * atomically, so a failed export leaves no broken file behind.
 */

G_DEFINE_QUARK (dramatis-export-error-quark, dramatis_export_error)

#define MARGIN 24.0
#define GAP 12.0

/* Long titles and source lines wrap, and the page grows to hold them; only
 * text longer than these many lines ends in an ellipsis.
 */
#define TITLE_MAX_LINES    3
#define SUBTITLE_MAX_LINES 2
#define SOURCE_MAX_LINES   4

/**
 * dramatis_export_format_for_file:
 * @filename: a file name
 * @format: (out): the format its extension names
 * @error: return location for a #GError
 *
 * Returns: %TRUE if @filename ends in .png, .svg or .pdf (in any case)
 */
gboolean
dramatis_export_format_for_file (const char            *filename,
                                 DramatisExportFormat  *format,
                                 GError               **error)
{
  g_autofree char *lower = NULL;

  g_return_val_if_fail (filename != NULL, FALSE);
  g_return_val_if_fail (format != NULL, FALSE);

  lower = g_ascii_strdown (filename, -1);
  if (g_str_has_suffix (lower, ".png"))
    *format = DRAMATIS_EXPORT_PNG;
  else if (g_str_has_suffix (lower, ".svg"))
    *format = DRAMATIS_EXPORT_SVG;
  else if (g_str_has_suffix (lower, ".pdf"))
    *format = DRAMATIS_EXPORT_PDF;
  else
    {
      g_set_error (error, DRAMATIS_EXPORT_ERROR, DRAMATIS_EXPORT_ERROR_UNKNOWN_FORMAT,
                   _("%s: the file name must end in .png, .svg or .pdf"), filename);
      return FALSE;
    }

  return TRUE;
}

static PangoLayout *
make_layout (cairo_t             *cr,
             const DramatisTheme *theme,
             double               size,
             PangoWeight          weight,
             const char          *text,
             double               max_width,
             int                  max_lines)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = dramatis_theme_new_font (theme, size, weight, PANGO_STYLE_NORMAL);

  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  pango_layout_set_width (layout, MAX (1, max_width) * PANGO_SCALE);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  /* A negative height is a number of lines: the last one is ellipsized. */
  pango_layout_set_height (layout, -max_lines);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);

  return layout;
}

static double
text_height (cairo_t             *cr,
             const DramatisTheme *theme,
             double               size,
             PangoWeight          weight,
             const char          *text,
             double               max_width,
             int                  max_lines)
{
  g_autoptr(PangoLayout) layout = NULL;
  int height;

  if (text == NULL || *text == '\0')
    return 0.0;

  layout = make_layout (cr, theme, size, weight, text, max_width, max_lines);
  pango_layout_get_pixel_size (layout, NULL, &height);
  return height;
}

typedef struct
{
  double header;
  double footer;
  double legends[2];
} PageMetrics;

/* Legends are measured by drawing them into a recording surface. */
static double
measure_legend (const DramatisExportPanel *panel,
                double                     max_width)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  double height;

  if (panel->legend == NULL)
    return 0.0;

  surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cr = cairo_create (surface);
  height = panel->legend (cr, 0, 0, max_width, panel->user_data);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  return height;
}

static void
measure_page (const DramatisExportPage  *page,
              const DramatisExportPanel *panels,
              guint                      n_panels,
              PageMetrics               *metrics)
{
  cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create (surface);
  double inner = page->width - 2 * MARGIN;

  memset (metrics, 0, sizeof *metrics);
  metrics->header = text_height (cr, page->theme, page->theme->title_font_size, PANGO_WEIGHT_BOLD,
                                 page->title, inner, TITLE_MAX_LINES) +
                    text_height (cr, page->theme, page->theme->font_size, PANGO_WEIGHT_NORMAL,
                                 page->subtitle, inner, SUBTITLE_MAX_LINES);
  if (metrics->header > 0)
    metrics->header += GAP;
  metrics->footer = text_height (cr, page->theme, page->theme->small_font_size, PANGO_WEIGHT_NORMAL,
                                 page->source_line, inner, SOURCE_MAX_LINES);
  if (metrics->footer > 0)
    metrics->footer += GAP;

  for (guint i = 0; i < MIN (n_panels, G_N_ELEMENTS (metrics->legends)); i++)
    metrics->legends[i] = measure_legend (&panels[i], inner);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/**
 * dramatis_export_get_panel_rect:
 * @page: the page
 * @panels: its panels
 * @n_panels: how many (one or two)
 * @panel: which panel
 * @x: (out): left of the panel's diagram
 * @y: (out): top of the panel's diagram
 * @width: (out): width of the diagram
 * @height: (out): height of the diagram, above its legend
 *
 * Where a panel's diagram goes on the page, so that its view can be fitted
 * to the room it has.
 */
void
dramatis_export_get_panel_rect (const DramatisExportPage  *page,
                                const DramatisExportPanel *panels,
                                guint                      n_panels,
                                guint                      panel,
                                double                    *x,
                                double                    *y,
                                double                    *width,
                                double                    *height)
{
  PageMetrics metrics;
  double top, room, total_weight = 0.0;

  g_return_if_fail (page != NULL && panels != NULL);
  g_return_if_fail (n_panels >= 1 && n_panels <= 2 && panel < n_panels);

  measure_page (page, panels, n_panels, &metrics);

  room = page->height - 2 * MARGIN - metrics.header - metrics.footer - GAP * (n_panels - 1);
  for (guint i = 0; i < n_panels; i++)
    {
      room -= metrics.legends[i] > 0 ? metrics.legends[i] + GAP : 0;
      total_weight += panels[i].weight > 0 ? panels[i].weight : 1.0;
    }
  room = MAX (room, 1.0);

  top = MARGIN + metrics.header;
  for (guint i = 0; i <= panel; i++)
    {
      double share = (panels[i].weight > 0 ? panels[i].weight : 1.0) / total_weight * room;

      if (i == panel)
        {
          *x = MARGIN;
          *y = top;
          *width = MAX (page->width - 2 * MARGIN, 1.0);
          *height = share;
          return;
        }
      top += share + (metrics.legends[i] > 0 ? metrics.legends[i] + GAP : 0) + GAP;
    }
}

/**
 * dramatis_export_get_page_height:
 * @page: the page; its height is not used
 * @panels: its panels
 * @n_panels: how many (one or two)
 * @heights: the height each panel's diagram needs
 *
 * The height of a page on which each diagram has the height it needs, with
 * the title, the legends and the source line.  Give the panels weights
 * equal to @heights for the page to share its room that way.
 *
 * Returns: the height of the page
 */
double
dramatis_export_get_page_height (const DramatisExportPage  *page,
                                 const DramatisExportPanel *panels,
                                 guint                      n_panels,
                                 const double              *heights)
{
  PageMetrics metrics;
  double height;

  g_return_val_if_fail (page != NULL && panels != NULL && heights != NULL, 0.0);
  g_return_val_if_fail (n_panels >= 1 && n_panels <= 2, 0.0);

  measure_page (page, panels, n_panels, &metrics);

  height = 2 * MARGIN + metrics.header + metrics.footer + GAP * (n_panels - 1);
  for (guint i = 0; i < n_panels; i++)
    height += heights[i] + (metrics.legends[i] > 0 ? metrics.legends[i] + GAP : 0);

  return ceil (height);
}

/**
 * dramatis_export_get_max_height:
 * @page: the page; its height is not used
 *
 * The tallest page of automatic height for @page's format, width and
 * scale.  A PNG is limited by cairo's image surfaces; an SVG has no limit
 * of its own, but the viewers that draw it with cairo or into an image
 * (librsvg, thumbnailers, browsers' canvases) have that one, in logical
 * pixels; a taller PDF page would be shrunk to PDF's limit, and with it
 * the width and every label.  An explicit height is not held to this:
 * only to what the format can hold at all.
 *
 * Returns: the height, in logical pixels (points for PDF)
 */
double
dramatis_export_get_max_height (const DramatisExportPage *page)
{
  double height;

  g_return_val_if_fail (page != NULL, 0.0);

  switch (page->format)
    {
    case DRAMATIS_EXPORT_PNG:
      height = floor (DRAMATIS_EXPORT_MAX_PIXELS / CLAMP (page->scale, DRAMATIS_EXPORT_MIN_SCALE,
                                                          DRAMATIS_EXPORT_MAX_SCALE));
      break;

    case DRAMATIS_EXPORT_PDF:
      /* A page no taller than it is wide is shrunk no more than its width. */
      height = MAX (DRAMATIS_EXPORT_MAX_PDF_POINTS, page->width);
      break;

    case DRAMATIS_EXPORT_SVG:
    default:
      height = DRAMATIS_EXPORT_MAX_PIXELS;
      break;
    }

  return MIN (height, DRAMATIS_EXPORT_MAX_SIDE);
}

static void
draw_text (cairo_t             *cr,
           const DramatisTheme *theme,
           double               size,
           PangoWeight          weight,
           const DramatisColor *color,
           const char          *text,
           double               x,
           double               y,
           double               max_width,
           int                  max_lines)
{
  g_autoptr(PangoLayout) layout = NULL;

  if (text == NULL || *text == '\0')
    return;

  layout = make_layout (cr, theme, size, weight, text, max_width, max_lines);
  dramatis_color_set_source (color, cr);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

/**
 * dramatis_export_draw_page:
 * @cr: where to draw, in logical pixels
 * @page: the page
 * @panels: the diagrams on it
 * @n_panels: how many (one or two)
 *
 * Draws a whole page: background, title, diagrams with their legends, and
 * the source line.
 */
void
dramatis_export_draw_page (cairo_t                   *cr,
                           const DramatisExportPage  *page,
                           const DramatisExportPanel *panels,
                           guint                      n_panels)
{
  const DramatisTheme *theme;
  PageMetrics metrics;
  double inner, title_height;

  g_return_if_fail (cr != NULL && page != NULL && panels != NULL);
  g_return_if_fail (n_panels >= 1 && n_panels <= 2);

  theme = page->theme;
  inner = page->width - 2 * MARGIN;
  measure_page (page, panels, n_panels, &metrics);

  cairo_save (cr);
  dramatis_color_set_source (&theme->background, cr);
  cairo_paint (cr);

  /* A subtitle without a title takes the title's place, as measure_page()
   * counts it.
   */
  title_height = text_height (cr, theme, theme->title_font_size, PANGO_WEIGHT_BOLD, page->title,
                              inner, TITLE_MAX_LINES);
  draw_text (cr, theme, theme->title_font_size, PANGO_WEIGHT_BOLD, &theme->foreground,
             page->title, MARGIN, MARGIN, inner, TITLE_MAX_LINES);
  draw_text (cr, theme, theme->font_size, PANGO_WEIGHT_NORMAL, &theme->dim_foreground,
             page->subtitle, MARGIN, MARGIN + title_height, inner, SUBTITLE_MAX_LINES);

  for (guint i = 0; i < n_panels; i++)
    {
      double x, y, width, height;

      dramatis_export_get_panel_rect (page, panels, n_panels, i, &x, &y, &width, &height);

      cairo_save (cr);
      cairo_rectangle (cr, x, y, width, height);
      cairo_clip (cr);
      cairo_translate (cr, x, y);
      panels[i].draw (cr, width, height, panels[i].user_data);
      cairo_restore (cr);

      if (panels[i].legend != NULL)
        {
          cairo_save (cr);
          panels[i].legend (cr, x, y + height + GAP, width, panels[i].user_data);
          cairo_restore (cr);
        }

      if (i + 1 < n_panels)
        {
          double line_y = y + height + (metrics.legends[i] > 0 ? metrics.legends[i] + GAP : 0) + GAP / 2;

          dramatis_color_set_source (&theme->grid, cr);
          cairo_set_line_width (cr, 1.0);
          cairo_move_to (cr, x, round (line_y) + 0.5);
          cairo_line_to (cr, x + width, round (line_y) + 0.5);
          cairo_stroke (cr);
        }
    }

  if (page->source_line != NULL)
    draw_text (cr, theme, theme->small_font_size, PANGO_WEIGHT_NORMAL, &theme->dim_foreground,
               page->source_line, MARGIN, page->height - MARGIN - metrics.footer + GAP, inner,
               SOURCE_MAX_LINES);

  cairo_restore (cr);
}

static cairo_status_t
append_to_array (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static gboolean
check_size (const DramatisExportPage  *page,
            GError                   **error)
{
  double scale = page->format == DRAMATIS_EXPORT_PNG ? page->scale : 1.0;

  if (!(page->width >= 1 && page->height >= 1 && scale > 0) ||
      !isfinite (page->width) || !isfinite (page->height) || !isfinite (scale))
    {
      g_set_error (error, DRAMATIS_EXPORT_ERROR, DRAMATIS_EXPORT_ERROR_INVALID_SIZE,
                   _("the size must be at least 1×1 and the scale more than 0"));
      return FALSE;
    }

  if (page->width > DRAMATIS_EXPORT_MAX_SIDE || page->height > DRAMATIS_EXPORT_MAX_SIDE ||
      scale < DRAMATIS_EXPORT_MIN_SCALE || scale > DRAMATIS_EXPORT_MAX_SCALE)
    {
      g_set_error (error, DRAMATIS_EXPORT_ERROR, DRAMATIS_EXPORT_ERROR_INVALID_SIZE,
                   _("the page would be %'.0f×%'.0f at a scale of %g; it can be at most %'.0f a side, "
                     "at a scale from %g to %g"),
                   page->width, page->height, scale, DRAMATIS_EXPORT_MAX_SIDE,
                   DRAMATIS_EXPORT_MIN_SCALE, DRAMATIS_EXPORT_MAX_SCALE);
      return FALSE;
    }

  if (page->format == DRAMATIS_EXPORT_PNG &&
      (ceil (page->width * scale) > DRAMATIS_EXPORT_MAX_PIXELS ||
       ceil (page->height * scale) > DRAMATIS_EXPORT_MAX_PIXELS))
    {
      g_set_error (error, DRAMATIS_EXPORT_ERROR, DRAMATIS_EXPORT_ERROR_INVALID_SIZE,
                   _("the image would be %'.0f×%'.0f pixels, and a PNG can be at most %'d pixels a side; "
                     "choose a smaller size or scale, or export SVG or PDF"),
                   ceil (page->width * scale), ceil (page->height * scale), DRAMATIS_EXPORT_MAX_PIXELS);
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_cairo (cairo_status_t   status,
             GError         **error)
{
  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;

  g_set_error (error, DRAMATIS_EXPORT_ERROR, DRAMATIS_EXPORT_ERROR_FAILED,
               _("drawing failed: %s"), cairo_status_to_string (status));
  return FALSE;
}

/**
 * dramatis_export_to_bytes:
 * @page: the page
 * @panels: the diagrams on it
 * @n_panels: how many (one or two)
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the file's contents, or %NULL on error
 */
GBytes *
dramatis_export_to_bytes (const DramatisExportPage  *page,
                          const DramatisExportPanel *panels,
                          guint                      n_panels,
                          GError                   **error)
{
  g_autoptr(GByteArray) data = NULL;
  cairo_surface_t *surface = NULL;
  cairo_status_t status;
  cairo_t *cr;
  double pdf_scale = 1.0;

  g_return_val_if_fail (page != NULL && page->theme != NULL, NULL);
  g_return_val_if_fail (panels != NULL && n_panels >= 1 && n_panels <= 2, NULL);

  if (!check_size (page, error))
    return NULL;

  data = g_byte_array_new ();

  switch (page->format)
    {
    case DRAMATIS_EXPORT_PNG:
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                            ceil (page->width * page->scale),
                                            ceil (page->height * page->scale));
      break;

    case DRAMATIS_EXPORT_SVG:
      surface = cairo_svg_surface_create_for_stream (append_to_array, data, page->width, page->height);
      cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
      break;

    case DRAMATIS_EXPORT_PDF:
      /* Readers may refuse pages larger than PDF's customary limit; a
       * taller page is shrunk to fit it, and stays sharp when zoomed.
       */
      pdf_scale = MIN (1.0, DRAMATIS_EXPORT_MAX_PDF_POINTS / MAX (page->width, page->height));
      surface = cairo_pdf_surface_create_for_stream (append_to_array, data,
                                                     page->width * pdf_scale, page->height * pdf_scale);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Dramatis " PACKAGE_VERSION);
      if (page->title != NULL)
        cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, page->title);
      break;

    default:
      g_return_val_if_reached (NULL);
    }

  if (!check_cairo (cairo_surface_status (surface), error))
    {
      cairo_surface_destroy (surface);
      return NULL;
    }

  cr = cairo_create (surface);
  if (page->format == DRAMATIS_EXPORT_PNG)
    cairo_scale (cr, page->scale, page->scale);
  else if (pdf_scale < 1.0)
    cairo_scale (cr, pdf_scale, pdf_scale);
  dramatis_export_draw_page (cr, page, panels, n_panels);
  status = cairo_status (cr);
  cairo_destroy (cr);

  if (status == CAIRO_STATUS_SUCCESS && page->format == DRAMATIS_EXPORT_PNG)
    status = cairo_surface_write_to_png_stream (surface, append_to_array, data);

  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (!check_cairo (status, error))
    return NULL;

  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}

/**
 * dramatis_export_to_file:
 * @file: where to write
 * @page: the page
 * @panels: the diagrams on it
 * @n_panels: how many (one or two)
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Exports a page to @file, atomically: a failed export leaves whatever was
 * at @file before.  Error messages name the file.
 *
 * Returns: %TRUE on success
 */
gboolean
dramatis_export_to_file (GFile                     *file,
                         const DramatisExportPage  *page,
                         const DramatisExportPanel *panels,
                         guint                      n_panels,
                         GCancellable              *cancellable,
                         GError                   **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  bytes = dramatis_export_to_bytes (page, panels, n_panels, error);
  if (bytes == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (file);

      g_prefix_error (error, "%s: ", name);
      return FALSE;
    }

  return dramatis_replace_file (file, bytes, cancellable, error);
}
