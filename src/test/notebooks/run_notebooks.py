#!/usr/bin/env python3
"""Executes the course notebooks end to end through real Jupyter and the course kernel.

Each notebook runs in a child process of this script with a time bound, its kernel started with
``OPTPAR_NOTEBOOK=<the notebook's file name without .ipynb>``. A cell that raises fails the run
(naming notebook and cell) unless it carries the tag ``raises-exception``; then it must raise the
exception its metadata names, ``"optpar": {"expect_exception": "IllegalArgumentException"}`` (a
simple or full class name), so that a compile error or another failure cannot pass for it. A cell
tagged ``expect-image`` must show at least one image/png (a chart). The last line is
``notebooks: N passed, M failed``.

    OPTPAR_QUICK=1 python3 run_notebooks.py --kernel optpar-java --out target/notebooks --root .
"""
import argparse
import asyncio
import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

FAIL_TAG = "raises-exception"
IMAGE_TAG = "expect-image"
# Kernels that wrap every exception of a cell in one of their own (rapaio: EvalException) name the
# real one on the first line of the traceback, as Java prints it: "java.lang.IllegalStateException: ..."
WRAPPER_NAMES = {"", "error", "EvalException"}
EXCEPTION_LINE = re.compile(r"^\s*(?:Exception in thread \"[^\"]*\"\s+)?((?:[A-Za-z_$][\w$]*\.)*[A-Z][\w$]*(?:Exception|Error))\b")
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def find_notebooks(root: Path, given):
    if given:
        paths = [Path(g).resolve() for g in given]
        for p in paths:
            if not p.is_file() or p.suffix != ".ipynb":
                sys.exit(f"run_notebooks: '{p}' is not a notebook file (.ipynb)")
        return paths
    nbdir = root / "notebooks"
    found = sorted(p for p in nbdir.rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts)
    # Lessons first, then their solutions, each in number order.
    return sorted(found, key=lambda p: ("solutions" in p.parts, p.name))


def summarize_error(output):
    ename = output.get("ename", "error")
    evalue = (output.get("evalue") or "").strip().splitlines()
    first = evalue[0] if evalue else ""
    if not first:
        tb = output.get("traceback") or []
        first = next((line.strip() for line in tb if line.strip()), "")
    return f"{ename}: {first}"[:300]


def raised_names(output):
    """The class names an error output says were raised: its ename (unless a kernel's wrapper), and
    the exception on the first traceback (or evalue) line that names one."""
    names = []
    ename = (output.get("ename") or "").strip()
    if ename not in WRAPPER_NAMES:
        names.append(ename)
    lines = [ANSI.sub("", line) for entry in (output.get("traceback") or []) for line in entry.splitlines()]
    lines += (output.get("evalue") or "").splitlines()
    for line in lines:
        m = EXCEPTION_LINE.match(line)
        if m:
            names.append(m.group(1))
            break
    return names


def same_exception(expected, raised):
    """True when a raised class name is the expected one (simple names compare with full ones)."""
    simple = expected.rsplit(".", 1)[-1]
    return any(r == expected or r.rsplit(".", 1)[-1] == simple for r in raised)


def expected_exception(cell):
    return (cell.get("metadata", {}).get("optpar", {}) or {}).get("expect_exception")


def check_tags(nb):
    """Problems of the committed notebook's tags: a raises-exception cell must name its exception."""
    problems = []
    for index, cell in enumerate(nb.cells):
        if cell.cell_type == "code" and FAIL_TAG in cell.get("metadata", {}).get("tags", []) and not expected_exception(cell):
            problems.append(f"cell {index} is tagged {FAIL_TAG} but its metadata names no exception: add "
                            f'"optpar": {{"expect_exception": "IllegalArgumentException"}} (the class it must raise)')
    return problems


