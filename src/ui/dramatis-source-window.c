/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "dramatis-source-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "dramatis-source-window.h"

/* The text of a source, with the passage a fact rests on highlighted and
 * scrolled into view, so that the reader can check the quote in its
 * context.  The window is not modal: a reader may keep several sources open
 * beside the main window and compare them.
 */

struct _DramatisSourceWindow
{
  AdwWindow      parent_instance;

  DramatisStory *story;
  char          *url;

  GtkTextView   *view;       /* NULL when the story lacks the source's text */
  GtkTextTag    *highlight;
  GtkTextMark   *passage_mark;
  gboolean       has_passage;
  guint          passage_start;
  guint          passage_end;

  /* Scrolling to the passage until the text's layout settles. */
  guint          scroll_tick;
  guint          scroll_frames;
  guint          stable_frames;
  double         last_upper;
};

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
}

static void
scroll_to_passage (DramatisSourceWindow *self)
{
  g_assert (DRAMATIS_IS_SOURCE_WINDOW (self));

  if (self->view == NULL || self->passage_mark == NULL)
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

static void
on_view_map (DramatisSourceWindow *self,
             GtkWidget            *view)
{
  g_assert (DRAMATIS_IS_SOURCE_WINDOW (self));

  scroll_to_passage (self);

  if (self->passage_mark != NULL && self->scroll_tick == 0)
    {
      self->scroll_frames = self->stable_frames = 0;
      self->last_upper = -1;
      self->scroll_tick = gtk_widget_add_tick_callback (view, scroll_tick_cb, self, NULL);
    }
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

static GtkWidget *
create_text_view (DramatisSourceWindow   *self,
                  const DramatisSource   *source,
                  const DramatisEvidence *evidence)
{
  GtkWidget *scroller;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

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

  self->highlight = gtk_text_buffer_create_tag (buffer, "passage", NULL);
  update_highlight (self);

  if (evidence != NULL
      && locate_passage (source, evidence, &self->passage_start, &self->passage_end))
    {
      self->has_passage = TRUE;
      gtk_text_buffer_get_iter_at_offset (buffer, &start, self->passage_start);
      gtk_text_buffer_get_iter_at_offset (buffer, &end, self->passage_end);
      gtk_text_buffer_apply_tag (buffer, self->highlight, &start, &end);

      /* The caret goes to the passage too, so that caret browsing (F7)
       * and screen readers start from what the reader came to see.
       */
      gtk_text_buffer_place_cursor (buffer, &start);
      self->passage_mark = gtk_text_buffer_create_mark (buffer, "passage", &start, TRUE);
    }
  else
    {
      gtk_text_buffer_get_start_iter (buffer, &start);
      gtk_text_buffer_place_cursor (buffer, &start);
    }

  g_signal_connect_object (self->view, "map", G_CALLBACK (on_view_map), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->view, "unmap", G_CALLBACK (on_view_unmap), self, G_CONNECT_SWAPPED);

  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->view));

  return scroller;
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

static void
dramatis_source_window_dispose (GObject *object)
{
  DramatisSourceWindow *self = DRAMATIS_SOURCE_WINDOW (object);

  self->view = NULL;
  self->highlight = NULL;
  self->passage_mark = NULL;

  G_OBJECT_CLASS (dramatis_source_window_parent_class)->dispose (object);
}

static void
dramatis_source_window_finalize (GObject *object)
{
  DramatisSourceWindow *self = DRAMATIS_SOURCE_WINDOW (object);

  g_clear_object (&self->story);
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
  GtkWidget *box;
  GtkWidget *header;
  GtkWidget *title;
  GtkWidget *body;
  guint source_index = 0;
  g_autofree char *subtitle = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (DRAMATIS_IS_STORY (story), NULL);

  self = g_object_new (DRAMATIS_TYPE_SOURCE_WINDOW, NULL);
  self->story = g_object_ref (story);

  if (parent != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (self), parent);

  if (evidence != NULL)
    source_index = evidence->source;
  if (source_index < dramatis_story_get_n_sources (story))
    source = dramatis_story_get_source (story, source_index);

  title = adw_window_title_new (source && source->title ? source->title : _("Source"), NULL);
  gtk_window_set_title (GTK_WINDOW (self), source && source->title ? source->title : _("Source"));

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

  if (subtitle != NULL)
    adw_window_title_set_subtitle (ADW_WINDOW_TITLE (title), subtitle);

  header = adw_header_bar_new ();
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), title);

  if (source != NULL && source->url != NULL && source->url[0] != '\0')
    {
      GtkWidget *button = gtk_button_new_from_icon_name ("web-browser-symbolic");

      self->url = g_strdup (source->url);
      gtk_widget_set_tooltip_text (button, _("Open Original"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Open Original"),
                                      -1);
      g_signal_connect_object (button, "clicked", G_CALLBACK (on_open_original), self,
                               G_CONNECT_SWAPPED);
      adw_header_bar_pack_end (ADW_HEADER_BAR (header), button);
    }

  if (source != NULL && source->text != NULL)
    body = create_text_view (self, source, evidence);
  else
    body = create_missing_text_page (self, source, evidence);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), body);
  adw_window_set_content (ADW_WINDOW (self), box);

  return GTK_WIDGET (self);
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
