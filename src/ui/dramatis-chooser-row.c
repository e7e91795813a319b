/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "dramatis-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "dramatis-chooser-row.h"
#include "dramatis-item-list.h"
#include "dramatis-item-object.h"
#include "dramatis-story-ids.h"

/* A row that chooses one actor, or one event, of a story that may have
 * thousands: activating it opens a popover with a search field over a
 * list view, which makes rows only for the matches on screen.  For a
 * speaker, a name no actor has can be chosen too, for a new actor.  The
 * list is made the first time the popover opens.
 */

struct _DramatisChooserRow
{
  AdwActionRow          parent_instance;

  DramatisStory        *story;
  DramatisItemKind      kind;
  DramatisChooserFlags  flags;
  guint                 item;
  char                 *new_name;

  GtkWidget            *menu_button;
  GtkWidget            *clear_button;
  GtkWidget            *popover;
  GtkSearchEntry       *search;
  GtkWidget            *new_button;
  GtkLabel             *new_label;
  GtkListView          *list_view;
  GtkWidget            *scrolled;
  GtkWidget            *no_results;
  GtkFilterListModel   *matches;
  GtkCustomFilter      *filter;
  char                 *folded_query;
};

G_DEFINE_FINAL_TYPE (DramatisChooserRow, dramatis_chooser_row, ADW_TYPE_ACTION_ROW)

enum
{
  SIGNAL_CHANGED,
  SIGNAL_CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
item_label (DramatisChooserRow *self,
            guint               index)
{
  if (self->kind == DRAMATIS_ITEM_EVENT)
    return dramatis_event_get_label (dramatis_story_get_event (self->story, index));

  return dramatis_actor_get_label (dramatis_story_get_actor (self->story, index));
}

static void
update_subtitle (DramatisChooserRow *self)
{
  g_autofree char *subtitle = NULL;

  if (self->flags & DRAMATIS_CHOOSER_PICKER)
    return;

  if (self->new_name != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (self->new_name, -1);

      /* Translators: the name of an actor that the edit adds to the story */
      subtitle = g_strdup_printf (_("%s (new actor)"), escaped);
    }
  else if (self->item != DRAMATIS_NO_INDEX)
    subtitle = g_markup_escape_text (item_label (self, self->item), -1);
  else
    subtitle = g_strdup (_("None"));

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);
  gtk_widget_set_visible (self->clear_button, (self->flags & DRAMATIS_CHOOSER_ALLOW_NONE) &&
                                              (self->item != DRAMATIS_NO_INDEX || self->new_name != NULL));
}

static void
choose (DramatisChooserRow *self,
        guint               item,
        const char         *new_name)
{
  if (self->popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (self->popover));

  if (self->flags & DRAMATIS_CHOOSER_PICKER)
    {
      if (item != DRAMATIS_NO_INDEX)
        g_signal_emit (self, signals[SIGNAL_CHOSEN], 0, item);
      return;
    }

  if (self->item == item && g_strcmp0 (self->new_name, new_name) == 0)
    return;

  self->item = item;
  g_free (self->new_name);
  self->new_name = g_strdup (new_name);
  update_subtitle (self);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static char *
dup_query (DramatisChooserRow *self)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search))));
}

static gboolean
match_func (gpointer item,
            gpointer data)
{
  DramatisChooserRow *self = data;

  return self->folded_query == NULL ||
         dramatis_item_object_matches (DRAMATIS_ITEM_OBJECT (item), self->folded_query);
}

static void
search_changed_cb (DramatisChooserRow *self)
{
  g_autofree char *query = dup_query (self);

  g_clear_pointer (&self->folded_query, g_free);
  if (*query != '\0')
    self->folded_query = dramatis_item_fold_query (query);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);

  if (self->flags & DRAMATIS_CHOOSER_ALLOW_NEW)
    {
      gboolean can_add = *query != '\0' &&
                         dramatis_story_find_actor_named (self->story, query, DRAMATIS_NO_INDEX) ==
                         DRAMATIS_NO_INDEX;

      if (can_add)
        {
          /* Translators: a button that adds a new actor of the name typed */
          g_autofree char *label = g_strdup_printf (_("New Actor “%s”"), query);

          gtk_label_set_text (self->new_label, label);
        }
      gtk_widget_set_visible (self->new_button, can_add);
    }
}

