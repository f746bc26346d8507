"""The README and the guide in docs/ name only commands and options that exist, and the README
keeps no figures (they live, dated, in docs/benchmarks.md).

Every `reflect ...` (or `python3 run.py ...`) written in a code span or a code block of
README.md or docs/*.md is read against the command line's own parser: each command and
action must be one of its subcommands, each `--option` one that (sub)command or the top
level takes. Building the site (`mkdocs build --strict`, in CI) checks the links and anchors.
"""

from __future__ import annotations

import argparse
import re
import shlex
from pathlib import Path

import pytest

from reflect.cli.parser import build_parser

ROOT = Path(__file__).resolve().parents[2]
PAGES = sorted((ROOT / "docs").glob("*.md"))
README = ROOT / "README.md"

# a code block, or a code span (which may run over a line break)
CODE = re.compile(r"```[^\n]*\n(.*?)```|`([^`]+)`", re.S)
# "reflect" or "python3 run.py" then what follows on the line, up to a comment or the span's end
MENTION = re.compile(r"(?:^|[\s(\"'])(?:reflect|python3 run\.py)((?:[ \t]+[^\s#;|)`]+)+)", re.M)
NOT_COMMANDS = {"test"}  # `python3 run.py test ...` runs pytest, not reflect


def code_text(path: Path) -> list[str]:
    return [block or span.replace("\n", " ")
            for block, span in CODE.findall(path.read_text(encoding="utf-8"))]


def mentions(path: Path) -> list[list[str]]:
    """The words after each `reflect` in the file's code: ["export", "book", "--draft"]."""
    found = []
    for code in code_text(path):
        for line in code.replace("\\\n", " ").splitlines():
            line = re.sub(r"(^|\s)#.*", "", line)  # a shell comment
            for match in MENTION.finditer(line):
                try:
                    words = shlex.split(match.group(1))
                except ValueError:  # an unclosed quote in an example line cut short
                    words = match.group(1).split()
                if words:
                    found.append(words)
    return found


def subcommands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:  # argparse keeps its subparsers only here
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def options(parser: argparse.ArgumentParser) -> set[str]:
    return {flag for action in parser._actions for flag in action.option_strings}


def problems(words: list[str]) -> list[str]:
    """What in one mention the parser does not know."""
    top = build_parser()
    parser, path, wrong = top, ["reflect"], []
    allowed = options(top)
    value_next = {"--db", "--lang", "--keys"}
    position = 0
    while position < len(words):
        word = words[position].strip("[]")  # [--out FILE]: an optional part of a usage line
        position += 1
        if word.startswith("--"):
            name = word.split("=", 1)[0]
            if name not in allowed:
                wrong.append(f"{' '.join(path)} has no option {name}")
            if name in value_next and "=" not in word:
                position += 1
            continue
        choices = subcommands(parser)
        if not choices:
            continue  # a positional argument: a story, a file, words to search
        if word in ("…", "...") or not re.fullmatch(r"[a-z][a-z-]*", word):
            break  # "reflect …": a command left open on purpose
        if parser is top and word in NOT_COMMANDS:
            break
        if word not in choices:
            wrong.append(f"{' '.join(path)} has no command {word!r}")
            break
        parser = choices[word]
        path.append(word)
        allowed |= options(parser)
        value_next |= {flag for action in parser._actions if action.nargs != 0
                       for flag in action.option_strings}
    return wrong


@pytest.mark.parametrize("path", [README, *PAGES], ids=lambda p: p.name)
def test_every_command_and_option_written_exists(path: Path) -> None:
    found = mentions(path)
    wrong = [f"{' '.join(words)}: {problem}" for words in found for problem in problems(words)]
    assert not wrong, wrong


def test_the_pages_name_the_commands() -> None:
    """The check above reads what it should: the guide names every top-level command."""
    named = {words[0] for page in PAGES for words in mentions(page)}
    assert set(subcommands(build_parser())) - {"run"} <= named


def test_a_command_that_does_not_exist_is_caught() -> None:
    assert problems(["export", "pdf"]) == ["reflect export has no command 'pdf'"]
    assert problems(["search", "home", "--limt", "3"]) == ["reflect search has no option --limt"]
    assert problems(["--db", "x.db", "export", "book", "--draft"]) == []


def test_the_readme_is_short_and_keeps_no_figures() -> None:
    text = README.read_text(encoding="utf-8")
    assert len(text.splitlines()) <= 120
    figures = re.findall(r"\d[\d,.]*\s?(?:ms|s|MB|GB|kB|x)\b", text)
    assert not figures, f"figures belong in docs/benchmarks.md, dated: {figures}"


def test_the_readme_quick_start_is_the_two_commands() -> None:
    text = README.read_text(encoding="utf-8")
    block = text.split("## Quick start", 1)[1].split("```sh\n", 1)[1].split("```", 1)[0]
    commands = [line.split("#")[0].strip() for line in block.splitlines()]
    assert commands == ["python3 run.py", "python3 run.py test"]


def test_the_readme_links_every_page() -> None:
    text = README.read_text(encoding="utf-8")
    linked = set(re.findall(r"\]\(docs/([\w-]+\.md)", text))
    assert {page.name for page in PAGES} <= linked


def test_the_sections_the_app_names_are_there() -> None:
    """Messages of the app send the reader to these sections by name."""
    headings = {line.lstrip("#").strip() for page in PAGES
                for line in page.read_text(encoding="utf-8").splitlines()
                if line.startswith("#")}
    assert {"Languages and right-to-left text", "What an erasure cannot reach", "Limits",
            "Translating reflect", "Architecture"} <= headings


def test_the_benchmark_figures_are_dated() -> None:
    table = [line for line in (ROOT / "docs" / "benchmarks.md").read_text().splitlines()
             if line.startswith("| ") and not line.startswith("| date")]
    assert table and all(re.match(r"\| \**\d{4}-\d\d-\d\d", row) for row in table), table
