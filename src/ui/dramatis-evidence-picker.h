/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "dramatis-story.h"

G_BEGIN_DECLS

#define DRAMATIS_TYPE_EVIDENCE_PICKER (dramatis_evidence_picker_get_type ())

G_DECLARE_FINAL_TYPE (DramatisEvidencePicker, dramatis_evidence_picker, DRAMATIS, EVIDENCE_PICKER, AdwWindow)

GtkWindow *dramatis_evidence_picker_open (GtkWindow              *parent,
                                          DramatisStory          *story,
                                          DramatisItemKind        kind,
                                          const DramatisEvidence *passage);

G_END_DECLS
