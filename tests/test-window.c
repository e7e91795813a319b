/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "dramatis-application.h"
#include "dramatis-details.h"
#include "dramatis-export-dialog.h"
#include "dramatis-item-list.h"
#include "dramatis-item-object.h"
#include "dramatis-network-canvas.h"
#include "dramatis-pane.h"
#include "dramatis-chooser-row.h"
#include "dramatis-editor-private.h"
#include "dramatis-source-editor.h"
#include "dramatis-source-window.h"
#include "dramatis-story-edit.h"
#include "dramatis-timeline-canvas.h"
#include "dramatis-timeline-overview.h"
#include "dramatis-source-window.h"
#include "dramatis-story-io.h"
#include "dramatis-synthetic.h"
#include "dramatis-test-utils.h"
#include "dramatis-width-bin.h"
#include "dramatis-window.h"

/* The window, in process, on the built-in story: what a user sees after
 * selecting, searching, exporting and opening a broken file.  Every test
 * waits for what it expects by running the main loop until it holds, with
 * a time limit, never for a fixed time.
 *
 * Needs a display; without one it exits with 77, which Meson counts as
 * skipped.
 */

#define WAIT_TIMEOUT_MS 20000

static DramatisApplication *app;

typedef struct
{
  DramatisWindow *window;
  DramatisStory  *story;
} Fixture;

/* Waiting */

typedef gboolean (*Condition) (gpointer data);

static gboolean
wake_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Runs the main loop until @condition holds or the time is up, and says
 * whether it holds.  A short timer keeps the loop from blocking past the
 * deadline when nothing else happens.
 */
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

/* Runs whatever is ready to run, without blocking. */
static void
drain_main_context (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
flag_is_set (gpointer data)
{
  return *(gboolean *) data;
}

static void
set_flag_cb (gpointer  instance,
             gboolean *flag)
{
  *flag = TRUE;
}

/* Widgets */

static GtkWidget *
get_child (Fixture    *fixture,
           const char *id)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (fixture->window), DRAMATIS_TYPE_WINDOW, id);

  g_assert_nonnull (child);
  return GTK_WIDGET (child);
}

/* The texts of the labels shown under @widget, that have @css_class if it
 * is given.
 */
static void
collect_labels (GtkWidget  *widget,
                const char *css_class,
                GPtrArray  *texts)
{
  if (!gtk_widget_get_mapped (widget))
    return;

  if (GTK_IS_LABEL (widget) && (css_class == NULL || gtk_widget_has_css_class (widget, css_class)))
    g_ptr_array_add (texts, g_strdup (gtk_label_get_text (GTK_LABEL (widget))));

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, css_class, texts);
}

static GPtrArray *
get_labels (GtkWidget  *widget,
            const char *css_class)
{
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);

  collect_labels (widget, css_class, texts);
  return texts;
}

static gboolean
labels_contain (GPtrArray  *texts,
                const char *text)
{
  for (guint i = 0; i < texts->len; i++)
    if (strstr (texts->pdata[i], text) != NULL)
      return TRUE;

  return FALSE;
}

/* The dialogs of the test's window, newest last. */
static GPtrArray *
get_dialogs (Fixture *fixture,
             GType    type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  GPtrArray *dialogs = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) &&
          gtk_window_get_transient_for (window) == GTK_WINDOW (fixture->window))
        g_ptr_array_add (dialogs, g_object_ref (window));
    }

  return dialogs;
}

/* Fixture: a window on the built-in story, shown and laid out */

static gboolean
window_is_ready (gpointer data)
{
  Fixture *fixture = data;
  GtkWidget *network = get_child (fixture, "network_canvas");
  GtkWidget *details = get_child (fixture, "details");

  GtkWidget *views = get_child (fixture, "views_paned");
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  double split = g_settings_get_double (settings, "split-position");

  /* The split between the diagrams is restored at the first frame. */
  return gtk_widget_get_mapped (GTK_WIDGET (fixture->window)) &&
         ABS (gtk_paned_get_position (GTK_PANED (views)) - (int) (gtk_widget_get_height (views) * split)) <= 1 &&
         gtk_widget_get_mapped (network) && gtk_widget_get_width (network) > 0 &&
         gtk_widget_get_mapped (details) && gtk_widget_get_width (details) > 0 &&
         !dramatis_network_canvas_is_laying_out (DRAMATIS_NETWORK_CANVAS (network));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->window = dramatis_window_new (app);
  dramatis_window_open_builtin (fixture->window);
  gtk_window_present (GTK_WINDOW (fixture->window));

  g_assert_true (wait_for (window_is_ready, fixture));

  fixture->story = dramatis_window_get_story (fixture->window);
  g_assert_nonnull (fixture->story);
  g_assert_cmpstr (dramatis_story_get_title (fixture->story), !=, NULL);
}

static gboolean
no_toplevels (gpointer data)
{
  return g_list_model_get_n_items (gtk_window_get_toplevels ()) == 0;
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n;

  /* Dialogs first, then the window. */
  while ((n = g_list_model_get_n_items (toplevels)) > 0)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, n - 1);

      gtk_window_destroy (window);
    }

  g_assert_true (wait_for (no_toplevels, NULL));
  fixture->window = NULL;
}

static guint
find_actor (Fixture    *fixture,
            const char *id)
{
  guint actor = dramatis_story_find_actor (fixture->story, id);

  g_assert_cmpuint (actor, !=, DRAMATIS_NO_INDEX);
  return actor;
}

/* (a) Selecting Robert Wood shows his statements, and only his. */

typedef struct
{
  DramatisDetails *details;
  guint            n_expected;
} DetailsWait;

static gboolean
details_show_statements (gpointer data)
{
  DetailsWait *wait = data;

  return dramatis_details_get_n_statements (wait->details) == wait->n_expected;
}

static void
test_select_actor_details (Fixture       *fixture,
                           gconstpointer  data)
{
  guint wood = find_actor (fixture, "robert-wood");
  DramatisDetails *details = DRAMATIS_DETAILS (get_child (fixture, "details"));
  g_autoptr(GPtrArray) quotes = NULL;
  g_autoptr(GPtrArray) labels = NULL;
  const guint *statements;
  guint n_statements;
  DramatisItem selected;

  statements = dramatis_story_get_actor_statements (fixture->story, wood, &n_statements);
  g_assert_cmpuint (n_statements, ==, 3);
  g_assert_cmpuint (dramatis_details_get_n_statements (details), ==, 0);

  dramatis_window_select (fixture->window, (DramatisItem) { DRAMATIS_ITEM_ACTOR, wood });

  selected = dramatis_window_get_selected (fixture->window);
  g_assert_cmpint (selected.kind, ==, DRAMATIS_ITEM_ACTOR);
  g_assert_cmpuint (selected.index, ==, wood);

  g_assert_true (wait_for (details_show_statements, &(DetailsWait) { details, 3 }));
  drain_main_context ();
  g_assert_cmpuint (dramatis_details_get_n_statements (details), ==, 3);

  /* The pane names him, and shows each of his quotes once... */
  labels = get_labels (GTK_WIDGET (details), NULL);
  g_assert_true (labels_contain (labels, "Robert Wood"));

  quotes = get_labels (GTK_WIDGET (details), "quote");
  g_assert_cmpuint (quotes->len, ==, 3);
  for (guint i = 0; i < n_statements; i++)
    {
      const DramatisStatement *statement = dramatis_story_get_statement (fixture->story, statements[i]);

      g_assert_cmpuint (statement->speaker, ==, wood);
      g_test_message ("quote %u: %s", i, statement->text);
      g_assert_true (labels_contain (quotes, statement->text));
    }

  /* ...and nobody else's. */
  for (guint i = 0; i < dramatis_story_get_n_statements (fixture->story); i++)
    {
      const DramatisStatement *statement = dramatis_story_get_statement (fixture->story, i);

      if (statement->speaker != wood)
        g_assert_false (labels_contain (quotes, statement->text));
    }
}

/* (b) Selecting an event lights its participants in the network and dims
 * the other actors, as drawn on screen.
 */

typedef struct
{
  int     width;
  int     height;
  gsize   stride;
  guchar *pixels;   /* GDK_MEMORY_DEFAULT: premultiplied B, G, R, A in memory */
} Capture;

static void
capture_free (Capture *capture)
{
  g_free (capture->pixels);
  g_free (capture);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Capture, capture_free)

/* What @widget shows once it has drawn what it shows now: its last render
 * node, through a widget paintable, rendered by the window's renderer.
 */
static Capture *
capture_widget (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  GtkSnapshot *snapshot;
  GskRenderer *renderer;
  Capture *capture;
  gboolean drawn = FALSE;
  gulong handler;

  /* The paintable updates its picture when the widget has drawn anew. */
  drain_main_context ();
  handler = g_signal_connect (paintable, "invalidate-contents", G_CALLBACK (set_flag_cb), &drawn);
  gtk_widget_queue_draw (widget);
  g_assert_true (wait_for (flag_is_set, &drawn));
  g_signal_handler_disconnect (paintable, handler);

  capture = g_new0 (Capture, 1);
  capture->width = gtk_widget_get_width (widget);
  capture->height = gtk_widget_get_height (widget);

  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, capture->width, capture->height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);

  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  g_assert_nonnull (renderer);
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, capture->width, capture->height));
  g_assert_cmpint (gdk_texture_get_width (texture), ==, capture->width);
  g_assert_cmpint (gdk_texture_get_height (texture), ==, capture->height);

  capture->stride = 4 * (gsize) capture->width;
  capture->pixels = g_malloc (capture->stride * capture->height);
  gdk_texture_download (texture, capture->pixels, capture->stride);

  return capture;
}

/* The colour at a point, as 0–255 red, green and blue over the window. */
static void
capture_get_rgb (const Capture *capture,
                 double         x,
                 double         y,
                 int            rgb[3])
{
  int px = CLAMP ((int) x, 0, capture->width - 1);
  int py = CLAMP ((int) y, 0, capture->height - 1);
  const guchar *p = capture->pixels + py * capture->stride + 4 * px;

  rgb[0] = p[2];
  rgb[1] = p[1];
  rgb[2] = p[0];
}

static int
rgb_distance (const int a[3],
              const int b[3])
{
  return ABS (a[0] - b[0]) + ABS (a[1] - b[1]) + ABS (a[2] - b[2]);
}

static gboolean
is_participant (const DramatisEvent *event,
                guint                actor)
{
  for (guint i = 0; i < event->n_participants; i++)
    if (event->participants[i].actor == actor)
      return TRUE;

  return FALSE;
}

static void
test_linked_highlight (Fixture       *fixture,
                       gconstpointer  data)
{
  static const char *const participant_ids[] = { "russia", "un-security-council", "panel-of-experts", "north-korea" };
  GtkWidget *network = get_child (fixture, "network_canvas");
  guint veto = dramatis_story_find_event (fixture->story, "panel-veto");
  const DramatisEvent *event;
  g_autoptr(Capture) before = NULL;
  g_autoptr(Capture) after = NULL;
  int background_before[3], background_after[3];
  guint n_dimmed = 0, n_lit = 0;

  g_assert_cmpuint (veto, !=, DRAMATIS_NO_INDEX);
  event = dramatis_story_get_event (fixture->story, veto);
  for (guint i = 0; i < G_N_ELEMENTS (participant_ids); i++)
    g_assert_true (is_participant (event, find_actor (fixture, participant_ids[i])));

  before = capture_widget (network);
  dramatis_window_select (fixture->window, (DramatisItem) { DRAMATIS_ITEM_EVENT, veto });
  after = capture_widget (network);

  g_assert_cmpint (before->width, ==, after->width);
  g_assert_cmpint (before->height, ==, after->height);

  /* The canvas's corner is background, whatever is selected. */
  capture_get_rgb (before, 1, 1, background_before);
  capture_get_rgb (after, 1, 1, background_after);
  g_assert_cmpint (rgb_distance (background_before, background_after), <=, 3);

  /* At the middle of each actor's glyph: a participant keeps its colour,
   * any other actor fades towards the background.
   */
  for (guint actor = 0; actor < dramatis_story_get_n_actors (fixture->story); actor++)
    {
      const DramatisActor *info = dramatis_story_get_actor (fixture->story, actor);
      int colour_before[3], colour_after[3];
      int contrast_before, contrast_after;
      double x, y;

      if (!dramatis_network_canvas_get_actor_point (DRAMATIS_NETWORK_CANVAS (network), actor, &x, &y))
        continue;

      capture_get_rgb (before, x, y, colour_before);
      capture_get_rgb (after, x, y, colour_after);
      contrast_before = rgb_distance (colour_before, background_before);
      contrast_after = rgb_distance (colour_after, background_after);

      g_test_message ("%s at %.0f,%.0f: #%02x%02x%02x → #%02x%02x%02x (contrast %d → %d)%s",
                      info->id, x, y,
                      colour_before[0], colour_before[1], colour_before[2],
                      colour_after[0], colour_after[1], colour_after[2],
                      contrast_before, contrast_after,
                      is_participant (event, actor) ? ", participant" : "");

      /* Before, every actor stands out from the background. */
      g_assert_cmpint (contrast_before, >=, 60);

      if (is_participant (event, actor))
        {
          g_assert_cmpint (contrast_after, >=, contrast_before * 8 / 10);
          n_lit++;
        }
      else
        {
          g_assert_cmpint (contrast_after, <=, contrast_before * 6 / 10);
          n_dimmed++;
        }
    }

  g_assert_cmpuint (n_lit, ==, event->n_participants);
  g_assert_cmpuint (n_dimmed, >=, 10);
}

/* (c) The search finds a quote by a word in it. */

typedef struct
{
  GtkListView  *list;
  const char   *title;
} RowWait;

static gboolean
list_shows_row (gpointer data)
{
  RowWait *wait = data;
  g_autoptr(GPtrArray) labels = get_labels (GTK_WIDGET (wait->list), NULL);

  return gtk_widget_get_mapped (GTK_WIDGET (wait->list)) && labels_contain (labels, wait->title);
}

static gboolean
widget_is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

typedef struct
{
  GtkWidget *widget;
  int        width;
} WidthWait;

static gboolean
widget_has_width (gpointer data)
{
  WidthWait *wait = data;

  return gtk_widget_get_width (wait->widget) == wait->width;
}

static gboolean
widget_is_unmapped (gpointer data)
{
  return !gtk_widget_get_mapped (data);
}

static gboolean
model_has_items (gpointer data)
{
  GtkListView *list = data;
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (list));

  return model != NULL && g_list_model_get_n_items (model) > 0;
}

