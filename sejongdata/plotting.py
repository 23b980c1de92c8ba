"""그림 설정: 한글 글꼴, 마이너스 기호, seaborn 테마.

노트북 첫머리에서 ``setup_plots()`` 를 한 번 부르면 모든 그림에서 한글이 보입니다.
글꼴은 koreanize-matplotlib 패키지에 들어 있는 나눔고딕(NanumGothic, SIL OFL)을 씁니다.
범주 색은 색각 이상을 고려한 seaborn "colorblind" 입니다 (``sejongdata.palettes`` 가 검사합니다).
책은 그림의 대체 글을 ``finish`` 에 준 제목·축 이름으로 만듭니다 (sejongdata/tools/figure_alt.py).
"""
from __future__ import annotations

import matplotlib
import matplotlib.pyplot as plt
from matplotlib import font_manager
from matplotlib.ticker import FuncFormatter, ScalarFormatter

FONT_FAMILY = "NanumGothic"
SIMULATED_TAG = "(모의 데이터)"


def setup_plots(style: str = "whitegrid", context: str = "notebook") -> str:
    """한글 글꼴과 seaborn 테마를 설정하고, 쓰는 글꼴 이름을 돌려줍니다."""
    import koreanize_matplotlib  # noqa: F401  (가져오기만 해도 나눔고딕이 등록됩니다)
    import seaborn as sns

    # seaborn 테마는 글꼴을 되돌리므로 글꼴을 다시 지정합니다.
    from .palettes import PLOT_CATEGORICAL

    sns.set_theme(style=style, context=context, font=FONT_FAMILY, palette=PLOT_CATEGORICAL,
                  rc={"axes.unicode_minus": False, "figure.dpi": 100,
                      "savefig.dpi": 100, "figure.figsize": (8, 4.5)})
    matplotlib.rcParams["svg.hashsalt"] = "sejong"  # SVG 로 저장해도 결과가 같도록
    return FONT_FAMILY


def font_has_hangul(family: str = FONT_FAMILY, text: str = "세종특별자치시") -> bool:
    """지정한 글꼴이 한글 글자를 모두 가지고 있는지 확인합니다 (글꼴 파일의 cmap 을 봅니다)."""
    from fontTools.ttLib import TTFont

    path = font_manager.findfont(font_manager.FontProperties(family=family),
                                 fallback_to_default=False)
    cmap = TTFont(path, fontNumber=0).getBestCmap()
    return all(ord(ch) in cmap for ch in text if not ch.isspace())


def font_path(family: str = FONT_FAMILY) -> str:
    """한글 글꼴 파일의 경로 (워드클라우드처럼 글꼴 '파일'이 필요한 도구용).

    matplotlib 의 글꼴 관리자에서 찾습니다 (koreanize-matplotlib 이 나눔고딕을 등록하고, Debian 의 fonts-nanum 도
    찾습니다). 컴퓨터마다 경로가 다르므로 경로를 코드에 적지 말고 이 함수를 쓰세요. 못 찾으면 분명한 오류입니다.
    """
    import koreanize_matplotlib  # noqa: F401  (나눔고딕 등록)

    try:
        return font_manager.findfont(font_manager.FontProperties(family=family), fallback_to_default=False)
    except ValueError:
        raise RuntimeError(f"글꼴 '{family}' 을 찾지 못했습니다. 'pip install koreanize-matplotlib' 이나 "
                           "Debian 의 'apt-get install fonts-nanum' 으로 설치하세요.") from None


def simulated(title: str) -> str:
    """그림 제목 뒤에 '(모의 데이터)' 를 붙입니다."""
    return title if SIMULATED_TAG in title else f"{title} {SIMULATED_TAG}"


def _thousands(value, _position=None) -> str:
    """눈금 숫자에 천 단위 쉼표를 넣습니다 (12000 → 12,000). 마이너스는 '-' 로 씁니다."""
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"


def finish(ax, title: str, xlabel: str | None = None, ylabel: str | None = None) -> None:
    """제목(모의 데이터 표시 포함)과 축 이름을 붙여 그림을 마무리합니다.

    아무것도 돌려주지 않으므로 셀의 마지막 줄에 써도 축 객체의 글자 표현이 출력되지 않습니다.
    """
    ax.set_title(simulated(title))
    for axis in (ax.xaxis, ax.yaxis):
        if type(axis.get_major_formatter()) is ScalarFormatter:  # 날짜 축 등은 그대로 둡니다
            axis.set_major_formatter(FuncFormatter(_thousands))
    if xlabel is not None:
        ax.set_xlabel(xlabel)
    if ylabel is not None:
        ax.set_ylabel(ylabel)
    plt.tight_layout()
