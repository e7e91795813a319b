/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "dramatis-network"

#include "config.h"

#include <math.h>
#include <pango/pangocairo.h>

#include "dramatis-network.h"
#include "dramatis-network-private.h"

/* The actor network: a glyph per actor, an arc per relation, and labels
 * where they fit.  Positions come from a layout (model → layout → draw);
 * these files only scale and stroke them.
 *
 * Speed.  A window must redraw 10,000 actors and 30,000 relations in
 * 100 ms and pan or zoom them at 16 ms a frame, and cairo takes about a
 * second for the arcs alone, antialiased or not, batched or not
 * (bench-network.c prints the naive figure).  So for raster targets the
 * scene is drawn into an image this object keeps:
 *
 *  - arcs and arrowheads by a small rasterizer of its own, antialiased,
 *    or as hairlines where there are too many to be worth it (level of
 *    detail, decided by the zoom and the amount of ink, never by a strip);
 *  - glyphs and labels stamped from images rendered once by cairo and
 *    pango (a glyph per kind and size, a label per actor);
 *  - everything culled to the viewport through grids, and what is smaller
 *    than a pixel left out or drawn as a dot;
 *  - panning scrolls the kept image and draws only the strips that come
 *    into view; hovering draws over it; zooming during a gesture stretches
 *    it until the gesture ends.
 *
 * Vector targets (PDF, SVG, PostScript) get the same scene drawn with
 * cairo paths and pango text, which is slower but stays sharp.
 *
 * Labels keep their size in pixels while glyphs scale, so where labels fit
 * depends on the zoom: they are placed once per zoom, for the whole network,
 * so that panning never moves or drops one.
 *
 * This file makes the network and answers for it; the parts are in files
 * of their own, dramatis-network-*.c: the glyphs, the geometry of the
 * arcs, the grids, the text of labels and their placement, the highlight
 * of the selection, the rasterizer, the scene and its cache, and
 * hit-testing.  They share dramatis-network-private.h.  The legend is in
 * dramatis-legend.c.
 */

/* In logical pixels. */
#define FIT_MARGIN             16.0

/* Actors moved by edits that the grids keep aside before they are built
 * again.
 */
#define MAX_LOOSE_ACTORS       64
#define MAX_LOOSE_RELATIONS    256
#define FIT_MAX_ZOOM           2.0

static int
compare_uint (gconstpointer a,
              gconstpointer b)
{
  guint ia = *(const guint *) a, ib = *(const guint *) b;

  return ia < ib ? -1 : ia > ib;
}

static int
compare_importance (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  const guint *degree = user_data;
  guint ia = *(const guint *) a;
  guint ib = *(const guint *) b;

  if (degree[ia] != degree[ib])
    return degree[ia] > degree[ib] ? -1 : 1;
  return ia < ib ? -1 : ia > ib;
}

static int
compare_edge_strength (gconstpointer a,
                       gconstpointer b,
                       gpointer      user_data)
{
  const double *strength = user_data;
  double sa = strength[*(const guint *) a];
  double sb = strength[*(const guint *) b];

  return sa < sb ? -1 : sa > sb;
}

/* Each relation's weight: its rank among all relations by the geometric
 * mean of its actors' degrees (the measure glyphs grow with), from 0 for
 * the weakest to 1 for the strongest, ties sharing a rank.  A rank rather
 * than the measure itself, so that the fading of dense arcs spreads over
 * them evenly, whatever the spread of the degrees.
 */
static void
compute_edge_weights (DramatisNetwork *self)
{
  g_autofree double *strength = g_new0 (double, MAX (self->n_relations, 1));
  g_autofree guint *sorted = g_new (guint, MAX (self->n_relations, 1));
  guint n = 0;

  for (guint r = 0; r < self->n_relations; r++)
    {
      const Edge *edge = &self->edges[r];

      if (!edge->valid)
        continue;
      strength[r] = sqrt ((double) self->degree[edge->from] * self->degree[edge->to]);
      sorted[n++] = r;
    }
  g_qsort_with_data (sorted, n, sizeof (guint), compare_edge_strength, strength);

  for (guint i = 0; i < n;)
    {
      guint j = i;

      while (j < n && strength[sorted[j]] == strength[sorted[i]])
        j++;
      for (guint k = i; k < j; k++)
        self->edges[sorted[k]].weight = n > 1 ? (float) ((i + j - 1) / 2.0 / (n - 1)) : 1.0f;
      i = j;
    }
}

/* Theme */

