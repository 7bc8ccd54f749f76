/* Kernels of the bulk decision (responsibility.batch._core: derive), each one pass where numpy makes
   several, or making use of what derive's data holds (queries nearly in order); the numpy code they
   replace stays as the reference (_core.py: locate_numpy, late_levels_numpy, unique_at_numpy) and
   tests/test_batch_core.py compares them.

   locate(out, keys, queries) writes to out[i] where queries[i] goes in the sorted keys, as
   np.searchsorted(keys, queries, "left") does (every argument int64). It starts each search where the
   one before ended and gallops from there: derive's queries come by record, mostly in order, so a
   search costs a few steps where a binary search over all the keys costs ~17 random reads.

   late_levels(flags, ur, ul, stepped, received, asof, hp, hby, hon, acted, top, nr, limit) finds the levels
   late in handling (_core.derive; its numpy reference is _core.late_levels_numpy): a level of a record
   that received the problem (received: int32, records x nr levels, INT32_MIN where it did not) is in
   time where a step of it acted in time (acted: bool, per step; hp, hby, hon: the step's record, acting
   level and day, int32) or where a step i of any level above it (low < top[i], int32) came within
   `limit` days of its receiving it; it is late where it is not in time and its limit had passed by the
   record's assessment day (asof: int64, one a record). It writes each late level's record and level to
   ur and ul (int64) and to stepped (bool) whether a step of that level came after its limit, by record
   then level, and returns how many; flags (uint32, two a record, zeroed: a bit a level, nr at most 32)
   is its scratch, and ur, ul and stepped must have room for every level (np.empty: only what is written
   is touched). A step's record or level outside the chunk raises ValueError.

   first_of(out_keys, out_at, keys, group, last) writes the distinct keys, sorted, to out_keys and where
   each first comes in keys to out_at (its last, where `last` is true), and returns how many: what
   np.unique(keys, return_index=True) gives (on keys[::-1] for the last), all int64 but group (int32).
   The keys come in groups in order (group nondecreasing: derive's keys of a record and level, by
   record), every key of a group below every key of the next (as record x levels + level is), so each
   group's few keys are sorted alone; it returns -1 (and the caller asks numpy) where they do not, or
   where a group holds more than 64 keys.

   take2(table, vals, i, j, rows, cols, size, wide_i, wide_j) reads table[i[k], j[k]] into vals[k] and
   put2(table, vals, i, j, rows, cols, size, wide_i, wide_j) writes vals[k] (or vals[0] for all, where vals
   holds one) to it, in index order (the last of equal places wins), for a C-ordered table of rows x
   cols items of `size` bytes (1, 4 or 8: bool, int32, int64) and indices int32 (or int64 where wide):
   _core.take and _core.put, one pass where numpy made five (each index's minimum and maximum, the
   flat positions, the take). They return 0, or -1 at the first index outside its axis (then numpy
   decides, as _core._flat leaves it: a negative index wraps, one past the end raises; put2 then has
   written nothing).

   take1(values, out, idx, size, wide) reads values[idx[k]] into out[k] for a contiguous array of n items of `size`
   bytes (1, 2, 4 or 8; n = its length) and indices int32 (or int64 where wide): np.take's 1-d case (_tables.pick) in one
   pass, where numpy casts int32 indices to int64 (a copy of them) and then checks and copies each item. It returns
   0, or -1 at the first index outside [0, n) (then numpy decides: a negative index wraps, one past the end raises).

   merge_rows(rec, row, fact, rank, fon, fdl, rec_o, row_o, on_o, dl_o, dup_rec, dup_row, dup_head) puts expand's
   finding rows (_core.expand; its numpy reference is _core.merge_rows_numpy) in output order: by record (rec, int32,
   below nrec, the number of records), then by their template row's rank (rank[row]; rank int64, one a template
   row), equal ones in the order they come (a stable sort: a counting sort by record, then
   each record's few rows by insertion), and keeps the first of each run of one record and rank. It writes each
   kept row's record, template row, and its fact's day and deadline (fon[fact] and fdl[fact], int32, where fact >= 0;
   INT32_MIN for -1: fact is int64) to rec_o, row_o, on_o and dl_o, and for each row left out its record, its
   template row and its run's first one's to dup_rec (int32), dup_row and dup_head (int64); all of them with room
   for every row. It returns (kept, left out); (-1, -1) where a record, row or fact is outside its table (then
   numpy answers). Two more arguments (rec2, int32, and row2, int64) are a second segment of rows with no fact,
   read after the first (as if concatenated to it, fact -1): expand's main-responsibility rows, without the copies
   of every row a concatenation made.

   unhidden(r1, w1, f1, basis, body, body_rank, knew, raising, missed, concealed, nr, at_level, r_o, w_o, f_o) keeps
   the rows of expand (_core.expand; its numpy reference is _core.unhidden_numpy) but those of a body that did not
   miss what it knew or hid (Decider.without_knowers_missing): a row (record r1, int32; template row w1 and fact f1,
   int64) whose template row's basis (basis[w1], int64, one a template row) is `missed` is left out where its body's
   level (body_rank[body[w1]], body and body_rank int64) knew it (knew: bool, records x nr levels) or where a row of
   the record whose basis is `concealed` names the same body. It writes the kept rows to r_o, w_o and f_o (room for
   every row), marks at_level[r1, level] (bool, records x nr) for each kept row whose template row raises main
   responsibility (raising: bool, one a template row), and returns how many it kept; -1 where a record, row, body or
   level is outside its table (then numpy answers; at_level is then untouched).

   step_flags(flags, top, hp, hact, hby, hto, htb, part_row, rect_row, kind, auth, nominal, pr, part, rectify,
   place_assignee, reported) reads what derive asks of each step once (_core.derive; its numpy reference is
   _core.step_flags_numpy): for a step of record hp (acting level hby, handed to level hto and body htb, action hact;
   int32, as its record's part_row and rect_row, int64, and kind, auth, nominal and pr, int32: the record's rows of
   the part and rectify_level tables (bool, flat), its kind, authority, kind's own authority and place level) it
   writes to flags (bool, STEP_FLAGS rows of a step each, in _core.STEP_FLAGS's order) whether its body has a part
   (none named, or part[part_row + htb]), whether the problem has a kind, whether a body at hto can rectify it
   (rectify[rect_row + hto]), whether it counts upward (a report below the kind's authority, another step at or
   above the record's, with a part), whether it may be an assignment to a named body of the place's level (of a
   kind, to level pr, a named body, where place_assignee), whether it is an assignment that counts (not a report,
   with a part, not the level taking it on itself below the authority), whether it passes it down below the
   authority (not a report, below the authority, to a lower level, with a part), whether it is a report with a part,
   an assignment that counts upward in a problem of a kind, and a report with a part at or above the kind's own
   authority in a problem of a kind; and to top (int32) the lower of hby and the authority. It returns 0, or -1 where
   a record or a table index is outside its table (then numpy answers).
   check(slow, place, disc, dlev, dbody, don, deadline, rect, asof, dch, area, kind, hp, hact, hby, hto, htb, hon, cp,
   clvl, cbody, place_rank, body_rank, channel_conceal, conceal_level, levels, kinds, today, effective_from, reported)
   marks slow every record that breaks a relation parse_problem checks (_core.check; its numpy reference is
   _core.check_numpy), in one pass over the records, one over the steps and one over the concealers where numpy
   made some forty: the record's columns (int32, disc bool, one a record), its steps' (hp ... hon, int32) and
   concealers' (cp, clvl, cbody, int32), the tables place_rank, body_rank (int32), channel_conceal (bool) and
   conceal_level (bool, C-ordered areas x kinds x levels). It only ever sets marks (never clears one), and returns 0,
   or -1 where an index is outside its table (then numpy decides, as it would have: a negative index wraps, one past
   the end raises; the marks set so far are some of those numpy sets, as nothing of check reads slow).
   holders(received, holder_body, knew, reported_by, got, hp, hby, hto, htb, hon, rep, disc, dlev, don, dbody, limit)
   finds who held the problem (_core.derive; its numpy reference is _core.holders_numpy): for steps (record hp, acting
   level hby, handed to level hto and body htb on day hon, int32; rep: bool, a report with a part) in derive's order,
   and records (disc: bool, usable and discovered; dlev, don, dbody: int32), it fills the tables of records x levels
   (given as they come: it writes every cell) received (int32: the day the level received it, INT32_MIN where it
   did not: each level it was reported to, the first report winning, then the finder's level on the day found)
   and holder_body (int32: the body, -1 for none, likewise), knew (bool: a level below the finder that reported it
   within `limit` days of its discovery, and the level it reported to) and reported_by (bool: a level that
   reported it), and writes to got (int64, one a step) the day the step's acting level received it. Given hact
   (int32, one a step) and the code `reported`, a report counts for knew only where no assignment (hact not
   `reported`) handed its acting level the problem on an earlier day (engine/_facts.py; review30 #6). It returns
   0, or -1 where a record or level is outside its table (then numpy decides).
   kindless(slow, hp, hact, hby, hto, kind, area, place, place_rank, alone, areas, levels, reported) marks slow (the reference path)
   each record with no kind (kind 0) that has an assignment (hact not `reported`) to its place's level (hto equal to
   place_rank[place], below 0 read as 0) made by a level hby where alone[area, that level, hby] (bool, C-ordered
   areas x levels x levels: nobody from the place's level up to below hby can rectify a kindless problem of the area,
   and nobody at or above the place's level can by itself) (_core.kindless_place_steps; its numpy reference is
   _core.kindless_place_steps_numpy): one pass over the steps where numpy made some fifteen. It only sets marks, and
   returns 0, or -1 where an index is outside its table (then numpy decides).
   pass_down(out, ur, ul, auth, received, area, kind, pr, rectify, hp, hact, hby, hto, hon, nareas, nkinds, limit,
   reported) finds which late levels a step shows passed the problem down in time (_core.shown_pass_down; its numpy
   reference is _core.shown_pass_down_numpy): for each late level (record ur, level ul, int64, by record then level)
   at or above its record's authority (auth: int32, one a record) it writes to out (bool, one a late level) whether an
   assignment (hact not `reported`) of the record by a level b at or above its place's level (pr: int32, one a
   record) that can rectify it (rectify: bool, C-ordered nareas x nkinds x levels x levels, at [area, kind, pr, b]),
   that had not received it (received: int32, records x levels, INT32_MIN where it did not) nor been handed it by a
   step (hto, hon) by the step's day, came within `limit` days of the late level's receiving it, no level between
   them having received it by then. The steps (hp, hact, hby, hto, hon: int32) come by record (derive's order): each
   record's are read once, its first day handed to each level kept on the stack, where numpy made records x levels
   tables and a loop over the levels. It returns how many it marked; -1 where an index is outside its table, a level
   beyond 32, or the steps or late levels do not come by record (then numpy answers).
   returned(out, hp, hact, hby, hto, hon, reports, counting, nr, reported) finds the reports that give the level they
   go to no holding (_core.returned_reports; its numpy reference is _core.returned_reports_numpy): for steps in
   derive's order (hp, hact, hby, hto, hon: int32, by record; reports and counting: bool) it writes to out (bool, one
   a step) whether a report (reports) goes to a level that had, on an earlier day, assigned the problem to the
   reporter (any step not `reported`, by the report's receiver to its sender) or been handed it by an assignment that
   counts (counting, to the report's receiver) — or did so on the report's own day where another step (any) had
   brought that level the problem by that day — unless another report to that level the same day is no such report.
   Each record's few steps are read against each other, where numpy sorted every assignment's key twice. It returns
   how many it marked; -1 where the steps do not come by record or a level is outside [0, nr) (then numpy answers).
   handed_held(out, at, hp, hact, hby, hto, hon, disc, dlev, nr, reported) reads, for each step at[x] (int64) of steps by
   record (hp, hact, hby, hto, hon: int32, hp nondecreasing; disc: bool and dlev: int32, one a record), whether the
   record shows an assignment (hact not `reported`) to the step's acting level hby on or before its day, and whether
   the level it goes to (hto) had the problem by then: found there (disc and dlev), or two steps to it in all, one by
   that day (_core.anonymous_handover_steps, whose numpy made records x levels tables of first days and counts); it
   writes both together to out[x] (bool). It returns 0, or -1 where the steps do not come by record or an index or a
   level is outside its table or [0, nr) (then numpy answers).
   late_steps(slow, ur, ul, stepped, received, hp, hact, hby, hto, hon, rect, limit, none, reported, gap) reads each
   late level's record's steps (late levels ur, ul: int64, by record as a rule; stepped: bool; received: int32,
   records x levels; steps hp, hact, hby, hto, hon: int32, by record; rect: int32, one a record) and marks slow (bool,
   one a record) its record: where gap is true, one that shows no step of the level on or after the day it received
   the problem while the first step of any level on or after that day came more than `limit` days after it, and the
   problem was not rectified (rect `none`) within them (a level not stepped late: _core.missing_steps); else one
   where an assignment (hact not `reported`) by a higher level to the level came within `limit` days from that day
   (_core.handed_back). It returns 1 where it marked one, else 0; -1 where the steps do not come by record or a late
   level is outside the tables (then numpy answers: _core.missing_steps_numpy, handed_back_numpy).
   stepped_up(slow, hp, hby, hto, hon, disc, dlev) marks slow (bool, one a record) each record, not slow before, found
   (disc: bool) at level dlev (int32, one a record) with a step (hp, hby, hto, hon: int32, by record) by a level above
   the finder's that no step of another level had reached (hto the step's level, on or before its day)
   (_core.stepping_levels, whose numpy crossed each such step with its record's steps). It returns 0, or -1 where the
   steps do not come by record or a record is outside the chunk (then numpy answers).
   gone_aside(slow, ur, ul, gone, received, hp, hby, hon, idle, fixing, limit) marks slow (bool, one a record) the
   record of each late level taken as handled (ur, ul: int64; gone: bool; received: int32, records x levels) that
   shows an idle step of its own (idle: bool, one a step; hp, hby, hon: int32, by record) while the record's first
   step marked fixing came more than `limit` days after the level received the problem (_core.gone_with_aside, whose
   numpy sorted the idle steps' keys and filled a first day per record). It returns 1 where it marked one, else 0;
   -1 where the steps do not come by record or a late level is outside the tables (then numpy answers).
   They run without the GIL. Optional: built at install where a C compiler is found; without it numpy
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

/* late_levels' two passes (a function of its own, its pointers not aliasing each other: its values stay in
   registers) */
