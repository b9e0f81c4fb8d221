// expect: line 5: unknown identifier 'cosh'
OPENQASM 2.0;
include "qelib1.inc";
qreg q[1];
rz(cosh(1)) q[0];
