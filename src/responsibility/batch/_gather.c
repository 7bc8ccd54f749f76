/* Kernels of the batch path. The emitter's (responsibility.batch._emit): the reasons' bytes gathered
   in one pass (_emit.reasons), and segment ids found by key (_emit.KeyIds.find).

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
   full; it returns (where it stopped, nfirst, count) for KeyIds.find_add to grow the table and go on. A key
   equal to the one before it takes its id without a walk.

   row_offsets(out, offsets, segs, per, start) writes where each row of `per` segments (segs, int64, per
   to a row) starts and ends when they are put one after another from byte `start`: out (int32, one
   more than the rows) gets start, then each row's end; it returns the end of the last. Every segment
   id is checked against the store (ValueError) and the ends against int32 (OverflowError): what
   gather then copies is known to fit (_emit.reasons: the size of a chunk's reasons, in one pass where
   numpy makes six; _emit.Emitter._segments: the bytes of the segments made from pieces).

   row_columns(frow, frec, tbody, tbasis, tliab, tclause, rplace, rarea, numbers, ancestor, ncols, brank, nl,
   body, basis, liability, clause, place, area, record, counts) makes the few-valued columns of finding rows
   in one pass (_emit.row_columns; its numpy reference is _emit.row_columns_numpy): row i, of template row
   frow[i] (int64) and record frec[i] (int32), gets the template row's body, basis and liability (tbody, tbasis,
   tliab: int64, into int32) and clause (tclause: int64), the record's area (rarea: int32) and number
   (numbers: int64), and its place: ancestor[rplace[frec[i]], brank[body]] (ancestor: int32, ncols to a row;
   rplace int32, brank int64); counts (int64, one per basis x nl liabilities, zeroed first) counts each row's
   basis * nl + liability. Every index wraps as numpy's does when it is just below 0 (-size <= i < 0) and
   raises ValueError when it is outside its table otherwise.

   group_rows(order, counts, rec, row, pattern, k, frow, frec, which, all) groups finding rows by the slot
   pattern of their segment k (_emit.group_rows; its numpy reference is _emit.group_rows_numpy): the rows
   are positions into frow (int64) and frec (int32): which[i] (int64), or every position where `all` is set;
   row p's pattern is pattern[2 * frow[p] + k] (pattern: int64, two to a template row). order gets the rows
   in order of their pattern, in their own order within one (a counting sort), counts (int64, one per
   pattern, zeroed first) each pattern's rows, rec and row each ordered row's frec and frow. A row or
   pattern outside its table raises ValueError.

   segment_keys(out, sig, k, rows, radix, nvalues, v0, v1) writes the key of each row's segment k
   (_emit.segment_keys; numpy reference _emit.segment_keys_numpy): the signature sig[2 * rows[i] + k] (int64,
   two to a template row), then each of the nvalues (0 to 2) slot values v0[i], v1[i] (int64) as a digit in
   radix `radix`. A row outside sig, or a value outside [0, radix), raises ValueError.

   day_ids(out, days, table, low, none) looks each day (int32) up in _emit.DayIds' table of text ids by day
   (int64, day `low` first, -1 where a day has no text yet): out (int64) gets 0 for `none`, the day's id
   where the table has one, else -1; it returns how many got -1 (DayIds then makes them in numpy).

   slot_days(days, rec, row, fact_level, table, nr, levels, lowest, own, none) writes the day a reason's date slot
   names for each finding row (record rec, int32; template row row, int64), as _emit.Emitter.slot makes it in numpy
   (its reference): the day of table (int32, records x nr levels) at the row's fact level (fact_level[row], int64;
   `none` where it is below 0). With levels (uint8, a record's levels in table as bits, _emit.level_bits; empty for
   "received") the level is the fact's own where its record has it in table, else the record's lowest one
   (lowest[bits], int64, 256 of them, -1 for none), and own (int32, one a row; may be empty), where not `none`, stands
   for the table's day. It returns 0, or -1 at the first index outside its table (then numpy answers).

   Kernels of the bulk decision (responsibility.batch._core), each one pass where numpy makes several,
   each writing a fresh array; the numpy code they replace stays as the reference (_core.py) and
   tests/test_batch_core.py compares them on generated chunks:

   in_time_below(in_time, received, hp, hon, top, nr, limit) marks in_time[hp[i], low] (bool, records x
   levels, as received: int32, NONE = INT32_MIN where a level did not receive the problem) for every
   step i and level low < top[i] that received it at most `limit` days before the step's day hon[i]
   (_core.derive: a higher level's step shows the problem reached it in time).

   template_codes(out, fr, area, kind, sev, prank, ft, fl, fb, fe, radix, frank, fbody, outside, found) writes
   each fact's template key (_core.Templates.codes of _core.Templates.canonical): the record's area,
   kind, severity and place rank (looked up by fr) and the fact's type, level, body + 1 and flag, in
   the mixed radix `radix` (int64, 7 digits); a discovery's level, body and flag count only where the
   rules of its (area, kind) read them (frank, fbody, outside: bool, areas x radix[0] kinds), for facts of type
   `found` (a discovery).

   spread(which, row, tids, counts, starts) writes, for fact i with counts[i] rows from starts[tids[i]],
   i and starts[tids[i]] + j for each j < counts[i] (_core.expand: each fact's template rows).

   Optional: built at install where a C compiler is found; without it the same bytes are gathered
   by Arrow's take and the keys found by numpy (_emit.py), and the decision's kernels run as numpy
   (_core.py); tests/test_batch_emit.py and tests/test_batch_core.py compare them. */

