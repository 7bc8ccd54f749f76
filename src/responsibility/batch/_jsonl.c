/* JSON lines of the ledger's record shape parsed into Arrow buffers (responsibility.batch._io._c_json_table).

   parse(data, bounds, flags) parses the lines data[bounds[k]:bounds[k + 1]] whose flags[k] is 0 (the others:
   blank, or already for Python's parser) as records of exactly the shape batch/_io.py's _json_options() declares:
   one object per line whose keys are among id, domain, kind, place, severity, deadline, rectified_on, as_of
   (each a string), discovered (an object of the strings level, channel, on, body), handled (a list of objects of
   the strings action, by_level, to_level, to_body, on) and concealed_by (a list of strings), each key at most
   once, in any order, with JSON's white space (space, tab, CR, LF) between tokens and after the object.

   A line outside that grammar is declined: flags[k] |= 2 (SPECIAL), and Python's parser (the reference) reads
   it. Declined are an unknown or twice-given key, a key with an escape, a value of another type (a number,
   true, false, null, an object or a list where a string is expected), a raw control character in a string, a
   surrogate escape (\ud800-\udfff), an unknown escape, anything after the object, a line not ended by its
   object, bytes that are not UTF-8 (as Python's strict decoder reads it). A string's escapes are decoded as
   JSON says (\uXXXX to UTF-8); its other bytes are copied as they are.

   It returns (rows, columns, discovered, handled, concealed_by), or None where the data is too large for
   Arrow's int32 offsets (the caller uses pyarrow's parser then):
   - columns: 18 string columns, each (count, validity, offsets, data): the 8 top-level strings in that order,
     discovered's 4, handled's 5 (one entry per item of every row's list), concealed_by's items (1);
   - discovered: its validity (a struct; a child is null where the struct is);
   - handled, concealed_by: (validity, offsets) of the lists (int32 offsets into the items).
   Each buffer is an object holding its bytes (the buffer protocol; pyarrow.py_buffer takes it without a copy),
   validity bitmaps as Arrow's (least significant bit first), what pyarrow's JSON reader gives for these lines:
   tests/test_batch_jsonl.py compares the two. The parse runs without the GIL.

   csv_cells(data, ends, ncols) reads the rows of a block of CSV (data[ends[k - 1]:ends[k]], data[0:ends[0]] the
   first; batch/_io.py's _CsvReader found them) into ncols string columns, each (count, validity, offsets, data)
   as above, what pyarrow's CSV reader gives for them with every column text, "" its null value and quoted
   strings null too (_io._CsvReader._arrow: ~0.6 CPU s of 1M records, at about three times its speed): a row
   that is only a line end is skipped, a quoted cell's doubled quotes are one, a row's line end (a line feed,
   or a carriage return and one) is not a cell's. It returns None where a row is not exactly ncols cells of
   plain quoting in UTF-8 (see csv_row), and pyarrow's reader (or Python's csv module) reads the block as
   before; tests/test_batch_io.py compares the two. */

#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#if defined(__SSE2__) && defined(__GNUC__)
#include <emmintrin.h>
#endif

#define SPECIAL 2
#define NTOP 8   /* top-level strings: columns 0-7 */
#define DISC 8   /* discovered's children: columns 8-11 */
#define NDISC 4
#define HAND 12  /* handled's children: columns 12-16 */
#define NHAND 5
#define CONC 17  /* concealed_by's items */
#define NCOL 18

/* ------------------------------------------------------------------ buffers */

typedef struct {
    uint8_t *p;
    int64_t len, cap;
} Buf;

/* room for `more` bytes after len (new bytes zeroed where `zero`: validity bitmaps are set bit by bit); 0 when
   out of memory */
static int grow(Buf *b, int64_t more, int zero) {
    int64_t cap = b->cap ? b->cap * 2 : 256;
    while (cap < b->len + more)
        cap *= 2;
    uint8_t *p = realloc(b->p, (size_t)cap);
    if (p == NULL)
        return 0;
    if (zero)
        memset(p + b->cap, 0, (size_t)(cap - b->cap));
    b->p = p;
    b->cap = cap;
    return 1;
}

