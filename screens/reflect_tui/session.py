"""The session screen: one question at a time, saved as you type.

Left, the outline (stages with their progress and suggested minutes, questions with their
state; choosing one jumps there). Right, the question with its probes and guidance, and the
answer widget its type needs: a large text area, a scale or choice list, a checklist, a list
(one item per line) or the action plan. Typed text goes to the session's Autosave
(reflect.method.autosave: at most SAVE_DELAY seconds after a change, by its own thread, and at
once before moving, leaving or quitting); its news comes back as AnswerSaved / AnswerNotSaved
messages. Choices are saved when made.
"""

from __future__ import annotations

import time
import uuid

from sqlalchemy.exc import SQLAlchemyError
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Header, TextArea
from textual.widgets.option_list import Option

from reflect import formats
from reflect.bidi import display_line
from reflect.errors import ReflectError, StorageError
from reflect.i18n import _, ngettext
from reflect.method import autosave
from reflect.method.autosave import Autosave
from reflect.method.session import SessionRun
from reflect.models import SessionStatus
from reflect.protocol.render import answer_text
from reflect.roles import Role
from reflect.text import visible
from reflect_tui.action_plan import ActionPlan
from reflect_tui.bidi_view import OptionList, SelectionList, Static
from reflect_tui.confirm import ConfirmDialog
from reflect_tui.footer import Footer
from reflect_tui.labels import STATUS_LABELS, clock, when
from reflect_tui.lease import LeaseKeeper
from reflect_tui.moments import MOMENT_BINDINGS, InterviewMoments
from reflect_tui.review import words_in
from reflect_tui.safe import SafeTextArea, joined, markup, text

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


