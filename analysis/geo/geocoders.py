"""Geocoders behind one interface: the offline gazetteer and geopy's online services.

``get_geocoder("gazetteer")`` (the default) is :class:`GazetteerGeocoder`, a real
:class:`geopy.geocoders.base.Geocoder`.  Every other name is one of geopy's services
("nominatim", "photon", "arcgis", ...), wrapped in geopy's
:class:`~geopy.extra.rate_limiter.RateLimiter` and in :class:`CachedGeocoder`, which
keeps every successful answer in a persistent SQLite cache and turns network
failures (timeouts, HTTP errors, quotas) into a warning and ``None``.
"""

from __future__ import annotations

import hashlib
import inspect
import json
import logging
import os
import time
import warnings
from collections.abc import Callable, Sequence
from typing import Any

from geopy.exc import (
    GeocoderAuthenticationFailure,
    GeocoderInsufficientPrivileges,
    GeocoderQueryError,
    GeocoderServiceError,
    GeopyError,
)
from geopy.extra.rate_limiter import RateLimiter
from geopy.geocoders import SERVICE_TO_GEOCODER
from geopy.geocoders.base import DEFAULT_SENTINEL, Geocoder
from geopy.location import Location

from ..registry import Registry
from .cache import MISS, GeocodeCache
from .gazetteer import Gazetteer, get_gazetteer


class _RedactSecrets(logging.Filter):
    """Scrub configured credentials from records of the HTTP libraries geopy uses.

    urllib3 logs the request URL (with an ``api_key=`` query parameter) when it retries;
    this filter, attached to those loggers, replaces every known secret with ``***``.
    """

    secrets: set[str] = set()

    def filter(self, record: logging.LogRecord) -> bool:
        if self.secrets:
            msg = record.getMessage()
            clean = msg
            for secret in self.secrets:
                clean = clean.replace(secret, "***")
            if clean != msg:
                record.msg, record.args = clean, ()
        return True


_REDACT = _RedactSecrets()
for _name in ("urllib3", "urllib3.connectionpool", "urllib3.util.retry", "geopy", "requests"):
    logging.getLogger(_name).addFilter(_REDACT)


# Failures that a retry cannot mend; every other GeocoderServiceError (timeout, network
# down, HTTP 429 and 5xx) is transient and retried with backoff.
_PERMANENT = (GeocoderAuthenticationFailure, GeocoderInsufficientPrivileges, GeocoderQueryError)

log = logging.getLogger(__name__)

__all__ = [
    "GazetteerGeocoder",
    "CachedGeocoder",
    "GeocodingWarning",
    "GEOCODERS",
    "get_geocoder",
]

#: Minimum delay between requests by service (their usage policies).
MIN_DELAY = {"nominatim": 1.0, "photon": 1.0, "openmapquest": 1.0, "pickpoint": 1.0}

GEOCODERS: Registry[Callable[..., Any]] = Registry("geocoder")


class GeocodingWarning(UserWarning):
    """An online geocoder failed (network, timeout, quota); the answer is missing."""


class GazetteerGeocoder(Geocoder):
    """The offline gazetteer as a geopy geocoder.

    ``geocode`` returns :class:`geopy.location.Location` objects whose ``raw`` holds
    the GeoNames fields (``geonameId``, ``name``, ``lat``, ``lng``, ``countryCode``,
    ``adminCode1``, ``feature``, ``population``, ``source``).

    Parameters
    ----------
    gazetteer : Gazetteer, optional
        The index to use; default the shared one (:func:`get_gazetteer`).
    additions : sequence of path-like
        Extra curated CSV files (ignored when ``gazetteer`` is given).
    """

    def __init__(self, *, gazetteer: Gazetteer | None = None, additions=()) -> None:
        super().__init__(user_agent="newsdesk-gazetteer")
        self._gazetteer = gazetteer
        self._additions = tuple(additions)

    @property
    def gazetteer(self) -> Gazetteer:
        """The index (opened at first use)."""
        if self._gazetteer is None:
            self._gazetteer = get_gazetteer(additions=self._additions)
        return self._gazetteer

    def _location(self, place) -> Location:
        parts = [place.name]
        if place.feature != "country" and place.country_code:
            country = self.gazetteer.country(place.country_code)
            if country is not None:
                parts.append(country.name)
        return Location(", ".join(parts), (place.lat, place.lon, 0.0), place.raw())

    def geocode(
        self,
        query: str,
        *,
        exactly_one: bool = True,
        timeout: Any = DEFAULT_SENTINEL,
        limit: int | None = None,
        country_codes: str | list[str] | None = None,
    ) -> Location | list[Location] | None:
        """Look ``query`` up in the gazetteer.

        Parameters
        ----------
        query : str
            A place name ("Vladivostok", "the Korean peninsula", "U.S.").
        exactly_one : bool
            Return the best match only (else a list, best first).
        timeout : ignored
            Accepted for compatibility with geopy's signature.
        limit : int, optional
            Maximum number of results when ``exactly_one`` is False.
        country_codes : str or list of str, optional
            Keep only places in these countries (ISO alpha-2).

        Returns
        -------
        Location, list of Location or None
            None when nothing matches.
        """
        if not isinstance(query, str) or not query.strip():
            return None
        cands = self.gazetteer.candidates(query)
        if country_codes:
            codes = {country_codes} if isinstance(country_codes, str) else set(country_codes)
            codes = {c.upper() for c in codes}
            cands = [c for c in cands if c.place.country_code in codes]
        seen, places = set(), []
        for c in cands:
            if c.place.pid not in seen:
                seen.add(c.place.pid)
                places.append(c.place)
        if not places:
            return None
        if exactly_one:
            return self._location(places[0])
        return [self._location(p) for p in places[: limit or len(places)]]

    def reverse(self, query, *, exactly_one: bool = True, timeout: Any = DEFAULT_SENTINEL):
        """Not supported offline: the gazetteer only geocodes names."""
        raise NotImplementedError("the gazetteer geocoder does not reverse-geocode")


