/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "dramatis-window"

#include "config.h"

#include <glib/gi18n.h>

#include "dramatis-details.h"
#include "dramatis-export-dialog.h"
#include "dramatis-file-dialog.h"
#include "dramatis-item-object.h"
#include "dramatis-network-canvas.h"
#include "dramatis-scene.h"
#include "dramatis-story-io.h"
#include "dramatis-timeline-canvas.h"
#include "dramatis-window.h"

/* The window is the hub of a story: it owns the story and its scene, and
 * keeps one selection that the sidebar, the two canvases and the details
 * pane all show.  Whatever selects an item calls dramatis_window_select(),
 * which tells everyone else.
 */

/* More actors than this are laid out step by step, in view. */
#define SYNC_LAYOUT_MAX_ACTORS 2000
#define MAX_RECENT_FILES 10

struct _DramatisWindow
{
  AdwApplicationWindow    parent_instance;

  /* Template widgets */
  AdwWindowTitle         *window_title;
  GtkToggleButton        *sidebar_button;
  AdwToastOverlay        *toast_overlay;
  GtkStack               *main_stack;
  GtkProgressBar         *loading_progress;
  AdwStatusPage          *loading_page;
  GtkPaned               *outer_paned;
  GtkPaned               *details_paned;
  GtkPaned               *views_paned;
  GtkWidget              *sidebar;
  GtkSearchEntry         *search_entry;
  GtkStackSwitcher       *list_switcher;
  GtkStack               *list_stack;
  GtkStack               *results_stack;
  GtkListView            *actor_list;
  GtkListView            *event_list;
  GtkListView            *result_list;
  DramatisTimelineCanvas *timeline_canvas;
  DramatisNetworkCanvas  *network_canvas;
  DramatisDetails        *details;
  GMenu                  *recent_menu;

  GSettings              *settings;
  DramatisTheme           theme;

  DramatisStory          *story;
  DramatisScene          *scene;
  GFile                  *file;
  guint64                 file_mtime;
  gboolean                modified;
  GCancellable           *open_cancellable;

  DramatisSelection       selection;
  gboolean                syncing_lists;
  char                   *search_query;

  GtkSingleSelection     *actor_selection;
  GtkSingleSelection     *event_selection;
  GtkSingleSelection     *result_selection;
  GtkCustomFilter        *search_filter;

  gboolean                close_confirmed;
  /* A story to open once the changes of this one are saved. */
  GFile                  *open_after_save;
};

G_DEFINE_FINAL_TYPE (DramatisWindow, dramatis_window, ADW_TYPE_APPLICATION_WINDOW)

static void open_story_file (DramatisWindow *self,
                             GFile          *file);

static void
show_error (DramatisWindow *self,
            const char     *heading,
            const char     *message)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, message));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  adw_message_dialog_set_default_response (dialog, "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_toast (DramatisWindow *self,
            const char     *title)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

static void
update_title (DramatisWindow *self)
{
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *window_title = NULL;

  if (self->scene == NULL)
    {
      adw_window_title_set_title (self->window_title, _("Dramatis"));
      adw_window_title_set_subtitle (self->window_title, NULL);
      gtk_window_set_title (GTK_WINDOW (self), _("Dramatis"));
      return;
    }

  title = dramatis_scene_dup_title (self->scene);
  if (self->file != NULL)
    {
      g_autofree char *name = g_file_get_basename (self->file);

      subtitle = self->modified ? g_strdup_printf ("• %s", name) : g_steal_pointer (&name);
    }
  else
    subtitle = g_strdup (self->modified ? _("• Built-in story, changed") : _("Built-in story"));

  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, subtitle);

  /* Translators: the window title: the story's title, then the app's name */
  window_title = g_strdup_printf (_("%s — Dramatis"), title);
  gtk_window_set_title (GTK_WINDOW (self), window_title);
}

static void
set_modified (DramatisWindow *self,
              gboolean        modified)
{
  if (self->modified == modified)
    return;

  self->modified = modified;
  update_title (self);
}

/* Keeps the sidebar lists on the selected item without feeding the change
 * back.
 */
static void
sync_list_selection (DramatisWindow     *self,
                     GtkSingleSelection *selection)
{
  GListModel *model = G_LIST_MODEL (selection);
  guint n = g_list_model_get_n_items (model);
  guint position = GTK_INVALID_LIST_POSITION;

  for (guint i = 0; i < n && position == GTK_INVALID_LIST_POSITION; i++)
    {
      g_autoptr(DramatisItemObject) object = g_list_model_get_item (model, i);
      DramatisItem item = dramatis_item_object_get_item (object);

      if (dramatis_item_equal (&item, &self->selection.selected))
        position = i;
    }

  gtk_single_selection_set_selected (selection, position);
}

