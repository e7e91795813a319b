/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "dramatis-application.h"
#include "dramatis-evidence-picker.h"
#include "dramatis-item-object.h"
#include "dramatis-source-editor.h"
#include "dramatis-source-window.h"
#include "dramatis-story-edit.h"
#include "dramatis-test-utils.h"
#include "dramatis-window.h"

/* The source side of editing, in process: a passage selected in the source
 * window becomes evidence, the picker adds it to an event, the source
 * editor adds and changes sources, and a plain-text file opens as a story.
 * Every test waits for what it expects by running the main loop until it
 * holds, with a time limit.
 *
 * Needs a display; without one it exits with 77, which Meson counts as
 * skipped.
 */

#define WAIT_TIMEOUT_MS 20000

static DramatisApplication *app;

typedef gboolean (*Condition) (gpointer data);

static gboolean
wake_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

static gboolean
wait_for (Condition condition,
          gpointer  data)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_TIMEOUT_MS * G_TIME_SPAN_MILLISECOND;
  guint wake = g_timeout_add (20, wake_cb, NULL);
  gboolean holds;

  while (!(holds = condition (data)) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  g_source_remove (wake);
  return holds;
}

static gboolean
widget_is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static gboolean
no_toplevels (gpointer data)
{
  return g_list_model_get_n_items (gtk_window_get_toplevels ()) == 0;
}

static void
destroy_toplevels (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n;

  while ((n = g_list_model_get_n_items (toplevels)) > 0)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, n - 1);

      gtk_window_destroy (window);
    }

  g_assert_true (wait_for (no_toplevels, NULL));
}

/* The toplevel of @type, if there is one. */
static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return window;
    }

  return NULL;
}

static gboolean
has_toplevel (gpointer data)
{
  return find_toplevel (GPOINTER_TO_SIZE (data)) != NULL;
}

static gboolean
has_no_toplevel (gpointer data)
{
  return find_toplevel (GPOINTER_TO_SIZE (data)) == NULL;
}

