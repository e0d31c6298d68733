"""The HTTP app: OpenAI-compatible chat completions behind verifiers, the verifiers as a service, a page.

Routes: `GET /` (the page), `GET /health`, `GET /v1/models`, `POST /v1/chat/completions` (also
streamed), `POST /v1/verify`. Operations: admission count (429 when full, 503 while shutting down),
per-request limits (`ServeLimits`, 4xx naming the field and option), optional API key, one JSON
access-log line per request, graceful shutdown (uvicorn lets requests in flight run for `grace_seconds`,
then cancels them; the engine worker stops within a step). Errors always have OpenAI's shape:
{"error": {"message", "type", "param"}}.
"""

from __future__ import annotations

import asyncio
import json
import logging
import secrets
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import asynccontextmanager, contextmanager
from pathlib import Path
from typing import Any

from fastapi import Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, StreamingResponse
from starlette.exceptions import HTTPException

from tinylogic.engine.base import Engine
from tinylogic.serve.schemas import ChatRequest, ServeLimits, VerifyRequest
from tinylogic.serve.strategies import ApiError, complete
from tinylogic.serve.worker import REQUEST_CANCEL, EngineWorker, PromptTooLong

PAGE = Path(__file__).with_name("static") / "index.html"
access_log = logging.getLogger("tinylogic.serve.access")
log = logging.getLogger("tinylogic.serve")


def error_body(status: int, message: str, param: str | None = None) -> dict[str, Any]:
    kind = "invalid_request_error" if status < 500 else "server_error"
    return {"error": {"message": message, "type": kind, "param": param, "code": status}}


def validation_message(exc: RequestValidationError) -> tuple[str, str | None]:
    """One readable line naming each bad field (`messages.0.role: ...`), and the first field."""
    parts, first = [], None
    for err in exc.errors():
        loc = [str(p) for p in err.get("loc", ()) if p != "body"]
        if err.get("type") == "invalid_field":  # a cross-field check (schemas.field_error) names its field
            loc = [err["ctx"]["field"]]
        if err.get("type") == "json_invalid":
            return f"request body is not valid JSON ({err.get('ctx', {}).get('error', err['msg'])})", None
        if not loc:
            return f"the request body must be a JSON object ({err['msg']})", None
        field = ".".join(loc)
        first = first or field or None
        msg = err["msg"].replace("Value error, ", "")
        if err.get("type") == "extra_forbidden":
            msg = "unknown field (see docs/SERVE.md for the fields this server reads)"
        parts.append(f"field {field!r}: {msg}" if field else msg)
    return "; ".join(parts) or "invalid request", first


