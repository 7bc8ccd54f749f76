/* A verdict's dicts (engine/_verdict.py Verdict.to_dict), made in C: the finding dicts and the interpretation
   dicts of one verdict, each a copy of a dict of its form's own values with the record's set in it, as the
   Python dict makers (_verdict.finding_dict_maker, interpretations_maker) make them — the same keys in the same
   order, the same values, each dict and list the caller's own. Optional: without the extension _verdict.py makes
   them in Python.

   finding_dicts(forms, slot_of, slots, en, make) -> list: finding i's dict, of form forms[i] in slot
   slots[slot_of[i]] = (place code, place name, values), from what the form keeps for it (_verdict.finding_spec;
   where the form has none yet, make(form, en) makes it): `proto`, the dict of its own values in Finding.to_dict's
   keys' order; its `clauses`; and its reason in the language, `en_reason` if `en`, else `zh_reason`. The dict is
   a copy of `proto` with "place" set to the slot's code, "clauses" to a new list of the form's clauses and
   "reason" to the reason: where the form's reason is a tuple (literal, field, literal, field, ..., literal), the
   literals joined with values[field] between them, each formatted as an f-string's {v[field]} formats it (a str
   as it is, anything else by format(x, "")); else the reason is called with `values`.

   interpretation_dicts(specs, _) -> list: for each spec (proto, value, findings): a copy of `proto` with
   "findings" set to a new list of the tuple `findings` and, where `value` is not None (a list value), "value" to
   a new list of it. The second argument is not read (Sheet.interpretation_calls is called with one). */

#define PY_SSIZE_T_CLEAN
#include <Python.h>

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

/* The dict of a finding of `form` (its proto, clauses and reason `name` read) in `slot`; make(form, en) first where
   the form has no proto or no reason in the language yet. */
static PyObject *finding_dict(PyObject *form, PyObject *name, PyObject *slot, PyObject *make, int en) {
    if (!PyTuple_Check(slot) || PyTuple_GET_SIZE(slot) != 3) {
        PyErr_SetString(PyExc_TypeError, "a slot is (place code, place name, values)");
        return NULL;
    }
    PyObject *proto = NULL, *reason = NULL, *clauses = NULL, *d = NULL;
    for (int attempt = 0; attempt < 2; attempt++) {
        proto = PyObject_GetAttr(form, k_proto);
        if (proto == NULL)
            return NULL;
        reason = PyObject_GetAttr(form, name);
        if (reason == NULL)
            goto done;
        if (proto != Py_None && reason != Py_None)
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
    }
    if (!PyDict_Check(proto)) {
        PyErr_SetString(PyExc_TypeError, "a form's proto is a dict");
        goto done;
    }
    clauses = PyObject_GetAttr(form, k_clauses);
    if (clauses == NULL)
        goto done;
    if (!PyTuple_Check(clauses)) {
        PyErr_SetString(PyExc_TypeError, "a form's clauses are a tuple");
        goto done;
    }
    d = PyDict_Copy(proto);
    if (d == NULL)
        goto done;
    PyObject *values = PyTuple_GET_ITEM(slot, 2);
    if (PyDict_SetItem(d, k_place, PyTuple_GET_ITEM(slot, 0)) < 0
        || set_new(d, k_clauses, list_of(clauses)) < 0
        || set_new(d, k_reason, PyTuple_CheckExact(reason) ? reason_of(reason, values)
                                                           : PyObject_CallOneArg(reason, values)) < 0)
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
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_ssize_t s = PyLong_AsSsize_t(PyTuple_GET_ITEM(slot_of, i));
        if (s == -1 && PyErr_Occurred())
            goto fail;
        if (s < 0 || s >= PyList_GET_SIZE(slots)) {
            PyErr_SetString(PyExc_IndexError, "finding_dicts: a slot number out of range");
            goto fail;
        }
        PyObject *d = finding_dict(PyTuple_GET_ITEM(forms, i), name, PyList_GET_ITEM(slots, s), make, en);
        if (d == NULL)
            goto fail;
        PyList_SET_ITEM(out, i, d);
    }
    return out;
fail:
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
        if (!PyTuple_CheckExact(spec) || PyTuple_GET_SIZE(spec) != 3 || !PyDict_Check(PyTuple_GET_ITEM(spec, 0))
            || !PyTuple_Check(PyTuple_GET_ITEM(spec, 2))) {
            PyErr_SetString(PyExc_TypeError, "an interpretation's spec is (proto dict, list value or None, findings)");
            goto fail;
        }
        PyObject *d = PyDict_Copy(PyTuple_GET_ITEM(spec, 0));
        if (d == NULL)
            goto fail;
        PyList_SET_ITEM(out, i, d);
        PyObject *value = PyTuple_GET_ITEM(spec, 1);
        if ((value != Py_None && set_new(d, k_value, PySequence_List(value)) < 0)
            || set_new(d, k_findings, list_of(PyTuple_GET_ITEM(spec, 2))) < 0)
            goto fail;
    }
    return out;
fail:
    Py_DECREF(out);
    return NULL;
}

static PyMethodDef methods[] = {
    {"finding_dicts", (PyCFunction)(void (*)(void))finding_dicts, METH_FASTCALL,
     "finding_dicts(forms, slot_of, slots, en, make): a verdict's finding dicts."},
    {"interpretation_dicts", (PyCFunction)(void (*)(void))interpretation_dicts, METH_FASTCALL,
     "interpretation_dicts(specs, _=None): a verdict's interpretation dicts."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "_dicts", "A verdict's dicts made in C.", -1, methods, NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC PyInit__dicts(void) {
    if (!(k_place = PyUnicode_InternFromString("place")) || !(k_clauses = PyUnicode_InternFromString("clauses"))
        || !(k_reason = PyUnicode_InternFromString("reason")) || !(k_value = PyUnicode_InternFromString("value"))
        || !(k_findings = PyUnicode_InternFromString("findings"))
        || !(k_proto = PyUnicode_InternFromString("proto")) || !(k_zh_reason = PyUnicode_InternFromString("zh_reason"))
        || !(k_en_reason = PyUnicode_InternFromString("en_reason")))
        return NULL;
    return PyModule_Create(&module);
}
