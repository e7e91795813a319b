/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dramatis-story-io.h"
#include "dramatis-synthetic.h"
#include "dramatis-test-utils.h"

static DramatisStory *
load_path (const char  *path,
           GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return dramatis_story_load_file (file, NULL, error);
}

static void
assert_round_trip (DramatisStory *story)
{
  g_autofree char *dir = dramatis_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "story.dramatis.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(DramatisStory) again = NULL;
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;

  g_assert_true (dramatis_story_save_file (story, file, NULL, &error));
  g_assert_no_error (error);

  again = dramatis_story_load_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (dramatis_story_equal (story, again));

  /* Saving what was loaded writes the same bytes. */
  first = dramatis_story_to_bytes (story);
  second = dramatis_story_to_bytes (again);
  g_assert_true (g_bytes_equal (first, second));

  dramatis_test_remove_temp_dir (dir);
}

static void
test_round_trip_builtin (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DramatisStory) story = dramatis_story_load_builtin (&error);

  g_assert_no_error (error);
  assert_round_trip (story);
}

static void
test_round_trip_synthetic (void)
{
  DramatisSyntheticSize size = { 200, 1000, 600, 1200, 42 };
  g_autoptr(GString) text = dramatis_synthetic_story (&size);
  g_autoptr(GBytes) bytes = g_bytes_new (text->str, text->len);
  g_autoptr(GError) error = NULL;
  g_autoptr(DramatisStory) story = dramatis_story_load_bytes (bytes, "synthetic", &error);

  g_assert_no_error (error);
  assert_round_trip (story);
}

