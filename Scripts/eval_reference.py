#!/usr/bin/env python3
"""Reference scorer for annotation-spec section 4, written independently of
`shuo eval` (Python standard library only). Prints the same JSON report as
`shuo eval --json GOLD PRED` (without by_rule/errors), so the two can be compared:

  Scripts/eval_reference.py GOLD PRED               # JSON report
  Scripts/eval_reference.py --compare SHUO_JSON GOLD PRED
        # also read `shuo eval --json` output and check every number agrees to
        # 3 decimals; exit 1 on any difference

Rules (spec section 4, plus the tie rule shuo documents):
  - documents matched by id; a gold document missing from PRED = all misses;
    PRED ids not in GOLD are listed and not scored
  - entities per type (PERSON, TITLE, ORG) and micro: exact (type, start, end)
    one to one; partial = same type and overlapping, paired one to one
  - quotes: kind "direct" only; predicted direct quotes overlapping a gold
    "ignore" quote are dropped; exact spans, overlap pairs; speaker right when
    names are equal, the predicted name is a gold alias, or both are null;
    end-to-end counts pairs with the right speaker
  - overlap pairing: largest overlap first; ties to the gold span that comes
    first (start, end), then the predicted span that comes first
  - a ratio with a zero denominator is 0 (speaker accuracy: null)
"""
import argparse
import json
import sys

TYPES = ["PERSON", "TITLE", "ORG"]


def load(path):
    docs = {}
    order = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            d = json.loads(line)
            if d["id"] in docs:
                raise SystemExit(f"{path}:{n}: duplicate id {d['id']}")
            docs[d["id"]] = d
            order.append(d["id"])
    return docs, order


def ratio(a, b):
    return a / b if b else 0.0


def prf(tp, gold, pred):
    p, r = ratio(tp, pred), ratio(tp, gold)
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"tp": tp, "precision": p, "recall": r, "f1": f}


def n_exact(gold_spans, pred_spans):
    """Equal spans, each used once: the size of the multiset intersection."""
    left = list(pred_spans)
    n = 0
    for g in gold_spans:
        if g in left:
            left.remove(g)
            n += 1
    return n


def pair_by_overlap(gold_spans, pred_spans):
    """[(gold index, pred index)] one to one, largest overlap first."""
    gold_sorted = sorted(range(len(gold_spans)), key=lambda i: gold_spans[i])
    pred_sorted = sorted(range(len(pred_spans)), key=lambda j: pred_spans[j])
    cands = []
    for gi, i in enumerate(gold_sorted):
        gs, ge = gold_spans[i]
        for pj, j in enumerate(pred_sorted):
            ps, pe = pred_spans[j]
            ov = min(ge, pe) - max(gs, ps)
            if ov > 0:
                cands.append((-ov, gi, pj, i, j))
    cands.sort()
    used_g, used_p, pairs = set(), set(), []
    for _, _, _, i, j in cands:
        if i in used_g or j in used_p:
            continue
        used_g.add(i)
        used_p.add(j)
        pairs.append((i, j))
    return pairs


def speaker_name(q):
    s = q.get("speaker")
    return None if s is None else s.get("name")


def right_speaker(gq, pq):
    g, p = speaker_name(gq), speaker_name(pq)
    if g is None:
        return p is None
    if p is None:
        return False
    return p == g or p in (gq["speaker"].get("aliases") or [])


