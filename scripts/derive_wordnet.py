#!/usr/bin/env python3
"""Derive the compact English tables in rules/lexicon/english/ from WordNet 3.0.

Usage:
    apt-get install -y wordnet-base
    python3 scripts/derive_wordnet.py [WORDNET_DIR] [OUT_DIR]

Defaults: WORDNET_DIR=/usr/share/wordnet, OUT_DIR=rules/lexicon/english.
Python 3 standard library only; the output is deterministic (sorted).

Files written (tab-separated, '#' lines are comments):

  lemmas.tsv     lemma, then one field per part of speech it has:
                 "<pos>:<tagged sense count>:<concept ids, comma-separated>"
                 pos is n, v, a or r.  Concept ids are, per POS, the first
                 three senses (WordNet orders senses by frequency), plus
                   verbs:      synsets reached by "causes" (>) from those senses
                               and derivationally related nouns (+) of the
                               first two senses;
                   nouns/adjs: derivationally related verbs (+) of the first
                               two senses;
                   adjs:       pertainym nouns (\\) of the first two senses;
                   advs:       pertainym adjectives (\\) of the first two senses.
                 Lexical pointers (+, \\) are followed only when their source
                 word is the lemma itself.
  irregular.tsv  form, pos, lemma[,lemma...] from the *.exc files.
  concepts.tsv   one line per concept id (line order = id, from 0):
                 pos, synset offset, head word, hypernym ids (nouns: @ and @i,
                 closed upwards; verbs: @, one level), comma-separated, may be empty.
  places.tsv     what places and parts are part of: noun lemma (multi-word
                 names with spaces: "sri lanka"), what it is an instance of
                 (@i of its first sense, the target's first word: "city",
                 "country"; empty for common nouns), and the first words of the synsets it is a
                 part of (part holonyms #p: "nassau" -> "bahamas", "stern" ->
                 "ship"), comma-separated. Instances keep every sense, common
                 nouns their first senses as in lemmas.tsv. Only lemmas with an
                 instance kind or a part holonym are written.

Only single-word lemmas are kept (entries with '_' are skipped), but for phrasal verbs:
a verb followed by one particle of PARTICLES ("step_down", "call_off", "run_aground"),
which the extractor reads as one verb when the two words stand together.
"""

import os
import sys

POS_FILES = [("n", "noun"), ("v", "verb"), ("a", "adj"), ("r", "adv")]
POS_ORDER = {"n": 0, "v": 1, "a": 2, "r": 3}
SENSES = 3
# WordNet ranks senses by tag counts only as far as they are tagged in its
# concordance; the untagged rest is unordered.  When fewer than SENSES senses
# are tagged, keep the untagged ones up to this cap instead of an arbitrary 3.
UNRANKED_SENSES = 5
LINK_SENSES = 2
# Second words of the phrasal verbs kept.
# Adverbial ones only: "in", "on", "over" and the like are most often prepositions
# ("signed in 2019", "depends on the port").
PARTICLES = {
    "up", "down", "off", "out", "through", "away", "back", "aground", "apart", "ahead",
    "forward",
}


def kept(lemma, pos):
    """Single words, and phrasal verbs ("step_down")."""
    if "_" not in lemma:
        return True
    parts = lemma.split("_")
    return pos == "v" and len(parts) == 2 and parts[1] in PARTICLES


def norm_pos(p):
    return "a" if p == "s" else p


def strip_marker(word):
    # Adjective markers: "(p)", "(a)", "(ip)".
    i = word.find("(")
    if i > 0:
        word = word[:i]
    return word.lower()