static guint64
hash_theme (const DramatisTheme *theme)
{
  const DramatisColor *colors[] = {
    &theme->background, &theme->foreground, &theme->dim_foreground, &theme->accent,
    &theme->highlight, &theme->hover, &theme->label_halo,
  };
  guint64 hash = 14695981039346656037ull;
  double values[4 * (G_N_ELEMENTS (colors) + DRAMATIS_ACTOR_KIND_GROUP + 1 +
                     DRAMATIS_N_RELATION_FAMILIES) + 8];
  guint n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (colors); i++)
    {
      values[n++] = colors[i]->red;
      values[n++] = colors[i]->green;
      values[n++] = colors[i]->blue;
      values[n++] = colors[i]->alpha;
    }
  for (guint i = 0; i <= DRAMATIS_ACTOR_KIND_GROUP; i++)
    {
      values[n++] = theme->actor_kinds[i].red;
      values[n++] = theme->actor_kinds[i].green;
      values[n++] = theme->actor_kinds[i].blue;
      values[n++] = theme->actor_kinds[i].alpha;
    }
  for (guint i = 0; i < DRAMATIS_N_RELATION_FAMILIES; i++)
    {
      values[n++] = theme->relation_families[i].red;
      values[n++] = theme->relation_families[i].green;
      values[n++] = theme->relation_families[i].blue;
      values[n++] = theme->relation_families[i].alpha;
    }
  values[n++] = theme->dim_alpha;
  values[n++] = theme->font_size;
  values[n++] = theme->small_font_size;
  values[n++] = theme->line_width;

  for (gsize i = 0; i < n * sizeof (double); i++)
    hash = (hash ^ ((const guint8 *) values)[i]) * 1099511628211ull;
  for (const char *c = theme->font_family; c != NULL && *c; c++)
    hash = (hash ^ (guint8) *c) * 1099511628211ull;

  return hash;
}

/* Glyphs, labels and the scene hold the theme's colours: a new theme
 * drops them.
 */
static void
update_theme (DramatisNetwork     *self,
              const DramatisTheme *theme)
{
  guint64 hash = hash_theme (theme);

  dramatis_network_update_fonts (self, theme);
  if (hash == self->theme_hash)
    return;

  self->theme_hash = hash;
  self->serial++;
  g_hash_table_remove_all (self->sprites);
  dramatis_network_clear_label_images (self);
  self->scene.valid = FALSE;
}

/* The parts of the network that follow from the story's actors and
 * relations: their arrays, sized for the story as it is, and what they
 * hold but the positions and the labels' sizes.  Made when the network is
 * made, and again when the story is edited.
 */
static void
free_structure (DramatisNetwork *self)
{
  g_clear_pointer (&self->xy, g_free);
  g_clear_pointer (&self->glyph_boxes, g_free);
  g_clear_pointer (&self->radius, g_free);
  g_clear_pointer (&self->degree, g_free);
  g_clear_pointer (&self->order, g_free);
  g_clear_pointer (&self->rank, g_free);
  g_clear_pointer (&self->kinds, g_free);
  g_clear_pointer (&self->edges, g_free);
  g_clear_pointer (&self->actor_mark, g_free);
  g_clear_pointer (&self->relation_mark, g_free);
  g_clear_pointer (&self->placement.label_of, g_free);
  g_clear_pointer (&self->highlight.actors, g_free);
  g_clear_pointer (&self->highlight.hidden, g_free);
}

