/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <pango/pangocairo.h>

#include "dramatis-timeline.h"

G_BEGIN_DECLS

/* What the files of the timeline share: its geometry, the packed layout
 * and the object that holds it, and the helpers each file lends the others.
 */

/* Geometry, in logical pixels. */
#define AXIS_HEIGHT      DRAMATIS_TIMELINE_AXIS_HEIGHT
#define ROW_HEIGHT       28.0  /* at least: a label line and a bar track */
#define LANE_PADDING     3.0
#define MARKER_RADIUS    5.0
#define BAR_HEIGHT       8.0
#define RUN_HEIGHT       5.0
#define MIN_BAR_WIDTH    2.0
#define LABEL_GAP        4.0   /* from a marker to its label */
#define LABEL_ROOM       6.0   /* after a label, before the next item of its row */
#define STICKY_MARGIN    4.0   /* a label stays this far inside the time area */
#define MIN_LABEL_WIDTH  36.0  /* a shortened label narrower than this is left out */
#define MAX_LABEL_WIDTH  480.0
#define BREAK_WIDTH      32.0
#define GUTTER_PADDING   10.0
#define GUTTER_DOT       8.0
#define MIN_GUTTER       90.0
#define MAX_GUTTER       220.0
/* In a narrow view, the lane names take at most this share of the width,
 * and never less than NARROW_GUTTER.
 */
#define GUTTER_SHARE     0.35
#define NARROW_GUTTER    64.0
#define FIT_MARGIN_LEFT  24.0
#define FIT_MARGIN_RIGHT 16.0

/* How an event is drawn. */
enum
{
  MARK_BAR         = 1 << 0,  /* a period: a span, or a date known to the month or year */
  MARK_FADE_START  = 1 << 1,  /* its start is known only to the month or year */
  MARK_FADE_END    = 1 << 2,  /* its end likewise */
  MARK_APPROXIMATE = 1 << 3,
  MARK_INFERRED    = 1 << 4,
};

/* Alphas of the uncertain ends of a bar, and of its certain middle. */
#define FADE_LOW   0.08
#define FADE_HIGH  0.8
#define SOLID      0.85

typedef struct
{
  gint64 first;
  gint64 end;
  guint  event;
  guint  row;
  guint8 kind;
  guint8 flags;
} Placement;

typedef struct
{
  char     *title;
  guint     actor;       /* %DRAMATIS_NO_INDEX but by actor */
  guint8    kind;        /* its colour, by actor */
  gboolean  other;       /* the lane of what fits no other */
  /* Its items, in time order, in self->lane_items. */
  guint     first_item;
  guint     n_items;
  /* Its rows, in self->rows. */
  guint     first_row;
  guint     n_rows;
  /* Below the axis, before scrolling. */
  double    y;
  double    height;
} Lane;

typedef struct
{
  guint  lane;
  guint  first;  /* in self->placements */
  guint  n;
  double y;      /* top, below the axis, before scrolling */
} Row;

typedef struct
{
  double   m0;       /* the mark's extent */
  double   m1;
  double   centre;
  double   label_x;  /* before sliding along a bar */
  gboolean bar;
} Geometry;

/* Frame items are in time-area x and view y, with y the top of the row. */
typedef struct
{
  double   x0;
  double   x1;
  double   y;
  guint    placement;
  gboolean lit;
} FrameMark;

typedef struct
{
  double   x0;
  double   x1;
  double   y;
  guint8   kind;
  gboolean bar;
  gboolean lit;
} FrameRun;

typedef struct
{
  double   x;
  double   y;
  double   width;
  guint    placement;
  gboolean lit;
} FrameLabel;

/* Measures text by words, each word once: a story of 100,000 events has
 * far fewer distinct words than labels, and shaping is what costs.
 */
typedef struct
{
  PangoLayout *layout;
  GHashTable  *words;
  GString     *scratch;
  int          space;
} Measurer;

struct _DramatisTimeline
{
  DramatisStory         *story;
  DramatisLaneMode       mode;

  PangoContext          *pango;
  PangoFontDescription  *label_font;
  PangoFontDescription  *inferred_font;
  PangoFontDescription  *lane_font;
  PangoFontDescription  *axis_font;
  PangoFontDescription  *period_font;
  double                 label_height;
  double                 row_height;
  double                 axis_spacing;

  gboolean               has_time;
  gint64                 first_second;
  gint64                 end_second;
  DramatisTimeGap        gaps[DRAMATIS_TIME_MAP_MAX_GAPS];
  guint                  n_gaps;

  /* Labels and lane names are measured again after an edit, with the
   * words measured before.
   */
  Measurer               label_measurer;
  Measurer               inferred_measurer;
  Measurer               lane_measurer;
  double                 title_width;

  /* Per event. */
  guint                  n_events;
  guint8                *event_flags;
  float                 *label_widths;
  /* The period of each dated event in seconds, worked out once. */
  gint64                *event_first;
  gint64                *event_end;