def read_data(wn, name):
    """offset -> (words, pointers); pointers = [(sym, offset, pos, src, tgt)]."""
    synsets = {}
    with open(os.path.join(wn, "data." + name), encoding="latin-1") as f:
        for line in f:
            if line.startswith("  "):
                continue
            head = line.split(" | ", 1)[0].split()
            offset = int(head[0])
            w_cnt = int(head[3], 16)
            words = []
            i = 4
            for _ in range(w_cnt):
                words.append(strip_marker(head[i]))
                i += 2
            p_cnt = int(head[i])
            i += 1
            ptrs = []
            for _ in range(p_cnt):
                sym, off, pos, st = head[i], int(head[i + 1]), head[i + 2], head[i + 3]
                ptrs.append((sym, off, norm_pos(pos), int(st[:2], 16), int(st[2:], 16)))
                i += 4
            synsets[offset] = (words, ptrs)
    return synsets


def read_index(wn, name):
    """lemma -> (tagsense_cnt, [offsets in sense order])."""
    out = {}
    with open(os.path.join(wn, "index." + name), encoding="latin-1") as f:
        for line in f:
            if line.startswith("  "):
                continue
            parts = line.split()
            lemma = parts[0]
            synset_cnt = int(parts[2])
            p_cnt = int(parts[3])
            i = 4 + p_cnt
            tagsense_cnt = int(parts[i + 1])
            offsets = [int(x) for x in parts[i + 2 : i + 2 + synset_cnt]]
            out[lemma] = (tagsense_cnt, offsets)
    return out


def read_exc(wn, name):
    out = {}
    with open(os.path.join(wn, name + ".exc"), encoding="latin-1") as f:
        for line in f:
            parts = line.split()
            if len(parts) < 2:
                continue
            out[parts[0]] = parts[1:]
    return out


def lexical_targets(data, pos, offset, lemma, symbols, want_pos):
    """Targets of the pointers `symbols` from synset (pos, offset) whose
    source is the word `lemma` (or the whole synset, for semantic pointers)."""
    words, ptrs = data[pos][offset]
    try:
        me = words.index(lemma) + 1
    except ValueError:
        me = -1
    out = []
    for sym, off, tpos, src, _tgt in ptrs:
        if sym not in symbols or tpos not in want_pos:
            continue
        if src != 0 and src != me:
            continue
        out.append((tpos, off))
    return out


