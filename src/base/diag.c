/* diag.c: collecting and printing diagnostics (see diag.h). */
#include "diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

void diag_init(diag *d)
{
	memset(d, 0, sizeof *d);
}

void diag_free(diag *d)
{
	for (size_t i = 0; i < d->n; i++) {
		xfree(d->msgs[i].file);
		xfree(d->msgs[i].text);
		xfree(d->msgs[i].where);
	}
	xfree(d->msgs);
	memset(d, 0, sizeof *d);
}

/* The place for d's next message (not yet counted in d->n), or NULL past
 * d's limit or when memory runs out (then d->oom). */
static diag_msg *next_slot(diag *d)
{
	if (d->n >= (d->limit ? d->limit : 1000))
		return NULL;
	if (d->n == d->cap) {
		size_t cap = d->cap ? d->cap * 2 : 16;
		diag_msg *m = xrealloc(d->msgs, cap * sizeof *m);
		if (!m) {
			d->oom = 1;
			return NULL;
		}
		d->msgs = m;
		d->cap = cap;
	}
	return &d->msgs[d->n];
}

static char *vfmt(const char *fmt, va_list ap) __attribute__((format(printf, 1, 0)));
static char *vfmt(const char *fmt, va_list ap)
{
	va_list ap2;
	va_copy(ap2, ap);
	int n = vsnprintf(NULL, 0, fmt, ap2);
	va_end(ap2);
	if (n < 0)
		return NULL;
	char *s = xmalloc((size_t)n + 1);
	if (s)
		vsnprintf(s, (size_t)n + 1, fmt, ap);
	return s;
}

static void vadd(diag *d, diag_level level, const char *file, int line,
		 int col, const char *fmt, va_list ap) __attribute__((format(printf, 6, 0)));
static void vadd(diag *d, diag_level level, const char *file, int line,
		 int col, const char *fmt, va_list ap)
{
	if (level == DIAG_ERROR)
		d->errors++;
	else if (level == DIAG_WARNING)
		d->warnings++;
	diag_msg *m = next_slot(d);
	if (!m)
		return;
	m->level = level;
	m->file = file ? xstrdup(file) : NULL;
	m->line = line;
	m->col = col;
	m->text = vfmt(fmt, ap);
	m->seq = d->n;
	m->where = NULL;
	if ((file && !m->file) || !m->text) {
		xfree(m->file);
		xfree(m->text);
		d->oom = 1;
		return;
	}
	d->n++;
}

void diag_take(diag *d, diag *from)
{
	d->errors += from->errors;
	d->warnings += from->warnings;
	d->oom |= from->oom;
	size_t i = 0;
	for (diag_msg *m; i < from->n && (m = next_slot(d)); i++) {
		*m = from->msgs[i];
		m->seq = d->n++;
	}
	/* what did not fit is freed with from; the moved ones are d's now */
	if (i < from->n)
		memmove(from->msgs, from->msgs + i, (from->n - i) * sizeof *from->msgs);
	from->n -= i;
	diag_free(from);
}

void diag_add(diag *d, diag_level level, const char *file, int line, int col,
	      const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vadd(d, level, file, line, col, fmt, ap);
	va_end(ap);
}

void diag_at(diag *d, diag_level level, srcpos pos, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vadd(d, level, pos.file, pos.line, pos.col, fmt, ap);
	va_end(ap);
}

void diag_place(diag *d, diag_level level, const char *file, const char *where, int row,
		int col, const char *fmt, ...)
{
	size_t before = d->n;
	va_list ap;
	va_start(ap, fmt);
	vadd(d, level, file, row, col, fmt, ap);
	va_end(ap);
	if (d->n > before && where && !(d->msgs[before].where = xstrdup(where)))
		d->oom = 1;
}

static int cmp(const void *pa, const void *pb)
{
	const diag_msg *a = pa, *b = pb;
	/* Messages about no file keep their place at the front. */
	if (!a->file || !b->file) {
		if (a->file != b->file)
			return a->file ? 1 : -1;
	} else {
		int c = strcmp(a->file, b->file);
		if (c)
			return c;
		if (a->line != b->line)
			return a->line < b->line ? -1 : 1;
		if (a->col != b->col)
			return a->col < b->col ? -1 : 1;
	}
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

void diag_print(diag *d, FILE *out)
{
	static const char *const names[] = {"note", "warning", "error"};
	if (d->n)
		qsort(d->msgs, d->n, sizeof *d->msgs, cmp);
	for (size_t i = 0; i < d->n; i++) {
		const diag_msg *m = &d->msgs[i];
		if (m->file && m->where)
			fprintf(out, "%s: %s: ", m->file, m->where);
		else if (m->file && m->line)
			fprintf(out, "%s:%d:%d: ", m->file, m->line, m->col);
		else if (m->file)
			fprintf(out, "%s: ", m->file);
		else
			fputs("statusrapport: ", out);
		fprintf(out, "%s: %s\n", names[m->level], m->text);
	}
	size_t limit = d->limit ? d->limit : 1000;
	if ((size_t)d->errors + (size_t)d->warnings > d->n && d->n >= limit)
		fprintf(out, "statusrapport: note: %d more problems not shown\n",
			d->errors + d->warnings - (int)d->n);
	if (d->oom)
		fputs("statusrapport: error: out of memory while reporting problems\n", out);
	for (size_t i = 0; i < d->n; i++) {
		xfree(d->msgs[i].file);
		xfree(d->msgs[i].text);
		xfree(d->msgs[i].where);
	}
	d->n = 0;
}
