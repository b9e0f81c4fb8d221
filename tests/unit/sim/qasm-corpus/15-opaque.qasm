// expect: line 5: 'opaque' gates are not supported
OPENQASM 2.0;
include "qelib1.inc";
qreg q[1];
opaque magic(a) b;