#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>
#include <stdlib.h>
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

/* row_offsets: see the comment at the top. */
static PyObject *row_offsets(PyObject *self, PyObject *args) {
    Py_buffer out, offsets, segs;
    Py_ssize_t per;
    long long start;
    if (!PyArg_ParseTuple(args, "w*y*y*nL", &out, &offsets, &segs, &per, &start))
        return NULL;
    PyObject *result = NULL, *kind = PyExc_ValueError;
    const char *bad = NULL;
    if (offsets.len % 4 || offsets.len < 4 || segs.len % 8 || out.len % 4)
        bad = "out and offsets must be int32 and segs int64";
    else if (per <= 0 || (segs.len / 8) % per || out.len / 4 != (segs.len / 8) / per + 1)
        bad = "segs must hold per ids for each row, and out one more than the rows";
    else if (start < 0 || start > INT32_MAX)
        bad = "start outside int32";
    int64_t pos = start;
    if (!bad) {
        int32_t *dst = (int32_t *)out.buf;
        const int32_t *off = (const int32_t *)offsets.buf;
        const int64_t *seg = (const int64_t *)segs.buf;
        const int64_t nseg = offsets.len / 4 - 1, rows = (segs.len / 8) / per;
        Py_BEGIN_ALLOW_THREADS
        dst[0] = (int32_t)pos;
        for (int64_t i = 0; i < rows && !bad; i++) {
            for (int64_t j = 0; j < per; j++) {
                const int64_t s = seg[i * per + j];
                if (s < 0 || s >= nseg) { bad = "a segment id outside the store"; break; }
                pos += (int64_t)off[s + 1] - off[s];
            }
            if (!bad && pos > INT32_MAX) { bad = "the rows' bytes exceed 2 GiB"; kind = PyExc_OverflowError; }
            if (!bad)
                dst[i + 1] = (int32_t)pos;
        }
        Py_END_ALLOW_THREADS
    }
    if (!bad)
        result = PyLong_FromLongLong(pos);
    else
        PyErr_SetString(kind, bad);
    PyBuffer_Release(&out);
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
            if (i + AHEAD < n)  /* (the table is larger than the caches: each key's slot is a random read) */
                __builtin_prefetch(k + home(w[i + AHEAD], bits));
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
            if (i > 0 && key == w[i - 1]) {  /* (a third of emit's keys repeat the one before: no walk) */
                dst[i] = dst[i - 1];
                continue;
            }
            if (i + AHEAD < n) {  /* (as find: read the slots a few keys ahead, and their ids) */
                const uint64_t ahead = home(w[i + AHEAD], bits);
                __builtin_prefetch(k + ahead);
                __builtin_prefetch(v + ahead);
            }
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

/* An index into a table of `size` as numpy reads it (-size <= i < 0 wraps), or -1 when outside. */
static inline int64_t wrapped(int64_t i, int64_t size) {
    if (i < 0)
        i += size;
    return i >= 0 && i < size ? i : -1;
}

/* row_columns: see the comment at the top. */
static PyObject *row_columns(PyObject *self, PyObject *args) {
    Py_buffer frow, frec, tbody, tbasis, tliab, tclause, rplace, rarea, numbers, ancestor, brank;
    Py_buffer body, basis, liability, clause, place, area, record, counts;
    Py_ssize_t ncols, nl;
    if (!PyArg_ParseTuple(args, "y*y*y*y*y*y*y*y*y*y*ny*nw*w*w*w*w*w*w*w*", &frow, &frec, &tbody, &tbasis, &tliab,
                          &tclause, &rplace, &rarea, &numbers, &ancestor, &ncols, &brank, &nl, &body, &basis,
                          &liability, &clause, &place, &area, &record, &counts))
        return NULL;
    const char *bad = NULL;
    const int64_t n = frow.len / 8, ntpl = tbody.len / 8, nrec = rplace.len / 4;
    if (frow.len % 8 || frec.len != 4 * n)
        bad = "frow must be int64 and frec int32, of one length";
    else if (tbody.len % 8 || tbasis.len != tbody.len || tliab.len != tbody.len || tclause.len != tbody.len)
        bad = "tbody, tbasis, tliab and tclause must be int64, of one length";
    else if (rplace.len % 4 || rarea.len != rplace.len || numbers.len != 2 * rplace.len)
        bad = "rplace and rarea must be int32 and numbers int64, of one length";
    else if (ncols <= 0 || ancestor.len % (4 * ncols) || brank.len % 8)
        bad = "ancestor must be int32 with ncols to a row and brank int64";
    else if (nl <= 0 || counts.len % (8 * nl))
        bad = "counts must be int64, nl to a basis";
    else if (body.len != 4 * n || basis.len != 4 * n || liability.len != 4 * n || place.len != 4 * n ||
             area.len != 4 * n || clause.len != 8 * n || record.len != 8 * n)
        bad = "body, basis, liability, place and area must be int32 and clause and record int64, one per row";
    if (!bad) {
        const int64_t *fr = (const int64_t *)frow.buf, *tb = (const int64_t *)tbody.buf;
        const int64_t *tbs = (const int64_t *)tbasis.buf, *tl = (const int64_t *)tliab.buf;
        const int64_t *tc = (const int64_t *)tclause.buf, *num = (const int64_t *)numbers.buf;
        const int64_t *br = (const int64_t *)brank.buf;
        const int32_t *rc = (const int32_t *)frec.buf, *rp = (const int32_t *)rplace.buf;
        const int32_t *ra = (const int32_t *)rarea.buf, *anc = (const int32_t *)ancestor.buf;
        int32_t *ob = (int32_t *)body.buf, *obs = (int32_t *)basis.buf, *ol = (int32_t *)liability.buf;
        int32_t *op = (int32_t *)place.buf, *oa = (int32_t *)area.buf;
        int64_t *oc = (int64_t *)clause.buf, *orec = (int64_t *)record.buf, *cnt = (int64_t *)counts.buf;
        const int64_t nplace = ancestor.len / 4 / ncols, nbody = brank.len / 8, ncount = counts.len / 8;
        Py_BEGIN_ALLOW_THREADS
        memset(cnt, 0, (size_t)counts.len);
        for (int64_t i = 0; i < n; i++) {
            if (i + 16 < n) {  /* the place's row of ancestors a few rows on (26,000 places: out of the cache) */
                const int64_t ahead = wrapped(rc[i + 16], nrec);
                if (ahead >= 0) {
                    const int64_t pa = wrapped(rp[ahead], nplace);
                    if (pa >= 0)
                        __builtin_prefetch(anc + pa * ncols);
                }
            }
            const int64_t t = wrapped(fr[i], ntpl), r = wrapped(rc[i], nrec);
            if (t < 0) { bad = "a template row outside the templates"; break; }
            if (r < 0) { bad = "a record outside the chunk"; break; }
            const int64_t b = tb[t], bs = tbs[t], l = tl[t];
            const int64_t bw = wrapped(b, nbody);
            if (bw < 0) { bad = "a body outside the bodies"; break; }
            const int64_t pr = wrapped(rp[r], nplace), pc = wrapped(br[bw], ncols);
            if (pr < 0 || pc < 0) { bad = "a place or rank outside the ancestors"; break; }
            const int64_t key = bs * nl + l;
            if (bs < 0 || l < 0 || l >= nl || key >= ncount) { bad = "a basis or liability outside the counts"; break; }
            ob[i] = (int32_t)b;
            obs[i] = (int32_t)bs;
            ol[i] = (int32_t)l;
            oc[i] = tc[t];
            oa[i] = ra[r];
            orec[i] = num[r];
            op[i] = anc[pr * ncols + pc];
            cnt[key]++;
        }
        Py_END_ALLOW_THREADS
    }
    Py_buffer *all[] = {&frow, &frec, &tbody, &tbasis, &tliab, &tclause, &rplace, &rarea, &numbers, &ancestor, &brank,
                        &body, &basis, &liability, &clause, &place, &area, &record, &counts};
    for (size_t j = 0; j < sizeof all / sizeof all[0]; j++)
        PyBuffer_Release(all[j]);
    if (bad) {
        PyErr_SetString(PyExc_ValueError, bad);
        return NULL;
    }
    Py_RETURN_NONE;
}

/* group_rows: see the comment at the top. */
static PyObject *group_rows(PyObject *self, PyObject *args) {
    Py_buffer order, counts, rec, row, pattern, frow, frec, which;
    Py_ssize_t k;
    int all;
    if (!PyArg_ParseTuple(args, "w*w*w*w*y*ny*y*y*p", &order, &counts, &rec, &row, &pattern, &k, &frow, &frec,
                          &which, &all))
        return NULL;
    const char *bad = NULL;
    const int64_t nrow = frow.len / 8, n = all ? nrow : which.len / 8, npat = counts.len / 8;
    const int64_t ntpl = pattern.len / 16;
    if (frow.len % 8 || frec.len != 4 * nrow || which.len % 8 || counts.len % 8 || pattern.len % 16)
        bad = "frow, which, counts and pattern must be int64 (pattern two to a template row), frec int32 as frow";
    else if (k < 0 || k > 1)
        bad = "k must be 0 or 1";
    else if (order.len != 8 * n || row.len != 8 * n || rec.len != 4 * n)
        bad = "order and row must be int64 and rec int32, one per row grouped";
    if (!bad) {
        int64_t *ord = (int64_t *)order.buf, *cnt = (int64_t *)counts.buf, *orow = (int64_t *)row.buf;
        int32_t *orec = (int32_t *)rec.buf;
        const int64_t *pat = (const int64_t *)pattern.buf, *fr = (const int64_t *)frow.buf;
        const int64_t *wh = (const int64_t *)which.buf;
        const int32_t *rc = (const int32_t *)frec.buf;
        Py_BEGIN_ALLOW_THREADS
        /* Rows come in runs of one pattern (all of them, often): a run's count and place are kept in a register
           and written when the run ends, not read back and written for every row (each row waited on the one
           before it: ~6 cycles a row). */
        int64_t *next = (int64_t *)calloc((size_t)(npat > 0 ? npat : 1), 8);
        if (!next)
            bad = "out of memory";
        int64_t run = -1, ran = 0;
        for (int64_t i = 0; !bad && i < n; i++) {
            const int64_t at = all ? i : wh[i];
            if (at < 0 || at >= nrow) { bad = "a row outside frow"; break; }
            const int64_t t = fr[at];
            if (t < 0 || t >= ntpl) { bad = "a template row outside the patterns"; break; }
            const int64_t p = pat[2 * t + k];
            if (p < 0 || p >= npat) { bad = "a pattern outside the counts"; break; }
            if (p != run) {
                if (run >= 0)
                    next[run] += ran;
                run = p;
                ran = 0;
            }
            ran++;
        }
        if (!bad) {
            if (run >= 0)
                next[run] += ran;
            int64_t start = 0;
            for (int64_t p = 0; p < npat; p++) {
                cnt[p] = next[p];
                next[p] = start;
                start += cnt[p];
            }
            run = -1;
            int64_t to = 0;
            for (int64_t i = 0; i < n; i++) {
                const int64_t at = all ? i : wh[i], t = fr[at], p = pat[2 * t + k];
                if (p != run) {
                    if (run >= 0)
                        next[run] = to;
                    run = p;
                    to = next[p];
                }
                ord[to] = at;
                orow[to] = t;
                orec[to] = rc[at];
                to++;
            }
        }
        free(next);
        Py_END_ALLOW_THREADS
    }
    Py_buffer *bufs[] = {&order, &counts, &rec, &row, &pattern, &frow, &frec, &which};
    for (size_t j = 0; j < sizeof bufs / sizeof bufs[0]; j++)
        PyBuffer_Release(bufs[j]);
    if (bad) {
        PyErr_SetString(PyExc_ValueError, bad);
        return NULL;
    }
    Py_RETURN_NONE;
}

/* segment_keys: see the comment at the top. */
static PyObject *segment_keys(PyObject *self, PyObject *args) {
    Py_buffer out, sig, rows, v0, v1;
    Py_ssize_t k, nvalues;
    long long radix;
    if (!PyArg_ParseTuple(args, "w*y*ny*Lny*y*", &out, &sig, &k, &rows, &radix, &nvalues, &v0, &v1))
        return NULL;
    const char *bad = NULL;
    const int64_t n = rows.len / 8, ntpl = sig.len / 16;
    if (rows.len % 8 || out.len != rows.len || sig.len % 16)
        bad = "out and rows must be int64, of one length, and sig int64, two to a template row";
    else if (k < 0 || k > 1 || nvalues < 0 || nvalues > 2 || radix <= 0)
        bad = "k must be 0 or 1, nvalues 0 to 2 and radix positive";
    else if ((nvalues > 0 && v0.len != rows.len) || (nvalues > 1 && v1.len != rows.len))
        bad = "each value must be int64, one per row";
    if (!bad) {
        int64_t *dst = (int64_t *)out.buf;
        const int64_t *sg = (const int64_t *)sig.buf, *r = (const int64_t *)rows.buf;
        const int64_t *a = (const int64_t *)v0.buf, *b = (const int64_t *)v1.buf;
        Py_BEGIN_ALLOW_THREADS
        for (int64_t i = 0; i < n; i++) {
            const int64_t t = r[i];
            if (t < 0 || t >= ntpl) { bad = "a template row outside the signatures"; break; }
            int64_t key = sg[2 * t + k];
            if (nvalues > 0) {
                if (a[i] < 0 || a[i] >= radix) { bad = "a slot value outside the radix"; break; }
                key = key * radix + a[i];
            }
            if (nvalues > 1) {
                if (b[i] < 0 || b[i] >= radix) { bad = "a slot value outside the radix"; break; }
                key = key * radix + b[i];
            }
            dst[i] = key;
        }
        Py_END_ALLOW_THREADS
    }
    PyBuffer_Release(&out);
    PyBuffer_Release(&sig);
    PyBuffer_Release(&rows);
    PyBuffer_Release(&v0);
    PyBuffer_Release(&v1);
    if (bad) {
        PyErr_SetString(PyExc_ValueError, bad);
        return NULL;
    }
    Py_RETURN_NONE;
}

/* day_ids: see the comment at the top. */
static PyObject *day_ids(PyObject *self, PyObject *args) {
    Py_buffer out, days, table;
    long long low, none;
    if (!PyArg_ParseTuple(args, "w*y*y*LL", &out, &days, &table, &low, &none))
        return NULL;
    const char *bad = NULL;
    const int64_t n = days.len / 4, size = table.len / 8;
    int64_t missed = 0;
    if (days.len % 4 || out.len != 8 * n || table.len % 8)
        bad = "days must be int32, out int64 of their length and table int64";
    if (!bad) {
        int64_t *dst = (int64_t *)out.buf;
        const int32_t *d = (const int32_t *)days.buf;
        const int64_t *tab = (const int64_t *)table.buf;
        Py_BEGIN_ALLOW_THREADS
        for (int64_t i = 0; i < n; i++) {
            const int64_t day = d[i], at = day - low;
            int64_t got = -1;
            if (day == none)
                got = 0;
            else if (at >= 0 && at < size)
                got = tab[at];
            if (got < 0)
                missed++;
            dst[i] = got < 0 ? -1 : got;
        }
        Py_END_ALLOW_THREADS
    }
    PyBuffer_Release(&out);
    PyBuffer_Release(&days);
    PyBuffer_Release(&table);
    if (bad) {
        PyErr_SetString(PyExc_ValueError, bad);
        return NULL;
    }
    return PyLong_FromLongLong(missed);
}

/* in_time_below: see the comment at the top. */
static PyObject *in_time_below(PyObject *self, PyObject *args) {
    Py_buffer it, rec, hp, hon, top;
    Py_ssize_t nr;
    long long limit;
    if (!PyArg_ParseTuple(args, "w*y*y*y*y*nL", &it, &rec, &hp, &hon, &top, &nr, &limit))
        return NULL;
    const char *bad = NULL;
    if (nr <= 0 || rec.len % 4 || (rec.len / 4) % nr || it.len != rec.len / 4)
        bad = "received must be int32 (records x levels) and in_time bool of its shape";
    else if (hp.len % 4 || hon.len != hp.len || top.len != hp.len)
        bad = "hp, hon and top must be int32 and of one length";
    if (!bad) {
        uint8_t *dst = (uint8_t *)it.buf;
        const int32_t *got = (const int32_t *)rec.buf, *r = (const int32_t *)hp.buf;
        const int32_t *on = (const int32_t *)hon.buf, *upto = (const int32_t *)top.buf;
        const int64_t n = rec.len / 4 / nr, steps = hp.len / 4;
        Py_BEGIN_ALLOW_THREADS
        for (int64_t i = 0; i < steps; i++) {
            const int64_t at = r[i];
            if (at < 0 || at >= n) { bad = "a step's record outside the chunk"; break; }
            const int64_t day = on[i], last = upto[i] < nr ? upto[i] : nr;
            const int32_t *row = got + at * nr;
            for (int64_t low = 0; low < last; low++) {
                const int64_t g = row[low];
                if (g != INT32_MIN && day >= g && day <= g + limit)
                    dst[at * nr + low] = 1;
            }
        }
        Py_END_ALLOW_THREADS
    }
    PyBuffer_Release(&it);
    PyBuffer_Release(&rec);
    PyBuffer_Release(&hp);
    PyBuffer_Release(&hon);
    PyBuffer_Release(&top);
    if (bad) {
        PyErr_SetString(PyExc_ValueError, bad);
        return NULL;
    }
    Py_RETURN_NONE;
}

/* template_codes: see the comment at the top. */
static PyObject *template_codes(PyObject *self, PyObject *args) {
    Py_buffer out, fr, area, kind, sev, prank, ft, fl, fb, fe, radix, frank, fbody, outside;
    long long found;
    if (!PyArg_ParseTuple(args, "w*y*y*y*y*y*y*y*y*y*y*y*y*y*L", &out, &fr, &area, &kind, &sev, &prank, &ft, &fl,
                          &fb, &fe, &radix, &frank, &fbody, &outside, &found))
        return NULL;
    const char *bad = NULL;
    const int64_t m = fr.len / 4, n = area.len / 4;
    if (fr.len % 4 || out.len != 8 * m || ft.len != fr.len || fl.len != fr.len || fb.len != fr.len || fe.len != fr.len)
        bad = "out must be int64 and fr, ft, fl, fb, fe int32, all of one length";
    else if (area.len % 4 || kind.len != area.len || sev.len != area.len || prank.len != area.len)
        bad = "area, kind, sev and prank must be int32 and of one length";
    else if (radix.len != 7 * 8)
        bad = "radix must be 7 int64";
    const int64_t *rx = (const int64_t *)radix.buf;
    if (!bad && (rx[0] <= 0 || frank.len % rx[0] || fbody.len != frank.len || outside.len != frank.len))
        bad = "frank, fbody and outside must be bool (areas x kinds)";
    if (!bad) {
        int64_t *dst = (int64_t *)out.buf;
        const int32_t *r = (const int32_t *)fr.buf, *a = (const int32_t *)area.buf, *k = (const int32_t *)kind.buf;
        const int32_t *s = (const int32_t *)sev.buf, *p = (const int32_t *)prank.buf, *t = (const int32_t *)ft.buf;
        const int32_t *l = (const int32_t *)fl.buf, *b = (const int32_t *)fb.buf, *e = (const int32_t *)fe.buf;
        const uint8_t *rf = (const uint8_t *)frank.buf, *rb = (const uint8_t *)fbody.buf;
        const uint8_t *ro = (const uint8_t *)outside.buf;
        const int64_t kinds = rx[0], areas = frank.len / rx[0];
        Py_BEGIN_ALLOW_THREADS
        for (int64_t i = 0; i < m; i++) {
            const int64_t at = r[i];
            if (at < 0 || at >= n) { bad = "a fact's record outside the chunk"; break; }
            const int64_t ar = a[at], kd = k[at];
            if (ar < 0 || ar >= areas || kd < 0 || kd >= kinds) { bad = "an area or kind outside the tables"; break; }
            int64_t lv = l[i], bd = b[i], fg = e[i];
            if (t[i] == found) {
                const int64_t c = ar * kinds + kd;
                if (!rf[c]) lv = 0;
                if (!rb[c]) bd = -1;
                if (!ro[c]) fg = 0;
            }
            const int64_t digit[7] = {kd, s[at], p[at], t[i], lv, bd + 1, fg};
            int64_t code = ar;
            for (int d = 0; d < 7; d++)
                code = code * rx[d] + digit[d];
            dst[i] = code;
        }
        Py_END_ALLOW_THREADS
    }
    Py_buffer *all[] = {&out, &fr, &area, &kind, &sev, &prank, &ft, &fl, &fb, &fe, &radix, &frank, &fbody, &outside};
    for (size_t j = 0; j < sizeof all / sizeof all[0]; j++)
        PyBuffer_Release(all[j]);
    if (bad) {
        PyErr_SetString(PyExc_ValueError, bad);
        return NULL;
    }
    Py_RETURN_NONE;
}

/* spread: see the comment at the top. */
static PyObject *spread(PyObject *self, PyObject *args) {
    Py_buffer which, row, tids, counts, starts;
    if (!PyArg_ParseTuple(args, "w*w*y*y*y*", &which, &row, &tids, &counts, &starts))
        return NULL;
    const char *bad = NULL;
    if (tids.len % 8 || counts.len != tids.len || starts.len % 8 || which.len % 8 || row.len != which.len)
        bad = "which, row, tids, counts and starts must be int64 (counts as long as tids, row as which)";
    if (!bad) {
        int64_t *w = (int64_t *)which.buf, *o = (int64_t *)row.buf;
        const int64_t *id = (const int64_t *)tids.buf, *cnt = (const int64_t *)counts.buf;
        const int64_t *st = (const int64_t *)starts.buf;
        const int64_t m = tids.len / 8, ntpl = starts.len / 8, cap = which.len / 8;
        int64_t pos = 0;
        Py_BEGIN_ALLOW_THREADS
        for (int64_t i = 0; i < m; i++) {
            const int64_t tid = id[i], c = cnt[i];
            if (tid < 0 || tid >= ntpl) { bad = "a template id outside the templates"; break; }
            if (c < 0 || pos + c > cap) { bad = "which and row are too short for the counts"; break; }
            const int64_t s = st[tid];
            for (int64_t j = 0; j < c; j++) {
                w[pos] = i;
                o[pos++] = s + j;
            }
        }
        if (!bad && pos != cap)
            bad = "which and row are longer than the counts";
        Py_END_ALLOW_THREADS
    }
    PyBuffer_Release(&which);
    PyBuffer_Release(&row);
    PyBuffer_Release(&tids);
    PyBuffer_Release(&counts);
    PyBuffer_Release(&starts);
    if (bad) {
        PyErr_SetString(PyExc_ValueError, bad);
        return NULL;
    }
    Py_RETURN_NONE;
}

/* slot_days: see the comment at the top. */
static PyObject *slot_days(PyObject *self, PyObject *args) {
    Py_buffer days, rec, row, level, table, levels, lowest, own;
    Py_ssize_t nr;
    long long none;
    if (!PyArg_ParseTuple(args, "w*y*y*y*y*ny*y*y*L", &days, &rec, &row, &level, &table, &nr, &levels, &lowest, &own,
                          &none))
        return NULL;
    const char *bad = NULL;
    int status = 0;
    const int64_t n = rec.len / 4, ntpl = level.len / 8, nrec = nr > 0 ? table.len / 4 / nr : 0;
    const int ranked = levels.len > 0, owned = own.len > 0;
    if (rec.len % 4 || row.len != 2 * rec.len || days.len != rec.len || level.len % 8)
        bad = "rec and days must be int32, row int64, of one length; fact_level int64";
    else if (nr <= 0 || nr > 8 || table.len % (4 * nr))
        bad = "table must be int32, records x nr levels (1 to 8)";
    else if (ranked && (levels.len != nrec || lowest.len != 256 * 8))
        bad = "levels must be uint8, one a record of table, and lowest int64, 256 of them";
    else if (owned && own.len != rec.len)
        bad = "own must be int32, one a row";
    if (!bad) {
        int32_t *out = (int32_t *)days.buf;
        const int32_t *r = (const int32_t *)rec.buf, *tab = (const int32_t *)table.buf, *mine = (const int32_t *)own.buf;
        const int64_t *w = (const int64_t *)row.buf, *lv = (const int64_t *)level.buf, *low = (const int64_t *)lowest.buf;
        const uint8_t *bits = (const uint8_t *)levels.buf;
        const int32_t nothing = (int32_t)none;
        Py_BEGIN_ALLOW_THREADS
        for (int64_t i = 0; i < n; i++) {
            const int64_t at = r[i], t = w[i];
            if (at < 0 || at >= nrec || t < 0 || t >= ntpl) { status = -1; break; }
            int64_t l = lv[t];
            if (l >= nr) { status = -1; break; }
            if (l >= 0 && ranked) {
                const uint8_t b = bits[at];
                l = (b >> l) & 1 ? l : low[b];
                if (l >= nr) { status = -1; break; }
            }
            int32_t day = nothing;
            if (l >= 0) {
                day = tab[at * nr + l];
                if (owned && mine[i] != nothing)
                    day = mine[i];
            }
            out[i] = day;
        }
        Py_END_ALLOW_THREADS
    }
    Py_buffer *all[] = {&days, &rec, &row, &level, &table, &levels, &lowest, &own};
    for (size_t j = 0; j < sizeof all / sizeof all[0]; j++)
        PyBuffer_Release(all[j]);
    if (bad) {
        PyErr_SetString(PyExc_ValueError, bad);
        return NULL;
    }
    return PyLong_FromLong(status);
}

static PyMethodDef methods[] = {
    {"gather", gather, METH_VARARGS,
     "gather(out, data, offsets, segs) -> bytes written: the segments segs of a store (data, int32 offsets) "
     "one after another in out."},
    {"row_offsets", row_offsets, METH_VARARGS,
     "row_offsets(out, offsets, segs, per, start) -> end: where each row of per segments starts and ends (int32), "
     "from start."},
    {"find", find, METH_VARARGS,
     "find(out, keys, ids, wanted): the id of each wanted key in KeyIds' table (keys, ids), or -1, into out."},
    {"find_add", find_add, METH_VARARGS,
     "find_add(keys, ids, wanted, out, firsts, start, nfirst, count, next_id) -> (stop, nfirst, count): "
     "find wanted[start:] in KeyIds' table, adding those not found."},
    {"row_columns", row_columns, METH_VARARGS,
     "row_columns(frow, frec, tbody, tbasis, tliab, tclause, rplace, rarea, numbers, ancestor, ncols, brank, nl, "
     "body, basis, liability, clause, place, area, record, counts): the few-valued columns of finding rows."},
    {"group_rows", group_rows, METH_VARARGS,
     "group_rows(order, counts, rec, row, pattern, k, frow, frec, which, all): finding rows grouped by the slot "
     "pattern of their segment k (a counting sort)."},
    {"segment_keys", segment_keys, METH_VARARGS,
     "segment_keys(out, sig, k, rows, radix, nvalues, v0, v1): the key of each row's segment k."},
    {"day_ids", day_ids, METH_VARARGS,
     "day_ids(out, days, table, low, none) -> missed: the text id of each day in DayIds' table, -1 where none yet."},
    {"slot_days", slot_days, METH_VARARGS,
     "slot_days(days, rec, row, fact_level, table, nr, levels, lowest, own, none) -> status: the day a reason's "
     "date slot names for each finding row."},
    {"in_time_below", in_time_below, METH_VARARGS,
     "in_time_below(in_time, received, hp, hon, top, nr, limit): mark each level below top[i] that received the "
     "problem of step i's record within limit days of the step."},
    {"template_codes", template_codes, METH_VARARGS,
     "template_codes(out, fr, area, kind, sev, prank, ft, fl, fb, fe, radix, frank, fbody, outside, found): "
     "each fact's template key."},
    {"spread", spread, METH_VARARGS,
     "spread(which, row, tids, counts, starts): each fact's index and template row, counts[i] of each."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_gather", NULL, -1, methods};

PyMODINIT_FUNC PyInit__gather(void) { return PyModule_Create(&module); }