static inline int reserve(Buf *b, int64_t more, int zero) {
    return b->len + more <= b->cap || grow(b, more, zero);
}

typedef struct {
    Buf valid, off, dat;
    int64_t count;
} Col;

/* one more entry of a string column: valid or null (its bytes were written to dat already) */
static inline int push(Col *c, int valid) {
    const int64_t byte = c->count >> 3;
    if (!reserve(&c->valid, byte + 1 - c->valid.len, 1) || !reserve(&c->off, 4, 0))
        return 0;
    if (c->valid.len <= byte)
        c->valid.len = byte + 1;
    c->valid.p[byte] |= (uint8_t)((valid != 0) << (c->count & 7));
    c->count++;
    memcpy(c->off.p + 4 * c->count, &(int32_t){(int32_t)c->dat.len}, 4);
    c->off.len = 4 * (c->count + 1);
    return 1;
}

/* a list column (discovered too: a struct, its offsets unused) */
typedef struct {
    Buf valid, off;
    int64_t count;
} List;

static inline int push_list(List *l, int valid, int64_t items) {
    const int64_t byte = l->count >> 3;
    if (!reserve(&l->valid, byte + 1 - l->valid.len, 1) || !reserve(&l->off, 4, 0))
        return 0;
    if (l->valid.len <= byte)
        l->valid.len = byte + 1;
    l->valid.p[byte] |= (uint8_t)((valid != 0) << (l->count & 7));
    l->count++;
    memcpy(l->off.p + 4 * l->count, &(int32_t){(int32_t)items}, 4);
    l->off.len = 4 * (l->count + 1);
    return 1;
}

/* ------------------------------------------------------------------ the grammar */

enum { OK = 0, DECLINE = 1, NOMEM = 2 };

static uint8_t white[256];  /* JSON's white space */
static int8_t hex[256];      /* a hex digit's value, -1 for any other byte */

static inline int64_t skip(const uint8_t *s, int64_t i, int64_t n) {
    while (i < n && white[s[i]])
        i++;
    return i;
}

/* the length of the UTF-8 character at s[0:n] (its first byte >= 0x80), 0 where it is not one as Python's
   strict decoder reads it (no overlong form, no surrogate, nothing past U+10FFFF, no sequence cut short) */
static inline int utf8(const uint8_t *s, int64_t n) {
    const uint8_t c = s[0];
    int len;
    uint8_t lo = 0x80, hi = 0xbf;  /* the second byte's range */
    if (c >= 0xc2 && c <= 0xdf) {
        len = 2;
    } else if (c >= 0xe0 && c <= 0xef) {
        len = 3;
        if (c == 0xe0)
            lo = 0xa0;
        else if (c == 0xed)
            hi = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
        len = 4;
        if (c == 0xf0)
            lo = 0x90;
        else if (c == 0xf4)
            hi = 0x8f;
    } else {
        return 0;
    }
    if (n < len || s[1] < lo || s[1] > hi)
        return 0;
    for (int k = 2; k < len; k++)
        if ((s[k] & 0xc0) != 0x80)
            return 0;
    return len;
}