static void
build_structure (DramatisNetwork *self)
{
  DramatisStory *story = self->story;
  guint n_labels;

  self->n_actors = dramatis_story_get_n_actors (story);
  self->n_relations = dramatis_story_get_n_relations (story);
  n_labels = self->n_actors + self->n_relations;

  self->xy = g_new0 (double, 2 * MAX (self->n_actors, 1));
  self->glyph_boxes = g_new0 (double, 4 * MAX (self->n_actors, 1));
  self->radius = g_new0 (double, MAX (self->n_actors, 1));
  self->degree = g_new0 (guint, MAX (self->n_actors, 1));
  self->order = g_new0 (guint, MAX (self->n_actors, 1));
  self->rank = g_new0 (guint, MAX (self->n_actors, 1));
  self->kinds = g_new0 (guint8, MAX (self->n_actors, 1));
  self->edges = g_new0 (Edge, MAX (self->n_relations, 1));
  self->actor_mark = g_new0 (guint, MAX (self->n_actors, 1));
  self->relation_mark = g_new0 (guint, MAX (self->n_relations, 1));
  self->mark_serial = 0;
  self->placement.label_of = g_new (int, MAX (n_labels, 1));
  for (guint i = 0; i < n_labels; i++)
    self->placement.label_of[i] = -1;
  self->highlight.actors = g_new0 (guint8, MAX (self->n_actors, 1));
  self->highlight.hidden = g_new0 (guint8, MAX (n_labels, 1));
  self->highlight.valid = FALSE;
  self->highlight.extra_valid = FALSE;
  self->kinds_present = 0;
  self->families_present = 0;
  self->max_radius = 0;
  self->glyph_boxes_zoom = 0;

  for (guint a = 0; a < self->n_actors; a++)
    {
      DramatisActorKind kind = dramatis_story_get_actor (story, a)->kind;

      self->kinds[a] = kind <= DRAMATIS_ACTOR_KIND_GROUP ? kind : DRAMATIS_ACTOR_KIND_OTHER;
      self->kinds_present |= 1u << self->kinds[a];
    }

  for (guint r = 0; r < self->n_relations; r++)
    {
      const DramatisRelation *relation = dramatis_story_get_relation (story, r);
      Edge *edge = &self->edges[r];

      edge->valid = relation->from < self->n_actors && relation->to < self->n_actors;
      if (!edge->valid)
        continue;

      edge->from = relation->from;
      edge->to = relation->to;
      edge->family = dramatis_relation_family_for_type (relation->type);
      edge->direction = relation->direction <= DRAMATIS_DIRECTION_MUTUAL
                        ? relation->direction
                        : DRAMATIS_DIRECTION_DIRECTED;
      self->families_present |= 1u << edge->family;
      self->degree[edge->from]++;
      if (edge->to != edge->from)
        self->degree[edge->to]++;
    }

  /* Relations between the same two actors, in either direction, are
   * drawn as arcs apart from each other, in the order of the story.  The
   * story lists each actor's relations in that order: each pair is
   * counted, then given its slots, from the lower of its two actors.
   */
  {
    g_autofree guint *count = g_new0 (guint, MAX (self->n_actors, 1));
    g_autofree guint *next = g_new0 (guint, MAX (self->n_actors, 1));

    for (guint a = 0; a < self->n_actors; a++)
      {
        const guint *relations;
        guint n;

        relations = dramatis_story_get_actor_relations (story, a, &n);
        for (guint i = 0; i < n; i++)
          {
            const Edge *edge = &self->edges[relations[i]];

            if (relations[i] < self->n_relations && edge->valid && MIN (edge->from, edge->to) == a)
              count[MAX (edge->from, edge->to)]++;
          }
        for (guint i = 0; i < n; i++)
          {
            Edge *edge = &self->edges[relations[i]];
            guint other;

            if (relations[i] >= self->n_relations || !edge->valid || MIN (edge->from, edge->to) != a)
              continue;
            other = MAX (edge->from, edge->to);
            if (edge->from == edge->to)
              edge->slot = 1 + next[other]++;
            else
              edge->slot = next[other]++ - (count[other] - 1) / 2.0;
          }
        /* Only the actors met are reset. */
        for (guint i = 0; i < n; i++)
          {
            const Edge *edge = &self->edges[relations[i]];

            if (relations[i] < self->n_relations && edge->valid)
              count[MAX (edge->from, edge->to)] = next[MAX (edge->from, edge->to)] = 0;
          }
      }
  }

  for (guint a = 0; a < self->n_actors; a++)
    {
      self->radius[a] = MIN (NODE_RADIUS_MIN + NODE_RADIUS_PER_SQRT * sqrt (self->degree[a]),
                             NODE_RADIUS_MAX);
      self->max_radius = MAX (self->max_radius, self->radius[a]);
      self->order[a] = a;
    }
  g_qsort_with_data (self->order, self->n_actors, sizeof (guint), compare_importance, self->degree);
  for (guint i = 0; i < self->n_actors; i++)
    self->rank[self->order[i]] = i;
  compute_edge_weights (self);
}

/* Parallel arcs lie PARALLEL_STEP apart, or closer between actors so
 * near that they would bulge too far; loops grow with the glyph.  Returns
 * the length of the arc's chord, 0 for a loop.
 */
static double
place_edge (DramatisNetwork *self,
            guint            relation)
{
  Edge *edge = &self->edges[relation];
  double length;

  if (!edge->valid)
    return 0;
  if (edge->from == edge->to)
    {
      edge->offset = (self->radius[edge->from] * 0.6 + 4) * (0.5 + 0.5 * edge->slot);
      return 0;
    }
  length = dramatis_network_distance (self->xy[2 * edge->to] - self->xy[2 * edge->from],
                                      self->xy[2 * edge->to + 1] - self->xy[2 * edge->from + 1]);
  edge->offset = edge->slot * MIN (PARALLEL_STEP, length * 0.12);

  return length;
}

