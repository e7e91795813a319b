/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "dramatis-details"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "dramatis-details.h"
#include "dramatis-details-private.h"
#include "dramatis-width-bin.h"

/* The pane beside the views that tells everything the story holds about
 * one item: who an actor is and what they said, when and where an event
 * happened and who took part, what a relation rests on.  Every quote and
 * every fact leads back to its passage in the source, so that a reader can
 * check it.
 *
 * The page is rebuilt for each item: a page is a few dozen widgets, which
 * costs less than keeping a list model in step with a story that changes
 * under it.  The pane does not navigate by itself: a row the user activates
 * emits DramatisDetails::item-selected, and whoever keeps the selection
 * calls dramatis_details_show_item(), so that the views and the pane move
 * together.
 *
 * A page is shown a few rows a frame: laying out a row's wrapped labels
 * costs a millisecond or more, and the page of an actor in a large story
 * has dozens of rows.  The first rows are there in the frame after the
 * click, and the rest, out of sight below them, follow over the next
 * frames, so that a click is answered at once; the rows of a long section
 * down there are only built then.
 *
 * This file holds the widget: which page is up, the rows' activation, the
 * rows still to be shown, and the highlighted statement it scrolls to.  The
 * pages themselves are built in dramatis-details-*-page.c and
 * dramatis-details-statements.c, from the pieces in dramatis-details-rows.c.
 */

G_DEFINE_FINAL_TYPE (DramatisDetails, dramatis_details, GTK_TYPE_WIDGET)