/* the string at s[*i] (a quote) decoded to the end of out; *i past its closing quote */
static inline int string(const uint8_t *s, int64_t *at, int64_t n, Buf *out) {
    int64_t i = *at;
    if (i >= n || s[i] != '"')
        return DECLINE;
    i++;
    /* decoded, a string is never longer than it is written (and 16 bytes are stored at a time) */
    if (!reserve(out, n - i + 16, 0))
        return NOMEM;
    uint8_t *o = out->p + out->len;
    for (;;) {
#if defined(__SSE2__) && defined(__GNUC__)
        /* to the next quote, backslash or control character, sixteen bytes at a time, each sixteen stored
           as they are (those past the end are written over, or past the string's end) */
        const __m128i quote = _mm_set1_epi8('"'), back = _mm_set1_epi8('\\'), ctl = _mm_set1_epi8(0x1f);
        const __m128i zero = _mm_setzero_si128();
        while (i + 16 <= n) {
            const __m128i v = _mm_loadu_si128((const __m128i *)(s + i));
            _mm_storeu_si128((__m128i *)o, v);
            /* a byte <= 0x1f: subs_epu8(v, 0x1f) == 0 */
            const __m128i low = _mm_cmpeq_epi8(_mm_subs_epu8(v, ctl), zero);
            /* (and a byte >= 0x80: the sign bits, where a character beyond ASCII is checked) */
            const unsigned m = (unsigned)_mm_movemask_epi8(
                _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, back)), _mm_or_si128(low, v)));
            if (m) {
                const int k = __builtin_ctz(m);
                i += k;
                o += k;
                goto found;
            }
            i += 16;
            o += 16;
        }
#endif
        while (i < n && s[i] != '"' && s[i] != '\\' && s[i] >= 0x20 && s[i] < 0x80)
            *o++ = s[i++];
#if defined(__SSE2__) && defined(__GNUC__)
    found:
#endif
        if (i >= n || s[i] < 0x20)
            return DECLINE;  /* a string not closed on its line, or a raw control character */
        if (s[i] >= 0x80) {  /* a character beyond ASCII: copied if it is UTF-8 as Python decodes it */
            const int len = utf8(s + i, n - i);
            if (!len)
                return DECLINE;
            for (int k = 0; k < len; k++)
                *o++ = s[i + k];
            i += len;
            continue;
        }
        if (s[i] == '"')
            break;
        /* an escape */
        if (i + 1 >= n)
            return DECLINE;
        switch (s[i + 1]) {
        case '"': *o++ = '"'; break;
        case '\\': *o++ = '\\'; break;
        case '/': *o++ = '/'; break;
        case 'b': *o++ = '\b'; break;
        case 'f': *o++ = '\f'; break;
        case 'n': *o++ = '\n'; break;
        case 'r': *o++ = '\r'; break;
        case 't': *o++ = '\t'; break;
        case 'u': {
            if (i + 5 >= n)
                return DECLINE;
            int32_t c = 0;
            for (int k = 2; k < 6; k++) {
                const int8_t h = hex[s[i + k]];
                if (h < 0)
                    return DECLINE;
                c = c * 16 + h;
            }
            if (c >= 0xd800 && c <= 0xdfff)
                return DECLINE;  /* a surrogate: Python's parser pairs them (or keeps a lone one) */
            if (c < 0x80) {
                *o++ = (uint8_t)c;
            } else if (c < 0x800) {
                *o++ = (uint8_t)(0xc0 | (c >> 6));
                *o++ = (uint8_t)(0x80 | (c & 0x3f));
            } else {
                *o++ = (uint8_t)(0xe0 | (c >> 12));
                *o++ = (uint8_t)(0x80 | ((c >> 6) & 0x3f));
                *o++ = (uint8_t)(0x80 | (c & 0x3f));
            }
            i += 4;
            break;
        }
        default:
            return DECLINE;
        }
        i += 2;
    }
    out->len = o - out->p;
    *at = i + 1;
    return OK;
}

typedef struct {
    const char *name;
    int len;
} Name;

/* the key at s[*i] (a quote; no escape in it) as the index of one of `names`, -1 if none; *i past its colon */
static inline int key(const uint8_t *s, int64_t *at, int64_t n, const Name *names, int count) {
    int64_t i = *at;
    if (i >= n || s[i] != '"')
        return -1;
    const uint8_t *k = s + i + 1;
    int64_t e = i + 1;
    while (e < n && s[e] != '"' && e - i <= 16)  /* (no name is longer than 16 bytes) */
        e++;
    if (e >= n || s[e] != '"')
        return -1;
    const int len = (int)(e - i - 1);
    int found = -1;
    for (int f = 0; f < count; f++)
        if (names[f].len == len && k[0] == (uint8_t)names[f].name[0] && memcmp(names[f].name, k, (size_t)len) == 0) {
            found = f;
            break;
        }
    i = skip(s, e + 1, n);
    if (found < 0 || i >= n || s[i] != ':')
        return -1;
    *at = skip(s, i + 1, n);
    return found;
}

