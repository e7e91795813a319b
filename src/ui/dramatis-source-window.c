/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "dramatis-source-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "dramatis-source-window-private.h"

/* The text of a source, with the passage a fact rests on highlighted and
 * scrolled into view, so that the reader can check the quote in its
 * context.  The window is not modal: a reader may keep several sources open
 * beside the main window and compare them.  Each source has one window per
 * main window, which shows the passage asked for last: a reader following
 * one article through its quotes keeps reading it in the same place.
 *
 * The window follows the story's edits: it shows the source's new text and
 * title, and closes when the source is removed.  Making a selected passage
 * into evidence, and underlining the story's evidence, is in
 * dramatis-source-window-grounding.c.
 */

/* Frames to keep the passage in view while the text is laid out: at most,
 * and once its height stops changing.
 */
#define SCROLL_MAX_FRAMES    120
#define SCROLL_STABLE_FRAMES 3

G_DEFINE_FINAL_TYPE (DramatisSourceWindow, dramatis_source_window, ADW_TYPE_WINDOW)

/* Libadwaita 1.2 has one accent colour, blue 3 of the GNOME palette, and a
 * text tag cannot take its colours from CSS; so the tag gets the accent at
 * an opacity that keeps the text readable on the light, dark and
 * high-contrast backgrounds, and changes with them.
 */
#define ACCENT_RED   (0x35 / 255.)
#define ACCENT_GREEN (0x84 / 255.)
#define ACCENT_BLUE  (0xe4 / 255.)

/* Where the passage should sit in the window: near the top, with some of
 * the text before it in view for context.
 */
#define PASSAGE_YALIGN 0.25

static gboolean
locate_passage (const DramatisSource   *source,
                const DramatisEvidence *evidence,
                guint                  *start,
                guint                  *end)
{
  const char *found;

  g_assert (source != NULL);
  g_assert (evidence != NULL);

  if (evidence->end > evidence->start && evidence->end <= source->text_length)
    {
      *start = evidence->start;
      *end = evidence->end;
      return TRUE;
    }

  /* A story may quote the passage without saying where it is; the quote
   * alone still finds its first occurrence.
   */
  if (evidence->exact == NULL || evidence->exact[0] == '\0')
    return FALSE;

  found = g_strstr_len (source->text, source->text_size, evidence->exact);
  if (found == NULL)
    return FALSE;

  *start = g_utf8_pointer_to_offset (source->text, found);
  *end = *start + g_utf8_strlen (evidence->exact, -1);

  return TRUE;
}

static void
update_highlight (DramatisSourceWindow *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  GdkRGBA colour = { ACCENT_RED, ACCENT_GREEN, ACCENT_BLUE, 0.25 };

  g_assert (DRAMATIS_IS_SOURCE_WINDOW (self));

  if (self->highlight == NULL)
    return;

  if (adw_style_manager_get_high_contrast (manager))
    colour.alpha = adw_style_manager_get_dark (manager) ? 0.6 : 0.4;
  else if (adw_style_manager_get_dark (manager))
    colour.alpha = 0.45;

  g_object_set (self->highlight, "background-rgba", &colour, NULL);

  /* Passages of the story's evidence are underlined in the accent, fully
   * opaque: a line is thin enough not to hide the text.
   */
  colour.alpha = 1.0;
  if (self->evidence_tag != NULL)
    g_object_set (self->evidence_tag,
                  "underline", PANGO_UNDERLINE_SINGLE,
                  "underline-rgba", &colour,
                  NULL);
}

static void
scroll_to_passage (DramatisSourceWindow *self)
{
  g_assert (DRAMATIS_IS_SOURCE_WINDOW (self));

  if (self->view == NULL || !self->has_passage)
    return;

  gtk_text_view_scroll_to_mark (self->view, self->passage_mark, 0.0, TRUE, 0.0, PASSAGE_YALIGN);
}

/* A text view lays out its lines a few at a time, and until it has, the
 * place of a line is an estimate: scrolling once, when the view is mapped,
 * ends up wherever the estimate was wrong.  So the view scrolls to the
 * passage on every frame until its height has stopped changing.
 */
