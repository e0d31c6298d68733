from pathlib import Path

import pytest
from typer.testing import CliRunner

from tinylogic.cli import app
from tinylogic.config import RecipeConfig
from tinylogic.config_docs import reference_markdown
from tinylogic.config_load import ConfigError, load_recipe

ROOT = Path(__file__).resolve().parents[1]
runner = CliRunner()


def test_defaults_and_file_and_override_precedence(tmp_path):
    recipe = tmp_path / "r.yaml"
    recipe.write_text("name: x\nrl:\n  advantage: mgpo\n  group_size: 4\n")
    cfg = load_recipe(recipe, ["rl.advantage.lambda=3", "data.domains=[math]"])
    assert cfg.name == "x"
    assert cfg.rl.advantage.lambda_ == 3.0  # CLI beats file (a variant named alone takes a setting)
    assert cfg.rl.group_size == 4  # file beats default
    assert cfg.data.domains == ["math"]
    assert cfg.sft.learning_rate == RecipeConfig().sft.learning_rate


def test_invalid_recipe_names_file_and_field(tmp_path):
    recipe = tmp_path / "bad.yaml"
    recipe.write_text("rl:\n  advantage: {name: mgpo, lambda: -1}\ndata:\n  suite_sise: 10\n")
    with pytest.raises(ConfigError) as info:
        load_recipe(recipe)
    message = str(info.value)
    assert str(recipe) in message
    assert "rl.advantage.mgpo.lambda" in message and "greater than or equal to 0" in message
    assert "data.suite_sise" in message  # a typo is an error, not a silent default


def test_yaml_on_off_mean_the_switch_and_engine_backend_comes_from_the_registry():
    # YAML reads a bare `on` as true: the bf16 switches must still take it
    cfg = load_recipe(None, ["sft.bf16=on", "rl.bf16=off", "engine.dtype=bf16", "engine.batch_size=8"])
    assert (cfg.sft.bf16, cfg.rl.bf16) == ("on", "off")
    assert cfg.engine.arguments() == {"backend": "hf", "engine_kwargs": {"dtype": "bf16", "batch_size": 8}}
    # the vllm backend gets its own settings (and batch_size, which only the hf loop reads, is not passed)
    vllm = load_recipe(None, ["engine.backend=vllm", "engine.kv_cache_gib=0.5", "engine.max_model_len=512"]).engine
    assert vllm.arguments()["engine_kwargs"] == {"dtype": "auto", "max_model_len": 512, "kv_cache_gib": 0.5}
    with pytest.raises(ConfigError, match="engine.kv_cache_gib"):
        load_recipe(None, ["engine.kv_cache_gib=0"])
    with pytest.raises(ConfigError, match="engine.backend.*choose one of hf, vllm"):
        load_recipe(None, ["engine.backend=sglang"])


@pytest.mark.parametrize("bad", ["nodot", "=3", "model.base.deeper=1"])
def test_bad_override_is_reported(bad):
    with pytest.raises(ConfigError):
        load_recipe(None, [bad])


def test_not_a_mapping_and_missing_file(tmp_path):
    listing = tmp_path / "list.yaml"
    listing.write_text("- a\n- b\n")
    with pytest.raises(ConfigError, match="mapping"):
        load_recipe(listing)
    with pytest.raises(ConfigError, match="not found"):
        load_recipe(tmp_path / "nope.yaml")


def test_config_show_cli_prints_resolved_tree():
    result = runner.invoke(app, ["config", "show", str(ROOT / "recipes/demo.yaml"), "--set", "rl.advantage.lambda=2.5"])
    assert result.exit_code == 0, result.output
    assert "name: mgpo\n    lambda: 2.5" in result.output
    assert "hard_min_error_rate: 0.75" in result.output  # defaults the recipe does not set are shown too
    assert "learning_rate: 0.001" in result.output  # the recipe file beats the default
    bad = runner.invoke(app, ["config", "show", "--set", "rl.advantage.lambda=oops"])
    assert bad.exit_code == 2
    assert "rl.advantage.mgpo.lambda" in bad.output


def test_every_recipe_in_repo_validates():
    recipes = sorted((ROOT / "recipes").glob("*.yaml"))
    assert recipes
    for path in recipes:
        load_recipe(path)


def test_reference_page_is_generated_and_current():
    text = reference_markdown()
    for field in RecipeConfig.model_fields["rl"].annotation.model_fields:
        assert f"`rl.{field}`" in text
    assert (ROOT / "docs/CONFIG.md").read_text() == text, "run: tinylogic config docs"


def test_estimators_take_their_own_settings_and_the_old_key_names_the_new_one():
    rl = load_recipe(None, ["rl.advantage=grpo"]).rl
    assert rl.advantage.name == "grpo" and rl.model_dump()["advantage"] == {"name": "grpo"}
    assert load_recipe(None, []).rl.model_dump()["advantage"] == {"name": "mgpo", "lambda": 2.0}
    phase = load_recipe(None, ["rl.phases=[{name: a, overrides: {advantage: {lambda: 0.5}}}]"]).rl
    assert phase.for_phase(phase.phases[0]).advantage.lambda_ == 0.5  # a section without name: mgpo
    with pytest.raises(ConfigError, match=r"mgpo_lambda is now the mgpo estimator's `lambda`: write advantage: "
                                          r"\{name: mgpo, lambda: 3\} \(or --set rl.advantage.lambda=3\)"):
        load_recipe(None, ["rl.mgpo_lambda=3"])
    with pytest.raises(ConfigError, match="rl.advantage.grpo.lambda: Extra inputs are not permitted"):
        load_recipe(None, ["rl.advantage=grpo", "rl.advantage.lambda=1"])


def test_config_choices_are_the_registries_names():
    """The allowed values of the config are the names the registries carry, so neither can drift."""
    from typing import get_args

    from tinylogic.config import RLConfig, TTSConfig, TTSMethod
    from tinylogic.eval.tts import METHODS, SELECTION_METHODS
    from tinylogic.train.rl_algos import ADVANTAGES, LOSS_AGGREGATIONS

    estimators = get_args(get_args(RLConfig.model_fields["advantage"].annotation)[0]) or \
        get_args(RLConfig.model_fields["advantage"].annotation)
    assert [get_args(e.model_fields["name"].annotation)[0] for e in estimators] == list(ADVANTAGES)
    assert get_args(RLConfig.model_fields["loss_aggregation"].annotation) == tuple(LOSS_AGGREGATIONS)
    assert get_args(TTSMethod) == SELECTION_METHODS and set(METHODS) == {*SELECTION_METHODS, "abstain"}
    for fallback in ("all_zero", "verifier_fallback"):
        assert set(get_args(TTSConfig.model_fields[fallback].annotation)) <= set(METHODS)


@pytest.mark.parametrize("field", ["tts.domains=[mth]", "retrieval.domains=[facts]",
                                   "rl.phases=[{name: m, domains: [math, maths]}]"])
def test_problem_domain_lists_are_checked_against_the_registry_at_load(field):
    # an unknown name used to fail only after sampling (tts) or silently select nothing (rl, retrieval)
    path = field.split("=")[0] + (".0.domains.1" if field.startswith("rl.") else ".0")
    with pytest.raises(ConfigError, match=rf"{path}: .*unknown domain .*known: math"):
        load_recipe(None, [field])


def test_problem_domain_lists_keep_the_domain_name_of_an_alias():
    cfg = load_recipe(None, ["tts.domains=[knowledge]", "rl.phases=[{name: stem, domains: [stem, math]}]"])
    assert cfg.tts.domains == ["choice"] and cfg.rl.phases[0].domains == ["choice", "math"]
