"""The session screen: one question at a time, saved as you type.

Left, the outline (stages with their progress and suggested minutes, questions with their
state; choosing one jumps there). Right, the question with its probes and guidance, and the
answer widget its type needs: a large text area, a scale or choice list, a checklist, a list
(one item per line) or the action plan. Typed text goes to the session's Autosave
(reflect.method.autosave: at most SAVE_DELAY seconds after a change, by its own thread, and at
once before moving, leaving or quitting); its news comes back as AnswerSaved / AnswerNotSaved
messages. Choices are saved when made.

The UI thread never waits on the database (issue 30). The session is read by a worker once
the screen is up (`Loaded`); every other write (the position after a move, a flag, a skip, a
choice, finishing) goes through the screen's write line (reflect_tui.write_line): worker
threads, one write at a time in the order asked, each flushing the autosave first where the
order matters. Moving is drawn at once from the run in memory. An action that must see its
write done before the next key acts (skip, F10, leaving) awaits it in the app's key queue:
the screen keeps drawing, and the keys typed meanwhile wait, in order. Keys typed while the
session loads wait in the answer field until it is loaded (AnswerArea), so none is lost and
none lands in another question (issue 28).
"""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import Callable
from concurrent.futures import Future
from contextlib import suppress
from typing import TYPE_CHECKING, Any

from sqlalchemy.exc import SQLAlchemyError
from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Header, OptionList, SelectionList, Static, TextArea
from textual.widgets.option_list import Option

from reflect import formats
from reflect.errors import ReflectError, StorageError
from reflect.i18n import N_, NP_, _, ngettext
from reflect.method import autosave
from reflect.method.autosave import Autosave
from reflect.method.session import SessionRun
from reflect.models import Answer
from reflect.protocol.render import answer_text
from reflect.roles import Role
from reflect.store import Store
from reflect.store.journaled import JournaledStore
from reflect.text import visible
from reflect.vocab import SessionStatus
from reflect_tui.action_plan import ActionPlan
from reflect_tui.confirm import ConfirmDialog
from reflect_tui.footer import Footer
from reflect_tui.key_order import keys_taken
from reflect_tui.labels import STATUS_LABELS, clock, when
from reflect_tui.lease import RENEW_EVERY, LeaseKeeper
from reflect_tui.moments import MOMENT_BINDINGS, Moments
from reflect_tui.recorder import RECORDER_BINDINGS, LaptopRecording
from reflect_tui.review import words_in
from reflect_tui.safe import SafeTextArea, joined, markup, text
from reflect_tui.typed_app import typed_app
from reflect_tui.write_line import Job, WriteLine

STATE_MARKS = {"answered": Content.from_markup("[green]✓[/]"),
               "skipped": Content.from_markup("[yellow]–[/]"),
               "open": Content.from_markup("[dim]·[/]")}
OUTLINE_WIDTH = 26
ONE_OF = ("scale", "choice")
MANY_OF = ("multi", "checklist")


class Outline(OptionList):
    """The stages and questions. Its moving keys act in its own queue: as bindings they ran
    in the app's, behind an Enter typed after them, so a fast ctrl+g, up, up, Enter opened
    the question the list was on before the arrows (issue 28)."""

    def key_up(self, event: events.Key) -> None:
        event.stop()  # or it bubbles to the app, whose binding moves again
        self.action_cursor_up()

    def key_down(self, event: events.Key) -> None:
        event.stop()
        self.action_cursor_down()

    def key_home(self, event: events.Key) -> None:
        event.stop()
        self.action_first()

    def key_end(self, event: events.Key) -> None:
        event.stop()
        self.action_last()

    def key_pageup(self, event: events.Key) -> None:
        event.stop()
        self.action_page_up()

    def key_pagedown(self, event: events.Key) -> None:
        event.stop()
        self.action_page_down()


