"""책의 그림·지도가 쓰는 색과, 그 색이 흑백·색각 이상에서도 읽히는지 재는 도구.

- 연속(sequential) 색: 값이 커질수록 밝기(CIE L*)가 한 방향으로만 변해야 흑백으로 인쇄해도
  순서가 읽힙니다 (``lightness``).
- 범주(categorical) 색: 적록 색각 이상(제1색맹 protanopia, 제2색맹 deuteranopia)을 흉내 낸 색
  (Machado, Oliveira, Fernandes 2009, 심한 정도 1.0)에서도 서로 구별되어야 합니다 (``min_distance``,
  CIEDE2000 색차).

tests/test_publish.py 가 패키지의 색(지도 단계구분도, 점, 결측, seaborn 범주 색, 그림의 연속 색)을 검사합니다.
"""
from __future__ import annotations

import itertools

import numpy as np

# 지도(maps.py)
MAP_SEQUENTIAL = ("#f7fbff", "#6baed6", "#08306b")  # 단계구분도 기본 색 (ColorBrewer Blues)
MAP_MISSING = "#cccccc"                                # 값이 없는 곳
MAP_EDGE = "#333333"                                   # 경계선
MAP_POINT = "#08519c"                                  # 점 기본 색
# 장에서 한 지도에 함께 그리는 점 색 (기존 대여소 회색, 신규 파랑, 제안 빨강)
MAP_POINT_GROUPS = ("#777777", "#2171b5", "#cb181d")
# 그림(plotting.py): seaborn 테마의 범주 색과 연속 색. seaborn 기본 "deep" 은 제1색맹에게 초록과
# 빨강(4색일 때 CIEDE2000 4.8)이 거의 같아 보여, 색각 이상을 고려한 "colorblind" 를 씁니다.
PLOT_CATEGORICAL = "colorblind"
PLOT_SEQUENTIAL = ("Blues", "viridis")

# Machado et al. (2009) 의 색각 이상 모의 행렬 (선형 RGB, 심한 정도 1.0)
CVD_MATRICES = {
    "protanopia": np.array([[0.152286, 1.052583, -0.204868],
                            [0.114503, 0.786281, 0.099216],
                            [-0.003882, -0.048116, 1.051998]]),
    "deuteranopia": np.array([[0.367322, 0.860646, -0.227968],
                              [0.280085, 0.672501, 0.047413],
                              [-0.011820, 0.042940, 0.968881]]),
}
_SRGB_TO_XYZ = np.array([[0.4124564, 0.3575761, 0.1804375],
                         [0.2126729, 0.7151522, 0.0721750],
                         [0.0193339, 0.1191920, 0.9503041]])
_WHITE = np.array([0.95047, 1.0, 1.08883])


def to_rgb(colors) -> np.ndarray:
    """'#rrggbb' 나 (r, g, b) 목록 → 0~1 sRGB 배열 (n, 3)."""
    from matplotlib.colors import to_rgb as mpl_rgb

    return np.array([mpl_rgb(c) for c in colors], dtype=float)


def _linear(rgb: np.ndarray) -> np.ndarray:
    return np.where(rgb <= 0.04045, rgb / 12.92, ((rgb + 0.055) / 1.055) ** 2.4)


def _gamma(linear: np.ndarray) -> np.ndarray:
    linear = np.clip(linear, 0, 1)
    return np.where(linear <= 0.0031308, 12.92 * linear, 1.055 * linear ** (1 / 2.4) - 0.055)


def simulate(colors, kind: str) -> np.ndarray:
    """색각 이상(kind: protanopia, deuteranopia)인 사람에게 보이는 색 (sRGB 0~1)."""
    linear = _linear(to_rgb(colors))
    return _gamma(linear @ CVD_MATRICES[kind].T)


def lab(rgb) -> np.ndarray:
    """sRGB(0~1, (n, 3)) → CIE L*a*b* (D65)."""
    rgb = np.asarray(rgb, dtype=float)
    xyz = _linear(rgb) @ _SRGB_TO_XYZ.T / _WHITE
    f = np.where(xyz > (6 / 29) ** 3, np.cbrt(xyz), xyz / (3 * (6 / 29) ** 2) + 4 / 29)
    return np.stack([116 * f[:, 1] - 16, 500 * (f[:, 0] - f[:, 1]), 200 * (f[:, 1] - f[:, 2])], axis=1)