static int64_t late_core(uint32_t *restrict in_time, uint32_t *restrict shown, int64_t *restrict rec_out,
                         int64_t *restrict lvl_out, uint8_t *restrict late_step, const int32_t *restrict got,
                         const int64_t *restrict last_day, const int32_t *restrict r, const int32_t *restrict by,
                         const int32_t *restrict on, const int32_t *restrict upto, const uint8_t *restrict done,
                         const int64_t n, const int64_t nr, const int64_t steps, const int64_t limit, const char **bad) {
    /* the steps: a bit a level, in time (a step of it that acted in time, or a step of a level above it within its
       limit) and stepped (a step of it after its limit); made in registers, one store a step */
    for (int64_t i = 0; i < steps; i++) {
        const int64_t at = r[i], lv = by[i];
        if (at < 0 || at >= n) { *bad = "a step's record outside the chunk"; return 0; }
        if (lv < 0 || lv >= nr) { *bad = "a step's level outside the levels"; return 0; }
        const int64_t day = on[i], stop = upto[i] < nr ? upto[i] : nr;
        const int32_t *row = got + at * nr;
        const int64_t g = row[lv];
        uint32_t mask = (uint32_t)(done[i] != 0) << lv;
        for (int64_t low = 0; low < stop; low++) {
            const int64_t h = row[low];
            mask |= (uint32_t)((h != INT32_MIN) & (day >= h) & (day <= h + limit)) << low;
        }
        in_time[at] |= mask;
        shown[at] |= (uint32_t)((g != INT32_MIN) & (day > g + limit)) << lv;
    }
    /* every level: a holder not in time whose limit had passed by the assessment day is late (each level written at
       the next place, which moves on only where it is late) */
    int64_t count = 0;
    for (int64_t at = 0; at < n; at++) {
        const int64_t asof_day = last_day[at];
        const uint32_t it = in_time[at], sh = shown[at];
        const int32_t *row = got + at * nr;
        for (int64_t lv = 0; lv < nr; lv++) {
            const int64_t g = row[lv];
            rec_out[count] = at;
            lvl_out[count] = lv;
            late_step[count] = (uint8_t)((sh >> lv) & 1);
            count += (g != INT32_MIN) & !((it >> lv) & 1) & (asof_day > g + limit);
        }
    }
    return count;
}

/* late_levels: see the comment at the top. */
static PyObject *late_levels(PyObject *self, PyObject *args) {
    Py_buffer flags, ur, ul, stepped, rec, asof, hp, hby, hon, acted, top;
    Py_ssize_t nr;
    long long limit;
    if (!PyArg_ParseTuple(args, "w*w*w*w*y*y*y*y*y*y*y*nL", &flags, &ur, &ul, &stepped, &rec, &asof, &hp, &hby, &hon,
                          &acted, &top, &nr, &limit))
        return NULL;
    const char *bad = NULL;
    int64_t count = 0;
    const int64_t levels = rec.len / 4;
    if (nr <= 0 || nr > 32 || rec.len % 4 || levels % nr || flags.len != levels / nr * 8 || asof.len != levels / nr * 8)
        bad = "received must be int32 (records x at most 32 levels), flags uint32 (two a record) and asof int64 (one a "
              "record)";
    else if (ur.len != levels * 8 || ul.len != ur.len || stepped.len != levels)
        bad = "ur and ul must be int64 and stepped bool, one for each level of each record";
    else if (hp.len % 4 || hby.len != hp.len || hon.len != hp.len || top.len != hp.len || acted.len != hp.len / 4)
        bad = "hp, hby, hon and top must be int32 and acted bool, of one length";
    if (!bad) {
        uint32_t *in_time = (uint32_t *)flags.buf;
        uint8_t *late_step = (uint8_t *)stepped.buf;
        int64_t *rec_out = (int64_t *)ur.buf, *lvl_out = (int64_t *)ul.buf;
        const int32_t *got = (const int32_t *)rec.buf, *r = (const int32_t *)hp.buf, *by = (const int32_t *)hby.buf;
        const int32_t *on = (const int32_t *)hon.buf, *upto = (const int32_t *)top.buf;
        const int64_t *last_day = (const int64_t *)asof.buf;
        const uint8_t *done = (const uint8_t *)acted.buf;
        const int64_t n = levels / nr, steps = hp.len / 4;
        Py_BEGIN_ALLOW_THREADS
        count = late_core(in_time, in_time + n, rec_out, lvl_out, late_step, got, last_day, r, by, on, upto, done, n, nr,
                          steps, limit, &bad);
        Py_END_ALLOW_THREADS
    }
    PyBuffer_Release(&flags);
    PyBuffer_Release(&ur);
    PyBuffer_Release(&ul);
    PyBuffer_Release(&stepped);
    PyBuffer_Release(&rec);
    PyBuffer_Release(&asof);
    PyBuffer_Release(&hp);
    PyBuffer_Release(&hby);
    PyBuffer_Release(&hon);
    PyBuffer_Release(&acted);
    PyBuffer_Release(&top);
    if (bad) {
        PyErr_SetString(PyExc_ValueError, bad);
        return NULL;
    }
    return PyLong_FromLongLong(count);
}

/* first_of: see the comment at the top. */
#define RUN_MAX 64
static PyObject *first_of(PyObject *self, PyObject *args) {
    Py_buffer out_keys, out_at, keys, group;
    int last;
    if (!PyArg_ParseTuple(args, "w*w*y*y*p", &out_keys, &out_at, &keys, &group, &last))
        return NULL;
    const char *bad = NULL;
    int64_t count = 0;
    const int64_t m = keys.len / 8;
    if (keys.len % 8 || group.len != m * 4 || out_keys.len != keys.len || out_at.len != keys.len)
        bad = "keys, out_keys and out_at must be int64 and group int32, of one length";
    if (!bad) {
        int64_t *ok = (int64_t *)out_keys.buf, *oa = (int64_t *)out_at.buf;
        const int64_t *k = (const int64_t *)keys.buf;
        const int32_t *g = (const int32_t *)group.buf;
        Py_BEGIN_ALLOW_THREADS
        int64_t run[RUN_MAX];
        int64_t lo = 0;
        while (lo < m) {
            int64_t hi = lo + 1;
            while (hi < m && g[hi] == g[lo])
                hi++;
            if (hi - lo > RUN_MAX || (hi < m && g[hi] < g[lo])) { count = -1; break; }
            /* the run's positions by key, equal keys in their order (insertion: a run is a few) */
            const int64_t len = hi - lo;
            for (int64_t i = 0; i < len; i++) {
                const int64_t x = lo + i, kx = k[x];
                int64_t j = i;
                while (j > 0 && k[run[j - 1]] > kx) {
                    run[j] = run[j - 1];
                    j--;
                }
                run[j] = x;
            }
            for (int64_t i = 0; i < len; i++) {
                const int64_t key = k[run[i]];
                if (i && key == k[run[i - 1]]) {
                    if (last)
                        oa[count - 1] = run[i];
                    continue;
                }
                if (count && key <= ok[count - 1]) { count = -1; break; } /* a group's keys not above the last's */
                ok[count] = key;
                oa[count++] = run[i];
            }
            if (count < 0)
                break;
            lo = hi;
        }
        Py_END_ALLOW_THREADS
    }
    PyBuffer_Release(&out_keys);
    PyBuffer_Release(&out_at);
    PyBuffer_Release(&keys);
    PyBuffer_Release(&group);
    if (bad) {
        PyErr_SetString(PyExc_ValueError, bad);
        return NULL;
    }
    return PyLong_FromLongLong(count);
}

/* take2 / put2: see the comment at the top. */
static inline int64_t at_of(const void *a, int wide, int64_t k) {
    return wide ? ((const int64_t *)a)[k] : (int64_t)((const int32_t *)a)[k];
}