/**
 * dramatis_window_select:
 * @self: a window
 * @item: the item to select, or none
 *
 * Selects @item everywhere: the lists, both diagrams (which light up what
 * is related to it) and the details pane.
 */
void
dramatis_window_select (DramatisWindow *self,
                        DramatisItem    item)
{
  g_return_if_fail (DRAMATIS_IS_WINDOW (self));

  if (self->scene == NULL)
    return;

  /* A statement is shown through its speaker, where it is one of a list. */
  self->selection.selected = item;

  dramatis_timeline_canvas_set_selection (self->timeline_canvas, &self->selection);
  dramatis_network_canvas_set_selection (self->network_canvas, &self->selection);
  dramatis_details_show_item (self->details, item.kind, item.index);

  self->syncing_lists = TRUE;
  sync_list_selection (self, self->actor_selection);
  sync_list_selection (self, self->event_selection);
  sync_list_selection (self, self->result_selection);
  self->syncing_lists = FALSE;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.select-none", item.kind != DRAMATIS_ITEM_NONE);
}

DramatisItem
dramatis_window_get_selected (DramatisWindow *self)
{
  g_return_val_if_fail (DRAMATIS_IS_WINDOW (self), DRAMATIS_ITEM_INIT_NONE);

  return self->selection.selected;
}

DramatisStory *
dramatis_window_get_story (DramatisWindow *self)
{
  g_return_val_if_fail (DRAMATIS_IS_WINDOW (self), NULL);

  return self->story;
}

static void
canvas_item_selected_cb (DramatisWindow *self,
                         guint           kind,
                         guint           index)
{
  dramatis_window_select (self, (DramatisItem) { kind, index });
}

static void
details_item_selected_cb (DramatisWindow *self,
                          guint           kind,
                          guint           index)
{
  dramatis_window_select (self, (DramatisItem) { kind, index });
}

static void
list_selection_changed_cb (DramatisWindow     *self,
                           GParamSpec         *pspec,
                           GtkSingleSelection *selection)
{
  DramatisItemObject *object;

  if (self->syncing_lists)
    return;

  object = gtk_single_selection_get_selected_item (selection);
  if (object != NULL)
    dramatis_window_select (self, dramatis_item_object_get_item (object));
}

static void
positions_changed_cb (DramatisWindow *self)
{
  /* Only moves by hand are changes of the story: a layout the window runs
   * is not saved unless the user arranged something.
   */
  set_modified (self, TRUE);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), subtitle);
  gtk_list_item_set_child (list_item, box);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             gpointer                  user_data)
{
  DramatisItemObject *object = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *title = gtk_widget_get_first_child (box);
  GtkWidget *subtitle = gtk_widget_get_next_sibling (title);
  const char *sub = dramatis_item_object_get_subtitle (object);

  gtk_label_set_text (GTK_LABEL (title), dramatis_item_object_get_title (object));
  gtk_label_set_text (GTK_LABEL (subtitle), sub ? sub : "");
  gtk_widget_set_visible (subtitle, sub != NULL && *sub != '\0');
  gtk_widget_set_tooltip_text (box, dramatis_item_object_get_title (object));
}

static gboolean
search_filter_func (gpointer item,
                    gpointer user_data)
{
  DramatisWindow *self = user_data;

  return self->search_query != NULL &&
         dramatis_item_object_matches (DRAMATIS_ITEM_OBJECT (item), self->search_query);
}

static void
search_changed_cb (DramatisWindow *self,
                   GtkSearchEntry *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  gboolean searching = text != NULL && *text != '\0';

  g_clear_pointer (&self->search_query, g_free);
  if (searching)
    self->search_query = dramatis_item_fold_query (text);

  gtk_filter_changed (GTK_FILTER (self->search_filter), GTK_FILTER_CHANGE_DIFFERENT);

  gtk_widget_set_visible (GTK_WIDGET (self->list_switcher), !searching);
  if (searching)
    {
      gtk_stack_set_visible_child_name (self->list_stack, "results");
      gtk_stack_set_visible_child_name (self->results_stack,
                                        g_list_model_get_n_items (G_LIST_MODEL (self->result_selection)) > 0
                                        ? "list" : "none");
    }
  else if (g_strcmp0 (gtk_stack_get_visible_child_name (self->list_stack), "results") == 0)
    gtk_stack_set_visible_child_name (self->list_stack, "actors");
}

/* Escape in the search entry does what it does everywhere else in the
 * window, besides clearing the search.
 */
static void
stop_search_cb (DramatisWindow *self,
                GtkSearchEntry *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  gtk_widget_activate_action (GTK_WIDGET (self), "win.select-none", NULL);
}

