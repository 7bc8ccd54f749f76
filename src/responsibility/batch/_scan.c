/* The lines of a block of JSON lines, found and sorted in one pass (responsibility.batch._io.scan_lines).

   lines(data, start, ends, flags, final, max_open) finds the lines of data[start:] one after another:
   line k ends at ends[k] (just past its line feed; at len(data) for a last line without one, only
   when `final`), and flags[k] says what it is: BLANK (1), nothing but white space (as bytes.strip
   strips); SPECIAL (2), a line pyarrow's JSON parser cannot carry exactly, which Python's parser
   reads instead: it does not start with "{", or holds "null" (a table cannot tell an explicit null
   from an absent field), a surrogate escape (\ud800-\udbff), or more than `max_open` brackets "{"
   and "[" (deep nesting). It stops when ends (int64) or flags (uint8) are full, or at a line not
   ended yet, and returns the number of lines found. Every index is checked against the buffers'
   sizes; the scan runs without the GIL.

   csv_rows(data, start, eof) finds where the rows of a block of CSV, data[start:], end: after each line
   feed outside quotes (an odd number of quotes before it), and at the end of the file (`eof`), while
   the quoting is plain (a quote opens a cell only at its start, closes it only before a comma, a line
   end, a quote or the end); it returns (ends, n, bad): n int64 row ends relative to start in the
   bytearray ends, and where the quoting first stops being plain (-1: nowhere), no row end past it.

   breaks(data) counts the line feeds and carriage returns of a block of CSV rows in one pass; wrap_cells(data,
   offsets, rows, prefix, suffix) makes a CSV column's JSON cells lines for the JSON lines parser in one copy.

   index_texts(data, offsets, slots) and find_texts(data, offsets, slots, texts, starts, out) look texts up
   in a list of texts (responsibility.batch._encode: a record's area, place, level … to its code): the list
   is given as Arrow gives a string array, its UTF-8 bytes `data` and int32 `offsets` (text i is
   data[offsets[i]:offsets[i + 1]]); index_texts fills `slots` (int32, a power of two longer than the
   list) with an open-addressing hash table of it (-1 empty; a text listed twice keeps its first place);
   find_texts writes to out[i] (int32) the place in the list of texts[starts[i]:starts[i + 1]], -1 where it
   is not listed, as Arrow's index_in does. What index_texts made is built once per list and kept.

   dict_codes(of, indices, present, out) and days_in(days, present, lo, hi, none, out) code a column of a
   chunk in one pass each (_encode._ArrowReader.codes and .days): a dictionary column's codes from its
   indices and the codes of its dictionary's texts, a date32 column's days within the years a record may
   name; each returns how many present values it could not code (their records are then marked by numpy).
   iso_days(data, offsets, present, lo, hi, none, out) reads a string column of dates (YYYY-MM-DD) as days in one
   pass, as _encode.iso_day reads each text.
   text_facts(data, offsets, ascii, control) says of each text of a string column (the ids) whether it is
   ASCII and whether it holds an ASCII control character, in one pass over its bytes.

   id_hashes(out, ends, raw, p) writes to out[i] (uint64) the 64-bit polynomial hash of the text
   raw[ends[i]:ends[i + 1]] (ends int64, nondecreasing, within raw): the sum of its bytes times p**j (j its
   place in the text), wrapping, then XOR its length times 0x9E3779B97F4A7C15 — what _repeats.Repeats._hash
   makes with numpy passes (prefix sums over the bytes as uint64, two tables of powers), in one pass; it returns
   0, or -1 where an end is outside raw or before the one before it (then numpy answers).
   any_equal(hashes, valid) says whether two of the uint64 hashes (those whose byte in valid is not 0; valid
   empty: all) are equal -- what _repeats.Repeats.found asks of every id's hash before it looks for which, where
   numpy sorted all of them (1M: 50-70 ms on this machine): each hash sets a bit of a bitmap of 16 bits a hash, a
   bit set twice marks a candidate, and only the candidates (~3%) are sorted, in one pass each (~10 ms).
   Optional: built at install where a C compiler is found; without it the same answers come from
   numpy passes (_io.py: _numpy_lines, _numpy_csv_scan; _encode.py: index_in and numpy's passes), and tests/test_batch_io.py and
   tests/test_batch_encode.py compare the two. */

#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>
#include <string.h>
#if defined(__SSE2__) && defined(__GNUC__)
#include <emmintrin.h>
#endif

#define BLANK 1
#define SPECIAL 2

/* what a byte is to the scan: 1 white space, 2 an opening bracket, 3 "n", 4 a backslash */
static uint8_t kind[256];

/* a surrogate escape (\ud800-\udbff) at s[i] (a backslash), within s[0:n] */
static int surrogate(const uint8_t *s, int64_t i, int64_t n) {
    return i + 3 < n && s[i + 1] == 'u' && (s[i + 2] | 0x20) == 'd' &&
           (s[i + 3] == '8' || s[i + 3] == '9' || (s[i + 3] | 0x20) == 'a' || (s[i + 3] | 0x20) == 'b');
}

/* the bits set in a 16-bit mask (a movemask's): a few shifts and adds inline, where __builtin_popcount without
   -mpopcnt (which the build does not pass: a machine without the instruction must run it too) calls libgcc */
static inline unsigned bits16(unsigned x) {
    x = x - ((x >> 1) & 0x5555u);
    x = (x & 0x3333u) + ((x >> 2) & 0x3333u);
    x = (x + (x >> 4)) & 0x0f0fu;
    return (x + (x >> 8)) & 0x1fu;
}

