/* A verdict's dicts (engine/_verdict.py Verdict.to_dict), made in C: the finding dicts and the interpretation
   dicts of one verdict, each its form's own values with the record's, as the Python dict makers (_verdict.finding_dict_maker, interpretations_maker) make them — the same keys in the same
   order, the same values, each dict and list the caller's own. Optional: without the extension _verdict.py makes
   them in Python.

   finding_dicts(forms, slot_of, slots, en, make) -> list: finding i's dict, of form forms[i] in slot
   slots[slot_of[i]] = (place code, place name, values), from what the form keeps for it (_verdict.finding_spec;
   where the form has none yet, make(form, en) makes it): its reason in the language, `en_reason` if `en`, else
   `zh_reason`; its `clauses`; its own values (level, body, name, basis, liability), or, for a form of another class
   than the one whose slots are read at their offsets, `proto`, the dict of its own values in Finding.to_dict's keys'
   order. The dict holds, in that order, the form's own values with "place" set to the slot's code, "clauses" to a
   new list of the form's clauses and "reason" to the reason (a form of another class: a copy of `proto` with those
   three set in it): where the form's reason is a tuple (literal, field, literal, field, ..., literal), the literals
   joined with values[field] between them, each formatted as an f-string's {v[field]} formats it (a str as it is,
   anything else by format(x, "")); else the reason is called with `values`. A reason made of pieces is made once
   per call for each tuple of pieces and slot number, and the findings that say it share the str.

   interpretation_dicts(specs, _) -> list: for each spec (id, type, name, value, why, list value or None, findings)
   (_verdict.interpretation_specs) a new dict {"id", "type", "name", "value", "why", "findings"} of them, "findings"
   a new list of the tuple `findings` and, where the list value is not None, "value" a new list of it. The second
   argument is not read (Sheet.interpretation_calls is called with one). */

#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <structmember.h>  /* PyMemberDef, T_OBJECT_EX: a form's slots (form_slots) */

static PyObject *k_received, *k_assigned, *k_deadline, *k_assignee, *k_assignee_en;
static PyObject *k_place, *k_clauses, *k_reason, *k_value, *k_findings, *k_proto, *k_zh_reason, *k_en_reason;

/* `values[field]`, formatted as an f-string formats it (a new reference). */
static PyObject *field_text(PyObject *values, PyObject *field) {
    PyObject *got = PyObject_GetItem(values, field);
    if (got == NULL || PyUnicode_CheckExact(got))
        return got;
    PyObject *text = PyObject_Format(got, NULL);
    Py_DECREF(got);
    return text;
}

#define STACK_PIECES 48

/* The reason of a template's pieces (literal, field, ..., literal) with `values` (a new reference). */
static PyObject *reason_of(PyObject *pieces, PyObject *values) {
    Py_ssize_t n = PyTuple_GET_SIZE(pieces);
    PyObject *stack[STACK_PIECES];
    PyObject **parts = stack;
    if (n > STACK_PIECES) {
        parts = PyMem_New(PyObject *, n);
        if (parts == NULL)
            return PyErr_NoMemory();
    }
    PyObject *out = NULL;
    Py_ssize_t made = 0, length = 0;
    Py_UCS4 maxchar = 127;
    for (Py_ssize_t k = 0; k < n; k++) {
        PyObject *part = PyTuple_GET_ITEM(pieces, k);
        if (k & 1) {
            part = field_text(values, part);
            if (part == NULL)
                goto done;
            if (!PyUnicode_Check(part)) {
                PyErr_Format(PyExc_TypeError, "a reason's value formatted as %.80s, not str", Py_TYPE(part)->tp_name);
                Py_DECREF(part);
                goto done;
            }
        } else {
            if (!PyUnicode_Check(part)) {
                PyErr_SetString(PyExc_TypeError, "a reason template's literal is not a str");
                goto done;
            }
            Py_INCREF(part);
        }
        parts[made++] = part;
        length += PyUnicode_GET_LENGTH(part);
        Py_UCS4 m = PyUnicode_MAX_CHAR_VALUE(part);
        if (m > maxchar)
            maxchar = m;
    }
    out = PyUnicode_New(length, maxchar);
    if (out == NULL)
        goto done;
    Py_ssize_t at = 0;
    for (Py_ssize_t k = 0; k < made; k++) {
        Py_ssize_t len = PyUnicode_GET_LENGTH(parts[k]);
        if (len && PyUnicode_CopyCharacters(out, at, parts[k], 0, len) < 0) {
            Py_CLEAR(out);
            goto done;
        }
        at += len;
    }
done:
    for (Py_ssize_t k = 0; k < made; k++)
        Py_DECREF(parts[k]);
    if (parts != stack)
        PyMem_Free(parts);
    return out;
}

/* A new list of the items of the tuple `items`. */
static PyObject *list_of(PyObject *items) {
    Py_ssize_t n = PyTuple_GET_SIZE(items);
    PyObject *out = PyList_New(n);
    if (out == NULL)
        return NULL;
    for (Py_ssize_t k = 0; k < n; k++) {
        PyObject *x = PyTuple_GET_ITEM(items, k);
        Py_INCREF(x);
        PyList_SET_ITEM(out, k, x);
    }
    return out;
}

/* Sets d[key] = value and drops the reference to `value`; -1 on an error (value dropped too). */
static int set_new(PyObject *d, PyObject *key, PyObject *value) {
    if (value == NULL)
        return -1;
    int rc = PyDict_SetItem(d, key, value);
    Py_DECREF(value);
    return rc;
}

/* The reasons already made for one verdict's findings (finding_dicts): a finding's reason is its form's template
   (the tuple of pieces, by identity) filled with its slot's values (by slot number), so two findings whose forms
   hold the same template and that sit in the same slot say the same reason — a body's liabilities do (a verdict of
   bench_engine's ~10.2 findings has ~5.7 distinct reasons): it is made once and the findings' dicts share the str. */
#define SHARED_REASONS 32
typedef struct {
    Py_ssize_t n;
    PyObject *pieces[SHARED_REASONS];  /* owned (so that no other tuple can come at a freed one's address) */
    Py_ssize_t slot[SHARED_REASONS];
    PyObject *text[SHARED_REASONS];    /* owned */
} Reasons;

static void reasons_clear(Reasons *kept) {
    for (Py_ssize_t k = 0; k < kept->n; k++) {
        Py_DECREF(kept->pieces[k]);
        Py_DECREF(kept->text[k]);
    }
    kept->n = 0;
}

/* The reason of `pieces` with slot `s`'s `values`, made once per verdict (a new reference). */
static PyObject *shared_reason(Reasons *kept, PyObject *pieces, Py_ssize_t s, PyObject *values) {
    for (Py_ssize_t k = 0; k < kept->n; k++)
        if (kept->pieces[k] == pieces && kept->slot[k] == s) {
            Py_INCREF(kept->text[k]);
            return kept->text[k];
        }
    PyObject *text = reason_of(pieces, values);
    if (text != NULL && kept->n < SHARED_REASONS) {
        kept->pieces[kept->n] = pieces;
        kept->slot[kept->n] = s;
        Py_INCREF(pieces);
        Py_INCREF(text);
        kept->text[kept->n++] = text;
    }
    return text;
}

/* Where a form's slots sit in the object (finding_dicts reads eight per finding: its reason, clauses and own values):
   PyObject_GetAttr finds a slot through the type's member descriptor each time (~165 instructions a read: three were a
   sixth of a finding dict's instructions), a read at a known offset is a load. Kept for one class, the first exact
   class met whose nine names are plain object slots of a class
   reading attributes the generic way, with its version tag: a class whose dict has changed since (its tag with it)
   is looked at afresh. Anything else (a subclass, another class, an unset slot) reads through PyObject_GetAttr, as
   before. This is the layout of a class, no policy's data: one table serves every decider. */
typedef struct {
    PyTypeObject *type;     /* owned (no other class can come at its address while it is kept) */
    unsigned int version;   /* its tp_version_tag when the offsets were read */
    Py_ssize_t proto, zh_reason, en_reason, clauses, own[5];
} FormSlots;

static FormSlots form_slots = {NULL, 0, 0, 0, 0, 0, {0, 0, 0, 0, 0}};
static PyObject *k_own[5];  /* level, body, name, basis, liability: a finding's own values (finding_dict) */
static PyObject *k_id, *k_type, *k_why;  /* an interpretation's, with "name" (k_own[2]) (interpretation_dicts) */

/* The offset of slot `name` of class `t`, or -1 where it is not a plain object slot. */
static Py_ssize_t slot_offset(PyTypeObject *t, PyObject *name) {
    PyObject *descr = PyObject_GetAttr((PyObject *)t, name);
    if (descr == NULL) {
        PyErr_Clear();
        return -1;
    }
    Py_ssize_t at = -1;
    if (Py_IS_TYPE(descr, &PyMemberDescr_Type)) {
        PyMemberDef *m = ((PyMemberDescrObject *)descr)->d_member;
        if ((m->type == T_OBJECT_EX || m->type == T_OBJECT) && m->offset > 0)
            at = m->offset;
    }
    Py_DECREF(descr);
    return at;
}