enum {
  ITEM_SELECTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Frames to wait for a new page to be laid out before giving up scrolling
 * to a statement on it.
 */
#define MAX_SCROLL_FRAMES 10

/* Rows shown with the page, and rows added in each frame after it: about
 * what the pane shows at once, in about a third of a frame.
 */
#define FIRST_ROWS     8
#define ROWS_PER_FRAME 8

/* Statements, passages and descriptions are prose: past this width lines
 * grow too long to read comfortably.
 */
#define MAX_CONTENT_WIDTH 600

/* The narrowest the pane gets; a page is never laid out narrower. */
#define MIN_CONTENT_WIDTH 200

/* The pane's own look: the one statement the user picked stands out from
 * the others on its speaker's page.
 */
static const char details_css[] =
  "details list.boxed-list.highlighted {"
  "  box-shadow: 0 0 0 2px alpha(@accent_color, 0.75);"
  "}"
  "details .quote {"
  "  font-size: 1.05em;"
  "}";

static gboolean
emit_item_selected_cb (gpointer user_data)
{
  DramatisDetails *self = DRAMATIS_DETAILS (user_data);
  DramatisItem item = self->activated;

  g_assert (DRAMATIS_IS_DETAILS (self));

  self->activated_idle_id = 0;
  self->activated = DRAMATIS_ITEM_INIT_NONE;
  g_signal_emit (self, signals[ITEM_SELECTED], 0, (guint) item.kind, item.index);

  return G_SOURCE_REMOVE;
}

/* Long sections */

#define MORE_KEY "dramatis-more-rows"

/* The rows a "Show More" row adds, at most. */
#define MORE_ROWS 50

typedef struct
{
  DramatisDetailsAddRows  add_rows;
  guint                  *items;
  guint                   n_items;
} MoreRows;

static void
more_rows_free (gpointer data)
{
  MoreRows *more = data;

  g_free (more->items);
  g_free (more);
}

#define PENDING_KEY "dramatis-pending-rows"

/* Appends to @list the first @n_shown rows of @more's items, and a row
 * that shows more of them when there are more than a few.
 */
static void
add_first_rows (DramatisDetails *self,
                GtkWidget       *list,
                MoreRows        *more,
                guint            n_shown)
{
  g_autofree char *text = NULL;
  GtkWidget *row, *label;
  MoreRows *rest;

  /* Two more rows cost less than a row that shows them. */
  if (more->n_items <= n_shown + 2)
    {
      more->add_rows (self, list, more->items, more->n_items);
      return;
    }

  more->add_rows (self, list, more->items, n_shown);

  rest = g_new0 (MoreRows, 1);
  rest->add_rows = more->add_rows;
  rest->n_items = more->n_items - n_shown;
  rest->items = g_memdup2 (more->items + n_shown, rest->n_items * sizeof (guint));

  text = g_strdup_printf (g_dngettext (NULL, "Show %u More", "Show %u More", rest->n_items), rest->n_items);
  label = gtk_label_new (text);
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  g_object_set_data_full (G_OBJECT (row), MORE_KEY, rest, more_rows_free);
  gtk_list_box_append (GTK_LIST_BOX (list), row);
}

/* Builds the rows of the sections in @widget that wait to be shown. */
static void
add_pending_rows (DramatisDetails *self,
                  GtkWidget       *widget)
{
  MoreRows *pending = g_object_steal_data (G_OBJECT (widget), PENDING_KEY);

  if (pending != NULL)
    {
      add_first_rows (self, widget, pending, SECTION_ROWS);
      more_rows_free (pending);
      return;
    }

  if (GTK_IS_LIST_BOX_ROW (widget))
    return;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    add_pending_rows (self, child);
}

/**
 * dramatis_details_add_section_rows:
 * @self: the details pane
 * @list: the section's list
 * @items: the items of the section
 * @n_items: how many
 * @add_rows: appends the rows of some of @items to @list
 *
 * Appends the rows of a section that can be long, such as the dozens of
 * events of a major actor: its first rows, and one that shows more of
 * them, fifty at a time, when it is activated.  The page then comes up at once, however many
 * items there are, and a screen reader does not have to walk them all.
 *
 * The rows are built when the page is staged, if the section is among its
 * first rows, or else when the section is shown: a section below the first
 * screenful of a page costs nothing until then.
 */
void
dramatis_details_add_section_rows (DramatisDetails        *self,
                                   GtkWidget              *list,
                                   const guint            *items,
                                   guint                   n_items,
                                   DramatisDetailsAddRows  add_rows)
{
  MoreRows *pending = g_new0 (MoreRows, 1);

  pending->add_rows = add_rows;
  pending->n_items = n_items;
  pending->items = g_memdup2 (items, n_items * sizeof (guint));
  g_object_set_data_full (G_OBJECT (list), PENDING_KEY, pending, more_rows_free);
}

static gboolean
show_more_cb (gpointer user_data)
{
  DramatisDetails *self = DRAMATIS_DETAILS (user_data);
  g_autoptr(GtkWidget) row = g_steal_pointer (&self->more_row);
  GtkWidget *list = gtk_widget_get_parent (row);
  MoreRows *more = g_object_get_data (G_OBJECT (row), MORE_KEY);
  GtkWidget *first;

  self->more_idle_id = 0;

  /* The page may have changed since. */
  if (list == NULL || !gtk_widget_is_ancestor (list, GTK_WIDGET (self)))
    return G_SOURCE_REMOVE;

  /* Hundreds at once would hold the window up: a page at a time. */
  add_first_rows (self, list, more, MORE_ROWS);
  /* The keyboard focus goes to the first row shown, where the other was. */
  first = gtk_widget_get_next_sibling (row);
  gtk_list_box_remove (GTK_LIST_BOX (list), row);
  if (first != NULL)
    gtk_widget_grab_focus (first);

  return G_SOURCE_REMOVE;
}

static void
on_row_activated (DramatisDetails *self,
                  GtkListBoxRow   *row,
                  GtkListBox      *list)
{
  DramatisItemKind kind;

  g_assert (DRAMATIS_IS_DETAILS (self));

  /* Like a row that leads elsewhere, the row goes once the list is done
   * with the click on it.
   */
  if (g_object_get_data (G_OBJECT (row), MORE_KEY) != NULL)
    {
      g_set_object (&self->more_row, GTK_WIDGET (row));
      if (self->more_idle_id == 0)
        self->more_idle_id = g_idle_add (show_more_cb, self);
      return;
    }

  kind = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), ITEM_KIND_KEY));
  if (kind == DRAMATIS_ITEM_NONE)
    return;

  /* Whoever handles the signal is likely to show the item at once, and so
   * to destroy this row while the list is still handling the click on it;
   * the signal waits for the list to be done.
   */
  self->activated.kind = kind;
  self->activated.index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), ITEM_INDEX_KEY));
  if (self->activated_idle_id == 0)
    self->activated_idle_id = g_idle_add (emit_item_selected_cb, self);
}