static GtkSingleSelection *
make_selection (DramatisWindow *self,
                GListModel     *model,
                GtkListView    *view)
{
  GtkSingleSelection *selection = gtk_single_selection_new (model);
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  gtk_single_selection_set_selected (selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect_object (selection, "notify::selected-item", G_CALLBACK (list_selection_changed_cb),
                           self, G_CONNECT_SWAPPED);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  gtk_list_view_set_factory (view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (view, GTK_SELECTION_MODEL (selection));

  return selection;
}

static void
set_lists (DramatisWindow *self)
{
  g_autoptr(GListStore) all = NULL;
  g_autoptr(GListModel) statements = NULL;
  GListModel *actors = NULL, *events = NULL;
  GtkFilterListModel *results;

  g_clear_object (&self->actor_selection);
  g_clear_object (&self->event_selection);
  g_clear_object (&self->result_selection);

  if (self->story == NULL)
    {
      gtk_list_view_set_model (self->actor_list, NULL);
      gtk_list_view_set_model (self->event_list, NULL);
      gtk_list_view_set_model (self->result_list, NULL);
      return;
    }

  actors = dramatis_item_list_new (self->story, DRAMATIS_ITEM_ACTOR);
  events = dramatis_item_list_new (self->story, DRAMATIS_ITEM_EVENT);

  /* Search runs over actors, events and quotes alike. */
  all = g_list_store_new (G_TYPE_LIST_MODEL);
  g_list_store_append (all, actors);
  g_list_store_append (all, events);
  statements = dramatis_item_list_new (self->story, DRAMATIS_ITEM_STATEMENT);
  g_list_store_append (all, statements);

  results = gtk_filter_list_model_new (G_LIST_MODEL (gtk_flatten_list_model_new (G_LIST_MODEL (g_steal_pointer (&all)))),
                                       GTK_FILTER (g_object_ref (self->search_filter)));

  self->actor_selection = make_selection (self, actors, self->actor_list);
  self->event_selection = make_selection (self, events, self->event_list);
  self->result_selection = make_selection (self, G_LIST_MODEL (results), self->result_list);
}

static void
style_changed_cb (DramatisWindow  *self,
                  GParamSpec      *pspec,
                  AdwStyleManager *style_manager)
{
  DramatisThemeVariant variant = DRAMATIS_THEME_LIGHT;

  if (adw_style_manager_get_high_contrast (style_manager))
    variant = DRAMATIS_THEME_HIGH_CONTRAST;
  else if (adw_style_manager_get_dark (style_manager))
    variant = DRAMATIS_THEME_DARK;

  dramatis_theme_clear (&self->theme);
  dramatis_theme_init (&self->theme, variant);

  dramatis_timeline_canvas_set_theme (self->timeline_canvas, &self->theme);
  dramatis_network_canvas_set_theme (self->network_canvas, &self->theme);
  dramatis_details_set_theme (self->details, &self->theme);
}

static gboolean
story_needs_layout (DramatisStory *story)
{
  for (guint i = 0; i < dramatis_story_get_n_actors (story); i++)
    if (!dramatis_story_get_actor (story, i)->has_position)
      return TRUE;

  return FALSE;
}

/* Shows @story, which the window takes, in place of what it showed. */
static void
set_story (DramatisWindow *self,
           DramatisStory  *story,
           GFile          *file)
{
  guint n_problems;

  dramatis_timeline_canvas_set_scene (self->timeline_canvas, NULL);
  dramatis_network_canvas_set_scene (self->network_canvas, NULL);
  g_clear_pointer (&self->scene, dramatis_scene_free);
  g_clear_object (&self->story);
  g_clear_object (&self->file);

  self->story = story;
  self->file = file ? g_object_ref (file) : NULL;
  self->modified = FALSE;
  self->selection.selected = DRAMATIS_ITEM_INIT_NONE;
  self->selection.hovered = DRAMATIS_ITEM_INIT_NONE;

  self->scene = dramatis_scene_new (story, &self->theme);
  dramatis_timeline_canvas_set_scene (self->timeline_canvas, self->scene);
  dramatis_network_canvas_set_scene (self->network_canvas, self->scene);

  /* A story that stores every actor's place opens as it was saved. */
  if (story_needs_layout (story))
    dramatis_network_canvas_run_layout (self->network_canvas,
                                        dramatis_story_get_n_actors (story) > SYNC_LAYOUT_MAX_ACTORS);

  dramatis_details_set_story (self->details, story);
  set_lists (self);
  dramatis_window_select (self, DRAMATIS_ITEM_INIT_NONE);

  gtk_stack_set_visible_child_name (self->main_stack, "story");
  update_title (self);

  dramatis_story_get_problems (story, &n_problems);
  if (n_problems > 0)
    {
      g_autofree char *text = g_strdup_printf (ngettext ("The story has %'u problem; run dramatis --check to list it",
                                                         "The story has %'u problems; run dramatis --check to list them",
                                                         n_problems),
                                               n_problems);

      show_toast (self, text);
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-as", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.relayout", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.unpin-all", TRUE);
}

static guint64
query_mtime (GFile *file)
{
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_TIME_MODIFIED "," G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC,
                                                 G_FILE_QUERY_INFO_NONE, NULL, NULL);

  if (info == NULL)
    return 0;

  return g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED) * G_USEC_PER_SEC +
         g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC);
}