/* the rest of a line s[0:n] from s[i] on, `opens` brackets before it: SPECIAL or 0 */
static uint8_t rest(const uint8_t *s, int64_t i, int64_t n, int64_t opens, int64_t max_open) {
#if defined(__SSE2__) && defined(__GNUC__)
    /* sixteen bytes at a time: "null" where four loads a byte apart match it, brackets counted, and a
       backslash looked at only where there is one (the loads reach s[i + 18]) */
    const __m128i nn = _mm_set1_epi8('n'), uu = _mm_set1_epi8('u'), ll = _mm_set1_epi8('l');
    const __m128i back = _mm_set1_epi8('\\'), open = _mm_set1_epi8('{'), bit = _mm_set1_epi8(0x20);
    for (; i + 19 <= n; i += 16) {
        const __m128i v = _mm_loadu_si128((const __m128i *)(s + i));
        const __m128i null = _mm_and_si128(
            _mm_and_si128(_mm_cmpeq_epi8(v, nn), _mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)(s + i + 1)), uu)),
            _mm_and_si128(_mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)(s + i + 2)), ll),
                          _mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)(s + i + 3)), ll)));
        if (_mm_movemask_epi8(null))
            return SPECIAL;
        /* "{" 0x7b and "[" 0x5b differ only in the bit 0x20 */
        opens += bits16((unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_or_si128(v, bit), open)));
        if (opens > max_open)
            return SPECIAL;
        unsigned slashes = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, back));
        while (slashes) {
            if (surrogate(s, i + __builtin_ctz(slashes), n))
                return SPECIAL;
            slashes &= slashes - 1;
        }
    }
#endif
    for (; i < n; i++) {
        switch (kind[s[i]]) {
        case 2:
            if (++opens > max_open)
                return SPECIAL;
            break;
        case 3:
            if (i + 3 < n && s[i + 1] == 'u' && s[i + 2] == 'l' && s[i + 3] == 'l')
                return SPECIAL;
            break;
        case 4:
            if (surrogate(s, i, n))
                return SPECIAL;
            break;
        default:
            break;
        }
    }
    return 0;
}

static uint8_t classify(const uint8_t *s, int64_t n, int64_t max_open) {
    int64_t i = 0;
    while (i < n && kind[s[i]] == 1)
        i++;
    if (i == n)
        return BLANK;
    if (i > 0 || s[0] != '{')
        return SPECIAL;
    return rest(s, 0, n, 0, max_open);
}

static PyObject *lines(PyObject *self, PyObject *args) {
    Py_buffer data, ends, flags;
    Py_ssize_t start;
    int final;
    long long max_open;
    if (!PyArg_ParseTuple(args, "y*nw*w*pL", &data, &start, &ends, &flags, &final, &max_open))
        return NULL;
    PyObject *result = NULL;
    const char *bad = NULL;
    if (ends.len % 8) {
        bad = "ends must be int64";
    } else if (start < 0 || start > data.len) {
        bad = "start outside the data";
    } else {
        const uint8_t *src = (const uint8_t *)data.buf;
        int64_t *end = (int64_t *)ends.buf;
        uint8_t *flag = (uint8_t *)flags.buf;
        const int64_t size = data.len;
        int64_t cap = ends.len / 8, n = 0, p = start;
        if (flags.len < cap)
            cap = flags.len;
        Py_BEGIN_ALLOW_THREADS
        while (n < cap && p < size) {
            const uint8_t *feed = memchr(src + p, '\n', (size_t)(size - p));
            int64_t e;
            if (feed != NULL)
                e = (int64_t)(feed - src) + 1;
            else if (final)
                e = size;
            else
                break;
            flag[n] = classify(src + p, e - p, max_open);
            end[n] = e;
            n++;
            p = e;
        }
        Py_END_ALLOW_THREADS
        result = PyLong_FromLongLong(n);
    }
    if (bad)
        PyErr_SetString(PyExc_ValueError, bad);
    PyBuffer_Release(&data);
    PyBuffer_Release(&ends);
    PyBuffer_Release(&flags);
    return result;
}

/* a byte that may stand next to a quote that opens a CSV cell (before it) or closes one (after it) */
static uint8_t next_to_quote[256];

