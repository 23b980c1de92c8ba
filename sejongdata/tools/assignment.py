"""여러 장의 문제를 골라 과제 하나로 묶습니다 (assignment builder).

``python -m sejongdata.tools.grading build-assignment "01:q3,q5 02:q2" --name hw1`` 이 하는 일:

1. 장마다 마스터(solutions/NN_slug.ipynb)를 읽어 문제 블록(``# BEGIN QUESTION`` ~ ``# END QUESTION``)을 고릅니다.
2. 고른 문제의 정답·테스트 코드가 쓰는 이름(변수, 함수)을 찾아, 그 이름을 만드는 본문 코드 셀만
   (그 셀들이 다시 쓰는 이름까지 따라가며) 접힌 "준비" 절로 가져옵니다. 그림·지도 셀과 쓰지 않는 import 는 빠집니다.
3. 문제 이름을 ``chNN_qM`` 으로 바꿔 장끼리 겹치지 않게 합니다 (예: 1장 q3 → ``ch01_q3``).
4. 마스터 하나(``_build/assignments/hw1/master/hw1.ipynb``)로 쓰고, 장과 같은 파이프라인
   (:func:`sejongdata.tools.notebooks.build`)으로 학생용 노트북과 채점기를 만듭니다.

같은 입력이면 마스터는 바이트까지 같고, 채점기 zip 도 시각 정보를 지워 같은 바이트로 씁니다.
"""
from __future__ import annotations

import ast
import builtins
import copy
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
import yaml

from ..paths import REPO_ROOT
from . import notebooks as nbtool

ASSIGNMENTS_DIR = REPO_ROOT / "_build" / "assignments"
ZIP_DATE = (1980, 1, 1, 0, 0, 0)


class AssignmentError(ValueError):
    """과제 구성이 잘못되었을 때 (없는 장·문제, 빠진 선행 문제) 내는 오류입니다."""


# ---------------------------------------------------------------------------
# 마스터 읽기
# ---------------------------------------------------------------------------

@dataclass
class Question:
    name: str
    points: object
    manual: bool
    cells: list                      # BEGIN QUESTION ~ END QUESTION (표시 raw 셀 포함)
    title: str = ""                  # 문제 설명 첫 줄 (### 제외)
    prompt: str = ""                 # 문제 설명 마크다운
    mentor_note: str = ""            # 해석 문항의 모범 답안·채점 기준 (정답 블록의 마크다운)

    def code_cells(self) -> list:
        return [c for c in self.cells if c.cell_type == "code"]

    def solution_code(self) -> list[str]:
        """정답 블록 안의 코드 셀 (테스트 제외)."""
        out, in_solution = [], False
        for cell in self.cells:
            marker = cell.source.strip() if cell.cell_type == "raw" else ""
            if marker.startswith("# BEGIN SOLUTION"):
                in_solution = True
            elif marker.startswith("# END SOLUTION"):
                in_solution = False
            elif cell.cell_type == "code" and in_solution:
                out.append(cell.source)
        return out


@dataclass
class Master:
    path: Path
    config: dict
    narrative: list                  # 첫 문제 앞의 셀
    questions: list[Question] = field(default_factory=list)

    @property
    def stem(self) -> str:
        return self.path.stem

    @property
    def chapter(self) -> str:
        return self.path.stem.split("_", 1)[0]

    def question(self, name: str) -> Question:
        for q in self.questions:
            if q.name == name:
                return q
        known = ", ".join(q.name for q in self.questions)
        raise AssignmentError(f"{self.path.name} 에 문제 '{name}' 이 없습니다 (있는 문제: {known}).")


def _raw_yaml(source: str) -> dict:
    body = "\n".join(source.strip().splitlines()[1:])
    return yaml.safe_load(body) or {}


def read_master(path: Path) -> Master:
    """otter assign 형식의 마스터를 본문·문제로 나눕니다."""
    path = Path(path)
    nb = nbformat.read(str(path), as_version=4)
    cells = list(nb.cells)
    if not cells or cells[0].cell_type != "raw" or not cells[0].source.startswith("# ASSIGNMENT CONFIG"):
        raise AssignmentError(f"{path.name} 의 첫 셀이 '# ASSIGNMENT CONFIG' raw 셀이 아닙니다.")
    master = Master(path, _raw_yaml(cells[0].source), [])
    current = None
    for cell in cells[1:]:
        text = cell.source.strip() if cell.cell_type == "raw" else ""
        if text.startswith("# BEGIN QUESTION"):
            spec = _raw_yaml(cell.source)
            current = Question(str(spec.get("name")), spec.get("points"), bool(spec.get("manual")), [cell])
            continue
        if current is None:
            if not master.questions:
                master.narrative.append(cell)
            continue
        current.cells.append(cell)
        if text.startswith("# END QUESTION"):
            _describe(current)
            master.questions.append(current)
            current = None
    return master


