/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "dramatis-window"

#include "config.h"

#include <glib/gi18n.h>

#include "dramatis-editor.h"
#include "dramatis-source-editor.h"
#include "dramatis-source-window.h"
#include "dramatis-story-edit.h"
#include "dramatis-window-private.h"

/* Editing in the window: undo and redo, deleting and pinning what is
 * selected, the menus of the diagrams and the sidebar, and every view
 * following the story's edits.
 *
 * The story tells what each edit changed (#DramatisStory::items-changed),
 * then that the edit is done (#DramatisStory::edited).  The window keeps
 * its selection on the same item as indexes shift, and updates its views
 * once per edit.
 */

/* Items after an added or removed one move by one. */
static void
shift_item (DramatisItem       *item,
            DramatisItemKind    kind,
            DramatisItemChange  change,
            guint               index)
{
  if (item->kind != kind || item->kind == DRAMATIS_ITEM_NONE)
    return;

  if (change == DRAMATIS_ITEM_REMOVED)
    {
      if (item->index == index)
        *item = DRAMATIS_ITEM_INIT_NONE;
      else if (item->index > index)
        item->index--;
    }
  else if (change == DRAMATIS_ITEM_ADDED && item->index >= index)
    item->index++;
}

static void
items_changed_cb (DramatisWindow *self,
                  guint           kind,
                  guint           change,
                  guint           index,
                  DramatisStory  *story)
{
  g_assert (story == self->story);

  shift_item (&self->selection.selected, kind, change, index);
  self->selection.hovered = DRAMATIS_ITEM_INIT_NONE;
  shift_item (&self->edit_added, kind, change, index);

  /* The first item an edit adds is what it made, as its other items
   * belong to it: an undone Delete Actor brings the actor back first.
   */
  if (change == DRAMATIS_ITEM_ADDED && self->edit_added.kind == DRAMATIS_ITEM_NONE &&
      kind >= DRAMATIS_ITEM_ACTOR && kind <= DRAMATIS_ITEM_STATEMENT)
    self->edit_added = (DramatisItem) { kind, index };
  if (change == DRAMATIS_ITEM_ADDED && kind == DRAMATIS_ITEM_SOURCE)
    self->edit_added_source = index;
  self->edit_kinds |= 1u << kind;
}

/* Whatever shows the story catches up with an edit, once it is done. */
static void
story_edited_cb (DramatisWindow *self,
                 DramatisStory  *story)
{
  DramatisItem select = self->selection.selected;
  guint kinds = self->edit_kinds;
  gboolean has_content;

  g_assert (story == self->story);

  if (self->edit_added.kind != DRAMATIS_ITEM_NONE)
    select = self->edit_added;
  self->edit_added = DRAMATIS_ITEM_INIT_NONE;
  self->edit_kinds = 0;

  /* A source the user just added opens, to be quoted from. */
  if (self->source_editor != NULL && self->edit_added_source != DRAMATIS_NO_INDEX)
    {
      const DramatisSource *source = dramatis_story_get_source (story, self->edit_added_source);
      DramatisEvidence whole = { self->edit_added_source, source->id, 0, 0, NULL };

      dramatis_source_window_show (GTK_WINDOW (self), story, &whole);
    }
  self->edit_added_source = DRAMATIS_NO_INDEX;

  dramatis_window_update_views (self);

  dramatis_window_reload_lists (self, kinds);
  dramatis_details_reload (self->details, select.kind, select.index);
  dramatis_window_select (self, select);

  dramatis_window_show_story_page (self);
  dramatis_window_update_title (self);

  has_content = !dramatis_window_story_is_empty (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save", has_content);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-as", has_content);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", has_content);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.relayout", has_content);
}

/**
 * dramatis_window_update_views:
 * @self: a window
 *
 * Brings the diagrams up to date with the story after an edit: the scene
 * does what the edit asks, no more, and the canvases draw again, keeping
 * their views.
 */
void
dramatis_window_update_views (DramatisWindow *self)
{
  guint changed = dramatis_scene_update (self->scene);

  if (changed & DRAMATIS_SCENE_TIMELINE)
    dramatis_timeline_canvas_scene_changed (self->timeline_canvas);
  if (changed & DRAMATIS_SCENE_NETWORK)
    dramatis_network_canvas_scene_changed (self->network_canvas);
}

/* Undo and redo */

static void
append_menu_item (GMenu      *menu,
                  const char *label,
                  const char *action)
{
  g_autoptr(GMenuItem) item = g_menu_item_new (label, action);

  g_menu_append_item (menu, item);
}

