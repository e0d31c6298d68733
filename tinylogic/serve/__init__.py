"""Serving a small reasoner behind verifiers: an OpenAI-compatible HTTP app (FastAPI + uvicorn).

    tinylogic serve --model DIR [--index INDEX]      # or: serve(model_dir) / create_app(engine, name)

See docs/SERVE.md. Needs the `serve` extra (fastapi, uvicorn).
"""

from tinylogic.serve.app import create_app, serve
from tinylogic.serve.schemas import ChatRequest, ServeLimits

__all__ = ["ChatRequest", "ServeLimits", "create_app", "serve"]
