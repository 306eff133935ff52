"""Evidence Vault core: encrypted storage, evidence model, custody log, bundle. No Qt here."""

__version__ = "0.1.0"
