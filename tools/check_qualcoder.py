"""Check a reflect .qdpx with QualCoder's own REFI-QDA importer: every coding keeps its code
and its exact text (Hebrew, Arabic, emoji, CR LF typed), every note and variable arrives.

Outside the test suite: it needs PyQt6 and a QualCoder checkout, which CI does not install.
Run it from a reflect checkout with reflect's Python, naming a Python that has PyQt6 (a
throwaway venv, never reflect's own):

    git clone https://github.com/ccbogel/QualCoder /tmp/qc/QualCoder   # or any tag: 3.8.2
    python3 -m venv /tmp/qc/venv && /tmp/qc/venv/bin/pip install PyQt6
    .venv/bin/python tools/check_qualcoder.py --qualcoder /tmp/qc/QualCoder \\
        --qt-python /tmp/qc/venv/bin/python [--lang he] [--keep /tmp/qc/out]

What it does: (1) with reflect, makes a database holding the demo set plus interviews with
Hebrew, Arabic and emoji answers (one typed with CR LF line ends), two principles whose "do"
part is the same, evidence excerpts on all of them and interviewer notes; exports it as
.qdpx; (2) in the PyQt6 Python, headless (QT_QPA_PLATFORM=offscreen), creates an empty
QualCoder project with the tables QualCoder's own `new_project` creates (read from its
source) and runs `RefiImport.import_project` on the file, its file dialog answered with the
file and its closing message box skipped (qualcoder.helpers is replaced by a stand-in: it
only shows dialogs and pulls in PDF and image libraries the importer does not use here);
(3) compares what QualCoder stored with the project: each coding's code name and text
(`code_text.seltext`, which QualCoder cuts from the source text at the given positions)
against the excerpt reflect holds, the notes (QualCoder's annotations), the variables (its
attributes). Exits 0 when everything matches; prints what QualCoder does differently.
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path
from typing import Any

NS = "{urn:QDA-XML:project:1.0}"

WORDS = {
    "he": ("בהתחלה היא לא רצתה לדבר.\r\nאחר כך ישבנו במטבח, והיא סיפרה על הבית. 🙂",
           "ישבנו במטבח"),
    "ar": ("في البداية رفضت الكلام.\nثم جلسنا في المطبخ وحكت عن البيت 👩‍👧‍👦 كله.",
           "جلسنا في المطبخ"),
    "emoji": ("We 👍🏽 agreed: first 🏠, then school 🎒.\r\n\r\nShe came back ✨ in May.",
              "She came back ✨ in May"),
}


# --- step 1: reflect's side ----------------------------------------------------------------
def make_project(folder: Path, language: str = "en") -> tuple[Path, dict[str, Any]]:
    """The demo set and the multilingual interviews exported as .qdpx (names and headings in
    `language`), with what every coding, note and source variable should be in QualCoder."""
    from reflect import i18n
    from reflect.exchange.demo import load_demo
    from reflect.exchange.qdpx import export_qdpx
    from reflect.protocol.catalog import load_catalog
    from reflect.roles import Role
    from reflect.store import ConsentRecord, Store
    from reflect.store.engine import open_engine

    store = Store(open_engine(str(folder / "reflect.db")))
    catalog = load_catalog()  # the shipped protocols (and the user's)
    load_demo(store, catalog)
    protocol = catalog.get("lfs-practitioner")
    assert protocol is not None
    story = store.create_story("בית ספר · مدرسة · 🏫", "Family support")
    for words, (text, quoted) in WORDS.items():
        informant = store.add_informant(story.id, f"Informant {words}", Role.CLIENT)
        session = store.start_interview(informant.id, protocol,
                                        ConsentRecord(True, "verbal", "Ana"))
        answer = store.save_answer(session.id, "success-what", text=text, flag_quote=True)
        for action in ("Sit down in the kitchen first", "Sit down in the kitchen first."):
            principle = store.add_principle(story.id, action=action, situation=words)
            start = answer.text.index(quoted)
            store.add_evidence(principle.id, answer.id, start, start + len(quoted))
        store.add_note(session.id, "success-what", f"{words}: שקט ארוך · صمت 🤫", "Ana",
                       code=95)
    path = folder / "reflect.qdpx"
    i18n.use(language)
    export_qdpx(store, path)
    store.engine.dispose()

    from lxml import etree  # type: ignore[import-untyped]

    with zipfile.ZipFile(path) as archive:
        root = etree.fromstring(archive.read("project.qde"))
        texts = {name.removeprefix("sources/").removesuffix(".txt"):
                 archive.read(name).decode("utf-8")
                 for name in archive.namelist() if name.startswith("sources/")}
    codes = {c.get("guid"): c.get("name") for c in root.iter(f"{NS}Code")}
    variables = {v.get("guid"): v.get("name") for v in root.iter(f"{NS}Variable")}
    expected: dict[str, Any] = {"codings": [], "notes": [], "file_variables": [],
                                "codes": sorted(codes.values())}
    for source in root.iter(f"{NS}TextSource"):
        text = texts[source.get("guid")]
        for selection in source.findall(f"{NS}PlainTextSelection"):
            start, end = int(selection.get("startPosition")), int(selection.get("endPosition"))
            for ref in selection.iter(f"{NS}CodeRef"):
                expected["codings"].append([source.get("name"), codes[ref.get("targetGUID")],
                                            text[start:end]])
        for value in source.findall(f"{NS}VariableValue"):
            expected["file_variables"].append(
                [source.get("name"), variables[value.find(f"{NS}VariableRef").get("targetGUID")],
                 value.findtext(f"{NS}TextValue")])
    sources_of_notes = {ref.get("targetGUID"): source.get("name")
                        for source in root.iter(f"{NS}TextSource")
                        for ref in source.findall(f"{NS}NoteRef")}
    for note in root.iter(f"{NS}Note"):
        selection = note.find(f"{NS}PlainTextSelection")
        text = texts[next(s.get("guid") for s in root.iter(f"{NS}TextSource")
                          if s.get("name") == sources_of_notes[note.get("guid")])]
        start, end = int(selection.get("startPosition")), int(selection.get("endPosition"))
        expected["notes"].append([sources_of_notes[note.get("guid")],
                                  note.findtext(f"{NS}PlainTextContent"), text[start:end]])
    return path, expected


# --- step 2: QualCoder's side (in the PyQt6 Python; imports nothing of reflect) ------------
def qualcoder_tables(main_source: str) -> list[str]:
    """The CREATE TABLE statements of QualCoder's own `new_project`."""
    tree = ast.parse(main_source)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and node.name == "new_project":
            for call in ast.walk(node):
                if isinstance(call, ast.Call) and call.args and \
                        isinstance(call.args[0], ast.Constant) and \
                        isinstance(call.args[0].value, str) and \
                        call.args[0].value.upper().startswith("CREATE TABLE"):
                    found.append(call.args[0].value)
    return found