static void
test_search_quote (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkWidget *entry = get_child (fixture, "search_entry");
  GtkListView *results = GTK_LIST_VIEW (get_child (fixture, "result_list"));
  guint statement = dramatis_story_find_statement (fixture->story, "evstigneeva-not-a-court");
  GListModel *model;
  g_autoptr(DramatisItemObject) found = NULL;

  g_assert_cmpuint (statement, !=, DRAMATIS_NO_INDEX);
  g_assert_nonnull (strstr (dramatis_story_get_statement (fixture->story, statement)->text, "interrogation"));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (results)));

  gtk_editable_set_text (GTK_EDITABLE (entry), "interrogation");

  /* The entry reports the search after a short delay. */
  g_assert_true (wait_for (model_has_items, results));
  model = G_LIST_MODEL (gtk_list_view_get_model (results));

  for (guint i = 0; i < g_list_model_get_n_items (model) && found == NULL; i++)
    {
      g_autoptr(DramatisItemObject) object = g_list_model_get_item (model, i);
      DramatisItem item = dramatis_item_object_get_item (object);

      g_test_message ("result %u: %s", i, dramatis_item_object_get_title (object));
      if (item.kind == DRAMATIS_ITEM_STATEMENT && item.index == statement)
        found = g_steal_pointer (&object);
    }
  g_assert_nonnull (found);

  /* And the list on screen shows it. */
  g_assert_true (wait_for (list_shows_row,
                           &(RowWait) { results, dramatis_item_object_get_title (found) }));

  /* Clearing the search brings the actors back. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  g_assert_true (wait_for (widget_is_mapped, get_child (fixture, "actor_list")));
}

/* (d) Export, with the dialog the window opens, writes a PNG. */

static gboolean
has_export_dialog (gpointer data)
{
  g_autoptr(GPtrArray) dialogs = get_dialogs (data, DRAMATIS_TYPE_EXPORT_DIALOG);

  return dialogs->len > 0 && gtk_widget_get_mapped (dialogs->pdata[0]);
}

static guint32
read_be32 (const guchar *p)
{
  return (guint32) p[0] << 24 | (guint32) p[1] << 16 | (guint32) p[2] << 8 | p[3];
}

static void
test_export_png (Fixture       *fixture,
                 gconstpointer  data)
{
  static const guchar png_signature[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) dialogs = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree guchar *contents = NULL;
  g_autoptr(GFile) file = NULL;
  gsize length;
  int expected_width;

  dramatis_window_select (fixture->window,
                          (DramatisItem) { DRAMATIS_ITEM_ACTOR, find_actor (fixture, "robert-wood") });

  /* What Ctrl+E and the header bar's button do. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.export", NULL));
  g_assert_true (wait_for (has_export_dialog, fixture));
  dialogs = get_dialogs (fixture, DRAMATIS_TYPE_EXPORT_DIALOG);
  g_assert_cmpuint (dialogs->len, ==, 1);

  dir = g_dir_make_tmp ("dramatis-test-window-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "story.png", NULL);
  file = g_file_new_for_path (path);

  g_assert_true (dramatis_export_dialog_export (dialogs->pdata[0], file, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_get_contents (path, (char **) &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 8 + 25);
  g_assert_cmpmem (contents, sizeof png_signature, png_signature, sizeof png_signature);

  /* The first chunk is the header; the dialog proposes the width of the
   * diagrams on screen, at 1×.
   */
  g_assert_cmpmem (contents + 12, 4, "IHDR", 4);
  expected_width = MAX (MAX (gtk_widget_get_width (get_child (fixture, "timeline_canvas")),
                             gtk_widget_get_width (get_child (fixture, "network_canvas"))),
                        400);
  g_assert_cmpuint (read_be32 (contents + 16), ==, expected_width);
  g_assert_cmpuint (read_be32 (contents + 20), >, 0);

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* An export shows every item at full strength, even with something
 * selected, unless the dialog's Highlight the Selection is on.
 */

static GtkWidget *
find_widget_of_type (GtkWidget *root,
                     GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget_of_type (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Exports with the dialog the window opens now, and closes it. */
static GBytes *
export_with_dialog (Fixture  *fixture,
                    gboolean  highlight)
{
  g_autoptr(GPtrArray) dialogs = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = dramatis_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "story.png", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkSwitch *highlight_switch;
  char *contents = NULL;
  gsize length;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.export", NULL));
  g_assert_true (wait_for (has_export_dialog, fixture));
  dialogs = get_dialogs (fixture, DRAMATIS_TYPE_EXPORT_DIALOG);
  g_assert_cmpuint (dialogs->len, ==, 1);

  highlight_switch = GTK_SWITCH (find_widget_of_type (dialogs->pdata[0], GTK_TYPE_SWITCH));
  g_assert_nonnull (highlight_switch);
  g_assert_false (gtk_switch_get_active (highlight_switch));
  gtk_switch_set_active (highlight_switch, highlight);

  g_assert_true (dramatis_export_dialog_export (dialogs->pdata[0], file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);

  gtk_window_destroy (dialogs->pdata[0]);
  dramatis_test_remove_temp_dir (dir);

  return g_bytes_new_take (contents, length);
}

static void
test_export_highlight (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GBytes) plain = NULL;
  g_autoptr(GBytes) selected = NULL;
  g_autoptr(GBytes) highlighted = NULL;

  /* Selecting may bring the actor into view: the plain export comes after,
   * with the view the selection left.
   */
  dramatis_window_select (fixture->window,
                          (DramatisItem) { DRAMATIS_ITEM_ACTOR, find_actor (fixture, "robert-wood") });
  selected = export_with_dialog (fixture, FALSE);
  highlighted = export_with_dialog (fixture, TRUE);

  dramatis_window_select (fixture->window, DRAMATIS_ITEM_INIT_NONE);
  plain = export_with_dialog (fixture, FALSE);

  g_assert_true (g_bytes_equal (selected, plain));
  g_assert_false (g_bytes_equal (highlighted, plain));
}

/* The window can replace its story while the export dialog is open (a
 * file that finishes loading, or one opened from outside): the dialog
 * still exports the story it opened on.
 */

static gboolean
story_is_not (gpointer data)
{
  gpointer *wait = data;

  return dramatis_window_get_story (wait[0]) != wait[1];
}

/* Opens a story of tests/data in the window, in place of the one it shows. */
static void
open_test_story (Fixture    *fixture,
                 const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  gpointer wait[2] = { fixture->window, dramatis_window_get_story (fixture->window) };

  dramatis_window_open_file (fixture->window, file);
  g_assert_true (wait_for (story_is_not, wait));
  fixture->story = dramatis_window_get_story (fixture->window);
}

static void
test_export_after_story_replaced (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autofree char *example = g_test_build_filename (G_TEST_DIST, "data", "example.dramatis.json", NULL);
  g_autoptr(GFile) example_file = g_file_new_for_path (example);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) dialogs = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  gpointer wait[2];

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.export", NULL));
  g_assert_true (wait_for (has_export_dialog, fixture));
  dialogs = get_dialogs (fixture, DRAMATIS_TYPE_EXPORT_DIALOG);
  g_assert_cmpuint (dialogs->len, ==, 1);

  /* The built-in story is untouched, so another replaces it at once. */
  wait[0] = fixture->window;
  wait[1] = dramatis_window_get_story (fixture->window);
  dramatis_window_open_file (fixture->window, example_file);
  g_assert_true (wait_for (story_is_not, wait));

  dir = g_dir_make_tmp ("dramatis-test-window-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "story.png", NULL);
  file = g_file_new_for_path (path);
  g_assert_true (dramatis_export_dialog_export (dialogs->pdata[0], file, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 1000);
  g_assert_cmpmem (contents, 4, "\x89PNG", 4);

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* A story is saved in a worker thread: until the file is written the story
 * cannot change, and a story opened meanwhile does not take the file's
 * name.
 */

static gboolean
is_not_saving (gpointer data)
{
  return !dramatis_window_is_saving (data);
}

static void
test_save_in_progress (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *example = g_test_build_filename (G_TEST_DIST, "data", "example.dramatis.json", NULL);
  g_autofree char *dir = dramatis_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "story.dramatis.json", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  DramatisStory *story;
  gpointer wait[2];
  guint pinned;

  g_assert_true (g_file_get_contents (example, &contents, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, contents, -1, &error));
  g_assert_no_error (error);

  wait[0] = fixture->window;
  wait[1] = dramatis_window_get_story (fixture->window);
  dramatis_window_open_file (fixture->window, file);
  g_assert_true (wait_for (story_is_not, wait));
  story = dramatis_window_get_story (fixture->window);
  pinned = dramatis_story_find_actor (story, "harbour-board");
  g_assert_true (dramatis_story_get_actor (story, pinned)->has_position);

  /* While it is written, Unpin All does nothing. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.save", NULL));
  g_assert_true (dramatis_window_is_saving (fixture->window));
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.unpin-all", NULL);
  g_assert_true (dramatis_story_get_actor (story, pinned)->has_position);

  /* The built-in story, opened before the save ends, has no file. */
  dramatis_window_open_builtin (fixture->window);
  g_assert_true (wait_for (is_not_saving, fixture->window));
  g_assert_null (dramatis_window_get_file (fixture->window));

  /* Once saved, the story can change again. */
  wait[1] = dramatis_window_get_story (fixture->window);
  dramatis_window_open_file (fixture->window, file);
  g_assert_true (wait_for (story_is_not, wait));
  story = dramatis_window_get_story (fixture->window);
  g_assert_true (dramatis_story_get_actor (story, pinned)->has_position);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.unpin-all", NULL);
  g_assert_false (dramatis_story_get_actor (story, pinned)->has_position);

  dramatis_test_remove_temp_dir (dir);
}

/* The panes take the sizes the user left them at as soon as the window
 * shows its story, and keep them: a search that shows its results in the
 * sidebar does not make it narrower.
 */

static gboolean
sidebar_has_saved_width (gpointer data)
{
  Fixture *fixture = data;
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);

  return gtk_widget_get_width (get_child (fixture, "sidebar")) == g_settings_get_int (settings, "sidebar-width") &&
         gtk_widget_get_width (get_child (fixture, "details")) == g_settings_get_int (settings, "details-width");
}

static void
test_panes_keep_sizes (Fixture       *fixture,
                       gconstpointer  data)
{
  GtkWidget *entry = get_child (fixture, "search_entry");
  GtkListView *results = GTK_LIST_VIEW (get_child (fixture, "result_list"));

  g_assert_true (wait_for (sidebar_has_saved_width, fixture));

  gtk_editable_set_text (GTK_EDITABLE (entry), "interrogation");
  g_assert_true (wait_for (model_has_items, results));
  g_assert_true (wait_for (widget_is_mapped, results));
  g_assert_true (sidebar_has_saved_width (fixture));
}

/* A pane's handle sets its width, within limits, and the width is saved
 * with the window.
 */
static void
test_pane_width (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  DramatisPane *sidebar = DRAMATIS_PANE (get_child (fixture, "sidebar_pane"));
  int before = g_settings_get_int (settings, "sidebar-width");
  GtkWidget *list = get_child (fixture, "sidebar");

  g_assert_true (wait_for (sidebar_has_saved_width, fixture));

  dramatis_pane_set_width (sidebar, before + 40);
  g_assert_true (wait_for (widget_has_width, &(WidthWait) { list, before + 40 }));
  dramatis_pane_set_width (sidebar, 20);
  g_assert_cmpint (dramatis_pane_get_width (sidebar), ==, 200);
  dramatis_pane_set_width (sidebar, 5000);
  g_assert_cmpint (dramatis_pane_get_width (sidebar), ==, 800);
  dramatis_pane_set_width (sidebar, before + 40);

  gtk_window_close (GTK_WINDOW (fixture->window));
  g_assert_cmpint (g_settings_get_int (settings, "sidebar-width"), ==, before + 40);
  g_settings_set_int (settings, "sidebar-width", before);
}

/* Narrow as a phone, the window folds its sidebar and its details away and
 * gives the diagrams the room; the details open over them on a selection
 * and close with it; the view switch moves to the bottom.  Wide again, the
 * window shows all three panes side by side.
 */

static gboolean
flap_is_folded (gpointer data)
{
  return adw_flap_get_folded (data);
}

static gboolean
flap_is_unfolded (gpointer data)
{
  return !adw_flap_get_folded (data);
}

static gboolean
network_has_window_width (gpointer data)
{
  Fixture *fixture = data;
  int width = gtk_widget_get_width (GTK_WIDGET (fixture->window));

  return width <= 360 && gtk_widget_get_width (get_child (fixture, "network_canvas")) == width;
}

static void
test_narrow_layout (Fixture       *fixture,
                    gconstpointer  data)
{
  AdwFlap *sidebar = ADW_FLAP (get_child (fixture, "sidebar_flap"));
  AdwFlap *details = ADW_FLAP (get_child (fixture, "details_flap"));
  GtkWidget *switcher = get_child (fixture, "view_switcher");
  GtkWidget *bottom_switcher = get_child (fixture, "bottom_switcher");

  g_assert_false (adw_flap_get_folded (sidebar));
  g_assert_false (adw_flap_get_folded (details));
  g_assert_true (gtk_widget_get_mapped (switcher));
  g_assert_false (gtk_widget_get_mapped (bottom_switcher));

  /* At 360 pixels, the diagrams have all the window's width, and the
   * view switch has moved to the bottom.
   */
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 360, 720);
  g_assert_true (wait_for (flap_is_folded, sidebar));
  g_assert_true (wait_for (flap_is_folded, details));
  g_assert_false (adw_flap_get_reveal_flap (sidebar));
  g_assert_false (adw_flap_get_reveal_flap (details));
  g_assert_true (wait_for (network_has_window_width, fixture));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->window)), <=, 360);
  g_assert_true (wait_for (widget_is_mapped, bottom_switcher));
  g_assert_false (gtk_widget_get_mapped (switcher));

  /* A selection opens the details over the diagrams; none closes them. */
  dramatis_window_select (fixture->window, (DramatisItem) { DRAMATIS_ITEM_ACTOR, find_actor (fixture, "robert-wood") });
  g_assert_true (adw_flap_get_reveal_flap (details));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.select-none", NULL));
  g_assert_false (adw_flap_get_reveal_flap (details));
  g_assert_true (network_has_window_width (fixture));

  /* F9 opens the sidebar over the diagrams and closes it again. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.toggle-sidebar", NULL));
  g_assert_true (adw_flap_get_reveal_flap (sidebar));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.toggle-sidebar", NULL));
  g_assert_false (adw_flap_get_reveal_flap (sidebar));

  /* The sidebar opens over the diagrams, and closes on what is picked in it. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.search", NULL);
  g_assert_true (adw_flap_get_reveal_flap (sidebar));
  dramatis_window_select (fixture->window, (DramatisItem) { DRAMATIS_ITEM_ACTOR, find_actor (fixture, "russia") });
  g_assert_false (adw_flap_get_reveal_flap (sidebar));
  g_assert_true (adw_flap_get_reveal_flap (details));

  /* Wide again: all side by side, the details still showing. */
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1280, 800);
  g_assert_true (wait_for (flap_is_unfolded, sidebar));
  g_assert_true (wait_for (flap_is_unfolded, details));
  g_assert_true (adw_flap_get_reveal_flap (sidebar));
  g_assert_true (adw_flap_get_reveal_flap (details));
  g_assert_true (wait_for (widget_is_mapped, switcher));
  g_assert_true (wait_for (widget_is_unmapped, bottom_switcher));

  /* Side by side, deselecting leaves the details pane where it is, and
   * hidden with its button, selecting does not bring it back.
   */
  dramatis_window_select (fixture->window, DRAMATIS_ITEM_INIT_NONE);
  g_assert_true (adw_flap_get_reveal_flap (details));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (get_child (fixture, "details_button")), FALSE);
  g_assert_false (adw_flap_get_reveal_flap (details));
  dramatis_window_select (fixture->window, (DramatisItem) { DRAMATIS_ITEM_ACTOR, find_actor (fixture, "russia") });
  g_assert_false (adw_flap_get_reveal_flap (details));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (get_child (fixture, "details_button")), TRUE);
  g_assert_true (adw_flap_get_reveal_flap (details));
}

