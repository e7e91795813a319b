/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "dramatis-evidence-picker"

#include "config.h"

#include <glib/gi18n.h>

#include "dramatis-evidence-picker.h"
#include "dramatis-item-list.h"
#include "dramatis-item-object.h"
#include "dramatis-story-edit.h"

/* Choosing the event or relation a passage is evidence for: a list of the
 * story's events or relations to search, and a row to make a new one.
 * Choosing one adds the passage to its evidence, as one step the user can
 * undo; choosing "New Event…" or "New Relation…" emits
 * DramatisEvidencePicker::new-item, and whoever opened the picker opens
 * the form for a new item with the passage.
 */

struct _DramatisEvidencePicker
{
  AdwWindow         parent_instance;

  DramatisStory    *story;
  DramatisItemKind  kind;
  guint             source;
  char             *source_id;
  guint             start;
  guint             end;
  char             *exact;

  GtkSearchEntry   *search_entry;
  GtkStack         *stack;
  GtkListView      *list_view;
  GtkCustomFilter  *filter;
  GtkFilterListModel *filtered;
  char             *folded_query;
  gboolean          applying;     /* the picker's own edit is being applied */
};

G_DEFINE_FINAL_TYPE (DramatisEvidencePicker, dramatis_evidence_picker, ADW_TYPE_WINDOW)

enum {
  NEW_ITEM,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
get_evidence (DramatisStory           *story,
              DramatisItemKind         kind,
              guint                    index,
              const DramatisEvidence **evidence,
              guint                   *n_evidence)
{
  if (kind == DRAMATIS_ITEM_EVENT)
    {
      const DramatisEvent *event = dramatis_story_get_event (story, index);

      *evidence = event->evidence;
      *n_evidence = event->n_evidence;
    }
  else
    {
      const DramatisRelation *relation = dramatis_story_get_relation (story, index);

      *evidence = relation->evidence;
      *n_evidence = relation->n_evidence;
    }
}

/* Adds the passage to the evidence of item @index, unless it is there
 * already: one step of the history, named as the menu item that undoes it.
 */
static gboolean
add_passage (DramatisEvidencePicker  *self,
             guint                    index,
             GError                 **error)
{
  const DramatisEvidence *evidence;
  guint n_evidence;
  g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (DramatisEvidence));
  DramatisEvidence passage = { self->source, self->source_id, self->start, self->end, self->exact };
  gboolean done;

  get_evidence (self->story, self->kind, index, &evidence, &n_evidence);
  for (guint i = 0; i < n_evidence; i++)
    if (g_strcmp0 (evidence[i].source_id, passage.source_id) == 0 &&
        evidence[i].start == passage.start && evidence[i].end == passage.end)
      return TRUE;

  g_array_append_vals (all, evidence, n_evidence);
  g_array_append_val (all, passage);

  dramatis_story_begin_edit (self->story, _("Add Evidence"));
  if (self->kind == DRAMATIS_ITEM_EVENT)
    {
      DramatisEvent event = *dramatis_story_get_event (self->story, index);

      event.evidence = (const DramatisEvidence *) all->data;
      event.n_evidence = all->len;
      done = dramatis_story_change_event (self->story, index, &event, error);
    }
  else
    {
      DramatisRelation relation = *dramatis_story_get_relation (self->story, index);

      relation.evidence = (const DramatisEvidence *) all->data;
      relation.n_evidence = all->len;
      done = dramatis_story_change_relation (self->story, index, &relation, error);
    }
  dramatis_story_end_edit (self->story);

  return done;
}

static void
choose (DramatisEvidencePicker *self,
        guint                   index)
{
  g_autoptr(GError) error = NULL;
  gboolean done;

  self->applying = TRUE;
  done = add_passage (self, index, &error);
  self->applying = FALSE;

  if (!done)
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Could Not Add the Evidence"),
                                                  error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_activate (DramatisEvidencePicker *self,
             guint                   position,
             GtkListView            *list_view)
{
  g_autoptr(DramatisItemObject) object = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);

  if (object != NULL)
    choose (self, dramatis_item_object_get_item (object).index);
}

