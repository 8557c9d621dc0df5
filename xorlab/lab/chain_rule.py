"""The backpropagation lesson as data (no Qt here): one expression, stepped through.

    lesson = ChainRule.from_text("f = w*x + b", {"w": -2, "x": 5, "b": 3})
    lesson.forward()    # g = w · x = −2 · 5 = −10
    lesson.forward()    # f = g + b = −10 + 3 = −7
    lesson.backward()   # ∂f/∂f = 1
    lesson.backward()   # ∂f/∂g = ∂f/∂f · ∂f/∂g = 1 · 1 = 1      ... and so on
    lesson.update(0.1)  # w⁺ = w − γ·∂f/∂w on every parameter leaf, then the graph again

The steps are the lecture's: the forward pass computes one node's value per step (inputs
before the nodes that use them); the backward pass starts with ∂f/∂f = 1 and then takes one
edge per step, adding local derivative × upstream gradient to the input's gradient. A name
used more than once gets one addition per use: its gradient is the sum over its uses.

`layout(nodes)` places the nodes left to right by depth, so any small graph draws cleanly.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..engine.expression import ExpressionError, parse_expression

OPERATION_NAMES = "ghuvpqrstacdkmn"  # names of the inner nodes, in the lecture's style
SYMBOLS = {"*": "·", "+": "+", "-": "−", "/": "/"}
MAX_PATHS = 6  # chain-rule expansions with more paths are summed per use instead


def fmt(v):
    """A number as the lecture writes it: up to 4 significant digits, a real minus sign."""
    text = f"{v:.4g}"
    return text.replace("-", "−") if text != "-0" else "0"


@dataclass
class GraphNode:
    index: int  # its place in the order of the forward pass
    name: str
    op: str  # "" for a leaf
    inputs: tuple  # indices of its inputs
    local: tuple  # ∂node/∂input, one per input
    value: float
    grad: float  # ∂root/∂node (known from the start; the steps reveal it)
    kind: str  # "parameter", "data", "constant" or "operation"
    depth: int
    uses: list = field(default_factory=list)  # (user index, input position) of every use

    @property
    def is_leaf(self):
        return not self.op


@dataclass(frozen=True)
class Step:
    kind: str  # "forward", "seed" (∂f/∂f = 1) or "edge"
    node: int  # the node computed, or the node whose gradient flows back
    position: int = 0  # for an edge: which input of `node`


class ChainRule:
    """An expression as a graph, with the forward and backward passes as steps."""

    def __init__(self, expression, parameters=None):
        self.expression = expression
        root = expression.root
        order = root.topological_order()
        root.backward()
        depth = root.depths()
        index = {id(v): i for i, v in enumerate(order)}
        names = _names(order, root, expression.root_name)
        if parameters is None:
            parameters = {n for n in expression.leaves if n[0] in "wb"}
        self.nodes = []
        for i, v in enumerate(order):
            if v.op:
                kind = "operation"
            elif v.label in expression.leaves and expression.leaves[v.label] is v:
                kind = "parameter" if v.label in parameters else "data"
            else:
                kind = "constant"
            self.nodes.append(GraphNode(i, names[i], v.op, tuple(index[id(c)] for c in v.inputs),
                                        tuple(v.local_grads), v.data, v.grad, kind,
                                        depth[id(v)]))
        for node in self.nodes:
            for position, j in enumerate(node.inputs):
                self.nodes[j].uses.append((node.index, position))
        self.root = len(self.nodes) - 1
        self.steps = [Step("forward", n.index) for n in self.nodes if not n.is_leaf]
        self.forward_count = len(self.steps)
        self.steps.append(Step("seed", self.root))
        for node in reversed(self.nodes):
            for position in range(len(node.inputs)):
                self.steps.append(Step("edge", node.index, position))
        self.done = 0  # how many steps are done
        self.previous_root_value = None  # f before the last update

    @classmethod
    def from_text(cls, text, values=None, parameters=None):
        """ExpressionError when the text cannot be drawn."""
        return cls(parse_expression(text, values), parameters)

    # ---- stepping ----------------------------------------------------------------------------
    def forward(self):
        """Do the next forward step (False when the forward pass is done)."""
        if self.done >= self.forward_count:
            return False
        self.done += 1
        return True

    def backward(self):
        """Do the next step of the whole sequence once the forward pass is done."""
        if self.done < self.forward_count or self.done >= len(self.steps):
            return False
        self.done += 1
        return True

    def step_to(self, done):
        self.done = max(0, min(done, len(self.steps)))

    def run_all(self):
        self.done = len(self.steps)

    def reset(self):
        self.done = 0

    @property
    def finished(self):
        return self.done == len(self.steps)

    # ---- what is known after `done` steps -------------------------------------------------
    def value_known(self, i):
        node = self.nodes[i]
        return node.is_leaf or any(s.node == i for s in self.steps[: min(self.done,
                                                                           self.forward_count)])

    def gradient_so_far(self, i):
        """(∂f/∂node summed over the uses done so far, True when every use is done);
        (None, False) before any."""
        steps = self.steps[self.forward_count: self.done]
        if i == self.root:
            return (1.0, True) if steps else (None, False)
        total, seen = None, 0
        for s in steps:
            if s.kind == "edge" and self.nodes[s.node].inputs[s.position] == i:
                user = self.nodes[s.node]
                total = (total or 0.0) + user.local[s.position] * user.grad
                seen += 1
        return total, seen == len(self.nodes[i].uses) and seen > 0

    def current(self):
        """The step last done, or None."""
        return self.steps[self.done - 1] if self.done else None

    def highlighted(self):
        """Indices of the nodes the last step touched (computed, or gradient flowed)."""
        s = self.current()
        if s is None:
            return ()
        if s.kind == "edge":
            return (s.node, self.nodes[s.node].inputs[s.position])
        return (s.node,)

    # ---- sentences ---------------------------------------------------------------------------
    def sentence(self, step=None, uses="(use {0} of {1})"):
        """The last step in the lecture's notation. `uses`: how a sum's term says which use
        of the input it is (the window passes it translated)."""
        s = step or self.current()
        if s is None:
            return ""
        node = self.nodes[s.node]
        f = self.nodes[self.root].name
        if s.kind == "forward":
            return f"{node.name} = {self.formula(node)} = {self.formula(node, True)} = " \
                   f"{fmt(node.value)}"
        if s.kind == "seed":
            return f"∂{f}/∂{f} = 1"
        child = self.nodes[node.inputs[s.position]]
        local, upstream = node.local[s.position], node.grad
        if s.node == self.root:  # the output's own local derivative: nothing to multiply
            term = f"{fmt(local)}"
        else:
            term = f"∂{f}/∂{node.name} · ∂{node.name}/∂{child.name} = {fmt(upstream)} · " \
                   f"{fmt(local)} = {fmt(upstream * local)}"
        if len(child.uses) == 1:
            return f"∂{f}/∂{child.name} = {term}"
        done_uses = [u for u in self._uses_done(child.index)]
        text = f"∂{f}/∂{child.name} += {term}   " + uses.format(len(done_uses), len(child.uses))
        if len(done_uses) == len(child.uses):
            parts = [self.nodes[u].local[p] * self.nodes[u].grad for u, p in done_uses]
            text += f"   ⇒ ∂{f}/∂{child.name} = {' + '.join(fmt(v) for v in parts)} = " \
                    f"{fmt(child.grad)}"
        return text

    def _uses_done(self, i):
        return [(s.node, s.position) for s in self.steps[self.forward_count: self.done]
                if s.kind == "edge" and self.nodes[s.node].inputs[s.position] == i]

    def formula(self, node, with_values=False):
        """The node's operation on its inputs: "w · x", or "−2 · 5" with values."""
        args = [fmt(self.nodes[j].value) if with_values else self.nodes[j].name
                for j in node.inputs]
        op = node.op
        if op in SYMBOLS:
            return f" {SYMBOLS[op]} ".join(args)
        if op == "neg":
            return f"−{args[0]}"
        if op.startswith("**"):
            return f"{args[0]}^{fmt(float(op[2:]))}"
        return f"{op}({args[0]})"

    def expansion(self, i):
        """The whole chain rule from the output down to node i: a sum over every path of
        the product of the local derivatives along it."""
        f = self.nodes[self.root].name
        target = self.nodes[i]
        if i == self.root:
            return f"∂{f}/∂{f} = 1"
        paths = self._paths(i)
        if not paths:
            return f"∂{f}/∂{target.name} = 0  ({target.name} does not reach {f})"
        if len(paths) > MAX_PATHS:
            parts = [f"∂{f}/∂{self.nodes[u].name}·∂{self.nodes[u].name}/∂{target.name}"
                     for u, _ in target.uses]
            return f"∂{f}/∂{target.name} = {' + '.join(parts)} = {fmt(target.grad)}"
        symbols, numbers = [], []
        for path in paths:  # a path: node indices from the root down to i
            symbols.append("·".join(f"∂{self.nodes[a].name}/∂{self.nodes[b].name}"
                                    for a, b in zip(path, path[1:])))
            numbers.append("·".join(f"({fmt(self._local(a, b))})"
                                    for a, b in zip(path, path[1:])))
        return (f"∂{f}/∂{target.name} = {' + '.join(symbols)} = {' + '.join(numbers)} = "
                f"{fmt(target.grad)}")

    def _local(self, a, b):
        """∂a/∂b over the direct edge(s) from b into a."""
        node = self.nodes[a]
        return sum(loc for j, loc in zip(node.inputs, node.local) if j == b)

    def _paths(self, i, limit=MAX_PATHS + 1):
        paths = []

        def walk(path):
            if len(paths) >= limit:
                return
            last = path[-1]
            if last == i:
                paths.append(path)
                return
            for j in dict.fromkeys(self.nodes[last].inputs):  # each input once
                walk(path + [j])

        walk([self.root])
        return paths

    # ---- gradient descent -------------------------------------------------------------------
    def parameters(self):
        return [n for n in self.nodes if n.kind == "parameter"]

    def values(self):
        """{name: value} of every named leaf."""
        return {n.name: n.value for n in self.nodes if n.kind in ("parameter", "data")}

    def with_values(self, values, parameters=None):
        """The same expression with other leaf values (a new ChainRule at step 0)."""
        if parameters is None:
            parameters = {n.name for n in self.parameters()}
        return ChainRule(parse_expression(self.expression.text, values), parameters)

    def update(self, learning_rate):
        """One step of gradient descent on every parameter leaf, w⁺ = w − γ·∂f/∂w: returns
        the new ChainRule with its forward pass done (and this f as `previous_root_value`),
        and the sentence that says what changed."""
        values = self.values()
        parts = []
        for n in self.parameters():
            new = n.value - learning_rate * n.grad
            parts.append(f"{n.name}⁺ = {fmt(n.value)} − {fmt(learning_rate)}·{fmt(n.grad)} = "
                         f"{fmt(new)}")
            values[n.name] = new
        after = self.with_values(values)
        after.done = after.forward_count
        after.previous_root_value = self.nodes[self.root].value
        f = self.nodes[self.root].name
        sentence = "; ".join(parts) + f";  {f}: {fmt(self.nodes[self.root].value)} → " \
                                      f"{fmt(after.nodes[after.root].value)}"
        return after, sentence