class RequestGuard:
    """Pure ASGI middleware: request body size limit (413) and one JSON access-log line per request."""

    def __init__(self, app, max_body_bytes: int):
        self.app, self.max_body = app, max_body_bytes

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        start = time.perf_counter()
        info: dict[str, Any] = {"status": 500, "bytes_in": 0}
        scope.setdefault("state", {})["log"] = info  # handlers add fields (strategy, tokens, ...)

        async def send_logged(message):
            if message["type"] == "http.response.start":
                info["status"] = message["status"]
            await send(message)

        try:
            body_receive = await self._read_body(scope, receive, info)
            if isinstance(body_receive, tuple):
                info["status"] = body_receive[0]
                await self._reject(send, *body_receive)
            else:
                await self.app(scope, body_receive, send_logged)
        finally:
            client = scope.get("client") or ("", 0)
            access_log.info(json.dumps({"ts": round(time.time(), 3), "method": scope["method"], "path": scope["path"],
                                        "client": f"{client[0]}:{client[1]}",
                                        "ms": round((time.perf_counter() - start) * 1000, 1), **info}))

    async def _read_body(self, scope, receive, info):
        """The whole body (up to the limit), replayed to the app; else (status, message) to refuse it with."""
        declared = dict(scope["headers"]).get(b"content-length")
        too_large = 413, f"request body is larger than this server's limit of {self.max_body} bytes (--max-body-bytes)"
        if declared is not None and declared.isdigit() and int(declared) > self.max_body:
            return too_large
        chunks, size, more = [], 0, scope["method"] in ("POST", "PUT", "PATCH")
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                break
            chunks.append(message.get("body", b""))
            size += len(chunks[-1])
            if size > self.max_body:
                return too_large
            more = message.get("more_body", False)
        info["bytes_in"] = size
        body, sent = b"".join(chunks), False
        try:  # every body here is JSON; FastAPI would say only "There was an error parsing the body"
            body.decode("utf-8")
        except UnicodeDecodeError as exc:
            return 400, f"request body is not valid UTF-8 JSON (bad byte at offset {exc.start})"

        async def replay():
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()  # after the body: wait for the disconnect as usual

        return replay

    @staticmethod
    async def _reject(send, status: int, message: str):
        body = json.dumps(error_body(status, message)).encode()
        await send({"type": "http.response.start", "status": status,
                    "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body})


def create_app(engine: Engine, model_name: str, *, index: Any = None, limits: ServeLimits | None = None,
               api_key: str | None = None, tts_settings: Any = None, verify_workers: int = 2) -> FastAPI:
    """The app around a loaded engine (and optional passage index). The engine worker thread starts with
    the app (lifespan) and drains its queue when the app stops."""
    limits = limits or ServeLimits()
    if tts_settings is None:
        from tinylogic.config import TTSConfig

        tts_settings = TTSConfig()
    worker = EngineWorker(engine, batching=limits.batching, max_rows=limits.max_batch_rows)
    state = {"active": 0, "draining": False, "started": time.time(), "served": 0}

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        worker.start()
        yield
        # uvicorn has finished the requests in flight, or cancelled those still running after the grace time
        # (their cancel events are set, so their engine work stops at its next step); the rest of the queue
        # belongs to requests that are gone. A call stuck in one step is not waited for past the grace time.
        state["draining"] = True
        await asyncio.to_thread(worker.stop, limits.grace_seconds)
        # Stop the math verifier processes and the waiting sandboxes here: uvicorn ends the process by
        # re-raising SIGTERM, so atexit never runs, and forked workers would outlive the server.
        from tinylogic.verify.math import get_pool
        from tinylogic.verify.sandbox import close_spares

        get_pool(verify_workers).close()
        close_spares()

    # no /docs: Swagger UI loads its scripts from a CDN, which an offline server cannot reach
    app = FastAPI(title="tinylogic", lifespan=lifespan, docs_url=None, redoc_url=None)
    app.state.worker, app.state.limits, app.state.counters = worker, limits, state
    app.add_middleware(RequestGuard, max_body_bytes=limits.max_body_bytes)

    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError):
        return JSONResponse(error_body(exc.status, exc.message, exc.param), status_code=exc.status,
                            headers={"Retry-After": "1"} if exc.status in (429, 503) else None)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError):
        message, param = validation_message(exc)
        return JSONResponse(error_body(400, message, param), status_code=400)

    @app.exception_handler(HTTPException)
    async def _http(request: Request, exc: HTTPException):
        return JSONResponse(error_body(exc.status_code, str(exc.detail)), status_code=exc.status_code)

    @app.exception_handler(Exception)
    async def _crash(request: Request, exc: Exception):
        log.exception("unhandled error on %s", request.url.path)
        return JSONResponse(error_body(500, f"internal error ({type(exc).__name__}); see the server log"),
                            status_code=500)

    def require_key(request: Request) -> None:
        if api_key is None:
            return
        given = request.headers.get("authorization", "")
        if not secrets.compare_digest(given.encode(), f"Bearer {api_key}".encode()):
            raise ApiError(401, "missing or wrong API key: send the header 'Authorization: Bearer <key>'")

    @contextmanager
    def admitted() -> Iterator[None]:
        if state["draining"]:
            raise ApiError(503, "the server is shutting down; retry on another replica or later")
        if state["active"] >= limits.max_queue:
            raise ApiError(429, f"server busy: {state['active']} requests in progress, the limit is "
                           f"{limits.max_queue} (--max-queue); retry later")
        state["active"] += 1
        try:
            yield
        finally:
            state["active"] -= 1
            state["served"] += 1

    async def within_wall_time(coro):
        cancel = threading.Event()
        token = REQUEST_CANCEL.set(cancel)  # the request's engine work, in this task and its threads
        try:
            return await asyncio.wait_for(coro, limits.max_seconds)
        except TimeoutError:
            raise ApiError(408, f"the request took longer than this server's limit of {limits.max_seconds:g} s "
                           "(--max-seconds); ask for fewer candidates or tokens") from None
        except asyncio.CancelledError:  # uvicorn's shutdown once --grace-seconds are over: retryable, not a 500
            raise ApiError(503, f"the server is shutting down and stopped this request after its grace time of "
                           f"{limits.grace_seconds:g} s (--grace-seconds); retry on another replica or later") from None
        except ApiError:
            raise
        except PromptTooLong as exc:
            raise ApiError(400, str(exc), "messages") from None
        except Exception as exc:  # an engine or verifier failure: this request fails, the server goes on
            log.exception("request failed")
            raise ApiError(500, f"internal error ({type(exc).__name__}: {exc}); see the server log") from None
        finally:
            cancel.set()  # timed out, client gone or done: whatever of its engine work still runs stops
            REQUEST_CANCEL.reset(token)

    @app.get("/", include_in_schema=False)
    async def page() -> HTMLResponse:
        return HTMLResponse(PAGE.read_text(encoding="utf-8"))

    @app.get("/health")
    async def health():
        # an engine call running past a whole request's limit serves nobody in time: say so (503), so a
        # load balancer stops sending work here
        call = worker.call_seconds()
        status = "draining" if state["draining"] else "stuck" if call > limits.max_seconds else "ok"
        body = {"status": status, "model": model_name, "active": state["active"],
                "queued_engine_jobs": worker.queued(), "served": state["served"], "limits": limits.model_dump(),
                "engine": {**worker.stats, "call_seconds": round(call, 1)},
                "uptime_s": round(time.time() - state["started"], 1)}
        return JSONResponse(body, status_code=200 if status == "ok" else 503)

    @app.get("/v1/models", dependencies=[Depends(require_key)])
    async def models():
        return {"object": "list", "data": [{"id": model_name, "object": "model", "created": int(state["started"]),
                                            "owned_by": "tinylogic"}]}

    @app.post("/v1/chat/completions", dependencies=[Depends(require_key)])
    async def chat(req: ChatRequest, request: Request):
        if req.model != model_name:
            raise ApiError(404, f"model {req.model!r} is not served here; this server serves {model_name!r} "
                           "(GET /v1/models)", "model")
        with admitted():
            info, usage, finish = await within_wall_time(
                complete(req, worker, index, limits, tts_settings, verify_workers))
        request.state.log.update(strategy=info.strategy, candidates=len(info.candidates), **usage)
        created, cid = int(time.time()), f"chatcmpl-{secrets.token_hex(12)}"
        content = info.candidates[info.chosen].text if info.chosen is not None else ""
        meta = info.model_dump(mode="json")
        if req.stream:
            include_usage = bool((req.stream_options or {}).get("include_usage"))
            return StreamingResponse(stream_chunks(cid, created, model_name, content, finish, meta,
                                                   usage if include_usage else None),
                                     media_type="text/event-stream")
        return {"id": cid, "object": "chat.completion", "created": created, "model": model_name,
                "choices": [{"index": 0, "message": {"role": "assistant", "content": content},
                             "finish_reason": finish, "logprobs": None}],
                "usage": usage, "tinylogic": meta}

    @app.post("/v1/verify", dependencies=[Depends(require_key)])
    async def verify(req: VerifyRequest, request: Request):
        if len(req.rows) > limits.max_verify_rows:
            raise ApiError(400, f"{len(req.rows)} rows is above this server's limit of {limits.max_verify_rows} "
                           "(--max-verify-rows); send several requests", "rows")
        with admitted():
            results, summary = await within_wall_time(
                asyncio.to_thread(verify_rows, req.rows, verify_workers, req.timeout))
        request.state.log.update(rows=len(req.rows))
        return {"results": results, "summary": summary}

    return app


