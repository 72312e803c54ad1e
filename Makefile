# Two commands do everything: `make run` and `make test`. The other targets are their parts.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV      ?= .venv
PY        := $(VENV)/bin/python
RASA      := $(VENV)/bin/rasa
INSTALLED := $(VENV)/.installed
MODEL     := models/latest.tar.gz
WIDGET    := build/web/webchat.js
MODEL_INPUTS := config.yml domain.yml $(shell find data -name '*.yml' 2>/dev/null) \
                $(wildcard nlu_components/*.py understanding/*.py) understanding/lexicon.yml

# Quieter, offline-friendly Rasa and TensorFlow.
export TF_CPP_MIN_LOG_LEVEL ?= 2
export SQLALCHEMY_SILENCE_UBER_WARNING ?= 1
export RASA_TELEMETRY_ENABLED ?= false
# endpoints.yml reads the action server's address from here.
export ACTION_ENDPOINT_URL ?= http://localhost:5055/webhook

.PHONY: help install system-packages web lint generate validate train run test unit-test story-test nlu-report report purge audit bench bench-replies profile lock clean

help:
	@echo "make run   - install what is missing, train if needed, start the assistant"
	@echo "make cluster - the production shape: two Rasa replicas, PostgreSQL, Redis, nginx (make cluster-stop)"
	@echo "make test  - install what is missing, then validate, unit/e2e tests, train, story tests"
	@echo "parts: install system-packages web lint generate validate train unit-test story-test nlu-report report purge audit bench bench-replies profile lock clean"

install: $(INSTALLED)

# Rasa and spaCy are installed in one resolver call, pinned by constraints.txt.
$(INSTALLED): pyproject.toml constraints.txt scripts/find_python310.sh
	@echo "==> Preparing $(VENV) (first run downloads about 1 GB and takes a few minutes)"
	@if [ ! -x $(PY) ] || ! $(PY) -c 'import sys; sys.exit(sys.version_info[:2] != (3, 10))'; then \
		rm -rf $(VENV) && "$$(scripts/find_python310.sh)" -m venv $(VENV); fi
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --progress-bar off -c constraints.txt -e '.[dev]'
	@touch $@

# Servers the tests start for real: Chromium, PostgreSQL, Redis (apt-get, only what is missing).
system-packages:
	@scripts/install_system_packages.sh

# The chat widget for the web page, from the npm registry (pinned by web/package-lock.json).
web: $(WIDGET)
$(WIDGET): web/package.json web/package-lock.json
	@echo "==> Installing the chat widget (rasa-webchat) from the npm registry"
	cd web && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	@# The bundle's CSS imports a Google font; the page must load nothing from outside (system fonts instead).
	mkdir -p $(@D) && sed -E 's~@import url\(https://fonts\.googleapis\.com[^)]*\);?~~g' \
		web/node_modules/rasa-webchat/lib/index.js > $@


# Style, formatting and types: policy_rules and the catalogue code strictly typed.
lint: install
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -m mypy --strict policy_rules text_catalogue
	$(PY) -m mypy actions channels storage dialogue understanding nlu_components scripts

# domain.yml and data/rules_forms.yml from policy_rules, the catalogue and dialogue/base.yml
# (tests/dialogue fails when the checked-in files are not in step).
generate: install
	$(PY) -m dialogue.generate

validate: install
	$(RASA) data validate --fail-on-warnings

# Retrains only when the config, the domain or the training data changed.
train: $(MODEL)
$(MODEL): $(MODEL_INPUTS) | install
	@echo "==> Training the assistant (a few minutes)"
	$(RASA) train --fixed-model-name latest --out models

run: $(MODEL) $(WIDGET)
	scripts/run_assistant.sh

# The production shape on loopback (README "Production deployment"): two Rasa replicas on PostgreSQL
# and Redis, two action servers, nginx in front; prints the URL and stays until Ctrl-C, then stops
# them. Files under build/cluster/. Other sizes: make cluster CLUSTER_ARGS="--replicas 3 --actions 1"
.PHONY: cluster cluster-stop
cluster: $(MODEL) $(WIDGET) system-packages
	$(PY) -m deploy.cluster start $(CLUSTER_ARGS)

# Stops what `make cluster` started, also after a crash (by the pid files it keeps).
cluster-stop: install
	$(PY) -m deploy.cluster stop

unit-test: $(MODEL) $(WIDGET) system-packages
	$(PY) -m pytest

story-test: $(MODEL)
	$(RASA) test core --model $(MODEL) --stories tests/test_stories.yml --fail-on-prediction-errors --out results

test: lint validate train unit-test story-test
	@echo "==> All checks passed"

# NLU quality per language: 3-fold cross-validation of the whole pipeline on data/nlu/<language>
# (reports in results/nlu/<language>/: intent and entity reports, confusions).
# One language while iterating on its data: make nlu-report NLU_LANGUAGES=zh
NLU_LANGUAGES ?= en zh
nlu-report: install
	for language in $(NLU_LANGUAGES); do \
	  $(RASA) test nlu --nlu data/nlu/$$language --config config.yml --cross-validation --folds 3 \
	    --out results/nlu/$$language || exit 1; \
	done
	$(PY) -m benchmarks.nlu_figures results/nlu

# Staff report on the consultation log (DATABASE_URL chooses the database): make report ARGS="--since 2026-11-01"
report: install
	$(PY) -m storage.report $(ARGS)

# Delete conversations and unanswered texts older than RETENTION_DAYS (default 180) from the
# database DATABASE_URL chooses; run daily from cron (README: Data and retention).
purge: install
	$(PY) -m storage.retention $(ARGS)

# Known vulnerabilities in the locked dependencies (constraints.txt); needs advisory data, so it is
# not part of `make test`. Online: pip-audit (in a venv of its own so that its dependencies never mix
# with Rasa's pins) asks PyPI's advisory service. Offline: ADVISORY_DB names a checkout of
# github.com/pypa/advisory-database, and the audit fails on a finding the README does not discuss.
AUDIT_VENV := build/audit-venv
audit:
ifdef ADVISORY_DB
	$(PY) -m scripts.audit_advisories --database $(ADVISORY_DB) constraints.txt
else
	@[ -x $(AUDIT_VENV)/bin/pip-audit ] || { "$$(scripts/find_python310.sh)" -m venv $(AUDIT_VENV) && \
		$(AUDIT_VENV)/bin/pip install --quiet 'pip-audit==2.10.1'; }
	$(AUDIT_VENV)/bin/pip-audit --requirement constraints.txt --no-deps --disable-pip --strict --progress-spinner off \
		--desc on $(ARGS)
endif

# Load benchmark: simulated citizens (locust, headless) against our assistant and a plain `rasa init` one,
# at 1, 10, 20 and 50 concurrent conversations; results/bench/report.json and latency.png (README "Speed").
# Trying it: make bench BENCH_ARGS="--quick"; other options: .venv/bin/python -m benchmarks.load --help
# Locust has a venv of its own (it needs Python 3.11+, Rasa 3.10) so that gevent and its pins never mix with Rasa's.
BENCH_VENV := build/bench-venv
BENCH_ARGS ?=
bench: $(MODEL) $(BENCH_VENV)/.installed
	$(PY) -m benchmarks.load --locust $(BENCH_VENV)/bin/locust $(BENCH_ARGS)

$(BENCH_VENV)/.installed:
	@python=$$(for candidate in python3.13 python3.12 python3.11 python3; do \
		$$candidate -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null && { echo $$candidate; break; }; \
	done); [ -n "$$python" ] || { echo "error: locust needs Python 3.11 or later" >&2; exit 1; }; \
	rm -rf $(BENCH_VENV) && $$python -m venv $(BENCH_VENV)
	$(BENCH_VENV)/bin/pip install --quiet 'locust==2.47.0' 'PyYAML>=6'
	@touch $@

# Decision speed of the rules (pytest-benchmark, in one process).
.PHONY: bench-rules
bench-rules: install
	$(PY) -m pytest benchmarks --benchmark-only --benchmark-columns=min,mean,median,max,rounds

# Reply times on REST and WeChat against real servers it starts itself.
bench-replies: $(MODEL)
	$(PY) -m benchmarks.reply_latency

# Where a turn's time goes (cProfile, in one process; the table in README "Speed").
profile: $(MODEL)
	$(PY) -m benchmarks.turn_profile

# Re-pin every package after changing dependencies in pyproject.toml.
lock: install
	$(PY) -m pip install --quiet -e '.[dev]'
	{ sed -n '1,2p' constraints.txt; $(PY) -m pip freeze --exclude-editable | grep -viE '^(pip|setuptools|wheel)=='; } > constraints.tmp
	mv constraints.tmp constraints.txt

clean:
	rm -rf build models results .pytest_cache .benchmarks