/* The descendant of @widget named @name, or of type @type. */
static GtkWidget *
find_widget (GtkWidget  *widget,
             const char *name,
             GType       type)
{
  if ((name != NULL && g_strcmp0 (gtk_widget_get_name (widget), name) == 0) ||
      (type != G_TYPE_INVALID && G_TYPE_CHECK_INSTANCE_TYPE (widget, type)))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, name, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static DramatisStory *
load_builtin (void)
{
  DramatisStory *story = dramatis_test_load_story ("test-sources", NULL);

  g_assert_nonnull (story);
  return story;
}

/* Whether any evidence of @story points at @start … @end of source 0. */
static gboolean
is_evidence (DramatisStory *story,
             guint          start,
             guint          end)
{
  for (guint i = 0; i < dramatis_story_get_n_events (story); i++)
    {
      const DramatisEvent *event = dramatis_story_get_event (story, i);

      for (guint j = 0; j < event->n_evidence; j++)
        if (event->evidence[j].source == 0 && event->evidence[j].start < end && event->evidence[j].end > start)
          return TRUE;
    }
  for (guint i = 0; i < dramatis_story_get_n_relations (story); i++)
    {
      const DramatisRelation *relation = dramatis_story_get_relation (story, i);

      for (guint j = 0; j < relation->n_evidence; j++)
        if (relation->evidence[j].source == 0 && relation->evidence[j].start < end &&
            relation->evidence[j].end > start)
          return TRUE;
    }
  for (guint i = 0; i < dramatis_story_get_n_statements (story); i++)
    {
      const DramatisStatement *statement = dramatis_story_get_statement (story, i);

      for (guint j = 0; j < statement->n_evidence; j++)
        if (statement->evidence[j].source == 0 && statement->evidence[j].start < end &&
            statement->evidence[j].end > start)
          return TRUE;
    }

  return FALSE;
}

/* A passage of source 0 with white space before and after it, that no
 * evidence points into if @outside.
 */
static void
find_passage (DramatisStory *story,
              const char    *words,
              gboolean       outside,
              guint         *start,
              guint         *end)
{
  const DramatisSource *source = dramatis_story_get_source (story, 0);
  g_autofree char *needle = g_strdup_printf (" %s ", words);
  const char *at = source->text;

  while ((at = strstr (at, needle)) != NULL)
    {
      *start = g_utf8_pointer_to_offset (source->text, at) + 1;
      *end = *start + g_utf8_strlen (words, -1);
      if (!outside || !is_evidence (story, *start, *end))
        return;
      at++;
    }

  g_error ("no passage “%s” in the source", words);
}

static DramatisSourceWindow *
open_source_window (DramatisStory *story)
{
  DramatisEvidence first = { 0, dramatis_story_get_source (story, 0)->id, 0, 0, NULL };
  GtkWidget *window = dramatis_source_window_show (NULL, story, &first);

  g_assert_true (wait_for (widget_is_mapped, window));
  return DRAMATIS_SOURCE_WINDOW (window);
}

static GtkTextBuffer *
get_buffer (DramatisSourceWindow *window)
{
  GtkWidget *view = find_widget (GTK_WIDGET (window), NULL, GTK_TYPE_TEXT_VIEW);

  g_assert_nonnull (view);
  return gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
}

static void
select_chars (DramatisSourceWindow *window,
              guint                 start,
              guint                 end)
{
  GtkTextBuffer *buffer = get_buffer (window);
  GtkTextIter first, last;

  gtk_text_buffer_get_iter_at_offset (buffer, &first, start);
  gtk_text_buffer_get_iter_at_offset (buffer, &last, end);
  gtk_text_buffer_select_range (buffer, &first, &last);
}

typedef struct
{
  guint n_emitted;
  guint kind;
  guint source;
  guint start;
  guint end;
} AddEvidence;

static void
on_add_evidence (DramatisSourceWindow *window,
                 guint                 kind,
                 guint                 source,
                 guint                 start,
                 guint                 end,
                 AddEvidence          *got)
{
  got->n_emitted++;
  got->kind = kind;
  got->source = source;
  got->start = start;
  got->end = end;
}

/* A selection, white space around it and all, becomes the passage of a
 * quote: the signal gives its span in characters of the source's text,
 * which the model takes as the statement's evidence.
 */
static void
test_quote_selection (void)
{
  g_autoptr(DramatisStory) story = load_builtin ();
  DramatisSourceWindow *window = open_source_window (story);
  GtkRevealer *actions = GTK_REVEALER (find_widget (GTK_WIDGET (window), NULL, GTK_TYPE_REVEALER));
  GtkWidget *view = find_widget (GTK_WIDGET (window), NULL, GTK_TYPE_TEXT_VIEW);
  GMenuModel *menu = gtk_text_view_get_extra_menu (GTK_TEXT_VIEW (view));
  GMenuModel *section;
  const DramatisSource *source = dramatis_story_get_source (story, 0);
  AddEvidence got = { 0 };
  DramatisEvidence evidence = { 0, source->id, 0, 0, NULL };
  DramatisStatement statement = { .id = "new-quote", .speaker_id = dramatis_story_get_actor (story, 0)->id,
                                  .n_evidence = 1, .evidence = &evidence };
  g_autofree char *exact = NULL;
  g_autoptr(GError) error = NULL;
  guint start, end;
  char *action = NULL;

  /* The context menu offers the three actions. */
  g_assert_nonnull (menu);
  section = g_menu_model_get_item_link (menu, 0, G_MENU_LINK_SECTION);
  g_assert_cmpint (g_menu_model_get_n_items (section), ==, 3);
  g_assert_true (g_menu_model_get_item_attribute (section, 0, G_MENU_ATTRIBUTE_ACTION, "s", &action));
  g_assert_cmpstr (action, ==, "source.quote");
  g_free (action);
  g_object_unref (section);

  g_signal_connect (window, "add-evidence", G_CALLBACK (on_add_evidence), &got);
  find_passage (story, "Robert Wood", FALSE, &start, &end);

  /* Nothing selected, or only white space: no quote. */
  g_assert_false (gtk_revealer_get_reveal_child (actions));
  gtk_widget_activate_action (GTK_WIDGET (window), "source.quote", NULL);
  select_chars (window, start - 1, start);
  g_assert_false (dramatis_source_window_get_selected_span (window, NULL, NULL));
  gtk_widget_activate_action (GTK_WIDGET (window), "source.quote", NULL);
  g_assert_cmpuint (got.n_emitted, ==, 0);

  select_chars (window, start - 1, end + 1);
  g_assert_true (gtk_revealer_get_reveal_child (actions));
  gtk_widget_activate_action (GTK_WIDGET (window), "source.quote", NULL);
  g_assert_cmpuint (got.n_emitted, ==, 1);
  g_assert_cmpuint (got.kind, ==, DRAMATIS_ITEM_STATEMENT);
  g_assert_cmpuint (got.source, ==, 0);
  g_assert_cmpuint (got.start, ==, start);
  g_assert_cmpuint (got.end, ==, end);

  /* The span names the words selected, and the model takes it. */
  evidence.start = got.start;
  evidence.end = got.end;
  exact = dramatis_story_dup_evidence_text (story, &evidence);
  g_assert_cmpstr (exact, ==, "Robert Wood");
  evidence.exact = exact;
  statement.text = exact;
  g_assert_cmpuint (dramatis_story_add_statement (story, &statement, &error), !=, DRAMATIS_NO_INDEX);
  g_assert_no_error (error);

  destroy_toplevels ();
}

static gboolean
has_evidence_tag_at (DramatisSourceWindow *window,
                     guint                 offset)
{
  GtkTextBuffer *buffer = get_buffer (window);
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "evidence");
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, offset);
  return gtk_text_iter_has_tag (&iter, tag);
}

