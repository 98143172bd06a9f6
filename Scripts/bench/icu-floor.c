/*
 * icu-floor: the speed floor for shuo's segmentation — what ICU alone costs.
 *
 * Reads UTF-8 text, converts it to UTF-16 with u_strFromUTF8 and runs ICU's "zh" word break
 * iterator (dictionary-based for Chinese) over it, counting segments. Nothing else: no
 * document model, no output. Two modes:
 *
 *   --lines  (default)  one document per line: one conversion and one ubrk_setText per
 *                       non-blank line, like `shuo ... --input lines`.
 *   --whole             the whole file is one document, like `shuo ... --input text`.
 *
 * Prints one line of JSON: {"mode","bytes","documents","utf16_units","code_points",
 * "boundaries","words","seconds"} where words are segments with a non-"none" rule status
 * (letters, numbers, ideographs, kana) and seconds is CPU-bound wall time of the loop
 * (reading the file is included in the per-line mode, as shuo also reads as it goes).
 *
 * Build: cc -O2 -o icu-floor icu-floor.c $(pkg-config --cflags --libs icu-uc icu-i18n)
 * Usage: icu-floor [--lines|--whole] FILE   ('-' for stdin)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include <time.h>
#include <unicode/utypes.h>
#include <unicode/ustring.h>
#include <unicode/ubrk.h>

typedef struct {
    long long documents, units, codePoints, boundaries, words;
} Counts;

static UBreakIterator *brk;
static UChar *ubuf;
static int32_t ucap;

static void segment(const char *s, int32_t len, Counts *c) {
    UErrorCode st = U_ZERO_ERROR;
    int32_t need = 0;
    /* UTF-8 → UTF-16 never needs more units than bytes. */
    if (len + 1 > ucap) {
        ucap = len + 1 > 2 * ucap ? len + 1 : 2 * ucap;
        ubuf = realloc(ubuf, (size_t)ucap * sizeof(UChar));
        if (!ubuf) { fprintf(stderr, "icu-floor: out of memory\n"); exit(1); }
    }
    u_strFromUTF8WithSub(ubuf, ucap, &need, s, len, 0xFFFD, NULL, &st);
    if (U_FAILURE(st)) { fprintf(stderr, "icu-floor: u_strFromUTF8: %s\n", u_errorName(st)); exit(1); }
    c->documents++;
    c->units += need;
    c->codePoints += u_countChar32(ubuf, need);
    ubrk_setText(brk, ubuf, need, &st);
    if (U_FAILURE(st)) { fprintf(stderr, "icu-floor: ubrk_setText: %s\n", u_errorName(st)); exit(1); }
    for (int32_t b = ubrk_next(brk); b != UBRK_DONE; b = ubrk_next(brk)) {
        c->boundaries++;
        if (ubrk_getRuleStatus(brk) >= UBRK_WORD_NONE_LIMIT) c->words++;
    }
}

static int blank(const char *s, ssize_t n) {
    for (ssize_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r') return 0;
    return 1;
}

int main(int argc, char **argv) {
    int whole = 0;
    const char *path = NULL;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--whole")) whole = 1;
        else if (!strcmp(argv[i], "--lines")) whole = 0;
        else if (!path) path = argv[i];
        else { fprintf(stderr, "usage: icu-floor [--lines|--whole] FILE\n"); return 2; }
    }
    if (!path) { fprintf(stderr, "usage: icu-floor [--lines|--whole] FILE\n"); return 2; }
    FILE *f = strcmp(path, "-") ? fopen(path, "rb") : stdin;
    if (!f) { perror(path); return 1; }

    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    UErrorCode st = U_ZERO_ERROR;
    brk = ubrk_open(UBRK_WORD, "zh", NULL, 0, &st);
    if (U_FAILURE(st)) { fprintf(stderr, "icu-floor: ubrk_open: %s\n", u_errorName(st)); return 1; }

    Counts c = {0};
    long long bytes = 0;
    if (whole) {
        size_t cap = 1 << 20, n = 0, r;
        char *buf = malloc(cap);
        while ((r = fread(buf + n, 1, cap - n, f)) > 0) {
            n += r;
            if (n == cap) { cap *= 2; buf = realloc(buf, cap); }
        }
        bytes = (long long)n;
        size_t off = (n >= 3 && !memcmp(buf, "\xEF\xBB\xBF", 3)) ? 3 : 0;
        if (n - off > INT32_MAX / 2) { fprintf(stderr, "icu-floor: input too large\n"); return 1; }
        segment(buf + off, (int32_t)(n - off), &c);
        free(buf);
    } else {
        char *line = NULL;
        size_t cap = 0;
        ssize_t n;
        while ((n = getline(&line, &cap, f)) > 0) {
            bytes += n;
            if (line[n - 1] == '\n') n--;
            if (n > 0 && line[n - 1] == '\r') n--;
            if (blank(line, n)) continue;
            segment(line, (int32_t)n, &c);
        }
        free(line);
    }
    ubrk_close(brk);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double secs = (double)(t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9;
    printf("{\"mode\":\"%s\",\"bytes\":%lld,\"documents\":%lld,\"utf16_units\":%lld,\"code_points\":%lld,"
           "\"boundaries\":%lld,\"words\":%lld,\"seconds\":%.6f}\n",
           whole ? "whole" : "lines", bytes, c.documents, c.units, c.codePoints, c.boundaries, c.words, secs);
    if (f != stdin) fclose(f);
    return 0;
}
