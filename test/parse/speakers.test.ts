import { describe, expect, it } from "vitest";
import { parseTranscript } from "../../src/parse/parse.js";
import { isRoleOnly, SpeakerNames } from "../../src/parse/speakers.js";

describe("speaker names", () => {
  it("drops titles and offices of a country", () => {
    const names = new SpeakerNames();
    expect(names.resolve("President of Russia Vladimir Putin")).toBe("Vladimir Putin");
    expect(names.resolve("Vladimir Putin")).toBe("Vladimir Putin");
    expect(names.resolve("President of France Emmanuel Macron")).toBe("Emmanuel Macron");
    expect(names.resolve("Foreign Minister Sergey Lavrov")).toBe("Sergey Lavrov");
    expect(names.resolve("LAVROV")).toBe("Sergey Lavrov");
  });

  it("tames capitals, keeping hyphens and a title when only a surname is known", () => {
    const names = new SpeakerNames();
    expect(names.resolve("MS. JEAN-PIERRE")).toBe("Ms. Jean-Pierre");
    expect(names.resolve("MR KIRBY")).toBe("Mr Kirby");
    expect(names.resolve("SG")).toBe("SG");
  });

  it("finds a full name or an office holder in the header", () => {
    const names = new SpeakerNames();
    names.setContext(["Interview with Fran Kelly, ABC RN Breakfast", "Remarks by President Biden and Prime Minister Sunak"]);
    expect(names.resolve("KELLY")).toBe("Fran Kelly");
    expect(names.resolve("THE PRESIDENT")).toBe("President Biden");
    expect(names.resolve("THE PRIME MINISTER")).toBe("Prime Minister Sunak");
    expect(names.resolve("MODERATOR")).toBe("Moderator");
  });

  it("lets configured aliases win", () => {
    const names = new SpeakerNames({ "The President": "Joe Biden", SG: "António Guterres" });
    expect(names.resolve("THE PRESIDENT")).toBe("Joe Biden");
    expect(names.resolve("SG")).toBe("António Guterres");
  });

  it("tells offices from names", () => {
    expect(["The President", "Moderator", "SG", "Speaker 2", "Secretary-General"].every(isRoleOnly)).toBe(true);
    expect(["President Biden", "Sergey Lavrov", "Mr Kirby"].some(isRoleOnly)).toBe(false);
  });
});

describe("aliases through options and front-matter", () => {
  const text = "Talks in Moscow\nMoscow, 5 May 2021\n\nPresident of Russia Vladimir Putin: Welcome.\n\nQuestion: Why now?\n\nPutin V.V.: Because it is time.\n";

  it("merges names through options.aliases", () => {
    expect(parseTranscript(text).speakers).toEqual(["Vladimir Putin", "Putin V.V."]);
    expect(parseTranscript(text, { aliases: { "Putin V.V.": "Vladimir Putin" } }).speakers).toEqual(["Vladimir Putin"]);
  });

  it("merges an initial and a surname with the full name seen before, without aliases", () => {
    expect(parseTranscript(text.replace("Putin V.V.:", "V.Putin:")).speakers).toEqual(["Vladimir Putin"]);
    expect(parseTranscript(text.replace("Putin V.V.:", "W.Putin:")).speakers).toEqual(["Vladimir Putin", "W.Putin"]);
  });

  it("lets the transcript's front-matter add aliases", () => {
    const t = parseTranscript(`---\naliases:\n  Putin V.V.: Vladimir Putin\n---\n${text}`);
    expect(t.speakers).toEqual(["Vladimir Putin"]);
    const qa = t.sections.find((s) => s.kind === "qa");
    expect(qa?.kind === "qa" && qa.answer.map((a) => a.speaker)).toEqual(["Vladimir Putin"]);
  });
});