typedef struct
{
  DramatisSourceWindow *window;
  guint                 offset;
} TagWait;

static gboolean
shows_evidence_at (gpointer data)
{
  TagWait *wait = data;

  return has_evidence_tag_at (wait->window, wait->offset);
}

/* Evidence for an event that exists: the picker adds the passage to it as
 * one step of the history, and the window underlines it.
 */
static void
test_picker_adds_evidence (void)
{
  g_autoptr(DramatisStory) story = load_builtin ();
  DramatisSourceWindow *window = open_source_window (story);
  DramatisHistory *history = dramatis_story_get_history (story);
  GtkWindow *picker;
  GtkWidget *list;
  GListModel *items;
  AddEvidence got = { 0 };
  guint event = 1;
  guint n_before = dramatis_story_get_event (story, event)->n_evidence;
  guint start, end, position = G_MAXUINT;
  const DramatisEvent *changed;

  g_signal_connect (window, "add-evidence", G_CALLBACK (on_add_evidence), &got);
  find_passage (story, "advanced military", TRUE, &start, &end);
  g_assert_false (has_evidence_tag_at (window, start));

  select_chars (window, start, end);
  gtk_widget_activate_action (GTK_WIDGET (window), "source.event-evidence", NULL);
  g_assert_true (wait_for (has_toplevel, GSIZE_TO_POINTER (DRAMATIS_TYPE_EVIDENCE_PICKER)));
  picker = find_toplevel (DRAMATIS_TYPE_EVIDENCE_PICKER);
  g_assert_true (gtk_window_get_transient_for (picker) == GTK_WINDOW (window));

  /* Every event is listed, to choose from. */
  list = find_widget (GTK_WIDGET (picker), "items", G_TYPE_INVALID);
  items = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list)));
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, dramatis_story_get_n_events (story));
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(DramatisItemObject) object = g_list_model_get_item (items, i);

      if (dramatis_item_object_get_item (object).index == event)
        position = i;
    }
  g_assert_cmpuint (position, !=, G_MAXUINT);

  gtk_widget_activate_action (list, "list.activate-item", "u", position);
  g_assert_true (wait_for (has_no_toplevel, GSIZE_TO_POINTER (DRAMATIS_TYPE_EVIDENCE_PICKER)));

  changed = dramatis_story_get_event (story, event);
  g_assert_cmpuint (changed->n_evidence, ==, n_before + 1);
  g_assert_cmpuint (changed->evidence[n_before].source, ==, 0);
  g_assert_cmpuint (changed->evidence[n_before].start, ==, start);
  g_assert_cmpuint (changed->evidence[n_before].end, ==, end);
  g_assert_cmpstr (changed->evidence[n_before].exact, ==, "advanced military");
  g_assert_cmpstr (dramatis_history_get_undo_name (history), ==, "Add Evidence");
  g_assert_cmpuint (got.n_emitted, ==, 0);
  g_assert_true (wait_for (shows_evidence_at, &(TagWait) { window, start }));

  /* One undo takes it back, and the window follows. */
  g_assert_true (dramatis_story_undo (story));
  g_assert_cmpuint (dramatis_story_get_event (story, event)->n_evidence, ==, n_before);
  g_assert_false (has_evidence_tag_at (window, start));

  destroy_toplevels ();
}

