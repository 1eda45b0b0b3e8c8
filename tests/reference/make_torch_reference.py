"""Writes torch_reference.json: what PyTorch computes for the choices a network can make beyond the demo's
(binary cross-entropy from the output's sum, the initialisation rules, a separate output activation, centred
inputs), for the C++ tests to compare against. PyTorch is not needed to run the tests, only to remake this
file: /usr/bin/python3 tests/reference/make_torch_reference.py (Debian's python3-torch).

Four parts:
  bce: torch.nn.BCEWithLogitsLoss and its gradient at fixed (sum, target) pairs, large sums included;
  init: for each rule, the bound and the variance PyTorch's own function gives a large weight tensor of
        each fan (drawn, not computed from our formula), and whether biases are drawn;
  training: a few full-batch Adam steps of small networks from fixed weights, with the loss before each step
            and the weights after the last, in float32 as the C++ trainers compute;
  layer_trace: for every activation, at depths 1, 3 and 8 and with a linear, the same or a sigmoid (bce)
               output, each layer's gradient norm, mean |activation| and share of slopes under 0.01 on fixed
               weights and rows, from autograd in float64 (nn/layer_trace.hpp computes them by hand).
"""

import json
import math
from pathlib import Path

import torch

OUT = Path(__file__).resolve().parent / "torch_reference.json"


def bce_points():
    points = []
    for z in (-100.0, -20.0, -3.5, -1.0, -1e-3, 0.0, 0.25, 1.0, 4.0, 20.0, 100.0):
        for t in (0.0, 1.0):
            zt = torch.tensor([z], dtype=torch.float64, requires_grad=True)
            loss = torch.nn.BCEWithLogitsLoss()(zt, torch.tensor([t], dtype=torch.float64))
            loss.backward()
            points.append({"z": z, "t": t, "loss": loss.item(), "dloss_dz": zt.grad.item()})
    return points


