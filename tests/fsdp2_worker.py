"""Run by tests/test_fsdp2.py under `torch.distributed.run` (2 CPU processes, gloo), and once alone.

accelerate turns FSDP2 on only for GPU launches, so the model is sharded here with torch's `fully_shard`
the way accelerate's FSDP2 plugin does it (each decoder layer, then the root), and the project's own
checkpoint functions save, resume and save again. Then, as RL does under FSDP2, the shards are gathered on
every process into a whole copy the engine samples from; its greedy tokens are written to OUT/greedy.json
beside those of the saved checkpoint and of the untrained model.
Usage: fsdp2_worker.py MODEL OUT STEPS [RESUME_FROM]
"""

import json
import sys
from pathlib import Path

import torch
from accelerate import Accelerator
from torch.distributed.fsdp import fully_shard
from transformers import AutoModelForCausalLM, AutoTokenizer

from tinylogic.engine.base import SamplingParams
from tinylogic.engine.hf import HFEngine
from tinylogic.train.checkpoints import gathered_weights, is_sharded, restore_checkpoint, save_checkpoint


def main(model_path: str, out: str, steps: int, resume_from: str | None = None) -> None:
    accelerator = Accelerator(cpu=True)
    world, rank = accelerator.num_processes, accelerator.process_index
    model = AutoModelForCausalLM.from_pretrained(resume_from or model_path, dtype=torch.float32)
    tokenizer = AutoTokenizer.from_pretrained(model_path)
    if world > 1:
        for layer in model.model.layers:
            fully_shard(layer)
        fully_shard(model)
        assert is_sharded(model)
    optimizer = torch.optim.AdamW(model.parameters(), lr=1e-2)
    scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, lambda s: 1.0 / (1 + s))
    step = restore_checkpoint(Path(resume_from), model, optimizer, scheduler)["step"] if resume_from else 0
    batch = torch.Generator().manual_seed(0)
    data = torch.randint(3, model.config.vocab_size, (8, 6, 16), generator=batch)  # steps x rows x tokens
    while step < steps:
        rows = data[step].chunk(world)[rank]  # each process its share; FSDP2 averages the gradients
        model(input_ids=rows, labels=rows).loss.backward()
        optimizer.step()
        scheduler.step()
        optimizer.zero_grad()
        step += 1
    save_checkpoint(accelerator, model, tokenizer, optimizer, scheduler, step, Path(out))

    greedy = SamplingParams(temperature=0, max_new_tokens=12)
    prompts = ["12 + 30 =", "Name a colour:"]
    untrained = HFEngine(AutoModelForCausalLM.from_pretrained(model_path), tokenizer=tokenizer, device="cpu")
    before = [s[0].token_ids for s in untrained.generate(prompts, greedy)]
    weights = gathered_weights(model, every_process=True) if world > 1 else dict(model.named_parameters())
    untrained.update_weights(weights.items())
    if accelerator.is_main_process:
        saved = HFEngine(AutoModelForCausalLM.from_pretrained(out), tokenizer=tokenizer, device="cpu")
        result = {"untrained": before, "engine": [s[0].token_ids for s in untrained.generate(prompts, greedy)],
                  "checkpoint": [s[0].token_ids for s in saved.generate(prompts, greedy)]}
        (Path(out) / "greedy.json").write_text(json.dumps(result))
    accelerator.end_training()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4] if len(sys.argv) > 4 else None)
