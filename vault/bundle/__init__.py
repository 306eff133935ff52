"""The evidence bundle for police: folder + zip, PDF report, manifest, signed SHA256SUMS.

Headless: never imports Qt.
"""

from vault.bundle.build import build_bundle
from vault.bundle.options import BundleCounts, BundleOptions, BundleResult
from vault.bundle.source import BundleSource
from vault.bundle.verify import Problem, verify_bundle

__all__ = [
    "BundleCounts",
    "BundleOptions",
    "BundleResult",
    "BundleSource",
    "Problem",
    "build_bundle",
    "verify_bundle",
]
