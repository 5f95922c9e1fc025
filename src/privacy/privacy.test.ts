/** Redaction, audit and leak scan on texts written for these tests (all personal data here is fake). */
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import type { Conversation } from "../types.ts";
import {
  auditString,
  detectPii,
  newAuditLog,
  redactConversation,
  redactText,
  scanDirectory,
  scanForPii,
} from "./index.ts";
import { ibanValid, luhnValid } from "./structured.ts";

const types = (text: string) => detectPii(text).map((s) => s.type);

test("structured identifiers are found and replaced by typed placeholders", () => {
  const { text, counts } = redactText(
    "Mail priya.r@example.com or call +1 (555) 013-4477. Card 4111 1111 1111 1111, IBAN GB82 WEST 1234 5698 7654 32, SSN 123-45-6789, server 203.0.113.9.",
  );
  assert.equal(text, "Mail [EMAIL] or call [PHONE]. Card [CARD], IBAN [IBAN], SSN [SSN], server [IP].");
  assert.deepEqual(counts, { EMAIL: 1, PHONE: 1, CARD: 1, IBAN: 1, SSN: 1, IP: 1 });
});

test("phone numbers in international and North American forms, with extensions", () => {
  for (const text of [
    "Call 1-800-555-0199 now",
    "tel +41 (0)96 471 07 95",
    "office: 555-013-4477 ext. 22",
    "mobile 07700 900 123",
  ]) {
    assert.deepEqual(types(text), ["PHONE"], text);
  }
});

test("checksums keep look-alike numbers: a Luhn-invalid card and a bad IBAN stay", () => {
  assert.equal(luhnValid("4111111111111111"), true);
  assert.equal(luhnValid("4111111111111112"), false);
  assert.equal(ibanValid("GB82 WEST 1234 5698 7654 32"), true);
  assert.equal(ibanValid("GB83 WEST 1234 5698 7654 32"), false);
  assert.ok(!types("Order 4111 1111 1111 1112 shipped").includes("CARD"));
  assert.ok(!types("Reference GB83 WEST 1234 5698 7654 32").includes("IBAN"));
});

test("times, prices, versions and dates without a birth cue are not personal data", () => {
  assert.deepEqual(
    types("Meet at 10:30 on 2024-05-01; it costs $12.99. Use version 1.2.3.4 and Python 3.11."),
    [],
  );
  assert.deepEqual(types("In 1977 the population was 120,000 and grew 3.5% a year."), []);
});

test("dates of birth, street addresses and URLs with personal paths", () => {
  assert.deepEqual(types("I was born on 12/03/1985."), ["DATE_OF_BIRTH"]);
  assert.deepEqual(types("Send it to 42 Maple Grove Road, Apt 5 please"), ["ADDRESS"]);
  assert.deepEqual(types("My profile is https://social.example.com/users/priya-raman"), ["URL"]);
});

test("person names: cues, known names, unfamiliar full names; not ordinary capitalised words", () => {
  assert.equal(redactText("Hi, my name is Priya Raman.").text, "Hi, my name is [PERSON].");
  assert.equal(redactText("Thanks, Marcus").text, "Thanks, [PERSON]");
  assert.equal(redactText("I met Krisztián Szöllösy yesterday").text, "I met [PERSON] yesterday");
  assert.equal(redactText("Dear Dr. Okafor, thank you.").text, "Dear Dr. [PERSON], thank you.");
  for (const clean of [
    "How do I sort a list in Python?",
    "I moved to New York in March.",
    "The Affordable Care Act passed.",
    "Languages: English and French.",
  ]) {
    assert.deepEqual(types(clean), [], clean);
  }
});

