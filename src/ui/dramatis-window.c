/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "dramatis-window"

#include "config.h"

#include <glib/gi18n.h>

#include "dramatis-export-dialog.h"
#include "dramatis-source-window.h"
#include "dramatis-window.h"
#include "dramatis-window-private.h"

/* The window is the hub of a story: it owns the story and its scene, and
 * keeps one selection that the sidebar, the two canvases and the details
 * pane all show.  Whatever selects an item calls dramatis_window_select(),
 * which tells everyone else.
 *
 * This file holds the window object: its title, the selection, the story
 * it shows, its actions and its saved state.  Opening and saving files is
 * in dramatis-window-files.c, the sidebar's lists and search in
 * dramatis-window-sidebar.c.
 */

/* More actors than this are laid out step by step, in view. */
#define SYNC_LAYOUT_MAX_ACTORS 2000

G_DEFINE_FINAL_TYPE (DramatisWindow, dramatis_window, ADW_TYPE_APPLICATION_WINDOW)

void
dramatis_window_show_error (DramatisWindow *self,
                            const char     *heading,
                            const char     *message)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, message));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  adw_message_dialog_set_default_response (dialog, "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

void
dramatis_window_show_toast (DramatisWindow *self,
                            const char     *title)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

void
dramatis_window_update_title (DramatisWindow *self)
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
  else if (self->new_story)
    subtitle = g_strdup (_("New story, not saved"));
  else
    subtitle = g_strdup (self->modified ? _("• Built-in story, changed") : _("Built-in story"));

  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, subtitle);

  /* Translators: the window title: the story's title, then the app's name */
  window_title = g_strdup_printf (_("%s — Dramatis"), title);
  gtk_window_set_title (GTK_WINDOW (self), window_title);
}

void
dramatis_window_set_modified (DramatisWindow *self,
                              gboolean        modified)
{
  /* Every change puts the recovery copy off; saving or discarding the
   * changes removes it.
   */
  if (modified)
    dramatis_window_schedule_recovery (self);
  else
    dramatis_window_remove_recovery (self);

  if (self->modified == modified)
    return;

  self->modified = modified;
  dramatis_window_update_title (self);
}

/* Shows the page for what the window holds: nothing, a story with
 * nothing in it yet, or a story.
 */
void
dramatis_window_show_story_page (DramatisWindow *self)
{
  const char *page = "empty";

  if (self->story != NULL)
    page = dramatis_window_story_is_empty (self) ? "empty-story" : "story";

  gtk_stack_set_visible_child_name (self->main_stack, page);
}

gboolean
dramatis_window_story_is_empty (DramatisWindow *self)
{
  return self->story != NULL &&
         dramatis_story_get_n_actors (self->story) == 0 &&
         dramatis_story_get_n_events (self->story) == 0 &&
         dramatis_story_get_n_sources (self->story) == 0;
}

/* Adaptive layout
 *
 * Wide, the window shows the sidebar, the diagrams and the details side by
 * side, each pane as wide as the user dragged it.  As it narrows, the
 * sidebar folds first, into an overlay its button opens; then the details
 * fold into a sheet over the diagrams, which opens when something is
 * selected and closes when nothing is.  AdwFlap folds each pane when the window is
 * narrower than the panes' widths and the diagrams' (see DramatisPane).
 * The header's view switch and Export give way to the title when it has
 * no room for them.
 */

/* Shows the details of what was picked: over the diagrams if they are
 * folded, the sidebar's overlay closing to make way, and with the keyboard
 * focus on them, so that a keyboard user reads what they opened.
 */
static void
open_details (DramatisWindow *self)
{
  gboolean folded = adw_flap_get_folded (self->details_flap);

  if (adw_flap_get_folded (self->sidebar_flap))
    adw_flap_set_reveal_flap (self->sidebar_flap, FALSE);
  if (folded || g_settings_get_boolean (self->settings, "show-details"))
    adw_flap_set_reveal_flap (self->details_flap, TRUE);
  if (folded && self->last_input == INPUT_KEYBOARD)
    gtk_widget_child_focus (GTK_WIDGET (self->details), GTK_DIR_TAB_FORWARD);
}

