"""The chain-rule lesson: the lecture's numbers, exactly."""

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from xorlab.engine import Value


def test_lecture_chain_rule_example():
    w, x, b = Value(-2, label="w"), Value(5, label="x"), Value(3, label="b")
    g = w * x
    f = g + b
    assert g.data == -10 and f.data == -7
    f.backward()
    assert (w.grad, x.grad, b.grad, g.grad, f.grad) == (5, -2, 1, 1, 1)
    # the graph is inspectable: operation and inputs of every node
    assert f.op == "+" and f.inputs == (g, b)
    assert g.op == "*" and g.inputs == (w, x)
    assert g.local_grads == (5.0, -2.0)  # ∂g/∂w = x, ∂g/∂x = w


def test_lecture_update_rule():
    w, x, b = Value(-2), Value(5), Value(3)
    (w * x + b).backward()
    lr = 0.01
    assert w.data - lr * w.grad == pytest.approx(-2.05)  # w⁺ = w − γ·∂f/∂w


@given(st.floats(-20, 20))
def test_sigmoid_from_elementary_nodes(z0):
    z = Value(z0)
    s = 1 / (1 + (-z).exp())
    s.backward()
    sigma = 1 / (1 + math.exp(-z0))
    assert s.data == pytest.approx(sigma, rel=1e-12)
    assert z.grad == pytest.approx(sigma * (1 - sigma), rel=1e-9, abs=1e-15)
    ops = {node.op for node in s.topological_order()}
    assert {"neg", "exp", "+", "/"} <= ops


def test_fused_ops_agree_with_their_derivatives():
    for op, d in (("sigmoid", lambda v: v * (1 - v)), ("tanh", lambda v: 1 - v * v)):
        z = Value(0.7)
        out = getattr(z, op)()
        out.backward()
        assert z.grad == pytest.approx(d(out.data))
    z = Value(-0.5)
    z.relu().backward()
    assert z.grad == 0.0


def test_shared_node_accumulates_gradient():
    a = Value(3.0)
    f = a * a + a  # df/da = 2a + 1
    f.backward()
    assert a.grad == 7.0
    f.backward()  # calling again recomputes rather than doubles
    assert a.grad == 7.0


def test_division_and_subtraction():
    a, b = Value(6.0), Value(2.0)
    f = (a - b) / b  # (a − b)/b: ∂/∂a = 1/b, ∂/∂b = −a/b²
    f.backward()
    assert f.data == 2.0
    assert a.grad == pytest.approx(0.5) and b.grad == pytest.approx(-1.5)


def test_deep_graph_does_not_hit_recursion_limit():
    x = Value(1.0)
    y = x
    for _ in range(5000):
        y = y * 1.0
    y.backward()
    assert x.grad == 1.0
