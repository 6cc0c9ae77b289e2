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

/*
 * Untrusted text on a terminal (names, labels and notes from the database
 * or another laptop's bundle, file names from a shared folder): one set
 * of code points is never sent raw, because a terminal would act on it
 * rather than show it: the C0 controls, DEL, the C1 controls, and the
 * bidirectional and line-breaking format characters (U+061C, U+200E,
 * U+200F, U+2028, U+2029, U+202A to U+202E, U+2066 to U+2069), which
 * can make text read in another order than it is stored.
 */
bool cb_codepoint_unsafe(uint32_t cp);

/* What a screen shows for cp: cp itself, or for an unsafe one a
 * replacement one column wide (a C0 control's picture, U+2400 + cp;
 * U+2421 for DEL; U+FFFD for the others). cb_codepoint_width() counts
 * an unsafe code point as that one column. */
uint32_t cb_codepoint_visible(uint32_t cp);

/* Text output: a copy of s (NULL is "") where every unsafe code point is
 * written as an escape: \t \n \r \e and \xHH for the C0 controls and
 * DEL, \uHHHH for the others; a byte that is not UTF-8 as \xHH.
 * Everything else, backslashes included, is copied as it is. Malloc'ed;
 * NULL when out of memory. flags: */
#define CB_ESCAPE_KEEP_LINES 1u /* '\n' and '\t' stay as they are */
#define CB_ESCAPE_BLANK_LINES 2u /* '\n', '\t' and '\r' become a space */
char *cb_text_escape(const char *s, unsigned flags);

/* A copy of s without leading and trailing ASCII blanks (malloc'ed). */
char *cb_text_trim(const char *s);

/* Copy src (NULL is "") into the fixed buffer dst of size bytes, cut to
 * fit and always NUL-terminated. */
void cb_text_copy(char *dst, size_t size, const char *src);

/* strdup that treats NULL as "" */
char *cb_strdup0(const char *s);

/* ASCII case-insensitive equality of two UTF-8 strings. */
bool cb_text_equal_nocase(const char *a, const char *b);

/* The key under which two names are the same name (malloc'ed; NULL when
 * out of memory): blanks trimmed and each run of white space made one
 * space, format characters dropped (zero-width space and joiners, the
 * byte-order mark, bidi embeddings, overrides and isolates: Unicode's Cf),
 * then Unicode full case folding in normalisation form C, so that "Zoé",
 * "ZOÉ", a decomposed "Zoé" and "Zo\u200Bé" share one key. Accents stay:
 * "Zoe" is another name. Made with GNU libunistring. */
char *cb_text_name_key(const char *s);
/* The same for n bytes of s (no NUL needed); *keylen gets the key's length. */
char *cb_text_name_key_n(const char *s, size_t n, size_t *keylen);

/* The SQLite collation that compares names by cb_text_name_key, which
 * every connection of src/core/db.c has: "name = ?1 COLLATE cambouis_name". */
#define CB_NAME_COLLATION "cambouis_name"

/* Order two UTF-8 strings for lists, the same in every locale: letters
 * compare without regard to case or (Latin) accents, so "école" sorts
 * among the e's and "Zèbre" after "abri". Returns <0, 0 or >0; 0 also for
 * strings that differ only in case or accents (callers break ties). */
int cb_text_collate(const char *a, const char *b);

#endif
