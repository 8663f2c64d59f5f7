// What the in-browser bench loads into a page (bundled as an IIFE: window.__sagssporBench).
export { detectMinutes, parseDocument } from '../../lib/minutes/index';
export { textFloor } from './floor';
