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
# # 03 · Actors
#
# Who is in the news, who appears with whom, who speaks.

# %% tags=["parameters"]
corpus_path = "../data/articles"

# %%
from analysis.figures import actor_heatmap, actor_mentions, co_mention_network, quote_chart
from analysis.notebooks import load_corpus, setup

setup()
corpus = load_corpus(corpus_path)

# %%
corpus.actors[["name", "kind", "country", "mentions", "articles", "wikidata"]].head(30)

# %%
actor_mentions(corpus)

# %% [markdown]
# ## Co-mentions
#
# Two actors are linked when a sentence mentions both; the layout is seeded, so it is
# the same every run.

# %%
co_mention_network(corpus)

# %%
actor_heatmap(corpus, by="week")

# %% [markdown]
# ## Quotes

# %%
corpus.quotes[["speaker_text", "cue", "kind", "text"]]

# %%
quote_chart(corpus)
