#!/usr/bin/env python3
"""Writes a generated news-like corpus with planted duplicates, as JSON lines.

Stories of fictional words over a span of days; each story has an original
and versions: exact copies (whitespace/case changes), light edits (a few
words changed), excerpts, and independent reports (new text, same
vocabulary). Fields: id, story, version, published, source, title, text.
Nothing is taken from any dataset.

    /usr/bin/python3 bench/make_planted_corpus.py OUT.jsonl [articles=20000] [seed=1]
"""
import json
import random
import sys

SYLLABLES = ["ka", "lo", "mir", "ten", "vu", "sal", "dor", "pe", "qua", "zin",
             "rho", "bex", "ul", "fen", "gar", "tis", "mo", "nar", "yel", "cu"]
COMMON = ("the a of to in and said on for with at by from that was is as it "
          "were has had after about more than over into not").split()


def word(rng):
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))


def paragraph(rng, vocab, sentences):
    out = []
    for _ in range(sentences):
        n = rng.randint(10, 24)
        words = [rng.choice(vocab) if rng.random() < 0.55 else rng.choice(COMMON)
                 for _ in range(n)]
        words[0] = words[0].capitalize()
        out.append(" ".join(words) + ".")
    return " ".join(out)


def body(rng, vocab, paragraphs):
    return "\n\n".join(paragraph(rng, vocab, rng.randint(2, 4)) for _ in range(paragraphs))


def light_edit(rng, text, vocab):
    words = text.split(" ")
    for _ in range(max(1, len(words) // 40)):
        words[rng.randrange(len(words))] = rng.choice(vocab)
    return " ".join(words)


def main():
    out_path = sys.argv[1]
    total = int(sys.argv[2]) if len(sys.argv) > 2 else 20000
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 1)
    rows = []
    story = 0
    while len(rows) < total:
        vocab = [word(rng) for _ in range(60)]
        day = rng.randint(1, 300)
        original = body(rng, vocab, rng.randint(4, 12))
        title = " ".join(rng.choice(vocab) for _ in range(6)).capitalize()
        versions = [("original", original)]
        for _ in range(rng.randint(0, 3)):
            versions.append(("exact_copy", "  " + original.replace("\n\n", "\n\n\n") + "\n"))
        for _ in range(rng.randint(0, 3)):
            versions.append(("light_edit", light_edit(rng, original, vocab)))
        if rng.random() < 0.3:
            paras = original.split("\n\n")
            versions.append(("excerpt", "\n\n".join(paras[: max(1, len(paras) // 2)])))
        for _ in range(rng.randint(0, 2)):
            versions.append(("independent", body(rng, vocab, rng.randint(3, 8))))
        for k, (version, text) in enumerate(versions):
            published = "2026-%02d-%02d" % (1 + (day + k // 3) // 28 % 12, 1 + (day + k // 3) % 28)
            rows.append({"id": "s%d-%d" % (story, k), "story": "s%d" % story, "version": version,
                         "published": published, "source": "outlet%d" % rng.randint(1, 40),
                         "title": title, "text": text})
        story += 1
    rows = rows[:total]
    rows.sort(key=lambda r: (r["published"], r["id"]))
    with open(out_path, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r) + "\n")
    print("wrote %d articles of %d stories to %s" % (len(rows), story, out_path))


if __name__ == "__main__":
    main()
