/**
 * The fixed vocabularies of the interview facets (METHODS.md section 4): primary vision, realised
 * experiences, concerns, context tags and intent. Each label has a short reader-facing name and a
 * definition; the model prompts and the report both read them from here, and only these labels are
 * ever released for the facets (themes carry the bottom-up vocabulary).
 */

export interface Label {
  name: string;
  definition: string;
}

function keys<T extends Record<string, Label>>(labels: T): [keyof T & string, ...(keyof T & string)[]] {
  return Object.keys(labels) as [keyof T & string, ...(keyof T & string)[]];
}

/** Primary vision or hope for AI (one per interview). The 81k study's largest: professional excellence, personal transformation, life management. */
export const VISION_LABELS = {
  professional_excellence: {
    name: "Professional excellence",
    definition: "doing their work at a higher standard: better quality, accuracy or expertise at work",
  },
  time_freedom: {
    name: "Time freedom",
    definition: "offloading tedious or repetitive work to spend time on what matters to them",
  },
  personal_transformation: {
    name: "Personal transformation",
    definition: "learning, growing, overcoming a limitation (a disability, a skill gap, confidence)",
  },
  life_management: {
    name: "Life management",
    definition: "organising their life and business: admin, scheduling, logistics, paperwork",
  },
  creative_expression: {
    name: "Creative expression",
    definition: "realising creative ideas they could not realise alone",
  },
  scientific_discovery: {
    name: "Scientific discovery",
    definition: "accelerating research: new hypotheses, analysis, discovery, solving hard problems",
  },
  societal_benefit: {
    name: "Societal benefit",
    definition: "benefits beyond themselves: health, education, helping others or society",
  },
  none: { name: "No clear vision", definition: "no hope or vision for AI is expressed" },
} satisfies Record<string, Label>;
export const VISIONS = keys(VISION_LABELS);
export type Vision = (typeof VISIONS)[number];

/** Realised experiences: ways AI already helped (multi-label). */
export const EXPERIENCE_LABELS = {
  time_saved: { name: "Saved time", definition: "work got faster or they got more done" },
  learning: { name: "Learning", definition: "AI explained something or taught them a skill" },
  ideation: { name: "Ideas and unblocking", definition: "brainstorming, inspiration, getting unstuck" },
  technical_help: { name: "Technical help", definition: "code, data, calculations or tools that work" },
  writing_help: { name: "Writing help", definition: "drafting, editing, wording, proofreading" },
  research_help: { name: "Research help", definition: "finding sources, literature, summaries" },
  admin_relief: { name: "Admin relief", definition: "emails, paperwork, scheduling, business tasks" },
  confidence: {
    name: "Confidence and support",
    definition: "less stress, more confidence, encouragement, a second opinion",
  },
} satisfies Record<string, Label>;
export const EXPERIENCES = keys(EXPERIENCE_LABELS);
export type Experience = (typeof EXPERIENCES)[number];

/** Concerns: ways AI could go against the person's vision or values (multi-label). 81k study: unreliability 26.7%, jobs/economy 22.3%, autonomy 21.9%, cognitive atrophy 16.3%. */
export const CONCERN_LABELS = {
  unreliability: {
    name: "Unreliability",
    definition:
      "errors, hallucinations, inaccuracy or inconsistency; output that cannot be trusted unchecked",
  },
  jobs_economy: {
    name: "Jobs and economy",
    definition: "lost work, pay or clients, replacement of workers, saturated markets",
  },
  autonomy: {
    name: "Autonomy",
    definition: "losing control or agency to AI, or to the companies behind it",
  },
  cognitive_atrophy: {
    name: "Cognitive atrophy",
    definition: "losing skills or critical thinking by relying on AI; dependence, laziness",
  },
  authenticity: {
    name: "Loss of human creativity",
    definition: "generic, soulless or homogenised work; losing the human touch; AI slop",
  },
  ip_consent: {
    name: "Intellectual property",
    definition: "training on people's work without consent, copying styles, plagiarism, theft",
  },
  privacy_security: {
    name: "Privacy and security",
    definition: "confidential or personal data, security of what is shared with AI",
  },
  misinformation: {
    name: "Misinformation and misuse",
    definition: "deepfakes, fake content, deception, people passing AI work off as their own",
  },
  environment: { name: "Environment", definition: "energy, water and climate costs of AI" },
  bias: { name: "Bias", definition: "biased or one-sided output" },
} satisfies Record<string, Label>;
export const CONCERNS = keys(CONCERN_LABELS);
export type Concern = (typeof CONCERNS)[number];

/** Context tags: the kinds of work the participant uses AI for (multi-label). */
export const CONTEXT_LABELS = {
  writing: { name: "Writing", definition: "drafting, editing, copy, scripts, papers" },
  coding: { name: "Coding", definition: "programming, scripts, debugging" },
  data_analysis: { name: "Data and statistics", definition: "data analysis, statistics, plots, models" },
  literature: { name: "Literature and research", definition: "finding papers, sources, reviews" },
  brainstorming: { name: "Brainstorming", definition: "ideas, concepts, inspiration" },
  visual: { name: "Images and design", definition: "images, illustration, graphic design, photos" },
  music_audio: { name: "Music and audio", definition: "music, lyrics, sound, mixing" },
  video: { name: "Film and video", definition: "video, film, animation" },
  marketing: { name: "Marketing and social media", definition: "social media, SEO, marketing, branding" },
  admin: { name: "Admin and business", definition: "emails, scheduling, invoices, business planning" },
  teaching: { name: "Teaching and learning", definition: "lessons, students, studying, explanations" },
} satisfies Record<string, Label>;
export const CONTEXTS = keys(CONTEXT_LABELS);
export type Context = (typeof CONTEXTS)[number];

/** Intent: what the participant mainly uses AI for (one per interview). */
export const INTENT_LABELS = {
  efficiency: { name: "Efficiency", definition: "to save time and do more, faster" },
  quality: { name: "Quality", definition: "to improve the quality of their work" },
  learning: { name: "Learning", definition: "to understand things and learn" },
  ideation: { name: "Ideation", definition: "for ideas and inspiration" },
  exploration: { name: "Exploration", definition: "trying it out, curiosity, testing what it can do" },
  minimal_use: { name: "Minimal use", definition: "rarely uses it or deliberately keeps it out" },
} satisfies Record<string, Label>;
export const INTENTS = keys(INTENT_LABELS);
export type Intent = (typeof INTENTS)[number];

export const EMOTIONS = ["satisfaction", "frustration", "worry", "trust"] as const;
export type Emotion = (typeof EMOTIONS)[number];

/** A vocabulary as prompt text: "label: definition" lines. */
export function describeLabels(labels: Record<string, Label>): string {
  return Object.entries(labels)
    .map(([key, l]) => `${key} (${l.definition})`)
    .join("; ");
}
