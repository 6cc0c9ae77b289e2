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
 * arrive split (Esc, then "[11~"), resizes down to 20x5 and back, and a
 * few whole moves per screen (check in, pair, plan, add, sync). The
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
/* A few keys that do something whole on a screen (check in, pair, plan a
 * series, add a venue, take someone off, sync, keep a conflict's value),
 * so that the storm reaches what random keys alone rarely complete. */
static const char *const moves[] = {
	"1ia<Enter>", "1ie<Enter><Enter>", "1iL<Enter>1", "1iZo<Enter><Esc>", "1io<Enter>2",
	"1<Down>p<Enter>", "1<Down>p<Esc>", "1<End>o", "1u", "1uu", "1H", "1c", "1<Enter>",
	"1aZoé<F2>", "1aAnn<Tab><Right><Tab><Tab>2008<F2>", "1a漢字<Tab><Tab><Tab>1990-01-01<F2>",
	"2a<Tab><Tab><Tab><Tab><F4>a<Enter><F2>", "2a<C-u>+1<Tab><Tab><Tab><Tab><F4>e<Enter><Tab><Tab>3<F2>",
	"2Jxy<Enter>", "2JxyRain<Enter>", "2Jm<F2>", "2Jm<C-u>+2<F2>", "2Jv", "2JH", "2Jr", "2u",
	"2t<Enter>", "2]]<Enter>", "2[<Enter>", "2/a<Enter>n",
	"3aVélo<F2>", "3a🚲<Tab>1 rue<Tab>Tours<Tab>12<F2>", "3<Down>e<C-u>X<F2>", "3<Down>dy", "3u",
	"3<Down>c<F2>", "3<Down>c<Tab>+7<F2>", "3<Down>C", "3<Down>Cy", "3/a<Enter>",
	"4aLéa<F2>", "4<Down><Enter>", "4<Down>e<F2>", "4<Down>e<C-u><F2>", "4<Down>dy", "4u", "4uu",
	"4/a<Enter>", "4s", "4S",
	"5p<Enter>1", "5<Down>p<Enter><Enter>", "5s<Enter><Enter><Enter>", "5<Down>s<Enter><Enter><Enter>",
	"5Py", "5vP<Enter>y", "5v<Enter>", "5vv<Down><Enter>", "5dy", "5<Down>dn",
	"6s", "6<Enter>", "6<Down><Enter>c", "6<Down><Enter>o", "6c", "6o", "6<End>o",
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
		if (x < 80) {
			fputs(moves[below(N(moves))], f);
		} else if (x < 300) {
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
