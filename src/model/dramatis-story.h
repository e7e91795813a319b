/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

#include "dramatis-date.h"

G_BEGIN_DECLS

/* The index that stands for "no item": an unresolved or absent reference. */
#define DRAMATIS_NO_INDEX G_MAXUINT

/**
 * DramatisItemKind:
 * @DRAMATIS_ITEM_NONE: no item
 * @DRAMATIS_ITEM_STORY: the story's own title, description and language
 *
 * The kinds of items of a story: what the views select, and what
 * #DramatisStory::items-changed names.
 */
typedef enum
{
  DRAMATIS_ITEM_NONE = 0,
  DRAMATIS_ITEM_ACTOR,
  DRAMATIS_ITEM_EVENT,
  DRAMATIS_ITEM_RELATION,
  DRAMATIS_ITEM_STATEMENT,
  DRAMATIS_ITEM_SOURCE,
  DRAMATIS_ITEM_STORY,
} DramatisItemKind;

typedef enum
{
  DRAMATIS_ACTOR_KIND_OTHER = 0,
  DRAMATIS_ACTOR_KIND_STATE,
  DRAMATIS_ACTOR_KIND_ORGANIZATION,
  DRAMATIS_ACTOR_KIND_PERSON,
  DRAMATIS_ACTOR_KIND_GROUP,
} DramatisActorKind;

typedef enum
{
  DRAMATIS_DIRECTION_DIRECTED = 0,
  DRAMATIS_DIRECTION_UNDIRECTED,
  DRAMATIS_DIRECTION_MUTUAL,
} DramatisDirection;

/**
 * DramatisEvidence:
 * @source: index of the source, or %DRAMATIS_NO_INDEX if @source_id is unknown
 * @source_id: the id of the source as written in the file
 * @start: first character (Unicode code point) of the passage in the source text
 * @end: the character after the passage; @start == @end == 0 when the file
 *   gives no position
 * @exact: (nullable): the quoted passage itself
 *
 * Where a fact comes from: a passage of a source, in the manner of the W3C
 * Web Annotation TextPositionSelector and TextQuoteSelector.
 */
typedef struct
{
  guint       source;
  const char *source_id;
  guint       start;
  guint       end;
  const char *exact;
} DramatisEvidence;

typedef struct
{
  const char   *id;
  const char   *title;
  const char   *publisher;
  const char   *url;
  const char   *license;
  DramatisDate  published;
  /* The full text, if the story may carry it: @text_length characters in
   * @text_size bytes.
   */
  const char   *text;
  guint         text_length;
  gsize         text_size;
} DramatisSource;

typedef struct
{
  const char        *id;
  const char        *name;
  DramatisActorKind  kind;
  const char        *role;
  const char        *summary;
  /* Another actor this one belongs to or speaks for. */
  const char        *affiliation_id;
  guint              affiliation;
  guint              n_other_names;
  const char *const *other_names;
  /* A position the user gave by hand; layouts keep pinned actors in place. */
  gboolean           has_position;
  gboolean           pinned;
  double             x;
  double             y;
} DramatisActor;

typedef struct
{
  const char *actor_id;
  guint       actor;
  const char *role;
} DramatisParticipant;

typedef struct
{
  const char                *id;
  const char                *name;
  const char                *description;
  const char                *classification;
  const char                *location;
  const char                *date_note;
  DramatisSpan               when;
  guint                      n_participants;
  const DramatisParticipant *participants;
  guint                      n_evidence;
  const DramatisEvidence    *evidence;
} DramatisEvent;

typedef struct
{
  const char             *id;
  const char             *type;
  const char             *label;
  const char             *from_id;
  const char             *to_id;
  guint                   from;
  guint                   to;
  DramatisDirection       direction;
  DramatisSpan            when;
  guint                   n_evidence;
  const DramatisEvidence *evidence;
} DramatisRelation;

typedef struct
{
  const char             *id;
  const char             *speaker_id;
  guint                   speaker;
  const char             *text;
  const char             *attribution;
  DramatisDate            date;
  const char             *event_id;
  guint                   event;
  const char             *audience_id;
  guint                   audience;
  guint                   n_about;
  const char *const      *about_ids;
  const guint            *about;
  guint                   n_evidence;
  const DramatisEvidence *evidence;
} DramatisStatement;