def score(gold_path, pred_path, types=None):
    types = types or TYPES
    gold, gold_order = load(gold_path)
    pred, pred_order = load(pred_path)
    ent = {t: {"gold": 0, "pred": 0, "exact": 0, "partial": 0} for t in types}
    qs = {"gold": 0, "pred": 0, "ignored": 0, "exact": 0, "overlap": 0, "right": 0}
    missing = [i for i in gold_order if i not in pred]
    extra = [i for i in pred_order if i not in gold]
    failed = [i for i in gold_order if i in pred and "error" in pred[i] and "text" not in pred[i]]

    for doc_id in gold_order:
        g = gold[doc_id]
        p = pred.get(doc_id, {})
        for t in types:
            gs = [(e["start"], e["end"]) for e in g.get("entities") or [] if e["type"] == t]
            ps = [(e["start"], e["end"]) for e in p.get("entities") or [] if e["type"] == t]
            ent[t]["gold"] += len(gs)
            ent[t]["pred"] += len(ps)
            ent[t]["exact"] += n_exact(gs, ps)
            ent[t]["partial"] += len(pair_by_overlap(gs, ps))

        ignore = [(q["start"], q["end"]) for q in g.get("quotes") or [] if q["kind"] == "ignore"]
        gq = [q for q in g.get("quotes") or [] if q["kind"] == "direct"]
        pq = []
        for q in p.get("quotes") or []:
            if q["kind"] != "direct":
                continue
            if any(min(e, q["end"]) - max(s, q["start"]) > 0 for s, e in ignore):
                qs["ignored"] += 1
            else:
                pq.append(q)
        qs["gold"] += len(gq)
        qs["pred"] += len(pq)
        gspans = [(q["start"], q["end"]) for q in gq]
        pspans = [(q["start"], q["end"]) for q in pq]
        qs["exact"] += n_exact(gspans, pspans)
        pairs = pair_by_overlap(gspans, pspans)
        qs["overlap"] += len(pairs)
        qs["right"] += sum(1 for i, j in pairs if right_speaker(gq[i], pq[j]))

    entities = {}
    tot = {"gold": 0, "pred": 0, "exact": 0, "partial": 0}
    for t in types:
        c = ent[t]
        for k in tot:
            tot[k] += c[k]
        entities[t] = {"gold": c["gold"], "pred": c["pred"],
                       "exact": prf(c["exact"], c["gold"], c["pred"]),
                       "partial": prf(c["partial"], c["gold"], c["pred"])}
    entities["micro"] = {"gold": tot["gold"], "pred": tot["pred"],
                         "exact": prf(tot["exact"], tot["gold"], tot["pred"]),
                         "partial": prf(tot["partial"], tot["gold"], tot["pred"])}
    return {
        "documents": {"gold": len(gold_order), "pred": len(pred_order),
                      "scored": len(gold_order) - len(missing),
                      "missing": missing, "extra": extra, "failed": failed},
        "entities": entities,
        "quotes": {
            "gold": qs["gold"], "pred": qs["pred"], "ignored": qs["ignored"],
            "exact": prf(qs["exact"], qs["gold"], qs["pred"]),
            "overlap": prf(qs["overlap"], qs["gold"], qs["pred"]),
            "speaker": {"pairs": qs["overlap"], "correct": qs["right"],
                        "accuracy": (qs["right"] / qs["overlap"]) if qs["overlap"] else None},
            "end_to_end": prf(qs["right"], qs["gold"], qs["pred"]),
        },
    }


def compare(ref, other, path="", out=None):
    """Every number and list in ref must be in other, numbers equal to 3 decimals."""
    out = [] if out is None else out
    if isinstance(ref, dict):
        if not isinstance(other, dict):
            out.append(f"{path}: not an object in shuo's report")
            return out
        for k, v in ref.items():
            if k not in other:
                out.append(f"{path}.{k}: missing from shuo's report")
            else:
                compare(v, other[k], f"{path}.{k}", out)
    elif isinstance(ref, list):
        if ref != other:
            out.append(f"{path}: {ref!r} != {other!r}")
    elif isinstance(ref, (int, float)) and not isinstance(ref, bool):
        if not isinstance(other, (int, float)) or abs(ref - other) >= 0.0005:
            out.append(f"{path}: reference {ref} != shuo {other}")
    elif ref != other:
        out.append(f"{path}: reference {ref!r} != shuo {other!r}")
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--types", help="comma-separated entity types (default PERSON,TITLE,ORG)")
    ap.add_argument("--compare", metavar="SHUO_JSON",
                    help="a file holding `shuo eval --json` output to check against ('-' = stdin)")
    ap.add_argument("gold")
    ap.add_argument("pred")
    a = ap.parse_args()
    types = [t.strip().upper() for t in a.types.split(",")] if a.types else None
    ref = score(a.gold, a.pred, types)
    if not a.compare:
        json.dump(ref, sys.stdout, ensure_ascii=False)
        print()
        return 0
    text = sys.stdin.read() if a.compare == "-" else open(a.compare, encoding="utf-8").read()
    diffs = compare(ref, json.loads(text))
    for d in diffs:
        print("eval_reference: DIFF " + d, file=sys.stderr)
    print(f"eval_reference: {'AGREE' if not diffs else 'DISAGREE'}: {a.gold} vs {a.pred} "
          f"({len(diffs)} differences)", file=sys.stderr)
    return 1 if diffs else 0


if __name__ == "__main__":
    sys.exit(main())
