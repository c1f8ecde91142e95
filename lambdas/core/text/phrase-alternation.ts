import { escapeRegExp } from './escape-regexp.js';

interface TrieNode {
  next: Map<string, TrieNode>;
  ends: boolean;
}

function escapeCharacter(character: string): string {
  if (/\s/.test(character)) return '\\s+';
  if (character === "'" || character === '’') return "['’]";
  return escapeRegExp(character);
}

function pattern(node: TrieNode): string {
  const branches = [...node.next.entries()].map(([character, child]) => escapeCharacter(character) + pattern(child));
  if (branches.length === 0) return '';
  const body = branches.length === 1 ? branches[0]! : `(?:${branches.join('|')})`;
  return node.ends ? `(?:${body})?` : body;
}

/**
 * A regular-expression alternation over phrases, factored as a trie on shared prefixes. V8 tries
 * a flat alternation's branches one by one at every position; the trie needs one step per
 * character (about 4 times faster on a few hundred cue phrases). Longer phrases are preferred,
 * any run of white space matches a space, and either apostrophe matches an apostrophe.
 */
export function phraseAlternation(phrases: Iterable<string>): string {
  const root: TrieNode = { next: new Map(), ends: false };
  for (const phrase of phrases) {
    let node = root;
    for (const character of phrase.replace(/\s+/g, ' ').replace(/’/g, "'")) {
      let child = node.next.get(character);
      if (!child) {
        child = { next: new Map(), ends: false };
        node.next.set(character, child);
      }
      node = child;
    }
    node.ends = true;
  }
  return pattern(root);
}
