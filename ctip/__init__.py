"""ctip: counter-trafficking-in-persons information system for Vietnam's provinces."""

__version__ = "0.1.0"