def run_qualcoder(qualcoder: Path, qdpx: Path, project: Path) -> dict[str, Any]:
    """Import the file with QualCoder's RefiImport into a new project; what it stored."""
    import builtins
    import types

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if not callable(getattr(builtins, "_", None)):
        builtins._ = lambda text: text  # type: ignore[attr-defined]
    sys.path.insert(0, str(qualcoder / "src"))
    from PyQt6 import QtWidgets  # type: ignore[import-not-found]

    application = QtWidgets.QApplication(["check_qualcoder"])
    messages: list[str] = []

    class Message:  # qualcoder.helpers.Message: a dialog; here its text is kept
        def __init__(self, _app: Any, title: str, text: str, *_args: Any) -> None:
            messages.append(f"{title}: {text}")

        def exec(self) -> int:
            return 0

    helpers = types.ModuleType("qualcoder.helpers")
    helpers.Message = Message  # type: ignore[attr-defined]
    sys.modules["qualcoder.helpers"] = helpers
    from qualcoder import refi  # type: ignore[import-not-found]

    (project / "documents").mkdir(parents=True)
    conn = sqlite3.connect(project / "data.qda")
    for statement in qualcoder_tables((qualcoder / "src" / "qualcoder" / "__main__.py")
                                      .read_text(encoding="utf-8")):
        conn.execute(statement)
    conn.commit()

    class Log:
        def append(self, text: str) -> None:
            messages.append(text)

    app = types.SimpleNamespace(
        conn=conn, project_path=str(project), ai_models=None, project_events=None,
        settings={"directory": str(qdpx.parent), "codername": "default", "ai_enable": "False"},
        write_config_ini=lambda *_args: None)
    refi.QtWidgets.QFileDialog.getOpenFileName = staticmethod(
        lambda *_args, **_kwargs: (str(qdpx), "qdpx"))
    refi.RefiImport(app, Log(), "qdpx")
    application.processEvents()
    query = conn.execute
    stored = {
        "codes": sorted(name for (name,) in query("select name from code_name")),
        "codings": [list(row) for row in query(
            "select source.name, code_name.name, code_text.seltext from code_text "
            "left join code_name on code_name.cid = code_text.cid "
            "join source on source.id = code_text.fid")],
        "notes": [list(row) for row in query(
            "select source.name, annotation.memo, substr(source.fulltext, annotation.pos0 + 1, "
            "annotation.pos1 - annotation.pos0) from annotation "
            "join source on source.id = annotation.fid")],
        "file_variables": [list(row) for row in query(
            "select source.name, attribute.name, attribute.value from attribute "
            "join source on source.id = attribute.id where attribute.attr_type = 'file'")],
        "variable_kinds": dict(query("select name, caseOrFile from attribute_type").fetchall()),
        "cases": [name for (name,) in query("select name from cases")],
        "case_links": query("select count(*) from case_text").fetchone()[0],
        "messages": messages,
    }
    conn.close()
    return stored


