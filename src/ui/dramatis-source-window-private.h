/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "dramatis-source-window.h"

G_BEGIN_DECLS

/* What the files of the source window share: its state, and what the
 * grounding of passages offers the window.  Included by those files only.
 */

struct _DramatisSourceWindow
{
  AdwWindow      parent_instance;

  DramatisStory *story;
  guint          source_index;
  char          *source_id;  /* of a source the story does not describe */
  char          *url;

  char          *known_id;   /* of the source shown, when the story has it */

  GtkBox        *box;
  GtkWidget     *title;
  GtkWidget     *open_button;
  GtkWidget     *body;
  GtkTextView   *view;       /* NULL when the story lacks the source's text */
  GtkRevealer   *actions;    /* the bar of what a selection can become */
  GtkTextTag    *highlight;
  GtkTextTag    *evidence_tag;
  gboolean       offsets_match;  /* the buffer's characters are the source's */

  /* The passage a picker was opened for. */
  DramatisItemKind picking_kind;
  guint          picking_start;
  guint          picking_end;
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

/* dramatis-source-window-grounding.c */
void       dramatis_source_window_class_init_grounding (GtkWidgetClass       *widget_class);
GtkWidget *dramatis_source_window_create_grounding     (DramatisSourceWindow *self);
void       dramatis_source_window_update_actions       (DramatisSourceWindow *self);
void       dramatis_source_window_highlight_evidence   (DramatisSourceWindow *self);

G_END_DECLS
