"""The module as a whole: docstrings, the type stubs, and the examples as written."""
import ast
import inspect
import os
import pathlib
import subprocess
import sys

import pytest

import cuarm
from conftest import REPO

STUBS = REPO / "python" / "cuarm.pyi"
EXAMPLES = pathlib.Path(os.environ.get("CUARM_PYTHON_EXAMPLES", REPO / "python" / "examples"))

PUBLIC = ["AsyncCPU", "Batch", "BatchStatus", "Error", "ElfInfo", "ProcessBatch", "ProcessBatchResult",
          "ProcessBatchStatus", "RunResult", "Signal", "Status", "run_elf", "run_elf_batch"]


def public_names():
    return sorted(n for n in dir(cuarm) if not n.startswith("_"))


def test_public_names():
    assert public_names() == sorted(PUBLIC)
    assert isinstance(cuarm.__version__, str) and cuarm.__version__.count(".") == 2


def test_everything_has_a_docstring():
    assert cuarm.__doc__ and len(cuarm.__doc__) > 40
    missing = []
    for name in PUBLIC:
        obj = getattr(cuarm, name)
        if not (obj.__doc__ or "").strip():
            missing.append(name)
        if inspect.isclass(obj) and obj not in (cuarm.Signal, cuarm.Error):
            for attr, member in vars(obj).items():
                if attr.startswith("_"):
                    continue
                if not (getattr(member, "__doc__", None) or "").strip():
                    missing.append(f"{name}.{attr}")
    assert not missing, f"no docstring: {missing}"


def stub_tree():
    return ast.parse(STUBS.read_text())


def test_stubs_name_every_public_object():
    tree = stub_tree()
    top = {n.name for n in tree.body if isinstance(n, (ast.ClassDef, ast.FunctionDef))}
    assert set(PUBLIC) <= top


def test_stubs_name_every_method_and_property():
    classes = {n.name: n for n in stub_tree().body if isinstance(n, ast.ClassDef)}
    for name in ("AsyncCPU", "Status", "ElfInfo", "RunResult", "Batch", "BatchStatus", "ProcessBatch", "ProcessBatchStatus",
                 "ProcessBatchResult"):
        stubbed = {n.name for n in classes[name].body if isinstance(n, ast.FunctionDef) and not n.name.startswith("_")}
        actual = {a for a in vars(getattr(cuarm, name)) if not a.startswith("_")}
        assert actual == stubbed, f"{name}: stubs differ: {sorted(actual ^ stubbed)}"
    members = [t.targets[0].id for t in classes["Signal"].body if isinstance(t, ast.Assign)]
    assert members == [s.name for s in cuarm.Signal]


def test_stub_file_is_installed_next_to_the_module():
    module_dir = pathlib.Path(cuarm.__file__).parent
    installed = module_dir / "cuarm.pyi"
    if not installed.exists():
        pytest.skip(f"{installed} not built")
    assert installed.read_text() == STUBS.read_text()


@pytest.mark.parametrize("example", ["background_processing", "progress_monitoring", "interruptible_execution",
                                     "batch_example", "elf_batch_progress"])
def test_examples_run_as_written(example):
    path = EXAMPLES / f"{example}.py"
    env = dict(os.environ)
    env["PYTHONPATH"] = str(pathlib.Path(cuarm.__file__).parent)
    r = subprocess.run([sys.executable, str(path)], capture_output=True, text=True, env=env, timeout=300)
    assert r.returncode == 0, f"{example} failed:\n{r.stdout}\n{r.stderr}"
    assert r.stdout.strip()