static void
test_round_trip_positions (void)
{
  g_autofree char *path = dramatis_test_fixture_path ("queries.dramatis.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(DramatisStory) story = load_path (path, &error);
  g_autoptr(DramatisStory) unchanged = load_path (path, &error);

  g_assert_no_error (error);
  dramatis_story_set_actor_position (story, 0, 0.1, -1e-7, TRUE);
  dramatis_story_set_actor_position (story, 1, 123456.789, 42.0, FALSE);
  g_assert_false (dramatis_story_equal (story, unchanged));
  assert_round_trip (story);
}

/* Problems inside items load the rest, are listed with their place, and
 * what could not be resolved is kept to be saved again.
 */
static void
test_warnings (void)
{
  g_autofree char *path = dramatis_test_fixture_path ("invalid-warnings.dramatis.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(DramatisStory) story = load_path (path, &error);
  const DramatisProblem *problems;
  const DramatisStatement *s1;
  const DramatisRelation *r1;
  const DramatisActor *a;
  const DramatisEvent *e2;
  guint n_problems;
  struct {
    const char *path;
    guint line;
    const char *words;
  } expected[] = {
    { "version", 3, "newer" },
    { "colour", 5, "not part of the story format" },
    { "actors[0].affiliation_id", 10, "ghost-state" },
    { "actors[1].kind", 11, "wizard" },
    { "actors[2].id", 12, "earlier item" },
    { "actors[3].position", 13, "both" },
    { "events[0].start_date", 19, "2024-13-01" },
    { "events[0].participants[0].actor_id", 20, "nobody" },
    { "events[0].participants[1].role", 20, "must be a string" },
    { "events[1]", 22, "left out" },
    { "events[2].end_date", 23, "ends before it starts" },
    { "relations[0].to", 26, "ghost" },
    { "relations[1].sources[0].exact", 29, "quoted text" },
    { "relations[2].sources[0].end", 33, "only 21 characters" },
    { "statements[0].creator_id", 37, "unknown-speaker" },
    { "statements[0].event_id", 37, "no-such-event" },
    { "statements[1].date", 38, "yesterday" },
    { "statements[1].mood", 38, "not part of the story format" },
  };

  g_assert_no_error (error);
  g_assert_nonnull (story);

  problems = dramatis_story_get_problems (story, &n_problems);
  for (guint i = 0; i < n_problems; i++)
    g_test_message ("%u:%u: %s: %s", problems[i].line, problems[i].column, problems[i].path, problems[i].message);

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; j < n_problems && !found; j++)
        if (g_strcmp0 (problems[j].path, expected[i].path) == 0 &&
            strstr (problems[j].message, expected[i].words) != NULL)
          {
            g_assert_cmpuint (problems[j].line, ==, expected[i].line);
            g_assert_cmpuint (problems[j].column, >, 0);
            found = TRUE;
          }

      if (!found)
        g_error ("no problem at %s mentioning “%s”", expected[i].path, expected[i].words);
    }
  g_assert_cmpuint (n_problems, ==, G_N_ELEMENTS (expected));

  /* The rest loaded, with the non-object event left out. */
  g_assert_cmpuint (dramatis_story_get_n_actors (story), ==, 4);
  g_assert_cmpuint (dramatis_story_get_n_events (story), ==, 2);
  g_assert_cmpuint (dramatis_story_get_n_relations (story), ==, 3);
  g_assert_cmpuint (dramatis_story_get_n_statements (story), ==, 2);

  /* Unresolved references are kept as written. */
  s1 = dramatis_story_get_statement (story, 0);
  g_assert_cmpstr (s1->speaker_id, ==, "unknown-speaker");
  g_assert_cmpuint (s1->speaker, ==, DRAMATIS_NO_INDEX);
  r1 = dramatis_story_get_relation (story, 0);
  g_assert_cmpstr (r1->to_id, ==, "ghost");
  g_assert_cmpuint (r1->to, ==, DRAMATIS_NO_INDEX);
  g_assert_cmpuint (r1->from, ==, 0);

  /* A duplicate id refers to the first actor that has it. */
  g_assert_cmpuint (dramatis_story_find_actor (story, "a"), ==, 0);
  a = dramatis_story_get_actor (story, 2);
  g_assert_cmpstr (a->name, ==, "Second A");

  /* An impossible end is dropped; the start stays. */
  e2 = dramatis_story_get_event (story, 1);
  g_assert_true (dramatis_date_is_set (&e2->when.start));
  g_assert_false (dramatis_date_is_set (&e2->when.end));

  /* Saving writes the unresolved ids back. */
  {
    g_autoptr(GBytes) bytes = dramatis_story_to_bytes (story);
    g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

    g_assert_nonnull (strstr (text, "\"creator_id\" : \"unknown-speaker\""));
    g_assert_nonnull (strstr (text, "\"to\" : \"ghost\""));
    g_assert_nonnull (strstr (text, "\"affiliation_id\" : \"ghost-state\""));
  }
}

typedef struct
{
  const char *name;
  GQuark      domain;
  int         code;
  const char *place;
  const char *words;
} BadFile;

