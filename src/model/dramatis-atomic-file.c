/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "dramatis-atomic-file"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dramatis-atomic-file.h"

/* Every file Dramatis writes (stories, exports) is written to a new file
 * beside its destination and renamed over it only once it is complete and on
 * disk, so that a full disk or a crash leaves the old file as it was.  The
 * new file takes the old one's permissions and, where it may, its owner.
 *
 * What is not a regular file (a terminal, a pipe, /dev/null) cannot be
 * replaced that way, and must not be: it is written to in place.
 *
 * GLib's g_file_replace_contents() is not used for local files: when a write
 * fails half-way, it can still rename the truncated temporary file over the
 * user's file.
 */

struct _DramatisAtomicFile
{
  char     *target;
  char     *tmp_path;   /* NULL when writing in place */
  char     *name;       /* for messages: the path as the user gave it */
  int       fd;
  int       saved_errno;
};

/* Longer names leave no room for the temporary file's suffix. */
#define MAX_BASENAME_IN_TMP_NAME 200

static gboolean
set_errno_error (GError     **error,
                 int          saved_errno,
                 const char  *name)
{
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               "%s: %s", name, g_strerror (saved_errno));
  return FALSE;
}

/* Where @path leads: what its symbolic links point at, even when the last
 * of them points at a file that does not exist yet.
 */
static char *
resolve_target (const char *path)
{
  g_autofree char *current = g_strdup (path);

  for (guint hops = 0; hops < 40; hops++)
    {
      g_autofree char *link = NULL;
      g_autofree char *dir = NULL;
      char *resolved = realpath (current, NULL);

      if (resolved != NULL)
        return resolved;

      link = g_file_read_link (current, NULL);
      if (link == NULL)
        break;

      dir = g_path_get_dirname (current);
      g_free (current);
      current = g_path_is_absolute (link) ? g_steal_pointer (&link) : g_build_filename (dir, link, NULL);
    }

  return g_steal_pointer (&current);
}

/**
 * dramatis_atomic_file_new:
 * @path: the file to replace or create
 * @error: return location for a #GError
 *
 * Opens a temporary file beside @path, with the permissions @path has (or
 * the default ones for a new file).  Write to it, then commit it to replace
 * @path; freeing it without committing removes it.  If @path exists and is
 * not a regular file (a device or a pipe), it is opened and written to
 * instead.
 *
 * Returns: (transfer full): the file, or %NULL on error
 */
DramatisAtomicFile *
dramatis_atomic_file_new (const char  *path,
                          GError     **error)
{
  g_autoptr(DramatisAtomicFile) self = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp_name = NULL;
  struct stat st;
  gboolean exists;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_new0 (DramatisAtomicFile, 1);
  self->fd = -1;
  self->name = g_strdup (path);

  exists = stat (path, &st) == 0;
  if (exists && !S_ISREG (st.st_mode))
    {
      if (S_ISDIR (st.st_mode))
        {
          set_errno_error (error, EISDIR, path);
          return NULL;
        }

      /* Opened by the name given: /dev/stdout leads to a pipe by no path. */
      self->target = g_strdup (path);
      self->fd = g_open (path, O_WRONLY | O_CLOEXEC | O_NOCTTY, 0);
      if (self->fd < 0)
        {
          set_errno_error (error, errno, path);
          return NULL;
        }

      return g_steal_pointer (&self);
    }

  /* Replace what a symbolic link points at, not the link. */
  self->target = resolve_target (path);
  dir = g_path_get_dirname (self->target);
  base = g_path_get_basename (self->target);
  if (strlen (base) <= MAX_BASENAME_IN_TMP_NAME)
    tmp_name = g_strdup_printf (".%s.XXXXXX", base);
  else
    tmp_name = g_strdup (".dramatis.XXXXXX");
  self->tmp_path = g_build_filename (dir, tmp_name, NULL);

  self->fd = g_mkstemp_full (self->tmp_path, O_WRONLY | O_CLOEXEC, 0666);
  if (self->fd < 0)
    {
      int saved_errno = errno;

      g_clear_pointer (&self->tmp_path, g_free);

      /* Writing needs a new file in the folder, not just the old one. */
      if (exists && (saved_errno == EACCES || saved_errno == EPERM || saved_errno == EROFS))
        {
          g_autofree char *dir_name = g_filename_display_name (dir);

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       /* Translators: the first %s is a file, the second a folder, the third why */
                       _("%s: cannot write in the folder “%s”: %s"),
                       path, dir_name, g_strerror (saved_errno));
          return NULL;
        }

      set_errno_error (error, saved_errno, path);
      return NULL;
    }

  if (exists)
    {
      /* As root, keep the file its owner's; others can at most keep the
       * group, and failing that the new file is simply theirs.
       */
      if (fchown (self->fd, st.st_uid, st.st_gid) != 0 &&
          fchown (self->fd, -1, st.st_gid) != 0)
        g_debug ("%s: keeping neither owner nor group: %s", path, g_strerror (errno));
      fchmod (self->fd, st.st_mode & 07777);
    }
  else
    {
      mode_t mask = umask (0);

      umask (mask);
      fchmod (self->fd, 0666 & ~mask);
    }

  return g_steal_pointer (&self);
}

