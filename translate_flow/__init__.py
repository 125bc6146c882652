"""translate-flow: carry Markdown articles through gettext translation, byte-exact."""

__version__ = "0.2.0"
