import { createElement } from 'lwc';
import GuidanceFixForm from 'c/guidanceFixForm';
import { getRecord, updateRecord } from 'lightning/uiRecordApi';
import { getObjectInfo, getPicklistValuesByRecordType } from 'lightning/uiObjectInfoApi';
import objectInfo from './data/objectInfo.json';
import record from './data/record.json';
import picklists from './data/picklists.json';

interface TestWireAdapter {
  emit(value: unknown): void;
  error(body?: unknown): void;
  getLastConfig(): Record<string, unknown>;
}

const adapter = (wire: unknown) => wire as TestWireAdapter;
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

async function renderLoaded(fieldNames: string[]) {
  const element = createElement('c-guidance-fix-form', { is: GuidanceFixForm });
  Object.assign(element, {
    recordId: '006000000000001AAA',
    objectApiName: 'Opportunity',
    fieldNames,
    heading: 'Add the next step the customer has agreed to.'
  });
  document.body.appendChild(element);
  adapter(getObjectInfo).emit(objectInfo);
  adapter(getRecord).emit(record);
  adapter(getPicklistValuesByRecordType).emit(picklists);
  await flush();
  return element;
}

function field(element: HTMLElement, apiName: string) {
  return element.shadowRoot!.querySelector(`[data-field="${apiName}"]`) as HTMLElement & {
    value: unknown;
    label: string;
    reportValidity: () => boolean;
  };
}

function button(element: HTMLElement, label: string) {
  return [...element.shadowRoot!.querySelectorAll('lightning-button')].find(
    (candidate) => (candidate as HTMLElement & { label: string }).label === label
  ) as HTMLElement & { disabled: boolean };
}

function change(target: HTMLElement, value: unknown) {
  target.dispatchEvent(new CustomEvent('change', { detail: { value } }));
}

describe('c-guidance-fix-form', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
    jest.clearAllMocks();
  });

  it('reads exactly the fix fields of the record and labels the form with the rule', async () => {
    const element = await renderLoaded(['NextStep', 'CloseDate']);

    expect(adapter(getRecord).getLastConfig()).toEqual({
      recordId: '006000000000001AAA',
      optionalFields: ['Opportunity.NextStep', 'Opportunity.CloseDate']
    });
    expect(field(element, 'NextStep').label).toBe('Next Step');
    expect(field(element, 'CloseDate').value).toBe('2026-10-31');
    expect(element.shadowRoot!.querySelector('form')!.getAttribute('aria-label')).toBe(
      'Add the next step the customer has agreed to.'
    );
  });

  it('offers the picklist values of the record type', async () => {
    const element = await renderLoaded(['StageName']);
    const stage = field(element, 'StageName') as unknown as { options: { value: string }[] };
    expect(stage.options.map((option) => option.value)).toContain('Closed Lost');
  });

  it('keeps Save disabled until something changes', async () => {
    const element = await renderLoaded(['NextStep']);
    expect(button(element, 'c.SSM_Guidance_Save').disabled).toBe(true);

    change(field(element, 'NextStep'), 'Demo on Friday');
    await flush();
    expect(button(element, 'c.SSM_Guidance_Save').disabled).toBe(false);
  });

  it('saves only the changed fields through Lightning Data Service and fires saved', async () => {
    (updateRecord as jest.Mock).mockResolvedValue({});
    const element = await renderLoaded(['NextStep', 'CloseDate']);
    const saved = jest.fn();
    element.addEventListener('saved', saved);
    field(element, 'NextStep').reportValidity = () => true;
    field(element, 'CloseDate').reportValidity = () => true;

    change(field(element, 'NextStep'), 'Demo on Friday');
    await flush();
    button(element, 'c.SSM_Guidance_Save').click();
    await flush();

    expect(updateRecord).toHaveBeenCalledWith({
      fields: { Id: '006000000000001AAA', NextStep: 'Demo on Friday' }
    });
    expect(saved).toHaveBeenCalledTimes(1);
  });

  it('does not save while a field is invalid', async () => {
    const element = await renderLoaded(['CloseDate']);
    field(element, 'CloseDate').reportValidity = () => false;
    change(field(element, 'CloseDate'), '');
    await flush();

    button(element, 'c.SSM_Guidance_Save').click();
    await flush();

    expect(updateRecord).not.toHaveBeenCalled();
  });

  it("shows why a save failed and keeps the user's input", async () => {
    (updateRecord as jest.Mock).mockRejectedValue({
      body: {
        output: {
          errors: [],
          fieldErrors: { CloseDate: [{ message: 'Close date must be in the future' }] }
        }
      }
    });
    const element = await renderLoaded(['CloseDate']);
    field(element, 'CloseDate').reportValidity = () => true;
    change(field(element, 'CloseDate'), '2026-01-01');
    await flush();

    button(element, 'c.SSM_Guidance_Save').click();
    await flush();

    const panel = element.shadowRoot!.querySelector('c-error-panel') as HTMLElement & {
      friendlyMessage: string;
    };
    expect(panel.friendlyMessage).toBe('c.SSM_Guidance_Save_Failed');
    expect(field(element, 'CloseDate').value).toBe('2026-01-01');
  });

  it('fires cancel and forgets the draft', async () => {
    const element = await renderLoaded(['NextStep']);
    const cancelled = jest.fn();
    element.addEventListener('cancel', cancelled);
    change(field(element, 'NextStep'), 'Something');
    await flush();

    button(element, 'c.SSM_Guidance_Cancel').click();
    await flush();

    expect(cancelled).toHaveBeenCalledTimes(1);
    expect(field(element, 'NextStep').value).toBeNull();
  });

  it('shows the load error when the record cannot be read', async () => {
    const element = createElement('c-guidance-fix-form', { is: GuidanceFixForm });
    Object.assign(element, {
      recordId: '006000000000001AAA',
      objectApiName: 'Opportunity',
      fieldNames: ['NextStep']
    });
    document.body.appendChild(element);
    adapter(getObjectInfo).emit(objectInfo);
    adapter(getRecord).error();
    await flush();

    expect(element.shadowRoot!.querySelector('c-error-panel')).not.toBeNull();
    expect(element.shadowRoot!.querySelector('lightning-spinner')).toBeNull();
  });

  it('is accessible', async () => {
    const element = await renderLoaded(['NextStep', 'CloseDate', 'StageName']);
    await expect(element).toBeAccessible();
  });
});
