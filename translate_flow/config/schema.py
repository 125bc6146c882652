"""The settings schema: each TOML key once, with its table, type, default, rule and comment.

The dataclass defaults (``model.py``), the loader (``load.py``) and the commented file
that ``init`` writes (``template.py``) all read these declarations, so a default is
written in one place only.
"""

from __future__ import annotations

from typing import Any

from translate_flow.config import rules
from translate_flow.config.key_types import BOOLEAN, INTEGER, NUMBER, STRING, STRINGS, Key, Table
from translate_flow.qa.names import CATEGORIES, DEFAULT_FAIL_ON

LAYOUTS = ("filename", "directory", "docusaurus")
"""The ways of naming translated articles."""
DATA_OUTPUTS = ("suffix", "folder")
"""The two ways of naming translated data files."""
_DEFAULT_GATE = ", ".join(name for name in CATEGORIES if name in DEFAULT_FAIL_ON)

# The top level.
CONTENT_DIR = Key(
    "", "content_dir", STRING, "content", "Where the source articles live, relative to this file.", rules.in_project
)
LOCALES_DIR = Key(
    "",
    "locales_dir",
    STRING,
    "locales",
    "Where PO files (locales/<lang>/…) and POT templates (locales/templates/…) go.",
    rules.in_project,
)
SOURCE_LANGUAGE = Key(
    "",
    "source_language",
    STRING,
    "en",
    "Language of articles whose front matter has no `lang` and whose file name has no\n"
    "language suffix (post.fr.md). Default: the Hugo site's default language, else en.",
    convert=rules.language_code,
)
LANGUAGES: Key[tuple[str, ...]] = Key(
    "",
    "languages",
    STRINGS,
    (),
    "Target languages of every article, in addition to each article's own\n"
    "`translations` front-matter list. An article is never translated into its own language.",
    convert=rules.language_codes,
)
LAYOUT = Key(
    "",
    "layout",
    STRING,
    "filename",
    '"filename": post.md is translated to post.<lang>.md beside it.\n'
    '"directory": content/<source key>/post.md is translated to content/<target key>/post.md.\n'
    '"docusaurus": docs/, blog/ and src/pages/ are translated into i18n/<key>/docusaurus-plugin-content-*/.\n'
    'Default: "directory" when the Hugo site gives its languages content directories.',
    rules.one_of(*LAYOUTS),
)
DIALECTS = ("hugo", "mkdocs", "docusaurus", "jekyll", "hexo", "commonmark")
"""The Markdown dialects (``document/dialects.py``)."""
DIALECT = Key(
    "",
    "dialect",
    STRING,
    "hugo",
    "The site generator's Markdown: what is markup and what is text to translate.\n"
    '"hugo" (shortcodes, attributes), "mkdocs" (Material: admonitions, content tabs, icons,\n'
    'keys, attribute lists, snippets), "docusaurus" (MDX: imports, {expressions}, :::\n'
    'admonitions; Astro Starlight too), "jekyll" and "hexo" (Liquid tags, kramdown\n'
    'attributes, tag plugins) or "commonmark". Default: hugo; init reads it from the site.',
    rules.one_of(*DIALECTS),
)
EXCLUDE: Key[tuple[str, ...]] = Key(
    "",
    "exclude",
    STRINGS,
    (),
    "Files and folders translate-flow leaves alone (never sources, never outputs): globs\n"
    "relative to this file, where * and ? stay in one name and ** spans folders. A folder\n"
    'that matches leaves out everything in it, e.g. ["content/drafts", "content/**/_*.md"].\n'
    "--exclude GLOB on a command adds more for that run.",
    rules.globs,
)
MIN_PERCENT = Key(
    "",
    "min_percent",
    NUMBER,
    80.0,
    "merge writes a translated article only when at least this percentage of its\n"
    "segments is translated (fuzzy entries count as untranslated).",
    rules.between(0, 100),
)
CATALOGS = Key(
    "",
    "catalogs",
    STRING,
    "article",
    'Which PO file holds which articles\' texts: "article" (one per article), "section" (one\n'
    'per top-level content folder), "language" (one per language: <lang>/content.po), or a\n'
    'path template under locales/ such as "{lang}/{section}.po" ({lang}, {section}, {stem}).\n'
    "Changing it carries every translation over to the new files.",
    rules.catalogs,
)
WRAP = Key(
    "",
    "wrap",
    INTEGER,
    0,
    "PO line width. Default: new catalogs get one line per string (the cleanest diffs), and\n"
    "a file an editor saved wrapped (Poedit and msgcat wrap at 79) keeps its width. Set, every\n"
    "catalog is written at this width as msgcat --width writes it; 0 is one line per string.",
    rules.wrap,
    example="0",
)
FUZZY_THRESHOLD = Key(
    "",
    "fuzzy_threshold",
    NUMBER,
    0.6,
    "When a text changes, the most similar old translation (0-1 character similarity)\n"
    "is kept as fuzzy, with the previous msgid, as msgmerge does.",
    rules.fuzzy,
)
LOCK_TIMEOUT = Key(
    "",
    "lock_timeout",
    NUMBER,
    10.0,
    "Seconds to wait for another translate-flow run on this project to finish.",
    rules.not_negative,
)
PROJECT_NAME = Key(
    "",
    "project_name",
    STRING,
    "",
    "Project-Id-Version of the PO files. Default: the name of the project folder.",
    rules.one_line,
    example='"my-site"',
)
HUGO_CONFIG: Key[str | None] = Key(
    "",
    "hugo_config",
    STRING,
    None,
    "The Hugo configuration that gives the site's languages, their keys and content\n"
    "directories, relative to this file. Default: hugo.toml (or .yaml, .json, config.*) at\n"
    'the root, else in config/_default/. "" reads none.',
    rules.hugo_file,
    example='"config/_default/hugo.toml"',
)
MAX_ARTICLE_BYTES = Key(
    "",
    "max_article_bytes",
    INTEGER,
    10 * 1024 * 1024,
    "Larger articles (in bytes; 10 MiB) are refused, naming this limit, rather than\nslowing every run.",
    rules.between(1, rules.MAX_ARTICLE_LIMIT),
)
GLOSSARY: Key[str | None] = Key(
    "",
    "glossary",
    STRING,
    None,
    "The site's glossary, relative to this file: CSV (a header of language codes, then\n"
    "optional note, case and dnt columns) or TBX. check warns where a translation lacks a\n"
    "term's translation; the openai engine is told the terms a text uses. Default: none.",
    rules.project_file,
    example='"glossary.csv"',
)

