"""One shape for every problem a check finds, so that every message names file and line."""

import logging
from dataclasses import dataclass
from pathlib import Path

from mkdocs.exceptions import PluginError

from . import ROOT


@dataclass(frozen=True)
class Problem:
    path: str  # relative to the project root, e.g. docs/id/biaya.md
    line: int  # 1-based; 0 when the problem is about the whole file
    message: str  # what is wrong and how to fix it, in Indonesian

    def __str__(self):
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


def relative(path):
    """The path shown to editors: relative to the project root when inside it."""
    path = Path(path).resolve()
    try:
        return path.relative_to(ROOT).as_posix()
    except ValueError:
        return path.as_posix()


class ContentError(PluginError):
    """Raised from a hook: stops the build with messages an editor can act on."""

    def __init__(self, problems):
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


# The build's logger for editor problems. `make check` (pmi_aman.build_check) collects its
# records: each carries its Problem as `record.problem`.
log = logging.getLogger("mkdocs.pmi_aman.problems")


def report_or_raise(problems, config):
    """From a hook: stop a strict build with the problems; in a non-strict build (the one
    `make check` runs) log each one as a warning and let the build go on."""
    problems = list(problems)
    if not problems:
        return
    if config.strict:
        raise ContentError(problems)
    for problem in problems:
        log.warning("%s", problem, extra={"problem": problem})
