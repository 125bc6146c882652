"""Configuration: the settings schema, loading and validation, the Hugo site, the init template."""

from translate_flow.config.load import CONFIG_NAME, find_config_file, load_config
from translate_flow.config.model import CheckSettings, Config, PretranslateSettings

__all__ = ["CONFIG_NAME", "CheckSettings", "Config", "PretranslateSettings", "find_config_file", "load_config"]
