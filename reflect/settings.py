"""The user's settings (language, who reorders right-to-left text), kept between runs.

One small JSON file in the user's config dir (REFLECT_CONFIG_DIR overrides it, as the tests
do). A damaged file is reported once and ignored: settings are never worth a crash.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from platformdirs import user_config_dir

from reflect.files import make_private_dirs, write_private

KNOWN = {"language", "bidi", "transcription_model"}
"""transcription_model: the folder of the speech-recognition model (reflect transcribe)."""


def settings_file() -> Path:
    override = os.environ.get("REFLECT_CONFIG_DIR")
    folder = Path(override) if override else Path(user_config_dir("reflect", appauthor=False))
    return folder / "settings.json"


def load() -> dict[str, str]:
    path = settings_file()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as exc:
        print(f"reflect: ignoring the settings in {path} ({exc}); fix or delete the file.",
              file=sys.stderr)
        return {}
    if not isinstance(data, dict):
        return {}
    return {k: v for k, v in data.items() if k in KNOWN and isinstance(v, str)}


def save(**changes: str) -> Path:
    """Store the changed settings (others are kept); return the file written."""
    path = settings_file()
    data = load() | changes
    make_private_dirs(path.parent)
    write_private(path, (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode())
    return path
