/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Write a headless script (src/ui/script.h) of random keys for the key
 * storm (tests/ui/storm.sh):
 *
 *   storm-keys SEED RUN NKEYS DUMP
 *
 * The same SEED and RUN give the same script on every machine (its own
 * generator, not the C library's). It visits every screen (digits, Tab,
 * BTab) and types printable and non-ASCII characters, named keys, Ctrl
 * letters, F-keys, escape sequences as a terminal sends them when they
 * arrive split (Esc, then "[11~"), and resizes down to 20x5 and back. The
 * quit keys (q, Q, C-c, C-z, C-q) are typed only at the end, after the
 * screen is dumped to DUMP. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t state;

/* splitmix64 */
static uint64_t
next(void)
{
	uint64_t z = (state += 0x9E3779B97F4A7C15ull);

	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
	return z ^ (z >> 31);
}

static unsigned
below(unsigned n)
{
	return (unsigned)(next() % n);
}

#define N(a) (sizeof a / sizeof a[0])

static const char *const named[] = {
	"Enter", "Esc", "Tab", "BTab", "Space", "Up", "Down", "Left", "Right", "Home", "End",
	"PgUp", "PgDn", "Backspace", "Del", "Ins", "F1", "F2", "F3", "F4", "F5", "F6", "F7",
	"F8", "F9", "F10", "F11", "F12",
};
/* typed often: the keys the screens act on */
static const char *const actions[] = {
	"Enter", "Esc", "Down", "Up", "Tab", "BTab", "PgDn", "PgUp", "Home", "End",
	"Left", "Right", "Backspace",
};
static const char letters[] = "abcdefghijklmnoprstuvwxyzABCDEFGHIJKLMNOPRSTUVWXYZ"; /* no q, Q */
static const char others[] = " /+-*.,:;'\"!?#&()[]{}=_@%$^~`|\\0123456789";
static const char *const utf8[] = {
	"é", "è", "à", "ç", "ô", "É", "œ", "€", "ß", "ﬁ", "\xcc\x81" /* a combining accent */,
	"漢", "字", "💡", "🚲", "\xe2\x80\x8b" /* zero width space */,
	"\xe2\x80\xae" /* right-to-left override */, "\xc2\xa0" /* no-break space */,
};
/* what a terminal sends for keys when the escape arrives on its own */
static const char *const sequences[] = {
	"[A", "[B", "[C", "[D", "[H", "[F", "OP", "OR", "OS", /* not "OQ": Q quits */ "[11~", "[15~", "[17~",
	"[24~", "[2~", "[3~", "[5~", "[6~", "[Z", "[1;5A", "[200~", "[M", "[<0;10;5M",
};
static const char ctrl[] = "abdefghjklnoprstuvwxy"; /* not C-c, C-i, C-m, C-q, C-z */

static long col;

static void
put_char(FILE *f, char c)
{
	if (col == 0 && (c == ':' || c == '#'))
		c = 'x'; /* a script command or a comment */
	if (c == '<')
		fputs("<lt>", f);
	else
		fputc(c, f);
}

int
main(int argc, char **argv)
{
	unsigned long long seed, run;
	long nkeys;
	FILE *f = stdout;

	if (argc != 5) {
		fprintf(stderr, "usage: storm-keys SEED RUN NKEYS DUMP\n");
		return 2;
	}
	seed = strtoull(argv[1], NULL, 10);
	run = strtoull(argv[2], NULL, 10);
	nkeys = strtol(argv[3], NULL, 10);
	state = seed * 1000003ull + run;
	fprintf(f, "# storm seed %llu run %llu\n", seed, run);
	/* every screen first, in order, then at random */
	for (int s = 1; s <= 9; s++)
		fprintf(f, "%d<Down><Enter><Esc>", s);
	fputc('\n', f);
	for (long i = 0; i < nkeys; i++) {
		unsigned x = below(1000);
		if (x < 300) {
			put_char(f, letters[below(sizeof letters - 1)]);
		} else if (x < 360) {
			put_char(f, others[below(sizeof others - 1)]);
		} else if (x < 400) {
			fputs(utf8[below(N(utf8))], f);
		} else if (x < 620) {
			fprintf(f, "<%s>", actions[below(N(actions))]);
		} else if (x < 740) {
			fprintf(f, "<%s>", named[below(N(named))]);
		} else if (x < 820) {
			fprintf(f, "<C-%c>", ctrl[below(sizeof ctrl - 1)]);
		} else if (x < 900) {
			fprintf(f, "%u", 1 + below(9)); /* a screen, or a digit in a field */
		} else if (x < 930) {
			fputs(below(2) ? "<Tab>" : "<BTab>", f);
		} else if (x < 960) {
			fputs("<Esc>", f);
			for (const char *p = sequences[below(N(sequences))]; *p; p++)
				put_char(f, *p);
		} else if (x < 985) {
			/* small sizes often, down to 20x5 */
			int small = below(3) != 0;
			int cols = small ? 20 + (int)below(41) : 20 + (int)below(181);
			int rows = small ? 5 + (int)below(16) : 5 + (int)below(56);
			fprintf(f, "\n<Resize %dx%d>\n", cols, rows);
			col = 0;
			continue;
		} else {
			fputs("\n<Resize 80x24>\n", f);
			col = 0;
			continue;
		}
		if (++col >= 24) {
			fputc('\n', f);
			col = 0;
		}
	}
	fprintf(f, "\n<Resize 80x24>\n:dump %s\n", argv[4]);
	/* leave from any dialog, then quit */
	fputs("<Esc><Esc><Esc><Esc><Esc>Q\n", f);
	return ferror(f) || fflush(f) != 0 ? 1 : 0;
}
