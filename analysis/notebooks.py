"""Notebook helpers: an offline plotly renderer, corpus loading, rendering to HTML.

In a notebook, :func:`setup` makes every figure display both as plotly's JSON (drawn by
JupyterLab's plotly extension) and as HTML with no CDN reference (kept by nbconvert),
and puts plotly.js and the shipped basemap in the page once: the report's partial
plotly.js bundle (about 1.4 MB, see :func:`analysis.report.report_plotlyjs`), or the full
one (4.8 MB) added once, just before the first figure that needs a trace type the bundle
lacks.  :func:`report_panel` shows the offline report's filter panel, figures and article
table for a corpus: it works in the rendered HTML with no kernel.  :func:`render_notebooks`
executes the project's notebooks (papermill, kernel ``python3``) and writes HTML in which
every figure is present, interactive and drawn with no network.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import plotly.io as pio
from plotly.io._base_renderers import MimetypeRenderer

from analysis.figures.basemap import DEFAULT_BASEMAPS, geo_assets_html

__all__ = [
    "setup",
    "report_panel",
    "OfflineHtmlRenderer",
    "load_corpus",
    "notebooks_dir",
    "render_notebooks",
    "NOTEBOOKS",
]

log = logging.getLogger(__name__)

RENDERER = "newsdesk"
NOTEBOOKS = ("01_corpus", "02_places", "03_actors", "04_timeline", "05_explorer")

# nbconvert's lab template, minus everything that would load from a CDN (require.js,
# MathJax, mermaid, the widget manager): the rendered page must work offline.
_OFFLINE_TEMPLATE = """{%- extends 'lab/index.html.j2' -%}
{%- block html_head_js_requirejs -%}{%- endblock html_head_js_requirejs -%}
{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}
{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}
{% block jupyter_widgets %}{% endblock jupyter_widgets %}
"""


class OfflineHtmlRenderer(MimetypeRenderer):
    """plotly renderer: an HTML ``<div>`` + ``Plotly.newPlot`` with no CDN and no MathJax.

    plotly.js itself is put in the page once by :func:`setup`.  When the page holds the
    partial bundle and a figure needs a trace type it lacks, the first such figure's HTML
    carries the full plotly.js (once per page; it replaces ``window.Plotly``).
    """

    def __init__(self, *, config: dict | None = None, traces: Iterable[str] | None = None) -> None:
        self.config = dict(config or {"displaylogo": False, "responsive": True})
        #: trace types the page's plotly.js draws (None: the full plotly.js, all of them)
        self.traces = set(traces) if traces is not None else None

    def to_mimebundle(self, fig_dict: dict) -> dict:
        prefix = ""
        if self.traces is not None:
            from analysis.report import figure_trace_types

            missing = figure_trace_types([fig_dict]) - self.traces
            if missing:
                log.info("notebook: adding the full plotly.js for %s", sorted(missing))
                prefix = _plotlyjs_html(full=True) + "\n"
                self.traces = None
        html = prefix + pio.to_html(
            fig_dict,
            config=self.config,
            include_plotlyjs=False,
            include_mathjax=False,
            full_html=False,
            default_width="100%",
            default_height=525,
            validate=False,
        )
        return {"text/html": html}


def _bundle(full: bool):
    from analysis.report import PlotlyJS, report_plotlyjs

    if full:
        from plotly.offline import get_plotlyjs, get_plotlyjs_version

        return PlotlyJS(get_plotlyjs(), "full", get_plotlyjs_version(), ())
    return report_plotlyjs([])


def _plotlyjs_html(*, full: bool = False) -> str:
    code = _bundle(full).code
    return (
        "<script type=\"text/javascript\">window.PlotlyConfig = {MathJaxConfig: 'local'};"
        '</script>\n<script type="text/javascript">' + code + "</script>"
    )


def setup(
    *,
    basemaps: Iterable[str] = DEFAULT_BASEMAPS,
    include_plotlyjs: bool = True,
    full_plotlyjs: bool = False,
) -> None:
    """Prepare a notebook: offline basemap, plotly.js once, figures that survive nbconvert.

    Sets the default plotly renderer to ``"plotly_mimetype+newsdesk"``: JupyterLab draws
    the plotly JSON with its extension; nbconvert keeps the HTML.  Call it in the first
    cell, before any figure.

    Parameters
    ----------
    basemaps : iterable of str
        Shipped topojson files to register (``world_110m``; add ``world_50m`` for maps
        drawn with ``resolution=50``).
    include_plotlyjs : bool
        Put plotly.js in the notebook (once) so exported HTML works offline.
    full_plotlyjs : bool
        Put plotly's full plotly.js (4.8 MB) instead of the report's partial bundle
        (about 1.4 MB; figures needing another trace type then add the full one once).
    """
    from IPython.display import HTML, display

    bundle = _bundle(full_plotlyjs)
    traces = set(bundle.traces) if (include_plotlyjs and bundle.kind == "partial") else None
    pio.renderers[RENDERER] = OfflineHtmlRenderer(traces=traces)
    pio.renderers.default = f"plotly_mimetype+{RENDERER}"
    parts = [geo_assets_html(basemaps)]
    if include_plotlyjs:
        parts.append(
            "<script type=\"text/javascript\">window.PlotlyConfig = {MathJaxConfig: 'local'};"
            '</script>\n<script type="text/javascript">' + bundle.code + "</script>"
        )
    display(HTML("\n".join(parts)))


def report_panel(corpus: Any, *, reference: Any = None) -> Any:
    """The offline report's filter panel, figures and table, for a notebook cell.

    The panel filters with plain JavaScript over data packed in the page (the same code
    and filter meaning as ``newsdesk report``), so it works in the rendered HTML with no
    kernel.  Call :func:`setup` first (it puts plotly.js and the basemap in the page).

    Parameters
    ----------
    corpus : Corpus
        The corpus.
    reference : DataFrame, optional
        Reference timeline for the summit timeline.

    Returns
    -------
    IPython.display.HTML
        Display it (the last expression of a cell is displayed).
    """
    from IPython.display import HTML

    from analysis.report import report_panel_html

    return HTML(report_panel_html(corpus, reference=reference))


def load_corpus(path: str | os.PathLike) -> Any:
    """Open a saved corpus folder, or build one from articles (a file or a folder).

    Parameters
    ----------
    path : str or os.PathLike
        A folder written by ``Corpus.save`` or anything ``analysis.build`` reads.
    """
    import analysis

    p = Path(path)
    if not p.exists():
        raise FileNotFoundError(f"corpus path {str(p)!r} does not exist")
    corpus_cls = analysis.Corpus
    if p.is_dir():
        try:
            from analysis import store

            if store.is_store(p):
                return corpus_cls.load(p)
        except ImportError:
            pass
    return analysis.build(p)


def notebooks_dir() -> Path:
    """The folder of the project's notebooks (``notebooks/`` in a source checkout)."""
    here = Path(__file__).resolve().parent
    for candidate in (here.parent / "notebooks", here / "notebooks"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(
        "the newsdesk notebooks are not installed (no notebooks/ folder "
        "next to the package); use a source checkout"
    )


def _html_exporter():
    from jinja2 import DictLoader
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(template_name="lab")
    exporter.extra_loaders = [DictLoader({"newsdesk_offline.html.j2": _OFFLINE_TEMPLATE})]
    exporter.template_file = "newsdesk_offline.html.j2"
    return exporter


def render_notebooks(
    out_dir: str | os.PathLike,
    *,
    corpus: str | os.PathLike | Any | None = None,
    execute: bool = True,
    to: str = "html",
    notebooks: Iterable[str] | None = None,
    kernel_name: str = "python3",
    timeout: int = 900,
) -> list[Path]:
    """Execute the notebooks and write them as offline HTML (or executed ``.ipynb``).

    Parameters
    ----------
    out_dir : str or os.PathLike
        Output folder (created).
    corpus : path or Corpus, optional
        The corpus the notebooks read: a path (articles or a saved corpus) passed as the
        ``corpus_path`` parameter, or a Corpus object (saved to a temporary folder first).
        Default: each notebook's own default (the sample articles).
    execute : bool
        Run the notebooks (papermill); ``False`` converts them as stored (no outputs).
    to : {"html", "ipynb"}
        Output format.
    notebooks : iterable of str, optional
        Names to render (default: all of :data:`NOTEBOOKS`).
    kernel_name : str
        Jupyter kernel to run them with.
    timeout : int
        Seconds allowed per cell.

    Returns
    -------
    list of pathlib.Path
        The written files, in notebook order.
    """
    import nbformat

    if to not in ("html", "ipynb"):
        raise ValueError(f"to must be 'html' or 'ipynb', got {to!r}")
    src_dir = notebooks_dir()
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    names = list(notebooks) if notebooks is not None else list(NOTEBOOKS)
    written: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="newsdesk-nb-") as tmp:
        params: dict[str, str] = {}
        if corpus is not None:
            if isinstance(corpus, (str, os.PathLike)):
                params["corpus_path"] = str(Path(corpus).resolve())
            else:
                saved = Path(tmp) / "corpus"
                corpus.save(saved)
                params["corpus_path"] = str(saved)
        for name in names:
            src = src_dir / f"{name}.ipynb"
            if not src.is_file():
                raise FileNotFoundError(f"no notebook {src}")
            executed = Path(tmp) / f"{name}.ipynb"
            if execute:
                import papermill

                log.info("executing %s", src.name)
                papermill.execute_notebook(
                    str(src),
                    str(executed),
                    parameters=params,
                    kernel_name=kernel_name,
                    cwd=str(src_dir),
                    progress_bar=False,
                    log_output=False,
                    execution_timeout=timeout,
                )
            else:
                shutil.copyfile(src, executed)
            nb = nbformat.read(executed, as_version=4)
            if to == "ipynb":
                target = out / f"{name}.ipynb"
                nbformat.write(nb, target)
            else:
                body, _ = _html_exporter().from_notebook_node(
                    nb, resources={"metadata": {"name": name}}
                )
                target = out / f"{name}.html"
                target.write_text(body, encoding="utf-8")
            log.info("wrote %s", target)
            written.append(target)
    return written