static gboolean
scroll_tick_cb (GtkWidget     *view,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  DramatisSourceWindow *self = user_data;
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
  double upper = adjustment != NULL ? gtk_adjustment_get_upper (adjustment) : 0;

  scroll_to_passage (self);

  if (upper == self->last_upper && gtk_widget_get_height (view) > 0)
    self->stable_frames++;
  else
    self->stable_frames = 0;
  self->last_upper = upper;

  if (self->stable_frames >= SCROLL_STABLE_FRAMES || ++self->scroll_frames >= SCROLL_MAX_FRAMES)
    {
      self->scroll_tick = 0;
      return G_SOURCE_REMOVE;
    }

  return G_SOURCE_CONTINUE;
}

/* Scrolls to the passage now and on the frames to come, until the text's
 * layout has settled; a passage asked for while an earlier one is still
 * being scrolled to starts the count again.
 */
static void
start_scrolling (DramatisSourceWindow *self)
{
  g_assert (DRAMATIS_IS_SOURCE_WINDOW (self));
  g_assert (self->view != NULL);

  if (!self->has_passage)
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->view);

      gtk_text_view_scroll_to_mark (self->view, gtk_text_buffer_get_insert (buffer), 0.0, FALSE, 0.0, 0.0);
      return;
    }

  scroll_to_passage (self);

  self->scroll_frames = self->stable_frames = 0;
  self->last_upper = -1;
  if (self->scroll_tick == 0)
    self->scroll_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self->view), scroll_tick_cb, self, NULL);
}

static void
on_view_map (DramatisSourceWindow *self,
             GtkWidget            *view)
{
  g_assert (DRAMATIS_IS_SOURCE_WINDOW (self));

  start_scrolling (self);
}

static void
on_view_unmap (DramatisSourceWindow *self,
               GtkWidget            *view)
{
  if (self->scroll_tick != 0)
    {
      gtk_widget_remove_tick_callback (view, self->scroll_tick);
      self->scroll_tick = 0;
    }
}

static void
on_open_original (DramatisSourceWindow *self,
                  GtkButton            *button)
{
  g_assert (DRAMATIS_IS_SOURCE_WINDOW (self));

  if (self->url != NULL)
    gtk_show_uri (GTK_WINDOW (self), self->url, GDK_CURRENT_TIME);
}

/* Highlights the passage of @evidence in the text, and puts the caret at
 * its start, or at the start of the text if it cannot be found there.
 */
static void
select_passage (DramatisSourceWindow   *self,
                const DramatisSource   *source,
                const DramatisEvidence *evidence)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag (buffer, self->highlight, &start, &end);

  self->has_passage = evidence != NULL
                      && locate_passage (source, evidence, &self->passage_start, &self->passage_end);
  if (!self->has_passage)
    {
      gtk_text_buffer_place_cursor (buffer, &start);
      return;
    }

  gtk_text_buffer_get_iter_at_offset (buffer, &start, self->passage_start);
  gtk_text_buffer_get_iter_at_offset (buffer, &end, self->passage_end);
  gtk_text_buffer_apply_tag (buffer, self->highlight, &start, &end);

  /* The caret goes to the passage too, so that caret browsing (F7)
   * and screen readers start from what the reader came to see.
   */
  gtk_text_buffer_place_cursor (buffer, &start);
  if (self->passage_mark == NULL)
    self->passage_mark = gtk_text_buffer_create_mark (buffer, "passage", &start, TRUE);
  else
    gtk_text_buffer_move_mark (buffer, self->passage_mark, &start);
}

