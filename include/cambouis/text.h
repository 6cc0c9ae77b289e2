/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef CAMBOUIS_TEXT_H
#define CAMBOUIS_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/*
 * UTF-8 helpers shared by the core, the command line and the screens.
 * They do not depend on the locale, so widths are the same everywhere.
 */

/* Is s[0..len) well-formed UTF-8 (no overlongs, no surrogates)? */
bool cb_utf8_valid(const char *s, size_t len);

/* Decode one code point at s (n bytes available); returns bytes used
 * (>= 1), with *cp = U+FFFD for an invalid sequence. */
size_t cb_utf8_decode(const char *s, size_t n, uint32_t *cp);

/* Columns a code point takes on a terminal: 0 (combining), 1 or 2 (wide). */
int cb_codepoint_width(uint32_t cp);

/* Columns the string takes. */
int cb_utf8_width(const char *s);

/* Bytes of s that fit in cols columns, never cutting a character;
 * *used (may be NULL) gets the columns used. */
size_t cb_utf8_fit(const char *s, int cols, int *used);

/* Does s hold a control character (C0, DEL, C1)? Tabs and newlines count
 * unless allow_newlines, which allows '\n' and '\t'. */
bool cb_text_has_control(const char *s, bool allow_newlines);

/* A copy of s without leading and trailing ASCII blanks (malloc'ed). */
char *cb_text_trim(const char *s);

/* Copy src (NULL is "") into the fixed buffer dst of size bytes, cut to
 * fit and always NUL-terminated. */
void cb_text_copy(char *dst, size_t size, const char *src);

/* strdup that treats NULL as "" */
char *cb_strdup0(const char *s);

/* ASCII case-insensitive equality of two UTF-8 strings. */
bool cb_text_equal_nocase(const char *a, const char *b);

/* Order two UTF-8 strings for lists, the same in every locale: letters
 * compare without regard to case or (Latin) accents, so "école" sorts
 * among the e's and "Zèbre" after "abri". Returns <0, 0 or >0; 0 also for
 * strings that differ only in case or accents (callers break ties). */
int cb_text_collate(const char *a, const char *b);

#endif
