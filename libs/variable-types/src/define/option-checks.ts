import type { Choice, IpVersion } from '@yardmaster/contracts';

/** Both bounds whole numbers from 0, the lower not above the upper. */
export function checkBounds(builder: string, minName: string, min: unknown, maxName: string, max: unknown): void {
  for (const [name, value] of [[minName, min], [maxName, max]] as const) {
    if (value !== undefined && !(Number.isInteger(value) && (value as number) >= 0)) throw new Error(`${builder}: ${name} must be a whole number, at least 0, got ${String(value)}`);
  }
  if (min !== undefined && max !== undefined && (min as number) > (max as number)) throw new Error(`${builder}: ${minName} (${String(min)}) is greater than ${maxName} (${String(max)})`);
}

/** The bound as the definition keeps it: absent stays absent. */
export function optional<TName extends string>(name: TName, value: unknown): { [K in TName]?: number } {
  return (value === undefined ? {} : { [name]: value as number }) as { [K in TName]?: number };
}

export function checkedChoices(builder: string, choices: unknown): readonly Choice[] {
  const list = choices as readonly Choice[];
  if (list.length === 0) throw new Error(`${builder}: give at least one choice`);
  const values = list.map(([value]) => value);
  // "" counts as not given, so it could never be chosen.
  if (values.includes('')) throw new Error(`${builder}: a choice value cannot be ""`);
  const repeated = values.find((value, index) => values.indexOf(value) !== index);
  if (repeated !== undefined) throw new Error(`${builder}: choice value ${JSON.stringify(repeated)} is listed twice`);
  return list;
}

export function checkedVersion(builder: string, version: unknown): { version?: IpVersion } {
  if (version === undefined) return {};
  if (version !== 4 && version !== 6) throw new Error(`${builder}: version must be 4 or 6, got ${JSON.stringify(version)}`);
  return { version };
}

/** `"a", "b"`: how messages list the choice values. */
export function choiceList(choices: readonly Choice[]): string {
  return choices.map(([choice]) => JSON.stringify(choice)).join(', ');
}

/** `{ "a": "Label A" }`: the labels a form shows for the choice values. */
export function choiceLabels(choices: readonly Choice[]): { [value: string]: string } {
  return Object.fromEntries(choices.map(([value, label]) => [value, label]));
}