static void
remember_recent (DramatisWindow *self,
                 GFile          *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  g_auto(GStrv) recent = g_settings_get_strv (self->settings, "recent-files");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) updated = NULL;
  guint n = 1;

  g_strv_builder_add (builder, uri);
  for (guint i = 0; recent[i] != NULL && n < MAX_RECENT_FILES; i++)
    if (g_strcmp0 (recent[i], uri) != 0)
      {
        g_strv_builder_add (builder, recent[i]);
        n++;
      }

  updated = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "recent-files", (const char * const *) updated);
  gtk_recent_manager_add_item (gtk_recent_manager_get_default (), uri);
}

static void
update_recent_menu (DramatisWindow *self)
{
  g_auto(GStrv) recent = g_settings_get_strv (self->settings, "recent-files");

  g_menu_remove_all (self->recent_menu);
  for (guint i = 0; recent[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_uri (recent[i]);
      g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *name = g_filename_display_name (basename);
  g_autofree char *markup = g_markup_escape_text (name, -1);
      g_autoptr(GMenuItem) item = g_menu_item_new (name, NULL);

      g_menu_item_set_action_and_target (item, "win.open-recent", "s", recent[i]);
      g_menu_append_item (self->recent_menu, item);
    }
}

static void
open_finished_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(DramatisWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_object_ref (dramatis_story_load_file_get_file (result));
  DramatisStory *story;

  story = dramatis_story_load_file_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      /* Another file may be loading already; the window showed the
       * story again when it cancelled this one.
       */
      return;
    }

  g_clear_object (&self->open_cancellable);

  if (story == NULL)
    {
      /* Whatever was open stays open. */
      gtk_stack_set_visible_child_name (self->main_stack, self->scene ? "story" : "empty");
      show_error (self, _("Could Not Open the Story"), error->message);
      return;
    }

  set_story (self, story, file);
  self->file_mtime = query_mtime (file);
  remember_recent (self, file);
}

static void
open_progress_cb (double   fraction,
                  gpointer user_data)
{
  DramatisWindow *self = user_data;

  gtk_progress_bar_set_fraction (self->loading_progress, fraction);
}

static void
open_story_file (DramatisWindow *self,
                 GFile          *file)
{
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *name = g_filename_display_name (basename);
  g_autofree char *markup = g_markup_escape_text (name, -1);

  g_cancellable_cancel (self->open_cancellable);
  g_clear_object (&self->open_cancellable);
  self->open_cancellable = g_cancellable_new ();

  /* The description is markup, and a file name may be any bytes. */
  adw_status_page_set_description (self->loading_page, markup);
  gtk_progress_bar_set_fraction (self->loading_progress, 0.0);
  gtk_stack_set_visible_child_name (self->main_stack, "loading");

  dramatis_story_load_file_async (file, self->open_cancellable,
                                  open_progress_cb, g_object_ref (self), g_object_unref,
                                  open_finished_cb, g_object_ref (self));
}

static gboolean
confirm_discard (DramatisWindow *self,
                 GFile          *then_open);

/**
 * dramatis_window_open_file:
 * @self: a window
 * @file: a story file
 *
 * Opens @file in the background; the story shown so far stays until it
 * has loaded, and stays if it fails to.
 */
void
dramatis_window_open_file (DramatisWindow *self,
                           GFile          *file)
{
  g_return_if_fail (DRAMATIS_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->modified && confirm_discard (self, file))
    return;

  open_story_file (self, file);
}

/**
 * dramatis_window_open_builtin:
 * @self: a window
 *
 * Shows the story Dramatis ships with.
 */
void
dramatis_window_open_builtin (DramatisWindow *self)
{
  g_autoptr(GError) error = NULL;
  DramatisStory *story;

  g_return_if_fail (DRAMATIS_IS_WINDOW (self));

  story = dramatis_story_load_builtin (&error);
  if (story == NULL)
    {
      show_error (self, _("Could Not Open the Built-in Story"), error->message);
      return;
    }

  /* A file still loading would replace the story asked for last. */
  g_cancellable_cancel (self->open_cancellable);
  g_clear_object (&self->open_cancellable);

  set_story (self, story, NULL);
}