#define NAME(s) {s, sizeof(s) - 1}
static const Name TOP[] = {NAME("id"), NAME("domain"), NAME("kind"), NAME("place"), NAME("severity"),
                           NAME("deadline"), NAME("rectified_on"), NAME("as_of"), NAME("discovered"),
                           NAME("handled"), NAME("concealed_by")};
static const Name DISCOVERED[] = {NAME("level"), NAME("channel"), NAME("on"), NAME("body")};
static const Name HANDLED[] = {NAME("action"), NAME("by_level"), NAME("to_level"), NAME("to_body"), NAME("on")};

typedef struct {
    Col col[NCOL];
    List disc, hand, conc;
} Out;

/* an object of strings at s[*i] (`count` keys among `names`), written to columns col[0:count] as one entry each */
static inline int strings(const uint8_t *s, int64_t *at, int64_t n, Col *col, const Name *names, int count) {
    int64_t i = *at;
    unsigned seen = 0;
    if (i >= n || s[i] != '{')
        return DECLINE;
    i = skip(s, i + 1, n);
    if (i < n && s[i] == '}') {
        i++;
    } else {
        for (;;) {
            const int f = key(s, &i, n, names, count);
            if (f < 0 || (seen >> f) & 1)
                return DECLINE;
            seen |= 1u << f;
            const int r = string(s, &i, n, &col[f].dat);
            if (r)
                return r;
            i = skip(s, i, n);
            if (i < n && s[i] == ',') {
                i = skip(s, i + 1, n);
                continue;
            }
            if (i < n && s[i] == '}') {
                i++;
                break;
            }
            return DECLINE;
        }
    }
    for (int f = 0; f < count; f++)
        if (!push(&col[f], (seen >> f) & 1))
            return NOMEM;
    *at = i;
    return OK;
}

/* a list at s[*i] of objects of strings (handled) or of strings (concealed_by); the number of items in *items */
static int list(const uint8_t *s, int64_t *at, int64_t n, Out *out, int handled, int64_t *items) {
    int64_t i = *at, got = 0;
    if (i >= n || s[i] != '[')
        return DECLINE;
    i = skip(s, i + 1, n);
    if (i < n && s[i] == ']') {
        i++;
    } else {
        for (;;) {
            int r;
            if (handled) {
                r = strings(s, &i, n, &out->col[HAND], HANDLED, NHAND);
            } else {
                r = string(s, &i, n, &out->col[CONC].dat);
                if (!r && !push(&out->col[CONC], 1))
                    r = NOMEM;
            }
            if (r)
                return r;
            got++;
            i = skip(s, i, n);
            if (i < n && s[i] == ',') {
                i = skip(s, i + 1, n);
                continue;
            }
            if (i < n && s[i] == ']') {
                i++;
                break;
            }
            return DECLINE;
        }
    }
    *items = got;
    *at = i;
    return OK;
}

