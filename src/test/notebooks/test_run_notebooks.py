#!/usr/bin/env python3
"""What the notebook runner decides about a cell, on made-up outputs (no kernel needed):

    python3 -m unittest discover -s src/test/notebooks -p 'test_*.py'
"""
import sys
import unittest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import nbformat  # noqa: E402
import run_notebooks as runner  # noqa: E402

# What the kernels print for a Java exception: rapaio wraps it (ename EvalException) and names it
# on the traceback's first line; a compile error is a CompilerException.
RAISED = {"output_type": "error", "ename": "EvalException", "evalue": "bad input",
          "traceback": ["\x1b[31mjava.lang.IllegalArgumentException: bad input\x1b[0m", "   at .(#5:1)"]}
COMPILE_ERROR = {"output_type": "error", "ename": "CompilerException", "evalue": "Compile error:",
                 "traceback": ["Compile error:", "  int x = ;  // IllegalArgumentException", "          ^"]}
PNG = {"output_type": "display_data", "data": {"image/png": "iVBOR", "text/plain": "chart"}, "metadata": {}}


def cell(source, tags=(), outputs=(), expect=None):
    c = nbformat.v4.new_code_cell(source)
    c.metadata["tags"] = list(tags)
    if expect:
        c.metadata["optpar"] = {"expect_exception": expect}
    c.outputs = [nbformat.from_dict(o) for o in outputs]
    c.execution_count = 1 if outputs else None
    return c


def notebook(*cells):
    nb = nbformat.v4.new_notebook()
    nb.cells = list(cells)
    return nb


class RaisesException(unittest.TestCase):
    def test_the_named_exception_passes_by_simple_or_full_name(self):
        for name in ("IllegalArgumentException", "java.lang.IllegalArgumentException"):
            nb = notebook(cell("f()", [runner.FAIL_TAG], [RAISED], expect=name))
            self.assertEqual([], runner.check(nb, 0))

    def test_a_compile_error_does_not_pass_for_the_expected_exception(self):
        nb = notebook(cell("int x = ;", [runner.FAIL_TAG], [COMPILE_ERROR], expect="IllegalArgumentException"))
        problems = runner.check(nb, 0)
        self.assertEqual(1, len(problems))
        self.assertIn("should fail with IllegalArgumentException", problems[0])

    def test_another_exception_does_not_pass(self):
        nb = notebook(cell("f()", [runner.FAIL_TAG], [RAISED], expect="IllegalStateException"))
        self.assertIn("should fail with IllegalStateException", runner.check(nb, 0)[0])

    def test_a_tagged_cell_that_does_not_fail_is_a_problem(self):
        nb = notebook(cell("1", [runner.FAIL_TAG], [PNG], expect="IllegalStateException"))
        self.assertIn("did not fail", runner.check(nb, 0)[0])

    def test_a_tagged_cell_must_name_its_exception(self):
        nb = notebook(cell("f()", [runner.FAIL_TAG]))
        self.assertIn("names no exception", runner.check_tags(nb)[0])
        self.assertEqual([], runner.check_tags(notebook(cell("f()", [runner.FAIL_TAG], expect="X"))))

    def test_an_untagged_error_is_a_problem(self):
        self.assertIn("cell 0 failed", runner.check(notebook(cell("f()", [], [RAISED])), 0)[0])


class ExpectImage(unittest.TestCase):
    def test_a_chart_cell_must_show_an_image(self):
        self.assertEqual([], runner.check(notebook(cell("chart()", [runner.IMAGE_TAG], [PNG])), 0))
        text = {"output_type": "execute_result", "data": {"text/plain": "2"}, "metadata": {}, "execution_count": 1}
        self.assertIn("showed no image", runner.check(notebook(cell("1 + 1", [runner.IMAGE_TAG], [text])), 0)[0])

    def test_after_a_time_out_cells_that_never_ran_say_nothing(self):
        nb = notebook(cell("chart()", [runner.IMAGE_TAG]), cell("f()", [runner.FAIL_TAG], expect="X"))
        self.assertEqual([], runner.check(nb, 0, timed_out=True))
        self.assertEqual(2, len(runner.check(nb, 0, timed_out=False)))


if __name__ == "__main__":
    unittest.main()
