/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "dramatis-story-edit.h"
#include "dramatis-story-private.h"

G_BEGIN_DECLS

/* Any one item, as an edit stores it before and after. */
typedef union
{
  DramatisSource    source;
  DramatisActor     actor;
  DramatisEvent     event;
  DramatisRelation  relation;
  DramatisStatement statement;
} DramatisItemData;

/* Checks an item given to an edit and copies it into the story's storage. */
typedef gboolean (*DramatisKeepFunc) (DramatisStory  *self,
                                      gconstpointer   item,
                                      DramatisItemData   *kept,
                                      GError        **error);

/* dramatis-story-edit.c */
guint                   dramatis_story_add_item        (DramatisStory          *self,
                                                        const char             *name,
                                                        DramatisItemKind        kind,
                                                        gconstpointer           item,
                                                        DramatisKeepFunc        keep,
                                                        GError                **error);
gboolean                dramatis_story_change_item     (DramatisStory          *self,
                                                        const char             *name,
                                                        DramatisItemKind        kind,
                                                        guint                   index,
                                                        gconstpointer           item,
                                                        DramatisKeepFunc        keep,
                                                        GError                **error);
void                    dramatis_story_note_change     (DramatisStory          *self,
                                                        DramatisItemKind        kind,
                                                        DramatisItemChange      change,
                                                        guint                   index);
void                    dramatis_story_remove_item     (DramatisStory          *self,
                                                        const char             *name,
                                                        DramatisItemKind        kind,
                                                        guint                   index);
void                    dramatis_story_apply_edit      (DramatisStory          *self,
                                                        const char             *name,
                                                        DramatisItemKind        kind,
                                                        guint                   index,
                                                        const DramatisItemData     *before,
                                                        const DramatisItemData     *after);
void                    dramatis_story_defer_ids       (DramatisStory          *self);
void                    dramatis_story_undefer_ids     (DramatisStory          *self);
gpointer                dramatis_story_keep_block      (DramatisStory          *self,
                                                        gconstpointer           data,
                                                        gsize                   size);
const char *const      *dramatis_story_keep_strv       (DramatisStory          *self,
                                                        const char *const      *strv,
                                                        guint                   n);
G_GNUC_PRINTF (2, 3)
gboolean                dramatis_story_edit_refuse     (GError                **error,
                                                        const char             *format,
                                                        ...);

/* dramatis-story-edit-check.c */
gboolean                dramatis_story_check_new_id    (DramatisStory          *self,
                                                        GHashTable             *ids,
                                                        const char             *id,
                                                        GError                **error);
gboolean                dramatis_story_check_same_id   (const char             *old_id,
                                                        const char             *new_id,
                                                        GError                **error);
gboolean                dramatis_story_check_actor_ref (DramatisStory          *self,
                                                        const char             *member,
                                                        const char             *id,
                                                        GError                **error);
gboolean                dramatis_story_check_date      (const DramatisDate     *date,
                                                        GError                **error);
gboolean                dramatis_story_check_span      (const DramatisSpan     *span,
                                                        GError                **error);
gboolean                dramatis_story_check_passage_in (const DramatisSource   *source,
                                                         const DramatisEvidence *evidence,
                                                         GError                **error);
gboolean                dramatis_story_keep_evidence   (DramatisStory           *self,
                                                        const DramatisEvidence  *evidence,
                                                        guint                    n_evidence,
                                                        const DramatisEvidence **kept,
                                                        GError                 **error);

G_END_DECLS