/* the flat positions' loop of take2 and put2, one item size: 0, or -1 at the first index outside its axis */
#define CELLS(T)                                                                                                      \
    static int cells_##T(T *table, T *vals, int64_t m, const void *i, int wi, const void *j, int wj, int64_t rows,     \
                         int64_t cols, int put, int one) {                                                            \
        for (int64_t k = 0; k < m; k++) { /* (every index checked first: a put outside writes nothing) */            \
            const int64_t r = at_of(i, wi, k), c = at_of(j, wj, k);                                                   \
            if ((uint64_t)r >= (uint64_t)rows || (uint64_t)c >= (uint64_t)cols)                                       \
                return -1;                                                                                            \
            if (!put)                                                                                                 \
                vals[k] = table[r * cols + c];                                                                        \
        }                                                                                                             \
        if (put)                                                                                                      \
            for (int64_t k = 0; k < m; k++)                                                                           \
                table[at_of(i, wi, k) * cols + at_of(j, wj, k)] = vals[one ? 0 : k];                                  \
        return 0;                                                                                                     \
    }
CELLS(uint8_t)
CELLS(uint32_t)
CELLS(uint64_t)

static PyObject *cells(PyObject *args, int put) {
    Py_buffer table, vals, i, j;
    Py_ssize_t rows, cols, size;
    int wi, wj;
    if (!PyArg_ParseTuple(args, put ? "w*y*y*y*nnnpp" : "y*w*y*y*nnnpp", &table, &vals, &i, &j, &rows, &cols, &size,
                          &wi, &wj))
        return NULL;
    const char *bad = NULL;
    int got = 0;
    const int64_t m = i.len / (wi ? 8 : 4);
    if ((size != 1 && size != 4 && size != 8) || rows < 0 || cols < 0 || table.len != rows * cols * size)
        bad = "the table must be rows x cols items of 1, 4 or 8 bytes";
    else if (i.len % (wi ? 8 : 4) || j.len != m * (wj ? 8 : 4))
        bad = "the two indices must be int32 or int64 and of one length";
    else if (vals.len != m * size && !(put && vals.len == size))
        bad = "the values must be one for each index (or, to put, one for all), of the table's item size";
    if (!bad) {
        const int one = put && vals.len == size && m != 1;
        Py_BEGIN_ALLOW_THREADS
        if (size == 1)
            got = cells_uint8_t((uint8_t *)table.buf, (uint8_t *)vals.buf, m, i.buf, wi, j.buf, wj, rows, cols, put, one);
        else if (size == 4)
            got = cells_uint32_t((uint32_t *)table.buf, (uint32_t *)vals.buf, m, i.buf, wi, j.buf, wj, rows, cols, put,
                                 one);
        else
            got = cells_uint64_t((uint64_t *)table.buf, (uint64_t *)vals.buf, m, i.buf, wi, j.buf, wj, rows, cols, put,
                                 one);
        Py_END_ALLOW_THREADS
    }
    PyBuffer_Release(&table);
    PyBuffer_Release(&vals);
    PyBuffer_Release(&i);
    PyBuffer_Release(&j);
    if (bad) {
        PyErr_SetString(PyExc_ValueError, bad);
        return NULL;
    }
    return PyLong_FromLong(got);
}

static PyObject *take2(PyObject *self, PyObject *args) { return cells(args, 0); }
static PyObject *put2(PyObject *self, PyObject *args) { return cells(args, 1); }

/* take1: see the comment at the top. */
#define TAKE1(T)                                                                                                      \
    static int take1_##T(const T *restrict values, T *restrict out, int64_t m, const void *idx, int wide, int64_t n) { \
        if (wide) {                                                                                                   \
            const int64_t *restrict x = (const int64_t *)idx;                                                         \
            for (int64_t k = 0; k < m; k++) {                                                                         \
                if ((uint64_t)x[k] >= (uint64_t)n)                                                                    \
                    return -1;                                                                                        \
                out[k] = values[x[k]];                                                                                \
            }                                                                                                         \
        } else {                                                                                                      \
            const int32_t *restrict x = (const int32_t *)idx;                                                         \
            for (int64_t k = 0; k < m; k++) {                                                                         \
                if ((uint32_t)x[k] >= (uint64_t)n)                                                                    \
                    return -1;                                                                                        \
                out[k] = values[x[k]];                                                                                \
            }                                                                                                         \
        }                                                                                                             \
        return 0;                                                                                                     \
    }
TAKE1(uint8_t)
TAKE1(uint16_t)
TAKE1(uint32_t)
TAKE1(uint64_t)

static PyObject *take1(PyObject *self, PyObject *args) {
    Py_buffer values, out, idx;
    Py_ssize_t size;
    int wide;
    if (!PyArg_ParseTuple(args, "y*w*y*np", &values, &out, &idx, &size, &wide))
        return NULL;
    const char *bad = NULL;
    int got = 0;
    const int64_t m = idx.len / (wide ? 8 : 4);
    if ((size != 1 && size != 2 && size != 4 && size != 8) || values.len % size)
        bad = "the values must be items of 1, 2, 4 or 8 bytes";
    else if (idx.len % (wide ? 8 : 4))
        bad = "the indices must be int32 or int64";
    else if (out.len != m * size)
        bad = "out must hold one item of the values' size for each index";
    if (!bad) {
        const int64_t n = values.len / size;
        Py_BEGIN_ALLOW_THREADS
        if (size == 1)
            got = take1_uint8_t((const uint8_t *)values.buf, (uint8_t *)out.buf, m, idx.buf, wide, n);
        else if (size == 2)
            got = take1_uint16_t((const uint16_t *)values.buf, (uint16_t *)out.buf, m, idx.buf, wide, n);
        else if (size == 4)
            got = take1_uint32_t((const uint32_t *)values.buf, (uint32_t *)out.buf, m, idx.buf, wide, n);
        else
            got = take1_uint64_t((const uint64_t *)values.buf, (uint64_t *)out.buf, m, idx.buf, wide, n);
        Py_END_ALLOW_THREADS
    }
    PyBuffer_Release(&values);
    PyBuffer_Release(&out);
    PyBuffer_Release(&idx);
    if (bad) {
        PyErr_SetString(PyExc_ValueError, bad);
        return NULL;
    }
    return PyLong_FromLong(got);
}

/* merge_rows: see the comment at the top. A row as the sort moves it: its rank first, then what is written of it (each
   row's written where the counting sort puts it as it is read in order, so that no pass gathers rows at random) */
typedef struct {
    int64_t key, row;
    int32_t on, dl;
} sorted_row;

static int merge_core(const int32_t *restrict rec, const int64_t *restrict row, const int64_t *restrict fact,
                      const int32_t *restrict rec2, const int64_t *restrict row2, const int64_t m2,
                      const int64_t *restrict rank, const int32_t *restrict fon, const int32_t *restrict fdl,
                      int32_t *restrict rec_o, int64_t *restrict row_o, int32_t *restrict on_o, int32_t *restrict dl_o,
                      int32_t *restrict dup_rec, int64_t *restrict dup_row, int64_t *restrict dup_head, const int64_t m1,
                      const int64_t nrec, const int64_t nrank, const int64_t nfact, int64_t *kept, int64_t *dups) {
    /* the rows are the first segment's m1 (rec, row, fact), then the second's m2 (rec2, row2; no fact) */
    const int64_t m = m1 + m2;
    int64_t *end = calloc((size_t)nrec + 1, sizeof(int64_t));
    sorted_row *at = malloc((size_t)(m ? m : 1) * sizeof(sorted_row));
    if (!end || !at) {
        free(end);
        free(at);
        return -2;
    }
    int status = 0;
    for (int64_t i = 0; i < m1; i++) {
        const int64_t r = rec[i], w = row[i], f = fact[i];
        if (r < 0 || r >= nrec || w < 0 || w >= nrank || f < -1 || f >= nfact) { status = -1; break; }
        end[r + 1]++;
    }
    for (int64_t i = 0; !status && i < m2; i++) {
        const int64_t r = rec2[i], w = row2[i];
        if (r < 0 || r >= nrec || w < 0 || w >= nrank) { status = -1; break; }
        end[r + 1]++;
    }
    if (!status) {
        for (int64_t r = 0; r < nrec; r++)  /* end[r]: where record r's rows start */
            end[r + 1] += end[r];
        for (int64_t i = 0; i < m1; i++) {  /* by record, in their order (end[r] moves on to record r's end) */
            const int64_t w = row[i], f = fact[i];
            sorted_row *x = at + end[rec[i]]++;
            x->key = rank[w];
            x->row = w;
            x->on = f >= 0 ? fon[f] : INT32_MIN;
            x->dl = f >= 0 ? fdl[f] : INT32_MIN;
        }
        for (int64_t i = 0; i < m2; i++) {  /* (the second segment's after the first's of the same record) */
            const int64_t w = row2[i];
            sorted_row *x = at + end[rec2[i]]++;
            x->key = rank[w];
            x->row = w;
            x->on = INT32_MIN;
            x->dl = INT32_MIN;
        }
        int64_t lo = 0, k = 0, d = 0;
        for (int64_t r = 0; r < nrec; r++) {
            const int64_t hi = end[r];
            if (hi == lo)
                continue;
            for (int64_t p = lo + 1; p < hi; p++) {  /* the record's rows by rank, equal ones in their order */
                if (at[p].key >= at[p - 1].key)
                    continue;
                const sorted_row x = at[p];
                int64_t q = p - 1;
                while (q >= lo && at[q].key > x.key) {
                    at[q + 1] = at[q];
                    q--;
                }
                at[q + 1] = x;
            }
            int64_t head = at[lo].row, last = at[lo].key;
            rec_o[k] = (int32_t)r;
            row_o[k] = head;
            on_o[k] = at[lo].on;
            dl_o[k] = at[lo].dl;
            k++;
            for (int64_t p = lo + 1; p < hi; p++) {
                const sorted_row *x = at + p;
                if (x->key == last) {  /* a row on the finding of the run's first */
                    dup_rec[d] = (int32_t)r;
                    dup_row[d] = x->row;
                    dup_head[d] = head;
                    d++;
                    continue;
                }
                head = x->row;
                last = x->key;
                rec_o[k] = (int32_t)r;
                row_o[k] = head;
                on_o[k] = x->on;
                dl_o[k] = x->dl;
                k++;
            }
            lo = hi;
        }
        *kept = k;
        *dups = d;
    }
    free(end);
    free(at);
    return status;
}

