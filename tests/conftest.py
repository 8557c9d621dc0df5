import os

# Qt tests run without a screen.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# One BLAS thread: small matrices are faster, and results do not depend on thread timing.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
