/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  guint   n_actors;
  guint   n_events;
  guint   n_relations;
  guint   n_statements;
  guint32 seed;
} DramatisSyntheticSize;

GString *dramatis_synthetic_story (const DramatisSyntheticSize *size);

G_END_DECLS