static void
test_bad_files (void)
{
  const BadFile bad[] = {
    { "bad-syntax.json", 0, DRAMATIS_STORY_ERROR_SYNTAX, "bad-syntax.json:6:", "Parse error" },
    { "bad-top-level.json", 0, DRAMATIS_STORY_ERROR_FORMAT, "bad-top-level.json:1:1:", "an array" },
    { "bad-no-format.json", 0, DRAMATIS_STORY_ERROR_FORMAT, "bad-no-format.json:1:1:", "not a Dramatis story" },
    { "bad-wrong-format.json", 0, DRAMATIS_STORY_ERROR_FORMAT, "bad-wrong-format.json:2:13:", "not a Dramatis story" },
    { "bad-version.json", 0, DRAMATIS_STORY_ERROR_VERSION, "bad-version.json:4:14:", "version 2.0" },
    { "bad-events-object.json", 0, DRAMATIS_STORY_ERROR_FORMAT, "bad-events-object.json:5:13:", "“events” must be an array" },
    { "bad-trailing.json", 0, DRAMATIS_STORY_ERROR_SYNTAX, "bad-trailing.json:2:1:", "more text after" },
    { "bad-encoding.json", 0, DRAMATIS_STORY_ERROR_SYNTAX, "bad-encoding.json:4:16:", "UTF-8" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *path = dramatis_test_fixture_path (bad[i].name);
      g_autoptr(GError) error = NULL;
      g_autoptr(DramatisStory) story = NULL;

      g_test_message ("loading %s", bad[i].name);
      story = load_path (path, &error);
      g_assert_null (story);
      g_assert_error (error, DRAMATIS_STORY_ERROR, bad[i].code);
      g_test_message ("%s", error->message);
      /* The message starts with the file and the place, then says what is wrong. */
      g_assert_true (g_str_has_prefix (error->message, path));
      g_assert_nonnull (strstr (error->message, bad[i].place));
      g_assert_nonnull (strstr (error->message, bad[i].words));
    }
}

static void
assert_bad_bytes (const char *text,
                  gssize      length,
                  int         code,
                  const char *prefix,
                  const char *words)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, length < 0 ? strlen (text) : (gsize) length);
  g_autoptr(GError) error = NULL;
  g_autoptr(DramatisStory) story = dramatis_story_load_bytes (bytes, "hostile.json", &error);

  g_assert_null (story);
  g_assert_error (error, DRAMATIS_STORY_ERROR, code);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, prefix));
  g_assert_nonnull (strstr (error->message, words));
}

/* Past the limit, the problems listed are the first ones in the file, not
 * the first ones read: arrays are read from their end.
 */
static void
test_many_problems (void)
{
  g_autoptr(GString) text = g_string_new ("{\"format\": \"dramatis-story\", \"version\": \"1.0\", \"actors\": [");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DramatisStory) story = NULL;
  const DramatisProblem *problems;
  guint n_problems;

  for (guint i = 0; i < 700; i++)
    g_string_append_printf (text, "%s\n{\"id\": \"a%u\", \"name\": \"A\", \"kind\": \"wizard\"}", i ? "," : "", i);
  g_string_append (text, "]}");
  bytes = g_bytes_new (text->str, text->len);
  story = dramatis_story_load_bytes (bytes, "many.json", &error);
  g_assert_no_error (error);

  problems = dramatis_story_get_problems (story, &n_problems);
  g_assert_cmpuint (n_problems, ==, 501);
  for (guint i = 0; i < 500; i++)
    {
      g_autofree char *path = g_strdup_printf ("actors[%u].kind", i);

      g_assert_cmpstr (problems[i].path, ==, path);
      g_assert_cmpuint (problems[i].line, ==, i + 2);
    }
  g_assert_nonnull (strstr (problems[500].message, "200"));
}

static void
test_hostile_bytes (void)
{
  g_autoptr(GString) deep = g_string_new ("{\"format\": \"dramatis-story\", \"version\": \"1.0\",\n\"x\": ");

  /* Deep enough to crash a recursive parser. */
  for (guint i = 0; i < 200000; i++)
    g_string_append_c (deep, '[');
  for (guint i = 0; i < 200000; i++)
    g_string_append_c (deep, ']');
  g_string_append (deep, "}");

  assert_bad_bytes (deep->str, deep->len, DRAMATIS_STORY_ERROR_SYNTAX, "hostile.json:2:", "nested");
  assert_bad_bytes ("", 0, DRAMATIS_STORY_ERROR_SYNTAX, "hostile.json:", "empty");
  assert_bad_bytes ("  \n\t ", -1, DRAMATIS_STORY_ERROR_SYNTAX, "hostile.json:", "empty");
  assert_bad_bytes ("{\n\"format\": \"dram\0atis\"}", 24, DRAMATIS_STORY_ERROR_SYNTAX, "hostile.json:2:16:", "NUL");
  assert_bad_bytes ("\"just a string\"", -1, DRAMATIS_STORY_ERROR_FORMAT, "hostile.json:1:1:", "a string");
  assert_bad_bytes ("{\"format\": \"dramatis-story\", \"version\": 1}", -1, DRAMATIS_STORY_ERROR_FORMAT,
                    "hostile.json:1:", "version");
  assert_bad_bytes ("{\"format\": \"dramatis-story\", \"version\": \"one\"}", -1, DRAMATIS_STORY_ERROR_FORMAT,
                    "hostile.json:1:41:", "not a format version");
  assert_bad_bytes ("{\"format\": \"dramatis-story\", \"version\": \"1.0\", \"actors\": 5}", -1,
                    DRAMATIS_STORY_ERROR_FORMAT, "hostile.json:1:58:", "“actors” must be an array");
  assert_bad_bytes ("{\"format\": \"dramatis-story\", \"version\": \"1.0\"", -1, DRAMATIS_STORY_ERROR_SYNTAX,
                    "hostile.json:1:", "Parse error");
}

