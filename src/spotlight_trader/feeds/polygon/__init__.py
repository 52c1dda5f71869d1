"""The Polygon/Massive feed: WebSocket frames (:mod:`.codec`), the WebSocket session
(:mod:`.connection`), the live feed (:mod:`.feed`) and its counters (:mod:`.stats`), REST
history (:mod:`.rest`) and gap repair (:mod:`.gaps`). See docs/polygon.md."""