gboolean
dramatis_window_can_replace_story (DramatisWindow *self)
{
  g_return_val_if_fail (DRAMATIS_IS_WINDOW (self), FALSE);

  return self->scene == NULL || (self->file == NULL && !self->modified);
}

/* Saving */

typedef struct
{
  DramatisWindow *self;
  GFile          *file;
  gboolean        close_after;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_clear_object (&data->self);
  g_clear_object (&data->file);
  g_free (data);
}

static void
save_finished_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  SaveData *data = user_data;
  DramatisWindow *self = data->self;
  g_autoptr(GError) error = NULL;

  if (!dramatis_story_save_file_finish (DRAMATIS_STORY (object), result, &error))
    {
      g_clear_object (&self->open_after_save);
      show_error (self, _("Could Not Save the Story"), error->message);
      save_data_free (data);
      return;
    }

  g_set_object (&self->file, data->file);
  self->file_mtime = query_mtime (data->file);
  set_modified (self, FALSE);
  update_title (self);
  remember_recent (self, data->file);
  show_toast (self, _("Story saved"));

  if (self->open_after_save != NULL)
    {
      g_autoptr(GFile) next = g_steal_pointer (&self->open_after_save);

      open_story_file (self, next);
    }
  else if (data->close_after)
    {
      self->close_confirmed = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }

  save_data_free (data);
}

static void
save_to (DramatisWindow *self,
         GFile          *file,
         gboolean        close_after)
{
  SaveData *data = g_new0 (SaveData, 1);

  data->self = g_object_ref (self);
  data->file = g_object_ref (file);
  data->close_after = close_after;

  dramatis_story_save_file_async (self->story, file, NULL, save_finished_cb, data);
}

static void
overwrite_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       DramatisWindow   *self)
{
  gboolean close_after = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "close-after"));

  if (g_strcmp0 (response, "overwrite") == 0)
    save_to (self, self->file, close_after);
  else
    g_clear_object (&self->open_after_save);
}

static void save_as (DramatisWindow *self,
                     gboolean        close_after);

/* A file changed by something else since it was opened is not silently
 * overwritten.
 */
static void
save (DramatisWindow *self,
      gboolean        close_after)
{
  AdwMessageDialog *dialog;

  if (self->file == NULL)
    {
      save_as (self, close_after);
      return;
    }

  if (self->file_mtime == 0 || query_mtime (self->file) == self->file_mtime)
    {
      save_to (self, self->file, close_after);
      return;
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("The File Has Changed on Disk"),
                                                       _("Something else changed the story file since it was "
                                                         "opened. Saving replaces those changes.")));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "overwrite", _("_Save Anyway"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "overwrite", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  g_object_set_data (G_OBJECT (dialog), "close-after", GINT_TO_POINTER (close_after));
  g_signal_connect_object (dialog, "response", G_CALLBACK (overwrite_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
save_as_chosen_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  DramatisWindow *self = DRAMATIS_WINDOW (object);
  gboolean close_after = GPOINTER_TO_INT (user_data);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  file = dramatis_file_dialog_finish (result, &error);
  if (file != NULL)
    {
      save_to (self, file, close_after);
      return;
    }

  g_clear_object (&self->open_after_save);
  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_error (self, _("Could Not Save the Story"), error->message);
}

static GtkFileFilter *
story_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Stories"));
  gtk_file_filter_add_mime_type (filter, "application/x-dramatis-story+json");
  gtk_file_filter_add_pattern (filter, "*.dramatis.json");
  gtk_file_filter_add_mime_type (filter, "application/json");

  return filter;
}

static void
save_as (DramatisWindow *self,
         gboolean        close_after)
{
  g_autofree char *title = dramatis_scene_dup_title (self->scene);
  g_autofree char *name = g_strdup_printf ("%s.dramatis.json", title);

  dramatis_file_dialog_save (GTK_WINDOW (self), _("Save Story"), _("_Save"), story_filter (),
                             self->file, g_strdelimit (name, "/", '-'),
                             save_as_chosen_cb, GINT_TO_POINTER (close_after));
}

/* Unsaved changes */

static void
discard_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     DramatisWindow   *self)
{
  GFile *then_open = g_object_get_data (G_OBJECT (dialog), "then-open");

  if (g_strcmp0 (response, "save") == 0)
    {
      g_set_object (&self->open_after_save, then_open);
      save (self, then_open == NULL);
      return;
    }

  if (g_strcmp0 (response, "discard") != 0)
    return;

  set_modified (self, FALSE);
  if (then_open != NULL)
    open_story_file (self, then_open);
  else
    {
      self->close_confirmed = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }
}

/* Asks before unsaved changes are lost: returns TRUE if it asked, and the
 * answer then opens @then_open, or closes the window when it is %NULL.
 */
