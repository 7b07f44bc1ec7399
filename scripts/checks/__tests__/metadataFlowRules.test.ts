import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatFinding } from '../findings';
import { runMetadataCheck } from '../metadataCheck';
import { ApexClassLookup, apexSourcesOf, checkFlow } from '../metadataFlowRules';
import type { ProjectDocument } from '../metadataProjectIndex';
import { parseXmlWithPositions } from '../metadataXml';

const fixtures = join(__dirname, '..', '__fixtures__', 'metadata');
const projectRoot = join(__dirname, '..', '..', '..');
const RULE = 'metadata-flow-reference';

function findingsIn(root: string): string[] {
  return runMetadataCheck(root)
    .filter((finding) => finding.rule === RULE)
    .map((finding) => formatFinding(finding, root));
}

const NS = 'xmlns="http://soap.sforce.com/2006/04/metadata"';

function flow(body: string): ProjectDocument {
  return {
    file: 'force-app/main/default/flows/Check.flow-meta.xml',
    rootType: 'Flow',
    root: parseXmlWithPositions(`<Flow ${NS}>\n${body}\n</Flow>`)
  };
}

function lookup(sources: Record<string, string>): ApexClassLookup {
  return new ApexClassLookup((name) => sources[name.toLowerCase()]);
}

function messages(document: ProjectDocument, classes: ApexClassLookup): string[] {
  return checkFlow(document, classes).map((finding) => `${finding.line}: ${finding.message}`);
}

