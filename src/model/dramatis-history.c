/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "dramatis-history"

#include "config.h"

#include "dramatis-history.h"

/* Undo and redo: the steps done so far and the steps undone, without
 * limit.  A step is a named group of commands that were applied together
 * and are taken back together, last first.  The history also remembers
 * which step was current when the story was last saved, so that undoing
 * back to it makes the story unmodified again.
 *
 * The history does not know what a command changes: each command is a
 * function that applies it or takes it back, with its data.
 */

typedef struct
{
  DramatisCommandFunc apply;
  gpointer            data;
  GDestroyNotify      free_data;
} Command;

typedef struct
{
  char   *name;
  GArray *commands; /* Command */
} Step;

struct _DramatisHistory
{
  GObject    parent_instance;

  GPtrArray *done;   /* Step, oldest first */
  GPtrArray *undone; /* Step, the next to redo last */
  /* The step being grouped, and how deeply begin_step() was called. */
  Step      *open;
  guint      open_depth;
  /* How many steps were done when the story was saved, or G_MAXUINT when
   * that state can no longer be reached.
   */
  guint      saved;
};

G_DEFINE_FINAL_TYPE (DramatisHistory, dramatis_history, G_TYPE_OBJECT)

enum
{
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
clear_command (gpointer data)
{
  Command *command = data;

  if (command->free_data)
    command->free_data (command->data);
}

static Step *
step_new (const char *name)
{
  Step *step = g_new0 (Step, 1);

  step->name = g_strdup (name);
  step->commands = g_array_new (FALSE, FALSE, sizeof (Command));
  g_array_set_clear_func (step->commands, clear_command);

  return step;
}

static void
step_free (gpointer data)
{
  Step *step = data;

  g_free (step->name);
  g_array_unref (step->commands);
  g_free (step);
}

static void
step_apply (Step     *step,
            gboolean  reverse)
{
  guint n = step->commands->len;

  for (guint i = 0; i < n; i++)
    {
      Command *command = &g_array_index (step->commands, Command, reverse ? n - 1 - i : i);

      command->apply (command->data, reverse);
    }
}

static void
dramatis_history_finalize (GObject *object)
{
  DramatisHistory *self = (DramatisHistory *)object;

  g_clear_pointer (&self->open, step_free);
  g_clear_pointer (&self->done, g_ptr_array_unref);
  g_clear_pointer (&self->undone, g_ptr_array_unref);

  G_OBJECT_CLASS (dramatis_history_parent_class)->finalize (object);
}

static void
dramatis_history_class_init (DramatisHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = dramatis_history_finalize;

  /**
   * DramatisHistory::changed:
   *
   * Emitted when what can be undone or redone, or whether the story is
   * modified, may have changed.
   */
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                          NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
dramatis_history_init (DramatisHistory *self)
{
  self->done = g_ptr_array_new_with_free_func (step_free);
  self->undone = g_ptr_array_new_with_free_func (step_free);
  self->saved = 0;
}

/**
 * dramatis_history_new:
 *
 * Returns: (transfer full): an empty history, of a story as saved
 */
DramatisHistory *
dramatis_history_new (void)
{
  return g_object_new (DRAMATIS_TYPE_HISTORY, NULL);
}

static void
finish_step (DramatisHistory *self,
             Step            *step)
{
  if (step->commands->len == 0)
    {
      step_free (step);
      return;
    }

  g_ptr_array_add (self->done, step);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

/**
 * dramatis_history_push:
 * @self: a history
 * @name: what the command does, as in "Move Actor"
 * @apply: the function that takes the command back and does it again
 * @data: (transfer full): the command's data, given to @apply
 * @free_data: (nullable): frees @data when the command is forgotten
 *
 * Records a command that was just applied.  Outside a step begun with
 * dramatis_history_begin_step() it is a step of its own, named @name;
 * inside one it joins that step.  Whatever was undone can no longer be
 * redone.
 */
void
dramatis_history_push (DramatisHistory     *self,
                       const char          *name,
                       DramatisCommandFunc  apply,
                       gpointer             data,
                       GDestroyNotify       free_data)
{
  Command command = { apply, data, free_data };

  g_return_if_fail (DRAMATIS_IS_HISTORY (self));
  g_return_if_fail (name != NULL);
  g_return_if_fail (apply != NULL);

  if (self->undone->len > 0)
    {
      if (self->saved != G_MAXUINT && self->saved > self->done->len)
        self->saved = G_MAXUINT;
      g_ptr_array_set_size (self->undone, 0);
    }

  if (self->open != NULL)
    {
      g_array_append_val (self->open->commands, command);
      return;
    }

  {
    Step *step = step_new (name);

    g_array_append_val (step->commands, command);
    finish_step (self, step);
  }
}

/**
 * dramatis_history_begin_step:
 * @self: a history
 * @name: what the step does, as in "Delete Actor"
 *
 * Groups the commands pushed until the matching
 * dramatis_history_end_step() into one step, undone and redone at once.
 * Steps begun inside a step join it; the outermost name is kept.
 */
void
dramatis_history_begin_step (DramatisHistory *self,
                             const char      *name)
{
  g_return_if_fail (DRAMATIS_IS_HISTORY (self));
  g_return_if_fail (name != NULL);

  if (self->open_depth++ == 0)
    self->open = step_new (name);
}

/**
 * dramatis_history_end_step:
 * @self: a history
 *
 * Ends the step begun by dramatis_history_begin_step().  A step with no
 * commands leaves no trace.
 */
void
dramatis_history_end_step (DramatisHistory *self)
{
  g_return_if_fail (DRAMATIS_IS_HISTORY (self));
  g_return_if_fail (self->open_depth > 0);

  if (--self->open_depth == 0)
    finish_step (self, g_steal_pointer (&self->open));
}

gboolean
dramatis_history_can_undo (DramatisHistory *self)
{
  g_return_val_if_fail (DRAMATIS_IS_HISTORY (self), FALSE);

  return self->open == NULL && self->done->len > 0;
}

gboolean
dramatis_history_can_redo (DramatisHistory *self)
{
  g_return_val_if_fail (DRAMATIS_IS_HISTORY (self), FALSE);

  return self->open == NULL && self->undone->len > 0;
}

/**
 * dramatis_history_get_undo_name:
 * @self: a history
 *
 * Returns: (nullable): the name of the step dramatis_history_undo() takes
 *   back, or %NULL if there is none
 */
const char *
dramatis_history_get_undo_name (DramatisHistory *self)
{
  g_return_val_if_fail (DRAMATIS_IS_HISTORY (self), NULL);

  if (!dramatis_history_can_undo (self))
    return NULL;

  return ((Step *) g_ptr_array_index (self->done, self->done->len - 1))->name;
}

/**
 * dramatis_history_get_redo_name:
 * @self: a history
 *
 * Returns: (nullable): the name of the step dramatis_history_redo() does
 *   again, or %NULL if there is none
 */
const char *
dramatis_history_get_redo_name (DramatisHistory *self)
{
  g_return_val_if_fail (DRAMATIS_IS_HISTORY (self), NULL);

  if (!dramatis_history_can_redo (self))
    return NULL;

  return ((Step *) g_ptr_array_index (self->undone, self->undone->len - 1))->name;
}

/**
 * dramatis_history_undo:
 * @self: a history
 *
 * Takes back the last step done.
 *
 * Returns: %FALSE if there was nothing to undo
 */
gboolean
dramatis_history_undo (DramatisHistory *self)
{
  Step *step;

  g_return_val_if_fail (DRAMATIS_IS_HISTORY (self), FALSE);

  if (!dramatis_history_can_undo (self))
    return FALSE;

  step = g_ptr_array_steal_index (self->done, self->done->len - 1);
  step_apply (step, TRUE);
  g_ptr_array_add (self->undone, step);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);

  return TRUE;
}

/**
 * dramatis_history_redo:
 * @self: a history
 *
 * Does again the last step undone.
 *
 * Returns: %FALSE if there was nothing to redo
 */
gboolean
dramatis_history_redo (DramatisHistory *self)
{
  Step *step;

  g_return_val_if_fail (DRAMATIS_IS_HISTORY (self), FALSE);

  if (!dramatis_history_can_redo (self))
    return FALSE;

  step = g_ptr_array_steal_index (self->undone, self->undone->len - 1);
  step_apply (step, FALSE);
  g_ptr_array_add (self->done, step);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);

  return TRUE;
}

/**
 * dramatis_history_mark_saved:
 * @self: a history
 *
 * Records that the story, as it is now, was saved.
 */
void
dramatis_history_mark_saved (DramatisHistory *self)
{
  g_return_if_fail (DRAMATIS_IS_HISTORY (self));
  g_return_if_fail (self->open == NULL);

  self->saved = self->done->len;
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

/**
 * dramatis_history_is_modified:
 * @self: a history
 *
 * Returns: %TRUE if the story differs from what was last saved: steps were
 *   done or undone since, and not taken back
 */
gboolean
dramatis_history_is_modified (DramatisHistory *self)
{
  g_return_val_if_fail (DRAMATIS_IS_HISTORY (self), FALSE);

  return self->open != NULL || self->saved != self->done->len;
}
