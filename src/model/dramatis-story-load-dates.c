/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "dramatis-story-loader"

#include "config.h"

#include "dramatis-story-loader-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* Reading the dates of a story's items: a single date, a period from a
 * start to an end, and the date members that dated items share.
 */

void
dramatis_loader_read_date (Loader       *loader,
                           const char   *member,
                           JsonNode     *node,
                           DramatisDate *date)
{
  g_autoptr(GError) error = NULL;

  if (JSON_NODE_HOLDS_NULL (node))
    return;

  if (!dramatis_loader_is_string (node))
    {
      dramatis_loader_wrong_type (loader, member, node, _("a date such as “2024-10-30”"));
      return;
    }

  if (!dramatis_date_parse (json_node_get_string (node), date, &error))
    dramatis_loader_problem (loader, member, _("%s; it is ignored"), error->message);
}

void
dramatis_loader_read_span (Loader       *loader,
                           const char   *start_member,
                           JsonNode     *start,
                           const char   *end_member,
                           JsonNode     *end,
                           gboolean      approximate,
                           gboolean      inferred,
                           DramatisSpan *span)
{
  guint8 flags = (approximate ? DRAMATIS_DATE_APPROXIMATE : 0) | (inferred ? DRAMATIS_DATE_INFERRED : 0);

  if (start != NULL)
    dramatis_loader_read_date (loader, start_member, start, &span->start);
  if (end != NULL)
    dramatis_loader_read_date (loader, end_member, end, &span->end);

  if (dramatis_date_is_set (&span->end) && !dramatis_date_is_set (&span->start))
    {
      dramatis_loader_problem (loader, end_member,
                               _("a period with an end needs a start; the end is ignored"));
      memset (&span->end, 0, sizeof span->end);
    }
  else if (dramatis_date_is_set (&span->end) &&
           dramatis_date_get_end_second (&span->end) <= dramatis_date_get_first_second (&span->start))
    {
      dramatis_loader_problem (loader, end_member,
                               _("the period ends before it starts; the end is ignored"));
      memset (&span->end, 0, sizeof span->end);
    }

  if (dramatis_date_is_set (&span->start))
    span->start.flags |= flags;
  if (dramatis_date_is_set (&span->end))
    span->end.flags |= flags;
  if (flags != 0 && !dramatis_date_is_set (&span->start))
    dramatis_loader_problem (loader, NULL,
                             _("the date is marked approximate or inferred, but there is no date"));
}

gboolean
dramatis_loader_read_date_member (Loader      *loader,
                                  const char  *name,
                                  JsonNode    *value,
                                  DateMembers *dates)
{
  if (strcmp (name, "start_date") == 0 || strcmp (name, "date") == 0)
    dates->start = value;
  else if (strcmp (name, "end_date") == 0)
    dates->end = value;
  else if (strcmp (name, "date_approximate") == 0)
    dates->approximate = dramatis_loader_read_boolean (loader, name, value);
  else if (strcmp (name, "date_inferred") == 0)
    dates->inferred = dramatis_loader_read_boolean (loader, name, value);
  else
    return FALSE;

  return TRUE;
}
