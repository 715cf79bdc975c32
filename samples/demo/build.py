#!/usr/bin/env python3
"""Builds samples/demo/articles.ndjson.gz from the shared data folder (see samples/README.md).

Usage: python3 samples/demo/build.py ../shared/data samples/demo/articles.ndjson.gz

Only sets whose licence allows shipping are read: europeana-ner/ (CC0) and agency-formats/ninjs/ (MIT). The output is
deterministic: the same data folder gives the same file, byte for byte.
"""
import collections
import gzip
import html
import json
import re
import sys
from pathlib import Path

# How many runs of text to take from each Europeana file (evenly spread over the file), and their length in tokens.
TAKE = {"enp_DE.onb": 45, "enp_NL.kb": 95, "enp_DE.sbb": 60, "enp_FR.bnf": 95, "enp_DE.lft": 85}
MIN_TOKENS, MAX_TOKENS = 140, 320

LIBRARIES = {
    "enp_DE.onb": ("ANNO, Österreichische Nationalbibliothek", "de"),
    "enp_NL.kb": ("Delpher, Koninklijke Bibliotheek", "nl"),
    "enp_DE.sbb": ("ZEFYS, Staatsbibliothek zu Berlin", "de"),
    "enp_FR.bnf": ("Gallica, Bibliothèque nationale de France", "fr"),
    "enp_DE.lft": ("Alpenzeitung", "de"),
}
EUROPEANA_ATTRIBUTION = (
    "Europeana Newspapers NER corpora, https://github.com/EuropeanaNewspapers/ner-corpora/, "
    "Europeana Newspapers Project, 2012-2015 (CC0 1.0)")

NO_SPACE_BEFORE = re.compile(r" ([,.;:!?)\]»])")
NO_SPACE_AFTER = re.compile(r"([(\[«„]) ")
ELISION = re.compile(r"\b([lLdDjJmMnNsStTcC]|qu|Qu|jusqu|lorsqu|puisqu)' ")


def detokenize(tokens):
    text = " ".join(tokens)
    text = NO_SPACE_BEFORE.sub(r"\1", text)
    text = NO_SPACE_AFTER.sub(r"\1", text)
    return ELISION.sub(r"\1'", text)


def read_bio(path):
    """Tokens with their tag and line number; SBB's '# file:' header lines become page breaks with their date."""
    tokens = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        if path.name == "enp_DE.sbb.bio" and line.startswith("# "):
            match = re.match(r"# file:\s+F_SBB_\d+_(\d{4})(\d\d)(\d\d)_", line)
            if match:
                tokens.append(("PAGE", f"{match[1]}-{match[2]}-{match[3]}", number))
            continue
        token, _, tag = line.rpartition(" ")
        if not token:
            token, tag = tag, "O"
        tokens.append((token, tag.upper(), number))
    return tokens


def known_pages(md):
    """Line ranges the .md names exactly, with their newspaper and date (most ranges there are '???')."""
    pages = []
    lines = md.read_text(encoding="utf-8").splitlines()
    for i, line in enumerate(lines):
        match = re.match(r"\* \[\*\*L(\d+) - L(\d+)\*\*\]", line.strip())
        if match and int(match[2]) > 0 and i + 1 < len(lines):
            name, day = re.match(r"(.*?), *(\d\d-\d\d-\d{4})", lines[i + 1]).groups()
            d, m, y = day.split("-")
            pages.append((int(match[1]), int(match[2]), name.strip(), f"{y}-{m}-{d}"))
    return pages


def page_years(md):
    years = sorted(int(y) for y in re.findall(r", *\d\d-\d\d-(\d{4})", md.read_text(encoding="utf-8")))
    return years[0], years[-1]


def runs(tokens):
    """Cuts the token stream into runs of MIN..MAX tokens, each ending at a sentence end, never across a page."""
    run = []
    for index, token in enumerate(tokens):
        if token[0] == "PAGE":
            run = []
            continue
        run.append(token)
        following = tokens[index + 1][0] if index + 1 < len(tokens) else ""
        sentence_end = token[0] in (".", "!", "?") or token[0].endswith(".") and len(token[0]) > 3
        if len(run) >= MIN_TOKENS and sentence_end and following[:1].isupper() or len(run) >= MAX_TOKENS:
            yield run
            run = []


