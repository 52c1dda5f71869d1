"""Assembly: the composition root (:mod:`.components`), the ingest side (:mod:`.ingest`:
feed, pipeline, rules engine, lifecycle) and the web side (:mod:`.web`: the ASGI app).
Nothing below this package builds or wires components."""