/* The diagrams fit again when their pane changes size, until the user
 * zooms or pans; Ctrl+0 brings the fitting back.
 */

typedef struct
{
  GtkWidget *canvas;
  int        height;
} HeightWait;

static gboolean
canvas_height_changed (gpointer data)
{
  HeightWait *wait = data;

  return gtk_widget_get_height (wait->canvas) != wait->height;
}

/* Whether the network canvas shows the network fitted to its size. */
static gboolean
network_is_fitted (Fixture *fixture)
{
  DramatisNetworkCanvas *canvas = DRAMATIS_NETWORK_CANVAS (get_child (fixture, "network_canvas"));
  DramatisScene *scene = dramatis_canvas_get_scene (DRAMATIS_CANVAS (canvas));
  DramatisNetworkView view, fitted;

  dramatis_network_canvas_get_view (canvas, &view);
  dramatis_network_fit (dramatis_scene_get_network (scene), gtk_widget_get_width (GTK_WIDGET (canvas)),
                        gtk_widget_get_height (GTK_WIDGET (canvas)), &fitted);

  return fabs (view.zoom - fitted.zoom) < 1e-9 && fabs (view.center_x - fitted.center_x) < 1e-9 &&
         fabs (view.center_y - fitted.center_y) < 1e-9;
}

static void
resize_views (Fixture *fixture,
              int      network_height)
{
  GtkPaned *views = GTK_PANED (get_child (fixture, "views_paned"));
  GtkWidget *canvas = get_child (fixture, "network_canvas");
  HeightWait wait = { canvas, gtk_widget_get_height (canvas) };

  gtk_paned_set_position (views, gtk_widget_get_height (GTK_WIDGET (views)) - network_height);
  /* The canvas takes its view's size as it is allocated its own. */
  g_assert_true (wait_for (canvas_height_changed, &wait));
  g_assert_cmpint (ABS (gtk_widget_get_height (canvas) - network_height), <, 10);
}

static void
test_refit_on_resize (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkWidget *canvas = get_child (fixture, "network_canvas");

  g_assert_true (wait_for (sidebar_has_saved_width, fixture));

  resize_views (fixture, 300);
  g_assert_true (network_is_fitted (fixture));
  resize_views (fixture, 420);
  g_assert_true (network_is_fitted (fixture));

  /* Zoomed in by the user, the view stays as they left it. */
  g_assert_true (gtk_widget_activate_action (canvas, "view.zoom-in", NULL));
  resize_views (fixture, 320);
  g_assert_false (network_is_fitted (fixture));

  g_assert_true (gtk_widget_activate_action (canvas, "view.zoom-fit", NULL));
  resize_views (fixture, 400);
  g_assert_true (network_is_fitted (fixture));
}

/* An actor selected elsewhere, out of view in a diagram, is brought into
 * view there: to the middle of the network, at the same zoom, and its lane
 * to the top of the timeline.
 */
static void
test_reveal_selection (Fixture       *fixture,
                       gconstpointer  data)
{
  DramatisNetworkCanvas *network = DRAMATIS_NETWORK_CANVAS (get_child (fixture, "network_canvas"));
  DramatisTimelineCanvas *timeline_canvas = DRAMATIS_TIMELINE_CANVAS (get_child (fixture, "timeline_canvas"));
  DramatisScene *scene = dramatis_canvas_get_scene (DRAMATIS_CANVAS (network));
  DramatisTimeline *timeline = dramatis_scene_get_timeline (scene);
  guint far_actor = find_actor (fixture, "william-pomeranz");
  guint last_lane_actor = DRAMATIS_NO_INDEX;
  DramatisTimelineView tview;
  DramatisNetworkView before, after;
  double x, y, height;

  g_assert_true (wait_for (sidebar_has_saved_width, fixture));

  /* The timeline's lowest lane is below its view. */
  dramatis_timeline_canvas_get_view (timeline_canvas, &tview);
  for (guint a = 0; a < dramatis_story_get_n_actors (fixture->story); a++)
    if (dramatis_timeline_get_actor_lane (timeline, &tview, a, &y, &height) && y > tview.height)
      last_lane_actor = a;
  g_assert_cmpuint (last_lane_actor, !=, DRAMATIS_NO_INDEX);

  dramatis_window_select (fixture->window, (DramatisItem) { DRAMATIS_ITEM_ACTOR, last_lane_actor });
  dramatis_timeline_canvas_get_view (timeline_canvas, &tview);
  g_assert_true (dramatis_timeline_get_actor_lane (timeline, &tview, last_lane_actor, &y, &height));
  g_assert_cmpfloat (y, >=, DRAMATIS_TIMELINE_AXIS_HEIGHT - 1);
  g_assert_cmpfloat (y, <, tview.height);

  /* Zoomed in on the middle of the network, William Pomeranz is off screen. */
  for (guint i = 0; i < 6; i++)
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (network), "view.zoom-in", NULL));
  g_assert_false (dramatis_network_canvas_get_actor_point (network, far_actor, &x, &y));
  dramatis_network_canvas_get_view (network, &before);

  dramatis_window_select (fixture->window, (DramatisItem) { DRAMATIS_ITEM_ACTOR, far_actor });
  g_assert_true (dramatis_network_canvas_get_actor_point (network, far_actor, &x, &y));
  dramatis_network_canvas_get_view (network, &after);
  g_assert_cmpfloat (after.zoom, ==, before.zoom);
  g_assert_cmpfloat (fabs (x - after.width / 2), <, 1);
  g_assert_cmpfloat (fabs (y - after.height / 2), <, 1);
}

static GtkWidget *
find_child_of_type (GtkWidget *widget,
                    GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
      return child;
  return NULL;
}

typedef struct
{
  GtkWidget *widget;
  gboolean   visible;
} ChildState;

static gboolean
child_has_state (gpointer data)
{
  ChildState *state = data;

  return gtk_widget_get_child_visible (state->widget) == state->visible &&
         gtk_widget_get_mapped (state->widget) == state->visible;
}

/* Whether the scroll bar's adjustment says what the view says. */
static void
assert_adjustment_follows (DramatisTimelineCanvas *canvas,
                           GtkAdjustment          *adjustment)
{
  DramatisScene *scene = dramatis_canvas_get_scene (DRAMATIS_CANVAS (canvas));
  DramatisTimelineView view;

  dramatis_timeline_canvas_get_view (canvas, &view);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, view.scroll_y);
  g_assert_cmpfloat (gtk_adjustment_get_page_size (adjustment), ==, view.height - DRAMATIS_TIMELINE_AXIS_HEIGHT);
  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), ==,
                     dramatis_timeline_get_content_height (dramatis_scene_get_timeline (scene))
                     - DRAMATIS_TIMELINE_AXIS_HEIGHT);
}

/* The lanes have a scroll bar that follows the view and scrolls it; the
 * overview strip shows when the view is zoomed in on part of the story;
 * an event selected elsewhere is brought into view both ways; and a fit
 * fits both axes, back at the top.
 */
static void
test_timeline_navigation (Fixture       *fixture,
                          gconstpointer  data)
{
  DramatisTimelineCanvas *canvas = DRAMATIS_TIMELINE_CANVAS (get_child (fixture, "timeline_canvas"));
  DramatisScene *scene = dramatis_canvas_get_scene (DRAMATIS_CANVAS (canvas));
  DramatisTimeline *timeline = dramatis_scene_get_timeline (scene);
  GtkWidget *scrollbar = find_child_of_type (GTK_WIDGET (canvas), GTK_TYPE_SCROLLBAR);
  GtkWidget *overview = find_child_of_type (GTK_WIDGET (canvas), DRAMATIS_TYPE_TIMELINE_OVERVIEW);
  GtkAdjustment *adjustment;
  DramatisTimelineView view;
  ChildState state;
  guint above = DRAMATIS_NO_INDEX, beside = DRAMATIS_NO_INDEX;
  double gutter, x, y, width, height;

  g_assert_nonnull (scrollbar);
  g_assert_nonnull (overview);
  g_assert_true (wait_for (sidebar_has_saved_width, fixture));
  gutter = dramatis_timeline_get_gutter_width (timeline);

  /* The window's timeline is too short for all its lanes. */
  state = (ChildState) { scrollbar, TRUE };
  g_assert_true (wait_for (child_has_state, &state));
  state = (ChildState) { overview, FALSE };
  g_assert_true (wait_for (child_has_state, &state));
  adjustment = gtk_scrollbar_get_adjustment (GTK_SCROLLBAR (scrollbar));
  assert_adjustment_follows (canvas, adjustment);
  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), >, gtk_adjustment_get_page_size (adjustment));

  /* Dragging the scroll bar moves its adjustment: the lanes follow. */
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  dramatis_timeline_canvas_get_view (canvas, &view);
  g_assert_cmpfloat (view.scroll_y, >, 0);
  assert_adjustment_follows (canvas, adjustment);

  /* Scrolled to the bottom, an event of the top lane is above the view;
   * selected in the sidebar, it comes into view below the axis.
   */
  for (guint e = 0; e < dramatis_story_get_n_events (fixture->story) && above == DRAMATIS_NO_INDEX; e++)
    if (dramatis_timeline_get_event_rect (timeline, &view, e, &x, &y, &width, &height) &&
        y + height < DRAMATIS_TIMELINE_AXIS_HEIGHT)
      above = e;
  g_assert_cmpuint (above, !=, DRAMATIS_NO_INDEX);
  dramatis_window_select (fixture->window, (DramatisItem) { DRAMATIS_ITEM_EVENT, above });
  dramatis_timeline_canvas_get_view (canvas, &view);
  g_assert_true (dramatis_timeline_get_event_rect (timeline, &view, above, &x, &y, &width, &height));
  g_assert_cmpfloat (y, >=, DRAMATIS_TIMELINE_AXIS_HEIGHT);
  g_assert_cmpfloat (y + height, <=, view.height);
  assert_adjustment_follows (canvas, adjustment);

  /* Zoomed in, the overview shows, and an event off to the side comes
   * into view across.
   */
  for (guint i = 0; i < 8; i++)
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (canvas), "view.zoom-in", NULL));
  state = (ChildState) { overview, TRUE };
  g_assert_true (wait_for (child_has_state, &state));
  dramatis_timeline_canvas_get_view (canvas, &view);
  for (guint e = 0; e < dramatis_story_get_n_events (fixture->story) && beside == DRAMATIS_NO_INDEX; e++)
    if (dramatis_timeline_get_event_rect (timeline, &view, e, &x, &y, &width, &height) &&
        (x + width < gutter || x > view.width))
      beside = e;
  g_assert_cmpuint (beside, !=, DRAMATIS_NO_INDEX);
  dramatis_window_select (fixture->window, (DramatisItem) { DRAMATIS_ITEM_EVENT, beside });
  dramatis_timeline_canvas_get_view (canvas, &view);
  g_assert_true (dramatis_timeline_get_event_rect (timeline, &view, beside, &x, &y, &width, &height));
  g_assert_cmpfloat (x, >=, gutter);
  g_assert_cmpfloat (x + MIN (width, view.width - gutter), <=, view.width);
  g_assert_cmpfloat (y, >=, DRAMATIS_TIMELINE_AXIS_HEIGHT);
  g_assert_cmpfloat (y + height, <=, view.height);

  /* Ctrl+0 fits both axes: the whole story's time, from the top lane,
   * and the overview goes.
   */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (canvas), "view.zoom-fit", NULL));
  state = (ChildState) { overview, FALSE };
  g_assert_true (wait_for (child_has_state, &state));
  dramatis_timeline_canvas_get_view (canvas, &view);
  g_assert_cmpfloat (view.scroll_y, ==, 0);
  g_assert_false (dramatis_timeline_overview_helps (timeline, &view));
  assert_adjustment_follows (canvas, adjustment);
}

/* A fit packs the built-in story's lanes into fewer rows of labels, to
 * show more lanes; zooming in gives them all their rows back, and a fit
 * packs them again.
 */
static void
test_zoom_unpacks_rows (Fixture       *fixture,
                        gconstpointer  data)
{
  GtkWidget *canvas = get_child (fixture, "timeline_canvas");
  DramatisTimeline *timeline = dramatis_scene_get_timeline (dramatis_canvas_get_scene (DRAMATIS_CANVAS (canvas)));

  g_assert_cmpuint (dramatis_timeline_get_max_rows (timeline), <, DRAMATIS_TIMELINE_MAX_ROWS);
  g_assert_true (gtk_widget_activate_action (canvas, "view.zoom-in", NULL));
  g_assert_cmpuint (dramatis_timeline_get_max_rows (timeline), ==, DRAMATIS_TIMELINE_MAX_ROWS);
  g_assert_true (gtk_widget_activate_action (canvas, "view.zoom-fit", NULL));
  g_assert_cmpuint (dramatis_timeline_get_max_rows (timeline), <, DRAMATIS_TIMELINE_MAX_ROWS);
}

/* The legend is a setting: the menu's Show Legend turns it on in both
 * diagrams, and it is remembered.  A fitted network fits above it.
 */
