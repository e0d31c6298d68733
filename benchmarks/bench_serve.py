"""Load test of `tinylogic serve` on loopback: N concurrent clients for a fixed time, batching on vs off.

Each mode starts its own server (`tinylogic serve`, same model and options but `--no-batching`), then
N asyncio clients each send chat requests back to back for `--seconds`, stop by themselves and wait for
their last answer; `--rounds` rounds alternate the two servers, so drifting load on a shared machine hits
both alike. Recorded per mode: requests sent / answered / lost (no HTTP answer), status codes, pooled
p50 / p99 latency, requests/s per round and their median, requests per engine call (from /health). The
ratio is the median over rounds of batching's requests/s over no-batching's. Writes
benchmarks/results/serve.json.

    python benchmarks/bench_serve.py [--model DIR] [--clients 16] [--seconds 15] [--rounds 3] [--candidates 4] [--max-tokens 32]

Without --model the embedded tiny default is built (untrained, seed 0) in a temporary folder.
Traffic goes to 127.0.0.1 only.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "benchmarks" / "results" / "serve.json"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(model: str, batching: bool, log: Path) -> tuple[subprocess.Popen, str]:
    port = free_port()
    cmd = [sys.executable, "-m", "tinylogic.cli", "serve", "--model", model, "--port", str(port), "--served-name",
           "bench", "--threads", "1", "--max-queue", "256", "--batching" if batching else "--no-batching"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=open(log, "wb"))  # noqa: SIM115
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited: {log.read_text()[-2000:]}")
        try:
            if httpx.get(f"{url}/health", timeout=2).status_code == 200:
                return proc, url
        except httpx.HTTPError:
            time.sleep(0.3)
    proc.kill()
    raise RuntimeError("server did not start")


def questions(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return [f"What is {rng.randint(10, 99)} + {rng.randint(10, 99)}?" for _ in range(n)]


async def load(url: str, clients: int, seconds: float, body: dict, prompts: list[str]) -> dict:
    """`clients` loops, each sending one request at a time until `seconds` have passed; raw records."""
    records: list[tuple[int | None, float]] = []  # (status, or None for no HTTP answer; latency s)
    sent = 0
    stop_at = time.perf_counter() + seconds

    async def client(k: int, http: httpx.AsyncClient) -> None:
        nonlocal sent
        i = k
        while time.perf_counter() < stop_at:
            req = {**body, "messages": [{"role": "user", "content": prompts[i % len(prompts)]}]}
            i += clients
            sent += 1
            t0 = time.perf_counter()
            try:
                r = await http.post(f"{url}/v1/chat/completions", json=req)
                records.append((r.status_code, time.perf_counter() - t0))
            except httpx.HTTPError:
                records.append((None, time.perf_counter() - t0))

    start = time.perf_counter()
    async with httpx.AsyncClient(timeout=300, limits=httpx.Limits(max_connections=clients)) as http:
        await asyncio.gather(*[client(k, http) for k in range(clients)])
    return {"sent": sent, "records": records, "wall_s": time.perf_counter() - start}


def summarise(rounds: list[dict]) -> dict:
    """Totals over the rounds, pooled latency percentiles, per-round and median requests/s."""
    records = [r for rnd in rounds for r in rnd["records"]]
    ok = sorted(lat for status, lat in records if status == 200)
    codes: dict[str, int] = {}
    for status, _ in records:
        codes[str(status)] = codes.get(str(status), 0) + 1
    q = statistics.quantiles(ok, n=100) if len(ok) >= 2 else [float("nan")] * 99
    per_round = [round(sum(s == 200 for s, _ in rnd["records"]) / rnd["wall_s"], 2) for rnd in rounds]
    sent = sum(rnd["sent"] for rnd in rounds)
    return {"sent": sent, "answered": len(records) - codes.get("None", 0), "lost": sent - len(records) + codes.get("None", 0),
            "status": codes, "errors_5xx": sum(1 for s, _ in records if s is not None and s >= 500),
            "requests_per_s_per_round": per_round, "requests_per_s": statistics.median(per_round),
            "p50_ms": round(q[49] * 1000, 1), "p99_ms": round(q[98] * 1000, 1),
            "mean_ms": round(statistics.fmean(ok) * 1000, 1) if ok else None}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", help="Model folder (default: the tiny default, built untrained).")
    ap.add_argument("--clients", type=int, default=16)
    ap.add_argument("--seconds", type=float, default=15.0, help="Length of one round of one mode.")
    ap.add_argument("--rounds", type=int, default=3, help="Rounds; the modes alternate within each.")
    ap.add_argument("--candidates", type=int, default=4, help="n_candidates per request (majority vote).")
    ap.add_argument("--max-tokens", type=int, default=32)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="bench-serve-"))
    model = args.model
    if model is None:
        from tinylogic.models import init_model

        model = str(init_model(tmp / "model", size="tiny", seed=args.seed))
    body = {"model": "bench", "max_tokens": args.max_tokens, "n_candidates": args.candidates, "temperature": 1.0,
            "top_p": 0.95}
    prompts = questions(512, args.seed)
    result = {"date": datetime.now(UTC).isoformat(timespec="seconds"), "machine": platform.platform(),
              "cpus": os.cpu_count(), "python": platform.python_version(), "load_avg_start": os.getloadavg(),
              "model": args.model or "tiny default (untrained, seed 0)", "clients": args.clients,
              "seconds_per_round": args.seconds, "rounds": args.rounds, "request": body,
              "server": "tinylogic serve --threads 1 --max-queue 256 [--no-batching]", "modes": {}}
    servers = {mode: start_server(model, batching, tmp / f"{mode}.log")
               for mode, batching in (("batching", True), ("no_batching", False))}
    runs: dict[str, list[dict]] = {mode: [] for mode in servers}
    try:
        for _, url in servers.values():
            asyncio.run(load(url, 2, 3.0, body, prompts))  # warm-up, not recorded
        for r in range(args.rounds):  # alternate, so drifting machine load hits both modes alike
            for mode in (list(servers) if r % 2 == 0 else list(servers)[::-1]):
                runs[mode].append(asyncio.run(load(servers[mode][1], args.clients, args.seconds, body, prompts)))
                print(mode, "round", r, summarise(runs[mode][-1:])["requests_per_s"], "req/s", flush=True)
        for mode, (_, url) in servers.items():
            engine = httpx.get(f"{url}/health").json()["engine"]
            stats = summarise(runs[mode])
            stats["requests_per_engine_call"] = round(engine["jobs"] / engine["calls"], 2)
            stats["max_requests_per_engine_call"] = engine["max_jobs_per_call"]
            result["modes"][mode] = stats
    finally:
        for proc, _ in servers.values():
            proc.terminate()
            proc.wait(60)
    result["load_avg_end"] = os.getloadavg()
    b, nb = result["modes"]["batching"], result["modes"]["no_batching"]
    ratios = [x / y for x, y in zip(b["requests_per_s_per_round"], nb["requests_per_s_per_round"], strict=True)]
    result["ratio_requests_per_s"] = round(statistics.median(ratios), 2)
    result["ratio_requests_per_s_per_round"] = [round(x, 2) for x in ratios]
    result["ratio_p50_latency"] = round(nb["p50_ms"] / b["p50_ms"], 2)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result["modes"], indent=1))
    print(f"batching / no batching: {result['ratio_requests_per_s']}x requests/s (median of rounds) -> {args.out}")


if __name__ == "__main__":
    main()
