/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "dramatis-story-loader"

#include "config.h"

#include "dramatis-story-load-progress-private.h"

/* Reporting how far a load has got: reports from the worker thread that
 * reads, parses and builds a story reach the caller's main context.
 */

/* The parser reports after every so many objects. */
#define PARSE_REPORT_EVERY 4096

typedef struct
{
  GDestroyNotify data_free;
  gpointer       data;
} DataFree;

static gboolean
free_progress_data (gpointer user_data)
{
  DataFree *closure = user_data;

  closure->data_free (closure->data);
  return G_SOURCE_REMOVE;
}

/* The last reference may go in the worker thread, but the caller's data,
 * a window say, is freed in the caller's main context, which this also
 * wakes up.
 */
static void
load_progress_clear (gpointer data)
{
  LoadProgress *progress = data;

  if (progress->data_free != NULL)
    {
      g_autoptr(GSource) source = g_idle_source_new ();
      DataFree *closure = g_new (DataFree, 1);

      closure->data_free = progress->data_free;
      closure->data = progress->data;
      g_source_set_callback (source, free_progress_data, closure, g_free);
      g_source_set_static_name (source, "[dramatis] free load progress data");
      g_source_attach (source, progress->context);
    }
  g_clear_object (&progress->cancellable);
  g_main_context_unref (progress->context);
}

void
dramatis_load_progress_release (gpointer data)
{
  g_atomic_rc_box_release_full (data, load_progress_clear);
}

static gboolean
load_progress_dispatch (gpointer data)
{
  LoadProgress *progress = data;

  g_atomic_int_set (&progress->pending, 0);
  if (!g_cancellable_is_cancelled (progress->cancellable))
    progress->func (g_atomic_int_get (&progress->permyriad) / 10000.0, progress->data);

  return G_SOURCE_REMOVE;
}

void
dramatis_load_progress_report (LoadProgress *progress,
                               double        fraction)
{
  int permyriad;

  if (progress == NULL)
    return;

  permyriad = (int) (CLAMP (fraction, 0.0, 1.0) * 10000.0);
  if (g_atomic_int_get (&progress->permyriad) == permyriad)
    return;

  g_atomic_int_set (&progress->permyriad, permyriad);

  /* Not g_main_context_invoke(), which runs the function in this thread
   * when it can acquire the context: reports are for the caller's thread.
   */
  if (g_atomic_int_compare_and_exchange (&progress->pending, 0, 1))
    {
      g_autoptr(GSource) source = g_idle_source_new ();

      g_source_set_priority (source, G_PRIORITY_DEFAULT);
      g_source_set_callback (source, load_progress_dispatch,
                             g_atomic_rc_box_acquire (progress), dramatis_load_progress_release);
      g_source_set_static_name (source, "[dramatis] load progress");
      g_source_attach (source, progress->context);
    }
}

void
dramatis_load_progress_parse_object_end_cb (JsonParser *parser,
                                            JsonObject *object,
                                            gpointer    user_data)
{
  ParseProgress *parse = user_data;

  if (++parse->done % PARSE_REPORT_EVERY == 0)
    dramatis_load_progress_report (parse->progress,
                                   PROGRESS_READ_END +
                                   (PROGRESS_PARSE_END - PROGRESS_READ_END) * parse->done / parse->total);
}
