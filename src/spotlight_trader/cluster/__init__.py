"""Several processes over Redis: the ring, the bus and the limits behind the protocols of
the market core (``market/ring.py``, ``bus.py``, ``limits.py``), chosen by
``runtime/components.py`` when ``REDIS_URL`` is set."""
