"""A template made schema-valid before it is compiled, so Word (and Word for the web) opens what it gives.

Word writes the properties of a paragraph, a run, a table and a cell in the order of the Office Open XML
schema (CT_PPr, CT_RPr, CT_TblPr, CT_TcPr are sequences); a template edited by hand, or by a tool, may not:
``<w:jc>`` before ``<w:ind>``, ``<w:keepNext>`` after ``<w:spacing>``. Desktop Word repairs such a file
silently; Word for the web opens it read-only as corrupt. Every template is therefore normalised when it
is compiled (a firm's own templates too): the children of those elements are put in schema order, an
element the schema does not list keeps its place after the known ones, and the optional
``stylesWithEffects.xml`` part (Word 2010's copy of the styles, which disagrees with ``styles.xml`` as soon
as the styles are edited) is dropped with its relationship and content type.
"""

from __future__ import annotations

import io
import re
import zipfile

from lxml import etree

from toolkit.render.xmltext import W

_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)

# ECMA-376 Part 1, the sequences of CT_PPr, CT_RPr, CT_TblPr and CT_TcPr (Office 2016 schema).
_ORDERS: dict[str, str] = {
    "pPr": (
        "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr suppressLineNumbers pBdr shd "
        "tabs suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct autoSpaceDE autoSpaceDN bidi "
        "adjustRightInd snapToGrid spacing ind contextualSpacing mirrorIndents suppressOverlap jc "
        "textDirection textAlignment textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange"
    ),
    "rPr": (
        "ins del moveFrom moveTo rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow "
        "emboss imprint noProof snapToGrid vanish webHidden color spacing w kern position sz szCs highlight "
        "u effect bdr shd fitText vertAlign rtl cs em lang eastAsianLayout specVanish oMath rPrChange"
    ),
    "tblPr": (
        "tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize tblW jc "
        "tblCellSpacing tblInd tblBorders shd tblLayout tblCellMar tblLook tblCaption tblDescription "
        "tblPrChange"
    ),
    "tcPr": (
        "cnfStyle tcW gridSpan hMerge vMerge tcBorders shd noWrap tcMar textDirection tcFitText vAlign "
        "hideMark headers cellIns cellDel cellMerge tcPrChange"
    ),
}
_RANKS = {
    f"{W}{parent}": {f"{W}{name}": rank for rank, name in enumerate(names.split())} for parent, names in _ORDERS.items()
}
_PARTS = re.compile(r"^word/(document|styles|numbering|header\d*|footer\d*|footnotes|endnotes)\.xml$")
_EFFECTS = "word/stylesWithEffects.xml"


def order_properties(root: etree._Element) -> int:
    """Put the children of every pPr, rPr, tblPr and tcPr under ``root`` in schema order; the number fixed."""
    fixed = 0
    for parent_tag, ranks in _RANKS.items():
        for parent in root.iter(parent_tag):
            children = list(parent)
            ordered = sorted(children, key=lambda child: ranks.get(child.tag, len(ranks)))
            if ordered != children:
                parent[:] = ordered
                fixed += 1
    return fixed


def normalize_package(source: bytes) -> bytes:
    """The .docx ``source`` with its properties in schema order and without stylesWithEffects.xml (the same
    bytes when nothing needed fixing)."""
    with zipfile.ZipFile(io.BytesIO(source)) as archive:
        entries = [(info, archive.read(info)) for info in archive.infolist()]
    changed = False
    result: list[tuple[zipfile.ZipInfo, bytes]] = []
    for info, data in entries:
        if info.filename == _EFFECTS:
            changed = True
            continue
        if _PARTS.match(info.filename):
            root = etree.fromstring(data, _PARSER)
            if order_properties(root):
                data, changed = _serialized(root), True
        elif info.filename in ("[Content_Types].xml", "word/_rels/document.xml.rels") and b"stylesWithEffects" in data:
            data, changed = _without_effects(data), True
        result.append((info, data))
    if not changed:
        return source
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for info, data in result:
            archive.writestr(info, data)
    return buffer.getvalue()


def _serialized(root: etree._Element) -> bytes:
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


def _without_effects(data: bytes) -> bytes:
    """[Content_Types].xml or the document's relationships without the entry for stylesWithEffects.xml."""
    root = etree.fromstring(data, _PARSER)
    for child in list(root):
        if "stylesWithEffects" in (child.get("PartName") or "") + (child.get("Target") or ""):
            root.remove(child)
    return _serialized(root)