/**
 * dramatis_window_update_edit_actions:
 * @self: a window
 *
 * Names the edits that Undo and Redo would take back or do again, and
 * enables what can be done to the story and its selection.
 */
void
dramatis_window_update_edit_actions (DramatisWindow *self)
{
  DramatisHistory *history = self->story ? dramatis_story_get_history (self->story) : NULL;
  gboolean editable = self->story != NULL && self->n_saves == 0;
  gboolean can_undo = editable && history != NULL && dramatis_history_can_undo (history);
  gboolean can_redo = editable && history != NULL && dramatis_history_can_redo (history);
  DramatisItemKind selected = self->selection.selected.kind;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", can_undo);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo", can_redo);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete-selection", editable && selected != DRAMATIS_ITEM_NONE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.edit-selection", editable && selected != DRAMATIS_ITEM_NONE);
  for (const char *const *action = (const char *const[]) { "win.add-actor", "win.add-event", "win.add-relation",
                                                           "win.add-statement", "win.add-source", NULL };
       *action != NULL; action++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), *action, editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.pin-selection", editable && selected == DRAMATIS_ITEM_ACTOR);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.unpin-all",
                                 editable && !dramatis_window_story_is_empty (self));

  g_menu_remove_all (self->undo_menu);
  if (can_undo)
    {
      /* Translators: %s names an edit, as in "Delete Actor" */
      g_autofree char *label = g_strdup_printf (_("_Undo %s"), dramatis_history_get_undo_name (history));

      append_menu_item (self->undo_menu, label, "win.undo");
    }
  else
    append_menu_item (self->undo_menu, _("_Undo"), "win.undo");
  if (can_redo)
    {
      /* Translators: %s names an edit, as in "Delete Actor" */
      g_autofree char *label = g_strdup_printf (_("_Redo %s"), dramatis_history_get_redo_name (history));

      append_menu_item (self->undo_menu, label, "win.redo");
    }
  else
    append_menu_item (self->undo_menu, _("_Redo"), "win.redo");
}

/**
 * dramatis_window_sync_modified:
 * @self: a window
 *
 * Marks the story changed when it differs from what was last saved: its
 * history says so, or it came back from a recovery copy.  Undoing back to
 * the saved story makes it clean again.
 */
void
dramatis_window_sync_modified (DramatisWindow *self)
{
  DramatisHistory *history = self->story ? dramatis_story_get_history (self->story) : NULL;
  gboolean modified = self->restored || (history != NULL && dramatis_history_is_modified (history));

  /* Each edit puts the recovery copy off again, not only the first. */
  dramatis_window_set_modified (self, modified);
}

static void
history_changed_cb (DramatisWindow  *self,
                    DramatisHistory *history)
{
  dramatis_window_update_edit_actions (self);
  dramatis_window_sync_modified (self);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  DramatisWindow *self = DRAMATIS_WINDOW (widget);

  if (self->story == NULL || self->n_saves > 0)
    return;

  if (g_str_has_suffix (action_name, "undo"))
    dramatis_story_undo (self->story);
  else
    dramatis_story_redo (self->story);
}

/**
 * dramatis_window_connect_story:
 * @self: a window
 * @old_story: (nullable): the story the window stops showing
 *
 * Follows the edits of the window's story instead of those of @old_story.
 */