static PyObject *merge_rows(PyObject *self, PyObject *args) {
    Py_buffer rec, row, fact, rank, fon, fdl, rec_o, row_o, on_o, dl_o, dup_rec, dup_row, dup_head;
    Py_buffer rec2 = {0}, row2 = {0};
    Py_ssize_t nrec;
    if (!PyArg_ParseTuple(args, "y*y*y*y*y*y*w*w*w*w*w*w*w*n|y*y*", &rec, &row, &fact, &rank, &fon, &fdl, &rec_o,
                          &row_o, &on_o, &dl_o, &dup_rec, &dup_row, &dup_head, &nrec, &rec2, &row2))
        return NULL;
    const char *bad = NULL;
    int status = 0;
    int64_t kept = -1, dups = -1;
    const int64_t m1 = rec.len / 4, m2 = rec2.len / 4;
    if (rec.len % 4 || row.len != m1 * 8 || fact.len != m1 * 8)
        bad = "rec must be int32, row and fact int64, of one length";
    else if (rec2.len % 4 || row2.len != m2 * 8)
        bad = "rec2 must be int32 and row2 int64, of one length";
    else if (rank.len % 8 || fon.len % 4 || fdl.len != fon.len)
        bad = "rank must be int64, fon and fdl int32 of one length";
    else if (rec_o.len != 4 * (m1 + m2) || on_o.len != rec_o.len || dl_o.len != rec_o.len || dup_rec.len != rec_o.len
             || row_o.len != 8 * (m1 + m2) || dup_row.len != row_o.len || dup_head.len != row_o.len)
        bad = "the outputs must have room for every row (int32 rec_o, on_o, dl_o and dup_rec; int64 row_o, dup_row "
              "and dup_head)";
    else if (nrec < 0)
        bad = "nrec must not be negative";
    if (!bad) {
        Py_BEGIN_ALLOW_THREADS
        status = merge_core((const int32_t *)rec.buf, (const int64_t *)row.buf, (const int64_t *)fact.buf,
                            (const int32_t *)rec2.buf, (const int64_t *)row2.buf, m2,
                            (const int64_t *)rank.buf, (const int32_t *)fon.buf, (const int32_t *)fdl.buf,
                            (int32_t *)rec_o.buf, (int64_t *)row_o.buf, (int32_t *)on_o.buf, (int32_t *)dl_o.buf,
                            (int32_t *)dup_rec.buf, (int64_t *)dup_row.buf, (int64_t *)dup_head.buf, m1, nrec,
                            rank.len / 8, fon.len / 4, &kept, &dups);
        Py_END_ALLOW_THREADS
    }
    if (rec2.obj)
        PyBuffer_Release(&rec2);
    if (row2.obj)
        PyBuffer_Release(&row2);
    PyBuffer_Release(&rec);
    PyBuffer_Release(&row);
    PyBuffer_Release(&fact);
    PyBuffer_Release(&rank);
    PyBuffer_Release(&fon);
    PyBuffer_Release(&fdl);
    PyBuffer_Release(&rec_o);
    PyBuffer_Release(&row_o);
    PyBuffer_Release(&on_o);
    PyBuffer_Release(&dl_o);
    PyBuffer_Release(&dup_rec);
    PyBuffer_Release(&dup_row);
    PyBuffer_Release(&dup_head);
    if (bad) {
        PyErr_SetString(PyExc_ValueError, bad);
        return NULL;
    }
    if (status == -2)
        return PyErr_NoMemory();
    if (status)
        kept = dups = -1;
    return Py_BuildValue("(LL)", (long long)kept, (long long)dups);
}

/* unhidden: see the comment at the top. */
static int cmp_i64(const void *a, const void *b) {
    const int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return (x > y) - (x < y);
}

static int64_t unhidden_core(const int32_t *restrict r1, const int64_t *restrict w1, const int64_t *restrict f1,
                             const int64_t *restrict basis, const int64_t *restrict body,
                             const int64_t *restrict body_rank, const uint8_t *restrict knew,
                             const uint8_t *restrict raising, const int64_t missed, const int64_t concealed,
                             const int64_t m, const int64_t n, const int64_t nr, const int64_t nrow, const int64_t nbody,
                             uint8_t *restrict at_level, int32_t *restrict r_o, int64_t *restrict w_o,
                             int64_t *restrict f_o) {
    int64_t hiders = 0;
    for (int64_t i = 0; i < m; i++) {  /* everything in range (else numpy answers), and the rows of a concealment */
        const int64_t r = r1[i], w = w1[i];
        if (r < 0 || r >= n || w < 0 || w >= nrow) return -1;
        const int64_t b = body[w];
        if (b < 0 || b >= nbody || body_rank[b] < 0 || body_rank[b] >= nr) return -1;
        hiders += basis[w] == concealed;
    }
    /* the (record, body) of each row of a concealment, sorted, and the records that have one */
    int64_t *keys = NULL;
    uint8_t *hiding = NULL;
    if (hiders) {
        keys = malloc((size_t)hiders * sizeof(int64_t));
        hiding = calloc((size_t)n, 1);
        if (!keys || !hiding) {
            free(keys);
            free(hiding);
            return -2;
        }
        int64_t h = 0;
        for (int64_t i = 0; i < m; i++) {
            const int64_t w = w1[i];
            if (basis[w] == concealed) {
                keys[h++] = (int64_t)r1[i] * nbody + body[w];
                hiding[r1[i]] = 1;
            }
        }
        qsort(keys, (size_t)hiders, sizeof(int64_t), cmp_i64);
    }
    int64_t k = 0;
    for (int64_t i = 0; i < m; i++) {
        const int64_t r = r1[i], w = w1[i], b = body[w], level = body_rank[b];
        if (basis[w] == missed) {
            if (knew[r * nr + level])
                continue;
            if (hiders && hiding[r]) {
                const int64_t key = r * nbody + b;
                int64_t lo = 0, hi = hiders;
                while (lo < hi) {
                    const int64_t mid = lo + (hi - lo) / 2;
                    if (keys[mid] < key) lo = mid + 1; else hi = mid;
                }
                if (lo < hiders && keys[lo] == key)
                    continue;
            }
        }
        r_o[k] = (int32_t)r;
        w_o[k] = w;
        f_o[k] = f1[i];
        k++;
        if (raising[w])
            at_level[r * nr + level] = 1;
    }
    free(keys);
    free(hiding);
    return k;
}

static PyObject *unhidden(PyObject *self, PyObject *args) {
    Py_buffer r1, w1, f1, basis, body, body_rank, knew, raising, at_level, r_o, w_o, f_o;
    long long missed, concealed;
    Py_ssize_t nr;
    if (!PyArg_ParseTuple(args, "y*y*y*y*y*y*y*y*LLnw*w*w*w*", &r1, &w1, &f1, &basis, &body, &body_rank, &knew,
                          &raising, &missed, &concealed, &nr, &at_level, &r_o, &w_o, &f_o))
        return NULL;
    const char *bad = NULL;
    int64_t kept = -1;
    const int64_t m = r1.len / 4;
    if (r1.len % 4 || w1.len != m * 8 || f1.len != m * 8)
        bad = "r1 must be int32, w1 and f1 int64, of one length";
    else if (basis.len % 8 || body.len != basis.len || raising.len != basis.len / 8 || body_rank.len % 8)
        bad = "basis and body must be int64 and raising bool, one a template row; body_rank int64";
    else if (nr <= 0 || knew.len % nr || at_level.len != knew.len)
        bad = "knew and at_level must be bool, records x nr levels";
    else if (r_o.len != r1.len || w_o.len != w1.len || f_o.len != f1.len)
        bad = "r_o, w_o and f_o must have room for every row (int32, int64, int64)";
    if (!bad) {
        Py_BEGIN_ALLOW_THREADS
        kept = unhidden_core((const int32_t *)r1.buf, (const int64_t *)w1.buf, (const int64_t *)f1.buf,
                             (const int64_t *)basis.buf, (const int64_t *)body.buf, (const int64_t *)body_rank.buf,
                             (const uint8_t *)knew.buf, (const uint8_t *)raising.buf, missed, concealed, m,
                             knew.len / nr, nr, basis.len / 8, body_rank.len / 8, (uint8_t *)at_level.buf,
                             (int32_t *)r_o.buf, (int64_t *)w_o.buf, (int64_t *)f_o.buf);
        Py_END_ALLOW_THREADS
    }
    PyBuffer_Release(&r1);
    PyBuffer_Release(&w1);
    PyBuffer_Release(&f1);
    PyBuffer_Release(&basis);
    PyBuffer_Release(&body);
    PyBuffer_Release(&body_rank);
    PyBuffer_Release(&knew);
    PyBuffer_Release(&raising);
    PyBuffer_Release(&at_level);
    PyBuffer_Release(&r_o);
    PyBuffer_Release(&w_o);
    PyBuffer_Release(&f_o);
    if (bad) {
        PyErr_SetString(PyExc_ValueError, bad);
        return NULL;
    }
    if (kept == -2)
        return PyErr_NoMemory();
    return PyLong_FromLongLong(kept);
}

/* step_flags: see the comment at the top. */
#define STEP_FLAGS 10
static int step_core(uint8_t *restrict flags, int32_t *restrict top, const int32_t *restrict hp,
                     const int32_t *restrict hact, const int32_t *restrict hby, const int32_t *restrict hto,
                     const int32_t *restrict htb, const int64_t *restrict part_row, const int64_t *restrict rect_row,
                     const int32_t *restrict kind, const int32_t *restrict auth, const int32_t *restrict nominal,
                     const int32_t *restrict pr, const uint8_t *restrict part, const uint8_t *restrict rectify,
                     const int place_assignee, const int32_t reported, const int64_t m, const int64_t n,
                     const int64_t npart, const int64_t nrect) {
    uint8_t *is_part = flags, *kinded = flags + m, *can_fix = flags + 2 * m, *up = flags + 3 * m;
    uint8_t *at_place = flags + 4 * m, *counting = flags + 5 * m, *down = flags + 6 * m, *rep_part = flags + 7 * m;
    uint8_t *wrong = flags + 8 * m, *high = flags + 9 * m;
    for (int64_t i = 0; i < m; i++) {
        const int64_t r = hp[i];
        if (r < 0 || r >= n) return -1;
        const int32_t by = hby[i], to = hto[i], body = htb[i], a = auth[r], nom = nominal[r];
        const int rep = hact[i] == reported;
        int has = 1;
        if (body >= 0) {
            const int64_t at = part_row[r] + body;
            if (at < 0 || at >= npart) return -1;
            has = part[at] != 0;
        }
        const int64_t fix = rect_row[r] + to;
        if (fix < 0 || fix >= nrect) return -1;
        const int of_kind = kind[r] != 0;
        const int counts_up = (rep ? by < nom : by >= a) & has;
        is_part[i] = (uint8_t)has;
        kinded[i] = (uint8_t)of_kind;
        can_fix[i] = rectify[fix] != 0;
        up[i] = (uint8_t)counts_up;
        at_place[i] = (uint8_t)(of_kind & (to == pr[r]) & (body >= 0) & place_assignee);
        counting[i] = (uint8_t)((!rep) & has & !((by == to) & (to < a)));
        down[i] = (uint8_t)((!rep) & (by < a) & (to < by) & has);
        rep_part[i] = (uint8_t)(rep & has);
        wrong[i] = (uint8_t)(counts_up & (!rep) & of_kind);
        high[i] = (uint8_t)(rep & (by >= nom) & has & of_kind);
        top[i] = by < a ? by : a;
    }
    return 0;
}

