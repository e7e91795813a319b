/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "dramatis-export-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "dramatis-export-dialog.h"
#include "dramatis-file-dialog.h"

/* Export: which diagrams, what part of them, in which format and size.
 * "As on screen" keeps the window's zoom and position, so the file shows
 * what the user was looking at, drawn by the same code.
 *
 * A large network takes seconds to draw, so the export runs in a worker
 * thread, on a scene of its own made from the story and the positions the
 * window shows: the window's scene keeps caches that its drawing changes.
 * The dialog takes what it exports when it opens, a reference to the story
 * and a copy of the rest, since the window can replace its story while the
 * dialog is open (a file that finishes loading, or one opened from
 * outside), and frees the scene it had.
 */

struct _DramatisExportDialog
{
  AdwWindow             parent_instance;

  DramatisStory        *story;
  double               *positions;
  guint                 n_positions;
  double                timeline_layout_scale;
  guint                 timeline_max_rows;
  char                 *title;
  DramatisThemeVariant  variant;
  DramatisSelection     selection;
  DramatisTimelineView  timeline_view;
  DramatisNetworkView   network_view;

  GtkWidget            *cancel_button;
  GtkWidget            *export_button;
  GtkWidget            *spinner;
  GtkWidget            *form;
  gboolean              exporting;

  AdwComboRow          *format_row;
  AdwComboRow          *view_row;
  AdwComboRow          *area_row;
  AdwComboRow          *scale_row;
  GtkWidget            *highlight_row;
  GtkSwitch            *highlight_switch;
  GtkSpinButton        *width_spin;
  GtkSpinButton        *height_spin;
};

G_DEFINE_FINAL_TYPE (DramatisExportDialog, dramatis_export_dialog, ADW_TYPE_WINDOW)

