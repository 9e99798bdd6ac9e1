#!/usr/bin/python3
"""Make the small ONNX reference models that tests/Hybrid reads (interop with tools we did not write).

Run with Debian's Python (python3-onnx, python3-torch, python3-numpy), from the repository root:

    /usr/bin/python3 tools/onnx/make_reference_models.py tests/Hybrid/OnnxReference

Writes, for each model NAME, NAME.onnx and NAME.json (inputs, reference outputs, how they were
computed, tool versions). Everything is seeded, so re-running gives the same numbers (the .onnx
bytes may differ between onnx/torch versions).
"""
import json
import os
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper
import torch

OUT = sys.argv[1] if len(sys.argv) > 1 else "tests/Hybrid/OnnxReference"
os.makedirs(OUT, exist_ok=True)
VERSIONS = {"onnx": onnx.__version__, "torch": torch.__version__, "numpy": np.__version__,
            "python": sys.version.split()[0]}


def save(name, model_bytes, x, y, how, extra=None):
    with open(os.path.join(OUT, name + ".onnx"), "wb") as f:
        f.write(model_bytes)
    doc = {"model": name + ".onnx", "reference": how, "versions": VERSIONS,
           "input": np.asarray(x, dtype=np.float64).tolist(), "output": np.asarray(y, dtype=np.float64).tolist()}
    if extra:
        doc.update(extra)
    with open(os.path.join(OUT, name + ".json"), "w") as f:
        json.dump(doc, f, indent=1)
        f.write("\n")
    print(f"{name}: {len(model_bytes)} bytes, input {np.shape(x)}, output {np.shape(y)}")


def softplus(z):
    return np.maximum(z, 0) + np.log1p(np.exp(-np.abs(z)))


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def helper_mlp(dtype, name):
    """2 -> 8 (tanh) -> 8 (sigmoid) -> 8 (softplus) -> 8 (relu) -> 1 built node by node with onnx.helper:
    Sub/Div input normalisation, MatMul + Add layers, a Constant node for one bias, Mul/Add output scaling."""
    rng = np.random.default_rng(2024)
    np_t = np.float32 if dtype == TensorProto.FLOAT else np.float64
    sizes = [2, 8, 8, 8, 8, 1]
    acts = ["Tanh", "Sigmoid", "Softplus", "Relu", None]
    Ws = [rng.uniform(-0.9, 0.9, (sizes[i], sizes[i + 1])).astype(np_t) for i in range(5)]
    bs = [rng.uniform(-0.3, 0.3, (sizes[i + 1],)).astype(np_t) for i in range(5)]
    mean = np.array([1.5, -2.0], np_t)
    std = np.array([0.5, 3.0], np_t)
    yscale = np.array([2.5], np_t)
    yshift = np.array([-0.75], np_t)
    inits = [numpy_helper.from_array(mean, "x_mean"), numpy_helper.from_array(std, "x_std"),
             numpy_helper.from_array(yscale, "y_scale"), numpy_helper.from_array(yshift, "y_shift")]
    nodes = [helper.make_node("Sub", ["x", "x_mean"], ["x0"], name="normalise_sub"),
             helper.make_node("Div", ["x0", "x_std"], ["h0"], name="normalise_div")]
    for i in range(5):
        inits.append(numpy_helper.from_array(Ws[i], f"W{i}"))
        if i == 2:   # this bias comes from a Constant node instead of an initialiser
            nodes.append(helper.make_node("Constant", [], [f"b{i}"], name=f"const_b{i}",
                                          value=numpy_helper.from_array(bs[i], f"b{i}_value")))
        else:
            inits.append(numpy_helper.from_array(bs[i], f"b{i}"))
        nodes.append(helper.make_node("MatMul", [f"h{i}", f"W{i}"], [f"m{i}"], name=f"matmul{i}"))
        nodes.append(helper.make_node("Add", [f"m{i}", f"b{i}"], [f"z{i}"], name=f"add{i}"))
        if acts[i]:
            nodes.append(helper.make_node(acts[i], [f"z{i}"], [f"h{i + 1}"], name=f"{acts[i].lower()}{i}"))
        else:
            nodes.append(helper.make_node("Identity", [f"z{i}"], [f"h{i + 1}"], name=f"identity{i}"))
    nodes.append(helper.make_node("Mul", ["h5", "y_scale"], ["y0"], name="denormalise_mul"))
    nodes.append(helper.make_node("Add", ["y0", "y_shift"], ["y"], name="denormalise_add"))
    graph = helper.make_graph(nodes, name, [helper.make_tensor_value_info("x", dtype, ["N", 2])],
                              [helper.make_tensor_value_info("y", dtype, ["N", 1])], inits)
    model = helper.make_model(graph, producer_name="onnx.helper", opset_imports=[helper.make_opsetid("", 17)])
    model.ir_version = 8
    onnx.checker.check_model(model)
    # Reference: numpy in float64 from the stored weights (exact for float32 weights widened to float64).
    x = rng.uniform(-4, 4, (64, 2)).astype(np_t).astype(np.float64)
    h = (x - mean.astype(np.float64)) / std.astype(np.float64)
    f = {"Tanh": np.tanh, "Sigmoid": sigmoid, "Softplus": softplus, "Relu": lambda z: np.maximum(z, 0), None: lambda z: z}
    for i in range(5):
        h = f[acts[i]](h @ Ws[i].astype(np.float64) + bs[i].astype(np.float64))
    y = h * yscale.astype(np.float64) + yshift.astype(np.float64)
    save(name, model.SerializeToString(), x, y, "numpy float64 evaluation of the stored weights")


