// expect: line 2: only 2.0 is supported
OPENQASM 3.0;
qreg q[1];
