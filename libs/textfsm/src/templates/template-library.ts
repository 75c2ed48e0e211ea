import type { IndexAttributes } from '../clitable/cli-index';
import { mergeTables } from '../clitable/merge-tables';
import { runTemplate, type RunPosition, type TextFsmTable } from '../engine/run-template';
import { TextFsmError } from '../textfsm-error';
import { asTextTable } from './python-str';
import { TemplateFolder } from './template-folder';
import { toRecords, type TextFsmRecord } from './to-records';

/** Which templates parse a platform's command: the folder whose index matched, and the files in its order. */
export interface TemplateChoice {
  readonly folder: string;
  readonly templates: readonly string[];
}

/** For a watcher: each template's path as its run starts, and where the run is (run-template.ts). */
export interface ParseProgress {
  readonly templateStarted: (path: string) => void;
  readonly position: RunPosition;
}

/**
 * Template folders searched in order (a user's own first, ntc-templates last): the first folder whose index has a
 * line for the platform and command parses it, as ntc-templates' `parse_output` does with that folder.
 * Compiled templates are kept: build one library per process and reuse it.
 */
export class TemplateLibrary {
  private constructor(private readonly folders: readonly TemplateFolder[]) {}

  static open(folders: readonly string[]): TemplateLibrary {
    return new TemplateLibrary(folders.map((folder) => TemplateFolder.open(folder)));
  }

  /** The templates for this platform and command, or null when no index has them. */
  choose(platform: string, command: string): TemplateChoice | null {
    const attributes: IndexAttributes = { Command: command, Platform: platform };
    for (const folder of this.folders) {
      const templates = folder.templatesFor(attributes);
      if (templates) return { folder: folder.path, templates };
    }
    return null;
  }

  /** `parse_output(platform, command, output)`: the records; TEXTFSM_NO_TEMPLATE when no index has the command. */
  parse(platform: string, command: string, output: string, progress?: ParseProgress): TextFsmRecord[] {
    return toRecords(this.parseTable(platform, command, output, progress));
  }

  /** The merged table before its keys are lower-cased (CliTable after ParseCmd). */
  parseTable(platform: string, command: string, output: string, progress?: ParseProgress): TextFsmTable {
    for (const folder of this.folders) {
      const files = folder.templatesFor({ Command: command, Platform: platform });
      if (files) return parseWith(folder, files, output, progress);
    }
    throw new TextFsmError('TEXTFSM_NO_TEMPLATE', `no template for platform ${JSON.stringify(platform)} and command ${JSON.stringify(command)} in ${this.folders.map((folder) => `${folder.path}/index`).join(' or ')}`);
  }
}

function parseWith(folder: TemplateFolder, files: readonly string[], output: string, progress?: ParseProgress): TextFsmTable {
  const templates = files.map((file) => folder.template(file));
  let keys: readonly string[] = [];
  const parsed = templates.map((template) => {
    // clitable takes the Key values of the first template that has any, as it parses each in turn.
    if (keys.length === 0) keys = template.values.filter((value) => value.options.includes('Key')).map((value) => value.name);
    progress?.templateStarted(template.name);
    return { table: asTextTable(runTemplate(template, output, progress?.position)), keys };
  });
  if (parsed.length === 1) return parsed[0].table;
  try {
    return mergeTables(parsed[0].table, parsed.slice(1));
  } catch (error) {
    throw new TextFsmError('TEXTFSM_TEMPLATE_INVALID', `${files.join(':')}: cannot merge the templates' tables: ${(error as Error).message}`, { template: files.join(':') });
  }
}
