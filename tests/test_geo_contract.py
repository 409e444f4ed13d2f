"""The geo package's public surface: what it exports and what stays in benchmarks/."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]


def _benchmark_writer():
    spec = importlib.util.spec_from_file_location(
        "geoparse_eupeg", ROOT / "benchmarks" / "geoparse_eupeg.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.toponyms_to_eupeg


def test_benchmark_writer_is_not_package_api():
    import analysis
    import analysis.geo
    import analysis.geo.toponyms

    assert not [n for n in analysis.__all__ if "eupeg" in n.lower()]
    assert not [n for n in analysis.geo.__all__ if "eupeg" in n.lower()]
    assert not hasattr(analysis.geo.toponyms, "toponyms_to_eupeg")


def test_benchmark_writer_formats_one_line_per_article():
    places = pd.DataFrame(
        {
            "name": ["Springfield", "Odd,,Name||X"],
            "text": ["Springfield", "Odd"],
            "lat": [39.8, 1.5],
            "lon": [-89.65, -2.0],
            "start": [10, 40],
            "end": [21, 43],
        }
    )
    line = _benchmark_writer()(places)
    assert (
        line == "Springfield,,Springfield,,39.8,,-89.65,,10,,21||Odd,Name|X,,Odd,,1.5,,-2.0,,40,,43"
    )
    assert _benchmark_writer()(places.iloc[:0]) == ""


def test_geo_api_names_resolve():
    """Every name analysis.geo exports (and the split modules' own) imports."""
    import analysis.geo
    from analysis.geo import recognition, resolution, role, toponyms

    for name in analysis.geo.__all__:
        assert getattr(analysis.geo, name) is not None, name
    for module in (recognition, resolution, role, toponyms):
        assert module.__doc__ and len(module.__doc__) > 80, module.__name__
        for name in module.__all__:
            assert hasattr(module, name), (module.__name__, name)
    weights = resolution.RankingWeights(closeness=0.0)
    assert weights.closeness == 0.0 and resolution.DEFAULT_WEIGHTS.closeness > 0