GtkWidget *
dramatis_details_create_list (DramatisDetails *self)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  if (self->first_list == NULL)
    self->first_list = list;
  g_signal_connect_object (list, "row-activated", G_CALLBACK (on_row_activated), self,
                           G_CONNECT_SWAPPED);

  return list;
}

static void
remove_scroll_tick (DramatisDetails *self)
{
  if (self->scroll_tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->scroll_tick_id);
      self->scroll_tick_id = 0;
    }
}

static gboolean
scroll_to_highlighted_cb (GtkWidget     *widget,
                          GdkFrameClock *frame_clock,
                          gpointer       user_data)
{
  DramatisDetails *self = DRAMATIS_DETAILS (widget);
  GtkAdjustment *adjustment;
  GtkWidget *child;
  graphene_point_t point;
  double top;

  g_assert (DRAMATIS_IS_DETAILS (self));

  /* A new page is laid out in the frame after it was built; until then the
   * statement has no place to scroll to.
   */
  if (self->highlighted == NULL || ++self->scroll_frames > MAX_SCROLL_FRAMES)
    goto done;

  if (gtk_widget_get_height (self->highlighted) <= 0)
    return G_SOURCE_CONTINUE;

  child = gtk_scrolled_window_get_child (self->scroller);
  if (!gtk_widget_compute_point (self->highlighted, child, &GRAPHENE_POINT_INIT (0, 0), &point))
    goto done;

  /* Leave the heading above the statement in view when it fits. */
  adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  top = MAX (point.y - 48, 0);
  gtk_adjustment_set_value (adjustment,
                            MIN (top, gtk_adjustment_get_upper (adjustment)
                                      - gtk_adjustment_get_page_size (adjustment)));

done:
  self->scroll_tick_id = 0;
  return G_SOURCE_REMOVE;
}

static void
remove_reveal_tick (DramatisDetails *self)
{
  if (self->reveal_tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->reveal_tick_id);
      self->reveal_tick_id = 0;
    }
}

/* Shows the staged widgets up to @end, and says whether any are left. */
static gboolean
reveal_until (DramatisDetails *self,
              guint            end)
{
  for (; self->n_revealed < MIN (end, self->staged->len); self->n_revealed++)
    {
      GtkWidget *widget = g_ptr_array_index (self->staged, self->n_revealed);

      add_pending_rows (self, widget);
      gtk_widget_set_visible (widget, TRUE);
    }

  return self->n_revealed < self->staged->len;
}

static gboolean
reveal_rows_cb (GtkWidget     *widget,
                GdkFrameClock *frame_clock,
                gpointer       user_data)
{
  DramatisDetails *self = DRAMATIS_DETAILS (widget);
  guint end = self->n_revealed;
  guint n_rows = 0;

  g_assert (DRAMATIS_IS_DETAILS (self));

  /* The first tick comes in the frame that lays out the page: that one
   * shows only the first rows.
   */
  if (frame_clock != NULL && gdk_frame_clock_get_frame_counter (frame_clock) <= self->staged_frame)
    return G_SOURCE_CONTINUE;

  /* A section comes with its first rows, never alone. */
  while (end < self->staged->len && n_rows < ROWS_PER_FRAME)
    n_rows += GTK_IS_LIST_BOX_ROW (g_ptr_array_index (self->staged, end++));

  if (reveal_until (self, end))
    return G_SOURCE_CONTINUE;

  self->reveal_tick_id = 0;
  return G_SOURCE_REMOVE;
}

