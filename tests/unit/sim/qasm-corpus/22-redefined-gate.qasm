// expect: line 5: gate 'h' is already defined
OPENQASM 2.0;
include "qelib1.inc";
qreg q[1];
gate h a { x a; }