static PyObject *step_flags(PyObject *self, PyObject *args) {
    Py_buffer flags, top, hp, hact, hby, hto, htb, part_row, rect_row, kind, auth, nominal, pr, part, rectify;
    int place_assignee, reported;
    if (!PyArg_ParseTuple(args, "w*w*y*y*y*y*y*y*y*y*y*y*y*y*y*pi", &flags, &top, &hp, &hact, &hby, &hto, &htb,
                          &part_row, &rect_row, &kind, &auth, &nominal, &pr, &part, &rectify, &place_assignee,
                          &reported))
        return NULL;
    const char *bad = NULL;
    int status = 0;
    const int64_t m = hp.len / 4, n = kind.len / 4;
    if (hp.len % 4 || hact.len != hp.len || hby.len != hp.len || hto.len != hp.len || htb.len != hp.len)
        bad = "hp, hact, hby, hto and htb must be int32, of one length";
    else if (kind.len % 4 || part_row.len != n * 8 || rect_row.len != n * 8 || auth.len != kind.len
             || nominal.len != kind.len || pr.len != kind.len)
        bad = "part_row and rect_row must be int64, kind, auth, nominal and pr int32, one a record";
    else if (flags.len != STEP_FLAGS * m || top.len != hp.len)
        bad = "flags must be bool, ten rows of a step each, and top int32, one a step";
    if (!bad) {
        Py_BEGIN_ALLOW_THREADS
        status = step_core((uint8_t *)flags.buf, (int32_t *)top.buf, (const int32_t *)hp.buf,
                           (const int32_t *)hact.buf, (const int32_t *)hby.buf, (const int32_t *)hto.buf,
                           (const int32_t *)htb.buf, (const int64_t *)part_row.buf, (const int64_t *)rect_row.buf,
                           (const int32_t *)kind.buf, (const int32_t *)auth.buf, (const int32_t *)nominal.buf,
                           (const int32_t *)pr.buf, (const uint8_t *)part.buf, (const uint8_t *)rectify.buf,
                           place_assignee, reported, m, n, part.len, rectify.len);
        Py_END_ALLOW_THREADS
    }
    Py_buffer *all[] = {&flags, &top, &hp, &hact, &hby, &hto, &htb, &part_row, &rect_row, &kind, &auth, &nominal,
                        &pr, &part, &rectify};
    for (size_t j = 0; j < sizeof(all) / sizeof(all[0]); j++)
        PyBuffer_Release(all[j]);
    if (bad) {
        PyErr_SetString(PyExc_ValueError, bad);
        return NULL;
    }
    return PyLong_FromLong(status);
}

/* check: see the comment at the top. */
static int check_core(uint8_t *restrict slow, const int32_t *restrict place, const uint8_t *restrict disc,
                      const int32_t *restrict dlev, const int32_t *restrict dbody, const int32_t *restrict don,
                      const int32_t *restrict deadline, const int32_t *restrict rect, const int32_t *restrict asof,
                      const int32_t *restrict dch, const int32_t *restrict area, const int32_t *restrict kind,
                      const int32_t *restrict hp, const int32_t *restrict hact, const int32_t *restrict hby,
                      const int32_t *restrict hto, const int32_t *restrict htb, const int32_t *restrict hon,
                      const int32_t *restrict cp, const int32_t *restrict clvl, const int32_t *restrict cbody,
                      const int32_t *restrict place_rank, const int32_t *restrict body_rank,
                      const uint8_t *restrict channel_conceal, const uint8_t *restrict conceal_level,
                      int32_t *restrict first, const int64_t n, const int64_t m, const int64_t k,
                      const int64_t nplaces, const int64_t nbodies, const int64_t nchannels, const int64_t nareas,
                      const int64_t nkinds, const int64_t nlevels, const int64_t today, const int64_t effective_from,
                      const int32_t reported) {
    const int32_t none = INT32_MIN, never = INT32_MAX;
    if (!nbodies && (n || m)) return -1; /* (numpy reads body_rank[0] of every record and step) */
    for (int64_t i = 0; i < n; i++) {
        const int32_t p = place[i], b = dbody[i];
        if (p < 0 || p >= nplaces || (b >= 0 && b >= nbodies)) return -1;
        const int64_t prank = place_rank[p], lev = dlev[i], on = don[i], fix = rect[i], due = deadline[i];
        const int64_t day = asof[i] != none ? asof[i] : today;
        const int d = disc[i] != 0;
        int bad = prank < 0;
        if (d)
            bad |= (lev < prank) | ((b >= 0) && body_rank[b] != lev) | ((fix != none) & (fix < on))
                   | ((due != none) & (due < on)) | (day < on) | (on < effective_from);
        bad |= (fix != none) & (fix > day);
        bad |= (!d) & (fix != none);
        if (bad) slow[i] = 1;
        first[i] = never;
    }
    for (int64_t j = 0; j < m; j++) {
        const int32_t r = hp[j], tb = htb[j];
        if (r < 0 || r >= n || tb >= nbodies) return -1;
        const int64_t by = hby[j], to = hto[j], on = hon[j];
        const int64_t day = asof[r] != none ? asof[r] : today;
        const int rep = hact[j] == reported;
        int bad = !disc[r];
        bad |= rep ? to <= by : to > by;
        bad |= to < place_rank[place[r]];
        bad |= (tb >= 0) && body_rank[tb] != to;
        bad |= (on < don[r]) | (on > day);
        /* the steps as they happened: one dated before the step listed before it (engine/_problem.py _date_fault) */
        bad |= j > 0 && hp[j - 1] == r && on < hon[j - 1];
        if (bad) slow[r] = 1;
        if (!rep && hon[j] < first[r]) first[r] = hon[j];
    }
    if (m)
        for (int64_t i = 0; i < n; i++)
            if (deadline[i] != none && first[i] != never && deadline[i] < first[i]) slow[i] = 1;
    for (int64_t j = 0; j < k; j++) {
        const int32_t r = cp[j];
        if (r < 0 || r >= n) return -1;
        const int32_t ch = dch[r], a = area[r], kd = kind[r], lv = clvl[j];
        if (ch < 0 || ch >= nchannels || a < 0 || a >= nareas || kd < 0 || kd >= nkinds || lv < 0 || lv >= nlevels)
            return -1;
        int bad = !disc[r];
        bad |= !channel_conceal[ch];
        bad |= lv >= dlev[r];
        bad |= lv < place_rank[place[r]];
        bad |= (cbody[j] < 0) && !conceal_level[(a * nkinds + kd) * nlevels + lv];
        if (bad) slow[r] = 1;
    }
    return 0;
}

/* The end of a pass over Py_buffers: release them and its scratch, then its status, or the error ``bad``
   names ("": out of memory). */
static PyObject *finish(Py_buffer *b, int nb, void *scratch, const char *bad, int status) {
    free(scratch);
    for (int j = 0; j < nb; j++)
        PyBuffer_Release(&b[j]);
    if (bad) {
        if (!*bad) return PyErr_NoMemory();
        PyErr_SetString(PyExc_ValueError, bad);
        return NULL;
    }
    return PyLong_FromLong(status);
}

static PyObject *check(PyObject *self, PyObject *args) {
    Py_buffer b[25];
    Py_ssize_t nareas, nkinds, nlevels;
    long long today, effective_from;
    int reported;
    if (!PyArg_ParseTuple(args, "w*y*y*y*y*y*y*y*y*y*y*y*y*y*y*y*y*y*y*y*y*y*y*y*y*nnnLLi", &b[0], &b[1], &b[2],
                          &b[3], &b[4], &b[5], &b[6], &b[7], &b[8], &b[9], &b[10], &b[11], &b[12], &b[13], &b[14],
                          &b[15], &b[16], &b[17], &b[18], &b[19], &b[20], &b[21], &b[22], &b[23], &b[24], &nareas,
                          &nkinds, &nlevels, &today, &effective_from, &reported))
        return NULL;
    const char *bad = NULL;
    int status = 0;
    const int64_t n = b[0].len, m = b[12].len / 4, k = b[18].len / 4;
    /* slow, disc: bool; the record's columns int32; steps' and concealers' int32 */
    for (int j = 1; j < 12 && !bad; j++)
        if (j != 2 && b[j].len != 4 * n) bad = "the record's columns must be int32, one a record";
    if (!bad && b[2].len != n) bad = "slow and disc must be bool, one a record";
    for (int j = 13; j < 18 && !bad; j++)
        if (b[j].len != 4 * m || b[12].len % 4) bad = "hp, hact, hby, hto, htb and hon must be int32, of one length";
    for (int j = 19; j < 21 && !bad; j++)
        if (b[j].len != 4 * k || b[18].len % 4) bad = "cp, clvl and cbody must be int32, of one length";
    if (!bad && (b[21].len % 4 || b[22].len % 4))
        bad = "place_rank and body_rank must be int32";
    if (!bad && (nareas < 0 || nkinds < 0 || nlevels < 0 || b[24].len != nareas * nkinds * nlevels))
        bad = "conceal_level must be bool, areas x kinds x levels";
    int32_t *first = NULL;
    if (!bad) {
        first = malloc((size_t)(n ? n : 1) * sizeof(int32_t));
        if (!first) bad = "";
    }
    if (!bad) {
        Py_BEGIN_ALLOW_THREADS
        status = check_core((uint8_t *)b[0].buf, (const int32_t *)b[1].buf, (const uint8_t *)b[2].buf,
                            (const int32_t *)b[3].buf, (const int32_t *)b[4].buf, (const int32_t *)b[5].buf,
                            (const int32_t *)b[6].buf, (const int32_t *)b[7].buf, (const int32_t *)b[8].buf,
                            (const int32_t *)b[9].buf, (const int32_t *)b[10].buf, (const int32_t *)b[11].buf,
                            (const int32_t *)b[12].buf, (const int32_t *)b[13].buf, (const int32_t *)b[14].buf,
                            (const int32_t *)b[15].buf, (const int32_t *)b[16].buf, (const int32_t *)b[17].buf,
                            (const int32_t *)b[18].buf, (const int32_t *)b[19].buf, (const int32_t *)b[20].buf,
                            (const int32_t *)b[21].buf, (const int32_t *)b[22].buf, (const uint8_t *)b[23].buf,
                            (const uint8_t *)b[24].buf, first, n, m, k, b[21].len / 4, b[22].len / 4, b[23].len,
                            nareas, nkinds, nlevels, today, effective_from, reported);
        Py_END_ALLOW_THREADS
    }
    return finish(b, 25, first, bad, status);
}

/* holders: see the comment at the top. */
static int holders_core(int32_t *restrict received, int32_t *restrict holder_body, uint8_t *restrict knew,
                        uint8_t *restrict reported_by, int64_t *restrict got, uint8_t *restrict taken,
                        const int32_t *restrict hp, const int32_t *restrict hby, const int32_t *restrict hto,
                        const int32_t *restrict htb, const int32_t *restrict hon, const uint8_t *restrict rep,
                        const uint8_t *restrict disc, const int32_t *restrict dlev, const int32_t *restrict don,
                        const int32_t *restrict dbody, const int64_t limit, const int64_t n, const int64_t nr,
                        const int64_t m, const int32_t *restrict hact, const int32_t reported,
                        int32_t *restrict handed) {
    if (n < 0 || nr < 0 || n * nr < 0) return -1;  /* (never: the sizes come from buffers' lengths) */
    for (int64_t j = 0; j < m; j++) {  /* (every index checked before anything is written) */
        if (hp[j] < 0 || hp[j] >= n || hby[j] < 0 || hby[j] >= nr || hto[j] < 0 || hto[j] >= nr) return -1;
    }
    for (int64_t i = 0; i < n; i++)
        if (disc[i] && (dlev[i] < 0 || dlev[i] >= nr)) return -1;
    for (int64_t x = 0; x < n * nr; x++) {
        received[x] = INT32_MIN;
        holder_body[x] = -1;
    }
    memset(knew, 0, (size_t)(n * nr));
    memset(reported_by, 0, (size_t)(n * nr));
    memset(taken, 0, (size_t)(n * nr));
    if (handed) {  /* the first day an assignment handed each level the problem (INT32_MAX: none) */
        for (int64_t x = 0; x < n * nr; x++)
            handed[x] = INT32_MAX;
        for (int64_t j = 0; j < m; j++) {
            const int64_t at = (int64_t)hp[j] * nr + hto[j];
            if (hact[j] != reported && hon[j] < handed[at])
                handed[at] = hon[j];
        }
    }
    for (int64_t j = 0; j < m; j++) {
        if (!rep[j]) continue;
        const int64_t r = hp[j], base = r * nr, to = base + hto[j];
        if (!taken[to]) {  /* the first report to a level wins */
            taken[to] = 1;
            received[to] = hon[j];
            holder_body[to] = htb[j];
        }
        reported_by[base + hby[j]] = 1;
        if (hby[j] < dlev[r] && (int64_t)hon[j] <= (int64_t)don[r] + limit
                && !(handed && handed[base + hby[j]] < hon[j])) {  /* (a level handed it before did not find it) */
            knew[base + hby[j]] = 1;
            knew[to] = 1;
        }
    }
    for (int64_t i = 0; i < n; i++)
        if (disc[i]) {
            received[i * nr + dlev[i]] = don[i];
            holder_body[i * nr + dlev[i]] = dbody[i];
        }
    for (int64_t j = 0; j < m; j++)
        got[j] = received[(int64_t)hp[j] * nr + hby[j]];
    return 0;
}

