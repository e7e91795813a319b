/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "dramatis-synthetic.h"
#include "dramatis-test-utils.h"

#include <gio/gio.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <sys/wait.h>

/* The command line, run as a user would, on a machine with no display. */

typedef struct
{
  int     status;
  char   *out;
  gsize   out_length;
  GBytes *out_bytes;
  char   *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->out_bytes, g_bytes_unref);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* Runs dramatis with the arguments after @input, which it reads on its
 * standard input if it is not %NULL.  No display is available to it.
 */
static void
run_dramatis_with_input (Run        *run,
                         GBytes     *input,
                         const char *first_arg,
                         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GBytes) out = NULL;
  g_autoptr(GBytes) err = NULL;
  g_autoptr(GBytes) empty = NULL;
  g_autoptr(GError) error = NULL;
  const char *bin = g_getenv ("DRAMATIS_BIN");
  const char *arg;
  va_list args;

  g_assert_nonnull (bin);

  g_ptr_array_add (argv, (gpointer) bin);
  va_start (args, first_arg);
  for (arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);

  /* Without input, standard input is empty rather than the test's own. */
  if (input == NULL)
    {
      empty = g_bytes_new_static ("", 0);
      input = empty;
    }
  g_assert_true (g_subprocess_communicate (process, input, NULL, &out, &err, &error));
  g_assert_no_error (error);

  /* An empty GBytes may have no data at all. */
  run->out_length = g_bytes_get_size (out);
  run->out = run->out_length ? g_strndup (g_bytes_get_data (out, NULL), run->out_length) : g_strdup ("");
  run->out_bytes = g_bytes_ref (out);
  run->err = g_bytes_get_size (err) ? g_strndup (g_bytes_get_data (err, NULL), g_bytes_get_size (err))
                                    : g_strdup ("");
  g_test_message ("stdout: %.200s\nstderr: %s", run->out, run->err);

  if (g_subprocess_get_if_exited (process))
    run->status = g_subprocess_get_exit_status (process);
  else
    {
      /* Say which signal ended it, and count it as no status at all. */
      g_test_message ("dramatis was ended by signal %d", g_subprocess_get_term_sig (process));
      run->status = -1;
    }
}

#define run_dramatis(run, ...) run_dramatis_with_input ((run), NULL, __VA_ARGS__)

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p; p++)
    n += *p == '\n';
  return n;
}

static void
test_version (void)
{
  g_auto(Run) run = { 0 };

  run_dramatis (&run, "--version", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "dramatis " PACKAGE_VERSION "\n");
}

static void
test_check_clean (void)
{
  g_autofree char *path = dramatis_test_fixture_path ("queries.dramatis.json");
  g_auto(Run) run = { 0 };

  run_dramatis (&run, "--check", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "no problems"));

  run_clear (&run);
  run_dramatis (&run, "--check", NULL);
  g_assert_cmpint (run.status, ==, 0);
}

