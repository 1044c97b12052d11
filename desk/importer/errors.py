"""The importer's errors: what went wrong and what to do, never a traceback."""


class CannotImport(Exception):
    """The input cannot become a draft (missing file, empty text…); the message says why."""


class DuplicateEntry(CannotImport):
    """The archive already holds this article; nothing was written."""

    def __init__(self, path: str, reason: str):
        self.path = path
        super().__init__(f"{path} {reason} — nothing was written. Edit that entry instead, "
                         "or delete it first if the import should replace it.")


class DraftDoesNotValidate(Exception):
    """A bug: the importer produced front matter ``invoke check`` rejects."""

    def __init__(self, problems):
        self.problems = problems
        super().__init__("the importer made a draft that does not pass invoke check (a bug in desk/importer; "
                         "please report it with the page):\n" + "\n".join(str(p) for p in problems))
