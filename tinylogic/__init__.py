"""tinylogic: post-train small verifiable reasoners with the Spectrum-to-Signal recipe."""

__version__ = "0.1.0"
