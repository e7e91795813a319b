/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dramatis-export.h"
#include "dramatis-test-utils.h"
#include "dramatis-scene.h"
#include "dramatis-story-io.h"

/* The export frame: formats, sizes, atomic writing and clear errors.  The
 * diagrams themselves are tested with their renderers.
 */

static void
draw_square (cairo_t  *cr,
             double    width,
             double    height,
             gpointer  user_data)
{
  const double *rgb = user_data;

  cairo_set_source_rgb (cr, rgb[0], rgb[1], rgb[2]);
  cairo_rectangle (cr, width / 4, height / 4, width / 2, height / 2);
  cairo_fill (cr);
}

static double
draw_legend (cairo_t  *cr,
             double    x,
             double    y,
             double    max_width,
             gpointer  user_data)
{
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_rectangle (cr, x, y, MIN (max_width, 100), 20);
  cairo_fill (cr);
  return 20;
}

static const double red[] = { 1, 0, 0 };
static const double blue[] = { 0, 0, 1 };

static void
init_page (DramatisExportPage   *page,
           DramatisTheme        *theme,
           DramatisExportFormat  format)
{
  dramatis_theme_init (theme, DRAMATIS_THEME_LIGHT);
  page->format = format;
  page->width = 400;
  page->height = 300;
  page->scale = 1;
  page->title = "A title";
  page->subtitle = "A subtitle";
  page->source_line = "Source: somewhere";
  page->theme = theme;
}

static cairo_status_t
read_bytes (void          *closure,
            unsigned char *data,
            unsigned int   length)
{
  GInputStream *stream = closure;

  return g_input_stream_read_all (stream, data, length, NULL, NULL, NULL)
         ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_READ_ERROR;
}

static cairo_surface_t *
decode_png (GBytes *bytes)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (bytes);

  return cairo_image_surface_create_from_png_stream (read_bytes, stream);
}

static guint32
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y)
{
  const guchar *data = cairo_image_surface_get_data (surface);

  return *(const guint32 *) (gconstpointer) (data + y * cairo_image_surface_get_stride (surface) + x * 4) & 0xffffff;
}

static void
test_png (void)
{
  g_auto(DramatisTheme) theme;
  DramatisExportPage page;
  DramatisExportPanel panels[] = {
    { draw_square, draw_legend, (gpointer) red, 1 },
    { draw_square, NULL, (gpointer) blue, 1 },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  cairo_surface_t *surface;
  double x, y, w, h;

  init_page (&page, &theme, DRAMATIS_EXPORT_PNG);
  page.scale = 2;

  bytes = dramatis_export_to_bytes (&page, panels, 2, &error);
  g_assert_no_error (error);
  g_assert_true (memcmp (g_bytes_get_data (bytes, NULL), "\x89PNG\r\n\x1a\n", 8) == 0);

  surface = decode_png (bytes);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  /* The requested size, at the requested scale. */
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 800);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 600);

  /* Each panel's diagram is where the page says, above the other. */
  dramatis_export_get_panel_rect (&page, panels, 2, 0, &x, &y, &w, &h);
  g_assert_cmpuint (pixel_at (surface, 2 * (x + w / 2), 2 * (y + h / 2)), ==, 0xff0000);
  dramatis_export_get_panel_rect (&page, panels, 2, 1, &x, &y, &w, &h);
  g_assert_cmpuint (pixel_at (surface, 2 * (x + w / 2), 2 * (y + h / 2)), ==, 0x0000ff);
  /* Background around them. */
  g_assert_cmpuint (pixel_at (surface, 2, 2), ==, 0xffffff);

  cairo_surface_destroy (surface);
}

