// expect: line 5: unterminated /* comment
OPENQASM 2.0;
include "qelib1.inc";
qreg q[1];
/* h q[0];