def readable(run):
    """Most tokens are words: skips stock tables, lists of names and the noisiest OCR."""
    words = sum(1 for token, _, _ in run if re.fullmatch(r"[^\W\d_]{2,}[.,;:]?", token))
    return words / len(run) >= 0.72


STRAY = " ,.;:!?'\"„“”«»()[]/*^-"


def entities(run):
    """The annotated names of a run, most frequent first (PER/LOC/ORG; French has I- tags only)."""
    names, current, kind = [], [], None
    for token, tag, _ in run + [("", "O", 0)]:
        label = tag[2:] if tag[:2] in ("B-", "I-") else None
        if label and (tag.startswith("I-") and label == kind):
            current.append(token)
            continue
        if current:
            names.append(detokenize(current).strip(STRAY))
        current, kind = ([token], label) if label else ([], None)
    counts = collections.Counter(n for n in names if re.fullmatch(r"[^\W\d_][\w' .-]*[^\W\d_]", n) and n[0].isupper() and len(n) >= 3)
    return [name for name, _ in counts.most_common(5)]


def title_of(text):
    """The run's first sentence when it has 4 to 14 words (OCR text has no headlines), else its first 10 words."""
    words = re.split(r"(?<=[.!?])\s", text, maxsplit=1)[0].split()
    return " ".join(words) if 4 <= len(words) <= 14 else " ".join(text.split()[:10]) + " …"


def europeana(data):
    articles = []
    folder = data / "europeana-ner"
    for name, take in TAKE.items():
        tokens = read_bio(folder / f"{name}.bio")
        md = folder / f"{name}.md"
        pages = known_pages(md) if name != "enp_DE.sbb" else []
        first_year, last_year = page_years(md) if name != "enp_DE.sbb" else (1880, 1933)
        library, language = LIBRARIES[name]
        page_dates = {}
        date = None
        for token in tokens:
            if token[0] == "PAGE":
                date = token[1]
            else:
                page_dates[token[2]] = date
        candidates = [run for run in runs(tokens) if readable(run)]
        step = len(candidates) / take
        for k in range(take):
            run = candidates[int(k * step)]
            start, end = run[0][2], run[-1][2]
            text = detokenize([token for token, _, _ in run])
            page = next((p for p in pages if p[0] <= start and end <= p[1]), None)
            source, original = library, {"corpus": f"europeana-ner/{name}.bio", "lines": f"{start}-{end}"}
            if page:
                source = page[2]
                original.update(newspaper=page[2], date=page[3])
            elif page_dates.get(start):
                original["date"] = page_dates[start]
            else:
                original["period"] = (f"{first_year}" if first_year == last_year else f"{first_year}-{last_year}") + (
                    " (the page is not identified)")
            sort_date = original.get("date") or f"{first_year}-01-01"
            articles.append((sort_date, {
                "title": title_of(text),
                "body": text,
                "source": {"name": source},
                "language": language,
                "tags": entities(run),
                "guid": f"europeana-ner/{name}.bio#L{start}-L{end}",
                "original": original | {"licence": "CC0 1.0", "attribution": EUROPEANA_ATTRIBUTION},
            }))
    return articles


def paragraphs(markup):
    text = re.sub(r"</p>|<br\s*/?>", "\n\n", markup)
    text = html.unescape(re.sub(r"<[^>]+>", " ", text))
    return "\n\n".join(" ".join(p.split()) for p in text.split("\n\n") if p.strip())


def ninjs_body(item):
    if "body_text" in item:
        return item["body_text"]
    bodies = {b.get("role"): b.get("value", "") for b in item.get("bodies", [])}
    return bodies.get("text") or paragraphs(bodies.get("nitf") or next(iter(bodies.values()), ""))


