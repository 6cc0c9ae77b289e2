/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "cambouis/i18n.h"
#include "cambouis/status.h"

static const char *const messages[] = {
#define CB_STATUS_MSG(name, msg) msg,
	CB_STATUS_INFO(CB_STATUS_MSG)
#undef CB_STATUS_MSG
};

static const char *const names[] = {
#define CB_STATUS_NAME(name, msg) #name,
	CB_STATUS_INFO(CB_STATUS_NAME)
#undef CB_STATUS_NAME
};

const char *
cb_status_message(cb_status st)
{
	if ((unsigned)st >= CB_STATUS_COUNT)
		return _("unknown error");
	return _(messages[st]);
}

const char *
cb_status_name(cb_status st)
{
	if ((unsigned)st >= CB_STATUS_COUNT)
		return "UNKNOWN";
	return names[st];
}