static PyObject *csv_rows(PyObject *self, PyObject *args) {
    Py_buffer data;
    Py_ssize_t start;
    int eof;
    if (!PyArg_ParseTuple(args, "y*np", &data, &start, &eof))
        return NULL;
    if (start < 0 || start > data.len) {
        PyBuffer_Release(&data);
        PyErr_SetString(PyExc_ValueError, "start outside the data");
        return NULL;
    }
    const uint8_t *src = (const uint8_t *)data.buf + start;
    const int64_t size = data.len - start;
    int64_t feeds = 0;
    for (const uint8_t *p = src; (p = memchr(p, '\n', (size_t)(size - (p - src)))) != NULL; p++)
        feeds++;
    PyObject *out = PyByteArray_FromStringAndSize(NULL, (Py_ssize_t)(8 * (feeds + 1)));
    if (out == NULL) {
        PyBuffer_Release(&data);
        return NULL;
    }
    int64_t *ends = (int64_t *)PyByteArray_AS_STRING(out);
    int64_t n = 0, bad = -1, i = 0;
    int odd = 0;
    Py_BEGIN_ALLOW_THREADS
#if defined(__SSE2__) && defined(__GNUC__)
    /* sixty-four bytes at a time, as bit masks (bit k: byte i + k): the quotes, the line feeds and the bytes that
       may stand next to a quote; which bytes are inside quotes is the running parity of the quotes (a prefix XOR,
       carried from block to block); a quote is opening where it is inside (its parity odd), else closing. Then
       every quote is tested at once (an opening one's byte before, a closing one's byte after) and the line feeds
       outside quotes are the row ends: what the byte loop below does one byte at a time, at a few times its
       speed on a ledger whose JSON cells hold many quotes (it stopped at each). */
    {
        const __m128i quote = _mm_set1_epi8('"'), feed = _mm_set1_epi8('\n'), comma = _mm_set1_epi8(','),
                      ret = _mm_set1_epi8('\r');
        uint64_t before_next = 1; /* whether the byte before this block may stand before a quote (the start may) */
        uint64_t inside = 0;      /* all ones when the block starts inside quotes */
        for (; i + 64 <= size; i += 64) {
            uint64_t q = 0, f = 0, nx = 0;
            for (int k = 0; k < 4; k++) {
                const __m128i v = _mm_loadu_si128((const __m128i *)(src + i + 16 * k));
                const __m128i vq = _mm_cmpeq_epi8(v, quote), vf = _mm_cmpeq_epi8(v, feed);
                const __m128i vn = _mm_or_si128(_mm_or_si128(vq, vf), _mm_or_si128(_mm_cmpeq_epi8(v, comma),
                                                                                    _mm_cmpeq_epi8(v, ret)));
                q |= (uint64_t)(unsigned)_mm_movemask_epi8(vq) << (16 * k);
                f |= (uint64_t)(unsigned)_mm_movemask_epi8(vf) << (16 * k);
                nx |= (uint64_t)(unsigned)_mm_movemask_epi8(vn) << (16 * k);
            }
            uint64_t in = q;  /* the parity of the quotes up to and including each byte */
            in ^= in << 1;
            in ^= in << 2;
            in ^= in << 4;
            in ^= in << 8;
            in ^= in << 16;
            in ^= in << 32;
            in ^= inside;
            uint64_t rows = f & ~in;
            if (q) {
                const uint64_t opens = q & in, closes = q & ~in;
                /* the byte after the block: one that may stand after a quote, or the end of the data */
                const uint64_t after_last = i + 64 == size || next_to_quote[src[i + 64]];
                const uint64_t wrong = (opens & ~((nx << 1) | before_next)) | (closes & ~((nx >> 1) | (after_last << 63)));
                if (wrong) {
                    const int at = __builtin_ctzll(wrong);
                    bad = i + at;
                    rows &= at ? (~0ULL >> (64 - at)) : 0; /* the row ends before it */
                    while (rows) {
                        ends[n++] = i + __builtin_ctzll(rows) + 1;
                        rows &= rows - 1;
                    }
                    break;
                }
            }
            while (rows) {
                ends[n++] = i + __builtin_ctzll(rows) + 1; /* (never more than the line feeds counted) */
                rows &= rows - 1;
            }
            inside = (uint64_t)0 - (in >> 63);
            before_next = nx >> 63;
        }
        odd = (int)(inside & 1);
    }
#endif
    for (; bad < 0 && i < size; i++) {
        const uint8_t c = src[i];
        if (c == '"') {
            if (!odd ? !(i == 0 || next_to_quote[src[i - 1]]) : !(i + 1 == size || next_to_quote[src[i + 1]])) {
                bad = i;
                break;
            }
            odd ^= 1;
        } else if (c == '\n' && !odd) {
            ends[n++] = i + 1; /* (never more than the line feeds counted) */
        }
    }
    if (bad < 0 && eof && size && (n == 0 || ends[n - 1] != size) && !odd)
        ends[n++] = size; /* a last row without a line feed */
    Py_END_ALLOW_THREADS
    PyBuffer_Release(&data);
    PyObject *result = Py_BuildValue("(NLL)", out, (long long)n, (long long)bad);
    return result;
}

/* breaks(data) -> (feeds, returns): how many line feeds and carriage returns data holds, in one pass (sixteen
   bytes at a time, counted in bytes that are summed every 255 steps), for the two passes of bytes.count and
   bytes.find (_io._CsvReader._block: how many lines a block of rows spans, and whether it holds a carriage
   return), which count a byte at a time. */
static PyObject *breaks(PyObject *self, PyObject *args) {
    Py_buffer data;
    if (!PyArg_ParseTuple(args, "y*", &data))
        return NULL;
    const uint8_t *s = (const uint8_t *)data.buf;
    const int64_t size = data.len;
    int64_t feeds = 0, returns = 0, i = 0;
    Py_BEGIN_ALLOW_THREADS
#if defined(__SSE2__) && defined(__GNUC__)
    const __m128i lf = _mm_set1_epi8('\n'), cr = _mm_set1_epi8('\r'), zero = _mm_setzero_si128();
    while (i + 16 <= size) {
        __m128i nf = zero, nr = zero;
        for (int step = 0; step < 255 && i + 16 <= size; step++, i += 16) {
            const __m128i v = _mm_loadu_si128((const __m128i *)(s + i));
            nf = _mm_sub_epi8(nf, _mm_cmpeq_epi8(v, lf)); /* (a match is -1: each byte counts up to 255) */
            nr = _mm_sub_epi8(nr, _mm_cmpeq_epi8(v, cr));
        }
        const __m128i sf = _mm_sad_epu8(nf, zero), sr = _mm_sad_epu8(nr, zero);
        feeds += _mm_cvtsi128_si32(sf) + _mm_cvtsi128_si32(_mm_unpackhi_epi64(sf, sf));
        returns += _mm_cvtsi128_si32(sr) + _mm_cvtsi128_si32(_mm_unpackhi_epi64(sr, sr));
    }
#endif
    for (; i < size; i++) {
        feeds += s[i] == '\n';
        returns += s[i] == '\r';
    }
    Py_END_ALLOW_THREADS
    PyBuffer_Release(&data);
    return Py_BuildValue("(LL)", (long long)feeds, (long long)returns);
}

