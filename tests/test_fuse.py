"""Expert fusion: streamed weighted parameter average of save_pretrained checkpoints."""

import json
import shutil
from pathlib import Path
from typing import get_args

import pytest
import torch
from safetensors.torch import load_file, save_file
from transformers import AutoModelForCausalLM, AutoTokenizer, Qwen2Config, Qwen2ForCausalLM

from tinylogic import run, run_stages
from tinylogic.config import SpectrumConfig
from tinylogic.config_load import load_recipe
from tinylogic.models import init_model
from tinylogic.train import fuse as fuse_module
from tinylogic.train.fuse import FUSE_WEIGHTS, INDEX_FILE, SINGLE_FILE, fuse, probe_fusion


def load_tensors(folder):
    """All tensors of a checkpoint, single-file or sharded."""
    if (folder / INDEX_FILE).is_file():
        files = sorted(set(json.loads((folder / INDEX_FILE).read_text())["weight_map"].values()))
        return {k: v for name in files for k, v in load_file(folder / name).items()}
    return load_file(folder / SINGLE_FILE)


def expected_average(checkpoints, weights):
    """Σ w_i · t_i per tensor, computed here in float64 and cast back to the tensor's dtype (on one flat
    vector per model: many small float64 allocations are slow on the test machine)."""
    tensors = [load_tensors(c) for c in checkpoints]
    keys = list(tensors[0])
    flat = [torch.cat([t[k].flatten() for k in keys]).to(torch.float64) for t in tensors]
    total = sum(w * f for w, f in zip(weights, flat, strict=True))
    parts = total.split([tensors[0][k].numel() for k in keys])
    return {k: p.view(tensors[0][k].shape).to(tensors[0][k].dtype) for k, p in zip(keys, parts, strict=True)}


def assert_same_tensors(got, want):
    assert got.keys() == want.keys()
    for key in want:
        assert got[key].dtype == want[key].dtype, key
        assert torch.equal(got[key], want[key]), key


@pytest.fixture(scope="module")
def models(tmp_path_factory):
    root = tmp_path_factory.mktemp("models")
    return [init_model(root / f"seed{s}", "tiny", seed=s) for s in (1, 2, 3)]


@pytest.fixture(scope="module")
def bf16_models(tmp_path_factory, models):
    root = tmp_path_factory.mktemp("bf16")
    out = []
    for m in models[:2]:
        AutoModelForCausalLM.from_pretrained(m, dtype=torch.bfloat16).save_pretrained(root / m.name)
        out.append(root / m.name)
    return out


def test_weighted_average_matches_hand_computed_and_copies_side_files(models, tmp_path):
    a, b = models[:2]
    out = fuse([a, b], tmp_path / "fused", weights=[0.25, 0.75])
    assert out == tmp_path / "fused"
    got = load_tensors(out)
    assert_same_tensors(got, expected_average([a, b], [0.25, 0.75]))
    assert not torch.equal(got["model.embed_tokens.weight"], load_tensors(a)["model.embed_tokens.weight"])
    for name in ("config.json", "generation_config.json", "tokenizer.json", "tokenizer_config.json",
                 "chat_template.jinja"):
        assert (out / name).read_bytes() == (a / name).read_bytes(), name
    record = json.loads((out / "fusion.json").read_text())
    assert record["weights"] == [0.25, 0.75]
    assert not any(Path(s).is_absolute() for s in record["sources"])  # relative to the fused model: movable
    assert [(out / s).resolve() for s in record["sources"]] == [a.resolve(), b.resolve()]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fused"]  # no temp folder left behind


def test_single_checkpoint_is_reproduced_exactly(models, tmp_path):
    out = fuse([models[0]], tmp_path / "one")
    assert_same_tensors(load_tensors(out), load_tensors(models[0]))


def test_default_weights_are_equal(models, tmp_path):
    out = fuse(models, tmp_path / "equal")
    assert json.loads((out / "fusion.json").read_text())["weights"] == pytest.approx([1 / 3] * 3)
    assert_same_tensors(load_tensors(out), expected_average(models, [1 / 3] * 3))
    a, b = models[:2]
    assert_same_tensors(load_tensors(fuse([a, b], tmp_path / "pair")), expected_average([a, b], [0.5, 0.5]))


def test_bf16_checkpoints_stay_bf16(bf16_models, tmp_path):
    out = fuse(bf16_models, tmp_path / "bf16", weights=[0.3, 0.7])
    got = load_tensors(out)
    assert {t.dtype for t in got.values()} == {torch.bfloat16}
    assert_same_tensors(got, expected_average(bf16_models, [0.3, 0.7]))