/* Whether the slots of `form` are read at form_slots' offsets (learning them for its class where none is kept). */
static int form_slots_of(PyObject *form) {
    PyTypeObject *t = Py_TYPE(form);
    if (t == form_slots.type && (t->tp_flags & Py_TPFLAGS_VALID_VERSION_TAG) && t->tp_version_tag == form_slots.version)
        return 1;
    if (form_slots.type != NULL && t != form_slots.type)
        return 0;  /* (another class: kept for the first one only) */
    if (t->tp_getattro != PyObject_GenericGetAttr || !PyType_HasFeature(t, Py_TPFLAGS_VALID_VERSION_TAG))
        return 0;
    unsigned int version = t->tp_version_tag;
    Py_ssize_t proto = slot_offset(t, k_proto), zh = slot_offset(t, k_zh_reason), en = slot_offset(t, k_en_reason),
               clauses = slot_offset(t, k_clauses), own[5];
    for (int k = 0; k < 5; k++)
        if ((own[k] = slot_offset(t, k_own[k])) < 0)
            return 0;
    /* (the look-ups above may have run Python code: the tag is read again after them) */
    if (proto < 0 || zh < 0 || en < 0 || clauses < 0 || !PyType_HasFeature(t, Py_TPFLAGS_VALID_VERSION_TAG)
        || t->tp_version_tag != version) {
        return 0;
    }
    Py_INCREF(t);
    Py_XSETREF(form_slots.type, t);
    form_slots.version = version;
    form_slots.proto = proto;
    form_slots.zh_reason = zh;
    form_slots.en_reason = en;
    form_slots.clauses = clauses;
    for (int k = 0; k < 5; k++)
        form_slots.own[k] = own[k];
    return 1;
}

/* Slot `name` of `form` (a new reference): at `offset` where it is set (offset > 0), else as PyObject_GetAttr reads it
   (which raises for an unset slot). */
static PyObject *slot_read(PyObject *form, Py_ssize_t offset, PyObject *name) {
    if (offset > 0) {
        PyObject *got = *(PyObject **)((char *)form + offset);
        if (got != NULL) {
            Py_INCREF(got);
            return got;
        }
    }
    return PyObject_GetAttr(form, name);
}

/* The reason of a finding in slot number `s`, `slot` (its values), given its form's reason in the language: shared
   within the verdict where made from a template's pieces (`kept`), else the form's function called on the values. */
static PyObject *reason_in(PyObject *reason, Reasons *kept, Py_ssize_t s, PyObject *values) {
    return PyTuple_CheckExact(reason) ? shared_reason(kept, reason, s, values) : PyObject_CallOneArg(reason, values);
}

/* The dict of a finding of `form` in slot number `s`, `slot`; make(form, en) first where the form has no reason in the
   language yet (or, read through its attributes, no proto). A form of the class whose slots are read at their offsets
   (form_slots) with its own values set gives a new dict of them inserted in Finding.to_dict's keys' order, reading
   nothing but the form, its clauses and its reason's pieces; any other a copy of its `proto` with the place, clauses
   and reason set in it. (The copy read the proto's dict and its table of keys, ~6 cache lines a finding that a
   stream of verdicts finds cold: session 51 measured the insertion ~4% faster a decision with to_dict.) A reason made
   from a template's pieces is made once per verdict for each template and slot (`kept`). */
static PyObject *finding_dict(PyObject *form, PyObject *name, Py_ssize_t s, PyObject *slot, PyObject *make, int en,
                              Reasons *kept) {
    if (!PyTuple_Check(slot) || PyTuple_GET_SIZE(slot) != 3) {
        PyErr_SetString(PyExc_TypeError, "a slot is (place code, place name, values)");
        return NULL;
    }
    PyObject *proto = NULL, *reason = NULL, *clauses = NULL, *d = NULL, *own[5];
    int fast = form_slots_of(form);
    for (int k = 0; fast && k < 5; k++)
        fast = (own[k] = *(PyObject **)((char *)form + form_slots.own[k])) != NULL;
    Py_ssize_t at_proto = fast ? form_slots.proto : 0, at_clauses = fast ? form_slots.clauses : 0,
               at_reason = fast ? (en ? form_slots.en_reason : form_slots.zh_reason) : 0;
    for (int attempt = 0; attempt < 2; attempt++) {
        if (!fast) {  /* (the proto is read only where the dict is its copy) */
            proto = slot_read(form, at_proto, k_proto);
            if (proto == NULL)
                return NULL;
        }
        reason = slot_read(form, at_reason, name);
        if (reason == NULL)
            goto done;
        if ((fast || proto != Py_None) && reason != Py_None)
            break;
        Py_CLEAR(proto);
        Py_CLEAR(reason);
        if (attempt) {
            PyErr_SetString(PyExc_ValueError, "finding_dicts: make() made no spec for a form");
            return NULL;
        }
        PyObject *made = PyObject_CallFunctionObjArgs(make, form, en ? Py_True : Py_False, NULL);
        if (made == NULL)
            return NULL;
        Py_DECREF(made);
        /* (make may have run any Python code: the own values are read again, as the slots hold them now) */
        for (int k = 0; fast && k < 5; k++)
            fast = (own[k] = *(PyObject **)((char *)form + form_slots.own[k])) != NULL;
        if (!fast)
            at_proto = at_clauses = at_reason = 0;
    }
    if (!fast && !PyDict_Check(proto)) {
        PyErr_SetString(PyExc_TypeError, "a form's proto is a dict");
        goto done;
    }
    clauses = slot_read(form, at_clauses, k_clauses);
    if (clauses == NULL)
        goto done;
    if (!PyTuple_Check(clauses)) {
        PyErr_SetString(PyExc_TypeError, "a form's clauses are a tuple");
        goto done;
    }
    PyObject *place = PyTuple_GET_ITEM(slot, 0), *values = PyTuple_GET_ITEM(slot, 2);
    if (fast) {
        /* (held while the dict is made: making it may run a collection, and that any Python code) */
        for (int k = 0; k < 5; k++)
            Py_INCREF(own[k]);
        Py_INCREF(place);
        d = _PyDict_NewPresized(8);
        if (d != NULL && (PyDict_SetItem(d, k_own[0], own[0]) < 0 || PyDict_SetItem(d, k_own[1], own[1]) < 0
                          || PyDict_SetItem(d, k_own[2], own[2]) < 0 || PyDict_SetItem(d, k_place, place) < 0
                          || PyDict_SetItem(d, k_own[3], own[3]) < 0 || PyDict_SetItem(d, k_own[4], own[4]) < 0
                          || set_new(d, k_clauses, list_of(clauses)) < 0
                          || set_new(d, k_reason, reason_in(reason, kept, s, values)) < 0))
            Py_CLEAR(d);
        for (int k = 0; k < 5; k++)
            Py_DECREF(own[k]);
        Py_DECREF(place);
        goto done;
    }
    d = PyDict_Copy(proto);
    if (d != NULL && (PyDict_SetItem(d, k_place, place) < 0 || set_new(d, k_clauses, list_of(clauses)) < 0
                      || set_new(d, k_reason, reason_in(reason, kept, s, values)) < 0))
        Py_CLEAR(d);
done:
    Py_XDECREF(proto);
    Py_XDECREF(reason);
    Py_XDECREF(clauses);
    return d;
}

static PyObject *finding_dicts(PyObject *module, PyObject *const *args, Py_ssize_t nargs) {
    if (nargs != 5) {
        PyErr_SetString(PyExc_TypeError, "finding_dicts(forms, slot_of, slots, en, make)");
        return NULL;
    }
    PyObject *forms = args[0], *slot_of = args[1], *slots = args[2], *make = args[4];
    if (!PyTuple_Check(forms) || !PyTuple_Check(slot_of) || !PyList_Check(slots)) {
        PyErr_SetString(PyExc_TypeError, "finding_dicts(forms: tuple, slot_of: tuple, slots: list, en, make)");
        return NULL;
    }
    int en = PyObject_IsTrue(args[3]);
    if (en < 0)
        return NULL;
    PyObject *name = en ? k_en_reason : k_zh_reason;
    Py_ssize_t n = PyTuple_GET_SIZE(forms);
    if (PyTuple_GET_SIZE(slot_of) != n) {
        PyErr_SetString(PyExc_ValueError, "finding_dicts: a slot for each form");
        return NULL;
    }
    PyObject *out = PyList_New(n);
    if (out == NULL)
        return NULL;
    Reasons kept;
    kept.n = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_ssize_t s = PyLong_AsSsize_t(PyTuple_GET_ITEM(slot_of, i));
        if (s == -1 && PyErr_Occurred())
            goto fail;
        if (s < 0 || s >= PyList_GET_SIZE(slots)) {
            PyErr_SetString(PyExc_IndexError, "finding_dicts: a slot number out of range");
            goto fail;
        }
        PyObject *d = finding_dict(PyTuple_GET_ITEM(forms, i), name, s, PyList_GET_ITEM(slots, s), make, en, &kept);
        if (d == NULL)
            goto fail;
        PyList_SET_ITEM(out, i, d);
    }
    reasons_clear(&kept);
    return out;
