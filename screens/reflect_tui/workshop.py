"""The principles workshop of one story: interviews side by side, principles with evidence.

Left, the story's interviews, one column per informant, by topic (or by search for all the
words); quotes (★) and follow-ups (⚑) are marked. Where the columns would be too narrow to
read (80x24 with two or more informants), one informant is shown at a time and ctrl+o shows the
next. Select words in a column and press ctrl+e to attach them as evidence to the principle in
the form. Right, the story's principles and the form with the
four parts, its one-sentence rendering, and the evidence of the chosen principle.

The interviews and the principles are read by workers after the screen is shown, and saving,
attaching and deleting run in workers too; each posts a message (below) that the screen
reacts to. A worker's ReflectError is shown by the app (ReflectApp._handle_exception).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Header, Input, Label, OptionList, Select, Static, TextArea
from textual.widgets.option_list import Option

from reflect import timecodes
from reflect.errors import ReflectError
from reflect.i18n import N_, NP_, _, ngettext
from reflect.method.analysis import Passage, passages, topic_label, topics_of
from reflect.models import Answer, Evidence, Principle
from reflect.roles import PresentRole
from reflect.store import PRINCIPLE_PARTS, InterviewRecord, shown_who
from reflect.text import visible
from reflect_tui.bidi_view import FieldInput
from reflect_tui.confirm import ConfirmDialog
from reflect_tui.footer import Footer
from reflect_tui.playback import PLAYBACK_BINDINGS, PlaybackBar, PlaybackKeys, Target
from reflect_tui.safe import SafeTextArea, markup, one_for_one, plain
from reflect_tui.typed_app import typed_app

if TYPE_CHECKING:
    from textual.events import DescendantFocus

    from reflect.store import Store

PART_LABELS = {"situation": (N_("When"), N_("the situation")),
               "goal": (N_("To"), N_("the goal (in order to)")),
               "action": (N_("Do"), N_("the action")),
               "rationale": (N_("Because"), N_("the rationale"))}


@dataclass
class PrincipleList:
    """The story's principles with their evidence, read in one go by a worker."""

    principles: list[Principle]
    evidence: dict[uuid.UUID, list[Evidence]]
    withheld: dict[uuid.UUID, list[uuid.UUID]]
    """Per principle, its evidence links cut from the words of an informant who withdrew."""
    sessions: dict[uuid.UUID, uuid.UUID]
    """The session of each evidence's answer (by answer id)."""


def read_principles(store: Store, story_id: uuid.UUID) -> PrincipleList:
    """In a worker: the principles of a story and everything their list shows."""
    principles = store.principles(story_id)
    ids = [p.id for p in principles]
    evidence = store.evidence(ids)
    sessions = {}
    for items in evidence.values():
        for item in items:
            answer = store.answer_by_id(item.answer_id)
            if answer is not None:
                sessions[answer.id] = answer.session_id
    return PrincipleList(principles, evidence, store.withheld_evidence(ids), sessions)


def informant_label(record: InterviewRecord) -> str:
    return shown_who(record.informant)


