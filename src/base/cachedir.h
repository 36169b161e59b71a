/* cachedir.h: the user's cache folder, where caches that outlive a process
 * keep their files ($XDG_CACHE_HOME/statusrapport, else
 * $HOME/.cache/statusrapport).
 *
 * Everything here is optional by design: no folder, an unwritable one or a
 * damaged file is a miss, never an error and never a message.  What a file
 * means and when it may be trusted is the business of the cache that wrote
 * it (pdffont.c, fonts.c). */
#ifndef CACHEDIR_H
#define CACHEDIR_H

#include <stddef.h>
#include <stdint.h>

/* FNV-1a, 64 bits, for naming cache files: h is CACHEDIR_HASH_SEED or the
 * hash of the bytes before p[0..n). */
#define CACHEDIR_HASH_SEED 0xcbf29ce484222325u
uint64_t cachedir_hash(uint64_t h, const void *p, size_t n);

/* The file name in the cache folder into path[n]; make: create the folders
 * first (0700).  -1 when there is no folder ($XDG_CACHE_HOME and $HOME both
 * unset or relative -- relative ones are ignored, as the XDG specification
 * says) or the path does not fit. */
int cachedir_path(char *path, size_t n, const char *name, int make);

/* The whole file name, NUL-terminated (the caller frees it with xfree;
 * *len its length without the NUL), or NULL when it is missing, not a
 * regular file, empty, larger than max bytes, unreadable, or memory ran
 * out. */
char *cachedir_load(const char *name, size_t max, size_t *len);

/* Keep data[0..n) as the file name: written aside (the name with the pid)
 * and renamed, so a concurrent reader sees the whole file or none.
 * Failures are silent. */
void cachedir_store(const char *name, const void *data, size_t n);

#endif
