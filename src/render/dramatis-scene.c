/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "dramatis-scene"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "dramatis-scene-private.h"

/* A story made ready to draw: its timeline, its network and the network's
 * layout, shared by the window, the exports and the command line, so that
 * all three draw the same thing.  How the scene follows the story's edits
 * is in dramatis-scene-update.c.
 */

/* Layouts start from the same seed everywhere, so a story always comes out
 * the same until someone moves an actor.
 */
#define LAYOUT_SEED 1

/* The network's share of a page of automatic height: its height for its width. */
#define NETWORK_ASPECT 0.6

/**
 * dramatis_view_mode_from_string:
 * @name: "timeline", "network" or "both"
 * @mode: (out): the mode
 *
 * Returns: %TRUE if @name names a view
 */
gboolean
dramatis_view_mode_from_string (const char       *name,
                                DramatisViewMode *mode)
{
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (mode != NULL, FALSE);

  if (strcmp (name, "timeline") == 0)
    *mode = DRAMATIS_VIEW_TIMELINE;
  else if (strcmp (name, "network") == 0)
    *mode = DRAMATIS_VIEW_NETWORK;
  else if (strcmp (name, "both") == 0)
    *mode = DRAMATIS_VIEW_BOTH;
  else
    return FALSE;

  return TRUE;
}

/**
 * dramatis_scene_new:
 * @story: a story
 * @theme: the theme whose fonts measure labels
 *
 * Lays out the timeline and measures the network of @story.  The network's
 * actors start where the story stored them, or at the origin: run the
 * layout with dramatis_scene_run_layout(), or step by step with the layout
 * from dramatis_scene_create_layout().
 *
 * Returns: (transfer full): a new scene
 */
DramatisScene *
dramatis_scene_new (DramatisStory       *story,
                    const DramatisTheme *theme)
{
  DramatisScene *self;

  g_return_val_if_fail (DRAMATIS_IS_STORY (story), NULL);
  g_return_val_if_fail (theme != NULL, NULL);

  self = g_new0 (DramatisScene, 1);
  self->story = g_object_ref (story);
  self->timeline = dramatis_timeline_new (story, DRAMATIS_LANES_BY_ACTOR, theme);
  self->network = dramatis_network_new (story, theme);
  dramatis_scene_init_places (self);

  return self;
}

void
dramatis_scene_free (DramatisScene *self)
{
  dramatis_scene_clear_places (self);
  g_clear_pointer (&self->timeline, dramatis_timeline_free);
  g_clear_pointer (&self->network, dramatis_network_free);
  g_clear_object (&self->story);
  g_free (self);
}

DramatisStory *
dramatis_scene_get_story (DramatisScene *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->story;
}

DramatisTimeline *
dramatis_scene_get_timeline (DramatisScene *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->timeline;
}

DramatisNetwork *
dramatis_scene_get_network (DramatisScene *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->network;
}

/**
 * dramatis_scene_create_layout:
 * @self: a scene
 *
 * A layout of the story's network in which each actor takes the room its
 * glyph and label need, starting from the positions the story stored.
 *
 * Returns: (transfer full): the layout, not yet started
 */
DramatisGraphLayout *
dramatis_scene_create_layout (DramatisScene *self)
{
  DramatisGraphLayout *layout;
  guint n_actors;

  g_return_val_if_fail (self != NULL, NULL);

  layout = dramatis_graph_layout_new_for_story (self->story, LAYOUT_SEED);
  n_actors = dramatis_story_get_n_actors (self->story);

  /* The label hangs below the glyph: the box covers both. */
  for (guint i = 0; i < n_actors; i++)
    {
      double radius = dramatis_network_get_node_radius (self->network, i);
      double label_width, label_height;

      dramatis_network_get_label_size (self->network, i, &label_width, &label_height);
      dramatis_graph_layout_set_node_size (layout, i,
                                           MAX (2 * radius, label_width),
                                           2 * radius + label_height);
    }

  return layout;
}

/**
 * dramatis_scene_run_layout:
 * @self: a scene
 *
 * Lays out the network to the end, for exports and the command line; the
 * window steps a layout instead, to animate it.
 */
void
dramatis_scene_run_layout (DramatisScene *self)
{
  g_autoptr(DramatisGraphLayout) layout = NULL;
  const double *positions;
  guint n_nodes;

  g_return_if_fail (self != NULL);

  layout = dramatis_scene_create_layout (self);
  dramatis_graph_layout_run (layout);
  positions = dramatis_graph_layout_get_positions (layout, &n_nodes);
  dramatis_scene_set_layout_positions (self, positions, n_nodes);
}

