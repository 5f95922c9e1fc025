/** Affective cues a person uses when asking for support, as examples of what each type catches. */
import assert from "node:assert/strict";
import { test } from "node:test";
import type { AffectiveType } from "../types.ts";
import { extractOfflineFacets } from "./index.ts";

function types(...userMessages: string[]): AffectiveType[] {
  return (
    extractOfflineFacets({
      id: "t",
      source: { file: "test", line: 1 },
      messages: userMessages.map((text) => ({ role: "user" as const, text })),
      meta: {},
    }).affective_types ?? []
  );
}

test("feelings asked about oneself, or wished away, are counseling", () => {
  assert.ok(types("Why am I so anxious in social situations? I freak out in crowds.").includes("counseling"));
  assert.ok(types("How can I be less anxious when I speak in meetings?").includes("counseling"));
  assert.ok(types("Every winter I find myself getting sad. How can I fight this?").includes("counseling"));
});

test("symptoms, self-image and asking for help coping are counseling", () => {
  assert.ok(types("I have nightmares and flashbacks about my last relationship.").includes("counseling"));
  assert.ok(
    types("Why do I have low self esteem? I always compare myself to others.").includes("counseling"),
  );
  assert.ok(types("I hate the way I look and I don't like myself anymore.").includes("counseling"));
  assert.ok(types("I did things I regret. Can someone help me cope with myself?").includes("counseling"));
  assert.ok(types("What are the signs of psychosis? I think I'm going crazy.").includes("counseling"));
  assert.ok(types("I am so self conscious about my body that I skip the pool.").includes("counseling"));
});

test("worries about someone close, and relationship trouble, are interpersonal advice", () => {
  assert.ok(
    types("How can I help my girlfriend? She just quit drinking and became really depressed.").includes(
      "interpersonal_advice",
    ),
  );
  assert.ok(
    types("How should I deal with my mom? She is so controlling and yelled at me again.").includes(
      "interpersonal_advice",
    ),
  );
  assert.ok(types("How do I move on? My ex and I broke up a year ago.").includes("interpersonal_advice"));
});

test("the same words about tasks or other people's lives are not affective", () => {
  assert.deepEqual(types("How can I punch above my weight at work in sales negotiations?"), []);
  assert.deepEqual(types("How do I tell my manager the report will be late?"), []);
  assert.deepEqual(types("Is it true that stress causes grey hair? Asking for a science quiz."), []);
});

test("naming someone and speaking of the relationship, or of a parting, is interpersonal advice", () => {
  assert.ok(
    types("My husband works late every night and our marriage feels empty.").includes("interpersonal_advice"),
  );
  assert.ok(
    types("Should I give him another chance? My fiancé cheated once.").includes("interpersonal_advice"),
  );
  assert.ok(
    types("My step-daughters and I are separated by a custody fight.").includes("interpersonal_advice"),
  );
});

test("asking what to do counts toward advice only about someone named in the same message, and not to harm them", () => {
  const lender = "I have a friend who keeps borrowing money and my friend never pays it back.";
  assert.ok(types(`${lender} Should I say no next time?`).includes("interpersonal_advice"));
  // The same question in another message than the person, or wanting to harm them, adds nothing.
  assert.deepEqual(types(lender, "Should I say no next time?"), []);
  assert.deepEqual(types(`${lender} Should I steal it back from her?`), []);
  // Naming someone and asking what to do about a task is no request for advice about them.
  assert.deepEqual(types("My friend sent me this error. What should I do? It fails on line 3."), []);
});

test("asking the assistant for company is companionship; thanking it for talking, or missing someone's talk, is not", () => {
  assert.ok(types("Can you talk to me for a while? It's quiet here tonight.").includes("companionship"));
  assert.ok(types("Please chat with me, I'm bored and it's raining.").includes("companionship"));
  assert.ok(!types("Thank you so much for talking to me, it helped.").includes("companionship"));
  assert.ok(!types("My sister won't talk to me since the wedding.").includes("companionship"));
  // Needing someone to talk to is support unless the person is lonely or after small talk.
  assert.ok(
    !types("I just need someone to talk to. I lost my job and I'm scared.").includes("companionship"),
  );
  assert.ok(types("I feel so lonely tonight. I need someone to talk to.").includes("companionship"));
});

test("distress over work, study or a habit is coaching too; a plain question about them is not affective", () => {
  assert.deepEqual(
    types("I was laid off last month and I feel so depressed. I keep looking for a new job."),
    ["coaching", "counseling"],
  );
  assert.ok(
    types("I'm failing my classes and I feel hopeless. I can't focus when I study.").includes("coaching"),
  );
  assert.deepEqual(types("How do I find a job in marketing? Any tips?"), []);
  assert.deepEqual(types("What is a good schedule to sleep better? Any tips?"), []);
});

test("relationship trouble said in other words is interpersonal advice", () => {
  const interpersonal = (...m: string[]) => types(...m).includes("interpersonal_advice");
  assert.ok(interpersonal("My coworkers keep talking behind my back and accused me of lying to the boss."));
  assert.ok(interpersonal("I don't like my sister and I wish we got along. Is it wrong?"));
  assert.ok(interpersonal("There's a lot of conflict in my relationship. We fight about everything."));
  assert.ok(interpersonal("The girl I was dating said we should just be friends, but I want her back."));
  assert.ok(interpersonal("My mom said I was worthless and stupid. How do I talk to her?"));
});

test("wanting revenge on someone, or to spy on them, is not affective unless the human asks to cope", () => {
  assert.deepEqual(types("My husband cheated on me. How can I get revenge on him?"), []);
  assert.deepEqual(types("My wife is cheating. How can I read her text messages without her knowing?"), []);
  // Suffered, not sought: still a relationship in trouble.
  assert.ok(
    types("My boyfriend beat me up last week and I don't know whether to leave him. Should I?").includes(
      "interpersonal_advice",
    ),
  );
  assert.ok(
    types("My ex cheated on me and I want revenge. How do I cope with this anger?").includes("counseling"),
  );
});

test("saying one wants to die is counseling", () => {
  assert.ok(types("What's the most painless way I can kill myself?").includes("counseling"));
  assert.ok(types("I don't want to live anymore.").includes("counseling"));
  assert.deepEqual(types("Why do people commit suicide? It's for a sociology essay."), []);
});

test("not standing oneself is distress", () => {
  // "i can|could not stand being|myself|the sight" once matched only "... the sight".
  assert.ok(types("I can't stand myself anymore.").includes("counseling"));
});

test("a partner who may leave, ending a relationship, or family named as ours, is interpersonal advice", () => {
  assert.ok(types("So my girlfriend wants to leave me. I can't lose her.").includes("interpersonal_advice"));
  assert.ok(
    types(
      "We have been together two years. I don't want to hurt her feelings, but I'm thinking about ending the relationship.",
    ).includes("interpersonal_advice"),
  );
  assert.ok(
    types("Our daughter's husband is not treating her well. He is rude and keeps gaslighting her.").includes(
      "interpersonal_advice",
    ),
  );
});

test("fighting an illness, or for a job, is no quarrel with someone", () => {
  assert.ok(
    !types("I worry about my mom. She has been fighting cancer and is in remission now.").includes(
      "interpersonal_advice",
    ),
  );
  assert.ok(
    types("My husband and I fight all the time and I don't know if the marriage will last.").includes(
      "interpersonal_advice",
    ),
  );
  assert.ok(
    types("My best friend forgot my birthday. How do I tell her without starting a fight?").includes(
      "interpersonal_advice",
    ),
  );
});
