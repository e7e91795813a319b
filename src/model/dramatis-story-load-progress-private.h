/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <json-glib/json-glib.h>

#include "dramatis-story-io.h"

G_BEGIN_DECLS

/* Reading, parsing and building take these shares of a load: parsing is
 * most of it, reading a local file the least.
 */
#define PROGRESS_READ_END  0.10
#define PROGRESS_PARSE_END 0.90

/* Progress of a load in a worker thread, passed to the main context of the
 * caller.  Reports are coalesced: while one waits to be dispatched, later
 * fractions only replace its value.
 */
typedef struct
{
  GMainContext             *context;
  GCancellable             *cancellable;
  DramatisLoadProgressFunc  func;
  gpointer                  data;
  GDestroyNotify            data_free;
  int                       permyriad;  /* atomic */
  int                       pending;    /* atomic */
} LoadProgress;

typedef struct
{
  LoadProgress *progress;
  gsize         done;
  gsize         total;
} ParseProgress;

void dramatis_load_progress_release             (gpointer      data);
void dramatis_load_progress_report              (LoadProgress *progress,
                                                 double        fraction);
void dramatis_load_progress_parse_object_end_cb (JsonParser   *parser,
                                                 JsonObject   *object,
                                                 gpointer      user_data);

G_END_DECLS
