/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "dramatis-source-window"

#include "config.h"

#include <glib/gi18n.h>

#include "dramatis-evidence-picker.h"
#include "dramatis-source-window-private.h"
#include "dramatis-story-edit.h"

/* Grounding in the source window: the story's evidence underlined in the
 * text, and a selected passage made into evidence.  "Quote as Statement…",
 * "Evidence for Event…" and "Evidence for Relation…" are in the text's
 * context menu, with their keys, and in a bar that slides up with a
 * selection.  A quote, and a new event or relation, need a form the
 * window does not own: it emits DramatisSourceWindow::add-evidence for
 * whoever opened it.  An existing event or relation is chosen in a
 * DramatisEvidencePicker, which adds the passage to it.
 */

enum {
  ADD_EVIDENCE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Underlines the passages of the story's evidence that point into the
 * source shown.
 */
void
dramatis_source_window_highlight_evidence (DramatisSourceWindow *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  guint n_characters;

  g_assert (DRAMATIS_IS_SOURCE_WINDOW (self));

  if (self->view == NULL || self->known_id == NULL || !self->offsets_match)
    return;

  buffer = gtk_text_view_get_buffer (self->view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag (buffer, self->evidence_tag, &start, &end);
  n_characters = gtk_text_buffer_get_char_count (buffer);

  for (DramatisItemKind kind = DRAMATIS_ITEM_EVENT; kind <= DRAMATIS_ITEM_STATEMENT; kind++)
    {
      guint n_items = kind == DRAMATIS_ITEM_EVENT ? dramatis_story_get_n_events (self->story)
                      : kind == DRAMATIS_ITEM_RELATION ? dramatis_story_get_n_relations (self->story)
                      : dramatis_story_get_n_statements (self->story);

      for (guint i = 0; i < n_items; i++)
        {
          const DramatisEvidence *evidence;
          guint n_evidence;

          if (kind == DRAMATIS_ITEM_EVENT)
            {
              const DramatisEvent *event = dramatis_story_get_event (self->story, i);

              evidence = event->evidence;
              n_evidence = event->n_evidence;
            }
          else if (kind == DRAMATIS_ITEM_RELATION)
            {
              const DramatisRelation *relation = dramatis_story_get_relation (self->story, i);

              evidence = relation->evidence;
              n_evidence = relation->n_evidence;
            }
          else
            {
              const DramatisStatement *statement = dramatis_story_get_statement (self->story, i);

              evidence = statement->evidence;
              n_evidence = statement->n_evidence;
            }

          for (guint j = 0; j < n_evidence; j++)
            if (evidence[j].source == self->source_index && evidence[j].end > evidence[j].start &&
                evidence[j].end <= n_characters)
              {
                gtk_text_buffer_get_iter_at_offset (buffer, &start, evidence[j].start);
                gtk_text_buffer_get_iter_at_offset (buffer, &end, evidence[j].end);
                gtk_text_buffer_apply_tag (buffer, self->evidence_tag, &start, &end);
              }
        }
    }
}

/* The selected passage in characters of the source's text, without the
 * white space around it, as evidence points into it.
 */
static gboolean
get_selected_span (DramatisSourceWindow *self,
                   guint                *start,
                   guint                *end)
{
  GtkTextBuffer *buffer;
  GtkTextIter first, last;

  if (self->view == NULL || !self->offsets_match)
    return FALSE;

  buffer = gtk_text_view_get_buffer (self->view);
  if (!gtk_text_buffer_get_selection_bounds (buffer, &first, &last))
    return FALSE;

  while (gtk_text_iter_compare (&first, &last) < 0 && g_unichar_isspace (gtk_text_iter_get_char (&first)))
    gtk_text_iter_forward_char (&first);
  while (gtk_text_iter_compare (&first, &last) < 0)
    {
      GtkTextIter before = last;

      gtk_text_iter_backward_char (&before);
      if (!g_unichar_isspace (gtk_text_iter_get_char (&before)))
        break;
      last = before;
    }

  if (gtk_text_iter_equal (&first, &last))
    return FALSE;

  *start = gtk_text_iter_get_offset (&first);
  *end = gtk_text_iter_get_offset (&last);
  return TRUE;
}

void
dramatis_source_window_update_actions (DramatisSourceWindow *self)
{
  guint start, end;
  gboolean has_span = get_selected_span (self, &start, &end);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "source.quote", has_span);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "source.event-evidence", has_span);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "source.relation-evidence", has_span);

  if (self->actions != NULL)
    gtk_revealer_set_reveal_child (self->actions, has_span);
}

