"""PyTorch peers for the benchmark's workloads (bench/workload.hpp): issue 3's 2-5-5-1 tanh networks, full
batch on AND or XOR, Adam lr 0.1, L1 loss, 1000 steps; and the deep shape 2,16,16,16,16,16,16,1, tanh, full
batch on AND, Adam lr 0.01, MSE, 1000 steps. Each peer is verified by how many networks learned:

* one network at a time, as the forum demo wrote it (nn.Linear and nn.Tanh in a Sequential);
* batched: N networks as (N, out, in) weight tensors trained together, each layer one torch.baddbmm
  (bias plus batched matrix product), the fastest batched form on the CPU.

Prints one JSON object a line: {"peer", "shape", "gate", "networks", "seconds", "network_steps_per_s",
"learned"}.
"""
import argparse
import json
import time

import torch

STEPS = 1000
INPUTS = torch.tensor([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
TARGETS = {"and": torch.tensor([0.0, 0.0, 0.0, 1.0]), "xor": torch.tensor([0.0, 1.0, 1.0, 0.0])}


def learned(outputs, targets):
    """The book's rule: every output rounds to its target and the mean L1 loss is below 0.05."""
    rounds = (torch.round(outputs) == targets).all(dim=-1)
    return rounds & ((outputs - targets).abs().mean(dim=-1) < 0.05)


def one_at_a_time(gate, networks, device):
    x, t = INPUTS.to(device), TARGETS[gate].to(device).unsqueeze(1)
    count = 0
    start = time.perf_counter()
    for seed in range(networks):
        torch.manual_seed(seed)
        model = torch.nn.Sequential(torch.nn.Linear(2, 5), torch.nn.Tanh(), torch.nn.Linear(5, 5), torch.nn.Tanh(),
                                    torch.nn.Linear(5, 1), torch.nn.Tanh()).to(device)
        optimizer = torch.optim.Adam(model.parameters(), lr=0.1)
        loss_fn = torch.nn.L1Loss()
        for _ in range(STEPS):
            optimizer.zero_grad()
            loss = loss_fn(model(x), t)
            loss.backward()
            optimizer.step()
        with torch.no_grad():
            count += int(learned(model(x).squeeze(1), t.squeeze(1)))
    if device == "cuda":
        torch.cuda.synchronize()
    return time.perf_counter() - start, count


def batched(gate, networks, device, sizes=(2, 5, 5, 1), lr=0.1, loss="l1"):
    torch.manual_seed(0)
    params = []
    for fan_in, fan_out in zip(sizes, sizes[1:]):
        bound = fan_in ** -0.5  # PyTorch's nn.Linear draws weights and biases from U(-bound, bound)
        params.append(((torch.rand(networks, fan_out, fan_in, device=device) * 2 - 1) * bound).requires_grad_())
        params.append(((torch.rand(networks, fan_out, 1, device=device) * 2 - 1) * bound).requires_grad_())
    optimizer = torch.optim.Adam(params, lr=lr)
    x = INPUTS.to(device).T.expand(networks, 2, 4)  # (N, in, rows)
    t = TARGETS[gate].to(device).expand(networks, 4)

    def forward():
        a = x
        for w, b in zip(params[0::2], params[1::2]):
            a = torch.tanh(torch.baddbmm(b, w, a))
        return a.squeeze(1)  # (N, rows)

    if device == "cuda":
        torch.cuda.synchronize()
    start = time.perf_counter()
    for _ in range(STEPS):
        optimizer.zero_grad()
        # Sum over networks of each network's mean loss: every network gets its own demo gradient.
        error = forward() - t
        per_network = error.abs().mean(dim=1) if loss == "l1" else (error * error).mean(dim=1)
        per_network.sum().backward()
        optimizer.step()
    if device == "cuda":
        torch.cuda.synchronize()
    seconds = time.perf_counter() - start
    with torch.no_grad():
        return seconds, int(learned(forward(), t).sum())


def deep(gate, networks, device):
    return batched(gate, networks, device, sizes=(2, 16, 16, 16, 16, 16, 16, 1), lr=0.01, loss="mse")


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--device", default="cpu")
    parser.add_argument("--gates", default="and,xor")
    parser.add_argument("--one-at-a-time", type=int, default=16, help="networks for the one-at-a-time peer")
    parser.add_argument("--batched", type=int, default=65536, help="networks for the batched peer")
    parser.add_argument("--deep", type=int, default=4096, help="networks for the deep shape's batched peer")
    args = parser.parse_args()
    runs = [(peer, "2,5,5,1", gate, networks, run) for gate in args.gates.split(",")
            for peer, networks, run in (("pytorch one at a time", args.one_at_a_time, one_at_a_time),
                                        ("pytorch batched (baddbmm)", args.batched, batched))]
    runs.append(("pytorch batched (baddbmm)", "2,16x6,1", "and", args.deep, deep))
    for peer, shape, gate, networks, run in runs:
        seconds, count = run(gate, networks, args.device)
        print(json.dumps({"peer": peer, "shape": shape, "gate": gate, "networks": networks, "seconds": seconds,
                          "network_steps_per_s": networks * STEPS / seconds, "learned": count}), flush=True)


if __name__ == "__main__":
    main()
