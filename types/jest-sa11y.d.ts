// Brings @sa11y/jest's `toBeAccessible` matcher (registered in jest.setup.js) into Jest's types.
import '@sa11y/jest';
