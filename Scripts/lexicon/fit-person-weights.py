#!/usr/bin/env python3
"""How the PERSON stage's two logistic scoring models were fitted (kept for reproducibility).

Inputs, made beforehand in /tmp/e1 (not shipped):
  clue.gold.jsonl  gold PERSON spans of CLUENER train ({"id", "per": [[start, end], ...]})
  clue.err         stderr of `SHUO_PERSON_DEBUG=1 shuo annotate --input jsonl` over the same
                   documents: one `CAND id start end score rule kind features` line per candidate
Only CLUENER *train* is used for the weights; MSRA and PD1998 were used to pick two thresholds.
The fitted weights are written into Sources/Shuo/Extractors/NameScoring.swift by hand.
"""
import json,sys,collections,numpy as np
def load(n):
    gold={}
    for l in open(f'/tmp/e1/{n}.gold.jsonl'):
        d=json.loads(l); gold[d['id']]=set(map(tuple,d['per']))
    C=collections.defaultdict(list)
    for l in open(f'/tmp/e1/{n}.err'):
        if not l.startswith('CAND'): continue
        p=l.rstrip('\n').split('\t')
        _,id,a,b,sc,r,kind,fs=p
        f=np.zeros(32)
        for kv in fs.split():
            k,v=kv.split(':'); f[int(k)]=float(v)
        C[id].append([int(a),int(b),float(sc),r,int(kind),f])
    return gold,C
def fit(X,y,l2=1.0,iters=3000,lr=0.5):
    w=np.zeros(X.shape[1]); n=len(y)
    for it in range(iters):
        z=X@w; p=1/(1+np.exp(-z))
        g=X.T@(p-y)/n + l2*w/n
        g[0]-=l2*w[0]/n
        w-=lr*g
    return w
def decode(gold,C,W,th,TH0=2.4):
    tp=fp=0;G=sum(map(len,gold.values()))
    for id,cs in C.items():
        sc=[]
        for a,b,s,r,k,f in cs:
            if k>0: s=f@W[k]-th[k]+TH0
            sc.append((a,b,s,r))
        occ=set()
        for a,b,s,r in sorted(sc,key=lambda x:(-x[2],-(x[1]-x[0]))):
            if s<TH0: break
            if any(q in occ for q in range(a,b)): continue
            occ.update(range(a,b))
            if (a,b) in gold[id]: tp+=1
            else: fp+=1
    P=tp/max(1,tp+fp);R=tp/G;F=2*P*R/max(1e-9,P+R)
    return P,R,F
gold,C=load('clue')
W={}
for kind in [1,2]:
    X=[];y=[]
    for id,cs in C.items():
        for a,b,s,r,k,f in cs:
            if k==kind: X.append(f); y.append(1.0 if (a,b) in gold[id] else 0.0)
    X=np.array(X);y=np.array(y)
    used=np.where(np.abs(X).sum(0)>0)[0]; m=used.max()+1
    w=np.zeros(32); w[:m]=fit(X[:,:m],y)
    W[kind]=w
    print(kind,len(y),int(y.sum()),' '.join(f'{v:.2f}' for v in w[:m]))
sets={n:load(n) for n in ['msra','pd']}
for t1 in [-1.0]:
  for t2 in [-0.5]:
    th={1:t1,2:t2}
    res=[decode(gold,C,W,th)]+[decode(*sets[n],W,th) for n in ['msra','pd']]
    print(t1,t2,' | '.join(f'P={P:.3f} R={R:.3f} F={F:.3f}' for P,R,F in res))
np.save('/tmp/e1/W1.npy',W[1]);np.save('/tmp/e1/W2.npy',W[2])