static void
test_odd_values_load (void)
{
  /* Huge numbers, escapes and empty arrays are not fatal. */
  const char *text =
    "{\"format\": \"dramatis-story\", \"version\": \"1.0\", \"title\": \"T\\u00e9st \\\"q\\\"\","
    " \"actors\": [{\"id\": \"a\", \"name\": \"A\", \"position\": {\"x\": 1e999, \"y\": 2}}],"
    " \"events\": [], \"relations\": null,"
    " \"statements\": [{\"id\": \"s\", \"creator_id\": \"a\", \"text\": \"x\","
    " \"sources\": [{\"exact\": \"x\", \"start\": -4, \"end\": 99999999999}]}]}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));
  g_autoptr(GError) error = NULL;
  g_autoptr(DramatisStory) story = dramatis_story_load_bytes (bytes, "odd.json", &error);
  guint n_problems;

  g_assert_no_error (error);
  g_assert_cmpstr (dramatis_story_get_title (story), ==, "Tést \"q\"");
  g_assert_false (dramatis_story_get_actor (story, 0)->has_position);
  dramatis_story_get_problems (story, &n_problems);
  g_assert_cmpuint (n_problems, >=, 3);
}

static DramatisStory *
load_text (const char *text)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  DramatisStory *story = dramatis_story_load_bytes (bytes, "edge.json", &error);

  g_assert_no_error (error);
  return story;
}

static gboolean
has_problem (DramatisStory *story,
             const char    *path,
             const char    *words)
{
  const DramatisProblem *problems;
  guint n_problems;

  problems = dramatis_story_get_problems (story, &n_problems);
  for (guint i = 0; i < n_problems; i++)
    if (g_strcmp0 (problems[i].path, path) == 0 && strstr (problems[i].message, words) != NULL)
      return TRUE;

  return FALSE;
}

