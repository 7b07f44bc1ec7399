/** The workbench page: synthetic shadow (as in Lightning Experience), then the shell. */
import '@lwc/synthetic-shadow';
import { createElement } from 'lwc';
import App from './lwc/wb/app/app';

const root = document.getElementById('root');
if (root) {
  root.appendChild(createElement('wb-app', { is: App }));
}
