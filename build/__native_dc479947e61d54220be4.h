#ifndef MYPYC_NATIVE_dc479947e61d54220be4_H
#define MYPYC_NATIVE_dc479947e61d54220be4_H
#include <Python.h>
#include <CPy.h>
#ifndef MYPYC_DECLARED_tuple_T4CIOO
#define MYPYC_DECLARED_tuple_T4CIOO
typedef struct tuple_T4CIOO {
    char f0;
    CPyTagged f1;
    PyObject *f2;
    PyObject *f3;
} tuple_T4CIOO;
#endif

#ifndef MYPYC_DECLARED_tuple_T2OO
#define MYPYC_DECLARED_tuple_T2OO
typedef struct tuple_T2OO {
    PyObject *f0;
    PyObject *f1;
} tuple_T2OO;
#endif

#ifndef MYPYC_DECLARED_tuple_T0
#define MYPYC_DECLARED_tuple_T0
typedef struct tuple_T0 {
    int empty_struct_error_flag;
} tuple_T0;
#endif

#ifndef MYPYC_DECLARED_tuple_T18IIIIIIIIIIIIIIIIII
#define MYPYC_DECLARED_tuple_T18IIIIIIIIIIIIIIIIII
typedef struct tuple_T18IIIIIIIIIIIIIIIIII {
    CPyTagged f0;
    CPyTagged f1;
    CPyTagged f2;
    CPyTagged f3;
    CPyTagged f4;
    CPyTagged f5;
    CPyTagged f6;
    CPyTagged f7;
    CPyTagged f8;
    CPyTagged f9;
    CPyTagged f10;
    CPyTagged f11;
    CPyTagged f12;
    CPyTagged f13;
    CPyTagged f14;
    CPyTagged f15;
    CPyTagged f16;
    CPyTagged f17;
} tuple_T18IIIIIIIIIIIIIIIIII;
#endif

#ifndef MYPYC_DECLARED_tuple_T6IIIIII
#define MYPYC_DECLARED_tuple_T6IIIIII
typedef struct tuple_T6IIIIII {
    CPyTagged f0;
    CPyTagged f1;
    CPyTagged f2;
    CPyTagged f3;
    CPyTagged f4;
    CPyTagged f5;
} tuple_T6IIIIII;
#endif

#ifndef MYPYC_DECLARED_tuple_T8IIIIIIII
#define MYPYC_DECLARED_tuple_T8IIIIIIII
typedef struct tuple_T8IIIIIIII {
    CPyTagged f0;
    CPyTagged f1;
    CPyTagged f2;
    CPyTagged f3;
    CPyTagged f4;
    CPyTagged f5;
    CPyTagged f6;
    CPyTagged f7;
} tuple_T8IIIIIIII;
#endif

#ifndef MYPYC_DECLARED_tuple_T2II
#define MYPYC_DECLARED_tuple_T2II
typedef struct tuple_T2II {
    CPyTagged f0;
    CPyTagged f1;
} tuple_T2II;
#endif

#ifndef MYPYC_DECLARED_tuple_T5IIIII
#define MYPYC_DECLARED_tuple_T5IIIII
typedef struct tuple_T5IIIII {
    CPyTagged f0;
    CPyTagged f1;
    CPyTagged f2;
    CPyTagged f3;
    CPyTagged f4;
} tuple_T5IIIII;
#endif

typedef struct {
    PyObject_HEAD
    CPyVTableItem *vtable;
    uint32_t bitmap;
    CPyTagged _trades;
    CPyTagged _ineligible;
    CPyTagged _late_trades;
    CPyTagged _rejected;
    CPyTagged _bars;
    CPyTagged _microbars;
    double _unpriced_volume;
} spotlight_trader___market___bars___BuilderStatsObject;

typedef struct {
    PyObject_HEAD
    CPyVTableItem *vtable;
    CPyTagged _seq;
    CPyTagged _final_seq;
    char _has_oc;
    char _has_hl;
    double _open;
    double _high;
    double _low;
    double _close;
    CPyTagged _open_ts;
    CPyTagged _close_ts;
    double _volume;
    CPyTagged _trades;
    CPyTagged _b_idx;
    char _b_has_oc;
    char _b_has_hl;
    double _b_open;
    double _b_high;
    double _b_low;
    double _b_close;
    double _b_volume;
    CPyTagged _b_trades;
} spotlight_trader___market___bars____SymbolStateObject;

typedef struct {
    PyObject_HEAD
    CPyVTableItem *vtable;
    PyObject *__on_bar;
    PyObject *__on_microbar;
    CPyTagged _grace_ms;
    char __clock_from_trades;
    CPyTagged __max_ahead_ms;
    PyObject *__states;
    PyObject *__flags;
    PyObject *__quotes;
    CPyTagged _clock_ms;
    CPyTagged __clock_final_seq;
    CPyTagged __next_deadline_ms;
    CPyTagged __next_bucket_end_ms;
    PyObject *_stats;
} spotlight_trader___market___bars___BarBuilderObject;

#endif
