/* The reasons' bytes gathered in one pass (responsibility.batch._emit.reasons).

   gather(out, data, offsets, segs) copies segment segs[0], segs[1], ... of a store (its bytes in
   `data`, segment k at data[offsets[k]:offsets[k + 1]], offsets int32) one after another into `out`
   and returns the number of bytes written. Every segment id and every byte is checked against the
   buffers' sizes (ValueError, nothing past `out` written). The copy runs without the GIL, and reads
   a few segments ahead (the store is far larger than the caches: each segment is a random read).

   Optional: built at install where a C compiler is found; without it the same bytes are gathered
   by Arrow's take (_emit.py), and tests/test_batch_emit.py compares the two. */

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

static PyMethodDef methods[] = {
    {"gather", gather, METH_VARARGS,
     "gather(out, data, offsets, segs) -> bytes written: the segments segs of a store (data, int32 offsets) "
     "one after another in out."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_gather", NULL, -1, methods};

PyMODINIT_FUNC PyInit__gather(void) { return PyModule_Create(&module); }