class AnswerArea(SafeTextArea):
    """The answer field. It has the focus from the start, so keys typed while the session is
    still loading come to it, and it holds them, in order, until the screen says the session
    is shown (`ready`); then each goes where it would have gone had the load been instant."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.ready = asyncio.Event()

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, (events.Key, events.Paste)) and not self.ready.is_set():
            # held, unless the app or this screen closes first (it waits for this field)
            while not self.ready.is_set() and self.is_attached and self.is_parent_active:
                with suppress(TimeoutError):
                    await asyncio.wait_for(self.ready.wait(), 0.05)
            if not self.ready.is_set():
                return
            focused = self.screen.focused if self.is_attached else None
            if focused is not None and focused is not self:
                # the question opened is not a text question: its list takes the key
                focused.post_message(events.Key(event.key, event.character)
                                     if isinstance(event, events.Key)
                                     else events.Paste(event.text))
                return
        await super().on_event(event)
class SessionScreen(Screen[None]):
    CSS_PATH = "session.tcss"
    AUTO_FOCUS = "#answer"
    SAVE_DELAY = autosave.SAVE_DELAY
    RETRY_DELAY = autosave.RETRY_DELAY
    PERSIST_CLOCK_EVERY = 15
    # priority: handled before the keys typed after them are passed to the focused field, so
    # fast typing (or a paste) right after ctrl+g or F10 lands where the user meant (issue 17)
    BINDINGS = [
        # Translators: the labels of keys in the footer ("key"): one short word each. Next and
        # Prev move between questions; Quote and Follow mark the answer as a quote, or to follow up
        Binding("ctrl+n", "next", NP_("key", "Next"), id="session.next",
                priority=True),
        Binding("ctrl+r", "previous", N_("Prev"), id="session.previous",
                priority=True),
        Binding("ctrl+g", "jump", N_("Go to"), id="session.jump", priority=True),
        Binding("ctrl+o", "skip", N_("Skip"), id="session.skip", priority=True),
        Binding("ctrl+t", "flag('quote')", NP_("key", "Quote"),
                id="session.flag_quote",
                priority=True),
        Binding("ctrl+f", "flag('follow_up')", NP_("key", "Follow"),
                id="session.flag_follow_up", priority=True),
        Binding("f10", "finish", N_("Finish"), id="session.finish", priority=True),
        Binding("f9", "reopen", N_("Reopen"), id="session.reopen", priority=True),
        Binding("escape", "leave", N_("Leave"), id="session.leave"),
        # Enter in the outline opens its question at once, so the words typed right after it
        # go into that question's answer rather than to the outline (issue 28)
        Binding("enter", "open_highlighted", show=False, priority=True),
        *MOMENT_BINDINGS,
        *RECORDER_BINDINGS,
    ]

    if TYPE_CHECKING:
        app = typed_app()

    class AnswerSaved(Message):
        """The autosave wrote a question's text (posted from whichever thread wrote it)."""

        def __init__(self, question_id: str, when: float) -> None:
            super().__init__()
            self.question_id = question_id
            self.when = when

    class AnswerNotSaved(Message):
        """The autosave could not write a question's text; a StorageError is retried."""

        def __init__(self, question_id: str, error: BaseException) -> None:
            super().__init__()
            self.question_id = question_id
            self.error = error

    class Loaded(Message):
        """The session was read (by the loading worker): the screen can show it."""

        def __init__(self, run: SessionRun, who: str, interviewee: str) -> None:
            super().__init__()
            self.run = run
            self.who = who
            self.interviewee = interviewee

    class LoadFailed(Message):
        """The session cannot be opened (gone, refused, withdrawn, the disk): said, closed."""

        def __init__(self, problem: str) -> None:
            super().__init__()
            self.problem = problem

    class Written(Message):
        """A write of the screen's write line is done: `what` says what to draw again
        ('choice', 'ticks', 'flag', 'plan', 'plan-removed')."""

        def __init__(self, question_id: str, what: str) -> None:
            super().__init__()
            self.question_id = question_id
            self.what = what

    class NotWritten(Message):
        """The database refused a write of the write line (said in the app)."""

        def __init__(self, error: BaseException) -> None:
            super().__init__()
            self.error = error

    class Finished(Message):
        """The session was completed (F10, confirmed): the screen closes."""

    class Reopened(Message):
        """A completed session is in progress again (F9)."""

    class LeaseLost(Message):
        """Another program took the session while it was idle here."""

    def __init__(self, session_id: uuid.UUID, question_id: str | None = None) -> None:
        super().__init__()
        self.session_id = session_id
        self.start_question = question_id
        """Open at this question (e.g. from a search result) instead of where it stopped."""
        self.run: SessionRun | None = None
        """The session as it is (None until loaded)."""
        self.who = ""
        self.autosave: Autosave | None = None
        """Writes the typed answers (made once the session is open)."""
        self.lease = LeaseKeeper(session_id)
        self._writes = WriteLine(lambda error: self.post_message(self.NotWritten(error)))
        """Every other write of this screen, in order, off the UI thread."""
        self._loaded = asyncio.Event()
        """Set once the load is over (shown, or failed)."""
        self._lease_timer: Timer | None = None
        self._opened_at = time.monotonic()
        self._elapsed_base = 0
        self._last_persisted = 0
        self._saved_note = ""
        self._shown_offline = False
        """The status line says the saves are kept on the laptop."""
        self._finish_clock = 0
        """The clock at the F10 that opened the review: what finishing stores."""
        self._ending = False
        """Finishing or leaving was asked for: the clock is no longer stored by the tick."""
        self._shown_state: tuple[str, str] | None = None
        self._shown_lines: dict[str, tuple[str, tuple[Any, ...]]] = {}
        """What _set and _set_line last put in each widget (they skip what is unchanged)."""
        self._drawn_width = 0
        self._bindings_for: SessionStatus | None = None
        self.area = AnswerArea(id="answer", soft_wrap=True, show_line_numbers=False)
        """The answer field (kept: it is asked for while the screen closes too)."""
        self.moments = Moments(id="notes")
        self.recording = LaptopRecording(self)
        """The recording made on this laptop (F5, F8: reflect_tui.recorder)."""

    # Building ----------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(_("Opening…"), id="topbar", classes="interface-line")
        with Horizontal(id="body"):
            yield Outline(id="outline")
            with Vertical(id="main"):
                with VerticalScroll(id="question-area"):
                    yield Static("", id="stage-line")
                    yield Static("", id="prompt")
                    yield self.moments
                    # in the scrolling area, right under the question: never cut, never hidden
                    yield Static("", id="balance")
                    yield Static("", id="probes")
                    yield Static("", id="help")
                    yield Static("", id="guidance")
                    yield Static("", id="earlier")
                # the widgets for choices, ticks and the action plan are mounted once the
                # protocol is known (see `loaded`)
                yield Static("", id="note-label")
                yield self.area
                yield Static("", id="answer-status", classes="interface-line")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self._load()

    @work(thread=True, exclusive=True, group="session-load")
    def _load(self) -> None:
        """Read the session, its informant, and take its lease (a worker thread)."""
        store = self.store
        try:
            with store.reading():  # one transaction for the reads (round trips on a server)
                run = SessionRun.resume(store, self.session_id)
                informant = store.informant(run.session.informant_id) \
                    if run.session.informant_id else None
            if run.session.status == SessionStatus.IN_PROGRESS:
                self.lease.take(store)
        except ReflectError as exc:
            self.post_message(self.LoadFailed(str(exc)))
            return
        if informant is not None:
            who = f"{informant.pseudonym} ({Role(informant.role).label})"
        else:
            case = run.session.case_label
            who = _("Reflection: {case}").format(case=case) if case else _("Reflection")
        self.post_message(self.Loaded(run, who, informant.pseudonym if informant else ""))

    @on(LoadFailed)
    def load_failed(self, message: LoadFailed) -> None:
        self._ready()
        self.app.show_error(message.problem)
        if self.app.screen is self:
            self.app.pop_screen()

    @on(Loaded)
    async def loaded(self, message: Loaded) -> None:
        run = self.run = message.run
        # answer widgets only for the kinds of question this protocol has: the action plan
        # alone is nine widgets that most interviews never show, restyled on every opening
        kinds = {question.type for question in run.questions}
        extra: list[Widget] = []
        if kinds & set(ONE_OF):
            extra.append(OptionList(id="choices"))
        if kinds & set(MANY_OF):
            extra.append(SelectionList[str](id="ticks"))
        if "actions" in kinds:
            extra.append(ActionPlan(id="plan"))
        if extra:
            await self.query_one("#main", Vertical).mount_all(extra, before="#note-label")
        if self.start_question and self.start_question in {q.id for q in run.questions}:
            run.index = [q.id for q in run.questions].index(self.start_question)
        self._elapsed_base = self._last_persisted = run.session.elapsed_seconds
        self._opened_at = time.monotonic()
        self.who = message.who
        self.sub_title = visible(run.protocol.title)
        # post_message, not call_from_thread: it is thread-safe and does not wait for the UI
        # thread
        self.autosave = Autosave(
            run.save_typed, delay=self.SAVE_DELAY, retry_delay=self.RETRY_DELAY,
            saved=lambda question, when: self.post_message(self.AnswerSaved(question, when)),
            failed=lambda question, error: self.post_message(
                self.AnswerNotSaved(question, error)))
        self.moments.attach(run, self.elapsed, self.write, message.interviewee)
        if (held := self.lease.held) is not None:
            self.app.notify(_("This is open in {holder} since {since}: it opens read-only "
                              "here. Close it there first (a program that stopped lets go "
                              "within a minute).").format(holder=held.holder,
                                                          since=when(held.since)),
                            title=_("Open elsewhere"), timeout=12)
        self._keep_lease()
        self.set_interval(1, self._tick)
        self.show_question()
        self.call_after_refresh(self._redraw_outline_if_resized)
        self._ready()

    def _ready(self) -> None:
        """The load is over: the keys held meanwhile go on, and so do waiting actions."""
        self._loaded.set()
        self.area.ready.set()

    async def _settled(self, action: str = "") -> bool:
        """Wait for the load (a key typed while loading acts after it, and after the keys
        typed before it); False if the session could not be opened, or if `action` does not
        apply to it (check_action lets every action wait while it loads)."""
        if not self._loaded.is_set():
            await self._loaded.wait()
            if self.focused is not None:
                await keys_taken(self.focused)
            if action and self.run is not None and not self.check_action(action, ()):
                return False
        return self.run is not None

    @property
    def loaded_run(self) -> SessionRun:
        """The run, for what only happens once it is loaded."""
        if self.run is None:
            raise RuntimeError("the session is not loaded yet")
        return self.run

    @property
    def store(self) -> Store:
        """The app's store (open before any session screen is)."""
        store = self.app.store
        if store is None:
            raise RuntimeError("the database is not open")
        return store

    def on_resize(self) -> None:
        if self.run is not None:
            self.call_after_refresh(self._redraw_outline_if_resized)

    def _outline_width(self) -> int:
        return max(self.query_one("#outline", OptionList).size.width - 2, OUTLINE_WIDTH)

    def _redraw_outline_if_resized(self) -> None:
        """The outline cuts prompts to its width, known only after layout."""
        if self._outline_width() != self._drawn_width:
            self._draw_outline()

    @property
    def editable(self) -> bool:
        return (self.run is not None and self.run.session.status == SessionStatus.IN_PROGRESS
                and self.lease.held is None)

    # Writing -----------------------------------------------------------------------------
    def write(self, job: Job) -> Future[object]:
        """Queue a store job on the write line and start a worker for it."""
        future = self._writes.add(job)
        self._drain_writes()
        return future

    @work(thread=True, group="session-writes")
    def _drain_writes(self) -> None:
        self._writes.drain()

    async def _written(self, future: Future[object]) -> bool:
        """Wait for a job without the UI thread waiting: True if it wrote what it meant to
        (a refusal is said by NotWritten or AnswerNotSaved)."""
        try:
            return bool(await asyncio.wrap_future(future))
        except (ReflectError, SQLAlchemyError):
            return False

    def _flushing(self) -> Callable[[], bool]:
        """For a job: write what the autosave holds first; False if it could not."""
        saver = self.autosave
        return saver.flush if saver is not None else lambda: True

    def _keep_lease(self) -> None:
        if self._lease_timer is None and self.lease.token is not None:
            self._lease_timer = self.set_interval(RENEW_EVERY, self._renew_lease)

    @work(thread=True, exclusive=True, group="session-lease")
    def _renew_lease(self) -> None:
        if not self.lease.renew(self.store):
            self.post_message(self.LeaseLost())

    @on(LeaseLost)
    def lease_lost(self) -> None:
        self.app.notify(_("Another program took this session while it was idle here; it is "
                          "read-only now. What was saved is kept."), title=_("Open elsewhere"),
                        severity="warning", timeout=12)
        self.show_question()

    def on_unmount(self) -> None:
        self._ready()  # keys still held go to a closing field: let it close
        self.recording.stop_now()  # what it captured is written before the screen goes
        saver, lease, store = self.autosave, self.lease, self.store
        if self._writes.pending or (saver is not None and saver.pending) \
                or lease.token is not None:
            # closed another way than Esc, F10 or quitting (which wrote all this already),
            # e.g. the app closing: what is left is written now, before it ends
            def close() -> None:
                if saver is not None:
                    saver.close()
                lease.release(store)

            self._writes.add(close)
            self._writes.drain()
        elif saver is not None:
            saver.close()  # nothing to write: only stops its thread

    @property
    def kind(self) -> str:
        return self.loaded_run.question.type

    def elapsed(self) -> int:
        if not self.editable:
            return self._elapsed_base
        return self._elapsed_base + int(time.monotonic() - self._opened_at)

    def show_question(self) -> None:
        """Draw the current question, its answer widget and the outline from the run."""
        run = self.loaded_run
        question, stage = run.question, run.stage
        stage_number = run.protocol.stages.index(stage) + 1
        planned = sum(s.minutes or 0 for s in run.protocol.stages[:stage_number])
        minutes = " · " + _("suggested {minutes} min").format(minutes=stage.minutes) \
            if stage.minutes else ""
        plan = " " + _("(plan: {minutes} min by its end)").format(minutes=planned) \
            if planned else ""
        stage_label = _("Stage {number}/{total}:").format(number=stage_number,
                                                          total=len(run.protocol.stages))
        self._set("#stage-line", markup("[b]$label $title[/b][dim]$minutes$plan[/dim]",
                                        label=stage_label, title=stage.title, minutes=minutes,
                                        plan=plan))
        required = markup("  [b $warning]$required[/]", required=_("(required)")) \
            if question.required else ""
        self._set("#prompt", markup("[b]$number. $prompt[/b]", number=run.index + 1,
                                    prompt=question.prompt) + required)
        self._set("#probes", text("\n".join(f"  • {p}" for p in question.probes)))
        self._set("#help", markup("[dim]$help[/dim]", help=question.help)
                  if question.help else "")
        lead = _("Interviewer:") + " " if run.session.kind == "interview" else ""
        guidance = markup("[i]$lead$guidance[/i]", lead=lead, guidance=stage.guidance) \
            if stage.guidance else ""
        self._set("#guidance", guidance)
        earlier = run.earlier()
        earlier_text = answer_text(question, earlier) if earlier else ""
        earlier_label = _("Earlier ({date}):").format(
            date=when(run.earlier_session.started_at)) \
            if earlier_text and run.earlier_session is not None else ""
        self._set("#earlier", markup("[b]$label[/b]\n$text", label=earlier_label,
                                     text=earlier_text) if earlier_text else "")
        self.query_one("#question-area", VerticalScroll).scroll_home(animate=False)
        self.moments.show(self.editable)
        self._show_answer_widgets()
        self._shown_offline = self.offline  # said on every question while it lasts
        self._saved_note = _("offline: kept on this laptop") if self._shown_offline else ""
        self._draw_outline()
        self.draw_status()
        if self._bindings_for != run.session.status:
            # Only the session's status changes which keys apply; refreshing the footer on
            # every question made it rebuild itself each time.
            self._bindings_for = run.session.status
            self.refresh_bindings()
    def _show_answer_widgets(self) -> None:
        run, kind = self.loaded_run, self.kind
        question = run.question
        area = self.query_one("#answer", TextArea)
        note_label = self.query_one("#note-label", Static)
        for selector, shown in (("#choices", kind in ONE_OF), ("#ticks", kind in MANY_OF),
                                ("#plan", kind == "actions")):
            for widget in self.query(selector):
                widget.display = shown
        area.display = kind in ("text", "list") or bool(question.note)
        area.set_class(kind not in ("text", "list"), "note")
        note_label.display = area.display and kind != "text"
        label = question.note if question.note[-1:] in ("?", ":", ".") else f"{question.note}:"
        note_label.update(text(_("One item per line:") if kind == "list" else label))
        # the newest text: a save may not have landed yet (moving does not wait for it)
        unsaved = self.autosave.unsaved(question.id) if self.autosave is not None else None
        area.load_text(unsaved if unsaved is not None else
                       "\n".join(run.value() or []) if kind == "list" else run.text())
        area.read_only = not self.editable
        area.move_cursor(area.document.end)
        if kind in ONE_OF:
            choices = self.query_one("#choices", OptionList)
            self._draw_choices()
            choices.disabled = not self.editable
            self.set_focus(choices)
        elif kind in MANY_OF:
            ticks = self.query_one("#ticks", SelectionList)
            chosen = run.value() or []
            ticks.clear_options()
            ticks.add_options([(text(option), option, option in chosen)
                               for option in question.options])
            ticks.highlighted = 0
            ticks.disabled = not self.editable
            self.set_focus(ticks)
        elif kind == "actions":
            plan = self.query_one("#plan", ActionPlan)
            plan.show(run.actions, self.editable)
            plan.focus_entry() if self.editable else \
                self.set_focus(plan.query_one("#action-table"))
        else:
            # at once, not deferred like Widget.focus(): keys typed right after a move must
            # reach the new field (issue 17)
            self.set_focus(area)

    def _draw_choices(self) -> None:
        question, current = self.loaded_run.question, self.loaded_run.value()
        if question.type == "scale":
            points = question.points
            items = [(str(p), f"{p}  {points.label(p)}".rstrip(), p == current)
                     for p in range(points.min, points.max + 1)]
        else:
            items = [(str(i), option, option == current)
                     for i, option in enumerate(question.options)]
        choices = self.query_one("#choices", OptionList)
        choices.set_options([Option(text(f"{'●' if on else '○'} {label}"), id=key)
                             for key, label, on in items])
        chosen = [i for i, (_, _, on) in enumerate(items) if on]
        choices.highlighted = chosen[0] if chosen else 0

    def _set(self, selector: str, content: Content | str) -> None:
        if self._shown_lines.get(selector) == _drawn(content):
            return
        self._shown_lines[selector] = _drawn(content)
        widget = self.query_one(selector, Static)
        widget.update(content)
        widget.display = bool(content)

    def _set_line(self, selector: str, content: Content) -> None:
        """A line of fixed height (1 in session.tcss): redrawn alone when its text changes,
        without laying out the screen again (a layout costs a typed key's time, and the
        clock changes every second)."""
        if self._shown_lines.get(selector) != _drawn(content):
            self._shown_lines[selector] = _drawn(content)
            self.query_one(selector, Static).update(content, layout=False)

    def _draw_outline(self) -> None:
        run = self.loaded_run
        options: list[Option] = []
        highlight = 0
        outline = self.query_one("#outline", OptionList)
        width = self._drawn_width = self._outline_width()
        for stage in run.protocol.stages:
            done = run.progress(stage)
            minutes = " " + _("{minutes} min").format(minutes=stage.minutes) \
                if stage.minutes else ""
            options.append(Option(markup("[b]$title[/b] $done/$total$minutes",
                                         title=_cut(stage.title, width - 9), done=done.done,
                                         total=done.total, minutes=minutes), disabled=True))
            for question in stage.questions:
                number = run.questions.index(question) + 1
                if question.id == run.question.id:
                    highlight = len(options)
                flags = _flag_marks(run.answer(question.id))
                prompt = _cut(question.prompt, width - 8 - len(flags))
                options.append(Option(STATE_MARKS[run.state(question.id)] + markup(
                    " $number $flags$prompt", number=f"{number:>2}", flags=flags,
                    prompt=prompt), id=question.id))
        outline.set_options(options)
        outline.highlighted = highlight
        self._shown_state = (run.question.id, run.state(run.question.id))

    def draw_status(self) -> None:
        run = self.loaded_run
        answer = run.answer()
        bits: list[Content] = []
        if self._saved_note and self._shown_offline:  # first: never cut off at 80 columns
            bits.append(markup("[b $warning]$note[/]", note=self._saved_note))
        if answer and answer.flag_quote:
            bits.append(markup("[b $accent]★ $flag[/]", flag=_("quote")))
        if answer and answer.flag_follow_up:
            bits.append(markup("[b $warning]⚑ $flag[/]", flag=_("follow up")))
        if run.state(run.question.id) == "skipped":
            bits.append(markup("[yellow]$skipped[/]", skipped=_("skipped")))
        balance = run.balance()
        if balance is not None:
            bits.append(text(f"⚖ +{balance.positive}/−{balance.negative}"))
        if (held := self.lease.held) is not None:
            bits.append(text(_("open in {holder} (read-only here)").format(holder=held.holder)))
        elif not self.editable:
            bits.append(markup("[b]$status[/b] $read_only",
                               status=STATUS_LABELS[run.session.status],
                               read_only=_("(read-only; F9 reopens)")))
        if moments := self.moments.moments_line():
            bits.append(markup("[dim]$moments[/dim]", moments=moments))
        if answer and (words := words_in(answer.text)):
            bits.append(text(ngettext("{count} word", "{count} words", words).format(
                count=words)))
        if self._saved_note and not self._shown_offline:
            bits.append(markup("[dim]$note[/dim]", note=self._saved_note))
        self._set_line("#answer-status", joined("  ", bits))
        banner: Content | str = ""
        if balance is not None and balance.one_sided and self.editable:
            banner = markup("[b]⚖ $one_sided[/b] $prompt", one_sided=_("One-sided so far."),
                            prompt=balance.prompt.strip())
        self._set("#balance", banner)
        self._draw_topbar()

    def _draw_topbar(self) -> None:
        run = self.loaded_run
        total = run.progress()
        filled = round(10 * total.done / total.total) if total.total else 0
        bar = "█" * filled + "░" * (10 - filled)
        line = text(f"{self.who}  " + _("Q {number}/{total}").format(
                number=run.index + 1, total=len(run.questions)) + f"  {bar} "
            + _("{answered} answered, {skipped} skipped").format(
                answered=total.answered, skipped=total.skipped)) \
            + (self.moments.recording_mark() or text(f"  ⏱ {clock(self.elapsed())}"))
        if (recording := self.recording.mark()) is not None:
            line = recording + line  # first: the meter is never the part cut at 80 columns
        if run.session.locked_at is not None:
            line += markup("  [b]$locked[/b]", locked=_("locked"))
        self._set_line("#topbar", line)

    def redraw_topbar(self) -> None:
        if self.run is not None:
            self._draw_topbar()

    def _tick(self) -> None:
        if self.run is None:
            return
        self._draw_topbar()
        if self._shown_offline != self.offline and (self._saved_note or self.offline):
            self._show_saved()  # the journal was replayed (or the server went away)
        # not while a dialog or the review is on top: the clock F10 showed is the one
        # finishing stores, and the stored clock only grows
        if self.editable and not self._ending and self.app.screen is self \
                and self.elapsed() - self._last_persisted >= self.PERSIST_CLOCK_EVERY:
            run, elapsed = self.run, self.elapsed()
            self._last_persisted = elapsed
            self.write(lambda: run.save_elapsed(elapsed))

    # Saving ------------------------------------------------------------------------------
    @on(TextArea.Changed, "#answer")
    def answer_changed(self) -> None:
        if self.editable:
            self.moments.typing(self.area.text)
            self._queue_answer()

    def _queue_answer(self) -> None:
        """Hand the text area's text to the autosave, under the question it was typed in."""
        area = self.area
        if self.autosave is not None and self.run is not None and self.editable \
                and area.display:
            self.autosave.changed(self.run.question.id, area.text, self.moments.typed_code)

    def flush(self) -> bool:
        """Write the text area to the database now, after any save already under way;
        False if it could not be saved. Waits for the database: for quitting, and tests."""
        if self.autosave is None:
            return True
        self._queue_answer()
        return self.autosave.flush()

    @on(AnswerSaved)
    def answer_saved(self, message: AnswerSaved) -> None:
        if self.run is not None and message.question_id == self.run.question.id:
            self._show_saved(message.when)  # (another: moving saved it, then drew it all)

    @on(AnswerNotSaved)
    def answer_not_saved(self, message: AnswerNotSaved) -> None:
        if self.run is not None:
            self._report(message.error)

    @on(NotWritten)
    def not_written(self, message: NotWritten) -> None:
        self._report(message.error)

    @on(Written)
    def written(self, message: Written) -> None:
        """Draw again what a write of the write line changed."""
        if self.run is None:
            return
        current = message.question_id == self.run.question.id
        if current:
            self._show_saved()
        if message.what == "flag":
            self.draw_status()
            self._draw_outline()
        elif current and message.what == "choice":
            self._draw_choices()
        elif current and message.what in ("plan", "plan-removed"):
            plan = self.query_one("#plan", ActionPlan)
            plan.show(self.run.actions, self.editable)
            if message.what == "plan":
                plan.focus_entry()

    def _save_value(self, value: Any, what: str) -> None:
        """Store the current question's value (a choice, the ticks) in the background."""
        run = self.loaded_run
        question_id = run.question.id

        def save() -> None:
            run.save_value_of(question_id, value)
            self.post_message(self.Written(question_id, what))

        self.write(save)

    def _show_saved(self, when: float | None = None) -> None:
        """'saved 12:31:04' in the status line, or 'offline: kept on this laptop' while the
        team server cannot be reached (reflect.store.journaled); the outline too if the
        question's state changed (open, answered)."""
        run = self.loaded_run
        self._shown_offline = self.offline
        self._saved_note = _("offline: kept on this laptop") if self._shown_offline else \
            _("saved {time}").format(time=time.strftime("%H:%M:%S", time.localtime(when)))
        self.draw_status()
        if self._shown_state != (run.question.id, run.state(run.question.id)):
            self._draw_outline()

    @property
    def offline(self) -> bool:
        """The saves go to the laptop's journal: the team server cannot be reached."""
        store = self.app.store
        return isinstance(store, JournaledStore) and store.offline

    def _report(self, error: BaseException) -> None:
        if isinstance(error, StorageError):
            self._saved_note = _("NOT SAVED: retrying")
            if self.run is not None:
                self.draw_status()
            self.app.show_error(_("Not saved: {problem}").format(problem=error))
        elif isinstance(error, ReflectError):
            self.app.show_error(str(error))
        elif isinstance(error, SQLAlchemyError):
            self.app.show_error(_("Could not save to the database ({problem}). Your text is "
                                  "still on screen; do not close the app.").format(
                problem=type(getattr(error, "orig", None) or error).__name__))
        else:
            raise error  # unexpected: the crash report

    @on(OptionList.OptionSelected, "#choices")
    def choice_made(self, event: OptionList.OptionSelected) -> None:
        question = self.loaded_run.question
        key = int(event.option.id or 0)
        self._save_value(key if question.type == "scale" else question.options[key], "choice")

    def on_key(self, event: events.Key) -> None:
        """Digits choose a scale point while the scale list has focus."""
        if self.run is None or self.kind != "scale" or not event.character \
                or not event.character.isdigit() \
                or not self.query_one("#choices", OptionList).has_focus:
            return
        point = int(event.character)
        points = self.run.question.points
        if points is not None and points.min <= point <= points.max and self.editable:
            event.stop()
            self._save_value(point, "choice")

    @on(SelectionList.SelectedChanged, "#ticks")
    def ticks_changed(self, event: SelectionList.SelectedChanged[str]) -> None:
        if self.editable and self.kind in MANY_OF:
            self._save_value(list(event.selection_list.selected), "ticks")

    @on(ActionPlan.Add)
    def action_added(self, event: ActionPlan.Add) -> None:
        run = self.loaded_run
        question_id, entered, review_on = run.question.id, event.text, event.review_on

        def add() -> None:
            run.add_action(entered, review_on)
            self.post_message(self.Written(question_id, "plan"))

        self.write(add)

    @on(ActionPlan.Remove)
    def action_removed(self, event: ActionPlan.Remove) -> None:
        run = self.loaded_run
        item = next((a for a in run.actions if a.id == event.action_id), None)
        if item is None or not self.editable:
            return
        question_id, action_id = run.question.id, item.id

        def remove() -> None:
            run.remove_action(action_id)
            self.post_message(self.Written(question_id, "plan-removed"))

        def confirmed(yes: bool | None) -> None:
            if yes:
                self.write(remove)

        self.app.push_screen(ConfirmDialog(_("Remove this step?"), item.text, _("Remove"),
                                           _("Keep")), confirmed)

    # Moving ------------------------------------------------------------------------------
    def go_to(self, question_id: str | None) -> None:
        """Show another question at once; its text was handed to the autosave, and the
        position is stored behind it (the write line flushes the autosave first)."""
        run = self.run
        if not question_id or run is None:
            return
        self._queue_answer()
        elapsed = self.elapsed()
        run.step_to(question_id, elapsed)
        flushed = self._flushing()

        def save_position() -> None:
            flushed()
            run.save_position(question_id, elapsed)

        self._last_persisted = elapsed
        self.show_question()
        self.write(save_position)

    async def action_next(self) -> None:
        if not await self._settled():
            return
        run = self.loaded_run
        if run.is_last:
            self._queue_answer()
            self.write(self._flushing())
            self.app.notify(_("That was the last question.") +
                            (" " + _("Press F10 to finish.") if self.editable else ""))
            return
        self.go_to(run.questions[run.index + 1].id)

    async def action_previous(self) -> None:
        if await self._settled() and not self.loaded_run.is_first:
            run = self.loaded_run
            self.go_to(run.questions[run.index - 1].id)

    async def action_jump(self) -> None:
        if await self._settled():
            self.set_focus(self.query_one("#outline", OptionList))

    async def action_open_highlighted(self) -> None:
        outline = self.query_one("#outline", OptionList)
        if await self._settled() and outline.highlighted is not None:
            self.go_to(outline.get_option_at_index(outline.highlighted).id)

    @on(OptionList.OptionSelected, "#outline")
    def jump_to(self, event: OptionList.OptionSelected) -> None:
        self.go_to(event.option.id)

    async def action_skip(self) -> None:
        """Skip, then the next question; the keys typed after ctrl+o wait for the skip, so
        they go to the question after (a skip refused keeps them here)."""
        if not await self._settled("skip"):
            return
        run = self.loaded_run
        question_id, flushed = run.question.id, self._flushing()
        self._queue_answer()

        def skip() -> bool:
            if not flushed():
                return False
            run.skip(question_id)
            return True

        if not await self._written(self.write(skip)) or run.question.id != question_id:
            return
        self.show_question()
        if not run.is_last:
            await self.action_next()

    async def action_flag(self, flag: str) -> None:
        if not await self._settled("flag"):
            return
        run = self.loaded_run
        question_id, flushed = run.question.id, self._flushing()
        self._queue_answer()

        def toggle() -> None:
            if flushed():
                run.toggle_flag(flag, question_id)
                self.post_message(self.Written(question_id, "flag"))

        self.write(toggle)

    async def action_finish(self) -> None:
        """F10: every question on one screen first; finishing is confirmed from there."""
        from reflect_tui.review import FINISH, ReviewScreen

        if not await self._settled("finish"):
            return
        self._queue_answer()
        self._finish_clock = self.elapsed()  # the interview's length ends at this F10
        if not await self._written(self.write(self._flushing())):
            return

        review = ReviewScreen(self.loaded_run, self.editable)

        def reviewed(choice: str | None) -> None:
            if review.transcripts_taken:  # an answer took a transcript: draw it before moving
                self.show_question()
            if choice == FINISH:
                self.confirm_finish()
            elif choice:
                self.go_to(choice)

        self.app.push_screen(review, reviewed)

    def confirm_finish(self) -> None:
        run = self.loaded_run
        interview = run.session.kind == "interview"
        missing = run.missing_required()
        parts = []
        if missing:
            listed = "\n".join(f"  {run.questions.index(q) + 1}. {_cut(q.prompt, 60)}"
                               for q in missing[:6])
            parts.append(ngettext("{count} required question is neither answered nor skipped:",
                                  "{count} required questions are neither answered nor "
                                  "skipped:", len(missing)).format(count=len(missing))
                         + f"\n{listed}")
        balance = run.balance()
        if balance is not None and balance.one_sided:
            parts.append(_("It looks one-sided (+{positive}/−{negative}).").format(
                positive=balance.positive, negative=balance.negative)
                + f" {balance.prompt.strip()}")
        title = _("Finish the interview?") if interview else _("Finish the reflection?")
        if parts:
            body = "\n\n".join(parts) + "\n\n" + _("Finish anyway?")
            dialog = ConfirmDialog(title, body, _("Finish anyway"), _("Go back"),
                                   focus_yes=True)
        else:
            dialog = ConfirmDialog(title, _("Mark it complete? You can reopen it later."),
                                   _("Mark complete"), _("Cancel"), focus_yes=True)
        self.app.push_screen(dialog, self._finish_confirmed)

    def _finish_confirmed(self, confirmed: bool | None) -> None:
        if not confirmed:
            self.app.notify(_("Not finished: it is still in progress."), title=_("Still open"))
            return
        run, elapsed, lease, store = self.loaded_run, self._finish_clock, self.lease, \
            self.store
        self._ending = True

        def complete() -> None:
            # the clock as shown at F10 is the one stored, then the session is completed
            run.save_elapsed(elapsed)
            run.complete()
            lease.release(store)
            self.post_message(self.Finished())

        self.write(complete)

    @on(Finished)
    def finished(self) -> None:
        self.app.notify(_("Marked complete."), title=_("Completed"))
        if self.app.screen is self:
            self.app.pop_screen()

    async def action_reopen(self) -> None:
        if not await self._settled("reopen"):
            return
        session = self.loaded_run.session
        if session.locked_at is not None:
            from reflect_tui.prompts import TextPrompt

            day = formats.day(session.locked_at)
            by = session.locked_by
            locked = _("Locked on {date} by {who}.").format(date=day, who=by) if by else \
                _("Locked on {date}.").format(date=day)
            self.app.push_screen(
                TextPrompt(_("This interview is locked"),
                           locked + " " + _("Why must it change? (recorded)"),
                           empty_message=_("Say why, or press Esc to leave it as it is.")),
                lambda reason: self._reopen(reason) if reason else None)
            return
        self._reopen("")

    def _reopen(self, reason: str) -> None:
        run, lease, store = self.loaded_run, self.lease, self.store

        def reopen() -> None:
            run.reopen(reason)
            lease.take(store)
            self.post_message(self.Reopened())

        self.write(reopen)

    @on(Reopened)
    def reopened(self) -> None:
        self._keep_lease()
        self._elapsed_base = self.loaded_run.session.elapsed_seconds
        self._opened_at = time.monotonic()
        self.show_question()

    def _leaving(self) -> Job:
        """The job that saves the answer being typed and the clock, and lets the lease go."""
        run, flushed, lease, store = self.loaded_run, self._flushing(), self.lease, \
            self.store
        elapsed = self.elapsed() if self.editable else None
        self._queue_answer()
        self._ending = True

        def leave() -> None:
            if flushed() and elapsed is not None:
                run.save_elapsed(elapsed)
            lease.release(store)

        return leave

    def leave_saving(self) -> None:
        """Save the answer being typed and the clock, and let the lease go, before quitting:
        this waits for the database (the app is closing)."""
        self.recording.stop_now()
        if self.run is not None:
            self._writes.add(self._leaving())
            self._writes.drain()

    async def action_leave(self) -> None:
        """Esc: the screen closes once what was typed and the clock are written (the keys
        typed meanwhile wait, then go to the screen below)."""
        if not await self._settled():
            return
        await self._written(self.write(self._leaving()))  # a refusal is said; it closes
        if self.app.screen is self:
            self.app.pop_screen()

    # The moments (F2, F3, F4: reflect_tui.moments) ---------------------------------------
    async def action_stamp(self) -> None:
        """F3: the time code goes into the answer at the cursor, before the keys after F3."""
        if not await self._settled("stamp"):
            return
        area = self.area
        if not area.display or area.read_only:
            return
        row, column = area.cursor_location
        before = area.document.get_line(row)[:column]
        space = " " if before and not before[-1].isspace() else ""
        area.insert(f"{space}{self.moments.stamp()} ")
        area.focus()

    async def action_note(self) -> None:
        if await self._settled("note"):
            self.moments.take_note()

    async def action_recording(self) -> None:
        if await self._settled("recording") and not self.recording.refuses_f4():
            self.moments.start_recording()

    async def action_record(self) -> None:
        if await self._settled("record"):
            self.recording.record()

    async def action_stop_recording(self) -> None:
        if await self._settled("stop_recording"):
            self.recording.stop()

    @on(Moments.NoteTaken)
    @on(Moments.RecordingConsentRecorded)
    def moment_kept(self) -> None:
        if self.run is not None:
            self.draw_status()

    @on(Moments.RecordingStarted)
    def recording_started(self) -> None:
        if self.run is not None:
            self.show_question()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "open_highlighted":
            return self.query_one("#outline", OptionList).has_focus
        if self.run is None:
            return True  # until loaded, actions wait for it (see _settled)
        if action in ("skip", "flag", "finish", "note", "stamp"):
            return self.editable
        if action in ("recording", "record", "stop_recording"):
            return self.editable and self.run.session.kind == "interview"
        if action == "reopen":
            return self.run.session.status == SessionStatus.COMPLETED
        return True


def _flag_marks(answer: Answer | None) -> str:
    """★ for a quote, ⚑ for follow-up, as in the status line: seen in the outline too."""
    if answer is None:
        return ""
    return ("★" if answer.flag_quote else "") + ("⚑" if answer.flag_follow_up else "")


def _drawn(content: Content | str) -> tuple[str, tuple[Any, ...]]:
    """What a line draws, styles included (Content's == compares the text alone)."""
    if isinstance(content, str):
        return content, ()
    return content.plain, tuple(content.spans)


def _cut(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