static void
collect_rows (GtkWidget *widget,
              GPtrArray *rows)
{
  if (GTK_IS_LIST_BOX_ROW (widget))
    {
      g_ptr_array_add (rows, widget);
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_rows (child, rows);
}

static void
stage (DramatisDetails *self,
       GtkWidget       *widget)
{
  gtk_widget_set_visible (widget, FALSE);
  g_ptr_array_add (self->staged, widget);
}

/* Hides every row of the new page past the first few, and the sections
 * that only hold such rows, to be shown a few a frame.
 */
static void
stage_page (DramatisDetails *self)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  guint budget = FIRST_ROWS;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->content)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      /* A section past the budget gets its rows built when it is shown. */
      if (budget > 0)
        add_pending_rows (self, child);
      g_ptr_array_set_size (rows, 0);
      collect_rows (child, rows);

      /* Past the budget, what follows waits too, to keep the page's order. */
      if (budget == 0)
        stage (self, child);

      for (guint i = 0; i < rows->len; i++)
        {
          if (budget > 0)
            budget--;
          else
            stage (self, g_ptr_array_index (rows, i));
        }
    }

  if (self->staged->len > 0)
    {
      GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

      /* The frame that comes next is the page's first. */
      self->staged_frame = clock != NULL ? gdk_frame_clock_get_frame_counter (clock) + 1 : 0;
      self->reveal_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), reveal_rows_cb, NULL, NULL);
    }
}

/* Shows the staged widgets at once up to the last one in @widget, or
 * holding it.
 */
static void
reveal_widget (DramatisDetails *self,
               GtkWidget       *widget)
{
  guint end = self->n_revealed;

  for (guint i = self->n_revealed; i < self->staged->len; i++)
    {
      GtkWidget *staged = g_ptr_array_index (self->staged, i);

      if (staged == widget || gtk_widget_is_ancestor (staged, widget) ||
          gtk_widget_is_ancestor (widget, staged))
        end = i + 1;
    }

  reveal_until (self, end);
}

static void
highlight_statement (DramatisDetails *self,
                     guint            statement)
{
  GtkWidget *list = g_hash_table_lookup (self->statement_widgets, GUINT_TO_POINTER (statement));

  if (self->highlighted != NULL)
    gtk_widget_remove_css_class (self->highlighted, "highlighted");
  self->highlighted = list;

  remove_scroll_tick (self);

  if (list == NULL)
    return;

  /* A statement far down the page is shown now, to be scrolled to. */
  reveal_widget (self, list);
  gtk_widget_add_css_class (list, "highlighted");
  self->scroll_frames = 0;
  self->scroll_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), scroll_to_highlighted_cb,
                                                        NULL, NULL);
}

/* Takes the page away.  Returns whether the keyboard focus was on it: the
 * focus then moves out first, since GTK 4.8 may otherwise keep looking at
 * the destroyed widget while laying out.
 */
static gboolean
drop_content (DramatisDetails *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
  gboolean had_focus = FALSE;

  remove_scroll_tick (self);
  remove_reveal_tick (self);
  g_ptr_array_set_size (self->staged, 0);
  self->n_revealed = 0;
  self->highlighted = NULL;
  self->n_statements = 0;
  g_hash_table_remove_all (self->statement_widgets);

  if (self->content == NULL)
    return FALSE;

  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->content)))
    {
      gtk_root_set_focus (root, NULL);
      had_focus = TRUE;
    }

  self->content = NULL;
  self->first_list = NULL;
  adw_clamp_set_child (self->clamp, NULL);

  return had_focus;
}

