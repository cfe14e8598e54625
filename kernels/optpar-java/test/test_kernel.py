#!/usr/bin/env python3
"""Tests of the optpar-java kernel through real Jupyter messages (jupyter_client, Debian's python3).

ProtocolTests is Jupyter's own kernel test suite (python3-jupyter-kernel-test) filled in for Java.
CourseKernelTests checks what the course needs beyond the protocol: Interrupt stops any cell and the
kernel goes on, output of every thread reaches the cell while it runs, readable errors, %%timeit,
rich values, and shutdown that ends the process even while a cell spins.

    JUPYTER_DATA_DIR=... /usr/bin/python3 kernels/optpar-java/test/test_kernel.py   (./course test-kernel)

Times measured here are printed ("measured: ..."); the checks bound them loosely, because a shared
machine can be slow: what they prove is that the thing happens, the printed number how fast.
"""
import os
import queue
import sys
import time
import unittest

import jupyter_kernel_test as jkt
from jupyter_client.manager import start_new_kernel

KERNEL = os.environ.get("OPTPAR_KERNEL", "optpar-java")
TIMEOUT = 60


class ProtocolTests(jkt.KernelTests):
    kernel_name = KERNEL
    language_name = "java"
    file_extension = ".jshell"

    code_hello_world = 'System.out.println("hello, world");'
    code_stderr = 'System.err.println("something went wrong");'
    completion_samples = [{"text": "Math.sqr", "matches": {"sqrt("}}]
    complete_code_samples = ["1 + 1", "int a = 1;", "void f() { }", "for (int i = 0; i < 3; i++) { }"]
    incomplete_code_samples = ["void f() {", "for (int i = 0; i < 3; i++) {", "int[] b = {1, 2,"]
    # JShell calls this UNKNOWN; the kernel answers "invalid": no continuation makes it compile.
    invalid_code_samples = ["int a = ;"]
    code_execute_result = [
        {"code": "6*7", "result": "42"},
        {"code": '"con" + "cat"', "result": "concat"},
        {"code": "Math.max(2, 3)", "result": "3"},
    ]
    code_display_data = [
        {"code": 'display("shown");', "mime": "text/plain"},
        {"code": 'display("<b>bold</b>", "text/html");', "mime": "text/html"},
        {"code": "display(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB));", "mime": "image/png"},
    ]
    code_history_pattern = "6*7"
    supported_history_operations = ("tail", "range", "search")
    code_inspect_sample = "Math.abs"
    code_generate_error = 'throw new IllegalStateException("boom");'
    code_clear_output = 'System.out.println("soon gone"); clearOutput();'

    def test_kernel_info_has_status(self):
        self.flush_channels()
        msg_id = self.kc.kernel_info()
        reply = self.kc.get_shell_msg(timeout=TIMEOUT)
        self.assertEqual(reply["parent_header"]["msg_id"], msg_id)
        self.assertEqual(reply["content"]["status"], "ok")
        self.assertEqual(reply["content"]["language_info"]["name"], "java")


class Session:
    """One kernel, and a way to run a cell and collect what it sent."""

    def __init__(self):
        self.km, self.kc = start_new_kernel(kernel_name=KERNEL, startup_timeout=TIMEOUT)

    def close(self):
        self.kc.stop_channels()
        self.km.shutdown_kernel(now=True)

    def send(self, code):
        return self.kc.execute(code)

    def collect(self, msg_id, timeout=TIMEOUT):
        """(reply, outputs as (seconds since call, msg_type, content)) of one execution."""
        start = time.monotonic()
        outputs = []
        deadline = start + timeout
        while True:
            msg = self.kc.get_iopub_msg(timeout=max(0.1, deadline - time.monotonic()))
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            t = time.monotonic() - start
            if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                break
            if msg["msg_type"] not in ("status", "execute_input"):
                outputs.append((t, msg["msg_type"], msg["content"]))
        while True:
            reply = self.kc.get_shell_msg(timeout=max(0.1, deadline - time.monotonic()))
            if reply["parent_header"].get("msg_id") == msg_id:
                return reply, outputs

    def run(self, code, timeout=TIMEOUT):
        return self.collect(self.send(code), timeout)

    @staticmethod
    def text(outputs, name="stdout"):
        return "".join(c["text"] for _, kind, c in outputs if kind == "stream" and c["name"] == name)