/**
 * dramatis_scene_dup_title:
 * @self: a scene
 *
 * Returns: (transfer full): the story's title, for pages and windows
 */
char *
dramatis_scene_dup_title (DramatisScene *self)
{
  const char *title;

  g_return_val_if_fail (self != NULL, NULL);

  title = dramatis_story_get_title (self->story);
  return g_strdup (title != NULL && *title != '\0' ? title : _("Untitled Story"));
}

/**
 * dramatis_scene_dup_subtitle:
 * @self: a scene
 * @mode: the views on the page
 *
 * Returns: (transfer full): a line that says what the page shows
 */
char *
dramatis_scene_dup_subtitle (DramatisScene    *self,
                             DramatisViewMode  mode)
{
  const char *what;
  g_autofree char *actors = NULL;
  g_autofree char *events = NULL;
  guint n_actors, n_events;

  g_return_val_if_fail (self != NULL, NULL);

  switch (mode)
    {
    case DRAMATIS_VIEW_TIMELINE:
      what = _("Timeline");
      break;
    case DRAMATIS_VIEW_NETWORK:
      what = _("Actor network");
      break;
    case DRAMATIS_VIEW_BOTH:
    default:
      what = _("Timeline and actor network");
      break;
    }

  n_actors = dramatis_story_get_n_actors (self->story);
  n_events = dramatis_story_get_n_events (self->story);
  actors = g_strdup_printf (ngettext ("%'u actor", "%'u actors", n_actors), n_actors);
  events = g_strdup_printf (ngettext ("%'u event", "%'u events", n_events), n_events);

  /* Translators: what a page shows, then counts: "Timeline · 22 actors · 10 events" */
  return g_strdup_printf (_("%s · %s · %s"), what, actors, events);
}

/**
 * dramatis_scene_dup_source_line:
 * @self: a scene
 *
 * Returns: (transfer full) (nullable): where the story comes from, for
 *   the foot of a page
 */
char *
dramatis_scene_dup_source_line (DramatisScene *self)
{
  g_autoptr(GString) line = NULL;
  guint n_sources;

  g_return_val_if_fail (self != NULL, NULL);

  n_sources = dramatis_story_get_n_sources (self->story);
  line = g_string_new (NULL);

  if (n_sources == 1)
    {
      const DramatisSource *source = dramatis_story_get_source (self->story, 0);

      /* Translators: the start of the line that names a story's source */
      g_string_append (line, _("Source: "));
      if (source->publisher != NULL)
        g_string_append (line, source->publisher);
      if (source->publisher != NULL && source->title != NULL)
        g_string_append (line, ", ");
      if (source->title != NULL)
        g_string_append_printf (line, "“%s”", source->title);
      if (dramatis_date_is_set (&source->published))
        {
          g_autofree char *date = dramatis_date_format (&source->published);

          g_string_append_printf (line, ", %s", date);
        }
      if (source->license != NULL)
        g_string_append_printf (line, ". %s", source->license);
      g_string_append (line, ". ");
    }
  else if (n_sources > 1)
    {
      g_string_append_printf (line, ngettext ("%'u source. ", "%'u sources. ", n_sources), n_sources);
    }

  /* Translators: the end of the line at the foot of an exported page */
  g_string_append_printf (line, _("Made with Dramatis %s"), PACKAGE_VERSION);

  return g_string_free (g_steal_pointer (&line), FALSE);
}

typedef struct
{
  DramatisScene              *scene;
  DramatisTimeline           *timeline;
  const DramatisTheme        *theme;
  const DramatisSelection    *selection;
  const DramatisTimelineView *timeline_view;
  const DramatisNetworkView  *network_view;
} ExportData;

static void
draw_timeline_panel (cairo_t  *cr,
                     double    width,
                     double    height,
                     gpointer  user_data)
{
  ExportData *data = user_data;
  DramatisTimelineView view = *data->timeline_view;

  /* The view keeps its start and zoom, in the room the page has. */
  view.width = width;
  view.height = height;

  dramatis_timeline_draw (data->timeline, cr, &view, data->theme, data->selection);
}

static double
draw_timeline_legend (cairo_t  *cr,
                      double    x,
                      double    y,
                      double    max_width,
                      gpointer  user_data)
{
  ExportData *data = user_data;

  return dramatis_timeline_draw_legend (data->timeline, cr, data->theme, x, y, max_width);
}

