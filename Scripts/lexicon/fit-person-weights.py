#!/usr/bin/env python3
"""How the PERSON stage's two logistic scoring models were fitted (kept for reproducibility).

Inputs, made beforehand in /tmp/e1 (not shipped):
  clue.gold.jsonl  gold PERSON spans of CLUENER train ({"id", "per": [[start, end], ...]})
  clue.err         stderr of `SHUO_PERSON_DEBUG=1 shuo annotate --input jsonl` over the same
                   documents: one `CAND id start end score rule kind features` line per candidate
Weights: CLUENER train + the MSRA train slice (msra.gold.jsonl / msra.err made the same way);
  PD1998 dev is kept out of the fit and used as the check.
The fitted weights are written into Sources/Shuo/Extractors/NameScoring.swift by hand.
"""
import json,sys,collections,numpy as np
def load(goldf,candf):
    gold={}
    for l in open(goldf):
        d=json.loads(l); gold[d['id']]=set((e['start'],e['end']) for e in d['entities'] if e['type']=='PERSON')
    C=collections.defaultdict(list)
    for l in open(candf):
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
def decode(gold,C,W,th,TH0=2.4,bonus=1.0):
    tp=fp=0;G=sum(map(len,gold.values()))
    for id,cs in C.items():
        sc=[]
        for a,b,s,r,k,f in cs:
            if k>0:
                s=f@W[k]-th[k]+TH0
                if k==1 and f[14]: s+=bonus
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
sets={'clue':load('clue.gold.full.jsonl','clue.cand'),'msra':load('run0/msra.gold.jsonl','msra.cand1'),'pd':load('run0/pd1998.gold.jsonl','pd1998.cand1')}
HW=[-0.584, 0.726, 0.303, 0.196, -3.812, 1.293, -0.040, 0.735, -0.731, 0.430,-1.150, 0.215, -0.020, -0.140, 0.932, 0.492, 0.411, 0.560, 1.345, 0.590,0.934, 0.246, 0.607, -2.449, -1.191, 0.790, 0.832, 0.483, -0.786, -1.436,0.000]
TW=[-2.325, 0.016, -0.914, -0.753, -0.320, 1.868, 1.335, -0.025, 0.879, 0.644,0.649, -1.254, 0.551, -1.449, -1.049, -1.106, -0.491, 0.271, 0.277, 0.704,0.501]
W0={1:np.array(HW+[0]*(32-len(HW))),2:np.array(TW+[0]*(32-len(TW)))}
def fitW(names,l2=1.0,wts=None):
    W={}
    for kind in [1,2]:
        X=[];y=[];sw=[]
        for n in names:
            gold,C=sets[n]
            for id,cs in C.items():
                for a,b,s,r,k,f in cs:
                    if k==kind: X.append(f); y.append(1.0 if (a,b) in gold[id] else 0.0)
        X=np.array(X);y=np.array(y)
        W[kind]=fit(X,y,l2)
    return W
def report(tag,W,th):
    print(tag,th,' | '.join(f'{n} P={P:.3f} R={R:.3f} F={F:.3f}' for n in ['clue','msra','pd'] for P,R,F in [decode(*sets[n],W,th)]))
report('current',W0,{1:-1.0,2:-0.5})
for names in []:
    W=fitW(names)
    for t1 in [-1.5,-1.0,-0.5,0]:
        report('+'.join(names),W,{1:t1,2:t1+0.5})
    print(' '.join(f'{v:.2f}' for v in W[1][:31]))
W=fitW(['clue','msra'])
for k in [1,2]:
    m=31 if k==1 else 21
    print('W%d'%k, ', '.join(f'{v:.3f}' for v in W[k][:m]))