static gboolean
confirm_discard (DramatisWindow *self,
                 GFile          *then_open)
{
  AdwMessageDialog *dialog;

  if (!self->modified)
    return FALSE;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Save Changes?"),
                                                       _("The story has changes, such as actors moved by hand, "
                                                         "that are not saved.")));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "discard", _("_Discard"),
                                    "save", _("_Save"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");
  if (then_open != NULL)
    g_object_set_data_full (G_OBJECT (dialog), "then-open", g_object_ref (then_open), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (discard_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));

  return TRUE;
}

/* Actions */

static void
open_chosen_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  DramatisWindow *self = DRAMATIS_WINDOW (object);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  file = dramatis_file_dialog_finish (result, &error);
  if (file != NULL)
    dramatis_window_open_file (self, file);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_error (self, _("Could Not Open the Story"), error->message);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  dramatis_file_dialog_open (GTK_WINDOW (widget), _("Open Story"), _("_Open"), story_filter (),
                             open_chosen_cb, NULL);
}

static void
open_recent_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  dramatis_window_open_file (DRAMATIS_WINDOW (widget), file);
}

static void
open_builtin_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  DramatisWindow *self = DRAMATIS_WINDOW (widget);

  if (self->modified)
    {
      show_error (self, _("The Story Has Unsaved Changes"),
                  _("Save the story, or open the built-in story in a new window."));
      return;
    }

  dramatis_window_open_builtin (self);
}

static void
cancel_open_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  DramatisWindow *self = DRAMATIS_WINDOW (widget);

  /* The story shown before stays; the worker's result is dropped. */
  g_cancellable_cancel (self->open_cancellable);
  g_clear_object (&self->open_cancellable);
  gtk_stack_set_visible_child_name (self->main_stack, self->scene ? "story" : "empty");
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  save (DRAMATIS_WINDOW (widget), FALSE);
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  save_as (DRAMATIS_WINDOW (widget), FALSE);
}

static void
exported_cb (DramatisExportDialog *dialog,
             GFile                *file,
             DramatisWindow       *self)
{
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *name = g_filename_display_name (basename);
  g_autofree char *markup = g_markup_escape_text (name, -1);
  /* A toast's title is Pango markup. */
  g_autofree char *title = g_strdup_printf (_("Exported to “%s”"), markup);
  g_autofree char *uri = g_file_get_uri (file);
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_button_label (toast, _("_Open"));
  adw_toast_set_action_name (toast, "win.open-uri");
  adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static DramatisViewMode
current_view_mode (DramatisWindow *self)
{
  g_autofree char *mode = g_settings_get_string (self->settings, "view-mode");
  DramatisViewMode view_mode = DRAMATIS_VIEW_BOTH;

  dramatis_view_mode_from_string (mode, &view_mode);
  return view_mode;
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  DramatisWindow *self = DRAMATIS_WINDOW (widget);
  DramatisTimelineView timeline_view;
  DramatisNetworkView network_view;
  GtkWidget *dialog;

  if (self->scene == NULL)
    return;

  dramatis_timeline_canvas_get_view (self->timeline_canvas, &timeline_view);
  dramatis_network_canvas_get_view (self->network_canvas, &network_view);

  dialog = dramatis_export_dialog_new (GTK_WINDOW (self), self->scene, current_view_mode (self),
                                       &self->theme, &self->selection, &timeline_view, &network_view);
  g_signal_connect_object (dialog, "exported", G_CALLBACK (exported_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
open_uri_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  g_app_info_launch_default_for_uri (g_variant_get_string (parameter, NULL), NULL, NULL);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  DramatisWindow *self = DRAMATIS_WINDOW (widget);

  gtk_toggle_button_set_active (self->sidebar_button, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
select_none_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  dramatis_window_select (DRAMATIS_WINDOW (widget), DRAMATIS_ITEM_INIT_NONE);
}

/* Zooming acts on the diagram with the focus, or on every diagram shown. */
static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  DramatisWindow *self = DRAMATIS_WINDOW (widget);
  const char *view_action = g_str_has_suffix (action_name, "zoom-in") ? "view.zoom-in"
                            : g_str_has_suffix (action_name, "zoom-out") ? "view.zoom-out"
                            : "view.zoom-fit";
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  if (focus == GTK_WIDGET (self->timeline_canvas) || focus == GTK_WIDGET (self->network_canvas))
    {
      gtk_widget_activate_action (focus, view_action, NULL);
      return;
    }

  if (gtk_widget_get_visible (GTK_WIDGET (self->timeline_canvas)))
    gtk_widget_activate_action (GTK_WIDGET (self->timeline_canvas), view_action, NULL);
  if (gtk_widget_get_visible (GTK_WIDGET (self->network_canvas)))
    gtk_widget_activate_action (GTK_WIDGET (self->network_canvas), view_action, NULL);
}

static void
relayout_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  dramatis_network_canvas_run_layout (DRAMATIS_WINDOW (widget)->network_canvas, TRUE);
}

static void
unpin_all_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  DramatisWindow *self = DRAMATIS_WINDOW (widget);

  dramatis_network_canvas_unpin_all (self->network_canvas);
}

static void
apply_view_mode (DramatisWindow *self)
{
  DramatisViewMode mode = current_view_mode (self);

  gtk_widget_set_visible (GTK_WIDGET (self->timeline_canvas), mode != DRAMATIS_VIEW_NETWORK);
  gtk_widget_set_visible (GTK_WIDGET (self->network_canvas), mode != DRAMATIS_VIEW_TIMELINE);
}

static void
view_mode_changed_cb (DramatisWindow *self)
{
  apply_view_mode (self);
}

static gboolean
drop_cb (GtkDropTarget  *target,
         const GValue   *value,
         double          x,
         double          y,
         DramatisWindow *self)
{
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  files = gdk_file_list_get_files (g_value_get_boxed (value));
  if (files == NULL)
    return FALSE;

  dramatis_window_open_file (self, files->data);
  g_slist_free (files);
  return TRUE;
}

static void
save_window_state (DramatisWindow *self)
{
  int width, height, paned_width;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));

  if (self->scene != NULL)
    {
      int views_height = gtk_widget_get_height (GTK_WIDGET (self->views_paned));

      g_settings_set_int (self->settings, "sidebar-width", gtk_paned_get_position (self->outer_paned));
      paned_width = gtk_widget_get_width (GTK_WIDGET (self->details_paned));
      if (paned_width > 0)
        g_settings_set_int (self->settings, "details-width", paned_width - gtk_paned_get_position (self->details_paned));
      if (views_height > 0 && current_view_mode (self) == DRAMATIS_VIEW_BOTH)
        g_settings_set_double (self->settings, "split-position",
                               CLAMP ((double) gtk_paned_get_position (self->views_paned) / views_height, 0.1, 0.9));
    }
}