fail:
    reasons_clear(&kept);
    Py_DECREF(out);
    return NULL;
}

static PyObject *interpretation_dicts(PyObject *module, PyObject *const *args, Py_ssize_t nargs) {
    if (nargs < 1 || nargs > 2 || !PyTuple_Check(args[0])) {
        PyErr_SetString(PyExc_TypeError, "interpretation_dicts(specs: tuple, _=None)");
        return NULL;
    }
    PyObject *specs = args[0];
    Py_ssize_t n = PyTuple_GET_SIZE(specs);
    PyObject *out = PyList_New(n);
    if (out == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *spec = PyTuple_GET_ITEM(specs, i);
        if (!PyTuple_CheckExact(spec) || PyTuple_GET_SIZE(spec) != 7 || !PyTuple_Check(PyTuple_GET_ITEM(spec, 6))) {
            PyErr_SetString(PyExc_TypeError,
                            "an interpretation's spec is (id, type, name, value, why, list value or None, findings)");
            goto fail;
        }
        PyObject **item = &PyTuple_GET_ITEM(spec, 0);
        PyObject *d = _PyDict_NewPresized(6);
        if (d == NULL)
            goto fail;
        PyList_SET_ITEM(out, i, d);
        /* (the keys in Interpretation.to_dict's order; a list value a new list of it) */
        if (PyDict_SetItem(d, k_id, item[0]) < 0 || PyDict_SetItem(d, k_type, item[1]) < 0
            || PyDict_SetItem(d, k_own[2], item[2]) < 0
            || (item[5] == Py_None ? PyDict_SetItem(d, k_value, item[3]) : set_new(d, k_value, PySequence_List(item[5])))
                   < 0
            || PyDict_SetItem(d, k_why, item[4]) < 0 || set_new(d, k_findings, list_of(item[6])) < 0)
            goto fail;
    }
    return out;
fail:
    Py_DECREF(out);
    return NULL;
}

/* ------------------------------------------------------------------------------------------------------------
   A plain record's model (engine/_problem.py parse_problem), made in C.

   plain_record(raw, policy, jurisdiction) gives exactly the Problem that _problem._parsed_plainly gives a record it
   reads without a doubt: a dict of known fields (str keys) whose area, kind, sector, severity, discovery and steps
   the policy's parse memo (_ParseState.plain) has already read as plain, whose days _problem._DAYS holds (or are
   dates in range), whose id, place and concealers are plain text, whose place is one of the jurisdiction's with no
   level word that clashes and is no urban community, whose shape of names was found sound before
   (_ParseState.sound) and whose days are in the plainest order (_plainly_in_order; an as_of given), no text of
   its empty or white space only (an absent field, which _parsed_plainly reads). It gives None
   for anything else, which _parsed_plainly then reads as before (filling the memos, raising its own errors):
   plain_record raises nothing, and changes nothing but what the callbacks plain_setup gave it change (coded's memo
   of place codes, the memo of a place's clashing level words), as _parsed_plainly does for the same record.

   plain_setup(problem fields, discovered fields, handled fields, _DAYS, _CODED, coded, clash_of, concealer,
   Problem, Discovered, Handling, BaseModel's __dict__, __pydantic_fields_set__, __pydantic_extra__ and
   __pydantic_private__ descriptors, DAY_MIN, DAY_MAX) gives it what it reads (_problem._c_plain_setup). */

#include <datetime.h>

static int plain_ready = 0;
static PyObject *pk_problem, *pk_discovered, *pk_handled;  /* the fields' frozensets */
static PyObject *p_days, *p_coded;                           /* _problem._DAYS, _problem._CODED */
static PyObject *p_coded_fn, *p_clash_fn, *p_concealer_fn;   /* coded, _clash_of, _concealer */
static PyObject *p_Problem, *p_Discovered, *p_Handling;      /* the models */
static PyObject *p_set_dict, *p_set_fields, *p_set_extra, *p_set_private;  /* BaseModel's slots' descriptors */
static PyObject *p_day_min, *p_day_max;                      /* DAY_MIN, DAY_MAX */
static PyObject *p_empty;                                    /* () */
static PyObject *s_id, *s_area, *s_domain, *s_kind, *s_sector, *s_place, *s_severity, *s_discovered, *s_handled,
    *s_deadline, *s_rectified_on, *s_concealed_by, *s_as_of, *s_level, *s_channel, *s_on, *s_body, *s_action,
    *s_by_level, *s_to_level, *s_to_body, *s_minor, *s_t, *s_d, *s_h, *s_memos, *s_parse_state, *s_get,
    *s_village, *s_assigned, *s_reported, *s_township, *s_county, *s_city, *s_province;

#define MAX_TEXT 200
#define MAX_ITEMS 1000
#define MEMO_KEPT 100000
#define PLAIN_SETUP_ARGS 17

static int plain_strings(void) {
#define S(var, text) if (!(var = PyUnicode_InternFromString(text))) return -1;
    S(s_id, "id") S(s_area, "area") S(s_domain, "domain") S(s_kind, "kind") S(s_sector, "sector")
    S(s_place, "place") S(s_severity, "severity") S(s_discovered, "discovered") S(s_handled, "handled")
    S(s_deadline, "deadline") S(s_rectified_on, "rectified_on") S(s_concealed_by, "concealed_by")
    S(s_as_of, "as_of") S(s_level, "level") S(s_channel, "channel") S(s_on, "on") S(s_body, "body")
    S(s_action, "action") S(s_by_level, "by_level") S(s_to_level, "to_level") S(s_to_body, "to_body")
    S(s_minor, "minor") S(s_t, "t") S(s_d, "d") S(s_h, "h") S(s_memos, "_memos") S(s_parse_state, "parse state")
    S(s_get, "get") S(s_village, "village") S(s_assigned, "assigned") S(s_reported, "reported")
    S(s_township, "township") S(s_county, "county") S(s_city, "city") S(s_province, "province")
#undef S
    p_empty = PyTuple_New(0);
    if (p_empty == NULL)
        return -1;
    PyDateTime_IMPORT;
    return PyDateTimeAPI == NULL ? -1 : 0;
}

static PyObject *plain_setup(PyObject *module, PyObject *const *args, Py_ssize_t nargs) {
    if (nargs != PLAIN_SETUP_ARGS) {
        PyErr_SetString(PyExc_TypeError, "plain_setup takes 17 arguments");
        return NULL;
    }
    if (!PyFrozenSet_CheckExact(args[0]) || !PyFrozenSet_CheckExact(args[1]) || !PyFrozenSet_CheckExact(args[2])
        || !PyDict_CheckExact(args[3]) || !PyDict_CheckExact(args[4]) || !PyDate_CheckExact(args[15])
        || !PyDate_CheckExact(args[16])) {
        PyErr_SetString(PyExc_TypeError, "plain_setup(problem fields, discovered fields, handled fields, days, codes, "
                        "coded, clash_of, concealer, Problem, Discovered, Handling, 4 slot descriptors, day_min, "
                        "day_max)");
        return NULL;
    }
    for (int i = 8; i < 11; i++)  /* (a model made as object.__new__ makes it: no code of its own runs) */
        if (!PyType_Check(args[i]) || ((PyTypeObject *)args[i])->tp_new != PyBaseObject_Type.tp_new) {
            PyErr_SetString(PyExc_TypeError, "plain_setup: a model class whose __new__ is object's");
            return NULL;
        }
    for (int i = 11; i < 15; i++)  /* (slots set in C: no code of their own runs) */
        if ((Py_TYPE(args[i]) != &PyMemberDescr_Type && Py_TYPE(args[i]) != &PyGetSetDescr_Type)
            || Py_TYPE(args[i])->tp_descr_set == NULL) {
            PyErr_SetString(PyExc_TypeError, "plain_setup: a model slot's member or getset descriptor");
            return NULL;
        }
    PyObject **slots[PLAIN_SETUP_ARGS] = {
        &pk_problem, &pk_discovered, &pk_handled, &p_days, &p_coded, &p_coded_fn, &p_clash_fn, &p_concealer_fn,
        &p_Problem, &p_Discovered, &p_Handling, &p_set_dict, &p_set_fields, &p_set_extra, &p_set_private,
        &p_day_min, &p_day_max};
    for (int i = 0; i < PLAIN_SETUP_ARGS; i++) {
        Py_INCREF(args[i]);
        Py_XSETREF(*slots[i], args[i]);
    }
    plain_ready = 1;
    Py_RETURN_NONE;
}

/* Whether `v` is text a model keeps as it is (_problem._plain): a str of 1–200 characters, ASCII, printable, with
   no space at either end. */
static int plain_text(PyObject *v) {
    if (!PyUnicode_CheckExact(v) || !PyUnicode_IS_ASCII(v))
        return 0;
    Py_ssize_t n = PyUnicode_GET_LENGTH(v);
    if (n < 1 || n > MAX_TEXT)
        return 0;
    const unsigned char *c = PyUnicode_1BYTE_DATA(v);
    for (Py_ssize_t i = 0; i < n; i++)
        if (c[i] < 0x20 || c[i] > 0x7e)
            return 0;
    return c[0] != ' ' && c[n - 1] != ' ';
}

