// expect: line 2: expected the header
include "qelib1.inc";
qreg q[1];