static void
on_new_item (DramatisEvidencePicker *self)
{
  g_object_ref (self);
  g_signal_emit (self, signals[NEW_ITEM], 0);
  gtk_window_destroy (GTK_WINDOW (self));
  g_object_unref (self);
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  DramatisEvidencePicker *self = user_data;

  return self->folded_query == NULL || dramatis_item_object_matches (item, self->folded_query);
}

static void
update_page (DramatisEvidencePicker *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));

  if (n > 0)
    gtk_stack_set_visible_child_name (self->stack, "list");
  else if (self->folded_query != NULL)
    gtk_stack_set_visible_child_name (self->stack, "no-matches");
  else
    gtk_stack_set_visible_child_name (self->stack, "empty");
}

static void
on_search_changed (DramatisEvidencePicker *self,
                   GtkSearchEntry         *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  g_clear_pointer (&self->folded_query, g_free);
  if (text[0] != '\0')
    self->folded_query = dramatis_item_fold_query (text);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_page (self);
}

/* Enter in the search takes the first match. */
static void
on_search_activate (DramatisEvidencePicker *self,
                    GtkSearchEntry         *entry)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) > 0)
    on_activate (self, 0, self->list_view);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  gtk_list_item_set_child (list_item, dramatis_item_row_new (6));
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             gpointer                  user_data)
{
  dramatis_item_row_bind (gtk_list_item_get_child (list_item), gtk_list_item_get_item (list_item));
}

static GtkWidget *
create_status_page (const char *title,
                    const char *description)
{
  GtkWidget *page = adw_status_page_new ();

  adw_status_page_set_title (ADW_STATUS_PAGE (page), title);
  adw_status_page_set_description (ADW_STATUS_PAGE (page), description);
  gtk_widget_add_css_class (page, "compact");

  return page;
}

static void
build (DramatisEvidencePicker *self)
{
  gboolean events = self->kind == DRAMATIS_ITEM_EVENT;
  GtkWidget *box, *header, *cancel, *new_list, *new_row, *new_box, *new_icon, *new_label, *scroller, *clamp;
  GtkListItemFactory *factory;
  GtkSingleSelection *selection;

  header = adw_header_bar_new ();
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);

  self->search_entry = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  g_object_set (self->search_entry, "placeholder-text",
                events ? _("Search events") : _("Search relations"), NULL);
  gtk_widget_set_hexpand (GTK_WIDGET (self->search_entry), TRUE);
  g_signal_connect_object (self->search_entry, "search-changed", G_CALLBACK (on_search_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "activate", G_CALLBACK (on_search_activate), self,
                           G_CONNECT_SWAPPED);
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));

  /* "New Event…" comes first: a passage is often about something the
   * story does not have yet.
   */
  new_list = gtk_list_box_new ();
  gtk_widget_add_css_class (new_list, "boxed-list");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (new_list), GTK_SELECTION_NONE);
  new_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_margin_top (new_box, 12);
  gtk_widget_set_margin_bottom (new_box, 12);
  gtk_widget_set_margin_start (new_box, 12);
  gtk_widget_set_margin_end (new_box, 12);
  new_icon = gtk_image_new_from_icon_name ("list-add-symbolic");
  new_label = gtk_label_new (events ? _("New Event…") : _("New Relation…"));
  gtk_label_set_xalign (GTK_LABEL (new_label), 0);
  gtk_box_append (GTK_BOX (new_box), new_icon);
  gtk_box_append (GTK_BOX (new_box), new_label);
  new_row = gtk_list_box_row_new ();
  gtk_widget_set_name (new_row, "new-item");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (new_row), new_box);
  gtk_list_box_append (GTK_LIST_BOX (new_list), new_row);
  g_signal_connect_object (new_list, "row-activated", G_CALLBACK (on_new_item), self, G_CONNECT_SWAPPED);

  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->filtered = gtk_filter_list_model_new (dramatis_item_list_new (self->story, self->kind),
                                              GTK_FILTER (g_object_ref (self->filter)));
  selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->filtered)));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  gtk_single_selection_set_selected (selection, GTK_INVALID_LIST_POSITION);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  self->list_view = GTK_LIST_VIEW (gtk_list_view_new (GTK_SELECTION_MODEL (selection), factory));
  gtk_widget_set_name (GTK_WIDGET (self->list_view), "items");
  gtk_list_view_set_single_click_activate (self->list_view, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list_view), "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, events ? _("Events") : _("Relations"),
                                  -1);
  g_signal_connect_object (self->list_view, "activate", G_CALLBACK (on_activate), self, G_CONNECT_SWAPPED);

  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->list_view));

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  gtk_stack_add_named (self->stack, scroller, "list");
  gtk_stack_add_named (self->stack,
                       create_status_page (_("No Matches"), events ? _("No event has these words.")
                                                                   : _("No relation has these words.")),
                       "no-matches");
  gtk_stack_add_named (self->stack,
                       create_status_page (events ? _("No Events") : _("No Relations"),
                                           events ? _("The story has no events yet.")
                                                  : _("The story has no relations yet.")),
                       "empty");

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->search_entry));
  gtk_box_append (GTK_BOX (box), new_list);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->stack));

  clamp = adw_clamp_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 560);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_widget_set_vexpand (clamp, TRUE);

  {
    GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

    gtk_box_append (GTK_BOX (content), header);
    gtk_box_append (GTK_BOX (content), clamp);
    adw_window_set_content (ADW_WINDOW (self), content);
  }

  update_page (self);
}