/* one line s[0:n], which starts with "{": its row written to out, or DECLINE (out as it was) */
static int record(const uint8_t *s, int64_t n, Out *out) {
    int64_t i = skip(s, 0, n);
    unsigned seen = 0;
    int64_t handled = 0, concealed = 0;
    if (i >= n || s[i] != '{')
        return DECLINE;
    i = skip(s, i + 1, n);
    if (i < n && s[i] == '}') {
        i++;
    } else {
        for (;;) {
            const int f = key(s, &i, n, TOP, 11);
            if (f < 0 || (seen >> f) & 1)
                return DECLINE;
            seen |= 1u << f;
            int r;
            if (f < NTOP) {
                r = string(s, &i, n, &out->col[f].dat);
            } else if (f == NTOP) {
                r = strings(s, &i, n, &out->col[DISC], DISCOVERED, NDISC);
            } else {
                r = list(s, &i, n, out, f == NTOP + 1, f == NTOP + 1 ? &handled : &concealed);
            }
            if (r)
                return r;
            i = skip(s, i, n);
            if (i < n && s[i] == ',') {
                i = skip(s, i + 1, n);
                continue;
            }
            if (i < n && s[i] == '}') {
                i++;
                break;
            }
            return DECLINE;
        }
    }
    if (skip(s, i, n) != n)
        return DECLINE;  /* something after the object (a second one, a stray byte) */
    for (int f = 0; f < NTOP; f++)
        if (!push(&out->col[f], (seen >> f) & 1))
            return NOMEM;
    if (!((seen >> NTOP) & 1))  /* no discovered: its children null too, as pyarrow gives them */
        for (int f = 0; f < NDISC; f++)
            if (!push(&out->col[DISC + f], 0))
                return NOMEM;
    if (!push_list(&out->disc, (seen >> NTOP) & 1, 0) ||
        !push_list(&out->hand, (seen >> (NTOP + 1)) & 1, out->col[HAND].count) ||
        !push_list(&out->conc, (seen >> (NTOP + 2)) & 1, out->col[CONC].count))
        return NOMEM;
    return OK;
}

/* ------------------------------------------------------------------ the objects handed to Python */

typedef struct {
    PyObject_HEAD
    uint8_t *p;
    Py_ssize_t len;
} Block;

static void block_dealloc(PyObject *self) {
    free(((Block *)self)->p);
    Py_TYPE(self)->tp_free(self);
}

static int block_getbuffer(PyObject *self, Py_buffer *view, int flags) {
    Block *b = (Block *)self;
    static uint8_t none[8];
    return PyBuffer_FillInfo(view, self, b->p ? b->p : none, b->len, 1, flags);
}

static PyBufferProcs block_buffer = {block_getbuffer, NULL};

static PyTypeObject BlockType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "responsibility.batch._jsonl.Block",
    .tp_doc = "Bytes made by the JSON lines parser (read through the buffer protocol).",
    .tp_basicsize = sizeof(Block),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_dealloc = block_dealloc,
    .tp_as_buffer = &block_buffer,
};

/* the bytes of b as a Block (which takes them over), trimmed to their length */
static PyObject *block(Buf *b) {
    Block *o = PyObject_New(Block, &BlockType);
    if (o == NULL)
        return NULL;
    o->p = b->p;
    o->len = (Py_ssize_t)b->len;
    if (b->p && b->len < b->cap) {
        uint8_t *p = realloc(b->p, (size_t)(b->len ? b->len : 1));
        if (p)
            o->p = p;
    }
    b->p = NULL;
    b->len = b->cap = 0;
    return (PyObject *)o;
}

static void release(Out *out) {
    for (int c = 0; c < NCOL; c++) {
        free(out->col[c].valid.p);
        free(out->col[c].off.p);
        free(out->col[c].dat.p);
    }
    List *lists[] = {&out->disc, &out->hand, &out->conc};
    for (int l = 0; l < 3; l++) {
        free(lists[l]->valid.p);
        free(lists[l]->off.p);
    }
}