static PyObject *holders(PyObject *self, PyObject *args) {
    Py_buffer b[16];
    long long limit;
    int reported = 0;
    b[15].buf = NULL;  /* (hact, optional: without it no step is an assignment) */
    b[15].obj = NULL;
    b[15].len = 0;
    if (!PyArg_ParseTuple(args, "w*w*w*w*w*y*y*y*y*y*y*y*y*y*y*L|y*i", &b[0], &b[1], &b[2], &b[3], &b[4], &b[5],
                          &b[6], &b[7], &b[8], &b[9], &b[10], &b[11], &b[12], &b[13], &b[14], &limit, &b[15],
                          &reported))
        return NULL;
    const int with_hact = b[15].obj != NULL;
    const char *bad = NULL;
    int status = 0;
    const int64_t n = b[11].len, m = b[10].len, cells = b[2].len;
    const int64_t nr = n ? cells / n : 0;
    if (b[0].len != 4 * cells || b[1].len != 4 * cells || b[3].len != cells || (n && cells % n) || (!n && cells))
        bad = "received and holder_body must be int32, knew and reported_by bool, records x levels";
    else if (b[4].len != 8 * m || b[5].len != 4 * m || b[6].len != 4 * m || b[7].len != 4 * m || b[8].len != 4 * m
             || b[9].len != 4 * m)
        bad = "got must be int64, hp, hby, hto, htb and hon int32, and rep bool, one a step";
    else if (b[12].len != 4 * n || b[13].len != 4 * n || b[14].len != 4 * n)
        bad = "disc must be bool, dlev, don and dbody int32, one a record";
    else if (with_hact && b[15].len != 4 * m)
        bad = "hact must be int32, one a step";
    uint8_t *taken = NULL;
    int32_t *handed = NULL;
    if (!bad) {
        taken = malloc((size_t)(cells ? cells : 1));
        if (with_hact)
            handed = malloc((size_t)(cells ? cells : 1) * sizeof(int32_t));
        if (!taken || (with_hact && !handed)) bad = "";
    }
    if (!bad) {
        Py_BEGIN_ALLOW_THREADS
        status = holders_core((int32_t *)b[0].buf, (int32_t *)b[1].buf, (uint8_t *)b[2].buf, (uint8_t *)b[3].buf,
                              (int64_t *)b[4].buf, taken, (const int32_t *)b[5].buf, (const int32_t *)b[6].buf,
                              (const int32_t *)b[7].buf, (const int32_t *)b[8].buf, (const int32_t *)b[9].buf,
                              (const uint8_t *)b[10].buf, (const uint8_t *)b[11].buf, (const int32_t *)b[12].buf,
                              (const int32_t *)b[13].buf, (const int32_t *)b[14].buf, limit, n, nr, m,
                              with_hact ? (const int32_t *)b[15].buf : NULL, (int32_t)reported, handed);
        Py_END_ALLOW_THREADS
    }
    free(handed);
    if (!with_hact)
        return finish(b, 15, taken, bad, status);
    return finish(b, 16, taken, bad, status);
}

/* kindless: see the comment at the top. */
static int kindless_core(uint8_t *restrict slow, const int32_t *restrict hp, const int32_t *restrict hact,
                         const int32_t *restrict hby, const int32_t *restrict hto, const int32_t *restrict kind,
                         const int32_t *restrict area, const int32_t *restrict place,
                         const int32_t *restrict place_rank, const uint8_t *restrict alone, const int64_t n,
                         const int64_t m, const int64_t nplaces, const int64_t nareas, const int64_t nr,
                         const int32_t reported) {
    /* (no branch on the step's kind or action: a record of no kind is as likely as not, and a mispredicted branch a
       step cost more than all the rest) */
    for (int64_t j = 0; j < m; j++) {
        const int32_t r = hp[j];
        if (r < 0 || r >= n) return -1;
        const int32_t p = place[r], a = area[r], by = hby[j];
        if (p < 0 || p >= nplaces || a < 0 || a >= nareas || by < 0 || by >= nr) return -1;
        const int64_t pr = place_rank[p] > 0 ? place_rank[p] : 0;
        if (pr >= nr) return -1;
        slow[r] |= (uint8_t)((kind[r] == 0) & (hact[j] != reported) & (hto[j] == pr)
                             & (alone[(a * nr + pr) * nr + by] != 0));
    }
    return 0;
}

static PyObject *kindless(PyObject *self, PyObject *args) {
    Py_buffer b[10];
    Py_ssize_t nareas, nr;
    int reported;
    if (!PyArg_ParseTuple(args, "w*y*y*y*y*y*y*y*y*y*nni", &b[0], &b[1], &b[2], &b[3], &b[4], &b[5], &b[6], &b[7],
                          &b[8], &b[9], &nareas, &nr, &reported))
        return NULL;
    const char *bad = NULL;
    int status = 0;
    const int64_t n = b[0].len, m = b[1].len / 4;
    for (int j = 2; j < 5 && !bad; j++)
        if (b[j].len != 4 * m || b[1].len % 4) bad = "hp, hact, hby and hto must be int32, of one length";
    for (int j = 5; j < 8 && !bad; j++)
        if (b[j].len != 4 * n) bad = "kind, area and place must be int32, one a record (slow: bool)";
    if (!bad && b[8].len % 4) bad = "place_rank must be int32";
    if (!bad && (nareas < 0 || nr < 0 || b[9].len != nareas * nr * nr))
        bad = "alone must be bool, areas x levels x levels";
    if (!bad) {
        Py_BEGIN_ALLOW_THREADS
        status = kindless_core((uint8_t *)b[0].buf, (const int32_t *)b[1].buf, (const int32_t *)b[2].buf,
                               (const int32_t *)b[3].buf, (const int32_t *)b[4].buf, (const int32_t *)b[5].buf,
                               (const int32_t *)b[6].buf, (const int32_t *)b[7].buf, (const int32_t *)b[8].buf,
                               (const uint8_t *)b[9].buf, n, m, b[8].len / 4, nareas, nr, reported);
        Py_END_ALLOW_THREADS
    }
    return finish(b, 10, NULL, bad, status);
}

/* pass_down: see the comment at the top. */
static int64_t pass_down_core(uint8_t *restrict out, const int64_t *restrict ur, const int64_t *restrict ul,
                              const int32_t *restrict auth, const int32_t *restrict received,
                              const int32_t *restrict area, const int32_t *restrict kind, const int32_t *restrict pr,
                              const uint8_t *restrict rectify, const int32_t *restrict hp,
                              const int32_t *restrict hact, const int32_t *restrict hby, const int32_t *restrict hto,
                              const int32_t *restrict hon, const int64_t k, const int64_t n, const int64_t nr,
                              const int64_t m, const int64_t nareas, const int64_t nkinds, const int64_t limit,
                              const int32_t reported) {
    if (nr <= 0 || nr > 32) return -1;
    for (int64_t q = 0; q < k; q++)
        if (ur[q] < 0 || ur[q] >= n || ul[q] < 0 || ul[q] >= nr || (q && ur[q] < ur[q - 1])) return -1;
    memset(out, 0, (size_t)k);
    int64_t count = 0, q = 0, j = 0;
    int64_t first_to[32];
    while (j < m) {
        const int64_t r = hp[j], s = j;
        if (r < 0 || r >= n) return -1;
        while (j < m && hp[j] == r) j++;
        if (j < m && hp[j] < r) return -1;  /* (not by record: numpy answers) */
        while (q < k && ur[q] < r) q++;
        const int64_t q0 = q;
        uint32_t late = 0;
        for (; q < k && ur[q] == r; q++)
            if (ul[q] >= auth[r]) late |= (uint32_t)1 << ul[q];
        if (!late) continue;
        const int64_t a = area[r], kd = kind[r], p = pr[r];
        if (a < 0 || a >= nareas || kd < 0 || kd >= nkinds || p < 0 || p >= nr) return -1;
        const uint8_t *can = rectify + ((a * nkinds + kd) * nr + p) * nr;
        const int32_t *got = received + r * nr;
        for (int64_t lv = 0; lv < nr; lv++) first_to[lv] = INT64_MAX;
        for (int64_t i = s; i < j; i++) {
            if (hby[i] < 0 || hby[i] >= nr || hto[i] < 0 || hto[i] >= nr) return -1;
            if (hon[i] < first_to[hto[i]]) first_to[hto[i]] = hon[i];
        }
        uint32_t shown = 0;
        for (int64_t i = s; i < j; i++) {
            const int64_t b = hby[i], on = hon[i];
            if (hact[i] == reported || b < p || !(late >> b >> 1) || !can[b]) continue;
            if ((got[b] != INT32_MIN && got[b] <= on) || first_to[b] <= on) continue;
            for (int64_t lv = b + 1; lv < nr; lv++) {
                const int64_t g = got[lv];
                if (g == INT32_MIN || g > on) continue;  /* (no holder there by then: the levels above may be it) */
                if (((late >> lv) & 1) && on <= g + limit) shown |= (uint32_t)1 << lv;
                break;  /* (the lowest level above it that held it by then: no other can be shown) */
            }
        }
        for (int64_t x = q0; x < q; x++)
            if ((shown >> ul[x]) & 1) {
                out[x] = 1;
                count++;
            }
    }
    return count;
}

