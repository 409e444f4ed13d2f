"""The ``newsdesk`` command line, run as a real subprocess: help, exit codes, messages."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_DIR = ROOT / "data" / "articles"
COMMANDS = ("build", "info", "report", "notebooks", "geocode", "sql")


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "analysis", *args],
        cwd=cwd,
        text=True,
        capture_output=True,
        timeout=600,
    )


def test_help_lists_every_command():
    r = run("--help")
    assert r.returncode == 0
    for cmd in COMMANDS:
        assert cmd in r.stdout


@pytest.mark.parametrize("cmd", COMMANDS)
def test_every_command_has_help(cmd):
    r = run(cmd, "--help")
    assert r.returncode == 0, r.stderr
    assert f"usage: newsdesk {cmd}" in r.stdout


def test_console_script_is_installed():
    exe = Path(sys.executable).parent / "newsdesk"
    if not exe.exists():
        pytest.skip("the package is not installed in this interpreter's environment")
    r = subprocess.run([str(exe), "--version"], capture_output=True, text=True, timeout=60)
    assert r.returncode == 0 and r.stdout.startswith("newsdesk ")


@pytest.mark.parametrize(
    "args",
    [
        (),  # no command
        ("build",),  # missing SOURCE and -o
        ("build", "data/articles"),  # missing -o
        ("build", "data/articles", "-o", "x", "--engine", "spark"),
        ("build", "data/articles", "-o", "x", "--workers", "0"),
        ("frobnicate",),
    ],
)
def test_usage_errors_exit_2(args):
    r = run(*args)
    assert r.returncode == 2
    assert "Traceback" not in r.stderr
    assert "usage:" in r.stderr


def test_missing_source_is_a_usage_error_with_the_path(tmp_path):
    r = run("build", str(tmp_path / "nope"), "-o", str(tmp_path / "c"))
    assert r.returncode == 2
    assert "no such file or folder" in r.stderr and "nope" in r.stderr
    assert "Traceback" not in r.stderr


def test_commands_on_a_folder_without_a_corpus_exit_1_and_say_what_to_do(tmp_path):
    for args in (
        ("info", str(tmp_path)),
        ("sql", str(tmp_path), "select 1"),
        ("report", str(tmp_path), "-o", str(tmp_path / "r.html")),
    ):
        r = run(*args)
        assert r.returncode == 1, args
        assert "newsdesk build" in r.stderr  # the next step
        assert "Traceback" not in r.stderr


def test_build_of_a_folder_without_articles_exits_1(tmp_path):
    (tmp_path / "empty").mkdir()
    r = run("build", str(tmp_path / "empty"), "-o", str(tmp_path / "c"), "-q")
    assert r.returncode == 1
    assert "no articles" in r.stderr
    assert "Traceback" not in r.stderr


@pytest.fixture(scope="module")
def sample_corpus(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("cli") / "corpus"
    r = run("build", str(SAMPLE_DIR), "-o", str(out))
    if r.returncode != 0:
        pytest.fail(f"newsdesk build failed ({r.returncode}):\n{r.stderr}")
    return out


def test_build_then_info_prints_the_summary(sample_corpus):
    r = run("info", str(sample_corpus))
    assert r.returncode == 0, r.stderr
    assert "articles:  1" in r.stdout
    assert "ZeroHedge (1)" in r.stdout
    assert "2019-04-22" in r.stdout
    summary = json.loads(run("info", str(sample_corpus), "--json").stdout)
    assert summary["articles"] == 1 and summary["words"] > 100


def test_rebuild_reuses_everything(sample_corpus):
    r = run("build", str(SAMPLE_DIR), "-o", str(sample_corpus))
    assert r.returncode == 0, r.stderr
    assert "0 processed, 1 reused" in r.stdout


def test_sql_prints_query_results_and_reports_bad_sql(sample_corpus):
    r = run("sql", str(sample_corpus), "select source, n_words from articles", "--format", "json")
    assert r.returncode == 0, r.stderr
    rows = json.loads(r.stdout)
    assert rows[0]["source"] == "ZeroHedge"
    r = run("sql", str(sample_corpus), "select nonsense from nowhere")
    assert r.returncode == 1
    assert "SQL error" in r.stderr and "tables: articles" in r.stderr
    assert "Traceback" not in r.stderr


def test_output_folder_holding_other_files_is_refused(tmp_path):
    (tmp_path / "mine.txt").write_text("not a corpus")
    r = run("build", str(SAMPLE_DIR), "-o", str(tmp_path), "-q")
    assert r.returncode == 1
    assert "not empty" in r.stderr and "Traceback" not in r.stderr
    assert (tmp_path / "mine.txt").read_text() == "not a corpus"


@pytest.mark.parametrize(
    ("flag", "bundle"), [((), "partial plotly.js"), (("--full-plotlyjs",), "full plotly.js")]
)
def test_report_inlines_the_partial_bundle_unless_asked_for_the_full_one(
    sample_corpus, tmp_path, flag, bundle
):
    out = tmp_path / "r.html"
    r = run("report", str(sample_corpus), "-o", str(out), *flag)
    assert r.returncode == 0, r.stderr
    page = out.read_text(encoding="utf-8")
    meta = page.split('name="newsdesk-plotlyjs" content="', 1)[1].split('"', 1)[0]
    assert meta.startswith(bundle)