describe('check:metadata on flows and what they call', () => {
  it('reports nothing for a flow calling invocable Apex by its inputs and outputs, and the quick action opening it', () => {
    expect(findingsIn(join(fixtures, 'flow-good'))).toEqual([]);
  });

  describe('a flow with broken references', () => {
    const root = join(fixtures, 'flow-broken');
    const flowFile = 'force-app/main/default/flows/Review_Deal.flow-meta.xml';
    let findings: string[];
    beforeAll(() => {
      findings = findingsIn(root);
    });

    it('reports an input the request type does not declare, with its line', () => {
      expect(findings).toContain(
        `${flowFile}:14:13 Prepare_Review passes dealID, which is not an input of ReviewDealAction (inputs: dealId, focus) [${RULE}]`
      );
    });

    it('reports a required input the call does not pass', () => {
      expect(findings).toContain(
        `${flowFile}:4:9 Prepare_Review does not pass dealId, a required input of ReviewDealAction [${RULE}]`
      );
    });

    it('reports an output parameter the result type does not declare', () => {
      expect(findings).toContain(
        `${flowFile}:39:13 Keep_Brief reads summary, which is not an output of ReviewDealAction (outputs: brief, errorMessage) [${RULE}]`
      );
    });

    it('reports an action naming an Apex class the project does not define', () => {
      expect(findings).toContain(
        `${flowFile}:47:9 Missing_Class calls ReviewDealActon, which is not an Apex class of this project [${RULE}]`
      );
    });

    it('reports an action naming a class without an invocable method', () => {
      expect(findings).toContain(
        `${flowFile}:59:9 Not_Invocable calls NotAnAction, which has no public or global static @InvocableMethod [${RULE}]`
      );
    });

    it('reports a reference to an output the result type does not declare', () => {
      expect(findings).toContain(
        `${flowFile}:82:17 Prepare_Review reads brif, which is not an output of ReviewDealAction (outputs: brief, errorMessage) [${RULE}]`
      );
    });

    it('reports a misspelt output in a merge field on the line that holds it', () => {
      expect(findings).toContain(
        `${flowFile}:91 Prepare_Review reads errorMesage, which is not an output of ReviewDealAction (outputs: brief, errorMessage) [${RULE}]`
      );
    });

    it('reports an output reference to an action that does not store its outputs automatically', () => {
      expect(findings).toContain(
        `${flowFile}:97:17 Keep_Brief.brief reads an output of Keep_Brief, which does not store its outputs automatically (storeOutputAutomatically is not true) [${RULE}]`
      );
    });

    it('reports a reference that names an action element in the wrong case', () => {
      expect(findings).toContain(
        `${flowFile}:106:17 prepare_review.brief names no element of this flow; element names are case-sensitive (did you mean Prepare_Review?) [${RULE}]`
      );
    });

    it('reports a Flow quick action opening a flow the project does not define', () => {
      expect(findings).toContain(
        `force-app/main/default/quickActions/Opportunity.Review_Deal.quickAction-meta.xml:3:5 Flow Review_Deals is not defined in this project [${RULE}]`
      );
    });

    it('reports nothing else: the correct references beside the broken ones pass', () => {
      expect(findings).toHaveLength(10);
    });
  });

  describe('the rules in detail', () => {
    const action =
      'public class Act {\n' +
      '  @InvocableMethod public static List<Out> run(List<In> requests) { return null; }\n' +
      '  public class In { @InvocableVariable(required=true) public Id recordId; }\n' +
      '  public class Out { @InvocableVariable public String summary; }\n' +
      '}';

    it('matches input names case-sensitively and the Apex class name case-insensitively', () => {
      const document = flow(
        '<actionCalls><name>Run</name><actionName>ACT</actionName><actionType>apex</actionType>\n' +
          '<inputParameters><name>recordID</name></inputParameters>\n' +
          '<inputParameters><name>recordId</name></inputParameters></actionCalls>'
      );
      expect(messages(document, lookup({ act: action }))).toEqual([
        '3: Run passes recordID, which is not an input of Act (inputs: recordId)'
      ]);
    });

    it('resolves only references to action elements, leaving variables and $Flow globals alone', () => {
      const document = flow(
        '<actionCalls><name>Run</name><actionName>Act</actionName><actionType>apex</actionType>\n' +
          '<inputParameters><name>recordId</name></inputParameters>\n' +
          '<storeOutputAutomatically>true</storeOutputAutomatically></actionCalls>\n' +
          '<formulas><name>F</name><expression>{!Run.summary} {!Deal.Name} {!$Flow.CurrentDate} {!Run.summry}</expression></formulas>\n' +
          '<assignments><assignmentItems><assignToReference>Deal.Name</assignToReference>\n' +
          '<value><elementReference>Run.summary</elementReference></value></assignmentItems></assignments>'
      );
      expect(messages(document, lookup({ act: action }))).toEqual([
        '5: Run reads summry, which is not an output of Act (outputs: summary)'
      ]);
    });

    it('checks Apex actions of the project only, not other action types or installed packages', () => {
      const document = flow(
        '<actionCalls><name>Mail</name><actionName>emailSimple</actionName><actionType>emailSimple</actionType>\n' +
          '<inputParameters><name>emailBody</name></inputParameters></actionCalls>\n' +
          '<actionCalls><name>Managed</name><actionName>ns__Act</actionName><actionType>apex</actionType></actionCalls>\n' +
          '<actionCalls><name>Own</name><actionName>Act</actionName><actionType>apex</actionType>\n' +
          '<inputParameters><name>emailBody</name></inputParameters><inputParameters><name>recordId</name></inputParameters></actionCalls>'
      );
      expect(messages(document, lookup({ act: action }))).toEqual([
        '6: Own passes emailBody, which is not an input of Act (inputs: recordId)'
      ]);
    });

    it('finds no output on a void action and no invocable method when it is private', () => {
      const document = flow(
        '<actionCalls><name>Quiet</name><actionName>Quiet</actionName><actionType>apex</actionType>\n' +
          '<storeOutputAutomatically>true</storeOutputAutomatically></actionCalls>\n' +
          '<actionCalls><name>Hidden</name><actionName>Hidden</actionName><actionType>apex</actionType></actionCalls>\n' +
          '<formulas><name>F</name><expression>{!Quiet.summary}</expression></formulas>'
      );
      const classes = lookup({
        quiet: 'public class Quiet { @InvocableMethod public static void run(List<Id> ids) {} }',
        hidden:
          'public class Hidden { @InvocableMethod private static List<String> run(List<Id> ids) { return null; } }'
      });
      expect(messages(document, classes)).toEqual([
        '4: Hidden calls Hidden, which has no public or global static @InvocableMethod',
        '5: Quiet reads summary, which is not an output of Quiet (outputs: none)'
      ]);
    });

    it('says why an action class with a syntax error cannot be checked', () => {
      const document = flow(
        '<actionCalls><name>Run</name><actionName>Act</actionName><actionType>apex</actionType></actionCalls>'
      );
      const [message] = messages(document, lookup({ act: 'public class Act {\n  void m( {\n}' }));
      expect(message).toMatch(/^2: Run calls Act, which cannot be read \(line 2: /);
    });

    it('resolves a request class named as Outer.Inner', () => {
      const document = flow(
        '<actionCalls><name>Run</name><actionName>Runner</actionName><actionType>apex</actionType></actionCalls>'
      );
      const classes = lookup({
        runner:
          'public class Runner { @InvocableMethod public static void run(List<Act.In> requests) {} }',
        act: action
      });
      expect(messages(document, classes)).toEqual([
        '2: Run does not pass recordId, a required input of Runner'
      ]);
    });
  });

  describe('the project itself', () => {
    it('reports nothing for the project’s flows and quick actions', () => {
      expect(findingsIn(projectRoot)).toEqual([]);
    }, 60000);

    it('checks the real flow against the real action classes', () => {
      const file = join(
        projectRoot,
        'force-app/main/default/flows/SSM_Review_My_Deal.flow-meta.xml'
      );
      const source = readFileSync(file, 'utf8');
      expect(source).toContain('<name>opportunityId</name>');
      const classDocuments: ProjectDocument[] = [
        'coaching/PrepareDealCoachingBriefAction',
        'guidance/GetRecordGuidanceAction'
      ].map((name) => ({
        file: join(projectRoot, `force-app/main/default/classes/${name}.cls-meta.xml`),
        rootType: 'ApexClass',
        root: parseXmlWithPositions(`<ApexClass ${NS}/>`)
      }));
      const misspelt: ProjectDocument = {
        file,
        rootType: 'Flow',
        root: parseXmlWithPositions(
          source.replace('<name>opportunityId</name>', '<name>opportunityID</name>')
        )
      };
      const classes = new ApexClassLookup(apexSourcesOf(classDocuments));
      expect(checkFlow(misspelt, classes).map((finding) => finding.message)).toEqual([
        'Prepare_Brief passes opportunityID, which is not an input of PrepareDealCoachingBriefAction (inputs: opportunityId)',
        'Prepare_Brief does not pass opportunityId, a required input of PrepareDealCoachingBriefAction'
      ]);
    });
  });
});