/* Public API */

/**
 * dramatis_network_new:
 * @story: the story whose actors and relations to draw
 * @theme: the theme whose fonts measure the labels
 *
 * Actors are placed on a circle until dramatis_network_set_positions()
 * gives their places, except those the story gives a position.
 *
 * Returns: (transfer full): a new network
 */
DramatisNetwork *
dramatis_network_new (DramatisStory       *story,
                      const DramatisTheme *theme)
{
  DramatisNetwork *self;
  g_autofree double *xy = NULL;
  PangoFontMap *font_map;
  cairo_font_options_t *options;
  guint n_labels;

  g_return_val_if_fail (DRAMATIS_IS_STORY (story), NULL);
  g_return_val_if_fail (theme != NULL, NULL);

  self = g_new0 (DramatisNetwork, 1);
  self->story = g_object_ref (story);
  build_structure (self);
  n_labels = self->n_actors + self->n_relations;

  self->label_width = g_new (float, MAX (n_labels, 1));
  self->label_height = g_new (float, MAX (n_labels, 1));
  self->label_images = g_new0 (cairo_surface_t *, MAX (n_labels, 1));
  self->sprites = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) cairo_surface_destroy);
  self->placement.labels = g_array_new (FALSE, FALSE, sizeof (Label));
  self->highlight.actor_list = g_array_new (FALSE, FALSE, sizeof (guint));
  self->highlight.relations = g_array_new (FALSE, FALSE, sizeof (guint));
  self->highlight.extra = g_array_new (FALSE, FALSE, sizeof (Label));
  self->highlight.item = DRAMATIS_ITEM_INIT_NONE;
  self->scratch_shapes = g_array_new (FALSE, FALSE, sizeof (Shape));
  self->scratch_points = g_array_new (FALSE, FALSE, sizeof (double));
  self->loose_actors = g_array_new (FALSE, FALSE, sizeof (guint));
  self->loose_relations = g_array_new (FALSE, FALSE, sizeof (guint));

  /* Text: metrics without hinting, so that a label's size does not depend
   * on the scale it is drawn at.
   */
  font_map = pango_cairo_font_map_get_default ();
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  self->measure_context = pango_font_map_create_context (font_map);
  self->render_context = pango_font_map_create_context (font_map);
  pango_cairo_context_set_font_options (self->measure_context, options);
  pango_cairo_context_set_font_options (self->render_context, options);
  cairo_font_options_destroy (options);
  for (guint i = 0; i < 2; i++)
    {
      self->measure_layouts[i] = pango_layout_new (self->measure_context);
      self->render_layouts[i] = pango_layout_new (self->render_context);
    }
  self->label_image_scale = 1;
  dramatis_network_update_fonts (self, theme);

  /* A first placement: the story's own positions, the others on a circle. */
  xy = g_new (double, 2 * MAX (self->n_actors, 1));
  for (guint a = 0; a < self->n_actors; a++)
    {
      const DramatisActor *actor = dramatis_story_get_actor (story, a);
      double ring = 40.0 * sqrt (self->n_actors) + 100;

      xy[2 * a] = actor->has_position ? actor->x : ring * cos (2 * G_PI * a / self->n_actors);
      xy[2 * a + 1] = actor->has_position ? actor->y : ring * sin (2 * G_PI * a / self->n_actors);
    }
  dramatis_network_set_positions (self, xy, self->n_actors);

  return self;
}

/**
 * dramatis_network_update:
 * @self: a network
 * @kept: (array): for each actor of the story, then each relation, the
 *   index its label had among the network's labels (actors, then
 *   relations) if its text did not change, or %DRAMATIS_NO_INDEX
 * @xy: (array): x and y of each actor of the story, in world units
 * @same_actors: how many of the story's first actors are the network's
 *   first, at the same indices
 * @same_relations: likewise for relations
 *
 * Reads the story's actors and relations again after it was edited,
 * keeping the sizes of the labels that did not change, and places the
 * actors at @xy.  The caches of what was drawn are dropped.  When actors
 * and relations only came or went at the end, and the others stayed where
 * they were, the grids are kept, with what came and what changed shape
 * set aside as a move sets them.
 */
