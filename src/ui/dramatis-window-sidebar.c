/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "dramatis-window"

#include "config.h"

#include "dramatis-window-private.h"
#include "dramatis-item-list.h"
#include "dramatis-item-object.h"

/* The sidebar: the lists of actors and events, and the search over actors,
 * events and quotes, kept on the item the window has selected.
 */

/* Keeps the sidebar lists on the selected item without feeding the change
 * back.  The list that was clicked already has it; the others find it by
 * their index rather than by going through all their rows.
 */
void
dramatis_window_sync_list_selection (DramatisWindow     *self,
                                     GtkSingleSelection *selection)
{
  DramatisItemObject *selected = gtk_single_selection_get_selected_item (selection);
  guint position;

  if (selected != NULL)
    {
      DramatisItem item = dramatis_item_object_get_item (selected);

      if (dramatis_item_equal (&item, &self->selection.selected))
        return;
    }

  position = dramatis_item_list_find (gtk_single_selection_get_model (selection), self->selection.selected);
  gtk_single_selection_set_selected (selection, position == G_MAXUINT ? GTK_INVALID_LIST_POSITION : position);
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

/* A row's text in a tooltip, only where the row cuts it short: a tooltip
 * over a row that shows all of it would only hide the next row.
 */
static gboolean
row_query_tooltip_cb (GtkWidget  *box,
                      int         x,
                      int         y,
                      gboolean    keyboard_mode,
                      GtkTooltip *tooltip,
                      gpointer    user_data)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (box); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *label;

      /* The row's menu, while it shows, is a child too. */
      if (!GTK_IS_LABEL (child) || !gtk_widget_get_visible (child))
        continue;
      label = GTK_LABEL (child);
      if (pango_layout_is_ellipsized (gtk_label_get_layout (label)))
        {
          if (text->len > 0)
            g_string_append_c (text, '\n');
          g_string_append (text, gtk_label_get_text (label));
        }
    }

  if (text->len == 0)
    return FALSE;

  gtk_tooltip_set_text (tooltip, text->str);
  return TRUE;
}

/* A secondary click on a row selects its item and opens its menu. */
static void
row_context_pressed_cb (GtkGestureClick *gesture,
                        int              n_press,
                        double           x,
                        double           y,
                        GtkListItem     *list_item)
{
  GtkWidget *box = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  GtkWidget *window = gtk_widget_get_ancestor (box, DRAMATIS_TYPE_WINDOW);
  DramatisItemObject *object = gtk_list_item_get_item (list_item);

  if (window == NULL || object == NULL)
    return;

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  dramatis_window_select (DRAMATIS_WINDOW (window), dramatis_item_object_get_item (object));
  dramatis_window_show_context_menu (DRAMATIS_WINDOW (window), box, x, y);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  GtkWidget *box = dramatis_item_row_new (4);
  GtkGesture *context;

  gtk_widget_set_has_tooltip (box, TRUE);
  g_signal_connect (box, "query-tooltip", G_CALLBACK (row_query_tooltip_cb), NULL);

  context = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (context), GDK_BUTTON_SECONDARY);
  g_signal_connect_object (context, "pressed", G_CALLBACK (row_context_pressed_cb), list_item, 0);
  gtk_widget_add_controller (box, GTK_EVENT_CONTROLLER (context));

  gtk_list_item_set_child (list_item, box);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             gpointer                  user_data)
{
  dramatis_item_row_bind (gtk_list_item_get_child (list_item), gtk_list_item_get_item (list_item));
}

gboolean
dramatis_window_search_filter_func (gpointer item,
                                    gpointer user_data)
{
  DramatisWindow *self = user_data;

  return self->search_query != NULL &&
         dramatis_item_object_matches (DRAMATIS_ITEM_OBJECT (item), self->search_query);
}

/* Without a query, the results match nothing: a filter that says so up
 * front spares going through every item of the story, after every edit.
 */