static PyObject *pass_down(PyObject *self, PyObject *args) {
    Py_buffer b[14];
    Py_ssize_t nareas, nkinds;
    long long limit;
    int reported;
    if (!PyArg_ParseTuple(args, "w*y*y*y*y*y*y*y*y*y*y*y*y*y*nnLi", &b[0], &b[1], &b[2], &b[3], &b[4], &b[5], &b[6],
                          &b[7], &b[8], &b[9], &b[10], &b[11], &b[12], &b[13], &nareas, &nkinds, &limit, &reported))
        return NULL;
    const char *bad = NULL;
    int64_t count = 0;
    const int64_t k = b[0].len, n = b[3].len / 4, m = b[9].len / 4;
    const int64_t nr = n ? b[4].len / 4 / n : 0;
    if (b[1].len != 8 * k || b[2].len != 8 * k)
        bad = "ur and ul must be int64, one a late level (out: bool)";
    else if (b[3].len % 4 || b[5].len != b[3].len || b[6].len != b[3].len || b[7].len != b[3].len
             || b[4].len != 4 * n * nr)
        bad = "auth, area, kind and pr must be int32, one a record, and received int32, records x levels";
    else if (b[9].len % 4 || b[10].len != b[9].len || b[11].len != b[9].len || b[12].len != b[9].len
             || b[13].len != b[9].len)
        bad = "hp, hact, hby, hto and hon must be int32, of one length";
    else if (nareas < 0 || nkinds < 0 || b[8].len != nareas * nkinds * nr * nr)
        bad = "rectify must be bool, areas x kinds x levels x levels";
    if (!bad) {
        Py_BEGIN_ALLOW_THREADS
        count = pass_down_core((uint8_t *)b[0].buf, (const int64_t *)b[1].buf, (const int64_t *)b[2].buf,
                               (const int32_t *)b[3].buf, (const int32_t *)b[4].buf, (const int32_t *)b[5].buf,
                               (const int32_t *)b[6].buf, (const int32_t *)b[7].buf, (const uint8_t *)b[8].buf,
                               (const int32_t *)b[9].buf, (const int32_t *)b[10].buf, (const int32_t *)b[11].buf,
                               (const int32_t *)b[12].buf, (const int32_t *)b[13].buf, k, n, nr, m, nareas, nkinds,
                               limit, reported);
        Py_END_ALLOW_THREADS
    }
    for (int x = 0; x < 14; x++)
        PyBuffer_Release(&b[x]);
    if (bad) {
        PyErr_SetString(PyExc_ValueError, bad);
        return NULL;
    }
    return PyLong_FromLongLong(count);
}

/* The walk the step kernels below share (returned, handed_held, late_steps, stepped_up, gone_aside): a chunk's steps
   come by record (hp nondecreasing: derive sorts them so; a kernel given them otherwise returns -1 and numpy answers),
   and a record's steps are the span [s, e) of equal hp. */
typedef struct {
    int64_t s, e;
} span_t;

/* Whether the steps come by record, and (where n >= 0) each step's record is inside the chunk's n, and (where hby is
   given) its acting and receiving levels (hby, hto) inside the nr levels. */
static inline int steps_ok(const int32_t *restrict hp, const int64_t m, const int64_t n, const int32_t *restrict hby,
                           const int32_t *restrict hto, const int64_t nr) {
    for (int64_t j = 0; j < m; j++) {
        if (j && hp[j] < hp[j - 1]) return 0;
        if (n >= 0 && (hp[j] < 0 || hp[j] >= n)) return 0;
        if (hby && (hby[j] < 0 || hby[j] >= nr || hto[j] < 0 || hto[j] >= nr)) return 0;
    }
    return 1;
}

/* The steps of the record whose first step is s. */
static inline span_t span_from(const int32_t *restrict hp, const int64_t m, const int64_t s) {
    int64_t e = s + 1;
    while (e < m && hp[e] == hp[s]) e++;
    return (span_t){s, e};
}

/* The steps of the record of step i. */
static inline span_t span_around(const int32_t *restrict hp, const int64_t m, const int64_t i) {
    int64_t s = i;
    while (s > 0 && hp[s - 1] == hp[i]) s--;
    return span_from(hp, m, s);
}

static int64_t record_start(const int32_t *hp, const int64_t m, int64_t from, const int64_t r);

/* The steps of record r (none: an empty span), from `from` (record_start's; set to the span's start for the next). */
static inline span_t span_of(const int32_t *restrict hp, const int64_t m, int64_t *restrict from, const int64_t r) {
    const int64_t s = *from = record_start(hp, m, *from, r);
    int64_t e = s;
    while (e < m && hp[e] == r) e++;
    return (span_t){s, e};
}

/* returned: see the comment at the top. */
static int64_t returned_core(uint8_t *restrict out, uint8_t *restrict back, const int32_t *restrict hp,
                             const int32_t *restrict hact, const int32_t *restrict hby, const int32_t *restrict hto,
                             const int32_t *restrict hon, const uint8_t *restrict reports,
                             const uint8_t *restrict counting, const int64_t m, const int64_t nr,
                             const int32_t reported) {
    if (!steps_ok(hp, m, -1, hby, hto, nr)) return -1;
    int64_t any = 0;
    for (int64_t s = 0, e; s < m; s = e) {
        e = span_from(hp, m, s).e;
        for (int64_t i = s; i < e; i++) {
            back[i] = 0;
            if (!reports[i]) continue;
            const int32_t by = hby[i], to = hto[i], day = hon[i];
            int early = 0, that_day = 0;
            for (int64_t j = s; j < e; j++) {
                if (hact[j] == reported) continue;
                /* an assignment by the report's receiver to its sender (any), or to its receiver (one that counts) */
                if ((hby[j] == to && hto[j] == by) || (counting[j] && hto[j] == to)) {
                    if (hon[j] < day) early = 1;
                    else if (hon[j] == day) that_day = 1;
                }
            }
            if (!early && that_day) {  /* (the level had it before: another step to it by that day) */
                int64_t steps = 0;
                for (int64_t j = s; j < e; j++)
                    steps += hto[j] == to && hon[j] <= day;
                early = steps >= 2;
            }
            back[i] = (uint8_t)early;
        }
        /* (by record, level and day: one report that is no such report leaves the level its holding that day) */
        for (int64_t i = s; i < e; i++) {
            uint8_t b = back[i];
            if (b)
                for (int64_t j = s; j < e; j++)
                    if (reports[j] && !back[j] && hto[j] == hto[i] && hon[j] == hon[i]) {
                        b = 0;
                        break;
                    }
            out[i] = b;
            any += b;
        }
    }
    return any;
}

static PyObject *returned(PyObject *self, PyObject *args) {
    Py_buffer b[8];
    Py_ssize_t nr;
    int reported;
    if (!PyArg_ParseTuple(args, "w*y*y*y*y*y*y*y*ni", &b[0], &b[1], &b[2], &b[3], &b[4], &b[5], &b[6], &b[7], &nr,
                          &reported))
        return NULL;
    const char *bad = NULL;
    int64_t count = 0;
    const int64_t m = b[0].len;
    if (b[1].len != 4 * m || b[2].len != 4 * m || b[3].len != 4 * m || b[4].len != 4 * m || b[5].len != 4 * m)
        bad = "hp, hact, hby, hto and hon must be int32, one a step (out: bool)";
    else if (b[6].len != m || b[7].len != m)
        bad = "reports and counting must be bool, one a step";
    uint8_t *scratch = NULL;
    if (!bad && !(scratch = malloc((size_t)(m ? m : 1)))) bad = "";
    if (!bad) {
        Py_BEGIN_ALLOW_THREADS
        count = returned_core((uint8_t *)b[0].buf, scratch, (const int32_t *)b[1].buf, (const int32_t *)b[2].buf,
                              (const int32_t *)b[3].buf, (const int32_t *)b[4].buf, (const int32_t *)b[5].buf,
                              (const uint8_t *)b[6].buf, (const uint8_t *)b[7].buf, m, nr, (int32_t)reported);
        Py_END_ALLOW_THREADS
    }
    free(scratch);
    for (int x = 0; x < 8; x++)
        PyBuffer_Release(&b[x]);
    if (bad) {
        if (!*bad) return PyErr_NoMemory();
        PyErr_SetString(PyExc_ValueError, bad);
        return NULL;
    }
    return PyLong_FromLongLong(count);
}

/* handed_held: see the comment at the top. */
static int handed_held_core(uint8_t *restrict out, const int64_t *restrict at, const int64_t k,
                            const int32_t *restrict hp, const int32_t *restrict hact, const int32_t *restrict hby,
                            const int32_t *restrict hto, const int32_t *restrict hon, const int64_t m,
                            const uint8_t *restrict disc, const int32_t *restrict dlev, const int64_t n,
                            const int64_t nr, const int32_t reported) {
    if (!steps_ok(hp, m, -1, hby, hto, nr)) return -1;
    for (int64_t x = 0; x < k; x++) {
        const int64_t i = at[x];
        if (i < 0 || i >= m) return -1;
        const int32_t r = hp[i];
        if (r < 0 || r >= n) return -1;
        const span_t sp = span_around(hp, m, i);
        const int64_t s = sp.s, e = sp.e;
        const int32_t by = hby[i], to = hto[i], on = hon[i];
        int assigned = 0, first_by_then = 0;
        int64_t steps_to = 0;
        for (int64_t j = s; j < e; j++) {
            /* (an assignment to the reporter by then; each step to the receiver, and one by then) */
            assigned |= hact[j] != reported && hto[j] == by && hon[j] <= on;
            if (hto[j] == to) {
                steps_to++;
                first_by_then |= hon[j] <= on;
            }
        }
        out[x] = (uint8_t)(assigned && ((disc[r] && dlev[r] == to) || (steps_to >= 2 && first_by_then)));
    }
    return 0;
}

static PyObject *handed_held(PyObject *self, PyObject *args) {
    Py_buffer b[9];
    Py_ssize_t nr;
    int reported;
    if (!PyArg_ParseTuple(args, "w*y*y*y*y*y*y*y*y*ni", &b[0], &b[1], &b[2], &b[3], &b[4], &b[5], &b[6], &b[7], &b[8],
                          &nr, &reported))
        return NULL;
    const char *bad = NULL;
    int status = 0;
    const int64_t k = b[0].len, m = b[2].len / 4, n = b[7].len;
    if (b[1].len != 8 * k)
        bad = "at must be int64, one an item (out: bool)";
    else if (b[2].len % 4 || b[3].len != b[2].len || b[4].len != b[2].len || b[5].len != b[2].len
             || b[6].len != b[2].len)
        bad = "hp, hact, hby, hto and hon must be int32, one a step";
    else if (b[8].len != 4 * n)
        bad = "disc must be bool and dlev int32, one a record";
    if (!bad) {
        Py_BEGIN_ALLOW_THREADS
        status = handed_held_core((uint8_t *)b[0].buf, (const int64_t *)b[1].buf, k, (const int32_t *)b[2].buf,
                                  (const int32_t *)b[3].buf, (const int32_t *)b[4].buf, (const int32_t *)b[5].buf,
                                  (const int32_t *)b[6].buf, m, (const uint8_t *)b[7].buf,
                                  (const int32_t *)b[8].buf, n, nr, (int32_t)reported);
        Py_END_ALLOW_THREADS
    }
    return finish(b, 9, NULL, bad, status);
}

/* The first step of record r in hp (sorted, m steps), from `from`, the first of an earlier record's: a walk where the
   records come in order (every step passed once in all), else a binary search. */
static int64_t record_start(const int32_t *hp, const int64_t m, int64_t from, const int64_t r) {
    if (from > m || (from > 0 && hp[from - 1] >= r)) {
        int64_t lo = 0, hi = m;
        while (lo < hi) {
            const int64_t mid = lo + (hi - lo) / 2;
            if (hp[mid] < r) lo = mid + 1; else hi = mid;
        }
        return lo;
    }
    while (from < m && hp[from] < r) from++;
    return from;
}

