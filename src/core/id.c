/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#ifdef HAVE_GETRANDOM
#include <sys/random.h>
#endif

#include "cambouis/id.h"

cb_status
cb_random_bytes(void *buf, size_t len)
{
	unsigned char *p = buf;

#ifdef HAVE_GETRANDOM
	while (len > 0) {
		ssize_t n = getrandom(p, len, 0);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		p += n;
		len -= (size_t)n;
	}
	if (len == 0)
		return CB_OK;
#endif
	int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return CB_IO;
	while (len > 0) {
		ssize_t n = read(fd, p, len);
		if (n <= 0) {
			if (n < 0 && errno == EINTR)
				continue;
			close(fd);
			return CB_IO;
		}
		p += n;
		len -= (size_t)n;
	}
	close(fd);
	return CB_OK;
}

cb_status
cb_id_new(struct cb_id *id, int64_t ms)
{
	uint64_t t = ms > 0 ? (uint64_t)ms : 0;
	cb_status st = cb_random_bytes(id->b + 6, CB_ID_LEN - 6);

	if (st != CB_OK)
		return st;
	for (int i = 5; i >= 0; i--) {
		id->b[i] = (unsigned char)(t & 0xff);
		t >>= 8;
	}
	id->b[6] = (unsigned char)((id->b[6] & 0x0f) | 0x70); /* version 7 */
	id->b[8] = (unsigned char)((id->b[8] & 0x3f) | 0x80); /* RFC 4122 variant */
	return CB_OK;
}

int64_t
cb_id_time(const struct cb_id *id)
{
	int64_t t = 0;

	for (int i = 0; i < 6; i++)
		t = (t << 8) | id->b[i];
	return t;
}

void
cb_id_to_hex(const struct cb_id *id, char *out)
{
	static const char digits[] = "0123456789abcdef";

	for (int i = 0; i < CB_ID_LEN; i++) {
		out[2 * i] = digits[id->b[i] >> 4];
		out[2 * i + 1] = digits[id->b[i] & 0xf];
	}
	out[CB_ID_HEX_LEN] = '\0';
}

static int
hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

cb_status
cb_id_from_hex(const char *hex, struct cb_id *id)
{
	if (!hex || strlen(hex) != CB_ID_HEX_LEN)
		return CB_INVALID;
	for (int i = 0; i < CB_ID_LEN; i++) {
		int hi = hexval(hex[2 * i]), lo = hexval(hex[2 * i + 1]);
		if (hi < 0 || lo < 0)
			return CB_INVALID;
		id->b[i] = (unsigned char)(hi << 4 | lo);
	}
	return CB_OK;
}

int
cb_id_cmp(const struct cb_id *a, const struct cb_id *b)
{
	int c = memcmp(a->b, b->b, CB_ID_LEN);
	return (c > 0) - (c < 0);
}

bool
cb_id_is_zero(const struct cb_id *id)
{
	for (int i = 0; i < CB_ID_LEN; i++)
		if (id->b[i])
			return false;
	return true;
}
