/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "dramatis-chooser-row.h"
#include "dramatis-date-row.h"
#include "dramatis-editor.h"

G_BEGIN_DECLS

/* What the editors of actors, events, relations and statements share: the
 * dialog's frame, its fields and the errors shown under them, the date
 * rows and the list of evidence.  Nothing but the editors' own files and
 * the tests includes this; the window calls dramatis-editor.h.
 */

#define DRAMATIS_TYPE_EDITOR (dramatis_editor_get_type ())

G_DECLARE_DERIVABLE_TYPE (DramatisEditor, dramatis_editor, DRAMATIS, EDITOR, AdwWindow)

struct _DramatisEditorClass
{
  AdwWindowClass parent_class;

  /* Says what is wrong with each field, with dramatis_editor_set_error(),
   * and whether the form can be applied.
   */
  gboolean (*validate) (DramatisEditor  *self);
  /* Applies the form as one step of the story's history, or nothing when
   * nothing changed; on %FALSE the story is as it was.
   */
  gboolean (*apply)    (DramatisEditor  *self,
                        GError         **error);
};

/* dramatis-editor.c: the frame */
void                 dramatis_editor_setup              (DramatisEditor         *self,
                                                         GtkWindow              *parent,
                                                         DramatisStory          *story,
                                                         const char             *title,
                                                         gboolean                adding);
void                 dramatis_editor_present            (DramatisEditor         *self);
DramatisStory       *dramatis_editor_get_story          (DramatisEditor         *self);
AdwPreferencesGroup *dramatis_editor_add_group          (DramatisEditor         *self,
                                                         const char             *title);
void                 dramatis_editor_add_field          (DramatisEditor         *self,
                                                         AdwPreferencesGroup    *group,
                                                         const char             *name,
                                                         GtkWidget              *row);
GtkWidget           *dramatis_editor_add_entry          (DramatisEditor         *self,
                                                         AdwPreferencesGroup    *group,
                                                         const char             *name,
                                                         const char             *title,
                                                         const char             *text);
GtkTextBuffer       *dramatis_editor_add_text           (DramatisEditor         *self,
                                                         const char             *name,
                                                         const char             *title,
                                                         const char             *text);
GtkWidget           *dramatis_editor_add_switch         (DramatisEditor         *self,
                                                         AdwPreferencesGroup    *group,
                                                         const char             *name,
                                                         const char             *title,
                                                         const char             *subtitle,
                                                         gboolean                active);
void                 dramatis_editor_field_changed      (DramatisEditor         *self,
                                                         const char             *name);
void                 dramatis_editor_set_error          (DramatisEditor         *self,
                                                         const char             *name,
                                                         const char             *message);
char                *dramatis_editor_dup_text           (DramatisEditor         *self,
                                                         const char             *name);
gboolean             dramatis_editor_get_active         (DramatisEditor         *self,
                                                         const char             *name);
GtkWidget           *dramatis_editor_remove_button_new  (DramatisEditor         *self,
                                                         const char             *icon_name,
                                                         const char             *label,
                                                         GCallback               callback);
gboolean             dramatis_strings_equal             (const char             *a,
                                                         const char             *b);

/* dramatis-editor-date.c: a date, or a period, with its flags */
void                 dramatis_editor_add_dates          (DramatisEditor         *self,
                                                         const DramatisSpan     *span,
                                                         gboolean                period);
gboolean             dramatis_editor_check_dates        (DramatisEditor         *self,
                                                         DramatisSpan           *span);
gboolean             dramatis_span_equal                (const DramatisSpan     *a,
                                                         const DramatisSpan     *b);

/* dramatis-editor-evidence.c: the passages an item rests on */
void                 dramatis_editor_add_evidence       (DramatisEditor         *self,
                                                         const DramatisEvidence *evidence,
                                                         guint                   n_evidence,
                                                         const DramatisEvidence *extra);
const DramatisEvidence *dramatis_editor_get_evidence    (DramatisEditor         *self,
                                                         guint                  *n_evidence);
gboolean             dramatis_evidence_list_equal       (const DramatisEvidence *a,
                                                         guint                   n_a,
                                                         const DramatisEvidence *b,
                                                         guint                   n_b);

/* For the tests: the fields by name, what they say is wrong, and the
 * buttons.
 */
GtkWidget           *dramatis_editor_get_field          (DramatisEditor         *self,
                                                         const char             *name);
const char          *dramatis_editor_get_error          (DramatisEditor         *self,
                                                         const char             *name);
GtkWidget           *dramatis_editor_get_apply_button   (DramatisEditor         *self);
const char          *dramatis_editor_get_message        (DramatisEditor         *self);
void                 dramatis_editor_remove_evidence    (DramatisEditor         *self,
                                                         guint                   index);

/* The editors of each kind, and what the tests reach in them. */
GType                dramatis_actor_editor_get_type     (void);
GType                dramatis_event_editor_get_type     (void);
GType                dramatis_relation_editor_get_type  (void);
GType                dramatis_statement_editor_get_type (void);

void                 dramatis_event_editor_add_participant    (DramatisEditor *self,
                                                               guint           actor,
                                                               const char     *role);
void                 dramatis_event_editor_remove_participant (DramatisEditor *self,
                                                               guint           position);
void                 dramatis_statement_editor_add_about      (DramatisEditor *self,
                                                               guint           actor);

G_END_DECLS
