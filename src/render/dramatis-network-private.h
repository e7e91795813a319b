/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <math.h>
#include <pango/pangocairo.h>

#include "dramatis-network.h"

G_BEGIN_DECLS

/* What the files of the network share, and nothing outside them should
 * see: its structure, the sizes all of them draw with, and what each part
 * offers the others.  dramatis-network.c says how the parts fit together.
 */

/* Node sizes, in world units: the positions' units, logical pixels at zoom 1. */
#define NODE_RADIUS_MIN        6.0
#define NODE_RADIUS_PER_SQRT   3.5
#define NODE_RADIUS_MAX        30.0

/* The rest in logical pixels. */
#define NODE_SCREEN_MIN        1.5   /* zoomed out, an actor is still a dot, */
#define NODE_SCREEN_MIN_MAX    2.5   /* and a hub a larger one */
#define NODE_OUTLINE           1.0
#define SELECTION_RING_GAP     3.0
#define SELECTION_RING_WIDTH   2.5
#define LABEL_MIN_NODE_RADIUS  3.0   /* a smaller glyph gets no label */
#define LABEL_PAD              2.0   /* around the text: room for the halo */
#define PARALLEL_STEP          18.0  /* world units between parallel arcs */
#define DASH_ON                5.0
#define DASH_OFF               3.0

#define MAX_POINTS             65
#define HASH_BUCKETS           4096

typedef struct
{
  guint  from;
  guint  to;
  /* Distance from the chord to the middle of the arc, in world units, along
   * the chord's normal as seen from the actor with the lower index; for a
   * relation of an actor with itself, the radius of its loop.
   */
  double offset;
  /* Which of the arcs between its two actors, from -(n-1)/2 to (n-1)/2;
   * for a loop, from 1.
   */
  double slot;
  /* How important the relation is among all of them, from 0 to 1: the
   * share of relations whose actors' degrees are lower (their geometric
   * mean), so that dense arcs fade the least important first.
   */
  float  weight;
  guint8 family;
  guint8 direction;
  guint8 valid;
} Edge;

/* A placed label, in "zoom space": world units times the zoom, so that a
 * pan does not move it.
 */
typedef struct
{
  double x;
  double y;
  double width;
  double height;
  guint  id;     /* an actor, or n_actors + a relation */
} Label;

/* Items by the cell of a uniform grid, in compressed rows. */
typedef struct
{
  double x0;
  double y0;
  double cell;
  int    nx;
  int    ny;
  guint *start;
  guint *items;
} Grid;

/* Labels by cell, for a grid with no bounds: cells hash into buckets. */
typedef struct
{
  double  cell;
  gint   *heads;
  GArray *next;
  GArray *items;
} HashGrid;

typedef struct
{
  gboolean  valid;
  double    zoom;
  gboolean  edge_labels;
  GArray   *labels;
  int      *label_of;
  HashGrid  grid;
} LabelPlacement;

typedef struct
{
  gboolean      valid;
  DramatisItem  item;
  guint8       *actors;
  GArray       *actor_list;   /* in drawing order */
  GArray       *relations;    /* by index */
  guint         accent_relation;
  guint         selected_actor;

  /* Labels for highlighted actors and relations that have none of their
   * own, the selected actor's first; and, by label id, the placed labels
   * they hide.
   */
  gboolean      extra_valid;
  double        extra_zoom;
  gboolean      extra_edge_labels;
  GArray       *extra;
  guint8       *hidden;
} Highlight;

typedef struct
{
  cairo_surface_t *surface;
  cairo_surface_t *spare;
  int              pw;
  int              ph;
  double           scale;
  double           device_scale;
  double           width;
  double           height;
  double           zoom;
  double           center_x;
  double           center_y;
  gboolean         edge_labels;
  DramatisItem     selected;
  guint            serial;
  gboolean         valid;
  gboolean         hairline;

  /* The same scene with nothing selected: a new selection in the same
   * view is drawn over a copy of it rather than from nothing.
   */
  cairo_surface_t *base;
  gboolean         base_valid;
} SceneCache;

struct _DramatisNetwork
{
  DramatisStory    *story;
  guint             n_actors;
  guint             n_relations;

  double           *xy;
  double           *radius;
  guint            *degree;
  guint            *order;        /* most important first */
  guint            *rank;         /* an actor's place in @order */
  guint8           *kinds;
  Edge             *edges;
  guint             kinds_present;
  guint             families_present;

  Grid              nodes;
  Grid              arcs;
  /* Actors moved since the grids were built, and their relations: every
   * query of the grids finds them, wherever they are now.
   */
  GArray           *loose_actors;
  GArray           *loose_relations;
  double            max_radius;
  double           *glyph_boxes;
  double            glyph_boxes_zoom;
  double            glyph_reach;
  /* For the density of arcs: their length and the network's area. */
  double            arc_length;
  double            area;

