"""The one exception type the UI and CLI show to users as a plain message."""


class ReflectError(Exception):
    """A problem the user can act on; its text says what is wrong and what to do."""


class StorageError(ReflectError):
    """The database could not be written (disk full, read-only, locked): nothing was changed,
    and trying again later may work."""


def explain_storage_error(message: str, where: str | None = None) -> str:
    """A plain sentence for a database driver's message about a failed write."""
    from reflect.i18n import _

    where = where or _("the database")
    lowered = message.lower()
    if "disk is full" in lowered or "no space" in lowered:
        return _("the disk holding {where} is full: nothing more could be written. Free some "
                 "space; what you typed is kept and saved again when there is room.").format(
            where=where)
    if "disk i/o error" in lowered:
        return _("the disk holding {where} failed to write (a disk I/O error: full, removed or "
                 "failing). What you typed is kept and saved again shortly.").format(where=where)
    if "readonly" in lowered or "read-only" in lowered:
        return _("{where} cannot be written: it is read-only (check the permissions of the file "
                 "and its folder, or whether the disk is mounted read-only).").format(where=where)
    if "locked" in lowered or "busy" in lowered:
        return _("{where} is busy: another program (or another reflect) has held it for more "
                 "than 5 seconds. Close that program; what you typed is kept and saved again "
                 "shortly.").format(where=where)
    return _("{where} refused the change ({detail}); nothing was written.").format(
        where=where, detail=message.splitlines()[0][:120])


class FileExists(ReflectError):
    """An export would write over files that are already there; it wrote nothing. The
    command line's --force, or the app's question, replaces them."""

    def __init__(self, paths: list) -> None:
        from reflect.i18n import ngettext

        self.paths = list(paths)
        names = ", ".join(str(path) for path in self.paths[:3])
        if len(self.paths) > 3:
            names += " …"
        super().__init__(ngettext(
            "{files} already exists, and reflect does not write over a file unless told to: "
            "nothing was written. Add --force to replace it, or choose another name or folder "
            "with --out.",
            "{files} already exist, and reflect does not write over a file unless told to: "
            "nothing was written. Add --force to replace them, or choose another name or "
            "folder with --out.", len(self.paths)).format(files=names))
