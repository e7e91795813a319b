/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dramatis-story-io.h"
#include "dramatis-synthetic.h"

/* The load benchmark: a story of 100,000 events, 10,000 actors, 30,000
 * relations and 100,000 statements, loaded into the model and, for
 * comparison, parsed by json-glib alone.  Times are medians of rounds that
 * alternate the two in one process, so that the machine's noise hits both;
 * peak memory is measured in a fresh process for each.
 *
 * Targets: the model adds at most 30% to json-glib's parse time, and its
 * peak memory is under 1.5 times that of the parse alone.  Loading from the
 * file in a worker thread with progress reports, as the window does, adds at
 * most 10% to loading from memory.
 */

#define ROUNDS 5

static const DramatisSyntheticSize default_size = { 10000, 100000, 30000, 100000, 1 };

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static void
parse_only (GBytes *bytes)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  if (!json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error))
    g_error ("%s", error->message);
}

static DramatisStory *
load_model (GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  DramatisStory *story = dramatis_story_load_bytes (bytes, "bench", &error);

  if (story == NULL)
    g_error ("%s", error->message);
  return story;
}

static void
count_report_cb (double   fraction,
                 gpointer user_data)
{
  guint *n_reports = user_data;

  (*n_reports)++;
}

static void
store_result_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* Loads the file as the window does: in a worker thread, reading it in
 * pieces and reporting progress to this thread's main context.
 */
static DramatisStory *
load_with_progress (const char *path,
                    guint      *n_reports)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  DramatisStory *story;

  dramatis_story_load_file_async (file, NULL, count_report_cb, n_reports, NULL,
                                  store_result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  story = dramatis_story_load_file_finish (result, &error);
  if (story == NULL)
    g_error ("%s", error->message);
  return story;
}

/* Peak and current resident memory of this process, in KiB. */
static void
read_memory (guint64 *peak,
             guint64 *current)
{
  g_autofree char *status = NULL;
  const char *p;

  g_assert_true (g_file_get_contents ("/proc/self/status", &status, NULL, NULL));
  p = strstr (status, "VmHWM:");
  *peak = p ? g_ascii_strtoull (p + 6, NULL, 10) : 0;
  p = strstr (status, "VmRSS:");
  *current = p ? g_ascii_strtoull (p + 6, NULL, 10) : 0;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* Child mode: load the file once in the way asked for and print the peak
 * memory above what the process held before, and the peak of the process.
 */
static int
measure_memory (const char *mode,
                const char *path)
{
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DramatisStory) story = NULL;
  guint64 base_peak, base, peak, current;

  mapped = g_mapped_file_new (path, FALSE, &error);
  g_assert_no_error (error);
  bytes = g_mapped_file_get_bytes (mapped);
  /* Fault the file in, so that both modes start with it resident. */
  {
    const volatile char *data = g_bytes_get_data (bytes, NULL);
    gsize size = g_bytes_get_size (bytes);
    guint sum = 0;

    for (gsize i = 0; i < size; i += 4096)
      sum += data[i];
    (void) sum;
  }

  read_memory (&base_peak, &base);
  if (strcmp (mode, "parse") == 0)
    parse_only (bytes);
  else
    story = load_model (bytes);
  read_memory (&peak, &current);

  /* The story is measured alive: it is freed only after this. */
  g_assert_true (story == NULL || dramatis_story_get_n_events (story) > 0);
  g_print ("%" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT "\n", peak - base, peak);
  return 0;
}