  guint            *actor_mark;
  guint            *relation_mark;
  guint             mark_serial;

  PangoContext     *measure_context;
  PangoContext     *render_context;
  PangoLayout      *measure_layouts[2];
  PangoLayout      *render_layouts[2];
  char             *font_family;
  double            font_size;
  double            small_font_size;
  float            *label_width;
  float            *label_height;
  cairo_surface_t **label_images;
  guint             n_label_images;
  double            label_image_scale;

  guint64           theme_hash;
  guint             serial;
  GHashTable       *sprites;

  LabelPlacement    placement;
  Highlight         highlight;
  SceneCache        scene;

  GArray           *scratch_shapes;
  GArray           *scratch_points;
};

/* Glyph extents from the centre, in units of the node radius: the glyphs
 * have about the same area, so that the kind does not change how important
 * an actor looks.  @trim is where arcs end.
 */
typedef struct
{
  double top;
  double bottom;
  double left;
  double right;
  double trim;
} GlyphExtents;

#define GLYPH_EXTENT_MAX 1.555

/* How a family of relations is stroked: dramatis-network-scene.c has the
 * table.
 */
typedef struct
{
  double   width;
  gboolean dashed;
} FamilyStyle;

extern const FamilyStyle dramatis_network_family_styles[DRAMATIS_N_RELATION_FAMILIES];

/* The raster: an image's pixels and a clip, in device pixels. */

typedef struct
{
  cairo_surface_t *surface;
  guint32 *pixels;
  int      stride;
  int      width;
  int      height;
  int      x0;
  int      y0;
  int      x1;
  int      y1;
} Raster;

/* What a drawing of the scene draws: all of it, the scene as with nothing
 * selected, or only what a selection puts over that.
 */
typedef enum
{
  SCENE_LAYERS_ALL,
  SCENE_LAYERS_BASE,
  SCENE_LAYERS_SELECTION,
} SceneLayers;

/* One drawing of the scene: into a Raster for raster targets, or with
 * cairo for vector ones.  Units are device pixels for a raster, logical
 * pixels for cairo; world point (x, y) is at ((x - cx) * k + ox, ...).
 */
typedef struct
{
  DramatisNetwork     *self;
  const DramatisTheme *theme;
  double               zoom;
  double               scale;
  double               k;
  double               cx;
  double               cy;
  double               ox;
  double               oy;
  double               clip_x0;
  double               clip_y0;
  double               clip_x1;
  double               clip_y1;
  double               arc_alpha;
  /* Whether arcs are hairlines: decided by a whole drawing, kept for the
   * strips drawn after it.
   */
  gboolean            *hairline;
  gboolean             decide_hairline;
  SceneLayers          layers;
  Raster              *raster;
  cairo_t             *cr;
} Scene;

/* An arc ready to rasterize: its points are in the network's scratch
 * array from @first.
 */
typedef struct
{
  guint    first;
  guint    n_points;
  guint    n_arrows;
  guint32  color;
  const DramatisColor *style_color;
  double   alpha;
  double   width;
  gboolean dashed;
  double   arrows[12];
  double   x0;
  double   y0;
  double   x1;
  double   y1;
} Shape;

/* Helpers small enough to be inlined where they are used, as they were
 * when the network was one file: some are in its innermost loops.
 */

/* Zoomed out, glyphs stop shrinking at a few pixels, larger for the
 * larger ones, so that the hubs of a large network still stand out.
 */
static inline double
dramatis_network_radius_at (double radius,
                            double zoom)
{
  return MAX (radius * zoom,
              NODE_SCREEN_MIN + (NODE_SCREEN_MIN_MAX - NODE_SCREEN_MIN) *
              (radius - NODE_RADIUS_MIN) / (NODE_RADIUS_MAX - NODE_RADIUS_MIN));
}

static inline double
dramatis_network_display_radius (DramatisNetwork *self,
                                 guint            actor,
                                 double           zoom)
{
  return dramatis_network_radius_at (self->radius[actor], zoom);
}

/* glibc's hypot() guards against overflow, which costs more than the
 * rest of a short arc's drawing; coordinates here are far from overflow.
 */
static inline double
dramatis_network_distance (double dx,
                           double dy)
{
  return sqrt (dx * dx + dy * dy);
}

/* Clamped before the conversion: a point far outside, as a hit-test at a
 * tiny zoom makes, must not overflow an int, and one that is not a number
 * (from a degenerate view) must not index outside the grid.
 */
static inline int
dramatis_network_grid_cell (double x,
                            int    n)
{
  return x >= 0 ? (int) MIN (x, n - 1) : 0;
}

