"""Configuration: the settings schema, loading and validation, the Hugo site, the init template."""

from translate_flow.config.load import CONFIG_NAME, Config, find_config_file, load_config

__all__ = ["CONFIG_NAME", "Config", "find_config_file", "load_config"]
