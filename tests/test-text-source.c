/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "dramatis-story-edit.h"
#include "dramatis-story-ids.h"
#include "dramatis-test-utils.h"
#include "dramatis-text-source.h"

/* Plain text as a source: reading it, the ids of new items, a story made
 * of one text, and the passages a new text of a source would lose.
 */

static DramatisStory *
load_builtin (void)
{
  DramatisStory *story = dramatis_test_load_story ("test-text-source", NULL);

  g_assert_nonnull (story);
  return story;
}

static char *
text_of (const char  *data,
         gsize        size,
         GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);

  return dramatis_text_from_bytes (bytes, "article.txt", error);
}

static void
test_text_line_endings (void)
{
  static const char data[] = "\xef\xbb\xbf" "One\r\nTwo\rThree\n\r\nÜnïcödé\r";
  g_autoptr(GError) error = NULL;
  g_autofree char *text = text_of (data, sizeof data - 1, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, "One\nTwo\nThree\n\nÜnïcödé\n");
}

static void
test_text_refuses_binary (void)
{
  static const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
  static const char latin1[] = "Caf\xe9 au lait";
  g_autoptr(GError) error = NULL;
  g_autofree char *binary = text_of (png, sizeof png - 1, &error);
  g_autofree char *other = NULL;

  g_assert_null (binary);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "article.txt"));
  g_clear_error (&error);

  other = text_of (latin1, sizeof latin1 - 1, &error);
  g_assert_null (other);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "article.txt"));
  g_assert_nonnull (strstr (error->message, "UTF-8"));
}

static void
test_text_file_names (void)
{
  g_autoptr(GFile) text = g_file_new_for_path ("/tmp/UN Council, day 2.TXT");
  g_autoptr(GFile) story = g_file_new_for_path ("/tmp/story.dramatis.json");
  g_autoptr(GFile) plain = g_file_new_for_path ("/tmp/notes.text");
  g_autofree char *title = dramatis_text_title_from_file (text);

  g_assert_true (dramatis_text_is_text_file (text));
  g_assert_true (dramatis_text_is_text_file (plain));
  g_assert_false (dramatis_text_is_text_file (story));
  g_assert_cmpstr (title, ==, "UN Council, day 2");
}

static void
test_make_id (void)
{
  g_autoptr(DramatisStory) story = load_builtin ();
  const DramatisActor *actor = dramatis_story_get_actor (story, 0);
  g_autofree char *taken = NULL;
  g_autofree char *fresh = dramatis_story_make_id (story, DRAMATIS_ITEM_ACTOR, "  Ünïted  Nations’ Council!");
  g_autofree char *empty = dramatis_story_make_id (story, DRAMATIS_ITEM_EVENT, "—");
  g_autofree char *none = dramatis_story_make_id (story, DRAMATIS_ITEM_SOURCE, NULL);
  g_autofree char *other_kind = NULL;

  g_assert_cmpstr (fresh, ==, "ünïted-nations-council");
  g_assert_cmpstr (empty, ==, "event");
  g_assert_cmpstr (none, ==, "source");

  /* The builtin story's ids are made the same way from the names. */
  taken = dramatis_story_make_id (story, DRAMATIS_ITEM_ACTOR, actor->id);
  g_assert_cmpstr (taken, !=, actor->id);
  g_assert_true (g_str_has_prefix (taken, actor->id));
  g_assert_cmpuint (dramatis_story_find_actor (story, taken), ==, DRAMATIS_NO_INDEX);

  /* Ids are unique within a kind. */
  other_kind = dramatis_story_make_id (story, DRAMATIS_ITEM_SOURCE, actor->id);
  g_assert_cmpstr (other_kind, ==, actor->id);
}

static void
test_make_id_counts (void)
{
  g_autoptr(DramatisStory) story = dramatis_story_new ();

  for (guint i = 1; i <= 3; i++)
    {
      g_autofree char *id = dramatis_story_make_id (story, DRAMATIS_ITEM_SOURCE, "Report");
      g_autofree char *expected = i == 1 ? g_strdup ("report") : g_strdup_printf ("report-%u", i);
      DramatisSource source = { .id = id, .title = "Report" };

      g_assert_cmpstr (id, ==, expected);
      g_assert_cmpuint (dramatis_story_add_source (story, &source, NULL), ==, i - 1);
    }
}