static void
dramatis_details_rebuild (DramatisDetails *self)
{
  DramatisItem page = self->item;
  guint n_items = 0;
  gboolean had_focus;

  g_assert (DRAMATIS_IS_DETAILS (self));

  if (self->story != NULL)
    {
      switch (self->item.kind)
        {
        case DRAMATIS_ITEM_ACTOR:
          n_items = dramatis_story_get_n_actors (self->story);
          break;
        case DRAMATIS_ITEM_EVENT:
          n_items = dramatis_story_get_n_events (self->story);
          break;
        case DRAMATIS_ITEM_RELATION:
          n_items = dramatis_story_get_n_relations (self->story);
          break;
        case DRAMATIS_ITEM_STATEMENT:
          n_items = dramatis_story_get_n_statements (self->story);
          break;
        case DRAMATIS_ITEM_NONE:
        default:
          break;
        }
    }

  if (page.kind == DRAMATIS_ITEM_NONE || page.index >= n_items)
    {
      self->page = DRAMATIS_ITEM_INIT_NONE;
      drop_content (self);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  if (page.kind == DRAMATIS_ITEM_STATEMENT)
    {
      guint speaker = dramatis_story_get_statement (self->story, page.index)->speaker;

      if (speaker < dramatis_story_get_n_actors (self->story))
        page = (DramatisItem) { DRAMATIS_ITEM_ACTOR, speaker };
    }

  /* The speaker's page is already up: only the highlight moves. */
  if (self->content != NULL && dramatis_item_equal (&page, &self->page))
    {
      if (self->item.kind == DRAMATIS_ITEM_STATEMENT)
        highlight_statement (self, self->item.index);
      else
        highlight_statement (self, DRAMATIS_NO_INDEX);
      return;
    }

  had_focus = drop_content (self);
  self->page = page;
  self->content = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 24));
  gtk_widget_set_margin_top (GTK_WIDGET (self->content), 24);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->content), 24);
  gtk_widget_set_margin_start (GTK_WIDGET (self->content), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->content), 12);

  switch (page.kind)
    {
    case DRAMATIS_ITEM_ACTOR:
      dramatis_details_build_actor_page (self, page.index);
      break;
    case DRAMATIS_ITEM_EVENT:
      dramatis_details_build_event_page (self, page.index);
      break;
    case DRAMATIS_ITEM_RELATION:
      dramatis_details_build_relation_page (self, page.index);
      break;
    case DRAMATIS_ITEM_STATEMENT:
      dramatis_details_build_statement_page (self, page.index);
      break;
    case DRAMATIS_ITEM_NONE:
    default:
      g_assert_not_reached ();
    }

  stage_page (self);
  adw_clamp_set_child (self->clamp, GTK_WIDGET (self->content));
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  gtk_stack_set_visible_child_name (self->stack, "item");

  /* A keyboard user who followed a row lands on the new page's first
   * row, not back at the start of the window.
   */
  if (had_focus && self->first_list != NULL)
    gtk_widget_child_focus (self->first_list, GTK_DIR_TAB_FORWARD);

  if (self->item.kind == DRAMATIS_ITEM_STATEMENT && page.kind == DRAMATIS_ITEM_ACTOR)
    highlight_statement (self, self->item.index);
}

static void
dramatis_details_dispose (GObject *object)
{
  DramatisDetails *self = DRAMATIS_DETAILS (object);
  GtkWidget *child;

  remove_scroll_tick (self);
  remove_reveal_tick (self);
  if (self->staged != NULL)
    g_ptr_array_set_size (self->staged, 0);
  g_clear_handle_id (&self->activated_idle_id, g_source_remove);
  g_clear_handle_id (&self->more_idle_id, g_source_remove);
  g_clear_object (&self->more_row);
  self->highlighted = NULL;
  self->content = NULL;
  self->first_list = NULL;
  if (self->statement_widgets != NULL)
    g_hash_table_remove_all (self->statement_widgets);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  if (self->kind_colors != NULL)
    gtk_style_context_remove_provider_for_display (gtk_widget_get_display (GTK_WIDGET (self)),
                                                   GTK_STYLE_PROVIDER (self->kind_colors));
  g_clear_object (&self->kind_colors);

  G_OBJECT_CLASS (dramatis_details_parent_class)->dispose (object);
}

static void
dramatis_details_finalize (GObject *object)
{
  DramatisDetails *self = DRAMATIS_DETAILS (object);

  g_clear_object (&self->story);
  g_clear_pointer (&self->statement_widgets, g_hash_table_unref);
  g_clear_pointer (&self->staged, g_ptr_array_unref);

  G_OBJECT_CLASS (dramatis_details_parent_class)->finalize (object);
}