def _names(order, root, root_name):
    """Leaves by their own names (or their number); the root by root_name; the nodes in
    between g, h, u, ... in the order of the forward pass, skipping names already used."""
    used = {v.label for v in order if not v.op} | {root_name}
    free = (c for c in OPERATION_NAMES + "".join(f"n{i}" for i in range(100)) if c not in used)
    names = []
    for v in order:
        if v is root:
            names.append(root_name)
        elif not v.op:
            names.append(v.label)
        else:
            names.append(next(free))
    return names


# ---- layout -----------------------------------------------------------------------------------
NODE_WIDTH, NODE_HEIGHT = 96.0, 50.0
COLUMN_GAP, ROW_GAP = 36.0, 16.0


def layout(nodes):
    """{index: (x, y, width, height)} of every node: a column per depth, left to right;
    within a column the nodes are ordered by where their inputs (or users) stand, so edges
    cross little. Columns and rows are spaced by more than a node: nothing overlaps."""
    columns = {}
    for n in nodes:
        columns.setdefault(n.depth, []).append(n.index)
    row = {i: r for col in columns.values() for r, i in enumerate(col)}
    for _ in range(3):  # a few barycentre sweeps, forward then backward
        for depth in sorted(columns)[1:]:
            col = columns[depth]
            col.sort(key=lambda i: sum(row[j] for j in nodes[i].inputs) / len(nodes[i].inputs))
            row.update({i: r for r, i in enumerate(col)})
        for depth in sorted(columns)[-2::-1]:
            col = columns[depth]
            col.sort(key=lambda i: (sum(row[u] for u, _ in nodes[i].uses) /
                                    max(len(nodes[i].uses), 1)))
            row.update({i: r for r, i in enumerate(col)})
    tallest = max(len(c) for c in columns.values())
    boxes = {}
    for depth, col in columns.items():
        offset = (tallest - len(col)) * (NODE_HEIGHT + ROW_GAP) / 2
        for r, i in enumerate(col):
            boxes[i] = (depth * (NODE_WIDTH + COLUMN_GAP), offset + r * (NODE_HEIGHT + ROW_GAP),
                        NODE_WIDTH, NODE_HEIGHT)
    return boxes