static gboolean
dramatis_window_close_request (GtkWindow *window)
{
  DramatisWindow *self = DRAMATIS_WINDOW (window);

  if (!self->close_confirmed && confirm_discard (self, NULL))
    return TRUE;

  save_window_state (self);
  return GTK_WINDOW_CLASS (dramatis_window_parent_class)->close_request (window);
}

/* Pane positions are restored once the window has its size. */
static void
restore_panes_cb (DramatisWindow *self)
{
  int paned_width = gtk_widget_get_width (GTK_WIDGET (self->details_paned));
  int views_height = gtk_widget_get_height (GTK_WIDGET (self->views_paned));

  if (paned_width <= 0 || views_height <= 0)
    return;

  gtk_paned_set_position (self->outer_paned, g_settings_get_int (self->settings, "sidebar-width"));
  gtk_paned_set_position (self->details_paned, paned_width - g_settings_get_int (self->settings, "details-width"));
  gtk_paned_set_position (self->views_paned, views_height * g_settings_get_double (self->settings, "split-position"));

  g_signal_handlers_disconnect_by_func (self->main_stack, restore_panes_cb, self);
}

static void
dramatis_window_dispose (GObject *object)
{
  DramatisWindow *self = DRAMATIS_WINDOW (object);

  g_cancellable_cancel (self->open_cancellable);
  g_clear_object (&self->open_cancellable);

  if (self->timeline_canvas != NULL)
    dramatis_timeline_canvas_set_scene (self->timeline_canvas, NULL);
  if (self->network_canvas != NULL)
    dramatis_network_canvas_set_scene (self->network_canvas, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), DRAMATIS_TYPE_WINDOW);

  G_OBJECT_CLASS (dramatis_window_parent_class)->dispose (object);
}

static void
dramatis_window_finalize (GObject *object)
{
  DramatisWindow *self = DRAMATIS_WINDOW (object);

  g_clear_pointer (&self->scene, dramatis_scene_free);
  g_clear_object (&self->story);
  g_clear_object (&self->file);
  g_clear_object (&self->open_after_save);
  g_clear_object (&self->settings);
  g_clear_object (&self->actor_selection);
  g_clear_object (&self->event_selection);
  g_clear_object (&self->result_selection);
  g_clear_object (&self->search_filter);
  g_clear_pointer (&self->search_query, g_free);
  dramatis_theme_clear (&self->theme);

  G_OBJECT_CLASS (dramatis_window_parent_class)->finalize (object);
}