describe("bare question and answer labels", () => {
  it("reads Q and A with the text on the same line or the next", () => {
    const t = parseTranscript("Interview with the Ambassador\n12 May 2022\n\nQ\nHow are relations?\n\nA\nGood.\n\nQ. And trade?\n\nA. Growing.\n");
    const qa = t.sections.filter((s) => s.kind === "qa");
    expect(qa.map((s) => s.kind === "qa" && [s.question[0]?.label, s.question[0]?.paragraphs[0]?.text, s.answer[0]?.label, s.answer[0]?.paragraphs[0]?.text])).toEqual([
      ["Q", "How are relations?", "A", "Good."],
      ["Q.", "And trade?", "A.", "Growing."],
    ]);
  });

  it("reads a speaker whose first initial is A or Q as that speaker when the name labels more than one line or is known", () => {
    const t = parseTranscript("Joint press conference\nMinsk, 3 April 2023\n\nVladimir Putin: Good afternoon.\n\nA. Lukashenko: Thank you, Vladimir Vladimirovich.\n\nQuestion: A question for both presidents?\n\nA. Lukashenko (via interpreter): We agree.\n\nQ. Wang Yi: I will add a word.\n\nA. Growing: trade grew.\n");
    expect(t.speakers).toEqual(["Vladimir Putin", "A. Lukashenko"]);
    const qa = t.sections.filter((s) => s.kind === "qa");
    // Once, with nothing else naming him, "Q. Wang Yi:" stays a question that starts "Wang Yi:".
    expect(qa.map((s) => s.kind === "qa" && [...s.question, ...s.answer].map((a) => [a.role, a.label, a.speaker, a.paragraphs[0]?.text]))).toEqual([
      [["question", "Question:", null, "A question for both presidents?"], ["answer", "A. Lukashenko (via interpreter):", "A. Lukashenko", "We agree."]],
      [["question", "Q.", null, "Wang Yi: I will add a word."], ["answer", "A.", null, "Growing: trade grew."]],
    ]);
    // A questioner's outlet or a form of address after "Q." is not a person's initial, however often it comes.
    const outlet = parseTranscript("Press conference\nMinsk, 3 April 2023\n\nQ. Reuters: What about the talks?\n\nA. No comment.\n\nQ. Reuters: And the economy?\n\nA. It grows.\n\nQ. Mr President: One more?\n\nA. Go ahead.\n");
    expect(outlet.speakers).toEqual([]);
    expect(outlet.sections.map((s) => s.kind === "qa" && [s.question[0]?.label, s.question[0]?.paragraphs[0]?.text, s.answer[0]?.label])).toEqual([
      ["Q.", "Reuters: What about the talks?", "A."],
      ["Q.", "Reuters: And the economy?", "A."],
      ["Q.", "Mr President: One more?", "A."],
    ]);
    const known = parseTranscript("Talks with Alexander Lukashenko\nMinsk, 3 April 2023\n\nQuestion: Mr President?\n\nA. Lukashenko: Yes.\n");
    const answer = known.sections.find((s) => s.kind === "qa");
    expect(answer?.kind === "qa" && answer.answer[0]?.speaker).toBe("Alexander Lukashenko");
  });
});

describe("labels copied from Markdown or rich text", () => {
  it("reads bold labels and keeps the asterisks in the label as written", () => {
    const t = parseTranscript("Noon briefing\n12 October 2023\n\n**Question:** Has he spoken to the Prime Minister?\n\n__Stéphane Dujarric__: Not today.\n\n**Question**: And Egypt?\n\n**Stéphane Dujarric:** Yes.\n");
    const qa = t.sections.filter((s) => s.kind === "qa");
    expect(qa.map((s) => s.kind === "qa" && [s.question[0]?.label, s.answer[0]?.label, s.answer[0]?.speaker])).toEqual([
      ["**Question:**", "__Stéphane Dujarric__:", "Stéphane Dujarric"],
      ["**Question**:", "**Stéphane Dujarric:**", "Stéphane Dujarric"],
    ]);
    expect(t.speakers).toEqual(["Stéphane Dujarric"]);
  });
});