def _describe(question: Question) -> None:
    in_solution = False
    for cell in question.cells:
        marker = cell.source.strip() if cell.cell_type == "raw" else ""
        if marker.startswith("# BEGIN SOLUTION"):
            in_solution = True
        elif marker.startswith("# END SOLUTION"):
            in_solution = False
        elif cell.cell_type == "markdown":
            if in_solution:
                question.mentor_note += cell.source.strip() + "\n"
            elif not question.prompt:
                question.prompt = cell.source.strip()
    first = question.prompt.splitlines()[0] if question.prompt else question.name
    question.title = first.lstrip("#").strip()


def chapter_master(chapter: str, root: Path = REPO_ROOT) -> Path:
    """'01' 또는 '01_eoulling' 을 solutions/ 의 마스터 경로로 바꿉니다."""
    chapter = chapter.strip()
    found = sorted((root / "solutions").glob("[0-9][0-9]_*.ipynb"))
    for path in found:
        if chapter in (path.stem, path.name, path.stem.split("_", 1)[0]):
            return path
    known = ", ".join(p.stem for p in found)
    raise AssignmentError(f"장 '{chapter}' 의 마스터가 solutions/ 에 없습니다 (있는 장: {known}).")


# ---------------------------------------------------------------------------
# 이름 분석 (어떤 셀이 어떤 이름을 만들고 쓰는가)
# ---------------------------------------------------------------------------

_SCOPES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ListComp, ast.SetComp,
           ast.DictComp, ast.GeneratorExp, ast.ClassDef)


def _base_name(node) -> str | None:
    while isinstance(node, (ast.Subscript, ast.Attribute)):
        node = node.value
    return node.id if isinstance(node, ast.Name) else None


def _target_names(target, out: set) -> None:
    if isinstance(target, ast.Name):
        out.add(target.id)
    elif isinstance(target, (ast.Tuple, ast.List)):
        for element in target.elts:
            _target_names(element, out)
    elif isinstance(target, ast.Starred):
        _target_names(target.value, out)
    else:
        base = _base_name(target)          # df["a"] = ..., obj.attr = ... 는 df, obj 를 바꿉니다
        if base:
            out.add(base)


def _stores(stmt, imports: set) -> set:
    """문장이 모듈 수준에서 만들거나 바꾸는 이름."""
    out: set = set()
    if isinstance(stmt, (ast.Import, ast.ImportFrom)):
        for alias in stmt.names:
            name = alias.asname or alias.name.split(".")[0]
            out.add(name)
            imports.add(name)
        return out
    if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        return {stmt.name}
    for node in _walk_same_scope(stmt):
        if isinstance(node, ast.Assign):
            for target in node.targets:
                _target_names(target, out)
        elif isinstance(node, (ast.AugAssign, ast.AnnAssign)):
            _target_names(node.target, out)
        elif isinstance(node, (ast.For, ast.AsyncFor)):
            _target_names(node.target, out)
        elif isinstance(node, ast.withitem) and node.optional_vars is not None:
            _target_names(node.optional_vars, out)
        elif isinstance(node, ast.NamedExpr):
            _target_names(node.target, out)
        elif isinstance(node, ast.Delete):
            for target in node.targets:
                _target_names(target, out)
        elif isinstance(node, ast.ExceptHandler) and node.name:
            out.add(node.name)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            out |= _stores(node, imports)
    return out


def _walk_same_scope(node):
    """함수·람다·컴프리헨션 안으로 들어가지 않고 노드를 돕니다."""
    stack = [node]
    while stack:
        current = stack.pop()
        yield current
        for child in ast.iter_child_nodes(current):
            if not isinstance(child, _SCOPES):
                stack.append(child)


def _loads(stmt) -> set:
    """문장이 읽는 이름 (안쪽 범위에서만 만든 이름은 뺍니다)."""
    loads, local = set(), set()
    for node in ast.walk(stmt):
        if isinstance(node, ast.Name):
            (loads if isinstance(node.ctx, ast.Load) else local).add(node.id)
        elif isinstance(node, ast.arg):
            local.add(node.arg)
        elif isinstance(node, ast.AugAssign) and isinstance(node.target, ast.Name):
            loads.add(node.target.id)
    top = _stores(stmt, set())
    nested = local - top
    return loads - nested


