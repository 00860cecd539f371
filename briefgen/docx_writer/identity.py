"""The draft's identity inside the DOCX: custom document properties naming year, host and figures.

Word and LibreOffice both keep custom properties (docProps/custom.xml) when they save, so
``briefgen review`` can read an edited draft without its manifest. Values are cut into pieces
of at most 255 characters, the length Word keeps for a text property.
"""

from __future__ import annotations

from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
from docx.opc.packuri import PackURI
from docx.opc.part import Part

from briefgen.docx_writer.oxml import escape
from briefgen.draft_identity import PROPERTY_PREFIX, split_payload

_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"
_NS = ('xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
       'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"')


def custom_properties_xml(properties: dict[str, str]) -> bytes:
    """Return docProps/custom.xml holding *properties* as text values."""
    items = "".join(f'<property fmtid="{_FMTID}" pid="{pid}" name="{escape(name)}">'
                    f"<vt:lpwstr>{escape(value)}</vt:lpwstr></property>"
                    for pid, (name, value) in enumerate(properties.items(), start=2))
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties {_NS}>{items}'
            "</Properties>").encode("utf-8")


def add_identity(document, payload: str) -> None:
    """Store *payload* (the draft's identity as JSON) in the document's custom properties."""
    pieces = {f"{PROPERTY_PREFIX}{index:03d}": piece for index, piece in enumerate(split_payload(payload))}
    package = document.part.package
    part = Part(PackURI("/docProps/custom.xml"), CONTENT_TYPE.OFC_CUSTOM_PROPERTIES,
                custom_properties_xml(pieces), package)
    package.relate_to(part, RELATIONSHIP_TYPE.CUSTOM_PROPERTIES)
