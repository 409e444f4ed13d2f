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
# # 05 · Explorer
#
# Filter by actors, dates, event types, sources and text: the map, the actor chart and
# the timeline update together. The controls need a running kernel (JupyterLab); the
# report panel further down, the static views and the offline report
# (`newsdesk report`) work without one.

# %% tags=["parameters"]
corpus_path = "../data/articles"

# %%
from analysis.figures import actor_mentions, place_map, summit_timeline
from analysis.notebooks import load_corpus, report_panel, setup
from analysis.widgets import explorer, select

setup()
corpus = load_corpus(corpus_path)

# %%
panel = explorer(corpus)
panel

# %% [markdown]
# ## The same filters without a kernel
#
# The offline report's panel for this corpus: plain JavaScript over data packed in the
# page, with the same filter meaning as the explorer (`analysis.selection`). It keeps
# working in the rendered HTML, so a colleague without Python can filter too. Click a
# place, a bar or a timeline mark to list its articles with the sentence that shows it.

# %%
report_panel(corpus)

# %% [markdown]
# ## A saved view
#
# The same filters from code: here, the articles that mention the most mentioned actor.

# %%
top = corpus.actors.sort_values("mentions", ascending=False)["actor_id"].head(1).tolist()
view = select(corpus, actors=top)
print(
    f"{len(view.articles)} article(s), {view.places['place_id'].nunique()} place(s), "
    f"{len(view.events)} event(s)"
)

# %%
place_map(view, events=view.events, arcs=True)

# %%
actor_mentions(view)

# %%
summit_timeline(view)
