// expect: line 5: acts on 2 qubit(s), got 1
OPENQASM 2.0;
include "qelib1.inc";
qreg q[2];
cx q[0];
