"""Long-prompt flood against `tinylogic serve`: normal requests' latency with and without another set of
clients sending prompts far beyond the model's context (issue #22: before the context check, one ~750 KB
prompt held the engine for minutes and every other request got 408).

One server (`bench_serve.start_server`, batching on). Phase "alone": `--clients` clients send normal chat
requests for `--seconds`. Phase "flood": the same, while `--flooders` more clients send over-long prompts
(`--flood-kb` KB of text, under the 1 MiB body limit) back to back. Recorded per phase: the normal
requests' status codes and pooled p50 / p99 latency, and the flood requests' status codes and p50. Writes
benchmarks/results/serve_flood.json.

    python benchmarks/bench_serve_flood.py [--model DIR] [--clients 4] [--flooders 4] [--seconds 15] [--flood-kb 600]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_serve import load, questions, start_server, summarise  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "benchmarks" / "results" / "serve_flood.json"


async def phase(url: str, clients: int, flooders: int, seconds: float, body: dict, flood_text: str) -> dict:
    normal = load(url, clients, seconds, body, questions(256, 0))
    if not flooders:
        return {"normal": summarise([await normal])}
    flood = load(url, flooders, seconds, {**body, "max_tokens": 8}, [flood_text])
    normal_result, flood_result = await asyncio.gather(normal, flood)
    return {"normal": summarise([normal_result]), "flood": summarise_any([flood_result])}


def summarise_any(rounds: list[dict]) -> dict:
    """Status codes and p50 latency of every answer (the flood's answers are 400s, not 200s)."""
    lat = sorted(latency for rnd in rounds for status, latency in rnd["records"] if status is not None)
    codes: dict[str, int] = {}
    for rnd in rounds:
        for status, _ in rnd["records"]:
            codes[str(status)] = codes.get(str(status), 0) + 1
    return {"sent": sum(rnd["sent"] for rnd in rounds), "status": codes,
            "p50_ms": round(lat[len(lat) // 2] * 1000, 1) if lat else None}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", help="Model folder (default: the tiny default, built untrained).")
    ap.add_argument("--clients", type=int, default=4, help="Clients sending normal requests.")
    ap.add_argument("--flooders", type=int, default=4, help="Clients sending over-long prompts.")
    ap.add_argument("--seconds", type=float, default=15.0)
    ap.add_argument("--flood-kb", type=int, default=600, help="Size of each over-long prompt.")
    ap.add_argument("--max-tokens", type=int, default=32)
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        model = args.model
        if model is None:
            from tinylogic.models import init_model

            model = str(init_model(Path(tmp) / "model", size="tiny", seed=0))
        proc, url = start_server(model, True, Path(tmp) / "server.log")
        try:
            body = {"model": "bench", "max_tokens": args.max_tokens, "temperature": 1.0}
            flood_text = ("forty two apples " * (args.flood_kb * 1024 // 17 + 1))[:args.flood_kb * 1024]
            alone = asyncio.run(phase(url, args.clients, 0, args.seconds, body, flood_text))
            flooded = asyncio.run(phase(url, args.clients, args.flooders, args.seconds, body, flood_text))
        finally:
            proc.terminate()
            proc.wait(60)
    result = {"date": datetime.now(UTC).isoformat(timespec="seconds"), "machine": platform.platform(),
              "cpus": os.cpu_count(), "load_average": os.getloadavg(), "args": {k: str(v) for k, v in vars(args).items()},
              "alone": alone, "flood": flooded}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2))
    print(json.dumps({"alone": alone["normal"], "with flood": flooded}, indent=2))


if __name__ == "__main__":
    main()
