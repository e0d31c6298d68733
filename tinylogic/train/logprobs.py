"""Per-token log-probs (and entropy) of the labelled tokens of a packed row, never holding the
full-vocabulary logits of the whole row.

A plain forward materialises [rows, T, V] logits, then fp32 copies for the loss (and softmax copies for an
entropy metric): for a 3B model (V = 151,936) one 16K-token row is ~10 GB per copy. Here the model returns its
last hidden state (`logits_to_keep=1`: the head runs on one position), only the positions whose next token is
labelled are kept (the prompt's are skipped), and the LM head runs on chunks of `chunk_tokens` of them inside
`torch.utils.checkpoint`: a chunk's logits live only while its log-probs are taken, in the forward and again
in the backward. Peak extra memory: one chunk's logits (chunk_tokens × V × 4 bytes, 600 MB at 1,024 × 151,936).
The call still goes through the (DDP-wrapped) model, so gradient sync is unchanged.
"""

from __future__ import annotations

from collections.abc import Callable

import torch
import torch.nn.functional as F
from torch.utils.checkpoint import checkpoint

IGNORE = -100
Transform = Callable[[torch.Tensor], torch.Tensor]  # fp32 logits -> the logits of the distribution scored


def _chunk_stats(hidden: torch.Tensor, weight: torch.Tensor, bias: torch.Tensor | None, targets: torch.Tensor,
                 transform: Transform | None, with_entropy: bool) -> tuple[torch.Tensor, torch.Tensor | None]:
    logits = F.linear(hidden, weight, bias).float()
    if transform is not None:
        logits = transform(logits)
    if not with_entropy:
        # one fused log-softmax pass each way; logits.logsumexp(-1) takes max, sub, exp_ and sum passes over the
        # chunk's [tokens, V] logits and another exp in its backward (the SFT step's gap to TRL on an H200)
        return -F.cross_entropy(logits, targets, reduction="none"), None
    logp_all = logits.log_softmax(-1)
    with torch.no_grad():  # a metric: no graph; entr(0) = 0 where top-p set a logit to -inf
        entropy = torch.special.entr(logp_all.exp()).sum(-1)
    return logp_all.gather(-1, targets.unsqueeze(-1)).squeeze(-1), entropy


def labelled_logprobs(model, row: dict[str, torch.Tensor], *, chunk_tokens: int = 1024,
                      transform: Transform | None = None,
                      with_entropy: bool = False) -> tuple[torch.Tensor, torch.Tensor | None]:
    """log p(labels[:, t+1] | tokens ≤ t) at every position of the row, as [rows, T−1] (0 where the next
    token is not labelled), and the distribution's entropy there when asked (no gradient).

    `model` is what the trainer calls (a DDP wrapper is fine: its `module`'s LM head is used).
    `transform` maps fp32 logits to the scored distribution (RL: temperature and top-p). `chunk_tokens` 0
    takes every labelled position at once (no checkpointing)."""
    out = model(input_ids=row["input_ids"], position_ids=row["position_ids"], use_cache=False,
                output_hidden_states=True, logits_to_keep=1)
    hidden = out.hidden_states[-1]
    head = getattr(model, "module", model).get_output_embeddings()
    # the head's input must be what the model feeds it (the final norm applied): checked on the last position,
    # once per head (the comparison waits for the GPU; every step would stall the launch queue)
    if not getattr(head, "_tinylogic_input_checked", False):
        if not torch.allclose(head(hidden[:, -1:]).float(), out.logits.float(), rtol=1e-3, atol=1e-3):
            raise ValueError(f"{type(model).__name__}: its last hidden state is not its LM head's input; chunked "
                             "log-probs cannot be used with this model (set loss_chunk_tokens: 0)")
        head._tinylogic_input_checked = True
    labels = row["labels"][:, 1:]
    mask = labels != IGNORE
    picked, targets = hidden[:, :-1][mask], labels[mask]
    weight, bias = head.weight, getattr(head, "bias", None)
    step = chunk_tokens or max(1, len(targets))
    logps, entropies = [], []
    for start in range(0, len(targets), step):
        args = (picked[start:start + step], weight, bias, targets[start:start + step], transform, with_entropy)
        logp, entropy = checkpoint(_chunk_stats, *args, use_reentrant=False) if chunk_tokens else _chunk_stats(*args)
        logps.append(logp)
        entropies.append(entropy)
    logp_all = hidden.new_zeros(labels.shape, dtype=torch.float32)
    # hidden · 0 keeps the graph connected when no position is labelled (an idle row under DDP)
    logp_all = logp_all.masked_scatter(mask, torch.cat(logps)) if logps else logp_all + 0 * hidden.sum()
    if not with_entropy:
        return logp_all, None
    entropy_all = torch.zeros(labels.shape, dtype=torch.float32, device=hidden.device)
    if entropies:
        entropy_all[mask] = torch.cat(entropies)
    return logp_all, entropy_all