void
dramatis_window_connect_story (DramatisWindow *self,
                               DramatisStory  *old_story)
{
  if (old_story != NULL)
    {
      g_signal_handlers_disconnect_by_data (old_story, self);
      g_signal_handlers_disconnect_by_data (dramatis_story_get_history (old_story), self);
    }

  self->edit_added = DRAMATIS_ITEM_INIT_NONE;
  self->edit_added_source = DRAMATIS_NO_INDEX;
  self->edit_kinds = 0;
  self->restored = FALSE;

  if (self->story != NULL)
    {
      g_signal_connect_object (self->story, "items-changed", G_CALLBACK (items_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (self->story, "edited", G_CALLBACK (story_edited_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (dramatis_story_get_history (self->story), "changed",
                               G_CALLBACK (history_changed_cb), self, G_CONNECT_SWAPPED);
    }

  dramatis_window_update_edit_actions (self);
}

/* Deleting and pinning */

static char *
dup_item_label (DramatisWindow *self,
                DramatisItem    item)
{
  switch (item.kind)
    {
    case DRAMATIS_ITEM_ACTOR:
      return g_strdup (dramatis_actor_get_label (dramatis_story_get_actor (self->story, item.index)));
    case DRAMATIS_ITEM_EVENT:
      return g_strdup (dramatis_event_get_label (dramatis_story_get_event (self->story, item.index)));
    case DRAMATIS_ITEM_RELATION:
      {
        const DramatisRelation *relation = dramatis_story_get_relation (self->story, item.index);

        return g_strdup (relation->label ? relation->label : relation->type);
      }
    case DRAMATIS_ITEM_STATEMENT:
      return g_strdup (dramatis_story_get_statement (self->story, item.index)->text);
    case DRAMATIS_ITEM_NONE:
    case DRAMATIS_ITEM_SOURCE:
    case DRAMATIS_ITEM_STORY:
    default:
      return NULL;
    }
}

static char *
shorten (const char *text,
         glong       max_chars)
{
  g_autofree char *line = g_strdup (text);

  g_strdelimit (line, "\n\r\t", ' ');
  if (g_utf8_strlen (line, -1) <= max_chars)
    return g_steal_pointer (&line);

  return g_strconcat (g_strstrip (g_utf8_substring (line, 0, max_chars - 1)), "…", NULL);
}

static void
delete_selection_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  DramatisWindow *self = DRAMATIS_WINDOW (widget);
  DramatisItem item = self->selection.selected;
  g_autofree char *label = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (self->story == NULL || self->n_saves > 0 || item.kind == DRAMATIS_ITEM_NONE)
    return;

  label = dup_item_label (self, item);
  switch (item.kind)
    {
    case DRAMATIS_ITEM_ACTOR:
      dramatis_story_remove_actor (self->story, item.index);
      break;
    case DRAMATIS_ITEM_EVENT:
      dramatis_story_remove_event (self->story, item.index);
      break;
    case DRAMATIS_ITEM_RELATION:
      dramatis_story_remove_relation (self->story, item.index);
      break;
    case DRAMATIS_ITEM_STATEMENT:
      dramatis_story_remove_statement (self->story, item.index);
      break;
    case DRAMATIS_ITEM_NONE:
    case DRAMATIS_ITEM_SOURCE:
    case DRAMATIS_ITEM_STORY:
    default:
      return;
    }

  /* A toast's title is one short line of Pango markup. */
  shown = shorten (label ? label : "", 40);
  escaped = g_markup_escape_text (shown, -1);
  /* Translators: a toast after a delete; %s names what was deleted */
  title = g_strdup_printf (_("“%s” deleted"), escaped);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
pin_selection_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  DramatisWindow *self = DRAMATIS_WINDOW (widget);
  DramatisItem item = self->selection.selected;
  const DramatisActor *actor;

  if (self->story == NULL || self->n_saves > 0 || item.kind != DRAMATIS_ITEM_ACTOR)
    return;

  actor = dramatis_story_get_actor (self->story, item.index);
  if (actor->pinned)
    {
      dramatis_story_pin_actor (self->story, item.index, FALSE);
      return;
    }

  /* An actor is pinned where it is shown. */
  dramatis_story_begin_edit (self->story, _("Pin Actor"));
  if (!actor->has_position)
    {
      guint n_positions;
      const double *positions = dramatis_network_get_positions (dramatis_scene_get_network (self->scene),
                                                                &n_positions);

      if (item.index < n_positions)
        dramatis_story_move_actor (self->story, item.index, positions[2 * item.index],
                                   positions[2 * item.index + 1]);
    }
  dramatis_story_pin_actor (self->story, item.index, TRUE);
  dramatis_story_end_edit (self->story);
}

/* Adding and editing, in the editors' dialogs */

/* The actor a new relation or statement starts from: the one selected, or
 * the speaker of the statement selected.
 */
static guint
selected_actor (DramatisWindow *self)
{
  DramatisItem item = self->selection.selected;

  if (item.kind == DRAMATIS_ITEM_ACTOR)
    return item.index;
  if (item.kind == DRAMATIS_ITEM_STATEMENT)
    return dramatis_story_get_statement (self->story, item.index)->speaker;

  return DRAMATIS_NO_INDEX;
}

static gboolean
can_edit (DramatisWindow *self)
{
  return self->story != NULL && self->n_saves == 0;
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  DramatisWindow *self = DRAMATIS_WINDOW (widget);

  if (!can_edit (self))
    return;

  if (g_str_equal (action_name, "win.add-actor"))
    dramatis_editor_edit_actor (GTK_WINDOW (self), self->story, DRAMATIS_NO_INDEX);
  else if (g_str_equal (action_name, "win.add-event"))
    dramatis_editor_edit_event (GTK_WINDOW (self), self->story, DRAMATIS_NO_INDEX, NULL);
  else if (g_str_equal (action_name, "win.add-relation"))
    dramatis_editor_edit_relation (GTK_WINDOW (self), self->story, DRAMATIS_NO_INDEX,
                                   selected_actor (self), DRAMATIS_NO_INDEX, NULL);
  else if (g_str_equal (action_name, "win.add-statement"))
    dramatis_editor_edit_statement (GTK_WINDOW (self), self->story, DRAMATIS_NO_INDEX,
                                    selected_actor (self), NULL);
  else if (g_str_equal (action_name, "win.add-source"))
    {
      /* The source opens once added, to be quoted from. */
      GtkWindow *editor = dramatis_source_editor_open (GTK_WINDOW (self), self->story, DRAMATIS_NO_INDEX);

      g_set_weak_pointer (&self->source_editor, editor);
    }
}

static void
edit_selection_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  DramatisWindow *self = DRAMATIS_WINDOW (widget);
  DramatisItem item = self->selection.selected;

  if (!can_edit (self))
    return;

  switch (item.kind)
    {
    case DRAMATIS_ITEM_ACTOR:
      dramatis_editor_edit_actor (GTK_WINDOW (self), self->story, item.index);
      break;
    case DRAMATIS_ITEM_EVENT:
      dramatis_editor_edit_event (GTK_WINDOW (self), self->story, item.index, NULL);
      break;
    case DRAMATIS_ITEM_RELATION:
      dramatis_editor_edit_relation (GTK_WINDOW (self), self->story, item.index, DRAMATIS_NO_INDEX,
                                     DRAMATIS_NO_INDEX, NULL);
      break;
    case DRAMATIS_ITEM_STATEMENT:
      dramatis_editor_edit_statement (GTK_WINDOW (self), self->story, item.index, DRAMATIS_NO_INDEX, NULL);
      break;
    case DRAMATIS_ITEM_NONE:
    case DRAMATIS_ITEM_SOURCE:
    case DRAMATIS_ITEM_STORY:
    default:
      break;
    }
}

/* A relation drawn from one actor to another in the network gets its type
 * and the rest in the relation's dialog.
 */
static void
relation_drawn_cb (DramatisWindow *self,
                   guint           from,
                   guint           to)
{
  if (can_edit (self))
    dramatis_editor_edit_relation (GTK_WINDOW (self), self->story, DRAMATIS_NO_INDEX, from, to, NULL);
}

/* A passage chosen in a source window becomes a quote, or the evidence of
 * a new event or relation; its text is the source's own.
 */
static void
add_evidence_cb (DramatisWindow *self,
                 guint           kind,
                 guint           source,
                 guint           start,
                 guint           end,
                 GtkWindow      *source_window)
{
  g_autofree char *exact = NULL;
  DramatisEvidence evidence;

  if (gtk_window_get_transient_for (source_window) != GTK_WINDOW (self) ||
      !can_edit (self) || source >= dramatis_story_get_n_sources (self->story))
    return;

  evidence = (DramatisEvidence) { source, dramatis_story_get_source (self->story, source)->id, start, end, NULL };
  exact = dramatis_story_dup_evidence_text (self->story, &evidence);
  evidence.exact = exact;

  switch (kind)
    {
    case DRAMATIS_ITEM_STATEMENT:
      dramatis_editor_edit_statement (GTK_WINDOW (self), self->story, DRAMATIS_NO_INDEX, DRAMATIS_NO_INDEX,
                                      &evidence);
      break;
    case DRAMATIS_ITEM_EVENT:
      dramatis_editor_edit_event (GTK_WINDOW (self), self->story, DRAMATIS_NO_INDEX, &evidence);
      break;
    case DRAMATIS_ITEM_RELATION:
      dramatis_editor_edit_relation (GTK_WINDOW (self), self->story, DRAMATIS_NO_INDEX, DRAMATIS_NO_INDEX,
                                     DRAMATIS_NO_INDEX, &evidence);
      break;
    case DRAMATIS_ITEM_NONE:
    case DRAMATIS_ITEM_ACTOR:
    case DRAMATIS_ITEM_SOURCE:
    case DRAMATIS_ITEM_STORY:
    default:
      break;
    }
}

/* The source windows of this window, wherever they were opened from, send
 * their passages here.  A window is listed before it knows its parent:
 * the passage's handler checks it.
 */
static void
toplevels_changed_cb (DramatisWindow *self,
                      guint           position,
                      guint           removed,
                      guint           added,
                      GListModel     *toplevels)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (DRAMATIS_IS_SOURCE_WINDOW (window))
        g_signal_connect_object (window, "add-evidence", G_CALLBACK (add_evidence_cb), self, G_CONNECT_SWAPPED);
    }
}