def test_row_blocks_give_the_same_result_as_whole_tensors(models, tmp_path, monkeypatch):
    whole = load_tensors(fuse(models, tmp_path / "whole", weights=[0.2, 0.3, 0.5]))
    monkeypatch.setattr(fuse_module, "CHUNK_ELEMENTS", 1000)  # embeddings read in ~6-row blocks
    assert_same_tensors(load_tensors(fuse(models, tmp_path / "blocks", weights=[0.2, 0.3, 0.5])), whole)


def test_sharded_input_keeps_layout_and_the_output_loads_and_generates(models, tmp_path):
    sharded = tmp_path / "sharded"
    AutoModelForCausalLM.from_pretrained(models[0]).save_pretrained(sharded, max_shard_size="1MB")
    AutoTokenizer.from_pretrained(models[0]).save_pretrained(sharded)
    index = json.loads((sharded / INDEX_FILE).read_text())
    assert len(set(index["weight_map"].values())) > 1

    out = fuse([sharded, models[1]], tmp_path / "fused", weights=[0.5, 0.5])
    out_index = json.loads((out / INDEX_FILE).read_text())
    assert out_index["weight_map"] == index["weight_map"] and not (out / SINGLE_FILE).exists()
    assert out_index["metadata"]["total_size"] == sum(
        t.numel() * t.element_size() for t in load_tensors(out).values())
    assert_same_tensors(load_tensors(out), expected_average([models[0], models[1]], [0.5, 0.5]))
    # the other order: a single-file first checkpoint gives a single-file output
    single = fuse([models[1], sharded], tmp_path / "single")
    assert (single / SINGLE_FILE).is_file() and not (single / INDEX_FILE).exists()

    model, info = AutoModelForCausalLM.from_pretrained(out, output_loading_info=True)
    assert not info["missing_keys"] and not info["unexpected_keys"]
    tokenizer = AutoTokenizer.from_pretrained(out)
    prompt = tokenizer.apply_chat_template([{"role": "user", "content": "Compute 2 + 3."}],
                                           add_generation_prompt=True, return_tensors="pt", return_dict=True)
    generated = model.generate(**prompt, max_new_tokens=6, do_sample=False)
    assert generated.shape[1] > prompt["input_ids"].shape[1]


def test_mismatched_shapes_fail_naming_checkpoint_and_tensor(models, tmp_path):
    cfg = json.loads((models[0] / "config.json").read_text())
    other = tmp_path / "wide"
    config = Qwen2Config(vocab_size=cfg["vocab_size"], hidden_size=256, intermediate_size=576,
                         num_hidden_layers=4, num_attention_heads=4, num_key_value_heads=2,
                         tie_word_embeddings=True)
    Qwen2ForCausalLM(config).save_pretrained(other)
    with pytest.raises(ValueError, match=r"wide: tensor model\.embed_tokens\.weight has shape \[\d+, 256\]"):
        fuse([models[0], other], tmp_path / "out")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["wide"]  # neither output nor temp folder


def test_mismatched_dtype_fails(models, bf16_models, tmp_path):
    with pytest.raises(ValueError, match=r"tensor model\.\S+ has shape \[\d+(, \d+)*\] dtype BF16; .* dtype F32"):
        fuse([models[0], bf16_models[1]], tmp_path / "out")


def test_different_model_type_fails(models, tmp_path):
    other = tmp_path / "llama"
    shutil.copytree(models[1], other)
    cfg = json.loads((other / "config.json").read_text())
    cfg.update(model_type="llama", architectures=["LlamaForCausalLM"])
    (other / "config.json").write_text(json.dumps(cfg))
    with pytest.raises(ValueError, match=r"llama: architecture .*'llama'.* differs from .*'qwen2'"):
        fuse([models[0], other], tmp_path / "out")


def test_different_tensor_names_fail(models, tmp_path):
    other = tmp_path / "missing"
    shutil.copytree(models[1], other)
    tensors = load_file(other / SINGLE_FILE)
    del tensors["model.norm.weight"]
    save_file(tensors, other / SINGLE_FILE, metadata={"format": "pt"})
    with pytest.raises(ValueError, match=r"missing: tensor names differ .* missing \['model\.norm\.weight'\]"):
        fuse([models[0], other], tmp_path / "out")