static GtkWidget *
create_text_view (DramatisSourceWindow   *self,
                  const DramatisSource   *source,
                  const DramatisEvidence *evidence)
{
  GtkWidget *scroller;
  GtkWidget *box;
  GtkTextBuffer *buffer;

  self->view = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_text_view_set_editable (self->view, FALSE);
  gtk_text_view_set_cursor_visible (self->view, FALSE);
  gtk_text_view_set_wrap_mode (self->view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_left_margin (self->view, 24);
  gtk_text_view_set_right_margin (self->view, 24);
  gtk_text_view_set_top_margin (self->view, 18);
  gtk_text_view_set_bottom_margin (self->view, 24);
  gtk_text_view_set_pixels_inside_wrap (self->view, 2);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, source->title ? source->title : _("Source"),
                                  -1);

  buffer = gtk_text_view_get_buffer (self->view);
  gtk_text_buffer_set_text (buffer, source->text, source->text_size);
  /* Evidence counts characters of the source's text; a text the buffer
   * holds otherwise cannot be pointed into by a selection.
   */
  self->offsets_match = (guint) gtk_text_buffer_get_char_count (buffer) == source->text_length;

  self->highlight = gtk_text_buffer_create_tag (buffer, "passage", NULL);
  self->evidence_tag = gtk_text_buffer_create_tag (buffer, "evidence", NULL);
  update_highlight (self);
  dramatis_source_window_highlight_evidence (self);

  select_passage (self, source, evidence);

  g_signal_connect_object (self->view, "map", G_CALLBACK (on_view_map), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->view, "unmap", G_CALLBACK (on_view_unmap), self, G_CONNECT_SWAPPED);

  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->view));

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (box), scroller);
  gtk_box_append (GTK_BOX (box), dramatis_source_window_create_grounding (self));
  dramatis_source_window_update_actions (self);

  return box;
}

static GtkWidget *
create_missing_text_page (DramatisSourceWindow   *self,
                          const DramatisSource   *source,
                          const DramatisEvidence *evidence)
{
  GtkWidget *page;
  GtkWidget *clamp;
  GtkWidget *card;
  GtkWidget *quote;

  page = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (page), "text-x-generic-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (page), _("Source Text Not Included"));
  gtk_widget_set_vexpand (page, TRUE);

  if (source == NULL)
    adw_status_page_set_description (ADW_STATUS_PAGE (page),
                                     _("This story does not describe the source of this passage."));
  else if (evidence != NULL && evidence->exact != NULL)
    adw_status_page_set_description (ADW_STATUS_PAGE (page),
                                     _("This story does not include the text of its source, only the passage it quotes."));
  else
    adw_status_page_set_description (ADW_STATUS_PAGE (page),
                                     _("This story does not include the text of its source."));

  if (evidence == NULL || evidence->exact == NULL)
    return page;

  /* The passage is verbatim, quotation marks and all, so it is set apart
   * in a card rather than quoted again.  It is not selectable: it would
   * take the window's first focus and show up all selected, and the
   * details pane already offers it for copying.
   */
  quote = gtk_label_new (evidence->exact);
  gtk_label_set_wrap (GTK_LABEL (quote), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (quote), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (quote), 0.0);
  gtk_widget_set_margin_top (quote, 18);
  gtk_widget_set_margin_bottom (quote, 18);
  gtk_widget_set_margin_start (quote, 18);
  gtk_widget_set_margin_end (quote, 18);

  card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_add_css_class (card, "card");
  gtk_box_append (GTK_BOX (card), quote);

  clamp = adw_clamp_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 520);
  adw_clamp_set_child (ADW_CLAMP (clamp), card);
  adw_status_page_set_child (ADW_STATUS_PAGE (page), clamp);

  return page;
}

/* The source a passage is from; with no passage, the story's first. */
static guint
get_source_index (const DramatisEvidence *evidence)
{
  return evidence != NULL ? evidence->source : 0;
}

static const DramatisSource *
lookup_source (DramatisStory *story,
               guint          index)
{
  return index < dramatis_story_get_n_sources (story) ? dramatis_story_get_source (story, index) : NULL;
}

static gboolean
shows_source_of (DramatisSourceWindow   *self,
                 DramatisStory          *story,
                 const DramatisEvidence *evidence)
{
  guint index = get_source_index (evidence);

  g_assert (DRAMATIS_IS_SOURCE_WINDOW (self));

  if (self->story != story || self->source_index != index)
    return FALSE;

  /* Sources the story does not describe have no index of their own: their
   * ids tell them apart.
   */
  if (evidence != NULL && index == DRAMATIS_NO_INDEX)
    return g_strcmp0 (self->source_id, evidence->source_id) == 0;

  return TRUE;
}