/* Menus */

static GMenuModel *
build_item_menu (DramatisWindow *self)
{
  DramatisItem item = self->selection.selected;
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) edit = g_menu_new ();
  g_autoptr(GMenu) remove = g_menu_new ();

  switch (item.kind)
    {
    case DRAMATIS_ITEM_ACTOR:
      {
        const DramatisActor *actor = dramatis_story_get_actor (self->story, item.index);

        g_menu_append (edit, _("_Edit Actor…"), "win.edit-selection");
        g_menu_append (edit, _("Add _Statement…"), "win.add-statement");
        g_menu_append (edit, _("Add _Relation…"), "win.add-relation");
        g_menu_append (edit, actor->pinned ? _("_Unpin") : _("_Pin in Place"), "win.pin-selection");
        g_menu_append (remove, _("_Delete Actor"), "win.delete-selection");
      }
      break;
    case DRAMATIS_ITEM_EVENT:
      g_menu_append (edit, _("_Edit Event…"), "win.edit-selection");
      g_menu_append (remove, _("_Delete Event"), "win.delete-selection");
      break;
    case DRAMATIS_ITEM_RELATION:
      g_menu_append (edit, _("_Edit Relation…"), "win.edit-selection");
      g_menu_append (remove, _("_Delete Relation"), "win.delete-selection");
      break;
    case DRAMATIS_ITEM_STATEMENT:
      g_menu_append (edit, _("_Edit Statement…"), "win.edit-selection");
      g_menu_append (remove, _("_Delete Statement"), "win.delete-selection");
      break;
    case DRAMATIS_ITEM_NONE:
    case DRAMATIS_ITEM_SOURCE:
    case DRAMATIS_ITEM_STORY:
    default:
      g_menu_append (edit, _("Add _Actor…"), "win.add-actor");
      g_menu_append (edit, _("Add _Event…"), "win.add-event");
      g_menu_append (edit, _("Add _Relation…"), "win.add-relation");
      g_menu_append (edit, _("Add S_ource…"), "win.add-source");
      g_menu_append (remove, _("Re-run _Layout"), "win.relayout");
      break;
    }

  g_menu_append_section (menu, NULL, G_MENU_MODEL (edit));
  if (g_menu_model_get_n_items (G_MENU_MODEL (remove)) > 0)
    g_menu_append_section (menu, NULL, G_MENU_MODEL (remove));

  return G_MENU_MODEL (g_steal_pointer (&menu));
}