/* ---------------------------------------------------------------------------- texts to places in a list */

/* FNV-1a over the bytes, its high bits mixed into the low ones that pick a slot */
static uint64_t text_hash(const uint8_t *s, int64_t n) {
    uint64_t h = 0xcbf29ce484222325ULL;
    for (int64_t i = 0; i < n; i++)
        h = (h ^ s[i]) * 0x100000001b3ULL;
    return h ^ (h >> 29) ^ (h >> 47);
}

/* whether offsets[0..n] rise from 0 or more to at most size */
static int offsets_ok(const int32_t *off, int64_t n, int64_t size) {
    if (off[0] < 0)
        return 0;
    for (int64_t i = 0; i < n; i++)
        if (off[i + 1] < off[i])
            return 0;
    return off[n] <= size;
}

/* the list's texts, its offsets and the table as find_texts and index_texts take them, checked */
static const char *list_check(Py_buffer *data, Py_buffer *offsets, Py_buffer *slots, int64_t *nv, int64_t *cap) {
    if (offsets->len % 4 || offsets->len < 4 || slots->len % 4)
        return "offsets and slots must be int32, offsets at least one";
    *nv = offsets->len / 4 - 1;
    *cap = slots->len / 4;
    if (*cap <= *nv || (*cap & (*cap - 1)))
        return "slots must be a power of two longer than the list";
    if (!offsets_ok((const int32_t *)offsets->buf, *nv, data->len))
        return "offsets outside the data";
    return NULL;
}