def lightness(colors) -> np.ndarray:
    """색마다 CIE L* (0 검정 ~ 100 흰색). 흑백으로 인쇄했을 때의 밝기입니다."""
    return lab(to_rgb(colors))[:, 0]


def delta_e(lab1: np.ndarray, lab2: np.ndarray) -> float:
    """두 Lab 색의 CIEDE2000 색차 (약 2 이하는 거의 같아 보이고, 10 넘으면 한눈에 다릅니다)."""
    l1, a1, b1 = lab1
    l2, a2, b2 = lab2
    c1, c2 = np.hypot(a1, b1), np.hypot(a2, b2)
    c_bar = (c1 + c2) / 2
    g = 0.5 * (1 - np.sqrt(c_bar ** 7 / (c_bar ** 7 + 25 ** 7)))
    a1p, a2p = (1 + g) * a1, (1 + g) * a2
    c1p, c2p = np.hypot(a1p, b1), np.hypot(a2p, b2)
    h1p = np.degrees(np.arctan2(b1, a1p)) % 360
    h2p = np.degrees(np.arctan2(b2, a2p)) % 360
    dl, dc = l2 - l1, c2p - c1p
    dh = 0.0 if c1p * c2p == 0 else ((h2p - h1p + 180) % 360) - 180
    dH = 2 * np.sqrt(c1p * c2p) * np.sin(np.radians(dh / 2))
    l_bar, c_bar_p = (l1 + l2) / 2, (c1p + c2p) / 2
    if c1p * c2p == 0:
        h_bar = h1p + h2p
    elif abs(h1p - h2p) <= 180:
        h_bar = (h1p + h2p) / 2
    else:
        h_bar = (h1p + h2p + 360) / 2 if h1p + h2p < 360 else (h1p + h2p - 360) / 2
    t = (1 - 0.17 * np.cos(np.radians(h_bar - 30)) + 0.24 * np.cos(np.radians(2 * h_bar))
         + 0.32 * np.cos(np.radians(3 * h_bar + 6)) - 0.20 * np.cos(np.radians(4 * h_bar - 63)))
    sl = 1 + 0.015 * (l_bar - 50) ** 2 / np.sqrt(20 + (l_bar - 50) ** 2)
    sc, sh = 1 + 0.045 * c_bar_p, 1 + 0.015 * c_bar_p * t
    rt = (-2 * np.sqrt(c_bar_p ** 7 / (c_bar_p ** 7 + 25 ** 7))
          * np.sin(np.radians(60 * np.exp(-(((h_bar - 275) / 25) ** 2)))))
    return float(np.sqrt((dl / sl) ** 2 + (dc / sc) ** 2 + (dH / sh) ** 2 + rt * (dc / sc) * (dH / sh)))


def min_distance(colors, kind: str | None = None) -> float:
    """색 목록에서 가장 비슷한 두 색의 CIEDE2000 색차 (kind 를 주면 그 색각 이상으로 본 색)."""
    rgb = to_rgb(colors) if kind is None else simulate(colors, kind)
    labs = lab(rgb)
    return min(delta_e(a, b) for a, b in itertools.combinations(labs, 2))


def cmap_colors(name: str, n: int = 9) -> list[tuple[float, float, float]]:
    """matplotlib 색 지도(이름)를 n 개의 고른 간격 색으로."""
    import matplotlib

    cmap = matplotlib.colormaps[name]
    return [tuple(cmap(x)[:3]) for x in np.linspace(0, 1, n)]


def categorical(name: str = PLOT_CATEGORICAL, n: int = 6) -> list[tuple[float, float, float]]:
    import seaborn as sns

    return [tuple(c) for c in sns.color_palette(name, n)]


def is_monotone(values: np.ndarray, min_step: float = 0.0) -> bool:
    """값이 한 방향으로만(각 걸음이 min_step 이상) 변하는지."""
    steps = np.diff(np.asarray(values, dtype=float))
    return bool(np.all(steps > min_step) or np.all(steps < -min_step))