def _parse(source: str):
    lines = [l for l in source.splitlines() if not l.lstrip().startswith(("%", "!"))]
    try:
        return ast.parse("\n".join(lines))
    except SyntaxError:
        return None


def cell_names(source: str, imports: set | None = None) -> tuple[set, set]:
    """(만드는 이름, 먼저 정의되지 않은 채 읽는 이름) 을 돌려줍니다."""
    imports = set() if imports is None else imports
    tree = _parse(source)
    if tree is None:
        return set(), set()
    defs, uses = set(), set()
    body = tree.body
    for index, stmt in enumerate(body):
        uses |= _loads(stmt) - defs
        defs |= _stores(stmt, imports)
        # 셀 중간의 `x.method(...)` 호출은 x 를 바꿀 수 있다고 봅니다 (마지막 줄은 화면 표시로 봅니다).
        if (index < len(body) - 1 and isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Call)
                and isinstance(stmt.value.func, ast.Attribute)):
            base = _base_name(stmt.value.func.value)
            if base and base not in imports:
                defs.add(base)
    return defs, uses


_PRESENTATION = re.compile(r"\b(maps|plt|sns|folium|plotting)\.|\.plot\(")


def plain_defs(source: str) -> set:
    """`x = ...` 처럼 이름 자체를 새로 만드는 이름 (df["열"] = ... 같은 바꾸기는 빼고)."""
    tree = _parse(source)
    out: set = set()
    for stmt in tree.body if tree else []:
        targets = stmt.targets if isinstance(stmt, ast.Assign) else []
        for target in targets:
            if isinstance(target, (ast.Name, ast.Tuple, ast.List)):
                _target_names(target, out)
        if isinstance(stmt, (ast.Import, ast.ImportFrom, ast.FunctionDef, ast.ClassDef)):
            out |= _stores(stmt, set())
    return out


def question_needs(question: Question, defined: set) -> set:
    """문제의 코드(정답, 테스트, 주어진 코드)가 바깥에서 가져와야 하는 이름."""
    needs, own = set(), set(defined)
    for cell in question.code_cells():
        defs, uses = cell_names(cell.source)
        needs |= uses - own
        own |= defs
    return needs - set(dir(builtins))


_SKIP_TAGS = {nbtool.COLAB_TAG}


def _is_setup_cell(cell) -> bool:
    """본문 코드 가운데 과제에 옮기지 않는 셀: Colab 준비 셀, otter.Notebook 셀."""
    tags = set(cell.get("metadata", {}).get("tags", []))
    return bool(tags & _SKIP_TAGS) or "otter.Notebook(" in cell.source


def slice_narrative(master: Master, picked: list[Question]) -> list:
    """고른 문제에 필요한 본문 코드 셀을 (원래 순서대로) 고릅니다."""
    code = [c for c in master.narrative if c.cell_type == "code" and not _is_setup_cell(c)]
    imports: set = set()
    names = [cell_names(c.source, imports) for c in code]
    narrative_defs = set().union(*(d for d, _ in names)) if names else set()
    needed, earlier = set(), set()
    for question in master.questions:
        if any(question is q for q in picked):
            need = question_needs(question, earlier)
            _check_prerequisites(master, question, need - narrative_defs, picked)
            needed |= need
            earlier |= set().union(*(cell_names(s)[0] for s in question.solution_code()))
    # 그림·지도 셀은 필요한 이름을 새로 만들 때만 가져옵니다 (표 열을 덧붙이기만 하는 지도 셀은 뺍니다).
    drawing = {i: plain_defs(c.source) for i, c in enumerate(code) if _PRESENTATION.search(c.source)}
    chosen: set = set()
    _close(names, drawing, chosen, needed)
    # 그림을 그리는 이름이 필요할 때만 한글 글꼴 설정 셀(setup_plots)을 가져옵니다.
    if needed & _PLOTTING_NAMES:
        for index, cell in enumerate(code):
            if "setup_plots(" in cell.source and index not in chosen:
                chosen.add(index)
                needed |= names[index][1]
        _close(names, drawing, chosen, needed)
    cells = []
    for index in sorted(chosen):
        cell = copy.deepcopy(code[index])
        cell.source = trim_imports(cell.source, needed)
        cells.append(cell)
    return cells


_PLOTTING_NAMES = {"plotting", "plt", "sns", "maps", "folium"}