# [front_matter]
FRONT_MATTER_TRANSLATE = Key(
    "front_matter",
    "translate",
    STRINGS,
    ("title", "linkTitle", "summary", "description"),
    "Front-matter keys whose values are translated; dotted paths reach nested keys\n"
    '(e.g. "params.subtitle"). Lists of strings are translated item by item.',
    attr="front_matter_keys",
)

# [i18n]
I18N_TRANSLATE = Key(
    "i18n",
    "translate",
    BOOLEAN,
    True,
    "Hugo's i18n string tables: i18n/<source language>.toml|yaml|json becomes\n"
    "locales/<lang>/_hugo/i18n.po, and merge writes i18n/<lang>.<ext> in its format and key order.\n"
    "A site without such a table is not affected.",
)
I18N_THEMES = Key(
    "i18n",
    "themes",
    BOOLEAN,
    True,
    "Also the tables of the themes the Hugo configuration names (themes/<name>/i18n/); their\n"
    "translations go to i18n/<name>/<lang>.<ext>, which Hugo reads beside the site's own.",
)

# [data]
DATA_OUTPUT = Key(
    "data",
    "output",
    STRING,
    "suffix",
    '"suffix": data/termbase.yaml is translated to data/termbase.<lang>.yaml beside it.\n'
    '"folder": to data/<lang>/termbase.yaml (a source in data/<source language>/ gives data/<lang>/).',
    rules.one_of(*DATA_OUTPUTS),
)

# [site]
SITE_TRANSLATE = Key(
    "site",
    "translate",
    BOOLEAN,
    True,
    "Site strings from the Hugo configuration (the title, the params below, menu entry names)\n"
    "go to locales/<lang>/_hugo/site.po; merge writes config/_default/languages.<key>.<ext> for each\n"
    "Hugo language. Your own configuration files are never edited.",
)
SITE_PARAMS = Key(
    "site",
    "params",
    STRINGS,
    ("description",),
    'The site params whose values are translated; dotted paths reach nested keys ("hero.tagline").',
)

# [pretranslate]
PRE_ENGINES = Key(
    "pretranslate",
    "engines",
    STRINGS,
    ("memory",),
    "Machine-translation engines tried in order for each empty entry. Drafts are always\n"
    "marked fuzzy. Built in: memory, apertium, openai, google, mymemory, deepl, microsoft, libre,\n"
    "yandex, papago, baidu, chatgpt.",
)
PRE_TIMEOUT = Key(
    "pretranslate", "timeout", NUMBER, 30.0, "Seconds one request may take.", rules.out_of_range_unless(lambda v: v > 0)
)
PRE_RETRIES = Key(
    "pretranslate",
    "retries",
    INTEGER,
    3,
    "Retries of a request that timed out or got HTTP 429 or 5xx.",
    rules.out_of_range_unless(lambda v: v >= 0),
)
PRE_BACKOFF = Key(
    "pretranslate",
    "backoff",
    NUMBER,
    1.0,
    "Seconds before the first retry; doubled for each further one.",
    rules.out_of_range_unless(lambda v: v >= 0),
)
PRE_JOBS = Key(
    "pretranslate", "jobs", INTEGER, 4, "Requests in flight at once.", rules.out_of_range_unless(lambda v: v > 0)
)
PRE_RATE_LIMIT = Key(
    "pretranslate",
    "rate_limit",
    NUMBER,
    0.0,
    "Requests per second per engine; 0 for no limit.",
    rules.out_of_range_unless(lambda v: v >= 0),
)
PRE_CACHE = Key(
    "pretranslate",
    "cache",
    STRING,
    ".translate-flow/mt-cache.sqlite3",
    "The SQLite cache of engine results, relative to this file.",
    rules.relative,
)

