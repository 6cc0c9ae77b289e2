/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "cambouis/text.h"
#include "cli.h"

struct cli_table {
	size_t ncols;
	const char *const *names;
	const char *const *titles;
	char **cells; /* nrows * ncols */
	size_t nrows, cap;
};

struct cli_table *
cli_table_new(size_t ncols, const char *const *names, const char *const *titles)
{
	struct cli_table *t = calloc(1, sizeof *t);

	if (!t)
		return NULL;
	t->ncols = ncols;
	t->names = names;
	t->titles = titles;
	return t;
}

bool
cli_table_add(struct cli_table *t, const char *const *cells)
{
	if (t->nrows == t->cap) {
		size_t cap = t->cap ? t->cap * 2 : 32;
		char **p = realloc(t->cells, cap * t->ncols * sizeof *p);
		if (!p)
			return false;
		t->cells = p;
		t->cap = cap;
	}
	char **row = t->cells + t->nrows * t->ncols;
	for (size_t i = 0; i < t->ncols; i++) {
		row[i] = cb_strdup0(cells[i]);
		if (!row[i]) {
			while (i-- > 0)
				free(row[i]);
			return false;
		}
	}
	t->nrows++;
	return true;
}

void
cli_table_free(struct cli_table *t)
{
	if (!t)
		return;
	for (size_t i = 0; i < t->nrows * t->ncols; i++)
		free(t->cells[i]);
	free(t->cells);
	free(t);
}

/* A plain decimal number ("-3", "+2.5"): a spreadsheet reads it as a
 * number, never as a formula. */
static bool
is_number(const char *s)
{
	if (*s == '-' || *s == '+')
		s++;
	if (!isdigit((unsigned char)*s))
		return false;
	while (isdigit((unsigned char)*s))
		s++;
	if (*s == '.' && isdigit((unsigned char)s[1]))
		for (s++; isdigit((unsigned char)*s); s++)
			;
	return *s == '\0';
}

/* Would a spreadsheet take the cell for a formula (OWASP's CSV injection:
 * a cell starting with =, +, -, @, a tab or a carriage return)? A plain
 * number is left alone, so a negative count stays a number. */
static bool
formula_like(const char *s)
{
	return *s && strchr("=+-@\t\r", *s) && !is_number(s);
}

/* CSV per RFC 4180: quote when needed, double the quotes. A cell that a
 * spreadsheet would run as a formula gets a leading "'", which makes it
 * text (a name like "=HYPERLINK(...)" from another laptop stays a name). */
static void
put_csv(FILE *out, const char *s)
{
	bool defuse = formula_like(s);

	if (!strpbrk(s, ",\"\r\n")) {
		if (defuse)
			fputc('\'', out);
		fputs(s, out);
		return;
	}
	fputc('"', out);
	if (defuse)
		fputc('\'', out);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', out);
		fputc(*s, out);
	}
	fputc('"', out);
}

/* TSV: tabs, newlines and backslashes escaped so one line is one row. */
static void
put_tsv(FILE *out, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '\t': fputs("\\t", out); break;
		case '\n': fputs("\\n", out); break;
		case '\r': fputs("\\r", out); break;
		case '\\': fputs("\\\\", out); break;
		default: fputc(*s, out);
		}
	}
}

/* Text: one line per row, so line breaks become spaces; s is escaped
 * already (print_text). */
static void
put_text(FILE *out, const char *s, int pad)
{
	fputs(s, out);
	while (pad-- > 0)
		fputc(' ', out);
}

/* Every cell goes through cb_text_escape(), in place, before widths are
 * measured: a listing printed on a terminal never carries a control or a
 * bidirectional control, whatever the database holds. A program reading
 * csv or tsv gets them as visible escapes too. */
static bool
escape_cells(const struct cli_table *t, unsigned flags)
{
	for (size_t i = 0; i < t->nrows * t->ncols; i++) {
		char *safe = cb_text_escape(t->cells[i], flags);
		if (!safe)
			return false;
		free(t->cells[i]);
		t->cells[i] = safe;
	}
	return true;
}

static bool
print_delimited(const struct cli_table *t, FILE *out, enum cli_format fmt)
{
	void (*put)(FILE *, const char *) = fmt == CLI_CSV ? put_csv : put_tsv;
	char sep = fmt == CLI_CSV ? ',' : '\t';

	/* csv keeps its line breaks inside quotes; tsv escapes its own */
	if (!escape_cells(t, CB_ESCAPE_KEEP_LINES))
		return false;
	for (size_t c = 0; c < t->ncols; c++) {
		if (c)
			fputc(sep, out);
		put(out, t->names[c]);
	}
	fputc('\n', out);
	for (size_t r = 0; r < t->nrows; r++) {
		for (size_t c = 0; c < t->ncols; c++) {
			if (c)
				fputc(sep, out);
			put(out, t->cells[r * t->ncols + c]);
		}
		fputc('\n', out);
	}
	return true;
}

static bool
print_text(const struct cli_table *t, FILE *out)
{
	int *w;

	if (!escape_cells(t, CB_ESCAPE_BLANK_LINES) || !(w = calloc(t->ncols, sizeof *w)))
		return false;
	for (size_t c = 0; c < t->ncols; c++)
		w[c] = cb_utf8_width(t->titles[c]);
	for (size_t r = 0; r < t->nrows; r++)
		for (size_t c = 0; c < t->ncols; c++) {
			int cw = cb_utf8_width(t->cells[r * t->ncols + c]);
			if (cw > w[c])
				w[c] = cw;
		}
	for (size_t c = 0; c < t->ncols; c++) {
		bool last = c + 1 == t->ncols;
		put_text(out, t->titles[c], last ? 0 : w[c] - cb_utf8_width(t->titles[c]) + 2);
	}
	fputc('\n', out);
	for (size_t r = 0; r < t->nrows; r++) {
		/* drop the trailing blanks of empty last columns */
		size_t used = t->ncols;
		while (used > 1 && !*t->cells[r * t->ncols + used - 1])
			used--;
		for (size_t c = 0; c < used; c++) {
			const char *s = t->cells[r * t->ncols + c];
			bool last = c + 1 == used;
			put_text(out, s, last ? 0 : w[c] - cb_utf8_width(s) + 2);
		}
		fputc('\n', out);
	}
	free(w);
	return true;
}

bool
cli_table_print(const struct cli_table *t, FILE *out, enum cli_format fmt)
{
	if (fmt == CLI_TEXT) {
		if (!print_text(t, out))
			return false;
	} else if (!print_delimited(t, out, fmt)) {
		return false;
	}
	return fflush(out) == 0 && !ferror(out);
}
