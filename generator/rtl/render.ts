// Rendering Verilog from Handlebars templates. Templates hold structure only: every value
// arrives as a ready string or number in a typed view, so the template makes no decisions.
// After rendering, the text is checked for leftover template syntax and for the one module
// its file name promises.

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import { FlexorError } from '../errors.js';
import { templatesDir } from '../paths.js';

const TEMPLATE_NAME = /^[a-z0-9_-]+(\/[a-z0-9_-]+)*$/;
const MODULE_DECLARATION = /^[ \t]*module[ \t]+([A-Za-z_][A-Za-z0-9_$]*)/gm;

const handlebars = Handlebars.create();
const compiled = new Map<string, Handlebars.TemplateDelegate>();
let partialsRegistered = false;

/** Registers every `templates/partials/NAME.hbs` (or `NAME.v.hbs`) as the partial NAME. */
function registerPartials(): void {
  if (partialsRegistered) return;
  const dir = path.join(templatesDir(), 'partials');
  for (const file of readdirSync(dir).sort()) {
    if (!file.endsWith('.hbs')) continue;
    const name = file.replace(/(\.v)?\.hbs$/, '');
    handlebars.registerPartial(name, readFileSync(path.join(dir, file), 'utf8'));
  }
  partialsRegistered = true;
}

function compileTemplate(templateName: string): Handlebars.TemplateDelegate {
  const cached = compiled.get(templateName);
  if (cached !== undefined) return cached;
  if (!TEMPLATE_NAME.test(templateName)) {
    throw new FlexorError('INTERNAL', `template name ${JSON.stringify(templateName)} is not a plain relative name such as "decoder"`);
  }
  registerPartials();
  const file = path.join(templatesDir(), `${templateName}.v.hbs`);
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch (error) {
    throw new FlexorError('INTERNAL', `template ${templateName} not found at ${file}`, { cause: error });
  }
  const template = handlebars.compile(source, { strict: true, noEscape: true });
  compiled.set(templateName, template);
  return template;
}

/** Lists the module names declared in Verilog text, in order. */
export function declaredModules(text: string): string[] {
  return [...text.matchAll(MODULE_DECLARATION)].map((match) => match[1]!);
}

/** Throws unless `text` is free of template syntax and declares exactly the module `expectedModule`. */
export function checkRendered(text: string, templateName: string, expectedModule: string): void {
  const leftover = text.indexOf('{{');
  if (leftover >= 0) {
    const line = text.slice(0, leftover).split('\n').length;
    throw new FlexorError('INTERNAL', `template ${templateName} left "{{" in its output at line ${line}`);
  }
  const modules = declaredModules(text);
  if (modules.length !== 1 || modules[0] !== expectedModule) {
    const found = modules.length === 0 ? 'no module' : `modules ${modules.join(', ')}`;
    throw new FlexorError('INTERNAL', `template ${templateName} declared ${found}; expected exactly one module named ${expectedModule}`);
  }
}

/** Renders `templates/<templateName>.v.hbs` with `view` and checks the result; see checkRendered. */
export function renderVerilog(templateName: string, view: object, expectedModule: string): string {
  const template = compileTemplate(templateName);
  let text: string;
  try {
    text = template(view);
  } catch (error) {
    // Strict mode throws on a field the view lacks; that is a bug in the view builder.
    throw new FlexorError('INTERNAL', `template ${templateName}: ${(error as Error).message}`, { cause: error });
  }
  checkRendered(text, templateName, expectedModule);
  return text;
}