/* Says so when nothing matches, once the search is through the list. */
static void
matches_changed_cb (DramatisChooserRow *self)
{
  gboolean empty = g_list_model_get_n_items (G_LIST_MODEL (self->matches)) == 0 &&
                   gtk_filter_list_model_get_pending (self->matches) == 0;

  gtk_widget_set_visible (self->no_results, empty);
  gtk_widget_set_visible (self->scrolled, !empty);
}

static void
choose_position (DramatisChooserRow *self,
                 guint               position)
{
  g_autoptr(DramatisItemObject) object = g_list_model_get_item (G_LIST_MODEL (self->matches), position);

  if (object != NULL)
    choose (self, dramatis_item_object_get_item (object).index, NULL);
}

static void
search_activate_cb (DramatisChooserRow *self)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (self->matches)) > 0)
    choose_position (self, 0);
  else if (gtk_widget_get_visible (self->new_button))
    dramatis_chooser_row_choose_new (self);
}

static void
stop_search_cb (DramatisChooserRow *self)
{
  gtk_popover_popdown (GTK_POPOVER (self->popover));
}

static gboolean
search_key_cb (GtkEventControllerKey *controller,
               guint                  keyval,
               guint                  keycode,
               GdkModifierType        state,
               DramatisChooserRow    *self)
{
  /* Down goes from the search field to the matches. */
  if ((keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down) &&
      g_list_model_get_n_items (G_LIST_MODEL (self->matches)) > 0)
    return gtk_widget_child_focus (GTK_WIDGET (self->list_view), GTK_DIR_TAB_FORWARD);

  return GDK_EVENT_PROPAGATE;
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          gpointer                  data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0.0f);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (title), 2);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), subtitle);
  gtk_list_item_set_child (list_item, box);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *list_item,
         gpointer                  data)
{
  DramatisItemObject *object = gtk_list_item_get_item (list_item);
  GtkWidget *title = gtk_widget_get_first_child (gtk_list_item_get_child (list_item));
  GtkWidget *subtitle = gtk_widget_get_next_sibling (title);
  const char *text = dramatis_item_object_get_subtitle (object);

  gtk_label_set_text (GTK_LABEL (title), dramatis_item_object_get_title (object));
  gtk_label_set_text (GTK_LABEL (subtitle), text != NULL ? text : "");
  gtk_widget_set_visible (subtitle, text != NULL && *text != '\0');
}

static void
list_activate_cb (GtkListView        *view,
                  guint               position,
                  DramatisChooserRow *self)
{
  choose_position (self, position);
}

static void
popover_show_cb (DramatisChooserRow *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search), "");
  search_changed_cb (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search));
}

