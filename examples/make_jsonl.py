#!/usr/bin/python3
"""Builds examples/articles.jsonl from the plain-text articles in examples/articles/.

Each .txt file is "headline, blank line, body"; outlet and publication time come
from examples/truth.jsonl. The output has one JSON object per line with the
fields twicetold reads by default: id, title, text, source, url, published.

Usage: /usr/bin/python3 examples/make_jsonl.py [--out PATH]
Standard library only; the output is deterministic (sorted by file path).
"""
import argparse
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def load_truth(path):
    """Returns {relative file: truth row}; empty if truth.jsonl is missing."""
    rows = {}
    if not os.path.exists(path):
        return rows
    with open(path, encoding='utf-8') as f:
        for line in f:
            if line.strip():
                row = json.loads(line)
                rows[row['file']] = row
    return rows


def split_article(text):
    """Title = first non-empty line; body = the rest without its leading blank
    lines or trailing newlines (other whitespace, e.g. no-break spaces, kept)."""
    lines = text.split('\n')
    i = 0
    while i < len(lines) and not lines[i].strip():
        i += 1
    title = lines[i].strip() if i < len(lines) else ''
    body = '\n'.join(lines[i + 1:]).lstrip('\n').rstrip('\n')
    return title, body


def slugify(text):
    text = text.lower().replace('’', '').replace("'", '')
    return re.sub(r'[^a-z0-9]+', '-', text).strip('-')


def make_url(outlet, published, title):
    """Fictional URL on the reserved .example domain."""
    host = slugify(outlet).replace('-', '') or 'unknown'
    date = published[:10].replace('-', '/') if published else 'undated'
    return f'https://www.{host}.example/{date}/{slugify(title)[:60].rstrip("-")}'


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--out', default=os.path.join(HERE, 'articles.jsonl'))
    args = parser.parse_args()

    truth = load_truth(os.path.join(HERE, 'truth.jsonl'))
    articles_dir = os.path.join(HERE, 'articles')
    paths = []
    for dirpath, dirnames, filenames in os.walk(articles_dir):
        dirnames.sort()
        paths += [os.path.join(dirpath, n) for n in filenames if n.endswith('.txt')]
    paths.sort()

    count = 0
    with open(args.out, 'w', encoding='utf-8', newline='\n') as out:
        for path in paths:
            rel = os.path.relpath(path, HERE).replace(os.sep, '/')
            with open(path, encoding='utf-8') as f:
                title, body = split_article(f.read())
            row = truth.get(rel, {})
            outlet = row.get('outlet', '')
            published = row.get('published', '')
            record = {
                'id': rel[len('articles/'):-len('.txt')],
                'title': title,
                'text': body,
                'source': outlet,
                'url': make_url(outlet, published, title),
                'published': published,
            }
            out.write(json.dumps(record, ensure_ascii=False) + '\n')
            count += 1
    missing = [p for p in truth if not os.path.exists(os.path.join(HERE, p))]
    print(f'wrote {count} articles to {os.path.relpath(args.out)}', file=sys.stderr)
    if missing:
        print(f'warning: truth.jsonl lists missing files: {missing}', file=sys.stderr)
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main())
