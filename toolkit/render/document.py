"""A rendered document before it is written: what the renderer gives the checks and the writer."""

from dataclasses import dataclass

from toolkit.render.prepared import Entry
from toolkit.render.xmltext import PartText


@dataclass(frozen=True)
class RenderedDocument:
    """A rendered document: its bytes and its text, paragraph by paragraph."""

    kind: str
    template: str
    docx: bytes
    paragraphs: tuple[str, ...]  # body paragraphs and table cells in document order, whitespace-normalized
    body: PartText | None = None  # the body as the renderer parsed it (None: the checks parse it themselves)
    members: tuple[Entry, ...] = ()  # the zip's members as the renderer wrote them (none: read from the zip)

    @property
    def text(self) -> str:
        return "\n".join(self.paragraphs)
