import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findIndexRow, parseCliIndex, type CliIndex, type IndexAttributes } from '../clitable/cli-index';
import { parseTemplate, type Template } from '../template/parse-template';
import { TextFsmError } from '../textfsm-error';

/** Enough for every command of every platform a fleet runs; past it the memory starts again (a bound, not a cache policy). */
const MAX_REMEMBERED_COMMANDS = 10_000;

/** A folder of templates with its `index` (ntc-templates' layout). Templates compile on first use and stay compiled. */
export class TemplateFolder {
  private readonly compiled = new Map<string, Template>();
  /** The index's answer per platform and command: a collector asks the same few again and again. */
  private readonly chosen = new Map<string, readonly string[] | null>();

  private constructor(
    readonly path: string,
    private readonly index: CliIndex,
  ) {}

  /** Reads and compiles `<path>/index`; TEXTFSM_INDEX_INVALID when it is missing or malformed. */
  static open(path: string): TemplateFolder {
    const indexFile = join(path, 'index');
    if (!existsSync(indexFile)) {
      throw new TextFsmError('TEXTFSM_INDEX_INVALID', `${indexFile}: no index file (a template folder needs one: a 'Template, Platform, Command' header and a line per template)`, {
        template: indexFile,
      });
    }
    return new TemplateFolder(path, parseCliIndex(readFileSync(indexFile, 'utf8'), indexFile));
  }

  /** The template file names the index gives for this platform and command, or null. */
  templatesFor(attributes: IndexAttributes): readonly string[] | null {
    const key = `${attributes.Platform}\n${attributes.Command}`;
    let templates = this.chosen.get(key);
    if (templates === undefined) {
      templates = findIndexRow(this.index, attributes)?.templates ?? null;
      if (this.chosen.size >= MAX_REMEMBERED_COMMANDS) this.chosen.clear();
      this.chosen.set(key, templates);
    }
    return templates;
  }

  template(fileName: string): Template {
    let template = this.compiled.get(fileName);
    if (template === undefined) {
      const file = join(this.path, fileName);
      if (!existsSync(file)) {
        throw new TextFsmError('TEXTFSM_INDEX_INVALID', `${this.index.name} names ${fileName}, which is not in ${this.path}`, { template: file });
      }
      template = parseTemplate(readFileSync(file, 'utf8'), file);
      this.compiled.set(fileName, template);
    }
    return template;
  }
}