static PyObject *parse(PyObject *self, PyObject *args) {
    Py_buffer data, bounds, flags;
    if (!PyArg_ParseTuple(args, "y*y*w*", &data, &bounds, &flags))
        return NULL;
    PyObject *result = NULL;
    const char *bad = NULL;
    const int64_t n = flags.len, size = data.len;
    const int64_t *b = (const int64_t *)bounds.buf;
    if (bounds.len != 8 * (n + 1)) {
        bad = "bounds must be int64, one more than flags";
    } else {
        for (int64_t k = 0; k <= n && !bad; k++)
            if (b[k] < 0 || b[k] > size || (k && b[k] < b[k - 1]))
                bad = "bounds outside the data or not in order";
    }
    if (bad) {
        PyErr_SetString(PyExc_ValueError, bad);
        goto done;
    }
    if (size >= INT32_MAX) {  /* too many bytes for int32 offsets: pyarrow's parser makes its chunks */
        result = Py_NewRef(Py_None);
        goto done;
    }
    Out out;
    memset(&out, 0, sizeof out);
    int nomem = 0;
    int64_t rows = 0;
    const uint8_t *src = (const uint8_t *)data.buf;
    uint8_t *flag = (uint8_t *)flags.buf;
    Py_BEGIN_ALLOW_THREADS
    /* the offsets' first entry: 0 */
    for (int c = 0; c < NCOL && !nomem; c++)
        nomem = !reserve(&out.col[c].off, 4, 0);
    List *lists[] = {&out.disc, &out.hand, &out.conc};
    for (int l = 0; l < 3 && !nomem; l++)
        nomem = !reserve(&lists[l]->off, 4, 0);
    for (int c = 0; c < NCOL && !nomem; c++) {
        memset(out.col[c].off.p, 0, 4);
        out.col[c].off.len = 4;
    }
    for (int l = 0; l < 3 && !nomem; l++) {
        memset(lists[l]->off.p, 0, 4);
        lists[l]->off.len = 4;
    }
    for (int64_t k = 0; k < n && !nomem; k++) {
        if (flag[k])
            continue;
        /* where every column stands, to go back to if the line is declined */
        int64_t dat[NCOL], count[NCOL], valid[NCOL];
        for (int c = 0; c < NCOL; c++) {
            dat[c] = out.col[c].dat.len;
            count[c] = out.col[c].count;
            valid[c] = out.col[c].valid.len;
        }
        const int r = record(src + b[k], b[k + 1] - b[k], &out);
        if (r == OK) {
            rows++;
            continue;
        }
        if (r == NOMEM) {
            nomem = 1;
            break;
        }
        flag[k] |= SPECIAL;
        for (int c = 0; c < NCOL; c++) {
            Col *col = &out.col[c];
            /* the bits of the entries taken back cleared (the bitmap is set bit by bit) */
            for (int64_t e = count[c]; e < col->count; e++)
                col->valid.p[e >> 3] &= (uint8_t)~(1u << (e & 7));
            col->dat.len = dat[c];
            col->count = count[c];
            col->off.len = 4 * (count[c] + 1);
            col->valid.len = valid[c];
        }
    }
    Py_END_ALLOW_THREADS
    if (nomem) {
        release(&out);
        PyErr_NoMemory();
        goto done;
    }
    PyObject *cols = PyTuple_New(NCOL);
    if (cols == NULL) {
        release(&out);
        goto done;
    }
    for (int c = 0; c < NCOL; c++) {
        Col *col = &out.col[c];
        PyObject *entry = Py_BuildValue("(LNNN)", (long long)col->count, block(&col->valid), block(&col->off),
                                        block(&col->dat));
        if (entry == NULL) {
            Py_DECREF(cols);
            release(&out);
            goto done;
        }
        PyTuple_SET_ITEM(cols, c, entry);
    }
    result = Py_BuildValue("(LNN(NN)(NN))", (long long)rows, cols, block(&out.disc.valid), block(&out.hand.valid),
                           block(&out.hand.off), block(&out.conc.valid), block(&out.conc.off));
    release(&out);
done:
    PyBuffer_Release(&data);
    PyBuffer_Release(&bounds);
    PyBuffer_Release(&flags);
    return result;
}

/* ------------------------------------------------------------------ CSV rows to string columns */

/* one row's cells s[0:n] (its line end left off) pushed to cols[0..ncols): OK, or DECLINE where the row is not
   exactly ncols cells of plain quoting: a quote inside a cell that does not start with one, a quoted cell not
   closed or followed by anything but a comma, a carriage return or line feed outside quotes, a carriage return
   that does not end a line inside quotes, bytes that are not UTF-8 (as Python's strict decoder reads them) */
