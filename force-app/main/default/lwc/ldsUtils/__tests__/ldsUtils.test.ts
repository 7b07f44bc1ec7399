import { reduceErrors, UNKNOWN_ERROR } from 'c/ldsUtils';

describe('reduceErrors', () => {
  it('returns no message when there is no error', () => {
    expect(reduceErrors(null)).toEqual([]);
    expect(reduceErrors(undefined)).toEqual([]);
    expect(reduceErrors([])).toEqual([]);
  });

  it('reads every message of a UI API read error', () => {
    const error = { body: [{ message: 'First' }, { message: 'Second' }] };
    expect(reduceErrors(error)).toEqual(['First', 'Second']);
  });

  it('reads page and field errors of a Lightning Data Service save, naming the field', () => {
    const error = {
      body: {
        message: 'An error occurred while trying to update the record.',
        output: {
          errors: [{ message: 'Close date cannot be in the past for an open deal.' }],
          fieldErrors: { NextStep: [{ message: 'Next step is required from Qualification on.' }] }
        }
      }
    };
    expect(reduceErrors(error)).toEqual([
      'Close date cannot be in the past for an open deal.',
      'NextStep: Next step is required from Qualification on.'
    ]);
  });

  it('falls back to the body message of a save without page or field errors', () => {
    const error = {
      body: { message: 'Record is locked', output: { errors: [], fieldErrors: {} } }
    };
    expect(reduceErrors(error)).toEqual(['Record is locked']);
  });

  it('reads an Apex exception message', () => {
    expect(reduceErrors({ body: { message: 'Insufficient access' }, statusText: 'Bad' })).toEqual([
      'Insufficient access'
    ]);
  });

  it('reads page and field errors of an Apex DML exception', () => {
    const error = {
      body: {
        pageErrors: [{ message: 'Only a version in review can be published.' }],
        fieldErrors: { Status__c: [{ message: 'Bad value' }] }
      }
    };
    expect(reduceErrors(error)).toEqual([
      'Only a version in review can be published.',
      'Status__c: Bad value'
    ]);
  });

  it('reads JavaScript errors and plain strings', () => {
    expect(reduceErrors([new TypeError('x is undefined'), 'Offline'])).toEqual([
      'x is undefined',
      'Offline'
    ]);
  });

  it('uses the HTTP status text when the body says nothing', () => {
    expect(reduceErrors({ body: null, statusText: 'Service Unavailable' })).toEqual([
      'Service Unavailable'
    ]);
  });

  it('never loses an error of an unknown shape', () => {
    expect(reduceErrors({ body: { output: {} } })).toEqual([UNKNOWN_ERROR]);
  });

  it('lists a repeated message once, keeping the order', () => {
    expect(reduceErrors(['A', { body: { message: 'B' } }, 'A'])).toEqual(['A', 'B']);
  });
});