static void
test_story_from_text (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DramatisStory) story = dramatis_story_new_from_text ("An article", "Ünïcödé\ntext.", &error);
  const DramatisSource *source;
  DramatisHistory *history;

  g_assert_no_error (error);
  g_assert_nonnull (story);
  g_assert_cmpstr (dramatis_story_get_title (story), ==, "An article");
  g_assert_cmpuint (dramatis_story_get_n_sources (story), ==, 1);
  g_assert_cmpuint (dramatis_story_get_n_actors (story), ==, 0);
  source = dramatis_story_get_source (story, 0);
  g_assert_cmpstr (source->id, ==, "an-article");
  g_assert_cmpstr (source->title, ==, "An article");
  g_assert_cmpstr (source->text, ==, "Ünïcödé\ntext.");
  g_assert_cmpuint (source->text_length, ==, 13);

  /* It has no file yet: it counts as modified, and one undo empties it. */
  history = dramatis_story_get_history (story);
  g_assert_true (dramatis_history_is_modified (history));
  g_assert_true (dramatis_story_undo (story));
  g_assert_cmpuint (dramatis_story_get_n_sources (story), ==, 0);
  g_assert_false (dramatis_history_can_undo (history));
}

/* The first source with text, and a passage into it. */
static guint
source_with_passages (DramatisStory          *story,
                      DramatisPassageRef     *ref,
                      const DramatisEvidence **evidence)
{
  for (guint i = 0; i < dramatis_story_get_n_statements (story); i++)
    {
      const DramatisStatement *statement = dramatis_story_get_statement (story, i);

      for (guint j = 0; j < statement->n_evidence; j++)
        if (statement->evidence[j].source != DRAMATIS_NO_INDEX && statement->evidence[j].end > 0)
          {
            *ref = (DramatisPassageRef) { DRAMATIS_ITEM_STATEMENT, i, j };
            *evidence = &statement->evidence[j];
            return statement->evidence[j].source;
          }
    }

  g_assert_not_reached ();
}

static gboolean
contains_ref (GArray                   *refs,
              const DramatisPassageRef *ref)
{
  for (guint i = 0; i < refs->len; i++)
    {
      const DramatisPassageRef *r = &g_array_index (refs, DramatisPassageRef, i);

      if (r->kind == ref->kind && r->index == ref->index && r->evidence == ref->evidence)
        return TRUE;
    }

  return FALSE;
}

static void
test_lost_passages (void)
{
  g_autoptr(DramatisStory) story = load_builtin ();
  DramatisPassageRef ref;
  const DramatisEvidence *evidence;
  guint index = source_with_passages (story, &ref, &evidence);
  const DramatisSource *source = dramatis_story_get_source (story, index);
  g_autofree char *longer = g_strconcat (source->text, "\nA line more.", NULL);
  const char *last = g_utf8_prev_char (dramatis_source_get_text_at (source, evidence->end));
  g_autofree char *before = g_strndup (source->text, last - source->text);
  g_autoptr(GArray) kept = dramatis_story_find_lost_passages (story, index, longer);
  g_autoptr(GArray) cut = dramatis_story_find_lost_passages (story, index, before);
  g_autoptr(GArray) none = dramatis_story_find_lost_passages (story, index, NULL);
  g_autoptr(GError) error = NULL;
  DramatisSource changed = *source;

  /* A text that still holds every passage loses none. */
  g_assert_cmpuint (kept->len, ==, 0);

  /* One cut inside the passage loses it, as the model refuses to. */
  g_assert_true (contains_ref (cut, &ref));
  g_assert_true (contains_ref (none, &ref));
  g_assert_cmpuint (none->len, >=, cut->len);
  changed.text = before;
  g_assert_false (dramatis_story_change_source (story, index, &changed, &error));
  g_assert_error (error, DRAMATIS_STORY_EDIT_ERROR, DRAMATIS_STORY_EDIT_ERROR_INVALID);
  for (guint i = 0; i < cut->len; i++)
    {
      const DramatisPassageRef *r = &g_array_index (cut, DramatisPassageRef, i);

      g_assert_cmpuint (r->kind, >=, DRAMATIS_ITEM_EVENT);
      g_assert_cmpuint (r->kind, <=, DRAMATIS_ITEM_STATEMENT);
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/text-source/line-endings", test_text_line_endings);
  g_test_add_func ("/model/text-source/refuses-binary", test_text_refuses_binary);
  g_test_add_func ("/model/text-source/file-names", test_text_file_names);
  g_test_add_func ("/model/text-source/make-id", test_make_id);
  g_test_add_func ("/model/text-source/make-id-counts", test_make_id_counts);
  g_test_add_func ("/model/text-source/story-from-text", test_story_from_text);
  g_test_add_func ("/model/text-source/lost-passages", test_lost_passages);

  return g_test_run ();
}
