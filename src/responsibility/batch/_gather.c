/* Kernels of the batch emitter (responsibility.batch._emit): the reasons' bytes gathered in one
   pass (_emit.reasons), and segment ids found by key (_emit.KeyIds.find).

   gather(out, data, offsets, segs) copies segment segs[0], segs[1], ... of a store (its bytes in
   `data`, segment k at data[offsets[k]:offsets[k + 1]], offsets int32) one after another into `out`
   and returns the number of bytes written. Every segment id and every byte is checked against the
   buffers' sizes (ValueError, nothing past `out` written). The copy runs without the GIL, and reads
   a few segments ahead (the store is far larger than the caches: each segment is a random read).

   find(out, keys, ids, wanted) looks each of `wanted` up in KeyIds' open-addressing table (`keys`, -1
   where a slot is free; `ids`; a power of two long, at most half full; Fibonacci hashing, linear
   probing, exactly as KeyIds lays it out) and writes its id, or -1, to `out`. Without the GIL.

   find_add(keys, ids, wanted, out, firsts, start, nfirst, count, next_id) finds wanted[start:] as find
   does and adds each key it does not find (id next_id + its place among the keys added, whose
   positions in `wanted` go to firsts[nfirst:]), stopping before the table would be more than half
   full; it returns (where it stopped, nfirst, count) for KeyIds.find_add to grow the table and go on.

   Optional: built at install where a C compiler is found; without it the same bytes are gathered
   by Arrow's take and the keys found by numpy (_emit.py); tests/test_batch_emit.py compares them. */

#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>
#include <string.h>

#define AHEAD 12

static PyObject *gather(PyObject *self, PyObject *args) {
    Py_buffer out, data, offsets, segs;
    if (!PyArg_ParseTuple(args, "w*y*y*y*", &out, &data, &offsets, &segs))
        return NULL;
    PyObject *result = NULL;
    const char *bad = NULL;
    if (offsets.len % 4 || segs.len % 8 || offsets.len < 4) {
        bad = "offsets must be int32 and segs int64";
    } else {
        uint8_t *dst = (uint8_t *)out.buf;
        const uint8_t *src = (const uint8_t *)data.buf;
        const int32_t *off = (const int32_t *)offsets.buf;
        const int64_t *seg = (const int64_t *)segs.buf;
        const int64_t nseg = offsets.len / 4 - 1, n = segs.len / 8, cap = out.len, size = data.len;
        int64_t pos = 0;
        Py_BEGIN_ALLOW_THREADS
        for (int64_t i = 0; i < n; i++) {
            int64_t s = seg[i];
            if (s < 0 || s >= nseg) { bad = "a segment id outside the store"; break; }
            if (i + AHEAD < n) {
                int64_t t = seg[i + AHEAD];
                if (t >= 0 && t < nseg && off[t] >= 0 && off[t] < size)
                    __builtin_prefetch(src + off[t]);
            }
            int64_t a = off[s], b = off[s + 1];
            if (a < 0 || b < a || b > size) { bad = "a segment outside the store's bytes"; break; }
            if (pos + (b - a) > cap) { bad = "the output is too small"; break; }
            memcpy(dst + pos, src + a, (size_t)(b - a));
            pos += b - a;
        }
        Py_END_ALLOW_THREADS
        if (!bad)
            result = PyLong_FromLongLong(pos);
    }
    if (bad)
        PyErr_SetString(PyExc_ValueError, bad);
    PyBuffer_Release(&out);
    PyBuffer_Release(&data);
    PyBuffer_Release(&offsets);
    PyBuffer_Release(&segs);
    return result;
}

/* KeyIds' table (keys, ids) and the keys looked up (wanted, with out as long): NULL if usable, with
   the table's size as 2 ** *bits, else what is wrong. */
static const char *check_table(const Py_buffer *keys, const Py_buffer *ids, const Py_buffer *wanted,
                               const Py_buffer *out, int *bits) {
    const int64_t size = keys->len / 8;
    *bits = 0;
    while (*bits < 62 && ((int64_t)1 << *bits) < size)
        (*bits)++;
    if (keys->len % 8 || ids->len != keys->len || wanted->len % 8 || out->len != wanted->len)
        return "keys, ids, wanted and out must be int64 (ids as long as keys, out as wanted)";
    if (size < 2 || ((int64_t)1 << *bits) != size)
        return "the table's size must be a power of two";
    return NULL;
}

/* The slot where KeyIds' walk for key starts (Fibonacci hashing: the top bits of key * 2**64 / phi). */
static inline uint64_t home(int64_t key, int bits) {
    return ((uint64_t)key * UINT64_C(0x9E3779B97F4A7C15)) >> (64 - bits);
}

