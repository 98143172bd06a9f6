#include "cicu.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>
#include <unicode/ucsdet.h>
#include <unicode/utypes.h>

int64_t cicu_utf16_capacity(int64_t srcLength) {
    // One byte never yields more than one UTF-16 unit except in 4-byte forms, which yield two.
    return srcLength + 16;
}

int32_t cicu_encoding_exists(const char *encoding) {
    UErrorCode status = U_ZERO_ERROR;
    UConverter *cnv = ucnv_open(encoding, &status);
    if (U_FAILURE(status) || cnv == NULL) return 0;
    ucnv_close(cnv);
    return 1;
}

cicu_convert_result cicu_to_utf16(const char *encoding, const uint8_t *src, int64_t srcLength,
                                  uint16_t *dest, int64_t destCapacity) {
    cicu_convert_result result = {0, 0, -1, 0};
    UErrorCode status = U_ZERO_ERROR;
    UConverter *cnv = ucnv_open(encoding, &status);
    if (U_FAILURE(status)) {
        result.status = status;
        return result;
    }
    ucnv_setToUCallBack(cnv, UCNV_TO_U_CALLBACK_STOP, NULL, NULL, NULL, &status);
    const char *source = (const char *)src;
    const char *sourceLimit = source + srcLength;
    UChar *target = (UChar *)dest;
    UChar *targetLimit = target + destCapacity;
    ucnv_toUnicode(cnv, &target, targetLimit, &source, sourceLimit, NULL, 1, &status);
    result.written = (int64_t)(target - (UChar *)dest);
    if (U_FAILURE(status)) {
        result.status = status;
        char bad[32];
        int8_t badLength = (int8_t)sizeof(bad);
        UErrorCode ignored = U_ZERO_ERROR;
        ucnv_getInvalidChars(cnv, bad, &badLength, &ignored);
        if (U_FAILURE(ignored)) badLength = 0;
        int64_t consumed = (int64_t)(source - (const char *)src);
        result.errorOffset = consumed - badLength;
        if (result.errorOffset < 0) result.errorOffset = 0;
        result.errorLength = badLength;
    }
    ucnv_close(cnv);
    return result;
}

int32_t cicu_detect_encoding(const uint8_t *src, int64_t srcLength, char *name, int32_t nameCapacity) {
    UErrorCode status = U_ZERO_ERROR;
    UCharsetDetector *det = ucsdet_open(&status);
    if (U_FAILURE(status)) return -1;
    // Detection reads statistics; a prefix is as good as the whole and bounds the cost.
    int32_t length = srcLength > (1 << 20) ? (1 << 20) : (int32_t)srcLength;
    ucsdet_setText(det, (const char *)src, length, &status);
    const UCharsetMatch *match = ucsdet_detect(det, &status);
    int32_t confidence = -1;
    if (U_SUCCESS(status) && match != NULL) {
        const char *matched = ucsdet_getName(match, &status);
        confidence = ucsdet_getConfidence(match, &status);
        if (U_SUCCESS(status) && matched != NULL && nameCapacity > 0) {
            strncpy(name, matched, (size_t)nameCapacity - 1);
            name[nameCapacity - 1] = 0;
        } else {
            confidence = -1;
        }
    }
    ucsdet_close(det);
    return confidence;
}

struct cicu_breaker {
    UBreakIterator *iterator;
};

cicu_breaker *cicu_breaker_open(int32_t kind, const char *locale, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    UBreakIteratorType type = kind == CICU_BREAK_SENTENCE ? UBRK_SENTENCE : UBRK_WORD;
    UBreakIterator *it = ubrk_open(type, locale, NULL, 0, &err);
    if (U_FAILURE(err)) {
        if (status) *status = err;
        return NULL;
    }
    cicu_breaker *b = (cicu_breaker *)malloc(sizeof(cicu_breaker));
    if (b == NULL) {
        ubrk_close(it);
        if (status) *status = U_MEMORY_ALLOCATION_ERROR;
        return NULL;
    }
    b->iterator = it;
    if (status) *status = 0;
    return b;
}

void cicu_breaker_close(cicu_breaker *breaker) {
    if (breaker == NULL) return;
    ubrk_close(breaker->iterator);
    free(breaker);
}

int32_t cicu_breaker_set_text(cicu_breaker *breaker, const uint16_t *text, int32_t length) {
    UErrorCode err = U_ZERO_ERROR;
    ubrk_setText(breaker->iterator, (const UChar *)text, length, &err);
    if (U_FAILURE(err)) return err;
    ubrk_first(breaker->iterator);
    return 0;
}

int32_t cicu_breaker_next_batch(cicu_breaker *breaker, int32_t *boundaries, int32_t *statuses,
                                int32_t capacity) {
    int32_t n = 0;
    while (n < capacity) {
        int32_t b = ubrk_next(breaker->iterator);
        if (b == UBRK_DONE) break;
        boundaries[n] = b;
        if (statuses) statuses[n] = ubrk_getRuleStatus(breaker->iterator);
        n++;
    }
    return n;
}
