/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "dramatis-details.h"
#include "dramatis-network-canvas.h"
#include "dramatis-pane.h"
#include "dramatis-scene.h"
#include "dramatis-timeline-canvas.h"
#include "dramatis-window.h"

G_BEGIN_DECLS

/* What the files of the main window share: the window's state, and the
 * functions each file offers the others.  Not installed, and included by
 * the window's own files only.
 */

typedef enum
{
  INPUT_NONE,
  INPUT_POINTER,
  INPUT_KEYBOARD,
} DramatisInput;

struct _DramatisWindow
{
  AdwApplicationWindow    parent_instance;

  /* Template widgets */
  AdwWindowTitle         *window_title;
  GtkToggleButton        *sidebar_button;
  GtkToggleButton        *details_button;
  AdwSqueezer            *switcher_squeezer;
  AdwWindowTitle         *narrow_title;
  GtkActionBar           *switcher_bar;
  AdwToastOverlay        *toast_overlay;
  GtkStack               *main_stack;
  GtkProgressBar         *loading_progress;
  AdwStatusPage          *loading_page;
  AdwStatusPage          *empty_story_page;
  AdwFlap                *sidebar_flap;
  AdwFlap                *details_flap;
  DramatisPane           *sidebar_pane;
  DramatisPane           *details_pane;
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
  gboolean                new_story;    /* made with New Story, never saved */
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
  guint                   n_saves;      /* saves running: the story must not change */
  gboolean                details_folded;
  DramatisInput           last_input;   /* what the user touched last */
  guint                   switcher_tick_id;

  /* The story came back from a recovery copy, and differs from its file
   * although its history is clean.
   */
  gboolean                restored;
  /* What the edit being told so far added first, and the kinds of items
   * it changed, as bits.
   */
  DramatisItem            edit_added;
  guint                   edit_added_source;
  guint                   edit_kinds;
  GtkWindow              *source_editor;  /* a new source's, while it is open */
  GMenu                  *undo_menu;

  char                   *recovery_id;  /* names the window's recovery copy */
  guint                   recovery_timeout_id;
};

/* dramatis-window.c */
void     dramatis_window_show_error          (DramatisWindow     *self,
                                              const char         *heading,
                                              const char         *message);
void     dramatis_window_show_toast          (DramatisWindow     *self,
                                              const char         *title);
void     dramatis_window_update_title        (DramatisWindow     *self);
void     dramatis_window_set_modified        (DramatisWindow     *self,
                                              gboolean            modified);
void     dramatis_window_set_story           (DramatisWindow     *self,
                                              DramatisStory      *story,
                                              GFile              *file);
void     dramatis_window_show_story_page     (DramatisWindow     *self);
gboolean dramatis_window_story_is_empty      (DramatisWindow     *self);

/* dramatis-window-sidebar.c */
void     dramatis_window_sync_list_selection (DramatisWindow     *self,
                                              GtkSingleSelection *selection);
gboolean dramatis_window_search_filter_func  (gpointer            item,
                                              gpointer            user_data);
void     dramatis_window_search_changed_cb   (DramatisWindow     *self,
                                              GtkSearchEntry     *entry);
void     dramatis_window_stop_search_cb      (DramatisWindow     *self,
                                              GtkSearchEntry     *entry);
void     dramatis_window_set_lists           (DramatisWindow     *self);
void     dramatis_window_reload_lists        (DramatisWindow     *self,
                                              guint               kinds);

/* dramatis-window-files.c */
void     dramatis_window_update_recent_menu  (DramatisWindow     *self);
gboolean dramatis_window_confirm_discard     (DramatisWindow     *self,
                                              GFile              *then_open);
void     dramatis_window_new_action          (GtkWidget          *widget,
                                              const char         *action_name,
                                              GVariant           *parameter);
void     dramatis_window_open_action         (GtkWidget          *widget,
                                              const char         *action_name,
                                              GVariant           *parameter);
void     dramatis_window_open_recent_action  (GtkWidget          *widget,
                                              const char         *action_name,
                                              GVariant           *parameter);
void     dramatis_window_open_builtin_action (GtkWidget          *widget,
                                              const char         *action_name,
                                              GVariant           *parameter);
void     dramatis_window_cancel_open_action  (GtkWidget          *widget,
                                              const char         *action_name,
                                              GVariant           *parameter);
void     dramatis_window_save_action         (GtkWidget          *widget,
                                              const char         *action_name,
                                              GVariant           *parameter);
void     dramatis_window_save_as_action      (GtkWidget          *widget,
                                              const char         *action_name,
                                              GVariant           *parameter);
void     dramatis_window_set_saving          (DramatisWindow     *self,
                                              gboolean            saving);

/* dramatis-window-edit.c */
void     dramatis_window_edit_class_init     (GtkWidgetClass     *widget_class);
void     dramatis_window_edit_init           (DramatisWindow     *self);
void     dramatis_window_connect_story       (DramatisWindow     *self,
                                              DramatisStory      *old_story);
void     dramatis_window_update_edit_actions (DramatisWindow     *self);
void     dramatis_window_sync_modified       (DramatisWindow     *self);
void     dramatis_window_update_views        (DramatisWindow     *self);
void     dramatis_window_show_context_menu   (DramatisWindow     *self,
                                              GtkWidget          *widget,
                                              double              x,
                                              double              y);

/* dramatis-window-recovery.c */
void     dramatis_window_schedule_recovery   (DramatisWindow     *self);
void     dramatis_window_remove_recovery     (DramatisWindow     *self);

G_END_DECLS