__all__ = ["ChainRule", "ExpressionError", "GraphNode", "Step", "fmt", "layout"]


# ---- presets ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Preset:
    key: str
    title: str  # English; the view translates it
    text: str
    values: dict
    parameters: frozenset  # leaves that Update changes
    sigmoid_of: str | None = None  # a leaf z: compare the chain's ∂/∂z with σ(z)(1 − σ(z))


PRESETS = [
    Preset("lecture", "the lecture: f = w·x + b", "f = w*x + b", {"w": -2, "x": 5, "b": 3},
           frozenset({"w", "b"})),
    Preset("sigmoid", "sigmoid split into steps: 1/(1 + e^(−z))", "s = 1/(1 + exp(-1*z))",
           {"z": 0.5}, frozenset(), sigmoid_of="z"),
    Preset("neuron", "one neuron: σ(w1·x1 + w2·x2 + b)", "p = sigmoid(w1*x1 + w2*x2 + b)",
           {"w1": 0.5, "x1": 1.0, "w2": -1.0, "x2": 2.0, "b": 0.1},
           frozenset({"w1", "w2", "b"})),
    Preset("two_layers", "two layers and a squared error: (y − (w2·tanh(w1·x + b1) + b2))²",
           "e = (y - (w2*tanh(w1*x + b1) + b2))**2",
           {"x": 1.0, "y": 0.5, "w1": 0.8, "b1": 0.1, "w2": -0.6, "b2": 0.2},
           frozenset({"w1", "b1", "w2", "b2"})),
    Preset("shared", "a name used twice: (y − (w·x + b))² + w²", "e = (y - (w*x + b))**2 + w**2",
           {"w": 0.5, "x": 2.0, "b": 0.5, "y": 1.0}, frozenset({"w", "b"})),
]


def sigmoid_check(chain, leaf):
    """(∂root/∂leaf as the chain's product of local derivatives, σ(z)(1 − σ(z)) at the leaf's
    value): equal when the graph is a sigmoid split into steps."""
    import math
    node = next(n for n in chain.nodes if n.name == leaf)
    s = 1 / (1 + math.exp(-node.value))
    return node.grad, s * (1 - s)
