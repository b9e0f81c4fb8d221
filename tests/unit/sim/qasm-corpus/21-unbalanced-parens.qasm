// expect: line 5: expected ')'
OPENQASM 2.0;
include "qelib1.inc";
qreg q[1];
rz((pi/2) q[0];
