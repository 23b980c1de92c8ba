# 빅데이터로 보는 세종 — 자주 쓰는 명령
# 처음 쓰는 컴퓨터에서도 'make book' 과 'make test' 두 명령이면 됩니다.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
PYTEST_ARGS ?=
# make test CHAPTER=03 : 그 장의 노트북(nbval)·연습문제·리더 테스트만 돌립니다
CHAPTER ?=
ifneq ($(CHAPTER),)
TEST_PATHS := $(wildcard notebooks/$(CHAPTER)_*.ipynb solutions/$(CHAPTER)_*.ipynb) tests --chapter $(CHAPTER)
else
TEST_PATHS := notebooks solutions tests
endif
BENCH_ARGS ?= --with-test

.PHONY: install book test notebooks data lab bench clean help

help:
	@echo "make book       환경을 설치하고 책을 _build/html 에 만듭니다"
	@echo "make test       환경을 설치하고 모든 테스트를 돌립니다 (CHAPTER=03 이면 그 장만)"
	@echo "make notebooks  solutions/ 의 마스터로 학생용 노트북과 채점기를 다시 만듭니다"
	@echo "make data       datasets/ 의 모의 데이터를 다시 만듭니다"
	@echo "make lab        JupyterLab 을 엽니다"
	@echo "make bench      실행 시간·페이지 크기를 재서 bench/results.md 에 씁니다"

install: $(STAMP)

$(STAMP): requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

book: $(STAMP)
	$(VENV)/bin/jupyter-book build . -W --keep-going
	@echo "책: $(abspath _build/html/index.html)"

test: $(STAMP)
	$(PY) -m pytest -n 2 --dist loadfile --nbval --nbval-sanitize-with tests/sanitize.cfg \
		$(TEST_PATHS) $(PYTEST_ARGS)

notebooks: $(STAMP)
	$(PY) -m sejongdata.tools.notebooks build

data: $(STAMP)
	$(PY) -m sejongdata.generate

lab: $(STAMP)
	$(VENV)/bin/jupyter lab --ServerApp.root_dir=. notebooks/00_start.ipynb

bench: $(STAMP)
	$(PY) -m sejongdata.tools.bench $(BENCH_ARGS)

clean:
	rm -rf _build