def agency(data):
    """The ninjs examples that carry a real, whole text and no reservation of rights (see samples/README.md)."""
    ninjs = data / "agency-formats/ninjs"
    licence = "MIT, Copyright (c) 2024 IPTC (https://github.com/iptc/newsinjson)"
    chosen = [
        # file, source, url (the item's own, when it is one), date
        ("examples/1.4/ninjsExSimpleText1.json", "IPTC ninjs examples", None),
        ("examples/2.1/tt_text_image_2.json", "TT", "uri"),
        # The same TT item, republished by the IPTC as its example of a schema extension.
        ("examples/2.1/schema-extension/extension-example.json", "IPTC ninjs examples", None),
        ("examples/3.0/20231008-anti-doping-measures-at-the-tour-down-under-will-be-the-toughest-ever-addb-ninjs-nitf.json",
         "The Anti-Doping Database", "uri"),
        # The same text again, as the example of a press conference item (no headline of its own).
        ("examples/3.0/20231016-addb-example-press-conference.json", "The Anti-Doping Database", None),
    ]
    articles = []
    for path, source, url in chosen:
        item = json.loads((ninjs / path).read_text(encoding="utf-8"))
        headline = item.get("headline") or next(
            (h["value"] for h in item.get("headlines", []) if h.get("role") == "main"), None)
        date = item.get("versioncreated") or item.get("versionCreated") or "2023-10-16T00:00:00+02:00"
        byline = item.get("byline") or item.get("by")
        article = {
            "title": headline or title_of(ninjs_body(item)),
            "body": ninjs_body(item),
            "source": {"name": source},
            "language": item.get("language") or item.get("lang") or "en",
            "authors": [byline] if byline else [],
            "tags": [s.get("name") for s in item.get("subjects", item.get("subject", [])) if s.get("name")][:5],
            "original": {"corpus": f"agency-formats/ninjs/{path}", "date": date, "licence": licence},
        }
        if url:
            article["url"] = item["uri"]
        else:
            article["guid"] = f"agency-formats/ninjs/{path}"
        articles.append((date[:10], article))
    return articles


def unmangled(text):
    """Text that was UTF-8 read as Windows-1252 and written as UTF-8 again (one release has "XenServerÂ®"), repaired
    run by run; text that does not round-trip is left as it is."""
    def repair(match):
        try:
            return match[0].encode("cp1252").decode("utf-8")
        except UnicodeError:
            return match[0]
    return re.sub(r"[\u00c2-\u00f4][\u0080-\u00bf\u2018-\u203a\u20ac\u2122\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc]+",
                  repair, text)


def newsml_businesswire(data):
    """Business Wire's own NewsML 1.2 items: the press releases the ninjs examples were converted from."""
    articles = []
    for path in sorted((data / "agency-formats/ninjs/examples/NewsML").glob("*.xml")):
        xml = unmangled(path.read_text(encoding="utf-8"))
        bodies = [paragraphs(b) for b in re.findall(r"<body[^>]*>(.*?)</body>", xml, re.S)]
        body = max(bodies, key=len)
        if len(body.split()) < 200:
            continue  # the two Chinese releases are a few lines only
        headline = html.unescape(re.search(r"<HeadLine>(.*?)</HeadLine>", xml, re.S)[1].strip())
        created = re.search(r"<FirstCreated>(\d{8})T(\d{6})", xml)
        day = f"{created[1][:4]}-{created[1][4:6]}-{created[1][6:]}"
        item_id = re.search(r"businesswire-newsml-(\d+)", path.name)[1]
        articles.append((day, {
            "title": headline,
            "body": body,
            "url": f"http://www.businesswire.com/news/home/{item_id}/en",
            "source": {"name": "Business Wire"},
            "language": "en",
            "original": {"corpus": f"agency-formats/ninjs/examples/NewsML/{path.name}",
                         "date": f"{day}T{created[2][:2]}:{created[2][2:4]}:{created[2][4:]}Z",
                         "licence": "MIT, Copyright (c) 2024 IPTC (https://github.com/iptc/newsinjson)"},
        }))
    return articles


def main():
    data, output = Path(sys.argv[1]), Path(sys.argv[2])
    articles = europeana(data) + agency(data) + newsml_businesswire(data)
    # Oldest first; a stable sort keeps the order within a file.
    articles.sort(key=lambda dated: dated[0])
    lines = [json.dumps(article, ensure_ascii=False, sort_keys=True) for _, article in articles]
    with open(output, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as out:
        out.write(("\n".join(lines) + "\n").encode("utf-8"))
    print(f"{len(lines)} articles -> {output}")


if __name__ == "__main__":
    main()