class InterviewColumn(Vertical):
    """One interview's passages as read-only text, remembering which answer each span is."""

    def __init__(self, record: InterviewRecord, notes: list[Any] | None = None):
        super().__init__(classes="column")
        self.record = record
        self.notes = notes or []
        """The interviewer's notes on this interview, shown apart under each answer."""
        self.segments: list[tuple[int, int, Answer]] = []

    def compose(self) -> ComposeResult:
        yield Static(markup("[b]$who[/b]", who=informant_label(self.record)),
                     classes="column-title")
        yield SafeTextArea(read_only=True, soft_wrap=True, show_line_numbers=False)

    def number(self, position: int | None, count: int) -> None:
        """Title the column; with `position`, as the one informant of `count` shown."""
        title = markup("[b]$who[/b]", who=informant_label(self.record))
        if position is not None:
            title += markup("  [dim]$place[/dim]", place=_("{position}/{count}").format(
                position=position, count=count))
        self.query_one(".column-title", Static).update(title)

    def show(self, shown: list[Passage]) -> None:
        text, self.segments = "", []
        for passage in shown:
            marks = ("  ★ " + _("quote") if passage.answer.flag_quote else "") + \
                ("  ⚑ " + _("follow up") if passage.answer.flag_follow_up else "")
            text += f"▸ {passage.number}. {passage.question.prompt}{marks}\n"
            self.segments.append((len(text), len(text) + len(passage.answer.text),
                                  passage.answer))
            text += passage.answer.text + "\n"
            recorded = self.record.session.recording_started_at is not None
            by = PresentRole.INTERVIEWER.label
            text += "".join(f"    {timecodes.note_line(note, recorded)}  ({by})\n"
                            for note in self.notes if note.question_id == passage.question.id)
            text += "\n"
        # controls shown one for one: the offsets of a selection stay those of the answers
        self.query_one(TextArea).load_text(one_for_one(text) or _("(no answer on this topic)"))

    def selected_passage(self) -> tuple[Answer, int, int]:
        """The selected words as (answer, start, end) within that answer's text."""
        area = self.query_one(TextArea)
        start, end = sorted([area.selection.start, area.selection.end])
        lines = area.text.split("\n")

        def offset(location: tuple[int, int]) -> int:
            row, column = location
            return sum(len(line) + 1 for line in lines[:row]) + column

        first, last = offset(start), offset(end)
        if first == last:
            raise ReflectError(_("select the words to attach first (shift+arrows or the "
                                 "mouse)"))
        for seg_start, seg_end, answer in self.segments:
            if seg_start <= first and last <= seg_end:
                return answer, first - seg_start, last - seg_start
        raise ReflectError(_("select words inside one answer (not its question line)"))