static void
test_edge_cases (void)
{
  g_autoptr(DramatisStory) bom = NULL;
  g_autoptr(DramatisStory) nulls = NULL;
  g_autoptr(DramatisStory) holes = NULL;
  g_autoptr(DramatisStory) backwards = NULL;
  guint n_problems;

  /* A byte order mark is allowed and ignored. */
  bom = load_text ("\xEF\xBB\xBF{\"format\": \"dramatis-story\", \"version\": \"1.0\", \"title\": \"B\"}");
  g_assert_cmpstr (dramatis_story_get_title (bom), ==, "B");

  /* null means absent, for every member. */
  nulls = load_text ("{\"format\": \"dramatis-story\", \"version\": \"1.0\", \"actors\": ["
                     "{\"id\": \"a\", \"name\": \"A\", \"kind\": null, \"position\": null,"
                     " \"other_names\": null}],"
                     " \"relations\": [{\"id\": \"r\", \"type\": \"supports\", \"from\": \"a\","
                     " \"to\": \"a\", \"direction\": null}]}");
  dramatis_story_get_problems (nulls, &n_problems);
  g_assert_cmpuint (n_problems, ==, 0);

  /* Problems name the element of the file, even after a left-out element. */
  holes = load_text ("{\"format\": \"dramatis-story\", \"version\": \"1.0\", \"actors\": ["
                     "1, {\"id\": \"a\", \"name\": \"A\"}, {\"id\": \"a\", \"name\": \"B\","
                     " \"affiliation_id\": \"ghost\"}]}");
  g_assert_true (has_problem (holes, "actors[0]", "left out"));
  g_assert_true (has_problem (holes, "actors[2].id", "earlier item"));
  g_assert_true (has_problem (holes, "actors[2].affiliation_id", "ghost"));

  /* A period that ends the day before it starts. */
  backwards = load_text ("{\"format\": \"dramatis-story\", \"version\": \"1.0\", \"events\": ["
                         "{\"id\": \"e\", \"name\": \"E\", \"start_date\": \"2024-10-06\","
                         " \"end_date\": \"2024-10-05\"}]}");
  g_assert_true (has_problem (backwards, "events[0].end_date", "ends before it starts"));

  /* The version is two numbers and a dot, nothing else. */
  assert_bad_bytes ("{\"format\": \"dramatis-story\", \"version\": \" 1.0\"}", -1,
                    DRAMATIS_STORY_ERROR_FORMAT, "hostile.json:1:", "not a format version");
  assert_bad_bytes ("{\"format\": \"dramatis-story\", \"version\": \"+1.0\"}", -1,
                    DRAMATIS_STORY_ERROR_FORMAT, "hostile.json:1:", "not a format version");
}

static void
test_not_regular (void)
{
  g_autofree char *dir = dramatis_test_make_temp_dir ();
  g_autofree char *fifo = g_build_filename (dir, "pipe.dramatis.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(DramatisStory) story = NULL;

  story = load_path (dir, &error);
  g_assert_null (story);
  g_assert_error (error, DRAMATIS_STORY_ERROR, DRAMATIS_STORY_ERROR_NOT_REGULAR);
  g_assert_true (g_str_has_prefix (error->message, dir));
  g_clear_error (&error);

  /* Reading a FIFO would block forever: it is refused before it is opened. */
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  story = load_path (fifo, &error);
  g_assert_null (story);
  g_assert_error (error, DRAMATIS_STORY_ERROR, DRAMATIS_STORY_ERROR_NOT_REGULAR);
  g_assert_true (g_str_has_prefix (error->message, fifo));

  dramatis_test_remove_temp_dir (dir);
}

static void
test_missing_file (void)
{
  g_autofree char *dir = dramatis_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "no-such-story.dramatis.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(DramatisStory) story = load_path (path, &error);

  g_assert_null (story);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_true (g_str_has_prefix (error->message, path));

  dramatis_test_remove_temp_dir (dir);
}

static void
test_too_large (void)
{
  g_autofree char *dir = dramatis_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "huge.dramatis.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(DramatisStory) story = NULL;
  int fd;

  /* A sparse file: large to stat, nothing on disk. */
  fd = g_open (path, O_CREAT | O_WRONLY, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, DRAMATIS_STORY_MAX_FILE_SIZE + 1), ==, 0);
  close (fd);

  story = load_path (path, &error);
  g_assert_null (story);
  g_assert_error (error, DRAMATIS_STORY_ERROR, DRAMATIS_STORY_ERROR_TOO_LARGE);
  g_assert_true (g_str_has_prefix (error->message, path));

  dramatis_test_remove_temp_dir (dir);
}

