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

#include "hyphpat.h"
#include "base/xalloc.h"

#define HYPH_DEFAULT "/usr/share/hyphen/hyph_nb_NO.dic"

struct hyph {
	HyphenDict *dict;
	int from_file; /* dict came from hyphpat_load (else hyphpat_image) */
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


sr_status hyph_open(hyph **out, const char *path, diag *d)
{
	*out = NULL;
	hyph *h = xcalloc(1, sizeof *h);
	if (!h)
		goto oom;
	/* The built-in state machine opens in ~2 ms; loading and expanding
	 * the file costs ~57 ms per process. */
	if (!path && hyph_image_nlevels > 0) {
		if (!(h->dict = hyphpat_image()))
			goto oom;
	} else {
		if (!path)
			path = HYPH_DEFAULT;
		h->from_file = 1;
		if (!(h->dict = hyphpat_load(path))) {
			diag_add(d, DIAG_ERROR, path, 0, 0,
				 "cannot load hyphenation patterns (install hyphen-no)");
			xfree(h);
			return SR_SYSTEM;
		}
	}
	*out = h;
	return SR_OK;
oom:
	diag_add(d, DIAG_ERROR, NULL, 0, 0, "out of memory loading hyphenation patterns");
	xfree(h);
	return SR_SYSTEM;
}

void hyph_close(hyph *h)
{
	if (!h)
		return;
	if (h->from_file)
		hnj_hyphen_free(h->dict);
	else
		hyphpat_image_free(h->dict);
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

/* The fewest letters on either side of a break: a piece of two ("næ-
 * ringslivet", "studi-er") reads as a word of its own, or as a typo. */
enum { PIECE = 3 };

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
	if (n < 2 * PIECE || uppers > 1) /* short words and acronyms stay whole */
		return 0;

	/* rank per letter boundary k (break before letter k): -1 none */
	signed char rank[WMAX + 1]; /* -2 none */
	memset(rank, -2, sizeof rank);

	if (h && latin1) {
		char hy[WMAX + 5];
		char **rep = NULL;
		int *pos = NULL, *cut = NULL;
		lat[n] = 0;
		if (hnj_hyphen_hyphenate3(h->dict, lat, n, hy, NULL, &rep, &pos, &cut, PIECE,
					  PIECE, PIECE, PIECE) == 0) {
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
		/* Most letters start no component: comparing the first byte
		 * before strncmp took this loop from 7 % of a large report's
		 * time to nothing. */
		for (size_t j = 0; j < sizeof joints / sizeof *joints; j++) {
			if (rest[0] != joints[j][0])
				continue;
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
	for (int k = PIECE; k + PIECE <= n && cnt < max; k++)
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
