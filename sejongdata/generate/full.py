"""큰 대여 기록 Parquet 만들기 (9장 부록; git 에 넣지 않는 선택 자료).

``python -m sejongdata.generate.full --scale N`` (``make data-full SCALE=N``) 가
``datasets/full/eoulling_trips_xN/month=2020-MM/part-RRR.parquet`` 를 씁니다.
모형은 ``generate.bike`` 의 대여 모형 그대로이고, N배는 같은 도시·대여소·날씨에서 대여 기록의 난수만
판(replica) 0 … N−1 로 새로 뽑은 것입니다 (판 0 = ``eoulling_trips_2020_full``). 데이터 카드:
``datasets/eoulling_trips_parquet.md``.
"""
from __future__ import annotations

import argparse

from .. import bigdata


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="N배 어울링 대여 기록 Parquet 을 만듭니다.")
    parser.add_argument("--scale", type=int, nargs="+", default=[1], help="배수 (예: 1 5 20)")
    parser.add_argument("--out", default=None, help="폴더 (기본: <데이터 폴더>/full)")
    args = parser.parse_args(argv)
    for scale in args.scale:
        path = bigdata.ensure_trips(scale, root=args.out)
        print(f"{bigdata.trips_summary(path)} → {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