void
dramatis_network_update (DramatisNetwork *self,
                         const guint     *kept,
                         const double    *xy,
                         guint            same_actors,
                         guint            same_relations)
{
  guint old_n_actors = self->n_actors, old_n_relations = self->n_relations;
  guint old_n_labels = old_n_actors + old_n_relations;
  g_autofree float *old_width = NULL;
  g_autofree float *old_height = NULL;
  g_autofree double *old_xy = NULL;
  g_autofree Edge *old_edges = NULL;
  gboolean keep_grids;
  guint n_labels, n_new_actors;

  g_return_if_fail (self != NULL);

  dramatis_network_clear_label_images (self);
  g_clear_pointer (&self->label_images, g_free);
  old_width = g_steal_pointer (&self->label_width);
  old_height = g_steal_pointer (&self->label_height);
  old_xy = g_steal_pointer (&self->xy);
  old_edges = g_steal_pointer (&self->edges);
  free_structure (self);

  build_structure (self);
  n_labels = self->n_actors + self->n_relations;
  self->label_width = g_new (float, MAX (n_labels, 1));
  self->label_height = g_new (float, MAX (n_labels, 1));
  self->label_images = g_new0 (cairo_surface_t *, MAX (n_labels, 1));
  for (guint i = 0; i < n_labels; i++)
    {
      guint from = kept != NULL ? kept[i] : DRAMATIS_NO_INDEX;

      self->label_width[i] = from < old_n_labels ? old_width[from] : -1;
      self->label_height[i] = from < old_n_labels ? old_height[from] : -1;
    }

  self->scene.valid = FALSE;
  self->scene.base_valid = FALSE;

  n_new_actors = self->n_actors > old_n_actors ? self->n_actors - old_n_actors : 0;
  keep_grids = same_actors == MIN (old_n_actors, self->n_actors) &&
               same_relations == MIN (old_n_relations, self->n_relations) &&
               self->loose_actors->len + n_new_actors <= MAX_LOOSE_ACTORS &&
               memcmp (old_xy, xy, 2 * sizeof (double) * same_actors) == 0;
  if (!keep_grids)
    {
      dramatis_network_grid_clear (&self->nodes);
      dramatis_network_grid_clear (&self->arcs);
      dramatis_network_set_positions (self, xy, self->n_actors);
      return;
    }

  /* The grids may hold actors removed since, whose boxes are kept too. */
  self->glyph_boxes = g_renew (double, self->glyph_boxes,
                               4 * MAX (MAX (self->n_actors, dramatis_network_grid_count (&self->nodes)), 1));
  memcpy (self->xy, xy, 2 * sizeof (double) * self->n_actors);
  for (guint a = old_n_actors; a < self->n_actors; a++)
    g_array_append_val (self->loose_actors, a);

  /* Arcs that came, or whose shape changed, are set aside. */
  self->arc_length = 0;
  for (guint r = 0; r < self->n_relations; r++)
    {
      self->arc_length += place_edge (self, r);
      if (r >= old_n_relations || self->edges[r].offset != old_edges[r].offset ||
          self->edges[r].valid != old_edges[r].valid)
        g_array_append_val (self->loose_relations, r);
    }
  if (self->loose_relations->len > MAX_LOOSE_RELATIONS)
    {
      dramatis_network_set_positions (self, xy, self->n_actors);
      return;
    }

  self->glyph_boxes_zoom = 0;
  dramatis_network_invalidate_placement (self);
  self->serial++;
}

/**
 * dramatis_network_forget_labels:
 * @self: a network
 * @ids: (array length=n_ids): labels whose text changed: actors, or the
 *   number of actors plus a relation
 * @n_ids: how many
 *
 * Measures those labels again at the next drawing, and places all labels
 * anew, after an edit that changed names and nothing else.
 */
void
dramatis_network_forget_labels (DramatisNetwork *self,
                                const guint     *ids,
                                guint            n_ids)
{
  g_return_if_fail (self != NULL);

  for (guint i = 0; i < n_ids; i++)
    {
      guint id = ids[i];

      g_return_if_fail (id < self->n_actors + self->n_relations);
      self->label_width[id] = self->label_height[id] = -1;
      if (self->label_images[id] != NULL)
        {
          g_clear_pointer (&self->label_images[id], cairo_surface_destroy);
          self->n_label_images--;
        }
    }

  dramatis_network_invalidate_placement (self);
  dramatis_network_forget_highlight (self);
}

/**
 * dramatis_network_forget_highlight:
 * @self: a network
 *
 * Lights the selection anew at the next drawing, after an edit of what it
 * lights (a statement's speaker, say) that changed nothing else.
 */