@pytest.mark.parametrize(("weights", "message"), [
    ([-0.25, 1.25], r"weight 1 \(-0\.25\) must be a finite number >= 0"),
    ([0.5, float("nan")], r"weight 2 \(nan\)"),
    ([0.5, 0.4], r"sum to 0\.9; they must sum to 1"),
    ([1.0], r"1 weight\(s\) given for 2 checkpoint\(s\)"),
])
def test_bad_weights_fail_clearly(models, tmp_path, weights, message):
    with pytest.raises(ValueError, match=message):
        fuse(models[:2], tmp_path / "out", weights=weights)
    assert not (tmp_path / "out").exists()


def test_output_is_replaced_only_when_it_is_a_fused_model(models, tmp_path):
    out = fuse(models[:2], tmp_path / "fused", weights=[1.0, 0.0])
    out = fuse(models[:2], out, weights=[0.0, 1.0])  # re-running replaces the earlier fusion
    assert_same_tensors(load_tensors(out), load_tensors(models[1]))
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "notes.txt").write_text("keep")
    with pytest.raises(ValueError, match="exists and is not a fused model"):
        fuse(models[:2], tmp_path / "mine")
    assert (tmp_path / "mine" / "notes.txt").read_text() == "keep"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fused", "mine"]
    with pytest.raises(ValueError, match="is one of the checkpoints"):
        fuse([models[0], out], out)


def constant_checkpoint(folder, value: float):
    """A minimal save_pretrained-style folder whose every weight equals `value`."""
    folder.mkdir()
    (folder / "config.json").write_text(json.dumps({"model_type": "toy"}))
    tensors = {"w": torch.full((2, 3), float(value)), "b": torch.full((3,), float(value))}
    save_file(tensors, folder / SINGLE_FILE, metadata={"format": "pt"})
    return folder


@pytest.fixture
def probe_json(tmp_path):
    """A probe.json over 4 subdomains whose specialists are [A, A, B, C]; A, B, C hold weights 1, 2, 4."""
    a, b, c = (str(constant_checkpoint(tmp_path / name, v)) for name, v in (("A", 1), ("B", 2), ("C", 4)))
    path = tmp_path / "probe.json"
    path.write_text(json.dumps({"best": {"add": a, "mod": c, "mul": b, "sub": a}, "specialists": [a, b, c]}))
    return path


def assert_constant(folder, value: float):
    for key, tensor in load_tensors(folder).items():
        assert torch.equal(tensor, torch.full_like(tensor, value)), key


def test_probe_weights_are_one_nth_per_subdomain(probe_json, tmp_path):
    # M = Σ_i (1/N)·M_i* over the N = 4 subdomains: A is best on two, so it gets 1/2 (not 1/3 as one of
    # three distinct specialists)
    specialists, weights = probe_fusion(probe_json)
    assert [c.rsplit("/", 1)[1] for c in specialists] == ["A", "B", "C"] and weights == [0.5, 0.25, 0.25]
    assert_constant(fuse(specialists, tmp_path / "fused", weights), 0.5 * 1 + 0.25 * 2 + 0.25 * 4)


def test_per_checkpoint_weighs_each_distinct_specialist_equally(probe_json, tmp_path):
    specialists, weights = probe_fusion(probe_json, "per_checkpoint")
    assert weights == pytest.approx([1 / 3] * 3)
    assert_constant(fuse(specialists, tmp_path / "fused", weights), (1 + 2 + 4) / 3)
    with pytest.raises(ValueError, match="unknown weighting 'equal'; choose one of per_subdomain, per_check"):
        probe_fusion(probe_json, "equal")


def test_the_run_fuses_with_spectrum_fuse_weights(probe_json, tmp_path):
    assert set(get_args(SpectrumConfig.model_fields["fuse_weights"].annotation)) == set(FUSE_WEIGHTS)
    assert SpectrumConfig().fuse_weights == "per_subdomain"
    fuse1 = next(s for s in run.STAGES if s.name == "fuse1")
    keys = set()
    for how, want in (("per_subdomain", [0.5, 0.25, 0.25]), ("per_checkpoint", [1 / 3] * 3)):
        cfg = load_recipe(None, [f"spectrum.fuse_weights={how}"])
        ctx = run_stages.Context(cfg=run_stages.RecipeView(cfg, fuse1.name, fuse1.reads), run_dir=tmp_path,  # as run_recipe
                          outputs={"probe1": {"probe": str(probe_json)}}, stage_dir=tmp_path / how)
        assert fuse1.run(ctx)["model"] == str(tmp_path / how / "model")
        record = json.loads((tmp_path / how / "model" / "fusion.json").read_text())
        assert record["weights"] == pytest.approx(want)
        keys.add(json.dumps(run.stage_settings(cfg, fuse1)))
    assert len(keys) == 2  # another weighting re-runs the fuse stage (and the stages after it)
