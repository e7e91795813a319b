/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "dramatis-history.h"
#include "dramatis-story.h"

G_BEGIN_DECLS

/**
 * DramatisItemChange:
 *
 * What happened to an item, as #DramatisStory::items-changed tells it.
 */
typedef enum
{
  DRAMATIS_ITEM_ADDED,
  DRAMATIS_ITEM_CHANGED,
  DRAMATIS_ITEM_REMOVED,
} DramatisItemChange;

/**
 * DramatisPassageRef:
 * @kind: the kind of the item with the passage: an event, a relation or a
 *   statement
 * @index: the item's index
 * @evidence: the passage's index among the item's evidence
 *
 * One passage of the evidence of an item.
 */
typedef struct
{
  DramatisItemKind kind;
  guint            index;
  guint            evidence;
} DramatisPassageRef;

#define DRAMATIS_STORY_EDIT_ERROR (dramatis_story_edit_error_quark ())

/**
 * DramatisStoryEditError:
 * @DRAMATIS_STORY_EDIT_ERROR_INVALID: the edit would make the story invalid
 *
 * Why an edit was refused.  A refused edit changes nothing.
 */
typedef enum
{
  DRAMATIS_STORY_EDIT_ERROR_INVALID,
} DramatisStoryEditError;

GQuark           dramatis_story_edit_error_quark     (void);

DramatisHistory *dramatis_story_get_history          (DramatisStory            *self);
gboolean         dramatis_story_undo                 (DramatisStory            *self);
gboolean         dramatis_story_redo                 (DramatisStory            *self);
void             dramatis_story_begin_edit           (DramatisStory            *self,
                                                      const char               *name);
void             dramatis_story_end_edit             (DramatisStory            *self);

/* dramatis-story-edit-actors.c */
gboolean         dramatis_story_move_actor           (DramatisStory            *self,
                                                      guint                     actor,
                                                      double                    x,
                                                      double                    y);
gboolean         dramatis_story_pin_actor            (DramatisStory            *self,
                                                      guint                     actor,
                                                      gboolean                  pinned);
gboolean         dramatis_story_unplace_actor        (DramatisStory            *self,
                                                      guint                     actor);
guint            dramatis_story_add_actor            (DramatisStory            *self,
                                                      const DramatisActor      *actor,
                                                      GError                  **error);
gboolean         dramatis_story_change_actor         (DramatisStory            *self,
                                                      guint                     index,
                                                      const DramatisActor      *actor,
                                                      GError                  **error);
void             dramatis_story_remove_actor         (DramatisStory            *self,
                                                      guint                     index);

/* dramatis-story-edit-info.c */
void             dramatis_story_change_info          (DramatisStory            *self,
                                                      const char               *title,
                                                      const char               *description,
                                                      const char               *language);

/* dramatis-story-edit-sources.c */
guint            dramatis_story_add_source           (DramatisStory            *self,
                                                      const DramatisSource     *source,
                                                      GError                  **error);
gboolean         dramatis_story_change_source        (DramatisStory            *self,
                                                      guint                     index,
                                                      const DramatisSource     *source,
                                                      GError                  **error);
void             dramatis_story_remove_source        (DramatisStory            *self,
                                                      guint                     index);
GArray          *dramatis_story_find_lost_passages   (DramatisStory            *self,
                                                      guint                     index,
                                                      const char               *text);

/* dramatis-story-edit-events.c */
guint            dramatis_story_add_event            (DramatisStory            *self,
                                                      const DramatisEvent      *event,
                                                      GError                  **error);
gboolean         dramatis_story_change_event         (DramatisStory            *self,
                                                      guint                     index,
                                                      const DramatisEvent      *event,
                                                      GError                  **error);
void             dramatis_story_remove_event         (DramatisStory            *self,
                                                      guint                     index);

/* dramatis-story-edit-links.c */
guint            dramatis_story_add_relation         (DramatisStory            *self,
                                                      const DramatisRelation   *relation,
                                                      GError                  **error);
gboolean         dramatis_story_change_relation      (DramatisStory            *self,
                                                      guint                     index,
                                                      const DramatisRelation   *relation,
                                                      GError                  **error);
void             dramatis_story_remove_relation      (DramatisStory            *self,
                                                      guint                     index);
guint            dramatis_story_add_statement        (DramatisStory            *self,
                                                      const DramatisStatement  *statement,
                                                      GError                  **error);
gboolean         dramatis_story_change_statement     (DramatisStory            *self,
                                                      guint                     index,
                                                      const DramatisStatement  *statement,
                                                      GError                  **error);
void             dramatis_story_remove_statement     (DramatisStory            *self,
                                                      guint                     index);

G_END_DECLS