static int csv_row(const uint8_t *s, int64_t n, Col *cols, int64_t ncols) {
    int64_t i = 0, c = 0;
    for (;;) {
        if (c >= ncols)
            return DECLINE;
        Col *col = &cols[c];
        if (!reserve(&col->dat, n - i + 16, 0))
            return NOMEM;
        uint8_t *o = col->dat.p + col->dat.len, *const first = o;
        if (i < n && s[i] == '"') {
            i++;
            for (;;) {
#if defined(__SSE2__) && defined(__GNUC__)
                /* to the next quote, carriage return or byte beyond ASCII, sixteen bytes at a time (stored as
                   they are: those past the stop are written over, or lie past the cell's end) */
                const __m128i quote = _mm_set1_epi8('"'), ret = _mm_set1_epi8('\r');
                while (i + 16 <= n) {
                    const __m128i v = _mm_loadu_si128((const __m128i *)(s + i));
                    _mm_storeu_si128((__m128i *)o, v);
                    const unsigned m = (unsigned)_mm_movemask_epi8(
                        _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, ret)), v));
                    if (m) {
                        const int k = __builtin_ctz(m);
                        i += k;
                        o += k;
                        break;
                    }
                    i += 16;
                    o += 16;
                }
#endif
                while (i < n && s[i] != '"' && s[i] != '\r' && s[i] < 0x80)
                    *o++ = s[i++];
                if (i >= n)
                    return DECLINE; /* not closed in the row */
                if (s[i] == '"') {
                    if (i + 1 < n && s[i + 1] == '"') { /* a doubled quote: one quote */
                        *o++ = '"';
                        i += 2;
                        continue;
                    }
                    i++;
                    break;
                }
                if (s[i] == '\r') {
                    if (i + 1 >= n || s[i + 1] != '\n')
                        return DECLINE;
                    *o++ = '\r';
                    *o++ = '\n';
                    i += 2;
                    continue;
                }
                const int len = utf8(s + i, n - i);
                if (!len)
                    return DECLINE;
                for (int k = 0; k < len; k++)
                    *o++ = s[i + k];
                i += len;
            }
            if (i < n && s[i] != ',')
                return DECLINE;
        } else {
            for (;;) {
#if defined(__SSE2__) && defined(__GNUC__)
                const __m128i comma = _mm_set1_epi8(','), quote = _mm_set1_epi8('"'), ret = _mm_set1_epi8('\r'),
                              feed = _mm_set1_epi8('\n');
                while (i + 16 <= n) {
                    const __m128i v = _mm_loadu_si128((const __m128i *)(s + i));
                    _mm_storeu_si128((__m128i *)o, v);
                    const unsigned m = (unsigned)_mm_movemask_epi8(_mm_or_si128(
                        _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, comma), _mm_cmpeq_epi8(v, quote)),
                                     _mm_or_si128(_mm_cmpeq_epi8(v, ret), _mm_cmpeq_epi8(v, feed))), v));
                    if (m) {
                        const int k = __builtin_ctz(m);
                        i += k;
                        o += k;
                        break;
                    }
                    i += 16;
                    o += 16;
                }
#endif
                while (i < n && s[i] != ',' && s[i] != '"' && s[i] != '\r' && s[i] != '\n' && s[i] < 0x80)
                    *o++ = s[i++];
                if (i >= n || s[i] == ',')
                    break;
                if (s[i] < 0x80)
                    return DECLINE; /* a quote, carriage return or line feed in a cell not quoted */
                const int len = utf8(s + i, n - i);
                if (!len)
                    return DECLINE;
                for (int k = 0; k < len; k++)
                    *o++ = s[i + k];
                i += len;
            }
        }
        col->dat.len += o - first;
        if (!push(col, o > first)) /* an empty cell, quoted or not, is null */
            return NOMEM;
        c++;
        if (i >= n)
            break;
        i++; /* the comma */
    }
    return c == ncols ? OK : DECLINE;
}