class Normalised(torch.nn.Module):
    """torch.nn.Sequential MLP wrapped in input/output normalisation held as buffers."""

    def __init__(self, net, xm, xs, ym, ys):
        super().__init__()
        self.net = net
        self.register_buffer("xm", xm)
        self.register_buffer("xs", xs)
        self.register_buffer("ym", ym)
        self.register_buffer("ys", ys)

    def forward(self, x):
        return self.net((x - self.xm) / self.xs) * self.ys + self.ym


def torch_mlp(dtype, name, normalised):
    torch.manual_seed(7)
    net = torch.nn.Sequential(
        torch.nn.Linear(3, 16), torch.nn.Tanh(),
        torch.nn.Linear(16, 16), torch.nn.ReLU(),
        torch.nn.Linear(16, 16), torch.nn.GELU(),
        torch.nn.Linear(16, 12), torch.nn.Softplus(),
        torch.nn.Linear(12, 8), torch.nn.Sigmoid(),
        torch.nn.Linear(8, 2))
    model = Normalised(net, torch.tensor([0.5, -1.0, 2.0]), torch.tensor([2.0, 0.5, 4.0]),
                       torch.tensor([0.1, -0.3]), torch.tensor([1.5, 0.25])) if normalised else net
    model = model.to(dtype).eval()
    x = torch.rand(64, 3, generator=torch.Generator().manual_seed(11), dtype=dtype) * 6 - 3
    with torch.no_grad():
        y = model(x)
    path = os.path.join(OUT, name + ".onnx")
    torch.onnx.export(model, x[:1], path, input_names=["x"], output_names=["y"], opset_version=17,
                      dynamic_axes={"x": {0: "N"}, "y": {0: "N"}}, do_constant_folding=True)
    with open(path, "rb") as f:
        data = f.read()
    onnx.checker.check_model(onnx.load(path))
    save(name, data, x.numpy(), y.numpy(), f"torch {torch.__version__} forward in {str(dtype).replace('torch.', '')}",
         {"ops": [n.op_type for n in onnx.load(path).graph.node]})


def unsupported(name):
    """An MLP with a Cos node in the middle: the importer must refuse it and name the node."""
    rng = np.random.default_rng(5)
    W0 = rng.uniform(-1, 1, (2, 4)).astype(np.float32)
    W1 = rng.uniform(-1, 1, (4, 1)).astype(np.float32)
    nodes = [helper.make_node("MatMul", ["x", "W0"], ["m0"], name="matmul0"),
             helper.make_node("Cos", ["m0"], ["h1"], name="cosine_layer"),
             helper.make_node("MatMul", ["h1", "W1"], ["y"], name="matmul1")]
    graph = helper.make_graph(nodes, name, [helper.make_tensor_value_info("x", TensorProto.FLOAT, ["N", 2])],
                              [helper.make_tensor_value_info("y", TensorProto.FLOAT, ["N", 1])],
                              [numpy_helper.from_array(W0, "W0"), numpy_helper.from_array(W1, "W1")])
    model = helper.make_model(graph, producer_name="onnx.helper", opset_imports=[helper.make_opsetid("", 17)])
    model.ir_version = 8
    onnx.checker.check_model(model)
    x = rng.uniform(-2, 2, (16, 2)).astype(np.float32).astype(np.float64)
    y = np.cos(x @ W0.astype(np.float64)) @ W1.astype(np.float64)
    save(name, model.SerializeToString(), x, y, "numpy float64 evaluation of the stored weights")


helper_mlp(TensorProto.FLOAT, "helper_mlp_f32")
helper_mlp(TensorProto.DOUBLE, "helper_mlp_f64")
torch_mlp(torch.float32, "torch_sequential_f32", normalised=False)
torch_mlp(torch.float32, "torch_normalised_f32", normalised=True)
torch_mlp(torch.float64, "torch_sequential_f64", normalised=False)
unsupported("helper_cos_f32")