static void
test_legend (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  DramatisCanvas *timeline = DRAMATIS_CANVAS (get_child (fixture, "timeline_canvas"));
  DramatisCanvas *network = DRAMATIS_CANVAS (get_child (fixture, "network_canvas"));
  gboolean before = g_settings_get_boolean (settings, "show-legend");
  g_autoptr(Capture) plain = NULL;
  g_autoptr(Capture) with_legend = NULL;
  guint changed_low_left = 0, changed_top_right = 0;
  double legend_top, lowest = 0;

  g_assert_false (before);
  g_assert_false (dramatis_canvas_get_show_legend (timeline));
  g_assert_false (dramatis_canvas_get_show_legend (network));
  /* Placed by the user, the network stays where it is when the legend
   * comes.
   */
  dramatis_canvas_set_placed (network);
  plain = capture_widget (GTK_WIDGET (network));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "settings.show-legend", NULL));
  g_assert_true (g_settings_get_boolean (settings, "show-legend"));
  g_assert_true (dramatis_canvas_get_show_legend (timeline));
  g_assert_true (dramatis_canvas_get_show_legend (network));

  /* The legend is drawn over the bottom left of the network, and nowhere
   * else.
   */
  with_legend = capture_widget (GTK_WIDGET (network));
  g_assert_cmpint (with_legend->width, ==, plain->width);
  g_assert_cmpint (with_legend->height, ==, plain->height);
  for (int y = 0; y < plain->height; y++)
    for (int x = 0; x < plain->width; x++)
      {
        gsize at = y * plain->stride + 4 * x;

        if (memcmp (plain->pixels + at, with_legend->pixels + at, 4) == 0)
          continue;
        if (x < plain->width / 2 && y >= plain->height / 2)
          changed_low_left++;
        else if (x >= plain->width / 2 && y < plain->height / 2)
          changed_top_right++;
      }
  g_assert_cmpuint (changed_low_left, >, 1000);
  g_assert_cmpuint (changed_top_right, ==, 0);

  /* Fitted, the network fits above the legend. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (network), "view.zoom-fit", NULL));
  legend_top = gtk_widget_get_height (GTK_WIDGET (network)) -
               dramatis_canvas_get_legend_height (network, gtk_widget_get_width (GTK_WIDGET (network)),
                                                  gtk_widget_get_height (GTK_WIDGET (network)));
  g_assert_cmpfloat (legend_top, <, gtk_widget_get_height (GTK_WIDGET (network)) - 40);
  for (guint a = 0; a < dramatis_story_get_n_actors (fixture->story); a++)
    {
      double x, y;

      g_assert_true (dramatis_network_canvas_get_actor_point (DRAMATIS_NETWORK_CANVAS (network), a, &x, &y));
      lowest = MAX (lowest, y);
    }
  g_assert_cmpfloat (lowest, <, legend_top);
  g_assert_cmpfloat (lowest, >, legend_top - 80);

  g_settings_set_boolean (settings, "show-legend", before);
  g_assert_cmpint (dramatis_canvas_get_show_legend (network), ==, before);
}

/* The app's icons come with the program, so that the empty state and the
 * About window show them when it runs from its build folder too.
 */
static void
test_icons (Fixture       *fixture,
            gconstpointer  data)
{
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (GTK_WIDGET (fixture->window)));

  g_assert_true (gtk_icon_theme_has_icon (theme, "io.github.dramatis.Dramatis"));
  g_assert_true (gtk_icon_theme_has_icon (theme, "io.github.dramatis.Dramatis-symbolic"));
}

/* (e) A file that cannot be read leaves the story open and says why. */

static gboolean
has_message_dialog (gpointer data)
{
  g_autoptr(GPtrArray) dialogs = get_dialogs (data, ADW_TYPE_MESSAGE_DIALOG);

  return dialogs->len > 0 && gtk_widget_get_mapped (dialogs->pdata[0]);
}

static void
test_open_bad_file (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "bad-syntax.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) dialogs = NULL;
  g_autofree char *title = g_strdup (gtk_window_get_title (GTK_WINDOW (fixture->window)));
  DramatisStory *story = dramatis_window_get_story (fixture->window);
  AdwMessageDialog *dialog;
  GtkStack *main_stack = GTK_STACK (get_child (fixture, "main_stack"));

  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_nonnull (story);

  dramatis_window_open_file (fixture->window, file);
  g_assert_true (wait_for (has_message_dialog, fixture));

  dialogs = get_dialogs (fixture, ADW_TYPE_MESSAGE_DIALOG);
  g_assert_cmpuint (dialogs->len, ==, 1);
  dialog = dialogs->pdata[0];
  g_test_message ("%s: %s", adw_message_dialog_get_heading (dialog), adw_message_dialog_get_body (dialog));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could Not Open the Story");
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), !=, "");

  /* The story that was open is still the one shown. */
  g_assert_true (dramatis_window_get_story (fixture->window) == story);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->window)), ==, title);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (main_stack), ==, "story");
}

/* (f) A large file shows its progress while it loads, and cancelling
 * keeps the story that was open.
 */

static gboolean
loading_shows_progress (gpointer data)
{
  Fixture *fixture = data;
  GtkStack *main_stack = GTK_STACK (get_child (fixture, "main_stack"));
  GtkProgressBar *progress = GTK_PROGRESS_BAR (get_child (fixture, "loading_progress"));

  return g_strcmp0 (gtk_stack_get_visible_child_name (main_stack), "loading") == 0 &&
         gtk_progress_bar_get_fraction (progress) > 0.0;
}

typedef struct
{
  GObject *object;
  guint    ref_count;
} RefWait;

static gboolean
refs_returned (gpointer data)
{
  RefWait *wait = data;

  return g_atomic_int_get ((int *) &wait->object->ref_count) == (int) wait->ref_count;
}

static void
test_cancel_open (Fixture       *fixture,
                  gconstpointer  data)
{
  DramatisSyntheticSize size = { 3000, 40000, 9000, 40000, 3 };
  g_autoptr(GString) text = dramatis_synthetic_story (&size);
  g_autofree char *dir = dramatis_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "large.dramatis.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = g_strdup (gtk_window_get_title (GTK_WINDOW (fixture->window)));
  DramatisStory *story = dramatis_window_get_story (fixture->window);
  GtkStack *main_stack = GTK_STACK (get_child (fixture, "main_stack"));

  g_assert_true (g_file_set_contents (path, text->str, text->len, &error));
  g_assert_no_error (error);

  /* The load holds references to the window until its worker is done. */
  RefWait refs = { G_OBJECT (fixture->window), G_OBJECT (fixture->window)->ref_count };

  dramatis_window_open_file (fixture->window, file);
  g_assert_true (wait_for (loading_shows_progress, fixture));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.cancel-open", NULL));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (main_stack), ==, "story");
  g_assert_true (dramatis_window_get_story (fixture->window) == story);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->window)), ==, title);

  /* Once the worker has finished, its story has still not replaced the
   * one that was open.
   */
  g_assert_true (wait_for (refs_returned, &refs));
  g_assert_true (dramatis_window_get_story (fixture->window) == story);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->window)), ==, title);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (main_stack), ==, "story");

  dramatis_test_remove_temp_dir (dir);
}

/* A sidebar row has a tooltip only when it cuts its text short. */

static void
collect_tooltip_rows (GtkWidget *widget,
                      GPtrArray *rows)
{
  if (gtk_widget_get_has_tooltip (widget) && gtk_widget_get_mapped (widget))
    g_ptr_array_add (rows, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_tooltip_rows (child, rows);
}

static gboolean
query_tooltip (GtkWidget  *widget,
               GtkTooltip *tooltip)
{
  gboolean shown = FALSE;

  g_signal_emit_by_name (widget, "query-tooltip", 4, 4, FALSE, tooltip, &shown);
  return shown;
}

static gboolean
label_is_ellipsized (gpointer data)
{
  return pango_layout_is_ellipsized (gtk_label_get_layout (data));
}

static void
test_sidebar_tooltips (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(GtkTooltip) tooltip = g_object_new (GTK_TYPE_TOOLTIP, NULL);
  GtkWidget *row, *title;
  g_autoptr(GString) long_name = g_string_new (NULL);

  collect_tooltip_rows (get_child (fixture, "actor_list"), rows);
  g_assert_cmpuint (rows->len, >, 3);

  /* "United States" fits. */
  row = NULL;
  for (guint i = 0; i < rows->len && row == NULL; i++)
    {
      GtkWidget *label = gtk_widget_get_first_child (rows->pdata[i]);

      if (GTK_IS_LABEL (label) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (label)), "United States") == 0)
        row = rows->pdata[i];
    }
  g_assert_nonnull (row);
  title = gtk_widget_get_first_child (row);
  g_assert_false (label_is_ellipsized (title));
  g_assert_false (query_tooltip (row, tooltip));

  /* A name too long for the row is cut short, and the tooltip has it. */
  for (guint i = 0; i < 20; i++)
    g_string_append (long_name, "United States ");
  gtk_label_set_text (GTK_LABEL (title), long_name->str);
  g_assert_true (wait_for (label_is_ellipsized, title));
  g_assert_true (query_tooltip (row, tooltip));
}

/* The sidebar finds an item's row at once in its own lists, and by
 * going through any other list.
 */
static void
test_item_list_find (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GListModel) events = dramatis_item_list_new (fixture->story, DRAMATIS_ITEM_EVENT);
  g_autoptr(GListModel) actors = dramatis_item_list_new (fixture->story, DRAMATIS_ITEM_ACTOR);
  g_autoptr(GListStore) other = g_list_store_new (DRAMATIS_TYPE_ITEM_OBJECT);
  g_autoptr(DramatisItemObject) third = dramatis_item_object_new (fixture->story, DRAMATIS_ITEM_ACTOR, 3);
  guint n = g_list_model_get_n_items (events);

  g_assert_cmpuint (n, >, 1);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DramatisItemObject) object = g_list_model_get_item (events, i);
      DramatisItem item = dramatis_item_object_get_item (object);

      g_assert_cmpuint (dramatis_item_list_find (events, item), ==, i);
      /* An event is in no list of actors. */
      g_assert_cmpuint (dramatis_item_list_find (actors, item), ==, G_MAXUINT);
    }
  g_assert_cmpuint (dramatis_item_list_find (actors, (DramatisItem) { DRAMATIS_ITEM_ACTOR, 2 }), ==, 2);
  g_assert_cmpuint (dramatis_item_list_find (actors, (DramatisItem) { DRAMATIS_ITEM_ACTOR, 100000 }), ==,
                    G_MAXUINT);

  g_list_store_append (other, third);
  g_assert_cmpuint (dramatis_item_list_find (G_LIST_MODEL (other), (DramatisItem) { DRAMATIS_ITEM_ACTOR, 3 }),
                    ==, 0);
  g_assert_cmpuint (dramatis_item_list_find (G_LIST_MODEL (other), (DramatisItem) { DRAMATIS_ITEM_ACTOR, 2 }),
                    ==, G_MAXUINT);
}

/* After an edit, a list tells its views of the rows that changed only. */

typedef struct
{
  guint position;
  guint removed;
  guint added;
  guint n_signals;
} ListChange;

static void
list_changed_cb (GListModel *list,
                 guint       position,
                 guint       removed,
                 guint       added,
                 ListChange *change)
{
  change->position = position;
  change->removed = removed;
  change->added = added;
  change->n_signals++;
}

static void
test_item_list_reload (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GListModel) actors = dramatis_item_list_new (fixture->story, DRAMATIS_ITEM_ACTOR);
  guint actor = find_actor (fixture, "kim-jong-un");
  guint n = g_list_model_get_n_items (actors);
  g_autoptr(DramatisItemObject) shown = g_list_model_get_item (actors, actor + 1);
  g_autoptr(DramatisItemObject) renamed = NULL;
  DramatisActor changed;
  ListChange change = { 0 };

  g_signal_connect (actors, "items-changed", G_CALLBACK (list_changed_cb), &change);

  /* Nothing changed, nothing told. */
  dramatis_item_list_reload (DRAMATIS_ITEM_LIST (actors));
  g_assert_cmpuint (change.n_signals, ==, 0);

  dramatis_story_remove_actor (fixture->story, actor);
  dramatis_item_list_reload (DRAMATIS_ITEM_LIST (actors));
  g_assert_cmpuint (change.n_signals, ==, 1);
  g_assert_cmpuint (change.position, ==, actor);
  g_assert_cmpuint (change.removed, ==, 1);
  g_assert_cmpuint (change.added, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (actors), ==, n - 1);

  /* The row after it is the same row, following its item. */
  {
    g_autoptr(DramatisItemObject) again = g_list_model_get_item (actors, actor);

    g_assert_true (again == shown);
    g_assert_cmpuint (dramatis_item_object_get_item (again).index, ==, actor);
  }

  dramatis_story_undo (fixture->story);
  dramatis_item_list_reload (DRAMATIS_ITEM_LIST (actors));
  g_assert_cmpuint (change.n_signals, ==, 2);
  g_assert_cmpuint (change.position, ==, actor);
  g_assert_cmpuint (change.removed, ==, 0);
  g_assert_cmpuint (change.added, ==, 1);

  /* A renamed row shown is made again. */
  renamed = g_list_model_get_item (actors, 0);
  g_assert_cmpstr (dramatis_item_object_get_title (renamed), !=, "Renamed");
  changed = *dramatis_story_get_actor (fixture->story, 0);
  changed.name = "Renamed";
  g_assert_true (dramatis_story_change_actor (fixture->story, 0, &changed, NULL));
  dramatis_item_list_reload (DRAMATIS_ITEM_LIST (actors));
  g_assert_cmpuint (change.n_signals, ==, 3);
  g_assert_cmpuint (change.position, ==, 0);
  g_assert_cmpuint (change.removed, ==, 1);
  g_assert_cmpuint (change.added, ==, 1);
  {
    g_autoptr(DramatisItemObject) again = g_list_model_get_item (actors, 0);

    g_assert_cmpstr (dramatis_item_object_get_title (again), ==, "Renamed");
  }
}

/* A page of many rows shows its first ones with the page and the rest in
 * the frames after it, so that a click on a large story is answered at
 * once; a long section shows its first rows, and a row that shows the
 * rest.
 */

typedef struct
{
  guint n_rows;
  guint n_shown;
} RowCount;

static void
count_rows (GtkWidget *widget,
            RowCount  *count)
{
  if (GTK_IS_LIST_BOX_ROW (widget))
    {
      count->n_rows++;
      count->n_shown += gtk_widget_is_visible (widget);
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    count_rows (child, count);
}

static gboolean
story_has_actors (gpointer data)
{
  Fixture *fixture = data;
  DramatisStory *story = dramatis_window_get_story (fixture->window);

  return story != NULL && story != fixture->story && window_is_ready (fixture);
}

static gboolean
all_rows_shown (gpointer data)
{
  RowCount count = { 0, 0 };

  count_rows (data, &count);
  return count.n_rows > 0 && count.n_shown == count.n_rows;
}

/* The row under @widget whose label reads @text. */
static GtkWidget *
find_row_with_label (GtkWidget  *widget,
                     const char *text)
{
  if (GTK_IS_LIST_BOX_ROW (widget))
    {
      GtkWidget *child = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (widget));

      return GTK_IS_LABEL (child) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (child)), text) == 0 ? widget : NULL;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *row = find_row_with_label (child, text);

      if (row != NULL)
        return row;
    }

  return NULL;
}

typedef struct
{
  GtkWidget *widget;
  guint      n_rows;
} RowsWait;

static gboolean
has_rows (gpointer data)
{
  RowsWait *wait = data;
  RowCount count = { 0, 0 };

  count_rows (wait->widget, &count);
  return count.n_rows == wait->n_rows;
}

typedef struct
{
  GtkWidget  *details;
  const char *label;
} MoreWait;