def _close(names: list, drawing: dict, chosen: set, needed: set) -> None:
    """필요한 이름을 만드는 셀을 더하고, 그 셀이 쓰는 이름도 필요하다고 보며 더 늘지 않을 때까지 되풀이합니다."""
    changed = True
    while changed:
        changed = False
        for index, (defs, uses) in enumerate(names):
            if index in drawing and not drawing[index] & needed:
                continue
            if index not in chosen and defs & needed:
                chosen.add(index)
                needed |= uses
                changed = True


def trim_imports(source: str, needed: set) -> str:
    """가져오기(import)만 있는 셀에서 쓰지 않는 이름을 뺍니다 (커널이 seaborn·folium 을 불러오는 몇 초를 아낍니다).

    가져오기가 아닌 문장이 섞인 셀은 그대로 둡니다.
    """
    tree = _parse(source)
    if tree is None or not tree.body or not all(isinstance(s, (ast.Import, ast.ImportFrom)) for s in tree.body):
        return source
    lines = source.splitlines()
    out = []
    for stmt in tree.body:
        keep = [a for a in stmt.names if (a.asname or a.name.split(".")[0]) in needed]
        if not keep:
            continue
        if len(keep) == len(stmt.names):
            out.extend(lines[stmt.lineno - 1:stmt.end_lineno])
        else:
            stmt.names = keep
            out.append(ast.unparse(stmt))
    # 빈 줄로 나뉜 무리(표준·외부 패키지 / 교재 패키지)는 하나로 모읍니다.
    return "\n".join(line for line in out if line.strip())


def _check_prerequisites(master: Master, question: Question, missing: set, picked: list) -> None:
    """본문에 없는 이름을 다른 (고르지 않은) 문제의 답이 만든다면 그 문제도 고르라고 알립니다."""
    for other in master.questions:
        if other is question or any(other is q for q in picked):
            continue
        made = set().union(*(cell_names(s)[0] for s in other.solution_code()))
        clash = sorted(missing & made)
        if clash:
            raise AssignmentError(
                f"{master.stem} {question.name} 은 {other.name} 의 답에서 만드는 {', '.join(clash)} 를 씁니다. "
                f"{other.name} 도 함께 고르세요 (예: '{master.chapter}:{other.name},{question.name}').")


# ---------------------------------------------------------------------------
# 과제 마스터 만들기
# ---------------------------------------------------------------------------

def parse_spec(spec: str) -> list[tuple[str, list[str]]]:
    """'01:q3,q5 02:q2' → [('01', ['q3', 'q5']), ('02', ['q2'])]."""
    out = []
    for part in spec.replace(";", " ").split():
        if ":" not in part:
            raise AssignmentError(f"'{part}' 는 '장:문제,문제' 꼴이 아닙니다 (예: '01:q3,q5 02:q2').")
        chapter, names = part.split(":", 1)
        questions = [n.strip() for n in names.split(",") if n.strip()]
        if not chapter or not questions:
            raise AssignmentError(f"'{part}' 에 장이나 문제가 비어 있습니다 (예: '01:q3,q5').")
        out.append((chapter, questions))
    if not out:
        raise AssignmentError("고른 문제가 없습니다 (예: '01:q3,q5 02:q2').")
    chapters = [c for c, _ in out]
    if len(set(chapters)) != len(chapters):
        raise AssignmentError(f"같은 장이 두 번 나옵니다: {spec!r}. 한 장의 문제는 한 번에 쓰세요 (예: '01:q3,q5').")
    return out


def renamed(chapter: str, name: str) -> str:
    return f"ch{chapter}_{name}"


_NAME_LINE = re.compile(r"^name:\s*\S+\s*$", flags=re.MULTILINE)
_HEADING = re.compile(r"^(#+\s*)문제\s*", flags=re.MULTILINE)


def _question_cells(question: Question, chapter: str) -> list:
    cells = [copy.deepcopy(c) for c in question.cells]
    first = cells[0]
    first.source = _NAME_LINE.sub(f"name: {renamed(chapter, question.name)}", first.source, count=1)
    for cell in cells:
        if cell.cell_type == "markdown" and cell.source.strip() == question.prompt:
            cell.source = _HEADING.sub(lambda m: f"{m.group(1)}{int(chapter)}장 문제 ", cell.source, count=1)
            break
    return cells


def _clean(cell):
    cell = copy.deepcopy(cell)
    cell.metadata = {k: v for k, v in cell.metadata.items() if k in ("tags", "jupyter")}
    if cell.cell_type == "code":
        cell.outputs = []
        cell.execution_count = None
    cell.pop("attachments", None)
    return cell