def stream_chunks(cid: str, created: int, model: str, content: str, finish: str, meta: dict[str, Any],
                  usage: dict[str, int] | None) -> Iterator[str]:
    """Server-sent events in OpenAI's chunk format. Candidates are verified and chosen as a whole, so the
    chosen text is streamed after the choice (word by word); the last chunk carries the `tinylogic` block."""
    def event(choices: list[dict[str, Any]], **extra: Any) -> str:
        chunk = {"id": cid, "object": "chat.completion.chunk", "created": created, "model": model,
                 "choices": choices, **extra}
        return f"data: {json.dumps(chunk, ensure_ascii=False)}\n\n"

    yield event([{"index": 0, "delta": {"role": "assistant", "content": ""}, "finish_reason": None}])
    words = content.split(" ")
    for i, word in enumerate(words):
        piece = word if i == len(words) - 1 else word + " "
        if piece:
            yield event([{"index": 0, "delta": {"content": piece}, "finish_reason": None}])
    yield event([{"index": 0, "delta": {}, "finish_reason": finish}], tinylogic=meta)
    if usage is not None:
        yield event([], usage=usage)
    yield "data: [DONE]\n\n"


def verify_rows(rows: list[Any], workers: int, timeout: float | None) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """Grade rows exactly as `tinylogic verify` grades a file (it is that code: the rows pass through a
    temporary JSONL file), so a grader gets the same verdict from the CLI and from the service. Once the
    request is gone (timed out, client away: REQUEST_CANCEL), rows not started yet are skipped, not run."""
    from tinylogic.verify.batch import verify_file
    from tinylogic.verify.math import DEFAULT_TIMEOUT

    with tempfile.TemporaryDirectory(prefix="tinylogic-verify-") as tmp:
        src, dst = Path(tmp) / "rows.jsonl", Path(tmp) / "verdicts.jsonl"
        src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
        summary = verify_file(src, dst, workers=workers, timeout=timeout or DEFAULT_TIMEOUT,
                              cancel=REQUEST_CANCEL.get())
        results = [json.loads(line) for line in dst.read_text(encoding="utf-8").splitlines()]
    return results, summary


