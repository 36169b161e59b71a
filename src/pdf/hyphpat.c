/* hyphpat.c: loading a libhyphen pattern file, expanded the way libhyphen's
 * substrings.pl would.  Used at run time for a pattern file named on the
 * command line and at build time by scripts/hyph-image.c, which turns the
 * Debian Bokmål patterns into a ready-made libhyphen state machine compiled
 * into the binary.  Knows nothing of words or layout (hyph.c). */
#include "hyphpat.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "base/xalloc.h"

/* ---- libhyphen's substring expansion, done at load time ----
 *
 * libhyphen's matcher only finds a pattern embedded in another pattern when
 * the pattern file has been through its substrings.pl, which adds, for each
 * pattern, every prefix ending where an embedded pattern ends, carrying the
 * combined (maximum) values.  Debian's hyph_nb_NO.dic has not been through
 * it: "forskningsstøtteenhetene" gets one break instead of six, which looks
 * like "weak patterns around æøå" but is not.  We do the expansion here, in
 * memory, once per process; a file that is already expanded gains nothing
 * and loses nothing. */

typedef struct pat {
	const unsigned char *l; /* letters (into the file text, not terminated) */
	unsigned char n;
	unsigned char *v;       /* n + 1 values (NULL for generated-only keys) */
} pat;

typedef struct ptab {
	pat *v;
	size_t n, cap;  /* entries, slots (power of two) */
	uint32_t *slot; /* index + 1; 0 empty */
	uint32_t *hash; /* the slot's key hash: most lookups miss, and a
			 * miss should not touch the patterns (cache) */
} ptab;

static uint32_t phash(const unsigned char *l, size_t n)
{
	uint32_t h = 2166136261u;
	for (size_t i = 0; i < n; i++)
		h = (h ^ l[i]) * 16777619u;
	return h;
}

/* The index of letters l[0..n) (hash h), or -1; with add, inserts it
 * (values NULL). */
static long pfind(ptab *t, const unsigned char *l, size_t n, uint32_t h, int add)
{
	size_t mask = t->cap - 1;
	for (size_t i = h & mask;; i = (i + 1) & mask) {
		uint32_t s = t->slot[i];
		if (!s) {
			if (!add)
				return -1;
			t->v[t->n] = (pat){l, (unsigned char)n, NULL};
			t->slot[i] = (uint32_t)++t->n;
			t->hash[i] = h;
			return (long)t->n - 1;
		}
		if (t->hash[i] != h)
			continue;
		const pat *p = &t->v[s - 1];
		if (p->n == n && memcmp(p->l, l, n) == 0)
			return (long)s - 1;
	}
}

enum { PMAX = 16 }; /* Bokmål's longest pattern has 10 letters; longer: no expansion */

/* The expanded file: the header lines text[0..hdr_end), then every
 * generated pattern, a line each; *outlen gets its length.  NULL when
 * memory runs out. */
static char *write_expanded(const char *text, size_t hdr_end, const ptab *gen, size_t *outlen)
{
	size_t olen = hdr_end;
	for (size_t g = 0; g < gen->n; g++)
		olen += 2 * (size_t)gen->v[g].n + 2;
	char *out = xmalloc(olen + 1);
	if (!out)
		return NULL;
	memcpy(out, text, hdr_end);
	size_t o = hdr_end;
	if (o && out[o - 1] != '\n')
		out[o++] = '\n';
	for (size_t g = 0; g < gen->n; g++) {
		const pat *G = &gen->v[g];
		for (size_t q = 0; q <= G->n; q++) {
			if (G->v[q])
				out[o++] = (char)('0' + G->v[q]);
			if (q < G->n)
				out[o++] = (char)G->l[q];
		}
		out[o++] = '\n';
	}
	*outlen = o;
	return out;
}

/* The expanded pattern file for text[0..len), or NULL when it cannot be
 * expanded (non-standard patterns, a second level, memory): the caller then
 * loads the file as it is.  *outlen gets the length; caller frees. */
