import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { decode } from "../../src/ingest/decode.js";
import type { Section, Transcript } from "../../src/model/transcript.js";
import { parseTranscript } from "../../src/parse/parse.js";
import { ROOT } from "../support/paths.js";

const FIXTURES_DIR = join(ROOT, "test/fixtures/transcripts");

function parseFixture(name: string): Transcript {
  const d = decode(readFileSync(join(FIXTURES_DIR, name)));
  if (!d.ok) throw new Error(`${name}: ${d.reason}`);
  return parseTranscript(d.text);
}

/** A section as "who asks -> who answers" (speaker, else the label as written), or the remarks' speakers. */
function shape(s: Section): string {
  const who = (t: { speaker: string | null; label: string | null }) => t.speaker ?? t.label ?? "(unlabelled)";
  if (s.kind === "remarks") return `remarks: ${s.turns.map(who).join(", ")}`;
  return `${s.question.map(who).join(" + ")} -> ${s.answer.map(who).join(", ")}`;
}

interface Expected {
  title: string;
  date: string | null;
  place: string | null;
  speakers: string[];
  sections: string[];
  removed: [number, string][];
  warnings: [number, string][];
  source?: Transcript["source"];
  language?: string;
  published?: string;
}

const EXPECTED: Record<string, Expected> = {
  "state-department-briefing.txt": {
    title: "Department Press Briefing – October 12, 2023",
    date: "2023-10-12",
    place: "Washington, DC",
    // "MR MILLER:" is the spokesperson the header names in full.
    speakers: ["Matthew Miller"],
    sections: ["remarks: Matthew Miller", "QUESTION: -> Matthew Miller", "QUESTION: -> Matthew Miller", "QUESTION: -> Matthew Miller"],
    removed: [[6, "time-of-day"]],
    warnings: [],
  },
  "state-department-joint-availability.txt": {
    title: "Secretary Antony J. Blinken and Ukrainian Foreign Minister Dmytro Kuleba at a Joint Press Availability",
    date: "2023-09-06",
    place: "Kyiv, Ukraine",
    speakers: ["Dmytro Kuleba", "Antony J. Blinken"],
    sections: [
      "remarks: Dmytro Kuleba, Antony J. Blinken, Moderator",
      // Two answerers to one question, in order; the moderator's hand-over stays with the section it closes.
      "QUESTION: -> Antony J. Blinken, Dmytro Kuleba, Moderator",
      "QUESTION: (Via interpreter) -> Dmytro Kuleba",
    ],
    removed: [],
    warnings: [],
  },
  "white-house-remarks.txt": {
    title: "Remarks by President Biden Before Marine One Departure",
    date: "2023-10-13",
    place: "South Lawn",
    // "THE PRESIDENT:" is the president the title names.
    speakers: ["President Biden"],
    sections: ["remarks: President Biden", "Q -> President Biden", "Q -> President Biden", "Q -> President Biden"],
    removed: [[4, "time-of-day"], [20, "time-of-day"]],
    warnings: [],
  },
  "white-house-press-briefing.txt": {
    title: "Press Briefing by Press Secretary Karine Jean-Pierre",
    date: "2023-05-01",
    place: null,
    speakers: ["Karine Jean-Pierre"],
    sections: ["remarks: Karine Jean-Pierre", "Q -> Karine Jean-Pierre", "Q -> Karine Jean-Pierre", "Q: -> Karine Jean-Pierre, Karine Jean-Pierre"],
    removed: [[4, "time-of-day"], [24, "time-of-day"]],
    warnings: [],
  },
  "un-press-encounter.txt": {
    title: "Secretary-General's press encounter on the situation in the Middle East",
    date: "2023-10-18",
    place: "New York",
    // "SG" through the transcript's own front-matter aliases; the spokesperson is a function, not a name.
    speakers: ["António Guterres"],
    sections: ["remarks: António Guterres, Spokesperson", "Question: -> António Guterres", "Question: -> António Guterres, Spokesperson"],
    removed: [[1, "front-matter"], [2, "front-matter"], [3, "front-matter"], [4, "front-matter"]],
    warnings: [],
  },
  "abc-radio-interview.txt": {
    title: "Interview with Fran Kelly, ABC RN Breakfast",
    date: "2022-03-15",
    place: null,
    // Surnames in capitals resolve to the full names in the header; the interviewer asks.
    speakers: ["Fran Kelly", "Marise Payne"],
    sections: ["Fran Kelly -> Marise Payne", "Fran Kelly -> Marise Payne", "Fran Kelly -> Marise Payne"],
    removed: [[5, "delivery-note"]],
    warnings: [],
  },
  "kremlin-joint-press.txt": {
    title: "Press statements and answers to journalists’ questions following Russian-French talks",
    date: "2022-02-07",
    place: "The Kremlin, Moscow",
    // "President of Russia Vladimir Putin" = "Vladimir Putin"; "President of France Emmanuel Macron (retranslated)" = "Emmanuel Macron".
    speakers: ["Vladimir Putin", "Emmanuel Macron"],
    sections: ["remarks: Vladimir Putin, Emmanuel Macron", "Question: -> Vladimir Putin, Emmanuel Macron", "Question (via interpreter): -> Vladimir Putin"],
    removed: [[1, "language-bar"], [2, "language-bar"], [6, "time-of-day"], [26, "site-furniture"], [27, "site-furniture"], [28, "footer-furniture"]],
    warnings: [],
    source: { url: "http://en.kremlin.ru/events/president/news/67735" },
  },
  "putin-annual-press-conference.txt": {
    title: "Vladimir Putin’s annual news conference",
    date: "2019-12-19",
    place: "World Trade Centre, Moscow",
    speakers: ["Dmitry Peskov", "Vladimir Putin", "Pavel Zarubin", "Henry Foy"],
    sections: [
      "remarks: Dmitry Peskov, Vladimir Putin, Dmitry Peskov",
      "Pavel Zarubin -> Vladimir Putin, Dmitry Peskov",
      "Henry Foy -> Vladimir Putin",
      // A follow-up remark with a short answer is its own section.
      "Remark: -> Vladimir Putin",
    ],
    removed: [],
    warnings: [],
  },
  "mfa-press-conference-journalists.txt": {
    title: "Foreign Minister Sergey Lavrov’s remarks and answers to media questions at a joint news conference following talks with Foreign Minister of Turkey Mevlut Cavusoglu, Antalya, March 10, 2022",
    date: "2022-03-10",
    place: "Antalya",
    speakers: ["Sergey Lavrov", "Mevlut Cavusoglu", "John Smith"],
    sections: [
      "remarks: Sergey Lavrov, Mevlut Cavusoglu",
      "John Smith -> Sergey Lavrov",
      "Follow-up question: -> Sergey Lavrov",
      "Question (via interpreter, to both ministers): -> Mevlut Cavusoglu, Sergey Lavrov",
    ],
    removed: [],
    warnings: [],
  },
  "rev-timestamped-interview.txt": {
    title: "Senator Jane Doe Interview on Climate Bill Transcript",
    date: "2023-03-03",
    place: null,
    speakers: ["Tom Brown", "Jane Doe"],
    sections: ["Tom Brown -> Jane Doe", "Tom Brown -> Jane Doe", "Tom Brown -> "],
    removed: [],
    warnings: [],
  },
  "podcast-bracket-timestamps.txt": {
    title: "Episode 42: The future of diplomacy, with Ambassador Ana Ruiz",
    date: "2021-06-21",
    place: null,
    speakers: ["Ana Ruiz"],
    sections: ["Host -> Ana Ruiz", "Host -> Ana Ruiz"],
    removed: [],
    warnings: [],
  },
  "hard-wrapped-briefing.txt": {
    title: "PRESS BRIEFING BY THE MINISTER OF DEFENCE",
    date: "2019-04-04",
    place: "Canberra",
    // "MINISTER" is an office the header does not give a name to.
    speakers: [],
    sections: ["remarks: Minister", "QUESTION: -> Minister", "QUESTION: -> Minister"],
    removed: [],
    warnings: [],
  },
  "speech-check-against-delivery.txt": {
    title: "Secretary-General's address to the General Assembly",
    date: "2023-09-19",
    place: "New York",
    speakers: [],
    sections: ["remarks: Secretary-General"],
    removed: [[1, "delivery-note"]],
    warnings: [],
  },
  "embassy-qa-interview.txt": {
    title: "Ambassador Denis Alipov’s interview with The Hindu newspaper",
    date: "2019-05-15",
    place: null,
    // A bare "A:" is the person whose interview it is.
    speakers: ["Denis Alipov"],
    sections: ["Q: -> Denis Alipov", "Q: -> Denis Alipov", "Q. -> Denis Alipov"],
    removed: [],
    warnings: [],
    source: { publisher: "Embassy of the Russian Federation in India" },
  },
  "blog-repost-furniture.txt": {
    title: "Statement by the Spokesperson on the elections in the Republic of Moldova",
    date: "2024-11-04",
    place: "Brussels",
    speakers: [],
    sections: ["remarks: (unlabelled)"],
    removed: [[1, "breadcrumb"], [2, "language-bar"], [5, "delivery-note"], [13, "blog-furniture"], [14, "site-furniture"], [15, "site-furniture"], [16, "blog-furniture"]],
    warnings: [],
    source: { url: "https://www.eeas.europa.eu/eeas/moldova-statement-spokesperson_en" },
  },
  "mfa-russian-windows-1251.txt": {
    title: "Выступление и ответы на вопросы СМИ Министра иностранных дел России С.В.Лаврова в ходе совместной пресс-конференции",
    date: "2021-04-14",
    place: "Москва",
    speakers: ["С.В.Лавров"],
    sections: ["remarks: С.В.Лавров", "Вопрос: -> С.В.Лавров", "Вопрос (в переводе с английского): -> С.В.Лавров"],
    removed: [],
    warnings: [],
    language: "ru",
  },
  "mfa-russian-press-conference-2020.txt": {
    title: "Выступление и ответы на вопросы СМИ Министра иностранных дел России С.В.Лаврова в ходе совместной пресс-конференции по итогам переговоров с Министром иностранных дел Норвегии",
    date: "2020-09-24",
    place: "Москва",
    speakers: ["С.В.Лавров"],
    sections: ["remarks: С.В.Лавров", "Вопрос: -> С.В.Лавров", "Вопрос (в переводе с английского): -> С.В.Лавров", "Вопрос: -> С.В.Лавров"],
    removed: [],
    warnings: [],
    language: "ru",
  },
  "gov-uk-speech-utf16le-crlf.txt": {
    title: "UK statement at the UN Security Council meeting on Ukraine",
    date: "2023-06-06",
    place: null,
    speakers: ["Barbara Woodward"],
    sections: ["remarks: Barbara Woodward"],
    removed: [[1, "page-type"]],
    warnings: [],
    source: { publisher: "Foreign, Commonwealth & Development Office and Dame Barbara Woodward DCMG OBE" },
  },
  "un-security-council-debate.txt": {
    title: "United Nations S/PV.8991",
    date: "2022-03-18",
    place: "New York",
    // Delegates' statements with a country and a language note: a debate, no questions, no journalists.
    speakers: ["Mr. Nebenzia", "Ms. Thomas-Greenfield", "Barbara Woodward"],
    sections: ["remarks: The President, Mr. Nebenzia, Ms. Thomas-Greenfield, The President, Barbara Woodward"],
    removed: [],
    warnings: [],
    source: { publisher: "Security Council" },
  },
  "panel-undated-editors-note.txt": {
    title: "Panel discussion: Can the Security Council be reformed?",
    date: null,
    place: null,
    speakers: ["Ambassador Okafor", "Prof. Lindqvist"],
    sections: [
      "remarks: (unlabelled)",
      "Moderator -> Ambassador Okafor",
      "Moderator -> Prof. Lindqvist",
      // "Chen:" is not recognised (warned); "Lindqvist:" is the professor seen before.
      "AUDIENCE MEMBER: -> Ambassador Okafor, Prof. Lindqvist, Prof. Lindqvist",
    ],
    removed: [],
    warnings: [[1, "no-date"], [17, "label-not-recognised"]],
  },
};

