# ---
# jupyter:
#   jupytext:
#     cell_metadata_filter: tags,-all
#     formats: ipynb,py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#       jupytext_version: 1.19.6
# ---

# %% [markdown]
# # 04 · Summit timeline
#
# Events on a date axis. An imprecise date is drawn as the interval it is ("June
# 2018" covers June); planned events are hatched and hollow, occurred ones solid;
# events matching the reference timeline carry a star.

# %% tags=["parameters"]
corpus_path = "../data/articles"

# %%
import logging

from analysis.figures import summit_timeline
from analysis.notebooks import load_corpus, setup

setup()
corpus = load_corpus(corpus_path)

try:
    from analysis.events import load_reference_events

    reference = load_reference_events()
except (ImportError, FileNotFoundError, ValueError) as exc:  # the timeline works without it
    logging.getLogger("notebook").warning("no reference timeline: %s", exc)
    reference = None

# %%
corpus.events[["type", "status", "begin", "end_date", "precision", "place_name", "evidence"]]

# %%
summit_timeline(corpus, reference=reference, rows="participants")

# %%
summit_timeline(corpus, reference=reference, rows="type", title="Events by type")