static char *expand_patterns(const char *text, size_t len, size_t *outlen)
{
	size_t lines = 1;
	for (size_t i = 0; i < len; i++)
		lines += text[i] == '\n';
	ptab orig = {0}, gen = {0};
	char *out = NULL;
	unsigned char *vals = NULL;
	size_t cap = 16;
	while (cap < lines * 2)
		cap *= 2;
	orig.cap = cap;
	orig.v = xcalloc(lines, sizeof *orig.v);
	orig.slot = xcalloc(cap, sizeof *orig.slot);
	orig.hash = xmalloc(cap * sizeof *orig.hash);
	vals = xmalloc(lines * (PMAX + 1));
	if (!orig.v || !orig.slot || !orig.hash || !vals)
		goto fail;
	size_t hdr_end = 0; /* the charset line and keyword lines are kept */
	const char *p = text, *end = text + len;
	int first = 1;
	while (p < end) {
		const char *e = memchr(p, '\n', (size_t)(end - p));
		if (!e)
			e = end;
		size_t n = (size_t)(e - p);
		while (n && (p[n - 1] == '\r' || p[n - 1] == ' ' || p[n - 1] == '\t'))
			n--;
		if (first || n == 0 || p[0] == '%' || (p[0] >= 'A' && p[0] <= 'Z')) {
			if (!first && n >= 9 && memcmp(p, "NEXTLEVEL", 9) == 0)
				goto fail;
			if (first || (p[0] >= 'A' && p[0] <= 'Z'))
				hdr_end = (size_t)(e - text) + (e < end);
			first = 0;
			p = e + 1;
			continue;
		}
		if (memchr(p, '/', n))
			goto fail; /* non-standard hyphenation: leave the file alone */
		unsigned char *v = vals + orig.n * (PMAX + 1);
		size_t k = 0;
		memset(v, 0, PMAX + 1);
		for (size_t i = 0; i < n; i++) {
			unsigned char c = (unsigned char)p[i];
			if (c >= '0' && c <= '9') {
				v[k] = (unsigned char)(c - '0');
			} else if (++k > PMAX) {
				goto fail;
			}
		}
		/* a digit-free copy of the letters */
		unsigned char *lc = xmalloc(k ? k : 1);
		if (!lc)
			goto fail;
		size_t o = 0;
		for (size_t i = 0; i < n; i++)
			if (!(p[i] >= '0' && p[i] <= '9'))
				lc[o++] = (unsigned char)p[i];
		uint32_t hh = phash(lc, k);
		long idx = pfind(&orig, lc, k, hh, 0);
		if (idx >= 0) { /* a duplicate: the larger value wins, as in TeX's table */
			for (size_t q = 0; q <= k; q++)
				if (v[q] > orig.v[idx].v[q])
					orig.v[idx].v[q] = v[q];
			xfree(lc);
		} else {
			idx = pfind(&orig, lc, k, hh, 1);
			orig.v[idx].v = v;
		}
		p = e + 1;
	}
	/* the generated table: prefixes of patterns */
	gen.cap = cap * 2;
	gen.v = xcalloc(orig.n * 2 + 1024, sizeof *gen.v);
	gen.slot = xcalloc(gen.cap, sizeof *gen.slot);
	gen.hash = xmalloc(gen.cap * sizeof *gen.hash);
	unsigned char *gvals = NULL;
	size_t gmax = orig.n * 2 + 1024; /* Bokmål: 1.35 times the patterns */
	if (!gen.v || !gen.slot || !gen.hash)
		goto fail;
	gvals = xcalloc(gmax, PMAX + 1);
	if (!gvals)
		goto fail;
	for (size_t a = 0; a < orig.n; a++) {
		const pat *P = &orig.v[a];
		/* read once: the inserts below write through other heap pointers */
		const size_t pn = P->n;
		uint32_t pre[PMAX + 1]; /* hashes of the prefixes, for the new keys */
		pre[0] = 2166136261u;
		for (size_t q = 0; q < pn; q++)
			pre[q + 1] = (pre[q] ^ P->l[q]) * 16777619u;
		for (size_t i = 0; i < pn; i++) {
			uint32_t hs = 2166136261u;
			for (size_t j = 1; j <= pn - i; j++) {
				hs = (hs ^ P->l[i + j - 1]) * 16777619u;
				long s = pfind(&orig, P->l + i, j, hs, 0);
				if (s < 0)
					continue;
				if (gen.n >= gmax || gen.n * 2 >= gen.cap) {
					xfree(gvals);
					goto fail;
				}
				long g = pfind(&gen, P->l, i + j, pre[i + j], 1);
				if (!gen.v[g].v)
					gen.v[g].v = gvals + (size_t)g * (PMAX + 1);
				const unsigned char *sv = orig.v[s].v;
				for (size_t q = 0; q <= j; q++)
					if (sv[q] > gen.v[g].v[i + q])
						gen.v[g].v[i + q] = sv[q];
			}
		}
	}
	out = write_expanded(text, hdr_end, &gen, outlen);
	xfree(gvals);
	if (!out)
		goto fail;
	goto done;
fail:
	xfree(out);
	out = NULL;
done:
	for (size_t a = 0; a < orig.n; a++)
		xfree((void *)orig.v[a].l);
	xfree(orig.v);
	xfree(orig.slot);
	xfree(orig.hash);
	xfree(vals);
	xfree(gen.v);
	xfree(gen.slot);
	xfree(gen.hash);
	return out;
}

