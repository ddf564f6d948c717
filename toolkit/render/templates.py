"""Where templates come from: a firm's folder first, then the built-in templates, by the manifest.

Search order for each template key: ``--templates DIR`` (given on the command line), then the folder named
by the environment variable ``DRAFT_TEMPLATES``, then the built-in folder (``templates/`` of the checkout,
shipped as :mod:`toolkit.bundled.templates`). A folder may hold a
``manifest.yaml`` of its own (same shape as the built-in one) or simply files with the built-in names. A
manifest is read by the strict reader of case files (no duplicate keys, tags or aliases) and its problems
are named ``file:line: field: message``. A built-in template file that the built-in manifest does not list
serves the key of its name, for the document kind of that name (``evidence.docx`` → key and kind
``evidence``): a new kind needs no manifest row.
Each template is compiled once per process (:class:`~toolkit.render.compiled.CompiledTemplate`).
"""

import functools
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from toolkit.bounded import ReadRefused, is_regular, read_bounded
from toolkit.bundled import templates_folder
from toolkit.case.messages import Wording, problems
from toolkit.case.yamlsource import Loc, YamlProblem, compose
from toolkit.errors import TemplateError, UsageError
from toolkit.render.compiled import CompiledTemplate

ENV_VAR = "DRAFT_TEMPLATES"


class ManifestEntry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    file: str
    document: str
    style: str | None = None
    description: str = ""

    @classmethod
    def default(cls, key: str) -> "ManifestEntry":
        """The entry of a key no manifest lists: the file named after it, for the document kind of that name."""
        return cls(file=f"{key}.docx", document=key)


class Manifest(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    version: int
    templates: dict[str, ManifestEntry]


@dataclass(frozen=True)
class TemplateRef:
    """A template found: its manifest key, its file, its manifest entry."""

    key: str
    path: Path
    entry: ManifestEntry
    builtin: bool


MAX_MANIFEST_BYTES = 100_000
_HINT = "请对照内置的 templates/manifest.yaml 改正"
MANIFEST_WORDING = Wording(
    example="内置的 templates/manifest.yaml ",
    unknown_field="可能是拼写错误，请对照内置的 templates/manifest.yaml 改正或删除",
    number="应为整数，如 1",
)


@functools.cache
def read_manifest(folder: Path) -> Manifest | None:
    path = folder / "manifest.yaml"
    if not os.path.lexists(path):
        return None
    try:
        raw = read_bounded(path, MAX_MANIFEST_BYTES, "模板清单")
    except ReadRefused as exc:
        raise TemplateError(f"模板清单不能使用：{exc}", "manifest.yaml 应是一个 YAML 文本文件") from None
    try:
        located = compose(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise TemplateError(f"{path}: 模板清单不是 UTF-8 编码", "请在编辑器中以 UTF-8 编码另存后重试") from None
    except YamlProblem as exc:
        raise TemplateError(f"{path}:{exc.line}: {exc.message}", _HINT) from None
    try:
        return Manifest.model_validate(located.data)
    except ValidationError as exc:

        def where(loc: Loc) -> str:
            line = located.line_of(loc)
            return f"{path}:{line}" if line is not None else str(path)

        raise TemplateError("模板清单有误：\n" + "\n".join(problems(exc, where, MANIFEST_WORDING)), _HINT) from None


def search_path(override: Path | None = None) -> list[Path]:
    """The template folders, most specific first."""
    folders = [override] if override else []
    if env := os.environ.get(ENV_VAR):
        folders.append(Path(env))
    for folder in folders:
        if not folder.is_dir():
            problem = "不是文件夹" if os.path.lexists(folder) else "不存在"
            hint = "--templates 和环境变量 DRAFT_TEMPLATES 应指向存放模板的文件夹"
            raise UsageError(f"模板文件夹 {folder} {problem}", hint)
    return [*folders, templates_folder()]


@functools.cache
def builtin_manifest() -> Manifest:
    """The built-in manifest, with a default entry for each built-in template file it does not list."""
    manifest = read_manifest(templates_folder())
    if manifest is None:
        raise TemplateError(f"内置模板清单 {templates_folder() / 'manifest.yaml'} 缺失", "请重新安装 draft")
    listed = {entry.file for entry in manifest.templates.values()}
    unlisted = sorted(path.stem for path in templates_folder().glob("*.docx") if path.name not in listed)
    extra = {key: ManifestEntry.default(key) for key in unlisted if key not in manifest.templates}
    return manifest.model_copy(update={"templates": {**manifest.templates, **extra}}) if extra else manifest


def find(key: str, override: Path | None = None) -> TemplateRef:
    """The template that serves ``key`` (e.g. "answer", "answer-elements")."""
    builtin, builtin_folder = builtin_manifest(), templates_folder()
    for folder in search_path(override):
        manifest = builtin if folder == builtin_folder else read_manifest(folder) or builtin
        entry = manifest.templates.get(key)
        if entry is None:
            continue
        written = folder / entry.file
        if written.parent.resolve() != folder.resolve():
            raise TemplateError(f"模板清单中的文件名 {entry.file} 指向文件夹之外，已拒绝", "文件名中不要包含路径")
        if not os.path.lexists(written):
            continue
        try:
            path = written.resolve()
        except (OSError, RuntimeError):  # a loop of links
            raise TemplateError(f"{written} 是循环的链接，不能作为模板 {key} 使用", "请删除该链接") from None
        if not is_regular(path):
            raise TemplateError(
                f"{written} 不是普通文件（文件夹、管道、设备或失效的链接），不能作为模板 {key} 使用",
                "请换成 Word 另存的 .docx 文件，或移走它以使用下一处的模板",
            )
        if path.parent != folder.resolve():
            raise TemplateError(f"模板 {written} 链接到文件夹之外的文件，已拒绝", "请把模板文件本身放进该文件夹")
        return TemplateRef(key, path, entry, builtin=folder == builtin_folder)
    raise TemplateError(f"找不到模板 {key}", f"可用模板：{', '.join(builtin.templates)}；用 draft templates list 查看")


@functools.cache
def compiled(path: Path, mtime_ns: int) -> CompiledTemplate:
    """Compile a template once per process (a changed file is compiled again)."""
    return CompiledTemplate(path)


_pinned: dict[tuple[str, Path | None], tuple[TemplateRef, CompiledTemplate]] | None = None


@contextmanager
def pinned() -> Iterator[None]:
    """Within it, each template is found and compiled once: a batch uses the same templates for every
    case, however they change on disk meanwhile (forked workers inherit what was found before they start)."""
    global _pinned
    previous = _pinned
    _pinned = {} if previous is None else previous
    try:
        yield
    finally:
        _pinned = previous


def load(key: str, override: Path | None = None) -> tuple[TemplateRef, CompiledTemplate]:
    if _pinned is not None and (known := _pinned.get((key, override))) is not None:
        return known
    ref = find(key, override)
    found = ref, compiled(ref.path, ref.path.stat().st_mtime_ns)
    if _pinned is not None:
        _pinned[key, override] = found
    return found