def check(nb, expect_images, timed_out=False):
    """Returns the list of problems found in an executed notebook (after a time-out, only the cells that ran)."""
    problems = []
    images = 0
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        tags = cell.get("metadata", {}).get("tags", [])
        errors = [o for o in cell.get("outputs", []) if o.get("output_type") == "error"]
        pngs = sum(1 for o in cell.get("outputs", []) if "image/png" in o.get("data", {}))
        images += pngs
        ran = cell.get("execution_count") is not None or cell.get("outputs")
        if FAIL_TAG in tags:
            expected = expected_exception(cell)
            if not errors:
                if ran or not timed_out:
                    problems.append(f"cell {index} is tagged {FAIL_TAG} but did not fail")
            elif expected and not same_exception(expected, raised_names(errors[0])):
                problems.append(f"cell {index} should fail with {expected} but failed with: {summarize_error(errors[0])}")
        elif errors:
            problems.append(f"cell {index} failed: {summarize_error(errors[0])}")
        if IMAGE_TAG in tags and pngs == 0 and not errors and (ran or not timed_out):
            problems.append(f"cell {index} is tagged {IMAGE_TAG} but showed no image")
    if images < expect_images:
        problems.append(f"produced {images} image(s), expected at least {expect_images}")
    return problems


READY_SECONDS = 20


async def start_answering_kernel(kernel: str, cwd: Path):
    """Starts the kernel; returns (manager, client, 1) once it answers on shell and iopub.

    A kernel that does not answer within READY_SECONDS is a failure, not retried: the course's
    kernel has no dead starts (kernels/optpar-java/test/count_starts.py counts them).
    """
    from jupyter_client.manager import AsyncKernelManager
    km = AsyncKernelManager(kernel_name=kernel)
    await km.start_kernel(cwd=str(cwd))
    kc = km.client()
    kc.start_channels()
    try:
        await kc.wait_for_ready(timeout=READY_SECONDS)
        msg_id = kc.execute("1", silent=True, store_history=False)
        deadline = time.monotonic() + READY_SECONDS
        while True:
            msg = await kc.get_iopub_msg(timeout=max(0.1, deadline - time.monotonic()))
            if (msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "status"
                    and msg["content"].get("execution_state") == "idle"):
                break
        await kc.get_shell_msg(timeout=READY_SECONDS)  # the execute_reply
        return km, kc, 1
    except Exception as e:
        kc.stop_channels()
        await km.shutdown_kernel(now=True)
        raise RuntimeError(f"the kernel did not answer within {READY_SECONDS} s: {type(e).__name__} {e}") from e


def execute_one(path: Path, out: Path, kernel: str, cell_timeout: int, notebook_timeout: int):
    """Runs in the child: executes one notebook, writes it with outputs, prints a JSON verdict."""
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellTimeoutError, DeadKernelError

    nb = nbformat.read(str(path), as_version=4)
    problems = []
    state = {}
    os.environ["OPTPAR_NOTEBOOK"] = path.stem   # the kernel inherits it: the claims report names the notebook

    def on_alarm(signum, frame):
        # The kernel does not die with its client: kill it first, then give up on the notebook.
        km = state.get("km")
        if km is not None and getattr(km, "provisioner", None) is not None:
            try:
                os.kill(km.provisioner.process.pid, signal.SIGKILL)
            except Exception:
                pass
        raise TimeoutError(f"the notebook ran past {notebook_timeout} s")

    async def run():
        km, kc, state["attempts"] = await start_answering_kernel(kernel, path.parent)
        state["km"] = km
        client = NotebookClient(nb, km=km, kernel_name=kernel, timeout=cell_timeout,
                                allow_errors=True, record_timing=True,
                                resources={"metadata": {"path": str(path.parent)}})
        client.kc = kc            # the client checked above runs the notebook
        kc.allow_stdin = False
        try:
            await client.async_execute()
        finally:
            kc.stop_channels()
            await km.shutdown_kernel(now=True)

    signal.signal(signal.SIGALRM, on_alarm)
    signal.alarm(notebook_timeout)
    try:
        asyncio.run(run())
    except CellTimeoutError as e:
        problems.append(f"a cell ran past {cell_timeout} s: {str(e).splitlines()[0] if str(e) else ''}")
    except DeadKernelError as e:
        problems.append(f"the kernel died: {e}")
    except TimeoutError as e:
        problems.append(str(e))
    except Exception as e:  # an nbclient failure is a test failure, never a crash of the runner
        problems.append(f"{type(e).__name__}: {e}")
    finally:
        signal.alarm(0)
    # A notebook-wide minimum of images still counts where a notebook asks for one; the expect-image tag is per cell.
    expect = int(nb.metadata.get("optpar", {}).get("expect_images", 0))
    # After a time-out the missing images say nothing new: only the cells that ran are checked then.
    problems = problems + check(nb, 0 if problems else expect, timed_out=bool(problems))
    out.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, str(out))
    print(json.dumps({"problems": problems, "kernel_starts": state.get("attempts", 0)}))