/* Whether `v` is a str that is empty or white space only: an absent field (hostile29), which _parsed_plainly reads. */
static int blank(PyObject *v) {
    if (!PyUnicode_CheckExact(v))
        return 0;
    Py_ssize_t n = PyUnicode_GET_LENGTH(v);
    int kind = PyUnicode_KIND(v);
    const void *data = PyUnicode_DATA(v);
    for (Py_ssize_t i = 0; i < n; i++)
        if (!Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, i)))
            return 0;
    return 1;
}

/* A number ordering days as the days do. */
static inline long day_number(PyObject *day) {
    return PyDateTime_GET_YEAR(day) * 512L + PyDateTime_GET_MONTH(day) * 32L + PyDateTime_GET_DAY(day);
}

/* `v` as _problem._plain_day reads it, where _DAYS holds it or it is a date in range (borrowed), else NULL. */
static PyObject *plain_day(PyObject *v) {
    if (PyUnicode_CheckExact(v)) {
        PyObject *day = PyDict_GetItemWithError(p_days, v);
        return day != NULL && PyDate_CheckExact(day) ? day : NULL;
    }
    if (PyDate_CheckExact(v))
        return day_number(p_day_min) <= day_number(v) && day_number(v) <= day_number(p_day_max) ? v : NULL;
    return NULL;
}

/* Whether every key of the dict `d` is a str in the set `keys` (-1: an error). Other keys (a str's subclass's hash
   may run code) are left to _parsed_plainly. */
static int keys_within(PyObject *d, PyObject *keys) {
    Py_ssize_t pos = 0;
    PyObject *k, *v;
    if (PyDict_GET_SIZE(d) > PySet_GET_SIZE(keys))
        return 0;
    while (PyDict_Next(d, &pos, &k, &v)) {
        if (!PyUnicode_CheckExact(k))
            return 0;
        int in = PySet_Contains(keys, k);
        if (in != 1)
            return in;
    }
    return 1;
}

/* The set of the keys of the dict `d` whose value is not None, made as _problem._given makes it: set(d) where no
   value is None, else added one by one in the dict's order (a new reference). */
static PyObject *given(PyObject *d) {
    Py_ssize_t pos = 0;
    PyObject *k, *v;
    int none = 0;
    while (PyDict_Next(d, &pos, &k, &v))
        if (v == Py_None) {
            none = 1;
            break;
        }
    if (!none)
        return PySet_New(d);
    PyObject *out = PySet_New(NULL);
    if (out == NULL)
        return NULL;
    pos = 0;
    while (PyDict_Next(d, &pos, &k, &v))
        if (v != Py_None && PySet_Add(out, k) < 0) {
            Py_DECREF(out);
            return NULL;
        }
    return out;
}

/* A model of `cls` with the dict `values` and the set `fields`, both stolen, as _records._made makes it (cls.__new__
   and BaseModel's four slots set); NULL on an error. */
static PyObject *made(PyObject *cls, PyObject *values, PyObject *fields) {
    PyObject *m = NULL;
    if (values == NULL || fields == NULL)
        goto done;
    m = ((PyTypeObject *)cls)->tp_new((PyTypeObject *)cls, p_empty, NULL);
    if (m == NULL)
        goto done;
    if (Py_TYPE(p_set_dict)->tp_descr_set(p_set_dict, m, values) < 0
        || Py_TYPE(p_set_fields)->tp_descr_set(p_set_fields, m, fields) < 0
        || Py_TYPE(p_set_extra)->tp_descr_set(p_set_extra, m, Py_None) < 0
        || Py_TYPE(p_set_private)->tp_descr_set(p_set_private, m, Py_None) < 0)
        Py_CLEAR(m);
done:
    Py_XDECREF(values);
    Py_XDECREF(fields);
    return m;
}

/* A new dict of `n` keys and values, in order (NULL on an error). Made at its size: a dict made empty grows twice on
   its way to a Problem's 12 fields, each time making its table again. */
static PyObject *dict_of(Py_ssize_t n, PyObject **keys, PyObject **values) {
    PyObject *d = _PyDict_NewPresized(n);
    if (d == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < n; i++)
        if (PyDict_SetItem(d, keys[i], values[i]) < 0) {
            Py_DECREF(d);
            return NULL;
        }
    return d;
}

/* What plain_record holds: a reference to each object it read from a dict or list (another thread's code, run where
   an allocation collects garbage, may drop the container's), dropped at its end. */
typedef struct {
    PyObject **at;
    Py_ssize_t n, size;
    PyObject *stack[64];
} Held;

/* `x` (not NULL), held; NULL where it cannot be held. */
static PyObject *hold(Held *h, PyObject *x) {
    if (x == NULL)
        return NULL;
    if (h->n == h->size) {
        Py_ssize_t size = h->size * 2;
        PyObject **at = PyMem_New(PyObject *, size);
        if (at == NULL)
            return NULL;
        memcpy(at, h->at, h->n * sizeof(PyObject *));
        if (h->at != h->stack)
            PyMem_Free(h->at);
        h->at = at;
        h->size = size;
    }
    Py_INCREF(x);
    h->at[h->n++] = x;
    return x;
}

/* d.get(key), held (None where absent); NULL on an error. */
static PyObject *held_get(Held *h, PyObject *d, PyObject *key) {
    PyObject *v = PyDict_GetItemWithError(d, key);
    if (v == NULL)
        return PyErr_Occurred() ? NULL : Py_None;
    return hold(h, v);
}

/* memo[key] where it is a tuple of `n` items, held (the key dropped); else NULL. */
static PyObject *memo_tuple(Held *h, PyObject *memo, PyObject *key, Py_ssize_t n) {
    if (key == NULL)
        return NULL;
    PyObject *got = PyDict_GetItemWithError(memo, key);
    Py_DECREF(key);
    return got != NULL && PyTuple_CheckExact(got) && PyTuple_GET_SIZE(got) == n ? hold(h, got) : NULL;
}

/* A plain day (plain_day), held; NULL where it is not one. */
static PyObject *held_day(Held *h, PyObject *v) {
    return hold(h, plain_day(v));
}

typedef struct {
    PyObject *action, *step, *day, *raw;  /* the step's action, its memo's (by, to, to_body), day, dict */
} Step;

/* What _problem.coded gives a place written as 12 ASCII digits not beginning "00" (parse_code's code is then the text
   itself, and level_of reads its digit groups), kept in its memo _CODED as coded keeps it (a new reference); NULL, with
   no error set, for any other text (coded is then called). */
static PyObject *coded_plainly(PyObject *place) {
    if (!PyUnicode_CheckExact(place) || !PyUnicode_IS_ASCII(place) || PyUnicode_GET_LENGTH(place) != 12)
        return NULL;
    const Py_UCS1 *s = PyUnicode_1BYTE_DATA(place);
    for (int i = 0; i < 12; i++)
        if (s[i] < '0' || s[i] > '9')
            return NULL;
    if (s[0] == '0' && s[1] == '0')
        return NULL;
    PyObject *level = memcmp(s + 9, "000", 3) ? s_village : memcmp(s + 6, "000", 3) ? s_township
        : memcmp(s + 4, "00", 2) ? s_county : memcmp(s + 2, "00", 2) ? s_city : s_province;
    PyObject *got = PyTuple_Pack(2, place, level);
    if (got == NULL)
        return NULL;
    /* Untracked before it goes in (two strings: never in a cycle): a tracked tuple put in the memo, which the collector
       had stopped tracking, makes it tracked again, and the next young collection walks all of its entries. */
    PyObject_GC_UnTrack(got);
    if (PyDict_GET_SIZE(p_coded) >= MEMO_KEPT)  /* (as coded starts afresh past 100,000) */
        PyDict_Clear(p_coded);
    if (PyDict_SetItem(p_coded, place, got) < 0) {
        Py_DECREF(got);
        return NULL;
    }
    return got;
}

