"""The Polygon/Massive feed: WebSocket frames (:mod:`.codec`), the live feed (:mod:`.feed`),
REST history (:mod:`.rest`) and gap repair (:mod:`.gaps`). See docs/polygon.md."""
