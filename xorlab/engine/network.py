"""A fully connected network with hand-written backpropagation.

Forward:   a⁰ = φ(X),   zˡ = aˡ⁻¹·Wˡ + bˡ,   aˡ = fˡ(zˡ),   p = σ(z_out) or softmax(z_out)
Backward:  ∂L/∂zˡ = ∂L/∂aˡ · fˡ'(zˡ)
           ∂L/∂Wˡ = (aˡ⁻¹)ᵀ · ∂L/∂zˡ      ∂L/∂bˡ = Σ_samples ∂L/∂zˡ
           ∂L/∂aˡ⁻¹ = ∂L/∂zˡ · (Wˡ)ᵀ      (the chain rule, one layer back)

All parameters live in one flat float64 vector (weights of every layer first, then biases);
`params` and `grads` are views into it, so an optimizer updates the whole net in one NumPy call
and the per-layer gradient norms cost a single reduction.

φ: the chosen input features (features.py), one column each; the plain (x₁, x₂) by default.
The public methods take points X (n, 2); `train_pass` and `_forward` take a⁰ = φ(X), which
a Trainer computes once for its whole training set. An image network (spec "image":
[rows, columns], the bundled 8×8 digits) takes the pixels themselves, X (n, rows·columns)
with values in [0, 1]: a⁰ = X, no features.

The output layer is spec.output_layer(K): one sigmoid unit for K = 2 classes, K softmax
units for K ≥ 3. Labels are whole numbers 0 … K−1; `targets` turns them into what the loss
compares the output with ((n, 1) of 0 / 1, or (n, K) one-hot).
"""

from __future__ import annotations

import numpy as np

from .activations import ACTIVATIONS, get_activation, max_of_pieces
from .errors import Phrase, XorlabError
from .features import DEFAULT_FEATURES, FeatureError, check_features, feature_matrix
from .initializers import LSUV_MAX_ITER, LSUV_TOL, get_initializer
from .losses import get_loss
from .spec import (
    CLASSES,
    IMAGE_SHAPES,
    INIT_STD_RANGE,
    MAX_HIDDEN_LAYERS,
    MAX_UNITS,
    OUTPUT_LAYER,
    PARAMS,
    SEED_MAX,
    classes_of,
    output_layer,
)


class SpecError(XorlabError):
    """A network spec that cannot be built; the message says what is allowed."""


def _int_in(value, lo, hi, what):
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or not lo <= value <= hi:
        raise SpecError("{what} must be a whole number from {lo} to {hi}, got {value!r}", what=what,
                        lo=lo, hi=hi, value=value)
    return int(value)


def _float_in(value, lo, hi, what):
    try:
        v = float(value)
    except (TypeError, ValueError):
        v = float("nan")
    if isinstance(value, bool) or not (lo <= v <= hi):
        raise SpecError("{what} must be a number from {lo} to {hi}, got {value!r}", what=what,
                        lo=lo, hi=hi, value=value)
    return v


def normalize_layer(layer, where=None):
    """Check one layer dict and fill in its activation's default parameters. `where`: which
    layer it is, said in the errors (a Phrase)."""
    where = Phrase("layer") if where is None else where
    if not isinstance(layer, dict):
        raise SpecError("{where} must be an object like {{'units': 4, 'activation': 'tanh'}}",
                        where=where)
    units = _int_in(layer.get("units"), 1, MAX_UNITS, Phrase("{where} units", where=where))
    name = layer.get("activation", "tanh")
    if not isinstance(name, str) or name not in ACTIVATIONS:
        raise SpecError("{where}: unknown activation {name!r}; allowed: {allowed}", where=where,
                        name=name, allowed=', '.join(ACTIVATIONS))
    out = {"units": units, "activation": name}
    for key, default in ACTIVATIONS[name].params.items():
        try:
            out[key] = PARAMS[key].check(layer.get(key, default), where)
        except ValueError as e:
            raise SpecError(e.template, **e.params) from None
    return out


