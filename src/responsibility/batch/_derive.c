/* Kernels of the bulk decision (responsibility.batch._core: derive), where numpy's general passes miss
   what derive's data holds (queries nearly in order); the numpy code they replace stays as the
   reference (_core.py: locate_numpy) and tests/test_batch_core.py compares them.

   locate(out, keys, queries) writes to out[i] where queries[i] goes in the sorted keys, as
   np.searchsorted(keys, queries, "left") does (every argument int64). It starts each search where the
   one before ended and gallops from there: derive's queries come by record, mostly in order, so a
   search costs a few steps where a binary search over all the keys costs ~17 random reads.

   It runs without the GIL. Optional: built at install where a C compiler is found; without it numpy
   does the same (_core.py). */

#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* the first position in keys[lo:hi] whose key is not below q (hi where there is none) */
static int64_t lower_bound(const int64_t *keys, int64_t lo, int64_t hi, int64_t q) {
    while (lo < hi) {
        int64_t mid = lo + (hi - lo) / 2;
        if (keys[mid] < q)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static PyObject *locate(PyObject *self, PyObject *args) {
    Py_buffer out, keys, queries;
    if (!PyArg_ParseTuple(args, "w*y*y*", &out, &keys, &queries))
        return NULL;
    const char *bad = NULL;
    if (out.len % 8 || keys.len % 8 || queries.len != out.len)
        bad = "out, keys and queries must be int64 (out as long as queries)";
    if (!bad) {
        int64_t *o = (int64_t *)out.buf;
        const int64_t *k = (const int64_t *)keys.buf, *q = (const int64_t *)queries.buf;
        const int64_t m = keys.len / 8, n = queries.len / 8;
        int64_t p = 0;
        Py_BEGIN_ALLOW_THREADS
        for (int64_t i = 0; i < n; i++) {
            const int64_t v = q[i];
            int64_t lo, hi, step = 1;
            if (p < m && k[p] < v) { /* the answer is after p: gallop right (keys[lo - 1] < v throughout) */
                lo = p + 1;
                for (;;) {
                    hi = lo + step - 1;
                    if (hi >= m) { hi = m; break; }
                    if (k[hi] >= v) break;
                    lo = hi + 1;
                    step <<= 1;
                }
            } else { /* at or before p: gallop left (hi == m or keys[hi] >= v throughout) */
                hi = p;
                for (;;) {
                    lo = hi - step;
                    if (lo < 0) { lo = 0; break; }
                    if (k[lo] < v) { lo++; break; }
                    hi = lo;
                    step <<= 1;
                }
            }
            p = lower_bound(k, lo, hi, v);
            o[i] = p;
        }
        Py_END_ALLOW_THREADS
    }
    PyBuffer_Release(&out);
    PyBuffer_Release(&keys);
    PyBuffer_Release(&queries);
    if (bad) {
        PyErr_SetString(PyExc_ValueError, bad);
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyMethodDef methods[] = {
    {"locate", locate, METH_VARARGS, "Where each query goes in the sorted keys (np.searchsorted, left)."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_derive", NULL, -1, methods};

PyMODINIT_FUNC PyInit__derive(void) { return PyModule_Create(&module); }
