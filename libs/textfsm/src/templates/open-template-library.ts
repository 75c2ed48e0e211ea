import { GuardedParser } from '../guarded/guarded-parser';
import { findInstalledNtcTemplates } from './installed-templates';
import { TemplateLibrary } from './template-library';

/**
 * The template folders every Yardmaster parser searches, in order: the user's own folder (YARD_TEXTFSM_TEMPLATES,
 * read by libs/config) first, then the ntc-templates the launcher installed. TEXTFSM_TEMPLATES_MISSING when those are
 * not installed.
 */
export function templateFolders(userTemplates: string | null, installedFrom?: string): string[] {
  const installed = findInstalledNtcTemplates(installedFrom);
  return userTemplates ? [userTemplates, installed] : [installed];
}

/** The library of those folders, parsing on the caller's thread. */
export function openTemplateLibrary(userTemplates: string | null, installedFrom?: string): TemplateLibrary {
  return TemplateLibrary.open(templateFolders(userTemplates, installedFrom));
}

/** The same folders parsed on a thread of their own with a deadline: what the collector and `yard parse` use. */
export function openGuardedParser(userTemplates: string | null, deadlineMs: number): GuardedParser {
  return new GuardedParser({ folders: templateFolders(userTemplates), deadlineMs });
}
