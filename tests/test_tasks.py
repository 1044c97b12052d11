"""The invoke tasks hand the options they are given to the tools they run, unchanged."""

import shlex

from invoke import Context

import tasks


class Recording(Context):
    """A context that records the commands a task would run instead of running them."""

    def __init__(self):
        super().__init__()
        self.commands = []

    def run(self, command, **kwargs):
        self.commands.append(command)


def test_invoke_test_passes_a_keyword_expression_with_spaces_as_one_argument():
    context = Recording()
    tasks.test(context, k="contract or docs")
    (command,) = context.commands
    arguments = shlex.split(command)
    assert arguments[arguments.index("-k") + 1] == "contract or docs"