def _check_image(image):
    """An image spec's [rows, columns] as a list; SpecError unless it is one of IMAGE_SHAPES."""
    if not isinstance(image, (list, tuple)) or tuple(image) not in IMAGE_SHAPES:
        raise SpecError("image must be [rows, columns], one of {allowed}, got {image!r}",
                        allowed=', '.join(str(list(s)) for s in IMAGE_SHAPES), image=image)
    return list(image)


def _output_of(layer, where):
    """The number of classes K of a spec's last layer (SpecError unless it is
    spec.output_layer(K) for some K)."""
    if isinstance(layer, dict):
        k = classes_of({"units": layer.get("units"), "activation": layer.get("activation")})
        if k is not None:
            return k
    raise SpecError("the last layer ({where}) must be the output layer {output} (2 classes) or "
                    "{{'units': K, 'activation': 'softmax'}} for K = {low} … {high} classes",
                    where=where, output=OUTPUT_LAYER, low=CLASSES[0] + 1, high=CLASSES[1])


def normalize_spec(spec):
    """Return a complete, validated copy of a network spec (raises SpecError). A spec of
    points has "features"; a spec of images has "image": [rows, columns] instead (its
    inputs are the pixels) and no features."""
    if not isinstance(spec, dict):
        raise SpecError("a network spec must be a JSON object / dict")
    image = spec.get("image")
    if image is not None:
        image = _check_image(image)
        if spec.get("features", []) != []:
            raise SpecError("an image network takes the pixels as its inputs: no features")
        features, count = (), image[0] * image[1]
        what = Phrase("the pixels of a {rows}×{columns} image", rows=image[0],
                      columns=image[1])
    else:
        try:
            features = check_features(spec.get("features", DEFAULT_FEATURES))
        except FeatureError as e:
            raise SpecError(e.template, **e.params) from None
        count = len(features)
        what = Phrase("the number of features ({count}: {names})", count=count,
                      names=', '.join(features))
    inputs = spec.get("inputs", count)
    if inputs != count or isinstance(inputs, bool):
        raise SpecError("inputs must be {what}, got {inputs!r}", what=what, inputs=inputs)
    layers = spec.get("layers")
    if not isinstance(layers, list) or not layers:
        raise SpecError("layers must be a non-empty list ending with the output layer {output}",
                        output=OUTPUT_LAYER)
    if len(layers) - 1 > MAX_HIDDEN_LAYERS:
        raise SpecError("at most {limit} hidden layers are allowed, got {value}",
                        limit=MAX_HIDDEN_LAYERS, value=len(layers) - 1)
    norm = [normalize_layer(layer, Phrase("layer {number}", number=i + 1))
            for i, layer in enumerate(layers[:-1])]
    norm.append(output_layer(_output_of(layers[-1], Phrase("layer {number}",
                                                           number=len(layers)))))
    init = spec.get("init", "xavier")
    try:
        get_initializer(init)
    except ValueError as e:
        raise SpecError(e.template, **e.params) from None
    out = {"inputs": count, "features": list(features), "layers": norm, "init": init,
           "seed": _int_in(spec.get("seed", 0), 0, SEED_MAX, "seed")}
    if image is not None:
        out["image"] = image
    if init == "normal":
        out["init_std"] = _float_in(spec.get("init_std", 0.1), *INIT_STD_RANGE, "init_std")
    return out


def network_spec(hidden, init="xavier", seed=0, init_std=None, features=DEFAULT_FEATURES,
                 classes=2, image=None):
    """The engine spec of `hidden` layers followed by the output layer of `classes` classes,
    on `features` of points, or on the pixels of an `image` (rows, columns)."""
    if image is not None:
        features = ()
    spec = {"inputs": len(features) if image is None else image[0] * image[1],
            "features": list(features),
            "layers": [dict(layer) for layer in hidden] + [output_layer(classes)],
            "init": init, "seed": seed}
    if image is not None:
        spec["image"] = list(image)
    if init_std is not None:
        spec["init_std"] = init_std
    return spec


