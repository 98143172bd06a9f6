"""jieba 0.42.1 part-of-speech segmentation over a lines file: the comparison point for shuo.

Run with the bench venv's python. Loads jieba (timed separately: the dictionary load is a
fixed start-up cost), then runs jieba.posseg.cut over every non-blank line and counts the
(word, flag) pairs. Prints one line of JSON.
"""
import json
import sys
import time

t0 = time.perf_counter()
import jieba
import jieba.posseg as pseg

jieba.setLogLevel(60)
jieba.initialize()
# posseg has its own tokenizer around the default one; warm it on a short sentence.
list(pseg.cut("中共中央总书记发表讲话。"))
t1 = time.perf_counter()

docs = words = 0
with open(sys.argv[1], encoding="utf-8") as fh:
    for line in fh:
        line = line.rstrip("\r\n")
        if not line.strip():
            continue
        docs += 1
        for _ in pseg.cut(line):
            words += 1
t2 = time.perf_counter()
print(json.dumps({"version": jieba.__version__, "load_seconds": round(t1 - t0, 4),
                  "seconds": round(t2 - t1, 4), "documents": docs, "words": words}))
