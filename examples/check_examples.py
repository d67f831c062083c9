#!/usr/bin/python3
"""Checks that examples/truth.jsonl agrees with the article files.

For every row: the file exists and is valid UTF-8 in "headline, blank line,
body" form; every quote text ("quotes", and "a"/"b" of "quotes_changed") occurs
verbatim in the body of the file it belongs to; every planted boilerplate line
occurs as a whole line of the body (a dateline as the start of a line);
originals have 250-700 words; an exact copy minus its listed boilerplate
is its original. Also checks that every article file has exactly
one row and that articles.jsonl matches what make_jsonl.py would write.

Usage: /usr/bin/python3 examples/check_examples.py   (exit status 0 = all good)
"""
import json
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
VERSIONS = {'original', 'exact_copy', 'light_edit', 'rewrite', 'independent', 'related', 'unrelated'}
RELATIONS = {'extended', 'trimmed', 'altered', 'identical', 'only_a', 'only_b'}
REASONS = {'repeated_line', 'caption', 'advertisement', 'furniture', 'blank_filler', 'dateline'}


def body(rel):
    with open(os.path.join(HERE, rel), encoding='utf-8') as f:
        text = f.read()
    title, sep, rest = text.partition('\n\n')
    if not title.strip() or not sep or not rest.strip():
        raise ValueError('not "headline, blank line, body"')
    return rest


def check_row(row, errors):
    rel = row['file']
    err = lambda msg: errors.append(f'{rel}: {msg}')
    try:
        text = body(rel)
    except (OSError, ValueError) as e:
        return err(str(e))
    if row['version'] not in VERSIONS:
        err(f'bad version {row["version"]!r}')
    if row['version'] == 'original' and not 250 <= len(text.split()) <= 700:
        err(f'original has {len(text.split())} words')
    for q in row['quotes']:
        if q['text'] not in text:
            err(f'quote not found: {q["text"]!r}')
    other = row.get('compared_with')
    for q in row['quotes_changed']:
        if q['relation'] not in RELATIONS:
            err(f'bad relation {q["relation"]!r}')
        if (q['a'] is None) != (q['relation'] == 'only_b') or (q['b'] is None) != (q['relation'] == 'only_a'):
            err(f'a/b do not fit relation {q["relation"]}: {q}')
        if q['b'] is not None and q['b'] not in text:
            err(f'quote b not found: {q["b"]!r}')
        if q['a'] is not None and (not other or q['a'] not in body(other)):
            err(f'quote a not found in {other}: {q["a"]!r}')
    lines = text.split('\n')
    for b in row['boilerplate']:
        if b['reason'] not in REASONS:
            err(f'bad reason {b["reason"]!r}')
        found = (any(l.startswith(b['text']) for l in lines) if b['reason'] == 'dateline'
                 else b['text'] in lines)
        if not found:
            err(f'boilerplate line not found: {b["text"]!r}')
    if row['version'] == 'exact_copy':
        check_exact_copy(row, text, err)
    for key in ('derived_from', 'compared_with'):
        if row.get(key) and not os.path.exists(os.path.join(HERE, row[key])):
            err(f'{key} does not exist: {row[key]}')


def paragraphs(text):
    return [p.strip('\n') for p in re.split(r'\n{2,}', text) if p.strip('\n')]


def check_exact_copy(row, text, err):
    """Removing the planted lines (and a planted dateline) gives the original."""
    original = body(row['derived_from'])
    noise = {b['text'] for b in row['boilerplate'] if b['reason'] != 'dateline'}
    kept = '\n'.join(l for l in text.split('\n') if l not in noise)
    for b in row['boilerplate']:
        if b['reason'] == 'dateline' and not original.startswith(b['text']):
            kept = kept.replace(b['text'] + '\u00a0', '', 1).replace(b['text'] + ' ', '', 1)
    if paragraphs(kept) != paragraphs(original):
        err('is not the original plus the listed boilerplate')


def main():
    errors = []
    with open(os.path.join(HERE, 'truth.jsonl'), encoding='utf-8') as f:
        rows = [json.loads(l) for l in f if l.strip()]
    for row in rows:
        check_row(row, errors)
    listed = [r['file'] for r in rows]
    on_disk = sorted(os.path.relpath(os.path.join(d, n), HERE).replace(os.sep, '/')
                     for d, _, names in os.walk(os.path.join(HERE, 'articles'))
                     for n in names if n.endswith('.txt'))
    if sorted(listed) != on_disk or len(set(listed)) != len(listed):
        errors.append(f'truth.jsonl rows {sorted(listed)} != files {on_disk}')
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, 'a.jsonl')
        subprocess.run([sys.executable, os.path.join(HERE, 'make_jsonl.py'), '--out', out],
                       check=True, stderr=subprocess.DEVNULL)
        with open(out, 'rb') as a, open(os.path.join(HERE, 'articles.jsonl'), 'rb') as b:
            if a.read() != b.read():
                errors.append('articles.jsonl is stale: run examples/make_jsonl.py')
    for e in errors:
        print('error:', e)
    print(f'{len(rows)} rows checked, {len(errors)} errors')
    return 1 if errors else 0


if __name__ == '__main__':
    sys.exit(main())