void
dramatis_network_forget_highlight (DramatisNetwork *self)
{
  g_return_if_fail (self != NULL);

  self->highlight.valid = FALSE;
  self->highlight.extra_valid = FALSE;
  /* The kept scene without the selection stays good: the selection is
   * drawn anew over it, as for an item no selection can be.
   */
  self->scene.selected = (DramatisItem) { DRAMATIS_ITEM_STORY, DRAMATIS_NO_INDEX };
}

void
dramatis_network_free (DramatisNetwork *self)
{
  if (self == NULL)
    return;

  dramatis_network_clear_label_images (self);
  g_clear_object (&self->story);
  free_structure (self);
  dramatis_network_grid_clear (&self->nodes);
  dramatis_network_grid_clear (&self->arcs);
  for (guint i = 0; i < 2; i++)
    {
      g_clear_object (&self->measure_layouts[i]);
      g_clear_object (&self->render_layouts[i]);
    }
  g_clear_object (&self->measure_context);
  g_clear_object (&self->render_context);
  g_free (self->font_family);
  g_free (self->label_width);
  g_free (self->label_height);
  g_free (self->label_images);
  g_hash_table_unref (self->sprites);
  g_array_unref (self->placement.labels);
  dramatis_network_hash_grid_clear (&self->placement.grid);
  g_array_unref (self->highlight.actor_list);
  g_array_unref (self->highlight.relations);
  g_array_unref (self->highlight.extra);
  g_clear_pointer (&self->scene.surface, cairo_surface_destroy);
  g_clear_pointer (&self->scene.spare, cairo_surface_destroy);
  g_clear_pointer (&self->scene.base, cairo_surface_destroy);
  g_array_unref (self->scratch_shapes);
  g_array_unref (self->scratch_points);
  g_array_unref (self->loose_actors);
  g_array_unref (self->loose_relations);
  g_free (self);
}


/**
 * dramatis_network_set_positions:
 * @self: a network
 * @xy: (array): x and y of each actor, in world units
 * @n_actors: the number of actors in the story
 *
 * Copies the positions, typically from a layout, and indexes them.
 */
void
dramatis_network_set_positions (DramatisNetwork *self,
                                const double    *xy,
                                guint            n_actors)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (xy != NULL || n_actors == 0);
  g_return_if_fail (n_actors == self->n_actors);

  /* A layout that went wrong must not wreck the grids: a position that
   * is not a number is the origin.
   */
  for (guint i = 0; i < 2 * n_actors; i++)
    self->xy[i] = isfinite (xy[i]) ? CLAMP (xy[i], -1e9, 1e9) : 0;

  /* Parallel arcs lie PARALLEL_STEP apart, or closer between actors so
   * near that they would bulge too far; loops grow with the glyph.
   */
  self->arc_length = 0;
  for (guint r = 0; r < self->n_relations; r++)
    self->arc_length += place_edge (self, r);

  dramatis_network_build_grids (self);
  self->glyph_boxes_zoom = 0;
  dramatis_network_invalidate_placement (self);
  self->serial++;
}

/**
 * dramatis_network_move_actors:
 * @self: a network
 * @xy: (array): x and y of each actor, in world units
 * @moved: (array length=n_moved): the actors that moved
 * @n_moved: how many
 *
 * Moves a few actors, as an edit does, without indexing every position
 * again: the grids keep the moved actors and their relations aside, and
 * find them wherever they are, until there are so many that indexing all
 * again is cheaper.
 */
void
dramatis_network_move_actors (DramatisNetwork *self,
                              const double    *xy,
                              const guint     *moved,
                              guint            n_moved)
{
  g_autoptr(GArray) relations = g_array_new (FALSE, FALSE, sizeof (guint));

  g_return_if_fail (self != NULL);
  g_return_if_fail (xy != NULL || self->n_actors == 0);

  if (self->loose_actors->len + n_moved > MAX_LOOSE_ACTORS)
    {
      dramatis_network_set_positions (self, xy, self->n_actors);
      return;
    }

  /* Their relations, each once, as the story indexes them. */
  for (guint i = 0; i < n_moved; i++)
    {
      const guint *of_actor;
      guint n;

      g_return_if_fail (moved[i] < self->n_actors);
      of_actor = dramatis_story_get_actor_relations (self->story, moved[i], &n);
      for (guint j = 0; j < n; j++)
        if (of_actor[j] < self->n_relations)
          g_array_append_val (relations, of_actor[j]);
    }
  g_array_sort (relations, compare_uint);
  for (guint i = 1; i < relations->len;)
    if (g_array_index (relations, guint, i) == g_array_index (relations, guint, i - 1))
      g_array_remove_index (relations, i);
    else
      i++;

  for (guint i = 0; i < relations->len; i++)
    self->arc_length -= place_edge (self, g_array_index (relations, guint, i));
  for (guint i = 0; i < n_moved; i++)
    {
      guint a = moved[i];

      self->xy[2 * a] = isfinite (xy[2 * a]) ? CLAMP (xy[2 * a], -1e9, 1e9) : 0;
      self->xy[2 * a + 1] = isfinite (xy[2 * a + 1]) ? CLAMP (xy[2 * a + 1], -1e9, 1e9) : 0;
    }
  for (guint i = 0; i < relations->len; i++)
    self->arc_length += place_edge (self, g_array_index (relations, guint, i));

  g_array_append_vals (self->loose_actors, moved, n_moved);
  g_array_append_vals (self->loose_relations, relations->data, relations->len);
  self->glyph_boxes_zoom = 0;
  dramatis_network_invalidate_placement (self);
  self->serial++;
}

