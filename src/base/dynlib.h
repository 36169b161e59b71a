/* dynlib.h: a shared library loaded with dlopen the first time it is
 * needed, instead of linked.
 *
 * Linked, every library and what it needs is mapped and relocated before
 * main, on every run: libzip brings libcrypto (~4.8 M instructions of
 * relocations), fontconfig brings freetype, expat and brotli, while a run
 * needs libzip only to make an ODF package and fontconfig only when the
 * font lookup is not in the cache (fonts.c).  ziplib.c and fclib.c define
 * the functions we use of each under their own names and with their
 * headers' prototypes (the compiler checks each one), handing on to the
 * loaded library, so the modules calling them are unchanged but for
 * opening the library first. */
#ifndef DYNLIB_H
#define DYNLIB_H

#include <pthread.h>
#include <stddef.h>

#include "diag.h"
#include "sr.h"

/* One function: its name and where its pointer goes in the library's
 * table of pointers. */
typedef struct dynlib_sym {
	const char *name;
	size_t offset;
} dynlib_sym;

typedef struct dynlib {
	const char *soname;     /* "libzip.so.4" */
	const char *needed_for; /* for the message: "ODF packages" */
	const dynlib_sym *syms;
	size_t nsyms;
	void *table;            /* the struct of function pointers */
	/* the loader's */
	pthread_mutex_t mu;
	int tried;
	char failure[512];      /* empty when loaded */
} dynlib;

#define DYNLIB_INIT(soname, needed_for, syms, table)                                  \
	{(soname), (needed_for), (syms), sizeof(syms) / sizeof *(syms), (table),     \
	 PTHREAD_MUTEX_INITIALIZER, 0, {0}}

/* The parts a library's file makes from its list of functions, an X-macro
 * LIST(R, V) of R(ret, name, (params), (args)) for a function returning a
 * value and V(name, (params), (args)) for one returning nothing:
 *   static struct functions { LIST(DYNLIB_POINTER_R, DYNLIB_POINTER_V) } fn;
 *   static const dynlib_sym syms[] = {LIST(DYNLIB_SLOT_R, DYNLIB_SLOT_V)};
 *   LIST(DYNLIB_DEFINE_R, DYNLIB_DEFINE_V)
 * (the names fn and struct functions are fixed). */
/* NOLINTBEGIN(bugprone-macro-parentheses): declarators, not expressions */
#define DYNLIB_POINTER_R(ret, name, params, args) ret(*name) params;
#define DYNLIB_POINTER_V(name, params, args) void(*name) params;
/* NOLINTEND(bugprone-macro-parentheses) */
#define DYNLIB_SLOT_R(ret, name, params, args) {#name, offsetof(struct functions, name)},
#define DYNLIB_SLOT_V(name, params, args) {#name, offsetof(struct functions, name)},
#define DYNLIB_DEFINE_R(ret, name, params, args) \
	ret name params                          \
	{                                        \
		return fn.name args;             \
	}
#define DYNLIB_DEFINE_V(name, params, args) \
	void name params                    \
	{                                   \
		fn.name args;               \
	}

/* Load l once per process (thread-safe; the handle stays open until the
 * process ends).  SR_OK, or SR_SYSTEM with a message in d when the library
 * or one of its functions cannot be loaded; every later call answers the
 * same.  None of its functions may be called before this returned SR_OK. */
sr_status dynlib_open(dynlib *l, diag *d);

#endif