/* "New Event…" in the picker leaves the form to whoever opened the
 * window: the window emits add-evidence.
 */
static void
test_picker_new_item (void)
{
  g_autoptr(DramatisStory) story = load_builtin ();
  DramatisSourceWindow *window = open_source_window (story);
  AddEvidence got = { 0 };
  GtkWindow *picker;
  GtkWidget *row;
  guint start, end;

  g_signal_connect (window, "add-evidence", G_CALLBACK (on_add_evidence), &got);
  find_passage (story, "advanced military", TRUE, &start, &end);
  select_chars (window, start, end + 1);
  gtk_widget_activate_action (GTK_WIDGET (window), "source.relation-evidence", NULL);
  g_assert_true (wait_for (has_toplevel, GSIZE_TO_POINTER (DRAMATIS_TYPE_EVIDENCE_PICKER)));
  picker = find_toplevel (DRAMATIS_TYPE_EVIDENCE_PICKER);

  row = find_widget (GTK_WIDGET (picker), "new-item", G_TYPE_INVALID);
  g_signal_emit_by_name (gtk_widget_get_parent (row), "row-activated", row);
  g_assert_true (wait_for (has_no_toplevel, GSIZE_TO_POINTER (DRAMATIS_TYPE_EVIDENCE_PICKER)));

  g_assert_cmpuint (got.n_emitted, ==, 1);
  g_assert_cmpuint (got.kind, ==, DRAMATIS_ITEM_RELATION);
  g_assert_cmpuint (got.start, ==, start);
  g_assert_cmpuint (got.end, ==, end);

  destroy_toplevels ();
}

