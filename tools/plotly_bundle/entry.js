// Entry of the partial plotly.js bundle inlined by the newsdesk offline report
// (analysis/assets/plotly-report.min.js, built by build.sh in this folder).
//
// plotly.js core already registers the `scatter` trace and the components (legend,
// hover, colorbar, annotations, shapes, modebar...); the report's figures also draw
// `bar` (actor mentions, timeline), `scattergeo` and `choropleth` (the place map and its
// per-country view; both bring the geo subplot, which reads basemaps from
// window.PlotlyGeoAssets) and `heatmap` (the actor heatmap of the notebooks, which load
// this bundle too: analysis.notebooks.setup).
// Add a trace here AND to TRACES in build.js when a report figure starts using it;
// analysis/report.py falls back to the full plotly.js for any trace type missing here.
'use strict';

var Plotly = require('plotly.js/lib/core');

Plotly.register([
    require('plotly.js/lib/bar'),
    require('plotly.js/lib/choropleth'),
    require('plotly.js/lib/heatmap'),
    require('plotly.js/lib/scattergeo'),
]);

module.exports = Plotly;
