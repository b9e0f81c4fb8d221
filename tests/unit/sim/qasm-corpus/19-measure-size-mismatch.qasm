// expect: line 6: sizes differ
OPENQASM 2.0;
qreg q[2];
creg c[3];
U(0,0,0) q[0];
measure q -> c;
