"""config/load.py: each table's validator, the values it yields, and the Hugo site's part."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import write_tree
from translate_flow.config.load import CONFIG_NAME, find_config_file, load_config
from translate_flow.config.model import (
    CheckSettings,
    Config,
    DataSettings,
    I18nSettings,
    PretranslateSettings,
    SiteFolders,
)
from translate_flow.config.rules import MAX_ARTICLE_LIMIT, MIN_WRAP
from translate_flow.document.hugo_markup import DEFAULT_MATH
from translate_flow.document.shortcode_params import BUILT_IN
from translate_flow.errors import ConfigError


def _error(root: Path, text: str, name: str = CONFIG_NAME) -> ConfigError:
    write_tree(root, {name: text})
    with pytest.raises(ConfigError) as caught:
        load_config(root)
    assert caught.value.exit_code == 2
    return caught.value


def _assert_error(root: Path, text: str, line: int | None, message: str, name: str = CONFIG_NAME) -> None:
    error = _error(root, text, name)
    assert (error.path, error.line, error.message) == (str(root.resolve() / name), line, message)


def test_defaults_without_a_file(project: Path) -> None:
    config = load_config(project)
    assert (config.content_dir, config.locales_dir, config.source_language) == ("content", "locales", "en")
    assert (config.min_percent, config.wrap, config.fuzzy_threshold) == (80.0, 0, 0.6)
    assert (config.layout, config.languages, config.source) == ("filename", (), None)


def test_no_file_gives_the_dataclass_defaults(project: Path) -> None:
    # Only the project name is not a constant: it is the folder's.
    assert load_config(project) == Config(root=project.resolve(), project_name=project.name)


def test_an_empty_file_gives_the_same_settings(project: Path) -> None:
    write_tree(project, {CONFIG_NAME: ""})
    expected = Config(root=project.resolve(), source=project.resolve() / CONFIG_NAME, project_name=project.name)
    assert load_config(project) == expected


def test_every_key_set_is_read_and_converted(project: Path) -> None:
    write_tree(
        project,
        {
            CONFIG_NAME: (
                'content_dir = "articles"\nlocales_dir = "po"\nsource_language = "zh_cn"\n'
                'languages = ["fr", "pt_br", "fr"]\nlayout = "directory"\nmin_percent = 50\nwrap = 76\n'
                'fuzzy_threshold = 1\nlock_timeout = 0\nproject_name = "Docs"\nmax_article_bytes = 1\n'
                '[front_matter]\ntranslate = ["title", "params.sub"]\n'
                '[pretranslate]\nengines = ["libre", "memory"]\ntimeout = 5\nretries = 0\nbackoff = 0.5\n'
                'jobs = 1\nrate_limit = 2\ncache = "cache/mt.db"\n'
                '[engines.libre]\nurl = "http://127.0.0.1:9/"\n'
                '[check]\nfail_on = ["broken", "link"]\nmin_percent = 90\ndisable = ["copy"]\n'
                "[check.languages.pt-br]\nmin_percent = 70\n"
            )
        },
    )
    config = load_config(project)
    assert (config.content_dir, config.locales_dir, config.source_language) == ("articles", "po", "zh-CN")
    assert config.languages == ("fr", "pt-BR")  # canonical, each once
    assert (config.layout, config.min_percent, config.wrap, config.fuzzy_threshold) == ("directory", 50.0, 76, 1.0)
    assert isinstance(config.min_percent, float) and isinstance(config.lock_timeout, float)
    assert (config.project_name, config.max_article_bytes) == ("Docs", 1)
    assert config.front_matter_keys == ("title", "params.sub")
    assert config.pretranslate == PretranslateSettings(("libre", "memory"), 5.0, 0, 0.5, 1, 2.0, "cache/mt.db")
    assert config.engines == {"libre": {"url": "http://127.0.0.1:9/"}}
    assert config.check == CheckSettings(("broken", "link"), 90.0, {"pt-BR": 70.0}, ("copy",))


def test_pyproject_table(project: Path) -> None:
    write_tree(project, {"pyproject.toml": '[tool.translate-flow]\nlanguages = ["zh_cn"]\nmin_percent = 50\n'})
    config = load_config(project)
    assert config.languages == ("zh-CN",) and config.min_percent == 50
    assert config.source == project.resolve() / "pyproject.toml"


def test_own_file_wins_over_pyproject(project: Path) -> None:
    write_tree(project, {CONFIG_NAME: 'languages = ["de"]\n', "pyproject.toml": "[tool.translate-flow]\nwrap = 1\n"})
    assert load_config(project).languages == ("de",)


@pytest.mark.parametrize("text", ["", "[project]\nname = 'x'\n", "tool = 1\n", "[tool.black]\nline-length = 80\n"])
def test_pyproject_without_our_table_is_no_config(project: Path, text: str) -> None:
    write_tree(project, {"pyproject.toml": text})
    assert find_config_file(project) is None
    assert load_config(project).source is None


def test_pyproject_table_that_is_not_a_table(project: Path) -> None:
    error = _error(project, '[tool]\ntranslate-flow = "yes"\n', "pyproject.toml")
    assert str(error) == f"{project / 'pyproject.toml'}: [tool.translate-flow] must be a table"


def test_root_that_is_not_a_directory(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    with pytest.raises(ConfigError) as caught:
        load_config(tmp_path / "file")
    assert str(caught.value) == f"{tmp_path / 'file'}: project root is not a directory"


def test_unreadable_and_invalid_files(project: Path) -> None:
    write_tree(project, {CONFIG_NAME: b"wrap = \xff\n"})
    with pytest.raises(ConfigError) as caught:
        load_config(project)
    assert caught.value.message.startswith("cannot read: ") and caught.value.line is None
    error = _error(project, "languages = []\nmin_percent = \n")
    assert error.line == 2 and error.message.startswith("invalid TOML: ")


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("languages = []\nnope = 1\n", 2, "unknown key 'nope'"),
        ('languages = []\nwrap = "x"\n', 2, "'wrap' must be an integer"),
        ("languages = []\n\n\nwrap = 1.5\n", 4, "'wrap' must be an integer"),
        ("min_percent = true\n", 1, "'min_percent' must be a number"),
        ('languages = "en"\n', 1, "'languages' must be a list of strings"),
        ('languages = ["en", 1]\n', 1, "'languages' must be a list of strings"),
        ("check = 1\n", 1, "'check' must be a table"),
        ('content_dir = "c"\nbogus = 1\n', 2, "unknown key 'bogus'"),
        ('languages = ["en", "xx-bad"]\n', 1, "'languages': unknown language code 'xx-bad'"),
        ('languages = ["xx-notalanguage"]\n', 1, "'languages': unknown language code 'xx-notalanguage'"),
        ('wrap = 0\nsource_language = "klingon"\n', 2, "'source_language': unknown language code 'klingon'"),
        ('layout = "flat"\n', 1, "'layout' must be one of filename, directory, docusaurus, not 'flat'"),
        ("min_percent = 100.5\n", 1, "'min_percent' must be between 0 and 100"),
        ("min_percent = -1\n", 1, "'min_percent' must be between 0 and 100"),
        ("min_percent = nan\n", 1, "'min_percent' must be between 0 and 100"),
        (f"wrap = {MIN_WRAP - 1}\n", 1, f"'wrap' must be 0 (no wrapping) or a width of at least {MIN_WRAP}"),
        ("wrap = -1\n", 1, f"'wrap' must be 0 (no wrapping) or a width of at least {MIN_WRAP}"),
        ("fuzzy_threshold = 0\n", 1, "'fuzzy_threshold' must be above 0 and at most 1"),
        ("fuzzy_threshold = 1.01\n", 1, "'fuzzy_threshold' must be above 0 and at most 1"),
        ("lock_timeout = -0.5\n", 1, "'lock_timeout' must not be negative"),
        ('content_dir = "../outside"\n', 1, "'content_dir' must be a relative path inside the project"),
        ('content_dir = ""\n', 1, "'content_dir' must be a relative path inside the project"),
        ('locales_dir = "/etc"\n', 1, "'locales_dir' must be a relative path inside the project"),
        ("max_article_bytes = 0\n", 1, f"'max_article_bytes' must be between 1 and {MAX_ARTICLE_LIMIT}"),
        (f"max_article_bytes = {MAX_ARTICLE_LIMIT + 1}\n", 1, "'max_article_bytes' must be between 1 and 1073741824"),
        ('project_name = "a\\tb"\n', 1, "'project_name' must not hold line breaks or control characters"),
        ('hugo_config = "/etc/hugo.toml"\n', 1, "'hugo_config': /etc/hugo.toml is not inside the project"),
        ('hugo_config = "site.toml"\n', 1, "'hugo_config': site.toml does not exist"),
    ],
)
def test_top_level_errors(project: Path, text: str, line: int, message: str) -> None:
    _assert_error(project, text, line, message)


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ('[front_matter]\ntranslate = ["title"]\nextra = 1\n', 3, "unknown key 'front_matter.extra'"),
        ('[front_matter]\ntranslate = "title"\n', 2, "'front_matter.translate' must be a list of strings"),
    ],
)
def test_front_matter_errors(project: Path, text: str, line: int, message: str) -> None:
    _assert_error(project, text, line, message)


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("[pretranslate]\nspeed = 1\n", 2, "unknown key 'pretranslate.speed'"),
        ('[pretranslate]\nengines = "memory"\n', 2, "'pretranslate.engines' must be a list of strings"),
        ("[pretranslate]\njobs = 2.5\n", 2, "'pretranslate.jobs' must be an integer"),
        ("[pretranslate]\ntimeout = 0\n", 2, "'pretranslate.timeout' is out of range"),
        ("[pretranslate]\njobs = 0\n", 2, "'pretranslate.jobs' is out of range"),
        ("[pretranslate]\nretries = -1\n", 2, "'pretranslate.retries' is out of range"),
        ("[pretranslate]\nbackoff = -0.5\n", 2, "'pretranslate.backoff' is out of range"),
        ("[pretranslate]\nrate_limit = -1\n", 2, "'pretranslate.rate_limit' is out of range"),
        (
            '[pretranslate]\ncache = "/tmp/mt.db"\n',
            2,
            "'pretranslate.cache' must be a relative path inside the project",
        ),
        (
            '[pretranslate]\ncache = "a/../../mt.db"\n',
            2,
            "'pretranslate.cache' must be a relative path inside the project",
        ),
    ],
)
def test_pretranslate_errors(project: Path, text: str, line: int, message: str) -> None:
    _assert_error(project, text, line, message)


def test_engines_must_be_tables(project: Path) -> None:
    _assert_error(
        project, '[pretranslate]\nengines = ["deepl"]\n[engines]\ndeepl = 1\n', 4, "'engines.deepl' must be a table"
    )


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("[check]\nstrict = true\n", 2, "unknown key 'check.strict'"),
        ('[check]\nfail_on = ["nope"]\n', 2, "'check.fail_on': unknown check 'nope'"),
        ('[check]\ndisable = ["link", "nope"]\n', 2, "'check.disable': unknown check 'nope'"),
        ("[check]\nlanguages = 1\n", 2, "'check.languages' must be a table"),
        # The key's own table gives the line, not the first min_percent of the file.
        ('min_percent = 50\n[check]\nmin_percent = "x"\n', 3, "'check.min_percent' must be a number"),
    ],
)
def test_check_errors(project: Path, text: str, line: int, message: str) -> None:
    _assert_error(project, text, line, message)


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ('min_percent = 50\n[check.languages.fr]\nmin_percent = "high"\n', 3),
        ("[check.languages.fr]\nmin = 5\n", 1),
        ("[check.languages.fr]\nmin_percent = true\n", 2),
        ("[check.languages]\nde = {min_percent = 5}\nfr = 5\n", 3),
    ],
)
def test_check_languages_errors(project: Path, text: str, line: int) -> None:
    _assert_error(project, text, line, "'check.languages.fr' must be a table with a number 'min_percent'")


def test_check_languages_codes(project: Path) -> None:
    text = "[check.languages.klingon]\nmin_percent = 5\n"
    _assert_error(project, text, 1, "'check.languages': unknown language code 'klingon'")


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("[language_keys]\nfr = 1\n", 2, "'language_keys.fr' must be a string"),
        ('[language_keys]\nfr = ""\n', 2, "'language_keys.fr' must be a string"),
        ('[language_keys]\n"zh-CN" = 5\n', 2, "'language_keys.zh-CN' must be a string"),
        (
            '[language_keys]\nde = "de"\nfr = "../../etc"\n',
            3,
            "'language_keys.fr': '../../etc' is not a usable language key (letters, digits, - and _)",
        ),
        ('[language_keys]\nxx-bad = "x"\n', 2, "'language_keys': unknown language code 'xx-bad'"),
    ],
)
def test_language_keys_errors(project: Path, text: str, line: int, message: str) -> None:
    _assert_error(project, text, line, message)


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("[content_dirs]\nfr = 1\n", 2, "'content_dirs.fr' must be a string"),
        ('[content_dirs]\nfr = "../fr"\n', 2, "'content_dirs.fr' must be a relative path inside the project"),
        ('[content_dirs]\nklingon = "content/x"\n', 2, "'content_dirs': unknown language code 'klingon'"),
    ],
)
def test_content_dirs_errors(project: Path, text: str, line: int, message: str) -> None:
    _assert_error(project, text, line, message)


def test_shortcodes_extend_and_override_the_built_in_parameters(project: Path) -> None:
    text = '[shortcodes]\nnote = ["title"]\ncard = ["subtitle"]\n"blocks/cover" = []\nstep = ["label", 1, 0]\n'
    write_tree(project, {CONFIG_NAME: text})
    shortcodes = load_config(project).shortcodes
    assert shortcodes.keys("note") == ("title",)
    assert shortcodes.keys("card") == ("subtitle",)
    assert shortcodes.keys("blocks/cover") == ()
    assert shortcodes.keys("step") == ("label", 1, 0)
    assert shortcodes.keys("figure") == BUILT_IN.keys("figure") == ("alt", "title", "caption", "attr")


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        (
            '[shortcodes]\ncard = "title"\n',
            2,
            "'shortcodes.card' must be a list of parameter names and positions (0, 1…)",
        ),
        (
            "[shortcodes]\nx = 1\ncard = [-1]\n",
            2,
            "'shortcodes.x' must be a list of parameter names and positions (0, 1…)",
        ),
        ("[shortcodes]\ncard = [-1]\n", 2, "'shortcodes.card' must be a list of parameter names and positions (0, 1…)"),
        ('[shortcodes]\ncard = [""]\n', 2, "'shortcodes.card' must be a list of parameter names and positions (0, 1…)"),
        (
            "[shortcodes]\ncard = [true]\n",
            2,
            "'shortcodes.card' must be a list of parameter names and positions (0, 1…)",
        ),
        (
            '[shortcodes]\n"a/b" = [1.5]\n',
            2,
            "'shortcodes.a/b' must be a list of parameter names and positions (0, 1…)",
        ),
        ('[shortcodes]\ntab = ["name", "0"]\n', 2, "'shortcodes.tab': write the position 0 as a number, not \"0\""),
        ("shortcodes = 3\n", 1, "'shortcodes' must be a table"),
    ],
)
def test_shortcodes_errors(project: Path, text: str, line: int, message: str) -> None:
    _assert_error(project, text, line, message)


def test_content_dirs_may_not_leave_through_a_link(project: Path, tmp_path: Path) -> None:
    (project / "out").symlink_to(tmp_path)
    text = '[content_dirs]\nfr = "out/fr"\n'
    _assert_error(project, text, 2, "'content_dirs.fr' must be a relative path inside the project")


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ('[tool.translate-flow]\nlanguages = ["fr"]\nwrap = 3\n', 3, "'wrap' must be 0"),
        ("[tool.other]\nwrap = 1\n[tool.translate-flow]\nwrap = 3\n", 4, "'wrap' must be 0"),
        ("[tool.translate-flow.pretranslate]\n\njobs = 0\n", 3, "'pretranslate.jobs' is out of range"),
    ],
)
def test_lines_in_pyproject(project: Path, text: str, line: int, message: str) -> None:
    error = _error(project, text, "pyproject.toml")
    assert error.line == line and error.message.startswith(message)


def _hugo(root: Path, text: str, config: str = "") -> Config:
    write_tree(root, {"hugo.toml": text, **({CONFIG_NAME: config} if config else {})})
    return load_config(root)


def test_hugo_site_gives_source_language_keys_and_layout(project: Path) -> None:
    config = _hugo(
        project,
        'defaultContentLanguage = "zh-cn"\n[languages.zh-cn]\ncontentDir = "content/zh"\nweight = 1\n'
        '[languages.en]\ncontentDir = "content/en"\nweight = 2\n'
        "[markup.goldmark.extensions.passthrough]\nenable = true\ndelimiters.inline = [['\\(', '\\)']]\n",
    )
    assert (config.source_language, config.layout, config.hugo_config) == ("zh-CN", "directory", "hugo.toml")
    assert config.language_keys == {"zh-CN": "zh-cn", "en": "en"}
    assert config.language_dirs == {"zh-CN": "content/zh", "en": "content/en"}
    assert config.math.inline == (("\\(", "\\)"),) and config.languages == ()


def test_hugo_site_without_content_dirs_keeps_the_filename_layout(project: Path) -> None:
    config = _hugo(project, 'defaultContentLanguage = "fr"\n[languages.fr]\n[languages.de]\n')
    assert (config.source_language, config.layout) == ("fr", "filename")
    assert config.language_dirs == {} and config.math == DEFAULT_MATH


def test_the_file_overrides_the_hugo_site(project: Path) -> None:
    config = _hugo(
        project,
        'defaultContentLanguage = "en"\n[languages.en]\ncontentDir = "content/en"\n[languages.chinese]\nlocale = "zh-CN"\n',
        'source_language = "de"\nlayout = "filename"\n[language_keys]\nzh-CN = "zh"\n[content_dirs]\nen = "english"\n',
    )
    assert (config.source_language, config.layout) == ("de", "filename")
    assert config.language_keys == {"en": "en", "zh-CN": "zh"}
    assert config.language_dirs == {"en": "english"}


def test_hugo_config_names_the_site_or_none(project: Path) -> None:
    write_tree(
        project, {"site/hugo.yaml": "defaultContentLanguage: fr\n", "hugo.toml": 'defaultContentLanguage = "de"\n'}
    )
    assert load_config(project).source_language == "de"
    write_tree(project, {CONFIG_NAME: 'hugo_config = "site/hugo.yaml"\n'})
    config = load_config(project)
    assert (config.source_language, config.hugo_config) == ("fr", "site/hugo.yaml")
    write_tree(project, {CONFIG_NAME: 'hugo_config = ""\n'})
    config = load_config(project)
    assert (config.source_language, config.hugo_config, config.language_keys) == ("en", None, {})


def test_hugo_language_errors_name_the_site_file(project: Path) -> None:
    write_tree(project, {"hugo.toml": '[languages.en]\ncontentDir = "../out"\n'})
    with pytest.raises(ConfigError) as caught:
        load_config(project)
    assert str(caught.value) == f"{project / 'hugo.toml'}: languages.en.contentDir must be inside the project"
    write_tree(project, {"hugo.toml": '[languages."fr x"]\nlocale = "fr"\n'})
    with pytest.raises(ConfigError) as caught:
        load_config(project)
    expected = "'languages.fr x': 'fr x' is not a usable language key (letters, digits, - and _)"
    assert str(caught.value) == f"{project / 'hugo.toml'}: {expected}"


def test_unknown_hugo_default_language_is_a_config_error(project: Path) -> None:
    write_tree(project, {"hugo.toml": 'defaultContentLanguage = "klingon"\n'})
    with pytest.raises(ConfigError) as caught:
        load_config(project)
    assert str(caught.value) == f"{project / 'hugo.toml'}: defaultContentLanguage: unknown language code 'klingon'"
    # A source language of its own makes the site's default irrelevant.
    write_tree(project, {CONFIG_NAME: 'source_language = "en"\n'})
    assert load_config(project).source_language == "en"


def test_i18n_and_data_tables(project: Path) -> None:
    config = load_config(project)
    assert config.i18n == I18nSettings(True, True) and config.data == DataSettings("suffix", {})
    write_tree(
        project,
        {
            CONFIG_NAME: '[i18n]\ntranslate = false\nthemes = false\n[data]\noutput = "folder"\n'
            '"en/*.yaml" = ["terms.*.definition", "title"]\n'
        },
    )
    config = load_config(project)
    assert config.i18n == I18nSettings(False, False)
    assert config.data == DataSettings("folder", {"en/*.yaml": ("terms.*.definition", "title")})


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ('[i18n]\ntranslate = "yes"\n', 2, "'i18n.translate' must be true or false"),
        ("[i18n]\nthemes = 1\n", 2, "'i18n.themes' must be true or false"),
        ("[i18n]\nfiles = []\n", 2, "unknown key 'i18n.files'"),
        ('[data]\noutput = "beside"\n', 2, "'data.output' must be one of suffix, folder, not 'beside'"),
        ('[data]\n"a.yaml" = "title"\n', 2, "'data.a.yaml' must be a list of key paths"),
        ('[data]\n"a.yaml" = []\n', 2, "'data.a.yaml' must be a list of key paths"),
        ('[data]\n"a.yaml" = [""]\n', 2, "'data.a.yaml' must be a list of key paths"),
        ('[data]\n"../a.yaml" = ["x"]\n', 2, "'data.../a.yaml': the glob must be relative to the data folder"),
        ("[data]\nmin_percent = 5\n", 2, "'data.min_percent' must be a list of key paths"),
    ],
)
def test_i18n_and_data_errors(project: Path, text: str, line: int, message: str) -> None:
    _assert_error(project, text, line, message)


def test_hugo_site_folders_and_themes(project: Path) -> None:
    assert load_config(project).folders == SiteFolders()
    write_tree(project, {"themes/a/theme.toml": "", "lib/b/theme.toml": ""})
    assert _hugo(project, 'theme = "a"\n').folders == SiteFolders("i18n", "data", ("themes/a",))
    config = _hugo(project, 'theme = ["b", "gone"]\nthemesDir = "lib"\ni18nDir = "strings"\ndataDir = "d"\n')
    # A theme without a folder (a Hugo module, or not installed) is left out.
    assert config.folders == SiteFolders("strings", "d", ("lib/b",))


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('i18nDir = "../x"\n', "i18ndir must be a folder inside the project"),
        ("dataDir = 3\n", "datadir must be a folder name"),
        ("theme = [1]\n", "theme must be a theme name or a list of them"),
    ],
)
def test_hugo_site_folder_errors(project: Path, text: str, message: str) -> None:
    write_tree(project, {"hugo.toml": text})
    with pytest.raises(ConfigError) as caught:
        load_config(project)
    assert str(caught.value) == f"{project / 'hugo.toml'}: {message}"
