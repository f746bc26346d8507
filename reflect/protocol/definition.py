"""Protocol files: YAML, validated by pydantic into a `Protocol`, with errors that say where.

A broken file never stops the others from loading: `reflect.protocol.catalog.load_catalog`
collects every problem (file, line, field, what is wrong) and keeps the protocols that are
valid.
"""

from __future__ import annotations

import difflib
import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator
from pydantic_core import ErrorDetails

from reflect import limits
from reflect.i18n import _
from reflect.protocol.yaml_nodes import MAX_EXPANDED_NODES, expands_too_far, node_at
from reflect.roles import Role

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's parser when PyYAML has it (several times faster), else the pure-Python one."""

Slug = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_-]*$", max_length=64)]
NonEmpty = Annotated[str, Field(min_length=1)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


QuestionType = Literal["text", "scale", "choice", "multi", "checklist", "list", "actions"]
"""text: free text. scale: a number on a labelled scale. choice: one option. multi/checklist:
any of the options. list: several short items (one per line). actions: the action plan (steps
with optional review dates, stored as action items)."""

TYPED_ANSWERS = {"scale", "choice", "multi", "checklist", "list"}


class Scale(_Strict):
    min: int = 1
    max: int = 5
    labels: dict[int, NonEmpty] = {}
    """Words for some or all points, e.g. {1: never, 5: always}."""

    @model_validator(mode="after")
    def _check_range(self) -> Scale:
        if not self.min < self.max <= self.min + 10:
            raise ValueError(_("a scale needs min < max, with at most 11 points"))
        if outside := [k for k in self.labels if not self.min <= k <= self.max]:
            raise ValueError(_("scale labels {outside} are outside {min}..{max}").format(
                                 outside=outside, min=self.min, max=self.max))
        return self

    def label(self, point: int) -> str:
        return self.labels.get(point, "")


class Question(_Strict):
    id: Slug
    prompt: NonEmpty
    probes: list[NonEmpty] = []
    """Follow-up prompts the interviewer can use to press for specifics."""
    type: QuestionType = "text"
    required: bool = False
    """A required question must be answered or explicitly skipped before completing."""
    help: str = ""
    """A hint for the person answering (or the interviewer)."""
    options: list[NonEmpty] = []
    """The choices of a choice, multi or checklist question."""
    scale: Scale | None = None
    """The points of a scale question (1 to 5 when not given)."""
    note: str = ""
    """For typed questions: the label of a free-text note beside the value (e.g. 'Example');
    empty means no note."""

    @model_validator(mode="after")
    def _check_type_fields(self) -> Question:
        if self.type in ("choice", "multi", "checklist"):
            if len(self.options) < 2:
                raise ValueError(_("a {type} question needs at least two "
                                   "'options'").format(type=self.type))
            if len(set(self.options)) != len(self.options):
                raise ValueError(_("two options are the same; options must differ"))
        elif self.options:
            raise ValueError(_("'options' only go with choice, multi or checklist, "
                               "not {type}").format(type=self.type))
        if self.scale is not None and self.type != "scale":
            raise ValueError(_("'scale' only goes with type scale, not {type}").format(
                type=self.type))
        if self.note and self.type not in TYPED_ANSWERS:
            raise ValueError(_("'note' only goes with scale, choice, multi, checklist or list"))
        return self

    @property
    def points(self) -> Scale:
        return self.scale or Scale()

    def check_value(self, value: Any) -> Any:
        """The value normalised for storage; ValueError with a plain reason if it does not fit."""
        if value is None:
            return None
        if self.type == "scale":
            if isinstance(value, bool) or not isinstance(value, int):
                raise ValueError(_("a scale answer is a whole number"))
            if not self.points.min <= value <= self.points.max:
                raise ValueError(_("choose from {min} to {max}").format(min=self.points.min,
                                                                         max=self.points.max))
            return value
        if self.type == "choice":
            if value not in self.options:
                raise ValueError(_("'{value}' is not one of the options").format(value=value))
            return value
        if self.type in ("multi", "checklist"):
            chosen = list(value)
            if unknown := [v for v in chosen if v not in self.options]:
                raise ValueError(_("{unknown} are not among the options").format(unknown=unknown))
            return [option for option in self.options if option in chosen]
        if self.type == "list":
            return [item.strip() for item in value if str(item).strip()]
        raise ValueError(_("a {type} question takes text, not a value").format(type=self.type))


class Stage(_Strict):
    id: Slug
    title: NonEmpty
    guidance: str = ""
    """What the interviewer should aim for in this stage; shown beside every question."""
    minutes: Annotated[int, Field(ge=1, le=600)] | None = None
    """Suggested length of the stage."""
    topic: str = ""
    """The topic this stage covers across protocols (e.g. 'before'), so the principles
    workshop can put the worker's and the client's answers side by side."""
    questions: Annotated[list[Question], Field(min_length=1)]


class Consent(_Strict):
    version: NonEmpty
    """Changes whenever the text changes, so each consent record names the text agreed to."""
    text: NonEmpty


class Balance(_Strict):
    """When is a self-critique one-sided, and what to ask then. Lives in the protocol file."""

    positive: list[Slug] = []
    """Questions whose entries count as strengths (each list item or text line is one)."""
    negative: list[Slug] = []
    """Questions whose entries count as weaknesses, mistakes, things to improve."""
    rating_positive_from: int | None = None
    """Scale ratings at or above this count as positive."""
    rating_negative_to: int | None = None
    """Scale ratings at or below this count as negative."""
    min_entries: Annotated[int, Field(ge=1)] = 3
    """Say nothing before this many entries in all."""
    max_ratio: Annotated[float, Field(ge=1)] = 3.0
    """One side counts as one-sided when it has more than max_ratio times the other."""
    ask_for_positive: NonEmpty
    """Shown when only faults are seen."""
    ask_for_negative: NonEmpty
    """Shown when only strengths are seen."""


class Protocol(_Strict):
    id: Slug
    version: NonEmpty
    title: NonEmpty
    kind: Literal["interview", "reflection"]
    roles: list[Role] = []
    """Informant roles this interview protocol is written for."""
    language: str = "en"
    review: str = ""
    """For a translation: who has checked it, or that it still needs a native speaker's review."""
    description: str = ""
    introduction: str = ""
    """Read out (or read) before the first question."""
    consent: Consent | None = None
    balance: Balance | None = None
    stages: Annotated[list[Stage], Field(min_length=1)]

    @model_validator(mode="after")
    def _check_ids_and_consent(self) -> Protocol:
        if self.kind == "interview" and self.consent is None:
            raise ValueError(_("an interview protocol needs a 'consent' block (version and text)"))
        seen: set[str] = set()
        for question in self.questions:
            if question.id in seen:
                raise ValueError(_("question id '{id}' is used twice; ids must be "
                                   "unique").format(id=question.id))
            seen.add(question.id)
        stage_ids = [s.id for s in self.stages]
        if len(stage_ids) != len(set(stage_ids)):
            raise ValueError(_("two stages share an id; stage ids must be unique"))
        if self.balance is not None:
            named = [*self.balance.positive, *self.balance.negative]
            if unknown := [qid for qid in named if qid not in seen]:
                raise ValueError(_("balance names questions that do not exist: "
                                   "{unknown}").format(unknown=unknown))
        if sum(q.type == "actions" for q in self.questions) > 1:
            raise ValueError(_("a protocol has at most one 'actions' question (the action plan)"))
        return self

    @property
    def questions(self) -> list[Question]:
        return [q for stage in self.stages for q in stage.questions]

    def stage_of(self, question_id: str) -> Stage:
        for stage in self.stages:
            if any(q.id == question_id for q in stage.questions):
                return stage
        raise KeyError(question_id)

    def canonical_json(self) -> str:
        # without an empty review note, so protocols written before it keep their hash
        return self.model_dump_json(exclude=None if self.review else {"review"})

    @property
    def content_hash(self) -> str:
        return hashlib.sha256(self.canonical_json().encode()).hexdigest()


_ALL_FIELD_NAMES = sorted(
    {name for model in (Question, Stage, Consent, Protocol, Scale, Balance)
     for name in model.model_fields}
)


@dataclass(frozen=True)
class ProtocolProblem:
    """One thing wrong in one protocol file, located as precisely as YAML allows."""

    path: Path
    line: int | None
    where: str
    message: str

    def __str__(self) -> str:
        place = f"{self.path}:{self.line}" if self.line else str(self.path)
        where = f" {self.where}:" if self.where else ""
        return f"{place}:{where} {self.message}"


class ProtocolError(Exception):
    def __init__(self, problems: list[ProtocolProblem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


def _where(loc: tuple[int | str, ...]) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _duplicate_keys(path: Path, node: yaml.Node) -> list[ProtocolProblem]:
    problems: list[ProtocolProblem] = []
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key, value in node.value:
            if key.value in seen:
                problems.append(ProtocolProblem(path, key.start_mark.line + 1, key.value,
                                                _("this key appears twice; keep one")))
            seen.add(key.value)
            problems += _duplicate_keys(path, value)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            problems += _duplicate_keys(path, item)
    return problems


def _message(error: ErrorDetails) -> str:
    kind, loc = error["type"], error["loc"]
    if kind == "extra_forbidden":
        key = str(loc[-1])
        hint = difflib.get_close_matches(key, _ALL_FIELD_NAMES, n=1)
        if hint:
            return _("unknown field '{key}'; did you mean '{hint}'?").format(key=key,
                                                                             hint=hint[0])
        return _("unknown field '{key}'; remove it").format(key=key)
    if kind == "missing":
        return _("required field '{field}' is missing").format(field=loc[-1])
    return error["msg"].removeprefix("Value error, ")


def _refusal(exc: limits.FileRefused) -> str:
    if exc.kind and exc.target is not None:
        return _("it leads to {target}, which is {kind}, not a file: a protocol must be an "
                 "ordinary YAML file; remove the link or point it at one").format(
            target=exc.target, kind=exc.kind)
    if exc.kind:
        return _("it is {kind}, not a file: a protocol must be an ordinary YAML file; move it "
                 "out of the protocols folder").format(kind=exc.kind)
    return _("it is {size}, more than {limit}, the most a protocol file may be (the shipped "
             "ones are under 10 kB): it is not read; shorten it or split it in two "
             "protocols").format(size=limits.size_text(exc.size),
                                 limit=limits.size_text(limits.PROTOCOL_FILE))


def parse_protocol(text: str, path: Path) -> Protocol:
    """Validate one protocol's YAML text. Raises ProtocolError naming file, line and field."""
    try:
        loader = _Loader(text)
        try:
            root = loader.get_single_node()
            if root is not None and expands_too_far(root):
                raise ProtocolError([ProtocolProblem(
                    path, None, "", _("its YAML aliases (&name / *name) expand to more than "
                                      "{most} values; a protocol needs none: write the values "
                                      "out").format(most=f"{MAX_EXPANDED_NODES:,}"))])
            data = loader.construct_document(root) if root is not None else None
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else None
        problem = ProtocolProblem(path, line, "", _("not valid YAML: {problem}").format(
            problem=exc.problem))
        raise ProtocolError([problem]) from None
    except yaml.YAMLError as exc:
        raise ProtocolError([ProtocolProblem(path, None, "", _("not valid YAML: {problem}").format(
            problem=exc))]) from None
    if not isinstance(data, dict) or root is None:
        raise ProtocolError([ProtocolProblem(
            path, 1, "", _("a protocol file must be a YAML mapping (id:, title:, stages: "
                           "...)"))])
    if problems := _duplicate_keys(path, root):
        raise ProtocolError(problems)
    try:
        return Protocol.model_validate(data)
    except ValidationError as exc:
        problems = []
        for error in exc.errors():
            loc = tuple(part for part in error["loc"] if not str(part).startswith("function-"))
            node = node_at(root, loc)
            problems.append(ProtocolProblem(path, node.start_mark.line + 1, _where(loc),
                                            _message(error)))
        raise ProtocolError(problems) from None


def load_protocol_file(path: Path) -> Protocol:
    """Read and validate one protocol file: an ordinary file (a link is followed and its
    target checked; a named pipe or a device is refused before it is opened) of at most
    limits.PROTOCOL_FILE bytes."""
    try:
        text = limits.read_regular(path, limits.PROTOCOL_FILE).decode("utf-8")
    except limits.FileRefused as exc:
        raise ProtocolError([ProtocolProblem(path, None, "", _refusal(exc))]) from None
    except UnicodeDecodeError:
        raise ProtocolError(
            [ProtocolProblem(path, None, "", _("not UTF-8 text; save it as UTF-8"))]) from None
    except OSError as exc:
        raise ProtocolError(
            [ProtocolProblem(path, None, "", _("cannot be read: {reason}").format(
                reason=exc.strerror))]) from None
    return parse_protocol(text, path)