# --- step 3: the comparison ----------------------------------------------------------------
def compare(expected: dict[str, Any], stored: dict[str, Any]) -> list[str]:
    problems = []

    def sort(rows: list[list[Any]]) -> list[list[Any]]:
        return sorted(rows, key=lambda row: [str(value) for value in row])

    if sorted(expected["codes"]) != sorted(stored["codes"]):
        problems.append(f"codes differ: the project names {len(expected['codes'])} codes, "
                        f"QualCoder kept {len(stored['codes'])}: "
                        f"{sorted(set(expected['codes']) ^ set(stored['codes']))}")
    missing = [row for row in expected["codings"] if row not in stored["codings"]]
    extra = [row for row in stored["codings"] if row not in expected["codings"]]
    problems += [f"coding lost or changed: {row}" for row in missing]
    problems += [f"coding QualCoder made: {row}" for row in extra]
    if sort(expected["notes"]) != sort(stored["notes"]):
        problems.append(f"notes differ: {expected['notes']} != {stored['notes']}")
    file_variables = [row for row in stored["file_variables"]
                      if stored["variable_kinds"].get(row[1]) == "file"]
    if sort(expected["file_variables"]) != sort(file_variables):
        problems.append("source variables differ")
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--qualcoder", type=Path, required=True, help="a QualCoder checkout")
    parser.add_argument("--qt-python", default=sys.executable,
                        help="a Python with PyQt6 (default: this one)")
    parser.add_argument("--keep", type=Path, help="a folder to keep the files in")
    parser.add_argument("--lang", default="en", help="the export's language (en, he, ar...)")
    parser.add_argument("--import-only", nargs=2, type=Path, metavar=("QDPX", "PROJECT"),
                        help=argparse.SUPPRESS)  # step 2, run in the PyQt6 Python
    args = parser.parse_args()
    if args.import_only:
        print(json.dumps(run_qualcoder(args.qualcoder, *args.import_only), ensure_ascii=False))
        return 0
    folder = args.keep or Path(tempfile.mkdtemp(prefix="check-qualcoder-"))
    folder.mkdir(parents=True, exist_ok=True)
    if any(folder.iterdir()):
        parser.error(f"{folder} is not empty")
    qdpx, expected = make_project(folder, args.lang)
    done = subprocess.run(
        [args.qt_python, __file__, "--qualcoder", str(args.qualcoder), "--import-only",
         str(qdpx), str(folder / "qualcoder-project")],
        capture_output=True, text=True, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        check=False)
    if done.returncode != 0:
        print(done.stdout, done.stderr, sep="\n")
        return 2
    stored = json.loads(done.stdout.strip().splitlines()[-1])
    problems = compare(expected, stored)
    print(f"{len(expected['codings'])} codings, {len(expected['codes'])} codes, "
          f"{len(expected['notes'])} notes, {len(expected['file_variables'])} source "
          f"variable values in the .qdpx")
    print(f"QualCoder stored {len(stored['codings'])} codings, {len(stored['codes'])} codes, "
          f"{len(stored['notes'])} annotations, {len(stored['cases'])} cases "
          f"({stored['case_links']} case-source links)")
    case_kinds = sorted(name for name, kind in stored["variable_kinds"].items()
                        if kind == "case")
    print(f"variables QualCoder keeps for cases: {case_kinds}; for files: "
          f"{sorted(n for n, k in stored['variable_kinds'].items() if k == 'file')}")
    for problem in problems:
        print("PROBLEM", problem)
    print("every coding keeps its code and its exact text" if not problems else
          f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