/* The source windows that belong to @parent, newest last. */
static GPtrArray *
list_windows (GtkWindow *parent)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  GPtrArray *windows = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (DRAMATIS_IS_SOURCE_WINDOW (window) && gtk_window_get_transient_for (window) == parent)
        g_ptr_array_add (windows, g_steal_pointer (&window));
    }

  return windows;
}

/* Shows the passage of @evidence, from the source the window shows, in
 * place of the one it showed.
 */
static void
show_evidence (DramatisSourceWindow   *self,
               const DramatisEvidence *evidence)
{
  const DramatisSource *source = lookup_source (self->story, self->source_index);

  g_assert (DRAMATIS_IS_SOURCE_WINDOW (self));

  if (self->view != NULL)
    {
      select_passage (self, source, evidence);

      /* A view not on screen scrolls once it is mapped. */
      if (gtk_widget_get_mapped (GTK_WIDGET (self->view)))
        start_scrolling (self);
      return;
    }

  /* Without the source's text, the page quotes the passage itself. */
  gtk_box_remove (self->box, self->body);
  self->body = create_missing_text_page (self, source, evidence);
  gtk_box_append (self->box, self->body);
}

/* The title, the publisher and date, and the button to the original, as
 * the source has them now.
 */
static void
update_header (DramatisSourceWindow *self,
               const DramatisSource *source)
{
  g_autofree char *subtitle = NULL;
  const char *title = source && source->title ? source->title : _("Source");
  gboolean has_url = source != NULL && source->url != NULL && source->url[0] != '\0';

  adw_window_title_set_title (ADW_WINDOW_TITLE (self->title), title);
  gtk_window_set_title (GTK_WINDOW (self), title);

  if (source != NULL && dramatis_date_is_set (&source->published))
    {
      g_autofree char *date = dramatis_date_format (&source->published);

      if (source->publisher != NULL)
        /* Translators: a source's publisher and publication date */
        subtitle = g_strdup_printf (_("%s · %s"), source->publisher, date);
      else
        subtitle = g_steal_pointer (&date);
    }
  else if (source != NULL)
    subtitle = g_strdup (source->publisher);

  adw_window_title_set_subtitle (ADW_WINDOW_TITLE (self->title), subtitle != NULL ? subtitle : "");

  g_free (self->url);
  self->url = has_url ? g_strdup (source->url) : NULL;
  gtk_widget_set_visible (self->open_button, has_url);
}

static gboolean
shows_text_of (DramatisSourceWindow *self,
               const DramatisSource *source)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  if (self->view == NULL || source->text == NULL)
    return FALSE;

  buffer = gtk_text_view_get_buffer (self->view);
  if ((guint) gtk_text_buffer_get_char_count (buffer) != source->text_length)
    return FALSE;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
  return strcmp (text, source->text) == 0;
}

/* Shows @source's text, or the page that says it has none, anew. */
static void
rebuild_body (DramatisSourceWindow   *self,
              const DramatisSource   *source,
              const DramatisEvidence *evidence)
{
  gtk_box_remove (self->box, self->body);
  self->view = NULL;
  self->highlight = NULL;
  self->evidence_tag = NULL;
  self->passage_mark = NULL;
  self->actions = NULL;
  self->has_passage = FALSE;
  self->offsets_match = FALSE;

  if (source->text != NULL)
    self->body = create_text_view (self, source, evidence);
  else
    self->body = create_missing_text_page (self, source, evidence);
  gtk_box_append (self->box, self->body);
  dramatis_source_window_update_actions (self);
}

/* After each step of edits, undo and redo included: the source may have
 * moved, changed or gone, and evidence may point into it or no longer.
 */
