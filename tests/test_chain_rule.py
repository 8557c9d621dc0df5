"""The backpropagation lesson's engine: Value operations against central differences, the
typed-expression parser, the stepping, the layout, and Value against Network."""

import math
import random

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from xorlab.engine import Network, Value
from xorlab.engine.expression import ExpressionError, parse_expression
from xorlab.lab.chain_rule import PRESETS, ChainRule, layout, sigmoid_check


def central_difference(text, values, name, h=1e-6):
    up = parse_expression(text, {**values, name: values[name] + h}).root.data
    down = parse_expression(text, {**values, name: values[name] - h}).root.data
    return (up - down) / (2 * h)


@pytest.mark.parametrize("text,values", [
    ("f = log(a) * b", {"a": 1.7, "b": -0.4}),
    ("f = a / b", {"a": 0.3, "b": -1.9}),
    ("f = sigmoid(a * b)", {"a": 0.8, "b": 1.1}),
    ("f = tanh(a - b)", {"a": 0.2, "b": -0.5}),
    ("f = relu(a) + relu(-b)", {"a": 0.7, "b": 0.3}),
    ("f = exp(-a) ** 2", {"a": 0.25}),
    ("f = (a - b) ** 3 / (1 + a * a)", {"a": 0.6, "b": -0.2}),
])
def test_every_operation_against_central_differences(text, values):
    expr = parse_expression(text, values)
    expr.root.backward()
    for name, leaf in expr.leaves.items():
        assert leaf.grad == pytest.approx(central_difference(text, values, name),
                                          rel=1e-6, abs=1e-8), name


@pytest.mark.parametrize("text,code", [
    ("w*", "syntax"),
    ("foo(x)", "unknown_function"),
    ("__import__('os')", "unknown_function"),
    ("x.__class__", "not_allowed"),
    ("1/0", "no_value"),
    ("log(-1)", "no_value"),
    ("exp(1000)", "no_value"),
    ("x ** y", "bad_power"),
    ("", "empty"),
    ("f = f + 1", "bad_name"),
    ("[x]", "not_allowed"),
    ("x if y else z", "not_allowed"),
])
def test_bad_expressions_are_refused_with_a_code(text, code):
    with pytest.raises(ExpressionError) as e:
        parse_expression(text)
    assert e.value.code == code


def test_a_name_is_one_leaf_however_often_it_is_used():
    expr = parse_expression("e = (y - (w*x + b))**2 + w**2", {"w": 0.5, "x": 2, "b": 0.5,
                                                             "y": 1})
    assert set(expr.leaves) == {"y", "w", "x", "b"} and expr.root_name == "e"
    chain = ChainRule(expr)
    w = next(n for n in chain.nodes if n.name == "w")
    assert len(w.uses) == 2
    chain.run_all()
    # e = (1 − 1.5)² + 0.25; ∂e/∂w = 2(y − (wx + b))·(−x) + 2w = 2(−0.5)(−2) + 1 = 3
    assert chain.gradient_so_far(w.index) == (pytest.approx(3.0), True)
    last_use = max(k for k, s in enumerate(chain.steps) if s.kind == "edge"
                   and chain.nodes[s.node].inputs[s.position] == w.index)
    chain.step_to(last_use + 1)
    assert chain.sentence().endswith("⇒ ∂e/∂w = 1 + 2 = 3") or \
        chain.sentence().endswith("⇒ ∂e/∂w = 2 + 1 = 3")
    assert "(use 2 of 2)" in chain.sentence()
    expansion = chain.expansion(w.index)
    assert expansion.count("+") >= 1 and expansion.endswith("= 3")


def test_the_lecture_stepped_forward_and_backward():
    chain = ChainRule.from_text("f = w*x + b", {"w": -2, "x": 5, "b": 3})
    names = {n.name: n for n in chain.nodes}
    assert set(names) == {"w", "x", "b", "g", "f"}
    assert {n.name for n in chain.parameters()} == {"w", "b"}
    assert names["x"].kind == "data"
    assert not chain.value_known(names["g"].index)
    chain.forward()
    assert chain.value_known(names["g"].index) and not chain.value_known(names["f"].index)
    assert chain.sentence() == "g = w · x = −2 · 5 = −10"
    chain.forward()
    assert chain.sentence() == "f = g + b = −10 + 3 = −7"
    assert not chain.forward()  # the forward pass is done
    order = []
    while chain.backward():
        for name in ("g", "b", "w", "x"):
            grad, complete = chain.gradient_so_far(names[name].index)
            if complete and name not in order:
                order.append(name)
    assert order == ["g", "b", "w", "x"]  # ∂f/∂g, ∂f/∂b, ∂f/∂w, ∂f/∂x
    assert [names[n].grad for n in order] == [1, 1, 5, -2]
    assert chain.sentence(chain.steps[-2]) == "∂f/∂w = ∂f/∂g · ∂g/∂w = 1 · 5 = 5"
    after, sentence = chain.update(0.1)
    values = after.values()
    assert values["w"] == pytest.approx(-2.5) and values["b"] == pytest.approx(2.9)
    assert values["x"] == 5
    assert after.nodes[after.root].value == pytest.approx(-9.6)
    assert after.nodes[after.root].value < -7  # lower, as the gradient said
    assert after.previous_root_value == -7 and "−7 → −9.6" in sentence