static PyObject *plain_record(PyObject *module, PyObject *const *args, Py_ssize_t nargs) {
    if (nargs != 3) {
        PyErr_SetString(PyExc_TypeError, "plain_record(raw, policy, jurisdiction)");
        return NULL;
    }
    PyObject *raw = args[0], *policy = args[1], *jur = args[2];
    if (!plain_ready || !PyDict_CheckExact(raw))
        Py_RETURN_NONE;
    Held held = {NULL, 0, 64, {NULL}};
    held.at = held.stack;
    Held *H = &held;
    Step stack[8], *steps = stack;
    PyObject *out = NULL, *who = NULL, *coded = NULL, *here = NULL, *key = NULL, *handled_out = NULL;
    Py_ssize_t nsteps = 0;

    if (keys_within(raw, pk_problem) != 1)
        goto none;
    PyObject *discovered = held_get(H, raw, s_discovered);
    if (discovered == NULL || !PyDict_CheckExact(discovered) || keys_within(discovered, pk_discovered) != 1)
        goto none;
    PyObject *area = held_get(H, raw, s_area);
    int has_domain = PyDict_Contains(raw, s_domain);
    if (area == NULL || has_domain < 0)
        goto none;
    if (area == Py_None) {
        if (!has_domain || (area = held_get(H, raw, s_domain)) == NULL)
            goto none;
    } else if (has_domain)
        goto none;
    PyObject *pid = held_get(H, raw, s_id), *place = held_get(H, raw, s_place);
    PyObject *kind = held_get(H, raw, s_kind), *sector = held_get(H, raw, s_sector);
    PyObject *severity = held_get(H, raw, s_severity);
    if (pid == NULL || place == NULL || kind == NULL || sector == NULL || severity == NULL)
        goto none;
    if (severity == Py_None)
        severity = s_minor;
    if (!plain_text(pid) || !plain_text(place) || !PyUnicode_CheckExact(area)
        || (kind != Py_None && !PyUnicode_CheckExact(kind)) || (sector != Py_None && !PyUnicode_CheckExact(sector))
        || !PyUnicode_CheckExact(severity) || blank(area) || blank(kind) || blank(sector) || blank(severity))
        goto none;
    /* the policy's parse state (_problem._state), where it has one */
    PyObject *pdict = PyObject_GenericGetDict(policy, NULL);
    if (pdict == NULL)
        goto none;
    PyObject *memos = PyDict_GetItemWithError(pdict, s_memos);
    PyObject *state = memos != NULL && PyDict_CheckExact(memos) ? hold(H, PyDict_GetItemWithError(memos, s_parse_state))
                                                                : NULL;
    Py_DECREF(pdict);
    if (state == NULL || !PyTuple_Check(state) || PyTuple_GET_SIZE(state) < 9)
        goto none;
    PyObject *names = PyTuple_GET_ITEM(state, 0), *memo = PyTuple_GET_ITEM(state, 1);
    PyObject *clashes = PyTuple_GET_ITEM(state, 2), *sound = PyTuple_GET_ITEM(state, 7);
    PyObject *in_force = PyTuple_GET_ITEM(state, 8);
    if (!PyDict_CheckExact(memo) || !PyDict_CheckExact(clashes) || !PyDict_CheckExact(sound)
        || !PyTuple_Check(in_force) || PyTuple_GET_SIZE(in_force) < 1 || PyDict_GET_SIZE(memo) >= MEMO_KEPT)
        goto none;
    PyObject *since = PyTuple_GET_ITEM(in_force, 0);
    if (since != Py_None && !PyDate_Check(since))
        goto none;
    /* the terms, the discovery and each step as the memo has them (_plain_terms, _plain_found, _plain_handled) */
    PyObject *terms = memo_tuple(H, memo, PyTuple_Pack(5, s_t, area, kind, sector, severity), 4);
    if (terms == NULL)
        goto none;
    PyObject *level = held_get(H, discovered, s_level), *channel = held_get(H, discovered, s_channel);
    PyObject *on_raw = held_get(H, discovered, s_on), *body = held_get(H, discovered, s_body);
    if (level == NULL || channel == NULL || on_raw == NULL || body == NULL || !PyUnicode_CheckExact(level)
        || !PyUnicode_CheckExact(channel) || (body != Py_None && !PyUnicode_CheckExact(body)) || blank(level)
        || blank(channel) || blank(body))
        goto none;
    PyObject *on = held_day(H, on_raw);
    if (on == NULL)
        goto none;
    PyObject *found = memo_tuple(H, memo, PyTuple_Pack(4, s_d, level, channel, body), 3);
    if (found == NULL)
        goto none;
    PyObject *handled = held_get(H, raw, s_handled);
    if (handled == NULL)
        goto none;
    if (handled != Py_None) {
        if (!PyList_CheckExact(handled) || PyList_GET_SIZE(handled) > MAX_ITEMS)
            goto none;
        nsteps = PyList_GET_SIZE(handled);
    }
    if (nsteps > 8 && (steps = PyMem_New(Step, nsteps)) == NULL)
        goto none;
    for (Py_ssize_t i = 0; i < nsteps; i++) {
        PyObject *h = hold(H, PyList_GET_ITEM(handled, i));
        if (h == NULL || !PyDict_CheckExact(h) || keys_within(h, pk_handled) != 1)
            goto none;
        PyObject *action = held_get(H, h, s_action), *by = held_get(H, h, s_by_level);
        PyObject *to = held_get(H, h, s_to_level), *h_on = held_get(H, h, s_on), *to_body = held_get(H, h, s_to_body);
        if (action == NULL || by == NULL || to == NULL || h_on == NULL || to_body == NULL
            || !PyUnicode_CheckExact(action) || !PyUnicode_CheckExact(by) || !PyUnicode_CheckExact(to)
            || (to_body != Py_None && !PyUnicode_CheckExact(to_body)) || blank(by) || blank(to) || blank(to_body))
            goto none;
        if (PyUnicode_Compare(action, s_assigned) != 0 && PyUnicode_Compare(action, s_reported) != 0)
            goto none;
        steps[i].raw = h;
        steps[i].action = action;
        if ((steps[i].day = held_day(H, h_on)) == NULL
            || (steps[i].step = memo_tuple(H, memo, PyTuple_Pack(4, s_h, by, to, to_body), 3)) == NULL)
            goto none;
    }
    /* the days and the concealers (_plain_tail) */
    PyObject *deadline = held_get(H, raw, s_deadline), *rectified = held_get(H, raw, s_rectified_on);
    PyObject *as_of = held_get(H, raw, s_as_of), *concealed = held_get(H, raw, s_concealed_by);
    if (deadline == NULL || rectified == NULL || as_of == NULL || concealed == NULL || as_of == Py_None)
        goto none;  /* (no as_of: _plainly_in_order reads today) */
    if ((deadline != Py_None && (deadline = held_day(H, deadline)) == NULL)
        || (rectified != Py_None && (rectified = held_day(H, rectified)) == NULL)
        || (as_of = held_day(H, as_of)) == NULL)
        goto none;
    if (concealed != Py_None && (!PyList_CheckExact(concealed) || PyList_GET_SIZE(concealed) > MAX_ITEMS))
        goto none;
    Py_ssize_t nwho = concealed == Py_None ? 0 : PyList_GET_SIZE(concealed);
    if ((who = PyList_New(nwho)) == NULL)
        goto none;
    for (Py_ssize_t i = 0; i < nwho; i++) {
        if (i >= PyList_GET_SIZE(concealed))  /* (the concealer code may have run another thread's) */
            goto none;
        PyObject *c = hold(H, PyList_GET_ITEM(concealed, i));
        if (c == NULL || !PyUnicode_CheckExact(c))
            goto none;
        PyObject *id = PyObject_CallFunctionObjArgs(p_concealer_fn, names, c, NULL);
        if (id == NULL)
            goto none;
        PyList_SET_ITEM(who, i, id);
        if (!plain_text(id))
            goto none;
    }
    /* the place: its code and level (coded), the jurisdiction's place, its clashing level words */
    coded = PyDict_GetItemWithError(p_coded, place);
    if (coded != NULL)
        Py_INCREF(coded);
    else if (PyErr_Occurred() || ((coded = coded_plainly(place)) == NULL
                                  && (PyErr_Occurred() || (coded = PyObject_CallOneArg(p_coded_fn, place)) == NULL)))
        goto none;
    if (!PyTuple_CheckExact(coded) || PyTuple_GET_SIZE(coded) != 2 || !PyUnicode_CheckExact(PyTuple_GET_ITEM(coded, 0))
        || !PyUnicode_CheckExact(PyTuple_GET_ITEM(coded, 1)))
        goto none;
    PyObject *code = PyTuple_GET_ITEM(coded, 0), *place_level = PyTuple_GET_ITEM(coded, 1);
    here = PyObject_CallMethodOneArg(jur, s_get, code);
    if (here == NULL || here == Py_None)
        goto none;
    /* (the memo's dict of the jurisdiction's places: _problem._places_of) */
    PyObject *of_places = PyDict_GetItemWithError(clashes, jur);
    if (of_places != NULL && !PyDict_CheckExact(of_places))
        goto none;
    PyObject *clash = of_places == NULL ? NULL : PyDict_GetItemWithError(of_places, place);
    if (clash == NULL) {
        if (PyErr_Occurred())
            goto none;
        clash = PyObject_CallFunctionObjArgs(p_clash_fn, state, jur, place, code, place_level, here, NULL);
        if (clash == NULL)
            goto none;
        Py_DECREF(clash);  /* (compared with None only) */
    }
    if (clash != Py_None)
        goto none;  /* (_level_words_of_the_place reads the record's levels) */
    if (PyUnicode_Compare(place_level, s_village) == 0) {
        /* an urban community's (chain._jurisdiction.is_residents_committee): residents_committee_place's */
        if (PyUnicode_GET_LENGTH(code) != 12 || !PyUnicode_IS_ASCII(code))
            goto none;
        char c9 = (char)PyUnicode_1BYTE_DATA(code)[9];
        if (c9 == '0' || c9 == '1' || c9 == '4' || c9 == '5')
            goto none;
    }
    /* the shape of names found sound before (_check's key), and the days in the plainest order */
    PyObject *area_id = PyTuple_GET_ITEM(terms, 0), *kind_id = PyTuple_GET_ITEM(terms, 1);
    PyObject *sector_id = PyTuple_GET_ITEM(terms, 2), *severity_id = PyTuple_GET_ITEM(terms, 3);
    PyObject *level_id = PyTuple_GET_ITEM(found, 0), *channel_id = PyTuple_GET_ITEM(found, 1);
    PyObject *body_id = PyTuple_GET_ITEM(found, 2);
    if ((key = PyTuple_New(9)) == NULL)
        goto none;
    PyObject *parts[7] = {area_id, kind_id, sector_id, place_level, level_id, channel_id, body_id};
    for (int i = 0; i < 7; i++) {
        Py_INCREF(parts[i]);
        PyTuple_SET_ITEM(key, i, parts[i]);
    }
    PyObject *shapes = PyTuple_New(nsteps);
    if (shapes == NULL)
        goto none;
    PyTuple_SET_ITEM(key, 7, shapes);
    for (Py_ssize_t i = 0; i < nsteps; i++) {
        PyObject *s = steps[i].step;
        PyObject *four = PyTuple_Pack(4, steps[i].action, PyTuple_GET_ITEM(s, 0), PyTuple_GET_ITEM(s, 1),
                                      PyTuple_GET_ITEM(s, 2));
        if (four == NULL)
            goto none;
        PyTuple_SET_ITEM(shapes, i, four);
    }
    PyObject *whos = PyList_AsTuple(who);
    if (whos == NULL)
        goto none;
    PyTuple_SET_ITEM(key, 8, whos);
    if (PyDict_Contains(sound, key) != 1)
        goto none;
    long d_on = day_number(on), d_as_of = day_number(as_of);
    if (d_as_of < d_on || (since != Py_None && d_on < day_number(since)))
        goto none;
    long d_deadline = deadline == Py_None ? 0 : day_number(deadline);
    long d_last = d_on;  /* (each step on or after the one before it: _plainly_in_order) */
    for (Py_ssize_t i = 0; i < nsteps; i++) {
        long d = day_number(steps[i].day);
        if (d < d_last || d > d_as_of
            || (deadline != Py_None && d_deadline < d && PyUnicode_Compare(steps[i].action, s_assigned) == 0))
            goto none;
        d_last = d;
    }
    if (rectified != Py_None && (day_number(rectified) < d_on || day_number(rectified) > d_as_of))
        goto none;
    if (deadline != Py_None && d_deadline < d_on)
        goto none;
    /* the models, as _parsed_plainly makes them */
    PyObject *dkeys[4] = {s_level, s_channel, s_on, s_body};
    PyObject *dvals[4] = {level_id, channel_id, on, body_id};
    PyObject *dmodel = made(p_Discovered, dict_of(4, dkeys, dvals), given(discovered));
    if (dmodel == NULL || hold(H, dmodel) == NULL) {
        Py_XDECREF(dmodel);
        goto none;
    }
    Py_DECREF(dmodel);  /* (held) */
    if ((handled_out = PyList_New(nsteps)) == NULL)
        goto none;
    for (Py_ssize_t i = 0; i < nsteps; i++) {
        PyObject *s = steps[i].step;
        PyObject *hkeys[5] = {s_action, s_by_level, s_to_level, s_to_body, s_on};
        PyObject *hvals[5] = {steps[i].action, PyTuple_GET_ITEM(s, 0), PyTuple_GET_ITEM(s, 1), PyTuple_GET_ITEM(s, 2),
                              steps[i].day};
        PyObject *hm = made(p_Handling, dict_of(5, hkeys, hvals), given(steps[i].raw));
        if (hm == NULL)
            goto none;
        PyList_SET_ITEM(handled_out, i, hm);
    }
    PyObject *fields = given(raw);
    if (fields == NULL)
        goto none;
    int had_domain = PySet_Discard(fields, s_domain);
    if (had_domain < 0 || (had_domain == 1 && PySet_Add(fields, s_area) < 0)) {
        Py_DECREF(fields);
        goto none;
    }
    PyObject *pkeys[12] = {s_id, s_area, s_kind, s_sector, s_place, s_severity, s_discovered, s_handled, s_deadline,
                           s_rectified_on, s_concealed_by, s_as_of};
    PyObject *pvals[12] = {pid, area_id, kind_id, sector_id, place, severity_id, dmodel, handled_out, deadline,
                           rectified, who, as_of};
    if ((out = made(p_Problem, dict_of(12, pkeys, pvals), fields)) == NULL)
        goto none;
    goto done;
none:
    PyErr_Clear();
    Py_CLEAR(out);
    out = Py_None;
    Py_INCREF(out);
done:
    Py_XDECREF(who);
    Py_XDECREF(coded);
    Py_XDECREF(here);
    Py_XDECREF(key);
    Py_XDECREF(handled_out);
    if (steps != stack)
        PyMem_Free(steps);
    for (Py_ssize_t i = 0; i < held.n; i++)
        Py_DECREF(held.at[i]);
    if (held.at != held.stack)
        PyMem_Free(held.at);
    return out;
}

