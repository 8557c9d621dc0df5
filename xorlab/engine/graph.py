"""A scalar computational graph: the chain rule of the lecture, one node at a time.

Every `Value` remembers its operation and its inputs. `backward()` visits the nodes in
reverse topological order and applies the chain rule

    ∂f/∂input += ∂f/∂node · ∂node/∂input          (local derivative × upstream gradient)

The lecture's example:  w, x, b = Value(-2), Value(5), Value(3);  g = w * x;  f = g + b
gives g = −10, f = −7 and after f.backward(): w.grad = 5, x.grad = −2, b.grad = 1.

Each operation stores its local derivatives ∂node/∂input (`local_grads`), one per edge:
    a + b: 1, 1        a − b: 1, −1       a · b: b, a        a / b: 1/b, −a/b²
    aᵏ: k·aᵏ⁻¹         −a: −1
    eᵃ: eᵃ             ln a: 1/a          σ(a): σ(1 − σ)          tanh a: 1 − tanh²a
    relu a: 1 if a > 0 else 0
An operation whose value is not a finite number (1/0, ln of a negative number, an exp that
overflows) raises GraphError instead.
"""

from __future__ import annotations

import math

from .errors import Phrase, XorlabError


class GraphError(XorlabError):
    """An operation with no finite value; the message says which and why."""


def _finite(value, what):
    if not math.isfinite(value):
        raise GraphError("{what} is not a finite number", what=what)
    return value


class Value:
    """A number in a graph: `data`, `grad` (∂ root / ∂ this), `op` and `inputs`."""

    def __init__(self, data, inputs=(), op="", label=""):
        try:
            self.data = _finite(float(data), label or Phrase("a value"))
        except OverflowError:
            raise GraphError("{what} is too large for a float",
                             what=label or Phrase("a value")) from None
        self.grad = 0.0
        self.inputs = tuple(inputs)
        self.op = op
        self.label = label
        self._local = ()  # ∂self/∂input for each input, filled by the operation

    def __repr__(self):
        name = f"{self.label}=" if self.label else ""
        return f"Value({name}{self.data:g}, grad={self.grad:g})"

    @staticmethod
    def _wrap(other):
        return other if isinstance(other, Value) else Value(other)

    def _node(self, data, inputs, op, local):
        """A new node; every value and local derivative must be a finite number."""
        out = Value(_finite(data, Phrase("the result of {op}", op=op)), inputs, op)
        out._local = tuple(_finite(v, Phrase("a local derivative of {op}", op=op))
                           for v in local)
        return out

    # ---- operations and their local derivatives ----------------------------------------
    def __add__(self, other):  # ∂(a+b)/∂a = 1, ∂(a+b)/∂b = 1
        other = self._wrap(other)
        return self._node(self.data + other.data, (self, other), "+", (1.0, 1.0))

    def __mul__(self, other):  # ∂(a·b)/∂a = b, ∂(a·b)/∂b = a
        other = self._wrap(other)
        return self._node(self.data * other.data, (self, other), "*", (other.data, self.data))

    def __pow__(self, k):  # ∂(aᵏ)/∂a = k·aᵏ⁻¹
        if isinstance(k, Value):
            raise TypeError("only a plain number may be an exponent")
        if self.data == 0 and k < 1 or self.data < 0 and not float(k).is_integer():
            raise GraphError("{data:g} ** {k:g} has no real value with a derivative",
                             data=self.data, k=k)
        try:
            value = self.data ** k
            local = k * self.data ** (k - 1)
        except OverflowError:
            raise GraphError("{data:g} ** {k:g} is too large", data=self.data, k=k) from None
        return self._node(_finite(value, Phrase("a power")), (self,), f"**{k:g}",
                          (_finite(local, Phrase("a power's derivative")),))

    def __neg__(self):  # ∂(−a)/∂a = −1
        return self._node(-self.data, (self,), "neg", (-1.0,))

    def __sub__(self, other):  # ∂(a−b)/∂a = 1, ∂(a−b)/∂b = −1
        other = self._wrap(other)
        return self._node(self.data - other.data, (self, other), "-", (1.0, -1.0))

    def __truediv__(self, other):  # ∂(a/b)/∂a = 1/b, ∂(a/b)/∂b = −a/b²
        other = self._wrap(other)
        if other.data == 0:
            raise GraphError("division by zero: {data:g} / 0", data=self.data)
        quotient = self.data / other.data
        return self._node(quotient, (self, other), "/",
                          (1.0 / other.data, -quotient / other.data))  # −a/b², no b² underflow

    def __radd__(self, other):
        return self._wrap(other) + self

    def __rsub__(self, other):
        return self._wrap(other) - self

    def __rmul__(self, other):
        return self._wrap(other) * self

    def __rtruediv__(self, other):
        return self._wrap(other) / self

    def exp(self):  # ∂eᵃ/∂a = eᵃ
        if self.data > 700:
            raise GraphError("exp({data:g}) is too large", data=self.data)
        e = math.exp(self.data)
        return self._node(e, (self,), "exp", (e,))

    def log(self):  # ∂ln(a)/∂a = 1/a
        if self.data <= 0:
            raise GraphError("log needs a positive number, got {data:g}", data=self.data)
        return self._node(math.log(self.data), (self,), "log", (1.0 / self.data,))

    def sigmoid(self):  # ∂σ(a)/∂a = σ(a)(1 − σ(a))
        s = 0.5 * math.tanh(0.5 * self.data) + 0.5
        return self._node(s, (self,), "sigmoid", (s * (1.0 - s),))

    def tanh(self):  # ∂tanh(a)/∂a = 1 − tanh²(a)
        t = math.tanh(self.data)
        return self._node(t, (self,), "tanh", (1.0 - t * t,))

    def relu(self):  # ∂relu(a)/∂a = 1 if a > 0 else 0
        return self._node(max(self.data, 0.0), (self,), "relu",
                          (1.0 if self.data > 0 else 0.0,))

    # ---- backward --------------------------------------------------------------------
    def topological_order(self):
        """Every node this one depends on, inputs before the nodes that use them."""
        order, seen = [], set()
        stack = [(self, False)]
        while stack:  # iterative depth-first search: deep graphs do not hit the recursion limit
            node, expanded = stack.pop()
            if expanded:
                order.append(node)
            elif id(node) not in seen:
                seen.add(id(node))
                stack.append((node, True))
                stack.extend((child, False) for child in node.inputs)
        return order

    def backward(self):
        """Fill `grad` of every node with ∂self/∂node (this node's grad starts at 1)."""
        order = self.topological_order()
        for node in order:
            node.grad = 0.0
        self.grad = 1.0
        for node in reversed(order):
            for child, local in zip(node.inputs, node._local):
                child.grad += local * node.grad
        return order

    @property
    def local_grads(self):
        """∂self/∂input for each input (what the lecture writes on each edge)."""
        return self._local

    def depths(self):
        """{id(node): depth} for every node: leaves 0, any other node 1 + its deepest input
        (the column it stands in when the graph is drawn from left to right)."""
        depth = {}
        for node in self.topological_order():
            depth[id(node)] = 1 + max((depth[id(c)] for c in node.inputs), default=-1)
        return depth