static gboolean
more_row_shown (gpointer data)
{
  MoreWait *wait = data;
  GtkWidget *row = find_row_with_label (wait->details, wait->label);

  return row != NULL && gtk_widget_is_visible (row);
}

static void
test_details_rows_follow (Fixture       *fixture,
                          gconstpointer  data)
{
  /* Enough relations that the events come far down the page. */
  DramatisSyntheticSize size = { 40, 2000, 800, 40, 5 };
  g_autoptr(GString) text = dramatis_synthetic_story (&size);
  g_autofree char *dir = dramatis_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "many-events.dramatis.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GtkWidget *details = get_child (fixture, "details");
  DramatisStory *story;
  RowCount count = { 0, 0 };
  g_autofree char *more_text = NULL;
  GtkWidget *more;
  guint n_events;

  g_assert_true (g_file_set_contents (path, text->str, text->len, &error));
  g_assert_no_error (error);
  dramatis_window_open_file (fixture->window, file);
  g_assert_true (wait_for (story_has_actors, fixture));
  story = dramatis_window_get_story (fixture->window);
  g_assert_cmpuint (dramatis_story_get_n_actors (story), ==, 40);
  dramatis_story_get_actor_events (story, 0, &n_events);
  g_assert_cmpuint (n_events, >, 50);

  dramatis_window_select (fixture->window, (DramatisItem) { DRAMATIS_ITEM_ACTOR, 0 });

  /* The page shows only its first rows, and the rows of its events, far
   * below them, are not even built yet...
   */
  count_rows (details, &count);
  g_assert_cmpuint (count.n_rows, >, 10);
  g_assert_cmpuint (count.n_shown, >, 0);
  g_assert_cmpuint (count.n_shown, <=, 10);
  more_text = g_strdup_printf ("Show %u More", n_events - 10);
  g_assert_null (find_row_with_label (details, more_text));

  /* ...and the others after it.  Of its many events, the first ten have
   * rows, and one more row shows the rest.
   */
  g_assert_true (wait_for (more_row_shown, &(MoreWait) { details, more_text }));
  g_assert_true (all_rows_shown (details));
  more = find_row_with_label (details, more_text);
  g_assert_nonnull (more);
  count = (RowCount) { 0, 0 };
  count_rows (details, &count);
  g_assert_cmpuint (count.n_rows, <, n_events);

  /* It shows fifty more at a time. */
  g_assert_cmpuint (n_events, >, 10 + 50 + 2);
  g_signal_emit_by_name (more, "activate");
  g_assert_true (wait_for (has_rows, &(RowsWait) { details, count.n_rows + 50 }));
  g_assert_null (find_row_with_label (details, more_text));
  g_free (more_text);
  more_text = g_strdup_printf ("Show %u More", n_events - 60);
  more = find_row_with_label (details, more_text);
  g_assert_nonnull (more);

  g_signal_emit_by_name (more, "activate");
  g_assert_true (wait_for (has_rows, &(RowsWait) { details, count.n_rows - 1 + n_events - 10 }));
  g_assert_null (find_row_with_label (details, more_text));

  dramatis_test_remove_temp_dir (dir);
}

/* An actor's relations read as what the actor does or has done to it,
 * with the other actor where a sentence puts it, from either end.
 */

static GPtrArray *
page_labels (Fixture *fixture,
             guint    actor)
{
  GtkWidget *details = get_child (fixture, "details");

  dramatis_window_select (fixture->window, (DramatisItem) { DRAMATIS_ITEM_ACTOR, actor });
  g_assert_true (wait_for (all_rows_shown, details));
  drain_main_context ();
  return get_labels (details, NULL);
}

static void
test_relation_rows_read (Fixture       *fixture,
                         gconstpointer  data)
{
  static const char story_text[] =
    "{\"format\": \"dramatis-story\", \"version\": \"1.0\","
    " \"actors\": [{\"id\": \"a\", \"name\": \"Alphaland\", \"kind\": \"state\"},"
    "              {\"id\": \"b\", \"name\": \"Betania\", \"kind\": \"state\"}],"
    " \"relations\": [{\"id\": \"r\", \"type\": \"protests_against\", \"from\": \"a\", \"to\": \"b\"}]}";
  g_autoptr(GPtrArray) labels = NULL;
  g_autofree char *dir = dramatis_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "protest.dramatis.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  DramatisStory *story;

  /* From the actor that does it, and to the one it is done to. */
  labels = page_labels (fixture, find_actor (fixture, "russia"));
  g_assert_true (labels_contain (labels, "supports North Korea"));
  g_assert_true (labels_contain (labels, "invades Ukraine"));
  g_assert_true (labels_contain (labels, "accused by United States"));
  g_assert_false (labels_contain (labels, "←"));
  g_assert_false (labels_contain (labels, "→"));
  g_clear_pointer (&labels, g_ptr_array_unref);

  labels = page_labels (fixture, find_actor (fixture, "north-korea"));
  g_assert_true (labels_contain (labels, "supported by Russia"));
  g_assert_true (labels_contain (labels, "condemned by South Korea"));
  g_clear_pointer (&labels, g_ptr_array_unref);

  labels = page_labels (fixture, find_actor (fixture, "south-korea"));
  g_assert_true (labels_contain (labels, "exercises with United States, both ways"));
  g_clear_pointer (&labels, g_ptr_array_unref);

  /* A type Dramatis has no passive for reads as a whole sentence. */
  g_assert_true (g_file_set_contents (path, story_text, -1, &error));
  g_assert_no_error (error);
  dramatis_window_open_file (fixture->window, file);
  g_assert_true (wait_for (story_has_actors, fixture));
  story = dramatis_window_get_story (fixture->window);
  fixture->story = story;
  labels = page_labels (fixture, dramatis_story_find_actor (story, "b"));
  g_assert_true (labels_contain (labels, "Alphaland protests against Betania"));
  g_clear_pointer (&labels, g_ptr_array_unref);
  labels = page_labels (fixture, dramatis_story_find_actor (story, "a"));
  g_assert_true (labels_contain (labels, "protests against Betania"));

  dramatis_test_remove_temp_dir (dir);
}

/* (g) In a right-to-left locale the window mirrors: the sidebar goes to
 * the right of the diagrams and the details to their left, and selecting
 * an actor still shows its statements.
 */

static double
widget_x (Fixture    *fixture,
          const char *id)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (get_child (fixture, id), GTK_WIDGET (fixture->window), &bounds));
  g_assert_cmpfloat (bounds.size.width, >, 0);
  return bounds.origin.x;
}

static void
test_right_to_left (Fixture       *fixture,
                    gconstpointer  data)
{
  DramatisDetails *details = DRAMATIS_DETAILS (get_child (fixture, "details"));
  guint robert_wood = find_actor (fixture, "robert-wood");

  g_assert_cmpint (gtk_widget_get_direction (GTK_WIDGET (fixture->window)), ==, GTK_TEXT_DIR_RTL);
  g_assert_cmpfloat (widget_x (fixture, "sidebar"), >, widget_x (fixture, "timeline_canvas"));
  g_assert_cmpfloat (widget_x (fixture, "details"), <, widget_x (fixture, "timeline_canvas"));

  dramatis_window_select (fixture->window, (DramatisItem) { DRAMATIS_ITEM_ACTOR, robert_wood });
  g_assert_true (wait_for (details_show_statements, &(DetailsWait) { details, 3 }));
}

static void
rtl_set_up (Fixture       *fixture,
            gconstpointer  data)
{
  gtk_widget_set_default_direction (GTK_TEXT_DIR_RTL);
  fixture_set_up (fixture, data);
}

static void
rtl_tear_down (Fixture       *fixture,
               gconstpointer  data)
{
  fixture_tear_down (fixture, data);
  gtk_widget_set_default_direction (GTK_TEXT_DIR_LTR);
}

/* Show in Source: the quoted passage is in view once the text is laid out,
 * and stays there; a passage from the middle of the article, where an
 * estimate of the lines above it is most wrong.
 */
typedef struct
{
  GtkTextView *view;
  guint        start;
} PassageView;

static GtkTextView *
find_text_view (GtkWidget *widget)
{
  if (GTK_IS_TEXT_VIEW (widget))
    return GTK_TEXT_VIEW (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkTextView *found = find_text_view (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
set_flag_once_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
}

static gboolean
passage_in_view (gpointer data)
{
  PassageView *passage = data;
  GtkTextIter iter;
  GdkRectangle visible, location;

  if (gtk_widget_get_height (GTK_WIDGET (passage->view)) <= 0)
    return FALSE;

  gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (passage->view), &iter, passage->start);
  gtk_text_view_get_visible_rect (passage->view, &visible);
  gtk_text_view_get_iter_location (passage->view, &iter, &location);

  return location.y >= visible.y && location.y + location.height <= visible.y + visible.height;
}

static void
test_source_passage_in_view (Fixture       *fixture,
                             gconstpointer  data)
{
  const DramatisStatement *statement = NULL;
  PassageView passage = { NULL, 0 };
  GtkWidget *window;
  gboolean later = FALSE;
  guint end;

  for (guint i = 0; i < dramatis_story_get_n_statements (fixture->story) && statement == NULL; i++)
    {
      const DramatisStatement *s = dramatis_story_get_statement (fixture->story, i);

      if (strstr (s->text, "desperate DPRK") != NULL && s->n_evidence > 0)
        statement = s;
    }
  g_assert_nonnull (statement);

  window = dramatis_source_window_new (GTK_WINDOW (fixture->window), fixture->story, &statement->evidence[0]);
  g_assert_true (dramatis_source_window_get_passage (DRAMATIS_SOURCE_WINDOW (window), &passage.start, &end));
  passage.view = find_text_view (window);
  g_assert_nonnull (passage.view);
  gtk_window_present (GTK_WINDOW (window));

  g_assert_true (wait_for (passage_in_view, &passage));
  g_timeout_add_once (1000, set_flag_once_cb, &later);
  g_assert_true (wait_for (flag_is_set, &later));
  g_assert_true (passage_in_view (&passage));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Show in Source keeps one window for each source of the story: a second
 * passage of the same source shows in the window already open, and a
 * passage of another source in that source's own.
 */

static void
collect_source_buttons (GtkWidget *widget,
                        GPtrArray *buttons)
{
  if (!gtk_widget_get_mapped (widget))
    return;

  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), "Show in Source") == 0)
    g_ptr_array_add (buttons, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_source_buttons (child, buttons);
}

/* The Show in Source buttons of the statements of @actor, in the order the
 * details pane lists them, once it lists them all.
 */
static GPtrArray *
show_actor_source_buttons (Fixture *fixture,
                           guint    actor)
{
  DramatisDetails *details = DRAMATIS_DETAILS (get_child (fixture, "details"));
  GPtrArray *buttons = g_ptr_array_new ();
  guint n_statements;

  dramatis_story_get_actor_statements (fixture->story, actor, &n_statements);
  dramatis_window_select (fixture->window, (DramatisItem) { DRAMATIS_ITEM_ACTOR, actor });
  g_assert_true (wait_for (details_show_statements, &(DetailsWait) { details, n_statements }));
  drain_main_context ();

  collect_source_buttons (GTK_WIDGET (details), buttons);
  return buttons;
}

static gboolean
has_n_source_windows (gpointer data)
{
  gpointer *wait = data;
  g_autoptr(GPtrArray) windows = get_dialogs (wait[0], DRAMATIS_TYPE_SOURCE_WINDOW);

  for (guint i = 0; i < windows->len; i++)
    if (!gtk_widget_get_mapped (windows->pdata[i]))
      return FALSE;

  return windows->len == GPOINTER_TO_UINT (wait[1]);
}

/* What a click does; activating the button would click it only after
 * showing it pressed for a while.
 */
static void
click (GtkWidget *button)
{
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

/* The source window of @fixture that shows @source's text. */
static DramatisSourceWindow *
find_source_window (Fixture    *fixture,
                    const char *source)
{
  const char *title = dramatis_story_get_source (fixture->story,
                                                 dramatis_story_find_source (fixture->story, source))->title;
  g_autoptr(GPtrArray) windows = get_dialogs (fixture, DRAMATIS_TYPE_SOURCE_WINDOW);

  for (guint i = 0; i < windows->len; i++)
    if (g_strcmp0 (gtk_window_get_title (windows->pdata[i]), title) == 0)
      return windows->pdata[i];

  return NULL;
}

static gboolean
passage_is_highlighted (GtkTextView *view,
                        guint        start,
                        guint        end)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "passage");
  GtkTextIter iter;

  /* The passage's start and end are the only changes of its highlight in
   * the text; the story's other evidence is underlined by a tag of its own.
   */
  gtk_text_buffer_get_start_iter (buffer, &iter);
  return tag != NULL &&
         gtk_text_iter_forward_to_tag_toggle (&iter, tag) &&
         gtk_text_iter_get_offset (&iter) == (int) start &&
         gtk_text_iter_forward_to_tag_toggle (&iter, tag) &&
         gtk_text_iter_get_offset (&iter) == (int) end &&
         !gtk_text_iter_forward_to_tag_toggle (&iter, tag);
}

/* The first passage that @statement rests on, as the window finds it. */
static const DramatisEvidence *
statement_passage (Fixture *fixture,
                   guint    statement)
{
  const DramatisStatement *info = dramatis_story_get_statement (fixture->story, statement);

  g_assert_cmpuint (info->n_evidence, >, 0);
  g_assert_cmpuint (info->evidence[0].end, >, info->evidence[0].start);
  return &info->evidence[0];
}

static gboolean
is_settled (gpointer data)
{
  PassageView *passage = data;
  GtkWidget *window = GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (passage->view)));

  return passage_in_view (passage) && !dramatis_source_window_is_scrolling (DRAMATIS_SOURCE_WINDOW (window));
}

/* Checks that @window shows @expected, alone highlighted, and waits until
 * it is in view and stays there.
 */
static void
assert_shows_passage (DramatisSourceWindow   *window,
                      const DramatisEvidence *expected)
{
  PassageView passage = { find_text_view (GTK_WIDGET (window)), 0 };
  guint end;

  g_assert_nonnull (passage.view);
  g_assert_true (dramatis_source_window_get_passage (window, &passage.start, &end));
  g_assert_cmpuint (passage.start, ==, expected->start);
  g_assert_cmpuint (end, ==, expected->end);
  g_assert_true (passage_is_highlighted (passage.view, passage.start, end));

  g_assert_true (wait_for (is_settled, &passage));
}

static DramatisSourceWindow *
get_only_source_window (Fixture *fixture)
{
  g_autoptr(GPtrArray) windows = get_dialogs (fixture, DRAMATIS_TYPE_SOURCE_WINDOW);

  g_assert_cmpuint (windows->len, ==, 1);
  return windows->pdata[0];
}