test("redactConversation redacts every message and never mutates its input", () => {
  const c: Conversation = {
    id: "c1",
    source: { file: "x", line: 1 },
    messages: [
      { role: "user", text: "I'm Sam, email sam.placeholder@example.org" },
      { role: "assistant", text: "Hello!" },
    ],
    meta: {},
  };
  const copy = structuredClone(c);
  const { conversation, counts } = redactConversation(c);
  assert.deepEqual(c, copy);
  assert.equal(conversation.messages[0]?.text, "I'm [PERSON], email [EMAIL]");
  assert.equal(conversation.messages[1], c.messages[1], "unchanged messages are shared, not copied");
  assert.deepEqual(counts, { PERSON: 1, EMAIL: 1 });
});

test("the audit drops a released string that carries personal data, and counts it", () => {
  const log = newAuditLog();
  assert.equal(auditString("Coaching 12.5%", log), true);
  assert.equal(auditString("Ask jordan.tester@example.com", log), false);
  assert.equal(auditString("Shares after [PERSON] placeholders are fine", log), true);
  assert.deepEqual(log, { checked: 3, dropped: 1 });
});

test("the leak scan stays quiet on a typical report, and finds identifiers and canaries", () => {
  const report = `<svg><path d="M0.5,99.30402010478886L12.4454794511390933,4.2"/><rect fill="#3b6ea8" width="480"/></svg>
<table><tr><td>Coaching</td><td class="num">0.1234</td><td>2026-03-01</td><td>1,204</td></tr></table>
category,conversations,share\ncoding,140,0.2333\n`;
  assert.deepEqual(scanForPii(report), []);
  const dir = mkdtempSync(join(tmpdir(), "scan-"));
  writeFileSync(
    join(dir, "report.html"),
    `${report}<p>contact 4111-1111-1111-1111 or zq@example.org, Zorblat</p>`,
  );
  const findings = scanDirectory(dir, ["zorblat"]);
  assert.deepEqual(findings.map((f) => f.kind).sort(), ["CANARY", "CARD", "EMAIL"]);
  assert.ok(
    findings.every((f) => !f.preview.includes("4111-1111")),
    "findings never print the identifier in full",
  );
});

test("addresses: continental and numbered forms, block lines, military mail; counts and errands are not addresses", () => {
  assert.equal(
    redactText("Billing:\n20789 Allika 46\n Suite 501\n Riisa\n\n Estonia 62488\nThanks again for everything")
      .text,
    "Billing:\n[ADDRESS]\nThanks again for everything",
  );
  for (const text of [
    "I live at 221B Baker Street, London NW1 6XE.",
    "my address is 12 rue de la paix, Paris.",
    "Deliver it to ul. Miła 53 please",
    "Ship it to Hauptstraße 5",
    "USNS Møller\nFPO AA 85844",
  ])
    assert.deepEqual(types(text), ["ADDRESS"], text);
  for (const clean of [
    "I have 3 dogs on the way",
    "I walked 5 miles down the road",
    "I moved to Paris in 2019.",
    "Top 10 Python 3 tips",
    "The meeting is at 3 pm in Room 12",
  ])
    assert.deepEqual(types(clean), [], clean);
});

test("IPv6, UK National Insurance numbers; version numbers and assistant names are kept", () => {
  assert.deepEqual(types("server 2001:db8:85a3::8a2e:370:7334"), ["IP"]);
  assert.deepEqual(types("my NI number is AB 12 34 56 C"), ["SSN"]);
  assert.deepEqual(types("upgrade to version 1.2.3.4"), []);
  // The assistant's own name is not personal data about the user.
  assert.deepEqual(types("I asked Claude and ChatGPT the same question."), []);
});

test("everyday capitalised words at a sentence start are not names; real names still are", () => {
  for (const clean of [
    "Covid is making everything harder.",
    "LinkedIn has helped me a lot.",
    "Fidelity is most important in a marriage.",
    "Hmm, I didn't know that.",
  ])
    assert.deepEqual(types(clean), [], clean);
  assert.deepEqual(types("Tomomi is from Osaka."), ["PERSON"]);
});