/* A failed load leaves a story that is already open as it was. */
static void
test_failed_load_keeps_story (void)
{
  g_autofree char *good = dramatis_test_fixture_path ("queries.dramatis.json");
  g_autofree char *bad = dramatis_test_fixture_path ("bad-syntax.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(DramatisStory) story = load_path (good, &error);
  g_autoptr(DramatisStory) copy = load_path (good, &error);
  g_autoptr(DramatisStory) broken = NULL;

  g_assert_no_error (error);
  broken = load_path (bad, &error);
  g_assert_null (broken);
  g_assert_nonnull (error);
  g_assert_true (dramatis_story_equal (story, copy));
  g_assert_cmpuint (dramatis_story_get_n_actors (story), ==, 3);
}

/* A save that fails half-way, as on a full disk, leaves the old file. */
static void
test_failed_save_keeps_file (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *fixture = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  if (g_test_subprocess ())
    {
      DramatisSyntheticSize size = { 500, 5000, 1000, 5000, 1 };
      g_autoptr(GString) text = dramatis_synthetic_story (&size);
      g_autoptr(GBytes) bytes = g_bytes_new (text->str, text->len);
      g_autoptr(DramatisStory) big = dramatis_story_load_bytes (bytes, "big", NULL);
      g_autoptr(GFile) file = g_file_new_for_path (g_getenv ("DRAMATIS_TEST_SAVE_PATH"));
      g_autoptr(GError) error = NULL;
      struct rlimit limit = { 64 * 1024, 64 * 1024 };

      /* Writes past 64 KiB fail as they would on a full disk. */
      signal (SIGXFSZ, SIG_IGN);
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);

      g_assert_false (dramatis_story_save_file (big, file, NULL, &error));
      g_assert_nonnull (error);
      g_printerr ("%s\n", error->message);
      return;
    }

  dir = dramatis_test_make_temp_dir ();
  path = g_build_filename (dir, "story.dramatis.json", NULL);
  fixture = dramatis_test_fixture_path ("queries.dramatis.json");
  g_assert_true (g_file_get_contents (fixture, &before, NULL, NULL));
  g_assert_true (g_file_set_contents (path, before, -1, NULL));

  g_setenv ("DRAMATIS_TEST_SAVE_PATH", path, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDOUT);
  g_test_trap_assert_passed ();
  /* The message names the file. */
  g_test_trap_assert_stderr ("*story.dramatis.json*");

  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, before);
  /* No temporary file is left behind. */
  g_assert_cmpuint (dramatis_test_count_files (dir), ==, 1);

  dramatis_test_remove_temp_dir (dir);
}

