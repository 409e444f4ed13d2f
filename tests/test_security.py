"""Security rules checked on the code and on behaviour.

* No eval/exec, no pickle (or marshal, shelve, dill...) of anything, YAML only through
  ``safe_load``, no shell: a static scan of every module of ``analysis/`` with ``ast``.
* Credentials of online geocoders never reach logs, warnings or the cache file.
* The HTML report forbids inline handlers and the network (Content-Security-Policy).

Paths from archives, sidecars, symlinks and metadata: see ``test_hostile_io.py``;
hostile markup in the report: ``test_hostile_report.py``.
"""

from __future__ import annotations

import ast
import html
import logging
import re
import warnings
from pathlib import Path

import pandas as pd
import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "analysis"

FORBIDDEN_CALLS = {
    "eval", "exec", "compile", "__import__", "input",
    "pickle.load", "pickle.loads", "pickle.dump", "pickle.dumps", "pickle.Unpickler",
    "marshal.load", "marshal.loads", "shelve.open", "dill.load", "dill.loads",
    "cloudpickle.load", "cloudpickle.loads", "joblib.load",
    "yaml.load", "yaml.load_all", "yaml.unsafe_load", "yaml.unsafe_load_all",
    "yaml.full_load", "yaml.full_load_all", "yaml.UnsafeLoader", "yaml.Loader",
    "os.system", "os.popen", "os.execv", "os.execve", "os.execvp", "os.spawnl",
    "pd.read_pickle", "pandas.read_pickle", "numpy.load", "np.load",
    "subprocess.getoutput", "subprocess.getstatusoutput",
}  # fmt: skip
FORBIDDEN_IMPORTS = {"pickle", "cPickle", "marshal", "shelve", "dill", "cloudpickle", "_pickle"}
SUBPROCESS_CALLS = {"run", "call", "check_call", "check_output", "Popen"}


def _dotted(node: ast.AST) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        inner = _dotted(node.value)
        return f"{inner}.{node.attr}" if inner else node.attr
    return ""


def scan(source: str, filename: str = "<string>") -> list[str]:
    """Findings of the security rules in one module's source."""
    tree = ast.parse(source, filename)
    aliases: dict[str, str] = {}  # local name -> module.name it was imported as
    findings = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for a in node.names:
                aliases[a.asname or a.name] = a.name
                if a.name.split(".")[0] in FORBIDDEN_IMPORTS:
                    findings.append(f"{filename}:{node.lineno}: import {a.name}")
        elif isinstance(node, ast.ImportFrom) and node.module:
            for a in node.names:
                aliases[a.asname or a.name] = f"{node.module}.{a.name}"
            if node.module.split(".")[0] in FORBIDDEN_IMPORTS:
                findings.append(f"{filename}:{node.lineno}: from {node.module} import ...")
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = _dotted(node.func)
        head, _, rest = name.partition(".")
        full = aliases.get(head, head) + (f".{rest}" if rest else "")
        for candidate in {name, full}:
            if candidate in FORBIDDEN_CALLS:
                if candidate.startswith("yaml.load") and any(
                    kw.arg == "Loader" and _dotted(kw.value).endswith("SafeLoader")
                    for kw in node.keywords
                ):
                    continue
                findings.append(f"{filename}:{node.lineno}: call to {candidate}()")
        if full.startswith("subprocess.") and full.split(".")[-1] in SUBPROCESS_CALLS:
            for kw in node.keywords:
                if kw.arg == "shell" and not (
                    isinstance(kw.value, ast.Constant) and kw.value.value is False
                ):
                    findings.append(f"{filename}:{node.lineno}: {full}(shell=...)")
            if node.args and isinstance(node.args[0], ast.JoinedStr | ast.BinOp | ast.Constant):
                if isinstance(node.args[0], ast.Constant) and not isinstance(
                    node.args[0].value, str
                ):
                    continue
                findings.append(f"{filename}:{node.lineno}: {full}() with a command string")
    return sorted(set(findings))


def test_scanner_finds_what_it_must():
    bad = """
import pickle
import yaml, subprocess, os
from marshal import loads
import pandas as pd
eval("1")
exec("x = 1")
yaml.load(text)
yaml.load(text, Loader=yaml.FullLoader)
subprocess.run("ls " + name, shell=True)
subprocess.check_output(f"ls {name}")
os.system("rm -rf /")
pd.read_pickle("x.pkl")
loads(b"")
"""
    found = " ".join(scan(bad))
    for needle in ("import pickle", "from marshal", "eval()", "exec()", "yaml.load()",
                   "shell=", "command string", "os.system()", "pandas.read_pickle()"):  # fmt: skip
        assert needle in found, needle
    good = """
import yaml, subprocess, json
yaml.safe_load(text)
yaml.load(text, Loader=yaml.SafeLoader)
subprocess.run([sys.executable, "-m", "x"], check=True)
json.loads(s)
"""
    assert scan(good) == []


