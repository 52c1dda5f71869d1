"""``/docs``: Swagger UI served from this server (the ``swagger-ui-bundle-v2`` package), with
no CDN and no inline script, so it works under the strict CSP (api/hardening.py)."""

from __future__ import annotations

from pathlib import Path

from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, Response
from starlette.routing import Route
from swagger_ui_bundle import swagger_ui_path

ASSETS = {
    "swagger-ui.css": "text/css",
    "swagger-ui-bundle.js": "text/javascript",
}
CACHE = "public, max-age=86400"

_PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{title} - API</title>
<link rel="stylesheet" href="/docs/swagger-ui.css">
</head>
<body>
<div id="swagger-ui"></div>
<script src="/docs/swagger-ui-bundle.js"></script>
<script src="/docs/init.js"></script>
</body>
</html>
"""

_INIT = """window.ui = SwaggerUIBundle({
  url: "/openapi.json",
  dom_id: "#swagger-ui",
  deepLinking: true,
  layout: "BaseLayout",
  presets: [SwaggerUIBundle.presets.apis],
});
"""


def docs_routes(title: str) -> list[Route]:
    """The routes of ``/docs``: the page, its start script and the two Swagger UI files."""
    folder = Path(str(swagger_ui_path))
    page = _PAGE.format(title=title)

    async def index(_request: Request) -> Response:
        return HTMLResponse(page, headers={"Cache-Control": "no-cache"})

    async def init(_request: Request) -> Response:
        return Response(_INIT, media_type="text/javascript", headers={"Cache-Control": CACHE})

    def asset(name: str, media_type: str) -> Route:
        async def serve(_request: Request) -> Response:
            return FileResponse(
                folder / name, media_type=media_type, headers={"Cache-Control": CACHE}
            )

        return Route(f"/docs/{name}", serve, methods=["GET", "HEAD"])

    return [
        Route("/docs", index, methods=["GET", "HEAD"]),
        Route("/docs/init.js", init, methods=["GET", "HEAD"]),
        *(asset(name, media) for name, media in ASSETS.items()),
    ]
