/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void   dramatis_file_dialog_open   (GtkWindow            *parent,
                                    const char           *title,
                                    const char           *accept_label,
                                    GtkFileFilter        *filter,
                                    GAsyncReadyCallback   callback,
                                    gpointer              user_data);
void   dramatis_file_dialog_save   (GtkWindow            *parent,
                                    const char           *title,
                                    const char           *accept_label,
                                    GtkFileFilter        *filter,
                                    GFile                *initial_file,
                                    const char           *initial_name,
                                    GAsyncReadyCallback   callback,
                                    gpointer              user_data);
GFile *dramatis_file_dialog_finish (GAsyncResult         *result,
                                    GError              **error);

G_END_DECLS