/* ------------------------------------------------------------------------------------------------------------
   The rules derive's facts meet (engine/_engine_compiled.py CompiledEngine.fire_read, derived=True), read in C.

   fire_derived(met, area, facts) -> (hits, tokens) or None: where every fact of the list `facts` (each a dict whose
   first value is its id) has its entry in the dict `met` by the key fire_read makes, (area, the fact's values but the
   first), that entry being (rules, token): hits, a new list of (rule, fact) for each rule each fact met, in fact
   order then rule order; tokens, a new tuple of the token of each fact that met a rule — as fire_read gives them.
   None where a fact is not such a dict, its key cannot be hashed or has no entry, or an entry is not such a pair: the
   Python path then reads the facts (and fills `met`). It changes nothing. */
static PyObject *fire_derived(PyObject *module, PyObject *const *args, Py_ssize_t nargs) {
    if (nargs != 3 || !PyDict_CheckExact(args[0]) || !PyList_CheckExact(args[2])) {
        PyErr_SetString(PyExc_TypeError, "fire_derived(met: dict, area, facts: list)");
        return NULL;
    }
    PyObject *met = args[0], *area = args[1], *facts = args[2];
    PyObject *hits = PyList_New(0), *tokens = PyList_New(0), *fact = NULL, *key = NULL, *got = NULL;
    if (hits == NULL || tokens == NULL)
        goto fail;
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(facts); i++) {
        fact = PyList_GET_ITEM(facts, i);
        Py_INCREF(fact);
        Py_ssize_t m = PyDict_CheckExact(fact) ? PyDict_GET_SIZE(fact) : 0;
        if (m < 1)
            goto none;
        PyObject *values = PyTuple_New(m - 1);
        if (values == NULL)
            goto fail;
        Py_ssize_t pos = 0, k = 0;
        PyObject *name, *value;
        while (PyDict_Next(fact, &pos, &name, &value)) {
            if (k > 0) {
                if (k > m - 1)  /* (no Python code runs here: the dict cannot grow) */
                    break;
                Py_INCREF(value);
                PyTuple_SET_ITEM(values, k - 1, value);
            }
            k++;
        }
        if (k != m) {
            Py_DECREF(values);
            goto none;
        }
        key = PyTuple_Pack(2, area, values);
        Py_DECREF(values);
        if (key == NULL)
            goto fail;
        got = PyDict_GetItemWithError(met, key);  /* (a key's values may be compared: hold what is read) */
        Py_CLEAR(key);
        if (got == NULL)
            goto none;
        Py_INCREF(got);
        if (!PyTuple_CheckExact(got) || PyTuple_GET_SIZE(got) != 2 || !PyTuple_CheckExact(PyTuple_GET_ITEM(got, 0)))
            goto none;
        PyObject *rules = PyTuple_GET_ITEM(got, 0);
        Py_ssize_t nr = PyTuple_GET_SIZE(rules);
        for (Py_ssize_t r = 0; r < nr; r++) {
            PyObject *hit = PyTuple_Pack(2, PyTuple_GET_ITEM(rules, r), fact);
            if (hit == NULL)
                goto fail;
            int rc = PyList_Append(hits, hit);
            Py_DECREF(hit);
            if (rc < 0)
                goto fail;
        }
        if (nr && PyList_Append(tokens, PyTuple_GET_ITEM(got, 1)) < 0)
            goto fail;
        Py_CLEAR(got);
        Py_CLEAR(fact);
    }
    PyObject *out = PyTuple_New(2);
    PyObject *tuple = out == NULL ? NULL : PyList_AsTuple(tokens);
    if (tuple == NULL) {
        Py_XDECREF(out);
        goto fail;
    }
    PyTuple_SET_ITEM(out, 0, hits);
    PyTuple_SET_ITEM(out, 1, tuple);
    Py_DECREF(tokens);
    return out;
none:  /* (an error here, as a key that cannot be hashed, is the Python path's to raise) */
    PyErr_Clear();
    Py_XDECREF(got);
    Py_XDECREF(fact);
    Py_XDECREF(hits);
    Py_XDECREF(tokens);
    Py_RETURN_NONE;