static gboolean
unparent_popover_cb (gpointer data)
{
  GtkWidget *popover = data;

  if (gtk_widget_get_parent (popover) != NULL)
    gtk_widget_unparent (popover);

  return G_SOURCE_REMOVE;
}

/* A menu closes before it activates the item chosen, which it finds
 * through its parent: it leaves its parent afterwards.
 */
static void
context_menu_closed_cb (GtkPopover *popover)
{
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, unparent_popover_cb, g_object_ref (popover), g_object_unref);
}

/**
 * dramatis_window_show_context_menu:
 * @self: a window
 * @widget: the widget the menu points to
 * @x: where in @widget, or -1 for its middle
 * @y: where in @widget, or -1 for its middle
 *
 * Shows the menu of what is selected, or of the story when nothing is.
 */
void
dramatis_window_show_context_menu (DramatisWindow *self,
                                   GtkWidget      *widget,
                                   double          x,
                                   double          y)
{
  g_autoptr(GMenuModel) model = NULL;
  GtkWidget *popover;

  if (self->story == NULL)
    return;

  if (x < 0 || y < 0)
    {
      x = gtk_widget_get_width (widget) / 2.0;
      y = gtk_widget_get_height (widget) / 2.0;
    }

  model = build_item_menu (self);
  popover = gtk_popover_menu_new_from_model (model);
  gtk_widget_set_parent (popover, widget);
  gtk_popover_set_has_arrow (GTK_POPOVER (popover), FALSE);
  gtk_widget_set_halign (popover, GTK_ALIGN_START);
  gtk_popover_set_pointing_to (GTK_POPOVER (popover), &(GdkRectangle) { (int) x, (int) y, 1, 1 });
  g_signal_connect (popover, "closed", G_CALLBACK (context_menu_closed_cb), NULL);
  gtk_popover_popup (GTK_POPOVER (popover));
}