static void
on_mark_set (DramatisSourceWindow *self,
             const GtkTextIter    *location,
             GtkTextMark          *mark,
             GtkTextBuffer        *buffer)
{
  if (mark == gtk_text_buffer_get_insert (buffer) || mark == gtk_text_buffer_get_selection_bound (buffer))
    dramatis_source_window_update_actions (self);
}

static void
on_new_item (DramatisSourceWindow   *self,
             DramatisEvidencePicker *picker)
{
  g_signal_emit (self, signals[ADD_EVIDENCE], 0,
                 (guint) self->picking_kind, self->source_index, self->picking_start, self->picking_end);
}

static void
pick_item (DramatisSourceWindow *self,
           DramatisItemKind      kind)
{
  DramatisEvidence passage = { self->source_index, NULL, 0, 0, NULL };
  g_autofree char *exact = NULL;
  GtkWindow *picker;

  /* A selection means the window shows the text of a source of the story. */
  if (!get_selected_span (self, &passage.start, &passage.end))
    return;

  passage.source_id = dramatis_story_get_source (self->story, self->source_index)->id;
  exact = dramatis_story_dup_evidence_text (self->story, &passage);
  passage.exact = exact;

  self->picking_kind = kind;
  self->picking_start = passage.start;
  self->picking_end = passage.end;
  picker = dramatis_evidence_picker_open (GTK_WINDOW (self), self->story, kind, &passage);
  g_signal_connect_object (picker, "new-item", G_CALLBACK (on_new_item), self, G_CONNECT_SWAPPED);
}

static void
quote_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  DramatisSourceWindow *self = DRAMATIS_SOURCE_WINDOW (widget);
  guint start, end;

  if (get_selected_span (self, &start, &end))
    g_signal_emit (self, signals[ADD_EVIDENCE], 0, (guint) DRAMATIS_ITEM_STATEMENT, self->source_index, start, end);
}

static void
event_evidence_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  pick_item (DRAMATIS_SOURCE_WINDOW (widget), DRAMATIS_ITEM_EVENT);
}

static void
relation_evidence_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  pick_item (DRAMATIS_SOURCE_WINDOW (widget), DRAMATIS_ITEM_RELATION);
}

/* The actions, with the keys shown beside them, as the text's context
 * menu lists them.
 */
static GMenuModel *
create_menu (void)
{
  static const struct {
    const char *label;
    const char *action;
    const char *accel;
  } items[] = {
    { N_("_Quote as Statement…"), "source.quote", "<Control><Shift>q" },
    { N_("Evidence for _Event…"), "source.event-evidence", "<Control><Shift>e" },
    { N_("Evidence for _Relation…"), "source.relation-evidence", "<Control><Shift>r" },
  };
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) section = g_menu_new ();

  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_(items[i].label), items[i].action);

      g_menu_item_set_attribute (item, "accel", "s", items[i].accel);
      g_menu_append_item (section, item);
    }
  g_menu_append_section (menu, NULL, G_MENU_MODEL (section));

  return G_MENU_MODEL (menu);
}

static GtkWidget *
create_action_button (const char *label,
                      const char *action,
                      const char *tooltip)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  if (tooltip != NULL)
    gtk_widget_set_tooltip_text (button, tooltip);

  return button;
}

/* A row of buttons for the actions; narrow windows get the short names. */
static GtkWidget *
create_action_buttons (gboolean short_names)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  gtk_widget_set_halign (box, GTK_ALIGN_CENTER);
  if (short_names)
    {
      gtk_box_append (GTK_BOX (box), create_action_button (_("_Quote…"), "source.quote", _("Quote as Statement")));
      gtk_box_append (GTK_BOX (box), create_action_button (_("_Event…"), "source.event-evidence",
                                                           _("Evidence for Event")));
      gtk_box_append (GTK_BOX (box), create_action_button (_("_Relation…"), "source.relation-evidence",
                                                           _("Evidence for Relation")));
    }
  else
    {
      gtk_box_append (GTK_BOX (box), create_action_button (_("_Quote as Statement…"), "source.quote", NULL));
      gtk_box_append (GTK_BOX (box), create_action_button (_("Evidence for _Event…"), "source.event-evidence", NULL));
      gtk_box_append (GTK_BOX (box), create_action_button (_("Evidence for _Relation…"),
                                                           "source.relation-evidence", NULL));
    }

  return box;
}

