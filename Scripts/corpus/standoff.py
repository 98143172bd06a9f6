"""Shared helpers for the project's gold files (see Corpora/README.md).

- raw text and .ann offset remapping for ../shared/corpora/pd1998-doc
- joining a pd1998-doc stand-off file with its article into a spec document
- validating a spec document (annotation-spec.md sections 1-3)

Python 3.9+, standard library only. Used by Scripts/corpus/pd1998-doc-gold
and Scripts/corpus/check-gold.
"""
import bisect
import hashlib
import json
import os

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DEFAULT_SHARED = os.path.normpath(os.path.join(REPO_ROOT, "..", "shared"))
STANDOFF_DIR = os.path.join(REPO_ROOT, "Corpora", "pd1998-doc")

ENTITY_TYPES = ("PERSON", "TITLE", "ORG")
QUOTE_KINDS = ("direct", "term", "ignore")
ANN_TYPES = {"PER": "PERSON", "ORG": "ORG"}  # LOC and MISC are not spec types
HEAD_LEN = 6

# quote marks of annotation-spec section 3; ASCII " opens and closes
OPEN_MARKS = "“‘「『﹃\""
CLOSE_MARKS = "”’」』﹄\""
# what may stand between two links of a title chain, or between byline names
CHAIN_GAPS = ("", "、", " ", "\u00a0", "\u3000")


class GoldError(Exception):
    """An inconsistency in a gold or stand-off file."""


# ---------------------------------------------------------------- pd1998-doc

def pd_dir(shared):
    return os.path.join(shared, "corpora", "pd1998-doc")


def pd_ids(shared):
    d = pd_dir(shared)
    return sorted(f[:-4] for f in os.listdir(d) if f.endswith(".txt"))