static void
test_source_window_reused (Fixture       *fixture,
                           gconstpointer  data)
{
  guint wood = find_actor (fixture, "robert-wood");
  g_autoptr(GPtrArray) buttons = show_actor_source_buttons (fixture, wood);
  const DramatisEvidence *near, *far;
  DramatisSourceWindow *window;
  const guint *statements;
  guint n_statements, first = 0, last = 0;

  /* His quotes are all from the one article.  The pane lists them as the
   * story does.
   */
  g_assert_cmpuint (dramatis_story_get_n_sources (fixture->story), ==, 1);
  statements = dramatis_story_get_actor_statements (fixture->story, wood, &n_statements);
  g_assert_cmpuint (n_statements, ==, 3);
  g_assert_cmpuint (buttons->len, ==, n_statements);
  for (guint i = 0; i < n_statements; i++)
    {
      if (statement_passage (fixture, statements[i])->start < statement_passage (fixture, statements[first])->start)
        first = i;
      if (statement_passage (fixture, statements[i])->start > statement_passage (fixture, statements[last])->start)
        last = i;
    }
  near = statement_passage (fixture, statements[first]);
  far = statement_passage (fixture, statements[last]);

  /* The quote furthest into the article, which scrolls away from its start... */
  click (buttons->pdata[last]);
  g_assert_true (wait_for (has_n_source_windows, (gpointer[]) { fixture, GUINT_TO_POINTER (1) }));
  window = get_only_source_window (fixture);
  assert_shows_passage (window, far);
  g_assert_false (passage_in_view (&(PassageView) { find_text_view (GTK_WIDGET (window)), near->start }));

  /* ...then the first: the same window scrolls back to it. */
  click (buttons->pdata[first]);
  drain_main_context ();
  g_assert_true (get_only_source_window (fixture) == window);
  assert_shows_passage (window, near);

  /* Closed, it is forgotten: the next click opens a window again. */
  gtk_window_close (GTK_WINDOW (window));
  g_assert_true (wait_for (has_n_source_windows, (gpointer[]) { fixture, GUINT_TO_POINTER (0) }));

  click (buttons->pdata[last]);
  g_assert_true (wait_for (has_n_source_windows, (gpointer[]) { fixture, GUINT_TO_POINTER (1) }));
  assert_shows_passage (get_only_source_window (fixture), far);
}

static void
test_source_window_per_source (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GPtrArray) buttons = NULL;
  DramatisSourceWindow *gazette, *herald;
  guint ortiz, report_late, cost, keep_asking;

  open_test_story (fixture, "two-sources.dramatis.json");
  ortiz = find_actor (fixture, "lena-ortiz");
  report_late = dramatis_story_find_statement (fixture->story, "ortiz-report-late");
  cost = dramatis_story_find_statement (fixture->story, "ortiz-cost");
  keep_asking = dramatis_story_find_statement (fixture->story, "ortiz-keep-asking");

  /* Two of her quotes are from the Gazette, the last from the Herald. */
  buttons = show_actor_source_buttons (fixture, ortiz);
  g_assert_cmpuint (buttons->len, ==, 3);

  click (buttons->pdata[0]);
  g_assert_true (wait_for (has_n_source_windows, (gpointer[]) { fixture, GUINT_TO_POINTER (1) }));
  gazette = find_source_window (fixture, "gazette");
  g_assert_nonnull (gazette);
  assert_shows_passage (gazette, statement_passage (fixture, report_late));

  click (buttons->pdata[2]);
  g_assert_true (wait_for (has_n_source_windows, (gpointer[]) { fixture, GUINT_TO_POINTER (2) }));
  herald = find_source_window (fixture, "herald");
  g_assert_nonnull (herald);
  assert_shows_passage (herald, statement_passage (fixture, keep_asking));

  /* Back to the Gazette: its window shows her other quote, and the
   * Herald's stays as it was.
   */
  click (buttons->pdata[1]);
  drain_main_context ();
  g_assert_true (has_n_source_windows ((gpointer[]) { fixture, GUINT_TO_POINTER (2) }));
  g_assert_true (find_source_window (fixture, "gazette") == gazette);
  g_assert_true (find_source_window (fixture, "herald") == herald);
  assert_shows_passage (gazette, statement_passage (fixture, cost));
  assert_shows_passage (herald, statement_passage (fixture, keep_asking));
}

/* The source windows show the story the window showed: another story
 * closes them.
 */
static void
test_source_windows_close_with_story (Fixture       *fixture,
                                      gconstpointer  data)
{
  g_autoptr(GPtrArray) buttons = show_actor_source_buttons (fixture, find_actor (fixture, "robert-wood"));

  g_assert_cmpuint (buttons->len, >, 0);
  click (buttons->pdata[0]);
  g_assert_true (wait_for (has_n_source_windows, (gpointer[]) { fixture, GUINT_TO_POINTER (1) }));

  open_test_story (fixture, "example.dramatis.json");
  g_assert_true (wait_for (has_n_source_windows, (gpointer[]) { fixture, GUINT_TO_POINTER (0) }));
}

/* The page of wrapping text takes the width it is given, and is asked for
 * its height at that width only.
 */
static void
test_width_bin (void)
{
  GtkWidget *label = gtk_label_new ("A line long enough to wrap more than once in a narrow column");
  GtkWidget *bin;
  int minimum, natural, label_minimum, label_natural;

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_width_chars (GTK_LABEL (label), 30);
  bin = g_object_ref_sink (dramatis_width_bin_new (label, 120));
  g_assert_true (dramatis_width_bin_get_child (DRAMATIS_WIDTH_BIN (bin)) == label);

  /* Its own width, whatever the child's, which is wider here. */
  gtk_widget_measure (label, GTK_ORIENTATION_HORIZONTAL, -1, &label_minimum, NULL, NULL, NULL);
  g_assert_cmpint (label_minimum, >, 120);
  gtk_widget_measure (bin, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
  g_assert_cmpint (minimum, ==, 120);
  g_assert_cmpint (natural, ==, 120);
  gtk_widget_measure (bin, GTK_ORIENTATION_HORIZONTAL, 500, &minimum, &natural, NULL, NULL);
  g_assert_cmpint (minimum, ==, 120);

  /* No height for no width; the child's at a width. */
  gtk_widget_measure (bin, GTK_ORIENTATION_VERTICAL, -1, &minimum, &natural, NULL, NULL);
  g_assert_cmpint (minimum, ==, 0);
  g_assert_cmpint (natural, ==, 0);
  gtk_widget_measure (bin, GTK_ORIENTATION_VERTICAL, 400, &minimum, &natural, NULL, NULL);
  gtk_widget_measure (label, GTK_ORIENTATION_VERTICAL, 400, &label_minimum, &label_natural, NULL, NULL);
  g_assert_cmpint (minimum, ==, label_minimum);
  g_assert_cmpint (natural, ==, label_natural);

  g_object_unref (bin);
}

static void
check_label_widths (GtkWidget *widget,
                    guint     *n_wrapping)
{
  if (GTK_IS_LABEL (widget) && gtk_label_get_wrap (GTK_LABEL (widget)))
    {
      g_test_message ("label: %s", gtk_label_get_text (GTK_LABEL (widget)));
      g_assert_cmpint (gtk_label_get_width_chars (GTK_LABEL (widget)), >, 0);
      (*n_wrapping)++;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    check_label_widths (child, n_wrapping);
}

/* Every wrapping label of a page, its own and those of its rows, has a
 * minimum width in characters, so that GTK does not lay its text out a
 * character a line to find one.
 */
static void
test_details_label_widths (Fixture       *fixture,
                           gconstpointer  data)
{
  DramatisDetails *details = DRAMATIS_DETAILS (get_child (fixture, "details"));
  guint wood = find_actor (fixture, "robert-wood");
  guint n_wrapping = 0;
  GtkWidget *stack;

  dramatis_window_select (fixture->window, (DramatisItem) { DRAMATIS_ITEM_ACTOR, wood });
  g_assert_true (wait_for (details_show_statements, &(DetailsWait) { details, 3 }));
  drain_main_context ();

  /* The page, not the one shown when nothing is selected. */
  stack = gtk_widget_get_first_child (GTK_WIDGET (details));
  g_assert_true (GTK_IS_STACK (stack));
  check_label_widths (gtk_stack_get_visible_child (GTK_STACK (stack)), &n_wrapping);
  g_assert_cmpuint (n_wrapping, >, 10);
}

/* Recovery copies: written a while after the last change, removed when
 * the changes are saved or discarded, and offered again at the next start
 * if the app ended without either.  The tests run with a data folder of
 * their own (see main()).
 */

#define TEST_RECOVERY_DELAY_MS 1000

static void
clear_recovery_dir (void)
{
  g_autofree char *dir = dramatis_window_get_recovery_dir ();
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_assert_cmpint (g_unlink (path), ==, 0);
    }
}

static guint
count_recovery_files (void)
{
  g_autofree char *dir = dramatis_window_get_recovery_dir ();

  return dramatis_test_count_files (dir);
}

/* ID.origin, beside ID.dramatis.json */
static char *
origin_path_for (const char *path)
{
  g_autofree char *stem = NULL;

  g_assert_true (g_str_has_suffix (path, ".dramatis.json"));
  stem = g_strndup (path, strlen (path) - strlen (".dramatis.json"));
  return g_strconcat (stem, ".origin", NULL);
}

static gboolean
recovery_written (gpointer data)
{
  g_autoptr(GFile) file = dramatis_window_get_recovery_file (data);
  g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;
  g_autofree char *origin = path != NULL ? origin_path_for (path) : NULL;

  return path != NULL && g_file_test (path, G_FILE_TEST_EXISTS) && g_file_test (origin, G_FILE_TEST_EXISTS);
}

/* Runs the main loop for about @ms milliseconds. */
static void
run_for (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * G_TIME_SPAN_MILLISECOND;
  guint wake = g_timeout_add (20, wake_cb, NULL);

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);

  g_source_remove (wake);
}

/* Opens a copy of tests/data/example.dramatis.json, whose harbour-board is
 * pinned, in @window; returns the copy's path.
 */
/* Whether @window shows the story of the file at @path. */
static gboolean
window_has_file (DramatisWindow *window,
                 const char     *path)
{
  GFile *file = dramatis_window_get_file (window);
  g_autofree char *window_path = file != NULL ? g_file_get_path (file) : NULL;

  return g_strcmp0 (window_path, path) == 0;
}

static char *
open_example_copy (DramatisWindow *window,
                   const char     *dir)
{
  g_autofree char *example = g_test_build_filename (G_TEST_DIST, "data", "example.dramatis.json", NULL);
  char *path = g_build_filename (dir, "story.dramatis.json", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  gpointer wait[2];

  g_assert_true (g_file_get_contents (example, &contents, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, contents, -1, &error));
  g_assert_no_error (error);

  wait[0] = window;
  wait[1] = dramatis_window_get_story (window);
  dramatis_window_open_file (window, file);
  g_assert_true (wait_for (story_is_not, wait));

  return path;
}

static gboolean
is_pinned (DramatisStory *story,
           const char    *actor_id)
{
  guint actor = dramatis_story_find_actor (story, actor_id);

  g_assert_cmpuint (actor, !=, DRAMATIS_NO_INDEX);
  return dramatis_story_get_actor (story, actor)->has_position;
}

static gboolean
is_saved (gpointer data)
{
  DramatisWindow *window = data;
  AdwWindowTitle *title = ADW_WINDOW_TITLE (gtk_widget_get_template_child (GTK_WIDGET (window), DRAMATIS_TYPE_WINDOW,
                                                                          "window_title"));

  return !dramatis_window_is_saving (window) && !g_str_has_prefix (adw_window_title_get_subtitle (title), "•");
}

static void
test_recovery_written (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *dir = dramatis_test_make_temp_dir ();
  g_autofree char *path = NULL;
  g_autoptr(GFile) recovery = NULL;
  g_autofree char *recovery_path = NULL;
  g_autofree char *origin_path = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *origin_uri = NULL;
  g_autoptr(GKeyFile) origin = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(DramatisStory) copy = NULL;

  clear_recovery_dir ();
  path = open_example_copy (fixture->window, dir);
  file = g_file_new_for_path (path);
  uri = g_file_get_uri (file);

  /* Unchanged, the story has no copy. */
  run_for (TEST_RECOVERY_DELAY_MS * 3 / 2);
  g_assert_cmpuint (count_recovery_files (), ==, 0);

  /* A change, and another before the delay is up: no copy until the
   * delay has passed after the last one.
   */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.unpin-all", NULL);
  g_assert_false (is_pinned (dramatis_window_get_story (fixture->window), "harbour-board"));
  run_for (TEST_RECOVERY_DELAY_MS * 6 / 10);
  {
    DramatisStory *story = dramatis_window_get_story (fixture->window);

    dramatis_story_change_info (story, "Another title", dramatis_story_get_description (story),
                                dramatis_story_get_language (story));
  }
  run_for (TEST_RECOVERY_DELAY_MS * 6 / 10);
  g_assert_cmpuint (count_recovery_files (), ==, 0);

  g_assert_true (wait_for (recovery_written, fixture->window));

  /* The copy has the change, and says which file the story came from. */
  recovery = dramatis_window_get_recovery_file (fixture->window);
  recovery_path = g_file_get_path (recovery);
  g_assert_true (g_str_has_suffix (recovery_path, ".dramatis.json"));
  copy = dramatis_story_load_file (recovery, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (is_pinned (copy, "harbour-board"));

  origin_path = origin_path_for (recovery_path);
  g_assert_true (g_key_file_load_from_file (origin, origin_path, G_KEY_FILE_NONE, &error));
  g_assert_no_error (error);
  origin_uri = g_key_file_get_string (origin, "Recovery", "File", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (origin_uri, ==, uri);

  /* Saving removes it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.save", NULL));
  g_assert_true (wait_for (is_saved, fixture->window));
  g_assert_cmpuint (count_recovery_files (), ==, 0);

  /* And no copy is written once saved. */
  run_for (TEST_RECOVERY_DELAY_MS * 3 / 2);
  g_assert_cmpuint (count_recovery_files (), ==, 0);

  dramatis_test_remove_temp_dir (dir);
}

static gboolean
is_closed (gpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (window == data)
        return FALSE;
    }

  return TRUE;
}

/* Answers the question a dialog asks, as its button does.  The dialog
 * lets go of its window first: the answer may close the window, and the
 * test still holds the dialog.
 */
static void
respond (AdwMessageDialog *dialog,
         const char       *response)
{
  gtk_window_set_transient_for (GTK_WINDOW (dialog), NULL);
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_recovery_discarded (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *dir = dramatis_test_make_temp_dir ();
  g_autofree char *path = NULL;
  g_autofree char *other_path = g_test_build_filename (G_TEST_DIST, "data", "example.dramatis.json", NULL);
  g_autoptr(GFile) other = g_file_new_for_path (other_path);
  g_autoptr(GPtrArray) dialogs = NULL;
  gpointer wait[2];

  clear_recovery_dir ();
  path = open_example_copy (fixture->window, dir);
  g_assert_true (window_has_file (fixture->window, path));

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.unpin-all", NULL);
  g_assert_true (wait_for (recovery_written, fixture->window));

  /* Opening another story asks; Discard removes the copy. */
  dramatis_window_open_file (fixture->window, other);
  g_assert_true (wait_for (has_message_dialog, fixture));
  dialogs = get_dialogs (fixture, ADW_TYPE_MESSAGE_DIALOG);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialogs->pdata[0]), ==, "Save Changes?");
  wait[0] = fixture->window;
  wait[1] = dramatis_window_get_story (fixture->window);
  respond (dialogs->pdata[0], "discard");
  g_assert_cmpuint (count_recovery_files (), ==, 0);
  g_assert_true (wait_for (story_is_not, wait));

  /* The same when the window closes. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.unpin-all", NULL);
  g_assert_true (wait_for (recovery_written, fixture->window));
  g_clear_pointer (&dialogs, g_ptr_array_unref);
  gtk_window_close (GTK_WINDOW (fixture->window));
  g_assert_true (wait_for (has_message_dialog, fixture));
  dialogs = get_dialogs (fixture, ADW_TYPE_MESSAGE_DIALOG);
  respond (dialogs->pdata[0], "discard");
  g_assert_cmpuint (count_recovery_files (), ==, 0);
  g_assert_true (wait_for (is_closed, fixture->window));

  dramatis_test_remove_temp_dir (dir);
}

static gboolean
window_shows_file (gpointer data)
{
  gpointer *wait = data;
  GFile *file = dramatis_window_get_file (wait[0]);

  return file != NULL && g_file_equal (file, wait[1]);
}

static void
test_recovery_restored (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *dir = dramatis_test_make_temp_dir ();
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) recovery = NULL;
  g_autoptr(GPtrArray) dialogs = NULL;
  g_autoptr(DramatisStory) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) restored_recovery = NULL;
  AdwMessageDialog *dialog;
  gpointer wait[2];

  clear_recovery_dir ();
  path = open_example_copy (fixture->window, dir);
  file = g_file_new_for_path (path);

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.unpin-all", NULL);
  g_assert_true (wait_for (recovery_written, fixture->window));
  recovery = dramatis_window_get_recovery_file (fixture->window);

  /* The window goes as in a crash, without a question: the copy stays. */
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_assert_true (wait_for (no_toplevels, NULL));
  g_assert_cmpuint (count_recovery_files (), ==, 2);

  /* The next start offers it, naming the file. */
  fixture->window = dramatis_window_new (app);
  dramatis_window_open_builtin (fixture->window);
  gtk_window_present (GTK_WINDOW (fixture->window));
  g_assert_cmpuint (dramatis_window_offer_recovery (fixture->window), ==, 1);
  g_assert_true (wait_for (has_message_dialog, fixture));
  dialogs = get_dialogs (fixture, ADW_TYPE_MESSAGE_DIALOG);
  dialog = dialogs->pdata[0];
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Restore Unsaved Changes?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "“story.dramatis.json”"));

  /* Restored, the story has the change, unsaved, and belongs to its file. */
  respond (dialog, "restore");
  wait[0] = fixture->window;
  wait[1] = file;
  g_assert_true (wait_for (window_shows_file, wait));
  g_assert_false (is_pinned (dramatis_window_get_story (fixture->window), "harbour-board"));
  g_assert_false (is_saved (fixture->window));

  /* The window keeps the copy until the story is saved. */
  restored_recovery = dramatis_window_get_recovery_file (fixture->window);
  g_assert_true (g_file_equal (restored_recovery, recovery));
  g_assert_true (g_file_query_exists (recovery, NULL));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.save", NULL));
  g_assert_true (wait_for (is_saved, fixture->window));
  g_assert_cmpuint (count_recovery_files (), ==, 0);
  saved = dramatis_story_load_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (is_pinned (saved, "harbour-board"));

  /* Nothing is offered again. */
  g_assert_cmpuint (dramatis_window_offer_recovery (fixture->window), ==, 0);

  dramatis_test_remove_temp_dir (dir);
}