/**
 * dramatis_atomic_file_write:
 * @self: an atomic file
 * @data: what to append
 * @length: its length in bytes
 * @error: return location for a #GError
 *
 * Returns: %TRUE if all of @data was written
 */
gboolean
dramatis_atomic_file_write (DramatisAtomicFile  *self,
                            const void          *data,
                            gsize                length,
                            GError             **error)
{
  const char *p = data;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (self->fd >= 0, FALSE);

  if (self->saved_errno != 0)
    return set_errno_error (error, self->saved_errno, self->name);

  while (length > 0)
    {
      gssize written = write (self->fd, p, length);

      if (written < 0 && errno == EINTR)
        continue;
      if (written <= 0)
        {
          self->saved_errno = written < 0 ? errno : EIO;
          return set_errno_error (error, self->saved_errno, self->name);
        }
      p += written;
      length -= written;
    }

  return TRUE;
}

/**
 * dramatis_atomic_file_commit:
 * @self: an atomic file
 * @error: return location for a #GError
 *
 * Flushes the file to disk and renames it over its destination.  After a
 * failure the destination is as it was.
 *
 * Returns: %TRUE if the destination now holds what was written
 */
gboolean
dramatis_atomic_file_commit (DramatisAtomicFile  *self,
                             GError             **error)
{
  int fd;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (self->fd >= 0, FALSE);

  if (self->saved_errno != 0)
    return set_errno_error (error, self->saved_errno, self->name);

  fd = self->fd;
  self->fd = -1;

  if (self->tmp_path == NULL)
    {
      /* Devices and pipes: nothing to rename, and most cannot be synced. */
      if (close (fd) != 0)
        return set_errno_error (error, errno, self->name);
      return TRUE;
    }

  if (fsync (fd) != 0)
    {
      int saved_errno = errno;

      close (fd);
      return set_errno_error (error, saved_errno, self->name);
    }

  if (close (fd) != 0 || rename (self->tmp_path, self->target) != 0)
    return set_errno_error (error, errno, self->name);

  g_clear_pointer (&self->tmp_path, g_free);
  return TRUE;
}

void
dramatis_atomic_file_free (DramatisAtomicFile *self)
{
  if (self->fd >= 0)
    close (self->fd);
  if (self->tmp_path != NULL)
    g_unlink (self->tmp_path);

  g_free (self->tmp_path);
  g_free (self->target);
  g_free (self->name);
  g_free (self);
}

/**
 * dramatis_replace_file:
 * @file: the file to replace or create
 * @bytes: its new contents
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Replaces @file with @bytes atomically.  Error messages name the file.
 *
 * Returns: %TRUE on success
 */
gboolean
dramatis_replace_file (GFile         *file,
                       GBytes        *bytes,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);

  name = g_file_get_parse_name (file);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  path = g_file_get_path (file);
  if (path != NULL)
    {
      g_autoptr(DramatisAtomicFile) atomic = dramatis_atomic_file_new (path, error);
      gsize length;
      const void *data = g_bytes_get_data (bytes, &length);

      return atomic != NULL &&
             dramatis_atomic_file_write (atomic, data, length, error) &&
             dramatis_atomic_file_commit (atomic, error);
    }

  /* Files without a local path (remote locations) go through GIO. */
  if (!g_file_replace_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                NULL, FALSE, G_FILE_CREATE_NONE, NULL, cancellable, error))
    {
      g_prefix_error (error, "%s: ", name);
      return FALSE;
    }

  return TRUE;
}