/* late_steps: see the comment at the top. */
static int late_steps_core(uint8_t *restrict slow, const int64_t *restrict ur, const int64_t *restrict ul,
                           const uint8_t *restrict stepped, const int64_t k, const int32_t *restrict received,
                           const int32_t *restrict hp, const int32_t *restrict hact, const int32_t *restrict hby,
                           const int32_t *restrict hto, const int32_t *restrict hon, const int64_t m,
                           const int32_t *restrict rect, const int64_t n, const int64_t nr, const int64_t limit,
                           const int32_t none, const int32_t reported, const int gap) {
    if (!steps_ok(hp, m, -1, NULL, NULL, 0)) return -1;
    for (int64_t x = 0; x < k; x++)
        if (ur[x] < 0 || ur[x] >= n || ul[x] < 0 || ul[x] >= nr) return -1;
    int marked = 0;
    int64_t from = 0;
    for (int64_t x = 0; x < k; x++) {
        const int64_t r = ur[x], l = ul[x];
        const span_t sp = span_of(hp, m, &from, r);
        const int64_t day = received[r * nr + l];
        if (gap) {  /* missing_steps */
            if (stepped[x]) continue;
            int own = 0, any = 0;
            int64_t first = 0;
            for (int64_t j = sp.s; j < sp.e; j++) {
                const int64_t on = hon[j];
                if (on < day) continue;
                own |= hby[j] == l;
                if (!any || on < first) first = on;
                any = 1;
            }
            if (any && first > day + limit && !own && (rect[r] == none || (int64_t)rect[r] > day + limit)) {
                slow[r] = 1;
                marked = 1;
            }
        } else {  /* handed_back */
            for (int64_t j = sp.s; j < sp.e; j++) {
                const int64_t on = hon[j];
                if (hact[j] != reported && hto[j] == l && hby[j] > l && on >= day && on <= day + limit) {
                    slow[r] = 1;
                    marked = 1;
                }
            }
        }
    }
    return marked;
}

static PyObject *late_steps(PyObject *self, PyObject *args) {
    Py_buffer b[11];
    long long limit;
    int none, reported, gap;
    if (!PyArg_ParseTuple(args, "w*y*y*y*y*y*y*y*y*y*y*Liii", &b[0], &b[1], &b[2], &b[3], &b[4], &b[5], &b[6], &b[7],
                          &b[8], &b[9], &b[10], &limit, &none, &reported, &gap))
        return NULL;
    const char *bad = NULL;
    int status = 0;
    const int64_t n = b[0].len, k = b[1].len / 8, m = b[5].len / 4;
    const int64_t nr = n ? b[4].len / 4 / n : 0;
    if (b[1].len % 8 || b[2].len != b[1].len || b[3].len != k)
        bad = "ur and ul must be int64 and stepped bool, one a late level";
    else if (b[4].len % 4 || (n && b[4].len != 4 * n * nr) || (!n && b[4].len) || b[10].len != 4 * n)
        bad = "received must be int32, records x levels, and rect int32, one a record (slow: bool)";
    else if (b[5].len % 4 || b[6].len != b[5].len || b[7].len != b[5].len || b[8].len != b[5].len
             || b[9].len != b[5].len)
        bad = "hp, hact, hby, hto and hon must be int32, one a step";
    if (!bad) {
        Py_BEGIN_ALLOW_THREADS
        status = late_steps_core((uint8_t *)b[0].buf, (const int64_t *)b[1].buf, (const int64_t *)b[2].buf,
                                 (const uint8_t *)b[3].buf, k, (const int32_t *)b[4].buf, (const int32_t *)b[5].buf,
                                 (const int32_t *)b[6].buf, (const int32_t *)b[7].buf, (const int32_t *)b[8].buf,
                                 (const int32_t *)b[9].buf, m, (const int32_t *)b[10].buf, n, nr, limit,
                                 (int32_t)none, (int32_t)reported, gap);
        Py_END_ALLOW_THREADS
    }
    return finish(b, 11, NULL, bad, status);
}

/* stepped_up: see the comment at the top. */
static int stepped_up_core(uint8_t *restrict slow, const int32_t *restrict hp, const int32_t *restrict hby,
                           const int32_t *restrict hto, const int32_t *restrict hon, const int64_t m,
                           const uint8_t *restrict disc, const int32_t *restrict dlev, const int64_t n) {
    if (!steps_ok(hp, m, n, NULL, NULL, 0)) return -1;
    /* (the records slow before the pass: a mark made in it is of the record's own candidates, read the same) */
    for (int64_t s = 0, e; s < m; s = e) {
        const int32_t r = hp[s];
        e = span_from(hp, m, s).e;
        if (!disc[r] || slow[r]) continue;
        for (int64_t i = s; i < e; i++) {
            if (hby[i] <= dlev[r]) continue;
            int reached = 0;
            for (int64_t j = s; j < e && !reached; j++)
                reached = hto[j] == hby[i] && hby[j] != hby[i] && hon[j] <= hon[i];
            if (!reached) {
                slow[r] = 1;
                break;
            }
        }
    }
    return 0;
}

static PyObject *stepped_up(PyObject *self, PyObject *args) {
    Py_buffer b[7];
    if (!PyArg_ParseTuple(args, "w*y*y*y*y*y*y*", &b[0], &b[1], &b[2], &b[3], &b[4], &b[5], &b[6]))
        return NULL;
    const char *bad = NULL;
    int status = 0;
    const int64_t n = b[0].len, m = b[1].len / 4;
    if (b[1].len % 4 || b[2].len != b[1].len || b[3].len != b[1].len || b[4].len != b[1].len)
        bad = "hp, hby, hto and hon must be int32, one a step";
    else if (b[5].len != n || b[6].len != 4 * n)
        bad = "slow and disc must be bool and dlev int32, one a record";
    if (!bad) {
        Py_BEGIN_ALLOW_THREADS
        status = stepped_up_core((uint8_t *)b[0].buf, (const int32_t *)b[1].buf, (const int32_t *)b[2].buf,
                                 (const int32_t *)b[3].buf, (const int32_t *)b[4].buf, m, (const uint8_t *)b[5].buf,
                                 (const int32_t *)b[6].buf, n);
        Py_END_ALLOW_THREADS
    }
    return finish(b, 7, NULL, bad, status);
}

/* gone_aside: see the comment at the top. */
static int gone_aside_core(uint8_t *restrict slow, const int64_t *restrict ur, const int64_t *restrict ul,
                           const uint8_t *restrict gone, const int64_t k, const int32_t *restrict received,
                           const int32_t *restrict hp, const int32_t *restrict hby, const int32_t *restrict hon,
                           const uint8_t *restrict idle, const uint8_t *restrict fixing, const int64_t m,
                           const int64_t n, const int64_t nr, const int64_t limit) {
    if (!steps_ok(hp, m, -1, NULL, NULL, 0)) return -1;
    for (int64_t x = 0; x < k; x++)
        if (ur[x] < 0 || ur[x] >= n || ul[x] < 0 || ul[x] >= nr) return -1;
    int marked = 0;
    int64_t from = 0;
    for (int64_t x = 0; x < k; x++) {
        if (!gone[x]) continue;
        const int64_t r = ur[x], l = ul[x];
        const span_t sp = span_of(hp, m, &from, r);
        int hit = 0, fixed = 0;
        int64_t first = 0;
        for (int64_t j = sp.s; j < sp.e; j++) {
            hit |= idle[j] && hby[j] == l;
            if (fixing[j] && (!fixed || hon[j] < first)) {
                first = hon[j];
                fixed = 1;
            }
        }
        if (hit && fixed && first > (int64_t)received[r * nr + l] + limit) {
            slow[r] = 1;
            marked = 1;
        }
    }
    return marked;
}

static PyObject *gone_aside(PyObject *self, PyObject *args) {
    Py_buffer b[10];
    long long limit;
    if (!PyArg_ParseTuple(args, "w*y*y*y*y*y*y*y*y*y*L", &b[0], &b[1], &b[2], &b[3], &b[4], &b[5], &b[6], &b[7], &b[8],
                          &b[9], &limit))
        return NULL;
    const char *bad = NULL;
    int status = 0;
    const int64_t n = b[0].len, k = b[1].len / 8, m = b[5].len / 4;
    const int64_t nr = n ? b[4].len / 4 / n : 0;
    if (b[1].len % 8 || b[2].len != b[1].len || b[3].len != k)
        bad = "ur and ul must be int64 and gone bool, one a late level";
    else if (b[4].len % 4 || (n && b[4].len != 4 * n * nr) || (!n && b[4].len))
        bad = "received must be int32, records x levels (slow: bool, one a record)";
    else if (b[5].len % 4 || b[6].len != b[5].len || b[7].len != b[5].len || b[8].len != m || b[9].len != m)
        bad = "hp, hby and hon must be int32 and idle and fixing bool, one a step";
    if (!bad) {
        Py_BEGIN_ALLOW_THREADS
        status = gone_aside_core((uint8_t *)b[0].buf, (const int64_t *)b[1].buf, (const int64_t *)b[2].buf,
                                 (const uint8_t *)b[3].buf, k, (const int32_t *)b[4].buf, (const int32_t *)b[5].buf,
                                 (const int32_t *)b[6].buf, (const int32_t *)b[7].buf, (const uint8_t *)b[8].buf,
                                 (const uint8_t *)b[9].buf, m, n, nr, limit);
        Py_END_ALLOW_THREADS
    }
    return finish(b, 10, NULL, bad, status);
}

static PyMethodDef methods[] = {
    {"locate", locate, METH_VARARGS, "Where each query goes in the sorted keys (np.searchsorted, left)."},
    {"late_levels", late_levels, METH_VARARGS, "The levels late in handling, and whether each was stepped late."},
    {"first_of", first_of, METH_VARARGS, "The distinct keys and where each first (or last) comes, by groups in order."},
    {"take2", take2, METH_VARARGS, "table[i, j] of a 2-d table, into vals."},
    {"put2", put2, METH_VARARGS, "table[i, j] = vals of a 2-d table."},
    {"take1", take1, METH_VARARGS, "values[idx] of a contiguous array, into out (np.take's 1-d case)."},
    {"step_flags", step_flags, METH_VARARGS, "What derive asks of each step, in one pass."},
    {"unhidden", unhidden, METH_VARARGS, "Expand's rows but those of a body that knew or hid what it missed."},
    {"holders", holders, METH_VARARGS, "Who held the problem: received, holder_body, knew, reported_by, got."},
    {"check", check, METH_VARARGS, "Mark slow every record that breaks a relation parse_problem checks."},
    {"kindless", kindless, METH_VARARGS, "Mark slow the kindless records assigned to their place's level alone."},
    {"pass_down", pass_down, METH_VARARGS, "Which late levels a step shows passed the problem down in time."},
    {"handed_held", handed_held, METH_VARARGS,
     "Which reports go to a level that had the problem before, from a reporter it had been handed to."},
    {"late_steps", late_steps, METH_VARARGS,
     "Mark slow the records of late levels that show no step of their own (gap) or were handed the problem back."},
    {"stepped_up", stepped_up, METH_VARARGS,
     "Mark slow the records with a step by a level above the finder's that no other level's step had reached."},
    {"gone_aside", gone_aside, METH_VARARGS,
     "Mark slow the records of levels taken as handled whose idle step came before a late first assignment."},
    {"returned", returned, METH_VARARGS, "Which reports give the level they go to no holding (derive's returned)."},
    {"merge_rows", merge_rows, METH_VARARGS,
     "Finding rows by record, then rank; the first of each finding kept (rows of a second segment after the first's)."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_derive", NULL, -1, methods};

PyMODINIT_FUNC PyInit__derive(void) { return PyModule_Create(&module); }