/* A click opens the details of what it selects, as reading them is what
 * clicking is for.  Walking a list or a diagram with the arrow keys only
 * moves the selection: a sheet that opened at each step would hide what
 * is walked, and the sidebar's overlay would close under the keys.  Return
 * opens the details then (see item_activated_cb).  A sheet over the
 * diagrams closes with the selection; the side pane stays as the user
 * left it.
 */
static void
show_details_for_selection (DramatisWindow *self,
                            DramatisItem    item)
{
  if (item.kind == DRAMATIS_ITEM_NONE)
    {
      if (adw_flap_get_folded (self->details_flap))
        adw_flap_set_reveal_flap (self->details_flap, FALSE);
      return;
    }

  if (self->last_input != INPUT_KEYBOARD)
    open_details (self);
}

static void
item_activated_cb (DramatisWindow *self)
{
  if (self->selection.selected.kind != DRAMATIS_ITEM_NONE)
    open_details (self);
}

/* What the user touched last, the keyboard or a pointer. */
static gboolean
key_pressed_cb (DramatisWindow        *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  self->last_input = INPUT_KEYBOARD;
  return FALSE;
}

static void
pointer_pressed_cb (DramatisWindow  *self,
                    int              n_press,
                    double           x,
                    double           y,
                    GtkGestureClick *gesture)
{
  self->last_input = INPUT_POINTER;
}

/* The sidebar's overlay, opened, takes the keyboard focus, and gives it
 * back to the diagrams when it closes.
 */
static void
sidebar_revealed_cb (DramatisWindow *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  gboolean in_sidebar = focus != NULL && gtk_widget_is_ancestor (focus, self->sidebar);

  if (!adw_flap_get_folded (self->sidebar_flap))
    return;

  /* The overlay takes the focus once it is all in, as it can only have it
   * once it shows.
   */
  if (adw_flap_get_reveal_flap (self->sidebar_flap) && !in_sidebar)
    {
      if (G_APPROX_VALUE (adw_flap_get_reveal_progress (self->sidebar_flap), 1.0, 1e-6))
        gtk_widget_child_focus (self->sidebar, GTK_DIR_TAB_FORWARD);
    }
  else if (!adw_flap_get_reveal_flap (self->sidebar_flap) && in_sidebar)
    gtk_widget_grab_focus (GTK_WIDGET (gtk_widget_get_visible (GTK_WIDGET (self->network_canvas))
                                       ? (GtkWidget *) self->network_canvas
                                       : (GtkWidget *) self->timeline_canvas));
}

/* The view switch moves to a bar at the bottom when the header has no room
 * for it beside the title, as AdwViewSwitcherTitle does.  The header changes at the next
 * frame: the squeezer picks what it shows as the window lays out.
 */
static gboolean
update_switcher_tick (GtkWidget     *widget,
                      GdkFrameClock *frame_clock,
                      gpointer       user_data)
{
  DramatisWindow *self = DRAMATIS_WINDOW (widget);
  GtkWidget *shown = adw_squeezer_get_visible_child (self->switcher_squeezer);

  gboolean story_shown = g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "story") == 0;

  self->switcher_tick_id = 0;
  /* Without a story, there is nothing to switch between or to detail. */
  gtk_widget_set_visible (GTK_WIDGET (self->switcher_bar),
                          story_shown &&
                          (shown == NULL || !gtk_widget_is_ancestor (GTK_WIDGET (self->window_title), shown)));
  gtk_widget_set_visible (GTK_WIDGET (self->details_button), story_shown);
  /* The view switch, beside the title. */
  gtk_widget_set_visible (gtk_widget_get_next_sibling (GTK_WIDGET (self->window_title)), story_shown);
  gtk_widget_set_visible (GTK_WIDGET (self->sidebar_button), story_shown);

  return G_SOURCE_REMOVE;
}