class Article:
    """A pd1998-doc article: raw text (BOM and ASCII spaces removed) and a
    map from .ann offsets (which count the BOM, every space, and each line
    end as two characters) to raw offsets."""

    def __init__(self, shared, art_id):
        self.id = art_id
        self.txt_path = os.path.join(pd_dir(shared), art_id + ".txt")
        self.ann_path = os.path.join(pd_dir(shared), art_id + ".ann")
        with open(self.txt_path, encoding="utf-8", newline="") as f:
            orig = f.read()
        raw, ann_pos, a = [], [], 0
        for i, ch in enumerate(orig):
            if not (i == 0 and ch == "\ufeff") and ch != " ":
                raw.append(ch)
                ann_pos.append(a)
            a += 2 if ch == "\n" else 1
        self.raw = "".join(raw)
        self._ann_pos = ann_pos  # .ann offset of each raw character, increasing
        self.sha1 = hashlib.sha1(self.raw.encode("utf-8")).hexdigest()

    def ann_span(self, a, b):
        """Raw [start, end) of the characters a .ann span [a, b) covers."""
        s = bisect.bisect_left(self._ann_pos, a)
        e = bisect.bisect_left(self._ann_pos, b)
        return s, e

    def ann_entities(self):
        """PER/ORG entities of the .ann remapped to raw offsets.
        Returns (entities, dropped): spans nested inside a longer PER/ORG span
        (the .ann has e.g. ORG 中共 inside ORG 中共北京市委宣传部) are dropped,
        keeping the longest name as annotation-spec section 3 asks. Raises
        GoldError if a remapped span does not slice to the .ann text with
        spaces removed, or if two kept spans cross."""
        ents = []
        with open(self.ann_path, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                line = line.rstrip("\n")
                if not line.strip():
                    continue
                parts = line.split("\t")
                if not parts[0].startswith("T"):
                    continue  # relations, notes: none in this corpus
                if len(parts) != 3 or ";" in parts[1]:
                    raise GoldError(f"{self.ann_path}:{n}: unsupported .ann line {line!r}")
                typ, a, b = parts[1].split(" ")
                if typ not in ANN_TYPES:
                    continue
                s, e = self.ann_span(int(a), int(b))
                want = parts[2].replace(" ", "")
                if self.raw[s:e] != want:
                    raise GoldError(f"{self.ann_path}:{n}: {typ} {a} {b} remaps to {s}:{e} "
                                    f"= {self.raw[s:e]!r}, expected {want!r}")
                ents.append({"type": ANN_TYPES[typ], "start": s, "end": e,
                             "text": want, "ann": parts[0]})
        ents.sort(key=lambda x: (x["start"], -(x["end"] - x["start"])))
        kept, dropped = [], []
        for x in ents:
            if kept and x["start"] < kept[-1]["end"]:
                k = kept[-1]
                if x["end"] <= k["end"]:
                    dropped.append(x)  # nested (or duplicate): keep the longer
                    continue
                raise GoldError(f"{self.ann_path}: {k['ann']} {k['text']} and {x['ann']} "
                                f"{x['text']} cross")
            kept.append(x)
        return kept, dropped


# ------------------------------------------------------------- stand-off join

def load_standoff(path):
    with open(path, encoding="utf-8") as f:
        try:
            return json.load(f)
        except json.JSONDecodeError as e:
            raise GoldError(f"{path}: bad JSON: {e}")


def _span(raw, obj, what, where):
    for k in ("start", "end"):
        if not isinstance(obj.get(k), int):
            raise GoldError(f"{where}: {what} lacks integer {k}: {obj}")
    s, e = obj["start"], obj["end"]
    if not (0 <= s < e <= len(raw)):
        raise GoldError(f"{where}: {what} {s}:{e} outside text (length {len(raw)})")
    return s, e


def check_standoff_shape(so, where):
    """Checks that need no article text. Returns a list of problems."""
    probs = []
    for k in ("id", "source", "sha1", "entities", "quotes"):
        if k not in so:
            probs.append(f"missing key {k!r}")
    base = os.path.basename(where)[:-5] if where.endswith(".json") else None
    if base and so.get("id") != "pd1998-doc/" + base:
        probs.append(f"id {so.get('id')!r} does not match file name")
    if base and so.get("source") != f"pd1998-doc/{base}.txt":
        probs.append(f"source {so.get('source')!r} does not match file name")
    for x in so.get("entities", []):
        if x.get("type") != "TITLE":
            probs.append(f"stand-off entity of type {x.get('type')!r} (only TITLE belongs here): {x}")
    for q in so.get("quotes", []):
        if q.get("kind") not in QUOTE_KINDS:
            probs.append(f"quote kind {q.get('kind')!r} not in {QUOTE_KINDS}")
        if not isinstance(q.get("head"), str):
            probs.append(f"quote without head: {q}")
        sp = q.get("speaker")
        if sp is not None:
            if not isinstance(sp, dict) or not isinstance(sp.get("name"), str) or not sp["name"]:
                probs.append(f"bad speaker {sp!r}")
            elif not isinstance(sp.get("aliases", []), list):
                probs.append(f"speaker aliases not a list: {sp!r}")
            if q.get("kind") != "direct":
                probs.append(f"{q.get('kind')} quote with a speaker: {q}")
    return probs


def nearest_mention(entities, names, anchor_s, anchor_e, types=("PERSON", "ORG")):
    """Id of the entity whose text is one of names nearest to [anchor_s, anchor_e)."""
    best = None
    for x in entities:
        if x["type"] in types and x["text"] in names:
            if x["end"] <= anchor_s:
                d = anchor_s - x["end"]
            elif x["start"] >= anchor_e:
                d = x["start"] - anchor_e
            else:
                d = 0
            if best is None or d < best[0]:
                best = (d, x["id"])
    return best[1] if best else None


def chain_titles(text, entities, idx):
    """Titles in apposition before the PERSON entities[idx] (entities sorted by
    start): walk left over TITLE/ORG links joined by 、 or nothing, skipping
    other byline names separated by a space. An ORG is attached to the title
    directly after it (same 、-link) only."""
    titles, cur, j = [], entities[idx]["start"], idx - 1
    while j >= 0:
        y = entities[j]
        gap = text[y["end"]:cur]
        if gap not in CHAIN_GAPS:
            break
        if y["type"] == "PERSON":
            if gap.strip() == "" and gap:  # byline: 本报记者 王皓 孟和朝鲁
                cur, j = y["start"], j - 1
                continue
            break
        if y["type"] == "TITLE":
            titles.append({"title": y["id"]})
        elif y["type"] == "ORG" and titles and gap == "" and "org" not in titles[-1]:
            titles[-1]["org"] = y["id"]
        else:
            break
        cur, j = y["start"], j - 1
    return list(reversed(titles))


def derive_people(text, entities):
    """people: PERSON mentions grouped by identical name, with apposed titles."""
    people, order = {}, []
    for i, x in enumerate(entities):
        if x["type"] != "PERSON":
            continue
        if x["text"] not in people:
            people[x["text"]] = {"name": x["text"], "mentions": [], "titles": []}
            order.append(x["text"])
        p = people[x["text"]]
        p["mentions"].append(x["id"])
        p["titles"].extend(chain_titles(text, entities, i))
    return [people[n] for n in order]


def join(art, so, where="stand-off"):
    """Spec document (annotation-spec section 2) from an Article and its
    stand-off object. Raises GoldError on any inconsistency. Returns
    (doc, warnings)."""
    warnings = []
    probs = check_standoff_shape(so, where)
    if probs:
        raise GoldError(f"{where}: " + "; ".join(probs))
    if so["sha1"] != art.sha1:
        raise GoldError(f"{where}: sha1 {so['sha1']} does not match the raw text of "
                        f"{art.txt_path} ({art.sha1})")
    raw = art.raw
    ents, _dropped = art.ann_entities()
    for x in so["entities"]:
        s, e = _span(raw, x, "TITLE", where)
        if x.get("text") != raw[s:e]:
            raise GoldError(f"{where}: TITLE {s}:{e} text {x.get('text')!r} != slice {raw[s:e]!r}")
        ents.append({"type": "TITLE", "start": s, "end": e, "text": raw[s:e]})
    ents.sort(key=lambda x: (x["start"], x["end"]))
    for a, b in zip(ents, ents[1:]):
        if b["start"] < a["end"]:
            raise GoldError(f"{where}: entities overlap: {a['type']} {a['start']}:{a['end']} "
                            f"{a['text']} and {b['type']} {b['start']}:{b['end']} {b['text']}")
    entities = [{"id": f"T{i}", "type": x["type"], "start": x["start"], "end": x["end"],
                 "text": x["text"]} for i, x in enumerate(ents, 1)]
    quotes = []
    for q in so["quotes"]:
        s, e = _span(raw, q, "quote", where)
        head = raw[s:min(e, s + HEAD_LEN)]
        if q["head"] != head:
            raise GoldError(f"{where}: quote {s}:{e} head {q['head']!r} != text {head!r}")
        cue = q.get("cue")
        if cue is not None:
            cs, ce = _span(raw, cue, "cue", where)
            if cue.get("text") != raw[cs:ce]:
                raise GoldError(f"{where}: cue {cs}:{ce} text {cue.get('text')!r} != slice {raw[cs:ce]!r}")
            cue = {"start": cs, "end": ce, "text": raw[cs:ce]}
        sp = q.get("speaker")
        if sp is not None:
            names = [sp["name"]] + list(sp.get("aliases", []))
            a_s, a_e = (cue["start"], cue["end"]) if cue else (s, e)
            m = nearest_mention(entities, names, a_s, a_e)
            if m is None:
                warnings.append(f"{where}: quote {s}:{e} speaker {sp['name']!r} has no PERSON/ORG "
                                f"entity with that name or an alias; mention is null")
            sp2 = {"name": sp["name"], "mention": m}
            if sp.get("aliases"):
                sp2["aliases"] = list(sp["aliases"])
            sp = sp2
        quotes.append({"kind": q["kind"], "start": s, "end": e, "text": raw[s:e],
                       "speaker": sp, "cue": cue})
    quotes.sort(key=lambda q: (q["start"], -q["end"]))
    for i, q in enumerate(quotes, 1):
        q_id = {"id": f"Q{i}"}
        q_id.update(q)
        quotes[i - 1] = q_id
    doc = {"id": so["id"], "text": raw, "entities": entities, "quotes": quotes,
           "people": derive_people(raw, entities)}
    return doc, warnings


# ---------------------------------------------------------- spec validation

def unannotated_marks(text, quotes):
    """Opening quote marks whose content start is no quote's start. A mark
    that re-opens a paragraph inside a quote (multi-paragraph quotation) is
    fine. ASCII \" is counted only when it opens (an even occurrence)."""
    starts = {q["start"] for q in quotes}
    spans = [(q["start"], q["end"]) for q in quotes]
    out, ascii_n = [], 0
    for i, ch in enumerate(text):
        if ch not in OPEN_MARKS:
            continue
        if ch == '"':
            ascii_n += 1
            if ascii_n % 2 == 0:
                continue
        if i + 1 in starts:
            continue
        if (i == 0 or text[i - 1] == "\n") and any(s < i < e for s, e in spans):
            continue
        out.append(i)
    return out


def validate_doc(doc, strict_marks=True):
    """Problems (list of str) of one spec document."""
    P = []
    if not isinstance(doc, dict):
        return ["line is not a JSON object"]
    if not isinstance(doc.get("id"), str):
        P.append("missing string id")
    if "error" in doc:
        return P
    text = doc.get("text")
    if not isinstance(text, str):
        return P + ["missing text"]
    ids = set()

    def span(obj, what):
        if not isinstance(obj, dict):
            P.append(f"{what} is not an object: {obj!r}")
            return False
        s, e = obj.get("start"), obj.get("end")
        if not (isinstance(s, int) and isinstance(e, int) and 0 <= s < e <= len(text)):
            P.append(f"{what}: bad span {s}:{e}")
            return False
        if obj.get("text") != text[s:e]:
            P.append(f"{what} {s}:{e}: text {obj.get('text')!r} != slice {text[s:e]!r}")
            return False
        return True

    ents = doc.get("entities", [])
    by_id = {}
    for x in ents:
        if x.get("id") in ids:
            P.append(f"duplicate id {x.get('id')}")
        ids.add(x.get("id"))
        by_id[x.get("id")] = x
        if x.get("type") not in ENTITY_TYPES:
            P.append(f"entity {x.get('id')}: type {x.get('type')!r}")
        span(x, f"entity {x.get('id')}")
    ok = [x for x in ents if isinstance(x.get("start"), int) and isinstance(x.get("end"), int)]
    ok.sort(key=lambda x: (x["start"], x["end"]))
    for a, b in zip(ok, ok[1:]):
        if b["start"] < a["end"]:
            P.append(f"entities overlap: {a.get('id')} {a.get('text')} / {b.get('id')} {b.get('text')}")
    quotes = doc.get("quotes", [])
    for q in quotes:
        qid = q.get("id")
        if qid in ids:
            P.append(f"duplicate id {qid}")
        ids.add(qid)
        if q.get("kind") not in QUOTE_KINDS:
            P.append(f"quote {qid}: kind {q.get('kind')!r}")
        if span(q, f"quote {qid}") and strict_marks:
            s, e = q["start"], q["end"]
            if s == 0 or text[s - 1] not in OPEN_MARKS:
                P.append(f"quote {qid} {s}:{e}: no opening quote mark before it")
            if e >= len(text) or text[e] not in CLOSE_MARKS:
                P.append(f"quote {qid} {s}:{e}: no closing quote mark after it")
        sp = q.get("speaker")
        if sp is not None:
            if not isinstance(sp, dict) or not isinstance(sp.get("name"), str) or not sp.get("name"):
                P.append(f"quote {qid}: bad speaker {sp!r}")
            else:
                m = sp.get("mention")
                if m is not None and (m not in by_id or by_id[m].get("type") not in ("PERSON", "ORG")):
                    P.append(f"quote {qid}: speaker mention {m!r} is no PERSON/ORG entity")
                if not isinstance(sp.get("aliases", []), list):
                    P.append(f"quote {qid}: aliases not a list")
            if q.get("kind") != "direct":
                P.append(f"quote {qid}: {q.get('kind')} quote with a speaker")
        if q.get("cue") is not None:
            span(q["cue"], f"quote {qid} cue")
    if strict_marks:
        for i in unannotated_marks(text, [q for q in quotes if isinstance(q.get("start"), int)]):
            P.append(f"quote mark {text[i]} at {i} ({text[i + 1:i + 1 + HEAD_LEN]!r}...) has no quote entry")
    for p in doc.get("people", []):
        for m in p.get("mentions", []):
            if m not in by_id or by_id[m].get("type") != "PERSON":
                P.append(f"people {p.get('name')}: mention {m} is no PERSON entity")
        for t in p.get("titles", []):
            if t.get("title") not in by_id or by_id[t["title"]].get("type") != "TITLE":
                P.append(f"people {p.get('name')}: title {t.get('title')} is no TITLE entity")
            if "org" in t and (t["org"] not in by_id or by_id[t["org"]].get("type") != "ORG"):
                P.append(f"people {p.get('name')}: org {t.get('org')} is no ORG entity")
    return P