HyphenDict *hyphpat_load(const char *path)
{
	FILE *fp = fopen(path, "rb");
	if (!fp)
		return NULL;
	char *text = NULL, *exp = NULL;
	HyphenDict *dict = NULL;
	long n = -1;
	if (fseek(fp, 0, SEEK_END) == 0 && (n = ftell(fp)) > 0 && fseek(fp, 0, SEEK_SET) == 0 &&
	    (text = xmalloc((size_t)n)) && fread(text, 1, (size_t)n, fp) == (size_t)n) {
		size_t elen = 0;
		exp = expand_patterns(text, (size_t)n, &elen);
		FILE *mf = exp ? fmemopen(exp, elen, "r") : NULL;
		if (mf) {
			dict = hnj_hyphen_load_file(mf);
			fclose(mf);
		}
	}
	fclose(fp);
	xfree(text);
	xfree(exp);
	return dict ? dict : hnj_hyphen_load(path);
}


/* ---- the compiled-in dictionary ---- */

/* The states array of n entries.  Mapped with MAP_POPULATE: 1.4 MB filled
 * by page faults one 4 KB page at a time cost ~5 ms on a paravirtual
 * machine, one populated mapping a fraction of that. */
static size_t states_size(int n)
{
	return (size_t)(n > 0 ? n : 1) * sizeof(HyphenState);
}

void hyphpat_image_free(HyphenDict *d)
{
	while (d) {
		HyphenDict *next = d->nextlevel;
		if (d->states)
			munmap(d->states, states_size(d->num_states));
		xfree(d);
		d = next;
	}
}

HyphenDict *hyphpat_image(void)
{
	HyphenDict *top = NULL, **link = &top;
	for (int k = 0; k < hyph_image_nlevels; k++) {
		const hyphpat_level *L = &hyph_image_levels[k];
		HyphenDict *d = xcalloc(1, sizeof *d);
		if (!d)
			goto fail;
		*link = d;
		link = &d->nextlevel;
		void *m = mmap(NULL, states_size(L->num_states), PROT_READ | PROT_WRITE,
			       MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE, -1, 0);
		if (m == MAP_FAILED)
			goto fail;
		d->states = m;
		d->lhmin = L->lhmin, d->rhmin = L->rhmin;
		d->clhmin = L->clhmin, d->crhmin = L->crhmin;
		/* libhyphen only reads these: the casts drop a const it never needed */
		d->nohyphen = L->nohyphen < 0 ? NULL : (char *)(L->pool + L->nohyphen);
		d->nohyphenl = L->nohyphenl;
		d->num_states = L->num_states;
		d->utf8 = L->utf8;
		memcpy(d->cset, L->cset, sizeof d->cset);
		for (int i = 0; i < L->num_states; i++) {
			const hyphpat_state *q = &L->states[i];
			d->states[i] = (HyphenState){
				.match = q->match < 0 ? NULL : (char *)(L->pool + q->match),
				.repl = q->repl < 0 ? NULL : (char *)(L->pool + q->repl),
				.replindex = q->replindex,
				.replcut = q->replcut,
				.fallback_state = q->fallback_state,
				.num_trans = q->num_trans,
				.trans = q->num_trans ? (HyphenTrans *)(L->trans + q->trans) : NULL,
			};
		}
	}
	return top;
fail:
	hyphpat_image_free(top);
	return NULL;
}
