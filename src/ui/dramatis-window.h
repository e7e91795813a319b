/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "dramatis-application.h"
#include "dramatis-selection.h"

G_BEGIN_DECLS

#define DRAMATIS_TYPE_WINDOW (dramatis_window_get_type ())

G_DECLARE_FINAL_TYPE (DramatisWindow, dramatis_window, DRAMATIS, WINDOW, AdwApplicationWindow)

DramatisWindow *dramatis_window_new                (DramatisApplication *application);
void            dramatis_window_open_file          (DramatisWindow      *self,
                                                    GFile               *file);
void            dramatis_window_open_builtin       (DramatisWindow      *self);
void            dramatis_window_new_story          (DramatisWindow      *self);
gboolean        dramatis_window_can_replace_story  (DramatisWindow      *self);
DramatisStory  *dramatis_window_get_story          (DramatisWindow      *self);
GFile          *dramatis_window_get_file           (DramatisWindow      *self);
gboolean        dramatis_window_is_saving          (DramatisWindow      *self);
void            dramatis_window_select             (DramatisWindow      *self,
                                                    DramatisItem         item);
DramatisItem    dramatis_window_get_selected       (DramatisWindow      *self);
guint           dramatis_window_offer_recovery     (DramatisWindow      *self);
GFile          *dramatis_window_get_recovery_file  (DramatisWindow      *self);
char           *dramatis_window_get_recovery_dir   (void);
void            dramatis_window_set_recovery_delay (guint                delay_ms);

G_END_DECLS
