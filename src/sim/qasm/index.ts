/**
 * OpenQASM 2.0 import (`parseQasm`) and export (`toQasm`) for the circuit IR.
 *
 * Import supports the header, `include "qelib1.inc";`, several qreg/creg (flattened in declaration
 * order), the whole qelib1.inc gate set as Qiskit defines it, the built-ins U and CX, user `gate`
 * definitions (parameters, qubit arguments, nesting), register broadcasting, `measure` (bit or whole
 * register), `barrier`, and parameter expressions (pi, + − * / ^, unary minus, parentheses, sin cos tan
 * exp ln sqrt). `reset`, `if` and `opaque` are rejected. Gates the IR lacks are decomposed exactly into
 * IR gates (no global phase is lost except where Qiskit's own definition differs only by one).
 *
 * Every problem throws a QasmError carrying `line` and `column` (1-based), with a one-line message such
 * as "3:14: unknown gate 'foo'"; pieces of the input in it are escaped and truncated (quoteInput), so
 * printing it on a terminal is safe. The parser is linear in the input (tokens are produced on demand,
 * every check is a map or set lookup), bounds the input size, expression nesting and definition nesting,
 * and charges each gate call for its whole expansion before expanding it (QASM_LIMITS), so hostile input
 * cannot hang it, exhaust memory or crash it with a stack overflow.
 */
export { QasmError, quoteInput } from './errors';
export { parseQasm, QASM_LIMITS } from './parser';
export { formatAngle, toQasm } from './export';