/* Makes the popover and its list, the first time they are needed. */
static void
ensure_popover (DramatisChooserRow *self)
{
  GtkWidget *box, *scrolled;
  GtkListItemFactory *factory;
  GtkEventController *keys;

  if (self->popover != NULL)
    return;

  self->filter = gtk_custom_filter_new (match_func, self, NULL);
  self->matches = gtk_filter_list_model_new (dramatis_item_list_new (self->story, self->kind),
                                             GTK_FILTER (g_object_ref (self->filter)));
  /* Tens of thousands of events take a moment to search: the list fills
   * as the search goes, and the field keeps taking keys.
   */
  gtk_filter_list_model_set_incremental (self->matches, TRUE);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_size_request (box, 300, -1);
  self->search = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  g_object_set (self->search, "placeholder-text",
                self->kind == DRAMATIS_ITEM_EVENT ? _("Search events") : _("Search actors"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  self->kind == DRAMATIS_ITEM_EVENT ? _("Search events") : _("Search actors"),
                                  -1);
  g_signal_connect_object (self->search, "search-changed", G_CALLBACK (search_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search, "activate", G_CALLBACK (search_activate_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search, "stop-search", G_CALLBACK (stop_search_cb), self, G_CONNECT_SWAPPED);
  keys = gtk_event_controller_key_new ();
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (search_key_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->search), keys);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->search));

  self->new_button = gtk_button_new ();
  gtk_widget_add_css_class (self->new_button, "flat");
  gtk_widget_set_visible (self->new_button, FALSE);
  self->new_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_ellipsize (self->new_label, PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (self->new_label, 0.0f);
  gtk_button_set_child (GTK_BUTTON (self->new_button), GTK_WIDGET (self->new_label));
  g_signal_connect_object (self->new_button, "clicked", G_CALLBACK (dramatis_chooser_row_choose_new), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (box), self->new_button);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), NULL);
  self->list_view = GTK_LIST_VIEW (gtk_list_view_new (GTK_SELECTION_MODEL (gtk_no_selection_new (
                                                        G_LIST_MODEL (g_object_ref (self->matches)))),
                                                      factory));
  gtk_list_view_set_single_click_activate (self->list_view, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list_view), "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self)), -1);
  g_signal_connect_object (self->list_view, "activate", G_CALLBACK (list_activate_cb), self, 0);

  scrolled = self->scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 120);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 320);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->list_view));
  gtk_box_append (GTK_BOX (box), scrolled);

  self->no_results = gtk_label_new (_("No Results"));
  gtk_widget_add_css_class (self->no_results, "dim-label");
  gtk_widget_set_margin_bottom (self->no_results, 12);
  gtk_widget_set_visible (self->no_results, FALSE);
  gtk_box_append (GTK_BOX (box), self->no_results);

  g_signal_connect_object (self->matches, "items-changed", G_CALLBACK (matches_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->matches, "notify::pending", G_CALLBACK (matches_changed_cb), self,
                           G_CONNECT_SWAPPED);

  self->popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (self->popover), box);
  g_signal_connect_object (self->popover, "show", G_CALLBACK (popover_show_cb), self, G_CONNECT_SWAPPED);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->menu_button), self->popover);
}

static void
create_popup_cb (GtkMenuButton *button,
                 gpointer       data)
{
  ensure_popover (DRAMATIS_CHOOSER_ROW (data));
}

static void
activated_cb (DramatisChooserRow *self)
{
  ensure_popover (self);
  gtk_menu_button_popup (GTK_MENU_BUTTON (self->menu_button));
}

static void
clear_cb (DramatisChooserRow *self)
{
  choose (self, DRAMATIS_NO_INDEX, NULL);
}

static void
dramatis_chooser_row_finalize (GObject *object)
{
  DramatisChooserRow *self = DRAMATIS_CHOOSER_ROW (object);

  g_clear_object (&self->story);
  g_clear_object (&self->matches);
  g_clear_object (&self->filter);
  g_free (self->new_name);
  g_free (self->folded_query);

  G_OBJECT_CLASS (dramatis_chooser_row_parent_class)->finalize (object);
}

static void
dramatis_chooser_row_class_init (DramatisChooserRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dramatis_chooser_row_finalize;

  /**
   * DramatisChooserRow::changed:
   *
   * The user chose another item, or a new name.
   */
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * DramatisChooserRow::chosen:
   * @index: the item chosen
   *
   * In a picker, the user chose an item to add.
   */
  signals[SIGNAL_CHOSEN] = g_signal_new ("chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
}

static void
dramatis_chooser_row_init (DramatisChooserRow *self)
{
  self->item = DRAMATIS_NO_INDEX;

  self->clear_button = gtk_button_new_from_icon_name ("edit-clear-symbolic");
  gtk_widget_set_valign (self->clear_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->clear_button, "flat");
  gtk_widget_set_tooltip_text (self->clear_button, _("Clear"));
  gtk_widget_set_visible (self->clear_button, FALSE);
  g_signal_connect_object (self->clear_button, "clicked", G_CALLBACK (clear_cb), self, G_CONNECT_SWAPPED);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), self->clear_button);

  self->menu_button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (self->menu_button), "pan-down-symbolic");
  gtk_widget_set_valign (self->menu_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->menu_button, "flat");
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (self->menu_button), create_popup_cb, self, NULL);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), self->menu_button);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), TRUE);
  g_signal_connect (self, "activated", G_CALLBACK (activated_cb), NULL);
}