static inline int
dramatis_network_grid_col (const Grid *grid,
                           double      x)
{
  return dramatis_network_grid_cell (floor ((x - grid->x0) / grid->cell), grid->nx);
}

static inline int
dramatis_network_grid_row (const Grid *grid,
                           double      y)
{
  return dramatis_network_grid_cell (floor ((y - grid->y0) / grid->cell), grid->ny);
}

static inline guint
dramatis_network_hash_cell (gint64 col,
                            gint64 row)
{
  return ((guint) col * 73856093u ^ (guint) row * 19349663u) & (HASH_BUCKETS - 1);
}

static inline void
dramatis_network_scene_point (const Scene *sc,
                              double       wx,
                              double       wy,
                              double      *x,
                              double      *y)
{
  *x = (wx - sc->cx) * sc->k + sc->ox;
  *y = (wy - sc->cy) * sc->k + sc->oy;
}

/* Glyphs: dramatis-network-glyphs.c */
const GlyphExtents *dramatis_network_extents_of (DramatisNetwork     *self,
                                                 guint                actor);
void                dramatis_network_glyph_box  (DramatisNetwork     *self,
                                                 guint                actor,
                                                 double               zoom,
                                                 double              *x,
                                                 double              *y,
                                                 double              *width,
                                                 double              *height);
void                dramatis_network_draw_glyph (cairo_t             *cr,
                                                 const DramatisTheme *theme,
                                                 DramatisActorKind    kind,
                                                 double               x,
                                                 double               y,
                                                 double               r,
                                                 double               unit,
                                                 gboolean             selected);
cairo_surface_t    *dramatis_network_get_sprite (DramatisNetwork     *self,
                                                 const DramatisTheme *theme,
                                                 DramatisActorKind    kind,
                                                 double               r,
                                                 double               scale,
                                                 gboolean             selected);

/* The geometry of the arcs: dramatis-network-edges.c */
void   dramatis_network_actor_position      (DramatisNetwork *self,
                                             guint            actor,
                                             double          *x,
                                             double          *y);
guint  dramatis_network_edge_world_points   (DramatisNetwork *self,
                                             const Edge      *edge,
                                             guint            n_segments,
                                             double          *points);
void   dramatis_network_edge_world_midpoint (DramatisNetwork *self,
                                             const Edge      *edge,
                                             double          *x,
                                             double          *y);
guint  dramatis_network_edge_segments       (DramatisNetwork *self,
                                             const Edge      *edge,
                                             double           scale);
double dramatis_network_polyline_length     (const double    *points,
                                             guint            n_points);
void   dramatis_network_polyline_point_at   (const double    *points,
                                             guint            n_points,
                                             double           s,
                                             double          *x,
                                             double          *y,
                                             double          *dx,
                                             double          *dy);
guint  dramatis_network_polyline_cut        (double          *points,
                                             guint            n_points,
                                             double           start,
                                             double           end);

/* Grids: dramatis-network-grid.c */
gboolean dramatis_network_rects_overlap      (double           ax,
                                              double           ay,
                                              double           aw,
                                              double           ah,
                                              double           bx,
                                              double           by,
                                              double           bw,
                                              double           bh);
void     dramatis_network_grid_clear         (Grid            *grid);
guint    dramatis_network_grid_count         (const Grid      *grid);
void     dramatis_network_hash_grid_init     (HashGrid        *grid,
                                              double           cell);
void     dramatis_network_hash_grid_clear    (HashGrid        *grid);
void     dramatis_network_hash_grid_insert   (HashGrid        *grid,
                                              const Label     *label,
                                              guint            item);
gboolean dramatis_network_hash_grid_overlaps (const HashGrid  *grid,
                                              const GArray    *labels,
                                              double           x,
                                              double           y,
                                              double           width,
                                              double           height);
void     dramatis_network_hash_grid_mark     (const HashGrid  *grid,
                                              const GArray    *labels,
                                              double           x,
                                              double           y,
                                              double           width,
                                              double           height,
                                              guint8          *marks);
void     dramatis_network_build_grids        (DramatisNetwork *self);
guint    dramatis_network_mark_actors_in     (DramatisNetwork *self,
                                              double           x0,
                                              double           y0,
                                              double           x1,
                                              double           y1,
                                              double           reach);
guint    dramatis_network_mark_relations_in  (DramatisNetwork *self,
                                              double           x0,
                                              double           y0,
                                              double           x1,
                                              double           y1);

/* The text of labels: dramatis-network-labels.c */
void             dramatis_network_update_fonts       (DramatisNetwork     *self,
                                                      const DramatisTheme *theme);
