"""Builds benchmark input from the development corpora in ../shared/corpora.

Documents, one per line (UTF-8, LF):
  * pd1998-doc: each People's Daily article, BOM and the inserted ASCII spaces removed, its
    lines (paragraphs) joined into one line;
  * msra (train slice), pd1998 (dev.bio) and cluener (train): sentences, character spacing
    removed, reassembled in corpus order into documents of 20-40 sentences.
That pool (a few MB) is then repeated, each copy in a new shuffled order with a fixed seed,
until the output reaches the requested size. The pool is repeated: the text is not 20 MB of
distinct news, only of realistic news.

No corpus text is stored in the project: this reads ../shared/corpora at run time.
"""
import glob
import json
import os
import random
import sys

SEED = 20260101


def corpora_dir(repo):
    d = os.path.normpath(os.path.join(repo, "..", "shared", "corpora"))
    if not os.path.isdir(d):
        sys.exit(f"bench: corpora not found at {d} (expected ../shared/corpora from the repository root)")
    return d


def _pd1998_docs(d):
    out = []
    files = sorted(glob.glob(os.path.join(d, "pd1998-doc", "*.txt")))
    if not files:
        sys.exit(f"bench: no pd1998-doc/*.txt under {d}")
    for f in files:
        with open(f, encoding="utf-8-sig") as fh:
            lines = [l.replace(" ", "").strip() for l in fh]
        doc = "".join(l for l in lines if l)
        if doc:
            out.append(doc)
    return out


def _msra_sentences(d):
    with open(os.path.join(d, "msra", "train-slice.sentences.txt"), encoding="utf-8") as fh:
        return [s for s in (l.rstrip("\n").replace(" ", "") for l in fh) if s]


def _pd1998_sentences(d):
    out, cur = [], []
    with open(os.path.join(d, "pd1998", "dev.bio"), encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line.strip():
                if cur:
                    out.append("".join(cur))
                    cur = []
                continue
            cur.append(line.split(" ")[0] if not line.startswith(" ") else " ")
    if cur:
        out.append("".join(cur))
    return out


def _cluener_sentences(d):
    out = []
    with open(os.path.join(d, "cluener", "train.json"), encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if line:
                t = json.loads(line)["text"].replace("\n", " ").strip()
                if t:
                    out.append(t)
    return out


def _group(sentences, rng):
    docs, i = [], 0
    while i < len(sentences):
        n = rng.randint(20, 40)
        docs.append("".join(sentences[i:i + n]))
        i += n
    return docs


def pool(repo):
    """The distinct documents, in a fixed order, and what they came from."""
    d = corpora_dir(repo)
    rng = random.Random(SEED)
    parts = [
        ("pd1998-doc articles", _pd1998_docs(d)),
        ("msra sentences → docs", _group(_msra_sentences(d), rng)),
        ("pd1998 sentences → docs", _group(_pd1998_sentences(d), rng)),
        ("cluener sentences → docs", _group(_cluener_sentences(d), rng)),
    ]
    docs = [doc for _, ds in parts for doc in ds]
    return docs, [(name, len(ds), sum(len(x.encode()) for x in ds)) for name, ds in parts]


def repeated(docs, target_bytes, seed=SEED):
    """Yields encoded lines: the pool in a new shuffled order each round, until target_bytes."""
    rng = random.Random(seed)
    encoded = [(doc + "\n").encode("utf-8") for doc in docs]
    total = 0
    while True:
        order = list(range(len(encoded)))
        rng.shuffle(order)
        for i in order:
            yield encoded[i]
            total += len(encoded[i])
            if total >= target_bytes:
                return


def write_input(repo, path, target_bytes):
    """Writes the input file (reused when it exists with the same parameters); returns stats."""
    meta_path = path + ".meta.json"
    if os.path.exists(path) and os.path.exists(meta_path):
        with open(meta_path) as fh:
            meta = json.load(fh)
        if meta.get("target_bytes") == target_bytes and meta.get("seed") == SEED \
                and os.path.getsize(path) == meta.get("bytes"):
            return meta
    docs, parts = pool(repo)
    n = size = chars = 0
    tmp = path + ".tmp"
    with open(tmp, "wb") as fh:
        for line in repeated(docs, target_bytes):
            fh.write(line)
            n += 1
            size += len(line)
            chars += len(line.decode("utf-8")) - 1
    os.replace(tmp, path)
    pool_bytes = sum(p[2] for p in parts)
    meta = {
        "target_bytes": target_bytes, "seed": SEED, "bytes": size, "documents": n,
        "chars": chars, "pool_documents": len(docs), "pool_bytes": pool_bytes + len(docs),
        "pool_parts": [{"source": a, "documents": b, "bytes": c} for a, b, c in parts],
        "repeats": round(size / (pool_bytes + len(docs)), 2),
    }
    with open(meta_path, "w") as fh:
        json.dump(meta, fh, indent=1)
    return meta


def head_slice(src, dst, max_bytes):
    """The first whole lines of src up to max_bytes (at least one line); returns (bytes, lines, chars)."""
    size = n = chars = 0
    with open(src, "rb") as fin, open(dst, "wb") as fout:
        for line in fin:
            if n and size + len(line) > max_bytes:
                break
            fout.write(line)
            size += len(line)
            n += 1
            chars += len(line.decode("utf-8").rstrip("\n"))
    return size, n, chars
