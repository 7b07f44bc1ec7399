/**
 * The program of a project: its classes and triggers parsed and linked over its schema, with
 * file names relative to the source folder (`classes/rules/RuleEngine.cls`) for messages and
 * coverage. Parsing the package takes a few seconds the first time a process does it, so the
 * program is built once per project and process.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { ApexProject } from '../metadata/loadProject';
import { Program, type ApexSource } from '../interpreter/program';
import '../system';

function triggerFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return triggerFiles(path);
    return entry.name.endsWith('.trigger') ? [path] : [];
  });
}

/** The project's Apex sources: classes, then triggers, paths relative to the source folder. */
export function projectSources(project: ApexProject): ApexSource[] {
  const classes = project.apexClasses.map((source) => ({
    file: relative(project.sourceDir, source.path),
    text: source.body
  }));
  const triggers = triggerFiles(join(project.sourceDir, 'triggers'))
    .sort()
    .map((path) => ({ file: relative(project.sourceDir, path), text: readFileSync(path, 'utf8') }));
  return [...classes, ...triggers];
}

const programs = new WeakMap<ApexProject, Program>();

export function loadProgram(project: ApexProject): Program {
  let program = programs.get(project);
  if (!program) {
    program = Program.fromSources(project.schema, projectSources(project));
    programs.set(project, program);
  }
  return program;
}
