import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from xorlab.engine import ACTIVATIONS, get_activation

ELEMENTWISE = [name for name in ACTIVATIONS if name != "maxout"]


@pytest.mark.parametrize("name", ELEMENTWISE)
@settings(max_examples=50, deadline=None)
@given(z=st.floats(-6, 6).filter(lambda v: abs(v) > 1e-3))
def test_derivative_matches_central_difference(name, z):
    act = get_activation(name)
    eps = 1e-6
    numeric = (act.f(np.array([z + eps])) - act.f(np.array([z - eps]))) / (2 * eps)
    assert act.df(np.array([z]))[0] == pytest.approx(numeric[0], rel=1e-6, abs=1e-8)


def test_known_values():
    z = np.array([-2.0, 0.0, 3.0])
    assert np.allclose(get_activation("sigmoid").f(z), 1 / (1 + np.exp(-z)))
    assert np.allclose(get_activation("relu").f(z), [0, 0, 3])
    assert np.allclose(get_activation("leaky_relu").f(z), [-0.2, 0, 3])  # max(0.1x, x)
    assert np.allclose(get_activation("vlrelu").f(z), [-2 / 3, 0, 3])
    assert np.allclose(get_activation("elu").f(z), [np.exp(-2) - 1, 0, 3])
    assert np.allclose(get_activation("leaky_relu").f(z, slope=0.5), [-1, 0, 3])


def test_sigmoid_is_stable_for_huge_inputs():
    s = get_activation("sigmoid")
    with np.errstate(all="raise"):
        out = s.f(np.array([-1e308, 1e308]))
    assert out.tolist() == [0.0, 1.0]


def test_unknown_activation_lists_allowed_names():
    with pytest.raises(ValueError, match="allowed: linear, sigmoid"):
        get_activation("gelu")


def test_maxout_backward_routes_gradient_to_largest_piece():
    act = get_activation("maxout")
    z = np.array([[[1.0, 3.0], [5.0, -1.0]]])
    a = act.forward(z, np.empty((1, 2)))
    assert a.tolist() == [[3.0, 5.0]]
    dz = act.backward(z, a, np.array([[2.0, 7.0]]), np.empty_like(z))
    assert dz.tolist() == [[[0.0, 2.0], [7.0, 0.0]]]
