/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gtk/gtk.h>

#include "dramatis-story.h"

G_BEGIN_DECLS

GtkWindow *dramatis_editor_edit_actor     (GtkWindow              *parent,
                                           DramatisStory          *story,
                                           guint                   actor);
GtkWindow *dramatis_editor_edit_event     (GtkWindow              *parent,
                                           DramatisStory          *story,
                                           guint                   event,
                                           const DramatisEvidence *evidence);
GtkWindow *dramatis_editor_edit_relation  (GtkWindow              *parent,
                                           DramatisStory          *story,
                                           guint                   relation,
                                           guint                   from,
                                           guint                   to,
                                           const DramatisEvidence *evidence);
GtkWindow *dramatis_editor_edit_statement (GtkWindow              *parent,
                                           DramatisStory          *story,
                                           guint                   statement,
                                           guint                   speaker,
                                           const DramatisEvidence *evidence);

G_END_DECLS