class WorkshopScreen(PlaybackKeys, Screen[None]):
    if TYPE_CHECKING:
        app = typed_app()

    CSS_PATH = "workshop.tcss"
    BINDINGS = [
        Binding("escape", "back", NP_("key", "Back"), id="workshop.back"),
        Binding("ctrl+e", "attach", N_("Evidence"), id="workshop.attach",
                priority=True),
        Binding("ctrl+s", "save", N_("Save"), id="workshop.save", priority=True),
        Binding("ctrl+n", "new", NP_("key", "New"), id="workshop.new"),
        Binding("delete", "remove", N_("Remove"), id="workshop.remove"),
        Binding("ctrl+o", "next_informant", N_("Next informant"),
                id="workshop.next_informant", priority=True),
        *PLAYBACK_BINDINGS,  # on the highlighted evidence excerpt
    ]
    NARROW = 100
    """On screens narrower than this, the principles take half the width, not two fifths."""
    READABLE = 30
    """Columns narrower than this show one informant at a time."""

    class Read(Message):
        """The story's title, its interviews (with the interviewer's notes on each) and its
        principles, read by the worker."""

        def __init__(self, title: str, records: list[InterviewRecord],
                     notes: dict[uuid.UUID, list[Any]], principles: PrincipleList) -> None:
            super().__init__()
            self.title = title
            self.records = records
            self.notes = notes
            self.principles = principles

    class PrinciplesRead(Message):
        """The principles read again after a change; `select` is highlighted."""

        def __init__(self, principles: PrincipleList, select: uuid.UUID | None,
                     saved: bool = False, new: bool = False) -> None:
            super().__init__()
            self.principles = principles
            self.select = select
            self.saved = saved
            """A principle was saved (said so)."""
            self.new = new
            """A principle was deleted: the form is emptied for a new one."""

    def __init__(self, story_id: uuid.UUID):
        super().__init__()
        self.story_id = story_id
        self.current: Principle | None = None
        self.principles: list[Principle] = []
        self.listed = PrincipleList([], {}, {}, {})
        self.records: list[InterviewRecord] = []
        self.informant_of: dict[uuid.UUID, InterviewRecord] = {}
        self.withheld: dict[uuid.UUID, list[uuid.UUID]] = {}
        """Per principle, its evidence links cut from the words of an informant who withdrew
        (flagged, never shown: reflect.store.words)."""
        self.last_column: InterviewColumn | None = None
        self.shown = 0
        """The informant shown when one is shown at a time (index into the columns)."""

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="workshop"):
            with Vertical(id="reading"):
                with Horizontal(id="reading-bar"):
                    yield Select([(_("(no interviews)"), "")], id="topic",
                                 compact=True, allow_blank=False)
                    yield FieldInput(id="search", placeholder=_("search all answers"),
                                compact=True)
                yield Horizontal(id="columns")
            with Vertical(id="principle-side"):
                yield Static(_("Principles of action"), classes="section-title")
                yield OptionList(id="principles")
                yield Static("", id="sentence")
                for part in PRINCIPLE_PARTS:
                    label, hint = PART_LABELS[part]
                    with Horizontal(classes="part"):
                        yield Label(_(label))
                        yield FieldInput(id=part, placeholder=_(hint), compact=True)
                yield Static(_("Evidence  (select words on the left, ctrl+e)"), classes="hint")
                yield OptionList(id="evidence")
                yield PlaybackBar()
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        if self.app.store is not None:
            self._read(self.app.store)

    @work(thread=True, group="workshop.read")
    def _read(self, store: Store) -> None:
        story = store.story(self.story_id)
        records = store.interviews_of(self.story_id)
        self.post_message(self.Read(story.title if story else "", records,
                                    {r.session.id: store.notes(r.session.id) for r in records},
                                    read_principles(store, self.story_id)))

    def on_workshop_screen_read(self, message: Read) -> None:
        self.sub_title = _("Principles workshop: {story}").format(
            story=visible(message.title))
        self.records = message.records
        self.informant_of = {r.session.id: r for r in self.records}
        topics = topics_of(self.records)
        select = self.query_one("#topic", Select)
        # a topic is a protocol's word: drawn as written (Select reads a string as markup)
        select.set_options([(plain(topic_label(topic)), topic)
                            for topic in topics] or [(_("(no interviews)"), "")])
        columns = self.query_one("#columns", Horizontal)
        columns.mount_all([InterviewColumn(record, message.notes[record.session.id])
                           for record in self.records])
        if not self.records:
            columns.mount(Static(_("No interviews yet: run them from the story screen."),
                                 classes="hint"))
        self.call_after_refresh(self.show_passages)
        self.call_after_refresh(self.lay_out)
        self.show_principles(message.principles)
        if self.principles:
            self.query_one("#principles", OptionList).highlighted = 0
        if self.app.store is not None:
            self.query_one(PlaybackBar).load(self.app.store, list(self.informant_of))

    def on_resize(self) -> None:
        self.lay_out()

    def lay_out(self) -> None:
        """All informants side by side where each column is readable, else one at a time."""
        width = self.size.width
        self.set_class(width < self.NARROW, "narrow")
        columns = list(self.query(InterviewColumn))
        if not columns:
            return
        reading = width // 2 if width < self.NARROW else width * 3 // 5
        one_at_a_time = len(columns) > 1 and reading // len(columns) < self.READABLE
        self.shown %= len(columns)
        for index, column in enumerate(columns):
            column.display = not one_at_a_time or index == self.shown
            column.number(index + 1 if one_at_a_time else None, len(columns))

    def action_next_informant(self) -> None:
        """The next informant's column: shown in place of this one, or focused."""
        columns = list(self.query(InterviewColumn))
        if not columns:
            return
        self.shown = (self.shown + 1) % len(columns)
        self.lay_out()
        columns[self.shown].query_one(TextArea).focus()

    # Reading side ------------------------------------------------------------------------
    @on(Select.Changed, "#topic")
    @on(Input.Changed, "#search")
    def show_passages(self) -> None:
        search = self.query_one("#search", Input).value
        topic = self.query_one("#topic", Select).value
        for column in self.query(InterviewColumn):
            column.show(passages(column.record, None if search.strip() else str(topic), search))

    def on_descendant_focus(self, event: DescendantFocus) -> None:
        for node in event.widget.ancestors_with_self:
            if isinstance(node, InterviewColumn):
                self.last_column = node
        if event.widget.id == "evidence":
            self.show_whole(event.widget)

    @on(OptionList.OptionHighlighted, "#evidence")
    def evidence_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self.show_whole(event.option_list)

    def show_whole(self, widget: Widget) -> None:
        """On a narrow screen, scroll the principles' side so that all of `widget` shows
        (once its new height is laid out): the side scrolls as one there."""
        if self.has_class("narrow"):
            side = self.query_one("#principle-side")
            self.call_after_refresh(side.scroll_to_widget, widget, animate=False)

    # Hearing an excerpt again -------------------------------------------------------------
    def playback_target(self) -> Target | None:
        """The highlighted evidence excerpt's answer, in its interview."""
        listing = self.query_one("#evidence", OptionList)
        if self.current is None or listing.highlighted is None:
            return None
        option_id = listing.get_option_at_index(listing.highlighted).id
        for item in self.listed.evidence.get(self.current.id, []):
            session_id = self.listed.sessions.get(item.answer_id)
            record = self.informant_of.get(session_id) if session_id else None
            if str(item.id) == option_id and record is not None:
                answer = next((a for a in record.answers.values() if a.id == item.answer_id),
                              None)
                return Target(option_id, record.session, answer)
        return None

    def playback_enabled(self) -> bool:
        focused = self.focused
        return focused is not None and focused.id == "evidence" and \
            self.query_one(PlaybackBar).any_for()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        playback = self.check_playback(action)
        return True if playback is None else playback

    # Principles side ---------------------------------------------------------------------
    def refresh_principles(self, select: uuid.UUID | None = None) -> None:
        """Read the principles again in a worker (PrinciplesRead)."""
        if self.app.store is not None:
            self._reread(self.app.store, select)

    @work(thread=True, group="workshop.read")
    def _reread(self, store: Store, select: uuid.UUID | None) -> None:
        self.post_message(self.PrinciplesRead(read_principles(store, self.story_id), select))

    def on_workshop_screen_principles_read(self, message: PrinciplesRead) -> None:
        if message.new:
            self.action_new()
        self.show_principles(message.principles, message.select)
        if message.saved:
            self.app.notify(_("Principle saved."))

    def show_principles(self, listed: PrincipleList, select: uuid.UUID | None = None) -> None:
        self.listed = listed
        self.principles = listed.principles
        self.withheld = listed.withheld
        evidence = listed.evidence
        options = []
        for number, principle in enumerate(self.principles, start=1):
            count, gone = len(evidence[principle.id]), len(self.withheld[principle.id])
            tag = markup("[$error]$none[/]", none=_("(no evidence)")) if not count else \
                markup("[dim]$quotes[/dim]", quotes=ngettext(
                    "({count} quote)", "({count} quotes)", count).format(count=count))
            if gone:  # evidence from an informant who withdrew: flagged on its principle
                tag += markup(" [$error]⚠ $gone[/]", gone=ngettext(
                    "{count} withdrawn", "{count} withdrawn", gone).format(count=gone))
            options.append(Option(markup("$number. $sentence ", number=number,
                                         sentence=principle.sentence()) + tag,
                                  id=str(principle.id)))
        listing = self.query_one("#principles", OptionList)
        listing.set_options(options)
        ids = [p.id for p in self.principles]
        if select in ids:
            listing.highlighted = ids.index(select)
        if self.current is not None:  # as saved
            self.current = next((p for p in self.principles if p.id == self.current.id), None)
        self.show_evidence()

    @on(OptionList.OptionHighlighted, "#principles")
    def principle_chosen(self, event: OptionList.OptionHighlighted) -> None:
        self.current = next(p for p in self.principles if str(p.id) == event.option.id)
        for part in PRINCIPLE_PARTS:
            self.query_one(f"#{part}", Input).value = getattr(self.current, part)
        self.show_evidence()

    @on(Input.Changed)
    def form_changed(self, event: Input.Changed) -> None:
        if event.input.id in PRINCIPLE_PARTS:
            draft = Principle.model_validate({"story_id": self.story_id, **self._form()})
            self.query_one("#sentence", Static).update(
                markup("[i]$sentence[/i]", sentence=draft.sentence()) if draft.sentence() else
                markup("[dim]$hint[/dim]",
                       hint=_("Fill in the parts; the sentence appears here.")))

    def _form(self) -> dict[str, str]:
        return {part: self.query_one(f"#{part}", Input).value for part in PRINCIPLE_PARTS}

    def show_evidence(self) -> None:
        listing = self.query_one("#evidence", OptionList)
        if self.current is None:
            listing.set_options([])
            return
        items = self.listed.evidence.get(self.current.id, [])
        options = [Option(markup("[$error]⚠ $gone[/]", gone=_(
            "withdrawn by the informant: this passage can no longer be used")),
            id=str(link_id)) for link_id in self.withheld.get(self.current.id, [])]
        for item in items:
            session_id = self.listed.sessions.get(item.answer_id)
            record = self.informant_of.get(session_id) if session_id else None
            source = informant_label(record) if record else "?"
            options.append(Option(markup("“$excerpt” [dim]— $source[/dim]",
                                         excerpt=item.excerpt, source=source),
                                  id=str(item.id)))
        listing.set_options(options or [Option(markup("[dim]$none[/dim]",
                                                      none=_("No evidence yet.")),
                                               disabled=True)])

    def action_new(self) -> None:
        self.current = None
        for part in PRINCIPLE_PARTS:
            self.query_one(f"#{part}", Input).value = ""
        self.query_one("#principles", OptionList).highlighted = None
        self.show_evidence()
        self.query_one("#situation", Input).focus()

    def action_save(self) -> None:
        if self.app.store is not None:
            self._save(self.app.store, self.current.id if self.current else None,
                       self._form())

    @work(thread=True, group="workshop.write")
    def _save(self, store: Store, principle_id: uuid.UUID | None, form: dict[str, str],
              evidence: tuple[uuid.UUID, int, int] | None = None) -> None:
        """Save the form (a new principle when `principle_id` is None), then attach the
        `evidence` (answer, start, end) to it if any."""
        if principle_id is None:
            principle = store.add_principle(self.story_id, **form)
        elif evidence is None:
            principle = store.update_principle(principle_id, **form)
        else:
            principle = None
        saved = principle.id if principle is not None else principle_id
        if principle is not None:  # the form's principle from now on, even if attaching fails
            self.post_message(self.PrinciplesRead(read_principles(store, self.story_id),
                                                  saved, saved=True))
        if evidence is not None and saved is not None:
            answer_id, start, end = evidence
            store.add_evidence(saved, answer_id, start, end)
            self.post_message(self.PrinciplesRead(read_principles(store, self.story_id),
                                                  saved))

    def action_attach(self) -> None:
        column = self.last_column
        if column is None:
            self.app.show_error(_("Select words in an interview column first."))
            return
        try:
            answer, start, end = column.selected_passage()
        except ReflectError as exc:
            self.app.show_error(str(exc))
            return
        if self.app.store is not None:
            self._save(self.app.store, self.current.id if self.current else None,
                       self._form(), (answer.id, start, end))

    def action_remove(self) -> None:
        focused: Widget | None = self.focused
        if not isinstance(focused, OptionList) or focused.id not in ("principles", "evidence"):
            return
        option = focused.highlighted_option
        if option is None or not option.id:
            return
        target = uuid.UUID(option.id)
        is_principle = focused.id == "principles"
        if is_principle:
            title, body = _("Delete this principle?"), _("Its evidence links are deleted with it.")
        else:
            title, body = _("Remove this evidence?"), _("The answer itself is kept.")

        def confirmed(yes: bool | None) -> None:
            if yes and self.app.store is not None:
                self._remove(self.app.store, target, is_principle,
                             None if is_principle or self.current is None else self.current.id)

        self.app.push_screen(ConfirmDialog(title, body, _("Delete"), _("Keep")), confirmed)

    @work(thread=True, group="workshop.write")
    def _remove(self, store: Store, target: uuid.UUID, is_principle: bool,
                select: uuid.UUID | None) -> None:
        if is_principle:
            store.delete_principle(target)
        else:
            store.remove_evidence(target)
        self.post_message(self.PrinciplesRead(read_principles(store, self.story_id), select,
                                              new=is_principle))

    def action_back(self) -> None:
        self.app.pop_screen()
