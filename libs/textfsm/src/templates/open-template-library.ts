import { findInstalledNtcTemplates } from './installed-templates';
import { TemplateLibrary } from './template-library';

/**
 * The library every Yardmaster parser uses: the user's own folder (YARD_TEXTFSM_TEMPLATES, read by libs/config)
 * first, then the ntc-templates the launcher installed. TEXTFSM_TEMPLATES_MISSING when those are not installed.
 */
export function openTemplateLibrary(userTemplates: string | null, installedFrom?: string): TemplateLibrary {
  const installed = findInstalledNtcTemplates(installedFrom);
  return TemplateLibrary.open(userTemplates ? [userTemplates, installed] : [installed]);
}
