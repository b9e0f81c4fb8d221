// expect: line 6: unknown parameter 'phi'
OPENQASM 2.0;
include "qelib1.inc";
qreg q[1];
gate g(theta) a {
  rz(theta + phi) a;
}
g(0.5) q[0];
