// Runs the bpmnlint CLI as CI does, on a diagram with Modeler defaults, and checks that our rules
// report exactly the offending elements (and that processes/ passes).
const { test } = require('node:test');
const assert = require('node:assert');
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const root = path.resolve(__dirname, '..');

function lint(file) {
  const result = spawnSync(process.execPath, [
    require.resolve('bpmnlint/bin/bpmnlint.js'), '--max-warnings=0', '--config', '../../.bpmnlintrc', file
  ], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } });
  return { status: result.status, output: result.stdout + result.stderr };
}

function reported(output, rule) {
  return output.split('\n')
    .filter(line => line.includes(rule))
    .map(line => line.trim().split(/\s+/)[0])
    .sort();
}

const defaults = lint('test/fixtures/modeler-defaults.bpmn');

test('a diagram with Modeler defaults fails', () => {
  assert.strictEqual(defaults.status, 1, defaults.output);
});

test('aiact/no-generated-ids reports random and "_1" ids of referenced elements only', () => {
  assert.deepStrictEqual(reported(defaults.output, 'aiact/no-generated-ids'),
    [ 'Activity_0abc123', 'Flow_0x1y2z3', 'Message_2ab9c1d', 'Process_1', 'StartEvent_1' ], defaults.output);
});

test('aiact/name-required reports unnamed and blank-named tasks and events', () => {
  assert.deepStrictEqual(reported(defaults.output, 'aiact/name-required'),
    [ 'Activity_0abc123', 'EndEvent_Done' ], defaults.output);
});

test('processes/*.bpmn pass', () => {
  const processes = lint('../../processes/*.bpmn');
  assert.strictEqual(processes.status, 0, processes.output);
});
