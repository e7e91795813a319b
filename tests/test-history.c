/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <locale.h>

#include "dramatis-history.h"

/* The history on its own: steps, groups, undo and redo without limit, and
 * the saved state.
 */

static void
count_apply (gpointer data,
             gboolean reverse)
{
  int *value = data;

  *value += reverse ? -1 : 1;
}

static void
test_history (void)
{
  g_autoptr(DramatisHistory) history = dramatis_history_new ();
  int value = 0;

  g_assert_false (dramatis_history_is_modified (history));
  g_assert_false (dramatis_history_can_undo (history));
  g_assert_null (dramatis_history_get_undo_name (history));

  value++;
  dramatis_history_push (history, "One", count_apply, &value, NULL);
  dramatis_history_begin_step (history, "Two");
  value++;
  dramatis_history_push (history, "ignored", count_apply, &value, NULL);
  dramatis_history_begin_step (history, "nested");
  value++;
  dramatis_history_push (history, "ignored", count_apply, &value, NULL);
  dramatis_history_end_step (history);
  g_assert_false (dramatis_history_can_undo (history));
  dramatis_history_end_step (history);
  /* An empty step leaves no trace. */
  dramatis_history_begin_step (history, "Empty");
  dramatis_history_end_step (history);

  g_assert_cmpstr (dramatis_history_get_undo_name (history), ==, "Two");
  g_assert_true (dramatis_history_is_modified (history));
  g_assert_true (dramatis_history_undo (history));
  g_assert_cmpint (value, ==, 1);
  g_assert_cmpstr (dramatis_history_get_undo_name (history), ==, "One");
  g_assert_cmpstr (dramatis_history_get_redo_name (history), ==, "Two");
  g_assert_true (dramatis_history_undo (history));
  g_assert_cmpint (value, ==, 0);
  g_assert_false (dramatis_history_undo (history));
  g_assert_false (dramatis_history_is_modified (history));
  g_assert_true (dramatis_history_redo (history));
  g_assert_true (dramatis_history_redo (history));
  g_assert_false (dramatis_history_redo (history));
  g_assert_cmpint (value, ==, 3);

  /* Undo is unlimited. */
  for (guint i = 0; i < 10000; i++)
    {
      value++;
      dramatis_history_push (history, "Many", count_apply, &value, NULL);
    }
  while (dramatis_history_undo (history))
    ;
  g_assert_cmpint (value, ==, 0);
}

static void
test_history_saved (void)
{
  g_autoptr(DramatisHistory) history = dramatis_history_new ();
  int value = 0;

  dramatis_history_push (history, "A", count_apply, &value, NULL);
  dramatis_history_mark_saved (history);
  g_assert_false (dramatis_history_is_modified (history));
  dramatis_history_push (history, "B", count_apply, &value, NULL);
  g_assert_true (dramatis_history_is_modified (history));
  dramatis_history_undo (history);
  g_assert_false (dramatis_history_is_modified (history));
  dramatis_history_undo (history);
  g_assert_true (dramatis_history_is_modified (history));
  dramatis_history_redo (history);
  g_assert_false (dramatis_history_is_modified (history));

  /* A new edit after undoing past the saved state makes it unreachable. */
  dramatis_history_undo (history);
  dramatis_history_push (history, "C", count_apply, &value, NULL);
  g_assert_false (dramatis_history_can_redo (history));
  g_assert_true (dramatis_history_is_modified (history));
  dramatis_history_undo (history);
  g_assert_true (dramatis_history_is_modified (history));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/history/undo-redo", test_history);
  g_test_add_func ("/model/history/saved", test_history_saved);

  return g_test_run ();
}
