"""책을 만들고 검사하는 도구 (학생은 쓰지 않습니다).

- :mod:`.notebooks` — 마스터(solutions/)에서 학생용 노트북과 채점기 만들기 (``make notebooks``)
- :mod:`.grading` — 한 반의 제출물 오프라인 채점, 루브릭 합치기 (``make grade``, ``make merge-rubric``)
- :mod:`.assignment` — 여러 장의 문제로 과제 만들기 (``make assignment``)
- :mod:`.site` — 책 빌드, 로컬 서버, headless Chromium 검사
- :mod:`.bench` — 실행 시간·크기 측정 (``make bench``)
- :mod:`.sphinx_ext` — 책 빌드에 쓰는 Sphinx 확장
"""
