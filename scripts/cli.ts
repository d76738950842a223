// The command-line scripts' arguments, one way for all of them: node:util's
// parseArgs, `--help` (or -h) printing the usage and exiting 0, and a wrong
// option or value ending in one line on stderr and exit code 2 — never a
// stack trace.
import { type ParseArgsConfig, parseArgs } from 'node:util';

export const USAGE_ERROR = 2;

export interface CliSpec<O extends NonNullable<ParseArgsConfig['options']>> {
  /** The npm script's name, which starts every error line: "bot: …". */
  name: string;
  /** The usage text `--help` prints: a synopsis line, then what the options mean. */
  usage: string;
  options: O;
  /** Whether the script takes files or other plain arguments. */
  positionals?: boolean;
}

/** Ends the script with one line on stderr and exit code 2. */
export function usageError(name: string, message: string): never {
  console.error(`${name}: ${message} (see --help)`);
  process.exit(USAGE_ERROR);
}

/** The parsed arguments; exits for --help (0) and for anything it does not know (2). */
export function parseCli<const O extends NonNullable<ParseArgsConfig['options']>>(
  spec: CliSpec<O>,
  args: string[] = process.argv.slice(2),
) {
  // --help wins wherever it stands before "--" (after "--" it is a file name).
  const end = args.indexOf('--');
  const flags = end === -1 ? args : args.slice(0, end);
  if (flags.includes('--help') || flags.includes('-h')) {
    console.log(spec.usage.trimEnd());
    process.exit(0);
  }
  try {
    return parseArgs({
      args,
      options: spec.options,
      allowPositionals: spec.positionals ?? false,
      strict: true,
    });
  } catch (error) {
    // parseArgs's messages carry a hint about "--" that fits on the same line; keep only the first sentence.
    const message = (error as Error).message.split(/\.\s/)[0]?.replace(/\.$/, '') ?? String(error);
    return usageError(spec.name, message);
  }
}

/** A whole number at least `min`, or a usage error naming the option. */
export function integerOption(name: string, option: string, value: string | undefined, min = 0): number {
  const n = Number(value);
  if (value === undefined || value.trim() === '' || !Number.isInteger(n) || n < min)
    usageError(
      name,
      `--${option} must be a whole number${min > 0 ? ` of at least ${min}` : ''}, found "${value}"`,
    );
  return n;
}

/** A number greater than zero, or a usage error naming the option. */
export function positiveNumberOption(name: string, option: string, value: string | undefined): number {
  const n = Number(value);
  if (value === undefined || value.trim() === '' || !Number.isFinite(n) || n <= 0)
    usageError(name, `--${option} must be a number greater than 0, found "${value}"`);
  return n;
}