def compose(spec: str, name: str, root: Path = REPO_ROOT) -> nbformat.NotebookNode:
    """고른 문제로 과제 마스터 노트북을 만듭니다 (순수 함수: 같은 입력 → 같은 노트북)."""
    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_\-]*", name):
        raise AssignmentError(f"과제 이름 '{name}' 에는 영문자, 숫자, _, - 만 쓰세요 (예: hw1).")
    picks = []
    for chapter, names in parse_spec(spec):
        master = read_master(chapter_master(chapter, root))
        questions = [master.question(n) for n in names]
        questions.sort(key=master.questions.index)
        picks.append((master, questions))
    first = picks[0][0]
    config = dict(first.config)
    config["name"] = name
    cells = [nbformat.v4.new_raw_cell("# ASSIGNMENT CONFIG\n" + yaml.safe_dump(config, sort_keys=False,
                                                                                allow_unicode=True).strip())]
    listing = "\n".join(f"- {int(m.chapter)}장 ({m.stem}): " + ", ".join(
        f"{q.title} → `{renamed(m.chapter, q.name)}`" for q in qs) for m, qs in picks)
    cells.append(nbformat.v4.new_markdown_cell(
        f"# 과제 {name}\n\n이 과제는 여러 장의 연습문제를 모은 것입니다.\n\n{listing}\n\n"
        "```{admonition} 이 과제의 데이터는 모의 데이터입니다\n:class: warning\n"
        "모든 자료는 이 교재의 생성기가 고정된 시드로 만든 **모의 데이터**(simulated data)입니다. "
        "세종시의 실제 수치로 인용하지 마세요.\n```\n\n"
        "장마다 먼저 접힌 **준비** 셀들을 위에서부터 차례로 실행하세요. 본문에서 문제에 필요한 코드만 가져온 것입니다."))
    colab = nbformat.v4.new_code_cell(nbtool.colab_source(root))
    colab.metadata["tags"] = [nbtool.COLAB_TAG, "hide-cell"]
    cells.append(colab)
    grader = nbformat.v4.new_code_cell(
        "# 자동 채점 도구(otter-grader)를 준비합니다. 연습문제의 grader.check(...) 가 이것을 씁니다.\n"
        f"import otter\ngrader = otter.Notebook(\"{name}.ipynb\")")
    grader.metadata["tags"] = ["hide-cell"]
    cells.append(grader)
    for master, questions in picks:
        number = int(master.chapter)
        cells.append(nbformat.v4.new_markdown_cell(
            f"## {number}장 준비 ({master.stem})\n\n{number}장 본문에서 아래 문제에 필요한 코드입니다. "
            "펼치지 않아도 되며, 차례로 실행만 하면 됩니다."))
        for cell in slice_narrative(master, questions):
            cell = _clean(cell)
            cell.metadata["tags"] = ["hide-cell"]
            cell.metadata["jupyter"] = {"source_hidden": True}
            cells.append(cell)
        cells.append(nbformat.v4.new_markdown_cell(f"## {number}장 문제"))
        for question in questions:
            cells.extend(_clean(c) for c in _question_cells(question, master.chapter))
    nb = nbformat.v4.new_notebook(cells=cells)
    nb.metadata = {"kernelspec": dict(nbtool.KERNELSPEC)}
    for index, cell in enumerate(nb.cells):
        cell["id"] = f"{name}-m{index:03d}"
    return nb


def write_deterministic_zip(path: Path) -> None:
    """zip 의 항목을 이름순으로, 시각을 1980-01-01 로 다시 씁니다 (두 번 만들어도 같은 바이트)."""
    with zipfile.ZipFile(path) as source:
        items = sorted((info.filename, source.read(info.filename)) for info in source.infolist()
                       if not info.is_dir())
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as target:
        for filename, data in items:
            info = zipfile.ZipInfo(filename, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, data)


def build_assignment(spec: str, name: str, out: Path | None = None, root: Path = REPO_ROOT) -> dict:
    """과제 마스터를 쓰고 학생용 노트북과 채점기를 만듭니다. 만든 파일의 경로를 돌려줍니다."""
    out = Path(out) if out is not None else ASSIGNMENTS_DIR / name
    nb = compose(spec, name, root)
    master = out / "master" / f"{name}.ipynb"
    master.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, str(master))
    times = nbtool.build(master, out / "student", out / "autograder", root=root)
    zip_path = out / "autograder" / f"{name}-autograder.zip"
    write_deterministic_zip(zip_path)
    (out / "SPEC.txt").write_text(f"{spec}\n", encoding="utf-8")
    return {"master": master, "student": out / "student" / f"{name}.ipynb", "autograder": zip_path,
            "times": times}
