// A plain-C facade over the few ICU services shuo uses.
// Only stdint types and opaque structs cross this boundary: Foundation on Linux carries its
// own copy of ICU's headers, and a Swift file that saw both would not compile.
#ifndef SHUO_CICU_H
#define SHUO_CICU_H

#include <stdint.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Result of a conversion. `status` is 0 on success; otherwise an ICU error code.
typedef struct {
    int32_t status;
    /// Number of UTF-16 units written to the output buffer.
    int64_t written;
    /// On an illegal or unmappable sequence: byte offset in the input where it starts, else -1.
    int64_t errorOffset;
    /// Length in bytes of the offending sequence (0 if none).
    int32_t errorLength;
} cicu_convert_result;

/// Converts `srcLength` bytes in encoding `encoding` (any ICU converter name or alias) to
/// UTF-16. `dest` must hold at least `cicu_utf16_capacity(srcLength)` units. Stops at the
/// first illegal, unmappable or truncated sequence and reports where it started.
cicu_convert_result cicu_to_utf16(const char *encoding, const uint8_t *src, int64_t srcLength,
                                  uint16_t *dest, int64_t destCapacity);

/// Capacity that any source of `srcLength` bytes fits in after conversion to UTF-16.
int64_t cicu_utf16_capacity(int64_t srcLength);

/// Whether ICU knows an encoding by this name (canonical name or alias).
int32_t cicu_encoding_exists(const char *encoding);

/// ICU charset detection over (a prefix of) the input. Writes the best match's name into
/// `name` (NUL-terminated) and returns its confidence 0...100, or -1 when nothing matched.
int32_t cicu_detect_encoding(const uint8_t *src, int64_t srcLength, char *name, int32_t nameCapacity);

/// An ICU break iterator. Not thread-safe: use one per thread.
typedef struct cicu_breaker cicu_breaker;

enum { CICU_BREAK_WORD = 0, CICU_BREAK_SENTENCE = 1 };

/// Opens a break iterator of `kind` for `locale` (e.g. "zh"). Returns NULL on failure and
/// sets *status to the ICU error code.
cicu_breaker *cicu_breaker_open(int32_t kind, const char *locale, int32_t *status);
void cicu_breaker_close(cicu_breaker *breaker);

/// Points the iterator at `text` (not copied: it must stay valid while iterating).
int32_t cicu_breaker_set_text(cicu_breaker *breaker, const uint16_t *text, int32_t length);

/// Writes the next boundaries after the current one (UTF-16 offsets, ascending) and the rule
/// status of the segment ending at each, up to `capacity` of them. Returns how many were
/// written; 0 means the text is exhausted.
int32_t cicu_breaker_next_batch(cicu_breaker *breaker, int32_t *boundaries, int32_t *statuses,
                                int32_t capacity);

/// ICU's rule-status ranges for word segments (UBRK_WORD_*), so Swift need not see ICU headers.
enum {
    CICU_WORD_NONE = 0,        // spaces, punctuation: [0, 100)
    CICU_WORD_NUMBER = 100,    // [100, 200)
    CICU_WORD_LETTER = 200,    // [200, 300)
    CICU_WORD_KANA = 300,      // [300, 400)
    CICU_WORD_IDEO = 400       // [400, 500)
};

#ifdef __cplusplus
}
#endif
#endif
