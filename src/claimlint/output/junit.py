"""JUnit XML for CI test reports (GitLab, Jenkins): a suite per file, a test case per finding."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import TextIO

from claimlint.findings import FileResult, Finding
from claimlint.report import Report
from claimlint.rules import Applicability

# Characters XML 1.0 cannot carry at all, not even escaped.
NOT_XML = re.compile("[^\x09\x0a\x0d\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _clean(element: ET.Element) -> None:
    for node in element.iter():
        node.attrib = {k: NOT_XML.sub("\ufffd", v) for k, v in node.attrib.items()}
        if node.text:
            node.text = NOT_XML.sub("\ufffd", node.text)


def _details(f: Finding) -> str:
    lines = [f"{f.path}:{f.line}:{f.column}: {f.severity.value} {f.code} {f.message}"]
    if f.sentence:
        lines.append(f"In: {f.sentence}")
    for s in f.suggestions:
        label = "Advice" if s.applicability is Applicability.DISPLAY else f"Rewrite ({s.applicability.value})"
        lines.append(f"{label}: {s.replacement}")
    return "\n".join(lines)


def suite(result: FileResult) -> ET.Element:
    """The test suite for one file: a failing case per finding, or one passing case."""
    findings = result.findings
    element = ET.Element(
        "testsuite",
        {
            "name": result.path,
            "tests": str(max(len(findings), 1)),
            "failures": str(len(findings)),
            "errors": "1" if result.error else "0",
            "skipped": "0",
            "time": "0",
        },
    )
    if result.error:
        case = ET.SubElement(
            element, "testcase", {"classname": result.path, "name": "read file", "file": result.path, "time": "0"}
        )
        ET.SubElement(case, "error", {"message": result.error, "type": "InputError"}).text = result.error
        return element
    if not findings:
        ET.SubElement(
            element, "testcase", {"classname": result.path, "name": "no claims found", "file": result.path, "time": "0"}
        )
    for f in findings:
        case = ET.SubElement(
            element,
            "testcase",
            {
                "classname": result.path,
                "name": f"{f.code} {f.name} at line {f.line}, column {f.column}",
                "file": f.path,
                "line": str(f.line),
                "time": "0",
            },
        )
        failure = ET.SubElement(case, "failure", {"message": f.message, "type": f"{f.severity.value} {f.code}"})
        failure.text = _details(f)
    return element


def document(report: Report) -> ET.Element:
    """The whole report as a <testsuites> element."""
    suites = [suite(r) for r in report.files]
    root = ET.Element(
        "testsuites",
        {
            "name": "claimlint",
            "tests": str(sum(int(s.get("tests", "0")) for s in suites)),
            "failures": str(sum(int(s.get("failures", "0")) for s in suites)),
            "errors": str(sum(int(s.get("errors", "0")) for s in suites)),
            "time": "0",
        },
    )
    root.extend(suites)
    return root


def render(report: Report, stream: TextIO, color: bool) -> None:
    """Write the JUnit XML document."""
    root = document(report)
    _clean(root)
    tree = ET.ElementTree(root)
    ET.indent(tree)
    stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    tree.write(stream, encoding="unicode")
    stream.write("\n")
