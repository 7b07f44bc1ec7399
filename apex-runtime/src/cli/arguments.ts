/**
 * Command-line flags of the runtime's commands: `--name value`, `--name=value`, short aliases,
 * comma-separated lists, and boolean switches. Unknown flags are refused with the usage text.
 */
export interface FlagSpec {
  name: string;
  short?: string;
  /** A switch takes no value. */
  switch?: boolean;
  description: string;
}

export class UsageError extends Error {}

export function parseFlags(
  argv: readonly string[],
  specs: readonly FlagSpec[]
): Map<string, string | true> {
  const values = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.includes('=')
      ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
      : [arg, undefined];
    const spec = specs.find(
      (candidate) =>
        `--${candidate.name}` === flag || (candidate.short && `-${candidate.short}` === flag)
    );
    if (!spec) throw new UsageError(`Unknown argument: ${arg}`);
    if (spec.switch) {
      values.set(spec.name, true);
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined || (inline === undefined && value.startsWith('-'))) {
      throw new UsageError(`--${spec.name} needs a value`);
    }
    values.set(spec.name, value);
  }
  return values;
}

export function listFlag(value: string | true | undefined): string[] | undefined {
  if (typeof value !== 'string') return undefined;
  return value
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

export function usage(command: string, summary: string, specs: readonly FlagSpec[]): string {
  const lines = specs.map((spec) => {
    const names = [
      spec.short ? `-${spec.short}` : undefined,
      `--${spec.name}${spec.switch ? '' : ' <value>'}`
    ]
      .filter(Boolean)
      .join(', ');
    return `  ${names.padEnd(32)} ${spec.description}`;
  });
  return `${summary}\n\nUsage: ${command} [flags]\n\n${lines.join('\n')}\n`;
}
