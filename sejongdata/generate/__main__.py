"""명령줄: ``python -m sejongdata.generate [--out DIR] [--only NAME ...] [--list]``."""
from __future__ import annotations

import argparse
import time

from . import DEFAULT_OUT, generate, registry


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m sejongdata.generate",
        description="모의 데이터를 만듭니다 (같은 시드면 언제나 같은 파일).")
    parser.add_argument("--out", default=str(DEFAULT_OUT), help="쓸 폴더 (기본: 저장소의 datasets/)")
    parser.add_argument("--only", action="append", metavar="NAME",
                        help="이 자료만 (여러 번 쓸 수 있음; 자료·파일·모듈 이름)")
    parser.add_argument("--list", action="store_true", help="등록된 자료 목록만 보여 줌")
    args = parser.parse_args(argv)
    if args.list:
        for d in registry(include_optional=True):
            print(f"{d.name:28s} {d.filename:36s} ({d.module})")
        return 0
    start = time.perf_counter()
    paths = generate(args.out, args.only)
    for path in paths:
        print(f"{path.stat().st_size:>10,d}  {path}")
    print(f"{len(paths)}개 파일, {time.perf_counter() - start:.1f}초")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
