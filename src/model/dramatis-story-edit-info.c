/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "dramatis-story"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dramatis-story-edit-private.h"

/* Editing what the story says of itself: its title, description and
 * language, which are no item of it.
 */

typedef struct
{
  DramatisStory *story;
  const char    *before[3];
  const char    *after[3];
} InfoEdit;

static void
set_info (DramatisStory     *self,
          const char *const  info[3])
{
  self->title = info[0];
  self->description = info[1];
  self->language = info[2];

  dramatis_story_note_change (self, DRAMATIS_ITEM_STORY, DRAMATIS_ITEM_CHANGED, 0);
}

static void
info_edit_apply (gpointer data,
                 gboolean reverse)
{
  InfoEdit *edit = data;

  set_info (edit->story, reverse ? edit->before : edit->after);
}

/**
 * dramatis_story_change_info:
 * @self: a story
 * @title: (nullable): the story's title
 * @description: (nullable): what the story is about
 * @language: (nullable): the language of the story, as a BCP 47 tag
 *
 * Replaces what the story says of itself, as an edit that can be undone.
 * #DramatisStory::items-changed tells it as a change of
 * %DRAMATIS_ITEM_STORY 0.
 */
void
dramatis_story_change_info (DramatisStory *self,
                            const char    *title,
                            const char    *description,
                            const char    *language)
{
  InfoEdit *edit;

  g_return_if_fail (DRAMATIS_IS_STORY (self));

  edit = g_new0 (InfoEdit, 1);
  edit->story = self;
  edit->before[0] = self->title;
  edit->before[1] = self->description;
  edit->before[2] = self->language;
  edit->after[0] = dramatis_story_insert (self, title);
  edit->after[1] = dramatis_story_insert (self, description);
  edit->after[2] = dramatis_story_intern (self, language);

  info_edit_apply (edit, FALSE);
  /* Translators: the name of an edit, as in the menu item “Undo Change Story Details” */
  dramatis_history_push (self->history, _("Change Story Details"), info_edit_apply, edit, g_free);
}