def check_source(path: Path, kernel: str):
    """What the committed notebook itself must be: on the course kernel, and without outputs."""
    import nbformat
    nb = nbformat.read(str(path), as_version=4)
    problems = []
    named = nb.metadata.get("kernelspec", {}).get("name")
    if named != kernel:
        problems.append(f"its metadata names the kernel '{named}', not '{kernel}'")
    with_outputs = [i for i, c in enumerate(nb.cells) if c.cell_type == "code" and c.get("outputs")]
    if with_outputs:
        problems.append(f"it is committed with outputs (cells {with_outputs[:5]}): clear them before committing")
    return problems + check_tags(nb)


def run_child(cmd, notebook_timeout):
    """Executes one notebook in a child process; returns its problems (empty: passed)."""
    try:
        # The child bounds itself; this outer bound catches a child that cannot.
        proc = subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True, timeout=notebook_timeout + 60)
    except subprocess.TimeoutExpired:
        return [f"the notebook ran past {notebook_timeout + 60} s and was stopped"]
    lines = [l for l in proc.stdout.splitlines() if l.startswith("{")]
    if lines:
        verdict = json.loads(lines[-1])
        return verdict["problems"]
    return [f"the runner's child failed (exit {proc.returncode}): {proc.stderr.strip()[-500:]}"]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("notebooks", nargs="*")
    ap.add_argument("--kernel", default="optpar-java")
    ap.add_argument("--root", default=".")
    ap.add_argument("--out", default="target/notebooks")
    ap.add_argument("--cell-timeout", type=int, default=int(os.environ.get("OPTPAR_CELL_TIMEOUT", "300")))
    ap.add_argument("--notebook-timeout", type=int,
                    default=int(os.environ.get("OPTPAR_NOTEBOOK_TIMEOUT", "600")))
    ap.add_argument("--child", nargs=2, metavar=("NOTEBOOK", "OUT"), help=argparse.SUPPRESS)
    args = ap.parse_args()

    if args.child:
        execute_one(Path(args.child[0]), Path(args.child[1]), args.kernel,
                    args.cell_timeout, args.notebook_timeout)
        return 0

    root = Path(args.root).resolve()
    notebooks = find_notebooks(root, args.notebooks)
    if not notebooks:
        print("run_notebooks: no notebooks found", file=sys.stderr)
        print("notebooks: 0 passed, 1 failed")
        return 1
    passed, failed = 0, []
    for path in notebooks:
        try:
            rel = path.relative_to(root / "notebooks")
        except ValueError:
            rel = Path(path.name)
        out = Path(args.out).resolve() / rel
        start = time.monotonic()
        cmd = [sys.executable, __file__, "--kernel", args.kernel,
               "--cell-timeout", str(args.cell_timeout),
               "--notebook-timeout", str(args.notebook_timeout), "--child", str(path), str(out)]
        problems = check_source(path, args.kernel) + run_child(cmd, args.notebook_timeout)
        seconds = time.monotonic() - start
        times_file = os.environ.get("OPTPAR_TIMES_FILE")
        if times_file:   # the claims report gives each notebook's run time
            with open(times_file, "a", encoding="utf-8") as f:
                f.write(f"{path.stem},{seconds:.0f},{'failed' if problems else 'ok'}\n")
        if problems:
            failed.append(rel)
            print(f"FAIL {rel} ({seconds:.0f} s)")
            for p in problems:
                print(f"     {rel}: {p}")
        else:
            passed += 1
            print(f"ok   {rel} ({seconds:.0f} s)")
        sys.stdout.flush()
    print(f"executed notebooks with outputs are in {Path(args.out).resolve()}")
    print(f"notebooks: {passed} passed, {len(failed)} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