static char *
dup_buffer_text (DramatisSourceWindow *window)
{
  GtkTextBuffer *buffer = get_buffer (window);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* The window shows the source as edits leave it, and goes with it. */
static void
test_window_follows_edits (void)
{
  g_autoptr(DramatisStory) story = load_builtin ();
  DramatisSourceWindow *window = open_source_window (story);
  DramatisSource source = *dramatis_story_get_source (story, 0);
  g_autofree char *longer = g_strconcat (source.text, "\nA line more.", NULL);
  g_autofree char *shown = NULL;

  source.text = longer;
  source.title = "Retitled";
  g_assert_true (dramatis_story_change_source (story, 0, &source, NULL));
  shown = dup_buffer_text (window);
  g_assert_cmpstr (shown, ==, longer);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Retitled");
  g_clear_pointer (&shown, g_free);

  g_assert_true (dramatis_story_undo (story));
  shown = dup_buffer_text (window);
  g_assert_cmpstr (shown, ==, dramatis_story_get_source (story, 0)->text);

  dramatis_story_remove_source (story, 0);
  g_assert_true (wait_for (has_no_toplevel, GSIZE_TO_POINTER (DRAMATIS_TYPE_SOURCE_WINDOW)));
}

static void
set_row (GtkWindow  *editor,
         const char *name,
         const char *text)
{
  GtkWidget *row = find_widget (GTK_WIDGET (editor), name, G_TYPE_INVALID);

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static gboolean
widget_is_sensitive (gpointer data)
{
  return gtk_widget_get_sensitive (data);
}

/* A new source from pasted text: checked as typed, added as one step with
 * an id of its own, its line endings made one kind.
 */
static void
test_editor_adds_source (void)
{
  g_autoptr(DramatisStory) story = load_builtin ();
  guint n_sources = dramatis_story_get_n_sources (story);
  GtkWindow *editor = dramatis_source_editor_open (NULL, story, DRAMATIS_NO_INDEX);
  GtkWidget *save = find_widget (GTK_WIDGET (editor), "save", G_TYPE_INVALID);
  GtkWidget *date = find_widget (GTK_WIDGET (editor), "published", G_TYPE_INVALID);
  GtkWidget *text = find_widget (GTK_WIDGET (editor), "text", G_TYPE_INVALID);
  const DramatisSource *added;

  /* A source needs a title: the empty form keeps Add off, and says so
   * once a title was typed and taken away.
   */
  g_assert_false (gtk_widget_get_sensitive (save));
  g_assert_false (gtk_widget_has_css_class (find_widget (GTK_WIDGET (editor), "title", G_TYPE_INVALID), "error"));
  set_row (editor, "title", "Council");
  set_row (editor, "title", "");
  g_assert_true (gtk_widget_has_css_class (find_widget (GTK_WIDGET (editor), "title", G_TYPE_INVALID), "error"));
  g_assert_false (gtk_widget_get_sensitive (save));

  set_row (editor, "title", "Council meeting");
  set_row (editor, "published", "2024-13");
  g_assert_true (gtk_widget_has_css_class (date, "error"));
  g_assert_false (gtk_widget_get_sensitive (save));
  set_row (editor, "published", "2024-10");
  g_assert_false (gtk_widget_has_css_class (date, "error"));
  set_row (editor, "url", "example.org/a");
  g_assert_false (gtk_widget_get_sensitive (save));
  set_row (editor, "url", "https://example.org/a");

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (text)), "Ünïcödé line\r\nand another.", -1);
  g_assert_true (wait_for (widget_is_sensitive, save));

  g_signal_emit_by_name (save, "clicked");
  g_assert_true (wait_for (has_no_toplevel, GSIZE_TO_POINTER (DRAMATIS_TYPE_SOURCE_EDITOR)));

  g_assert_cmpuint (dramatis_story_get_n_sources (story), ==, n_sources + 1);
  added = dramatis_story_get_source (story, n_sources);
  g_assert_cmpstr (added->id, ==, "council-meeting");
  g_assert_cmpstr (added->title, ==, "Council meeting");
  g_assert_cmpstr (added->url, ==, "https://example.org/a");
  g_assert_null (added->publisher);
  g_assert_cmpint (added->published.precision, ==, DRAMATIS_DATE_PRECISION_MONTH);
  g_assert_cmpstr (added->text, ==, "Ünïcödé line\nand another.");
  g_assert_cmpstr (dramatis_history_get_undo_name (dramatis_story_get_history (story)), ==, "Add Source");
}

