/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "dramatis-test-utils.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <sys/wait.h>

/* The command line, run as a user would, on a machine with no display. */

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static void
run_dramatis (Run        *run,
              const char *first_arg,
              ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) env = g_get_environ ();
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

  env = g_environ_unsetenv (env, "DISPLAY");
  env = g_environ_unsetenv (env, "WAYLAND_DISPLAY");

  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, env, G_SPAWN_DEFAULT, NULL, NULL,
                               &run->out, &run->err, &run->status, &error));
  g_assert_no_error (error);
  g_test_message ("stdout: %s\nstderr: %s", run->out, run->err);

  if (WIFEXITED (run->status))
    run->status = WEXITSTATUS (run->status);
  else
    run->status = -1;
}

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
  g_auto(Run) run = { 0 };

  run_dramatis (&run, "--check", path, NULL);
  g_assert_cmpint (run.status, ==, 1);
  /* One line per problem, each naming the file, line, column and path. */
  g_assert_cmpuint (count_lines (run.err), ==, 18);
  g_assert_nonnull (strstr (run.err, place));
  g_assert_nonnull (strstr (run.err, "events[0].start_date"));
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
  gsize length;

  run_dramatis (&run, "--export", png, "--view", "network", "--width", "800", "--height", "600",
                "--scale", "2", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_true (g_file_get_contents (png, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 24);
  g_assert_true (memcmp (contents, "\x89PNG\r\n\x1a\n", 8) == 0);
  /* The IHDR chunk holds the size: the requested size times the scale. */
  g_assert_cmpuint (read_be32 ((const guchar *) contents + 16), ==, 1600);
  g_assert_cmpuint (read_be32 ((const guchar *) contents + 20), ==, 1200);
  g_clear_pointer (&contents, g_free);

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
  g_test_add_func ("/cli/usage-errors", test_usage_errors);
  g_test_add_func ("/cli/export-formats", test_export_formats);
  g_test_add_func ("/cli/export-errors", test_export_errors);
  g_test_add_func ("/cli/help", test_help);

  return g_test_run ();
}