def main():
    wn = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/wordnet"
    out_dir = sys.argv[2] if len(sys.argv) > 2 else "rules/lexicon/english"
    os.makedirs(out_dir, exist_ok=True)

    data = {p: read_data(wn, name) for p, name in POS_FILES}
    index = {p: read_index(wn, name) for p, name in POS_FILES}

    # lemma -> {pos: (tagcount, [(pos, offset)])}
    lemmas = {}
    for p, _name in POS_FILES:
        for lemma, (tagcnt, offsets) in index[p].items():
            if not kept(lemma, p):
                continue
            n_senses = SENSES if tagcnt >= SENSES else UNRANKED_SENSES
            keys = [(p, off) for off in offsets[:n_senses]]
            for off in offsets[:LINK_SENSES]:
                if p == "v":
                    keys += lexical_targets(data, p, off, lemma, {"+"}, {"n"})
                elif p in ("n", "a"):
                    keys += lexical_targets(data, p, off, lemma, {"+"}, {"v"})
                if p == "a":
                    keys += lexical_targets(data, p, off, lemma, {"\\"}, {"n"})
                if p == "r":
                    keys += lexical_targets(data, p, off, lemma, {"\\"}, {"a"})
            if p == "v":
                for off in offsets[:n_senses]:
                    keys += lexical_targets(data, p, off, lemma, {">"}, {"v"})
            lemmas.setdefault(lemma, {})[p] = (tagcnt, keys)

    # Every referenced synset, closed under noun hypernyms.
    used = set()
    for per_pos in lemmas.values():
        for _tag, keys in per_pos.values():
            used.update(keys)
    stack = [k for k in used if k[0] == "n"]
    hyper = {}
    while stack:
        key = stack.pop()
        if key in hyper:
            continue
        _words, ptrs = data["n"][key[1]]
        ups = sorted({("n", off) for sym, off, tpos, _s, _t in ptrs if sym in ("@", "@i") and tpos == "n"})
        hyper[key] = ups
        for up in ups:
            used.add(up)
            if up not in hyper:
                stack.append(up)

    # Verbs: their direct hypernyms, one level only ("store" is a kind of "keep", "chat"
    # of "converse"); verb hierarchies are shallow and their tops ("move", "change",
    # "act") join everything.
    for key in sorted(k for k in used if k[0] == "v"):
        _words, ptrs = data["v"][key[1]]
        hyper[key] = sorted({("v", off) for sym, off, tpos, _s, _t in ptrs if sym == "@" and tpos == "v"})
    for ups in list(hyper.values()):
        used.update(ups)

    ordered = sorted(used, key=lambda k: (POS_ORDER[k[0]], k[1]))
    ids = {k: i for i, k in enumerate(ordered)}

    header = (
        "# Derived from WordNet 3.0 by scripts/derive_wordnet.py; do not edit.\n"
        "# WordNet 3.0 Copyright 2006 by Princeton University. See LICENSE-wordnet.txt.\n"
    )

    with open(os.path.join(out_dir, "concepts.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.write(header)
        f.write("# pos\tsynset offset\thead word\thypernym ids (line order = concept id, from 0)\n")
        for key in ordered:
            words, _ptrs = data[key[0]][key[1]]
            ups = ",".join(str(ids[u]) for u in hyper.get(key, []))
            f.write(f"{key[0]}\t{key[1]:08d}\t{words[0]}\t{ups}\n")

    with open(os.path.join(out_dir, "lemmas.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.write(header)
        f.write("# lemma\t<pos>:<tagged sense count>:<concept ids>\t...\n")
        for lemma in sorted(lemmas):
            fields = [lemma]
            for p, _name in POS_FILES:
                if p not in lemmas[lemma]:
                    continue
                tagcnt, keys = lemmas[lemma][p]
                cids = []
                for k in keys:
                    if ids[k] not in cids:
                        cids.append(ids[k])
                fields.append(f"{p}:{tagcnt}:{','.join(str(c) for c in cids)}")
            f.write("\t".join(fields) + "\n")

    with open(os.path.join(out_dir, "irregular.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.write(header)
        f.write("# form\tpos\tlemma[,lemma...]  (from the WordNet *.exc files)\n")
        rows = []
        for p, name in POS_FILES:
            for form, targets in read_exc(wn, name).items():
                if "_" in form:
                    continue
                keep = [t for t in targets if "_" not in t and t != form and p in lemmas.get(t, {})]
                if keep:
                    rows.append((form, POS_ORDER[p], p, ",".join(keep)))
        for form, _o, p, targets in sorted(rows):
            f.write(f"{form}\t{p}\t{targets}\n")

    with open(os.path.join(out_dir, "places.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.write(header)
        f.write("# place\tinstance of\tpart of (comma-separated)\n")
        for lemma, row in sorted(places(data, index).items()):
            kind, parts = row
            f.write(f"{lemma}\t{kind}\t{','.join(parts)}\n")


def first_word(data, off):
    return data["n"][off][0][0].replace("_", " ")


def places(data, index):
    """lemma -> (instance kind, [part holonym words]) for nouns with either."""
    out = {}
    for lemma, (tagcnt, offsets) in index["n"].items():
        instance = any(
            sym == "@i" for off in offsets for sym, _o, _p, _s, _t in data["n"][off][1]
        )
        n_senses = len(offsets) if instance else (SENSES if tagcnt >= SENSES else UNRANKED_SENSES)
        kind = ""
        parts = []
        for off in offsets[:n_senses]:
            for sym, target, tpos, _s, _t in data["n"][off][1]:
                if tpos != "n":
                    continue
                if sym == "@i" and off == offsets[0] and not kind:
                    kind = first_word(data, target)
                if sym == "#p":
                    word = first_word(data, target).lower()
                    if word not in parts and word != lemma.replace("_", " "):
                        parts.append(word)
        if kind or parts:
            out[lemma.replace("_", " ")] = (kind.lower(), parts)
    return out


if __name__ == "__main__":
    main()