def _to_json(answer) -> Any:
    if answer is None:
        return None
    if isinstance(answer, Location):
        return {"address": answer.address, "point": list(answer.point), "raw": answer.raw}
    return [_to_json(a) for a in answer]


def _from_json(blob) -> Any:
    if blob is None:
        return None
    if isinstance(blob, dict):
        return Location(blob["address"], tuple(blob["point"]), blob["raw"])
    return [_from_json(b) for b in blob]


class CachedGeocoder:
    """A geocoder whose successful answers are kept in a persistent cache.

    Parameters
    ----------
    geocoder : geopy.geocoders.base.Geocoder
        The service (already configured).
    name : str
        Cache namespace ("nominatim").
    settings : dict
        The settings that change answers (part of the cache key).
    min_delay_seconds : float
        Minimum time between two requests (geopy RateLimiter).
    max_retries : int
        Retries of a transient failure (timeout, network down, HTTP 429 or 5xx)
        before giving up.
    error_wait_seconds : float
        Wait before the first retry; doubled before each further one (exponential
        backoff). A 429 answer's ``Retry-After`` is honoured up to 60 s.
    cache : GeocodeCache or path-like or None
        The cache; default the shared file in ``cache_dir()``.
    secrets : sequence of str
        Credentials to scrub from every logged or warned message.
    """

    def __init__(
        self,
        geocoder: Geocoder,
        *,
        name: str,
        settings: dict | None = None,
        min_delay_seconds: float = 0.0,
        max_retries: int = 2,
        error_wait_seconds: float = 1.0,
        cache: GeocodeCache | str | os.PathLike | None = None,
        secrets: Sequence[str] = (),
    ) -> None:
        self.geocoder = geocoder
        self.max_retries = max(0, int(max_retries))
        self.error_wait_seconds = float(error_wait_seconds)
        self._secrets = [str(x) for x in secrets if x]
        _RedactSecrets.secrets.update(self._secrets)
        self.name = name
        self.settings_key = json.dumps(settings or {}, sort_keys=True, default=str)
        self.cache = cache if isinstance(cache, GeocodeCache) else GeocodeCache(cache)
        self._limited = RateLimiter(
            geocoder.geocode,
            min_delay_seconds=min_delay_seconds,
            max_retries=0,  # retries with backoff are ours, see _ask
            swallow_exceptions=False,
        )

    def geocode(self, query: str, *, exactly_one: bool = True) -> Location | list | None:
        """Geocode ``query``, from the cache when it was answered before.

        Network failures, timeouts and quota errors give a :class:`GeocodingWarning`
        and None; they are not cached.
        """
        key = f"{int(bool(exactly_one))}|{query}"
        cached = self.cache.get(self.name, key, self.settings_key)
        if cached is not MISS:
            return _from_json(cached)
        try:
            answer = self._ask(query, exactly_one)
        except GeopyError as exc:
            self._warn(f"{self.name} failed for {query!r}: {type(exc).__name__}: {exc}")
            return None
        except (KeyError, TypeError, ValueError, IndexError, AttributeError) as exc:
            # a 200 answer of the wrong shape: geopy's parser fails on it
            self._warn(f"{self.name} gave a malformed answer for {query!r}: {exc!r}")
            return None
        self.cache.put(self.name, key, self.settings_key, _to_json(answer))
        return answer

    def _ask(self, query: str, exactly_one: bool):
        """One request, retried with exponential backoff on transient failures."""
        for attempt in range(self.max_retries + 1):
            try:
                return self._limited(query, exactly_one=exactly_one)
            except GeocoderServiceError as exc:
                if isinstance(exc, _PERMANENT) or attempt == self.max_retries:
                    raise
                wait = self.error_wait_seconds * (2**attempt)
                retry_after = getattr(exc, "retry_after", None)
                if retry_after:
                    wait = max(wait, min(float(retry_after), 60.0))
                log.info(
                    "%s: %s; retry %d/%d in %.2f s",
                    self.name,
                    self._scrub(f"{type(exc).__name__}: {exc}"),
                    attempt + 1,
                    self.max_retries,
                    wait,
                )
                time.sleep(wait)
        raise AssertionError("unreachable")

    def _scrub(self, msg: str) -> str:
        for secret in self._secrets:
            msg = msg.replace(secret, "***")
        return msg

    def _warn(self, msg: str) -> None:
        msg = self._scrub(msg)
        log.warning(msg)
        warnings.warn(msg, GeocodingWarning, stacklevel=3)

    def __repr__(self) -> str:
        return f"CachedGeocoder({type(self.geocoder).__name__}, cache={self.cache.path})"


