/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "dramatis-history.h"
#include "dramatis-story.h"

G_BEGIN_DECLS

/* An adjacency list in compressed form: the items of key k are
 * items[offsets[k]] to items[offsets[k + 1] - 1].
 */
typedef struct
{
  guint *offsets;
  guint *items;
} DramatisIndex;

struct _DramatisStory
{
  GObject       parent_instance;

  /* Every string of the story lives here, so that a story of a hundred
   * thousand events is a handful of allocations, freed at once.
   */
  GStringChunk *strings;

  const char   *title;
  const char   *description;
  const char   *language;

  GArray       *sources;      /* DramatisSource */
  GArray       *actors;       /* DramatisActor */
  GArray       *events;       /* DramatisEvent */
  GArray       *relations;    /* DramatisRelation */
  GArray       *statements;   /* DramatisStatement */

  /* Storage the items above point into. */
  GArray       *participants; /* DramatisParticipant */
  GArray       *evidence;     /* DramatisEvidence */
  GPtrArray    *names;        /* const char *: other names and about ids */
  GArray       *about;        /* guint */

  GHashTable   *source_ids;
  GHashTable   *actor_ids;
  GHashTable   *event_ids;
  GHashTable   *relation_ids;
  GHashTable   *statement_ids;

  GArray       *problems;     /* DramatisProblem */

  /* Query indexes, built by dramatis_story_build_indexes(). */
  guint        *events_by_time;
  guint         n_dated_events;
  gint64       *sorted_first;
  gint64       *sorted_end;
  gint64       *sorted_max_end;
  guint         n_indexed_actors;
  DramatisIndex actor_statements;
  DramatisIndex actor_relations;
  DramatisIndex actor_events;
  DramatisIndex event_statements;

  /* Editing: what can be undone, and the arrays of items made by edits
   * (evidence, participants, names), kept until the story is freed so that
   * undoing and redoing can point to them again.
   */
  DramatisHistory *history;
  GPtrArray       *edit_blocks;
  /* Inside a group of edits, what waits for its end: the changes to tell
   * (Change, in dramatis-story-edit.c), and whether references and
   * indexes (all of them, or those of statements or relations) are out of
   * date.
   */
  guint            edit_depth;
  GArray          *edit_changes;
  gboolean         edit_resolve_all;
  gboolean         edit_reindex;
  gboolean         edit_reindex_statements;
  gboolean         edit_reindex_relations;
  /* Events whose dates or participants changed, when nothing else asks
   * for all the indexes: they move in the indexes instead.
   */
  GArray          *edit_reindex_events;
  gboolean         edit_reindex_participants;
  /* Actors came or went at the end: the indexes gain or lose their keys. */
  gboolean         edit_reindex_actor_keys;
  /* Whether a reference to an actor may find none: adding an actor with
   * its id must then resolve every reference again.
   */
  gboolean         refs_dangle;
  /* Ids indexed once after a run of edits: how deep, and of which kinds
   * (bits of DramatisItemKind).
   */
  guint            ids_deferred;
  guint            ids_dirty;
};

const char *dramatis_story_intern        (DramatisStory *self,
                                          const char    *str);
const char *dramatis_story_insert        (DramatisStory *self,
                                          const char    *str);
void        dramatis_story_add_problem   (DramatisStory *self,
                                          char          *path,
                                          char          *message);

/* dramatis-story-index.c */
void        dramatis_story_build_indexes (DramatisStory *self);
void        dramatis_story_clear_indexes (DramatisStory *self);
void        dramatis_story_build_link_indexes (DramatisStory *self,
                                               gboolean       statements,
                                               gboolean       relations);
void        dramatis_story_resize_actor_indexes (DramatisStory *self);
void        dramatis_story_reindex_events     (DramatisStory *self,
                                               const guint   *events,
                                               guint          n_events,
                                               gboolean       participants);

/* dramatis-story.c */
guint       dramatis_story_lookup_id     (GHashTable    *ids,
                                          const char    *id);
void        dramatis_story_emit_items_changed (DramatisStory *self,
                                               guint          kind,
                                               guint          change,
                                               guint          index);
void        dramatis_story_emit_edited        (DramatisStory *self);

G_END_DECLS