/* A subtitle without a title is drawn in the room the page keeps for it. */
static void
test_subtitle_only (void)
{
  g_auto(DramatisTheme) theme;
  DramatisExportPage page;
  DramatisExportPanel panel = { draw_square, NULL, (gpointer) red, 1 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  cairo_surface_t *surface;
  double x, y, w, h;
  guint n_ink = 0;

  init_page (&page, &theme, DRAMATIS_EXPORT_PNG);
  page.title = NULL;
  bytes = dramatis_export_to_bytes (&page, &panel, 1, &error);
  g_assert_no_error (error);
  surface = decode_png (bytes);

  /* Above the diagram there is only the header. */
  dramatis_export_get_panel_rect (&page, &panel, 1, 0, &x, &y, &w, &h);
  for (int py = 0; py < (int) y; py++)
    for (int px = 0; px < 400; px++)
      n_ink += pixel_at (surface, px, py) != 0xffffff;
  g_assert_cmpuint (n_ink, >, 20);

  cairo_surface_destroy (surface);
}

/* A title or source line wider than the page wraps, and the page of
 * automatic height grows to hold it; only past a few lines is it cut.
 */
static void
test_long_text_wraps (void)
{
  g_auto(DramatisTheme) theme;
  DramatisExportPage page;
  DramatisExportPanel panel = { draw_square, NULL, (gpointer) red, 1 };
  const double heights[] = { 100 };
  g_autoptr(GString) paragraph = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  cairo_surface_t *surface;
  double one_line, two_lines, many_lines, short_source, long_source;
  double x, y, w, h;
  guint n_ink = 0;

  init_page (&page, &theme, DRAMATIS_EXPORT_PNG);
  page.width = 701;
  one_line = dramatis_export_get_page_height (&page, &panel, 1, heights);
  page.title = "Russia and the U.S. clash at the UN Security Council over North Korean troops";
  two_lines = dramatis_export_get_page_height (&page, &panel, 1, heights);
  g_assert_cmpfloat (two_lines, >, one_line + theme.title_font_size);

  /* A title of a whole paragraph stops growing the page at some lines. */
  for (guint i = 0; i < 60; i++)
    g_string_append (paragraph, "word after word ");
  page.title = paragraph->str;
  many_lines = dramatis_export_get_page_height (&page, &panel, 1, heights);
  g_assert_cmpfloat (many_lines, >, two_lines);
  g_assert_cmpfloat (many_lines, <, one_line + 4 * 2 * theme.title_font_size);

  page.title = "A title";
  short_source = dramatis_export_get_page_height (&page, &panel, 1, heights);
  page.source_line = "Source: Voice of America, “VOA report: Russia and U.S. clash at UN Security "
                     "Council over North Korean troops”. Public domain (work of the U.S. Government).";
  long_source = dramatis_export_get_page_height (&page, &panel, 1, heights);
  g_assert_cmpfloat (long_source, >, short_source + theme.small_font_size);

  /* The second line of the title is drawn, above the diagram. */
  page.title = "Russia and the U.S. clash at the UN Security Council over North Korean troops";
  page.height = dramatis_export_get_page_height (&page, &panel, 1, heights);
  bytes = dramatis_export_to_bytes (&page, &panel, 1, &error);
  g_assert_no_error (error);
  surface = decode_png (bytes);
  dramatis_export_get_panel_rect (&page, &panel, 1, 0, &x, &y, &w, &h);
  g_assert_cmpfloat (h, ==, 100);
  for (int py = 24 + 1.5 * theme.title_font_size; py < 24 + 2.5 * theme.title_font_size; py++)
    for (int px = 0; px < 701; px++)
      n_ink += pixel_at (surface, px, py) != 0xffffff;
  g_assert_cmpuint (n_ink, >, 20);

  cairo_surface_destroy (surface);
}

/* Initials and icons on an actor's colour (its avatar in the details)
 * read well in every style, the light colours of the dark style too.
 */
static void
test_text_on_actor_colors (void)
{
  const DramatisColor white = { 1, 1, 1, 1 };

  for (int variant = DRAMATIS_THEME_LIGHT; variant <= DRAMATIS_THEME_HIGH_CONTRAST; variant++)
    {
      g_auto(DramatisTheme) theme;

      dramatis_theme_init (&theme, variant);
      for (int kind = DRAMATIS_ACTOR_KIND_OTHER; kind <= DRAMATIS_ACTOR_KIND_GROUP; kind++)
        {
          const DramatisColor *background = dramatis_theme_get_actor_color (&theme, kind);
          DramatisColor text;

          dramatis_color_get_text_on (background, &text);
          g_test_message ("variant %d, kind %d: contrast %.2f", variant, kind,
                          dramatis_color_get_contrast (background, &text));
          g_assert_cmpfloat (dramatis_color_get_contrast (background, &text), >=, 4.5);
          g_assert_cmpfloat (dramatis_color_get_contrast (background, &text), >=,
                             dramatis_color_get_contrast (background, &white));
        }

      /* The light orange of a person in the dark style takes dark text. */
      if (variant == DRAMATIS_THEME_DARK)
        {
          DramatisColor text;

          dramatis_color_get_text_on (dramatis_theme_get_actor_color (&theme, DRAMATIS_ACTOR_KIND_PERSON), &text);
          g_assert_cmpfloat (text.red + text.green + text.blue, <, 0.6);
        }
    }

  g_assert_cmpfloat (fabs (dramatis_color_get_contrast (&white, &white) - 1.0), <, 1e-9);
}

typedef struct
{
  guint n_elements;
  gboolean has_svg_root;
} SvgCheck;

static void
svg_start_element (GMarkupParseContext  *context,
                   const char           *element,
                   const char          **names,
                   const char          **values,
                   gpointer              user_data,
                   GError              **error)
{
  SvgCheck *check = user_data;

  if (check->n_elements++ == 0 && strcmp (element, "svg") == 0)
    {
      check->has_svg_root = TRUE;
      for (guint i = 0; names[i]; i++)
        {
          if (strcmp (names[i], "width") == 0)
            g_assert_cmpstr (values[i], ==, "400px");
          if (strcmp (names[i], "height") == 0)
            g_assert_cmpstr (values[i], ==, "300px");
        }
    }
}

static void
test_svg (void)
{
  g_auto(DramatisTheme) theme;
  DramatisExportPage page;
  DramatisExportPanel panel = { draw_square, draw_legend, (gpointer) red, 1 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GMarkupParseContext) context = NULL;
  GMarkupParser parser = { svg_start_element, NULL, NULL, NULL, NULL };
  SvgCheck check = { 0 };
  const char *text;
  gsize length;

  init_page (&page, &theme, DRAMATIS_EXPORT_SVG);
  bytes = dramatis_export_to_bytes (&page, &panel, 1, &error);
  g_assert_no_error (error);

  /* It parses as XML, with an <svg> root of the requested size. */
  text = g_bytes_get_data (bytes, &length);
  context = g_markup_parse_context_new (&parser, G_MARKUP_IGNORE_QUALIFIED, &check, NULL);
  g_assert_true (g_str_has_prefix (text, "<?xml"));
  text = strchr (text, '\n') + 1;
  g_assert_true (g_markup_parse_context_parse (context, text, length - (text - (const char *) g_bytes_get_data (bytes, NULL)), &error));
  g_assert_true (g_markup_parse_context_end_parse (context, &error));
  g_assert_no_error (error);
  g_assert_true (check.has_svg_root);
  g_assert_cmpuint (check.n_elements, >, 3);
}

static guint
count_substrings (const char *haystack,
                  gsize       length,
                  const char *needle)
{
  gsize needle_length = strlen (needle);
  guint n = 0;

  for (const char *p = haystack; p + needle_length <= haystack + length; p++)
    if (memcmp (p, needle, needle_length) == 0 &&
        (p + needle_length == haystack + length || p[needle_length] != 's'))
      n++;
  return n;
}

static void
test_pdf (void)
{
  g_auto(DramatisTheme) theme;
  DramatisExportPage page;
  DramatisExportPanel panel = { draw_square, NULL, (gpointer) red, 1 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gsize length;
  const char *data;

  init_page (&page, &theme, DRAMATIS_EXPORT_PDF);
  bytes = dramatis_export_to_bytes (&page, &panel, 1, &error);
  g_assert_no_error (error);

  data = g_bytes_get_data (bytes, &length);
  g_assert_true (g_str_has_prefix (data, "%PDF-"));
  /* One page, of the requested size in points. */
  g_assert_cmpuint (count_substrings (data, length, "/Type /Page"), ==, 1);
  g_assert_nonnull (g_strstr_len (data, length, "/MediaBox [ 0 0 400 300 ]"));
}

/* A page taller than 200 inches is shrunk, keeping its proportions, to the
 * size every PDF reader opens.
 */
static void
test_pdf_tall_page (void)
{
  g_auto(DramatisTheme) theme;
  DramatisExportPage page;
  DramatisExportPanel panel = { draw_square, NULL, (gpointer) red, 1 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gsize length;
  const char *data;

  init_page (&page, &theme, DRAMATIS_EXPORT_PDF);
  page.width = 1600;
  page.height = 57600;
  bytes = dramatis_export_to_bytes (&page, &panel, 1, &error);
  g_assert_no_error (error);

  data = g_bytes_get_data (bytes, &length);
  g_assert_nonnull (g_strstr_len (data, length, "/MediaBox [ 0 0 400 14400 ]"));
}

static void
test_format_for_file (void)
{
  DramatisExportFormat format;
  g_autoptr(GError) error = NULL;

  g_assert_true (dramatis_export_format_for_file ("a.png", &format, NULL));
  g_assert_cmpint (format, ==, DRAMATIS_EXPORT_PNG);
  g_assert_true (dramatis_export_format_for_file ("B.SVG", &format, NULL));
  g_assert_cmpint (format, ==, DRAMATIS_EXPORT_SVG);
  g_assert_true (dramatis_export_format_for_file ("/x/c.Pdf", &format, NULL));
  g_assert_cmpint (format, ==, DRAMATIS_EXPORT_PDF);

  g_assert_false (dramatis_export_format_for_file ("story.jpg", &format, &error));
  g_assert_error (error, DRAMATIS_EXPORT_ERROR, DRAMATIS_EXPORT_ERROR_UNKNOWN_FORMAT);
  g_assert_nonnull (strstr (error->message, "story.jpg"));
}

static void
test_too_large (void)
{
  g_auto(DramatisTheme) theme;
  DramatisExportPage page;
  DramatisExportPanel panel = { draw_square, NULL, (gpointer) red, 1 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  init_page (&page, &theme, DRAMATIS_EXPORT_PNG);
  page.width = 20000;
  page.scale = 2;
  bytes = dramatis_export_to_bytes (&page, &panel, 1, &error);
  g_assert_null (bytes);
  g_assert_error (error, DRAMATIS_EXPORT_ERROR, DRAMATIS_EXPORT_ERROR_INVALID_SIZE);
  g_assert_nonnull (strstr (error->message, "40000"));
  g_clear_error (&error);

  page.width = 0;
  bytes = dramatis_export_to_bytes (&page, &panel, 1, &error);
  g_assert_error (error, DRAMATIS_EXPORT_ERROR, DRAMATIS_EXPORT_ERROR_INVALID_SIZE);
  g_assert_null (bytes);
  g_clear_error (&error);

  /* Vector pages have no pixels, but cairo's coordinates still end. */
  page.format = DRAMATIS_EXPORT_SVG;
  page.width = 1e7;
  bytes = dramatis_export_to_bytes (&page, &panel, 1, &error);
  g_assert_error (error, DRAMATIS_EXPORT_ERROR, DRAMATIS_EXPORT_ERROR_INVALID_SIZE);
  g_assert_null (bytes);
  g_clear_error (&error);

  page.format = DRAMATIS_EXPORT_PNG;
  page.width = 400;
  page.scale = 1e-300;
  bytes = dramatis_export_to_bytes (&page, &panel, 1, &error);
  g_assert_error (error, DRAMATIS_EXPORT_ERROR, DRAMATIS_EXPORT_ERROR_INVALID_SIZE);
  g_assert_null (bytes);
}

/* A page of automatic height stops where its format's readers stop. */
static void
test_max_height (void)
{
  g_auto(DramatisTheme) theme;
  DramatisExportPage page;

  init_page (&page, &theme, DRAMATIS_EXPORT_PNG);
  page.width = 1600;
  g_assert_cmpfloat (dramatis_export_get_max_height (&page), ==, DRAMATIS_EXPORT_MAX_PIXELS);
  page.scale = 2;
  g_assert_cmpfloat (dramatis_export_get_max_height (&page), ==, 16383);
  g_assert_cmpfloat (ceil (dramatis_export_get_max_height (&page) * page.scale), <=,
                     DRAMATIS_EXPORT_MAX_PIXELS);

  /* The scale is a PNG's alone. */
  page.format = DRAMATIS_EXPORT_SVG;
  g_assert_cmpfloat (dramatis_export_get_max_height (&page), ==, DRAMATIS_EXPORT_MAX_PIXELS);

  /* A PDF page is not shrunk for its height unless it is already for its width. */
  page.format = DRAMATIS_EXPORT_PDF;
  g_assert_cmpfloat (dramatis_export_get_max_height (&page), ==, DRAMATIS_EXPORT_MAX_PDF_POINTS);
  page.width = 20000;
  g_assert_cmpfloat (dramatis_export_get_max_height (&page), ==, 20000);
}

/* A failed export names the file and leaves what was there. */
static void
test_failed_export_keeps_file (void)
{
  g_auto(DramatisTheme) theme;
  DramatisExportPage page;
  DramatisExportPanel panel = { draw_square, NULL, (gpointer) red, 1 };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = dramatis_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "diagram.png", NULL);
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "diagram.png", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) missing_file = g_file_new_for_path (missing);
  g_autofree char *contents = NULL;

  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  init_page (&page, &theme, DRAMATIS_EXPORT_PNG);

  page.scale = 1000;
  g_assert_false (dramatis_export_to_file (file, &page, &panel, 1, NULL, &error));
  g_assert_error (error, DRAMATIS_EXPORT_ERROR, DRAMATIS_EXPORT_ERROR_INVALID_SIZE);
  g_assert_true (g_str_has_prefix (error->message, path));
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old");
  g_clear_error (&error);
  g_clear_pointer (&contents, g_free);

  page.scale = 1;
  g_assert_false (dramatis_export_to_file (missing_file, &page, &panel, 1, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_true (g_str_has_prefix (error->message, missing));
  g_clear_error (&error);

  g_assert_true (dramatis_export_to_file (file, &page, &panel, 1, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "\x89PNG"));
  /* No temporary file left beside it. */
  g_assert_cmpuint (dramatis_test_count_files (dir), ==, 1);

  g_unlink (path);
  g_rmdir (dir);
}

/* What is not a regular file is written to, never replaced; a symbolic
 * link keeps pointing where it did, even at a file still to be made; and
 * a name as long as the system allows still leaves room to write it.
 */
static void
test_export_targets (void)
{
  g_auto(DramatisTheme) theme;
  DramatisExportPage page;
  DramatisExportPanel panel = { draw_square, NULL, (gpointer) red, 1 };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = dramatis_test_make_temp_dir ();
  g_autofree char *fifo = g_build_filename (dir, "pipe.svg", NULL);
  g_autofree char *link = g_build_filename (dir, "link.png", NULL);
  g_autofree char *real = g_build_filename (dir, "real.png", NULL);
  g_autofree char *long_base = g_strnfill (250, 'a');
  g_autofree char *long_name = g_strconcat (long_base, ".png", NULL);
  g_autofree char *long_path = g_build_filename (dir, long_name, NULL);
  g_autoptr(GFile) fifo_file = g_file_new_for_path (fifo);
  g_autoptr(GFile) link_file = g_file_new_for_path (link);
  g_autoptr(GFile) long_file = g_file_new_for_path (long_path);
  char buffer[6];
  struct stat st;
  int reader;

  init_page (&page, &theme, DRAMATIS_EXPORT_SVG);
  page.width = page.height = 40;
  page.title = page.subtitle = page.source_line = NULL;

  /* A reader that does not block lets the writer open the pipe; the small
   * page fits in the pipe's buffer.
   */
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  reader = g_open (fifo, O_RDONLY | O_NONBLOCK, 0);
  g_assert_cmpint (reader, >=, 0);
  g_assert_true (dramatis_export_to_file (fifo_file, &page, &panel, 1, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (read (reader, buffer, sizeof buffer - 1), ==, sizeof buffer - 1);
  buffer[sizeof buffer - 1] = '\0';
  g_assert_cmpstr (buffer, ==, "<?xml");
  close (reader);
  g_assert_cmpint (lstat (fifo, &st), ==, 0);
  g_assert_true (S_ISFIFO (st.st_mode));

  page.format = DRAMATIS_EXPORT_PNG;
  g_assert_cmpint (symlink ("real.png", link), ==, 0);
  g_assert_true (dramatis_export_to_file (link_file, &page, &panel, 1, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (lstat (link, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  g_assert_true (g_file_test (real, G_FILE_TEST_IS_REGULAR));

  g_assert_true (dramatis_export_to_file (long_file, &page, &panel, 1, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (long_path, G_FILE_TEST_IS_REGULAR));

  /* Nothing else left behind. */
  g_assert_cmpuint (dramatis_test_count_files (dir), ==, 4);
  dramatis_test_remove_temp_dir (dir);
}

typedef struct
{
  DramatisTimeline    *timeline;
  const DramatisTheme *theme;
} LegendData;

static double
draw_timeline_legend (cairo_t  *cr,
                      double    x,
                      double    y,
                      double    max_width,
                      gpointer  user_data)
{
  LegendData *data = user_data;

  return dramatis_timeline_draw_legend (data->timeline, cr, data->theme, x, y, max_width);
}

/* The window fits the scene's timeline to its own width; exporting the
 * whole story at another width must not pack those rows again, and a page
 * of automatic height holds every lane of the timeline as the page draws it.
 */
static void
test_scene_whole_story (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DramatisStory) story = dramatis_story_load_builtin (&error);
  g_auto(DramatisTheme) theme;
  g_autoptr(DramatisScene) scene = NULL;
  g_autoptr(DramatisTimeline) alone = NULL;
  g_autoptr(GArray) labels = NULL;
  g_autoptr(GArray) labels_after = NULL;
  g_autofree char *dir = dramatis_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "story.png", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *source_line = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  DramatisTimeline *timeline;
  DramatisTimelineView view, fitted;
  DramatisExportPage page = { DRAMATIS_EXPORT_PNG, 700, 0, 1, NULL, NULL, NULL, NULL };
  DramatisExportPanel panel = { draw_square, draw_timeline_legend, NULL, 1 };
  LegendData legend;
  cairo_surface_t *surface;
  double content_height, x, y, width, height;
  gsize length;

  g_assert_no_error (error);
  dramatis_theme_init (&theme, DRAMATIS_THEME_LIGHT);
  scene = dramatis_scene_new (story, &theme);
  timeline = dramatis_scene_get_timeline (scene);
  dramatis_timeline_fit (timeline, 1000, 700, &view);
  content_height = dramatis_timeline_get_content_height (timeline);
  labels = dramatis_timeline_get_labels (timeline, &view);

  page.theme = &theme;
  g_assert_true (dramatis_scene_export (scene, file, DRAMATIS_VIEW_TIMELINE, &page, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpfloat (dramatis_timeline_get_content_height (timeline), ==, content_height);
  labels_after = dramatis_timeline_get_labels (timeline, &view);
  g_assert_cmpuint (labels_after->len, ==, labels->len);

  /* The page the frame makes for a timeline fitted to the panel's width. */
  alone = dramatis_timeline_new (story, DRAMATIS_LANES_BY_ACTOR, &theme);
  legend = (LegendData) { alone, &theme };
  panel.user_data = &legend;
  title = dramatis_scene_dup_title (scene);
  subtitle = dramatis_scene_dup_subtitle (scene, DRAMATIS_VIEW_TIMELINE);
  source_line = dramatis_scene_dup_source_line (scene);
  page.title = title;
  page.subtitle = subtitle;
  page.source_line = source_line;
  dramatis_export_get_panel_rect (&page, &panel, 1, 0, &x, &y, &width, &height);
  dramatis_timeline_fit (alone, width, 0, &fitted);
  content_height = dramatis_timeline_get_content_height (alone);

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  surface = decode_png (bytes);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 700);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==,
                   dramatis_export_get_page_height (&page, &panel, 1, &content_height));

  cairo_surface_destroy (surface);
  g_unlink (path);
  g_rmdir (dir);
}

/* A story may leave out names and ids; the loader reports that, and every
 * view still draws the items, by their ids or without a label.
 */
static void
test_scene_unnamed_items (void)
{
  static const char json[] =
    "{\"format\": \"dramatis-story\", \"version\": \"1.0\","
    " \"actors\": [{}, {\"id\": \"b\"}, {\"id\": \"c\", \"name\": \"\"}],"
    " \"events\": [{\"start_date\": \"2024-01-01\","
    "               \"participants\": [{\"actor_id\": \"b\"}, {\"actor_id\": \"c\"}]}],"
    " \"relations\": [{\"from\": \"b\", \"to\": \"c\", \"type\": \"supports\"}]}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, sizeof json - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(DramatisStory) story = dramatis_story_load_bytes (bytes, "unnamed.json", &error);
  g_auto(DramatisTheme) theme;
  g_autoptr(DramatisScene) scene = NULL;
  g_autofree char *dir = dramatis_test_make_temp_dir ();
  DramatisExportPage page = { DRAMATIS_EXPORT_PNG, 600, 0, 1, NULL, NULL, NULL, NULL };

  g_assert_no_error (error);
  g_assert_cmpuint (dramatis_story_get_n_actors (story), ==, 3);
  g_assert_cmpstr (dramatis_actor_get_label (dramatis_story_get_actor (story, 0)), ==, "");
  g_assert_cmpstr (dramatis_actor_get_label (dramatis_story_get_actor (story, 1)), ==, "b");
  g_assert_cmpstr (dramatis_actor_get_label (dramatis_story_get_actor (story, 2)), ==, "");
  g_assert_cmpstr (dramatis_event_get_label (dramatis_story_get_event (story, 0)), ==, "");

  dramatis_theme_init (&theme, DRAMATIS_THEME_LIGHT);
  page.theme = &theme;
  scene = dramatis_scene_new (story, &theme);
  for (DramatisExportFormat format = DRAMATIS_EXPORT_PNG; format <= DRAMATIS_EXPORT_PDF; format++)
    {
      static const char *const names[] = { "story.png", "story.svg", "story.pdf" };
      g_autofree char *path = g_build_filename (dir, names[format], NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);

      page.format = format;
      g_assert_true (dramatis_scene_export (scene, file, DRAMATIS_VIEW_BOTH, &page, NULL, NULL, NULL, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
    }

  dramatis_test_remove_temp_dir (dir);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/export/png", test_png);
  g_test_add_func ("/render/export/subtitle-only", test_subtitle_only);
  g_test_add_func ("/render/export/long-text-wraps", test_long_text_wraps);
  g_test_add_func ("/render/export/svg", test_svg);
  g_test_add_func ("/render/theme/text-on-actor-colors", test_text_on_actor_colors);
  g_test_add_func ("/render/export/pdf", test_pdf);
  g_test_add_func ("/render/export/pdf-tall-page", test_pdf_tall_page);
  g_test_add_func ("/render/export/format-for-file", test_format_for_file);
  g_test_add_func ("/render/export/too-large", test_too_large);
  g_test_add_func ("/render/export/max-height", test_max_height);
  g_test_add_func ("/render/export/failed-export-keeps-file", test_failed_export_keeps_file);
  g_test_add_func ("/render/export/targets", test_export_targets);
  g_test_add_func ("/render/export/scene-whole-story", test_scene_whole_story);
  g_test_add_func ("/render/export/scene-unnamed-items", test_scene_unnamed_items);

  return g_test_run ();
}
