import { describe, expect, it } from "vitest";
import { answerPages } from "../../src/emit/answer-pages.js";
import { parseTranscript } from "../../src/parse/parse.js";
import { bibtexCitation, bibtexEscape, chicagoCitation, invertName } from "../../src/site/citation.js";

const SOURCE = `Joint press conference on 100% of the {budget} & #costs_now, Geneva, March 3, 2021

Question (Reuters): What is the cost of $5~ per ^unit\\?

Sergey Lavrov: We do not comment on that.

Question: And the next?

Maria Zakharova: Ask again tomorrow.
`;

describe("citations of an answer", () => {
  const t = parseTranscript(SOURCE);
  const pages = answerPages(t);

  it("gives each question its own page data with neighbours", () => {
    expect(pages.map((p) => p.number)).toEqual([1, 2]);
    expect(pages[0]?.next?.id).toBe(pages[1]?.id);
    expect(pages[1]?.prev?.number).toBe(1);
    expect(pages[0]?.answerers).toEqual(["Sergey Lavrov"]);
  });

  it("inverts personal names for the author position", () => {
    expect(invertName("Sergey Lavrov")).toBe("Lavrov, Sergey");
    expect(invertName("Antonio Guterres de Oliveira")).toBe("Oliveira, Antonio Guterres de");
    expect(invertName("Zakharova")).toBe("Zakharova");
  });

  it("writes a Chicago citation with the permanent URL and the event", () => {
    const c = chicagoCitation(pages[0]!, "https://example.org/2021/03/03/x/what-is-the-cost-of/");
    expect(c).toMatch(/^Lavrov, Sergey\. “Joint press conference on 100% of the \{budget\} & #costs_now, Geneva, March 3, 2021\.” Answer to question 1: “What is the cost of/);
    expect(c).toContain("Geneva, March 3, 2021.");
    expect(c.endsWith("https://example.org/2021/03/03/x/what-is-the-cost-of/.")).toBe(true);
  });

  it("writes BibTeX with every special character escaped and balanced braces", () => {
    expect(bibtexEscape("100% {a} & #b_c $d ^e ~f \\g")).toBe("100\\% \\{a\\} \\& \\#b\\_c \\$d \\^{}e \\~{}f \\textbackslash{}g");
    const b = bibtexCitation(pages[1]!, "https://example.org/x/and-the-next/");
    expect(b).toMatch(/^@misc\{zakharova2021next,\n/);
    expect(b).toContain("author = {Zakharova, Maria}");
    expect(b).toContain("month = mar");
    expect(b).toContain("title = {{Joint press conference on 100\\% of the \\{budget\\} \\& \\#costs\\_now, Geneva, March 3, 2021: answer to question 2}}");
    // Unescaped braces must balance for BibTeX to read the entry.
    let depth = 0;
    for (const [i, ch] of [...b].entries()) {
      if (b[i - 1] === "\\") continue;
      if (ch === "{") depth++;
      if (ch === "}") depth--;
      expect(depth).toBeGreaterThanOrEqual(0);
    }
    expect(depth).toBe(0);
  });
});
