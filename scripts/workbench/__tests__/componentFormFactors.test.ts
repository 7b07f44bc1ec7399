import { declaredFormFactors } from '../componentFormFactors';
import { LWC_DIR } from '../paths';
import { rendersOn } from '../ui/lwc/wb/pageComponents/formFactors';

describe('the form factors of the package components', () => {
  it('reads what each component declares per page type from its .js-meta.xml', () => {
    expect(declaredFormFactors(LWC_DIR, 'recordGuidance')).toEqual({
      RecordPage: ['Small', 'Large']
    });
    expect(declaredFormFactors(LWC_DIR, 'compensationAlignment')).toEqual({
      RecordPage: ['Large']
    });
    expect(declaredFormFactors(LWC_DIR, 'improvementIdeas')).toEqual({
      AppPage: ['Small', 'Large'],
      HomePage: ['Large']
    });
  });

  it('declares nothing for a component without a .js-meta.xml declaration', () => {
    expect(declaredFormFactors(LWC_DIR, 'kpiTiles')).toEqual({});
    expect(declaredFormFactors(LWC_DIR, 'noSuchComponent')).toEqual({});
  });

  it('renders a component where it declares, else where its page type renders', () => {
    expect(rendersOn({ RecordPage: ['Large'] }, 'RecordPage', 'Small')).toBe(false);
    expect(rendersOn({ RecordPage: ['Large'] }, 'RecordPage', 'Large')).toBe(true);
    expect(rendersOn({ RecordPage: ['Small', 'Large'] }, 'RecordPage', 'Small')).toBe(true);
    expect(rendersOn({}, 'AppPage', 'Small')).toBe(true);
    expect(rendersOn(undefined, 'RecordPage', 'Small')).toBe(true);
  });

  it('renders nothing of a Home page on a phone, which has no Lightning Home page', () => {
    expect(rendersOn({}, 'HomePage', 'Small')).toBe(false);
    expect(rendersOn({ HomePage: ['Small', 'Large'] }, 'HomePage', 'Small')).toBe(false);
    expect(rendersOn({ HomePage: ['Large'] }, 'HomePage', 'Large')).toBe(true);
  });
});
