/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "dramatis-cli"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "dramatis-cli.h"
#include "dramatis-scene.h"
#include "dramatis-story-io.h"
#include "dramatis-text-source.h"

/* The command line: it reads a story (the built-in one when none is named,
 * standard input for "-"), reports on it or exports its diagrams (to
 * standard output for "-"), with no display needed.
 */

#define STDIO_NAME "-"

/* The value of a size option that was not given: no size can be this. */
#define NOT_GIVEN (-G_MAXDOUBLE)

#define DEFAULT_WIDTH  1600
#define DEFAULT_HEIGHT 0      /* as tall as the diagrams need */
#define DEFAULT_SCALE  1

typedef struct
{
  char   *path;
  char   *format;
  char   *view;
  char   *theme;
  double  width;
  double  height;
  double  scale;
} ExportOptions;

static void
export_options_clear (ExportOptions *options)
{
  g_clear_pointer (&options->path, g_free);
  g_clear_pointer (&options->format, g_free);
  g_clear_pointer (&options->view, g_free);
  g_clear_pointer (&options->theme, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ExportOptions, export_options_clear)

/* Checks the export options before any story is read, so that wrong
 * options are told as such whatever the story.
 */
static gboolean
parse_export_options (const ExportOptions   *options,
                      DramatisExportPage    *page,
                      DramatisViewMode      *mode,
                      DramatisThemeVariant  *variant)
{
  g_autoptr(GError) error = NULL;

  if (options->format != NULL)
    {
      if (g_ascii_strcasecmp (options->format, "png") == 0)
        page->format = DRAMATIS_EXPORT_PNG;
      else if (g_ascii_strcasecmp (options->format, "svg") == 0)
        page->format = DRAMATIS_EXPORT_SVG;
      else if (g_ascii_strcasecmp (options->format, "pdf") == 0)
        page->format = DRAMATIS_EXPORT_PDF;
      else
        {
          g_printerr ("dramatis: %s\n", _("--format takes png, svg or pdf"));
          return FALSE;
        }
    }
  else if (strcmp (options->path, STDIO_NAME) == 0)
    {
      g_printerr ("dramatis: %s\n", _("exporting to standard output needs --format png, svg or pdf"));
      return FALSE;
    }
  else if (!dramatis_export_format_for_file (options->path, &page->format, &error))
    {
      g_printerr ("dramatis: %s\n", error->message);
      return FALSE;
    }

  if (options->view != NULL && !dramatis_view_mode_from_string (options->view, mode))
    {
      g_printerr ("dramatis: %s\n", _("--view takes timeline, network or both"));
      return FALSE;
    }

  if (options->theme != NULL && !dramatis_theme_variant_from_string (options->theme, variant))
    {
      g_printerr ("dramatis: %s\n", _("--theme takes light, dark or high-contrast"));
      return FALSE;
    }

  page->width = options->width != NOT_GIVEN ? options->width : DEFAULT_WIDTH;
  page->height = options->height != NOT_GIVEN ? options->height : DEFAULT_HEIGHT;
  page->scale = options->scale != NOT_GIVEN ? options->scale : DEFAULT_SCALE;

  /* A height of 0, the default, means as tall as the diagrams need. */
  if (!(page->width >= 1 && page->width <= DRAMATIS_EXPORT_MAX_SIDE &&
        ((page->height >= 1 && page->height <= DRAMATIS_EXPORT_MAX_SIDE) || page->height == 0) &&
        page->scale >= DRAMATIS_EXPORT_MIN_SCALE && page->scale <= DRAMATIS_EXPORT_MAX_SCALE))
    {
      g_autofree char *message = g_strdup_printf (_("--width and --height take a size from 1 to %'.0f, "
                                                    "and --scale a number from %g to %g"),
                                                  DRAMATIS_EXPORT_MAX_SIDE,
                                                  DRAMATIS_EXPORT_MIN_SCALE, DRAMATIS_EXPORT_MAX_SCALE);

      g_printerr ("dramatis: %s\n", message);
      return FALSE;
    }

  return TRUE;
}

/* Copies @path to standard output.  A pipe that closes early ends the
 * process with SIGPIPE, as it does any filter.
 */
static gboolean
copy_to_stdout (const char  *path,
                GError     **error)
{
  g_autofree char *contents = NULL;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, error))
    return FALSE;

  if (fwrite (contents, 1, length, stdout) != length || fflush (stdout) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("standard output: %s"), g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

static int
run_export (DramatisStory        *story,
            const ExportOptions  *options,
            DramatisExportPage   *page,
            DramatisViewMode      mode,
            DramatisThemeVariant  variant)
{
  g_auto(DramatisTheme) theme;
  g_autoptr(DramatisScene) scene = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  dramatis_theme_init (&theme, variant);
  page->theme = &theme;

  scene = dramatis_scene_new (story, &theme);
  dramatis_scene_run_layout (scene);

  if (strcmp (options->path, STDIO_NAME) != 0)
    {
      file = g_file_new_for_commandline_arg (options->path);
      if (!dramatis_scene_export (scene, file, mode, page, NULL, NULL, NULL, &error))
        {
          g_printerr ("dramatis: %s\n", error->message);
          return DRAMATIS_EXIT_BAD_INPUT;
        }
      return DRAMATIS_EXIT_SUCCESS;
    }

  /* Cairo writes PNG, SVG and PDF to files; the export is made in a
   * private folder and then copied out.
   */
  {
    g_autofree char *dir = g_dir_make_tmp ("dramatis-export-XXXXXX", &error);
    g_autofree char *path = NULL;
    gboolean ok;

    if (dir == NULL)
      {
        g_printerr ("dramatis: %s\n", error->message);
        return DRAMATIS_EXIT_BAD_INPUT;
      }

    path = g_build_filename (dir, "export", NULL);
    file = g_file_new_for_path (path);
    ok = dramatis_scene_export (scene, file, mode, page, NULL, NULL, NULL, &error) &&
         copy_to_stdout (path, &error);
    g_unlink (path);
    g_rmdir (dir);

    if (!ok)
      {
        g_printerr ("dramatis: %s\n", error->message);
        return DRAMATIS_EXIT_BAD_INPUT;
      }
  }

  return DRAMATIS_EXIT_SUCCESS;
}

/* Reads a story from standard input, as much as a story file may hold. */
static DramatisStory *
load_stdin (const char  *display_name,
            GError     **error)
{
  g_autoptr(GByteArray) data = g_byte_array_new ();
  guint8 buffer[65536];
  size_t n;

  while ((n = fread (buffer, 1, sizeof buffer, stdin)) > 0)
    {
      g_byte_array_append (data, buffer, n);
      if (data->len > DRAMATIS_STORY_MAX_FILE_SIZE)
        {
          g_autofree char *limit = g_format_size (DRAMATIS_STORY_MAX_FILE_SIZE);

          g_set_error (error, DRAMATIS_STORY_ERROR, DRAMATIS_STORY_ERROR_TOO_LARGE,
                       _("%s: the story is larger than the %s a story may be"), display_name, limit);
          return NULL;
        }
    }

  if (ferror (stdin))
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "%s: %s", display_name, g_strerror (saved_errno));
      return NULL;
    }

  {
    g_autoptr(GBytes) bytes = g_byte_array_free_to_bytes (g_steal_pointer (&data));

    return dramatis_story_load_bytes (bytes, display_name, error);
  }
}