/**
 * dramatis_network_get_positions:
 * @self: a network
 * @n_actors: (out) (optional): the number of actors
 *
 * Returns: (array): x and y of each actor, in world units
 */
const double *
dramatis_network_get_positions (DramatisNetwork *self,
                                guint           *n_actors)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (n_actors != NULL)
    *n_actors = self->n_actors;
  return self->xy;
}

/**
 * dramatis_network_get_node_radius:
 * @self: a network
 * @actor: an actor
 *
 * The size of an actor's glyph grows with the square root of its number
 * of relations.  Its shape reaches a little further for some kinds (up to
 * 1.56 times the radius for a group's triangle).
 *
 * Returns: the radius of the actor's glyph in world units
 */
double
dramatis_network_get_node_radius (DramatisNetwork *self,
                                  guint            actor)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (actor < self->n_actors, 0);

  return self->radius[actor];
}

/**
 * dramatis_network_get_label_size:
 * @self: a network
 * @actor: an actor
 * @width: (out): width of its label, halo included, in logical pixels
 * @height: (out): height of its label
 *
 * Labels keep their size at every zoom; at zoom 1 this is their size in
 * world units.  0 × 0 for an actor without a name.
 */
void
dramatis_network_get_label_size (DramatisNetwork *self,
                                 guint            actor,
                                 double          *width,
                                 double          *height)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (actor < self->n_actors);
  g_return_if_fail (width != NULL && height != NULL);

  dramatis_network_measure_label (self, actor, width, height);
}

/* The box, in zoom space, of every glyph and of every label placed at
 * @zoom; FALSE if there are no actors.
 */
static gboolean
drawing_bounds (DramatisNetwork *self,
                double           zoom,
                double          *x0,
                double          *y0,
                double          *x1,
                double          *y1)
{
  LabelPlacement *p = &self->placement;

  *x0 = *y0 = G_MAXDOUBLE;
  *x1 = *y1 = -G_MAXDOUBLE;
  for (guint a = 0; a < self->n_actors; a++)
    {
      double gx, gy, gw, gh;

      dramatis_network_glyph_box (self, a, zoom, &gx, &gy, &gw, &gh);
      *x0 = MIN (*x0, gx);
      *y0 = MIN (*y0, gy);
      *x1 = MAX (*x1, gx + gw);
      *y1 = MAX (*y1, gy + gh);
    }

  dramatis_network_ensure_placement (self, zoom, p->valid ? p->edge_labels : FALSE);
  for (guint i = 0; i < p->labels->len; i++)
    {
      const Label *l = &g_array_index (p->labels, Label, i);

      *x0 = MIN (*x0, l->x);
      *y0 = MIN (*y0, l->y);
      *x1 = MAX (*x1, l->x + l->width);
      *y1 = MAX (*y1, l->y + l->height);
    }

  return self->n_actors > 0;
}

/**
 * dramatis_network_fit:
 * @self: a network
 * @width: width of the view, in logical pixels
 * @height: height of the view
 * @view: (out caller-allocates): the view; show_edge_labels is kept, and
 *   interactive cleared
 *
 * Sets @view to show the whole network, glyphs and labels, with a margin,
 * at most at zoom 2.
 */
