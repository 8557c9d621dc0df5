import os

# Qt tests run without a screen.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# One BLAS thread: small matrices are faster, and results do not depend on thread timing.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from hypothesis import settings  # noqa: E402

# Timing deadlines would make property tests flaky on busy CI machines; every test still
# asserts its property.
settings.register_profile("xorlab", deadline=None)
settings.load_profile("xorlab")