def serve(model: str, host: str = "127.0.0.1", port: int = 8000, *, index: str | None = None,
          limits: ServeLimits | None = None, api_key: str | None = None, tts_settings: Any = None,
          verify_workers: int = 2, backend: str = "hf", engine_kwargs: dict[str, Any] | None = None,
          served_name: str | None = None) -> None:
    """Load the model (and index), then run the app under uvicorn until SIGINT/SIGTERM."""
    import uvicorn

    from tinylogic.domains import registry
    from tinylogic.engine.base import load_engine
    from tinylogic.verify.math import get_pool

    if not access_log.handlers:  # one JSON object per line on stderr
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(message)s"))
        access_log.addHandler(handler)
        access_log.setLevel(logging.INFO)
        access_log.propagate = False
    # Import every verifier and fork the math workers before any thread exists (engine, uvicorn): see
    # verify/batch.py.
    registry()
    get_pool(verify_workers).start()
    loaded_index = None
    if index is not None:
        from tinylogic.retrieval import load_index

        loaded_index = load_index(index)
    engine = load_engine(model, backend, **(engine_kwargs or {}))
    app = create_app(engine, served_name or Path(model).name or str(model), index=loaded_index, limits=limits,
                     api_key=api_key, tts_settings=tts_settings, verify_workers=verify_workers)
    limits = app.state.limits
    uvicorn.run(app, host=host, port=port, access_log=False, log_level="info", http=first_request_timeout(),
                timeout_keep_alive=limits.idle_seconds, timeout_graceful_shutdown=limits.grace_seconds)


def first_request_timeout():
    """uvicorn's h11 protocol, closing a connection that has not completed a request `timeout_keep_alive`
    seconds after it opened: uvicorn times connections out only between requests, so a client that connects
    and sends nothing (or trickles a header) held its socket for as long as it liked."""
    from uvicorn.protocols.http.h11_impl import H11Protocol

    class FirstRequestTimeout(H11Protocol):
        def connection_made(self, transport) -> None:
            super().connection_made(transport)
            self.loop.call_later(self.timeout_keep_alive, self.close_if_no_request)

        def close_if_no_request(self) -> None:
            if self.cycle is None and not self.transport.is_closing():
                self.transport.close()

    return FirstRequestTimeout
