#include <init.c>
#include <getargs.c>
#include <getargsfast.c>
#include <int_ops.c>
#include <float_ops.c>
#include <str_ops.c>
#include <bytes_ops.c>
#include <list_ops.c>
#include <dict_ops.c>
#include <set_ops.c>
#include <tuple_ops.c>
#include <exc_ops.c>
#include <misc_ops.c>
#include <locks.c>
#include <generic_ops.c>
#include <pythonsupport.c>
#include <function_wrapper.c>
#include "__native_dc479947e61d54220be4.h"
#include "__native_internal_dc479947e61d54220be4.h"

static int
bars___BuilderStats_traverse(spotlight_trader___market___bars___BuilderStatsObject *self, visitproc visit, void *arg)
{
    if (CPyTagged_CheckLong(self->_trades)) {
        Py_VISIT(CPyTagged_LongAsObject(self->_trades));
    }
    if (CPyTagged_CheckLong(self->_ineligible)) {
        Py_VISIT(CPyTagged_LongAsObject(self->_ineligible));
    }
    if (CPyTagged_CheckLong(self->_late_trades)) {
        Py_VISIT(CPyTagged_LongAsObject(self->_late_trades));
    }
    if (CPyTagged_CheckLong(self->_rejected)) {
        Py_VISIT(CPyTagged_LongAsObject(self->_rejected));
    }
    if (CPyTagged_CheckLong(self->_bars)) {
        Py_VISIT(CPyTagged_LongAsObject(self->_bars));
    }
    if (CPyTagged_CheckLong(self->_microbars)) {
        Py_VISIT(CPyTagged_LongAsObject(self->_microbars));
    }
    int rv = 0;
    return rv;
}

static int32_t CPyDef_bars___BuilderStats_clear(PyObject *cpy_r_self)
{
    spotlight_trader___market___bars___BuilderStatsObject *self = (spotlight_trader___market___bars___BuilderStatsObject *)cpy_r_self;
    if (CPyTagged_CheckLong(self->_trades)) {
        CPyTagged __tmp = self->_trades;
        self->_trades = CPY_INT_TAG;
        Py_XDECREF(CPyTagged_LongAsObject(__tmp));
    }
    if (CPyTagged_CheckLong(self->_ineligible)) {
        CPyTagged __tmp = self->_ineligible;
        self->_ineligible = CPY_INT_TAG;
        Py_XDECREF(CPyTagged_LongAsObject(__tmp));
    }
    if (CPyTagged_CheckLong(self->_late_trades)) {
        CPyTagged __tmp = self->_late_trades;
        self->_late_trades = CPY_INT_TAG;
        Py_XDECREF(CPyTagged_LongAsObject(__tmp));
    }
    if (CPyTagged_CheckLong(self->_rejected)) {
        CPyTagged __tmp = self->_rejected;
        self->_rejected = CPY_INT_TAG;
        Py_XDECREF(CPyTagged_LongAsObject(__tmp));
    }
    if (CPyTagged_CheckLong(self->_bars)) {
        CPyTagged __tmp = self->_bars;
        self->_bars = CPY_INT_TAG;
        Py_XDECREF(CPyTagged_LongAsObject(__tmp));
    }
    if (CPyTagged_CheckLong(self->_microbars)) {
        CPyTagged __tmp = self->_microbars;
        self->_microbars = CPY_INT_TAG;
        Py_XDECREF(CPyTagged_LongAsObject(__tmp));
    }
    return 0;
}

static int32_t CPyDef_bars___BuilderStats_clear_on_completion(PyObject *cpy_r_self)
{
    spotlight_trader___market___bars___BuilderStatsObject *self = (spotlight_trader___market___bars___BuilderStatsObject *)cpy_r_self;
    if (CPyTagged_CheckLong(self->_trades)) {
        CPyTagged __tmp = self->_trades;
        self->_trades = CPY_INT_TAG;
        Py_XDECREF(CPyTagged_LongAsObject(__tmp));
    }
    if (CPyTagged_CheckLong(self->_ineligible)) {
        CPyTagged __tmp = self->_ineligible;
        self->_ineligible = CPY_INT_TAG;
        Py_XDECREF(CPyTagged_LongAsObject(__tmp));
    }
    if (CPyTagged_CheckLong(self->_late_trades)) {
        CPyTagged __tmp = self->_late_trades;
        self->_late_trades = CPY_INT_TAG;
        Py_XDECREF(CPyTagged_LongAsObject(__tmp));
    }
    if (CPyTagged_CheckLong(self->_rejected)) {
        CPyTagged __tmp = self->_rejected;
        self->_rejected = CPY_INT_TAG;
        Py_XDECREF(CPyTagged_LongAsObject(__tmp));
    }
    if (CPyTagged_CheckLong(self->_bars)) {
        CPyTagged __tmp = self->_bars;
        self->_bars = CPY_INT_TAG;
        Py_XDECREF(CPyTagged_LongAsObject(__tmp));
    }
    if (CPyTagged_CheckLong(self->_microbars)) {
        CPyTagged __tmp = self->_microbars;
        self->_microbars = CPY_INT_TAG;
        Py_XDECREF(CPyTagged_LongAsObject(__tmp));
    }
    return 0;
}

static void
bars___BuilderStats_dealloc(spotlight_trader___market___bars___BuilderStatsObject *self)
{
    PyObject_GC_UnTrack(self);
    CPy_TRASHCAN_BEGIN(self, bars___BuilderStats_dealloc)
    CPyDef_bars___BuilderStats_clear((PyObject *)self);
    Py_TYPE(self)->tp_free((PyObject *)self);
    CPy_TRASHCAN_END(self)
    done: ;
}

PyObject *CPyDef_bars_____mypyc__BuilderStats_setup(PyObject *cpy_r_type);
PyObject *CPyDef_bars___BuilderStats(PyObject *cpy_r_args, PyObject *cpy_r_kwargs);

static PyObject *
bars___BuilderStats_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    if (type != CPyType_bars___BuilderStats) {
        PyErr_SetString(PyExc_TypeError, "interpreted classes cannot inherit from compiled");
        return NULL;
    }
    PyObject *self = CPyDef_bars_____mypyc__BuilderStats_setup((PyObject*)type);
    if (self == NULL)
        return NULL;
    return self;
}

static CPyVTableItem bars___BuilderStats_vtable[1];
static bool
CPyDef_bars___BuilderStats_trait_vtable_setup(void)
{
    CPyVTableItem bars___BuilderStats_vtable_scratch[] = {
        NULL
    };
    memcpy(bars___BuilderStats_vtable, bars___BuilderStats_vtable_scratch, sizeof(bars___BuilderStats_vtable));
    return 1;
}

static bool
CPyDef_bars___BuilderStats_coroutine_setup(PyObject *type)
{
    return 1;
}

static PyObject *
bars___BuilderStats_get_trades(spotlight_trader___market___bars___BuilderStatsObject *self, void *closure);
static int
bars___BuilderStats_set_trades(spotlight_trader___market___bars___BuilderStatsObject *self, PyObject *value, void *closure);
static PyObject *
bars___BuilderStats_get_ineligible(spotlight_trader___market___bars___BuilderStatsObject *self, void *closure);
static int
bars___BuilderStats_set_ineligible(spotlight_trader___market___bars___BuilderStatsObject *self, PyObject *value, void *closure);
static PyObject *
bars___BuilderStats_get_late_trades(spotlight_trader___market___bars___BuilderStatsObject *self, void *closure);
static int
bars___BuilderStats_set_late_trades(spotlight_trader___market___bars___BuilderStatsObject *self, PyObject *value, void *closure);
static PyObject *
bars___BuilderStats_get_rejected(spotlight_trader___market___bars___BuilderStatsObject *self, void *closure);
static int
bars___BuilderStats_set_rejected(spotlight_trader___market___bars___BuilderStatsObject *self, PyObject *value, void *closure);
static PyObject *
bars___BuilderStats_get_bars(spotlight_trader___market___bars___BuilderStatsObject *self, void *closure);
static int
bars___BuilderStats_set_bars(spotlight_trader___market___bars___BuilderStatsObject *self, PyObject *value, void *closure);
static PyObject *
bars___BuilderStats_get_microbars(spotlight_trader___market___bars___BuilderStatsObject *self, void *closure);
static int
bars___BuilderStats_set_microbars(spotlight_trader___market___bars___BuilderStatsObject *self, PyObject *value, void *closure);
static PyObject *
bars___BuilderStats_get_unpriced_volume(spotlight_trader___market___bars___BuilderStatsObject *self, void *closure);
static int
bars___BuilderStats_set_unpriced_volume(spotlight_trader___market___bars___BuilderStatsObject *self, PyObject *value, void *closure);

static PyGetSetDef bars___BuilderStats_getseters[] = {
    {"trades",
     (getter)bars___BuilderStats_get_trades, (setter)bars___BuilderStats_set_trades,
     NULL, NULL},
    {"ineligible",
     (getter)bars___BuilderStats_get_ineligible, (setter)bars___BuilderStats_set_ineligible,
     NULL, NULL},
    {"late_trades",
     (getter)bars___BuilderStats_get_late_trades, (setter)bars___BuilderStats_set_late_trades,
     NULL, NULL},
    {"rejected",
     (getter)bars___BuilderStats_get_rejected, (setter)bars___BuilderStats_set_rejected,
     NULL, NULL},
    {"bars",
     (getter)bars___BuilderStats_get_bars, (setter)bars___BuilderStats_set_bars,
     NULL, NULL},
    {"microbars",
     (getter)bars___BuilderStats_get_microbars, (setter)bars___BuilderStats_set_microbars,
     NULL, NULL},
    {"unpriced_volume",
     (getter)bars___BuilderStats_get_unpriced_volume, (setter)bars___BuilderStats_set_unpriced_volume,
     NULL, NULL},
    {NULL}  /* Sentinel */
};

static PyMethodDef bars___BuilderStats_methods[] = {
    {"__internal_mypyc_setup", (PyCFunction)CPyDef_bars_____mypyc__BuilderStats_setup, METH_O, NULL},
    {"__setstate__", (PyCFunction)CPyPickle_SetState, METH_O, NULL},
    {"__getstate__", (PyCFunction)CPyPickle_GetState, METH_NOARGS, NULL},
    {NULL}  /* Sentinel */
};

static PyTypeObject CPyType_bars___BuilderStats_template_ = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "BuilderStats",
    .tp_new = bars___BuilderStats_new,
    .tp_dealloc = (destructor)bars___BuilderStats_dealloc,
    .tp_traverse = (traverseproc)bars___BuilderStats_traverse,
    .tp_clear = (inquiry)CPyDef_bars___BuilderStats_clear,
    .tp_getset = bars___BuilderStats_getseters,
    .tp_methods = bars___BuilderStats_methods,
    .tp_basicsize = sizeof(spotlight_trader___market___bars___BuilderStatsObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HEAPTYPE | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
    .tp_doc = PyDoc_STR("BuilderStats()\n--\n\n"),
};
static PyTypeObject *CPyType_bars___BuilderStats_template = &CPyType_bars___BuilderStats_template_;

PyObject *CPyDef_bars_____mypyc__BuilderStats_setup(PyObject *cpy_r_type)
{
    PyTypeObject *type = (PyTypeObject*)cpy_r_type;
    spotlight_trader___market___bars___BuilderStatsObject *self;
    self = (spotlight_trader___market___bars___BuilderStatsObject *)type->tp_alloc(type, 0);
    if (self == NULL)
        return NULL;
    self->vtable = bars___BuilderStats_vtable;
    self->bitmap = 0;
    self->_trades = CPY_INT_TAG;
    self->_ineligible = CPY_INT_TAG;
    self->_late_trades = CPY_INT_TAG;
    self->_rejected = CPY_INT_TAG;
    self->_bars = CPY_INT_TAG;
    self->_microbars = CPY_INT_TAG;
    self->_unpriced_volume = -113.0;
    return (PyObject *)self;
}

PyObject *CPyDef_bars___BuilderStats(PyObject *cpy_r_args, PyObject *cpy_r_kwargs)
{
    PyObject *self = CPyDef_bars_____mypyc__BuilderStats_setup((PyObject *)CPyType_bars___BuilderStats);
    if (self == NULL)
        return NULL;
    int res = CPyType_bars___BuilderStats->tp_init(self, cpy_r_args, cpy_r_kwargs);
    if (res < 0) {
        Py_DECREF(self);
        return NULL;
    }
    return self;
}

static PyObject *
bars___BuilderStats_get_trades(spotlight_trader___market___bars___BuilderStatsObject *self, void *closure)
{
    if (unlikely(self->_trades == CPY_INT_TAG)) {
        PyErr_SetString(PyExc_AttributeError,
            "attribute 'trades' of 'BuilderStats' undefined");
        return NULL;
    }
    CPyTagged_INCREF(self->_trades);
    PyObject *retval = CPyTagged_StealAsObject(self->_trades);
    return retval;
}

static int
bars___BuilderStats_set_trades(spotlight_trader___market___bars___BuilderStatsObject *self, PyObject *value, void *closure)
{
    if (value == NULL) {
        PyErr_SetString(PyExc_AttributeError,
            "'BuilderStats' object attribute 'trades' cannot be deleted");
        return -1;
    }
    CPyTagged tmp;
    if (likely(PyLong_Check(value)))
        tmp = CPyTagged_BorrowFromObject(value);
    else {
        CPy_TypeError("int", value); return -1;
    }
    CPyTagged_INCREF(tmp);
    if (self->_trades != CPY_INT_TAG) {
        CPyTagged_DECREF(self->_trades);
    }
    self->_trades = tmp;
    return 0;
}

static PyObject *
bars___BuilderStats_get_ineligible(spotlight_trader___market___bars___BuilderStatsObject *self, void *closure)
{
    if (unlikely(self->_ineligible == CPY_INT_TAG)) {
        PyErr_SetString(PyExc_AttributeError,
            "attribute 'ineligible' of 'BuilderStats' undefined");
        return NULL;
    }
    CPyTagged_INCREF(self->_ineligible);
    PyObject *retval = CPyTagged_StealAsObject(self->_ineligible);
    return retval;
}

static int
bars___BuilderStats_set_ineligible(spotlight_trader___market___bars___BuilderStatsObject *self, PyObject *value, void *closure)
{
    if (value == NULL) {
        PyErr_SetString(PyExc_AttributeError,
            "'BuilderStats' object attribute 'ineligible' cannot be deleted");
        return -1;
    }
    CPyTagged tmp;
    if (likely(PyLong_Check(value)))
        tmp = CPyTagged_BorrowFromObject(value);
    else {
        CPy_TypeError("int", value); return -1;
    }
    CPyTagged_INCREF(tmp);
    if (self->_ineligible != CPY_INT_TAG) {
        CPyTagged_DECREF(self->_ineligible);
    }
    self->_ineligible = tmp;
    return 0;
}

static PyObject *
bars___BuilderStats_get_late_trades(spotlight_trader___market___bars___BuilderStatsObject *self, void *closure)
{
    if (unlikely(self->_late_trades == CPY_INT_TAG)) {
        PyErr_SetString(PyExc_AttributeError,
            "attribute 'late_trades' of 'BuilderStats' undefined");
        return NULL;
    }
    CPyTagged_INCREF(self->_late_trades);
    PyObject *retval = CPyTagged_StealAsObject(self->_late_trades);
    return retval;
}

static int
bars___BuilderStats_set_late_trades(spotlight_trader___market___bars___BuilderStatsObject *self, PyObject *value, void *closure)
{
    if (value == NULL) {
        PyErr_SetString(PyExc_AttributeError,
            "'BuilderStats' object attribute 'late_trades' cannot be deleted");
        return -1;
    }
    CPyTagged tmp;
    if (likely(PyLong_Check(value)))
        tmp = CPyTagged_BorrowFromObject(value);
    else {
        CPy_TypeError("int", value); return -1;
    }
    CPyTagged_INCREF(tmp);
    if (self->_late_trades != CPY_INT_TAG) {
        CPyTagged_DECREF(self->_late_trades);
    }
    self->_late_trades = tmp;
    return 0;
}

static PyObject *
bars___BuilderStats_get_rejected(spotlight_trader___market___bars___BuilderStatsObject *self, void *closure)
{
    if (unlikely(self->_rejected == CPY_INT_TAG)) {
        PyErr_SetString(PyExc_AttributeError,
            "attribute 'rejected' of 'BuilderStats' undefined");
        return NULL;
    }
    CPyTagged_INCREF(self->_rejected);
    PyObject *retval = CPyTagged_StealAsObject(self->_rejected);
    return retval;
}

static int
bars___BuilderStats_set_rejected(spotlight_trader___market___bars___BuilderStatsObject *self, PyObject *value, void *closure)
{
    if (value == NULL) {
        PyErr_SetString(PyExc_AttributeError,
            "'BuilderStats' object attribute 'rejected' cannot be deleted");
        return -1;
    }
    CPyTagged tmp;
    if (likely(PyLong_Check(value)))
        tmp = CPyTagged_BorrowFromObject(value);
    else {
        CPy_TypeError("int", value); return -1;
    }
    CPyTagged_INCREF(tmp);
    if (self->_rejected != CPY_INT_TAG) {
        CPyTagged_DECREF(self->_rejected);
    }
    self->_rejected = tmp;
    return 0;
}

static PyObject *
bars___BuilderStats_get_bars(spotlight_trader___market___bars___BuilderStatsObject *self, void *closure)
{
    if (unlikely(self->_bars == CPY_INT_TAG)) {
        PyErr_SetString(PyExc_AttributeError,
            "attribute 'bars' of 'BuilderStats' undefined");
        return NULL;
    }
    CPyTagged_INCREF(self->_bars);
    PyObject *retval = CPyTagged_StealAsObject(self->_bars);
    return retval;
}

static int
bars___BuilderStats_set_bars(spotlight_trader___market___bars___BuilderStatsObject *self, PyObject *value, void *closure)
{
    if (value == NULL) {
        PyErr_SetString(PyExc_AttributeError,
            "'BuilderStats' object attribute 'bars' cannot be deleted");
        return -1;
    }
    CPyTagged tmp;
    if (likely(PyLong_Check(value)))
        tmp = CPyTagged_BorrowFromObject(value);
    else {
        CPy_TypeError("int", value); return -1;
    }
    CPyTagged_INCREF(tmp);
    if (self->_bars != CPY_INT_TAG) {
        CPyTagged_DECREF(self->_bars);
    }
    self->_bars = tmp;
    return 0;
}

static PyObject *
bars___BuilderStats_get_microbars(spotlight_trader___market___bars___BuilderStatsObject *self, void *closure)
{
    if (unlikely(self->_microbars == CPY_INT_TAG)) {
        PyErr_SetString(PyExc_AttributeError,
            "attribute 'microbars' of 'BuilderStats' undefined");
        return NULL;
    }
    CPyTagged_INCREF(self->_microbars);
    PyObject *retval = CPyTagged_StealAsObject(self->_microbars);
    return retval;
}

static int
bars___BuilderStats_set_microbars(spotlight_trader___market___bars___BuilderStatsObject *self, PyObject *value, void *closure)
{
    if (value == NULL) {
        PyErr_SetString(PyExc_AttributeError,
            "'BuilderStats' object attribute 'microbars' cannot be deleted");
        return -1;
    }
    CPyTagged tmp;
    if (likely(PyLong_Check(value)))
        tmp = CPyTagged_BorrowFromObject(value);
    else {
        CPy_TypeError("int", value); return -1;
    }
    CPyTagged_INCREF(tmp);
    if (self->_microbars != CPY_INT_TAG) {
        CPyTagged_DECREF(self->_microbars);
    }
    self->_microbars = tmp;
    return 0;
}

static PyObject *
bars___BuilderStats_get_unpriced_volume(spotlight_trader___market___bars___BuilderStatsObject *self, void *closure)
{
    if (unlikely(self->_unpriced_volume == -113.0) && !(((spotlight_trader___market___bars___BuilderStatsObject *)self)->bitmap & 1)) {
        PyErr_SetString(PyExc_AttributeError,
            "attribute 'unpriced_volume' of 'BuilderStats' undefined");
        return NULL;
    }
    PyObject *retval = PyFloat_FromDouble(self->_unpriced_volume);
    return retval;
}

static int
bars___BuilderStats_set_unpriced_volume(spotlight_trader___market___bars___BuilderStatsObject *self, PyObject *value, void *closure)
{
    if (value == NULL) {
        PyErr_SetString(PyExc_AttributeError,
            "'BuilderStats' object attribute 'unpriced_volume' cannot be deleted");
        return -1;
    }
    double tmp;
    tmp = PyFloat_AsDouble(value);
    if (tmp == -1.0 && PyErr_Occurred()) {
        CPy_TypeError("float", value); return -1;
    }
    self->_unpriced_volume = tmp;
    if (unlikely(tmp == -113.0)) {
        ((spotlight_trader___market___bars___BuilderStatsObject *)self)->bitmap |= 1;
    }
    return 0;
}

static int
bars____SymbolState_init(PyObject *self, PyObject *args, PyObject *kwds)
{
    return 0;
}
static int
bars____SymbolState_traverse(spotlight_trader___market___bars____SymbolStateObject *self, visitproc visit, void *arg)
{
    if (CPyTagged_CheckLong(self->_seq)) {
        Py_VISIT(CPyTagged_LongAsObject(self->_seq));
    }
    if (CPyTagged_CheckLong(self->_final_seq)) {
        Py_VISIT(CPyTagged_LongAsObject(self->_final_seq));
    }
    if (CPyTagged_CheckLong(self->_open_ts)) {
        Py_VISIT(CPyTagged_LongAsObject(self->_open_ts));
    }
    if (CPyTagged_CheckLong(self->_close_ts)) {
        Py_VISIT(CPyTagged_LongAsObject(self->_close_ts));
    }
    if (CPyTagged_CheckLong(self->_trades)) {
        Py_VISIT(CPyTagged_LongAsObject(self->_trades));
    }
    if (CPyTagged_CheckLong(self->_b_idx)) {
        Py_VISIT(CPyTagged_LongAsObject(self->_b_idx));
    }
    if (CPyTagged_CheckLong(self->_b_trades)) {
        Py_VISIT(CPyTagged_LongAsObject(self->_b_trades));
    }
    int rv = 0;
    return rv;
}

static int32_t CPyDef_bars____SymbolState_clear(PyObject *cpy_r_self)
{
    spotlight_trader___market___bars____SymbolStateObject *self = (spotlight_trader___market___bars____SymbolStateObject *)cpy_r_self;
    if (CPyTagged_CheckLong(self->_seq)) {
        CPyTagged __tmp = self->_seq;
        self->_seq = CPY_INT_TAG;
        Py_XDECREF(CPyTagged_LongAsObject(__tmp));
    }
    if (CPyTagged_CheckLong(self->_final_seq)) {
        CPyTagged __tmp = self->_final_seq;
        self->_final_seq = CPY_INT_TAG;
        Py_XDECREF(CPyTagged_LongAsObject(__tmp));
    }
    if (CPyTagged_CheckLong(self->_open_ts)) {
        CPyTagged __tmp = self->_open_ts;
        self->_open_ts = CPY_INT_TAG;
        Py_XDECREF(CPyTagged_LongAsObject(__tmp));
    }
    if (CPyTagged_CheckLong(self->_close_ts)) {
        CPyTagged __tmp = self->_close_ts;
        self->_close_ts = CPY_INT_TAG;
        Py_XDECREF(CPyTagged_LongAsObject(__tmp));
    }
    if (CPyTagged_CheckLong(self->_trades)) {
        CPyTagged __tmp = self->_trades;
        self->_trades = CPY_INT_TAG;
        Py_XDECREF(CPyTagged_LongAsObject(__tmp));
    }
    if (CPyTagged_CheckLong(self->_b_idx)) {
        CPyTagged __tmp = self->_b_idx;
        self->_b_idx = CPY_INT_TAG;
        Py_XDECREF(CPyTagged_LongAsObject(__tmp));
    }
    if (CPyTagged_CheckLong(self->_b_trades)) {
        CPyTagged __tmp = self->_b_trades;
        self->_b_trades = CPY_INT_TAG;
        Py_XDECREF(CPyTagged_LongAsObject(__tmp));
    }
    return 0;
}

static int32_t CPyDef_bars____SymbolState_clear_on_completion(PyObject *cpy_r_self)
{
    spotlight_trader___market___bars____SymbolStateObject *self = (spotlight_trader___market___bars____SymbolStateObject *)cpy_r_self;
    if (CPyTagged_CheckLong(self->_seq)) {
        CPyTagged __tmp = self->_seq;
        self->_seq = CPY_INT_TAG;
        Py_XDECREF(CPyTagged_LongAsObject(__tmp));
    }
    if (CPyTagged_CheckLong(self->_final_seq)) {
        CPyTagged __tmp = self->_final_seq;
        self->_final_seq = CPY_INT_TAG;
        Py_XDECREF(CPyTagged_LongAsObject(__tmp));
    }
    if (CPyTagged_CheckLong(self->_open_ts)) {
        CPyTagged __tmp = self->_open_ts;
        self->_open_ts = CPY_INT_TAG;
        Py_XDECREF(CPyTagged_LongAsObject(__tmp));
    }
    if (CPyTagged_CheckLong(self->_close_ts)) {
        CPyTagged __tmp = self->_close_ts;
        self->_close_ts = CPY_INT_TAG;
        Py_XDECREF(CPyTagged_LongAsObject(__tmp));
    }
    if (CPyTagged_CheckLong(self->_trades)) {
        CPyTagged __tmp = self->_trades;
        self->_trades = CPY_INT_TAG;
        Py_XDECREF(CPyTagged_LongAsObject(__tmp));
    }
    if (CPyTagged_CheckLong(self->_b_idx)) {
        CPyTagged __tmp = self->_b_idx;
        self->_b_idx = CPY_INT_TAG;
        Py_XDECREF(CPyTagged_LongAsObject(__tmp));
    }
    if (CPyTagged_CheckLong(self->_b_trades)) {
        CPyTagged __tmp = self->_b_trades;
        self->_b_trades = CPY_INT_TAG;
        Py_XDECREF(CPyTagged_LongAsObject(__tmp));
    }
    return 0;
}

static void
bars____SymbolState_dealloc(spotlight_trader___market___bars____SymbolStateObject *self)
{
    PyObject_GC_UnTrack(self);
    CPy_TRASHCAN_BEGIN(self, bars____SymbolState_dealloc)
    CPyDef_bars____SymbolState_clear((PyObject *)self);
    Py_TYPE(self)->tp_free((PyObject *)self);
    CPy_TRASHCAN_END(self)
    done: ;
}

PyObject *CPyDef_bars_____mypyc___3_SymbolState_setup(PyObject *cpy_r_type);
PyObject *CPyDef_bars____SymbolState(void);

static PyObject *
bars____SymbolState_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    if (type != CPyType_bars____SymbolState) {
        PyErr_SetString(PyExc_TypeError, "interpreted classes cannot inherit from compiled");
        return NULL;
    }
    PyObject *self = CPyDef_bars_____mypyc___3_SymbolState_setup((PyObject*)type);
    if (self == NULL)
        return NULL;
    PyObject *ret = CPyPy_bars____SymbolState_____init__(self, args, kwds);
    if (ret == NULL) {
            Py_DECREF(self);
            return NULL;
    }
    Py_DECREF(ret);
    return self;
}

static CPyVTableItem bars____SymbolState_vtable[1];
static bool
CPyDef_bars____SymbolState_trait_vtable_setup(void)
{
    CPyVTableItem bars____SymbolState_vtable_scratch[] = {
        (CPyVTableItem)CPyDef_bars____SymbolState_____init__,
    };
    memcpy(bars____SymbolState_vtable, bars____SymbolState_vtable_scratch, sizeof(bars____SymbolState_vtable));
    return 1;
}

static bool
CPyDef_bars____SymbolState_coroutine_setup(PyObject *type)
{
    return 1;
}

static PyObject *
bars____SymbolState_get_seq(spotlight_trader___market___bars____SymbolStateObject *self, void *closure);
static int
bars____SymbolState_set_seq(spotlight_trader___market___bars____SymbolStateObject *self, PyObject *value, void *closure);
static PyObject *
bars____SymbolState_get_final_seq(spotlight_trader___market___bars____SymbolStateObject *self, void *closure);
static int
bars____SymbolState_set_final_seq(spotlight_trader___market___bars____SymbolStateObject *self, PyObject *value, void *closure);
static PyObject *
bars____SymbolState_get_has_oc(spotlight_trader___market___bars____SymbolStateObject *self, void *closure);
static int
bars____SymbolState_set_has_oc(spotlight_trader___market___bars____SymbolStateObject *self, PyObject *value, void *closure);
static PyObject *
bars____SymbolState_get_has_hl(spotlight_trader___market___bars____SymbolStateObject *self, void *closure);
static int
bars____SymbolState_set_has_hl(spotlight_trader___market___bars____SymbolStateObject *self, PyObject *value, void *closure);
static PyObject *
bars____SymbolState_get_open(spotlight_trader___market___bars____SymbolStateObject *self, void *closure);
static int
bars____SymbolState_set_open(spotlight_trader___market___bars____SymbolStateObject *self, PyObject *value, void *closure);
static PyObject *
bars____SymbolState_get_high(spotlight_trader___market___bars____SymbolStateObject *self, void *closure);
static int
bars____SymbolState_set_high(spotlight_trader___market___bars____SymbolStateObject *self, PyObject *value, void *closure);
static PyObject *
bars____SymbolState_get_low(spotlight_trader___market___bars____SymbolStateObject *self, void *closure);
static int
bars____SymbolState_set_low(spotlight_trader___market___bars____SymbolStateObject *self, PyObject *value, void *closure);
static PyObject *
bars____SymbolState_get_close(spotlight_trader___market___bars____SymbolStateObject *self, void *closure);
static int
bars____SymbolState_set_close(spotlight_trader___market___bars____SymbolStateObject *self, PyObject *value, void *closure);
static PyObject *
bars____SymbolState_get_open_ts(spotlight_trader___market___bars____SymbolStateObject *self, void *closure);
static int
bars____SymbolState_set_open_ts(spotlight_trader___market___bars____SymbolStateObject *self, PyObject *value, void *closure);
static PyObject *
bars____SymbolState_get_close_ts(spotlight_trader___market___bars____SymbolStateObject *self, void *closure);
static int
bars____SymbolState_set_close_ts(spotlight_trader___market___bars____SymbolStateObject *self, PyObject *value, void *closure);
static PyObject *
bars____SymbolState_get_volume(spotlight_trader___market___bars____SymbolStateObject *self, void *closure);
static int
bars____SymbolState_set_volume(spotlight_trader___market___bars____SymbolStateObject *self, PyObject *value, void *closure);
static PyObject *
bars____SymbolState_get_trades(spotlight_trader___market___bars____SymbolStateObject *self, void *closure);
static int
bars____SymbolState_set_trades(spotlight_trader___market___bars____SymbolStateObject *self, PyObject *value, void *closure);
static PyObject *
bars____SymbolState_get_b_idx(spotlight_trader___market___bars____SymbolStateObject *self, void *closure);
static int
bars____SymbolState_set_b_idx(spotlight_trader___market___bars____SymbolStateObject *self, PyObject *value, void *closure);
static PyObject *
bars____SymbolState_get_b_has_oc(spotlight_trader___market___bars____SymbolStateObject *self, void *closure);
static int
bars____SymbolState_set_b_has_oc(spotlight_trader___market___bars____SymbolStateObject *self, PyObject *value, void *closure);
static PyObject *
bars____SymbolState_get_b_has_hl(spotlight_trader___market___bars____SymbolStateObject *self, void *closure);
static int
bars____SymbolState_set_b_has_hl(spotlight_trader___market___bars____SymbolStateObject *self, PyObject *value, void *closure);
static PyObject *
bars____SymbolState_get_b_open(spotlight_trader___market___bars____SymbolStateObject *self, void *closure);
static int
bars____SymbolState_set_b_open(spotlight_trader___market___bars____SymbolStateObject *self, PyObject *value, void *closure);
static PyObject *
bars____SymbolState_get_b_high(spotlight_trader___market___bars____SymbolStateObject *self, void *closure);
static int
bars____SymbolState_set_b_high(spotlight_trader___market___bars____SymbolStateObject *self, PyObject *value, void *closure);
static PyObject *
bars____SymbolState_get_b_low(spotlight_trader___market___bars____SymbolStateObject *self, void *closure);
static int
bars____SymbolState_set_b_low(spotlight_trader___market___bars____SymbolStateObject *self, PyObject *value, void *closure);
static PyObject *
bars____SymbolState_get_b_close(spotlight_trader___market___bars____SymbolStateObject *self, void *closure);
static int
bars____SymbolState_set_b_close(spotlight_trader___market___bars____SymbolStateObject *self, PyObject *value, void *closure);
static PyObject *
bars____SymbolState_get_b_volume(spotlight_trader___market___bars____SymbolStateObject *self, void *closure);
static int
bars____SymbolState_set_b_volume(spotlight_trader___market___bars____SymbolStateObject *self, PyObject *value, void *closure);
static PyObject *
bars____SymbolState_get_b_trades(spotlight_trader___market___bars____SymbolStateObject *self, void *closure);
static int
bars____SymbolState_set_b_trades(spotlight_trader___market___bars____SymbolStateObject *self, PyObject *value, void *closure);

static PyGetSetDef bars____SymbolState_getseters[] = {
    {"seq",
     (getter)bars____SymbolState_get_seq, (setter)bars____SymbolState_set_seq,
     NULL, NULL},
    {"final_seq",
     (getter)bars____SymbolState_get_final_seq, (setter)bars____SymbolState_set_final_seq,
     NULL, NULL},
    {"has_oc",
     (getter)bars____SymbolState_get_has_oc, (setter)bars____SymbolState_set_has_oc,
     NULL, NULL},
    {"has_hl",
     (getter)bars____SymbolState_get_has_hl, (setter)bars____SymbolState_set_has_hl,
     NULL, NULL},
    {"open",
     (getter)bars____SymbolState_get_open, (setter)bars____SymbolState_set_open,
     NULL, NULL},
    {"high",
     (getter)bars____SymbolState_get_high, (setter)bars____SymbolState_set_high,
     NULL, NULL},
    {"low",
     (getter)bars____SymbolState_get_low, (setter)bars____SymbolState_set_low,
     NULL, NULL},
    {"close",
     (getter)bars____SymbolState_get_close, (setter)bars____SymbolState_set_close,
     NULL, NULL},
    {"open_ts",
     (getter)bars____SymbolState_get_open_ts, (setter)bars____SymbolState_set_open_ts,
     NULL, NULL},
    {"close_ts",
     (getter)bars____SymbolState_get_close_ts, (setter)bars____SymbolState_set_close_ts,
     NULL, NULL},
    {"volume",
     (getter)bars____SymbolState_get_volume, (setter)bars____SymbolState_set_volume,
     NULL, NULL},
    {"trades",
     (getter)bars____SymbolState_get_trades, (setter)bars____SymbolState_set_trades,
     NULL, NULL},
    {"b_idx",
     (getter)bars____SymbolState_get_b_idx, (setter)bars____SymbolState_set_b_idx,
     NULL, NULL},
    {"b_has_oc",
     (getter)bars____SymbolState_get_b_has_oc, (setter)bars____SymbolState_set_b_has_oc,
     NULL, NULL},
    {"b_has_hl",
     (getter)bars____SymbolState_get_b_has_hl, (setter)bars____SymbolState_set_b_has_hl,
     NULL, NULL},
    {"b_open",
     (getter)bars____SymbolState_get_b_open, (setter)bars____SymbolState_set_b_open,
     NULL, NULL},
    {"b_high",
     (getter)bars____SymbolState_get_b_high, (setter)bars____SymbolState_set_b_high,
     NULL, NULL},
    {"b_low",
     (getter)bars____SymbolState_get_b_low, (setter)bars____SymbolState_set_b_low,
     NULL, NULL},
    {"b_close",
     (getter)bars____SymbolState_get_b_close, (setter)bars____SymbolState_set_b_close,
     NULL, NULL},
    {"b_volume",
     (getter)bars____SymbolState_get_b_volume, (setter)bars____SymbolState_set_b_volume,
     NULL, NULL},
    {"b_trades",
     (getter)bars____SymbolState_get_b_trades, (setter)bars____SymbolState_set_b_trades,
     NULL, NULL},
    {NULL}  /* Sentinel */
};

static PyMethodDef bars____SymbolState_methods[] = {
    {"__internal_mypyc_setup", (PyCFunction)CPyDef_bars_____mypyc___3_SymbolState_setup, METH_O, NULL},
    {"__init__",
     (PyCFunction)CPyPy_bars____SymbolState_____init__,
     METH_FASTCALL | METH_KEYWORDS, PyDoc_STR("__init__($self)\n--\n\n")},
    {"__setstate__", (PyCFunction)CPyPickle_SetState, METH_O, NULL},
    {"__getstate__", (PyCFunction)CPyPickle_GetState, METH_NOARGS, NULL},
    {NULL}  /* Sentinel */
};

static PyTypeObject CPyType_bars____SymbolState_template_ = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "_SymbolState",
    .tp_new = bars____SymbolState_new,
    .tp_dealloc = (destructor)bars____SymbolState_dealloc,
    .tp_traverse = (traverseproc)bars____SymbolState_traverse,
    .tp_clear = (inquiry)CPyDef_bars____SymbolState_clear,
    .tp_getset = bars____SymbolState_getseters,
    .tp_methods = bars____SymbolState_methods,
    .tp_init = bars____SymbolState_init,
    .tp_basicsize = sizeof(spotlight_trader___market___bars____SymbolStateObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HEAPTYPE | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
    .tp_doc = PyDoc_STR("_SymbolState()\n--\n\n"),
};
static PyTypeObject *CPyType_bars____SymbolState_template = &CPyType_bars____SymbolState_template_;

PyObject *CPyDef_bars_____mypyc___3_SymbolState_setup(PyObject *cpy_r_type)
{
    PyTypeObject *type = (PyTypeObject*)cpy_r_type;
    spotlight_trader___market___bars____SymbolStateObject *self;
    self = (spotlight_trader___market___bars____SymbolStateObject *)type->tp_alloc(type, 0);
    if (self == NULL)
        return NULL;
    self->vtable = bars____SymbolState_vtable;
    self->_seq = CPY_INT_TAG;
    self->_final_seq = CPY_INT_TAG;
    self->_has_oc = 2;
    self->_has_hl = 2;
    self->_open = -113.0;
    self->_high = -113.0;
    self->_low = -113.0;
    self->_close = -113.0;
    self->_open_ts = CPY_INT_TAG;
    self->_close_ts = CPY_INT_TAG;
    self->_volume = -113.0;
    self->_trades = CPY_INT_TAG;
    self->_b_idx = CPY_INT_TAG;
    self->_b_has_oc = 2;
    self->_b_has_hl = 2;
    self->_b_open = -113.0;
    self->_b_high = -113.0;
    self->_b_low = -113.0;
    self->_b_close = -113.0;
    self->_b_volume = -113.0;
    self->_b_trades = CPY_INT_TAG;
    return (PyObject *)self;
}

PyObject *CPyDef_bars____SymbolState(void)
{
    PyObject *self = CPyDef_bars_____mypyc___3_SymbolState_setup((PyObject *)CPyType_bars____SymbolState);
    if (self == NULL)
        return NULL;
    char res = CPyDef_bars____SymbolState_____init__(self);
    if (res == 2) {
        Py_DECREF(self);
        return NULL;
    }
    return self;
}

static PyObject *
bars____SymbolState_get_seq(spotlight_trader___market___bars____SymbolStateObject *self, void *closure)
{
    if (unlikely(self->_seq == CPY_INT_TAG)) {
        PyErr_SetString(PyExc_AttributeError,
            "attribute 'seq' of '_SymbolState' undefined");
        return NULL;
    }
    CPyTagged_INCREF(self->_seq);
    PyObject *retval = CPyTagged_StealAsObject(self->_seq);
    return retval;
}

static int
bars____SymbolState_set_seq(spotlight_trader___market___bars____SymbolStateObject *self, PyObject *value, void *closure)
{
    if (value == NULL) {
        PyErr_SetString(PyExc_AttributeError,
            "'_SymbolState' object attribute 'seq' cannot be deleted");
        return -1;
    }
    CPyTagged tmp;
    if (likely(PyLong_Check(value)))
        tmp = CPyTagged_BorrowFromObject(value);
    else {
        CPy_TypeError("int", value); return -1;
    }
    CPyTagged_INCREF(tmp);
    if (self->_seq != CPY_INT_TAG) {
        CPyTagged_DECREF(self->_seq);
    }
    self->_seq = tmp;
    return 0;
}

static PyObject *
bars____SymbolState_get_final_seq(spotlight_trader___market___bars____SymbolStateObject *self, void *closure)
{
    if (unlikely(self->_final_seq == CPY_INT_TAG)) {
        PyErr_SetString(PyExc_AttributeError,
            "attribute 'final_seq' of '_SymbolState' undefined");
        return NULL;
    }
    CPyTagged_INCREF(self->_final_seq);
    PyObject *retval = CPyTagged_StealAsObject(self->_final_seq);
    return retval;
}

static int
bars____SymbolState_set_final_seq(spotlight_trader___market___bars____SymbolStateObject *self, PyObject *value, void *closure)
{
    if (value == NULL) {
        PyErr_SetString(PyExc_AttributeError,
            "'_SymbolState' object attribute 'final_seq' cannot be deleted");
        return -1;
    }
    CPyTagged tmp;
    if (likely(PyLong_Check(value)))
        tmp = CPyTagged_BorrowFromObject(value);
    else {
        CPy_TypeError("int", value); return -1;
    }
    CPyTagged_INCREF(tmp);
    if (self->_final_seq != CPY_INT_TAG) {
        CPyTagged_DECREF(self->_final_seq);
    }
    self->_final_seq = tmp;
    return 0;
}

static PyObject *
bars____SymbolState_get_has_oc(spotlight_trader___market___bars____SymbolStateObject *self, void *closure)
{
    PyObject *retval = self->_has_oc ? Py_True : Py_False;
    CPy_INCREF(retval);
    return retval;
}

static int
bars____SymbolState_set_has_oc(spotlight_trader___market___bars____SymbolStateObject *self, PyObject *value, void *closure)
{
    if (value == NULL) {
        PyErr_SetString(PyExc_AttributeError,
            "'_SymbolState' object attribute 'has_oc' cannot be deleted");
        return -1;
    }
    char tmp;
    if (unlikely(!PyBool_Check(value))) {
        CPy_TypeError("bool", value); return -1;
    } else
        tmp = value == Py_True;
    self->_has_oc = tmp;
    return 0;
}

static PyObject *
bars____SymbolState_get_has_hl(spotlight_trader___market___bars____SymbolStateObject *self, void *closure)
{
    PyObject *retval = self->_has_hl ? Py_True : Py_False;
    CPy_INCREF(retval);
    return retval;
}

static int
bars____SymbolState_set_has_hl(spotlight_trader___market___bars____SymbolStateObject *self, PyObject *value, void *closure)
{
    if (value == NULL) {
        PyErr_SetString(PyExc_AttributeError,
            "'_SymbolState' object attribute 'has_hl' cannot be deleted");
        return -1;
    }
    char tmp;
    if (unlikely(!PyBool_Check(value))) {
        CPy_TypeError("bool", value); return -1;
    } else
        tmp = value == Py_True;
    self->_has_hl = tmp;
    return 0;
}

static PyObject *
bars____SymbolState_get_open(spotlight_trader___market___bars____SymbolStateObject *self, void *closure)
{
    PyObject *retval = PyFloat_FromDouble(self->_open);
    return retval;
}

static int
bars____SymbolState_set_open(spotlight_trader___market___bars____SymbolStateObject *self, PyObject *value, void *closure)
{
    if (value == NULL) {
        PyErr_SetString(PyExc_AttributeError,
            "'_SymbolState' object attribute 'open' cannot be deleted");
        return -1;
    }
    double tmp;
    tmp = PyFloat_AsDouble(value);
    if (tmp == -1.0 && PyErr_Occurred()) {
        CPy_TypeError("float", value); return -1;
    }
    self->_open = tmp;
    return 0;
}

static PyObject *
bars____SymbolState_get_high(spotlight_trader___market___bars____SymbolStateObject *self, void *closure)
{
    PyObject *retval = PyFloat_FromDouble(self->_high);
    return retval;
}

static int
bars____SymbolState_set_high(spotlight_trader___market___bars____SymbolStateObject *self, PyObject *value, void *closure)
{
    if (value == NULL) {
        PyErr_SetString(PyExc_AttributeError,
            "'_SymbolState' object attribute 'high' cannot be deleted");
        return -1;
    }
    double tmp;
    tmp = PyFloat_AsDouble(value);
    if (tmp == -1.0 && PyErr_Occurred()) {
        CPy_TypeError("float", value); return -1;
    }
    self->_high = tmp;
    return 0;
}

static PyObject *
bars____SymbolState_get_low(spotlight_trader___market___bars____SymbolStateObject *self, void *closure)
{
    PyObject *retval = PyFloat_FromDouble(self->_low);
    return retval;
}

static int
bars____SymbolState_set_low(spotlight_trader___market___bars____SymbolStateObject *self, PyObject *value, void *closure)
{
    if (value == NULL) {
        PyErr_SetString(PyExc_AttributeError,
            "'_SymbolState' object attribute 'low' cannot be deleted");
        return -1;
    }
    double tmp;
    tmp = PyFloat_AsDouble(value);
    if (tmp == -1.0 && PyErr_Occurred()) {
        CPy_TypeError("float", value); return -1;
    }
    self->_low = tmp;
    return 0;
}

static PyObject *
bars____SymbolState_get_close(spotlight_trader___market___bars____SymbolStateObject *self, void *closure)
{
    PyObject *retval = PyFloat_FromDouble(self->_close);
    return retval;
}

static int
bars____SymbolState_set_close(spotlight_trader___market___bars____SymbolStateObject *self, PyObject *value, void *closure)
{
    if (value == NULL) {
        PyErr_SetString(PyExc_AttributeError,
            "'_SymbolState' object attribute 'close' cannot be deleted");
        return -1;
    }
    double tmp;
    tmp = PyFloat_AsDouble(value);
    if (tmp == -1.0 && PyErr_Occurred()) {
        CPy_TypeError("float", value); return -1;
    }
    self->_close = tmp;
    return 0;
}

static PyObject *
bars____SymbolState_get_open_ts(spotlight_trader___market___bars____SymbolStateObject *self, void *closure)
{
    if (unlikely(self->_open_ts == CPY_INT_TAG)) {
        PyErr_SetString(PyExc_AttributeError,
            "attribute 'open_ts' of '_SymbolState' undefined");
        return NULL;
    }
    CPyTagged_INCREF(self->_open_ts);
    PyObject *retval = CPyTagged_StealAsObject(self->_open_ts);
    return retval;
}

static int
bars____SymbolState_set_open_ts(spotlight_trader___market___bars____SymbolStateObject *self, PyObject *value, void *closure)
{
    if (value == NULL) {
        PyErr_SetString(PyExc_AttributeError,
            "'_SymbolState' object attribute 'open_ts' cannot be deleted");
        return -1;
    }
    CPyTagged tmp;
    if (likely(PyLong_Check(value)))
        tmp = CPyTagged_BorrowFromObject(value);
    else {
        CPy_TypeError("int", value); return -1;
    }
    CPyTagged_INCREF(tmp);
    if (self->_open_ts != CPY_INT_TAG) {
        CPyTagged_DECREF(self->_open_ts);
    }
    self->_open_ts = tmp;
    return 0;
}

static PyObject *
bars____SymbolState_get_close_ts(spotlight_trader___market___bars____SymbolStateObject *self, void *closure)
{
    if (unlikely(self->_close_ts == CPY_INT_TAG)) {
        PyErr_SetString(PyExc_AttributeError,
            "attribute 'close_ts' of '_SymbolState' undefined");
        return NULL;
    }
    CPyTagged_INCREF(self->_close_ts);
    PyObject *retval = CPyTagged_StealAsObject(self->_close_ts);
    return retval;
}

static int
bars____SymbolState_set_close_ts(spotlight_trader___market___bars____SymbolStateObject *self, PyObject *value, void *closure)
{
    if (value == NULL) {
        PyErr_SetString(PyExc_AttributeError,
            "'_SymbolState' object attribute 'close_ts' cannot be deleted");
        return -1;
    }
    CPyTagged tmp;
    if (likely(PyLong_Check(value)))
        tmp = CPyTagged_BorrowFromObject(value);
    else {
        CPy_TypeError("int", value); return -1;
    }
    CPyTagged_INCREF(tmp);
    if (self->_close_ts != CPY_INT_TAG) {
        CPyTagged_DECREF(self->_close_ts);
    }
    self->_close_ts = tmp;
    return 0;
}

static PyObject *
bars____SymbolState_get_volume(spotlight_trader___market___bars____SymbolStateObject *self, void *closure)
{
    PyObject *retval = PyFloat_FromDouble(self->_volume);
    return retval;
}

static int
bars____SymbolState_set_volume(spotlight_trader___market___bars____SymbolStateObject *self, PyObject *value, void *closure)
{
    if (value == NULL) {
        PyErr_SetString(PyExc_AttributeError,
            "'_SymbolState' object attribute 'volume' cannot be deleted");
        return -1;
    }
    double tmp;
    tmp = PyFloat_AsDouble(value);
    if (tmp == -1.0 && PyErr_Occurred()) {
        CPy_TypeError("float", value); return -1;
    }
    self->_volume = tmp;
    return 0;
}

static PyObject *
bars____SymbolState_get_trades(spotlight_trader___market___bars____SymbolStateObject *self, void *closure)
{
    if (unlikely(self->_trades == CPY_INT_TAG)) {
        PyErr_SetString(PyExc_AttributeError,
            "attribute 'trades' of '_SymbolState' undefined");
        return NULL;
    }
    CPyTagged_INCREF(self->_trades);
    PyObject *retval = CPyTagged_StealAsObject(self->_trades);
    return retval;
}

static int
bars____SymbolState_set_trades(spotlight_trader___market___bars____SymbolStateObject *self, PyObject *value, void *closure)
{
    if (value == NULL) {
        PyErr_SetString(PyExc_AttributeError,
            "'_SymbolState' object attribute 'trades' cannot be deleted");
        return -1;
    }
    CPyTagged tmp;
    if (likely(PyLong_Check(value)))
        tmp = CPyTagged_BorrowFromObject(value);
    else {
        CPy_TypeError("int", value); return -1;
    }
    CPyTagged_INCREF(tmp);
    if (self->_trades != CPY_INT_TAG) {
        CPyTagged_DECREF(self->_trades);
    }
    self->_trades = tmp;
    return 0;
}

static PyObject *
bars____SymbolState_get_b_idx(spotlight_trader___market___bars____SymbolStateObject *self, void *closure)
{
    if (unlikely(self->_b_idx == CPY_INT_TAG)) {
        PyErr_SetString(PyExc_AttributeError,
            "attribute 'b_idx' of '_SymbolState' undefined");
        return NULL;
    }
    CPyTagged_INCREF(self->_b_idx);
    PyObject *retval = CPyTagged_StealAsObject(self->_b_idx);
    return retval;
}

static int
bars____SymbolState_set_b_idx(spotlight_trader___market___bars____SymbolStateObject *self, PyObject *value, void *closure)
{
    if (value == NULL) {
        PyErr_SetString(PyExc_AttributeError,
            "'_SymbolState' object attribute 'b_idx' cannot be deleted");
        return -1;
    }
    CPyTagged tmp;
    if (likely(PyLong_Check(value)))
        tmp = CPyTagged_BorrowFromObject(value);
    else {
        CPy_TypeError("int", value); return -1;
    }
    CPyTagged_INCREF(tmp);
    if (self->_b_idx != CPY_INT_TAG) {
        CPyTagged_DECREF(self->_b_idx);
    }
    self->_b_idx = tmp;
    return 0;
}

static PyObject *
bars____SymbolState_get_b_has_oc(spotlight_trader___market___bars____SymbolStateObject *self, void *closure)
{
    PyObject *retval = self->_b_has_oc ? Py_True : Py_False;
    CPy_INCREF(retval);
    return retval;
}

static int
bars____SymbolState_set_b_has_oc(spotlight_trader___market___bars____SymbolStateObject *self, PyObject *value, void *closure)
{
    if (value == NULL) {
        PyErr_SetString(PyExc_AttributeError,
            "'_SymbolState' object attribute 'b_has_oc' cannot be deleted");
        return -1;
    }
    char tmp;
    if (unlikely(!PyBool_Check(value))) {
        CPy_TypeError("bool", value); return -1;
    } else
        tmp = value == Py_True;
    self->_b_has_oc = tmp;
    return 0;
}

static PyObject *
bars____SymbolState_get_b_has_hl(spotlight_trader___market___bars____SymbolStateObject *self, void *closure)
{
    PyObject *retval = self->_b_has_hl ? Py_True : Py_False;
    CPy_INCREF(retval);
    return retval;
}

static int
bars____SymbolState_set_b_has_hl(spotlight_trader___market___bars____SymbolStateObject *self, PyObject *value, void *closure)
{
    if (value == NULL) {
        PyErr_SetString(PyExc_AttributeError,
            "'_SymbolState' object attribute 'b_has_hl' cannot be deleted");
        return -1;
    }
    char tmp;
    if (unlikely(!PyBool_Check(value))) {
        CPy_TypeError("bool", value); return -1;
    } else
        tmp = value == Py_True;
    self->_b_has_hl = tmp;
    return 0;
}

static PyObject *
bars____SymbolState_get_b_open(spotlight_trader___market___bars____SymbolStateObject *self, void *closure)
{
    PyObject *retval = PyFloat_FromDouble(self->_b_open);
    return retval;
}

static int
bars____SymbolState_set_b_open(spotlight_trader___market___bars____SymbolStateObject *self, PyObject *value, void *closure)
{
    if (value == NULL) {
        PyErr_SetString(PyExc_AttributeError,
            "'_SymbolState' object attribute 'b_open' cannot be deleted");
        return -1;
    }
    double tmp;
    tmp = PyFloat_AsDouble(value);
    if (tmp == -1.0 && PyErr_Occurred()) {
        CPy_TypeError("float", value); return -1;
    }
    self->_b_open = tmp;
    return 0;
}

static PyObject *
bars____SymbolState_get_b_high(spotlight_trader___market___bars____SymbolStateObject *self, void *closure)
{
    PyObject *retval = PyFloat_FromDouble(self->_b_high);
    return retval;
}

static int
bars____SymbolState_set_b_high(spotlight_trader___market___bars____SymbolStateObject *self, PyObject *value, void *closure)
{
    if (value == NULL) {
        PyErr_SetString(PyExc_AttributeError,
            "'_SymbolState' object attribute 'b_high' cannot be deleted");
        return -1;
    }
    double tmp;
    tmp = PyFloat_AsDouble(value);
    if (tmp == -1.0 && PyErr_Occurred()) {
        CPy_TypeError("float", value); return -1;
    }
    self->_b_high = tmp;
    return 0;
}

static PyObject *
bars____SymbolState_get_b_low(spotlight_trader___market___bars____SymbolStateObject *self, void *closure)
{
    PyObject *retval = PyFloat_FromDouble(self->_b_low);
    return retval;
}

static int
bars____SymbolState_set_b_low(spotlight_trader___market___bars____SymbolStateObject *self, PyObject *value, void *closure)
{
    if (value == NULL) {
        PyErr_SetString(PyExc_AttributeError,
            "'_SymbolState' object attribute 'b_low' cannot be deleted");
        return -1;
    }
    double tmp;
    tmp = PyFloat_AsDouble(value);
    if (tmp == -1.0 && PyErr_Occurred()) {
        CPy_TypeError("float", value); return -1;
    }
    self->_b_low = tmp;
    return 0;
}

static PyObject *
bars____SymbolState_get_b_close(spotlight_trader___market___bars____SymbolStateObject *self, void *closure)
{
    PyObject *retval = PyFloat_FromDouble(self->_b_close);
    return retval;
}

static int
bars____SymbolState_set_b_close(spotlight_trader___market___bars____SymbolStateObject *self, PyObject *value, void *closure)
{
    if (value == NULL) {
        PyErr_SetString(PyExc_AttributeError,
            "'_SymbolState' object attribute 'b_close' cannot be deleted");
        return -1;
    }
    double tmp;
    tmp = PyFloat_AsDouble(value);
    if (tmp == -1.0 && PyErr_Occurred()) {
        CPy_TypeError("float", value); return -1;
    }
    self->_b_close = tmp;
    return 0;
}

static PyObject *
bars____SymbolState_get_b_volume(spotlight_trader___market___bars____SymbolStateObject *self, void *closure)
{
    PyObject *retval = PyFloat_FromDouble(self->_b_volume);
    return retval;
}

static int
bars____SymbolState_set_b_volume(spotlight_trader___market___bars____SymbolStateObject *self, PyObject *value, void *closure)
{
    if (value == NULL) {
        PyErr_SetString(PyExc_AttributeError,
            "'_SymbolState' object attribute 'b_volume' cannot be deleted");
        return -1;
    }
    double tmp;
    tmp = PyFloat_AsDouble(value);
    if (tmp == -1.0 && PyErr_Occurred()) {
        CPy_TypeError("float", value); return -1;
    }
    self->_b_volume = tmp;
    return 0;
}

static PyObject *
bars____SymbolState_get_b_trades(spotlight_trader___market___bars____SymbolStateObject *self, void *closure)
{
    if (unlikely(self->_b_trades == CPY_INT_TAG)) {
        PyErr_SetString(PyExc_AttributeError,
            "attribute 'b_trades' of '_SymbolState' undefined");
        return NULL;
    }
    CPyTagged_INCREF(self->_b_trades);
    PyObject *retval = CPyTagged_StealAsObject(self->_b_trades);
    return retval;
}

static int
bars____SymbolState_set_b_trades(spotlight_trader___market___bars____SymbolStateObject *self, PyObject *value, void *closure)
{
    if (value == NULL) {
        PyErr_SetString(PyExc_AttributeError,
            "'_SymbolState' object attribute 'b_trades' cannot be deleted");
        return -1;
    }
    CPyTagged tmp;
    if (likely(PyLong_Check(value)))
        tmp = CPyTagged_BorrowFromObject(value);
    else {
        CPy_TypeError("int", value); return -1;
    }
    CPyTagged_INCREF(tmp);
    if (self->_b_trades != CPY_INT_TAG) {
        CPyTagged_DECREF(self->_b_trades);
    }
    self->_b_trades = tmp;
    return 0;
}

static int
bars___BarBuilder_init(PyObject *self, PyObject *args, PyObject *kwds)
{
    return 0;
}
static int
bars___BarBuilder_traverse(spotlight_trader___market___bars___BarBuilderObject *self, visitproc visit, void *arg)
{
    Py_VISIT(self->__on_bar);
    Py_VISIT(self->__on_microbar);
    if (CPyTagged_CheckLong(self->_grace_ms)) {
        Py_VISIT(CPyTagged_LongAsObject(self->_grace_ms));
    }
    if (CPyTagged_CheckLong(self->__max_ahead_ms)) {
        Py_VISIT(CPyTagged_LongAsObject(self->__max_ahead_ms));
    }
    Py_VISIT(self->__states);
    Py_VISIT(self->__flags);
    Py_VISIT(self->__quotes);
    if (CPyTagged_CheckLong(self->_clock_ms)) {
        Py_VISIT(CPyTagged_LongAsObject(self->_clock_ms));
    }
    if (CPyTagged_CheckLong(self->__clock_final_seq)) {
        Py_VISIT(CPyTagged_LongAsObject(self->__clock_final_seq));
    }
    if (CPyTagged_CheckLong(self->__next_deadline_ms)) {
        Py_VISIT(CPyTagged_LongAsObject(self->__next_deadline_ms));
    }
    if (CPyTagged_CheckLong(self->__next_bucket_end_ms)) {
        Py_VISIT(CPyTagged_LongAsObject(self->__next_bucket_end_ms));
    }
    Py_VISIT(self->_stats);
    int rv = 0;
    return rv;
}

static int32_t CPyDef_bars___BarBuilder_clear(PyObject *cpy_r_self)
{
    spotlight_trader___market___bars___BarBuilderObject *self = (spotlight_trader___market___bars___BarBuilderObject *)cpy_r_self;
    Py_CLEAR(self->__on_bar);
    Py_CLEAR(self->__on_microbar);
    if (CPyTagged_CheckLong(self->_grace_ms)) {
        CPyTagged __tmp = self->_grace_ms;
        self->_grace_ms = CPY_INT_TAG;
        Py_XDECREF(CPyTagged_LongAsObject(__tmp));
    }
    if (CPyTagged_CheckLong(self->__max_ahead_ms)) {
        CPyTagged __tmp = self->__max_ahead_ms;
        self->__max_ahead_ms = CPY_INT_TAG;
        Py_XDECREF(CPyTagged_LongAsObject(__tmp));
    }
    Py_CLEAR(self->__states);
    Py_CLEAR(self->__flags);
    Py_CLEAR(self->__quotes);
    if (CPyTagged_CheckLong(self->_clock_ms)) {
        CPyTagged __tmp = self->_clock_ms;
        self->_clock_ms = CPY_INT_TAG;
        Py_XDECREF(CPyTagged_LongAsObject(__tmp));
    }
    if (CPyTagged_CheckLong(self->__clock_final_seq)) {
        CPyTagged __tmp = self->__clock_final_seq;
        self->__clock_final_seq = CPY_INT_TAG;
        Py_XDECREF(CPyTagged_LongAsObject(__tmp));
    }
    if (CPyTagged_CheckLong(self->__next_deadline_ms)) {
        CPyTagged __tmp = self->__next_deadline_ms;
        self->__next_deadline_ms = CPY_INT_TAG;
        Py_XDECREF(CPyTagged_LongAsObject(__tmp));
    }
    if (CPyTagged_CheckLong(self->__next_bucket_end_ms)) {
        CPyTagged __tmp = self->__next_bucket_end_ms;
        self->__next_bucket_end_ms = CPY_INT_TAG;
        Py_XDECREF(CPyTagged_LongAsObject(__tmp));
    }
    Py_CLEAR(self->_stats);
    return 0;
}

static int32_t CPyDef_bars___BarBuilder_clear_on_completion(PyObject *cpy_r_self)
{
    spotlight_trader___market___bars___BarBuilderObject *self = (spotlight_trader___market___bars___BarBuilderObject *)cpy_r_self;
    Py_CLEAR(self->__on_bar);
    Py_CLEAR(self->__on_microbar);
    if (CPyTagged_CheckLong(self->_grace_ms)) {
        CPyTagged __tmp = self->_grace_ms;
        self->_grace_ms = CPY_INT_TAG;
        Py_XDECREF(CPyTagged_LongAsObject(__tmp));
    }
    if (CPyTagged_CheckLong(self->__max_ahead_ms)) {
        CPyTagged __tmp = self->__max_ahead_ms;
        self->__max_ahead_ms = CPY_INT_TAG;
        Py_XDECREF(CPyTagged_LongAsObject(__tmp));
    }
    Py_CLEAR(self->__states);
    Py_CLEAR(self->__flags);
    Py_CLEAR(self->__quotes);
    if (CPyTagged_CheckLong(self->_clock_ms)) {
        CPyTagged __tmp = self->_clock_ms;
        self->_clock_ms = CPY_INT_TAG;
        Py_XDECREF(CPyTagged_LongAsObject(__tmp));
    }
    if (CPyTagged_CheckLong(self->__clock_final_seq)) {
        CPyTagged __tmp = self->__clock_final_seq;
        self->__clock_final_seq = CPY_INT_TAG;
        Py_XDECREF(CPyTagged_LongAsObject(__tmp));
    }
    if (CPyTagged_CheckLong(self->__next_deadline_ms)) {
        CPyTagged __tmp = self->__next_deadline_ms;
        self->__next_deadline_ms = CPY_INT_TAG;
        Py_XDECREF(CPyTagged_LongAsObject(__tmp));
    }
    if (CPyTagged_CheckLong(self->__next_bucket_end_ms)) {
        CPyTagged __tmp = self->__next_bucket_end_ms;
        self->__next_bucket_end_ms = CPY_INT_TAG;
        Py_XDECREF(CPyTagged_LongAsObject(__tmp));
    }
    Py_CLEAR(self->_stats);
    return 0;
}

static void
bars___BarBuilder_dealloc(spotlight_trader___market___bars___BarBuilderObject *self)
{
    PyObject_GC_UnTrack(self);
    CPy_TRASHCAN_BEGIN(self, bars___BarBuilder_dealloc)
    CPyDef_bars___BarBuilder_clear((PyObject *)self);
    Py_TYPE(self)->tp_free((PyObject *)self);
    CPy_TRASHCAN_END(self)
    done: ;
}

PyObject *CPyDef_bars_____mypyc__BarBuilder_setup(PyObject *cpy_r_type);
PyObject *CPyDef_bars___BarBuilder(PyObject *cpy_r_on_bar, PyObject *cpy_r_on_microbar, CPyTagged cpy_r_grace_ms, char cpy_r_clock_from_trades, CPyTagged cpy_r_max_ahead_ms);

static PyObject *
bars___BarBuilder_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    if (type != CPyType_bars___BarBuilder) {
        PyErr_SetString(PyExc_TypeError, "interpreted classes cannot inherit from compiled");
        return NULL;
    }
    PyObject *self = CPyDef_bars_____mypyc__BarBuilder_setup((PyObject*)type);
    if (self == NULL)
        return NULL;
    PyObject *ret = CPyPy_bars___BarBuilder_____init__(self, args, kwds);
    if (ret == NULL) {
            Py_DECREF(self);
            return NULL;
    }
    Py_DECREF(ret);
    return self;
}

static CPyVTableItem bars___BarBuilder_vtable[15];
static bool
CPyDef_bars___BarBuilder_trait_vtable_setup(void)
{
    CPyVTableItem bars___BarBuilder_vtable_scratch[] = {
        (CPyVTableItem)CPyDef_bars___BarBuilder_____init__,
        (CPyVTableItem)CPyDef_bars___BarBuilder___on_trade,
        (CPyVTableItem)CPyDef_bars___BarBuilder___on_trades,
        (CPyVTableItem)CPyDef_bars___BarBuilder___on_quote,
        (CPyVTableItem)CPyDef_bars___BarBuilder___advance,
        (CPyVTableItem)CPyDef_bars___BarBuilder___flush,
        (CPyVTableItem)CPyDef_bars___BarBuilder___mark_final,
        (CPyVTableItem)CPyDef_bars___BarBuilder___quote,
        (CPyVTableItem)CPyDef_bars___BarBuilder___forming,
        (CPyVTableItem)CPyDef_bars___BarBuilder___final_seq,
        (CPyVTableItem)CPyDef_bars___BarBuilder____forming,
        (CPyVTableItem)CPyDef_bars___BarBuilder____flush_bucket,
        (CPyVTableItem)CPyDef_bars___BarBuilder____finalise,
        (CPyVTableItem)CPyDef_bars___BarBuilder____flush_due_buckets,
        (CPyVTableItem)CPyDef_bars___BarBuilder____finalise_due,
    };
    memcpy(bars___BarBuilder_vtable, bars___BarBuilder_vtable_scratch, sizeof(bars___BarBuilder_vtable));
    return 1;
}

static bool
CPyDef_bars___BarBuilder_coroutine_setup(PyObject *type)
{
    return 1;
}

static PyObject *
bars___BarBuilder_get__on_bar(spotlight_trader___market___bars___BarBuilderObject *self, void *closure);
static int
bars___BarBuilder_set__on_bar(spotlight_trader___market___bars___BarBuilderObject *self, PyObject *value, void *closure);
static PyObject *
bars___BarBuilder_get__on_microbar(spotlight_trader___market___bars___BarBuilderObject *self, void *closure);
static int
bars___BarBuilder_set__on_microbar(spotlight_trader___market___bars___BarBuilderObject *self, PyObject *value, void *closure);
static PyObject *
bars___BarBuilder_get_grace_ms(spotlight_trader___market___bars___BarBuilderObject *self, void *closure);
static int
bars___BarBuilder_set_grace_ms(spotlight_trader___market___bars___BarBuilderObject *self, PyObject *value, void *closure);
static PyObject *
bars___BarBuilder_get__clock_from_trades(spotlight_trader___market___bars___BarBuilderObject *self, void *closure);
static int
bars___BarBuilder_set__clock_from_trades(spotlight_trader___market___bars___BarBuilderObject *self, PyObject *value, void *closure);
static PyObject *
bars___BarBuilder_get__max_ahead_ms(spotlight_trader___market___bars___BarBuilderObject *self, void *closure);
static int
bars___BarBuilder_set__max_ahead_ms(spotlight_trader___market___bars___BarBuilderObject *self, PyObject *value, void *closure);
static PyObject *
bars___BarBuilder_get__states(spotlight_trader___market___bars___BarBuilderObject *self, void *closure);
static int
bars___BarBuilder_set__states(spotlight_trader___market___bars___BarBuilderObject *self, PyObject *value, void *closure);
static PyObject *
bars___BarBuilder_get__flags(spotlight_trader___market___bars___BarBuilderObject *self, void *closure);
static int
bars___BarBuilder_set__flags(spotlight_trader___market___bars___BarBuilderObject *self, PyObject *value, void *closure);
static PyObject *
bars___BarBuilder_get__quotes(spotlight_trader___market___bars___BarBuilderObject *self, void *closure);
static int
bars___BarBuilder_set__quotes(spotlight_trader___market___bars___BarBuilderObject *self, PyObject *value, void *closure);
static PyObject *
bars___BarBuilder_get_clock_ms(spotlight_trader___market___bars___BarBuilderObject *self, void *closure);
static int
bars___BarBuilder_set_clock_ms(spotlight_trader___market___bars___BarBuilderObject *self, PyObject *value, void *closure);
static PyObject *
bars___BarBuilder_get__clock_final_seq(spotlight_trader___market___bars___BarBuilderObject *self, void *closure);
static int
bars___BarBuilder_set__clock_final_seq(spotlight_trader___market___bars___BarBuilderObject *self, PyObject *value, void *closure);
static PyObject *
bars___BarBuilder_get__next_deadline_ms(spotlight_trader___market___bars___BarBuilderObject *self, void *closure);
static int
bars___BarBuilder_set__next_deadline_ms(spotlight_trader___market___bars___BarBuilderObject *self, PyObject *value, void *closure);
static PyObject *
bars___BarBuilder_get__next_bucket_end_ms(spotlight_trader___market___bars___BarBuilderObject *self, void *closure);
static int
bars___BarBuilder_set__next_bucket_end_ms(spotlight_trader___market___bars___BarBuilderObject *self, PyObject *value, void *closure);
static PyObject *
bars___BarBuilder_get_stats(spotlight_trader___market___bars___BarBuilderObject *self, void *closure);
static int
bars___BarBuilder_set_stats(spotlight_trader___market___bars___BarBuilderObject *self, PyObject *value, void *closure);

static PyGetSetDef bars___BarBuilder_getseters[] = {
    {"_on_bar",
     (getter)bars___BarBuilder_get__on_bar, (setter)bars___BarBuilder_set__on_bar,
     NULL, NULL},
    {"_on_microbar",
     (getter)bars___BarBuilder_get__on_microbar, (setter)bars___BarBuilder_set__on_microbar,
     NULL, NULL},
    {"grace_ms",
     (getter)bars___BarBuilder_get_grace_ms, (setter)bars___BarBuilder_set_grace_ms,
     NULL, NULL},
    {"_clock_from_trades",
     (getter)bars___BarBuilder_get__clock_from_trades, (setter)bars___BarBuilder_set__clock_from_trades,
     NULL, NULL},
    {"_max_ahead_ms",
     (getter)bars___BarBuilder_get__max_ahead_ms, (setter)bars___BarBuilder_set__max_ahead_ms,
     NULL, NULL},
    {"_states",
     (getter)bars___BarBuilder_get__states, (setter)bars___BarBuilder_set__states,
     NULL, NULL},
    {"_flags",
     (getter)bars___BarBuilder_get__flags, (setter)bars___BarBuilder_set__flags,
     NULL, NULL},
    {"_quotes",
     (getter)bars___BarBuilder_get__quotes, (setter)bars___BarBuilder_set__quotes,
     NULL, NULL},
    {"clock_ms",
     (getter)bars___BarBuilder_get_clock_ms, (setter)bars___BarBuilder_set_clock_ms,
     NULL, NULL},
    {"_clock_final_seq",
     (getter)bars___BarBuilder_get__clock_final_seq, (setter)bars___BarBuilder_set__clock_final_seq,
     NULL, NULL},
    {"_next_deadline_ms",
     (getter)bars___BarBuilder_get__next_deadline_ms, (setter)bars___BarBuilder_set__next_deadline_ms,
     NULL, NULL},
    {"_next_bucket_end_ms",
     (getter)bars___BarBuilder_get__next_bucket_end_ms, (setter)bars___BarBuilder_set__next_bucket_end_ms,
     NULL, NULL},
    {"stats",
     (getter)bars___BarBuilder_get_stats, (setter)bars___BarBuilder_set_stats,
     NULL, NULL},
    {NULL}  /* Sentinel */
};

static PyMethodDef bars___BarBuilder_methods[] = {
    {"__internal_mypyc_setup", (PyCFunction)CPyDef_bars_____mypyc__BarBuilder_setup, METH_O, NULL},
    {"__init__",
     (PyCFunction)CPyPy_bars___BarBuilder_____init__,
     METH_FASTCALL | METH_KEYWORDS, PyDoc_STR(NULL)},
    {"on_trade",
     (PyCFunction)CPyPy_bars___BarBuilder___on_trade,
     METH_FASTCALL | METH_KEYWORDS, PyDoc_STR("on_trade($self, trade)\n--\n\n")},
    {"on_trades",
     (PyCFunction)CPyPy_bars___BarBuilder___on_trades,
     METH_FASTCALL | METH_KEYWORDS, PyDoc_STR("on_trades($self, trades)\n--\n\n")},
    {"on_quote",
     (PyCFunction)CPyPy_bars___BarBuilder___on_quote,
     METH_FASTCALL | METH_KEYWORDS, PyDoc_STR("on_quote($self, quote)\n--\n\n")},
    {"advance",
     (PyCFunction)CPyPy_bars___BarBuilder___advance,
     METH_FASTCALL | METH_KEYWORDS, PyDoc_STR("advance($self, now_ms)\n--\n\n")},
    {"flush",
     (PyCFunction)CPyPy_bars___BarBuilder___flush,
     METH_FASTCALL | METH_KEYWORDS, PyDoc_STR("flush($self)\n--\n\n")},
    {"mark_final",
     (PyCFunction)CPyPy_bars___BarBuilder___mark_final,
     METH_FASTCALL | METH_KEYWORDS, PyDoc_STR("mark_final($self, symbol, seq)\n--\n\n")},
    {"quote",
     (PyCFunction)CPyPy_bars___BarBuilder___quote,
     METH_FASTCALL | METH_KEYWORDS, PyDoc_STR("quote($self, symbol)\n--\n\n")},
    {"forming",
     (PyCFunction)CPyPy_bars___BarBuilder___forming,
     METH_FASTCALL | METH_KEYWORDS, PyDoc_STR("forming($self, symbol)\n--\n\n")},
    {"final_seq",
     (PyCFunction)CPyPy_bars___BarBuilder___final_seq,
     METH_FASTCALL | METH_KEYWORDS, PyDoc_STR("final_seq($self, symbol)\n--\n\n")},
    {"_forming",
     (PyCFunction)CPyPy_bars___BarBuilder____forming,
     METH_FASTCALL | METH_KEYWORDS, PyDoc_STR("_forming($self, st)\n--\n\n")},
    {"_flush_bucket",
     (PyCFunction)CPyPy_bars___BarBuilder____flush_bucket,
     METH_FASTCALL | METH_KEYWORDS, PyDoc_STR("_flush_bucket($self, symbol, st)\n--\n\n")},
    {"_finalise",
     (PyCFunction)CPyPy_bars___BarBuilder____finalise,
     METH_FASTCALL | METH_KEYWORDS, PyDoc_STR("_finalise($self, symbol, st)\n--\n\n")},
    {"_flush_due_buckets",
     (PyCFunction)CPyPy_bars___BarBuilder____flush_due_buckets,
     METH_FASTCALL | METH_KEYWORDS, PyDoc_STR("_flush_due_buckets($self, now_ms)\n--\n\n")},
    {"_finalise_due",
     (PyCFunction)CPyPy_bars___BarBuilder____finalise_due,
     METH_FASTCALL | METH_KEYWORDS, PyDoc_STR("_finalise_due($self, now_ms)\n--\n\n")},
    {"__setstate__", (PyCFunction)CPyPickle_SetState, METH_O, NULL},
    {"__getstate__", (PyCFunction)CPyPickle_GetState, METH_NOARGS, NULL},
    {NULL}  /* Sentinel */
};

static PyTypeObject CPyType_bars___BarBuilder_template_ = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "BarBuilder",
    .tp_new = bars___BarBuilder_new,
    .tp_dealloc = (destructor)bars___BarBuilder_dealloc,
    .tp_traverse = (traverseproc)bars___BarBuilder_traverse,
    .tp_clear = (inquiry)CPyDef_bars___BarBuilder_clear,
    .tp_getset = bars___BarBuilder_getseters,
    .tp_methods = bars___BarBuilder_methods,
    .tp_init = bars___BarBuilder_init,
    .tp_basicsize = sizeof(spotlight_trader___market___bars___BarBuilderObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HEAPTYPE | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
    .tp_doc = PyDoc_STR(NULL),
};
static PyTypeObject *CPyType_bars___BarBuilder_template = &CPyType_bars___BarBuilder_template_;

PyObject *CPyDef_bars_____mypyc__BarBuilder_setup(PyObject *cpy_r_type)
{
    PyTypeObject *type = (PyTypeObject*)cpy_r_type;
    spotlight_trader___market___bars___BarBuilderObject *self;
    self = (spotlight_trader___market___bars___BarBuilderObject *)type->tp_alloc(type, 0);
    if (self == NULL)
        return NULL;
    self->vtable = bars___BarBuilder_vtable;
    self->_grace_ms = CPY_INT_TAG;
    self->__clock_from_trades = 2;
    self->__max_ahead_ms = CPY_INT_TAG;
    self->_clock_ms = CPY_INT_TAG;
    self->__clock_final_seq = CPY_INT_TAG;
    self->__next_deadline_ms = CPY_INT_TAG;
    self->__next_bucket_end_ms = CPY_INT_TAG;
    return (PyObject *)self;
}

PyObject *CPyDef_bars___BarBuilder(PyObject *cpy_r_on_bar, PyObject *cpy_r_on_microbar, CPyTagged cpy_r_grace_ms, char cpy_r_clock_from_trades, CPyTagged cpy_r_max_ahead_ms)
{
    PyObject *self = CPyDef_bars_____mypyc__BarBuilder_setup((PyObject *)CPyType_bars___BarBuilder);
    if (self == NULL)
        return NULL;
    char res = CPyDef_bars___BarBuilder_____init__(self, cpy_r_on_bar, cpy_r_on_microbar, cpy_r_grace_ms, cpy_r_clock_from_trades, cpy_r_max_ahead_ms);
    if (res == 2) {
        Py_DECREF(self);
        return NULL;
    }
    return self;
}

static PyObject *
bars___BarBuilder_get__on_bar(spotlight_trader___market___bars___BarBuilderObject *self, void *closure)
{
    if (unlikely(self->__on_bar == NULL)) {
        PyErr_SetString(PyExc_AttributeError,
            "attribute '_on_bar' of 'BarBuilder' undefined");
        return NULL;
    }
    CPy_INCREF(self->__on_bar);
    PyObject *retval = self->__on_bar;
    return retval;
}

static int
bars___BarBuilder_set__on_bar(spotlight_trader___market___bars___BarBuilderObject *self, PyObject *value, void *closure)
{
    if (value == NULL) {
        PyErr_SetString(PyExc_AttributeError,
            "'BarBuilder' object attribute '_on_bar' cannot be deleted");
        return -1;
    }
    PyObject *tmp = value;
    CPy_INCREF(tmp);
    if (self->__on_bar != NULL) {
        CPy_DECREF(self->__on_bar);
    }
    self->__on_bar = tmp;
    return 0;
}

static PyObject *
bars___BarBuilder_get__on_microbar(spotlight_trader___market___bars___BarBuilderObject *self, void *closure)
{
    if (unlikely(self->__on_microbar == NULL)) {
        PyErr_SetString(PyExc_AttributeError,
            "attribute '_on_microbar' of 'BarBuilder' undefined");
        return NULL;
    }
    CPy_INCREF(self->__on_microbar);
    PyObject *retval = self->__on_microbar;
    return retval;
}

static int
bars___BarBuilder_set__on_microbar(spotlight_trader___market___bars___BarBuilderObject *self, PyObject *value, void *closure)
{
    if (value == NULL) {
        PyErr_SetString(PyExc_AttributeError,
            "'BarBuilder' object attribute '_on_microbar' cannot be deleted");
        return -1;
    }
    PyObject *tmp;
    tmp = value;
    if (tmp != NULL) goto __LL1;
    if (value == Py_None)
        tmp = value;
    else {
        tmp = NULL;
    }
    if (tmp != NULL) goto __LL1;
    CPy_TypeError("object or None", value); 
    tmp = NULL;
__LL1: ;
    if (!tmp)
        return -1;
    CPy_INCREF(tmp);
    if (self->__on_microbar != NULL) {
        CPy_DECREF(self->__on_microbar);
    }
    self->__on_microbar = tmp;
    return 0;
}

static PyObject *
bars___BarBuilder_get_grace_ms(spotlight_trader___market___bars___BarBuilderObject *self, void *closure)
{
    if (unlikely(self->_grace_ms == CPY_INT_TAG)) {
        PyErr_SetString(PyExc_AttributeError,
            "attribute 'grace_ms' of 'BarBuilder' undefined");
        return NULL;
    }
    CPyTagged_INCREF(self->_grace_ms);
    PyObject *retval = CPyTagged_StealAsObject(self->_grace_ms);
    return retval;
}

static int
bars___BarBuilder_set_grace_ms(spotlight_trader___market___bars___BarBuilderObject *self, PyObject *value, void *closure)
{
    if (value == NULL) {
        PyErr_SetString(PyExc_AttributeError,
            "'BarBuilder' object attribute 'grace_ms' cannot be deleted");
        return -1;
    }
    CPyTagged tmp;
    if (likely(PyLong_Check(value)))
        tmp = CPyTagged_BorrowFromObject(value);
    else {
        CPy_TypeError("int", value); return -1;
    }
    CPyTagged_INCREF(tmp);
    if (self->_grace_ms != CPY_INT_TAG) {
        CPyTagged_DECREF(self->_grace_ms);
    }
    self->_grace_ms = tmp;
    return 0;
}

static PyObject *
bars___BarBuilder_get__clock_from_trades(spotlight_trader___market___bars___BarBuilderObject *self, void *closure)
{
    PyObject *retval = self->__clock_from_trades ? Py_True : Py_False;
    CPy_INCREF(retval);
    return retval;
}

static int
bars___BarBuilder_set__clock_from_trades(spotlight_trader___market___bars___BarBuilderObject *self, PyObject *value, void *closure)
{
    if (value == NULL) {
        PyErr_SetString(PyExc_AttributeError,
            "'BarBuilder' object attribute '_clock_from_trades' cannot be deleted");
        return -1;
    }
    char tmp;
    if (unlikely(!PyBool_Check(value))) {
        CPy_TypeError("bool", value); return -1;
    } else
        tmp = value == Py_True;
    self->__clock_from_trades = tmp;
    return 0;
}

static PyObject *
bars___BarBuilder_get__max_ahead_ms(spotlight_trader___market___bars___BarBuilderObject *self, void *closure)
{
    if (unlikely(self->__max_ahead_ms == CPY_INT_TAG)) {
        PyErr_SetString(PyExc_AttributeError,
            "attribute '_max_ahead_ms' of 'BarBuilder' undefined");
        return NULL;
    }
    CPyTagged_INCREF(self->__max_ahead_ms);
    PyObject *retval = CPyTagged_StealAsObject(self->__max_ahead_ms);
    return retval;
}

static int
bars___BarBuilder_set__max_ahead_ms(spotlight_trader___market___bars___BarBuilderObject *self, PyObject *value, void *closure)
{
    if (value == NULL) {
        PyErr_SetString(PyExc_AttributeError,
            "'BarBuilder' object attribute '_max_ahead_ms' cannot be deleted");
        return -1;
    }
    CPyTagged tmp;
    if (likely(PyLong_Check(value)))
        tmp = CPyTagged_BorrowFromObject(value);
    else {
        CPy_TypeError("int", value); return -1;
    }
    CPyTagged_INCREF(tmp);
    if (self->__max_ahead_ms != CPY_INT_TAG) {
        CPyTagged_DECREF(self->__max_ahead_ms);
    }
    self->__max_ahead_ms = tmp;
    return 0;
}

static PyObject *
bars___BarBuilder_get__states(spotlight_trader___market___bars___BarBuilderObject *self, void *closure)
{
    if (unlikely(self->__states == NULL)) {
        PyErr_SetString(PyExc_AttributeError,
            "attribute '_states' of 'BarBuilder' undefined");
        return NULL;
    }
    CPy_INCREF(self->__states);
    PyObject *retval = self->__states;
    return retval;
}

static int
bars___BarBuilder_set__states(spotlight_trader___market___bars___BarBuilderObject *self, PyObject *value, void *closure)
{
    if (value == NULL) {
        PyErr_SetString(PyExc_AttributeError,
            "'BarBuilder' object attribute '_states' cannot be deleted");
        return -1;
    }
    PyObject *tmp;
    if (likely(PyDict_Check(value)))
        tmp = value;
    else {
        CPy_TypeError("dict", value); 
        tmp = NULL;
    }
    if (!tmp)
        return -1;
    CPy_INCREF(tmp);
    if (self->__states != NULL) {
        CPy_DECREF(self->__states);
    }
    self->__states = tmp;
    return 0;
}

static PyObject *
bars___BarBuilder_get__flags(spotlight_trader___market___bars___BarBuilderObject *self, void *closure)
{
    if (unlikely(self->__flags == NULL)) {
        PyErr_SetString(PyExc_AttributeError,
            "attribute '_flags' of 'BarBuilder' undefined");
        return NULL;
    }
    CPy_INCREF(self->__flags);
    PyObject *retval = self->__flags;
    return retval;
}

static int
bars___BarBuilder_set__flags(spotlight_trader___market___bars___BarBuilderObject *self, PyObject *value, void *closure)
{
    if (value == NULL) {
        PyErr_SetString(PyExc_AttributeError,
            "'BarBuilder' object attribute '_flags' cannot be deleted");
        return -1;
    }
    PyObject *tmp;
    if (likely(PyDict_Check(value)))
        tmp = value;
    else {
        CPy_TypeError("dict", value); 
        tmp = NULL;
    }
    if (!tmp)
        return -1;
    CPy_INCREF(tmp);
    if (self->__flags != NULL) {
        CPy_DECREF(self->__flags);
    }
    self->__flags = tmp;
    return 0;
}

static PyObject *
bars___BarBuilder_get__quotes(spotlight_trader___market___bars___BarBuilderObject *self, void *closure)
{
    if (unlikely(self->__quotes == NULL)) {
        PyErr_SetString(PyExc_AttributeError,
            "attribute '_quotes' of 'BarBuilder' undefined");
        return NULL;
    }
    CPy_INCREF(self->__quotes);
    PyObject *retval = self->__quotes;
    return retval;
}

static int
bars___BarBuilder_set__quotes(spotlight_trader___market___bars___BarBuilderObject *self, PyObject *value, void *closure)
{
    if (value == NULL) {
        PyErr_SetString(PyExc_AttributeError,
            "'BarBuilder' object attribute '_quotes' cannot be deleted");
        return -1;
    }
    PyObject *tmp;
    if (likely(PyDict_Check(value)))
        tmp = value;
    else {
        CPy_TypeError("dict", value); 
        tmp = NULL;
    }
    if (!tmp)
        return -1;
    CPy_INCREF(tmp);
    if (self->__quotes != NULL) {
        CPy_DECREF(self->__quotes);
    }
    self->__quotes = tmp;
    return 0;
}

static PyObject *
bars___BarBuilder_get_clock_ms(spotlight_trader___market___bars___BarBuilderObject *self, void *closure)
{
    if (unlikely(self->_clock_ms == CPY_INT_TAG)) {
        PyErr_SetString(PyExc_AttributeError,
            "attribute 'clock_ms' of 'BarBuilder' undefined");
        return NULL;
    }
    CPyTagged_INCREF(self->_clock_ms);
    PyObject *retval = CPyTagged_StealAsObject(self->_clock_ms);
    return retval;
}

static int
bars___BarBuilder_set_clock_ms(spotlight_trader___market___bars___BarBuilderObject *self, PyObject *value, void *closure)
{
    if (value == NULL) {
        PyErr_SetString(PyExc_AttributeError,
            "'BarBuilder' object attribute 'clock_ms' cannot be deleted");
        return -1;
    }
    CPyTagged tmp;
    if (likely(PyLong_Check(value)))
        tmp = CPyTagged_BorrowFromObject(value);
    else {
        CPy_TypeError("int", value); return -1;
    }
    CPyTagged_INCREF(tmp);
    if (self->_clock_ms != CPY_INT_TAG) {
        CPyTagged_DECREF(self->_clock_ms);
    }
    self->_clock_ms = tmp;
    return 0;
}

static PyObject *
bars___BarBuilder_get__clock_final_seq(spotlight_trader___market___bars___BarBuilderObject *self, void *closure)
{
    if (unlikely(self->__clock_final_seq == CPY_INT_TAG)) {
        PyErr_SetString(PyExc_AttributeError,
            "attribute '_clock_final_seq' of 'BarBuilder' undefined");
        return NULL;
    }
    CPyTagged_INCREF(self->__clock_final_seq);
    PyObject *retval = CPyTagged_StealAsObject(self->__clock_final_seq);
    return retval;
}

static int
bars___BarBuilder_set__clock_final_seq(spotlight_trader___market___bars___BarBuilderObject *self, PyObject *value, void *closure)
{
    if (value == NULL) {
        PyErr_SetString(PyExc_AttributeError,
            "'BarBuilder' object attribute '_clock_final_seq' cannot be deleted");
        return -1;
    }
    CPyTagged tmp;
    if (likely(PyLong_Check(value)))
        tmp = CPyTagged_BorrowFromObject(value);
    else {
        CPy_TypeError("int", value); return -1;
    }
    CPyTagged_INCREF(tmp);
    if (self->__clock_final_seq != CPY_INT_TAG) {
        CPyTagged_DECREF(self->__clock_final_seq);
    }
    self->__clock_final_seq = tmp;
    return 0;
}

static PyObject *
bars___BarBuilder_get__next_deadline_ms(spotlight_trader___market___bars___BarBuilderObject *self, void *closure)
{
    if (unlikely(self->__next_deadline_ms == CPY_INT_TAG)) {
        PyErr_SetString(PyExc_AttributeError,
            "attribute '_next_deadline_ms' of 'BarBuilder' undefined");
        return NULL;
    }
    CPyTagged_INCREF(self->__next_deadline_ms);
    PyObject *retval = CPyTagged_StealAsObject(self->__next_deadline_ms);
    return retval;
}

static int
bars___BarBuilder_set__next_deadline_ms(spotlight_trader___market___bars___BarBuilderObject *self, PyObject *value, void *closure)
{
    if (value == NULL) {
        PyErr_SetString(PyExc_AttributeError,
            "'BarBuilder' object attribute '_next_deadline_ms' cannot be deleted");
        return -1;
    }
    CPyTagged tmp;
    if (likely(PyLong_Check(value)))
        tmp = CPyTagged_BorrowFromObject(value);
    else {
        CPy_TypeError("int", value); return -1;
    }
    CPyTagged_INCREF(tmp);
    if (self->__next_deadline_ms != CPY_INT_TAG) {
        CPyTagged_DECREF(self->__next_deadline_ms);
    }
    self->__next_deadline_ms = tmp;
    return 0;
}

static PyObject *
bars___BarBuilder_get__next_bucket_end_ms(spotlight_trader___market___bars___BarBuilderObject *self, void *closure)
{
    if (unlikely(self->__next_bucket_end_ms == CPY_INT_TAG)) {
        PyErr_SetString(PyExc_AttributeError,
            "attribute '_next_bucket_end_ms' of 'BarBuilder' undefined");
        return NULL;
    }
    CPyTagged_INCREF(self->__next_bucket_end_ms);
    PyObject *retval = CPyTagged_StealAsObject(self->__next_bucket_end_ms);
    return retval;
}

static int
bars___BarBuilder_set__next_bucket_end_ms(spotlight_trader___market___bars___BarBuilderObject *self, PyObject *value, void *closure)
{
    if (value == NULL) {
        PyErr_SetString(PyExc_AttributeError,
            "'BarBuilder' object attribute '_next_bucket_end_ms' cannot be deleted");
        return -1;
    }
    CPyTagged tmp;
    if (likely(PyLong_Check(value)))
        tmp = CPyTagged_BorrowFromObject(value);
    else {
        CPy_TypeError("int", value); return -1;
    }
    CPyTagged_INCREF(tmp);
    if (self->__next_bucket_end_ms != CPY_INT_TAG) {
        CPyTagged_DECREF(self->__next_bucket_end_ms);
    }
    self->__next_bucket_end_ms = tmp;
    return 0;
}

static PyObject *
bars___BarBuilder_get_stats(spotlight_trader___market___bars___BarBuilderObject *self, void *closure)
{
    if (unlikely(self->_stats == NULL)) {
        PyErr_SetString(PyExc_AttributeError,
            "attribute 'stats' of 'BarBuilder' undefined");
        return NULL;
    }
    CPy_INCREF(self->_stats);
    PyObject *retval = self->_stats;
    return retval;
}

static int
bars___BarBuilder_set_stats(spotlight_trader___market___bars___BarBuilderObject *self, PyObject *value, void *closure)
{
    if (value == NULL) {
        PyErr_SetString(PyExc_AttributeError,
            "'BarBuilder' object attribute 'stats' cannot be deleted");
        return -1;
    }
    PyObject *tmp;
    if (likely(Py_TYPE(value) == CPyType_bars___BuilderStats))
        tmp = value;
    else {
        CPy_TypeError("spotlight_trader.market.bars.BuilderStats", value); 
        tmp = NULL;
    }
    if (!tmp)
        return -1;
    CPy_INCREF(tmp);
    if (self->_stats != NULL) {
        CPy_DECREF(self->_stats);
    }
    self->_stats = tmp;
    return 0;
}
static PyMethodDef barsmodule_methods[] = {
    {"build_bars", (PyCFunction)CPyPy_bars___build_bars, METH_FASTCALL | METH_KEYWORDS, PyDoc_STR("build_bars(trades, *, grace_ms=2000)\n--\n\n") /* docstring */},
    {NULL, NULL, 0, NULL}
};

static int CPyExec_spotlight_trader___market___bars__impl(PyObject *module)
{
    PyObject* modname = NULL;
    modname = PyObject_GetAttrString((PyObject *)CPyModule_spotlight_trader___market___bars__internal, "__name__");
    CPyStatic_bars___globals = PyModule_GetDict(CPyModule_spotlight_trader___market___bars__internal);
    if (unlikely(CPyStatic_bars___globals == NULL))
        goto fail;
    char result = CPyDef_bars_____top_level__();
    if (result == 2)
        goto fail;
    Py_DECREF(modname);
    return 0;
    fail:
    Py_CLEAR(CPyModule_spotlight_trader___market___bars__internal);
    Py_CLEAR(modname);
    CPyTagged_XDECREF(CPyStatic_bars___spotlight_trader___market___bars___BarBuilder_____init_____max_ahead_ms);
    CPyStatic_bars___spotlight_trader___market___bars___BarBuilder_____init_____max_ahead_ms = CPY_INT_TAG;
    Py_CLEAR(CPyType_bars___BuilderStats);
    Py_CLEAR(CPyType_bars____SymbolState);
    Py_CLEAR(CPyType_bars___BarBuilder);
    return -1;
}
int CPyExec_spotlight_trader___market___bars(PyObject *module)
{
    return CPyImport_Exec(module, CPyExec_spotlight_trader___market___bars__impl, &CPyImportState_spotlight_trader___market___bars, &CPyModule_spotlight_trader___market___bars);
}
static struct PyModuleDef barsmodule = {
    PyModuleDef_HEAD_INIT,
    "spotlight_trader.market.bars",
    NULL, /* docstring */
    0,       /* size of per-interpreter state of the module */
    barsmodule_methods,
    NULL,
};

PyObject *CPyInitOnly_spotlight_trader___market___bars(void)
{
    if (CPyModule_spotlight_trader___market___bars__internal) {
        Py_INCREF(CPyModule_spotlight_trader___market___bars__internal);
        return CPyModule_spotlight_trader___market___bars__internal;
    }
    CPyModule_spotlight_trader___market___bars__internal = PyModule_Create(&barsmodule);
    return CPyModule_spotlight_trader___market___bars__internal;
}

PyObject *CPyInit_spotlight_trader___market___bars(void)
{
    PyObject* modname = NULL;
    PyObject *initializing_spec = NULL;
    if (CPyModule_spotlight_trader___market___bars__internal) {
        Py_INCREF(CPyModule_spotlight_trader___market___bars__internal);
        return CPyModule_spotlight_trader___market___bars__internal;
    }
    CPyModule_spotlight_trader___market___bars__internal = PyModule_Create(&barsmodule);
    if (unlikely(CPyModule_spotlight_trader___market___bars__internal == NULL))
        goto fail;
    modname = PyUnicode_FromString("spotlight_trader.market.bars");
    if (modname == NULL) CPyError_OutOfMemory();
    int rv = 0;
    PyObject *mod_dict = PyImport_GetModuleDict();
    PyObject *shared_lib = NULL;
    rv = PyDict_GetItemStringRef(mod_dict, "dc479947e61d54220be4__mypyc", &shared_lib);
    if (rv < 0) goto fail;
    PyObject *shared_lib_file = PyObject_GetAttrString(shared_lib, "__file__");
    if (shared_lib_file == NULL) goto fail;
    PyObject *ext_suffix = PyUnicode_FromString(".cpython-311-x86_64-linux-gnu.so");
    if (ext_suffix == NULL) CPyError_OutOfMemory();
    Py_ssize_t is_pkg = 0;
    rv = CPyImport_SetDunderAttrs(CPyModule_spotlight_trader___market___bars__internal, modname, shared_lib_file, ext_suffix, is_pkg);
    Py_DECREF(ext_suffix);
    Py_DECREF(shared_lib_file);
    if (rv < 0) goto fail;
    initializing_spec = CPyImport_BeginInitializing(CPyModule_spotlight_trader___market___bars__internal);
    if (initializing_spec == NULL)
        goto fail;
    if (PyObject_SetItem(PyImport_GetModuleDict(), modname, CPyModule_spotlight_trader___market___bars__internal) < 0)
        goto fail;
    Py_CLEAR(modname);
    if (CPyExec_spotlight_trader___market___bars(CPyModule_spotlight_trader___market___bars__internal) != 0)
        goto fail;
    rv = CPyImport_EndInitializing(initializing_spec);
    initializing_spec = NULL;
    if (rv < 0)
        goto fail;
    return CPyModule_spotlight_trader___market___bars__internal;
    fail:
    {
            PyObject *exc_type, *exc_val, *exc_tb;
            PyErr_Fetch(&exc_type, &exc_val, &exc_tb);
            if (modname == NULL) {
                    modname = PyUnicode_FromString("spotlight_trader.market.bars");
                    if (modname == NULL) CPyError_OutOfMemory();
                }
                PyObject_DelItem(PyImport_GetModuleDict(), modname);
                PyErr_Clear();
                Py_DECREF(modname);
                if (initializing_spec != NULL) {
                        CPyImport_EndInitializing(initializing_spec);
                        PyErr_Clear();
                    }
                    Py_CLEAR(CPyModule_spotlight_trader___market___bars__internal);
                    PyErr_Restore(exc_type, exc_val, exc_tb);
            }
            return NULL;
        }
        
char CPyDef_bars____SymbolState_____init__(PyObject *cpy_r_self) {
    PyObject *cpy_r_r0;
    PyObject *cpy_r_r1;
    PyObject *cpy_r_r2;
    CPyTagged cpy_r_r3;
    PyObject *cpy_r_r4;
    PyObject *cpy_r_r5;
    PyObject *cpy_r_r6;
    CPyTagged cpy_r_r7;
    PyObject *cpy_r_r8;
    PyObject *cpy_r_r9;
    PyObject *cpy_r_r10;
    CPyTagged cpy_r_r11;
    char cpy_r_r12;
    cpy_r_r0 = CPyStatic_bars___globals;
    cpy_r_r1 = CPyStatics[3]; /* '_NO_CLOCK' */
    cpy_r_r2 = CPyDict_GetItem(cpy_r_r0, cpy_r_r1);
    if (unlikely(cpy_r_r2 == NULL)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "__init__", 59, CPyStatic_bars___globals);
        goto CPyL7;
    }
    if (likely(PyLong_Check(cpy_r_r2)))
        cpy_r_r3 = CPyTagged_FromObject(cpy_r_r2);
    else {
        CPy_TypeError("int", cpy_r_r2); cpy_r_r3 = CPY_INT_TAG;
    }
    CPy_DECREF(cpy_r_r2);
    if (unlikely(cpy_r_r3 == CPY_INT_TAG)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "__init__", 59, CPyStatic_bars___globals);
        goto CPyL7;
    }
    ((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_self)->_seq = cpy_r_r3;
    cpy_r_r4 = CPyStatic_bars___globals;
    cpy_r_r5 = CPyStatics[3]; /* '_NO_CLOCK' */
    cpy_r_r6 = CPyDict_GetItem(cpy_r_r4, cpy_r_r5);
    if (unlikely(cpy_r_r6 == NULL)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "__init__", 60, CPyStatic_bars___globals);
        goto CPyL7;
    }
    if (likely(PyLong_Check(cpy_r_r6)))
        cpy_r_r7 = CPyTagged_FromObject(cpy_r_r6);
    else {
        CPy_TypeError("int", cpy_r_r6); cpy_r_r7 = CPY_INT_TAG;
    }
    CPy_DECREF(cpy_r_r6);
    if (unlikely(cpy_r_r7 == CPY_INT_TAG)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "__init__", 60, CPyStatic_bars___globals);
        goto CPyL7;
    }
    ((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_self)->_final_seq = cpy_r_r7;
    ((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_self)->_has_oc = 0;
    ((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_self)->_has_hl = 0;
    ((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_self)->_open = 0.0;
    ((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_self)->_high = 0.0;
    ((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_self)->_low = 0.0;
    ((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_self)->_close = 0.0;
    ((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_self)->_open_ts = 0;
    ((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_self)->_close_ts = 0;
    ((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_self)->_volume = 0.0;
    ((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_self)->_trades = 0;
    cpy_r_r8 = CPyStatic_bars___globals;
    cpy_r_r9 = CPyStatics[3]; /* '_NO_CLOCK' */
    cpy_r_r10 = CPyDict_GetItem(cpy_r_r8, cpy_r_r9);
    if (unlikely(cpy_r_r10 == NULL)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "__init__", 71, CPyStatic_bars___globals);
        goto CPyL7;
    }
    if (likely(PyLong_Check(cpy_r_r10)))
        cpy_r_r11 = CPyTagged_FromObject(cpy_r_r10);
    else {
        CPy_TypeError("int", cpy_r_r10); cpy_r_r11 = CPY_INT_TAG;
    }
    CPy_DECREF(cpy_r_r10);
    if (unlikely(cpy_r_r11 == CPY_INT_TAG)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "__init__", 71, CPyStatic_bars___globals);
        goto CPyL7;
    }
    ((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_self)->_b_idx = cpy_r_r11;
    ((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_self)->_b_has_oc = 0;
    ((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_self)->_b_has_hl = 0;
    ((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_self)->_b_open = 0.0;
    ((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_self)->_b_high = 0.0;
    ((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_self)->_b_low = 0.0;
    ((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_self)->_b_close = 0.0;
    ((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_self)->_b_volume = 0.0;
    ((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_self)->_b_trades = 0;
    return 1;
CPyL7: ;
    cpy_r_r12 = 2;
    return cpy_r_r12;
}
        
        PyObject *CPyPy_bars____SymbolState_____init__(PyObject *self, PyObject *args, PyObject *kw) {
            PyObject *obj_self = self;
            static const char * const kwlist[] = {0};
            if (!CPyArg_ParseTupleAndKeywords(args, kw, "", "__init__", kwlist)) {
                return NULL;
            }
            PyObject *arg_self;
            if (likely(Py_TYPE(obj_self) == CPyType_bars____SymbolState))
                arg_self = obj_self;
            else {
                CPy_TypeError("spotlight_trader.market.bars._SymbolState", obj_self); 
                goto fail;
            }
            char retval = CPyDef_bars____SymbolState_____init__(arg_self);
            if (retval == 2) {
                return NULL;
            }
            PyObject *retbox = Py_None;
            CPy_INCREF(retbox);
            return retbox;
fail: ;
            CPy_AddTraceback("src/spotlight_trader/market/bars.py", "__init__", 58, CPyStatic_bars___globals);
            return NULL;
        }
        
char CPyDef_bars___BarBuilder_____init__(PyObject *cpy_r_self, PyObject *cpy_r_on_bar, PyObject *cpy_r_on_microbar, CPyTagged cpy_r_grace_ms, char cpy_r_clock_from_trades, CPyTagged cpy_r_max_ahead_ms) {
    PyObject *cpy_r_r0;
    CPyTagged cpy_r_r1;
    PyObject *cpy_r_r2;
    PyObject *cpy_r_r3;
    PyObject *cpy_r_r4;
    PyObject *cpy_r_r5;
    PyObject *cpy_r_r6;
    PyObject *cpy_r_r7;
    CPyTagged cpy_r_r8;
    PyObject *cpy_r_r9;
    PyObject *cpy_r_r10;
    PyObject *cpy_r_r11;
    CPyTagged cpy_r_r12;
    PyObject *cpy_r_r13;
    PyObject *cpy_r_r14;
    PyObject *cpy_r_r15;
    CPyTagged cpy_r_r16;
    PyObject *cpy_r_r17;
    PyObject *cpy_r_r18;
    PyObject *cpy_r_r19;
    CPyTagged cpy_r_r20;
    PyObject *cpy_r_r21;
    PyObject *cpy_r_r22;
    PyObject *cpy_r_r23;
    char cpy_r_r24;
    if (cpy_r_on_microbar != NULL) goto CPyL23;
    cpy_r_r0 = Py_None;
    CPy_INCREF(cpy_r_r0);
    cpy_r_on_microbar = cpy_r_r0;
CPyL2: ;
    if (cpy_r_grace_ms != CPY_INT_TAG) goto CPyL24;
    cpy_r_grace_ms = 4000;
CPyL4: ;
    if (cpy_r_clock_from_trades != 2) goto CPyL6;
    cpy_r_clock_from_trades = 0;
CPyL6: ;
    if (cpy_r_max_ahead_ms != CPY_INT_TAG) goto CPyL25;
    cpy_r_r1 = CPyStatic_bars___spotlight_trader___market___bars___BarBuilder_____init_____max_ahead_ms;
    CPyTagged_INCREF(cpy_r_r1);
    cpy_r_max_ahead_ms = cpy_r_r1;
CPyL8: ;
    CPy_INCREF(cpy_r_on_bar);
    ((spotlight_trader___market___bars___BarBuilderObject *)cpy_r_self)->__on_bar = cpy_r_on_bar;
    ((spotlight_trader___market___bars___BarBuilderObject *)cpy_r_self)->__on_microbar = cpy_r_on_microbar;
    ((spotlight_trader___market___bars___BarBuilderObject *)cpy_r_self)->_grace_ms = cpy_r_grace_ms;
    ((spotlight_trader___market___bars___BarBuilderObject *)cpy_r_self)->__clock_from_trades = cpy_r_clock_from_trades;
    ((spotlight_trader___market___bars___BarBuilderObject *)cpy_r_self)->__max_ahead_ms = cpy_r_max_ahead_ms;
    cpy_r_r2 = PyDict_New();
    if (unlikely(cpy_r_r2 == NULL)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "__init__", 105, CPyStatic_bars___globals);
        goto CPyL22;
    }
    ((spotlight_trader___market___bars___BarBuilderObject *)cpy_r_self)->__states = cpy_r_r2;
    cpy_r_r3 = PyDict_New();
    if (unlikely(cpy_r_r3 == NULL)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "__init__", 106, CPyStatic_bars___globals);
        goto CPyL22;
    }
    ((spotlight_trader___market___bars___BarBuilderObject *)cpy_r_self)->__flags = cpy_r_r3;
    cpy_r_r4 = PyDict_New();
    if (unlikely(cpy_r_r4 == NULL)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "__init__", 107, CPyStatic_bars___globals);
        goto CPyL22;
    }
    ((spotlight_trader___market___bars___BarBuilderObject *)cpy_r_self)->__quotes = cpy_r_r4;
    cpy_r_r5 = CPyStatic_bars___globals;
    cpy_r_r6 = CPyStatics[3]; /* '_NO_CLOCK' */
    cpy_r_r7 = CPyDict_GetItem(cpy_r_r5, cpy_r_r6);
    if (unlikely(cpy_r_r7 == NULL)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "__init__", 108, CPyStatic_bars___globals);
        goto CPyL22;
    }
    if (likely(PyLong_Check(cpy_r_r7)))
        cpy_r_r8 = CPyTagged_FromObject(cpy_r_r7);
    else {
        CPy_TypeError("int", cpy_r_r7); cpy_r_r8 = CPY_INT_TAG;
    }
    CPy_DECREF(cpy_r_r7);
    if (unlikely(cpy_r_r8 == CPY_INT_TAG)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "__init__", 108, CPyStatic_bars___globals);
        goto CPyL22;
    }
    ((spotlight_trader___market___bars___BarBuilderObject *)cpy_r_self)->_clock_ms = cpy_r_r8;
    cpy_r_r9 = CPyStatic_bars___globals;
    cpy_r_r10 = CPyStatics[3]; /* '_NO_CLOCK' */
    cpy_r_r11 = CPyDict_GetItem(cpy_r_r9, cpy_r_r10);
    if (unlikely(cpy_r_r11 == NULL)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "__init__", 109, CPyStatic_bars___globals);
        goto CPyL22;
    }
    if (likely(PyLong_Check(cpy_r_r11)))
        cpy_r_r12 = CPyTagged_FromObject(cpy_r_r11);
    else {
        CPy_TypeError("int", cpy_r_r11); cpy_r_r12 = CPY_INT_TAG;
    }
    CPy_DECREF(cpy_r_r11);
    if (unlikely(cpy_r_r12 == CPY_INT_TAG)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "__init__", 109, CPyStatic_bars___globals);
        goto CPyL22;
    }
    ((spotlight_trader___market___bars___BarBuilderObject *)cpy_r_self)->__clock_final_seq = cpy_r_r12;
    cpy_r_r13 = CPyStatic_bars___globals;
    cpy_r_r14 = CPyStatics[4]; /* 'MAX_TS_MS' */
    cpy_r_r15 = CPyDict_GetItem(cpy_r_r13, cpy_r_r14);
    if (unlikely(cpy_r_r15 == NULL)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "__init__", 110, CPyStatic_bars___globals);
        goto CPyL22;
    }
    if (likely(PyLong_Check(cpy_r_r15)))
        cpy_r_r16 = CPyTagged_FromObject(cpy_r_r15);
    else {
        CPy_TypeError("int", cpy_r_r15); cpy_r_r16 = CPY_INT_TAG;
    }
    CPy_DECREF(cpy_r_r15);
    if (unlikely(cpy_r_r16 == CPY_INT_TAG)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "__init__", 110, CPyStatic_bars___globals);
        goto CPyL22;
    }
    ((spotlight_trader___market___bars___BarBuilderObject *)cpy_r_self)->__next_deadline_ms = cpy_r_r16;
    cpy_r_r17 = CPyStatic_bars___globals;
    cpy_r_r18 = CPyStatics[4]; /* 'MAX_TS_MS' */
    cpy_r_r19 = CPyDict_GetItem(cpy_r_r17, cpy_r_r18);
    if (unlikely(cpy_r_r19 == NULL)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "__init__", 111, CPyStatic_bars___globals);
        goto CPyL22;
    }
    if (likely(PyLong_Check(cpy_r_r19)))
        cpy_r_r20 = CPyTagged_FromObject(cpy_r_r19);
    else {
        CPy_TypeError("int", cpy_r_r19); cpy_r_r20 = CPY_INT_TAG;
    }
    CPy_DECREF(cpy_r_r19);
    if (unlikely(cpy_r_r20 == CPY_INT_TAG)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "__init__", 111, CPyStatic_bars___globals);
        goto CPyL22;
    }
    ((spotlight_trader___market___bars___BarBuilderObject *)cpy_r_self)->__next_bucket_end_ms = cpy_r_r20;
    cpy_r_r21 = CPyTuple_LoadEmptyTupleConstant();
    cpy_r_r22 = PyDict_New();
    if (unlikely(cpy_r_r22 == NULL)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "__init__", 112, CPyStatic_bars___globals);
        goto CPyL26;
    }
    cpy_r_r23 = CPyDef_bars___BuilderStats(cpy_r_r21, cpy_r_r22);
    CPy_DECREF(cpy_r_r21);
    CPy_DECREF(cpy_r_r22);
    if (unlikely(cpy_r_r23 == NULL)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "__init__", 112, CPyStatic_bars___globals);
        goto CPyL22;
    }
    ((spotlight_trader___market___bars___BarBuilderObject *)cpy_r_self)->_stats = cpy_r_r23;
    return 1;
CPyL22: ;
    cpy_r_r24 = 2;
    return cpy_r_r24;
CPyL23: ;
    CPy_INCREF(cpy_r_on_microbar);
    goto CPyL2;
CPyL24: ;
    CPyTagged_INCREF(cpy_r_grace_ms);
    goto CPyL4;
CPyL25: ;
    CPyTagged_INCREF(cpy_r_max_ahead_ms);
    goto CPyL8;
CPyL26: ;
    CPy_DecRef(cpy_r_r21);
    goto CPyL22;
}
        
        PyObject *CPyPy_bars___BarBuilder_____init__(PyObject *self, PyObject *args, PyObject *kw) {
            PyObject *obj_self = self;
            static const char * const kwlist[] = {"on_bar", "on_microbar", "grace_ms", "clock_from_trades", "max_ahead_ms", 0};
            PyObject *obj_on_bar;
            PyObject *obj_on_microbar = NULL;
            PyObject *obj_grace_ms = NULL;
            PyObject *obj_clock_from_trades = NULL;
            PyObject *obj_max_ahead_ms = NULL;
            if (!CPyArg_ParseTupleAndKeywords(args, kw, "O|O$OOO", "__init__", kwlist, &obj_on_bar, &obj_on_microbar, &obj_grace_ms, &obj_clock_from_trades, &obj_max_ahead_ms)) {
                return NULL;
            }
            PyObject *arg_self;
            if (likely(Py_TYPE(obj_self) == CPyType_bars___BarBuilder))
                arg_self = obj_self;
            else {
                CPy_TypeError("spotlight_trader.market.bars.BarBuilder", obj_self); 
                goto fail;
            }
            PyObject *arg_on_bar = obj_on_bar;
            PyObject *arg_on_microbar;
            if (obj_on_microbar == NULL) {
                arg_on_microbar = NULL;
                goto __LL2;
            }
            arg_on_microbar = obj_on_microbar;
            if (arg_on_microbar != NULL) goto __LL2;
            if (obj_on_microbar == Py_None)
                arg_on_microbar = obj_on_microbar;
            else {
                arg_on_microbar = NULL;
            }
            if (arg_on_microbar != NULL) goto __LL2;
            CPy_TypeError("object or None", obj_on_microbar); 
            goto fail;
__LL2: ;
            CPyTagged arg_grace_ms;
            if (obj_grace_ms == NULL) {
                arg_grace_ms = CPY_INT_TAG;
            } else if (likely(PyLong_Check(obj_grace_ms)))
                arg_grace_ms = CPyTagged_BorrowFromObject(obj_grace_ms);
            else {
                CPy_TypeError("int", obj_grace_ms); goto fail;
            }
            char arg_clock_from_trades;
            if (obj_clock_from_trades == NULL) {
                arg_clock_from_trades = 2;
            } else if (unlikely(!PyBool_Check(obj_clock_from_trades))) {
                CPy_TypeError("bool", obj_clock_from_trades); goto fail;
            } else
                arg_clock_from_trades = obj_clock_from_trades == Py_True;
            CPyTagged arg_max_ahead_ms;
            if (obj_max_ahead_ms == NULL) {
                arg_max_ahead_ms = CPY_INT_TAG;
            } else if (likely(PyLong_Check(obj_max_ahead_ms)))
                arg_max_ahead_ms = CPyTagged_BorrowFromObject(obj_max_ahead_ms);
            else {
                CPy_TypeError("int", obj_max_ahead_ms); goto fail;
            }
            char retval = CPyDef_bars___BarBuilder_____init__(arg_self, arg_on_bar, arg_on_microbar, arg_grace_ms, arg_clock_from_trades, arg_max_ahead_ms);
            if (retval == 2) {
                return NULL;
            }
            PyObject *retbox = Py_None;
            CPy_INCREF(retbox);
            return retbox;
fail: ;
            CPy_AddTraceback("src/spotlight_trader/market/bars.py", "__init__", 91, CPyStatic_bars___globals);
            return NULL;
        }
        
char CPyDef_bars___BarBuilder___on_trade(PyObject *cpy_r_self, PyObject *cpy_r_trade) {
    PyObject *cpy_r_r0;
    CPyTagged cpy_r_r1;
    CPyTagged cpy_r_r2;
    char cpy_r_r3;
    PyObject *cpy_r_r4;
    PyObject *cpy_r_r5;
    double cpy_r_r6;
    char cpy_r_r7;
    PyObject *cpy_r_r8;
    PyObject *cpy_r_r9;
    PyObject *cpy_r_r10;
    double cpy_r_r11;
    char cpy_r_r12;
    PyObject *cpy_r_r13;
    PyObject *cpy_r_r14;
    PyObject *cpy_r_r15;
    CPyTagged cpy_r_r16;
    char cpy_r_r17;
    PyObject *cpy_r_r18;
    PyObject *cpy_r_r19;
    PyObject *cpy_r_r20;
    double cpy_r_r21;
    char cpy_r_r22;
    char cpy_r_r23;
    PyObject *cpy_r_r24;
    char cpy_r_r25;
    char cpy_r_r26;
    PyObject *cpy_r_r27;
    PyObject *cpy_r_r28;
    PyObject *cpy_r_r29;
    CPyTagged cpy_r_r30;
    int64_t cpy_r_r31;
    char cpy_r_r32;
    int64_t cpy_r_r33;
    char cpy_r_r34;
    char cpy_r_r35;
    char cpy_r_r36;
    char cpy_r_r37;
    char cpy_r_r38;
    PyObject *cpy_r_r39;
    PyObject *cpy_r_r40;
    PyObject *cpy_r_r41;
    CPyTagged cpy_r_r42;
    int64_t cpy_r_r43;
    char cpy_r_r44;
    int64_t cpy_r_r45;
    char cpy_r_r46;
    char cpy_r_r47;
    char cpy_r_r48;
    char cpy_r_r49;
    CPyTagged cpy_r_r50;
    CPyTagged cpy_r_r51;
    char cpy_r_r52;
    CPyTagged cpy_r_r53;
    PyObject *cpy_r_r54;
    PyObject *cpy_r_r55;
    PyObject *cpy_r_r56;
    CPyTagged cpy_r_r57;
    int64_t cpy_r_r58;
    char cpy_r_r59;
    char cpy_r_r60;
    char cpy_r_r61;
    char cpy_r_r62;
    char cpy_r_r63;
    CPyTagged cpy_r_r64;
    CPyTagged cpy_r_r65;
    int64_t cpy_r_r66;
    char cpy_r_r67;
    int64_t cpy_r_r68;
    char cpy_r_r69;
    char cpy_r_r70;
    char cpy_r_r71;
    char cpy_r_r72;
    CPyTagged cpy_r_r73;
    CPyTagged cpy_r_r74;
    char cpy_r_r75;
    PyObject *cpy_r_r76;
    PyObject *cpy_r_r77;
    PyObject *cpy_r_r78;
    PyObject *cpy_r_r79;
    PyObject *cpy_r_r80;
    PyObject *cpy_r_r81;
    PyObject *cpy_r_flags;
    PyObject *cpy_r_r82;
    char cpy_r_r83;
    CPyTagged cpy_r_r84;
    PyObject *cpy_r_r85;
    PyObject *cpy_r_r86;
    PyObject *cpy_r_r87;
    int32_t cpy_r_r88;
    char cpy_r_r89;
    CPyTagged cpy_r_r90;
    char cpy_r_r91;
    CPyTagged cpy_r_r92;
    CPyTagged cpy_r_r93;
    char cpy_r_r94;
    PyObject *cpy_r_r95;
    PyObject *cpy_r_r96;
    PyObject *cpy_r_r97;
    CPyTagged cpy_r_r98;
    CPyTagged cpy_r_r99;
    PyObject *cpy_r_r100;
    PyObject *cpy_r_r101;
    PyObject *cpy_r_r102;
    PyObject *cpy_r_r103;
    PyObject *cpy_r_r104;
    PyObject *cpy_r_r105;
    PyObject *cpy_r_st;
    PyObject *cpy_r_r106;
    char cpy_r_r107;
    PyObject *cpy_r_r108;
    PyObject *cpy_r_r109;
    PyObject *cpy_r_r110;
    PyObject *cpy_r_r111;
    PyObject *cpy_r_r112;
    int32_t cpy_r_r113;
    char cpy_r_r114;
    PyObject *cpy_r_r115;
    CPyTagged cpy_r_r116;
    int64_t cpy_r_r117;
    char cpy_r_r118;
    int64_t cpy_r_r119;
    char cpy_r_r120;
    char cpy_r_r121;
    char cpy_r_r122;
    char cpy_r_r123;
    CPyTagged cpy_r_r124;
    int64_t cpy_r_r125;
    char cpy_r_r126;
    int64_t cpy_r_r127;
    char cpy_r_r128;
    char cpy_r_r129;
    char cpy_r_r130;
    char cpy_r_r131;
    CPyTagged cpy_r_r132;
    CPyTagged cpy_r_r133;
    char cpy_r_r134;
    PyObject *cpy_r_r135;
    CPyTagged cpy_r_r136;
    int64_t cpy_r_r137;
    char cpy_r_r138;
    char cpy_r_r139;
    char cpy_r_r140;
    char cpy_r_r141;
    PyObject *cpy_r_r142;
    CPyTagged cpy_r_r143;
    int64_t cpy_r_r144;
    char cpy_r_r145;
    int64_t cpy_r_r146;
    char cpy_r_r147;
    char cpy_r_r148;
    char cpy_r_r149;
    CPyTagged cpy_r_r150;
    CPyTagged cpy_r_r151;
    char cpy_r_r152;
    PyObject *cpy_r_r153;
    CPyTagged cpy_r_r154;
    PyObject *cpy_r_r155;
    PyObject *cpy_r_r156;
    PyObject *cpy_r_r157;
    CPyTagged cpy_r_r158;
    int64_t cpy_r_r159;
    char cpy_r_r160;
    char cpy_r_r161;
    char cpy_r_r162;
    char cpy_r_r163;
    char cpy_r_r164;
    PyObject *cpy_r_r165;
    PyObject *cpy_r_r166;
    PyObject *cpy_r_r167;
    PyObject *cpy_r_r168;
    char cpy_r_r169;
    PyObject *cpy_r_r170;
    char cpy_r_r171;
    CPyTagged cpy_r_r172;
    PyObject *cpy_r_r173;
    PyObject *cpy_r_r174;
    PyObject *cpy_r_r175;
    CPyTagged cpy_r_r176;
    CPyTagged cpy_r_r177;
    CPyTagged cpy_r_r178;
    CPyTagged cpy_r_r179;
    CPyTagged cpy_r_r180;
    int64_t cpy_r_r181;
    char cpy_r_r182;
    int64_t cpy_r_r183;
    char cpy_r_r184;
    char cpy_r_r185;
    char cpy_r_r186;
    char cpy_r_r187;
    PyObject *cpy_r_r188;
    PyObject *cpy_r_r189;
    PyObject *cpy_r_r190;
    CPyTagged cpy_r_r191;
    CPyTagged cpy_r_r192;
    PyObject *cpy_r_r193;
    CPyTagged cpy_r_r194;
    int64_t cpy_r_r195;
    char cpy_r_r196;
    int64_t cpy_r_r197;
    char cpy_r_r198;
    char cpy_r_r199;
    char cpy_r_r200;
    PyObject *cpy_r_r201;
    CPyTagged cpy_r_r202;
    char cpy_r_r203;
    PyObject *cpy_r_r204;
    PyObject *cpy_r_r205;
    PyObject *cpy_r_r206;
    PyObject *cpy_r_r207;
    char cpy_r_r208;
    PyObject *cpy_r_r209;
    char cpy_r_r210;
    PyObject *cpy_r_r211;
    CPyTagged cpy_r_r212;
    char cpy_r_r213;
    PyObject *cpy_r_r214;
    CPyTagged cpy_r_r215;
    CPyTagged cpy_r_r216;
    PyObject *cpy_r_r217;
    PyObject *cpy_r_r218;
    PyObject *cpy_r_r219;
    CPyTagged cpy_r_r220;
    CPyTagged cpy_r_r221;
    CPyTagged cpy_r_r222;
    int64_t cpy_r_r223;
    char cpy_r_r224;
    int64_t cpy_r_r225;
    char cpy_r_r226;
    char cpy_r_r227;
    char cpy_r_r228;
    char cpy_r_r229;
    PyObject *cpy_r_r230;
    CPyTagged cpy_r_r231;
    CPyTagged cpy_r_r232;
    char cpy_r_r233;
    PyObject *cpy_r_r234;
    CPyTagged cpy_r_r235;
    CPyTagged cpy_r_r236;
    char cpy_r_r237;
    CPyTagged cpy_r_r238;
    CPyTagged cpy_r_r239;
    char cpy_r_r240;
    PyObject *cpy_r_r241;
    double cpy_r_r242;
    double cpy_r_r243;
    char cpy_r_r244;
    PyObject *cpy_r_r245;
    double cpy_r_r246;
    double cpy_r_r247;
    char cpy_r_r248;
    CPyTagged cpy_r_r249;
    CPyTagged cpy_r_r250;
    char cpy_r_r251;
    PyObject *cpy_r_r252;
    char cpy_r_r253;
    PyObject *cpy_r_r254;
    char cpy_r_r255;
    PyObject *cpy_r_r256;
    char cpy_r_r257;
    PyObject *cpy_r_r258;
    char cpy_r_r259;
    PyObject *cpy_r_r260;
    double cpy_r_r261;
    char cpy_r_r262;
    PyObject *cpy_r_r263;
    char cpy_r_r264;
    PyObject *cpy_r_r265;
    double cpy_r_r266;
    char cpy_r_r267;
    PyObject *cpy_r_r268;
    char cpy_r_r269;
    PyObject *cpy_r_r270;
    char cpy_r_r271;
    PyObject *cpy_r_r272;
    char cpy_r_r273;
    PyObject *cpy_r_r274;
    char cpy_r_r275;
    PyObject *cpy_r_r276;
    char cpy_r_r277;
    PyObject *cpy_r_r278;
    double cpy_r_r279;
    char cpy_r_r280;
    PyObject *cpy_r_r281;
    char cpy_r_r282;
    PyObject *cpy_r_r283;
    double cpy_r_r284;
    char cpy_r_r285;
    PyObject *cpy_r_r286;
    char cpy_r_r287;
    CPyTagged cpy_r_r288;
    CPyTagged cpy_r_r289;
    char cpy_r_r290;
    PyObject *cpy_r_r291;
    char cpy_r_r292;
    PyObject *cpy_r_r293;
    char cpy_r_r294;
    PyObject *cpy_r_r295;
    char cpy_r_r296;
    PyObject *cpy_r_r297;
    char cpy_r_r298;
    PyObject *cpy_r_r299;
    char cpy_r_r300;
    PyObject *cpy_r_r301;
    char cpy_r_r302;
    PyObject *cpy_r_r303;
    CPyTagged cpy_r_r304;
    int64_t cpy_r_r305;
    char cpy_r_r306;
    int64_t cpy_r_r307;
    char cpy_r_r308;
    char cpy_r_r309;
    char cpy_r_r310;
    PyObject *cpy_r_r311;
    char cpy_r_r312;
    PyObject *cpy_r_r313;
    char cpy_r_r314;
    PyObject *cpy_r_r315;
    CPyTagged cpy_r_r316;
    int64_t cpy_r_r317;
    char cpy_r_r318;
    int64_t cpy_r_r319;
    char cpy_r_r320;
    char cpy_r_r321;
    char cpy_r_r322;
    char cpy_r_r323;
    PyObject *cpy_r_r324;
    char cpy_r_r325;
    PyObject *cpy_r_r326;
    char cpy_r_r327;
    PyObject *cpy_r_r328;
    char cpy_r_r329;
    PyObject *cpy_r_r330;
    char cpy_r_r331;
    PyObject *cpy_r_r332;
    char cpy_r_r333;
    PyObject *cpy_r_r334;
    char cpy_r_r335;
    char cpy_r_r336;
    int64_t cpy_r_r337;
    char cpy_r_r338;
    int64_t cpy_r_r339;
    char cpy_r_r340;
    char cpy_r_r341;
    char cpy_r_r342;
    char cpy_r_r343;
    char cpy_r_r344;
    char cpy_r_r345;
    cpy_r_r0 = ((spotlight_trader___market___bars___BarBuilderObject *)cpy_r_self)->_stats;
    CPy_INCREF(cpy_r_r0);
    cpy_r_r1 = ((spotlight_trader___market___bars___BuilderStatsObject *)cpy_r_r0)->_trades;
    if (unlikely(cpy_r_r1 == CPY_INT_TAG)) {
        CPy_AttributeError("src/spotlight_trader/market/bars.py", "on_trade", "BuilderStats", "trades", 119, CPyStatic_bars___globals);
        goto CPyL223;
    }
CPyL1: ;
    cpy_r_r2 = CPyTagged_Add(cpy_r_r1, 2);
    if (((spotlight_trader___market___bars___BuilderStatsObject *)cpy_r_r0)->_trades != CPY_INT_TAG) {
        CPyTagged_DECREF(((spotlight_trader___market___bars___BuilderStatsObject *)cpy_r_r0)->_trades);
    }
    ((spotlight_trader___market___bars___BuilderStatsObject *)cpy_r_r0)->_trades = cpy_r_r2;
    cpy_r_r3 = 1;
    if (unlikely(!cpy_r_r3)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "on_trade", 119, CPyStatic_bars___globals);
        goto CPyL223;
    }
    cpy_r_r4 = CPyStatics[5]; /* 'price' */
    cpy_r_r5 = CPyObject_GetAttr(cpy_r_trade, cpy_r_r4);
    if (unlikely(cpy_r_r5 == NULL)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "on_trade", 120, CPyStatic_bars___globals);
        goto CPyL223;
    }
    cpy_r_r6 = PyFloat_AsDouble(cpy_r_r5);
    if (cpy_r_r6 == -1.0 && PyErr_Occurred()) {
        CPy_TypeError("float", cpy_r_r5); cpy_r_r6 = -113.0;
    }
    CPy_DECREF(cpy_r_r5);
    cpy_r_r7 = cpy_r_r6 == -113.0;
    if (unlikely(cpy_r_r7)) goto CPyL5;
CPyL4: ;
    cpy_r_r8 = CPyStatics[6]; /* 'size' */
    cpy_r_r9 = CPyObject_GetAttr(cpy_r_trade, cpy_r_r8);
    if (unlikely(cpy_r_r9 == NULL)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "on_trade", 121, CPyStatic_bars___globals);
        goto CPyL223;
    } else
        goto CPyL6;
CPyL5: ;
    cpy_r_r10 = PyErr_Occurred();
    if (unlikely(cpy_r_r10 != NULL)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "on_trade", 120, CPyStatic_bars___globals);
        goto CPyL223;
    } else
        goto CPyL4;
CPyL6: ;
    cpy_r_r11 = PyFloat_AsDouble(cpy_r_r9);
    if (cpy_r_r11 == -1.0 && PyErr_Occurred()) {
        CPy_TypeError("float", cpy_r_r9); cpy_r_r11 = -113.0;
    }
    CPy_DECREF(cpy_r_r9);
    cpy_r_r12 = cpy_r_r11 == -113.0;
    if (unlikely(cpy_r_r12)) goto CPyL8;
CPyL7: ;
    cpy_r_r13 = CPyStatics[7]; /* 'ts_ms' */
    cpy_r_r14 = CPyObject_GetAttr(cpy_r_trade, cpy_r_r13);
    if (unlikely(cpy_r_r14 == NULL)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "on_trade", 122, CPyStatic_bars___globals);
        goto CPyL223;
    } else
        goto CPyL9;
CPyL8: ;
    cpy_r_r15 = PyErr_Occurred();
    if (unlikely(cpy_r_r15 != NULL)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "on_trade", 121, CPyStatic_bars___globals);
        goto CPyL223;
    } else
        goto CPyL7;
CPyL9: ;
    if (likely(PyLong_Check(cpy_r_r14)))
        cpy_r_r16 = CPyTagged_FromObject(cpy_r_r14);
    else {
        CPy_TypeError("int", cpy_r_r14); cpy_r_r16 = CPY_INT_TAG;
    }
    CPy_DECREF(cpy_r_r14);
    if (unlikely(cpy_r_r16 == CPY_INT_TAG)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "on_trade", 122, CPyStatic_bars___globals);
        goto CPyL223;
    }
    cpy_r_r17 = 0.0 < cpy_r_r6;
    if (cpy_r_r17) goto CPyL12;
    if (cpy_r_r17) {
        goto CPyL16;
    } else
        goto CPyL225;
CPyL12: ;
    cpy_r_r18 = CPyStatic_bars___globals;
    cpy_r_r19 = CPyStatics[8]; /* 'MAX_PRICE' */
    cpy_r_r20 = CPyDict_GetItem(cpy_r_r18, cpy_r_r19);
    if (unlikely(cpy_r_r20 == NULL)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "on_trade", 123, CPyStatic_bars___globals);
        goto CPyL224;
    }
    cpy_r_r21 = PyFloat_AsDouble(cpy_r_r20);
    if (cpy_r_r21 == -1.0 && PyErr_Occurred()) {
        CPy_TypeError("float", cpy_r_r20); cpy_r_r21 = -113.0;
    }
    CPy_DECREF(cpy_r_r20);
    cpy_r_r22 = cpy_r_r21 == -113.0;
    if (unlikely(cpy_r_r22)) goto CPyL15;
CPyL14: ;
    cpy_r_r23 = cpy_r_r6 < cpy_r_r21;
    if (cpy_r_r23) {
        goto CPyL16;
    } else
        goto CPyL225;
CPyL15: ;
    cpy_r_r24 = PyErr_Occurred();
    if (unlikely(cpy_r_r24 != NULL)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "on_trade", 123, CPyStatic_bars___globals);
        goto CPyL224;
    } else
        goto CPyL14;
CPyL16: ;
    cpy_r_r25 = 0.0 < cpy_r_r11;
    if (cpy_r_r25) goto CPyL18;
    if (cpy_r_r25) {
        goto CPyL19;
    } else
        goto CPyL225;
CPyL18: ;
    cpy_r_r26 = cpy_r_r11 < 1000000000000.0;
    if (!cpy_r_r26) goto CPyL225;
CPyL19: ;
    cpy_r_r27 = CPyStatic_bars___globals;
    cpy_r_r28 = CPyStatics[9]; /* 'MIN_TS_MS' */
    cpy_r_r29 = CPyDict_GetItem(cpy_r_r27, cpy_r_r28);
    if (unlikely(cpy_r_r29 == NULL)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "on_trade", 123, CPyStatic_bars___globals);
        goto CPyL224;
    }
    if (likely(PyLong_Check(cpy_r_r29)))
        cpy_r_r30 = CPyTagged_FromObject(cpy_r_r29);
    else {
        CPy_TypeError("int", cpy_r_r29); cpy_r_r30 = CPY_INT_TAG;
    }
    CPy_DECREF(cpy_r_r29);
    if (unlikely(cpy_r_r30 == CPY_INT_TAG)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "on_trade", 123, CPyStatic_bars___globals);
        goto CPyL224;
    }
    cpy_r_r31 = cpy_r_r30 & 1;
    cpy_r_r32 = cpy_r_r31 != 0;
    if (cpy_r_r32) goto CPyL23;
    cpy_r_r33 = cpy_r_r16 & 1;
    cpy_r_r34 = cpy_r_r33 != 0;
    if (!cpy_r_r34) goto CPyL24;
CPyL23: ;
    cpy_r_r35 = CPyTagged_IsLt_(cpy_r_r16, cpy_r_r30);
    cpy_r_r36 = cpy_r_r35 ^ 1;
    cpy_r_r37 = cpy_r_r36;
    goto CPyL25;
CPyL24: ;
    cpy_r_r38 = (Py_ssize_t)cpy_r_r30 <= (Py_ssize_t)cpy_r_r16;
    cpy_r_r37 = cpy_r_r38;
CPyL25: ;
    CPyTagged_DECREF(cpy_r_r30);
    if (cpy_r_r37) goto CPyL27;
    if (cpy_r_r37) {
        goto CPyL37;
    } else
        goto CPyL225;
CPyL27: ;
    cpy_r_r39 = CPyStatic_bars___globals;
    cpy_r_r40 = CPyStatics[4]; /* 'MAX_TS_MS' */
    cpy_r_r41 = CPyDict_GetItem(cpy_r_r39, cpy_r_r40);
    if (unlikely(cpy_r_r41 == NULL)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "on_trade", 123, CPyStatic_bars___globals);
        goto CPyL224;
    }
    if (likely(PyLong_Check(cpy_r_r41)))
        cpy_r_r42 = CPyTagged_FromObject(cpy_r_r41);
    else {
        CPy_TypeError("int", cpy_r_r41); cpy_r_r42 = CPY_INT_TAG;
    }
    CPy_DECREF(cpy_r_r41);
    if (unlikely(cpy_r_r42 == CPY_INT_TAG)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "on_trade", 123, CPyStatic_bars___globals);
        goto CPyL224;
    }
    cpy_r_r43 = cpy_r_r16 & 1;
    cpy_r_r44 = cpy_r_r43 != 0;
    if (cpy_r_r44) goto CPyL31;
    cpy_r_r45 = cpy_r_r42 & 1;
    cpy_r_r46 = cpy_r_r45 != 0;
    if (!cpy_r_r46) goto CPyL32;
CPyL31: ;
    cpy_r_r47 = CPyTagged_IsLt_(cpy_r_r16, cpy_r_r42);
    cpy_r_r48 = cpy_r_r47;
    goto CPyL33;
CPyL32: ;
    cpy_r_r49 = (Py_ssize_t)cpy_r_r16 < (Py_ssize_t)cpy_r_r42;
    cpy_r_r48 = cpy_r_r49;
CPyL33: ;
    CPyTagged_DECREF(cpy_r_r42);
    if (cpy_r_r48) {
        goto CPyL37;
    } else
        goto CPyL225;
CPyL34: ;
    cpy_r_r50 = ((spotlight_trader___market___bars___BuilderStatsObject *)cpy_r_r0)->_rejected;
    if (unlikely(cpy_r_r50 == CPY_INT_TAG)) {
        CPy_AttributeError("src/spotlight_trader/market/bars.py", "on_trade", "BuilderStats", "rejected", 124, CPyStatic_bars___globals);
        goto CPyL223;
    }
CPyL35: ;
    cpy_r_r51 = CPyTagged_Add(cpy_r_r50, 2);
    if (((spotlight_trader___market___bars___BuilderStatsObject *)cpy_r_r0)->_rejected != CPY_INT_TAG) {
        CPyTagged_DECREF(((spotlight_trader___market___bars___BuilderStatsObject *)cpy_r_r0)->_rejected);
    }
    ((spotlight_trader___market___bars___BuilderStatsObject *)cpy_r_r0)->_rejected = cpy_r_r51;
    cpy_r_r52 = 1;
    CPy_DECREF(cpy_r_r0);
    if (unlikely(!cpy_r_r52)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "on_trade", 124, CPyStatic_bars___globals);
        goto CPyL222;
    }
    return 1;
CPyL37: ;
    cpy_r_r53 = ((spotlight_trader___market___bars___BarBuilderObject *)cpy_r_self)->_clock_ms;
    CPyTagged_INCREF(cpy_r_r53);
    cpy_r_r54 = CPyStatic_bars___globals;
    cpy_r_r55 = CPyStatics[3]; /* '_NO_CLOCK' */
    cpy_r_r56 = CPyDict_GetItem(cpy_r_r54, cpy_r_r55);
    if (unlikely(cpy_r_r56 == NULL)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "on_trade", 127, CPyStatic_bars___globals);
        goto CPyL226;
    }
    if (likely(PyLong_Check(cpy_r_r56)))
        cpy_r_r57 = CPyTagged_FromObject(cpy_r_r56);
    else {
        CPy_TypeError("int", cpy_r_r56); cpy_r_r57 = CPY_INT_TAG;
    }
    CPy_DECREF(cpy_r_r56);
    if (unlikely(cpy_r_r57 == CPY_INT_TAG)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "on_trade", 127, CPyStatic_bars___globals);
        goto CPyL226;
    }
    cpy_r_r58 = cpy_r_r53 & 1;
    cpy_r_r59 = cpy_r_r58 != 0;
    if (!cpy_r_r59) goto CPyL41;
    cpy_r_r60 = CPyTagged_IsEq_(cpy_r_r53, cpy_r_r57);
    cpy_r_r61 = cpy_r_r60 ^ 1;
    cpy_r_r62 = cpy_r_r61;
    goto CPyL42;
CPyL41: ;
    cpy_r_r63 = cpy_r_r53 != cpy_r_r57;
    cpy_r_r62 = cpy_r_r63;
CPyL42: ;
    CPyTagged_DECREF(cpy_r_r57);
    if (!cpy_r_r62) goto CPyL51;
    cpy_r_r64 = ((spotlight_trader___market___bars___BarBuilderObject *)cpy_r_self)->__max_ahead_ms;
    cpy_r_r65 = CPyTagged_Add(cpy_r_r53, cpy_r_r64);
    cpy_r_r66 = cpy_r_r16 & 1;
    cpy_r_r67 = cpy_r_r66 != 0;
    if (cpy_r_r67) goto CPyL45;
    cpy_r_r68 = cpy_r_r65 & 1;
    cpy_r_r69 = cpy_r_r68 != 0;
    if (!cpy_r_r69) goto CPyL46;
CPyL45: ;
    cpy_r_r70 = CPyTagged_IsLt_(cpy_r_r65, cpy_r_r16);
    cpy_r_r71 = cpy_r_r70;
    goto CPyL47;
CPyL46: ;
    cpy_r_r72 = (Py_ssize_t)cpy_r_r16 > (Py_ssize_t)cpy_r_r65;
    cpy_r_r71 = cpy_r_r72;
CPyL47: ;
    CPyTagged_DECREF(cpy_r_r65);
    if (cpy_r_r71) {
        goto CPyL227;
    } else
        goto CPyL51;
CPyL48: ;
    cpy_r_r73 = ((spotlight_trader___market___bars___BuilderStatsObject *)cpy_r_r0)->_rejected;
    if (unlikely(cpy_r_r73 == CPY_INT_TAG)) {
        CPy_AttributeError("src/spotlight_trader/market/bars.py", "on_trade", "BuilderStats", "rejected", 128, CPyStatic_bars___globals);
        goto CPyL223;
    }
CPyL49: ;
    cpy_r_r74 = CPyTagged_Add(cpy_r_r73, 2);
    if (((spotlight_trader___market___bars___BuilderStatsObject *)cpy_r_r0)->_rejected != CPY_INT_TAG) {
        CPyTagged_DECREF(((spotlight_trader___market___bars___BuilderStatsObject *)cpy_r_r0)->_rejected);
    }
    ((spotlight_trader___market___bars___BuilderStatsObject *)cpy_r_r0)->_rejected = cpy_r_r74;
    cpy_r_r75 = 1;
    CPy_DECREF(cpy_r_r0);
    if (unlikely(!cpy_r_r75)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "on_trade", 128, CPyStatic_bars___globals);
        goto CPyL222;
    }
    return 1;
CPyL51: ;
    cpy_r_r76 = CPyStatics[10]; /* 'conditions' */
    cpy_r_r77 = CPyObject_GetAttr(cpy_r_trade, cpy_r_r76);
    if (unlikely(cpy_r_r77 == NULL)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "on_trade", 130, CPyStatic_bars___globals);
        goto CPyL226;
    }
    if (likely(PyTuple_Check(cpy_r_r77)))
        cpy_r_r78 = cpy_r_r77;
    else {
        CPy_TypeErrorTraceback("src/spotlight_trader/market/bars.py", "on_trade", 130, CPyStatic_bars___globals, "tuple", cpy_r_r77);
        goto CPyL226;
    }
    cpy_r_r79 = ((spotlight_trader___market___bars___BarBuilderObject *)cpy_r_self)->__flags;
    CPy_INCREF(cpy_r_r79);
    cpy_r_r80 = CPyDict_GetWithNone(cpy_r_r79, cpy_r_r78);
    CPy_DECREF(cpy_r_r79);
    if (unlikely(cpy_r_r80 == NULL)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "on_trade", 131, CPyStatic_bars___globals);
        goto CPyL228;
    }
    if (PyLong_Check(cpy_r_r80))
        cpy_r_r81 = cpy_r_r80;
    else {
        cpy_r_r81 = NULL;
    }
    if (cpy_r_r81 != NULL) goto __LL3;
    if (cpy_r_r80 == Py_None)
        cpy_r_r81 = cpy_r_r80;
    else {
        cpy_r_r81 = NULL;
    }
    if (cpy_r_r81 != NULL) goto __LL3;
    CPy_TypeErrorTraceback("src/spotlight_trader/market/bars.py", "on_trade", 131, CPyStatic_bars___globals, "int or None", cpy_r_r80);
    goto CPyL228;
__LL3: ;
    cpy_r_flags = cpy_r_r81;
    cpy_r_r82 = (PyObject *)&_Py_NoneStruct;
    cpy_r_r83 = cpy_r_flags == cpy_r_r82;
    if (cpy_r_r83) {
        goto CPyL229;
    } else
        goto CPyL230;
CPyL56: ;
    cpy_r_r84 = CPyDef_conditions___eligibility(cpy_r_r78);
    if (unlikely(cpy_r_r84 == CPY_INT_TAG)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "on_trade", 133, CPyStatic_bars___globals);
        goto CPyL228;
    }
    CPyTagged_INCREF(cpy_r_r84);
    cpy_r_r85 = CPyTagged_StealAsObject(cpy_r_r84);
    cpy_r_flags = cpy_r_r85;
    cpy_r_r86 = ((spotlight_trader___market___bars___BarBuilderObject *)cpy_r_self)->__flags;
    CPy_INCREF(cpy_r_r86);
    cpy_r_r87 = CPyTagged_StealAsObject(cpy_r_r84);
    cpy_r_r88 = CPyDict_SetItem(cpy_r_r86, cpy_r_r78, cpy_r_r87);
    CPy_DECREF(cpy_r_r86);
    CPy_DECREF(cpy_r_r78);
    CPy_DECREF(cpy_r_r87);
    cpy_r_r89 = cpy_r_r88 >= 0;
    if (unlikely(!cpy_r_r89)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "on_trade", 133, CPyStatic_bars___globals);
        goto CPyL231;
    }
CPyL58: ;
    if (likely(PyLong_Check(cpy_r_flags)))
        cpy_r_r90 = CPyTagged_FromObject(cpy_r_flags);
    else {
        CPy_TypeError("int", cpy_r_flags); cpy_r_r90 = CPY_INT_TAG;
    }
    if (unlikely(cpy_r_r90 == CPY_INT_TAG)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "on_trade", 134, CPyStatic_bars___globals);
        goto CPyL231;
    }
    cpy_r_r91 = cpy_r_r90 != 0;
    CPyTagged_DECREF(cpy_r_r90);
    if (cpy_r_r91) {
        goto CPyL63;
    } else
        goto CPyL232;
CPyL60: ;
    cpy_r_r92 = ((spotlight_trader___market___bars___BuilderStatsObject *)cpy_r_r0)->_ineligible;
    if (unlikely(cpy_r_r92 == CPY_INT_TAG)) {
        CPy_AttributeError("src/spotlight_trader/market/bars.py", "on_trade", "BuilderStats", "ineligible", 135, CPyStatic_bars___globals);
        goto CPyL223;
    }
CPyL61: ;
    cpy_r_r93 = CPyTagged_Add(cpy_r_r92, 2);
    if (((spotlight_trader___market___bars___BuilderStatsObject *)cpy_r_r0)->_ineligible != CPY_INT_TAG) {
        CPyTagged_DECREF(((spotlight_trader___market___bars___BuilderStatsObject *)cpy_r_r0)->_ineligible);
    }
    ((spotlight_trader___market___bars___BuilderStatsObject *)cpy_r_r0)->_ineligible = cpy_r_r93;
    cpy_r_r94 = 1;
    CPy_DECREF(cpy_r_r0);
    if (unlikely(!cpy_r_r94)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "on_trade", 135, CPyStatic_bars___globals);
        goto CPyL222;
    }
    return 1;
CPyL63: ;
    cpy_r_r95 = CPyStatic_bars___globals;
    cpy_r_r96 = CPyStatics[11]; /* 'MINUTE_MS' */
    cpy_r_r97 = CPyDict_GetItem(cpy_r_r95, cpy_r_r96);
    if (unlikely(cpy_r_r97 == NULL)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "on_trade", 137, CPyStatic_bars___globals);
        goto CPyL231;
    }
    if (likely(PyLong_Check(cpy_r_r97)))
        cpy_r_r98 = CPyTagged_FromObject(cpy_r_r97);
    else {
        CPy_TypeError("int", cpy_r_r97); cpy_r_r98 = CPY_INT_TAG;
    }
    CPy_DECREF(cpy_r_r97);
    if (unlikely(cpy_r_r98 == CPY_INT_TAG)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "on_trade", 137, CPyStatic_bars___globals);
        goto CPyL231;
    }
    cpy_r_r99 = CPyTagged_FloorDivide(cpy_r_r16, cpy_r_r98);
    CPyTagged_DECREF(cpy_r_r98);
    if (unlikely(cpy_r_r99 == CPY_INT_TAG)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "on_trade", 137, CPyStatic_bars___globals);
        goto CPyL231;
    }
    cpy_r_r100 = ((spotlight_trader___market___bars___BarBuilderObject *)cpy_r_self)->__states;
    CPy_INCREF(cpy_r_r100);
    cpy_r_r101 = CPyStatics[12]; /* 'symbol' */
    cpy_r_r102 = CPyObject_GetAttr(cpy_r_trade, cpy_r_r101);
    if (unlikely(cpy_r_r102 == NULL)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "on_trade", 138, CPyStatic_bars___globals);
        goto CPyL233;
    }
    if (likely(PyUnicode_Check(cpy_r_r102)))
        cpy_r_r103 = cpy_r_r102;
    else {
        CPy_TypeErrorTraceback("src/spotlight_trader/market/bars.py", "on_trade", 138, CPyStatic_bars___globals, "str", cpy_r_r102);
        goto CPyL233;
    }
    cpy_r_r104 = CPyDict_GetWithNone(cpy_r_r100, cpy_r_r103);
    CPy_DECREF(cpy_r_r100);
    CPy_DECREF(cpy_r_r103);
    if (unlikely(cpy_r_r104 == NULL)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "on_trade", 138, CPyStatic_bars___globals);
        goto CPyL234;
    }
    if (Py_TYPE(cpy_r_r104) == CPyType_bars____SymbolState)
        cpy_r_r105 = cpy_r_r104;
    else {
        cpy_r_r105 = NULL;
    }
    if (cpy_r_r105 != NULL) goto __LL4;
    if (cpy_r_r104 == Py_None)
        cpy_r_r105 = cpy_r_r104;
    else {
        cpy_r_r105 = NULL;
    }
    if (cpy_r_r105 != NULL) goto __LL4;
    CPy_TypeErrorTraceback("src/spotlight_trader/market/bars.py", "on_trade", 138, CPyStatic_bars___globals, "spotlight_trader.market.bars._SymbolState or None", cpy_r_r104);
    goto CPyL234;
__LL4: ;
    cpy_r_st = cpy_r_r105;
    cpy_r_r106 = (PyObject *)&_Py_NoneStruct;
    cpy_r_r107 = cpy_r_st == cpy_r_r106;
    if (cpy_r_r107) {
        goto CPyL235;
    } else
        goto CPyL75;
CPyL71: ;
    cpy_r_r108 = CPyDef_bars____SymbolState();
    if (unlikely(cpy_r_r108 == NULL)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "on_trade", 140, CPyStatic_bars___globals);
        goto CPyL234;
    }
    CPy_INCREF(cpy_r_r108);
    cpy_r_st = cpy_r_r108;
    cpy_r_r109 = ((spotlight_trader___market___bars___BarBuilderObject *)cpy_r_self)->__states;
    CPy_INCREF(cpy_r_r109);
    cpy_r_r110 = CPyStatics[12]; /* 'symbol' */
    cpy_r_r111 = CPyObject_GetAttr(cpy_r_trade, cpy_r_r110);
    if (unlikely(cpy_r_r111 == NULL)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "on_trade", 140, CPyStatic_bars___globals);
        goto CPyL236;
    }
    if (likely(PyUnicode_Check(cpy_r_r111)))
        cpy_r_r112 = cpy_r_r111;
    else {
        CPy_TypeErrorTraceback("src/spotlight_trader/market/bars.py", "on_trade", 140, CPyStatic_bars___globals, "str", cpy_r_r111);
        goto CPyL236;
    }
    cpy_r_r113 = CPyDict_SetItem(cpy_r_r109, cpy_r_r112, cpy_r_r108);
    CPy_DECREF(cpy_r_r109);
    CPy_DECREF(cpy_r_r112);
    CPy_DECREF(cpy_r_r108);
    cpy_r_r114 = cpy_r_r113 >= 0;
    if (unlikely(!cpy_r_r114)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "on_trade", 140, CPyStatic_bars___globals);
        goto CPyL237;
    }
CPyL75: ;
    if (likely(cpy_r_st != Py_None))
        cpy_r_r115 = cpy_r_st;
    else {
        CPy_TypeErrorTraceback("src/spotlight_trader/market/bars.py", "on_trade", 141, CPyStatic_bars___globals, "spotlight_trader.market.bars._SymbolState", cpy_r_st);
        goto CPyL237;
    }
    cpy_r_r116 = ((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_r115)->_final_seq;
    cpy_r_r117 = cpy_r_r99 & 1;
    cpy_r_r118 = cpy_r_r117 != 0;
    if (cpy_r_r118) goto CPyL78;
    cpy_r_r119 = cpy_r_r116 & 1;
    cpy_r_r120 = cpy_r_r119 != 0;
    if (!cpy_r_r120) goto CPyL79;
CPyL78: ;
    cpy_r_r121 = CPyTagged_IsLt_(cpy_r_r116, cpy_r_r99);
    cpy_r_r122 = cpy_r_r121 ^ 1;
    if (cpy_r_r122) {
        goto CPyL238;
    } else
        goto CPyL80;
CPyL79: ;
    cpy_r_r123 = (Py_ssize_t)cpy_r_r99 <= (Py_ssize_t)cpy_r_r116;
    if (cpy_r_r123) goto CPyL238;
CPyL80: ;
    cpy_r_r124 = ((spotlight_trader___market___bars___BarBuilderObject *)cpy_r_self)->__clock_final_seq;
    cpy_r_r125 = cpy_r_r99 & 1;
    cpy_r_r126 = cpy_r_r125 != 0;
    if (cpy_r_r126) goto CPyL82;
    cpy_r_r127 = cpy_r_r124 & 1;
    cpy_r_r128 = cpy_r_r127 != 0;
    if (!cpy_r_r128) goto CPyL83;
CPyL82: ;
    cpy_r_r129 = CPyTagged_IsLt_(cpy_r_r124, cpy_r_r99);
    cpy_r_r130 = cpy_r_r129 ^ 1;
    if (cpy_r_r130) {
        goto CPyL238;
    } else
        goto CPyL87;
CPyL83: ;
    cpy_r_r131 = (Py_ssize_t)cpy_r_r99 <= (Py_ssize_t)cpy_r_r124;
    if (cpy_r_r131) {
        goto CPyL238;
    } else
        goto CPyL87;
CPyL84: ;
    cpy_r_r132 = ((spotlight_trader___market___bars___BuilderStatsObject *)cpy_r_r0)->_late_trades;
    if (unlikely(cpy_r_r132 == CPY_INT_TAG)) {
        CPy_AttributeError("src/spotlight_trader/market/bars.py", "on_trade", "BuilderStats", "late_trades", 142, CPyStatic_bars___globals);
        goto CPyL223;
    }
CPyL85: ;
    cpy_r_r133 = CPyTagged_Add(cpy_r_r132, 2);
    if (((spotlight_trader___market___bars___BuilderStatsObject *)cpy_r_r0)->_late_trades != CPY_INT_TAG) {
        CPyTagged_DECREF(((spotlight_trader___market___bars___BuilderStatsObject *)cpy_r_r0)->_late_trades);
    }
    ((spotlight_trader___market___bars___BuilderStatsObject *)cpy_r_r0)->_late_trades = cpy_r_r133;
    cpy_r_r134 = 1;
    CPy_DECREF(cpy_r_r0);
    if (unlikely(!cpy_r_r134)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "on_trade", 142, CPyStatic_bars___globals);
        goto CPyL222;
    }
    return 1;
CPyL87: ;
    if (likely(cpy_r_st != Py_None))
        cpy_r_r135 = cpy_r_st;
    else {
        CPy_TypeErrorTraceback("src/spotlight_trader/market/bars.py", "on_trade", 144, CPyStatic_bars___globals, "spotlight_trader.market.bars._SymbolState", cpy_r_st);
        goto CPyL237;
    }
    cpy_r_r136 = ((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_r135)->_seq;
    cpy_r_r137 = cpy_r_r99 & 1;
    cpy_r_r138 = cpy_r_r137 != 0;
    if (!cpy_r_r138) goto CPyL90;
    cpy_r_r139 = CPyTagged_IsEq_(cpy_r_r99, cpy_r_r136);
    cpy_r_r140 = cpy_r_r139 ^ 1;
    if (cpy_r_r140) {
        goto CPyL91;
    } else
        goto CPyL239;
CPyL90: ;
    cpy_r_r141 = cpy_r_r99 != cpy_r_r136;
    if (!cpy_r_r141) goto CPyL239;
CPyL91: ;
    if (likely(cpy_r_st != Py_None))
        cpy_r_r142 = cpy_r_st;
    else {
        CPy_TypeErrorTraceback("src/spotlight_trader/market/bars.py", "on_trade", 145, CPyStatic_bars___globals, "spotlight_trader.market.bars._SymbolState", cpy_r_st);
        goto CPyL237;
    }
    cpy_r_r143 = ((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_r142)->_seq;
    cpy_r_r144 = cpy_r_r99 & 1;
    cpy_r_r145 = cpy_r_r144 != 0;
    if (cpy_r_r145) goto CPyL94;
    cpy_r_r146 = cpy_r_r143 & 1;
    cpy_r_r147 = cpy_r_r146 != 0;
    if (!cpy_r_r147) goto CPyL95;
CPyL94: ;
    cpy_r_r148 = CPyTagged_IsLt_(cpy_r_r99, cpy_r_r143);
    if (cpy_r_r148) {
        goto CPyL240;
    } else
        goto CPyL241;
CPyL95: ;
    cpy_r_r149 = (Py_ssize_t)cpy_r_r99 < (Py_ssize_t)cpy_r_r143;
    if (cpy_r_r149) {
        goto CPyL240;
    } else
        goto CPyL241;
CPyL96: ;
    cpy_r_r150 = ((spotlight_trader___market___bars___BuilderStatsObject *)cpy_r_r0)->_late_trades;
    if (unlikely(cpy_r_r150 == CPY_INT_TAG)) {
        CPy_AttributeError("src/spotlight_trader/market/bars.py", "on_trade", "BuilderStats", "late_trades", 146, CPyStatic_bars___globals);
        goto CPyL223;
    }
CPyL97: ;
    cpy_r_r151 = CPyTagged_Add(cpy_r_r150, 2);
    if (((spotlight_trader___market___bars___BuilderStatsObject *)cpy_r_r0)->_late_trades != CPY_INT_TAG) {
        CPyTagged_DECREF(((spotlight_trader___market___bars___BuilderStatsObject *)cpy_r_r0)->_late_trades);
    }
    ((spotlight_trader___market___bars___BuilderStatsObject *)cpy_r_r0)->_late_trades = cpy_r_r151;
    cpy_r_r152 = 1;
    CPy_DECREF(cpy_r_r0);
    if (unlikely(!cpy_r_r152)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "on_trade", 146, CPyStatic_bars___globals);
        goto CPyL222;
    }
    return 1;
CPyL99: ;
    if (likely(cpy_r_st != Py_None))
        cpy_r_r153 = cpy_r_st;
    else {
        CPy_TypeErrorTraceback("src/spotlight_trader/market/bars.py", "on_trade", 148, CPyStatic_bars___globals, "spotlight_trader.market.bars._SymbolState", cpy_r_st);
        goto CPyL242;
    }
    cpy_r_r154 = ((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_r153)->_seq;
    CPyTagged_INCREF(cpy_r_r154);
    cpy_r_r155 = CPyStatic_bars___globals;
    cpy_r_r156 = CPyStatics[3]; /* '_NO_CLOCK' */
    cpy_r_r157 = CPyDict_GetItem(cpy_r_r155, cpy_r_r156);
    if (unlikely(cpy_r_r157 == NULL)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "on_trade", 148, CPyStatic_bars___globals);
        goto CPyL243;
    }
    if (likely(PyLong_Check(cpy_r_r157)))
        cpy_r_r158 = CPyTagged_FromObject(cpy_r_r157);
    else {
        CPy_TypeError("int", cpy_r_r157); cpy_r_r158 = CPY_INT_TAG;
    }
    CPy_DECREF(cpy_r_r157);
    if (unlikely(cpy_r_r158 == CPY_INT_TAG)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "on_trade", 148, CPyStatic_bars___globals);
        goto CPyL243;
    }
    cpy_r_r159 = cpy_r_r154 & 1;
    cpy_r_r160 = cpy_r_r159 != 0;
    if (!cpy_r_r160) goto CPyL104;
    cpy_r_r161 = CPyTagged_IsEq_(cpy_r_r154, cpy_r_r158);
    cpy_r_r162 = cpy_r_r161 ^ 1;
    cpy_r_r163 = cpy_r_r162;
    goto CPyL105;
CPyL104: ;
    cpy_r_r164 = cpy_r_r154 != cpy_r_r158;
    cpy_r_r163 = cpy_r_r164;
CPyL105: ;
    CPyTagged_DECREF(cpy_r_r154);
    CPyTagged_DECREF(cpy_r_r158);
    if (!cpy_r_r163) goto CPyL110;
    cpy_r_r165 = CPyStatics[12]; /* 'symbol' */
    cpy_r_r166 = CPyObject_GetAttr(cpy_r_trade, cpy_r_r165);
    if (unlikely(cpy_r_r166 == NULL)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "on_trade", 149, CPyStatic_bars___globals);
        goto CPyL242;
    }
    if (likely(PyUnicode_Check(cpy_r_r166)))
        cpy_r_r167 = cpy_r_r166;
    else {
        CPy_TypeErrorTraceback("src/spotlight_trader/market/bars.py", "on_trade", 149, CPyStatic_bars___globals, "str", cpy_r_r166);
        goto CPyL242;
    }
    CPy_INCREF(cpy_r_st);
    if (likely(cpy_r_st != Py_None))
        cpy_r_r168 = cpy_r_st;
    else {
        CPy_TypeErrorTraceback("src/spotlight_trader/market/bars.py", "on_trade", 149, CPyStatic_bars___globals, "spotlight_trader.market.bars._SymbolState", cpy_r_st);
        goto CPyL244;
    }
    cpy_r_r169 = CPyDef_bars___BarBuilder____finalise(cpy_r_self, cpy_r_r167, cpy_r_r168);
    CPy_DECREF(cpy_r_r167);
    CPy_DECREF(cpy_r_r168);
    if (unlikely(cpy_r_r169 == 2)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "on_trade", 149, CPyStatic_bars___globals);
        goto CPyL242;
    }
CPyL110: ;
    if (likely(cpy_r_st != Py_None))
        cpy_r_r170 = cpy_r_st;
    else {
        CPy_TypeErrorTraceback("src/spotlight_trader/market/bars.py", "on_trade", 150, CPyStatic_bars___globals, "spotlight_trader.market.bars._SymbolState", cpy_r_st);
        goto CPyL242;
    }
    CPyTagged_INCREF(cpy_r_r99);
    CPyTagged_DECREF(((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_r170)->_seq);
    ((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_r170)->_seq = cpy_r_r99;
    cpy_r_r172 = CPyTagged_Add(cpy_r_r99, 2);
    CPyTagged_DECREF(cpy_r_r99);
    cpy_r_r173 = CPyStatic_bars___globals;
    cpy_r_r174 = CPyStatics[11]; /* 'MINUTE_MS' */
    cpy_r_r175 = CPyDict_GetItem(cpy_r_r173, cpy_r_r174);
    if (unlikely(cpy_r_r175 == NULL)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "on_trade", 151, CPyStatic_bars___globals);
        goto CPyL245;
    }
    if (likely(PyLong_Check(cpy_r_r175)))
        cpy_r_r176 = CPyTagged_FromObject(cpy_r_r175);
    else {
        CPy_TypeError("int", cpy_r_r175); cpy_r_r176 = CPY_INT_TAG;
    }
    CPy_DECREF(cpy_r_r175);
    if (unlikely(cpy_r_r176 == CPY_INT_TAG)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "on_trade", 151, CPyStatic_bars___globals);
        goto CPyL245;
    }
    cpy_r_r177 = CPyTagged_Multiply(cpy_r_r172, cpy_r_r176);
    CPyTagged_DECREF(cpy_r_r172);
    CPyTagged_DECREF(cpy_r_r176);
    cpy_r_r178 = ((spotlight_trader___market___bars___BarBuilderObject *)cpy_r_self)->_grace_ms;
    cpy_r_r179 = CPyTagged_Add(cpy_r_r177, cpy_r_r178);
    CPyTagged_DECREF(cpy_r_r177);
    cpy_r_r180 = ((spotlight_trader___market___bars___BarBuilderObject *)cpy_r_self)->__next_deadline_ms;
    cpy_r_r181 = cpy_r_r179 & 1;
    cpy_r_r182 = cpy_r_r181 != 0;
    if (cpy_r_r182) goto CPyL115;
    cpy_r_r183 = cpy_r_r180 & 1;
    cpy_r_r184 = cpy_r_r183 != 0;
    if (!cpy_r_r184) goto CPyL116;
CPyL115: ;
    cpy_r_r185 = CPyTagged_IsLt_(cpy_r_r179, cpy_r_r180);
    if (cpy_r_r185) {
        goto CPyL117;
    } else
        goto CPyL246;
CPyL116: ;
    cpy_r_r186 = (Py_ssize_t)cpy_r_r179 < (Py_ssize_t)cpy_r_r180;
    if (!cpy_r_r186) goto CPyL246;
CPyL117: ;
    CPyTagged_DECREF(((spotlight_trader___market___bars___BarBuilderObject *)cpy_r_self)->__next_deadline_ms);
    ((spotlight_trader___market___bars___BarBuilderObject *)cpy_r_self)->__next_deadline_ms = cpy_r_r179;
CPyL118: ;
    cpy_r_r188 = CPyStatic_bars___globals;
    cpy_r_r189 = CPyStatics[13]; /* 'MICRO_MS' */
    cpy_r_r190 = CPyDict_GetItem(cpy_r_r188, cpy_r_r189);
    if (unlikely(cpy_r_r190 == NULL)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "on_trade", 154, CPyStatic_bars___globals);
        goto CPyL247;
    }
    if (likely(PyLong_Check(cpy_r_r190)))
        cpy_r_r191 = CPyTagged_FromObject(cpy_r_r190);
    else {
        CPy_TypeError("int", cpy_r_r190); cpy_r_r191 = CPY_INT_TAG;
    }
    CPy_DECREF(cpy_r_r190);
    if (unlikely(cpy_r_r191 == CPY_INT_TAG)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "on_trade", 154, CPyStatic_bars___globals);
        goto CPyL247;
    }
    cpy_r_r192 = CPyTagged_FloorDivide(cpy_r_r16, cpy_r_r191);
    CPyTagged_DECREF(cpy_r_r191);
    if (unlikely(cpy_r_r192 == CPY_INT_TAG)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "on_trade", 154, CPyStatic_bars___globals);
        goto CPyL247;
    }
    if (likely(cpy_r_st != Py_None))
        cpy_r_r193 = cpy_r_st;
    else {
        CPy_TypeErrorTraceback("src/spotlight_trader/market/bars.py", "on_trade", 155, CPyStatic_bars___globals, "spotlight_trader.market.bars._SymbolState", cpy_r_st);
        goto CPyL248;
    }
    cpy_r_r194 = ((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_r193)->_b_idx;
    cpy_r_r195 = cpy_r_r192 & 1;
    cpy_r_r196 = cpy_r_r195 != 0;
    if (cpy_r_r196) goto CPyL124;
    cpy_r_r197 = cpy_r_r194 & 1;
    cpy_r_r198 = cpy_r_r197 != 0;
    if (!cpy_r_r198) goto CPyL125;
CPyL124: ;
    cpy_r_r199 = CPyTagged_IsLt_(cpy_r_r194, cpy_r_r192);
    if (cpy_r_r199) {
        goto CPyL126;
    } else
        goto CPyL249;
CPyL125: ;
    cpy_r_r200 = (Py_ssize_t)cpy_r_r192 > (Py_ssize_t)cpy_r_r194;
    if (!cpy_r_r200) goto CPyL249;
CPyL126: ;
    if (likely(cpy_r_st != Py_None))
        cpy_r_r201 = cpy_r_st;
    else {
        CPy_TypeErrorTraceback("src/spotlight_trader/market/bars.py", "on_trade", 156, CPyStatic_bars___globals, "spotlight_trader.market.bars._SymbolState", cpy_r_st);
        goto CPyL248;
    }
    cpy_r_r202 = ((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_r201)->_b_trades;
    CPyTagged_INCREF(cpy_r_r202);
    cpy_r_r203 = cpy_r_r202 != 0;
    CPyTagged_DECREF(cpy_r_r202);
    if (!cpy_r_r203) goto CPyL132;
    cpy_r_r204 = CPyStatics[12]; /* 'symbol' */
    cpy_r_r205 = CPyObject_GetAttr(cpy_r_trade, cpy_r_r204);
    if (unlikely(cpy_r_r205 == NULL)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "on_trade", 157, CPyStatic_bars___globals);
        goto CPyL248;
    }
    if (likely(PyUnicode_Check(cpy_r_r205)))
        cpy_r_r206 = cpy_r_r205;
    else {
        CPy_TypeErrorTraceback("src/spotlight_trader/market/bars.py", "on_trade", 157, CPyStatic_bars___globals, "str", cpy_r_r205);
        goto CPyL248;
    }
    CPy_INCREF(cpy_r_st);
    if (likely(cpy_r_st != Py_None))
        cpy_r_r207 = cpy_r_st;
    else {
        CPy_TypeErrorTraceback("src/spotlight_trader/market/bars.py", "on_trade", 157, CPyStatic_bars___globals, "spotlight_trader.market.bars._SymbolState", cpy_r_st);
        goto CPyL250;
    }
    cpy_r_r208 = CPyDef_bars___BarBuilder____flush_bucket(cpy_r_self, cpy_r_r206, cpy_r_r207);
    CPy_DECREF(cpy_r_r206);
    CPy_DECREF(cpy_r_r207);
    if (unlikely(cpy_r_r208 == 2)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "on_trade", 157, CPyStatic_bars___globals);
        goto CPyL248;
    }
CPyL132: ;
    if (likely(cpy_r_st != Py_None))
        cpy_r_r209 = cpy_r_st;
    else {
        CPy_TypeErrorTraceback("src/spotlight_trader/market/bars.py", "on_trade", 158, CPyStatic_bars___globals, "spotlight_trader.market.bars._SymbolState", cpy_r_st);
        goto CPyL248;
    }
    CPyTagged_DECREF(((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_r209)->_b_idx);
    ((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_r209)->_b_idx = cpy_r_r192;
CPyL134: ;
    if (likely(cpy_r_st != Py_None))
        cpy_r_r211 = cpy_r_st;
    else {
        CPy_TypeErrorTraceback("src/spotlight_trader/market/bars.py", "on_trade", 159, CPyStatic_bars___globals, "spotlight_trader.market.bars._SymbolState", cpy_r_st);
        goto CPyL247;
    }
    cpy_r_r212 = ((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_r211)->_b_trades;
    CPyTagged_INCREF(cpy_r_r212);
    cpy_r_r213 = cpy_r_r212 != 0;
    CPyTagged_DECREF(cpy_r_r212);
    if (cpy_r_r213) goto CPyL144;
    if (likely(cpy_r_st != Py_None))
        cpy_r_r214 = cpy_r_st;
    else {
        CPy_TypeErrorTraceback("src/spotlight_trader/market/bars.py", "on_trade", 160, CPyStatic_bars___globals, "spotlight_trader.market.bars._SymbolState", cpy_r_st);
        goto CPyL247;
    }
    cpy_r_r215 = ((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_r214)->_b_idx;
    cpy_r_r216 = CPyTagged_Add(cpy_r_r215, 2);
    cpy_r_r217 = CPyStatic_bars___globals;
    cpy_r_r218 = CPyStatics[13]; /* 'MICRO_MS' */
    cpy_r_r219 = CPyDict_GetItem(cpy_r_r217, cpy_r_r218);
    if (unlikely(cpy_r_r219 == NULL)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "on_trade", 160, CPyStatic_bars___globals);
        goto CPyL251;
    }
    if (likely(PyLong_Check(cpy_r_r219)))
        cpy_r_r220 = CPyTagged_FromObject(cpy_r_r219);
    else {
        CPy_TypeError("int", cpy_r_r219); cpy_r_r220 = CPY_INT_TAG;
    }
    CPy_DECREF(cpy_r_r219);
    if (unlikely(cpy_r_r220 == CPY_INT_TAG)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "on_trade", 160, CPyStatic_bars___globals);
        goto CPyL251;
    }
    cpy_r_r221 = CPyTagged_Multiply(cpy_r_r216, cpy_r_r220);
    CPyTagged_DECREF(cpy_r_r216);
    CPyTagged_DECREF(cpy_r_r220);
    cpy_r_r222 = ((spotlight_trader___market___bars___BarBuilderObject *)cpy_r_self)->__next_bucket_end_ms;
    cpy_r_r223 = cpy_r_r221 & 1;
    cpy_r_r224 = cpy_r_r223 != 0;
    if (cpy_r_r224) goto CPyL141;
    cpy_r_r225 = cpy_r_r222 & 1;
    cpy_r_r226 = cpy_r_r225 != 0;
    if (!cpy_r_r226) goto CPyL142;
CPyL141: ;
    cpy_r_r227 = CPyTagged_IsLt_(cpy_r_r221, cpy_r_r222);
    if (cpy_r_r227) {
        goto CPyL143;
    } else
        goto CPyL252;
CPyL142: ;
    cpy_r_r228 = (Py_ssize_t)cpy_r_r221 < (Py_ssize_t)cpy_r_r222;
    if (!cpy_r_r228) goto CPyL252;
CPyL143: ;
    CPyTagged_DECREF(((spotlight_trader___market___bars___BarBuilderObject *)cpy_r_self)->__next_bucket_end_ms);
    ((spotlight_trader___market___bars___BarBuilderObject *)cpy_r_self)->__next_bucket_end_ms = cpy_r_r221;
CPyL144: ;
    if (likely(cpy_r_st != Py_None))
        cpy_r_r230 = cpy_r_st;
    else {
        CPy_TypeErrorTraceback("src/spotlight_trader/market/bars.py", "on_trade", 163, CPyStatic_bars___globals, "spotlight_trader.market.bars._SymbolState", cpy_r_st);
        goto CPyL247;
    }
    cpy_r_r231 = ((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_r230)->_trades;
    cpy_r_r232 = CPyTagged_Add(cpy_r_r231, 2);
    CPyTagged_DECREF(((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_r230)->_trades);
    ((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_r230)->_trades = cpy_r_r232;
    if (likely(cpy_r_st != Py_None))
        cpy_r_r234 = cpy_r_st;
    else {
        CPy_TypeErrorTraceback("src/spotlight_trader/market/bars.py", "on_trade", 164, CPyStatic_bars___globals, "spotlight_trader.market.bars._SymbolState", cpy_r_st);
        goto CPyL247;
    }
    cpy_r_r235 = ((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_r234)->_b_trades;
    cpy_r_r236 = CPyTagged_Add(cpy_r_r235, 2);
    CPyTagged_DECREF(((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_r234)->_b_trades);
    ((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_r234)->_b_trades = cpy_r_r236;
    if (likely(PyLong_Check(cpy_r_flags)))
        cpy_r_r238 = CPyTagged_FromObject(cpy_r_flags);
    else {
        CPy_TypeError("int", cpy_r_flags); cpy_r_r238 = CPY_INT_TAG;
    }
    if (unlikely(cpy_r_r238 == CPY_INT_TAG)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "on_trade", 165, CPyStatic_bars___globals);
        goto CPyL247;
    }
    cpy_r_r239 = CPyTagged_And(cpy_r_r238, 8);
    CPyTagged_DECREF(cpy_r_r238);
    cpy_r_r240 = cpy_r_r239 != 0;
    CPyTagged_DECREF(cpy_r_r239);
    if (!cpy_r_r240) goto CPyL151;
    if (likely(cpy_r_st != Py_None))
        cpy_r_r241 = cpy_r_st;
    else {
        CPy_TypeErrorTraceback("src/spotlight_trader/market/bars.py", "on_trade", 166, CPyStatic_bars___globals, "spotlight_trader.market.bars._SymbolState", cpy_r_st);
        goto CPyL247;
    }
    cpy_r_r242 = ((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_r241)->_volume;
    cpy_r_r243 = cpy_r_r242 + cpy_r_r11;
    ((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_r241)->_volume = cpy_r_r243;
    if (likely(cpy_r_st != Py_None))
        cpy_r_r245 = cpy_r_st;
    else {
        CPy_TypeErrorTraceback("src/spotlight_trader/market/bars.py", "on_trade", 167, CPyStatic_bars___globals, "spotlight_trader.market.bars._SymbolState", cpy_r_st);
        goto CPyL247;
    }
    cpy_r_r246 = ((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_r245)->_b_volume;
    cpy_r_r247 = cpy_r_r246 + cpy_r_r11;
    ((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_r245)->_b_volume = cpy_r_r247;
CPyL151: ;
    if (likely(PyLong_Check(cpy_r_flags)))
        cpy_r_r249 = CPyTagged_FromObject(cpy_r_flags);
    else {
        CPy_TypeError("int", cpy_r_flags); cpy_r_r249 = CPY_INT_TAG;
    }
    if (unlikely(cpy_r_r249 == CPY_INT_TAG)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "on_trade", 168, CPyStatic_bars___globals);
        goto CPyL247;
    }
    cpy_r_r250 = CPyTagged_And(cpy_r_r249, 2);
    CPyTagged_DECREF(cpy_r_r249);
    cpy_r_r251 = cpy_r_r250 != 0;
    CPyTagged_DECREF(cpy_r_r250);
    if (!cpy_r_r251) goto CPyL181;
    if (likely(cpy_r_st != Py_None))
        cpy_r_r252 = cpy_r_st;
    else {
        CPy_TypeErrorTraceback("src/spotlight_trader/market/bars.py", "on_trade", 169, CPyStatic_bars___globals, "spotlight_trader.market.bars._SymbolState", cpy_r_st);
        goto CPyL247;
    }
    cpy_r_r253 = ((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_r252)->_has_hl;
    if (cpy_r_r253) goto CPyL159;
CPyL155: ;
    if (likely(cpy_r_st != Py_None))
        cpy_r_r254 = cpy_r_st;
    else {
        CPy_TypeErrorTraceback("src/spotlight_trader/market/bars.py", "on_trade", 170, CPyStatic_bars___globals, "spotlight_trader.market.bars._SymbolState", cpy_r_st);
        goto CPyL247;
    }
    ((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_r254)->_has_hl = 1;
    if (likely(cpy_r_st != Py_None))
        cpy_r_r256 = cpy_r_st;
    else {
        CPy_TypeErrorTraceback("src/spotlight_trader/market/bars.py", "on_trade", 171, CPyStatic_bars___globals, "spotlight_trader.market.bars._SymbolState", cpy_r_st);
        goto CPyL247;
    }
    ((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_r256)->_high = cpy_r_r6;
    if (likely(cpy_r_st != Py_None))
        cpy_r_r258 = cpy_r_st;
    else {
        CPy_TypeErrorTraceback("src/spotlight_trader/market/bars.py", "on_trade", 171, CPyStatic_bars___globals, "spotlight_trader.market.bars._SymbolState", cpy_r_st);
        goto CPyL247;
    }
    ((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_r258)->_low = cpy_r_r6;
    goto CPyL167;
CPyL159: ;
    if (likely(cpy_r_st != Py_None))
        cpy_r_r260 = cpy_r_st;
    else {
        CPy_TypeErrorTraceback("src/spotlight_trader/market/bars.py", "on_trade", 172, CPyStatic_bars___globals, "spotlight_trader.market.bars._SymbolState", cpy_r_st);
        goto CPyL247;
    }
    cpy_r_r261 = ((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_r260)->_high;
    cpy_r_r262 = cpy_r_r6 > cpy_r_r261;
    if (!cpy_r_r262) goto CPyL163;
    if (likely(cpy_r_st != Py_None))
        cpy_r_r263 = cpy_r_st;
    else {
        CPy_TypeErrorTraceback("src/spotlight_trader/market/bars.py", "on_trade", 173, CPyStatic_bars___globals, "spotlight_trader.market.bars._SymbolState", cpy_r_st);
        goto CPyL247;
    }
    ((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_r263)->_high = cpy_r_r6;
    goto CPyL167;
CPyL163: ;
    if (likely(cpy_r_st != Py_None))
        cpy_r_r265 = cpy_r_st;
    else {
        CPy_TypeErrorTraceback("src/spotlight_trader/market/bars.py", "on_trade", 174, CPyStatic_bars___globals, "spotlight_trader.market.bars._SymbolState", cpy_r_st);
        goto CPyL247;
    }
    cpy_r_r266 = ((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_r265)->_low;
    cpy_r_r267 = cpy_r_r6 < cpy_r_r266;
    if (!cpy_r_r267) goto CPyL167;
    if (likely(cpy_r_st != Py_None))
        cpy_r_r268 = cpy_r_st;
    else {
        CPy_TypeErrorTraceback("src/spotlight_trader/market/bars.py", "on_trade", 175, CPyStatic_bars___globals, "spotlight_trader.market.bars._SymbolState", cpy_r_st);
        goto CPyL247;
    }
    ((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_r268)->_low = cpy_r_r6;
CPyL167: ;
    if (likely(cpy_r_st != Py_None))
        cpy_r_r270 = cpy_r_st;
    else {
        CPy_TypeErrorTraceback("src/spotlight_trader/market/bars.py", "on_trade", 176, CPyStatic_bars___globals, "spotlight_trader.market.bars._SymbolState", cpy_r_st);
        goto CPyL247;
    }
    cpy_r_r271 = ((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_r270)->_b_has_hl;
    if (cpy_r_r271) goto CPyL173;
CPyL169: ;
    if (likely(cpy_r_st != Py_None))
        cpy_r_r272 = cpy_r_st;
    else {
        CPy_TypeErrorTraceback("src/spotlight_trader/market/bars.py", "on_trade", 177, CPyStatic_bars___globals, "spotlight_trader.market.bars._SymbolState", cpy_r_st);
        goto CPyL247;
    }
    ((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_r272)->_b_has_hl = 1;
    if (likely(cpy_r_st != Py_None))
        cpy_r_r274 = cpy_r_st;
    else {
        CPy_TypeErrorTraceback("src/spotlight_trader/market/bars.py", "on_trade", 178, CPyStatic_bars___globals, "spotlight_trader.market.bars._SymbolState", cpy_r_st);
        goto CPyL247;
    }
    ((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_r274)->_b_high = cpy_r_r6;
    if (likely(cpy_r_st != Py_None))
        cpy_r_r276 = cpy_r_st;
    else {
        CPy_TypeErrorTraceback("src/spotlight_trader/market/bars.py", "on_trade", 178, CPyStatic_bars___globals, "spotlight_trader.market.bars._SymbolState", cpy_r_st);
        goto CPyL247;
    }
    ((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_r276)->_b_low = cpy_r_r6;
    goto CPyL181;
CPyL173: ;
    if (likely(cpy_r_st != Py_None))
        cpy_r_r278 = cpy_r_st;
    else {
        CPy_TypeErrorTraceback("src/spotlight_trader/market/bars.py", "on_trade", 179, CPyStatic_bars___globals, "spotlight_trader.market.bars._SymbolState", cpy_r_st);
        goto CPyL247;
    }
    cpy_r_r279 = ((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_r278)->_b_high;
    cpy_r_r280 = cpy_r_r6 > cpy_r_r279;
    if (!cpy_r_r280) goto CPyL177;
    if (likely(cpy_r_st != Py_None))
        cpy_r_r281 = cpy_r_st;
    else {
        CPy_TypeErrorTraceback("src/spotlight_trader/market/bars.py", "on_trade", 180, CPyStatic_bars___globals, "spotlight_trader.market.bars._SymbolState", cpy_r_st);
        goto CPyL247;
    }
    ((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_r281)->_b_high = cpy_r_r6;
    goto CPyL181;
CPyL177: ;
    if (likely(cpy_r_st != Py_None))
        cpy_r_r283 = cpy_r_st;
    else {
        CPy_TypeErrorTraceback("src/spotlight_trader/market/bars.py", "on_trade", 181, CPyStatic_bars___globals, "spotlight_trader.market.bars._SymbolState", cpy_r_st);
        goto CPyL247;
    }
    cpy_r_r284 = ((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_r283)->_b_low;
    cpy_r_r285 = cpy_r_r6 < cpy_r_r284;
    if (!cpy_r_r285) goto CPyL181;
    if (likely(cpy_r_st != Py_None))
        cpy_r_r286 = cpy_r_st;
    else {
        CPy_TypeErrorTraceback("src/spotlight_trader/market/bars.py", "on_trade", 182, CPyStatic_bars___globals, "spotlight_trader.market.bars._SymbolState", cpy_r_st);
        goto CPyL247;
    }
    ((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_r286)->_b_low = cpy_r_r6;
CPyL181: ;
    if (likely(PyLong_Check(cpy_r_flags)))
        cpy_r_r288 = CPyTagged_FromObject(cpy_r_flags);
    else {
        CPy_TypeError("int", cpy_r_flags); cpy_r_r288 = CPY_INT_TAG;
    }
    CPy_DECREF(cpy_r_flags);
    if (unlikely(cpy_r_r288 == CPY_INT_TAG)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "on_trade", 183, CPyStatic_bars___globals);
        goto CPyL253;
    }
    cpy_r_r289 = CPyTagged_And(cpy_r_r288, 4);
    CPyTagged_DECREF(cpy_r_r288);
    cpy_r_r290 = cpy_r_r289 != 0;
    CPyTagged_DECREF(cpy_r_r289);
    if (!cpy_r_r290) goto CPyL254;
    if (likely(cpy_r_st != Py_None))
        cpy_r_r291 = cpy_r_st;
    else {
        CPy_TypeErrorTraceback("src/spotlight_trader/market/bars.py", "on_trade", 184, CPyStatic_bars___globals, "spotlight_trader.market.bars._SymbolState", cpy_r_st);
        goto CPyL253;
    }
    cpy_r_r292 = ((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_r291)->_has_oc;
    if (cpy_r_r292) goto CPyL191;
CPyL185: ;
    if (likely(cpy_r_st != Py_None))
        cpy_r_r293 = cpy_r_st;
    else {
        CPy_TypeErrorTraceback("src/spotlight_trader/market/bars.py", "on_trade", 185, CPyStatic_bars___globals, "spotlight_trader.market.bars._SymbolState", cpy_r_st);
        goto CPyL253;
    }
    ((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_r293)->_has_oc = 1;
    if (likely(cpy_r_st != Py_None))
        cpy_r_r295 = cpy_r_st;
    else {
        CPy_TypeErrorTraceback("src/spotlight_trader/market/bars.py", "on_trade", 186, CPyStatic_bars___globals, "spotlight_trader.market.bars._SymbolState", cpy_r_st);
        goto CPyL253;
    }
    ((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_r295)->_open = cpy_r_r6;
    if (likely(cpy_r_st != Py_None))
        cpy_r_r297 = cpy_r_st;
    else {
        CPy_TypeErrorTraceback("src/spotlight_trader/market/bars.py", "on_trade", 186, CPyStatic_bars___globals, "spotlight_trader.market.bars._SymbolState", cpy_r_st);
        goto CPyL253;
    }
    ((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_r297)->_close = cpy_r_r6;
    if (likely(cpy_r_st != Py_None))
        cpy_r_r299 = cpy_r_st;
    else {
        CPy_TypeErrorTraceback("src/spotlight_trader/market/bars.py", "on_trade", 187, CPyStatic_bars___globals, "spotlight_trader.market.bars._SymbolState", cpy_r_st);
        goto CPyL253;
    }
    CPyTagged_INCREF(cpy_r_r16);
    CPyTagged_DECREF(((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_r299)->_open_ts);
    ((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_r299)->_open_ts = cpy_r_r16;
    if (likely(cpy_r_st != Py_None))
        cpy_r_r301 = cpy_r_st;
    else {
        CPy_TypeErrorTraceback("src/spotlight_trader/market/bars.py", "on_trade", 187, CPyStatic_bars___globals, "spotlight_trader.market.bars._SymbolState", cpy_r_st);
        goto CPyL253;
    }
    CPyTagged_INCREF(cpy_r_r16);
    CPyTagged_DECREF(((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_r301)->_close_ts);
    ((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_r301)->_close_ts = cpy_r_r16;
    goto CPyL207;
CPyL191: ;
    if (likely(cpy_r_st != Py_None))
        cpy_r_r303 = cpy_r_st;
    else {
        CPy_TypeErrorTraceback("src/spotlight_trader/market/bars.py", "on_trade", 189, CPyStatic_bars___globals, "spotlight_trader.market.bars._SymbolState", cpy_r_st);
        goto CPyL253;
    }
    cpy_r_r304 = ((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_r303)->_open_ts;
    cpy_r_r305 = cpy_r_r16 & 1;
    cpy_r_r306 = cpy_r_r305 != 0;
    if (cpy_r_r306) goto CPyL194;
    cpy_r_r307 = cpy_r_r304 & 1;
    cpy_r_r308 = cpy_r_r307 != 0;
    if (!cpy_r_r308) goto CPyL195;
CPyL194: ;
    cpy_r_r309 = CPyTagged_IsLt_(cpy_r_r16, cpy_r_r304);
    if (cpy_r_r309) {
        goto CPyL196;
    } else
        goto CPyL199;
CPyL195: ;
    cpy_r_r310 = (Py_ssize_t)cpy_r_r16 < (Py_ssize_t)cpy_r_r304;
    if (!cpy_r_r310) goto CPyL199;
CPyL196: ;
    if (likely(cpy_r_st != Py_None))
        cpy_r_r311 = cpy_r_st;
    else {
        CPy_TypeErrorTraceback("src/spotlight_trader/market/bars.py", "on_trade", 190, CPyStatic_bars___globals, "spotlight_trader.market.bars._SymbolState", cpy_r_st);
        goto CPyL253;
    }
    ((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_r311)->_open = cpy_r_r6;
    if (likely(cpy_r_st != Py_None))
        cpy_r_r313 = cpy_r_st;
    else {
        CPy_TypeErrorTraceback("src/spotlight_trader/market/bars.py", "on_trade", 191, CPyStatic_bars___globals, "spotlight_trader.market.bars._SymbolState", cpy_r_st);
        goto CPyL253;
    }
    CPyTagged_INCREF(cpy_r_r16);
    CPyTagged_DECREF(((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_r313)->_open_ts);
    ((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_r313)->_open_ts = cpy_r_r16;
CPyL199: ;
    if (likely(cpy_r_st != Py_None))
        cpy_r_r315 = cpy_r_st;
    else {
        CPy_TypeErrorTraceback("src/spotlight_trader/market/bars.py", "on_trade", 192, CPyStatic_bars___globals, "spotlight_trader.market.bars._SymbolState", cpy_r_st);
        goto CPyL253;
    }
    cpy_r_r316 = ((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_r315)->_close_ts;
    cpy_r_r317 = cpy_r_r16 & 1;
    cpy_r_r318 = cpy_r_r317 != 0;
    if (cpy_r_r318) goto CPyL202;
    cpy_r_r319 = cpy_r_r316 & 1;
    cpy_r_r320 = cpy_r_r319 != 0;
    if (!cpy_r_r320) goto CPyL203;
CPyL202: ;
    cpy_r_r321 = CPyTagged_IsLt_(cpy_r_r16, cpy_r_r316);
    cpy_r_r322 = cpy_r_r321 ^ 1;
    if (cpy_r_r322) {
        goto CPyL204;
    } else
        goto CPyL207;
CPyL203: ;
    cpy_r_r323 = (Py_ssize_t)cpy_r_r16 >= (Py_ssize_t)cpy_r_r316;
    if (!cpy_r_r323) goto CPyL207;
CPyL204: ;
    if (likely(cpy_r_st != Py_None))
        cpy_r_r324 = cpy_r_st;
    else {
        CPy_TypeErrorTraceback("src/spotlight_trader/market/bars.py", "on_trade", 193, CPyStatic_bars___globals, "spotlight_trader.market.bars._SymbolState", cpy_r_st);
        goto CPyL253;
    }
    ((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_r324)->_close = cpy_r_r6;
    if (likely(cpy_r_st != Py_None))
        cpy_r_r326 = cpy_r_st;
    else {
        CPy_TypeErrorTraceback("src/spotlight_trader/market/bars.py", "on_trade", 194, CPyStatic_bars___globals, "spotlight_trader.market.bars._SymbolState", cpy_r_st);
        goto CPyL253;
    }
    CPyTagged_INCREF(cpy_r_r16);
    CPyTagged_DECREF(((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_r326)->_close_ts);
    ((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_r326)->_close_ts = cpy_r_r16;
CPyL207: ;
    if (likely(cpy_r_st != Py_None))
        cpy_r_r328 = cpy_r_st;
    else {
        CPy_TypeErrorTraceback("src/spotlight_trader/market/bars.py", "on_trade", 195, CPyStatic_bars___globals, "spotlight_trader.market.bars._SymbolState", cpy_r_st);
        goto CPyL253;
    }
    cpy_r_r329 = ((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_r328)->_b_has_oc;
    if (cpy_r_r329) goto CPyL212;
CPyL209: ;
    if (likely(cpy_r_st != Py_None))
        cpy_r_r330 = cpy_r_st;
    else {
        CPy_TypeErrorTraceback("src/spotlight_trader/market/bars.py", "on_trade", 196, CPyStatic_bars___globals, "spotlight_trader.market.bars._SymbolState", cpy_r_st);
        goto CPyL253;
    }
    ((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_r330)->_b_has_oc = 1;
    if (likely(cpy_r_st != Py_None))
        cpy_r_r332 = cpy_r_st;
    else {
        CPy_TypeErrorTraceback("src/spotlight_trader/market/bars.py", "on_trade", 197, CPyStatic_bars___globals, "spotlight_trader.market.bars._SymbolState", cpy_r_st);
        goto CPyL253;
    }
    ((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_r332)->_b_open = cpy_r_r6;
CPyL212: ;
    if (likely(cpy_r_st != Py_None))
        cpy_r_r334 = cpy_r_st;
    else {
        CPy_TypeErrorTraceback("src/spotlight_trader/market/bars.py", "on_trade", 198, CPyStatic_bars___globals, "spotlight_trader.market.bars._SymbolState", cpy_r_st);
        goto CPyL253;
    }
    ((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_r334)->_b_close = cpy_r_r6;
    CPy_DECREF(cpy_r_st);
CPyL214: ;
    cpy_r_r336 = ((spotlight_trader___market___bars___BarBuilderObject *)cpy_r_self)->__clock_from_trades;
    if (!cpy_r_r336) goto CPyL255;
CPyL215: ;
    cpy_r_r337 = cpy_r_r16 & 1;
    cpy_r_r338 = cpy_r_r337 != 0;
    if (cpy_r_r338) goto CPyL217;
    cpy_r_r339 = cpy_r_r53 & 1;
    cpy_r_r340 = cpy_r_r339 != 0;
    if (!cpy_r_r340) goto CPyL218;
CPyL217: ;
    cpy_r_r341 = CPyTagged_IsLt_(cpy_r_r53, cpy_r_r16);
    cpy_r_r342 = cpy_r_r341;
    goto CPyL219;
CPyL218: ;
    cpy_r_r343 = (Py_ssize_t)cpy_r_r16 > (Py_ssize_t)cpy_r_r53;
    cpy_r_r342 = cpy_r_r343;
CPyL219: ;
    CPyTagged_DECREF(cpy_r_r53);
    if (!cpy_r_r342) goto CPyL256;
    cpy_r_r344 = CPyDef_bars___BarBuilder___advance(cpy_r_self, cpy_r_r16);
    CPyTagged_DECREF(cpy_r_r16);
    if (unlikely(cpy_r_r344 == 2)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "on_trade", 200, CPyStatic_bars___globals);
        goto CPyL222;
    }
CPyL221: ;
    return 1;
CPyL222: ;
    cpy_r_r345 = 2;
    return cpy_r_r345;
CPyL223: ;
    CPy_DecRef(cpy_r_r0);
    goto CPyL222;
CPyL224: ;
    CPy_DecRef(cpy_r_r0);
    CPyTagged_DecRef(cpy_r_r16);
    goto CPyL222;
CPyL225: ;
    CPyTagged_DECREF(cpy_r_r16);
    goto CPyL34;
CPyL226: ;
    CPy_DecRef(cpy_r_r0);
    CPyTagged_DecRef(cpy_r_r16);
    CPyTagged_DecRef(cpy_r_r53);
    goto CPyL222;
CPyL227: ;
    CPyTagged_DECREF(cpy_r_r16);
    CPyTagged_DECREF(cpy_r_r53);
    goto CPyL48;
CPyL228: ;
    CPy_DecRef(cpy_r_r0);
    CPyTagged_DecRef(cpy_r_r16);
    CPyTagged_DecRef(cpy_r_r53);
    CPy_DecRef(cpy_r_r78);
    goto CPyL222;
CPyL229: ;
    CPy_DECREF(cpy_r_flags);
    goto CPyL56;
CPyL230: ;
    CPy_DECREF(cpy_r_r78);
    goto CPyL58;
CPyL231: ;
    CPy_DecRef(cpy_r_r0);
    CPyTagged_DecRef(cpy_r_r16);
    CPyTagged_DecRef(cpy_r_r53);
    CPy_DecRef(cpy_r_flags);
    goto CPyL222;
CPyL232: ;
    CPyTagged_DECREF(cpy_r_r16);
    CPyTagged_DECREF(cpy_r_r53);
    CPy_DECREF(cpy_r_flags);
    goto CPyL60;
CPyL233: ;
    CPy_DecRef(cpy_r_r0);
    CPyTagged_DecRef(cpy_r_r16);
    CPyTagged_DecRef(cpy_r_r53);
    CPy_DecRef(cpy_r_flags);
    CPyTagged_DecRef(cpy_r_r99);
    CPy_DecRef(cpy_r_r100);
    goto CPyL222;
CPyL234: ;
    CPy_DecRef(cpy_r_r0);
    CPyTagged_DecRef(cpy_r_r16);
    CPyTagged_DecRef(cpy_r_r53);
    CPy_DecRef(cpy_r_flags);
    CPyTagged_DecRef(cpy_r_r99);
    goto CPyL222;
CPyL235: ;
    CPy_DECREF(cpy_r_st);
    goto CPyL71;
CPyL236: ;
    CPy_DecRef(cpy_r_r0);
    CPyTagged_DecRef(cpy_r_r16);
    CPyTagged_DecRef(cpy_r_r53);
    CPy_DecRef(cpy_r_flags);
    CPyTagged_DecRef(cpy_r_r99);
    CPy_DecRef(cpy_r_st);
    CPy_DecRef(cpy_r_r108);
    CPy_DecRef(cpy_r_r109);
    goto CPyL222;
CPyL237: ;
    CPy_DecRef(cpy_r_r0);
    CPyTagged_DecRef(cpy_r_r16);
    CPyTagged_DecRef(cpy_r_r53);
    CPy_DecRef(cpy_r_flags);
    CPyTagged_DecRef(cpy_r_r99);
    CPy_DecRef(cpy_r_st);
    goto CPyL222;
CPyL238: ;
    CPyTagged_DECREF(cpy_r_r16);
    CPyTagged_DECREF(cpy_r_r53);
    CPy_DECREF(cpy_r_flags);
    CPyTagged_DECREF(cpy_r_r99);
    CPy_DECREF(cpy_r_st);
    goto CPyL84;
CPyL239: ;
    CPy_DECREF(cpy_r_r0);
    CPyTagged_DECREF(cpy_r_r99);
    goto CPyL118;
CPyL240: ;
    CPyTagged_DECREF(cpy_r_r16);
    CPyTagged_DECREF(cpy_r_r53);
    CPy_DECREF(cpy_r_flags);
    CPyTagged_DECREF(cpy_r_r99);
    CPy_DECREF(cpy_r_st);
    goto CPyL96;
CPyL241: ;
    CPy_DECREF(cpy_r_r0);
    goto CPyL99;
CPyL242: ;
    CPyTagged_DecRef(cpy_r_r16);
    CPyTagged_DecRef(cpy_r_r53);
    CPy_DecRef(cpy_r_flags);
    CPyTagged_DecRef(cpy_r_r99);
    CPy_DecRef(cpy_r_st);
    goto CPyL222;
CPyL243: ;
    CPyTagged_DecRef(cpy_r_r16);
    CPyTagged_DecRef(cpy_r_r53);
    CPy_DecRef(cpy_r_flags);
    CPyTagged_DecRef(cpy_r_r99);
    CPy_DecRef(cpy_r_st);
    CPyTagged_DecRef(cpy_r_r154);
    goto CPyL222;
CPyL244: ;
    CPyTagged_DecRef(cpy_r_r16);
    CPyTagged_DecRef(cpy_r_r53);
    CPy_DecRef(cpy_r_flags);
    CPyTagged_DecRef(cpy_r_r99);
    CPy_DecRef(cpy_r_st);
    CPy_DecRef(cpy_r_r167);
    goto CPyL222;
CPyL245: ;
    CPyTagged_DecRef(cpy_r_r16);
    CPyTagged_DecRef(cpy_r_r53);
    CPy_DecRef(cpy_r_flags);
    CPy_DecRef(cpy_r_st);
    CPyTagged_DecRef(cpy_r_r172);
    goto CPyL222;
CPyL246: ;
    CPyTagged_DECREF(cpy_r_r179);
    goto CPyL118;
CPyL247: ;
    CPyTagged_DecRef(cpy_r_r16);
    CPyTagged_DecRef(cpy_r_r53);
    CPy_DecRef(cpy_r_flags);
    CPy_DecRef(cpy_r_st);
    goto CPyL222;
CPyL248: ;
    CPyTagged_DecRef(cpy_r_r16);
    CPyTagged_DecRef(cpy_r_r53);
    CPy_DecRef(cpy_r_flags);
    CPy_DecRef(cpy_r_st);
    CPyTagged_DecRef(cpy_r_r192);
    goto CPyL222;
CPyL249: ;
    CPyTagged_DECREF(cpy_r_r192);
    goto CPyL134;
CPyL250: ;
    CPyTagged_DecRef(cpy_r_r16);
    CPyTagged_DecRef(cpy_r_r53);
    CPy_DecRef(cpy_r_flags);
    CPy_DecRef(cpy_r_st);
    CPyTagged_DecRef(cpy_r_r192);
    CPy_DecRef(cpy_r_r206);
    goto CPyL222;
CPyL251: ;
    CPyTagged_DecRef(cpy_r_r16);
    CPyTagged_DecRef(cpy_r_r53);
    CPy_DecRef(cpy_r_flags);
    CPy_DecRef(cpy_r_st);
    CPyTagged_DecRef(cpy_r_r216);
    goto CPyL222;
CPyL252: ;
    CPyTagged_DECREF(cpy_r_r221);
    goto CPyL144;
CPyL253: ;
    CPyTagged_DecRef(cpy_r_r16);
    CPyTagged_DecRef(cpy_r_r53);
    CPy_DecRef(cpy_r_st);
    goto CPyL222;
CPyL254: ;
    CPy_DECREF(cpy_r_st);
    goto CPyL214;
CPyL255: ;
    CPyTagged_DECREF(cpy_r_r16);
    CPyTagged_DECREF(cpy_r_r53);
    goto CPyL221;
CPyL256: ;
    CPyTagged_DECREF(cpy_r_r16);
    goto CPyL221;
}
        
        PyObject *CPyPy_bars___BarBuilder___on_trade(PyObject *self, PyObject *const *args, size_t nargs, PyObject *kwnames) {
            PyObject *obj_self = self;
            static const char * const kwlist[] = {"trade", 0};
            static CPyArg_Parser parser = {"O:on_trade", kwlist, 0};
            PyObject *obj_trade;
            if (!CPyArg_ParseStackAndKeywordsOneArg(args, nargs, kwnames, &parser, &obj_trade)) {
                return NULL;
            }
            PyObject *arg_self;
            if (likely(Py_TYPE(obj_self) == CPyType_bars___BarBuilder))
                arg_self = obj_self;
            else {
                CPy_TypeError("spotlight_trader.market.bars.BarBuilder", obj_self); 
                goto fail;
            }
            PyObject *arg_trade = obj_trade;
            char retval = CPyDef_bars___BarBuilder___on_trade(arg_self, arg_trade);
            if (retval == 2) {
                return NULL;
            }
            PyObject *retbox = Py_None;
            CPy_INCREF(retbox);
            return retbox;
fail: ;
            CPy_AddTraceback("src/spotlight_trader/market/bars.py", "on_trade", 116, CPyStatic_bars___globals);
            return NULL;
        }
        
char CPyDef_bars___BarBuilder___on_trades(PyObject *cpy_r_self, PyObject *cpy_r_trades) {
    PyObject *cpy_r_r0;
    PyObject *cpy_r_r1;
    PyObject *cpy_r_r2;
    PyObject *cpy_r_r3;
    PyObject **cpy_r_r5;
    PyObject *cpy_r_r6;
    char cpy_r_r7;
    char cpy_r_r8;
    cpy_r_r0 = CPyStatics[14]; /* 'on_trade' */
    cpy_r_r1 = CPyObject_GetAttr(cpy_r_self, cpy_r_r0);
    if (unlikely(cpy_r_r1 == NULL)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "on_trades", 204, CPyStatic_bars___globals);
        goto CPyL7;
    }
    cpy_r_r2 = PyObject_GetIter(cpy_r_trades);
    if (unlikely(cpy_r_r2 == NULL)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "on_trades", 205, CPyStatic_bars___globals);
        goto CPyL8;
    }
CPyL2: ;
    cpy_r_r3 = PyIter_Next(cpy_r_r2);
    if (cpy_r_r3 == NULL) goto CPyL9;
    PyObject *cpy_r_r4[1] = {cpy_r_r3};
    cpy_r_r5 = (PyObject **)&cpy_r_r4;
    cpy_r_r6 = PyObject_Vectorcall(cpy_r_r1, cpy_r_r5, 1, 0);
    if (unlikely(cpy_r_r6 == NULL)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "on_trades", 206, CPyStatic_bars___globals);
        goto CPyL10;
    } else
        goto CPyL11;
CPyL4: ;
    CPy_DECREF(cpy_r_r3);
    goto CPyL2;
CPyL5: ;
    cpy_r_r7 = CPy_NoErrOccurred();
    if (unlikely(!cpy_r_r7)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "on_trades", 205, CPyStatic_bars___globals);
        goto CPyL7;
    }
    return 1;
CPyL7: ;
    cpy_r_r8 = 2;
    return cpy_r_r8;
CPyL8: ;
    CPy_DecRef(cpy_r_r1);
    goto CPyL7;
CPyL9: ;
    CPy_DECREF(cpy_r_r1);
    CPy_DECREF(cpy_r_r2);
    goto CPyL5;
CPyL10: ;
    CPy_DecRef(cpy_r_r1);
    CPy_DecRef(cpy_r_r2);
    CPy_DecRef(cpy_r_r3);
    goto CPyL7;
CPyL11: ;
    CPy_DECREF(cpy_r_r6);
    goto CPyL4;
}
        
        PyObject *CPyPy_bars___BarBuilder___on_trades(PyObject *self, PyObject *const *args, size_t nargs, PyObject *kwnames) {
            PyObject *obj_self = self;
            static const char * const kwlist[] = {"trades", 0};
            static CPyArg_Parser parser = {"O:on_trades", kwlist, 0};
            PyObject *obj_trades;
            if (!CPyArg_ParseStackAndKeywordsOneArg(args, nargs, kwnames, &parser, &obj_trades)) {
                return NULL;
            }
            PyObject *arg_self;
            if (likely(Py_TYPE(obj_self) == CPyType_bars___BarBuilder))
                arg_self = obj_self;
            else {
                CPy_TypeError("spotlight_trader.market.bars.BarBuilder", obj_self); 
                goto fail;
            }
            PyObject *arg_trades = obj_trades;
            char retval = CPyDef_bars___BarBuilder___on_trades(arg_self, arg_trades);
            if (retval == 2) {
                return NULL;
            }
            PyObject *retbox = Py_None;
            CPy_INCREF(retbox);
            return retbox;
fail: ;
            CPy_AddTraceback("src/spotlight_trader/market/bars.py", "on_trades", 202, CPyStatic_bars___globals);
            return NULL;
        }
        
char CPyDef_bars___BarBuilder___on_quote(PyObject *cpy_r_self, PyObject *cpy_r_quote) {
    PyObject *cpy_r_r0;
    PyObject *cpy_r_r1;
    double cpy_r_r2;
    char cpy_r_r3;
    char cpy_r_r4;
    PyObject *cpy_r_r5;
    PyObject *cpy_r_r6;
    PyObject *cpy_r_r7;
    double cpy_r_r8;
    char cpy_r_r9;
    char cpy_r_r10;
    PyObject *cpy_r_r11;
    char cpy_r_r12;
    PyObject *cpy_r_r13;
    PyObject *cpy_r_r14;
    PyObject *cpy_r_r15;
    double cpy_r_r16;
    char cpy_r_r17;
    char cpy_r_r18;
    PyObject *cpy_r_r19;
    PyObject *cpy_r_r20;
    CPyTagged cpy_r_r21;
    CPyTagged cpy_r_r22;
    char cpy_r_r23;
    PyObject *cpy_r_r24;
    PyObject *cpy_r_r25;
    PyObject *cpy_r_r26;
    PyObject *cpy_r_r27;
    PyObject *cpy_r_r28;
    PyObject *cpy_r_current;
    PyObject *cpy_r_r29;
    char cpy_r_r30;
    PyObject *cpy_r_r31;
    PyObject *cpy_r_r32;
    CPyTagged cpy_r_r33;
    PyObject *cpy_r_r34;
    PyObject *cpy_r_r35;
    PyObject *cpy_r_r36;
    CPyTagged cpy_r_r37;
    int64_t cpy_r_r38;
    char cpy_r_r39;
    int64_t cpy_r_r40;
    char cpy_r_r41;
    char cpy_r_r42;
    char cpy_r_r43;
    char cpy_r_r44;
    char cpy_r_r45;
    PyObject *cpy_r_r46;
    PyObject *cpy_r_r47;
    PyObject *cpy_r_r48;
    PyObject *cpy_r_r49;
    int32_t cpy_r_r50;
    char cpy_r_r51;
    char cpy_r_r52;
    cpy_r_r0 = CPyStatics[15]; /* 'bid' */
    cpy_r_r1 = CPyObject_GetAttr(cpy_r_quote, cpy_r_r0);
    if (unlikely(cpy_r_r1 == NULL)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "on_quote", 210, CPyStatic_bars___globals);
        goto CPyL36;
    }
    cpy_r_r2 = PyFloat_AsDouble(cpy_r_r1);
    if (cpy_r_r2 == -1.0 && PyErr_Occurred()) {
        CPy_TypeError("float", cpy_r_r1); cpy_r_r2 = -113.0;
    }
    CPy_DECREF(cpy_r_r1);
    cpy_r_r3 = cpy_r_r2 == -113.0;
    if (unlikely(cpy_r_r3)) goto CPyL3;
CPyL2: ;
    cpy_r_r4 = 0.0 < cpy_r_r2;
    if (cpy_r_r4) {
        goto CPyL5;
    } else
        goto CPyL4;
CPyL3: ;
    cpy_r_r5 = PyErr_Occurred();
    if (unlikely(cpy_r_r5 != NULL)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "on_quote", 210, CPyStatic_bars___globals);
        goto CPyL36;
    } else
        goto CPyL2;
CPyL4: ;
    if (cpy_r_r4) {
        goto CPyL18;
    } else
        goto CPyL15;
CPyL5: ;
    cpy_r_r6 = CPyStatics[16]; /* 'ask' */
    cpy_r_r7 = CPyObject_GetAttr(cpy_r_quote, cpy_r_r6);
    if (unlikely(cpy_r_r7 == NULL)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "on_quote", 210, CPyStatic_bars___globals);
        goto CPyL36;
    }
    cpy_r_r8 = PyFloat_AsDouble(cpy_r_r7);
    if (cpy_r_r8 == -1.0 && PyErr_Occurred()) {
        CPy_TypeError("float", cpy_r_r7); cpy_r_r8 = -113.0;
    }
    CPy_DECREF(cpy_r_r7);
    cpy_r_r9 = cpy_r_r8 == -113.0;
    if (unlikely(cpy_r_r9)) goto CPyL8;
CPyL7: ;
    cpy_r_r10 = cpy_r_r2 <= cpy_r_r8;
    if (cpy_r_r10) {
        goto CPyL10;
    } else
        goto CPyL9;
CPyL8: ;
    cpy_r_r11 = PyErr_Occurred();
    if (unlikely(cpy_r_r11 != NULL)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "on_quote", 210, CPyStatic_bars___globals);
        goto CPyL36;
    } else
        goto CPyL7;
CPyL9: ;
    cpy_r_r12 = cpy_r_r10;
    goto CPyL14;
CPyL10: ;
    cpy_r_r13 = CPyStatic_bars___globals;
    cpy_r_r14 = CPyStatics[8]; /* 'MAX_PRICE' */
    cpy_r_r15 = CPyDict_GetItem(cpy_r_r13, cpy_r_r14);
    if (unlikely(cpy_r_r15 == NULL)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "on_quote", 210, CPyStatic_bars___globals);
        goto CPyL36;
    }
    cpy_r_r16 = PyFloat_AsDouble(cpy_r_r15);
    if (cpy_r_r16 == -1.0 && PyErr_Occurred()) {
        CPy_TypeError("float", cpy_r_r15); cpy_r_r16 = -113.0;
    }
    CPy_DECREF(cpy_r_r15);
    cpy_r_r17 = cpy_r_r16 == -113.0;
    if (unlikely(cpy_r_r17)) goto CPyL13;
CPyL12: ;
    cpy_r_r18 = cpy_r_r8 < cpy_r_r16;
    cpy_r_r12 = cpy_r_r18;
    goto CPyL14;
CPyL13: ;
    cpy_r_r19 = PyErr_Occurred();
    if (unlikely(cpy_r_r19 != NULL)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "on_quote", 210, CPyStatic_bars___globals);
        goto CPyL36;
    } else
        goto CPyL12;
CPyL14: ;
    if (cpy_r_r12) goto CPyL18;
CPyL15: ;
    cpy_r_r20 = ((spotlight_trader___market___bars___BarBuilderObject *)cpy_r_self)->_stats;
    cpy_r_r21 = ((spotlight_trader___market___bars___BuilderStatsObject *)cpy_r_r20)->_rejected;
    if (unlikely(cpy_r_r21 == CPY_INT_TAG)) {
        CPy_AttributeError("src/spotlight_trader/market/bars.py", "on_quote", "BuilderStats", "rejected", 211, CPyStatic_bars___globals);
        goto CPyL36;
    }
CPyL16: ;
    cpy_r_r22 = CPyTagged_Add(cpy_r_r21, 2);
    if (((spotlight_trader___market___bars___BuilderStatsObject *)cpy_r_r20)->_rejected != CPY_INT_TAG) {
        CPyTagged_DECREF(((spotlight_trader___market___bars___BuilderStatsObject *)cpy_r_r20)->_rejected);
    }
    ((spotlight_trader___market___bars___BuilderStatsObject *)cpy_r_r20)->_rejected = cpy_r_r22;
    cpy_r_r23 = 1;
    if (unlikely(!cpy_r_r23)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "on_quote", 211, CPyStatic_bars___globals);
        goto CPyL36;
    }
    return 1;
CPyL18: ;
    cpy_r_r24 = ((spotlight_trader___market___bars___BarBuilderObject *)cpy_r_self)->__quotes;
    CPy_INCREF(cpy_r_r24);
    cpy_r_r25 = CPyStatics[12]; /* 'symbol' */
    cpy_r_r26 = CPyObject_GetAttr(cpy_r_quote, cpy_r_r25);
    if (unlikely(cpy_r_r26 == NULL)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "on_quote", 213, CPyStatic_bars___globals);
        goto CPyL37;
    }
    if (likely(PyUnicode_Check(cpy_r_r26)))
        cpy_r_r27 = cpy_r_r26;
    else {
        CPy_TypeErrorTraceback("src/spotlight_trader/market/bars.py", "on_quote", 213, CPyStatic_bars___globals, "str", cpy_r_r26);
        goto CPyL37;
    }
    cpy_r_r28 = CPyDict_GetWithNone(cpy_r_r24, cpy_r_r27);
    CPy_DECREF(cpy_r_r24);
    CPy_DECREF(cpy_r_r27);
    if (unlikely(cpy_r_r28 == NULL)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "on_quote", 213, CPyStatic_bars___globals);
        goto CPyL36;
    }
    cpy_r_current = cpy_r_r28;
    cpy_r_r29 = (PyObject *)&_Py_NoneStruct;
    cpy_r_r30 = cpy_r_current == cpy_r_r29;
    if (cpy_r_r30) goto CPyL38;
    cpy_r_r31 = CPyStatics[7]; /* 'ts_ms' */
    cpy_r_r32 = CPyObject_GetAttr(cpy_r_quote, cpy_r_r31);
    if (unlikely(cpy_r_r32 == NULL)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "on_quote", 214, CPyStatic_bars___globals);
        goto CPyL39;
    }
    if (likely(PyLong_Check(cpy_r_r32)))
        cpy_r_r33 = CPyTagged_FromObject(cpy_r_r32);
    else {
        CPy_TypeError("int", cpy_r_r32); cpy_r_r33 = CPY_INT_TAG;
    }
    CPy_DECREF(cpy_r_r32);
    if (unlikely(cpy_r_r33 == CPY_INT_TAG)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "on_quote", 214, CPyStatic_bars___globals);
        goto CPyL39;
    }
    cpy_r_r34 = cpy_r_current;
    cpy_r_r35 = CPyStatics[7]; /* 'ts_ms' */
    cpy_r_r36 = CPyObject_GetAttr(cpy_r_r34, cpy_r_r35);
    CPy_DECREF(cpy_r_r34);
    if (unlikely(cpy_r_r36 == NULL)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "on_quote", 214, CPyStatic_bars___globals);
        goto CPyL40;
    }
    if (likely(PyLong_Check(cpy_r_r36)))
        cpy_r_r37 = CPyTagged_FromObject(cpy_r_r36);
    else {
        CPy_TypeError("int", cpy_r_r36); cpy_r_r37 = CPY_INT_TAG;
    }
    CPy_DECREF(cpy_r_r36);
    if (unlikely(cpy_r_r37 == CPY_INT_TAG)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "on_quote", 214, CPyStatic_bars___globals);
        goto CPyL40;
    }
    cpy_r_r38 = cpy_r_r33 & 1;
    cpy_r_r39 = cpy_r_r38 != 0;
    if (cpy_r_r39) goto CPyL29;
    cpy_r_r40 = cpy_r_r37 & 1;
    cpy_r_r41 = cpy_r_r40 != 0;
    if (!cpy_r_r41) goto CPyL30;
CPyL29: ;
    cpy_r_r42 = CPyTagged_IsLt_(cpy_r_r33, cpy_r_r37);
    cpy_r_r43 = cpy_r_r42 ^ 1;
    cpy_r_r44 = cpy_r_r43;
    goto CPyL31;
CPyL30: ;
    cpy_r_r45 = (Py_ssize_t)cpy_r_r33 >= (Py_ssize_t)cpy_r_r37;
    cpy_r_r44 = cpy_r_r45;
CPyL31: ;
    CPyTagged_DECREF(cpy_r_r33);
    CPyTagged_DECREF(cpy_r_r37);
    if (!cpy_r_r44) goto CPyL35;
CPyL32: ;
    cpy_r_r46 = ((spotlight_trader___market___bars___BarBuilderObject *)cpy_r_self)->__quotes;
    CPy_INCREF(cpy_r_r46);
    cpy_r_r47 = CPyStatics[12]; /* 'symbol' */
    cpy_r_r48 = CPyObject_GetAttr(cpy_r_quote, cpy_r_r47);
    if (unlikely(cpy_r_r48 == NULL)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "on_quote", 215, CPyStatic_bars___globals);
        goto CPyL41;
    }
    if (likely(PyUnicode_Check(cpy_r_r48)))
        cpy_r_r49 = cpy_r_r48;
    else {
        CPy_TypeErrorTraceback("src/spotlight_trader/market/bars.py", "on_quote", 215, CPyStatic_bars___globals, "str", cpy_r_r48);
        goto CPyL41;
    }
    cpy_r_r50 = CPyDict_SetItem(cpy_r_r46, cpy_r_r49, cpy_r_quote);
    CPy_DECREF(cpy_r_r46);
    CPy_DECREF(cpy_r_r49);
    cpy_r_r51 = cpy_r_r50 >= 0;
    if (unlikely(!cpy_r_r51)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "on_quote", 215, CPyStatic_bars___globals);
        goto CPyL36;
    }
CPyL35: ;
    return 1;
CPyL36: ;
    cpy_r_r52 = 2;
    return cpy_r_r52;
CPyL37: ;
    CPy_DecRef(cpy_r_r24);
    goto CPyL36;
CPyL38: ;
    CPy_DECREF(cpy_r_current);
    goto CPyL32;
CPyL39: ;
    CPy_DecRef(cpy_r_current);
    goto CPyL36;
CPyL40: ;
    CPyTagged_DecRef(cpy_r_r33);
    goto CPyL36;
CPyL41: ;
    CPy_DecRef(cpy_r_r46);
    goto CPyL36;
}
        
        PyObject *CPyPy_bars___BarBuilder___on_quote(PyObject *self, PyObject *const *args, size_t nargs, PyObject *kwnames) {
            PyObject *obj_self = self;
            static const char * const kwlist[] = {"quote", 0};
            static CPyArg_Parser parser = {"O:on_quote", kwlist, 0};
            PyObject *obj_quote;
            if (!CPyArg_ParseStackAndKeywordsOneArg(args, nargs, kwnames, &parser, &obj_quote)) {
                return NULL;
            }
            PyObject *arg_self;
            if (likely(Py_TYPE(obj_self) == CPyType_bars___BarBuilder))
                arg_self = obj_self;
            else {
                CPy_TypeError("spotlight_trader.market.bars.BarBuilder", obj_self); 
                goto fail;
            }
            PyObject *arg_quote = obj_quote;
            char retval = CPyDef_bars___BarBuilder___on_quote(arg_self, arg_quote);
            if (retval == 2) {
                return NULL;
            }
            PyObject *retbox = Py_None;
            CPy_INCREF(retbox);
            return retbox;
fail: ;
            CPy_AddTraceback("src/spotlight_trader/market/bars.py", "on_quote", 208, CPyStatic_bars___globals);
            return NULL;
        }
        
char CPyDef_bars___BarBuilder___advance(PyObject *cpy_r_self, CPyTagged cpy_r_now_ms) {
    CPyTagged cpy_r_r0;
    int64_t cpy_r_r1;
    char cpy_r_r2;
    int64_t cpy_r_r3;
    char cpy_r_r4;
    char cpy_r_r5;
    char cpy_r_r6;
    char cpy_r_r7;
    char cpy_r_r8;
    CPyTagged cpy_r_r9;
    CPyTagged cpy_r_r10;
    PyObject *cpy_r_r11;
    PyObject *cpy_r_r12;
    PyObject *cpy_r_r13;
    CPyTagged cpy_r_r14;
    CPyTagged cpy_r_r15;
    CPyTagged cpy_r_r16;
    char cpy_r_r17;
    CPyTagged cpy_r_r18;
    int64_t cpy_r_r19;
    char cpy_r_r20;
    int64_t cpy_r_r21;
    char cpy_r_r22;
    char cpy_r_r23;
    char cpy_r_r24;
    char cpy_r_r25;
    char cpy_r_r26;
    CPyTagged cpy_r_r27;
    int64_t cpy_r_r28;
    char cpy_r_r29;
    int64_t cpy_r_r30;
    char cpy_r_r31;
    char cpy_r_r32;
    char cpy_r_r33;
    char cpy_r_r34;
    char cpy_r_r35;
    char cpy_r_r36;
    cpy_r_r0 = ((spotlight_trader___market___bars___BarBuilderObject *)cpy_r_self)->_clock_ms;
    cpy_r_r1 = cpy_r_now_ms & 1;
    cpy_r_r2 = cpy_r_r1 != 0;
    if (cpy_r_r2) goto CPyL2;
    cpy_r_r3 = cpy_r_r0 & 1;
    cpy_r_r4 = cpy_r_r3 != 0;
    if (!cpy_r_r4) goto CPyL3;
CPyL2: ;
    cpy_r_r5 = CPyTagged_IsLt_(cpy_r_r0, cpy_r_now_ms);
    cpy_r_r6 = cpy_r_r5 ^ 1;
    if (cpy_r_r6) {
        goto CPyL4;
    } else
        goto CPyL5;
CPyL3: ;
    cpy_r_r7 = (Py_ssize_t)cpy_r_now_ms <= (Py_ssize_t)cpy_r_r0;
    if (!cpy_r_r7) goto CPyL5;
CPyL4: ;
    return 1;
CPyL5: ;
    CPyTagged_INCREF(cpy_r_now_ms);
    CPyTagged_DECREF(((spotlight_trader___market___bars___BarBuilderObject *)cpy_r_self)->_clock_ms);
    ((spotlight_trader___market___bars___BarBuilderObject *)cpy_r_self)->_clock_ms = cpy_r_now_ms;
    cpy_r_r9 = ((spotlight_trader___market___bars___BarBuilderObject *)cpy_r_self)->_grace_ms;
    cpy_r_r10 = CPyTagged_Subtract(cpy_r_now_ms, cpy_r_r9);
    cpy_r_r11 = CPyStatic_bars___globals;
    cpy_r_r12 = CPyStatics[11]; /* 'MINUTE_MS' */
    cpy_r_r13 = CPyDict_GetItem(cpy_r_r11, cpy_r_r12);
    if (unlikely(cpy_r_r13 == NULL)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "advance", 222, CPyStatic_bars___globals);
        goto CPyL20;
    }
    if (likely(PyLong_Check(cpy_r_r13)))
        cpy_r_r14 = CPyTagged_FromObject(cpy_r_r13);
    else {
        CPy_TypeError("int", cpy_r_r13); cpy_r_r14 = CPY_INT_TAG;
    }
    CPy_DECREF(cpy_r_r13);
    if (unlikely(cpy_r_r14 == CPY_INT_TAG)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "advance", 222, CPyStatic_bars___globals);
        goto CPyL20;
    }
    cpy_r_r15 = CPyTagged_FloorDivide(cpy_r_r10, cpy_r_r14);
    CPyTagged_DECREF(cpy_r_r10);
    CPyTagged_DECREF(cpy_r_r14);
    if (unlikely(cpy_r_r15 == CPY_INT_TAG)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "advance", 222, CPyStatic_bars___globals);
        goto CPyL19;
    }
    cpy_r_r16 = CPyTagged_Subtract(cpy_r_r15, 2);
    CPyTagged_DECREF(cpy_r_r15);
    CPyTagged_DECREF(((spotlight_trader___market___bars___BarBuilderObject *)cpy_r_self)->__clock_final_seq);
    ((spotlight_trader___market___bars___BarBuilderObject *)cpy_r_self)->__clock_final_seq = cpy_r_r16;
    cpy_r_r18 = ((spotlight_trader___market___bars___BarBuilderObject *)cpy_r_self)->__next_bucket_end_ms;
    cpy_r_r19 = cpy_r_now_ms & 1;
    cpy_r_r20 = cpy_r_r19 != 0;
    if (cpy_r_r20) goto CPyL10;
    cpy_r_r21 = cpy_r_r18 & 1;
    cpy_r_r22 = cpy_r_r21 != 0;
    if (!cpy_r_r22) goto CPyL11;
CPyL10: ;
    cpy_r_r23 = CPyTagged_IsLt_(cpy_r_now_ms, cpy_r_r18);
    cpy_r_r24 = cpy_r_r23 ^ 1;
    if (cpy_r_r24) {
        goto CPyL12;
    } else
        goto CPyL13;
CPyL11: ;
    cpy_r_r25 = (Py_ssize_t)cpy_r_now_ms >= (Py_ssize_t)cpy_r_r18;
    if (!cpy_r_r25) goto CPyL13;
CPyL12: ;
    cpy_r_r26 = CPyDef_bars___BarBuilder____flush_due_buckets(cpy_r_self, cpy_r_now_ms);
    if (unlikely(cpy_r_r26 == 2)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "advance", 224, CPyStatic_bars___globals);
        goto CPyL19;
    }
CPyL13: ;
    cpy_r_r27 = ((spotlight_trader___market___bars___BarBuilderObject *)cpy_r_self)->__next_deadline_ms;
    cpy_r_r28 = cpy_r_now_ms & 1;
    cpy_r_r29 = cpy_r_r28 != 0;
    if (cpy_r_r29) goto CPyL15;
    cpy_r_r30 = cpy_r_r27 & 1;
    cpy_r_r31 = cpy_r_r30 != 0;
    if (!cpy_r_r31) goto CPyL16;
CPyL15: ;
    cpy_r_r32 = CPyTagged_IsLt_(cpy_r_now_ms, cpy_r_r27);
    cpy_r_r33 = cpy_r_r32 ^ 1;
    if (cpy_r_r33) {
        goto CPyL17;
    } else
        goto CPyL18;
CPyL16: ;
    cpy_r_r34 = (Py_ssize_t)cpy_r_now_ms >= (Py_ssize_t)cpy_r_r27;
    if (!cpy_r_r34) goto CPyL18;
CPyL17: ;
    cpy_r_r35 = CPyDef_bars___BarBuilder____finalise_due(cpy_r_self, cpy_r_now_ms);
    if (unlikely(cpy_r_r35 == 2)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "advance", 226, CPyStatic_bars___globals);
        goto CPyL19;
    }
CPyL18: ;
    return 1;
CPyL19: ;
    cpy_r_r36 = 2;
    return cpy_r_r36;
CPyL20: ;
    CPyTagged_DecRef(cpy_r_r10);
    goto CPyL19;
}
        
        PyObject *CPyPy_bars___BarBuilder___advance(PyObject *self, PyObject *const *args, size_t nargs, PyObject *kwnames) {
            PyObject *obj_self = self;
            static const char * const kwlist[] = {"now_ms", 0};
            static CPyArg_Parser parser = {"O:advance", kwlist, 0};
            PyObject *obj_now_ms;
            if (!CPyArg_ParseStackAndKeywordsOneArg(args, nargs, kwnames, &parser, &obj_now_ms)) {
                return NULL;
            }
            PyObject *arg_self;
            if (likely(Py_TYPE(obj_self) == CPyType_bars___BarBuilder))
                arg_self = obj_self;
            else {
                CPy_TypeError("spotlight_trader.market.bars.BarBuilder", obj_self); 
                goto fail;
            }
            CPyTagged arg_now_ms;
            if (likely(PyLong_Check(obj_now_ms)))
                arg_now_ms = CPyTagged_BorrowFromObject(obj_now_ms);
            else {
                CPy_TypeError("int", obj_now_ms); goto fail;
            }
            char retval = CPyDef_bars___BarBuilder___advance(arg_self, arg_now_ms);
            if (retval == 2) {
                return NULL;
            }
            PyObject *retbox = Py_None;
            CPy_INCREF(retbox);
            return retbox;
fail: ;
            CPy_AddTraceback("src/spotlight_trader/market/bars.py", "advance", 217, CPyStatic_bars___globals);
            return NULL;
        }
        
char CPyDef_bars___BarBuilder___flush(PyObject *cpy_r_self) {
    PyObject *cpy_r_r0;
    CPyTagged cpy_r_r1;
    int64_t cpy_r_r2;
    PyObject *cpy_r_r3;
    tuple_T4CIOO cpy_r_r4;
    CPyTagged cpy_r_r5;
    char cpy_r_r6;
    PyObject *cpy_r_r7;
    PyObject *cpy_r_r8;
    PyObject *cpy_r_r9;
    PyObject *cpy_r_r10;
    CPyTagged cpy_r_r11;
    PyObject *cpy_r_r12;
    PyObject *cpy_r_r13;
    PyObject *cpy_r_r14;
    CPyTagged cpy_r_r15;
    int64_t cpy_r_r16;
    char cpy_r_r17;
    char cpy_r_r18;
    char cpy_r_r19;
    char cpy_r_r20;
    char cpy_r_r21;
    char cpy_r_r22;
    char cpy_r_r23;
    char cpy_r_r24;
    PyObject *cpy_r_r25;
    PyObject *cpy_r_r26;
    PyObject *cpy_r_r27;
    CPyTagged cpy_r_r28;
    char cpy_r_r29;
    PyObject *cpy_r_r30;
    PyObject *cpy_r_r31;
    PyObject *cpy_r_r32;
    CPyTagged cpy_r_r33;
    char cpy_r_r34;
    char cpy_r_r35;
    cpy_r_r0 = ((spotlight_trader___market___bars___BarBuilderObject *)cpy_r_self)->__states;
    CPy_INCREF(cpy_r_r0);
    cpy_r_r1 = 0;
    cpy_r_r2 = PyDict_Size(cpy_r_r0);
    cpy_r_r3 = CPyDict_GetItemsIter(cpy_r_r0);
    if (unlikely(cpy_r_r3 == NULL)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "flush", 230, CPyStatic_bars___globals);
        goto CPyL19;
    }
CPyL1: ;
    cpy_r_r4 = CPyDict_NextItem(cpy_r_r3, cpy_r_r1);
    cpy_r_r5 = cpy_r_r4.f1;
    cpy_r_r1 = cpy_r_r5;
    cpy_r_r6 = cpy_r_r4.f0;
    if (!cpy_r_r6) goto CPyL20;
    cpy_r_r7 = cpy_r_r4.f2;
    CPy_INCREF(cpy_r_r7);
    cpy_r_r8 = cpy_r_r4.f3;
    CPy_INCREF(cpy_r_r8);
    CPy_DECREF(cpy_r_r4.f2);
    CPy_DECREF(cpy_r_r4.f3);
    if (likely(PyUnicode_Check(cpy_r_r7)))
        cpy_r_r9 = cpy_r_r7;
    else {
        CPy_TypeErrorTraceback("src/spotlight_trader/market/bars.py", "flush", 230, CPyStatic_bars___globals, "str", cpy_r_r7);
        goto CPyL21;
    }
    if (likely(Py_TYPE(cpy_r_r8) == CPyType_bars____SymbolState))
        cpy_r_r10 = cpy_r_r8;
    else {
        CPy_TypeErrorTraceback("src/spotlight_trader/market/bars.py", "flush", 230, CPyStatic_bars___globals, "spotlight_trader.market.bars._SymbolState", cpy_r_r8);
        goto CPyL22;
    }
    cpy_r_r11 = ((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_r10)->_seq;
    CPyTagged_INCREF(cpy_r_r11);
    cpy_r_r12 = CPyStatic_bars___globals;
    cpy_r_r13 = CPyStatics[3]; /* '_NO_CLOCK' */
    cpy_r_r14 = CPyDict_GetItem(cpy_r_r12, cpy_r_r13);
    if (unlikely(cpy_r_r14 == NULL)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "flush", 231, CPyStatic_bars___globals);
        goto CPyL23;
    }
    if (likely(PyLong_Check(cpy_r_r14)))
        cpy_r_r15 = CPyTagged_FromObject(cpy_r_r14);
    else {
        CPy_TypeError("int", cpy_r_r14); cpy_r_r15 = CPY_INT_TAG;
    }
    CPy_DECREF(cpy_r_r14);
    if (unlikely(cpy_r_r15 == CPY_INT_TAG)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "flush", 231, CPyStatic_bars___globals);
        goto CPyL23;
    }
    cpy_r_r16 = cpy_r_r11 & 1;
    cpy_r_r17 = cpy_r_r16 != 0;
    if (!cpy_r_r17) goto CPyL8;
    cpy_r_r18 = CPyTagged_IsEq_(cpy_r_r11, cpy_r_r15);
    cpy_r_r19 = cpy_r_r18 ^ 1;
    cpy_r_r20 = cpy_r_r19;
    goto CPyL9;
CPyL8: ;
    cpy_r_r21 = cpy_r_r11 != cpy_r_r15;
    cpy_r_r20 = cpy_r_r21;
CPyL9: ;
    CPyTagged_DECREF(cpy_r_r11);
    CPyTagged_DECREF(cpy_r_r15);
    if (!cpy_r_r20) goto CPyL24;
    cpy_r_r22 = CPyDef_bars___BarBuilder____finalise(cpy_r_self, cpy_r_r9, cpy_r_r10);
    CPy_DECREF(cpy_r_r9);
    CPy_DECREF(cpy_r_r10);
    if (unlikely(cpy_r_r22 == 2)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "flush", 232, CPyStatic_bars___globals);
        goto CPyL25;
    }
CPyL11: ;
    cpy_r_r23 = CPyDict_CheckSize(cpy_r_r0, cpy_r_r2);
    if (unlikely(!cpy_r_r23)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "flush", 230, CPyStatic_bars___globals);
        goto CPyL25;
    } else
        goto CPyL1;
CPyL12: ;
    cpy_r_r24 = CPy_NoErrOccurred();
    if (unlikely(!cpy_r_r24)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "flush", 230, CPyStatic_bars___globals);
        goto CPyL18;
    }
    cpy_r_r25 = CPyStatic_bars___globals;
    cpy_r_r26 = CPyStatics[4]; /* 'MAX_TS_MS' */
    cpy_r_r27 = CPyDict_GetItem(cpy_r_r25, cpy_r_r26);
    if (unlikely(cpy_r_r27 == NULL)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "flush", 233, CPyStatic_bars___globals);
        goto CPyL18;
    }
    if (likely(PyLong_Check(cpy_r_r27)))
        cpy_r_r28 = CPyTagged_FromObject(cpy_r_r27);
    else {
        CPy_TypeError("int", cpy_r_r27); cpy_r_r28 = CPY_INT_TAG;
    }
    CPy_DECREF(cpy_r_r27);
    if (unlikely(cpy_r_r28 == CPY_INT_TAG)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "flush", 233, CPyStatic_bars___globals);
        goto CPyL18;
    }
    CPyTagged_DECREF(((spotlight_trader___market___bars___BarBuilderObject *)cpy_r_self)->__next_deadline_ms);
    ((spotlight_trader___market___bars___BarBuilderObject *)cpy_r_self)->__next_deadline_ms = cpy_r_r28;
    cpy_r_r30 = CPyStatic_bars___globals;
    cpy_r_r31 = CPyStatics[4]; /* 'MAX_TS_MS' */
    cpy_r_r32 = CPyDict_GetItem(cpy_r_r30, cpy_r_r31);
    if (unlikely(cpy_r_r32 == NULL)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "flush", 234, CPyStatic_bars___globals);
        goto CPyL18;
    }
    if (likely(PyLong_Check(cpy_r_r32)))
        cpy_r_r33 = CPyTagged_FromObject(cpy_r_r32);
    else {
        CPy_TypeError("int", cpy_r_r32); cpy_r_r33 = CPY_INT_TAG;
    }
    CPy_DECREF(cpy_r_r32);
    if (unlikely(cpy_r_r33 == CPY_INT_TAG)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "flush", 234, CPyStatic_bars___globals);
        goto CPyL18;
    }
    CPyTagged_DECREF(((spotlight_trader___market___bars___BarBuilderObject *)cpy_r_self)->__next_bucket_end_ms);
    ((spotlight_trader___market___bars___BarBuilderObject *)cpy_r_self)->__next_bucket_end_ms = cpy_r_r33;
    return 1;
CPyL18: ;
    cpy_r_r35 = 2;
    return cpy_r_r35;
CPyL19: ;
    CPy_DecRef(cpy_r_r0);
    goto CPyL18;
CPyL20: ;
    CPy_DECREF(cpy_r_r0);
    CPy_DECREF(cpy_r_r3);
    CPy_DECREF(cpy_r_r4.f2);
    CPy_DECREF(cpy_r_r4.f3);
    goto CPyL12;
CPyL21: ;
    CPy_DecRef(cpy_r_r0);
    CPy_DecRef(cpy_r_r3);
    CPy_DecRef(cpy_r_r8);
    goto CPyL18;
CPyL22: ;
    CPy_DecRef(cpy_r_r0);
    CPy_DecRef(cpy_r_r3);
    CPy_DecRef(cpy_r_r9);
    goto CPyL18;
CPyL23: ;
    CPy_DecRef(cpy_r_r0);
    CPy_DecRef(cpy_r_r3);
    CPy_DecRef(cpy_r_r9);
    CPy_DecRef(cpy_r_r10);
    CPyTagged_DecRef(cpy_r_r11);
    goto CPyL18;
CPyL24: ;
    CPy_DECREF(cpy_r_r9);
    CPy_DECREF(cpy_r_r10);
    goto CPyL11;
CPyL25: ;
    CPy_DecRef(cpy_r_r0);
    CPy_DecRef(cpy_r_r3);
    goto CPyL18;
}
        
        PyObject *CPyPy_bars___BarBuilder___flush(PyObject *self, PyObject *const *args, size_t nargs, PyObject *kwnames) {
            PyObject *obj_self = self;
            static const char * const kwlist[] = {0};
            static CPyArg_Parser parser = {":flush", kwlist, 0};
            if (!CPyArg_ParseStackAndKeywordsNoArgs(args, nargs, kwnames, &parser)) {
                return NULL;
            }
            PyObject *arg_self;
            if (likely(Py_TYPE(obj_self) == CPyType_bars___BarBuilder))
                arg_self = obj_self;
            else {
                CPy_TypeError("spotlight_trader.market.bars.BarBuilder", obj_self); 
                goto fail;
            }
            char retval = CPyDef_bars___BarBuilder___flush(arg_self);
            if (retval == 2) {
                return NULL;
            }
            PyObject *retbox = Py_None;
            CPy_INCREF(retbox);
            return retbox;
fail: ;
            CPy_AddTraceback("src/spotlight_trader/market/bars.py", "flush", 228, CPyStatic_bars___globals);
            return NULL;
        }
        
PyObject *CPyDef_bars___BarBuilder___mark_final(PyObject *cpy_r_self, PyObject *cpy_r_symbol, CPyTagged cpy_r_seq) {
    PyObject *cpy_r_r0;
    PyObject *cpy_r_r1;
    PyObject *cpy_r_r2;
    PyObject *cpy_r_st;
    PyObject *cpy_r_r3;
    char cpy_r_r4;
    PyObject *cpy_r_r5;
    PyObject *cpy_r_r6;
    int32_t cpy_r_r7;
    char cpy_r_r8;
    PyObject *cpy_r_r9;
    CPyTagged cpy_r_r10;
    int64_t cpy_r_r11;
    char cpy_r_r12;
    int64_t cpy_r_r13;
    char cpy_r_r14;
    char cpy_r_r15;
    char cpy_r_r16;
    PyObject *cpy_r_r17;
    char cpy_r_r18;
    PyObject *cpy_r_r19;
    CPyTagged cpy_r_r20;
    PyObject *cpy_r_r21;
    PyObject *cpy_r_r22;
    PyObject *cpy_r_r23;
    CPyTagged cpy_r_r24;
    int64_t cpy_r_r25;
    char cpy_r_r26;
    char cpy_r_r27;
    char cpy_r_r28;
    char cpy_r_r29;
    PyObject *cpy_r_r30;
    CPyTagged cpy_r_r31;
    int64_t cpy_r_r32;
    char cpy_r_r33;
    int64_t cpy_r_r34;
    char cpy_r_r35;
    char cpy_r_r36;
    char cpy_r_r37;
    PyObject *cpy_r_r38;
    PyObject *cpy_r_r39;
    PyObject *cpy_r_r40;
    PyObject *cpy_r_r41;
    PyObject *cpy_r_r42;
    PyObject *cpy_r_r43;
    CPyTagged cpy_r_r44;
    PyObject *cpy_r_r45;
    char cpy_r_r46;
    PyObject *cpy_r_r47;
    char cpy_r_r48;
    PyObject *cpy_r_r49;
    char cpy_r_r50;
    PyObject *cpy_r_r51;
    char cpy_r_r52;
    PyObject *cpy_r_r53;
    char cpy_r_r54;
    PyObject *cpy_r_r55;
    PyObject *cpy_r_r56;
    PyObject *cpy_r_r57;
    CPyTagged cpy_r_r58;
    PyObject *cpy_r_r59;
    char cpy_r_r60;
    PyObject *cpy_r_r61;
    char cpy_r_r62;
    PyObject *cpy_r_r63;
    char cpy_r_r64;
    PyObject *cpy_r_r65;
    char cpy_r_r66;
    PyObject *cpy_r_r67;
    char cpy_r_r68;
    PyObject *cpy_r_r69;
    cpy_r_r0 = ((spotlight_trader___market___bars___BarBuilderObject *)cpy_r_self)->__states;
    CPy_INCREF(cpy_r_r0);
    cpy_r_r1 = CPyDict_GetWithNone(cpy_r_r0, cpy_r_symbol);
    CPy_DECREF(cpy_r_r0);
    if (unlikely(cpy_r_r1 == NULL)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "mark_final", 241, CPyStatic_bars___globals);
        goto CPyL42;
    }
    if (Py_TYPE(cpy_r_r1) == CPyType_bars____SymbolState)
        cpy_r_r2 = cpy_r_r1;
    else {
        cpy_r_r2 = NULL;
    }
    if (cpy_r_r2 != NULL) goto __LL5;
    if (cpy_r_r1 == Py_None)
        cpy_r_r2 = cpy_r_r1;
    else {
        cpy_r_r2 = NULL;
    }
    if (cpy_r_r2 != NULL) goto __LL5;
    CPy_TypeErrorTraceback("src/spotlight_trader/market/bars.py", "mark_final", 241, CPyStatic_bars___globals, "spotlight_trader.market.bars._SymbolState or None", cpy_r_r1);
    goto CPyL42;
__LL5: ;
    cpy_r_st = cpy_r_r2;
    cpy_r_r3 = (PyObject *)&_Py_NoneStruct;
    cpy_r_r4 = cpy_r_st == cpy_r_r3;
    if (cpy_r_r4) {
        goto CPyL43;
    } else
        goto CPyL5;
CPyL3: ;
    cpy_r_r5 = CPyDef_bars____SymbolState();
    if (unlikely(cpy_r_r5 == NULL)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "mark_final", 243, CPyStatic_bars___globals);
        goto CPyL42;
    }
    CPy_INCREF(cpy_r_r5);
    cpy_r_st = cpy_r_r5;
    cpy_r_r6 = ((spotlight_trader___market___bars___BarBuilderObject *)cpy_r_self)->__states;
    CPy_INCREF(cpy_r_r6);
    cpy_r_r7 = CPyDict_SetItem(cpy_r_r6, cpy_r_symbol, cpy_r_r5);
    CPy_DECREF(cpy_r_r6);
    CPy_DECREF(cpy_r_r5);
    cpy_r_r8 = cpy_r_r7 >= 0;
    if (unlikely(!cpy_r_r8)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "mark_final", 243, CPyStatic_bars___globals);
        goto CPyL44;
    }
CPyL5: ;
    if (likely(cpy_r_st != Py_None))
        cpy_r_r9 = cpy_r_st;
    else {
        CPy_TypeErrorTraceback("src/spotlight_trader/market/bars.py", "mark_final", 244, CPyStatic_bars___globals, "spotlight_trader.market.bars._SymbolState", cpy_r_st);
        goto CPyL44;
    }
    cpy_r_r10 = ((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_r9)->_final_seq;
    cpy_r_r11 = cpy_r_seq & 1;
    cpy_r_r12 = cpy_r_r11 != 0;
    if (cpy_r_r12) goto CPyL8;
    cpy_r_r13 = cpy_r_r10 & 1;
    cpy_r_r14 = cpy_r_r13 != 0;
    if (!cpy_r_r14) goto CPyL9;
CPyL8: ;
    cpy_r_r15 = CPyTagged_IsLt_(cpy_r_r10, cpy_r_seq);
    if (cpy_r_r15) {
        goto CPyL10;
    } else
        goto CPyL12;
CPyL9: ;
    cpy_r_r16 = (Py_ssize_t)cpy_r_seq > (Py_ssize_t)cpy_r_r10;
    if (!cpy_r_r16) goto CPyL12;
CPyL10: ;
    if (likely(cpy_r_st != Py_None))
        cpy_r_r17 = cpy_r_st;
    else {
        CPy_TypeErrorTraceback("src/spotlight_trader/market/bars.py", "mark_final", 245, CPyStatic_bars___globals, "spotlight_trader.market.bars._SymbolState", cpy_r_st);
        goto CPyL44;
    }
    CPyTagged_INCREF(cpy_r_seq);
    CPyTagged_DECREF(((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_r17)->_final_seq);
    ((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_r17)->_final_seq = cpy_r_seq;
CPyL12: ;
    if (likely(cpy_r_st != Py_None))
        cpy_r_r19 = cpy_r_st;
    else {
        CPy_TypeErrorTraceback("src/spotlight_trader/market/bars.py", "mark_final", 246, CPyStatic_bars___globals, "spotlight_trader.market.bars._SymbolState", cpy_r_st);
        goto CPyL44;
    }
    cpy_r_r20 = ((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_r19)->_seq;
    CPyTagged_INCREF(cpy_r_r20);
    cpy_r_r21 = CPyStatic_bars___globals;
    cpy_r_r22 = CPyStatics[3]; /* '_NO_CLOCK' */
    cpy_r_r23 = CPyDict_GetItem(cpy_r_r21, cpy_r_r22);
    if (unlikely(cpy_r_r23 == NULL)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "mark_final", 246, CPyStatic_bars___globals);
        goto CPyL45;
    }
    if (likely(PyLong_Check(cpy_r_r23)))
        cpy_r_r24 = CPyTagged_FromObject(cpy_r_r23);
    else {
        CPy_TypeError("int", cpy_r_r23); cpy_r_r24 = CPY_INT_TAG;
    }
    CPy_DECREF(cpy_r_r23);
    if (unlikely(cpy_r_r24 == CPY_INT_TAG)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "mark_final", 246, CPyStatic_bars___globals);
        goto CPyL45;
    }
    cpy_r_r25 = cpy_r_r20 & 1;
    cpy_r_r26 = cpy_r_r25 != 0;
    if (!cpy_r_r26) goto CPyL17;
    cpy_r_r27 = CPyTagged_IsEq_(cpy_r_r20, cpy_r_r24);
    cpy_r_r28 = cpy_r_r27;
    goto CPyL18;
CPyL17: ;
    cpy_r_r29 = cpy_r_r20 == cpy_r_r24;
    cpy_r_r28 = cpy_r_r29;
CPyL18: ;
    CPyTagged_DECREF(cpy_r_r20);
    CPyTagged_DECREF(cpy_r_r24);
    if (cpy_r_r28) goto CPyL46;
    if (likely(cpy_r_st != Py_None))
        cpy_r_r30 = cpy_r_st;
    else {
        CPy_TypeErrorTraceback("src/spotlight_trader/market/bars.py", "mark_final", 246, CPyStatic_bars___globals, "spotlight_trader.market.bars._SymbolState", cpy_r_st);
        goto CPyL44;
    }
    cpy_r_r31 = ((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_r30)->_seq;
    cpy_r_r32 = cpy_r_r31 & 1;
    cpy_r_r33 = cpy_r_r32 != 0;
    if (cpy_r_r33) goto CPyL22;
    cpy_r_r34 = cpy_r_seq & 1;
    cpy_r_r35 = cpy_r_r34 != 0;
    if (!cpy_r_r35) goto CPyL23;
CPyL22: ;
    cpy_r_r36 = CPyTagged_IsLt_(cpy_r_seq, cpy_r_r31);
    if (cpy_r_r36) {
        goto CPyL46;
    } else
        goto CPyL25;
CPyL23: ;
    cpy_r_r37 = (Py_ssize_t)cpy_r_r31 > (Py_ssize_t)cpy_r_seq;
    if (cpy_r_r37) {
        goto CPyL46;
    } else
        goto CPyL25;
CPyL24: ;
    cpy_r_r38 = Py_None;
    CPy_INCREF(cpy_r_r38);
    return cpy_r_r38;
CPyL25: ;
    CPy_INCREF(cpy_r_st);
    if (likely(cpy_r_st != Py_None))
        cpy_r_r39 = cpy_r_st;
    else {
        CPy_TypeErrorTraceback("src/spotlight_trader/market/bars.py", "mark_final", 248, CPyStatic_bars___globals, "spotlight_trader.market.bars._SymbolState", cpy_r_st);
        goto CPyL44;
    }
    cpy_r_r40 = CPyDef_bars___BarBuilder____forming(cpy_r_self, cpy_r_r39);
    CPy_DECREF(cpy_r_r39);
    if (unlikely(cpy_r_r40 == NULL)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "mark_final", 248, CPyStatic_bars___globals);
        goto CPyL44;
    }
    cpy_r_r41 = CPyStatic_bars___globals;
    cpy_r_r42 = CPyStatics[3]; /* '_NO_CLOCK' */
    cpy_r_r43 = CPyDict_GetItem(cpy_r_r41, cpy_r_r42);
    if (unlikely(cpy_r_r43 == NULL)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "mark_final", 249, CPyStatic_bars___globals);
        goto CPyL47;
    }
    if (likely(PyLong_Check(cpy_r_r43)))
        cpy_r_r44 = CPyTagged_FromObject(cpy_r_r43);
    else {
        CPy_TypeError("int", cpy_r_r43); cpy_r_r44 = CPY_INT_TAG;
    }
    CPy_DECREF(cpy_r_r43);
    if (unlikely(cpy_r_r44 == CPY_INT_TAG)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "mark_final", 249, CPyStatic_bars___globals);
        goto CPyL47;
    }
    if (likely(cpy_r_st != Py_None))
        cpy_r_r45 = cpy_r_st;
    else {
        CPy_TypeErrorTraceback("src/spotlight_trader/market/bars.py", "mark_final", 249, CPyStatic_bars___globals, "spotlight_trader.market.bars._SymbolState", cpy_r_st);
        goto CPyL48;
    }
    CPyTagged_DECREF(((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_r45)->_seq);
    ((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_r45)->_seq = cpy_r_r44;
    if (likely(cpy_r_st != Py_None))
        cpy_r_r47 = cpy_r_st;
    else {
        CPy_TypeErrorTraceback("src/spotlight_trader/market/bars.py", "mark_final", 250, CPyStatic_bars___globals, "spotlight_trader.market.bars._SymbolState", cpy_r_st);
        goto CPyL47;
    }
    ((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_r47)->_has_oc = 0;
    if (likely(cpy_r_st != Py_None))
        cpy_r_r49 = cpy_r_st;
    else {
        CPy_TypeErrorTraceback("src/spotlight_trader/market/bars.py", "mark_final", 250, CPyStatic_bars___globals, "spotlight_trader.market.bars._SymbolState", cpy_r_st);
        goto CPyL47;
    }
    ((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_r49)->_has_hl = 0;
    if (likely(cpy_r_st != Py_None))
        cpy_r_r51 = cpy_r_st;
    else {
        CPy_TypeErrorTraceback("src/spotlight_trader/market/bars.py", "mark_final", 251, CPyStatic_bars___globals, "spotlight_trader.market.bars._SymbolState", cpy_r_st);
        goto CPyL47;
    }
    ((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_r51)->_volume = 0.0;
    if (likely(cpy_r_st != Py_None))
        cpy_r_r53 = cpy_r_st;
    else {
        CPy_TypeErrorTraceback("src/spotlight_trader/market/bars.py", "mark_final", 252, CPyStatic_bars___globals, "spotlight_trader.market.bars._SymbolState", cpy_r_st);
        goto CPyL47;
    }
    CPyTagged_DECREF(((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_r53)->_trades);
    ((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_r53)->_trades = 0;
    cpy_r_r55 = CPyStatic_bars___globals;
    cpy_r_r56 = CPyStatics[3]; /* '_NO_CLOCK' */
    cpy_r_r57 = CPyDict_GetItem(cpy_r_r55, cpy_r_r56);
    if (unlikely(cpy_r_r57 == NULL)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "mark_final", 253, CPyStatic_bars___globals);
        goto CPyL47;
    }
    if (likely(PyLong_Check(cpy_r_r57)))
        cpy_r_r58 = CPyTagged_FromObject(cpy_r_r57);
    else {
        CPy_TypeError("int", cpy_r_r57); cpy_r_r58 = CPY_INT_TAG;
    }
    CPy_DECREF(cpy_r_r57);
    if (unlikely(cpy_r_r58 == CPY_INT_TAG)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "mark_final", 253, CPyStatic_bars___globals);
        goto CPyL47;
    }
    if (likely(cpy_r_st != Py_None))
        cpy_r_r59 = cpy_r_st;
    else {
        CPy_TypeErrorTraceback("src/spotlight_trader/market/bars.py", "mark_final", 253, CPyStatic_bars___globals, "spotlight_trader.market.bars._SymbolState", cpy_r_st);
        goto CPyL49;
    }
    CPyTagged_DECREF(((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_r59)->_b_idx);
    ((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_r59)->_b_idx = cpy_r_r58;
    if (likely(cpy_r_st != Py_None))
        cpy_r_r61 = cpy_r_st;
    else {
        CPy_TypeErrorTraceback("src/spotlight_trader/market/bars.py", "mark_final", 254, CPyStatic_bars___globals, "spotlight_trader.market.bars._SymbolState", cpy_r_st);
        goto CPyL47;
    }
    ((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_r61)->_b_has_oc = 0;
    if (likely(cpy_r_st != Py_None))
        cpy_r_r63 = cpy_r_st;
    else {
        CPy_TypeErrorTraceback("src/spotlight_trader/market/bars.py", "mark_final", 254, CPyStatic_bars___globals, "spotlight_trader.market.bars._SymbolState", cpy_r_st);
        goto CPyL47;
    }
    ((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_r63)->_b_has_hl = 0;
    if (likely(cpy_r_st != Py_None))
        cpy_r_r65 = cpy_r_st;
    else {
        CPy_TypeErrorTraceback("src/spotlight_trader/market/bars.py", "mark_final", 255, CPyStatic_bars___globals, "spotlight_trader.market.bars._SymbolState", cpy_r_st);
        goto CPyL47;
    }
    ((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_r65)->_b_volume = 0.0;
    if (likely(cpy_r_st != Py_None))
        cpy_r_r67 = cpy_r_st;
    else {
        CPy_TypeErrorTraceback("src/spotlight_trader/market/bars.py", "mark_final", 256, CPyStatic_bars___globals, "spotlight_trader.market.bars._SymbolState", cpy_r_st);
        goto CPyL47;
    }
    CPyTagged_DECREF(((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_r67)->_b_trades);
    ((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_r67)->_b_trades = 0;
    CPy_DECREF(cpy_r_st);
    return cpy_r_r40;
CPyL42: ;
    cpy_r_r69 = NULL;
    return cpy_r_r69;
CPyL43: ;
    CPy_DECREF(cpy_r_st);
    goto CPyL3;
CPyL44: ;
    CPy_DecRef(cpy_r_st);
    goto CPyL42;
CPyL45: ;
    CPy_DecRef(cpy_r_st);
    CPyTagged_DecRef(cpy_r_r20);
    goto CPyL42;
CPyL46: ;
    CPy_DECREF(cpy_r_st);
    goto CPyL24;
CPyL47: ;
    CPy_DecRef(cpy_r_st);
    CPy_DecRef(cpy_r_r40);
    goto CPyL42;
CPyL48: ;
    CPy_DecRef(cpy_r_st);
    CPy_DecRef(cpy_r_r40);
    CPyTagged_DecRef(cpy_r_r44);
    goto CPyL42;
CPyL49: ;
    CPy_DecRef(cpy_r_st);
    CPy_DecRef(cpy_r_r40);
    CPyTagged_DecRef(cpy_r_r58);
    goto CPyL42;
}
        
        PyObject *CPyPy_bars___BarBuilder___mark_final(PyObject *self, PyObject *const *args, size_t nargs, PyObject *kwnames) {
            PyObject *obj_self = self;
            static const char * const kwlist[] = {"symbol", "seq", 0};
            static CPyArg_Parser parser = {"OO:mark_final", kwlist, 0};
            PyObject *obj_symbol;
            PyObject *obj_seq;
            if (!CPyArg_ParseStackAndKeywordsSimple(args, nargs, kwnames, &parser, &obj_symbol, &obj_seq)) {
                return NULL;
            }
            PyObject *arg_self;
            if (likely(Py_TYPE(obj_self) == CPyType_bars___BarBuilder))
                arg_self = obj_self;
            else {
                CPy_TypeError("spotlight_trader.market.bars.BarBuilder", obj_self); 
                goto fail;
            }
            PyObject *arg_symbol;
            if (likely(PyUnicode_Check(obj_symbol)))
                arg_symbol = obj_symbol;
            else {
                CPy_TypeError("str", obj_symbol); 
                goto fail;
            }
            CPyTagged arg_seq;
            if (likely(PyLong_Check(obj_seq)))
                arg_seq = CPyTagged_BorrowFromObject(obj_seq);
            else {
                CPy_TypeError("int", obj_seq); goto fail;
            }
            PyObject *retval = CPyDef_bars___BarBuilder___mark_final(arg_self, arg_symbol, arg_seq);
            return retval;
fail: ;
            CPy_AddTraceback("src/spotlight_trader/market/bars.py", "mark_final", 236, CPyStatic_bars___globals);
            return NULL;
        }
        
PyObject *CPyDef_bars___BarBuilder___quote(PyObject *cpy_r_self, PyObject *cpy_r_symbol) {
    PyObject *cpy_r_r0;
    PyObject *cpy_r_r1;
    PyObject *cpy_r_r2;
    cpy_r_r0 = ((spotlight_trader___market___bars___BarBuilderObject *)cpy_r_self)->__quotes;
    CPy_INCREF(cpy_r_r0);
    cpy_r_r1 = CPyDict_GetWithNone(cpy_r_r0, cpy_r_symbol);
    CPy_DECREF(cpy_r_r0);
    if (unlikely(cpy_r_r1 == NULL)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "quote", 263, CPyStatic_bars___globals);
        goto CPyL2;
    }
    return cpy_r_r1;
CPyL2: ;
    cpy_r_r2 = NULL;
    return cpy_r_r2;
}
        
        PyObject *CPyPy_bars___BarBuilder___quote(PyObject *self, PyObject *const *args, size_t nargs, PyObject *kwnames) {
            PyObject *obj_self = self;
            static const char * const kwlist[] = {"symbol", 0};
            static CPyArg_Parser parser = {"O:quote", kwlist, 0};
            PyObject *obj_symbol;
            if (!CPyArg_ParseStackAndKeywordsOneArg(args, nargs, kwnames, &parser, &obj_symbol)) {
                return NULL;
            }
            PyObject *arg_self;
            if (likely(Py_TYPE(obj_self) == CPyType_bars___BarBuilder))
                arg_self = obj_self;
            else {
                CPy_TypeError("spotlight_trader.market.bars.BarBuilder", obj_self); 
                goto fail;
            }
            PyObject *arg_symbol;
            if (likely(PyUnicode_Check(obj_symbol)))
                arg_symbol = obj_symbol;
            else {
                CPy_TypeError("str", obj_symbol); 
                goto fail;
            }
            PyObject *retval = CPyDef_bars___BarBuilder___quote(arg_self, arg_symbol);
            return retval;
fail: ;
            CPy_AddTraceback("src/spotlight_trader/market/bars.py", "quote", 261, CPyStatic_bars___globals);
            return NULL;
        }
        
PyObject *CPyDef_bars___BarBuilder___forming(PyObject *cpy_r_self, PyObject *cpy_r_symbol) {
    PyObject *cpy_r_r0;
    PyObject *cpy_r_r1;
    PyObject *cpy_r_r2;
    PyObject *cpy_r_r3;
    char cpy_r_r4;
    PyObject *cpy_r_r5;
    CPyTagged cpy_r_r6;
    PyObject *cpy_r_r7;
    PyObject *cpy_r_r8;
    PyObject *cpy_r_r9;
    CPyTagged cpy_r_r10;
    int64_t cpy_r_r11;
    char cpy_r_r12;
    char cpy_r_r13;
    char cpy_r_r14;
    char cpy_r_r15;
    PyObject *cpy_r_r16;
    PyObject *cpy_r_r17;
    PyObject *cpy_r_r18;
    PyObject *cpy_r_r19;
    cpy_r_r0 = ((spotlight_trader___market___bars___BarBuilderObject *)cpy_r_self)->__states;
    CPy_INCREF(cpy_r_r0);
    cpy_r_r1 = CPyDict_GetWithNone(cpy_r_r0, cpy_r_symbol);
    CPy_DECREF(cpy_r_r0);
    if (unlikely(cpy_r_r1 == NULL)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "forming", 267, CPyStatic_bars___globals);
        goto CPyL14;
    }
    if (Py_TYPE(cpy_r_r1) == CPyType_bars____SymbolState)
        cpy_r_r2 = cpy_r_r1;
    else {
        cpy_r_r2 = NULL;
    }
    if (cpy_r_r2 != NULL) goto __LL6;
    if (cpy_r_r1 == Py_None)
        cpy_r_r2 = cpy_r_r1;
    else {
        cpy_r_r2 = NULL;
    }
    if (cpy_r_r2 != NULL) goto __LL6;
    CPy_TypeErrorTraceback("src/spotlight_trader/market/bars.py", "forming", 267, CPyStatic_bars___globals, "spotlight_trader.market.bars._SymbolState or None", cpy_r_r1);
    goto CPyL14;
__LL6: ;
    cpy_r_r3 = (PyObject *)&_Py_NoneStruct;
    cpy_r_r4 = cpy_r_r2 == cpy_r_r3;
    if (cpy_r_r4) goto CPyL15;
    if (likely(cpy_r_r2 != Py_None))
        cpy_r_r5 = cpy_r_r2;
    else {
        CPy_TypeErrorTraceback("src/spotlight_trader/market/bars.py", "forming", 268, CPyStatic_bars___globals, "spotlight_trader.market.bars._SymbolState", cpy_r_r2);
        goto CPyL16;
    }
    cpy_r_r6 = ((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_r5)->_seq;
    CPyTagged_INCREF(cpy_r_r6);
    cpy_r_r7 = CPyStatic_bars___globals;
    cpy_r_r8 = CPyStatics[3]; /* '_NO_CLOCK' */
    cpy_r_r9 = CPyDict_GetItem(cpy_r_r7, cpy_r_r8);
    if (unlikely(cpy_r_r9 == NULL)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "forming", 268, CPyStatic_bars___globals);
        goto CPyL17;
    }
    if (likely(PyLong_Check(cpy_r_r9)))
        cpy_r_r10 = CPyTagged_FromObject(cpy_r_r9);
    else {
        CPy_TypeError("int", cpy_r_r9); cpy_r_r10 = CPY_INT_TAG;
    }
    CPy_DECREF(cpy_r_r9);
    if (unlikely(cpy_r_r10 == CPY_INT_TAG)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "forming", 268, CPyStatic_bars___globals);
        goto CPyL17;
    }
    cpy_r_r11 = cpy_r_r6 & 1;
    cpy_r_r12 = cpy_r_r11 != 0;
    if (!cpy_r_r12) goto CPyL8;
    cpy_r_r13 = CPyTagged_IsEq_(cpy_r_r6, cpy_r_r10);
    cpy_r_r14 = cpy_r_r13;
    goto CPyL9;
CPyL8: ;
    cpy_r_r15 = cpy_r_r6 == cpy_r_r10;
    cpy_r_r14 = cpy_r_r15;
CPyL9: ;
    CPyTagged_DECREF(cpy_r_r6);
    CPyTagged_DECREF(cpy_r_r10);
    if (cpy_r_r14) {
        goto CPyL15;
    } else
        goto CPyL11;
CPyL10: ;
    cpy_r_r16 = Py_None;
    CPy_INCREF(cpy_r_r16);
    return cpy_r_r16;
CPyL11: ;
    if (likely(cpy_r_r2 != Py_None))
        cpy_r_r17 = cpy_r_r2;
    else {
        CPy_TypeErrorTraceback("src/spotlight_trader/market/bars.py", "forming", 270, CPyStatic_bars___globals, "spotlight_trader.market.bars._SymbolState", cpy_r_r2);
        goto CPyL14;
    }
    cpy_r_r18 = CPyDef_bars___BarBuilder____forming(cpy_r_self, cpy_r_r17);
    CPy_DECREF(cpy_r_r17);
    if (unlikely(cpy_r_r18 == NULL)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "forming", 270, CPyStatic_bars___globals);
        goto CPyL14;
    }
    return cpy_r_r18;
CPyL14: ;
    cpy_r_r19 = NULL;
    return cpy_r_r19;
CPyL15: ;
    CPy_DECREF(cpy_r_r2);
    goto CPyL10;
CPyL16: ;
    CPy_DecRef(cpy_r_r2);
    goto CPyL14;
CPyL17: ;
    CPy_DecRef(cpy_r_r2);
    CPyTagged_DecRef(cpy_r_r6);
    goto CPyL14;
}
        
        PyObject *CPyPy_bars___BarBuilder___forming(PyObject *self, PyObject *const *args, size_t nargs, PyObject *kwnames) {
            PyObject *obj_self = self;
            static const char * const kwlist[] = {"symbol", 0};
            static CPyArg_Parser parser = {"O:forming", kwlist, 0};
            PyObject *obj_symbol;
            if (!CPyArg_ParseStackAndKeywordsOneArg(args, nargs, kwnames, &parser, &obj_symbol)) {
                return NULL;
            }
            PyObject *arg_self;
            if (likely(Py_TYPE(obj_self) == CPyType_bars___BarBuilder))
                arg_self = obj_self;
            else {
                CPy_TypeError("spotlight_trader.market.bars.BarBuilder", obj_self); 
                goto fail;
            }
            PyObject *arg_symbol;
            if (likely(PyUnicode_Check(obj_symbol)))
                arg_symbol = obj_symbol;
            else {
                CPy_TypeError("str", obj_symbol); 
                goto fail;
            }
            PyObject *retval = CPyDef_bars___BarBuilder___forming(arg_self, arg_symbol);
            return retval;
fail: ;
            CPy_AddTraceback("src/spotlight_trader/market/bars.py", "forming", 265, CPyStatic_bars___globals);
            return NULL;
        }
        
CPyTagged CPyDef_bars___BarBuilder___final_seq(PyObject *cpy_r_self, PyObject *cpy_r_symbol) {
    PyObject *cpy_r_r0;
    PyObject *cpy_r_r1;
    PyObject *cpy_r_r2;
    PyObject *cpy_r_r3;
    char cpy_r_r4;
    PyObject *cpy_r_r5;
    CPyTagged cpy_r_r6;
    CPyTagged cpy_r_r7;
    PyObject *cpy_r_r8;
    PyObject *cpy_r_r9;
    PyObject *cpy_r_r10;
    CPyTagged cpy_r_r11;
    CPyTagged cpy_r_own;
    CPyTagged cpy_r_r12;
    int64_t cpy_r_r13;
    char cpy_r_r14;
    int64_t cpy_r_r15;
    char cpy_r_r16;
    char cpy_r_r17;
    char cpy_r_r18;
    CPyTagged cpy_r_r19;
    CPyTagged cpy_r_r20;
    cpy_r_r0 = ((spotlight_trader___market___bars___BarBuilderObject *)cpy_r_self)->__states;
    CPy_INCREF(cpy_r_r0);
    cpy_r_r1 = CPyDict_GetWithNone(cpy_r_r0, cpy_r_symbol);
    CPy_DECREF(cpy_r_r0);
    if (unlikely(cpy_r_r1 == NULL)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "final_seq", 274, CPyStatic_bars___globals);
        goto CPyL15;
    }
    if (Py_TYPE(cpy_r_r1) == CPyType_bars____SymbolState)
        cpy_r_r2 = cpy_r_r1;
    else {
        cpy_r_r2 = NULL;
    }
    if (cpy_r_r2 != NULL) goto __LL7;
    if (cpy_r_r1 == Py_None)
        cpy_r_r2 = cpy_r_r1;
    else {
        cpy_r_r2 = NULL;
    }
    if (cpy_r_r2 != NULL) goto __LL7;
    CPy_TypeErrorTraceback("src/spotlight_trader/market/bars.py", "final_seq", 274, CPyStatic_bars___globals, "spotlight_trader.market.bars._SymbolState or None", cpy_r_r1);
    goto CPyL15;
__LL7: ;
    cpy_r_r3 = (PyObject *)&_Py_NoneStruct;
    cpy_r_r4 = cpy_r_r2 != cpy_r_r3;
    if (!cpy_r_r4) goto CPyL16;
    if (likely(cpy_r_r2 != Py_None))
        cpy_r_r5 = cpy_r_r2;
    else {
        CPy_TypeErrorTraceback("src/spotlight_trader/market/bars.py", "final_seq", 275, CPyStatic_bars___globals, "spotlight_trader.market.bars._SymbolState", cpy_r_r2);
        goto CPyL17;
    }
    cpy_r_r6 = ((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_r5)->_final_seq;
    CPyTagged_INCREF(cpy_r_r6);
    CPy_DECREF(cpy_r_r2);
    cpy_r_r7 = cpy_r_r6;
    goto CPyL8;
CPyL5: ;
    cpy_r_r8 = CPyStatic_bars___globals;
    cpy_r_r9 = CPyStatics[3]; /* '_NO_CLOCK' */
    cpy_r_r10 = CPyDict_GetItem(cpy_r_r8, cpy_r_r9);
    if (unlikely(cpy_r_r10 == NULL)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "final_seq", 275, CPyStatic_bars___globals);
        goto CPyL15;
    }
    if (likely(PyLong_Check(cpy_r_r10)))
        cpy_r_r11 = CPyTagged_FromObject(cpy_r_r10);
    else {
        CPy_TypeError("int", cpy_r_r10); cpy_r_r11 = CPY_INT_TAG;
    }
    CPy_DECREF(cpy_r_r10);
    if (unlikely(cpy_r_r11 == CPY_INT_TAG)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "final_seq", 275, CPyStatic_bars___globals);
        goto CPyL15;
    }
    cpy_r_r7 = cpy_r_r11;
CPyL8: ;
    cpy_r_own = cpy_r_r7;
    cpy_r_r12 = ((spotlight_trader___market___bars___BarBuilderObject *)cpy_r_self)->__clock_final_seq;
    CPyTagged_INCREF(cpy_r_r12);
    cpy_r_r13 = cpy_r_r12 & 1;
    cpy_r_r14 = cpy_r_r13 != 0;
    if (cpy_r_r14) goto CPyL10;
    cpy_r_r15 = cpy_r_own & 1;
    cpy_r_r16 = cpy_r_r15 != 0;
    if (!cpy_r_r16) goto CPyL11;
CPyL10: ;
    cpy_r_r17 = CPyTagged_IsLt_(cpy_r_own, cpy_r_r12);
    if (cpy_r_r17) {
        goto CPyL18;
    } else
        goto CPyL19;
CPyL11: ;
    cpy_r_r18 = (Py_ssize_t)cpy_r_r12 > (Py_ssize_t)cpy_r_own;
    if (cpy_r_r18) {
        goto CPyL18;
    } else
        goto CPyL19;
CPyL12: ;
    cpy_r_r19 = cpy_r_r12;
    goto CPyL14;
CPyL13: ;
    cpy_r_r19 = cpy_r_own;
CPyL14: ;
    return cpy_r_r19;
CPyL15: ;
    cpy_r_r20 = CPY_INT_TAG;
    return cpy_r_r20;
CPyL16: ;
    CPy_DECREF(cpy_r_r2);
    goto CPyL5;
CPyL17: ;
    CPy_DecRef(cpy_r_r2);
    goto CPyL15;
CPyL18: ;
    CPyTagged_DECREF(cpy_r_own);
    goto CPyL12;
CPyL19: ;
    CPyTagged_DECREF(cpy_r_r12);
    goto CPyL13;
}
        
        PyObject *CPyPy_bars___BarBuilder___final_seq(PyObject *self, PyObject *const *args, size_t nargs, PyObject *kwnames) {
            PyObject *obj_self = self;
            static const char * const kwlist[] = {"symbol", 0};
            static CPyArg_Parser parser = {"O:final_seq", kwlist, 0};
            PyObject *obj_symbol;
            if (!CPyArg_ParseStackAndKeywordsOneArg(args, nargs, kwnames, &parser, &obj_symbol)) {
                return NULL;
            }
            PyObject *arg_self;
            if (likely(Py_TYPE(obj_self) == CPyType_bars___BarBuilder))
                arg_self = obj_self;
            else {
                CPy_TypeError("spotlight_trader.market.bars.BarBuilder", obj_self); 
                goto fail;
            }
            PyObject *arg_symbol;
            if (likely(PyUnicode_Check(obj_symbol)))
                arg_symbol = obj_symbol;
            else {
                CPy_TypeError("str", obj_symbol); 
                goto fail;
            }
            CPyTagged retval = CPyDef_bars___BarBuilder___final_seq(arg_self, arg_symbol);
            if (retval == CPY_INT_TAG) {
                return NULL;
            }
            PyObject *retbox = CPyTagged_StealAsObject(retval);
            return retbox;
fail: ;
            CPy_AddTraceback("src/spotlight_trader/market/bars.py", "final_seq", 272, CPyStatic_bars___globals);
            return NULL;
        }
        
PyObject *CPyDef_bars___BarBuilder____forming(PyObject *cpy_r_self, PyObject *cpy_r_st) {
    char cpy_r_r0;
    char cpy_r_r1;
    CPyTagged cpy_r_r2;
    CPyTagged cpy_r_r3;
    PyObject *cpy_r_r4;
    PyObject *cpy_r_r5;
    PyObject *cpy_r_r6;
    CPyTagged cpy_r_r7;
    CPyTagged cpy_r_r8;
    double cpy_r_r9;
    PyObject *cpy_r_r10;
    PyObject *cpy_r_r11;
    PyObject *cpy_r_r12;
    double cpy_r_r13;
    PyObject *cpy_r_r14;
    PyObject *cpy_r_r15;
    PyObject *cpy_r_r16;
    double cpy_r_r17;
    PyObject *cpy_r_r18;
    PyObject *cpy_r_r19;
    PyObject *cpy_r_r20;
    double cpy_r_r21;
    PyObject *cpy_r_r22;
    PyObject *cpy_r_r23;
    PyObject *cpy_r_r24;
    double cpy_r_r25;
    CPyTagged cpy_r_r26;
    PyObject *cpy_r_r27;
    PyObject *cpy_r_r28;
    PyObject *cpy_r_r29;
    PyObject *cpy_r_r30;
    PyObject *cpy_r_r31;
    PyObject *cpy_r_r32;
    PyObject *cpy_r_r33;
    PyObject **cpy_r_r35;
    PyObject *cpy_r_r36;
    PyObject *cpy_r_r37;
    PyObject *cpy_r_r38;
    cpy_r_r0 = ((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_st)->_has_oc;
    cpy_r_r1 = ((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_st)->_has_hl;
    cpy_r_r2 = ((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_st)->_seq;
    CPyTagged_INCREF(cpy_r_r2);
    cpy_r_r3 = ((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_st)->_seq;
    CPyTagged_INCREF(cpy_r_r3);
    cpy_r_r4 = CPyStatic_bars___globals;
    cpy_r_r5 = CPyStatics[11]; /* 'MINUTE_MS' */
    cpy_r_r6 = CPyDict_GetItem(cpy_r_r4, cpy_r_r5);
    if (unlikely(cpy_r_r6 == NULL)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "_forming", 285, CPyStatic_bars___globals);
        goto CPyL18;
    }
    if (likely(PyLong_Check(cpy_r_r6)))
        cpy_r_r7 = CPyTagged_FromObject(cpy_r_r6);
    else {
        CPy_TypeError("int", cpy_r_r6); cpy_r_r7 = CPY_INT_TAG;
    }
    CPy_DECREF(cpy_r_r6);
    if (unlikely(cpy_r_r7 == CPY_INT_TAG)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "_forming", 285, CPyStatic_bars___globals);
        goto CPyL18;
    }
    cpy_r_r8 = CPyTagged_Multiply(cpy_r_r3, cpy_r_r7);
    CPyTagged_DECREF(cpy_r_r3);
    CPyTagged_DECREF(cpy_r_r7);
    if (!cpy_r_r0) goto CPyL4;
CPyL3: ;
    cpy_r_r9 = ((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_st)->_open;
    cpy_r_r10 = PyFloat_FromDouble(cpy_r_r9);
    cpy_r_r11 = cpy_r_r10;
    goto CPyL5;
CPyL4: ;
    cpy_r_r12 = Py_None;
    CPy_INCREF(cpy_r_r12);
    cpy_r_r11 = cpy_r_r12;
CPyL5: ;
    if (!cpy_r_r1) goto CPyL7;
CPyL6: ;
    cpy_r_r13 = ((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_st)->_high;
    cpy_r_r14 = PyFloat_FromDouble(cpy_r_r13);
    cpy_r_r15 = cpy_r_r14;
    goto CPyL8;
CPyL7: ;
    cpy_r_r16 = Py_None;
    CPy_INCREF(cpy_r_r16);
    cpy_r_r15 = cpy_r_r16;
CPyL8: ;
    if (!cpy_r_r1) goto CPyL10;
CPyL9: ;
    cpy_r_r17 = ((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_st)->_low;
    cpy_r_r18 = PyFloat_FromDouble(cpy_r_r17);
    cpy_r_r19 = cpy_r_r18;
    goto CPyL11;
CPyL10: ;
    cpy_r_r20 = Py_None;
    CPy_INCREF(cpy_r_r20);
    cpy_r_r19 = cpy_r_r20;
CPyL11: ;
    if (!cpy_r_r0) goto CPyL13;
CPyL12: ;
    cpy_r_r21 = ((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_st)->_close;
    cpy_r_r22 = PyFloat_FromDouble(cpy_r_r21);
    cpy_r_r23 = cpy_r_r22;
    goto CPyL14;
CPyL13: ;
    cpy_r_r24 = Py_None;
    CPy_INCREF(cpy_r_r24);
    cpy_r_r23 = cpy_r_r24;
CPyL14: ;
    cpy_r_r25 = ((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_st)->_volume;
    cpy_r_r26 = ((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_st)->_trades;
    CPyTagged_INCREF(cpy_r_r26);
    cpy_r_r27 = CPyStatic_bars___globals;
    cpy_r_r28 = CPyStatics[17]; /* 'FormingBar' */
    cpy_r_r29 = CPyDict_GetItem(cpy_r_r27, cpy_r_r28);
    if (unlikely(cpy_r_r29 == NULL)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "_forming", 283, CPyStatic_bars___globals);
        goto CPyL19;
    }
    cpy_r_r30 = CPyTagged_StealAsObject(cpy_r_r2);
    cpy_r_r31 = CPyTagged_StealAsObject(cpy_r_r8);
    cpy_r_r32 = PyFloat_FromDouble(cpy_r_r25);
    cpy_r_r33 = CPyTagged_StealAsObject(cpy_r_r26);
    PyObject *cpy_r_r34[8] = {
        cpy_r_r30, cpy_r_r31, cpy_r_r11, cpy_r_r15, cpy_r_r19,
        cpy_r_r23, cpy_r_r32, cpy_r_r33
    };
    cpy_r_r35 = (PyObject **)&cpy_r_r34;
    cpy_r_r36 = CPyStatics[141]; /* ('seq', 'bar_start_ms', 'open', 'high', 'low', 'close', 'volume', 'trades') */
    cpy_r_r37 = PyObject_Vectorcall(cpy_r_r29, cpy_r_r35, 0, cpy_r_r36);
    CPy_DECREF(cpy_r_r29);
    if (unlikely(cpy_r_r37 == NULL)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "_forming", 283, CPyStatic_bars___globals);
        goto CPyL20;
    }
    CPy_DECREF(cpy_r_r30);
    CPy_DECREF(cpy_r_r31);
    CPy_DECREF(cpy_r_r11);
    CPy_DECREF(cpy_r_r15);
    CPy_DECREF(cpy_r_r19);
    CPy_DECREF(cpy_r_r23);
    CPy_DECREF(cpy_r_r32);
    CPy_DECREF(cpy_r_r33);
    return cpy_r_r37;
CPyL17: ;
    cpy_r_r38 = NULL;
    return cpy_r_r38;
CPyL18: ;
    CPyTagged_DecRef(cpy_r_r2);
    CPyTagged_DecRef(cpy_r_r3);
    goto CPyL17;
CPyL19: ;
    CPyTagged_DecRef(cpy_r_r2);
    CPyTagged_DecRef(cpy_r_r8);
    CPy_DecRef(cpy_r_r11);
    CPy_DecRef(cpy_r_r15);
    CPy_DecRef(cpy_r_r19);
    CPy_DecRef(cpy_r_r23);
    CPyTagged_DecRef(cpy_r_r26);
    goto CPyL17;
CPyL20: ;
    CPy_DecRef(cpy_r_r11);
    CPy_DecRef(cpy_r_r15);
    CPy_DecRef(cpy_r_r19);
    CPy_DecRef(cpy_r_r23);
    CPy_DecRef(cpy_r_r30);
    CPy_DecRef(cpy_r_r31);
    CPy_DecRef(cpy_r_r32);
    CPy_DecRef(cpy_r_r33);
    goto CPyL17;
}
        
        PyObject *CPyPy_bars___BarBuilder____forming(PyObject *self, PyObject *const *args, size_t nargs, PyObject *kwnames) {
            PyObject *obj_self = self;
            static const char * const kwlist[] = {"st", 0};
            static CPyArg_Parser parser = {"O:_forming", kwlist, 0};
            PyObject *obj_st;
            if (!CPyArg_ParseStackAndKeywordsOneArg(args, nargs, kwnames, &parser, &obj_st)) {
                return NULL;
            }
            PyObject *arg_self;
            if (likely(Py_TYPE(obj_self) == CPyType_bars___BarBuilder))
                arg_self = obj_self;
            else {
                CPy_TypeError("spotlight_trader.market.bars.BarBuilder", obj_self); 
                goto fail;
            }
            PyObject *arg_st;
            if (likely(Py_TYPE(obj_st) == CPyType_bars____SymbolState))
                arg_st = obj_st;
            else {
                CPy_TypeError("spotlight_trader.market.bars._SymbolState", obj_st); 
                goto fail;
            }
            PyObject *retval = CPyDef_bars___BarBuilder____forming(arg_self, arg_st);
            return retval;
fail: ;
            CPy_AddTraceback("src/spotlight_trader/market/bars.py", "_forming", 280, CPyStatic_bars___globals);
            return NULL;
        }
        
char CPyDef_bars___BarBuilder____flush_bucket(PyObject *cpy_r_self, PyObject *cpy_r_symbol, PyObject *cpy_r_st) {
    PyObject *cpy_r_r0;
    PyObject *cpy_r_r1;
    char cpy_r_r2;
    PyObject *cpy_r_r3;
    CPyTagged cpy_r_r4;
    CPyTagged cpy_r_r5;
    char cpy_r_r6;
    char cpy_r_r7;
    char cpy_r_r8;
    CPyTagged cpy_r_r9;
    PyObject *cpy_r_r10;
    PyObject *cpy_r_r11;
    PyObject *cpy_r_r12;
    CPyTagged cpy_r_r13;
    CPyTagged cpy_r_r14;
    double cpy_r_r15;
    PyObject *cpy_r_r16;
    PyObject *cpy_r_r17;
    PyObject *cpy_r_r18;
    double cpy_r_r19;
    PyObject *cpy_r_r20;
    PyObject *cpy_r_r21;
    PyObject *cpy_r_r22;
    double cpy_r_r23;
    PyObject *cpy_r_r24;
    PyObject *cpy_r_r25;
    PyObject *cpy_r_r26;
    double cpy_r_r27;
    PyObject *cpy_r_r28;
    PyObject *cpy_r_r29;
    PyObject *cpy_r_r30;
    double cpy_r_r31;
    CPyTagged cpy_r_r32;
    PyObject *cpy_r_r33;
    PyObject *cpy_r_r34;
    PyObject *cpy_r_r35;
    PyObject *cpy_r_r36;
    PyObject *cpy_r_r37;
    PyObject *cpy_r_r38;
    PyObject *cpy_r_r39;
    PyObject **cpy_r_r41;
    PyObject *cpy_r_r42;
    PyObject *cpy_r_r43;
    PyObject *cpy_r_r44;
    PyObject **cpy_r_r46;
    PyObject *cpy_r_r47;
    char cpy_r_r48;
    char cpy_r_r49;
    char cpy_r_r50;
    char cpy_r_r51;
    char cpy_r_r52;
    cpy_r_r0 = ((spotlight_trader___market___bars___BarBuilderObject *)cpy_r_self)->__on_microbar;
    cpy_r_r1 = (PyObject *)&_Py_NoneStruct;
    cpy_r_r2 = cpy_r_r0 != cpy_r_r1;
    if (!cpy_r_r2) goto CPyL22;
    cpy_r_r3 = ((spotlight_trader___market___bars___BarBuilderObject *)cpy_r_self)->_stats;
    cpy_r_r4 = ((spotlight_trader___market___bars___BuilderStatsObject *)cpy_r_r3)->_microbars;
    if (unlikely(cpy_r_r4 == CPY_INT_TAG)) {
        CPy_AttributeError("src/spotlight_trader/market/bars.py", "_flush_bucket", "BuilderStats", "microbars", 296, CPyStatic_bars___globals);
        goto CPyL23;
    }
CPyL2: ;
    cpy_r_r5 = CPyTagged_Add(cpy_r_r4, 2);
    if (((spotlight_trader___market___bars___BuilderStatsObject *)cpy_r_r3)->_microbars != CPY_INT_TAG) {
        CPyTagged_DECREF(((spotlight_trader___market___bars___BuilderStatsObject *)cpy_r_r3)->_microbars);
    }
    ((spotlight_trader___market___bars___BuilderStatsObject *)cpy_r_r3)->_microbars = cpy_r_r5;
    cpy_r_r6 = 1;
    if (unlikely(!cpy_r_r6)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "_flush_bucket", 296, CPyStatic_bars___globals);
        goto CPyL23;
    }
    cpy_r_r7 = ((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_st)->_b_has_oc;
    cpy_r_r8 = ((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_st)->_b_has_hl;
    cpy_r_r9 = ((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_st)->_b_idx;
    CPyTagged_INCREF(cpy_r_r9);
    cpy_r_r10 = CPyStatic_bars___globals;
    cpy_r_r11 = CPyStatics[13]; /* 'MICRO_MS' */
    cpy_r_r12 = CPyDict_GetItem(cpy_r_r10, cpy_r_r11);
    if (unlikely(cpy_r_r12 == NULL)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "_flush_bucket", 302, CPyStatic_bars___globals);
        goto CPyL24;
    }
    if (likely(PyLong_Check(cpy_r_r12)))
        cpy_r_r13 = CPyTagged_FromObject(cpy_r_r12);
    else {
        CPy_TypeError("int", cpy_r_r12); cpy_r_r13 = CPY_INT_TAG;
    }
    CPy_DECREF(cpy_r_r12);
    if (unlikely(cpy_r_r13 == CPY_INT_TAG)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "_flush_bucket", 302, CPyStatic_bars___globals);
        goto CPyL24;
    }
    cpy_r_r14 = CPyTagged_Multiply(cpy_r_r9, cpy_r_r13);
    CPyTagged_DECREF(cpy_r_r9);
    CPyTagged_DECREF(cpy_r_r13);
    if (!cpy_r_r7) goto CPyL7;
CPyL6: ;
    cpy_r_r15 = ((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_st)->_b_open;
    cpy_r_r16 = PyFloat_FromDouble(cpy_r_r15);
    cpy_r_r17 = cpy_r_r16;
    goto CPyL8;
CPyL7: ;
    cpy_r_r18 = Py_None;
    CPy_INCREF(cpy_r_r18);
    cpy_r_r17 = cpy_r_r18;
CPyL8: ;
    if (!cpy_r_r8) goto CPyL10;
CPyL9: ;
    cpy_r_r19 = ((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_st)->_b_high;
    cpy_r_r20 = PyFloat_FromDouble(cpy_r_r19);
    cpy_r_r21 = cpy_r_r20;
    goto CPyL11;
CPyL10: ;
    cpy_r_r22 = Py_None;
    CPy_INCREF(cpy_r_r22);
    cpy_r_r21 = cpy_r_r22;
CPyL11: ;
    if (!cpy_r_r8) goto CPyL13;
CPyL12: ;
    cpy_r_r23 = ((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_st)->_b_low;
    cpy_r_r24 = PyFloat_FromDouble(cpy_r_r23);
    cpy_r_r25 = cpy_r_r24;
    goto CPyL14;
CPyL13: ;
    cpy_r_r26 = Py_None;
    CPy_INCREF(cpy_r_r26);
    cpy_r_r25 = cpy_r_r26;
CPyL14: ;
    if (!cpy_r_r7) goto CPyL16;
CPyL15: ;
    cpy_r_r27 = ((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_st)->_b_close;
    cpy_r_r28 = PyFloat_FromDouble(cpy_r_r27);
    cpy_r_r29 = cpy_r_r28;
    goto CPyL17;
CPyL16: ;
    cpy_r_r30 = Py_None;
    CPy_INCREF(cpy_r_r30);
    cpy_r_r29 = cpy_r_r30;
CPyL17: ;
    cpy_r_r31 = ((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_st)->_b_volume;
    cpy_r_r32 = ((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_st)->_b_trades;
    CPyTagged_INCREF(cpy_r_r32);
    cpy_r_r33 = CPyDef_bars___BarBuilder____forming(cpy_r_self, cpy_r_st);
    if (unlikely(cpy_r_r33 == NULL)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "_flush_bucket", 309, CPyStatic_bars___globals);
        goto CPyL25;
    }
    cpy_r_r34 = CPyStatic_bars___globals;
    cpy_r_r35 = CPyStatics[26]; /* 'Microbar' */
    cpy_r_r36 = CPyDict_GetItem(cpy_r_r34, cpy_r_r35);
    if (unlikely(cpy_r_r36 == NULL)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "_flush_bucket", 300, CPyStatic_bars___globals);
        goto CPyL26;
    }
    cpy_r_r37 = CPyTagged_StealAsObject(cpy_r_r14);
    cpy_r_r38 = PyFloat_FromDouble(cpy_r_r31);
    cpy_r_r39 = CPyTagged_StealAsObject(cpy_r_r32);
    PyObject *cpy_r_r40[9] = {
        cpy_r_symbol, cpy_r_r37, cpy_r_r17, cpy_r_r21, cpy_r_r25,
        cpy_r_r29, cpy_r_r38, cpy_r_r39, cpy_r_r33
    };
    cpy_r_r41 = (PyObject **)&cpy_r_r40;
    cpy_r_r42 = CPyStatics[142]; /* ('symbol', 'bucket_start_ms', 'open', 'high', 'low', 'close', 'volume', 'trades', 'minute') */
    cpy_r_r43 = PyObject_Vectorcall(cpy_r_r36, cpy_r_r41, 0, cpy_r_r42);
    CPy_DECREF(cpy_r_r36);
    if (unlikely(cpy_r_r43 == NULL)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "_flush_bucket", 300, CPyStatic_bars___globals);
        goto CPyL27;
    }
    CPy_DECREF(cpy_r_r37);
    CPy_DECREF(cpy_r_r17);
    CPy_DECREF(cpy_r_r21);
    CPy_DECREF(cpy_r_r25);
    CPy_DECREF(cpy_r_r29);
    CPy_DECREF(cpy_r_r38);
    CPy_DECREF(cpy_r_r39);
    CPy_DECREF(cpy_r_r33);
    cpy_r_r44 = ((spotlight_trader___market___bars___BarBuilderObject *)cpy_r_self)->__on_microbar;
    CPy_INCREF(cpy_r_r44);
    PyObject *cpy_r_r45[1] = {cpy_r_r43};
    cpy_r_r46 = (PyObject **)&cpy_r_r45;
    cpy_r_r47 = PyObject_Vectorcall(cpy_r_r44, cpy_r_r46, 1, 0);
    CPy_DECREF(cpy_r_r44);
    if (unlikely(cpy_r_r47 == NULL)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "_flush_bucket", 299, CPyStatic_bars___globals);
        goto CPyL28;
    } else
        goto CPyL29;
CPyL21: ;
    CPy_DECREF(cpy_r_r43);
CPyL22: ;
    ((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_st)->_b_has_oc = 0;
    ((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_st)->_b_has_hl = 0;
    ((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_st)->_b_volume = 0.0;
    CPyTagged_DECREF(((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_st)->_b_trades);
    ((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_st)->_b_trades = 0;
    return 1;
CPyL23: ;
    cpy_r_r52 = 2;
    return cpy_r_r52;
CPyL24: ;
    CPyTagged_DecRef(cpy_r_r9);
    goto CPyL23;
CPyL25: ;
    CPyTagged_DecRef(cpy_r_r14);
    CPy_DecRef(cpy_r_r17);
    CPy_DecRef(cpy_r_r21);
    CPy_DecRef(cpy_r_r25);
    CPy_DecRef(cpy_r_r29);
    CPyTagged_DecRef(cpy_r_r32);
    goto CPyL23;
CPyL26: ;
    CPyTagged_DecRef(cpy_r_r14);
    CPy_DecRef(cpy_r_r17);
    CPy_DecRef(cpy_r_r21);
    CPy_DecRef(cpy_r_r25);
    CPy_DecRef(cpy_r_r29);
    CPyTagged_DecRef(cpy_r_r32);
    CPy_DecRef(cpy_r_r33);
    goto CPyL23;
CPyL27: ;
    CPy_DecRef(cpy_r_r17);
    CPy_DecRef(cpy_r_r21);
    CPy_DecRef(cpy_r_r25);
    CPy_DecRef(cpy_r_r29);
    CPy_DecRef(cpy_r_r33);
    CPy_DecRef(cpy_r_r37);
    CPy_DecRef(cpy_r_r38);
    CPy_DecRef(cpy_r_r39);
    goto CPyL23;
CPyL28: ;
    CPy_DecRef(cpy_r_r43);
    goto CPyL23;
CPyL29: ;
    CPy_DECREF(cpy_r_r47);
    goto CPyL21;
}
        
        PyObject *CPyPy_bars___BarBuilder____flush_bucket(PyObject *self, PyObject *const *args, size_t nargs, PyObject *kwnames) {
            PyObject *obj_self = self;
            static const char * const kwlist[] = {"symbol", "st", 0};
            static CPyArg_Parser parser = {"OO:_flush_bucket", kwlist, 0};
            PyObject *obj_symbol;
            PyObject *obj_st;
            if (!CPyArg_ParseStackAndKeywordsSimple(args, nargs, kwnames, &parser, &obj_symbol, &obj_st)) {
                return NULL;
            }
            PyObject *arg_self;
            if (likely(Py_TYPE(obj_self) == CPyType_bars___BarBuilder))
                arg_self = obj_self;
            else {
                CPy_TypeError("spotlight_trader.market.bars.BarBuilder", obj_self); 
                goto fail;
            }
            PyObject *arg_symbol;
            if (likely(PyUnicode_Check(obj_symbol)))
                arg_symbol = obj_symbol;
            else {
                CPy_TypeError("str", obj_symbol); 
                goto fail;
            }
            PyObject *arg_st;
            if (likely(Py_TYPE(obj_st) == CPyType_bars____SymbolState))
                arg_st = obj_st;
            else {
                CPy_TypeError("spotlight_trader.market.bars._SymbolState", obj_st); 
                goto fail;
            }
            char retval = CPyDef_bars___BarBuilder____flush_bucket(arg_self, arg_symbol, arg_st);
            if (retval == 2) {
                return NULL;
            }
            PyObject *retbox = Py_None;
            CPy_INCREF(retbox);
            return retbox;
fail: ;
            CPy_AddTraceback("src/spotlight_trader/market/bars.py", "_flush_bucket", 294, CPyStatic_bars___globals);
            return NULL;
        }
        
char CPyDef_bars___BarBuilder____finalise(PyObject *cpy_r_self, PyObject *cpy_r_symbol, PyObject *cpy_r_st) {
    CPyTagged cpy_r_r0;
    char cpy_r_r1;
    char cpy_r_r2;
    CPyTagged cpy_r_r3;
    char cpy_r_r4;
    PyObject *cpy_r_r5;
    CPyTagged cpy_r_r6;
    CPyTagged cpy_r_r7;
    char cpy_r_r8;
    PyObject *cpy_r_r9;
    PyObject *cpy_r_r10;
    PyObject *cpy_r_r11;
    CPyTagged cpy_r_r12;
    CPyTagged cpy_r_r13;
    CPyTagged cpy_r_r14;
    PyObject *cpy_r_r15;
    PyObject *cpy_r_r16;
    PyObject *cpy_r_r17;
    CPyTagged cpy_r_r18;
    CPyTagged cpy_r_r19;
    double cpy_r_r20;
    double cpy_r_r21;
    double cpy_r_r22;
    double cpy_r_r23;
    double cpy_r_r24;
    CPyTagged cpy_r_r25;
    PyObject *cpy_r_r26;
    PyObject *cpy_r_r27;
    PyObject *cpy_r_r28;
    PyObject *cpy_r_r29;
    PyObject *cpy_r_r30;
    PyObject *cpy_r_r31;
    PyObject *cpy_r_r32;
    PyObject *cpy_r_r33;
    PyObject *cpy_r_r34;
    PyObject *cpy_r_r35;
    PyObject *cpy_r_r36;
    PyObject *cpy_r_r37;
    PyObject **cpy_r_r39;
    PyObject *cpy_r_r40;
    PyObject *cpy_r_r41;
    PyObject *cpy_r_r42;
    PyObject **cpy_r_r44;
    PyObject *cpy_r_r45;
    PyObject *cpy_r_r46;
    double cpy_r_r47;
    char cpy_r_r48;
    double cpy_r_r49;
    double cpy_r_r50;
    char cpy_r_r51;
    PyObject *cpy_r_r52;
    char cpy_r_r53;
    PyObject *cpy_r_r54;
    PyObject *cpy_r_r55;
    PyObject *cpy_r_r56;
    CPyTagged cpy_r_r57;
    char cpy_r_r58;
    char cpy_r_r59;
    char cpy_r_r60;
    char cpy_r_r61;
    char cpy_r_r62;
    PyObject *cpy_r_r63;
    PyObject *cpy_r_r64;
    PyObject *cpy_r_r65;
    CPyTagged cpy_r_r66;
    char cpy_r_r67;
    char cpy_r_r68;
    cpy_r_r0 = ((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_st)->_b_trades;
    CPyTagged_INCREF(cpy_r_r0);
    cpy_r_r1 = cpy_r_r0 != 0;
    CPyTagged_DECREF(cpy_r_r0);
    if (!cpy_r_r1) goto CPyL2;
    cpy_r_r2 = CPyDef_bars___BarBuilder____flush_bucket(cpy_r_self, cpy_r_symbol, cpy_r_st);
    if (unlikely(cpy_r_r2 == 2)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "_finalise", 318, CPyStatic_bars___globals);
        goto CPyL21;
    }
CPyL2: ;
    cpy_r_r3 = ((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_st)->_seq;
    CPyTagged_INCREF(cpy_r_r3);
    cpy_r_r4 = ((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_st)->_has_oc;
    if (!cpy_r_r4) goto CPyL13;
CPyL3: ;
    cpy_r_r5 = ((spotlight_trader___market___bars___BarBuilderObject *)cpy_r_self)->_stats;
    cpy_r_r6 = ((spotlight_trader___market___bars___BuilderStatsObject *)cpy_r_r5)->_bars;
    if (unlikely(cpy_r_r6 == CPY_INT_TAG)) {
        CPy_AttributeError("src/spotlight_trader/market/bars.py", "_finalise", "BuilderStats", "bars", 321, CPyStatic_bars___globals);
        goto CPyL22;
    }
CPyL4: ;
    cpy_r_r7 = CPyTagged_Add(cpy_r_r6, 2);
    if (((spotlight_trader___market___bars___BuilderStatsObject *)cpy_r_r5)->_bars != CPY_INT_TAG) {
        CPyTagged_DECREF(((spotlight_trader___market___bars___BuilderStatsObject *)cpy_r_r5)->_bars);
    }
    ((spotlight_trader___market___bars___BuilderStatsObject *)cpy_r_r5)->_bars = cpy_r_r7;
    cpy_r_r8 = 1;
    if (unlikely(!cpy_r_r8)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "_finalise", 321, CPyStatic_bars___globals);
        goto CPyL22;
    }
    cpy_r_r9 = CPyStatic_bars___globals;
    cpy_r_r10 = CPyStatics[11]; /* 'MINUTE_MS' */
    cpy_r_r11 = CPyDict_GetItem(cpy_r_r9, cpy_r_r10);
    if (unlikely(cpy_r_r11 == NULL)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "_finalise", 326, CPyStatic_bars___globals);
        goto CPyL22;
    }
    if (likely(PyLong_Check(cpy_r_r11)))
        cpy_r_r12 = CPyTagged_FromObject(cpy_r_r11);
    else {
        CPy_TypeError("int", cpy_r_r11); cpy_r_r12 = CPY_INT_TAG;
    }
    CPy_DECREF(cpy_r_r11);
    if (unlikely(cpy_r_r12 == CPY_INT_TAG)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "_finalise", 326, CPyStatic_bars___globals);
        goto CPyL22;
    }
    cpy_r_r13 = CPyTagged_Multiply(cpy_r_r3, cpy_r_r12);
    CPyTagged_DECREF(cpy_r_r12);
    cpy_r_r14 = CPyTagged_Add(cpy_r_r3, 2);
    cpy_r_r15 = CPyStatic_bars___globals;
    cpy_r_r16 = CPyStatics[11]; /* 'MINUTE_MS' */
    cpy_r_r17 = CPyDict_GetItem(cpy_r_r15, cpy_r_r16);
    if (unlikely(cpy_r_r17 == NULL)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "_finalise", 327, CPyStatic_bars___globals);
        goto CPyL23;
    }
    if (likely(PyLong_Check(cpy_r_r17)))
        cpy_r_r18 = CPyTagged_FromObject(cpy_r_r17);
    else {
        CPy_TypeError("int", cpy_r_r17); cpy_r_r18 = CPY_INT_TAG;
    }
    CPy_DECREF(cpy_r_r17);
    if (unlikely(cpy_r_r18 == CPY_INT_TAG)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "_finalise", 327, CPyStatic_bars___globals);
        goto CPyL23;
    }
    cpy_r_r19 = CPyTagged_Multiply(cpy_r_r14, cpy_r_r18);
    CPyTagged_DECREF(cpy_r_r14);
    CPyTagged_DECREF(cpy_r_r18);
    cpy_r_r20 = ((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_st)->_open;
    cpy_r_r21 = ((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_st)->_high;
    cpy_r_r22 = ((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_st)->_low;
    cpy_r_r23 = ((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_st)->_close;
    cpy_r_r24 = ((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_st)->_volume;
    cpy_r_r25 = ((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_st)->_trades;
    CPyTagged_INCREF(cpy_r_r25);
    cpy_r_r26 = CPyStatic_bars___globals;
    cpy_r_r27 = CPyStatics[29]; /* 'Bar' */
    cpy_r_r28 = CPyDict_GetItem(cpy_r_r26, cpy_r_r27);
    if (unlikely(cpy_r_r28 == NULL)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "_finalise", 323, CPyStatic_bars___globals);
        goto CPyL24;
    }
    CPyTagged_INCREF(cpy_r_r3);
    cpy_r_r29 = CPyTagged_StealAsObject(cpy_r_r3);
    cpy_r_r30 = CPyTagged_StealAsObject(cpy_r_r13);
    cpy_r_r31 = CPyTagged_StealAsObject(cpy_r_r19);
    cpy_r_r32 = PyFloat_FromDouble(cpy_r_r20);
    cpy_r_r33 = PyFloat_FromDouble(cpy_r_r21);
    cpy_r_r34 = PyFloat_FromDouble(cpy_r_r22);
    cpy_r_r35 = PyFloat_FromDouble(cpy_r_r23);
    cpy_r_r36 = PyFloat_FromDouble(cpy_r_r24);
    cpy_r_r37 = CPyTagged_StealAsObject(cpy_r_r25);
    PyObject *cpy_r_r38[10] = {
        cpy_r_symbol, cpy_r_r29, cpy_r_r30, cpy_r_r31, cpy_r_r32,
        cpy_r_r33, cpy_r_r34, cpy_r_r35, cpy_r_r36, cpy_r_r37
    };
    cpy_r_r39 = (PyObject **)&cpy_r_r38;
    cpy_r_r40 = CPyStatics[143]; /* ('symbol', 'seq', 'bar_start_ms', 'bar_end_ms', 'open', 'high', 'low', 'close', 'volume', 'trades') */
    cpy_r_r41 = PyObject_Vectorcall(cpy_r_r28, cpy_r_r39, 0, cpy_r_r40);
    CPy_DECREF(cpy_r_r28);
    if (unlikely(cpy_r_r41 == NULL)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "_finalise", 323, CPyStatic_bars___globals);
        goto CPyL25;
    }
    CPy_DECREF(cpy_r_r29);
    CPy_DECREF(cpy_r_r30);
    CPy_DECREF(cpy_r_r31);
    CPy_DECREF(cpy_r_r32);
    CPy_DECREF(cpy_r_r33);
    CPy_DECREF(cpy_r_r34);
    CPy_DECREF(cpy_r_r35);
    CPy_DECREF(cpy_r_r36);
    CPy_DECREF(cpy_r_r37);
    cpy_r_r42 = ((spotlight_trader___market___bars___BarBuilderObject *)cpy_r_self)->__on_bar;
    CPy_INCREF(cpy_r_r42);
    PyObject *cpy_r_r43[1] = {cpy_r_r41};
    cpy_r_r44 = (PyObject **)&cpy_r_r43;
    cpy_r_r45 = PyObject_Vectorcall(cpy_r_r42, cpy_r_r44, 1, 0);
    CPy_DECREF(cpy_r_r42);
    if (unlikely(cpy_r_r45 == NULL)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "_finalise", 322, CPyStatic_bars___globals);
        goto CPyL26;
    } else
        goto CPyL27;
CPyL12: ;
    CPy_DECREF(cpy_r_r41);
    goto CPyL16;
CPyL13: ;
    cpy_r_r46 = ((spotlight_trader___market___bars___BarBuilderObject *)cpy_r_self)->_stats;
    cpy_r_r47 = ((spotlight_trader___market___bars___BuilderStatsObject *)cpy_r_r46)->_unpriced_volume;
    if (unlikely(cpy_r_r47 == -113.0) && !(((spotlight_trader___market___bars___BuilderStatsObject *)cpy_r_r46)->bitmap & 1)) {
        PyErr_SetString(PyExc_AttributeError, "attribute 'unpriced_volume' of 'BuilderStats' undefined");
    }
    cpy_r_r48 = cpy_r_r47 == -113.0;
    if (unlikely(cpy_r_r48)) goto CPyL15;
CPyL14: ;
    cpy_r_r49 = ((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_st)->_volume;
    cpy_r_r50 = cpy_r_r47 + cpy_r_r49;
    if (unlikely(cpy_r_r50 == -113.0)) {
        ((spotlight_trader___market___bars___BuilderStatsObject *)cpy_r_r46)->bitmap |= 1;
    }
    ((spotlight_trader___market___bars___BuilderStatsObject *)cpy_r_r46)->_unpriced_volume = cpy_r_r50;
    cpy_r_r51 = 1;
    if (unlikely(!cpy_r_r51)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "_finalise", 337, CPyStatic_bars___globals);
        goto CPyL22;
    } else
        goto CPyL16;
CPyL15: ;
    cpy_r_r52 = PyErr_Occurred();
    if (unlikely(cpy_r_r52 != NULL)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "_finalise", 337, CPyStatic_bars___globals);
        goto CPyL22;
    } else
        goto CPyL14;
CPyL16: ;
    CPyTagged_DECREF(((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_st)->_final_seq);
    ((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_st)->_final_seq = cpy_r_r3;
    cpy_r_r54 = CPyStatic_bars___globals;
    cpy_r_r55 = CPyStatics[3]; /* '_NO_CLOCK' */
    cpy_r_r56 = CPyDict_GetItem(cpy_r_r54, cpy_r_r55);
    if (unlikely(cpy_r_r56 == NULL)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "_finalise", 339, CPyStatic_bars___globals);
        goto CPyL21;
    }
    if (likely(PyLong_Check(cpy_r_r56)))
        cpy_r_r57 = CPyTagged_FromObject(cpy_r_r56);
    else {
        CPy_TypeError("int", cpy_r_r56); cpy_r_r57 = CPY_INT_TAG;
    }
    CPy_DECREF(cpy_r_r56);
    if (unlikely(cpy_r_r57 == CPY_INT_TAG)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "_finalise", 339, CPyStatic_bars___globals);
        goto CPyL21;
    }
    CPyTagged_DECREF(((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_st)->_seq);
    ((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_st)->_seq = cpy_r_r57;
    ((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_st)->_has_oc = 0;
    ((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_st)->_has_hl = 0;
    ((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_st)->_volume = 0.0;
    CPyTagged_DECREF(((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_st)->_trades);
    ((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_st)->_trades = 0;
    cpy_r_r63 = CPyStatic_bars___globals;
    cpy_r_r64 = CPyStatics[3]; /* '_NO_CLOCK' */
    cpy_r_r65 = CPyDict_GetItem(cpy_r_r63, cpy_r_r64);
    if (unlikely(cpy_r_r65 == NULL)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "_finalise", 343, CPyStatic_bars___globals);
        goto CPyL21;
    }
    if (likely(PyLong_Check(cpy_r_r65)))
        cpy_r_r66 = CPyTagged_FromObject(cpy_r_r65);
    else {
        CPy_TypeError("int", cpy_r_r65); cpy_r_r66 = CPY_INT_TAG;
    }
    CPy_DECREF(cpy_r_r65);
    if (unlikely(cpy_r_r66 == CPY_INT_TAG)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "_finalise", 343, CPyStatic_bars___globals);
        goto CPyL21;
    }
    CPyTagged_DECREF(((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_st)->_b_idx);
    ((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_st)->_b_idx = cpy_r_r66;
    return 1;
CPyL21: ;
    cpy_r_r68 = 2;
    return cpy_r_r68;
CPyL22: ;
    CPyTagged_DecRef(cpy_r_r3);
    goto CPyL21;
CPyL23: ;
    CPyTagged_DecRef(cpy_r_r3);
    CPyTagged_DecRef(cpy_r_r13);
    CPyTagged_DecRef(cpy_r_r14);
    goto CPyL21;
CPyL24: ;
    CPyTagged_DecRef(cpy_r_r3);
    CPyTagged_DecRef(cpy_r_r13);
    CPyTagged_DecRef(cpy_r_r19);
    CPyTagged_DecRef(cpy_r_r25);
    goto CPyL21;
CPyL25: ;
    CPyTagged_DecRef(cpy_r_r3);
    CPy_DecRef(cpy_r_r29);
    CPy_DecRef(cpy_r_r30);
    CPy_DecRef(cpy_r_r31);
    CPy_DecRef(cpy_r_r32);
    CPy_DecRef(cpy_r_r33);
    CPy_DecRef(cpy_r_r34);
    CPy_DecRef(cpy_r_r35);
    CPy_DecRef(cpy_r_r36);
    CPy_DecRef(cpy_r_r37);
    goto CPyL21;
CPyL26: ;
    CPyTagged_DecRef(cpy_r_r3);
    CPy_DecRef(cpy_r_r41);
    goto CPyL21;
CPyL27: ;
    CPy_DECREF(cpy_r_r45);
    goto CPyL12;
}
        
        PyObject *CPyPy_bars___BarBuilder____finalise(PyObject *self, PyObject *const *args, size_t nargs, PyObject *kwnames) {
            PyObject *obj_self = self;
            static const char * const kwlist[] = {"symbol", "st", 0};
            static CPyArg_Parser parser = {"OO:_finalise", kwlist, 0};
            PyObject *obj_symbol;
            PyObject *obj_st;
            if (!CPyArg_ParseStackAndKeywordsSimple(args, nargs, kwnames, &parser, &obj_symbol, &obj_st)) {
                return NULL;
            }
            PyObject *arg_self;
            if (likely(Py_TYPE(obj_self) == CPyType_bars___BarBuilder))
                arg_self = obj_self;
            else {
                CPy_TypeError("spotlight_trader.market.bars.BarBuilder", obj_self); 
                goto fail;
            }
            PyObject *arg_symbol;
            if (likely(PyUnicode_Check(obj_symbol)))
                arg_symbol = obj_symbol;
            else {
                CPy_TypeError("str", obj_symbol); 
                goto fail;
            }
            PyObject *arg_st;
            if (likely(Py_TYPE(obj_st) == CPyType_bars____SymbolState))
                arg_st = obj_st;
            else {
                CPy_TypeError("spotlight_trader.market.bars._SymbolState", obj_st); 
                goto fail;
            }
            char retval = CPyDef_bars___BarBuilder____finalise(arg_self, arg_symbol, arg_st);
            if (retval == 2) {
                return NULL;
            }
            PyObject *retbox = Py_None;
            CPy_INCREF(retbox);
            return retbox;
fail: ;
            CPy_AddTraceback("src/spotlight_trader/market/bars.py", "_finalise", 316, CPyStatic_bars___globals);
            return NULL;
        }
        
char CPyDef_bars___BarBuilder____flush_due_buckets(PyObject *cpy_r_self, CPyTagged cpy_r_now_ms) {
    PyObject *cpy_r_r0;
    PyObject *cpy_r_r1;
    PyObject *cpy_r_r2;
    CPyTagged cpy_r_r3;
    CPyTagged cpy_r_next_end;
    PyObject *cpy_r_r4;
    CPyTagged cpy_r_r5;
    int64_t cpy_r_r6;
    PyObject *cpy_r_r7;
    tuple_T4CIOO cpy_r_r8;
    CPyTagged cpy_r_r9;
    char cpy_r_r10;
    PyObject *cpy_r_r11;
    PyObject *cpy_r_r12;
    PyObject *cpy_r_r13;
    PyObject *cpy_r_r14;
    CPyTagged cpy_r_r15;
    PyObject *cpy_r_r16;
    PyObject *cpy_r_r17;
    PyObject *cpy_r_r18;
    CPyTagged cpy_r_r19;
    int64_t cpy_r_r20;
    char cpy_r_r21;
    char cpy_r_r22;
    char cpy_r_r23;
    char cpy_r_r24;
    CPyTagged cpy_r_r25;
    CPyTagged cpy_r_r26;
    PyObject *cpy_r_r27;
    PyObject *cpy_r_r28;
    PyObject *cpy_r_r29;
    CPyTagged cpy_r_r30;
    CPyTagged cpy_r_r31;
    int64_t cpy_r_r32;
    char cpy_r_r33;
    int64_t cpy_r_r34;
    char cpy_r_r35;
    char cpy_r_r36;
    char cpy_r_r37;
    char cpy_r_r38;
    CPyTagged cpy_r_r39;
    char cpy_r_r40;
    char cpy_r_r41;
    int64_t cpy_r_r42;
    char cpy_r_r43;
    int64_t cpy_r_r44;
    char cpy_r_r45;
    char cpy_r_r46;
    char cpy_r_r47;
    char cpy_r_r48;
    char cpy_r_r49;
    char cpy_r_r50;
    char cpy_r_r51;
    cpy_r_r0 = CPyStatic_bars___globals;
    cpy_r_r1 = CPyStatics[4]; /* 'MAX_TS_MS' */
    cpy_r_r2 = CPyDict_GetItem(cpy_r_r0, cpy_r_r1);
    if (unlikely(cpy_r_r2 == NULL)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "_flush_due_buckets", 346, CPyStatic_bars___globals);
        goto CPyL28;
    }
    if (likely(PyLong_Check(cpy_r_r2)))
        cpy_r_r3 = CPyTagged_FromObject(cpy_r_r2);
    else {
        CPy_TypeError("int", cpy_r_r2); cpy_r_r3 = CPY_INT_TAG;
    }
    CPy_DECREF(cpy_r_r2);
    if (unlikely(cpy_r_r3 == CPY_INT_TAG)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "_flush_due_buckets", 346, CPyStatic_bars___globals);
        goto CPyL28;
    }
    cpy_r_next_end = cpy_r_r3;
    cpy_r_r4 = ((spotlight_trader___market___bars___BarBuilderObject *)cpy_r_self)->__states;
    CPy_INCREF(cpy_r_r4);
    cpy_r_r5 = 0;
    cpy_r_r6 = PyDict_Size(cpy_r_r4);
    cpy_r_r7 = CPyDict_GetItemsIter(cpy_r_r4);
    if (unlikely(cpy_r_r7 == NULL)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "_flush_due_buckets", 347, CPyStatic_bars___globals);
        goto CPyL29;
    }
CPyL3: ;
    cpy_r_r8 = CPyDict_NextItem(cpy_r_r7, cpy_r_r5);
    cpy_r_r9 = cpy_r_r8.f1;
    cpy_r_r5 = cpy_r_r9;
    cpy_r_r10 = cpy_r_r8.f0;
    if (!cpy_r_r10) goto CPyL30;
    cpy_r_r11 = cpy_r_r8.f2;
    CPy_INCREF(cpy_r_r11);
    cpy_r_r12 = cpy_r_r8.f3;
    CPy_INCREF(cpy_r_r12);
    CPy_DECREF(cpy_r_r8.f2);
    CPy_DECREF(cpy_r_r8.f3);
    if (likely(PyUnicode_Check(cpy_r_r11)))
        cpy_r_r13 = cpy_r_r11;
    else {
        CPy_TypeErrorTraceback("src/spotlight_trader/market/bars.py", "_flush_due_buckets", 347, CPyStatic_bars___globals, "str", cpy_r_r11);
        goto CPyL31;
    }
    if (likely(Py_TYPE(cpy_r_r12) == CPyType_bars____SymbolState))
        cpy_r_r14 = cpy_r_r12;
    else {
        CPy_TypeErrorTraceback("src/spotlight_trader/market/bars.py", "_flush_due_buckets", 347, CPyStatic_bars___globals, "spotlight_trader.market.bars._SymbolState", cpy_r_r12);
        goto CPyL32;
    }
    cpy_r_r15 = ((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_r14)->_b_idx;
    CPyTagged_INCREF(cpy_r_r15);
    cpy_r_r16 = CPyStatic_bars___globals;
    cpy_r_r17 = CPyStatics[3]; /* '_NO_CLOCK' */
    cpy_r_r18 = CPyDict_GetItem(cpy_r_r16, cpy_r_r17);
    if (unlikely(cpy_r_r18 == NULL)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "_flush_due_buckets", 348, CPyStatic_bars___globals);
        goto CPyL33;
    }
    if (likely(PyLong_Check(cpy_r_r18)))
        cpy_r_r19 = CPyTagged_FromObject(cpy_r_r18);
    else {
        CPy_TypeError("int", cpy_r_r18); cpy_r_r19 = CPY_INT_TAG;
    }
    CPy_DECREF(cpy_r_r18);
    if (unlikely(cpy_r_r19 == CPY_INT_TAG)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "_flush_due_buckets", 348, CPyStatic_bars___globals);
        goto CPyL33;
    }
    cpy_r_r20 = cpy_r_r15 & 1;
    cpy_r_r21 = cpy_r_r20 != 0;
    if (!cpy_r_r21) goto CPyL10;
    cpy_r_r22 = CPyTagged_IsEq_(cpy_r_r15, cpy_r_r19);
    cpy_r_r23 = cpy_r_r22;
    goto CPyL11;
CPyL10: ;
    cpy_r_r24 = cpy_r_r15 == cpy_r_r19;
    cpy_r_r23 = cpy_r_r24;
CPyL11: ;
    CPyTagged_DECREF(cpy_r_r15);
    CPyTagged_DECREF(cpy_r_r19);
    if (cpy_r_r23) goto CPyL34;
    cpy_r_r25 = ((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_r14)->_b_idx;
    cpy_r_r26 = CPyTagged_Add(cpy_r_r25, 2);
    cpy_r_r27 = CPyStatic_bars___globals;
    cpy_r_r28 = CPyStatics[13]; /* 'MICRO_MS' */
    cpy_r_r29 = CPyDict_GetItem(cpy_r_r27, cpy_r_r28);
    if (unlikely(cpy_r_r29 == NULL)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "_flush_due_buckets", 350, CPyStatic_bars___globals);
        goto CPyL35;
    }
    if (likely(PyLong_Check(cpy_r_r29)))
        cpy_r_r30 = CPyTagged_FromObject(cpy_r_r29);
    else {
        CPy_TypeError("int", cpy_r_r29); cpy_r_r30 = CPY_INT_TAG;
    }
    CPy_DECREF(cpy_r_r29);
    if (unlikely(cpy_r_r30 == CPY_INT_TAG)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "_flush_due_buckets", 350, CPyStatic_bars___globals);
        goto CPyL35;
    }
    cpy_r_r31 = CPyTagged_Multiply(cpy_r_r26, cpy_r_r30);
    CPyTagged_DECREF(cpy_r_r26);
    CPyTagged_DECREF(cpy_r_r30);
    cpy_r_r32 = cpy_r_r31 & 1;
    cpy_r_r33 = cpy_r_r32 != 0;
    if (cpy_r_r33) goto CPyL16;
    cpy_r_r34 = cpy_r_now_ms & 1;
    cpy_r_r35 = cpy_r_r34 != 0;
    if (!cpy_r_r35) goto CPyL17;
CPyL16: ;
    cpy_r_r36 = CPyTagged_IsLt_(cpy_r_now_ms, cpy_r_r31);
    cpy_r_r37 = cpy_r_r36 ^ 1;
    if (cpy_r_r37) {
        goto CPyL36;
    } else
        goto CPyL37;
CPyL17: ;
    cpy_r_r38 = (Py_ssize_t)cpy_r_r31 <= (Py_ssize_t)cpy_r_now_ms;
    if (cpy_r_r38) {
        goto CPyL36;
    } else
        goto CPyL37;
CPyL18: ;
    cpy_r_r39 = ((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_r14)->_b_trades;
    CPyTagged_INCREF(cpy_r_r39);
    cpy_r_r40 = cpy_r_r39 != 0;
    CPyTagged_DECREF(cpy_r_r39);
    if (!cpy_r_r40) goto CPyL34;
    cpy_r_r41 = CPyDef_bars___BarBuilder____flush_bucket(cpy_r_self, cpy_r_r13, cpy_r_r14);
    CPy_DECREF(cpy_r_r13);
    CPy_DECREF(cpy_r_r14);
    if (unlikely(cpy_r_r41 == 2)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "_flush_due_buckets", 353, CPyStatic_bars___globals);
        goto CPyL38;
    } else
        goto CPyL25;
CPyL20: ;
    cpy_r_r42 = cpy_r_r31 & 1;
    cpy_r_r43 = cpy_r_r42 != 0;
    if (cpy_r_r43) goto CPyL22;
    cpy_r_r44 = cpy_r_next_end & 1;
    cpy_r_r45 = cpy_r_r44 != 0;
    if (!cpy_r_r45) goto CPyL23;
CPyL22: ;
    cpy_r_r46 = CPyTagged_IsLt_(cpy_r_r31, cpy_r_next_end);
    if (cpy_r_r46) {
        goto CPyL39;
    } else
        goto CPyL40;
CPyL23: ;
    cpy_r_r47 = (Py_ssize_t)cpy_r_r31 < (Py_ssize_t)cpy_r_next_end;
    if (cpy_r_r47) {
        goto CPyL39;
    } else
        goto CPyL40;
CPyL24: ;
    cpy_r_next_end = cpy_r_r31;
CPyL25: ;
    cpy_r_r48 = CPyDict_CheckSize(cpy_r_r4, cpy_r_r6);
    if (unlikely(!cpy_r_r48)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "_flush_due_buckets", 347, CPyStatic_bars___globals);
        goto CPyL38;
    } else
        goto CPyL3;
CPyL26: ;
    cpy_r_r49 = CPy_NoErrOccurred();
    if (unlikely(!cpy_r_r49)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "_flush_due_buckets", 347, CPyStatic_bars___globals);
        goto CPyL41;
    }
    CPyTagged_DECREF(((spotlight_trader___market___bars___BarBuilderObject *)cpy_r_self)->__next_bucket_end_ms);
    ((spotlight_trader___market___bars___BarBuilderObject *)cpy_r_self)->__next_bucket_end_ms = cpy_r_next_end;
    return 1;
CPyL28: ;
    cpy_r_r51 = 2;
    return cpy_r_r51;
CPyL29: ;
    CPyTagged_DecRef(cpy_r_next_end);
    CPy_DecRef(cpy_r_r4);
    goto CPyL28;
CPyL30: ;
    CPy_DECREF(cpy_r_r4);
    CPy_DECREF(cpy_r_r7);
    CPy_DECREF(cpy_r_r8.f2);
    CPy_DECREF(cpy_r_r8.f3);
    goto CPyL26;
CPyL31: ;
    CPyTagged_DecRef(cpy_r_next_end);
    CPy_DecRef(cpy_r_r4);
    CPy_DecRef(cpy_r_r7);
    CPy_DecRef(cpy_r_r12);
    goto CPyL28;
CPyL32: ;
    CPyTagged_DecRef(cpy_r_next_end);
    CPy_DecRef(cpy_r_r4);
    CPy_DecRef(cpy_r_r7);
    CPy_DecRef(cpy_r_r13);
    goto CPyL28;
CPyL33: ;
    CPyTagged_DecRef(cpy_r_next_end);
    CPy_DecRef(cpy_r_r4);
    CPy_DecRef(cpy_r_r7);
    CPy_DecRef(cpy_r_r13);
    CPy_DecRef(cpy_r_r14);
    CPyTagged_DecRef(cpy_r_r15);
    goto CPyL28;
CPyL34: ;
    CPy_DECREF(cpy_r_r13);
    CPy_DECREF(cpy_r_r14);
    goto CPyL25;
CPyL35: ;
    CPyTagged_DecRef(cpy_r_next_end);
    CPy_DecRef(cpy_r_r4);
    CPy_DecRef(cpy_r_r7);
    CPy_DecRef(cpy_r_r13);
    CPy_DecRef(cpy_r_r14);
    CPyTagged_DecRef(cpy_r_r26);
    goto CPyL28;
CPyL36: ;
    CPyTagged_DECREF(cpy_r_r31);
    goto CPyL18;
CPyL37: ;
    CPy_DECREF(cpy_r_r13);
    CPy_DECREF(cpy_r_r14);
    goto CPyL20;
CPyL38: ;
    CPyTagged_DecRef(cpy_r_next_end);
    CPy_DecRef(cpy_r_r4);
    CPy_DecRef(cpy_r_r7);
    goto CPyL28;
CPyL39: ;
    CPyTagged_DECREF(cpy_r_next_end);
    goto CPyL24;
CPyL40: ;
    CPyTagged_DECREF(cpy_r_r31);
    goto CPyL25;
CPyL41: ;
    CPyTagged_DecRef(cpy_r_next_end);
    goto CPyL28;
}
        
        PyObject *CPyPy_bars___BarBuilder____flush_due_buckets(PyObject *self, PyObject *const *args, size_t nargs, PyObject *kwnames) {
            PyObject *obj_self = self;
            static const char * const kwlist[] = {"now_ms", 0};
            static CPyArg_Parser parser = {"O:_flush_due_buckets", kwlist, 0};
            PyObject *obj_now_ms;
            if (!CPyArg_ParseStackAndKeywordsOneArg(args, nargs, kwnames, &parser, &obj_now_ms)) {
                return NULL;
            }
            PyObject *arg_self;
            if (likely(Py_TYPE(obj_self) == CPyType_bars___BarBuilder))
                arg_self = obj_self;
            else {
                CPy_TypeError("spotlight_trader.market.bars.BarBuilder", obj_self); 
                goto fail;
            }
            CPyTagged arg_now_ms;
            if (likely(PyLong_Check(obj_now_ms)))
                arg_now_ms = CPyTagged_BorrowFromObject(obj_now_ms);
            else {
                CPy_TypeError("int", obj_now_ms); goto fail;
            }
            char retval = CPyDef_bars___BarBuilder____flush_due_buckets(arg_self, arg_now_ms);
            if (retval == 2) {
                return NULL;
            }
            PyObject *retbox = Py_None;
            CPy_INCREF(retbox);
            return retbox;
fail: ;
            CPy_AddTraceback("src/spotlight_trader/market/bars.py", "_flush_due_buckets", 345, CPyStatic_bars___globals);
            return NULL;
        }
        
char CPyDef_bars___BarBuilder____finalise_due(PyObject *cpy_r_self, CPyTagged cpy_r_now_ms) {
    PyObject *cpy_r_r0;
    PyObject *cpy_r_r1;
    PyObject *cpy_r_r2;
    CPyTagged cpy_r_r3;
    CPyTagged cpy_r_next_deadline;
    PyObject *cpy_r_r4;
    CPyTagged cpy_r_r5;
    int64_t cpy_r_r6;
    PyObject *cpy_r_r7;
    tuple_T4CIOO cpy_r_r8;
    CPyTagged cpy_r_r9;
    char cpy_r_r10;
    PyObject *cpy_r_r11;
    PyObject *cpy_r_r12;
    PyObject *cpy_r_r13;
    PyObject *cpy_r_r14;
    CPyTagged cpy_r_r15;
    PyObject *cpy_r_r16;
    PyObject *cpy_r_r17;
    PyObject *cpy_r_r18;
    CPyTagged cpy_r_r19;
    int64_t cpy_r_r20;
    char cpy_r_r21;
    char cpy_r_r22;
    char cpy_r_r23;
    char cpy_r_r24;
    CPyTagged cpy_r_r25;
    CPyTagged cpy_r_r26;
    PyObject *cpy_r_r27;
    PyObject *cpy_r_r28;
    PyObject *cpy_r_r29;
    CPyTagged cpy_r_r30;
    CPyTagged cpy_r_r31;
    CPyTagged cpy_r_r32;
    CPyTagged cpy_r_r33;
    int64_t cpy_r_r34;
    char cpy_r_r35;
    int64_t cpy_r_r36;
    char cpy_r_r37;
    char cpy_r_r38;
    char cpy_r_r39;
    char cpy_r_r40;
    char cpy_r_r41;
    int64_t cpy_r_r42;
    char cpy_r_r43;
    int64_t cpy_r_r44;
    char cpy_r_r45;
    char cpy_r_r46;
    char cpy_r_r47;
    char cpy_r_r48;
    char cpy_r_r49;
    char cpy_r_r50;
    char cpy_r_r51;
    cpy_r_r0 = CPyStatic_bars___globals;
    cpy_r_r1 = CPyStatics[4]; /* 'MAX_TS_MS' */
    cpy_r_r2 = CPyDict_GetItem(cpy_r_r0, cpy_r_r1);
    if (unlikely(cpy_r_r2 == NULL)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "_finalise_due", 359, CPyStatic_bars___globals);
        goto CPyL27;
    }
    if (likely(PyLong_Check(cpy_r_r2)))
        cpy_r_r3 = CPyTagged_FromObject(cpy_r_r2);
    else {
        CPy_TypeError("int", cpy_r_r2); cpy_r_r3 = CPY_INT_TAG;
    }
    CPy_DECREF(cpy_r_r2);
    if (unlikely(cpy_r_r3 == CPY_INT_TAG)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "_finalise_due", 359, CPyStatic_bars___globals);
        goto CPyL27;
    }
    cpy_r_next_deadline = cpy_r_r3;
    cpy_r_r4 = ((spotlight_trader___market___bars___BarBuilderObject *)cpy_r_self)->__states;
    CPy_INCREF(cpy_r_r4);
    cpy_r_r5 = 0;
    cpy_r_r6 = PyDict_Size(cpy_r_r4);
    cpy_r_r7 = CPyDict_GetItemsIter(cpy_r_r4);
    if (unlikely(cpy_r_r7 == NULL)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "_finalise_due", 360, CPyStatic_bars___globals);
        goto CPyL28;
    }
CPyL3: ;
    cpy_r_r8 = CPyDict_NextItem(cpy_r_r7, cpy_r_r5);
    cpy_r_r9 = cpy_r_r8.f1;
    cpy_r_r5 = cpy_r_r9;
    cpy_r_r10 = cpy_r_r8.f0;
    if (!cpy_r_r10) goto CPyL29;
    cpy_r_r11 = cpy_r_r8.f2;
    CPy_INCREF(cpy_r_r11);
    cpy_r_r12 = cpy_r_r8.f3;
    CPy_INCREF(cpy_r_r12);
    CPy_DECREF(cpy_r_r8.f2);
    CPy_DECREF(cpy_r_r8.f3);
    if (likely(PyUnicode_Check(cpy_r_r11)))
        cpy_r_r13 = cpy_r_r11;
    else {
        CPy_TypeErrorTraceback("src/spotlight_trader/market/bars.py", "_finalise_due", 360, CPyStatic_bars___globals, "str", cpy_r_r11);
        goto CPyL30;
    }
    if (likely(Py_TYPE(cpy_r_r12) == CPyType_bars____SymbolState))
        cpy_r_r14 = cpy_r_r12;
    else {
        CPy_TypeErrorTraceback("src/spotlight_trader/market/bars.py", "_finalise_due", 360, CPyStatic_bars___globals, "spotlight_trader.market.bars._SymbolState", cpy_r_r12);
        goto CPyL31;
    }
    cpy_r_r15 = ((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_r14)->_seq;
    CPyTagged_INCREF(cpy_r_r15);
    cpy_r_r16 = CPyStatic_bars___globals;
    cpy_r_r17 = CPyStatics[3]; /* '_NO_CLOCK' */
    cpy_r_r18 = CPyDict_GetItem(cpy_r_r16, cpy_r_r17);
    if (unlikely(cpy_r_r18 == NULL)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "_finalise_due", 361, CPyStatic_bars___globals);
        goto CPyL32;
    }
    if (likely(PyLong_Check(cpy_r_r18)))
        cpy_r_r19 = CPyTagged_FromObject(cpy_r_r18);
    else {
        CPy_TypeError("int", cpy_r_r18); cpy_r_r19 = CPY_INT_TAG;
    }
    CPy_DECREF(cpy_r_r18);
    if (unlikely(cpy_r_r19 == CPY_INT_TAG)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "_finalise_due", 361, CPyStatic_bars___globals);
        goto CPyL32;
    }
    cpy_r_r20 = cpy_r_r15 & 1;
    cpy_r_r21 = cpy_r_r20 != 0;
    if (!cpy_r_r21) goto CPyL10;
    cpy_r_r22 = CPyTagged_IsEq_(cpy_r_r15, cpy_r_r19);
    cpy_r_r23 = cpy_r_r22;
    goto CPyL11;
CPyL10: ;
    cpy_r_r24 = cpy_r_r15 == cpy_r_r19;
    cpy_r_r23 = cpy_r_r24;
CPyL11: ;
    CPyTagged_DECREF(cpy_r_r15);
    CPyTagged_DECREF(cpy_r_r19);
    if (cpy_r_r23) goto CPyL33;
    cpy_r_r25 = ((spotlight_trader___market___bars____SymbolStateObject *)cpy_r_r14)->_seq;
    cpy_r_r26 = CPyTagged_Add(cpy_r_r25, 2);
    cpy_r_r27 = CPyStatic_bars___globals;
    cpy_r_r28 = CPyStatics[11]; /* 'MINUTE_MS' */
    cpy_r_r29 = CPyDict_GetItem(cpy_r_r27, cpy_r_r28);
    if (unlikely(cpy_r_r29 == NULL)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "_finalise_due", 363, CPyStatic_bars___globals);
        goto CPyL34;
    }
    if (likely(PyLong_Check(cpy_r_r29)))
        cpy_r_r30 = CPyTagged_FromObject(cpy_r_r29);
    else {
        CPy_TypeError("int", cpy_r_r29); cpy_r_r30 = CPY_INT_TAG;
    }
    CPy_DECREF(cpy_r_r29);
    if (unlikely(cpy_r_r30 == CPY_INT_TAG)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "_finalise_due", 363, CPyStatic_bars___globals);
        goto CPyL34;
    }
    cpy_r_r31 = CPyTagged_Multiply(cpy_r_r26, cpy_r_r30);
    CPyTagged_DECREF(cpy_r_r26);
    CPyTagged_DECREF(cpy_r_r30);
    cpy_r_r32 = ((spotlight_trader___market___bars___BarBuilderObject *)cpy_r_self)->_grace_ms;
    cpy_r_r33 = CPyTagged_Add(cpy_r_r31, cpy_r_r32);
    CPyTagged_DECREF(cpy_r_r31);
    cpy_r_r34 = cpy_r_r33 & 1;
    cpy_r_r35 = cpy_r_r34 != 0;
    if (cpy_r_r35) goto CPyL16;
    cpy_r_r36 = cpy_r_now_ms & 1;
    cpy_r_r37 = cpy_r_r36 != 0;
    if (!cpy_r_r37) goto CPyL17;
CPyL16: ;
    cpy_r_r38 = CPyTagged_IsLt_(cpy_r_now_ms, cpy_r_r33);
    cpy_r_r39 = cpy_r_r38 ^ 1;
    if (cpy_r_r39) {
        goto CPyL35;
    } else
        goto CPyL36;
CPyL17: ;
    cpy_r_r40 = (Py_ssize_t)cpy_r_r33 <= (Py_ssize_t)cpy_r_now_ms;
    if (cpy_r_r40) {
        goto CPyL35;
    } else
        goto CPyL36;
CPyL18: ;
    cpy_r_r41 = CPyDef_bars___BarBuilder____finalise(cpy_r_self, cpy_r_r13, cpy_r_r14);
    CPy_DECREF(cpy_r_r13);
    CPy_DECREF(cpy_r_r14);
    if (unlikely(cpy_r_r41 == 2)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "_finalise_due", 365, CPyStatic_bars___globals);
        goto CPyL37;
    } else
        goto CPyL24;
CPyL19: ;
    cpy_r_r42 = cpy_r_r33 & 1;
    cpy_r_r43 = cpy_r_r42 != 0;
    if (cpy_r_r43) goto CPyL21;
    cpy_r_r44 = cpy_r_next_deadline & 1;
    cpy_r_r45 = cpy_r_r44 != 0;
    if (!cpy_r_r45) goto CPyL22;
CPyL21: ;
    cpy_r_r46 = CPyTagged_IsLt_(cpy_r_r33, cpy_r_next_deadline);
    if (cpy_r_r46) {
        goto CPyL38;
    } else
        goto CPyL39;
CPyL22: ;
    cpy_r_r47 = (Py_ssize_t)cpy_r_r33 < (Py_ssize_t)cpy_r_next_deadline;
    if (cpy_r_r47) {
        goto CPyL38;
    } else
        goto CPyL39;
CPyL23: ;
    cpy_r_next_deadline = cpy_r_r33;
CPyL24: ;
    cpy_r_r48 = CPyDict_CheckSize(cpy_r_r4, cpy_r_r6);
    if (unlikely(!cpy_r_r48)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "_finalise_due", 360, CPyStatic_bars___globals);
        goto CPyL37;
    } else
        goto CPyL3;
CPyL25: ;
    cpy_r_r49 = CPy_NoErrOccurred();
    if (unlikely(!cpy_r_r49)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "_finalise_due", 360, CPyStatic_bars___globals);
        goto CPyL40;
    }
    CPyTagged_DECREF(((spotlight_trader___market___bars___BarBuilderObject *)cpy_r_self)->__next_deadline_ms);
    ((spotlight_trader___market___bars___BarBuilderObject *)cpy_r_self)->__next_deadline_ms = cpy_r_next_deadline;
    return 1;
CPyL27: ;
    cpy_r_r51 = 2;
    return cpy_r_r51;
CPyL28: ;
    CPyTagged_DecRef(cpy_r_next_deadline);
    CPy_DecRef(cpy_r_r4);
    goto CPyL27;
CPyL29: ;
    CPy_DECREF(cpy_r_r4);
    CPy_DECREF(cpy_r_r7);
    CPy_DECREF(cpy_r_r8.f2);
    CPy_DECREF(cpy_r_r8.f3);
    goto CPyL25;
CPyL30: ;
    CPyTagged_DecRef(cpy_r_next_deadline);
    CPy_DecRef(cpy_r_r4);
    CPy_DecRef(cpy_r_r7);
    CPy_DecRef(cpy_r_r12);
    goto CPyL27;
CPyL31: ;
    CPyTagged_DecRef(cpy_r_next_deadline);
    CPy_DecRef(cpy_r_r4);
    CPy_DecRef(cpy_r_r7);
    CPy_DecRef(cpy_r_r13);
    goto CPyL27;
CPyL32: ;
    CPyTagged_DecRef(cpy_r_next_deadline);
    CPy_DecRef(cpy_r_r4);
    CPy_DecRef(cpy_r_r7);
    CPy_DecRef(cpy_r_r13);
    CPy_DecRef(cpy_r_r14);
    CPyTagged_DecRef(cpy_r_r15);
    goto CPyL27;
CPyL33: ;
    CPy_DECREF(cpy_r_r13);
    CPy_DECREF(cpy_r_r14);
    goto CPyL24;
CPyL34: ;
    CPyTagged_DecRef(cpy_r_next_deadline);
    CPy_DecRef(cpy_r_r4);
    CPy_DecRef(cpy_r_r7);
    CPy_DecRef(cpy_r_r13);
    CPy_DecRef(cpy_r_r14);
    CPyTagged_DecRef(cpy_r_r26);
    goto CPyL27;
CPyL35: ;
    CPyTagged_DECREF(cpy_r_r33);
    goto CPyL18;
CPyL36: ;
    CPy_DECREF(cpy_r_r13);
    CPy_DECREF(cpy_r_r14);
    goto CPyL19;
CPyL37: ;
    CPyTagged_DecRef(cpy_r_next_deadline);
    CPy_DecRef(cpy_r_r4);
    CPy_DecRef(cpy_r_r7);
    goto CPyL27;
CPyL38: ;
    CPyTagged_DECREF(cpy_r_next_deadline);
    goto CPyL23;
CPyL39: ;
    CPyTagged_DECREF(cpy_r_r33);
    goto CPyL24;
CPyL40: ;
    CPyTagged_DecRef(cpy_r_next_deadline);
    goto CPyL27;
}
        
        PyObject *CPyPy_bars___BarBuilder____finalise_due(PyObject *self, PyObject *const *args, size_t nargs, PyObject *kwnames) {
            PyObject *obj_self = self;
            static const char * const kwlist[] = {"now_ms", 0};
            static CPyArg_Parser parser = {"O:_finalise_due", kwlist, 0};
            PyObject *obj_now_ms;
            if (!CPyArg_ParseStackAndKeywordsOneArg(args, nargs, kwnames, &parser, &obj_now_ms)) {
                return NULL;
            }
            PyObject *arg_self;
            if (likely(Py_TYPE(obj_self) == CPyType_bars___BarBuilder))
                arg_self = obj_self;
            else {
                CPy_TypeError("spotlight_trader.market.bars.BarBuilder", obj_self); 
                goto fail;
            }
            CPyTagged arg_now_ms;
            if (likely(PyLong_Check(obj_now_ms)))
                arg_now_ms = CPyTagged_BorrowFromObject(obj_now_ms);
            else {
                CPy_TypeError("int", obj_now_ms); goto fail;
            }
            char retval = CPyDef_bars___BarBuilder____finalise_due(arg_self, arg_now_ms);
            if (retval == 2) {
                return NULL;
            }
            PyObject *retbox = Py_None;
            CPy_INCREF(retbox);
            return retbox;
fail: ;
            CPy_AddTraceback("src/spotlight_trader/market/bars.py", "_finalise_due", 358, CPyStatic_bars___globals);
            return NULL;
        }
        
PyObject *CPyDef_bars___build_bars(PyObject *cpy_r_trades, CPyTagged cpy_r_grace_ms) {
    PyObject *cpy_r_r0;
    PyObject *cpy_r_r1;
    PyObject *cpy_r_r2;
    PyObject *cpy_r_r3;
    CPyTagged cpy_r_r4;
    PyObject *cpy_r_r5;
    char cpy_r_r6;
    char cpy_r_r7;
    PyObject *cpy_r_r8;
    if (cpy_r_grace_ms != CPY_INT_TAG) goto CPyL9;
    cpy_r_grace_ms = 4000;
CPyL2: ;
    cpy_r_r0 = PyList_New(0);
    if (unlikely(cpy_r_r0 == NULL)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "build_bars", 373, CPyStatic_bars___globals);
        goto CPyL10;
    }
    cpy_r_r1 = CPyStatics[31]; /* 'append' */
    cpy_r_r2 = CPyObject_GetAttr(cpy_r_r0, cpy_r_r1);
    if (unlikely(cpy_r_r2 == NULL)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "build_bars", 374, CPyStatic_bars___globals);
        goto CPyL11;
    }
    cpy_r_r3 = NULL;
    cpy_r_r4 = CPY_INT_TAG;
    cpy_r_r5 = CPyDef_bars___BarBuilder(cpy_r_r2, cpy_r_r3, cpy_r_grace_ms, 1, cpy_r_r4);
    CPy_DECREF(cpy_r_r2);
    CPyTagged_DECREF(cpy_r_grace_ms);
    if (unlikely(cpy_r_r5 == NULL)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "build_bars", 374, CPyStatic_bars___globals);
        goto CPyL12;
    }
    cpy_r_r6 = CPyDef_bars___BarBuilder___on_trades(cpy_r_r5, cpy_r_trades);
    if (unlikely(cpy_r_r6 == 2)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "build_bars", 375, CPyStatic_bars___globals);
        goto CPyL13;
    }
    cpy_r_r7 = CPyDef_bars___BarBuilder___flush(cpy_r_r5);
    CPy_DECREF(cpy_r_r5);
    if (unlikely(cpy_r_r7 == 2)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "build_bars", 376, CPyStatic_bars___globals);
        goto CPyL12;
    }
    return cpy_r_r0;
CPyL8: ;
    cpy_r_r8 = NULL;
    return cpy_r_r8;
CPyL9: ;
    CPyTagged_INCREF(cpy_r_grace_ms);
    goto CPyL2;
CPyL10: ;
    CPyTagged_DecRef(cpy_r_grace_ms);
    goto CPyL8;
CPyL11: ;
    CPyTagged_DecRef(cpy_r_grace_ms);
    CPy_DecRef(cpy_r_r0);
    goto CPyL8;
CPyL12: ;
    CPy_DecRef(cpy_r_r0);
    goto CPyL8;
CPyL13: ;
    CPy_DecRef(cpy_r_r0);
    CPy_DecRef(cpy_r_r5);
    goto CPyL8;
}
        
        PyObject *CPyPy_bars___build_bars(PyObject *self, PyObject *const *args, size_t nargs, PyObject *kwnames) {
            static const char * const kwlist[] = {"trades", "grace_ms", 0};
            static CPyArg_Parser parser = {"O|$O:build_bars", kwlist, 0};
            PyObject *obj_trades;
            PyObject *obj_grace_ms = NULL;
            if (!CPyArg_ParseStackAndKeywords(args, nargs, kwnames, &parser, &obj_trades, &obj_grace_ms)) {
                return NULL;
            }
            PyObject *arg_trades = obj_trades;
            CPyTagged arg_grace_ms;
            if (obj_grace_ms == NULL) {
                arg_grace_ms = CPY_INT_TAG;
            } else if (likely(PyLong_Check(obj_grace_ms)))
                arg_grace_ms = CPyTagged_BorrowFromObject(obj_grace_ms);
            else {
                CPy_TypeError("int", obj_grace_ms); goto fail;
            }
            PyObject *retval = CPyDef_bars___build_bars(arg_trades, arg_grace_ms);
            return retval;
fail: ;
            CPy_AddTraceback("src/spotlight_trader/market/bars.py", "build_bars", 371, CPyStatic_bars___globals);
            return NULL;
        }
        
char CPyDef_bars_____top_level__(void) {
    void *cpy_r_r0;
    PyObject *cpy_r_r1;
    PyObject *cpy_r_r2;
    PyObject *cpy_r_r3;
    char cpy_r_r4;
    PyObject *cpy_r_r5;
    PyObject *cpy_r_r6;
    PyObject *cpy_r_r7;
    PyObject *cpy_r_r8;
    PyObject *cpy_r_r9;
    void *cpy_r_r10;
    PyObject *cpy_r_r11;
    PyObject *cpy_r_r12;
    PyObject *cpy_r_r13;
    PyObject *cpy_r_r14;
    void *cpy_r_r15;
    PyObject *cpy_r_r16;
    PyObject *cpy_r_r17;
    PyObject *cpy_r_r18;
    PyObject *cpy_r_r19;
    void *cpy_r_r20;
    void *cpy_r_r21;
    void *cpy_r_r22;
    void *cpy_r_r23;
    char cpy_r_r24;
    PyObject *cpy_r_r25;
    PyObject *cpy_r_r26;
    PyObject *cpy_r_r27;
    PyObject *cpy_r_r28;
    void *cpy_r_r29;
    void *cpy_r_r30;
    PyObject **cpy_r_r31;
    PyObject *cpy_r_r32;
    PyObject *cpy_r_r33;
    PyObject *cpy_r_r34;
    PyObject *cpy_r_r35;
    PyObject *cpy_r_r36;
    PyObject *cpy_r_r37;
    PyObject *cpy_r_r38;
    PyObject *cpy_r_r39;
    PyObject *cpy_r_r40;
    PyObject *cpy_r_r41;
    PyObject *cpy_r_r42;
    PyObject *cpy_r_r43;
    PyObject *cpy_r_r44;
    PyObject *cpy_r_r45;
    PyObject *cpy_r_r46;
    void *cpy_r_r47;
    PyObject *cpy_r_r48;
    PyObject *cpy_r_r49;
    PyObject *cpy_r_r50;
    PyObject *cpy_r_r51;
    PyObject *cpy_r_r52;
    PyObject *cpy_r_r53;
    PyObject *cpy_r_r54;
    CPyPtr cpy_r_r55;
    CPyPtr cpy_r_r56;
    PyObject *cpy_r_r57;
    tuple_T2OO cpy_r_r58;
    PyObject *cpy_r_r59;
    PyObject *cpy_r_r60;
    PyObject *cpy_r_r61;
    PyObject *cpy_r_r62;
    int32_t cpy_r_r63;
    char cpy_r_r64;
    PyObject *cpy_r_r65;
    PyObject *cpy_r_r66;
    PyObject *cpy_r_r67;
    PyObject *cpy_r_r68;
    PyObject *cpy_r_r69;
    PyObject *cpy_r_r70;
    PyObject *cpy_r_r71;
    CPyPtr cpy_r_r72;
    CPyPtr cpy_r_r73;
    PyObject *cpy_r_r74;
    tuple_T2OO cpy_r_r75;
    PyObject *cpy_r_r76;
    PyObject *cpy_r_r77;
    PyObject *cpy_r_r78;
    PyObject *cpy_r_r79;
    int32_t cpy_r_r80;
    char cpy_r_r81;
    PyObject *cpy_r_r82;
    PyObject *cpy_r_r83;
    PyObject *cpy_r_r84;
    int32_t cpy_r_r85;
    char cpy_r_r86;
    PyObject *cpy_r_r87;
    PyObject *cpy_r_r88;
    PyObject *cpy_r_r89;
    int32_t cpy_r_r90;
    char cpy_r_r91;
    PyObject *cpy_r_r92;
    PyObject *cpy_r_r93;
    PyObject *cpy_r_r94;
    int32_t cpy_r_r95;
    char cpy_r_r96;
    PyObject *cpy_r_r97;
    PyObject *cpy_r_r98;
    PyObject *cpy_r_r99;
    int32_t cpy_r_r100;
    char cpy_r_r101;
    PyObject *cpy_r_r102;
    PyObject *cpy_r_r103;
    PyObject *cpy_r_r104;
    PyObject *cpy_r_r105;
    char cpy_r_r106;
    char cpy_r_r107;
    PyObject *cpy_r_r108;
    PyObject *cpy_r_r109;
    PyObject *cpy_r_r110;
    PyObject *cpy_r_r111;
    PyObject *cpy_r_r112;
    PyObject *cpy_r_r113;
    PyObject *cpy_r_r114;
    PyObject *cpy_r_r115;
    PyObject *cpy_r_r116;
    int32_t cpy_r_r117;
    char cpy_r_r118;
    PyObject *cpy_r_r119;
    PyObject *cpy_r_r120;
    int32_t cpy_r_r121;
    char cpy_r_r122;
    PyObject *cpy_r_r123;
    tuple_T0 cpy_r_r124;
    PyObject *cpy_r_r125;
    PyObject *cpy_r_r126;
    PyObject *cpy_r_r127;
    PyObject *cpy_r_r128;
    int32_t cpy_r_r129;
    char cpy_r_r130;
    PyObject *cpy_r_r131;
    PyObject *cpy_r_r132;
    int32_t cpy_r_r133;
    char cpy_r_r134;
    PyObject *cpy_r_r135;
    PyObject *cpy_r_r136;
    int32_t cpy_r_r137;
    char cpy_r_r138;
    PyObject *cpy_r_r139;
    PyObject *cpy_r_r140;
    int32_t cpy_r_r141;
    char cpy_r_r142;
    PyObject *cpy_r_r143;
    PyObject *cpy_r_r144;
    int32_t cpy_r_r145;
    char cpy_r_r146;
    PyObject *cpy_r_r147;
    PyObject *cpy_r_r148;
    int32_t cpy_r_r149;
    char cpy_r_r150;
    PyObject *cpy_r_r151;
    PyObject *cpy_r_r152;
    int32_t cpy_r_r153;
    char cpy_r_r154;
    PyObject *cpy_r_r155;
    PyObject *cpy_r_r156;
    int32_t cpy_r_r157;
    char cpy_r_r158;
    PyObject *cpy_r_r159;
    PyObject *cpy_r_r160;
    int32_t cpy_r_r161;
    char cpy_r_r162;
    PyObject *cpy_r_r163;
    PyObject *cpy_r_r164;
    int32_t cpy_r_r165;
    char cpy_r_r166;
    PyObject *cpy_r_r167;
    PyObject *cpy_r_r168;
    int32_t cpy_r_r169;
    char cpy_r_r170;
    PyObject *cpy_r_r171;
    PyObject *cpy_r_r172;
    int32_t cpy_r_r173;
    char cpy_r_r174;
    PyObject *cpy_r_r175;
    PyObject *cpy_r_r176;
    int32_t cpy_r_r177;
    char cpy_r_r178;
    PyObject *cpy_r_r179;
    PyObject *cpy_r_r180;
    int32_t cpy_r_r181;
    char cpy_r_r182;
    char cpy_r_r183;
    PyObject *cpy_r_r184;
    int32_t cpy_r_r185;
    char cpy_r_r186;
    PyObject *cpy_r_r187;
    PyObject *cpy_r_r188;
    int32_t cpy_r_r189;
    char cpy_r_r190;
    PyObject *cpy_r_r191;
    PyObject *cpy_r_r192;
    int32_t cpy_r_r193;
    char cpy_r_r194;
    PyObject *cpy_r_r195;
    PyObject *cpy_r_r196;
    PyObject *cpy_r_r197;
    PyObject *cpy_r_r198;
    PyObject **cpy_r_r200;
    PyObject *cpy_r_r201;
    PyObject *cpy_r_r202;
    PyObject *cpy_r_r203;
    char cpy_r_r204;
    PyObject *cpy_r_r205;
    PyObject *cpy_r_r206;
    PyObject *cpy_r_r207;
    PyObject *cpy_r_r208;
    char cpy_r_r209;
    char cpy_r_r210;
    PyObject *cpy_r_r211;
    PyObject *cpy_r_r212;
    PyObject *cpy_r_r213;
    PyObject *cpy_r_r214;
    PyObject *cpy_r_r215;
    PyObject *cpy_r_r216;
    PyObject *cpy_r_r217;
    PyObject *cpy_r_r218;
    PyObject *cpy_r_r219;
    PyObject *cpy_r_r220;
    PyObject *cpy_r_r221;
    PyObject *cpy_r_r222;
    PyObject *cpy_r_r223;
    PyObject *cpy_r_r224;
    PyObject *cpy_r_r225;
    PyObject *cpy_r_r226;
    PyObject *cpy_r_r227;
    PyObject *cpy_r_r228;
    PyObject *cpy_r_r229;
    PyObject *cpy_r_r230;
    PyObject *cpy_r_r231;
    PyObject *cpy_r_r232;
    PyObject *cpy_r_r233;
    int32_t cpy_r_r234;
    char cpy_r_r235;
    PyObject *cpy_r_r236;
    PyObject *cpy_r_r237;
    int32_t cpy_r_r238;
    char cpy_r_r239;
    char cpy_r_r240;
    PyObject *cpy_r_r241;
    PyObject *cpy_r_r242;
    PyObject *cpy_r_r243;
    PyObject *cpy_r_r244;
    char cpy_r_r245;
    char cpy_r_r246;
    PyObject *cpy_r_r247;
    PyObject *cpy_r_r248;
    PyObject *cpy_r_r249;
    PyObject *cpy_r_r250;
    PyObject *cpy_r_r251;
    PyObject *cpy_r_r252;
    PyObject *cpy_r_r253;
    PyObject *cpy_r_r254;
    PyObject *cpy_r_r255;
    PyObject *cpy_r_r256;
    PyObject *cpy_r_r257;
    PyObject *cpy_r_r258;
    PyObject *cpy_r_r259;
    PyObject *cpy_r_r260;
    PyObject *cpy_r_r261;
    int32_t cpy_r_r262;
    char cpy_r_r263;
    PyObject *cpy_r_r264;
    PyObject *cpy_r_r265;
    int32_t cpy_r_r266;
    char cpy_r_r267;
    char cpy_r_r268;
    char cpy_r_r269;
    cpy_r_r0 = (void *)&CPyModule_builtins;
    cpy_r_r1 = CPyStatics[32]; /* 'builtins' */
    cpy_r_r2 = CPyImport_GetModuleCacheForImport(cpy_r_r0, cpy_r_r1);
    if (unlikely(cpy_r_r2 == NULL)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "<module>", 1, CPyStatic_bars___globals);
        goto CPyL74;
    }
    cpy_r_r3 = (PyObject *)&_Py_NoneStruct;
    cpy_r_r4 = cpy_r_r2 != cpy_r_r3;
    if (cpy_r_r4) goto CPyL4;
    cpy_r_r5 = PyImport_Import(cpy_r_r1);
    if (unlikely(cpy_r_r5 == NULL)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "<module>", 1, CPyStatic_bars___globals);
        goto CPyL74;
    }
    CPyImport_ReplaceModuleCacheForImport(cpy_r_r0, cpy_r_r5);
    CPy_DECREF(cpy_r_r5);
CPyL4: ;
    cpy_r_r6 = CPyStatics[144]; /* ('annotations',) */
    cpy_r_r7 = CPyStatics[34]; /* '__future__' */
    cpy_r_r8 = CPyStatic_bars___globals;
    cpy_r_r9 = CPyImport_ImportFromMany(cpy_r_r7, cpy_r_r6, cpy_r_r6, cpy_r_r8);
    if (unlikely(cpy_r_r9 == NULL)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "<module>", 21, CPyStatic_bars___globals);
        goto CPyL74;
    }
    cpy_r_r10 = (void *)&CPyModule___future__;
    CPyImport_ReplaceModuleCacheForImport(cpy_r_r10, cpy_r_r9);
    CPy_DECREF(cpy_r_r9);
    cpy_r_r11 = CPyStatics[145]; /* ('Callable', 'Iterable') */
    cpy_r_r12 = CPyStatics[37]; /* 'collections.abc' */
    cpy_r_r13 = CPyStatic_bars___globals;
    cpy_r_r14 = CPyImport_ImportFromMany(cpy_r_r12, cpy_r_r11, cpy_r_r11, cpy_r_r13);
    if (unlikely(cpy_r_r14 == NULL)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "<module>", 23, CPyStatic_bars___globals);
        goto CPyL74;
    }
    cpy_r_r15 = (void *)&CPyModule_collections___abc;
    CPyImport_ReplaceModuleCacheForImport(cpy_r_r15, cpy_r_r14);
    CPy_DECREF(cpy_r_r14);
    cpy_r_r16 = CPyStatics[146]; /* ('dataclass',) */
    cpy_r_r17 = CPyStatics[39]; /* 'dataclasses' */
    cpy_r_r18 = CPyStatic_bars___globals;
    cpy_r_r19 = CPyImport_ImportFromMany(cpy_r_r17, cpy_r_r16, cpy_r_r16, cpy_r_r18);
    if (unlikely(cpy_r_r19 == NULL)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "<module>", 24, CPyStatic_bars___globals);
        goto CPyL74;
    }
    cpy_r_r20 = (void *)&CPyModule_dataclasses;
    CPyImport_ReplaceModuleCacheForImport(cpy_r_r20, cpy_r_r19);
    CPy_DECREF(cpy_r_r19);
    cpy_r_r21 = (void *)&CPyModule_spotlight_trader___market___conditions;
    cpy_r_r22 = (void *)&CPyImportState_spotlight_trader___market___conditions;
    cpy_r_r23 = CPyModuleLockAPI_dc479947e61d54220be4;
    cpy_r_r24 = CPyImport_IsInitialized(cpy_r_r22);
    if (!cpy_r_r24) goto CPyL10;
    cpy_r_r25 = PyImport_GetModuleDict();
    cpy_r_r26 = CPyStatics[40]; /* 'spotlight_trader.market.conditions' */
    cpy_r_r27 = CPyDict_GetItem(cpy_r_r25, cpy_r_r26);
    if (unlikely(cpy_r_r27 == NULL)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "<module>", 26, CPyStatic_bars___globals);
        goto CPyL74;
    }
    cpy_r_r28 = cpy_r_r27;
    goto CPyL14;
CPyL10: ;
    cpy_r_r29 = CPyInitOnly_spotlight_trader___market___conditions;
    cpy_r_r30 = CPyExec_spotlight_trader___market___conditions;
    cpy_r_r31 = (PyObject **)&CPyModule_spotlight_trader___market___conditions__internal;
    cpy_r_r32 = PyImport_GetModuleDict();
    cpy_r_r33 = CPyStatics[41]; /* 'dc479947e61d54220be4__mypyc' */
    cpy_r_r34 = CPyDict_GetItem(cpy_r_r32, cpy_r_r33);
    if (unlikely(cpy_r_r34 == NULL)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "<module>", 26, CPyStatic_bars___globals);
        goto CPyL74;
    }
    cpy_r_r35 = CPyStatics[42]; /* '__file__' */
    cpy_r_r36 = CPyObject_GetAttr(cpy_r_r34, cpy_r_r35);
    CPy_DECREF(cpy_r_r34);
    if (unlikely(cpy_r_r36 == NULL)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "<module>", 26, CPyStatic_bars___globals);
        goto CPyL74;
    }
    cpy_r_r37 = CPyStatics[43]; /* '.cpython-311-x86_64-linux-gnu.so' */
    cpy_r_r38 = CPyStatics[40]; /* 'spotlight_trader.market.conditions' */
    cpy_r_r39 = CPyImport_ImportNative(cpy_r_r38, cpy_r_r29, cpy_r_r30, cpy_r_r31, cpy_r_r21, cpy_r_r22, cpy_r_r23, cpy_r_r36, cpy_r_r37, 0);
    CPy_DECREF(cpy_r_r36);
    if (unlikely(cpy_r_r39 == NULL)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "<module>", 26, CPyStatic_bars___globals);
        goto CPyL74;
    }
    cpy_r_r28 = cpy_r_r39;
CPyL14: ;
    cpy_r_r40 = CPyStatics[147]; /* ('HIGH_LOW', 'OPEN_CLOSE', 'VOLUME', 'eligibility') */
    cpy_r_r41 = CPyStatic_bars___globals;
    cpy_r_r42 = CPyImport_GetNativeAttrs(cpy_r_r28, cpy_r_r40, cpy_r_r40, cpy_r_r41);
    CPy_DECREF(cpy_r_r28);
    if (unlikely(cpy_r_r42 == NULL)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "<module>", 26, CPyStatic_bars___globals);
        goto CPyL74;
    } else
        goto CPyL75;
CPyL15: ;
    cpy_r_r43 = CPyStatics[148]; /* ('MICRO_MS', 'MINUTE_MS', 'Bar', 'FormingBar', 'Microbar', 'Quote', 'Trade') */
    cpy_r_r44 = CPyStatics[50]; /* 'spotlight_trader.model' */
    cpy_r_r45 = CPyStatic_bars___globals;
    cpy_r_r46 = CPyImport_ImportFromMany(cpy_r_r44, cpy_r_r43, cpy_r_r43, cpy_r_r45);
    if (unlikely(cpy_r_r46 == NULL)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "<module>", 27, CPyStatic_bars___globals);
        goto CPyL74;
    }
    cpy_r_r47 = (void *)&CPyModule_spotlight_trader___model;
    CPyImport_ReplaceModuleCacheForImport(cpy_r_r47, cpy_r_r46);
    CPy_DECREF(cpy_r_r46);
    cpy_r_r48 = CPyStatic_bars___globals;
    cpy_r_r49 = CPyStatics[35]; /* 'Callable' */
    cpy_r_r50 = CPyDict_GetItem(cpy_r_r48, cpy_r_r49);
    if (unlikely(cpy_r_r50 == NULL)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "<module>", 29, CPyStatic_bars___globals);
        goto CPyL74;
    }
    cpy_r_r51 = CPyStatic_bars___globals;
    cpy_r_r52 = CPyStatics[29]; /* 'Bar' */
    cpy_r_r53 = CPyDict_GetItem(cpy_r_r51, cpy_r_r52);
    if (unlikely(cpy_r_r53 == NULL)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "<module>", 29, CPyStatic_bars___globals);
        goto CPyL76;
    }
    cpy_r_r54 = PyList_New(1);
    if (unlikely(cpy_r_r54 == NULL)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "<module>", 29, CPyStatic_bars___globals);
        goto CPyL77;
    }
    cpy_r_r55 = (CPyPtr)((CPyPtr)cpy_r_r54 + offsetof(PyListObject, ob_item));
    cpy_r_r56 = *(CPyPtr *)cpy_r_r55;
    *(PyObject * *)cpy_r_r56 = cpy_r_r53;
    cpy_r_r57 = Py_None;
    CPy_INCREF(cpy_r_r57);
    cpy_r_r58.f0 = cpy_r_r54;
    cpy_r_r58.f1 = cpy_r_r57;
    cpy_r_r59 = PyTuple_New(2);
    if (unlikely(cpy_r_r59 == NULL))
        CPyError_OutOfMemory();
    PyObject *__tmp8 = cpy_r_r58.f0;
    PyTuple_SET_ITEM(cpy_r_r59, 0, __tmp8);
    PyObject *__tmp9 = cpy_r_r58.f1;
    PyTuple_SET_ITEM(cpy_r_r59, 1, __tmp9);
    cpy_r_r60 = PyObject_GetItem(cpy_r_r50, cpy_r_r59);
    CPy_DECREF(cpy_r_r50);
    CPy_DECREF(cpy_r_r59);
    if (unlikely(cpy_r_r60 == NULL)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "<module>", 29, CPyStatic_bars___globals);
        goto CPyL74;
    }
    cpy_r_r61 = CPyStatic_bars___globals;
    cpy_r_r62 = CPyStatics[51]; /* 'BarSink' */
    cpy_r_r63 = CPyDict_SetItem(cpy_r_r61, cpy_r_r62, cpy_r_r60);
    CPy_DECREF(cpy_r_r60);
    cpy_r_r64 = cpy_r_r63 >= 0;
    if (unlikely(!cpy_r_r64)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "<module>", 29, CPyStatic_bars___globals);
        goto CPyL74;
    }
    cpy_r_r65 = CPyStatic_bars___globals;
    cpy_r_r66 = CPyStatics[35]; /* 'Callable' */
    cpy_r_r67 = CPyDict_GetItem(cpy_r_r65, cpy_r_r66);
    if (unlikely(cpy_r_r67 == NULL)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "<module>", 30, CPyStatic_bars___globals);
        goto CPyL74;
    }
    cpy_r_r68 = CPyStatic_bars___globals;
    cpy_r_r69 = CPyStatics[26]; /* 'Microbar' */
    cpy_r_r70 = CPyDict_GetItem(cpy_r_r68, cpy_r_r69);
    if (unlikely(cpy_r_r70 == NULL)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "<module>", 30, CPyStatic_bars___globals);
        goto CPyL78;
    }
    cpy_r_r71 = PyList_New(1);
    if (unlikely(cpy_r_r71 == NULL)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "<module>", 30, CPyStatic_bars___globals);
        goto CPyL79;
    }
    cpy_r_r72 = (CPyPtr)((CPyPtr)cpy_r_r71 + offsetof(PyListObject, ob_item));
    cpy_r_r73 = *(CPyPtr *)cpy_r_r72;
    *(PyObject * *)cpy_r_r73 = cpy_r_r70;
    cpy_r_r74 = Py_None;
    CPy_INCREF(cpy_r_r74);
    cpy_r_r75.f0 = cpy_r_r71;
    cpy_r_r75.f1 = cpy_r_r74;
    cpy_r_r76 = PyTuple_New(2);
    if (unlikely(cpy_r_r76 == NULL))
        CPyError_OutOfMemory();
    PyObject *__tmp10 = cpy_r_r75.f0;
    PyTuple_SET_ITEM(cpy_r_r76, 0, __tmp10);
    PyObject *__tmp11 = cpy_r_r75.f1;
    PyTuple_SET_ITEM(cpy_r_r76, 1, __tmp11);
    cpy_r_r77 = PyObject_GetItem(cpy_r_r67, cpy_r_r76);
    CPy_DECREF(cpy_r_r67);
    CPy_DECREF(cpy_r_r76);
    if (unlikely(cpy_r_r77 == NULL)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "<module>", 30, CPyStatic_bars___globals);
        goto CPyL74;
    }
    cpy_r_r78 = CPyStatic_bars___globals;
    cpy_r_r79 = CPyStatics[52]; /* 'MicrobarSink' */
    cpy_r_r80 = CPyDict_SetItem(cpy_r_r78, cpy_r_r79, cpy_r_r77);
    CPy_DECREF(cpy_r_r77);
    cpy_r_r81 = cpy_r_r80 >= 0;
    if (unlikely(!cpy_r_r81)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "<module>", 30, CPyStatic_bars___globals);
        goto CPyL74;
    }
    cpy_r_r82 = CPyStatic_bars___globals;
    cpy_r_r83 = CPyStatics[9]; /* 'MIN_TS_MS' */
    cpy_r_r84 = CPyStatics[117]; /* 946684800000 */
    cpy_r_r85 = CPyDict_SetItem(cpy_r_r82, cpy_r_r83, cpy_r_r84);
    cpy_r_r86 = cpy_r_r85 >= 0;
    if (unlikely(!cpy_r_r86)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "<module>", 32, CPyStatic_bars___globals);
        goto CPyL74;
    }
    cpy_r_r87 = CPyStatic_bars___globals;
    cpy_r_r88 = CPyStatics[4]; /* 'MAX_TS_MS' */
    cpy_r_r89 = CPyStatics[118]; /* 4102444800000 */
    cpy_r_r90 = CPyDict_SetItem(cpy_r_r87, cpy_r_r88, cpy_r_r89);
    cpy_r_r91 = cpy_r_r90 >= 0;
    if (unlikely(!cpy_r_r91)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "<module>", 33, CPyStatic_bars___globals);
        goto CPyL74;
    }
    cpy_r_r92 = CPyStatic_bars___globals;
    cpy_r_r93 = CPyStatics[8]; /* 'MAX_PRICE' */
    cpy_r_r94 = PyFloat_FromDouble(10000000.0);
    cpy_r_r95 = CPyDict_SetItem(cpy_r_r92, cpy_r_r93, cpy_r_r94);
    CPy_DECREF(cpy_r_r94);
    cpy_r_r96 = cpy_r_r95 >= 0;
    if (unlikely(!cpy_r_r96)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "<module>", 34, CPyStatic_bars___globals);
        goto CPyL74;
    }
    cpy_r_r97 = CPyStatic_bars___globals;
    cpy_r_r98 = CPyStatics[3]; /* '_NO_CLOCK' */
    cpy_r_r99 = CPyStatics[119]; /* -1 */
    cpy_r_r100 = CPyDict_SetItem(cpy_r_r97, cpy_r_r98, cpy_r_r99);
    cpy_r_r101 = cpy_r_r100 >= 0;
    if (unlikely(!cpy_r_r101)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "<module>", 35, CPyStatic_bars___globals);
        goto CPyL74;
    }
    cpy_r_r102 = NULL;
    cpy_r_r103 = CPyStatics[53]; /* 'spotlight_trader.market.bars' */
    cpy_r_r104 = (PyObject *)CPyType_bars___BuilderStats_template;
    cpy_r_r105 = CPyType_FromTemplate(cpy_r_r104, cpy_r_r102, cpy_r_r103);
    if (unlikely(cpy_r_r105 == NULL)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "<module>", 39, CPyStatic_bars___globals);
        goto CPyL74;
    }
    cpy_r_r106 = CPyDef_bars___BuilderStats_trait_vtable_setup();
    if (unlikely(cpy_r_r106 == 2)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "<module>", 39, CPyStatic_bars___globals);
        goto CPyL80;
    }
    cpy_r_r107 = CPyDef_bars___BuilderStats_coroutine_setup(cpy_r_r105);
    if (unlikely(cpy_r_r107 == 2)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "<module>", 39, CPyStatic_bars___globals);
        goto CPyL80;
    }
    cpy_r_r108 = CPyStatics[54]; /* '__mypyc_attrs__' */
    cpy_r_r109 = CPyStatics[25]; /* 'trades' */
    cpy_r_r110 = CPyStatics[55]; /* 'ineligible' */
    cpy_r_r111 = CPyStatics[56]; /* 'late_trades' */
    cpy_r_r112 = CPyStatics[57]; /* 'rejected' */
    cpy_r_r113 = CPyStatics[58]; /* 'bars' */
    cpy_r_r114 = CPyStatics[59]; /* 'microbars' */
    cpy_r_r115 = CPyStatics[60]; /* 'unpriced_volume' */
    cpy_r_r116 = PyTuple_Pack(7, cpy_r_r109, cpy_r_r110, cpy_r_r111, cpy_r_r112, cpy_r_r113, cpy_r_r114, cpy_r_r115);
    if (unlikely(cpy_r_r116 == NULL)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "<module>", 39, CPyStatic_bars___globals);
        goto CPyL80;
    }
    cpy_r_r117 = PyObject_SetAttr(cpy_r_r105, cpy_r_r108, cpy_r_r116);
    CPy_DECREF(cpy_r_r116);
    cpy_r_r118 = cpy_r_r117 >= 0;
    if (unlikely(!cpy_r_r118)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "<module>", 39, CPyStatic_bars___globals);
        goto CPyL80;
    }
    CPyType_bars___BuilderStats = (PyTypeObject *)cpy_r_r105;
    CPy_INCREF(CPyType_bars___BuilderStats);
    cpy_r_r119 = CPyStatic_bars___globals;
    cpy_r_r120 = CPyStatics[61]; /* 'BuilderStats' */
    cpy_r_r121 = PyDict_SetItem(cpy_r_r119, cpy_r_r120, cpy_r_r105);
    cpy_r_r122 = cpy_r_r121 >= 0;
    if (unlikely(!cpy_r_r122)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "<module>", 39, CPyStatic_bars___globals);
        goto CPyL80;
    }
    cpy_r_r123 = PyDict_New();
    if (unlikely(cpy_r_r123 == NULL)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "<module>", 39, CPyStatic_bars___globals);
        goto CPyL80;
    }
    cpy_r_r124.empty_struct_error_flag = 0;
    cpy_r_r125 = PyDict_New();
    if (unlikely(cpy_r_r125 == NULL)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "<module>", 39, CPyStatic_bars___globals);
        goto CPyL81;
    }
    cpy_r_r126 = (PyObject *)&PyType_Type;
    cpy_r_r127 = (PyObject *)&PyLong_Type;
    cpy_r_r128 = CPyStatics[25]; /* 'trades' */
    cpy_r_r129 = PyDict_SetItem(cpy_r_r125, cpy_r_r128, cpy_r_r127);
    cpy_r_r130 = cpy_r_r129 >= 0;
    if (unlikely(!cpy_r_r130)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "<module>", 42, CPyStatic_bars___globals);
        goto CPyL82;
    }
    cpy_r_r131 = CPyStatics[25]; /* 'trades' */
    cpy_r_r132 = CPyStatics[120]; /* 0 */
    cpy_r_r133 = CPyDict_SetItem(cpy_r_r123, cpy_r_r131, cpy_r_r132);
    cpy_r_r134 = cpy_r_r133 >= 0;
    if (unlikely(!cpy_r_r134)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "<module>", 42, CPyStatic_bars___globals);
        goto CPyL82;
    }
    cpy_r_r135 = (PyObject *)&PyLong_Type;
    cpy_r_r136 = CPyStatics[55]; /* 'ineligible' */
    cpy_r_r137 = PyDict_SetItem(cpy_r_r125, cpy_r_r136, cpy_r_r135);
    cpy_r_r138 = cpy_r_r137 >= 0;
    if (unlikely(!cpy_r_r138)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "<module>", 43, CPyStatic_bars___globals);
        goto CPyL82;
    }
    cpy_r_r139 = CPyStatics[55]; /* 'ineligible' */
    cpy_r_r140 = CPyStatics[120]; /* 0 */
    cpy_r_r141 = CPyDict_SetItem(cpy_r_r123, cpy_r_r139, cpy_r_r140);
    cpy_r_r142 = cpy_r_r141 >= 0;
    if (unlikely(!cpy_r_r142)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "<module>", 43, CPyStatic_bars___globals);
        goto CPyL82;
    }
    cpy_r_r143 = (PyObject *)&PyLong_Type;
    cpy_r_r144 = CPyStatics[56]; /* 'late_trades' */
    cpy_r_r145 = PyDict_SetItem(cpy_r_r125, cpy_r_r144, cpy_r_r143);
    cpy_r_r146 = cpy_r_r145 >= 0;
    if (unlikely(!cpy_r_r146)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "<module>", 44, CPyStatic_bars___globals);
        goto CPyL82;
    }
    cpy_r_r147 = CPyStatics[56]; /* 'late_trades' */
    cpy_r_r148 = CPyStatics[120]; /* 0 */
    cpy_r_r149 = CPyDict_SetItem(cpy_r_r123, cpy_r_r147, cpy_r_r148);
    cpy_r_r150 = cpy_r_r149 >= 0;
    if (unlikely(!cpy_r_r150)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "<module>", 44, CPyStatic_bars___globals);
        goto CPyL82;
    }
    cpy_r_r151 = (PyObject *)&PyLong_Type;
    cpy_r_r152 = CPyStatics[57]; /* 'rejected' */
    cpy_r_r153 = PyDict_SetItem(cpy_r_r125, cpy_r_r152, cpy_r_r151);
    cpy_r_r154 = cpy_r_r153 >= 0;
    if (unlikely(!cpy_r_r154)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "<module>", 45, CPyStatic_bars___globals);
        goto CPyL82;
    }
    cpy_r_r155 = CPyStatics[57]; /* 'rejected' */
    cpy_r_r156 = CPyStatics[120]; /* 0 */
    cpy_r_r157 = CPyDict_SetItem(cpy_r_r123, cpy_r_r155, cpy_r_r156);
    cpy_r_r158 = cpy_r_r157 >= 0;
    if (unlikely(!cpy_r_r158)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "<module>", 45, CPyStatic_bars___globals);
        goto CPyL82;
    }
    cpy_r_r159 = (PyObject *)&PyLong_Type;
    cpy_r_r160 = CPyStatics[58]; /* 'bars' */
    cpy_r_r161 = PyDict_SetItem(cpy_r_r125, cpy_r_r160, cpy_r_r159);
    cpy_r_r162 = cpy_r_r161 >= 0;
    if (unlikely(!cpy_r_r162)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "<module>", 46, CPyStatic_bars___globals);
        goto CPyL82;
    }
    cpy_r_r163 = CPyStatics[58]; /* 'bars' */
    cpy_r_r164 = CPyStatics[120]; /* 0 */
    cpy_r_r165 = CPyDict_SetItem(cpy_r_r123, cpy_r_r163, cpy_r_r164);
    cpy_r_r166 = cpy_r_r165 >= 0;
    if (unlikely(!cpy_r_r166)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "<module>", 46, CPyStatic_bars___globals);
        goto CPyL82;
    }
    cpy_r_r167 = (PyObject *)&PyLong_Type;
    cpy_r_r168 = CPyStatics[59]; /* 'microbars' */
    cpy_r_r169 = PyDict_SetItem(cpy_r_r125, cpy_r_r168, cpy_r_r167);
    cpy_r_r170 = cpy_r_r169 >= 0;
    if (unlikely(!cpy_r_r170)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "<module>", 47, CPyStatic_bars___globals);
        goto CPyL82;
    }
    cpy_r_r171 = CPyStatics[59]; /* 'microbars' */
    cpy_r_r172 = CPyStatics[120]; /* 0 */
    cpy_r_r173 = CPyDict_SetItem(cpy_r_r123, cpy_r_r171, cpy_r_r172);
    cpy_r_r174 = cpy_r_r173 >= 0;
    if (unlikely(!cpy_r_r174)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "<module>", 47, CPyStatic_bars___globals);
        goto CPyL82;
    }
    cpy_r_r175 = (PyObject *)&PyFloat_Type;
    cpy_r_r176 = CPyStatics[60]; /* 'unpriced_volume' */
    cpy_r_r177 = PyDict_SetItem(cpy_r_r125, cpy_r_r176, cpy_r_r175);
    cpy_r_r178 = cpy_r_r177 >= 0;
    if (unlikely(!cpy_r_r178)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "<module>", 48, CPyStatic_bars___globals);
        goto CPyL82;
    }
    cpy_r_r179 = CPyStatics[60]; /* 'unpriced_volume' */
    cpy_r_r180 = PyFloat_FromDouble(0.0);
    cpy_r_r181 = CPyDict_SetItem(cpy_r_r123, cpy_r_r179, cpy_r_r180);
    CPy_DECREF(cpy_r_r180);
    cpy_r_r182 = cpy_r_r181 >= 0;
    if (unlikely(!cpy_r_r182)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "<module>", 48, CPyStatic_bars___globals);
        goto CPyL82;
    }
    cpy_r_r183 = CPy_InitSubclass(cpy_r_r105);
    if (unlikely(!cpy_r_r183)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "<module>", 39, CPyStatic_bars___globals);
        goto CPyL82;
    }
    cpy_r_r184 = CPyStatics[62]; /* '__annotations__' */
    cpy_r_r185 = CPyDict_SetItem(cpy_r_r123, cpy_r_r184, cpy_r_r125);
    cpy_r_r186 = cpy_r_r185 >= 0;
    if (unlikely(!cpy_r_r186)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "<module>", 39, CPyStatic_bars___globals);
        goto CPyL82;
    }
    cpy_r_r187 = CPyStatics[63]; /* 'mypyc filler docstring' */
    cpy_r_r188 = CPyStatics[64]; /* '__doc__' */
    cpy_r_r189 = CPyDict_SetItem(cpy_r_r123, cpy_r_r188, cpy_r_r187);
    cpy_r_r190 = cpy_r_r189 >= 0;
    if (unlikely(!cpy_r_r190)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "<module>", 39, CPyStatic_bars___globals);
        goto CPyL82;
    }
    cpy_r_r191 = CPyStatics[53]; /* 'spotlight_trader.market.bars' */
    cpy_r_r192 = CPyStatics[65]; /* '__module__' */
    cpy_r_r193 = CPyDict_SetItem(cpy_r_r123, cpy_r_r192, cpy_r_r191);
    cpy_r_r194 = cpy_r_r193 >= 0;
    if (unlikely(!cpy_r_r194)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "<module>", 39, CPyStatic_bars___globals);
        goto CPyL82;
    }
    cpy_r_r195 = CPyStatic_bars___globals;
    cpy_r_r196 = CPyStatics[38]; /* 'dataclass' */
    cpy_r_r197 = CPyDict_GetItem(cpy_r_r195, cpy_r_r196);
    if (unlikely(cpy_r_r197 == NULL)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "<module>", 38, CPyStatic_bars___globals);
        goto CPyL82;
    }
    cpy_r_r198 = 1 ? Py_True : Py_False;
    PyObject *cpy_r_r199[1] = {cpy_r_r198};
    cpy_r_r200 = (PyObject **)&cpy_r_r199;
    cpy_r_r201 = CPyStatics[149]; /* ('slots',) */
    cpy_r_r202 = PyObject_Vectorcall(cpy_r_r197, cpy_r_r200, 0, cpy_r_r201);
    CPy_DECREF(cpy_r_r197);
    if (unlikely(cpy_r_r202 == NULL)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "<module>", 38, CPyStatic_bars___globals);
        goto CPyL82;
    }
    cpy_r_r203 = CPyStatics[39]; /* 'dataclasses' */
    cpy_r_r204 = CPyDataclass_SleightOfHand(cpy_r_r202, cpy_r_r105, cpy_r_r123, cpy_r_r125, cpy_r_r203);
    CPy_DECREF(cpy_r_r202);
    CPy_DECREF(cpy_r_r105);
    CPy_DECREF(cpy_r_r123);
    CPy_DECREF(cpy_r_r125);
    if (unlikely(!cpy_r_r204)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "<module>", 39, CPyStatic_bars___globals);
        goto CPyL74;
    }
    cpy_r_r205 = NULL;
    cpy_r_r206 = CPyStatics[53]; /* 'spotlight_trader.market.bars' */
    cpy_r_r207 = (PyObject *)CPyType_bars____SymbolState_template;
    cpy_r_r208 = CPyType_FromTemplate(cpy_r_r207, cpy_r_r205, cpy_r_r206);
    if (unlikely(cpy_r_r208 == NULL)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "<module>", 51, CPyStatic_bars___globals);
        goto CPyL74;
    }
    cpy_r_r209 = CPyDef_bars____SymbolState_trait_vtable_setup();
    if (unlikely(cpy_r_r209 == 2)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "<module>", 51, CPyStatic_bars___globals);
        goto CPyL83;
    }
    cpy_r_r210 = CPyDef_bars____SymbolState_coroutine_setup(cpy_r_r208);
    if (unlikely(cpy_r_r210 == 2)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "<module>", 51, CPyStatic_bars___globals);
        goto CPyL83;
    }
    cpy_r_r211 = CPyStatics[54]; /* '__mypyc_attrs__' */
    cpy_r_r212 = CPyStatics[18]; /* 'seq' */
    cpy_r_r213 = CPyStatics[67]; /* 'final_seq' */
    cpy_r_r214 = CPyStatics[68]; /* 'has_oc' */
    cpy_r_r215 = CPyStatics[69]; /* 'has_hl' */
    cpy_r_r216 = CPyStatics[20]; /* 'open' */
    cpy_r_r217 = CPyStatics[21]; /* 'high' */
    cpy_r_r218 = CPyStatics[22]; /* 'low' */
    cpy_r_r219 = CPyStatics[23]; /* 'close' */
    cpy_r_r220 = CPyStatics[70]; /* 'open_ts' */
    cpy_r_r221 = CPyStatics[71]; /* 'close_ts' */
    cpy_r_r222 = CPyStatics[24]; /* 'volume' */
    cpy_r_r223 = CPyStatics[25]; /* 'trades' */
    cpy_r_r224 = CPyStatics[72]; /* 'b_idx' */
    cpy_r_r225 = CPyStatics[73]; /* 'b_has_oc' */
    cpy_r_r226 = CPyStatics[74]; /* 'b_has_hl' */
    cpy_r_r227 = CPyStatics[75]; /* 'b_open' */
    cpy_r_r228 = CPyStatics[76]; /* 'b_high' */
    cpy_r_r229 = CPyStatics[77]; /* 'b_low' */
    cpy_r_r230 = CPyStatics[78]; /* 'b_close' */
    cpy_r_r231 = CPyStatics[79]; /* 'b_volume' */
    cpy_r_r232 = CPyStatics[80]; /* 'b_trades' */
    cpy_r_r233 = PyTuple_Pack(21, cpy_r_r212, cpy_r_r213, cpy_r_r214, cpy_r_r215, cpy_r_r216, cpy_r_r217, cpy_r_r218, cpy_r_r219, cpy_r_r220, cpy_r_r221, cpy_r_r222, cpy_r_r223, cpy_r_r224, cpy_r_r225, cpy_r_r226, cpy_r_r227, cpy_r_r228, cpy_r_r229, cpy_r_r230, cpy_r_r231, cpy_r_r232);
    if (unlikely(cpy_r_r233 == NULL)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "<module>", 51, CPyStatic_bars___globals);
        goto CPyL83;
    }
    cpy_r_r234 = PyObject_SetAttr(cpy_r_r208, cpy_r_r211, cpy_r_r233);
    CPy_DECREF(cpy_r_r233);
    cpy_r_r235 = cpy_r_r234 >= 0;
    if (unlikely(!cpy_r_r235)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "<module>", 51, CPyStatic_bars___globals);
        goto CPyL83;
    }
    CPyType_bars____SymbolState = (PyTypeObject *)cpy_r_r208;
    CPy_INCREF(CPyType_bars____SymbolState);
    cpy_r_r236 = CPyStatic_bars___globals;
    cpy_r_r237 = CPyStatics[81]; /* '_SymbolState' */
    cpy_r_r238 = PyDict_SetItem(cpy_r_r236, cpy_r_r237, cpy_r_r208);
    cpy_r_r239 = cpy_r_r238 >= 0;
    if (unlikely(!cpy_r_r239)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "<module>", 51, CPyStatic_bars___globals);
        goto CPyL83;
    }
    cpy_r_r240 = CPy_InitSubclass(cpy_r_r208);
    CPy_DECREF(cpy_r_r208);
    if (unlikely(!cpy_r_r240)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "<module>", 51, CPyStatic_bars___globals);
        goto CPyL74;
    }
    cpy_r_r241 = NULL;
    cpy_r_r242 = CPyStatics[53]; /* 'spotlight_trader.market.bars' */
    cpy_r_r243 = (PyObject *)CPyType_bars___BarBuilder_template;
    cpy_r_r244 = CPyType_FromTemplate(cpy_r_r243, cpy_r_r241, cpy_r_r242);
    if (unlikely(cpy_r_r244 == NULL)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "<module>", 82, CPyStatic_bars___globals);
        goto CPyL74;
    }
    cpy_r_r245 = CPyDef_bars___BarBuilder_trait_vtable_setup();
    if (unlikely(cpy_r_r245 == 2)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "<module>", 82, CPyStatic_bars___globals);
        goto CPyL84;
    }
    cpy_r_r246 = CPyDef_bars___BarBuilder_coroutine_setup(cpy_r_r244);
    if (unlikely(cpy_r_r246 == 2)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "<module>", 82, CPyStatic_bars___globals);
        goto CPyL84;
    }
    cpy_r_r247 = CPyStatics[54]; /* '__mypyc_attrs__' */
    cpy_r_r248 = CPyStatics[82]; /* '_on_bar' */
    cpy_r_r249 = CPyStatics[83]; /* '_on_microbar' */
    cpy_r_r250 = CPyStatics[84]; /* 'grace_ms' */
    cpy_r_r251 = CPyStatics[85]; /* '_clock_from_trades' */
    cpy_r_r252 = CPyStatics[86]; /* '_max_ahead_ms' */
    cpy_r_r253 = CPyStatics[87]; /* '_states' */
    cpy_r_r254 = CPyStatics[88]; /* '_flags' */
    cpy_r_r255 = CPyStatics[89]; /* '_quotes' */
    cpy_r_r256 = CPyStatics[90]; /* 'clock_ms' */
    cpy_r_r257 = CPyStatics[91]; /* '_clock_final_seq' */
    cpy_r_r258 = CPyStatics[92]; /* '_next_deadline_ms' */
    cpy_r_r259 = CPyStatics[93]; /* '_next_bucket_end_ms' */
    cpy_r_r260 = CPyStatics[94]; /* 'stats' */
    cpy_r_r261 = PyTuple_Pack(13, cpy_r_r248, cpy_r_r249, cpy_r_r250, cpy_r_r251, cpy_r_r252, cpy_r_r253, cpy_r_r254, cpy_r_r255, cpy_r_r256, cpy_r_r257, cpy_r_r258, cpy_r_r259, cpy_r_r260);
    if (unlikely(cpy_r_r261 == NULL)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "<module>", 82, CPyStatic_bars___globals);
        goto CPyL84;
    }
    cpy_r_r262 = PyObject_SetAttr(cpy_r_r244, cpy_r_r247, cpy_r_r261);
    CPy_DECREF(cpy_r_r261);
    cpy_r_r263 = cpy_r_r262 >= 0;
    if (unlikely(!cpy_r_r263)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "<module>", 82, CPyStatic_bars___globals);
        goto CPyL84;
    }
    CPyType_bars___BarBuilder = (PyTypeObject *)cpy_r_r244;
    CPy_INCREF(CPyType_bars___BarBuilder);
    cpy_r_r264 = CPyStatic_bars___globals;
    cpy_r_r265 = CPyStatics[95]; /* 'BarBuilder' */
    cpy_r_r266 = PyDict_SetItem(cpy_r_r264, cpy_r_r265, cpy_r_r244);
    cpy_r_r267 = cpy_r_r266 >= 0;
    if (unlikely(!cpy_r_r267)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "<module>", 82, CPyStatic_bars___globals);
        goto CPyL84;
    }
    CPyStatic_bars___spotlight_trader___market___bars___BarBuilder_____init_____max_ahead_ms = 43200000;
    cpy_r_r268 = CPy_InitSubclass(cpy_r_r244);
    CPy_DECREF(cpy_r_r244);
    if (unlikely(!cpy_r_r268)) {
        CPy_AddTraceback("src/spotlight_trader/market/bars.py", "<module>", 82, CPyStatic_bars___globals);
        goto CPyL74;
    }
    return 1;
CPyL74: ;
    cpy_r_r269 = 2;
    return cpy_r_r269;
CPyL75: ;
    CPy_DECREF(cpy_r_r42);
    goto CPyL15;
CPyL76: ;
    CPy_DecRef(cpy_r_r50);
    goto CPyL74;
CPyL77: ;
    CPy_DecRef(cpy_r_r50);
    CPy_DecRef(cpy_r_r53);
    goto CPyL74;
CPyL78: ;
    CPy_DecRef(cpy_r_r67);
    goto CPyL74;
CPyL79: ;
    CPy_DecRef(cpy_r_r67);
    CPy_DecRef(cpy_r_r70);
    goto CPyL74;
CPyL80: ;
    CPy_DecRef(cpy_r_r105);
    goto CPyL74;
CPyL81: ;
    CPy_DecRef(cpy_r_r105);
    CPy_DecRef(cpy_r_r123);
    goto CPyL74;
CPyL82: ;
    CPy_DecRef(cpy_r_r105);
    CPy_DecRef(cpy_r_r123);
    CPy_DecRef(cpy_r_r125);
    goto CPyL74;
CPyL83: ;
    CPy_DecRef(cpy_r_r208);
    goto CPyL74;
CPyL84: ;
    CPy_DecRef(cpy_r_r244);
    goto CPyL74;
}
        static PyMethodDef conditionsmodule_methods[] = {
            {"rule_for", (PyCFunction)CPyPy_conditions___rule_for, METH_FASTCALL | METH_KEYWORDS, PyDoc_STR("rule_for(condition)\n--\n\n") /* docstring */},
            {"eligibility", (PyCFunction)CPyPy_conditions___eligibility, METH_FASTCALL | METH_KEYWORDS, PyDoc_STR("eligibility(conditions)\n--\n\n") /* docstring */},
            {NULL, NULL, 0, NULL}
        };
        
        static int CPyExec_spotlight_trader___market___conditions__impl(PyObject *module)
        {
            PyObject* modname = NULL;
            modname = PyObject_GetAttrString((PyObject *)CPyModule_spotlight_trader___market___conditions__internal, "__name__");
            CPyStatic_conditions___globals = PyModule_GetDict(CPyModule_spotlight_trader___market___conditions__internal);
            if (unlikely(CPyStatic_conditions___globals == NULL))
                goto fail;
            char result = CPyDef_conditions_____top_level__();
            if (result == 2)
                goto fail;
            Py_DECREF(modname);
            return 0;
            fail:
            Py_CLEAR(CPyModule_spotlight_trader___market___conditions__internal);
            Py_CLEAR(modname);
            CPy_XDECREF(CPyStatic_conditions____RULES);
            CPyStatic_conditions____RULES = NULL;
            return -1;
        }
        int CPyExec_spotlight_trader___market___conditions(PyObject *module)
        {
            return CPyImport_Exec(module, CPyExec_spotlight_trader___market___conditions__impl, &CPyImportState_spotlight_trader___market___conditions, &CPyModule_spotlight_trader___market___conditions);
        }
        static struct PyModuleDef conditionsmodule = {
            PyModuleDef_HEAD_INIT,
            "spotlight_trader.market.conditions",
            NULL, /* docstring */
            0,       /* size of per-interpreter state of the module */
            conditionsmodule_methods,
            NULL,
        };
        
        PyObject *CPyInitOnly_spotlight_trader___market___conditions(void)
        {
            if (CPyModule_spotlight_trader___market___conditions__internal) {
                Py_INCREF(CPyModule_spotlight_trader___market___conditions__internal);
                return CPyModule_spotlight_trader___market___conditions__internal;
            }
            CPyModule_spotlight_trader___market___conditions__internal = PyModule_Create(&conditionsmodule);
            return CPyModule_spotlight_trader___market___conditions__internal;
        }
        
        PyObject *CPyInit_spotlight_trader___market___conditions(void)
        {
            PyObject* modname = NULL;
            PyObject *initializing_spec = NULL;
            if (CPyModule_spotlight_trader___market___conditions__internal) {
                Py_INCREF(CPyModule_spotlight_trader___market___conditions__internal);
                return CPyModule_spotlight_trader___market___conditions__internal;
            }
            CPyModule_spotlight_trader___market___conditions__internal = PyModule_Create(&conditionsmodule);
            if (unlikely(CPyModule_spotlight_trader___market___conditions__internal == NULL))
                goto fail;
            modname = PyUnicode_FromString("spotlight_trader.market.conditions");
            if (modname == NULL) CPyError_OutOfMemory();
            int rv = 0;
            PyObject *mod_dict = PyImport_GetModuleDict();
            PyObject *shared_lib = NULL;
            rv = PyDict_GetItemStringRef(mod_dict, "dc479947e61d54220be4__mypyc", &shared_lib);
            if (rv < 0) goto fail;
            PyObject *shared_lib_file = PyObject_GetAttrString(shared_lib, "__file__");
            if (shared_lib_file == NULL) goto fail;
            PyObject *ext_suffix = PyUnicode_FromString(".cpython-311-x86_64-linux-gnu.so");
            if (ext_suffix == NULL) CPyError_OutOfMemory();
            Py_ssize_t is_pkg = 0;
            rv = CPyImport_SetDunderAttrs(CPyModule_spotlight_trader___market___conditions__internal, modname, shared_lib_file, ext_suffix, is_pkg);
            Py_DECREF(ext_suffix);
            Py_DECREF(shared_lib_file);
            if (rv < 0) goto fail;
            initializing_spec = CPyImport_BeginInitializing(CPyModule_spotlight_trader___market___conditions__internal);
            if (initializing_spec == NULL)
                goto fail;
            if (PyObject_SetItem(PyImport_GetModuleDict(), modname, CPyModule_spotlight_trader___market___conditions__internal) < 0)
                goto fail;
            Py_CLEAR(modname);
            if (CPyExec_spotlight_trader___market___conditions(CPyModule_spotlight_trader___market___conditions__internal) != 0)
                goto fail;
            rv = CPyImport_EndInitializing(initializing_spec);
            initializing_spec = NULL;
            if (rv < 0)
                goto fail;
            return CPyModule_spotlight_trader___market___conditions__internal;
            fail:
            {
                    PyObject *exc_type, *exc_val, *exc_tb;
                    PyErr_Fetch(&exc_type, &exc_val, &exc_tb);
                    if (modname == NULL) {
                            modname = PyUnicode_FromString("spotlight_trader.market.conditions");
                            if (modname == NULL) CPyError_OutOfMemory();
                        }
                        PyObject_DelItem(PyImport_GetModuleDict(), modname);
                        PyErr_Clear();
                        Py_DECREF(modname);
                        if (initializing_spec != NULL) {
                                CPyImport_EndInitializing(initializing_spec);
                                PyErr_Clear();
                            }
                            Py_CLEAR(CPyModule_spotlight_trader___market___conditions__internal);
                            PyErr_Restore(exc_type, exc_val, exc_tb);
                    }
                    return NULL;
                }
                
CPyTagged CPyDef_conditions___rule_for(CPyTagged cpy_r_condition) {
    PyObject *cpy_r_r0;
    char cpy_r_r1;
    PyObject *cpy_r_r2;
    PyObject *cpy_r_r3;
    PyObject *cpy_r_r4;
    CPyTagged cpy_r_r5;
    CPyTagged cpy_r_r6;
    cpy_r_r0 = CPyStatic_conditions____RULES;
    if (likely(cpy_r_r0 != NULL)) goto CPyL3;
    PyErr_SetString(PyExc_NameError, "value for final name \"_RULES\" was not set");
    cpy_r_r1 = 0;
    if (unlikely(!cpy_r_r1)) {
        CPy_AddTraceback("src/spotlight_trader/market/conditions.py", "rule_for", 56, CPyStatic_conditions___globals);
        goto CPyL6;
    }
    CPy_Unreachable();
CPyL3: ;
    CPyTagged_INCREF(cpy_r_condition);
    cpy_r_r2 = CPyTagged_StealAsObject(cpy_r_condition);
    cpy_r_r3 = CPyStatics[121]; /* 7 */
    cpy_r_r4 = CPyDict_Get(cpy_r_r0, cpy_r_r2, cpy_r_r3);
    CPy_DECREF(cpy_r_r2);
    if (unlikely(cpy_r_r4 == NULL)) {
        CPy_AddTraceback("src/spotlight_trader/market/conditions.py", "rule_for", 56, CPyStatic_conditions___globals);
        goto CPyL6;
    }
    if (likely(PyLong_Check(cpy_r_r4)))
        cpy_r_r5 = CPyTagged_FromObject(cpy_r_r4);
    else {
        CPy_TypeError("int", cpy_r_r4); cpy_r_r5 = CPY_INT_TAG;
    }
    CPy_DECREF(cpy_r_r4);
    if (unlikely(cpy_r_r5 == CPY_INT_TAG)) {
        CPy_AddTraceback("src/spotlight_trader/market/conditions.py", "rule_for", 56, CPyStatic_conditions___globals);
        goto CPyL6;
    }
    return cpy_r_r5;
CPyL6: ;
    cpy_r_r6 = CPY_INT_TAG;
    return cpy_r_r6;
}
                
                PyObject *CPyPy_conditions___rule_for(PyObject *self, PyObject *const *args, size_t nargs, PyObject *kwnames) {
                    static const char * const kwlist[] = {"condition", 0};
                    static CPyArg_Parser parser = {"O:rule_for", kwlist, 0};
                    PyObject *obj_condition;
                    if (!CPyArg_ParseStackAndKeywordsOneArg(args, nargs, kwnames, &parser, &obj_condition)) {
                        return NULL;
                    }
                    CPyTagged arg_condition;
                    if (likely(PyLong_Check(obj_condition)))
                        arg_condition = CPyTagged_BorrowFromObject(obj_condition);
                    else {
                        CPy_TypeError("int", obj_condition); goto fail;
                    }
                    CPyTagged retval = CPyDef_conditions___rule_for(arg_condition);
                    if (retval == CPY_INT_TAG) {
                        return NULL;
                    }
                    PyObject *retbox = CPyTagged_StealAsObject(retval);
                    return retbox;
fail: ;
                    CPy_AddTraceback("src/spotlight_trader/market/conditions.py", "rule_for", 54, CPyStatic_conditions___globals);
                    return NULL;
                }
                
CPyTagged CPyDef_conditions___eligibility(PyObject *cpy_r_conditions) {
    CPyTagged cpy_r_flags;
    CPyPtr cpy_r_r0;
    int64_t cpy_r_r1;
    int64_t cpy_r_r2;
    char cpy_r_r3;
    PyObject *cpy_r_r4;
    CPyTagged cpy_r_r5;
    PyObject *cpy_r_r6;
    char cpy_r_r7;
    PyObject *cpy_r_r8;
    PyObject *cpy_r_r9;
    PyObject *cpy_r_r10;
    CPyTagged cpy_r_r11;
    CPyTagged cpy_r_r12;
    int64_t cpy_r_r13;
    CPyTagged cpy_r_r14;
    cpy_r_flags = 14;
    cpy_r_r0 = (CPyPtr)((CPyPtr)cpy_r_conditions + offsetof(PyVarObject, ob_size));
    cpy_r_r1 = *(int64_t *)cpy_r_r0;
    cpy_r_r2 = 0;
CPyL1: ;
    cpy_r_r3 = cpy_r_r2 < cpy_r_r1;
    if (!cpy_r_r3) goto CPyL10;
    cpy_r_r4 = CPySequenceTuple_GetItemUnsafe(cpy_r_conditions, cpy_r_r2);
    if (likely(PyLong_Check(cpy_r_r4)))
        cpy_r_r5 = CPyTagged_FromObject(cpy_r_r4);
    else {
        CPy_TypeError("int", cpy_r_r4); cpy_r_r5 = CPY_INT_TAG;
    }
    CPy_DECREF(cpy_r_r4);
    if (unlikely(cpy_r_r5 == CPY_INT_TAG)) {
        CPy_AddTraceback("src/spotlight_trader/market/conditions.py", "eligibility", 62, CPyStatic_conditions___globals);
        goto CPyL12;
    }
    cpy_r_r6 = CPyStatic_conditions____RULES;
    if (unlikely(cpy_r_r6 == NULL)) {
        goto CPyL13;
    } else
        goto CPyL6;
CPyL4: ;
    PyErr_SetString(PyExc_NameError, "value for final name \"_RULES\" was not set");
    cpy_r_r7 = 0;
    if (unlikely(!cpy_r_r7)) {
        CPy_AddTraceback("src/spotlight_trader/market/conditions.py", "eligibility", 63, CPyStatic_conditions___globals);
        goto CPyL11;
    }
    CPy_Unreachable();
CPyL6: ;
    cpy_r_r8 = CPyTagged_StealAsObject(cpy_r_r5);
    cpy_r_r9 = CPyStatics[121]; /* 7 */
    cpy_r_r10 = CPyDict_Get(cpy_r_r6, cpy_r_r8, cpy_r_r9);
    CPy_DECREF(cpy_r_r8);
    if (unlikely(cpy_r_r10 == NULL)) {
        CPy_AddTraceback("src/spotlight_trader/market/conditions.py", "eligibility", 63, CPyStatic_conditions___globals);
        goto CPyL12;
    }
    if (likely(PyLong_Check(cpy_r_r10)))
        cpy_r_r11 = CPyTagged_FromObject(cpy_r_r10);
    else {
        CPy_TypeError("int", cpy_r_r10); cpy_r_r11 = CPY_INT_TAG;
    }
    CPy_DECREF(cpy_r_r10);
    if (unlikely(cpy_r_r11 == CPY_INT_TAG)) {
        CPy_AddTraceback("src/spotlight_trader/market/conditions.py", "eligibility", 63, CPyStatic_conditions___globals);
        goto CPyL12;
    }
    cpy_r_r12 = CPyTagged_And(cpy_r_flags, cpy_r_r11);
    CPyTagged_DECREF(cpy_r_flags);
    CPyTagged_DECREF(cpy_r_r11);
    cpy_r_flags = cpy_r_r12;
    cpy_r_r13 = cpy_r_r2 + 1;
    cpy_r_r2 = cpy_r_r13;
    goto CPyL1;
CPyL10: ;
    return cpy_r_flags;
CPyL11: ;
    cpy_r_r14 = CPY_INT_TAG;
    return cpy_r_r14;
CPyL12: ;
    CPyTagged_DecRef(cpy_r_flags);
    goto CPyL11;
CPyL13: ;
    CPyTagged_DecRef(cpy_r_flags);
    CPyTagged_DecRef(cpy_r_r5);
    goto CPyL4;
}
                
                PyObject *CPyPy_conditions___eligibility(PyObject *self, PyObject *const *args, size_t nargs, PyObject *kwnames) {
                    static const char * const kwlist[] = {"conditions", 0};
                    static CPyArg_Parser parser = {"O:eligibility", kwlist, 0};
                    PyObject *obj_conditions;
                    if (!CPyArg_ParseStackAndKeywordsOneArg(args, nargs, kwnames, &parser, &obj_conditions)) {
                        return NULL;
                    }
                    PyObject * arg_conditions;
                    if (likely(PyTuple_Check(obj_conditions)))
                        arg_conditions = obj_conditions;
                    else {
                        CPy_TypeError("tuple", obj_conditions); 
                        goto fail;
                    }
                    CPyTagged retval = CPyDef_conditions___eligibility(arg_conditions);
                    if (retval == CPY_INT_TAG) {
                        return NULL;
                    }
                    PyObject *retbox = CPyTagged_StealAsObject(retval);
                    return retbox;
fail: ;
                    CPy_AddTraceback("src/spotlight_trader/market/conditions.py", "eligibility", 59, CPyStatic_conditions___globals);
                    return NULL;
                }
                
char CPyDef_conditions_____top_level__(void) {
    void *cpy_r_r0;
    PyObject *cpy_r_r1;
    PyObject *cpy_r_r2;
    PyObject *cpy_r_r3;
    char cpy_r_r4;
    PyObject *cpy_r_r5;
    PyObject *cpy_r_r6;
    PyObject *cpy_r_r7;
    PyObject *cpy_r_r8;
    PyObject *cpy_r_r9;
    void *cpy_r_r10;
    PyObject *cpy_r_r11;
    PyObject *cpy_r_r12;
    PyObject *cpy_r_r13;
    PyObject *cpy_r_r14;
    void *cpy_r_r15;
    PyObject *cpy_r_r16;
    PyObject *cpy_r_r17;
    PyObject *cpy_r_r18;
    int32_t cpy_r_r19;
    char cpy_r_r20;
    PyObject *cpy_r_r21;
    PyObject *cpy_r_r22;
    PyObject *cpy_r_r23;
    int32_t cpy_r_r24;
    char cpy_r_r25;
    PyObject *cpy_r_r26;
    PyObject *cpy_r_r27;
    PyObject *cpy_r_r28;
    int32_t cpy_r_r29;
    char cpy_r_r30;
    PyObject *cpy_r_r31;
    PyObject *cpy_r_r32;
    PyObject *cpy_r_r33;
    int32_t cpy_r_r34;
    char cpy_r_r35;
    PyObject *cpy_r_r36;
    PyObject *cpy_r_r37;
    PyObject *cpy_r_r38;
    int32_t cpy_r_r39;
    char cpy_r_r40;
    PyObject *cpy_r_r41;
    PyObject *cpy_r_r42;
    PyObject *cpy_r_r43;
    int32_t cpy_r_r44;
    char cpy_r_r45;
    PyObject *cpy_r_r46;
    PyObject *cpy_r_r47;
    PyObject *cpy_r_r48;
    int32_t cpy_r_r49;
    char cpy_r_r50;
    PyObject *cpy_r_r51;
    PyObject *cpy_r_r52;
    PyObject *cpy_r_r53;
    int32_t cpy_r_r54;
    char cpy_r_r55;
    PyObject *cpy_r_r56;
    PyObject *cpy_r_r57;
    PyObject *cpy_r_r58;
    int32_t cpy_r_r59;
    char cpy_r_r60;
    PyObject *cpy_r_r61;
    PyObject *cpy_r_r62;
    PyObject *cpy_r_r63;
    int32_t cpy_r_r64;
    char cpy_r_r65;
    PyObject *cpy_r_r66;
    PyObject *cpy_r_r67;
    PyObject *cpy_r_r68;
    int32_t cpy_r_r69;
    char cpy_r_r70;
    PyObject *cpy_r_r71;
    PyObject *cpy_r_r72;
    PyObject *cpy_r_r73;
    int32_t cpy_r_r74;
    char cpy_r_r75;
    PyObject *cpy_r_r76;
    PyObject *cpy_r_r77;
    PyObject *cpy_r_r78;
    int32_t cpy_r_r79;
    char cpy_r_r80;
    PyObject *cpy_r_r81;
    PyObject *cpy_r_r82;
    PyObject *cpy_r_r83;
    int32_t cpy_r_r84;
    char cpy_r_r85;
    PyObject *cpy_r_r86;
    PyObject *cpy_r_r87;
    PyObject *cpy_r_r88;
    int32_t cpy_r_r89;
    char cpy_r_r90;
    PyObject *cpy_r_r91;
    PyObject *cpy_r_r92;
    PyObject *cpy_r_r93;
    int32_t cpy_r_r94;
    char cpy_r_r95;
    PyObject *cpy_r_r96;
    PyObject *cpy_r_r97;
    PyObject *cpy_r_r98;
    int32_t cpy_r_r99;
    char cpy_r_r100;
    PyObject *cpy_r_r101;
    PyObject *cpy_r_r102;
    PyObject *cpy_r_r103;
    int32_t cpy_r_r104;
    char cpy_r_r105;
    PyObject *cpy_r_r106;
    PyObject *cpy_r_r107;
    PyObject *cpy_r_r108;
    int32_t cpy_r_r109;
    char cpy_r_r110;
    PyObject *cpy_r_r111;
    PyObject *cpy_r_r112;
    PyObject *cpy_r_r113;
    int32_t cpy_r_r114;
    char cpy_r_r115;
    PyObject *cpy_r_r116;
    tuple_T18IIIIIIIIIIIIIIIIII cpy_r_r117;
    PyObject *cpy_r_r118;
    PyObject *cpy_r_r119;
    PyObject *cpy_r_r120;
    PyObject **cpy_r_r122;
    PyObject *cpy_r_r123;
    PyObject *cpy_r_r124;
    PyObject *cpy_r_r125;
    tuple_T6IIIIII cpy_r_r126;
    PyObject *cpy_r_r127;
    PyObject *cpy_r_r128;
    PyObject *cpy_r_r129;
    PyObject **cpy_r_r131;
    PyObject *cpy_r_r132;
    PyObject *cpy_r_r133;
    PyObject *cpy_r_r134;
    tuple_T8IIIIIIII cpy_r_r135;
    PyObject *cpy_r_r136;
    PyObject *cpy_r_r137;
    PyObject *cpy_r_r138;
    PyObject **cpy_r_r140;
    PyObject *cpy_r_r141;
    PyObject *cpy_r_r142;
    PyObject *cpy_r_r143;
    tuple_T2II cpy_r_r144;
    PyObject *cpy_r_r145;
    PyObject *cpy_r_r146;
    PyObject *cpy_r_r147;
    PyObject **cpy_r_r149;
    PyObject *cpy_r_r150;
    PyObject *cpy_r_r151;
    PyObject *cpy_r_r152;
    tuple_T5IIIII cpy_r_r153;
    PyObject *cpy_r_r154;
    PyObject *cpy_r_r155;
    PyObject *cpy_r_r156;
    PyObject **cpy_r_r158;
    PyObject *cpy_r_r159;
    PyObject *cpy_r_r160;
    PyObject *cpy_r_r161;
    int32_t cpy_r_r162;
    char cpy_r_r163;
    int32_t cpy_r_r164;
    char cpy_r_r165;
    int32_t cpy_r_r166;
    char cpy_r_r167;
    int32_t cpy_r_r168;
    char cpy_r_r169;
    PyObject *cpy_r_r170;
    PyObject *cpy_r_r171;
    int32_t cpy_r_r172;
    char cpy_r_r173;
    int32_t cpy_r_r174;
    char cpy_r_r175;
    PyObject *cpy_r_r176;
    PyObject *cpy_r_r177;
    int32_t cpy_r_r178;
    char cpy_r_r179;
    PyObject *cpy_r_r180;
    PyObject *cpy_r_r181;
    int32_t cpy_r_r182;
    char cpy_r_r183;
    PyObject *cpy_r_r184;
    PyObject *cpy_r_r185;
    int32_t cpy_r_r186;
    char cpy_r_r187;
    char cpy_r_r188;
    cpy_r_r0 = (void *)&CPyModule_builtins;
    cpy_r_r1 = CPyStatics[32]; /* 'builtins' */
    cpy_r_r2 = CPyImport_GetModuleCacheForImport(cpy_r_r0, cpy_r_r1);
    if (unlikely(cpy_r_r2 == NULL)) {
        CPy_AddTraceback("src/spotlight_trader/market/conditions.py", "<module>", 1, CPyStatic_conditions___globals);
        goto CPyL47;
    }
    cpy_r_r3 = (PyObject *)&_Py_NoneStruct;
    cpy_r_r4 = cpy_r_r2 != cpy_r_r3;
    if (cpy_r_r4) goto CPyL4;
    cpy_r_r5 = PyImport_Import(cpy_r_r1);
    if (unlikely(cpy_r_r5 == NULL)) {
        CPy_AddTraceback("src/spotlight_trader/market/conditions.py", "<module>", 1, CPyStatic_conditions___globals);
        goto CPyL47;
    }
    CPyImport_ReplaceModuleCacheForImport(cpy_r_r0, cpy_r_r5);
    CPy_DECREF(cpy_r_r5);
CPyL4: ;
    cpy_r_r6 = CPyStatics[144]; /* ('annotations',) */
    cpy_r_r7 = CPyStatics[34]; /* '__future__' */
    cpy_r_r8 = CPyStatic_conditions___globals;
    cpy_r_r9 = CPyImport_ImportFromMany(cpy_r_r7, cpy_r_r6, cpy_r_r6, cpy_r_r8);
    if (unlikely(cpy_r_r9 == NULL)) {
        CPy_AddTraceback("src/spotlight_trader/market/conditions.py", "<module>", 13, CPyStatic_conditions___globals);
        goto CPyL47;
    }
    cpy_r_r10 = (void *)&CPyModule___future__;
    CPyImport_ReplaceModuleCacheForImport(cpy_r_r10, cpy_r_r9);
    CPy_DECREF(cpy_r_r9);
    cpy_r_r11 = CPyStatics[150]; /* ('Final',) */
    cpy_r_r12 = CPyStatics[97]; /* 'typing' */
    cpy_r_r13 = CPyStatic_conditions___globals;
    cpy_r_r14 = CPyImport_ImportFromMany(cpy_r_r12, cpy_r_r11, cpy_r_r11, cpy_r_r13);
    if (unlikely(cpy_r_r14 == NULL)) {
        CPy_AddTraceback("src/spotlight_trader/market/conditions.py", "<module>", 15, CPyStatic_conditions___globals);
        goto CPyL47;
    }
    cpy_r_r15 = (void *)&CPyModule_typing;
    CPyImport_ReplaceModuleCacheForImport(cpy_r_r15, cpy_r_r14);
    CPy_DECREF(cpy_r_r14);
    cpy_r_r16 = CPyStatic_conditions___globals;
    cpy_r_r17 = CPyStatics[44]; /* 'HIGH_LOW' */
    cpy_r_r18 = CPyStatics[122]; /* 1 */
    cpy_r_r19 = CPyDict_SetItem(cpy_r_r16, cpy_r_r17, cpy_r_r18);
    cpy_r_r20 = cpy_r_r19 >= 0;
    if (unlikely(!cpy_r_r20)) {
        CPy_AddTraceback("src/spotlight_trader/market/conditions.py", "<module>", 17, CPyStatic_conditions___globals);
        goto CPyL47;
    }
    cpy_r_r21 = CPyStatic_conditions___globals;
    cpy_r_r22 = CPyStatics[45]; /* 'OPEN_CLOSE' */
    cpy_r_r23 = CPyStatics[123]; /* 2 */
    cpy_r_r24 = CPyDict_SetItem(cpy_r_r21, cpy_r_r22, cpy_r_r23);
    cpy_r_r25 = cpy_r_r24 >= 0;
    if (unlikely(!cpy_r_r25)) {
        CPy_AddTraceback("src/spotlight_trader/market/conditions.py", "<module>", 18, CPyStatic_conditions___globals);
        goto CPyL47;
    }
    cpy_r_r26 = CPyStatic_conditions___globals;
    cpy_r_r27 = CPyStatics[46]; /* 'VOLUME' */
    cpy_r_r28 = CPyStatics[124]; /* 4 */
    cpy_r_r29 = CPyDict_SetItem(cpy_r_r26, cpy_r_r27, cpy_r_r28);
    cpy_r_r30 = cpy_r_r29 >= 0;
    if (unlikely(!cpy_r_r30)) {
        CPy_AddTraceback("src/spotlight_trader/market/conditions.py", "<module>", 19, CPyStatic_conditions___globals);
        goto CPyL47;
    }
    cpy_r_r31 = CPyStatic_conditions___globals;
    cpy_r_r32 = CPyStatics[98]; /* 'ALL' */
    cpy_r_r33 = CPyStatics[121]; /* 7 */
    cpy_r_r34 = CPyDict_SetItem(cpy_r_r31, cpy_r_r32, cpy_r_r33);
    cpy_r_r35 = cpy_r_r34 >= 0;
    if (unlikely(!cpy_r_r35)) {
        CPy_AddTraceback("src/spotlight_trader/market/conditions.py", "<module>", 20, CPyStatic_conditions___globals);
        goto CPyL47;
    }
    cpy_r_r36 = CPyStatic_conditions___globals;
    cpy_r_r37 = CPyStatics[99]; /* 'REGULAR' */
    cpy_r_r38 = CPyStatics[120]; /* 0 */
    cpy_r_r39 = CPyDict_SetItem(cpy_r_r36, cpy_r_r37, cpy_r_r38);
    cpy_r_r40 = cpy_r_r39 >= 0;
    if (unlikely(!cpy_r_r40)) {
        CPy_AddTraceback("src/spotlight_trader/market/conditions.py", "<module>", 23, CPyStatic_conditions___globals);
        goto CPyL47;
    }
    cpy_r_r41 = CPyStatic_conditions___globals;
    cpy_r_r42 = CPyStatics[100]; /* 'AVERAGE_PRICE' */
    cpy_r_r43 = CPyStatics[123]; /* 2 */
    cpy_r_r44 = CPyDict_SetItem(cpy_r_r41, cpy_r_r42, cpy_r_r43);
    cpy_r_r45 = cpy_r_r44 >= 0;
    if (unlikely(!cpy_r_r45)) {
        CPy_AddTraceback("src/spotlight_trader/market/conditions.py", "<module>", 24, CPyStatic_conditions___globals);
        goto CPyL47;
    }
    cpy_r_r46 = CPyStatic_conditions___globals;
    cpy_r_r47 = CPyStatics[101]; /* 'CASH' */
    cpy_r_r48 = CPyStatics[121]; /* 7 */
    cpy_r_r49 = CPyDict_SetItem(cpy_r_r46, cpy_r_r47, cpy_r_r48);
    cpy_r_r50 = cpy_r_r49 >= 0;
    if (unlikely(!cpy_r_r50)) {
        CPy_AddTraceback("src/spotlight_trader/market/conditions.py", "<module>", 25, CPyStatic_conditions___globals);
        goto CPyL47;
    }
    cpy_r_r51 = CPyStatic_conditions___globals;
    cpy_r_r52 = CPyStatics[102]; /* 'CLOSING_PRINTS' */
    cpy_r_r53 = CPyStatics[125]; /* 8 */
    cpy_r_r54 = CPyDict_SetItem(cpy_r_r51, cpy_r_r52, cpy_r_r53);
    cpy_r_r55 = cpy_r_r54 >= 0;
    if (unlikely(!cpy_r_r55)) {
        CPy_AddTraceback("src/spotlight_trader/market/conditions.py", "<module>", 26, CPyStatic_conditions___globals);
        goto CPyL47;
    }
    cpy_r_r56 = CPyStatic_conditions___globals;
    cpy_r_r57 = CPyStatics[103]; /* 'DERIVATIVELY_PRICED' */
    cpy_r_r58 = CPyStatics[126]; /* 10 */
    cpy_r_r59 = CPyDict_SetItem(cpy_r_r56, cpy_r_r57, cpy_r_r58);
    cpy_r_r60 = cpy_r_r59 >= 0;
    if (unlikely(!cpy_r_r60)) {
        CPy_AddTraceback("src/spotlight_trader/market/conditions.py", "<module>", 27, CPyStatic_conditions___globals);
        goto CPyL47;
    }
    cpy_r_r61 = CPyStatic_conditions___globals;
    cpy_r_r62 = CPyStatics[104]; /* 'FORM_T' */
    cpy_r_r63 = CPyStatics[127]; /* 12 */
    cpy_r_r64 = CPyDict_SetItem(cpy_r_r61, cpy_r_r62, cpy_r_r63);
    cpy_r_r65 = cpy_r_r64 >= 0;
    if (unlikely(!cpy_r_r65)) {
        CPy_AddTraceback("src/spotlight_trader/market/conditions.py", "<module>", 28, CPyStatic_conditions___globals);
        goto CPyL47;
    }
    cpy_r_r66 = CPyStatic_conditions___globals;
    cpy_r_r67 = CPyStatics[105]; /* 'EXT_HOURS_SOLD_OOS' */
    cpy_r_r68 = CPyStatics[128]; /* 13 */
    cpy_r_r69 = CPyDict_SetItem(cpy_r_r66, cpy_r_r67, cpy_r_r68);
    cpy_r_r70 = cpy_r_r69 >= 0;
    if (unlikely(!cpy_r_r70)) {
        CPy_AddTraceback("src/spotlight_trader/market/conditions.py", "<module>", 29, CPyStatic_conditions___globals);
        goto CPyL47;
    }
    cpy_r_r71 = CPyStatic_conditions___globals;
    cpy_r_r72 = CPyStatics[106]; /* 'ISO' */
    cpy_r_r73 = CPyStatics[129]; /* 14 */
    cpy_r_r74 = CPyDict_SetItem(cpy_r_r71, cpy_r_r72, cpy_r_r73);
    cpy_r_r75 = cpy_r_r74 >= 0;
    if (unlikely(!cpy_r_r75)) {
        CPy_AddTraceback("src/spotlight_trader/market/conditions.py", "<module>", 30, CPyStatic_conditions___globals);
        goto CPyL47;
    }
    cpy_r_r76 = CPyStatic_conditions___globals;
    cpy_r_r77 = CPyStatics[107]; /* 'OFFICIAL_CLOSE' */
    cpy_r_r78 = CPyStatics[130]; /* 15 */
    cpy_r_r79 = CPyDict_SetItem(cpy_r_r76, cpy_r_r77, cpy_r_r78);
    cpy_r_r80 = cpy_r_r79 >= 0;
    if (unlikely(!cpy_r_r80)) {
        CPy_AddTraceback("src/spotlight_trader/market/conditions.py", "<module>", 31, CPyStatic_conditions___globals);
        goto CPyL47;
    }
    cpy_r_r81 = CPyStatic_conditions___globals;
    cpy_r_r82 = CPyStatics[108]; /* 'OFFICIAL_OPEN' */
    cpy_r_r83 = CPyStatics[131]; /* 16 */
    cpy_r_r84 = CPyDict_SetItem(cpy_r_r81, cpy_r_r82, cpy_r_r83);
    cpy_r_r85 = cpy_r_r84 >= 0;
    if (unlikely(!cpy_r_r85)) {
        CPy_AddTraceback("src/spotlight_trader/market/conditions.py", "<module>", 32, CPyStatic_conditions___globals);
        goto CPyL47;
    }
    cpy_r_r86 = CPyStatic_conditions___globals;
    cpy_r_r87 = CPyStatics[109]; /* 'NEXT_DAY' */
    cpy_r_r88 = CPyStatics[132]; /* 20 */
    cpy_r_r89 = CPyDict_SetItem(cpy_r_r86, cpy_r_r87, cpy_r_r88);
    cpy_r_r90 = cpy_r_r89 >= 0;
    if (unlikely(!cpy_r_r90)) {
        CPy_AddTraceback("src/spotlight_trader/market/conditions.py", "<module>", 33, CPyStatic_conditions___globals);
        goto CPyL47;
    }
    cpy_r_r91 = CPyStatic_conditions___globals;
    cpy_r_r92 = CPyStatics[110]; /* 'OPENING_PRINTS' */
    cpy_r_r93 = CPyStatics[133]; /* 25 */
    cpy_r_r94 = CPyDict_SetItem(cpy_r_r91, cpy_r_r92, cpy_r_r93);
    cpy_r_r95 = cpy_r_r94 >= 0;
    if (unlikely(!cpy_r_r95)) {
        CPy_AddTraceback("src/spotlight_trader/market/conditions.py", "<module>", 34, CPyStatic_conditions___globals);
        goto CPyL47;
    }
    cpy_r_r96 = CPyStatic_conditions___globals;
    cpy_r_r97 = CPyStatics[111]; /* 'SELLER' */
    cpy_r_r98 = CPyStatics[134]; /* 29 */
    cpy_r_r99 = CPyDict_SetItem(cpy_r_r96, cpy_r_r97, cpy_r_r98);
    cpy_r_r100 = cpy_r_r99 >= 0;
    if (unlikely(!cpy_r_r100)) {
        CPy_AddTraceback("src/spotlight_trader/market/conditions.py", "<module>", 35, CPyStatic_conditions___globals);
        goto CPyL47;
    }
    cpy_r_r101 = CPyStatic_conditions___globals;
    cpy_r_r102 = CPyStatics[112]; /* 'SOLD_OUT_OF_SEQUENCE' */
    cpy_r_r103 = CPyStatics[135]; /* 32 */
    cpy_r_r104 = CPyDict_SetItem(cpy_r_r101, cpy_r_r102, cpy_r_r103);
    cpy_r_r105 = cpy_r_r104 >= 0;
    if (unlikely(!cpy_r_r105)) {
        CPy_AddTraceback("src/spotlight_trader/market/conditions.py", "<module>", 36, CPyStatic_conditions___globals);
        goto CPyL47;
    }
    cpy_r_r106 = CPyStatic_conditions___globals;
    cpy_r_r107 = CPyStatics[113]; /* 'ODD_LOT' */
    cpy_r_r108 = CPyStatics[136]; /* 37 */
    cpy_r_r109 = CPyDict_SetItem(cpy_r_r106, cpy_r_r107, cpy_r_r108);
    cpy_r_r110 = cpy_r_r109 >= 0;
    if (unlikely(!cpy_r_r110)) {
        CPy_AddTraceback("src/spotlight_trader/market/conditions.py", "<module>", 37, CPyStatic_conditions___globals);
        goto CPyL47;
    }
    cpy_r_r111 = CPyStatic_conditions___globals;
    cpy_r_r112 = CPyStatics[114]; /* 'TRADE_THRU_EXEMPT' */
    cpy_r_r113 = CPyStatics[137]; /* 41 */
    cpy_r_r114 = CPyDict_SetItem(cpy_r_r111, cpy_r_r112, cpy_r_r113);
    cpy_r_r115 = cpy_r_r114 >= 0;
    if (unlikely(!cpy_r_r115)) {
        CPy_AddTraceback("src/spotlight_trader/market/conditions.py", "<module>", 38, CPyStatic_conditions___globals);
        goto CPyL47;
    }
    cpy_r_r116 = (PyObject *)&PyDict_Type;
    cpy_r_r117.f0 = 0;
    cpy_r_r117.f1 = 2;
    cpy_r_r117.f2 = 6;
    cpy_r_r117.f3 = 8;
    cpy_r_r117.f4 = 16;
    cpy_r_r117.f5 = 18;
    cpy_r_r117.f6 = 22;
    cpy_r_r117.f7 = 28;
    cpy_r_r117.f8 = 36;
    cpy_r_r117.f9 = 38;
    cpy_r_r117.f10 = 46;
    cpy_r_r117.f11 = 48;
    cpy_r_r117.f12 = 50;
    cpy_r_r117.f13 = 56;
    cpy_r_r117.f14 = 60;
    cpy_r_r117.f15 = 68;
    cpy_r_r117.f16 = 72;
    cpy_r_r117.f17 = 82;
    cpy_r_r118 = CPyStatics[115]; /* 'fromkeys' */
    cpy_r_r119 = PyTuple_New(18);
    if (unlikely(cpy_r_r119 == NULL))
        CPyError_OutOfMemory();
    PyObject *__tmp12 = CPyTagged_StealAsObject(cpy_r_r117.f0);
    PyTuple_SET_ITEM(cpy_r_r119, 0, __tmp12);
    PyObject *__tmp13 = CPyTagged_StealAsObject(cpy_r_r117.f1);
    PyTuple_SET_ITEM(cpy_r_r119, 1, __tmp13);
    PyObject *__tmp14 = CPyTagged_StealAsObject(cpy_r_r117.f2);
    PyTuple_SET_ITEM(cpy_r_r119, 2, __tmp14);
    PyObject *__tmp15 = CPyTagged_StealAsObject(cpy_r_r117.f3);
    PyTuple_SET_ITEM(cpy_r_r119, 3, __tmp15);
    PyObject *__tmp16 = CPyTagged_StealAsObject(cpy_r_r117.f4);
    PyTuple_SET_ITEM(cpy_r_r119, 4, __tmp16);
    PyObject *__tmp17 = CPyTagged_StealAsObject(cpy_r_r117.f5);
    PyTuple_SET_ITEM(cpy_r_r119, 5, __tmp17);
    PyObject *__tmp18 = CPyTagged_StealAsObject(cpy_r_r117.f6);
    PyTuple_SET_ITEM(cpy_r_r119, 6, __tmp18);
    PyObject *__tmp19 = CPyTagged_StealAsObject(cpy_r_r117.f7);
    PyTuple_SET_ITEM(cpy_r_r119, 7, __tmp19);
    PyObject *__tmp20 = CPyTagged_StealAsObject(cpy_r_r117.f8);
    PyTuple_SET_ITEM(cpy_r_r119, 8, __tmp20);
    PyObject *__tmp21 = CPyTagged_StealAsObject(cpy_r_r117.f9);
    PyTuple_SET_ITEM(cpy_r_r119, 9, __tmp21);
    PyObject *__tmp22 = CPyTagged_StealAsObject(cpy_r_r117.f10);
    PyTuple_SET_ITEM(cpy_r_r119, 10, __tmp22);
    PyObject *__tmp23 = CPyTagged_StealAsObject(cpy_r_r117.f11);
    PyTuple_SET_ITEM(cpy_r_r119, 11, __tmp23);
    PyObject *__tmp24 = CPyTagged_StealAsObject(cpy_r_r117.f12);
    PyTuple_SET_ITEM(cpy_r_r119, 12, __tmp24);
    PyObject *__tmp25 = CPyTagged_StealAsObject(cpy_r_r117.f13);
    PyTuple_SET_ITEM(cpy_r_r119, 13, __tmp25);
    PyObject *__tmp26 = CPyTagged_StealAsObject(cpy_r_r117.f14);
    PyTuple_SET_ITEM(cpy_r_r119, 14, __tmp26);
    PyObject *__tmp27 = CPyTagged_StealAsObject(cpy_r_r117.f15);
    PyTuple_SET_ITEM(cpy_r_r119, 15, __tmp27);
    PyObject *__tmp28 = CPyTagged_StealAsObject(cpy_r_r117.f16);
    PyTuple_SET_ITEM(cpy_r_r119, 16, __tmp28);
    PyObject *__tmp29 = CPyTagged_StealAsObject(cpy_r_r117.f17);
    PyTuple_SET_ITEM(cpy_r_r119, 17, __tmp29);
    cpy_r_r120 = CPyStatics[121]; /* 7 */
    PyObject *cpy_r_r121[3] = {cpy_r_r116, cpy_r_r119, cpy_r_r120};
    cpy_r_r122 = (PyObject **)&cpy_r_r121;
    cpy_r_r123 = PyObject_VectorcallMethod(cpy_r_r118, cpy_r_r122, 9223372036854775811ULL, 0);
    if (unlikely(cpy_r_r123 == NULL)) {
        CPy_AddTraceback("src/spotlight_trader/market/conditions.py", "<module>", 41, CPyStatic_conditions___globals);
        goto CPyL48;
    }
    CPy_DECREF(cpy_r_r119);
    if (likely(PyDict_Check(cpy_r_r123)))
        cpy_r_r124 = cpy_r_r123;
    else {
        CPy_TypeErrorTraceback("src/spotlight_trader/market/conditions.py", "<module>", 41, CPyStatic_conditions___globals, "dict", cpy_r_r123);
        goto CPyL47;
    }
    cpy_r_r125 = (PyObject *)&PyDict_Type;
    cpy_r_r126.f0 = 10;
    cpy_r_r126.f1 = 20;
    cpy_r_r126.f2 = 34;
    cpy_r_r126.f3 = 44;
    cpy_r_r126.f4 = 64;
    cpy_r_r126.f5 = 66;
    cpy_r_r127 = CPyStatics[115]; /* 'fromkeys' */
    cpy_r_r128 = PyTuple_New(6);
    if (unlikely(cpy_r_r128 == NULL))
        CPyError_OutOfMemory();
    PyObject *__tmp30 = CPyTagged_StealAsObject(cpy_r_r126.f0);
    PyTuple_SET_ITEM(cpy_r_r128, 0, __tmp30);
    PyObject *__tmp31 = CPyTagged_StealAsObject(cpy_r_r126.f1);
    PyTuple_SET_ITEM(cpy_r_r128, 1, __tmp31);
    PyObject *__tmp32 = CPyTagged_StealAsObject(cpy_r_r126.f2);
    PyTuple_SET_ITEM(cpy_r_r128, 2, __tmp32);
    PyObject *__tmp33 = CPyTagged_StealAsObject(cpy_r_r126.f3);
    PyTuple_SET_ITEM(cpy_r_r128, 3, __tmp33);
    PyObject *__tmp34 = CPyTagged_StealAsObject(cpy_r_r126.f4);
    PyTuple_SET_ITEM(cpy_r_r128, 4, __tmp34);
    PyObject *__tmp35 = CPyTagged_StealAsObject(cpy_r_r126.f5);
    PyTuple_SET_ITEM(cpy_r_r128, 5, __tmp35);
    cpy_r_r129 = CPyStatics[138]; /* 5 */
    PyObject *cpy_r_r130[3] = {cpy_r_r125, cpy_r_r128, cpy_r_r129};
    cpy_r_r131 = (PyObject **)&cpy_r_r130;
    cpy_r_r132 = PyObject_VectorcallMethod(cpy_r_r127, cpy_r_r131, 9223372036854775811ULL, 0);
    if (unlikely(cpy_r_r132 == NULL)) {
        CPy_AddTraceback("src/spotlight_trader/market/conditions.py", "<module>", 42, CPyStatic_conditions___globals);
        goto CPyL49;
    }
    CPy_DECREF(cpy_r_r128);
    if (likely(PyDict_Check(cpy_r_r132)))
        cpy_r_r133 = cpy_r_r132;
    else {
        CPy_TypeErrorTraceback("src/spotlight_trader/market/conditions.py", "<module>", 42, CPyStatic_conditions___globals, "dict", cpy_r_r132);
        goto CPyL50;
    }
    cpy_r_r134 = (PyObject *)&PyDict_Type;
    cpy_r_r135.f0 = 4;
    cpy_r_r135.f1 = 14;
    cpy_r_r135.f2 = 40;
    cpy_r_r135.f3 = 42;
    cpy_r_r135.f4 = 58;
    cpy_r_r135.f5 = 74;
    cpy_r_r135.f6 = 104;
    cpy_r_r135.f7 = 106;
    cpy_r_r136 = CPyStatics[115]; /* 'fromkeys' */
    cpy_r_r137 = PyTuple_New(8);
    if (unlikely(cpy_r_r137 == NULL))
        CPyError_OutOfMemory();
    PyObject *__tmp36 = CPyTagged_StealAsObject(cpy_r_r135.f0);
    PyTuple_SET_ITEM(cpy_r_r137, 0, __tmp36);
    PyObject *__tmp37 = CPyTagged_StealAsObject(cpy_r_r135.f1);
    PyTuple_SET_ITEM(cpy_r_r137, 1, __tmp37);
    PyObject *__tmp38 = CPyTagged_StealAsObject(cpy_r_r135.f2);
    PyTuple_SET_ITEM(cpy_r_r137, 2, __tmp38);
    PyObject *__tmp39 = CPyTagged_StealAsObject(cpy_r_r135.f3);
    PyTuple_SET_ITEM(cpy_r_r137, 3, __tmp39);
    PyObject *__tmp40 = CPyTagged_StealAsObject(cpy_r_r135.f4);
    PyTuple_SET_ITEM(cpy_r_r137, 4, __tmp40);
    PyObject *__tmp41 = CPyTagged_StealAsObject(cpy_r_r135.f5);
    PyTuple_SET_ITEM(cpy_r_r137, 5, __tmp41);
    PyObject *__tmp42 = CPyTagged_StealAsObject(cpy_r_r135.f6);
    PyTuple_SET_ITEM(cpy_r_r137, 6, __tmp42);
    PyObject *__tmp43 = CPyTagged_StealAsObject(cpy_r_r135.f7);
    PyTuple_SET_ITEM(cpy_r_r137, 7, __tmp43);
    cpy_r_r138 = CPyStatics[124]; /* 4 */
    PyObject *cpy_r_r139[3] = {cpy_r_r134, cpy_r_r137, cpy_r_r138};
    cpy_r_r140 = (PyObject **)&cpy_r_r139;
    cpy_r_r141 = PyObject_VectorcallMethod(cpy_r_r136, cpy_r_r140, 9223372036854775811ULL, 0);
    if (unlikely(cpy_r_r141 == NULL)) {
        CPy_AddTraceback("src/spotlight_trader/market/conditions.py", "<module>", 43, CPyStatic_conditions___globals);
        goto CPyL51;
    }
    CPy_DECREF(cpy_r_r137);
    if (likely(PyDict_Check(cpy_r_r141)))
        cpy_r_r142 = cpy_r_r141;
    else {
        CPy_TypeErrorTraceback("src/spotlight_trader/market/conditions.py", "<module>", 43, CPyStatic_conditions___globals, "dict", cpy_r_r141);
        goto CPyL52;
    }
    cpy_r_r143 = (PyObject *)&PyDict_Type;
    cpy_r_r144.f0 = 30;
    cpy_r_r144.f1 = 32;
    cpy_r_r145 = CPyStatics[115]; /* 'fromkeys' */
    cpy_r_r146 = PyTuple_New(2);
    if (unlikely(cpy_r_r146 == NULL))
        CPyError_OutOfMemory();
    PyObject *__tmp44 = CPyTagged_StealAsObject(cpy_r_r144.f0);
    PyTuple_SET_ITEM(cpy_r_r146, 0, __tmp44);
    PyObject *__tmp45 = CPyTagged_StealAsObject(cpy_r_r144.f1);
    PyTuple_SET_ITEM(cpy_r_r146, 1, __tmp45);
    cpy_r_r147 = CPyStatics[120]; /* 0 */
    PyObject *cpy_r_r148[3] = {cpy_r_r143, cpy_r_r146, cpy_r_r147};
    cpy_r_r149 = (PyObject **)&cpy_r_r148;
    cpy_r_r150 = PyObject_VectorcallMethod(cpy_r_r145, cpy_r_r149, 9223372036854775811ULL, 0);
    if (unlikely(cpy_r_r150 == NULL)) {
        CPy_AddTraceback("src/spotlight_trader/market/conditions.py", "<module>", 44, CPyStatic_conditions___globals);
        goto CPyL53;
    }
    CPy_DECREF(cpy_r_r146);
    if (likely(PyDict_Check(cpy_r_r150)))
        cpy_r_r151 = cpy_r_r150;
    else {
        CPy_TypeErrorTraceback("src/spotlight_trader/market/conditions.py", "<module>", 44, CPyStatic_conditions___globals, "dict", cpy_r_r150);
        goto CPyL54;
    }
    cpy_r_r152 = (PyObject *)&PyDict_Type;
    cpy_r_r153.f0 = 12;
    cpy_r_r153.f1 = 54;
    cpy_r_r153.f2 = 62;
    cpy_r_r153.f3 = 70;
    cpy_r_r153.f4 = 110;
    cpy_r_r154 = CPyStatics[115]; /* 'fromkeys' */
    cpy_r_r155 = PyTuple_New(5);
    if (unlikely(cpy_r_r155 == NULL))
        CPyError_OutOfMemory();
    PyObject *__tmp46 = CPyTagged_StealAsObject(cpy_r_r153.f0);
    PyTuple_SET_ITEM(cpy_r_r155, 0, __tmp46);
    PyObject *__tmp47 = CPyTagged_StealAsObject(cpy_r_r153.f1);
    PyTuple_SET_ITEM(cpy_r_r155, 1, __tmp47);
    PyObject *__tmp48 = CPyTagged_StealAsObject(cpy_r_r153.f2);
    PyTuple_SET_ITEM(cpy_r_r155, 2, __tmp48);
    PyObject *__tmp49 = CPyTagged_StealAsObject(cpy_r_r153.f3);
    PyTuple_SET_ITEM(cpy_r_r155, 3, __tmp49);
    PyObject *__tmp50 = CPyTagged_StealAsObject(cpy_r_r153.f4);
    PyTuple_SET_ITEM(cpy_r_r155, 4, __tmp50);
    cpy_r_r156 = CPyStatics[121]; /* 7 */
    PyObject *cpy_r_r157[3] = {cpy_r_r152, cpy_r_r155, cpy_r_r156};
    cpy_r_r158 = (PyObject **)&cpy_r_r157;
    cpy_r_r159 = PyObject_VectorcallMethod(cpy_r_r154, cpy_r_r158, 9223372036854775811ULL, 0);
    if (unlikely(cpy_r_r159 == NULL)) {
        CPy_AddTraceback("src/spotlight_trader/market/conditions.py", "<module>", 47, CPyStatic_conditions___globals);
        goto CPyL55;
    }
    CPy_DECREF(cpy_r_r155);
    if (likely(PyDict_Check(cpy_r_r159)))
        cpy_r_r160 = cpy_r_r159;
    else {
        CPy_TypeErrorTraceback("src/spotlight_trader/market/conditions.py", "<module>", 47, CPyStatic_conditions___globals, "dict", cpy_r_r159);
        goto CPyL56;
    }
    cpy_r_r161 = PyDict_New();
    if (unlikely(cpy_r_r161 == NULL)) {
        CPy_AddTraceback("src/spotlight_trader/market/conditions.py", "<module>", 40, CPyStatic_conditions___globals);
        goto CPyL57;
    }
    cpy_r_r162 = CPyDict_UpdateInDisplay(cpy_r_r161, cpy_r_r124);
    CPy_DECREF(cpy_r_r124);
    cpy_r_r163 = cpy_r_r162 >= 0;
    if (unlikely(!cpy_r_r163)) {
        CPy_AddTraceback("src/spotlight_trader/market/conditions.py", "<module>", 40, CPyStatic_conditions___globals);
        goto CPyL58;
    }
    cpy_r_r164 = CPyDict_UpdateInDisplay(cpy_r_r161, cpy_r_r133);
    CPy_DECREF(cpy_r_r133);
    cpy_r_r165 = cpy_r_r164 >= 0;
    if (unlikely(!cpy_r_r165)) {
        CPy_AddTraceback("src/spotlight_trader/market/conditions.py", "<module>", 40, CPyStatic_conditions___globals);
        goto CPyL59;
    }
    cpy_r_r166 = CPyDict_UpdateInDisplay(cpy_r_r161, cpy_r_r142);
    CPy_DECREF(cpy_r_r142);
    cpy_r_r167 = cpy_r_r166 >= 0;
    if (unlikely(!cpy_r_r167)) {
        CPy_AddTraceback("src/spotlight_trader/market/conditions.py", "<module>", 40, CPyStatic_conditions___globals);
        goto CPyL60;
    }
    cpy_r_r168 = CPyDict_UpdateInDisplay(cpy_r_r161, cpy_r_r151);
    CPy_DECREF(cpy_r_r151);
    cpy_r_r169 = cpy_r_r168 >= 0;
    if (unlikely(!cpy_r_r169)) {
        CPy_AddTraceback("src/spotlight_trader/market/conditions.py", "<module>", 40, CPyStatic_conditions___globals);
        goto CPyL61;
    }
    cpy_r_r170 = CPyStatics[139]; /* 38 */
    cpy_r_r171 = CPyStatics[140]; /* 3 */
    cpy_r_r172 = CPyDict_SetItem(cpy_r_r161, cpy_r_r170, cpy_r_r171);
    cpy_r_r173 = cpy_r_r172 >= 0;
    if (unlikely(!cpy_r_r173)) {
        CPy_AddTraceback("src/spotlight_trader/market/conditions.py", "<module>", 40, CPyStatic_conditions___globals);
        goto CPyL61;
    }
    cpy_r_r174 = CPyDict_UpdateInDisplay(cpy_r_r161, cpy_r_r160);
    CPy_DECREF(cpy_r_r160);
    cpy_r_r175 = cpy_r_r174 >= 0;
    if (unlikely(!cpy_r_r175)) {
        CPy_AddTraceback("src/spotlight_trader/market/conditions.py", "<module>", 40, CPyStatic_conditions___globals);
        goto CPyL62;
    }
    cpy_r_r176 = CPyStatics[127]; /* 12 */
    cpy_r_r177 = CPyStatics[121]; /* 7 */
    cpy_r_r178 = CPyDict_SetItem(cpy_r_r161, cpy_r_r176, cpy_r_r177);
    cpy_r_r179 = cpy_r_r178 >= 0;
    if (unlikely(!cpy_r_r179)) {
        CPy_AddTraceback("src/spotlight_trader/market/conditions.py", "<module>", 40, CPyStatic_conditions___globals);
        goto CPyL62;
    }
    cpy_r_r180 = CPyStatics[128]; /* 13 */
    cpy_r_r181 = CPyStatics[138]; /* 5 */
    cpy_r_r182 = CPyDict_SetItem(cpy_r_r161, cpy_r_r180, cpy_r_r181);
    cpy_r_r183 = cpy_r_r182 >= 0;
    if (unlikely(!cpy_r_r183)) {
        CPy_AddTraceback("src/spotlight_trader/market/conditions.py", "<module>", 40, CPyStatic_conditions___globals);
        goto CPyL62;
    }
    CPyStatic_conditions____RULES = cpy_r_r161;
    CPy_INCREF(CPyStatic_conditions____RULES);
    cpy_r_r184 = CPyStatic_conditions___globals;
    cpy_r_r185 = CPyStatics[116]; /* '_RULES' */
    cpy_r_r186 = CPyDict_SetItem(cpy_r_r184, cpy_r_r185, cpy_r_r161);
    CPy_DECREF(cpy_r_r161);
    cpy_r_r187 = cpy_r_r186 >= 0;
    if (unlikely(!cpy_r_r187)) {
        CPy_AddTraceback("src/spotlight_trader/market/conditions.py", "<module>", 40, CPyStatic_conditions___globals);
        goto CPyL47;
    }
    return 1;
CPyL47: ;
    cpy_r_r188 = 2;
    return cpy_r_r188;
CPyL48: ;
    CPy_DecRef(cpy_r_r119);
    goto CPyL47;
CPyL49: ;
    CPy_DecRef(cpy_r_r124);
    CPy_DecRef(cpy_r_r128);
    goto CPyL47;
CPyL50: ;
    CPy_DecRef(cpy_r_r124);
    goto CPyL47;
CPyL51: ;
    CPy_DecRef(cpy_r_r124);
    CPy_DecRef(cpy_r_r133);
    CPy_DecRef(cpy_r_r137);
    goto CPyL47;
CPyL52: ;
    CPy_DecRef(cpy_r_r124);
    CPy_DecRef(cpy_r_r133);
    goto CPyL47;
CPyL53: ;
    CPy_DecRef(cpy_r_r124);
    CPy_DecRef(cpy_r_r133);
    CPy_DecRef(cpy_r_r142);
    CPy_DecRef(cpy_r_r146);
    goto CPyL47;
CPyL54: ;
    CPy_DecRef(cpy_r_r124);
    CPy_DecRef(cpy_r_r133);
    CPy_DecRef(cpy_r_r142);
    goto CPyL47;
CPyL55: ;
    CPy_DecRef(cpy_r_r124);
    CPy_DecRef(cpy_r_r133);
    CPy_DecRef(cpy_r_r142);
    CPy_DecRef(cpy_r_r151);
    CPy_DecRef(cpy_r_r155);
    goto CPyL47;
CPyL56: ;
    CPy_DecRef(cpy_r_r124);
    CPy_DecRef(cpy_r_r133);
    CPy_DecRef(cpy_r_r142);
    CPy_DecRef(cpy_r_r151);
    goto CPyL47;
CPyL57: ;
    CPy_DecRef(cpy_r_r124);
    CPy_DecRef(cpy_r_r133);
    CPy_DecRef(cpy_r_r142);
    CPy_DecRef(cpy_r_r151);
    CPy_DecRef(cpy_r_r160);
    goto CPyL47;
CPyL58: ;
    CPy_DecRef(cpy_r_r133);
    CPy_DecRef(cpy_r_r142);
    CPy_DecRef(cpy_r_r151);
    CPy_DecRef(cpy_r_r160);
    CPy_DecRef(cpy_r_r161);
    goto CPyL47;
CPyL59: ;
    CPy_DecRef(cpy_r_r142);
    CPy_DecRef(cpy_r_r151);
    CPy_DecRef(cpy_r_r160);
    CPy_DecRef(cpy_r_r161);
    goto CPyL47;
CPyL60: ;
    CPy_DecRef(cpy_r_r151);
    CPy_DecRef(cpy_r_r160);
    CPy_DecRef(cpy_r_r161);
    goto CPyL47;
CPyL61: ;
    CPy_DecRef(cpy_r_r160);
    CPy_DecRef(cpy_r_r161);
    goto CPyL47;
CPyL62: ;
    CPy_DecRef(cpy_r_r161);
    goto CPyL47;
}
                
                int CPyGlobalsInit(void)
                {
                    static int is_initialized = 0;
                    if (is_initialized) return 0;
                    
                    CPy_Init();
                    CPyModule_spotlight_trader___market___bars = (CPyModuleCache)Py_None;
                    CPyModule_builtins = (CPyModuleCache)Py_None;
                    CPyModule___future__ = (CPyModuleCache)Py_None;
                    CPyModule_collections___abc = (CPyModuleCache)Py_None;
                    CPyModule_dataclasses = (CPyModuleCache)Py_None;
                    CPyModule_spotlight_trader___market___conditions = (CPyModuleCache)Py_None;
                    CPyModule_spotlight_trader___model = (CPyModuleCache)Py_None;
                    CPyModule_spotlight_trader___market___conditions = (CPyModuleCache)Py_None;
                    CPyModule_builtins = (CPyModuleCache)Py_None;
                    CPyModule___future__ = (CPyModuleCache)Py_None;
                    CPyModule_typing = (CPyModuleCache)Py_None;
                    if (CPyStatics_Initialize(CPyStatics, CPyLit_Str, CPyLit_Bytes, CPyLit_Int, CPyLit_Float, CPyLit_Complex, CPyLit_Tuple, CPyLit_FrozenSet) < 0) {
                        return -1;
                    }
                    is_initialized = 1;
                    return 0;
                }
                
                CPyModuleLockAPI *CPyModuleLockAPI_dc479947e61d54220be4 = NULL;
                PyObject *CPyStatics[151];
                const char * const CPyLit_Str[] = {
    "\b\t_NO_CLOCK\tMAX_TS_MS\005price\004size\005ts_ms\tMAX_PRICE\tMIN_TS_MS\nconditions",
    "\b\tMINUTE_MS\006symbol\bMICRO_MS\bon_trade\003bid\003ask\nFormingBar\003seq",
    "\b\fbar_start_ms\004open\004high\003low\005close\006volume\006trades\bMicrobar",
    "\a\017bucket_start_ms\006minute\003Bar\nbar_end_ms\006append\bbuiltins\vannotations",
    "\006\n__future__\bCallable\bIterable\017collections.abc\tdataclass\vdataclasses",
    "\002\"spotlight_trader.market.conditions\033dc479947e61d54220be4__mypyc",
    "\005\b__file__ .cpython-311-x86_64-linux-gnu.so\bHIGH_LOW\nOPEN_CLOSE\006VOLUME",
    "\006\veligibility\005Quote\005Trade\026spotlight_trader.model\aBarSink\fMicrobarSink",
    "\004\034spotlight_trader.market.bars\017__mypyc_attrs__\nineligible\vlate_trades",
    "\006\brejected\004bars\tmicrobars\017unpriced_volume\fBuilderStats\017__annotations__",
    "\006\026mypyc filler docstring\a__doc__\n__module__\005slots\tfinal_seq\006has_oc",
    "\t\006has_hl\aopen_ts\bclose_ts\005b_idx\bb_has_oc\bb_has_hl\006b_open\006b_high\005b_low",
    "\a\ab_close\bb_volume\bb_trades\f_SymbolState\a_on_bar\f_on_microbar\bgrace_ms",
    "\006\022_clock_from_trades\r_max_ahead_ms\a_states\006_flags\a_quotes\bclock_ms",
    "\004\020_clock_final_seq\021_next_deadline_ms\023_next_bucket_end_ms\005stats",
    "\b\nBarBuilder\005Final\006typing\003ALL\aREGULAR\rAVERAGE_PRICE\004CASH\016CLOSING_PRINTS",
    "\005\023DERIVATIVELY_PRICED\006FORM_T\022EXT_HOURS_SOLD_OOS\003ISO\016OFFICIAL_CLOSE",
    "\005\rOFFICIAL_OPEN\bNEXT_DAY\016OPENING_PRINTS\006SELLER\024SOLD_OUT_OF_SEQUENCE",
    "\004\aODD_LOT\021TRADE_THRU_EXEMPT\bfromkeys\006_RULES",
    "",
};
                const char * const CPyLit_Bytes[] = {
    "",
};
                const char * const CPyLit_Int[] = {
    "\030946684800000\0004102444800000\000-1\0000\0007\0001\0002\0004\0008\00010\00012\00013\00014\00015\00016\00020\00025\00029\00032\00037\00041\0005\00038\0003",
    "",
};
                const double CPyLit_Float[] = {0};
                const double CPyLit_Complex[] = {0};
                const int CPyLit_Tuple[] = {
    10, 8, 18, 19, 20, 21, 22, 23, 24, 25, 9, 12, 27, 20, 21, 22, 23,
    24, 25, 28, 10, 12, 18, 19, 30, 20, 21, 22, 23, 24, 25, 1, 33, 2, 35,
    36, 1, 38, 4, 44, 45, 46, 47, 7, 13, 11, 29, 17, 26, 48, 49, 1, 66, 1,
    96
};
                const int CPyLit_FrozenSet[] = {0};
                CPyModule *CPyModule_spotlight_trader___market___bars__internal = NULL;
                CPyImportState CPyImportState_spotlight_trader___market___bars = {0};
                CPyModuleCache CPyModule_spotlight_trader___market___bars;
                PyObject *CPyStatic_bars___globals;
                CPyModuleCache CPyModule_builtins;
                CPyModuleCache CPyModule___future__;
                CPyModuleCache CPyModule_collections___abc;
                CPyModuleCache CPyModule_dataclasses;
                CPyModule *CPyModule_spotlight_trader___market___conditions__internal = NULL;
                CPyImportState CPyImportState_spotlight_trader___market___conditions = {0};
                CPyModuleCache CPyModule_spotlight_trader___market___conditions;
                CPyModuleCache CPyModule_spotlight_trader___model;
                int CPyExec_spotlight_trader___market___bars(PyObject *module);
                PyObject *CPyInit_spotlight_trader___market___bars(void);
                PyObject *CPyInitOnly_spotlight_trader___market___bars(void);
                PyObject *CPyStatic_conditions___globals;
                CPyModuleCache CPyModule_typing;
                int CPyExec_spotlight_trader___market___conditions(PyObject *module);
                PyObject *CPyInit_spotlight_trader___market___conditions(void);
                PyObject *CPyInitOnly_spotlight_trader___market___conditions(void);
                CPyTagged CPyStatic_bars___spotlight_trader___market___bars___BarBuilder_____init_____max_ahead_ms = CPY_INT_TAG;
                PyTypeObject *CPyType_bars___BuilderStats;
                PyObject *CPyDef_bars___BuilderStats(PyObject *cpy_r_args, PyObject *cpy_r_kwargs);
                PyTypeObject *CPyType_bars____SymbolState;
                PyObject *CPyDef_bars____SymbolState(void);
                PyTypeObject *CPyType_bars___BarBuilder;
                PyObject *CPyDef_bars___BarBuilder(PyObject *cpy_r_on_bar, PyObject *cpy_r_on_microbar, CPyTagged cpy_r_grace_ms, char cpy_r_clock_from_trades, CPyTagged cpy_r_max_ahead_ms);
                char CPyDef_bars____SymbolState_____init__(PyObject *cpy_r_self);
                PyObject *CPyPy_bars____SymbolState_____init__(PyObject *self, PyObject *args, PyObject *kw);
                char CPyDef_bars___BarBuilder_____init__(PyObject *cpy_r_self, PyObject *cpy_r_on_bar, PyObject *cpy_r_on_microbar, CPyTagged cpy_r_grace_ms, char cpy_r_clock_from_trades, CPyTagged cpy_r_max_ahead_ms);
                PyObject *CPyPy_bars___BarBuilder_____init__(PyObject *self, PyObject *args, PyObject *kw);
                char CPyDef_bars___BarBuilder___on_trade(PyObject *cpy_r_self, PyObject *cpy_r_trade);
                PyObject *CPyPy_bars___BarBuilder___on_trade(PyObject *self, PyObject *const *args, size_t nargs, PyObject *kwnames);
                char CPyDef_bars___BarBuilder___on_trades(PyObject *cpy_r_self, PyObject *cpy_r_trades);
                PyObject *CPyPy_bars___BarBuilder___on_trades(PyObject *self, PyObject *const *args, size_t nargs, PyObject *kwnames);
                char CPyDef_bars___BarBuilder___on_quote(PyObject *cpy_r_self, PyObject *cpy_r_quote);
                PyObject *CPyPy_bars___BarBuilder___on_quote(PyObject *self, PyObject *const *args, size_t nargs, PyObject *kwnames);
                char CPyDef_bars___BarBuilder___advance(PyObject *cpy_r_self, CPyTagged cpy_r_now_ms);
                PyObject *CPyPy_bars___BarBuilder___advance(PyObject *self, PyObject *const *args, size_t nargs, PyObject *kwnames);
                char CPyDef_bars___BarBuilder___flush(PyObject *cpy_r_self);
                PyObject *CPyPy_bars___BarBuilder___flush(PyObject *self, PyObject *const *args, size_t nargs, PyObject *kwnames);
                PyObject *CPyDef_bars___BarBuilder___mark_final(PyObject *cpy_r_self, PyObject *cpy_r_symbol, CPyTagged cpy_r_seq);
                PyObject *CPyPy_bars___BarBuilder___mark_final(PyObject *self, PyObject *const *args, size_t nargs, PyObject *kwnames);
                PyObject *CPyDef_bars___BarBuilder___quote(PyObject *cpy_r_self, PyObject *cpy_r_symbol);
                PyObject *CPyPy_bars___BarBuilder___quote(PyObject *self, PyObject *const *args, size_t nargs, PyObject *kwnames);
                PyObject *CPyDef_bars___BarBuilder___forming(PyObject *cpy_r_self, PyObject *cpy_r_symbol);
                PyObject *CPyPy_bars___BarBuilder___forming(PyObject *self, PyObject *const *args, size_t nargs, PyObject *kwnames);
                CPyTagged CPyDef_bars___BarBuilder___final_seq(PyObject *cpy_r_self, PyObject *cpy_r_symbol);
                PyObject *CPyPy_bars___BarBuilder___final_seq(PyObject *self, PyObject *const *args, size_t nargs, PyObject *kwnames);
                PyObject *CPyDef_bars___BarBuilder____forming(PyObject *cpy_r_self, PyObject *cpy_r_st);
                PyObject *CPyPy_bars___BarBuilder____forming(PyObject *self, PyObject *const *args, size_t nargs, PyObject *kwnames);
                char CPyDef_bars___BarBuilder____flush_bucket(PyObject *cpy_r_self, PyObject *cpy_r_symbol, PyObject *cpy_r_st);
                PyObject *CPyPy_bars___BarBuilder____flush_bucket(PyObject *self, PyObject *const *args, size_t nargs, PyObject *kwnames);
                char CPyDef_bars___BarBuilder____finalise(PyObject *cpy_r_self, PyObject *cpy_r_symbol, PyObject *cpy_r_st);
                PyObject *CPyPy_bars___BarBuilder____finalise(PyObject *self, PyObject *const *args, size_t nargs, PyObject *kwnames);
                char CPyDef_bars___BarBuilder____flush_due_buckets(PyObject *cpy_r_self, CPyTagged cpy_r_now_ms);
                PyObject *CPyPy_bars___BarBuilder____flush_due_buckets(PyObject *self, PyObject *const *args, size_t nargs, PyObject *kwnames);
                char CPyDef_bars___BarBuilder____finalise_due(PyObject *cpy_r_self, CPyTagged cpy_r_now_ms);
                PyObject *CPyPy_bars___BarBuilder____finalise_due(PyObject *self, PyObject *const *args, size_t nargs, PyObject *kwnames);
                PyObject *CPyDef_bars___build_bars(PyObject *cpy_r_trades, CPyTagged cpy_r_grace_ms);
                PyObject *CPyPy_bars___build_bars(PyObject *self, PyObject *const *args, size_t nargs, PyObject *kwnames);
                char CPyDef_bars_____top_level__(void);
                PyObject *CPyStatic_conditions____RULES = NULL;
                CPyTagged CPyDef_conditions___rule_for(CPyTagged cpy_r_condition);
                PyObject *CPyPy_conditions___rule_for(PyObject *self, PyObject *const *args, size_t nargs, PyObject *kwnames);
                CPyTagged CPyDef_conditions___eligibility(PyObject *cpy_r_conditions);
                PyObject *CPyPy_conditions___eligibility(PyObject *self, PyObject *const *args, size_t nargs, PyObject *kwnames);
                char CPyDef_conditions_____top_level__(void);
                
                static int exec_dc479947e61d54220be4__mypyc(PyObject *module)
                {
                    int res;
                    PyObject *capsule;
                    PyObject *tmp;
                    
                    if (CPyModuleLockAPI_dc479947e61d54220be4 == NULL) {
                        CPyModuleLockAPI_dc479947e61d54220be4 = CPyModuleLockAPI_Alloc();
                        if (CPyModuleLockAPI_dc479947e61d54220be4 == NULL) goto fail;
                    }
                    if (intern_strings() < 0) goto fail;
                    if (CPyGlobalsInit() < 0) goto fail;
                    
                    extern PyObject *CPyInit_spotlight_trader___market___bars(void);
                    capsule = PyCapsule_New((void *)CPyInit_spotlight_trader___market___bars, "dc479947e61d54220be4__mypyc.init_spotlight_trader___market___bars", NULL);
                    if (!capsule) {
                        goto fail;
                    }
                    res = PyObject_SetAttrString(module, "init_spotlight_trader___market___bars", capsule);
                    Py_DECREF(capsule);
                    if (res < 0) {
                        goto fail;
                    }
                    
                    extern PyObject *CPyInit_spotlight_trader___market___conditions(void);
                    capsule = PyCapsule_New((void *)CPyInit_spotlight_trader___market___conditions, "dc479947e61d54220be4__mypyc.init_spotlight_trader___market___conditions", NULL);
                    if (!capsule) {
                        goto fail;
                    }
                    res = PyObject_SetAttrString(module, "init_spotlight_trader___market___conditions", capsule);
                    Py_DECREF(capsule);
                    if (res < 0) {
                        goto fail;
                    }
                    
                    return 0;
                    fail:
                    return -1;
                }
                static PyModuleDef module_def_dc479947e61d54220be4__mypyc = {
                    PyModuleDef_HEAD_INIT,
                    .m_name = "dc479947e61d54220be4__mypyc",
                    .m_doc = NULL,
                    .m_size = -1,
                    .m_methods = NULL,
                };
                PyMODINIT_FUNC PyInit_dc479947e61d54220be4__mypyc(void) {
                    static PyObject *module = NULL;
                    if (module) {
                        Py_INCREF(module);
                        return module;
                    }
                    module = PyModule_Create(&module_def_dc479947e61d54220be4__mypyc);
                    if (!module) {
                        return NULL;
                    }
                    if (exec_dc479947e61d54220be4__mypyc(module) < 0) {
                        Py_DECREF(module);
                        module = NULL;
                        return NULL;
                    }
                    return module;
                }