static void
test_check_problems (void)
{
  g_autofree char *path = dramatis_test_fixture_path ("invalid-warnings.dramatis.json");
  g_autofree char *place = g_strdup_printf ("%s:19:", path);
  static const char odd_story[] =
    "{\"format\": \"dramatis-story\", \"version\": \"1.0\", \"odd\\nname\": 1,"
    " \"actors\": [{\"id\": \"a\", \"name\": \"A\", \"affiliation_id\": \"x\\u001b[31m\"}]}";
  g_autoptr(GBytes) odd = NULL;
  g_auto(Run) run = { 0 };

  run_dramatis (&run, "--check", path, NULL);
  g_assert_cmpint (run.status, ==, 1);
  /* One line per problem, each naming the file, line, column and path. */
  g_assert_cmpuint (count_lines (run.err), ==, 18);
  g_assert_nonnull (strstr (run.err, place));
  g_assert_nonnull (strstr (run.err, "events[0].start_date"));

  /* Text from the story is quoted with its control characters escaped. */
  run_clear (&run);
  odd = g_bytes_new_static (odd_story, sizeof odd_story - 1);
  run_dramatis_with_input (&run, odd, "--check", "-", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpuint (count_lines (run.err), ==, 2);
  g_assert_null (strchr (run.err, '\x1b'));
  g_assert_nonnull (strstr (run.err, "odd\\nname"));
  g_assert_nonnull (strstr (run.err, "x\\u001B[31m"));
}

static void
test_bad_input (void)
{
  g_autofree char *bad = dramatis_test_fixture_path ("bad-version.json");
  g_autofree char *missing = dramatis_test_fixture_path ("no-such-file.json");
  g_auto(Run) run = { 0 };

  run_dramatis (&run, "--check", bad, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpuint (count_lines (run.err), ==, 1);
  g_assert_true (g_str_has_prefix (run.err, "dramatis: "));
  g_assert_nonnull (strstr (run.err, bad));
  g_assert_cmpstr (run.out, ==, "");

  run_clear (&run);
  run_dramatis (&run, "--check", missing, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpuint (count_lines (run.err), ==, 1);
  g_assert_nonnull (strstr (run.err, missing));
}

/* An article as plain text opens in the window as a new story; the
 * command line says so, naming the file, instead of a JSON syntax error.
 */
static void
test_plain_text (void)
{
  g_autofree char *dir = dramatis_test_make_temp_dir ();
  g_autofree char *text = g_build_filename (dir, "article.txt", NULL);
  g_autofree char *out = g_build_filename (dir, "out.png", NULL);
  g_auto(Run) run = { 0 };

  g_assert_true (g_file_set_contents (text, "An article about nothing.\n", -1, NULL));
  run_dramatis (&run, "--export", out, text, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpuint (count_lines (run.err), ==, 1);
  g_assert_nonnull (strstr (run.err, text));
  g_assert_nonnull (strstr (run.err, "plain text"));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));

  dramatis_test_remove_temp_dir (dir);
}

static void
test_usage_errors (void)
{
  g_auto(Run) run = { 0 };

  run_dramatis (&run, "--no-such-option", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "--no-such-option"));

  run_clear (&run);
  run_dramatis (&run, "--check", "a.json", "b.json", NULL);
  g_assert_cmpint (run.status, ==, 2);

  /* Export options without --export are a mistake, not a silent success. */
  run_clear (&run);
  run_dramatis (&run, "--view", "network", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "--export"));
  g_assert_cmpstr (run.out, ==, "");
}

static guint32
read_be32 (const guchar *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

/* Reads the size of the PNG at @path from its IHDR chunk, checking that it
 * is a PNG.
 */
static void
read_png_size (const char *path,
               guint32    *width,
               guint32    *height)
{
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 24);
  g_assert_true (memcmp (contents, "\x89PNG\r\n\x1a\n", 8) == 0);
  *width = read_be32 ((const guchar *) contents + 16);
  *height = read_be32 ((const guchar *) contents + 20);
}

/* Exports need no display: the tests run with DISPLAY and WAYLAND_DISPLAY unset. */
static void
test_export_formats (void)
{
  g_autofree char *dir = dramatis_test_make_temp_dir ();
  g_autofree char *png = g_build_filename (dir, "story.png", NULL);
  g_autofree char *svg = g_build_filename (dir, "story.svg", NULL);
  g_autofree char *pdf = g_build_filename (dir, "story.pdf", NULL);
  g_autofree char *contents = NULL;
  g_auto(Run) run = { 0 };
  guint32 width, height;

  run_dramatis (&run, "--export", png, "--view", "network", "--width", "800", "--height", "600",
                "--scale", "2", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  /* The requested size times the scale. */
  read_png_size (png, &width, &height);
  g_assert_cmpuint (width, ==, 1600);
  g_assert_cmpuint (height, ==, 1200);

  run_clear (&run);
  run_dramatis (&run, "--export", svg, "--view", "timeline", "--theme", "dark", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_file_get_contents (svg, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "<?xml"));
  g_assert_nonnull (strstr (contents, "<svg"));
  g_assert_nonnull (strstr (contents, "width=\"1600px\""));
  g_clear_pointer (&contents, g_free);

  run_clear (&run);
  run_dramatis (&run, "--export", pdf, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_file_get_contents (pdf, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));

  dramatis_test_remove_temp_dir (dir);
}

static void
test_export_errors (void)
{
  g_autofree char *dir = dramatis_test_make_temp_dir ();
  g_autofree char *jpg = g_build_filename (dir, "story.jpg", NULL);
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "story.png", NULL);
  g_autofree char *huge = g_build_filename (dir, "huge.png", NULL);
  g_autofree char *bad_story = dramatis_test_fixture_path ("bad-syntax.json");
  g_autofree char *png = g_build_filename (dir, "story.png", NULL);
  g_autofree char *svg = g_build_filename (dir, "story.svg", NULL);
  g_auto(Run) run = { 0 };

  /* Wrong options are usage errors, told before any story is read. */
  run_dramatis (&run, "--export", jpg, NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "story.jpg"));
  g_assert_cmpuint (count_lines (run.err), ==, 1);

  run_clear (&run);
  run_dramatis (&run, "--export", png, "--view", "sideways", bad_story, NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "--view"));

  run_clear (&run);
  run_dramatis (&run, "--export", png, "--width", "-5", NULL);
  g_assert_cmpint (run.status, ==, 2);

  /* Sizes that no drawing surface holds are wrong options too. */
  {
    const char *const out_of_range[][2] = {
      { "--width", "1e7" }, { "--height", "1e10" }, { "--scale", "inf" },
      { "--scale", "1e-300" }, { "--scale", "nan" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (out_of_range); i++)
      {
        run_clear (&run);
        run_dramatis (&run, "--export", svg, out_of_range[i][0], out_of_range[i][1], NULL);
        g_assert_cmpint (run.status, ==, 2);
        g_assert_cmpuint (count_lines (run.err), ==, 1);
        g_assert_false (g_file_test (svg, G_FILE_TEST_EXISTS));
      }
  }

  /* Bad input: one line naming the file and the problem. */
  run_clear (&run);
  run_dramatis (&run, "--export", missing, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpuint (count_lines (run.err), ==, 1);
  g_assert_nonnull (strstr (run.err, missing));

  run_clear (&run);
  run_dramatis (&run, "--export", huge, "--width", "20000", "--height", "500", "--scale", "2", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpuint (count_lines (run.err), ==, 1);
  g_assert_nonnull (strstr (run.err, huge));
  g_assert_nonnull (strstr (run.err, "32767"));
  g_assert_false (g_file_test (huge, G_FILE_TEST_EXISTS));

  run_clear (&run);
  run_dramatis (&run, "--export", png, bad_story, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, bad_story));
  g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));

  dramatis_test_remove_temp_dir (dir);
}