void             dramatis_network_measure_label      (DramatisNetwork     *self,
                                                      guint                id,
                                                      double              *width,
                                                      double              *height);
void             dramatis_network_draw_label_text    (DramatisNetwork     *self,
                                                      cairo_t             *cr,
                                                      const DramatisTheme *theme,
                                                      guint                id,
                                                      double               x,
                                                      double               y);
void             dramatis_network_draw_label_plate   (DramatisNetwork     *self,
                                                      cairo_t             *cr,
                                                      const DramatisTheme *theme,
                                                      guint                id,
                                                      double               x,
                                                      double               y);
void             dramatis_network_clear_label_images (DramatisNetwork     *self);
cairo_surface_t *dramatis_network_get_label_image    (DramatisNetwork     *self,
                                                      const DramatisTheme *theme,
                                                      guint                id,
                                                      double               scale);

/* Label placement: dramatis-network-placement.c */
void     dramatis_network_invalidate_placement (DramatisNetwork *self);
gboolean dramatis_network_label_candidate      (DramatisNetwork *self,
                                                guint            actor,
                                                double           zoom,
                                                guint            k,
                                                double           width,
                                                double           height,
                                                double          *x,
                                                double          *y);
void     dramatis_network_ensure_placement     (DramatisNetwork *self,
                                                double           zoom,
                                                gboolean         edge_labels);
void     dramatis_network_ensure_extra_labels  (DramatisNetwork *self,
                                                double           zoom,
                                                gboolean         edge_labels);

/* The highlight of the selection: dramatis-network-highlight.c */
void     dramatis_network_ensure_highlight   (DramatisNetwork    *self,
                                              const DramatisItem *item);
gboolean dramatis_network_highlight_is_empty (DramatisNetwork    *self);
guint    dramatis_network_highlight_get_n_lit (DramatisNetwork   *self);
guint    dramatis_network_highlight_get_lit   (DramatisNetwork   *self,
                                               guint              i);

/* The rasterizer: dramatis-network-raster.c */
guint32 dramatis_network_pack_color      (const DramatisColor *color,
                                          double               alpha);
void    dramatis_network_raster_fill     (Raster              *raster,
                                          guint32              color);
void    dramatis_network_raster_line     (Raster              *raster,
                                          double               x0,
                                          double               y0,
                                          double               x1,
                                          double               y1,
                                          guint32              color,
                                          double               width,
                                          gboolean             hairline,
                                          const double        *dash,
                                          double              *dash_pos);
void    dramatis_network_raster_triangle (Raster              *raster,
                                          const double        *p,
                                          guint32              color);
void    dramatis_network_raster_blit     (Raster              *raster,
                                          cairo_surface_t     *image,
                                          int                  x,
                                          int                  y);

/* The scene: dramatis-network-scene.c */
double dramatis_network_arc_alpha_at (DramatisNetwork           *self,
                                      const DramatisTheme       *theme,
                                      double                     zoom);
double dramatis_network_edge_alpha   (DramatisNetwork           *self,
                                      double                     arc_alpha,
                                      guint                      relation);
void   dramatis_network_scene_init   (Scene                     *sc,
                                      DramatisNetwork           *self,
                                      const DramatisNetworkView *view,
                                      const DramatisTheme       *theme,
                                      cairo_t                   *cr);
void   dramatis_network_scene_draw   (Scene                     *sc);
void   dramatis_network_draw_vector  (DramatisNetwork           *self,
                                      cairo_t                   *cr,
                                      const DramatisNetworkView *view,
                                      const DramatisTheme       *theme);
void   dramatis_network_draw_hover   (DramatisNetwork           *self,
                                      cairo_t                   *cr,
                                      const DramatisNetworkView *view,
                                      const DramatisTheme       *theme,
                                      const DramatisItem        *hovered);

/* The kept scene, for raster targets: dramatis-network-scene-cache.c */
void     dramatis_network_ensure_scene          (DramatisNetwork           *self,
                                                 const DramatisNetworkView *view,
                                                 const DramatisTheme       *theme,
                                                 double                     scale,
                                                 double                     device_scale);
gboolean dramatis_network_target_is_raster      (cairo_t                   *cr,
                                                 double                    *scale,
                                                 double                    *device_scale);
void     dramatis_network_paint_scene           (DramatisNetwork           *self,
                                                 cairo_t                   *cr);
gboolean dramatis_network_scene_can_stretch     (DramatisNetwork           *self,
                                                 const DramatisNetworkView *view,
                                                 double                     scale,
                                                 double                     device_scale);
void     dramatis_network_paint_scene_stretched (DramatisNetwork           *self,
                                                 cairo_t                   *cr,
                                                 const DramatisNetworkView *view,
                                                 const DramatisTheme       *theme);

G_END_DECLS
