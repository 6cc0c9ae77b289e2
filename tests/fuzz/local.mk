# SPDX-License-Identifier: GPL-3.0-or-later
# The bundle reader's fuzz target. make check replays the corpus through
# a normal build; 'make fuzz' builds it with clang's libFuzzer (and ASan,
# UBSan) and fuzzes for FUZZ_TIME seconds, growing tests/fuzz/corpus.
check_PROGRAMS += tests/fuzz/fuzz-replay
TESTS += tests/fuzz/fuzz-replay
tests_fuzz_fuzz_replay_CPPFLAGS = $(AM_CPPFLAGS)
tests_fuzz_fuzz_replay_SOURCES = tests/fuzz/replay.c tests/fuzz/fuzz-bundle.c
tests_fuzz_fuzz_replay_LDADD = $(CORE_LIBS)
EXTRA_DIST += tests/fuzz/corpus

FUZZ_CC = clang
FUZZ_TIME = 60
FUZZ_FLAGS = -g -O1 -fsanitize=fuzzer,address,undefined -fno-omit-frame-pointer
tests/fuzz/fuzz-bundle-libfuzzer: $(srcdir)/tests/fuzz/fuzz-bundle.c $(src_core_libcambouis_core_a_SOURCES)
	$(AM_V_CCLD)$(FUZZ_CC) $(FUZZ_FLAGS) -I$(top_builddir) $(AM_CPPFLAGS) \
	  $(SQLITE_CFLAGS) $(LIBCONFIG_CFLAGS) -o $@ $(srcdir)/tests/fuzz/fuzz-bundle.c \
	  `for f in $(src_core_libcambouis_core_a_SOURCES); do \
	     case $$f in *.c) echo $(srcdir)/$$f ;; esac; done` \
	  $(SQLITE_LIBS) $(LIBCONFIG_LIBS) $(LIBINTL)
fuzz: tests/fuzz/fuzz-bundle-libfuzzer
	$(MKDIR_P) tests/fuzz/new-corpus
	tests/fuzz/fuzz-bundle-libfuzzer -max_total_time=$(FUZZ_TIME) -max_len=65536 \
	  tests/fuzz/new-corpus $(srcdir)/tests/fuzz/corpus
CLEANFILES += tests/fuzz/fuzz-bundle-libfuzzer
.PHONY: fuzz