static void
draw_network_panel (cairo_t  *cr,
                    double    width,
                    double    height,
                    gpointer  user_data)
{
  ExportData *data = user_data;
  DramatisNetworkView view = *data->network_view;

  view.width = width;
  view.height = height;

  dramatis_network_draw (data->scene->network, cr, &view, data->theme, data->selection);
}

static double
draw_network_legend (cairo_t  *cr,
                     double    x,
                     double    y,
                     double    max_width,
                     gpointer  user_data)
{
  ExportData *data = user_data;

  return dramatis_network_draw_legend (data->scene->network, cr, data->theme, x, y, max_width);
}

/* Shares a page of @max_height among its panels when the diagrams need
 * more.  The network is drawn to fit any room, and keeps its height if
 * that leaves the timeline at least half the page.  The timeline of a
 * large story, one lane per actor, may need hundreds of thousands of
 * pixels: it shows its first lanes, as many as fit whole, in the order of
 * the story and as the window shows them, each lane complete and as
 * legible as on a page of any height.  Grouping the lanes by kind of
 * event instead would usually fit, but would drop who took part, which is
 * what the timeline is for, and a story without classifications would
 * come out as a single lane.
 *
 * Returns: how many lanes @timeline shows when it cannot show them all,
 *   or 0
 */
static guint
fit_panels (const DramatisExportPage  *page,
            const DramatisExportPanel *panels,
            guint                      n_panels,
            double                    *heights,
            gboolean                   has_timeline,
            gboolean                   has_network,
            DramatisTimeline          *timeline,
            double                     max_height)
{
  double none[2] = { 0.0, 0.0 };
  double room, timeline_room, lanes_height = 0.0, network_height = 0.0;
  guint n_lanes = 0;

  g_assert (n_panels == (guint) has_timeline + (guint) has_network);

  /* The title, the legends and the source line keep their height. */
  room = MAX (max_height - dramatis_export_get_page_height (page, panels, n_panels, none), 2.0);

  if (has_network)
    network_height = heights[n_panels - 1];
  if (has_timeline)
    {
      timeline_room = floor (room - MIN (network_height, room / 2));
      if (timeline == NULL)
        heights[0] = MIN (heights[0], timeline_room);
      else
        {
          n_lanes = dramatis_timeline_count_whole_lanes (timeline, timeline_room, &lanes_height);
          if (n_lanes >= dramatis_timeline_get_n_lanes (timeline))
            n_lanes = 0;
          /* Room for not even one lane: the first shows as far as it can. */
          else if (n_lanes == 0)
            {
              lanes_height = timeline_room;
              n_lanes = 1;
            }
          heights[0] = lanes_height;
        }
    }

  /* The network takes what the timeline leaves, up to what it needs. */
  if (has_network)
    heights[n_panels - 1] = floor (MIN (network_height, room - (has_timeline ? heights[0] : 0.0)));

  return n_lanes;
}

/**
 * dramatis_scene_export:
 * @self: a scene
 * @file: where to write; the format follows @page
 * @mode: which views
 * @page: format, size, scale and theme; title, subtitle and source line are
 *   filled in from the story where @page leaves them %NULL, and a height of
 *   0 makes the page as tall as the diagrams need, up to
 *   dramatis_export_get_max_height(): beyond it the timeline shows its
 *   first lanes and the subtitle says how many
 * @selection: (nullable): what to show selected
 * @timeline_view: (nullable): the part of the timeline to show, or %NULL
 *   for all of it
 * @network_view: (nullable): the part of the network to show, or %NULL for
 *   all of it
 * @error: return location for a #GError
 *
 * Exports the views of the story as they are drawn on screen.
 *
 * Returns: %TRUE on success
 */