static GtkWidget *
create_action_bar (DramatisSourceWindow *self)
{
  GtkWidget *bar = gtk_action_bar_new ();
  GtkWidget *squeezer = adw_squeezer_new ();

  adw_squeezer_add (ADW_SQUEEZER (squeezer), create_action_buttons (FALSE));
  adw_squeezer_add (ADW_SQUEEZER (squeezer), create_action_buttons (TRUE));
  adw_squeezer_set_homogeneous (ADW_SQUEEZER (squeezer), FALSE);
  gtk_widget_set_hexpand (squeezer, TRUE);
  gtk_action_bar_set_center_widget (GTK_ACTION_BAR (bar), squeezer);

  self->actions = GTK_REVEALER (gtk_revealer_new ());
  gtk_revealer_set_transition_type (self->actions, GTK_REVEALER_TRANSITION_TYPE_SLIDE_UP);
  gtk_revealer_set_child (self->actions, bar);

  return GTK_WIDGET (self->actions);
}

/* The class's signal, actions and keys for grounding. */
void
dramatis_source_window_class_init_grounding (GtkWidgetClass *widget_class)
{
  GObjectClass *klass = G_OBJECT_CLASS (widget_class);

  /**
   * DramatisSourceWindow::add-evidence:
   * @self: the window
   * @kind: %DRAMATIS_ITEM_STATEMENT for a quote, %DRAMATIS_ITEM_EVENT or
   *   %DRAMATIS_ITEM_RELATION for a new event or relation
   * @source: the index of the source
   * @start: the first character of the passage in the source's text
   * @end: the character after it
   *
   * The user asked to make a new item of @kind with the selected passage
   * as its evidence: a quote, or an event or relation the story does not
   * have yet.  The passage is in characters of the source's text, without
   * the white space around it, as #DramatisEvidence points into it.
   */
  signals[ADD_EVIDENCE] = g_signal_new ("add-evidence", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 4,
                                        G_TYPE_UINT, G_TYPE_UINT, G_TYPE_UINT, G_TYPE_UINT);

  gtk_widget_class_install_action (widget_class, "source.quote", NULL, quote_action);
  gtk_widget_class_install_action (widget_class, "source.event-evidence", NULL, event_evidence_action);
  gtk_widget_class_install_action (widget_class, "source.relation-evidence", NULL, relation_evidence_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_q, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "source.quote", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "source.event-evidence", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "source.relation-evidence", NULL);
}

/* The bar of actions under the text, and the text's context menu. */
GtkWidget *
dramatis_source_window_create_grounding (DramatisSourceWindow *self)
{
  g_autoptr(GMenuModel) menu = create_menu ();
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->view);

  gtk_text_view_set_extra_menu (self->view, menu);
  g_signal_connect_object (buffer, "mark-set", G_CALLBACK (on_mark_set), self, G_CONNECT_SWAPPED);

  return create_action_bar (self);
}

/**
 * dramatis_source_window_get_selected_span:
 * @self: a source window
 * @start: (out) (optional): the first character of the selected passage
 * @end: (out) (optional): the character after it
 *
 * The passage the user selected, in characters of the source's text and
 * without the white space around it: what #DramatisSourceWindow::add-evidence
 * would give.
 *
 * Returns: %TRUE if some text other than white space is selected
 */
gboolean
dramatis_source_window_get_selected_span (DramatisSourceWindow *self,
                                          guint                *start,
                                          guint                *end)
{
  guint first = 0, last = 0;
  gboolean selected;

  g_return_val_if_fail (DRAMATIS_IS_SOURCE_WINDOW (self), FALSE);

  selected = get_selected_span (self, &first, &last);
  if (start != NULL)
    *start = first;
  if (end != NULL)
    *end = last;

  return selected;
}