class SessionScreen(InterviewMoments, Screen[None]):
    CSS_PATH = "session.tcss"
    SAVE_DELAY = autosave.SAVE_DELAY
    RETRY_DELAY = autosave.RETRY_DELAY
    PERSIST_CLOCK_EVERY = 15
    # priority: handled before the keys typed after them are passed to the focused field, so
    # fast typing (or a paste) right after ctrl+g or F10 lands where the user meant (issue 17)
    BINDINGS = [
        Binding("ctrl+n", "next", display_line(_("Next")), id="session.next", priority=True),
        Binding("ctrl+r", "previous", display_line(_("Prev")), id="session.previous",
                priority=True),
        Binding("ctrl+g", "jump", display_line(_("Go to")), id="session.jump", priority=True),
        Binding("ctrl+o", "skip", display_line(_("Skip")), id="session.skip", priority=True),
        Binding("ctrl+t", "flag('quote')", display_line(_("Quote")), id="session.flag_quote",
                priority=True),
        Binding("ctrl+f", "flag('follow_up')", display_line(_("Follow")),
                id="session.flag_follow_up", priority=True),
        Binding("f10", "finish", display_line(_("Finish")), id="session.finish", priority=True),
        Binding("f9", "reopen", display_line(_("Reopen")), id="session.reopen", priority=True),
        Binding("escape", "leave", display_line(_("Leave")), id="session.leave"),
        # Enter in the outline opens its question at once, so the words typed right after it
        # go into that question's answer rather than to the outline (issue 28)
        Binding("enter", "open_highlighted", show=False, priority=True),
        *MOMENT_BINDINGS,
    ]

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

    def __init__(self, session_id: uuid.UUID, question_id: str | None = None):
        super().__init__()
        self.session_id = session_id
        self.start_question = question_id
        """Open at this question (e.g. from a search result) instead of where it stopped."""
        self.run: SessionRun | None = None
        self._failed = ""
        self.who = ""
        self.autosave: Autosave | None = None
        """Writes the typed answers (made once the session is open)."""
        self._opened_at = time.monotonic()
        self._elapsed_base = 0
        self._last_persisted = 0
        self._saved_note = ""
        self._finish_clock = 0
        """The clock at the F10 that opened the review: what finishing stores."""
        self._shown_state: tuple[str, str] | None = None
        self._shown_lines: dict[str, tuple] = {}
        """What _set and _set_line last put in each widget (they skip what is unchanged)."""
        self._drawn_width = 0
        self._bindings_for: SessionStatus | None = None
        self.lease = LeaseKeeper(self, session_id, self._lease_lost)

    # Building ----------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        try:
            self.run = SessionRun.resume(self.app.store, self.session_id)
        except ReflectError as exc:
            self._failed = str(exc)  # said and closed once mounted
        # answer widgets only for the kinds of question this protocol has: the action plan
        # alone is nine widgets that most interviews never show, restyled on every opening
        kinds = {question.type for question in self.run.questions} if self.run else set()
        yield Header()
        yield Static("", id="topbar", classes="interface-line")
        with Horizontal(id="body"):
            yield Outline(id="outline")
            with Vertical(id="main"):
                with VerticalScroll(id="question-area"):
                    yield Static("", id="stage-line")
                    yield Static("", id="prompt")
                    yield Static("", id="notes")
                    # in the scrolling area, right under the question: never cut, never hidden
                    yield Static("", id="balance")
                    yield Static("", id="probes")
                    yield Static("", id="help")
                    yield Static("", id="guidance")
                    yield Static("", id="earlier")
                if kinds & set(ONE_OF):
                    yield OptionList(id="choices")
                if kinds & set(MANY_OF):
                    yield SelectionList[str](id="ticks")
                if "actions" in kinds:
                    yield ActionPlan(id="plan")
                yield Static("", id="note-label")
                yield SafeTextArea(id="answer", soft_wrap=True, show_line_numbers=False)
                yield Static("", id="answer-status", classes="interface-line")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        if self.run is None:
            self.app.show_error(self._failed)
            self.app.pop_screen()
            return
        run = self.run
        if self.start_question and self.start_question in {q.id for q in run.questions}:
            run.index = [q.id for q in run.questions].index(self.start_question)
        self._elapsed_base = self._last_persisted = run.session.elapsed_seconds
        self._opened_at = time.monotonic()
        informant = self.app.store.informant(run.session.informant_id) \
            if run.session.informant_id else None
        if informant:
            self.who = f"{informant.pseudonym} ({Role(informant.role).label})"
        else:
            case = run.session.case_label
            self.who = _("Reflection: {case}").format(case=case) if case else _("Reflection")
        self.sub_title = display_line(visible(run.protocol.title))
        # post_message, not call_from_thread: it is thread-safe and does not wait for the UI
        # thread, which may itself be in flush()
        self.autosave = Autosave(
            run.save_typed, delay=self.SAVE_DELAY, retry_delay=self.RETRY_DELAY,
            saved=lambda question, when: self.post_message(self.AnswerSaved(question, when)),
            failed=lambda question, error: self.post_message(
                self.AnswerNotSaved(question, error)))
        if run.session.status == SessionStatus.IN_PROGRESS:
            self.lease.take()
            if (held := self.lease.held) is not None:
                self.app.notify(_("This is open in {holder} since {since}: it opens read-only "
                                  "here. Close it there first (a program that stopped lets go "
                                  "within a minute).").format(holder=held.holder,
                                                              since=when(held.since)),
                                title=_("Open elsewhere"),
                                timeout=12)
        self.set_interval(1, self._tick)
        self.show_question()
        self.call_after_refresh(self._redraw_outline_if_resized)

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

    def _lease_lost(self) -> None:
        self.app.notify(_("Another program took this session while it was idle here; it is "
                          "read-only now. What was saved is kept."), title=_("Open elsewhere"),
                        severity="warning", timeout=12)
        self.show_question()

    def on_unmount(self) -> None:
        if self.autosave is not None:
            self.autosave.close()  # what leaving did not save (it saves first), then the thread
        self.lease.release()

    @property
    def kind(self) -> str:
        return self.run.question.type

    def elapsed(self) -> int:
        if not self.editable:
            return self._elapsed_base
        return self._elapsed_base + int(time.monotonic() - self._opened_at)

    def show_question(self) -> None:
        """Draw the current question, its answer widget and the outline from the run."""
        run = self.run
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
            date=when(run.earlier_session.started_at)) if earlier_text else ""
        self._set("#earlier", markup("[b]$label[/b]\n$text", label=earlier_label,
                                     text=earlier_text) if earlier_text else "")
        self.draw_notes()
        self.query_one("#question-area", VerticalScroll).scroll_home(animate=False)
        self.mark_question_opened()
        self._show_answer_widgets()
        self._saved_note = ""
        self._draw_outline()
        self.draw_status()
        if self._bindings_for != self.run.session.status:
            # Only the session's status changes which keys apply; refreshing the footer on
            # every question made it rebuild itself each time.
            self._bindings_for = self.run.session.status
            self.refresh_bindings()

    def _show_answer_widgets(self) -> None:
        run, kind = self.run, self.kind
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
        area.load_text("\n".join(run.value() or []) if kind == "list" else run.text())
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
        question, current = self.run.question, self.run.value()
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
        run = self.run
        options: list[Option] = []
        highlight = 0
        outline = self.query_one("#outline", OptionList)
        width = self._drawn_width = self._outline_width()
        for stage in run.protocol.stages:
            done = run.progress(stage)
            minutes = f" {stage.minutes}m" if stage.minutes else ""
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
        run = self.run
        answer = run.answer()
        bits: list[Content] = []
        if answer and answer.flag_quote:
            bits.append(markup("[b $accent]★ quote[/]"))
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
        if moments := self.moments_line():
            bits.append(markup("[dim]$moments[/dim]", moments=moments))
        if answer and (words := words_in(answer.text)):
            bits.append(text(ngettext("{count} word", "{count} words", words).format(
                count=words)))
        if self._saved_note:
            bits.append(markup("[dim]$note[/dim]", note=self._saved_note))
        self._set_line("#answer-status", joined("  ", bits))
        banner: Content | str = ""
        if balance is not None and balance.one_sided and self.editable:
            banner = markup("[b]⚖ $one_sided[/b] $prompt", one_sided=_("One-sided so far."),
                            prompt=balance.prompt.strip())
        self._set("#balance", banner)
        self._draw_topbar()

    def _draw_topbar(self) -> None:
        run = self.run
        total = run.progress()
        filled = round(10 * total.done / total.total) if total.total else 0
        bar = "█" * filled + "░" * (10 - filled)
        line = text(f"{self.who}  " + _("Q {number}/{total}").format(
                number=run.index + 1, total=len(run.questions)) + f"  {bar} "
            + _("{answered} answered, {skipped} skipped").format(
                answered=total.answered, skipped=total.skipped)) \
            + (self.recording_mark() or text(f"  ⏱ {clock(self.elapsed())}"))
        if run.session.locked_at is not None:
            line += markup("  [b]$locked[/b]", locked=_("locked"))
        self._set_line("#topbar", line)

    def _tick(self) -> None:
        if self.run is None:
            return
        self._draw_topbar()
        if self.editable and self.elapsed() - self._last_persisted >= self.PERSIST_CLOCK_EVERY:
            self.persist(lambda: self.run.save_elapsed(self.elapsed()))

    # Saving ------------------------------------------------------------------------------
    @on(TextArea.Changed, "#answer")
    def answer_changed(self) -> None:
        if self.editable:
            self.note_typing()
            self._queue_answer()

    def _queue_answer(self) -> None:
        """Hand the text area's text to the autosave, under the question it was typed in."""
        area = self.query_one("#answer", TextArea)
        if self.autosave is not None and self.editable and area.display:
            self.autosave.changed(self.run.question.id, area.text, self.typed_code())

    def flush(self) -> bool:
        """Write the text area to the database now, after any save already under way;
        False if it could not be saved."""
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

    def _saved(self, write) -> bool:
        """Run one write; on success show it in the status line and the outline."""
        if not self.persist(write):
            return False
        self._show_saved()
        return True

    def _show_saved(self, when: float | None = None) -> None:
        """'saved 12:31:04' in the status line; the outline too if the question's state
        changed (open, answered)."""
        self._saved_note = _("saved {time}").format(
            time=time.strftime("%H:%M:%S", time.localtime(when)))
        self.draw_status()
        if self._shown_state != (self.run.question.id, self.run.state(self.run.question.id)):
            self._draw_outline()

    def persist(self, write) -> bool:
        """Run one write on the UI thread; False (and said) if the database refused it."""
        try:
            write()
        except (ReflectError, SQLAlchemyError) as exc:
            self._report(exc)
            return False
        self._last_persisted = self.elapsed()
        return True

    def _report(self, error: BaseException) -> None:
        if isinstance(error, StorageError):
            self._saved_note = _("NOT SAVED: retrying")
            self.draw_status()
            self.app.show_error(_("Not saved: {problem}").format(problem=error))
        elif isinstance(error, ReflectError):
            self.app.show_error(str(error))
        elif isinstance(error, SQLAlchemyError):
            self.app.show_error(_("Could not save to the database ({problem}). Your text is "
                                  "still on screen; do not close the app.").format(
                problem=type(error.orig or error).__name__))
        else:
            raise error  # unexpected: the crash report

    @on(OptionList.OptionSelected, "#choices")
    def choice_made(self, event: OptionList.OptionSelected) -> None:
        question = self.run.question
        value = int(event.option.id) if question.type == "scale" \
            else question.options[int(event.option.id)]
        if self._saved(lambda: self.run.save_value(value)):
            self._draw_choices()

    def on_key(self, event: events.Key) -> None:
        """Digits choose a scale point while the scale list has focus."""
        if self.run is None or self.kind != "scale" or not event.character \
                or not event.character.isdigit() \
                or not self.query_one("#choices", OptionList).has_focus:
            return
        point = int(event.character)
        points = self.run.question.points
        if points.min <= point <= points.max and self.editable:
            event.stop()
            if self._saved(lambda: self.run.save_value(point)):
                self._draw_choices()

    @on(SelectionList.SelectedChanged, "#ticks")
    def ticks_changed(self, event: SelectionList.SelectedChanged) -> None:
        if self.editable and self.kind in MANY_OF:
            self._saved(lambda: self.run.save_value(list(event.selection_list.selected)))

    @on(ActionPlan.Add)
    def action_added(self, event: ActionPlan.Add) -> None:
        if self._saved(lambda: self.run.add_action(event.text, event.review_on)):
            self.query_one("#plan", ActionPlan).show(self.run.actions, self.editable)
            self.query_one("#plan", ActionPlan).focus_entry()

    @on(ActionPlan.Remove)
    def action_removed(self, event: ActionPlan.Remove) -> None:
        item = next((a for a in self.run.actions if a.id == event.action_id), None)
        if item is None or not self.editable:
            return

        def confirmed(yes: bool | None) -> None:
            if yes and self._saved(lambda: self.run.remove_action(item.id)):
                self.query_one("#plan", ActionPlan).show(self.run.actions, self.editable)

        self.app.push_screen(ConfirmDialog(_("Remove this step?"), item.text, _("Remove"),
                                           _("Keep")), confirmed)

    # Moving ------------------------------------------------------------------------------
    def _move(self, step) -> None:
        if self.flush() and self.persist(step):
            self.show_question()

    def action_next(self) -> None:
        if self.run.is_last:
            self.flush()
            self.app.notify(_("That was the last question.") +
                            (" " + _("Press F10 to finish.") if self.editable else ""))
            return
        self._move(lambda: self.run.next(self.elapsed()))

    def action_previous(self) -> None:
        if not self.run.is_first:
            self._move(lambda: self.run.previous(self.elapsed()))

    def action_jump(self) -> None:
        self.set_focus(self.query_one("#outline", OptionList))

    def action_open_highlighted(self) -> None:
        outline = self.query_one("#outline", OptionList)
        if outline.highlighted is not None:
            self.go_to(outline.get_option_at_index(outline.highlighted).id)

    @on(OptionList.OptionSelected, "#outline")
    def jump_to(self, event: OptionList.OptionSelected) -> None:
        self.go_to(event.option.id)

    def go_to(self, question_id: str | None) -> None:
        if question_id:
            self._move(lambda: self.run.go_to(question_id, self.elapsed()))

    def action_skip(self) -> None:
        if self.flush() and self.persist(self.run.skip):
            self.show_question()
            if not self.run.is_last:
                self.action_next()

    def action_flag(self, flag: str) -> None:
        if self.flush() and self.persist(lambda: self.run.toggle_flag(flag)):
            self.draw_status()
            self._draw_outline()

    def action_finish(self) -> None:
        """F10: every question on one screen first; finishing is confirmed from there."""
        from reflect_tui.review import FINISH, ReviewScreen

        if not self.flush():
            return
        self._finish_clock = self.elapsed()  # the interview's length ends at this F10

        def reviewed(choice: str | None) -> None:
            if choice == FINISH:
                self.confirm_finish()
            elif choice:
                self.go_to(choice)

        self.app.push_screen(ReviewScreen(self.run, self.editable), reviewed)

    def confirm_finish(self) -> None:
        interview = self.run.session.kind == "interview"
        missing = self.run.missing_required()
        parts = []
        if missing:
            listed = "\n".join(f"  {self.run.questions.index(q) + 1}. {_cut(q.prompt, 60)}"
                               for q in missing[:6])
            parts.append(ngettext("{count} required question is neither answered nor skipped:",
                                  "{count} required questions are neither answered nor "
                                  "skipped:", len(missing)).format(count=len(missing))
                         + f"\n{listed}")
        balance = self.run.balance()
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

    def _complete(self, elapsed: int) -> None:
        """The clock as shown at F10 is the one stored, then the session is completed."""
        self.run.save_elapsed(elapsed)
        self.run.complete()

    def _finish_confirmed(self, confirmed: bool | None) -> None:
        if not confirmed:
            self.app.notify(_("Not finished: it is still in progress."), title=_("Still open"))
        elif self.persist(lambda: self._complete(self._finish_clock)):
            self.app.notify(_("Marked complete."), title=_("Completed"))
            self.app.pop_screen()

    def action_reopen(self) -> None:
        if self.run.session.locked_at is not None:
            from reflect_tui.prompts import TextPrompt

            when = formats.day(self.run.session.locked_at)
            by = self.run.session.locked_by
            locked = _("Locked on {date} by {who}.").format(date=when, who=by) if by else \
                _("Locked on {date}.").format(date=when)
            self.app.push_screen(
                TextPrompt(_("This interview is locked"),
                           locked + " " + _("Why must it change? (recorded)"),
                           empty_message=_("Say why, or press Esc to leave it as it is.")),
                lambda reason: reason and self._reopen(reason))
            return
        self._reopen("")

    def _reopen(self, reason: str) -> None:
        if self.persist(lambda: self.run.reopen(reason)):
            self.lease.take()
            self._elapsed_base = self.run.session.elapsed_seconds
            self._opened_at = time.monotonic()
            self.show_question()

    def leave_saving(self) -> None:
        """Save the answer being typed and the clock (before leaving or quitting)."""
        if self.run is not None and self.flush() and self.editable:
            self.persist(lambda: self.run.save_elapsed(self.elapsed()))

    def action_leave(self) -> None:
        self.leave_saving()
        self.app.pop_screen()

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if self.run is None:
            return True
        if action == "open_highlighted":
            return self.query_one("#outline", OptionList).has_focus
        if action in ("skip", "flag", "finish", "note", "stamp"):
            return self.editable
        if action == "recording":
            return self.editable and self.run.session.kind == "interview"
        if action == "reopen":
            return self.run.session.status == SessionStatus.COMPLETED
        return True


def _flag_marks(answer) -> str:
    """★ for a quote, ⚑ for follow-up, as in the status line: seen in the outline too."""
    if answer is None:
        return ""
    return ("★" if answer.flag_quote else "") + ("⚑" if answer.flag_follow_up else "")


def _drawn(content: Content | str) -> tuple:
    """What a line draws, styles included (Content's == compares the text alone)."""
    if isinstance(content, str):
        return content, ()
    return content.plain, tuple(content.spans)


def _cut(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
