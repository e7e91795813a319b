/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "dramatis-application"

#include "config.h"

#include <glib/gi18n.h>

#include "dramatis-application.h"
#include "dramatis-window.h"

struct _DramatisApplication
{
  AdwApplication parent_instance;

  gboolean       recovery_offered;
};

G_DEFINE_FINAL_TYPE (DramatisApplication, dramatis_application, ADW_TYPE_APPLICATION)

/* Once per run, in the first window: what the windows of a run that ended
 * without saving or discarding their changes left to restore.
 */
static void
offer_recovery (DramatisApplication *self,
                GtkWindow           *window)
{
  if (self->recovery_offered)
    return;

  self->recovery_offered = TRUE;
  dramatis_window_offer_recovery (DRAMATIS_WINDOW (window));
}

static void
dramatis_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    {
      window = GTK_WINDOW (dramatis_window_new (DRAMATIS_APPLICATION (app)));
      dramatis_window_open_builtin (DRAMATIS_WINDOW (window));
    }

  gtk_window_present (window);
  offer_recovery (DRAMATIS_APPLICATION (app), window);
}

/* Each file opens in a window of its own; a window with no story yet, or
 * with the built-in one untouched, takes the first.
 */
static void
dramatis_application_open (GApplication  *app,
                           GFile        **files,
                           int            n_files,
                           const char    *hint)
{
  for (int i = 0; i < n_files; i++)
    {
      GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

      if (window == NULL || !dramatis_window_can_replace_story (DRAMATIS_WINDOW (window)))
        window = GTK_WINDOW (dramatis_window_new (DRAMATIS_APPLICATION (app)));

      dramatis_window_open_file (DRAMATIS_WINDOW (window), files[i]);
      gtk_window_present (window);
      offer_recovery (DRAMATIS_APPLICATION (app), window);
    }
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  GtkApplication *app = user_data;
  const char *developers[] = { "The Dramatis developers", NULL };

  adw_show_about_window (gtk_application_get_active_window (app),
                         "application-name", _("Dramatis"),
                         "application-icon", APPLICATION_ID,
                         "version", PACKAGE_VERSION,
                         "developer-name", _("The Dramatis developers"),
                         "developers", developers,
                         "comments", _("Explore a news story as a timeline and a network of its actors, "
                                       "with every quote tied to its place in the source."),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         /* Translators: put your names here, one per line */
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GtkApplication *app = user_data;
  GList *windows = g_list_copy (gtk_application_get_windows (app));

  /* Each window asks about unsaved changes before it goes. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
  g_list_free (windows);
}

static void
dramatis_application_startup (GApplication *app)
{
  static const GActionEntry actions[] = {
    { "about", about_action },
    { "quit", quit_action },
  };
  static const struct {
    const char *action;
    const char *accels[3];
  } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "win.new", { "<Control>n", NULL } },
    { "win.open", { "<Control>o", NULL } },
    { "win.save", { "<Control>s", NULL } },
    { "win.save-as", { "<Control><Shift>s", NULL } },
    { "win.undo", { "<Control>z", NULL } },
    { "win.edit-selection", { "F2", NULL } },
    { "win.redo", { "<Control><Shift>z", "<Control>y", NULL } },
    { "win.export", { "<Control>e", NULL } },
    { "win.search", { "<Control>f", NULL } },
    { "win.toggle-sidebar", { "F9", NULL } },
    { "win.close", { "<Control>w", NULL } },
    { "win.show-help-overlay", { "<Control>question", NULL } },
    { "win.zoom-in", { "<Control>plus", "<Control>equal", NULL } },
    { "win.zoom-out", { "<Control>minus", NULL } },
    { "win.zoom-fit", { "<Control>0", NULL } },
  };

  G_APPLICATION_CLASS (dramatis_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), actions, G_N_ELEMENTS (actions), app);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app), accels[i].action, accels[i].accels);
}

static void
dramatis_application_class_init (DramatisApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->activate = dramatis_application_activate;
  app_class->open = dramatis_application_open;
  app_class->startup = dramatis_application_startup;
}

static void
dramatis_application_init (DramatisApplication *self)
{
}

DramatisApplication *
dramatis_application_new (void)
{
  return g_object_new (DRAMATIS_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", RESOURCE_PREFIX,
                       NULL);
}