static void
on_story_edited (DramatisSourceWindow *self,
                 DramatisStory        *story)
{
  const DramatisSource *source;
  guint index;

  g_assert (DRAMATIS_IS_SOURCE_WINDOW (self));

  if (self->known_id == NULL)
    return;

  index = dramatis_story_find_source (story, self->known_id);
  if (index == DRAMATIS_NO_INDEX)
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  self->source_index = index;
  source = dramatis_story_get_source (story, index);
  g_assert (source != NULL);
  update_header (self, source);

  if (shows_text_of (self, source))
    {
      dramatis_source_window_highlight_evidence (self);
      return;
    }

  {
    DramatisEvidence passage = { index, source->id, self->passage_start, self->passage_end, NULL };

    rebuild_body (self, source, self->has_passage ? &passage : NULL);
  }
}

static void
dramatis_source_window_dispose (GObject *object)
{
  DramatisSourceWindow *self = DRAMATIS_SOURCE_WINDOW (object);

  self->box = NULL;
  self->body = NULL;
  self->view = NULL;
  self->highlight = NULL;
  self->evidence_tag = NULL;
  self->passage_mark = NULL;
  self->actions = NULL;
  self->title = NULL;
  self->open_button = NULL;

  G_OBJECT_CLASS (dramatis_source_window_parent_class)->dispose (object);
}

static void
dramatis_source_window_finalize (GObject *object)
{
  DramatisSourceWindow *self = DRAMATIS_SOURCE_WINDOW (object);

  g_clear_object (&self->story);
  g_clear_pointer (&self->source_id, g_free);
  g_clear_pointer (&self->known_id, g_free);
  g_clear_pointer (&self->url, g_free);

  G_OBJECT_CLASS (dramatis_source_window_parent_class)->finalize (object);
}

static void
dramatis_source_window_class_init (DramatisSourceWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dramatis_source_window_dispose;
  object_class->finalize = dramatis_source_window_finalize;

  dramatis_source_window_class_init_grounding (widget_class);

  /* A reading window opened from a button: Escape puts it away again. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
dramatis_source_window_init (DramatisSourceWindow *self)
{
  gtk_window_set_default_size (GTK_WINDOW (self), 720, 640);
  gtk_window_set_modal (GTK_WINDOW (self), FALSE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (self), TRUE);
  dramatis_source_window_update_actions (self);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (update_highlight), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::high-contrast",
                           G_CALLBACK (update_highlight), self, G_CONNECT_SWAPPED);
}

/**
 * dramatis_source_window_new:
 * @parent: (nullable): the window it belongs to
 * @story: the story @evidence comes from
 * @evidence: (nullable): the passage to show; %NULL shows the whole first source
 *
 * Creates a window that shows the full text of the source of @evidence with
 * the passage highlighted and in view.  When @story does not carry the
 * source's text, the window shows the quoted passage alone and says why.
 *
 * Returns: (transfer none): the window, not yet presented; GTK keeps it
 *   until it is closed
 */
GtkWidget *
dramatis_source_window_new (GtkWindow              *parent,
                            DramatisStory          *story,
                            const DramatisEvidence *evidence)
{
  DramatisSourceWindow *self;
  const DramatisSource *source = NULL;
  GtkWidget *header;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (DRAMATIS_IS_STORY (story), NULL);

  self = g_object_new (DRAMATIS_TYPE_SOURCE_WINDOW, NULL);
  self->story = g_object_ref (story);

  if (parent != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (self), parent);

  self->source_index = get_source_index (evidence);
  if (evidence != NULL && self->source_index == DRAMATIS_NO_INDEX)
    self->source_id = g_strdup (evidence->source_id);
  source = lookup_source (story, self->source_index);

  if (source != NULL)
    self->known_id = g_strdup (source->id);

  self->title = adw_window_title_new (NULL, NULL);
  header = adw_header_bar_new ();
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), self->title);

  self->open_button = gtk_button_new_from_icon_name ("web-browser-symbolic");
  gtk_widget_set_tooltip_text (self->open_button, _("Open Original"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->open_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Open Original"),
                                  -1);
  g_signal_connect_object (self->open_button, "clicked", G_CALLBACK (on_open_original), self, G_CONNECT_SWAPPED);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->open_button);

  update_header (self, source);

  if (source != NULL && source->text != NULL)
    self->body = create_text_view (self, source, evidence);
  else
    self->body = create_missing_text_page (self, source, evidence);

  self->box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 0));
  gtk_box_append (self->box, header);
  gtk_box_append (self->box, self->body);
  adw_window_set_content (ADW_WINDOW (self), GTK_WIDGET (self->box));

  g_signal_connect_object (story, "edited", G_CALLBACK (on_story_edited), self, G_CONNECT_SWAPPED);

  return GTK_WIDGET (self);
}