fail:
    Py_XDECREF(key);
    Py_XDECREF(got);
    Py_XDECREF(fact);
    Py_XDECREF(hits);
    Py_XDECREF(tokens);
    return NULL;
}

/* ------------------------------------------------------------------------------------------------------------
   A verdict's slots (engine/_decide.py Decider._sheet), made in C.

   sheet_slots(row_slots, code, digits, places, found, handed, received, iso, assigned, lowest, assigned_to,
               assignees, in_force, since_values, place_entry, jurisdiction) -> list | None

   The list _sheet's slot loop makes from a plan's rows' slots (lvl, level, to, own): for each, (the place's code, its
   name, values), values a copy of `found` with "place" set to the name a reason gives the place at `level` (read
   from `places` by the first digits[level] digits of `code`, or made there by place_entry(places, jurisdiction,
   code, level, prefix) where `places` lacks them) and, where lvl is an int, "received" (the day the body
   was handed it, handed[(lvl, own)], where own is not None; else received[lvl]) as iso[day], since_values(in_force)'s
   items where that day is before `in_force`, and where `assigned` is not empty "assigned" and "deadline" (of
   assigned_to[(lvl, to)] where to is not None and it is there, else assigned[lvl] where lvl is in assigned, else
   assigned[lowest]) as iso gives them and "assignee", "assignee_en" from assignees[rank]. But for a new place it reads
   those memos only: None where one lacks what it needs (a day not formatted yet, a body's handed day the context
   does not hold, an object not of the exact type the loop expects), with nothing changed, and the Python loop then
   makes the slots (filling the memos). It makes the same dicts, with the same keys in the same order, as the loop. */

/* d[key] for an exact dict d, borrowed; NULL without an error where it is absent (or d is no exact dict). */
static PyObject *memo_get(PyObject *d, PyObject *key, int *err) {
    if (!PyDict_CheckExact(d))
        return NULL;
    PyObject *got = PyDict_GetItemWithError(d, key);
    if (got == NULL && PyErr_Occurred())
        *err = 1;
    return got;
}

/* d[(a, b)] (borrowed), as memo_get; *err = -1 where the key itself could not be made (an exception is set). */
static PyObject *memo_get2(PyObject *d, PyObject *a, PyObject *b, int *err) {
    PyObject *key = PyTuple_Pack(2, a, b);
    if (key == NULL) {
        *err = -1;
        return NULL;
    }
    PyObject *got = memo_get(d, key, err);
    Py_DECREF(key);
    return got;
}

/* iso[day] as a str (borrowed), NULL where not kept. */
static PyObject *iso_of(PyObject *iso, PyObject *day, int *err) {
    PyObject *text = memo_get(iso, day, err);
    return text != NULL && PyUnicode_CheckExact(text) && PyUnicode_GET_LENGTH(text) > 0 ? text : NULL;
}

static PyObject *sheet_slots(PyObject *module, PyObject *const *args, Py_ssize_t nargs) {
    if (nargs != 16) {
        PyErr_SetString(PyExc_TypeError, "sheet_slots(row_slots, code, digits, places, found, handed, received, iso, "
                                         "assigned, lowest, assigned_to, assignees, in_force, since_values, "
                                         "place_entry, jurisdiction)");
        return NULL;
    }
    PyObject *row_slots = args[0], *code = args[1], *digits = args[2], *places = args[3], *found = args[4],
             *handed = args[5], *received = args[6], *iso = args[7], *assigned = args[8], *lowest = args[9],
             *assigned_to = args[10], *assignees = args[11], *in_force = args[12], *since_of = args[13],
             *place_entry = args[14], *jurisdiction = args[15];
    if (!PyTuple_CheckExact(row_slots) || !PyUnicode_CheckExact(code) || !PyDict_CheckExact(found)
        || !PyDict_CheckExact(assigned) || !PyDict_CheckExact(digits) || !PyDict_CheckExact(places))
        Py_RETURN_NONE;
    int any_assigned = PyDict_GET_SIZE(assigned) > 0, err = 0;
    Py_ssize_t n = PyTuple_GET_SIZE(row_slots);
    PyObject *out = PyList_New(0);
    if (out == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *row = PyTuple_GET_ITEM(row_slots, i);
        if (!PyTuple_CheckExact(row) || PyTuple_GET_SIZE(row) != 4)
            goto none;
        PyObject *lvl = PyTuple_GET_ITEM(row, 0), *level = PyTuple_GET_ITEM(row, 1), *to = PyTuple_GET_ITEM(row, 2),
                 *own = PyTuple_GET_ITEM(row, 3);
        PyObject *width = memo_get(digits, level, &err);
        if (width == NULL || !PyLong_CheckExact(width))
            goto none;
        Py_ssize_t w = PyLong_AsSsize_t(width);
        if (w < 0)
            goto none;
        PyObject *prefix = PyUnicode_Substring(code, 0, w);
        if (prefix == NULL)
            goto fail;
        PyObject *got = memo_get(places, prefix, &err);
        if (got == NULL && !err)  /* (a place not met yet: place_entry makes its entry, as the loop does) */
            got = PyObject_CallFunctionObjArgs(place_entry, places, jurisdiction, code, level, prefix, NULL);
        else
            Py_XINCREF(got);
        Py_DECREF(prefix);
        if (got == NULL)
            goto fail;  /* (place_entry's error, or the look-up's: the loop's would be the same) */
        if (!PyTuple_CheckExact(got) || PyTuple_GET_SIZE(got) != 3) {
            Py_DECREF(got);
            goto none;
        }
        PyObject *values = PyDict_Copy(found);
        PyObject *slot = values == NULL ? NULL
                         : PyTuple_Pack(3, PyTuple_GET_ITEM(got, 0), PyTuple_GET_ITEM(got, 1), values);
        Py_XDECREF(values);  /* (the slot holds it) */
        int rc = slot == NULL ? -1 : PyList_Append(out, slot);
        Py_XDECREF(slot);
        if (rc < 0 || PyDict_SetItem(values, k_place, PyTuple_GET_ITEM(got, 2)) < 0) {
            Py_DECREF(got);
            goto fail;
        }
        Py_DECREF(got);
        if (!PyLong_Check(lvl))
            continue;
        PyObject *day;
        if (own != Py_None) {
            day = memo_get2(handed, lvl, own, &err);
            if (err < 0)
                goto fail;
            if (day == NULL || day == Py_None)  /* (handed_on reads the record: the loop's) */
                goto none;
        }
        else {
            if (!PyDict_CheckExact(received))
                goto none;
            day = memo_get(received, lvl, &err);
            if (err)
                goto none;
        }
        if (day != NULL && day != Py_None) {
            PyObject *text = iso_of(iso, day, &err);
            if (text == NULL || PyDict_SetItem(values, k_received, text) < 0)
                goto none;
            if (in_force != Py_None) {
                int before = PyObject_RichCompareBool(day, in_force, Py_LT);
                if (before < 0)
                    goto none;
                if (before) {
                    PyObject *since = PyObject_CallOneArg(since_of, in_force);
                    if (since == NULL)
                        goto none;
                    rc = PyDict_Update(values, since);
                    Py_DECREF(since);
                    if (rc < 0)
                        goto none;
                }
            }
        }
        if (any_assigned) {
            int here = PyDict_Contains(assigned, lvl);
            if (here < 0)
                goto none;
            PyObject *rank = here ? lvl : lowest;
            PyObject *pair = NULL;
            if (to != Py_None) {
                pair = memo_get2(assigned_to, lvl, to, &err);
                if (err < 0)
                    goto fail;
                if (err || !PyDict_CheckExact(assigned_to))
                    goto none;
            }
            if (pair == NULL)
                pair = memo_get(assigned, rank, &err);
            PyObject *names = memo_get(assignees, rank, &err);
            if (pair == NULL || !PyTuple_CheckExact(pair) || PyTuple_GET_SIZE(pair) != 2 || names == NULL
                || !PyTuple_CheckExact(names) || PyTuple_GET_SIZE(names) != 2)
                goto none;
            PyObject *on = iso_of(iso, PyTuple_GET_ITEM(pair, 0), &err),
                     *deadline = iso_of(iso, PyTuple_GET_ITEM(pair, 1), &err);
            if (on == NULL || deadline == NULL || PyDict_SetItem(values, k_assigned, on) < 0
                || PyDict_SetItem(values, k_deadline, deadline) < 0
                || PyDict_SetItem(values, k_assignee, PyTuple_GET_ITEM(names, 0)) < 0
                || PyDict_SetItem(values, k_assignee_en, PyTuple_GET_ITEM(names, 1)) < 0)
                goto none;
        }
    }
    return out;
none:  /* (an error here, as a key that cannot be hashed, is the Python loop's to raise) */
    PyErr_Clear();
    Py_DECREF(out);
    Py_RETURN_NONE;
fail:
    Py_DECREF(out);
    return NULL;
}