  GArray                *lanes;
  GArray                *lane_items;  /* Placement, by lane, in time order */

  /* Packed at layout_seconds_per_pixel: placements grouped by row, in time
   * order within a row, with the running maximum of their ends for culling.
   */
  double                 layout_seconds_per_pixel;
  guint                  max_rows;
  GArray                *rows;
  GArray                *placements;
  gint64                *max_end;
  guint                 *event_offsets;
  guint                 *event_placements;
  double                 gutter_width;
  double                 natural_gutter_width;  /* as wide as the lane names ask */
  double                 content_height;

  /* Which events the selection lights; everything else is dimmed. */
  DramatisItem           lit_for;
  gboolean               dimming;
  guint8                *lit;

  /* The overview strip's events per pixel column, for its width. */
  guint                 *overview_counts;
  guint                  overview_columns;
  guint                  overview_max;

  /* Scratch arrays reused by every frame. */
  GArray                *marks;
  GArray                *runs;
  GArray                *labels;
  GString               *text;
};

/* dramatis-timeline.c */
const char *dramatis_timeline_format_label (GString             *out,
                                            const DramatisEvent *event,
                                            guint8               flags);

/* dramatis-timeline-measure.c */
void   dramatis_timeline_measurer_init  (Measurer                   *m,
                                         PangoContext               *context,
                                         const PangoFontDescription *font);
void   dramatis_timeline_measurer_clear (Measurer                   *m);
double dramatis_timeline_measure_text   (Measurer                   *m,
                                         const char                 *text);

/* dramatis-timeline-lanes.c */
const char *dramatis_timeline_lanes_title       (DramatisLaneMode  mode);
void        dramatis_timeline_clear_lane        (gpointer          data);
void        dramatis_timeline_build_actor_lanes (DramatisTimeline *self);
void        dramatis_timeline_build_kind_lanes  (DramatisTimeline *self);
gboolean    dramatis_timeline_refill_actor_lane (DramatisTimeline *self,
                                                 guint             lane);

/* dramatis-timeline-packing.c */
void     dramatis_timeline_place      (const DramatisTimeMap *map,
                                       const Placement       *p,
                                       double                 label_width,
                                       Geometry              *g);
double   dramatis_timeline_next_start (const DramatisTimeMap *map,
                                       const Placement       *next);
gboolean dramatis_timeline_label_fits (const Geometry        *g,
                                       double                 label_width,
                                       double                 limit,
                                       double                 area_width,
                                       double                *x,
                                       double                *width);
double   dramatis_timeline_dot_y      (DramatisTimeline      *self,
                                       double                 top);
double   dramatis_timeline_bar_top    (DramatisTimeline      *self,
                                       double                 top);
void     dramatis_timeline_pack       (DramatisTimeline      *self,
                                       double                 seconds_per_pixel);
gboolean dramatis_timeline_repack_lanes (DramatisTimeline    *self,
                                         const guint         *lanes,
                                         guint                n_lanes);

/* dramatis-timeline-view.c */
void   dramatis_timeline_init_map        (DramatisTimeline           *self,
                                          DramatisTimeMap            *map,
                                          double                      seconds_per_pixel,
                                          double                      start_second,
                                          gboolean                    compress);
double dramatis_timeline_time_area_width (DramatisTimeline           *self,
                                          const DramatisTimelineView *view);
double dramatis_timeline_fit_scale       (DramatisTimeline           *self,
                                          double                      width);

/* dramatis-timeline-frame.c */
void  dramatis_timeline_visible_lanes (DramatisTimeline           *self,
                                       const DramatisTimelineView *view,
                                       guint                      *first,
                                       guint                      *end);
guint dramatis_timeline_row_begin     (DramatisTimeline           *self,
                                       const Row                  *row,
                                       double                      time);
void  dramatis_timeline_compute_frame (DramatisTimeline           *self,
                                       const DramatisTimelineView *view,
                                       const DramatisTimeMap      *map,
                                       guint                       keep_event,
                                       guint                       keep_event2);

/* dramatis-timeline-draw.c */
void         dramatis_timeline_rounded_rectangle (cairo_t                    *cr,
                                                  double                      x,
                                                  double                      y,
                                                  double                      width,
                                                  double                      height,
                                                  double                      radius);
void         dramatis_timeline_add_profile_stops (cairo_pattern_t            *pattern,
                                                  const double               *xs,
                                                  const double               *alphas,
                                                  guint                       n,
                                                  double                      x0,
                                                  double                      x1,
                                                  const DramatisColor        *color,
                                                  double                      alpha);
void         dramatis_timeline_set_dash          (cairo_t                    *cr,
                                                  const DramatisTheme        *theme);
void         dramatis_timeline_draw_zigzag       (cairo_t                    *cr,
                                                  double                      x,
                                                  double                      y0,
                                                  double                      y1);
PangoLayout *dramatis_timeline_new_layout        (DramatisTimeline           *self,
                                                  const PangoFontDescription *font);

G_END_DECLS
