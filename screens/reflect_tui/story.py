"""One story: what it is, who was interviewed, and every interview with its consent and status.

Everything shown is read by a worker after the screen is shown (and again when it is shown
again); every read or write a key asks for runs in a worker too, which posts a message (below)
that the screen reacts to. A worker's ReflectError is shown by the app
(ReflectApp._handle_exception).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.coordinate import Coordinate
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static

from reflect import i18n
from reflect.exchange.review_copy import check_label
from reflect.i18n import N_, NP_, _, ngettext
from reflect.models import Informant, Session, Story
from reflect.roles import Role
from reflect.store import shown_name
from reflect.text import visible
from reflect.vocab import SessionStatus
from reflect_tui.consent import ConsentDialog
from reflect_tui.export_progress import export_in_background, hidden_names
from reflect_tui.fit_table import Col, FitTable
from reflect_tui.footer import Footer
from reflect_tui.informant_form import InformantForm
from reflect_tui.labels import (
    STATUS_LABELS,
    STORY_STATUS_LABELS,
    progress,
    shorten,
    shown_title,
    when,
    when_short,
)
from reflect_tui.prompts import PickDialog
from reflect_tui.safe import markup
from reflect_tui.story_form import StoryForm
from reflect_tui.typed_app import typed_app

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from reflect.exchange.progress import Progress
    from reflect.privacy.redact import Redactor
    from reflect.protocol.definition import Protocol
    from reflect.store import ConsentRecord, Store


@dataclass
class StoryContents:
    """Everything the story screen lists, read in one go by its worker."""

    story: Story
    informants: list[Informant]
    sessions: list[Session]
    checks: dict[uuid.UUID, Any]
    """The latest member check of each informant."""
    counts: dict[uuid.UUID, int]
    """Answers given in each session."""
    protocols: dict[uuid.UUID, Protocol | None]
    """The protocol each session ran (in its language)."""


class StoryScreen(Screen[None]):
    if TYPE_CHECKING:
        app = typed_app()

    CSS_PATH = "story.tcss"
    BINDINGS = [
        Binding("escape", "app.pop_screen", NP_("key", "Back"), id="story.back"),
        # a and i are named in the Informants heading; the footer keeps room for the rest
        Binding("a", "add_informant", N_("Add informant"),
                id="story.add_informant", show=False),
        Binding("i", "interview", N_("Interview"), id="story.interview", show=False),
        Binding("e", "edit", N_("Edit story"), id="story.edit"),
        Binding("p", "workshop", N_("Principles"), id="story.workshop"),
        Binding("x", "export", N_("Export"), id="story.export"),
        Binding("l", "lock", N_("Lock"), id="story.lock"),
        # named in the interviews list's title ("r: its record"): the footer is full at 80
        Binding("r", "record", N_("Record"), id="story.record", show=False),
        Binding("h", "hide_names", N_("Names"), id="story.hide_names"),
        # named in the Informants heading
        Binding("c", "member_check", N_("Member check"), id="story.member_check",
                show=False),
    ]

    class Read(Message):
        """The story and its lists, read by the worker (None: the story is gone)."""

        def __init__(self, contents: StoryContents | None) -> None:
            super().__init__()
            self.contents = contents

    class Changed(Message):
        """A write done: the lists are read again."""

    class InterviewStarted(Message):
        def __init__(self, informant: Informant, session: Session) -> None:
            super().__init__()
            self.informant = informant
            self.session = session

    class SessionChosen(Message):
        """An interview to open (Enter) or to lock (l), read again."""

        def __init__(self, session: Session, lock: bool = False) -> None:
            super().__init__()
            self.session = session
            self.lock = lock

    class Locked(Message):
        pass

    def __init__(self, story_id: uuid.UUID):
        super().__init__()
        self.story_id = story_id
        self.story: Story | None = None
        self.informants: dict[str, Informant] = {}
        """The informants listed, by their row's key."""
        self.sessions: list[Session] = []
        """The interviews listed: what i and Enter decide from (read again whenever the
        screen is shown, so a key never waits on the database)."""

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="story"):
            yield Static("", id="story-info")
            yield Static(_("Informants  (Enter or i: interview; a: add; c: their check)"),
                         classes="section-title")
            informants = FitTable(Col(_("Pseudonym"), squeeze=True), Col(_("Role")),
                                  Col(_("Interviews"), squeeze=True),
                                  Col(_("Member check"), squeeze=True), id="informants",
                                  zebra_stripes=True)
            yield informants
            yield informants.detail
            yield Static(_("Interviews  (Enter opens; r: its record; l: lock a completed one)"),
                         classes="section-title")
            interviews = FitTable(Col(_("Informant"), squeeze=True, weight=2), Col(_("Status")),
                                  Col(_("Consent"), squeeze=True), Col(_("Answered")),
                                  Col(_("Protocol"), squeeze=True), Col(_("Started")),
                                  id="interviews", zebra_stripes=True)
            yield interviews
            yield interviews.detail
        yield Footer(compact=True, show_command_palette=False)

    def on_screen_resume(self) -> None:
        """Also sent when the screen is first shown: the one place lists are (re)read."""
        self.refresh_story()

    def refresh_story(self) -> None:
        """Read the story and its lists in a worker; drawn when they arrive (Read)."""
        if self.app.store is not None:
            self._read(self.app.store)

    @work(thread=True, exclusive=True, group="story.read")
    def _read(self, store: Store) -> None:
        with store.reading():  # one transaction for the lot (round trips on a server)
            story = store.story(self.story_id)
            if story is None:
                self.post_message(self.Read(None))
                return
            informants = store.informants(self.story_id)
            sessions = store.sessions_for_story(self.story_id)
            contents = StoryContents(
                story, informants, sessions, store.latest_checks([i.id for i in informants]),
                store.answer_counts([s.id for s in sessions]),
                {s.id: store.protocol_of(s) for s in sessions})
        self.post_message(self.Read(contents))

    def on_story_screen_read(self, message: Read) -> None:
        contents = message.contents
        if contents is None:
            if self.is_current:
                self.app.pop_screen()
            return
        self.story = contents.story
        self.show_info()
        informants, sessions = contents.informants, contents.sessions
        self.informants = {str(i.id): i for i in informants}
        self.sessions = sessions
        by_informant = {i.id: i for i in informants}
        table = self.query_one("#informants", DataTable)
        table.clear()
        for informant in informants:
            own = [s for s in sessions if s.informant_id == informant.id]
            summary = ", ".join(STATUS_LABELS[s.status] for s in own) or _("none yet")
            # one who withdrew is still listed, for the member check, but not by name
            table.add_row(shown_name(informant.pseudonym, informant.withdrawn),
                          Role(informant.role).label, summary,
                          check_label(contents.checks.get(informant.id)), key=str(informant.id))
        table = self.query_one("#interviews", DataTable)
        table.clear()
        for session in sessions:
            who = by_informant.get(session.informant_id) if session.informant_id else None
            protocol = contents.protocols[session.id]
            consent = _("{state}, {method} ({who})").format(
                state=_("given") if session.consent_given else _("refused"),
                method=_(session.consent_method) if session.consent_method else "",
                who=session.consent_recorded_by)
            status = STATUS_LABELS[session.status]
            if session.locked_at:
                status = _("{status}, locked").format(status=status)
            table.add_row(shown_name(who.pseudonym, who.withdrawn) if who else "?",
                          status, consent, progress(contents.counts.get(session.id, 0), protocol),
                          shown_title(self.app.catalog, session.protocol_id, protocol),
                          when_short(session.started_at),
                          key=str(session.id))
        if informants and self.focused is None:
            self.query_one("#informants", DataTable).focus()

    def on_story_screen_changed(self, message: Changed) -> None:
        self.refresh_story()

    def on_resize(self) -> None:
        if self.story is not None:
            self.show_info()

    def show_info(self) -> None:
        """Title, service, criteria and summary: each cut to fit so that all of them show."""
        story = self.story
        if story is None:
            return
        self.sub_title = visible(story.title)
        ready = markup("  [b]$ready[/b]", ready=_("ready for the book")) \
            if story.ready_for_book else ""
        room = max(self.size.width - 4, 20)
        fields, cut = markup(""), False
        for label, value, lines in ((_("Service"), story.service, 1),
                                    (_("Success"), story.success_criteria, 2),
                                    (_("Summary"), story.summary, 2)):
            text = " ".join(value.split())
            if text:
                shown = shorten(text, lines * room - len(label) - 8)
                cut = cut or shown != text
                fields += markup("\n[b]$label:[/b] $shown", label=label, shown=shown)
        hint = markup("  [dim]$hint[/dim]", hint=_("(e shows it all)")) if cut else ""
        title = shorten(" ".join(story.title.split()), max(room - (50 if cut else 30), 12))
        status = STORY_STATUS_LABELS[story.status]
        info = markup("[b]$title[/b]  [dim]($status)[/dim]", title=title, status=status) \
            + ready + hint + fields
        self.query_one("#story-info", Static).update(info)

    def _selected_informant(self) -> Informant | None:
        """The highlighted informant, as last read."""
        table = self.query_one("#informants", DataTable)
        if table.row_count == 0:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key
        return self.informants.get(str(key.value))

    def _store(self) -> Store:
        store = self.app.store
        assert store is not None, "the story screen is opened once the database is"
        return store

    def action_add_informant(self) -> None:
        def added(result: tuple[str, str] | None) -> None:
            if result is not None:
                pseudonym, role = result
                self._write(lambda store: store.add_informant(self.story_id, pseudonym, role))

        self.app.push_screen(InformantForm(), added)

    @work(thread=True, group="story.write")
    def _write(self, write: Callable[[Store], object]) -> None:
        """A write in the worker; the lists are read again after it, done or not (a
        ReflectError is shown by the app)."""
        try:
            write(self._store())
        finally:
            self.post_message(self.Changed())

    def action_edit(self) -> None:
        def edited(draft: dict[str, Any] | None) -> None:
            if draft is not None:
                self._write(lambda store: store.update_story(self.story_id, **draft))

        if self.story is not None:
            self.app.push_screen(StoryForm(self.story), edited)

    def action_workshop(self) -> None:
        from reflect_tui.workshop import WorkshopScreen

        self.app.push_screen(WorkshopScreen(self.story_id))

    def action_export(self) -> None:
        from reflect import paths
        from reflect.exchange.documents import export_story

        folder, store, story_id = paths.exports_dir(), self._store(), self.story_id
        redactors: list[Redactor] = []

        def job(report: Progress) -> list[Path]:
            # in the export's worker, as the export itself
            redactors.append(store.redactor(story_id))
            return export_story(store, story_id, folder, redactors[0], report)

        export_in_background(self.app, _("Writing the story"), job, _("Story exported"),
                             folder, lambda: hidden_names(redactors[0] if redactors else None))

    def action_record(self) -> None:
        """The highlighted interview's record (every question with its answer) as files."""
        from reflect import paths
        from reflect.exchange.markdown import export_session_record

        table = self.query_one("#interviews", DataTable)
        if table.row_count == 0:
            self.app.show_error(_("No interview yet: run one from an informant (Enter or i)."))
            return
        key = table.coordinate_to_cell_key(Coordinate(table.cursor_row, 0)).row_key
        store, story_id = self._store(), self.story_id
        folder = paths.exports_dir()
        session_id = uuid.UUID(key.value)

        def job(report: Progress) -> list[Path]:
            session = store.session(session_id)
            if session is None:
                return []
            return export_session_record(store, session, folder, store.redactor(story_id),
                                         report)

        export_in_background(self.app, _("Writing the interview record"), job,
                             _("Interview record written"), folder)

    def action_hide_names(self) -> None:
        from reflect_tui.redaction import RedactionScreen

        self.app.push_screen(RedactionScreen(self.story_id,
                                             self.story.title if self.story else ""))

    def action_member_check(self) -> None:
        from reflect_tui.member_check import MemberCheckDialog

        informant = self._selected_informant()
        if informant is None:
            self.app.show_error(_("Add an informant first (a)."))
            return
        def checked(changed: bool | None) -> None:
            if changed:
                self.refresh_story()

        self.app.push_screen(MemberCheckDialog(informant), checked)

    @on(DataTable.RowSelected, "#informants")
    def action_interview(self) -> None:
        informant = self._selected_informant()
        if informant is None:
            self.app.show_error(_("Add an informant first (a), then start the interview."))
            return
        if informant.withdrawn:
            self.app.show_error(_("This informant withdrew their consent: no interview with "
                                  "them is opened or started. Their member check is c."))
            return
        open_sessions = [s for s in self.sessions if s.informant_id == informant.id
                         and s.status == SessionStatus.IN_PROGRESS]
        if open_sessions:
            self._open_session(open_sessions[-1].id)
            return
        self._start_interview(informant)

    def _start_interview(self, informant: Informant) -> None:
        role = Role(informant.role)
        catalog = self.app.catalog
        choices = catalog.for_role(role) if catalog is not None else []
        if catalog is None or not choices:
            self.app.show_error(_("No interview protocol is loaded; see 'reflect protocols "
                                  "list'."))
            return
        label = f"{informant.pseudonym} ({role.label})"
        language = i18n.language()
        items: list[tuple[str, str | Text]] = []
        for source in choices:
            # the interview's language (the interface's) first, then the others
            for code in sorted(catalog.languages(source.id), key=lambda c: c != language):
                p = catalog.get(source.id, code)
                if p is None:
                    continue
                for_role = ("  " + _("(for this role)"), "bold") if role in p.roles else ""
                details = " · ".join((i18n.LANGUAGES.get(code, code), p.id,
                                      ngettext("{count} stage", "{count} stages",
                                               len(p.stages)).format(count=len(p.stages)),
                                      ngettext("{count} question", "{count} questions",
                                               len(p.questions)).format(
                                          count=len(p.questions))))
                items.append((f"{p.id}|{code}", Text.assemble(
                    visible(p.title), for_role, "\n  ", (details, "dim"))))

        def protocol_chosen(choice: str | None) -> None:
            if choice is None:
                return
            protocol_id, code = choice.split("|")
            protocol = catalog.get(protocol_id, code)
            if protocol is not None:
                self._protocol_chosen(informant, protocol)

        self.app.push_screen(PickDialog(_("Interview {who} with…").format(who=label), items),
                             protocol_chosen)

    def _protocol_chosen(self, informant: Informant, protocol: Protocol) -> None:
        done = [s for s in self.sessions if s.informant_id == informant.id
                and s.protocol_id == protocol.id and s.status == SessionStatus.COMPLETED]
        if not done:
            self._ask_consent(informant, protocol)
            return

        def decided(answer: str | None) -> None:
            if answer == "open":
                self._open_session(done[-1].id)
            elif answer == "another":
                self._ask_consent(informant, protocol)

        # a second interview on the same protocol is rare: asked, never by one Enter
        self.app.push_screen(PickDialog(
            _("{who} already has a completed interview with this protocol: open it, or "
              "start another?").format(who=visible(informant.pseudonym)),
            [("open", _("Open the completed interview ({date})").format(
                date=when(done[-1].completed_at or done[-1].started_at))),
             ("another", _("Start another interview"))]), decided)

    def _ask_consent(self, informant: Informant, protocol: Protocol) -> None:
        label = f"{informant.pseudonym} ({Role(informant.role).label})"

        def consent_recorded(consent: ConsentRecord | None) -> None:
            if consent is None:
                return
            self.app.interviewer_name = consent.recorded_by
            self._start(self._store(), informant, protocol, consent)

        self.app.push_screen(ConsentDialog(protocol, label, self.app.interviewer_name),
                             consent_recorded)

    @work(thread=True, group="story.write")
    def _start(self, store: Store, informant: Informant, protocol: Protocol,
               consent: ConsentRecord) -> None:
        self.post_message(self.InterviewStarted(
            informant, store.start_interview(informant.id, protocol, consent)))

    def on_story_screen_interview_started(self, message: InterviewStarted) -> None:
        self.refresh_story()
        if message.session.status == SessionStatus.DECLINED:
            self.app.notify(_("Consent refused by {who}: recorded. No interview takes "
                              "place.").format(who=message.informant.pseudonym),
                            title=_("Consent refused"))
        else:
            self._open_session(message.session.id)

    @on(DataTable.RowSelected, "#interviews")
    def open_interview(self, event: DataTable.RowSelected) -> None:
        self._session_chosen(self._store(), uuid.UUID(event.row_key.value), False)

    @work(thread=True, exclusive=True, group="story.read")
    def _session_chosen(self, store: Store, session_id: uuid.UUID, lock: bool) -> None:
        session = store.session(session_id)
        if session is not None:
            self.post_message(self.SessionChosen(session, lock))

    def on_story_screen_session_chosen(self, message: SessionChosen) -> None:
        session = message.session
        if message.lock:
            self._confirm_lock(session)
            return
        if session.status == SessionStatus.DECLINED:
            self.app.notify(_("Consent was refused on {date}; there are no answers to "
                              "open.").format(date=when(session.consent_at)),
                            title=_("Consent refused"))
            return
        self._open_session(session.id)

    def action_lock(self) -> None:
        """Lock the selected completed interview (asks first)."""
        table = self.query_one("#interviews", DataTable)
        if table.row_count == 0:
            self.app.show_error(_("No interview to lock yet."))
            return
        key = table.coordinate_to_cell_key(Coordinate(table.cursor_row, 0)).row_key
        self._session_chosen(self._store(), uuid.UUID(key.value), True)

    def _confirm_lock(self, session: Session) -> None:
        from reflect_tui.confirm import ConfirmDialog

        if session.locked_at is not None:
            self.app.notify(_("That interview is already locked."), title=_("Locked"))
            return
        if session.status != SessionStatus.COMPLETED:
            self.app.show_error(_("Only a completed interview can be locked; finish it first."))
            return

        def confirmed(yes: bool | None) -> None:
            if yes:
                self._lock(self._store(), session.id, self.app.interviewer_name)

        self.app.push_screen(ConfirmDialog(
            _("Lock this interview?"), _("Its answers then stay as they are. Reopening it (F9) "
                                         "asks why, and the reason is recorded in the audit "
                                         "trail."), _("Lock")), confirmed)

    @work(thread=True, group="story.write")
    def _lock(self, store: Store, session_id: uuid.UUID, by: str) -> None:
        store.lock_session(session_id, by)
        self.post_message(self.Locked())

    def on_story_screen_locked(self, message: Locked) -> None:
        self.app.notify(_("Interview locked."), title=_("Locked"))
        self.refresh_story()

    def _open_session(self, session_id: uuid.UUID) -> None:
        from reflect_tui.session import SessionScreen

        self.app.push_screen(SessionScreen(session_id))