/* untrack(obj, types) -> int: stop the garbage collector tracking `obj` and what it holds, where none of it can be
   part of a reference cycle, so that a full collection no longer walks what a decider keeps (its rules, forms and
   memo tuples: most of a warm process's tracked objects). An object is left to the collector (tracked) unless it
   is an exact tuple, frozenset or dict, or an instance of one of the classes `types` (classes whose instances
   are not changed after they are made, or whose changes call `settle` below), and everything it refers to is
   untracked, atomic, a class, a module, or a function of a module or class (long-lived objects that refer to
   nothing a caller makes); what it holds is untracked first, depth first. An object met again while its own
   contents are being read is in a cycle and stays tracked. Untracking never frees anything: an untracked object
   is still freed when its last reference goes, and what it refers to counts as referenced from outside (a
   collection frees less, never more). A dict is tracked again by CPython when a tracked object is put in it;
   CPython itself untracks tuples and dicts of atomic values the same way. Returns how many were untracked. */

#define UNTRACK_DEPTH 64
typedef struct {
    PyObject *types;   /* a tuple of classes */
    PyObject *kept;    /* a set of the addresses of the objects found to stay tracked (made when the first is) */
    int unsafe;        /* what the object being read refers to: something that may refer back to it */
    int depth;
    Py_ssize_t count;
    PyObject *path[UNTRACK_DEPTH];  /* the objects being read, outermost first (borrowed: the caller holds them) */
} Untrack;

static int long_lived(PyObject *o) {
    if (PyType_Check(o) || PyModule_Check(o))
        return 1;
    if (PyCFunction_Check(o)) {
        PyObject *self = PyCFunction_GET_SELF(o);
        return self == NULL || PyModule_Check(self) || PyType_Check(self);
    }
    return 0;
}

static int untrack_one(PyObject *o, Untrack *u);

static int untrack_visit(PyObject *o, void *arg) {
    Untrack *u = (Untrack *)arg;
    if (o == NULL || !PyObject_IS_GC(o) || !PyObject_GC_IsTracked(o) || long_lived(o))
        return 0;
    if (untrack_one(o, u) < 0)
        return -1;
    if (PyObject_GC_IsTracked(o))
        u->unsafe = 1;
    return 0;
}

/* Untrack `o` (tracked) where it and what it holds can be: 0, or -1 with an error set. An object met again while it is
   being read (on `path`: a cycle) or found before to stay tracked (in `kept`) is not read again. (The objects being
   read are told by a look along the path, a few deep, not by a set of their addresses: a set took an int object
   and three set operations per object read, most of what untracking a new plan's rows cost.) */
static int untrack_one(PyObject *o, Untrack *u) {
    PyTypeObject *t = Py_TYPE(o);
    int eligible = t == &PyTuple_Type || t == &PyFrozenSet_Type || t == &PyDict_Type;
    if (!eligible) {
        Py_ssize_t n = PyTuple_GET_SIZE(u->types);
        for (Py_ssize_t i = 0; i < n && !eligible; i++)
            eligible = (PyObject *)t == PyTuple_GET_ITEM(u->types, i);
    }
    if (!eligible || u->depth >= UNTRACK_DEPTH)
        return 0;
    for (int k = 0; k < u->depth; k++)
        if (u->path[k] == o)
            return 0;  /* (in a cycle with what is being read) */
    if (u->kept != NULL) {
        PyObject *addr = PyLong_FromVoidPtr(o);
        if (addr == NULL)
            return -1;
        int met = PySet_Contains(u->kept, addr);
        Py_DECREF(addr);
        if (met != 0)
            return met < 0 ? -1 : 0;  /* (left tracked before) */
    }
    int outer = u->unsafe;
    u->unsafe = 0;
    u->path[u->depth++] = o;
    int err = t->tp_traverse(o, untrack_visit, u);
    u->depth--;
    if (err == 0 && PyObject_GC_IsTracked(o)) {
        if (!u->unsafe) {
            PyObject_GC_UnTrack(o);
            u->count++;
        }
        else {  /* it stays tracked: kept, so that what else refers to it does not read it again */
            PyObject *addr = PyLong_FromVoidPtr(o);
            if (addr == NULL || (u->kept == NULL && (u->kept = PySet_New(NULL)) == NULL) || PySet_Add(u->kept, addr) < 0)
                err = -1;
            Py_XDECREF(addr);
        }
    }
    u->unsafe = outer;
    return err < 0 ? -1 : 0;
}

static PyObject *untrack(PyObject *module, PyObject *const *args, Py_ssize_t nargs) {
    if (nargs != 2 || !PyTuple_Check(args[1])) {
        PyErr_SetString(PyExc_TypeError, "untrack(obj, types): types is a tuple of classes");
        return NULL;
    }
    Untrack u = {args[1], NULL, 0, 0, 0, {NULL}};
    PyObject *o = args[0];
    int err = PyObject_IS_GC(o) && PyObject_GC_IsTracked(o) ? untrack_one(o, &u) : 0;
    Py_XDECREF(u.kept);
    return err < 0 ? NULL : PyLong_FromSsize_t(u.count);
}

/* settle(obj) -> bool: after `obj` (an object untrack untracked) was changed, untrack what it now holds as untrack
   would (tuples, frozensets and dicts only), and track `obj` again if it holds something that stays tracked (that
   may refer back to it); whether it is tracked. An object tracked is left as it is. */
static PyObject *settle(PyObject *module, PyObject *obj) {
    if (PyObject_IS_GC(obj) && !PyObject_GC_IsTracked(obj)) {
        PyObject *none = PyTuple_New(0);
        Untrack u = {none, NULL, 0, 0, 0, {NULL}};
        int err = none == NULL ? -1 : Py_TYPE(obj)->tp_traverse(obj, untrack_visit, &u);
        Py_XDECREF(none);
        Py_XDECREF(u.kept);
        if (err < 0)
            return NULL;
        if (u.unsafe)
            PyObject_GC_Track(obj);
    }
    return PyBool_FromLong(PyObject_IS_GC(obj) && PyObject_GC_IsTracked(obj));
}

static PyMethodDef methods[] = {
    {"finding_dicts", (PyCFunction)(void (*)(void))finding_dicts, METH_FASTCALL,
     "finding_dicts(forms, slot_of, slots, en, make): a verdict's finding dicts."},
    {"interpretation_dicts", (PyCFunction)(void (*)(void))interpretation_dicts, METH_FASTCALL,
     "interpretation_dicts(specs, _=None): a verdict's interpretation dicts."},
    {"plain_setup", (PyCFunction)(void (*)(void))plain_setup, METH_FASTCALL,
     "plain_setup(...): what plain_record reads (engine/_problem.py)."},
    {"plain_record", (PyCFunction)(void (*)(void))plain_record, METH_FASTCALL,
     "plain_record(raw, policy, jurisdiction): a plain record's Problem, or None."},
    {"fire_derived", (PyCFunction)(void (*)(void))fire_derived, METH_FASTCALL,
     "fire_derived(met, area, facts): the hits and tokens of derive's facts, or None (engine/_engine_compiled.py)."},
    {"sheet_slots", (PyCFunction)(void (*)(void))sheet_slots, METH_FASTCALL,
     "sheet_slots(row_slots, code, digits, places, found, handed, received, iso, assigned, lowest, assigned_to, "
     "assignees, in_force, since_values, place_entry, jurisdiction): a verdict's slots from kept memos, or None (engine/_decide.py)."},
    {"untrack", (PyCFunction)(void (*)(void))untrack, METH_FASTCALL,
     "untrack(obj, types): untrack obj and what it holds where none of it can be in a cycle; how many."},
    {"settle", (PyCFunction)settle, METH_O,
     "settle(obj): untrack what obj now holds, or track obj again; whether it is tracked."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "_dicts", "A verdict's dicts, a plain record's model, and the rules derive's facts meet, made in C.", -1, methods, NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC PyInit__dicts(void) {
    if (!(k_place = PyUnicode_InternFromString("place")) || !(k_clauses = PyUnicode_InternFromString("clauses"))
        || !(k_reason = PyUnicode_InternFromString("reason")) || !(k_value = PyUnicode_InternFromString("value"))
        || !(k_findings = PyUnicode_InternFromString("findings"))
        || !(k_proto = PyUnicode_InternFromString("proto")) || !(k_zh_reason = PyUnicode_InternFromString("zh_reason"))
        || !(k_en_reason = PyUnicode_InternFromString("en_reason"))
        || !(k_received = PyUnicode_InternFromString("received"))
        || !(k_assigned = PyUnicode_InternFromString("assigned"))
        || !(k_deadline = PyUnicode_InternFromString("deadline"))
        || !(k_assignee = PyUnicode_InternFromString("assignee"))
        || !(k_assignee_en = PyUnicode_InternFromString("assignee_en"))
        || !(k_own[0] = PyUnicode_InternFromString("level")) || !(k_own[1] = PyUnicode_InternFromString("body"))
        || !(k_own[2] = PyUnicode_InternFromString("name")) || !(k_own[3] = PyUnicode_InternFromString("basis"))
        || !(k_own[4] = PyUnicode_InternFromString("liability")) || !(k_id = PyUnicode_InternFromString("id"))
        || !(k_type = PyUnicode_InternFromString("type")) || !(k_why = PyUnicode_InternFromString("why")))
        return NULL;
    if (plain_strings() < 0)
        return NULL;
    return PyModule_Create(&module);
}