def _make_gazetteer(*, gazetteer: Gazetteer | None = None, additions=()) -> GazetteerGeocoder:
    return GazetteerGeocoder(gazetteer=gazetteer, additions=additions)


GEOCODERS.register("gazetteer", _make_gazetteer)


def _online_factory(service: str) -> Callable[..., CachedGeocoder]:
    cls = SERVICE_TO_GEOCODER[service]

    def factory(
        *,
        cache: GeocodeCache | str | os.PathLike | None = None,
        min_delay_seconds: float | None = None,
        max_retries: int = 2,
        error_wait_seconds: float = 1.0,
        **settings: Any,
    ) -> CachedGeocoder:
        params = inspect.signature(cls.__init__).parameters
        unknown = sorted(set(settings) - set(params))
        if unknown:
            valid = sorted(p for p in params if p != "self")
            raise TypeError(
                f"{service}: unknown setting(s) {', '.join(unknown)}; valid: {', '.join(valid)}"
            )
        if service == "nominatim" and not settings.get("user_agent"):
            raise ValueError(
                "nominatim requires a user_agent identifying your application (its usage "
                "policy): get_geocoder('nominatim', user_agent='my-newsroom-app/1.0 (me@example.org)')"
            )
        floor = MIN_DELAY.get(service, 0.0)
        delay = floor if min_delay_seconds is None else max(floor, float(min_delay_seconds))
        geocoder = cls(**settings)
        public = {k: v for k, v in settings.items() if k not in {"api_key", "apikey", "password"}}
        secret = {k: v for k, v in settings.items() if k not in public}
        if secret:  # keyed by a hash of credentials, never the credentials themselves
            public["credentials"] = hashlib.sha256(
                json.dumps(secret, sort_keys=True, default=str).encode()
            ).hexdigest()[:12]
        public.pop("user_agent", None)
        public.pop("timeout", None)
        return CachedGeocoder(
            geocoder,
            name=service,
            settings=public,
            min_delay_seconds=delay,
            max_retries=max_retries,
            error_wait_seconds=error_wait_seconds,
            cache=cache,
            secrets=[str(v) for v in secret.values()],
        )

    factory.__doc__ = f"geopy's {cls.__name__}, rate-limited and cached."
    return factory


for _service in SERVICE_TO_GEOCODER:
    GEOCODERS.register(_service, _online_factory(_service))


def get_geocoder(name: str | Any = "gazetteer", **settings: Any) -> Any:
    """Return a geocoder by name, or wrap a geocoder instance.

    Parameters
    ----------
    name : str or geocoder instance
        "gazetteer" (offline, default) or a geopy service name ("nominatim",
        "photon", "arcgis", ...).  A :class:`GazetteerGeocoder` or
        :class:`CachedGeocoder` instance is returned unchanged; any other geopy
        ``Geocoder`` instance is wrapped in the rate limiter and the cache.
    **settings
        Passed to the service's constructor (``user_agent``, ``domain``, ``scheme``,
        ``timeout``, ``api_key``, ...), plus ``cache`` (a :class:`GeocodeCache` or
        path), ``min_delay_seconds``, ``max_retries``, ``error_wait_seconds``.
        Nominatim requires ``user_agent`` and never goes faster than 1 request/s.

    Returns
    -------
    GazetteerGeocoder or CachedGeocoder
        Both have ``geocode(query, exactly_one=True)`` returning geopy Locations.

    Raises
    ------
    KeyError
        For an unknown name; the message lists the valid names.
    """
    if isinstance(name, GazetteerGeocoder | CachedGeocoder):
        return name
    if isinstance(name, Geocoder):
        service = type(name).__name__.lower()
        return CachedGeocoder(
            name,
            name=service,
            settings={"instance": repr(getattr(name, "domain", ""))},
            min_delay_seconds=settings.get("min_delay_seconds", MIN_DELAY.get(service, 0.0)),
            cache=settings.get("cache"),
        )
    if not isinstance(name, str):
        raise TypeError(f"get_geocoder expects a name or a geopy Geocoder, got {type(name)!r}")
    return GEOCODERS.get(name)(**settings)