static void
spawn_memory (const char *self,
              const char *mode,
              const char *path,
              guint64    *above_base,
              guint64    *process_peak)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  const char *argv[] = { self, "--memory", mode, path, NULL };
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    g_error ("measuring %s: %s", mode, error->message);

  if (sscanf (out, "%" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT, above_base, process_peak) != 2)
    g_error ("unexpected output from the %s child: %s", mode, out);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GString) text = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *self = NULL;
  DramatisSyntheticSize size = default_size;
  double parse_ms[ROUNDS], load_ms[ROUNDS], progress_ms[ROUNDS], generate_ms;
  guint n_reports = 0;
  guint64 parse_mem, parse_peak, load_mem, load_peak;
  double time_ratio, memory_ratio, process_ratio;
  int fd;

  setlocale (LC_ALL, "");

  if (argc == 4 && strcmp (argv[1], "--memory") == 0)
    return measure_memory (argv[2], argv[3]);

  if (argc == 2 && strcmp (argv[1], "--small") == 0)
    {
      /* A quick run for checking the benchmark itself. */
      size.n_actors /= 10;
      size.n_events /= 10;
      size.n_relations /= 10;
      size.n_statements /= 10;
    }

  generate_ms = now_ms ();
  text = dramatis_synthetic_story (&size);
  generate_ms = now_ms () - generate_ms;

  fd = g_file_open_tmp ("dramatis-bench-XXXXXX.dramatis.json", &path, &error);
  g_assert_no_error (error);
  close (fd);
  g_assert_true (g_file_set_contents (path, text->str, text->len, &error));
  bytes = g_bytes_new (text->str, text->len);

  g_print ("Story: %u events, %u actors, %u relations, %u statements; %.1f MB of JSON "
           "(generated in %.0f ms)\n",
           size.n_events, size.n_actors, size.n_relations, size.n_statements,
           text->len / 1e6, generate_ms);

  for (guint round = 0; round < ROUNDS; round++)
    {
      g_autoptr(DramatisStory) story = NULL;
      double t;

      t = now_ms ();
      parse_only (bytes);
      parse_ms[round] = now_ms () - t;

      t = now_ms ();
      story = load_model (bytes);
      load_ms[round] = now_ms () - t;
      g_clear_object (&story);

      t = now_ms ();
      story = load_with_progress (path, &n_reports);
      progress_ms[round] = now_ms () - t;

      if (round == 0)
        {
          guint n_problems;

          dramatis_story_get_problems (story, &n_problems);
          g_assert_cmpuint (n_problems, ==, 0);
          g_assert_cmpuint (dramatis_story_get_n_events (story), ==, size.n_events);
        }
    }

  qsort (parse_ms, ROUNDS, sizeof (double), compare_doubles);
  qsort (load_ms, ROUNDS, sizeof (double), compare_doubles);
  qsort (progress_ms, ROUNDS, sizeof (double), compare_doubles);
  time_ratio = load_ms[ROUNDS / 2] / parse_ms[ROUNDS / 2];

  self = g_file_read_link ("/proc/self/exe", NULL);
  spawn_memory (self ? self : argv[0], "parse", path, &parse_mem, &parse_peak);
  spawn_memory (self ? self : argv[0], "load", path, &load_mem, &load_peak);
  memory_ratio = (double) load_mem / parse_mem;
  process_ratio = (double) load_peak / parse_peak;

  g_print ("json-glib parse alone:  %7.1f ms (median of %d; min %.1f, max %.1f)\n",
           parse_ms[ROUNDS / 2], ROUNDS, parse_ms[0], parse_ms[ROUNDS - 1]);
  g_print ("model load:             %7.1f ms (median of %d; min %.1f, max %.1f)\n",
           load_ms[ROUNDS / 2], ROUNDS, load_ms[0], load_ms[ROUNDS - 1]);
  g_print ("load time / parse time: %7.2f   target <= 1.30: %s\n",
           time_ratio, time_ratio <= 1.30 ? "met" : "MISSED");
  g_print ("from the file, with progress: %7.1f ms (median of %d; %u reports in all)\n",
           progress_ms[ROUNDS / 2], ROUNDS, n_reports);
  g_print ("progress load / model load: %.2f   target <= 1.10: %s\n",
           progress_ms[ROUNDS / 2] / load_ms[ROUNDS / 2],
           progress_ms[ROUNDS / 2] / load_ms[ROUNDS / 2] <= 1.10 ? "met" : "MISSED");
  g_print ("peak memory above the file itself: json-glib %.1f MB, model %.1f MB\n",
           parse_mem / 1024.0, load_mem / 1024.0);
  g_print ("peak memory of the process:        json-glib %.1f MB, model %.1f MB\n",
           parse_peak / 1024.0, load_peak / 1024.0);
  g_print ("peak memory ratio: %.2f above the file, %.2f of the process   target < 1.50: %s\n",
           memory_ratio, process_ratio, memory_ratio < 1.5 ? "met" : "MISSED");

  g_unlink (path);

  return 0;
}