static void
test_recovery_bad (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *dir = dramatis_window_get_recovery_dir ();
  g_autofree char *path = g_build_filename (dir, "broken.dramatis.json", NULL);
  g_autofree char *bad_path = g_strconcat (path, ".bad", NULL);
  g_autoptr(GPtrArray) dialogs = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  DramatisStory *story = dramatis_window_get_story (fixture->window);

  clear_recovery_dir ();
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, "{ \"title\": ", -1, &error));
  g_assert_no_error (error);

  /* It is kept, under a name that says so and is not offered again. */
  g_assert_cmpuint (dramatis_window_offer_recovery (fixture->window), ==, 1);
  g_assert_true (wait_for (has_message_dialog, fixture));
  dialogs = get_dialogs (fixture, ADW_TYPE_MESSAGE_DIALOG);
  dialog = dialogs->pdata[0];
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could Not Restore Unsaved Changes");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), bad_path));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (bad_path, G_FILE_TEST_EXISTS));
  g_assert_true (dramatis_window_get_story (fixture->window) == story);

  g_assert_cmpuint (dramatis_window_offer_recovery (fixture->window), ==, 0);

  clear_recovery_dir ();
}

/* New Story shows an empty story, with a page that says so and offers
 * what can be done; in a window of its own if this one has a file.
 */

static DramatisWindow *
find_other_window (Fixture *fixture)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (DRAMATIS_IS_WINDOW (window) && window != GTK_WINDOW (fixture->window))
        return DRAMATIS_WINDOW (window);
    }

  return NULL;
}

static gboolean
view_switcher_hidden (gpointer data)
{
  GtkWidget *title = get_child (data, "window_title");

  return !gtk_widget_get_visible (gtk_widget_get_next_sibling (title));
}

static void
test_new_story (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *dir = dramatis_test_make_temp_dir ();
  g_autofree char *path = NULL;
  GtkStack *main_stack = GTK_STACK (get_child (fixture, "main_stack"));
  AdwWindowTitle *title = ADW_WINDOW_TITLE (get_child (fixture, "window_title"));
  g_autoptr(GPtrArray) labels = NULL;
  DramatisStory *story;
  DramatisWindow *other;

  /* The built-in story, untouched, gives way to it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new", NULL));
  story = dramatis_window_get_story (fixture->window);
  g_assert_cmpuint (dramatis_story_get_n_actors (story), ==, 0);
  g_assert_cmpuint (dramatis_story_get_n_events (story), ==, 0);
  g_assert_null (dramatis_window_get_file (fixture->window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (main_stack), ==, "empty-story");
  g_assert_cmpstr (adw_window_title_get_title (title), ==, "Untitled Story");
  g_assert_cmpstr (adw_window_title_get_subtitle (title), ==, "New story, not saved");

  /* Nothing to switch between. */
  g_assert_true (wait_for (view_switcher_hidden, fixture));

  labels = get_labels (get_child (fixture, "empty_story_page"), NULL);
  g_assert_true (labels_contain (labels, "Nothing in This Story Yet"));
  g_assert_true (labels_contain (labels, "Explore the Built-in Story"));

  g_assert_null (find_other_window (fixture));

  /* Its button opens the built-in story in its place. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.open-builtin", NULL));
  story = dramatis_window_get_story (fixture->window);
  g_assert_cmpuint (dramatis_story_get_n_actors (story), >, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (main_stack), ==, "story");
  g_assert_cmpstr (adw_window_title_get_subtitle (title), ==, "Built-in story");

  /* A story with a file stays; the new one opens in a new window. */
  path = open_example_copy (fixture->window, dir);
  g_assert_true (window_has_file (fixture->window, path));
  story = dramatis_window_get_story (fixture->window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new", NULL));
  g_assert_true (dramatis_window_get_story (fixture->window) == story);
  other = find_other_window (fixture);
  g_assert_nonnull (other);
  g_assert_cmpuint (dramatis_story_get_n_actors (dramatis_window_get_story (other)), ==, 0);
  g_assert_null (dramatis_window_get_file (other));

  dramatis_test_remove_temp_dir (dir);
}

static void
remove_data_home (const char *data_home)
{
  g_autofree char *recovery_dir = dramatis_window_get_recovery_dir ();
  g_autofree char *app_dir = g_path_get_dirname (recovery_dir);

  dramatis_test_remove_temp_dir (recovery_dir);
  g_rmdir (app_dir);
  dramatis_test_remove_temp_dir (data_home);
}

/* Editing: delete, undo and redo */

static char *
dup_menu_label (GMenuModel *menu,
                guint       position)
{
  char *label = NULL;

  g_assert_true (g_menu_model_get_item_attribute (menu, position, G_MENU_ATTRIBUTE_LABEL, "s", &label));
  return label;
}

static DramatisStory *
load_builtin_story (void)
{
  g_autoptr(GError) error = NULL;
  DramatisStory *story = dramatis_story_load_builtin (&error);

  g_assert_no_error (error);
  return story;
}

static void
test_delete_undo_redo (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(DramatisStory) before = load_builtin_story ();
  AdwWindowTitle *title = ADW_WINDOW_TITLE (get_child (fixture, "window_title"));
  GMenuModel *undo_menu = G_MENU_MODEL (gtk_widget_get_template_child (GTK_WIDGET (fixture->window),
                                                                       DRAMATIS_TYPE_WINDOW, "undo_menu"));
  guint actor = find_actor (fixture, "kim-jong-un");
  guint n_actors = dramatis_story_get_n_actors (fixture->story);
  guint n_relations = dramatis_story_get_n_relations (fixture->story);
  g_autofree char *label = NULL;

  /* Nothing to undo yet, and nothing selected to delete. */
  label = dup_menu_label (undo_menu, 0);
  g_assert_cmpstr (label, ==, "_Undo");
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.delete-selection", NULL);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL);
  g_assert_cmpuint (dramatis_story_get_n_actors (fixture->story), ==, n_actors);
  g_assert_false (dramatis_history_can_undo (dramatis_story_get_history (fixture->story)));

  dramatis_window_select (fixture->window, (DramatisItem) { DRAMATIS_ITEM_ACTOR, actor });
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.delete-selection", NULL));
  g_assert_cmpuint (dramatis_story_get_n_actors (fixture->story), ==, n_actors - 1);
  g_assert_cmpuint (dramatis_story_get_n_relations (fixture->story), <, n_relations);
  g_assert_cmpuint (dramatis_story_find_actor (fixture->story, "kim-jong-un"), ==, DRAMATIS_NO_INDEX);
  g_assert_cmpint (dramatis_window_get_selected (fixture->window).kind, ==, DRAMATIS_ITEM_NONE);
  g_assert_cmpstr (adw_window_title_get_subtitle (title), ==, "• Built-in story, changed");

  g_clear_pointer (&label, g_free);
  label = dup_menu_label (undo_menu, 0);
  g_assert_cmpstr (label, ==, "_Undo Delete Actor");

  /* One undo brings the actor back with its relations, selected, and the
   * story is as it was: unchanged again.
   */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  g_assert_true (dramatis_story_equal (fixture->story, before));
  g_assert_cmpint (dramatis_window_get_selected (fixture->window).kind, ==, DRAMATIS_ITEM_ACTOR);
  g_assert_cmpuint (dramatis_window_get_selected (fixture->window).index, ==, actor);
  g_assert_cmpstr (adw_window_title_get_subtitle (title), ==, "Built-in story");
  g_clear_pointer (&label, g_free);
  label = dup_menu_label (undo_menu, 1);
  g_assert_cmpstr (label, ==, "_Redo Delete Actor");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.redo", NULL));
  g_assert_cmpuint (dramatis_story_get_n_actors (fixture->story), ==, n_actors - 1);
  g_assert_cmpstr (adw_window_title_get_subtitle (title), ==, "• Built-in story, changed");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  g_assert_true (dramatis_story_equal (fixture->story, before));
}

/* The selection follows its item as the items before it come and go. */
static void
test_selection_follows_edits (Fixture       *fixture,
                              gconstpointer  data)
{
  guint first = 0;
  guint actor = find_actor (fixture, "kim-jong-un");
  const char *id = dramatis_story_get_actor (fixture->story, actor)->id;
  DramatisItem selected;

  g_assert_cmpuint (actor, >, first);
  dramatis_window_select (fixture->window, (DramatisItem) { DRAMATIS_ITEM_ACTOR, first });
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.delete-selection", NULL));

  /* Deleting the first actor moved the one selected next. */
  actor = find_actor (fixture, "kim-jong-un");
  dramatis_window_select (fixture->window, (DramatisItem) { DRAMATIS_ITEM_ACTOR, actor });
  dramatis_story_undo (fixture->story);
  selected = dramatis_window_get_selected (fixture->window);
  /* The undone delete selects what it brought back. */
  g_assert_cmpint (selected.kind, ==, DRAMATIS_ITEM_ACTOR);
  g_assert_cmpuint (selected.index, ==, first);

  dramatis_window_select (fixture->window, (DramatisItem) { DRAMATIS_ITEM_ACTOR, find_actor (fixture, "kim-jong-un") });
  dramatis_story_redo (fixture->story);
  selected = dramatis_window_get_selected (fixture->window);
  g_assert_cmpint (selected.kind, ==, DRAMATIS_ITEM_ACTOR);
  g_assert_cmpstr (dramatis_story_get_actor (fixture->story, selected.index)->id, ==, id);
}

static void
test_pin_selection (Fixture       *fixture,
                    gconstpointer  data)
{
  guint actor = find_actor (fixture, "kim-jong-un");
  const DramatisActor *a = dramatis_story_get_actor (fixture->story, actor);

  g_assert_false (a->pinned);
  dramatis_window_select (fixture->window, (DramatisItem) { DRAMATIS_ITEM_ACTOR, actor });
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.pin-selection", NULL));
  a = dramatis_story_get_actor (fixture->story, actor);
  g_assert_true (a->pinned);
  g_assert_true (a->has_position);

  /* Pinning is one step, undone at once. */
  dramatis_story_undo (fixture->story);
  a = dramatis_story_get_actor (fixture->story, actor);
  g_assert_false (a->pinned);
  g_assert_false (a->has_position);
  g_assert_false (dramatis_history_can_undo (dramatis_story_get_history (fixture->story)));
}

static GtkPopoverMenu *
find_popover_menu (GtkWidget *parent)
{
  for (GtkWidget *child = gtk_widget_get_first_child (parent); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER_MENU (child))
      return GTK_POPOVER_MENU (child);

  return NULL;
}

static gboolean
menu_has_label (GMenuModel *menu,
                const char *wanted)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *label = NULL;
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);

      if (section != NULL && menu_has_label (section, wanted))
        return TRUE;
      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_LABEL, "s", &label) &&
          g_strcmp0 (label, wanted) == 0)
        return TRUE;
    }

  return FALSE;
}

/* The diagrams' menus are the selection's: a secondary click selects
 * first, in the canvas.
 */
