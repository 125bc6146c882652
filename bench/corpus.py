"""A deterministic synthetic site: N articles of Chinese and English prose with the
Markdown features real sites use. Every sentence is assembled here from word lists,
so nothing is copied from anywhere.

    python -m bench.corpus OUT_DIR --articles 1000 --seed 7 --languages en,zh-CN,fr
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

EN_WORDS = [
    "library",
    "river",
    "morning",
    "garden",
    "window",
    "market",
    "teacher",
    "station",
    "letter",
    "harbour",
    "bridge",
    "lantern",
    "mountain",
    "kitchen",
    "village",
    "notebook",
    "evening",
    "bicycle",
    "orchard",
    "ferry",
    "museum",
    "festival",
    "weather",
    "quietly",
    "slowly",
    "brightly",
    "carefully",
    "often",
    "rarely",
    "always",
    "opens",
    "closes",
    "carries",
    "follows",
    "builds",
    "reads",
    "writes",
    "paints",
    "measures",
    "repairs",
    "visits",
    "answers",
    "gathers",
    "the",
    "a",
    "an",
    "every",
    "each",
    "old",
    "new",
    "small",
    "busy",
    "green",
    "narrow",
    "early",
    "late",
    "warm",
]
ZH_PHRASES = [
    "图书馆",
    "早上",
    "河边",
    "花园",
    "窗口",
    "市场",
    "老师",
    "车站",
    "信件",
    "港口",
    "小桥",
    "灯笼",
    "山上",
    "厨房",
    "村子",
    "笔记本",
    "晚上",
    "自行车",
    "果园",
    "渡船",
    "博物馆",
    "节日",
    "天气",
    "安静地",
    "慢慢地",
    "认真地",
    "经常",
    "很少",
    "总是",
    "打开",
    "关闭",
    "带着",
    "跟着",
    "建造",
    "阅读",
    "写下",
    "画出",
    "测量",
    "修理",
    "参观",
    "回答",
    "收集",
    "旧的",
    "新的",
    "小小的",
    "热闹的",
    "绿色的",
    "窄窄的",
    "早早地",
    "温暖的",
]


def sentence(rng: random.Random, chinese: bool) -> str:
    if chinese:
        return "".join(rng.choice(ZH_PHRASES) for _ in range(rng.randint(5, 12))) + rng.choice("。！？")
    words = [rng.choice(EN_WORDS) for _ in range(rng.randint(6, 16))]
    words[0] = words[0].capitalize()
    return " ".join(words) + rng.choice("..!?")


def paragraph(rng: random.Random, chinese: bool, wrap: bool) -> str:
    text = (" " if not chinese else "").join(sentence(rng, chinese) for _ in range(rng.randint(1, 4)))
    if rng.random() < 0.2:
        text += f" See [the notes](https://example.org/notes/{rng.randint(1, 99)}) and `option_{rng.randint(1, 9)}`."
    if wrap and not chinese and len(text) > 80:
        cut = text.rfind(" ", 0, 70)
        text = text[:cut] + "\n" + text[cut + 1 :]
    return text


def block(rng: random.Random, chinese: bool) -> str:
    kind = rng.choices(["p", "h", "list", "code", "table", "quote", "shortcode"], [10, 2, 2, 1, 1, 1, 1])[0]
    if kind == "h":
        return "#" * rng.randint(2, 3) + " " + sentence(rng, chinese).rstrip(".!?。！？")
    if kind == "list":
        items = [f"- {sentence(rng, chinese)}" for _ in range(rng.randint(2, 4))]
        if rng.random() < 0.4:
            items.insert(1, f"  - {sentence(rng, chinese)}")
        return "\n".join(items)
    if kind == "code":
        return "```python\nfor item in range(" + str(rng.randint(1, 9)) + "):\n    print(item)\n```"
    if kind == "table":
        cells = [sentence(rng, chinese).rstrip(".!?。！？")[:24] for _ in range(4)]
        return f"| {cells[0]} | {cells[1]} |\n|---|---|\n| {cells[2]} | {cells[3]} |"
    if kind == "quote":
        return "> " + sentence(rng, chinese) + "\n> " + sentence(rng, chinese)
    if kind == "shortcode":
        return '{{< figure src="/img/' + str(rng.randint(1, 50)) + '.jpg" >}}'
    return paragraph(rng, chinese, wrap=True)


def article(rng: random.Random, index: int, languages: list[str], sources: tuple[str, ...] = ("zh-CN", "en")) -> str:
    lang = sources[index % len(sources)]
    chinese = lang == "zh-CN"
    targets = [code for code in languages if code != lang]
    title = sentence(rng, chinese).rstrip(".!?。！？")
    summary = sentence(rng, chinese)
    front = (
        f'---\ntitle: "{title}"\ndate: "2025-{1 + index % 12:02d}-{1 + index % 28:02d} 10:00:00"\n'
        f'summary: "{summary}"\nlang: {lang}\ntranslations: [{", ".join(targets)}]\ntags: ["t{index % 17}"]\n'
        "draft: false\n---\n\n"
    )
    blocks = [block(rng, chinese) for _ in range(rng.randint(10, 40))]
    return front + "\n\n".join(blocks) + "\n"


def generate(
    out: Path, articles: int, seed: int, languages: list[str], sources: tuple[str, ...] = ("zh-CN", "en")
) -> None:
    """``articles`` articles under ``out/content``; article i is written in ``sources[i % len(sources)]``
    (``zh-CN`` or ``en``) and targets the other ``languages``."""
    rng = random.Random(seed)
    content = out / "content"
    for index in range(articles):
        path = content / f"section{index % 20:02d}" / f"article{index:05d}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(article(rng, index, languages, sources), encoding="utf-8")
    (out / "translate-flow.toml").write_text(
        'project_name = "bench"\nsource_language = "en"\nlanguages = []\nmin_percent = 0\nlock_timeout = 600\n',
        encoding="utf-8",
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--languages", default="en,zh-CN", help="comma-separated; each article targets the others")
    parser.add_argument("--sources", default="zh-CN,en", help="the articles' languages in turn (zh-CN, en)")
    args = parser.parse_args()
    generate(args.out, args.articles, args.seed, args.languages.split(","), tuple(args.sources.split(",")))


if __name__ == "__main__":
    main()
