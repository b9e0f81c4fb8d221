// expect: line 6: is a quantum register
OPENQASM 2.0;
include "qelib1.inc";
qreg q[1];
qreg r[1];
measure q[0] -> r[0];
