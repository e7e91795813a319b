/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "dramatis-details.h"

G_BEGIN_DECLS

/* What the files of the details pane share: the pane's state, which each
 * page fills in, and the pieces the pages are built from.  Not installed,
 * and included by the details pane's own files only.
 */

struct _DramatisDetails
{
  GtkWidget          parent_instance;

  DramatisStory     *story;

  /* The item asked for, and the page shown for it: a statement is shown on
   * its speaker's page.
   */
  DramatisItem       item;
  DramatisItem       page;

  GtkStack          *stack;
  GtkScrolledWindow *scroller;
  AdwClamp          *clamp;
  GtkBox            *content;
  GtkWidget         *first_list;          /* in content, for the keyboard focus */

  guint              n_statements;
  GHashTable        *statement_widgets;   /* statement index → its list, in content */
  GtkWidget         *highlighted;
  guint              scroll_tick_id;
  guint              scroll_frames;

  /* The widgets of the page still hidden, in the order they are shown. */
  GPtrArray         *staged;
  guint              n_revealed;
  guint              reveal_tick_id;
  gint64             staged_frame;        /* the frame the page first shows in */

  DramatisItem       activated;
  guint              activated_idle_id;
  GtkWidget         *more_row;            /* a "Show More" row activated, to expand */
  guint              more_idle_id;

  /* Colours the avatars as the diagrams colour each kind of actor. */
  GtkCssProvider    *kind_colors;
};

/* Where a row that leads to another item keeps the item. */
#define ITEM_KIND_KEY  "dramatis-item-kind"
#define ITEM_INDEX_KEY "dramatis-item-index"

typedef struct
{
  const char *type;
  const char *active;
  const char *passive;
} RelationPhrase;

/* Appends the rows of @items to @list. */
typedef void (*DramatisDetailsAddRows) (DramatisDetails *self,
                                        GtkWidget       *list,
                                        const guint     *items,
                                        guint            n_items);

/* The narrowest a wrapping label of the page gets, in characters.  GTK
 * finds a wrapping label's minimum width by laying its text out at this
 * width, which without one is a line per character: for a quote of a few
 * hundred characters, the most costly part of showing a page.
 */
#define LABEL_MIN_CHARS 6

/* A long section shows this many rows, and a row that shows the rest. */
#define SECTION_ROWS 10

/* dramatis-details.c */
GtkWidget            *dramatis_details_create_list           (DramatisDetails        *self);
void                  dramatis_details_add_section_rows      (DramatisDetails        *self,
                                                              GtkWidget              *list,
                                                              const guint            *items,
                                                              guint                   n_items,
                                                              DramatisDetailsAddRows  add_rows);

/* dramatis-details-format.c */
const RelationPhrase *dramatis_details_find_relation_phrase  (const char             *type);
char                 *dramatis_details_dup_relation_active   (const DramatisRelation *relation);
const char           *dramatis_details_actor_kind_to_label   (DramatisActorKind       kind);
const char           *dramatis_details_get_actor_name        (DramatisStory          *story,
                                                              guint                   actor,
                                                              const char             *fallback_id);
char                 *dramatis_details_format_span_details   (const DramatisSpan     *span);
char                 *dramatis_details_format_statement_date (const DramatisDate     *date);
char                 *dramatis_details_dup_excerpt           (const char             *text);

/* dramatis-details-rows.c */
GtkWidget            *dramatis_details_create_label          (const char             *text,
                                                              const char             *css_class,
                                                              gboolean                selectable);
void                  dramatis_details_narrow_labels         (GtkWidget              *widget);
GtkWidget            *dramatis_details_create_item_row       (const char             *title,
                                                              const char             *subtitle,
                                                              DramatisItemKind        kind,
                                                              guint                   index);
GtkWidget            *dramatis_details_create_actor_row      (DramatisDetails        *self,
                                                              guint                   actor,
                                                              const char             *actor_id,
                                                              const char             *subtitle);
GtkWidget            *dramatis_details_create_property_row   (const char             *name,
                                                              const char             *value,
                                                              const char             *note);
GtkWidget            *dramatis_details_add_section           (DramatisDetails        *self,
                                                              const char             *title);
GtkWidget            *dramatis_details_add_section_list      (DramatisDetails        *self,
                                                              const char             *title);
GtkWidget            *dramatis_details_create_passage_row    (GtkWidget              *passage,
                                                              const char             *caption,
                                                              GtkWidget              *button);
void                  dramatis_details_add_header            (DramatisDetails        *self,
                                                              const DramatisActor    *actor,
                                                              const char             *title,
                                                              const char             *subtitle);
void                  dramatis_details_add_paragraph         (DramatisDetails        *self,
                                                              const char             *text);

/* dramatis-details-evidence.c */
GtkWidget            *dramatis_details_create_source_button  (DramatisDetails        *self,
                                                              DramatisItemKind        owner_kind,
                                                              guint                   owner_index,
                                                              guint                   evidence,
                                                              const char             *accessible_label);
void                  dramatis_details_add_evidence          (DramatisDetails        *self,
                                                              DramatisItemKind        owner_kind,
                                                              guint                   owner_index,
                                                              const char             *owner_name,
                                                              const DramatisEvidence *evidence,
                                                              guint                   n_evidence);

/* dramatis-details-statements.c */
void                  dramatis_details_add_statements        (DramatisDetails        *self,
                                                              const guint            *statements,
                                                              guint                   n_statements,
                                                              gboolean                lead_to_speaker);
void                  dramatis_details_build_statement_page  (DramatisDetails        *self,
                                                              guint                   index);

/* dramatis-details-actor-page.c */
void                  dramatis_details_build_actor_page      (DramatisDetails        *self,
                                                              guint                   index);

/* dramatis-details-event-page.c */
void                  dramatis_details_build_event_page      (DramatisDetails        *self,
                                                              guint                   index);

/* dramatis-details-relation-page.c */
void                  dramatis_details_build_relation_page   (DramatisDetails        *self,
                                                              guint                   index);

G_END_DECLS
