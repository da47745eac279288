import { describe, expect, it } from 'vitest';
import { FlexorError } from '../../generator/errors.js';
import { checkRendered, declaredModules, renderVerilog } from '../../generator/rtl/render.js';

describe('renderVerilog', () => {
  it('rejects a view that lacks a field', () => {
    expect(() => renderVerilog('decoder', { header: '' }, 'dut')).toThrow(/template decoder: .*not defined/);
  });

  it('rejects a template name with a path', () => {
    expect(() => renderVerilog('../package', {}, 'dut')).toThrow(/not a plain relative name/);
  });
});

describe('checkRendered', () => {
  it('rejects leftover template syntax', () => {
    expect(() => checkRendered('module a;\n{{x}}\nendmodule\n', 't', 'a')).toThrow(/left "\{\{" in its output at line 2/);
  });

  it('requires exactly the promised module', () => {
    expect(() => checkRendered('module b;\nendmodule\n', 't', 'a')).toThrow(FlexorError);
    expect(() => checkRendered('module a;\nendmodule\nmodule c;\nendmodule\n', 't', 'a')).toThrow(/declared modules a, c/);
    expect(() => checkRendered('// module a\n', 't', 'a')).toThrow(/declared no module/);
    expect(() => checkRendered('module a #(\n) ();\nendmodule\n', 't', 'a')).not.toThrow();
  });

  it('lists declared modules in order', () => {
    expect(declaredModules('module x (\n);\nendmodule\n  module y;\nendmodule\n')).toEqual(['x', 'y']);
  });
});
