/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "dramatis-scene.h"

G_BEGIN_DECLS

#define DRAMATIS_TYPE_EXPORT_DIALOG (dramatis_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (DramatisExportDialog, dramatis_export_dialog, DRAMATIS, EXPORT_DIALOG, AdwWindow)

GtkWidget *dramatis_export_dialog_new    (GtkWindow                  *parent,
                                          DramatisScene              *scene,
                                          DramatisViewMode            mode,
                                          const DramatisTheme        *theme,
                                          const DramatisSelection    *selection,
                                          const DramatisTimelineView *timeline_view,
                                          const DramatisNetworkView  *network_view);
gboolean   dramatis_export_dialog_export (DramatisExportDialog       *self,
                                          GFile                      *file,
                                          GError                    **error);

G_END_DECLS
