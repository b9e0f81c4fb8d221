// expect: line 8: missing '}'
OPENQASM 2.0;
include "qelib1.inc";
qreg q[1];
gate g a {
  h a;
  x a;
