/* hyph.c: Norwegian hyphenation -- libhyphen patterns plus a compound-joint
 * ranking.  Owns the loaded pattern dictionary; knows nothing of fonts or
 * layout.  All offsets handed out are UTF-8 byte offsets into the caller's
 * word; libhyphen itself sees a lower-cased ISO-8859-1 copy. */
#include "hyph.h"

#include <hyphen.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

#define HYPH_DEFAULT "/usr/share/hyphen/hyph_nb_NO.dic"

struct hyph {
	HyphenDict *dict;
};

/* Right-hand compound components frequent in Norwegian health and research
 * administration.  A break just before one of them (with at least three
 * letters on the left) is taken as a compound joint.  The Bokmål patterns
 * are weak around æøå and know nothing of word structure; this short list is
 * an honest heuristic, not a lexicon: a joint it misses is still reachable
 * through the ordinary pattern breaks. */
static const char *const joints[] = {
	"helse", "tjenest", "støtte", "enhet", "tiltak", "plattform", "register",
	"registr", "infrastruktur", "medvirkning", "relasjon", "forskning",
	"kompetanse", "samarbeid", "utvikling", "arbeid", "område", "leder",
	"ledelse", "system", "prosjekt", "pasient", "sykehus", "kvalitet",
	"profesjon", "oppdrag", "heving", "bruker", "strategi", "nettverk",
	"avdeling", "klinikk", "rapport", "finansiering", "innovasjon",
	"utdanning", "forvaltning", "senter", "miljø", "gruppe", "plan",
	"foretak", "styring", "ressurs", "tilgang", "kunnskap", "behandling",
	"personell", "region", "direktorat", "departement", "oppfølging",
};


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
		uint32_t pre[PMAX + 1]; /* hashes of the prefixes, for the new keys */
		pre[0] = 2166136261u;
		for (size_t q = 0; q < P->n; q++)
			pre[q + 1] = (pre[q] ^ P->l[q]) * 16777619u;
		for (size_t i = 0; i < P->n; i++) {
			uint32_t hs = 2166136261u;
			for (size_t j = 1; j <= P->n - i; j++) {
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
	/* write: the header lines, then every generated pattern */
	size_t olen = hdr_end;
	for (size_t g = 0; g < gen.n; g++)
		olen += 2 * (size_t)gen.v[g].n + 2;
	out = xmalloc(olen + 1);
	if (!out) {
		xfree(gvals);
		goto fail;
	}
	memcpy(out, text, hdr_end);
	size_t o = hdr_end;
	if (o && out[o - 1] != '\n')
		out[o++] = '\n';
	for (size_t g = 0; g < gen.n; g++) {
		const pat *G = &gen.v[g];
		for (size_t q = 0; q <= G->n; q++) {
			if (G->v[q])
				out[o++] = (char)('0' + G->v[q]);
			if (q < G->n)
				out[o++] = (char)G->l[q];
		}
		out[o++] = '\n';
	}
	*outlen = o;
	xfree(gvals);
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

/* Load path, expanded when possible. */
static HyphenDict *load_dict(const char *path)
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

sr_status hyph_open(hyph **out, const char *path, diag *d)
{
	*out = NULL;
	if (!path)
		path = HYPH_DEFAULT;
	hyph *h = xcalloc(1, sizeof *h);
	if (!h) {
		diag_add(d, DIAG_ERROR, NULL, 0, 0, "out of memory loading hyphenation patterns");
		return SR_SYSTEM;
	}
	h->dict = load_dict(path);
	if (!h->dict) {
		diag_add(d, DIAG_ERROR, path, 0, 0,
			 "cannot load hyphenation patterns (install hyphen-no)");
		xfree(h);
		return SR_SYSTEM;
	}
	*out = h;
	return SR_OK;
}

void hyph_close(hyph *h)
{
	if (!h)
		return;
	hnj_hyphen_free(h->dict);
	xfree(h);
}

/* Decode one UTF-8 character at s[0..n); *adv gets its byte length (1 for a
 * malformed byte, which then decodes as U+FFFD). */
static unsigned long utf8_get(const unsigned char *s, size_t n, int *adv)
{
	unsigned long c = s[0];
	int k = c < 0x80 ? 0 : c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : -1;
	if (k < 0 || (size_t)k >= n) {
		*adv = 1;
		return k == 0 ? c : 0xFFFD;
	}
	c &= k == 0 ? 0x7F : (0x3F >> k);
	for (int i = 1; i <= k; i++) {
		if ((s[i] & 0xC0) != 0x80) {
			*adv = 1;
			return 0xFFFD;
		}
		c = (c << 6) | (s[i] & 0x3F);
	}
	*adv = k + 1;
	return c;
}

static int is_letter(unsigned long c)
{
	if (c < 0x80)
		return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
	if (c == 0xD7 || c == 0xF7)
		return 0;
	return (c >= 0xC0 && c <= 0x24F) || (c >= 0x370 && c < 0x2000);
}

static int is_upper(unsigned long c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7);
}

static int is_vowel(unsigned char c)
{
	return strchr("aeiouyæøå", c) != NULL || c >= 0x80;
}

enum { WMAX = 96 };

int hyph_points(const hyph *h, const char *w, size_t len, hyph_point *out, int max)
{
	const unsigned char *s = (const unsigned char *)w;
	/* Letters of the word: their UTF-8 offsets and a lower-cased Latin-1 copy. */
	unsigned off[WMAX + 1];
	char lat[WMAX + 1];
	char low[4 * WMAX + 1]; /* lower-cased UTF-8 for the joint list */
	unsigned lowoff[WMAX + 1];
	int n = 0, latin1 = 1, uppers = 0;
	size_t i = 0, lowlen = 0, core_end = 0;
	int started = 0;

	if (max > HYPH_MAX_POINTS)
		max = HYPH_MAX_POINTS;
	/* Skip leading punctuation; stop at trailing punctuation.  A non-letter
	 * inside the word ("e-helse", "COVID-19") leaves it to the line breaker. */
	while (i < len) {
		int adv;
		unsigned long c = utf8_get(s + i, len - i, &adv);
		if (!is_letter(c)) {
			if (started) {
				core_end = i;
				/* only punctuation may follow */
				for (size_t j = i; j < len;) {
					int a2;
					if (is_letter(utf8_get(s + j, len - j, &a2)))
						return 0;
					j += (size_t)a2;
				}
				break;
			}
			i += (size_t)adv;
			continue;
		}
		started = 1;
		if (n >= WMAX)
			return 0;
		off[n] = (unsigned)i;
		lowoff[n] = (unsigned)lowlen;
		if (is_upper(c)) {
			uppers++;
			c += 0x20;
		}
		if (c > 0xFF)
			latin1 = 0;
		lat[n] = (char)(c <= 0xFF ? c : 'x');
		/* lower-case UTF-8 copy */
		if (c < 0x80) {
			low[lowlen++] = (char)c;
		} else if (c <= 0xFF) {
			low[lowlen++] = (char)(0xC0 | (c >> 6));
			low[lowlen++] = (char)(0x80 | (c & 0x3F));
		} else {
			memcpy(low + lowlen, s + i, (size_t)adv);
			lowlen += (size_t)adv;
		}
		n++;
		i += (size_t)adv;
		core_end = i;
	}
	off[n] = (unsigned)core_end;
	lowoff[n] = (unsigned)lowlen;
	low[lowlen] = 0;
	if (n < 4 || uppers > 1) /* short words and acronyms stay whole */
		return 0;

	/* rank per letter boundary k (break before letter k): -1 none */
	signed char rank[WMAX + 1]; /* -2 none */
	memset(rank, -2, sizeof rank);

	if (h && latin1) {
		char hy[WMAX + 5];
		char **rep = NULL;
		int *pos = NULL, *cut = NULL;
		lat[n] = 0;
		if (hnj_hyphen_hyphenate3(h->dict, lat, n, hy, NULL, &rep, &pos, &cut, 2, 2,
					  2, 2) == 0) {
			for (int k = 0; k + 1 < n; k++)
				if ((hy[k] & 1) && !(rep && rep[k]))
					rank[k + 1] = 0;
		}
		if (rep) {
			for (int k = 0; k < n; k++)
				free(rep[k]);
			free(rep);
		}
		free(pos);
		free(cut);
	}
	/* Compound joints: before a known component, or after a linking "ngs"
	 * before a consonant ("forsknings|støtte", "utviklings|arbeid"). */
	for (int k = 3; k + 3 <= n; k++) {
		const char *rest = low + lowoff[k];
		for (size_t j = 0; j < sizeof joints / sizeof *joints; j++) {
			size_t jl = strlen(joints[j]);
			if (strncmp(rest, joints[j], jl) == 0) {
				rank[k] = 1;
				break;
			}
		}
		if (k >= 5 && lat[k - 1] == 's' && lat[k - 2] == 'g' && lat[k - 3] == 'n' &&
		    !is_vowel((unsigned char)lat[k]))
			rank[k] = 1;
	}
	/* A break just before a joint ("spesia|list=helse") leaves a fragment
	 * that reads as a word of its own ("listhelsetjenesten"): discourage
	 * it; the line breaker takes it only when nothing else fits. */
	int next_joint = n;
	for (int k = n; k >= 0; k--) {
		if (rank[k] == 1)
			next_joint = k;
		else if (rank[k] == 0 && next_joint < n && next_joint - k < 5)
			rank[k] = -1;
	}
	int cnt = 0;
	for (int k = 2; k + 2 <= n && cnt < max; k++)
		if (rank[k] > -2)
			out[cnt++] = (hyph_point){off[k], rank[k]};
	return cnt;
}

char *hyph_mark(const hyph *h, const char *w, size_t len, char *out)
{
	hyph_point p[HYPH_MAX_POINTS];
	int n = hyph_points(h, w, len, p, HYPH_MAX_POINTS);
	size_t o = 0;
	int j = 0;
	for (size_t i = 0; i < len; i++) {
		while (j < n && p[j].off == i) {
			out[o++] = p[j].rank > 0 ? '=' : p[j].rank < 0 ? '~' : '-';
			j++;
		}
		out[o++] = w[i];
	}
	out[o] = 0;
	return out;
}