static void
set_results_filter (DramatisWindow *self)
{
  GtkFilterListModel *results;
  g_autoptr(GtkFilter) filter = NULL;

  if (self->result_selection == NULL)
    return;

  results = GTK_FILTER_LIST_MODEL (gtk_single_selection_get_model (self->result_selection));
  filter = self->search_query != NULL ? g_object_ref (GTK_FILTER (self->search_filter))
                                      : GTK_FILTER (gtk_any_filter_new ());

  if (gtk_filter_list_model_get_filter (results) == filter)
    gtk_filter_changed (filter, GTK_FILTER_CHANGE_DIFFERENT);
  else
    gtk_filter_list_model_set_filter (results, filter);
}

void
dramatis_window_search_changed_cb (DramatisWindow *self,
                                   GtkSearchEntry *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  gboolean searching = text != NULL && *text != '\0';

  g_clear_pointer (&self->search_query, g_free);
  if (searching)
    self->search_query = dramatis_item_fold_query (text);

  set_results_filter (self);

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
void
dramatis_window_stop_search_cb (DramatisWindow *self,
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

void
dramatis_window_set_lists (DramatisWindow *self)
{
  g_autoptr(GListStore) all = NULL;
  g_autoptr(GListModel) statements = NULL;
  GListModel *actors = NULL, *events = NULL;
  GtkFilterListModel *results;

  /* The rows of the old lists name items by index, which an edit may
   * have moved: they go before anything binds them again.
   */
  gtk_list_view_set_model (self->actor_list, NULL);
  gtk_list_view_set_model (self->event_list, NULL);
  gtk_list_view_set_model (self->result_list, NULL);
  g_clear_object (&self->actor_selection);
  g_clear_object (&self->event_selection);
  g_clear_object (&self->result_selection);

  if (self->story == NULL)
    return;

  actors = dramatis_item_list_new (self->story, DRAMATIS_ITEM_ACTOR);
  events = dramatis_item_list_new (self->story, DRAMATIS_ITEM_EVENT);

  /* Search runs over actors, events and quotes alike. */
  all = g_list_store_new (G_TYPE_LIST_MODEL);
  g_list_store_append (all, actors);
  g_list_store_append (all, events);
  statements = dramatis_item_list_new (self->story, DRAMATIS_ITEM_STATEMENT);
  g_list_store_append (all, statements);

  results = gtk_filter_list_model_new (G_LIST_MODEL (gtk_flatten_list_model_new (G_LIST_MODEL (g_steal_pointer (&all)))),
                                       NULL);

  self->actor_selection = make_selection (self, actors, self->actor_list);
  self->event_selection = make_selection (self, events, self->event_list);
  self->result_selection = make_selection (self, G_LIST_MODEL (results), self->result_list);
  set_results_filter (self);
}

/* After an edit, the lists of the kinds of items it changed read the story
 * again.  Only the rows in view are made again, and the lists stay where
 * they were scrolled to.
 */
void
dramatis_window_reload_lists (DramatisWindow *self,
                              guint           kinds)
{
  g_autoptr(GListModel) all = NULL;

  if (self->result_selection == NULL)
    return;

  /* The lists, as dramatis_window_set_lists() put them together. */
  all = g_object_ref (gtk_flatten_list_model_get_model (GTK_FLATTEN_LIST_MODEL (
          gtk_filter_list_model_get_model (GTK_FILTER_LIST_MODEL (
            gtk_single_selection_get_model (self->result_selection))))));

  /* The lists' selections change as their rows go: the window's own
   * selection is put back on them below.
   */
  self->syncing_lists = TRUE;
  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(DramatisItemList) list = g_list_model_get_item (all, i);
      DramatisItemKind kind = dramatis_item_list_get_kind (list);

      /* A statement's row names its speaker. */
      if ((kinds & (1u << kind)) != 0 ||
          (kind == DRAMATIS_ITEM_STATEMENT && (kinds & (1u << DRAMATIS_ITEM_ACTOR)) != 0))
        dramatis_item_list_reload (list);
    }

  dramatis_window_sync_list_selection (self, self->actor_selection);
  dramatis_window_sync_list_selection (self, self->event_selection);
  dramatis_window_sync_list_selection (self, self->result_selection);
  self->syncing_lists = FALSE;
}
