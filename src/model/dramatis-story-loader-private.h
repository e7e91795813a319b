/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <json-glib/json-glib.h>

#include "dramatis-story-private.h"

G_BEGIN_DECLS

/* More problems than this are counted, not listed. */
#define MAX_PROBLEMS 500

/* The state of one load, which every reader of the story's members is
 * given.
 */
typedef struct
{
  DramatisStory *story;
  guint          n_problems;
  /* Where the item being read is, for messages: "events[3]", or
   * "events[3].participants[1]".
   */
  const char    *array;
  guint          index;
  const char    *sub_array;
  guint          sub_index;
  /* The place in its JSON array of each item of the array being read, and
   * of each actor: they differ from the item's index when elements that are
   * not objects were left out.
   */
  guint         *file_index;
  guint         *actor_file_index;
  /* Where in the file each kept problem is, roughly (see problem_order()),
   * and which of them is the last.
   */
  GArray        *problem_order;
  guint          last_problem;
} Loader;

typedef enum
{
  FIELD_ID = 1 << 0,
  FIELD_NAME = 1 << 1,
} RequiredFields;

typedef enum
{
  STRING_COPY,
  STRING_INTERN,
} StringMode;

/* The date members every dated item shares. */
typedef struct
{
  JsonNode *start;
  JsonNode *end;
  gboolean  approximate;
  gboolean  inferred;
} DateMembers;

typedef struct
{
  char *path;
  char *message;
  int   code;
} Fatal;

/* dramatis-story-load-document.c */
gboolean           dramatis_loader_read_story            (Loader            *loader,
                                                          JsonNode          *root_node,
                                                          Fatal             *fatal);

/* dramatis-story-load-problems.c */
G_GNUC_PRINTF (3, 4)
void               dramatis_loader_problem               (Loader            *loader,
                                                          const char        *member,
                                                          const char        *format,
                                                          ...);
const char        *dramatis_loader_node_type_description (JsonNode          *node);
void               dramatis_loader_wrong_type            (Loader            *loader,
                                                          const char        *member,
                                                          JsonNode          *node,
                                                          const char        *expected);
void               dramatis_loader_unknown_member        (Loader            *loader,
                                                          const char        *member);
void               dramatis_loader_locate_problems       (DramatisStory     *story,
                                                          const char        *data,
                                                          gsize              length);

/* dramatis-story-load-values.c */
gboolean           dramatis_loader_next_member           (JsonObjectIter    *iter,
                                                          const char       **name,
                                                          JsonNode         **value);
gboolean           dramatis_loader_is_string             (JsonNode          *node);
const char        *dramatis_loader_read_string           (Loader            *loader,
                                                          const char        *member,
                                                          JsonNode          *node,
                                                          StringMode         mode);
gboolean           dramatis_loader_read_boolean          (Loader            *loader,
                                                          const char        *member,
                                                          JsonNode          *node);
gboolean           dramatis_loader_read_double           (Loader            *loader,
                                                          const char        *member,
                                                          JsonNode          *node,
                                                          double            *value);
gboolean           dramatis_loader_read_offset           (Loader            *loader,
                                                          const char        *member,
                                                          JsonNode          *node,
                                                          guint             *value);
JsonObject        *dramatis_loader_expect_object         (Loader            *loader,
                                                          JsonNode          *node,
                                                          const char        *what);
void               dramatis_loader_add_id                (Loader            *loader,
                                                          GHashTable        *ids,
                                                          const char        *id,
                                                          guint              index);

/* dramatis-story-load-dates.c */
void               dramatis_loader_read_date             (Loader            *loader,
                                                          const char        *member,
                                                          JsonNode          *node,
                                                          DramatisDate      *date);
void               dramatis_loader_read_span             (Loader            *loader,
                                                          const char        *start_member,
                                                          JsonNode          *start,
                                                          const char        *end_member,
                                                          JsonNode          *end,
                                                          gboolean           approximate,
                                                          gboolean           inferred,
                                                          DramatisSpan      *span);
gboolean           dramatis_loader_read_date_member      (Loader            *loader,
                                                          const char        *name,
                                                          JsonNode          *value,
                                                          DateMembers       *dates);

/* dramatis-story-load-evidence.c */
gsize              dramatis_loader_read_evidence         (Loader            *loader,
                                                          JsonNode          *node,
                                                          guint             *n_evidence);

/* dramatis-story-load-items.c */
void               dramatis_loader_read_source_item      (Loader            *loader,
                                                          JsonObject        *object,
                                                          guint              index);
void               dramatis_loader_read_actor_item       (Loader            *loader,
                                                          JsonObject        *object,
                                                          guint              index);
void               dramatis_loader_read_event_item       (Loader            *loader,
                                                          JsonObject        *object,
                                                          guint              index);
void               dramatis_loader_read_relation_item    (Loader            *loader,
                                                          JsonObject        *object,
                                                          guint              index);
void               dramatis_loader_read_statement_item   (Loader            *loader,
                                                          JsonObject        *object,
                                                          guint              index);

G_END_DECLS
