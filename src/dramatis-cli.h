/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Exit codes of the command line. */
#define DRAMATIS_EXIT_SUCCESS   0
#define DRAMATIS_EXIT_BAD_INPUT 1
#define DRAMATIS_EXIT_USAGE     2

int      dramatis_cli_run            (int    argc,
                                      char **argv);
gboolean dramatis_cli_wants_terminal (int    argc,
                                      char **argv);

G_END_DECLS
