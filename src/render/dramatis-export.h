/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "dramatis-theme.h"

G_BEGIN_DECLS

#define DRAMATIS_EXPORT_ERROR (dramatis_export_error_quark ())

/**
 * DramatisExportError:
 * @DRAMATIS_EXPORT_ERROR_UNKNOWN_FORMAT: the file name does not end in .png,
 *   .svg or .pdf
 * @DRAMATIS_EXPORT_ERROR_INVALID_SIZE: the size or scale is not a positive
 *   number, or the image would be larger than cairo can make
 * @DRAMATIS_EXPORT_ERROR_FAILED: cairo could not draw or encode the file
 */
typedef enum
{
  DRAMATIS_EXPORT_ERROR_UNKNOWN_FORMAT,
  DRAMATIS_EXPORT_ERROR_INVALID_SIZE,
  DRAMATIS_EXPORT_ERROR_FAILED,
} DramatisExportError;

typedef enum
{
  DRAMATIS_EXPORT_PNG,
  DRAMATIS_EXPORT_SVG,
  DRAMATIS_EXPORT_PDF,
} DramatisExportFormat;

/* cairo's image surfaces are at most this many pixels a side. */
#define DRAMATIS_EXPORT_MAX_PIXELS 32767

/* Beyond these cairo's fixed-point coordinates overflow: the largest page
 * side, in logical pixels or points, and the scales a PNG can have.
 */
#define DRAMATIS_EXPORT_MAX_SIDE 1000000.0
#define DRAMATIS_EXPORT_MIN_SCALE 0.1
#define DRAMATIS_EXPORT_MAX_SCALE 16.0

/* The largest PDF page side, in points, that every reader opens: 200
 * inches, the implementation limit of PDF 1.x.
 */
#define DRAMATIS_EXPORT_MAX_PDF_POINTS 14400.0

/* Draws a diagram into the rectangle (0, 0, width, height) of @cr. */
typedef void   (*DramatisExportDrawFunc)   (cairo_t  *cr,
                                            double    width,
                                            double    height,
                                            gpointer  user_data);
/* Draws a legend at (x, y) no wider than @max_width; returns its height. */
typedef double (*DramatisExportLegendFunc) (cairo_t  *cr,
                                            double    x,
                                            double    y,
                                            double    max_width,
                                            gpointer  user_data);

/**
 * DramatisExportPanel:
 * @draw: draws the diagram
 * @legend: (nullable): draws its legend, below it
 * @user_data: for both functions
 * @weight: the panel's share of the page's height, relative to the others
 *
 * One diagram of an exported page.  A page holds one panel per view: the
 * timeline, the network, or the timeline above the network.
 */
typedef struct
{
  DramatisExportDrawFunc    draw;
  DramatisExportLegendFunc  legend;
  gpointer                  user_data;
  double                    weight;
} DramatisExportPanel;

/**
 * DramatisExportPage:
 * @format: the kind of file
 * @width: width of the page in logical pixels (points for PDF)
 * @height: height of the page
 * @scale: device pixels per logical pixel, for PNG (2 for HiDPI, about 4
 *   for print); ignored for the vector formats
 * @title: (nullable): the title at the top
 * @subtitle: (nullable): a line under the title
 * @source_line: (nullable): the line at the bottom that says where the
 *   story comes from
 * @theme: colours and fonts
 */
typedef struct
{
  DramatisExportFormat  format;
  double                width;
  double                height;
  double                scale;
  const char           *title;
  const char           *subtitle;
  const char           *source_line;
  const DramatisTheme  *theme;
} DramatisExportPage;

GQuark    dramatis_export_error_quark      (void);

gboolean  dramatis_export_format_for_file  (const char                *filename,
                                            DramatisExportFormat      *format,
                                            GError                   **error);
void      dramatis_export_get_panel_rect   (const DramatisExportPage  *page,
                                            const DramatisExportPanel *panels,
                                            guint                      n_panels,
                                            guint                      panel,
                                            double                    *x,
                                            double                    *y,
                                            double                    *width,
                                            double                    *height);
double    dramatis_export_get_page_height  (const DramatisExportPage  *page,
                                            const DramatisExportPanel *panels,
                                            guint                      n_panels,
                                            const double              *heights);
double    dramatis_export_get_max_height   (const DramatisExportPage  *page);
void      dramatis_export_draw_page        (cairo_t                   *cr,
                                            const DramatisExportPage  *page,
                                            const DramatisExportPanel *panels,
                                            guint                      n_panels);
GBytes   *dramatis_export_to_bytes         (const DramatisExportPage  *page,
                                            const DramatisExportPanel *panels,
                                            guint                      n_panels,
                                            GError                   **error);
gboolean  dramatis_export_to_file          (GFile                     *file,
                                            const DramatisExportPage  *page,
                                            const DramatisExportPanel *panels,
                                            guint                      n_panels,
                                            GCancellable              *cancellable,
                                            GError                   **error);

G_END_DECLS
