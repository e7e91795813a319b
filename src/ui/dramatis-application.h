/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define DRAMATIS_TYPE_APPLICATION (dramatis_application_get_type ())

G_DECLARE_FINAL_TYPE (DramatisApplication, dramatis_application, DRAMATIS, APPLICATION, AdwApplication)

DramatisApplication *dramatis_application_new (void);

G_END_DECLS