static PyObject *find(PyObject *self, PyObject *args) {
    Py_buffer out, keys, ids, wanted;
    if (!PyArg_ParseTuple(args, "w*y*y*y*", &out, &keys, &ids, &wanted))
        return NULL;
    int bits;
    const char *bad = check_table(&keys, &ids, &wanted, &out, &bits);
    const int64_t size = keys.len / 8, n = wanted.len / 8;
    if (!bad) {
        int64_t *dst = (int64_t *)out.buf;
        const int64_t *k = (const int64_t *)keys.buf, *v = (const int64_t *)ids.buf, *w = (const int64_t *)wanted.buf;
        const uint64_t mask = (uint64_t)size - 1;
        Py_BEGIN_ALLOW_THREADS
        for (int64_t i = 0; i < n; i++) {
            const int64_t key = w[i];
            uint64_t at = home(key, bits);
            int64_t got = -1;
            /* at most half full: a free slot ends every chain (bounded by the size all the same) */
            for (int64_t step = 0; step < size; step++) {
                const int64_t here = k[at];
                if (here == key) { got = v[at]; break; }
                if (here < 0) break;
                at = (at + 1) & mask;
            }
            dst[i] = got;
        }
        Py_END_ALLOW_THREADS
    }
    PyBuffer_Release(&out);
    PyBuffer_Release(&keys);
    PyBuffer_Release(&ids);
    PyBuffer_Release(&wanted);
    if (bad) {
        PyErr_SetString(PyExc_ValueError, bad);
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *find_add(PyObject *self, PyObject *args) {
    Py_buffer keys, ids, wanted, out, firsts;
    Py_ssize_t start, nfirst, count;
    long long next_id;
    if (!PyArg_ParseTuple(args, "w*w*y*w*w*nnnL", &keys, &ids, &wanted, &out, &firsts, &start, &nfirst, &count,
                          &next_id))
        return NULL;
    int bits;
    const char *bad = check_table(&keys, &ids, &wanted, &out, &bits);
    const int64_t size = keys.len / 8, n = wanted.len / 8;
    int64_t i = start, nf = nfirst, used = count;
    if (!bad && firsts.len != wanted.len)
        bad = "firsts must be as long as wanted";
    if (!bad && (start < 0 || start > n || nfirst < 0 || nfirst > start || count < 0 || count > size / 2))
        bad = "start, nfirst or count out of range";
    if (!bad) {
        int64_t *k = (int64_t *)keys.buf, *v = (int64_t *)ids.buf, *dst = (int64_t *)out.buf;
        int64_t *first = (int64_t *)firsts.buf;
        const int64_t *w = (const int64_t *)wanted.buf;
        const uint64_t mask = (uint64_t)size - 1;
        Py_BEGIN_ALLOW_THREADS
        for (; i < n; i++) {
            const int64_t key = w[i];
            if (key < 0) { bad = "a negative key"; break; }
            uint64_t at = home(key, bits);
            while (k[at] >= 0 && k[at] != key)  /* (a free slot ends every chain: at most half full) */
                at = (at + 1) & mask;
            if (k[at] == key) {
                dst[i] = v[at];
                continue;
            }
            if (2 * (used + 1) > size)  /* full: the caller grows the table and calls again from here */
                break;
            k[at] = key;
            v[at] = dst[i] = next_id + nf;
            first[nf++] = i;
            used++;
        }
        Py_END_ALLOW_THREADS
    }
    PyBuffer_Release(&keys);
    PyBuffer_Release(&ids);
    PyBuffer_Release(&wanted);
    PyBuffer_Release(&out);
    PyBuffer_Release(&firsts);
    if (bad) {
        PyErr_SetString(PyExc_ValueError, bad);
        return NULL;
    }
    return Py_BuildValue("(LLL)", (long long)i, (long long)nf, (long long)used);
}

static PyMethodDef methods[] = {
    {"gather", gather, METH_VARARGS,
     "gather(out, data, offsets, segs) -> bytes written: the segments segs of a store (data, int32 offsets) "
     "one after another in out."},
    {"find", find, METH_VARARGS,
     "find(out, keys, ids, wanted): the id of each wanted key in KeyIds' table (keys, ids), or -1, into out."},
    {"find_add", find_add, METH_VARARGS,
     "find_add(keys, ids, wanted, out, firsts, start, nfirst, count, next_id) -> (stop, nfirst, count): "
     "find wanted[start:] in KeyIds' table, adding those not found."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_gather", NULL, -1, methods};

PyMODINIT_FUNC PyInit__gather(void) { return PyModule_Create(&module); }
