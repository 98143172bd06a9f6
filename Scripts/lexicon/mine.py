#!/usr/bin/env python3
"""Regenerate shuo's lexicons (Sources/Shuo/Resources/lexicons/*.txt).

Run from the repository root:

    python3 Scripts/lexicon/mine.py [--shared ../shared] [--out DIR] [--review FILE]

It merges the hand-curated lists in Scripts/lexicon/curated/ with counts mined
from the *allowed* training splits only:

    ../shared/corpora/cluener/train.json
    ../shared/corpora/resume/train.char.bmes
    ../shared/corpora/weibo/train.conll
    ../shared/corpora/wp-speaker/train/train_unsplit.txt (+ speech_verb.txt)

It never reads MSRA, PD1998, any dev split or the seed. Output is
deterministic (sorted, deduplicated). Only entries (words, names, single
characters) and counts are written, never running text. With --review it also
writes the unmatched mined candidates (title heads, ORG endings) used for
hand curation. If ../shared is absent it prints a message and exits 0.
"""

import argparse
import collections
import json
import math
import os
import re
import sys

NN_MIN = 5  # min ICU-word count for a mined not-name

HERE = os.path.dirname(os.path.abspath(__file__))
CURATED = os.path.join(HERE, "curated")
SCRIPT = "Scripts/lexicon/mine.py"
CMD = "python3 Scripts/lexicon/mine.py (from the repo root)"

HAN = re.compile(r"^[\u3400-\u9fff]+$")
HAS_HAN = re.compile(r"[\u3400-\u9fff]")
DOTS = "·•・．.‧"

CLUENER = "corpora/cluener/train.json"
RESUME = "corpora/resume/train.char.bmes"
WEIBO = "corpora/weibo/train.conll"
WPS = "corpora/wp-speaker/train/train_unsplit.txt"
WPS_VERBS = "corpora/wp-speaker/speech_verb.txt"

LIC_PROJECT = "written for shuo, same licence as the project"
LIC_MINED = ("counts mined from research corpora (CLUENER2020 train, Resume NER train, "
             "Weibo NER train; corpus licences as published with their papers); only "
             "entries and counts are stored, no running text")


# ----------------------------------------------------------------- loading

def is_han(s):
    return bool(HAN.match(s))


def load_cluener(path):
    """[(text, [(type, start, end_excl)])] with type PERSON/ORG/TITLE/PLACE/other."""
    m = {"name": "PERSON", "organization": "ORG", "company": "ORG", "government": "ORG",
         "position": "TITLE", "address": "PLACE"}
    docs = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            spans = []
            for lab, items in sorted(d.get("label", {}).items()):
                for span_text, poss in sorted(items.items()):
                    for s, e in poss:
                        if d["text"][s:e + 1] == span_text:
                            spans.append((m.get(lab, lab), s, e + 1))
            docs.append((d["text"], sorted(spans, key=lambda x: (x[1], x[2], x[0]))))
    return docs


def load_resume(path):
    m = {"NAME": "PERSON", "ORG": "ORG", "TITLE": "TITLE", "LOC": "PLACE"}
    docs, chars, tags = [], [], []

    def flush():
        if not chars:
            return
        spans, st = [], None
        for i, t in enumerate(tags):
            if t.startswith("S-"):
                spans.append((m.get(t[2:], t[2:]), i, i + 1)); st = None
            elif t.startswith("B-"):
                st = i
            elif t.startswith("E-") and st is not None:
                spans.append((m.get(t[2:], t[2:]), st, i + 1)); st = None
            elif t == "O":
                st = None
        docs.append(("".join(chars), spans))
        chars.clear(); tags.clear()

    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip():
                flush(); continue
            c, t = line.rsplit(None, 1) if len(line.split()) > 1 else (" ", line.strip())
            chars.append(c[:1] if c else " "); tags.append(t)
    flush()
    return docs