void
dramatis_network_fit (DramatisNetwork     *self,
                      double               width,
                      double               height,
                      DramatisNetworkView *view)
{
  double x0, y0, x1, y1, lo, hi, zoom;
  double room_x, room_y;

  g_return_if_fail (self != NULL);
  g_return_if_fail (view != NULL);

  view->width = width;
  view->height = height;
  view->interactive = FALSE;
  view->zoom = 1;
  view->center_x = view->center_y = 0;
  if (self->n_actors == 0 || width <= 0 || height <= 0)
    return;

  room_x = MAX (width - 2 * FIT_MARGIN, 1);
  room_y = MAX (height - 2 * FIT_MARGIN, 1);

  /* Labels keep their size as the drawing scales, so the zoom that fits is
   * found by bisection: first with every label below its glyph, where most
   * go, then with the labels where they are placed.
   */
  lo = 1e-6;
  hi = FIT_MAX_ZOOM;
  for (guint i = 0; i < 50; i++)
    {
      double z = sqrt (lo * hi);
      double bx0 = G_MAXDOUBLE, by0 = G_MAXDOUBLE, bx1 = -G_MAXDOUBLE, by1 = -G_MAXDOUBLE;

      for (guint a = 0; a < self->n_actors; a++)
        {
          double gx, gy, gw, gh, lw = 0, lh = 0;

          dramatis_network_glyph_box (self, a, z, &gx, &gy, &gw, &gh);
          if (dramatis_network_display_radius (self, a, z) >= LABEL_MIN_NODE_RADIUS)
            dramatis_network_measure_label (self, a, &lw, &lh);
          bx0 = MIN (bx0, MIN (gx, gx + gw / 2 - lw / 2));
          bx1 = MAX (bx1, MAX (gx + gw, gx + gw / 2 + lw / 2));
          by0 = MIN (by0, gy);
          by1 = MAX (by1, gy + gh + lh);
        }

      if (bx1 - bx0 <= room_x && by1 - by0 <= room_y)
        lo = z;
      else
        hi = z;
      if (hi / lo < 1.001)
        break;
    }

  zoom = lo;
  for (guint i = 0; i < 4; i++)
    {
      double factor;

      drawing_bounds (self, zoom, &x0, &y0, &x1, &y1);
      factor = MIN (room_x / MAX (x1 - x0, 1e-9), room_y / MAX (y1 - y0, 1e-9));
      if (factor >= 0.999)
        break;
      /* Only the glyphs' part scales: shrink a little more than the ratio. */
      zoom *= factor * 0.98;
    }

  view->zoom = zoom;
  view->center_x = (x0 + x1) / 2 / zoom;
  view->center_y = (y0 + y1) / 2 / zoom;
}

/**
 * dramatis_network_draw:
 * @self: a network
 * @cr: where to draw, in logical pixels: the view is the rectangle
 *   (0, 0, view->width, view->height)
 * @view: what part of the network to show
 * @theme: colours and fonts
 * @selection: (nullable): the selected item, lit with its neighbourhood
 *   over the dimmed rest, and the hovered one
 *
 * Draws the network: background, relations, actors and labels.  Drawing
 * into pixels goes through a scene this object keeps, so drawing the same
 * view again, or the same view panned, or with another hovered item, is
 * cheap.  PDF, PostScript and SVG targets get paths and text.
 */
void
dramatis_network_draw (DramatisNetwork           *self,
                       cairo_t                   *cr,
                       const DramatisNetworkView *view,
                       const DramatisTheme       *theme,
                       const DramatisSelection   *selection)
{
  DramatisItem none = DRAMATIS_ITEM_INIT_NONE;
  double scale, device_scale;

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (view != NULL);
  g_return_if_fail (theme != NULL);

  if (view->width <= 0 || view->height <= 0 || !(view->zoom > 0))
    return;

  update_theme (self, theme);
  dramatis_network_ensure_highlight (self, selection != NULL ? &selection->selected : &none);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, view->width, view->height);
  cairo_clip (cr);

  if (!dramatis_network_target_is_raster (cr, &scale, &device_scale))
    {
      dramatis_network_ensure_placement (self, view->zoom, view->show_edge_labels);
      dramatis_network_ensure_extra_labels (self, view->zoom, view->show_edge_labels);
      dramatis_network_draw_vector (self, cr, view, theme);
    }
  else if (view->interactive && self->scene.zoom != view->zoom &&
           dramatis_network_scene_can_stretch (self, view, scale, device_scale))
    {
      dramatis_network_paint_scene_stretched (self, cr, view, theme);
    }
  else
    {
      dramatis_network_ensure_placement (self, view->zoom, view->show_edge_labels);
      dramatis_network_ensure_extra_labels (self, view->zoom, view->show_edge_labels);
      dramatis_network_ensure_scene (self, view, theme, scale, device_scale);
      dramatis_network_paint_scene (self, cr);
    }

  if (selection != NULL)
    dramatis_network_draw_hover (self, cr, view, theme, &selection->hovered);

  cairo_restore (cr);
}