enum {
  EXPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *const extensions[] = { "png", "svg", "pdf" };
static const double scales[] = { 1, 2, 4 };

static void
show_error (DramatisExportDialog *self,
            const char           *message)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Could Not Export"), message));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Everything an export needs, copied, so that it can run in a thread. */
typedef struct
{
  DramatisStory        *story;
  DramatisThemeVariant  variant;
  double               *positions;
  guint                 n_positions;
  DramatisViewMode      mode;
  DramatisExportPage    page;
  DramatisSelection     selection;
  gboolean              as_on_screen;
  DramatisTimelineView  timeline_view;
  double                timeline_layout_scale;
  guint                 timeline_max_rows;
  DramatisNetworkView   network_view;
  GFile                *file;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_clear_object (&job->story);
  g_clear_pointer (&job->positions, g_free);
  g_clear_object (&job->file);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ExportJob, export_job_free)

static ExportJob *
export_job_new (DramatisExportDialog *self,
                GFile                *file)
{
  ExportJob *job = g_new0 (ExportJob, 1);

  job->story = g_object_ref (self->story);
  job->variant = self->variant;
  job->n_positions = self->n_positions;
  job->positions = g_memdup2 (self->positions, 2 * sizeof (double) * self->n_positions);
  job->mode = adw_combo_row_get_selected (self->view_row);
  job->page.format = adw_combo_row_get_selected (self->format_row);
  job->page.width = gtk_spin_button_get_value (self->width_spin);
  job->page.height = gtk_spin_button_get_value (self->height_spin);
  job->page.scale = scales[MIN (adw_combo_row_get_selected (self->scale_row), G_N_ELEMENTS (scales) - 1)];
  /* The file shows the diagrams as they are, every item at full strength,
   * unless the user asks for the selection's highlight as on screen.
   */
  job->selection = self->selection;
  if (!gtk_switch_get_active (self->highlight_switch))
    job->selection.selected = DRAMATIS_ITEM_INIT_NONE;
  job->as_on_screen = adw_combo_row_get_selected (self->area_row) == 0;
  job->timeline_view = self->timeline_view;
  job->timeline_layout_scale = self->timeline_layout_scale;
  job->timeline_max_rows = self->timeline_max_rows;
  job->network_view = self->network_view;
  job->file = g_object_ref (file);

  return job;
}

static gboolean
export_job_run (ExportJob  *job,
                GError    **error)
{
  g_auto(DramatisTheme) theme;
  g_autoptr(DramatisScene) scene = NULL;
  DramatisExportPage page = job->page;

  dramatis_theme_init (&theme, job->variant);
  scene = dramatis_scene_new (job->story, &theme);
  dramatis_network_set_positions (dramatis_scene_get_network (scene), job->positions, job->n_positions);
  /* The rows of labels as the window packed them, for its zoom and its
   * height, and the lane names as wide as its width let them be.
   */
  if (job->as_on_screen)
    {
      dramatis_timeline_set_layout_scale (dramatis_scene_get_timeline (scene), job->timeline_layout_scale);
      dramatis_timeline_set_max_rows (dramatis_scene_get_timeline (scene), job->timeline_max_rows);
      dramatis_timeline_fit_gutter (dramatis_scene_get_timeline (scene), job->timeline_view.width);
    }
  page.theme = &theme;

  return dramatis_scene_export (scene, job->file, job->mode, &page, &job->selection,
                                job->as_on_screen ? &job->timeline_view : NULL,
                                job->as_on_screen ? &job->network_view : NULL,
                                error);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GError *error = NULL;

  if (export_job_run (task_data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * dramatis_export_dialog_export:
 * @self: an export dialog
 * @file: where to write
 * @error: return location for a #GError
 *
 * Exports with the choices the dialog shows, and waits until the file is
 * written; the dialog's Export button does the same in a worker thread.
 *
 * Returns: %TRUE on success
 */
gboolean
dramatis_export_dialog_export (DramatisExportDialog  *self,
                               GFile                 *file,
                               GError               **error)
{
  g_autoptr(ExportJob) job = NULL;

  g_return_val_if_fail (DRAMATIS_IS_EXPORT_DIALOG (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  job = export_job_new (self, file);
  return export_job_run (job, error);
}

/* Until the worker is done the file is not in place, so the dialog can
 * neither be cancelled nor closed. The button keeps its label: replacing
 * a button's child while the accessibility tree holds it is a path GTK 4.8
 * does not survive well. */
static void
set_exporting (DramatisExportDialog *self,
               gboolean              exporting)
{
  self->exporting = exporting;
  gtk_widget_set_sensitive (self->form, !exporting);
  gtk_widget_set_sensitive (self->export_button, !exporting);
  gtk_widget_set_sensitive (self->cancel_button, !exporting);
  gtk_widget_set_visible (self->spinner, exporting);
  if (exporting)
    gtk_spinner_start (GTK_SPINNER (self->spinner));
  else
    gtk_spinner_stop (GTK_SPINNER (self->spinner));
}

static void
export_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  DramatisExportDialog *self = DRAMATIS_EXPORT_DIALOG (object);
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  set_exporting (self, FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      show_error (self, error->message);
      return;
    }

  g_signal_emit (self, signals[EXPORTED], 0, job->file);
  gtk_window_close (GTK_WINDOW (self));
}

static void
file_chosen_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  DramatisExportDialog *self = DRAMATIS_EXPORT_DIALOG (object);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) task = NULL;

  file = dramatis_file_dialog_finish (result, &error);
  if (file == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, error->message);
      return;
    }

  task = g_task_new (self, NULL, export_done_cb, NULL);
  g_task_set_source_tag (task, file_chosen_cb);
  g_task_set_task_data (task, export_job_new (self, file), (GDestroyNotify) export_job_free);
  set_exporting (self, TRUE);
  g_task_run_in_thread (task, export_thread);
}

/* The file is half written until the worker is done; the dialog stays. */
static gboolean
dramatis_export_dialog_close_request (GtkWindow *window)
{
  return DRAMATIS_EXPORT_DIALOG (window)->exporting;
}

static void
export_clicked_cb (DramatisExportDialog *self)
{
  g_autofree char *title = g_strdup (self->title);
  g_autofree char *name = NULL;
  guint format = adw_combo_row_get_selected (self->format_row);

  name = g_strdup_printf ("%s.%s", g_strdelimit (title, "/", '-'), extensions[MIN (format, 2)]);
  dramatis_file_dialog_save (GTK_WINDOW (self), _("Export"), _("_Export"), NULL, NULL, name,
                             file_chosen_cb, NULL);
}

static void
format_changed_cb (DramatisExportDialog *self)
{
  /* Vector files have no pixels to multiply. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->scale_row),
                            adw_combo_row_get_selected (self->format_row) == DRAMATIS_EXPORT_PNG);
}

static AdwComboRow *
add_combo_row (AdwPreferencesGroup *group,
               const char          *title,
               const char *const   *choices)
{
  AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());
  g_autoptr(GtkStringList) model = gtk_string_list_new ((const char * const *) choices);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_combo_row_set_model (row, G_LIST_MODEL (model));
  adw_preferences_group_add (group, GTK_WIDGET (row));

  return row;
}

static GtkSpinButton *
add_spin_row (AdwPreferencesGroup *group,
              const char          *title,
              const char          *subtitle,
              double               min,
              double               value)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (min, 20000, 10);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), value);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  adw_preferences_group_add (group, row);

  return GTK_SPIN_BUTTON (spin);
}

static void
dramatis_export_dialog_finalize (GObject *object)
{
  DramatisExportDialog *self = DRAMATIS_EXPORT_DIALOG (object);

  g_clear_object (&self->story);
  g_clear_pointer (&self->positions, g_free);
  g_clear_pointer (&self->title, g_free);

  G_OBJECT_CLASS (dramatis_export_dialog_parent_class)->finalize (object);
}

static void
dramatis_export_dialog_class_init (DramatisExportDialogClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dramatis_export_dialog_finalize;

  /**
   * DramatisExportDialog::exported:
   * @file: the file written
   */
  signals[EXPORTED] = g_signal_new ("exported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_FILE);

  GTK_WINDOW_CLASS (klass)->close_request = dramatis_export_dialog_close_request;

  gtk_widget_class_add_binding_action (GTK_WIDGET_CLASS (klass), GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
dramatis_export_dialog_init (DramatisExportDialog *self)
{
  static const char *const formats[] = { N_("PNG Image"), N_("SVG Drawing"), N_("PDF Document"), NULL };
  static const char *const views[] = { N_("Timeline"), N_("Actor Network"), N_("Both"), NULL };
  static const char *const areas[] = { N_("As on Screen"), N_("Whole Diagram"), NULL };
  static const char *const scale_names[] = { N_("1× (screen)"), N_("2× (HiDPI)"), N_("4× (print)"), NULL };
  const char *translated[4][4];
  GtkWidget *toolbar, *header, *cancel, *export, *page;
  AdwPreferencesGroup *group;

  for (guint i = 0; i < 3; i++)
    {
      translated[0][i] = _(formats[i]);
      translated[1][i] = _(views[i]);
      translated[3][i] = _(scale_names[i]);
    }
  translated[2][0] = _(areas[0]);
  translated[2][1] = _(areas[1]);
  translated[0][3] = translated[1][3] = translated[3][3] = translated[2][2] = NULL;

  gtk_window_set_title (GTK_WINDOW (self), _("Export"));
  gtk_window_set_default_size (GTK_WINDOW (self), 460, -1);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);

  toolbar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  cancel = self->cancel_button = gtk_button_new_with_mnemonic (_("_Cancel"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  export = self->export_button = gtk_button_new_with_mnemonic (_("_Export…"));
  gtk_widget_add_css_class (export, "suggested-action");
  g_signal_connect_object (export, "clicked", G_CALLBACK (export_clicked_cb), self, G_CONNECT_SWAPPED);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), export);
  self->spinner = gtk_spinner_new ();
  gtk_widget_set_visible (self->spinner, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->spinner),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Exporting…"),
                                  -1);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->spinner);
  gtk_window_set_default_widget (GTK_WINDOW (self), export);
  gtk_box_append (GTK_BOX (toolbar), header);

  page = adw_preferences_page_new ();
  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  self->format_row = add_combo_row (group, _("_Format"), translated[0]);
  self->view_row = add_combo_row (group, _("_Diagrams"), translated[1]);
  self->area_row = add_combo_row (group, _("_Area"), translated[2]);
  self->highlight_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->highlight_row), _("Highlight the _Selection"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->highlight_row), TRUE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->highlight_row),
                               _("Dim what is not related to it, as on screen"));
  self->highlight_switch = GTK_SWITCH (gtk_switch_new ());
  gtk_widget_set_valign (GTK_WIDGET (self->highlight_switch), GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self->highlight_row), GTK_WIDGET (self->highlight_switch));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (self->highlight_row),
                                         GTK_WIDGET (self->highlight_switch));
  adw_preferences_group_add (group, self->highlight_row);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), group);

  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (group, _("Size"));
  adw_preferences_group_set_description (group, _("In pixels at 1×; points for PDF"));
  self->width_spin = add_spin_row (group, _("_Width"), NULL, 100, 1600);
  self->height_spin = add_spin_row (group, _("_Height"), _("0 makes the page as tall as the diagrams need"), 0, 0);
  self->scale_row = add_combo_row (group, _("_Scale"), translated[3]);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), group);

  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (toolbar), page);
  self->form = page;
  adw_window_set_content (ADW_WINDOW (self), toolbar);

  g_signal_connect_object (self->format_row, "notify::selected", G_CALLBACK (format_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

/**
 * dramatis_export_dialog_new:
 * @parent: the window
 * @scene: what to export: the dialog copies what it needs of it
 * @mode: the diagrams the window shows
 * @theme: the colours the window draws with
 * @selection: what the window shows selected
 * @timeline_view: the part of the timeline on screen
 * @network_view: the part of the network on screen
 *
 * Returns: (transfer floating): a new export dialog
 */
GtkWidget *
dramatis_export_dialog_new (GtkWindow                  *parent,
                            DramatisScene              *scene,
                            DramatisViewMode            mode,
                            const DramatisTheme        *theme,
                            const DramatisSelection    *selection,
                            const DramatisTimelineView *timeline_view,
                            const DramatisNetworkView  *network_view)
{
  DramatisExportDialog *self;
  const double *positions;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (scene != NULL && theme != NULL && selection != NULL, NULL);

  self = g_object_new (DRAMATIS_TYPE_EXPORT_DIALOG, "transient-for", parent, NULL);
  self->story = g_object_ref (dramatis_scene_get_story (scene));
  positions = dramatis_network_get_positions (dramatis_scene_get_network (scene), &self->n_positions);
  self->positions = g_memdup2 (positions, 2 * sizeof (double) * self->n_positions);
  self->timeline_layout_scale = dramatis_timeline_get_layout_scale (dramatis_scene_get_timeline (scene));
  self->timeline_max_rows = dramatis_timeline_get_max_rows (dramatis_scene_get_timeline (scene));
  self->title = dramatis_scene_dup_title (scene);
  self->variant = theme->variant;
  self->selection = *selection;
  self->selection.hovered = DRAMATIS_ITEM_INIT_NONE;
  /* With nothing selected there is nothing to highlight. */
  gtk_widget_set_sensitive (self->highlight_row, selection->selected.kind != DRAMATIS_ITEM_NONE);
  self->timeline_view = *timeline_view;
  self->network_view = *network_view;

  adw_combo_row_set_selected (self->view_row, mode);
  gtk_spin_button_set_value (self->width_spin,
                             MAX (MAX (timeline_view->width, network_view->width), 400));

  return GTK_WIDGET (self);
}