/* The first visible error label of @editor. */
static const char *
find_error_message (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget) && gtk_widget_has_css_class (widget, "error"))
    return gtk_label_get_text (GTK_LABEL (widget));

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      const char *found = find_error_message (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
shows_error (gpointer data)
{
  return find_error_message (data) != NULL;
}

/* A new text that would lose evidence names the items it belongs to, and
 * cannot be saved.
 */
static void
test_editor_names_lost_evidence (void)
{
  g_autoptr(DramatisStory) story = load_builtin ();
  GtkWindow *editor = dramatis_source_editor_open (NULL, story, 0);
  GtkWidget *save = find_widget (GTK_WIDGET (editor), "save", G_TYPE_INVALID);
  GtkWidget *text = find_widget (GTK_WIDGET (editor), "text", G_TYPE_INVALID);
  const char *message;

  g_assert_true (gtk_widget_get_sensitive (save));
  g_assert_null (find_error_message (GTK_WIDGET (editor)));

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (text)), "Nothing of it is left.", -1);
  g_assert_true (wait_for (shows_error, editor));
  g_assert_false (gtk_widget_get_sensitive (save));

  message = find_error_message (GTK_WIDGET (editor));
  g_assert_nonnull (strstr (message, "evidence"));
  /* The builtin story's events come first, by name. */
  g_assert_nonnull (strstr (message, dramatis_event_get_label (dramatis_story_get_event (story, 0))));
  g_assert_nonnull (strstr (message, "more item"));

  destroy_toplevels ();
}

static gboolean
story_has_one_source (gpointer data)
{
  DramatisStory *story = dramatis_window_get_story (data);

  return story != NULL && dramatis_story_get_n_sources (story) == 1 && dramatis_story_get_n_actors (story) == 0;
}

/* Opening a text file makes a story of it, unsaved, and shows the text. */
static void
test_open_text_file (void)
{
  g_autofree char *dir = dramatis_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "Council report.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  DramatisWindow *window = dramatis_window_new (app);
  DramatisStory *story;
  GtkWindow *source_window;
  g_autofree char *shown = NULL;

  g_assert_true (g_file_set_contents (path, "Ünïcödé report.\r\nSecond line.\r\n", -1, NULL));
  gtk_window_present (GTK_WINDOW (window));
  dramatis_window_open_file (window, file);
  g_assert_true (wait_for (story_has_one_source, window));
  g_assert_true (wait_for (has_toplevel, GSIZE_TO_POINTER (DRAMATIS_TYPE_SOURCE_WINDOW)));

  story = dramatis_window_get_story (window);
  g_assert_cmpstr (dramatis_story_get_source (story, 0)->title, ==, "Council report");
  g_assert_cmpstr (dramatis_story_get_source (story, 0)->text, ==, "Ünïcödé report.\nSecond line.\n");
  g_assert_true (dramatis_history_is_modified (dramatis_story_get_history (story)));
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (window)), "Council report"));

  source_window = find_toplevel (DRAMATIS_TYPE_SOURCE_WINDOW);
  g_assert_true (gtk_window_get_transient_for (source_window) == GTK_WINDOW (window));
  shown = dup_buffer_text (DRAMATIS_SOURCE_WINDOW (source_window));
  g_assert_cmpstr (shown, ==, "Ünïcödé report.\nSecond line.\n");

  destroy_toplevels ();
  dramatis_test_remove_temp_dir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data_home = NULL;
  int status;

  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  setlocale (LC_ALL, "");

  g_test_init (&argc, &argv, NULL);

  data_home = dramatis_test_make_temp_dir ();
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  if (!gtk_init_check ())
    {
      g_printerr ("No display: skipping the source tests\n");
      return 77;
    }

  app = dramatis_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  g_test_add_func ("/sources/quote-selection", test_quote_selection);
  g_test_add_func ("/sources/picker-adds-evidence", test_picker_adds_evidence);
  g_test_add_func ("/sources/picker-new-item", test_picker_new_item);
  g_test_add_func ("/sources/window-follows-edits", test_window_follows_edits);
  g_test_add_func ("/sources/editor-adds-source", test_editor_adds_source);
  g_test_add_func ("/sources/editor-names-lost-evidence", test_editor_names_lost_evidence);
  g_test_add_func ("/sources/open-text-file", test_open_text_file);

  status = g_test_run ();

  g_clear_object (&app);
  dramatis_test_remove_temp_dir (data_home);

  return status;
}
