/** Registers every platform class the runtime implements. */
import './assertions';
import './collections';
import './lang';
import './systemClass';
import './json';
import './strings';
import './temporal';
import './testing';
import './triggerContext';
import './typesAndBytes';
import './userEquality';
import './database';
import './orgInfo';
import './schema';
import './sobjects';
import './formulaEval';
import './messaging';
