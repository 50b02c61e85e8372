# Installs Repère like any command-line tool: `make install PREFIX=…` (default /usr/local),
# `make uninstall PREFIX=…` removes exactly the files the install wrote (listed in a manifest),
# and the directories it created when they are empty again (a shared /usr/local/share/man stays).
#
#   PREFIX/bin/repere                              the program (release build)
#   PREFIX/share/repere/                           the bundled data (Protocols/), read-only
#   PREFIX/share/man/man1/repere*.1                man pages (generated from the commands)
#   PREFIX/share/bash-completion/completions/repere, PREFIX/share/zsh/site-functions/_repere,
#   PREFIX/share/fish/vendor_completions.d/repere.fish
#   PREFIX/lib/repere/commit                       the commit built (shown by `repere --version`)
#   PREFIX/lib/repere/installed-files              the manifest `make uninstall` reads
#
# DESTDIR is honoured for packaging. The release build lives in .build-release so that it never
# disturbs the debug build in .build.

PREFIX ?= /usr/local
DESTDIR ?=
SWIFT ?= swift
SCRATCH ?= .build-release
# The end-to-end test installs an already built debug binary: NO_BUILD=1 BINARY=… MAN=0.
BINARY ?= $(SCRATCH)/release/repere
NO_BUILD ?= 0
MAN ?= 1

ROOT := $(DESTDIR)$(PREFIX)
ifeq ($(NO_BUILD),1)
BUILD_STEP :=
else
BUILD_STEP := build
endif
MANIFEST = $(ROOT)/lib/repere/installed-files
STAGE ?= $(SCRATCH)/stage

.PHONY: all build man completions install uninstall clean-stage

all: build

build:
	$(SWIFT) build -c release --scratch-path $(SCRATCH) --product repere

# Man pages: swift-argument-parser's generate-manual tool reads the program's own description of
# its commands (--experimental-dump-help), so the pages say exactly what --help says.
man: $(BUILD_STEP)
	rm -rf $(STAGE)/man && mkdir -p $(STAGE)/man
ifeq ($(MAN),1)
	$(SWIFT) build -c release --scratch-path $(SCRATCH) --product generate-manual
	REPERE_MANUAL_ASCII=1 $(SCRATCH)/release/generate-manual $(BINARY) --multi-page --section 1 \
	  --authors "Projet Repere" --output-directory $(STAGE)/man
	# generate-manual keeps only ASCII: the program spelled accents ZZU00E9ZZ, roff wants \[u00E9].
	sed -i -E 's/ZZU([0-9A-F]{4,6})ZZ/\\[u\1]/g' $(STAGE)/man/*.1
endif

completions: $(BUILD_STEP)
	rm -rf $(STAGE)/completions && mkdir -p $(STAGE)/completions
	$(BINARY) --generate-completion-script bash > $(STAGE)/completions/repere.bash
	$(BINARY) --generate-completion-script zsh > $(STAGE)/completions/_repere
	$(BINARY) --generate-completion-script fish > $(STAGE)/completions/repere.fish

install: $(BUILD_STEP) man completions
	@set -e; \
	root='$(ROOT)'; manifest='$(MANIFEST)'; \
	if [ -e "$$manifest" ]; then echo "repere est déjà installé dans $(PREFIX) : make uninstall PREFIX=$(PREFIX) d'abord" >&2; exit 1; fi; \
	list=$$(mktemp); \
	for d in . bin share share/man share/man/man1 lib share/bash-completion share/bash-completion/completions \
	  share/zsh share/zsh/site-functions share/fish share/fish/vendor_completions.d; do \
	  [ -d "$$root/$$d" ] || echo "d $$d" >> "$$list"; done; \
	install -d "$$root/bin" "$$root/share/repere" "$$root/share/man/man1" "$$root/lib/repere" \
	  "$$root/share/bash-completion/completions" "$$root/share/zsh/site-functions" \
	  "$$root/share/fish/vendor_completions.d"; \
	install -m 0755 $(BINARY) "$$root/bin/repere"; echo bin/repere >> "$$list"; \
	(cd Protocols && find . -type d) | while read -r d; do install -d -m 0755 "$$root/share/repere/$$d"; done; \
	(cd Protocols && find . -type f ! -name '.*') | sed 's|^\./||' | while read -r f; do \
	  install -m 0644 "Protocols/$$f" "$$root/share/repere/$$f"; echo "share/repere/$$f" >> "$$list"; done; \
	for page in $$(ls $(STAGE)/man/*.1 2>/dev/null); do \
	  install -m 0644 "$$page" "$$root/share/man/man1/"; echo "share/man/man1/$$(basename "$$page")" >> "$$list"; done; \
	install -m 0644 $(STAGE)/completions/repere.bash "$$root/share/bash-completion/completions/repere"; \
	echo share/bash-completion/completions/repere >> "$$list"; \
	install -m 0644 $(STAGE)/completions/_repere "$$root/share/zsh/site-functions/_repere"; \
	echo share/zsh/site-functions/_repere >> "$$list"; \
	install -m 0644 $(STAGE)/completions/repere.fish "$$root/share/fish/vendor_completions.d/repere.fish"; \
	echo share/fish/vendor_completions.d/repere.fish >> "$$list"; \
	(git describe --always --dirty --abbrev=12 2>/dev/null || echo inconnu) > "$$root/lib/repere/commit"; \
	chmod 0644 "$$root/lib/repere/commit"; echo lib/repere/commit >> "$$list"; \
	echo lib/repere/installed-files >> "$$list"; \
	install -m 0644 "$$list" "$$manifest"; rm -f "$$list"; \
	echo "repere installé dans $(PREFIX) ($$(grep -vc '^d ' "$$manifest") fichiers, liste : $$manifest)"

uninstall:
	@set -e; \
	root='$(ROOT)'; manifest='$(MANIFEST)'; \
	if [ ! -f "$$manifest" ]; then echo "rien à désinstaller : $$manifest absent" >&2; exit 1; fi; \
	created=$$(grep '^d ' "$$manifest" | cut -c3- | sort -r); \
	grep -v '^d ' "$$manifest" | while read -r f; do rm -f "$$root/$$f"; done; \
	rm -rf "$$root/share/repere/.repere-index"; \
	for d in share/repere lib/repere; do \
	  [ -d "$$root/$$d" ] && find "$$root/$$d" -depth -type d -empty -delete; done; \
	for d in $$created; do p="$$root/$$d"; [ "$$d" = . ] && p="$$root"; rmdir "$$p" 2>/dev/null || true; done; \
	echo "repere désinstallé de $(PREFIX)"
