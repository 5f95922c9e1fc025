import assert from "node:assert/strict";
import { test } from "node:test";
import { jsonAnswerSystem, leadingJsonObject } from "./json-answer.ts";

test("the schema goes, compact and titled, on the system prompt's last line", () => {
  const system = jsonAnswerSystem({
    system: "Annotate.",
    schema: { $schema: "https://json-schema.org/draft/2020-12/schema", type: "object", properties: {} },
    schemaName: "facets",
  });
  assert.ok(system.startsWith("Annotate.\n\n"));
  assert.deepEqual(JSON.parse(system.split("\n").at(-1) as string), {
    title: "facets",
    type: "object",
    properties: {},
  });
});

test("the JSON object at the start of a reply, whatever follows it", () => {
  assert.deepEqual(leadingJsonObject('{"a": 1}'), { a: 1 });
  assert.deepEqual(leadingJsonObject('{"a": "}{", "b": [1, {"c": "\\"}"}]}\n\nI hope this helps {.'), {
    a: "}{",
    b: [1, { c: '"}' }],
  });
  assert.equal(leadingJsonObject('{"a": [1, 2'), undefined, "cut short");
  assert.equal(leadingJsonObject('{"a": 1,}'), undefined, "not JSON");
  assert.equal(leadingJsonObject("Sure! Here it is"), undefined);
});
