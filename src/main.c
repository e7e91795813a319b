/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "dramatis-application.h"
#include "dramatis-cli.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(DramatisApplication) app = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Exports and checks run without a display, so GTK is not even set up. */
  if (dramatis_cli_wants_terminal (argc, argv))
    return dramatis_cli_run (argc, argv);

  app = dramatis_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
