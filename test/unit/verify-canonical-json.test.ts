// Canonical JSON against the examples in the Matrix specification's appendices
// (matrix-spec content/appendices.md, "Canonical JSON" → "Examples"), plus the edges the
// grammar defines (escapes, code-point key order, integer range).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CanonicalJsonError, canonicalJson, compareCodePoints } from '../../src/verify/canonical-json.js';

const SPEC_EXAMPLES: Array<[string, string]> = [
  ['{}', '{}'],
  ['{\n    "one": 1,\n    "two": "Two"\n}', '{"one":1,"two":"Two"}'],
  ['{\n    "b": "2",\n    "a": "1"\n}', '{"a":"1","b":"2"}'],
  ['{"b":"2","a":"1"}', '{"a":"1","b":"2"}'],
  [
    `{
    "auth": {
        "success": true,
        "mxid": "@john.doe:example.com",
        "profile": {
            "display_name": "John Doe",
            "three_pids": [
                { "medium": "email", "address": "john.doe@example.org" },
                { "medium": "msisdn", "address": "123456789" }
            ]
        }
    }
}`,
    '{"auth":{"mxid":"@john.doe:example.com","profile":{"display_name":"John Doe","three_pids":[{"address":"john.doe@example.org","medium":"email"},{"address":"123456789","medium":"msisdn"}]},"success":true}}',
  ],
  ['{\n    "a": "日本語"\n}', '{"a":"日本語"}'],
  ['{\n    "本": 2,\n    "日": 1\n}', '{"日":1,"本":2}'],
  ['{\n    "a": "\\u65E5"\n}', '{"a":"日"}'],
  ['{\n    "a": null\n}', '{"a":null}'],
  ['{\n    "a": -0,\n    "b": 1e10\n}', '{"a":0,"b":10000000000}'],
];

for (const [input, expected] of SPEC_EXAMPLES) {
  test(`spec example: ${expected}`, () => {
    assert.equal(canonicalJson(JSON.parse(input)), expected);
  });
}

test('escapes only what the grammar requires, with the short forms and lower-case hex', () => {
  const value = { s: 'quote" backslash\\ \b\f\n\r\t \u0001\u001f slash/ del\u007f \u2028 é 😀' };
  assert.equal(canonicalJson(value), '{"s":"quote\\" backslash\\\\ \\b\\f\\n\\r\\t \\u0001\\u001f slash/ del\u007f \u2028 é 😀"}');
});

test('keys sort by code point, not by UTF-16 code unit', () => {
  // U+1F600 is one code point above U+FFFF but its UTF-16 form starts with 0xD83D < 0xFFFD.
  assert.equal(canonicalJson({ '😀': 1, '\uFFFD': 2, a: 3, B: 4 }), '{"B":4,"a":3,"\uFFFD":2,"😀":1}');
  assert.ok(compareCodePoints('ab', 'abc') < 0);
  assert.ok(compareCodePoints('b', 'abc') > 0);
  assert.equal(compareCodePoints('x', 'x'), 0);
});

test('integers at the edges of the range are kept; anything else is refused', () => {
  assert.equal(canonicalJson([2 ** 53 - 1, -(2 ** 53) + 1]), '[9007199254740991,-9007199254740991]');
  assert.throws(() => canonicalJson({ a: 2 ** 53 }), CanonicalJsonError);
  assert.throws(() => canonicalJson({ a: 1.5 }), /not an integer/);
  assert.throws(() => canonicalJson({ a: Number.NaN }), CanonicalJsonError);
  assert.throws(() => canonicalJson({ a: undefined }), /undefined has no JSON form/);
  assert.throws(() => canonicalJson({ a: '\ud800' }), /lone surrogate/);
});

test('nested arrays keep their order, nested objects are sorted', () => {
  assert.equal(canonicalJson({ z: [3, { y: 1, x: [true, false, null] }], a: {} }), '{"a":{},"z":[3,{"x":[true,false,null],"y":1}]}');
});
