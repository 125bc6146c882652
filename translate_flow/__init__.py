"""translate-flow: carry Markdown articles through gettext translation, byte-exact."""

__version__ = "0.1.0"