/**
 * dramatis_source_window_show:
 * @parent: (nullable): the window it belongs to
 * @story: the story @evidence comes from
 * @evidence: (nullable): the passage to show; %NULL shows the whole first source
 *
 * Presents the window of @parent that shows the source of @evidence, with
 * the passage highlighted and scrolled into view in place of the one it
 * showed, or a new window as dramatis_source_window_new() makes when
 * @parent has none for that source.
 *
 * Returns: (transfer none): the window
 */
GtkWidget *
dramatis_source_window_show (GtkWindow              *parent,
                             DramatisStory          *story,
                             const DramatisEvidence *evidence)
{
  g_autoptr(GPtrArray) windows = NULL;
  GtkWidget *window = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (DRAMATIS_IS_STORY (story), NULL);

  windows = list_windows (parent);
  for (guint i = 0; i < windows->len && window == NULL; i++)
    if (shows_source_of (windows->pdata[i], story, evidence))
      window = windows->pdata[i];

  if (window != NULL)
    show_evidence (DRAMATIS_SOURCE_WINDOW (window), evidence);
  else
    window = dramatis_source_window_new (parent, story, evidence);

  gtk_window_present (GTK_WINDOW (window));

  return window;
}

/**
 * dramatis_source_window_close_all:
 * @parent: (nullable): the window they belong to
 *
 * Closes the source windows of @parent, as when it shows another story.
 */
void
dramatis_source_window_close_all (GtkWindow *parent)
{
  g_autoptr(GPtrArray) windows = NULL;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));

  /* Listed first: a window destroyed leaves the list of toplevels. */
  windows = list_windows (parent);
  for (guint i = 0; i < windows->len; i++)
    gtk_window_destroy (windows->pdata[i]);
}

/**
 * dramatis_source_window_get_passage:
 * @self: a source window
 * @start: (out) (optional): the first character of the highlighted passage
 * @end: (out) (optional): the character after it
 *
 * Returns: %TRUE if the window shows the source's text with a passage
 *   highlighted, %FALSE if it shows no text or could not find the passage
 */
gboolean
dramatis_source_window_get_passage (DramatisSourceWindow *self,
                                    guint                *start,
                                    guint                *end)
{
  g_return_val_if_fail (DRAMATIS_IS_SOURCE_WINDOW (self), FALSE);

  if (start != NULL)
    *start = self->has_passage ? self->passage_start : 0;
  if (end != NULL)
    *end = self->has_passage ? self->passage_end : 0;

  return self->has_passage;
}

/**
 * dramatis_source_window_is_scrolling:
 * @self: a source window
 *
 * Returns: %TRUE while the window keeps scrolling its passage into view,
 *   until the text's layout settles
 */
gboolean
dramatis_source_window_is_scrolling (DramatisSourceWindow *self)
{
  g_return_val_if_fail (DRAMATIS_IS_SOURCE_WINDOW (self), FALSE);

  return self->scroll_tick != 0;
}

/**
 * dramatis_source_window_get_source:
 * @self: a source window
 *
 * Returns: the index of the source the window shows, or
 *   %DRAMATIS_NO_INDEX for one the story does not describe
 */
guint
dramatis_source_window_get_source (DramatisSourceWindow *self)
{
  g_return_val_if_fail (DRAMATIS_IS_SOURCE_WINDOW (self), DRAMATIS_NO_INDEX);

  return self->source_index;
}