/* The keyboard asks for a menu by the selection when the pointer is not
 * there to point at it.
 */
static void
canvas_context_menu_cb (DramatisWindow *self,
                        double          x,
                        double          y,
                        DramatisCanvas *canvas)
{
  if (x < 0 && self->selection.selected.kind == DRAMATIS_ITEM_ACTOR &&
      DRAMATIS_IS_NETWORK_CANVAS (canvas))
    {
      double fx, fy;

      if (dramatis_network_canvas_get_actor_point (DRAMATIS_NETWORK_CANVAS (canvas),
                                                   self->selection.selected.index, &fx, &fy))
        x = fx, y = fy;
    }
  else if (x < 0 && DRAMATIS_IS_TIMELINE_CANVAS (canvas))
    {
      graphene_rect_t area;

      if (dramatis_timeline_canvas_get_item_area (DRAMATIS_TIMELINE_CANVAS (canvas), &self->selection.selected,
                                                  &area))
        x = area.origin.x + area.size.width / 2, y = area.origin.y + area.size.height;
    }

  dramatis_window_show_context_menu (self, GTK_WIDGET (canvas), x, y);
}

static gboolean
menu_key_cb (GtkWidget *widget,
             GVariant  *args,
             gpointer   user_data)
{
  DramatisWindow *self = DRAMATIS_WINDOW (widget);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  if (focus == NULL || self->story == NULL)
    return FALSE;

  dramatis_window_show_context_menu (self, focus, -1, -1);
  return TRUE;
}

void
dramatis_window_edit_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.delete-selection", NULL, delete_selection_action);
  gtk_widget_class_install_action (widget_class, "win.pin-selection", NULL, pin_selection_action);
  gtk_widget_class_install_action (widget_class, "win.edit-selection", NULL, edit_selection_action);
  for (const char *const *action = (const char *const[]) { "win.add-actor", "win.add-event", "win.add-relation",
                                                           "win.add-statement", "win.add-source", NULL };
       *action != NULL; action++)
    gtk_widget_class_install_action (widget_class, *action, NULL, add_action);

  /* A text field takes Delete for itself first: these bubble up from the
   * diagrams and the lists.
   */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "win.delete-selection", NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, menu_key_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Menu, 0, menu_key_cb, NULL);
}

static gboolean
list_menu_key_cb (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   user_data)
{
  return menu_key_cb (gtk_widget_get_ancestor (widget, DRAMATIS_TYPE_WINDOW), args, user_data);
}

void
dramatis_window_edit_init (DramatisWindow *self)
{
  self->edit_added = DRAMATIS_ITEM_INIT_NONE;
  self->edit_added_source = DRAMATIS_NO_INDEX;

  /* The search entry takes the keys typed in the sidebar, Delete among
   * them: the lists see theirs first.
   */
  for (GtkListView **list = (GtkListView *[]) { self->actor_list, self->event_list, self->result_list, NULL };
       *list != NULL; list++)
    {
      GtkEventController *shortcuts = gtk_shortcut_controller_new ();

      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                            gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Delete, 0),
                                                              gtk_named_action_new ("win.delete-selection")));
      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                            gtk_shortcut_new (gtk_alternative_trigger_new (gtk_keyval_trigger_new (GDK_KEY_F10, GDK_SHIFT_MASK),
                                                                                           gtk_keyval_trigger_new (GDK_KEY_Menu, 0)),
                                                              gtk_callback_action_new (list_menu_key_cb, NULL, NULL)));
      gtk_widget_add_controller (GTK_WIDGET (*list), shortcuts);
    }

  g_signal_connect_object (self->timeline_canvas, "context-menu", G_CALLBACK (canvas_context_menu_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->network_canvas, "context-menu", G_CALLBACK (canvas_context_menu_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->network_canvas, "relation-drawn", G_CALLBACK (relation_drawn_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_window_get_toplevels (), "items-changed", G_CALLBACK (toplevels_changed_cb), self,
                           G_CONNECT_SWAPPED);
  dramatis_window_update_edit_actions (self);
}