static void
dramatis_details_class_init (DramatisDetailsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();
  GdkDisplay *display = gdk_display_get_default ();

  object_class->dispose = dramatis_details_dispose;
  object_class->finalize = dramatis_details_finalize;

  /**
   * DramatisDetails::item-selected:
   * @self: the details pane
   * @kind: a #DramatisItemKind
   * @index: the item's index in the story
   *
   * The user activated a row that leads to another item: an actor, an event
   * or a relation.  The pane does not show it until told to.
   */
  signals[ITEM_SELECTED] = g_signal_new ("item-selected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "details");

  /* The style is the pane's own, so it ships with the pane rather than in
   * the application's stylesheet.
   */
  gtk_css_provider_load_from_data (provider, details_css, -1);
  if (display != NULL)
    gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static void
dramatis_details_init (DramatisDetails *self)
{
  GtkWidget *empty, *page;

  self->item = DRAMATIS_ITEM_INIT_NONE;
  self->page = DRAMATIS_ITEM_INIT_NONE;
  self->activated = DRAMATIS_ITEM_INIT_NONE;
  self->statement_widgets = g_hash_table_new (NULL, NULL);
  self->staged = g_ptr_array_new ();

  empty = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), APPLICATION_ID "-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("Nothing Selected"));
  adw_status_page_set_description (ADW_STATUS_PAGE (empty),
                                   _("Select an actor, an event or a relation on the timeline or in the network to read what the story says about it"));
  gtk_widget_add_css_class (empty, "compact");

  self->clamp = ADW_CLAMP (adw_clamp_new ());
  adw_clamp_set_maximum_size (self->clamp, MAX_CONTENT_WIDTH);
  adw_clamp_set_tightening_threshold (self->clamp, MAX_CONTENT_WIDTH);

  /* The page takes the pane's width: finding out how narrow its text could
   * go, each time the window is measured, would cost more than laying it
   * out.
   */
  page = dramatis_width_bin_new (GTK_WIDGET (self->clamp), MIN_CONTENT_WIDTH);

  self->scroller = GTK_SCROLLED_WINDOW (gtk_scrolled_window_new ());
  gtk_scrolled_window_set_policy (self->scroller, GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (self->scroller, page);

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_named (self->stack, empty, "empty");
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->scroller), "item");
  gtk_stack_set_visible_child_name (self->stack, "empty");
  gtk_widget_set_parent (GTK_WIDGET (self->stack), GTK_WIDGET (self));
}

/**
 * dramatis_details_new:
 *
 * Returns: (transfer floating): a new, empty details pane
 */
GtkWidget *
dramatis_details_new (void)
{
  return g_object_new (DRAMATIS_TYPE_DETAILS, NULL);
}

/**
 * dramatis_details_set_story:
 * @self: a details pane
 * @story: (nullable): the story to show items of
 *
 * Shows items of @story from now on; the pane is empty until an item is
 * shown.
 */
void
dramatis_details_set_story (DramatisDetails *self,
                            DramatisStory   *story)
{
  g_return_if_fail (DRAMATIS_IS_DETAILS (self));
  g_return_if_fail (story == NULL || DRAMATIS_IS_STORY (story));

  if (self->story == story)
    return;

  /* The old page's widgets go before the story they point into, and a row
   * activated on it no longer means anything.
   */
  g_clear_handle_id (&self->activated_idle_id, g_source_remove);
  self->item = DRAMATIS_ITEM_INIT_NONE;
  dramatis_details_rebuild (self);
  g_set_object (&self->story, story);
}

static void
append_color (GString             *css,
              const DramatisColor *color)
{
  g_string_append_printf (css, "rgb(%d,%d,%d)",
                          (int) round (color->red * 255), (int) round (color->green * 255),
                          (int) round (color->blue * 255));
}

/**
 * dramatis_details_set_theme:
 * @self: a details pane
 * @theme: the theme the diagrams are drawn with
 *
 * Colours each actor's avatar with the colour the diagrams give its kind,
 * with white or dark initials and icons, whichever has more contrast with
 * it.
 */
