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
# # 02 · Places
#
# Where the news happens: every toponym resolved to a place, drawn on an offline
# basemap (Natural Earth, shipped with newsdesk: no network needed).

# %% tags=["parameters"]
corpus_path = "../data/articles"

# %%
from analysis.figures import place_map, place_summary
from analysis.notebooks import load_corpus, setup

setup()
corpus = load_corpus(corpus_path)

# %% [markdown]
# ## Places, most mentioned first

# %%
place_summary(corpus)[
    ["name", "feature", "country_code", "role", "mentions", "articles", "lat", "lon"]
]

# %% [markdown]
# ## The map, coloured by how each place is named
#
# A marker's size grows with the number of articles naming the place (log scale: a
# place in 100 articles is not 100 times the size of one in a single article); hover
# a marker for the sentences that mention it. The colour says how the articles mostly
# name the place: as the place itself, as its government ("Paris said"), as an
# adjective ("French") or as part of a name ("US troops").

# %%
place_map(corpus, color="role")

# %% [markdown]
# ## By feature, with events and the trips to them
#
# Colour is the kind of place (country, capital, city, state or province...). Stars
# are places where events happen (bigger: more events); lines go from each
# participant's capital to the event (dashed when the event is only planned).

# %%
place_map(corpus, color="feature", events=corpus.events, arcs=True)