def load_weibo(path):
    m = {"PER.NAM": "PERSON", "ORG.NAM": "ORG", "GPE.NAM": "PLACE", "LOC.NAM": "PLACE"}
    docs, chars, tags = [], [], []

    def flush():
        if not chars:
            return
        spans, st, cur = [], None, None
        for i, t in enumerate(tags + ["O"]):
            if st is not None and not (t.startswith("I-") and t[2:] == cur):
                spans.append((m.get(cur, cur), st, i)); st = None
            if t.startswith("B-"):
                st, cur = i, t[2:]
        docs.append(("".join(chars), spans))
        chars.clear(); tags.clear()

    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip():
                flush(); continue
            tok, t = line.split("\t") if "\t" in line else line.rsplit(None, 1)
            tok = tok.strip()
            c = tok[:-1] if len(tok) > 1 and tok[-1].isdigit() else tok
            chars.append(c[:1] if c else " "); tags.append(t.strip())
    flush()
    return docs


def load_wps(path):
    """Yield (context_lines_before_and_after_quote) per instance."""
    with open(path, encoding="utf-8") as f:
        blocks = f.read().split("\n\n")
    out = []
    for b in blocks:
        lines = [l for l in b.split("\n") if l.strip()]
        if len(lines) < 22 or not lines[0].startswith("Instance index"):
            continue
        sents = lines[1:22]
        out.append((sents[9], sents[10], sents[11]))
    return out


# ----------------------------------------------------------------- ICU words