def test_package_has_no_eval_pickle_unsafe_yaml_or_shell():
    modules = sorted(PACKAGE.rglob("*.py"))
    assert len(modules) > 20
    findings = []
    for path in modules:
        findings += scan(path.read_text(encoding="utf-8"), str(path.relative_to(PACKAGE.parent)))
    assert findings == [], "\n".join(findings)


# ------------------------------------------------------------------ credentials

SECRET = "sk-live-5f2b9c0d7e1a4b3c"  # a fake API key; must never be printed


def _pelias(tmp_path, domain: str):
    from analysis.geo import get_geocoder

    return get_geocoder("pelias", api_key=SECRET, domain=domain, scheme="http", timeout=1,
                        max_retries=1, error_wait_seconds=0.01,
                        cache=tmp_path / "geocode.sqlite")  # fmt: skip


def _failures(tmp_path, caplog):
    """Make an online geocoder fail every way; return (log records, warning messages)."""
    from fakes.geocoder_server import FakeGeocoder, closed_port

    shown: list[str] = []
    with caplog.at_level(logging.WARNING), warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        geo = _pelias(tmp_path, f"127.0.0.1:{closed_port()}")
        geo.geocode("Seoul")  # network down
        with FakeGeocoder() as server:
            geo = _pelias(tmp_path, server.domain)
            for i, step in enumerate([500, 503, 429, 401, "garbage", "html", "ok"]):
                server.script(f"q{i}", step)
                geo.geocode(f"q{i}")
            assert any(SECRET in path for _, _, path in server.hits)  # the key was sent
        shown = [str(w.message) for w in caught]
    return caplog.records, shown


@pytest.mark.network
def test_api_key_never_in_newsdesk_logs_or_warnings(tmp_path, caplog):
    records, shown = _failures(tmp_path, caplog)
    ours = [r.getMessage() for r in records if r.name.startswith("analysis")]
    assert ours, "the failures were not logged at all"
    assert not [m for m in ours if SECRET in m]
    assert shown and not [m for m in shown if SECRET in m]


@pytest.mark.network
def test_api_key_never_in_any_log_at_warning_level(tmp_path, caplog):
    records, _ = _failures(tmp_path, caplog)
    leaked = [f"{r.name}: {r.getMessage()[:120]}" for r in records if SECRET in r.getMessage()]
    assert not leaked, leaked


@pytest.mark.network
def test_api_key_is_not_stored_in_the_cache_file(tmp_path, caplog):
    _failures(tmp_path, caplog)
    blobs = b"".join(p.read_bytes() for p in tmp_path.glob("geocode.sqlite*"))
    assert b"Fakeland" in blobs  # the successful answer is in the cache...
    assert SECRET.encode() not in blobs  # ...keyed by a hash of the key, never the key


def test_geocoder_repr_does_not_show_the_key(tmp_path):
    geo = _pelias(tmp_path, "127.0.0.1:9")
    assert SECRET not in repr(geo)


# ------------------------------------------------------------------ report policy


def test_report_page_forbids_inline_handlers_and_the_network():
    from analysis import schema
    from analysis.corpus import Corpus
    from analysis.report import report_html

    arts = schema.conform(pd.DataFrame([{
        "article_id": "0" * 16, "title": "<b onmouseover=alert(1)>t</b>", "title_derived": False,
        "source": "s", "url": "javascript:alert(1)", "author": None,
        "published": "2019-04-22T00:00:00Z", "published_precision": "day",
        "published_inferred": False, "text": "Kim <script>alert(1)</script>", "language": "en",
        "path": "/x.txt", "paths": ["/x.txt"], "format": "txt", "n_words": 2,
    }]), "articles")  # fmt: skip
    page = report_html(Corpus({"articles": arts}))
    head = page[: page.index("</head>")]
    m = re.search(r'http-equiv="Content-Security-Policy"\s+content="([^"]*)"', head)
    assert m, "no Content-Security-Policy"
    csp = html.unescape(m.group(1))
    for rule in ("default-src 'none'", "connect-src 'none'", "base-uri 'none'"):
        assert rule in csp
    script_src = next(p for p in csp.split(";") if p.strip().startswith("script-src"))
    assert "unsafe-inline" not in script_src and "unsafe-eval" not in csp