def test_the_sigmoid_chain_multiplies_to_its_derivative():
    preset = next(p for p in PRESETS if p.key == "sigmoid")
    chain = ChainRule.from_text(preset.text, preset.values, preset.parameters)
    assert [n.op for n in chain.nodes if n.op] == ["*", "exp", "+", "/"]
    product, closed_form = sigmoid_check(chain, "z")
    assert product == pytest.approx(closed_form, rel=1e-12)
    locals_along = [n.local[n.inputs.index(prev)] for prev, n in
                    zip([c.index for c in chain.nodes if c.name == "z"] +
                        [n.index for n in chain.nodes if n.op][:-1],
                        [n for n in chain.nodes if n.op])]
    assert math.prod(locals_along) == pytest.approx(closed_form, rel=1e-12)


def _boxes_overlap(a, b):
    ax, ay, aw, ah = a
    bx, by, bw, bh = b
    return ax < bx + bw and bx < ax + aw and ay < by + bh and by < ay + ah


def random_expression(rng, budget):
    if budget <= 1 or rng.random() < 0.25:
        return rng.choice(["w", "x", "b", "y", "2", "0.5"])
    kind = rng.random()
    if kind < 0.25:
        return f"{rng.choice(['exp', 'tanh', 'sigmoid', 'relu'])}(" \
               f"{random_expression(rng, budget - 1)})"
    left = random_expression(rng, budget // 2)
    right = random_expression(rng, budget - budget // 2 - 1)
    return f"({left} {rng.choice(['+', '-', '*'])} {right})"


def test_layouts_never_overlap():
    rng = random.Random(0)
    texts = [p.text for p in PRESETS]
    while len(texts) < len(PRESETS) + 20:
        text = random_expression(rng, 15)
        chain = ChainRule.from_text(text, {"w": 0.3, "x": 0.2, "b": 0.1, "y": 0.4})
        if len(chain.nodes) <= 15 and len(chain.nodes) > 3:
            texts.append(text)
    for text in texts:
        chain = ChainRule.from_text(text, {"w": 0.3, "x": 0.2, "b": 0.1, "y": 0.4})
        boxes = layout(chain.nodes)
        assert set(boxes) == {n.index for n in chain.nodes}
        items = list(boxes.values())
        for i in range(len(items)):
            for j in range(i + 1, len(items)):
                assert not _boxes_overlap(items[i], items[j]), text
        for n in chain.nodes:  # inputs stand to the left of the nodes that use them
            assert all(boxes[j][0] < boxes[n.index][0] for j in n.inputs)


@given(st.integers(0, 2**31 - 1))
def test_value_graph_of_a_network_matches_its_backprop(seed):
    """The two engines agree: the Value graph of a 2-2-1 sigmoid network with cross-entropy
    gives the gradients of Network.loss_and_grads, to 1e-12."""
    rng = np.random.default_rng(seed)
    net = Network.from_spec({"inputs": 2, "layers": [{"units": 2, "activation": "sigmoid"},
                                                     {"units": 1, "activation": "sigmoid"}],
                             "init": "xavier", "seed": seed % 1000})
    net.flat[...] = rng.normal(size=net.flat.size)
    X = rng.normal(size=(5, 2))
    y = (rng.random(5) > 0.5).astype(float)
    loss, grads = net.loss_and_grads(X, y)
    W1 = [[Value(v) for v in row] for row in net.params[0]]
    b1 = [Value(v) for v in net.params[1]]
    W2 = [[Value(v) for v in row] for row in net.params[2]]
    b2 = [Value(v) for v in net.params[3]]
    total = Value(0.0)
    for xi, yi in zip(X, y):
        h = [(W1[0][j] * xi[0] + W1[1][j] * xi[1] + b1[j]).sigmoid() for j in range(2)]
        p = (W2[0][0] * h[0] + W2[1][0] * h[1] + b2[0]).sigmoid()
        total = total + (-(yi * p.log() + (1 - yi) * (1 - p).log()))
    L = total / len(y)
    L.backward()
    assert L.data == pytest.approx(loss, rel=1e-9)
    for values, expected in ((W1, grads[0]), ([b1], grads[1][None, :]), (W2, grads[2]),
                             ([b2], grads[3][None, :])):
        got = np.array([[v.grad for v in row] for row in values])
        assert np.allclose(got, expected, rtol=0, atol=1e-12)