/* Whether @data, which may hold NUL bytes, holds @text. */
static gboolean
contains_bytes (const char *data,
                gsize       length,
                const char *text)
{
  gsize n = strlen (text);

  for (gsize i = 0; i + n <= length; i++)
    if (memcmp (data + i, text, n) == 0)
      return TRUE;
  return FALSE;
}

/* A story of 2,000 actors needs a page hundreds of thousands of pixels tall
 * for a lane each: by default the page stops where the format's readers
 * stop, and its timeline shows the lanes that fit.
 */
static void
test_export_large_story (void)
{
  static const DramatisSyntheticSize size = { 2000, 4000, 2000, 0, 1 };
  g_autofree char *dir = dramatis_test_make_temp_dir ();
  g_autofree char *story = g_build_filename (dir, "big.dramatis.json", NULL);
  g_autofree char *png = g_build_filename (dir, "big.png", NULL);
  g_autofree char *svg = g_build_filename (dir, "big.svg", NULL);
  g_autofree char *pdf = g_build_filename (dir, "big.pdf", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GString) text = dramatis_synthetic_story (&size);
  g_autoptr(GError) error = NULL;
  g_auto(Run) run = { 0 };
  const char *svg_height;
  guint32 width, height;
  gsize length;

  g_assert_true (g_file_set_contents (story, text->str, text->len, &error));
  g_assert_no_error (error);

  run_dramatis (&run, "--export", png, "--view", "both", story, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  read_png_size (png, &width, &height);
  g_assert_cmpuint (width, ==, 1600);
  g_assert_cmpuint (height, <=, 32767);
  /* Filled, not a token strip: the timeline took the room there was. */
  g_assert_cmpuint (height, >, 30000);

  /* An SVG is held to what viewers that draw it with cairo can show. */
  run_clear (&run);
  run_dramatis (&run, "--export", svg, "--view", "timeline", story, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_file_get_contents (svg, &contents, NULL, NULL));
  svg_height = strstr (contents, "height=\"");
  g_assert_nonnull (svg_height);
  g_assert_cmpfloat (g_ascii_strtod (svg_height + strlen ("height=\""), NULL), <=, 32767);
  g_clear_pointer (&contents, g_free);

  /* A PDF page fits PDF's limit without being shrunk, so it keeps its width. */
  run_clear (&run);
  run_dramatis (&run, "--export", pdf, "--view", "timeline", story, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_file_get_contents (pdf, &contents, &length, NULL));
  g_assert_true (contains_bytes (contents, length, "/MediaBox [ 0 0 1600 "));
  g_clear_pointer (&contents, g_free);

  /* A height asked for is not changed: too tall, it fails as before. */
  run_clear (&run);
  run_dramatis (&run, "--export", png, "--view", "network", "--height", "40000", story, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpuint (count_lines (run.err), ==, 1);
  g_assert_nonnull (strstr (run.err, "32767"));

  dramatis_test_remove_temp_dir (dir);
}

static void
test_help (void)
{
  g_auto(Run) run = { 0 };

  run_dramatis (&run, "--help", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "--export"));
  g_assert_nonnull (strstr (run.out, "--view"));
  g_assert_nonnull (strstr (run.out, "--scale"));
  g_assert_nonnull (strstr (run.out, "Exit status"));
}

/* "-" reads the story from standard input and writes the export to
 * standard output, as a filter in a pipeline.
 */
static void
test_standard_streams (void)
{
  static const guchar png_signature[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  g_autofree char *path = dramatis_test_fixture_path ("queries.dramatis.json");
  g_autofree char *text = NULL;
  g_autoptr(GBytes) story = NULL;
  g_autoptr(GBytes) broken = g_bytes_new_static ("{\n  \"format\": ", 15);
  g_autoptr(GError) error = NULL;
  g_auto(Run) run = { 0 };
  gsize length;

  g_assert_true (g_file_get_contents (path, &text, &length, &error));
  g_assert_no_error (error);
  story = g_bytes_new (text, length);

  run_dramatis_with_input (&run, story, "--export", "-", "--format", "svg", "--view", "network", "-", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "<?xml"));
  g_assert_nonnull (strstr (run.out, "</svg>"));
  g_assert_cmpstr (run.err, ==, "");

  run_clear (&run);
  run_dramatis_with_input (&run, story, "--export", "-", "--format", "png", "-", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpuint (run.out_length, >, sizeof png_signature);
  g_assert_cmpmem (g_bytes_get_data (run.out_bytes, NULL), sizeof png_signature,
                   png_signature, sizeof png_signature);

  /* --check reads standard input too, and names it in its messages. */
  run_clear (&run);
  run_dramatis_with_input (&run, story, "--check", "-", NULL);
  g_assert_cmpint (run.status, ==, 0);

  run_clear (&run);
  run_dramatis_with_input (&run, broken, "--check", "-", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_true (g_str_has_prefix (run.err, "dramatis: standard input:"));

  /* Standard output has no extension to tell the format by. */
  run_clear (&run);
  run_dramatis (&run, "--export", "-", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "--format"));
  g_assert_cmpstr (run.out, ==, "");

  run_clear (&run);
  run_dramatis (&run, "--export", "story.png", "--format", "gif", NULL);
  g_assert_cmpint (run.status, ==, 2);

  /* Only the three names, not a file name that ends in one. */
  run_clear (&run);
  run_dramatis (&run, "--export", "-", "--format", "x.svg", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpstr (run.out, ==, "");

  /* A check exports nothing, so export options with it are a mistake. */
  run_clear (&run);
  run_dramatis (&run, "--check", "--format", "png", NULL);
  g_assert_cmpint (run.status, ==, 2);
  run_clear (&run);
  run_dramatis (&run, "--check", "--width", "1600", NULL);
  g_assert_cmpint (run.status, ==, 2);

  /* Without --export or --check there is nothing to do with standard input. */
  run_clear (&run);
  run_dramatis_with_input (&run, story, "-", NULL);
  g_assert_cmpint (run.status, ==, 2);
}

/* With --check, a story with problems is not exported. */
static void
test_check_then_export (void)
{
  g_autofree char *problems = dramatis_test_fixture_path ("invalid-warnings.dramatis.json");
  g_autofree char *clean = dramatis_test_fixture_path ("queries.dramatis.json");
  g_autofree char *dir = dramatis_test_make_temp_dir ();
  g_autofree char *target = g_build_filename (dir, "out.svg", NULL);
  g_auto(Run) run = { 0 };

  run_dramatis (&run, "--check", "--export", target, problems, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_false (g_file_test (target, G_FILE_TEST_EXISTS));

  run_clear (&run);
  run_dramatis (&run, "--check", "--export", target, clean, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_file_test (target, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpstr (run.out, ==, "");

  dramatis_test_remove_temp_dir (dir);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/version", test_version);
  g_test_add_func ("/cli/check-clean", test_check_clean);
  g_test_add_func ("/cli/check-problems", test_check_problems);
  g_test_add_func ("/cli/bad-input", test_bad_input);
  g_test_add_func ("/cli/plain-text", test_plain_text);
  g_test_add_func ("/cli/usage-errors", test_usage_errors);
  g_test_add_func ("/cli/export-formats", test_export_formats);
  g_test_add_func ("/cli/export-errors", test_export_errors);
  g_test_add_func ("/cli/export-large-story", test_export_large_story);
  g_test_add_func ("/cli/help", test_help);
  g_test_add_func ("/cli/standard-streams", test_standard_streams);
  g_test_add_func ("/cli/check-then-export", test_check_then_export);

  return g_test_run ();
}
