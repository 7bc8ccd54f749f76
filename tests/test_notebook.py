"""The example notebook runs from top to bottom (so it cannot rot), and is kept without outputs."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

NOTEBOOK = Path(__file__).resolve().parents[1] / "examples" / "notebooks" / "tour.ipynb"


def test_the_notebook_is_committed_without_outputs() -> None:
    nb = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    assert code and all(c["outputs"] == [] and c["execution_count"] is None for c in code)


@pytest.mark.slow
def test_the_tour_notebook_runs(tmp_path: Path) -> None:
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    pytest.importorskip("ipykernel")
    nb = nbformat.read(NOTEBOOK, as_version=4)
    # it runs in its own folder, as Jupyter runs it, and reads ../records/ledger.csv
    shutil.copytree(NOTEBOOK.parents[1] / "records", tmp_path / "records")
    (tmp_path / "notebooks").mkdir()
    tmp_path = tmp_path / "notebooks"
    client = nbclient.NotebookClient(nb, timeout=300, kernel_name="python3",
                                     resources={"metadata": {"path": str(tmp_path)}})
    client.execute()
    outputs = {i: c.outputs for i, c in enumerate(nb.cells) if c.cell_type == "code"}
    assert not [o for os_ in outputs.values() for o in os_ if o.output_type == "error"]
    shown = [o for os_ in outputs.values() for o in os_ if o.output_type in ("execute_result", "display_data")]
    kinds = {k for o in shown for k in o.data}
    assert {"text/html", "image/svg+xml", "image/png"} <= kinds  # reprs and pictures displayed inline
    text = "".join(o.get("text", "") for os_ in outputs.values() for o in os_ if o.output_type == "stream")
    assert "records in: 4   assessed: 3   rejected: 1" in text  # the ledger from a file
    assert "理由" in text and "why:" in text  # the explanation in Chinese, then in English
    report = tmp_path / "assessment-report.html"
    assert report.stat().st_size > 1_000_000