def kernel_cpu_seconds(km):
    """User + system CPU seconds of the kernel process so far (Linux /proc), or 0 elsewhere."""
    try:
        with open(f"/proc/{km.provisioner.process.pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, AttributeError, IndexError, ValueError):
        return 0.0


class CourseKernelTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.s = Session()

    @classmethod
    def tearDownClass(cls):
        cls.s.close()

    def assertUsable(self):
        reply, outputs = self.s.run("1 + 1")
        self.assertEqual(reply["content"]["status"], "ok")
        self.assertEqual([c["data"]["text/plain"] for _, k, c in outputs if k == "execute_result"], ["2"])

    def interrupt_after(self, code, seconds=0.5):
        """Runs code that prints "go" when it got going, interrupts it `seconds` after that;
        returns (reply, outputs, seconds from the interrupt to the reply)."""
        msg_id = self.s.send(code)
        deadline = time.monotonic() + TIMEOUT
        while True:  # on a busy machine compiling the cell alone can take seconds: wait for "go"
            msg = self.s.kc.get_iopub_msg(timeout=max(0.1, deadline - time.monotonic()))
            if (msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "stream"
                    and "go" in msg["content"]["text"]):
                break
        time.sleep(seconds)
        t0 = time.monotonic()
        self.s.km.interrupt_kernel()
        reply, outputs = self.s.collect(msg_id)
        return reply, outputs, time.monotonic() - t0

    def assertInterrupted(self, reply, outputs):
        self.assertEqual(reply["content"]["status"], "error")
        errors = [c for _, k, c in outputs if k == "error"]
        self.assertEqual(len(errors), 1, outputs)
        self.assertIn("interrupted", errors[0]["evalue"])
        self.assertEqual(len(errors[0]["traceback"]), 1, "one line, not a stack trace")

    def test_interrupt_stops_a_busy_loop(self):
        reply, outputs, took = self.interrupt_after('System.out.println("go"); long n = 0; while (true) { n++; }')
        print(f"\nmeasured: busy loop interrupted in {took * 1000:.0f} ms", file=sys.stderr)
        self.assertInterrupted(reply, outputs)
        self.assertLess(took, 5.0)
        self.assertUsable()

    def test_interrupt_stops_a_method_and_a_sleep(self):
        self.s.run("long spin(long n) { long s = 0; for (long i = 0; i < n; i++) s += i % 7; return s; }")
        reply, outputs, took = self.interrupt_after('System.out.println("go");\nspin(Long.MAX_VALUE)')
        self.assertInterrupted(reply, outputs)
        reply, outputs, took = self.interrupt_after('System.out.println("go"); Thread.sleep(600_000);')
        print(f"\nmeasured: sleep interrupted in {took * 1000:.0f} ms", file=sys.stderr)
        self.assertInterrupted(reply, outputs)
        self.assertUsable()

    def test_interrupt_stops_worker_threads(self):
        reply, outputs, took = self.interrupt_after(
            "var pool = Executors.newFixedThreadPool(2);\n"
            "for (int w = 0; w < 2; w++) pool.submit(() -> { long k = 0; while (true) { k++; } });\n"
            'pool.shutdown(); System.out.println("go"); pool.awaitTermination(1, TimeUnit.DAYS);')
        self.assertInterrupted(reply, outputs)
        time.sleep(0.5)
        reply, outputs = self.s.run("pool.isTerminated()")
        self.assertEqual([c["data"]["text/plain"] for _, k, c in outputs if k == "execute_result"], ["true"], outputs)

    def test_interrupt_when_idle_changes_nothing(self):
        self.s.km.interrupt_kernel()
        time.sleep(0.3)
        self.assertUsable()

    def test_output_of_every_thread(self):
        reply, outputs = self.s.run(
            'Thread t = new Thread(() -> System.out.println("from a thread")); t.start(); t.join();\n'
            'IntStream.range(0, 4).parallel().forEach(i -> System.out.println("parallel " + i));\n'
            'Thread.ofVirtual().start(() -> System.err.println("from a virtual thread")).join();\n'
            'var ex = Executors.newFixedThreadPool(2); ex.submit(() -> System.out.println("from a pool")).get(); ex.shutdown();')
        self.assertEqual(reply["content"]["status"], "ok")
        out = self.s.text(outputs)
        for line in ["from a thread", "parallel 0", "parallel 3", "from a pool"]:
            self.assertIn(line, out)
        self.assertIn("from a virtual thread", self.s.text(outputs, "stderr"))

    def test_output_streams_while_the_cell_runs(self):
        reply, outputs = self.s.run(
            'System.out.println("early"); new Thread(() -> System.out.print("partial")).start();'
            ' Thread.sleep(2500); System.out.println("late");')
        self.assertEqual(reply["content"]["status"], "ok")
        early = next(t for t, k, c in outputs if k == "stream" and "early" in c["text"])
        partial = next(t for t, k, c in outputs if k == "stream" and "partial" in c["text"])
        late = next(t for t, k, c in outputs if k == "stream" and "late" in c["text"])
        print(f"\nmeasured: printed line arrived {(late - early) * 1000:.0f} ms before the cell's end", file=sys.stderr)
        self.assertGreater(late - early, 1.5, "'early' came only at the end of the cell")
        self.assertGreater(late - partial, 1.5, "an unfinished line came only at the end of the cell")

    def test_lines_of_threads_do_not_mix(self):
        reply, outputs = self.s.run(
            "Runnable r = () -> { for (int i = 0; i < 300; i++) { System.out.printf(\"%s-\", Thread.currentThread().getName());"
            " System.out.print(\"x\"); System.out.println(); } };\n"
            'Thread a = new Thread(r, "A"), b = new Thread(r, "B"); a.start(); b.start(); a.join(); b.join();')
        lines = self.s.text(outputs).splitlines()
        self.assertEqual(len(lines), 600)
        self.assertEqual(set(lines), {"A-x", "B-x"})

    def test_compile_error_names_line_and_column(self):
        reply, outputs = self.s.run("int ok = 1;\nint y = nope + 1;")
        self.assertEqual(reply["content"]["status"], "error")
        err = next(c for _, k, c in outputs if k == "error")
        self.assertIn("line 2, column 9", err["evalue"])
        self.assertEqual(err["traceback"][1].strip(), "int y = nope + 1;")
        self.assertEqual(err["traceback"][2].index("^"), err["traceback"][1].index("nope"))

    def test_exception_shows_the_cells_frames(self):
        reply, outputs = self.s.run('int half(int x) {\n  if (x < 0) throw new IllegalArgumentException("negative: " + x);\n  return x / 2;\n}\nhalf(-4)')
        err = next(c for _, k, c in outputs if k == "error")
        self.assertEqual(err["ename"], "java.lang.IllegalArgumentException")
        self.assertEqual(err["evalue"], "negative: -4")
        tb = "\n".join(err["traceback"])
        self.assertIn("at half (cell", tb)
        self.assertIn("line 2)", tb)
        for internal in ["jdk.jshell", "optpar.kernel", "java.lang.reflect", "REPL."]:
            self.assertNotIn(internal, tb)

    def test_timeit(self):
        reply, outputs = self.s.run("%%timeit -r 3\nMath.sqrt(2.0)")
        self.assertEqual(reply["content"]["status"], "ok", outputs)
        out = self.s.text(outputs)
        for word in ["best", "median", "spread", "warm-up", "3 runs"]:
            self.assertIn(word, out)
        self.assertRegex(out, r"(ns|µs|ms| s)")
        reply, outputs = self.s.run("int[] data = new int[1000];\n%timeit -r 2 Arrays.fill(data, 3)")
        self.assertEqual(reply["content"]["status"], "ok", outputs)
        self.assertIn("2 runs", self.s.text(outputs))

    def test_bad_input_is_one_line_and_the_kernel_goes_on(self):
        for code, ename in [("%%nosuchmagic\n1", "MagicError"), ("%%timeit -r zero\n1", "MagicError"),
                            ('display("x", "foo/bar");', "java.lang.IllegalArgumentException"),
                            ("int a = ;", "CompileError")]:
            reply, outputs = self.s.run(code)
            self.assertEqual(reply["content"]["status"], "error", code)
            err = next(c for _, k, c in outputs if k == "error")
            self.assertEqual(err["ename"], ename, code)
            self.assertNotIn("\n", err["evalue"], code)
        self.assertUsable()

    def test_rich_values(self):
        self.s.run('var table = Table.create("t", IntColumn.create("n", new int[] {1, 2, 3}));')
        reply, outputs = self.s.run("table")
        data = next(c["data"] for _, k, c in outputs if k == "execute_result")
        self.assertIn("<table", data["text/html"])
        self.assertIn("n", data["text/plain"])
        reply, outputs = self.s.run(
            "var chart = new org.knowm.xchart.XYChartBuilder().width(300).height(200).title(\"c\").build();\n"
            'chart.addSeries("s", new double[] {1, 2, 3}, new double[] {1, 4, 9});\nchart')
        data = next(c["data"] for _, k, c in outputs if k == "execute_result")
        self.assertIn("image/png", data)
        self.assertIn("text/plain", data)

    def test_display_updates_in_place_from_a_later_cell(self):
        reply, outputs = self.s.run('String id = display("step 0");')
        shown = next(c for _, k, c in outputs if k == "display_data")
        reply, outputs = self.s.run('updateDisplay(id, "step 1");')
        update = next(c for _, k, c in outputs if k == "update_display_data")
        self.assertEqual(update["transient"]["display_id"], shown["transient"]["display_id"])
        self.assertEqual(update["data"]["text/plain"], "step 1")

    def test_warm_one_plus_one(self):
        for _ in range(3):
            self.s.run("1+1")
        times = []
        cpu0 = kernel_cpu_seconds(self.s.km)
        for _ in range(10):
            t0 = time.monotonic()
            self.s.run("1+1")
            times.append(time.monotonic() - t0)
        cpu = (kernel_cpu_seconds(self.s.km) - cpu0) / 10
        times.sort()
        # The kernel's CPU time per cell says what the cell costs on an idle core; the wall time
        # includes the wait for a core on a shared machine.
        print(f"\nmeasured: warm 1+1 median {times[5] * 1000:.0f} ms, best {times[0] * 1000:.0f} ms; "
              f"kernel CPU per 1+1 {cpu * 1000:.0f} ms", file=sys.stderr)
        self.assertLess(times[0], 2.0)


class ShutdownTests(unittest.TestCase):
    def test_shutdown_and_restart_end_the_process_while_a_cell_spins(self):
        s = Session()
        try:
            s.km.shutdown_wait_time = 20  # jupyter_client would kill after this: the kernel must not need it
            s.send("new Thread(() -> { while (true) { } }).start(); while (true) { }")
            time.sleep(1)
            old = s.km.provisioner.process
            t0 = time.monotonic()
            s.km.restart_kernel(now=False)
            took = time.monotonic() - t0
            print(f"\nmeasured: restart while spinning took {took * 1000:.0f} ms", file=sys.stderr)
            self.assertIsNotNone(old.poll(), "the old kernel process is still running")
            self.assertLess(took, 15, "the kernel did not end by itself")
            s.kc.wait_for_ready(timeout=TIMEOUT)
            reply, outputs = s.run("1 + 1")
            self.assertEqual(reply["content"]["status"], "ok")
            s.send("while (true) { }")
            time.sleep(1)
            proc = s.km.provisioner.process
            t0 = time.monotonic()
            s.km.shutdown_kernel(now=False)
            took = time.monotonic() - t0
            print(f"measured: shutdown while spinning took {took * 1000:.0f} ms", file=sys.stderr)
            self.assertIsNotNone(proc.poll())
            self.assertLess(took, 15)
        finally:
            try:
                s.kc.stop_channels()
                if s.km.has_kernel:
                    s.km.shutdown_kernel(now=True)
            except Exception:
                pass


if __name__ == "__main__":
    unittest.main(verbosity=2)
