/**
 * Each planted defect (../__fixtures__/plantedDefects.ts) makes its test class fail in the
 * offline runtime with the platform's message, while the unedited class passes.
 */
import { loadProject, type ApexProject } from '../../metadata/loadProject';
import { runTests } from '../testRunner';
import { PLANTED_DEFECTS, type PlantedDefect } from '../__fixtures__/plantedDefects';

const project = loadProject();

function withDefect(defect: PlantedDefect): ApexProject {
  let edits = 0;
  const apexClasses = project.apexClasses.map((source) => {
    if (source.name !== defect.className) return source;
    const occurrences = source.body.split(defect.find).length - 1;
    if (occurrences !== 1) {
      throw new Error(
        `${defect.name}: the text to edit occurs ${occurrences} times in ${defect.className}`
      );
    }
    edits++;
    return { ...source, body: source.body.replace(defect.find, defect.replace) };
  });
  if (edits !== 1) throw new Error(`${defect.name}: no class ${defect.className}`);
  return { ...project, apexClasses };
}

describe('planted defects', () => {
  it.each(PLANTED_DEFECTS.map((defect) => [defect.name, defect] as const))(
    '%s passes unedited',
    (_name, defect) => {
      const result = runTests(project, { classNames: [defect.testClass] });
      expect(result.methods.filter((method) => method.outcome === 'Fail')).toEqual([]);
    }
  );

  it.each(PLANTED_DEFECTS.map((defect) => [defect.name, defect] as const))(
    '%s fails its tests',
    (_name, defect) => {
      const result = runTests(withDefect(defect), { classNames: [defect.testClass] });
      const failures = result.methods.filter((method) => method.outcome === 'Fail');
      expect(failures.length).toBeGreaterThan(0);
      expect(failures.map((failure) => failure.message).join('\n')).toContain(
        defect.expectedFailure
      );
    }
  );
});