def init_statistics():
    """Each rule on a (out, in) weight of 1000 x in draws... the bound is the largest |w|, the variance the
    sample variance: the C++ test checks that its own draws agree with these within sampling error."""
    torch.manual_seed(0)
    rules = []
    for fan_in, fan_out in ((2, 8), (8, 1), (16, 16), (2, 1)):
        draws = 200_000
        rows = max(1, draws // fan_in)
        linear = torch.nn.Linear(fan_in, rows)  # its default reset_parameters: the "pytorch" rule
        xavier = torch.empty(rows, fan_in)
        # xavier_uniform_ reads the fans from the tensor's shape; scale to the fans named so that the bound is
        # the one for a fan_in -> fan_out layer: gain * sqrt(6 / (fan_in + fan_out)) of a (fan_out, fan_in).
        torch.nn.init.xavier_uniform_(xavier, gain=math.sqrt((fan_in + rows) / (fan_in + fan_out)))
        he = torch.empty(rows, fan_in)
        torch.nn.init.kaiming_uniform_(he, mode="fan_in", nonlinearity="relu")
        for name, weight, bias in (("pytorch", linear.weight.detach(), linear.bias.detach()),
                                   ("xavier", xavier, None), ("he", he, None)):
            rules.append({"rule": name, "in": fan_in, "out": fan_out,
                          "largest_abs_weight": weight.abs().max().item(),
                          "weight_variance": weight.var().item(),
                          "weight_mean": weight.mean().item(),
                          "draws": weight.numel(),
                          "bias_variance": None if bias is None else bias.var().item()})
    return rules


ACTIVATIONS = {"none": lambda z: z, "tanh": torch.tanh, "sigmoid": torch.sigmoid, "relu": torch.relu}
GATES = {"and": [0, 0, 0, 1], "xor": [0, 1, 1, 0]}


def training_case(name, sizes, hidden, output, loss, inputs, gate, lr, steps, seed):
    torch.manual_seed(seed)
    layers = [torch.nn.Linear(sizes[i], sizes[i + 1]) for i in range(len(sizes) - 1)]
    start = [{"weight": l.weight.detach().tolist(), "bias": l.bias.detach().tolist()} for l in layers]
    params = [p for l in layers for p in l.parameters()]
    optimizer = torch.optim.Adam(params, lr=lr)
    x = torch.tensor([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
    if inputs == "centred":
        x = 2 * x - 1
    t = torch.tensor(GATES[gate], dtype=torch.float32).reshape(4, 1)
    losses = []
    for _ in range(steps):
        a = x
        for i, layer in enumerate(layers):
            z = layer(a)
            last = i + 1 == len(layers)
            a = ACTIVATIONS[output if last else hidden](z) if not (last and loss == "bce") else z
        if loss == "bce":
            value = torch.nn.BCEWithLogitsLoss()(a, t)
        elif loss == "mse":
            value = torch.nn.MSELoss()(a, t)
        else:
            value = torch.nn.L1Loss()(a, t)
        optimizer.zero_grad()
        value.backward()
        optimizer.step()
        losses.append(value.item())
    end = [{"weight": l.weight.detach().tolist(), "bias": l.bias.detach().tolist()} for l in layers]
    return {"name": name, "layers": sizes, "activation": hidden, "output_activation": output, "loss": loss,
            "inputs": inputs, "gate": gate, "lr": lr, "steps": steps, "start": {"layers": start},
            "loss_before_each_step": losses, "end": {"layers": end}}


# Every activation as PyTorch computes it, for the layer trace. GELU is nn/activation.hpp's tanh form; the step's
# slope is 0 everywhere (autograd gives z's slope 0 through 0 * z).
TRACE_ACTIVATIONS = {
    "none": lambda z: z,
    "tanh": torch.tanh,
    "sigmoid": torch.sigmoid,
    "relu": torch.relu,
    "leaky-relu": lambda z: torch.nn.functional.leaky_relu(z, 0.01),
    "elu": torch.nn.functional.elu,
    "gelu": lambda z: torch.nn.functional.gelu(z, approximate="tanh"),
    "softplus": torch.nn.functional.softplus,
    "sin": torch.sin,
    "step": lambda z: (z >= 0).to(z.dtype) + 0 * z,
}
STALLED_SLOPE = 0.01  # nn::stalled_slope


def trace_rows(seed):
    """32 fixed points in the unit square, class 1 inside a ring's disc: the rows every trace case uses."""
    generator = torch.Generator().manual_seed(seed)
    x = torch.rand(32, 2, generator=generator, dtype=torch.float64)
    t = ((x - 0.5).pow(2).sum(dim=1) < 0.1).to(torch.float64).reshape(32, 1)
    return x, t


def trace_case(activation, depth, output, loss, x, t, seed):
    """Weights from U(-2, 2) and biases from U(-1, 1), wide enough that many sigmoid and tanh units
    saturate; the statistics of each layer on the rows x (targets t), from autograd."""
    generator = torch.Generator().manual_seed(seed)
    sizes = [2] + [4] * depth + [1]
    layers = []
    for i in range(len(sizes) - 1):
        w = torch.rand(sizes[i + 1], sizes[i], generator=generator, dtype=torch.float64) * 4 - 2
        b = (torch.rand(sizes[i + 1], generator=generator, dtype=torch.float64) * 2 - 1)
        # float32 values, so that the C++ network holds exactly these weights
        layers.append((w.float().double().requires_grad_(), b.float().double().requires_grad_()))
    a = x
    outputs, slopes = [], []
    for i, (w, b) in enumerate(layers):
        z = a @ w.T + b
        g = TRACE_ACTIVATIONS[output if i + 1 == len(layers) else activation]
        zz = z.detach().requires_grad_()
        slope, = torch.autograd.grad(g(zz).sum(), zz)
        a = g(z)
        outputs.append(a.detach())
        slopes.append(slope)
    if loss == "bce":  # from the output's sum, as BCEWithLogitsLoss: z is the last layer's sum
        value = torch.nn.BCEWithLogitsLoss()(z, t)
    elif loss == "mse":
        value = torch.nn.MSELoss()(a, t)
    else:
        value = torch.nn.L1Loss()(a, t)
    value.backward()
    return {"activation": activation, "output_activation": output, "loss": loss, "layers": sizes,
            "start": {"layers": [{"weight": w.detach().tolist(), "bias": b.detach().tolist()} for w, b in layers]},
            "layer_gradient_norms": [w.grad.norm().item() for w, _ in layers],
            "mean_abs_activations": [o.abs().mean().item() for o in outputs],
            "stalled_shares": [(s.abs() < STALLED_SLOPE).double().mean().item() for s in slopes]}


def layer_traces():
    x, t = trace_rows(5)
    cases = []
    seed = 100
    for activation in TRACE_ACTIVATIONS:
        for depth in (1, 3, 8):
            for output, loss in (("none", "mse"), (activation, "l1"), ("sigmoid", "bce")):
                seed += 1
                cases.append(trace_case(activation, depth, output, loss, x, t, seed))
    return {"inputs": x.tolist(), "targets": t.reshape(-1).tolist(), "cases": cases}


def main():
    training = [
        training_case("sigmoid output, bce, and", [2, 1], "sigmoid", "sigmoid", "bce", "unit", "and", 0.1, 20, 1),
        training_case("tanh hidden, sigmoid output, bce, xor", [2, 3, 1], "tanh", "sigmoid", "bce", "unit", "xor",
                      0.05, 20, 2),
        training_case("relu hidden, linear output, mse, centred", [2, 4, 1], "relu", "none", "mse", "centred",
                      "xor", 0.05, 20, 3),
        training_case("tanh hidden, linear output, l1, centred", [2, 2, 2, 1], "tanh", "none", "l1", "centred",
                      "and", 0.1, 20, 4),
    ]
    document = {"made_by": f"tests/reference/make_torch_reference.py with PyTorch {torch.__version__}",
                "bce": bce_points(), "init": init_statistics(), "training": training,
                "layer_trace": layer_traces()}
    OUT.write_text(json.dumps(document, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