/* An undo may remove the items listed, or the source of the passage. */
static void
on_story_edited (DramatisEvidencePicker *self,
                 DramatisStory          *story)
{
  if (!self->applying)
    gtk_window_destroy (GTK_WINDOW (self));
}

static void
dramatis_evidence_picker_finalize (GObject *object)
{
  DramatisEvidencePicker *self = DRAMATIS_EVIDENCE_PICKER (object);

  g_clear_object (&self->story);
  g_clear_object (&self->filter);
  g_clear_object (&self->filtered);
  g_clear_pointer (&self->source_id, g_free);
  g_clear_pointer (&self->exact, g_free);
  g_clear_pointer (&self->folded_query, g_free);

  G_OBJECT_CLASS (dramatis_evidence_picker_parent_class)->finalize (object);
}

static void
dramatis_evidence_picker_class_init (DramatisEvidencePickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = dramatis_evidence_picker_finalize;

  /**
   * DramatisEvidencePicker::new-item:
   *
   * The user chose to make a new event or relation with the passage,
   * rather than one of those listed.  The picker closes after it.
   */
  signals[NEW_ITEM] = g_signal_new ("new-item", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
dramatis_evidence_picker_init (DramatisEvidencePicker *self)
{
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 440, 560);
}

/**
 * dramatis_evidence_picker_open:
 * @parent: (nullable): the window the picker belongs to
 * @story: the story
 * @kind: %DRAMATIS_ITEM_EVENT or %DRAMATIS_ITEM_RELATION
 * @passage: the passage, with its source, position and text
 *
 * Presents a list of the events or relations of @story to choose the one
 * @passage is evidence for.  Choosing one adds @passage to its evidence,
 * as one step of the history named "Add Evidence"; choosing the row for a
 * new one emits #DramatisEvidencePicker::new-item.
 *
 * Returns: (transfer none): the picker, a modal window
 */
GtkWindow *
dramatis_evidence_picker_open (GtkWindow              *parent,
                               DramatisStory          *story,
                               DramatisItemKind        kind,
                               const DramatisEvidence *passage)
{
  DramatisEvidencePicker *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (DRAMATIS_IS_STORY (story), NULL);
  g_return_val_if_fail (kind == DRAMATIS_ITEM_EVENT || kind == DRAMATIS_ITEM_RELATION, NULL);
  g_return_val_if_fail (passage != NULL, NULL);

  self = g_object_new (DRAMATIS_TYPE_EVIDENCE_PICKER, NULL);
  self->story = g_object_ref (story);
  self->kind = kind;
  self->source = passage->source;
  self->source_id = g_strdup (passage->source_id);
  self->start = passage->start;
  self->end = passage->end;
  self->exact = g_strdup (passage->exact);

  if (parent != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (self), parent);
  gtk_window_set_title (GTK_WINDOW (self),
                        kind == DRAMATIS_ITEM_EVENT ? _("Evidence for Event") : _("Evidence for Relation"));

  build (self);
  g_signal_connect_object (story, "edited", G_CALLBACK (on_story_edited), self, G_CONNECT_SWAPPED);

  gtk_window_present (GTK_WINDOW (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));

  return GTK_WINDOW (self);
}