static void
dramatis_window_class_init (DramatisWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = dramatis_window_dispose;
  object_class->finalize = dramatis_window_finalize;
  window_class->close_request = dramatis_window_close_request;

  g_type_ensure (DRAMATIS_TYPE_TIMELINE_CANVAS);
  g_type_ensure (DRAMATIS_TYPE_NETWORK_CANVAS);
  g_type_ensure (DRAMATIS_TYPE_DETAILS);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/dramatis-window.ui");
  gtk_widget_class_bind_template_child (widget_class, DramatisWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, DramatisWindow, sidebar_button);
  gtk_widget_class_bind_template_child (widget_class, DramatisWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, DramatisWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, DramatisWindow, loading_progress);
  gtk_widget_class_bind_template_child (widget_class, DramatisWindow, loading_page);
  gtk_widget_class_bind_template_child (widget_class, DramatisWindow, outer_paned);
  gtk_widget_class_bind_template_child (widget_class, DramatisWindow, details_paned);
  gtk_widget_class_bind_template_child (widget_class, DramatisWindow, views_paned);
  gtk_widget_class_bind_template_child (widget_class, DramatisWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, DramatisWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, DramatisWindow, list_switcher);
  gtk_widget_class_bind_template_child (widget_class, DramatisWindow, list_stack);
  gtk_widget_class_bind_template_child (widget_class, DramatisWindow, results_stack);
  gtk_widget_class_bind_template_child (widget_class, DramatisWindow, actor_list);
  gtk_widget_class_bind_template_child (widget_class, DramatisWindow, event_list);
  gtk_widget_class_bind_template_child (widget_class, DramatisWindow, result_list);
  gtk_widget_class_bind_template_child (widget_class, DramatisWindow, timeline_canvas);
  gtk_widget_class_bind_template_child (widget_class, DramatisWindow, network_canvas);
  gtk_widget_class_bind_template_child (widget_class, DramatisWindow, details);
  gtk_widget_class_bind_template_child (widget_class, DramatisWindow, recent_menu);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.open-builtin", NULL, open_builtin_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-open", NULL, cancel_open_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.open-uri", "s", open_uri_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.close", NULL, close_action);
  gtk_widget_class_install_action (widget_class, "win.select-none", NULL, select_none_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-fit", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.relayout", NULL, relayout_action);
  gtk_widget_class_install_action (widget_class, "win.unpin-all", NULL, unpin_all_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.select-none", NULL);
}

static void
dramatis_window_init (DramatisWindow *self)
{
  AdwStyleManager *style_manager = adw_style_manager_get_default ();
  GtkDropTarget *drop;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APPLICATION_ID);
  self->selection.selected = DRAMATIS_ITEM_INIT_NONE;
  self->selection.hovered = DRAMATIS_ITEM_INIT_NONE;
  self->search_filter = gtk_custom_filter_new (search_filter_func, self, NULL);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  /* The view switch is a window action backed by the setting. */
  {
    g_autoptr(GAction) action = g_settings_create_action (self->settings, "view-mode");
    g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();

    g_action_map_add_action (G_ACTION_MAP (group), action);
    gtk_widget_insert_action_group (GTK_WIDGET (self), "settings", G_ACTION_GROUP (group));
  }
  g_signal_connect_object (self->settings, "changed::view-mode", G_CALLBACK (view_mode_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::recent-files", G_CALLBACK (update_recent_menu),
                           self, G_CONNECT_SWAPPED);
  apply_view_mode (self);
  update_recent_menu (self);

  g_object_bind_property (self->sidebar_button, "active", self->sidebar, "visible", G_BINDING_SYNC_CREATE);

  g_signal_connect_object (style_manager, "notify::dark", G_CALLBACK (style_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (style_manager, "notify::high-contrast", G_CALLBACK (style_changed_cb), self,
                           G_CONNECT_SWAPPED);
  style_changed_cb (self, NULL, style_manager);

  g_signal_connect_object (self->timeline_canvas, "item-selected", G_CALLBACK (canvas_item_selected_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->network_canvas, "item-selected", G_CALLBACK (canvas_item_selected_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->network_canvas, "positions-changed", G_CALLBACK (positions_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->details, "item-selected", G_CALLBACK (details_item_selected_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "search-changed", G_CALLBACK (search_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "stop-search", G_CALLBACK (stop_search_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->sidebar));

  g_signal_connect_object (self->main_stack, "notify::visible-child", G_CALLBACK (restore_panes_cb),
                           self, G_CONNECT_SWAPPED);

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_object (drop, "drop", G_CALLBACK (drop_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  for (const char *const *action = (const char *const[]) { "win.save", "win.save-as", "win.export",
                                                           "win.relayout", "win.unpin-all",
                                                           "win.select-none", NULL };
       *action != NULL; action++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), *action, FALSE);

  gtk_stack_set_visible_child_name (self->main_stack, "empty");
}

DramatisWindow *
dramatis_window_new (DramatisApplication *application)
{
  return g_object_new (DRAMATIS_TYPE_WINDOW, "application", application, NULL);
}
