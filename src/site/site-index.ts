import { answerSummaries } from "../emit/answer-pages.js";
import { pageData } from "../emit/front-matter.js";
import type { Transcript } from "../model/transcript.js";
import { newestFirst, speakerItems, transcriptItems, type SpeakerItem, type TranscriptItem } from "./collections.js";

/**
 * What the pages that list transcripts need to know of the whole archive: every transcript's list entry
 * (newest first) and every speaker. Computed once per build from the parsed transcripts, so the site can be
 * rendered in shards (src/build/render-shards.ts): a shard's Eleventy run sees only its own transcripts, yet
 * its newer/older links and the list pages are those of the whole archive.
 */
export interface SiteIndex {
  transcripts: TranscriptItem[];
  speakers: SpeakerItem[];
}

/** The transcripts collection's item for one (reconciled) transcript, as Eleventy's collection would build it. */
export function transcriptItem(t: Transcript, file: string): TranscriptItem {
  const d = pageData(t, file);
  const [item] = transcriptItems([{ url: d.permalink, data: d }]);
  return item!;
}

export function siteIndex(parsed: { file: string; t: Transcript }[]): SiteIndex {
  const transcripts = parsed.map((p) => transcriptItem(p.t, p.file)).sort(newestFirst);
  return { transcripts, speakers: speakerItems(transcripts, parsed.flatMap((p) => answerSummaries(p.t))) };
}