/* Story text quoted in a message may hold line breaks or terminal escape
 * sequences: one problem stays on one line, and nothing reaches the
 * terminal but text.
 */
static char *
escape_controls (const char *text)
{
  GString *escaped = g_string_sized_new (strlen (text));

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\n')
        g_string_append (escaped, "\\n");
      else if (c == '\t')
        g_string_append (escaped, "\\t");
      else if (c < 0x20 || (c >= 0x7f && c < 0xa0))
        g_string_append_printf (escaped, "\\u%04X", c);
      else
        g_string_append_len (escaped, p, g_utf8_next_char (p) - p);
    }

  return g_string_free (escaped, FALSE);
}

static void
print_problems (DramatisStory *story,
                const char    *display_name)
{
  const DramatisProblem *problems;
  guint n_problems;

  problems = dramatis_story_get_problems (story, &n_problems);
  for (guint i = 0; i < n_problems; i++)
    {
      const DramatisProblem *p = &problems[i];
      g_autofree char *path = escape_controls (p->path);
      g_autofree char *message = escape_controls (p->message);

      if (p->line > 0)
        g_printerr ("%s:%u:%u: %s: %s\n", display_name, p->line, p->column, path, message);
      else
        g_printerr ("%s: %s\n", display_name, message);
    }
}

/**
 * dramatis_cli_run:
 * @argc: the number of arguments
 * @argv: the arguments
 *
 * Runs the command line.
 *
 * Returns: %DRAMATIS_EXIT_SUCCESS, %DRAMATIS_EXIT_BAD_INPUT for a story that
 *   cannot be read (or, with `--check`, has problems), or
 *   %DRAMATIS_EXIT_USAGE for wrong options
 */
