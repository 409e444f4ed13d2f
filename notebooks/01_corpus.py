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
# # 01 · The corpus
#
# What is in the corpus: the articles, where they come from, and the frames the
# pipeline derived from them (sentences, mentions, actors, places, dates, events).
# Set `corpus_path` to a folder of articles or a saved corpus.

# %% tags=["parameters"]
corpus_path = "../data/articles"

# %%
import pandas as pd

from analysis.figures import actor_heatmap
from analysis.notebooks import load_corpus, setup

setup()
corpus = load_corpus(corpus_path)

# %% [markdown]
# ## Articles

# %%
corpus.articles[["published", "source", "title", "language", "n_words"]]

# %% [markdown]
# ## Frame sizes

# %%
frames = [
    "articles",
    "sentences",
    "mentions",
    "actors",
    "quotes",
    "edges",
    "places",
    "timexes",
    "events",
]
pd.DataFrame({"rows": [len(getattr(corpus, f)) for f in frames]}, index=frames)

# %% [markdown]
# ## Dates found in the texts
#
# Each temporal expression with the interval it covers: "by the end of April" is an
# interval, not a day.

# %%
corpus.timexes[["text", "value", "begin", "end_date", "precision"]]

# %% [markdown]
# ## Actors per article and week

# %%
actor_heatmap(corpus, by="article")