class Workspace:
    """Preallocated arrays for one batch size n, reused every step."""

    def __init__(self, n, layers):
        self.n = n
        self.ones = np.ones(n)
        self.z = [np.empty((n, layer.width)) for layer in layers]
        self.a = [np.empty((n, layer.units)) for layer in layers]
        self.dz = [np.empty((n, layer.width)) for layer in layers]
        self.da = [np.empty((n, layer.units)) for layer in layers]
        self.tmp = np.empty((n, 1))
        # the backward pass, output layer first: (layer, input, z, a, ∂L/∂a, ∂L/∂z, ∂L/∂input);
        # input None stands for the batch X; the output layer gets ∂L/∂z from the loss
        last = len(layers) - 1
        self.backward_plan = [
            (layers[i], self.a[i - 1] if i > 0 else None, self.z[i], self.a[i],
             None if i == last else self.da[i], self.dz[i], self.da[i - 1] if i > 0 else None)
            for i in range(last, -1, -1)
        ]


class DenseLayer:
    """out = f(x·W + b);  W (fan_in, units), b (units,)."""

    def __init__(self, fan_in, units, activation, options):
        self.fan_in, self.units, self.width = fan_in, units, units
        self.activation = get_activation(activation)
        self.options = options  # activation parameters, e.g. {"slope": 0.1}
        self.shapes = [(fan_in, units), (units,)]

    def bind(self, W, b, dW, db):
        """Attach views into the network's flat parameter and gradient vectors."""
        self.W, self.b, self.dW, self.db = W, b, dW, db
        # 2-D / 1-D views used by matmul (the same arrays for a dense layer)
        self.W2, self.dW2, self.db2 = W, dW, db

    def forward(self, x, z, a):
        np.dot(x, self.W2, z)
        np.add(z, self.b, z)
        self.activation.forward(z, a, **self.options)

    def backward(self, x, z, a, da, dz, dx, ones):
        """From ∂L/∂a (da) compute ∂L/∂z into dz, ∂L/∂W, ∂L/∂b, and ∂L/∂x into dx (if given)."""
        if da is not None:  # the output layer gets dz straight from the loss
            self.activation.backward(z, a, da, dz, **self.options)
        np.dot(x.T, dz, self.dW2)
        np.dot(ones, dz, self.db2)  # Σ over samples, as one BLAS call (ones · dz)
        if dx is not None:
            np.dot(dz, self.W2.T, dx)


class MaxoutLayer(DenseLayer):
    """out = max over k pieces of (x·W + b);  W (fan_in, units, k), b (units, k)."""

    def __init__(self, fan_in, units, k):
        self.fan_in, self.units, self.k, self.width = fan_in, units, k, units * k
        self.activation = get_activation("maxout")
        self.options = {}
        self.shapes = [(fan_in, units, k), (units, k)]

    def bind(self, W, b, dW, db):
        self.W, self.b, self.dW, self.db = W, b, dW, db
        self.W2 = W.reshape(self.fan_in, self.width)
        self.dW2 = dW.reshape(self.fan_in, self.width)
        self.db2 = db.reshape(self.width)

    def forward(self, x, z, a):
        np.dot(x, self.W2, out=z)
        z += self.b.reshape(-1)
        max_of_pieces(z.reshape(-1, self.units, self.k), a)

    def backward(self, x, z, a, da, dz, dx, ones):
        z3, dz3 = z.reshape(-1, self.units, self.k), dz.reshape(-1, self.units, self.k)
        self.activation.backward(z3, a, da, dz3)
        np.dot(x.T, dz, out=self.dW2)
        np.dot(ones, dz, out=self.db2)
        if dx is not None:
            np.dot(dz, self.W2.T, out=dx)


def _make_layer(fan_in, layer):
    options = {k: v for k, v in layer.items() if k not in ("units", "activation")}
    if layer["activation"] == "maxout":
        return MaxoutLayer(fan_in, layer["units"], options["k"])
    return DenseLayer(fan_in, layer["units"], layer["activation"], options)