int
dramatis_cli_run (int    argc,
                  char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DramatisStory) story = NULL;
  g_auto(GStrv) files = NULL;
  g_autofree char *display_name = NULL;
  g_auto(ExportOptions) export = { NULL, NULL, NULL, NULL, NOT_GIVEN, NOT_GIVEN, NOT_GIVEN };
  DramatisExportPage page = { 0 };
  DramatisViewMode mode = DRAMATIS_VIEW_BOTH;
  DramatisThemeVariant variant = DRAMATIS_THEME_LIGHT;
  gboolean check = FALSE;
  gboolean version = FALSE;
  guint n_problems = 0;
  const GOptionEntry entries[] = {
    { "export", 'e', 0, G_OPTION_ARG_FILENAME, &export.path,
      N_("Export the story’s diagrams to FILE (- for standard output): PNG, SVG or PDF, by its extension"),
      N_("FILE") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &export.format,
      N_("Format of the export: png, svg or pdf, whatever the file’s extension"), N_("FORMAT") },
    { "view", 0, 0, G_OPTION_ARG_STRING, &export.view,
      N_("Which diagrams to export: timeline, network or both (the default)"), N_("VIEW") },
    { "width", 'W', 0, G_OPTION_ARG_DOUBLE, &export.width,
      N_("Width of the export in logical pixels (points for PDF); 1600 by default"), N_("W") },
    { "height", 'H', 0, G_OPTION_ARG_DOUBLE, &export.height,
      N_("Height of the export; by default, as tall as the diagrams need"), N_("H") },
    { "scale", 's', 0, G_OPTION_ARG_DOUBLE, &export.scale,
      N_("Pixels per logical pixel in a PNG: 2 for HiDPI, 4 for print; 1 by default"), N_("S") },
    { "theme", 0, 0, G_OPTION_ARG_STRING, &export.theme,
      N_("Colours of the export: light (the default), dark or high-contrast"), N_("THEME") },
    { "check", 'c', 0, G_OPTION_ARG_NONE, &check,
      N_("List every problem in the story, with its line and column, and fail if there is one"), NULL },
    { "version", 0, 0, G_OPTION_ARG_NONE, &version, N_("Show the version and exit"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, N_("[STORY]") },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Opens STORY in a window — the built-in story when none is given — or, "
                                  "with --export or --check, exports or checks it without a display. "
                                  "A STORY of - is read from standard input."));
  g_option_context_set_description (context,
                                    _("Exit status: 0 on success, 1 when the story or the export fails "
                                      "(or, with --check, when the story has problems), 2 for wrong "
                                      "options.\n\nExample: dramatis --export story.png --view network "
                                      "--scale 2 story.dramatis.json"));

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("dramatis: %s\n", error->message);
      return DRAMATIS_EXIT_USAGE;
    }

  if (version)
    {
      g_print ("dramatis %s\n", PACKAGE_VERSION);
      return DRAMATIS_EXIT_SUCCESS;
    }

  if (files != NULL && g_strv_length (files) > 1)
    {
      g_printerr ("dramatis: %s\n", _("give at most one story file"));
      return DRAMATIS_EXIT_USAGE;
    }

  /* The window takes story files; the other options only shape an export,
   * and would otherwise be dropped without a word.
   */
  if (export.path == NULL && (!check || export.format != NULL || export.view != NULL ||
                              export.theme != NULL || export.width != NOT_GIVEN ||
                              export.height != NOT_GIVEN || export.scale != NOT_GIVEN))
    {
      if (files != NULL && g_strcmp0 (files[0], STDIO_NAME) == 0)
        g_printerr ("dramatis: %s\n", _("a story from standard input goes with --export or --check"));
      else
        g_printerr ("dramatis: %s\n",
                    _("--format, --view, --width, --height, --scale and --theme go with --export"));
      return DRAMATIS_EXIT_USAGE;
    }

  if (export.path != NULL && !parse_export_options (&export, &page, &mode, &variant))
    return DRAMATIS_EXIT_USAGE;

  if (files != NULL && g_strcmp0 (files[0], STDIO_NAME) == 0)
    {
      display_name = g_strdup (_("standard input"));
      story = load_stdin (display_name, &error);
    }
  else if (files != NULL && files[0] != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (files[0]);

      display_name = g_file_get_parse_name (file);
      /* The window makes a story of an article; with nothing in it but
       * the text, there is nothing here to export or check.
       */
      if (dramatis_text_is_text_file (file))
        {
          g_printerr ("dramatis: ");
          /* Translators: %s is a file name */
          g_printerr (_("%s is plain text, not a story: open it in the Dramatis window to start a story from it"),
                      display_name);
          g_printerr ("\n");
          return DRAMATIS_EXIT_BAD_INPUT;
        }
      story = dramatis_story_load_file (file, NULL, &error);
    }
  else
    {
      display_name = g_strdup (_("built-in story"));
      story = dramatis_story_load_builtin (&error);
    }

  if (story == NULL)
    {
      g_printerr ("dramatis: %s\n", error->message);
      return DRAMATIS_EXIT_BAD_INPUT;
    }

  print_problems (story, display_name);
  dramatis_story_get_problems (story, &n_problems);

  /* With --check as well, only a story without problems is exported. */
  if (export.path != NULL && !(check && n_problems > 0))
    return run_export (story, &export, &page, mode, variant);

  /* --check alone, or a check that stopped an export */
  if (n_problems == 0)
    g_print (_("%s: no problems\n"), display_name);
  return n_problems == 0 ? DRAMATIS_EXIT_SUCCESS : DRAMATIS_EXIT_BAD_INPUT;
}

/**
 * dramatis_cli_wants_terminal:
 * @argc: the number of arguments
 * @argv: the arguments
 *
 * The window takes story files; any option (--export, --check, --help, …)
 * and "-" for standard input are for the command line, which needs no
 * display.
 *
 * Returns: %TRUE if the command line should handle these arguments
 */
gboolean
dramatis_cli_wants_terminal (int    argc,
                             char **argv)
{
  /* "-" alone is standard input, which only the command line reads. */
  for (int i = 1; i < argc; i++)
    if (argv[i][0] == '-')
      return TRUE;

  return FALSE;
}
