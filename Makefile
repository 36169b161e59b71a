# statusrapport -- see README.md.  `make run` and `make check` are the two
# commands a newcomer needs; both install missing Debian packages first.

PREFIX   ?= /usr/local
CC       ?= cc
BUILD    ?= build
CFLAGS   ?= -O2 -g
SANFLAGS ?=
STD      := -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE
WARN     := -Wall -Wextra -Werror -Wshadow -Wpointer-arith -Wformat=2 -Wvla
PKGS     := libxml-2.0 libzip fontconfig zlib
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null)
# libharu and libhyphen ship no pkg-config file in Debian 12.
LIBS      = $(PKG_LIBS) -lhpdf -lhyphen -lpthread -lm
ALL_CFLAGS = $(STD) $(WARN) $(CFLAGS) $(SANFLAGS) -Isrc -I$(BUILD)/gen $(PKG_CFLAGS)

SRC      := $(wildcard src/*/*.c)
HDR      := $(wildcard src/*.h src/*/*.h)
LIB_SRC  := $(filter-out src/app/cli.c,$(SRC))
OBJ      := $(LIB_SRC:src/%.c=$(BUILD)/obj/%.o) $(BUILD)/obj/embedded.o $(BUILD)/obj/hyph_image.o
EMBED    := $(wildcard schema/*.rng) $(wildcard templates/*.xml)
UNIT_SRC := $(wildcard tests/unit/test_*.c)
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
BIN      := $(BUILD)/statusrapport

SAMPLE_PLAN   := samples/handlingsplan-forskning-2023-2026.xml
SAMPLE_STATUS := $(wildcard samples/status-*.xml)

# The README's pictures of the sample's pages (scripts/pages; not part of
# `make check`): `make pages` writes docs/pages/after-*.png from this build,
# `make pages PAGES=before` the set a redesign is compared with.
PAGES ?= after

.PHONY: all run check deps test-deps bench alloc pages fuzz fuzz-run fuzz-one test tests trees asan lint lint-tidy format install clean mutate
.DELETE_ON_ERROR:

all: $(BIN)

$(BUILD)/obj/%.o: src/%.c $(HDR) | $(BUILD)/obj
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/gen/embedded.c: $(EMBED) scripts/embed | $(BUILD)/gen
	scripts/embed embedded $(EMBED) > $@

$(BUILD)/obj/embedded.o: $(BUILD)/gen/embedded.c | $(BUILD)/obj
	$(CC) $(STD) $(CFLAGS) $(SANFLAGS) -c -o $@ $<

# The Bokmål hyphenation patterns, loaded by libhyphen at build time and
# compiled in as its ready state machine, pointer-free read-only data
# (scripts/hyph-image.c): opening hyphenation then costs ~2 ms instead of
# ~57 ms per process.
HYPH_DIC ?= /usr/share/hyphen/hyph_nb_NO.dic

$(BUILD)/gen/hyph-image: scripts/hyph-image.c src/pdf/hyphpat.c src/base/xalloc.c src/pdf/hyphpat.h | $(BUILD)/gen
	$(CC) $(STD) $(WARN) -O2 -Isrc -o $@ scripts/hyph-image.c src/pdf/hyphpat.c src/base/xalloc.c -lhyphen

$(BUILD)/gen/hyph_image.c: $(BUILD)/gen/hyph-image $(wildcard $(HYPH_DIC)) | $(BUILD)/gen
	$(BUILD)/gen/hyph-image $(HYPH_DIC) > $@

$(BUILD)/obj/hyph_image.o: $(BUILD)/gen/hyph_image.c | $(BUILD)/obj
	$(CC) $(STD) -O1 $(SANFLAGS) -Isrc -c -o $@ $<

$(BUILD)/libstatusrapport.a: $(OBJ)
	rm -f $@
	ar rcs $@ $^

# A build with -DSR_ALLOC_TESTING (make alloc) links the tests' side of
# xalloc.c's failure hook (tests/alloc/, xalloc_hook.h); no other build
# contains it.
ALLOC_HOOKS = $(if $(findstring -DSR_ALLOC_TESTING,$(CFLAGS)),$(BUILD)/obj/tests/alloc/inject.o)

$(BUILD)/obj/tests/%.o: tests/%.c $(HDR) | $(BUILD)/obj
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BIN): $(BUILD)/obj/app/cli.o $(ALLOC_HOOKS) $(BUILD)/libstatusrapport.a
	$(CC) $(CFLAGS) $(SANFLAGS) -o $@ $^ $(LIBS)

$(BUILD)/tests/%: tests/unit/%.c $(BUILD)/libstatusrapport.a $(ALLOC_HOOKS) $(wildcard tests/unit/*.h) | $(BUILD)/tests
	$(CC) $(ALL_CFLAGS) -Wno-unused-parameter -o $@ $< $(BUILD)/libstatusrapport.a $(ALLOC_HOOKS) \
		$(shell pkg-config --cflags --libs cmocka 2>/dev/null) $(LIBS)

# The unit tests read their case files (tests/unit/*.txt) from here when
# SR_TOP does not say where the repository is (private: not for the
# library objects they depend on).
$(UNIT_BIN): private ALL_CFLAGS += -DSR_TOP_DIR='"$(CURDIR)"'

# The fuzz harnesses, compiled with the warnings; linking them needs
# libFuzzer (make fuzz).
FUZZ_SRC := $(wildcard tests/fuzz/*.c)
FUZZ_OBJ := $(FUZZ_SRC:tests/fuzz/%.c=$(BUILD)/obj/fuzz/%.o)
$(BUILD)/obj/fuzz/%.o: tests/fuzz/%.c tests/fuzz/fuzz_common.h $(HDR) | $(BUILD)/obj
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/obj $(BUILD)/gen $(BUILD)/tests:
	mkdir -p $@

tests: $(BIN) $(UNIT_BIN) $(FUZZ_OBJ)

# The golden document trees (tests/trees/, compared by tests/e2e/trees.sh)
# written anew by this build, after a deliberate change: read
# `git diff tests/trees` before committing them.
trees: $(BIN)
	@d=$$(mktemp -d) && cd "$$d" && SR=$(abspath $(BIN)) SR_TOP=$(CURDIR) SR_RESULTS=/dev/null \
		SR_UPDATE_TREES=1 bash $(CURDIR)/tests/e2e/trees.sh; rc=$$?; rm -rf "$$d"; exit $$rc

# The quick start.  Packages first (a separate make, so pkg-config answers).
deps:
	@scripts/install-deps build

test-deps:
	@scripts/install-deps test

run: deps
	@$(MAKE) --no-print-directory all
	@mkdir -p out
	$(BIN) validate $(SAMPLE_PLAN) $(SAMPLE_STATUS)
	$(BIN) render -O out $(SAMPLE_PLAN) $(SAMPLE_STATUS)
	@# the summary page (counts and their stacked bars) as a picture, to look at:
	@# the first page after the contents that has the counts' title twice
	@if command -v pdftoppm >/dev/null; then \
		p=$$(for i in 1 2 3 4 5 6 7 8; do \
			n=$$(pdftotext -f $$i -l $$i out/hmn-forskning-2023-2026-2024.pdf - 2>/dev/null | \
				grep -c '^Status for tiltakene 2024'); \
			if [ "$$n" -ge 2 ]; then echo $$i; break; fi; done); \
		pdftoppm -f $${p:-2} -l $${p:-2} -r 80 -png -singlefile out/hmn-forskning-2023-2026-2024.pdf \
			out/hmn-forskning-2023-2026-2024-sammendrag; fi
	@ls -l out

# First the static checks, each failing on any finding: make lint, and a
# clang build of everything (sources, unit tests, fuzz harness) with the same
# -Wall -Wextra -Werror as the gcc builds.  Then the tests.
check: test-deps
	@$(MAKE) --no-print-directory lint
	@$(MAKE) --no-print-directory CC=clang BUILD=build/clang tests
	@$(MAKE) --no-print-directory tests
	@$(MAKE) --no-print-directory asan
	@$(MAKE) --no-print-directory alloc
	@$(MAKE) --no-print-directory fuzz-run SECONDS=$(CHECK_FUZZ_SECONDS) FUZZ_FLAGS=-seed=1
	@tests/run build build/asan

# Deliberate breaks the suite must catch (tests/mutations/, one file each;
# not part of `make check`): each is applied to a scratch copy in
# build/mutate/, only its tests run, and they must fail.  The three builds
# are made here first so the copy recompiles only the changed file.
# MUTATIONS="name ..." runs some of them.
MUTATIONS ?=
mutate: test-deps
	@$(MAKE) --no-print-directory tests
	@$(MAKE) --no-print-directory asan
	@$(MAKE) --no-print-directory alloc
	tests/mutate.py $(MUTATIONS)

pages: $(BIN)
	@scripts/install-deps test
	scripts/pages $(PAGES) $(BIN)

# The benchmark (issue 8; not part of `make check`): figures as a Markdown
# table, also written to $(BUILD)/bench/RESULTS.md (copy it to bench/ to
# commit it).  BENCH_ARGS=--quick skips the 50,000-measure step.
BENCH_ARGS ?=
$(BUILD)/bench/floor: bench/floor.c | $(BUILD)/obj
	@mkdir -p $(BUILD)/bench
	$(CC) $(STD) $(WARN) $(CFLAGS) -o $@ $< -lhpdf -lm

bench:
	@scripts/install-deps bench
	@$(MAKE) --no-print-directory all $(BUILD)/bench/floor
	bench/run.py $(BUILD) --out $(BUILD)/bench/RESULTS.md $(BENCH_ARGS)

# A build whose N-th heap allocation fails (SR_FAIL_ALLOC=N), or each in
# turn (SR_FAIL_ALLOC_SWEEP=1; tests/alloc/inject.c), for the
# allocation-failure tests; with ASan so a mishandled failure shows.
alloc:
	@$(MAKE) --no-print-directory BUILD=build/alloc CFLAGS="-O1 -g -DSR_ALLOC_TESTING" \
		SANFLAGS="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" all

# Fuzzing with libFuzzer (clang, from Debian): one harness per input kind
# (tests/fuzz/fuzz_KIND.c), each with its own corpus seeded from the
# samples, the bad-input corpus and tests/fuzz/corpus/KIND/.  `make
# fuzz-KIND SECONDS=N` runs one kind for N seconds (longer on demand, say
# 3600); `make fuzz-run SECONDS=N` runs every kind for N/5 seconds each.
# Findings are written to build/fuzz/findings/KIND/ to become tests.
FUZZERS := plan status template form csv
.PHONY: $(FUZZERS:%=fuzz-%)
SECONDS ?= 60
# make check fuzzes for this long in all, from a fixed seed so that a finding
# can be run again: any crash, leak, sanitizer report or unit slower than
# FUZZ_TIMEOUT seconds fails it
CHECK_FUZZ_SECONDS ?= 60
FUZZ_TIMEOUT ?= 60
FUZZ_FLAGS ?=
FUZZ_CFLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE $(WARN) -O1 -g \
	-fsanitize=fuzzer-no-link,address,undefined -Isrc -Ibuild/fuzz/gen $(PKG_CFLAGS)
FUZZ_SEEDS_plan     = samples/*.xml samples/nasjonal/*.xml tests/bad/*.xml tests/fuzz/corpus/plan/*
FUZZ_SEEDS_status   = samples/status-*.xml samples/nasjonal/status-*.xml tests/bad/status-*.xml \
	tests/fuzz/corpus/status/*
FUZZ_SEEDS_template = templates/*.xml tests/templates/*.xml tests/bad/template-*.xml
FUZZ_SEEDS_form     = tests/fuzz/corpus/form/*
FUZZ_SEEDS_csv      = tests/fuzz/corpus/csv/*
# the XML kinds mutate with XML's words; a form is a zip, where they do not help
FUZZ_DICT_plan      = -dict=tests/fuzz/xml.dict
FUZZ_DICT_status    = -dict=tests/fuzz/xml.dict
FUZZ_DICT_template  = -dict=tests/fuzz/xml.dict
FUZZ_DICT_csv       = -dict=tests/fuzz/csv.dict

fuzz:
	@scripts/install-deps fuzz
	@$(MAKE) --no-print-directory CC=clang BUILD=build/fuzz CFLAGS="-O1 -g" \
		SANFLAGS="-fsanitize=fuzzer-no-link,address,undefined" build/fuzz/libstatusrapport.a
	@$(MAKE) --no-print-directory $(FUZZERS:%=build/fuzz/fuzz_%)

build/fuzz/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz_common.c tests/fuzz/fuzz_common.h \
		build/fuzz/libstatusrapport.a
	clang $(FUZZ_CFLAGS) -fsanitize=fuzzer -o $@ $< tests/fuzz/fuzz_common.c \
		build/fuzz/libstatusrapport.a $(LIBS)

fuzz-run: fuzz
	@for k in $(FUZZERS); do \
		$(MAKE) --no-print-directory fuzz-one KIND=$$k SECONDS=$$(( $(SECONDS) / 5 )) || exit 1; done

$(FUZZERS:%=fuzz-%): fuzz-%: fuzz
	@$(MAKE) --no-print-directory fuzz-one KIND=$*

# one harness on its corpus, already built (fuzz-KIND and fuzz-run call it)
fuzz-one:
	@mkdir -p build/fuzz/corpus/$(KIND) build/fuzz/findings/$(KIND)
	@cp $(FUZZ_SEEDS_$(KIND)) build/fuzz/corpus/$(KIND)/ 2>/dev/null || true
	ASAN_OPTIONS=detect_leaks=1 LSAN_OPTIONS=suppressions=tests/lsan.supp \
	build/fuzz/fuzz_$(KIND) -max_total_time=$(SECONDS) -max_len=65536 -timeout=$(FUZZ_TIMEOUT) \
		$(FUZZ_FLAGS) -artifact_prefix=build/fuzz/findings/$(KIND)/ $(FUZZ_DICT_$(KIND)) \
		build/fuzz/corpus/$(KIND)

asan:
	@$(MAKE) --no-print-directory BUILD=build/asan CFLAGS="-O1 -g -DSR_POOL_SHIFT=4" \
		SANFLAGS="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" tests

# cppcheck, then clang-tidy with the profile in .clang-tidy, over the sources,
# the unit tests and the fuzz harness; any finding fails.  clang-tidy runs
# once per file (see .clang-tidy), LINT_JOBS at a time; a file is checked
# again when it, a header or the profile changes.  Library headers are
# -isystem, so only ours are checked.
LINT_JOBS ?= 2
LINT_SRC  := $(SRC) $(UNIT_SRC) $(wildcard tests/fuzz/*.c) $(wildcard tests/alloc/*.c)
LINT_OK   := $(LINT_SRC:%.c=$(BUILD)/lint/%.ok)
LINT_CFLAGS = $(STD) -Isrc $(patsubst -I%,-isystem %,$(PKG_CFLAGS) \
	$(shell pkg-config --cflags cmocka 2>/dev/null))

$(BUILD)/lint/%.ok: %.c $(HDR) $(wildcard tests/unit/*.h) .clang-tidy
	@mkdir -p $(@D)
	clang-tidy --quiet $< -- $(LINT_CFLAGS)
	@touch $@

# varFuncNullUB: the XML writer's attribute lists end in NULL, checked by
# __attribute__((sentinel)); glibc's NULL is ((void *)0), a pointer, so the
# sentinel is read as one.
lint:
	cppcheck --quiet --error-exitcode=1 --enable=warning,portability \
		--suppress=missingIncludeSystem --suppress=varFuncNullUB \
		-Isrc src tests/unit tests/fuzz tests/alloc
	@$(MAKE) --no-print-directory -j$(LINT_JOBS) -Otarget lint-tidy

lint-tidy: $(LINT_OK)

format:
	clang-format -i $(SRC) $(HDR) tests/unit/*.c

install: $(BIN)
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/statusrapport/schema \
		$(DESTDIR)$(PREFIX)/share/statusrapport/templates $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 755 $(BIN) $(DESTDIR)$(PREFIX)/bin/statusrapport
	install -m 644 schema/*.rng $(DESTDIR)$(PREFIX)/share/statusrapport/schema/
	if ls templates/*.xml >/dev/null 2>&1; then \
		install -m 644 templates/*.xml $(DESTDIR)$(PREFIX)/share/statusrapport/templates/; fi
	install -m 644 man/statusrapport.1 $(DESTDIR)$(PREFIX)/share/man/man1/

clean:
	rm -rf build out