/* csv_cells(data, ends, ncols): see the module docstring */
static PyObject *csv_cells(PyObject *self, PyObject *args) {
    Py_buffer data, ends;
    Py_ssize_t ncols;
    if (!PyArg_ParseTuple(args, "y*y*n", &data, &ends, &ncols))
        return NULL;
    PyObject *result = NULL;
    const char *bad = NULL;
    const int64_t n = ends.len / 8, size = data.len;
    const int64_t *e = (const int64_t *)ends.buf;
    if (ends.len % 8 || ncols < 1)
        bad = "ends must be int64, ncols at least 1";
    for (int64_t k = 0; k < n && !bad; k++)
        if (e[k] < (k ? e[k - 1] : 0) || e[k] > size)
            bad = "ends outside the data or not in order";
    if (bad) {
        PyErr_SetString(PyExc_ValueError, bad);
        goto done;
    }
    if (size >= INT32_MAX) { /* too many bytes for int32 offsets: pyarrow's parser makes its chunks */
        result = Py_NewRef(Py_None);
        goto done;
    }
    Col *cols = calloc((size_t)ncols, sizeof(Col));
    if (cols == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    int r = OK;
    const uint8_t *src = (const uint8_t *)data.buf;
    Py_BEGIN_ALLOW_THREADS
    for (int64_t c = 0; c < ncols && r == OK; c++) {
        Col *col = &cols[c];
        if (!reserve(&col->valid, n / 8 + 1, 1) || !reserve(&col->off, 4 * (n + 1), 0))
            r = NOMEM;
        else {
            memset(col->off.p, 0, 4);
            col->off.len = 4;
        }
    }
    for (int64_t k = 0; k < n && r == OK; k++) {
        const int64_t lo = k ? e[k - 1] : 0;
        int64_t hi = e[k];
        if (hi > lo && src[hi - 1] == '\n') { /* the line end: a line feed, or a carriage return and one */
            hi--;
            if (hi > lo && src[hi - 1] == '\r')
                hi--;
        }
        if (hi == lo)
            continue; /* a blank row: no record (pyarrow skips it too) */
        r = csv_row(src + lo, hi - lo, cols, ncols);
    }
    Py_END_ALLOW_THREADS
    if (r == OK) {
        result = PyTuple_New(ncols);
        for (int64_t c = 0; c < ncols && result != NULL; c++) {
            Col *col = &cols[c];
            PyObject *entry = Py_BuildValue("(LNNN)", (long long)col->count, block(&col->valid), block(&col->off),
                                            block(&col->dat));
            if (entry == NULL)
                Py_CLEAR(result);
            else
                PyTuple_SET_ITEM(result, c, entry);
        }
    } else if (r == NOMEM)
        PyErr_NoMemory();
    else
        result = Py_NewRef(Py_None);
    for (int64_t c = 0; c < ncols; c++) {
        free(cols[c].valid.p);
        free(cols[c].off.p);
        free(cols[c].dat.p);
    }
    free(cols);
done:
    PyBuffer_Release(&data);
    PyBuffer_Release(&ends);
    return result;
}

static PyMethodDef methods[] = {
    {"parse", parse, METH_VARARGS,
     "parse(data, bounds, flags) -> (rows, columns, discovered, handled, concealed_by) or None: the lines "
     "data[bounds[k]:bounds[k + 1]] with flags[k] == 0 parsed into Arrow buffers; a line declined gets flags[k] |= 2."},
    {"csv_cells", csv_cells, METH_VARARGS,
     "csv_cells(data, ends, ncols) -> columns or None: the CSV rows of data ending at ends (int64), blank ones left "
     "out, as ncols string columns (count, validity, offsets, data), an empty cell null; None where a row is not "
     "ncols cells of plain quoting in UTF-8."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_jsonl", NULL, -1, methods};

PyMODINIT_FUNC PyInit__jsonl(void) {
    white[' '] = white['\t'] = white['\n'] = white['\r'] = 1;
    memset(hex, -1, sizeof hex);
    for (int d = 0; d < 10; d++)
        hex['0' + d] = (int8_t)d;
    for (int d = 0; d < 6; d++)
        hex['a' + d] = hex['A' + d] = (int8_t)(10 + d);
    if (PyType_Ready(&BlockType) < 0)
        return NULL;
    return PyModule_Create(&module);
}