void
dramatis_details_set_theme (DramatisDetails     *self,
                            const DramatisTheme *theme)
{
  g_autoptr(GString) css = g_string_new (NULL);

  g_return_if_fail (DRAMATIS_IS_DETAILS (self));
  g_return_if_fail (theme != NULL);

  for (int kind = DRAMATIS_ACTOR_KIND_OTHER; kind <= DRAMATIS_ACTOR_KIND_GROUP; kind++)
    {
      const DramatisColor *color = &theme->actor_kinds[kind];
      DramatisColor text;

      dramatis_color_get_text_on (color, &text);

      /* AdwAvatar paints its colour on its child, the "avatar" node, and
       * colours the icon it shows in place of initials white unless told
       * otherwise.
       */
      g_string_append_printf (css, ".actor-kind-%s > avatar, .actor-kind-%s > avatar.contrasted "
                              "{ background-image: none; background-color: ",
                              dramatis_actor_kind_to_string (kind), dramatis_actor_kind_to_string (kind));
      append_color (css, color);
      g_string_append (css, "; color: ");
      append_color (css, &text);
      g_string_append (css, "; }\n");
    }

  if (self->kind_colors == NULL)
    {
      self->kind_colors = gtk_css_provider_new ();
      gtk_style_context_add_provider_for_display (gtk_widget_get_display (GTK_WIDGET (self)),
                                                  GTK_STYLE_PROVIDER (self->kind_colors),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
    }
  gtk_css_provider_load_from_data (self->kind_colors, css->str, css->len);
}

/**
 * dramatis_details_get_story:
 * @self: a details pane
 *
 * Returns: (transfer none) (nullable): the story the pane shows items of
 */
DramatisStory *
dramatis_details_get_story (DramatisDetails *self)
{
  g_return_val_if_fail (DRAMATIS_IS_DETAILS (self), NULL);

  return self->story;
}

/**
 * dramatis_details_show_item:
 * @self: a details pane
 * @kind: what kind of item, or %DRAMATIS_ITEM_NONE to show nothing
 * @index: the item's index in the story
 *
 * Shows what the story says about an item.  A statement is shown on its
 * speaker's page, highlighted and scrolled to.  An index out of range shows
 * nothing.
 */
void
dramatis_details_show_item (DramatisDetails  *self,
                            DramatisItemKind  kind,
                            guint             index)
{
  DramatisItem item = { kind, index };

  g_return_if_fail (DRAMATIS_IS_DETAILS (self));
  g_return_if_fail (kind <= DRAMATIS_ITEM_STATEMENT);

  if (kind == DRAMATIS_ITEM_NONE)
    item = DRAMATIS_ITEM_INIT_NONE;

  if (dramatis_item_equal (&item, &self->item) && (self->content != NULL || kind == DRAMATIS_ITEM_NONE))
    return;

  self->item = item;
  dramatis_details_rebuild (self);
}

/**
 * dramatis_details_reload:
 * @self: a details pane
 * @kind: what kind of item to show, or %DRAMATIS_ITEM_NONE
 * @index: its index in the story
 *
 * Shows an item again, or for the first time, after the story changed:
 * what the pane shows may have changed even if the item is the same.
 */
void
dramatis_details_reload (DramatisDetails  *self,
                         DramatisItemKind  kind,
                         guint             index)
{
  g_return_if_fail (DRAMATIS_IS_DETAILS (self));
  g_return_if_fail (kind <= DRAMATIS_ITEM_STATEMENT);

  self->item = kind == DRAMATIS_ITEM_NONE ? DRAMATIS_ITEM_INIT_NONE : (DramatisItem) { kind, index };
  dramatis_details_rebuild (self);
}

/**
 * dramatis_details_get_n_statements:
 * @self: a details pane
 *
 * Returns: how many statements the pane lists now
 */
guint
dramatis_details_get_n_statements (DramatisDetails *self)
{
  g_return_val_if_fail (DRAMATIS_IS_DETAILS (self), 0);

  return self->n_statements;
}