static void
test_context_menu (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkWidget *network = get_child (fixture, "network_canvas");
  GtkWidget *timeline = get_child (fixture, "timeline_canvas");
  GtkPopoverMenu *popover;

  dramatis_window_select (fixture->window, (DramatisItem) { DRAMATIS_ITEM_ACTOR, find_actor (fixture, "kim-jong-un") });
  g_signal_emit_by_name (network, "context-menu", 10.0, 10.0);
  popover = find_popover_menu (network);
  g_assert_nonnull (popover);
  g_assert_true (menu_has_label (gtk_popover_menu_get_menu_model (popover), "_Delete Actor"));
  g_assert_true (menu_has_label (gtk_popover_menu_get_menu_model (popover), "_Pin in Place"));
  gtk_popover_popdown (GTK_POPOVER (popover));
  drain_main_context ();
  g_assert_null (find_popover_menu (network));

  dramatis_window_select (fixture->window, (DramatisItem) { DRAMATIS_ITEM_EVENT, 0 });
  g_signal_emit_by_name (timeline, "context-menu", -1.0, -1.0);
  popover = find_popover_menu (timeline);
  g_assert_nonnull (popover);
  g_assert_true (menu_has_label (gtk_popover_menu_get_menu_model (popover), "_Delete Event"));
  gtk_popover_popdown (GTK_POPOVER (popover));
  drain_main_context ();
}

/* Building a story from nothing, in the window */

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
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
lacks_toplevel (gpointer data)
{
  return find_toplevel (GPOINTER_TO_SIZE (data)) == NULL;
}

static GtkWindow *
wait_for_toplevel (GType type)
{
  g_assert_true (wait_for (has_toplevel, GSIZE_TO_POINTER (type)));
  return find_toplevel (type);
}

static GtkWidget *
find_named (GtkWidget  *widget,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
find_of_type (GtkWidget *widget,
              GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_of_type (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Presses an editor's Add, and waits for it to close. */
static void
apply_editor (DramatisEditor *editor)
{
  GtkWidget *button = dramatis_editor_get_apply_button (editor);

  g_assert_true (gtk_widget_get_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  g_assert_true (wait_for (lacks_toplevel, GSIZE_TO_POINTER (DRAMATIS_TYPE_EDITOR)));
}

static void
choose_in (DramatisEditor *editor,
           const char     *field,
           const char     *query)
{
  DramatisChooserRow *row = DRAMATIS_CHOOSER_ROW (dramatis_editor_get_field (editor, field));
  GListModel *matches = dramatis_chooser_row_search (row, query);

  g_assert_cmpuint (g_list_model_get_n_items (matches), >, 0);
  dramatis_chooser_row_choose_match (row, 0);
}

#define ARTICLE "Russia and North Korea signed a treaty on June 19, 2024. \"This is a new page in our " \
                "relations,\" President Vladimir Putin said in Pyongyang."

static void
test_build_story (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *dir = dramatis_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "new.dramatis.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(DramatisStory) built = NULL;
  g_autoptr(DramatisStory) saved = NULL;
  g_autoptr(GBytes) bytes = NULL;
  const char *quote = "This is a new page in our relations";
  GtkWidget *text_view, *save;
  GtkTextBuffer *buffer;
  GtkTextIter first, last;
  DramatisStory *story;
  DramatisEditor *editor;
  DramatisChooserRow *speaker;
  GtkWindow *source_editor, *source_window;
  guint start, putin, n_steps = 0;
  gpointer wait[2];

  /* A story file with nothing in it yet. */
  g_assert_true (g_file_set_contents (path, "{ \"format\": \"dramatis-story\", \"version\": \"1.0\", "
                                            "\"title\": \"Treaty\" }", -1, &error));
  g_assert_no_error (error);
  wait[0] = fixture->window;
  wait[1] = fixture->story;
  dramatis_window_open_file (fixture->window, file);
  g_assert_true (wait_for (story_is_not, wait));
  story = dramatis_window_get_story (fixture->window);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (get_child (fixture, "main_stack"))), ==,
                   "empty-story");

  /* An article, pasted as a source, opens in its window. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.add-source", NULL));
  source_editor = wait_for_toplevel (DRAMATIS_TYPE_SOURCE_EDITOR);
  gtk_editable_set_text (GTK_EDITABLE (find_named (GTK_WIDGET (source_editor), "title")), "Treaty report");
  text_view = find_named (GTK_WIDGET (source_editor), "text");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (text_view)), ARTICLE, -1);
  save = find_named (GTK_WIDGET (source_editor), "save");
  g_assert_true (wait_for ((Condition) gtk_widget_get_sensitive, save));
  g_signal_emit_by_name (save, "clicked");
  source_window = wait_for_toplevel (DRAMATIS_TYPE_SOURCE_WINDOW);
  g_assert_cmpuint (dramatis_story_get_n_sources (story), ==, 1);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (get_child (fixture, "main_stack"))), ==, "story");

  /* A passage selected there is quoted as a new speaker's statement. */
  start = g_utf8_pointer_to_offset (ARTICLE, strstr (ARTICLE, quote));
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (find_of_type (GTK_WIDGET (source_window), GTK_TYPE_TEXT_VIEW)));
  gtk_text_buffer_get_iter_at_offset (buffer, &first, start);
  gtk_text_buffer_get_iter_at_offset (buffer, &last, start + g_utf8_strlen (quote, -1));
  gtk_text_buffer_select_range (buffer, &first, &last);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (source_window), "source.quote", NULL));
  editor = DRAMATIS_EDITOR (wait_for_toplevel (DRAMATIS_TYPE_EDITOR));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (editor)), ==, "New Statement");
  speaker = DRAMATIS_CHOOSER_ROW (dramatis_editor_get_field (editor, "speaker"));
  dramatis_chooser_row_search (speaker, "Vladimir Putin");
  dramatis_chooser_row_choose_new (speaker);
  apply_editor (editor);
  g_assert_cmpuint (dramatis_story_get_n_statements (story), ==, 1);
  g_assert_cmpstr (dramatis_story_get_statement (story, 0)->text, ==, quote);
  g_assert_cmpuint (dramatis_story_get_statement (story, 0)->evidence[0].start, ==, start);
  putin = dramatis_story_find_actor (story, "vladimir-putin");
  g_assert_cmpuint (putin, !=, DRAMATIS_NO_INDEX);
  /* What the edit made is selected. */
  g_assert_cmpint (dramatis_window_get_selected (fixture->window).kind, ==, DRAMATIS_ITEM_ACTOR);

  /* Another actor, from the menu. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.add-actor", NULL));
  editor = DRAMATIS_EDITOR (wait_for_toplevel (DRAMATIS_TYPE_EDITOR));
  gtk_editable_set_text (GTK_EDITABLE (dramatis_editor_get_field (editor, "name")), "Kim Jong Un");
  apply_editor (editor);
  g_assert_cmpuint (dramatis_story_get_n_actors (story), ==, 2);

  /* A relation from the actor selected. */
  dramatis_window_select (fixture->window, (DramatisItem) { DRAMATIS_ITEM_ACTOR, putin });
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.add-relation", NULL));
  editor = DRAMATIS_EDITOR (wait_for_toplevel (DRAMATIS_TYPE_EDITOR));
  g_assert_cmpuint (dramatis_chooser_row_get_item (DRAMATIS_CHOOSER_ROW (dramatis_editor_get_field (editor, "from"))),
                    ==, putin);
  choose_in (editor, "to", "Kim Jong Un");
  apply_editor (editor);
  g_assert_cmpuint (dramatis_story_get_n_relations (story), ==, 1);
  g_assert_cmpint (dramatis_window_get_selected (fixture->window).kind, ==, DRAMATIS_ITEM_RELATION);

  bytes = dramatis_story_to_bytes (story);
  built = dramatis_story_load_bytes (bytes, "built", &error);
  g_assert_no_error (error);

  /* Undo all, back to the story as it was opened, unchanged; redo all. */
  while (dramatis_history_can_undo (dramatis_story_get_history (story)))
    {
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
      n_steps++;
    }
  g_assert_cmpuint (n_steps, ==, 4);
  g_assert_cmpuint (dramatis_story_get_n_sources (story), ==, 0);
  g_assert_cmpuint (dramatis_story_get_n_actors (story), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (get_child (fixture, "main_stack"))), ==,
                   "empty-story");
  g_assert_true (is_saved (fixture->window));
  while (dramatis_history_can_redo (dramatis_story_get_history (story)))
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.redo", NULL));
  g_assert_true (dramatis_story_equal (story, built));
  g_assert_false (is_saved (fixture->window));

  /* Saved and read again, it is the story built. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.save", NULL));
  g_assert_true (wait_for (is_saved, fixture->window));
  saved = dramatis_story_load_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (dramatis_story_equal (saved, built));

  dramatis_test_remove_temp_dir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data_home = NULL;
  int status;

  /* The window's labels and the dialogs' texts are compared in English. */
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  setlocale (LC_ALL, "");

  g_test_init (&argc, &argv, NULL);

  /* Recovery copies, and recent files, go to a data folder of the tests'
   * own.
   */
  data_home = dramatis_test_make_temp_dir ();
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  dramatis_window_set_recovery_delay (TEST_RECOVERY_DELAY_MS);

  if (!gtk_init_check ())
    {
      g_printerr ("No display: skipping the window tests\n");
      return 77;
    }

  app = dramatis_application_new ();
  /* Not the single instance of the installed app, if one runs. */
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  g_test_add_func ("/window/width-bin", test_width_bin);
  g_test_add ("/window/details-label-widths", Fixture, NULL,
              fixture_set_up, test_details_label_widths, fixture_tear_down);
  g_test_add ("/window/select-actor-details", Fixture, NULL,
              fixture_set_up, test_select_actor_details, fixture_tear_down);
  g_test_add ("/window/linked-highlight", Fixture, NULL,
              fixture_set_up, test_linked_highlight, fixture_tear_down);
  g_test_add ("/window/search-quote", Fixture, NULL,
              fixture_set_up, test_search_quote, fixture_tear_down);
  g_test_add ("/window/export-png", Fixture, NULL,
              fixture_set_up, test_export_png, fixture_tear_down);
  g_test_add ("/window/export-highlight", Fixture, NULL,
              fixture_set_up, test_export_highlight, fixture_tear_down);
  g_test_add ("/window/export-after-story-replaced", Fixture, NULL,
              fixture_set_up, test_export_after_story_replaced, fixture_tear_down);
  g_test_add ("/window/save-in-progress", Fixture, NULL,
              fixture_set_up, test_save_in_progress, fixture_tear_down);
  g_test_add ("/window/panes-keep-sizes", Fixture, NULL,
              fixture_set_up, test_panes_keep_sizes, fixture_tear_down);
  g_test_add ("/window/pane-width", Fixture, NULL,
              fixture_set_up, test_pane_width, fixture_tear_down);
  g_test_add ("/window/narrow-layout", Fixture, NULL,
              fixture_set_up, test_narrow_layout, fixture_tear_down);
  g_test_add ("/window/refit-on-resize", Fixture, NULL,
              fixture_set_up, test_refit_on_resize, fixture_tear_down);
  g_test_add ("/window/reveal-selection", Fixture, NULL,
              fixture_set_up, test_reveal_selection, fixture_tear_down);
  g_test_add ("/window/timeline-navigation", Fixture, NULL,
              fixture_set_up, test_timeline_navigation, fixture_tear_down);
  g_test_add ("/window/zoom-unpacks-rows", Fixture, NULL,
              fixture_set_up, test_zoom_unpacks_rows, fixture_tear_down);
  g_test_add ("/window/legend", Fixture, NULL,
              fixture_set_up, test_legend, fixture_tear_down);
  g_test_add ("/window/icons", Fixture, NULL,
              fixture_set_up, test_icons, fixture_tear_down);
  g_test_add ("/window/source-passage-in-view", Fixture, NULL,
              fixture_set_up, test_source_passage_in_view, fixture_tear_down);
  g_test_add ("/window/source-window-reused", Fixture, NULL,
              fixture_set_up, test_source_window_reused, fixture_tear_down);
  g_test_add ("/window/source-window-per-source", Fixture, NULL,
              fixture_set_up, test_source_window_per_source, fixture_tear_down);
  g_test_add ("/window/source-windows-close-with-story", Fixture, NULL,
              fixture_set_up, test_source_windows_close_with_story, fixture_tear_down);
  g_test_add ("/window/open-bad-file", Fixture, NULL,
              fixture_set_up, test_open_bad_file, fixture_tear_down);
  g_test_add ("/window/sidebar-tooltips", Fixture, NULL,
              fixture_set_up, test_sidebar_tooltips, fixture_tear_down);
  g_test_add ("/window/item-list-find", Fixture, NULL,
              fixture_set_up, test_item_list_find, fixture_tear_down);
  g_test_add ("/window/details-rows-follow", Fixture, NULL,
              fixture_set_up, test_details_rows_follow, fixture_tear_down);
  g_test_add ("/window/relation-rows-read", Fixture, NULL,
              fixture_set_up, test_relation_rows_read, fixture_tear_down);
  g_test_add ("/window/cancel-open", Fixture, NULL,
              fixture_set_up, test_cancel_open, fixture_tear_down);
  g_test_add ("/window/right-to-left", Fixture, NULL,
              rtl_set_up, test_right_to_left, rtl_tear_down);

  g_test_add ("/window/recovery-written", Fixture, NULL,
              fixture_set_up, test_recovery_written, fixture_tear_down);
  g_test_add ("/window/recovery-discarded", Fixture, NULL,
              fixture_set_up, test_recovery_discarded, fixture_tear_down);
  g_test_add ("/window/recovery-restored", Fixture, NULL,
              fixture_set_up, test_recovery_restored, fixture_tear_down);
  g_test_add ("/window/recovery-bad", Fixture, NULL,
              fixture_set_up, test_recovery_bad, fixture_tear_down);

  g_test_add ("/window/edit/item-list-reload", Fixture, NULL,
              fixture_set_up, test_item_list_reload, fixture_tear_down);
  g_test_add ("/window/edit/build-story", Fixture, NULL,
              fixture_set_up, test_build_story, fixture_tear_down);
  g_test_add ("/window/edit/delete-undo-redo", Fixture, NULL,
              fixture_set_up, test_delete_undo_redo, fixture_tear_down);
  g_test_add ("/window/edit/selection-follows-edits", Fixture, NULL,
              fixture_set_up, test_selection_follows_edits, fixture_tear_down);
  g_test_add ("/window/edit/pin-selection", Fixture, NULL,
              fixture_set_up, test_pin_selection, fixture_tear_down);
  g_test_add ("/window/edit/context-menu", Fixture, NULL,
              fixture_set_up, test_context_menu, fixture_tear_down);
  g_test_add ("/window/new-story", Fixture, NULL,
              fixture_set_up, test_new_story, fixture_tear_down);

  status = g_test_run ();

  g_clear_object (&app);
  remove_data_home (data_home);
  return status;
}