static void
test_save_to_missing_folder (void)
{
  g_autofree char *dir = dramatis_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "missing", "story.dramatis.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(DramatisStory) story = dramatis_story_new ();
  g_autoptr(GError) error = NULL;

  g_assert_false (dramatis_story_save_file (story, file, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_true (g_str_has_prefix (error->message, path));

  dramatis_test_remove_temp_dir (dir);
}

static void
load_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static void
test_load_async (void)
{
  g_autofree char *path = dramatis_test_fixture_path ("queries.dramatis.json");
  g_autofree char *bad = dramatis_test_fixture_path ("bad-version.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) bad_file = g_file_new_for_path (bad);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(DramatisStory) story = NULL;
  g_autoptr(DramatisStory) sync = NULL;
  GAsyncResult *result = NULL;

  dramatis_story_load_file_async (file, NULL, NULL, NULL, NULL, load_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  story = dramatis_story_load_file_finish (result, &error);
  g_clear_object (&result);
  g_assert_no_error (error);
  sync = dramatis_story_load_file (file, NULL, &error);
  g_assert_true (dramatis_story_equal (story, sync));

  dramatis_story_load_file_async (bad_file, NULL, NULL, NULL, NULL, load_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (dramatis_story_load_file_finish (result, &error));
  g_clear_object (&result);
  g_assert_error (error, DRAMATIS_STORY_ERROR, DRAMATIS_STORY_ERROR_VERSION);
  g_clear_error (&error);

  g_cancellable_cancel (cancellable);
  dramatis_story_load_file_async (file, cancellable, NULL, NULL, NULL, load_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (dramatis_story_load_file_finish (result, &error));
  g_clear_object (&result);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

typedef struct
{
  GArray   *fractions;
  gboolean  freed;
  GThread  *thread;
} ProgressLog;

static void
progress_cb (double   fraction,
             gpointer user_data)
{
  ProgressLog *log = user_data;

  /* Reports come in the thread that asked for them, never the worker's. */
  g_assert_true (g_thread_self () == log->thread);
  g_assert_false (log->freed);
  g_array_append_val (log->fractions, fraction);
}

static void
progress_log_free_cb (gpointer user_data)
{
  ProgressLog *log = user_data;

  g_assert_true (g_thread_self () == log->thread);
  log->freed = TRUE;
}

/* A story of several megabytes reports its progress in order, from within
 * parsing to the end, and releases its progress data.  Reports are
 * coalesced, so how many arrive depends on the machine's load.
 */
static void
test_load_async_progress (void)
{
  DramatisSyntheticSize size = { 2000, 20000, 6000, 20000, 7 };
  g_autoptr(GString) text = dramatis_synthetic_story (&size);
  g_autofree char *dir = dramatis_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "big.dramatis.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(DramatisStory) story = NULL;
  g_autoptr(GArray) fractions = g_array_new (FALSE, FALSE, sizeof (double));
  ProgressLog log = { fractions, FALSE, g_thread_self () };
  GAsyncResult *result = NULL;
  gboolean parse_seen = FALSE;

  g_assert_true (g_file_set_contents (path, text->str, text->len, &error));
  g_assert_no_error (error);

  /* Spin without blocking, as a busy main loop does: a worker that could
   * acquire the idle main context must still not report in its own thread.
   */
  dramatis_story_load_file_async (file, NULL, progress_cb, &log, progress_log_free_cb,
                                  load_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, FALSE);

  story = dramatis_story_load_file_finish (result, &error);
  g_clear_object (&result);
  g_assert_no_error (error);

  /* The last report may still wait in the main context. */
  while (!log.freed)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (dramatis_story_get_n_events (story), ==, 20000);

  g_assert_cmpuint (fractions->len, >=, 3);
  for (guint i = 0; i < fractions->len; i++)
    {
      double fraction = g_array_index (fractions, double, i);

      g_assert_cmpfloat (fraction, >=, 0.0);
      g_assert_cmpfloat (fraction, <=, 1.0);
      if (i > 0)
        g_assert_cmpfloat (fraction, >=, g_array_index (fractions, double, i - 1));
      parse_seen |= fraction > 0.10 && fraction < 0.90;
    }
  g_assert_true (parse_seen);
  g_assert_cmpfloat (g_array_index (fractions, double, fractions->len - 1), ==, 1.0);

  dramatis_test_remove_temp_dir (dir);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/io/round-trip/builtin", test_round_trip_builtin);
  g_test_add_func ("/model/io/round-trip/synthetic", test_round_trip_synthetic);
  g_test_add_func ("/model/io/round-trip/positions", test_round_trip_positions);
  g_test_add_func ("/model/io/warnings", test_warnings);
  g_test_add_func ("/model/io/bad-files", test_bad_files);
  g_test_add_func ("/model/io/many-problems", test_many_problems);
  g_test_add_func ("/model/io/hostile-bytes", test_hostile_bytes);
  g_test_add_func ("/model/io/odd-values", test_odd_values_load);
  g_test_add_func ("/model/io/edge-cases", test_edge_cases);
  g_test_add_func ("/model/io/not-regular", test_not_regular);
  g_test_add_func ("/model/io/missing-file", test_missing_file);
  g_test_add_func ("/model/io/too-large", test_too_large);
  g_test_add_func ("/model/io/failed-load-keeps-story", test_failed_load_keeps_story);
  g_test_add_func ("/model/io/failed-save-keeps-file", test_failed_save_keeps_file);
  g_test_add_func ("/model/io/save-to-missing-folder", test_save_to_missing_folder);
  g_test_add_func ("/model/io/load-async", test_load_async);
  g_test_add_func ("/model/io/load-async-progress", test_load_async_progress);

  return g_test_run ();
}