static PyObject *index_texts(PyObject *self, PyObject *args) {
    Py_buffer data, offsets, slots;
    if (!PyArg_ParseTuple(args, "y*y*w*", &data, &offsets, &slots))
        return NULL;
    int64_t nv, cap;
    const char *bad = list_check(&data, &offsets, &slots, &nv, &cap);
    if (!bad) {
        const uint8_t *d = (const uint8_t *)data.buf;
        const int32_t *off = (const int32_t *)offsets.buf;
        int32_t *slot = (int32_t *)slots.buf;
        const uint64_t mask = (uint64_t)cap - 1;
        for (int64_t j = 0; j < cap; j++)
            slot[j] = -1;
        for (int64_t i = 0; i < nv; i++) {
            const int64_t len = off[i + 1] - off[i];
            uint64_t j = text_hash(d + off[i], len) & mask;
            for (; slot[j] >= 0; j = (j + 1) & mask) {
                const int32_t v = slot[j];
                if (off[v + 1] - off[v] == len && memcmp(d + off[v], d + off[i], (size_t)len) == 0)
                    break; /* listed before: the first place stays */
            }
            if (slot[j] < 0)
                slot[j] = (int32_t)i;
        }
    }
    PyBuffer_Release(&data);
    PyBuffer_Release(&offsets);
    PyBuffer_Release(&slots);
    if (bad) {
        PyErr_SetString(PyExc_ValueError, bad);
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *find_texts(PyObject *self, PyObject *args) {
    Py_buffer data, offsets, slots, texts, starts, out;
    if (!PyArg_ParseTuple(args, "y*y*y*y*y*w*", &data, &offsets, &slots, &texts, &starts, &out))
        return NULL;
    int64_t nv, cap;
    const char *bad = list_check(&data, &offsets, &slots, &nv, &cap);
    const int64_t n = out.len / 4;
    if (!bad && (out.len % 4 || starts.len % 4 || starts.len < 4 * (n + 1)))
        bad = "out must be int32, starts int32 and one longer";
    if (!bad) {
        const uint8_t *d = (const uint8_t *)data.buf, *t = (const uint8_t *)texts.buf;
        const int32_t *off = (const int32_t *)offsets.buf, *slot = (const int32_t *)slots.buf;
        const int32_t *at = (const int32_t *)starts.buf;
        int32_t *o = (int32_t *)out.buf;
        const uint64_t mask = (uint64_t)cap - 1;
        const int64_t size = texts.len;
        Py_BEGIN_ALLOW_THREADS
        for (int64_t i = 0; i < n; i++) {
            const int64_t s = at[i], e = at[i + 1];
            int32_t found = -1;
            if (0 <= s && s <= e && e <= size) {
                uint64_t j = text_hash(t + s, e - s) & mask;
                for (int64_t probes = 0; probes < cap; probes++, j = (j + 1) & mask) {
                    const int32_t v = slot[j];
                    if (v < 0 || v >= nv)
                        break;
                    if (off[v + 1] - off[v] == e - s && memcmp(d + off[v], t + s, (size_t)(e - s)) == 0) {
                        found = v;
                        break;
                    }
                }
            }
            o[i] = found;
        }
        Py_END_ALLOW_THREADS
    }
    PyBuffer_Release(&data);
    PyBuffer_Release(&offsets);
    PyBuffer_Release(&slots);
    PyBuffer_Release(&texts);
    PyBuffer_Release(&starts);
    PyBuffer_Release(&out);
    if (bad) {
        PyErr_SetString(PyExc_ValueError, bad);
        return NULL;
    }
    Py_RETURN_NONE;
}

/* wrap_cells(data, offsets, rows, prefix, suffix) -> (lines, bounds): the texts data[offsets[r]:offsets[r + 1]] of
   the rows r (int64) of a string column (int32 offsets), each made a line prefix + text + suffix, one after another
   in the bytes `lines`; bounds (int64 in a bytearray, one more than the rows) where each starts and the last ends.
   One copy of each cell for Arrow's three (_io._json_cells: drop_null, binary_join_element_wise, to_pybytes). */
static PyObject *wrap_cells(PyObject *self, PyObject *args) {
    Py_buffer data, offsets, rows, prefix, suffix;
    if (!PyArg_ParseTuple(args, "y*y*y*y*y*", &data, &offsets, &rows, &prefix, &suffix))
        return NULL;
    PyObject *lines = NULL, *bounds = NULL, *result = NULL;
    const char *bad = NULL;
    const int64_t nt = offsets.len / 4 - 1, n = rows.len / 8;
    const int32_t *off = (const int32_t *)offsets.buf;
    const int64_t *row = (const int64_t *)rows.buf;
    int64_t total = 0;
    if (offsets.len % 4 || offsets.len < 4 || rows.len % 8)
        bad = "offsets must be int32, at least one, rows int64";
    else if (!offsets_ok(off, nt, data.len))
        bad = "offsets outside the data";
    else {
        for (int64_t k = 0; k < n && !bad; k++) {
            if (row[k] < 0 || row[k] >= nt)
                bad = "a row outside the column";
            else
                total += off[row[k] + 1] - off[row[k]];
        }
        total += n * (prefix.len + suffix.len);
    }
    if (!bad) {
        lines = PyBytes_FromStringAndSize(NULL, (Py_ssize_t)total);
        bounds = lines ? PyByteArray_FromStringAndSize(NULL, (Py_ssize_t)(8 * (n + 1))) : NULL;
    }
    if (lines != NULL && bounds != NULL) {
        uint8_t *o = (uint8_t *)PyBytes_AS_STRING(lines);
        int64_t *b = (int64_t *)PyByteArray_AS_STRING(bounds);
        const uint8_t *d = (const uint8_t *)data.buf;
        int64_t at = 0;
        Py_BEGIN_ALLOW_THREADS
        for (int64_t k = 0; k < n; k++) {
            const int64_t lo = off[row[k]], len = off[row[k] + 1] - lo;
            b[k] = at;
            memcpy(o + at, prefix.buf, (size_t)prefix.len);
            at += prefix.len;
            memcpy(o + at, d + lo, (size_t)len);
            at += len;
            memcpy(o + at, suffix.buf, (size_t)suffix.len);
            at += suffix.len;
        }
        b[n] = at;
        Py_END_ALLOW_THREADS
        result = Py_BuildValue("(OO)", lines, bounds);
    }
    Py_XDECREF(lines);
    Py_XDECREF(bounds);
    PyBuffer_Release(&data);
    PyBuffer_Release(&offsets);
    PyBuffer_Release(&rows);
    PyBuffer_Release(&prefix);
    PyBuffer_Release(&suffix);
    if (bad)
        PyErr_SetString(PyExc_ValueError, bad);
    return result;
}

/* dict_codes(of, indices, present, out) -> bad: out[i] (int32) = of[indices[i]] where present[i] (a byte, 0 or
   1) and that is 0 or more, else 0; returns how many present entries of[indices[i]] leaves below 0, or -1 where a
   present index lies outside of (then nothing is said of out). One pass for what numpy did in six (an index
   where present, the look-up, the absent set to -1, the unlisted found, the count, the floor at 0). */
static PyObject *dict_codes(PyObject *self, PyObject *args) {
    Py_buffer of, ind, pres, out;
    if (!PyArg_ParseTuple(args, "y*y*y*w*", &of, &ind, &pres, &out))
        return NULL;
    const char *bad = NULL;
    const int64_t n = out.len / 4, m = of.len / 4;
    int64_t count = 0;
    if (of.len % 4 || ind.len % 4 || out.len % 4 || ind.len / 4 < n || pres.len < n)
        bad = "of, indices and out must be int32, indices and present (bytes) at least as long as out";
    else {
        const int32_t *o = (const int32_t *)of.buf, *k = (const int32_t *)ind.buf;
        const uint8_t *p = (const uint8_t *)pres.buf;
        int32_t *r = (int32_t *)out.buf;
        Py_BEGIN_ALLOW_THREADS
        for (int64_t i = 0; i < n; i++) {
            int32_t v = 0;
            if (p[i]) {
                const int32_t j = k[i];
                if (j < 0 || j >= m) {
                    count = -1;
                    break;
                }
                v = o[j];
                if (v < 0) {
                    count++;
                    v = 0;
                }
            }
            r[i] = v;
        }
        Py_END_ALLOW_THREADS
    }
    PyBuffer_Release(&of);
    PyBuffer_Release(&ind);
    PyBuffer_Release(&pres);
    PyBuffer_Release(&out);
    if (bad) {
        PyErr_SetString(PyExc_ValueError, bad);
        return NULL;
    }
    return PyLong_FromLongLong(count);
}

/* days_in(days, present, lo, hi, none, out) -> bad: out[i] (int32) = days[i] (int32) where present[i] and
   lo <= days[i] <= hi, else none; returns how many present days lie outside [lo, hi]. One pass for numpy's
   seven (the bounds, the mask, the count, the choice, the cast). */
static PyObject *days_in(PyObject *self, PyObject *args) {
    Py_buffer days, pres, out;
    int lo, hi, none;
    if (!PyArg_ParseTuple(args, "y*y*iiiw*", &days, &pres, &lo, &hi, &none, &out))
        return NULL;
    const char *bad = NULL;
    const int64_t n = out.len / 4;
    int64_t count = 0;
    if (days.len % 4 || out.len % 4 || days.len / 4 < n || pres.len < n)
        bad = "days and out must be int32, days and present (bytes) at least as long as out";
    else {
        const int32_t *d = (const int32_t *)days.buf;
        const uint8_t *p = (const uint8_t *)pres.buf;
        int32_t *r = (int32_t *)out.buf;
        Py_BEGIN_ALLOW_THREADS
        for (int64_t i = 0; i < n; i++) {
            const int32_t v = d[i];
            const int in = lo <= v && v <= hi;
            count += p[i] && !in;
            r[i] = p[i] && in ? v : none;
        }
        Py_END_ALLOW_THREADS
    }
    PyBuffer_Release(&days);
    PyBuffer_Release(&pres);
    PyBuffer_Release(&out);
    if (bad) {
        PyErr_SetString(PyExc_ValueError, bad);
        return NULL;
    }
    return PyLong_FromLongLong(count);
}

/* iso_days(data, offsets, present, lo, hi, none, out) -> bad: for each text data[offsets[i]:offsets[i + 1]] (int32
   offsets, n + 1 of them) that is present (a byte), out[i] (int32) = its day since 1970 where it is a date written
   YYYY-MM-DD (ten ASCII characters, a day of the month that exists) between lo and hi, else none; returns how many
   present texts are not so. What _encode.iso_day says of each text (its pattern, date.fromisoformat, the years a
   record may name), in one pass over the bytes, for Arrow's hashing of the column and a call of iso_day for each
   of its distinct texts (_encode._ArrowReader.days: a date of CSV or JSON lines comes as text). */
static int32_t civil_days(int y, int m, int d) {
    /* days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil) */
    y -= m <= 2;
    const int era = y / 400; /* (y >= 0 here: years 0000-9999) */
    const int yoe = y - era * 400;
    const int doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return (int32_t)(era * 146097 + doe - 719468);
}

static PyObject *iso_days(PyObject *self, PyObject *args) {
    Py_buffer data, offsets, pres, out;
    int lo, hi, none;
    if (!PyArg_ParseTuple(args, "y*y*y*iiiw*", &data, &offsets, &pres, &lo, &hi, &none, &out))
        return NULL;
    const char *bad = NULL;
    const int64_t n = offsets.len / 4 - 1;
    int64_t count = 0;
    if (offsets.len % 4 || offsets.len < 4 || out.len % 4 || out.len / 4 != n || pres.len < n)
        bad = "offsets must be int32, at least one, out int32 and present (bytes) one for each text";
    else if (!offsets_ok((const int32_t *)offsets.buf, n, data.len))
        bad = "offsets outside the data";
    else {
        static const uint8_t month_days[13] = {0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
        const uint8_t *d = (const uint8_t *)data.buf;
        const int32_t *off = (const int32_t *)offsets.buf;
        const uint8_t *p = (const uint8_t *)pres.buf;
        int32_t *r = (int32_t *)out.buf;
        Py_BEGIN_ALLOW_THREADS
        for (int64_t i = 0; i < n; i++) {
            int32_t v = none;
            if (!p[i]) {
                r[i] = v;
                continue;
            }
            const uint8_t *s = d + off[i];
            int ok = off[i + 1] - off[i] == 10 && s[4] == '-' && s[7] == '-';
            for (int k = 0; ok && k < 10; k++)
                ok = k == 4 || k == 7 || (s[k] >= '0' && s[k] <= '9');
            if (ok) {
                const int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
                const int m = (s[5] - '0') * 10 + (s[6] - '0'), day = (s[8] - '0') * 10 + (s[9] - '0');
                const int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
                ok = y >= 1 && m >= 1 && m <= 12 && day >= 1 && day <= month_days[m] + (m == 2 && leap);
                if (ok) {
                    const int32_t days = civil_days(y, m, day);
                    if (lo <= days && days <= hi)
                        v = days;
                }
            }
            count += v == none;
            r[i] = v;
        }
        Py_END_ALLOW_THREADS
    }
    PyBuffer_Release(&data);
    PyBuffer_Release(&offsets);
    PyBuffer_Release(&pres);
    PyBuffer_Release(&out);
    if (bad) {
        PyErr_SetString(PyExc_ValueError, bad);
        return NULL;
    }
    return PyLong_FromLongLong(count);
}

/* text_facts(data, offsets, ascii, control): for each text data[offsets[i]:offsets[i + 1]] (int32 offsets, n + 1
   of them), ascii[i] (a byte) = 1 where every byte is below 0x80, control[i] = 1 where a byte is an ASCII control
   character (below 0x20, or 0x7f; every byte of a multi-byte UTF-8 character is 0x80 or above). One pass over
   the bytes for numpy's five over all of them and two searches (_encode._byte_facts). */
static PyObject *text_facts(PyObject *self, PyObject *args) {
    Py_buffer data, offsets, asc, ctl;
    if (!PyArg_ParseTuple(args, "y*y*w*w*", &data, &offsets, &asc, &ctl))
        return NULL;
    const char *bad = NULL;
    const int64_t n = offsets.len / 4 - 1;
    if (offsets.len % 4 || offsets.len < 4 || asc.len < n || ctl.len < n)
        bad = "offsets must be int32, at least one, ascii and control (bytes) one for each text";
    else if (!offsets_ok((const int32_t *)offsets.buf, n, data.len))
        bad = "offsets outside the data";
    else {
        const uint8_t *d = (const uint8_t *)data.buf;
        const int32_t *off = (const int32_t *)offsets.buf;
        uint8_t *a = (uint8_t *)asc.buf, *c = (uint8_t *)ctl.buf;
        Py_BEGIN_ALLOW_THREADS
        /* first all the texts' bytes eight at a time: where none is 0x80 or above, below 0x20 or 0x7f (ids are
           mostly so), every text is ASCII without a control character (the tests of a word are exact: a byte
           below 0x20 or above 0x7f, or 0x7f, makes the word's test true, and no other byte does) */
        const uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
        uint64_t seen = 0;
        int64_t j = off[0];
        for (; j + 8 <= off[n]; j += 8) {
            uint64_t w;
            memcpy(&w, d + j, 8);
            const uint64_t del = w ^ (0x7f * ones);
            seen |= (w & highs) | ((w - 0x20 * ones) & ~w & highs) | ((del - ones) & ~del & highs);
        }
        for (; j < off[n]; j++)
            seen |= d[j] >= 0x80 || d[j] < 0x20 || d[j] == 0x7f;
        if (!seen) {
            memset(a, 1, (size_t)n);
            memset(c, 0, (size_t)n);
        } else
        for (int64_t i = 0; i < n; i++) {
            uint8_t high = 0, low = 0;
            for (int32_t j = off[i]; j < off[i + 1]; j++) {
                const uint8_t b = d[j];
                high |= b;
                low |= (uint8_t)(b < 0x20 || b == 0x7f);
            }
            a[i] = !(high & 0x80);
            c[i] = low;
        }
        Py_END_ALLOW_THREADS
    }
    PyBuffer_Release(&data);
    PyBuffer_Release(&offsets);
    PyBuffer_Release(&asc);
    PyBuffer_Release(&ctl);
    if (bad) {
        PyErr_SetString(PyExc_ValueError, bad);
        return NULL;
    }
    Py_RETURN_NONE;
}

/* id_hashes: see the comment at the top. */
static PyObject *id_hashes(PyObject *self, PyObject *args) {
    Py_buffer out, ends, raw;
    unsigned long long p;
    if (!PyArg_ParseTuple(args, "w*y*y*K", &out, &ends, &raw, &p))
        return NULL;
    const char *bad = NULL;
    int status = 0;
    const int64_t n = out.len / 8;
    if (out.len % 8 || ends.len != 8 * (n + 1))
        bad = "out must be uint64, one a text, and ends int64, one more";
    if (!bad) {
        uint64_t *h = (uint64_t *)out.buf;
        const int64_t *e = (const int64_t *)ends.buf;
        const uint8_t *s = (const uint8_t *)raw.buf;
        const int64_t size = raw.len;
        Py_BEGIN_ALLOW_THREADS
        for (int64_t i = 0; i < n && !status; i++)
            if (e[i] < 0 || e[i + 1] < e[i] || e[i + 1] > size) status = -1;
        for (int64_t i = 0; i < n && !status; i++) {
            uint64_t acc = 0;
            for (int64_t j = e[i + 1] - 1; j >= e[i]; j--)  /* (Horner's rule from the last byte: sum of s[j] p**j) */
                acc = acc * (uint64_t)p + s[j];
            h[i] = acc ^ ((uint64_t)(e[i + 1] - e[i]) * UINT64_C(0x9E3779B97F4A7C15));
        }
        Py_END_ALLOW_THREADS
    }
    PyBuffer_Release(&out);
    PyBuffer_Release(&ends);
    PyBuffer_Release(&raw);
    if (bad) {
        PyErr_SetString(PyExc_ValueError, bad);
        return NULL;
    }
    return PyLong_FromLong(status);
}

/* any_equal: see the comment at the top. */
static int compare_u64(const void *a, const void *b) {
    const uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return (x > y) - (x < y);
}

static PyObject *any_equal(PyObject *self, PyObject *args) {
    Py_buffer hashes, valid;
    if (!PyArg_ParseTuple(args, "y*y*", &hashes, &valid))
        return NULL;
    const int64_t n = hashes.len / 8;
    const char *bad = NULL;
    int found = 0;
    uint64_t *seen = NULL, *twice = NULL, *cands = NULL;
    if (hashes.len % 8 || (valid.len && valid.len != n))
        bad = "hashes must be uint64, and valid empty or one byte a hash";
    /* 2**k bits, at least 16 a hash (2 MiB for 1M hashes: the bitmaps stay in the caches, where a table of the
       hashes themselves would not): ~n * n / 2**(k + 1) pairs of unequal hashes share a bit, ~3% of 1M */
    int k = 10;
    while (!bad && k < 30 && ((int64_t)1 << k) < 16 * n)
        k++;
    const size_t words = ((size_t)1 << k) / 64;
    if (!bad) {
        seen = calloc(words, 8);
        twice = calloc(words, 8);
    }
    if (!bad && (!seen || !twice)) {
        free(seen);
        free(twice);
        PyBuffer_Release(&hashes);
        PyBuffer_Release(&valid);
        return PyErr_NoMemory();
    }
    if (!bad) {
        const uint64_t *h = (const uint64_t *)hashes.buf;
        const uint8_t *v = valid.len ? (const uint8_t *)valid.buf : NULL;
        const int shift = 64 - k;
        int64_t m = 0;
        Py_BEGIN_ALLOW_THREADS
        /* the top k bits of each hash times an odd constant (Fibonacci hashing: every bit of the hash moves them) */
        for (int64_t i = 0; i < n; i++) {
            if (v && !v[i])
                continue;
            const uint64_t b = (h[i] * UINT64_C(0x9E3779B97F4A7C15)) >> shift, bit = UINT64_C(1) << (b & 63);
            twice[b >> 6] |= seen[b >> 6] & bit;
            seen[b >> 6] |= bit;
        }
        for (int64_t i = 0; i < n; i++) {
            if (v && !v[i])
                continue;
            const uint64_t b = (h[i] * UINT64_C(0x9E3779B97F4A7C15)) >> shift;
            m += (twice[b >> 6] >> (b & 63)) & 1;
        }
        /* only the hashes whose bit was set twice can repeat: those, sorted, tell whether any does */
        if (m && (cands = malloc((size_t)m * 8)) != NULL) {
            int64_t j = 0;
            for (int64_t i = 0; i < n; i++) {
                if (v && !v[i])
                    continue;
                const uint64_t b = (h[i] * UINT64_C(0x9E3779B97F4A7C15)) >> shift;
                if ((twice[b >> 6] >> (b & 63)) & 1)
                    cands[j++] = h[i];
            }
            qsort(cands, (size_t)m, 8, compare_u64);
            for (int64_t i = 1; i < m && !found; i++)
                found = cands[i] == cands[i - 1];
        }
        Py_END_ALLOW_THREADS
        if (m && !cands)
            found = -1;
    }
    free(seen);
    free(twice);
    free(cands);
    PyBuffer_Release(&hashes);
    PyBuffer_Release(&valid);
    if (bad) {
        PyErr_SetString(PyExc_ValueError, bad);
        return NULL;
    }
    if (found < 0)
        return PyErr_NoMemory();
    return PyBool_FromLong(found);
}

static PyMethodDef methods[] = {
    {"csv_rows", csv_rows, METH_VARARGS,
     "csv_rows(data, start, eof) -> (ends, n, bad): where the rows of CSV data[start:] end (int64 in a bytearray, "
     "n of them, relative to start) and where its quoting stops being plain (-1: it does not)."},
    {"breaks", breaks, METH_VARARGS,
     "breaks(data) -> (feeds, returns): how many line feeds and carriage returns data holds."},
    {"wrap_cells", wrap_cells, METH_VARARGS,
     "wrap_cells(data, offsets, rows, prefix, suffix) -> (lines, bounds): the texts of the rows of a string column "
     "each made the line prefix + text + suffix (bytes), and where the lines start and the last ends (int64)."},
    {"lines", lines, METH_VARARGS,
     "lines(data, start, ends, flags, final, max_open) -> lines found: where the lines of data[start:] end "
     "(int64 ends) and what each is (uint8 flags: 1 blank, 2 for Python's parser)."},
    {"index_texts", index_texts, METH_VARARGS,
     "index_texts(data, offsets, slots): fill slots (int32, a power of two longer than the list) with a hash "
     "table of the texts data[offsets[i]:offsets[i + 1]]."},
    {"find_texts", find_texts, METH_VARARGS,
     "find_texts(data, offsets, slots, texts, starts, out): out[i] (int32) = the place in the list of "
     "texts[starts[i]:starts[i + 1]], -1 where it is not listed."},
    {"dict_codes", dict_codes, METH_VARARGS,
     "dict_codes(of, indices, present, out) -> bad: out[i] (int32) = of[indices[i]] where present and not below 0, "
     "else 0; the number of present entries below 0, -1 where a present index lies outside of."},
    {"days_in", days_in, METH_VARARGS,
     "days_in(days, present, lo, hi, none, out) -> bad: out[i] (int32) = days[i] where present and within [lo, hi], "
     "else none; the number of present days outside."},
    {"iso_days", iso_days, METH_VARARGS,
     "iso_days(data, offsets, present, lo, hi, none, out) -> bad: out[i] (int32) = the day since 1970 of the "
     "present text data[offsets[i]:offsets[i + 1]] written YYYY-MM-DD within [lo, hi], else none; the number of "
     "present texts that are not."},
    {"id_hashes", id_hashes, METH_VARARGS,
     "id_hashes(out, ends, raw, p) -> 0, or -1 where an end is outside raw: out[i] (uint64) = the polynomial hash "
     "(base p, wrapping) of the text raw[ends[i]:ends[i + 1]], XOR its length times 0x9E3779B97F4A7C15."},
    {"any_equal", any_equal, METH_VARARGS,
     "any_equal(hashes, valid) -> whether two of the hashes (uint64) are equal, counting only those whose byte "
     "in valid is not 0 (valid empty: all)."},
    {"text_facts", text_facts, METH_VARARGS,
     "text_facts(data, offsets, ascii, control): ascii[i] = 1 where the text data[offsets[i]:offsets[i + 1]] is "
     "ASCII, control[i] = 1 where it holds an ASCII control character (bytes, one for each text)."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_scan", NULL, -1, methods};

PyMODINIT_FUNC PyInit__scan(void) {
    const char *space = " \t\n\r\v\f";
    for (const char *c = space; *c; c++)
        kind[(uint8_t)*c] = 1;
    kind['{'] = kind['['] = 2;
    kind['n'] = 3;
    kind['\\'] = 4;
    next_to_quote[','] = next_to_quote['\n'] = next_to_quote['\r'] = next_to_quote['"'] = 1;
    return PyModule_Create(&module);
}