/**
 * DramatisProblem:
 * @message: what is wrong, in plain words
 * @path: where in the document, as in `events[3].start_date`
 * @line: the line in the file, from 1, or 0 when not known
 * @column: the column in that line, from 1, or 0 when not known
 *
 * A non-fatal problem found while loading: the story loaded, but something in
 * it could not be used as written.
 */
typedef struct
{
  char *message;
  char *path;
  guint line;
  guint column;
} DramatisProblem;

#define DRAMATIS_TYPE_STORY (dramatis_story_get_type ())

G_DECLARE_FINAL_TYPE (DramatisStory, dramatis_story, DRAMATIS, STORY, GObject)

DramatisStory            *dramatis_story_new                        (void);

const char               *dramatis_story_get_title                  (DramatisStory  *self);
const char               *dramatis_story_get_description            (DramatisStory  *self);
const char               *dramatis_story_get_language               (DramatisStory  *self);

guint                     dramatis_story_get_n_sources              (DramatisStory  *self);
const DramatisSource     *dramatis_story_get_source                 (DramatisStory  *self,
                                                                     guint           index);
guint                     dramatis_story_get_n_actors               (DramatisStory  *self);
const DramatisActor      *dramatis_story_get_actor                  (DramatisStory  *self,
                                                                     guint           index);
guint                     dramatis_story_get_n_events               (DramatisStory  *self);
const DramatisEvent      *dramatis_story_get_event                  (DramatisStory  *self,
                                                                     guint           index);
guint                     dramatis_story_get_n_relations            (DramatisStory  *self);
const DramatisRelation   *dramatis_story_get_relation               (DramatisStory  *self,
                                                                     guint           index);
guint                     dramatis_story_get_n_statements           (DramatisStory  *self);
const DramatisStatement  *dramatis_story_get_statement              (DramatisStory  *self,
                                                                     guint           index);

guint                     dramatis_story_find_source                (DramatisStory  *self,
                                                                     const char     *id);
guint                     dramatis_story_find_actor                 (DramatisStory  *self,
                                                                     const char     *id);
guint                     dramatis_story_find_event                 (DramatisStory  *self,
                                                                     const char     *id);
guint                     dramatis_story_find_relation              (DramatisStory  *self,
                                                                     const char     *id);
guint                     dramatis_story_find_statement             (DramatisStory  *self,
                                                                     const char     *id);

const guint              *dramatis_story_get_events_by_time         (DramatisStory  *self,
                                                                     guint          *n_events);
guint                     dramatis_story_collect_events_in_range    (DramatisStory  *self,
                                                                     gint64          first_second,
                                                                     gint64          end_second,
                                                                     GArray         *indices);
const guint              *dramatis_story_get_actor_statements       (DramatisStory  *self,
                                                                     guint           actor,
                                                                     guint          *n_statements);
const guint              *dramatis_story_get_actor_relations        (DramatisStory  *self,
                                                                     guint           actor,
                                                                     guint          *n_relations);
const guint              *dramatis_story_get_actor_events           (DramatisStory  *self,
                                                                     guint           actor,
                                                                     guint          *n_events);
GArray                   *dramatis_story_get_actor_neighbours       (DramatisStory  *self,
                                                                     guint           actor);
const guint              *dramatis_story_get_event_statements       (DramatisStory  *self,
                                                                     guint           event,
                                                                     guint          *n_statements);
gboolean                  dramatis_story_get_time_bounds            (DramatisStory  *self,
                                                                     gint64         *first_second,
                                                                     gint64         *end_second);

char                     *dramatis_story_dup_evidence_text          (DramatisStory          *self,
                                                                     const DramatisEvidence *evidence);

void                      dramatis_story_set_actor_position         (DramatisStory  *self,
                                                                     guint           actor,
                                                                     double          x,
                                                                     double          y,
                                                                     gboolean        pinned);
void                      dramatis_story_clear_actor_positions      (DramatisStory  *self);

const DramatisProblem    *dramatis_story_get_problems               (DramatisStory  *self,
                                                                     guint          *n_problems);
gboolean                  dramatis_story_equal                      (DramatisStory  *a,
                                                                     DramatisStory  *b);

const char               *dramatis_source_get_text_at               (const DramatisSource *source,
                                                                     guint                 offset);

const char               *dramatis_actor_get_label                  (const DramatisActor  *actor);
const char               *dramatis_event_get_label                  (const DramatisEvent  *event);

const char               *dramatis_actor_kind_to_string             (DramatisActorKind kind);
const char               *dramatis_direction_to_string              (DramatisDirection direction);

G_END_DECLS
