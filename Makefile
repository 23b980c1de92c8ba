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
# 9장: make data-full SCALE="1 5 20" , make bench-bigdata BIGDATA_SCALES="1 5 20"
SCALE ?= 1
BIGDATA_SCALES ?= 1 5 20

.PHONY: install book test notebooks data data-full lab bench bench-bigdata clean help grade merge-rubric assignment

# 채점 (멘토용): make grade SUBMISSIONS=제출폴더 CHAPTER=01 [TIMEOUT=120 WORKERS=2 OUT=폴더]
#               make grade SUBMISSIONS=제출폴더 ASSIGNMENT=hw1
SUBMISSIONS ?=
CHAPTER ?=
ASSIGNMENT ?=
TIMEOUT ?= 120
WORKERS ?= 2
OUT ?=
QUESTIONS ?=

help:
	@echo "make book       환경을 설치하고 책을 _build/html 에 만듭니다"
	@echo "make test       환경을 설치하고 모든 테스트를 돌립니다 (CHAPTER=03 이면 그 장만)"
	@echo "make notebooks  solutions/ 의 마스터로 학생용 노트북과 채점기를 다시 만듭니다"
	@echo "make data       datasets/ 의 모의 데이터를 다시 만듭니다"
	@echo "make data-full  9장의 큰 대여 기록 Parquet 을 datasets/full/ 에 만듭니다 (SCALE=\"1 5 20\", git 에 넣지 않음)"
	@echo "make lab        JupyterLab 을 엽니다"
	@echo "make bench      실행 시간·페이지 크기를 재서 bench/results.md 에 씁니다"
	@echo "make bench-bigdata  9장: pandas·DuckDB·Spark 시간·메모리를 1·5·20배에서 재서 bench/bigdata.json 에 씁니다"
	@echo "make grade SUBMISSIONS=제출폴더 CHAPTER=01 [TIMEOUT=120 WORKERS=2]  제출물을 채점합니다 (멘토용)"
	@echo "make merge-rubric OUT=_build/grading/01_eoulling  채운 rubric.csv 를 점수표에 합칩니다"
	@echo "make assignment QUESTIONS=\"01:q3,q5 02:q2\" ASSIGNMENT=hw1  여러 장의 문제로 과제를 만듭니다"

install: $(STAMP)

$(STAMP): requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

book: $(STAMP)
	$(VENV)/bin/jupyter-book build . -W --keep-going
	@echo "책: $(abspath _build/html/index.html)"

# 두 xdist 워커가 저마다 BLAS 스레드를 여럿 쓰면 2코어에서 서로 막습니다: 워커마다 한 스레드.
# (스레드 수는 결과 자릿수를 바꾸지 않습니다. OPENBLAS_CORETYPE·L2_SIZE 는 건드리지 않습니다.)
test: $(STAMP)
	OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 MKL_NUM_THREADS=1 $(PY) -m pytest -n 2 --dist loadfile --nbval --nbval-sanitize-with tests/sanitize.cfg \
		$(TEST_PATHS) $(PYTEST_ARGS)

notebooks: $(STAMP)
	$(PY) -m sejongdata.tools.notebooks build

data: $(STAMP)
	$(PY) -m sejongdata.generate

data-full: $(STAMP)
	$(PY) -m sejongdata.generate.full --scale $(SCALE)

lab: $(STAMP)
	$(VENV)/bin/jupyter lab --ServerApp.root_dir=. notebooks/00_start.ipynb

bench: $(STAMP)
	$(PY) -m sejongdata.tools.bench $(BENCH_ARGS)

bench-bigdata: $(STAMP)
	$(PY) -m sejongdata.tools.bench_bigdata --scales $(BIGDATA_SCALES)

grade: $(STAMP)
	@test -n "$(SUBMISSIONS)" || { echo "SUBMISSIONS=제출폴더 를 주세요 (예: make grade SUBMISSIONS=제출 CHAPTER=01)"; exit 2; }
	@test -n "$(CHAPTER)$(ASSIGNMENT)" || { echo "CHAPTER=01 또는 ASSIGNMENT=hw1 을 주세요"; exit 2; }
	$(PY) -m sejongdata.tools.grading grade "$(SUBMISSIONS)" \
		$(if $(ASSIGNMENT),--assignment "$(ASSIGNMENT)",--chapter "$(CHAPTER)") \
		--timeout $(TIMEOUT) --workers $(WORKERS) $(if $(OUT),--out "$(OUT)")

merge-rubric: $(STAMP)
	@test -n "$(OUT)" || { echo "OUT=결과폴더 를 주세요 (예: make merge-rubric OUT=_build/grading/01_eoulling)"; exit 2; }
	$(PY) -m sejongdata.tools.grading merge-rubric "$(OUT)"

assignment: $(STAMP)
	@test -n "$(QUESTIONS)" -a -n "$(ASSIGNMENT)" || { echo 'QUESTIONS="01:q3,q5 02:q2" ASSIGNMENT=hw1 을 주세요'; exit 2; }
	$(PY) -m sejongdata.tools.grading build-assignment "$(QUESTIONS)" --name "$(ASSIGNMENT)"

clean:
	rm -rf _build