# [check]
CHECK_FAIL_ON: Key[tuple[str, ...]] = Key(
    "check",
    "fail_on",
    STRINGS,
    (),
    f"Categories or check names that fail `translate-flow check`; [] means the default\nset: {_DEFAULT_GATE}.",
    rules.known_checks,
)
CHECK_MIN_PERCENT = Key(
    "check",
    "min_percent",
    NUMBER,
    100.0,
    "Untranslated and fuzzy entries fail a file only while less than this percentage\nof it is translated.",
)
CHECK_DISABLE: Key[tuple[str, ...]] = Key(
    "check",
    "disable",
    STRINGS,
    (),
    'Check names switched off for the whole project, e.g. ["link"].',
    rules.known_checks,
)

KEYS: tuple[Key[Any], ...] = (
    CONTENT_DIR,
    LOCALES_DIR,
    SOURCE_LANGUAGE,
    LANGUAGES,
    LAYOUT,
    DIALECT,
    EXCLUDE,
    CATALOGS,
    MIN_PERCENT,
    WRAP,
    FUZZY_THRESHOLD,
    LOCK_TIMEOUT,
    PROJECT_NAME,
    HUGO_CONFIG,
    MAX_ARTICLE_BYTES,
    GLOSSARY,
    FRONT_MATTER_TRANSLATE,
    I18N_TRANSLATE,
    I18N_THEMES,
    DATA_OUTPUT,
    SITE_TRANSLATE,
    SITE_PARAMS,
    PRE_ENGINES,
    PRE_TIMEOUT,
    PRE_RETRIES,
    PRE_BACKOFF,
    PRE_JOBS,
    PRE_RATE_LIMIT,
    PRE_CACHE,
    CHECK_FAIL_ON,
    CHECK_MIN_PERCENT,
    CHECK_DISABLE,
)
"""Every key, in the order the template shows them."""

TABLES = (
    Table("pretranslate"),
    Table(
        "engines",
        "Per-engine settings. API keys are never written here: name the environment\nvariable that holds them.",
        '[engines.deepl]\napi_key_env = "DEEPL_API_KEY"\n[engines.libre]\nurl = "https://libretranslate.example.org/"\n'
        'api_key_env = "LIBRE_API_KEY"\n[engines.memory]\nthreshold = 0.75\ncompendium = "tm/{lang}.po"',
    ),
    Table("check", "The CI gate: what makes `translate-flow check` fail."),
    Table("check.languages", "Another min_percent for one language.", "[check.languages.fr]\nmin_percent = 90"),
    Table("front_matter"),
    Table("i18n"),
    Table(
        "data",
        "Data files (data/…): each other key is a glob relative to the data folder, and its value\n"
        "the key paths whose values are translated (dotted; * stands for one key or list index).\n"
        "Nothing under data/ is translated until a file is named here.",
        extra='"termbase.yaml" = ["terms.*.definition"]',
    ),
    Table("site"),
    Table(
        "language_keys",
        "The site's key (file-name suffix, folder name) of a language code, where it differs\n"
        "from the code. Default: the Hugo site's keys.",
        '[language_keys]\n"zh-CN" = "zh-cn"',
    ),
    Table(
        "shortcodes",
        "The shortcode parameters whose values are translated, by shortcode name: parameter\n"
        "names, and positions (0, 1…) as numbers for positional parameters. Each shortcode listed\n"
        "replaces its built-in list; [] switches one off. Built in: Hugo's figure, details, qr,\n"
        "youtube and vimeo, and the prose parameters of the Hextra and Docsy themes (README).",
        '[shortcodes]\ncard = ["title", "subtitle"]\ntab = ["name", 0]\nyoutube = []',
    ),
    Table(
        "content_dirs",
        'The content directory of each language for the "directory" layout, relative to\n'
        "this file. Default: the Hugo site's contentDir settings.",
        '[content_dirs]\nfr = "content/fr"',
    ),
)
"""Every table, in the order the template shows them."""


def keys_of(table: str) -> dict[str, Key[Any]]:
    """The declared keys of ``table`` by name."""
    return {key.name: key for key in KEYS if key.table == table}


def tables_in(table: str) -> set[str]:
    """The names of the tables directly inside ``table``."""
    prefix = f"{table}." if table else ""
    return {t.name[len(prefix) :] for t in TABLES if t.name.startswith(prefix) and "." not in t.name[len(prefix) :]}