gboolean
dramatis_scene_export (DramatisScene              *self,
                       GFile                      *file,
                       DramatisViewMode            mode,
                       const DramatisExportPage   *page,
                       const DramatisSelection    *selection,
                       const DramatisTimelineView *timeline_view,
                       const DramatisNetworkView  *network_view,
                       GError                    **error)
{
  DramatisSelection no_selection = { DRAMATIS_ITEM_INIT_NONE, DRAMATIS_ITEM_INIT_NONE };
  g_autoptr(DramatisTimeline) whole_timeline = NULL;
  DramatisTimelineView whole_view;
  ExportData data;
  DramatisExportPanel panels[2];
  double heights[2];
  DramatisExportPage framed;
  gboolean has_timeline = mode == DRAMATIS_VIEW_TIMELINE || mode == DRAMATIS_VIEW_BOTH;
  gboolean has_network = mode == DRAMATIS_VIEW_NETWORK || mode == DRAMATIS_VIEW_BOTH;
  DramatisNetworkView whole_network_view = { 0 };
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *source_line = NULL;
  guint n_panels = 0;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (page != NULL && page->theme != NULL, FALSE);

  data = (ExportData) { self, self->timeline, page->theme, selection ? selection : &no_selection,
                        timeline_view, network_view };
  framed = *page;
  if (framed.title == NULL)
    {
      title = dramatis_scene_dup_title (self);
      framed.title = title;
    }
  if (framed.subtitle == NULL)
    {
      subtitle = dramatis_scene_dup_subtitle (self, mode);
      framed.subtitle = subtitle;
    }
  if (framed.source_line == NULL)
    {
      source_line = dramatis_scene_dup_source_line (self);
      framed.source_line = source_line;
    }

  /* Both views stack as in the window: the timeline above the network. */
  if (has_timeline)
    panels[n_panels++] = (DramatisExportPanel) { draw_timeline_panel, draw_timeline_legend, &data, 1.0 };
  if (has_network)
    {
      heights[n_panels] = round (framed.width * NETWORK_ASPECT);
      panels[n_panels++] = (DramatisExportPanel) { draw_network_panel, draw_network_legend, &data, 1.4 };
    }

  /* The whole story is fitted to the page's width on a timeline of the
   * export's own: fitting the scene's would pack its rows again under the
   * window that shows them.  Fitted before the page is measured, so that
   * a page of automatic height holds every lane as drawn.
   */
  if (has_timeline)
    {
      if (timeline_view == NULL)
        {
          double x, y, width, height;

          whole_timeline = dramatis_timeline_new (self->story, dramatis_timeline_get_lane_mode (self->timeline),
                                                  page->theme);
          data.timeline = whole_timeline;
          dramatis_export_get_panel_rect (&framed, panels, n_panels, 0, &x, &y, &width, &height);
          dramatis_timeline_fit (whole_timeline, width, height, &whole_view);
          data.timeline_view = &whole_view;
        }
      heights[0] = dramatis_timeline_get_content_height (data.timeline);

      /* As on screen, the lanes are those the window shows, not the
       * thousands of a large story.
       */
      if (timeline_view != NULL)
        heights[0] = MIN (heights[0], timeline_view->height);
    }

  /* With no height given, the page grows to show every lane of the
   * timeline and the network at a comfortable size, as far as the format's
   * readers can draw it.
   */
  if (framed.height <= 0)
    {
      double max_height = dramatis_export_get_max_height (&framed);

      framed.height = dramatis_export_get_page_height (&framed, panels, n_panels, heights);
      if (framed.height > max_height)
        {
          guint n_lanes = fit_panels (&framed, panels, n_panels, heights, has_timeline, has_network,
                                      timeline_view == NULL ? data.timeline : NULL, max_height);

          if (n_lanes > 0)
            {
              guint n_all = dramatis_timeline_get_n_lanes (data.timeline);
              g_autofree char *note = NULL;
              char *noted;

              /* Translators: the timeline lanes a page has room for, of
               * all of them; the plural follows the number of all lanes
               */
              note = g_strdup_printf (ngettext ("first %'u of %'u lane", "first %'u of %'u lanes", n_all),
                                      n_lanes, n_all);

              /* Translators: a page's subtitle, then what its timeline
               * leaves out: "Timeline · 2,000 actors · 20,000 events ·
               * first 180 of 2,000 lanes"
               */
              noted = g_strdup_printf (_("%s · %s"), framed.subtitle, note);
              g_free (subtitle);
              subtitle = noted;
              framed.subtitle = subtitle;
            }
          framed.height = dramatis_export_get_page_height (&framed, panels, n_panels, heights);
        }

      for (guint i = 0; i < n_panels; i++)
        panels[i].weight = heights[i];
    }

  /* The whole network is fitted here too, once the page has its size, so
   * that drawing does nothing but draw.
   */
  if (has_network && network_view == NULL)
    {
      double x, y, width, height;

      /* A page cannot be hovered: relations are named where there is room. */
      whole_network_view.show_edge_labels = TRUE;
      dramatis_export_get_panel_rect (&framed, panels, n_panels, n_panels - 1, &x, &y, &width, &height);
      dramatis_network_fit (self->network, width, height, &whole_network_view);
      data.network_view = &whole_network_view;
    }

  return dramatis_export_to_file (file, &framed, panels, n_panels, NULL, error);
}