class Network:
    """A stack of layers ending in the output layer of K classes: one sigmoid unit
    p = P(y = 1 | x) for K = 2, K softmax units pₖ = P(y = k | x) for K ≥ 3."""

    def __init__(self, spec):
        self.spec = normalize_spec(spec)
        self.features = tuple(self.spec["features"])
        self.image = tuple(self.spec["image"]) if "image" in self.spec else None
        self.classes = classes_of(self.spec["layers"][-1])
        self.layers = []
        fan_in = self.spec["inputs"]
        for layer in self.spec["layers"]:
            self.layers.append(_make_layer(fan_in, layer))
            fan_in = layer["units"]
        w_shapes = [layer.shapes[0] for layer in self.layers]
        b_shapes = [layer.shapes[1] for layer in self.layers]
        sizes = [int(np.prod(s)) for s in w_shapes + b_shapes]
        self.n_weights = sum(sizes[: len(self.layers)])
        self.flat = np.zeros(sum(sizes))
        self.grad_flat = np.zeros_like(self.flat)
        # where each layer's weights start in `flat`, plus where the biases start
        self.segment_starts = np.concatenate([[0], np.cumsum(sizes)[: len(self.layers)]])
        offsets = np.concatenate([[0], np.cumsum(sizes)])
        views, gviews = [], []
        for i, shape in enumerate(w_shapes + b_shapes):
            views.append(self.flat[offsets[i]: offsets[i + 1]].reshape(shape))
            gviews.append(self.grad_flat[offsets[i]: offsets[i + 1]].reshape(shape))
        L = len(self.layers)
        for i, layer in enumerate(self.layers):
            layer.bind(views[i], views[L + i], gviews[i], gviews[L + i])
        # params in the documented order [W1, b1, W2, b2, ...]
        self.params = [p for i in range(L) for p in (views[i], views[L + i])]
        self.grads = [g for i in range(L) for g in (gviews[i], gviews[L + i])]
        self._workspaces = {}

    # ---- construction ------------------------------------------------------------------
    @classmethod
    def from_spec(cls, spec, data=None):
        """Build and initialise a network; `data` (n, inputs) is needed by the LSUV init."""
        net = cls(spec)
        net.init(data)
        return net

    def init(self, data=None):
        """(Re)initialise every weight from the spec's init and seed; biases start at 0.
        `data`: points (n, 2), for the LSUV init."""
        spec = self.spec
        rng = np.random.default_rng(spec["seed"])
        initializer = get_initializer(spec["init"])
        options = {"std": spec["init_std"]} if spec["init"] == "normal" else {}
        for layer in self.layers:
            fan_out = layer.width
            layer.W2[...] = initializer(layer.fan_in, fan_out, rng, **options)
            layer.b[...] = 0.0
        if initializer.needs_data:
            if data is None:
                raise SpecError("the lsuv init needs data: pass data=X (a batch of inputs)")
            self.lsuv_rescale(np.asarray(data, dtype=float))

    def lsuv_rescale(self, X):
        """LSUV (Mishkin & Matas 2016): per layer, W ← W / √Var(z) until |Var(z) − 1| < tol."""
        a = self.inputs_of(X)
        for layer in self.layers:
            for _ in range(LSUV_MAX_ITER):
                z = a @ layer.W2 + layer.b.reshape(-1)
                var = z.var()
                if not np.isfinite(var) or var < 1e-12 or abs(var - 1.0) < LSUV_TOL:
                    break
                layer.W2 /= np.sqrt(var)
            z = a @ layer.W2 + layer.b.reshape(-1)
            a = np.empty((len(X), layer.units))
            self._activate(layer, z, a)
        return self

    @staticmethod
    def _activate(layer, z, a):
        if isinstance(layer, MaxoutLayer):
            max_of_pieces(z.reshape(-1, layer.units, layer.k), a)
        else:
            layer.activation.forward(z, a, **layer.options)

    def copy(self):
        """An independent network with the same spec and weights."""
        twin = Network(self.spec)
        twin.flat[...] = self.flat
        return twin

    # ---- shapes and helpers ------------------------------------------------------------
    @property
    def n_weight_layers(self):
        return len(self.layers)

    @property
    def n_params(self):
        return self.flat.size

    def workspace(self, n):
        ws = self._workspaces.get(n)
        if ws is None:
            if len(self._workspaces) > 8:
                self._workspaces.clear()
            ws = self._workspaces[n] = Workspace(n, self.layers)
        return ws

    def inputs_of(self, X):
        """a⁰ = φ(X): the network's input for the points X (n, 2), one column per feature
        (X itself for the plain x₁, x₂); for an image network the pixels X (n, inputs)."""
        X = np.ascontiguousarray(X, dtype=float)
        width = 2 if self.image is None else self.spec["inputs"]
        if X.ndim != 2 or X.shape[1] != width:
            kind = "points" if self.image is None else "images"
            raise ValueError(f"{kind} must have shape (n, {width}), got {X.shape}")
        return X if self.image is not None else feature_matrix(X, self.features)

    def targets(self, y):
        """What the loss compares the output with, for labels y (n,) of 0 … K−1: (n, 1) of
        0 / 1 for two classes, (n, K) one-hot rows for K ≥ 3."""
        y = np.asarray(y, dtype=float).reshape(-1)
        if self.classes == 2:
            return y.reshape(-1, 1).copy()
        return (y[:, None] == np.arange(self.classes)).astype(float)

    def predictions(self, p):
        """The predicted labels (n,) of the output p: p ≥ 0.5 for two classes (class 1), the
        most probable class for K ≥ 3."""
        if self.classes == 2:
            return (p[:, 0] >= 0.5).astype(np.intp)
        return p.argmax(axis=1)

    # ---- forward and backward ----------------------------------------------------------
    def _forward(self, X, ws):
        """Forward pass of the inputs a⁰ = X (n, inputs: features already applied) into the
        workspace; returns the output probabilities (n, 1), or (n, K) for K ≥ 3 classes."""
        a = X
        for layer, z, out in zip(self.layers, ws.z, ws.a):
            layer.forward(a, z, out)
            a = out
        return a

    def _backward(self, X, ws):
        """Backward pass from ∂L/∂z of the output neuron (in ws.dz[-1]); gradients land in
        grad_flat."""
        ones = ws.ones
        for layer, x, z, a, da, dz, dx in ws.backward_plan:
            layer.backward(X if x is None else x, z, a, da, dz, dx, ones)

    def train_pass(self, X, y, loss_fn, masks=None):
        """One forward + backward pass; returns the mean loss, gradients in `grad_flat`.

        The array-reusing core that `Trainer` calls every step. X is a⁰ = φ(points)
        (`inputs_of`), y the `targets` of the labels: (n, 1), or (n, K) for K ≥ 3 classes.
        masks: None, or dropout's scaled masks, one a layer (None where a layer has none):
        see "dropout" below.
        """
        ws = self._workspaces.get(X.shape[0]) or self.workspace(X.shape[0])
        p = self._forward(X, ws) if masks is None else self._forward_dropped(X, ws, masks)
        loss = loss_fn(ws.z[-1], p, y, ws.dz[-1], ws.tmp)
        if masks is None:
            self._backward(X, ws)
        else:
            self._backward_dropped(ws, masks)
        return loss

    # ---- dropout (training only; engine/schedule.py) -------------------------------------
    def _forward_dropped(self, X, ws, masks):
        """The forward pass with layer l's output multiplied by masks[l] (m/(1 − p)): the
        next layer sees ãˡ = aˡ·mˡ; ws.a keeps the unmasked aˡ = f(zˡ) for the backward."""
        ws.inputs = []
        a = X
        for layer, z, out, m in zip(self.layers, ws.z, ws.a, masks):
            ws.inputs.append(a)
            layer.forward(a, z, out)
            a = out if m is None else out * m
        return a

    def _backward_dropped(self, ws, masks):
        """The backward pass through the same masks: ∂L/∂aˡ = ∂L/∂ãˡ · mˡ."""
        last = len(self.layers) - 1
        for i in range(last, -1, -1):
            da = None if i == last else ws.da[i]
            if da is not None and masks[i] is not None:
                da *= masks[i]
            self.layers[i].backward(ws.inputs[i], ws.z[i], ws.a[i], da, ws.dz[i],
                                    ws.da[i - 1] if i > 0 else None, ws.ones)

    def forward(self, X):
        """P(y = 1 | x) for every point (row) of X (n, 2), shape (n, 1); for K ≥ 3 classes
        P(y = k | x), shape (n, K)."""
        X = self.inputs_of(X)
        return self._forward(X, self.workspace(X.shape[0])).copy()

    def layer_outputs(self, X):
        """The activations aˡ of every layer (hidden layers, then the output), as copies."""
        X = self.inputs_of(X)
        ws = self.workspace(X.shape[0])
        self._forward(X, ws)
        return [a.copy() for a in ws.a]

    def loss_and_grads(self, X, y, loss="bce", l1=0.0, l2=0.0, masks=None):
        """Mean loss and ∂L/∂θ for every array in `params` (copies, same order).

        With l1/l2 > 0 the penalty l1·Σ|W| + (l2/2)·Σ W² on the weights is included;
        masks: fixed dropout masks (train_pass).
        """
        X = self.inputs_of(X)
        value = self.train_pass(X, self.targets(y), get_loss(loss, self.classes), masks)
        value += add_penalty(self.flat[: self.n_weights], self.grad_flat[: self.n_weights], l1, l2)
        return value, [g.copy() for g in self.grads]

    # ---- pictures over the input square ----------------------------------------------------
    def decision_grid(self, resolution=100, extent=(-1.0, 1.0)):
        """P(y = 1) over an R×R grid of the square extent², in one vectorised pass.

        Returns (R, R) with row i at x2 = ys[i] and column j at x1 = xs[j] (ys, xs ascending).
        """
        return self._forward(*self._grid(resolution, extent))[:, 0].reshape(
            resolution, resolution).copy()

    def neuron_grids(self, resolution=100, extent=(-1.0, 1.0)):
        """Every hidden neuron's output over the same grid: a list (per hidden layer) of
        arrays (units, R, R)."""
        self._forward(*self._grid(resolution, extent))
        ws = self.workspace(resolution * resolution)
        return [a.T.reshape(-1, resolution, resolution).copy() for a in ws.a[:-1]]

    def unit_grid(self, resolution=100, extent=(-1.0, 1.0), layer=-1, unit=0):
        """One unit's output a and pre-activation z over the grid of `decision_grid`, each
        (R, R): layer −1 (the default) is the output neuron, a = p and z its logit. A maxout
        unit has k pre-activations, so its z is None."""
        pts, ws = self._grid(resolution, extent)
        self._forward(pts, ws)
        shape = (resolution, resolution)
        a = ws.a[layer][:, unit].reshape(shape).copy()
        if isinstance(self.layers[layer], MaxoutLayer):
            return a, None
        return a, ws.z[layer][:, unit].reshape(shape).copy()

    def _grid(self, resolution, extent):
        key = ("grid", resolution, tuple(extent))
        pts = self._workspaces.get(key)
        if self.image is not None:
            raise ValueError("an image network has no picture over the (x1, x2) plane")
        if pts is None:  # the grid passes through the same features as the data
            pts = self._workspaces[key] = self.inputs_of(grid_points(resolution, extent))
        return pts, self.workspace(len(pts))


def grid_points(resolution, extent):
    """The (R², 2) points of an R×R grid, x1 varying fastest."""
    lo, hi = extent
    t = np.linspace(lo, hi, resolution)
    x1, x2 = np.meshgrid(t, t)
    return np.column_stack([x1.ravel(), x2.ravel()])


def add_penalty(w, gw, l1, l2):
    """Add the L1/L2 weight penalty to the gradient gw in place; return the penalty value."""
    value = 0.0
    if l1:
        gw += l1 * np.sign(w)
        value += l1 * float(np.abs(w).sum())
    if l2:
        gw += l2 * w
        value += 0.5 * l2 * float(np.vdot(w, w))
    return value