describe("fixtures in publishers' formats", () => {
  it("has an expectation for every fixture file, and at least 12 formats", () => {
    const files = readdirSync(FIXTURES_DIR).filter((f) => f.endsWith(".txt")).sort();
    expect(files).toEqual(Object.keys(EXPECTED).sort());
    expect(files.length).toBeGreaterThanOrEqual(12);
  });

  for (const [file, want] of Object.entries(EXPECTED)) {
    it(`reads ${file}`, () => {
      const t = parseFixture(file);
      expect({ title: t.title, date: t.date, place: t.place, speakers: t.speakers }).toEqual({ title: want.title, date: want.date, place: want.place, speakers: want.speakers });
      expect(t.sections.map(shape)).toEqual(want.sections);
      expect(t.removed.map((r) => [r.line, r.rule])).toEqual(want.removed);
      expect(t.warnings.map((w) => [w.line, w.code])).toEqual(want.warnings);
      if (want.source) expect(t.source).toEqual(want.source);
      expect(t.language).toBe(want.language ?? "en");
    });
  }
});

describe("details that matter on real pages", () => {
  it("joins hard-wrapped lines into one paragraph per block", () => {
    const t = parseFixture("hard-wrapped-briefing.txt");
    const remarks = t.sections[0];
    expect(remarks?.kind === "remarks" && remarks.turns[0]?.paragraphs.map((p) => [p.line, p.text])).toEqual([
      [4, "Good morning. I want to make a short statement about the deployment that was announced yesterday, and then I will take questions."],
      [8, "The deployment will consist of two ships and around four hundred personnel. They will leave on Monday."],
    ]);
  });

  it("does not join a short line of hard-wrapped text to the next one", () => {
    const t = parseTranscript([
      "Address by the Prime Minister to the Nation",
      "London, 23 March 2020",
      "",
      "Good evening.",
      "",
      "The coronavirus is the biggest threat this country has faced for",
      "decades, and this country is not alone. All over the world we are",
      "seeing the devastating impact of this invisible killer.",
      "",
      "Friends,",
      "colleagues,",
      "",
      "From this evening I must give the British people a very simple",
      "instruction: you must stay at home.",
    ].join("\n"));
    const texts = t.sections.flatMap((s) => (s.kind === "remarks" ? s.turns : [])).flatMap((turn) => turn.paragraphs).map((p) => p.text);
    expect(texts).toEqual([
      "Good evening.",
      "The coronavirus is the biggest threat this country has faced for decades, and this country is not alone. All over the world we are seeing the devastating impact of this invisible killer.",
      "Friends,",
      "colleagues,",
      "From this evening I must give the British people a very simple instruction: you must stay at home.",
    ]);
    expect(t.warnings).toEqual([]);
  });

  it("keeps mid-text salutations as paragraphs of the speech", () => {
    const t = parseFixture("speech-check-against-delivery.txt");
    const texts = t.sections.flatMap((s) => (s.kind === "remarks" ? s.turns : [])).flatMap((turn) => turn.paragraphs).map((p) => p.text);
    expect(texts).toContain("Excellencies,");
    expect(texts).toContain("Dear friends,");
    expect(texts.at(-1)).toBe("Thank you.");
  });

  it("reads the country, not the language note, as a delegate's affiliation", () => {
    const t = parseFixture("un-security-council-debate.txt");
    const turns = t.sections[0]?.kind === "remarks" ? t.sections[0].turns : [];
    expect(turns.map((x) => x.affiliation)).toEqual([null, "Russian Federation", "United States of America", null, "United Kingdom"]);
    expect(turns[1]?.label).toBe("Mr. Nebenzia (Russian Federation) (spoke in Russian):");
  });

  it("keeps the journalist's outlet as the affiliation and the interpreter note out of it", () => {
    const t = parseFixture("mfa-press-conference-journalists.txt");
    const qa = t.sections.filter((s) => s.kind === "qa");
    expect(qa[0]?.question[0]).toMatchObject({ speaker: "John Smith", affiliation: "Reuters", label: "John Smith (Reuters):" });
    expect(qa[2]?.question[0]?.affiliation).toBeNull();
  });

  it("takes the source link from a 'Direct link:' line instead of throwing it away", () => {
    const t = parseFixture("kremlin-joint-press.txt");
    expect(t.header.find((h) => h.role === "source")).toMatchObject({ line: 25, text: "Direct link: http://en.kremlin.ru/events/president/news/67735" });
  });

  it("gives question ids from the question's first words, without the interpreter note", () => {
    const t = parseFixture("state-department-joint-availability.txt");
    expect(t.sections.map((s) => s.id)).toEqual(["remarks", "thank-you-mr-secretary-are-you", "mr-minister-when-will-ukraine-receive"]);
  });
});
