#ifndef MYPYC_LIBRT_INTERNAL_dc479947e61d54220be4_H
#define MYPYC_LIBRT_INTERNAL_dc479947e61d54220be4_H
#include <Python.h>
#include <CPy.h>
#include "__native_dc479947e61d54220be4.h"

int CPyGlobalsInit(void);

extern CPyModuleLockAPI *CPyModuleLockAPI_dc479947e61d54220be4;
extern PyObject *CPyStatics[151];
extern const char * const CPyLit_Str[];
extern const char * const CPyLit_Bytes[];
extern const char * const CPyLit_Int[];
extern const double CPyLit_Float[];
extern const double CPyLit_Complex[];
extern const int CPyLit_Tuple[];
extern const int CPyLit_FrozenSet[];
extern CPyModule *CPyModule_spotlight_trader___market___bars__internal;
extern CPyImportState CPyImportState_spotlight_trader___market___bars;
extern CPyModuleCache CPyModule_spotlight_trader___market___bars;
extern PyObject *CPyStatic_bars___globals;
extern CPyModuleCache CPyModule_builtins;
extern CPyModuleCache CPyModule___future__;
extern CPyModuleCache CPyModule_collections___abc;
extern CPyModuleCache CPyModule_dataclasses;
extern CPyModule *CPyModule_spotlight_trader___market___conditions__internal;
extern CPyImportState CPyImportState_spotlight_trader___market___conditions;
extern CPyModuleCache CPyModule_spotlight_trader___market___conditions;
extern CPyModuleCache CPyModule_spotlight_trader___model;
extern int CPyExec_spotlight_trader___market___bars(PyObject *module);
extern PyObject *CPyInit_spotlight_trader___market___bars(void);
extern PyObject *CPyInitOnly_spotlight_trader___market___bars(void);
extern PyObject *CPyStatic_conditions___globals;
extern CPyModuleCache CPyModule_typing;
extern int CPyExec_spotlight_trader___market___conditions(PyObject *module);
extern PyObject *CPyInit_spotlight_trader___market___conditions(void);
extern PyObject *CPyInitOnly_spotlight_trader___market___conditions(void);
extern CPyTagged CPyStatic_bars___spotlight_trader___market___bars___BarBuilder_____init_____max_ahead_ms;
extern PyTypeObject *CPyType_bars___BuilderStats;
extern PyObject *CPyDef_bars___BuilderStats(PyObject *cpy_r_args, PyObject *cpy_r_kwargs);
extern PyTypeObject *CPyType_bars____SymbolState;
extern PyObject *CPyDef_bars____SymbolState(void);
extern PyTypeObject *CPyType_bars___BarBuilder;
extern PyObject *CPyDef_bars___BarBuilder(PyObject *cpy_r_on_bar, PyObject *cpy_r_on_microbar, CPyTagged cpy_r_grace_ms, char cpy_r_clock_from_trades, CPyTagged cpy_r_max_ahead_ms);
extern char CPyDef_bars____SymbolState_____init__(PyObject *cpy_r_self);
extern PyObject *CPyPy_bars____SymbolState_____init__(PyObject *self, PyObject *args, PyObject *kw);
extern char CPyDef_bars___BarBuilder_____init__(PyObject *cpy_r_self, PyObject *cpy_r_on_bar, PyObject *cpy_r_on_microbar, CPyTagged cpy_r_grace_ms, char cpy_r_clock_from_trades, CPyTagged cpy_r_max_ahead_ms);
extern PyObject *CPyPy_bars___BarBuilder_____init__(PyObject *self, PyObject *args, PyObject *kw);
extern char CPyDef_bars___BarBuilder___on_trade(PyObject *cpy_r_self, PyObject *cpy_r_trade);
extern PyObject *CPyPy_bars___BarBuilder___on_trade(PyObject *self, PyObject *const *args, size_t nargs, PyObject *kwnames);
extern char CPyDef_bars___BarBuilder___on_trades(PyObject *cpy_r_self, PyObject *cpy_r_trades);
extern PyObject *CPyPy_bars___BarBuilder___on_trades(PyObject *self, PyObject *const *args, size_t nargs, PyObject *kwnames);
extern char CPyDef_bars___BarBuilder___on_quote(PyObject *cpy_r_self, PyObject *cpy_r_quote);
extern PyObject *CPyPy_bars___BarBuilder___on_quote(PyObject *self, PyObject *const *args, size_t nargs, PyObject *kwnames);
extern char CPyDef_bars___BarBuilder___advance(PyObject *cpy_r_self, CPyTagged cpy_r_now_ms);
extern PyObject *CPyPy_bars___BarBuilder___advance(PyObject *self, PyObject *const *args, size_t nargs, PyObject *kwnames);
extern char CPyDef_bars___BarBuilder___flush(PyObject *cpy_r_self);
extern PyObject *CPyPy_bars___BarBuilder___flush(PyObject *self, PyObject *const *args, size_t nargs, PyObject *kwnames);
extern PyObject *CPyDef_bars___BarBuilder___mark_final(PyObject *cpy_r_self, PyObject *cpy_r_symbol, CPyTagged cpy_r_seq);
extern PyObject *CPyPy_bars___BarBuilder___mark_final(PyObject *self, PyObject *const *args, size_t nargs, PyObject *kwnames);
extern PyObject *CPyDef_bars___BarBuilder___quote(PyObject *cpy_r_self, PyObject *cpy_r_symbol);
extern PyObject *CPyPy_bars___BarBuilder___quote(PyObject *self, PyObject *const *args, size_t nargs, PyObject *kwnames);
extern PyObject *CPyDef_bars___BarBuilder___forming(PyObject *cpy_r_self, PyObject *cpy_r_symbol);
extern PyObject *CPyPy_bars___BarBuilder___forming(PyObject *self, PyObject *const *args, size_t nargs, PyObject *kwnames);
extern CPyTagged CPyDef_bars___BarBuilder___final_seq(PyObject *cpy_r_self, PyObject *cpy_r_symbol);
extern PyObject *CPyPy_bars___BarBuilder___final_seq(PyObject *self, PyObject *const *args, size_t nargs, PyObject *kwnames);
extern PyObject *CPyDef_bars___BarBuilder____forming(PyObject *cpy_r_self, PyObject *cpy_r_st);
extern PyObject *CPyPy_bars___BarBuilder____forming(PyObject *self, PyObject *const *args, size_t nargs, PyObject *kwnames);
extern char CPyDef_bars___BarBuilder____flush_bucket(PyObject *cpy_r_self, PyObject *cpy_r_symbol, PyObject *cpy_r_st);
extern PyObject *CPyPy_bars___BarBuilder____flush_bucket(PyObject *self, PyObject *const *args, size_t nargs, PyObject *kwnames);
extern char CPyDef_bars___BarBuilder____finalise(PyObject *cpy_r_self, PyObject *cpy_r_symbol, PyObject *cpy_r_st);
extern PyObject *CPyPy_bars___BarBuilder____finalise(PyObject *self, PyObject *const *args, size_t nargs, PyObject *kwnames);
extern char CPyDef_bars___BarBuilder____flush_due_buckets(PyObject *cpy_r_self, CPyTagged cpy_r_now_ms);
extern PyObject *CPyPy_bars___BarBuilder____flush_due_buckets(PyObject *self, PyObject *const *args, size_t nargs, PyObject *kwnames);
extern char CPyDef_bars___BarBuilder____finalise_due(PyObject *cpy_r_self, CPyTagged cpy_r_now_ms);
extern PyObject *CPyPy_bars___BarBuilder____finalise_due(PyObject *self, PyObject *const *args, size_t nargs, PyObject *kwnames);
extern PyObject *CPyDef_bars___build_bars(PyObject *cpy_r_trades, CPyTagged cpy_r_grace_ms);
extern PyObject *CPyPy_bars___build_bars(PyObject *self, PyObject *const *args, size_t nargs, PyObject *kwnames);
extern char CPyDef_bars_____top_level__(void);
extern PyObject *CPyStatic_conditions____RULES;
extern CPyTagged CPyDef_conditions___rule_for(CPyTagged cpy_r_condition);
extern PyObject *CPyPy_conditions___rule_for(PyObject *self, PyObject *const *args, size_t nargs, PyObject *kwnames);
extern CPyTagged CPyDef_conditions___eligibility(PyObject *cpy_r_conditions);
extern PyObject *CPyPy_conditions___eligibility(PyObject *self, PyObject *const *args, size_t nargs, PyObject *kwnames);
extern char CPyDef_conditions_____top_level__(void);
#endif