static void
switcher_squeezed_cb (DramatisWindow *self)
{
  if (self->switcher_tick_id == 0)
    self->switcher_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), update_switcher_tick, NULL, NULL);
}

static void
sidebar_folded_cb (DramatisWindow *self)
{
  /* Folded, a pane can be as narrow as the window; side by side, it keeps
   * its width.
   */
  dramatis_pane_set_fixed (self->sidebar_pane, !adw_flap_get_folded (self->sidebar_flap));
}

static void
details_folded_cb (DramatisWindow *self)
{
  gboolean folded = adw_flap_get_folded (self->details_flap);

  self->details_folded = folded;
  dramatis_pane_set_fixed (self->details_pane, !folded);

  /* Folding hid the sheet, which opens on a selection; unfolding showed
   * the side pane, which shows as the user left it.
   */
  if (!folded)
    adw_flap_set_reveal_flap (self->details_flap, g_settings_get_boolean (self->settings, "show-details"));
}

static void
details_revealed_cb (DramatisWindow *self)
{
  /* Only the user's choice counts, not the flap's own as it folds. */
  if (!self->details_folded && !adw_flap_get_folded (self->details_flap))
    g_settings_set_boolean (self->settings, "show-details", adw_flap_get_reveal_flap (self->details_flap));
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
  show_details_for_selection (self, item);

  self->syncing_lists = TRUE;
  dramatis_window_sync_list_selection (self, self->actor_selection);
  dramatis_window_sync_list_selection (self, self->event_selection);
  dramatis_window_sync_list_selection (self, self->result_selection);
  self->syncing_lists = FALSE;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.select-none", item.kind != DRAMATIS_ITEM_NONE);
  dramatis_window_update_edit_actions (self);
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

/**
 * dramatis_window_get_file:
 * @self: a window
 *
 * Returns: (transfer none) (nullable): the file the story is saved to, or
 *   %NULL for a story that has none yet, as the built-in story
 */
GFile *
dramatis_window_get_file (DramatisWindow *self)
{
  g_return_val_if_fail (DRAMATIS_IS_WINDOW (self), NULL);

  return self->file;
}

/**
 * dramatis_window_is_saving:
 * @self: a window
 *
 * Returns: whether a save is being written; the story cannot be changed
 *   meanwhile
 */
gboolean
dramatis_window_is_saving (DramatisWindow *self)
{
  g_return_val_if_fail (DRAMATIS_IS_WINDOW (self), FALSE);

  return self->n_saves > 0;
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
void
dramatis_window_set_story (DramatisWindow *self,
                           DramatisStory  *story,
                           GFile          *file)
{
  g_autoptr(DramatisStory) old_story = NULL;
  guint n_problems;
  gboolean has_content;

  /* The source windows show passages of the story that goes. */
  dramatis_source_window_close_all (GTK_WINDOW (self));

  dramatis_timeline_canvas_set_scene (self->timeline_canvas, NULL);
  dramatis_network_canvas_set_scene (self->network_canvas, NULL);
  g_clear_pointer (&self->scene, dramatis_scene_free);
  old_story = g_steal_pointer (&self->story);
  g_clear_object (&self->file);

  self->story = story;
  self->file = file ? g_object_ref (file) : NULL;
  self->new_story = FALSE;
  dramatis_window_remove_recovery (self);
  self->modified = FALSE;
  self->selection.selected = DRAMATIS_ITEM_INIT_NONE;
  self->selection.hovered = DRAMATIS_ITEM_INIT_NONE;

  self->scene = dramatis_scene_new (story, &self->theme);
  dramatis_timeline_canvas_set_scene (self->timeline_canvas, self->scene);
  dramatis_network_canvas_set_scene (self->network_canvas, self->scene);
  dramatis_window_connect_story (self, old_story);

  /* A story that stores every actor's place opens as it was saved. */
  if (story_needs_layout (story))
    dramatis_network_canvas_run_layout (self->network_canvas,
                                        dramatis_story_get_n_actors (story) > SYNC_LAYOUT_MAX_ACTORS);

  dramatis_details_set_story (self->details, story);
  dramatis_window_set_lists (self);
  dramatis_window_select (self, DRAMATIS_ITEM_INIT_NONE);

  dramatis_window_show_story_page (self);
  dramatis_window_update_title (self);

  dramatis_story_get_problems (story, &n_problems);
  if (n_problems > 0)
    {
      g_autofree char *text = g_strdup_printf (ngettext ("The story has %'u problem; run dramatis --check to list it",
                                                         "The story has %'u problems; run dramatis --check to list them",
                                                         n_problems),
                                               n_problems);

      dramatis_window_show_toast (self, text);
    }

  /* A story with nothing in it has nothing to save, export or lay out. */
  has_content = !dramatis_window_story_is_empty (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save", has_content);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-as", has_content);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", has_content);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.relayout", has_content);
  dramatis_window_update_edit_actions (self);
}

/* Actions */

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
toggle_sidebar_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  DramatisWindow *self = DRAMATIS_WINDOW (widget);

  adw_flap_set_reveal_flap (self->sidebar_flap, !adw_flap_get_reveal_flap (self->sidebar_flap));
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
show_legend_changed_cb (DramatisWindow *self)
{
  gboolean show = g_settings_get_boolean (self->settings, "show-legend");

  dramatis_canvas_set_show_legend (DRAMATIS_CANVAS (self->timeline_canvas), show);
  dramatis_canvas_set_show_legend (DRAMATIS_CANVAS (self->network_canvas), show);
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
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
  g_settings_set_int (self->settings, "sidebar-width", dramatis_pane_get_width (self->sidebar_pane));
  g_settings_set_int (self->settings, "details-width", dramatis_pane_get_width (self->details_pane));

  if (self->scene != NULL)
    {
      int views_height = gtk_widget_get_height (GTK_WIDGET (self->views_paned));

      if (views_height > 0 && current_view_mode (self) == DRAMATIS_VIEW_BOTH)
        g_settings_set_double (self->settings, "split-position",
                               CLAMP ((double) gtk_paned_get_position (self->views_paned) / views_height, 0.1, 0.9));
    }
}

static gboolean
dramatis_window_close_request (GtkWindow *window)
{
  DramatisWindow *self = DRAMATIS_WINDOW (window);

  if (!self->close_confirmed && dramatis_window_confirm_discard (self, NULL))
    return TRUE;

  save_window_state (self);
  return GTK_WINDOW_CLASS (dramatis_window_parent_class)->close_request (window);
}

/* The split between the diagrams is restored at the first frame that lays
 * them out, whichever page the window opens on: until then they have no
 * height to take a share of.
 */
static gboolean
restore_panes_tick (GtkWidget     *widget,
                    GdkFrameClock *frame_clock,
                    gpointer       user_data)
{
  DramatisWindow *self = user_data;
  int views_height = gtk_widget_get_height (GTK_WIDGET (self->views_paned));

  if (views_height <= 0)
    return G_SOURCE_CONTINUE;

  gtk_paned_set_position (self->views_paned, views_height * g_settings_get_double (self->settings, "split-position"));

  return G_SOURCE_REMOVE;
}

static void
dramatis_window_dispose (GObject *object)
{
  DramatisWindow *self = DRAMATIS_WINDOW (object);

  g_cancellable_cancel (self->open_cancellable);
  g_clear_object (&self->open_cancellable);
  g_clear_handle_id (&self->recovery_timeout_id, g_source_remove);
  g_clear_weak_pointer (&self->source_editor);
  if (self->switcher_tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->switcher_tick_id);
      self->switcher_tick_id = 0;
    }

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
  g_clear_pointer (&self->recovery_id, g_free);
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
  g_type_ensure (DRAMATIS_TYPE_PANE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/dramatis-window.ui");
  gtk_widget_class_bind_template_child (widget_class, DramatisWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, DramatisWindow, sidebar_button);
  gtk_widget_class_bind_template_child (widget_class, DramatisWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, DramatisWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, DramatisWindow, loading_progress);
  gtk_widget_class_bind_template_child (widget_class, DramatisWindow, loading_page);
  gtk_widget_class_bind_template_child (widget_class, DramatisWindow, empty_story_page);
  gtk_widget_class_bind_template_child (widget_class, DramatisWindow, sidebar_flap);
  gtk_widget_class_bind_template_child (widget_class, DramatisWindow, details_flap);
  gtk_widget_class_bind_template_child (widget_class, DramatisWindow, sidebar_pane);
  gtk_widget_class_bind_template_child (widget_class, DramatisWindow, details_pane);
  gtk_widget_class_bind_template_child (widget_class, DramatisWindow, details_button);
  gtk_widget_class_bind_template_child (widget_class, DramatisWindow, switcher_squeezer);
  gtk_widget_class_bind_template_child (widget_class, DramatisWindow, narrow_title);
  /* For the tests, which look for them. */
  gtk_widget_class_bind_template_child_full (widget_class, "view_switcher", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "bottom_switcher", FALSE, 0);
  gtk_widget_class_bind_template_child (widget_class, DramatisWindow, switcher_bar);
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
  gtk_widget_class_bind_template_child (widget_class, DramatisWindow, undo_menu);

  gtk_widget_class_install_action (widget_class, "win.new", NULL, dramatis_window_new_action);
  gtk_widget_class_install_action (widget_class, "win.open", NULL, dramatis_window_open_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", dramatis_window_open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.open-builtin", NULL, dramatis_window_open_builtin_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-open", NULL, dramatis_window_cancel_open_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, dramatis_window_save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, dramatis_window_save_as_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.open-uri", "s", open_uri_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-sidebar", NULL, toggle_sidebar_action);
  gtk_widget_class_install_action (widget_class, "win.close", NULL, close_action);
  gtk_widget_class_install_action (widget_class, "win.select-none", NULL, select_none_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-fit", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.relayout", NULL, relayout_action);
  gtk_widget_class_install_action (widget_class, "win.unpin-all", NULL, unpin_all_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.select-none", NULL);

  dramatis_window_edit_class_init (widget_class);
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
  self->search_filter = gtk_custom_filter_new (dramatis_window_search_filter_func, self, NULL);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  /* The view switch is a window action backed by the setting. */
  {
    g_autoptr(GAction) action = g_settings_create_action (self->settings, "view-mode");
    g_autoptr(GAction) legend = g_settings_create_action (self->settings, "show-legend");
    g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();

    g_action_map_add_action (G_ACTION_MAP (group), action);
    g_action_map_add_action (G_ACTION_MAP (group), legend);
    gtk_widget_insert_action_group (GTK_WIDGET (self), "settings", G_ACTION_GROUP (group));
  }
  g_signal_connect_object (self->settings, "changed::view-mode", G_CALLBACK (view_mode_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::recent-files", G_CALLBACK (dramatis_window_update_recent_menu),
                           self, G_CONNECT_SWAPPED);
  apply_view_mode (self);
  dramatis_window_update_recent_menu (self);

  /* The panes, as wide as the user left them, and their handles. */
  dramatis_pane_set_width (self->sidebar_pane, g_settings_get_int (self->settings, "sidebar-width"));
  dramatis_pane_set_width (self->details_pane, g_settings_get_int (self->settings, "details-width"));
  dramatis_pane_add_handle (self->sidebar_pane, self->sidebar_flap, _("Sidebar Width"));
  dramatis_pane_add_handle (self->details_pane, self->details_flap, _("Details Width"));
  adw_flap_set_reveal_flap (self->details_flap, g_settings_get_boolean (self->settings, "show-details"));

  g_object_bind_property (self->sidebar_flap, "reveal-flap", self->sidebar_button, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->details_flap, "reveal-flap", self->details_button, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->sidebar_flap, "notify::folded", G_CALLBACK (sidebar_folded_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->details_flap, "notify::folded", G_CALLBACK (details_folded_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->details_flap, "notify::reveal-flap", G_CALLBACK (details_revealed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->switcher_squeezer, "notify::visible-child", G_CALLBACK (switcher_squeezed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->main_stack, "notify::visible-child-name", G_CALLBACK (switcher_squeezed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sidebar_flap, "notify::reveal-flap", G_CALLBACK (sidebar_revealed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sidebar_flap, "notify::reveal-progress", G_CALLBACK (sidebar_revealed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->timeline_canvas, "item-activated", G_CALLBACK (item_activated_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->network_canvas, "item-activated", G_CALLBACK (item_activated_cb), self,
                           G_CONNECT_SWAPPED);
  for (GtkListView **list = (GtkListView *[]) { self->actor_list, self->event_list, self->result_list, NULL };
       *list != NULL; list++)
    g_signal_connect_object (*list, "activate", G_CALLBACK (item_activated_cb), self, G_CONNECT_SWAPPED);

  /* Which of the keyboard and the pointer picked the selection: the window
   * sees both before any widget in it.
   */
  {
    GtkEventController *keys = gtk_event_controller_key_new ();
    GtkGesture *click = gtk_gesture_click_new ();

    gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
    g_signal_connect_object (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self, G_CONNECT_SWAPPED);
    gtk_widget_add_controller (GTK_WIDGET (self), keys);

    gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
    gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
    g_signal_connect_object (click, "pressed", G_CALLBACK (pointer_pressed_cb), self, G_CONNECT_SWAPPED);
    gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  }
  g_object_bind_property (self->window_title, "title", self->narrow_title, "title", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->window_title, "subtitle", self->narrow_title, "subtitle", G_BINDING_SYNC_CREATE);

  /* Both diagrams show their legend, or neither. */
  g_signal_connect_object (self->settings, "changed::show-legend", G_CALLBACK (show_legend_changed_cb),
                           self, G_CONNECT_SWAPPED);
  show_legend_changed_cb (self);

  g_signal_connect_object (style_manager, "notify::dark", G_CALLBACK (style_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (style_manager, "notify::high-contrast", G_CALLBACK (style_changed_cb), self,
                           G_CONNECT_SWAPPED);
  style_changed_cb (self, NULL, style_manager);

  g_signal_connect_object (self->timeline_canvas, "item-selected", G_CALLBACK (canvas_item_selected_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->network_canvas, "item-selected", G_CALLBACK (canvas_item_selected_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->details, "item-selected", G_CALLBACK (details_item_selected_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "search-changed", G_CALLBACK (dramatis_window_search_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "stop-search", G_CALLBACK (dramatis_window_stop_search_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->sidebar));

  gtk_widget_add_tick_callback (GTK_WIDGET (self->views_paned), restore_panes_tick, self, NULL);

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_object (drop, "drop", G_CALLBACK (drop_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  for (const char *const *action = (const char *const[]) { "win.save", "win.save-as", "win.export",
                                                           "win.relayout", "win.unpin-all",
                                                           "win.select-none", NULL };
       *action != NULL; action++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), *action, FALSE);

  dramatis_window_edit_init (self);

  gtk_stack_set_visible_child_name (self->main_stack, "empty");
}

DramatisWindow *
dramatis_window_new (DramatisApplication *application)
{
  return g_object_new (DRAMATIS_TYPE_WINDOW, "application", application, NULL);
}