def _icu():
    """ubrk_* from the system libicuuc through ctypes (no PyICU needed)."""
    import ctypes
    import ctypes.util
    name = ctypes.util.find_library("icuuc")
    if not name:
        raise SystemExit("mine.py: libicuuc not found (apt-get install libicu72)")
    lib = ctypes.CDLL(name)
    suf = None
    for cand in [""] + [f"_{v}" for v in range(99, 49, -1)]:
        if hasattr(lib, "ubrk_open" + cand):
            suf = cand; break
    if suf is None:
        raise SystemExit("mine.py: ubrk_open not found in " + name)
    fn = lambda n: getattr(lib, n + suf)
    op = fn("ubrk_open"); op.restype = ctypes.c_void_p
    op.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_void_p, ctypes.c_int32,
                   ctypes.POINTER(ctypes.c_int)]
    first = fn("ubrk_first"); first.restype = ctypes.c_int32; first.argtypes = [ctypes.c_void_p]
    nxt = fn("ubrk_next"); nxt.restype = ctypes.c_int32; nxt.argtypes = [ctypes.c_void_p]
    close = fn("ubrk_close"); close.argtypes = [ctypes.c_void_p]

    def words(text):
        b = text.encode("utf-16-le")
        buf = ctypes.create_string_buffer(b, len(b) + 2)
        st = ctypes.c_int(0)
        it = op(1, b"zh", buf, len(b) // 2, ctypes.byref(st))  # 1 = UBRK_WORD
        if st.value > 0:
            raise SystemExit(f"mine.py: ubrk_open failed ({st.value})")
        out, a = [], first(it)
        while True:
            e = nxt(it)
            if e < 0:
                break
            out.append(b[2 * a:2 * e].decode("utf-16-le")); a = e
        close(it)
        return out
    return words, name


def icu_word_counter(texts):
    words, _ = _icu()
    c = collections.Counter()
    for t in texts:
        c.update(words(t))
    return c


# ----------------------------------------------------------------- curated

def read_curated(name):
    """Lines of a curated file minus comments; each line split on TAB."""
    rows = []
    with open(os.path.join(CURATED, name), encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            rows.append(line.split("\t"))
    return rows


def read_words(name):
    words = []
    for row in read_curated(name):
        words.extend(row[0].split())
    return words


def read_places():
    out = []  # (name, tag)
    tag = None
    with open(os.path.join(CURATED, "places.txt"), encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            if line.startswith("@"):
                tag = line[1:]; continue
            out.extend((w, tag) for w in line.split())
    return out


# ----------------------------------------------------------------- writing

def write(out_dir, name, header, rows):
    """rows: list of tuples; first element entry, rest columns (str/int/float)."""
    seen, lines = set(), []
    for r in rows:
        if r[0] in seen:
            continue
        seen.add(r[0])
        cols = []
        for c in r:
            cols.append(f"{c:.3f}" if isinstance(c, float) else str(c))
        lines.append("\t".join(cols))
    with open(os.path.join(out_dir, name), "w", encoding="utf-8", newline="\n") as f:
        for h in header:
            f.write(("# " + h).rstrip() + "\n")
        for l in lines:
            f.write(l + "\n")
    return len(lines)


def by_weight(rows, idx=1):
    return sorted(rows, key=lambda r: (-r[idx], r[0]))


# ----------------------------------------------------------------- mining

def split_name(name, singles, compounds):
    """(surname, given) for a Han name, or (None, None)."""
    if len(name) >= 2 and name[:2] in compounds and (len(name) == 2 or len(name) <= 4):
        return name[:2], name[2:]
    if name[0] in singles:
        return name[0], name[1:]
    return None, None


def longest_suffix(s, vocab, maxlen):
    for k in range(min(len(s), maxlen), 0, -1):
        if s[-k:] in vocab:
            return s[-k:]
    return None


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", default="../shared")
    ap.add_argument("--out", default="Sources/Shuo/Resources/lexicons")
    ap.add_argument("--review", default=None, help="write mined candidates for curation here")
    a = ap.parse_args()

    corp = os.path.join(a.shared, "corpora")
    if not os.path.isdir(corp):
        print(f"mine.py: {corp} not found; lexicons left unchanged.", file=sys.stderr)
        return 0
    os.makedirs(a.out, exist_ok=True)

    clu = load_cluener(os.path.join(a.shared, CLUENER))
    res = load_resume(os.path.join(a.shared, RESUME))
    wei = load_weibo(os.path.join(a.shared, WEIBO))
    corpora = [("cluener", clu), ("resume", res), ("weibo", wei)]
    review = []

    # character counts over all allowed train texts
    charc = collections.Counter()
    for _, docs in corpora:
        for text, _ in docs:
            charc.update(text)

    def spans_of(typ, which=("cluener", "resume", "weibo")):
        c = collections.Counter()
        for nm, docs in corpora:
            if nm not in which:
                continue
            for text, spans in docs:
                for t, s, e in spans:
                    if t == typ:
                        c[text[s:e].strip()] += 1
        return c

    persons = spans_of("PERSON")
    honor = {r[0] for r in read_curated("honorifics.txt")}
    title_rows = read_curated("titles.txt")
    title_vocab = {r[0]: r[1] for r in title_rows}

    # ---------------- 1 surnames
    sur_words = read_words("surnames.txt")
    singles = {w for w in sur_words if len(w) == 1}
    compounds = {w for w in sur_words if len(w) == 2}
    sur_count = collections.Counter()
    given_count = collections.Counter()
    translit = collections.Counter()
    no_surname_first = collections.Counter()
    for name, n in persons.items():
        name = name.replace(" ", "").replace("\u3000", "").replace("\u00a0", "")
        if not name or not HAS_HAN.search(name):
            continue
        if any(d in name for d in DOTS):
            for ch in name:
                if is_han(ch):
                    translit[ch] += n
            continue
        if not is_han(name):
            continue
        sur, given = split_name(name, singles, compounds)
        if sur is not None and len(given) <= 2:
            sur_count[sur] += n
            if given and given not in honor and given not in title_vocab:
                for ch in given:
                    given_count[ch] += n
        elif len(name) >= 2 and name[0] not in "小老":
            # no Han surname, or 4+ chars after a single surname: foreign/minority
            if sur is None:
                no_surname_first[name[0]] += n
            for ch in name:
                translit[ch] += n

    rows = [(w, sur_count[w] + 1) for w in sorted(set(sur_words))]
    n_sur = write(a.out, "surnames.txt", [
        "surnames.txt — Han surnames, single-character and compound.",
        "Format: surname<TAB>weight. weight = 1 (floor) + number of PERSON spans in the",
        "  mined train sets whose name starts with this surname (compound surnames are",
        "  matched first). Entries with weight 1 are known 百家姓/modern surnames unseen there.",
        "Entries: hand-written from general knowledge (the public-domain 百家姓 and common",
        "  modern surnames such as 肖, 付, 覃), Scripts/lexicon/curated/surnames.txt.",
        f"Counts: PERSON spans of {CLUENER} (name), {RESUME} (NAME),",
        f"  {WEIBO} (PER.NAM); train splits only.",
        f"Mined by {SCRIPT}: {CMD}.",
        f"Licence: entries {LIC_PROJECT}; weights are {LIC_MINED}.",
        "Sorted by weight desc, then text.",
    ], by_weight(rows))

    # ---------------- 2 given-name chars
    rows = []
    for ch, g in given_count.items():
        if not is_han(ch):
            continue
        n = charc[ch]
        rows.append((ch, g, g / (n + 1)))
    n_given = write(a.out, "given-name-chars.txt", [
        "given-name-chars.txt — characters used in Han given names.",
        "Format: char<TAB>count<TAB>ratio.",
        "  count = occurrences of the char in the given-name part (after the surname) of",
        "          PERSON spans with a Han surname and a 1–2 char given name;",
        "  ratio = count / (occurrences of the char anywhere in the same train texts + 1),",
        "          3 decimals: how much of the char's use is inside given names. Use it as",
        "          evidence (high = name-like, e.g. 玲, 娟; low = function/common word char).",
        f"Source: {CLUENER}, {RESUME}, {WEIBO} (train only).",
        "  Names whose remainder is an honorific or title (杨先生, 黄教授) add no chars.",
        f"Mined by {SCRIPT}: {CMD}.",
        f"Licence: {LIC_MINED}.",
        "Sorted by count desc, then char.",
    ], by_weight(rows))

    # ---------------- 3 transliteration chars
    rows = [(ch, n) for ch, n in translit.items() if is_han(ch) and n >= 2]
    n_tr = write(a.out, "transliteration-chars.txt", [
        "transliteration-chars.txt — characters used in transliterated foreign (and",
        "  minority) names.",
        "Format: char<TAB>count (occurrences in such names; chars seen once are dropped).",
        "Mined from PERSON spans that contain a middle dot (·•・．), or are all-Han, 2+ chars",
        "  and do not start with a Han surname, or have 3+ chars after a single surname",
        "  (马拉多纳); spans starting with 小/老 are skipped.",
        f"Source: {CLUENER} (name), {RESUME} (NAME), {WEIBO} (PER.NAM); train only.",
        "  Noisy by construction (some Han names without a listed surname, nicknames);",
        "  weigh by count and combine with given-name-chars.txt ratio.",
        f"Mined by {SCRIPT}: {CMD}.",
        f"Licence: {LIC_MINED}.",
        "Sorted by count desc, then char.",
    ], by_weight(rows))

    # ---------------- 4 titles
    tspans = spans_of("TITLE", ("cluener", "resume"))
    maxlen = max(len(k) for k in title_vocab)
    tcount = collections.Counter()
    unmatched = collections.Counter()
    for span, n in tspans.items():
        hit = longest_suffix(span, title_vocab, maxlen)
        if hit:
            tcount[hit] += n
        else:
            unmatched[span[-2:] if len(span) >= 2 else span] += n
    review.append(("title spans without a listed head (last 2 chars)", unmatched))
    rows = [(w, tcount[w], tag) for w, tag in title_vocab.items()]
    n_titles = write(a.out, "titles.txt", [
        "titles.txt — TITLE words (annotation-spec §3).",
        "Format: entry<TAB>count<TAB>tag.",
        "  tag fixed = a whole fixed compound title (全国政协委员, 本报记者);",
        "  tag head  = a title head that may follow an ORG or place and modifiers",
        "              (研究部[主任], [副][书记]).",
        "  count = TITLE spans in the mined data whose longest listed suffix is this entry.",
        "Entries: hand-written from general knowledge plus heads seen in the mined",
        "  spans (Scripts/lexicon/curated/titles.txt). Generic roles that CLUENER marks",
        "  as position but the spec does not count (学生, 大学生, 老师, 选手, 球员,",
        "  客服, 网友, 老板, 嘉宾, 作者, 收藏家 …) are left out by hand; 中共党员 too.",
        f"Counts: {CLUENER} (position) and {RESUME} (TITLE), train only.",
        f"Mined by {SCRIPT}: {CMD}.",
        f"Licence: entries {LIC_PROJECT}; counts are {LIC_MINED}.",
        "Sorted by count desc, then text.",
    ], by_weight(rows))

    # ---------------- 5 title modifiers
    rows = sorted((r[0], r[1]) for r in read_curated("title-modifiers.txt"))
    n_mod = write(a.out, "title-modifiers.txt", [
        "title-modifiers.txt — prefixes that stay inside a TITLE span (副, 常务, 名誉 …).",
        "Format: entry<TAB>tag; tag safe = rarely anything but a title modifier before a",
        "  title head; ambiguous = also an ordinary word or part of other words",
        "  (代 in 代表, 前/原/总/正/驻/第一 …): accept only when directly followed by a head.",
        "Hand-written from general knowledge (Scripts/lexicon/curated/title-modifiers.txt).",
        f"Copied by {SCRIPT}: {CMD}.",
        f"Licence: {LIC_PROJECT}.",
        "Sorted by text.",
    ], rows)

    # ---------------- 6 org suffixes
    ospans = spans_of("ORG")
    suf_rows = read_curated("org-suffixes.txt")
    suf_vocab = {r[0]: r[1] for r in suf_rows}
    smax = max(len(k) for k in suf_vocab)
    scount = collections.Counter()
    unmatched = collections.Counter()
    for span, n in ospans.items():
        if not HAS_HAN.search(span):
            continue
        hit = longest_suffix(span, suf_vocab, smax)
        if hit:
            scount[hit] += n
        else:
            unmatched[span[-1]] += n
    review.append(("ORG spans without a listed suffix (last char)", unmatched))
    rows = [(w, scount[w], tag) for w, tag in suf_vocab.items()]
    n_suf = write(a.out, "org-suffixes.txt", [
        "org-suffixes.txt — words that end organization names.",
        "Format: entry<TAB>count<TAB>tag.",
        "  tag strong = almost always ends an ORG name (公司, 委员会, 日报);",
        "  tag weak   = ends ORG names but is common in ordinary words too (部, 局, 网, 会):",
        "               needs more context (a place or known name before it).",
        "  count = ORG spans whose longest listed suffix is this entry.",
        "Entries: curated by hand (Scripts/lexicon/curated/org-suffixes.txt) after mining",
        "  the endings of ORG spans.",
        f"Counts: {CLUENER} (organization, company, government), {RESUME} (ORG),",
        f"  {WEIBO} (ORG.NAM); train only.",
        f"Mined by {SCRIPT}: {CMD}.",
        f"Licence: entries {LIC_PROJECT}; counts are {LIC_MINED}.",
        "Sorted by count desc, then text.",
    ], by_weight(rows))

    # ---------------- 8 places (before orgs: orgs excludes places)
    places = read_places()
    no_shi = set(read_words("places-no-suffix.txt"))
    ptag = {}
    for w, tag in places:
        ptag.setdefault(w, tag)
    municip = {"北京", "天津", "上海", "重庆"}
    for w, tag in list(places):
        if len(w) < 2 or w in no_shi:
            continue
        if tag == "province" and not w.endswith(("区", "省", "市")) and w not in {"台湾"}:
            if w in municip:
                ptag.setdefault(w + "市", "province")
            elif w not in {"内蒙古", "广西", "西藏", "宁夏", "新疆", "香港", "澳门"}:
                ptag.setdefault(w + "省", "province")
        if tag == "city" and w[-1] not in "市区" and HAN.match(w):
            foreign = w in FOREIGN_CITY
            if not foreign:
                ptag.setdefault(w + "市", "city")
    addr = spans_of("PLACE", ("cluener",))
    strong = [k for k, t in suf_vocab.items() if t == "strong"]

    def strong_suffix(w):
        return any(w.endswith(k) and len(w) > len(k) for k in strong)

    org_curated = {r[0] for r in read_curated("orgs.txt")}
    org_excl = set(read_words("orgs-exclude.txt"))
    mined_places = 0
    for w, n in addr.items():
        if n >= 2 and is_han(w) and len(w) >= 2 and w not in ptag and w not in org_curated \
                and w not in org_excl and not strong_suffix(w):
            ptag[w] = "other"; mined_places += 1
    rows = [(w, addr.get(w, 0), t) for w, t in ptag.items()]
    n_places = write(a.out, "places.txt", [
        "places.txt — place names (not ORG by themselves; they can start an ORG name and",
        "  stop a title: 纽约州[州长]).",
        "Format: entry<TAB>count<TAB>tag, tag one of province|city|county|country|region|other.",
        "  count = occurrences as a CLUENER address span (0 if unseen).",
        "Entries: hand-written from general knowledge (Scripts/lexicon/curated/places.txt;",
        "  Chinese provincial units with full names and one-char abbreviations 粤 沪 …,",
        "  prefecture cities, countries, world cities, regions), plus the derived",
        "  省/市 forms (广东省, 呼和浩特市), plus CLUENER address spans seen ≥ 2 times that",
        "  are not listed and do not end in a strong ORG suffix (tag other; these include",
        "  streets, districts, villages, buildings, venues).",
        f"Source of counts and mined entries: {CLUENER} (address), train only.",
        "  One-char abbreviations (蒙, 晋, 渝 …) are ambiguous: use them only before another",
        "  place/ORG word (蒙粤).",
        f"Mined by {SCRIPT}: {CMD}.",
        f"Licence: hand-written entries {LIC_PROJECT}; mined entries and counts are {LIC_MINED}.",
        "Sorted by count desc, then text.",
    ], by_weight(rows))

    # ---------------- 7 orgs
    clu_orgs = spans_of("ORG", ("cluener",))
    res_orgs = spans_of("ORG", ("resume",))
    wei_orgs = spans_of("ORG", ("weibo",))
    all_orgs = clu_orgs + res_orgs + wei_orgs
    org = {}
    for w in org_curated:
        org[w] = all_orgs.get(w, 0)
    skipped = collections.Counter()
    for src in (clu_orgs, res_orgs, wei_orgs):
        for w, n in src.items():
            if n < 2 or not HAS_HAN.search(w) or len(w) < 2:
                continue
            if w in org_excl or w in ptag or w.endswith(("杯", "赛")) or w in suf_vocab:
                skipped[w] += n
                continue
            org[w] = all_orgs[w]
    review.append(("mined ORG names skipped (exclude list / place / suffix only)", skipped))
    rows = [(w, n) for w, n in org.items()]
    n_orgs = write(a.out, "orgs.txt", [
        "orgs.txt — known organization names, full names and common short forms.",
        "Format: name<TAB>count; count = occurrences as an ORG span in the mined train",
        "  data (0 = hand-written, unseen there).",
        "Entries: (a) hand-written national bodies, parties, media and international",
        "  organizations (Scripts/lexicon/curated/orgs.txt), from general knowledge;",
        f"  (b) ORG spans seen ≥ 2 times in {CLUENER} (organization, company,",
        f"  government), {RESUME} (ORG) or {WEIBO} (ORG.NAM), train only, minus",
        "  generic words, places, leagues and competitions",
        "  (Scripts/lexicon/curated/orgs-exclude.txt, names ending 杯/赛, bare suffixes).",
        "  CLUENER is Sina news 2008-2010 heavy on football clubs, banks and games.",
        f"Mined by {SCRIPT}: {CMD}.",
        f"Licence: hand-written entries {LIC_PROJECT}; mined entries and counts are {LIC_MINED}.",
        "Sorted by count desc, then text.",
    ], by_weight(rows))

    # ---------------- 9 not-names
    name_sub = set()
    for name in persons:
        for k in (2, 3):
            for i in range(0, max(0, len(name) - k + 1)):
                name_sub.add(name[i:i + k])
    words = icu_word_counter([text for _, docs in corpora for text, _ in docs])
    curated_nn = read_words("not-names.txt")
    nn = {}
    dropped = []
    for w in curated_nn:
        if w in persons:
            dropped.append(w); continue
        nn[w] = words.get(w, 0)
    for g, n in words.items():
        if 2 <= len(g) <= 3 and is_han(g) and g[0] in singles and n >= NN_MIN \
                and g not in name_sub and g not in nn and g not in honor:
            nn[g] = n
    review.append(("curated not-names dropped because annotated as PERSON", collections.Counter(dropped)))
    rows = [(w, n) for w, n in nn.items()]
    n_nn = write(a.out, "not-names.txt", [
        "not-names.txt — strings that look like surname + given name but are not names",
        "  (高兴, 周末, 方面, 黄金 …).",
        "Format: entry<TAB>count; count = occurrences as an ICU word (the same ICU word",
        "  break the pipeline uses, locale zh) in the mined train texts.",
        "Entries: (a) hand-written from general knowledge (Scripts/lexicon/curated/",
        "  not-names.txt), minus any that occur as a PERSON span in the train data;",
        "  (b) mined: ICU words of 2-3 Han chars starting with a single-char surname,",
        f"  seen >= {NN_MIN} times, that never occur inside any annotated PERSON span",
        "  (公司, 经理, 时候, 房地产 ...).",
        f"Source: texts and PERSON spans of {CLUENER}, {RESUME}, {WEIBO}; train only.",
        f"Mined by {SCRIPT}: {CMD}.",
        f"Licence: hand-written entries {LIC_PROJECT}; mined entries and counts are {LIC_MINED}.",
        "Sorted by count desc, then text.",
    ], by_weight(rows))

    # ---------------- 10 speech cues
    cue_rows = read_curated("speech-cues.txt")
    inst = load_wps(os.path.join(a.shared, WPS))
    ccount = collections.Counter()
    for before, quote, after in inst:
        outside = re.sub(r"“[^”]*”", "", quote)
        ctx = before + "\n" + outside + "\n" + after
        for r in cue_rows:
            if r[0] in ctx:
                ccount[r[0]] += 1
    with open(os.path.join(a.shared, WPS_VERBS), encoding="utf-8") as f:
        wps_verbs = [l.strip() for l in f if l.strip()]
    review.append(("wp-speaker speech_verb.txt entries not taken", collections.Counter(
        {v: 1 for v in wps_verbs if v not in {r[0] for r in cue_rows}})))
    rows = [(r[0], ccount[r[0]], r[1]) for r in cue_rows]
    n_cues = write(a.out, "speech-cues.txt", [
        "speech-cues.txt — speech verbs and phrases that attribute a quotation (cue).",
        "Format: entry<TAB>count<TAB>tag.",
        "  tag strong = reports speech/writing when next to a quotation (说, 表示, 坦言);",
        "  tag weak   = also common as a non-speech verb (认为, 提出, 问, 告诉).",
        "  count = wp-speaker train instances (2,000, train_unsplit.txt) whose sentence",
        "          before or after the centre quote, or the quote line outside its marks,",
        "          contains the entry as a substring (novel dialogue; a rough prior only).",
        "Entries: curated by hand (Scripts/lexicon/curated/speech-cues.txt) from news usage",
        f"  and from the wp-speaker speech verb list ({WPS_VERBS}, Apache-2.0,",
        "  Chen et al. 2019/2021); novel-only verbs (哭, 笑, 想, 点点头 …) left out.",
        f"Mined by {SCRIPT}: {CMD}.",
        f"Licence: entries {LIC_PROJECT} (partly from the Apache-2.0 wp-speaker verb list);",
        "  counts from wp-speaker train, Apache-2.0.",
        "Sorted by count desc, then text.",
    ], by_weight(rows))

    # ---------------- 11 honorifics, 12 pronouns
    rows = sorted((r[0], r[1]) for r in read_curated("honorifics.txt"))
    n_hon = write(a.out, "honorifics.txt", [
        "honorifics.txt — words that follow a surname or name but are not part of it",
        "  (张先生 is not a PERSON; 王理宗先生 → PERSON 王理宗).",
        "Format: entry<TAB>gender (m|f|-).",
        "  总/董/工/局 are clipped titles used as address after a surname (王总, 李董).",
        "  老师 and 老 after a surname are forms of address (张老师, 钱老).",
        "Hand-written from general knowledge (Scripts/lexicon/curated/honorifics.txt).",
        f"Copied by {SCRIPT}: {CMD}.",
        f"Licence: {LIC_PROJECT}.",
        "Sorted by text.",
    ], rows)
    rows = sorted((r[0], r[1], r[2]) for r in read_curated("pronouns.txt"))
    n_pro = write(a.out, "pronouns.txt", [
        "pronouns.txt — third-person pronouns and pronoun-like words that can stand for",
        "  a speaker (他说, 其表示, 该人称).",
        "Format: entry<TAB>number (singular|plural)<TAB>gender (m|f|-).",
        "  其 is usually singular in news attribution but can be plural.",
        "Hand-written from general knowledge (Scripts/lexicon/curated/pronouns.txt).",
        f"Copied by {SCRIPT}: {CMD}.",
        f"Licence: {LIC_PROJECT}.",
        "Sorted by text.",
    ], rows)

    counts = [("surnames.txt", n_sur), ("given-name-chars.txt", n_given),
              ("transliteration-chars.txt", n_tr), ("titles.txt", n_titles),
              ("title-modifiers.txt", n_mod), ("org-suffixes.txt", n_suf), ("orgs.txt", n_orgs),
              ("places.txt", n_places), ("not-names.txt", n_nn), ("speech-cues.txt", n_cues),
              ("honorifics.txt", n_hon), ("pronouns.txt", n_pro)]
    for f, n in counts:
        print(f"{f}\t{n}")

    if a.review:
        with open(a.review, "w", encoding="utf-8") as f:
            f.write(f"# docs: cluener {len(clu)}, resume {len(res)}, weibo {len(wei)}, wp-speaker {len(inst)}\n")
            f.write(f"# PERSON span types {len(persons)}; first chars of names without surname: "
                    + " ".join(f"{k}:{v}" for k, v in no_surname_first.most_common(60)) + "\n")
            for title, c in review:
                f.write(f"\n## {title}\n")
                f.write(" ".join(f"{k}:{v}" for k, v in sorted(c.items(), key=lambda x: (-x[1], x[0]))[:400]) + "\n")
    return 0


FOREIGN_CITY = set()


def _load_foreign():
    # cities listed after the @country block are foreign: no 市 form
    seen_country = False
    with open(os.path.join(CURATED, "places.txt"), encoding="utf-8") as f:
        tag = None
        for line in f:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            if line.startswith("@"):
                tag = line[1:]
                if tag == "country":
                    seen_country = True
                continue
            if seen_country and tag == "city":
                FOREIGN_CITY.update(line.split())


if __name__ == "__main__":
    _load_foreign()
    sys.exit(main())
