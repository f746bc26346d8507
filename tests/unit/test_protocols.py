"""Protocol files: the shipped ones are valid; broken ones say file, line, field and what to do."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from reflect import paths
from reflect.cli import main
from reflect.protocol.catalog import load_catalog
from reflect.protocol.definition import ProtocolError, load_protocol_file
from reflect.roles import Role
from tests.conftest import PROMPTS

GOOD = """\
id: mini
version: "1"
title: Mini interview
kind: interview
roles: [client]
consent:
  version: c1
  text: Do you agree?
stages:
  - id: only
    title: Only stage
    questions:
      - id: q1
        prompt: What happened?
"""


def write(tmp_path: Path, text: str, name: str = "p.yaml") -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text))
    return path


def problems_of(path: Path) -> list:
    with pytest.raises(ProtocolError) as caught:
        load_protocol_file(path)
    return caught.value.problems


def test_shipped_protocols_are_valid_and_cover_both_roles():
    catalog = load_catalog([PROMPTS])
    assert catalog.problems == []
    practitioner = catalog.get("lfs-practitioner")
    client = catalog.get("lfs-client")
    assert Role.SOCIAL_WORKER in practitioner.roles and Role.CLIENT in client.roles
    for protocol in (practitioner, client):
        assert protocol.consent is not None and protocol.introduction
        assert len(protocol.stages) >= 5
        assert all(stage.guidance and stage.minutes for stage in protocol.stages)
        assert any(question.probes for question in protocol.questions)
    assert catalog.for_role(Role.CLIENT)[0].id == "lfs-client"
    assert catalog.for_role(Role.SUPERVISOR)[0].id == "lfs-practitioner"


def test_unknown_key_names_line_field_and_suggests(tmp_path):
    path = write(tmp_path, GOOD.replace("        prompt: What happened?",
                                        "        prompt: What happened?\n        probs: [x]"))
    [problem] = problems_of(path)
    assert problem.line == 15
    assert problem.where == "stages[0].questions[0].probs"
    assert "unknown field 'probs'" in problem.message and "did you mean 'probes'" in problem.message
    assert str(problem).startswith(f"{path}:15: stages[0].questions[0].probs:")


def test_missing_field_and_bad_value_are_both_reported(tmp_path):
    text = GOOD.replace("title: Mini interview\n", "").replace("kind: interview", "kind: chat")
    problems = problems_of(write(tmp_path, text))
    messages = {p.where: p.message for p in problems}
    assert messages["title"] == "required field 'title' is missing"
    assert "'interview' or 'reflection'" in messages["kind"]
    assert [p.line for p in problems if p.where == "kind"] == [3]


def test_yaml_syntax_error_gives_line(tmp_path):
    [problem] = problems_of(write(tmp_path, GOOD.replace("title: Mini interview",
                                                         "title: [unclosed")))
    assert problem.line is not None and "not valid YAML" in problem.message


def test_duplicate_key_and_duplicate_question_ids(tmp_path):
    [problem] = problems_of(write(tmp_path, GOOD + "title: Again\n"))
    assert problem.where == "title" and "appears twice" in problem.message and problem.line == 15
    twice = GOOD + "      - id: q1\n        prompt: Again?\n"
    [problem] = problems_of(write(tmp_path, twice, "twice.yaml"))
    assert "question id 'q1' is used twice" in problem.message


def test_interview_without_consent_is_refused(tmp_path):
    text = GOOD.replace("consent:\n  version: c1\n  text: Do you agree?\n", "")
    [problem] = problems_of(write(tmp_path, text))
    assert "needs a 'consent' block" in problem.message


def test_not_a_mapping_and_not_utf8(tmp_path):
    [problem] = problems_of(write(tmp_path, "- just\n- a list\n"))
    assert "must be a YAML mapping" in problem.message
    binary = tmp_path / "bin.yaml"
    binary.write_bytes(b"id: \xff\xfe\n")
    [problem] = problems_of(binary)
    assert "not UTF-8" in problem.message


def test_catalog_keeps_good_files_and_reports_bad_ones(tmp_path):
    user = paths.user_protocols_dir()
    write(user, GOOD, "mini.yaml")
    write(user, GOOD.replace("id: mini", "id: lfs-client"), "clash.yaml")
    write(user, "id: [", "broken.yaml")
    catalog = load_catalog()
    assert {"lfs-client", "lfs-practitioner", "mini"} <= set(catalog.protocols)
    assert catalog.is_user_protocol("mini") and not catalog.is_user_protocol("lfs-client")
    reported = {p.path.name for p in catalog.problems}
    assert reported == {"clash.yaml", "broken.yaml"}
    clash = next(p for p in catalog.problems if p.path.name == "clash.yaml")
    assert "already used by" in clash.message


def test_cli_validate_and_list(tmp_path, capsys):
    good = write(tmp_path, GOOD, "good.yaml")
    bad = write(tmp_path, GOOD.replace("kind: interview", "kind: chat"), "bad.yaml")
    assert main(["protocols", "validate", str(good)]) == 0
    assert "ok (interview 'mini', 1 stages, 1 questions)" in capsys.readouterr().out
    assert main(["protocols", "validate", str(good), str(bad)]) == 1
    err = capsys.readouterr().err
    assert f"{bad}:4: kind:" in err and "Traceback" not in err
    assert main(["protocols", "list"]) == 0
    out = capsys.readouterr().out
    assert "lfs-practitioner" in out and "lfs-client" in out


def test_content_hash_changes_with_content():
    catalog = load_catalog([PROMPTS])
    protocol = catalog.get("lfs-client")
    changed = protocol.model_copy(update={"title": "Other"})
    assert protocol.content_hash != changed.content_hash
    assert len(protocol.content_hash) == 64


def test_an_alias_bomb_is_refused_within_two_seconds(tmp_path):
    import time

    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for n in range(1, 12):
        lines.append(f"a{n}: &a{n} [" + ", ".join([f"*a{n - 1}"] * 9) + "]")
    lines.append("id: bomb\nversion: '1'\ntitle: x\nkind: interview\nstages: *a11")
    path = tmp_path / "bomb.yaml"
    path.write_text("\n".join(lines))
    assert path.stat().st_size < 1000
    started = time.monotonic()
    with pytest.raises(ProtocolError) as caught:
        load_protocol_file(path)
    assert time.monotonic() - started < 2
    [problem] = caught.value.problems
    assert "bomb.yaml" in str(problem) and "aliases" in str(problem)