/**
 * dramatis_chooser_row_new:
 * @story: the story to choose in
 * @kind: %DRAMATIS_ITEM_ACTOR or %DRAMATIS_ITEM_EVENT
 * @title: what the item is for, as "Speaker", with a mnemonic
 * @flags: what else the row may hold
 *
 * Returns: (transfer floating): a new row holding no item
 */
GtkWidget *
dramatis_chooser_row_new (DramatisStory        *story,
                          DramatisItemKind      kind,
                          const char           *title,
                          DramatisChooserFlags  flags)
{
  DramatisChooserRow *self;

  g_return_val_if_fail (DRAMATIS_IS_STORY (story), NULL);
  g_return_val_if_fail (kind == DRAMATIS_ITEM_ACTOR || kind == DRAMATIS_ITEM_EVENT, NULL);

  self = g_object_new (DRAMATIS_TYPE_CHOOSER_ROW, NULL);
  self->story = g_object_ref (story);
  self->kind = kind;
  self->flags = flags;
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self), TRUE);
  gtk_widget_set_tooltip_text (self->menu_button, kind == DRAMATIS_ITEM_EVENT ? _("Choose an Event")
                                                                              : _("Choose an Actor"));
  update_subtitle (self);

  return GTK_WIDGET (self);
}

/* Returns: the item chosen, or DRAMATIS_NO_INDEX */
guint
dramatis_chooser_row_get_item (DramatisChooserRow *self)
{
  g_return_val_if_fail (DRAMATIS_IS_CHOOSER_ROW (self), DRAMATIS_NO_INDEX);

  return self->item;
}

/* Shows @index as chosen, without emitting ::changed. */
void
dramatis_chooser_row_set_item (DramatisChooserRow *self,
                               guint               index)
{
  g_return_if_fail (DRAMATIS_IS_CHOOSER_ROW (self));

  self->item = index;
  g_clear_pointer (&self->new_name, g_free);
  update_subtitle (self);
}

/* Returns: (nullable): the name of the new actor chosen, if one is */
const char *
dramatis_chooser_row_get_new_name (DramatisChooserRow *self)
{
  g_return_val_if_fail (DRAMATIS_IS_CHOOSER_ROW (self), NULL);

  return self->new_name;
}

/**
 * dramatis_chooser_row_search:
 * @self: a chooser row
 * @query: what the user types in the search field
 *
 * Returns: (transfer none): the items that match, once the search is
 *   through the list
 */
GListModel *
dramatis_chooser_row_search (DramatisChooserRow *self,
                             const char         *query)
{
  g_return_val_if_fail (DRAMATIS_IS_CHOOSER_ROW (self), NULL);

  ensure_popover (self);
  gtk_editable_set_text (GTK_EDITABLE (self->search), query);
  /* The search field waits a moment after each key before it searches. */
  search_changed_cb (self);
  while (gtk_filter_list_model_get_pending (self->matches) > 0)
    g_main_context_iteration (NULL, TRUE);

  return G_LIST_MODEL (self->matches);
}

/* Whether the popover offers a new actor of the name searched for. */
gboolean
dramatis_chooser_row_can_add_new (DramatisChooserRow *self)
{
  g_return_val_if_fail (DRAMATIS_IS_CHOOSER_ROW (self), FALSE);

  return self->new_button != NULL && gtk_widget_get_visible (self->new_button);
}

/* Chooses a match of the search, as clicking it does. */
void
dramatis_chooser_row_choose_match (DramatisChooserRow *self,
                                   guint               position)
{
  g_return_if_fail (DRAMATIS_IS_CHOOSER_ROW (self));
  g_return_if_fail (self->matches != NULL);

  choose_position (self, position);
}

/* Chooses a new actor of the name searched for. */
void
dramatis_chooser_row_choose_new (DramatisChooserRow *self)
{
  g_autofree char *query = NULL;

  g_return_if_fail (DRAMATIS_IS_CHOOSER_ROW (self));
  g_return_if_fail (self->flags & DRAMATIS_CHOOSER_ALLOW_NEW);
  g_return_if_fail (self->search != NULL);

  query = dup_query (self);
  if (*query != '\0')
    choose (self, DRAMATIS_NO_INDEX, query);
}
